"""The 三公 决算 table printed across as lines of ``|`` cells, three header lines over one row of amounts.

Texts of our own writing, in the layout such pages print: the items across (合计, 因公出国,
公务用车购置及运行费 spanning 小计/购置费/运行费, 公务接待费), 预算数 | 决算数 under each,
a column beside them whose amount ends the column names' line, and one row of amounts
with no label; some pages drop the blank cells of the items left empty.
"""

from __future__ import annotations

import perfcheck
from perfcheck.extract import extract
from phrasing_texts import read_text, relation_values

HEADER = """2019年度一般公共预算财政拨款“三公”经费支出决算表
单位:万元
一般公共预算财政拨款“三公”经费 | 机关运行 经费决算数 | |||||||||||
合计 | 因公出国 (境)费 | 公务用车购置及运行费 | 公务接待费 | |||||||||
小计 | 公务用车 购置费 | 公务用车 运行费 | ||||||||||
预算数 | 决算数 | 预算数 | 决算数 | 预算数 | 决算数 | 预算数 | 决算数 | 预算数 | 决算数 | 预算数 | 决算数 | 210.40 |
"""

FULL = HEADER + "30.00 | 12.60 | 0.00 | 0.00 | 20.00 | 9.10 | 4.00 | 3.00 | 16.00 | 6.10 | 10.00 | 3.50 |\n"
# the page dropped the blank cells of 因公出国 and of 购置费: 运行费 and 小计 print the same pair
SHORT_AMBIGUOUS = HEADER + "30.00 | 12.60 | 20.00 | 9.10 | 20.00 | 9.10 | 10.00 | 3.50 |\n"
# only 因公出国 was left blank: one placement adds up
SHORT_UNIQUE = HEADER + "30.00 | 12.60 | 20.00 | 9.10 | 4.00 | 3.00 | 16.00 | 6.10 | 10.00 | 3.50 |\n"
# no placement of the short row adds up: not read, never guessed
SHORT_BROKEN = HEADER + "30.00 | 12.60 | 20.00 | 9.10 | 20.00 | 9.10 | 12.00 | 3.50 |\n"


def _sums(text: str) -> list[tuple[set[str], str]]:
    ledger, _ = read_text(text)
    return relation_values(ledger, "sum")


def test_a_full_row_is_read_as_a_row_per_item() -> None:
    sums = _sums(FULL)
    assert ({"30.00", "0.00", "20.00", "10.00"}, "inferred") in sums  # 合计 = its items
    assert ({"12.60", "0.00", "9.10", "3.50"}, "inferred") in sums
    assert ({"20.00", "4.00", "16.00"}, "inferred") in sums  # 小计 = 购置 + 运行
    found = extract(FULL)
    assert found.unread_tables == ()
    labels = {f.value: f.label for f in found.ledger.figures}
    assert labels["3.50"] == "公务接待费 / 决算数"
    assert labels["210.40"] == "机关运行经费决算数"  # the column beside the items: read, in no relation
    assert not perfcheck.check(FULL).warnings


def test_a_broken_item_sum_is_a_warning_to_check_by_hand() -> None:
    broken = FULL.replace("| 10.00 | 3.50 |", "| 10.00 | 3.90 |")
    result = perfcheck.check(broken)
    assert not result.errors
    assert [w.code for w in result.warnings] == ["PC903"]


def test_a_short_row_placed_by_its_sums_where_every_placement_agrees() -> None:
    sums = _sums(SHORT_UNIQUE)
    assert ({"30.00", "20.00", "10.00"}, "inferred") in sums
    assert ({"20.00", "4.00", "16.00"}, "inferred") in sums
    assert extract(SHORT_UNIQUE).unread_tables == ()


def test_amounts_two_placements_put_under_different_items_are_not_read() -> None:
    found = extract(SHORT_AMBIGUOUS)
    # 合计 = 小计 + 接待 in both columns; which of 购置费 and 运行费 the second pair is under is not known
    sums = _sums(SHORT_AMBIGUOUS)
    assert sums == [({"30.00", "20.00", "10.00"}, "inferred"), ({"12.60", "9.10", "3.50"}, "inferred")]
    [row] = found.unread_tables
    assert row.line == row.last == 7
    assert "place under two items or more" in row.reason
    values = {f.id: f.value for f in found.ledger.figures}
    assert sorted(values[i] for i in row.figures) == ["20.00", "9.10"]
    used = {i for r in found.ledger.relations for i in r.operands()}
    assert not set(row.figures) & used
    # and the result's coverage says so
    assert [p.kind for p in perfcheck.check(SHORT_AMBIGUOUS).coverage.not_read] == ["row"]


def test_a_short_row_no_placement_adds_up_is_not_read() -> None:
    found = extract(SHORT_BROKEN)
    assert [r for r in found.ledger.relations if r.kind == "sum"] == []
    assert found.unread_tables
    assert not perfcheck.check(SHORT_BROKEN).errors


# Own writing: a table one cell a line, each cell ending with its own `|`, one name wrapped
# over two lines, its unit on the line above.
WRAPPED = """（单位：万元）
项目 |
预算数 |
决算数 |
公务用车
运行费 |
12.00 |
10.50 |
公务接待费 |
3.00 |
2.50 |
合计 |
15.00 |
13.00 |
"""


def test_a_name_wrapped_over_two_lines_in_a_run_of_cells_ending_with_a_bar() -> None:
    found = extract(WRAPPED)
    assert found.unread_tables == ()
    labels = {f.value: (f.label, f.unit) for f in found.ledger.figures}
    assert labels["10.50"] == ("公务用车运行费 / 决算数", "万元")
    assert sorted(sorted(values) for values, _ in relation_values(found.ledger, "sum")) == [
        ["10.50", "13.00", "2.50"],
        ["12.00", "15.00", "3.00"],
    ]
