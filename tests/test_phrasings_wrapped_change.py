"""A PDF's line wrapped right after a change's word: the amount and the rate are on the next line.

``…支出决算总额为5.48万元，比预算增加0万元，比去年增加`` / ``1.55万元，增长39.4%，…``: each line is a
sentence of its own, so the change found no amount. Every text here is our own writing, in the
shape of 三公经费 pages taken from PDFs (bench/corpus holds the index of the real pages, never their
text).
"""

from __future__ import annotations

import pytest

from phrasing_texts import error_values, read_text, relation_values

HEAD = "某局2020年度“三公”经费决算说明\n"


@pytest.mark.parametrize(
    ("first", "second", "values"),
    [
        (
            "2020年度“三公”经费支出决算总额为5.50万元，比预算增加0万元，比去年增加",
            "1.50万元，增长37.5%，增加原因主要是公务用车运行支出增加。",
            {"5.50", "1.50", "37.5%"},
        ),
        (
            "2020年度一般公共预算财政拨款“三公”经费支出决算为8.00万元，较上年减少",
            "2.00万元，下降20%，主要是厉行节约。",
            {"8.00", "2.00", "20%"},
        ),
        (
            "本年度机关运行经费支出合计为45.00万元，与上年相比下降了",
            "5.00万元，下降10%，主要原因是压减公用经费。",
            {"45.00", "5.00", "10%"},
        ),
    ],
)
def test_the_change_reads_on_into_the_next_line(first: str, second: str, values: set[str]) -> None:
    ledger, result = read_text(HEAD + first + "\n" + second + "\n")
    assert (values, "stated") in relation_values(ledger, "change")
    assert not result.findings, [f.message for f in result.findings]


def test_a_misprinted_rate_on_the_next_line_is_an_error() -> None:
    text = (
        HEAD
        + "2020年度“三公”经费支出决算总额为5.50万元，比预算增加0万元，比去年增加\n1.50万元，增长40%，主要是运行支出增加。\n"
    )
    ledger, result = read_text(text)
    assert {"5.50", "1.50", "40%"} in error_values(ledger, result)


def test_a_short_line_is_no_wrapped_sentence() -> None:
    # a heading-length line ending in 增加 is no sentence run on: its figures are its own
    ledger, _ = read_text(HEAD + "支出比去年增加\n1.50万元用于设备购置。\n")
    assert not relation_values(ledger, "change")
