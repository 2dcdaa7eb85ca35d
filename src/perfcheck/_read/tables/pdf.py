"""The tables and the prose of a PDF (pdfplumber: ``pip install 'perfcheck[pdf]'``).

Each table pdfplumber finds (ruled tables: the lines of the grid) is read like a sheet
named ``page 2 table 1``, its cells located in A1 notation from the table's first row.
The text just above a table gives its title and ``单位：万元``. A table printed over
several pages, its header not repeated, is one table: the first table of a page with
no title or unit above it, as wide as the last table of the page before, which had no
text below it, continues that table (a repeated header is left out); a title and unit
printed at the foot of a page (or on a page of their own) go with the untitled table at
the top of the next. Each of its
rows keeps the page it was printed on: ``page 3 table 1``, cells counted from that
page's piece. The text outside the tables, page by page, is the prose, for the text
reader (:mod:`perfcheck._read.report` puts the two together).
"""

from __future__ import annotations

import bisect
import dataclasses
import io
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from perfcheck._core.errors import LedgerError, Problem
from perfcheck._read.tables.cells import TOTAL_LEVELS, is_blank, normalized, number_like
from perfcheck._read.tables.files import BROKEN_FILE, TableOptions, _fail
from perfcheck._read.tables.frame import missing_extra
from perfcheck._read.tables.grid import ReadGrid, grid_table, preamble_unit

#: Lines of text above a table read for its title and unit.
ABOVE_LINES: Final = 3
#: A line that is page furniture, not text: a page number (``3``, ``- 3 -``, ``第3页``, ``3/9``).
_FURNITURE: Final = re.compile(r"^[-—\s]*(?:第\s*)?\d+\s*(?:页)?(?:\s*/\s*\d+)?(?:\s*共\s*\d+\s*页)?[-—\s]*$")
#: A prose line at least this long that reaches the right margin runs on in the next line.
_WRAPPED_LENGTH: Final = 20
#: What ends a sentence, so a line ending with it is not wrapped.
_SENTENCE_ENDS: Final = ("。", "！", "？", "；", "：", ".", ";", ":")
#: A label ending so is a total row: printed centred, not indented.
_TOTALS: Final = tuple(TOTAL_LEVELS)
#: How far (points) a character may lie outside a table's box and still be its cell's.
_SLACK: Final = 1.0


@dataclass(frozen=True, slots=True)
class PdfContents:
    """What a PDF prints: its tables, read as grids, and its prose, page by page.

    Attributes:
        tables: each table with numbers (a table over several pages once).
        pages: per page, the text outside its tables.
    """

    tables: list[ReadGrid]
    pages: list[str]


@dataclass
class _Piece:
    """A table as found on one page."""

    page: int
    number: int
    rows: list[list[object]]
    preamble: list[str]

    @property
    def sheet(self) -> str:
        return f"page {self.page} table {self.number}"

    @property
    def prefix(self) -> str:
        return f"p{self.page}t{self.number}_"


def _lines(text: str) -> list[str]:
    return [s for line in text.splitlines() if (s := line.strip()) and not _FURNITURE.match(s)]


def _says(lines: Sequence[str]) -> bool:
    """Whether lines above a table give it a title or a unit (a new table, not a continuation)."""
    return any(preamble_unit(line) or "表" in line for line in lines)


def pdf_contents(raw: bytes, *, name: str, password: str | None, options: TableOptions) -> PdfContents:
    """The tables and prose of the PDF ``raw``; see the module.

    Raises:
        LedgerError: not a PDF, encrypted (and ``password`` does not open it), or a page
            that cannot be read (the error names the page).
        ModuleNotFoundError: pdfplumber is not installed.
    """
    try:
        import pdfplumber  # noqa: PLC0415 - optional: perfcheck[pdf]
        from pdfminer.pdfdocument import PDFPasswordIncorrect  # noqa: PLC0415 - optional: perfcheck[pdf]
        from pdfminer.pdfparser import PDFSyntaxError  # noqa: PLC0415 - optional: perfcheck[pdf]
        from pdfplumber.utils.exceptions import (  # noqa: PLC0415 - optional: perfcheck[pdf]
            MalformedPDFException,
            PdfminerException,
        )
    except ModuleNotFoundError as exc:
        raise missing_extra("pdfplumber", "pdf", "reading .pdf") from exc
    if not raw.lstrip().startswith(b"%PDF"):
        msg = f"{name}: not a PDF file"
        raise _fail(msg)
    broken = (PDFSyntaxError, MalformedPDFException, *BROKEN_FILE)
    pieces: list[_Piece] = []
    pages: list[str] = []
    where = name
    try:
        with pdfplumber.open(io.BytesIO(raw), password=password or "") as pdf:
            for page_no, page in enumerate(pdf.pages, 1):
                where = f"{name}: page {page_no}"
                found, prose = _page(page, page_no)
                pieces.extend(found)
                pages.append(prose)
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFPasswordIncorrect):
            msg = f"{name}: an encrypted PDF: give password= to read it"
        else:
            msg = f"{where}: not a readable PDF ({type(cause).__name__}: {cause})"
        raise _fail(msg) from None
    except broken as exc:
        msg = f"{where}: not a readable PDF ({type(exc).__name__}: {exc})"
        raise LedgerError(msg, [Problem((), msg)]) from None
    tables = [_grid(run, name, options) for run in _joined(pieces)]
    return PdfContents([t for t in tables if t is not None], pages)


def _page(page: Any, page_no: int) -> tuple[list[_Piece], str]:  # noqa: ANN401 - a pdfplumber page
    """The tables of one page, each with the lines printed above it, and the page's prose."""
    found = sorted(page.find_tables(), key=lambda t: t.bbox[1])
    boxes = [t.bbox for t in found]

    def outside(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") != "char":
            return True
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(
            b[0] - _SLACK <= x <= b[2] + _SLACK and b[1] - _SLACK <= y <= b[3] + _SLACK for b in boxes
        )

    prose = page.filter(outside)
    left, first, right, last = page.bbox

    def between(top: float, bottom: float) -> list[str]:
        """The lines of prose printed between two heights of the page."""
        top, bottom = max(top, first), min(bottom, last)
        if bottom - top < 1:
            return []
        return _lines(prose.crop((left, top, right, bottom)).extract_text() or "")

    pieces = []
    top = first
    for number, table in enumerate(found, 1):
        pieces.append(_Piece(page_no, number, _indented(page, table), between(top, table.bbox[1])))
        top = table.bbox[3]
    below = between(top, last)
    if below:
        pieces.append(_Piece(page_no, 0, [], below))  # text after the last table (or on a page of none)
    return pieces, _unwrapped(prose.extract_text_lines())


def _unwrapped(lines: list[dict[str, Any]]) -> str:
    """The lines of a page's prose, a line wrapped at the right margin joined to the next.

    A paragraph's lines run to the right margin and its last line stops short; a number
    wrapped away from its unit (``12.60`` / ``万元``) is one again.
    """
    if not lines:
        return ""
    right = max(line["x1"] for line in lines)
    out = []
    for k, line in enumerate(lines):
        text = line["text"]
        size = max(line["x1"] - line["x0"], 1) / max(len(text), 1)
        wrapped = (
            k + 1 < len(lines)
            and len(text) >= _WRAPPED_LENGTH
            and line["x1"] >= right - 2 * size
            and not text.endswith(_SENTENCE_ENDS)
        )
        out.append(text if wrapped else f"{text}\n")
    return "".join(out).rstrip("\n")


def _indented(page: Any, table: Any) -> list[list[object]]:  # noqa: ANN401 - pdfplumber's page and table
    """The table's cells as text, a label keeping its indentation.

    pdfplumber strips a cell's text. A label indented with spaces (``\u3000\u3000公用经费``)
    prints them as characters, which are put back. A label indented by its position alone
    (a spreadsheet's cell indent, printed) starts further right than the labels of its
    column that are flush left: each character's width further is a full-width space. A
    column whose labels are not mostly flush left (centred) and a 合计 row are left as they are.
    """
    rows: list[list[object]] = [
        [None if c is None else c.replace("\n", "") for c in row] for row in table.extract()
    ]
    chars = sorted(page.chars, key=lambda c: (c["top"] + c["bottom"]) / 2)
    middles = [(c["top"] + c["bottom"]) / 2 for c in chars]
    #: per column, the labels printed with no space before them: (row, offset, character width)
    placed: dict[int, list[tuple[int, float, float]]] = {}
    for r, row in enumerate(table.rows):
        top, bottom = row.bbox[1], row.bbox[3]
        band = chars[bisect.bisect_left(middles, top) : bisect.bisect_right(middles, bottom)]
        for k, box in enumerate(row.cells):
            text = rows[r][k] if k < len(rows[r]) else None
            if box is None or not isinstance(text, str) or not text or number_like(text):
                continue
            inside = [c for c in band if box[0] - _SLACK <= c["x0"] <= box[2]]
            start = min((c for c in inside if not c["text"].isspace()), key=lambda c: c["x0"], default=None)
            if start is None:
                continue
            lead = sorted(
                (c for c in inside if c["text"].isspace() and c["x0"] < start["x0"]), key=lambda c: c["x0"]
            )
            if lead:
                rows[r][k] = "".join(c["text"] for c in lead) + text
            else:
                placed.setdefault(k, []).append((r, start["x0"] - box[0], start["x1"] - start["x0"]))
    for k, cells in placed.items():
        width = statistics.median(w for _, _, w in cells)
        base = min(offset for _, offset, _ in cells)
        flush = sum(1 for _, offset, _ in cells if offset - base < width / 2)
        if width <= 0 or flush * 2 <= len(cells):
            continue
        for r, offset, _ in cells:
            steps = round((offset - base) / width)
            text = str(rows[r][k])
            if steps > 0 and not normalized(text).endswith(_TOTALS):
                rows[r][k] = "\u3000" * steps + text
    return rows


def _joined(pieces: list[_Piece]) -> list[list[_Piece]]:
    """The pieces in runs, one run a table: see the module."""
    runs: list[list[_Piece]] = []
    #: the run the next page's first table may continue (its last piece ended its page)
    running: list[_Piece] | None = None
    #: a title and unit printed below the last table of a page, for the next page's first table
    foot: tuple[int, list[str]] | None = None
    for piece in pieces:
        if piece.number == 0:  # the text below a page's last table, or of a page without one
            running = None
            foot = (piece.page, piece.preamble) if _says(piece.preamble) else None
            continue
        untitled = piece.number == 1 and not _says(piece.preamble)
        if (
            untitled
            and running is not None
            and running[-1].page == piece.page - 1
            and piece.rows
            and len(piece.rows[0]) == len(running[0].rows[0])
        ):
            running.append(_without_header(piece, running[0]))
        else:
            titled = piece
            if untitled and foot is not None and foot[0] == piece.page - 1:
                titled = dataclasses.replace(piece, preamble=foot[1])
            runs.append([titled])
            running = runs[-1]
        foot = None
    return runs


def _without_header(piece: _Piece, first: _Piece) -> _Piece:
    """A continuation with the header rows it repeats from the table's first piece blanked."""
    head = [row for row in first.rows if not any(number_like(c) for c in row if not is_blank(c))]
    rows = [list(r) for r in piece.rows]
    k = 0
    while k < len(rows) and k < len(head) and rows[k] == head[k]:
        rows[k] = [None] * len(rows[k])
        k += 1
    return dataclasses.replace(piece, rows=rows)


def _grid(run: list[_Piece], name: str, options: TableOptions) -> ReadGrid | None:
    """One table from its pieces, each row placed on its page; None when it holds no number."""
    if not any(number_like(c) for p in run for row in p.rows for c in row if not is_blank(c)):
        return None
    first = run[0]
    lines = first.preamble[-ABOVE_LINES:]
    unit = next((u for line in lines if (u := preamble_unit(line))), None)
    titles = [line for line in lines if preamble_unit(line) is None]
    preamble: list[list[object]] = [[line] for line in titles[-1:]]
    if unit is not None:
        preamble.append([f"单位：{unit}"])
    grid: list[list[object]] = list(preamble)
    places: list[tuple[str, str, int]] = [
        (first.sheet, first.prefix, 1 - len(preamble) + i) for i in range(len(preamble))
    ]
    for piece in run:
        kept = [
            (i, row)
            for i, row in enumerate(piece.rows, 1)
            if any(not is_blank(c) for c in row) or piece is first
        ]
        grid += [row for _, row in kept]
        places += [(piece.sheet, piece.prefix, i) for i, _ in kept]
    read = grid_table(
        grid,
        name=name,
        sheet=first.sheet,
        prefix=first.prefix,
        first_row=1 - len(preamble),
        header_rows=options.get("header_rows"),
        fill_headers=True,
    )
    if len(run) == 1:
        return read
    body = places[len(places) - len(read.table.rows or ()) :]
    table = dataclasses.replace(
        read.table, rows=[n for _, _, n in body], places=[(sheet, prefix) for sheet, prefix, _ in body]
    )
    return ReadGrid(table, read.unit, read.title)
