"""Render results as text: tables (plain, markdown, HTML) through tabulate, and JSON.

The core never imports this module; findings are data and this is one way to show them.

>>> import perfcheck
>>> from perfcheck.render import render
>>> result = perfcheck.check("examples/seed-ziyang-fulian-2021.json")
>>> print(render(result, "table").splitlines()[-1])
0 errors, 0 warnings, 0 infos; 27 relations checked
"""

from __future__ import annotations

import hashlib
import html
import json
import urllib.parse
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any, Final, Literal

from tabulate import tabulate

from perfcheck._core.i18n import N_, Messages, check_locale_name
from perfcheck._core.version import VERSION
from perfcheck._engine.context import fmt
from perfcheck._engine.registry import Registry, Rule
from perfcheck._findings.acknowledgement import Acknowledgement
from perfcheck._findings.finding import Finding, Location, RelationCheck, Severity
from perfcheck._findings.result import Result
from perfcheck.rules import default_registry

Format = Literal["table", "markdown", "html", "json"]
FORMATS: Final = ("table", "markdown", "html", "json")
_TABLEFMT: Final = {"table": "simple", "markdown": "github", "html": "html"}
_HEADERS: Final = ("code", "severity", "relation", "where", "message")
#: Column widths a terminal table wraps at (None: no wrapping).
_WRAP: Final = [None, None, 16, 28, 64]


def _where(finding: Finding) -> str:
    parts = []
    for loc in finding.locations:
        section = loc.source.section if loc.source and loc.source.section else None
        line = f":{loc.source.line}" if loc.source and loc.source.line else ""
        parts.append(f"{loc.figure} ({section}{line})" if section or line else loc.figure)
    return ", ".join(parts[:3]) + (f" +{len(parts) - 3}" if len(parts) > 3 else "")


def rows(result: Result) -> list[tuple[str, str, str, str, str]]:
    """One row a finding: code, severity, relation, where, message."""
    return [(f.code, f.severity.value, f.relation or "", _where(f), f.message) for f in result.findings]


def summary(result: Result) -> str:
    """One line counting findings and relations checked, in the result's locale.

    >>> import perfcheck
    >>> summary(perfcheck.check("tests/data/cases/wuzhou-unit-2024-budget-yuan.json"))
    '2 errors, 1 warning, 0 infos; 21 relations checked'
    >>> summary(perfcheck.check("tests/data/cases/wuzhou-unit-2024-budget-yuan.json", locale="zh_CN"))
    '错误 2 个，警告 1 个，提示 0 个；已核验关系 21 个'
    """
    t = Messages(result.locale)

    def count(n: int, one: str, many: str) -> str:
        return t(one if n == 1 else many, n=n)

    return t(
        N_("{errors}, {warnings}, {infos}; {relations} checked"),
        errors=count(len(result.errors), N_("{n} error"), N_("{n} errors")),
        warnings=count(len(result.warnings), N_("{n} warning"), N_("{n} warnings")),
        infos=count(len(result.infos), N_("{n} info"), N_("{n} infos")),
        relations=count(len({c.relation for c in result.checks}), N_("{n} relation"), N_("{n} relations")),
    )


def table(result: Result, fmt_name: Literal["table", "markdown", "html"] = "table") -> str:
    """The findings as a table, followed by a summary line (plain and markdown)."""
    tablefmt = _TABLEFMT[fmt_name]
    widths = _WRAP if fmt_name == "table" else None
    body = ""
    if result.findings:
        body = tabulate(rows(result), headers=_HEADERS, tablefmt=tablefmt, maxcolwidths=widths)
    if fmt_name == "html":
        return f"{body}\n<p>{summary(result)}</p>" if body else f"<p>{summary(result)}</p>"
    return f"{body}\n\n{summary(result)}" if body else summary(result)


def reconciliation(result: Result, tablefmt: str = "simple") -> str:
    """Every relation judged: relation, rule, status, stated, computed, allowed interval, difference."""
    data = []
    for c in result.checks:
        allowed = f"[{fmt(c.allowed[0])}, {fmt(c.allowed[1])}]" if c.allowed else ""
        data.append(
            (
                c.relation,
                c.code,
                c.status,
                "" if c.actual is None else fmt(c.actual),
                "" if c.expected is None else fmt(c.expected),
                allowed,
                "" if c.difference is None else fmt(c.difference),
                c.unit or "",
            )
        )
    headers = ("relation", "rule", "status", "stated", "computed", "allowed", "difference", "unit")
    return tabulate(data, headers=headers, tablefmt=tablefmt, disable_numparse=True)


def rules_markdown(registry: Iterable[Rule]) -> str:
    """The index of every rule as a markdown page (``docs/rules.md``), linking one page per rule."""
    out = [
        "# Rules",
        "",
        "One page per rule, generated from the rule's own documentation and examples",
        "(`python docs/generate_rules.py`); `tests/test_docs.py` fails when the pages and",
        "the registry disagree. `perfcheck explain CODE` prints the same page.",
        "",
        "| code | name | severity | status | summary |",
        "|---|---|---|---|---|",
    ]
    out += [
        f"| [{r.code}](rules/{r.code}.md) | {r.name} | {r.severity.value} | {r.status.value} | {r.summary} |"
        for r in registry
    ]
    return "\n".join(out) + "\n"


def rule_page(rule: Rule) -> str:
    """One rule's documentation as a markdown page (``docs/rules/PC201.md``).

    What it checks, why, what to do, and the examples it is tested with.
    """
    out = [
        f"# {rule.code} {rule.name}",
        "",
        f"{rule.summary}",
        "",
        f"Severity: {rule.severity.value}. Status: {rule.status.value}.",
    ]
    body = rule.doc.split("\n", 1)[1].strip("\n") if "\n" in rule.doc else ""
    if body:
        out += ["", body]
    for title, example in (("Passes", rule.passing), ("Fails", rule.failing)):
        if example and (example.get("figures") or example.get("relations") or example.get("documents")):
            # a series rule's example is {"documents": [...]}: the reports of consecutive years
            text = json.dumps(example, ensure_ascii=False, indent=2)
            out += ["", f"## {title}", "", "```json", text, "```"]
    return "\n".join(out) + "\n"


def rule_pages(registry: Iterable[Rule]) -> dict[str, str]:
    """Every page of the rule docs, by path relative to ``docs/``: the index and one per rule."""
    rules = list(registry)
    pages = {"rules.md": rules_markdown(rules)}
    pages.update({f"rules/{r.code}.md": rule_page(r) for r in rules})
    return pages


def render(result: Result, fmt_name: Format = "table") -> str:
    """The result in one of :data:`FORMATS`.

    Raises:
        ValueError: an unknown format.
    """
    if fmt_name == "json":
        return json.dumps(result.to_json_dict(), ensure_ascii=False, indent=2)
    if fmt_name in _TABLEFMT:
        return table(result, fmt_name)
    msg = f"unknown format {fmt_name!r}; choose one of {', '.join(FORMATS)}"
    raise ValueError(msg)


# --- Failure messages and notebook display -------------------------------------------------------
# Labels, units and quoted text come from the documents checked, which are not trusted: every piece
# of text put into HTML goes through ``html.escape``, and into markdown through ``_md``.

_RECONCILIATION_HEADERS: Final = ("relation", "rule", "stated", "computed", "allowed", "difference", "unit")
#: ASCII characters that markdown (CommonMark, GFM, Jupyter's math) would read as syntax.
_MD_SPECIAL: Final = frozenset("\\`*_[]<>|&~$")


def _cells(c: RelationCheck) -> tuple[str, str, str, str, str, str, str]:
    allowed = f"[{fmt(c.allowed[0])}, {fmt(c.allowed[1])}]" if c.allowed else ""
    return (
        c.relation,
        c.code,
        "" if c.actual is None else fmt(c.actual),
        "" if c.expected is None else fmt(c.expected),
        allowed,
        "" if c.difference is None else fmt(c.difference),
        c.unit or "",
    )


def failed_checks(result: Result) -> list[RelationCheck]:
    """The relation checks behind the result's errors, in the order they were judged.

    >>> import perfcheck
    >>> result = perfcheck.check("examples/seed-with-mistakes.json", select=["PC102"])
    >>> [(c.relation, c.status) for c in failed_checks(result)]
    [('basic_split', 'broken')]
    """
    failed = {(f.relation, f.code) for f in result.errors}
    return [c for c in result.checks if (c.relation, c.code) in failed]


def printed_at(location: Location) -> str:
    """Where one figure was printed, in words.

    >>> from perfcheck import Location, Source
    >>> printed_at(Location(figure="spending", label="总支出", value="134.56",
    ...                     source=Source(section="一（四）", line=58, text="总支出134.56万元")))
    'spending (总支出) printed as 134.56 in 一（四）, line 58: “总支出134.56万元”'
    """
    named = f"{location.figure} ({location.label})" if location.label else location.figure
    out = f"{named} printed as {location.value}"
    source = location.source
    if source is not None:
        if source.section:
            out += f" in {source.section}"
        if source.line:
            out += f", line {source.line}" if source.section else f" on line {source.line}"
        if source.text:
            out += f": “{source.text}”"
    return out


def failure_message(result: Result, source: str | None = None) -> str:
    """Why a result fails: a reconciliation table of the broken relations, then every error.

    The table has the relation, the rule, the stated and the computed number, the interval the
    stated number had to lie in, the difference and the unit; after it, each error's message
    and where its figures were printed. ``source`` names the document (e.g. its path).

    >>> import perfcheck
    >>> ledger = perfcheck.loads('''{"perfcheck": "1", "unit": "万元",
    ...   "figures": [{"id": "total", "label": "合计", "value": "82.67"},
    ...               {"id": "a", "value": "63.41"}, {"id": "b", "value": "19.62"}],
    ...   "relations": [{"id": "split", "kind": "sum", "total": "total", "parts": ["a", "b"]}]}''')
    >>> print(failure_message(perfcheck.check(ledger)))
    perfcheck found 1 error in the document
    <BLANKLINE>
    relation    rule    stated    computed    allowed           difference    unit
    ----------  ------  --------  ----------  ----------------  ------------  ------
    split       PC102   82.67     83.03       [83.015, 83.045]  -0.36         万元
    <BLANKLINE>
    PC102 split: 合计 is printed as 82.67 万元, but a + b add up to 83.03 万元; ...
      total (合计) printed as 82.67
      a printed as 63.41
      b printed as 19.62
    """
    errors = result.errors
    named = source or result.title or "the document"
    if source and result.title:
        named = f"{source} ({result.title})"
    noun = "error" if len(errors) == 1 else "errors"
    lines = [f"perfcheck found {len(errors)} {noun} in {named}"]
    failed = failed_checks(result)
    if failed:
        data = [_cells(c) for c in failed]
        lines += ["", tabulate(data, headers=_RECONCILIATION_HEADERS, disable_numparse=True)]
    for f in errors:
        lines.append("")
        lines.append(f"{f.code} {f.relation}: {f.message}" if f.relation else f"{f.code}: {f.message}")
        lines += [f"  {printed_at(loc)}" for loc in f.locations]
    return "\n".join(lines)


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


def _heading(result: Result) -> str:
    return f"{result.title}: {summary(result)}" if result.title else summary(result)


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
        f"<p><strong>perfcheck</strong> · {_h(_heading(result))}</p>",
    ]
    if result.findings:
        parts.append(_html_table(_HEADERS, rows(result)))
    if result.checks:
        recon = [(c.relation, c.code, c.status, *_cells(c)[2:]) for c in result.checks]
        parts += [
            f"<details><summary>reconciliation: {len(result.checks)} checks</summary>",
            _html_table(
                (*_RECONCILIATION_HEADERS[:2], "status", *_RECONCILIATION_HEADERS[2:]), recon, (3, 4, 6)
            ),
            "</details>",
        ]
    parts.append("</div>")
    return "\n".join(parts)


def _md(text: object) -> str:
    r"""Text as literal markdown: syntax characters escaped, one line.

    >>> print(_md("a|b <script>*x*"))
    a\|b \<script\>\*x\*
    """
    flat = " ".join(str(text).split())
    return "".join(f"\\{ch}" if ch in _MD_SPECIAL else ch for ch in flat)


def _md_table(headers: Iterable[str], data: Iterable[Iterable[str]]) -> str:
    head = list(headers)
    out = ["| " + " | ".join(_md(h) for h in head) + " |", "|" + "---|" * len(head)]
    out += ["| " + " | ".join(_md(t) for t in row) + " |" for row in data]
    return "\n".join(out)


def result_markdown(result: Result) -> str:
    r"""The result as markdown: a summary line and a table of the findings, text escaped.

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
    out = f"**perfcheck** · {_md(_heading(result))}"
    if result.findings:
        out += "\n\n" + _md_table(_HEADERS, rows(result))
    return out


def _finding_numbers(finding: Finding) -> list[tuple[str, str]]:
    pairs = [
        ("stated", finding.actual),
        ("computed", finding.expected),
        ("difference", finding.difference),
    ]
    out = [(name, fmt(value)) for name, value in pairs if value is not None]
    if finding.allowed is not None:
        out.insert(2, ("allowed", f"[{fmt(finding.allowed[0])}, {fmt(finding.allowed[1])}]"))
    if out and finding.unit:
        out.append(("unit", finding.unit))
    return out


def _location_rows(finding: Finding) -> list[tuple[str, str, str, str, str, str]]:
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


_LOCATION_HEADERS: Final = ("figure", "label", "printed", "section", "line", "text")


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
    numbers = _finding_numbers(finding)
    if numbers:
        right = [i for i, (n, _) in enumerate(numbers) if n in ("stated", "computed", "difference")]
        parts.append(_html_table([n for n, _ in numbers], [[v for _, v in numbers]], right))
    if finding.locations:
        parts.append(_html_table(_LOCATION_HEADERS, _location_rows(finding)))
    parts.append("</div>")
    return "\n".join(parts)


def finding_markdown(finding: Finding) -> str:
    r"""One finding as markdown, text escaped.

    >>> import perfcheck
    >>> finding = perfcheck.check("examples/seed-with-mistakes.json", select=["PC102"]).errors[0]
    >>> print(finding_markdown(finding).splitlines()[0])
    **PC102** error · relation basic\_split
    """
    relation = f" · relation {_md(finding.relation)}" if finding.relation else ""
    out = [f"**{_md(finding.code)}** {_md(finding.severity.value)}{relation}", "", _md(finding.message)]
    numbers = _finding_numbers(finding)
    if numbers:
        out += ["", _md_table([n for n, _ in numbers], [[v for _, v in numbers]])]
    if finding.locations:
        out += ["", _md_table(_LOCATION_HEADERS, _location_rows(finding))]
    return "\n".join(out)


# ---------------------------------------------------------------------------
# Several documents, acknowledged findings, SARIF and GitHub annotations (the command line's formats)

#: Every output format of ``perfcheck check``.
OUTPUT_FORMATS: Final = ("table", "markdown", "html", "json", "sarif", "github")
#: The ``$schema`` of SARIF logs.
SARIF_SCHEMA: Final = "https://json.schemastore.org/sarif-2.1.0.json"
#: Where the rules are documented, as ``helpUri`` (``/PC201.md`` is appended).
RULES_DOC: Final = "docs/rules"
_SARIF_LEVEL: Final = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_GITHUB_COMMAND: Final = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
_TABLE_FORMATS: Final[dict[str, Literal["table", "markdown", "html"]]] = {
    "table": "table",
    "markdown": "markdown",
    "html": "html",
}


@dataclass(frozen=True, slots=True)
class Checked:
    """One document checked, as the command line renders it.

    Attributes:
        name: how the document is named: its path, ``path:line`` for a document of a
            JSON Lines file, ``<stdin>``.
        path: the file it was read from (``-`` for standard input).
        line: the line of the file the document starts on (JSON Lines, YAML streams).
        result: what checking it found.
        acknowledged: for each finding, the acknowledgement that makes it stand, or
            None; the whole is None when no baseline is in use.
        stale: acknowledgements that could have matched a finding of this document
            but matched none.
    """

    name: str
    path: str
    line: int | None
    result: Result
    acknowledged: tuple[Acknowledgement | None, ...] | None = None
    stale: tuple[Acknowledgement, ...] = ()

    def pairs(self) -> list[tuple[Finding, Acknowledgement | None]]:
        """Each finding with its acknowledgement (None when it has none)."""
        acks = self.acknowledged or (None,) * len(self.result.findings)
        return list(zip(self.result.findings, acks, strict=True))

    @property
    def failing(self) -> list[Finding]:
        """The errors that are not acknowledged: what fails a run."""
        return [f for f, a in self.pairs() if f.severity is Severity.ERROR and a is None]


def render_documents(  # noqa: PLR0913 - keyword-only options of one rendering
    documents: Sequence[Checked],
    fmt_name: str = "table",
    *,
    locale: str = "en",
    single: bool = False,
    unusable: Sequence[tuple[str, str]] = (),
    baseline: str | None = None,
    registry: Registry | None = None,
) -> str:
    """Several checked documents in one of :data:`OUTPUT_FORMATS`.

    Args:
        documents: the documents checked, in order.
        fmt_name: the output format.
        locale: the locale of the output (:data:`LOCALES`).
        single: the run named one document, so ``json`` prints its object rather
            than a list, and tables have no heading per document.
        unusable: ``(path, message)`` of each input that could not be used; SARIF
            reports them as tool notifications.
        baseline: the baseline file in use, which annotations of stale
            acknowledgements point at.
        registry: the rules SARIF describes (default: :data:`default_registry`).

    Raises:
        ValueError: an unknown format or locale.
    """
    check_locale_name(locale)
    if fmt_name == "json":
        data = [document_json(d) for d in documents]
        payload: object = data[0] if single and len(data) == 1 else data
        return json.dumps(payload, ensure_ascii=False, indent=2)
    if fmt_name == "sarif":
        log = sarif_log(documents, unusable=unusable, baseline=baseline, registry=registry)
        return json.dumps(log, ensure_ascii=False, indent=2)
    if fmt_name == "github":
        return github_annotations(documents, baseline=baseline)
    if fmt_name in _TABLE_FORMATS:
        return tables(documents, _TABLE_FORMATS[fmt_name], single=single)
    msg = f"unknown format {fmt_name!r}; choose one of {', '.join(OUTPUT_FORMATS)}"
    raise ValueError(msg)


def finding_json(finding: Finding, ack: Acknowledgement | None = None) -> dict[str, Any]:
    """A finding as JSON-ready data, with ``acknowledged: {"reason": ...}`` when it is acknowledged."""
    data = finding.to_json_dict()
    if ack is not None:
        data["acknowledged"] = {"reason": ack.reason}
    return data


def document_json(document: Checked) -> dict[str, Any]:
    """One checked document as the spec's JSON, with its path (and line), acknowledgements and stale ones."""
    data: dict[str, Any] = {"path": document.path}
    if document.line is not None:
        data["line"] = document.line
    data.update(document.result.to_json_dict())
    data["findings"] = [finding_json(f, a) for f, a in document.pairs()]
    if document.acknowledged is not None:
        data["summary"]["acknowledged"] = sum(a is not None for a in document.acknowledged)
        data["stale_acknowledgements"] = [a.to_json_dict() for a in document.stale]
    return data


def acknowledged_table(document: Checked, fmt_name: Literal["table", "markdown", "html"] = "table") -> str:
    """The findings of one document as a table with an ``acknowledged`` column (the reason), and a summary.

    Without a baseline in use (``acknowledged`` is None) this is :func:`table`.
    """
    if document.acknowledged is None:
        return table(document.result, fmt_name)
    result = document.result
    count = sum(a is not None for a in document.acknowledged)
    line = f"{summary(result)}; {count} acknowledged"
    body = ""
    if result.findings:
        data = [
            (*row, "" if a is None else a.reason)
            for row, a in zip(rows(result), document.acknowledged, strict=True)
        ]
        widths = [*_WRAP, 32] if fmt_name == "table" else None
        headers = (*_HEADERS, "acknowledged")
        body = tabulate(data, headers=headers, tablefmt=_TABLEFMT[fmt_name], maxcolwidths=widths)
    if fmt_name == "html":
        return f"{body}\n<p>{line}</p>" if body else f"<p>{line}</p>"
    return f"{body}\n\n{line}" if body else line


def tables(
    documents: Sequence[Checked],
    fmt_name: Literal["table", "markdown", "html"] = "table",
    *,
    single: bool = False,
) -> str:
    """Each document's table, under a heading naming it unless the run named a single document."""
    out = []
    for document in documents:
        text = acknowledged_table(document, fmt_name)
        if not single:
            if fmt_name == "html":
                text = f"<h2>{html.escape(document.name)}</h2>\n{text}"
            elif fmt_name == "markdown":
                text = f"## {document.name}\n\n{text}"
            else:
                text = f"{document.name}\n{text}"
        out.append(text)
    return "\n\n".join(out)


# -- SARIF


def _uri(path: str) -> str:
    posix = PurePath(path).as_posix()
    if PurePath(path).is_absolute():
        return Path(path).as_uri()
    return urllib.parse.quote(posix, safe="/")


def _sarif_rule(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.doc or rule.summary},
        "help": {"text": rule.doc or rule.summary, "markdown": rule.doc or rule.summary},
        "helpUri": f"{RULES_DOC}/{rule.code}.md",
        "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
        "properties": {"tags": [rule.status.value], "status": rule.status.value},
    }


def _start_line(document: Checked, finding: Finding) -> int | None:
    """The line a finding is shown at: a JSON Lines document's line, else a figure's source line."""
    if document.line is not None:
        return document.line
    ordered = sorted(finding.locations, key=lambda loc: loc.figure != finding.subject)
    return next((loc.source.line for loc in ordered if loc.source and loc.source.line), None)


def _sarif_result(
    document: Checked, finding: Finding, ack: Acknowledgement | None, index: int | None
) -> dict[str, Any]:
    data = finding.to_json_dict()
    logical = []
    if finding.relation is not None:
        logical.append(
            {
                "name": finding.relation,
                "fullyQualifiedName": f"relations.{finding.relation}",
                "kind": "object",
            }
        )
    logical += [{"name": f, "fullyQualifiedName": f"figures.{f}", "kind": "object"} for f in finding.figures]
    location: dict[str, Any] = {}
    if document.path != "-":
        physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(document.path)}}
        line = _start_line(document, finding)
        if line is not None:
            physical["region"] = {"startLine": line}
        location["physicalLocation"] = physical
    if logical:
        location["logicalLocations"] = logical
    identity = "\x1f".join([document.name, finding.code, finding.relation or "", *sorted(finding.figures)])
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "level": _SARIF_LEVEL[finding.severity],
        "message": {"text": finding.message},
        "locations": [location] if location else [],
        "partialFingerprints": {"perfcheckFinding/v1": hashlib.sha256(identity.encode()).hexdigest()[:32]},
        "properties": {
            "document": document.name,
            "relation": finding.relation,
            "figures": list(finding.figures),
            **{
                k: data[k]
                for k in ("verdict", "subject", "actual", "expected", "difference", "allowed", "unit")
                if k in data
            },
        },
    }
    if index is not None:
        result["ruleIndex"] = index
    if ack is not None:
        result["suppressions"] = [{"kind": "external", "status": "accepted", "justification": ack.reason}]
    return result


def sarif_log(
    documents: Sequence[Checked],
    *,
    unusable: Sequence[tuple[str, str]] = (),
    baseline: str | None = None,
    registry: Registry | None = None,
) -> dict[str, Any]:
    """A SARIF 2.1.0 log of one run: the rules, a result a finding, notifications of what was unusable.

    Acknowledged findings carry an ``external`` suppression whose justification is
    the reason; unusable inputs and stale acknowledgements are tool execution
    notifications, and ``executionSuccessful`` is false when an input was unusable.
    """
    rules = list(registry if registry is not None else default_registry)
    index = {r.code: i for i, r in enumerate(rules)}
    results = [_sarif_result(d, f, a, index.get(f.code)) for d in documents for f, a in d.pairs()]
    notifications: list[dict[str, Any]] = [
        {
            "level": "error",
            "message": {"text": message},
            **(
                {"locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(path)}}}]}
                if path != "-"
                else {}
            ),
        }
        for path, message in unusable
    ]
    for ack in dict.fromkeys(a for d in documents for a in d.stale):
        note: dict[str, Any] = {
            "level": "warning",
            "message": {"text": f"stale acknowledgement: {ack.describe()} matches no finding"},
        }
        if baseline is not None:
            note["locations"] = [{"physicalLocation": {"artifactLocation": {"uri": _uri(baseline)}}}]
        notifications.append(note)
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "perfcheck",
                        "version": VERSION,
                        "rules": [_sarif_rule(r) for r in rules],
                    }
                },
                "invocations": [
                    {"executionSuccessful": not unusable, "toolExecutionNotifications": notifications}
                ],
                "results": results,
            }
        ],
    }


# -- GitHub workflow commands


def github_data(text: str) -> str:
    r"""Escape a workflow command's message: ``%``, carriage return and line feed.

    >>> github_data("50%\nmore")
    '50%25%0Amore'
    """
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    """Escape a workflow command's property value: as :func:`github_data`, and ``:`` and ``,``.

    >>> github_property("a:b,c")
    'a%3Ab%2Cc'
    """
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


def _annotation(command: str, message: str, *, file: str | None, line: int | None, title: str) -> str:
    props = []
    if file is not None:
        props.append(f"file={github_property(file)}")
    if line is not None:
        props.append(f"line={line}")
    props.append(f"title={github_property(title)}")
    return f"::{command} {','.join(props)}::{github_data(message)}"


def github_annotations(documents: Sequence[Checked], *, baseline: str | None = None) -> str:
    """GitHub Actions workflow commands: one annotation a finding, one a stale acknowledgement.

    Errors are ``::error``, warnings ``::warning``, infos and acknowledged findings
    ``::notice`` (with the reason). Each points at the document's file and, where
    known, a line (:func:`_start_line`).
    """
    lines = []
    for document in documents:
        file = None if document.path == "-" else document.path
        for finding, ack in document.pairs():
            message = f"{finding.relation}: {finding.message}" if finding.relation else finding.message
            command, title = _GITHUB_COMMAND[finding.severity], finding.code
            if ack is not None:
                command, title = "notice", f"{finding.code} (acknowledged)"
                message = f"{message} — acknowledged: {ack.reason}"
            lines.append(
                _annotation(command, message, file=file, line=_start_line(document, finding), title=title)
            )
    for ack in dict.fromkeys(a for d in documents for a in d.stale):
        message = f"{ack.describe()} matches no finding; remove it from the baseline"
        lines.append(_annotation("warning", message, file=baseline, line=None, title="stale acknowledgement"))
    return "\n".join(lines)
