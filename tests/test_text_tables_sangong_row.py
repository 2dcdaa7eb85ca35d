"""The standard 三公 table flattened one cell a line: the items' names, the columns under each, one row of amounts.

The texts are our own writing, in the layout stored pages of 三公经费 决算 reports print
(bench/corpus holds the index of a real one): no row has a label, so no row is found by
its shape; the items are read from the header, in the order their columns are printed.
"""

from __future__ import annotations

import pytest

from phrasing_texts import checked_by_hand, read_text, relation_values

CELLS = [
    "一般公共预算财政拨款“三公”经费支出决算表",
    "单位:万元",
    "一般公共预算财政拨款“三公”经费",
    "合计",
    "因公出国",
    "(境)费",
    "公务用车购置及运行维护费",
    "公务接待费",
    "小计",
    "公务用车",
    "购置费",
    "公务用车",
    "运行维护费",
    *["预算数", "决算数"] * 6,
    *[
        "120.00",
        "95.50",
        "20.00",
        "0.00",
        "70.00",
        "66.30",
        "30.00",
        "29.80",
        "40.00",
        "36.50",
        "30.00",
        "29.20",
    ],
]
TEXT = "某局2021年“三公”经费决算公开\n\n" + "\n\n".join(CELLS) + "\n\n注:本表反映“三公”经费预决算情况。\n"


def test_the_amounts_are_read_under_their_items_and_columns() -> None:
    ledger, result = read_text(TEXT)
    assert not [f for f in result.findings if f.severity.value != "info"], [
        f.message for f in result.findings
    ]
    by_label = {f.label: (f.value, f.unit) for f in ledger.figures}
    assert by_label["因公出国(境)费 / 决算数"] == ("0.00", "万元")
    assert by_label["公务用车购置费 / 预算数"] == ("30.00", "万元")
    assert by_label["公务接待费 / 决算数"] == ("29.20", "万元")


def test_the_total_adds_the_three_items_and_the_subtotal_its_two_parts_each_once() -> None:
    ledger, _ = read_text(TEXT)
    sums = [values for values, _ in relation_values(ledger, "sum")]
    assert {"120.00", "20.00", "70.00", "30.00"} in sums
    assert {"95.50", "0.00", "66.30", "29.20"} in sums
    assert sums.count({"70.00", "30.00", "40.00"}) == 1  # by its parts' names and their indent: once
    _, broken = read_text(TEXT.replace("\n\n36.50\n\n", "\n\n38.50\n\n"))
    assert broken.ok  # the layout was guessed: a warning to check by hand
    assert "PC903" in [f.code for f in broken.findings]


def test_cells_that_do_not_name_the_items_of_their_amounts_are_no_such_table() -> None:
    ledger, _ = read_text(TEXT.replace("\n\n小计\n\n", "\n\n"))  # 5 items under 12 amounts
    assert not [f for f in ledger.figures if f.label.endswith("/ 预算数")]


def test_a_row_of_zeros_one_cell_a_line_whose_blank_was_dropped_is_read_padded() -> None:
    text = (
        "一、2020年“三公”经费决算情况表\n(单位:万元)\n项 目\n预算数\n决算数\n"
        "合 计\n60.00\n50.50\n因公出国(境)费\n0.00\n公务接待费\n25.00\n20.5\n"
        "公务用车购置及运行费\n35.00\n30.00\n二、情况说明\n"
    )
    ledger, result = read_text(text)
    assert not [f for f in result.findings if f.severity.value != "info"], [
        f.message for f in result.findings
    ]
    sums = [values for values, _ in relation_values(ledger, "sum")]
    assert {"60.00", "0.00", "25.00", "35.00"} in sums  # the zero counted where it adds nothing
    assert {"50.50", "20.5", "30.00"} in sums
    # a short row holding an amount other than zero is not placed by guess
    ledger, _ = read_text(text.replace("因公出国(境)费\n0.00\n", "因公出国(境)费\n5.00\n"))
    assert not [values for values, _ in relation_values(ledger, "sum") if "5.00" in values]


# --- a budget's 三公 table: no column names, one amount under each item's column; the page
# closes each header row with a line of bars (`||`, `|||`) and prints a blank amount as `|`

_BUDGET_HEAD = ["“三公”经费合计", "因公出国(境)费", "公务接待费", "公务用车购置及运行费"]
_BUDGET_UNDER = ["小计", "公务用车运行费", "公务用车购置费"]


def _budget(amounts: list[str], *, bar_lines: bool = True) -> str:
    head = "".join(f"{c} |\n" for c in _BUDGET_HEAD) + ("||\n" if bar_lines else "")
    under = "".join(f"{c} |\n" for c in _BUDGET_UNDER) + ("|||\n" if bar_lines else "")
    body = "".join(f"{a} |\n" if a else "|\n" for a in amounts)
    return (
        "2025年“三公”经费支出预算表\n单位:万元\n"
        + head
        + under
        + body
        + "二、情况说明\n本年预算与上年持平。\n"
    )


@pytest.mark.parametrize("bar_lines", [True, False], ids=["bar-lines", "no-bar-lines"])
@pytest.mark.parametrize(
    "amounts",
    [["11.1", "0", "3", "8.1", "8.1", ""], ["12.5", "2", "3", "7.5", "6.5", "1"]],
    ids=["purchase-blank", "all-printed"],
)
def test_a_budget_table_with_one_amount_per_item_adds_up(amounts: list[str], bar_lines: bool) -> None:
    ledger, result = read_text(_budget(amounts, bar_lines=bar_lines))
    sums = [values for values, _ in relation_values(ledger, "sum")]
    total, abroad, reception, car, running, _ = amounts
    assert {total, abroad, reception, car} <= next(v for v in sums if total in v)
    assert any(car in v and running in v for v in sums)
    assert result.ok
    assert not checked_by_hand(ledger, result)


def test_a_wrong_item_of_the_budget_table_is_to_be_checked_by_hand() -> None:
    ledger, result = read_text(_budget(["11.1", "0", "4", "8.1", "8.1", ""]))
    assert result.ok
    assert any({"11.1", "4"} <= values for values in checked_by_hand(ledger, result))


def test_a_budget_table_short_of_an_amount_is_not_placed() -> None:
    # five amounts under six columns, no blank printed: which one is missing is not known
    ledger, _ = read_text(_budget(["11.1", "0", "3", "8.1", "8.1"]))
    assert not [f for f in ledger.figures if f.label.endswith("/ 金额")]
