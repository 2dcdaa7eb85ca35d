"""An audit's amounts (送审, 审定, 审减) printed in one run define each other; a saving's do not.

Own writing, in the shape of 财政投资评审 notes: ``送审金额A万元，审定金额B万元，审减金额C万元，审减率R%``.
"""

from __future__ import annotations

import pytest

from phrasing_texts import error_values, read_text, relation_values


@pytest.mark.parametrize(
    "text",
    [
        "2023年共完成评审项目12个，送审金额5000万元，审定金额4400万元，审减金额600万元，审减率12%。\n",
        "2023年评审项目送审金额5000万元，审定金额4400万元，核减金额600万元，核减率12.00%。\n",
        "2023年报审金额5000.00万元，审定金额4400.00万元，审减金额600.00万元，审减率为12.0%。\n",
    ],
)
def test_an_audit_printed_in_one_run_is_stated(text: str) -> None:
    ledger, result = read_text(text)
    assert [basis for _, basis in relation_values(ledger, "sum", "ratio")] == ["stated", "stated"]
    assert result.ok, error_values(ledger, result)


def test_an_audit_misprinted_is_an_error() -> None:
    text = "2023年评审项目送审金额5000万元，审定金额4400万元，审减金额620万元，审减率12.6%。\n"
    ledger, result = read_text(text)
    errors = error_values(ledger, result)
    assert {"5000", "4400", "620"} in errors  # 5000 - 4400 = 600


def test_an_audit_printed_across_sentences_is_inferred() -> None:
    text = "2023年送审金额5000万元，审定金额4400万元。经评审，审减金额620万元，审减率12.4%。\n"
    ledger, result = read_text(text)
    assert {basis for _, basis in relation_values(ledger, "sum", "ratio")} == {"inferred"}
    assert not result.errors


def test_a_saving_stays_inferred_in_one_run() -> None:
    # the saving's rate may be of the budget or of the actual: a page says which, or not
    text = "2023年采购预算金额5000万元，实际采购金额4400万元，节约资金620万元，节约率12.4%。\n"
    ledger, result = read_text(text)
    assert {basis for _, basis in relation_values(ledger, "sum", "ratio")} == {"inferred"}
    assert not result.errors
