"""Table files to ledgers: CSV (standard library), xlsx (openpyxl) and HTML (standard library).

Each reader is ``(source, *, name, limits, **options) -> Ledger``: ``source`` is a path
or the file's bytes, ``name`` what errors call it (the path by default), and the
options those of :func:`perfcheck.from_frame`. Every number of every table becomes a
figure whose ``source`` names its sheet (or table) and cell; a file that cannot be
read is a :class:`~perfcheck.LedgerError` naming the file, sheet and cell.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import os
import re
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Final, TypedDict, Unpack
from xml.etree.ElementTree import ParseError

from perfcheck._core.errors import LedgerError, Problem
from perfcheck._core.limits import DEFAULT_LIMITS, Limits
from perfcheck._ledger.document import Ledger, read_bytes
from perfcheck._read.tables.cells import is_blank, number_like
from perfcheck._read.tables.frame import missing_extra
from perfcheck._read.tables.grid import ReadGrid, grid_table, preamble_unit
from perfcheck._read.tables.table import Options, Table, tables_ledger

#: What a parser raises on a broken file (a damaged zip, XML that does not parse, a missing part).
BROKEN_FILE: Final = (
    zipfile.BadZipFile,
    ParseError,
    # openpyxl parses with lxml where it is installed (perfcheck[xbrl] brings it), and
    # lxml's XMLSyntaxError is a SyntaxError
    SyntaxError,
    KeyError,
    IndexError,
    AttributeError,
    ValueError,
    TypeError,
    OSError,
    EOFError,
)
#: The first bytes of an OLE2 compound file: a legacy .xls, or an encrypted .xlsx.
OLE2_MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class TableOptions(TypedDict, total=False):
    """What the caller says about the tables of a file (see :func:`perfcheck.from_frame`)."""

    label: str
    code: str
    columns: Sequence[str]
    unit: str
    decimals: int | Mapping[str, int]
    formulas: Mapping[str, str]
    infer: bool
    header_rows: int
    parent: str
    prose: Ledger


def _fail(message: str) -> LedgerError:
    return LedgerError(message, [Problem((), message)])


def _raw(source: str | os.PathLike[str] | bytes, name: str | None, limits: Limits) -> tuple[bytes, str]:
    if isinstance(source, bytes):
        if len(source) > limits.max_bytes:
            limit = limits.max_bytes
            msg = (
                f"{name or '<bytes>'}: {len(source)} bytes, more than the limit of {limit} (Limits.max_bytes)"
            )
            raise _fail(msg)
        return source, name or "<bytes>"
    path = Path(source)
    return read_bytes(path, limits), name or str(path)


def _ledger(
    reads: list[ReadGrid],
    name: str,
    options: TableOptions,
    limits: Limits,
    prose: Mapping[str, Any] | None = None,
) -> Ledger:
    opts = Options(
        options.get("label"),
        options.get("code"),
        options.get("columns"),
        options.get("unit"),
        options.get("decimals"),
        dict(options.get("formulas") or {}),
        options.get("infer", True),
        options.get("parent"),
    )
    tables: list[Table] = [r.table for r in reads]
    if not tables:
        msg = f"{name}: no table in the file"
        raise _fail(msg)
    title = next((r.title for r in reads if r.title), None)
    return tables_ledger(tables, opts, title=title, limits=limits, prose=options.get("prose", prose))


def read_grid(  # noqa: PLR0913 - where the grid comes from, keyword-only
    grid: list[list[object]],
    *,
    name: str,
    sheet: str,
    prefix: str = "",
    first_row: int = 1,
    limits: Limits = DEFAULT_LIMITS,
    unit: str | None = None,
) -> Ledger:
    """The ledger of one table given as rows of cells (a table printed in a report's text).

    ``unit`` is the unit of amounts when the table names none (the text around it says it).

    Raises:
        LedgerError: the grid is no table perfcheck can read (no unit, no numbers).
    """
    read = grid_table(grid, name=name, sheet=sheet, prefix=prefix, first_row=first_row, fill_headers=False)
    return _ledger([read], name, {"unit": unit} if unit else {}, limits)


# -- CSV -------------------------------------------------------------------------


def decode(raw: bytes, name: str, encoding: str | None = None) -> str:
    """The text of a file: UTF-8 (with or without BOM), else GB18030 as Chinese spreadsheets save it.

    Raises:
        LedgerError: the bytes are neither.
    """
    for enc in [encoding] if encoding else ["utf-8-sig", "gb18030"]:
        try:
            return raw.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    msg = f"{name}: not {encoding or 'UTF-8 or GB18030'} text"
    raise _fail(msg)


def read_csv(
    source: str | os.PathLike[str] | bytes | Sequence[str | os.PathLike[str]],
    *,
    name: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    encoding: str | None = None,
    **options: Unpack[TableOptions],
) -> Ledger:
    """The ledger of a CSV file (comma, tab or semicolon separated; UTF-8 or GB18030).

    Cells are located in A1 notation as a spreadsheet shows the file (line 1 is row 1).
    A folder, or a list of paths, is read as one set of tables (a disclosure's tables
    saved one file each): every ``.csv`` file of the folder in name order, each a sheet
    named by its file, with ids starting ``s1_``, ``s2_``, ... as a workbook's sheets.

    Raises:
        LedgerError: a file cannot be read, is empty or holds no number; a folder holds no CSV file.
    """
    if not isinstance(source, (str, bytes, os.PathLike)):
        return _csv_files([Path(p) for p in source], name, limits, encoding, options)
    if not isinstance(source, bytes) and Path(source).is_dir():
        folder = Path(source)
        files = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".csv" and p.is_file())
        if not files:
            msg = f"{name or folder}: a folder with no .csv file"
            raise _fail(msg)
        return _csv_files(files, name or str(folder), limits, encoding, options)
    raw, name = _raw(source, name, limits)
    read = _csv_grid(raw, name, encoding, options)
    return _ledger([read], name, options, limits)


def _csv_grid(  # noqa: PLR0913 - where the file comes from, keyword-only
    raw: bytes,
    name: str,
    encoding: str | None,
    options: TableOptions,
    *,
    sheet: str | None = None,
    prefix: str = "",
) -> ReadGrid:
    text = decode(raw, name, encoding)
    if not text.strip():
        msg = f"{name}: empty file"
        raise _fail(msg)
    sample = text[:8192]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        rows = list(reader)
    except csv.Error as exc:
        msg = f"{name}:{reader.line_num}: not CSV: {exc}"
        raise _fail(msg) from None
    return grid_table(
        rows, name=name, sheet=sheet, prefix=prefix, header_rows=options.get("header_rows"), fill_headers=True
    )


def _csv_files(
    files: list[Path], name: str | None, limits: Limits, encoding: str | None, options: TableOptions
) -> Ledger:
    """Several CSV files as the sheets of one set of tables."""
    if not files:
        msg = f"{name or '<csv files>'}: no file given"
        raise _fail(msg)
    reads = []
    for index, path in enumerate(files, 1):
        raw, file_name = _raw(path, None, limits)
        prefix = f"s{index}_" if len(files) > 1 else ""
        reads.append(_csv_grid(raw, file_name, encoding, options, sheet=path.stem, prefix=prefix))
    return _ledger(reads, name or str(files[0].parent), options, limits)


# -- xlsx ------------------------------------------------------------------------

_QUOTED: Final = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')


def format_decimals(number_format: str) -> tuple[int, bool] | None:
    """Decimals a number format prints, and whether it shows a percentage; None for General or text.

    >>> format_decimals("#,##0.00"), format_decimals("0.0%"), format_decimals("0"), format_decimals("General")
    ((2, False), (1, True), (0, False), None)
    >>> format_decimals('#,##0.00_);[Red](#,##0.00)'), format_decimals("@")
    ((2, False), None)
    """
    section = _QUOTED.sub("", number_format.split(";", maxsplit=1)[0])
    if not any(c in section for c in "0#?"):
        return None
    percent = "%" in section
    digits = re.search(
        r"[0#?,]*(?:\.([0#?]*))?", section[next(i for i, c in enumerate(section) if c in "0#?.") :]
    )
    places = len(digits.group(1) or "") if digits else 0
    return places, percent


def _excel_value(value: object, number_format: str) -> tuple[object, int | None]:  # noqa: PLR0911
    """A cell's value as printed, and the decimals its number format prints."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value, None
    shown = format_decimals(number_format or "General")
    if shown is None:
        # General: Excel shows the shortest decimal form, up to 11 characters
        if isinstance(value, int):
            return value, 0
        text = repr(value)
        if "e" in text or len(text.lstrip("-")) > 11:
            return value, None  # a float whose printed form is not known: decimals= decides
        exact = Decimal(text)
        exponent = exact.as_tuple().exponent
        return exact, max(-exponent, 0) if isinstance(exponent, int) else None
    places, percent = shown
    if percent:
        # 0.985 shown as 98.5%: the figure is the percentage
        try:
            scaled = (Decimal(repr(value)) * 100).quantize(Decimal(1).scaleb(-places))
        except InvalidOperation:
            return value, None
        return f"{scaled:f}%", None
    return value, places


def read_xlsx(
    source: str | os.PathLike[str] | bytes,
    *,
    name: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    **options: Unpack[TableOptions],
) -> Ledger:
    """The ledger of every sheet of an xlsx workbook (openpyxl: ``pip install 'perfcheck[excel]'``).

    A cell holding a number is printed as its number format shows it (``#,##0.00``
    prints 2 decimals, ``0.0%`` a percentage with 1); General shows the shortest
    form, as Excel does. Formulas are read as the values Excel last computed; a
    workbook never opened in Excel has none, and those cells count as blank. Merged
    header cells name every column they span. Figures are located by sheet and cell;
    with more than one sheet, ids start ``s1_``, ``s2_``, ...

    Raises:
        LedgerError: the file is not an xlsx workbook (or is encrypted), or holds no number.
        ModuleNotFoundError: openpyxl is not installed.
    """
    try:
        import openpyxl  # type: ignore[import-untyped,unused-ignore]  # noqa: PLC0415 - optional: perfcheck[excel]
    except ModuleNotFoundError as exc:
        raise missing_extra("openpyxl", "excel", "reading .xlsx") from exc
    raw, name = _raw(source, name, limits)
    if raw.startswith(OLE2_MAGIC):
        msg = f"{name}: an encrypted workbook or a legacy .xls file: save it as .xlsx without a password"
        raise _fail(msg)
    _check_unpacked(raw, name, limits)
    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), data_only=True)
    except (*BROKEN_FILE, openpyxl.utils.exceptions.InvalidFileException) as exc:
        msg = f"{name}: not an xlsx workbook ({type(exc).__name__}: {exc})"
        raise _fail(msg) from None
    sheets = [
        ws for ws in book.worksheets if ws.max_row > 1 or ws.max_column > 1 or ws["A1"].value is not None
    ]
    reads: list[ReadGrid] = []
    problems: list[Problem] = []
    for index, ws in enumerate(book.worksheets, 1):
        if ws not in sheets:
            continue
        grid, decimals, indents = _sheet_grid(ws)
        if not any(number_like(v) for row in grid for v in row):
            problems.append(Problem((), f"{name}: sheet {ws.title!r} has no number"))
            continue
        prefix = f"s{index}_" if len(sheets) > 1 else ""
        read = grid_table(
            grid,
            name=name,
            sheet=ws.title,
            prefix=prefix,
            decimals=decimals,
            indents=indents,
            header_rows=options.get("header_rows"),
            fill_headers=False,
        )
        reads.append(read)
    if not reads:
        detail = "; ".join(p.message for p in problems) or f"{name}: no sheet has cells"
        msg = f"{name}: no table with numbers ({detail})"
        raise LedgerError(msg, problems or [Problem((), detail)])
    return _ledger(reads, name, options, limits)


def _check_unpacked(raw: bytes, name: str, limits: Limits) -> None:
    """Refuse a workbook whose parts unpack to more than ``limits.max_bytes`` (a zip bomb)."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as book:
            size = sum(item.file_size for item in book.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        msg = f"{name}: not an xlsx workbook ({type(exc).__name__}: {exc})"
        raise _fail(msg) from None
    if size > limits.max_bytes:
        limit = f"the limit of {limits.max_bytes} (Limits.max_bytes)"
        msg = f"{name}: unpacks to {size} bytes, more than {limit}"
        raise _fail(msg)


def _sheet_grid(ws: Any) -> tuple[list[list[object]], list[list[int | None]], list[list[int | None]]]:  # noqa: ANN401 - an openpyxl sheet
    """A sheet's cells as printed, the decimals their formats print, and their indent levels."""
    grid: list[list[object]] = []
    decimals: list[list[int | None]] = []
    indents: list[list[int | None]] = []
    for row in ws.iter_rows(min_row=1, min_col=1):
        values: list[object] = []
        places: list[int | None] = []
        levels: list[int | None] = []
        for cell in row:
            value, shown = _excel_value(cell.value, cell.number_format)
            values.append(value)
            places.append(shown)
            indent = cell.alignment.indent if isinstance(value, str) and cell.has_style else 0
            levels.append(int(indent or 0))
        grid.append(values)
        decimals.append(places)
        indents.append(levels)
    for merged in ws.merged_cells.ranges:
        top = grid[merged.min_row - 1][merged.min_col - 1]
        if not isinstance(top, str) or number_like(top):
            continue  # a merged number is printed once
        for r in range(merged.min_row - 1, merged.max_row):
            for c in range(merged.min_col - 1, merged.max_col):
                grid[r][c] = top
    return grid, decimals, indents


# -- HTML ------------------------------------------------------------------------


class _Tables(HTMLParser):
    """Every ``<table>`` of a page as rows of (text, colspan, rowspan); nested tables are their own.

    The text printed between the previous table and a table is kept with it: pages
    print ``单位：万元`` there.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[tuple[str | None, list[list[tuple[str, int, int]]], str]] = []
        self.stack: list[tuple[list[str], list[list[tuple[str, int, int]]], str]] = []
        self.outside: list[str] = []
        self.cell: list[str] | None = None
        self.span = (1, 1)
        self.caption: list[str] | None = None

    @staticmethod
    def _span(attrs: list[tuple[str, str | None]], key: str) -> int:
        value = dict(attrs).get(key) or "1"
        try:
            return max(1, min(int(value.strip()), 1000))
        except ValueError:
            return 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            before = "" if self.stack else "\n".join(self.outside)
            self.outside = []
            self.stack.append(([], [], before))
            self.cell = None
        elif tag == "tr" and self.stack:
            self.stack[-1][1].append([])
        elif tag in {"td", "th"} and self.stack:
            if not self.stack[-1][1]:
                self.stack[-1][1].append([])
            self.cell = []
            self.span = (self._span(attrs, "colspan"), self._span(attrs, "rowspan"))
        elif tag == "caption" and self.stack:
            self.caption = []
        elif tag == "br" and self.cell is not None:
            self.cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"td", "th"}:
            self._close_cell()
        elif tag == "caption" and self.caption is not None and self.stack:
            self.stack[-1][0].extend(self.caption)
            self.caption = None
        elif tag == "table" and self.stack:
            self._close_cell()
            caption, rows, before = self.stack.pop()
            self.tables.append(("".join(caption).strip() or None, rows, before))

    def _close_cell(self) -> None:
        if self.cell is not None and self.stack:
            raw = "".join(self.cell)
            text = re.sub(r"\s+", " ", raw).strip()
            # a label indented with full-width or no-break spaces keeps its indentation
            lead = re.match(r"[ \t\r\n]*([\u3000\xa0]*)", raw)
            if text and lead is not None:
                text = lead.group(1) + text
            self.stack[-1][1][-1].append((text, *self.span))
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.caption is not None:
            self.caption.append(data)
        elif self.cell is not None:
            self.cell.append(data)
        elif not self.stack:
            self.outside.append(data)


def _expand(rows: list[list[tuple[str, int, int]]]) -> list[list[object]]:
    """Rows of cells with each merged cell's text in every place it spans (a number only once)."""
    grid: dict[tuple[int, int], object] = {}
    for r, row in enumerate(rows):
        c = 0
        for text, colspan, rowspan in row:
            while (r, c) in grid:
                c += 1
            repeat = not number_like(text)
            for dr in range(rowspan):
                for dc in range(colspan):
                    grid[r + dr, c + dc] = text if repeat or (dr, dc) == (0, 0) else None
            c += colspan
    height = max((r for r, _ in grid), default=-1) + 1
    width = max((c for _, c in grid), default=-1) + 1
    return [[grid.get((r, c)) for c in range(width)] for r in range(height)]


def iter_html_tables(text: str) -> Iterator[tuple[str | None, list[list[object]], str | None, str | None]]:
    """Each table of an HTML page: its caption, its cells (merged cells expanded), its unit and title.

    The unit is the one printed just above the table (``<p>单位：万元</p>``) or in its caption;
    the title is its caption, else the last line above it (after the previous table)
    that names a table (``<h2>收入支出决算总表</h2>``).
    """
    parser = _Tables()
    parser.feed(text)
    parser.close()
    for caption, rows, before in parser.tables:
        unit = preamble_unit(before) or (preamble_unit(caption) if caption else None)
        lines = [line.strip() for line in before.splitlines() if line.strip() and not preamble_unit(line)]
        title = caption or next((line for line in reversed(lines) if "表" in line), None)
        yield caption, _expand(rows), unit, title


def read_html(
    source: str | os.PathLike[str] | bytes,
    *,
    name: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    encoding: str | None = None,
    **options: Unpack[TableOptions],
) -> Ledger:
    """The ledger of every ``<table>`` of an HTML page that holds numbers (standard library parser).

    ``colspan`` and ``rowspan`` header cells name every column they span. Each table
    is a sheet named by its ``<caption>`` (else ``table 1``, ``table 2``, ...), its cells
    located in A1 notation from its first row; with more than one table, ids start
    ``t1_``, ``t2_``, ...

    Raises:
        LedgerError: the page cannot be decoded or has no table with numbers.
    """
    raw, name = _raw(source, name, limits)
    text = decode(raw, name, encoding)
    tables = list(iter_html_tables(text))
    found = [
        (i, caption, grid)
        for i, (caption, grid, _, _) in enumerate(tables, 1)
        if any(number_like(v) for row in grid for v in row if not is_blank(v))
    ]
    if not found:
        msg = f"{name}: no <table> with numbers"
        raise _fail(msg)
    printed = {tables[i - 1][2] for i, _, _ in found}
    if "unit" not in options and len(printed) == 1 and None not in printed:
        options = {**options, "unit": printed.pop()}  # type: ignore[typeddict-item]
    reads = []
    for i, caption, grid in found:
        read = grid_table(
            grid,
            name=name,
            sheet=caption or f"table {i}",
            prefix=f"t{i}_" if len(found) > 1 else "",
            header_rows=options.get("header_rows"),
            fill_headers=False,
        )
        title = tables[i - 1][3]
        if read.table.title is None and title is not None:
            read = ReadGrid(dataclasses.replace(read.table, title=title), read.unit, read.title or title)
        reads.append(read)
    return _ledger(reads, name, options, limits)
