"""Binding by the sentence's structure: a list's extent, a run of added amounts, the fund balance's sides.

Every text here is own writing, in the shapes real 决算 pages print.
"""

from __future__ import annotations

import pytest

import perfcheck
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


# A breakdown in brackets that hold a 。 of their own, inside a 其中 list.
BRACKET_WITH_STOP = (
    "2023年本单位“三公”经费预算80.0万元，比上年减少5.0万元。其中：因公出国（境）费0万元；"
    "公务用车购置及运行费70.0万元（公务用车购置费20.0万元；公务用车运行维护费50.0万元。）"
    "与上年持平；公务接待费10.0万元，比上年减少5.0万元。"
)


def test_a_stop_inside_brackets_does_not_end_the_list_around_them() -> None:
    ledger, result = read_text(BRACKET_WITH_STOP)
    sums = relation_values(ledger, "sum")
    assert ({"80.0", "0", "70.0", "10.0"}, "stated") in sums
    assert ({"70.0", "20.0", "50.0"}, "inferred") in sums
    assert not any("80.0" in values and "20.0" in values for values, _ in sums)
    assert result.ok, error_values(ledger, result)


def test_a_broken_list_around_brackets_with_a_stop_is_caught() -> None:
    ledger, result = read_text(BRACKET_WITH_STOP.replace("公务接待费10.0", "公务接待费12.0"))
    assert {"80.0", "0", "70.0", "12.0"} in error_values(ledger, result)


# A change whose parts are listed after it by 其中, each item named by its own change.
CHANGE_DETAILED = (
    "2023年“三公”经费合计40.00万元，其中：公务接待费2.00万元，公车运行费38.00万元，因公出国（境）费0万元。"
    "较2022年合计36.00万元增加4.00万元。其中：公务接待费减少1.00万元，公务用车运行维护费增加5.00万元。"
)


def test_a_change_detailed_by_the_list_after_it_is_a_sum_of_changes() -> None:
    ledger, result = read_text(CHANGE_DETAILED)
    assert ({"4.00", "1.00", "5.00"}, "inferred") in relation_values(ledger, "balance")
    assert ({"40.00", "2.00", "38.00", "0"}, "stated") in relation_values(ledger, "sum")
    assert result.ok, error_values(ledger, result)
    assert not result.findings


def test_a_broken_breakdown_of_a_change_is_to_be_checked_by_hand() -> None:
    _, result = read_text(CHANGE_DETAILED.replace("增加5.00万元。", "增加6.00万元。"))
    assert result.ok  # inferred: a list may be partial
    assert [f.code for f in result.findings] == ["PC903"]


def test_the_three_classes_of_sangong_are_every_part_when_the_car_is_named_otherwise() -> None:
    # 公车运行费 is the vehicle class: the three classes are the whole, so a shortfall is an error
    ledger, result = read_text(CHANGE_DETAILED.replace("公车运行费38.00", "公车运行费37.00"))
    assert {"40.00", "2.00", "37.00", "0"} in error_values(ledger, result)


# A total, the words 具体情况如下, then one numbered section per part, each with its change against
# the budget; the vehicle line prints its breakdown in brackets before its change.
SECTIONS_BELOW = (
    "2022年本级“三公”经费支出总额为500万元，比预算数减少100万元，下降16.67%。具体情况如下：\n"
    "一、因公出国（境）经费\n"
    "2022年因公出国（境）费20万元，比预算数减少10万元。\n"
    "二、公务接待费\n"
    "2022年公务接待费80万元，比预算数减少40万元。\n"
    "三、公务用车购置及运行维护费\n"
    "2022年公务用车购置及运行维护费400万元（其中：公务用车购置费100万元，公务用车运行维护费300万元），"
    "比预算数减少50万元。\n"
)


def test_sections_below_as_follows_are_parts_when_they_add_up_and_their_changes_add_up_too() -> None:
    ledger, result = read_text(SECTIONS_BELOW)
    assert ({"500", "20", "80", "400"}, "inferred") in relation_values(ledger, "sum")
    # the changes of the parts add up to the total's: 10 + 40 + 50 = 100
    assert ({"100", "10", "40", "50"}, "inferred") in relation_values(ledger, "sum")
    assert result.ok, error_values(ledger, result)
    assert not result.findings


def test_a_change_after_brackets_is_of_the_figure_before_them() -> None:
    ledger, _ = read_text(SECTIONS_BELOW)
    changes = [values for values, _ in relation_values(ledger, "change")]
    assert {"400", "50"} in changes
    assert not any("300" in values for values in changes)


def test_broken_changes_of_sections_below_are_to_be_checked_by_hand() -> None:
    # the total's change and its rate are left as printed; one part's change is misprinted
    _, result = read_text(SECTIONS_BELOW.replace("减少40万元", "减少30万元"))
    assert result.ok
    assert [(f.code, (f.relation or "")[:8]) for f in result.findings] == [("PC903", "changes_")]


def test_sections_below_that_do_not_add_up_are_not_read_as_parts() -> None:
    # a 收入 section and a 支出 section below a total: the numbers say they are no parts of it
    text = "2022年收入100万元，支出90万元。具体情况如下：\n一、收入情况\n收入100万元。\n二、支出情况\n支出90万元。\n"
    ledger, result = read_text(text)
    assert relation_values(ledger, "sum") == []
    assert not result.findings


# The same sections announced in other words (具体情况：, 分项情况：, 具体如下：), one part unchanged
# (与上年持平) after what it is made of: its change is nothing, the others' add up to the total's.
def test_sections_announced_in_other_words_are_parts_and_an_unchanged_one_adds_nothing() -> None:
    body = (
        "一、2022年因公出国（境）费决算6.0万元，与2021年决算相比减少1.5万元。\n"
        "二、2022年公务用车购置及运行维护费决算12.4万元，全部为公务用车运行维护费12.4万元，与2021年持平。\n"
        "三、2022年公务接待费决算1.6万元，与2021年决算相比增加0.6万元。\n"
    )
    for words in ("具体情况：", "分项情况：", "具体如下："):
        head = f"2022年“三公”经费决算20.0万元，与2021年决算相比减少0.9万元，主要是出国减少。{words}\n"
        ledger, result = read_text(head + body)
        assert ({"20.0", "6.0", "12.4", "1.6"}, "inferred") in relation_values(ledger, "sum"), words
        assert ({"0.9", "1.5", "0.6"}, "inferred") in relation_values(ledger, "sum", "balance"), words
        assert not result.findings, [f.message for f in result.findings]
    ledger, result = read_text(head + body.replace("增加0.6万元", "增加0.9万元"))
    assert result.ok
    assert [f.code for f in result.findings] == ["PC903"]


# Shares of a whole named by words no figure carries (采购总量): the list's total, then the same
# words name it for shares of parts in no list.
SHARES_OF_NAMED_WHOLE = (
    "2023年全市实际完成采购金额50.00亿元。\n"
    "从项目类别看，货物类采购10.00亿元，占采购总量的20%；工程类采购30.00亿元，占采购总量的60%；"
    "服务类采购10.00亿元，占采购总量的20%。\n"
    "从项目层级看，市级采购规模15.00亿元，占采购总量的30%；区县级采购规模35.00亿元，占采购总量的70%。\n"
)


def test_a_whole_named_by_words_is_the_list_total_and_then_the_same_for_every_share() -> None:
    ledger, result = read_text(SHARES_OF_NAMED_WHOLE)
    shares = relation_values(ledger, "share")
    for part, rate in (("10.00", "20%"), ("30.00", "60%"), ("15.00", "30%"), ("35.00", "70%")):
        assert ({part, "50.00", rate}, "inferred") in shares
    assert not result.findings


def test_a_broken_share_of_a_learned_whole_is_to_be_checked_by_hand() -> None:
    ledger, result = read_text(SHARES_OF_NAMED_WHOLE.replace("占采购总量的30%", "占采购总量的13%"))
    assert result.ok
    assert [f.code for f in result.findings] == ["PC903"]
    named = {f.value for f in ledger.figures if f.id in result.findings[0].figures}
    assert named == {"15.00", "50.00", "13%"}


@pytest.mark.parametrize(
    ("cut", "rate", "broken"),
    [("1000", "10%", set()), ("1200", "12%", {"PC102"})],
)
def test_an_audit_cut_is_what_was_submitted_less_what_was_approved(
    cut: str, rate: str, broken: set[str]
) -> None:
    # 送审, 审定 and 审减 printed one after the other define each other: stated (an error when broken)
    text = f"全年完成评审项目20个，送审金额10000万元，审定金额9000万元，审减金额{cut}万元，审减率{rate}。"
    ledger, result = read_text(text)
    assert ({"10000", "9000", cut}, "stated") in relation_values(ledger, "sum")
    assert ({cut, "10000", rate}, "stated") in relation_values(ledger, "ratio")
    assert {f.code for f in result.errors} == broken


def test_a_saving_is_the_budget_less_the_contracts() -> None:
    text = "政府采购预算金额500万元，合同金额450万元，节约资金50万元，节约率10%。"
    ledger, result = read_text(text)
    assert ({"500", "450", "50"}, "inferred") in relation_values(ledger, "sum")
    assert not result.findings


@pytest.mark.parametrize(
    ("parts", "total"),
    [("种粮补贴80万元，农机补贴40万元", "120"), ("贫困户100户，一般农户200户", "300")],
)
def test_a_list_details_the_figure_before_it_that_measures_as_its_parts(parts: str, total: str) -> None:
    # money is never a part of households, nor households of money
    ledger, result = read_text(f"全年共发放补助资金120万元，惠及农户300户，其中：{parts}。")
    sums = [values for values, _ in relation_values(ledger, "sum")]
    assert len(sums) == 1
    assert total in sums[0]
    assert result.ok, error_values(ledger, result)


BOTH_BUDGETS = "2023年年初预算1000万元，调整预算1200万元，全年支出1100万元，{rate}。"


@pytest.mark.parametrize(
    ("words", "stated", "base", "basis"),
    [
        ("完成年初预算的", "110%", "1000", "stated"),
        ("完成调整预算的", "91.67%", "1200", "stated"),
        ("预算执行率", "91.67%", "1200", "stated"),  # an 执行率 is of the budget as adjusted
        ("完成预算的", "110%", "1200", "inferred"),  # which budget is not said: the nearest, inferred
    ],
)
def test_a_rate_is_of_the_budget_its_words_name(words: str, stated: str, base: str, basis: str) -> None:
    ledger, result = read_text(BOTH_BUDGETS.format(rate=words + stated))
    assert relation_values(ledger, "ratio") == [({"1100", base, stated}, basis)]
    assert result.ok, error_values(ledger, result)


# Sections below a total whose 其中 list came first: the list's last part (a bare 0, which adds up
# to 0.30 within its own rounding) is no total of the sections, and this year's budget of a part is
# never its own prior (比2022年预算: 2022's, not printed).
LIST_THEN_SECTIONS = (
    "一、2023年“三公”经费支出预算情况\n"
    "本单位2023年“三公”经费支出预算为0.30万元，比2022年预算减少0.02万元。其中：因公出国（境）费支出预算为0万元，"
    "公务接待费支出预算为0.30万元，公务用车购置及运行费支出预算为0万元。具体情况如下：\n"
    "（一）因公出国（境）费支出0万元，与2022年预算持平。\n"
    "（二）公务接待费支出0.30万元，比2022年预算减少0.02万元。\n"
    "（三）公务用车购置及运行费支出0万元，与2022年预算持平。\n"
)


def test_sections_below_a_list_detail_its_total_and_a_year_compared_with_is_no_year_of() -> None:
    ledger, result = read_text(LIST_THEN_SECTIONS)
    # the lists' sums (the parts' changes adding up to the total's, 0.02, aside)
    totals = {r.operands()[0] for r in ledger.relations if r.kind == "sum" and not r.id.startswith("changes")}
    values = {f.id: f.value for f in ledger.figures}
    assert {values[t] for t in totals} == {"0.30"}  # never the list's last part, 0
    changes = [values for values, _ in relation_values(ledger, "change")]
    assert {"0.30", "0.02"} in changes  # against 2022's budget, which is not printed
    assert not any(len(values) == 2 and "0.30" in values and "0.02" not in values for values in changes)
    assert not result.findings


def test_a_share_of_a_budget_not_printed_is_no_share_of_a_list_total() -> None:
    text = "县级收入预计完成640万元，占调整预算的100%，其中：税收收入340万元、非税收入300万元。加上转移性收入4869万元，收入总计5509万元。"
    ledger, result = read_text(text)
    assert not any("100%" in values for values, _ in relation_values(ledger, "share"))
    assert not result.findings


def test_a_role_after_a_year_takes_the_name_before_the_year() -> None:
    text = (
        "2013年本部门“三公”经费决算数为100.00万元，比年初预算数减少10.00万元，其中：因公出国（境）费2013年决算数20.00万元，"
        "比年初预算数减少5.00万元；公务用车购置及运行费2013年决算数70.00万元；公务接待费2013年决算数10.00万元，"
        "比年初预算数减少5.00万元。\n"
        "（一）因公出国（境）费2013年度决算数为20.00万元，占“三公”经费决算总数的20.0%。\n"
    )
    ledger, result = read_text(text)
    labels = {f.label for f in ledger.figures if f.label.endswith("决算数") and "三公" not in f.label}
    # never 决算数 alone, nor （一） before a name
    assert labels == {"因公出国（境）费决算数", "公务用车购置及运行费决算数", "公务接待费决算数"}
    assert ({"100.00", "20.00", "70.00", "10.00"}, "stated") in relation_values(ledger, "sum")
    assert result.ok, error_values(ledger, result)


@pytest.mark.parametrize(("cut", "broken"), [("52", False), ("50", True)])
def test_a_cut_names_the_amount_of_a_change_from_one_value_to_another(cut: str, broken: bool) -> None:
    ledger, result = read_text(f"2014年公务接待费由263.48万元减至211.48万元，压缩{cut}万元。")
    assert ({"263.48", "211.48", cut}, "stated") in relation_values(ledger, "change")
    assert bool(error_values(ledger, result)) is broken


@pytest.mark.parametrize(("rate", "broken"), [("1.8%", False), ("2.8%", True)])
def test_a_cut_names_the_rate_of_a_change(rate: str, broken: bool) -> None:
    ledger, result = read_text(f"今年“三公”经费预算数为2841.78万元，比去年预算数减少52万元，压缩{rate}。")
    assert ({"2841.78", "52", rate}, "stated") in relation_values(ledger, "change")
    assert bool(error_values(ledger, result)) is broken


def _two_classifications(share_b: str) -> dict[str, object]:
    """One whole broken down twice (A + B, then C + D), each breakdown's shares printed."""
    figures = [
        {"id": "total", "value": "100"},
        *({"id": p, "value": v} for p, v in (("a", "40"), ("b", "60"), ("c", "30"), ("d", "70"))),
        *(
            {"id": f"{p}_pct", "value": v}
            for p, v in (("a", "40%"), ("b", share_b), ("c", "30%"), ("d", "70%"))
        ),
    ]
    relations = [
        {"id": "by_kind", "kind": "sum", "total": "total", "parts": ["a", "b"]},
        {"id": "by_level", "kind": "sum", "total": "total", "parts": ["c", "d"]},
        *(
            {"id": f"{p}_share", "kind": "share", "part": p, "whole": "total", "stated": f"{p}_pct"}
            for p in "abcd"
        ),
    ]
    return {"perfcheck": "1", "unit": "万元", "figures": figures, "relations": relations}


@pytest.mark.parametrize(("share_b", "flagged"), [("60%", False), ("70%", True)])
def test_shares_of_two_breakdowns_of_one_whole_are_two_groups(share_b: str, flagged: bool) -> None:
    # 40% + 60% and 30% + 70% are two ways of making 100 %, never 200 % of one whole
    result = perfcheck.check(_two_classifications(share_b))
    assert ("PC602" in {f.code for f in result.findings}) is flagged


def test_a_point_of_view_opens_a_breakdown_of_its_own() -> None:
    # 从项目类别看 and 从项目层级看: two breakdowns of one whole, each a sum, never one sum of both
    ledger, result = read_text(SHARES_OF_NAMED_WHOLE)
    sums = relation_values(ledger, "sum")
    assert ({"50.00", "15.00", "35.00"}, "inferred") in sums
    assert not any(len(values) > 4 for values, _ in sums)
    assert not result.findings  # the shares of each breakdown make 100 % on their own
    _, broken = read_text(SHARES_OF_NAMED_WHOLE.replace("区县级采购规模35.00", "区县级采购规模33.00"))
    assert "PC903" in {f.code for f in broken.findings}


@pytest.mark.parametrize(("rate", "flagged"), [("6.91%", False), ("7.91%", True)])
def test_an_amount_and_a_rate_of_one_way_after_a_figure_are_one_change(rate: str, flagged: bool) -> None:
    # no base is said (比上年 nowhere), but the amount and the rate are of one base
    ledger, result = read_text(f"累计完成税收收入36552万元，增加2362万元，增长{rate}。")
    assert relation_values(ledger, "change") == [({"36552", "2362", rate}, "inferred")]
    assert result.ok
    assert ("PC903" in {f.code for f in result.findings}) is flagged


def test_an_amount_and_a_rate_of_two_ways_are_no_change() -> None:
    ledger, _ = read_text("支出100万元，增加10万元，下降5%。")
    assert relation_values(ledger, "change") == []


def test_a_rate_alone_after_an_amount_is_its_change_not_checkable() -> None:
    ledger, result = read_text(DASHED)
    # ——一般公共服务支出500万元，增长4%: read, with no prior and no amount: not checkable
    assert ({"500", "4%"}, "inferred") in relation_values(ledger, "change")
    assert not [f for f in result.findings if f.severity.value != "info"]


def test_a_comparable_rate_after_a_completion_rate_is_the_amounts_change() -> None:
    # 完成调整预算的99.6% (a budget not printed) stands between the amount and its rate
    ledger, result = read_text("全县财政总收入完成12.50亿元，完成调整预算的99.6%，可比增长11.13%。")
    assert relation_values(ledger, "change") == [({"12.50", "11.13%"}, "inferred")]
    assert not [f for f in result.findings if f.severity.value != "info"]
