"""Run rules over a ledger and collect what they find."""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from perfcheck._core.i18n import N_
from perfcheck._core.limits import DEFAULT_LIMITS, Limits
from perfcheck._engine import fast as _fast
from perfcheck._engine.context import Context
from perfcheck._engine.registry import Registry, Rule
from perfcheck._findings.finding import Finding, RelationCheck, Severity, Verdict
from perfcheck._findings.message import Message
from perfcheck._findings.plain import PlainFinding
from perfcheck._ledger.document import Ledger, _Relation

_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


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
            ledger = _fast.escalated_ledger(screened, limits)
            if ledger is None:
                return None
            # A document rule the screen cleared is not run again on the escalated part.
            escalated_rules = tuple(r for r in rules if r.code not in screened.cleared)
            escalated, checks = run_rules(
                ledger,
                escalated_rules,
                locale,
                crashes=crashes,
                inferred=inferred,
                precision=screened.precision,
            )
            findings.extend(escalated)
        if screened.worded:
            if findings:
                assert screened.order is not None  # noqa: S101 - set when both kinds are there
                findings = in_report_order([*findings, *screened.worded], screened.order)
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


def _crash(ctx: Context, code: str, rule: Rule, relation: _Relation | None, exc: Exception) -> Finding:
    """A rule that raised, as a finding of ``code``."""
    error = f"{type(exc).__name__}: {exc}"
    if relation is None:
        message = ctx.t(
            N_("rule {code} ({name}) crashed: {error}"), code=rule.code, name=rule.name, error=error
        )
    else:
        message = ctx.t(
            N_("rule {code} ({name}) crashed on relation {relation}: {error}"),
            code=rule.code,
            name=rule.name,
            relation=relation.id,
            error=error,
        )
    return Finding(
        code=code,
        severity=Severity.ERROR,
        verdict=Verdict.CRASHED,
        relation=None if relation is None else relation.id,
        figures=() if relation is None else tuple(dict.fromkeys(relation.operands())),
        message=message,
        locale=ctx.locale,
    )


def crash_code(code: str, ignore: Iterable[str] | None) -> str | None:
    """The code crashed rules are reported under, or None when ``ignore`` leaves them out.

    A crashed check is not a passed one: crashes are reported whatever is selected,
    unless their code itself is ignored.
    """
    return None if any(code.startswith(p) for p in ignore or ()) else code


_Found = TypeVar("_Found", Finding, Finding | PlainFinding)


def in_report_order(findings: Iterable[_Found], ledger: Ledger | Iterable[str]) -> list[_Found]:
    """Findings ordered errors first, then in the order of the relations they are about.

    The order is the ledger's, or that of the relation ids given in its place.
    """
    ids = (r.id for r in ledger.relations) if isinstance(ledger, Ledger) else ledger
    order = {rid: i for i, rid in enumerate(ids)}
    return sorted(
        findings, key=lambda f: (_SEVERITY_ORDER[f.severity], order.get(f.relation or "", -1), f.code)
    )


def _inferred(finding: Finding, code: str) -> Finding:
    """An error on a relation the text does not state, as a finding of ``code`` to check by hand."""
    message = Message.assemble(
        N_("check by hand ({code}): {message}; perfcheck inferred this relation, the text does not state it"),
        {"code": finding.code, "message": Message.assemble(finding.message_id, finding.message_params)},
    )
    return finding.model_copy(
        update={
            "code": code,
            "severity": Severity.WARNING,
            "message_id": message.id,
            "message_params": message.params,
        }
    )


def _on_inferred(found: Iterable[Finding], code: str | None) -> list[Finding]:
    """Findings on an inferred relation: its errors as findings of ``code`` (none when it is None)."""
    out = []
    for finding in found:
        if finding.severity is not Severity.ERROR:
            out.append(finding)
        elif code is not None:
            out.append(_inferred(finding, code))
    return out


def run_rules(  # noqa: PLR0913 - keyword-only options
    ledger: Ledger,
    rules: tuple[Rule, ...],
    locale: str,
    *,
    crashes: str | None,
    inferred: str | None = None,
    precision: Mapping[str, Mapping[int, int]] | None = None,
) -> tuple[list[Finding], list[RelationCheck]]:
    """Run ``rules`` over a validated ledger: findings in report order, and every check made.

    A rule that raises becomes a finding of code ``crashes`` (none when it is None). An
    error on a relation whose basis is ``inferred`` becomes a warning of code
    ``inferred`` (dropped when it is None): a reader guessed the relation, so it is
    shown to be checked by hand and never fails the run. ``precision`` is the
    precision of the whole document ``ledger`` is part of (``Context.precision``).
    """
    ctx = Context(ledger, locale, precision=precision)
    by_kind: dict[str, list[_Relation]] = defaultdict(list)
    for relation in ledger.relations:
        by_kind[relation.kind].append(relation)
    findings: list[Finding] = []
    for rule in rules:
        targets: list[_Relation | None] = (
            [rel for kind in sorted(rule.kinds) for rel in by_kind.get(kind, [])] if rule.kinds else [None]
        )
        for rel in targets:
            if (
                rel is not None
                and not rule.runs_on_invalid
                and (ctx.dimension_problem(rel) or ctx.unjudged(rel))
            ):
                continue
            try:
                found = rule.check(ctx, rel)
                stated = rel is None or rel.basis == "stated"
                findings.extend(found if stated else _on_inferred(found, inferred))
            except Exception as exc:  # noqa: BLE001 - a crashing rule becomes a finding
                if crashes is not None:
                    findings.append(_crash(ctx, crashes, rule, rel, exc))
    return in_report_order(findings, ledger), ctx.checks
