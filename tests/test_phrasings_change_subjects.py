"""Whose change is it: a rate after another thing's change, a change whose clause names another subject.

Own writing, in the shape of 部门决算 and 预算执行情况 sentences. When the words leave the binding
of a change to the reader's choice, a broken reading is to be checked by hand (PC903), never an
error; when the words settle it, a break is still an error.
"""

from __future__ import annotations

import pytest

from phrasing_texts import checked_by_hand, error_values, read_text, relation_values

REASON = "本年支出1000万元，比上年增加100万元，主要是人员经费增加80万元，增长{rate}%。"


def test_a_rate_after_a_reasons_amount_is_bound_by_a_guess() -> None:
    # 10 % is 80 ÷ 800 (the 人员经费's), not 100 ÷ 900 (the total's 11.11 %)
    ledger, result = read_text(REASON.format(rate="10"))
    assert result.ok, error_values(ledger, result)
    assert ({"1000", "100", "10%"}, "inferred") in relation_values(ledger, "change")
    assert {"1000", "100", "10%"} in checked_by_hand(ledger, result)


def test_a_rate_right_after_its_amount_stays_stated() -> None:
    # near miss: the rate follows the total's own amount, the reason comes after it
    ledger, result = read_text("本年支出1000万元，比上年增加100万元，增长10%，主要是人员经费增加80万元。")
    assert {"1000", "100", "10%"} in error_values(ledger, result)


def test_an_amount_between_that_names_no_change_leaves_the_rate_stated() -> None:
    # near miss: an amount printed between that no change word names is no rival change
    ledger, result = read_text("本年支出1000万元，比上年增加100万元，其中财政拨款800万元，增长50%。")
    assert ({"1000", "100", "50%"}, "stated") in relation_values(ledger, "change")
    assert {"1000", "100", "50%"} in error_values(ledger, result)


@pytest.mark.parametrize(
    "text",
    [
        "项目支出400万元，主要用于信息化建设，信息化建设比上年增加50万元，增长25%。",
        "三公经费支出15万元，比上年减少3万元，其中公务接待费比上年减少2万元，下降40%。",
    ],
)
def test_a_change_whose_clause_names_another_subject_is_bound_by_a_guess(text: str) -> None:
    ledger, result = read_text(text)
    assert result.ok, error_values(ledger, result)
    assert checked_by_hand(ledger, result)


@pytest.mark.parametrize(
    "text",
    [
        # the clause names the subject again, in its own words
        "公务接待费支出3万元，公务接待费比上年减少1万元，下降50%。",
        # the clause opens with the year only
        "2024年支出1000万元，2024年比上年增加100万元，增长50%。",
        # the clause opens with the comparison
        "支出1000万元，与上年相比增加100万元，增长50%。",
    ],
)
def test_near_miss_a_clause_naming_the_subject_or_nothing_keeps_the_change_stated(text: str) -> None:
    ledger, result = read_text(text)
    assert error_values(ledger, result)
    assert not checked_by_hand(ledger, result)


def test_near_miss_a_comparison_said_twice_names_no_other_subject() -> None:
    ledger, _ = read_text("一般公共预算收入1000万元，较上年同比降低1.4%，为预算的100.1%。")
    assert relation_values(ledger, "change") == [({"1000", "1.4%"}, "stated")]
