"""PC9xx: relations that cannot be checked as written, and rules that fail."""

from __future__ import annotations

from collections.abc import Iterator

from perfcheck._core.i18n import N_
from perfcheck._engine.breaker import Drawing
from perfcheck._engine.context import Context
from perfcheck._engine.registry import rule
from perfcheck._engine.screen import Screen
from perfcheck._findings.finding import Finding, RelationCheck, Severity, Verdict
from perfcheck._ledger.document import RELATION_KINDS, _Relation
from perfcheck.rules._examples import doc, fig

# How the hypothesis strategies break each rule: its breaker.


#: Where each relation kind's first figure is, for moving it to an incompatible unit.
_FIRST_FIGURE = {
    "sum": "total",
    "balance": "inflows",
    "share": "stated",
    "ratio": "stated",
    "change": "current",
    "equal": "figures",
    "compare": "left",
    "product": "total",
}


def _break_units(b: Drawing) -> None:
    """A relation with a figure in a unit that cannot be compared with the others."""
    kind = b.sampled_from(tuple(_FIRST_FIGURE))
    b.scenario(kind)
    rel = b.relations[-1]
    key = _FIRST_FIGURE[kind]
    fid = rel[key] if isinstance(rel[key], str) else rel[key][0]
    was = b.unit_kind(b.unit_of(fid))
    unit = "人" if was == "amount" else "%" if was == "count" else "例"
    if kind == "product" and was == "percent":
        unit = "百分点"  # a count total of percentages would be a plain number, which is fine
    b.set_unit(fid, unit)


@rule(
    "PC901",
    "incompatible-units",
    severity=Severity.ERROR,
    kinds=RELATION_KINDS,
    # The screen escalates every relation whose units cannot be compared, whatever is selected.
    screen=Screen(),
    breaker=_break_units,
    runs_on_invalid=True,
    passing=doc(
        fig("a", "7"),
        fig("b", "70000", unit="元"),
        relations=[{"id": "same", "kind": "equal", "figures": ["a", "b"]}],
    ),
    failing=doc(
        fig("a", "7"),
        fig("b", "7", unit="%"),
        relations=[{"id": "same", "kind": "equal", "figures": ["a", "b"]}],
    ),
)
def incompatible_units(ctx: Context, rel: _Relation) -> Iterator[Finding]:
    """A relation's figures are in units that cannot be compared.

    **What it checks.** The operands of every relation are in compatible units:
    amounts of one currency (元, 万元 and 亿元 convert exactly), percentages for
    stated shares and rates, 百分点 for a change of a percentage, counts with
    counts. Amounts in two currencies are never converted silently.

    **Why.** Comparing 7万元 with 7 % is a transcription error in the document; no
    arithmetic check of that relation would mean anything, so it is reported and
    the relation is skipped by the other rules.

    **What to do.** Fix the figure's ``unit`` (or the value's suffix) in the document.
    """
    problem = ctx.dimension_problem(rel)
    if problem is None:
        return
    ctx.checks.append(RelationCheck(relation=rel.id, code=incompatible_units.code, status="invalid"))
    yield Finding(
        code=incompatible_units.code,
        severity=incompatible_units.severity,
        verdict=Verdict.INVALID,
        relation=rel.id,
        figures=tuple(dict.fromkeys(rel.operands())),
        locations=ctx.locations(rel.operands()),
        message=ctx.t(
            N_("relation {relation} ({kind}) cannot be checked: {problem}"),
            relation=rel.id,
            kind=rel.kind,
            problem=problem,
        ),
    )


@rule(
    "PC902",
    "rule-crashed",
    severity=Severity.ERROR,
    screen=Screen(),  # it finds nothing by itself
    passing=doc(relations=[]),
    failing={},
)
def rule_crashed(ctx: Context, _: None) -> Iterator[Finding]:
    """A rule raised an exception.

    **What it checks.** Nothing by itself: when any rule raises while checking, the
    exception becomes a PC902 finding naming the rule, the relation and the error,
    and every other rule still runs. It is reported whichever rules are selected,
    unless PC902 itself is ignored.

    **Why.** One faulty rule — perfcheck's own or a plugin's — must not hide what
    the others find, nor pass silently: a crashed check is not a passed one.

    **What to do.** Report it, with the document, as a bug in the rule.
    """
    del ctx
    return iter(())


RULES = (incompatible_units, rule_crashed)
