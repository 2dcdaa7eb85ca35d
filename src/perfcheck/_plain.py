"""The fast path as the command line asks it: what a JSON document holds, found as plain data.

:func:`found_plain` is what a batch asks of each JSON document (:mod:`perfcheck._batch`):
the findings the fast path found (compact data where judged on plain data) and the
counts a clean document is written from, with no :class:`~perfcheck.Result` and no model
built. :mod:`perfcheck._api` builds a result of them for a library caller.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from perfcheck._core.limits import DEFAULT_LIMITS, Limits
from perfcheck._engine.outcome import PlainOutcome, check_plain, crash_code
from perfcheck.rules import CRASH_CODE, INFERRED_CODE, default_registry

if TYPE_CHECKING:
    from perfcheck._engine.registry import Rule
    from perfcheck._findings.finding import Finding
    from perfcheck._findings.plain import PlainFinding

__all__ = ["Plain", "found_plain", "inferred_code", "plain_outcome", "reports_crashes"]


def reports_crashes(ignore: Iterable[str] | None) -> bool:
    """Whether crashed rules are reported (under :data:`perfcheck.rules.CRASH_CODE`).

    A crashed check is not a passed one: crashes are reported whatever is selected,
    unless that code itself is ignored.
    """
    return crash_code(CRASH_CODE, ignore) is not None


_INFERRED: dict[int, tuple[tuple[Rule, ...], str | None]] = {}


def inferred_code(rules: tuple[Rule, ...]) -> str | None:
    """The code errors on inferred relations are reported under: PC903 when it is selected, else none.

    Worked out once per selection (a registry hands out the same tuple for the same
    selection), as the column screen's plan is: a batch asks once a document.
    """
    cached = _INFERRED.get(id(rules))
    if cached is not None and cached[0] is rules:
        return cached[1]
    code = INFERRED_CODE if any(r.code == INFERRED_CODE for r in rules) else None
    if len(_INFERRED) < 64:
        _INFERRED[id(rules)] = (rules, code)
    return code


def found_plain(
    data: bytes,
    rules: tuple[Rule, ...],
    *,
    locale: str,
    crash_reported: bool,
    limits: Limits = DEFAULT_LIMITS,
) -> Plain | None:
    """What the fast path finds in JSON ``data``, without building a :class:`Result`.

    A batch asks this of each document: a clean one is written out from these few
    counts (:func:`plain_result` builds the result when one is needed). None when the
    document is not plain and needs the full path.
    """
    outcome = plain_outcome(data, rules, locale=locale, crash_reported=crash_reported, limits=limits)
    return None if outcome is None else found(outcome)


def plain_outcome(
    data: bytes, rules: tuple[Rule, ...], *, locale: str, crash_reported: bool, limits: Limits
) -> PlainOutcome | None:
    """The engine's fast path over ``data`` with the shipped rules' screens."""
    return check_plain(
        data,
        rules,
        known=default_registry,
        locale=locale,
        crashes=CRASH_CODE if crash_reported else None,
        inferred=inferred_code(rules),
        limits=limits,
    )


def found(outcome: PlainOutcome) -> Plain:
    """What a worker sends back of the fast path's outcome (not the parsed document)."""
    header = outcome.header
    return Plain(
        header.get("title"),
        outcome.findings,
        outcome.judged,
        outcome.counts,
        header.get("entity"),
        header.get("period"),
    )


@dataclass(frozen=True, slots=True)
class Plain:
    """What the fast path found in one document, without the document: what a worker sends back.

    Attributes:
        title: the document's title.
        findings: the findings.
        judged: how many relations some rule judged.
        counts: the document's figures, those in relations, relations, inferred and idle ones.
        entity: the document's entity.
        period: the document's period.
    """

    title: str | None
    findings: tuple[Finding | PlainFinding, ...]
    judged: int
    counts: tuple[int, int, int, int, int]
    entity: str | None = None
    period: str | None = None
