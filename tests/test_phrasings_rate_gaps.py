"""A completion rate and a change against the same budget, the budget printed nowhere.

Own writing, in the shape of a city's 三公 决算 news item: ``A，完成年初预算R%，比年初预算减少G``.
The budget is A + G (A − G when the amount is over it), and R is A over it.
"""

from __future__ import annotations

import pytest

from phrasing_texts import checked_by_hand, error_values, read_text, relation_values

HEAD = "某市2016年市本级“三公”经费决算情况\n"


def formulas(text: str) -> list[tuple[set[str], str]]:
    ledger, _ = read_text(HEAD + text)
    return relation_values(ledger, "formula")


@pytest.mark.parametrize(
    "sentence",
    [
        "2016年市本级“三公”支出合计为900.00万元，完成年初预算90%，比年初预算减少100.00万元。",
        "2016年市本级“三公”支出合计为900.00万元，比年初预算减少100.00万元，完成年初预算的90%。",
        "2016年市本级“三公”支出合计为900.00万元，完成预算的90%，比预算数节约100.00万元。",
    ],
)
def test_the_rate_is_the_amount_over_the_amount_and_its_gap(sentence: str) -> None:
    assert formulas(sentence) == [({"900.00", "100.00", "90%"}, "stated")]
    _, result = read_text(HEAD + sentence)
    assert not result.findings, [f.message for f in result.findings]


def test_an_amount_over_its_budget_takes_the_gap_off() -> None:
    # 1100 / (1100 - 100) = 110 %
    sentence = "公务接待费支出1100.00万元，完成年初预算110%，比年初预算增加100.00万元。"
    assert formulas(sentence) == [({"1100.00", "100.00", "110%"}, "stated")]
    assert read_text(HEAD + sentence)[1].ok


def test_a_rate_that_does_not_fit_its_gap_is_an_error() -> None:
    # 900 / 1000 is 90 %, not 92 %
    ledger, result = read_text(
        HEAD + "“三公”支出合计为900.00万元，完成年初预算92%，比年初预算减少100.00万元。"
    )
    assert {"900.00", "100.00", "92%"} in error_values(ledger, result)


def test_a_plain_budget_beside_a_named_one_is_inferred() -> None:
    text = HEAD + "“三公”支出合计为900.00万元，完成预算92%，比年初预算减少100.00万元。"
    ledger, result = read_text(text)
    assert relation_values(ledger, "formula") == [({"900.00", "100.00", "92%"}, "inferred")]
    assert error_values(ledger, result) == []
    assert {"900.00", "100.00", "92%"} in checked_by_hand(ledger, result)


@pytest.mark.parametrize(
    "sentence",
    [
        # two budgets: the rate is of the adjusted one, the gap of the one first passed
        "“三公”支出合计为900.00万元，完成调整预算95%，比年初预算减少100.00万元。",
        # the change is against last year, no budget
        "“三公”支出合计为900.00万元，完成年初预算95%，比上年减少100.00万元。",
        # something else stands between the amount and the rate
        "“三公”支出合计为900.00万元，其中接待费50.00万元，完成年初预算95%，比年初预算减少100.00万元。",
    ],
)
def test_no_formula_without_one_budget_and_three_figures_in_a_row(sentence: str) -> None:
    ledger, result = read_text(HEAD + sentence)
    assert not [v for v, _ in relation_values(ledger, "formula") if "100.00" in v]
    assert error_values(ledger, result) == []


def test_a_saving_said_by_jieyue_is_an_exact_amount() -> None:
    # 节约100.00万元: 约 ends the word 节约, it is no "about" of the amount (约100万元 is)
    ledger, _ = read_text(HEAD + "支出900.00万元，比预算节约100.00万元，另约50万元待结算。")
    found = {f.value: (f.label, f.qualifier) for f in ledger.figures}
    assert found["100.00"] == ("比预算节约", None)
    assert found["50"][1] == "about"
