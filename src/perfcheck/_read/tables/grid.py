"""A grid of cells as printed (a CSV file, a sheet, an HTML table) to a :class:`Table`.

Above the header a printed table often has its title and ``单位：万元``; the header may
take several rows, with merged cells. The grid is read as:

1. the preamble: rows with fewer than two different texts (a title merged across the
   table repeats one), or that say ``单位：``; the first text
   is the title, ``单位：万元`` the unit of amounts;
2. the header: the next row, and the rows after it that hold no number; a column's
   name joins its header cells with ``/`` (``项目/科目编码``). A reader that knows the
   merged cells fills them in first; for CSV, a blank header cell above a header
   cell that is not blank takes the text to its left (a merged cell exported as blanks);
3. the rest: one table row per grid row.

>>> grid = [["支出决算表"], ["", "单位：万元"], ["科目编码", "科目名称", "决算数"],
...         ["", "合计", "3.00"], ["201", "一般公共服务支出", "3.00"]]
>>> read = grid_table(grid, name="t.csv")
>>> [c.name for c in read.table.columns], read.unit, read.title, read.table.rows
(['科目编码', '科目名称', '决算数'], '万元', '支出决算表', [4, 5])
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from perfcheck._read.tables.cells import code_text, column_ref, is_blank, named_unit, normalized, number_like
from perfcheck._read.tables.table import Column, Table

_UNIT: Final = re.compile(r"单位\s*[:：]\s*([^\s,，;；）)]+)")
#: Rows looked at for the header, at most.
MAX_HEADER_ROWS: Final = 6


@dataclass(frozen=True, slots=True)
class ReadGrid:
    """A grid read as a table, with what its preamble says."""

    table: Table
    unit: str | None
    title: str | None


def preamble_unit(text: str) -> str | None:
    """The unit a line such as ``金额单位：万元`` gives.

    >>> preamble_unit("金额单位：万元"), preamble_unit("编制单位：某某局")
    ('万元', None)
    """
    return named_unit(_UNIT, text)


def _filled(row: Sequence[object]) -> list[object]:
    return [c for c in row if not is_blank(c)]


def grid_table(  # noqa: C901, PLR0913 - where the grid comes from, keyword-only
    grid: Sequence[Sequence[object]],
    *,
    name: str,
    sheet: str | None = None,
    prefix: str = "",
    decimals: Sequence[Sequence[int | None]] | None = None,
    indents: Sequence[Sequence[int | None]] | None = None,
    first_row: int = 1,
    header_rows: int | None = None,
    fill_headers: bool = True,
) -> ReadGrid:
    """Read ``grid`` (rows of cells) as a table; see the module.

    ``first_row`` is the spreadsheet row number of ``grid[0]``; ``decimals`` and
    ``indents`` (a spreadsheet's cell indent levels), if given, have the shape of ``grid``.
    """
    width = max((len(r) for r in grid), default=0)
    rows = [list(r) + [None] * (width - len(r)) for r in grid]
    title: str | None = None
    unit: str | None = None
    start = 0
    while start < len(rows):
        cells = _filled(rows[start])
        said = next((u for c in cells if isinstance(c, str) and (u := preamble_unit(c))), None)
        if len({str(c).strip() for c in cells}) >= 2 and said is None:  # a merged title repeats one text
            break
        unit = unit or said
        if title is None and cells and said is None and isinstance(cells[0], str):
            title = cells[0].strip()
        start += 1
    if header_rows is None:
        header_rows = 1
        while (
            start + header_rows < len(rows)
            and header_rows < MAX_HEADER_ROWS
            and not any(number_like(c) or code_text(c) for c in rows[start + header_rows])
        ):
            header_rows += 1
        # a header row holds no number; the first data row without numbers (a 合计 with
        # blanks) is rare, and a label with no figures is harmless in the body
    header = rows[start : start + header_rows]
    skip = start + header_rows
    body = rows[skip:]
    if fill_headers:
        for k, line in enumerate(header[:-1]):
            for j in range(1, width):
                if is_blank(line[j]) and any(not is_blank(lower[j]) for lower in header[k + 1 :]):
                    line[j] = line[j - 1]
    names = []
    for j in range(width):
        parts = [normalized(str(line[j])) for line in header if not is_blank(line[j])]
        names.append("/".join(dict.fromkeys(p for p in parts if p)))
    keep = [j for j in range(width) if names[j] or any(not is_blank(r[j]) for r in body)]
    columns = [
        Column(
            names[j] or column_ref(j),
            [r[j] for r in body],
            None if decimals is None else [_at(decimals, skip + i, j) for i in range(len(body))],
            column_ref(j),
            None if indents is None else [_at(indents, skip + i, j) or 0 for i in range(len(body))],
        )
        for j in keep
    ]
    numbers = list(range(first_row + skip, first_row + len(rows)))
    return ReadGrid(Table(columns, numbers, sheet, prefix, name, unit, title), unit, title)


def _at(grid: Sequence[Sequence[int | None]], i: int, j: int) -> int | None:
    row = grid[i] if i < len(grid) else ()
    return row[j] if j < len(row) else None
