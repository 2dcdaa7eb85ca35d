"""Tables printed one cell a line whose rows their shape alone did not find: notes in cells, 共计, one row.

Every text here is our own writing, in the layouts of real pages (bench/corpus indexes them):
a procurement report's table by way of purchase, one cell a line, a blank printed ``/``,
a count carrying a note in brackets (``59（笔）``) and a 共计 row; and a month's summary
table of a single row under its column names.
"""

from __future__ import annotations

import pytest

from phrasing_texts import checked_by_hand, read_text, relation_values

_HEAD = ["采购方式", "项目数(个)", "预算金额(万元)", "实际采购金额(万元)", "节约资金(万元)", "节资率(%)"]
_ROWS = [
    ["公开招标", "12", "500", "480", "20", "4.00"],
    ["竞争性磋商", "3", "0.0005", "0.0005", "/", "/"],
    ["单一来源", "2", "300", "296", "4", "1.33"],
    ["网上商城", "41（笔）", "60", "58", "2", "3.33"],
]
_TOTAL = ["共计", "/", "860.0005", "834.0005", "26", "3.02"]


def _one_a_line(rows: list[list[str]], *, bars: bool) -> str:
    cells = [c for row in rows for c in row]
    return "".join(f"{c}\n|\n" if bars else f"{c}\n" for c in cells)


def _table(*, total_first: bool = False, bars: bool = True, blank: str = "/") -> str:
    rows = [_TOTAL, *_ROWS] if total_first else [*_ROWS, _TOTAL]
    rows = [[blank if c == "/" else c for c in row] for row in rows]
    return "按采购方式划分的情况如下。\n" + _one_a_line([_HEAD, *rows], bars=bars) + "以上为本月情况。\n"


@pytest.mark.parametrize("total_first", [False, True], ids=["total-last", "total-first"])
@pytest.mark.parametrize("bars", [True, False], ids=["bar-lines", "bare-lines"])
@pytest.mark.parametrize("blank", ["/", "-"], ids=["slash", "dash"])
def test_a_procurement_table_one_cell_a_line_sums_to_its_total_row(
    total_first: bool, bars: bool, blank: str
) -> None:
    ledger, result = read_text(_table(total_first=total_first, bars=bars, blank=blank))
    sums = [values for values, _ in relation_values(ledger, "sum")]
    assert {"860.0005", "500", "0.0005", "300", "60"} in sums
    assert {"834.0005", "480", "0.0005", "296", "58"} in sums
    assert {"26", "20", "4", "2"} in sums  # the blank saving adds nothing
    counts = {f.value: f.unit for f in ledger.figures if f.unit == "个"}
    assert counts.get("41") == "个"  # the note (笔) is no part of the value
    assert result.ok
    assert not checked_by_hand(ledger, result)


def test_a_wrong_cell_of_the_procurement_table_is_to_be_checked_by_hand() -> None:
    ledger, result = read_text(_table().replace("296\n", "269\n", 1))
    assert result.ok  # a flattened layout: a break is a warning, never an error
    assert any("269" in values for values in checked_by_hand(ledger, result))


_MONTH_HEAD = ["月份", "项目数(个)", "预算金额(万元)", "实际采购金额(万元)", "节约资金(万元)", "节资率(%)"]
_MONTH_ROW = ["3月", "58", "2410.5", "2301.2", "109.3", "4.53"]


@pytest.mark.parametrize("bars", [True, False], ids=["bar-lines", "bare-lines"])
@pytest.mark.parametrize("unit_above", [False, True], ids=["units-in-header", "unit-line-above"])
def test_a_table_of_one_row_is_read_under_its_column_names(bars: bool, unit_above: bool) -> None:
    head = [h.replace("(万元)", "") for h in _MONTH_HEAD] if unit_above else _MONTH_HEAD
    text = (
        "本月采购情况如下。\n"
        + ("单位：万元\n" if unit_above else "")
        + _one_a_line([head, _MONTH_ROW], bars=bars)
        + "以上数据来自采购系统。\n"
    )
    ledger, _ = read_text(text)
    read = {f.value: (f.unit, f.label) for f in ledger.figures}
    assert read["58"][0] == "个"
    assert read["2410.5"][0] == "万元"
    assert read["4.53"][0] == "%"
    assert "预算金额" in read["2410.5"][1]
    assert "3月" in read["2410.5"][1]
    assert not list(ledger.relations)  # one row: nothing adds up
    (table,) = [part for part in ledger.not_read if part.kind == "table"]
    assert "one row" in table.why
    assert {"58", "2410.5", "4.53"} <= {f.value for f in ledger.figures if f.id in table.figures}


def test_a_run_one_cell_short_of_a_header_and_its_row_is_no_one_row_table() -> None:
    # five names over a row of six cells: which value stands under which name is not known
    text = "本月采购情况如下。\n" + _one_a_line([_MONTH_HEAD[:5], _MONTH_ROW], bars=True) + "完。\n"
    ledger, _ = read_text(text)
    assert not [f for f in ledger.figures if "预算金额" in f.label]


def test_a_header_wider_than_its_one_row_is_not_read_as_its_columns() -> None:
    # six names over a row of five cells: the first name is no caption, so nothing is placed
    row = _MONTH_ROW[:5]
    text = "本月采购情况如下。\n" + _one_a_line([_MONTH_HEAD, row], bars=True) + "完。\n"
    ledger, _ = read_text(text)
    assert not [f for f in ledger.figures if "预算金额" in f.label or "项目数" in f.label]


@pytest.mark.parametrize("total_first", [False, True], ids=["total-last", "total-first"])
def test_blank_cells_printed_as_no_line_leave_the_table_unplaced_not_misread(total_first: bool) -> None:
    # each cell then a line |, a blank cell printed as a | alone: after a number it marks
    # nothing the reader can be sure of, the cells after it shift, and no sum holds as placed
    rows = [_TOTAL, *_ROWS] if total_first else [*_ROWS, _TOTAL]
    cells = [c for row in [_HEAD, *rows] for c in row]
    text = (
        "按采购方式划分的情况如下。\n" + "".join(f"{c}\n|\n" if c != "/" else "|\n" for c in cells) + "完。\n"
    )
    ledger, result = read_text(text)
    assert not relation_values(ledger, "sum")
    assert not checked_by_hand(ledger, result)
    assert result.ok


def test_a_table_one_cell_a_line_with_one_wrong_total_keeps_its_other_sums() -> None:
    ledger, result = read_text(_table().replace("834.0005\n", "844.0005\n", 1))
    sums = [values for values, _ in relation_values(ledger, "sum")]
    assert {"860.0005", "500", "0.0005", "300", "60"} in sums  # the sums that hold stay
    assert any("844.0005" in values for values in checked_by_hand(ledger, result))
