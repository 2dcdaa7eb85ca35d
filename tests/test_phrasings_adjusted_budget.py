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
