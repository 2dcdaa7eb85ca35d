"""A list opened by words saying it names only some parts (主要包括, 重点包括) is partial.

Own writing, in the shape of 部门预算 pages: ``收入预算总额X万元，主要包括：A Y万元，B Z万元。``.
The words may stand before the opener (主要 before 包括：) as well as after 其中.
"""

from __future__ import annotations

import pytest

from phrasing_texts import error_values, read_text, relation_values

TEXT = "某局2023年部门预算\n收入预算总额500万元，{words}财政拨款收入300万元，事业收入150万元。\n"


@pytest.mark.parametrize(
    "words", ["主要包括：", "重点包括：", "其中重点是：", "其中较大的有：", "其中主要有：", "部分包括："]
)
def test_a_list_said_to_be_partial_is_no_error_when_short(words: str) -> None:
    ledger, result = read_text(TEXT.format(words=words))
    assert ({"500", "300", "150"}, "stated") in relation_values(ledger, "sum")
    assert [r.exhaustive for r in ledger.relations if r.kind == "sum"] == [False]
    assert result.ok, error_values(ledger, result)


@pytest.mark.parametrize("words", ["包括：", "具体包括：", "具体为："])
def test_a_list_not_said_to_be_partial_still_breaks(words: str) -> None:
    ledger, result = read_text(TEXT.format(words=words).replace("事业收入150", "事业收入190"))
    assert {"500", "300", "190"} in error_values(ledger, result)


def test_a_partial_list_whose_parts_exceed_the_total_is_an_error() -> None:
    ledger, result = read_text(TEXT.format(words="主要包括：").replace("事业收入150", "事业收入250"))
    assert {"500", "300", "250"} in error_values(ledger, result)
