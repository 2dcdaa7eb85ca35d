"""The funds rows of a 项目支出绩效自评表 flattened into text: 执行率 = 全年执行数 ÷ 全年预算数.

The national template of a project's self-evaluation opens with its funds: a header
``全年预算数(A) | 全年执行数(B) | 分值 | 执行率(B/A) | 得分`` (or ``年初预算数 | 全年预算数 | 全年执行数
| 分值 | 执行率 | 得分``) over rows ``年度资金总额 | …`` and ``其中：本年财政拨款 | …``, under a line of
its own naming the block and its unit (``资金情况（万元） |``), and then the rows of its goals
(``年度总体目标 | 年初设定目标 | …``), names without numbers. Read as a table: the block's cell
is the header's label column, its unit the amounts' (the score columns in 分); the goals' rows
are no part of it; each row's 执行率 is its 全年执行数 over the budget of the same span (全年,
not 年初). The layout is the reader's guess, so a broken rate is a warning to check by hand
(PC903). Every text here is our own writing, reproducing the layout real reports print.
"""

from __future__ import annotations

import pandas as pd

import perfcheck
from phrasing_texts import checked_by_hand, error_values, read_text, relation_values

KEYED = (
    "项目支出绩效自评表\n"
    "（2022年度）\n"
    "项目名称 | 某村道路维护项目 | 实施单位 | 某镇人民政府 | ||||\n"
    "资金情况（万元） |\n"
    "全年预算数(A) | 全年执行数(B) | 分值 | 执行率(B/A) | 得分 | ||||\n"
    "年度资金总额: | 12.50 | 10.00 | 10 | 80% | 8 | ||||\n"
    "其中:本年财政拨款 | 12.50 | 10.00 | 10 | 80% | 8 | ||||\n"
    "其他资金 | - | - | |||||\n"
    "年度总体目标 | 年初设定目标 | 年度总体目标完成情况综述 | |||||\n"
    "维护村道5公里 | 维护村道5公里 | |||||\n"
)

SPANS = (
    "| 2021年度项目支出绩效自评表 | ||||||\n"
    "| 主管部门 | 某县农业农村局 | 实施单位 | 某乡人民政府 | |||\n"
    "|\n"
    "项目资金 (万元) |\n"
    "年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | ||||\n"
    "| 年度资金总额 | 20.00 | 16.00 | 15.20 | 10.00 | 95% | 9.50 | |||\n"
    "| 其中:当年财政拨款 | 20.00 | 16.00 | 15.20 | 95% | ||||\n"
    "| 其他资金 | ||||||||\n"
)


def _figure(ledger: perfcheck.Ledger, value: str) -> perfcheck.Figure:
    return next(f for f in ledger.figures if f.value == value)


def test_the_funds_rows_rate_is_the_executed_over_the_budget_the_header_names() -> None:
    ledger, result = read_text(KEYED)
    ratios = relation_values(ledger, "ratio")
    assert ratios.count(({"10.00", "12.50", "80%"}, "inferred")) == 2  # both rows
    executed = _figure(ledger, "10.00")
    assert executed.unit == "万元"
    assert "全年执行数" in str(executed.label)
    assert _figure(ledger, "8").unit == "分"  # a score, no amount
    assert result.ok, error_values(ledger, result)
    assert not checked_by_hand(ledger, result)


def test_the_goals_rows_under_the_funds_are_no_part_of_its_table() -> None:
    ledger, _ = read_text(KEYED)
    assert not any("年度总体目标" in str(f.label) or "年初设定目标" in str(f.label) for f in ledger.figures)
    assert {"10.00", "12.50", "80%"} in [v for v, _ in relation_values(ledger, "ratio")]


def test_a_broken_rate_of_the_funds_rows_is_to_be_checked_by_hand() -> None:
    ledger, result = read_text(
        KEYED.replace("| 10.00 | 10 | 80% | 8 | ||||\n其中", "| 10.00 | 10 | 90% | 9 | ||||\n其中")
    )
    assert result.ok, error_values(ledger, result)
    assert checked_by_hand(ledger, result) == [{"10.00", "12.50", "90%"}]


def test_beside_the_years_opening_budget_the_rate_is_of_the_budget_of_the_same_span() -> None:
    ledger, result = read_text(SPANS)
    ratios = relation_values(ledger, "ratio")
    assert ({"15.20", "16.00", "95%"}, "inferred") in ratios
    assert not any("20.00" in v for v, _ in ratios)  # never the 年初预算数
    assert result.ok, error_values(ledger, result)
    assert not checked_by_hand(ledger, result)


def test_a_block_line_naming_no_unit_is_not_taken_for_the_headers_label_cell() -> None:
    ledger, _ = read_text(KEYED.replace("资金情况（万元） |", "资金情况 |"))
    assert not any({"10.00", "12.50", "80%"} <= v for v, _ in relation_values(ledger, "ratio"))


def test_a_rate_beside_two_budgets_of_no_shared_span_is_not_guessed() -> None:
    frame = pd.DataFrame(
        [["办公费", "40.00", "36.00", "30.00", "83.33"]],
        columns=["项目", "预算数", "调整预算数", "决算数", "完成率"],
    )
    assert not [r for r in perfcheck.from_frame(frame, unit="万元").relations if r.kind == "ratio"]
    spans = pd.DataFrame(
        [["办公费", "40.00", "36.00", "30.00", "83.33"]],
        columns=["项目", "年初预算数", "全年预算数", "全年执行数", "执行率"],
    )
    ratios = [r for r in perfcheck.from_frame(spans, unit="万元").relations if r.kind == "ratio"]
    assert [(r.numerator, r.denominator) for r in ratios] == [("r1_c4", "r1_c3")]
