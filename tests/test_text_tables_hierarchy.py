"""Rows after a 本年收入合计 in a flattened table: no child by position, and no part counted twice."""

from __future__ import annotations

from phrasing_texts import read_text

# Own writing, in the layout of a town's 收入执行情况表 flattened into `|` lines: after 本年收入合计
# come 转移性收入 and, flat (their indentation lost), the two kinds of it, then 收入总计.
TABLE = """单位:万元 | |||
项目 | 上年决算数 | 本年预算数 | 本年执行数 |
一、税收收入 | 520 | 560 | 555 |
增值税 | 300 | 320 | 318 |
契税 | 220 | 240 | 237 |
二、非税收入 | 80 | 90 | 95 |
罚没收入 | 80 | 90 | 95 |
本年收入合计 | 600 | 650 | 650 |
转移性收入 | 1800 | 1700 | 1710 |
上级一般性转移支付收入 | 1100 | 1200 | 1205 |
上级专项转移支付收入 | 700 | 500 | 505 |
上年结转收入 | 40 | 30 | 30 |
收入总计 | 2440 | 2380 | 2390 |
"""


def _totals(ledger: object) -> dict[str, set[str]]:
    values = {f.id: f.value for f in ledger.figures}  # type: ignore[attr-defined]
    return {
        values[r.total]: {values[p] for p in r.parts}
        for r in ledger.relations  # type: ignore[attr-defined]
        if r.kind == "sum" and "收入总计" in (r.label or "")
    }


def test_the_parts_of_a_row_after_the_total_are_not_counted_twice() -> None:
    ledger, result = read_text(TABLE)
    totals = _totals(ledger)
    assert totals["2440"] == {"600", "1800", "40"}
    assert totals["2390"] == {"650", "1710", "30"}
    assert not [f for f in result.findings if f.code == "PC903"]
    assert result.ok


def test_no_row_is_made_a_child_by_its_position() -> None:
    ledger, _ = read_text(TABLE)
    values = {f.id: f.value for f in ledger.figures}
    # 转移性收入 is no total of the rows under it: nothing prints that they are its parts
    assert not [r for r in ledger.relations if r.kind == "sum" and values[r.total] in {"1800", "1710"}]


def test_a_wrong_total_is_still_caught() -> None:
    _, result = read_text(TABLE.replace("收入总计 | 2440 |", "收入总计 | 2460 |"))
    assert [f for f in result.findings if f.code == "PC903"]


def test_a_flat_list_whose_rows_do_not_add_up_stays_as_printed() -> None:
    # 转移性收入 is not the sum of the rows after it (1800 vs 1100 + 610): they are all parts
    flat = TABLE.replace(
        "上级专项转移支付收入 | 700 | 500 | 505 |", "上级专项转移支付收入 | 610 | 500 | 505 |"
    )
    ledger, _ = read_text(flat)
    assert _totals(ledger)["2440"] == {"600", "1800", "1100", "610", "40"}


def test_a_row_printing_the_amounts_of_the_row_above_is_its_only_part() -> None:
    # 上级补助收入 has one kind printed (the others blank): the total counts it once
    single = TABLE.replace(
        "上级一般性转移支付收入 | 1100 | 1200 | 1205 |\n上级专项转移支付收入 | 700 | 500 | 505 |\n",
        "上级一般性转移支付收入 | 1800 | 1700 | 1710 |\n上级专项转移支付收入 | | | |\n",
    )
    ledger, result = read_text(single)
    assert _totals(ledger)["2440"] == {"600", "1800", "40"}
    assert not [f for f in result.findings if f.code == "PC903"]


# Own writing, in the layout of a 收支决算平衡表 printed one cell a line: the 收入 half and the
# 支出 half side by side, so each printed row is a row of each half.
HALVES = """表1:收支决算平衡表 | |||||
单位:万元 | |||||
项目 |
预算数 |
决算数 |
项目 |
预算数 |
决算数 |
收入总计 |
900 |
950 |
支出总计 |
900 |
950 |
一、本级收入 |
300 |
320 |
一、本级支出 |
700 |
720 |
税收收入 |
200 |
210 |
二、上解支出 |
200 |
230 |
非税收入 |
100 |
110 |
上解省级支出 |
200 |
230 |
二、转移性收入 |
600 |
630 |
"""


def test_a_table_in_two_halves_one_cell_a_line_is_read_as_two_halves() -> None:
    ledger, result = read_text(HALVES)
    values = {f.id: f.value for f in ledger.figures}
    sums = [(values[r.total], {values[p] for p in r.parts}) for r in ledger.relations if r.kind == "sum"]
    assert ("950", {"320", "630"}) in sums  # 收入总计
    assert ("950", {"720", "230"}) in sums  # 支出总计
    assert ("320", {"210", "110"}) in sums  # 本级收入, not the 支出 rows printed between its parts
    assert not [f for f in result.findings if f.code == "PC903"]
