"""The changes of every part of a known partition, each printed against the total's base: stated.

Own writing, in the shape of 三公经费 决算 notes and 预算执行 reports. When a total's parts are a
known complete partition (the three 三公 classes; 税收收入 and 非税收入; 公务用车购置费 and 运行维护费)
and each part prints its own change against the base the total's change is against, the page
states every term of the total's change: a break is an error. A list that leaves a class out,
a change against another base, or reasons (主要原因) stay to be checked by hand.
"""

from __future__ import annotations

import pytest

from phrasing_texts import checked_by_hand, error_values, read_text

SANGONG = (
    "“三公”经费支出15.00万元，比上年减少{total}万元。其中：因公出国（境）费0.00万元，比上年减少1.00万元；"
    "公务接待费3.00万元，比上年减少1.00万元；公务用车购置及运行维护费12.00万元，比上年减少{car}万元。"
)
INCOME = "一般公共预算收入1000万元，同比增长{total}万元。其中：税收收入800万元，同比增长60万元；非税收入200万元，同比增长50万元。"
CARS = (
    "公务用车购置及运行维护费12.00万元，比上年减少{total}万元。其中：公务用车购置费0.00万元，与上年持平；"
    "公务用车运行维护费12.00万元，比上年减少1.00万元。"
)


@pytest.mark.parametrize(
    "text",
    [
        SANGONG.format(total="4.00", car="2.00"),
        INCOME.format(total="110"),
        CARS.format(total="1.00"),
    ],
)
def test_the_changes_of_a_whole_partition_that_add_up_read_clean(text: str) -> None:
    ledger, result = read_text(text)
    assert result.ok, error_values(ledger, result)
    assert not checked_by_hand(ledger, result)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (SANGONG.format(total="5.00", car="2.00"), {"5.00", "1.00", "2.00"}),
        (INCOME.format(total="100"), {"100", "60", "50"}),
        (CARS.format(total="2.00"), {"2.00", "1.00"}),
    ],
)
def test_the_changes_of_a_whole_partition_that_do_not_add_up_are_an_error(
    text: str, values: set[str]
) -> None:
    ledger, result = read_text(text)
    assert values in error_values(ledger, result)


@pytest.mark.parametrize(
    "text",
    [
        # a class left out of the list (出国 printed nowhere): its change is not said
        (
            "“三公”经费支出15.00万元，比上年减少5.00万元。其中：公务接待费3.00万元，比上年减少1.00万元；"
            "公务用车购置及运行维护费12.00万元，比上年减少2.00万元。"
        ),
        # one class's change against its budget, not against last year
        (
            "“三公”经费支出15.00万元，比上年减少5.00万元。其中：因公出国（境）费0.00万元，比上年减少1.00万元；"
            "公务接待费3.00万元，比上年减少1.00万元；公务用车购置及运行维护费12.00万元，比预算减少2.00万元。"
        ),
        # reasons, which may name only the main ones
        (
            "一般公共预算收入1000万元，同比增长100万元，主要原因是：税收收入800万元，同比增长60万元；"
            "非税收入200万元，同比增长50万元。"
        ),
        # parts that are no known partition (two projects of a larger spending)
        "项目支出400万元，比上年增加100万元。其中：A项目250万元，比上年增加60万元；B项目150万元，比上年增加50万元。",
    ],
)
def test_near_miss_terms_not_stated_by_the_page_are_never_an_error(text: str) -> None:
    ledger, result = read_text(text)
    assert result.ok, error_values(ledger, result)
