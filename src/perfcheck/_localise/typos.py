"""What a person plausibly mistyped: the printed values one slip away from a figure's.

>>> [str(c.value) for c in slips(Decimal("8.49"), 2, amount=False) if c.kind == "swap"]
['4.89', '8.94']
>>> Slip(Decimal("8.9"), 1, "digit").coarser(2)
True
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from perfcheck._core.interval import NEAR
from perfcheck._findings.localisation import Typo

#: How likely each slip is, most likely first: the order suggestions are tried in.
ORDER: Final[tuple[Typo, ...]] = ("swap", "digit", "dropped", "doubled", "point", "sign", "unit")
_UNIT_FACTOR: Final = Decimal(10000)  # 万元 against 元


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


def _digit_slips(digits: str, point: int) -> list[tuple[str, int, Typo]]:
    """Digit strings (with the point's place) one keystroke away: swapped, wrong, dropped, doubled."""
    out: list[tuple[str, int, Typo]] = [
        (digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :], point, "swap")
        for i in range(len(digits) - 1)
        if digits[i] != digits[i + 1]
    ]
    out.extend(
        (digits[:i] + new + digits[i + 1 :], point, "digit")
        for i, d in enumerate(digits)
        for new in "0123456789"
        if new != d
    )
    out.extend(
        (digits[:i] + new + digits[i:], point + (i <= point), "dropped")
        for i in range(len(digits) + 1)
        for new in "0123456789"
    )
    out.extend(
        (digits[:i] + digits[i + 1 :], point - (i < point), "doubled")
        for i in range(1, len(digits))
        if digits[i] == digits[i - 1]
    )
    return out


def slips(number: Decimal, decimals: int, *, amount: bool) -> list[Slip]:
    """Every value one typing slip away from ``number`` printed to ``decimals`` places.

    Adjacent digits swapped, one digit wrong, a digit dropped (the value had one more)
    or doubled (one fewer), the decimal point moved by up to three places, the sign
    flipped and, for an amount, 元 printed for 万元 or the other way round.
    """
    return slips_where(number, decimals, amount=amount)


def slips_where(
    number: Decimal, decimals: int, *, amount: bool, keep: Callable[[float, int], bool] | None = None
) -> list[Slip]:
    """:func:`slips`, only those whose value (as a float) and places ``keep`` accepts, in the same order.

    The test runs on each slip's text before it becomes a :class:`~decimal.Decimal`:
    most of the hundreds of slips of a figure are far from any value that fits.
    """
    negative = number < 0
    text = f"{abs(number):.{max(decimals, 0)}f}"
    whole, _, frac = text.partition(".")
    out: list[Slip] = []
    for digits, point, kind in _digit_slips(whole + frac, len(whole)):
        made = _text(digits, point, negative, decimals)
        if made is None or (keep is not None and not keep(float(made[0]), made[1])):
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
        out.extend(m for m in more if keep is None or keep(float(m.value), m.decimals))
    return _unique(out)


def _unique(slips: list[Slip]) -> list[Slip]:
    seen: dict[tuple[Decimal, int], Slip] = {}
    for slip in slips:
        seen.setdefault((slip.value, slip.decimals), slip)
    return list(seen.values())
