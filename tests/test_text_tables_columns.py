"""Columns of tables flattened into text: a 行号 column numbers rows, it prints no amount."""

from __future__ import annotations

from phrasing_texts import read_text

# Own writing, in the layout of a hospital's 收支情况表: a 行号 column, then 本期 and 上年同期
# and the change between them.
TABLE = """单位:元 | |||||
项目 | 行号 | 本期 | 上年同期 | 增加额 | 增长率 |
1、总收入 | 1 | 5000.00 | 4000.00 | 1000.00 | 25.00% |
其中:医疗收入 | 2 | 3000.00 | 2500.00 | 500.00 | 20.00% |
2、总支出 | 3 | 4500.00 | 4200.00 | 300.00 | 7.14% |
3、收费水平 | 4 | ||||
门诊次均费用 | 5 | 200.00 | 250.00 | -50.00 | -20.00% |
住院人均费用 | 6 | 4000.00 | 3800.00 | 200.00 | 5.26% |
"""


def test_a_row_number_column_is_no_amount() -> None:
    ledger, result = read_text(TABLE)
    values = {f.value for f in ledger.figures}
    assert "5000.00" in values
    assert not {"1", "2", "3", "4", "5", "6"} & values
    # 3、收费水平 prints 4 as its row number: it is no total of the rows numbered 5 and 6
    assert not [f for f in result.findings if f.code == "PC903"]


def test_the_change_columns_of_such_a_table_are_checked() -> None:
    ledger, _ = read_text(TABLE)
    changes = [r for r in ledger.relations if r.kind == "change"]
    assert len(changes) == 10  # 增加额 and 增长率 of each of the five rows with amounts
    _, broken = read_text(TABLE.replace("| 300.00 | 7.14% |", "| 300.00 | 7.41% |"))
    assert [f for f in broken.findings if f.code == "PC903"]
