"""A 绩效自评表's indicators with a unit column, printed as lines of ``|`` cells.

Texts of our own writing, in the layout such pages print: the header of the columns after
the unit (实际完成值 | 分值 | 得分) on a line above the one naming 指标值 | 度量单位, the
group cells (产出指标, 数量指标) printed on their group's first row only, an operator
(＝, ≥, ≤) in a cell of its own before the target.
"""

from __future__ import annotations

import perfcheck
from perfcheck.extract import extract

TABLE = """2023年度项目支出绩效自评表
| 绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 | |||||
|
一级 指标 |
二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | |||||
| 产出指标 | 数量指标 | 培训农户人数 | ≥ | 1200 | 人次 | 1350 | 15 | 15 | ||
| 质量指标 | 培训合格率 | ≥ | 90 | % | 96.5 | 15.00 | 14.50 | |||
| 成本指标 | 人均培训成本 | ≤ | 350 | 元 | 338.20 | 10 | 10 | |||
| 时效指标 | 完成时间 | ＝ | 12 | 月 | 12 | 10 | 10 | |||
| 满意度指标 | 服务对象满意度指标 | 参训农户满意度 | ≥ | 95 | % | 97 | 10 | 9 |
"""


def _figures(text: str) -> dict[str, tuple[str, str | None, str | None]]:
    return {f.label: (f.value, f.unit, f.qualifier) for f in extract(text).ledger.figures}


def test_each_rows_values_are_read_in_the_unit_it_prints_and_scores_in_points() -> None:
    figures = _figures(TABLE)
    assert figures["培训农户人数 / 指标值"] == ("1200", "人次", "at_least")
    assert figures["培训农户人数 / 实际完成值"] == ("1350", "人次", None)
    assert figures["培训合格率 / 实际完成值"] == ("96.5", "%", None)
    assert figures["人均培训成本 / 指标值"] == ("350", "元", "at_most")
    assert figures["人均培训成本 / 实际完成值"] == ("338.20", "元", None)  # printed precision kept
    assert figures["培训合格率 / 得分"] == ("14.50", "分", None)
    assert figures["参训农户满意度 / 分值"] == ("10", "分", None)


def test_a_row_in_a_unit_perfcheck_does_not_know_is_not_read() -> None:
    figures = _figures(TABLE)
    # 月 is a month here, no unit of an amount, count or share: the row is left unread
    assert not [label for label in figures if label.startswith("完成时间")]


def test_the_table_is_listed_as_read_in_no_relation_and_checks_clean() -> None:
    found = extract(TABLE)
    assert [t.reason for t in found.unread_tables if "indicator" in t.reason] != []
    assert not found.ledger.relations
    assert perfcheck.check(TABLE.encode(), format="text").ok


def test_without_the_unit_column_no_row_takes_a_unit_from_its_cells() -> None:
    # the same rows under a header that names no unit column: no value is given a row's unit
    plain = TABLE.replace("指标值 | 度量单位", "指标值 | 备注")
    figures = _figures(plain)
    assert "培训农户人数 / 指标值" not in figures
    assert all(unit != "人次" for _, unit, _ in figures.values())


def test_without_the_header_of_the_columns_after_the_unit_only_the_targets_are_read() -> None:
    text = TABLE.replace(
        "| 绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 | |||||\n", ""
    )
    figures = _figures(text)
    assert figures["培训农户人数 / 指标值"] == ("1200", "人次", "at_least")
    assert not [label for label in figures if label.endswith(("实际完成值", "得分"))]
