r"""Tables a page flattened into plain text under their unit caption: their numbers, in no relation.

A PDF's text or a page's copy often loses a table's cell marks: ``单位：万元 项 目 预算数 决算数
合 计 65.00 64.87 公务接待费 21.00 21.00 …`` on one line, or ``一、支出合计   250000`` a row a
line. The caption names the unit of the table's amounts, so its numbers are figures in that
unit, printed with the precision they show; where the rows and columns are is not known for
certain (blank cells are dropped, labels are displaced), so no relation is read from it and
the table is listed as not read in coverage.

The table runs from its caption to the first clause of prose: a line (or, on a page printed
as one line, a stretch) holding ``。``, ``，`` or ``；``, or a number printed with its own unit
(``65 万元``: a sentence, which the sentence reader reads). Inside it:

- a number is a figure unless it is a year, a date or a code (``2017年``, ``2016-执行数``), an
  ordinal (``1.``, ``(1)``, ``1、``) or a row number;
- a row whose name prints its unit in brackets (``公务用车保有量(辆)``) is in that unit, and a
  row whose name counts things without saying in what (``团组数``, ``人数``) is not read;
- each figure is named by the words printed before it on its row, and by the column name
  when the table names as many columns as the row prints numbers;
- a table whose header names a column of rates or changes (完成率, 增减, %) gives no figure
  (a rate printed without % is no amount), nor does a row printing several numbers under a
  header naming no column (which of them is what is not known).

>>> text = "表1 单位:万元\n项目 预算数 决算数\n合计 30.00 28.50\n培训费 10.00 9.50\n会议费 20.00 19.00\n。"
>>> [(f["label"], f["value"], f["unit"]) for f in flat_figures(text, 0, len(text), n=1)[2]]
... # doctest: +NORMALIZE_WHITESPACE
[('合计 / 预算数', '30.00', '万元'), ('合计 / 决算数', '28.50', '万元'),
 ('培训费 / 预算数', '10.00', '万元'), ('培训费 / 决算数', '9.50', '万元'),
 ('会议费 / 预算数', '20.00', '万元'), ('会议费 / 决算数', '19.00', '万元')]
"""

from __future__ import annotations

import re
from typing import Any, Final

from perfcheck._core.units import UnknownUnitError, lookup_unit
from perfcheck._read.tables.grid import preamble_unit

#: A caption naming the table's unit (``单位：万元``, ``金额单位:元``).
CAPTION: Final = re.compile(r"(?:金额)?单位\s*[:：]\s*(?:人民币)?\s*(亿元|万元|千元|元)")
#: Where prose begins: a clause mark.
_PROSE: Final = re.compile(r"[。，；！？]|,(?!\d{3})")
#: A number as a table prints it (``1,234.56``, ``-8.00``, ``95%``).
_NUMBER: Final = re.compile(r"(?<![\dA-Za-z.．])-?\d+(?:,\d{3})*(?:\.\d+)?%?(?![\d])")
#: What follows a number that is no figure: a date, a year, a code, an ordinal, a range.
_NOT_AFTER: Final = re.compile(r"\s*(?:年|月|日|号|时|页|-|－|—|/|:|：|、|\.(?!\d)|．|[)）](?!\s*\d))")
_NOT_BEFORE: Final = re.compile(r"(?:[(（第共表附件]|[-－/])\s*$")
#: A unit printed right after a number: the number is a sentence's, not a cell's.
_OWN_UNIT: Final = re.compile(r"\s*(?:亿元|万元|千元|元|万人|人次|人|个|项|辆|次|批|户|名|家|所)")
#: A unit in brackets ending a row's name (``公务用车保有量(辆)``).
_ROW_UNIT: Final = re.compile(r"[(（]\s*([^()（）\s]{1,3})\s*[)）]\s*$")
#: A row name that counts things: its numbers are no amounts, and in what they count is not said.
_COUNTS: Final = re.compile(r"(?:人数|团组|批次|数量|保有量|车辆|台数|户数|个数)|(?<![预决算执行])数$")
#: Column names: the words of a header, each ending one column.
_COLUMN: Final = re.compile(
    r"(?:(?<=\s)|^)(?:\d{4}\s*[-年]?\s*)?(?:年初|调整)?(?:预\s*算|决\s*算|执\s*行|上年|本年|金\s*额)\s*[数额]?(?=\s|$)"
)
#: A list's ordinal opening an item's name (``八、``): a name holding two begins at the last.
_ORDINAL: Final = re.compile(r"[一二三四五六七八九十]+、")
#: Header words of a column of rates or changes, whose numbers are no amounts of the caption's unit.
_RATES: Final = re.compile(r"率|比例|比重|占比|增减|增长|同比|[%％]")
#: The longest stretch of a line without numbers that is still a table's (a row name, a header).
_MAX_WORDS: Final = 40


def _words(text: str) -> str:
    """A cell's words with the spaces a page put between their characters taken out.

    Two items' names run together (``七、文化支出八、社保支出``) are the last one's.

    >>> _words("七、文化支出 八、社会保障 支出 "), _words("合 计")
    ('八、社会保障支出', '合计')
    """
    words = re.sub(r"\s+", "", text).strip("|:： ")
    starts = [m.start() for m in _ORDINAL.finditer(words)]
    return words[starts[-1] :] if len(starts) > 1 else words


def table_end(text: str, start: int, stop: int) -> int:
    """Where the flattened table whose caption ends at ``start`` ends (see the module)."""
    at = start
    while at < stop:
        line_end = text.find("\n", at, stop)
        line_end = stop if line_end < 0 else line_end
        line = text[at:line_end]
        cut = len(line)
        if prose := _PROSE.search(line):
            cut = prose.start()
        for match in _NUMBER.finditer(line, 0, cut):
            if _OWN_UNIT.match(line, match.end()) and not line[match.end() : match.end() + 2].startswith(
                "元/"
            ):
                cut = match.start()
                break
        if cut < len(line):
            # prose begins in this line: the table ends at the end of the last number before it
            last = [m.end() for m in _NUMBER.finditer(line, 0, cut)]
            return at + (last[-1] if last else 0) if last or at == start else at
        at = line_end + 1
    return stop


def _figure_at(text: str, match: re.Match[str]) -> bool:
    before = text[max(0, match.start() - 3) : match.start()]
    return _NOT_AFTER.match(text, match.end()) is None and _NOT_BEFORE.search(before) is None


def _header(head: str) -> tuple[list[str], str]:
    r"""The column names printed before a table's first number, and the name of its first row.

    >>> _header("\n项目 预算数 决算数\n合计 ")
    (['预算数', '决算数'], '合计')
    >>> _header(" 项 目 预算数 决算数 合 计 ")
    (['预算数', '决算数'], '合计')
    """
    lines = head.split("\n")
    if len(lines) > 1:
        above = next((line for line in reversed(lines[:-1]) if line.strip()), "")
        return [_words(c) for c in _COLUMN.findall(above)], _words(lines[-1])
    found = list(_COLUMN.finditer(head))
    if not found:
        return [], _words(head)
    return [_words(m.group(0)) for m in found], _words(head[found[-1].end() :])


def _unit_of(name: str, unit: str) -> str | None:
    """The unit a row's numbers are in: its own in brackets, else the caption's; None for an unsaid count."""
    if found := _ROW_UNIT.search(name):
        try:
            return lookup_unit(found.group(1)).symbol
        except UnknownUnitError:
            return None
    return None if _COUNTS.search(_ROW_UNIT.sub("", name)) else unit


def _rows(
    text: str, numbers: list[re.Match[str]], start: int, first_name: str
) -> list[tuple[str, list[re.Match[str]]]]:
    """The numbers grouped in rows: each row's name (the words before its first number) and numbers."""
    rows: list[tuple[str, list[re.Match[str]]]] = []
    previous = start
    for k, match in enumerate(numbers):
        between = text[previous : match.start()]
        words = first_name if k == 0 else _words(between.split("\n")[-1])
        previous = match.end()
        if words and len(words) <= _MAX_WORDS:
            rows.append((words, [match]))
        elif "\n" in between or not rows:
            rows.append(("", [match]))
        else:
            rows[-1][1].append(match)
    return rows


def flat_figures(text: str, start: int, stop: int, *, n: int) -> tuple[int, int, list[dict[str, Any]]]:
    """The flattened table whose caption is the first in ``text[start:stop]``: its span and its figures.

    Returns (start, end, figures); no figures when there is no caption or no number.
    """
    caption = CAPTION.search(text, start, stop)
    if caption is None or preamble_unit(caption.group(0)) is None:
        return start, start, []
    unit = caption.group(1)
    end = table_end(text, caption.end(), stop)
    numbers = [m for m in _NUMBER.finditer(text, caption.end(), end) if _figure_at(text, m)]
    if len(numbers) < 2:
        return caption.start(), caption.start(), []
    head = text[caption.end() : numbers[0].start()]
    if _RATES.search(head):
        # a column of rates printed without %: which numbers are amounts is not certain
        return caption.start(), caption.start(), []
    columns, first_name = _header(head)
    figures: list[dict[str, Any]] = []
    for name, printed in _rows(text, numbers, caption.end(), first_name):
        # a row printing more numbers than the columns holds its own first: the rest are no row's
        shown = printed[: len(columns)] if columns and len(printed) > len(columns) else printed
        if not columns and len(printed) > 1:
            continue  # several numbers in no column the table names: which is what is not known
        named = bool(columns) and len(printed) >= len(columns)
        for j, match in enumerate(shown):
            value = match.group(0)
            own = "%" if value.endswith("%") else _unit_of(name, unit)
            if own is None or not name:
                continue
            column = columns[j] if named else ""
            at = numbers.index(match) + 1
            figures.append(
                {
                    "id": f"f{n}_{at}",
                    "label": " / ".join(p for p in (_ROW_UNIT.sub("", name) or name, column) if p),
                    "value": value,
                    "unit": own,
                    "source": {
                        "line": text.count("\n", 0, match.start()) + 1,
                        "start": match.start(),
                        "end": match.end(),
                        "text": value,
                    },
                }
            )
    return caption.start(), numbers[-1].end(), figures
