"""A second change of a figure, against another base, after the first change's reasons.

Own writing, in the shape of a court's 部门决算: ``财政拨款收入X万元，较上年决算数增加A万元，增长R%。主要原因是…。
较年初预算数减少B万元，下降S%。`` — the reasons sentence between names no figure; the change after it
is still the figure's, against its own (unprinted) budget: inferred.
"""

from __future__ import annotations

from phrasing_texts import checked_by_hand, error_values, read_text, relation_values

REPORT = (
    "（二）财政拨款收入支出决算总体情况说明\n"
    "本部门2019年度财政拨款收入5000.00万元，较上年决算数增加500.00万元，增长11.11%。"
    "主要原因是增人增资。较年初预算数减少{gap}万元，下降{rate}。主要原因是部分项目未实施。\n"
)


def test_the_change_after_the_reasons_is_the_figures() -> None:
    # 1000 less than 5000 + 1000: 16.67 %
    ledger, result = read_text(REPORT.format(gap="1000.00", rate="16.67%"))
    found = relation_values(ledger, "change")
    assert ({"5000.00", "1000.00", "16.67%"}, "inferred") in found
    assert result.ok
    assert checked_by_hand(ledger, result) == []


def test_a_rate_cut_off_rather_than_rounded_is_to_be_checked_by_hand() -> None:
    # 1000 / 6000 is 16.667 %: printed 16.66 % is cut off, not rounded
    ledger, result = read_text(REPORT.format(gap="1000.00", rate="16.66%"))
    assert error_values(ledger, result) == []
    assert {"5000.00", "1000.00", "16.66%"} in checked_by_hand(ledger, result)


def test_a_sentence_between_that_names_a_figure_ends_the_run() -> None:
    # near miss: the sentence between is no reason, it prints a figure of its own
    text = (
        "本部门2019年度财政拨款收入5000.00万元，较上年决算数增加500.00万元，增长11.11%。"
        "其他收入20.00万元。较年初预算数减少1000.00万元，下降16.67%。\n"
    )
    ledger, _ = read_text(text)
    assert not any({"5000.00", "1000.00"} <= v for v, _ in relation_values(ledger, "change"))
