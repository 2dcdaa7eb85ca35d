"""A list opened at the end of a line (``其中：``), its parts one a line below, each line its own sentence.

Every text here is our own writing, in the shape of 三公经费 pages (bench/corpus holds the index of
the real pages, never their text).
"""

from __future__ import annotations

import pytest

import perfcheck
from phrasing_texts import error_values, read_text, relation_values

LINES = (
    "2023年“三公”经费支出预算合计30.50万元，比上年预算数减少2.50万元。{opener}\n"
    "因公出国（境）经费支出预算0万元，与上年预算数持平，无增减变化。\n"
    "公务用车购置费支出预算0万元，与上年预算数持平。\n"
    "公务用车运行维护费支出预算10.00万元；与上年预算数持平，原因：严格管理。\n"
    "公务接待费支出预算20.50万元，比上年预算数减少2.50万元，原因：厉行节约。\n"
)


@pytest.mark.parametrize("opener", ["其中：", "具体为：", "包括：", "其中:"])
def test_the_first_figure_of_each_line_below_the_opener_is_a_part(opener: str) -> None:
    ledger, result = read_text(LINES.format(opener=opener))
    sums = relation_values(ledger, "sum")
    assert ({"30.50", "0", "10.00", "20.50"}, "inferred") in sums, sums
    # the parts unchanged against the total's base add nothing to its change
    assert ({"2.50"}, "inferred") in sums
    assert not result.findings, [f.message for f in result.findings]


def test_a_part_misprinted_below_is_to_be_checked_by_hand() -> None:
    ledger, result = read_text(LINES.format(opener="其中：").replace("预算20.50万元", "预算21.50万元"))
    assert result.ok, error_values(ledger, result)
    values = {f.id: f.value for f in ledger.figures}
    checked = [{values[i] for i in f.figures} for f in result.findings if f.code == "PC903"]
    assert {"30.50", "0", "10.00", "21.50"} in checked


def test_the_list_ends_at_the_first_line_that_opens_with_no_amount() -> None:
    text = (
        "2023年部门支出合计100.00万元。其中：\n"
        "基本支出60.00万元。\n"
        "项目支出40.00万元。\n"
        "全年共召开会议12次，培训干部300人次。\n"
        "办公设备购置费5.00万元。\n"
    )
    ledger, _ = read_text(text)
    sums = [values for values, _ in relation_values(ledger, "sum")]
    assert {"100.00", "60.00", "40.00"} in sums
    assert not any("5.00" in values for values in sums)


def test_lines_that_neither_add_up_nor_name_every_part_only_bound_the_total() -> None:
    text = "2023年部门支出合计100.00万元。其中：\n会议费3.00万元。\n培训费2.00万元。\n"
    ledger, result = read_text(text)
    sums = [r for r in ledger.relations if isinstance(r, perfcheck.SumRelation)]
    assert [(r.basis, r.exhaustive) for r in sums] == [("inferred", False)]  # 100.00 ≥ 3.00 + 2.00
    assert not result.findings
    ledger, result = read_text(text.replace("会议费3.00", "会议费99.00"))
    assert result.ok  # inferred: more than the total is to be checked by hand
    assert [f.code for f in result.findings] == ["PC903"]


def test_a_part_flat_against_another_base_than_the_totals_is_no_zero_change() -> None:
    text = LINES.format(opener="其中：").replace(
        "公务用车购置费支出预算0万元，与上年预算数持平。", "公务用车购置费支出预算0万元，与年初预算持平。"
    )
    ledger, _ = read_text(text)
    assert ({"2.50"}, "inferred") not in relation_values(ledger, "sum")
