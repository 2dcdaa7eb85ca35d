"""Findings as a table, through tabulate: plain text for a terminal, markdown (GitHub's), or HTML.

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
from collections.abc import Sequence
from typing import Final, Literal

from tabulate import tabulate

from perfcheck._core.i18n import N_, Messages
from perfcheck._findings.result import Result
from perfcheck.render._common import HEADERS, WRAP, Checked, covered, locale_of, summary, table_rows, words

TableFormat = Literal["table", "markdown", "html"]
#: tabulate's name of each table format.
TABLEFMT: Final[dict[str, str]] = {"table": "simple", "markdown": "github", "html": "html"}


def table(result: Result, fmt_name: TableFormat = "table", *, locale: str | None = None) -> str:
    """The findings as a table, followed by a summary line, in ``locale`` (default: the result's).

    Raises:
        ValueError: no messages for ``locale``.
    """
    loc = locale_of(result, locale)
    body = ""
    if result.findings:
        data, headers, widths = _columns(result, loc, fmt_name)
        body = tabulate(data, headers=headers, tablefmt=TABLEFMT[fmt_name], maxcolwidths=widths)
    return _with_summary(body, covered(result, loc), fmt_name)


def _columns(
    result: Result, loc: str, fmt_name: TableFormat
) -> tuple[list[tuple[str, ...]], tuple[str, ...], list[int | None] | None]:
    """The rows, headers and wrapping widths of a table; a localised result adds a "likely wrong" column."""
    data, headers = table_rows(result, loc)
    widths: list[int | None] = [*WRAP, 40] if len(headers) > len(HEADERS) else list(WRAP)
    return data, words(headers, loc), widths if fmt_name == "table" else None


def _with_summary(body: str, line: str, fmt_name: TableFormat) -> str:
    if fmt_name == "html":
        line = f"<p>{html.escape(line)}</p>"
        return f"{body}\n{line}" if body else line
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
        body = tabulate(data, headers=headers, tablefmt=TABLEFMT[fmt_name], maxcolwidths=widths)
    return _with_summary(body, line, fmt_name)


def tables(
    documents: Sequence[Checked],
    fmt_name: TableFormat = "table",
    *,
    single: bool = False,
    locale: str | None = None,
) -> str:
    """Each document's table, under a heading naming it unless the run named a single document."""
    out = []
    for document in documents:
        text = acknowledged_table(document, fmt_name, locale=locale)
        if not single:
            if fmt_name == "html":
                text = f"<h2>{html.escape(document.name)}</h2>\n{text}"
            elif fmt_name == "markdown":
                text = f"## {document.name}\n\n{text}"
            else:
                text = f"{document.name}\n{text}"
        out.append(text)
    return "\n\n".join(out)
