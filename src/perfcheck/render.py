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
from typing import Final, Literal

from tabulate import tabulate

from perfcheck._check import Result
from perfcheck._context import fmt
from perfcheck._findings import Finding

Format = Literal["table", "markdown", "html", "json"]
FORMATS: Final = ("table", "markdown", "html", "json")
_TABLEFMT: Final = {"table": "simple", "markdown": "github", "html": "html"}
_HEADERS: Final = ("code", "severity", "relation", "where", "message")


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
    body = tabulate(rows(result), headers=_HEADERS, tablefmt=tablefmt) if result.findings else ""
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
