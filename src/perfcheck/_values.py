"""Read a printed value: a number in a locale's notation, optionally followed by a unit.

The locale is always given by the caller (the document's ``locale``); nothing is
read from the environment. Parsing is strict: misgrouped numbers are rejected with
babel's suggestions, and nothing but digits, marks and a known unit is accepted.

>>> v = parse_value("132.35万元", "zh_CN")
>>> v.number, v.decimals, v.unit
(Decimal('132.35'), 2, '万元')
>>> parse_value("１３２.３５", "zh_CN").number
Decimal('132.35')
>>> parse_value("1.234,50", "de_DE").decimals
2
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Final

from babel import Locale, UnknownLocaleError
from babel.numbers import NumberFormatError, get_group_symbol, parse_decimal

from perfcheck._units import known_suffixes

#: The longest number of digits a value may have; longer values are rejected.
MAX_DIGITS: Final = 40
#: The largest decimal exponent, either way, a value may have.
MAX_EXPONENT: Final = 60

_SPACES: Final = "\u0020\u00a0\u202f\u2009\u3000"
_NUMBER: Final = re.compile(r"[+\-]?(?:[0-9]|[.,][0-9])[0-9.,'’" + _SPACES + r"]*")
_SUFFIXES: Final = known_suffixes()


class ValueFormatError(ValueError):
    """A printed value that cannot be read as a number.

    Attributes:
        text: the value as given.
        suggestions: babel's guesses at what was meant, if any.
    """

    def __init__(self, message: str, text: str, suggestions: list[str] | None = None) -> None:
        """Record the message, the text and any suggestions."""
        super().__init__(message)
        self.text = text
        self.suggestions = suggestions or []


@dataclass(frozen=True, slots=True)
class ParsedValue:
    """A number as printed.

    Attributes:
        number: its exact value.
        decimals: digits printed after the decimal mark (0 for ``"30"``).
        unit: the unit printed after the number, or None.
    """

    number: Decimal
    decimals: int
    unit: str | None


@lru_cache(maxsize=64)
def check_locale(name: str) -> Locale:
    """Return the babel locale called ``name`` (``zh_CN``, ``en_US``, ``de_DE``).

    Raises:
        ValueError: the name is not a locale babel knows.
    """
    try:
        return Locale.parse(name)
    except (UnknownLocaleError, ValueError, TypeError) as exc:
        msg = f"unknown locale {name!r}"
        raise ValueError(msg) from exc


def _split_unit(text: str) -> tuple[str, str | None]:
    for suffix in _SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix):
            return text[: -len(suffix)].rstrip(_SPACES), suffix
    return text, None


def parse_value(value: str | Decimal | int, locale: str) -> ParsedValue:
    """Parse a printed value in ``locale``.

    A :class:`~decimal.Decimal` or ``int`` (from a JSON number) is taken as is, its
    precision being what its exponent shows.

    Raises:
        ValueFormatError: the value is not a plain decimal number with an optional unit.
    """
    if isinstance(value, bool):
        msg = f"value {value!r} is a boolean, not a number"
        raise ValueFormatError(msg, str(value))
    if isinstance(value, int):
        value = Decimal(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            msg = f"value {value} is not a finite number"
            raise ValueFormatError(msg, str(value))
        return _checked(value, None, str(value))
    text = unicodedata.normalize("NFKC", value).strip(_SPACES)
    number_text, unit = _split_unit(text)
    number_text = number_text.replace("−", "-")
    if not _NUMBER.fullmatch(number_text):
        msg = f"cannot read {value!r} as a number"
        raise ValueFormatError(msg, value)
    loc = check_locale(locale)
    group = get_group_symbol(loc)
    if group in _SPACES or group.isspace():
        number_text = re.sub(f"[{_SPACES}]", group, number_text)
    try:
        number = parse_decimal(number_text, locale=loc, strict=True)
    except NumberFormatError as exc:
        suggestions = list(getattr(exc, "suggestions", None) or [])
        hint = f" (did you mean {' or '.join(map(repr, suggestions))}?)" if suggestions else ""
        msg = f"{value!r} is not a well-formed number in locale {locale}{hint}"
        raise ValueFormatError(msg, value, suggestions) from None
    return _checked(number, unit, value)


def _checked(number: Decimal, unit: str | None, text: str) -> ParsedValue:
    exponent = number.as_tuple().exponent
    if not isinstance(exponent, int) or len(number.as_tuple().digits) > MAX_DIGITS:
        msg = f"value {text!r} has more than {MAX_DIGITS} digits"
        raise ValueFormatError(msg, text)
    if abs(exponent) > MAX_EXPONENT:
        msg = f"value {text!r} has a decimal exponent beyond {MAX_EXPONENT}"
        raise ValueFormatError(msg, text)
    return ParsedValue(number, max(0, -exponent), unit)
