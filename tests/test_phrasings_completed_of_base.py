"""A rate of execution printed with its budget inside: ``决算为17.06万元，完成预算27万元的63.2%``.

Read as ``为全年预算X的Y%`` and ``占年初预算X的Y%`` are: a ratio of the figure to the budget printed in
the rate's words, stated; after a list's total and each of its parts, the budgets add up as the
list does (inferred, once). Every text here is our own writing, in the shape of 三公经费 pages
(bench/corpus holds the index of the real pages, never their text).
"""

from __future__ import annotations

import pytest

from phrasing_texts import error_values, read_text, relation_values

HEAD = "某局2019年度“三公”经费决算说明\n"


@pytest.mark.parametrize(
    "words",
    ["完成预算{b}万元的{r}", "完成年初预算{b}万元的{r}", "完成全年预算{b}万元的{r}", "为预算{b}万元的{r}"],
)
def test_the_rate_is_of_the_budget_printed_in_its_words(words: str) -> None:
    text = HEAD + f"2019年度“三公”经费财政拨款支出决算为16.00万元，{words.format(b='20', r='80.0%')}。\n"
    ledger, result = read_text(text)
    assert ({"16.00", "20", "80.0%"}, "stated") in relation_values(ledger, "ratio")
    assert not result.findings
    ledger, result = read_text(text.replace("80.0%", "85.0%"))
    assert {"16.00", "20", "85.0%"} in error_values(ledger, result)


def test_the_budgets_of_a_list_add_up_once() -> None:
    text = (
        HEAD + "2019年度“三公”经费财政拨款支出决算为16.00万元，完成预算20万元的80.0%。"
        "其中：因公出国（境）费支出决算为6.00万元，完成预算8万元的75.0%；"
        "公务用车购置及运行费支出决算为8.00万元，完成预算10万元的80.0%；"
        "公务接待费支出决算为2.00万元，完成预算2万元的100.0%。\n"
    )
    ledger, result = read_text(text)
    budgets = [values for values, _ in relation_values(ledger, "sum") if "20" in values]
    assert budgets == [{"20", "8", "10", "2"}]
    ratios = [values for values, _ in relation_values(ledger, "ratio")]
    assert {"6.00", "8", "75.0%"} in ratios
    assert not result.findings, [f.message for f in result.findings]
