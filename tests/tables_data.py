"""Real-shaped disclosure tables built in the tests: a 部门决算 支出决算表 with 功能分类科目编码 rows."""

from __future__ import annotations

import io
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")

#: 项 rows (7-digit codes): name, 年初预算数, 决算数 in 万元.
LEAVES = [
    ("2010101", "行政运行", "152.40", "149.87"),
    ("2010102", "一般行政管理事务", "38.00", "35.12"),
    ("2010301", "行政运行", "96.25", "97.03"),
    ("2010350", "事业运行", "41.60", "40.18"),
    ("2050201", "学前教育", "210.00", "204.55"),
    ("2050202", "小学教育", "385.30", "391.26"),
    ("2080505", "机关事业单位基本养老保险缴费支出", "64.81", "64.81"),
    ("2080506", "机关事业单位职业年金缴费支出", "25.93", "25.40"),
    ("2210201", "住房公积金", "48.62", "48.62"),
]
NAMES = {
    "201": "一般公共服务支出",
    "20101": "人大事务",
    "20103": "政府办公厅（室）及相关机构事务",
    "205": "教育支出",
    "20502": "普通教育",
    "208": "社会保障和就业支出",
    "20805": "行政事业单位养老支出",
    "221": "住房保障支出",
    "22102": "住房改革支出",
}
HEADER = ["科目编码", "科目名称", "年初预算数", "决算数", "完成率（%）"]
TITLE = "2023年度部门支出决算表"


def rate(actual: Decimal, budget: Decimal) -> Decimal:
    return (actual / budget * 100).quantize(CENT, ROUND_HALF_UP)


@dataclass
class Disclosure:
    """The 支出决算表 as printed: rows of text, the 合计 first, then 类, 款 and 项 rows."""

    rows: list[list[str]]

    #: rows of the grid above the first data row (title, unit, header, 栏次)
    PREAMBLE = 4

    @classmethod
    def build(cls) -> Disclosure:
        totals: dict[str, list[Decimal]] = {}
        for code, _, budget, actual in LEAVES:
            for prefix in (code[:3], code[:5]):
                pair = totals.setdefault(prefix, [Decimal(0), Decimal(0)])
                pair[0] += Decimal(budget)
                pair[1] += Decimal(actual)
        budget_all = sum((v[0] for k, v in totals.items() if len(k) == 3), Decimal(0))
        actual_all = sum((v[1] for k, v in totals.items() if len(k) == 3), Decimal(0))
        rows = [["", "合计", f"{budget_all}", f"{actual_all}", f"{rate(actual_all, budget_all)}"]]
        done: set[str] = set()
        for code, name, budget, actual in LEAVES:
            for prefix in (code[:3], code[:5]):
                if prefix not in done:
                    done.add(prefix)
                    b, a = totals[prefix]
                    rows.append([prefix, NAMES[prefix], f"{b}", f"{a}", f"{rate(a, b)}"])
            rows.append([code, name, budget, actual, f"{rate(Decimal(actual), Decimal(budget))}"])
        return cls(rows)

    def find(self, code_or_label: str) -> int:
        """The index of a data row by its code (or the 合计 label)."""
        return next(i for i, r in enumerate(self.rows) if code_or_label in {r[0], r[1]})

    def changed(self, code_or_label: str, column: str, value: str) -> Disclosure:
        rows = [list(r) for r in self.rows]
        rows[self.find(code_or_label)][HEADER.index(column)] = value
        return Disclosure(rows)

    def cell(self, code_or_label: str, column: str) -> str:
        """The A1 reference of a cell in the CSV and xlsx layouts."""
        letter = "ABCDE"[HEADER.index(column)]
        return f"{letter}{self.find(code_or_label) + self.PREAMBLE + 1}"

    def grid(self) -> list[list[str]]:
        """The table as printed: title, unit, header, 栏次 row, data."""
        return [
            [TITLE, "", "", "", ""],
            ["", "", "", "", "单位：万元"],
            HEADER,
            ["栏次", "", "1", "2", "3"],
            *self.rows,
        ]

    def csv_bytes(self, encoding: str = "utf-8") -> bytes:
        import csv  # noqa: PLC0415 - test helper

        out = io.StringIO()
        csv.writer(out).writerows(self.grid())
        return out.getvalue().encode(encoding)

    def xlsx_bytes(self) -> bytes:
        """The workbook as a finance team saves it: numbers with number formats, a merged title."""
        import openpyxl  # noqa: PLC0415 - test helper

        book = openpyxl.Workbook()
        ws = book.active
        ws.title = "支出决算表"
        for r, row in enumerate(self.grid(), 1):
            for c, text in enumerate(row, 1):
                cell = ws.cell(r, c)
                if r > self.PREAMBLE and c >= 3 and text:
                    cell.value = float(text)
                    cell.number_format = "#,##0.00" if c < 5 else "0.00"
                else:
                    cell.value = text or None
        ws.merge_cells("A1:E1")
        notes = book.create_sheet("说明")
        notes["A1"] = "本表反映部门本年度各项支出情况。"
        book.create_sheet("Sheet3")
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()

    def html(self) -> str:
        """The table as a web page prints it: a caption and a two-row header with merged cells."""
        head = (
            "<tr><th colspan='2'>项目</th><th rowspan='2'>年初预算数</th>"
            "<th rowspan='2'>决算数</th><th rowspan='2'>完成率（%）</th></tr>"
            "<tr><th>科目编码</th><th>科目名称</th></tr>"
        )
        body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in self.rows)
        return (
            f"<html><body><h1>{TITLE}</h1><p>单位：万元</p>"
            f"<table><caption>支出决算表</caption>{head}{body}</table>"
            "<table><tr><td>联系电话</td><td>0731-1234567</td></tr></table></body></html>"
        )


def pdf_bytes(d: Disclosure, *, encrypt: str | None = None) -> bytes:
    """The table as a PDF report prints it: title and unit above a ruled table, in STSong-Light."""
    from reportlab.lib import colors  # noqa: PLC0415 - test helper
    from reportlab.lib.pagesizes import A4  # noqa: PLC0415
    from reportlab.lib.styles import ParagraphStyle  # noqa: PLC0415
    from reportlab.pdfbase import pdfmetrics  # noqa: PLC0415
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: PLC0415
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle  # noqa: PLC0415

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("cn", fontName="STSong-Light", fontSize=12, leading=16)
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, encrypt=encrypt)
    table = Table([HEADER, *d.rows])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), "STSong-Light"),
                ("FONTSIZE", (0, 0), (-1, -1), 8),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ]
        )
    )
    doc.build([Paragraph(TITLE, style), Paragraph("单位：万元", style), table])
    return out.getvalue()
