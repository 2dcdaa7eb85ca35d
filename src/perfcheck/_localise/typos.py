"""What a person plausibly mistyped: the printed values one slip away from a figure's.

>>> [str(c.value) for c in slips(Decimal("8.49"), 2, amount=False) if c.kind == "swap"]
['4.89', '8.94']
>>> Slip(Decimal("8.9"), 1, "digit").coarser(2)
True
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from typing import Final

from perfcheck._core.interval import NEAR
from perfcheck._findings.localisation import Typo

#: How likely each slip is, most likely first: the order suggestions are tried in.
ORDER: Final[tuple[Typo, ...]] = ("swap", "digit", "dropped", "doubled", "point", "sign", "unit")
_UNIT_FACTOR: Final = Decimal(10000)  # 万元 against 元


def _divide(number: Decimal, divisor: Decimal) -> Decimal:
    return NEAR.divide(number, divisor)


#: The slips of the whole value, in order: the decimal point moved by up to three places, the sign
#: flipped and (for an amount, the last two) a unit slip. Each as how its value is made (exactly),
#: the float it multiplies by, how many places fewer it prints, and its kind.
_MOVES: Final[tuple[tuple[Callable[[Decimal], Decimal], float, int, Typo], ...]] = (
    *(
        (partial(NEAR.multiply, Decimal(1).scaleb(shift)), 10.0**shift, shift, "point")
        for shift in (-3, -2, -1, 1, 2, 3)
    ),
    (operator.neg, -1.0, 0, "sign"),
    (partial(NEAR.multiply, _UNIT_FACTOR), 1e4, 4, "unit"),
    (partial(_divide, divisor=_UNIT_FACTOR), 1e-4, -4, "unit"),
)
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


#: Below this many units of a slip's last place, a window's ends worked out in floats are off by
#: far less than one unit (and one unit more is taken each side).
_EXACT_FLOATS: Final = 2.0**50


def _digit_slips(
    number: Decimal, decimals: int, keep: Callable[[float, float, int], bool] | None
) -> Iterator[Slip]:
    """The slips of :func:`_digit_groups` that ``keep`` accepts, one by one: generated, then tested."""
    negative = number < 0
    text = f"{abs(number):.{max(decimals, 0)}f}"
    whole, _, frac = text.partition(".")
    for length, point, kind, base, place, news in _digit_groups(whole + frac, len(whole)):
        if not 0 <= point <= length:
            continue  # no number
        places = length - point if decimals >= 0 else decimals
        if keep is not None and len(news) > 1:
            first = _float(base + news[0] * place, length, point, negative)
            last = _float(base + news[-1] * place, length, point, negative)
            if not keep(min(first, last), max(first, last), places):
                continue  # no value of the group can fit
        for new in news:
            yield from _made(number, decimals, keep, (base + new * place, length, point, kind), negative)


#: A digit slip before its text is made: its digits as an integer, how many, the point's place, its kind.
_Raw = tuple[int, int, int, Typo]


def _made(
    number: Decimal,
    decimals: int,
    keep: Callable[[float, float, int], bool] | None,
    raw: _Raw,
    negative: bool,  # noqa: FBT001
) -> Iterator[Slip]:
    """The slip ``raw`` if ``keep`` accepts its value (as a float of its digits) and it prints a number."""
    value, length, point, kind = raw
    places = length - point if decimals >= 0 else decimals
    if keep is not None:
        as_float = _float(value, length, point, negative)
        if not keep(as_float, as_float, places):
            return  # most slips are ruled out before their text is made
    made = _text(str(value).rjust(length, "0"), point, negative, decimals)
    if made is not None:
        found = Decimal(made[0])
        if found != number:
            yield Slip(found, made[1], kind)


def _floor_log10(x: int) -> int:
    """The largest ``k`` with ``10**k <= x`` (``x >= 1``)."""
    return len(str(x)) - 1


def _ceil_log10(x: int) -> int:
    """The smallest ``k >= 0`` with ``10**k >= x``."""
    return len(str(x - 1)) if x > 1 else 0


def _between(lo: int, hi: int, base: int, step: int) -> range:
    """The digits ``new`` with ``lo <= base + new·step <= hi`` (``step > 0``), ascending; computed."""
    return range(max(0, -((base - lo) // step)), min(9, (hi - base) // step) + 1)


def _reach(lo: int, hi: int, at: int) -> tuple[int, int]:
    """How far from ``at`` the span ``[lo, hi]`` begins (0 when it holds ``at``) and how far it ends."""
    return max(lo - at, at - hi, 0), max(hi - at, at - lo)


def _direct_raw(  # noqa: C901, PLR0912 - the four kinds of digit slip, each by its places in reach
    digits: str, point: int, bounds: Callable[[int], tuple[int, int]]
) -> Iterator[_Raw]:
    """The digit slips (as :func:`_digit_groups` makes them, in its order) whose value may lie in the window.

    ``bounds(unit)`` is the window in integer units of ``10**-unit`` (of the magnitude).
    Worked out from the window, over integers: of each kind, only the places whose
    change can reach it are visited (the change of a wrong digit at place ``10**k`` is
    between ``10**k`` and ``9·10**k``; of a swap, ``9·10**k`` and ``81·10**k``; a digit
    dropped at place ``10**t`` moves ten times the value by less than ``9·10**t``), and of
    a place, the digits that land in the window are computed, not searched. A superset of
    the slips in the window (its ends in whole units); ``keep`` decides each.
    """
    n = len(digits)
    whole = int(digits)
    unit = n - point
    lo, hi = bounds(unit)
    near, far = _reach(lo, hi, whole)
    values = [int(d) for d in digits]
    # swaps of adjacent digits: one slip each, changing the value by (b - a)·9·10^k
    if far >= 9:  # the least change of a swap is 9 units of its place
        top = min(_floor_log10(far // 9), n - 2)
        for k in range(top, _ceil_log10(-(-near // 81)) - 1, -1):
            i = n - 2 - k
            a, b = values[i], values[i + 1]
            value = whole + (b - a) * 9 * 10**k
            if a != b and lo <= value <= hi:
                yield value, n, point, "swap"
    # one digit wrong at place 10^k: the digits landing in the window, ascending
    if far >= 1:
        for k in range(min(_floor_log10(far), n - 1), _ceil_log10(-(-near // 9)) - 1, -1):
            place = 10**k
            d = values[n - 1 - k]
            base = whole - d * place
            for new in _between(lo, hi, base, place):
                if new != d:
                    yield base + new * place, n, point, "digit"
    # a digit dropped (the value had one more): at the front, in the whole part, in the fraction
    for new in _between(lo, hi, whole, 10**n):
        yield whole + new * 10**n, n + 1, point + 1, "dropped"
    for first, last, at in ((1, point, unit), (point + 1, n, unit + 1)):
        if first > last:
            continue
        low, high = bounds(at) if at != unit else (lo, hi)
        # the slip at place 10^t is 10·whole - 9·(whole mod 10^t) + new·10^t: within 9·10^t of 10·whole
        t_least = _ceil_log10(-(-_reach(low, high, 10 * whole)[0] // 9))
        for i in range(first, min(last, n - t_least) + 1):
            t = n - i
            place = 10**t
            head = (whole // place) * place * 10 + whole % place
            for new in _between(low, high, head, place):
                yield head + new * place, n + 1, point + (i <= point), "dropped"
    # a digit doubled (the value had one fewer): few, each tested
    for i in range(1, n):
        if values[i] == values[i - 1]:
            place = 10 ** (n - 1 - i)
            value = (whole // (place * 10)) * place + whole % place
            low, high = (lo, hi) if i < point else bounds(unit - 1)
            if low <= value <= high:
                yield value, n - 1, point - (i < point), "doubled"


class _Inexact(Exception):  # noqa: N818 - raised, never shown
    """A window too far from zero, against its units, for its ends in floats to be whole units."""


def _window_slips(
    number: Decimal,
    decimals: int,
    keep: Callable[[float, float, int], bool],
    window: Callable[[int], tuple[float, float]],
) -> Iterator[Slip]:
    """The digit slips ``keep`` accepts, computed from ``window`` (as :func:`_digit_slips` finds them)."""
    negative = number < 0
    text = f"{abs(number):.{max(decimals, 0)}f}"
    whole, _, frac = text.partition(".")
    made: dict[int, tuple[int, int]] = {}

    def bounds(unit: int) -> tuple[int, int]:
        # the window of the magnitude's digits in units of 10^-unit, one unit wider each way
        if unit not in made:
            low, high = window(unit if decimals >= 0 else decimals)
            low, high = (-high, -low) if negative else (low, high)
            scale = 10.0**unit
            if not max(abs(low), abs(high)) * scale < _EXACT_FLOATS:
                raise _Inexact
            made[unit] = (math.floor(low * scale) - 1, math.ceil(high * scale) + 1)
        return made[unit]

    try:
        raws = list(_direct_raw(whole + frac, len(whole), bounds))
    except _Inexact:
        yield from _digit_slips(number, decimals, keep)  # every slip tried
        return
    for raw in raws:
        yield from _made(number, decimals, keep, raw, negative)


#: A point, sign or unit slip's float worked out from the printed value's float is off from the
#: float of its exact value by a few units of 2^-53 of it: far less than this share of it.
_MAGNITUDE_MARGIN: Final = 1e-12


def _may_lie(near: float, low: float, high: float) -> bool:
    """Whether a value whose float is within :data:`_MAGNITUDE_MARGIN` of ``near`` may be in the span."""
    margin = abs(near) * _MAGNITUDE_MARGIN
    return not (near + margin < low or near - margin > high)


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
    which ``keep`` accepts no value printed to ``places``: the digit slips within it are
    then computed from its ends over integers (of each kind of slip, only the places whose
    change can reach it, and of each place the digits that land in it), not generated and
    tested one by one; ``keep`` decides each of those. A point, sign or unit slip is made
    only when its magnitude may lie in the window of the fewest places any of them prints
    to. The same slips in the same order either way. A window narrower than ``keep`` would
    lose slips: it must hold every value ``keep`` accepts, and a window for fewer places
    must hold the window for more (a value printed to fewer places has a wider interval).

    >>> near = lambda lo, hi, places: hi >= 8.9 and lo <= 9.0
    >>> [str(s.value) for s in slips_where(Decimal("8.49"), 2, amount=False, keep=near)]
    ['8.94', '8.99']
    >>> [str(s.value) for s in slips_where(Decimal("8.49"), 2, amount=False, keep=near,
    ...                                    window=lambda places: (8.9, 9.0))]
    ['8.94', '8.99']
    """
    digit = (
        _digit_slips(number, decimals, keep)
        if keep is None or window is None
        else _window_slips(number, decimals, keep, window)
    )
    out: list[Slip] = list(digit)
    if number:
        # each value made (exactly: a shift of the point) and tested before it becomes a Slip;
        # with a window, first by magnitude: one outside the window of the fewest places is not made
        moves = _MOVES if amount else _MOVES[:-2]
        approx = float(number)
        widest = None if window is None or keep is None else window(decimals - (4 if amount else 3))
        for make, scale, fewer, kind in moves:
            if widest is not None and not _may_lie(approx * scale, *widest):
                continue  # far from every value that may fit: keep would refuse it
            value = make(number)
            places = decimals - fewer
            if keep is None or keep(v := float(value), v, places):
                out.append(Slip(value, places, kind))
    return _unique(out)


def _unique(slips: list[Slip]) -> list[Slip]:
    seen: dict[tuple[Decimal, int], Slip] = {}
    for slip in slips:
        seen.setdefault((slip.value, slip.decimals), slip)
    return list(seen.values())
