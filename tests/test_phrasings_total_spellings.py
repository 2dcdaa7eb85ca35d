"""A side's total printed under two spellings (总收入, 收入合计) is one quantity, inferred.

Own writing, in the shape of a school's 部门决算 page that opens with its totals and lists them later.
"""

from __future__ import annotations

import pytest

from phrasing_texts import checked_by_hand, error_values, read_text, relation_values


@pytest.mark.parametrize(
    ("first", "second"),
    [("总收入", "收入合计"), ("收入合计", "总收入"), ("总支出", "支出合计"), ("收入总额", "总收入")],
)
def test_a_total_printed_twice_differently_is_to_be_checked_by_hand(first: str, second: str) -> None:
    text = (
        f"某学校2023年部门决算\n2023年{first}1250.50万元，比上年增长3.2%。\n"
        f"二、收入支出情况\n2023年{second}1250.05万元，其中：财政拨款800.00万元，其他500.00万元。\n"
    )
    ledger, result = read_text(text)
    assert ({"1250.50", "1250.05"}, "inferred") in relation_values(ledger, "equal")
    assert {"1250.50", "1250.05"} in checked_by_hand(ledger, result)
    assert {"1250.50", "1250.05"} not in error_values(ledger, result)


@pytest.mark.parametrize(
    "text",
    [
        # a 收入总计 holds the carry-over: 总收入 may be either total
        (
            "某学校2023年部门决算\n2023年总收入1250.50万元。\n2023年收入合计1200.00万元，上年结转50.50万元，"
            "收入总计1250.50万元。\n"
        ),
        # two years: two quantities
        "某学校2023年部门决算\n2023年总收入1250.50万元。\n2022年收入合计1180.00万元。\n",
        # one sentence naming both: a page's own distinction
        "某学校2023年部门决算\n2023年总收入1250.50万元，收入合计1200.00万元。\n",
    ],
)
def test_spellings_that_may_name_two_quantities_are_not_equated(text: str) -> None:
    ledger, _ = read_text(text)
    assert not [r for r in ledger.relations if r.kind == "equal" and "two spellings" in (r.label or "")]
