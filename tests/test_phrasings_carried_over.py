"""Last year's surplus, carried to the next year, is this year's carry-over brought in.

Own writing, in the shape of a city's account of its 国有资本经营 budget: the executed year's
block ends ``当年结余2.5亿元，结转下年使用``; the next year's block, under its own heading, opens
``…加上上年结转收入2.5亿元``. The two are one sum (inferred: the form's identity).
"""

from __future__ import annotations

from phrasing_texts import checked_by_hand, error_values, read_text, relation_values

ACCOUNT = (
    "二、2019年全市国有资本经营预算的执行情况\n"
    "全市国有资本经营收入40.2亿元，加上上年结转收入1.8亿元，全市国有资本经营收入总计42亿元。"
    "全市国有资本经营支出39.5亿元。全市国有资本经营预算执行当年结余2.5亿元，结转下年使用。\n"
    "区本级国有资本经营收入20.1亿元，加上上年结转收入0.4亿元，区本级国有资本经营收入合计20.5亿元。"
    "区本级国有资本经营支出19.9亿元。区本级国有资本经营预算执行当年结余0.6亿元，结转下年使用。\n"
    "三、2020年全市国有资本经营预算的安排情况\n"
    "全市国有资本经营收入{income}亿元，加上上年结转收入{city}亿元，全市国有资本经营收入总计为47.8亿元。\n"
    "区本级国有资本经营收入22.0亿元，加上上年结转收入0.6亿元，区本级国有资本经营收入总计为22.6亿元。\n"
)


def test_each_scopes_surplus_is_its_next_carry_over() -> None:
    ledger, result = read_text(ACCOUNT.format(income="45.3", city="2.5"))
    found = relation_values(ledger, "equal")
    assert ({"2.5"}, "inferred") in found
    assert ({"0.6"}, "inferred") in found
    assert checked_by_hand(ledger, result) == []


def test_a_carry_over_that_is_not_last_years_surplus_is_to_be_checked_by_hand() -> None:
    # 45.1 + 2.7 is still the 47.8 total: only the carry-over against the surplus is broken
    ledger, result = read_text(ACCOUNT.format(income="45.1", city="2.7"))
    assert error_values(ledger, result) == []
    assert {"2.5", "2.7"} in checked_by_hand(ledger, result)


def test_a_carry_over_of_the_surplus_year_itself_pairs_nothing() -> None:
    # near miss: 2019's own 上年结转收入 (1.8, 0.4) came from 2018, whose surplus is not printed;
    # and the city's surplus is no carry-over of the district's
    found = [v for v, _ in relation_values(read_text(ACCOUNT.format(income="45.3", city="2.5"))[0], "equal")]
    assert not any("1.8" in v or "0.4" in v for v in found)
    assert {"2.5", "0.6"} not in found
