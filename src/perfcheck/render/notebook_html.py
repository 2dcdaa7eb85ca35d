"""A result and a finding as HTML, how Jupyter shows them (``_repr_html_``).

Labels, units and quoted text come from the documents checked, which are not trusted:
every piece of text put into HTML goes through ``html.escape``.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Final

from perfcheck._core.i18n import N_, Messages
from perfcheck._findings.finding import Finding
from perfcheck._findings.result import Result
from perfcheck.render._common import (
    LIKELY_WRONG,
    heading,
    likely_wrong,
    locale_of,
    not_read_lines,
    severity_word,
    shown_numbers,
    table_rows,
    words,
)
from perfcheck.render.reconciliation_table import cells, reconciliation_headers, status_word

#: The columns of the table of where a finding's figures were printed; catalog msgids.
LOCATION_HEADERS: Final = (N_("figure"), N_("label"), N_("printed"), N_("section"), N_("line"), N_("text"))


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


def result_html(result: Result, locale: str | None = None) -> str:
    """The result as HTML for notebooks: summary line, parts not read, findings, reconciliation.

    Every piece of text is escaped; the reconciliation of every relation judged sits in a
    collapsed ``<details>`` element. Words are in ``locale`` (default: the result's).

    >>> import perfcheck
    >>> page = result_html(perfcheck.check("examples/seed-ziyang-fulian-2021.json"))
    >>> print(page.splitlines()[1])
    <p><strong>perfcheck</strong> · 资阳区妇联2021年整体绩效自评报告: 0 errors, ... 27 relations checked</p>
    """
    loc = locale_of(result, locale)
    t = Messages(loc)
    parts = [
        '<div class="perfcheck-result">',
        f"<p><strong>perfcheck</strong> · {_h(heading(result, loc))}</p>",
    ]
    if unread := not_read_lines(result.coverage, loc):
        parts.append("<ul>" + "".join(f"<li>{_h(line)}</li>" for line in unread) + "</ul>")
    if result.findings:
        data, headers = table_rows(result, loc)
        parts.append(_html_table(words(headers, loc), data))
    if result.checks:
        recon = [(c.relation, c.code, status_word(c.status, loc), *cells(c)[2:]) for c in result.checks]
        n = len(result.checks)
        checks = t(N_("reconciliation: {n} check") if n == 1 else N_("reconciliation: {n} checks"), n=n)
        parts += [
            f"<details><summary>{_h(checks)}</summary>",
            _html_table(reconciliation_headers(loc), recon, (3, 4, 6)),
            "</details>",
        ]
    parts.append("</div>")
    return "\n".join(parts)


def finding_numbers(finding: Finding) -> list[tuple[str, str]]:
    """A finding's numbers by name (catalog msgids): stated, computed, allowed, difference, unit."""
    stated, computed, allowed, difference = shown_numbers(
        finding.actual, finding.expected, finding.allowed, finding.difference
    )
    pairs = [(N_("stated"), stated), (N_("computed"), computed), (N_("difference"), difference)]
    out = [(name, text) for name, text in pairs if text]
    if finding.allowed is not None:
        out.insert(2, (N_("allowed"), allowed))
    if out and finding.unit:
        out.append((N_("unit"), finding.unit))
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


def finding_html(finding: Finding, locale: str | None = None) -> str:
    """One finding as HTML: code, severity, relation, message, its numbers and where it was printed.

    Words are in ``locale`` (default: the finding's own).

    >>> import perfcheck
    >>> finding = perfcheck.check("examples/seed-with-mistakes.json", select=["PC102"]).errors[0]
    >>> print(finding_html(finding).splitlines()[1])
    <p><strong>PC102</strong> error · relation <code>basic_split</code></p>
    """
    loc = finding.locale if locale is None else locale
    t = Messages(loc)
    relation_word = t.word(N_("relation"))
    relation = f" · {_h(relation_word)} <code>{_h(finding.relation)}</code>" if finding.relation else ""
    severity = _h(severity_word(finding.severity, loc))
    parts = [
        f'<div class="perfcheck-finding perfcheck-{_h(finding.severity.value)}">',
        f"<p><strong>{_h(finding.code)}</strong> {severity}{relation}</p>",
        f"<p>{_h(finding.text(loc))}</p>",
    ]
    if finding.localisation is not None:
        parts.append(f"<p>{_h(t.word(LIKELY_WRONG))}: {_h(likely_wrong(finding, loc))}</p>")
    numbers = finding_numbers(finding)
    if numbers:
        right = [i for i, (n, _) in enumerate(numbers) if n in ("stated", "computed", "difference")]
        names = [t.word(n) for n, _ in numbers]
        parts.append(_html_table(names, [[v for _, v in numbers]], right))
    if finding.locations:
        parts.append(_html_table(words(LOCATION_HEADERS, loc), location_rows(finding)))
    parts.append("</div>")
    return "\n".join(parts)
