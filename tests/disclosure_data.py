"""A complete 部门决算 disclosure built in the tests: the nine tables of the standard set.

The numbers are this file's own, consistent by construction: a department's spending
by 功能分类 项 and source of money (一般公共预算, 政府性基金, 国有资本经营 and its
own 事业收入 / 其他收入), its income per 项, and its balances carried over. From them
every table is printed as the Ministry of Finance's templates lay it out:

| key | table | shape |
|---|---|---|
| T1 | 收入支出决算总表 | two halves: 收入 and 支出, 项目 / 行次 / 金额 |
| T2 | 收入决算表 | 科目 rows; 本年收入合计 and its sources |
| T3 | 支出决算表 | 科目 rows; 本年支出合计, 基本支出, 项目支出, ... |
| T4 | 财政拨款收入支出决算总表 | two halves; 年初结转 broken down by indentation |
| T5 | 一般公共预算财政拨款支出决算表 | 科目 rows; 合计 / 基本支出 / 项目支出 |
| T6 | 一般公共预算财政拨款基本支出决算表 | 经济分类 rows; 人员经费 / 公用经费 |
| T7 | 一般公共预算财政拨款"三公"经费支出决算表 | one row; a three-row header |
| T8 | 政府性基金预算财政拨款收入支出决算表 | 科目 rows; 年初, 本年收入, 本年支出, 年末 |
| T9 | 国有资本经营预算财政拨款支出决算表 | 科目 rows; 合计 / 基本支出 / 项目支出 |

Each table is written as a sheet of a workbook, a CSV file of a folder, a table of one
HTML page, and a DataFrame of a mapping of title to frame; :meth:`Disclosure.changed` changes one printed cell.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

#: 项 rows: code, name, and per source of money (基本支出, 项目支出) in 分.
SPENDING: list[tuple[str, str, dict[str, tuple[int, int]]]] = [
    ("2010301", "行政运行", {"general": (31245, 0)}),
    ("2010350", "事业运行", {"general": (8820, 1240), "misc": (2015, 0)}),
    ("2050101", "行政运行", {"general": (41562, 0)}),
    ("2050299", "其他普通教育支出", {"general": (0, 35680), "business": (0, 6430)}),
    ("2080505", "机关事业单位基本养老保险缴费支出", {"general": (9634, 0), "business": (321, 0)}),
    ("2210201", "住房公积金", {"general": (7118, 0)}),
    ("2230199", "其他解决历史遗留问题及改革成本支出", {"capital": (0, 850)}),
    ("2296004", "用于教育事业的彩票公益金支出", {"fund": (0, 4500)}),
]
#: Income above spending, per 项 and source (what is carried over to next year), in 分.
EXTRA_INCOME = {("2050299", "general"): 2360, ("2296004", "fund"): 500, ("2010350", "misc"): 485}
#: Balances carried in from last year, per source, in 分; and 使用非财政拨款结余.
OPENING = {"general": 1830, "fund": 320, "capital": 0, "business": 1600, "misc": 940}
USED_RESERVES = 600
NAMES = {
    "201": "一般公共服务支出",
    "20103": "政府办公厅（室）及相关机构事务",
    "205": "教育支出",
    "20501": "教育管理事务",
    "20502": "普通教育",
    "208": "社会保障和就业支出",
    "20805": "行政事业单位养老支出",
    "221": "住房保障支出",
    "22102": "住房改革支出",
    "223": "国有资本经营预算支出",
    "22301": "解决历史遗留问题及改革成本支出",
    "229": "其他支出",
    "22960": "彩票公益金安排的支出",
}
FISCAL = ("general", "fund", "capital")
ORDINALS = "一二三四五六七八九十"
#: 经济分类 rows of the 基本支出 table: code, name, 分 (the last 302 row is the rest).
ECONOMIC = [
    ("30101", "基本工资", 22040),
    ("30102", "津贴补贴", 15026),
    ("30103", "奖金", 3890),
    ("30108", "机关事业单位基本养老保险缴费", 9634),
    ("30113", "住房公积金", 7118),
    ("30199", "其他工资福利支出", 1235),
    ("30302", "退休费", 4560),
    ("30309", "奖励金", 240),
    ("30201", "办公费", 3520),
    ("30205", "水费", 840),
    ("30206", "电费", 2275),
    ("30211", "差旅费", 1830),
    ("30217", "公务接待费", 412),
    ("30228", "工会经费", 1680),
    ("30231", "公务用车运行维护费", 1260),
    ("30239", "其他交通费用", 3540),
    ("30299", "其他商品和服务支出", None),
    ("31002", "办公设备购置", 980),
]
ECONOMIC_NAMES = {
    "301": "工资福利支出",
    "302": "商品和服务支出",
    "303": "对个人和家庭的补助",
    "310": "资本性支出",
}
PERSONNEL = ("301", "303")
#: 三公 经费, 预算数 and 决算数 in 分: 因公出国（境）费, 公务用车购置费, 公务用车运行费, 公务接待费.
THREE_PUBLIC = {"预算数": (0, 0, 1500, 600), "决算数": (0, 0, 1260, 412)}


def money(cents: int) -> str:
    sign = "-" if cents < 0 else ""
    return f"{sign}{abs(cents) // 100}.{abs(cents) % 100:02d}"


def ordinal(i: int) -> str:
    """The Chinese numeral an item ``i`` (0-based) is listed under: 一, 十一, 二十, ...; digits past 99."""
    n = i + 1
    if n >= 100:
        return str(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else "十" if tens == 1 else f"{ORDINALS[tens - 1]}十"
    return head + (ORDINALS[ones - 1] if ones else "")


@dataclass
class Sheet:
    """One printed table: its title, header cells (text, colspan, rowspan), rows, and indented rows."""

    key: str
    title: str
    name: str
    header: list[list[tuple[str, int, int]]]
    rows: list[list[str]]
    #: (data row, column) of a label printed indented one level
    indented: set[tuple[int, int]] = field(default_factory=set)

    PREAMBLE = 2  # title, 单位：万元

    @property
    def width(self) -> int:
        return sum(span for _, span, _ in self.header[0])

    def header_grid(self) -> tuple[list[list[str]], list[tuple[int, int, int, int]]]:
        """The header as rows of cells, text at the top left of a merged cell, and the merges."""
        grid: dict[tuple[int, int], str] = {}
        merges = []
        for r, row in enumerate(self.header):
            c = 0
            for text, colspan, rowspan in row:
                while (r, c) in grid:
                    c += 1
                for dr in range(rowspan):
                    for dc in range(colspan):
                        grid[r + dr, c + dc] = text if (dr, dc) == (0, 0) else ""
                if colspan > 1 or rowspan > 1:
                    merges.append((r, c, r + rowspan - 1, c + colspan - 1))
                c += colspan
        rows = [[grid.get((r, c), "") for c in range(self.width)] for r in range(len(self.header))]
        return rows, merges

    def column_names(self) -> list[str]:
        """Each column's name as a DataFrame holds it: its header cells top to bottom, joined by ``/``."""
        rows, merges = self.header_grid()
        for r0, c0, r1, c1 in merges:  # a merged cell's text over every cell it covers
            for r in range(r0, r1 + 1):
                rows[r][c0 : c1 + 1] = [rows[r0][c0]] * (c1 - c0 + 1)
        return ["/".join(dict.fromkeys(row[c] for row in rows)) for c in range(self.width)]

    def text(self, r: int, c: int, indent: str = "\u3000\u3000") -> str:
        """A data cell as printed in text, an indented label led by full-width spaces."""
        value = self.rows[r][c]
        return f"{indent}{value}" if (r, c) in self.indented and value else value

    def grid(self) -> list[list[str]]:
        header, _ = self.header_grid()
        body = [[self.text(r, c) for c in range(self.width)] for r in range(len(self.rows))]
        return [
            [self.title] + [""] * (self.width - 1),
            [""] * (self.width - 1) + ["单位：万元"],
            *header,
            *body,
        ]

    def find(self, text: str, column: int | None = None) -> int:
        """The data row printing ``text`` (in ``column``, if given)."""
        for r, row in enumerate(self.rows):
            cells = row if column is None else [row[column]]
            if text in (c.strip() for c in cells):
                return r
        raise KeyError(text)

    def cell(self, row: int, column: int, *, html: bool = False) -> str:
        """The A1 reference of a data cell: in the sheet (CSV, xlsx) or from the table's first row (HTML)."""
        first = len(self.header) + (0 if html else self.PREAMBLE)
        return f"{'ABCDEFGHIJKLMNOP'[column]}{first + row + 1}"


@dataclass
class Disclosure:
    """The nine tables."""

    sheets: list[Sheet]

    @classmethod
    def build(cls, extra_classes: int = 0) -> Disclosure:
        """The nine tables; ``extra_classes`` more 类 of 20 款 of 9 项 each make a large set (benchmarks)."""
        return cls(_tables(SPENDING + generated(extra_classes)))

    def sheet(self, key: str) -> Sheet:
        return next(s for s in self.sheets if s.key == key)

    def changed(self, key: str, row: int, column: int, value: str) -> Disclosure:
        sheets = [dataclasses.replace(s, rows=[list(r) for r in s.rows]) for s in self.sheets]
        target = next(s for s in sheets if s.key == key)
        target.rows[row][column] = value
        return Disclosure(sheets)

    def index(self, key: str) -> int:
        return next(i for i, s in enumerate(self.sheets, 1) if s.key == key)

    # -- writers ---------------------------------------------------------------

    def xlsx_bytes(self) -> bytes:
        """One sheet a table, numbers with a number format, merged title and header cells, indents."""
        import openpyxl  # noqa: PLC0415 - test helper
        from openpyxl.styles import Alignment  # noqa: PLC0415

        book = openpyxl.Workbook()
        book.remove(book.active)
        for sheet in self.sheets:
            ws = book.create_sheet(sheet.name)
            header, merges = sheet.header_grid()
            ws.cell(1, 1, sheet.title)
            ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=sheet.width)
            ws.cell(2, sheet.width, "单位：万元")
            top = sheet.PREAMBLE + 1
            for r, row in enumerate(header):
                for c, text in enumerate(row):
                    if text:
                        ws.cell(top + r, c + 1, text)
            for r0, c0, r1, c1 in merges:
                ws.merge_cells(start_row=top + r0, start_column=c0 + 1, end_row=top + r1, end_column=c1 + 1)
            first = top + len(header)
            for r, row in enumerate(sheet.rows):
                for c, text in enumerate(row):
                    cell = ws.cell(first + r, c + 1)
                    if _is_amount(text):
                        cell.value = float(text)
                        cell.number_format = "#,##0.00"
                    else:
                        cell.value = text or None
                        if (r, c) in sheet.indented:
                            cell.alignment = Alignment(indent=1)
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()

    def csv_folder(self, folder: Path) -> Path:
        """One CSV file a table, named by its number and title."""
        folder.mkdir(parents=True, exist_ok=True)
        for i, sheet in enumerate(self.sheets, 1):
            out = io.StringIO()
            csv.writer(out).writerows(sheet.grid())
            (folder / f"{i:02d}{sheet.name}.csv").write_text(out.getvalue(), encoding="utf-8")
        return folder

    def frames(self, make: Callable[[dict[str, list[str]]], object]) -> dict[str, object]:
        """Title to DataFrame, ``make`` building one from its columns (``pd.DataFrame``, ``pl.DataFrame``)."""
        return {
            sheet.title: make(
                {
                    name: [sheet.text(r, c) for r in range(len(sheet.rows))]
                    for c, name in enumerate(sheet.column_names())
                }
            )
            for sheet in self.sheets
        }

    def html(self) -> str:
        """One page: each table under its title and unit, its header with colspan and rowspan."""
        parts = ["<html><body><h1>某市教育局2023年度部门决算</h1>"]
        for sheet in self.sheets:
            head = "".join(
                "<tr>" + "".join(f"<th colspan='{cs}' rowspan='{rs}'>{t}</th>" for t, cs, rs in row) + "</tr>"
                for row in sheet.header
            )
            body = "".join(
                "<tr>" + "".join(f"<td>{sheet.text(r, c)}</td>" for c in range(sheet.width)) + "</tr>"
                for r in range(len(sheet.rows))
            )
            parts.append(f"<h2>{sheet.title}</h2><p>单位：万元</p><table>{head}{body}</table>")
        parts.append("</body></html>")
        return "\n".join(parts)

    def pdf_bytes(
        self,
        *,
        prose: list[str] | None = None,
        encrypt: str | None = None,
        repeat_header: bool = False,
        title_ends_page: frozenset[str] = frozenset(),
        indent_by_position: bool = False,
    ) -> bytes:
        """The tables as a PDF report prints them, in STSong-Light on small landscape pages.

        Each table has its title and ``单位：万元`` above it and its header with merged
        cells (reportlab's SPAN); a table longer than the page runs on over the next
        pages without repeating its header, and the next table starts below its end.
        ``prose``: paragraphs printed before the tables (the report's 说明);
        ``repeat_header``: each page of a table repeats its header, as some reports do;
        ``title_ends_page``: the keys of tables whose title and unit are printed at the
        foot of a page, the table on the next; ``indent_by_position``: an indented label
        is printed further right (a cell's padding), not after full-width spaces.
        """
        from reportlab.lib import colors  # noqa: PLC0415 - test helper
        from reportlab.lib.enums import TA_CENTER, TA_RIGHT  # noqa: PLC0415
        from reportlab.lib.pagesizes import A4, landscape  # noqa: PLC0415
        from reportlab.lib.styles import ParagraphStyle  # noqa: PLC0415
        from reportlab.pdfbase import pdfmetrics  # noqa: PLC0415
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: PLC0415
        from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle  # noqa: PLC0415

        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        body = ParagraphStyle("body", fontName="STSong-Light", fontSize=10, leading=15)
        title = ParagraphStyle(
            "title", parent=body, fontSize=13, leading=20, alignment=TA_CENTER, keepWithNext=1
        )
        unit = ParagraphStyle("unit", parent=body, fontSize=8, alignment=TA_RIGHT, keepWithNext=1)
        out = io.BytesIO()
        doc = SimpleDocTemplate(
            out,
            pagesize=landscape(A4),
            encrypt=encrypt,
            topMargin=36,
            bottomMargin=36,
            leftMargin=30,
            rightMargin=30,
        )
        story: list[object] = [Paragraph("某市教育局2023年度部门决算", title)]
        story += [Paragraph(p, body) for p in prose or []]
        for sheet in self.sheets:
            header, merges = sheet.header_grid()
            lead = "" if indent_by_position else "\u3000\u3000"
            body = [[sheet.text(r, c, lead) for c in range(sheet.width)] for r in range(len(sheet.rows))]
            rows = [*header, *body]
            padded = [
                ("LEFTPADDING", (c, len(header) + r), (c, len(header) + r), 20)
                for r, c in sheet.indented
                if indent_by_position
            ]
            table = Table(rows, repeatRows=len(header) if repeat_header else 0, hAlign="CENTER")
            table.setStyle(
                TableStyle(
                    [
                        ("FONTNAME", (0, 0), (-1, -1), "STSong-Light"),
                        ("FONTSIZE", (0, 0), (-1, -1), 7),
                        ("TOPPADDING", (0, 0), (-1, -1), 6),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                        *(("SPAN", (c0, r0), (c1, r1)) for r0, c0, r1, c1 in merges),
                        *padded,
                    ]
                )
            )
            story += [Paragraph(sheet.title, title), Paragraph("单位：万元", unit)]
            story += [PageBreak(), table] if sheet.key in title_ends_page else [table]
        doc.build(story)
        return out.getvalue()


def _is_amount(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return "." in text


# -- the numbers ------------------------------------------------------------------


def generated(classes: int, seed: int = 7) -> list[tuple[str, str, dict[str, tuple[int, int]]]]:
    """项 rows of ``classes`` made-up 类 (codes 230, 231, ...), paid from the 一般公共预算."""
    out = []
    state = seed
    for c in range(classes):
        for k in range(1, 21):
            for x in range(1, 10):
                state = (state * 1103515245 + 12345) % 2**31
                basic = state % 90_000
                project = (state >> 8) % 50_000
                out.append((f"{230 + c}{k:02d}{x:02d}", f"项{x}", {"general": (basic, project)}))
    return out


def _tables(spending: list[tuple[str, str, dict[str, tuple[int, int]]]]) -> list[Sheet]:  # noqa: C901, PLR0912, PLR0915 - nine tables from one set of numbers
    sources = ("general", "fund", "capital", "business", "misc")
    spent: dict[str, dict[str, list[int]]] = {}  # code -> source -> [basic, project]
    income: dict[str, dict[str, int]] = {}
    for code, _, by in spending:
        for source, (basic, project) in by.items():
            for prefix in (code[:3], code[:5], code):
                pair = spent.setdefault(prefix, {}).setdefault(source, [0, 0])
                pair[0] += basic
                pair[1] += project
                got = income.setdefault(prefix, {})
                got[source] = got.get(source, 0) + basic + project + EXTRA_INCOME.get((code, source), 0)
    names = {**NAMES, **{code: name for code, name, _ in spending}}
    for code in spent:
        names.setdefault(code, f"{'类' if len(code) == 3 else '款'}{code}")
    codes = sorted(spent)

    def total(code: str | None, which: tuple[str, ...], part: int | None = None) -> int:
        rows = [code] if code else [c for c in codes if len(c) == 3]
        return sum(
            (v[0] + v[1] if part is None else v[part])
            for c in rows
            for s, v in spent[c].items()
            if s in which
        )

    def earned(code: str | None, which: tuple[str, ...]) -> int:
        rows = [code] if code else [c for c in codes if len(c) == 3]
        return sum(v for c in rows for s, v in income[c].items() if s in which)

    closing = {s: OPENING[s] + earned(None, (s,)) - total(None, (s,)) for s in sources}
    classes = [c for c in codes if len(c) == 3]

    # T1 收入支出决算总表
    left = [
        ("一般公共预算财政拨款收入", earned(None, ("general",))),
        ("政府性基金预算财政拨款收入", earned(None, ("fund",))),
        ("国有资本经营预算财政拨款收入", earned(None, ("capital",))),
        ("上级补助收入", 0),
        ("事业收入", earned(None, ("business",))),
        ("经营收入", 0),
        ("附属单位上缴收入", 0),
        ("其他收入", earned(None, ("misc",))),
    ]
    right = [(names[c], total(c, sources)) for c in classes]
    income_all = sum(v for _, v in left)
    spend_all = sum(v for _, v in right)
    opening_all = sum(OPENING.values())
    grand = income_all + USED_RESERVES + opening_all
    k = max(len(left), len(right))
    t1_rows = []
    for i in range(k):
        row = (
            [f"{ORDINALS[i]}、{left[i][0]}", str(i + 1), money(left[i][1])] if i < len(left) else ["", "", ""]
        )
        if i < len(right):
            row += [f"{ordinal(i)}、{right[i][0]}", str(k + i + 5), money(right[i][1])]
        else:
            row += ["", "", ""]
        t1_rows.append(row)
    t1_rows += [
        ["本年收入合计", str(k + 1), money(income_all), "本年支出合计", str(2 * k + 5), money(spend_all)],
        ["使用非财政拨款结余", str(k + 2), money(USED_RESERVES), "结余分配", str(2 * k + 6), money(0)],
        [
            "年初结转和结余",
            str(k + 3),
            money(opening_all),
            "年末结转和结余",
            str(2 * k + 7),
            money(grand - spend_all),
        ],
        ["总计", str(k + 4), money(grand), "总计", str(2 * k + 8), money(grand)],
    ]
    two_halves = [
        [("收入", 3, 1), ("支出", 3, 1)],
        [("项目", 1, 1), ("行次", 1, 1), ("金额", 1, 1), ("项目", 1, 1), ("行次", 1, 1), ("金额", 1, 1)],
    ]
    t1 = Sheet("T1", "收入支出决算总表", "收入支出决算总表", two_halves, t1_rows)

    # T2 收入决算表, T3 支出决算表
    def coded(
        rows_of: list[str],
        cells: callable,
        top: list[str],  # type: ignore[valid-type]
    ) -> list[list[str]]:
        return [["", "合计", *top]] + [[c, names[c], *cells(c)] for c in rows_of]

    def income_cells(code: str | None) -> list[str]:
        values = [earned(code, FISCAL), 0, earned(code, ("business",)), 0, 0, earned(code, ("misc",))]
        return [money(sum(values)), *(money(v) for v in values)]

    t2 = Sheet(
        "T2",
        "收入决算表",
        "收入决算表",
        [
            [
                ("项目", 2, 1),
                ("本年收入合计", 1, 2),
                ("财政拨款收入", 1, 2),
                ("上级补助收入", 1, 2),
                ("事业收入", 1, 2),
                ("经营收入", 1, 2),
                ("附属单位上缴收入", 1, 2),
                ("其他收入", 1, 2),
            ],
            [("科目编码", 1, 1), ("科目名称", 1, 1)],
        ],
        coded(codes, income_cells, income_cells(None)),
    )

    def spending_cells(code: str | None, which: tuple[str, ...] = sources, extra: int = 3) -> list[str]:
        basic, project = total(code, which, 0), total(code, which, 1)
        return [money(basic + project), money(basic), money(project), *[money(0)] * extra]

    spending_head = [
        ("本年支出合计", 1, 2),
        ("基本支出", 1, 2),
        ("项目支出", 1, 2),
        ("上缴上级支出", 1, 2),
        ("经营支出", 1, 2),
        ("对附属单位补助支出", 1, 2),
    ]
    t3 = Sheet(
        "T3",
        "支出决算表",
        "支出决算表",
        [[("项目", 2, 1), *spending_head], [("科目编码", 1, 1), ("科目名称", 1, 1)]],
        coded(codes, spending_cells, spending_cells(None)),
    )

    # T4 财政拨款收入支出决算总表
    fiscal_classes = [c for c in classes if any(s in FISCAL for s in spent[c])]
    fiscal_in = [earned(None, (s,)) for s in FISCAL]
    fiscal_opening = [OPENING[s] for s in FISCAL]
    fiscal_closing = [closing[s] for s in FISCAL]
    money_names = ["一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]

    def by_source(values: list[int]) -> list[str]:
        return [money(sum(values)), *(money(v) for v in values)]

    k = max(3, len(fiscal_classes))
    t4_rows: list[list[str]] = []
    for i in range(k):
        row = [f"{ORDINALS[i]}、{money_names[i]}", str(i + 1), money(fiscal_in[i])] if i < 3 else ["", "", ""]
        if i < len(fiscal_classes):
            c = fiscal_classes[i]
            row += [f"{ordinal(i)}、{names[c]}", "", *by_source([total(c, (s,)) for s in FISCAL])]
        else:
            row += ["", "", "", "", "", ""]
        t4_rows.append(row)
    blank_right = ["", "", "", "", "", ""]
    t4_rows += [
        [
            "本年收入合计",
            "",
            money(sum(fiscal_in)),
            "本年支出合计",
            "",
            *by_source([total(None, (s,)) for s in FISCAL]),
        ],
        [
            "年初财政拨款结转和结余",
            "",
            money(sum(fiscal_opening)),
            "年末财政拨款结转和结余",
            "",
            *by_source(fiscal_closing),
        ],
        *([money_names[j], "", money(fiscal_opening[j]), *blank_right] for j in range(3)),
    ]
    fiscal_grand = sum(fiscal_in) + sum(fiscal_opening)
    closed = by_source([total(None, (s,)) + closing[s] for s in FISCAL])
    t4_rows.append(["总计", "", money(fiscal_grand), "总计", "", *closed])
    indented = {(r, 0) for r in range(k + 2, k + 5)}
    t4 = Sheet(
        "T4",
        "财政拨款收入支出决算总表",
        "财政拨款收入支出决算总表",
        [
            [("收入", 3, 1), ("支出", 6, 1)],
            [
                ("项目", 1, 1),
                ("行次", 1, 1),
                ("金额", 1, 1),
                ("项目", 1, 1),
                ("行次", 1, 1),
                ("合计", 1, 1),
                *((n, 1, 1) for n in money_names),
            ],
        ],
        t4_rows,
        indented,
    )

    # T5 一般公共预算, T9 国有资本经营预算
    def one_source(source: str) -> list[list[str]]:
        mine = [c for c in codes if source in spent[c]]
        return coded(mine, lambda c: spending_cells(c, (source,), 0), spending_cells(None, (source,), 0))

    split_head = [
        [("项目", 2, 1), ("本年支出", 3, 1)],
        [("科目编码", 1, 1), ("科目名称", 1, 1), ("合计", 1, 1), ("基本支出", 1, 1), ("项目支出", 1, 1)],
    ]
    t5 = Sheet(
        "T5",
        "一般公共预算财政拨款支出决算表",
        "一般公共预算财政拨款支出决算表",
        split_head,
        one_source("general"),
    )
    t9 = Sheet(
        "T9",
        "国有资本经营预算财政拨款支出决算表",
        "国有资本经营预算财政拨款支出决算表",
        split_head,
        one_source("capital"),
    )

    # T6 基本支出
    basic_all = total(None, ("general",), 0)
    known = sum(v for _, _, v in ECONOMIC if v is not None)
    economic = [(c, n, basic_all - known if v is None else v) for c, n, v in ECONOMIC]
    groups: dict[str, list[tuple[str, str, int]]] = {}
    for c, n, v in economic:
        groups.setdefault(c[:3], []).append((c, n, v))
    t6_rows = []
    people = sum(v for c, _, v in economic if c[:3] in PERSONNEL)
    t6_rows.append(["", "合计", money(basic_all), money(people), money(basic_all - people)])
    for klass in sorted(groups):
        col = 3 if klass in PERSONNEL else 4
        for c, n, v in [(klass, ECONOMIC_NAMES[klass], sum(v for _, _, v in groups[klass])), *groups[klass]]:
            row = [c, n, money(v), "", ""]
            row[col] = money(v)
            t6_rows.append(row)
    t6 = Sheet(
        "T6",
        "一般公共预算财政拨款基本支出决算表",
        "一般公共预算财政拨款基本支出决算表",
        [
            [("项目", 2, 1), ("决算数", 3, 1)],
            [("科目编码", 1, 1), ("科目名称", 1, 1), ("合计", 1, 1), ("人员经费", 1, 1), ("公用经费", 1, 1)],
        ],
        t6_rows,
    )

    # T7 三公
    three_row: list[str] = []
    for what in ("预算数", "决算数"):
        abroad, buy, run, host = THREE_PUBLIC[what]
        three_row += [money(v) for v in (abroad + buy + run + host, abroad, buy + run, buy, run, host)]
    group = [("合计", 1, 2), ("因公出国（境）费", 1, 2), ("公务用车购置及运行费", 3, 1), ("公务接待费", 1, 2)]
    t7 = Sheet(
        "T7",
        "一般公共预算财政拨款“三公”经费支出决算表",
        "三公经费支出决算表",
        [
            [("预算数", 6, 1), ("决算数", 6, 1)],
            [*group, *group],
            [("小计", 1, 1), ("公务用车购置费", 1, 1), ("公务用车运行费", 1, 1)] * 2,
        ],
        [three_row],
    )

    # T8 政府性基金
    fund_codes = [c for c in codes if "fund" in spent[c]]

    def fund_cells(code: str | None) -> list[str]:
        opening = OPENING["fund"]  # one 项 holds it all
        got, basic, project = earned(code, ("fund",)), total(code, ("fund",), 0), total(code, ("fund",), 1)
        return [
            money(v) for v in (opening, got, basic + project, basic, project, opening + got - basic - project)
        ]

    t8 = Sheet(
        "T8",
        "政府性基金预算财政拨款收入支出决算表",
        "政府性基金预算财政拨款收入支出决算表",
        [
            [
                ("项目", 2, 1),
                ("年初结转和结余", 1, 2),
                ("本年收入", 1, 2),
                ("本年支出", 3, 1),
                ("年末结转和结余", 1, 2),
            ],
            [("科目编码", 1, 1), ("科目名称", 1, 1), ("小计", 1, 1), ("基本支出", 1, 1), ("项目支出", 1, 1)],
        ],
        coded(fund_codes, fund_cells, fund_cells(None)),
    )
    return [t1, t2, t3, t4, t5, t6, t7, t8, t9]
