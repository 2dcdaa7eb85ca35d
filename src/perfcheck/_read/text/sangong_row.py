"""The standard 三公经费 table printed one cell a line, all its amounts in one row.

The table every department publishes prints the 三公 items across: 合计, 因公出国(境)费,
公务用车购置及运行维护费 (spanning 小计, 公务用车购置费 and 公务用车运行维护费 under it) and
公务接待费, each over the same columns (预算数 | 决算数), and one row of amounts under them.
Flattened one cell a line, its header comes first (the item names, some wrapped over
two lines: ``因公出国`` / ``(境)费``), then the column names once per item, then the
amounts; no row has a label, so no row is found by its shape.

Read here as the table it prints, turned to a row per item: the items in the order
their columns are printed (the spanning item's columns are those under it), each
with its amounts under the column names:

>>> cells = ["合计", "因公出国", "(境)费", "公务用车购置及运行维护费", "公务接待费", "小计",
...          "公务用车", "购置费", "公务用车", "运行维护费"]
>>> cells += ["预算数", "决算数"] * 6
>>> cells += ["60", "50", "10", "0", "30", "30", "10", "12", "20", "18", "20", "20"]
>>> for row in sangong_grid(cells):
...     print(row)
['项目', '预算数', '决算数']
['合计', '60', '50']
['因公出国(境)费', '10', '0']
['公务用车购置及运行维护费', '30', '30']
['\u3000\u3000公务用车购置费', '10', '12']
['\u3000\u3000公务用车运行维护费', '20', '18']
['公务接待费', '20', '20']

The parts of 公务用车购置及运行维护费 are indented under it, so that the 合计 adds the
three items and the 小计 its two parts, as the printed table says.
"""

from __future__ import annotations

import re
from typing import Final

from perfcheck._read.tables.cells import normalized, number_like

#: The 三公 items a header may name, in the words that find them, and each one's name.
_ITEMS: Final = (
    (re.compile(r"合计"), "合计"),
    (re.compile(r"因公出国[(（]?境?[)）]?费?"), "因公出国(境)费"),
    (re.compile(r"公务用车购置及运行(?:维护)?费"), "公务用车购置及运行维护费"),
    (re.compile(r"公务接待费?"), "公务接待费"),
    (re.compile(r"小计"), "小计"),
    (re.compile(r"(?:公务用车)?购置费"), "公务用车购置费"),
    (re.compile(r"(?:公务用车)?运行(?:维护)?费"), "公务用车运行维护费"),
)
#: The items under the spanning 公务用车购置及运行维护费, in the order printed.
UNDER: Final = ("小计", "公务用车购置费", "公务用车运行维护费")
#: The fewest amounts, and items, such a table prints.
_MIN_AMOUNTS: Final = 2
_MIN_ITEMS: Final = 3
#: Column names under every item.
_COLUMN: Final = re.compile(r"^(?:\d{4}年)?(?:年初)?(?:预算|决算|执行|上年|本年)[数额]?$")


def column_name(cell: str) -> bool:
    """Whether a cell names a column every 三公 item is printed over (预算数, 决算数, 2019年决算数).

    >>> column_name("预算数"), column_name("公务接待费")
    (True, False)
    """
    return _COLUMN.match(normalized(cell)) is not None


def sangong_items(header: str) -> list[str]:
    """The 三公 items a header names, in the order their columns are printed (see :func:`sangong_grid`).

    >>> sangong_items("合计因公出国(境)费公务用车购置及运行费公务接待费小计公务用车购置费公务用车运行费")
    ['合计', '因公出国(境)费', '小计', '公务用车购置费', '公务用车运行维护费', '公务接待费']
    """
    return _columns(_items(header))


def _items(header: str) -> list[str]:
    """The 三公 items a header names, in the order printed (each item once, where it is first found)."""
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for pattern, name in _ITEMS:
        for m in pattern.finditer(header):
            if not any(a < m.end() and m.start() < b for a, b in taken):
                found.append((m.start(), name))
                taken.append(m.span())
                break
    return [name for _, name in sorted(found)]


def _columns(items: list[str]) -> list[str]:
    """The items in the order their columns are printed: the spanning item's columns are those under it."""
    top = [i for i in items if i not in UNDER]
    under = [i for i in items if i in UNDER]
    if "公务用车购置及运行维护费" not in top or not under:
        return top
    at = top.index("公务用车购置及运行维护费")
    return [*top[:at], *under, *top[at + 1 :]]


def sangong_grid(cells: list[str]) -> list[list[object]] | None:
    """The 三公 table ``cells`` print, a row per item (see the module); None if they print none."""
    if (single := _one_amount_each(cells)) is not None:
        return single
    end = len(cells)
    values = 0
    while values < end and number_like(cells[end - 1 - values]):
        values += 1
    names = 0
    while names < end - values and column_name(cells[end - values - 1 - names]):
        names += 1
    if values < _MIN_AMOUNTS or names != values:
        return None
    head = cells[: end - values - names]
    columns = cells[end - values - names : end - values]
    width = next((w for w in range(1, names + 1) if columns == columns[:w] * (names // w)), names)
    items = sangong_items("".join(normalized(c) for c in head))
    if len(items) * width != values or "合计" not in items or len(items) < _MIN_ITEMS:
        return None
    amounts = cells[end - values :]
    grid: list[list[object]] = [["项目", *columns[:width]]]
    for k, item in enumerate(items):
        name = "公务用车购置及运行维护费" if item == "小计" else item
        indent = "\u3000\u3000" if item in UNDER[1:] and "小计" in items else ""
        grid.append([indent + name, *amounts[k * width : (k + 1) * width]])
    return grid


def _one_amount_each(cells: list[str]) -> list[list[object]] | None:
    """The 三公 table printing no column names and one amount under each item's column; else None.

    A budget's table (``“三公”经费合计`` / ``因公出国(境)费`` / ``公务接待费`` / ``公务用车购置及运行费``
    over ``小计`` / ``公务用车运行费`` / ``公务用车购置费``, then one amount each) names no
    column: the amounts, blank cells counted, are exactly one per item column, in order.

    >>> cells = ["合计", "因公出国(境)费", "公务接待费", "公务用车购置及运行费", "小计", "运行费", "购置费"]
    >>> for row in _one_amount_each([*cells, "11.1", "0", "3", "8.1", "8.1", ""]):
    ...     print(row)
    ['项目', '金额']
    ['合计', '11.1']
    ['因公出国(境)费', '0']
    ['公务接待费', '3']
    ['公务用车购置及运行维护费', '8.1']
    ['\u3000\u3000公务用车运行维护费', '8.1']
    ['\u3000\u3000公务用车购置费', '']
    >>> _one_amount_each([*cells, "11.1", "0", "3", "8.1", "8.1"]) is None  # a blank dropped: not placed
    True
    """
    end = len(cells)
    values = 0
    while values < end and (number_like(cells[end - 1 - values]) or not cells[end - 1 - values].strip()):
        values += 1
    amounts = cells[end - values :]
    head = cells[: end - values]
    if sum(number_like(c) for c in amounts) < _MIN_AMOUNTS or any(column_name(c) for c in head):
        return None
    if any(number_like(c) for c in head):
        return None
    items = sangong_items("".join(normalized(c) for c in head))
    if len(items) != values or "合计" not in items or len(items) < _MIN_ITEMS:
        return None
    grid: list[list[object]] = [["项目", "金额"]]
    for item, amount in zip(items, amounts, strict=True):
        name = "公务用车购置及运行维护费" if item == "小计" else item
        indent = "\u3000\u3000" if item in UNDER[1:] and "小计" in items else ""
        grid.append([indent + name, amount])
    return grid
