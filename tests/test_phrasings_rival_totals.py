"""A list whose chosen total does not add up, with another amount of its sentence before that does.

Own writing, in the shape of 部门决算 pages: ``本年收入200万元，上年结转50万元，其中：财政拨款收入180万元，
其他收入20万元`` (the parts are this year's income's, not the carry-over's).
"""

from __future__ import annotations

import pytest

from phrasing_texts import error_values, read_text, relation_values


@pytest.mark.parametrize(
    "before",
    [
        "本年收入200.00万元，上年结转50.00万元",
        "本年收入200.00万元，年初结转和结余50.00万元",
        "本年支出200.00万元，年末结转和结余50.00万元",
    ],
)
def test_the_amount_the_parts_add_up_to_is_their_total_inferred(before: str) -> None:
    text = f"某局2023年部门决算\n{before}，其中：财政拨款180.00万元，其他20.00万元。\n"
    ledger, result = read_text(text)
    assert ({"200.00", "180.00", "20.00"}, "inferred") in relation_values(ledger, "sum")
    assert result.ok, error_values(ledger, result)


def test_parts_adding_up_to_no_amount_of_the_sentence_are_to_be_checked_by_hand() -> None:
    text = "某局2023年部门决算\n本年收入200.00万元，上年结转50.00万元，其中：财政拨款170.00万元，其他20.00万元。\n"
    ledger, result = read_text(text)
    assert {basis for _, basis in relation_values(ledger, "sum")} == {"inferred"}
    assert result.ok, error_values(ledger, result)


def test_a_list_of_the_one_amount_of_its_sentence_stays_stated() -> None:
    text = "某局2023年部门决算\n本年收入200.00万元，其中：财政拨款170.00万元，其他20.00万元。\n"
    ledger, result = read_text(text)
    assert ({"200.00", "170.00", "20.00"}, "stated") in relation_values(ledger, "sum")
    assert {"200.00", "170.00", "20.00"} in error_values(ledger, result)
