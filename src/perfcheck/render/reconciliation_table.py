"""The reconciliation: every relation judged, holding or not, with the numbers behind its verdict.

>>> import perfcheck
>>> result = perfcheck.check("examples/seed-with-mistakes.json", select=["PC102"])
>>> print(reconciliation(result).splitlines()[0])
relation     rule    status    stated    computed    allowed             difference    unit
"""

from __future__ import annotations

from typing import Final

from tabulate import tabulate

from perfcheck._core.i18n import N_, Messages, check_locale_name
from perfcheck._findings.finding import RelationCheck, Status
from perfcheck._findings.result import Result
from perfcheck.render._common import shown_numbers, words

#: The columns of a reconciliation of failed checks (a pytest failure, a notebook); catalog msgids.
RECONCILIATION_HEADERS: Final = (
    N_("relation"),
    N_("rule"),
    N_("stated"),
    N_("computed"),
    N_("allowed"),
    N_("difference"),
    N_("unit"),
)
_STATUS_WORDS: Final[dict[Status, str]] = {
    "holds": N_("holds"),
    "broken": N_("broken"),
    "not_checkable": N_("not checkable"),
    "invalid": N_("invalid"),
}


def status_word(status: Status, locale: str) -> str:
    """A check's status as a person reads it: ``holds``, ``broken``; ``成立``, ``不成立``.

    In English the status is written as it is kept (``not_checkable``), as it always was.
    """
    return status if locale == "en" else Messages(locale).word(_STATUS_WORDS[status])


def reconciliation_headers(locale: str, *, status: bool = True) -> tuple[str, ...]:
    """The columns of a reconciliation in ``locale``, with or without the status column."""
    headers = words(RECONCILIATION_HEADERS, locale)
    return (*headers[:2], Messages(locale).word(N_("status")), *headers[2:]) if status else headers


def cells(c: RelationCheck) -> tuple[str, str, str, str, str, str, str]:
    """One check as the cells of :data:`RECONCILIATION_HEADERS`, numbers shown by :func:`shown_numbers`."""
    return (c.relation, c.code, *shown_numbers(c.actual, c.expected, c.allowed, c.difference), c.unit or "")


def reconciliation(result: Result, tablefmt: str = "simple", *, locale: str = "en") -> str:
    """Every relation judged: relation, rule, status, stated, computed, allowed interval, difference.

    Headers and statuses are written in ``locale``; numbers are plain decimals.

    Raises:
        ValueError: no messages for ``locale``.
    """
    check_locale_name(locale)
    data = [(*cells(c)[:2], status_word(c.status, locale), *cells(c)[2:]) for c in result.checks]
    return tabulate(data, headers=reconciliation_headers(locale), tablefmt=tablefmt, disable_numparse=True)


def failed_checks(result: Result) -> list[RelationCheck]:
    """The relation checks behind the result's errors, in the order they were judged.

    >>> import perfcheck
    >>> result = perfcheck.check("examples/seed-with-mistakes.json", select=["PC102"])
    >>> [(c.relation, c.status) for c in failed_checks(result)]
    [('basic_split', 'broken')]
    """
    failed = {(f.relation, f.code) for f in result.errors}
    return [c for c in result.checks if (c.relation, c.code) in failed]
