"""A report printed as prose and tables (a PDF): the text to the text reader, the tables to the table reader.

:func:`read_pdf` reads every ruled table of a PDF with the table reader
(:mod:`perfcheck._read.tables.pdf`: a table over several pages is one table) and the
text outside them, page by page, with the text reader (:func:`perfcheck.extract`); the
figures and relations of both make one ledger, with the identities of the disclosure
set between them (the 三公 figures the prose states = the 三公 table's cells).
A figure of the prose is located by its page (``source.sheet`` ``page 2``) and line.
"""

from __future__ import annotations

import os
import re
from typing import Any, Final, Unpack

from perfcheck._core.limits import DEFAULT_LIMITS, Limits
from perfcheck._ledger.document import Ledger, validate
from perfcheck._read.tables.files import TableOptions, _fail, _ledger, _raw
from perfcheck._read.tables.pdf import pdf_contents
from perfcheck._read.text.extract import extract

#: A digit: text without one states no figure.
_DIGIT: Final = re.compile(r"[0-9０-９]")
#: What ends a clause: the year a figure is of is named in its own.
_CLAUSE: Final = re.compile(r"[，,。；;：:\n]")
#: A year (2022年, 2022年度).
_YEAR: Final = re.compile(r"((?:19|20)\d{2})年")


def read_pdf(
    source: str | os.PathLike[str] | bytes,
    *,
    name: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    password: str | None = None,
    **options: Unpack[TableOptions],
) -> Ledger:
    """The ledger of a PDF report: its ruled tables with numbers and the figures its prose states.

    Raises:
        LedgerError: the file is not a PDF, is encrypted (and ``password`` does not
            open it), has a page that cannot be read (the message names it), or has
            neither a table with numbers nor a number in its text.
        ModuleNotFoundError: pdfplumber is not installed.
    """
    raw, name = _raw(source, name, limits)
    contents = pdf_contents(raw, name=name, password=password, options=options)
    prose = prose_document(contents.pages, name=name, unit=options.get("unit"))
    if not contents.tables:
        if prose is None or not prose.get("figures"):
            msg = f"{name}: no table with numbers (only ruled tables are read) and no number in its text"
            raise _fail(msg)
        return validate(prose, name=name, limits=limits)
    return _ledger(contents.tables, name, options, limits, prose=prose)


def prose_document(pages: list[str], *, name: str, unit: str | None = None) -> dict[str, Any] | None:
    """The text reader's document of a PDF's prose, each figure located by its page; None without digits."""
    if not any(_DIGIT.search(page) for page in pages):
        return None
    text = "\n".join(pages)
    document = extract(text, name=name, unit=unit).ledger.to_dict()
    first_lines = []  # the line each page starts at
    line = 1
    for page in pages:
        first_lines.append(line)
        line += page.count("\n") + 1
    period = document.get("period")
    other_years = []
    for figure in document.get("figures", []):
        source = figure.get("source")
        if isinstance(source, dict) and isinstance(source.get("line"), int):
            page_no = sum(1 for start in first_lines if start <= source["line"])
            figure["source"] = {**source, "sheet": f"page {page_no}"}
        if isinstance(source, dict) and isinstance(source.get("start"), int) and period:
            year = stated_year(text, source["start"])
            if year is not None and year != period:
                other_years.append(figure["id"])
    if other_years:
        document["other_years"] = other_years
    return document


def stated_year(text: str, start: int) -> str | None:
    """The year the clause before ``start`` names, if any (2022年“三公”经费支出决算为…).

    >>> stated_year("2023年度支出决算为16.72万元，2022年支出决算为18.00万元。", 35)
    '2022'
    >>> stated_year("支出决算为16.72万元。", 5) is None
    True
    """
    clause = _CLAUSE.split(text[:start])[-1]
    years = _YEAR.findall(clause)
    return years[-1] if years else None
