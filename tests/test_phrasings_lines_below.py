"""A list opened at the end of a line (``其中：``), its parts one a line below, each line its own sentence.

Every text here is our own writing, in the shape of 三公经费 pages (bench/corpus holds the index of
the real pages, never their text).
"""

from __future__ import annotations

import pytest

import perfcheck
from phrasing_texts import checked_by_hand, error_values, read_text, relation_values

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
    checked = checked_by_hand(ledger, result)
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


# --- a 其中 list whose parts run past the end of its sentence, up to where they add up --------------

RUN_ON = (
    "2019年本市可发行新增债券917亿元。其中，市级拟使用297.9亿元，用于重点项目。"
    "转贷区级使用债券资金619.1亿元，用于旧区改造。此外，还将发行再融资债券350.5亿元。\n"
)

LINES_RUN_ON = (
    "2014年“三公”经费支出15905.91万元，较2014年预算减少5818.9万元。\n"
    "其中：因公出国（境）费2014年决算数为7926.14万元，比2013年度决算数8750.27万元减少824.13万元。\n"
    "公务用车购置及运行费2014年决算数为3961.06万元。\n"
    "较2013年度决算数减少1836.94万元，降低31.68%。\n"
    "公务接待费2014年决算数为4018.71万元。\n"
)


def test_a_list_runs_on_into_the_next_sentences_while_its_parts_reach_the_total() -> None:
    for text, values in (
        (RUN_ON, {"917", "297.9", "619.1"}),
        (LINES_RUN_ON, {"15905.91", "7926.14", "3961.06", "4018.71"}),
    ):
        ledger, result = read_text(text)
        sums = [found for found, basis in relation_values(ledger, "sum") if basis == "inferred"]
        assert values in sums, sums
        assert not any("350.5" in found or "8750.27" in found for found in sums)
        assert result.ok, error_values(ledger, result)


def test_a_list_whose_next_sentences_never_reach_the_total_does_not_run_on() -> None:
    ledger, _ = read_text(RUN_ON.replace("619.1亿元", "600.0亿元"))
    assert not any({"297.9", "600.0"} <= found for found, _ in relation_values(ledger, "sum"))
