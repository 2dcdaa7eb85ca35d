"""Exact interval arithmetic, to move a figure just beyond what its relation allows.

The rules' breakers (beside the rules, in :mod:`perfcheck.rules`) call these through
the builder: "broken" is judged here with exact rational arithmetic, never by perfcheck.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final

from hypothesis import reject
from hypothesis import strategies as st

from perfcheck._strategies.printing import AMOUNT_UNITS, HUNDRED, Bound, Fig, Span

if TYPE_CHECKING:
    from perfcheck._strategies.builder import Builder


def _add(*spans: Span) -> Span:
    lo: Bound = Fraction(0)
    hi: Bound = Fraction(0)
    for a, z in spans:
        lo, hi = lo + a, hi + z
    return lo, hi


def _scale(span: Span, k: Fraction) -> Span:
    if k == 0:
        return Fraction(0), Fraction(0)
    a, z = span[0] * k, span[1] * k
    return (a, z) if k > 0 else (z, a)


def _hit(a: Span, b: Span) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _has_zero(span: Span, ends: tuple[bool, bool] = (False, False)) -> bool:
    """Whether 0 is in ``span``, whose ends are open as ``ends`` says."""
    lo, hi = span
    return (lo < 0 if ends[0] else lo <= 0) and (hi > 0 if ends[1] else hi >= 0)


def _open_sum(b: Builder, terms: Sequence[tuple[int, str]]) -> tuple[bool, bool]:
    """Which ends of ``Σ sign·figure`` are open: an end is when one it comes from is."""
    ends = [b.open_ends(f)[:: 1 if sign > 0 else -1] for sign, f in terms]
    return any(e[0] for e in ends), any(e[1] for e in ends)


def _corners(f: Callable[..., Fraction], spans: Sequence[Span]) -> Span:
    """The range of ``f`` from its corners; a divisor reaching 0 at an open end sends it to ±∞."""
    values: list[Bound] = []
    for point in itertools.product(*spans):
        try:
            values.append(f(*point))
        except ZeroDivisionError:
            # 0 is an open end of the divisor's span: the sign of f just inside the box says which ∞
            inside = [x + (lo + hi - 2 * x) / 10**30 for x, (lo, hi) in zip(point, spans, strict=True)]
            values.append(math.copysign(math.inf, f(*inside)))
    return min(values), max(values)


def _satisfied(op: str, diff: Span) -> bool:
    lo, hi = diff
    return {"==": lo <= 0 <= hi, "<=": lo <= 0, "<": lo < 0, ">=": hi >= 0, ">": hi > 0}[op]


def _linear(
    b: Builder, terms: Sequence[tuple[Fraction, str]], op: str, const: Fraction = Fraction(0)
) -> bool:
    """Whether ``Σ coef·figure - const op 0`` can hold (figures in base units)."""
    diff = _add(*(_scale(b.span(f), c) for c, f in terms), (-const, -const))
    return _satisfied(op, diff)


def _linear_terms(b: Builder, rel: dict[str, Any]) -> tuple[list[tuple[Fraction, str]], str, Fraction]:
    """A linear relation as ``Σ coef·figure op const`` in base units."""
    one = Fraction(1)
    kind = rel["kind"]
    if kind == "sum":
        weights = rel.get("weights") or [1] * len(rel["parts"])
        terms = [(Fraction(w), p) for p, w in zip(rel["parts"], weights, strict=True)] + [
            (-one, rel["total"])
        ]
        return terms, "==" if rel.get("exhaustive", True) else "<=", Fraction(0)
    if kind == "balance":
        return [(one, f) for f in rel["inflows"]] + [(-one, f) for f in rel["outflows"]], "==", Fraction(0)
    if kind == "change":
        sign = one if rel["direction"] == "increase" else -one
        if rel.get("delta"):
            return [(one, rel["current"]), (-one, rel["prior"]), (-sign, rel["delta"])], "==", Fraction(0)
        return [(one, rel["current"]), (-one, rel["prior"])], ">" if sign > 0 else "<", Fraction(0)
    if kind == "compare":
        return [(one, rel["left"]), (-one, rel["right"])], rel["op"], Fraction(0)
    spec = b.formulas[rel["id"]]
    unit = Fraction(AMOUNT_UNITS[b.unit])

    def coef(c: Fraction, fid: str) -> Fraction:
        return c / unit if b.figs[fid].kind == "amount" else c

    terms = [(coef(c, f), f) for c, f in spec.left] + [(-coef(c, f), f) for c, f in spec.right]
    return terms, spec.op, spec.const


def _share_range(b: Builder, rel: dict[str, Any]) -> Span | None:
    wholes = [rel["whole"]] if isinstance(rel["whole"], str) else list(rel["whole"])
    part = b.span(rel["part"])
    if rel["part"] in wholes:  # 100·p/(p + rest), each figure once
        wholes.remove(rel["part"])
        rest = _add(*map(b.span, wholes))
        ends = _open_sum(b, [(1, f) for f in (rel["part"], *wholes)])
        if _has_zero(_add(part, rest), ends):
            return None
        return _corners(lambda p, r: HUNDRED * p / (p + r), [part, rest])
    whole = _add(*map(b.span, wholes))
    ends = _open_sum(b, [(1, f) for f in wholes])
    return None if _has_zero(whole, ends) else _corners(lambda p, w: HUNDRED * p / w, [part, whole])


def _change_range(b: Builder, rel: dict[str, Any]) -> Span | None:
    sign = 1 if rel["direction"] == "increase" else -1
    cur = b.span(rel["current"])
    if rel.get("prior"):
        p = b.span(rel["prior"])
        if _has_zero(p, b.open_ends(rel["prior"])):
            return None
        if rel.get("delta"):
            return _corners(lambda d, q: HUNDRED * d / q, [b.span(rel["delta"]), p])
        return _corners(lambda c, q: sign * HUNDRED * (c / q - 1), [cur, p])
    d = b.span(rel["delta"])
    if _has_zero(
        _add(cur, _scale(d, Fraction(-sign))), _open_sum(b, [(1, rel["current"]), (-sign, rel["delta"])])
    ):
        return None
    return _corners(lambda c, x: HUNDRED * x / (c - sign * x), [cur, d])


def _range(b: Builder, rel: dict[str, Any]) -> Span | None:
    """What the other figures allow a quotient's or product's subject; None when a divisor may be zero.

    Each quotient is monotone in each of its variables over boxes where it is defined,
    so its exact range is attained at the boxes' corners.
    """
    kind = rel["kind"]
    if kind == "share":
        return _share_range(b, rel)
    if kind == "change":
        return _change_range(b, rel)
    if kind == "ratio":
        den = b.span(rel["denominator"])
        if _has_zero(den, b.open_ends(rel["denominator"])):
            return None
        return _corners(lambda n, d: HUNDRED * n / d, [b.span(rel["numerator"]), den])

    def factor(fid: str) -> Span:
        return _scale(b.span(fid), Fraction(1, 100)) if b.figs[fid].kind == "percent" else b.span(fid)

    rng = _corners(lambda *xs: math.prod(xs, start=Fraction(1)), [factor(f) for f in rel["factors"]])
    return _scale(rng, HUNDRED) if b.figs[rel["total"]].kind == "percent" else rng


#: The most steps of its last digit a figure is moved.
MAX_STEPS: Final = 2**40


def move_until_broken(
    b: Builder, candidates: Sequence[tuple[str, int, int]], holds: Callable[[], bool]
) -> None:
    """Move one candidate figure ``(id, direction, at most steps)`` just beyond where ``holds`` is true.

    ``holds`` must turn false for good once it does. The candidates are tried in a
    drawn order; then the figure is moved a drawn number of steps further.
    """

    def broken_at(fid: str, steps: int) -> bool:
        fig = b.figs[fid]
        b.figs[fid] = fig.moved(steps)
        try:
            return not holds()
        finally:
            b.figs[fid] = fig

    for fid, direction, cap in b.draw(st.permutations(candidates)):
        if cap < 1:
            continue
        lo, hi = 0, 1
        while hi <= cap and not broken_at(fid, direction * hi):
            lo, hi = hi, 2 * hi
        if hi > cap:
            if cap <= lo or not broken_at(fid, direction * cap):
                continue
            hi = cap
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if broken_at(fid, direction * mid):
                hi = mid
            else:
                lo = mid
        further = b.draw(st.integers(0, 3) | st.integers(0, 10**6))
        b.figs[fid] = b.figs[fid].moved(direction * min(hi + further, cap))
        return
    reject()  # pragma: no cover - every scenario used below has a figure that can break it


def _steps_to_zero(fig: Fig) -> int:
    return int(fig.number / fig.ulp)


def both_ways(b: Builder, fids: Sequence[str]) -> list[tuple[str, int, int]]:
    """Every unqualified figure up (without limit) and down (not below zero)."""
    out = []
    for fid in dict.fromkeys(fids):
        if b.figs[fid].qualifier is None:
            out += [(fid, 1, MAX_STEPS), (fid, -1, min(MAX_STEPS, _steps_to_zero(b.figs[fid])))]
    return out


def break_linear(b: Builder, fids: Sequence[str] | None = None) -> None:
    """Move one of ``fids`` (default: every figure) of the last relation, a linear one, until it breaks."""
    rel = b.relations[-1]
    terms, op, const = _linear_terms(b, rel)
    chosen = fids if fids is not None else [f for _, f in terms]
    move_until_broken(b, both_ways(b, chosen), lambda: _linear(b, terms, op, const))


def break_subject(b: Builder, subject: str, *, at_most_100: bool = False) -> None:
    """Move the figure a quotient or product judges away from what the others allow."""
    rel = b.relations[-1]
    rng = _range(b, rel)
    if rng is None:  # pragma: no cover - divisors of a clean document keep clear of zero
        reject()
    fig = b.figs[subject]
    up = MAX_STEPS
    if at_most_100:  # a share above 100 % would also break the rule on shares over 100 %
        up = max(0, int((Decimal(100) - fig.number) / fig.ulp))
    candidates = [(subject, 1, up), (subject, -1, _steps_to_zero(fig))]
    move_until_broken(b, candidates, lambda: _hit(b.span(subject), rng))
