"""Read a printed value: a number in a locale's notation, with its unit, scale and qualifier.

The locale is always given by the caller (the document's ``locale``); nothing is
read from the environment. Parsing is strict: misgrouped numbers are rejected with
babel's suggestions, and nothing but a number, known words around it and known
marks is accepted.

A value is ``[qualifier] [currency code] number [scale] [unit] [qualifier]``, with
spaces allowed between the parts:

>>> v = parse_value("132.35万元", "zh_CN")
>>> v.number, v.decimals, v.unit
(Decimal('132.35'), 2, '万元')
>>> parse_value("１３２.３５", "zh_CN").number
Decimal('132.35')
>>> parse_value("1.234,50", "de_DE").decimals
2
>>> parse_value("10000余份", "zh_CN")
ParsedValue(number=Decimal('10000'), decimals=0, unit='份', qualifier='more_than')
>>> parse_value("EUR 1.5 million", "en_US")
ParsedValue(number=Decimal('1.5'), decimals=1, unit='EUR million', qualifier=None)

A scale word is never multiplied into the number: the value keeps the digits as
printed and carries the scaled unit, so its rounding interval is taken in that unit
(``1.2亿元`` is 1.2 ± 0.05 亿元). A bare scale word applies to the figure's unit:

>>> parse_value("12万", "zh_CN", unit="人")
ParsedValue(number=Decimal('12'), decimals=0, unit='万人', qualifier=None)
>>> parse_value("十二万元", "zh_CN")
ParsedValue(number=Decimal('12'), decimals=0, unit='万元', qualifier=None)
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, localcontext
from functools import lru_cache
from typing import TYPE_CHECKING, Final, Literal

from perfcheck._core import lazy

if TYPE_CHECKING:
    import babel
    from babel import numbers
else:
    # loaded when a value is not read as written (a locale's grouping) or a locale is parsed
    babel = lazy.module("babel")
    numbers = lazy.module("babel.numbers")

from perfcheck._core.errors import ValueConflictError, ValueFormatError  # re-exported: raised by parse_value
from perfcheck._core.interval import NEAR
from perfcheck._core.numerals import CN_NUMERAL, chinese_numeral
from perfcheck._core.units import (
    CHINESE_SCALES,
    ENGLISH_SCALES,
    Kind,
    Unit,
    UnknownUnitError,
    lookup_unit,
    scaled,
    value_stems,
)

__all__ = [
    "MAX_DIGITS",
    "MAX_EXPONENT",
    "PLAIN_LOCALES",
    "PLAIN_NUMBER",
    "QUALIFIERS_AFTER",
    "QUALIFIERS_BEFORE",
    "ParsedValue",
    "Qualifier",
    "ValueConflictError",
    "ValueFormatError",
    "check_locale",
    "chinese_numeral",
    "parse_value",
    "plain_locale",
    "probed_plain_locale",
    "require_locale",
]

Qualifier = Literal["at_least", "more_than", "at_most", "about"]

#: The longest number of digits a value may have; longer values are rejected.
MAX_DIGITS: Final = 40
#: The largest decimal exponent, either way, a value may have.
MAX_EXPONENT: Final = 60

#: Words before the number that make the figure a bound or an estimate.
QUALIFIERS_BEFORE: Final[dict[str, Qualifier]] = {
    "约": "about",
    "大约": "about",
    "大概": "about",
    "近": "at_most",
    "将近": "at_most",
    "接近": "at_most",
    "逾": "more_than",
    "超": "more_than",
    "超过": "more_than",
    "多于": "more_than",
    "高于": "more_than",
    "大于": "more_than",
    "至少": "at_least",
    "不少于": "at_least",
    "不低于": "at_least",
    "不足": "at_most",
    "不到": "at_most",
    "少于": "at_most",
    "低于": "at_most",
    "小于": "at_most",
    "最多": "at_most",
    "至多": "at_most",
    "不超过": "at_most",
    "不多于": "at_most",
    "不高于": "at_most",
    "about": "about",
    "approximately": "about",
    "around": "about",
    "nearly": "at_most",
    "almost": "at_most",
    "over": "more_than",
    "more than": "more_than",
    "at least": "at_least",
    "at most": "at_most",
    "up to": "at_most",
    "less than": "at_most",
    "under": "at_most",
}
#: Words after the number (or after its scale or unit) that make the figure a bound or an estimate.
QUALIFIERS_AFTER: Final[dict[str, Qualifier]] = {
    "余": "more_than",
    "多": "more_than",
    "以上": "at_least",
    "及以上": "at_least",
    "以下": "at_most",
    "及以下": "at_most",
    "以内": "at_most",
    "左右": "about",
    "上下": "about",
}
#: Before the number, ``百分之`` (百分之三十八 is 38 %) prints the unit ``%``.
#: Texts that print nothing: a blank or a dash, "no figure here", never zero.
BLANKS: Final = frozenset({"", "-", "--", "—", "——", "–", "－", "/", "／", "…"})
#: How a ledger document reads a blank value: an error (the default), or no figure at all.
BLANK_MODES: Final = ("error", "absent")


def is_blank_text(text: str) -> bool:
    """Whether ``text`` prints nothing: empty, a dash, a slash (spaces around it aside).

    >>> [is_blank_text(t) for t in ("", " — ", "－", "0", "-1")]
    [True, True, True, False, False]
    """
    return text.strip().strip("\u3000") in BLANKS


_PERCENT_WORD: Final = "百分之"

_SPACE: Final = " "
_ARABIC: Final = re.compile(r"[+\-]?(?:[0-9]|[.,][0-9])[0-9.,'’ ]*")
_ISO: Final = re.compile(r"[A-Z]{3}(?![A-Za-z])")
_FULLWIDTH_DIGITS: Final = frozenset("０１２３４５６７８９")


@dataclass(frozen=True, slots=True)
class ParsedValue:
    """A number as printed.

    Attributes:
        number: its exact value, in ``unit``: the digits as printed, never multiplied
            by a scale word.
        decimals: digits printed after the decimal mark (0 for ``"30"``).
        unit: the unit the value is printed in when the value says so itself, by a
            suffix (``万元``, ``%``), a currency code or a scale word (``12万`` of a
            figure in 人 is in 万人); None for a bare number.
        qualifier: the bound or estimate its words make of it (``10000余`` is
            ``more_than``), or None.
    """

    number: Decimal
    decimals: int
    unit: str | None
    qualifier: Qualifier | None = None


@lru_cache(maxsize=64)
def check_locale(name: str) -> babel.Locale:
    """Return the babel locale called ``name`` (``zh_CN``, ``en_US``, ``de_DE``).

    Raises:
        ValueError: the name is not a locale babel knows.
    """
    if not isinstance(name, str) or not name:
        msg = f"unknown locale {name!r}"
        raise ValueError(msg)
    try:
        return babel.Locale.parse(name)
    except (babel.UnknownLocaleError, ValueError, TypeError) as exc:
        msg = f"unknown locale {name!r}"
        raise ValueError(msg) from exc


# -- words around the number ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Token:
    kind: Literal["qualifier", "scale", "unit"]
    text: str
    qualifier: Qualifier | None = None
    exponent: int = 0


def _vocabulary_after() -> list[tuple[str, _Token]]:
    words: list[tuple[str, _Token]] = [
        *((w, _Token("qualifier", w, qualifier=q)) for w, q in QUALIFIERS_AFTER.items()),
        *((w, _Token("scale", w, exponent=e)) for w, e in {**CHINESE_SCALES, **ENGLISH_SCALES}.items()),
        *((w, _Token("unit", w)) for w in value_stems()),
    ]
    return sorted(words, key=lambda item: len(item[0]), reverse=True)


_AFTER: Final = _vocabulary_after()
_BEFORE: Final = sorted(
    [
        *((w, _Token("qualifier", w, qualifier=q)) for w, q in QUALIFIERS_BEFORE.items()),
        (_PERCENT_WORD, _Token("unit", "%")),
    ],
    key=lambda item: len(item[0]),
    reverse=True,
)


def _candidates(words: list[tuple[str, _Token]]) -> dict[str, list[tuple[str, _Token]]]:
    """For each first character a text may show, the words of ``words`` that may start there, in order.

    An English word matches in any case, so under both cases of its first letter; a character
    whose lower case starts with an ASCII letter (the Kelvin sign) has no entry, and
    :func:`_word_at` reads all the words there.
    """
    index: dict[str, list[tuple[str, _Token]]] = {}
    for word, token in words:
        first = word[0]
        keys = {first, first.upper()} if word.isascii() else {first}
        for key in keys:
            if key.isascii() or not key.lower()[:1].isascii():
                index.setdefault(key, []).append((word, token))
    return index


_INDEXES: dict[int, tuple[list[tuple[str, _Token]], dict[str, list[tuple[str, _Token]]]]] = {}


def _word_at(text: str, pos: int, words: list[tuple[str, _Token]]) -> tuple[str, _Token] | None:
    """The longest word of ``words`` at ``pos``; English words match whole and in any case."""
    if pos < len(text):
        cached = _INDEXES.get(id(words))
        if cached is None or cached[0] is not words:
            cached = _INDEXES[id(words)] = (words, _candidates(words))
        first = text[pos]
        if first.isascii() or not first.lower()[:1].isascii():
            words = cached[1].get(first, [])
    for word, token in words:
        if word.isascii():
            end = pos + len(word)
            if text[pos:end].lower() == word and not (
                end < len(text) and text[end].isascii() and text[end].isalpha()
            ):
                return text[pos:end], token
        elif text.startswith(word, pos):
            return word, token
    return None


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] == _SPACE:
        pos += 1
    return pos


def _token_at(text: str, pos: int, words: list[tuple[str, _Token]]) -> tuple[_Token, int] | None:
    """The word of ``words`` or the ISO currency code at ``pos``, and the position after it."""
    found = _word_at(text, pos, words)
    if found is not None:
        return found[1], pos + len(found[0])
    iso = _ISO.match(text, pos)
    return None if iso is None else (_Token("unit", iso.group()), iso.end())


def _prefix(text: str) -> tuple[list[_Token], int]:
    tokens: list[_Token] = []
    pos = _skip_spaces(text, 0)
    while (read := _token_at(text, pos, _BEFORE)) is not None:
        tokens.append(read[0])
        pos = _skip_spaces(text, read[1])
    return tokens, pos


def _suffix(text: str, pos: int, original: str) -> list[_Token]:
    tokens: list[_Token] = []
    while (pos := _skip_spaces(text, pos)) < len(text):
        read = _token_at(text, pos, _AFTER)
        if read is not None:
            tokens.append(read[0])
            pos = read[1]
            continue
        msg = (
            f"cannot read {original!r}: {text[pos:]!r} is not a unit, scale word or qualifier "
            "perfcheck knows (see docs/values.md)"
        )
        raise ValueFormatError(msg, original)
    return tokens


def _normalize(text: str) -> str:
    """Full-width digits, marks and spaces as ASCII (NFKC); other look-alike digits are refused."""
    out = []
    for ch in text:
        norm = unicodedata.normalize("NFKC", ch)
        if norm != ch and ch not in _FULLWIDTH_DIGITS and any(c.isdigit() for c in norm):
            msg = f"cannot read {text!r}: {ch!r} is not a digit"
            raise ValueFormatError(msg, text)
        out.append(norm)
    normalized = "".join(out).replace("−", "-")
    return re.sub(r"\s", _SPACE, normalized).strip(_SPACE)


# -- numbers -------------------------------------------------------------------

#: The number of a plain value: ASCII digits with an optional sign and decimal point
#: (possessive: one pass). A plain value is this and an optional percent sign; the fast
#: path (perfcheck._engine.fast) accepts exactly these values.
PLAIN_NUMBER: Final = r"-?+[0-9]++(?:\.[0-9]++)?+"
_PLAIN_NUMBER: Final = re.compile(rf"({PLAIN_NUMBER})(%?)").fullmatch
_PLAIN_PROBES: Final = (
    "007",
    "-0.00",
    "00.5",
    "1234567.25",
    "-12.5",
    "5",
    "123456789012345678.125",
    "38.56%",
)


def require_locale(name: str) -> None:
    """Raise unless ``name`` is a locale babel knows, as :func:`check_locale` does, without its object.

    The locales of :data:`PLAIN_LOCALES` are known without asking babel (parsing ``zh_CN``
    loads babel's global data: about 0.005 s and 3 MiB the first time in a process).

    Raises:
        ValueError: the name is not a locale babel knows.

    >>> require_locale("zh_CN")
    >>> require_locale("xx_XX")
    Traceback (most recent call last):
    ...
    ValueError: unknown locale 'xx_XX'
    """
    if name not in PLAIN_LOCALES:
        check_locale(name)


#: Locales known to read plain values as written: a document's default (``en_US``) and the
#: reports' own (``zh_CN``). Asking babel costs a process about 0.02 s and 5 MiB of locale
#: data the first time, more than a batch of small documents takes to check otherwise;
#: tests/test_values.py holds this set to babel's answer (:func:`probed_plain_locale`).
PLAIN_LOCALES: Final = frozenset({"en_US", "zh_CN"})


def plain_locale(name: str) -> bool:
    """Whether plain values (``1234.56``, ``-3``, ``38.56%``) read in locale ``name`` as written.

    True of most locales that print a decimal point (``en_US``, ``zh_CN``); false of
    those with a decimal comma (``de_DE``), where ``1234.56`` is an error, and of
    unknown locales. Decided by reading probe values through babel once per locale,
    except for the locales of :data:`PLAIN_LOCALES`, whose answer is known.

    >>> plain_locale("zh_CN"), plain_locale("de_DE")
    (True, False)
    """
    return name in PLAIN_LOCALES or probed_plain_locale(name)


@lru_cache(maxsize=256)
def probed_plain_locale(name: str) -> bool:
    """:func:`plain_locale` decided by babel: plain probe values read through it, as written.

    >>> probed_plain_locale("en_US"), probed_plain_locale("de_DE"), probed_plain_locale("xx_XX")
    (True, False, False)
    """
    try:
        check_locale(name)
        for probe in _PLAIN_PROBES:
            here = _parse_full(probe, name, unit=None, default_unit="元", qualifier=None, strict=True)
            plain = _PLAIN_NUMBER(probe)
            assert plain is not None  # noqa: S101 - the probes are plain
            expected = Decimal(plain.group(1))
            if (here.number.as_tuple(), here.unit) != (expected.as_tuple(), "%" if plain.group(2) else None):
                return False
    except ValueError:
        return False
    return True


def _arabic(number_text: str, locale: str, original: str, *, strict: bool) -> Decimal:
    if locale in PLAIN_LOCALES and _PLAIN_NUMBER(number_text) is not None:
        # plain digits read as written there (tests/test_values.py holds it to babel): ``约339人次``
        # needs no locale data, which costs a process 0.02-0.04 s to load the first time
        return Decimal(number_text)
    loc = check_locale(locale)
    group = numbers.get_group_symbol(loc)
    if group.isspace():
        number_text = number_text.replace(_SPACE, group)
    elif group in "'’":
        number_text = number_text.replace("’", group).replace("'", group)
    try:
        with localcontext(NEAR):
            return numbers.parse_decimal(number_text, locale=loc, strict=strict)
    except numbers.NumberFormatError as exc:
        suggestions = list(getattr(exc, "suggestions", None) or [])
        hint = f" (did you mean {' or '.join(map(repr, suggestions))}?)" if suggestions else ""
        msg = f"{original!r} is not a well-formed number in locale {locale}{hint}"
        raise ValueFormatError(msg, original, suggestions) from None


# -- the value -----------------------------------------------------------------


def parse_value(  # noqa: PLR0913 - the figure's context is named, keyword-only
    value: str | Decimal | int,
    locale: str,
    *,
    unit: str | None = None,
    default_unit: str | None = None,
    qualifier: Qualifier | None = None,
    strict: bool = True,
) -> ParsedValue:
    """Parse a printed value in ``locale``.

    A :class:`~decimal.Decimal` or ``int`` (from a JSON number) is taken as is, its
    precision being what its exponent shows.

    Args:
        value: the value as printed.
        locale: how the number is printed (``zh_CN``, ``de_DE``); never guessed.
        unit: the figure's own ``unit``: a unit the value prints must agree with it,
            and a bare scale word applies to it.
        default_unit: the document's ``unit``: a bare scale word applies to it when
            the figure has no unit; a unit the value prints overrides it.
        qualifier: the figure's own ``qualifier``; a qualifier word must agree with it.
        strict: reject misgrouped numbers (babel's strict parsing). Lenient parsing
            can misread ``1,234.5`` in ``de_DE``; keep it on for reports.

    Raises:
        ValueFormatError: the value cannot be read; :class:`ValueConflictError`
            when it contradicts ``unit`` or ``qualifier``.
    """
    if (
        type(value) is str
        and (plain := _PLAIN_NUMBER(value)) is not None
        and (not plain.group(2) or unit in (None, "%"))
        and plain_locale(locale)
    ):
        # Plain digits read the same in every locale that passes plain_locale(): skip babel.
        number, decimals = _checked(Decimal(plain.group(1)), value)
        return ParsedValue(number, decimals, "%" if plain.group(2) else None)
    return _parse_full(
        value, locale, unit=unit, default_unit=default_unit, qualifier=qualifier, strict=strict
    )


def _parse_full(  # noqa: PLR0913 - parse_value's arguments
    value: str | Decimal | int,
    locale: str,
    *,
    unit: str | None,
    default_unit: str | None,
    qualifier: Qualifier | None,
    strict: bool,
) -> ParsedValue:
    if isinstance(value, bool):
        msg = f"value {value!r} is a boolean, not a number"
        raise ValueFormatError(msg, str(value))
    if isinstance(value, int):
        value = Decimal(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            msg = f"value {value} is not a finite number"
            raise ValueFormatError(msg, str(value))
        number, decimals = _checked(value, str(value))
        return ParsedValue(number, decimals, None)
    require_locale(locale)
    text = _normalize(value)
    before, pos = _prefix(text)
    if arabic := _ARABIC.match(text, pos):
        number_text = arabic.group().rstrip(_SPACE)
        end = pos + len(number_text)
        number, decimals = _checked(_arabic(number_text, locale, value, strict=strict), value)
        numeral_exponent = 0
    elif numeral := CN_NUMERAL.match(text, pos):
        number, decimals, numeral_exponent = chinese_numeral(numeral.group())
        number, decimals = _checked(number, value)
        end = numeral.end()
    elif is_blank_text(value):
        msg = (
            f"{value!r} prints nothing (a blank or a dash), not a number; to read blanks as "
            'no figure, set "blanks": "absent" in the document or pass blanks="absent"'
        )
        raise ValueFormatError(msg, value)
    else:
        msg = f"cannot read {value!r} as a number"
        raise ValueFormatError(msg, value)
    after = _suffix(text, end, value)
    words = _Words(value, before, after, numeral_exponent)
    parsed_unit = _resolve_unit(words, value, unit=unit, default_unit=default_unit)
    found = words.qualifier()
    if found is not None and qualifier is not None and found != qualifier:
        msg = f"value {value!r} says {found} but the figure's qualifier is {qualifier}"
        raise ValueConflictError(msg, value)
    return ParsedValue(number, decimals, parsed_unit.symbol if parsed_unit else None, found)


class _Words:
    """The words around a number, checked: one unit, one scale before it, one kind of qualifier."""

    def __init__(self, text: str, before: list[_Token], after: list[_Token], numeral_exponent: int) -> None:
        self.text = text
        self.tokens = [*before, *after]
        units = [t for t in self.tokens if t.kind == "unit"]
        scales = [t for t in after if t.kind == "scale"]
        if numeral_exponent:
            word = next(w for w, e in CHINESE_SCALES.items() if e == numeral_exponent)
            scales.insert(0, _Token("scale", word, exponent=numeral_exponent))
        if len(units) > 1:
            msg = f"cannot read {text!r}: it prints two units ({', '.join(t.text for t in units)})"
            raise ValueFormatError(msg, text)
        if len(scales) > 1:
            msg = f"cannot read {text!r}: it prints two scale words ({', '.join(t.text for t in scales)})"
            raise ValueFormatError(msg, text)
        kinds = [t.kind for t in after]
        if "unit" in kinds and "scale" in kinds and kinds.index("unit") < kinds.index("scale"):
            msg = f"cannot read {text!r}: the scale word {scales[-1].text} follows the unit"
            raise ValueFormatError(msg, text)
        self.unit = units[0].text if units else None
        self.scale = scales[0] if scales else None

    def qualifier(self) -> Qualifier | None:
        found = {t.qualifier for t in self.tokens if t.qualifier is not None}
        if len(found) > 1:
            msg = f"cannot read {self.text!r}: its words say both {' and '.join(sorted(found))}"
            raise ValueFormatError(msg, self.text)
        return found.pop() if found else None


def _lookup(symbol: str, text: str) -> Unit:
    try:
        return lookup_unit(symbol)
    except UnknownUnitError as exc:
        msg = f"cannot read {text!r}: {exc}"
        raise ValueFormatError(msg, text) from None


def _resolve_unit(words: _Words, text: str, *, unit: str | None, default_unit: str | None) -> Unit | None:
    """The unit the value is printed in, from its own words and the figure's context."""
    exponent = words.scale.exponent if words.scale else 0
    scale_word = words.scale.text if words.scale else ""
    if words.unit is not None:
        printed = _lookup(words.unit, text)
    elif exponent:
        context = unit or default_unit
        if context is None:
            msg = (
                f"cannot read {text!r}: the scale word {scale_word} needs a unit; print one "
                f"({text}元, {text}人) or give the figure a unit"
            )
            raise ValueFormatError(msg, text)
        printed = _lookup(context, text)
        if printed.factor != 1:
            spelt = f"{printed.stem} {text}" if printed.stem.isascii() else f"{text}{printed.stem}"
            msg = (
                f"cannot read {text!r} in {printed.symbol}: the scale word {scale_word} on a unit that "
                f"already has a scale is ambiguous; print the unit ({spelt}) or give the "
                f"figure the unit {printed.stem}"
            )
            raise ValueFormatError(msg, text)
    else:
        return None
    effective = scaled(printed, exponent) if exponent else printed
    if effective is None:
        msg = f"cannot read {text!r}: the scale word {scale_word} does not go with {printed.symbol}"
        raise ValueFormatError(msg, text)
    if unit is not None:
        _agree(effective, _lookup(unit, text), text)
    return effective


def _agree(printed: Unit, figure: Unit, text: str) -> None:
    """A unit printed in the value must be the figure's, up to a scale where the figure's has none."""
    why = ""
    if printed.dimension != figure.dimension:
        why = f"{printed.dimension}, not {figure.dimension}"
    elif figure.factor not in (1, printed.factor):
        why = f"a different scale: 1 {printed.symbol} is {printed.factor / figure.factor:f} {figure.symbol}"
    elif printed.kind is Kind.COUNT and printed.stem != figure.stem:
        why = f"it counts {printed.stem}, not {figure.stem}"
    if why:
        msg = f"value {text!r} is printed in {printed.symbol} but its unit is {figure.symbol} ({why})"
        raise ValueConflictError(msg, text)


def _checked(number: Decimal, text: str) -> tuple[Decimal, int]:
    sign, digits, exponent = number.as_tuple()
    del sign
    if not isinstance(exponent, int) or len(digits) > MAX_DIGITS:
        msg = f"value {text!r} has more than {MAX_DIGITS} digits"
        raise ValueFormatError(msg, text)
    if abs(exponent) > MAX_EXPONENT:
        msg = f"value {text!r} has a decimal exponent beyond {MAX_EXPONENT}"
        raise ValueFormatError(msg, text)
    return number, max(0, -exponent)


def excess_digits(number: Decimal, decimals: int) -> bool:
    """Whether ``number`` has a non-zero digit finer than ``decimals`` allows.

    A value printed with ``decimals`` is a multiple of ``10^-decimals``; ``1559`` with
    decimals ``-2`` is not (XBRL Calculations 1.1 calls that excess digits). Read off the
    normalised exponent in perfcheck's own context, whatever the caller's is.

    >>> excess_digits(Decimal("1559"), -2), excess_digits(Decimal("1500"), -2)
    (True, False)
    >>> excess_digits(Decimal("2.10"), 1)
    False
    """
    if not number:
        return False
    exponent = number.normalize(NEAR).as_tuple().exponent
    return isinstance(exponent, int) and exponent < -decimals
