"""Tables that are no disclosure table, and PDFs that cannot be read: what each format does with them."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

import perfcheck
from perfcheck.render import render

#: A table no disclosure template names: 合计 over 类 rows of codes, a 完成率 its header implies.
TITLE = "某某专项资金使用情况明细表"
HEADER = ["科目编码", "科目名称", "预算数", "决算数", "完成率（%）"]
ROWS = [
    ["", "合计", "30.00", "29.00", "96.67"],
    ["201", "一般公共服务支出", "10.00", "9.00", "90.00"],
    ["20101", "人大事务", "10.00", "9.00", "90.00"],
    ["205", "教育支出", "20.00", "20.00", "100.00"],
]


def _pdf(rows: list[list[str]], title: str = TITLE) -> bytes:
    from reportlab.lib import colors  # noqa: PLC0415 - test helper
    from reportlab.lib.styles import ParagraphStyle  # noqa: PLC0415
    from reportlab.pdfbase import pdfmetrics  # noqa: PLC0415
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: PLC0415
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle  # noqa: PLC0415

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("cn", fontName="STSong-Light", fontSize=12, leading=16)
    out = io.BytesIO()
    story: list[object] = [Paragraph(title, style), Paragraph("单位：万元", style)]
    if rows:
        table = Table(rows)
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), "STSong-Light"),
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ]
            )
        )
        story.append(table)
    SimpleDocTemplate(out).build(story)
    return out.getvalue()


def _grid(rows: list[list[str]]) -> list[list[str]]:
    return [[TITLE, "", "", "", ""], ["", "", "", "", "单位：万元"], HEADER, *rows]


def _xlsx(rows: list[list[str]]) -> bytes:
    import openpyxl  # noqa: PLC0415 - test helper

    book = openpyxl.Workbook()
    for row in _grid(rows):
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _html(rows: list[list[str]]) -> bytes:
    cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in [HEADER, *rows])
    return f"<h2>{TITLE}</h2><p>单位：万元</p><table>{cells}</table>".encode()


READERS = {
    "csv": lambda rows: perfcheck.read_csv(
        "\n".join(",".join(r) for r in _grid(rows)).encode(), name="t.csv"
    ),
    "xlsx": lambda rows: perfcheck.read_xlsx(_xlsx(rows), name="t.xlsx"),
    "html": lambda rows: perfcheck.read_html(_html(rows), name="t.html"),
    "pdf": lambda rows: perfcheck.read_pdf(_pdf([HEADER, *rows]), name="t.pdf"),
    "frame": lambda rows: perfcheck.from_frame({TITLE: pd.DataFrame(rows, columns=HEADER)}, unit="万元"),
}


@pytest.mark.parametrize("fmt", list(READERS))
def test_a_table_no_template_names_gets_its_own_relations(fmt):
    ledger = READERS[fmt](ROWS)
    kinds = sorted((r.kind, r.basis) for r in ledger.relations)
    # 合计 = Σ 类 and 201 = Σ its 款, in 预算数 and 决算数; one 完成率 a row; nothing across tables
    assert kinds == [("ratio", "stated")] * 4 + [("sum", "stated")] * 4
    assert not [r for r in ledger.relations if r.id.startswith("xt_")]
    assert perfcheck.check(ledger).findings == ()
    changed = [list(r) for r in ROWS]
    changed[2][3] = "8.00"  # 人大事务 决算数: its 类 and its own 完成率 break
    result = perfcheck.check(READERS[fmt](changed))
    assert sorted(f.code for f in result.errors) == ["PC102", "PC202"]
    for finding in result.errors:
        assert any(loc.label.endswith("20101 人大事务 / 决算数") for loc in finding.locations)


@pytest.mark.parametrize("fmt", list(READERS))
def test_a_table_with_no_relation_says_nothing_was_checked(fmt):
    rows = [["", "甲", "1.00", "2.00", ""], ["", "乙", "3.00", "4.00", ""]]
    ledger = READERS[fmt](rows)
    result = perfcheck.check(ledger)
    assert result.findings == ()
    assert (result.coverage.figures, result.coverage.relations, result.coverage.in_relations) == (4, 0, 0)
    assert "0 relations checked; 0 of 4 figures in a relation" in render(result, "table")


def test_a_pdf_with_neither_a_table_nor_a_number_is_an_error():
    with pytest.raises(
        perfcheck.LedgerError, match=r"^empty\.pdf: no table with numbers .* and no number in its text"
    ):
        perfcheck.read_pdf(_pdf([], title="某某单位部门决算说明"), name="empty.pdf")


def test_a_pdf_with_prose_numbers_and_no_table_is_its_text():
    ledger = perfcheck.read_pdf(
        _pdf([], title="总支出134.56万元，其中基本支出82.67万元，项目支出51.89万元。"), name="p.pdf"
    )
    [rel] = ledger.relations
    assert rel.kind == "sum"
    assert {f.source.sheet for f in ledger.figures if f.source} == {"page 1"}


def test_a_batch_loses_nothing_to_a_bad_pdf(tmp_path: Path):
    good = tmp_path / "good.pdf"
    good.write_bytes(_pdf([HEADER, *ROWS]))
    locked = tmp_path / "locked.pdf"
    from tables_data import Disclosure, pdf_bytes  # noqa: PLC0415 - the one encrypted PDF of the tests

    locked.write_bytes(pdf_bytes(Disclosure.build(), encrypt="secret"))
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n garbage")
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(_pdf([], title="某某单位部门决算说明"))
    items = list(perfcheck.check_many([good, locked, broken, empty]))
    assert [item.ok for item in items] == [True, False, False, False]
    errors = [str(item.error) for item in items[1:]]
    assert errors[0].startswith(f"{locked}: an encrypted PDF")
    assert errors[1].startswith(f"{broken}")
    assert errors[2].startswith(f"{empty}: no table with numbers")
