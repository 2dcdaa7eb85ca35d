"""Parts of a report not read travel from the reader to the result's coverage and every output.

A table printed in a report's text whose layout the reader does not know is read as
figures in no relation; the ledger carries it as ``not_read`` (its lines, why, its
figures), the JSON document keeps it, ``Result.coverage`` lists it and every renderer
says how much was left unread. Texts of our own writing.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import perfcheck
from perfcheck._read.tables.table import _with_prose
from perfcheck.render import render
from perfcheck.render._common import Checked
from perfcheck.render.html_report import compact_html, report_html
from perfcheck.render.notebook_html import result_html
from perfcheck.render.notebook_markdown import result_markdown
from perfcheck.render.sarif import sarif_log
from test_text_tables_coverage import DROPPED, SHIFTED

# the texts of session 5's tests of tables not read: a 三公 table whose page dropped the blank
# cells under a two-level header (no relation is read from it), and a 支出表 one of whose rows
# lost its blank cells (which column its numbers stand under is not known)
CLEAN = "单位:万元\n项目 | 预算数 | 决算数 |\n甲 | 1.00 | 2.00 |\n乙 | 3.00 | 4.00 |\n合计 | 4.00 | 6.00 |\n"


def test_the_ledger_carries_the_parts_not_read() -> None:
    ledger = perfcheck.read(SHIFTED)
    kinds = [(p.kind, p.line, p.last) for p in ledger.not_read]
    assert kinds == [("table", 3, 6), ("row", 6, 6)]
    table = ledger.not_read[0]
    assert table.why.startswith("no relation found")
    values = {f.id: f.value for f in ledger.figures}
    assert {values[i] for i in table.figures} >= {"31.00", "12.40", "140.50"}


def test_the_json_round_trip_keeps_them() -> None:
    ledger = perfcheck.read(SHIFTED)
    text = perfcheck.dumps(ledger)
    assert json.loads(text)["not_read"][0]["kind"] == "table"
    again = perfcheck.loads(text)
    assert again.not_read == ledger.not_read
    assert perfcheck.dumps(again) == text
    # and a document read from JSON reports the same coverage as the text
    assert perfcheck.check(text.encode()).coverage == perfcheck.check(SHIFTED).coverage


def test_a_ledger_without_them_writes_no_key() -> None:
    ledger = perfcheck.read(CLEAN)
    assert ledger.not_read == []
    assert "not_read" not in json.loads(perfcheck.dumps(ledger))
    assert perfcheck.check(CLEAN).coverage.not_read == ()


def test_a_part_naming_no_figure_is_an_error_of_the_document() -> None:
    doc = {
        "perfcheck": "1",
        "unit": "万元",
        "figures": [{"id": "a", "value": "1.00"}],
        "not_read": [{"line": 5, "last": 4, "why": "x", "figures": ["a", "nope"]}],
    }
    with pytest.raises(perfcheck.LedgerError) as caught:
        perfcheck.validate(doc, name="doc.json")
    message = str(caught.value)
    assert "doc.json" in message
    assert "not_read[0] names no figure 'nope'" in message
    assert "last line 4 is before line 5" in message


def test_coverage_counts_the_parts_and_their_lines() -> None:
    cover = perfcheck.check(SHIFTED).coverage
    assert len(cover.not_read) == 2
    assert cover.not_read_lines == 4 + 1
    dropped = perfcheck.check(DROPPED).coverage
    assert [(p.kind, p.line) for p in dropped.not_read] == [("row", 5)]
    assert dropped.not_read_lines == 1
    assert "cells under the table's 4 columns" in dropped.not_read[0].why


def test_the_table_says_how_much_was_not_read() -> None:
    out = render(perfcheck.check(SHIFTED), "table")
    assert "; 2 parts not read (5 lines)" in out
    assert "not read: table, lines 3-6 (" in out
    assert "not read: row, line 6 (" in out
    assert "not read" not in render(perfcheck.check(CLEAN), "table")
    chinese = render(perfcheck.check(SHIFTED), "table", locale="zh_CN")
    assert "未能读取的部分 2 处（5 行）" in chinese


def test_the_json_summary_lists_them() -> None:
    data = json.loads(render(perfcheck.check(DROPPED), "json"))
    [part] = data["summary"]["coverage"]["not_read"]
    assert (part["kind"], part["line"], part["last"]) == ("row", 5, 5)
    assert len(part["figures"]) == 2
    assert json.loads(render(perfcheck.check(CLEAN), "json"))["summary"]["coverage"]["not_read"] == []


def test_sarif_notes_each_part_with_its_lines(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text(SHIFTED, encoding="utf-8")
    result = perfcheck.check(report)
    log = sarif_log([Checked(str(report), str(report), None, result)])
    notes = [
        n for n in log["runs"][0]["invocations"][0]["toolExecutionNotifications"] if n["level"] == "note"
    ]
    assert [n["locations"][0]["physicalLocation"]["region"] for n in notes] == [
        {"startLine": 3, "endLine": 6},
        {"startLine": 6, "endLine": 6},
    ]
    assert notes[0]["message"]["text"].startswith("not read: table, lines 3-6")
    # a ledger written from the text names the parts, but its lines are not the JSON file's
    ledger = tmp_path / "report.json"
    ledger.write_text(perfcheck.dumps(perfcheck.read(SHIFTED)), encoding="utf-8")
    log = sarif_log([Checked(str(ledger), str(ledger), None, perfcheck.check(ledger))])
    notes = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert len(notes) == 2
    assert all("region" not in n["locations"][0]["physicalLocation"] for n in notes)
    assert notes[1]["properties"]["notRead"]["kind"] == "row"


def test_html_and_notebooks_list_them() -> None:
    result = perfcheck.check(SHIFTED)
    page = report_html(result, source=SHIFTED)
    assert "<dt>tables not read</dt><dd>2</dd>" in page
    assert "<dt>lines not read</dt><dd>5</dd>" in page
    assert '<ul class="pc-not-read"><li>not read: table, lines 3-6' in page
    assert "pc-not-read" in compact_html(result)
    assert "<li>not read: row, line 6" in result_html(result)
    assert "\n- not read: row, line 6" in result_markdown(result)
    clean = perfcheck.check(CLEAN)
    assert "not read" not in result_html(clean) + result_markdown(clean) + compact_html(clean)


def test_a_pdf_report_keeps_its_prose_parts_not_read() -> None:
    prose = perfcheck.read(SHIFTED).to_dict()
    merged = _with_prose({"figures": [], "relations": []}, prose["figures"], prose)
    assert merged["not_read"] == prose["not_read"]


def test_the_command_line_prints_it_for_a_text(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text(DROPPED, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "perfcheck", "check", str(report)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0
    assert "1 part not read (1 line)" in done.stdout
    assert "not read: row, line 5 (2 figures)" in done.stdout


def test_a_sum_the_row_not_placed_may_belong_to_is_built_only_if_it_holds_without_it() -> None:
    ledger = perfcheck.read(DROPPED)
    values = {f.id: f.value for f in ledger.figures}
    totals = {values[r.total] for r in ledger.relations if r.kind == "sum"}
    # 120 + 80 = 200 holds without the row; 118 + 86 is not 208, nor -2 + 6 8: the row's cells may be missing
    assert totals == {"200.00"}
    assert not perfcheck.check(DROPPED).findings


def test_a_blank_figure_read_as_absent_leaves_the_part_that_names_it() -> None:
    doc = {
        "perfcheck": "1",
        "unit": "万元",
        "figures": [{"id": "a", "value": "1.00"}, {"id": "b", "value": "-"}],
        "not_read": [{"kind": "row", "line": 5, "why": "3 cells under 4 columns", "figures": ["a", "b"]}],
    }
    [part] = perfcheck.check(doc, blanks="absent").coverage.not_read
    assert part.figures == ["a"]
    with pytest.raises(perfcheck.LedgerError):
        perfcheck.validate(doc)  # a blank is an error by default
