"""A result and a finding as markdown, how Jupyter shows them (``_repr_markdown_``).

Labels, units and quoted text come from the documents checked, which are not trusted:
every piece of text put into markdown is escaped by :func:`md`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from perfcheck._core.i18n import N_, Messages
from perfcheck._findings.finding import Finding
from perfcheck._findings.result import Result
from perfcheck.render._common import HEADERS, heading, locale_of, not_read_lines, rows, severity_word, words
from perfcheck.render.notebook_html import LOCATION_HEADERS, finding_numbers, location_rows

#: ASCII characters that markdown (CommonMark, GFM, Jupyter's math) would read as syntax.
_MD_SPECIAL: Final = frozenset("\\`*_[]<>|&~$")


def md(text: object) -> str:
    r"""Text as literal markdown: syntax characters escaped, one line.

    >>> print(md("a|b <script>*x*"))
    a\|b \<script\>\*x\*
    """
    flat = " ".join(str(text).split())
    return "".join(f"\\{ch}" if ch in _MD_SPECIAL else ch for ch in flat)


def md_table(headers: Iterable[str], data: Iterable[Iterable[str]]) -> str:
    """A markdown table, every cell escaped by :func:`md`."""
    head = list(headers)
    out = ["| " + " | ".join(md(h) for h in head) + " |", "|" + "---|" * len(head)]
    out += ["| " + " | ".join(md(t) for t in row) + " |" for row in data]
    return "\n".join(out)


def result_markdown(result: Result, locale: str | None = None) -> str:
    r"""The result as markdown: a summary line, the parts not read, a table of the findings, text escaped.

    Words are in ``locale`` (default: the result's).

    >>> import perfcheck
    >>> ledger = perfcheck.loads('''{"perfcheck": "1", "unit": "万元",
    ...   "figures": [{"id": "total", "label": "合计|total", "value": "82.67"},
    ...               {"id": "a", "value": "63.41"}, {"id": "b", "value": "19.62"}],
    ...   "relations": [{"id": "a_b", "kind": "sum", "total": "total", "parts": ["a", "b"]}]}''')
    >>> print(result_markdown(perfcheck.check(ledger)))
    **perfcheck** · 1 error, 0 warnings, 0 infos; 1 relation checked
    <BLANKLINE>
    | code | severity | relation | where | message |
    |---|---|---|---|---|
    | PC102 | error | a\_b | total, a, b | 合计\|total is printed as 82.67 万元, but ... |
    """
    loc = locale_of(result, locale)
    out = f"**perfcheck** · {md(heading(result, loc))}"
    if unread := not_read_lines(result.coverage, loc):
        out += "\n\n" + "\n".join(f"- {md(line)}" for line in unread)
    if result.findings:
        out += "\n\n" + md_table(words(HEADERS, loc), rows(result, loc))
    return out


def finding_markdown(finding: Finding, locale: str | None = None) -> str:
    r"""One finding as markdown, text escaped; words in ``locale`` (default: the finding's own).

    >>> import perfcheck
    >>> finding = perfcheck.check("examples/seed-with-mistakes.json", select=["PC102"]).errors[0]
    >>> print(finding_markdown(finding).splitlines()[0])
    **PC102** error · relation basic\_split
    >>> print(finding_markdown(finding, "zh_CN").splitlines()[0])
    **PC102** 错误 · 关系 basic\_split
    """
    loc = finding.locale if locale is None else locale
    t = Messages(loc)
    relation_word = t.word(N_("relation"))
    relation = f" · {md(relation_word)} {md(finding.relation)}" if finding.relation else ""
    severity = md(severity_word(finding.severity, loc))
    out = [f"**{md(finding.code)}** {severity}{relation}", "", md(finding.text(loc))]
    numbers = finding_numbers(finding)
    if numbers:
        out += ["", md_table([t.word(n) for n, _ in numbers], [[v for _, v in numbers]])]
    if finding.locations:
        out += ["", md_table(words(LOCATION_HEADERS, loc), location_rows(finding))]
    return "\n".join(out)
