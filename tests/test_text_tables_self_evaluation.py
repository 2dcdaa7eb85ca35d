"""A 项目支出绩效自评表 printed as lines of ``|`` cells, its first header cell broken onto lines of its own.

Own writing, in the layout such pages print: the row ``| 项目资金（万元） | 年初预算数 | … |``
broken after its leading ``|`` and after its first cell, so the unit sits in a cell on a
line above the rest of the header; rows padded with blank cells at their end, one of
which dropped a blank cell inside it (its percentage shifted under the 分值 column).
"""

from __future__ import annotations

import perfcheck
from perfcheck.extract import extract

TABLE = """| 2021年度项目支出绩效自评表 | ||||||||
|
项目资金 (万元) |
年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | ||||
| 年度资金总额 | 50.00 | 48.00 | 45.60 | 10.00 | 95% | 9.50 | ||||
| 其中:当年财政拨款 | 50.00 | 48.00 | 45.60 | 95% | ||||||
| 上年结转资金 | ||||||||||
"""


def test_the_broken_first_cell_gives_the_header_its_label_column_and_the_unit() -> None:
    found = extract(TABLE)
    figures = {f.label: (f.value, f.unit) for f in found.ledger.figures}
    assert figures["年度资金总额 / 全年执行数"] == ("45.60", "万元")
    assert figures["年度资金总额 / 执行率"] == ("95%", "%")
    # the scores of a self-evaluation table are no amounts
    assert figures["年度资金总额 / 分值（分）"] == ("10.00", "分")
    assert figures["年度资金总额 / 得分（分）"] == ("9.50", "分")


def test_the_row_whose_percentage_shifted_under_a_score_column_is_not_placed() -> None:
    found = extract(TABLE)
    rows = [t for t in found.unread_tables if t.line == t.last == 6]
    assert len(rows) == 1
    assert "blank cells dropped" in rows[0].reason
    values = {f.id: (f.value, f.unit) for f in found.ledger.figures}
    assert ("95%", "%") in [values[i] for i in rows[0].figures]
    assert not perfcheck.check(TABLE).findings


def test_without_the_broken_cell_nothing_is_joined() -> None:
    # a header as wide as its rows stays as printed: no cell above is taken into it
    plain = TABLE.replace("|\n项目资金 (万元) |\n年初预算数", "| 项目资金 | 年初预算数")
    found = extract(plain)
    assert all(f.unit != "分" for f in found.ledger.figures)
