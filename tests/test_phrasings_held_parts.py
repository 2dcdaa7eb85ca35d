"""A change printed after the parts a figure is said to hold (含): the change is the figure's.

Own writing, in the shape of an office's 部门预算: ``收支总预算X万元，含A经费…，B经费…；比上年预算增加D万元，
增长R%`` — the parts after 含 are held in X, and the change opening the next clause is X's.
"""

from __future__ import annotations

from phrasing_texts import checked_by_hand, error_values, read_text, relation_values

BUDGET = (
    "一、部门预算概况\n"
    "某局2014年收支总预算{total}万元，含所属培训中心经费300万元，机关食堂经费412.50万元；"
    "比2013年预算增加600.00万元，增长20.00%。\n"
)


def test_the_change_after_held_parts_is_the_holders() -> None:
    ledger, result = read_text(BUDGET.format(total="3600.00"))
    assert any({"3600.00", "600.00", "20.00%"} <= v for v, _ in relation_values(ledger, "change"))
    assert not any("412.50" in v for v, _ in relation_values(ledger, "change"))
    assert checked_by_hand(ledger, result) == []
    assert result.ok


def test_a_holder_whose_change_does_not_hold_is_reported() -> None:
    # 600 on 3400 is 21.43 %, not 20.00 %
    ledger, result = read_text(BUDGET.format(total="3400.00"))
    found = error_values(ledger, result) + checked_by_hand(ledger, result)
    assert any({"3400.00", "20.00%"} <= v for v in found)
    assert not any("412.50" in v for v in found)


def test_parts_not_said_to_be_held_leave_the_last_figure_the_subject() -> None:
    # near miss: no 含: the figure printed last is what the change is taken to be of
    text = (
        "一、部门预算概况\n"
        "某局2014年收支总预算3600.00万元，所属培训中心经费300万元，机关食堂经费500.00万元；"
        "比2013年预算增加100.00万元，增长25.00%。\n"
    )
    ledger, _ = read_text(text)
    assert any({"500.00", "100.00", "25.00%"} <= v for v, _ in relation_values(ledger, "change"))
