"""A change naming nothing after several amounts of one clause run: which one changed is a guess.

Own writing, in the shape of 部门决算 pages: ``支出合计110万元，其中基本支出60万元，项目支出50万元，比上年增加
10万元，增长10%`` (the total's change, not the last item's).
"""

from __future__ import annotations

import pytest

from phrasing_texts import error_values, read_text, relation_values


@pytest.mark.parametrize(
    "before",
    [
        "支出合计110.00万元，其中基本支出60.00万元，项目支出50.00万元",
        "支出合计110.00万元，包括基本支出60.00万元和项目支出50.00万元",
        "本年支出110.00万元，上年结转20.00万元",
        "支出合计110.00万元，年末结转和结余5.00万元",
    ],
)
def test_a_change_after_several_amounts_is_to_be_checked_by_hand(before: str) -> None:
    ledger, result = read_text(f"某局2023年部门决算\n{before}，比上年增加10.00万元，增长10%。\n")
    assert {basis for _, basis in relation_values(ledger, "change")} == {"inferred"}
    assert result.ok, error_values(ledger, result)


@pytest.mark.parametrize(
    "text",
    [
        "支出合计110.00万元，比上年增加10.00万元，增长20%",
        # the second change's amounts since the first: 支出 alone
        "收入100.00万元，比上年增加10.00万元，增长11.1%，支出90.00万元，比上年减少5.00万元，下降10%",
        # the change names its figure
        "支出合计110.00万元，其中基本支出60.00万元，与上年相比，支出合计增加10.00万元，增长20%",
    ],
)
def test_a_change_of_one_amount_stays_stated(text: str) -> None:
    ledger, result = read_text(f"某局2023年部门决算\n{text}。\n")
    assert "stated" in {basis for _, basis in relation_values(ledger, "change")}
    assert [e for e in error_values(ledger, result) if "20%" in e or "10%" in e]
