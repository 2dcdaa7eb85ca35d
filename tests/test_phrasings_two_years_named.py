"""A change naming figures printed for both years: this year's against the year compared with.

``2023年度收入总计453.13万元，支出总计453.13万元，2022年度收入总计400.22万元，支出总计400.22万元，
与2022年度相比，收入、支出总计各增加52.91万元，增长13.22%``: before, the change was bound to the
figure printed last (2022's 支出总计), a false "check by hand". Every text here is our own writing,
in the shape of 部门决算 pages (bench/corpus holds the index of the real pages, never their text).
"""

from __future__ import annotations

import pytest

import perfcheck
from phrasing_texts import error_values, read_text, relation_values

HEAD = "某幼儿园2023年度部门决算说明\n"

TEXTS = [
    # one sentence, both sides, 各
    (
        "2023年度收入总计450.00万元，支出总计450.00万元，2022年度收入总计400.00万元，支出总计400.00万元，"
        "与2022年度相比，收入、支出总计各增加50.00万元，增长12.50%。"
    ),
    # the years in sentences of their own, one name
    "2023年度收入总计450.00万元。2022年度收入总计400.00万元。与2022年度相比，收入总计增加50.00万元，增长12.50%。",
    # against 上年, the year before the report's
    "2023年度收入总计450.00万元，2022年度收入总计400.00万元，比上年收入总计增加50.00万元，增长12.50%。",
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_change_is_of_this_years_figure_against_the_other_years(text: str) -> None:
    ledger, result = read_text(HEAD + text + "\n")
    changes = relation_values(ledger, "change")
    assert ({"450.00", "400.00", "50.00"}, "stated") in changes
    assert ({"450.00", "400.00", "12.50%"}, "stated") in changes
    assert not result.findings, [f.message for f in result.findings]


@pytest.mark.parametrize("text", TEXTS)
def test_a_misprinted_amount_is_an_error(text: str) -> None:
    ledger, result = read_text(HEAD + text.replace("增加50.00万元", "增加55.00万元") + "\n")
    assert {"450.00", "400.00", "55.00"} in error_values(ledger, result)


def test_a_name_printed_twice_in_one_year_binds_nothing_so() -> None:
    text = (
        HEAD + "2023年度收入总计450.00万元，收入总计451.00万元，2022年度收入总计400.00万元，"
        "与2022年度相比，收入总计增加50.00万元。\n"
    )
    ledger, _ = read_text(text)
    values = {f.id: f.value for f in ledger.figures}
    pairs = [
        (values[r.current], values[r.prior])
        for r in ledger.relations
        if isinstance(r, perfcheck.ChangeRelation) and r.prior is not None
    ]
    assert ("450.00", "400.00") not in pairs


@pytest.mark.parametrize(
    "totals",
    ["收、支总计均为400.00万元", "收支总计均为400.00万元", "收、支总计各为400.00万元"],
)
def test_one_figure_printed_for_both_totals_is_what_changed(totals: str) -> None:
    # 收、支与2023年度相比: the one figure printed for both totals changed so (inferred)
    text = (
        HEAD + f"2024年度{totals}。收、支与2023年度相比，减少20.00万元，下降4.76%，主要原因是压减公用经费。\n"
    )
    ledger, result = read_text(text)
    assert ({"400.00", "20.00", "4.76%"}, "inferred") in relation_values(ledger, "change")
    assert not result.findings, [f.message for f in result.findings]
