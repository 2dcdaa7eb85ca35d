"""A total column followed by a 其中 group of columns, in a table flattened into ``|`` lines.

Our own writing, in the layout of a national statistics table of hospitals' average income:
a two-row header ``总收入 | 其中:`` over ``医疗收入 | 财政补助收入 | 其他收入`` whose label
column's blank header cell the page dropped, rows of a name and numbers, and a caption
saying the values are averages per hospital (院均), so no column adds up down the rows.
"""

from __future__ import annotations

import pytest

from phrasing_texts import checked_by_hand, read_text, relation_values

_ROWS = (
    "全部医院合计 | 1,000.50 | 800.20 | 150.10 | 50.20 |\n"
    "甲类 | 3,200.00 | 2,900.00 | 200.00 | 100.00 |\n"
    "乙类 | 640.30 | 500.10 | 100.10 | 40.10 |\n"
    "丙类 | 210.00 | 150.00 | 50.00 | 10.00 |\n"
)


def _text(
    *, caption: str = "院均收入情况", label: str = "", rest: str = "其他收入", unit: str = "单位:千元"
) -> str:
    head = f"{label} | 总收入 | 其中: | ||\n" if label else "总收入 | 其中: | ||\n"
    return (
        "某年各类医院收入情况 | ||||\n"
        f"{caption} | ||||\n"
        f"{unit} | ||||\n"
        f"{head}"
        f"医疗收入 | 财政补助收入 | {rest} | |\n"
        f"{_ROWS}"
        "注:数据来自统计年鉴。\n"
    )


_ACROSS = [
    {"1,000.50", "800.20", "150.10", "50.20"},
    {"3,200.00", "2,900.00", "200.00", "100.00"},
    {"640.30", "500.10", "100.10", "40.10"},
    {"210.00", "150.00", "50.00", "10.00"},
]


@pytest.mark.parametrize("label", ["", "医院类别"], ids=["label-cell-dropped", "label-cell-printed"])
@pytest.mark.parametrize("unit", ["单位:千元", "单位：万元"])
def test_each_row_total_is_the_sum_of_its_listed_columns(label: str, unit: str) -> None:
    ledger, result = read_text(_text(label=label, unit=unit))
    sums = [values for values, basis in relation_values(ledger, "sum") if basis == "inferred"]
    for row in _ACROSS:
        assert row in sums
    assert result.ok
    assert not checked_by_hand(ledger, result)  # averages: no column is summed down the rows


def test_a_wrong_part_of_a_row_is_to_be_checked_by_hand() -> None:
    ledger, result = read_text(_text().replace("| 500.10 |", "| 550.10 |"))
    assert result.ok
    assert any("550.10" in values and "640.30" in values for values in checked_by_hand(ledger, result))


def test_a_list_without_its_rest_adds_up_to_nothing_across() -> None:
    # 其中 without 其他: the items may leave some of the total out
    ledger, _ = read_text(_text(rest="科教项目收入"))
    sums = [values for values, _ in relation_values(ledger, "sum")]
    assert not any(row in sums for row in _ACROSS)


def test_a_table_of_totals_not_averages_still_adds_up_down_its_columns() -> None:
    rows = (
        "合计 | 600.00 | 500.00 | 70.00 | 30.00 |\n"
        "甲类 | 400.00 | 350.00 | 30.00 | 20.00 |\n"
        "乙类 | 200.00 | 150.00 | 40.00 | 10.00 |\n"
    )
    text = _text(caption="收入情况").replace(_ROWS, rows)
    ledger, result = read_text(text)
    sums = [values for values, _ in relation_values(ledger, "sum")]
    assert {"600.00", "400.00", "200.00"} in sums  # down the 总收入 column
    assert {"600.00", "500.00", "70.00", "30.00"} in sums  # across the 合计 row
    assert result.ok
    assert not checked_by_hand(ledger, result)


def test_a_column_of_averages_alone_is_not_summed_down_the_rows() -> None:
    # 人均支出 is an average: the 合计 row's is no sum of the rows'; 总支出 and 人数 add up
    text = (
        "单位:万元 | |||\n"
        "项目 | 总支出 | 人数(人) | 人均支出 |\n"
        "合计 | 300.00 | 30 | 10.00 |\n"
        "甲科室 | 100.00 | 20 | 5.00 |\n"
        "乙科室 | 200.00 | 10 | 20.00 |\n"
    )
    ledger, result = read_text(text)
    sums = [values for values, _ in relation_values(ledger, "sum")]
    assert {"300.00", "100.00", "200.00"} in sums
    assert not any("10.00" in values and "5.00" in values for values in sums)
    assert not checked_by_hand(ledger, result)


@pytest.mark.parametrize("indent", ["", "\u3000\u3000"], ids=["flat", "indented"])
def test_a_coded_table_sums_its_listed_columns_and_its_code_hierarchy(indent: str) -> None:
    text = (
        "单位:万元 | |||||\n"
        "科目编码 | 科目名称 | 合计 | 其中: | ||\n"
        "基本支出 | 项目支出 | 其他支出 | |\n"
        "201 | 一般公共服务支出 | 150.00 | 100.00 | 40.00 | 10.00 |\n"
        f"20101 | {indent}人大事务 | 90.00 | 60.00 | 25.00 | 5.00 |\n"
        f"20102 | {indent}政协事务 | 60.00 | 40.00 | 15.00 | 5.00 |\n"
    )
    ledger, result = read_text(text)
    sums = [values for values, _ in relation_values(ledger, "sum")]
    assert {"150.00", "100.00", "40.00", "10.00"} in sums  # across: 合计 = its listed columns
    assert {"90.00", "60.00", "25.00", "5.00"} in sums
    assert {"150.00", "90.00", "60.00"} in sums  # down: 201 = 20101 + 20102
    assert result.ok
    assert not checked_by_hand(ledger, result)
    broken, checked = read_text(text.replace("| 25.00 |", "| 35.00 |"))
    assert any({"90.00", "35.00"} <= values for values in checked_by_hand(broken, checked))
