"""A SARIF 2.1.0 log of one run, for code-scanning tools: the rules, a result a finding, notifications."""

from __future__ import annotations

import hashlib
import json
import urllib.parse
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, Final

from perfcheck._core.version import VERSION
from perfcheck._findings.plain import PlainFinding, Severity
from perfcheck._read.kinds import format_of_path
from perfcheck.render._common import Checked, locale_of, not_read_lines
from perfcheck.render.github import start_line
from perfcheck.render.rule_docs import body_in, summary_of
from perfcheck.rules import default_registry

if TYPE_CHECKING:
    from collections.abc import Sequence

    from perfcheck._engine.registry import Registry, Rule
    from perfcheck._findings.acknowledgement import Acknowledgement
    from perfcheck._findings.finding import Finding

#: The ``$schema`` of SARIF logs.
SARIF_SCHEMA: Final = "https://json.schemastore.org/sarif-2.1.0.json"
#: Where the rules are documented, as ``helpUri`` (``/PC201.md`` is appended).
RULES_DOC: Final = "docs/rules"
_SARIF_LEVEL: Final = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(path: str) -> str:
    posix = PurePath(path).as_posix()
    if PurePath(path).is_absolute():
        return Path(path).as_uri()
    return urllib.parse.quote(posix, safe="/")


def qualified_name(collection: str, item_id: str) -> str:
    """A logical location's ``fullyQualifiedName``: ``figures.income``, ``figures["2010101"]``.

    An id that is not a plain word (any text may be one) is quoted as a JSON string,
    so that a ``.`` or ``[`` in it cannot be read as a step of the path.

    >>> qualified_name("figures", "income"), qualified_name("figures", "行政.运行")
    ('figures.income', 'figures["行政.运行"]')
    """
    if item_id.isidentifier():
        return f"{collection}.{item_id}"
    return f"{collection}[{json.dumps(item_id, ensure_ascii=False)}]"


def _sarif_rule(rule: Rule, locale: str | None) -> dict[str, Any]:
    if locale is None or locale == "en":
        summary, doc = rule.summary, rule.doc or rule.summary
    else:
        summary = summary_of(rule, locale)
        body = body_in(rule, locale)
        doc = f"{summary}\n\n{body}" if body else summary
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": doc},
        "help": {"text": doc, "markdown": doc},
        "helpUri": f"{RULES_DOC}/{rule.code}.md",
        "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
        "properties": {"tags": [rule.status.value], "status": rule.status.value},
    }


def _sarif_result(
    document: Checked,
    finding: Finding | PlainFinding,
    ack: Acknowledgement | None,
    index: int | None,
    locale: str | None,
) -> dict[str, Any]:
    data = finding.to_json_dict()
    logical = []
    if finding.relation is not None:
        logical.append(
            {
                "name": finding.relation,
                "fullyQualifiedName": qualified_name("relations", finding.relation),
                "kind": "object",
            }
        )
    logical += [
        {"name": f, "fullyQualifiedName": qualified_name("figures", f), "kind": "object"}
        for f in finding.figures
    ]
    location: dict[str, Any] = {}
    if document.path != "-":
        physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(document.path)}}
        line = start_line(document, finding)
        if line is not None:
            physical["region"] = {"startLine": line}
        location["physicalLocation"] = physical
    if logical:
        location["logicalLocations"] = logical
    identity = "\x1f".join([document.name, finding.code, finding.relation or "", *sorted(finding.figures)])
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "level": _SARIF_LEVEL[finding.severity],
        "message": {"text": finding.text(locale)},
        "locations": [location] if location else [],
        "partialFingerprints": {"perfcheckFinding/v1": hashlib.sha256(identity.encode()).hexdigest()[:32]},
        "properties": {
            "document": document.name,
            "relation": finding.relation,
            "figures": list(finding.figures),
            **{
                k: data[k]
                for k in (
                    "verdict",
                    "subject",
                    "actual",
                    "expected",
                    "difference",
                    "allowed",
                    "unit",
                    "localisation",
                )
                if k in data
            },
        },
    }
    if index is not None:
        result["ruleIndex"] = index
    if ack is not None:
        result["suppressions"] = [{"kind": "external", "status": "accepted", "justification": ack.reason}]
    return result


def _not_read_notes(document: Checked, locale: str | None) -> list[dict[str, Any]]:
    """A ``note`` notification for each part of the document its reader could not read.

    Its lines are lines of the report's text: a region of the file checked when that
    file is the text (a ledger written from it names only its parts, in ``properties``).
    """
    cover = document.result.coverage
    texts = not_read_lines(cover, locale_of(document.result, locale))
    notes = []
    for part, text in zip(cover.not_read, texts, strict=True):
        note: dict[str, Any] = {"level": "note", "message": {"text": text}}
        if document.path != "-":
            place: dict[str, Any] = {"artifactLocation": {"uri": _uri(document.path)}}
            if format_of_path(document.path) == "text":
                place["region"] = {"startLine": part.line, "endLine": part.last or part.line}
            note["locations"] = [{"physicalLocation": place}]
        note["properties"] = {"document": document.name, "notRead": part.model_dump(mode="json")}
        notes.append(note)
    return notes


def sarif_log(
    documents: Sequence[Checked],
    *,
    unusable: Sequence[tuple[str, str]] = (),
    baseline: str | None = None,
    registry: Registry | None = None,
    locale: str | None = None,
) -> dict[str, Any]:
    """A SARIF 2.1.0 log of one run: the rules, a result a finding, notifications of what was unusable.

    Acknowledged findings carry an ``external`` suppression whose justification is
    the reason; unusable inputs and stale acknowledgements are tool execution
    notifications, and ``executionSuccessful`` is false when an input was unusable.
    Messages are written in ``locale`` (default: each finding's own), and so are the rules'
    descriptions when a locale other than English is asked for.
    """
    rules = list(registry if registry is not None else default_registry)
    index = {r.code: i for i, r in enumerate(rules)}
    results = [_sarif_result(d, f, a, index.get(f.code), locale) for d in documents for f, a in d.pairs()]
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
    # the parts of a document its reader could not read: nothing checked their figures
    for document in documents:
        notifications.extend(_not_read_notes(document, locale))
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
                        "rules": [_sarif_rule(r, locale) for r in rules],
                    }
                },
                "invocations": [
                    {"executionSuccessful": not unusable, "toolExecutionNotifications": notifications}
                ],
                "results": results,
            }
        ],
    }
