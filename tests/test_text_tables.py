"""Tables that pages flatten into lines of text, each layout in a text written for the test.

Every text here is our own writing; it reproduces the layout of a table a real report
printed (bench/corpus holds the index of the real pages). Each table checks clean as
printed, and with one cell changed the change is a finding naming that cell's row and column;
a flattened table's relations are inferred, so a break is to be checked by hand (PC903).
"""

from __future__ import annotations

import perfcheck
from phrasing_texts import read_text


def _relations(ledger: perfcheck.Ledger) -> dict[str, list[str]]:
    """Each relation's id and the printed values of its figures (total or current first)."""
    values = {f.id: f.value for f in ledger.figures}
    out = {}
    for rel in ledger.relations:
        named = ("total", "current", "prior", "delta", "percent", "numerator", "denominator", "stated")
        ids = [getattr(rel, a) for a in named if getattr(rel, a, None)]
        out[rel.id] = [values[i] for i in [*ids, *getattr(rel, "parts", [])]]
    return out


def _findings(ledger: perfcheck.Ledger, result: perfcheck.Result) -> list[tuple[str, set[str]]]:
    values = {f.id: f.value for f in ledger.figures}
    return [(f.code, {values[i] for i in f.figures}) for f in result.findings]


# --- two tables in one run of | lines, below the page's metadata; a header over two rows ------
# (执行数 spans 金额 | 占调整预算% | 比上年增长%), the columns named by their years

TWO_TABLES = (
    "标题: | 某镇2023年预算执行情况 | ||\n"
    "---|---|---|---|\n"
    "发布日期: | 2024-01-15 09:00:00 | 发布机构: | 某镇人民政府 |\n"
    "表1 | |||||\n"
    "2023年某镇一般公共预算收入执行情况表 | |||||\n"
    "单位:万元 | |||||\n"
    "项 目 | 2022年决算数 | 2023年调整预算数 | 2023年执行数 | ||\n"
    "金额 | 占调整预算% | 比上年增长% | |||\n"
    "一、税收收入 | 200 | 250 | 240 | 96.00 | 20.00 |\n"
    "增值税 | 120 | 150 | 150 | 100.00 | 25.00 |\n"
    "个人所得税 | 80 | 100 | 90 | 90.00 | 12.50 |\n"
    "二、非税收入 | 50 | 50 | 60 | 120.00 | 20.00 |\n"
    "罚没收入 | 50 | 50 | 60 | 120.00 | 20.00 |\n"
    "本年收入合计 | 250 | 300 | 300 | 100.00 | 20.00 |\n"
    "表2 | |||||\n"
    "2023年某镇一般公共预算支出执行情况表 | |||||\n"
    "单位:万元 | |||||\n"
    "项 目 | 2022年决算数 | 2023年调整预算数 | 2023年执行数 | ||\n"
    "金额 | 占调整预算% | 比上年增长% | |||\n"
    "一般公共服务支出 | 100 | 125 | 120 | 96.00 | 20.00 |\n"
    "教育支出 | 150 | 175 | 180 | 102.86 | 20.00 |\n"
    "本年支出合计 | 250 | 300 | 300 | 100.00 | 20.00 |\n"
)


def test_a_run_of_lines_holding_two_tables_is_read_as_two_tables() -> None:
    ledger, result = read_text(TWO_TABLES)
    assert not result.findings, [f.message for f in result.findings]
    read = _relations(ledger)
    # the second table's rows add up on their own, under its own header
    assert read["t2_total_r22_D"] == ["300", "120", "180"]
    # the metadata above the first table is no row of it: the first table starts at 表1
    cells = {f.source.cell for f in ledger.figures if f.source is not None and f.source.cell}
    assert "B9" in cells
    assert not any(f.value.startswith("2024") for f in ledger.figures)


def test_columns_named_by_their_years_are_this_year_and_last() -> None:
    ledger, _ = read_text(TWO_TABLES)
    read = _relations(ledger)
    # 占调整预算% = 执行数 ÷ 调整预算数; 比上年增长% = 执行数 against the earlier year's column
    assert read["t1_ratio_r11_E"] == ["90", "100", "90.00"]
    assert read["t1_growth_r11_F"] == ["90", "80", "12.50"]
    assert read["t2_growth_r21_F"] == ["180", "150", "20.00"]


def test_rows_under_a_numbered_row_add_up_to_it() -> None:
    ledger, _ = read_text(TWO_TABLES)
    read = _relations(ledger)
    assert read["t1_tree_r9_D"] == ["240", "150", "90"]  # 一、税收收入 = 增值税 + 个人所得税
    assert read["t1_total_r14_D"] == ["300", "240", "60"]  # 合计 = 一、 + 二、, not every row


def test_a_wrong_cell_of_a_two_year_table_is_named_by_its_row_and_column() -> None:
    text = TWO_TABLES.replace(
        "个人所得税 | 80 | 100 | 90 | 90.00 | 12.50 |", "个人所得税 | 80 | 100 | 90 | 91.00 | 12.50 |"
    )
    ledger, result = read_text(text)
    assert result.ok  # the layout was guessed: a finding to check by hand, not an error
    assert _findings(ledger, result) == [("PC903", {"90", "100", "91.00"})]
    assert "个人所得税" in result.findings[0].message
    assert "占调整预算%" in result.findings[0].message
    text = TWO_TABLES.replace("增值税 | 120 | 150 | 150 |", "增值税 | 120 | 150 | 160 |")
    ledger, result = read_text(text)
    assert {code for code, _ in _findings(ledger, result)} == {"PC903"}
    assert all("160" in values for _, values in _findings(ledger, result))


# --- one cell a line, each ending with its own |; a blank cell printed as a line of | alone -----

_SUFFIXED = (
    "项 目|预 算 数|决 算 数|合 计|30.5|12.3|因公出国(境)费|10||公务接待费|8.5|4.3"
    "|公务用车购置及运行维护费|12|8"
)
SUFFIXED_CELLS = "2023年度“三公”经费支出决算表\n单位:万元\n" + "".join(
    f"{cell} |\n" if cell else "|\n" for cell in _SUFFIXED.split("|")
)


def test_a_line_of_a_bar_alone_is_a_blank_cell_where_cells_end_with_bars() -> None:
    ledger, result = read_text(SUFFIXED_CELLS)
    assert not result.findings, [f.message for f in result.findings]
    sums = sorted(values for values in _relations(ledger).values())
    # the 决算 of 因公出国 is blank: the 决算 合计 adds the two rows that print one
    assert sums == [["12.3", "4.3", "8"], ["30.5", "10", "8.5", "12"]]


def test_a_wrong_cell_after_a_blank_one_is_found_in_its_own_column() -> None:
    ledger, result = read_text(SUFFIXED_CELLS.replace("4.3 |", "5.3 |"))
    assert result.ok
    assert _findings(ledger, result) == [("PC903", {"12.3", "5.3", "8"})]


# --- a 其中 list printed flat: its rows lost the indentation that showed where it ends -------

FLAT_WITHIN = (
    "单位:万元 | ||\n"
    "项目 | 预算数 | 决算数 |\n"
    "合计 | 40.0 | 31.0 |\n"
    "公务接待费 | 10.0 | 6.0 |\n"
    "公务用车购置及运行维护费 | 30.0 | 25.0 |\n"
    "其中:公务用车运行维护费 | 12.0 | 10.0 |\n"
    "公务用车购置费 | 18.0 | 15.0 |\n"
)


def test_the_rows_of_a_flat_within_list_are_its_items_not_the_totals() -> None:
    ledger, result = read_text(FLAT_WITHIN)
    assert not result.findings, [f.message for f in result.findings]
    read = sorted(_relations(ledger).values())
    assert ["25.0", "10.0", "15.0"] in read  # 公务用车 ⊇ 其中 运行维护费 + 购置费
    assert ["31.0", "6.0", "25.0"] in read  # 合计 = 接待 + 公务用车, not also its 购置费


def test_a_wrong_item_of_a_flat_within_list_is_found() -> None:
    ledger, result = read_text(FLAT_WITHIN.replace("| 18.0 | 15.0 |", "| 18.0 | 16.0 |"))
    assert result.ok
    assert _findings(ledger, result) == [("PC903", {"25.0", "10.0", "16.0"})]


# --- one cell a line, a line | after each; a header cell wrapped over two lines -----------------

_WRAPPED = [
    "项 目", "合计", "一般公共\n预算", "政府性基金\n预算", "",
    "机关运行经费", "50.00", "45.00", "5.00", "",
    "培训费", "10.00", "10.00", "0.00",
]  # fmt: skip
WRAPPED_CELLS = "单位:万元\n" + "".join(f"{cell}\n|\n" if cell else "|\n" for cell in _WRAPPED)


def test_a_cell_wrapped_over_lines_before_its_bar_is_one_cell() -> None:
    ledger, result = read_text(WRAPPED_CELLS)
    assert not result.findings, [f.message for f in result.findings]
    assert ["50.00", "45.00", "5.00"] in _relations(ledger).values()  # 合计 = the columns after it
    labels = {f.label for f in ledger.figures}
    assert "机关运行经费 / 政府性基金预算" in labels


def test_a_wrong_cell_under_a_wrapped_header_is_found() -> None:
    ledger, result = read_text(WRAPPED_CELLS.replace("\n5.00\n", "\n6.00\n"))
    assert result.ok
    assert _findings(ledger, result) == [("PC903", {"50.00", "45.00", "6.00"})]


# --- thousands separators, a negative amount in brackets, a blank printed as a dash ----------

BRACKETS = (
    "单位:万元 | ||\n"
    "项目 | 本年数 | 上年数 | 增减额 |\n"
    "合计 | 1,234.50 | 1,334.50 | (100.00) |\n"
    "基本支出 | 1,000.00 | 1,100.00 | (100.00) |\n"
    "项目支出 | 234.50 | 234.50 | - |\n"
)


def test_an_amount_in_brackets_is_negative() -> None:
    ledger, result = read_text(BRACKETS)
    assert not result.findings, [f.message for f in result.findings]
    read = _relations(ledger)
    assert read["t1_change_r4_D"] == ["1,000.00", "1,100.00", "-100.00"]
    assert read["t1_total_r3_D"] == ["-100.00", "-100.00"]  # the dash is no figure


def test_a_wrong_amount_in_brackets_is_found() -> None:
    ledger, result = read_text(BRACKETS.replace("| 1,000.00 | 1,100.00 |", "| 1,000.00 | 1,090.00 |"))
    assert result.ok
    # the 上年数 column's 合计 and the row's change both break at the changed cell
    assert sorted(_findings(ledger, result), key=str) == [
        ("PC903", {"1,000.00", "1,090.00", "-100.00"}),
        ("PC903", {"1,334.50", "1,090.00", "234.50"}),
    ]


# --- a 占比 column: each row's amount over the table's 合计 -------------------------------------

SHARES = (
    "单位:万元 | |||\n"
    "项目 | 决算数 | 占比 |\n"
    "合计 | 200.00 | 100.00% |\n"
    "基本支出 | 150.00 | 75.00% |\n"
    "项目支出 | 50.00 | 25.00% |\n"
)


def test_a_share_column_is_each_row_over_the_total() -> None:
    ledger, result = read_text(SHARES)
    assert not result.findings, [f.message for f in result.findings]
    read = _relations(ledger)
    assert read["t1_share_r4_C"] == ["150.00", "200.00", "75.00%"]
    assert read["t1_share_r5_C"] == ["50.00", "200.00", "25.00%"]


def test_a_wrong_share_is_named_by_its_row_and_column() -> None:
    ledger, result = read_text(SHARES.replace("75.00%", "70.00%"))
    assert result.ok
    assert _findings(ledger, result) == [("PC903", {"150.00", "200.00", "70.00%"})]
    assert "基本支出 / 占比" in result.findings[0].message


# --- a header cell in the middle spanning two (预算数 over 年初预算 | 调整预算), blanks dropped ---

SPLIT_BUDGET = (
    "单位:万元 | ||||\n"
    "项目 | 预算数 | 决算数 | 增减额 |\n"
    "年初预算 | 调整预算 | ||||\n"
    "合计 | 100.00 | 120.00 | 110.00 | 10.00 |\n"
    "基本支出 | 60.00 | 70.00 | 65.00 | 5.00 |\n"
    "项目支出 | 40.00 | 50.00 | 45.00 | 5.00 |\n"
)


def test_the_spanning_cell_is_the_one_naming_the_cells_under_it() -> None:
    ledger, result = read_text(SPLIT_BUDGET)
    assert not result.findings, [f.message for f in result.findings]
    columns = {f.label.split(" / ", 1)[1] for f in ledger.figures}
    assert columns == {"预算数/年初预算", "预算数/调整预算", "决算数", "增减额"}


def test_a_wrong_cell_under_a_spanning_cell_names_its_column() -> None:
    ledger, result = read_text(SPLIT_BUDGET.replace("| 70.00 | 65.00 |", "| 72.00 | 65.00 |"))
    assert result.ok
    assert _findings(ledger, result) == [("PC903", {"120.00", "72.00", "50.00"})]
    assert "预算数/调整预算" in result.findings[0].message
