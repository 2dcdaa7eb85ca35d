"""Closed intervals of Decimals with outward rounding.

Every operation rounds its lower bound down and its upper bound up, in private
contexts of 60 significant digits, so a computed interval always contains the
exact result and nothing depends on the caller's :mod:`decimal` context.
Bounds may be infinite (a figure printed as ``10000余`` has no upper bound).

>>> a = Interval(Decimal("132.345"), Decimal("132.355"))
>>> b = Interval(Decimal("2.205"), Decimal("2.215"))
>>> a + b
Interval(lo=Decimal('134.550'), hi=Decimal('134.570'))
>>> Interval.point(Decimal(1)).div(Interval(Decimal(-1), Decimal(1))) is None
True
"""

from __future__ import annotations

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
    """The closed set of reals between ``lo`` and ``hi`` (``lo <= hi``)."""

    lo: Decimal
    hi: Decimal

    @classmethod
    def point(cls, value: Decimal) -> Interval:
        """The interval holding exactly ``value``."""
        return cls(value, value)

    @property
    def is_point(self) -> bool:
        """Whether the interval holds a single value."""
        return self.lo == self.hi

    @property
    def is_finite(self) -> bool:
        """Whether both bounds are finite."""
        return self.lo.is_finite() and self.hi.is_finite()

    def __add__(self, other: Interval) -> Interval:
        """Interval sum."""
        return Interval(DOWN.add(self.lo, other.lo), UP.add(self.hi, other.hi))

    def __sub__(self, other: Interval) -> Interval:
        """Interval difference."""
        return Interval(DOWN.subtract(self.lo, other.hi), UP.subtract(self.hi, other.lo))

    def __neg__(self) -> Interval:
        """Negation."""
        return Interval(-self.hi, -self.lo)

    def __mul__(self, other: Interval) -> Interval:
        """Interval product."""
        los = [_mul(x, y, DOWN) for x in (self.lo, self.hi) for y in (other.lo, other.hi)]
        his = [_mul(x, y, UP) for x in (self.lo, self.hi) for y in (other.lo, other.hi)]
        return Interval(min(los), max(his))

    def scale(self, factor: Decimal) -> Interval:
        """Multiply by an exact constant (the interval product with a point, in two products)."""
        if factor > 0:
            return Interval(_mul(self.lo, factor, DOWN), _mul(self.hi, factor, UP))
        if factor < 0:
            return Interval(_mul(self.hi, factor, DOWN), _mul(self.lo, factor, UP))
        return Interval(ZERO, ZERO)

    def contains_zero(self) -> bool:
        """Whether 0 lies in the interval."""
        return self.lo <= 0 <= self.hi

    def reciprocal(self) -> Interval | None:
        """``1 / self``, or None when the interval contains zero."""
        if self.contains_zero():
            return None
        lo = ZERO if self.hi.is_infinite() else DOWN.divide(1, self.hi)
        hi = ZERO if self.lo.is_infinite() else UP.divide(1, self.lo)
        return Interval(lo, hi)

    def div(self, other: Interval) -> Interval | None:
        """``self / other``, or None when ``other`` contains zero (not checkable)."""
        inv = other.reciprocal()
        return None if inv is None else self * inv

    def intersects(self, other: Interval) -> bool:
        """Whether the two intervals share a point."""
        return self.lo <= other.hi and other.lo <= self.hi

    def contains(self, value: Decimal) -> bool:
        """Whether ``value`` lies in the interval."""
        return self.lo <= value <= self.hi

    def widen(self, below: Decimal, above: Decimal) -> Interval:
        """``[lo - below, hi + above]``."""
        return Interval(DOWN.subtract(self.lo, below), UP.add(self.hi, above))

    def gap(self, other: Interval) -> Decimal:
        """Distance between two intervals; zero when they intersect."""
        if self.hi < other.lo:
            return UP.subtract(other.lo, self.hi)
        if other.hi < self.lo:
            return UP.subtract(self.lo, other.hi)
        return ZERO

    def split(self) -> tuple[Interval, Interval]:
        """Halve a finite interval at its midpoint."""
        mid = NEAR.divide(NEAR.add(self.lo, self.hi), 2)
        return Interval(self.lo, mid), Interval(mid, self.hi)


def monotone_range(fn: Callable[..., Fraction], *boxes: Interval) -> Interval:
    """The range of ``fn`` over finite boxes, from its values at their corners.

    Exact when ``fn`` is continuous on the box and monotone in each variable while
    the others are fixed (the direction may depend on them): its extremes are then
    at corners. ``fn`` computes with exact fractions; the bounds are rounded outward.

    >>> share = lambda p, r: 100 * p / (p + r)
    >>> part = Interval(Decimal("-0.005"), Decimal("0.005"))
    >>> rest = Interval(Decimal("0.995"), Decimal("1.005"))
    >>> monotone_range(share, part, rest).hi
    Decimal('0.5')
    """
    values = [fn(*map(Fraction, corner)) for corner in product(*((b.lo, b.hi) for b in boxes))]
    lo, hi = min(values), max(values)
    return Interval(
        DOWN.divide(Decimal(lo.numerator), Decimal(lo.denominator)),
        UP.divide(Decimal(hi.numerator), Decimal(hi.denominator)),
    )


def exact_sum(values: Iterable[Decimal]) -> Decimal:
    """Sum of decimals in perfcheck's own context, whatever the caller's is."""
    return reduce(NEAR.add, values, ZERO)


def sum_intervals(items: list[Interval]) -> Interval:
    """Sum of intervals; the empty sum is ``[0, 0]``."""
    lo = ZERO
    hi = ZERO
    for item in items:
        lo = DOWN.add(lo, item.lo)
        hi = UP.add(hi, item.hi)
    return Interval(lo, hi)
