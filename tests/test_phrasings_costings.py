"""A total reckoned as a count times a rate per head: a costing (测算标准).

Own writing, in the shape of a people's congress office's 部门预算 (items with their 测算标准)
and a department's 三公 budget: ``150名委员，年人均3000元计450000元`` (stated: 计 gives the
product), ``计划出国(境)3人，预算费用4万元/人，共计12万元``, and an item's amount printed before the
count, reckoned so (``经费90000元，按9个社区每个10000元测算``: inferred).
"""

from __future__ import annotations

from phrasing_texts import checked_by_hand, error_values, read_text, relation_values

ITEMS = (
    "二、项目支出说明\n"
    "1、委员履职补贴{total}元；\n"
    "测算标准：150名委员，年人均3000元计{total}元。\n"
    "2、社区联络经费{community}元，按9个社区每个10000元测算，同上年。\n"
    "3、委员活动经费300000元，同上年；\n"
    "委员活动及视察经费以150名委员，年人均2000元测算。\n"
)


def products(text: str) -> list[tuple[set[str], str]]:
    ledger, _ = read_text(text)
    return relation_values(ledger, "formula")


def test_a_costing_gives_its_total() -> None:
    found = products(ITEMS.format(total="450000", community="90000"))
    assert ({"450000", "150", "3000"}, "stated") in found
    assert ({"90000", "9", "10000"}, "inferred") in found
    assert ({"300000", "150", "2000"}, "inferred") in found
    ledger, result = read_text(ITEMS.format(total="450000", community="90000"))
    assert result.ok
    assert checked_by_hand(ledger, result) == []


def test_a_costing_that_does_not_multiply_out_is_an_error() -> None:
    ledger, result = read_text(ITEMS.format(total="460000", community="90000"))
    assert {"460000", "150", "3000"} in error_values(ledger, result)


def test_an_amount_reckoned_otherwise_is_to_be_checked_by_hand() -> None:
    ledger, result = read_text(ITEMS.format(total="450000", community="95000"))
    assert error_values(ledger, result) == []
    assert {"95000", "9", "10000"} in checked_by_hand(ledger, result)


def test_a_trip_budget_per_person() -> None:
    text = "因公出国(境)经费12万元。计划出访1批次，计划出国(境)3人，预算费用4万元/人，共计12万元。\n"
    assert ({"12", "3", "4"}, "stated") in products(text)


def test_a_rate_not_after_its_count_is_no_costing() -> None:
    # near miss: the per-head figure follows an amount, not a count; and a count of 批次 is no head
    text = "计划出访2批次，预算费用4万元/人，共计8万元。\n培训经费20万元，人均0.5万元，共计20万元。\n"
    found = products(text)
    assert not any({"8", "2", "4"} <= v for v, _ in found)
    assert not any({"20", "0.5"} <= v for v, _ in found)
