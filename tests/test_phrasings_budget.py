"""Changes against this year's budget, the budget printed elsewhere (a table, an earlier sentence).

Every text here is our own writing, reproducing the structure of sentences real 三公
reports print (bench/corpus holds the index of the real pages). A break found through a
budget the sentence does not print is for a person to check (PC903), never an error.
"""

from __future__ import annotations

import perfcheck
from perfcheck.extract import extract
from phrasing_texts import read_text, relation_values


def _change_sets(ledger: perfcheck.Ledger) -> list[set[str]]:
    return [values for values, _ in relation_values(ledger, "change")]


def _finding_sets(ledger: perfcheck.Ledger, result: perfcheck.Result) -> list[tuple[str, set[str]]]:
    values = {f.id: f.value for f in ledger.figures}
    return [(f.code, {values[i] for i in f.figures}) for f in result.findings if f.severity.value != "info"]


# --- a table one cell a line, ``cell |``, with blank cells printed as a lone ``|`` ------------------

_ROWS = [
    ("项目", "预算数", "决算数"),
    ("合计", "40.00", "12.50"),
    ("因公出国(境)费", "10.00", ""),
    ("公务接待费", "12.00", "8.50"),
    ("公务用车购置及运行维护费", "18.00", "4.00"),
]
CELL_BARS = (
    "某办2022年度“三公”经费支出决算表\n单位:万元\n"
    + "".join(f"{cell} |\n" if cell else "|\n" for row in _ROWS for cell in row)
    + "二、情况说明\n"
    "某办2022年度“三公”经费支出决算12.50万元。\n"
    "1.因公出国(境)费支出0.00万元，与2022年度预算相比无变化。\n"
    "2.公务接待费支出8.50万元，与2022年度预算相比，减少3.50万元，下降29.17%。\n"
    "3.公务用车购置及运行维护费支出4.00万元，与2022年度预算相比，减少14.00万元，下降77.78%。\n"
)


def test_a_lone_bar_between_cell_lines_is_a_blank_cell() -> None:
    ledger, _ = read_text(CELL_BARS)
    by_label = {f.label: f.value for f in ledger.figures if "/" in f.label}
    assert by_label["公务接待费 / 决算数"] == "8.50"
    assert by_label["合计 / 预算数"] == "40.00"
    assert "因公出国(境)费 / 决算数" not in by_label  # blank, not the next row's label shifted in


def test_a_change_against_the_budget_takes_the_budget_from_the_table() -> None:
    ledger, result = read_text(CELL_BARS)
    changes = _change_sets(ledger)
    assert {"8.50", "12.00", "3.50"} in changes
    # the rate is the amount printed over the budget
    assert ({"3.50", "12.00", "29.17%"}, "inferred") in relation_values(ledger, "ratio")
    assert {"4.00", "18.00", "14.00"} in changes
    # each relation quotes the sentence it was read from
    explained = extract(CELL_BARS).explanations
    quoted = {p.text for rid, passages in explained.items() if "budget" in rid for p in passages}
    assert "公务接待费支出8.50万元，与2022年度预算相比，减少3.50万元，下降29.17%。" in quoted
    assert "因公出国(境)费支出0.00万元，与2022年度预算相比无变化。" in quoted
    # 与预算相比无变化 says the actual is the budget: 0.00 against 10.00 is to be checked by hand
    assert result.ok
    assert _finding_sets(ledger, result) == [("PC903", {"0.00", "10.00"})]


def test_a_wrong_amount_against_the_tables_budget_is_found_to_check_by_hand() -> None:
    text = CELL_BARS.replace("减少3.50万元，下降29.17%", "减少0.10万元，下降29.17%")
    ledger, result = read_text(text)
    assert result.ok  # the budget was found by its name: not an error
    assert ("PC903", {"8.50", "12.00", "0.10"}) in _finding_sets(ledger, result)


def test_a_budget_of_another_year_or_unit_is_not_the_base() -> None:
    text = CELL_BARS.replace("与2022年度预算相比，减少3.50万元", "与2021年度预算相比，减少3.50万元")
    assert {"8.50", "12.00", "3.50"} not in _change_sets(read_text(text)[0])


def test_a_budget_printed_in_an_earlier_sentence_is_the_base() -> None:
    text = (
        "某局2023年“三公”经费决算说明\n"
        "2023年公务接待费预算6.00万元。\n"
        "公务接待费支出4.50万元，与预算相比，减少1.50万元，下降25%。\n"
    )
    ledger, result = read_text(text)
    assert {"4.50", "6.00", "1.50"} in _change_sets(ledger)
    assert not [f for f in result.findings if f.severity.value != "info"]
    broken = read_text(text.replace("减少1.50万元", "减少2.50万元"))
    assert ("PC903", {"4.50", "6.00", "2.50"}) in _finding_sets(*broken)
