"""Tables printed in a report's text as lines of cells between ``|`` (pages flatten tables so).

``合计 | 2911.47 | 2706.86 | -204.61 | -7.03% |``: a run of such lines, with a header row
of column names and rows of a label and numbers, is read by the table reader
(:mod:`perfcheck._read.tables`) — rows sum to 合计/小计 rows, subject codes sum up their
hierarchy, and 增减额/增减率/完成率 columns are checked — and its lines are left out of
the sentences the text reader reads, so no number is read twice. A run the table reader
cannot read (no unit anywhere, no numbers) is left to the text reader as before. The
layout was flattened, so every relation read from it is inferred: a break is a warning
to check by hand (PC903), never an error.

Pages flatten tables in three more ways, read here too:

- **cells between spaces** (``科目编码 科目名称 年初预算数 决算数 完成率`` over
  ``201 一般公共服务支出 150.00 140.00 93.3%``): a header line of column names (no number,
  one of them a column word: 预算, 决算, 上年, 增减, 完成, 金额, 合计…) and at least two
  lines of the same width, a label (and, under a code column, its 科目编码) then numbers;
  a row one cell short under a code column (``合计 150.00 140.00``) has no code;

- **one cell a line** (``年度`` / ``|`` / ``合计`` / ``|`` ..., or ``因公出国(境)费 |``, or
  bare lines): the rows are found from their shape, a label followed by the same number
  of values (numbers or dashes) again and again; the header is the labels before the
  first row;
- **a two-row header** whose first row has a cell spanning the columns of the second
  (``项目 | 上年决算数 | 本年决算数 | 比上年增、减情况`` over ``增、减金额 | 增、减幅度``): the
  second row's cells stand under the first row's cell that names what they share
  (预算数 over 年初预算 | 调整预算), else under its last cell, or under the last cell
  before a sub-row opened by 合计.

A page's header block (``标题: | …``, a ``---|---|`` rule, ``索引号: | …``) and the tables after
it are runs of their own: a run ends at a markdown rule and at a row holding only a table's
number (``表1``, ``表 2``), which opens the next.

A row ``2016年比2015年增减%`` under rows ``2015年`` and ``2016年`` states, column by column,
the change between those two rows; and a change column with both its amount and its rate
printed states two relations, each checked on its own, as a sentence stating them does.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from typing import Any, Final

from perfcheck._core.errors import LedgerError, ValueFormatError
from perfcheck._core.values import parse_value
from perfcheck._read.tables.cells import (
    LABEL_WORDS,
    LOCALE,
    TOTAL_LEVELS,
    code_text,
    column_ref,
    header_unit,
    is_blank,
    normalized,
    number_like,
    unit_stripped,
)
from perfcheck._read.tables.files import read_grid
from perfcheck._read.tables.grid import preamble_unit
from perfcheck._read.text.cell_shapes import noted, one_row
from perfcheck._read.text.flat_tables import CAPTION, flat_figures
from perfcheck._read.text.formula_keys import formula_sums, keyed_cells, keyed_grid, unkeyed
from perfcheck._read.text.indicators import after_unit, indicator_figures
from perfcheck._read.text.sangong_lines import Across, sangong_lines
from perfcheck._read.text.sangong_row import sangong_grid

#: The fewest lines a table needs: a header and two rows.
_MIN_LINES: Final = 3
#: The longest line that can be one cell of a table printed one cell a line.
_MAX_CELL: Final = 40
#: The most lines one cell of a table printed one cell a line is wrapped over.
_WRAPPED: Final = 3
#: The fewest rows a table printed one cell a line needs.
_MIN_ROWS: Final = 2
#: Characters a row name shares with its parts at least (公务用车), and the parts an A及B row has.
_SHARED: Final = 2
#: The three parts of 三公经费, as table rows name them.
_SANGONG: Final = ("因公出国", "公务接待", "公务用车")
#: An amount printed with its unit, in the text around a table.
_AMOUNT_UNIT: Final = re.compile(r"\d\s*(万元|亿元|千元|元)")
#: A row stating the change between two rows named by their years: 2016年比2015年增减%.
_YEARS_CHANGE: Final = re.compile(r"((?:19|20)\d{2})年?度?(?:比|较|与)((?:19|20)\d{2})年?度?(?:相比)?增减")


@dataclass(frozen=True, slots=True)
class TextTable:
    """A table found in the text: where its lines are, and the document the table reader made of it.

    Attributes:
        start: offset of its first line.
        end: offset just past its last line.
        figures: the figures (JSON-ready), each with its unit and its cell (row = line).
        relations: the relations the table states (JSON-ready).
        lines: its first and last line (1-based).
        unread: why no relation could be read from it (its figures are then read, in no
            relation); None for a table read.
        rows_unread: rows of it not placed (their blank cells dropped), each as its line,
            why, and the ids of its figures (read, in no relation).
    """

    start: int
    end: int
    figures: list[dict[str, Any]]
    relations: list[dict[str, Any]]
    lines: tuple[int, int] = (0, 0)
    unread: str | None = None
    rows_unread: tuple[tuple[int, str, tuple[str, ...]], ...] = ()


def _cells(line: str) -> list[object]:
    cells: list[object] = [noted(c.strip()) for c in line.split("|")]
    while cells and not cells[-1]:
        cells.pop()
    return cells


def _runs(text: str) -> list[tuple[int, int, int, list[list[object]]]]:
    """Tables printed as runs of lines of two or more ``|``: (first line number, start, end, their cells).

    A run may hold several tables, and lines that are no table's (a page's metadata
    printed as ``标题: | ...`` above it, a markdown rule ``---|---``): see :func:`_split_run`.
    """
    runs: list[tuple[int, int, int, list[list[object]]]] = []
    offset = 0
    current: list[tuple[int, int, int, list[object]]] = []
    for number, line in enumerate([*text.split("\n"), ""], start=1):
        cells = _cells(line) if line.count("|") >= 2 else []
        if cells and _opens_table(cells):
            # 表2 | |||: a new table begins; the lines before are a table of their own (or none)
            runs += _tables_of(current)
            current = []
        if cells and not _separator(cells):
            current.append((number, offset, offset + len(line), cells))
        else:
            # ---|---|: a markdown rule under a page's header block; what follows is another run
            runs += _tables_of(current)
            current = []
        offset += len(line) + 1
    return runs


#: A table's number printed as its own row: 表1, 表 2, 附表3.
_TABLE_NUMBER: Final = re.compile(r"^(?:附)?表\s*[0-9一二三四五六七八九十]+[:：.、]?$")


def _opens_table(cells: list[object]) -> bool:
    """Whether a line of cells is a table's number alone (``表2 | |||``): a new table begins there."""
    filled = [c for c in cells if not is_blank(c)]
    return len(filled) == 1 and bool(_TABLE_NUMBER.match(str(filled[0])))


def _separator(cells: list[object]) -> bool:
    """Whether a line of cells is a markdown rule (``---|---|``)."""
    filled = [str(c) for c in cells if not is_blank(c)]
    return bool(filled) and all(re.fullmatch(r":?-{3,}:?", c) for c in filled)


#: The one cell of a line above a table's header: its number (表2), title (…情况表) or unit.
_CAPTION: Final = re.compile(r"^表\s*\d+|单位\s*[:：]|表$|表[(（].*[)）]$|情况$")
#: Header rows above a table's first row of numbers, at most.
_HEADER_ROWS: Final = 3


def _has_number(row: list[object]) -> bool:
    return any(number_like(c) for c in row[1:])


def _heading(row: list[object]) -> bool:
    """A row of column names: a name after the first cell, and no number or blank mark."""
    filled = [c for c in row[1:] if not is_blank(c)]
    return bool(filled) and not any(number_like(c) for c in filled)


def _caption(row: list[object]) -> bool:
    filled = [str(c) for c in row if not is_blank(c)]
    return len(filled) == 1 and bool(_CAPTION.search(normalized(filled[0])))


def _label_only(row: list[object]) -> bool:
    """A row of a name and blank cells (``合计 | |||``): a row whose amounts the page left blank."""
    named = bool(row) and not is_blank(row[0]) and not number_like(row[0])
    return named and all(is_blank(c) for c in row[1:])


def _top(rows: list[Any], first: int, floor: int) -> int:
    """Where the table whose first row of numbers is ``rows[first]`` begins: its header, then its captions.

    Rows of a name and blank cells just above that row (``合计 | |||``) are the table's when a
    header stands above them.
    """
    blank = first
    while blank > floor and first - blank < _HEADER_ROWS and _label_only(rows[blank - 1][3]):
        blank -= 1
    if floor < blank < first and _heading(rows[blank - 1][3]):
        first = blank
    start = first
    while start > floor and first - start < _HEADER_ROWS and _heading(rows[start - 1][3]):
        start -= 1
    while start > floor and _caption(rows[start - 1][3]):
        start -= 1
    return start


def _split_run(rows: list[Any]) -> list[list[Any]]:
    """The tables of a run of ``|`` lines: each its captions, its header rows, then its rows.

    A row of column names after rows of numbers begins the next table (with the 表2,
    title and 单位 lines just above it); the lines before a table's captions and header
    (a page's metadata) are no table's. A run whose first row has numbers is one table
    as printed, its first row read as its header.
    """
    firsts = [k for k, row in enumerate(rows) if _has_number(row[3])]
    if not firsts or firsts[0] == 0:
        return [rows]
    tables: list[list[Any]] = []
    k: int | None = firsts[0]
    start = _top(rows, firsts[0], 0)
    while k is not None:
        end = next((e for e in range(k + 1, len(rows)) if _heading(rows[e][3])), len(rows))
        following = next((f for f in firsts if f > end), None)
        stop = len(rows) if following is None else _top(rows, following, k + 1)
        # rows of names after the table's rows of numbers, before the next table's captions and
        # header (a 自评表's 年度总体目标 | 年初设定目标 under its 资金 rows): not this table's
        tables += [rows[start:end], rows[end:stop]] if end < stop else [rows[start:stop]]
        k, start = following, stop
    return tables


def _tables_of(rows: list[Any]) -> list[tuple[int, int, int, list[list[object]]]]:
    """The tables of a run of ``|`` lines as (first line number, start, end, their cells)."""
    return [
        (table[0][0], table[0][1], table[-1][2], [c for *_, c in table])
        for table in _split_run(rows)
        if len(table) >= _MIN_LINES
    ]


#: Words of a column name in the header of a table printed with spaces between its cells.
_COLUMN_WORDS: Final = re.compile(r"预算|决算|上年|本年|增减|完成|金额|合计|执行|项目|科目|比例|率")
#: What a line of running text holds and a table's line does not.
_PROSE: Final = re.compile(r"[，。；：,;]")


#: The most words a label printed with spaces inside it holds (``1. 财政补助收入``, ``(一) 收入总计``).
_LABEL_WORDS: Final = 4


def _space_label(words: list[str]) -> str | None:
    """One row's label printed over several words: joined, from its last row number on; None if it is none.

    ``1. 财政补助收入`` is ``1.财政补助收入``; ``一、收入支出情况 (一) 收入总计`` prints a heading
    of no numbers and its first row on one line: the row is ``(一)收入总计``.

    >>> _space_label(["一、收入支出情况", "(一)", "收入总计"])
    '(一)收入总计'
    >>> _space_label(["1.", "财政补助收入"])
    '1.财政补助收入'
    >>> _space_label(["合计"])
    '合计'
    >>> _space_label(["1.", "2."]) is None
    True
    """
    if not words or len(words) > _LABEL_WORDS or number_like(words[-1]):
        return None
    at = max((k for k in range(1, len(words)) if _ordinal_level("".join(words[k:])) is not None), default=0)
    return "".join(words[at:])


def _split_space_line(line: str) -> tuple[str | None, list[str]]:
    """A line of cells between spaces as its label (None if it prints none) and its trailing values."""
    words = line.split()
    k = len(words)
    while k > 0 and _value(words[k - 1]):
        k -= 1
    if k == 0:
        return None, words
    return _space_label(words[:k]), words[k:]


def _space_row(line: str, width: int, *, coded: bool) -> list[object] | None:
    """A line's cells between spaces as a row ``width`` wide: a label, then numbers; None if it is none.

    Under a code column a row may print no code (合计): its first cell is left blank.
    Without one, a label may be printed over several words (``1. 财政补助收入``); a row
    printing fewer values than the columns, all of them zero, has its blank cells
    dropped by the page: its zeros add nothing to any sum wherever they stand, so it is
    read padded with blanks.
    """
    if _PROSE.search(line):
        return None
    cells: list[object] = list(line.split())
    if coded and len(cells) == width - 1 and not number_like(str(cells[0])):
        cells = ["", *cells]
    if not coded:
        label, values = _split_space_line(line)
        if label is None or not values or len(values) > width - 1:
            return None
        if len(values) < width - 1:
            if not all(number_like(v) and parse_value(v, LOCALE).number == 0 for v in values):
                return None
            values = [*values, *[""] * (width - 1 - len(values))]
        cells = [label, *values]
    if len(cells) != width:
        return None
    first = 1 + coded
    label_cells, values = cells[:first], [str(c) for c in cells[first:]]
    if not str(label_cells[-1]) or number_like(str(label_cells[-1])) or not all(_value(v) for v in values):
        return None
    return cells if any(number_like(v) for v in values) else None


def _wrapped_space_row(lines: list[str], j: int, width: int) -> list[object] | None:
    """A row whose label is printed alone on line ``j`` and its values on the next line; None if none.

    ``三、出院者平均医药费用`` over ``5591.34 5641.93 50.59 0.90%``: the values line holds
    the row's every value and nothing else.
    """
    if j + 1 >= len(lines) or _PROSE.search(lines[j]) or _PROSE.search(lines[j + 1]):
        return None
    label, values = _split_space_line(lines[j])
    if label is None or values:
        return None
    rest, numbers = _split_space_line(lines[j + 1])
    if rest is not None or len(numbers) != width - 1 or not any(number_like(v) for v in numbers):
        return None
    return [label, *numbers]


def _sub_header(line: str, width: int) -> list[str] | None:
    """A second header row under the last of ``width`` column names (``增减值 增减%``); None if none."""
    words = line.split()
    if len(words) < _SHARED or _PROSE.search(line) or any(number_like(w) for w in words):
        return None
    return words if any(_COLUMN_WORDS.search(w) for w in words) and len(words) < width else None


def _space_body(lines: list[str], j: int, width: int, *, coded: bool) -> tuple[list[list[object]], int]:
    """The rows of a table printed with spaces between cells from line ``j``, and the line after them."""
    rows: list[list[object]] = []
    while j < len(lines):
        if (row := _space_row(lines[j], width, coded=coded)) is not None:
            rows.append(row)
            j += 1
        elif not coded and (row := _wrapped_space_row(lines, j, width)) is not None:
            rows += [[], row]
            j += 2
        else:
            break
    return rows, j


def _space_runs(text: str) -> list[tuple[int, int, int, list[list[object]]]]:
    """Tables printed with spaces between cells: (first line number, start, end, their cells).

    The header may have a second row under its last column name (``2020比2019增减`` over
    ``增减值 增减%``), read as the ``|`` tables' two-row headers are; a row may print its
    label alone on a line and its values on the next (an empty row stands for the label's
    line, so that rows keep the numbers of their lines).
    """
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    runs: list[tuple[int, int, int, list[list[object]]]] = []
    for i, line in enumerate(lines):
        header = line.split()
        if len(header) < _MIN_LINES or _PROSE.search(line) or "|" in line:
            continue
        if any(number_like(h) for h in header) or not any(_COLUMN_WORDS.search(h) for h in header):
            continue
        coded = bool(re.search(r"编码|代码|编号", header[0])) and not header[0].startswith("项目")
        rows: list[list[object]] = [list(header)]
        width = len(header)
        j = i + 1
        below = _sub_header(lines[j], width + 1) if j < len(lines) and not coded else None
        if below is not None:
            rows.append(list(below))
            width += len(below) - 1
            j += 1
        body, j = _space_body(lines, j, width, coded=coded)
        rows += body
        if sum(_has_number(r) for r in rows) < _MIN_LINES - 1:
            continue
        first = i
        if i > 0 and re.fullmatch(r"\s*(?:\(|（)?单位\s*[：:]\s*\S{1,4}(?:\)|）)?\s*", lines[i - 1]):
            first = i - 1  # 单位：万元 on the line above: the table's unit
            rows.insert(0, [lines[i - 1].strip()])
        runs.append((first + 1, offsets[first], offsets[j - 1] + len(lines[j - 1]), rows))
    return runs


def _value(cell: str) -> bool:
    return number_like(cell) or is_blank(cell)


def _is_cell_line(line: str) -> bool:
    body = line.strip().removesuffix("|").strip()
    return bool(body) and "|" not in body and len(body) <= _MAX_CELL and not body.endswith(("。", "；", "，"))


def _marked(lines: list[str], i: int) -> bool:
    """Whether line ``i`` is a cell a ``|`` marks: its own (``20 |``) or a line ``|`` after it."""
    line = lines[i].strip()
    return line.endswith("|") or (i + 1 < len(lines) and lines[i + 1].strip() == "|")


def _wrapped(lines: list[str], i: int) -> int | None:
    """The last line of a cell printed over lines ``i``… before its line ``|`` (一般公共 / 预算)."""
    for k in range(i, min(i + _WRAPPED, len(lines))):
        if not _is_cell_line(lines[k]) or "|" in lines[k] or number_like(lines[k].strip()):
            return None
        if _marked(lines, k):
            return k if k > i else None
    return None


def _wrapped_suffixed(lines: list[str], i: int) -> int | None:
    """The last line of a cell printed over lines ``i``… where each cell ends with its own ``|``.

    A name wrapped over two lines (``公务用车`` / ``购置费 |``) in a run of ``cell |`` lines:
    the lines before the one that ends the cell have no ``|``, and none is a number.

    >>> _wrapped_suffixed(["公务用车", "购置费 |", "5.00 |"], 0)
    1
    >>> _wrapped_suffixed(["说明", "5.00 |"], 0) is None
    True
    """
    for k in range(i, min(i + _WRAPPED, len(lines))):
        line = lines[k].strip()
        if not _is_cell_line(lines[k]) or number_like(line.removesuffix("|").strip()):
            return None
        if line.endswith("|"):
            return k if k > i else None
        if "|" in line:
            return None
    return None


def _cell_run(lines: list[str], i: int) -> tuple[list[str], int, int]:
    """The cells of the run of one-cell lines from line ``i``: (cells, its last line, the line after it)."""
    bars = _marked(lines, i)
    suffixed = lines[i].strip().endswith("|")
    blanks = not suffixed and _doubled_blanks(lines, i)
    j, cells, last = i, [], i
    while j < len(lines):
        line = lines[j].strip()
        if line == "|" and bars:
            # each cell ends with its own |: a line | alone is a blank cell; a | after each
            # cell's line: a second | in a row marks a blank cell printed as no line at all
            if suffixed or (blanks and j > i and lines[j - 1].strip() == "|"):
                cells.append("")
                last = j
            j += 1
            continue
        if suffixed and j > i and len(line) > 1 and not line.strip("|"):
            # || or ||| alone: a header row's spanned or padding cells, closing the row
            j += 1
            continue
        if not _is_cell_line(lines[j]) or lines[j].count("|") > 1 or _marked(lines, j) != bars:
            wrap = None if not bars else _wrapped_suffixed(lines, j) if suffixed else _wrapped(lines, j)
            if wrap is None:
                break
            cells.append("".join(lines[k].strip().removesuffix("|").strip() for k in range(j, wrap + 1)))
            last = j = wrap
        else:
            cells.append(line.removesuffix("|").strip())
            last = j
        j += 1
    return cells, last, j


def _doubled_blanks(lines: list[str], i: int) -> bool:
    """Whether, in a run of cells each followed by a line ``|``, a second ``|`` marks a blank cell.

    It does where it follows only row names (``因公出国费`` / ``|`` / ``|``: the row's amount
    left blank); where one follows a number too, the page ends every row so, and it marks
    nothing.

    >>> _doubled_blanks(["合计", "|", "5", "|", "出国费", "|", "|", "接待费", "|", "5", "|"], 0)
    True
    >>> _doubled_blanks(["合计", "|", "5", "|", "|", "出国费", "|", "0", "|", "|"], 0)
    False
    """
    doubled = False
    for j in range(i + 2, len(lines)):
        if lines[j].strip() != "|":
            if not _is_cell_line(lines[j]):
                break
            continue
        if lines[j - 1].strip() == "|":
            if number_like(lines[j - 2].strip()):
                return False
            doubled = True
    return doubled


def _cell_runs(text: str) -> list[tuple[int, int, int, list[str], bool]]:
    """Runs of lines holding one cell each: (first line, start, end, the cells, whether ``|`` marks them).

    In a run marked by ``|`` (a cell then a line ``|``, or ``cell |``) only the marked
    lines are cells; a title printed above on its own line is not. Where each cell ends
    with its own ``|`` (``20 |``), a line of ``|`` alone is a blank cell, not a mark.
    Where a line ``|`` follows each cell, the lines before it are one cell wrapped
    (``一般公共`` / ``预算`` / ``|``: 一般公共预算).
    """
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    # a page printed double-spaced (a blank line after every line) is read without its blank lines
    spaced = _double_spaced(lines)
    at = [k for k, line in enumerate(lines) if line.strip() or not spaced]
    lines = [lines[k] for k in at]
    runs: list[tuple[int, int, int, list[str], bool]] = []
    i = 0
    while i < len(lines):
        if not _is_cell_line(lines[i]) or lines[i].count("|") > 1:
            i += 1
            continue
        cells, last, j = _cell_run(lines, i)
        if len(cells) >= _MIN_LINES * 2:
            end = offsets[at[last]] + len(lines[last])
            runs.append((at[i] + 1, offsets[at[i]], end, cells, _marked(lines, i)))
        i = max(j, i + 1)
    return runs


#: The share of a text's filled lines a blank line follows, at least, in a page printed double-spaced.
_DOUBLE_SPACED: Final = Decimal("0.9")


def _double_spaced(lines: list[str]) -> bool:
    """Whether a blank line follows nearly every filled line of a text (and there are a few).

    >>> _double_spaced(["总计", "", "100", "", "合计", "", "50", "", "说明。"])
    True
    >>> _double_spaced(["总计", "100", "", "合计", "50"])
    False
    """
    filled = [k for k, line in enumerate(lines[:-1]) if line.strip()]
    followed = sum(not lines[k + 1].strip() for k in filled)
    return len(filled) >= _MIN_LINES and followed >= _DOUBLE_SPACED * len(filled)


def _zero_row(cells: list[str], at: int, width: int) -> int:
    """How many values a row of zeros one cell a line prints from ``at`` (its label); 0 if none does.

    A row printing fewer values than the columns, all zero, and then the next row's label
    (or nothing) had its blank cells dropped: its zeros add nothing to a sum wherever
    they stand, so it is read padded with blanks, as a table printed with spaces reads it.

    >>> _zero_row(["因公出国费", "0.00", "公务接待费", "35.00", "26.40"], 0, 3)
    1
    >>> _zero_row(["因公出国费", "5.00", "公务接待费"], 0, 3)
    0
    """
    k = 0
    while at + 1 + k < len(cells) and k < width - 1 and _value(cells[at + 1 + k]):
        k += 1
    shown = cells[at + 1 : at + 1 + k]
    if _value(cells[at]) or not 0 < k < width - 1 or (at + 1 + k < len(cells) and _value(cells[at + 1 + k])):
        return 0
    return k if all(number_like(v) and parse_value(v, LOCALE).number == 0 for v in shown) else 0


def _rows(cells: list[str]) -> tuple[int, list[list[str]], int, int] | None:
    """Where a one-cell-a-line table's rows begin, the rows, where they end, their width: from their shape.

    A row is a label (no number) followed by values; the rows of a table all have the
    same width, but for a row of zeros whose blank cells were dropped (padded: see
    :func:`_zero_row`). Returns (first row's cell, the rows, end, width) or None.
    """
    for first in range(len(cells)):
        if _value(cells[first]) or first + 1 >= len(cells) or not _value(cells[first + 1]):
            continue
        width = 1
        while first + width < len(cells) and _value(cells[first + width]):
            width += 1
        # a first row may open with a blank (共计 | / | 860 | …): two numbers in it then
        numbers = sum(number_like(c) for c in cells[first + 1 : first + width])
        if width < 2 or numbers < (1 if number_like(cells[first + 1]) else _MIN_ROWS):
            continue
        end, rows = first, []
        while end < len(cells):
            if (
                end + width <= len(cells)
                and not _value(cells[end])
                and all(_value(c) for c in cells[end + 1 : end + width])
            ):
                rows.append(list(cells[end : end + width]))
                end += width
            elif k := _zero_row(cells, end, width):
                rows.append([*cells[end : end + 1 + k], *[""] * (width - 1 - k)])
                end += 1 + k
            else:
                break
        rows, end = _last_row_padded(cells, rows, end, width)
        # a column blank in every row (下级 under a county's own table) is no missing cell
        blank = sum(all(not r[c] for r in rows) for c in range(1, width)) if rows else 0
        if sum(len(r) - r.count("") == width - blank for r in rows) >= _MIN_ROWS:
            return first, rows, end, width
    return None


def _last_row_padded(
    cells: list[str], rows: list[list[str]], end: int, width: int
) -> tuple[list[list[str]], int]:
    """The rows with the run's last row, short of the trailing cells blank in every other row, padded.

    A page that ends a table with ``|`` after each cell drops the last row's trailing blank
    cell: the row is the rest of the run, a name and its values, and every column it lacks
    is blank in all the rows before it.

    >>> _last_row_padded(["甲", "1", "", "乙", "2"], [["甲", "1", ""]], 3, 3)
    ([['甲', '1', ''], ['乙', '2', '']], 5)
    >>> _last_row_padded(["甲", "1", "3", "乙", "2"], [["甲", "1", "3"]], 3, 3)
    ([['甲', '1', '3']], 3)
    """
    rest = cells[end:]
    if (
        not rows
        or not 1 < len(rest) < width
        or _value(rest[0])
        or not all(number_like(c) for c in rest[1:])
        or any(r[c] for r in rows for c in range(len(rest), width))
    ):
        return rows, end
    return [*rows, [*rest, *[""] * (width - len(rest))]], len(cells)


def _header(cells: list[str], width: int, *, marked: bool) -> list[list[object]]:
    """The header rows of ``cells`` (all printed before the first row) for a table ``width`` wide.

    One more cell than the width is a two-row header: the second row stands under the
    first row's last cell, and begins at a 合计/小计 if there is one. Cells before the
    header are the table's title.
    """
    if marked and len(cells) == width + 1:
        opener = next((k for k in range(len(cells) - 1, 1, -1) if cells[k] in TOTAL_LEVELS), len(cells) - 2)
        top, below = cells[:opener], cells[opener:]
        if len(top) + len(below) - 1 == width and len(below) >= 2:
            return _spanned([list(top), list(below)], width)
    head = cells[-width:] if len(cells) >= width else cells
    title: list[list[object]] = [[c] for c in cells[: len(cells) - len(head)]]
    return [*title, list(head)]


def _spanned(header: list[list[object]], width: int) -> list[list[object]]:
    """Two header rows, the second narrower: one cell of the first row spans the second row's cells.

    The spanning cell is the one that names what the cells under it share (``预算数`` over
    ``年初预算 | 调整预算``: every one of them shares two characters with it), else the
    first row's last cell (``比上年增、减情况`` over ``增、减金额 | 增、减幅度``).
    """
    top, below = header
    span = width - len(top) + 1
    if span < _SHARED or len(below) != span:  # a span covers two cells at least
        return header
    words = [set(normalized(str(cell))) - _NAMELESS for cell in top]
    named = [
        k
        for k in range(1, len(top))
        if all(len(words[k] & set(normalized(str(b)))) >= _SHARED for b in below)
    ]
    # 总收入 | 其中: over 医疗收入 | 财政补助收入 | …: 其中 spans the items it lists
    within = [k for k in range(1, len(top)) if normalized(str(top[k])).startswith("其中")]
    at = within[0] if len(within) == 1 else named[0] if len(named) == 1 else len(top) - 1
    return [
        [*top[:at], *[top[at]] * span, *top[at + 1 :]],
        [*[None] * at, *below, *[None] * (len(top) - at - 1)],
    ]


#: Characters every column name may hold, which say nothing of what a column is.
_NAMELESS: Final = frozenset("数额年度、（）()%％")


def _grid_of_cells(cells: list[str], *, marked: bool) -> tuple[list[list[object]], int] | None:
    """The grid of a table printed one cell a line, and how many cells it took; None if it is no table."""
    found = _rows(cells)
    if found is None:
        # a table of one row: its header as wide as the row, nothing after it
        single = one_row(cells, _value, lambda c: _caption([c]))
        return None if single is None else (single, len(cells))
    first, printed, end, width = found
    if sum(number_like(c) for c in cells[first:end]) < 2:
        return None
    head = cells[:first]
    if _halves(head, width):
        # 科目名称 | 执行数 | 决算数 | 科目名称 | 执行数 | 决算数: a 收入 half beside a 支出 half,
        # each printed row one row of each half (the last may have no right half); the
        # table reader reads the halves apart
        cells_in = [c for row in printed for c in row]
        body = cells_in + [""] * (len(cells_in) % (2 * width))
        pairs: list[list[object]] = [list(body[k : k + 2 * width]) for k in range(0, len(body), 2 * width)]
        return [*_header(_side_labels(head, width), 2 * width, marked=marked), *pairs], end
    rows: list[list[object]] = [list(row) for row in printed]
    return [*_header(head, width, marked=marked), *rows], end


def _side_labels(head: list[str], width: int) -> list[str]:
    """The header of a table in two halves, each half's first column named as its labels' (``收入项目``).

    A half headed ``收入`` over its rows' names holds its labels there: it is named so, as
    the table reader finds the halves by their label columns.

    >>> _side_labels(["表1", "收入", "预算数", "支出", "预算数"], 2)
    ['表1', '收入项目', '预算数', '支出项目', '预算数']
    """
    out = list(head)
    for k in (len(head) - 2 * width, len(head) - width):
        if not any(w in normalized(out[k]) for w in LABEL_WORDS):
            out[k] = f"{out[k]}项目"
    return out


def _halves(head: list[str], width: int) -> bool:
    """Whether the last cells before a table's first row name its columns twice, side by side.

    >>> _halves(["表1", "项目", "执行数", "决算数", "项目", "执行数", "决算数"], 3)
    True
    >>> _halves(["项目", "执行数", "决算数"], 3)
    False
    >>> _halves(["收入", "预算数", "调整预算数", "决算数", "支出", "预算", "调整预算数", "决算数"], 4)
    True
    """
    names = [normalized(c).removesuffix("数") for c in head[-2 * width :]]
    if len(names) != 2 * width or number_like(names[0]) or number_like(names[width]):
        return False
    # 收入 | 预算数 | 决算数 beside 支出 | 预算 | 决算数: the halves' first columns may differ
    return width >= _SHARED and names[1:width] == names[width + 1 :]


def _two_row_headers(grid: list[list[object]]) -> list[list[object]]:
    """A ``|``-table's header whose second row is narrower (its cells under a spanning cell), spread out."""
    first = next((k for k, row in enumerate(grid) if any(number_like(c) for c in row[1:])), None)
    if first is None or first < 2:
        return grid
    width = max(len(r) for r in grid[first:])
    top, below = grid[first - 2], grid[first - 1]
    if len(top) + len(below) == width and _label_dropped(top, grid[first:]):
        # 总收入 | 其中: over 医疗收入 | … beside rows of a name and numbers: the label
        # column's header cell, blank, was dropped from the line
        top = ["", *top]
    if len(top) < width and len(below) < width and len(top) + len(below) - 1 == width:
        return [*grid[: first - 2], *_spanned([top, below], width), *grid[first:]]
    if (repeated := _repeated_under(top, below, width)) is not None:
        return [*grid[: first - 2], *repeated, *grid[first:]]
    return grid


def _repeated_under(top: list[object], below: list[object], width: int) -> list[list[object]] | None:
    """A header whose second row repeats one group of names under each cell of the first, spread out.

    ``项目 | 预算数 | 决算数`` over ``合计 | 一般公共预算 | 政府性基金 | 合计 | 一般公共预算 | 政府性基金``
    (the label column's cell spanning both rows, so the second row is one cell short): each
    name of the first row spans one group. None when the second row is no such repetition.

    >>> _repeated_under(["项目", "预算", "决算"], ["合计", "基金", "合计", "基金"], 5)
    [['项目', '预算', '预算', '决算', '决算'], [None, '合计', '基金', '合计', '基金']]
    >>> _repeated_under(["项目", "预算", "决算"], ["合计", "基金", "合计", "其他"], 5) is None
    True
    """
    groups = len(top) - 1
    if groups < 2 or len(below) != width - 1 or is_blank(top[0]):
        return None
    span, rest = divmod(width - 1, groups)
    group = [normalized(str(c)) for c in below[:span]]
    if (
        rest
        or span < _SHARED
        or any([normalized(str(c)) for c in below[g * span : (g + 1) * span]] != group for g in range(groups))
    ):
        return None
    return [[top[0], *(cell for cell in top[1:] for _ in range(span))], [None, *below]]


def _label_dropped(top: list[object], rows: list[list[object]]) -> bool:
    """Whether a header row names no label column while the rows under it open with their names.

    >>> _label_dropped(["总收入", "其中:"], [["甲", "1", "2"], ["乙", "3", "4"]])
    True
    >>> _label_dropped(["项目", "其中:"], [["甲", "1", "2"]])
    False
    """
    first = normalized(str(top[0])) if top else ""
    named = bool(first) and not any(w in first for w in LABEL_WORDS) and not number_like(first)
    return named and all(row and not is_blank(row[0]) and not number_like(row[0]) for row in rows if row)


#: Row numbers from the outermost (一、) in: a flattened table shows its hierarchy by them alone.
_ORDINALS: Final = (
    re.compile(r"^[一二三四五六七八九十]+[、.．]"),
    re.compile(r"^[（(][一二三四五六七八九十]+[)）]"),
    re.compile(r"^\d+[、.．](?!\d)"),
    re.compile(r"^[（(]\d+[)）]"),
)


def _ordinal_level(label: str) -> int | None:
    return next((k for k, p in enumerate(_ORDINALS) if p.match(label)), None)


def _ordinal_indents(grid: list[list[object]]) -> list[list[object]]:
    """Rows under a numbered row (``一、税收收入`` over ``增值税``), indented as the page printed them.

    A flattened table loses its indentation; its row numbers keep the hierarchy: a row
    numbered at an inner level, or not numbered, after a numbered row is indented one
    step deeper, until a 合计/小计/总计 row or the next row numbered at the outer level.
    Rows after a total and before the next numbered row stay flat. A table whose rows are
    all numbered alike, or none, is left as printed; one whose rows are all numbered, at
    several levels (``(一)收入总计`` over ``1.财政补助收入``), is indented by its levels alone.
    """
    body = [k for k, row in enumerate(grid) if _has_number(row) or (len(row) == 1 and k > 0)]
    labels = {k: normalized(str(grid[k][0])) for k in body if grid[k] and isinstance(grid[k][0], str)}
    levels = {k: _ordinal_level(text) for k, text in labels.items()}
    found = sorted({v for v in levels.values() if v is not None})
    if not found or (len(found) == 1 and all(v is not None for v in levels.values())):
        return grid
    rank = {level: n for n, level in enumerate(found)}
    out = [list(row) for row in grid]
    depth: int | None = None
    keys = list(labels)
    for at, (k, text) in enumerate(labels.items()):
        level = levels[k]
        after = levels[keys[at + 1]] if at + 1 < len(keys) else None
        # (一)收入总计 over 1.财政补助收入: a numbered total heading its deeper-numbered parts
        heads = level is not None and after is not None and after > level
        if any(text.endswith(word) for word in TOTAL_LEVELS) and not heads:
            depth = None
            continue
        if level is not None:
            depth = rank[level]
        elif depth is None:
            continue
        indent = 2 * (depth + (level is None))
        out[k][0] = "\u3000" * indent + str(grid[k][0])
    return out


def _shared_head(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _within_indents(grid: list[list[object]]) -> list[list[object]]:
    """The rows of a 其中 list printed flat (``其中:公务用车运行维护费`` then ``公务用车购置费``), indented.

    A flattened table loses the indentation that shows where a 其中 list ends; a row
    after the 其中 row belongs to the list when its name begins as the 其中 row's item
    and the row the list breaks down do (公务用车…), and no row of another name came between.
    """
    out = [list(row) for row in grid]
    for k in range(1, len(grid)):
        label = normalized(str(grid[k][0])) if grid[k] else ""
        if not label.startswith("其中") or not _has_number(grid[k]):
            continue
        item = label[2:].lstrip(":：")
        whole = normalized(str(grid[k - 1][0])) if grid[k - 1] else ""
        head = min(_shared_head(item, whole), _SHARED * 2)
        if head < _SHARED:
            continue
        j = k + 1
        while j < len(grid) and grid[j] and (name := normalized(str(grid[j][0]))):
            if _shared_head(name, item) < head or any(name.endswith(w) for w in TOTAL_LEVELS):
                break
            out[j][0] = "\u3000" * 2 + str(grid[j][0]).lstrip()
            j += 1
    return out


#: An amount printed negative the accountant's way, in brackets: ``(1,234.00)``.
_BRACKETED: Final = re.compile(r"[(（]\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)\s*[)）]")


def _bracketed_negatives(grid: list[list[object]]) -> list[list[object]]:
    """Cells printed ``(100.00)`` after a row's label, read as the negative amounts they print.

    Only an amount with decimals or thousands separators is taken so: ``(2)`` is an
    item's number, not minus two.
    """
    return [
        [
            row[0],
            *(
                f"-{m.group(1)}" if isinstance(c, str) and (m := _BRACKETED.fullmatch(c.strip())) else c
                for c in row[1:]
            ),
        ]
        if row
        else row
        for row in grid
    ]


def _percent_rows(grid: list[list[object]]) -> list[list[object]]:
    """A row whose label says it is in percent (``2016年比2015年增减%``): its bare numbers are percentages."""
    out = []
    for row in grid:
        label = str(row[0]) if row and row[0] is not None else ""
        if label.endswith(("%", "％", "(%)", "（%）")) and len(row) > 1:
            out.append(
                [
                    row[0],
                    *(
                        f"{c}%" if isinstance(c, str) and number_like(c) and not c.endswith("%") else c
                        for c in row[1:]
                    ),
                ]
            )
            continue
        out.append(row)
    return out


def _read(  # noqa: PLR0913 - where the table is, keyword-only
    grid: list[list[object]], *, name: str, n: int, first: int, span: tuple[int, int], unit: str | None
) -> TextTable:
    """The table ``grid`` (its first row printed on line ``first``) as read, or as unread and why."""
    lines = (first, first + len(grid) - 1)
    try:
        ledger = read_grid(
            _within_indents(_ordinal_indents(_percent_rows(_notes_blanked(_bracketed_negatives(grid))))),
            name=name,
            sheet=f"table {n}",
            prefix=f"t{n}_",
            first_row=first,
            unit=unit,
        )
    except LedgerError as exc:
        why = exc.problems[0].message if exc.problems else str(exc)
        return TextTable(
            span[0], span[1], plain_figures(grid, n=n, first=first, unit=unit), [], lines, _reason(why)
        )
    data = ledger.to_dict()
    figures = [
        {**f, "unit": "%" if str(f["value"]).endswith("%") else f.get("unit") or ledger.unit}
        for f in data.get("figures", [])
    ]
    # the cells of a row in percent are no amounts: the column sums do not take them
    percents = {f["id"] for f in figures if f["unit"] == "%"}
    read = [
        r for r in data.get("relations", []) if r["kind"] != "sum" or not percents & {r["total"], *r["parts"]}
    ]
    if averaged := _averaged(grid):
        # 院均总收入: each row's values are an average over its own group, and averages
        # do not add up down a column (across, a total's average is its parts' averages)
        read = [r for r in read if not _down_averages(r, averaged)]
    relations = _once(
        [
            *_split_changes(read),
            *_row_changes(figures, f"t{n}_"),
            *_named_sums(figures, f"t{n}_"),
            *_row_shares(figures, f"t{n}_"),
        ]
    )
    if not relations:
        why = "no relation found: no 合计/小计 row, subject codes or change column to check its rows by"
        if sum(_has_number(row) for row in grid) == 1 and all(grid):  # (no row taken out: [])
            why = _ONE_ROW
        return TextTable(span[0], span[1], figures, [], lines, why)
    # the table's layout was flattened into text: its relations are read from a layout
    # perfcheck had to guess, so a break is one to check by hand (PC903)
    relations = [{**r, "basis": "inferred"} for r in relations]
    return TextTable(span[0], span[1], figures, relations, lines)


#: Words naming an average per head, per unit or per case: 院均, 人均, 生均, 平均…
_AVERAGE: Final = re.compile(r"[院人户生床车次件店校]均|平均|均值")


def _averaged(grid: list[list[object]]) -> set[str | None]:
    """The columns a table's caption or column names say hold averages (院均总收入情况, 人均支出).

    A caption above the header (a row of one cell) makes every column one (``None`` stands
    for any); a column name only its own column.

    >>> _averaged([["院均总收入情况"], ["", "总收入"], ["部属", "10"]]) == {None}
    True
    >>> grid = [["项目", "总支出", "人均支出"], ["甲", "10", "2"]]
    >>> _averaged(grid), _averaged([["项目", "总收入"], ["平均", "10"]])
    ({'C'}, set())
    """
    numbered = [k for k, row in enumerate(grid) if _has_number(row)]
    above = grid[: numbered[0]] if numbered else grid
    found: set[str | None] = set()
    for row in above:
        filled = [k for k, c in enumerate(row) if c is not None and str(c).strip()]
        for k in filled:
            if _AVERAGE.search(normalized(str(row[k]))):
                found.add(None if len(filled) == 1 else column_ref(k))
    return {None} if None in found else found


def _one_column(relation: dict[str, Any]) -> str | None:
    """The column a sum's total and parts are all cells of (``B`` for ``t1_B6`` = ``t1_B7`` + ``t1_B8``).

    None for a sum across several columns (a row's total).
    """
    ids = [relation["total"], *relation["parts"]]
    columns = {m.group(1) for i in ids if (m := re.search(r"_([A-Z]+)\d+$", str(i)))}
    return next(iter(columns)) if len(columns) == 1 else None


def _down_averages(relation: dict[str, Any], averaged: set[str | None]) -> bool:
    """Whether a relation is a sum down a column of averages (``averaged`` holding None: any column)."""
    column = _one_column(relation) if relation["kind"] == "sum" else None
    return column is not None and (None in averaged or column in averaged)


#: Why a table of one row gives no relation.
_ONE_ROW: Final = "a table of one row: nothing in it adds up, its figures read in no relation"


def _once(relations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The relations, a sum the table states twice (by indentation and by its rows' names) once."""
    seen: set[tuple[str, tuple[str, ...]]] = set()
    kept = []
    for r in relations:
        key = (str(r.get("total")), tuple(sorted(map(str, r.get("parts", [])))))
        if r["kind"] == "sum" and key in seen:
            continue
        if r["kind"] == "sum":
            seen.add(key)
        kept.append(r)
    return kept


def _reason(message: str) -> str:
    """Why the table reader could not read a table, from its first problem without the file and cell.

    >>> _reason("a.txt: table 1!A6 ('合计'): cannot read '预算数' as a number")
    "cannot read '预算数' as a number"
    """
    return re.sub(r"^.*?!?[A-Z]+\d+ \(.*?\): |^[^:]*: ", "", message, count=1)


def plain_figures(grid: list[list[object]], *, n: int, first: int, unit: str | None) -> list[dict[str, Any]]:
    """The numbers of a table the table reader could not read, each a figure labelled by its row.

    Its figures are read, in no relation (coverage counts them as read but unused), rather
    than lost with the table: each is named by its row's label and, where the header row
    just above the first row of numbers is as wide as its row, by its column's name. A
    table in no unit the page names gives its percentages alone.

    >>> grid = [["项目", "预算数", "决算数"], ["合计", "22.00", "8.77", "-"], ["接待费", "8.00", "0.30%"]]
    >>> for f in plain_figures(grid, n=1, first=3, unit="万元"):
    ...     print(f["label"], f["value"], f["unit"])
    合计 22.00 万元
    合计 8.77 万元
    接待费 / 预算数 8.00 万元
    接待费 / 决算数 0.30% %
    """
    numbered = [k for k, row in enumerate(grid) if _has_number(row)]
    header = grid[numbered[0] - 1] if numbered and numbered[0] > 0 else []
    figures: list[dict[str, Any]] = []
    for k, row in enumerate(grid):
        cells = [str(c).strip() if c is not None else "" for c in row]
        coded = len(cells) > 1 and code_text(cells[0]) is not None and not number_like(cells[1])
        label = " ".join(cells[: 1 + coded]) if cells and (coded or not number_like(cells[0])) else ""
        for col, text in enumerate(cells):
            if (col < 1 + coded and label) or not number_like(text) or is_blank(text):
                continue
            try:
                parse_value(text, LOCALE)
            except ValueFormatError:
                continue
            column = str(header[col]).strip() if len(header) == len(row) and header[col] is not None else ""
            name = " / ".join(p for p in (label, column) if p)
            place = f"{column_ref(col)}{first + k}"
            percent = text.endswith(("%", "％"))
            if unit is None and not percent:
                continue  # a number in no unit the page names is no figure perfcheck can read
            figures.append(
                {
                    "id": f"t{n}_{place}",
                    "label": name or text,
                    "value": text,
                    "unit": "%" if percent else unit,
                    "source": {"text": text, "sheet": f"table {n}", "cell": place},
                }
            )
    return figures


#: A character of words: a cell holding one and no number is a note, not a value.
_WORDS: Final = re.compile(r"[\u4e00-\u9fff]")


def _notes_blanked(grid: list[list[Any]]) -> list[list[Any]]:
    """The grid with notes blanked where its columns hold numbers (``2016年为预计数`` under 增减额).

    Flattening drops blank cells, so a 备注 can land under a column of numbers; a cell of
    words and no number there is no value of that column. Columns mostly of words (names,
    codes' labels) keep every cell.

    >>> rows = [["项目", "预算", "增减"], ["甲", "12", "1"], ["乙", "13", "2"], ["丙", "14", "为预计数"]]
    >>> _notes_blanked(rows)[3]
    ['丙', '14', '']
    """
    body = grid[1:]
    numeric = set()
    for col in range(1, max((len(row) for row in grid), default=0)):
        cells = [str(row[col]).strip() for row in body if col < len(row) and str(row[col]).strip()]
        if cells and 2 * sum(number_like(c) for c in cells) > len(cells):
            numeric.add(col)
    if not numeric:
        return grid
    return [
        grid[0],
        *(
            [
                "" if col in numeric and not number_like(str(v)) and _WORDS.search(str(v)) else v
                for col, v in enumerate(row)
            ]
            if any(number_like(str(v)) for v in row[1:])  # a row of values, not of headers
            else row
            for row in body
        ),
    ]


def _split_changes(relations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A change with its amount and its rate printed is two statements, each checked on its own."""
    out: list[dict[str, Any]] = []
    for rel in relations:
        if rel.get("kind") == "change" and "delta" in rel and "percent" in rel and "prior" in rel:
            amount = {k: v for k, v in rel.items() if k != "percent"}
            rate = {k: v for k, v in rel.items() if k != "delta"}
            out += [amount, {**rate, "id": f"{rel['id']}_rate"}]
        else:
            out.append(rel)
    return out


def _placed(figures: list[dict[str, Any]]) -> tuple[dict[tuple[str, str], dict[str, Any]], dict[str, str]]:
    """The figures by (column, row) of their cell, and each row's label, rows in order."""
    cells: dict[tuple[str, str], dict[str, Any]] = {}
    rows: dict[str, str] = {}
    for fig in figures:
        cell = str(fig.get("source", {}).get("cell", ""))
        match = re.fullmatch(r"([A-Z]+)(\d+)", cell)
        if match is None:
            continue
        cells[match.group(1), match.group(2)] = fig
        rows.setdefault(match.group(2), str(fig["label"]).split(" / ")[0].strip())
    return cells, rows


def _named_sums(figures: list[dict[str, Any]], prefix: str) -> list[dict[str, Any]]:
    """Sums a 三公 table states by its row names alone, with no 合计 row.

    ``公务用车购置及运行维护费`` followed by ``公务用车购置费`` and ``公务用车运行维护费`` is their
    sum; a row naming 三公 is the sum of the rows of 因公出国, 公务接待 and 公务用车 (the
    first row of each, so the 及 row rather than its parts).
    """
    cells, rows = _placed(figures)
    order = list(rows)
    sums: list[tuple[str, list[str]]] = []
    for k, row in enumerate(order[:-2]):
        label, first, second = rows[row], rows[order[k + 1]], rows[order[k + 2]]
        lead = 0
        while lead < min(len(label), len(first), len(second)) and label[lead] == first[lead] == second[lead]:
            lead += 1
        halves = label[lead:].split("及", 1)
        if (
            lead >= _SHARED
            and len(halves) == _SHARED
            and first[lead:].startswith(halves[0][:_SHARED])
            and second[lead:].startswith(halves[-1][:_SHARED])
            and all(halves)
        ):
            sums.append((row, [order[k + 1], order[k + 2]]))
    total = next((r for r in order if "三公" in rows[r] and "其中" not in rows[r]), None)
    parts = [next((r for r in order if word in rows[r] and r != total), None) for word in _SANGONG]
    if total is not None and all(parts):
        sums.append((total, [p for p in parts if p is not None]))
    out: list[dict[str, Any]] = []
    for whole, items in sums:
        for (col, row), fig in cells.items():
            found = [cells.get((col, r)) for r in items]
            if row != whole or fig.get("unit") == "%" or any(f is None for f in found):
                continue
            out.append(
                {
                    "id": f"{prefix}named_r{row}_{col}",
                    "kind": "sum",
                    "label": f"{rows[whole]} = " + " + ".join(rows[r] for r in items),
                    "total": fig["id"],
                    "parts": [f["id"] for f in found if f is not None],
                }
            )
    return out


#: Header words of a column of each row's share of the table's total.
_SHARE_WORDS: Final = ("占比", "比重", "构成", "占合计", "占总计", "所占比例")


def _row_shares(figures: list[dict[str, Any]], prefix: str) -> list[dict[str, Any]]:
    """A 占比 column: each row's amount (in the column to its left) ÷ the table's 合计/总计 row's.

    Only a table with one top total row (总计 over 合计 over 小计) states it; a 占比
    whose header names what it is a share of other than the total (占预算) is no share.
    """
    cells, rows = _placed(figures)
    levels = {
        r: level
        for r, label in rows.items()
        for word, level in TOTAL_LEVELS.items()
        if normalized(label).endswith(word)
    }
    top = max(levels.values(), default=0)
    totals = [r for r, level in levels.items() if level == top]
    if len(totals) != 1:
        return []
    columns = sorted({col for col, _ in cells}, key=lambda c: (len(c), c))
    out: list[dict[str, Any]] = []
    for k, col in enumerate(columns):
        shares = {r: fig for (c, r), fig in cells.items() if c == col and fig.get("unit") == "%"}
        header = next((str(f["label"]).split(" / ")[-1] for f in shares.values()), "")
        if not shares or not any(w in normalized(header) for w in _SHARE_WORDS) or "预算" in header or k == 0:
            continue
        amount = columns[k - 1]
        whole = cells.get((amount, totals[0]))
        if whole is None or whole.get("unit") == "%":
            continue
        for row, fig in shares.items():
            if (part := cells.get((amount, row))) is None:
                continue
            out.append(
                {
                    "id": f"{prefix}share_r{row}_{col}",
                    "kind": "ratio",
                    "label": f"{rows[row]} / {header} = {rows[row]} ÷ {rows[totals[0]]}",
                    "numerator": part["id"],
                    "denominator": whole["id"],
                    "stated": fig["id"],
                }
            )
    return out


def _row_changes(figures: list[dict[str, Any]], prefix: str) -> list[dict[str, Any]]:
    """``2016年比2015年增减%``: per column, the change between the rows of those two years."""
    cells, rows = _placed(figures)
    out: list[dict[str, Any]] = []
    for row, label in rows.items():
        said = _YEARS_CHANGE.search(label)
        if said is None:
            continue
        named = {
            year: [r for r, lab in rows.items() if r != row and lab.startswith(year)]
            for year in said.groups()
        }
        if any(len(found) != 1 for found in named.values()):
            continue
        now, before = named[said.group(1)][0], named[said.group(2)][0]
        for (col, r), fig in cells.items():
            if r != row or fig.get("unit") != "%" or (col, now) not in cells or (col, before) not in cells:
                continue
            out.append(
                {
                    "id": f"{prefix}growth_r{row}_{col}",
                    "kind": "change",
                    "label": f"{label} / {str(fig['label']).split(' / ')[-1]}",
                    "current": cells[col, now]["id"],
                    "prior": cells[col, before]["id"],
                    "percent": fig["id"],
                    "direction": "increase",
                }
            )
    return out


#: Lines above a table that may print its unit (its title, then 单位：万元).
_UNIT_LINES: Final = 3


def _unit_above(text: str, start: int) -> str | None:
    """The unit a ``单位：万元`` line printed just above a table (at ``start``) names, if one does."""
    lines = text[:start].rstrip("\n").split("\n")[-_UNIT_LINES:]
    return next((u for line in reversed(lines) if (u := preamble_unit(line))), None)


def _caption_unit(row: list[Any]) -> str | None:
    """The unit a row of captions names: ``单位:万元`` alone, or beside others (``单位名称:某中学``).

    >>> _caption_unit(["单位名称:某中学", "单位:万元"]), _caption_unit(["项目", "单位:万元"])
    ('万元', None)
    """
    cells = [str(c).strip() for c in row if str(c).strip()]
    units = [u for c in cells if (u := preamble_unit(c))]
    # 单位名称:某中学 | 单位:万元: the unit beside other captions of the same form
    captions = len(units) == 1 and all(re.search(r"[:：]", c) and not number_like(c) for c in cells)
    return units[0] if units and (len(cells) == 1 or captions) else None


#: Lines above a table searched for the header of its indicators' columns after their unit.
_HEADER_LINES: Final = 6
#: Why an indicator table gives no relation (:mod:`.indicators`).
_INDICATORS: Final = "an indicator table: each row's values read in the unit it prints, in no relation"
#: Columns of a 绩效自评表 that hold scores (分), whatever unit its amounts are in.
_SCORES: Final = frozenset({"分值", "得分", "评分", "自评得分"})


def _broken_first_cell(grid: list[list[Any]], before: str) -> tuple[list[list[Any]], str | None]:
    r"""A header whose first cell the page broke onto lines of its own, joined again; the unit it names.

    A row printed ``| 项目资金（万元） | 年初预算数 | … |`` whose page broke it after its
    leading ``|`` and after its first cell prints ``|``, then ``项目资金（万元） |``, then
    the rest: a header without the rows' leading blank cell and label column. The cell
    is the header's again; a unit it names in brackets is the table's amounts' unit, and
    the score columns (分值, 得分) of such a self-evaluation table are then in 分.

    >>> grid = [["年初预算数", "全年执行数", "分值"], ["", "总额", "5.00", "4.00", "10.00"]]
    >>> joined, unit = _broken_first_cell(grid, "自评表\n|\n项目资金 (万元) |\n")
    >>> joined[0], unit
    (['', '项目资金 ', '年初预算数', '全年执行数', '分值（分）'], '万元')
    """
    above = before.rstrip("\n").split("\n")[-2:]
    if len(above) < 2 or len(grid) < 2:
        return grid, None
    cell = above[1].strip()
    if cell.count("|") != 1 or not cell.endswith("|") or number_like(cell.removesuffix("|").strip()):
        return grid, None
    head, widest = grid[0], max(len(row) for row in grid[1:])
    name = cell.removesuffix("|")
    unit = header_unit(name)
    rows = [row for row in grid[1:] if row]
    if not head or is_blank(head[0]):
        return grid, None
    if above[0].strip() == "|" and len(head) + 2 == widest and all(is_blank(row[0]) for row in rows):
        lead = [""]  # the rows open with a blank cell, the line's leading |
    elif unit and len(head) + 1 == widest and all(not is_blank(r[0]) and not number_like(r[0]) for r in rows):
        # ``资金情况（万元） |`` on a line of its own over ``全年预算数(A) | …``, the rows opening
        # with their names: the cell is the header's label column, the unit the amounts'
        lead = []
    else:
        return grid, None
    scores = [f"{h}（分）" if unit and str(h).strip() in _SCORES else h for h in head]
    return [[*lead, unit_stripped(name) if unit else name.strip(), *scores], *grid[1:]], unit


def _unit_rows(grid: list[list[Any]]) -> tuple[list[list[Any]], str | None]:
    """A run without its leading ``单位：万元 | | |`` rows, and the unit they name (None when none).

    >>> _unit_rows([["单位:万元", "", ""], ["项目", "预算数", "决算数"]])
    ([['项目', '预算数', '决算数']], '万元')
    >>> _unit_rows([["单位名称:某中学", "单位:万元"], ["项目", "预算数"]])
    ([['项目', '预算数']], '万元')
    """
    unit = None
    while grid:
        named = _caption_unit(grid[0])
        if named is None:
            break
        unit, grid = unit or named, grid[1:]
    return grid, unit


def text_tables(text: str, *, name: str) -> list[TextTable]:
    """The tables the text prints as lines of cells; runs that are no table are left out.

    A run of lines read as a table but from which no relation could be read is kept,
    marked ``unread`` with the reason: its figures are read (in no relation) and its
    lines are not read again as sentences.
    """
    found: list[TextTable] = []
    n = 0
    # a table that names no unit is in the unit the text around it prints most
    units = Counter(_AMOUNT_UNIT.findall(text))
    unit = units.most_common(1)[0][0] if units else None
    for line, start, end, lines in [*_runs(text), *_space_runs(text)]:
        if sum(number_like(c) for row in lines for c in row) < 2:
            continue
        n += 1
        found.append(_bar_table(text, lines, name=name, n=n, at=(line, start, end), unit=unit))
    for first, start, end, run, marked in _cell_runs(text):
        cells = keyed_cells([noted(c) for c in run], _value)
        while cells:
            read = _grid_of_cells(cells, marked=marked)
            if read is None:
                # the standard 三公 table: one row of amounts, under the items' columns
                across = sangong_grid(cells)
                read = None if across is None else (_titled(across, cells), len(cells))
            if read is None:
                break
            grid, used = read
            n += 1
            # the cells are not lines: the table's rows are numbered from its first line
            above = _unit_above(text, start) or _title_unit(grid)
            table = _keyed(_read(grid, name=name, n=n, first=first, span=(start, end), unit=above or unit), n)
            table = _placed_by_sums(table)
            if not above and table.unread is not None:
                table = _unit_guessed(table)
            # the cells are not lines: the table spans the lines of its run
            found.append(replace(table, lines=(first, first + text.count("\n", start, end))))
            cells = cells[used:]
    return found + _flat_tables(text, found, n)


#: Why a table flattened into text gives no relation (:mod:`.flat_tables`).
_FLAT: Final = "a table flattened into text: its numbers read in the unit its caption names, in no relation"


def _flat_tables(text: str, found: list[TextTable], n: int) -> list[TextTable]:
    """The tables flattened into text under a unit caption (:mod:`.flat_tables`), outside those ``found``."""
    spans = sorted((t.start, t.end) for t in found)
    flat: list[TextTable] = []
    at = 0
    while (caption := CAPTION.search(text, at)) is not None:
        at = caption.end()
        if any(a <= caption.start() < b for a, b in spans):
            continue
        stop = min((a for a, _ in spans if a >= caption.end()), default=len(text))
        start, end, figures = flat_figures(text, caption.start(), stop, n=n + len(flat) + 1)
        if figures:
            lines = (text.count("\n", 0, start) + 1, text.count("\n", 0, end) + 1)
            flat.append(TextTable(start, end, figures, [], lines, _FLAT))
            at = max(at, end)
    return flat


def _bar_table(  # noqa: PLR0913 - the run, and where it is
    text: str, lines: list[list[object]], *, name: str, n: int, at: tuple[int, int, int], unit: str | None
) -> TextTable:
    """The table a run of ``|`` lines (or of cells between spaces) prints, first printed on line ``at[0]``."""
    line, start, end = at
    grid, own = _unit_rows(lines)
    grid, named = _broken_first_cell(grid, text[:start])
    own = own or named or _unit_above(text, start) or _title_unit(grid)
    first = line + len(lines) - len(grid)  # rows keep the numbers of the lines they are printed on
    if (indicators := _indicators(grid, text, n=n, first=first, span=(start, end))) is not None:
        # a 绩效自评表's indicators: each row's values in the unit it prints, in no relation
        return indicators
    if (printed := sangong_lines(grid)) is not None:
        # the standard 三公 table printed across, one row of amounts: a row per item
        return _across(printed, grid, name=name, n=n, first=first, span=(start, end), unit=own or unit)
    grid = _two_row_headers(grid)
    raw = text[start:end].split("\n")[len(lines) - len(grid) :]
    grid = keyed_grid(grid)
    table = _keyed(_read(grid, name=name, n=n, first=first, span=(start, end), unit=own or unit), n)
    if shifted := _shifted(table, grid, raw, first):
        kept = [[] if k in shifted else row for k, row in enumerate(grid)]
        table = _read(kept, name=name, n=n, first=first, span=(start, end), unit=own or unit)
        table = _gapped_sums_left(_rows_unread(table, grid, shifted, n=n, first=first, unit=own))
    return table if own or table.unread is None else _unit_guessed(table)


def _padded(line: str) -> bool:
    """Whether a ``|`` line prints blank cells after its last filled one (``合计 | 1.00 | |``)."""
    parts = line.strip().split("|")
    empty = 0
    while parts and not parts[-1].strip():
        parts.pop()
        empty += 1
    return empty > 1 or (empty == 1 and not line.strip().endswith("|"))


def _dropped_blanks(grid: list[list[object]], raw: list[str]) -> list[int]:
    """The rows of a ``|`` table whose blank cells the page's conversion dropped: their cells shifted left.

    A page that writes blank cells (some line of the table prints empty cells after its
    last filled one, ``| |||``) and prints a row of numbers narrower than the table, with
    no blank cell of its own (``22.00 | 8.77 | 14.00 | 8.47 |`` under twelve columns), lost
    that row's blanks: which column each of its cells stood under is not known.

    >>> grid = [["项目", "预算数", "决算数", "增减"], ["甲", "1", "2", "1"], ["乙", "3", "1"]]
    >>> _dropped_blanks(grid, ["项目 | 预算数 | 决算数 | 增减 | |", "甲 | 1 | 2 | 1 |", "乙 | 3 | 1 |"])
    [2]
    >>> _dropped_blanks(grid, ["项目 | 预算数 | 决算数 | 增减 | |", "甲 | 1 | 2 | 1 |", "乙 | 3 | 1 | |"])
    []
    """
    numbered = [k for k, row in enumerate(grid) if _has_number(row)]
    width = max((len(grid[k]) for k in numbered), default=0)
    if not any(_padded(line) for line in raw):
        return []
    return [
        k
        for k in numbered
        if len(grid[k]) < width and not _padded(raw[k]) and not any(is_blank(c) for c in grid[k][1:])
    ]


def _shifted(table: TextTable, grid: list[list[object]], raw: list[str], first: int) -> list[int]:
    """The rows of ``grid`` (read as ``table``) whose cells may stand under other columns than printed."""
    shifted = _dropped_blanks(grid, raw) if len(raw) == len(grid) else []
    # a narrow row whose cells, as placed, make every sum they are in hold is placed right
    shifted = [k for k in shifted if not _confirmed(table, first + k)]
    if not shifted and table.unread is not None and _UNIT_CLASH in table.unread:
        shifted = _narrow_rows(grid)
    return shifted


#: What the table reader says of a percentage under a column of another unit.
_UNIT_CLASH: Final = "is printed in % but its unit is"


def _narrow_rows(grid: list[list[object]]) -> list[int]:
    """The rows of numbers with fewer filled cells than the widest: where a shifted cell may come from.

    A page that pads every row with blank cells at its end may still drop a blank cell
    inside a row (``当年财政拨款 | 7.29 | 7.29 | 7.29 | 100% | ||||`` under a 分值 column
    it left blank): a percentage then stands under a column of amounts or scores, and the
    table reader refuses the table. Such rows are not placed by guess.

    >>> _narrow_rows([["项目", "a", "b", "c"], ["甲", "1", "2", "3"], ["乙", "1", "5%", "", ""]])
    [2]
    """
    filled = {k: sum(not is_blank(c) for c in row) for k, row in enumerate(grid) if _has_number(row)}
    widest = max(filled.values(), default=0)
    return [k for k, n in filled.items() if n < widest]


def _confirmed(table: TextTable, line: int) -> bool:
    """Whether the row printed on ``line`` takes part in sums of ``table``, each of which holds.

    A sum holds when total and parts differ by no more than their printed rounding allows
    (half a unit of the last printed digit each).
    """
    values = _values(table)
    row_ids = {f["id"] for f in table.figures if _row_of(f) == line}
    sums = [r for r in table.relations if r["kind"] == "sum" and row_ids & {r["total"], *r["parts"]}]
    return bool(sums) and all(_holds(rel, values) for rel in sums)


def _values(table: TextTable) -> dict[str, tuple[Decimal, Decimal]]:
    """Each figure's printed number and half a unit of its last digit, by id (the numbers alone)."""
    values: dict[str, tuple[Decimal, Decimal]] = {}
    for fig in table.figures:
        text = str(fig["value"]).replace(",", "")
        try:
            number = Decimal(text)
        except InvalidOperation:
            continue
        values[fig["id"]] = (number, Decimal(1).scaleb(number.as_tuple().exponent) / 2)  # type: ignore[arg-type]
    return values


def _row_of(figure: dict[str, Any]) -> int | None:
    """The line a table's figure was printed on: its cell's row."""
    cell = re.search(r"\d+$", str(figure.get("source", {}).get("cell", "")))
    return int(cell.group()) if cell else None


def _holds(rel: dict[str, Any], values: dict[str, tuple[Decimal, Decimal]]) -> bool:
    """Whether an exhaustive sum holds within its figures' printed rounding."""
    ids = [rel["total"], *rel["parts"]]
    if any(i not in values for i in ids) or rel.get("exhaustive") is False:
        return False
    gap = values[rel["total"]][0] - sum((values[i][0] for i in rel["parts"]), Decimal(0))
    return abs(gap) <= sum((values[i][1] for i in ids), Decimal(0))


#: Why a table printed one cell a line whose sums all break is not read.
_UNPLACED: Final = (
    "its cells add up under no total as placed: a blank cell the page printed as no line "
    "may have shifted them; not placed"
)


def _placed_by_sums(table: TextTable) -> TextTable:
    """A table printed one cell a line, unread when two sums or more were read from it and none holds.

    Its rows were found by their shape; a blank cell printed as no line at all shifts the
    cells after it under other columns, and its sums then break everywhere. One wrong
    amount breaks the sums it is in, not every sum of the table: when none holds, the
    layout, not the report, is what is wrong. Its numbers are still read, in no relation.
    """
    sums = [r for r in table.relations if r["kind"] == "sum"]
    values = _values(table)

    def holds(rel: dict[str, Any]) -> bool:
        if rel.get("exhaustive") is not False:
            return _holds(rel, values)
        # a 其中 list: its parts add up to no more than their total, within their rounding
        ids = [rel["total"], *rel["parts"]]
        if any(i not in values for i in ids):
            return False
        gap = values[rel["total"]][0] - sum((values[i][0] for i in rel["parts"]), Decimal(0))
        return gap >= -sum((values[i][1] for i in ids), Decimal(0))

    if len(sums) < _MIN_ROWS or any(holds(r) for r in sums):
        return table
    return replace(table, relations=[], unread=_UNPLACED)


def _gapped_sums_left(table: TextTable) -> TextTable:
    """``table`` without the sums a row it left unplaced may belong to, unless they hold without it.

    A row not placed stands between a sum's total and parts (or among its parts): its
    cells may be parts of the sum. A sum that does not hold without them is not built,
    rather than reported as broken for want of a part; one that holds is kept.
    """
    lines = [line for line, _, _ in table.rows_unread]
    rows = {f["id"]: _row_of(f) for f in table.figures}
    values = _values(table)

    def spans(rel: dict[str, Any]) -> bool:
        at = [r for r in (rows.get(i) for i in (rel["total"], *rel["parts"])) if r is not None]
        return bool(at) and any(min(at) < line < max(at) for line in lines)

    kept = [r for r in table.relations if r["kind"] != "sum" or not spans(r) or _holds(r, values)]
    return table if len(kept) == len(table.relations) else replace(table, relations=kept)


def _rows_unread(  # noqa: PLR0913 - the table, and where its rows are
    table: TextTable, grid: list[list[object]], rows: list[int], *, n: int, first: int, unit: str | None
) -> TextTable:
    """``table`` read without ``rows`` (their blanks dropped): their numbers are figures in no relation.

    A row whose cells may stand under other columns than they seem to is not guessed
    at: it is listed as unread, with its line, so no relation is checked on a cell placed
    under the wrong column.
    """
    width = max(len(row) for row in grid)
    why = f"{{}} cells under the table's {width} columns, its blank cells dropped: not placed"
    taken = {f["id"] for f in table.figures}
    figures = list(table.figures)
    unread = []
    for k in rows:
        extra = [f for f in plain_figures([grid[k]], n=n, first=first + k, unit=unit) if f["id"] not in taken]
        figures += extra
        unread.append((first + k, why.format(len(grid[k])), tuple(f["id"] for f in extra)))
    return replace(table, figures=figures, rows_unread=tuple(unread))


def _across(  # noqa: PLR0913 - the table, and where it is
    across: Across,
    grid: list[list[object]],
    *,
    name: str,
    n: int,
    first: int,
    span: tuple[int, int],
    unit: str | None,
) -> TextTable:
    """The 三公 table ``grid`` prints across, read as its row per item (:mod:`.sangong_lines`).

    Its rows are numbered from the line of its amounts (the line of its column names is
    the row of names), so that its cells' ids differ from those of the amounts it left
    unplaced (named by their place on that line) and of a column beside the items.
    """
    last = first + len(grid) - 1
    table = _read(across.grid, name=name, n=n, first=last, span=span, unit=unit)
    amounts = [str(c).strip() for c in grid[-1] if c is not None and str(c).strip()]
    names = [str(c).strip() for c in grid[-2] if c is not None and str(c).strip()]

    def figure(text: str, label: str, place: str) -> dict[str, Any]:
        return {
            "id": f"t{n}_{place}",
            "label": label,
            "value": text,
            "unit": "%" if text.endswith(("%", "％")) else unit,
            "source": {"text": text, "sheet": f"table {n}", "cell": place},
        }

    extra = [figure(names[k], label, f"{column_ref(k)}{last - 1}") for label, k in across.beside]
    unplaced = [figure(amounts[k], amounts[k], f"{column_ref(k)}{last}") for k in across.unplaced]
    figures = [*table.figures, *(f for f in [*extra, *unplaced] if f["unit"] is not None)]
    rows = table.rows_unread
    if ids := tuple(f["id"] for f in unplaced if f["unit"] is not None):
        why = f"{len(ids)} amounts the 三公 items' sums place under two items or more (blanks dropped)"
        rows = (*rows, (last, why, ids))
    return replace(table, figures=figures, lines=(first, last), rows_unread=rows)


def _titled(grid: list[list[object]], cells: list[str]) -> list[list[object]]:
    """``grid`` under the caption naming its unit among ``cells`` (``单位:万元``), if one does."""
    caption = next((c for c in cells if preamble_unit(c)), None)
    return grid if caption is None else [[caption], *grid]


def _title_unit(grid: list[list[object]]) -> str | None:
    """The unit a cell of its own before a table's header names (``表1`` / ``单位:万元`` / ``项目``…).

    >>> _title_unit([["表1"], ["单位:万元"], ["项目", "决算数"], ["合计", "10"]])
    '万元'
    """
    for row in grid:
        if _has_number(row):
            break
        if unit := _caption_unit(row):
            return unit
    return None


def _unit_guessed(table: TextTable) -> TextTable:
    """An unread table that names no unit of its own: its percentages are read, its other numbers not.

    The unit the text around it prints most is a guess good enough for a table whose
    relations check it, not for counts (公务用车保有量 | 41) in a table checked by nothing.
    A number under a column whose name prints its unit (``预算金额（万元）``, ``项目数（个）``)
    is in that unit, guessed by nothing: it is read.

    >>> figures = [{"label": "1月 / 项目数（个）", "unit": "个"}, {"label": "1月 / 数量", "unit": "万元"}]
    >>> [f["label"] for f in _unit_guessed(TextTable(0, 1, figures, [])).figures]
    ['1月 / 项目数（个）']
    """

    def named(figure: dict[str, Any]) -> bool:
        column = str(figure.get("label", "")).rpartition(" / ")[2]
        return figure.get("unit") == "%" or (bool(column) and header_unit(column) == figure.get("unit"))

    return replace(table, figures=[f for f in table.figures if named(f)])


def _indicators(
    grid: list[list[object]], text: str, *, n: int, first: int, span: tuple[int, int]
) -> TextTable | None:
    """An indicator table with a unit column (:mod:`.indicators`), read in no relation; else None."""
    above = text[: span[0]].split("\n")[-_HEADER_LINES:]
    figures = indicator_figures(grid, after_unit(above), n=n, first=first)
    if not figures:
        return None
    return TextTable(span[0], span[1], figures, [], (first, first + len(grid) - 1), _INDICATORS)


def _keyed(table: TextTable, n: int) -> TextTable:
    """A table whose rows carry formula keys (:mod:`.formula_keys`): read by its formulas alone.

    The printed formulas say which rows add up to which, so the sums the table reader
    guessed from its rows' names and indents are replaced by theirs; its rows' names lose
    their keys.
    """
    sums = formula_sums(*_placed(table.figures), f"t{n}_")
    if sums is None:
        return table
    figures = [{**f, "label": unkeyed(str(f["label"]))} for f in table.figures]
    relations = [{**r, "basis": "inferred"} for r in sums]
    why = None if relations else "no relation found: no formula of its keys names rows printed with numbers"
    return replace(table, figures=figures, relations=relations, unread=why)


def masked(text: str, tables: list[TextTable]) -> str:
    """``text`` with the tables' lines blanked (offsets kept), for the sentence reader."""
    chars = list(text)
    for table in tables:
        for i in range(table.start, table.end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)
