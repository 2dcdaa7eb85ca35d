"""PC5xx: products and formulas."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Mapping
from decimal import ROUND_CEILING, Decimal
from typing import TYPE_CHECKING, Final

from perfcheck._core.formula import Formula, evaluate
from perfcheck._core.i18n import N_
from perfcheck._core.interval import DOWN, INF, NEAR, UP, Interval
from perfcheck._core.units import Kind
from perfcheck._engine.breaker import Drawing
from perfcheck._engine.judging import near
from perfcheck._engine.registry import rule
from perfcheck._findings.plain import Severity, Verdict
from perfcheck.rules._examples import doc, fig

if TYPE_CHECKING:
    from perfcheck._engine.context import Context
    from perfcheck._findings.finding import Finding
    from perfcheck._ledger.document import FormulaRelation, ProductRelation

HUNDRED = Decimal(100)
#: How many sub-boxes a formula with repeated figures is split into, at most.
MAX_BOXES: Final = 256


def _as_factor(ctx: Context, fid: str) -> Interval:
    """A factor of a product: percentages count as fractions."""
    base = ctx.base(fid)
    return base.scale(Decimal("0.01")) if ctx.view(fid).unit.kind is Kind.PERCENT else base


# How the hypothesis strategies break each rule: its breaker.


def _break_product(b: Drawing) -> None:
    """A total that is not the product of its factors."""
    b.scenario("product")
    b.break_subject(b.relations[-1]["total"])


def _break_formula(b: Drawing) -> None:
    """A formula that cannot hold."""
    b.scenario("formula", variants=("linear", "percents", "inequality", "weighted"))
    b.break_linear()


@rule(
    "PC501",
    "product",
    severity=Severity.ERROR,
    kinds=["product"],
    breaker=_break_product,
    passing=doc(
        fig("women", "7", "救助贫困妇女", unit="名"),
        fig("each", "1", "每人救助金", decimals=2),
        fig("relief", "7", "发放救助金", decimals=2),
        relations=[
            {
                "id": "relief_total",
                "kind": "product",
                "total": "relief",
                "factors": ["women", "each"],
            }
        ],
    ),
    failing=doc(
        fig("women", "7", "救助贫困妇女", unit="名"),
        fig("each", "1", "每人救助金", decimals=2),
        fig("relief", "8", "发放救助金", decimals=2),
        relations=[
            {
                "id": "relief_total",
                "kind": "product",
                "total": "relief",
                "factors": ["women", "each"],
            }
        ],
    ),
)
def product(ctx: Context, rel: ProductRelation) -> Iterator[Finding]:
    """A total equals the product of its factors.

    **What it checks.** ``total = Π factors`` for every ``product`` relation, with
    interval multiplication: 7 名 × 1.00 万元 = 7.00 万元. A factor printed in % counts
    as a fraction (an amount × 95 % is 0.95 of it). At most one factor carries a unit.

    **Why.** Per-head amounts, unit prices and rates multiply out to totals that
    reports print separately.

    **What to do.** Recompute the total from the factors.
    """
    result = Interval.point(Decimal(1))
    point = Decimal(1)
    for f in rel.factors:
        result = result * _as_factor(ctx, f)
        scale = Decimal("0.01") if ctx.view(f).unit.kind is Kind.PERCENT else Decimal(1)
        point = NEAR.multiply(point, NEAR.multiply(ctx.point(f), scale))
    if ctx.view(rel.total).unit.kind is Kind.PERCENT:
        result = result.scale(HUNDRED)
        point = NEAR.multiply(point, HUNDRED)
    yield from ctx.judge(
        product,
        rel,
        subject=rel.total,
        target=result,
        expected=point,
        figures=rel.operands(),
        phrase=N_("{terms} is {expected}"),
        phrase_params={"terms": ctx.labels(rel.factors, " × ")},
    )


def _satisfied(op: str, diff: Interval) -> bool:
    """Whether ``left - right`` in ``diff`` can satisfy ``left op right``."""
    if op == "==":
        return diff.contains_zero()
    if op == "<=":
        return diff.lo < 0 if diff.lo_open else diff.lo <= 0
    if op == "<":
        return diff.lo < 0
    if op == ">=":
        return diff.hi > 0 if diff.hi_open else diff.hi >= 0
    return diff.hi > 0


def _difference(formula: Formula, values: Mapping[str, Interval]) -> Interval | None:
    left = evaluate(formula.left, values)
    right = evaluate(formula.right, values)
    return None if left is None or right is None else left - right


def formula_range(formula: Formula, values: Mapping[str, Interval]) -> tuple[Interval | None, bool]:
    """The range of ``left - right`` and whether the comparison can hold.

    Interval evaluation overestimates when a figure occurs more than once, so the
    box of those figures is bisected (at most :data:`MAX_BOXES` boxes) until every
    box fails the comparison — then it cannot hold — or one box may satisfy it.
    The result never calls a satisfiable formula broken. None: a divisor may be zero.
    """
    diff = _difference(formula, values)
    if diff is None:
        return None, True
    if _satisfied(formula.op, diff) and formula.repeated:
        splittable = [n for n in formula.repeated if values[n].is_finite and not values[n].is_point]
        if splittable:
            return _bisect(formula, values, splittable)
    return diff, _satisfied(formula.op, diff)


def _bisect(
    formula: Formula, values: Mapping[str, Interval], names: list[str]
) -> tuple[Interval | None, bool]:
    queue: deque[dict[str, Interval]] = deque([dict(values)])
    failed: list[Interval] = []
    while queue:
        box = queue.popleft()
        diff = _difference(formula, box)
        if diff is None:
            return None, True
        if not _satisfied(formula.op, diff):
            failed.append(diff)
            continue
        if len(queue) + len(failed) + 2 > MAX_BOXES:
            return _difference(formula, values), True
        widest = max(names, key=lambda n: box[n].hi - box[n].lo)
        lower, upper = box[widest].split()
        if lower == box[widest] or upper == box[widest]:
            return _difference(formula, values), True
        queue.append({**box, widest: lower})
        queue.append({**box, widest: upper})
    return Interval(min(d.lo for d in failed), max(d.hi for d in failed)), False


def _formula_unit(ctx: Context, rel: FormulaRelation) -> str | None:
    kinds = {ctx.view(n).unit.kind for n in rel.formula.names}
    if kinds == {Kind.AMOUNT}:
        return ctx.doc_unit.symbol if ctx.doc_unit else None
    if len(kinds) == 1:
        return ctx.view(rel.formula.names[0]).unit.symbol
    return None


@rule(
    "PC502",
    "formula",
    severity=Severity.ERROR,
    kinds=["formula"],
    breaker=_break_formula,
    passing=doc(
        fig("basic_pct", "84.06%", "基本支出占比"),
        fig("proj_pct", "15.94%", "项目支出占比"),
        relations=[{"id": "whole", "kind": "formula", "expr": "basic_pct + proj_pct == 100"}],
    ),
    failing=doc(
        fig("basic_pct", "84.06%", "基本支出占比"),
        fig("proj_pct", "19.62%", "项目支出占比"),
        relations=[{"id": "whole", "kind": "formula", "expr": "basic_pct + proj_pct == 100"}],
    ),
)
def formula(ctx: Context, rel: FormulaRelation) -> Iterator[Finding]:
    """A formula over figures can hold.

    **What it checks.** A ``formula`` relation — a comparison such as
    ``wage_inc - goods_dec - family_dec == -basic_dec`` — with every figure
    replaced by its rounding interval. Amounts are in the document's unit,
    percentages in percent, numbers written in the formula are exact. It is broken
    when no values inside the intervals satisfy it; a divisor that may be zero
    makes it not checkable. Figures that occur more than once are handled by
    splitting their intervals, so the check stays exact where plain interval
    arithmetic would be too lenient.

    **Why.** Some relations are not plain sums: shares that must add to 100 %,
    changes of parts that must add to the change of the whole.

    **What to do.** Evaluate both sides with the printed figures; the finding gives
    both and their difference.
    """
    f = rel.formula
    values = {n: ctx.formula_interval(n) for n in f.names}
    diff, holds = formula_range(f, values)
    if diff is None:
        yield from ctx.not_checkable(
            formula, rel, list(f.names), ctx.t.word(N_("a divisor in the formula may be zero"))
        )
        return
    points = {n: Interval.point(values[n].lo if values[n].is_point else _printed(ctx, n)) for n in f.names}
    left = evaluate(f.left, points)
    right = evaluate(f.right, points)
    actual = None if left is None else left.lo
    expected = None if right is None else right.lo
    difference = None if left is None or right is None else NEAR.subtract(left.lo, right.lo)
    allowed = None
    if actual is not None:
        # The left side's printed value had to lie where left - right can be zero.
        low = -INF if f.op in ("<", "<=") else DOWN.subtract(actual, diff.hi)
        high = INF if f.op in (">", ">=") else UP.subtract(actual, diff.lo)
        allowed = (low, high)
    unit = _formula_unit(ctx, rel)
    ctx.record_check(
        relation=rel.id,
        code=formula.code,
        status="holds" if holds else "broken",
        actual=actual,
        expected=expected,
        difference=difference,
        allowed=allowed,
        unit=unit,
    )
    if holds:
        return
    places = max((ctx.view(n).decimals for n in f.names), default=0)
    gap = Interval.point(Decimal(0)).gap(diff)
    params = {
        "expr": rel.expr,
        "range": ctx.interval(Interval(near(diff.lo, places, 1), near(diff.hi, places, 1))),
        "gap": ctx.number(gap, places + 1, ROUND_CEILING),
    }
    if actual is not None and expected is not None:
        params |= {"left": ctx.number(actual, places), "right": ctx.number(expected, places)}
        template = N_(
            "{expr} cannot hold within the printed figures' rounding (left side {left}, right side "
            "{right}): left - right lies in {range}"
        )
    else:
        template = N_("{expr} cannot hold within the printed figures' rounding: left - right lies in {range}")
    message = ctx.t(template, **params)
    if f.op == "==":
        message = ctx.t(N_("{claim}, at least {gap} from 0"), claim=message, gap=params["gap"])
    yield ctx.finding(
        code=formula.code,
        severity=formula.severity,
        verdict=Verdict.BROKEN,
        relation=rel.id,
        figures=f.names,
        locations=ctx.locations(list(f.names)),
        message=message,
        locale=ctx.locale,
        actual=actual,
        expected=expected,
        difference=difference,
        allowed=allowed,
        unit=unit,
        rounding_explains=False,
    )


def _printed(ctx: Context, fid: str) -> Decimal:
    view = ctx.view(fid)
    interval = ctx.formula_interval(fid)
    # The printed value in the formula's units: rescale the base point like the interval.
    if interval == view.interval:
        return view.number
    if interval == view.base:
        return ctx.point(fid)
    assert ctx.doc_unit is not None  # noqa: S101 - rescaled only with a document unit
    return NEAR.divide(ctx.point(fid), ctx.doc_unit.factor)


RULES = (product, formula)
