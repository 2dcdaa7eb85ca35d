"""A fund's income and its spending printed one after the other, set off without words.

Own writing, in the shape of a township's 部门预算 说明, a district committee's 年初预算, and a
city's account of its 国有资本经营 budget: ``…财政拨款收入X万元，…财政拨款支出X万元`` balance (the
budget's identity, inferred); ``收入总计X。…支出Y。…当年结余Z`` leave a surplus (a balance, inferred).
"""

from __future__ import annotations

from phrasing_texts import checked_by_hand, error_values, read_text, relation_values

APPROPRIATION = (
    "某镇2019年部门预算情况说明\n"
    "二、收支预算情况\n"
    "2019年一般公共预算财政拨款收入{income}万元，一般公共预算财政拨款支出820.40万元，"
    "比2018年增加30.10万元。其中：基本支出700.20万元；项目支出120.20万元。\n"
)


def equalities(text: str) -> list[tuple[set[str], str]]:
    ledger, _ = read_text(text)
    return relation_values(ledger, "equal")


def test_an_appropriations_income_and_spending_balance() -> None:
    found = equalities(APPROPRIATION.format(income="820.40"))
    assert ({"820.40"}, "inferred") in found
    ledger, result = read_text(APPROPRIATION.format(income="820.40"))
    assert result.ok
    assert checked_by_hand(ledger, result) == []


def test_an_appropriation_that_does_not_balance_is_to_be_checked_by_hand() -> None:
    ledger, result = read_text(APPROPRIATION.format(income="830.40"))
    assert error_values(ledger, result) == []
    assert {"830.40", "820.40"} in checked_by_hand(ledger, result)


def test_a_budgets_totals_in_two_sentences_balance() -> None:
    text = (
        "三、部门收支概况\n"
        "（一）2020年初预算收入356.1250万元，其中：一般公共预算拨款300.1250万元，专项资金拨款56万元。"
        "（二）2020年初预算支出356.1250万元，其中：一般公共服务支出356.1250万元。\n"
    )
    assert ({"356.1250"}, "inferred") in equalities(text)


def test_totals_of_one_year_balance_across_a_change() -> None:
    text = (
        "某乡2020年部门预算收入总数6204350.00元，较2019年部门预算收入总数6100000.00元增长1.71%；"
        "2020年部门预算支出总数6204350.00元，较2019年部门预算支出总数6100000.00元增长1.71%。\n"
    )
    found = equalities(text)
    assert ({"6204350.00"}, "inferred") in found
    # near miss: last year's income is compared with, and pairs with nothing
    assert not any("6100000.00" in v and "6204350.00" in v for v, _ in found)


def test_a_final_accounts_income_and_spending_need_not_meet() -> None:
    # near miss: the heading says it is a 决算; carry-overs stand between income and spending
    text = (
        "二、部门决算情况说明\n"
        "本部门2019年度财政拨款收入820.40万元，财政拨款支出790.15万元，年末结转30.25万元。\n"
    )
    ledger, result = read_text(text)
    assert not [v for v, _ in relation_values(ledger, "equal") if {"820.40", "790.15"} <= v]
    assert checked_by_hand(ledger, result) == []


def test_a_governments_revenue_and_spending_are_not_set_off() -> None:
    # near miss: 一般公共预算收入 and 支出 of a county differ by transfers and debt
    text = "某县2021年预算\n2021年全县一般公共预算收入52000万元，一般公共预算支出186000万元。\n"
    ledger, result = read_text(text)
    assert relation_values(ledger, "equal") == []
    assert checked_by_hand(ledger, result) == []


def test_this_years_income_alone_is_not_set_off() -> None:
    # near miss: 收入合计 is this year's income, a carry-over brought in stands beside it
    text = "某单位2020年部门预算\n2020年收入合计500.00万元，支出合计520.00万元，其中上年结转20.00万元。\n"
    ledger, result = read_text(text)
    assert not [v for v, _ in relation_values(ledger, "equal") if {"500.00", "520.00"} <= v]
    assert checked_by_hand(ledger, result) == []


ACCOUNT = (
    "二、2019年全市国有资本经营预算的执行情况\n"
    "全市国有资本经营收入40.2亿元，加上上年结转收入1.8亿元，全市国有资本经营收入总计42亿元。"
    "全市国有资本经营支出39.5亿元。全市国有资本经营预算执行当年结余{left}亿元，结转下年使用。\n"
    "三、2020年全市国有资本经营预算的安排情况\n"
    "全市国有资本经营收入45.3亿元，加上上年结转收入2.5亿元，全市国有资本经营收入总计为47.8亿元。"
    "全市国有资本经营支出47.8亿元。\n"
)


def test_a_surplus_named_after_the_two_is_what_they_leave() -> None:
    ledger, result = read_text(ACCOUNT.format(left="2.5"))
    assert ({"42", "39.5", "2.5"}, "inferred") in relation_values(ledger, "balance")
    assert result.ok
    assert checked_by_hand(ledger, result) == []


def test_a_surplus_that_is_not_the_difference_is_to_be_checked_by_hand() -> None:
    ledger, result = read_text(ACCOUNT.format(left="3.5"))
    assert error_values(ledger, result) == []
    assert {"42", "39.5", "3.5"} in checked_by_hand(ledger, result)


def test_the_next_years_budget_balances_though_the_last_was_executed() -> None:
    found = equalities(ACCOUNT.format(left="2.5"))
    assert ({"47.8"}, "inferred") in found
    # near miss: the executed year's total and spending leave a surplus, they are not equal
    assert not any({"42", "39.5"} <= v for v, _ in found)
