"""A 决算 statement's other flows in its balance, and a list whose printed shares say it overlaps.

Own writing, in the shape of 部门决算 收支总体情况 paragraphs and 预算执行情况 reports: a statement's
收入总计 lists the surplus used (使用非财政拨款结余) beside the income and the carryover; a 支出总计
lists a 结余分配. A 其中 list of 民生支出 and 教育支出 prints each part's share of the whole, and the
shares add up past 100 %: the page itself says the parts lie one within the other.
"""

from __future__ import annotations

import pytest

from phrasing_texts import checked_by_hand, error_values, read_text, relation_values

INCOME = "2024年度收入总计1300万元，其中：本年收入1200万元，使用非财政拨款结余50万元，年初结转和结余50万元。"
SPENDING = "支出总计1300万元，其中：本年支出{spent}万元，年末结转和结余150万元。"


def test_a_flow_the_statement_lists_beside_income_is_a_term_of_the_balance() -> None:
    ledger, result = read_text(INCOME + SPENDING.format(spent="1150"))
    assert result.ok, error_values(ledger, result)
    assert ({"50", "1200", "1150", "150"}, "stated") in relation_values(ledger, "balance")
    # the balance holds the used surplus: five terms, the carryover's 50 and the surplus's 50
    (balance,) = [r for r in ledger.relations if r.kind == "balance"]
    assert len(balance.operands()) == 5


def test_a_statement_that_does_not_balance_with_its_flows_is_still_an_error() -> None:
    ledger, result = read_text(INCOME + SPENDING.format(spent="1160"))
    assert {"50", "1200", "1160", "150"} in error_values(ledger, result)


def test_a_flow_out_listed_under_spending_is_a_term_too() -> None:
    text = (
        "2024年度收入总计1300万元，其中：本年收入1250万元，年初结转和结余50万元。"
        "支出总计1300万元，其中：本年支出1100万元，结余分配50万元，年末结转和结余150万元。"
    )
    ledger, result = read_text(text)
    assert result.ok, error_values(ledger, result)
    assert ({"50", "1250", "1100", "150"}, "stated") in relation_values(ledger, "balance")


def test_a_flow_printed_outside_the_sides_lists_leaves_the_balance_to_be_checked_by_hand() -> None:
    text = (
        "2024年度本年收入1200万元，年初结转和结余50万元，本年支出1150万元，年末结转和结余150万元。"
        "另使用非财政拨款结余50万元。"
    )
    ledger, result = read_text(text)
    assert result.ok, error_values(ledger, result)
    assert {"50", "1200", "1150", "150"} in checked_by_hand(ledger, result)


def test_near_miss_a_balance_with_no_other_flow_printed_stays_stated() -> None:
    text = "2024年度本年收入1200万元，年初结转和结余50万元，本年支出1160万元，年末结转和结余150万元。"
    ledger, result = read_text(text)
    assert {"50", "1200", "1160", "150"} in error_values(ledger, result)


@pytest.mark.parametrize(
    "text",
    [
        "全市一般公共预算支出12亿元，其中民生支出9.6亿元，占80%，教育支出30000万元，占25%。",
        "全市一般公共预算支出120亿元，其中民生支出96亿元，占80%，教育支出30亿元，占25%。",
        "全县财政总支出50.0亿元，其中：重点支出40.5亿元，占81.0%；农林水支出12.0亿元，占24.0%。",
    ],
)
def test_parts_whose_printed_shares_add_past_the_whole_are_nested_to_be_checked_by_hand(text: str) -> None:
    ledger, result = read_text(text)
    assert result.ok, error_values(ledger, result)
    assert [basis for _, basis in relation_values(ledger, "sum")] == ["inferred"]
    assert checked_by_hand(ledger, result)


@pytest.mark.parametrize(
    "text",
    [
        # near miss: the shares leave room for the parts side by side, so the overshoot is a slip
        "全市一般公共预算支出120亿元，其中甲类支出60亿元，占50%，乙类支出70亿元，占40%。",
        # no shares printed: nothing on the page says the parts overlap
        "全市一般公共预算支出120亿元，其中甲类支出96亿元，乙类支出30亿元。",
    ],
)
def test_parts_over_their_total_with_no_overlap_said_are_an_error(text: str) -> None:
    ledger, result = read_text(text)
    assert any({"120"} < values for values in error_values(ledger, result))
    assert "stated" in [basis for _, basis in relation_values(ledger, "sum")]


def test_last_years_total_is_no_side_of_this_years_split() -> None:
    # 上年支出合计 is printed first; the split of spending into 基本 and 项目 is this year's
    ledger, result = read_text(
        "其中：基本支出600万元，项目支出400万元。上年支出合计900万元。本年支出合计1000万元。"
    )
    assert result.ok, error_values(ledger, result)
    assert not checked_by_hand(ledger, result)
    assert ({"1000", "600", "400"}, "inferred") in relation_values(ledger, "sum")


def test_near_miss_this_years_split_that_does_not_add_up_is_still_to_be_checked() -> None:
    ledger, result = read_text(
        "其中：基本支出600万元，项目支出300万元。上年支出合计900万元。本年支出合计1000万元。"
    )
    assert {"1000", "600", "300"} in checked_by_hand(ledger, result)
