"""What a person plausibly mistyped: the printed values one slip away from a figure's.

>>> [str(c.value) for c in slips(Decimal("8.49"), 2, amount=False) if c.kind == "swap"]
['4.89', '8.94']
>>> Slip(Decimal("8.9"), 1, "digit").coarser(2)
True
"""

from __future__ import annotations

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


def _value(digits: str, point: int, negative: bool, decimals: int) -> tuple[Decimal, int] | None:  # noqa: FBT001
    if point < 0 or point > len(digits) or not digits:
        return None
    whole, frac = digits[:point] or "0", digits[point:]
    if len(whole) > 1 and whole.startswith("0"):
        return None  # a leading zero is no printed number
    text = f"{'-' if negative else ''}{whole}{'.' + frac if frac else ''}"
    places = len(frac) if decimals >= 0 else decimals
    return Decimal(text), places


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
    negative = number < 0
    text = f"{abs(number):.{max(decimals, 0)}f}"
    whole, _, frac = text.partition(".")
    out: list[Slip] = []
    for digits, point, kind in _digit_slips(whole + frac, len(whole)):
        made = _value(digits, point, negative, decimals)
        if made is not None and made[0] != number:
            out.append(Slip(made[0], made[1], kind))
    if number:
        out.extend(
            Slip(NEAR.multiply(number, Decimal(1).scaleb(shift)), decimals - shift, "point")
            for shift in (-3, -2, -1, 1, 2, 3)
        )
        out.append(Slip(-number, decimals, "sign"))
        if amount:
            out.append(Slip(NEAR.multiply(number, _UNIT_FACTOR), decimals - 4, "unit"))
            out.append(Slip(NEAR.divide(number, _UNIT_FACTOR), decimals + 4, "unit"))
    return _unique(out)


def _unique(slips: list[Slip]) -> list[Slip]:
    seen: dict[tuple[Decimal, int], Slip] = {}
    for slip in slips:
        seen.setdefault((slip.value, slip.decimals), slip)
    return list(seen.values())
