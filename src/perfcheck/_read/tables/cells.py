"""A table's cells and headers as printed: blanks, subject codes, units in headers, A1 columns."""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Iterable
from decimal import Decimal
from itertools import islice
from typing import Final

from perfcheck._core.units import UnknownUnitError, lookup_unit
from perfcheck._core.values import ValueFormatError, is_blank_text, parse_value

#: A missing value as a frame library writes it in text: no figure either.
_MISSING: Final = frozenset({"nan", "NaN", "None"})
#: Row labels of total rows, by level: a 合计 covers the 小计s above it, a 总计 the 合计s.
TOTAL_LEVELS: Final = {"小计": 1, "合计": 2, "共计": 2, "总计": 3}
#: The quantum of each number of decimals a frame is commonly printed with.
STEPS: Final = [Decimal(1).scaleb(-d) for d in range(7)]
#: Floats below this round to a few decimals within the decimal context's precision.
FAST_LIMIT: Final = 1e15
#: Cells a column is judged numeric or not by: its first non-blank ones.
SAMPLE: Final = 200
#: Row labels that are not data: the column-number row under a Chinese table's header.
SKIPPED_LABELS: Final = frozenset({"栏次", "行次", "行号"})
#: Columns that number rows rather than print figures.
SKIPPED_COLUMNS: Final = ("栏次", "行次", "行号", "序号")
#: Header words of the code column and of the label column.
CODE_WORDS: Final = ("编码", "代码", "编号")
LABEL_WORDS: Final = ("名称", "项目", "科目", "款项")
#: Header words of a column naming each row's parent row (上级科目编码).
PARENT_WORDS: Final = ("上级科目", "上级编码", "上级代码", "上级项目", "上级名称", "父级")
#: Header words of a column in percent.
PERCENT_WORDS: Final = ("率", "%", "％", "比重", "占比", "增幅")
#: The 功能分类 / 经济分类 code ladder: a code of this length sums into its prefix of the next shorter.
CODE_PARENT: Final = {5: 3, 7: 5}
CODE_PATTERN: Final = re.compile(r"^\s*(\d{3}(?:\d{2}){0,2})(?!\d)\s*(.*)$")
_HEADER_UNIT: Final = re.compile(r"[（(]\s*(?:单位[:：]\s*)?([^（）()]+?)\s*[)）]")
_SPACES: Final = re.compile(r"[\s\u3000]+")
_ORDINAL: Final = re.compile(
    r"^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.．]|\d+[、.．](?!\d))"
)

LOCALE: Final = "zh_CN"


def normalized(text: str) -> str:
    """A header or label without spaces (``合 计`` is ``合计``)."""
    return _SPACES.sub("", text)


def ordinal_stripped(label: str) -> str:
    """A row's label without spaces and the ordinal it is listed under (一、 （二） 3.).

    >>> [ordinal_stripped(t) for t in ("一、一般公共预算财政拨款收入", "（二）事业收入", "3.5万")]
    ['一般公共预算财政拨款收入', '事业收入', '3.5万']
    """
    return _ORDINAL.sub("", normalized(label))


def is_blank(value: object) -> bool:
    """Whether a cell prints nothing.

    >>> [is_blank(v) for v in ("", " — ", None, float("nan"), "0", 0)]
    [True, True, True, True, False, False]
    """
    if value is None:
        return True
    if isinstance(value, str):
        return is_blank_text(value) or value.strip() in _MISSING
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, Decimal):
        return value.is_nan()
    # pandas.NA, pandas.NaT and the like: not equal to themselves, or not a bool
    try:
        return bool(value != value)  # noqa: PLR0124 - NaN-like values
    except (TypeError, ValueError):
        return True


def code_text(value: object) -> str | None:
    """A subject code as text: ``2010101`` from ``"2010101"``, ``2010101`` or ``2010101.0``.

    >>> code_text(2010101.0), code_text(" 201 "), code_text("合计"), code_text(None)
    ('2010101', '201', None, None)
    """
    if is_blank(value):
        return None
    if (isinstance(value, numbers.Integral) and not isinstance(value, bool)) or (
        isinstance(value, float) and value.is_integer()
    ):
        text = str(int(value))
    elif isinstance(value, (str, Decimal)):
        text = normalized(str(value))
    else:
        return None
    return text if text.isdigit() and len(text) in {3, 5, 7} else None


def percent_header(header: str) -> bool:
    """Whether a column's header says it is in percent (完成率, 增减率（%）, 占比)."""
    return any(w in header for w in PERCENT_WORDS)


def header_unit(header: str) -> str | None:
    """A unit the header prints in brackets: ``决算数（万元）`` is in 万元.

    >>> header_unit("决算数（万元）"), header_unit("金额(单位：元)"), header_unit("决算数（1）")
    ('万元', '元', None)
    """
    return named_unit(_HEADER_UNIT, header)


def unit_stripped(header: str) -> str:
    """A header without the unit it prints in brackets; brackets that name no unit stay.

    >>> unit_stripped("本年支出合计（万元）"), unit_stripped("决算数（1）"), unit_stripped("合计")
    ('本年支出合计', '决算数（1）', '合计')
    """

    def drop(match: re.Match[str]) -> str:
        try:
            lookup_unit(match.group(1))
        except UnknownUnitError:
            return match.group(0)
        return ""

    return _HEADER_UNIT.sub(drop, header)


def named_unit(pattern: re.Pattern[str], text: str) -> str | None:
    """The first unit a match of ``pattern`` names (its first group) that is a known unit."""
    for match in pattern.finditer(text):
        try:
            return lookup_unit(match.group(1)).symbol
        except UnknownUnitError:
            continue
    return None


def column_ref(index: int) -> str:
    """The letters of a 0-based column index, as in A1 notation.

    >>> column_ref(0), column_ref(25), column_ref(26), column_ref(701), column_ref(702)
    ('A', 'Z', 'AA', 'ZZ', 'AAA')
    """
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


_ITEM: Final = re.compile(r"^([(（])?(\d{1,2})([)）.、．])")


def item_number(label: str) -> tuple[str, int] | None:
    """A row label's item number and its style: ``(1)公务用车购置费`` is ``("()", 1)``.

    >>> item_number("(2)公务用车运行费"), item_number("2.公务接待费"), item_number("公务接待费")
    (('()', 2), ('.', 2), None)
    """
    match = _ITEM.match(label)
    if match is None or bool(match.group(1)) != (match.group(3) in ")）"):
        return None
    style = "()" if match.group(1) else {"．": "."}.get(match.group(3), match.group(3))
    return style, int(match.group(2))


def within_word(label: str) -> bool:
    """Whether a row's label starts a 其中 list (其中：人员经费)."""
    return normalized(label).startswith("其中")


def code_piece(value: object) -> str:
    """A 类 / 款 / 项 cell as digits ("" when blank): ``1`` and ``"01"`` are ``"01"`` for a 款."""
    if is_blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = normalized(str(value))
    return text if text.isdigit() else ""


def mostly_numbers(values: Iterable[object]) -> bool:
    """Whether most of a column's first non-blank cells hold numbers (none: no)."""
    sample = list(islice((v for v in values if not is_blank(v)), SAMPLE))
    numeric = sum(1 for v in sample if number_like(v))
    return bool(sample) and numeric * 2 >= len(sample)


def number_like(value: object) -> bool:
    """Whether a cell holds a number, or text that reads as one."""
    if isinstance(value, bool):
        return False
    if isinstance(value, (numbers.Real, Decimal)):
        return True
    if isinstance(value, str):
        try:
            parse_value(value.strip(), LOCALE, default_unit="元")
        except ValueFormatError:
            return False
        return True
    return False
