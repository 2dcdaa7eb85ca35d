"""A sentence that opens with a change against another base and names nothing: the figure before changed.

Own writing, in the shape of an academy's 决算 news item: ``A决算数为X万元，比2014年度预算减少…。较2013年度
决算数减少Y万元，降低R%。`` The second sentence names no subject; on the same line, against another base
than the change before it, it is a change of the same figure. Which figure is the reader's choice
across a full stop, so the change is inferred.
"""

from __future__ import annotations

from phrasing_texts import checked_by_hand, error_values, read_text, relation_values

LINE = (
    "某院2014年度部门决算\n"
    "公务用车购置及运行费2014年决算数为3961.06万元，比2014年度预算减少1547.29万元，降低28.09%。"
    "{opener}减少1836.94万元，降低{rate}%。\n"
)


def changes(text: str) -> list[tuple[set[str], str]]:
    ledger, _ = read_text(text)
    return relation_values(ledger, "change")


def test_the_next_sentence_changes_the_same_figure_against_its_own_base() -> None:
    # 1836.94 / (3961.06 + 1836.94) = 31.68 %
    text = LINE.format(opener="较2013年度决算数", rate="31.68")
    assert ({"3961.06", "1836.94", "31.68%"}, "inferred") in changes(text)
    ledger, result = read_text(text)
    assert result.ok
    assert checked_by_hand(ledger, result) == []


def test_a_rate_that_does_not_fit_is_to_be_checked_by_hand() -> None:
    ledger, result = read_text(LINE.format(opener="较2013年度决算数", rate="35.00"))
    assert error_values(ledger, result) == []
    assert {"3961.06", "1836.94", "35.00%"} in checked_by_hand(ledger, result)


def test_the_same_base_again_is_no_second_change_of_the_figure() -> None:
    # near miss: 比2014年度预算 again names the base of the change before: another statement
    assert not [v for v, _ in changes(LINE.format(opener="比2014年度预算", rate="31.68")) if "1836.94" in v]


def test_a_sentence_on_the_next_line_is_not_read_so() -> None:
    text = LINE.format(opener="\n较2013年度决算数", rate="35.00")
    assert not [v for v, _ in changes(text) if "1836.94" in v]
