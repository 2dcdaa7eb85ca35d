"""A rate named by its definition (资产负债率) is the ratio its name says, of the totals before it.

Every text here is our own writing, reproducing the structure of sentences real reports print.
"""

from __future__ import annotations

from phrasing_texts import error_values, read_text, relation_values

ASSETS = (
    "2017年，中央国有企业资产总额80.0万亿元，负债总额50.0万亿元，国有资本及权益总额20.0万亿元，"
    "资产负债率62.5%；地方国有企业资产总额100.0万亿元，负债总额60.0万亿元，资产负债率60%。"
)


def test_a_debt_ratio_is_the_liabilities_over_the_assets_of_its_clause() -> None:
    ledger, result = read_text(ASSETS)
    ratios = relation_values(ledger, "ratio")
    assert ({"50.0", "80.0", "62.5%"}, "stated") in ratios
    assert ({"60.0", "100.0", "60%"}, "stated") in ratios
    assert not any("20.0" in values for values, _ in ratios)
    assert result.ok, error_values(ledger, result)


def test_a_debt_ratio_that_does_not_fit_is_an_error() -> None:
    ledger, result = read_text(ASSETS.replace("资产负债率60%", "资产负债率62%"))
    assert error_values(ledger, result) == [{"60.0", "100.0", "62%"}]


def test_a_clause_printing_no_liabilities_gives_no_ratio() -> None:
    ledger, _ = read_text("2017年，某企业资产总额80.0万亿元，资产负债率62.5%。")
    assert relation_values(ledger, "ratio") == []


NET = "2017年，全国行政事业单位资产总额30.0万亿元，负债总额9.5万亿元，净资产20.5万亿元。"


def test_the_assets_are_the_liabilities_and_the_net_assets_of_their_clause() -> None:
    ledger, result = read_text(NET)
    assert ({"30.0", "9.5", "20.5"}, "stated") in relation_values(ledger, "sum")
    assert result.ok, error_values(ledger, result)


def test_net_assets_that_do_not_fit_are_an_error() -> None:
    ledger, result = read_text(NET.replace("净资产20.5", "净资产21.5"))
    assert error_values(ledger, result) == [{"30.0", "9.5", "21.5"}]
