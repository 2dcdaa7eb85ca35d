"""Run rules over a ledger and collect what they find."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, TypeVar

from perfcheck._core.errors import LedgerError
from perfcheck._core.i18n import N_
from perfcheck._core.limits import Limits
from perfcheck._engine.context import Context
from perfcheck._engine.plain import report_order
from perfcheck._engine.registry import Rule
from perfcheck._findings.finding import Finding, RelationCheck, Severity, Verdict
from perfcheck._findings.message import Message
from perfcheck._findings.plain import PlainFinding
from perfcheck._ledger.document import Ledger, _Relation, validate

if TYPE_CHECKING:
    from perfcheck._engine.fast import Screened


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


_Found = TypeVar("_Found", Finding, Finding | PlainFinding)


def in_report_order(findings: Iterable[_Found], ledger: Ledger | Iterable[str]) -> list[_Found]:
    """Findings ordered errors first, then in the order of the relations they are about.

    The order is the ledger's, or that of the relation ids given in its place.
    """
    ids = (r.id for r in ledger.relations) if isinstance(ledger, Ledger) else ledger
    return report_order(findings, {rid: i for i, rid in enumerate(ids)})


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


def escalate(  # noqa: PLR0913 - keyword-only options
    screened: Screened,
    rules: tuple[Rule, ...],
    locale: str,
    *,
    crashes: str | None,
    inferred: str | None,
    limits: Limits,
) -> tuple[list[Finding], list[RelationCheck]] | None:
    """Check the part of a plain document the screen escalated, as a ledger, by the full path.

    A document rule the screen cleared is not run again on the escalated part. None when
    the part does not validate (never expected: the screen read it).
    """
    try:
        ledger = validate(screened.document(), limits=limits)
    except LedgerError:
        return None
    escalated_rules = tuple(r for r in rules if r.code not in screened.cleared)
    return run_rules(
        ledger, escalated_rules, locale, crashes=crashes, inferred=inferred, precision=screened.precision
    )
