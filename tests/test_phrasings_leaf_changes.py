"""The changes of a sum's parts add up to its total's, through a subtotal that prints none of its own.

Own writing, in the shape of a district's 三公 report: the total's change against 上年, each item's
against the year printed (与2016年相比), the car spending a subtotal of purchase and running costs.
"""

from __future__ import annotations

import pytest

from phrasing_texts import checked_by_hand, read_text

TEXT = (
    "某区2017年“三公”经费决算\n"
    "2017年区级“三公”经费支出500.00万元，比上年减少{total}万元，下降16.67%。具体情况如下：\n"
    "（一）因公出国（境）费20.00万元。{against}，因公出国（境）费减少10.00万元。\n"
    "（二）公务用车购置及运行费400.00万元。其中：\n"
    "1、公务用车购置费50.00万元，{against}，公务用车购置费减少30.00万元。\n"
    "2、公务用车运行费350.00万元，{against}，公务用车运行费减少65.00万元。\n"
    "（三）公务接待费80.00万元。{against}，公务接待费增加5.00万元。\n"
)


def warned(text: str) -> list[set[str]]:
    ledger, result = read_text(text)
    assert not result.errors
    return checked_by_hand(ledger, result)


@pytest.mark.parametrize("against", ["与2016年相比", "与上年相比", "比2016年"])
def test_the_leaves_changes_make_up_the_total_change(against: str) -> None:
    # 10 + 30 + 65 - 5 = 100
    assert warned(TEXT.format(total="100.00", against=against)) == []


@pytest.mark.parametrize("against", ["与2016年相比", "与上年相比", "比2016年"])
def test_a_total_change_the_leaves_miss_is_to_be_checked_by_hand(against: str) -> None:
    flagged = warned(TEXT.format(total="90.00", against=against).replace("16.67%", "15.25%"))
    assert {"90.00", "10.00", "30.00", "65.00", "5.00"} in flagged


def test_a_base_of_another_year_is_no_base_of_the_total_change() -> None:
    flagged = warned(TEXT.format(total="90.00", against="与2015年相比").replace("16.67%", "15.25%"))
    assert not [v for v in flagged if "90.00" in v]
