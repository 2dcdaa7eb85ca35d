"""PC1xx: balances and sums."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

from perfcheck._core.i18n import N_
from perfcheck._core.interval import INF, NEAR, Interval, exact_sum, sum_intervals
from perfcheck._engine.breaker import Drawing
from perfcheck._engine.registry import rule
from perfcheck._engine.screen import Linear, Screen
from perfcheck._findings.plain import Severity
from perfcheck.rules._examples import doc, fig

if TYPE_CHECKING:
    from perfcheck._engine.context import Context
    from perfcheck._findings.finding import Finding
    from perfcheck._ledger.document import BalanceRelation, SumRelation

# How the hypothesis strategies break each rule: its breaker. (Its screen is in its decorator.)


def _break_balance(b: Drawing) -> None:
    """A fund flow that does not balance."""
    b.scenario("balance")
    b.break_linear()


def _break_total(b: Drawing) -> None:
    """Parts that do not add up to their total."""
    b.scenario("sum", exhaustive=True)
    b.break_linear()


def _break_partial(b: Drawing) -> None:
    """A 其中 list whose parts exceed their total."""
    b.scenario("sum", exhaustive=False)
    b.break_linear()


def _weighted(ctx: Context, ids: list[str], weights: list[Decimal] | None) -> Interval:
    """The weighted sum of the figures' intervals, in base units."""
    ws = weights or [Decimal(1)] * len(ids)
    return sum_intervals(
        [ctx.base(i) if w == 1 else ctx.base(i).scale(w) for i, w in zip(ids, ws, strict=True)]
    )


def _weighted_point(ctx: Context, ids: list[str], weights: list[Decimal] | None) -> Decimal:
    """The weighted sum of the figures' printed values, in base units."""
    ws = weights or [Decimal(1)] * len(ids)
    return exact_sum(NEAR.multiply(ctx.point(i), w) for i, w in zip(ids, ws, strict=True))


def _term_names(ctx: Context, ids: list[str], weights: list[Decimal] | None) -> str:
    if not weights:
        return ctx.labels(ids)
    terms = []
    for i, w in zip(ids, weights, strict=True):
        terms.append(ctx.label(i) if w == 1 else f"{w}×{ctx.label(i)}")
    return " + ".join(terms).replace("+ -1×", "- ").replace("+ -", "- ")


@rule(
    "PC101",
    "balance",
    severity=Severity.ERROR,
    kinds=["balance"],
    screen=Screen("balance", linear=Linear(equal=True), plain=True),
    breaker=_break_balance,
    passing=doc(
        fig("carry_in", "2.21", "上年结转"),
        fig("income", "132.35", "总收入"),
        fig("spending", "134.56", "总支出"),
        fig("carry_out", "0", "结转下年", decimals=2),
        relations=[
            {
                "id": "flow",
                "kind": "balance",
                "inflows": ["carry_in", "income"],
                "outflows": ["spending", "carry_out"],
            }
        ],
    ),
    failing=doc(
        fig("carry_in", "2.21", "上年结转"),
        fig("income", "132.35", "总收入"),
        fig("spending", "135.56", "总支出"),
        fig("carry_out", "0", "结转下年", decimals=2),
        relations=[
            {
                "id": "flow",
                "kind": "balance",
                "inflows": ["carry_in", "income"],
                "outflows": ["spending", "carry_out"],
            }
        ],
    ),
)
def balance(ctx: Context, rel: BalanceRelation) -> Iterator[Finding]:
    """The fund flow balances: what came in equals what went out.

    **What it checks.** ``Σ inflows = Σ outflows`` — for a budget or final account,
    上年结转 + 本年收入 = 本年支出 + 结转下年 — under interval semantics: the relation
    is broken only when no true values within the printed figures' rounding make
    both sides equal.

    **Why.** The balance identity is the first thing an auditor checks: a report
    whose money does not balance has lost or invented some.

    **What to do.** Find the figure that was mistyped or left out; the finding names
    the first outflow and how far it is from what the others imply.
    """
    subject, *rest = rel.outflows
    yield from ctx.judge(
        balance,
        rel,
        subject=subject,
        target=_weighted(ctx, rel.inflows, None) - _weighted(ctx, rest, None),
        expected=lambda: NEAR.subtract(
            _weighted_point(ctx, rel.inflows, None), _weighted_point(ctx, rest, None)
        ),
        figures=rel.operands(),
        phrase=N_("{terms} gives {expected}"),
        phrase_params=lambda: {
            "terms": ctx.labels(rel.inflows) + "".join(f" - {ctx.label(r)}" for r in rest)
        },
    )


@rule(
    "PC102",
    "sum-total",
    severity=Severity.ERROR,
    kinds=["sum"],
    screen=Screen("sum", linear=Linear(equal=True, when=("exhaustive", True)), plain=True),
    breaker=_break_total,
    passing=doc(
        fig("basic", "82.67", "基本支出"),
        fig("wages", "63.41", "人员工资支出"),
        fig("public", "19.26", "日常公用经费支出"),
        relations=[{"id": "basic_split", "kind": "sum", "total": "basic", "parts": ["wages", "public"]}],
    ),
    failing=doc(
        fig("basic", "82.67", "基本支出"),
        fig("wages", "63.41", "人员工资支出"),
        fig("public", "19.62", "日常公用经费支出"),
        relations=[{"id": "basic_split", "kind": "sum", "total": "basic", "parts": ["wages", "public"]}],
    ),
)
def sum_total(ctx: Context, rel: SumRelation) -> Iterator[Finding]:
    """A total equals the sum of its parts.

    **What it checks.** ``total = Σ weight·part`` for every exhaustive ``sum``
    relation (a spending line and its items, a head-count and its kinds, every
    level of a tree of line items). A total of 82.67 with parts 63.41 and 19.26
    holds; with parts adding to 83.03 it is 0.36 too little, far beyond the
    0.015 that three figures rounded to 0.01 can explain.

    **Why.** Line items that do not add up to their total are the most common
    arithmetic error in published reports: a transposed digit, an item left out.

    **What to do.** Compare each part against its source table; the finding gives
    the difference and the interval the printed total had to fall in.
    """
    if not rel.exhaustive:
        return
    yield from ctx.judge(
        sum_total,
        rel,
        subject=rel.total,
        target=_weighted(ctx, rel.parts, rel.weights),
        expected=lambda: _weighted_point(ctx, rel.parts, rel.weights),
        figures=rel.operands(),
        phrase=N_("{terms} add up to {expected}"),
        phrase_params=lambda: {"terms": _term_names(ctx, rel.parts, rel.weights)},
    )


@rule(
    "PC103",
    "sum-partial",
    severity=Severity.ERROR,
    kinds=["sum"],
    screen=Screen("sum", linear=Linear(equal=False, when=("exhaustive", False)), plain=True),
    breaker=_break_partial,
    passing=doc(
        fig("project", "51.89", "项目经费支出"),
        fig("relief", "0.15", "特困救助金"),
        fig("media", "0.9", "新媒体运营", decimals=2),
        relations=[
            {
                "id": "of_which",
                "kind": "sum",
                "total": "project",
                "parts": ["relief", "media"],
                "exhaustive": False,
            }
        ],
    ),
    failing=doc(
        fig("project", "1.89", "项目经费支出"),
        fig("home", "8", "湘妹子能量家园建设费", decimals=2),
        fig("media", "0.9", "新媒体运营", decimals=2),
        relations=[
            {
                "id": "of_which",
                "kind": "sum",
                "total": "project",
                "parts": ["home", "media"],
                "exhaustive": False,
            }
        ],
    ),
)
def sum_partial(ctx: Context, rel: SumRelation) -> Iterator[Finding]:
    """The parts named in a "其中" list do not exceed their total.

    **What it checks.** For a ``sum`` with ``exhaustive: false`` — a 其中 list that
    names only some parts — ``Σ weight·part <= total`` must be possible within
    rounding.

    **Why.** "项目支出51.89万元，其中……" often lists only the main items; they need
    not add up to the total, but together they cannot be more than it.

    **What to do.** A part larger than the whole usually means a misplaced
    decimal point or an item listed under the wrong heading.
    """
    if rel.exhaustive:
        return
    parts = _weighted(ctx, rel.parts, rel.weights)
    yield from ctx.judge(
        sum_partial,
        rel,
        subject=rel.total,
        target=Interval(parts.lo, INF, lo_open=parts.lo_open),
        expected=lambda: _weighted_point(ctx, rel.parts, rel.weights),
        figures=rel.operands(),
        phrase=N_("the listed parts {terms} alone add up to {expected}"),
        phrase_params=lambda: {"terms": _term_names(ctx, rel.parts, rel.weights)},
    )


RULES = (balance, sum_total, sum_partial)
