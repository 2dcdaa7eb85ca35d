"""The table of findings wraps its cells itself (fast), and must print what tabulate's ``maxcolwidths`` prints.

``perfcheck.render.table_format`` wraps the relation, where and message cells with its
own measure of a cell's width and hands tabulate cells already wrapped; these tests
hold every table it prints to the one tabulate prints wrapping the same rows itself.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tabulate import tabulate

from perfcheck.render import table_format

HEADERS = ("code", "severity", "relation", "where", "message")
#: Pieces cells are drawn from: words, hyphens, spaces, wide (CJK) characters, long words.
PIECES = [
    "g69",
    "i69_0,",
    " ",
    "  ",
    "-",
    "+8",
    "501,504.66",
    "万元",
    "万元；",
    "（表1:3）",
    "预算",
    "é",
    "a" * 30,
    "万" * 20,
    "long-hyphenated-identifier-of-a-figure",
    "(the printed value had to lie in [501,504.605;",
    "\t",
    "\x1b[31m",
    "\u3000",
    "1.5",
    "True",
]
CELLS = st.lists(st.sampled_from(PIECES), max_size=24).map("".join)
ROWS = st.lists(st.tuples(*(CELLS,) * 5), min_size=1, max_size=4)
WIDTHS = st.tuples(
    st.just(None),
    st.just(None),
    st.sampled_from([2, 3, 16]),
    st.sampled_from([4, 28]),
    st.sampled_from([5, 64]),
).map(list)


@settings(max_examples=400, deadline=None)
@given(rows=ROWS, widths=WIDTHS, fmt=st.sampled_from(["table", "markdown"]))
def test_wrapped_tables_are_tabulates_own(
    rows: list[tuple[str, ...]], widths: list[int | None], fmt: table_format.TableFormat
) -> None:
    try:
        expected = tabulate(rows, headers=HEADERS, tablefmt=table_format.TABLEFMT[fmt], maxcolwidths=widths)
    except (
        ValueError,
        TypeError,
    ):  # tabulate fails on some cells (a number with separators, only an escape code)
        return
    assert table_format._tabulate(rows, HEADERS, fmt, widths) == expected


@pytest.mark.parametrize(
    ("cell", "wrapped"),
    [
        ("short", True),
        ("g69 is printed as 501495.63 万元, but i69_0 + i69_1 add up to 501,504.66 万元", True),
        ("1.5", False),  # a number: tabulate aligns it as one
        ("1,000", False),
        ("True", False),  # tabulate reads it as a boolean
        ("a\tb", False),  # a tab: tabulate expands it
        ("\x1b[31mred\x1b[0m", False),  # an escape code: tabulate measures without it
        ("全角\u3000空格", False),  # a space other than U+0020
    ],
)
def test_which_cells_are_wrapped_here(cell: str, *, wrapped: bool) -> None:
    rows = [("PC102", "error", "r", "f", cell)]
    assert (table_format._wrapped(rows, [None, None, 16, 28, 64]) is not None) is wrapped


def test_a_long_message_is_wrapped_at_its_width_in_terminal_columns() -> None:
    word = "万元" * 40  # 80 characters, 160 columns
    rows = [("PC102", "error", "r", "f", f"合计 {word} done")]
    (row,) = table_format._wrapped(rows, [None, None, 16, 28, 64]) or [()]
    # 合计 and a space take 5 columns, so 29 wide characters (58 columns) fit beside them
    assert row[4].split("\n") == [f"合计 {word[:29]}", word[29:61], f"{word[61:]} done"]
