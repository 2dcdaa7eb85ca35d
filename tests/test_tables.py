"""Tables to ledgers: DataFrames, CSV, xlsx and HTML, checked with perfcheck.check."""

from __future__ import annotations

import io
import subprocess
import sys
from decimal import Decimal

import openpyxl
import pandas as pd
import polars as pl
import pytest

import perfcheck
from perfcheck import LedgerError
from tables_data import HEADER, Disclosure, pdf_bytes

CLEAN = Disclosure.build()
XLSX = CLEAN.xlsx_bytes()
HTML_HEADER_ROWS = 2


def frame_pandas(d: Disclosure) -> object:
    return pd.DataFrame(d.rows, columns=HEADER)


def frame_polars(d: Disclosure) -> object:
    return pl.DataFrame(d.rows, schema=HEADER, orient="row")


def frame_floats(d: Disclosure) -> object:
    """Numbers as a finance script holds them: floats, with the printed decimals given."""
    data = pd.DataFrame(d.rows, columns=HEADER)
    for col in HEADER[2:]:
        data[col] = data[col].astype(float)
    return data


READERS = {
    "pandas": lambda d: perfcheck.from_frame(frame_pandas(d), unit="万元"),
    "polars": lambda d: perfcheck.from_frame(frame_polars(d), unit="万元"),
    "floats": lambda d: perfcheck.from_frame(frame_floats(d), unit="万元", decimals=2),
    "csv": lambda d: perfcheck.read_csv(d.csv_bytes(), name="支出决算表.csv"),
    "csv-gb18030": lambda d: perfcheck.read_csv(d.csv_bytes("gb18030"), name="支出决算表.csv"),
    "xlsx": lambda d: perfcheck.read_xlsx(d.xlsx_bytes(), name="决算.xlsx"),
    "html": lambda d: perfcheck.read_html(d.html().encode(), name="决算.html", unit="万元"),
    "pdf": lambda d: perfcheck.read_pdf(pdf_bytes(d), name="决算.pdf"),
}


def ledger_of(kind: str, d: Disclosure) -> perfcheck.Ledger:
    return READERS[kind](d)


KINDS = list(READERS)
SPREADSHEETS = {"csv", "csv-gb18030", "xlsx"}


def cell_of(kind: str, d: Disclosure, row: str, column: str) -> str | None:
    """Where a finding must point: the A1 cell for files, None for frames (located by label)."""
    if kind in SPREADSHEETS:
        return d.cell(row, column)
    if kind in {"html", "pdf"}:
        letter = "ABCDE"[HEADER.index(column)]
        header_rows = HTML_HEADER_ROWS if kind == "html" else 1
        return f"{letter}{d.find(row) + header_rows + 1}"
    return None


def located(finding: perfcheck.Finding, kind: str, d: Disclosure, row: str, column: str) -> bool:
    """Whether one of the finding's locations is the changed cell."""
    want = cell_of(kind, d, row, column)
    for loc in finding.locations:
        if want is not None:
            if loc.source is not None and loc.source.cell == want:
                return True
        else:
            code = d.rows[d.find(row)][0]
            name = d.rows[d.find(row)][1]
            if loc.label == f"{f'{code} ' if code else ''}{name} / {column}":
                return True
    return False


@pytest.mark.parametrize("kind", KINDS)
def test_consistent_table_checks_clean(kind):
    ledger = ledger_of(kind, CLEAN)
    result = perfcheck.check(ledger)
    assert result.errors == []
    kinds = [r.kind for r in ledger.relations]
    # 9 项 into 5 款, 5 款 into 4 类 and the 合计 over the 4 类, in 2 amount columns
    assert kinds.count("sum") == 2 * (5 + 4 + 1)
    # one 完成率 per row (18 rows: 合计, 4 类, 5 款, 9 项)
    assert kinds.count("ratio") == len(CLEAN.rows) == 19
    assert len(ledger.figures) == 3 * 19


# (row, column, new value, rule codes that must fire, each located at the changed cell)
MUTATIONS = [
    ("2010102", "决算数", "36.12", {"PC102", "PC202"}),  # a 项: its 款's sum and its own rate
    ("20502", "年初预算数", "585.30", {"PC102", "PC202"}),  # a 款: its 类's sum, its own sum, its rate
    ("合计", "决算数", "1066.84", {"PC102", "PC202"}),  # the 合计 over the 类 rows
    ("2210201", "完成率（%）", "99.00", {"PC202"}),  # a stated rate alone
]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("row", "column", "value", "codes"), MUTATIONS)
def test_changed_cell_is_caught_at_its_cell(kind, row, column, value, codes):
    changed = CLEAN.changed(row, column, value)
    assert changed.rows != CLEAN.rows
    result = perfcheck.check(ledger_of(kind, changed))
    assert {f.code for f in result.errors} == codes
    for finding in result.errors:
        assert located(finding, kind, changed, row, column), (finding.code, finding.locations)


def test_findings_name_sheet_and_cell_of_a_workbook():
    changed = CLEAN.changed("2050201", "决算数", "214.55")
    result = perfcheck.check(perfcheck.read_xlsx(changed.xlsx_bytes(), name="决算.xlsx"))
    sums = [f for f in result.errors if f.code == "PC102"]
    assert sums
    sources = {(loc.source.sheet, loc.source.cell) for f in sums for loc in f.locations if loc.source}
    assert ("支出决算表", changed.cell("2050201", "决算数")) in sources
    assert ("支出决算表", changed.cell("20502", "决算数")) in sources


def test_xlsx_precision_comes_from_the_number_format():
    """12.5 shown as 12.50 is a two-decimal figure: its rounding is ±0.005, not ±0.05."""
    ledger = perfcheck.read_xlsx(CLEAN.xlsx_bytes())
    leaf = next(f for f in ledger.figures if f.source and f.source.cell == CLEAN.cell("2010101", "决算数"))
    assert (leaf.value, leaf.decimals) == ("149.87", 2)
    budget = next(
        f for f in ledger.figures if f.source and f.source.cell == CLEAN.cell("2080505", "年初预算数")
    )
    assert budget.value == "64.81"
    assert ledger.title == "2023年度部门支出决算表"
    assert all(f.unit in {"万元", "%"} for f in ledger.figures)


def test_xlsx_percent_format_is_read_as_a_percentage():
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["项目", "预算数（万元）", "执行数（万元）", "执行率"])
    ws.append(["办公费", 40, 39, 0.975])
    ws.append(["差旅费", 12.5, 11.2, 0.896])
    for r in (2, 3):
        ws.cell(r, 2).number_format = ws.cell(r, 3).number_format = "0.00"
        ws.cell(r, 4).number_format = "0.0%"
    out = io.BytesIO()
    book.save(out)
    ledger = perfcheck.read_xlsx(out.getvalue())
    assert [f.value for f in ledger.figures if f.unit == "%"] == ["97.5%", "89.6%"]
    assert perfcheck.check(ledger).errors == []
    ws["D3"] = 0.9
    out = io.BytesIO()
    book.save(out)
    result = perfcheck.check(perfcheck.read_xlsx(out.getvalue()))
    assert [(f.code, f.subject) for f in result.errors] == [("PC202", "D3")]


def test_blank_cells_print_nothing():
    rows = [["合计", "10.00"], ["甲", "—"], ["乙", "-"], ["丙", ""], ["丁", None], ["戊", "10.00"]]
    ledger = perfcheck.from_frame(pd.DataFrame(rows, columns=["项目", "金额（元）"]))
    assert [f.value for f in ledger.figures] == ["10.00", "10.00"]
    assert perfcheck.check(ledger).errors == []
    data = pl.DataFrame({"项目": ["合计", "甲", "乙"], "金额": [10.0, None, float("nan")]})
    ledger = perfcheck.from_frame(data, unit="元", decimals=2)
    assert [f.value for f in ledger.figures] == ["10.00"]


def test_float_column_needs_decimals():
    data = pd.DataFrame({"项目": ["合计", "甲"], "金额": [1.5, 1.5]})
    with pytest.raises(LedgerError, match=r"float.*decimals="):
        perfcheck.from_frame(data, unit="元")
    ledger = perfcheck.from_frame(data, unit="元", decimals={"金额": 1})
    assert [(f.value, f.decimals) for f in ledger.figures] == [("1.5", 1), ("1.5", 1)]


def test_float_decimals_round_what_the_frame_holds():
    """0.1 + 0.2 held in a frame and printed with 2 decimals is 0.30, never 0.30000000000000004."""
    data = pd.DataFrame({"项目": ["甲"], "金额": [0.1 + 0.2]})
    ledger = perfcheck.from_frame(data, unit="元", decimals=2)
    assert ledger.figures[0].value == "0.30"


def test_integers_and_decimals_keep_their_digits():
    data = pd.DataFrame(
        {
            "项目": ["合计", "甲", "乙"],
            "人数": [7, 3, 4],
            "金额": [Decimal("2.50"), Decimal("1.20"), Decimal("1.30")],
        }
    )
    ledger = perfcheck.from_frame(data, unit="万元")
    assert [f.value for f in ledger.figures] == ["7", "2.50", "3", "1.20", "4", "1.30"]
    assert perfcheck.check(ledger).errors == []


def test_change_columns_are_implied_by_the_header():
    rows = [
        ["合计", "150.00", "120.00", "30.00", "25.00"],
        ["基本支出", "100.00", "90.00", "10.00", "11.11"],
        ["项目支出", "50.00", "30.00", "20.00", "66.67"],
    ]
    header = ["项目", "本年数", "上年数", "增减额", "增减率（%）"]
    ledger = perfcheck.from_frame(pl.DataFrame(rows, schema=header, orient="row"), unit="万元")
    changes = [r for r in ledger.relations if r.kind == "change"]
    assert len(changes) == 3
    assert all(r.delta is not None and r.percent is not None for r in changes)
    assert perfcheck.check(ledger).errors == []
    rows[2][3] = "21.00"
    result = perfcheck.check(
        perfcheck.from_frame(pl.DataFrame(rows, schema=header, orient="row"), unit="万元")
    )
    codes = {f.code for f in result.errors}
    assert codes == {"PC301", "PC302", "PC102"}
    assert all(any(loc.figure == "r3_c4" for loc in f.locations) for f in result.errors)


def test_named_formulas_override_and_ambiguity_is_not_guessed():
    rows = [["甲", "100.00", "80.00", "90.00", "90.00"]]
    header = ["项目", "年初预算数", "调整预算数", "决算数", "完成率"]
    data = pd.DataFrame(rows, columns=header)
    # two budget columns: the 完成率 is not guessed
    assert perfcheck.from_frame(data, unit="万元").relations == []
    ledger = perfcheck.from_frame(data, unit="万元", formulas={"完成率": "决算数 / 年初预算数"})
    assert [(r.kind, r.numerator, r.denominator) for r in ledger.relations] == [("ratio", "r1_c4", "r1_c2")]
    assert perfcheck.check(ledger).errors == []
    wrong = perfcheck.from_frame(data, unit="万元", formulas={"完成率": "决算数 ÷ 调整预算数"})
    assert [f.code for f in perfcheck.check(wrong).errors] == ["PC202"]


def test_a_general_formula_over_columns():
    rows = [["甲", "10.00", "4.00", "6.00"], ["乙", "8.00", "3.00", "5.50"]]
    data = pd.DataFrame(rows, columns=["项目", "收入", "支出", "结余"])
    ledger = perfcheck.from_frame(data, unit="万元", formulas={"结余": "收入 - 支出 + 0"})
    assert [r.kind for r in ledger.relations] == ["formula", "formula"]
    assert [f.subject or f.relation for f in perfcheck.check(ledger).errors] == ["formula_r2_c4"]


def test_code_in_the_label_column():
    rows = [["201 一般公共服务支出", "10.00"], ["20101 人大事务", "10.00"], ["2010101 行政运行", "9.00"]]
    ledger = perfcheck.from_frame(pd.DataFrame(rows, columns=["项目", "决算数"]), unit="万元")
    assert [f.code for f in perfcheck.check(ledger).errors] == ["PC102"]
    assert ledger.figure("r3_c2").label == "2010101 行政运行 / 决算数"


def test_subtotals_cover_their_block_and_the_total_covers_the_subtotals():
    rows = [
        ["工资福利支出", "10.00"],
        ["商品和服务支出", "5.00"],
        ["小计", "15.00"],
        ["设备购置", "3.00"],
        ["小计", "3.00"],
        ["合计", "18.00"],
    ]
    ledger = perfcheck.from_frame(pd.DataFrame(rows, columns=["项目", "金额"]), unit="元")
    sums = {r.total: r.parts for r in ledger.relations}
    assert sums == {"r3_c2": ["r1_c2", "r2_c2"], "r5_c2": ["r4_c2"], "r6_c2": ["r3_c2", "r5_c2"]}
    assert perfcheck.check(ledger).errors == []


def test_ids_are_valid_whatever_the_headers():
    data = pd.DataFrame({"名称": ["a"], "决算数 (2023) ／ 万元": ["1.00"], "2024": ["2.00"]})
    ledger = perfcheck.from_frame(data, unit="万元")
    assert [f.id for f in ledger.figures] == ["r1_c2", "r1_c3"]
    assert ledger.figure("r1_c3").label == "a / 2024"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda: perfcheck.from_frame(
                pd.DataFrame({"项目": ["a", "b"], "金额": ["1.00", "1.2.3"]}), unit="元"
            ),
            r"row 2, column '金额'.*1\.2\.3",
        ),
        (
            lambda: perfcheck.from_frame(pd.DataFrame({"项目": ["a"], "金额": ["1.00"]})),
            r"column '金额' has no unit",
        ),
        (lambda: perfcheck.from_frame(pd.DataFrame({"项目": ["a"]}), unit="元"), r"no numbers to check"),
        (
            lambda: perfcheck.from_frame(
                pd.DataFrame({"项目": ["a"], "金额": ["1"]}), unit="元", columns=["数"]
            ),
            r"no column '数'",
        ),
        (
            lambda: perfcheck.from_frame(
                pd.DataFrame({"项目": ["a"], "金额": ["1"]}), unit="元", formulas={"率": "金额"}
            ),
            r"names no column '率'",
        ),
        (lambda: perfcheck.read_csv(b"", name="empty.csv"), r"empty\.csv: empty file"),
        (
            lambda: perfcheck.read_csv(b"\xff\xfe\x00\x81\x00", name="bin.csv"),
            r"bin\.csv: not UTF-8 or GB18030",
        ),
        (
            lambda: perfcheck.read_csv(
                "项目,金额\n甲,1.00\n乙,2.00\n丙,x\n".encode(), name="t.csv", unit="元"
            ),
            r"t\.csv: B4 \('金额'\).*'x'",
        ),
        (
            lambda: perfcheck.read_xlsx(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), name="secret.xlsx"),
            r"secret\.xlsx: an encrypted workbook",
        ),
        (
            lambda: perfcheck.read_xlsx(b"PK\x03\x04 not really", name="bad.xlsx"),
            r"bad\.xlsx: not an xlsx workbook",
        ),
        (
            lambda: perfcheck.read_html(b"<p>no table</p>", name="page.html"),
            r"page\.html: no <table> with numbers",
        ),
    ],
)
def test_clear_errors(make, message):
    with pytest.raises(LedgerError, match=message):
        make()


def test_workbook_without_numbers_names_its_sheets():
    book = openpyxl.Workbook()
    book.active.title = "封面"
    book.active["A1"] = "部门决算"
    out = io.BytesIO()
    book.save(out)
    with pytest.raises(LedgerError, match=r"w\.xlsx: no table with numbers.*sheet '封面' has no number"):
        perfcheck.read_xlsx(out.getvalue(), name="w.xlsx")


def test_reading_from_a_path(tmp_path):
    path = tmp_path / "支出决算表.csv"
    path.write_bytes(CLEAN.csv_bytes())
    ledger = perfcheck.read_csv(path)
    assert perfcheck.check(ledger).errors == []
    with pytest.raises(LedgerError, match="cannot read"):
        perfcheck.read_csv(tmp_path / "missing.csv")


def test_the_limits_hold():
    with pytest.raises(LedgerError, match=r"Limits.max_figures"):
        perfcheck.from_frame(frame_pandas(CLEAN), unit="万元", limits=perfcheck.Limits(max_figures=10))
    with pytest.raises(LedgerError, match=r"Limits.max_bytes"):
        perfcheck.read_csv(CLEAN.csv_bytes(), limits=perfcheck.Limits(max_bytes=100))
    # a workbook is bounded by what it unpacks to, not only by its packed size
    with pytest.raises(LedgerError, match=r"w\.xlsx: unpacks to \d+ bytes.*Limits.max_bytes"):
        perfcheck.read_xlsx(XLSX, name="w.xlsx", limits=perfcheck.Limits(max_bytes=len(XLSX) + 1))


def test_html_header_cells_merge_into_column_names():
    ledger = perfcheck.read_html(CLEAN.html().encode(), name="p.html", unit="万元")
    leaf = next(f for f in ledger.figures if f.source and f.source.cell == "D3")
    assert leaf.label == "合计 / 决算数"
    assert leaf.source is not None
    assert leaf.source.sheet == "支出决算表"


@pytest.mark.parametrize(
    ("modules", "call", "extra"),
    [
        (
            ["narwhals", "narwhals.stable", "narwhals.stable.v2"],
            lambda: perfcheck.from_frame(frame_pandas(CLEAN), unit="万元"),
            "frames",
        ),
        (["openpyxl"], lambda: perfcheck.read_xlsx(XLSX), "excel"),
        (["pdfplumber"], lambda: perfcheck.read_pdf(b"%PDF-1.4"), "pdf"),
    ],
)
def test_a_missing_extra_is_named(monkeypatch, modules, call, extra):
    for module in modules:
        monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(ModuleNotFoundError, match=rf"pip install 'perfcheck\[{extra}\]'"):
        call()


def test_importing_perfcheck_loads_no_table_dependency():
    code = "import sys, perfcheck; print(sorted(m for m in ('narwhals', 'openpyxl', 'pandas', 'polars', 'pdfplumber', 'pdfminer') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


SPLIT_ROWS = [
    ["", "", "", "合计", "30.00"],
    ["201", "", "", "一般公共服务支出", "30.00"],
    ["", "01", "", "人大事务", "30.00"],
    ["", "", "01", "行政运行", "20.00"],
    ["", "", "02", "一般行政管理事务", "10.00"],
]


def test_codes_printed_in_three_columns():
    """类 / 款 / 项 in their own columns, a blank 类 or 款 being the one above (merged cells)."""
    header = "<tr><th colspan='3'>科目编码</th><th rowspan='2'>科目名称</th><th rowspan='2'>决算数</th></tr><tr><th>类</th><th>款</th><th>项</th></tr>"
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in SPLIT_ROWS)
    ledger = perfcheck.read_html(f"<table>{header}{body}</table>".encode(), unit="万元")
    assert [f.label for f in ledger.figures][1:3] == [
        "201 一般公共服务支出 / 决算数",
        "20101 人大事务 / 决算数",
    ]
    assert {(r.total, tuple(r.parts)) for r in ledger.relations} == {
        ("E3", ("E4",)),
        ("E4", ("E5",)),
        ("E5", ("E6", "E7")),
    }
    assert perfcheck.check(ledger).errors == []
    broken = [row[:] for row in SPLIT_ROWS]
    broken[3][4] = "21.00"
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in broken)
    result = perfcheck.check(perfcheck.read_html(f"<table>{header}{body}</table>".encode(), unit="万元"))
    assert [(f.code, f.subject) for f in result.errors] == [("PC102", "E5")]
    assert any(loc.source.cell == "E6" for loc in result.errors[0].locations if loc.source)


def test_pdf_tables_are_located_by_page_table_and_cell():
    ledger = perfcheck.read_pdf(pdf_bytes(CLEAN), name="决算.pdf")
    assert ledger.title == "2023年度部门支出决算表"
    first = ledger.figures[0]
    assert (first.id, first.unit, first.source.sheet, first.source.cell) == (
        "p1t1_C2",
        "万元",
        "page 1 table 1",
        "C2",
    )


def test_pdf_errors():
    with pytest.raises(LedgerError, match=r"x\.pdf: an encrypted PDF: give password="):
        perfcheck.read_pdf(pdf_bytes(CLEAN, encrypt="secret"), name="x.pdf")
    with pytest.raises(LedgerError, match=r"x\.pdf: an encrypted PDF"):
        perfcheck.read_pdf(pdf_bytes(CLEAN, encrypt="secret"), name="x.pdf", password="wrong")  # noqa: S106
    with pytest.raises(LedgerError, match=r"y\.pdf: not a PDF file"):
        perfcheck.read_pdf(b"PK\x03\x04", name="y.pdf")
    with pytest.raises(LedgerError, match=r"^z\.pdf: not a readable PDF \(PDFSyntaxError: No /Root object"):
        perfcheck.read_pdf(b"%PDF-1.4\n garbage", name="z.pdf")


def test_a_pdf_page_that_cannot_be_read_is_named(monkeypatch):
    """A page pdfplumber fails on (here made to fail): the error names the file and the page."""
    import pdfplumber.page  # noqa: PLC0415 - the class whose method is made to fail

    two_pages = Disclosure([*CLEAN.rows, *CLEAN.rows, *CLEAN.rows, *CLEAN.rows])
    real = pdfplumber.page.Page.find_tables

    def failing(page, *args, **kwargs):
        if page.page_number == 2:
            msg = "broken content stream"
            raise ValueError(msg)
        return real(page, *args, **kwargs)

    monkeypatch.setattr(pdfplumber.page.Page, "find_tables", failing)
    with pytest.raises(
        LedgerError, match=r"^x\.pdf: page 2: not a readable PDF \(ValueError: broken content stream\)"
    ):
        perfcheck.read_pdf(pdf_bytes(two_pages), name="x.pdf")


def test_within_rows_are_partial_sums_and_left_out_of_totals():
    rows = [
        ["合计", "150.00"],
        ["基本支出", "100.00"],
        ["其中：人员经费", "80.00"],
        ["\u3000\u3000公用经费", "15.00"],
        ["项目支出", "50.00"],
    ]
    ledger = perfcheck.from_frame(pd.DataFrame(rows, columns=["项目", "金额"]), unit="万元")
    sums = {r.total: (r.parts, r.exhaustive) for r in ledger.relations}
    assert sums == {"r2_c2": (["r3_c2", "r4_c2"], False), "r1_c2": (["r2_c2", "r5_c2"], True)}
    assert perfcheck.check(ledger).errors == []
    rows[2][1] = "90.00"
    result = perfcheck.check(perfcheck.from_frame(pd.DataFrame(rows, columns=["项目", "金额"]), unit="万元"))
    assert [(f.code, f.subject) for f in result.errors] == [("PC103", "r2_c2")]
    assert any(loc.figure == "r3_c2" for loc in result.errors[0].locations)


def test_a_quotient_outside_percent_is_a_formula():
    rows = [["办公桌", "12.00", "3", "4.00"], ["办公椅", "6.00", "4", "1.60"]]
    data = pd.DataFrame(rows, columns=["品目", "金额（万元）", "数量（张）", "单价（万元）"])
    ledger = perfcheck.from_frame(data, formulas={"单价（万元）": "金额（万元） / 数量（张）"})
    assert [r.kind for r in ledger.relations] == ["formula", "formula"]
    assert [f.relation for f in perfcheck.check(ledger).errors] == ["formula_r2_c4"]


def test_a_total_column_sums_the_columns_after_it():
    """支出决算表: 本年支出 合计 | 基本支出 | 项目支出, under a merged header, per row."""
    header = (
        "<tr><th colspan='2'>项目</th><th colspan='3'>本年支出</th></tr>"
        "<tr><th>科目编码</th><th>科目名称</th><th>合计</th><th>基本支出</th><th>项目支出</th></tr>"
    )
    rows = [["", "合计", "30.00", "20.00", "10.00"], ["201", "一般公共服务支出", "30.00", "20.00", "10.00"]]

    def page(rows):
        body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
        return f"<table>{header}{body}</table>".encode()

    ledger = perfcheck.read_html(page(rows), unit="万元")
    across = [r for r in ledger.relations if r.id.startswith("sum_")]
    assert [(r.total, r.parts) for r in across] == [("C3", ["D3", "E3"]), ("C4", ["D4", "E4"])]
    assert perfcheck.check(ledger).errors == []
    rows[1][4] = "11.00"
    result = perfcheck.check(perfcheck.read_html(page(rows), unit="万元"))
    assert sorted((f.code, f.relation) for f in result.errors) == [
        ("PC102", "sum_r4_C"),
        ("PC102", "total_r3_E"),
    ]
    assert all(any(loc.source.cell == "E4" for loc in f.locations) for f in result.errors)


@pytest.mark.parametrize(
    ("value", "decimals", "printed"),
    [
        (2.675, 2, "2.68"),
        (-0.005, 2, "-0.01"),
        (0.1 + 0.2, 2, "0.30"),
        (12345.0, -3, "12000"),
        (1e16, 2, "10000000000000000.00"),
        (7.25, 1, "7.3"),
    ],
)
def test_floats_round_half_up_from_their_shortest_repr(value, decimals, printed):
    ledger = perfcheck.from_frame(
        pd.DataFrame({"项目": ["a"], "金额": [value]}), unit="元", decimals=decimals
    )
    assert [(f.value, f.decimals) for f in ledger.figures] == [(printed, decimals)]


def test_an_infinite_float_is_an_error():
    with pytest.raises(LedgerError, match=r"row 1, column '金额': inf is too large to print"):
        perfcheck.from_frame(pd.DataFrame({"项目": ["a"], "金额": [float("inf")]}), unit="元", decimals=2)
