"""A list short of its total whose parts are named as another list's of the page, which adds up.

Own writing, in the shape of 直达资金 progress notes: a 其中 list of the whole city and one of the
city level, both split into 中央安排 and 地方安排.
"""

from __future__ import annotations

import pytest

from perfcheck.extract import extract
from phrasing_texts import checked_by_hand, read_text, relation_values

CITY = "全市直达资金总额{total}亿元。其中：中央安排直达资金全市50.10亿元；地方安排直达资金{local}亿元。"
LEVEL = "市本级直达资金30.00亿元。其中：中央安排直达资金25.00亿元；地方安排资金5.00亿元。"


@pytest.mark.parametrize(
    "text",
    [
        "某市直达资金执行情况\n" + CITY.format(total="60.50", local="10.00") + "\n" + LEVEL + "\n",
        # the list that adds up printed first
        "某市直达资金执行情况\n" + LEVEL + "\n" + CITY.format(total="60.50", local="10.00") + "\n",
        # 中央 and 地方 under other words
        (
            "某市补助资金情况\n全市补助资金总额60.50亿元，其中：中央补助50.10亿元，地方配套10.00亿元。\n"
            "市本级补助资金30.00亿元，其中：中央补助资金25.00亿元，地方配套资金5.00亿元。\n"
        ),
    ],
)
def test_a_short_list_named_as_one_that_adds_up_is_complete_to_be_checked_by_hand(text: str) -> None:
    ledger, result = read_text(text)
    assert ({"60.50", "50.10", "10.00"}, "inferred") in relation_values(ledger, "sum")
    assert not result.errors
    # complete now, the list short of its total is a break to check by hand
    assert {"60.50", "50.10", "10.00"} in checked_by_hand(ledger, result)


@pytest.mark.parametrize(
    "text",
    [
        # no list of the page adds up: the short list stays partial
        (
            "某市直达资金执行情况\n" + CITY.format(total="60.50", local="10.00") + "\n"
            "市本级直达资金30.00亿元。其中：中央安排直达资金24.00亿元；地方安排资金5.00亿元。\n"
        ),
        # the other list's parts are named otherwise
        (
            "某市直达资金执行情况\n" + CITY.format(total="60.50", local="10.00") + "\n"
            "市本级直达资金30.00亿元。其中：基本支出25.00亿元；项目支出5.00亿元。\n"
        ),
        # the words say the list is partial
        (
            "某市直达资金执行情况\n全市直达资金总额60.50亿元。其中主要是：中央安排直达资金全市50.10亿元；"
            "地方安排直达资金10.00亿元。\n" + LEVEL + "\n"
        ),
    ],
)
def test_a_short_list_stays_partial_without_a_list_named_alike_that_adds_up(text: str) -> None:
    ledger, result = read_text(text)
    assert result.ok
    assert {"60.50", "50.10", "10.00"} not in checked_by_hand(ledger, result)


def test_the_completed_list_is_rebuilt_as_a_complete_sum_by_the_list_reader() -> None:
    text = "某市直达资金执行情况\n" + CITY.format(total="60.50", local="10.00") + "\n" + LEVEL + "\n"
    found = extract(text)
    (completed,) = [r for r in found.ledger.relations if r.kind == "sum" and r.basis == "inferred"]
    # built anew by sum_of, as a complete sum (its label says =), not a partial one relabelled
    assert found.built_by[str(completed.id)] == "parallel_lists.parallel_lists/sum_of"
    assert completed.exhaustive
    assert " = " in str(completed.label)
    assert " ≥ " not in str(completed.label)
