"""Table readers on hostile input: a Ledger or a LedgerError, never another exception."""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import perfcheck
from perfcheck import LedgerError

CELLS = st.sampled_from(
    [
        "",
        "-",
        "—",
        "合计",
        "小计",
        "其中：",
        "201",
        "20101",
        "2010101",
        "1.00",
        "1,234.50",
        "98.5%",
        "abc",
        "单位：万元",
        "完成率",
        "决算数",
        "上年数",
        "增减额",
        "\u3000\u3000x",
        "1e5",
        "-3",
        "NaN",
    ]
)
GRIDS = st.lists(st.lists(CELLS, max_size=6), max_size=8)
RELAXED = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _ok_or_clear(read):
    try:
        ledger = read()
    except LedgerError as exc:
        message = str(exc)
    else:
        perfcheck.check(ledger)
        return
    assert message.strip()


@RELAXED
@given(GRIDS)
def test_csv_grids(grid):
    text = "\n".join(",".join(row) for row in grid)
    _ok_or_clear(lambda: perfcheck.read_csv(text.encode(), name="g.csv", unit="万元"))


@RELAXED
@given(GRIDS, st.booleans())
def test_html_grids(grid, spans):
    span = " colspan='2' rowspan='2'" if spans else ""
    rows = "".join(
        "<tr>" + "".join(f"<td{span if i == 0 else ''}>{c}</td>" for i, c in enumerate(row)) + "</tr>"
        for row in grid
    )
    _ok_or_clear(lambda: perfcheck.read_html(f"<table>{rows}</table>".encode(), name="g.html", unit="万元"))


@RELAXED
@given(GRIDS)
def test_frames(grid):
    import pandas as pd  # noqa: PLC0415 - the test extra

    width = max((len(r) for r in grid), default=0)
    if not width:
        return
    header = [f"列{i}" for i in range(width)]
    frame = pd.DataFrame([r + [""] * (width - len(r)) for r in grid], columns=header)
    _ok_or_clear(lambda: perfcheck.from_frame(frame, unit="万元"))


@RELAXED
@given(st.binary(max_size=300))
def test_bytes(data):
    for read in (perfcheck.read_csv, perfcheck.read_html, perfcheck.read_xlsx, perfcheck.read_pdf):
        _ok_or_clear(lambda read=read: read(data, name="b"))
    _ok_or_clear(lambda: perfcheck.read_pdf(b"%PDF-1.4\n" + data, name="b.pdf"))


@RELAXED
@given(
    st.sampled_from(
        ["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml"]
    ),
    st.binary(max_size=200),
)
def test_zips(member, data):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(member, data)
    _ok_or_clear(lambda: perfcheck.read_xlsx(out.getvalue(), name="z.xlsx"))


def test_a_workbook_with_one_part_damaged():
    from tables_data import Disclosure  # noqa: PLC0415

    good = Disclosure.build().xlsx_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            dst.writestr(
                item, data[: len(data) // 2] if item.filename == "xl/worksheets/sheet1.xml" else data
            )
    with pytest.raises(LedgerError, match=r"d\.xlsx: not an xlsx workbook"):
        perfcheck.read_xlsx(out.getvalue(), name="d.xlsx")


@pytest.mark.parametrize("member", ["[Content_Types].xml", "xl/workbook.xml"])
def test_a_broken_workbook(member):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(member, "<not xml")
    with pytest.raises(LedgerError, match=r"w\.xlsx: not an xlsx workbook"):
        perfcheck.read_xlsx(out.getvalue(), name="w.xlsx")
