"""The unit catalogue: exact factors, currencies, scales, and exact conversion of values and intervals."""

from __future__ import annotations

from decimal import Decimal, localcontext

import pytest
from babel.numbers import list_currencies
from hypothesis import given
from hypothesis import strategies as st

import perfcheck
from perfcheck._core.interval import INF, Interval
from perfcheck._core.units import (
    CNY,
    COUNT,
    COUNT_UNITS,
    PERCENT,
    POINTS,
    Dimension,
    IncompatibleUnitsError,
    Kind,
    Unit,
    UnknownUnitError,
    convert,
    convert_decimals,
    convert_interval,
    lookup_unit,
    scaled,
)
from perfcheck._engine.compile import figure_interval

YUAN_UNITS = {
    "元": 1,
    "千元": 10**3,
    "万元": 10**4,
    "十万元": 10**5,
    "百万元": 10**6,
    "千万元": 10**7,
    "亿元": 10**8,
    "十亿元": 10**9,
    "百亿元": 10**10,
    "千亿元": 10**11,
    "万亿元": 10**12,
}


@pytest.mark.parametrize(("symbol", "factor"), YUAN_UNITS.items())
def test_yuan_units_have_exact_factors(symbol: str, factor: int) -> None:
    unit = lookup_unit(symbol)
    assert unit == Unit(symbol, CNY, Decimal(factor), "元")
    assert unit.factor == Decimal(10) ** unit.exponent


@pytest.mark.parametrize(
    ("symbol", "dimension", "factor", "stem"),
    [
        ("CNY", CNY, 1, "CNY"),
        ("EUR", Dimension(Kind.AMOUNT, "EUR"), 1, "EUR"),
        ("EUR thousand", Dimension(Kind.AMOUNT, "EUR"), 10**3, "EUR"),
        ("EUR million", Dimension(Kind.AMOUNT, "EUR"), 10**6, "EUR"),
        ("USD billion", Dimension(Kind.AMOUNT, "USD"), 10**9, "USD"),
        ("CNY million", CNY, 10**6, "CNY"),
        ("%", PERCENT, 1, "%"),
        ("百分点", POINTS, 1, "百分点"),
        ("个百分点", POINTS, 1, "百分点"),
        ("人", COUNT, 1, "人"),
        ("万人", COUNT, 10**4, "人"),
        ("万人次", COUNT, 10**4, "人次"),
        ("千户", COUNT, 10**3, "户"),
    ],
)
def test_catalogue(symbol: str, dimension: Dimension, factor: int, stem: str) -> None:
    assert lookup_unit(symbol) == Unit(symbol, dimension, Decimal(factor), stem)


def test_every_count_unit_is_a_count_and_takes_chinese_scales() -> None:
    for symbol in COUNT_UNITS:
        assert lookup_unit(symbol).dimension == COUNT
        assert lookup_unit(f"万{symbol}").factor == 10_000


def test_every_currency_babel_knows_is_a_unit() -> None:
    codes = list_currencies()
    assert {"CNY", "EUR", "USD", "HKD", "JPY"} <= codes
    for code in codes:
        assert lookup_unit(code).dimension == Dimension(Kind.AMOUNT, code)
        assert lookup_unit(f"{code} million").factor == 10**6


@pytest.mark.parametrize(
    ("symbol", "fragment"),
    [
        ("XYZ", "unknown currency code 'XYZ'"),
        ("ABC million", "unknown currency code 'ABC'"),
        ("eur", "unknown unit 'eur'"),
        ("EUR millions", "unknown unit"),
        ("万EUR", "unknown unit"),
        ("万%", "unknown unit"),
        ("万百分点", "unknown unit"),
        ("斗", "unknown unit"),
        ("百元", "unknown unit"),
        ("", "unknown unit"),
    ],
)
def test_unknown_units(symbol: str, fragment: str) -> None:
    with pytest.raises(UnknownUnitError, match=fragment):
        lookup_unit(symbol)


def test_percent_points_and_amounts_are_kept_apart() -> None:
    dims = {lookup_unit(s).dimension for s in ("元", "%", "百分点", "人", "EUR")}
    assert len(dims) == 5


@pytest.mark.parametrize(
    ("symbol", "exponent", "expected"),
    [
        ("元", 4, "万元"),
        ("元", 8, "亿元"),
        ("元", 6, "百万元"),
        ("元", 0, "元"),
        ("人", 4, "万人"),
        ("EUR", 3, "EUR thousand"),
        ("EUR", 9, "EUR billion"),
        ("CNY", 6, "CNY million"),
        ("CNY", 4, "万元"),
        ("万元", -4, "元"),
        ("万元", 4, "亿元"),
        ("EUR", 4, None),
        ("EUR", 12, None),
        ("%", 2, None),
        ("百分点", 4, None),
        ("元", 13, None),
    ],
)
def test_scaled(symbol: str, exponent: int, expected: str | None) -> None:
    unit = scaled(lookup_unit(symbol), exponent)
    assert (unit.symbol if unit else None) == expected


# -- conversion ------------------------------------------------------------------------

FAMILIES = [
    [*YUAN_UNITS, "CNY", "CNY thousand", "CNY million", "CNY billion"],
    ["EUR", "EUR thousand", "EUR million", "EUR billion"],
    ["人", "千人", "万人", "百万人", "亿人"],
    ["%"],
    ["百分点", "个百分点"],
]
same_dimension = st.sampled_from(FAMILIES).flatmap(
    lambda family: st.tuples(st.sampled_from(family), st.sampled_from(family))
)
values = st.decimals(min_value=Decimal("-1e15"), max_value=Decimal("1e15"), places=4, allow_nan=False)


def test_one_hundredth_of_a_wan_is_a_hundred_yuan() -> None:
    wan, yuan = lookup_unit("万元"), lookup_unit("元")
    assert convert(Decimal("0.01"), wan, yuan) == Decimal(100)
    assert convert_decimals(2, wan, yuan) == -2
    printed = figure_interval(Decimal("51.89"), 2, exact=False, qualifier=None, truncate=False)
    assert convert_interval(printed, wan, yuan) == Interval(Decimal(518850), Decimal(518950))


@given(same_dimension, values)
def test_there_and_back_is_the_identity(pair: tuple[str, str], value: Decimal) -> None:
    source, target = (lookup_unit(s) for s in pair)
    there = convert(value, source, target)
    assert convert(there, target, source) == value
    assert there * target.factor == value * source.factor


@given(same_dimension, values, st.integers(min_value=-6, max_value=6))
def test_the_rounding_interval_converts_with_the_value(
    pair: tuple[str, str], value: Decimal, decimals: int
) -> None:
    """The interval of a figure converted is the interval of the converted figure."""
    source, target = (lookup_unit(s) for s in pair)
    value = (
        value.quantize(Decimal(1).scaleb(-max(decimals, 0))) if decimals >= 0 else value.quantize(Decimal(1))
    )
    in_source = figure_interval(value, decimals, exact=False, qualifier=None, truncate=False)
    moved = figure_interval(
        convert(value, source, target),
        convert_decimals(decimals, source, target),
        exact=False,
        qualifier=None,
        truncate=False,
    )
    assert convert_interval(in_source, source, target) == moved


@given(same_dimension, values, values, values, values)
def test_intervals_contain_each_other_after_conversion(
    pair: tuple[str, str], a: Decimal, b: Decimal, c: Decimal, d: Decimal
) -> None:
    source, target = (lookup_unit(s) for s in pair)
    lo, inner_lo, inner_hi, hi = sorted([a, b, c, d])
    outer = convert_interval(Interval(lo, hi), source, target)
    inner = convert_interval(Interval(inner_lo, inner_hi), source, target)
    assert outer.lo <= inner.lo <= inner.hi <= outer.hi
    assert outer.contains(convert(inner_lo, source, target))
    assert convert_interval(outer, target, source) == Interval(lo, hi)


def test_infinite_bounds_stay_infinite() -> None:
    half_line = Interval(Decimal(3), INF)
    assert convert_interval(half_line, lookup_unit("万人"), lookup_unit("人")) == Interval(
        Decimal(30000), INF
    )


def test_conversion_is_exact_whatever_the_callers_context() -> None:
    many_digits = Decimal("1234567890123456789012345678901234567.891")
    with localcontext() as ctx:
        ctx.prec = 5
        there = convert(many_digits, lookup_unit("万亿元"), lookup_unit("元"))
    assert there == Decimal(1234567890123456789012345678901234567891000000000)
    assert convert(there, lookup_unit("元"), lookup_unit("万亿元")) == many_digits


@pytest.mark.parametrize(
    ("source", "target"),
    [("EUR", "元"), ("EUR", "USD"), ("EUR million", "CNY"), ("%", "百分点"), ("人", "元")],
)
def test_different_dimensions_never_convert(source: str, target: str) -> None:
    with pytest.raises(IncompatibleUnitsError, match="cannot convert"):
        convert(Decimal(1), lookup_unit(source), lookup_unit(target))
    with pytest.raises(IncompatibleUnitsError):
        convert_interval(Interval.point(Decimal(1)), lookup_unit(source), lookup_unit(target))
    with pytest.raises(IncompatibleUnitsError):
        convert_decimals(0, lookup_unit(source), lookup_unit(target))


def test_currencies_are_never_converted_silently() -> None:
    def check(*values: str) -> perfcheck.Result:
        figures = [{"id": f"f{i}", "value": v} for i, v in enumerate(values)]
        relations = [{"id": "r", "kind": "sum", "total": "f0", "parts": [f["id"] for f in figures[1:]]}]
        return perfcheck.check(
            perfcheck.validate({"perfcheck": "1", "unit": "元", "figures": figures, "relations": relations})
        )

    assert check("EUR 3 million", "EUR 1,000 thousand", "EUR 2 million").ok
    mixed = check("EUR 3 million", "USD 1 million", "EUR 2 million")
    assert [f.code for f in mixed.errors] == ["PC901"]
    assert "USD" in mixed.errors[0].message
    assert "EUR" in mixed.errors[0].message
    yuan = check("300万元", "EUR 1 million", "200万元")
    assert [f.code for f in yuan.errors] == ["PC901"]
    assert check("300万元", "CNY 1 million", "200万元").ok
