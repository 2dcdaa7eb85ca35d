"""A JSON document checked by the fast path: what it found, with no model built unless needed.

:func:`check_plain` screens the document (:mod:`perfcheck._engine.fast`); the part the
screen escalates, if any, is checked by the full path (:func:`perfcheck._engine.run.escalate`),
whose models are loaded then, and only then (``_engine.run``: :mod:`perfcheck._core.lazy`).
A plain document's check imports no pydantic.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from perfcheck import _engine
from perfcheck._core.limits import DEFAULT_LIMITS, Limits
from perfcheck._engine import fast as _fast
from perfcheck._engine.plain import report_order

if TYPE_CHECKING:
    from perfcheck._engine.registry import Registry, Rule
    from perfcheck._findings.finding import Finding, RelationCheck
    from perfcheck._findings.plain import PlainFinding

__all__ = ["PlainOutcome", "check_plain", "crash_code"]


@dataclass(frozen=True, slots=True)
class PlainOutcome:
    """What the fast path found in a plain document.

    Attributes:
        header: the document's fields other than figures and relations.
        findings: the findings, as the full path would report them (those of relations
            judged on plain data as compact data, :mod:`perfcheck._engine.plain`).
        codes: the codes of the rules that ran.
        judged: how many relations some rule judged.
        counts: the document's figures, those in relations, relations, inferred and idle ones.
        parsed: the whole document as parsed (for localisation, which then parses it no more).
        integers: its plain figures as the screen read them (for localisation, which then
            validates no model of a relation the integers decide).
    """

    header: dict[str, Any]
    findings: tuple[Finding | PlainFinding, ...]
    codes: tuple[str, ...]
    judged: int
    counts: tuple[int, int, int, int, int]
    parsed: dict[str, Any] | None = None
    integers: _fast.Integers | None = None


_PLANS: dict[tuple[int, ...], tuple[tuple[Rule, ...], Registry, _fast.Plan | None, tuple[str, ...]]] = {}


def _plan(rules: tuple[Rule, ...], known: Registry) -> tuple[_fast.Plan | None, tuple[str, ...]]:
    """The screen's plan for a selection of rules and their codes, worked out once per selection."""
    key = tuple(map(id, rules))
    cached = _PLANS.get(key)
    if cached is None or cached[0] != rules or cached[1] is not known:
        cached = (rules, known, _fast.plan(rules, known), tuple(r.code for r in rules))
        if len(_PLANS) < 64:
            _PLANS[key] = cached
    return cached[2], cached[3]


def check_plain(  # noqa: PLR0913 - keyword-only options
    data: bytes,
    rules: tuple[Rule, ...],
    *,
    known: Registry,
    locale: str,
    crashes: str | None,
    inferred: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> PlainOutcome | None:
    """Check JSON ``data`` by the fast path (:mod:`perfcheck._engine.fast`).

    The screens of ``rules`` are trusted only when the rules are ``known``'s (by identity).
    Returns what was found, or None when the document is not plain and needs the full path.
    """
    plan, codes = _plan(rules, known)
    if plan is None:
        return None
    # The collector is paused: a collection would walk the parsed document's millions of
    # objects again and again; nothing built here needs it (it runs again afterwards).
    collecting = gc.isenabled()
    gc.disable()
    try:
        screened = _fast.screen(data, plan, limits, locale)
        if screened is None:
            return None
        findings: list[Finding | PlainFinding] = []
        checks: list[RelationCheck] = []
        if screened.relations or screened.figures:
            # The full path, loaded now: the screen could not judge this part on plain data.
            done = _engine.run.escalate(
                screened, rules, locale, crashes=crashes, inferred=inferred, limits=limits
            )
            if done is None:
                return None
            escalated, checks = done
            findings.extend(escalated)
        if screened.worded:
            if findings:
                assert screened.order is not None  # noqa: S101 - set when both kinds are there
                order = {rid: i for i, rid in enumerate(screened.order)}
                findings = report_order([*findings, *screened.worded], order)
            else:
                findings = list(screened.worded)
    finally:
        if collecting:
            gc.enable()
    return PlainOutcome(
        screened.header,
        tuple(findings),
        codes,
        screened.judged + len({c.relation for c in checks}),
        screened.counts,
        screened.parsed,
        screened.integers,
    )


def crash_code(code: str, ignore: Iterable[str] | None) -> str | None:
    """The code crashed rules are reported under, or None when ``ignore`` leaves them out.

    A crashed check is not a passed one: crashes are reported whatever is selected,
    unless their code itself is ignored.
    """
    return None if any(code.startswith(p) for p in ignore or ()) else code
