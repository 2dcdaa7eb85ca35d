"""A ``用于`` list naming a spender of its own in its clause is no sure breakdown of the figure before.

Own writing, in the shape of a city's 决算 news report: ``社会保障和就业支出12.04亿元，…；…，市级财政用于
支持A 3.85亿元``.
"""

from __future__ import annotations

import pytest

from phrasing_texts import read_text, relation_values


@pytest.mark.parametrize("spender", ["市级财政用于", "省财政主要用于", "各县区统筹用于"])
def test_a_list_of_another_spender_is_inferred(spender: str) -> None:
    text = (
        "某市2013年决算\n社会保障和就业支出12.04亿元，统筹推进社会保障体系建设；发挥财税引导作用，"
        f"{spender}支持产业升级20.50亿元。\n"
    )
    ledger, result = read_text(text)
    sums = relation_values(ledger, "sum")
    assert all(basis == "inferred" for values, basis in sums if "12.04" in values)
    assert not result.errors


@pytest.mark.parametrize("opener", ["资金主要用于", "主要用于", "该资金用于"])
def test_a_list_of_the_money_before_stays_stated(opener: str) -> None:
    text = f"某局2023年项目支出\n项目支出决算120.00万元，{opener}设备购置80.00万元、人员培训50.00万元。\n"
    ledger, result = read_text(text)
    assert ({"120.00", "80.00", "50.00"}, "stated") in relation_values(ledger, "sum")
    assert result.errors  # 80 + 50 is more than 120
