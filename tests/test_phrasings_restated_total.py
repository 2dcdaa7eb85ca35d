"""A list whose first part is its total again: the parts after it are no parts of that total.

Own writing, in the shape of township budget notes on staff: ``实有在职人员64人。其中在职人员64人，
临聘人员3人，退休人员15人…``. The first item repeats the total's name (or its end) and its value; the
items after it stand beside it in a whole the page never prints (everyone on the books), so the
list is no sum of the total, and the total and its restatement are read as equal.
"""

from __future__ import annotations

import pytest

from phrasing_texts import error_values, read_text, relation_values

STAFF = "实有在职人员64人。其中在职人员64人，临聘人员3人，退休人员15人，遗属人员4人。"
MONEY = "支出合计120.5万元，其中支出120.5万元，代管资金8.2万元，往来款项3.1万元。"


@pytest.mark.parametrize("text", [STAFF, MONEY])
def test_a_restated_total_opens_no_list_of_it(text: str) -> None:
    ledger, result = read_text(text)
    assert result.ok, error_values(ledger, result)
    assert relation_values(ledger, "sum") == []
    total = "64" if text is STAFF else "120.5"
    assert [values for values, _ in relation_values(ledger, "equal")] == [{total}]


def test_near_miss_a_first_part_named_apart_keeps_the_list() -> None:
    # 基本支出 is a part of 支出, not 支出 again: the list is the total's, and its break is kept
    ledger, result = read_text("支出120.5万元，其中基本支出120.5万元，项目支出8.2万元。")
    assert {"120.5", "8.2"} in error_values(ledger, result)


def test_near_miss_a_first_part_of_the_same_name_but_less_keeps_the_list() -> None:
    ledger, result = read_text("实有在职人员64人。其中在职人员56人，临聘人员3人，借调人员5人。")
    assert result.ok, error_values(ledger, result)
    assert any(values == {"64", "56", "3", "5"} for values, _ in relation_values(ledger, "sum"))
    ledger, result = read_text("实有在职人员64人。其中在职人员56人，临聘人员3人，借调人员9人。")
    assert {"64", "56", "3", "9"} in error_values(ledger, result)


RESTATED_THEN_PARTS = (
    "上级补助收入2350万元，其中：上级补助收入2350万元，一般转移支付收入1600万元，专项转移支付收入750万元。"
)
ADDED_RUN = (
    "一般公共预算收入4100万元，加上级补助收入2350万元，其中：上级补助收入2350万元，一般转移支付收入1600万元，"
    "专项转移支付收入750万元，上年结转80万元，收入合计6530万元。"
)


def test_a_restated_total_then_its_parts_is_a_list_of_those_parts() -> None:
    ledger, result = read_text(RESTATED_THEN_PARTS)
    assert result.ok, error_values(ledger, result)
    assert any(values == {"2350", "1600", "750"} for values, _ in relation_values(ledger, "sum"))
    # near miss: without the restatement, a list short of adding up is the total's, and broken
    text = RESTATED_THEN_PARTS.replace("其中：上级补助收入2350万元，", "其中：").replace("750万元", "760万元")
    ledger, result = read_text(text)
    assert any({"2350", "1600", "760"} <= values for values in error_values(ledger, result))
    # with it, parts that do not add up lie beside the total (as the staff above): no list, no error
    ledger, result = read_text(RESTATED_THEN_PARTS.replace("750万元", "760万元"))
    assert result.ok
    assert relation_values(ledger, "sum") == []


def test_a_restatement_in_an_added_run_is_no_addend() -> None:
    ledger, result = read_text(ADDED_RUN)
    assert result.ok, error_values(ledger, result)
    ledger, result = read_text(ADDED_RUN.replace("80万元", "90万元"))
    assert any({"6530", "4100", "90"} <= values for values in error_values(ledger, result))
