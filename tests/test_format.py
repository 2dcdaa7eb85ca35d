"""Formatting numbers, values and intervals with babel: exact, per locale, and read back by the parser."""

from __future__ import annotations

import copy
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, Context, Decimal, localcontext

import pytest
from babel import Locale
from babel.numbers import format_percent
from hypothesis import given
from hypothesis import strategies as st

from perfcheck._core.interval import INF, Interval
from perfcheck._core.units import lookup_unit
from perfcheck._core.values import parse_value
from perfcheck._engine.format import (
    GROUPED_BY_THREE,
    format_interval,
    format_number,
    format_value,
    probed_grouped_by_three,
)

LOCALES = [
    "zh_CN",
    "en_US",
    "de_DE",
    "fr_FR",
    "de_CH",
    "en_IN",
    "es_ES",
    "ru_RU",
    "it_IT",
    "pt_BR",
    "sv_SE",
    "ja_JP",
]


@pytest.mark.parametrize(
    ("value", "locale", "decimals", "text"),
    [
        ("1234.56", "zh_CN", None, "1,234.56"),
        ("1234.56", "en_US", None, "1,234.56"),
        ("1234.56", "de_DE", None, "1.234,56"),
        ("1234.56", "fr_FR", None, "1\u202f234,56"),
        ("1234567.89", "en_IN", None, "12,34,567.89"),
        ("2.10", "zh_CN", None, "2.10"),
        ("30", "zh_CN", 2, "30.00"),
        ("3000", "zh_CN", -3, "3,000"),
        ("134.5650", "zh_CN", 2, "134.56"),
        ("134.5750", "zh_CN", 2, "134.58"),
        ("-0.001", "zh_CN", 2, "0.00"),
        ("-4966.66", "zh_CN", None, "-4,966.66"),
        ("Infinity", "zh_CN", None, "∞"),
        ("-Infinity", "en_US", 2, "-∞"),
        ("-Infinity", "sv_SE", None, "−∞"),
    ],
)
def test_format_number(value: str, locale: str, decimals: int | None, text: str) -> None:
    assert format_number(Decimal(value), locale, decimals=decimals) == text


@pytest.mark.parametrize(
    ("value", "unit", "locale", "decimals", "text"),
    [
        ("132.35", "万元", "zh_CN", None, "132.35 万元"),
        ("0", "万元", "zh_CN", 2, "0.00 万元"),
        ("38.56", "%", "zh_CN", None, "38.56%"),
        ("38.56", "%", "en_US", None, "38.56%"),
        ("38.56", "%", "de_DE", None, "38,56\u00a0%"),
        ("101", "%", "zh_CN", None, "101%"),
        ("3.2", "个百分点", "zh_CN", None, "3.2 个百分点"),
        ("4060", "例", "zh_CN", None, "4,060 例"),
        ("12", "万人", "zh_CN", None, "12 万人"),
        ("1500", "EUR", "en_US", None, "€1,500"),
        ("1500.5", "EUR", "de_DE", None, "1.500,5\u00a0€"),
        ("1234.5", "CNY", "zh_CN", 2, "¥1,234.50"),
        ("1.5", "EUR million", "en_US", None, "EUR 1.5 million"),
        ("1.5", "EUR million", "de_DE", None, "EUR 1,5 million"),
        ("10000", "份", "zh_CN", None, "10,000 份"),
        ("Infinity", "份", "zh_CN", None, "∞ 份"),
    ],
)
def test_format_value(value: str, unit: str, locale: str, decimals: int | None, text: str) -> None:
    assert format_value(Decimal(value), unit, locale, decimals=decimals) == text
    assert format_value(Decimal(value), lookup_unit(unit), locale, decimals=decimals) == text


@pytest.mark.parametrize(
    ("bounds", "unit", "locale", "decimals", "text"),
    [
        (("134.555", "134.565"), "万元", "zh_CN", None, "[134.555, 134.565] 万元"),
        (("134.555", "134.565"), "万元", "de_DE", None, "[134,555; 134,565] 万元"),
        (("15.933158", "15.943159"), "%", "zh_CN", 3, "[15.933, 15.944]%"),
        (("-0.0051", "0.0051"), "万元", "zh_CN", 3, "[-0.006, 0.006] 万元"),
        (("10000", "Infinity"), "份", "zh_CN", None, "[10,000; ∞) 份"),
        (("-Infinity", "30000"), "人", "zh_CN", None, "(-∞; 30,000] 人"),
        (("-Infinity", "Infinity"), None, "en_US", None, "(-∞, ∞)"),
        (("1499.5", "1500.5"), "EUR", "en_US", None, "[1,499.5; 1,500.5] EUR"),
        (("1967.0", "1971.0"), "万元", "zh_CN", None, "[1,967.0; 1,971.0] 万元"),
        (("5", "10"), None, "de_DE", None, "[5, 10]"),
        (("5", "10.5"), None, "de_DE", None, "[5; 10,5]"),
    ],
)
def test_format_interval(
    bounds: tuple[str, str], unit: str | None, locale: str, decimals: int | None, text: str
) -> None:
    interval = Interval(Decimal(bounds[0]), Decimal(bounds[1]))
    assert format_interval(interval, unit, locale, decimals=decimals) == text


def test_formatting_is_exact_whatever_the_callers_context() -> None:
    long = Decimal("123456789012345678901234567890123456.7890")
    with localcontext() as ctx:
        ctx.prec = 5
        ctx.rounding = ROUND_DOWN
        text = format_number(long, "en_US")
        rounded = format_number(Decimal("2.675"), "en_US", decimals=2)
    assert text == "123,456,789,012,345,678,901,234,567,890,123,456.7890"
    assert rounded == "2.68"  # half-even in perfcheck's context, not the caller's ROUND_DOWN


def test_no_float_anywhere() -> None:
    # 0.1 + 0.2 as floats is 0.30000000000000004; as Decimals it stays what it was.
    assert format_number(Decimal("0.1") + Decimal("0.2"), "en_US") == "0.3"
    assert format_value(Decimal("0.30000000000000000001"), "万元", "zh_CN") == "0.30000000000000000001 万元"


# -- what is formatted reads back ------------------------------------------------------

decimals_0_to_4 = st.integers(min_value=0, max_value=4).flatmap(
    lambda places: st.decimals(
        min_value=Decimal("-1e15"),
        max_value=Decimal("1e15"),
        places=places,
        allow_nan=False,
        allow_infinity=False,
    )
)


@given(decimals_0_to_4, st.sampled_from(LOCALES))
def test_formatted_numbers_read_back_with_their_precision(value: Decimal, locale: str) -> None:
    parsed = parse_value(format_number(value, locale), locale)
    assert parsed.number == value
    assert parsed.decimals == max(0, -int(value.as_tuple().exponent))


@given(
    decimals_0_to_4,
    st.sampled_from(LOCALES),
    st.sampled_from(["万元", "亿元", "元", "%", "百分点", "人", "万人次", "EUR million", "USD thousand"]),
)
def test_formatted_values_read_back_in_their_unit(value: Decimal, locale: str, unit: str) -> None:
    parsed = parse_value(format_value(value, unit, locale), locale)
    assert (parsed.number, parsed.unit) == (value, unit)
    assert parsed.decimals == max(0, -int(value.as_tuple().exponent))


@given(decimals_0_to_4, decimals_0_to_4, st.integers(min_value=0, max_value=3), st.sampled_from(LOCALES))
def test_a_shown_interval_contains_the_interval_meant(
    a: Decimal, b: Decimal, decimals: int, locale: str
) -> None:
    lo, hi = sorted([a, b])
    text = format_interval(Interval(lo, hi), None, locale, decimals=decimals)
    # a semicolon wherever a bound has a comma of its own; a comma only when it is the one comma
    separator = "; " if "; " in text else ", "
    assert text.count(separator) == 1
    assert separator == "; " or text.count(",") == 1
    shown_lo, shown_hi = text[1:-1].split(separator)
    assert parse_value(shown_lo, locale).number <= lo
    assert parse_value(shown_hi, locale).number >= hi


def test_half_lines_are_open_at_infinity() -> None:
    text = format_interval(Interval(Decimal(5), INF), "人", "zh_CN")
    assert text.startswith("[")
    assert text.endswith(") 人")


@pytest.mark.parametrize("locale", sorted(GROUPED_BY_THREE))
def test_the_locales_known_to_group_by_three_are_babels_answer(locale: str) -> None:
    # numbers and percentages in these locales are written without asking babel (whose
    # locale data costs a process about 0.012 s and 5 MiB): babel, asked, writes the same
    assert probed_grouped_by_three(locale)
    assert probed_grouped_by_three(locale, "percent")


@pytest.mark.parametrize("locale", ["de_DE", "fr_FR", "en_IN"])
def test_other_locales_are_written_by_babel(locale: str) -> None:
    assert locale not in GROUPED_BY_THREE
    assert not probed_grouped_by_three(locale)
    assert format_value(Decimal("1234567.5"), "%", locale) != "1,234,567.5%"


@given(
    value=st.decimals(min_value=-(10**20), max_value=10**20, places=8, allow_nan=False),
    places=st.integers(0, 6),
    locale=st.sampled_from(sorted(GROUPED_BY_THREE)),
)
def test_percentages_in_the_known_locales_are_babels(value: Decimal, places: int, locale: str) -> None:
    with localcontext(Context(prec=400)):
        rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
        rounded = rounded.copy_abs() if rounded.is_zero() else rounded
        pattern = copy.copy(Locale.parse(locale).percent_formats[None])
        pattern.frac_prec = (places, places)
        expected = format_percent(rounded.scaleb(-2), format=pattern, locale=locale)
    assert format_value(value, "%", locale, decimals=places) == expected
