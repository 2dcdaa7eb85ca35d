"""Find the numeric mentions of a sentence: exact offsets, unit, scale and qualifier words.

A mention is a number as printed, in Arabic digits (``132.35``, ``1,234.5``,
``１３２.３５``) or as a small Chinese numeral before a measure word (``七名``), with
what follows it: a scale word (万, 亿), a unit (元, %, 个百分点, a count unit such
as 人 例 份 个 名 分) and qualifier words before or after (约, 近, 余, 以上, ...).

Years, dates and ranges (``2021年``, ``6·26``, ``2021-2030年``) are not mentions.
A bare number (no unit) is kept as a mention of kind ``bare`` only where a list may
give it a unit (``编制数5人，其中全额编制5，差额编制0``); the builder drops the rest.

>>> [(m.text, m.unit, m.qualifier) for m in find("发放资料10000余份，覆盖人数20000人以上。", 0, 27)]
[('10000', '份', 'more_than'), ('20000', '人', 'at_least')]
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from typing import Final, Literal

from perfcheck._core.units import MEASURES
from perfcheck._core.values import (
    QUALIFIERS_AFTER,
    QUALIFIERS_BEFORE,
    Qualifier,
    ValueFormatError,
    chinese_numeral,
)

Kind = Literal["amount", "percent", "points", "count", "measure", "bare"]

#: Count units recognised after a number, longest first so 人次 wins over 人.
COUNT_WORDS: Final = (
    "批次", "人次", "户次", "批", "人", "名", "位", "例", "份", "个", "户", "次", "家", "项", "场", "所",
    "篇", "件", "台", "套", "辆", "本", "张", "条", "处", "座", "间", "册", "部", "种", "支", "队", "组",
    "期", "分",
)  # fmt: skip
#: Physical measures recognised after a number (``311520平方米``, ``3800亩``, ``32.63公里``, ``8465m2``),
#: longest first: figures of their own dimension, never of an amount's relation.
MEASURE_WORDS: Final = tuple(sorted(MEASURES, key=len, reverse=True))
#: A measure word is not one when these follow it (米粮, 米面: rice; m2 of a code such as m2a).
_ALNUM: Final = "0123456789abcdefghijklmnopqrstuvwxyz"
_NOT_AFTER_MEASURE: Final = {"米": "粮面饭业", "m2": _ALNUM, "m3": _ALNUM}
_SCALES: Final = (
    "万亿",
    "千亿",
    "百亿",
    "十亿",
    "亿",
    "千万",
    "百万",
    "十万",
    "万",
    "千",
    "萬億",
    "億",
    "萬",
)
#: Scale words in traditional characters (reports reposted in them), as the unit is written.
_SIMPLIFIED_SCALE: Final = str.maketrans({"萬": "万", "億": "亿"})
_AMOUNT: Final = "元"
AMOUNT_UNIT: Final = _AMOUNT
_PERCENT: Final = ("%", "％")
_POINTS: Final = ("个百分点", "百分点")
#: A count unit is not one when these follow it (个月 is a duration, 分钟 a time, 分配 a verb).
_NOT_AFTER: Final = {
    "个": "月工",  # 个小时 is a duration too: see _unit_at
    "分": "钟之析别配类解工层管享数批期",
    "次": "性",
    "名": "单义额称",
    "部": "门分署",
    "支": "出付持部",
    "件": "事",
    "项": "规",  # 八项规定 is a name
    "人": "员民数口大均",
    "家": "庭",
    "期": "末间满限内初",
    "批": "准复示评转发办示量",  # 批准, 批复: verbs; 批量 an adverb
}
_AFTER_WORDS: Final = sorted(QUALIFIERS_AFTER, key=len, reverse=True)
_BEFORE_WORDS: Final = sorted((w for w in QUALIFIERS_BEFORE if not w.isascii()), key=len, reverse=True)
_ARABIC: Final = re.compile(r"[0-9０-９]+(?:,[0-9]{3}(?![0-9]))*(?:[.．][0-9０-９]+)?")
_CN_NUMERAL: Final = re.compile(r"[零〇一二两三四五六七八九十百千]+")
#: Chinese numerals count only before these measure words (or 大, as in 七大文化).
_CN_MEASURES: Final = ("名", "人", "个", "项", "家", "户", "例", "份", "次", "期", "场", "大")
#: A number followed by these is a date, a time or a duration, not a figure.
_NOT_FIGURE_AFTER: Final = (
    "年", "月", "日", "号", "时", "周岁", "岁", "届", "级", "季度", "个月",
    "·", "•", "-", "－", "—", "/", "／", ":", "：",
)  # fmt: skip
_NOT_FIGURE_BEFORE: Final = frozenset("·•-－—/／:")
#: Count units that after 第 name a batch, not a count (第2批项目).
_ORDINAL_UNITS: Final = frozenset({"批", "批次"})
#: A minus sign: before a percent it makes the number negative (增幅为-14.3%).
_MINUS: Final = frozenset("-－−")
_DELIMITERS: Final = frozenset("，,。；;、：:）)！!？?\n ")
#: What a page that could not be decoded prints for a byte it lost (``?8639萬元``): the digits
#: right after it may have lost their first digit with it, so they are no figure.
_LOST_BYTE: Final = frozenset("?\ufffd")


@dataclass(frozen=True, slots=True)
class Mention:
    """A number printed in the text.

    Attributes:
        start: offset of the number's first character.
        end: offset just past its last digit (units and qualifiers not included).
        text: the number as printed (``132.35``, ``七``).
        number: its value in ``unit``; the digits as printed, never multiplied by a scale.
        decimals: digits printed after the decimal mark.
        unit: the unit printed after it (``万元``, ``%``, ``人``), None for a bare number.
        kind: what the unit measures; ``bare`` without one.
        qualifier: a bound or estimate its words make of it (10000余: ``more_than``).
        phrase_start: offset where its qualifier word before it starts (``start`` without one).
        phrase_end: offset just past its unit and qualifier words.
        chinese: printed as a Chinese numeral.
        enumerates: printed as ``N大`` (七大文化): a count of things the text lists.
        scale_only: an amount printed with its scale word and no 元 (``1000.86万``).
    """

    start: int
    end: int
    text: str
    number: Decimal
    decimals: int
    unit: str | None
    kind: Kind
    qualifier: Qualifier | None
    phrase_start: int
    phrase_end: int
    chinese: bool = False
    enumerates: bool = False
    scale_only: bool = False


def _ascii_number(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", ch) for ch in text).replace("．", ".").replace(",", "")


def _take(text: str, pos: int, words: tuple[str, ...] | list[str]) -> str | None:
    for word in words:
        if text.startswith(word, pos):
            return word
    return None


def _unit_at(text: str, pos: int) -> tuple[str, Kind] | None:
    """The unit printed at ``pos`` (without scale), if any."""
    if pct := _take(text, pos, _PERCENT):
        return pct, "percent"
    if points := _take(text, pos, _POINTS):
        return points, "points"
    if text.startswith(_AMOUNT, pos):
        return _AMOUNT, "amount"
    word = _take(text, pos, COUNT_WORDS)
    if word is None:
        # no count word begins a measure word: 311520平方米, 3800亩
        measure = _take(text, pos, MEASURE_WORDS)
        return None if measure is None else _measure_at(text, pos, measure)
    nxt = text[pos + len(word) : pos + len(word) + 1]
    if (nxt and nxt in _NOT_AFTER.get(word, "")) or text.startswith("个小时", pos):
        return None
    return word, "count"


def _measure_at(text: str, pos: int, measure: str) -> tuple[str, Kind] | None:
    """The measure printed at ``pos``, unless the characters after it make it another word (米粮).

    >>> _measure_at("3米粮", 1, "米"), _measure_at("3.5米，", 3, "米")
    (None, ('米', 'measure'))
    """
    nxt = text[pos + len(measure) : pos + len(measure) + 1].lower()
    return None if nxt and nxt in _NOT_AFTER_MEASURE.get(measure, "") else (measure, "measure")


_Tail = tuple[str | None, Kind, Qualifier | None, int]


def _scale_alone(text: str, at: int, stop: int) -> _Tail | None:
    """``合计为1000.86万，其中…``: 万 (亿) alone after an amount, its 元 not printed, then a delimiter.

    The builder keeps such an amount only in a text that prints 万元 (亿元) elsewhere.
    """
    scale = _take(text, at, _SCALES)
    if scale is None:
        return None
    end = at + len(scale)
    if end < stop and text[end] not in _DELIMITERS:
        return None
    return scale.translate(_SIMPLIFIED_SCALE) + _AMOUNT, "amount", None, end


def _wrapped_unit(text: str, at: int) -> int:
    """Where the unit of a number at a line's end is printed: on the next line (a PDF's ``0.00`` / ``万元``).

    Only an amount's unit (元 with or without its scale) or ``%`` opening the next line is
    taken so; anything else there is no unit of the number.
    """
    if text[at : at + 1] != "\n":
        return at
    nxt = at + 1
    while text[nxt : nxt + 1] in {" ", "\u3000"} and nxt < len(text):
        nxt += 1
    scale = _take(text, nxt, _SCALES) or ""
    if text.startswith(_AMOUNT, nxt + len(scale)) or (not scale and _take(text, nxt, _PERCENT)):
        return nxt
    return at


def _tail(text: str, pos: int, stop: int) -> _Tail | None:  # noqa: C901 - one step per part of the grammar
    """Read ``[余|多] [scale] [余|多] [unit] [qualifier]`` after a number; None if it is not a figure."""
    qualifier: Qualifier | None = None
    i = pos
    while i < stop and text[i] in " \u3000":
        i += 1
    i = _wrapped_unit(text, i)
    if _take(text, i, _NOT_FIGURE_AFTER):
        return None
    if text[i : i + 1] in {"余", "多"} and not text.startswith("多年", i):
        qualifier, i = QUALIFIERS_AFTER[text[i]], i + 1
    scale = _take(text, i, _SCALES) or ""
    if scale and (
        # a set, not a string: at the text's end the slice is empty, and "" is in any string
        _unit_at(text, i + len(scale)) is not None
        or text[i + len(scale) : i + len(scale) + 1] in {"余", "多"}
    ):
        i += len(scale)
    else:
        scale = ""
    if qualifier is None and text[i : i + 1] in {"余", "多"}:
        qualifier, i = QUALIFIERS_AFTER[text[i]], i + 1
    found = _unit_at(text, i)
    if found is None:
        if scale or qualifier:
            return None
        return _scale_alone(text, i, stop) or (None, "bare", None, i)
    word, kind = found
    if kind in {"percent", "points"} and scale:
        return None
    i += len(word)
    after = _take(text, i, _AFTER_WORDS)
    if after is not None and not (after == "多" and text.startswith("多年", i)):
        word_q = QUALIFIERS_AFTER[after]
        if qualifier is None:
            qualifier = word_q
        i += len(after)
    unit = (
        ("个百分点" if word == "个百分点" else "百分点")
        if kind == "points"
        else scale.translate(_SIMPLIFIED_SCALE) + word
    )
    if kind == "percent":
        unit = "%"
    return unit, kind, qualifier, i


#: Characters that make a word of 约 before them (节约100万元 is a saving, not about 100 万元).
_WORD_BEFORE_ABOUT: Final = frozenset("节签违履预特制集")


def _before(text: str, start: int, floor: int) -> tuple[Qualifier | None, int]:
    for word in _BEFORE_WORDS:
        begin = start - len(word)
        if begin >= floor and text.startswith(word, begin):
            if word == "约" and begin > floor and text[begin - 1] in _WORD_BEFORE_ABOUT:
                return None, start  # 比预算节约100万元: 节约 is the word, the amount exact
            return QUALIFIERS_BEFORE[word], begin
    return None, start


_RUN: Final = frozenset("0123456789０１２３４５６７８９,.．")


def _malformed(text: str, a: int, b: int, start: int, end: int) -> tuple[int, int] | None:
    """The longer run of digits, commas and points that the digits at ``a:b`` lie in, if it is no number.

    ``1,2,3.4.5``: the report misprinted it, and no part of it is a figure. A comma or
    point that ends the run is punctuation, not part of it.
    """
    lo, hi = a, b
    while lo > start and text[lo - 1] in _RUN:
        lo -= 1
    while hi < end and text[hi] in _RUN:
        hi += 1
    while hi > lo and text[hi - 1] in ",.．":
        hi -= 1
    while lo < hi and text[lo] in ",.．":
        lo += 1
    run = text[lo:hi]
    if len(run) == b - a or _ARABIC.fullmatch(run) is not None:
        return None
    return lo, hi


#: Digits a space (or a comma and a space) before a number: a thousands group split from it.
_GROUP_BEFORE: Final = re.compile(r"(?:^|[^0-9０-９.．,，])[0-9０-９]{1,3}(?:[,，] ?|[ \u2009\u202f\u00a0])$")
_THREE: Final = re.compile(r"[0-9０-９]{3}")


def _split_group(text: str, a: int, b: int, start: int) -> int | None:
    """Where the digits split from the number at ``a:b`` begin (``1, 537.4``, ``1 234.56``); else None.

    A number whose whole part is three digits, printed after one to three digits and a
    space (or a comma and a space), may be one number whose thousands were split apart as
    well as two numbers: it is neither read as its last group (537.4 of 1,537.4) nor
    guessed whole.

    >>> text = "运行维护费1, 537.4万元"
    >>> _split_group(text, 8, 13, 0), _split_group("合计234.56万元", 2, 8, 0)
    (5, None)
    """
    whole = re.split(r"[.．]", text[a:b], maxsplit=1)[0]
    if _THREE.fullmatch(whole) is None:
        return None
    found = _GROUP_BEFORE.search(text[max(start, a - 6) : a])
    if found is None:
        return None
    at = max(start, a - 6) + found.start()
    return at + 1 if not text[at].isdigit() else at


def _misprinted(text: str, a: int, b: int, start: int, end: int) -> tuple[int, int] | None:
    """The span of the misprinted number the digits at ``a:b`` lie in (``1,2,3.4.5``, ``1, 537.4``).

    Digits right after a byte lost in decoding (``支出?8639萬元``) may have lost their first
    digit with it: they are such a number too.
    """
    if a > 0 and text[a - 1] in _LOST_BYTE:
        return a, b
    if (group := _split_group(text, a, b, start)) is not None:
        return group, b  # 1, 537.4万元: the thousands split from the number; no part of it is read
    return _malformed(text, a, b, start, end)


#: A change's base named right before its bare value (较上年2.5减少…), and the change right after it.
_BASE_BEFORE: Final = re.compile(
    r"(?:较|比)(?:上年|去年|上年度|上一年|[0-9]{4}年度?)(?:同期)?(?:预算|决算|执行)?数?的?$"
)
_CHANGE_AFTER: Final = re.compile(r"(?:减少|增加|下降|增长|上升|降低|节约|压减|缩减)了?")


def _base_unit(text: str, a: int, b: int, end: int) -> str | None:
    """The unit of a change's base printed bare before its change (``较上年2.5减少1.95万元``).

    A change compares like with like: the base is in the unit of the change's amount, printed
    right after the change word. Any other bare number is no figure.

    >>> text = "接待费0.55万元，较上年2.5减少1.95万元"
    >>> _base_unit(text, 13, 16, len(text)), _base_unit("较上年2.5，减少1.95万元", 3, 6, 15)
    ('万元', None)
    >>> _base_unit("比上年的12,530.03增加2,079.49元", 4, 13, 24)
    '元'

    """
    change = _CHANGE_AFTER.match(text, b)
    if _BASE_BEFORE.search(text[max(0, a - 10) : a]) is None or change is None:
        return None
    amount = _ARABIC.match(text, change.end())
    if amount is None:
        return None
    tail = _tail(text, amount.end(), end)
    if tail is None or tail[1] != "amount" or AMOUNT_UNIT not in text[amount.end() : tail[3]]:
        return None
    return tail[0]


def _based(text: str, span: tuple[int, int], end: int, tail: _Tail) -> _Tail:
    """``tail``, or for a change's base printed bare (see :func:`_base_unit`) the change's unit."""
    if tail[1] == "bare" and (base := _base_unit(text, *span, end)) is not None:
        return base, "amount", None, span[1]  # 较上年2.5减少1.95万元: 2.5 is in 万元
    return tail


def _minus_sign(text: str, at: int, start: int) -> bool:
    """Whether ``text[at]`` is a minus sign of the number after it (增长-50.29%), not a dash.

    A dash after a digit, a letter, a closing bracket or a point joins a range or a code
    (``3-5%``, ``2021-2030年``, ``GB-2``), so it is no sign.
    """
    if text[at] not in _MINUS:
        return False
    if at == start:
        return True
    before = text[at - 1]
    return not (before.isdigit() or (before.isascii() and before.isalnum()) or before in "-－−.．)）%％")


def _label_colon(text: str, at: int, start: int) -> bool:
    """Whether the ASCII colon at ``at`` ends a label (货物类:110.01万元), not a time or ratio (10:30)."""
    return text[at] == ":" and (at == start or not text[at - 1].isdigit())


def find(  # noqa: C901, PLR0912 - two numeral systems, each with exclusions
    text: str, start: int, end: int, unreadable: list[tuple[int, int]] | None = None
) -> list[Mention]:
    """The mentions of numbers in ``text[start:end]``, in order.

    ``unreadable``, when given, receives the span of each misprinted number (``1,2,3.4.5``),
    once each.
    """
    found: list[Mention] = []
    for match in _ARABIC.finditer(text, start, end):
        a, b = match.span()
        negative = a > start and _minus_sign(text, a - 1, start)
        if (
            a > start
            and not negative
            and (
                (text[a - 1] in _NOT_FIGURE_BEFORE and not _label_colon(text, a - 1, start))
                or (text[a - 1].isascii() and text[a - 1].isalpha())
            )
        ):
            continue
        if (bad := _misprinted(text, a, b, start, end)) is not None:
            # 1,2,3.4.5万元: no number, so no figure; reported as unreadable
            if unreadable is not None and bad not in unreadable:
                unreadable.append(bad)
            continue
        if text[b : b + 1].isascii() and text[b : b + 1].isalpha() and _unit_at(text, b) is None:
            continue  # a code (GB2312, 5G); 8465m2 is an area
        tail = _tail(text, b, end)
        if tail is None:
            continue
        unit, kind, after_q, phrase_end = _based(text, (a, b), end, tail)
        if kind == "bare" and not (phrase_end >= end or text[phrase_end] in _DELIMITERS):
            continue
        if a > start and text[a - 1] == "第" and unit in _ORDINAL_UNITS:
            continue
        if negative and kind != "percent":
            continue  # -5万元 and table cells' minus signs are read elsewhere, if at all
        printed = "-" * negative + text[a:b]
        digits = _ascii_number(printed)
        number = Decimal(digits)
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        before_q, phrase_start = _before(text, a - negative, start)
        qualifier = after_q or before_q
        if kind == "bare":
            phrase_end = b
        found.append(
            Mention(
                a - negative,
                b,
                printed,
                number,
                decimals,
                unit,
                kind,
                qualifier,
                phrase_start,
                phrase_end,
                scale_only=kind == "amount" and _AMOUNT not in text[b:phrase_end],
            )
        )
    for match in _CN_NUMERAL.finditer(text, start, end):
        a, b = match.span()
        measure = _take(text, b, _CN_MEASURES)
        if measure is None or (a > start and text[a - 1] in "第每"):
            continue
        try:
            number, decimals, exponent = chinese_numeral(match.group())
        except ValueFormatError:
            continue
        if exponent or number < 2:  # 一个, 一次: an article, not a count
            continue
        if measure == "大":
            found.append(
                Mention(
                    a,
                    b,
                    match.group(),
                    number,
                    0,
                    "个",
                    "count",
                    None,
                    a,
                    b + 1,
                    chinese=True,
                    enumerates=True,
                )
            )
            continue
        counted = _unit_at(text, b)
        if counted is None or counted[1] != "count":
            continue
        found.append(
            Mention(
                a,
                b,
                match.group(),
                number,
                decimals,
                counted[0],
                "count",
                None,
                a,
                b + len(counted[0]),
                chinese=True,
            )
        )
    found.sort(key=lambda m: m.start)
    return found


def remainder_places(text: str, mention: Mention) -> int | None:
    """The decimals ``余``/``多`` after a scale word truncate a number to; else None.

    ``253万余元`` is 253 万元 and a remainder under one 万: 253 to 254 万元, the number
    truncated to its printed decimals (``2.5万多元``: 2.5 to 2.6). Printed right after the
    number (``10余万元``, ``10000余份``) the word says only that there is more than the
    number: how much more is not said, so it stays a bound (``more_than``), as does any
    other qualifier (约, 以上, 超过…) and a number with a qualifier before it too.

    >>> texts = ("253万余元", "2.5万多元", "10余万元", "10000余份", "约10万元")
    >>> [remainder_places(t, find(t, 0, len(t))[0]) for t in texts]
    [0, 1, None, None, None]
    """
    if mention.qualifier is None or mention.phrase_start != mention.start or mention.number == 0:
        return None
    tail = text[mention.end : mention.phrase_end].lstrip(" \u3000")
    scale = _take(tail, 0, _SCALES)
    if scale is not None and tail[len(scale) : len(scale) + 1] in {"余", "多"}:
        return mention.decimals  # under one unit of the scale: 253万余 is 253 to 254 万
    return None
