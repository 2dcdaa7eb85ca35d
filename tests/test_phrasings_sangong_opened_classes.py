"""A 三公 budget total closing its sentence with 其中：, its classes after it naming no role.

Own writing, in the shape of a provincial department's 三公经费预算 说明: the total is a 预算数,
the classes below (``因公出国(境)经费6万元，较上年预算下降…``) name no role and are the total's;
a sentence on the trips planned, with figures of its own, stands between.
"""

from __future__ import annotations

from phrasing_texts import checked_by_hand, read_text, relation_values

TEXT = (
    "某厅2023年一般公共预算“三公”经费预算数为{total}万元，其中：\n"
    "因公出国(境)经费6万元，较上年预算下降50.00%。拟安排出访1批次，计划出国(境)2人，预算费用3万元/人，共计6万元。"
    "公务用车购置及运行费40.20万元，较上年预算增长10.00%。公务接待费3.80万元，较上年预算增长5.00%。\n"
)


def test_the_classes_after_the_opener_add_up_to_the_total() -> None:
    ledger, result = read_text(TEXT.format(total="50.00"))
    assert any({"50.00", "6", "40.20", "3.80"} == v for v, _ in relation_values(ledger, "sum"))
    assert checked_by_hand(ledger, result) == []


def test_classes_that_do_not_add_up_are_reported() -> None:
    ledger, result = read_text(TEXT.format(total="52.00"))
    assert any({"52.00", "6", "40.20", "3.80"} <= v for v in checked_by_hand(ledger, result))


def test_without_the_opener_a_budget_total_takes_no_roleless_classes() -> None:
    # near miss: the total's sentence goes on, no list is opened; its classes name no role
    text = TEXT.format(total="50.00").replace("，其中：\n", "，比上年减少2万元。\n")
    ledger, _ = read_text(text)
    assert not any({"50.00", "6", "40.20", "3.80"} <= v for v, _ in relation_values(ledger, "sum"))
