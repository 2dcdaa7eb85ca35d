"""Shares of one whole printed one after another whose names split it one way add up to 100 %.

``2023年支出总预算1185.53万元，基本支出预算89.52万元，占支出总预算的7.55%。项目支出预算1096.01万元，
占支出总预算的92.45%。…其中：教育支出1185.53万元，占支出总预算100%``: the first two shares are a known
partition (基本/项目) of the whole, the third of another classification; before, the three together
were no partition and no relation was built. Every text here is our own writing, in the shape of
部门预算 pages (bench/corpus holds the index of the real pages, never their text).
"""

from __future__ import annotations

import pytest

from phrasing_texts import checked_by_hand, read_text, relation_values

HEAD = "某学校2023年部门预算公开说明\n"

TEXTS = [
    (
        "2023年支出总预算200.00万元，基本支出预算50.00万元，占支出总预算的25.00%，同比增加5.00万元。"
        "项目支出预算150.00万元，占支出总预算的{rate}，同比减少10.00万元。\n"
        "（一）按支出功能分类科目划分，其中：教育支出200.00万元，占支出总预算100%。\n"
    ),
    (
        "2023年支出预算总额200.00万元。基本支出预算50.00万元，占支出预算总额的25.00%，比上年增长10.00%。"
        "项目支出预算150.00万元，占支出预算总额的{rate}，比上年下降6.25%。"
        "一般公共服务支出200.00万元，占支出预算总额的100%。\n"
    ),
    (
        "本年度政府采购预算200.00万元。货物类采购50.00万元，占政府采购预算的25.00%，同比增长5%。"
        "工程类采购100.00万元，占政府采购预算的50.00%，同比下降3%。服务类采购50.00万元，占政府采购预算的{rate}。"
        "面向中小企业预留160.00万元，占政府采购预算的80.00%。\n"
    ),
]


@pytest.mark.parametrize("text", TEXTS)
def test_a_run_of_shares_of_a_known_partition_adds_up_to_100(text: str) -> None:
    ledger, result = read_text(HEAD + text.format(rate="75.00%" if "工程类" not in text else "25.00%"))
    formulas = [values for values, basis in relation_values(ledger, "formula") if basis == "inferred"]
    assert any("25.00%" in values and "100%" not in values and "80.00%" not in values for values in formulas)
    assert not result.findings, [f.message for f in result.findings]


def test_a_misprinted_share_of_the_run_is_to_be_checked_by_hand() -> None:
    ledger, result = read_text(HEAD + TEXTS[0].format(rate="70.00%"))
    # the share itself is stated (an error); the run adding to 100 is inferred (to check by hand)
    assert [f.code for f in result.errors] == ["PC201"]
    assert any({"25.00%", "70.00%"} <= values for values in checked_by_hand(ledger, result))
