"""What a person plausibly mistyped: the printed values one slip away from a figure's.

>>> [str(c.value) for c in slips(Decimal("8.49"), 2, amount=False) if c.kind == "swap"]
['4.89', '8.94']
>>> Slip(Decimal("8.9"), 1, "digit").coarser(2)
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from perfcheck._core.interval import NEAR
from perfcheck._findings.localisation import Typo

#: How likely each slip is, most likely first: the order suggestions are tried in.
ORDER: Final[tuple[Typo, ...]] = ("swap", "digit", "dropped", "doubled", "point", "sign", "unit")
_UNIT_FACTOR: Final = Decimal(10000)  # 万元 against 元
#: A slip's digits, the place of its point, and its kind.
Slipped = tuple[str, int, Typo]


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


def _digit_groups(digits: str, point: int) -> Iterator[tuple[Slipped, Slipped, Callable[[], list[Slipped]]]]:
    """Digit strings (with the point's place) one keystroke away: swapped, wrong, dropped, doubled.

    In groups, in order: the wrong digits of one place together, and the digits dropped
    at one place, each group ascending in the digit that varies; every other slip is a
    group of its own. Each group is its least and greatest strings and how to make all of
    it: most groups are ruled out by those two, and their strings are never made.
    """
    for i in range(len(digits) - 1):
        if digits[i] != digits[i + 1]:
            swapped = (digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :], point, "swap")
            yield swapped, swapped, lambda one=swapped: [one]  # type: ignore[misc]
    for i, d in enumerate(digits):
        head, tail = digits[:i], digits[i + 1 :]
        others = [new for new in "0123456789" if new != d]
        yield (
            (head + others[0] + tail, point, "digit"),
            (head + others[-1] + tail, point, "digit"),
            lambda head=head, tail=tail, others=others: [  # type: ignore[misc]
                (head + new + tail, point, "digit") for new in others
            ],
        )
    for i in range(len(digits) + 1):
        head, tail, at = digits[:i], digits[i:], point + (i <= point)
        yield (
            (head + "0" + tail, at, "dropped"),
            (head + "9" + tail, at, "dropped"),
            lambda head=head, tail=tail, at=at: [  # type: ignore[misc]
                (head + new + tail, at, "dropped") for new in "0123456789"
            ],
        )
    for i in range(1, len(digits)):
        if digits[i] == digits[i - 1]:
            doubled = (digits[:i] + digits[i + 1 :], point - (i < point), "doubled")
            yield doubled, doubled, lambda one=doubled: [one]  # type: ignore[misc]


def _float(digits: str, point: int, negative: bool) -> float | None:  # noqa: FBT001
    """The value of digits with the point at ``point``, leading zeros or not; None when no number."""
    if point < 0 or point > len(digits) or not digits:
        return None
    value = float(f"{digits[:point] or '0'}.{digits[point:] or '0'}")
    return -value if negative else value


def _kept(
    keep: Callable[[float, float, int], bool],
    digits: str,
    point: int,
    negative: bool,  # noqa: FBT001
    decimals: int,
) -> bool:
    """``keep`` of the value and places of digits (their float is their text's, when they print a number)."""
    value = _float(digits, point, negative)
    return value is not None and keep(value, value, len(digits) - point if decimals >= 0 else decimals)


def slips(number: Decimal, decimals: int, *, amount: bool) -> list[Slip]:
    """Every value one typing slip away from ``number`` printed to ``decimals`` places.

    Adjacent digits swapped, one digit wrong, a digit dropped (the value had one more)
    or doubled (one fewer), the decimal point moved by up to three places, the sign
    flipped and, for an amount, 元 printed for 万元 or the other way round.
    """
    return slips_where(number, decimals, amount=amount)


def slips_where(
    number: Decimal, decimals: int, *, amount: bool, keep: Callable[[float, float, int], bool] | None = None
) -> list[Slip]:
    """:func:`slips`, only those whose value (as a float) and places ``keep`` accepts, in the same order.

    ``keep(low, high, places)`` says whether some value in ``[low, high]`` printed to
    ``places`` may do; a slip is kept when ``keep(value, value, places)``. It runs on a
    slip's text before the slip becomes a :class:`~decimal.Decimal`, and on a group of
    slips one digit apart (the wrong digits of one place) at once, from its least and
    greatest values: most of the hundreds of slips of a figure are far from any value
    that fits. ``keep`` must be monotone: true for a span whenever true for a value in it.
    """
    negative = number < 0
    text = f"{abs(number):.{max(decimals, 0)}f}"
    whole, _, frac = text.partition(".")
    out: list[Slip] = []
    for least, greatest, make in _digit_groups(whole + frac, len(whole)):
        if keep is not None and least is not greatest:
            first, last = (_float(d, p, negative) for d, p, _ in (least, greatest))
            places = len(least[0]) - least[1] if decimals >= 0 else decimals
            if (
                first is not None
                and last is not None
                and not keep(min(first, last), max(first, last), places)
            ):
                continue  # no value of the group can fit
        for digits, point, kind in make():
            if keep is not None and not _kept(keep, digits, point, negative, decimals):
                continue  # most slips are ruled out before their text is made
            made = _text(digits, point, negative, decimals)
            if made is None:
                continue
            value = Decimal(made[0])
            if value != number:
                out.append(Slip(value, made[1], kind))
    if number:
        more = [
            Slip(NEAR.multiply(number, Decimal(1).scaleb(shift)), decimals - shift, "point")
            for shift in (-3, -2, -1, 1, 2, 3)
        ]
        more.append(Slip(-number, decimals, "sign"))
        if amount:
            more.append(Slip(NEAR.multiply(number, _UNIT_FACTOR), decimals - 4, "unit"))
            more.append(Slip(NEAR.divide(number, _UNIT_FACTOR), decimals + 4, "unit"))
        out.extend(m for m in more if keep is None or keep(v := float(m.value), v, m.decimals))
    return _unique(out)


def _unique(slips: list[Slip]) -> list[Slip]:
    seen: dict[tuple[Decimal, int], Slip] = {}
    for slip in slips:
        seen.setdefault((slip.value, slip.decimals), slip)
    return list(seen.values())
