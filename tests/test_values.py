"""Reading printed values: locales, full-width forms, units, scale words, qualifiers, Chinese numerals."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest
from babel import Locale
from babel.numbers import format_decimal
from hypothesis import given
from hypothesis import strategies as st

import perfcheck
from perfcheck import LedgerError
from perfcheck._core.interval import INF, Interval
from perfcheck._core.values import (
    PLAIN_LOCALES,
    ParsedValue,
    ValueConflictError,
    ValueFormatError,
    chinese_numeral,
    parse_value,
    plain_locale,
    probed_plain_locale,
)
from perfcheck._engine.compile import view_ledger

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


def doc(
    *figures: dict[str, Any], unit: str | None = "万元", locale: str = "zh_CN", **extra: Any
) -> dict[str, Any]:
    d: dict[str, Any] = {"perfcheck": "1", "locale": locale, "figures": list(figures), "relations": []}
    if unit is not None:
        d["unit"] = unit
    d.update(extra)
    return d


def problems(data: dict[str, Any]) -> list[str]:
    with pytest.raises(LedgerError) as info:
        perfcheck.validate(data)
    return [p.message for p in info.value.problems]


# -- numbers in each locale --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "locale", "number", "decimals"),
    [
        ("1,234.56", "zh_CN", "1234.56", 2),
        ("1,234.56", "en_US", "1234.56", 2),
        ("1234.56", "en_US", "1234.56", 2),
        ("1.234,56", "de_DE", "1234.56", 2),
        ("1.234.567,5", "de_DE", "1234567.5", 1),
        ("1 234,56", "fr_FR", "1234.56", 2),
        ("1\u202f234,56", "fr_FR", "1234.56", 2),
        ("1\u00a0234,56", "fr_FR", "1234.56", 2),
        ("1'234.56", "de_CH", "1234.56", 2),
        ("1’234.56", "de_CH", "1234.56", 2),
        ("12,34,567.89", "en_IN", "1234567.89", 2),
        ("1 234 567,00", "ru_RU", "1234567.00", 2),
        ("-4966.66", "zh_CN", "-4966.66", 2),
        ("−4966.66", "zh_CN", "-4966.66", 2),
        ("0", "zh_CN", "0", 0),
        ("2.10", "zh_CN", "2.10", 2),
        ("0.0001", "en_US", "0.0001", 4),
    ],
)
def test_numbers_per_locale(text: str, locale: str, number: str, decimals: int) -> None:
    parsed = parse_value(text, locale)
    assert parsed == ParsedValue(Decimal(number), decimals, None)


@pytest.mark.parametrize(
    ("text", "locale", "suggestion"),
    [
        ("1,234.5", "de_DE", "1.234,5"),
        ("12,34", "en_US", "1,234"),
        ("1,2345.6", "en_US", "12,345.6"),
        ("1.23.4", "de_DE", "1.234"),
        ("12,34,567.89", "en_US", "1,234,567.89"),
        ("1,234,567.89", "en_IN", "12,34,567.89"),
    ],
)
def test_misgrouped_numbers_are_refused_with_babels_suggestions(
    text: str, locale: str, suggestion: str
) -> None:
    with pytest.raises(ValueFormatError) as info:
        parse_value(text, locale)
    assert suggestion in info.value.suggestions
    assert "did you mean" in str(info.value)
    assert repr(suggestion) in str(info.value)


def test_misgrouped_number_is_read_leniently_only_when_asked() -> None:
    # Why strict is the default: leniently, 1,234.5 in de_DE is not 1234.5.
    assert parse_value("1,234.5", "de_DE", strict=False).number != Decimal("1234.5")


def test_the_locale_is_never_taken_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LC_ALL", "LC_NUMERIC", "LANG", "LANGUAGE"):
        monkeypatch.setenv(name, "de_DE.UTF-8")
    assert parse_value("1,234.5", "en_US").number == Decimal("1234.5")
    with pytest.raises(ValueError, match="unknown locale"):
        parse_value("1", "")
    with pytest.raises(ValueError, match="unknown locale"):
        parse_value("1", "xx_XX")
    with pytest.raises(ValueError, match="unknown locale"):
        parse_value("七名", "xx_XX")


@pytest.mark.parametrize("locale", sorted(PLAIN_LOCALES))
def test_the_locales_known_to_read_plain_values_are_babels_answer(locale: str) -> None:
    # plain_locale answers these without asking babel (a process's first ask costs about
    # 0.02 s and 5 MiB); babel, asked, must say the same
    assert probed_plain_locale(locale)
    assert plain_locale(locale)


@pytest.mark.parametrize("locale", ["de_DE", "xx_XX", ""])
def test_other_locales_are_still_asked_of_babel(locale: str) -> None:
    assert locale not in PLAIN_LOCALES
    assert plain_locale(locale) is probed_plain_locale(locale) is False


# -- full-width forms and spaces ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number", "decimals", "unit"),
    [
        ("１３２.３５", "132.35", 2, None),
        ("１３２．３５", "132.35", 2, None),
        ("３８.５６％", "38.56", 2, "%"),
        ("１，２３４．５６", "1234.56", 2, None),
        ("－５", "-5", 0, None),
        ("38.56 %", "38.56", 2, "%"),
        ("38.56\u00a0%", "38.56", 2, "%"),
        ("38.56\u3000%", "38.56", 2, "%"),
        (" 132.35万元 ", "132.35", 2, "万元"),
        ("132.35 万元", "132.35", 2, "万元"),
    ],
)
def test_full_width_and_spaces(text: str, number: str, decimals: int, unit: str | None) -> None:
    assert parse_value(text, "zh_CN") == ParsedValue(Decimal(number), decimals, unit)


@pytest.mark.parametrize("text", ["10²", "①", "1½", "⑴"])
def test_look_alike_digits_are_refused(text: str) -> None:
    with pytest.raises(ValueFormatError, match="cannot read"):
        parse_value(text, "zh_CN")


# -- units and scale words in the value --------------------------------------------


@pytest.mark.parametrize(
    ("text", "locale", "number", "decimals", "unit"),
    [
        ("132.35万元", "zh_CN", "132.35", 2, "万元"),
        ("4060例", "zh_CN", "4060", 0, "例"),
        ("38.56%", "zh_CN", "38.56", 2, "%"),
        ("3.2个百分点", "zh_CN", "3.2", 1, "个百分点"),
        ("3.2百分点", "zh_CN", "3.2", 1, "百分点"),
        ("1.2亿元", "zh_CN", "1.2", 1, "亿元"),
        ("12千元", "zh_CN", "12", 0, "千元"),
        ("3百万元", "zh_CN", "3", 0, "百万元"),
        ("1.5万人次", "zh_CN", "1.5", 1, "万人次"),
        ("2万亿元", "zh_CN", "2", 0, "万亿元"),
        ("EUR 1.5 million", "en_US", "1.5", 1, "EUR million"),
        ("EUR 1,5 Million", "de_DE", "1.5", 1, "EUR million"),
        ("1.5 million EUR", "en_US", "1.5", 1, "EUR million"),
        ("EUR 1,500", "en_US", "1500", 0, "EUR"),
        ("1 500,00 EUR", "fr_FR", "1500.00", 2, "EUR"),
        ("USD 2.5 billion", "en_US", "2.5", 1, "USD billion"),
        ("CNY 12 thousand", "en_US", "12", 0, "CNY thousand"),
        ("百分之三十八点五六", "zh_CN", "38.56", 2, "%"),
    ],
)
def test_units_and_scales_in_the_value(text: str, locale: str, number: str, decimals: int, unit: str) -> None:
    assert parse_value(text, locale) == ParsedValue(Decimal(number), decimals, unit)


@pytest.mark.parametrize(
    ("text", "context", "number", "unit"),
    [
        # A bare scale word applies to the figure's unit, else the document's.
        ("12万", {"unit": "元"}, "12", "万元"),
        ("12万", {"default_unit": "元"}, "12", "万元"),
        ("12万", {"unit": "人"}, "12", "万人"),
        ("12万", {"unit": "人", "default_unit": "万元"}, "12", "万人"),
        ("1.2亿", {"unit": "CNY"}, "1.2", "亿元"),
        ("1.5 million", {"unit": "EUR"}, "1.5", "EUR million"),
        ("1.5 million", {"unit": "元"}, "1.5", "百万元"),
        ("3千", {"unit": "份"}, "3", "千份"),
        ("1.5 million", {"unit": "人次"}, "1.5", "百万人次"),
        ("十二万", {"unit": "人"}, "12", "万人"),
        # A printed unit agrees with the figure's unit, up to a scale when the figure's has none.
        ("132.35万元", {"unit": "万元"}, "132.35", "万元"),
        ("132.35万元", {"unit": "元"}, "132.35", "万元"),
        ("132.35万元", {"unit": "CNY"}, "132.35", "万元"),
        ("12万人", {"unit": "人"}, "12", "万人"),
        ("12万人", {"unit": "万人"}, "12", "万人"),
        ("3.2个百分点", {"unit": "百分点"}, "3.2", "个百分点"),
        ("EUR 1.5 million", {"unit": "EUR million"}, "1.5", "EUR million"),
        ("EUR 1.5 million", {"unit": "EUR"}, "1.5", "EUR million"),
        # The document's unit is only a default: a printed unit overrides it.
        ("1.2亿元", {"default_unit": "万元"}, "1.2", "亿元"),
        ("38.56%", {"default_unit": "万元"}, "38.56", "%"),
        ("4060例", {"default_unit": "元"}, "4060", "例"),
        # A bare number has no unit of its own.
        ("132.35", {"unit": "万元"}, "132.35", None),
    ],
)
def test_scale_words_and_units_against_the_figure(
    text: str, context: dict[str, str], number: str, unit: str | None
) -> None:
    parsed = parse_value(text, "zh_CN", **context)  # type: ignore[arg-type]
    assert (parsed.number, parsed.unit) == (Decimal(number), unit)


@pytest.mark.parametrize(
    ("text", "context", "fragment"),
    [
        ("5%", {"unit": "元"}, "printed in % but its unit is 元 (percent, not amount in CNY)"),
        ("1.2亿元", {"unit": "万元"}, "printed in 亿元 but its unit is 万元 (a different scale"),
        ("132.35元", {"unit": "万元"}, "printed in 元 but its unit is 万元"),
        ("4060例", {"unit": "人"}, "it counts 例, not 人"),
        ("12 EUR", {"unit": "USD"}, "amount in EUR, not amount in USD"),
        ("12 EUR", {"unit": "元"}, "amount in EUR, not amount in CNY"),
        ("3.2个百分点", {"unit": "%"}, "points, not percent"),
        ("120000人", {"unit": "万人"}, "a different scale"),
    ],
)
def test_a_unit_that_contradicts_the_figure_is_a_conflict(
    text: str, context: dict[str, str], fragment: str
) -> None:
    with pytest.raises(ValueConflictError) as info:
        parse_value(text, "zh_CN", **context)  # type: ignore[arg-type]
    assert fragment in str(info.value)
    assert repr(text) in str(info.value)


@pytest.mark.parametrize(
    ("text", "context", "fragment"),
    [
        ("12万", {"default_unit": "万元"}, "ambiguous"),
        ("12万", {"unit": "万元"}, "ambiguous"),
        ("1.5 million", {"unit": "EUR million"}, "print the unit (EUR 1.5 million)"),
        ("12万", {}, "needs a unit"),
        ("12万", {"unit": "%"}, "does not go with %"),
        ("12万", {"unit": "EUR"}, "does not go with EUR"),
        ("12万%", {}, "does not go with %"),
        ("12万万元", {}, "two scale words"),
        ("十二万万元", {}, "not a Chinese numeral"),
        ("十二万 million", {"unit": "元"}, "two scale words"),
        ("12元万", {}, "follows the unit"),
        ("EUR 12 USD", {}, "two units"),
        ("12%元", {}, "two units"),
        ("XYZ 12", {}, "unknown currency code 'XYZ'"),
        ("12 ABC", {}, "unknown currency code 'ABC'"),
        ("12 apples", {}, "'apples' is not a unit"),
        ("12斗", {}, "'斗' is not a unit"),
        ("约3万以上", {"unit": "人"}, "both about and at_least"),
    ],
)
def test_unreadable_words(text: str, context: dict[str, str], fragment: str) -> None:
    with pytest.raises(ValueFormatError) as info:
        parse_value(text, "zh_CN", **context)  # type: ignore[arg-type]
    assert fragment in str(info.value)
    assert "cannot read" in str(info.value)


# -- qualifiers --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit", "number", "parsed_unit", "qualifier"),
    [
        ("10000余份", None, "10000", "份", "more_than"),
        ("20000人以上", None, "20000", "人", "at_least"),
        ("近3万", "人", "3", "万人", "at_most"),
        ("约2万", "人", "2", "万人", "about"),
        ("约20000", "人", "20000", None, "about"),
        ("逾500", "人", "500", None, "more_than"),
        ("超过1000人次", None, "1000", "人次", "more_than"),
        ("不足3万元", None, "3", "万元", "at_most"),
        ("3万多人", None, "3", "万人", "more_than"),
        ("10余万元", None, "10", "万元", "more_than"),
        ("1万余元", None, "1", "万元", "more_than"),
        ("500人左右", None, "500", "人", "about"),
        ("至少20户", None, "20", "户", "at_least"),
        ("不少于20户", None, "20", "户", "at_least"),
        ("不超过5%", None, "5", "%", "at_most"),
        ("5%以下", None, "5", "%", "at_most"),
        ("十余人", None, "10", "人", "more_than"),
        ("约 EUR 1.5 million", None, "1.5", "EUR million", "about"),
        ("over EUR 2 million", None, "2", "EUR million", "more_than"),
        ("About 300", "人", "300", None, "about"),
        ("约3万左右", "人", "3", "万人", "about"),
    ],
)
def test_qualifier_words(
    text: str, unit: str | None, number: str, parsed_unit: str | None, qualifier: str
) -> None:
    parsed = parse_value(text, "zh_CN", unit=unit)
    assert parsed == ParsedValue(Decimal(number), 0 if "." not in number else 1, parsed_unit, qualifier)  # type: ignore[arg-type]


def test_a_qualifier_word_must_agree_with_the_qualifier_key() -> None:
    assert parse_value("10000余份", "zh_CN", qualifier="more_than").qualifier == "more_than"
    assert parse_value("10000", "zh_CN", qualifier="more_than").qualifier is None  # the key alone is enough
    with pytest.raises(ValueConflictError, match="says more_than but the figure's qualifier is at_most"):
        parse_value("10000余份", "zh_CN", qualifier="at_most")


# -- Chinese numerals --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number", "decimals", "unit"),
    [
        ("七名", "7", 0, "名"),
        ("两个", "2", 0, "个"),
        ("十二万元", "12", 0, "万元"),
        ("一百零五人", "105", 0, "人"),
        ("三千人", "3000", 0, "人"),
        ("两千三百份", "2300", 0, "份"),
        ("二十五户", "25", 0, "户"),
        ("三亿五千万元", "35000", 0, "万元"),
        ("一亿零五百万元", "10500", 0, "万元"),
        ("壹拾贰万元", "12", 0, "万元"),
        ("三点五万元", "3.5", 1, "万元"),
        ("零元", "0", 0, "元"),
    ],
)
def test_chinese_numerals(text: str, number: str, decimals: int, unit: str) -> None:
    assert parse_value(text, "zh_CN") == ParsedValue(Decimal(number), decimals, unit)


@pytest.mark.parametrize(
    "text",
    [
        "一百五",
        "一万五",
        "一千五十",
        "一百十",
        "二〇二一",
        "百",
        "万",
        "一亿五百万",
        "一百零五十",
        "三万点五",
        "点五",
        "三点",
        "一万二万",
    ],
)
def test_colloquial_or_malformed_numerals_are_refused(text: str) -> None:
    with pytest.raises(ValueFormatError, match="cannot read"):
        chinese_numeral(text)


_CN = "零一二三四五六七八九"


def _section(n: int) -> str:
    """An independent writer of a standard numeral below 10000 (no leading 一 before 十)."""
    out = ""
    zero = False
    for value, char in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit:
            if zero and out:
                out += "零"
            out += _CN[digit] + char
            zero = False
        else:
            zero = True
    return out


def write_numeral(n: int) -> str:
    if n == 0:
        return "零"
    high, low = divmod(n, 10_000)
    if not high:
        text = _section(low)
        return text[1:] if text.startswith("一十") else text
    out = _section(high) + "万"
    if low:
        out += ("零" if low < 1000 else "") + _section(low)
    return out


@given(st.integers(min_value=0, max_value=99_999_999))
def test_every_standard_numeral_reads_back(n: int) -> None:
    text = write_numeral(n)
    if text.endswith("万"):
        assert chinese_numeral(text) == (Decimal(n // 10_000), 0, 4)
    else:
        assert chinese_numeral(text) == (Decimal(n), 0, 0)


def test_numerals_below_a_thousand_exhaustively() -> None:
    for n in range(1000):
        assert chinese_numeral(write_numeral(n))[0] == n, write_numeral(n)


# -- property: babel's own formatting reads back --------------------------------------


def _matching_pattern(locale: str, places: int) -> str:
    """The locale's own decimal pattern with exactly ``places`` decimals, like ``#,##0.00``."""
    pattern = Locale.parse(locale).decimal_formats[None].pattern
    return re.sub(r"\.[0#]+", "." + "0" * places if places else "", pattern)


decimals_0_to_4 = st.integers(min_value=0, max_value=4).flatmap(
    lambda places: st.decimals(
        min_value=Decimal("-1e12"),
        max_value=Decimal("1e12"),
        places=places,
        allow_nan=False,
        allow_infinity=False,
    )
)


@given(decimals_0_to_4, st.sampled_from(LOCALES))
def test_babel_formatted_decimals_read_back(value: Decimal, locale: str) -> None:
    places = max(0, -int(value.as_tuple().exponent))
    text = format_decimal(value, format=_matching_pattern(locale, places), locale=locale)
    parsed = parse_value(text, locale)
    assert parsed.number == value
    assert parsed.decimals == places
    assert parsed.unit is None


@given(decimals_0_to_4, st.sampled_from(LOCALES))
def test_full_width_babel_output_reads_back(value: Decimal, locale: str) -> None:
    places = max(0, -int(value.as_tuple().exponent))
    text = format_decimal(value, format=_matching_pattern(locale, places), locale=locale)
    wide = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)
    assert parse_value(wide + "％", locale) == ParsedValue(value, places, "%")


def test_a_babel_pattern_keeps_trailing_zeros() -> None:
    text = format_decimal(Decimal("30.00"), format=_matching_pattern("de_DE", 2), locale="de_DE")
    assert text == "30,00"
    assert parse_value(text, "de_DE").decimals == 2


# -- the document: errors name the figure; parsed words reach the interval ----------------


@pytest.mark.parametrize(
    ("figure", "fragment"),
    [
        ({"id": "income", "value": "1,234.5", "unit": "元"}, "or '1.234,5'?"),
        ({"id": "income", "value": "5%", "unit": "元"}, "printed in % but its unit is 元"),
        ({"id": "income", "value": "10000余份", "qualifier": "at_most"}, "says more_than"),
        ({"id": "income", "value": "12 XYZ"}, "unknown currency code 'XYZ'"),
        ({"id": "income", "value": "12万"}, "ambiguous"),
        ({"id": "income", "value": "一百五"}, "not a Chinese numeral"),
    ],
)
def test_document_errors_name_the_figure_and_quote_the_value(figure: dict[str, str], fragment: str) -> None:
    (message,) = problems(doc(figure, locale="de_DE" if figure["value"] == "1,234.5" else "zh_CN"))
    assert message.startswith("figure 'income': ")
    assert repr(figure["value"]) in message
    assert fragment in message


def test_unknown_figure_unit_is_reported_once() -> None:
    messages = problems(doc({"id": "a", "value": "12万", "unit": "斗"}, unit="元"))
    assert messages == ["figure 'a': unknown unit '斗'"]


def views(*figures: dict[str, Any], **kw: Any) -> dict[str, Any]:
    return view_ledger(perfcheck.validate(doc(*figures, **kw)))


def test_a_scale_word_converts_value_and_rounding_interval() -> None:
    v = views({"id": "a", "value": "1.2亿元"})["a"]
    assert (v.unit.symbol, v.number, v.decimals) == ("亿元", Decimal("1.2"), 1)
    assert v.interval == Interval(Decimal("1.15"), Decimal("1.25"))
    assert v.base == Interval(Decimal(115000000), Decimal(125000000))


def test_a_bare_scale_word_on_a_count_is_a_rounded_count() -> None:
    v = views({"id": "a", "value": "12万", "unit": "人"})["a"]
    assert (v.unit.symbol, v.exact) == ("万人", False)
    assert v.base == Interval(Decimal(115000), Decimal(125000))
    exact = views({"id": "b", "value": "120000", "unit": "人"})["b"]
    assert exact.exact
    assert exact.base == Interval.point(Decimal(120000))


def test_chinese_numeral_counts_are_exact() -> None:
    v = views({"id": "a", "value": "七名"})["a"]
    assert v.exact
    assert v.base == Interval.point(Decimal(7))


@pytest.mark.parametrize(
    ("value", "interval"),
    [
        ("10000余份", (Decimal(10000), INF)),
        ("20000人以上", (Decimal(20000), INF)),
        ("不足3万人", (-INF, Decimal(30000))),
        ("约2万人", (Decimal(15000), Decimal(25000))),
        ("约20000人", (Decimal(15000), Decimal(25000))),
    ],
)
def test_a_qualifier_word_makes_a_bound_or_an_estimate(value: str, interval: tuple[Decimal, Decimal]) -> None:
    v = views({"id": "a", "value": value})["a"]
    assert (v.base.lo, v.base.hi) == interval
    assert not v.exact


def test_the_qualifier_key_and_an_agreeing_word_give_the_same_interval() -> None:
    both = views({"id": "a", "value": "10000余份", "qualifier": "more_than"})["a"]
    word = views({"id": "a", "value": "10000余份"})["a"]
    key = views({"id": "a", "value": "10000", "unit": "份", "qualifier": "more_than"})["a"]
    assert both.base == word.base == key.base


def test_relations_see_scaled_values() -> None:
    def check(printed: str) -> bool:
        return perfcheck.check(
            perfcheck.validate(
                doc(
                    {"id": "big", "value": "1.2亿元"},
                    {"id": "same", "value": printed},
                    relations=[{"id": "r", "kind": "equal", "figures": ["big", "same"]}],
                )
            )
        ).ok

    assert check("12000")  # 万元, the document's unit
    assert check("12400")  # 1.2亿 is 1.15 to 1.25 亿
    assert check("十二亿元") is False
    assert not check("12600")


def test_a_qualified_count_no_longer_breaks_a_sum() -> None:
    figures = [
        {"id": "total", "value": "10000余份"},
        {"id": "a", "value": "6000份"},
        {"id": "b", "value": "4500份"},
    ]
    relations = [{"id": "r", "kind": "sum", "total": "total", "parts": ["a", "b"]}]
    assert perfcheck.check(perfcheck.validate(doc(*figures, relations=relations))).ok
    figures[0]["value"] = "10000份"
    assert not perfcheck.check(perfcheck.validate(doc(*figures, relations=relations))).ok


def test_json_numbers_keep_working() -> None:
    ledger = perfcheck.loads('{"perfcheck": "1", "unit": "万元", "figures": [{"id": "a", "value": 2.10}]}')
    assert ledger.parsed("a") == ParsedValue(Decimal("2.10"), 2, None)
    assert parse_value(Decimal("2.10"), "de_DE") == ParsedValue(Decimal("2.10"), 2, None)
    assert parse_value(7, "de_DE") == ParsedValue(Decimal(7), 0, None)
