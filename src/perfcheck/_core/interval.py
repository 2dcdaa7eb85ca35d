"""Intervals of Decimals with outward rounding, each end closed or open.

Every operation rounds its lower bound down and its upper bound up, in private
contexts of 60 significant digits, so a computed interval always contains the
exact result and nothing depends on the caller's :mod:`decimal` context.
Bounds may be infinite (a figure printed as ``10000余`` has no upper bound).

An end may be open: a figure truncated to whole units and printed as 3 lies in
``[3, 4)`` (XBRL Calculations 1.1's truncation mode). Sums, differences, products
and quotients carry open ends exactly; two intervals that only touch at an end
that is open on either side share no point.

>>> a = Interval(Decimal("132.345"), Decimal("132.355"))
>>> b = Interval(Decimal("2.205"), Decimal("2.215"))
>>> a + b
Interval(lo=Decimal('134.550'), hi=Decimal('134.570'))
>>> Interval.point(Decimal(1)).div(Interval(Decimal(-1), Decimal(1))) is None
True
>>> three = Interval(Decimal(3), Decimal(4), hi_open=True)
>>> three + three
Interval(lo=Decimal('6'), hi=Decimal('8'), hi_open=True)
>>> (three + three).intersects(Interval.point(Decimal(8)))
False
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import (
    ROUND_CEILING,
    ROUND_FLOOR,
    ROUND_HALF_EVEN,
    Context,
    Decimal,
    DivisionByZero,
    InvalidOperation,
    Overflow,
)
from fractions import Fraction
from functools import reduce
from itertools import product
from typing import Final

_TRAPS: Final = [InvalidOperation, DivisionByZero, Overflow]
PRECISION: Final = 60
DOWN: Final = Context(prec=PRECISION, rounding=ROUND_FLOOR, traps=_TRAPS, Emax=999_999, Emin=-999_999)
UP: Final = Context(prec=PRECISION, rounding=ROUND_CEILING, traps=_TRAPS, Emax=999_999, Emin=-999_999)
NEAR: Final = Context(prec=PRECISION, rounding=ROUND_HALF_EVEN, traps=_TRAPS, Emax=999_999, Emin=-999_999)
INF: Final = Decimal("Infinity")
ZERO: Final = Decimal(0)


def _mul(a: Decimal, b: Decimal, ctx: Context) -> Decimal:
    # 0 x inf is 0 for interval bounds: the bound is approached, never reached.
    if not a or not b:
        return ZERO
    return ctx.multiply(a, b)


@dataclass(frozen=True, slots=True)
class Interval:
    """The set of reals between ``lo`` and ``hi`` (``lo <= hi``); each end closed unless said open.

    An infinite bound is never reached, whatever its flag says.
    """

    lo: Decimal
    hi: Decimal
    lo_open: bool = False
    hi_open: bool = False

    def __repr__(self) -> str:
        """The bounds, and an end's openness only when it is open."""
        flags = (", lo_open=True" if self.lo_open else "") + (", hi_open=True" if self.hi_open else "")
        return f"Interval(lo={self.lo!r}, hi={self.hi!r}{flags})"

    @classmethod
    def point(cls, value: Decimal) -> Interval:
        """The interval holding exactly ``value``."""
        return cls(value, value)

    @property
    def closed(self) -> bool:
        """Whether both ends are closed."""
        return not (self.lo_open or self.hi_open)

    @property
    def is_point(self) -> bool:
        """Whether the interval holds a single value."""
        return self.lo == self.hi

    @property
    def is_finite(self) -> bool:
        """Whether both bounds are finite."""
        return self.lo.is_finite() and self.hi.is_finite()

    def __add__(self, other: Interval) -> Interval:
        """Interval sum: an end is open when either end it comes from is."""
        return Interval(
            DOWN.add(self.lo, other.lo),
            UP.add(self.hi, other.hi),
            self.lo_open or other.lo_open,
            self.hi_open or other.hi_open,
        )

    def __sub__(self, other: Interval) -> Interval:
        """Interval difference."""
        return Interval(
            DOWN.subtract(self.lo, other.hi),
            UP.subtract(self.hi, other.lo),
            self.lo_open or other.hi_open,
            self.hi_open or other.lo_open,
        )

    def __neg__(self) -> Interval:
        """Negation."""
        return Interval(-self.hi, -self.lo, self.hi_open, self.lo_open)

    def __mul__(self, other: Interval) -> Interval:
        """Interval product.

        An end of the product is closed when a corner reaching it has both ends closed,
        or when it is 0 and either factor holds 0 ((0, 1] × [2, 3] is (0, 3]).

        >>> Interval(Decimal(0), Decimal(1), lo_open=True) * Interval(Decimal(2), Decimal(3))
        Interval(lo=Decimal('0'), hi=Decimal('3'), lo_open=True)
        """
        corners = [
            (x, xo, y, yo)
            for x, xo in ((self.lo, self.lo_open), (self.hi, self.hi_open))
            for y, yo in ((other.lo, other.lo_open), (other.hi, other.hi_open))
        ]
        los = [(_mul(x, y, DOWN), xo or yo) for x, xo, y, yo in corners]
        his = [(_mul(x, y, UP), xo or yo) for x, xo, y, yo in corners]
        lo = min(v for v, _ in los)
        hi = max(v for v, _ in his)
        zero_held = self.contains(ZERO) or other.contains(ZERO)
        lo_open = all(o for v, o in los if v == lo) and not (lo == 0 and zero_held)
        hi_open = all(o for v, o in his if v == hi) and not (hi == 0 and zero_held)
        return Interval(lo, hi, lo_open, hi_open)

    def scale(self, factor: Decimal) -> Interval:
        """Multiply by an exact constant (the interval product with a point, in two products)."""
        if factor > 0:
            return Interval(
                _mul(self.lo, factor, DOWN), _mul(self.hi, factor, UP), self.lo_open, self.hi_open
            )
        if factor < 0:
            return Interval(
                _mul(self.hi, factor, DOWN), _mul(self.lo, factor, UP), self.hi_open, self.lo_open
            )
        return Interval(ZERO, ZERO)

    def contains_zero(self) -> bool:
        """Whether 0 lies in the interval."""
        return self.contains(ZERO)

    def reciprocal(self) -> Interval | None:
        """``1 / self``, or None when the interval contains zero.

        An end at an open 0 is infinite ((0, 2] gives [0.5, ∞)); an infinite end gives an open 0.
        """
        if self.contains_zero():
            return None
        lo = ZERO if self.hi.is_infinite() else (-INF if self.hi == 0 else DOWN.divide(1, self.hi))
        hi = ZERO if self.lo.is_infinite() else (INF if self.lo == 0 else UP.divide(1, self.lo))
        return Interval(lo, hi, self.hi_open or not lo.is_finite(), self.lo_open or not hi.is_finite())

    def div(self, other: Interval) -> Interval | None:
        """``self / other``, or None when ``other`` contains zero (not checkable)."""
        inv = other.reciprocal()
        return None if inv is None else self * inv

    def intersects(self, other: Interval) -> bool:
        """Whether the two intervals share a point (touching at an open end is not sharing one)."""
        return _below(self.lo, other.hi, open_=self.lo_open or other.hi_open) and _below(
            other.lo, self.hi, open_=other.lo_open or self.hi_open
        )

    def contains(self, value: Decimal) -> bool:
        """Whether ``value`` lies in the interval."""
        return _below(self.lo, value, open_=self.lo_open) and _below(value, self.hi, open_=self.hi_open)

    def meet(self, other: Interval) -> Interval | None:
        """The values both intervals hold, or None when they share none."""
        if not self.intersects(other):
            return None
        # At one value an open lower end starts later, and an open upper end stops sooner.
        lo, lo_open = max((self.lo, self.lo_open), (other.lo, other.lo_open))
        hi, hi_closed = min((self.hi, not self.hi_open), (other.hi, not other.hi_open))
        return Interval(lo, hi, lo_open, not hi_closed)

    def widen(self, below: Decimal, above: Decimal) -> Interval:
        """``[lo - below, hi + above]``, each end as open as it was."""
        return Interval(DOWN.subtract(self.lo, below), UP.add(self.hi, above), self.lo_open, self.hi_open)

    def gap(self, other: Interval) -> Decimal:
        """Distance between two intervals; zero when they intersect or touch."""
        if self.hi < other.lo:
            return UP.subtract(other.lo, self.hi)
        if other.hi < self.lo:
            return UP.subtract(self.lo, other.hi)
        return ZERO

    def split(self) -> tuple[Interval, Interval]:
        """Halve a finite interval at its midpoint."""
        mid = NEAR.divide(NEAR.add(self.lo, self.hi), 2)
        return Interval(self.lo, mid, lo_open=self.lo_open), Interval(mid, self.hi, hi_open=self.hi_open)


def _below(a: Decimal, b: Decimal, *, open_: bool) -> bool:
    """``a < b`` when an end involved is open, ``a <= b`` when both are closed."""
    return a < b if open_ else a <= b


def monotone_range(fn: Callable[..., Fraction], *boxes: Interval) -> Interval:
    """The range of ``fn`` over finite boxes, from its values at their corners.

    Exact when ``fn`` is continuous on the box and monotone in each variable while
    the others are fixed (the direction may depend on them): its extremes are then
    at corners. ``fn`` computes with exact fractions; the bounds are rounded outward.
    An extreme is closed when it is reached at a corner of closed ends, or where the
    open ends of a corner reaching it are moved to their boxes' midpoints (``fn`` does
    not change there); else it is open. A divisor that is 0 at a corner (an open end
    of a truncated figure) sends ``fn`` to ±∞ there, on the side ``fn`` takes just inside.

    >>> share = lambda p, r: 100 * p / (p + r)
    >>> part = Interval(Decimal("-0.005"), Decimal("0.005"))
    >>> rest = Interval(Decimal("0.995"), Decimal("1.005"))
    >>> monotone_range(share, part, rest).hi
    Decimal('0.5')
    """
    ends = [((Fraction(b.lo), b.lo_open), (Fraction(b.hi), b.hi_open)) for b in boxes]
    mids = [(Fraction(b.lo) + Fraction(b.hi)) / 2 for b in boxes]
    corners = list(product(*ends))
    values = [_at(fn, corner, mids) for corner in corners]
    lo, hi = min(values), max(values)
    return Interval(
        _bound(lo, DOWN),
        _bound(hi, UP),
        not _reached(fn, lo, corners, values, mids),
        not _reached(fn, hi, corners, values, mids),
    )


_Corner = tuple[tuple[Fraction, bool], ...]


def _at(fn: Callable[..., Fraction], corner: _Corner, mids: list[Fraction]) -> Fraction | float:
    """``fn`` at a corner; ±∞ where a divisor is 0 there, on the side ``fn`` takes just inside."""
    point = [x for x, _ in corner]
    try:
        return fn(*point)
    except ZeroDivisionError:
        inside = fn(*(x + (m - x) / 10**40 for x, m in zip(point, mids, strict=True)))
        return math.inf if inside > 0 else -math.inf


def _reached(
    fn: Callable[..., Fraction],
    extreme: Fraction | float,
    corners: list[_Corner],
    values: list[Fraction | float],
    mids: list[Fraction],
) -> bool:
    """Whether ``fn`` takes the value ``extreme`` on the boxes (their open ends excluded)."""
    if isinstance(extreme, float):
        return False  # ±∞ is never reached
    for corner, value in zip(corners, values, strict=True):
        if value != extreme:
            continue
        inside = [m if o else x for (x, o), m in zip(corner, mids, strict=True)]
        if fn(*inside) == extreme:
            return True
    return False


def _bound(value: Fraction | float, ctx: Context) -> Decimal:
    if isinstance(value, float):
        return INF if value > 0 else -INF
    return ctx.divide(Decimal(value.numerator), Decimal(value.denominator))


def quotient(a: Interval, b: Interval) -> Interval | None:
    """``a / b``, or None when ``b`` contains zero; exact at the corners when both are finite.

    An end the quotient reaches exactly (9 / 1875 = 0.0048) is kept exact rather than
    rounded outward, which matters where it meets an open end.

    >>> quotient(Interval.point(Decimal(9)), Interval.point(Decimal(1875)))
    Interval(lo=Decimal('0.0048'), hi=Decimal('0.0048'))
    """
    if b.contains_zero():
        return None
    if a.is_finite and b.is_finite:
        return monotone_range(lambda x, y: x / y, a, b)
    return a.div(b)


def exact_sum(values: Iterable[Decimal]) -> Decimal:
    """Sum of decimals in perfcheck's own context, whatever the caller's is."""
    return reduce(NEAR.add, values, ZERO)


def sum_intervals(items: list[Interval]) -> Interval:
    """Sum of intervals; the empty sum is ``[0, 0]``."""
    lo = ZERO
    hi = ZERO
    lo_open = hi_open = False
    for item in items:
        lo = DOWN.add(lo, item.lo)
        hi = UP.add(hi, item.hi)
        lo_open = lo_open or item.lo_open
        hi_open = hi_open or item.hi_open
    return Interval(lo, hi, lo_open, hi_open)
