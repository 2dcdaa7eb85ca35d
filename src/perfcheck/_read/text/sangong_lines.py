"""The standard 三公经费 table printed as lines of ``|`` cells: its items across, one row of amounts.

The 决算 table every department publishes prints the 三公 items across, over three
header lines: 合计, 因公出国(境)费, 公务用车购置及运行费 (spanning 小计, 公务用车购置费 and
公务用车运行费 on the next line) and 公务接待费; then the column names once per item
(预算数 | 决算数); then one row of amounts with no label, so that no row is found by its
shape. A column beside the items (机关运行经费决算数) may print its one amount at the end
of the column names' line.

Read here as the table it prints, turned to a row per item (as
:func:`~perfcheck._read.text.sangong_row.sangong_grid` reads it printed one cell a
line). Where the page dropped the blank cells of the items a unit left empty, the row
of amounts is shorter than the header: which item each pair of amounts stands under is
then decided by the table's own sums (合计 = its items, 小计 = 购置 + 运行, within their
printed rounding, an item printed blank adding nothing), and only where every placement
that makes them hold agrees. Amounts no such placement places for certain are left
unread, with why; a row no placement makes add up is not read at all.

>>> grid = [["“三公”经费", "机关运行经费决算数"],
...         ["合计", "因公出国(境)费", "公务用车购置及运行费", "公务接待费"],
...         ["小计", "公务用车购置费", "公务用车运行费"],
...         [*["预算数", "决算数"] * 6, "80.00"],
...         ["30.00", "12.60", "20.00", "9.10", "20.00", "9.10", "10.00", "3.50"]]
>>> across = sangong_lines(grid)
>>> for row in across.grid:
...     print(row)
['项目', '预算数', '决算数']
['合计', '30.00', '12.60']
['因公出国(境)费', '', '']
['公务用车购置及运行维护费', '20.00', '9.10']
['公务接待费', '10.00', '3.50']
>>> across.unplaced, across.beside
((4, 5), (('机关运行经费决算数', 12),))
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from itertools import combinations
from typing import Final

from perfcheck._read.tables.cells import is_blank, normalized, number_like
from perfcheck._read.text.sangong_row import UNDER, column_name, sangong_items

#: What a column beside the 三公 items is called (its one amount printed after the column names).
_BESIDE: Final = ("机关运行经费",)
#: The most placements tried for a short row of amounts.
_MAX_PLACEMENTS: Final = 5000


@dataclass(frozen=True, slots=True)
class Across:
    """A 三公 table printed across, turned to a row per item.

    Attributes:
        grid: the header row (项目 and the column names), then a row per item; an item
            whose amounts are not known for certain has blank cells.
        unplaced: indexes in the row of amounts of those placed under no item.
        beside: a column beside the items, by its name and the index of its amount on the
            column names' line.
    """

    grid: list[list[object]]
    unplaced: tuple[int, ...] = ()
    beside: tuple[tuple[str, int], ...] = ()


def _number(text: object) -> tuple[Decimal, Decimal] | None:
    """A printed amount and half a unit of its last digit; None for a blank."""
    cell = str(text).replace(",", "").strip()
    if is_blank(cell):
        return None
    try:
        value = Decimal(cell)
    except InvalidOperation:
        return None
    return value, Decimal(1).scaleb(value.as_tuple().exponent) / 2  # type: ignore[arg-type]


def _holds(total: object, parts: Sequence[object]) -> bool:
    """Whether ``total`` = Σ ``parts`` within their printed rounding (a blank adds nothing)."""
    whole = _number(total)
    if whole is None:
        return all(_number(p) is None for p in parts)
    numbers = [n for n in (_number(p) for p in parts) if n is not None]
    gap = whole[0] - sum((n[0] for n in numbers), Decimal(0))
    return abs(gap) <= whole[1] + sum((n[1] for n in numbers), Decimal(0))


def _adds_up(by_item: dict[str, Sequence[object]], width: int) -> bool:
    """Whether every column's 合计 adds its items and its 小计 its two parts."""
    top = [i for i in by_item if i not in UNDER[1:] and i != "合计"]
    for col in range(width):
        if "合计" in by_item and not _holds(by_item["合计"][col], [by_item[i][col] for i in top]):
            return False
        if "小计" in by_item:
            parts = [by_item[i][col] for i in UNDER[1:] if i in by_item]
            if not _holds(by_item["小计"][col], parts):
                return False
    return True


def _placements(items: list[str], amounts: list[str], width: int) -> list[tuple[int, ...]]:
    """The placements of the pairs of ``amounts`` under ``items`` (in order) that make the sums hold."""
    pairs = len(amounts) // width
    found = []
    for tried, slots in enumerate(combinations(range(len(items)), pairs)):
        if tried > _MAX_PLACEMENTS:
            return []
        by_item: dict[str, Sequence[object]] = {item: [""] * width for item in items}
        for k, slot in enumerate(slots):
            by_item[items[slot]] = amounts[k * width : (k + 1) * width]
        if _adds_up(by_item, width):
            found.append(slots)
    return found


def _header_and_beside(grid: list[list[object]]) -> tuple[str, list[str], list[tuple[str, int]]] | None:
    """The item header's words, the column names, and any column beside the items; None if none."""
    *head, names = [[str(c).strip() for c in row if c is not None and str(c).strip()] for row in grid]
    k = len(names)
    while k and number_like(names[k - 1]):
        k -= 1
    columns, after = names[:k], names[k:]
    if not columns or not all(column_name(c) for c in columns):
        return None
    words: list[str] = []
    beside: list[tuple[str, int]] = []
    for row in head:
        for cell in row:
            if any(b in normalized(cell) for b in _BESIDE):
                beside.append((normalized(cell), 0))
            else:
                words.append(cell)
    if len(beside) != len(after):
        return None
    beside = [(name, k + j) for j, (name, _) in enumerate(beside)]
    return "".join(normalized(w) for w in words), columns, beside


def _placed(items: list[str], amounts: list[str], width: int) -> tuple[dict[int, int], set[int]] | None:
    """Each pair of amounts placed for certain, by its item; the items placed under but not for certain.

    None when no placement adds up, or when an item other than a part of the 小计 is
    uncertain (the 合计's own sum would then be read without a part of it).
    """
    if len(amounts) == len(items) * width:
        return {k: k for k in range(len(items))}, set()
    placements = _placements(items, amounts, width)
    if not placements:
        return None
    # a pair is placed where every placement that adds up places it
    certain = {k: placements[0][k] for k in range(len(placements[0])) if len({p[k] for p in placements}) == 1}
    uncertain = {slot for p in placements for slot in p} - set(certain.values())
    subtotal = items.index("小计") if "小计" in items else None
    if uncertain and (
        subtotal not in certain.values() or any(items[at] not in UNDER[1:] for at in uncertain)
    ):
        return None
    return certain, uncertain


def sangong_lines(grid: list[list[object]]) -> Across | None:
    """The 三公 table a ``|`` grid prints across (see the module), a row per item; None if it prints none."""
    amounts = [str(c).strip() for c in grid[-1] if c is not None and str(c).strip()] if grid else []
    found = (
        _header_and_beside(grid[:-1]) if len(amounts) > 1 and all(number_like(a) for a in amounts) else None
    )
    if found is None:
        return None
    words, columns, beside = found
    width = next((w for w in range(1, len(columns) + 1) if columns == columns[:w] * (len(columns) // w)), 0)
    items = sangong_items(words)
    if not width or "合计" not in items or len(items) * width != len(columns) or len(amounts) % width:
        return None
    placed = _placed(items, amounts, width)
    if placed is None:
        return None
    certain, uncertain = placed
    unplaced = tuple(
        k * width + j for k in range(len(amounts) // width) if k not in certain for j in range(width)
    )
    rows = {slot: list(amounts[k * width : (k + 1) * width]) for k, slot in certain.items()}
    out: list[list[object]] = [["项目", *columns[:width]]]
    for at, item in enumerate(items):
        if uncertain and item in UNDER[1:]:
            continue  # the parts of a 小计 whose amounts are not known: the 小计's own sum is not read
        name = "公务用车购置及运行维护费" if item == "小计" else item
        indent = "\u3000\u3000" if item in UNDER[1:] and "小计" in items else ""
        out.append([indent + name, *rows.get(at, [""] * width)])
    return Across(out, unplaced, tuple(beside))
