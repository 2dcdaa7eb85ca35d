"""A share's whole found by a bare name of two characters (总额, 合计) that only ends its words is a guess.

Own writing, in the shape of a news report of budgets: ``预算总额900亿元 … 占整个“三公”总额的18%``.
"""

from __future__ import annotations

import pytest

from phrasing_texts import read_text, relation_values


@pytest.mark.parametrize(
    "share",
    ["占整个“三公”总额的18%", "占“三公”经费总额的18%", "占三公经费合计的18%"],
)
def test_a_whole_named_only_by_a_generic_tail_is_to_be_checked_by_hand(share: str) -> None:
    text = (
        "某市2013年部门预算公开\n全市88个部门公开预算，总额900亿元，其中“三公”经费预算7.98亿元。"
        f"出国经费安排了1.4亿元，{share}。\n"
    )
    ledger, result = read_text(text)
    shares = relation_values(ledger, "share")
    assert all(basis == "inferred" for values, basis in shares if "900" in values)
    assert not result.errors


def test_a_whole_named_by_all_the_words_stays_stated() -> None:
    text = "某市2013年部门预算\n全市“三公”经费总额8.00亿元。出国经费1.40亿元，占“三公”经费总额的20%。\n"
    ledger, result = read_text(text)
    assert ({"1.40", "8.00", "20%"}, "stated") in relation_values(ledger, "share")
    assert len(result.errors) == 1  # 1.40 / 8.00 is 17.5 %
