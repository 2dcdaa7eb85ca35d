"""A list opened by a side's name (``支出包括：``) details that side's total, never the item before it."""

from __future__ import annotations

import pytest

from phrasing_texts import error_values, read_text, relation_values

# Own writing, in the shape of a 部门预算's 总体说明: both lists after one 收支 total.
BOTH_SIDES = (
    "2024年收支总预算3500.00万元，收入包括：一般公共预算拨款收入2800.00万元、政府性基金预算拨款收入700.00万元；"
    "支出包括：一般公共服务支出3000.50万元、城乡社区支出499.50万元。"
)


def test_the_spending_list_details_the_both_sides_total() -> None:
    ledger, result = read_text(BOTH_SIDES)
    sums = [values for values, _ in relation_values(ledger, "sum")]
    assert {"3500.00", "2800.00", "700.00"} in sums
    assert {"3500.00", "3000.50", "499.50"} in sums
    # never the spending items against the last income item (700.00)
    assert not any("700.00" in values and "3000.50" in values for values in sums)
    assert result.ok, error_values(ledger, result)


@pytest.mark.parametrize("spending", ["3000.50", "3100.50"])
def test_a_broken_spending_list_is_reported_against_its_total(spending: str) -> None:
    ledger, result = read_text(BOTH_SIDES.replace("3000.50", spending))
    broken = [values for values in error_values(ledger, result) if "3500.00" in values]
    assert bool(broken) is (spending != "3000.50")


def test_a_spending_list_after_no_spending_total_is_no_sum() -> None:
    # the sentence before ends with an income item: the list is not its parts
    text = (
        "收入包括：一般公共预算拨款收入2800.00万元，政府性基金预算拨款收入700.00万元。"
        "支出包括：一般公共服务支出3000.50万元，城乡社区支出499.50万元。"
    )
    ledger, result = read_text(text)
    sums = [values for values, _ in relation_values(ledger, "sum")]
    assert not any("3000.50" in values for values in sums)
    assert result.ok, error_values(ledger, result)


@pytest.mark.parametrize(
    ("printed", "name"),
    [("加上年结转结余60万元", "上年结转结余"), ("加上上年结转结余60万元", "上年结转结余")],
)
def test_added_from_last_year_keeps_its_name(printed: str, name: str) -> None:
    ledger, _ = read_text(f"全镇一般公共预算收入4000万元，{printed}，收入合计为4060万元。")
    assert [f.label for f in ledger.figures if f.value == "60"] == [name]


def test_added_from_the_level_above_keeps_its_name() -> None:
    # 加上级转移支付收入: 加 (added) and 上级转移支付收入 (transfers from the level above)
    ledger, result = read_text(
        "全镇一般公共预算收入4402万元，加上级转移支付收入1884万元，收入合计为6286万元。"
    )
    assert [f.label for f in ledger.figures if f.value == "1884"] == ["上级转移支付收入"]
    assert ({"6286", "4402", "1884"}, "stated") in relation_values(ledger, "sum")
    assert result.ok


# 收入合计 already counts the carryover it lists after 加上: the fund balance does not add it again.
COUNTED_CARRYOVER = "全镇一般公共预算收入4000万元，加上上年结转结余60万元，收入合计为4060万元。支出合计3900万元，结转下年160万元。"


def test_a_total_that_lists_the_carryover_does_not_count_it_twice() -> None:
    ledger, result = read_text(COUNTED_CARRYOVER)
    balances = relation_values(ledger, "balance")
    assert balances == [({"4060", "3900", "160"}, "inferred")]  # the reader judged the carryover counted
    assert result.ok
    assert not result.findings


def test_a_broken_balance_of_a_total_counting_its_carryover_is_to_be_checked_by_hand() -> None:
    _, result = read_text(COUNTED_CARRYOVER.replace("3900", "3800"))
    assert result.ok  # inferred: never an error
    assert [f.code for f in result.findings if f.severity.value == "warning"] == ["PC903"]
