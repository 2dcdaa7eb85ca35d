"""A performance table's indicators with a unit column: each row's values in the unit the row prints.

A 绩效自评表 lists its indicators one a row: ``产出指标 | 数量指标 | 培训人数 | ≥ | 300 | 人 |
320 | 10 | 9`` under the header ``一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 |
度量单位``, continued by ``实际完成值 | 分值 | 得分``. The header says where the unit of
each row is (the cell after its 指标值), so each row's target and actual values are read
in that row's unit, and its 分值 and 得分 in 分. The rows of such a table lose the
cells of the groups they share (``产出指标`` is printed on its group's first row only),
so each row is read from its own unit cell, not from its place under the header.

No relation is read from such a table (a score is no sum of others): its figures are
read, and the table is listed as read in no relation. A row whose unit is none perfcheck
knows (月, 天次), or whose cells around the unit are not numbers, is not read.

>>> header = [["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"]]
>>> rows = [["产出指标", "数量指标", "培训人数", "≥", "300", "人", "320", "10", "9"]]
>>> after = ["实际完成值", "分值", "得分"]
>>> for f in indicator_figures(header + rows, after, n=2, first=7):
...     print(f["label"], f["value"], f["unit"], f["source"]["cell"], f.get("qualifier", "-"))
培训人数 / 指标值 300 人 E8 at_least
培训人数 / 实际完成值 320 人 G8 -
培训人数 / 分值 10 分 H8 -
培训人数 / 得分 9 分 I8 -
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any, Final

from perfcheck._core.units import UnknownUnitError, lookup_unit
from perfcheck._read.tables.cells import column_ref, is_blank, normalized, number_like

#: The header cells naming the target value, and the unit column right after it.
_VALUE: Final = re.compile(r"^(?:年度)?(?:指标值|目标值|预期值)$")
_UNIT: Final = re.compile(r"^(?:度量|计量)?单位$")
#: Columns after the unit: the actual value (in the row's unit) and the scores (in 分).
_ACTUAL: Final = re.compile(r"(?:实际)?完成值|实际值|实际完成")
_SCORES: Final = ("分值", "得分", "权重")
#: What a target's relation to its value is printed as, in a cell of its own, and the bound it makes.
_OPERATORS: Final = {
    **dict.fromkeys("=＝﹦"),
    **dict.fromkeys("≥≧", "at_least"),
    **dict.fromkeys("≤≦", "at_most"),
    **dict.fromkeys(">＞", "more_than"),
    **dict.fromkeys("<＜", "at_most"),
}


def _clean(cell: object) -> str:
    return re.sub(r"\s", "", normalized(str(cell)))


def indicator_header(grid: list[list[object]]) -> int | None:
    """The index of a header row naming 指标值 then its unit column (度量单位), before any number."""
    for k, row in enumerate(grid):
        if any(number_like(c) and not is_blank(c) for c in row):
            return None
        cells = [_clean(c) for c in row]
        if any(_VALUE.match(a) and _UNIT.match(b) for a, b in pairwise(cells)):
            return k
    return None


def after_unit(lines: list[str]) -> list[str]:
    """The names of the columns after the unit, from a header line above (``年度指标值 | 实际完成值 | 分值``).

    >>> after_unit(["| 绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因 |"])
    ['实际完成值', '分值', '得分', '偏差原因']
    >>> after_unit(["| 项目名称 | 某项目 |"])
    []
    """
    for line in reversed(lines):
        cells = [_clean(c) for c in line.split("|") if c.strip()]
        at = next((k for k, c in enumerate(cells) if _VALUE.match(c)), None)
        if at is not None and at + 1 < len(cells) and _ACTUAL.search(cells[at + 1]):
            return cells[at + 1 :]
    return []


def _unit(cell: object) -> str | None:
    text = _clean(cell)
    if not text or number_like(text):
        return None
    try:
        return lookup_unit(text).symbol
    except UnknownUnitError:
        return None


def _figure(text: str, name: tuple[str, str], unit: str, place: tuple[int, int], n: int) -> dict[str, Any]:
    """The figure printed ``text`` in the cell at (column, line) ``place``, named by its row and column."""
    cell = f"{column_ref(place[0])}{place[1]}"
    return {
        "id": f"t{n}_{cell}",
        "label": " / ".join(name),
        "value": text,
        "unit": unit,
        "source": {"text": text, "sheet": f"table {n}", "cell": cell},
    }


def indicator_figures(
    grid: list[list[object]], after: list[str], *, n: int, first: int
) -> list[dict[str, Any]]:
    """The figures of an indicator table (see the module); ``after`` names the columns after the unit.

    ``grid``'s first row is printed on line ``first``; without a header naming the unit
    column, no figure.
    """
    head = indicator_header(grid)
    if head is None:
        return []
    names = [_clean(c) for c in grid[head]]
    value_name = next(c for c, d in pairwise(names) if _VALUE.match(c) and _UNIT.match(d))
    figures: list[dict[str, Any]] = []
    for k, row in enumerate(grid[head + 1 :], start=head + 1):
        cells = [str(c).strip() for c in row]
        at = next(
            (
                u
                for u in range(2, len(cells))
                if _unit(cells[u]) is not None and number_like(cells[u - 1]) and not is_blank(cells[u - 1])
            ),
            None,
        )
        if at is None:
            continue
        unit = _unit(cells[at])
        before = at - 2 if cells[at - 2] not in _OPERATORS else at - 3
        label = cells[before] if before >= 0 else ""
        if unit is None or not label or number_like(label):
            continue
        place = first + k
        target = _figure(cells[at - 1], (label, value_name), unit, (at - 1, place), n)
        if bound := _OPERATORS.get(cells[at - 2]):
            target["qualifier"] = bound  # ≥ | 95 | %: the target is at least 95 %
        figures.append(target)
        for j, name in enumerate(after):
            col = at + 1 + j
            if col >= len(cells) or is_blank(cells[col]) or not number_like(cells[col]):
                continue
            if _ACTUAL.search(name):
                figures.append(_figure(cells[col], (label, name), unit, (col, place), n))
            elif any(word in name for word in _SCORES):
                figures.append(_figure(cells[col], (label, name), "分", (col, place), n))
    return figures
