"""A value's move from last year's to this year's, said with 从…到今年的: ``从去年的X猛减到今年的Y，降幅达R%``.

Own writing, in the shape of a news item on universities' budgets: what was 由…增加到 is here
从去年的…猛减到今年的…, the year printed after 到; the rate after it is the change's, judged on
the two printed values.
"""

from __future__ import annotations

from phrasing_texts import error_values, read_text, relation_values

NEWS = "某大学预算总经费从去年的200.00亿元猛减到今年的150.00亿元，降幅达{rate}，排名下降。\n"


def test_the_move_is_a_change_from_the_first_to_the_second() -> None:
    ledger, result = read_text(NEWS.format(rate="25.0%"))
    assert any(v == {"150.00", "200.00", "25.0%"} for v, _ in relation_values(ledger, "change"))
    assert result.ok


def test_a_rate_the_move_does_not_give_is_reported() -> None:
    ledger, result = read_text(NEWS.format(rate="35.0%"))
    assert {"150.00", "200.00", "35.0%"} in error_values(ledger, result)


def test_two_values_with_no_move_between_are_no_change() -> None:
    # near miss: 从 opens no move here, the second figure is no new value
    text = "某大学预算总经费为200.00亿元，从去年起另有专项经费150.00亿元，占比25.0%。\n"
    ledger, _ = read_text(text)
    assert not any({"150.00", "200.00"} <= v for v, _ in relation_values(ledger, "change"))
