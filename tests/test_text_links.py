"""Relations that cross the structures of one text: both sides' totals, breakdowns, tables, shares.

Every text here is our own writing; each reproduces the structure of a phrasing real
published pages print (bench/corpus indexes those pages, never their text). Each is
checked both ways where it can be: printed consistently it checks clean, and with one
figure changed the break is reported on a relation naming that figure — as an error
when the text states the relation, as a warning to check by hand (PC903) when the
reader inferred it.
"""

from __future__ import annotations

import perfcheck
from phrasing_texts import error_values, read_text


def _built(ledger: perfcheck.Ledger) -> list[tuple[str, list[str], str]]:
    values = {f.id: f.value for f in ledger.figures}
    return [(r.kind, [values[i] for i in r.operands()], r.basis) for r in ledger.relations]


def _warned(ledger: perfcheck.Ledger, result: perfcheck.Result) -> list[set[str]]:
    values = {f.id: f.value for f in ledger.figures}
    return [{values[i] for i in f.figures} for f in result.findings if f.code == "PC903"]


# --- one figure printed for both sides' totals ------------------------------------------------

BOTH = (
    "某中心2024年度单位决算\n"
    "一、收入支出决算总体情况说明\n"
    "2024年度收、支总计均为860.40万元。\n"
    "二、收入决算情况说明\n"
    "2024年度收入总计860.40万元，其中：财政拨款收入800.00万元，其他收入60.40万元。\n"
    "三、支出决算情况说明\n"
    "2024年度支出总计860.40万元，其中：基本支出500.00万元，项目支出360.40万元。\n"
)


def test_one_figure_for_both_totals_is_each_side_s_total_printed_again() -> None:
    ledger, result = read_text(BOTH)
    assert result.ok, [f.message for f in result.errors]
    # one printed number is one figure, named by the words that name both totals
    assert [f.label for f in ledger.figures if f.value == "860.40"] == ["收、支总计", "收入总计", "支出总计"]
    assert ("equal", ["860.40", "860.40", "860.40"], "inferred") in _built(ledger)


def test_a_side_printed_again_otherwise_is_a_warning_to_check_by_hand() -> None:
    text = BOTH.replace(
        "支出总计860.40万元，其中：基本支出500.00万元", "支出总计861.40万元，其中：基本支出501.00万元"
    )
    ledger, result = read_text(text)
    assert result.ok
    assert {"860.40", "861.40"} <= next(iter(_warned(ledger, result)))


def test_each_side_phrasing_is_read() -> None:
    for phrase in ("收入、支出总计各为860.40万元", "收支总计860.40万元", "收、支决算总计均为860.40万元"):
        ledger, _ = read_text(BOTH.replace("收、支总计均为860.40万元", phrase))
        assert ("equal", ["860.40", "860.40", "860.40"], "inferred") in _built(ledger), phrase


def test_a_change_of_both_sides_is_no_total() -> None:
    ledger, _ = read_text(BOTH.replace("均为860.40万元", "各减少60.40万元"))
    assert not [r for r in ledger.relations if r.id.startswith("sides")]


# --- income and spending totals printed apart ---------------------------------------------

APART = (
    "某小学2019年部门预算\n"
    "二、收支预算总体情况\n"
    "2019年财政一般收入预算总额为658.66万元。\n"
    "2019年学校支出预算总额为658.66万元，其中：工资福利支出560.00万元，商品和服务支出98.66万元。\n"
)


def test_income_and_spending_budget_totals_balance() -> None:
    ledger, result = read_text(APART)
    assert result.ok
    assert ("equal", ["658.66", "658.66"], "inferred") in _built(ledger)


def test_unbalanced_budget_totals_are_a_warning_never_an_error() -> None:
    ledger, result = read_text(APART.replace("收入预算总额为658.66", "收入预算总额为668.66"))
    assert result.ok
    assert {"668.66", "658.66"} in _warned(ledger, result)


def test_totals_of_two_kinds_of_budget_or_two_years_never_balance() -> None:
    kinds = APART.replace("财政一般收入预算总额", "一般公共预算收入总额").replace(
        "学校支出预算总额", "政府性基金预算支出总额"
    )
    years = APART.replace("2019年学校支出", "2018年学校支出")
    for text in (kinds, years):
        ledger, _ = read_text(text)
        assert not [b for b in _built(ledger) if b[0] == "equal"], text


# --- a government budget's 收入总量 and 支出总量 ---------------------------------------------

TOTALS = (
    "某区2024年决算报告\n"
    "（一）一般公共预算\n"
    "全区一般公共预算收入50.00亿元，加上上级补助和上年结转，收入总量为150.00亿元。"
    "全区一般公共预算支出110.00亿元，加上上解上级和结转下年，支出总量为150.00亿元。\n"
)

DEFICIT = (
    "2024年全国预算执行情况\n"
    "全国一般公共预算收入200000.00亿元，加上调入资金20000.00亿元，收入总量为220000.00亿元。"
    "全国一般公共预算支出255000.00亿元，加上补充稳定调节基金1000.00亿元，支出总量为256000.00亿元。"
    "收支总量相抵，赤字36000.00亿元。\n"
)


def test_the_two_totals_of_a_budget_meet() -> None:
    ledger, result = read_text(TOTALS)
    assert result.ok
    assert ("equal", ["150.00", "150.00"], "inferred") in _built(ledger)
    ledger, result = read_text(TOTALS.replace("支出总量为150.00", "支出总量为151.00"))
    assert result.ok
    assert {"150.00", "151.00"} in _warned(ledger, result)


def test_a_stated_deficit_balances_the_totals() -> None:
    ledger, result = read_text(DEFICIT)
    assert result.ok, [f.message for f in result.errors]
    built = _built(ledger)
    assert ("balance", ["220000.00", "36000.00", "256000.00"], "stated") in built
    assert not [b for b in built if b[0] == "equal"]
    ledger, result = read_text(DEFICIT.replace("赤字36000.00", "赤字35000.00"))
    assert {"220000.00", "35000.00", "256000.00"} in error_values(ledger, result)


# --- breakdowns by a classification: each 按…分 a partition of its own ----------------------

BREAKDOWNS = (
    "某部门2024年部门预算\n"
    "三、支出预算情况\n"
    "2024年支出预算100.00万元。按功能分类：教育支出60.00万元，卫生健康支出40.00万元。"
    "按经济分类：工资福利支出70.00万元，商品和服务支出30.00万元。\n"
)

LEVELS = (
    "某县2024年1-5月预算执行情况\n"
    "（一）收入情况。全县完成财政总收入4000万元，占年初预算9000万元的44.4%。"
    "按级次分：上划中省收入2500万元，占年初预算5500万元的45.5%。"
    "完成地方一般公共预算收入1500万元，占年初预算3500万元的42.9%。\n"
    "地方收入按部门分：税务部门完成1200万元，占年初预算2600万元的46.2%；"
    "财政部门完成300万元，占年初预算900万元的33.3%。\n"
)


def test_each_classification_is_a_sum_of_its_own() -> None:
    ledger, result = read_text(BREAKDOWNS)
    assert result.ok, [f.message for f in result.errors]
    sums = [values for kind, values, _ in _built(ledger) if kind == "sum"]
    assert ["100.00", "60.00", "40.00"] in sums
    assert ["100.00", "70.00", "30.00"] in sums
    assert not [s for s in sums if len(s) > 3]  # never one sum over both classifications


def test_a_broken_classification_is_a_warning_to_check_by_hand() -> None:
    ledger, result = read_text(BREAKDOWNS.replace("卫生健康支出40.00", "卫生健康支出45.00"))
    assert result.ok
    assert {"100.00", "60.00", "45.00"} in _warned(ledger, result)


def test_a_breakdown_names_its_total_or_takes_the_paragraph_s() -> None:
    ledger, result = read_text(LEVELS)
    assert result.ok, [f.message for f in result.errors]
    sums = [values for kind, values, _ in _built(ledger) if kind == "sum"]
    assert ["4000", "2500", "1500"] in sums  # 按级次分: the paragraph's total, over two sentences
    assert ["1500", "1200", "300"] in sums  # 地方收入按部门分: the figure 地方收入 names
    assert ["9000", "5500", "3500"] in sums  # and their budgets add up as they do
    assert ["3500", "2600", "900"] in sums
    ledger, result = read_text(LEVELS.replace("财政部门完成300万元", "财政部门完成350万元"))
    assert {"1500", "1200", "350"} in _warned(ledger, result)


CROSS = (
    "某部门2024年部门预算\n"
    "三、支出预算情况\n"
    "2024年支出预算100.00万元，其中：基本支出80.00万元，项目支出20.00万元，"
    "工资福利支出70.00万元，商品和服务支出30.00万元。\n"
)


def test_two_classifications_in_one_list_are_two_sums_never_one() -> None:
    ledger, result = read_text(CROSS)
    assert result.ok, [f.message for f in result.errors]
    sums = [(values, basis) for kind, values, basis in _built(ledger) if kind == "sum"]
    assert sums == [(["100.00", "80.00", "20.00"], "inferred"), (["100.00", "70.00", "30.00"], "inferred")]


def test_a_list_that_splits_into_no_classifications_is_still_wrong() -> None:
    ledger, result = read_text(CROSS.replace("商品和服务支出30.00", "其他支出5.00"))
    assert {"100.00", "80.00", "20.00", "70.00", "5.00"} in error_values(ledger, result)


# --- a sentence's figure and its quantity's cell in a table printed in the text -------------

TABLE = (
    "某局2020年“三公”经费支出决算情况说明\n"
    "一、总体情况\n"
    "2020年一般公共预算财政拨款“三公”经费支出决算30.00万元。\n"
    "二、明细\n"
    "（一）因公出国（境）费支出决算0万元。\n"
    "（二）公务接待费支出决算12.00万元。\n"
    "（三）公车购置及运行费支出决算18.00万元。\n"
    "“三公”经费支出情况表（单位：万元）\n"
    "项目 | 预算数 | 决算数 |\n"
    "合 计 | 35.00 | 30.00 |\n"
    "因公出国(境)费 | 0 | 0 |\n"
    "公务接待费 | 15.00 | 12.00 |\n"
    "公务用车购置及运行维护费 | 20.00 | 18.00 |\n"
)


def _linked(ledger: perfcheck.Ledger) -> list[tuple[str, str]]:
    labels = {f.id: f.label for f in ledger.figures}
    values = {f.id: f.value for f in ledger.figures}
    return [
        (values[r.operands()[0]], labels[r.operands()[1]])
        for r in ledger.relations
        if r.id.startswith("link_")
    ]


def test_a_sentence_s_figure_is_its_cell_in_the_table() -> None:
    ledger, result = read_text(TABLE)
    assert result.ok, [f.message for f in result.errors]
    linked = _linked(ledger)
    assert ("30.00", "合 计 / 决算数") in linked  # the 三公 total is the table's 合计 row
    assert ("0", "因公出国(境)费 / 决算数") in linked
    assert ("12.00", "公务接待费 / 决算数") in linked  # the role picks the column: never 预算数
    assert ("18.00", "公务用车购置及运行维护费 / 决算数") in linked  # 公车…运行费 is 公务用车…运行维护费
    assert all(r.basis == "inferred" for r in ledger.relations if r.id.startswith("link_"))


def test_a_figure_printed_otherwise_in_the_table_is_a_warning_quoting_its_sentence() -> None:
    ledger, result = read_text(TABLE.replace("公务接待费支出决算12.00", "公务接待费支出决算13.00"))
    assert result.ok
    assert {"13.00", "12.00"} in _warned(ledger, result)
    [warning] = [f for f in result.findings if f.code == "PC903" and "13.00" in f.message]
    relation = next(r for r in ledger.relations if r.id == warning.relation)
    assert relation.source is not None
    assert relation.source.text == "（二）公务接待费支出决算13.00万元。"


def test_a_figure_with_no_role_is_not_paired_with_a_table_of_two_roles() -> None:
    ledger, _ = read_text(TABLE.replace("公务接待费支出决算12.00", "公务接待费支出12.00"))
    assert not [pair for pair in _linked(ledger) if pair[0] == "12.00"]


def test_a_figure_of_another_year_is_not_paired() -> None:
    ledger, _ = read_text(
        TABLE.replace("（二）公务接待费支出决算12.00万元", "（二）2019年公务接待费支出决算12.00万元")
    )
    assert not [pair for pair in _linked(ledger) if pair[0] == "12.00"]


# --- the shares of one whole's parts add up to 100% -----------------------------------------

SHARES = (
    "某镇2024年部门预算\n"
    "（一）收入预算情况\n"
    "2024年收入预算1000.00万元，其中：本年财政拨款收入838.50万元，占83.85%；上年结转161.50万元，占16.15%。\n"
)

RATES = (
    "2022年某市政府采购情况\n"
    "全市政府采购规模为500.0亿元。从采购方式来看，公开招标、邀请招标、竞争性谈判、询价采购规模"
    "分别占全市政府采购规模的80.2%、1.8%、12.0%和2.5%。\n"
)

CLASSES = (
    "2023年某单位政府采购预算\n"
    "2023年政府采购预算170.00万元。货物类采购100.00万元，占政府采购预算的58.8%；"
    "服务类采购70.00万元，占政府采购预算的41.2%；工程类采购0万元，占政府采购预算的0%。\n"
)


def _formulas(ledger: perfcheck.Ledger) -> list[tuple[str, str]]:
    return [(r.expr, r.basis) for r in ledger.relations if r.kind == "formula"]  # type: ignore[attr-defined]


def test_a_list_with_every_part_s_amount_and_share_needs_no_formula() -> None:
    ledger, result = read_text(SHARES)
    assert result.ok, [f.message for f in result.errors]
    assert _formulas(ledger) == []  # its sum and its shares already check every rate


def test_a_run_of_rates_of_one_whole_adds_up_to_100_at_most() -> None:
    ledger, result = read_text(RATES)
    assert result.ok, [f.message for f in result.errors]
    assert _formulas(ledger) == [("f2 + f3 + f4 + f5 <= 100", "inferred")]
    ledger, result = read_text(RATES.replace("12.0%", "22.0%"))
    assert {"80.2%", "1.8%", "22.0%", "2.5%"} in _warned(ledger, result)
    assert result.ok


def test_the_shares_of_a_known_partition_add_up_to_100() -> None:
    ledger, result = read_text(CLASSES)
    assert result.ok, [f.message for f in result.errors]
    [(expr, basis)] = _formulas(ledger)
    assert expr.endswith("== 100")
    assert basis == "inferred"
