"""PC6xx: plausibility of figures, beyond the relations a report states."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final, TypeVar

from perfcheck._core.i18n import N_
from perfcheck._core.interval import exact_sum, sum_intervals
from perfcheck._core.units import Kind, Unit
from perfcheck._engine.breaker import Drawing
from perfcheck._engine.registry import rule
from perfcheck._engine.screen import Columns, Quotient, Screen
from perfcheck._findings.plain import Severity
from perfcheck.rules._examples import doc, fig

if TYPE_CHECKING:
    from perfcheck._engine.context import Context
    from perfcheck._findings.finding import Finding
    from perfcheck._ledger.document import ShareRelation

HUNDRED = Decimal(100)

#: Concepts whose figures cannot be negative; the domain model uses them.
NON_NEGATIVE: Final = frozenset(
    {
        "income",
        "spending",
        "carryover_in",
        "basic_spending",
        "project_spending",
        "personnel_spending",
        "public_spending",
        "special_spending",
        "line_item",
        "headcount",
        "count",
        "target",
        "score",
    }
)
# carryover_out is left out on purpose: a unit that overspent carries a deficit forward.
#: Fewest figures in one unit before their usual precision is taken as the document's.
MIN_FIGURES_FOR_PRECISION: Final = 3
_S = TypeVar("_S")


# How the fast path screens each rule over plain columns, and how the strategies break it.


def _share_at_most_100(_: dict[str, Any], q: Quotient) -> bool | None:
    """A share that may be 100 % or less is not this rule's; one that cannot goes to the full path."""
    return False if q.stated - q.hs > q.hundred else None


def _groups(
    sums: Iterable[tuple[str, Sequence[str]]], shares: Iterable[tuple[_S, str, Sequence[str]]]
) -> dict[tuple[tuple[str, ...], int], list[_S]]:
    """Shares whose parts are known not to overlap, grouped by their whole, in document order.

    ``sums`` are the ``(total, parts)`` of the exhaustive sums without weights; ``shares``
    are ``(share, part, wholes)``. A share is grouped when its part is one of the figures
    its whole is listed as, or a part of a sum whose total is its one whole. Each sum of a
    whole is a group of its own: one whole broken down in two ways (货物/工程/服务, then
    市级/区县级) has two sets of shares that each add up to 100 %, never one. A key is the
    whole and the sum's place (-1 for a whole listed as its parts).
    """
    siblings: dict[str, list[tuple[int, set[str]]]] = defaultdict(list)
    for n, (total, listed) in enumerate(sums):
        siblings[total].append((n, set(listed)))
    groups: dict[tuple[tuple[str, ...], int], list[_S]] = defaultdict(list)
    for share, part, wholes in shares:
        if len(wholes) > 1 and part in wholes:
            groups[tuple(sorted(wholes)), -1].append(share)
        elif len(wholes) == 1:
            for n, members in siblings.get(wholes[0], []):
                if part in members:
                    groups[(wholes[0],), n].append(share)
    return groups


def _may_exceed_100(columns: Columns, stated: list[str]) -> bool:
    """Whether the stated shares' lowest values may add up to more than 100 % (or cannot be read)."""
    lows: list[tuple[int, int]] = []
    for fid in stated:
        number = columns.number(fid)
        if number is None or columns.symbol(fid) != "%":
            return True
        n, e, exact = number
        lows.append((2 * n - (0 if exact else 1), e))  # in units of ½·10^-e percent
    top = max(e for _, e in lows)
    return bool(sum(low * 10 ** (top - e) for low, e in lows) > 200 * 10**top)


def _shares_to_escalate(columns: Columns) -> set[str] | None:
    """PC602 over the columns: None when no group of shares can exceed 100 %.

    Otherwise every grouped share and every sum that groups them go to the full path
    together, so that the groups there are the document's (a part of a group could add
    up to more than the whole group when a share is negative).
    """
    if columns.kinds.count("share") < 2:  # a group needs two parts (counted in C: no loop over a ledger)
        return None
    relations = columns.relations
    shares = [r for r in relations if r["kind"] == "share"]
    sums = [
        r
        for r in relations
        if r["kind"] == "sum" and not r.get("weights") and r.get("exhaustive", True) is not False
    ]
    # an exhaustive key the model reads its own way (1, "true"): the groups are not sure
    unsure = any(type(r.get("exhaustive", True)) is not bool for r in sums)
    # only a sum whose total is a share's one whole can group shares: the others are left out
    wholes = {r["whole"] for r in shares if type(r["whole"]) is str}
    wholes.update(w[0] for r in shares if type(w := r["whole"]) is list and len(w) == 1)
    sums = [r for r in sums if r["total"] in wholes]
    groups = _groups(
        ((r["total"], r["parts"]) for r in sums),
        ((r, r["part"], [r["whole"]] if type(r["whole"]) is str else r["whole"]) for r in shares),
    )
    may = unsure
    for members in groups.values():
        unique = list({r["part"]: r for r in members}.values())
        if len(unique) >= 2 and _may_exceed_100(columns, [r["stated"] for r in unique]):
            may = True
            break
    if not may:
        return None
    together = {r["id"] for members in groups.values() for r in members}
    whole_ids = {whole for whole, _ in groups}
    together.update(r["id"] for r in sums if (r["total"],) in whole_ids)
    return together


def _may_be_reported(unit: Unit | None, concept: object) -> bool:
    """Whether a figure printed below zero cannot be negative (rounded to nearest, it is below zero)."""
    return (unit is not None and unit.kind is Kind.COUNT) or concept in NON_NEGATIVE


def _usual(precision: Mapping[str, Mapping[int, int]]) -> dict[str, int]:
    """The usual decimals of each amount unit printed at least three times (the most at a tie)."""
    usual: dict[str, int] = {}
    for unit, counts in precision.items():
        if sum(counts.values()) >= MIN_FIGURES_FOR_PRECISION:
            usual[unit] = max(counts, key=lambda d: (counts[d], d))
    return usual


def _excess_figures(columns: Columns) -> list[str] | None:
    """PC604 over the columns: the figures printed with more decimals than the usual in their unit.

    None when there are none (the usual of each unit is its most decimals); the rule is
    then not run on the escalated part. Otherwise those figures go to the full path, where
    the rule judges them against the whole document's usual (``Context.precision``).
    """
    precision = columns.precision
    if all(len(shown) == 1 for shown in precision.values()):
        return None  # every unit printed to one number of decimals: that is its usual
    usual = _usual(precision)
    if all(max(precision[unit]) <= d for unit, d in usual.items()):
        return None
    return [fid for fid, unit, d in columns.amounts() if unit in usual and d > usual[unit]]


def _break_above_100(b: Drawing) -> None:
    """A part larger than its whole, with a share that agrees (so only the warning)."""
    b.scenario("share", above_100=True)


def _break_shares(b: Drawing) -> None:
    """Shares of separate lines of one total add up to more than 100 %.

    The total has a negative line (an adjustment), so every figure agrees with every
    relation, and each share is below 100 %, yet the shares claim more than the whole.
    """
    whole = b.money(positive=True)
    fractions = b.integer_list(55, 95, 2, 3)
    parts = [whole * f / 100 for f in fractions]
    adjustment = whole - sum(parts, Fraction(0))
    total = b.amount(whole, "total", divisor=True)
    part_ids = [b.amount(p, "line") for p in parts]
    adjustment_id = b.amount(adjustment, "adjustment")
    b.relate("sum", total=total, parts=b.permutation([*part_ids, adjustment_id]))
    for pid, f in zip(part_ids, fractions, strict=True):
        stated = b.percent(Fraction(f), "share", decimals=b.integers(0, 2))
        b.relate("share", part=pid, whole=total, stated=stated)


#: The concepts of :data:`NON_NEGATIVE` a drawn negative figure takes.
_DRAWN_NON_NEGATIVE: Final = ("income", "spending", "basic_spending", "project_spending", "line_item")


def _break_negative(b: Drawing) -> None:
    """A figure that cannot be negative, printed negative."""
    if b.booleans():
        unit = b.sampled_from(b.count_units)
        b.figure("count", Decimal(-b.integers(1, 10**6)), 0, unit, exact=True, as_number=False)
        return
    unit = b.sampled_from(b.units)
    decimals = b.decimals_for(unit, Fraction(0))
    number = Decimal(-b.integers(1, 10**8)).scaleb(-decimals)
    concept = b.sampled_from(_DRAWN_NON_NEGATIVE)
    b.figure(concept, number, decimals, unit, concept=concept)


def _break_precision(b: Drawing) -> None:
    """An amount with more decimals than the other amounts in its unit (in a sum that holds)."""
    unit = b.sampled_from(b.units)
    decimals = b.decimals_for(unit, Fraction(0))
    finer = decimals + b.integers(1, 3)
    parts = b.split(b.money(positive=True), b.integers(2, 4))
    odd = b.integers(0, len(parts) - 1)
    total = b.amount(sum(parts, Fraction(0)), "total", unit=unit, exact=False)
    ids = [
        b.amount(true, "part", unit=unit, exact=False, decimals=finer if i == odd else None)
        for i, true in enumerate(parts)
    ]
    b.relate("sum", total=total, parts=ids)


def _share(fid: str, part: str, whole: str | list[str], stated: str) -> dict[str, object]:
    return {"id": fid, "kind": "share", "part": part, "whole": whole, "stated": stated}


@rule(
    "PC601",
    "share-above-100",
    severity=Severity.WARNING,
    screen=Screen("share", quotient=_share_at_most_100),
    breaker=_break_above_100,
    passing=doc(
        fig("a", "51.89"),
        fig("w", "134.56"),
        fig("s", "38.56%"),
        relations=[_share("r", "a", "w", "s")],
    ),
    failing=doc(
        fig("a", "151.89"),
        fig("w", "134.56"),
        fig("s", "112.88%"),
        relations=[_share("r", "a", "w", "s")],
    ),
)
def share_above_100(ctx: Context, _: None) -> Iterator[Finding]:
    """A share of a whole is more than 100 %.

    **What it checks.** The stated percentage of every ``share`` relation is at most
    100 % (within its rounding). Ratios — completion and execution rates — may
    exceed 100 % and are not judged.

    **Why.** A part cannot be larger than the whole it belongs to; a share above
    100 % means the part or the whole is the wrong figure, even when part ÷ whole
    agrees with it.

    **What to do.** Check that the whole really contains the part.
    """
    for rel in ctx.ledger.relations:
        if rel.kind == "share" and ctx.base(rel.stated).lo > HUNDRED:
            view = ctx.view(rel.stated)
            yield ctx.suspicious(
                share_above_100,
                [rel.stated, rel.part],
                ctx.t(
                    N_("{stated} states a share of {printed}, more than the whole"),
                    stated=ctx.label(rel.stated),
                    printed=view.figure.value,
                ),
                relation=rel.id,
            )


def _disjoint_groups(ctx: Context) -> dict[tuple[tuple[str, ...], int], list[ShareRelation]]:
    """Share relations whose parts are known not to overlap, grouped by their whole.

    Relations are told apart by their kind (on plain data they are no models).
    """
    relations = ctx.ledger.relations
    return _groups(
        ((r.total, r.parts) for r in relations if r.kind == "sum" and r.exhaustive and not r.weights),
        ((r, r.part, r.wholes) for r in relations if r.kind == "share"),
    )


@rule(
    "PC602",
    "shares-above-100",
    severity=Severity.WARNING,
    screen=Screen(escalates=_shares_to_escalate, plain=True),
    breaker=_break_shares,
    passing=doc(
        fig("basic", "82.67"),
        fig("proj", "51.89"),
        fig("total", "134.56"),
        fig("basic_pct", "61.44%"),
        fig("proj_pct", "38.56%"),
        relations=[
            {"id": "split", "kind": "sum", "total": "total", "parts": ["basic", "proj"]},
            _share("b", "basic", "total", "basic_pct"),
            _share("p", "proj", "total", "proj_pct"),
        ],
    ),
    failing=doc(
        fig("basic", "2476260.58"),
        fig("proj", "469500", decimals=2),
        fig("basic_pct", "84.06%"),
        fig("proj_pct", "19.62%"),
        relations=[
            _share("b", "basic", ["basic", "proj"], "basic_pct"),
            _share("p", "proj", ["basic", "proj"], "proj_pct"),
        ],
        unit="元",
    ),
)
def shares_above_100(ctx: Context, _: None) -> Iterator[Finding]:
    """Shares of separate parts of one whole add up to more than 100 %.

    **What it checks.** Share relations whose parts do not overlap — the parts are
    figures the whole is listed as, or parts of one exhaustive ``sum`` with the
    whole as its total — have stated percentages whose sum can be at most 100 %.
    Shares of overlapping parts (一般公共预算支出 and 基本支出 of the same total)
    are not grouped.

    **Why.** "基本支出占84.06%，项目支出占19.62%" cannot both be true: together
    they claim 103.68 % of one whole. The individual share checks say which one is
    wrong; this says the text contradicts itself even without the amounts.

    **What to do.** Recompute each share from its amounts.
    """
    for (whole, _sum), rels in _disjoint_groups(ctx).items():
        parts = {r.part for r in rels}
        if len(parts) < 2:
            continue
        unique = list({r.part: r for r in rels}.values())
        total = sum_intervals([ctx.base(r.stated) for r in unique])
        if total.lo > HUNDRED:
            stated = [r.stated for r in unique]
            printed = exact_sum(ctx.view(s).number for s in stated)
            yield ctx.suspicious(
                shares_above_100,
                stated,
                ctx.t(
                    N_(
                        "the shares {shares} of {whole} add up to {total} %, more than 100 % "
                        "(relations {relations})"
                    ),
                    shares=ctx.t.join(ctx.view(s).figure.value for s in stated),
                    whole=ctx.labels(list(whole)),
                    total=ctx.number(printed),
                    relations=ctx.t.join(r.id for r in unique),
                ),
            )


@rule(
    "PC603",
    "negative-amount",
    severity=Severity.ERROR,
    screen=Screen(below_zero=_may_be_reported),
    breaker=_break_negative,
    passing=doc(fig("income", "132.35", "总收入", concept="income"), relations=[]),
    failing=doc(fig("income", "-132.35", "总收入", concept="income"), relations=[]),
)
def negative_amount(ctx: Context, _: None) -> Iterator[Finding]:
    """A figure that cannot be negative is printed negative.

    **What it checks.** Figures whose ``concept`` cannot be negative — income,
    spending and its parts, line items, head-counts, counts, targets, scores — and
    every figure in a count unit are at least zero.

    **Why.** A minus sign in those places is a typing or sign-convention error;
    the domain model forbids it, and a document checked from JSON gets the same
    protection through the concept.

    **What to do.** Remove the sign, or move the figure to the side of the balance
    it belongs to.
    """
    for fid, view in ctx.views.items():
        concept = view.figure.concept
        if (concept in NON_NEGATIVE or view.unit.kind is Kind.COUNT) and view.base.hi < 0:
            yield ctx.suspicious(
                negative_amount,
                [fid],
                ctx.t(
                    N_("{label} is printed as {printed}, but {what} cannot be negative"),
                    label=ctx.label(fid),
                    printed=view.figure.value,
                    what=ctx.t.word(N_("a count"))
                    if concept is None
                    else ctx.t(N_("a figure of concept {concept}"), concept=concept),
                ),
            )


@rule(
    "PC604",
    "excess-precision",
    severity=Severity.WARNING,
    # Judged over every figure of the document: not run again on the part escalated.
    screen=Screen(figures=_excess_figures),
    breaker=_break_precision,
    passing=doc(fig("a", "3.91"), fig("b", "2.17"), fig("c", "1.35"), relations=[]),
    failing=doc(fig("a", "3.91"), fig("b", "2.17"), fig("c", "1.352"), relations=[]),
)
def excess_precision(ctx: Context, _: None) -> Iterator[Finding]:
    """A figure is printed with more decimals than the document uses.

    **What it checks.** Among amounts printed in one unit (at least three of them),
    the usual number of decimals is the document's precision; an amount with more
    decimals is flagged. Fewer decimals are normal (trailing zeros are often
    dropped) and are not flagged. Percentages are not judged: a report prints
    shares to 0.01 % and completion rates to 1 % side by side.

    **Why.** An amount of 1.352万元 in a report kept to 0.01万元 is usually a typing
    error, or a figure copied from a table in another unit.

    **What to do.** Check the figure against its source table.
    """
    usual = _usual(ctx.precision)
    for fid, view in ctx.views.items():
        if view.unit.kind is Kind.AMOUNT and not view.exact and view.qualifier is None:
            unit = view.unit.symbol
            if unit in usual and view.decimals > usual[unit]:
                yield ctx.suspicious(
                    excess_precision,
                    [fid],
                    ctx.t(
                        N_(
                            "{label} is printed as {printed} with {decimals} decimals; "
                            "the document prints {unit} figures with {usual}"
                        ),
                        label=ctx.label(fid),
                        printed=ctx.view(fid).figure.value,
                        decimals=ctx.view(fid).decimals,
                        unit=unit,
                        usual=usual[unit],
                    ),
                )


RULES = (share_above_100, shares_above_100, negative_amount, excess_precision)
