"""The rules' documentation: the index page, one page a rule (``docs/rules/``, ``perfcheck explain``)."""

from __future__ import annotations

import json
from collections.abc import Iterable

from perfcheck._engine.registry import Rule


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
