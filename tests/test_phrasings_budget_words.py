"""A share of ``预算`` inside a list whose total is an actual: the budget is printed nowhere.

Own writing, in the shape of quarterly budget-execution reports: ``一般公共预算收入完成34069万元…
其中税收收入完成27988万元，占预算20.6%``. The total holds the word 预算 only as part of the name of
a kind of budget (一般公共预算); the share's words name the budget itself, which is not printed.
The rate is a ratio with no base, not a share of the list's total; a total named as a budget
(…预算数) or words naming the total are still its whole.
"""

from __future__ import annotations

import pytest

from phrasing_texts import error_values, read_text, relation_values

TEXT = (
    "（一）财政收入稳步增长。1-6月份，一般公共预算收入完成41230万元，同比增长8.2%。"
    "其中税收收入完成30560万元，{share}，增势平稳。"
)


@pytest.mark.parametrize("share", ["占预算45.3%", "占年初预算的45.3%", "占全年预算45.3%"])
def test_a_share_of_the_budget_is_no_share_of_the_list_total(share: str) -> None:
    ledger, result = read_text(TEXT.format(share=share))
    assert result.ok, error_values(ledger, result)
    assert not any("41230" in values for values, _ in relation_values(ledger, "share"))
    # the rate is read as a ratio whose base (the budget) is printed nowhere
    assert any(values == {"30560", "45.3%"} for values, _ in relation_values(ledger, "ratio"))


def test_near_miss_words_that_name_the_total_keep_its_break() -> None:
    ledger, result = read_text(TEXT.format(share="占一般公共预算收入的80.1%"))
    assert {"30560", "41230", "80.1%"} in error_values(ledger, result)


def test_near_miss_a_total_named_as_a_budget_is_the_whole_of_the_budget_words() -> None:
    text = "（一）收入预算。一般公共预算收入预算数41230万元，其中：税收收入预算30560万元，占预算的80.1%。"
    ledger, result = read_text(text)
    assert {"30560", "41230", "80.1%"} in error_values(ledger, result)
