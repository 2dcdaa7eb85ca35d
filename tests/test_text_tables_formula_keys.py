"""Tables whose rows carry a formula key (``A=B+C`` beside a total, ``B`` and ``C`` beside its parts).

Texts of our own writing, in the layouts pages print a debt-limit table (地方政府债务限额)
in: one cell a line, each cell ending with ``|`` and a county's 下级 column blank; and as
rows of ``|`` cells. The keys say which rows add up to which, so the sums are read from
them and from nothing else.
"""

from __future__ import annotations

import perfcheck
from perfcheck.extract import extract
from phrasing_texts import read_text, relation_values


def _one_cell_a_line(
    rows: list[list[str]], *, header: tuple[str, ...] = ("项目", "公 式", "本地区", "本级", "下级")
) -> str:
    lines = ["某县2022年地方政府债务限额情况表 |", "||||", "单位:万元 |", "||||"]
    lines += [f"{cell} |" for cell in header]
    for row in rows:
        lines += [f"{cell} |" if cell else "|" for cell in row]
    # the page's last row loses its trailing blank cell
    while lines[-1] == "|":
        lines.pop()
    return "\n".join(lines) + "\n"


ROWS = [
    ["一、2021年末地方政府债务限额", "A=B+C", "52,480", "52,480", ""],
    ["其中:一般债务限额", "B", "12,300", "12,300", ""],
    ["专项债务限额", "C", "40,180", "40,180", ""],
    ["二、2022年新增地方政府债务限额", "D=E+F", "8,000", "8,000", ""],
    ["其中:一般债务限额", "E", "1,500", "1,500", ""],
    ["专项债务限额", "F", "6,500", "6,500", ""],
    ["三、2022年末地方政府债务限额", "G=A+D", "60,480", "60,480", ""],
]


def test_each_formula_row_is_the_sum_of_the_rows_it_names_column_by_column() -> None:
    ledger, result = read_text(_one_cell_a_line(ROWS))
    sums = relation_values(ledger, "sum")
    assert ({"52,480", "12,300", "40,180"}, "inferred") in sums
    assert ({"8,000", "1,500", "6,500"}, "inferred") in sums
    assert ({"60,480", "52,480", "8,000"}, "inferred") in sums
    assert len(sums) == 6  # three formulas, two columns each; the blank 下级 column gives none
    assert not result.findings or not [f for f in result.findings if f.severity.value != "info"]
    figures = ledger.figures
    assert len(figures) == 14  # every amount, the last row's too
    assert {f.unit for f in figures} == {"万元"}
    labels = {f.label for f in figures}
    assert "一、2021年末地方政府债务限额 / 本地区" in labels  # the key is no part of the name
    assert not any("A=B+C" in f.label for f in figures)


def test_the_rows_are_not_summed_by_their_names_when_keys_say_how() -> None:
    # 其中 rows under 二 and the 三 row are not guessed into 一's or 二's sums
    ledger, _ = read_text(_one_cell_a_line(ROWS))
    values = {f.id: f.value for f in ledger.figures}
    assert ledger.relations
    for relation in ledger.relations:
        assert str(relation.id).split("_", 1)[1].startswith("key_"), (relation.id, relation.operands())
    assert all(len(r.operands()) == 3 for r in ledger.relations), [
        [values[i] for i in r.operands()] for r in ledger.relations
    ]


def test_a_formula_that_does_not_hold_is_a_warning_to_check_by_hand() -> None:
    broken = [list(row) for row in ROWS]
    broken[2][2] = "40,280"  # 本地区's 专项 is 100 more than the formula allows
    _, result = read_text(_one_cell_a_line(broken))
    assert result.ok  # the table's layout was flattened: its relations are inferred
    assert [f.code for f in result.findings if f.severity.value == "warning"] == ["PC903"]


def test_keys_in_rows_of_bar_cells_with_full_width_signs() -> None:
    text = (
        "表3 某市2023年政府债务限额表\n"
        "单位:亿元 | | | |\n"
        "项 目 | 计算公式 | 全市 | 市本级 |\n"
        "一、上年末债务限额 | A＝B＋C | 310.5 | 120.4 |\n"
        "一般债务限额 | B | 110.2 | 50.1 |\n"
        "专项债务限额 | C | 200.3 | 70.3 |\n"
        "二、本年新增限额 | D＝E＋F | 45 | 12 |\n"
        "一般债务限额 | E | 15 | 2 |\n"
        "专项债务限额 | F | 30 | 10 |\n"
        "三、本年末债务限额 | G＝A＋D | 355.5 | 132.4 |\n"
    )
    ledger, result = read_text(text)
    sums = relation_values(ledger, "sum")
    assert ({"310.5", "110.2", "200.3"}, "inferred") in sums
    assert ({"12", "2", "10"}, "inferred") in sums
    assert ({"355.5", "310.5", "45"}, "inferred") in sums  # 三 = 一 + 二, as its key says
    assert len(sums) == 6
    assert {f.unit for f in ledger.figures} == {"亿元"}
    assert not result.warnings


def test_letters_that_are_no_formula_keys_are_left_to_the_table_reader() -> None:
    # a grade column (A, B, C) holds letters but no formula: no key column, no sums from letters
    text = "单位:万元 | | |\n项目 | 等级 | 预算数 |\n合计 | A | 30 |\n培训费 | B | 10 |\n会议费 | C | 20 |\n"
    found = extract(text)
    assert not any("key_" in str(r.id) for r in found.ledger.relations)
    # a formula naming a row no key marks is no key column either
    lines = _one_cell_a_line(
        [
            ["一、债务限额", "A=B+X", "10", "10", ""],
            ["一般债务", "B", "4", "4", ""],
            ["专项债务", "C", "6", "6", ""],
        ]
    )
    assert not any("key_" in str(r.id) for r in extract(lines).ledger.relations)


def test_the_blank_column_and_the_short_last_row_are_no_reason_to_drop_the_table() -> None:
    found = extract(_one_cell_a_line(ROWS[:3]))
    assert {f.value for f in found.ledger.figures} == {"52,480", "12,300", "40,180"}
    assert len([f for f in found.ledger.figures if f.value == "40,180"]) == 2  # the last row, padded
    assert perfcheck.check(_one_cell_a_line(ROWS[:3]).encode(), format="text").ok
