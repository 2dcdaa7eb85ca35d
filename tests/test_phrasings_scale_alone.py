"""Amounts printed with 万 alone in a text that never prints 万元: an item left unread leaves its list short.

Own writing, in the shape of 镇 budget-execution reports that print every amount as ``3688万``.
Such an amount is read only when its name says money (资金, 收入, 支出…), since ``服务群众3万`` counts
people; an item of a list left unread so must not make the list look whole and short of its
total, nor a run added up to a total (加上…，收入总计…).
"""

from __future__ import annotations

import pytest

from phrasing_texts import error_values, read_text

ITEMS = "体制结算收入6582.47万。具体为：保障基数3688万，税收分成741.47万，公共服务奖补资金948万，财政管理绩效奖励资金205万。"
ADDED = "一般公共预算收入129748万，加上级补助收入428905万，待偿债置换债券结余320万，调入资金348606万，收入总计907383万。"


@pytest.mark.parametrize("text", [ITEMS, ADDED])
def test_an_item_left_unread_leaves_no_false_break(text: str) -> None:
    ledger, result = read_text(text)
    assert result.ok, error_values(ledger, result)
    # whatever sum is read over the items it read is partial: it names only some of them
    assert all(not r.exhaustive for r in ledger.relations if r.kind == "sum")


def test_near_miss_a_text_that_prints_wan_yuan_reads_every_item_and_keeps_the_break() -> None:
    text = ITEMS.replace("205万。", "205万。另有支出1万元。").replace("3688万", "3680万")
    ledger, result = read_text(text)
    assert any({"6582.47", "3680"} <= values for values in error_values(ledger, result))


def test_near_miss_items_all_named_as_money_keep_their_break() -> None:
    text = "体制结算收入6582.47万。具体为：公共服务奖补资金948万，财政管理绩效奖励资金205万。"
    ledger, result = read_text(text)
    assert {"6582.47", "948", "205"} in error_values(ledger, result)
