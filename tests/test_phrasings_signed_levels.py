"""A rate printed with its sign against a printed prior, and last year's value printed inside 与…相比.

Own writing, in the shape of 教育经费执行情况公告 pages: ``为A万元，比上年的B万元增长-R%`` (a fall
said as a negative growth, no amount) and ``与上年的B万元同口径相比增长R%``.
"""

from __future__ import annotations

import pytest

from phrasing_texts import error_values, read_text, relation_values


@pytest.mark.parametrize(
    "text",
    [
        # 5200 against 6000 is -13.33 %: a fall said as a negative growth, each right
        "某县教育经费公告\n2022年，全县教育经费总投入为5200万元，比上年的6000万元增长-13.33%。\n",
        "某县教育经费公告\n2022年，全县教育经费总投入为5200万元，比上年的6000万元增长-13.33 %。\n",
        "某县教育经费公告\n（1）全县普通小学为5200.00元，比上年的6000.00元增加-13.33%。\n",
        "某县教育经费公告\n全县财政经常性收入5200万元，较上年的6000万元增长-13.33%，增幅低于上年。\n",
        # 下降-13.33%: a rise, 6000 against 5200 is 15.38 %, here said the other way round
        "某县教育经费公告\n全县普通高中为6000.00元，比上年的5200.00元下降-15.38%。\n",
    ],
)
def test_a_fall_said_as_a_negative_growth_is_no_impossible_increase(text: str) -> None:
    ledger, result = read_text(text)
    assert [basis for _, basis in relation_values(ledger, "formula")] == ["stated"]
    # the direction word was the rate's: no change is left to call the fall an increase
    assert relation_values(ledger, "change") == []
    assert result.ok, error_values(ledger, result)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        (
            "某县教育经费公告\n2022年，全县教育经费总投入为5200万元，比上年的6000万元增长-15.38%。\n",
            "-15.38%",
        ),
        ("某县教育经费公告\n（1）全县普通小学为5200.00元，比上年的6000.00元增加-11.33%。\n", "-11.33%"),
    ],
)
def test_a_wrong_negative_growth_is_still_an_error(text: str, wrong: str) -> None:
    ledger, result = read_text(text)
    assert any(wrong in values for values in error_values(ledger, result))


@pytest.mark.parametrize(
    "text",
    [
        "某县教育经费公告\n2022年全县一般公共预算教育经费为6900万元，与上年的6000万元同口径相比增长15.00%。\n",
        "某县教育经费公告\n2022年全县一般公共预算教育经费为6900万元，与上年的6000万元相比增长15.00%。\n",
        "某县教育经费公告\n2022年全县一般公共预算教育经费为6900万元，与上年6000万元相比，增长15.00%。\n",
        "某县教育经费公告\n2022年全县一般公共预算教育经费为6900万元，与去年的6000万元同口径相比增15.00%。\n",
    ],
)
def test_last_years_value_printed_inside_a_comparison_is_the_prior(text: str) -> None:
    ledger, result = read_text(text)
    assert ({"6900", "6000", "15.00%"}, "stated") in relation_values(ledger, "change")
    assert result.ok, error_values(ledger, result)


@pytest.mark.parametrize(
    "text",
    [
        # 5200 against 6000 is a fall: a rise of 15 % is wrong
        "某县教育经费公告\n2022年全县一般公共预算教育经费为5200万元，与上年的6000万元同口径相比增15.00%。\n",
        "某县教育经费公告\n2022年全县一般公共预算教育经费为5200万元，与上年6000万元相比，增长15.00%。\n",
    ],
)
def test_a_wrong_rate_against_last_years_value_printed_inside_is_an_error(text: str) -> None:
    ledger, result = read_text(text)
    assert any({"5200", "6000", "15.00%"} <= values for values in error_values(ledger, result))
