"""The tables of a PDF to a ledger (pdfplumber: ``pip install 'perfcheck[pdf]'``).

Each table pdfplumber finds (ruled tables: the lines of the grid) is read like a sheet
named ``page 2 table 1``, its cells located in A1 notation from the table's first row.
The text just above a table gives its title and ``单位：万元``. The prose between the
tables is not read here: that is the text reader's work.
"""

from __future__ import annotations

import io
import os
from typing import Any, Unpack

from perfcheck._core.errors import LedgerError, Problem
from perfcheck._core.limits import DEFAULT_LIMITS, Limits
from perfcheck._ledger.document import Ledger
from perfcheck._read.tables.cells import is_blank, number_like
from perfcheck._read.tables.files import BROKEN_FILE, TableOptions, _fail, _ledger, _raw
from perfcheck._read.tables.frame import missing_extra
from perfcheck._read.tables.grid import ReadGrid, grid_table, preamble_unit

#: Lines of text above a table read for its title and unit.
ABOVE_LINES = 3


def read_pdf(
    source: str | os.PathLike[str] | bytes,
    *,
    name: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    password: str | None = None,
    **options: Unpack[TableOptions],
) -> Ledger:
    """The ledger of every ruled table of a PDF that holds numbers.

    Raises:
        LedgerError: the file is not a PDF, is encrypted (and ``password`` does not
            open it), or has no table with numbers.
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
    raw, name = _raw(source, name, limits)
    if not raw.lstrip().startswith(b"%PDF"):
        msg = f"{name}: not a PDF file"
        raise _fail(msg)
    reads: list[ReadGrid] = []
    try:
        with pdfplumber.open(io.BytesIO(raw), password=password or "") as pdf:
            for page_no, page in enumerate(pdf.pages, 1):
                reads.extend(_page_tables(page, page_no, name, options))
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFPasswordIncorrect):
            msg = f"{name}: an encrypted PDF: give password= to read it"
        else:
            msg = f"{name}: not a readable PDF ({type(cause).__name__}: {cause})"
        raise _fail(msg) from None
    except (PDFSyntaxError, MalformedPDFException, *BROKEN_FILE) as exc:
        msg = f"{name}: not a readable PDF ({type(exc).__name__}: {exc})"
        raise LedgerError(msg, [Problem((), msg)]) from None
    if not reads:
        msg = f"{name}: no table with numbers (only ruled tables are read)"
        raise _fail(msg)
    return _ledger(reads, name, options, limits)


def _page_tables(page: Any, page_no: int, name: str, options: TableOptions) -> list[ReadGrid]:  # noqa: ANN401 - a pdfplumber page
    out = []
    for t_no, found in enumerate(page.find_tables(), 1):
        grid = [[None if c is None else c.replace("\n", "") for c in row] for row in found.extract()]
        if not any(number_like(c) for row in grid for c in row if not is_blank(c)):
            continue
        above = page.crop((0, 0, page.width, max(found.bbox[1], 1))).extract_text() or ""
        lines = [line.strip() for line in above.splitlines() if line.strip()][-ABOVE_LINES:]
        unit = next((u for line in lines if (u := preamble_unit(line))), None)
        titles = [line for line in lines if preamble_unit(line) is None]
        preamble: list[list[object]] = [[line] for line in titles[-1:]]
        if unit is not None:
            preamble.append([f"单位：{unit}"])
        read = grid_table(
            [*preamble, *grid],
            name=name,
            sheet=f"page {page_no} table {t_no}",
            prefix=f"p{page_no}t{t_no}_",
            first_row=1 - len(preamble),
            header_rows=options.get("header_rows"),
            fill_headers=True,
        )
        out.append(read)
    return out
