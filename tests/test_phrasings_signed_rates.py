"""Rates printed with their sign, and changes that share one comparison said before them.

Own writing, in the shape of 部门决算 pages: ``与2017年决算数相比，收入减少X万元，增长-Y%，支出减少…``.
"""

from __future__ import annotations

import pytest

import perfcheck
from perfcheck.extract import extract
from phrasing_texts import checked_by_hand, error_values, read_text, relation_values

#: 收入 fell by 18 from 300 (-6 %), 支出 by 40 from 290 (-13.79 %).
SHARED = (
    "某学校2023年部门决算\n"
    "本单位2023年度收入总计282.00万元，支出总计250.00万元。与2022年决算数相比，收入减少18.00万元，"
    "增长-6.00%，支出减少40.00万元，增长-13.79%，主要原因是学生人数减少。\n"
)


@pytest.mark.parametrize(
    "text",
    [
        "某局2023年部门决算\n收入总计282.00万元，比上年减少18.00万元，增长-6.00%。\n",
        "某局2023年部门决算\n收入总计282.00万元，较2022年减少18.00万元，同比增长-6.00%。\n",
        "某局2023年部门决算\n收入总计282.00万元，与上年相比减少18.00万元，增长-6%。\n",
        "某局2023年部门决算\n收入总计282.00万元，比上年减少18.00万元，增减率-6.00%。\n",
        "某局2023年部门决算\n收入总计282.00万元，比上年减少18.00万元，增幅-6.00%。\n",
        "某局2023年部门决算\n收入总计282.00万元，比上年减少18.00万元（-6.00%）。\n",
        # 下降-3% is a rise of 3 %
        "某局2023年部门决算\n支出总计309.00万元，比上年增加9.00万元，下降-3.00%。\n",
    ],
)
def test_a_right_rate_printed_with_its_sign_is_no_error(text: str) -> None:
    ledger, result = read_text(text)
    assert [r.basis for r in ledger.relations if r.kind == "formula"] == ["stated"]
    assert result.ok, error_values(ledger, result)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # the rate against this year's figure (18 / 282), as the page's own mistake
        ("某局2023年部门决算\n收入总计282.00万元，比上年减少18.00万元，增长-6.38%。\n", "-6.38%"),
        ("某局2023年部门决算\n收入总计282.00万元，较上年减少18.00万元，同比增长-6.38%。\n", "-6.38%"),
        ("某局2023年部门决算\n支出总计309.00万元，比上年增加9.00万元，下降-2.91%。\n", "-2.91%"),
    ],
)
def test_a_wrong_rate_printed_with_its_sign_is_an_error(text: str, wrong: str) -> None:
    ledger, result = read_text(text)
    assert any(wrong in values for values in error_values(ledger, result))


def test_a_signed_rate_against_a_printed_prior_is_its_growth() -> None:
    text = "某局2023年部门决算\n收入总计282.00万元，比上年的300.00万元减少18.00万元，增长-6.00%。\n"
    ledger, result = read_text(text)
    assert ({"282.00", "300.00", "-6.00%"}, "stated") in relation_values(ledger, "formula")
    assert result.ok, error_values(ledger, result)


def test_changes_after_a_shared_comparison_are_each_the_change_of_their_side() -> None:
    ledger, result = read_text(SHARED)
    changes = relation_values(ledger, "change")
    # 收入 and 支出 name the sides' only figures of the sentence before, their totals: stated
    assert ({"282.00", "18.00"}, "stated") in changes
    assert ({"250.00", "40.00"}, "stated") in changes
    assert ({"282.00", "18.00", "-6.00%"}, "stated") in relation_values(ledger, "formula")
    assert result.ok, error_values(ledger, result)


def test_a_wrong_rate_after_a_shared_comparison_is_an_error() -> None:
    ledger, result = read_text(SHARED.replace("-13.79%", "-16.00%"))  # 40 / 250: this year's
    assert any("-16.00%" in values and "40.00" in values for values in error_values(ledger, result))


def test_a_side_named_beside_another_figure_of_it_is_to_be_checked_by_hand() -> None:
    # 收入 may be this year's income (本年收入合计) or the total with the carry-over (收入总计)
    text = (
        "某局2023年部门决算\n本年收入合计270.00万元，收入总计282.00万元。与上年相比，收入减少18.00万元，"
        "增长-7.00%。\n"
    )
    ledger, result = read_text(text)
    assert ({"282.00", "18.00"}, "inferred") in relation_values(ledger, "change")
    assert not result.errors
    assert any("-7.00%" in values for values in checked_by_hand(ledger, result))


@pytest.mark.parametrize(
    "text",
    [
        # names printed in full: stated, and a wrong amount's rate is an error
        (
            "某局2023年部门决算\n收入总计282.00万元，支出总计250.00万元。与上年相比，收入总计减少18.00万元，"
            "下降6.00%，支出总计减少40.00万元，下降15.00%。\n"
        ),
        (
            "某局2023年部门决算\n收入总计282.00万元，支出总计250.00万元。与2022年度相比，收入总计减少18.00万元，"
            "下降6.00%；支出总计减少40.00万元，下降15.00%。\n"
        ),
    ],
)
def test_changes_named_in_full_after_a_shared_comparison_are_stated(text: str) -> None:
    ledger, result = read_text(text)
    assert ({"250.00", "40.00", "15.00%"}, "stated") in relation_values(ledger, "change")
    assert {"250.00", "40.00", "15.00%"} in error_values(ledger, result)  # 40 / 290 is 13.79 %


def test_two_changes_of_the_totals_are_no_balancing_totals() -> None:
    text = (
        "某局2023年部门决算\n收入总计282.00万元，支出总计250.00万元。与上年相比，收入总计减少18.00万元，"
        "支出总计减少40.00万元。\n"
    )
    ledger, _ = read_text(text)
    assert {"18.00", "40.00"} not in [values for values, _ in relation_values(ledger, "equal")]


@pytest.mark.parametrize(
    "text",
    [
        # a side's name with no total of it in the sentence before: what changed is not said
        "某局2023年部门决算\n本年收入282.00万元。与上年相比，支出减少40.00万元，增长-13.79%。\n",
        # two totals of the side in the sentence before: which one is not said
        (
            "某局2023年部门决算\n一般公共预算收入总计200.00万元，政府性基金收入总计82.00万元。与上年相比，"
            "收入减少18.00万元，增长-6.00%。\n"
        ),
    ],
)
def test_a_change_whose_subject_is_not_said_is_not_built(text: str) -> None:
    ledger = extract(text).ledger
    assert not [r for r in ledger.relations if r.kind in {"change", "formula"}]


def test_every_relation_names_the_mechanism_that_built_it() -> None:
    extraction = extract(SHARED)
    by = extraction.built_by
    assert set(by) == {r.id for r in extraction.ledger.relations}
    kinds = {r.id: r.kind for r in extraction.ledger.relations}
    assert {by[i] for i, kind in kinds.items() if kind == "formula"} == {"signed_rates.signed_rates"}
    assert {by[i] for i, kind in kinds.items() if kind == "change"} == {
        "shared_base.shared_base_changes/delta_change"
    }
    # the tag stays out of the ledger document
    assert "_by" not in perfcheck.dumps(extraction.ledger)
