"""How much of a document a check read: a pass says how much it covered.

A result with no error says nothing wrong was *found*; how much was looked at is
:class:`Coverage`: the figures read, how many of them some relation uses, the
relations built (and how many a reader inferred rather than read as stated), how
many some rule judged and how many could not be judged.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ConfigDict

from perfcheck._findings.finding import Finding, Verdict


class Coverage(BaseModel):
    """How much of a document a check read.

    Attributes:
        figures: the figures the document holds (for report text: the figures read).
        in_relations: how many of them at least one relation uses; the others were
            read but checked against nothing.
        relations: the relations built.
        inferred: how many of those a reader inferred rather than found stated
            (``basis: inferred``; their breaks are warnings, rule PC903).
        not_checkable: findings that a relation could not be judged (a divisor that
            may be zero, incompatible units).

    >>> import perfcheck
    >>> perfcheck.check("examples/seed-ziyang-fulian-2021.json").coverage
    Coverage(figures=63, in_relations=50, relations=27, inferred=0, not_checkable=0)
    """

    model_config = ConfigDict(frozen=True)

    figures: int
    in_relations: int
    relations: int
    inferred: int
    not_checkable: int


def _not_checkable(findings: Iterable[Finding]) -> int:
    return sum(f.verdict in (Verdict.NOT_CHECKABLE, Verdict.INVALID) for f in findings)


def coverage_of_ledger(
    figure_ids: Iterable[str], relations: Iterable[Any], findings: Iterable[Finding]
) -> Coverage:
    """The coverage of a validated ledger's figures and relations (models with ``operands()``)."""
    ids = list(figure_ids)
    rels = list(relations)
    used = {o for r in rels for o in r.operands()}
    return Coverage(
        figures=len(ids),
        in_relations=len(used & set(ids)),
        relations=len(rels),
        inferred=sum(r.basis == "inferred" for r in rels),
        not_checkable=_not_checkable(findings),
    )


def coverage_of_counts(
    figures: int, in_relations: int, relations: int, inferred: int, findings: Iterable[Finding]
) -> Coverage:
    """The coverage of a document whose figures and relations were counted as it was read (the fast path)."""
    return Coverage(
        figures=figures,
        in_relations=in_relations,
        relations=relations,
        inferred=inferred,
        not_checkable=_not_checkable(findings),
    )
