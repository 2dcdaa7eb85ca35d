"""A result and a finding as HTML, how Jupyter shows them (``_repr_html_``).

Labels, units and quoted text come from the documents checked, which are not trusted:
every piece of text put into HTML goes through ``html.escape``.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Final

from perfcheck._engine.context import fmt
from perfcheck._findings.finding import Finding
from perfcheck._findings.result import Result
from perfcheck.render._common import HEADERS, heading, interval_text, rows, words
from perfcheck.render.reconciliation import RECONCILIATION_HEADERS, cells

#: The columns of the table of where a finding's figures were printed.
LOCATION_HEADERS: Final = ("figure", "label", "printed", "section", "line", "text")


def _h(text: object) -> str:
    return html.escape(str(text), quote=True)


def _html_table(headers: Iterable[str], data: Iterable[Iterable[str]], numeric: Iterable[int] = ()) -> str:
    right = set(numeric)

    def cell(tag: str, i: int, text: str) -> str:
        align = "right" if i in right else "left"
        return f'<{tag} style="text-align: {align}; vertical-align: top">{_h(text)}</{tag}>'

    head = "".join(cell("th", i, h) for i, h in enumerate(headers))
    body = "\n".join("<tr>" + "".join(cell("td", i, t) for i, t in enumerate(row)) + "</tr>" for row in data)
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"


def result_html(result: Result) -> str:
    """The result as HTML for notebooks: a summary line, the findings, and the reconciliation.

    Every piece of text is escaped; the reconciliation of every relation judged sits in a
    collapsed ``<details>`` element.

    >>> import perfcheck
    >>> page = result_html(perfcheck.check("examples/seed-ziyang-fulian-2021.json"))
    >>> print(page.splitlines()[1])
    <p><strong>perfcheck</strong> · 资阳区妇联2021年整体绩效自评报告: 0 errors, ... 27 relations checked</p>
    """
    parts = [
        '<div class="perfcheck-result">',
        f"<p><strong>perfcheck</strong> · {_h(heading(result))}</p>",
    ]
    if result.findings:
        parts.append(_html_table(words(HEADERS, result.locale), rows(result)))
    if result.checks:
        recon = [(c.relation, c.code, c.status, *cells(c)[2:]) for c in result.checks]
        parts += [
            f"<details><summary>reconciliation: {len(result.checks)} checks</summary>",
            _html_table(
                (*RECONCILIATION_HEADERS[:2], "status", *RECONCILIATION_HEADERS[2:]), recon, (3, 4, 6)
            ),
            "</details>",
        ]
    parts.append("</div>")
    return "\n".join(parts)


def finding_numbers(finding: Finding) -> list[tuple[str, str]]:
    """A finding's numbers by name: stated, computed, allowed, difference, unit (those it has)."""
    pairs = [
        ("stated", finding.actual),
        ("computed", finding.expected),
        ("difference", finding.difference),
    ]
    out = [(name, fmt(value)) for name, value in pairs if value is not None]
    if finding.allowed is not None:
        out.insert(2, ("allowed", interval_text(finding.allowed)))
    if out and finding.unit:
        out.append(("unit", finding.unit))
    return out


def location_rows(finding: Finding) -> list[tuple[str, str, str, str, str, str]]:
    """Where each figure of a finding was printed, as the cells of :data:`LOCATION_HEADERS`."""
    out = []
    for loc in finding.locations:
        src = loc.source
        out.append(
            (
                loc.figure,
                loc.label or "",
                loc.value,
                (src.section or "") if src else "",
                str(src.line) if src and src.line else "",
                (src.text or "") if src else "",
            )
        )
    return out


def finding_html(finding: Finding) -> str:
    """One finding as HTML: code, severity, relation, message, its numbers and where it was printed.

    >>> import perfcheck
    >>> finding = perfcheck.check("examples/seed-with-mistakes.json", select=["PC102"]).errors[0]
    >>> print(finding_html(finding).splitlines()[1])
    <p><strong>PC102</strong> error · relation <code>basic_split</code></p>
    """
    relation = f" · relation <code>{_h(finding.relation)}</code>" if finding.relation else ""
    parts = [
        f'<div class="perfcheck-finding perfcheck-{_h(finding.severity.value)}">',
        f"<p><strong>{_h(finding.code)}</strong> {_h(finding.severity.value)}{relation}</p>",
        f"<p>{_h(finding.message)}</p>",
    ]
    numbers = finding_numbers(finding)
    if numbers:
        right = [i for i, (n, _) in enumerate(numbers) if n in ("stated", "computed", "difference")]
        parts.append(_html_table([n for n, _ in numbers], [[v for _, v in numbers]], right))
    if finding.locations:
        parts.append(_html_table(LOCATION_HEADERS, location_rows(finding)))
    parts.append("</div>")
    return "\n".join(parts)
