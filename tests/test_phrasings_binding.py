"""Binding by the sentence's structure: a list's extent, a run of added amounts, the fund balance's sides.

Every text here is own writing, in the shapes real 决算 pages print.
"""

from __future__ import annotations

from phrasing_texts import error_values, read_text, relation_values

# A 其中 list inside a 加上 run, whose 含 bracket closes one item late: 专项 (200) is a sibling
# of 一般性 (700) in the 其中 list, printed inside the bracket of 一般性's breakdown.
LATE_BRACKET = (
    "全县一般公共预算收入5000万元，加上级补助收入900万元，其中：一般性转移支付收入700万元"
    "（含均衡性转移支付100万元、县级基本财力保障奖补200万元、其他一般性转移支付400万元，"
    "专项转移支付收入200万元），上年结转30万元，调入资金70万元，收入合计为6000万元。"
)


def test_a_list_in_an_added_run_ends_where_its_parts_add_up_and_the_bracket_item_comes_out() -> None:
    ledger, result = read_text(LATE_BRACKET)
    sums = relation_values(ledger, "sum")
    assert ({"900", "700", "200"}, "stated") in sums
    assert ({"6000", "5000", "900", "30", "70"}, "stated") in sums
    assert ({"700", "100", "400", "200"}, "inferred") in sums  # the 含 bracket, without 专项
    assert not any("6000" in values and "700" in values for values, _ in sums)
    assert result.ok, error_values(ledger, result)
    assert not result.findings
    assert [f.label for f in ledger.figures if f.value == "100"] == ["均衡性转移支付"]  # 含 is no name


def test_a_broken_total_of_the_run_is_still_caught() -> None:
    ledger, result = read_text(LATE_BRACKET.replace("收入合计为6000", "收入合计为6100"))
    assert {"6100", "5000", "900", "30", "70"} in error_values(ledger, result)


def test_a_list_in_an_added_run_that_never_adds_up_is_not_bound() -> None:
    # 650 is no 900, and 650 + 30 + 70 is not either: where the 其中 list ends is not said
    text = (
        "全县一般公共预算收入5000万元，加上级补助收入900万元，其中：一般性转移支付收入650万元，"
        "上年结转30万元，调入资金70万元，收入合计为6000万元。"
    )
    ledger, result = read_text(text)
    sums = [values for values, _ in relation_values(ledger, "sum")]
    assert not any("900" in values and "650" in values for values in sums)
    assert not any("6000" in values for values in sums)
    assert result.ok, error_values(ledger, result)


def test_a_total_after_a_list_is_never_one_of_its_parts() -> None:
    # the list does not add up (a part is missing), and 收入合计 after it is no part of it
    text = "本级收入1000万元，其中：税收收入600万元，非税收入300万元，收入合计1000万元。"
    ledger, _ = read_text(text)
    sums = relation_values(ledger, "sum")
    assert any(values == {"1000", "600", "300"} for values, _ in sums)
    assert not any(len(values) > 3 for values, _ in sums)


# A spending total whose 其中 list is printed as dashed lines below it, closed by 结转下年.
DASHED = (
    "一、收支情况\n"
    "2023年全镇总收入实现9000万元，同比增长5%。\n"
    "全镇一般公共预算收入800万元，加上上年结转结余50万元，收入合计为850万元；"
    "本级支出合计850万元，其中：\n"
    "——一般公共服务支出500万元，增长4%；\n"
    "——农林水支出100万元；\n"
    "——结转下年250万元。\n"
    "二、其他事项\n"
    "全年无国有资本经营收支。\n"
)


def test_a_dashed_list_details_the_total_whose_line_opens_it() -> None:
    ledger, result = read_text(DASHED)
    assert ({"850", "500", "100", "250"}, "stated") in relation_values(ledger, "sum")
    assert [f.label for f in ledger.figures if f.value == "250"] == ["结转下年"]  # no dash in the name
    assert result.ok, error_values(ledger, result)


def test_a_broken_dashed_list_is_an_error() -> None:
    ledger, result = read_text(DASHED.replace("农林水支出100", "农林水支出120"))
    assert {"850", "500", "120", "250"} in error_values(ledger, result)


def test_the_balance_takes_the_side_totals_that_count_the_carryovers() -> None:
    # 总收入实现9000 is the first income printed, but of another extent: the balance is 收入合计
    # (which counts 上年结转结余) against 支出合计 (whose list counts 结转下年), never 50 + 9000
    ledger, result = read_text(DASHED)
    balances = relation_values(ledger, "balance")
    assert balances == [({"850"}, "inferred")]
    assert not any("9000" in values for values, _ in balances)
    assert not result.findings


def test_a_balance_never_mixes_years() -> None:
    same = "上年结转20万元，2023年收入合计500万元。\n2023年支出合计480万元，结转下年40万元。\n"
    ledger, result = read_text(same)
    assert [values for values, _ in relation_values(ledger, "balance")] == [{"20", "500", "480", "40"}]
    # last year's spending is another quantity: no balance, so no error of one
    ledger, result = read_text(same.replace("2023年支出合计480", "2022年支出合计470"))
    assert relation_values(ledger, "balance") == []
    assert result.ok, error_values(ledger, result)


def test_a_balance_never_mixes_roles() -> None:
    text = "上年结转20万元，本年收入预算500万元，本年支出决算470万元，结转下年40万元。"
    ledger, result = read_text(text)
    assert relation_values(ledger, "balance") == []
    assert result.ok, error_values(ledger, result)
