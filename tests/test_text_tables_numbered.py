"""Tables flattened into ``|`` lines: a page's header block and a second table in one run, headings 一、二、.

The texts are our own writing, in the layout a stored page of a town's budget execution
report prints (bench/corpus holds the index of the real page).
"""

from __future__ import annotations

from phrasing_texts import read_text, relation_values

PAGE = (
    "标题: | 某镇2020年预算执行情况 | ||\n"
    "---|---|---|---|\n"
    "索引号: | 1234567890ABC/2021-0001.0 | 文号: | |\n"
    "发文日期: | 2021-09-30 10:33:47 | 发布机构: | 某镇人民政府 |\n"
    "表1 | ||||\n"
    "2020年某镇一般公共预算收入执行情况表 | ||||\n"
    "单位:万元 | ||||\n"
    "项 目 | 2019年决算数 | 2020年调整预算数 | 2020年执行数 | |\n"
    "金额 | 比上年增长% | |||\n"
    "一、税收收入 | 300 | 320 | 330 | 10.00 |\n"
    "增值税 | 200 | 210 | 220 | 10.00 |\n"
    "企业所得税 | 100 | 110 | 110 | 10.00 |\n"
    "二、非税收入 | 50 | 40 | 45 | -10.00 |\n"
    "行政事业性收费收入 | 20 | 15 | 15 | -25.00 |\n"
    "罚没收入 | 30 | 25 | 30 | 0.00 |\n"
    "本年收入合计 | 350 | 360 | 375 | 7.14 |\n"
    "表2 | ||||\n"
    "2020年某镇一般公共预算支出执行情况表 | ||||\n"
    "单位:万元 | ||||\n"
    "项 目 | 2019年决算数 | 2020年调整预算数 | 2020年执行数 | |\n"
    "金额 | 比上年增长% | |||\n"
    "一般公共服务支出 | 100 | 120 | 110 | 10.00 |\n"
    "教育支出 | 60 | 50 | 55 | -8.33 |\n"
    "本年支出合计 | 160 | 170 | 165 | 3.13 |\n"
)


def test_a_pages_header_block_and_a_second_table_do_not_hide_the_tables() -> None:
    ledger, result = read_text(PAGE)
    assert not [f for f in result.findings if f.severity.value != "info"], [
        f.message for f in result.findings
    ]
    labels = {f.label for f in ledger.figures}
    assert "增值税 / 2019年决算数" in labels
    assert "教育支出 / 2019年决算数" in labels
    sums = [values for values, _ in relation_values(ledger, "sum")]
    assert {"160", "100", "60"} in sums  # the second table's total


def test_rows_under_a_numbered_heading_are_its_parts_and_the_total_counts_the_headings() -> None:
    ledger, _ = read_text(PAGE)
    sums = [values for values, _ in relation_values(ledger, "sum")]
    assert {"300", "200", "100"} in sums  # 一、税收收入 = its rows
    assert {"50", "20", "30"} in sums
    assert {"350", "300", "50"} in sums  # 本年收入合计 = 一 + 二, its rows not counted twice
    _, broken = read_text(PAGE.replace("增值税 | 200 |", "增值税 | 210 |"))
    assert broken.ok  # the layout was guessed: to check by hand
    assert "PC903" in [f.code for f in broken.findings]
