"""A report copied from a website, with the site's header lines before its title.

Own writing, in the shape of county and school 决算 pages as published: an index line of
``label: | value |`` cells, a date, a breadcrumb, then the title that names the year. The
report's year comes from the title, so ``与2017年决算数相比`` is last year's comparison.
"""

from __future__ import annotations

import pytest

from perfcheck._read.text.base import find_title
from phrasing_texts import error_values, read_text, relation_values

_BODY = (
    "某县第三中学2018年度部门决算公开\n"
    "（一）收入支出决算总体情况说明\n"
    "本部门2018年度收入总计300.00万元，支出总计250.00万元。"
    "与2017年决算数相比，收入减少20.00万元，增长-6.25%，支出减少50.00万元，增长-16.67%。\n"
)

_HEADERS = [
    "索引号: | xx-2019-00123 | 发布机构: | 某县第三中学 |\n生效日期: | 2019-08-28 | 废止日期: | |\n",
    "首页 > 政务公开 > 财政预决算\n发布时间：2019-08-28 浏览次数：120\n",
    "简体 繁体 无障碍浏览\n当前位置：首页 > 信息公开\n\n",
    "",
]


@pytest.mark.parametrize("header", _HEADERS)
def test_the_title_after_a_site_header_gives_the_report_year(header: str) -> None:
    text = header + _BODY
    assert find_title(text) == "某县第三中学2018年度部门决算公开"
    ledger, result = read_text(text)
    # 300 against 320 is −6.25 %; 250 against 300 is −16.67 %
    # a signed rate (增长-6.25%) is checked as a formula over the amount and its change
    rates = relation_values(ledger, "formula")
    assert ({"300.00", "20.00", "-6.25%"}, "stated") in rates
    assert ({"250.00", "50.00", "-16.67%"}, "stated") in rates
    assert result.ok, error_values(ledger, result)


@pytest.mark.parametrize("header", _HEADERS)
def test_a_wrong_rate_after_a_site_header_is_an_error(header: str) -> None:
    text = header + _BODY.replace("增长-16.67%", "增长-26.67%")
    ledger, result = read_text(text)
    assert {"250.00", "50.00", "-26.67%"} in error_values(ledger, result)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # the first line names a year: it is the title, whatever follows
        ("某镇2021年部门预算\n2020年决算说明\n", "某镇2021年部门预算"),
        # no line reads as a report's title: the first line stays the title
        ("某县人民政府\n政府信息公开\n2020年度工作总结\n", "某县人民政府"),
        # a sentence that names a year and a report word is not a title
        ("某县人民政府\n本部门2020年度决算收入总计10万元。\n", "某县人民政府"),
        # a title farther down than a site's header runs is not looked for
        ("标题\n" + "一行\n" * 12 + "2020年部门决算\n", "标题"),
        ("", ""),
    ],
)
def test_the_title_is_the_first_line_unless_a_header_stands_before_it(text: str, title: str) -> None:
    assert find_title(text) == title
