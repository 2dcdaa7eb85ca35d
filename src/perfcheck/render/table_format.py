"""Findings as a table: plain text for a terminal, markdown (GitHub's), or HTML, as tabulate prints them.

The ``table``, ``markdown`` and ``html`` formats of ``perfcheck check``: a table of
findings (code, severity, relation, where, message) and a summary line, with an
``acknowledged`` column when a baseline is in use; one table a document.

>>> import perfcheck
>>> result = perfcheck.check("examples/seed-with-mistakes.json", select=["PC102"])
>>> print(table(result, locale="zh_CN").splitlines()[0])
代码     严重程度    关系           位置                       说明
"""

from __future__ import annotations

import html
import re
import textwrap
from bisect import bisect_right
from functools import cache, lru_cache
from importlib.util import find_spec
from itertools import accumulate
from typing import TYPE_CHECKING, Final, Literal

from perfcheck._core.i18n import N_, Messages
from perfcheck.render._common import (
    HEADERS,
    WRAP,
    Checked,
    covered,
    locale_of,
    not_read_lines,
    summary,
    table_rows,
    words,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from perfcheck._findings.result import Reported

TableFormat = Literal["table", "markdown", "html"]
#: tabulate's name of each table format.
TABLEFMT: Final[dict[str, str]] = {"table": "simple", "markdown": "github", "html": "html"}


def table(result: Reported, fmt_name: TableFormat = "table", *, locale: str | None = None) -> str:
    """The findings as a table, followed by a summary line, in ``locale`` (default: the result's).

    After the summary, a line for each part of the source the reader could not read
    (a table printed in a report's text whose layout it did not know): what, where, why.

    Raises:
        ValueError: no messages for ``locale``.
    """
    loc = locale_of(result, locale)
    body = ""
    if result.findings:
        data, headers, widths = _columns(result, loc, fmt_name)
        body = _tabulate(data, headers, fmt_name, widths)
    return _with_summary(body, covered(result, loc), fmt_name, not_read_lines(result.coverage, loc))


def _tabulate(
    data: list[tuple[str, ...]],
    headers: tuple[str, ...],
    fmt_name: TableFormat,
    widths: list[int | None] | None,
) -> str:
    """The table tabulate prints of ``data``, cells wrapped at ``widths`` as ``maxcolwidths`` wraps them.

    tabulate measures every piece of every cell it wraps with an escape-code scan and
    ``wcwidth``; at a thousand findings that was most of the table's time. The cells are
    wrapped here instead, the same way, with a cheaper measure of the same width; a cell
    this does not wrap the same way for certain (a number, a control or escape
    character, a space other than U+0020) leaves the whole table to tabulate.
    """
    if widths is not None:
        wrapped = _wrapped(data, widths)
        if wrapped is not None:
            if fmt_name == "table" and all(
                _plain(cell) for row in data for cell, w in zip(row, widths, strict=False) if w is None
            ):
                return _simple(wrapped, headers)
            data, widths = wrapped, None
    from tabulate import tabulate  # noqa: PLC0415 - defers its import (30 ms) to the tables that need it

    return tabulate(data, headers=headers, tablefmt=TABLEFMT[fmt_name], maxcolwidths=widths)


def _simple(data: list[tuple[str, ...]], headers: tuple[str, ...]) -> str:
    """The table tabulate's ``simple`` format prints of rows whose cells :func:`_plain` passed.

    As tabulate prints it: each cell stripped, every column left-aligned and as wide as its
    widest line (in terminal columns) or its header and two spaces, columns two spaces
    apart, a line of dashes under the headers, a cell of several lines making its row as
    many lines (a row of blank cells none, when some cell has several), every line without
    trailing spaces.
    """
    if any("\n" in cell for row in data for cell in row):  # tabulate's multiline mode
        rows = [[cell.strip().splitlines() for cell in row] for row in data]  # a blank cell: no line
    else:
        rows = [[[cell.strip()] for cell in row] for row in data]
    widths = [_width(h) + 2 for h in headers]
    sizes = [[list(map(_width, lines)) for lines in row] for row in rows]  # each line measured once
    for row_sizes in sizes:
        for k, line_sizes in enumerate(row_sizes):
            widths[k] = max([widths[k], *line_sizes])
    out = [
        "  ".join(h + " " * (w - _width(h)) for h, w in zip(headers, widths, strict=True)).rstrip(),
        "  ".join("-" * w for w in widths),
    ]
    out.extend(
        "  ".join(
            lines[i] + " " * (w - line_sizes[i]) if i < len(lines) else " " * w
            for lines, line_sizes, w in zip(row, row_sizes, widths, strict=True)
        ).rstrip()
        for row, row_sizes in zip(rows, sizes, strict=True)
        for i in range(max(map(len, row)))
    )
    return "\n".join(out)


#: Characters wcwidth measures at one column (printable ASCII, Latin-1, general punctuation,
#: arrows and mathematical operators: ``÷``, ``≤``, ``–``) and at two (CJK ideographs,
#: fullwidth forms and the common CJK punctuation ``、。〃〈〉《》「」『』【】``). Text of
#: them is measured here without wcwidth (about 20 ms to import); tests/test_table_wrap.py
#: holds every one of them to wcwidth.
_NARROW: Final = "\x20-\x7e\xa1-\xac\xae-\xff\u2010-\u2027\u2030-\u205e\u2190-\u22ff"
_WIDE: Final = "\u4e00-\u9fff\uff01-\uff60\u3001-\u3003\u3008-\u3011"
_MEASURED: Final = re.compile(f"[{_NARROW}{_WIDE}]*+").fullmatch
_NOT_WIDE: Final = re.compile(f"[^{_WIDE}]++").sub


@cache
def _has_wcwidth() -> bool:
    """Whether wcwidth is installed: tabulate measures text with it then, with ``len`` otherwise."""
    return find_spec("wcwidth") is not None


@cache
def _wcswidth() -> Callable[[str], int]:
    """``wcwidth.wcswidth``, loaded by the first text of a character :data:`_MEASURED` does not take."""
    from wcwidth import wcswidth  # noqa: PLC0415 - defers its import (20 ms) to the text that needs it

    return wcswidth


@lru_cache(maxsize=8192)
def _wide_width(text: str) -> int:
    if not _has_wcwidth():  # pragma: no cover - wcwidth comes with tabulate's current releases
        return len(text)
    if _MEASURED(text):
        return len(text) + len(_NOT_WIDE("", text))  # one column each, and one more a wide one
    return int(_wcswidth()(text))


@lru_cache(maxsize=8192)
def _chunk_width(chunk: str) -> int:
    """:func:`_width` of a piece of a cell, remembered: the pieces of messages repeat."""
    return _width(chunk)


def _width(text: str) -> int:
    """The columns ``text`` takes on a terminal, as tabulate's wrapping measures it (printable text only)."""
    return len(text) if text.isascii() else _wide_width(text)


def _plain(cell: str) -> bool:
    """Whether tabulate wraps ``cell`` as text and :class:`_Wrapper` wraps it the same way."""
    if not cell.isprintable() or cell in ("True", "False"):  # tabulate reads those two as booleans
        return False
    try:
        float(cell.replace(",", ""))
    except ValueError:
        return True
    return False  # tabulate leaves a number as it is, or reads it as one


class _Wrapper(textwrap.TextWrapper):
    """tabulate's wrapping of a cell: the standard library's, with a line's width in terminal columns.

    As tabulate's (its ``_CustomTextWrap``): a word longer than a line is cut after as
    many characters as fit, not at a hyphen. Only for printable text (:func:`_plain`).
    """

    def _handle_long_word(
        self, reversed_chunks: list[str], cur_line: list[str], cur_len: int, width: int
    ) -> None:
        space = width - cur_len if width >= 1 else 1
        if space > 0:
            chunk = reversed_chunks[-1]
            cut = 0
            while cut < len(chunk) and _width(chunk[: cut + 1]) <= space:
                cut += 1
            if cut == 0 and not cur_line:  # a character wider than the line goes on one of its own
                cut = 1
            if cut:
                cur_line.append(chunk[:cut])
                reversed_chunks[-1] = chunk[cut:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _split_chunks(self, text: str) -> list[str]:
        # Without a hyphen, the standard library's word-splitting pattern (words, and hyphens
        # within them) splits exactly at runs of whitespace, as its simple one does, in a
        # fraction of the time.
        # A printable text has no tab or other whitespace to replace by spaces.
        if "-" in text or not text.isprintable():
            return super()._split_chunks(text)
        return list(filter(None, self.wordsep_simple_re.split(text)))

    def _wrap_chunks(self, chunks: list[str]) -> list[str]:
        sizes = list(map(_chunk_width, chunks))
        width = self.width
        if max(sizes, default=0) <= width:
            return _greedy(chunks, sizes, width)
        return self._wrap_long(chunks, sizes, width)

    def _wrap_long(self, chunks: list[str], sizes: list[int], width: int) -> list[str]:
        """The lines of chunks one of which is wider than a line: it is cut where it does not fit."""
        lines: list[str] = []
        chunks.reverse()
        sizes.reverse()
        while chunks:
            line: list[str] = []
            used = 0
            if lines and not chunks[-1].strip():  # a line does not start with a space
                del chunks[-1], sizes[-1]
            while chunks and used + sizes[-1] <= width:
                used += sizes.pop()
                line.append(chunks.pop())
            if chunks and sizes[-1] > width:
                self._handle_long_word(chunks, line, used, width)
                del sizes[len(chunks) :]  # the word was cut (or, on a line of its own, taken whole)
                if chunks:
                    sizes[-1] = _width(chunks[-1])
            if line and not line[-1].strip():  # nor ends with one
                del line[-1]
            if line:
                lines.append("".join(line))
        return lines


def _greedy(chunks: list[str], sizes: list[int], width: int) -> list[str]:
    """The lines :class:`_Wrapper` makes of chunks each no wider than a line, found by bisection.

    As its loop does, chunk by chunk: a line takes every chunk that still fits (the most
    whose running width stays within ``width``), does not start (after the first) or end
    with a space.
    """
    ends = [0, *accumulate(sizes)]
    lines: list[str] = []
    n = len(chunks)
    i = 0
    while i < n:
        if lines and not chunks[i].strip():  # a line does not start with a space
            i += 1
            if i == n:
                break
        j = bisect_right(ends, ends[i] + width, i + 1, n + 1) - 1
        end = j - 1 if not chunks[j - 1].strip() else j  # nor ends with one
        if end > i:
            lines.append("".join(chunks[i:end]))
        i = j
    return lines


def _wrapped(data: list[tuple[str, ...]], widths: list[int | None]) -> list[tuple[str, ...]] | None:
    """The rows with each cell wrapped at its column's width, or None when tabulate must wrap them."""
    wrappers = [None if w is None else _Wrapper(width=w) for w in widths]
    out = []
    for row in data:
        cells = []
        for cell, wrapper in zip(row, wrappers, strict=False):
            if wrapper is None:
                cells.append(cell)
                continue
            if not _plain(cell):
                return None
            if not cell.strip():
                cells.append("")
            elif _width(cell) <= wrapper.width and not cell[-1].isspace():
                cells.append(cell)
            else:
                cells.append("\n".join(wrapper.wrap(cell)))
        out.append((*cells, *row[len(cells) :]))
    return out


def _columns(
    result: Reported, loc: str, fmt_name: TableFormat
) -> tuple[list[tuple[str, ...]], tuple[str, ...], list[int | None] | None]:
    """The rows, headers and wrapping widths of a table; a localised result adds a "likely wrong" column."""
    data, headers = table_rows(result, loc)
    widths: list[int | None] = [*WRAP, 40] if len(headers) > len(HEADERS) else list(WRAP)
    return data, words(headers, loc), widths if fmt_name == "table" else None


def _with_summary(body: str, line: str, fmt_name: TableFormat, more: Sequence[str] = ()) -> str:
    """The table, then the summary line and the lines after it (the parts not read)."""
    if fmt_name == "html":
        line = "\n".join(f"<p>{html.escape(x)}</p>" for x in (line, *more))
        return f"{body}\n{line}" if body else line
    if fmt_name == "markdown" and more:
        line = "\n".join([line, "", *(f"- {x}" for x in more)])
    elif more:
        line = "\n".join([line, *more])
    return f"{body}\n\n{line}" if body else line


def acknowledged_table(
    document: Checked, fmt_name: TableFormat = "table", *, locale: str | None = None
) -> str:
    """The findings of one document as a table with an ``acknowledged`` column (the reason), and a summary.

    Without a baseline in use (``acknowledged`` is None) this is :func:`table`.
    """
    result = document.result
    if document.acknowledged is None:
        return table(result, fmt_name, locale=locale)
    loc = locale_of(result, locale)
    count = sum(a is not None for a in document.acknowledged)
    line = Messages(loc)(N_("{summary}; {n} acknowledged"), summary=summary(result, loc), n=count)
    body = ""
    if result.findings:
        base, headers, widths = _columns(result, loc, fmt_name)
        data = [
            (*row, "" if a is None else a.reason) for row, a in zip(base, document.acknowledged, strict=True)
        ]
        widths = None if widths is None else [*widths, 32]
        headers = (*headers, Messages(loc).word(N_("acknowledged")))
        body = _tabulate(data, headers, fmt_name, widths)
    return _with_summary(body, line, fmt_name)


def tables(
    documents: Sequence[Checked],
    fmt_name: TableFormat = "table",
    *,
    single: bool = False,
    locale: str | None = None,
) -> str:
    """Each document's table, under a heading naming it unless the run named a single document."""
    return "\n\n".join(document_table(d, fmt_name, single=single, locale=locale) for d in documents)


def document_table(
    document: Checked, fmt_name: TableFormat = "table", *, single: bool = False, locale: str | None = None
) -> str:
    """One document's part of :func:`tables`: its table, under a heading naming it unless ``single``."""
    return headed(
        document.name, acknowledged_table(document, fmt_name, locale=locale), fmt_name, single=single
    )


def headed(name: str, text: str, fmt_name: TableFormat, *, single: bool) -> str:
    """A document's table under a heading naming it, unless the run named a single document."""
    if single:
        return text
    if fmt_name == "html":
        return f"<h2>{html.escape(name)}</h2>\n{text}"
    if fmt_name == "markdown":
        return f"## {name}\n\n{text}"
    return f"{name}\n{text}"


def clean_table(name: str, line: str, fmt_name: TableFormat = "table", *, single: bool = False) -> str:
    """The part of :func:`tables` for a document with no findings and no baseline: its summary ``line``."""
    return headed(name, _with_summary("", line, fmt_name), fmt_name, single=single)
