"""A table printed in two halves side by side (收入 | 支出), read as two tables.

A 收入支出决算总表 prints its income on the left and its spending on the right, each
half with its own 项目 column, 行次 and amounts. A second column of row labels after
a column of numbers starts the second half; each half keeps its cells' places, so
figures are still located in the printed table.

>>> from perfcheck._read.tables.model import Column, Table
>>> table = Table([Column("收入/项目", ["本年收入合计"]), Column("收入/金额", ["10.00"]),
...                Column("支出/项目", ["本年支出合计"]), Column("支出/金额", ["10.00"])])
>>> [[c.name for c in half.columns] for half in halves(table)], halves(table)[1].first_column
([['收入/项目', '收入/金额'], ['支出/项目', '支出/金额']], 2)
"""

from __future__ import annotations

import dataclasses

from perfcheck._read.tables.cells import LABEL_WORDS, mostly_numbers, normalized
from perfcheck._read.tables.model import Column, Table


def _labels(column: Column) -> bool:
    last = normalized(column.name).rsplit("/", 1)[-1]
    return any(w in last for w in LABEL_WORDS) and not mostly_numbers(column.values)


def _heading(column: Column) -> str:
    """A label column's heading without its side: 收入/项目, 支出项目 and 项目 are all 项目."""
    return normalized(column.name).rsplit("/", 1)[-1].replace("收入", "").replace("支出", "")


def halves(table: Table) -> list[Table]:
    """The halves of ``table`` (itself alone when it is printed in one piece).

    The second half starts at a column of labels headed as the first is (项目 and 项目,
    收入项目 and 支出项目) after a column of numbers: a 项目单位 column beside 项目名称
    starts nothing.
    """
    columns = list(table.columns)
    labels = [i for i, c in enumerate(columns) if _labels(c)]
    for second in labels[1:]:
        if _heading(columns[second]) != _heading(columns[labels[0]]):
            continue
        if any(mostly_numbers(columns[k].values) for k in range(labels[0] + 1, second)):
            left = dataclasses.replace(table, columns=columns[:second])
            right = dataclasses.replace(
                table, columns=columns[second:], first_column=table.first_column + second
            )
            return [left, *halves(right)]
    return [table]


def side_of(table: Table) -> str | None:
    """Which half a table is, by the header group over its label column (``收入/项目`` is 收入)."""
    for column in table.columns:
        group, _, _ = normalized(column.name).rpartition("/")
        for side in ("收入", "支出"):
            if side in group:
                return side
    return None
