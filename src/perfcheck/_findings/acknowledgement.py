"""An acknowledged finding: one that stands, with the publisher's explanation (baseline files)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from perfcheck._findings.finding import Finding
    from perfcheck._findings.plain import PlainFinding


@dataclass(frozen=True, slots=True)
class Acknowledgement:
    """A finding that stands, and why.

    Attributes:
        code: the rule's code, e.g. ``PC201``.
        relation: the relation's id, or None for a finding on no relation.
        figures: the ids of the figures involved; compared as a set.
        reason: the publisher's explanation.
        document: the document (path relative to the baseline's folder, ``file:line``
            for JSON Lines), or None for every document.
    """

    code: str
    relation: str | None
    figures: tuple[str, ...]
    reason: str
    document: str | None = None

    def matches(self, finding: Finding | PlainFinding, document: str) -> bool:
        """Whether this acknowledges ``finding`` of the document called ``document``."""
        return (
            finding.code == self.code
            and finding.relation == self.relation
            and set(finding.figures) == set(self.figures)
            and (self.document is None or self.document == document)
        )

    def key(self) -> tuple[str | None, str, str | None, frozenset[str]]:
        """What identifies the finding acknowledged: document, code, relation, figures."""
        return (self.document, self.code, self.relation, frozenset(self.figures))

    def describe(self) -> str:
        """One line naming the finding acknowledged."""
        where = f" on relation {self.relation}" if self.relation is not None else ""
        figures = f" (figures {', '.join(self.figures)})" if self.figures else ""
        document = f" in {self.document}" if self.document is not None else ""
        return f"{self.code}{where}{figures}{document}"

    def to_json_dict(self) -> dict[str, Any]:
        """The acknowledgement as JSON-ready data."""
        return {
            "document": self.document,
            "code": self.code,
            "relation": self.relation,
            "figures": list(self.figures),
            "reason": self.reason,
        }
