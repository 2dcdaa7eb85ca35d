"""Amounts named by a reduction word (压减, 压缩, 缩减, 削减) are changes: no parts of a level's total.

Own writing, in the shape of 部门决算 and 三公 pages: ``收、支总计均为X万元。…项目资金压减，其中A压减Y万元``.
"""

from __future__ import annotations

import pytest

from phrasing_texts import read_text, relation_values


@pytest.mark.parametrize("word", ["压减", "压缩", "缩减", "削减"])
def test_a_list_of_reductions_is_no_breakdown_of_the_total_before(word: str) -> None:
    text = (
        "某协会2024年部门决算\n2024年度收、支总计均为300.00万元。收、支与2023年度相比，减少20.00万元，"
        f"下降6.25%，主要原因是公用经费减少；项目资金{word}，其中培训项目{word}7.00万元，帮扶项目{word}9.00万元。\n"
    )
    ledger, result = read_text(text)
    assert not [values for values, _ in relation_values(ledger, "sum") if "300.00" in values]
    assert not result.errors


@pytest.mark.parametrize("word", ["压缩", "压减"])
def test_a_reduction_named_alone_is_no_part_of_a_budget(word: str) -> None:
    text = (
        f"某委2014年部门预算\n“三公”经费预算数为2841.78万元，比去年预算数减少52万元，{word}1.8%。"
        f"其中因公出国(境)费和公务用车费预算与去年持平，{word}的52万元出自公务接待费预算。\n"
    )
    ledger, result = read_text(text)
    assert not [values for values, _ in relation_values(ledger, "sum") if "2841.78" in values]
    assert not result.errors
