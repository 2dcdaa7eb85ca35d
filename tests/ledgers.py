"""An exact reference for documents drawn by perfcheck's strategies, and what property tests need.

The documents come from :mod:`perfcheck.strategies` (implemented in
``perfcheck._strategies``): every figure printed from an exact true value the way a
publisher would, so every relation holds by construction. :func:`ledgers` draws them
with the same knobs, checked the same way, as ``perfcheck.strategies.ledgers``, and
keeps what a reference needs and the ledger no longer shows: each figure's printed
number, precision, unit and qualifier, and each formula as a linear form.

The reference checker (:meth:`Generated.verdict`) re-implements the document semantics
from the spec with exact rational arithmetic, independently of perfcheck's checking
code and of the strategies' own arithmetic: each printed figure stands for an
interval, and a relation is broken exactly when no choice of values inside the
intervals satisfies it. The quotients it needs (shares, ratios, percent changes) are
monotone in each variable over the boxes where they are defined, so their exact ranges
are attained at the boxes' corners.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Collection, Sequence
from dataclasses import fields, replace
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Self

from perfcheck._strategies import (
    RELATION_KINDS,
    DrawnLedger,
    Fig,
    FormulaSpec,
    drawn_ledgers,
    ledger_options,
    operands,
)

if TYPE_CHECKING:
    from hypothesis import strategies as st

__all__ = [
    "BROKEN",
    "HOLDS",
    "NOT_CHECKABLE",
    "RELATION_KINDS",
    "FormulaSpec",
    "Generated",
    "boundary",
    "ledgers",
    "max_steps_down",
    "operands",
]

#: Amount units and their size in 元, as the spec defines them.
UNIT_FACTORS: dict[str, int] = {
    "元": 1,
    "千元": 1000,
    "万元": 10_000,
    "百万元": 1_000_000,
    "亿元": 100_000_000,
}
HUNDRED = Fraction(100)
INF = math.inf

Bound = Fraction | float  # a float only for ±infinity


class Span(tuple[Bound, Bound]):  # noqa: SLOT001 - each span says which of its ends are open
    """``(lo, hi)``, each end closed unless said open (a truncated figure's far end, per the spec)."""

    lo_open: bool
    hi_open: bool

    def __new__(cls, lo: Bound, hi: Bound, *, lo_open: bool = False, hi_open: bool = False) -> Self:
        span = super().__new__(cls, (lo, hi))
        span.lo_open, span.hi_open = lo_open, hi_open
        return span


def ends(span: tuple[Bound, Bound]) -> tuple[bool, bool]:
    return (span.lo_open, span.hi_open) if isinstance(span, Span) else (False, False)


def below(a: Bound, b: Bound, *, strict: bool) -> bool:
    return a < b if strict else a <= b


def unit_kind(unit: str) -> str:
    if unit in UNIT_FACTORS:
        return "amount"
    if unit == "%":
        return "percent"
    if unit == "百分点":
        return "points"
    return "count"


def figure_span(fig: Fig, *, truncate: bool) -> Span:
    """The interval the printing allows, in base units (元, %, points, 1), per the spec."""
    v = Fraction(fig.number)
    lo: Bound
    hi: Bound
    lo_open = hi_open = False
    if fig.qualifier in ("at_least", "more_than"):
        lo, hi = v, INF
    elif fig.qualifier == "at_most":
        lo, hi = -INF, v
    elif fig.qualifier == "about":
        exponent = fig.number.normalize().as_tuple().exponent
        assert isinstance(exponent, int)
        half = Fraction(10) ** exponent / 2
        lo, hi = v - half, v + half
    elif fig.exact:
        lo = hi = v
    else:
        u = Fraction(10) ** -fig.decimals
        if not truncate:
            lo, hi = v - u / 2, v + u / 2
        else:  # truncated: [v, v + u) above 0, (v - u, v] below, (-u, u) for 0
            lo, hi = (v, v + u) if v > 0 else (v - u, v) if v < 0 else (-u, u)
            lo_open, hi_open = v <= 0, v >= 0
    factor = UNIT_FACTORS.get(fig.unit, 1)
    return Span(lo * factor, hi * factor, lo_open=lo_open, hi_open=hi_open)


def figure_width(fig: Fig, *, truncate: bool) -> Fraction:
    lo, hi = figure_span(fig, truncate=truncate)
    assert not isinstance(lo, float)
    assert not isinstance(hi, float)
    return hi - lo


# ---------------------------------------------------------------------------
# Exact interval arithmetic on spans


def add(*spans: tuple[Bound, Bound]) -> Span:
    return Span(
        sum((s[0] for s in spans), Fraction(0)),
        sum((s[1] for s in spans), Fraction(0)),
        lo_open=any(ends(s)[0] for s in spans),
        hi_open=any(ends(s)[1] for s in spans),
    )


def scale(span: tuple[Bound, Bound], k: Fraction) -> Span:
    a, b = span[0] * k, span[1] * k
    lo_open, hi_open = ends(span)
    if k == 0:
        return Span(a, b)
    return (
        Span(a, b, lo_open=lo_open, hi_open=hi_open)
        if k > 0
        else Span(b, a, lo_open=hi_open, hi_open=lo_open)
    )


def hit(a: tuple[Bound, Bound], b: tuple[Bound, Bound]) -> bool:
    """Whether the spans share a point: touching at an open end is not sharing one."""
    return below(a[0], b[1], strict=ends(a)[0] or ends(b)[1]) and below(
        b[0], a[1], strict=ends(b)[0] or ends(a)[1]
    )


def has_zero(span: tuple[Bound, Bound]) -> bool:
    return hit(span, (Fraction(0), Fraction(0)))


def corners(f: Callable[..., Fraction], spans: Sequence[tuple[Bound, Bound]]) -> Span:
    """The range of ``f`` over the boxes from its corners.

    An extreme is open when every corner reaching it has an open coordinate and ``f``
    changes once that coordinate moves inside; a divisor reaching 0 at an open end gives ±∞.
    """
    points = list(itertools.product(*((((s[0], ends(s)[0]), (s[1], ends(s)[1]))) for s in spans)))

    def value(point: Sequence[tuple[Bound, bool]]) -> Bound:
        try:
            return f(*(x for x, _ in point))
        except ZeroDivisionError:
            inside = [x + (s[0] + s[1] - 2 * x) / 10**30 for (x, _), s in zip(point, spans, strict=True)]
            return math.copysign(INF, f(*inside))

    values = [value(p) for p in points]

    def reached(extreme: Bound) -> bool:
        for point, v in zip(points, values, strict=True):
            if v != extreme:
                continue
            moved = [(s[0] + s[1]) / 2 if o else x for (x, o), s in zip(point, spans, strict=True)]
            if f(*moved) == extreme:
                return True
        return False

    lo, hi = min(values), max(values)
    return Span(lo, hi, lo_open=not reached(lo), hi_open=not reached(hi))


def satisfied(op: str, diff: Span) -> bool:
    lo, hi = diff
    lo_open, hi_open = ends(diff)
    return {
        "==": has_zero(diff),
        "<=": below(lo, 0, strict=lo_open),
        "<": lo < 0,
        ">=": below(0, hi, strict=hi_open),
        ">": hi > 0,
    }[op]


HOLDS, BROKEN, NOT_CHECKABLE = "holds", "broken", "not_checkable"


def _judge(ok: bool) -> str:
    return HOLDS if ok else BROKEN


class Generated(DrawnLedger):
    """A drawn document, and how to judge its relations exactly."""

    @classmethod
    def of(cls, drawn: DrawnLedger) -> Generated:
        return cls(**{f.name: getattr(drawn, f.name) for f in fields(drawn)})

    def span(self, fid: str) -> Span:
        return figure_span(self.figs[fid], truncate=self.truncate)

    def checked(self) -> list[dict[str, Any]]:
        return [r for r in self.relations if r["id"] not in self.unchecked]

    def broken(self) -> set[str]:
        return {r["id"] for r in self.checked() if self.verdict(r) == BROKEN}

    def verdict(self, rel: dict[str, Any]) -> str:
        kind = rel["kind"]
        judge = getattr(self, f"_{kind}")
        return judge(rel)

    def _sum(self, rel: dict[str, Any]) -> str:
        weights = rel.get("weights") or [1] * len(rel["parts"])
        parts = add(*(scale(self.span(p), Fraction(w)) for p, w in zip(rel["parts"], weights, strict=True)))
        total = self.span(rel["total"])
        if rel.get("exhaustive", True):
            return _judge(hit(total, parts))
        return _judge(below(parts[0], total[1], strict=ends(parts)[0] or ends(total)[1]))

    def _balance(self, rel: dict[str, Any]) -> str:
        return _judge(hit(add(*map(self.span, rel["inflows"])), add(*map(self.span, rel["outflows"]))))

    def implied(self, rel: dict[str, Any]) -> tuple[str, Span | None] | None:
        """The figure a quotient or product relation judges, and the range the others allow it.

        For a share, a ratio with a denominator, a change with a percent and a product;
        the range is None when a divisor may be zero (not checkable).
        """
        kind = rel["kind"]
        if kind == "share":
            return rel["stated"], self._share_range(rel)
        if kind == "ratio" and rel.get("denominator") is not None:
            den = self.span(rel["denominator"])
            if has_zero(den):
                return rel["stated"], None
            return rel["stated"], corners(lambda p, d: HUNDRED * p / d, [self.span(rel["numerator"]), den])
        if kind == "change" and rel.get("percent") and (rel.get("prior") or rel.get("delta")):
            return rel["percent"], self._change_range(rel)
        if kind == "product":
            return rel["total"], self._product_range(rel)
        return None

    def _share_range(self, rel: dict[str, Any]) -> Span | None:
        wholes = [rel["whole"]] if isinstance(rel["whole"], str) else list(rel["whole"])
        part = self.span(rel["part"])
        if rel["part"] in wholes:
            wholes.remove(rel["part"])
            rest = add(*map(self.span, wholes))
            if has_zero(add(part, rest)):
                return None
            return corners(lambda p, r: HUNDRED * p / (p + r), [part, rest])
        whole = add(*map(self.span, wholes))
        if has_zero(whole):
            return None
        return corners(lambda p, w: HUNDRED * p / w, [part, whole])

    def _change_range(self, rel: dict[str, Any]) -> Span | None:
        sign = 1 if rel["direction"] == "increase" else -1
        cur = self.span(rel["current"])
        if rel.get("prior"):
            p = self.span(rel["prior"])
            if has_zero(p):
                return None
            if rel.get("delta"):
                return corners(lambda d, q: HUNDRED * d / q, [self.span(rel["delta"]), p])
            return corners(lambda c, q: sign * HUNDRED * (c / q - 1), [cur, p])
        d = self.span(rel["delta"])
        if has_zero(add(cur, scale(d, Fraction(-sign)))):
            return None
        return corners(lambda c, x: HUNDRED * x / (c - sign * x), [cur, d])

    def _product_range(self, rel: dict[str, Any]) -> Span:
        def factor(fid: str) -> Span:
            span = self.span(fid)
            return scale(span, Fraction(1, 100)) if unit_kind(self.figs[fid].unit) == "percent" else span

        rng = corners(lambda *xs: math.prod(xs, start=Fraction(1)), [factor(f) for f in rel["factors"]])
        return scale(rng, HUNDRED) if unit_kind(self.figs[rel["total"]].unit) == "percent" else rng

    def _ranged(self, rel: dict[str, Any]) -> str:
        implied = self.implied(rel)
        assert implied is not None
        subject, rng = implied
        return NOT_CHECKABLE if rng is None else _judge(hit(self.span(subject), rng))

    _share = _ranged
    _product = _ranged

    def _ratio(self, rel: dict[str, Any]) -> str:
        if rel.get("denominator") is not None:
            return self._ranged(rel)
        # An implied whole-number target T: 100·N/T inside the stated rounding.
        stated = self.span(rel["stated"])
        num = self.figs[rel["numerator"]]
        if unit_kind(num.unit) != "count" or not num.exact or num.qualifier is not None or stated[0] <= 0:
            return HOLDS
        n = Fraction(num.number)
        lo = HUNDRED * n / stated[1] if stated[1] != INF else Fraction(0)
        hi = HUNDRED * n / stated[0]
        return _judge(max(math.ceil(lo), 1) <= hi)

    def _change(self, rel: dict[str, Any]) -> str:
        sign = 1 if rel["direction"] == "increase" else -1
        cur = self.span(rel["current"])
        prior, delta = rel.get("prior"), rel.get("delta")
        verdicts = []
        if prior is not None:
            p = self.span(prior)
            if delta is not None:
                verdicts.append(_judge(hit(cur, add(p, scale(self.span(delta), Fraction(sign))))))
            elif rel.get("percent") is None:  # only the direction is stated
                verdicts.append(_judge(p[0] < cur[1] if sign > 0 else cur[0] < p[1]))
        if self.implied(rel) is not None:
            verdicts.append(self._ranged(rel))
        if BROKEN in verdicts:
            return BROKEN
        return NOT_CHECKABLE if NOT_CHECKABLE in verdicts else HOLDS

    def _equal(self, rel: dict[str, Any]) -> str:
        spans = [self.span(f) for f in rel["figures"]]
        return _judge(all(hit(a, b) for a, b in itertools.combinations(spans, 2)))

    def _compare(self, rel: dict[str, Any]) -> str:
        left, right, op = self.span(rel["left"]), self.span(rel["right"]), rel["op"]
        return _judge(
            {
                "<=": below(left[0], right[1], strict=ends(left)[0] or ends(right)[1]),
                "<": left[0] < right[1],
                ">=": below(right[0], left[1], strict=ends(right)[0] or ends(left)[1]),
                ">": left[1] > right[0],
            }[op]
        )

    def _formula(self, rel: dict[str, Any]) -> str:
        spec = self.formulas[rel["id"]]
        assert rel["id"] not in self.unchecked

        def value(fid: str) -> Span:
            fig = self.figs[fid]
            span = self.span(fid)
            return (
                scale(span, Fraction(1, UNIT_FACTORS[self.unit])) if unit_kind(fig.unit) == "amount" else span
            )

        left = add(*(scale(value(f), c) for c, f in spec.left))
        right = add(*(scale(value(f), c) for c, f in spec.right), (spec.const, spec.const))
        return _judge(satisfied(spec.op, add(left, scale(right, Fraction(-1)))))

    # -- for "no misses": linear relations as Σ coefficient·figure = 0 in base units --------

    def linear_terms(self, rel: dict[str, Any]) -> list[tuple[Fraction, str]] | None:
        kind = rel["kind"]
        if kind == "sum" and rel.get("exhaustive", True):
            weights = rel.get("weights") or [1] * len(rel["parts"])
            return [(Fraction(-1), rel["total"])] + [
                (Fraction(w), p) for p, w in zip(rel["parts"], weights, strict=True)
            ]
        if kind == "balance":
            return [(Fraction(1), f) for f in rel["inflows"]] + [(Fraction(-1), f) for f in rel["outflows"]]
        if kind == "change" and rel.get("prior") and rel.get("delta") and not rel.get("percent"):
            sign = Fraction(1 if rel["direction"] == "increase" else -1)
            return [(Fraction(1), rel["current"]), (Fraction(-1), rel["prior"]), (-sign, rel["delta"])]
        if kind == "formula" and rel["id"] not in self.unchecked:
            spec = self.formulas[rel["id"]]
            if (
                spec.op == "=="
                and len({unit_kind(self.figs[f].unit) for _, f in spec.left + spec.right}) == 1
            ):
                return list(spec.left) + [(-c, f) for c, f in spec.right]
        return None

    def tolerance_steps(self, rel: dict[str, Any], fid: str) -> int | None:
        """How many steps of its last printed digit move ``fid`` beyond ``rel``'s tolerance.

        Linear relations (sum, balance, equal, change level, linear formulas): more than the
        sum of the widths of all the relation's intervals, in base units, over the figure's
        weight. A quotient or product: more than the width of the range the other figures
        allow plus the figure's own width, plus one step of margin. None: not such a case.
        """
        fig = self.figs[fid]
        if fig.qualifier is not None:
            return None
        step = Fraction(10) ** -fig.decimals * UNIT_FACTORS.get(fig.unit, 1)

        def width(f: str) -> Fraction:
            return figure_width(self.figs[f], truncate=self.truncate)

        if rel["kind"] == "equal":
            return math.floor(sum(map(width, rel["figures"])) / step) + 1
        terms = self.linear_terms(rel)
        if terms is not None:
            weight = sum(abs(c) for c, f in terms if f == fid)
            if not weight:
                return None
            return math.floor(sum(abs(c) * width(f) for c, f in terms) / (weight * step)) + 1
        implied = self.implied(rel)
        if implied is None or implied[0] != fid or implied[1] is None:
            return None
        lo, hi = self.naive_range(rel)
        # an infinite end: the other figures allow any quotient, so no shift of this one must break it
        unbounded = math.isinf(lo) or math.isinf(hi)
        return None if unbounded else math.floor((hi - lo + width(fid)) / step) + 2

    def naive_range(self, rel: dict[str, Any]) -> Span:
        """The range of a quotient with its numerator and denominator taken as independent intervals.

        100·part / Σwhole for a share even when the part is one of the whole's figures, and
        100·delta / (current ∓ delta) for a change without a prior: a superset of the exact
        range (:meth:`implied`), used only for a shift that must break the relation.
        """
        kind = rel["kind"]
        if kind == "share":
            wholes = [rel["whole"]] if isinstance(rel["whole"], str) else rel["whole"]
            return corners(
                lambda p, w: HUNDRED * p / w, [self.span(rel["part"]), add(*map(self.span, wholes))]
            )
        if kind == "change" and not rel.get("prior"):
            sign = Fraction(1 if rel["direction"] == "increase" else -1)
            d = self.span(rel["delta"])
            prior = add(self.span(rel["current"]), scale(d, -sign))
            return corners(lambda x, q: HUNDRED * x / q, [d, prior])
        implied = self.implied(rel)
        assert implied is not None
        assert implied[1] is not None
        return implied[1]


def ledgers(
    *,
    kinds: str | Collection[str] | None = None,
    scenarios: tuple[str, ...] | None = None,
    min_relations: int = 1,
    max_relations: int = 8,
    **knobs: Any,
) -> st.SearchStrategy[Generated]:
    """``perfcheck.strategies.ledgers(**knobs)``, drawn with the record the reference needs.

    ``scenarios`` (private to the strategies) draws only those building blocks, e.g.
    ``("report",)`` for a whole report whose relations share figures.
    """
    options = ledger_options(
        "ledgers",
        min_relations=min_relations,
        max_relations=max_relations,
        kinds=kinds,
        units=knobs.pop("units", None),
        rounding=knobs.pop("rounding", None),
        locales=knobs.pop("locales", None),
        qualifiers=knobs.pop("qualifiers", True),
        json_numbers=knobs.pop("json_numbers", True),
        clean=knobs.pop("clean", False),
    )
    assert not knobs, knobs
    if scenarios is not None:
        options = replace(options, scenarios=scenarios)
    return drawn_ledgers(options).map(Generated.of)


def max_steps_down(fig: Fig) -> int:
    """How many steps of its last digit a figure can move down and stay non-negative."""
    return int(fig.number / fig.ulp)


def boundary(
    gen: Generated, rid: str, fid: str, direction: int, limit: int = 2**40
) -> tuple[int, int] | None:
    """Adjacent step counts ``(k, k + 1)`` moving ``fid`` where ``rid`` holds at ``k``, broken at ``k + 1``.

    The reference judges; ``k`` may be 0 (the document as generated). None: moving
    ``fid`` that way (up to ``limit`` steps, never below zero) does not break ``rid``.
    """
    rel = gen.relation(rid)
    cap = limit if direction > 0 else min(limit, max_steps_down(gen.figs[fid]))

    def broken(k: int) -> bool:
        return gen.shifted(fid, direction * k).verdict(rel) == BROKEN

    assert not broken(0)
    lo, hi = 0, 1
    while hi <= cap and not broken(hi):
        lo, hi = hi, 2 * hi
    if hi > cap:
        if cap <= lo or not broken(cap):
            return None
        hi = cap
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if broken(mid):
            hi = mid
        else:
            lo = mid
    return lo, hi
