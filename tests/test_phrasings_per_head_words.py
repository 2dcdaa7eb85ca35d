"""One list of per-head words (人均, 生均, 户均, 每人平均, 平均每人) for a figure's name and its passage.

Own writing, in the shape of subsidy notes: an amount paid per household (户均) printed after a
list of the parts of the total is an average, never one more part of the list.
"""

from __future__ import annotations

import pytest

from perfcheck._read.text import patterns
from perfcheck._read.text.per_capita import per_head_passage
from phrasing_texts import read_text, relation_values

AFTER_A_LIST = [
    "发放耕地地力补贴300.00万元，其中：种粮大户补贴200.00万元，一般农户补贴100.00万元，户均补贴0.15万元。",
    "2022年慰问困难群众支出12.00万元，其中：慰问金10.00万元，物资采购2.00万元，户均0.20万元。",
    "培训费24.00万元，其中：师资费16.00万元，伙食费8.00万元，人均0.04万元。",
]


@pytest.mark.parametrize("text", AFTER_A_LIST)
def test_a_per_household_figure_after_a_list_is_none_of_its_parts(text: str) -> None:
    ledger, result = read_text(text)
    assert result.ok
    sums = relation_values(ledger, "sum")
    assert len(sums) == 1
    values, basis = sums[0]
    assert len(values) == 3  # the total and its two parts
    assert basis == "stated"


def test_an_amount_named_without_a_per_head_word_is_still_a_part() -> None:
    # near miss: 户籍 and 均衡 hold the characters but say no average; the list short of its
    # total by the third part's amount is a stated break when that part is left out
    ledger, result = read_text("发放补贴300.00万元，其中：户籍人口补贴200.00万元，均衡发展补助100.00万元。")
    assert result.ok
    assert ({"300.00", "200.00", "100.00"}, "stated") in relation_values(ledger, "sum")


@pytest.mark.parametrize("name", ["人均支出", "生均公用经费", "户均补助", "每人平均", "平均每人补助"])
def test_every_per_head_word_names_a_per_head_figure(name: str) -> None:
    assert patterns.PER_HEAD.search(name)


def test_the_passage_and_the_name_read_the_same_words() -> None:
    text = "户均补助情况如下：\n1.全镇为1500元。\n2.全乡为1400元，其中脱贫户为2600元。"
    assert per_head_passage(text, text.index("1400"))
    assert patterns.PER_HEAD.search("户均补助")
