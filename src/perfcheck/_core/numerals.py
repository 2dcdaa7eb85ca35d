"""Chinese numerals: 一百零五, 十二万, 三亿五千万, 三点五 read as exact numbers.

>>> chinese_numeral("一百零五")
(Decimal('105'), 0, 0)
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final

from perfcheck._core.errors import ValueFormatError

_CN_DIGITS: Final = {
    **dict.fromkeys("零〇", 0),
    **dict.fromkeys("一壹", 1),
    **dict.fromkeys("二两兩贰貳", 2),
    **dict.fromkeys("三叁參", 3),
    **dict.fromkeys("四肆", 4),
    **dict.fromkeys("五伍", 5),
    **dict.fromkeys("六陆陸", 6),
    **dict.fromkeys("七柒", 7),
    **dict.fromkeys("八捌", 8),
    **dict.fromkeys("九玖", 9),
}
_CN_SMALL: Final = {**dict.fromkeys("十拾", 10), **dict.fromkeys("百佰", 100), **dict.fromkeys("千仟", 1000)}
_CN_MYRIAD: Final = frozenset("万萬")
_CN_YI: Final = frozenset("亿億")
_CN_POINT: Final = frozenset("点點")
#: A run of Chinese numeral characters (digits, 十百千, 万, 亿, 点).
CN_NUMERAL: Final = re.compile(
    "[" + "".join([*_CN_DIGITS, *_CN_SMALL, *_CN_MYRIAD, *_CN_YI, *_CN_POINT]) + "]+"
)
_NO_UNIT_YET: Final = 10**5


def _cn_section(text: str, original: str) -> int:
    """A Chinese numeral below 10000 (一百零五, 十二, 两千三百), read strictly."""
    bad = ValueFormatError(
        f"cannot read {original!r}: {text!r} is not a Chinese numeral perfcheck reads", original
    )
    value = 0
    digit: int | None = None
    last_unit = _NO_UNIT_YET
    gap = False
    for ch in text:
        if ch in _CN_DIGITS:
            if digit is not None:
                raise bad  # two digits in a row: 二〇二一
            gap = gap or _CN_DIGITS[ch] == 0
            digit = _CN_DIGITS[ch] or None
            continue
        unit = _CN_SMALL.get(ch)
        if unit is None or not _unit_fits(unit, last_unit, digit=digit, gap=gap):
            raise bad
        value += (digit or 1) * unit
        last_unit, digit, gap = unit, None, False
    if digit is not None:
        # A trailing digit is the ones: after 十, after 零, or alone. 一百五 (150) is refused.
        if last_unit not in (_NO_UNIT_YET, 10) and not (gap and last_unit >= 100):
            raise bad
        value += digit
    return value


def _unit_fits(unit: int, last_unit: int, *, digit: int | None, gap: bool) -> bool:
    """Whether 十, 百 or 千 may follow: 十 alone only first (十二), one step down, or two with 零."""
    if digit is None and (unit != 10 or last_unit != _NO_UNIT_YET or gap):
        return False  # 百 alone, 一百十
    if last_unit == _NO_UNIT_YET:
        return True
    return last_unit >= unit * 100 if gap else last_unit == unit * 10


def _cn_below(text: str, big: int, original: str, *, gap: bool) -> int:
    """The part of a numeral after 万 or 亿: 零 must mark a gap, and only a gap."""
    value = _cn_myriads(text, original) if big > 10**4 else _cn_section(text, original)
    if value and (value < big // 10) != gap:
        msg = f"cannot read {original!r}: {'零 marks no gap' if gap else 'a gap needs 零'} in {text!r}"
        raise ValueFormatError(msg, original)
    return value


def _cn_myriads(text: str, original: str) -> int:
    """A Chinese numeral below 10^8 (一万零五百)."""
    for i, ch in enumerate(text):
        if ch in _CN_MYRIAD:
            high = _cn_section(text[:i], original) if i else 0
            rest = text[i + 1 :]
            if not high:
                msg = f"cannot read {original!r}: nothing before 万"
                raise ValueFormatError(msg, original)
            return high * 10**4 + _cn_below(rest, 10**4, original, gap=rest.startswith(("零", "〇")))
    return _cn_section(text, original)


def _cn_integer(text: str, original: str) -> int:
    """A whole Chinese numeral (三亿五千万, 一万亿)."""
    cut = max((i for i, ch in enumerate(text) if ch in _CN_YI), default=-1)
    if cut < 0:
        return _cn_myriads(text, original)
    high = _cn_myriads(text[:cut], original) if cut else 0
    if not high:
        msg = f"cannot read {original!r}: nothing before 亿"
        raise ValueFormatError(msg, original)
    rest = text[cut + 1 :]
    return high * 10**8 + _cn_below(rest, 10**8, original, gap=rest.startswith(("零", "〇")))


def chinese_numeral(text: str) -> tuple[Decimal, int, int]:
    """Read a Chinese numeral: ``(number, decimals, scale exponent)``.

    Digits and 十, 百, 千 are read exactly; a trailing 万, 亿 or 万亿 is a scale word,
    as it would be after Arabic digits (十二万 is 12 × 10^4, like ``12万``).
    Financial forms (壹贰叁, 拾佰仟) and 点 for the decimal mark are read too;
    colloquial short forms (一百五 for 150, 一万五) are refused, not guessed.

    >>> chinese_numeral("一百零五"), chinese_numeral("两")
    ((Decimal('105'), 0, 0), (Decimal('2'), 0, 0))
    >>> chinese_numeral("十二万"), chinese_numeral("三亿五千万")
    ((Decimal('12'), 0, 4), (Decimal('35000'), 0, 4))
    >>> chinese_numeral("三点五万")
    (Decimal('3.5'), 1, 4)

    Raises:
        ValueFormatError: not a numeral perfcheck reads.
    """
    exponent = 0
    body = text
    for word, exp in (("万亿", 12), ("萬億", 12), ("亿", 8), ("億", 8), ("万", 4), ("萬", 4)):
        if body.endswith(word) and len(body) > len(word):
            exponent, body = exp, body[: -len(word)]
            break
    points = [i for i, ch in enumerate(body) if ch in _CN_POINT]
    if points:
        head, tail = body[: points[0]], body[points[0] + 1 :]
        if (
            len(points) > 1
            or not head
            or not tail
            or any(ch not in _CN_DIGITS for ch in tail)
            or any(ch in _CN_MYRIAD or ch in _CN_YI for ch in head)
        ):
            msg = f"cannot read {text!r}: not a decimal numeral perfcheck reads"
            raise ValueFormatError(msg, text)
        whole = _cn_section(head, text)
        digits = "".join(str(_CN_DIGITS[ch]) for ch in tail)
        return Decimal(f"{whole}.{digits}"), len(digits), exponent
    whole = _cn_integer(text, text)
    return Decimal(whole // 10**exponent), 0, exponent
