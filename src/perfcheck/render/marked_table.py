"""A table's result as the table itself, its failing cells marked (for notebooks and HTML reports).

A ledger read from a table (``from_frame``, ``read_csv``, ``read_xlsx``, ``read_html``,
``read_pdf``) knows where each figure was printed: its cell (``D7``) or its frame
position (``r3_c4``), and its row and column names in its label. This lays the figures
out again as the tables they came from, one HTML table a sheet, and marks each cell a
broken relation names: the cell a finding is about (its subject) strongly, the other
cells of its relation lightly, red for an error and yellow for a warning; hovering a
marked cell shows the findings' codes and messages. Each cell of a figure names it in
``data-figure``, for a report that links findings to cells.

>>> import pandas as pd, perfcheck
>>> df = pd.DataFrame([["合计", "18.00"], ["工资福利支出", "10.00"], ["商品和服务支出", "5.00"]],
...                   columns=["项目", "金额"])
>>> ledger = perfcheck.from_frame(df, unit="万元")
>>> page = marked_table_html(ledger, perfcheck.check(ledger))
>>> import re
>>> re.findall(r'<tr><th>([^<]*)</th><td class="([a-z-]+)" data-figure="([^"]*)" title="([^:]*)', page)
[('合计', 'perfcheck-error-subject', 'r1_c2', 'PC102'), ('工资福利支出', 'perfcheck-error', 'r2_c2', 'PC102'),
 ('商品和服务支出', 'perfcheck-error', 'r3_c2', 'PC102')]
>>> marked_table(ledger, perfcheck.check(ledger))._repr_html_() == page
True
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Final

from perfcheck._findings.finding import Finding, Severity
from perfcheck._findings.result import Result
from perfcheck._ledger.document import Ledger
from perfcheck.render._common import locale_of

_CELL: Final = re.compile(r"^([A-Z]{1,3})([1-9][0-9]*)$")
_FRAME: Final = re.compile(r"(?:^|_)r([0-9]+)_c([0-9]+)$")
#: Inline styles, so the page needs no stylesheet: a subject cell strongly, the others lightly.
STYLES: Final = {
    "perfcheck-error-subject": "background: #f4b6b6; font-weight: bold",
    "perfcheck-error": "background: #fbe3e3",
    "perfcheck-warning-subject": "background: #ffe08a; font-weight: bold",
    "perfcheck-warning": "background: #fff4cc",
}


@dataclass
class _Sheet:
    name: str | None
    cells: dict[tuple[int, int], str] = field(default_factory=dict)
    #: each printed cell's row name (a table printed in two halves has two a row)
    names: dict[tuple[int, int], str] = field(default_factory=dict)
    columns: dict[int, str] = field(default_factory=dict)
    ids: dict[tuple[int, int], str] = field(default_factory=dict)

    def groups(self) -> list[list[int]]:
        """The columns in runs that share their row names: one run a half of the printed table."""
        runs: list[list[int]] = []
        for col in sorted(self.columns):
            mine = {r: n for (r, c), n in self.names.items() if c == col}
            if runs:
                last = {r: n for (r, c), n in self.names.items() if c == runs[-1][-1]}
                if all(last.get(r, n) == n for r, n in mine.items()):
                    runs[-1].append(col)
                    continue
            runs.append([col])
        return runs

    def row_names(self, run: list[int]) -> dict[int, str]:
        return {r: n for (r, c), n in self.names.items() if c in run}


@dataclass(frozen=True, slots=True)
class MarkedTable:
    """A table result that displays itself in a notebook as its tables, failing cells marked."""

    html: str

    def _repr_html_(self) -> str:
        return self.html


def _column_index(letters: str) -> int:
    index = 0
    for c in letters:
        index = index * 26 + ord(c) - ord("A") + 1
    return index


def _place(figure_id: str, cell: str | None) -> tuple[int, int] | None:
    if cell is not None and (m := _CELL.match(cell)):
        return int(m.group(2)), _column_index(m.group(1))
    if m := _FRAME.search(figure_id):
        return int(m.group(1)), int(m.group(2))
    return None


def _printed(value: str, decimals: int | None) -> str:
    """A value as the table printed it: a number read with its decimals given shows them."""
    if decimals is None or not re.fullmatch(r"-?[0-9]+(?:\.[0-9]+)?", value):
        return value
    return f"{Decimal(value):.{decimals}f}"


def _sheets(ledger: Ledger) -> list[_Sheet]:
    sheets: dict[str | None, _Sheet] = {}
    for figure in ledger.figures:
        source = figure.source
        place = _place(figure.id, source.cell if source else None)
        if place is None:
            continue
        name = source.sheet if source else None
        sheet = sheets.setdefault(name, _Sheet(name))
        row_name, _, column_name = (figure.label or "").rpartition(" / ")
        sheet.cells[place] = _printed(str(figure.value), figure.decimals)
        sheet.ids[place] = figure.id
        sheet.names[place] = row_name
        sheet.columns.setdefault(place[1], column_name)
    for sheet in sheets.values():
        heads = {r.partition(": ")[0] for r in sheet.names.values()}
        if len(heads) == 1 and all(": " in r for r in sheet.names.values()):
            # one table of several: its figures' labels start with its name
            sheet.name = sheet.name or heads.pop()
            sheet.names = {k: r.partition(": ")[2] for k, r in sheet.names.items()}
    return list(sheets.values())


def _marks(result: Result, locale: str) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Each marked figure's class, and the findings it is named in."""
    marks: dict[str, str] = {}
    notes: dict[str, list[str]] = {}
    for finding in result.findings:
        if finding.severity not in {Severity.ERROR, Severity.WARNING}:
            continue
        kind = "error" if finding.severity == Severity.ERROR else "warning"
        for loc in finding.locations:
            notes.setdefault(loc.figure, []).append(_note(finding, locale))
            cls = f"perfcheck-{kind}-subject" if loc.figure == finding.subject else f"perfcheck-{kind}"
            if _rank(cls) > _rank(marks.get(loc.figure)):
                marks[loc.figure] = cls
    return marks, notes


def _rank(cls: str | None) -> int:
    return -1 if cls is None else len(STYLES) - list(STYLES).index(cls)


def _note(finding: Finding, locale: str) -> str:
    return f"{finding.code}: {finding.text(locale)}"


def marked_table_html(ledger: Ledger, result: Result, *, locale: str | None = None) -> str:
    """The tables of ``ledger`` as HTML, each cell a finding of ``result`` names marked.

    Every text is escaped. Figures that were not read from a table (no cell and no frame
    position) are left out. The findings' messages (shown on hover) are in ``locale``
    (default: the result's).
    """
    marks, notes = _marks(result, locale_of(result, locale))
    parts = ['<div class="perfcheck-tables">']
    for sheet in _sheets(ledger):
        if sheet.name:
            parts.append(f"<p><strong>{html.escape(sheet.name)}</strong></p>")
        runs = sheet.groups()
        names = [sheet.row_names(run) for run in runs]
        parts.append("<table>")
        head = "".join(
            "<th></th>" + "".join(f"<th>{html.escape(sheet.columns[c])}</th>" for c in run) for run in runs
        )
        parts.append(f"<thead><tr>{head}</tr></thead><tbody>")
        for row in sorted({r for r, _ in sheet.cells}):
            cells = []
            for run, named in zip(runs, names, strict=True):
                cells.append(f"<th>{html.escape(named.get(row, ''))}</th>")
                cells.extend(_cell(sheet, row, col, marks, notes) for col in run)
            parts.append(f"<tr>{''.join(cells)}</tr>")
        parts.append("</tbody></table>")
    parts.append("</div>")
    return "\n".join(parts)


def _cell(sheet: _Sheet, row: int, col: int, marks: dict[str, str], notes: dict[str, list[str]]) -> str:
    figure = sheet.ids.get((row, col))
    text = html.escape(sheet.cells.get((row, col), ""))
    cls = marks.get(figure) if figure else None
    if figure is None:
        return f'<td style="text-align: right">{text}</td>'
    if cls is None:
        return f'<td data-figure="{html.escape(figure)}" style="text-align: right">{text}</td>'
    title = html.escape("\n".join(dict.fromkeys(notes[figure])), quote=True)
    style = f"text-align: right; {STYLES[cls]}"
    return (
        f'<td class="{cls}" data-figure="{html.escape(figure)}" title="{title}" style="{style}">{text}</td>'
    )


def marked_table(ledger: Ledger, result: Result, *, locale: str | None = None) -> MarkedTable:
    """The tables of ``ledger`` with the cells ``result`` finds broken marked, for a notebook's display."""
    return MarkedTable(marked_table_html(ledger, result, locale=locale))
