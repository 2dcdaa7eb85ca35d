"""PC3xx: changes against the prior year (同比)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from perfcheck._core.i18n import N_
from perfcheck._core.interval import INF, NEAR, Interval, monotone_range, quotient
from perfcheck._engine.breaker import Drawing
from perfcheck._engine.registry import rule
from perfcheck._engine.screen import Change, Screen
from perfcheck._findings.plain import Severity
from perfcheck.rules._examples import doc, fig

if TYPE_CHECKING:
    from perfcheck._engine.context import Context
    from perfcheck._findings.finding import Finding
    from perfcheck._ledger.document import ChangeRelation

HUNDRED = Decimal(100)
ONE = Interval.point(Decimal(1))


def _sign(rel: ChangeRelation) -> Decimal:
    return Decimal(1) if rel.direction == "increase" else Decimal(-1)


def _change(**keys: str) -> dict[str, object]:
    return {"id": "yoy", "kind": "change", **keys}


# How the fast path screens each rule over plain columns (integers in units of ½·10^-D,
# each with the most its rounding moves it), and how the strategies break it.


def _level_holds(_: dict[str, Any], c: Change) -> bool | None:
    """PC301 over integers: ``current = prior ± delta``, or the direction alone; None: not judged."""
    if c.prior is None:
        return None
    if c.delta is None:
        if c.percent is not None:
            return None
        # the current figure must reach strictly beyond the prior's far end in the stated direction
        rise = c.current - c.prior if c.increase else c.prior - c.current
        return rise + c.hc + c.hp > 0
    sign = 1 if c.increase else -1
    return abs(c.current - c.prior - sign * c.delta) <= c.hc + c.hp + c.hd


def _percent_holds(_: dict[str, Any], c: Change) -> bool | None:
    """PC302 over integers: the stated percent meets the change ÷ the prior; None when it does not judge.

    Screened with a prior that cannot be zero or negative and a change that cannot be
    negative (the quotient then grows with the numerator and falls with the prior);
    anything else, and a percent without a prior, goes to the full path (False).
    """
    if c.percent is None or (c.prior is None and c.delta is None):
        return None
    if c.prior is None or c.prior - c.hp <= 0:
        return False
    if c.delta is not None:
        return _percent_of_prior(c, c.percent)
    return _percent_of_levels(c, c.percent)


def _percent_of_prior(c: Change, s: int) -> bool:
    """``100·delta/prior`` over ``[d_lo/p_hi, d_hi/p_lo]`` meets the stated ``s``; False: not screened."""
    assert c.prior is not None  # noqa: S101 - the caller's
    assert c.delta is not None  # noqa: S101 - the caller's
    if c.delta - c.hd < 0:
        return False
    p_lo, p_hi, d_lo, d_hi = c.prior - c.hp, c.prior + c.hp, c.delta - c.hd, c.delta + c.hd
    return (s - c.hpct) * p_lo <= c.hundred * d_hi and c.hundred * d_lo <= (s + c.hpct) * p_hi


def _percent_of_levels(c: Change, s: int) -> bool:
    """``±100·(current/prior - 1)`` meets the stated ``s``; False: not screened."""
    assert c.prior is not None  # noqa: S101 - the caller's
    if c.current - c.hc < 0:
        return False
    p_lo, p_hi, c_lo, c_hi = c.prior - c.hp, c.prior + c.hp, c.current - c.hc, c.current + c.hc
    s_lo, s_hi, hundred = s - c.hpct, s + c.hpct, c.hundred
    if c.increase:  # 100·(current/prior - 1) over [c_lo/p_hi - 1, c_hi/p_lo - 1]
        return (s_lo + hundred) * p_lo <= hundred * c_hi and hundred * c_lo <= (s_hi + hundred) * p_hi
    # 100·(1 - current/prior) over [1 - c_hi/p_lo, 1 - c_lo/p_hi]
    return hundred * c_lo <= (hundred - s_lo) * p_hi and (hundred - s_hi) * p_lo <= hundred * c_hi


# How the hypothesis strategies break each rule: its breaker.


def _break_level(b: Drawing) -> None:
    """This year's figure is not last year's plus the change (or the direction is impossible)."""
    b.scenario("change", variants=("prior_delta", "prior_delta_percent", "prior"))
    rel = b.relations[-1]
    # With a percent, only this year's figure is outside the percent's relation.
    b.break_linear([rel["current"]] if rel.get("percent") else None)


def _break_percent(b: Drawing) -> None:
    """A percent change that is not the change ÷ last year's figure."""
    b.scenario("change", variants=("prior_delta_percent", "delta_percent", "prior_percent"))
    b.break_subject(b.relations[-1]["percent"])


@rule(
    "PC301",
    "change-level",
    severity=Severity.ERROR,
    kinds=["change"],
    screen=Screen("change", change=_level_holds, plain=True),
    breaker=_break_level,
    passing=doc(
        fig("spend", "1264.92", "一般公共预算财政拨款支出"),
        fig("spend_prior", "1237.48", "上年"),
        fig("up", "27.44", "增加"),
        relations=[_change(current="spend", prior="spend_prior", delta="up", direction="increase")],
    ),
    failing=doc(
        fig("spend", "1264.92", "一般公共预算财政拨款支出"),
        fig("spend_prior", "1237.48", "上年"),
        fig("up", "72.44", "增加"),
        relations=[_change(current="spend", prior="spend_prior", delta="up", direction="increase")],
    ),
)
def change_level(ctx: Context, rel: ChangeRelation) -> Iterator[Finding]:
    """This year's figure equals last year's plus or minus the stated change.

    **What it checks.** For a ``change`` relation that prints the prior figure:
    ``current = prior + delta`` (增加) or ``current = prior - delta`` (减少); when no
    delta is printed, that the direction is possible (an "increase" cannot leave
    the figure lower than last year's).

    **Why.** Year-on-year sentences ("较上年增加27.44万元") are typed by hand from two
    tables; a wrong difference or a wrong direction is common.

    **What to do.** Recompute the difference from the two years' figures.
    """
    if rel.prior is None:
        return
    prior = ctx.base(rel.prior)
    if rel.delta is None:
        if rel.percent is not None:
            return
        increase = rel.direction == "increase"
        yield from ctx.judge(
            change_level,
            rel,
            subject=rel.current,
            target=Interval(prior.lo, INF, lo_open=prior.lo_open)
            if increase
            else Interval(-INF, prior.hi, hi_open=prior.hi_open),
            expected=None,
            figures=rel.operands(),
            phrase=(
                N_("an increase over {prior} ({value}) is stated")
                if increase
                else N_("a decrease from {prior} ({value}) is stated")
            ),
            phrase_params={"prior": ctx.label(rel.prior), "value": ctx.view(rel.prior).figure.value},
            strict=True,
        )
        return
    sign = _sign(rel)
    target = prior + ctx.base(rel.delta).scale(sign)
    expected = NEAR.add(ctx.point(rel.prior), NEAR.multiply(sign, ctx.point(rel.delta)))
    op = "+" if sign > 0 else "-"
    yield from ctx.judge(
        change_level,
        rel,
        subject=rel.current,
        target=target,
        expected=expected,
        figures=rel.operands(),
        phrase=N_("{terms} is {expected}"),
        phrase_params={"terms": f"{ctx.label(rel.prior)} {op} {ctx.label(rel.delta)}"},
    )


Phrase = tuple[str, Mapping[str, str]]


def _unbounded_percent(current: Interval, delta: Interval, sign: Decimal) -> Interval | None:
    """``100·d/(c - sign·d)`` when a figure is unbounded or the prior may be zero (None: not checkable).

    Written as ``100 / (c/d - sign)`` each figure occurs once; intersected with the
    naive quotient, both being supersets of the true range.
    """
    naive = delta.scale(HUNDRED).div(current - delta.scale(sign))
    c_over_d = current.div(delta)
    tight = None if c_over_d is None else Interval.point(HUNDRED).div(c_over_d - Interval.point(sign))
    if tight is None or naive is None:
        return naive if tight is None else tight
    both = tight.meet(naive)
    return tight if both is None else both


def _percent_target(ctx: Context, rel: ChangeRelation) -> tuple[Interval | None, Decimal | None, Phrase]:
    """The range of the percent change the other figures allow, its point value, and a phrase."""
    sign = _sign(rel)
    if rel.prior is not None:
        prior = ctx.base(rel.prior)
        prior_point = ctx.point(rel.prior)
        if rel.delta is not None:
            q = quotient(ctx.base(rel.delta), prior)
            point = (
                None
                if prior_point == 0
                else NEAR.divide(NEAR.multiply(ctx.point(rel.delta), HUNDRED), prior_point)
            )
            phrase = (
                N_("{part} ÷ {whole} is {expected}"),
                {"part": ctx.label(rel.delta), "whole": ctx.label(rel.prior)},
            )
        else:
            ratio = quotient(ctx.base(rel.current), prior)
            q = None if ratio is None else (ratio - ONE).scale(sign)
            point = (
                None
                if prior_point == 0
                else NEAR.multiply(
                    NEAR.multiply(sign, HUNDRED),
                    NEAR.subtract(NEAR.divide(ctx.point(rel.current), prior_point), 1),
                )
            )
            phrase = (
                N_("{current} against {prior} is {expected}"),
                {"current": ctx.label(rel.current), "prior": ctx.label(rel.prior)},
            )
        return (None if q is None else q.scale(HUNDRED)), point, phrase
    assert rel.delta is not None  # noqa: S101 - checked by the caller
    current, delta = ctx.base(rel.current), ctx.base(rel.delta)
    prior = current - delta.scale(sign)
    if current.is_finite and delta.is_finite and not prior.contains_zero():
        # 100·d/(c - sign·d) is monotone in c and in d separately while the prior keeps its sign
        # (a truncated prior may reach up to an open 0: ±∞ there).
        s = int(sign)
        target: Interval | None = monotone_range(lambda c, d: 100 * d / (c - s * d), current, delta)
    else:
        target = _unbounded_percent(current, delta, sign)
    prior_point = NEAR.subtract(ctx.point(rel.current), NEAR.multiply(sign, ctx.point(rel.delta)))
    point = (
        None if prior_point == 0 else NEAR.divide(NEAR.multiply(ctx.point(rel.delta), HUNDRED), prior_point)
    )
    op = "-" if sign > 0 else "+"
    phrase = (
        N_("{part} ÷ {whole} is {expected}"),
        {"part": ctx.label(rel.delta), "whole": f"({ctx.label(rel.current)} {op} {ctx.label(rel.delta)})"},
    )
    return target, point, phrase


@rule(
    "PC302",
    "change-percent",
    severity=Severity.ERROR,
    kinds=["change"],
    screen=Screen("change", change=_percent_holds, plain=True),
    breaker=_break_percent,
    passing=doc(
        fig("family", "13980", "对个人和家庭补助支出预算", decimals=2),
        fig("family_dec", "2010", "同比减少", decimals=2),
        fig("family_dec_pct", "12.57%", "下降"),
        relations=[
            _change(current="family", delta="family_dec", percent="family_dec_pct", direction="decrease")
        ],
        unit="元",
    ),
    failing=doc(
        fig("family", "13980", "对个人和家庭补助支出预算", decimals=2),
        fig("family_dec", "2010", "同比减少", decimals=2),
        fig("family_dec_pct", "14.38%", "下降"),
        relations=[
            _change(current="family", delta="family_dec", percent="family_dec_pct", direction="decrease")
        ],
        unit="元",
    ),
)
def change_percent(ctx: Context, rel: ChangeRelation) -> Iterator[Finding]:
    """A stated percent change equals the change ÷ last year's figure.

    **What it checks.** ``percent = delta / prior × 100``. When the prior year is not
    printed it is implied: ``prior = current - delta`` for an increase,
    ``current + delta`` for a decrease. "对个人和家庭补助支出13980元，同比减少2010元，
    下降12.57%" holds (2010 / 15990 = 12.570 %); a decrease computed against this
    year's figure instead (2010 / 13980 = 14.38 %) is the classic mistake.

    **Why.** Percent changes are computed against the wrong base, or the wrong
    year, more often than any other ratio.

    **What to do.** Divide the change by last year's figure, not this year's.
    """
    if rel.percent is None or (rel.prior is None and rel.delta is None):
        return
    target, point, phrase = _percent_target(ctx, rel)
    if target is None:
        yield from ctx.not_checkable(
            change_percent,
            rel,
            rel.operands(),
            ctx.t.word(N_("last year's figure may be zero, so no percent change of it exists")),
        )
        return
    yield from ctx.judge(
        change_percent,
        rel,
        subject=rel.percent,
        target=target,
        expected=point,
        figures=rel.operands(),
        phrase=phrase[0],
        phrase_params=phrase[1],
    )


RULES = (change_level, change_percent)
