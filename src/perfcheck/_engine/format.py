"""Numbers, values and intervals as text, in a unit and a locale, with babel.

Pure functions: the locale is always an argument, never read from the environment,
and numbers stay :class:`~decimal.Decimal` throughout (babel formats a Decimal
without a float in between). Rounding, when a caller asks for fewer decimals than
a number has, is done here in perfcheck's own decimal context, so nothing depends
on the caller's context and babel never rounds.

>>> from decimal import Decimal
>>> format_number(Decimal("1234.50"), "de_DE")
'1.234,50'
>>> format_value(Decimal("132.35"), "万元", "zh_CN")
'132.35 万元'
>>> format_value(Decimal("38.56"), "%", "zh_CN")
'38.56%'
>>> format_interval(Interval(Decimal("134.555"), Decimal("134.565")), "万元", "zh_CN")
'[134.555, 134.565] 万元'
"""

from __future__ import annotations

import copy
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Context, Decimal, localcontext
from functools import lru_cache
from typing import TYPE_CHECKING, Final, Literal

from perfcheck._core import lazy

if TYPE_CHECKING:
    from babel import numbers
else:
    numbers = lazy.module("babel.numbers")  # loaded when a number is first written

from perfcheck._core.interval import Interval
from perfcheck._core.units import ENGLISH_SCALES, Kind, Unit, lookup_unit
from perfcheck._core.values import check_locale

#: Digits enough for any value perfcheck reads or computes; quantizing never fails for lack of them.
_CONTEXT: Final = Context(prec=400, Emax=999_999, Emin=-999_999)
#: The most decimals shown when a caller asks for a number's own digits.
MAX_PLACES: Final = 100

_PatternKind = Literal["decimal", "percent", "currency"]


@lru_cache(maxsize=256)
def _pattern(locale: str, kind: _PatternKind, places: int) -> numbers.NumberPattern:
    """The locale's own pattern (grouping, signs, spacing) with exactly ``places`` decimals."""
    loc = check_locale(locale)
    base: numbers.NumberPattern
    if kind == "decimal":
        base = loc.decimal_formats[None]
    elif kind == "percent":
        base = loc.percent_formats[None]
    else:
        base = loc.currency_formats["standard"]
    pattern: numbers.NumberPattern = copy.copy(base)
    pattern.frac_prec = (places, places)
    return pattern


_FORMAT_PROBES: Final = ("0", "7", "-7.5", "1234", "-1234567.891", "0.000123", "123456789012345678901234.5")
#: Locales known to write numbers and percentages as Python's ``format(x, ",.Nf")`` does
#: (``1,234,567.89``, ``38.56%``): a document's default and the reports' own. Asking babel
#: loads its locale data, about 0.012 s and 5 MiB the first time in a process, which a
#: batch of small documents with a few findings otherwise does not need; tests/test_format.py
#: holds this set to babel's answer (:func:`probed_grouped_by_three`).
GROUPED_BY_THREE: Final = frozenset({"en_US", "zh_CN"})


def _grouped_by_three(locale: str) -> bool:
    """Whether babel writes plain numbers in ``locale`` as Python's ``format(x, ",.Nf")`` does.

    True of ``en_US`` and ``zh_CN`` (``1,234,567.89``), false of ``de_DE``, ``fr_FR``
    or ``en_IN``: known for :data:`GROUPED_BY_THREE`, otherwise decided by babel.
    """
    return locale in GROUPED_BY_THREE or probed_grouped_by_three(locale)


@lru_cache(maxsize=256)
def probed_grouped_by_three(locale: str, kind: Literal["decimal", "percent"] = "decimal") -> bool:
    """:func:`_grouped_by_three` (or, for ``"percent"``, :func:`_percent_by_three`) decided by babel.

    Decided once per locale by comparing babel's text with Python's on probe numbers at
    0 to 6 decimals, so the fast way is taken only where it writes the same text.

    >>> probed_grouped_by_three("en_US"), probed_grouped_by_three("de_DE")
    (True, False)
    >>> probed_grouped_by_three("zh_CN", "percent"), probed_grouped_by_three("de_DE", "percent")
    (True, False)
    """
    loc = check_locale(locale)
    for probe in _FORMAT_PROBES:
        for places in range(7):
            rounded = _rounded(Decimal(probe), places, ROUND_HALF_EVEN)
            with localcontext(_CONTEXT):
                if kind == "decimal":
                    babel = numbers.format_decimal(
                        rounded, format=_pattern(locale, "decimal", places), locale=loc
                    )
                else:
                    pattern = _pattern(locale, "percent", places)
                    babel = numbers.format_percent(rounded.scaleb(-2), format=pattern, locale=loc)
            if babel != f"{rounded:,.{places}f}" + ("%" if kind == "percent" else ""):
                return False
    return True


def _percent_by_three(locale: str) -> bool:
    """Whether babel writes a percentage in ``locale`` as ``format(x, ",.Nf")`` and ``%`` (``38.56%``)."""
    return locale in GROUPED_BY_THREE or probed_grouped_by_three(locale, "percent")


def _places(value: Decimal, decimals: int | None) -> int:
    if decimals is not None:
        return max(decimals, 0)
    exponent = value.as_tuple().exponent
    return min(max(-exponent, 0), MAX_PLACES) if isinstance(exponent, int) else 0


def _rounded(value: Decimal, places: int, rounding: str) -> Decimal:
    with localcontext(_CONTEXT):
        rounded = value.quantize(Decimal(1).scaleb(-places), rounding=rounding)
    return rounded.copy_abs() if rounded.is_zero() else rounded


def _infinity(value: Decimal, locale: str) -> str:
    loc = check_locale(locale)
    sign = numbers.get_minus_sign_symbol(loc) if value < 0 else ""
    return sign + numbers.get_infinity_symbol(loc)


def format_number(
    value: Decimal, locale: str, *, decimals: int | None = None, rounding: str = ROUND_HALF_EVEN
) -> str:
    r"""``value`` in ``locale``'s notation with babel's ``numbers.format_decimal``.

    Args:
        value: the number; infinities are written ``∞`` and ``-∞``.
        locale: how to write it (``zh_CN``, ``de_DE``, ``fr_FR``).
        decimals: how many decimals to show (a figure's printed precision; negative
            counts as 0); None shows exactly the digits ``value`` has, trailing zeros
            included.
        rounding: how to round when ``value`` has more decimals than shown.

    >>> format_number(Decimal("2.10"), "en_US"), format_number(Decimal("-1234567.5"), "fr_FR")
    ('2.10', '-1\u202f234\u202f567,5')
    >>> format_number(Decimal("134.5650"), "zh_CN", decimals=2), format_number(Decimal("-Infinity"), "en_US")
    ('134.56', '-∞')
    """
    if value.is_infinite():
        return _infinity(value, locale)
    places = _places(value, decimals)
    rounded = _rounded(value, places, rounding)
    if _grouped_by_three(locale):
        return f"{rounded:,.{places}f}"
    with localcontext(_CONTEXT):
        return numbers.format_decimal(
            rounded, format=_pattern(locale, "decimal", places), locale=check_locale(locale)
        )


def unit_label(unit: Unit) -> str:
    """How a unit follows a number: ``%`` directly, any other unit after a space.

    >>> unit_label(lookup_unit("%")), unit_label(lookup_unit("万元"))
    ('%', ' 万元')
    """
    return unit.symbol if unit.kind is Kind.PERCENT else f" {unit.symbol}"


def format_value(
    value: Decimal,
    unit: str | Unit,
    locale: str,
    *,
    decimals: int | None = None,
    rounding: str = ROUND_HALF_EVEN,
) -> str:
    r"""``value`` in ``unit``, written for ``locale``.

    Percentages use babel's ``numbers.format_percent`` (``38.56%``; ``38,56 %`` in
    ``de_DE``), ISO 4217 currencies ``numbers.format_currency`` with the figure's decimals
    rather than the currency's, a currency with a scale the form perfcheck reads
    (``EUR 1.5 million``), and every other unit follows the number after a space.

    >>> format_value(Decimal("38.56"), "%", "de_DE")
    '38,56\xa0%'
    >>> format_value(Decimal("1500"), "EUR", "en_US")
    '€1,500'
    >>> format_value(Decimal("1500"), "EUR", "de_DE", decimals=2)
    '1.500,00\xa0€'
    >>> format_value(Decimal("1.5"), "EUR million", "en_US"), format_value(Decimal("4060"), "例", "zh_CN")
    ('EUR 1.5 million', '4,060 例')

    Args:
        value: the number, in ``unit``.
        unit: a unit of the catalogue, or its symbol.
        locale: how to write it.
        decimals: as for :func:`format_number`.
        rounding: as for :func:`format_number`.

    Raises:
        UnknownUnitError: ``unit`` is a symbol that is not in the catalogue.
    """
    unit = lookup_unit(unit) if isinstance(unit, str) else unit
    if value.is_infinite():
        return _infinity(value, locale) + unit_label(unit)
    places = _places(value, decimals)
    rounded = _rounded(value, places, rounding)
    if unit.kind is Kind.PERCENT and _percent_by_three(locale):
        return f"{rounded:,.{places}f}%"
    if unit.kind is Kind.PERCENT or (unit.kind is Kind.AMOUNT and unit.stem.isascii()):
        loc = check_locale(locale)  # only babel's own ways ask for the locale (format_number, as it needs)
        with localcontext(_CONTEXT):
            if unit.kind is Kind.PERCENT:
                pattern = _pattern(locale, "percent", places)
                return numbers.format_percent(rounded.scaleb(-2), format=pattern, locale=loc)
            if unit.factor == 1:
                pattern = _pattern(locale, "currency", places)
                return numbers.format_currency(
                    rounded, unit.stem, format=pattern, locale=loc, currency_digits=False
                )
            word = next(w for w, e in ENGLISH_SCALES.items() if e == unit.exponent)
            number = numbers.format_decimal(rounded, format=_pattern(locale, "decimal", places), locale=loc)
            return f"{unit.stem} {number} {word}"
    return format_number(rounded, locale, decimals=places) + unit_label(unit)


def format_interval(
    interval: Interval, unit: str | Unit | None, locale: str, *, decimals: int | None = None
) -> str:
    """An interval in ``unit``, written for ``locale``: ``[134.555, 134.565] 万元``.

    Infinite bounds are written ``∞`` with an open bracket (``[5, ∞) 份``), and so
    are open ends (a truncated figure: ``[3, 4) 万元``). With
    ``decimals`` the bounds are rounded outward (the lower down, the upper up), so
    the interval shown always contains the interval meant; without, each bound
    shows exactly the digits it has.

    The bounds are separated by a comma, unless a bound has a comma of its own (a
    thousands separator, or the decimal mark of a locale like ``de_DE``): then by a
    semicolon, as ISO 80000-2 writes intervals, so that the separator can never be
    read as part of a number (``[1,967.0; 1,971.0]``, never ``[1,967.0, 1,971.0]``).

    >>> format_interval(Interval(Decimal("134.555"), Decimal("134.565")), "万元", "zh_CN")
    '[134.555, 134.565] 万元'
    >>> format_interval(Interval(Decimal("1967.0"), Decimal("1971.0")), "万元", "zh_CN")
    '[1,967.0; 1,971.0] 万元'
    >>> format_interval(Interval(Decimal(10000), Decimal("Infinity")), "份", "zh_CN")
    '[10,000; ∞) 份'
    >>> format_interval(Interval(Decimal("15.933158"), Decimal("15.943159")), "%", "de_DE", decimals=3)
    '[15,933; 15,944]%'
    >>> format_interval(Interval(Decimal(3), Decimal(4), hi_open=True), "万元", "zh_CN")
    '[3, 4) 万元'

    Raises:
        UnknownUnitError: ``unit`` is a symbol that is not in the catalogue.
    """
    lo = format_number(interval.lo, locale, decimals=decimals, rounding=ROUND_FLOOR)
    hi = format_number(interval.hi, locale, decimals=decimals, rounding=ROUND_CEILING)
    separator = "; " if "," in lo or "," in hi else ", "
    opening = "(" if interval.lo_open or interval.lo.is_infinite() else "["
    closing = ")" if interval.hi_open or interval.hi.is_infinite() else "]"
    label = "" if unit is None else unit_label(lookup_unit(unit) if isinstance(unit, str) else unit)
    return f"{opening}{lo}{separator}{hi}{closing}{label}"
