"""What the command line writes of a document the fast path checked: plain data, no models.

A :class:`~perfcheck._findings.result.Result` is a model; :class:`PlainResult` holds
the same parts as the renderers of the command line read them, built without pydantic.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from perfcheck._findings.counts import plain_coverage
from perfcheck._findings.plain import Severity

if TYPE_CHECKING:
    from perfcheck._findings.finding import Finding
    from perfcheck._findings.plain import PlainFinding

__all__ = ["PlainResult", "result_json_dict"]


def result_json_dict(
    title: str | None,
    severities: tuple[int, int, int],
    relations_checked: int,
    coverage: dict[str, Any],
    findings: list[dict[str, Any]],
) -> dict[str, Any]:
    """A result as the spec's JSON, from its parts (:meth:`~perfcheck._findings.result.Result.to_json_dict`).

    ``severities`` counts the errors, warnings and infos; ``coverage`` and ``findings`` are
    their JSON. A batch writes a clean report from the screen's counts with it, building no result.
    """
    errors, warnings, infos = severities
    return {
        "perfcheck": "1",
        "title": title,
        "summary": {
            "errors": errors,
            "warnings": warnings,
            "infos": infos,
            "relations_checked": relations_checked,
            "coverage": coverage,
        },
        "findings": findings,
    }


class PlainResult:
    """What the command line writes of a document the fast path checked, without a :class:`Result`.

    Its findings are as the fast path found them: compact data
    (:class:`~perfcheck._findings.plain.PlainFinding`) for the relations judged on plain
    data, models for the escalated part; the renderers of the command line (table, JSON)
    read the same attributes of either. A library caller gets a :class:`Result`, whose
    findings are all models built from these (``Finding.of``), with the same values.

    Attributes:
        title: the document's title.
        findings: every finding, in report order.
        rules: the codes of the rules that ran.
        locale: the language of the messages.
        relations_checked: how many relations some rule judged.
        coverage: how much of the document was read, from the screen's counts.
    """

    __slots__ = ("coverage", "findings", "locale", "relations_checked", "rules", "title")

    def __init__(  # noqa: PLR0913, PLR0917 - the parts
        self,
        title: str | None,
        findings: tuple[Finding | PlainFinding, ...],
        rules: tuple[str, ...],
        locale: str,
        relations_checked: int,
        counts: tuple[int, int, int, int, int],
    ) -> None:
        """Hold the parts; ``counts``: figures, those in relations, relations, inferred and idle ones."""
        self.title = title
        self.findings = findings
        self.rules = rules
        self.locale = locale
        self.relations_checked = relations_checked
        self.coverage = plain_coverage(*counts, findings)

    def to_json_dict(self, *, findings: bool = True) -> dict[str, Any]:
        """The result as the spec's JSON, as :meth:`Result.to_json_dict` writes it."""
        severities = [f.severity for f in self.findings]
        return result_json_dict(
            self.title,
            (
                severities.count(Severity.ERROR),
                severities.count(Severity.WARNING),
                severities.count(Severity.INFO),
            ),
            self.relations_checked,
            self.coverage.to_json_dict(),
            [f.to_json_dict() for f in self.findings] if findings else [],
        )
