"""The catalogue of units a figure may be printed in, with exact scale factors.

Every unit belongs to a *dimension*. Figures can be compared only within one
dimension; inside it they convert exactly to the dimension's base unit (元 for
Chinese yuan amounts, one currency unit for an ISO 4217 code, one for counts).
Every factor is a power of ten, so conversion only moves the decimal point: the
value and its rounding interval convert without any loss (0.01 万元 is 100 元).

A unit is a *stem* (元, a count unit such as 人, an ISO 4217 code, ``%`` or
``百分点``) with an optional scale: Chinese scale words before 元 and count units
(千元, 万元, 亿元, 万人, 万人次), English scale words after a currency code
(``EUR thousand``, ``EUR million``, ``EUR billion``).

>>> from decimal import Decimal
>>> lookup_unit("万元").factor
Decimal('10000')
>>> lookup_unit("万元").dimension == lookup_unit("元").dimension
True
>>> lookup_unit("%").dimension == lookup_unit("百分点").dimension
False
>>> lookup_unit("EUR million").factor, str(lookup_unit("EUR million").dimension)
(Decimal('1000000'), 'amount in EUR')
>>> convert(Decimal("0.01"), lookup_unit("万元"), lookup_unit("元"))
Decimal('100')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Context, Decimal, Inexact, InvalidOperation, Overflow, Rounded
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING, Final

from perfcheck._core import lazy

if TYPE_CHECKING:
    from babel import numbers
else:
    numbers = lazy.module("babel.numbers")  # loaded when a currency code is first looked up

from perfcheck._core.interval import Interval


class Kind(StrEnum):
    """What a dimension measures."""

    AMOUNT = "amount"
    PERCENT = "percent"
    POINTS = "points"
    COUNT = "count"
    MEASURE = "measure"


@dataclass(frozen=True, slots=True)
class Dimension:
    """A family of units that convert into one another.

    Attributes:
        kind: amount, percent, percentage points, count, or a physical measure.
        currency: the ISO 4217 code of an amount dimension (``CNY`` for 元), else ``""``.
        quantity: what a physical measure measures (``area``, ``length``…), else ``""``.
    """

    kind: Kind
    currency: str = ""
    quantity: str = ""

    def __str__(self) -> str:
        """Name the dimension for messages (``amount in CNY``, ``percent``, ``area``)."""
        if self.quantity:
            return self.quantity
        return f"{self.kind.value} in {self.currency}" if self.currency else self.kind.value


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit of print.

    Attributes:
        symbol: the unit as printed (``万元``, ``%``, ``EUR``, ``EUR million``).
        dimension: what it measures.
        factor: how many base units one of it is (``万元`` is 10000 元), exact; a
            power of ten.
        stem: the unit without its scale (元 for ``万元``, ``EUR`` for
            ``EUR million``, ``百分点`` for ``个百分点``); a unit without a scale is
            its own stem.
    """

    symbol: str
    dimension: Dimension
    factor: Decimal
    stem: str

    @property
    def kind(self) -> Kind:
        """The kind of the unit's dimension."""
        return self.dimension.kind

    @property
    def exponent(self) -> int:
        """``factor`` as a power of ten (4 for 万元).

        >>> lookup_unit("亿元").exponent, lookup_unit("元").exponent
        (8, 0)
        """
        return self.factor.adjusted()


CNY: Final = Dimension(Kind.AMOUNT, "CNY")
PERCENT: Final = Dimension(Kind.PERCENT)
POINTS: Final = Dimension(Kind.POINTS)
COUNT: Final = Dimension(Kind.COUNT)

#: Chinese scale words and their powers of ten. 十 and 百 alone are left out: after
#: digits they are not used as scales, and 百 would read 百分点 as 百 + 分点.
CHINESE_SCALES: Final = {
    "千": 3,
    "万": 4,
    "十万": 5,
    "百万": 6,
    "千万": 7,
    "亿": 8,
    "十亿": 9,
    "百亿": 10,
    "千亿": 11,
    "万亿": 12,
}
#: English scale words, as in reports "in thousands of euros" (``EUR thousand``).
ENGLISH_SCALES: Final = {"thousand": 3, "million": 6, "billion": 9}

YUAN: Final = "元"

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
        "批次",
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

#: Physical measures: each quantity a dimension of its own, its units by their power of ten of
#: its base (平方米, 米, 立方米, 千克). 亩 and 斤 are dimensions of their own: no power of ten
#: converts them (a 亩 is 666.67 平方米), so an area in 亩 is never compared with one in 平方米.
#: A measure never joins an amount's relation: a share of an area is a share of an area.
MEASURES: Final = {
    "平方米": ("area", 0),
    "㎡": ("area", 0),
    "m2": ("area", 0),
    "m²": ("area", 0),
    "平方公里": ("area", 6),
    "平方千米": ("area", 6),
    "公顷": ("area", 4),
    "亩": ("area in 亩", 0),
    "米": ("length", 0),
    "公里": ("length", 3),
    "千米": ("length", 3),
    "厘米": ("length", -2),
    "立方米": ("volume", 0),
    "m3": ("volume", 0),
    "m³": ("volume", 0),
    "千克": ("mass", 0),
    "公斤": ("mass", 0),
    "吨": ("mass", 3),
    "斤": ("mass in 斤", 0),
}

#: Units without a scale, other than ISO codes: what may follow a printed number.
_STEMS: Final[dict[str, Unit]] = {
    YUAN: Unit(YUAN, CNY, Decimal(1), YUAN),
    "%": Unit("%", PERCENT, Decimal(1), "%"),
    "百分点": Unit("百分点", POINTS, Decimal(1), "百分点"),
    "个百分点": Unit("个百分点", POINTS, Decimal(1), "百分点"),
    **{sym: Unit(sym, COUNT, Decimal(1), sym) for sym in COUNT_UNITS},
    **{
        sym: Unit(sym, Dimension(Kind.MEASURE, quantity=quantity), Decimal(10) ** power, sym)
        for sym, (quantity, power) in MEASURES.items()
    },
}

_ISO_CODE: Final = re.compile(r"[A-Z]{3}")
_ISO_SCALED: Final = re.compile(r"([A-Z]{3}) (" + "|".join(ENGLISH_SCALES) + ")")
_CHINESE_SCALED: Final = re.compile("(" + "|".join(sorted(CHINESE_SCALES, key=len, reverse=True)) + ")(.+)")


#: Moving the decimal point never rounds: any rounding would be a bug, so it traps.
_EXACT: Final = Context(
    prec=400, Emax=999_999, Emin=-999_999, traps=[Inexact, Rounded, InvalidOperation, Overflow]
)
#: Largest adjusted exponent written out in plain digits by :func:`_plain`.
_PLAIN_UP_TO: Final = 100


def _shift(value: Decimal, places: int) -> Decimal:
    """``value * 10**places`` exactly, in plain digits where that is short (1323500, not 1.3235E+6)."""
    moved = value.scaleb(places, _EXACT)
    exponent = moved.as_tuple().exponent
    if isinstance(exponent, int) and exponent > 0 and moved.adjusted() <= _PLAIN_UP_TO:
        return moved.quantize(Decimal(1), context=_EXACT)
    return moved


class UnknownUnitError(ValueError):
    """A unit symbol that is not in the catalogue."""


class IncompatibleUnitsError(ValueError):
    """Two units of different dimensions: a currency is never converted into another."""


@lru_cache(maxsize=1)
def currencies() -> frozenset[str]:
    """The ISO 4217 codes babel knows (``EUR``, ``USD``, ``CNY``, ...)."""
    return frozenset(numbers.list_currencies())


def _currency(code: str) -> Dimension:
    if code not in currencies():
        msg = f"unknown currency code {code!r} (not an ISO 4217 code babel knows)"
        raise UnknownUnitError(msg)
    return Dimension(Kind.AMOUNT, code)


@lru_cache(maxsize=1024)
def lookup_unit(symbol: str) -> Unit:
    """Return the unit printed as ``symbol``.

    Accepted: 元 and a Chinese scale word before it (千元, 万元, 百万元, 亿元, ...);
    ``%``; ``百分点`` and ``个百分点``; count units (人, 例, 份, ...) with an optional
    Chinese scale word (万人, 万人次); ISO 4217 codes (``EUR``), optionally with
    ``thousand``, ``million`` or ``billion`` (``EUR million``). ``CNY`` is the same
    dimension as 元.

    >>> lookup_unit("万人次")
    Unit(symbol='万人次', dimension=Dimension(kind=<Kind.COUNT: 'count'>, currency='', quantity=''), \
factor=Decimal('10000'), stem='人次')
    >>> lookup_unit("万平方公里").factor, str(lookup_unit("亩").dimension)
    (Decimal('10000000000'), 'area in 亩')
    >>> lookup_unit("XYZ")
    Traceback (most recent call last):
        ...
    perfcheck._core.units.UnknownUnitError: unknown currency code 'XYZ' (not an ISO 4217 code babel knows)

    Raises:
        UnknownUnitError: the symbol is not a known unit, or an unknown currency code.
    """
    unit = _STEMS.get(symbol)
    if unit is not None:
        return unit
    if _ISO_CODE.fullmatch(symbol):
        return Unit(symbol, _currency(symbol), Decimal(1), symbol)
    if match := _ISO_SCALED.fullmatch(symbol):
        code, word = match.groups()
        return Unit(symbol, _currency(code), Decimal(10 ** ENGLISH_SCALES[word]), code)
    if match := _CHINESE_SCALED.fullmatch(symbol):
        word, stem = match.groups()
        base = _STEMS.get(stem)
        if base is not None and (base.stem == YUAN or base.kind in (Kind.COUNT, Kind.MEASURE)):
            # 万平方公里: the scale times the stem's own power of ten of its quantity's base
            factor = Decimal(10) ** (CHINESE_SCALES[word] + base.exponent)
            return Unit(symbol, base.dimension, factor, base.stem)
    msg = f"unknown unit {symbol!r}"
    raise UnknownUnitError(msg)


def scaled(unit: Unit, exponent: int) -> Unit | None:
    """``unit`` scaled by ``10**exponent``: the catalogue unit of the same stem, or None.

    Chinese scale words go with 元 and counts, English ones with currency codes
    (and, for ``CNY``, Chinese ones too, giving 元 units); percentages take no scale.

    >>> scaled(lookup_unit("元"), 8).symbol, scaled(lookup_unit("人"), 4).symbol
    ('亿元', '万人')
    >>> scaled(lookup_unit("EUR"), 6).symbol
    'EUR million'
    >>> scaled(lookup_unit("EUR"), 4) is None, scaled(lookup_unit("%"), 4) is None
    (True, True)
    >>> scaled(lookup_unit("公里"), 4).symbol, scaled(lookup_unit("万公里"), -4).symbol
    ('万公里', '公里')
    """
    if unit.kind is Kind.MEASURE:
        # 公里 is 10³ 米: the scale word goes before the stem (万公里), counted from it
        stem = lookup_unit(unit.stem)
        own = unit.exponent - stem.exponent + exponent
        words = [w for w, e in CHINESE_SCALES.items() if e == own]
        return stem if own == 0 else lookup_unit(f"{words[0]}{unit.stem}") if words else None
    total = unit.exponent + exponent
    if total == 0:
        return lookup_unit(unit.stem)
    chinese = [w for w, e in CHINESE_SCALES.items() if e == total]
    if unit.kind is Kind.AMOUNT and unit.stem != YUAN:
        english = [w for w, e in ENGLISH_SCALES.items() if e == total]
        if english:
            return lookup_unit(f"{unit.stem} {english[0]}")
        # CNY is 元: 1.2亿 of a figure in CNY is 1.2 亿元.
        return lookup_unit(f"{chinese[0]}{YUAN}") if chinese and unit.dimension == CNY else None
    if unit.stem == YUAN or unit.kind is Kind.COUNT:
        return lookup_unit(f"{chinese[0]}{unit.stem}") if chinese else None
    return None


def value_stems() -> tuple[str, ...]:
    """Unit symbols without a scale that may follow a printed number, longest first."""
    return tuple(sorted(_STEMS, key=len, reverse=True))


def _check_convertible(source: Unit, target: Unit) -> None:
    if source.dimension != target.dimension:
        msg = (
            f"cannot convert {source.symbol} ({source.dimension}) to {target.symbol} ({target.dimension})"
            + ("; amounts in different currencies are never converted" if source.kind is Kind.AMOUNT else "")
        )
        raise IncompatibleUnitsError(msg)


def convert(value: Decimal, source: Unit, target: Unit) -> Decimal:
    """``value`` in ``source`` expressed in ``target``, exactly (the decimal point moves).

    >>> convert(Decimal("132.35"), lookup_unit("万元"), lookup_unit("元"))
    Decimal('1323500')
    >>> convert(Decimal("1"), lookup_unit("EUR"), lookup_unit("元"))
    Traceback (most recent call last):
        ...
    perfcheck._core.units.IncompatibleUnitsError: cannot convert EUR (amount in EUR) to 元 (amount in CNY); \
amounts in different currencies are never converted

    Raises:
        IncompatibleUnitsError: the units are of different dimensions.
    """
    _check_convertible(source, target)
    return _shift(value, source.exponent - target.exponent)


def convert_decimals(decimals: int, source: Unit, target: Unit) -> int:
    """The precision of a figure printed with ``decimals`` in ``source``, seen in ``target``.

    Two decimals in 万元 are a precision of 100 元:

    >>> convert_decimals(2, lookup_unit("万元"), lookup_unit("元"))
    -2

    Raises:
        IncompatibleUnitsError: the units are of different dimensions.
    """
    _check_convertible(source, target)
    return decimals - (source.exponent - target.exponent)


def convert_interval(interval: Interval, source: Unit, target: Unit) -> Interval:
    """An interval in ``source`` expressed in ``target``, exactly; infinite bounds stay infinite.

    >>> convert_interval(Interval(Decimal("132.345"), Decimal("132.355")), lookup_unit("万元"),
    ...                  lookup_unit("元"))
    Interval(lo=Decimal('1323450'), hi=Decimal('1323550'))

    Raises:
        IncompatibleUnitsError: the units are of different dimensions.
    """
    _check_convertible(source, target)
    shift = source.exponent - target.exponent
    return Interval(
        _shift(interval.lo, shift), _shift(interval.hi, shift), interval.lo_open, interval.hi_open
    )
