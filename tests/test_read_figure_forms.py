"""Number forms the text reader reads as figures, and look-alikes it must not read.

Every text here is our own writing, reproducing forms real reports print: a negative
growth rate, a label ended by an ASCII colon, a count of batches (批), and the batch
ordinals, times, ratios, ranges and verbs that look like them.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfcheck._read.text.numbers import find
from phrasing_texts import read_text


def _mentions(text: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.unit) for m in find(text, 0, len(text))]


def test_a_negative_growth_rate_is_read_with_its_sign_and_printed_precision() -> None:
    text = "本年政府性基金收入8000万元，同比增长-50.20%。"
    ledger, result = read_text(text)
    assert [f.value for f in ledger.figures] == ["8000", "-50.20%"]
    rate = ledger.figures[1]
    assert rate.label == "同比增长"  # the sign is the number's, not the label's
    assert rate.source is not None
    assert rate.source.text == "同比增长-50.20%"
    assert not result.errors


def test_negative_rates_in_a_list_are_each_read() -> None:
    text = "各季度收入增幅分别为-12.5%、－3.0%、2.1%、6.0%。"
    mentions = find(text, 0, len(text))
    assert [(m.number, m.decimals, m.unit) for m in mentions] == [
        (Decimal("-12.5"), 1, "%"),
        (Decimal("-3.0"), 1, "%"),
        (Decimal("2.1"), 1, "%"),
        (Decimal("6.0"), 1, "%"),
    ]
    # the span of a negative number starts at its sign
    assert text[mentions[1].start : mentions[1].end] == "－3.0"


@pytest.mark.parametrize(
    "text",
    [
        "预计增长3-5%。",  # a range: the dash follows a digit
        "规划期为2024-2028年。",  # a span of years
        "比上年-6万元。",  # a minus before an amount is not taken (tables read their own cells)
        "执行标准GB-2%。",  # a code
    ],
)
def test_a_dash_that_is_no_minus_sign_gives_no_negative_figure(text: str) -> None:
    assert all(m.number >= 0 and not m.text.startswith("-") for m in find(text, 0, len(text)))


def test_a_range_of_percents_reads_no_figure_at_all() -> None:
    assert _mentions("预计增长3-5%。") == []


def test_an_amount_after_a_label_ended_by_an_ascii_colon_is_read() -> None:
    text = "节约资金30.50万元，其中:货物类:20.25万元,工程类:10.25万元。"
    ledger, result = read_text(text)
    assert [f.value for f in ledger.figures] == ["30.50", "20.25", "10.25"]
    assert not result.errors


@pytest.mark.parametrize("text", ["会议于上午9:30召开。", "配比为1:3。", "时间10:45至11:20。"])
def test_a_time_or_a_ratio_with_a_colon_is_no_figure(text: str) -> None:
    assert _mentions(text) == []


def test_a_count_of_batches_is_read() -> None:
    text = "全年接待来访12000批，共计56000人次；接待外宾380批(次)。"
    assert _mentions(text) == [("12000", "批"), ("56000", "人次"), ("380", "批")]


@pytest.mark.parametrize("text", ["经3批准实施", "第2批项目已完工。", "第3批次资金下达。"])
def test_a_batch_ordinal_or_a_verb_after_a_number_is_no_count(text: str) -> None:
    assert _mentions(text) == []


def test_a_batch_ordinal_beside_an_amount_leaves_only_the_amount() -> None:
    ledger, _ = read_text("第2批项目支出12.00万元，共3批。")
    assert [f.value for f in ledger.figures] == ["12.00", "3"]
