"""PC4xx: the same figure printed twice, and inequalities."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from perfcheck._core.i18n import N_
from perfcheck._core.interval import INF, Interval
from perfcheck._engine.breaker import Drawing
from perfcheck._engine.registry import rule
from perfcheck._engine.screen import Screen
from perfcheck._findings.plain import Severity
from perfcheck.rules._examples import doc, fig

if TYPE_CHECKING:
    from perfcheck._engine.context import Context
    from perfcheck._findings.finding import Finding
    from perfcheck._findings.message import Message
    from perfcheck._ledger.document import CompareRelation, EqualRelation

# How the fast path screens each rule over plain columns, and how the strategies break it.


def _one_quantity(_: dict[str, Any], spans: Sequence[tuple[int, int]]) -> bool:
    """PC401 over integers: the figures' intervals share a point (the highest low reaches the lowest high)."""
    return max(v - h for v, h in spans) <= min(v + h for v, h in spans)


def _break_equal(b: Drawing) -> None:
    """One figure printed twice with values that cannot be the same."""
    b.scenario("equal")
    figures = b.relations[-1]["figures"]

    def holds() -> bool:
        spans = [b.span(f) for f in figures]
        return max(s[0] for s in spans) <= min(s[1] for s in spans)

    b.move_until_broken(b.both_ways(figures), holds)


def _break_compare(b: Drawing) -> None:
    """An inequality that cannot hold."""
    b.scenario("compare", counts=False)
    b.break_linear()


@rule(
    "PC401",
    "equal",
    severity=Severity.ERROR,
    kinds=["equal"],
    screen=Screen("equal", spans=_one_quantity),
    breaker=_break_equal,
    passing=doc(
        fig("project", "51.89", "项目经费支出"),
        fig("special", "518900", "专项资金", unit="元"),
        relations=[{"id": "same", "kind": "equal", "figures": ["project", "special"]}],
    ),
    failing=doc(
        fig("project", "51.89", "项目经费支出"),
        fig("special", "58.19", "专项资金"),
        relations=[{"id": "same", "kind": "equal", "figures": ["project", "special"]}],
    ),
)
def equal(ctx: Context, rel: EqualRelation) -> Iterator[Finding]:
    """A figure printed in two places (or two units) says the same in both.

    **What it checks.** All figures of an ``equal`` relation can be one quantity:
    their rounding intervals, converted to a common unit, share a point. 51.89万元
    and 518900元 agree; 51.89万元 and 51.9万元 agree (51.9 allows 51.85–51.95);
    51.89万元 and 58.19万元 do not.

    **Why.** Reports repeat their key figures — in the overview, in the project
    section, in the tables — and the copies drift apart when one is revised.

    **What to do.** Find which copy is current and correct the other.
    """
    ids = list(dict.fromkeys(rel.figures))
    # the highest lower end and the lowest upper end (at one value an open end is the tighter)
    high = max(ids, key=lambda i: (ctx.base(i).lo, ctx.base(i).lo_open))
    low = min(ids, key=lambda i: (ctx.base(i).hi, not ctx.base(i).hi_open))
    subject, other = (ids[0], ids[1]) if ctx.base(high).intersects(ctx.base(low)) else (high, low)
    if subject == other:
        other = ids[1]
    yield from ctx.judge(
        equal,
        rel,
        subject=subject,
        target=ctx.base(other),
        expected=ctx.point(other),
        figures=ids,
        phrase=N_("{other} is printed as {expected}"),
        phrase_params=_other_printed(ctx, other),
    )


def _other_printed(ctx: Context, other: str) -> dict[str, str | Message]:
    """The other figure's name, and its printed text when its value is not a plainly rounded number.

    A truncated figure (``45万余元``: 45 to 46 万元) or one with a qualifier is shown as
    printed, not as its value at the subject's decimals (``45.00``), which it never said.
    """
    figure = ctx.views[other].figure
    if figure.rounding == "truncate" or figure.qualifier is not None:
        return {"other": ctx.label(other), "expected": ctx.printed(other)}
    return {"other": ctx.label(other)}


@rule(
    "PC402",
    "compare",
    severity=Severity.ERROR,
    kinds=["compare"],
    breaker=_break_compare,
    passing=doc(
        fig("executed", "251.89", "预算执行数"),
        fig("budget", "251.89", "调整后预算数"),
        relations=[{"id": "within", "kind": "compare", "left": "executed", "op": "<=", "right": "budget"}],
    ),
    failing=doc(
        fig("executed", "261.89", "预算执行数"),
        fig("budget", "251.89", "调整后预算数"),
        relations=[{"id": "within", "kind": "compare", "left": "executed", "op": "<=", "right": "budget"}],
    ),
)
def compare(ctx: Context, rel: CompareRelation) -> Iterator[Finding]:
    """An inequality between two figures can hold.

    **What it checks.** ``left op right`` for ``op`` in ``<``, ``<=``, ``>``, ``>=``,
    for some true values inside both figures' rounding. ``251.89 <= 251.89`` holds;
    so does ``251.89 < 251.89``, since 251.886 and 251.894 are both readings of
    251.89; ``261.89 <= 251.89`` does not.

    **Why.** Some facts are bounds, not sums: spending within the budget, a part
    within its whole, a score within its scale.

    **What to do.** Check which side was mistyped.
    """
    right = ctx.base(rel.right)
    target = (
        Interval(-INF, right.hi, hi_open=right.hi_open)
        if rel.op in ("<", "<=")
        else Interval(right.lo, INF, lo_open=right.lo_open)
    )
    yield from ctx.judge(
        compare,
        rel,
        subject=rel.left,
        target=target,
        expected=ctx.point(rel.right),
        figures=rel.operands(),
        phrase=N_("it should be {op} {right}, printed as {expected}"),
        phrase_params={"op": rel.op, "right": ctx.label(rel.right)},
        strict=rel.op in ("<", ">"),
    )


RULES = (equal, compare)
