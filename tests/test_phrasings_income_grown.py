"""Income said to grow or shrink by an amount (增收X、增长Y%, 减收X，下降Y%), with no base said.

Every text here is our own writing, reproducing the structure of sentences real reports print.
"""

from __future__ import annotations

from phrasing_texts import error_values, read_text, relation_values

QUARTER = (
    "一季度，全市一般公共预算总收入300.00亿元，增收30.00亿元、增长11.1%，完成年度预算的31.7%；"
    "地方一般公共预算收入200.00亿元，减收20.00亿元、下降9.1%。"
)


def test_income_grown_by_an_amount_and_a_rate_is_one_inferred_change_of_the_figure_before() -> None:
    ledger, result = read_text(QUARTER)
    changes = relation_values(ledger, "change")
    assert ({"300.00", "30.00", "11.1%"}, "inferred") in changes
    assert ({"200.00", "20.00", "9.1%"}, "inferred") in changes
    directions = {r.direction for r in ledger.relations if r.kind == "change"}
    assert directions == {"increase", "decrease"}
    assert result.ok, error_values(ledger, result)
    assert not result.findings


def test_a_rate_that_does_not_fit_the_amount_is_to_be_checked_by_hand() -> None:
    _, result = read_text(QUARTER.replace("增长11.1%", "增长15.1%"))
    assert result.ok
    assert [f.code for f in result.findings] == ["PC903"]
