"""The standard disclosure set: nine tables read as one ledger, with the identities between them."""

from __future__ import annotations

import dataclasses
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pandas as pd
import polars as pl
import pytest

import perfcheck
from disclosure_data import Disclosure, Sheet
from perfcheck.cli import main
from perfcheck.extract import extract
from perfcheck.render import marked_table, marked_table_html

CLEAN = Disclosure.build()
FORMATS = ["xlsx", "csv", "html", "pandas", "polars", "pdf"]
#: the DataFrame formats: one frame a table, in a mapping of title to frame
FRAMES = {"pandas": pd.DataFrame, "polars": pl.DataFrame}
#: the cross-table identities the nine tables give (29 between tables, 2 between a 总表's halves)
CROSS = 30


def ledger_of(fmt: str, d: Disclosure, tmp: Path) -> perfcheck.Ledger:
    if fmt == "xlsx":
        return perfcheck.read_xlsx(d.xlsx_bytes(), name="部门决算.xlsx")
    if fmt == "csv":
        return perfcheck.read_csv(d.csv_folder(tmp / "部门决算"))
    if fmt in FRAMES:
        return perfcheck.from_frame(d.frames(FRAMES[fmt]), unit="万元")  # a frame prints no 单位 line
    if fmt == "pdf":
        return perfcheck.read_pdf(d.pdf_bytes(), name="部门决算.pdf")
    return perfcheck.read_html(d.html().encode(), name="部门决算.html")


def where(fmt: str, d: Disclosure, key: str, row: int, column: int) -> tuple[str, str] | str:
    """The sheet and cell a finding must point to; a frame's figure, which has no sheet cell, by its id.

    In a PDF: the page the row is printed on (found by its text), its table on that page,
    and the cell there (column by position, row counted from that page's piece of the table).
    """
    sheet = d.sheet(key)
    if fmt == "pdf":
        return pdf_cell(d.pdf_bytes(), sheet, row, column)
    if fmt in FRAMES:
        return f"s{d.index(key)}_r{row + 1}_c{column + 1}"
    if fmt == "xlsx":
        return sheet.name, sheet.cell(row, column)
    if fmt == "csv":
        return f"{d.index(key):02d}{sheet.name}", sheet.cell(row, column)
    return f"table {d.index(key)}", sheet.cell(row, column, html=True)


def pdf_cell(pdf: bytes, sheet: Sheet, row: int, column: int) -> tuple[str, str]:
    """Where pdfplumber sees a row of a table printed: the page and table whose row has its cells' text.

    The row's text is matched against the rows of every table of every page (a table's
    continuation on the next page is its own table to pdfplumber), so this knows nothing
    of how perfcheck joins a table's pieces.
    """
    import pdfplumber  # noqa: PLC0415 - the PDF is read back only here

    want = [sheet.rows[row][c].strip() or None for c in range(sheet.width)]
    found = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page_no, page in enumerate(doc.pages, 1):
            for t_no, table in enumerate(page.find_tables(), 1):
                for r, cells in enumerate(table.extract(), 1):
                    if [(c or "").strip() or None for c in cells] == want:
                        found.append((f"page {page_no} table {t_no}", f"{'ABCDEFGHIJKLMNOP'[column]}{r}"))
    assert len(found) == 1, (want, found)
    return found[0]


def shifted(sheet: Sheet, row: int, column: int, delta: str) -> str:
    return f"{Decimal(sheet.rows[row][column].strip()) + Decimal(delta):.2f}"


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_nine_tables_check_clean(fmt, tmp_path):
    ledger = ledger_of(fmt, CLEAN, tmp_path)
    result = perfcheck.check(ledger)
    assert result.findings == ()
    cross = [r for r in ledger.relations if r.id.startswith("xt_")]
    assert len(cross) == CROSS
    assert {r.basis for r in cross} == {"stated"}
    assert {r.kind for r in cross} == {"equal", "sum"}
    # every table but the 三公 one (which no other table repeats) is tied to another
    figures = {f.id: f for f in ledger.figures}
    tied = {figures[i].label.split(": ", 1)[0] for r in cross for i in r.operands()}
    assert len(tied) == 8
    # the 政府性基金 table's rows each balance: 年初 + 本年收入 = 本年支出 + 年末
    assert sum(1 for r in ledger.relations if r.kind == "balance") == 4


# (table, the row's printed label or code, the column's index, the change, caught only across tables)
MUTATIONS = [
    ("T1", "五、事业收入", 2, "10.00", False),
    ("T1", "本年收入合计", 2, "0.02", True),  # 8 items and 3 rows allow 0.02 of rounding; 收入决算表 does not
    ("T1", "二、教育支出", 5, "-3.00", False),
    ("T2", "2050299", 5, "1.00", False),
    ("T3", "205", 3, "1.00", False),
    ("T3", "221", 2, "1.00", False),
    ("T4", "政府性基金预算财政拨款", 2, "0.50", False),  # the one under 年初财政拨款结转和结余
    ("T4", "本年支出合计", 6, "1.00", False),
    ("T5", "2050299", 4, "1.00", False),
    ("T6", "30201", 2, "1.00", False),
    ("T7", None, 11, "1.00", False),
    ("T8", "合计", 7, "1.00", False),
    ("T9", "2230199", 4, "1.00", False),
]


def mutation_row(key: str, label: str | None) -> int:
    sheet = CLEAN.sheet(key)
    if label is None:
        return 0
    if key == "T4" and label == "政府性基金预算财政拨款":
        return 9
    return sheet.find(label)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("key", "label", "column", "delta", "cross_only"), MUTATIONS)
def test_a_changed_cell_is_caught_at_its_cell(fmt, key, label, column, delta, cross_only, tmp_path):  # noqa: PLR0913, PLR0917
    row = mutation_row(key, label)
    changed = CLEAN.changed(key, row, column, shifted(CLEAN.sheet(key), row, column, delta))
    ledger = ledger_of(fmt, changed, tmp_path)
    result = perfcheck.check(ledger)
    assert result.errors, f"{key} {label} not caught"
    want = where(fmt, changed, key, row, column)
    for finding in result.errors:
        cells = {
            (loc.source.sheet, loc.source.cell) if loc.source else loc.figure for loc in finding.locations
        }
        assert want in cells, (finding.code, finding.relation, cells)
    across = {f.relation for f in result.errors if f.relation and f.relation.startswith("xt_")}
    if cross_only:
        assert across == {f.relation for f in result.errors}
        within = perfcheck.check(_without_identities(ledger))
        assert within.errors == []
    elif key in {"T1", "T3", "T4", "T8"} and not (key == "T3" and label == "205"):
        assert across, "a figure another table repeats is caught across tables too"


def _without_identities(ledger: perfcheck.Ledger) -> perfcheck.Ledger:
    """The same ledger with only the relations each table states on its own."""
    data = json.loads(perfcheck.dumps(ledger, indent=None))
    data["relations"] = [r for r in data["relations"] if not r["id"].startswith("xt_")]
    return perfcheck.read(data)


def test_an_indented_breakdown_is_inferred_and_its_break_a_warning(tmp_path):
    """年初财政拨款结转和结余 over its three indented rows: a sum read from the layout."""
    row = mutation_row("T4", "政府性基金预算财政拨款")
    changed = CLEAN.changed("T4", row, 2, shifted(CLEAN.sheet("T4"), row, 2, "0.50"))
    result = perfcheck.check(ledger_of("xlsx", changed, tmp_path))
    assert [(f.code, f.relation) for f in result.warnings] == [("PC903", "s4_tree_r12_C")]
    assert [f.relation for f in result.errors] == ["xt_s4_C14_s8_C5"]


def _untitled(d: Disclosure) -> Disclosure:
    """The tables with no titles and generic sheet names: only their header rows tell what they are."""
    return Disclosure([dataclasses.replace(s, title="", name=f"Sheet{i}") for i, s in enumerate(d.sheets, 1)])


def test_tables_recognised_by_their_headers_give_inferred_identities(tmp_path):
    ledger = ledger_of("xlsx", _untitled(CLEAN), tmp_path)
    cross = [r for r in ledger.relations if r.id.startswith("xt_")]
    # the 一般公共预算 and 国有资本经营 tables print the same header: neither is recognised
    assert cross
    assert {r.basis for r in cross} == {"inferred"}
    assert perfcheck.check(ledger).findings == ()
    row = CLEAN.sheet("T1").find("本年收入合计")
    changed = _untitled(CLEAN.changed("T1", row, 2, shifted(CLEAN.sheet("T1"), row, 2, "0.02")))
    result = perfcheck.check(ledger_of("xlsx", changed, tmp_path))
    assert result.errors == []
    assert [f.code for f in result.warnings] == ["PC903"]


def test_a_table_alone_gets_no_identity_of_the_set():
    ledger = perfcheck.read_xlsx(Disclosure([CLEAN.sheet("T3")]).xlsx_bytes(), name="支出决算表.xlsx")
    assert not [r for r in ledger.relations if r.id.startswith("xt_")]
    assert ledger.figures[0].label == "合计 / 本年支出合计"  # one table: no table name in labels


def test_figures_of_a_set_are_labelled_with_their_table(tmp_path):
    ledger = ledger_of("csv", CLEAN, tmp_path)
    assert ledger.figure("s2_C5").label == "收入决算表: 合计 / 本年收入合计"
    assert ledger.figure("s1_F13").label == "收入支出决算总表: 本年支出合计 / 支出/金额"


def test_a_csv_folder_without_csv_files_is_an_error(tmp_path):
    with pytest.raises(perfcheck.LedgerError, match=r"no \.csv file"):
        perfcheck.read_csv(tmp_path)


def test_read_takes_a_mapping_of_frames_as_from_frame_does():
    # the frames print their unit in each amount header, as read() gives no unit=
    frames = {
        t: df.rename(
            columns=lambda c: c if c.endswith(("项目", "行次", "科目编码", "科目名称")) else f"{c}（万元）"
        )
        for t, df in CLEAN.frames(pd.DataFrame).items()
    }
    ledger = perfcheck.read(frames)
    same = perfcheck.from_frame(frames)
    assert (ledger.figures, ledger.relations) == (same.figures, same.relations)
    assert {f.id.split("_", 1)[0] for f in ledger.figures} == {f"s{i}" for i in range(1, 10)}
    # a header's unit (本年支出合计（万元）) does not hide the column an identity names
    assert sum(r.id.startswith("xt_") for r in ledger.relations) == CROSS
    assert not perfcheck.check(ledger).findings


def test_a_mapping_of_frames_names_what_is_no_frame():
    with pytest.raises(perfcheck.LedgerError, match="no DataFrame given"):
        perfcheck.from_frame({}, unit="万元")
    frames = CLEAN.frames(pd.DataFrame)
    frames["支出决算表"] = [["合计", "1.00"]]
    with pytest.raises(TypeError, match="<9 DataFrames>: 支出决算表: a list is no DataFrame"):
        perfcheck.from_frame(frames, unit="万元")


def test_a_list_of_csv_files_is_one_set(tmp_path):
    folder = CLEAN.csv_folder(tmp_path / "set")
    files = sorted(folder.iterdir())
    ledger = perfcheck.read_csv(files[:3])
    assert sum(1 for r in ledger.relations if r.id.startswith("xt_")) == 15  # 总表, 收入表, 支出表


# -- a printed hierarchy: indentation and a parent column ---------------------------


def test_indented_labels_are_a_hierarchy():
    rows = [
        ["合计", "150.00"],
        ["基本支出", "100.00"],
        ["\u3000\u3000人员经费", "80.00"],
        ["\u3000\u3000公用经费", "20.00"],
        ["项目支出", "50.00"],
        ["  业务费", "30.00"],
        ["  专项费", "20.00"],
    ]
    ledger = perfcheck.from_frame(pd.DataFrame(rows, columns=["项目", "金额"]), unit="万元")
    sums = {r.total: (r.parts, r.basis) for r in ledger.relations}
    assert sums == {
        "r2_c2": (["r3_c2", "r4_c2"], "inferred"),
        "r5_c2": (["r6_c2", "r7_c2"], "inferred"),
        "r1_c2": (["r2_c2", "r5_c2"], "stated"),
    }
    assert perfcheck.check(ledger).findings == ()
    rows[5][1] = "31.00"
    result = perfcheck.check(perfcheck.from_frame(pd.DataFrame(rows, columns=["项目", "金额"]), unit="万元"))
    assert [(f.code, f.relation) for f in result.findings] == [("PC903", "tree_r5_c2")]


def test_a_parent_column_is_a_stated_hierarchy():
    rows = [
        ["A", "合计", "", "150.00"],
        ["B", "基本支出", "", "100.00"],
        ["B1", "人员经费", "基本支出", "80.00"],
        ["B2", "公用经费", "基本支出", "20.00"],
        ["C", "项目支出", "", "50.00"],
        ["C1", "业务费", "项目支出", "51.00"],
    ]
    frame = pd.DataFrame(rows, columns=["序号", "项目", "上级项目", "金额"])
    result = perfcheck.check(perfcheck.from_frame(frame, unit="万元"))
    assert [(f.code, f.relation) for f in result.errors] == [("PC102", "tree_r5_c4")]
    named = frame.rename(columns={"上级项目": "归属"})
    assert [
        f.relation for f in perfcheck.check(perfcheck.from_frame(named, unit="万元", parent="归属")).errors
    ] == ["tree_r5_c4"]
    frame.loc[3, "上级项目"] = "其他"
    with pytest.raises(perfcheck.LedgerError, match="the parent '其他' is no row"):
        perfcheck.from_frame(frame, unit="万元")


def test_an_xlsx_cell_indent_is_a_hierarchy():
    import io  # noqa: PLC0415 - test helper

    import openpyxl  # noqa: PLC0415
    from openpyxl.styles import Alignment  # noqa: PLC0415

    book = openpyxl.Workbook()
    ws = book.active
    for r, (label, value, indent) in enumerate(
        [("项目", "金额（万元）", 0), ("基本支出", 100, 0), ("人员经费", 80, 1), ("公用经费", 25, 1)], 1
    ):
        ws.cell(r, 1, label).alignment = Alignment(indent=indent)
        ws.cell(r, 2, value)
    out = io.BytesIO()
    book.save(out)
    result = perfcheck.check(perfcheck.read_xlsx(out.getvalue(), name="b.xlsx"))
    assert [(f.code, f.relation) for f in result.findings] == [("PC903", "tree_r2_B")]


def test_a_table_in_two_halves_from_a_frame():
    rows = [
        ["一、财政拨款收入", "90.00", "一、一般公共服务支出", "70.00"],
        ["二、事业收入", "10.00", "二、教育支出", "30.00"],
        ["本年收入合计", "100.00", "本年支出合计", "100.00"],
    ]
    frame = pd.DataFrame(rows, columns=["收入项目", "收入金额", "支出项目", "支出金额"])
    ledger = perfcheck.from_frame(frame, unit="万元")
    sums = {r.total: r.parts for r in ledger.relations}
    assert sums == {"r3_c2": ["r1_c2", "r2_c2"], "r3_c4": ["r1_c4", "r2_c4"]}
    assert ledger.figure("r1_c4").label == "一、一般公共服务支出 / 支出金额"


# -- the notebook view: the tables, failing cells marked ------------------------------


def test_the_marked_tables_mark_the_changed_cell_and_only_the_cells_of_its_findings(tmp_path):
    row = CLEAN.sheet("T3").find("221")
    changed = CLEAN.changed("T3", row, 2, shifted(CLEAN.sheet("T3"), row, 2, "1.00"))
    ledger = ledger_of("xlsx", changed, tmp_path)
    result = perfcheck.check(ledger)
    page = marked_table_html(ledger, result)
    assert page.count("<table>") == 9
    marked = re.findall(r'<td class="(perfcheck-[a-z-]+)" data-figure="([^"]*)" title="([^"]*)"', page)
    named = {loc.figure for f in result.errors for loc in f.locations}
    assert {figure for _, figure, _ in marked} == named
    assert ("perfcheck-error-subject", "s3_C18") in {(cls, figure) for cls, figure, _ in marked}
    assert all(title.startswith("PC") for _, _, title in marked)
    # one table's name stands above it, not in every row's label
    assert "<p><strong>支出决算表</strong></p>" in page
    assert "<th>221 住房保障支出</th>" in page
    assert marked_table(ledger, result)._repr_html_() == page


def test_the_marked_table_of_a_frame_and_its_escaping():
    frame = pd.DataFrame([["合计", "18.00"], ["甲<i>", "10.00"], ["乙", "5.00"]], columns=["项目", "金额"])
    ledger = perfcheck.from_frame(frame, unit="万元")
    page = marked_table_html(ledger, perfcheck.check(ledger), locale="zh_CN")
    assert "<i>" not in page
    assert "<th>甲&lt;i&gt;</th>" in page
    assert 'title="PC102: 合计 / 金额印为 18.00 万元' in page  # the message on hover, in Chinese


def test_a_second_text_column_headed_otherwise_is_no_second_half():
    frame = pd.DataFrame(
        [["甲项目", "40.00", "教育局", "38.00", "95.00"], ["乙项目", "10.00", "财政局", "9.00", "90.00"]],
        columns=["项目名称", "预算数", "项目单位", "执行数", "执行率"],
    )
    ledger = perfcheck.from_frame(frame, unit="万元")
    assert [(r.kind, r.stated) for r in ledger.relations] == [("ratio", "r1_c5"), ("ratio", "r2_c5")]


#: the 部门预算 names of the nine tables, in the order of the 决算 set
BUDGET_TITLES = [
    "部门收支总表",
    "部门收入总表",
    "部门支出总表",
    "财政拨款收支总表",
    "一般公共预算支出表",
    "一般公共预算基本支出表",
    "一般公共预算“三公”经费支出表",
    "政府性基金预算支出表",
    "国有资本经营预算支出表",
]


def test_the_budget_set_is_recognised_by_its_titles(tmp_path):
    budget = Disclosure(
        [dataclasses.replace(s, title=t, name=t) for s, t in zip(CLEAN.sheets, BUDGET_TITLES, strict=True)]
    )
    ledger = ledger_of("csv", budget, tmp_path)
    cross = [r for r in ledger.relations if r.id.startswith("xt_")]
    assert len(cross) == CROSS
    assert {r.basis for r in cross} == {"stated"}
    assert perfcheck.check(ledger).findings == ()


# -- the set printed as a PDF: tables run over pages ---------------------------------


def _pages_of(ledger: perfcheck.Ledger) -> dict[str, set[int]]:
    """Each table's title and the pages its figures were printed on."""
    pages: dict[str, set[int]] = {}
    for figure in ledger.figures:
        assert figure.source is not None
        assert figure.source.sheet is not None
        page = int(figure.source.sheet.split()[1])
        pages.setdefault(figure.label.split(": ", 1)[0], set()).add(page)
    return pages


def test_a_pdf_table_over_several_pages_is_one_table():
    ledger = ledger_of("pdf", CLEAN, Path())
    pages = _pages_of(ledger)
    assert len(pages) == 9
    # the 收入, 支出 and 基本支出 tables each run on over the next page, without their header
    assert {t for t, p in pages.items() if len(p) > 1} == {
        "收入决算表",
        "支出决算表",
        "一般公共预算财政拨款基本支出决算表",
    }
    # a row on the next page is summed into its 类 and the 合计 as on the first
    spending = CLEAN.sheet("T3")
    sheet, cell = pdf_cell(CLEAN.pdf_bytes(), spending, spending.find("2296004"), 2)
    assert sheet.startswith(f"page {min(pages['支出决算表']) + 1} ")
    figure = next(f for f in ledger.figures if f.source and (f.source.sheet, f.source.cell) == (sheet, cell))
    parents = [r for r in ledger.relations if r.kind == "sum" and figure.id in r.parts]
    assert [ledger.figure(r.total).label for r in parents] == [
        "支出决算表: 22960 彩票公益金安排的支出 / 本年支出合计"
    ]


def test_a_pdf_table_over_eleven_pages():
    """One more 类 of 180 项: the 收入, 支出 and 一般公共预算 tables run over eleven pages each."""
    big = Disclosure.build(extra_classes=1)
    ledger = perfcheck.read_pdf(big.pdf_bytes(), name="部门决算.pdf")
    pages = _pages_of(ledger)
    assert {t: len(p) for t, p in pages.items() if len(p) > 2} == {
        "收入决算表": 11,
        "支出决算表": 11,
        "一般公共预算财政拨款支出决算表": 11,
    }
    assert perfcheck.check(ledger).findings == ()
    spending = big.sheet("T3")
    row = spending.find("2301005")  # a 项 a few pages into the table
    changed = big.changed("T3", row, 3, shifted(spending, row, 3, "1.00"))
    result = perfcheck.check(perfcheck.read_pdf(changed.pdf_bytes(), name="部门决算.pdf"))
    want = pdf_cell(changed.pdf_bytes(), changed.sheet("T3"), row, 3)
    assert int(want[0].split()[1]) >= min(pages["支出决算表"]) + 3
    assert result.errors
    for finding in result.errors:
        assert want in {(loc.source.sheet, loc.source.cell) for loc in finding.locations if loc.source}


# -- the 三公 table and the figures the prose states -----------------------------------

#: The 三公 paragraphs of a 部门决算's 说明, with the figures of THREE_PUBLIC (决算 16.72, 预算 21.00).
THREE_PROSE = [
    "（七）“三公”经费支出决算情况说明",
    (
        "2023年度一般公共预算财政拨款“三公”经费支出预算为21.00万元，支出决算为16.72万元，完成预算的79.62%。"
        "其中：因公出国（境）费0.00万元，公务用车购置及运行费12.60万元，公务接待费4.12万元。"
    ),
    (
        "公务用车购置及运行费支出决算为12.60万元，其中：公务用车购置费0.00万元，"
        "公务用车运行费12.60万元，比上年减少1.20万元。"
    ),
    "公务接待费支出决算为4.12万元，比上年增加0.50万元。",
]
#: (the prose's words, the 三公 table's column the identity ties them to)
THREE_TIES = {
    ("支出预算", "预算数/合计"),
    ("支出决算", "决算数/合计"),
    ("因公出国（境）费", "决算数/因公出国（境）费"),
    ("公务用车购置及运行费", "决算数/公务用车购置及运行费/小计"),
    ("公务用车购置及运行费支出决算", "决算数/公务用车购置及运行费/小计"),
    ("公务用车购置费", "决算数/公务用车购置及运行费/公务用车购置费"),
    ("公务用车运行费", "决算数/公务用车购置及运行费/公务用车运行费"),
    ("公务接待费", "决算数/公务接待费"),
    ("公务接待费支出决算", "决算数/公务接待费"),
}


def _prose_ties(ledger: perfcheck.Ledger) -> set[tuple[str, str]]:
    """The identities between a prose figure and a 三公 table cell: (the prose's words, the cell's column)."""
    figures = {f.id: f for f in ledger.figures}
    ties = set()
    for rel in ledger.relations:
        if rel.kind != "equal" or not rel.id.startswith("xt_"):
            continue
        cell, said = (figures[i] for i in rel.figures)
        if said.source is not None and said.source.cell is None:
            ties.add((said.label.rsplit("“三公”经费", 1)[-1], cell.label.split(" / ", 1)[1]))
    return ties


def _three_pdf(d: Disclosure, prose: list[str] = THREE_PROSE) -> perfcheck.Ledger:
    return perfcheck.read_pdf(d.pdf_bytes(prose=prose), name="部门决算.pdf")


def test_the_prose_of_a_pdf_states_the_three_public_figures_of_its_table():
    ledger = _three_pdf(CLEAN)
    assert _prose_ties(ledger) == THREE_TIES
    assert perfcheck.check(ledger).findings == ()
    # the prose's figures are the text reader's, located by page and line
    said = next(f for f in ledger.figures if f.label == "公务接待费支出决算")
    assert said.source is not None
    assert (said.source.sheet, said.source.line) == ("page 1", 5)
    # the prose's own relations come with it: 三公 = its three parts
    assert any(r.kind == "sum" and r.total.startswith("f") for r in ledger.relations if r.kind == "sum")


@pytest.mark.parametrize(
    ("old", "new", "column"),
    [("公务接待费支出决算为4.12", "公务接待费支出决算为4.21", 11), ("预算为21.00", "预算为20.00", 0)],
)
def test_a_three_public_figure_the_prose_changes_is_caught(old, new, column):
    """The prose's figure is caught against the table's cell, both located: page and line, page and cell."""
    prose = [p.replace(old, new) for p in THREE_PROSE]
    assert prose != THREE_PROSE
    ledger = _three_pdf(CLEAN, prose)
    result = perfcheck.check(ledger)
    [finding] = [f for f in result.errors if f.relation.startswith("xt_")]
    assert finding.code == "PC401"
    figures = [ledger.figure(loc.figure) for loc in finding.locations]
    said = [f for f in figures if f.source and f.source.line]
    assert [(f.value, f.source.sheet) for f in said] == [(new.rsplit("为", 1)[1], "page 1")]
    cell = pdf_cell(CLEAN.pdf_bytes(prose=prose), CLEAN.sheet("T7"), 0, column)
    assert cell in {(f.source.sheet, f.source.cell) for f in figures if f.source}


def test_a_three_public_cell_the_table_changes_is_caught_against_the_prose():
    """公务接待费 决算数 4.12 → 5.12 in the table: its 合计 breaks, and so do the two sentences stating it."""
    sheet = CLEAN.sheet("T7")
    changed = CLEAN.changed("T7", 0, 11, shifted(sheet, 0, 11, "1.00"))
    result = perfcheck.check(_three_pdf(changed))
    within = {f.relation for f in result.errors if not f.relation.startswith("xt_")}
    against = {f.relation for f in result.errors if f.relation.startswith("xt_")}
    assert len(within) == 1
    assert len(against) == 2
    want = pdf_cell(changed.pdf_bytes(), changed.sheet("T7"), 0, 11)
    for finding in result.errors:
        assert want in {(loc.source.sheet, loc.source.cell) for loc in finding.locations if loc.source}


def _with_prose(fmt: str, d: Disclosure, prose: list[str], tmp: Path) -> perfcheck.Ledger:
    """The tables of a format read with the report's text (a text and its tables, given apart)."""
    said = extract("\n".join(prose), name="说明.txt").ledger
    if fmt == "xlsx":
        return perfcheck.read_xlsx(d.xlsx_bytes(), name="部门决算.xlsx", prose=said)
    if fmt == "csv":
        return perfcheck.read_csv(d.csv_folder(tmp / "部门决算"), prose=said)
    if fmt in FRAMES:
        return perfcheck.from_frame(d.frames(FRAMES[fmt]), unit="万元", prose=said)
    return perfcheck.read_html(d.html().encode(), name="部门决算.html", prose=said)


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "pdf"])
def test_a_text_and_its_tables_read_together(fmt, tmp_path):
    ledger = _with_prose(fmt, CLEAN, THREE_PROSE, tmp_path)
    assert _prose_ties(ledger) == THREE_TIES
    assert perfcheck.check(ledger).findings == ()
    prose = [p.replace("公务接待费4.12", "公务接待费4.02") for p in THREE_PROSE]
    result = perfcheck.check(_with_prose(fmt, CLEAN, prose, tmp_path / "changed"))
    identities = [f for f in result.errors if f.relation.startswith("xt_")]
    assert [f.code for f in identities] == ["PC401"]
    assert "公务接待费" in {loc.label for loc in identities[0].locations}


def test_the_pdf_from_the_command_line(tmp_path, capsys):
    """``perfcheck check 部门决算.pdf``: clean, then a changed cell named by its page, table and cell."""
    path = tmp_path / "部门决算.pdf"
    path.write_bytes(CLEAN.pdf_bytes(prose=THREE_PROSE))
    assert main(["check", str(path)]) == 0
    assert perfcheck.read(path).to_dict() == perfcheck.read_pdf(path).to_dict()  # perfcheck.read alike
    row = CLEAN.sheet("T3").find("2296004")  # on the page after the 支出决算表's first
    changed = CLEAN.changed("T3", row, 4, shifted(CLEAN.sheet("T3"), row, 4, "1.00"))
    path.write_bytes(changed.pdf_bytes(prose=THREE_PROSE))
    capsys.readouterr()
    assert main(["check", "--format", "json", str(path)]) == 1
    out = json.loads(capsys.readouterr().out)
    document = out[0] if isinstance(out, list) else out
    sheet, cell = pdf_cell(changed.pdf_bytes(prose=THREE_PROSE), changed.sheet("T3"), row, 4)
    places = [
        {(loc["source"].get("sheet"), loc["source"].get("cell")) for loc in f["locations"]}
        for f in document["findings"]
    ]
    assert places
    assert all((sheet, cell) in p for p in places)


def test_a_repeated_header_and_a_title_at_the_foot_of_a_page():
    """Some reports repeat a table's header on each page, or print a title at a page's foot."""
    three = Disclosure([CLEAN.sheet("T1"), CLEAN.sheet("T2"), CLEAN.sheet("T3")])
    layout = {"repeat_header": True, "title_ends_page": frozenset({"T3"})}
    ledger = perfcheck.read_pdf(three.pdf_bytes(**layout), name="部门决算.pdf")
    pages = _pages_of(ledger)
    assert {t: len(p) for t, p in pages.items()} == {"收入支出决算总表": 1, "收入决算表": 2, "支出决算表": 2}
    # the 支出决算表 starts on the page after its title: recognised by it all the same
    assert sum(1 for r in ledger.relations if r.id.startswith("xt_")) == 15
    assert perfcheck.check(ledger).findings == ()
    row = three.sheet("T3").find("2296004")
    changed = three.changed("T3", row, 4, shifted(three.sheet("T3"), row, 4, "1.00"))
    result = perfcheck.check(perfcheck.read_pdf(changed.pdf_bytes(**layout), name="部门决算.pdf"))
    want = pdf_cell(changed.pdf_bytes(**layout), changed.sheet("T3"), row, 4)
    assert result.errors
    for finding in result.errors:
        assert want in {(loc.source.sheet, loc.source.cell) for loc in finding.locations if loc.source}


def test_a_pdf_label_indented_by_its_position():
    """年初财政拨款结转和结余 over its three rows printed further right (no spaces): a hierarchy all the same."""
    layout = {"indent_by_position": True}
    ledger = perfcheck.read_pdf(CLEAN.pdf_bytes(**layout), name="部门决算.pdf")
    assert sum(1 for r in ledger.relations if r.id.startswith("xt_")) == CROSS
    assert perfcheck.check(ledger).findings == ()
    row = mutation_row("T4", "政府性基金预算财政拨款")
    changed = CLEAN.changed("T4", row, 2, shifted(CLEAN.sheet("T4"), row, 2, "0.50"))
    result = perfcheck.check(perfcheck.read_pdf(changed.pdf_bytes(**layout), name="部门决算.pdf"))
    assert [f.code for f in result.warnings] == ["PC903"]
    assert [f.code for f in result.errors] == ["PC401"]


def test_a_three_public_figure_of_another_year_is_no_figure_of_the_table():
    """2022年“三公”经费支出决算为18.00万元: the text reader labels it as this year's, the clause's year tells."""
    prose = [*THREE_PROSE, "2022年“三公”经费支出决算为18.00万元，2023年“三公”经费支出决算为16.72万元。"]
    ledger = _three_pdf(CLEAN, prose)
    assert perfcheck.check(ledger).findings == ()
    last_year = next(f for f in ledger.figures if f.value == "18.00")
    assert last_year.source is not None
    this_year = next(
        f
        for f in ledger.figures
        if f.value == "16.72" and f.source and f.source.line == last_year.source.line
    )
    tied = {i for r in ledger.relations if r.id.startswith("xt_") for i in r.operands()}
    assert last_year.id not in tied
    assert this_year.id in tied
