"""Tables flattened into text: a unit printed as a row of the table, and a note under a column of numbers."""

from __future__ import annotations

import pytest

from phrasing_texts import read_text

# Own writing, in the layout of a county's 收入预算表 flattened into `|` lines: the unit is the
# table's first row, and a 备注 pushed left by dropped blank cells sits under 增减额.
TABLE = """单位:万元 | |||||
项目 | 2016年预算数 | 上年完成数 | 比上年增减额 | 比上年增减% | 备注 |
一、税收收入 | 1210 | 1100 | 110 | 10.00 | |
1、增值税 | 800 | 700 | 100 | 14.29 | |
2、契税 | 410 | 400 | 10 | 2.50 | |
二、上级补助收入 | 500 | 480 | 2016年为预计数 | ||
收入总计 | 1710 | 1580 |
"""


def test_a_table_whose_unit_is_its_first_row_is_read() -> None:
    ledger, result = read_text(TABLE)
    values = {f.value for f in ledger.figures}
    assert {"1210", "800", "410", "1710", "1580", "14.29"} <= values
    assert all(f.unit == "万元" for f in ledger.figures if f.value in {"1210", "1710"})
    assert not [f for f in ledger.figures if "预计" in f.value]  # the note is no figure
    assert result.ok
    assert not [f for f in result.findings if f.severity.value == "warning"]


@pytest.mark.parametrize(
    ("cell", "broken"), [("| 800 | 700 | 100 | 14.29 |", False), ("| 800 | 700 | 100 | 15.29 |", True)]
)
def test_the_rate_column_of_such_a_table_is_checked(cell: str, broken: bool) -> None:
    _, result = read_text(TABLE.replace("| 800 | 700 | 100 | 14.29 |", cell))
    warned = [f for f in result.findings if f.code == "PC903"]  # a guessed layout: check by hand
    assert bool(warned) is broken
