"""PC2xx: shares and ratios."""

from __future__ import annotations

import math
from collections.abc import Iterator
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from perfcheck._core.i18n import N_
from perfcheck._core.interval import (
    DOWN,
    NEAR,
    UP,
    Interval,
    exact_sum,
    monotone_range,
    quotient,
    sum_intervals,
)
from perfcheck._core.units import Kind
from perfcheck._engine.breaker import Drawing
from perfcheck._engine.registry import rule
from perfcheck._engine.screen import Quotient, Screen
from perfcheck._findings.plain import Severity, Verdict
from perfcheck.rules._examples import doc, fig

if TYPE_CHECKING:
    from perfcheck._engine.context import Context
    from perfcheck._findings.finding import Finding
    from perfcheck._ledger.document import RatioRelation, ShareRelation

HUNDRED = Decimal(100)


# How the fast path screens each rule over plain columns, and how the strategies break it.


def _share_holds(_: dict[str, Any], q: Quotient) -> bool:
    """``part / whole × 100 = stated`` can hold: the stated range meets part's range ÷ whole's."""
    if q.whole - q.hw <= 0 or q.part - q.hp < 0:
        return False  # not checkable, or a part that may be negative: the full path judges
    s, hs, w, hw, p, hp, hundred = q.stated, q.hs, q.whole, q.hw, q.part, q.hp, q.hundred
    return bool((s - hs) * (w - hw) <= hundred * (p + hp) and hundred * (p - hp) <= (s + hs) * (w + hw))


def _break_share(b: Drawing) -> None:
    """A share that is not part ÷ whole."""
    b.scenario("share")
    b.break_subject(b.relations[-1]["stated"], at_most_100=True)


def _break_ratio(b: Drawing) -> None:
    """A rate that is not numerator ÷ denominator."""
    b.scenario("ratio", variants=("amount", "count"))
    b.break_subject(b.relations[-1]["stated"])


def _break_implied_target(b: Drawing) -> None:
    """A rate "完成N例，占全年任务R%" where no whole-number target gives R."""
    n = b.integers(1, 200)
    target = b.integers(1, 1000)
    # Every whole target gives 100·n/T; a rate strictly between two neighbours is no target's.
    high, low = 100 * Fraction(n, target), 100 * Fraction(n, target + 1)
    decimals = b.integers(0, 2)
    while Fraction(10) ** -decimals * 4 > high - low:
        decimals += 1
    u = Fraction(10) ** -decimals
    # The printed rate's interval [v - u/2, v + u/2] (truncated: [v, v + u]) inside (low, high).
    below, above = (Fraction(0), u) if b.truncate else (u / 2, u / 2)
    first, last = math.floor((low + below) / u) + 1, math.ceil((high - above) / u) - 1
    printed = b.integers(first, last)
    unit = b.sampled_from(b.count_units)
    stated = b.figure("rate", Decimal(printed).scaleb(-decimals), decimals, "%")
    b.relate("ratio", numerator=b.count(n, "done", unit=unit), stated=stated)


def percent_of(part: Interval, whole: Interval, rest: Interval | None = None) -> Interval | None:
    """Range of ``100 · part / whole``; None when ``whole`` may be zero.

    When the whole is ``part + rest`` (the part is one of the figures making up the
    whole), naive interval division overestimates (the part occurs twice); the exact
    range is then taken at the corners of the part's and the rest's intervals, where
    the quotient, monotone in each, has its extremes. With an unbounded figure the
    quotient is also computed as ``100 / (1 + rest/part)``, each figure once.

    >>> p = Interval(Decimal("51.885"), Decimal("51.895"))
    >>> w = Interval(Decimal("134.555"), Decimal("134.565"))
    >>> q = percent_of(p, w)
    >>> q.lo < Decimal("38.56") < q.hi
    True
    """
    naive = quotient(part, whole)
    if naive is None:
        return None
    naive = naive.scale(HUNDRED)
    if rest is None:
        return naive
    if part.is_finite and rest.is_finite:
        # 100·p/(p + r) is monotone in p and in r separately while p + r keeps its sign
        # (a truncated whole may reach up to an open 0: ±∞ there).
        return monotone_range(lambda p, r: 100 * p / (p + r), part, rest)
    inner = rest.div(part)
    if inner is None:
        return naive
    denominator = Interval.point(Decimal(1)) + inner
    tight = Interval.point(HUNDRED).div(denominator)
    both = None if tight is None else tight.meet(naive)
    return naive if both is None else both


def _point_percent(part: Decimal, whole: Decimal) -> Decimal | None:
    return None if whole == 0 else NEAR.divide(NEAR.multiply(part, HUNDRED), whole)


@rule(
    "PC201",
    "share",
    severity=Severity.ERROR,
    kinds=["share"],
    screen=Screen("share", quotient=_share_holds, plain=True),
    breaker=_break_share,
    passing=doc(
        fig("special", "51.89", "专项资金"),
        fig("spending", "134.56", "总支出"),
        fig("special_share", "38.56%", "占全部支出"),
        relations=[
            {
                "id": "share",
                "kind": "share",
                "part": "special",
                "whole": "spending",
                "stated": "special_share",
            }
        ],
    ),
    failing=doc(
        fig("proj", "469500", "项目支出", decimals=2),
        fig("basic", "2476260.58", "基本支出"),
        fig("proj_pct", "19.62%", "占一般公共预算支出的"),
        relations=[
            {
                "id": "share",
                "kind": "share",
                "part": "proj",
                "whole": ["basic", "proj"],
                "stated": "proj_pct",
            }
        ],
        unit="元",
    ),
)
def share(ctx: Context, rel: ShareRelation) -> Iterator[Finding]:
    """A stated share equals part ÷ whole.

    **What it checks.** ``part / whole × 100 = stated`` for every ``share``
    relation: "专项资金51.89万元，占全部支出的38.56%" with 总支出134.56万元 holds
    (51.89 / 134.56 = 38.563 %, and 38.56 % allows 38.555–38.565). The whole may be
    a list of figures that add up to it. A whole that may be zero makes the share
    not checkable (info), not wrong.

    **Why.** Percentages are computed by hand or copied from last year's text more
    often than any other figure; a share that does not match its amounts misleads
    every reader who quotes it.

    **What to do.** Recompute the share from the amounts; if the amounts are right,
    correct the percentage.
    """
    wholes = rel.wholes
    whole = sum_intervals([ctx.base(w) for w in wholes])
    rest_ids = list(wholes)
    rest = None
    if rel.part in rest_ids:
        rest_ids.remove(rel.part)
        rest = sum_intervals([ctx.base(w) for w in rest_ids])
    target = percent_of(ctx.base(rel.part), whole, rest)
    if target is None:
        yield from ctx.not_checkable(
            share,
            rel,
            rel.operands(),
            ctx.t(
                N_("the whole {whole} may be zero, so no share of it can be judged"), whole=ctx.labels(wholes)
            ),
        )
        return
    whole_point = exact_sum(ctx.point(w) for w in wholes)
    whole_name = ctx.labels(wholes) if len(wholes) == 1 else f"({ctx.labels(wholes)})"
    yield from ctx.judge(
        share,
        rel,
        subject=rel.stated,
        target=target,
        expected=_point_percent(ctx.point(rel.part), whole_point),
        figures=rel.operands(),
        phrase=N_("{part} ÷ {whole} is {expected}"),
        phrase_params={"part": ctx.label(rel.part), "whole": whole_name},
    )


@rule(
    "PC202",
    "ratio",
    severity=Severity.ERROR,
    kinds=["ratio"],
    breaker=_break_ratio,
    passing=doc(
        fig("executed", "251.89", "预算执行数"),
        fig("adjusted", "251.89", "调整后预算数"),
        fig("rate", "100.00%", "预算执行率"),
        relations=[
            {
                "id": "execution",
                "kind": "ratio",
                "numerator": "executed",
                "denominator": "adjusted",
                "stated": "rate",
            }
        ],
    ),
    failing=doc(
        fig("executed", "239.89", "预算执行数"),
        fig("adjusted", "251.89", "调整后预算数"),
        fig("rate", "100.00%", "预算执行率"),
        relations=[
            {
                "id": "execution",
                "kind": "ratio",
                "numerator": "executed",
                "denominator": "adjusted",
                "stated": "rate",
            }
        ],
    ),
)
def ratio(ctx: Context, rel: RatioRelation) -> Iterator[Finding]:
    """A stated rate equals numerator ÷ denominator.

    **What it checks.** ``numerator / denominator × 100 = stated`` for every
    ``ratio`` relation with a printed denominator: 执行率 (execution against
    budget), 完成率 (completion against target). A denominator that may be zero
    (0.00 / 0.00 printed as 0.00 %) is not checkable (info), not an error.

    **Why.** Completion and execution rates are the headline of a performance
    self-evaluation; a rate that its own figures contradict undermines the score.

    **What to do.** Recompute the rate from the two amounts.
    """
    if rel.denominator is None:
        return
    target = percent_of(ctx.base(rel.numerator), ctx.base(rel.denominator))
    if target is None:
        yield from ctx.not_checkable(
            ratio,
            rel,
            rel.operands(),
            ctx.t(N_("the denominator {denominator} may be zero"), denominator=ctx.label(rel.denominator)),
        )
        return
    yield from ctx.judge(
        ratio,
        rel,
        subject=rel.stated,
        target=target,
        expected=_point_percent(ctx.point(rel.numerator), ctx.point(rel.denominator)),
        figures=rel.operands(),
        phrase=N_("{part} ÷ {whole} is {expected}"),
        phrase_params={"part": ctx.label(rel.numerator), "whole": ctx.label(rel.denominator)},
    )


@rule(
    "PC203",
    "implied-target",
    severity=Severity.ERROR,
    kinds=["ratio"],
    breaker=_break_implied_target,
    passing=doc(
        fig("screenings", "4060", "免费检查", unit="例"),
        fig("completion", "101%", "占全年任务"),
        relations=[{"id": "rate", "kind": "ratio", "numerator": "screenings", "stated": "completion"}],
    ),
    failing=doc(
        fig("cases", "3", "完成", unit="例"),
        fig("completion", "101%", "占全年任务"),
        relations=[{"id": "rate", "kind": "ratio", "numerator": "cases", "stated": "completion"}],
    ),
)
def implied_target(ctx: Context, rel: RatioRelation) -> Iterator[Finding]:
    """A count's completion rate admits a whole-number target.

    **What it checks.** A ``ratio`` without a denominator says "完成X例，占全年任务Y%"
    with the target not printed. When X is an exact count, the target must be a
    whole number T with ``X / T × 100`` inside Y's rounding. "完成4060例，占全年任务
    101%" admits T from 4000 to 4039; "完成3例，占全年任务101%" admits none.

    **Why.** A rate that no whole target can produce was computed from something
    else, or mistyped.

    **What to do.** Look up the target in the plan and recompute the rate.
    """
    num = ctx.view(rel.numerator)
    if rel.denominator is not None or num.unit.kind is not Kind.COUNT or not num.exact:
        return
    stated = ctx.base(rel.stated)
    if stated.lo <= 0:
        return
    n = num.number
    lo = DOWN.divide(NEAR.multiply(n, HUNDRED), stated.hi) if stated.hi.is_finite() else Decimal(0)
    hi = UP.divide(NEAR.multiply(n, HUNDRED), stated.lo)
    first = max(lo.to_integral_value(rounding=ROUND_CEILING), Decimal(1))
    holds = first <= hi
    ctx.record_check(
        relation=rel.id,
        code=implied_target.code,
        status="holds" if holds else "broken",
        subject=rel.stated,
        actual=ctx.view(rel.stated).number,
        unit="%",
    )
    if holds:
        return
    yield ctx.finding(
        code=implied_target.code,
        severity=implied_target.severity,
        verdict=Verdict.BROKEN,
        relation=rel.id,
        figures=(rel.numerator, rel.stated),
        locations=ctx.locations([rel.numerator, rel.stated]),
        message=ctx.t(
            N_(
                "{stated} is printed as {printed}, but no whole-number target makes {count} {unit} "
                "that share: the target would lie between {low} and {high}"
            ),
            stated=ctx.label(rel.stated),
            printed=ctx.view(rel.stated).figure.value,
            count=ctx.number(n),
            unit=num.unit.symbol,
            low=ctx.number(lo, 3, ROUND_FLOOR),
            high=ctx.number(hi, 3, ROUND_CEILING),
        ),
        locale=ctx.locale,
        subject=rel.stated,
        actual=ctx.view(rel.stated).number,
        unit="%",
        rounding_explains=False,
    )


RULES = (share, ratio, implied_target)
