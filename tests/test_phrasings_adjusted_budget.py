"""A budget adjusted mid-year: the list under the budget as first passed takes no adjusted figure.

Own writing, in the shape of 预算调整方案 pages: ``A由年初预算X万元调整为Y万元``.
"""

from __future__ import annotations

from phrasing_texts import error_values, read_text, relation_values

ADJUSTED = (
    "一、政府性基金预算收入由年初预算8600.00万元调整为9100.50万元，调增500.50万元。"
    "其中：国有土地使用权出让收入年初预算8000.00万元不变；城市基础设施配套费收入由年初预算"
    "600.00万元调整为1100.50万元，主要是：（1）新开工项目增加，调增420.00万元；（2）补缴往年欠费，"
    "调增80.50万元。\n"
)


def test_the_list_under_a_first_passed_budget_sums_its_first_passed_parts_only() -> None:
    ledger, result = read_text(ADJUSTED)
    assert ({"8600.00", "8000.00", "600.00"}, "stated") in relation_values(ledger, "sum")
    assert result.ok, error_values(ledger, result)


def test_an_adjusted_figure_is_read_as_the_adjusted_budget() -> None:
    ledger, _ = read_text(ADJUSTED)
    roles = {f.value: f.role for f in ledger.figures}
    assert roles["9100.50"] == "adjusted_budget"
    assert roles["1100.50"] == "adjusted_budget"
    assert roles["600.00"] == "budget"


def test_a_first_passed_part_misprinted_is_still_an_error() -> None:
    ledger, result = read_text(ADJUSTED.replace("600.00万元调整为1100.50", "650.00万元调整为1100.50"))
    assert {"8600.00", "8000.00", "650.00"} in error_values(ledger, result)


# --- a budget adjusted from one printed amount to another by a printed amount: a stated change ----

#: Own writing: the old value, the new one and by how much, in either order and several wordings.
ADJUSTMENTS = (
    "某镇2023年预算调整方案\n"
    "（一）一般公共预算总收入由年初预算5000.00万元调整为5320.50万元，调增320.50万元。\n"
    "（二）上级补助收入拟将年初预算1200万元调整为1100万元，调减100万元。\n"
    "（三）债务转贷收入：年初预算为800万元，增加450万元，调整为1250万元。\n"
    "（四）调入资金：年初预算为60万元，减少60万元，调整为0万元。\n"
    "（五）一般公共预算支出由年初预算4.10亿元调整为4.25亿元，新增1500万元。\n"
)


def test_each_adjustment_is_a_stated_change_from_the_old_value_to_the_new() -> None:
    ledger, result = read_text(ADJUSTMENTS)
    changes = relation_values(ledger, "change")
    for values in (
        {"5000.00", "5320.50", "320.50"},
        {"1200", "1100", "100"},
        {"800", "450", "1250"},
        {"60", "0"},
        {"4.10", "4.25", "1500"},
    ):
        assert (values, "stated") in changes, changes
    assert result.ok, error_values(ledger, result)


def test_the_adjusted_values_are_named_by_what_was_adjusted() -> None:
    ledger, _ = read_text(ADJUSTMENTS)
    labels = {f.value: f.label for f in ledger.figures}
    assert labels["5320.50"] == "一般公共预算总收入调整预算"
    assert labels["5000.00"] == "一般公共预算总收入年初预算"
    assert labels["1250"] == "债务转贷收入调整预算"
    roles = {f.value: f.role for f in ledger.figures}
    assert roles["1250"] == "adjusted_budget"
    assert roles["800"] == "budget"


def test_a_wrong_amount_of_adjustment_is_an_error_in_either_order() -> None:
    for old, new in (("调增320.50万元", "调增302.50万元"), ("增加450万元", "增加540万元")):
        ledger, result = read_text(ADJUSTMENTS.replace(old, new))
        wrong = new[2:-2]
        assert any(wrong in values for values in error_values(ledger, result)), new


def test_a_direction_word_against_the_values_is_an_error() -> None:
    ledger, result = read_text(ADJUSTMENTS.replace("调减100万元", "调增100万元"))
    assert {"1200", "1100", "100"} in error_values(ledger, result)


def test_an_amount_of_a_reason_after_the_new_value_is_not_its_adjustment() -> None:
    text = (
        "城市基础设施配套费收入由年初预算600.00万元调整为1100.50万元，主要是：新开工项目增加，"
        "调增420.00万元。\n其他收入由年初预算50万元调整为80万元，其中：租金调增20万元。\n"
    )
    ledger, result = read_text(text)
    assert relation_values(ledger, "change") == []
    assert result.ok, error_values(ledger, result)


def test_old_and_new_values_in_two_units_are_no_adjustment() -> None:
    ledger, _ = read_text("一般公共预算总收入由年初预算277585万元调整为304992元，新增27407万元。\n")
    assert relation_values(ledger, "change") == []


def test_a_part_printed_before_the_new_value_is_not_what_was_adjusted() -> None:
    text = "一般公共预算收入年初预算12000万元，其中税收收入9000万元，调整为12500万元，调增500万元。\n"
    ledger, result = read_text(text)
    assert not any("9000" in values for values, _ in relation_values(ledger, "change"))
    assert result.ok, error_values(ledger, result)
