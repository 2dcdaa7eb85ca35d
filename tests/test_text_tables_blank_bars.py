"""A table printed one cell a line, each cell followed by a line ``|``: a blank cell as a second ``|``.

Texts of our own writing, in two layouts pages print: one where a row whose amount is left
blank prints its name and then ``|`` twice (the blank cell has no line of its own), and one
where every row ends with a second ``|`` (which then marks nothing).
"""

from __future__ import annotations

from perfcheck.extract import extract
from phrasing_texts import read_text, relation_values


def _lines(cells: list[str], *, row_end: str = "") -> str:
    out = ["一、2023年一般公共预算“三公”经费支出预算表", "单位:万元"]
    for cell in cells:
        out += [cell, "|"]
        if row_end and cell == row_end:
            out.append("|")
    return "\n".join(out) + "\n二、说明\n"


BLANKS = [
    "项 目",
    "预 算 数",
    "合 计",
    "2.40",
    "因公出国(境)费",
    "",
    "公务接待费",
    "2.40",
    "公务用车购置及运行费",
    "",
]


def test_a_second_bar_after_a_row_name_is_its_blank_amount() -> None:
    cells = [c for c in BLANKS if c]  # a blank cell prints no line: its name is followed by | twice
    text = (
        _lines(cells)
        .replace("因公出国(境)费\n|\n", "因公出国(境)费\n|\n|\n")
        .replace("公务用车购置及运行费\n|\n", "公务用车购置及运行费\n|\n|\n")
    )
    ledger, result = read_text(text)
    labels = {f.label: f.value for f in ledger.figures}
    assert labels["合 计 / 预算数"] == "2.40"
    assert labels["公务接待费 / 预算数"] == "2.40"
    assert ({"2.40"}, "inferred") in relation_values(ledger, "sum")  # 合计 = 接待费, the others blank
    assert result.ok


def test_a_second_bar_ending_every_row_marks_no_blank() -> None:
    cells = [
        "项 目",
        "预 算 数",
        "合 计",
        "6.00",
        "因公出国(境)费",
        "0.00",
        "公务接待费",
        "2.00",
        "公务用车购置及运行费",
        "4.00",
    ]
    text = _lines(cells)
    for value in ("6.00", "0.00", "2.00", "4.00"):
        text = text.replace(f"\n{value}\n|\n", f"\n{value}\n|\n|\n")
    found = extract(text)
    labels = {f.label: f.value for f in found.ledger.figures}
    assert labels["因公出国(境)费 / 预算数"] == "0.00"  # not shifted under a blank
    assert labels["公务用车购置及运行费 / 预算数"] == "4.00"
    values = {f.id: f.value for f in found.ledger.figures}
    sums = [{values[i] for i in r.operands()} for r in found.ledger.relations if r.kind == "sum"]
    assert {"6.00", "0.00", "2.00", "4.00"} in sums


def test_a_blank_total_row_under_the_header_keeps_the_header_the_tables() -> None:
    # 合计's cells left blank: the header above it is still the table's, not its first row of numbers
    text = (
        "2024年部门“三公”经费预算表 | |||\n"
        "单位:元 | |||\n"
        "项目 | 2024年预算数 | 备注 |\n"
        "合计 | |||\n"
        "一、因公出国(境)费用 | 0 | ||\n"
        "二、公务接待费 | 30000 | ||\n"
        "三、公务用车费 | 45000 | ||\n"
    )
    labels = {f.label: (f.value, f.unit) for f in extract(text).ledger.figures}
    assert labels["一、因公出国(境)费用 / 2024年预算数"] == ("0", "元")
    assert labels["二、公务接待费 / 2024年预算数"] == ("30000", "元")
    assert not [label for label in labels if label.endswith("/ 0")]  # no row read as the header
