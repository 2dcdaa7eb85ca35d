"""The reconciliation: every relation judged, holding or not, with the numbers behind its verdict.

>>> import perfcheck
>>> result = perfcheck.check("examples/seed-with-mistakes.json", select=["PC102"])
>>> print(reconciliation(result).splitlines()[0])
relation     rule    status    stated    computed    allowed             difference    unit
"""

from __future__ import annotations

from typing import Final

from tabulate import tabulate

from perfcheck._engine.context import fmt
from perfcheck._findings.finding import RelationCheck
from perfcheck._findings.result import Result
from perfcheck.render._common import interval_text

#: The columns of a reconciliation of failed checks (a pytest failure, a notebook).
RECONCILIATION_HEADERS: Final = ("relation", "rule", "stated", "computed", "allowed", "difference", "unit")


def cells(c: RelationCheck) -> tuple[str, str, str, str, str, str, str]:
    """One check as the cells of :data:`RECONCILIATION_HEADERS`."""
    return (
        c.relation,
        c.code,
        "" if c.actual is None else fmt(c.actual),
        "" if c.expected is None else fmt(c.expected),
        interval_text(c.allowed),
        "" if c.difference is None else fmt(c.difference),
        c.unit or "",
    )


def reconciliation(result: Result, tablefmt: str = "simple") -> str:
    """Every relation judged: relation, rule, status, stated, computed, allowed interval, difference."""
    data = [(*cells(c)[:2], c.status, *cells(c)[2:]) for c in result.checks]
    headers = (*RECONCILIATION_HEADERS[:2], "status", *RECONCILIATION_HEADERS[2:])
    return tabulate(data, headers=headers, tablefmt=tablefmt, disable_numparse=True)


def failed_checks(result: Result) -> list[RelationCheck]:
    """The relation checks behind the result's errors, in the order they were judged.

    >>> import perfcheck
    >>> result = perfcheck.check("examples/seed-with-mistakes.json", select=["PC102"])
    >>> [(c.relation, c.status) for c in failed_checks(result)]
    [('basic_split', 'broken')]
    """
    failed = {(f.relation, f.code) for f in result.errors}
    return [c for c in result.checks if (c.relation, c.code) in failed]
