"""An amount, its share of a budget, then its change named by direction words alone.

Own writing, in the shape of a district's 总决算 说明: ``支出数为X万元，占调整预算数R%，增支D万元，增长G%``.
No base is said: the amount and the rate of the change are tied to each other (inferred);
the share between is passed over. 增支 and 减支 are spending grown and shrunk.
"""

from __future__ import annotations

from phrasing_texts import checked_by_hand, error_values, read_text, relation_values

ACCOUNT = "2023年度某区本级一般公共预算支出数为{total}万元，占调整预算数104.2%，{word}8800万元，{rate}。\n"


def changes(text: str) -> list[tuple[set[str], str]]:
    ledger, _ = read_text(text)
    return relation_values(ledger, "change")


def test_a_change_after_a_share_is_the_amounts() -> None:
    text = ACCOUNT.format(total="96800", word="增支", rate="增长10.0%")
    assert ({"96800", "8800", "10.0%"}, "inferred") in changes(text)
    ledger, result = read_text(text)
    assert result.ok
    assert checked_by_hand(ledger, result) == []


def test_spending_shrunk_is_a_decrease() -> None:
    # 8800 less than 88000 + 8800: 9.1 %
    text = ACCOUNT.format(total="88000", word="减支", rate="下降9.1%")
    assert ({"88000", "8800", "9.1%"}, "inferred") in changes(text)


def test_a_change_after_a_share_that_does_not_hold_is_to_be_checked_by_hand() -> None:
    ledger, result = read_text(ACCOUNT.format(total="96800", word="增支", rate="增长12.0%"))
    assert error_values(ledger, result) == []
    assert any({"96800", "8800", "12.0%"} <= v for v in checked_by_hand(ledger, result))


def test_an_amount_and_a_rate_of_two_ways_are_no_change() -> None:
    # near miss: 增支 and 下降 say two different things; the share is not a change either
    text = ACCOUNT.format(total="96800", word="增支", rate="下降10.0%")
    assert not any("8800" in v for v, _ in changes(text))
