"""Render results as text: tables (plain, markdown, HTML) through tabulate, and JSON.

The core never imports this module; findings are data and this is one way to show them.

>>> import perfcheck
>>> from perfcheck.render import render
>>> result = perfcheck.check("examples/seed-ziyang-fulian-2021.json")
>>> print(render(result, "table").splitlines()[-1])
0 errors, 0 warnings, 0 infos; 27 relations checked
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Final, Literal

from tabulate import tabulate

from perfcheck._check import Result
from perfcheck._context import fmt
from perfcheck._findings import Finding
from perfcheck._registry import Rule

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
    """One line counting findings and relations checked."""
    checked = len({c.relation for c in result.checks})
    return (
        f"{len(result.errors)} errors, {len(result.warnings)} warnings, {len(result.infos)} infos; "
        f"{checked} relations checked"
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
    """Documentation of every rule as one markdown page (``docs/rules.md``)."""
    out = [
        "# Rules",
        "",
        "Generated from the rules' own documentation by `perfcheck.render.rules_markdown`;",
        "`tests/test_docs.py` fails when this page and the registry disagree.",
        "",
        "| code | name | severity | status | summary |",
        "|---|---|---|---|---|",
    ]
    rules = list(registry)
    out += [
        f"| [{r.code}](#{r.code.lower()}) | {r.name} | {r.severity.value} | {r.status.value} | {r.summary} |"
        for r in rules
    ]
    for r in rules:
        out += ["", f"## {r.code}", "", f"`{r.name}` — {r.severity.value}, {r.status.value}", ""]
        out += r.doc.split("\n")[1:] if r.doc.count("\n") else []
        for title, example in (("Passes", r.passing), ("Fails", r.failing)):
            if example and (example.get("figures") or example.get("relations")):
                body = json.dumps(example, ensure_ascii=False, indent=2)
                out += ["", f"**{title}:**", "", "```json", body, "```"]
    return "\n".join(out).replace("\n\n\n", "\n\n") + "\n"


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
