"""What a person plausibly mistyped: the printed values one slip away from a figure's.

>>> [str(c.value) for c in slips(Decimal("8.49"), 2, amount=False) if c.kind == "swap"]
['4.89', '8.94']
>>> Slip(Decimal("8.9"), 1, "digit").coarser(2)
True
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from perfcheck._core.interval import NEAR
from perfcheck._findings.localisation import Typo

#: How likely each slip is, most likely first: the order suggestions are tried in.
ORDER: Final[tuple[Typo, ...]] = ("swap", "digit", "dropped", "doubled", "point", "sign", "unit")
_UNIT_FACTOR: Final = Decimal(10000)  # 万元 against 元
#: The decimal point moved by up to three places: each shift and the power of ten it multiplies by.
_POINT_SHIFTS: Final = tuple((shift, Decimal(1).scaleb(shift)) for shift in (-3, -2, -1, 1, 2, 3))
#: Slips one digit apart: how many digits, the place of the point, their kind, and
#: ``base``, ``place`` and ``news``, the digits of each as the integer ``base + new·place``.
Group = tuple[int, int, Typo, int, int, tuple[int, ...]]
_ONE: Final = (0,)
_DIGITS: Final = tuple(range(10))
_OTHERS: Final = tuple(tuple(new for new in _DIGITS if new != d) for d in _DIGITS)


@dataclass(frozen=True, slots=True)
class Slip:
    """A value the printed one may have been meant as, printed to ``decimals`` places."""

    value: Decimal
    decimals: int
    kind: Typo

    def coarser(self, decimals: int) -> bool:
        """Whether the value is printed less precisely than ``decimals`` places (its interval is wider)."""
        return self.decimals < decimals


def _text(digits: str, point: int, negative: bool, decimals: int) -> tuple[str, int] | None:  # noqa: FBT001
    """The digits printed with the point at ``point``, and the places that prints; None when no number."""
    if point < 0 or point > len(digits) or not digits:
        return None
    whole, frac = digits[:point] or "0", digits[point:]
    if len(whole) > 1 and whole.startswith("0"):
        return None  # a leading zero is no printed number
    text = f"{'-' if negative else ''}{whole}{'.' + frac if frac else ''}"
    places = len(frac) if decimals >= 0 else decimals
    return text, places


def _digit_groups(digits: str, point: int) -> Iterator[Group]:
    """Digit strings (with the point's place) one keystroke away: swapped, wrong, dropped, doubled.

    In groups, in order: the wrong digits of one place together, and the digits dropped
    at one place, each group ascending in the digit that varies; every other slip is a
    group of its own. A group's slips are ``base + new·place`` for each ``new`` of
    ``news``: its digits as an integer, as many digits as ``length`` (leading zeros
    included) with the point at ``point``. Their strings are made only for a slip kept.
    """
    n = len(digits)
    whole = int(digits)
    values = [int(d) for d in digits]
    for i in range(n - 1):
        a, b = values[i], values[i + 1]
        if a != b:
            yield n, point, "swap", whole + (b - a) * 9 * 10 ** (n - 2 - i), 0, _ONE
    for i, d in enumerate(values):
        place = 10 ** (n - 1 - i)
        yield n, point, "digit", whole - d * place, place, _OTHERS[d]
    for i in range(n + 1):
        tail = n - i
        head = (whole // 10**tail) * 10 ** (tail + 1) + whole % 10**tail
        yield n + 1, point + (i <= point), "dropped", head, 10**tail, _DIGITS
    for i in range(1, n):
        if values[i] == values[i - 1]:
            tail = n - 1 - i
            rest = (whole // 10 ** (tail + 1)) * 10**tail + whole % 10**tail
            yield n - 1, point - (i < point), "doubled", rest, 0, _ONE


def _float(value: int, length: int, point: int, negative: bool) -> float:  # noqa: FBT001
    """The value of ``length`` digits (``value``) with the point at ``point`` (``0 <= point <= length``).

    ``value / 10^places`` in integers is correctly rounded, as the float of the digits'
    text is: the same float.
    """
    try:
        number: float = value / 10 ** (length - point)
    except OverflowError:
        number = math.inf
    return -number if negative else number


#: Below this many steps of a group's varying digit, a window's ends worked out in floats are
#: off by far less than one step (and one step more is taken each side).
_EXACT_FLOATS: Final = 2.0**50


def _news(news: tuple[int, ...], base: int, place: int, low: float, high: float) -> tuple[int, ...]:
    """The digits of ``news`` whose slip ``base + new·place`` may lie in ``[low, high]``, one more each way.

    Worked out from the ends (in the slips' integer units), not slip by slip: a superset.
    """
    if not max(abs(low), abs(high), base) / place < _EXACT_FLOATS:
        return news  # too many steps of the digit to bound in floats: every one is tried
    first, last = math.floor((low - base) / place) - 1, math.ceil((high - base) / place) + 1
    return news[bisect_left(news, first) : bisect_right(news, last)]  # news ascend


def _digit_slips(  # noqa: C901 - a group ruled out by its window or its ends, then each slip
    number: Decimal,
    decimals: int,
    keep: Callable[[float, float, int], bool] | None,
    window: Callable[[int], tuple[float, float]] | None = None,
) -> Iterator[Slip]:
    """The slips of :func:`_digit_groups` that ``keep`` accepts, as :func:`slips_where` says."""
    negative = number < 0
    text = f"{abs(number):.{max(decimals, 0)}f}"
    whole, _, frac = text.partition(".")
    for length, point, kind, base, place, news in _digit_groups(whole + frac, len(whole)):
        if not 0 <= point <= length:
            continue  # no number
        places = length - point if decimals >= 0 else decimals
        if keep is not None and len(news) > 1:
            if window is not None:
                low, high = window(places)
                scale = 10.0 ** (length - point)  # the slips' integer units
                low, high = (-high * scale, -low * scale) if negative else (low * scale, high * scale)
                tried = _news(news, base, place, low, high)
                if not tried:
                    continue  # no value of the group can fit
                news = tried  # noqa: PLW2901 - the digits worth trying
            else:
                first = _float(base + news[0] * place, length, point, negative)
                last = _float(base + news[-1] * place, length, point, negative)
                if not keep(min(first, last), max(first, last), places):
                    continue  # no value of the group can fit
        for new in news:
            value = base + new * place
            if keep is not None:
                as_float = _float(value, length, point, negative)
                if not keep(as_float, as_float, places):
                    continue  # most slips are ruled out before their text is made
            made = _text(str(value).rjust(length, "0"), point, negative, decimals)
            if made is None:
                continue
            found = Decimal(made[0])
            if found != number:
                yield Slip(found, made[1], kind)


def slips(number: Decimal, decimals: int, *, amount: bool) -> list[Slip]:
    """Every value one typing slip away from ``number`` printed to ``decimals`` places.

    Adjacent digits swapped, one digit wrong, a digit dropped (the value had one more)
    or doubled (one fewer), the decimal point moved by up to three places, the sign
    flipped and, for an amount, 元 printed for 万元 or the other way round.
    """
    return slips_where(number, decimals, amount=amount)


def slips_where(
    number: Decimal,
    decimals: int,
    *,
    amount: bool,
    keep: Callable[[float, float, int], bool] | None = None,
    window: Callable[[int], tuple[float, float]] | None = None,
) -> list[Slip]:
    """:func:`slips`, only those whose value (as a float) and places ``keep`` accepts, in the same order.

    ``keep(low, high, places)`` says whether some value in ``[low, high]`` printed to
    ``places`` may do; a slip is kept when ``keep(value, value, places)``. It runs on a
    slip's text before the slip becomes a :class:`~decimal.Decimal`, and on a group of
    slips one digit apart (the wrong digits of one place) at once, from its least and
    greatest values: most of the hundreds of slips of a figure are far from any value
    that fits. ``keep`` must be monotone: true for a span whenever true for a value in it.

    ``window(places)``, given with ``keep``, is the span (in the figure's unit) outside
    which ``keep`` accepts no value printed to ``places``: of a group of slips one digit
    apart, only the digits whose value lies in it are made and tried (as ``keep`` would
    find, fewer tried). A window narrower than ``keep`` would lose slips: it must hold
    every value ``keep`` accepts.

    >>> near = lambda lo, hi, places: hi >= 8.9 and lo <= 9.0
    >>> [str(s.value) for s in slips_where(Decimal("8.49"), 2, amount=False, keep=near)]
    ['8.94', '8.99']
    >>> [str(s.value) for s in slips_where(Decimal("8.49"), 2, amount=False, keep=near,
    ...                                    window=lambda places: (8.9, 9.0))]
    ['8.94', '8.99']
    """
    out: list[Slip] = list(_digit_slips(number, decimals, keep, window))
    if number:
        # each value made (exactly: a shift of the point) and tested before it becomes a Slip
        more: list[tuple[Decimal, int, Typo]] = [
            (NEAR.multiply(number, factor), decimals - shift, "point") for shift, factor in _POINT_SHIFTS
        ]
        more.append((-number, decimals, "sign"))
        if amount:
            more.append((NEAR.multiply(number, _UNIT_FACTOR), decimals - 4, "unit"))
            more.append((NEAR.divide(number, _UNIT_FACTOR), decimals + 4, "unit"))
        out.extend(
            Slip(value, places, kind)
            for value, places, kind in more
            if keep is None or keep(v := float(value), v, places)
        )
    return _unique(out)


def _unique(slips: list[Slip]) -> list[Slip]:
    seen: dict[tuple[Decimal, int], Slip] = {}
    for slip in slips:
        seen.setdefault((slip.value, slip.decimals), slip)
    return list(seen.values())
