"""A rate of execution whose budget is printed nowhere: a ratio with no denominator, not checkable.

Every text here is our own writing, in the shape of 预算执行情况 reports (bench/corpus holds the
index of the real pages, never their text).
"""

from __future__ import annotations

import perfcheck
from perfcheck.extract import extract
from phrasing_texts import read_text, relation_values

#: One amount and its rate of execution a line, the budget never printed, in several wordings.
UNPRINTED = (
    "2022年财政收支执行情况\n"
    "全县一般公共预算收入52.6亿元，完成年度预算的101.2%，同比增长4.1%。\n"
    "一般公共预算支出88.3亿元，为调整预算的96.5%。\n"
    "政府性基金收入12.07亿元，完成年初预算的87.3%。\n"
    "业务收入44009万元，完成全年预算收入的66.4%。\n"
    "国有资本经营收入0.35亿元，完成预算112%。\n"
)


def _ratios(ledger: perfcheck.Ledger) -> list[tuple[str, str | None, str]]:
    values = {f.id: f.value for f in ledger.figures}
    return [
        (values[r.numerator], r.denominator, values[r.stated])
        for r in ledger.relations
        if isinstance(r, perfcheck.RatioRelation)
    ]


def test_each_rate_of_an_unprinted_budget_is_a_ratio_of_the_amount_before_it() -> None:
    ledger, result = read_text(UNPRINTED)
    ratios = _ratios(ledger)
    for amount, rate in (
        ("52.6", "101.2%"),
        ("88.3", "96.5%"),
        ("12.07", "87.3%"),
        ("44009", "66.4%"),
        ("0.35", "112%"),
    ):
        assert (amount, None, rate) in ratios, ratios
    assert not result.findings, [f.message for f in result.findings]


def test_explain_says_the_ratio_cannot_be_checked() -> None:
    explained = extract(UNPRINTED).explain()
    assert explained.count("[not checkable: its base (a budget, a target) is printed nowhere]") == 5


def test_a_budget_printed_in_the_section_is_never_left_out_for_an_unprinted_one() -> None:
    text = "一般公共预算收入年初预算50.0亿元。一般公共预算收入52.6亿元，完成年度预算的105.2%。\n"
    ledger, _ = read_text(text)
    assert all(denominator is not None for _, denominator, _ in _ratios(ledger))


def test_a_rate_after_another_figure_is_not_read_as_the_amounts() -> None:
    for text in (
        "一般公共预算收入52.6亿元，同比增长4.1%，完成年度预算的101.2%。\n",
        "一般公共预算收入52.6亿元，其中税收收入40.1亿元，完成年度预算的101.2%。\n",
    ):
        ledger, _ = read_text(text)
        assert ("52.6", None, "101.2%") not in _ratios(ledger), text
    ledger, _ = read_text("一般公共预算收入52.6亿元（不含转移支付），完成年度预算的101.2%。\n")
    assert relation_values(ledger, "ratio") == []


def test_a_kind_of_budget_printed_before_is_no_base_of_a_rate() -> None:
    # 一般公共预算支出 is spending of the general budget, no budget of 业务收入: no PC202 on it
    for line in (
        "一般公共预算支出88.3亿元。\n",
        "政府性基金预算收入12.0亿元，国有资本经营预算支出0.2亿元。\n",
    ):
        ledger, result = read_text(line + "业务收入44009万元，完成全年预算收入的66.4%。\n")
        assert ("44009", None, "66.4%") in _ratios(ledger), line
        assert result.ok, [f.message for f in result.errors]
