"""A value printed bare beside its other year's value takes that value's unit: ``上年2709.16，本年2845.20元``.

Own writing, in the shape of a county's 教育经费 statistics notice, items one a line, each the
per-pupil spending of last year and this year, then the rate; one item lost its unit.
"""

from __future__ import annotations

import pytest

from phrasing_texts import error_values, read_text, relation_values

LINES = (
    "2021年全县各级教育生均一般公共预算教育经费增长情况是：\n"
    "（1）普通小学上年10000.00元，本年10500.00元，比上年增长5.00%。\n"
    "（2）幼儿园{item}，本年比上年增长{rate}%。\n"
)


@pytest.mark.parametrize("item", ["上年2500.00，本年2625.00元", "上年2500.00元，本年2625.00"])
def test_the_bare_value_is_in_its_other_years_unit(item: str) -> None:
    ledger, result = read_text(LINES.format(item=item, rate="5.00"))
    units = {f.value: f.unit for f in ledger.figures}
    assert units["2500.00"] == units["2625.00"] == units["10000.00"]
    assert ({"2625.00", "2500.00", "5.00%"}, "stated") in relation_values(ledger, "change")
    assert result.ok, error_values(ledger, result)


def test_a_rate_that_does_not_fit_the_two_years_is_an_error() -> None:
    # 2625 against 2500 is 5 %, not 61.98 %
    ledger, result = read_text(LINES.format(item="上年2500.00，本年2625.00元", rate="61.98"))
    assert {"2625.00", "2500.00", "61.98%"} in error_values(ledger, result)


@pytest.mark.parametrize(
    "item",
    [
        # not named by its year: which quantity the bare number is, is not said
        "2500.00，本年2625.00元",
        # two years, but another quantity between them
        "上年2500.00，在园幼儿300人，本年2625.00元",
    ],
)
def test_a_bare_number_not_beside_its_other_year_stays_unread(item: str) -> None:
    ledger, result = read_text(LINES.format(item=item, rate="61.98"))
    assert "2500.00" not in {f.value for f in ledger.figures}
    assert result.ok, error_values(ledger, result)
