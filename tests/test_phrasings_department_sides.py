"""A department's 收入预算 and 支出预算, said without 总额 or 总计, balance (an inferred equality).

Every text here is our own writing, reproducing the structure of sentences real reports print.
"""

from __future__ import annotations

from phrasing_texts import error_values, read_text, relation_values

DEPARTMENT = (
    "2017年本部门收入预算5000千元，比上年增加500千元，增长11.11%，主要原因是人员经费增加；"
    "支出预算5000千元，比上年增加500千元，增长11.11%。"
)


def test_a_departments_income_and_spending_budgets_balance() -> None:
    ledger, result = read_text(DEPARTMENT)
    equal = relation_values(ledger, "equal")
    assert equal == [({"5000"}, "inferred")]
    assert result.ok, error_values(ledger, result)
    assert not result.findings


def test_budgets_that_do_not_meet_are_to_be_checked_by_hand() -> None:
    broken = DEPARTMENT.replace(
        "支出预算5000千元，比上年增加500千元，增长11.11%", "支出预算4950千元，比上年增加450千元，增长10%"
    )
    _, result = read_text(broken)
    assert result.ok
    assert [f.code for f in result.findings] == ["PC903"]


def test_a_kind_of_income_is_no_side() -> None:
    text = "2017年一般公共预算收入预算3000千元，比上年增加300千元；支出预算5000千元，比上年增加500千元。"
    ledger, _ = read_text(text)
    assert relation_values(ledger, "equal") == []
