"""A year named as a level compared with (恢复到2019年水平) is no year of the figures after it.

Every text here is our own writing, reproducing the structure of sentences real reports print.
"""

from __future__ import annotations

from phrasing_texts import error_values, read_text, relation_values

LEVEL = (
    "某市2021年预算执行情况\n"
    "——全市一般公共预算收入300亿元，增长8%。其中，税收收入200亿元，增长6%，基本恢复到2019年水平；"
    "非税收入100亿元，增长12%。加上中央补助150亿元、调入资金50亿元后，收入总量为500亿元。\n"
)


def test_a_level_compared_with_leaves_the_figures_of_the_reports_year() -> None:
    ledger, result = read_text(LEVEL)
    assert all(f.period in (None, "2021") for f in ledger.figures), [
        (f.label, f.period) for f in ledger.figures
    ]
    sums = relation_values(ledger, "sum")
    assert any(values == {"500", "300", "150", "50"} for values, _ in sums), sums
    assert ({"300", "200", "100"}, "stated") in sums
    assert result.ok, error_values(ledger, result)


def test_a_year_a_figure_is_of_still_names_its_period() -> None:
    text = "某市2021年预算执行情况\n2019年全市一般公共预算收入280亿元，2021年全市一般公共预算收入300亿元。\n"
    ledger, _ = read_text(text)
    assert [f.period for f in ledger.figures if f.value == "280"] == ["2019"]
