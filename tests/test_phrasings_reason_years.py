"""A year printed in a sentence's reasons is a reason's, not the year of the list after the sentence.

``支出合计100万元，较上年减少5万元，主要原因是减少了下达2016年结算资金。其中：基本支出…``: the list
details the total of the report's year; before, 2016 was taken as the year of its parts, so the
list and its shares were bound to nothing. Every text here is our own writing, in the shape of
部门决算 pages (bench/corpus holds the index of the real pages, never their text).
"""

from __future__ import annotations

import pytest

import perfcheck
from phrasing_texts import error_values, read_text, relation_values

TOTAL = "某单位2018年度部门决算说明\n支出情况。本单位2018年度支出合计100.00万元，较上年决算数减少5.00万元，下降4.76%，"
LIST = "其中：基本支出60.00万元，占60.00%；项目支出40.00万元，占40.00%。\n"

REASONS = [
    "主要原因是减少了区财政下达2016年结算资金。",
    "主要是2017年一次性项目结束。",
    "原因是退还2016年及以前年度诉讼费。",
    "是由于2015年建设的业务用房已完工。",
]


@pytest.mark.parametrize("reasons", REASONS)
def test_the_list_after_a_year_in_the_reasons_details_the_total(reasons: str) -> None:
    ledger, result = read_text(TOTAL + reasons + LIST)
    assert ({"100.00", "60.00", "40.00"}, "stated") in relation_values(ledger, "sum")
    shares = [values for values, _ in relation_values(ledger, "share")]
    assert {"60.00", "100.00", "60.00%"} in shares
    assert {"40.00", "100.00", "40.00%"} in shares
    # the parts are of the total's year: no period of the reason's year
    parts = [f for f in ledger.figures if f.value in {"60.00", "40.00"}]
    assert {f.period for f in parts} == {None}
    assert not result.findings, [f.message for f in result.findings]


@pytest.mark.parametrize("reasons", REASONS)
def test_a_misprinted_part_after_the_reasons_is_an_error(reasons: str) -> None:
    ledger, result = read_text(TOTAL + reasons + LIST.replace("项目支出40.00", "项目支出45.00"))
    assert {"100.00", "60.00", "45.00"} in error_values(ledger, result)


def test_a_year_opening_the_next_sentence_is_still_its_figures_year() -> None:
    # the year of a list printed after the reasons, in its own sentence, is kept
    text = (
        TOTAL + "主要原因是项目结束。2017年支出合计105.00万元，其中：基本支出60.00万元，项目支出45.00万元。\n"
    )
    ledger, _ = read_text(text)
    later = [f for f in ledger.figures if f.value in {"105.00", "45.00"}]
    assert {f.period for f in later} == {"2017"}


def test_a_year_in_the_reasons_is_still_the_year_of_its_own_clause() -> None:
    # within its own sentence the year keeps its reach: 2016年结转资金20.00万元 is 2016's
    text = TOTAL + "主要原因是2016年结转资金20.00万元已于上年支出。\n"
    ledger, _ = read_text(text)
    carried = next(f for f in ledger.figures if f.value == "20.00")
    assert carried.period == "2016"
    assert isinstance(ledger, perfcheck.Ledger)


def test_a_year_after_the_reasons_with_a_figure_of_its_own_keeps_its_list() -> None:
    # 2017年 follows the reason word but opens a figure of its own sentence: the list after is 2017's
    text = TOTAL + "主要是项目结束，2017年支出合计105.00万元。其中：基本支出60.00万元，项目支出45.00万元。\n"
    ledger, _ = read_text(text)
    later = [f for f in ledger.figures if f.value in {"105.00", "60.00", "45.00"}]
    assert {f.period for f in later} == {"2017"}
    assert {"105.00", "60.00", "45.00"} in [values for values, _ in relation_values(ledger, "sum")]
