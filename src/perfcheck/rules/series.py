"""PC8xx: a series of reports, one entity in consecutive years.

These rules judge two documents at once — the reports of one ``entity`` for two
consecutive ``period`` years — matching figures by their ``concept``. They run
through :func:`perfcheck.check_series` (and ``perfcheck check`` on several
documents), never on one document alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal
from typing import TYPE_CHECKING, Any, Final

from perfcheck._core.i18n import N_
from perfcheck._core.interval import NEAR, Interval
from perfcheck._engine.judging import near
from perfcheck._engine.registry import Registry, Rule, rule
from perfcheck._findings.plain import Severity, Verdict
from perfcheck.rules._examples import doc, fig

if TYPE_CHECKING:
    from perfcheck._engine.context import Context
    from perfcheck._findings.finding import Finding
    from perfcheck._ledger.document import Ledger

#: The relation kind series rules are registered under: no document relation has it,
#: so :func:`perfcheck.check` never runs them on one document.
SERIES_KIND = "series"


@dataclass(frozen=True, slots=True)
class YearPair:
    """Two reports of one entity, for consecutive years; a series rule judges the later one.

    Attributes:
        prior: the earlier year's report, prepared for checking.
        prior_period: the earlier year (``"2021"``).
        period: the later year (``"2022"``).
        prior_name: how findings name the earlier report (its file or title).
        name: how findings name the later report.
    """

    prior: Context
    prior_period: str
    period: str
    prior_name: str
    name: str


def by_concept(ctx: Context, concept: str) -> str | None:
    """The id of the document's one figure of ``concept``; None when it has none or several."""
    found = [f.id for f in ctx.ledger.figures if f.concept == concept]
    return found[0] if len(found) == 1 else None


def _series(*documents: dict[str, Any]) -> dict[str, Any]:
    return {"documents": list(documents)}


def _year(
    period: str, *figures: dict[str, Any], relations: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    out = doc(*figures, relations=relations or [])
    out.update({"entity": "资阳区妇联", "period": period})
    return out


def _compare(  # noqa: PLR0913 - each part of a judgment is named
    rule_: Rule,
    ctx: Context,
    pair: YearPair,
    *,
    subject: str,
    own: Interval,
    value: Decimal,
    stated: str,
    prior_id: str,
    relation: str | None,
    figures: tuple[str, ...],
) -> Iterator[Finding]:
    """A finding when ``own`` (this report's value for last year, base units) misses the prior figure.

    ``value`` is this report's value for last year as printed (base units).
    """
    prior_view = pair.prior.view(prior_id)
    view = ctx.view(subject)
    if prior_view.unit.dimension != view.unit.dimension:
        return
    target = prior_view.base
    if own.intersects(target):
        return
    factor = view.unit.factor
    expected = NEAR.divide(pair.prior.point(prior_id), factor)
    actual = NEAR.divide(value, factor)
    gap = NEAR.divide(own.gap(target), factor)
    message = ctx.t(
        N_(
            "{label} for {prior_period} is {stated} in {document}, but {prior_document} "
            "prints {prior_label} as {prior_printed}; they differ by at least {gap} beyond rounding"
        ),
        label=ctx.label(subject),
        prior_period=pair.prior_period,
        stated=stated,
        document=pair.name,
        prior_document=pair.prior_name,
        prior_label=pair.prior.label(prior_id),
        prior_printed=pair.prior.printed(prior_id),
        gap=ctx.amount(gap, view.unit, view.decimals + 1, ROUND_CEILING),
    )
    # As in Context.judge: the interval this report's value had to lie in, given both roundings.
    below, above = NEAR.subtract(value, own.lo), NEAR.subtract(own.hi, value)
    lo = NEAR.divide(NEAR.subtract(target.lo, above), factor)
    hi = NEAR.divide(NEAR.add(target.hi, below), factor)
    yield ctx.finding(
        code=rule_.code,
        severity=rule_.severity,
        verdict=Verdict.BROKEN,
        relation=relation,
        figures=figures,
        locations=ctx.locations(figures, pair.name) + pair.prior.locations([prior_id], pair.prior_name),
        message=message,
        locale=ctx.locale,
        subject=subject,
        actual=near(actual, view.decimals),
        expected=near(expected, view.decimals),
        difference=NEAR.subtract(actual, expected),
        allowed=(lo, hi),
        unit=view.unit.symbol,
        rounding_explains=False,
    )


@rule(
    "PC801",
    "series-carryover",
    severity=Severity.ERROR,
    kinds=[SERIES_KIND],
    passing=_series(
        _year("2021", fig("out", "2.21", "年末结转", concept="carryover_out")),
        _year("2022", fig("in", "2.21", "上年结转", concept="carryover_in")),
    ),
    failing=_series(
        _year("2021", fig("out", "2.21", "年末结转", concept="carryover_out")),
        _year("2022", fig("in", "12.21", "上年结转", concept="carryover_in")),
    ),
)
def series_carryover(ctx: Context, pair: YearPair) -> Iterator[Finding]:
    """What one year carries over is what the next year brings forward.

    **What it checks.** For two reports of the same ``entity`` in consecutive years,
    the later report's figure of concept ``carryover_in`` (上年结转) against the
    earlier report's figure of concept ``carryover_out`` (年末结转): the two must
    agree within both figures' rounding. Each report must have exactly one figure of
    each concept, in the same currency; otherwise nothing is checked.

    **Why.** The carryover is the one figure two years' reports must share, and it is
    typed afresh each year; a changed figure means one of the two reports is wrong, or
    the accounts were adjusted without saying so.

    **What to do.** Compare the two years' final accounts; correct the wrong report,
    or state the adjustment.
    """
    current = by_concept(ctx, "carryover_in")
    prior = by_concept(pair.prior, "carryover_out")
    if current is None or prior is None:
        return
    yield from _compare(
        series_carryover,
        ctx,
        pair,
        subject=current,
        own=ctx.base(current),
        value=ctx.point(current),
        stated=ctx.printed(current),
        prior_id=prior,
        relation=None,
        figures=(current,),
    )


@rule(
    "PC802",
    "series-prior-year",
    severity=Severity.ERROR,
    kinds=[SERIES_KIND],
    passing=_series(
        _year("2021", fig("spend", "1237.48", "一般公共预算财政拨款支出", concept="spending")),
        _year(
            "2022",
            fig("spend", "1264.92", "一般公共预算财政拨款支出", concept="spending"),
            fig("up", "27.44", "增加"),
            relations=[
                {"id": "yoy", "kind": "change", "current": "spend", "delta": "up", "direction": "increase"}
            ],
        ),
    ),
    failing=_series(
        _year("2021", fig("spend", "1237.48", "一般公共预算财政拨款支出", concept="spending")),
        _year(
            "2022",
            fig("spend", "1264.92", "一般公共预算财政拨款支出", concept="spending"),
            fig("up", "72.44", "增加"),
            relations=[
                {"id": "yoy", "kind": "change", "current": "spend", "delta": "up", "direction": "increase"}
            ],
        ),
    ),
)
def series_prior_year(ctx: Context, pair: YearPair) -> Iterator[Finding]:
    """Last year's figure quoted in a change agrees with last year's report.

    **What it checks.** For two reports of the same ``entity`` in consecutive years,
    each ``change`` relation of the later report whose current figure has a
    ``concept``: last year's value it states — its ``prior`` figure, or when none is
    printed, ``current - delta`` for an increase and ``current + delta`` for a
    decrease — must agree, within rounding, with the earlier report's one figure of
    that concept. A change relation with neither a prior figure nor an amount of
    change, or a concept the earlier report does not have exactly once, is not checked.

    **Why.** "较上年增加27.44万元" quotes last year's report; a prior-year figure that
    is not the one that report printed is a copying mistake, or a restatement that
    should be said.

    **What to do.** Take last year's figure from last year's final report, or explain
    the restatement.
    """
    for rel in ctx.ledger.relations:
        if rel.kind != "change" or ctx.dimension_problem(rel):
            continue
        concept = ctx.view(rel.current).figure.concept
        if concept is None:
            continue
        prior_id = by_concept(pair.prior, concept)
        if prior_id is None:
            continue
        if rel.prior is not None:
            subject, own, stated = rel.prior, ctx.base(rel.prior), ctx.printed(rel.prior)
            value = ctx.point(rel.prior)
        elif rel.delta is not None and ctx.dimension(rel.delta) == ctx.dimension(rel.current):
            sign = Decimal(-1) if rel.direction == "increase" else Decimal(1)
            subject = rel.current
            own = ctx.base(rel.current) + ctx.base(rel.delta).scale(sign)
            value = NEAR.add(ctx.point(rel.current), NEAR.multiply(sign, ctx.point(rel.delta)))
            op = "-" if sign < 0 else "+"
            stated = f"{ctx.printed(rel.current)} {op} {ctx.printed(rel.delta)}"
        else:
            continue
        yield from _compare(
            series_prior_year,
            ctx,
            pair,
            subject=subject,
            own=own,
            value=value,
            stated=stated,
            prior_id=prior_id,
            relation=rel.id,
            figures=tuple(dict.fromkeys(rel.operands())),
        )


RULES = (series_carryover, series_prior_year)

#: The series rules, in code order: run by :func:`perfcheck.check_series`.
series_registry = Registry(RULES)


#: A period naming a year: ``2021``, ``2021年``, ``2021年度``.
_YEAR: Final = re.compile(r"\s*(\d{4})\s*(年(度)?)?\s*")


def year(period: str | None) -> int | None:
    """The year a ``period`` names (``"2021"``, ``"2021年"``, ``"2021年度"``), or None.

    >>> year("2021"), year("2021年度"), year("2021Q1"), year(None)
    (2021, 2021, None, None)
    """
    if period is None:
        return None
    match = _YEAR.fullmatch(period)
    return None if match is None else int(match.group(1))


def series_pairs(documents: Sequence[Ledger | tuple[str | None, str | None]]) -> list[tuple[int, int]]:
    """The (earlier, later) positions of documents of one entity in consecutive years, in order.

    A document is a ledger, or its ``(entity, period)``: a batch pairs what it checked
    without building a ledger a document.
    """
    found: dict[tuple[str, int], list[int]] = {}  # by entity and year: a batch has many entities
    for index, document in enumerate(documents):
        entity, period = document if isinstance(document, tuple) else (document.entity, document.period)
        y = year(period)
        if entity and y is not None:
            found.setdefault((entity.strip(), y), []).append(index)
    pairs = []
    for (entity, y), later in found.items():
        earlier = found.get((entity, y - 1))
        if earlier and len(earlier) == 1 and len(later) == 1:
            pairs.append((earlier[0], later[0]))
    return sorted(pairs, key=lambda p: (p[1], p[0]))
