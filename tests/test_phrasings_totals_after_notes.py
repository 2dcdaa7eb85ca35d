"""A total printed after its parts when each part carries a note in brackets and its year.

Own writing, in the shape of a county's notice of 衔接资金: ``2025年中央…补助资金15000万元（某财农〔2024〕
100号）、2025年省级…补助资金8000万元（某财农〔2024〕200号），共计23000万元``. The brackets say where each
grant came from and hold no figure; the year opens each part's name; the run is still the total's.
"""

from __future__ import annotations

from phrasing_texts import error_values, read_text, relation_values

RUN = (
    "2025年中央财政衔接推进乡村振兴补助资金15000万元（某财农〔2024〕100号）、"
    "2025年省级财政衔接推进乡村振兴补助资金8000万元（某财农〔2024〕200号），共计{total}万元。"
)


def test_the_noted_parts_add_up_to_the_total_after_them() -> None:
    ledger, result = read_text(RUN.format(total="23000"))
    assert ({"23000", "15000", "8000"}, "stated") in relation_values(ledger, "sum")
    assert result.ok, error_values(ledger, result)


def test_a_total_the_parts_miss_is_an_error() -> None:
    ledger, result = read_text(RUN.format(total="24000"))
    assert {"24000", "15000", "8000"} in error_values(ledger, result)


def test_brackets_holding_a_figure_are_no_note() -> None:
    # near miss: the brackets detail the first part with an amount; the run is not read over them
    text = "中央财政补助资金15000万元（其中提前下达5000万元）、省级财政补助资金8000万元，共计24000万元。"
    ledger, result = read_text(text)
    assert not [v for v, _ in relation_values(ledger, "sum") if "24000" in v]
    assert result.ok, error_values(ledger, result)
