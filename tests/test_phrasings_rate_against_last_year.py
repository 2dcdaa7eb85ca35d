"""A rate alone (``增长R%``) after a figure printed, under the same name, in the year before's section.

Own writing, in the shape of a city's account of its 国有资本经营 budget: the executed year's
section (``二、2019年…的执行情况``) prints the city's, then ``区本级国有资本经营收入30亿元``; the next
year's section (``三、2020年…的安排情况``) prints the city's, then ``区本级国有资本经营收入36亿元，增长20.0%``. The rate is against
last year's figure, found by name and heading year: inferred.
"""

from __future__ import annotations

from phrasing_texts import checked_by_hand, error_values, read_text, relation_values

ACCOUNT = (
    "二、2019年全市国有资本经营预算的执行情况\n"
    "全市国有资本经营收入80亿元，为调整预算的100.5%，增长6.0%。\n"
    "区本级国有资本经营收入30亿元，为调整预算的101.0%，增长8.0%。\n"
    "三、2020年全市国有资本经营预算的安排情况\n"
    "全市国有资本经营收入85亿元，加上上年结转收入2亿元，全市国有资本经营收入总计为87亿元。\n"
    "区本级国有资本经营收入36亿元，增长{rate}，加上上年结转收入1亿元，区本级国有资本经营收入总计为37亿元。\n"
)


def test_the_rate_is_against_last_years_figure() -> None:
    ledger, result = read_text(ACCOUNT.format(rate="20.0%"))
    assert ({"36", "30", "20.0%"}, "inferred") in relation_values(ledger, "change")
    assert checked_by_hand(ledger, result) == []


def test_a_rate_last_years_figure_does_not_give_is_to_be_checked_by_hand() -> None:
    ledger, result = read_text(ACCOUNT.format(rate="25.0%"))
    assert error_values(ledger, result) == []
    assert {"36", "30", "25.0%"} in checked_by_hand(ledger, result)


def test_a_figure_of_another_scope_is_no_prior() -> None:
    # near miss: last year's figure is the county's, this year's the district's
    text = ACCOUNT.format(rate="20.0%").replace(
        "区本级国有资本经营收入30亿元", "县本级国有资本经营收入30亿元"
    )
    ledger, _ = read_text(text)
    assert not any({"36", "30"} <= v for v, _ in relation_values(ledger, "change"))


def test_a_figure_two_years_before_is_no_prior() -> None:
    # near miss: the earlier section is of 2018, not the year before 2020
    text = ACCOUNT.format(rate="20.0%").replace("二、2019年", "二、2018年")
    ledger, _ = read_text(text)
    assert not any({"36", "30"} <= v for v, _ in relation_values(ledger, "change"))
