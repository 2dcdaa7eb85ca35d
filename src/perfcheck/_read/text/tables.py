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
  second row's cells stand under the first row's last cell, or under the last cell
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
from dataclasses import dataclass
from typing import Any, Final

from perfcheck._core.errors import LedgerError
from perfcheck._read.tables.cells import TOTAL_LEVELS, is_blank, number_like
from perfcheck._read.tables.files import read_grid

#: The fewest lines a table needs: a header and two rows.
_MIN_LINES: Final = 3
#: The longest line that can be one cell of a table printed one cell a line.
_MAX_CELL: Final = 40
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
    """

    start: int
    end: int
    figures: list[dict[str, Any]]
    relations: list[dict[str, Any]]


def _cells(line: str) -> list[object]:
    cells: list[object] = [c.strip() for c in line.split("|")]
    while cells and not cells[-1]:
        cells.pop()
    return cells


def _runs(text: str) -> list[tuple[int, int, int, list[list[object]]]]:
    """Runs of lines of two or more ``|``: (first line number, start, end, their cells)."""
    runs: list[tuple[int, int, int, list[list[object]]]] = []
    offset = 0
    current: list[tuple[int, int, int, list[object]]] = []
    for number, line in enumerate([*text.split("\n"), ""], start=1):
        cells = _cells(line) if line.count("|") >= 2 else []
        if cells and _opens_table(cells):
            # 表2 | |||: a new table begins; the lines before are a table of their own (or none)
            if len(current) >= _MIN_LINES:
                runs.append((current[0][0], current[0][1], current[-1][2], [c for *_, c in current]))
            current = []
        if cells and not _separator(cells):
            current.append((number, offset, offset + len(line), cells))
        elif cells:
            # ---|---|: a markdown rule under a page's header block; what follows is another run
            if len(current) >= _MIN_LINES:
                runs.append((current[0][0], current[0][1], current[-1][2], [c for *_, c in current]))
            current = []
        else:
            if len(current) >= _MIN_LINES:
                runs.append((current[0][0], current[0][1], current[-1][2], [c for *_, c in current]))
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


#: Words of a column name in the header of a table printed with spaces between its cells.
_COLUMN_WORDS: Final = re.compile(r"预算|决算|上年|本年|增减|完成|金额|合计|执行|项目|科目|比例|率")
#: What a line of running text holds and a table's line does not.
_PROSE: Final = re.compile(r"[，。；：,;]")


def _space_row(line: str, width: int, *, coded: bool) -> list[object] | None:
    """A line's cells between spaces as a row ``width`` wide: a label, then numbers; None if it is none.

    Under a code column a row may print no code (合计): its first cell is left blank.
    """
    cells: list[object] = list(line.split())
    if coded and len(cells) == width - 1 and not number_like(str(cells[0])):
        cells = ["", *cells]
    if len(cells) != width or _PROSE.search(line):
        return None
    first = 1 + coded
    label, values = cells[:first], [str(c) for c in cells[first:]]
    if not str(label[-1]) or number_like(str(label[-1])) or not all(_value(v) for v in values):
        return None
    return cells if any(number_like(v) for v in values) else None


def _space_runs(text: str) -> list[tuple[int, int, int, list[list[object]]]]:
    """Tables printed with spaces between cells: (first line number, start, end, their cells)."""
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
        coded = bool(re.search(r"编码|代码|编号", header[0]))
        rows: list[list[object]] = [list(header)]
        j = i + 1
        while j < len(lines) and (row := _space_row(lines[j], len(header), coded=coded)) is not None:
            rows.append(row)
            j += 1
        if len(rows) < _MIN_LINES:
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


def _cell_runs(text: str) -> list[tuple[int, int, int, list[str], bool]]:
    """Runs of lines holding one cell each: (first line, start, end, the cells, whether ``|`` marks them).

    In a run marked by ``|`` (a cell then a line ``|``, or ``cell |``) only the marked
    lines are cells; a title printed above on its own line is not.
    """
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)

    def marked(i: int) -> bool:
        line = lines[i].strip()
        return line.endswith("|") or (i + 1 < len(lines) and lines[i + 1].strip() == "|")

    runs: list[tuple[int, int, int, list[str], bool]] = []
    i = 0
    while i < len(lines):
        if not _is_cell_line(lines[i]) or lines[i].count("|") > 1:
            i += 1
            continue
        bars = marked(i)
        # ``cell |`` a line: a line holding only ``|`` is a cell printing nothing (a blank
        # cell of the table), not the mark after the cell before it
        trailing = bars and lines[i].strip().endswith("|")
        j, cells, last = i, [], i
        while j < len(lines):
            line = lines[j].strip()
            if line == "|" and bars and not trailing:
                j += 1
                continue
            if line == "|" and trailing:
                cells.append("")
                last = j
                j += 1
                continue
            if not _is_cell_line(lines[j]) or lines[j].count("|") > 1 or marked(j) != bars:
                break
            cells.append(line.removesuffix("|").strip())
            last = j
            j += 1
        if len(cells) >= _MIN_LINES * 2:
            runs.append((i + 1, offsets[i], offsets[last] + len(lines[last]), cells, bars))
        i = max(j, i + 1)
    return runs


def _rows(cells: list[str]) -> tuple[int, int, int] | None:
    """Where the rows of a one-cell-a-line table begin and end, and their width, from their shape.

    A row is a label (no number) followed by values; the rows of a table all have the
    same width. Returns (first row's cell, end, width) or None.
    """
    best: tuple[int, int, int] | None = None
    for first in range(len(cells)):
        if _value(cells[first]) or first + 1 >= len(cells) or not number_like(cells[first + 1]):
            continue
        width = 1
        while first + width < len(cells) and _value(cells[first + width]):
            width += 1
        if width < 2:
            continue
        end, rows = first, 0
        while (
            end + width <= len(cells)
            and not _value(cells[end])
            and all(_value(c) for c in cells[end + 1 : end + width])
        ):
            end, rows = end + width, rows + 1
        if rows >= _MIN_ROWS:
            best = (first, end, width)
            break
    return best


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
    """Two header rows, the second narrower: the first row's last cell spans the second row's cells."""
    top, below = header
    span = width - len(top) + 1
    if span < 2 or len(below) != span:
        return header
    return [[*top, *[top[-1]] * (span - 1)], [None] * (width - span) + list(below)]


def _grid_of_cells(cells: list[str], *, marked: bool) -> tuple[list[list[object]], int] | None:
    """The grid of a table printed one cell a line, and how many cells it took; None if it is no table."""
    found = _rows(cells)
    if found is None:
        return None
    first, end, width = found
    if sum(number_like(c) for c in cells[first:end]) < 2:
        return None
    head = cells[:first]
    rows: list[list[object]] = [list(cells[k : k + width]) for k in range(first, end, width)]
    return [*_header(head, width, marked=marked), *rows], end


def _two_row_headers(grid: list[list[object]]) -> list[list[object]]:
    """A ``|``-table's header whose second row is narrower (its cells under a spanning cell), spread out."""
    first = next((k for k, row in enumerate(grid) if any(number_like(c) for c in row[1:])), None)
    if first is None or first < 2:
        return grid
    width = max(len(r) for r in grid[first:])
    top, below = grid[first - 2], grid[first - 1]
    if len(top) < width and len(below) < width and len(top) + len(below) - 1 == width:
        return [*grid[: first - 2], *_spanned([top, below], width), *grid[first:]]
    return grid


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
) -> TextTable | None:
    try:
        ledger = read_grid(
            _percent_rows(grid), name=name, sheet=f"table {n}", prefix=f"t{n}_", first_row=first, unit=unit
        )
    except LedgerError:
        return None
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
    relations = [*_split_changes(read), *_row_changes(figures, f"t{n}_"), *_named_sums(figures, f"t{n}_")]
    if not relations:
        return None
    # the table's layout was flattened into text: its relations are read from a layout
    # perfcheck had to guess, so a break is one to check by hand (PC903)
    relations = [{**r, "basis": "inferred"} for r in relations]
    return TextTable(span[0], span[1], figures, relations)


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


def text_tables(text: str, *, name: str) -> list[TextTable]:
    """The tables the text prints as lines of cells; runs that are no table are left out."""
    found: list[TextTable] = []
    n = 0
    # a table that names no unit is in the unit the text around it prints most
    units = Counter(_AMOUNT_UNIT.findall(text))
    unit = units.most_common(1)[0][0] if units else None
    for first, start, end, grid in [*_runs(text), *_space_runs(text)]:
        if sum(number_like(c) for row in grid for c in row) < 2:
            continue
        n += 1
        if table := _read(_two_row_headers(grid), name=name, n=n, first=first, span=(start, end), unit=unit):
            found.append(table)
    for first, start, end, run, marked in _cell_runs(text):
        cells = run
        while cells:
            read = _grid_of_cells(cells, marked=marked)
            if read is None:
                break
            grid, used = read
            n += 1
            # the cells are not lines: the table's rows are numbered from its first line
            if table := _read(grid, name=name, n=n, first=first, span=(start, end), unit=unit):
                found.append(table)
            cells = cells[used:]
    return found


def masked(text: str, tables: list[TextTable]) -> str:
    """``text`` with the tables' lines blanked (offsets kept), for the sentence reader."""
    chars = list(text)
    for table in tables:
        for i in range(table.start, table.end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)
