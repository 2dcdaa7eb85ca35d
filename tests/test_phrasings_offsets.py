"""Income and spending set off against each other: ``收支相抵，年终结余X`` and ``收支相抵，…收支平衡``.

Own writing, in the shape of a district's 决算 and a county's 预算执行 report: each block of
the account prints its income total and its spending total, then sets them off.
"""

from __future__ import annotations

from phrasing_texts import checked_by_hand, error_values, read_text, relation_values

ACCOUNT = (
    "某区2020年收支决算\n"
    "1.一般公共预算收支及其平衡情况\n"
    "地方一般公共预算收入200000万元，加上级补助收入100000万元，收入合计300000万元。\n"
    "一般公共预算支出250000万元，加上解上级支出10000万元，支出合计260000万元。\n"
    "上述收支相抵，年终结余{left}万元，全部结转下年使用。\n"
    "2.政府性基金收支及其平衡情况\n"
    "政府性基金收入50000万元，加上级补助收入30000万元，收入合计80000万元。\n"
    "政府性基金支出60000万元，调出资金5000万元，支出合计65000万元。\n"
    "上述收支相抵，年终结余15000万元，全部结转下年使用。\n"
    "3.国有资本经营收支及其平衡情况\n"
    "国有资本经营收入1500万元，上年结余100万元，国有资本经营支出1400万元。\n"
    "上述收支相抵，年终结余200万元。\n"
)


def balances(text: str) -> list[tuple[set[str], str]]:
    ledger, _ = read_text(text)
    return relation_values(ledger, "balance")


def test_each_block_sets_off_its_own_totals() -> None:
    found = balances(ACCOUNT.format(left="40000"))
    assert ({"300000", "260000", "40000"}, "inferred") in found
    assert ({"80000", "65000", "15000"}, "inferred") in found
    ledger, result = read_text(ACCOUNT.format(left="40000"))
    assert result.ok
    assert checked_by_hand(ledger, result) == []


def test_a_surplus_that_is_not_the_difference_is_to_be_checked_by_hand() -> None:
    ledger, result = read_text(ACCOUNT.format(left="45000"))
    assert error_values(ledger, result) == []
    assert {"300000", "260000", "45000"} in checked_by_hand(ledger, result)


def test_a_block_with_no_totals_gives_no_balance() -> None:
    # near miss: 国有资本经营 prints no 收入合计 / 支出合计, and the totals of another block are not its own
    assert not [v for v, _ in balances(ACCOUNT.format(left="40000")) if "200" in v]


def test_sides_said_to_meet_are_equal() -> None:
    text = (
        "2015年全县一般公共预算收入73000万元，加上上级补助收入158838万元，收入合计231838万元。\n"
        "2015年全县一般公共预算支出214738万元，加上结转下年支出17100万元，支出合计231838万元。\n"
        "收支相抵，全县一般公共预算收支平衡。\n"
    )
    ledger, result = read_text(text)
    assert ({"231838"}, "inferred") in relation_values(ledger, "equal")
    assert result.ok


def test_a_deficit_is_what_the_income_falls_short_by() -> None:
    text = "全市收入总计1800.0亿元。全市支出总计2000.0亿元。收支相抵，赤字{gap}亿元。\n"
    assert balances(text.format(gap="200.0")) == [({"1800.0", "2000.0", "200.0"}, "inferred")]
    ledger, result = read_text(text.format(gap="150.0"))
    assert {"1800.0", "2000.0", "150.0"} in checked_by_hand(ledger, result)
