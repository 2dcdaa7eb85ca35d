"""Honest coverage of tables flattened into text: a table the reader cannot read is reported, not dropped."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import perfcheck
from perfcheck.extract import extract
from perfcheck.render.html_report import report_html
from phrasing_texts import read_text

# Own writing, in the layout of a 三公 决算表 whose page conversion dropped the blank cells of
# the columns a unit left empty: the row of numbers is shorter than its header, and a header
# row carries the last column's number.
SHIFTED = """2019年度"三公"经费支出决算表
单位:万元
"三公"经费 | 其他经费决算数 | ||||||||
合计 | 因公出国(境)费 | 公务用车费 | 公务接待费 | ||||||
预算数 | 决算数 | 预算数 | 决算数 | 预算数 | 决算数 | 预算数 | 决算数 | 140.50 |
31.00 | 12.40 | 20.00 | 9.10 | 11.00 | 3.30 |
本单位2019年"三公"经费支出12.40万元。
"""

# A table printed one cell a line that states no relation: counts, no total, no change column.
COUNTS = """2019年度"三公"经费使用情况
使用项目 |
数量 |
公务用车购置数 |
3 |
公务用车保有量 |
41 |
国内公务接待批次 |
120 |
单位公务支出合计52.60万元，其中公务接待费12.10万元，公务用车费40.50万元。
"""


def test_a_table_that_cannot_be_read_is_listed_with_its_lines_and_why() -> None:
    found = extract(SHIFTED)
    table, row = found.unread_tables
    assert (table.line, table.last) == (3, 6)
    assert table.reason.startswith("no relation found")
    # the row of numbers is narrower than the table: its cells are placed under no column
    assert (row.line, row.last) == (6, 6)
    assert "6 cells under the table's 9 columns, its blank cells dropped" in row.reason
    assert found.summary.tables_unread == 2
    assert str(found.summary).endswith("2 tables not read")
    assert "lines 3-6: " in found.explain()
    assert "lines 6-6: 6 cells" in found.explain()


def test_its_figures_are_read_in_no_relation() -> None:
    ledger, result = read_text(SHIFTED)
    found = extract(SHIFTED)
    mine = {i for t in found.unread_tables for i in t.figures}
    values = {f.value for f in ledger.figures if f.id in mine}
    assert {"31.00", "12.40", "20.00", "9.10", "11.00", "3.30", "140.50"} <= values
    assert all(f.unit == "万元" for f in ledger.figures if f.id in mine)
    used = {i for r in ledger.relations for i in r.operands()}
    assert not mine & used
    # coverage counts them as read but unused
    assert result.coverage.figures == len(ledger.figures)
    assert result.coverage.figures - result.coverage.in_relations >= len(mine)
    assert not result.errors


def test_a_table_stating_no_relation_is_reported() -> None:
    found = extract(COUNTS)
    [table] = found.unread_tables
    assert "no relation" in table.reason
    assert (table.line, table.last) == (2, 9)  # its cells; the title above is no cell
    # a table naming no unit gives no figure of a guessed unit: its counts are left unread
    assert table.figures == ()
    # the sentence after it is read as before
    assert [r.kind for r in found.ledger.relations] == ["sum"]


def test_a_table_read_is_not_listed() -> None:
    table = "项目 | 预算数 | 决算数 |\n甲 | 1.00 | 2.00 |\n乙 | 3.00 | 4.00 |\n合计 | 4.00 | 6.00 |\n"
    found = extract("单位:万元\n" + table)
    assert found.unread_tables == ()
    assert found.summary.tables_unread == 0


def test_check_names_the_table_not_read_on_standard_error(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text(SHIFTED, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "perfcheck", "check", str(report)], capture_output=True, text=True, check=False
    )
    assert "read no relation from the table at lines 3-6" in done.stderr
    explained = subprocess.run(
        [sys.executable, "-m", "perfcheck", "check", "--explain", str(report)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "tables not read" in explained.stdout + explained.stderr


# Own writing: a 支出表 whose page writes blank cells (`| |`) but dropped the blanks of one row,
# so its cells shifted left under the wrong columns (预算数 blank, 决算数 and 增减 printed).
DROPPED = """单位:万元 | ||||
项目 | 预算数 | 决算数 | 增减额 | |
基本支出 | 120.00 | 118.00 | -2.00 | |
项目支出 | 80.00 | 86.00 | 6.00 | |
其他支出 | 4.00 | 4.00 |
合计 | 200.00 | 208.00 | 8.00 | |
"""


def test_a_row_whose_blank_cells_were_dropped_is_not_placed_by_guess() -> None:
    found = extract(DROPPED)
    [table] = found.unread_tables
    assert table.line == table.last == 5
    assert "3 cells under the table's 4 columns, its blank cells dropped" in table.reason
    values = {f.id: f.value for f in found.ledger.figures}
    row = {i for i in table.figures if values[i] == "4.00"}
    assert len(row) == 2  # its numbers are read
    used = {i for r in found.ledger.relations for i in r.operands()}
    assert not row & used  # and checked against nothing
    _, result = read_text(DROPPED)
    assert not result.errors


def test_a_narrow_row_that_its_sums_confirm_is_placed() -> None:
    # the 合计 row lost its trailing blanks, and its two amounts add up as placed
    confirmed = DROPPED.replace("其他支出 | 4.00 | 4.00 |", "其他支出 | 4.00 | 4.00 | 0.00 | |").replace(
        "合计 | 200.00 | 208.00 | 8.00 | |", "合计 | 204.00 | 208.00 |"
    )
    found = extract(confirmed)
    assert found.unread_tables == ()
    values = {f.id: f.value for f in found.ledger.figures}
    totals = {values[r.total] for r in found.ledger.relations if r.kind == "sum"}
    assert {"204.00", "208.00"} <= totals


def test_the_html_report_counts_the_tables_not_read() -> None:
    page = report_html(perfcheck.check(SHIFTED), source=SHIFTED)
    assert "<dt>tables not read</dt><dd>2</dd>" in page
    read = (
        "单位:万元\n项目 | 预算数 | 决算数 |\n甲 | 1.00 | 2.00 |\n乙 | 3.00 | 4.00 |\n合计 | 4.00 | 6.00 |\n"
    )
    assert "tables not read" not in report_html(perfcheck.check(read), source=read)
