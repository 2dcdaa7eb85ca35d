"""Last year's and this year's value side by side, then the rate: ``A上年X元，本年Y元，增长R%``.

Own writing, in the shape of 教育经费执行情况公告 pages listing per-pupil figures.
"""

from __future__ import annotations

import pytest

from phrasing_texts import checked_by_hand, error_values, read_text, relation_values


@pytest.mark.parametrize(
    "text",
    [
        # 4200 against 4000 is 5 %
        "某县教育经费公告\n（1）普通小学上年4000.00元，本年4200.00元，比上年增长5.00%。\n",
        "某县教育经费公告\n（1）普通小学上年4000.00元，本年4200.00元，增长5.00%。\n",
        "某县教育经费公告\n1.普通初中去年4000.00元，今年4200.00元，增加5.00%。\n",
        "某县教育经费公告\n（2）幼儿园上年为4000.00元，本年为4200.00元，比上年增长5.00%。\n",
    ],
)
def test_two_years_side_by_side_and_a_rate_are_one_stated_change(text: str) -> None:
    ledger, result = read_text(text)
    assert relation_values(ledger, "change") == [({"4000.00", "4200.00", "5.00%"}, "stated")]
    assert result.ok, error_values(ledger, result)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            "某县教育经费公告\n（1）普通小学上年4000.00元，本年4200.00元，比上年增长15.00%。\n",
            {"4000.00", "4200.00", "15.00%"},
        ),
        # a fall said as a rise
        (
            "某县教育经费公告\n（2）普通初中上年4200.00元，本年4000.00元，增加4.76%。\n",
            {"4000.00", "4200.00", "4.76%"},
        ),
    ],
)
def test_a_wrong_rate_of_two_years_side_by_side_is_an_error(text: str, values: set[str]) -> None:
    ledger, result = read_text(text)
    assert values in error_values(ledger, result)


@pytest.mark.parametrize(
    "text",
    [
        "某县教育经费公告\n（1）普通小学上年4000.00元，本年4200.00元，同口径比上年增长15.00%。\n",
        "某县教育经费公告\n（1）普通小学上年4000.00元，本年4200.00元，按可比口径增长15.00%。\n",
    ],
)
def test_a_rate_on_a_comparable_basis_is_to_be_checked_by_hand(text: str) -> None:
    # the rate may have been computed over figures adjusted from those printed
    ledger, result = read_text(text)
    assert relation_values(ledger, "change") == [({"4000.00", "4200.00", "15.00%"}, "inferred")]
    assert not result.errors
    assert {"4000.00", "4200.00", "15.00%"} in checked_by_hand(ledger, result)


def test_a_negative_rate_of_two_years_side_by_side_is_their_signed_growth() -> None:
    text = "某县教育经费公告\n（3）普通高中上年5000.00元，本年4000.00元，增长-20.00%。\n"
    ledger, result = read_text(text)
    assert ({"5000.00", "4000.00", "-20.00%"}, "stated") in relation_values(ledger, "formula")
    assert result.ok, error_values(ledger, result)


@pytest.mark.parametrize(
    "text",
    [
        # another figure between the two years, or the second named by more than its year
        "某县教育经费公告\n普通小学上年4000.00元，本年预算4200.00元，增长15.00%。\n",
        "某县教育经费公告\n普通小学上年4000.00元，学生300人，本年4200.00元，增长15.00%。\n",
    ],
)
def test_no_change_of_two_years_unless_side_by_side_and_named_by_year_alone(text: str) -> None:
    ledger, _ = read_text(text)
    assert ({"4000.00", "4200.00", "15.00%"}, "stated") not in relation_values(ledger, "change")
