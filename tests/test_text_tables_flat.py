"""Tables a page flattened into plain text under their unit caption, their cell marks lost.

Texts of our own writing, in the layouts PDFs' text and copied pages print: a whole table on
one line (``单位:万元 项 目 预算数 决算数 合 计 …``), a row a line with its number after
spaces, a number glued to its row's name, rows counting things with their unit in brackets.
Their numbers are figures in the caption's unit, in no relation.
"""

from __future__ import annotations

import perfcheck
from perfcheck.extract import extract

ONE_LINE = (
    "某单位2022年一般公共预算财政拨款“三公”经费支出决算表 单位:万元 项 目 预算数 决算数 "
    "合 计 48.00 45.26 公务接待费 12.00 11.30 公务用车购置及运行费 36.00 33.96 "
    "其中:公务用车运行维护费 36.00 33.96 公务用车购置 0 0 因公出国(境)费 "
    "二、2022 年“三公”经费支出决算情况说明。 本单位2022年“三公”经费支出决算45.26万元,完成预算的94.3%。\n"
)

ROW_A_LINE = (
    "2023年度部门“三公”经费预算情况表\n"
    "    单位:元\n"
    "项目 2022年执行数 2023年预算数\n"
    "一、支出合计   86000\n"
    "1、因公出国(境)费用    \n"
    "2、公务接待费   26000\n"
    "3、公务用车费   60000\n"
    "二、相关统计数    \n"
    "1.公务用车保有量(辆)   2\n"
    "2.公务接待批次(批)   14\n"
    "3.因公出国(境)团组数   0\n"
    "三、增减变化原因说明\n"
    "本年预算比上年减少4000元,主要原因是压减公务接待。\n"
)

GLUED = (
    "表6\n"
    "2024年一般公共预算“三公”经费预算表\n"
    "单位名称:某某局单位:万元\n"
    "项目2024年预算\n"
    "行政经费236.40 \n"
    "“三公”经费8.20 \n"
    "      其中:(一)因公出国(境)支出\n"
    "           (二)公务用车运行维护费5.70 \n"
    "           (三)公务接待费支出2.50 \n"
)


def _figures(text: str) -> dict[str, tuple[str, str | None]]:
    return {f.label: (f.value, f.unit) for f in extract(text).ledger.figures}


def test_a_table_on_one_line_is_read_row_by_row_under_its_columns() -> None:
    figures = _figures(ONE_LINE)
    assert figures["合计 / 预算数"] == ("48.00", "万元")
    assert figures["合计 / 决算数"] == ("45.26", "万元")
    assert figures["其中:公务用车运行维护费 / 决算数"] == ("33.96", "万元")
    assert figures["公务用车购置 / 预算数"] == ("0", "万元")
    # the sentence after the table is read by the sentence reader, with its own unit
    assert ("94.3%", "%") in figures.values()
    assert ("45.26", "万元") in figures.values()


def test_a_row_printing_more_numbers_than_the_columns_keeps_only_its_own() -> None:
    # 合计's 0 0 after its pair are another row's (its name printed elsewhere): not named 合计
    text = ONE_LINE.replace("合 计 48.00 45.26 公务接待费", "合 计 48.00 45.26 0 0 公务接待费")
    labels = [f.label for f in extract(text).ledger.figures if f.value == "0"]
    assert labels == ["公务用车购置 / 预算数", "公务用车购置 / 决算数"]


def test_rows_a_line_are_in_the_captions_unit_and_counts_in_their_own() -> None:
    figures = _figures(ROW_A_LINE)
    assert figures["一、支出合计"] == ("86000", "元")
    assert figures["2、公务接待费"] == ("26000", "元")
    assert figures["1.公务用车保有量"] == ("2", "辆")  # its unit in brackets, not the caption's
    assert figures["2.公务接待批次"] == ("14", "批")
    # a count with no unit said is not read as yuan
    assert not [label for label in figures if "团组数" in label]
    # years, column names and the ordinals 1、 2. are no figures
    values = [f.value for f in extract(ROW_A_LINE).ledger.figures]
    assert "2022" not in values
    assert "2023" not in values
    assert "1" not in values
    assert "3" not in values


def test_numbers_glued_to_their_names_are_read() -> None:
    figures = _figures(GLUED)
    assert figures["行政经费"] == ("236.40", "万元")
    assert figures["“三公”经费"] == ("8.20", "万元")
    assert figures["(三)公务接待费支出"] == ("2.50", "万元")
    assert "6" not in {f.value for f in extract(GLUED).ledger.figures}  # 表6 is the table's number


def test_the_table_is_listed_as_not_read_and_checks_clean() -> None:
    for text in (ONE_LINE, ROW_A_LINE, GLUED):
        found = extract(text)
        assert [t for t in found.unread_tables if "flattened" in t.reason]
        assert perfcheck.check(text.encode(), format="text").ok


def test_no_caption_no_table() -> None:
    # the same rows without 单位: their numbers carry no unit, and none is read
    text = ROW_A_LINE.replace("    单位:元\n", "")
    assert not [t for t in extract(text).unread_tables if "flattened" in t.reason]
    assert "86000" not in {f.value for f in extract(text).ledger.figures}


def test_dates_phone_numbers_and_page_numbers_after_a_caption_are_no_figures() -> None:
    text = "单位:万元\n填报日期 2023-04-18\n第2页 共46页\n合计 15.50\n培训费 15.50\n"
    values = {f.value for f in extract(text).ledger.figures}
    assert values == {"15.50"}


def test_a_header_naming_a_rate_column_gives_no_figure() -> None:
    # 完成率 printed without %: 96.5 would be read as 万元 by its place; the table is left unread
    text = (
        "表3 单位:万元 项 目 预算数 决算数 完成率 合 计 40.00 38.60 96.5 培训费 10.00 9.60 96.0 二、说明。\n"
    )
    values = {f.value for f in extract(text).ledger.figures}
    assert "96.5" not in values
    assert "38.60" not in values
    assert not [t for t in extract(text).unread_tables if "flattened" in t.reason]


def test_several_numbers_under_no_named_column_are_not_read() -> None:
    text = "单位:万元\n合计 40.00 38.60\n培训费 10.00\n"
    figures = _figures(text)
    assert figures == {"培训费": ("10.00", "万元")}  # one number a row: the row's amount
