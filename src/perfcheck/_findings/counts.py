"""What a check counts of a document, as plain data: the fast path's coverage, built without models.

:class:`~perfcheck._findings.coverage.Coverage` is the model a :class:`~perfcheck.Result`
holds; the command line writes a document the fast path checked from a
:class:`PlainCoverage`, the same counts as plain data (its JSON is the model's).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from perfcheck._core.units import Kind, UnknownUnitError, lookup_unit
from perfcheck._findings.plain import Verdict

if TYPE_CHECKING:
    from perfcheck._findings.finding import Finding
    from perfcheck._findings.plain import PlainFinding

__all__ = ["PlainCoverage", "alone", "is_count", "not_checkable", "plain_coverage"]


def not_checkable(findings: Iterable[Finding | PlainFinding]) -> int:
    """How many findings say a relation could not be judged (not checkable, or invalid)."""
    return sum(f.verdict in (Verdict.NOT_CHECKABLE, Verdict.INVALID) for f in findings)


def alone(relation: Mapping[str, Any], counts: frozenset[str] = frozenset()) -> bool:
    """Whether a relation (as data) holds nothing to judge.

    A change with no prior and only one of amount and rate; a ratio whose denominator is
    not printed and whose numerator is not a count (``counts``: the ids of the figures in
    a count unit), so no whole-number target can be tested either (完成年度预算的95%
    with the budget printed nowhere).

    >>> alone({"kind": "change", "current": "a", "delta": "d"})
    True
    >>> alone({"kind": "change", "current": "a", "delta": "d", "percent": "p"})
    False
    >>> alone({"kind": "ratio", "numerator": "spent", "stated": "rate"})
    True
    >>> alone({"kind": "ratio", "numerator": "cases", "stated": "rate"}, counts=frozenset({"cases"}))
    False
    """
    if relation.get("kind") == "ratio":
        return relation.get("denominator") is None and relation.get("numerator") not in counts
    if relation.get("kind") != "change" or relation.get("prior") is not None:
        return False
    return (relation.get("delta") is None) != (relation.get("percent") is None)


def is_count(unit: object) -> bool:
    """Whether ``unit`` (a figure's unit as written) is a count unit; an unknown one is not."""
    if not isinstance(unit, str):
        return False
    try:
        return lookup_unit(unit).kind is Kind.COUNT
    except UnknownUnitError:
        return False


class PlainCoverage(NamedTuple):
    """A coverage of counts alone, as :class:`~perfcheck._findings.coverage.Coverage` holds them.

    The fast path reads no ``not_read`` parts (a document holding some is read by the full path).

    >>> cover = plain_coverage(63, 50, 27, 0, 0, ())
    >>> cover.to_json_dict()
    {'figures': 63, 'in_relations': 50, 'relations': 27, 'inferred': 0, 'not_checkable': 0, 'not_read': []}
    """

    figures: int
    in_relations: int
    relations: int
    inferred: int
    not_checkable: int
    not_read: tuple[()] = ()

    @property
    def not_read_lines(self) -> int:
        """How many lines of the source the parts not read cover: none."""
        return 0

    def to_json_dict(self) -> dict[str, Any]:
        """The coverage as the spec's JSON, as the model writes it."""
        return {**self._asdict(), "not_read": []}


def plain_coverage(  # noqa: PLR0913, PLR0917 - the screen's five counts, then the findings
    figures: int,
    in_relations: int,
    relations: int,
    inferred: int,
    idle: int,
    findings: Iterable[Finding | PlainFinding],
) -> PlainCoverage:
    """The coverage of a document whose figures and relations the fast path counted as it read them.

    ``idle`` relations hold nothing to judge (:func:`alone`).
    """
    return PlainCoverage(figures, in_relations, relations, inferred, not_checkable(findings) + idle)
