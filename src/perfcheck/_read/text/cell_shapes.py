"""Cells and rows of a table printed in text that the shape of its rows alone does not find.

Two layouts of real pages, each read only where its structure leaves no choice:

- **a number with a note in brackets** (``59（笔）`` under a column of 项目数（个）): the cell is
  the number; the bracketed words, a note on what is counted, are no part of its value
  (a note holding a digit, ``12（2）``, is left as printed: which number is the value is
  not sure);
- **a table of one row**, printed one cell a line: its column names, then one row (a
  label and one value under each other column), and nothing after it (a title or a
  unit printed before the names is the table's caption). Its header is as
  wide as its row, so each value stands under its column's name; with one row there
  is nothing for its values to add up to, and its figures are read in no relation.

>>> noted("59（笔）"), noted("59(笔)"), noted("12（2）"), noted("公开招标")
('59', '59', '12（2）', '公开招标')
>>> number = lambda c: c.replace(".", "").isdigit()
>>> unit = lambda c: c.startswith("单位")
>>> header = ["月份", "项目数(个)", "预算金额(万元)", "节资率(%)"]
>>> one_row([*header, "1月", "97", "64338", "4.42"], number, unit)
[['月份', '项目数(个)', '预算金额(万元)', '节资率(%)'], ['1月', '97', '64338', '4.42']]
>>> one_row(["单位：万元", *header, "1月", "97", "64338", "4.42"], number, unit)[0]
['单位：万元']
>>> one_row([*header, "1月", "97", "64338"], number, unit) is None
True
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

#: A number, then a note of words in brackets: ``59（笔）``, ``3(含续建)``.
_NOTED: Final = re.compile(r"([+\-]?\d[\d,]*(?:\.\d+)?%?)\s*[(（]\s*[\u4e00-\u9fff]{1,6}\s*[)）]")
#: The fewest columns a one-row table is read with: a label and two values.
_MIN_WIDTH: Final = 3


def noted(cell: str) -> str:
    """The number of a cell printing a note of words in brackets after it; any other cell as printed."""
    match = _NOTED.fullmatch(cell.strip())
    return match.group(1) if match else cell


def one_row(
    cells: list[str], value: Callable[[str], bool], caption: Callable[[str], bool]
) -> list[list[object]] | None:
    """The header and the row of a table of one row printed one cell a line; None if ``cells`` is not one.

    ``cells`` are the whole run: its row is its last cells, a label (no value) then values
    only, two of them numbers at least; as many column names (none a value) stand before
    it as the row has cells; cells before those must be captions (a table's number or
    title, ``单位：万元``), rows of their own: a column name left over would say the names
    and the values do not stand one over the other.
    """
    values = 0
    while values < len(cells) and value(cells[len(cells) - 1 - values]):
        values += 1
    width = values + 1
    if width < _MIN_WIDTH or len(cells) < 2 * width:
        return None
    row, head = cells[-width:], cells[-2 * width : -width]
    captions = cells[: len(cells) - 2 * width]
    if any(value(c) for c in [*head, row[0]]) or not all(caption(c) for c in captions):
        return None
    if sum(bool(re.search(r"\d", c)) for c in row[1:]) < _MIN_WIDTH - 1:
        return None
    titles: list[list[object]] = [[c] for c in captions]
    return [*titles, list(head), list(row)]
