"""A comparison printing its base inside: ``与2018年…总额27389.54万元相比，减少6017.52万元，下降21.97%``.

The figure between the year and 相比 is what changed, of that year: the change's prior. Every text
here is our own writing, in the shape of 三公经费 and budget pages (bench/corpus holds the index of
the real pages, never their text).
"""

from __future__ import annotations

import pytest

from phrasing_texts import error_values, read_text, relation_values

HEAD = "某区2019年“三公”经费说明\n"


@pytest.mark.parametrize(
    "text",
    [
        "2019年本级“三公”经费总额为80.00万元，与2018年“三公”经费总额100.00万元相比，减少20.00万元，下降20.00%。",
        "2019年一般公共预算收入为120.00亿元，与2018年全年收入100.00亿元相比，增加20.00亿元，增长20.00%。",
        "2019年会议费支出8.00万元，与2018年度会议费10.00万元相比，减少2.00万元，下降20.00%。",
    ],
)
def test_the_figure_inside_the_comparison_is_the_prior(text: str) -> None:
    ledger, result = read_text(HEAD + text + "\n")
    changes = [values for values, _ in relation_values(ledger, "change")]
    current = "80.00" if "80.00" in text else "120.00" if "120.00" in text else "8.00"
    prior = "100.00" if current != "8.00" else "10.00"
    assert any({current, prior} <= values for values in changes), changes
    assert not result.findings, [f.message for f in result.findings]
    prior_fig = next(f for f in ledger.figures if f.value == prior)
    assert prior_fig.period == "2018"


def test_a_misprinted_amount_against_the_printed_base_is_an_error() -> None:
    text = (
        HEAD + "2019年本级“三公”经费总额为80.00万元，与2018年“三公”经费总额100.00万元相比，减少25.00万元。\n"
    )
    ledger, result = read_text(text)
    assert {"80.00", "100.00", "25.00"} in error_values(ledger, result)


def test_a_year_alone_before_xiangbi_is_read_as_before() -> None:
    text = HEAD + "2019年会议费支出8.00万元，与2018年相比，减少2.00万元，下降20.00%。\n"
    ledger, result = read_text(text)
    assert any({"8.00", "2.00"} <= values for values, _ in relation_values(ledger, "change"))
    assert not result.errors
