"""The table of findings wraps its cells itself (fast), and must print what tabulate's ``maxcolwidths`` prints.

``perfcheck.render.table_format`` wraps the relation, where and message cells with its
own measure of a cell's width and, for the terminal's table, lays the wrapped cells out
itself (tabulate's ``simple`` format, without loading tabulate); markdown and cells it
cannot vouch for go to tabulate. These tests hold every table it prints to the one
tabulate prints wrapping the same rows itself.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tabulate import tabulate
from wcwidth import wcswidth

from perfcheck.render import table_format

HEADERS = ("code", "severity", "relation", "where", "message")
#: The headers in English and in Chinese (wide characters: a column's width in terminal columns).
HEADINGS = st.sampled_from([HEADERS, ("代码", "严重程度", "关系", "位置", "说明")])
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
ROWS = st.lists(st.tuples(*(CELLS,) * 5), min_size=1, max_size=6)
WIDTHS = st.tuples(
    st.just(None),
    st.just(None),
    st.sampled_from([2, 3, 16]),
    st.sampled_from([4, 28]),
    st.sampled_from([5, 64]),
).map(list)


@settings(max_examples=600, deadline=None)
@given(rows=ROWS, widths=WIDTHS, fmt=st.sampled_from(["table", "markdown"]), headers=HEADINGS)
def test_wrapped_tables_are_tabulates_own(
    rows: list[tuple[str, ...]],
    widths: list[int | None],
    fmt: table_format.TableFormat,
    headers: tuple[str, ...],
) -> None:
    try:
        expected = tabulate(rows, headers=headers, tablefmt=table_format.TABLEFMT[fmt], maxcolwidths=widths)
    except (
        ValueError,
        TypeError,
    ):  # tabulate fails on some cells (a number with separators, only an escape code)
        return
    assert table_format._tabulate(rows, headers, fmt, widths) == expected


@pytest.mark.parametrize(
    "rows",
    [
        [("PC101", "error", "s_g1", "g1", "short")],  # one line a row: tabulate's single-line mode
        [("PC101", "error", "s", "", ""), ("", "", "", "", "")],  # a blank row is a blank line there
        [("PC101", "error", "s", "", "万元" * 40), ("", "", "", "", "")],  # and no line in multiline mode
        [("PC101", "error", "  s  ", " g1 ", " 合计\u3000")],  # cells stripped; a wide space: tabulate's
        [("1.5", "error", "s", "g", "m")],  # a number in a column not wrapped: tabulate aligns it
    ],
)
def test_the_terminal_table_is_tabulates_simple_table(rows: list[tuple[str, ...]]) -> None:
    widths: list[int | None] = [None, None, 16, 28, 64]
    expected = tabulate(rows, headers=HEADERS, tablefmt="simple", maxcolwidths=widths)
    assert table_format._tabulate(rows, HEADERS, "table", widths) == expected


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


def test_the_width_of_text_measured_without_wcwidth_is_wcwidths() -> None:
    """Every character the table measures itself takes the columns wcwidth gives it; other text asks wcwidth."""
    measured = [chr(c) for c in range(0x110000) if table_format._MEASURED(chr(c))]
    assert len(measured) > 21_000  # ASCII, Latin-1, punctuation, operators, CJK ideographs, fullwidth forms
    for ch in measured:
        assert table_format._wide_width(ch) == wcswidth(ch), hex(ord(ch))
    every = "".join(measured)
    assert table_format._wide_width(every) == wcswidth(every)
    # the last five are measured by wcwidth: a soft hyphen, a combining mark, Hangul, halfwidth kana, 〈
    for text in ("预算万元（表1:3）", "÷≤–é预算", "\xad预", "\u302a预", "한국어", "ｱ", "\u2329"):
        assert table_format._wide_width(text) == wcswidth(text), text


@pytest.mark.parametrize("width", [1, 2, 3])
def test_a_character_wider_than_the_line_is_put_on_a_line_of_its_own(width: int) -> None:
    # At width 1 a two-column character fits nowhere; the wrapper used to loop for ever on it.
    lines = table_format._Wrapper(width=width).wrap("收入a总计")
    assert "".join(lines) == "收入a总计"
    assert all(wcswidth(line) <= max(width, 2) for line in lines)
