"""The catalogue of units a figure may be printed in, with exact scale factors.

Every unit belongs to a *dimension*. Figures can be compared only within one
dimension; inside it they convert exactly to the dimension's base unit (元 for
Chinese yuan amounts, one currency unit for an ISO 4217 code, one for counts).

>>> from decimal import Decimal
>>> lookup_unit("万元").factor
Decimal('10000')
>>> lookup_unit("万元").dimension == lookup_unit("元").dimension
True
>>> lookup_unit("%").dimension == lookup_unit("百分点").dimension
False
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Final


class Kind(StrEnum):
    """What a dimension measures."""

    AMOUNT = "amount"
    PERCENT = "percent"
    POINTS = "points"
    COUNT = "count"


@dataclass(frozen=True, slots=True)
class Dimension:
    """A family of units that convert into one another.

    Attributes:
        kind: amount, percent, percentage points or count.
        currency: the ISO 4217 code of an amount dimension (``CNY`` for 元), else ``""``.
    """

    kind: Kind
    currency: str = ""

    def __str__(self) -> str:
        """Name the dimension for messages (``amount in CNY``, ``percent``)."""
        return f"{self.kind.value} in {self.currency}" if self.currency else self.kind.value


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit of print.

    Attributes:
        symbol: the unit as printed (``万元``, ``%``, ``EUR``).
        dimension: what it measures.
        factor: how many base units one of it is (``万元`` is 10000 元), exact.
    """

    symbol: str
    dimension: Dimension
    factor: Decimal

    @property
    def kind(self) -> Kind:
        """The kind of the unit's dimension."""
        return self.dimension.kind


CNY: Final = Dimension(Kind.AMOUNT, "CNY")
PERCENT: Final = Dimension(Kind.PERCENT)
POINTS: Final = Dimension(Kind.POINTS)
COUNT: Final = Dimension(Kind.COUNT)

_YUAN_SCALES: Final = {
    "元": Decimal(1),
    "千元": Decimal(1000),
    "万元": Decimal(10_000),
    "十万元": Decimal(100_000),
    "百万元": Decimal(1_000_000),
    "千万元": Decimal(10_000_000),
    "亿元": Decimal(100_000_000),
}

#: Units that count things or people; figures in them are exact by default.
COUNT_UNITS: Final = frozenset(
    [
        "人",
        "名",
        "位",
        "例",
        "份",
        "个",
        "户",
        "次",
        "人次",
        "户次",
        "分",
        "家",
        "项",
        "场",
        "所",
        "期",
        "篇",
        "件",
        "台",
        "套",
        "辆",
        "本",
        "张",
        "条",
        "批",
        "天",
        "小时",
        "处",
        "座",
        "间",
        "册",
        "部",
        "届",
        "种",
        "类",
        "支",
        "队",
        "组",
        "村",
        "镇",
        "乡",
        "街道",
        "社区",
        "单位",
    ]
)

_UNITS: Final[dict[str, Unit]] = {
    **{sym: Unit(sym, CNY, f) for sym, f in _YUAN_SCALES.items()},
    "%": Unit("%", PERCENT, Decimal(1)),
    "百分点": Unit("百分点", POINTS, Decimal(1)),
    "个百分点": Unit("个百分点", POINTS, Decimal(1)),
    **{sym: Unit(sym, COUNT, Decimal(1)) for sym in COUNT_UNITS},
}

_ISO_CODE: Final = re.compile(r"[A-Z]{3}")


class UnknownUnitError(ValueError):
    """A unit symbol that is not in the catalogue."""


def lookup_unit(symbol: str) -> Unit:
    """Return the unit printed as ``symbol``.

    ISO 4217 codes (three capital letters) are amounts in that currency; ``CNY``
    is the same dimension as 元.

    Raises:
        UnknownUnitError: the symbol is not a known unit.
    """
    unit = _UNITS.get(symbol)
    if unit is not None:
        return unit
    if _ISO_CODE.fullmatch(symbol):
        return Unit(symbol, Dimension(Kind.AMOUNT, symbol), Decimal(1))
    msg = f"unknown unit {symbol!r}"
    raise UnknownUnitError(msg)


def known_suffixes() -> tuple[str, ...]:
    """Unit symbols that may follow a printed number, longest first."""
    return tuple(sorted(_UNITS, key=len, reverse=True))
