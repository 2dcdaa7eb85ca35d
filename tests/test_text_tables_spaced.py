"""Tables flattened into lines of cells between spaces: numbered labels, a two-row header, wrapped rows.

The texts are our own writing, in the layout a stored page of a hospital's financial
disclosure prints (bench/corpus holds the index of the real page): a header whose last
column name spans a second row (``2020比2019增减`` over ``增减值 增减%``), labels printed
with their row numbers as separate words (``1. 财政补助收入``), a numbered total heading its
parts (``(一) 收入总计``), a row printing one zero and no other cell, and a row whose
values are printed on the line after its label.
"""

from __future__ import annotations

from phrasing_texts import read_text, relation_values

PAGE = (
    "某县人民医院收支情况对比表\n"
    "单位:某县人民医院 单位:元\n"
    "项目及编号 2019年度 2020年度 2020比2019增减\n"
    "增减值 增减%\n"
    "一、收入支出情况对比 (一) 收入总计 1000.50 1200.75 200.25 20.01%\n"
    "1. 财政补助收入 300.00 400.00 100.00 33.33%\n"
    "2. 科教项目收入 0\n"
    "3. 医疗收入 700.50 800.75 100.25 14.31%\n"
    "(二) 支出总计 900.00 1000.00 100.00 11.11%\n"
    "1. 医疗业务成本 600.00 700.00 100.00 16.67%\n"
    "2. 管理费用 300.00 300.00 0.00 0.00%\n"
    "二、每门急诊人次平均收费水平 150.50 160.50 10.00 6.64%\n"
    "三、出院者平均医药费用\n"
    "5000.00 5100.00 100.00 2.00%\n"
    "四、主要病种及费用\n"
)


def test_every_cell_is_read_under_its_row_and_both_header_rows() -> None:
    ledger, result = read_text(PAGE)
    assert not [f for f in result.findings if f.severity.value != "info"], [
        f.message for f in result.findings
    ]
    by_label = {f.label: f.value for f in ledger.figures}
    assert by_label["(一)收入总计 / 2020比2019增减/增减值"] == "200.25"
    assert by_label["1.财政补助收入 / 2019年度"] == "300.00"
    assert by_label["2.科教项目收入 / 2019年度"] == "0"
    # the label on one line, its values on the next: one row
    assert by_label["三、出院者平均医药费用 / 2020年度"] == "5100.00"
    assert {f.unit for f in ledger.figures if not str(f.value).endswith("%")} == {"元"}


def test_a_numbered_total_sums_the_rows_numbered_under_it_and_no_further() -> None:
    ledger, _ = read_text(PAGE)
    sums = [values for values, _ in relation_values(ledger, "sum")]
    assert {"1000.50", "300.00", "0", "700.50"} in sums
    assert {"900.00", "600.00", "300.00"} in sums  # not the 二、 and 三、 rows after it
    assert not [s for s in sums if "150.50" in s]
    changes = [values for values, _ in relation_values(ledger, "change")]
    assert {"5000.00", "5100.00", "100.00"} in changes
    assert {"150.50", "160.50", "6.64%"} in changes


def test_a_break_in_such_a_table_is_a_warning_to_check_by_hand() -> None:
    _, result = read_text(PAGE.replace("3. 医疗收入 700.50", "3. 医疗收入 710.50"))
    assert result.ok  # the layout was guessed: never an error
    assert "PC903" in [f.code for f in result.findings]


def test_a_short_row_of_an_amount_that_is_not_zero_is_not_placed_by_guess() -> None:
    ledger, _ = read_text(PAGE.replace("2. 科教项目收入 0\n", "2. 科教项目收入 5.00\n"))
    assert "2.科教项目收入 / 2019年度" not in {f.label for f in ledger.figures}


HALVES = [
    "表2:2022年某镇一般公共预算收支决算平衡表",
    "单位:万元",
    "收入",
    "预算数",
    "决算数",
    "支出",
    "预算",
    "决算数",
    "一、税收收入",
    "300",
    "310",
    "一、一般公共服务支出",
    "200",
    "210",
    "二、非税收入",
    "200",
    "210",
    "二、教育支出",
    "300",
    "320",
    "收入合计",
    "500",
    "520",
    "支出合计",
    "500",
    "530",
]
#: A page printed double-spaced: a blank line after every line, the table's cells too.
DOUBLE_SPACED = "2022年全镇收入合计520万元。\n\n" + "\n\n".join(HALVES) + "\n\n说明：本表按决算口径编制。\n"


def test_a_double_spaced_table_in_two_halves_is_read_half_by_half_in_its_title_unit() -> None:
    ledger, result = read_text(DOUBLE_SPACED)
    assert not [f for f in result.findings if f.severity.value != "info"], [
        f.message for f in result.findings
    ]
    by_label = {f.label: (f.value, f.unit) for f in ledger.figures}
    # the halves' columns are named 收入 and 支出 (no 项目), their 预算数 and 预算 alike
    assert by_label["二、教育支出 / 预算"] == ("300", "万元")
    assert by_label["收入合计 / 决算数"] == ("520", "万元")
    sums = [values for values, _ in relation_values(ledger, "sum")]
    assert {"520", "310", "210"} in sums
    assert {"530", "210", "320"} in sums  # the 支出 half's own rows, not the 收入 half's


def test_a_break_in_a_double_spaced_half_is_caught() -> None:
    _, result = read_text(DOUBLE_SPACED.replace("\n\n320\n\n", "\n\n330\n\n"))
    assert result.ok
    assert "PC903" in [f.code for f in result.findings]


def test_the_unit_printed_beside_another_caption_is_the_tables_unit() -> None:
    text = (
        "表1 | ||||\n"
        "收支总体情况表 | ||||\n"
        "单位名称:某某小学 | 单位:万元 | |||\n"
        "收入 | 支出 | |||\n"
        "项目 | 2020年预算数 | 项目 | 2020年预算数 | |\n"
        "一、财政拨款 | 800.00 | 一、基本支出 | 700.00 |\n"
        "二、其他资金 | 50.00 | 二、项目支出 | 150.00 |\n"
    )
    ledger, _ = read_text(text)
    # no amount in the text around it prints a unit: the caption's is the only one
    assert {(f.value, f.unit) for f in ledger.figures} >= {("800.00", "万元"), ("150.00", "万元")}
