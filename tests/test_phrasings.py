"""Phrasings seen in real published reports, each in a text written for the test.

Every text here is our own writing; it reproduces the structure of a sentence that a
real report printed and that perfcheck once read wrongly (bench/corpus holds the index of
the real pages). Each phrasing is checked both ways: printed consistently it checks
clean, and with one figure changed the change is reported on a relation naming it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import perfcheck
from perfcheck.cli import main
from perfcheck.extract import extract
from phrasing_texts import error_values, read_text


def _sums(ledger: perfcheck.Ledger) -> list[tuple[str, list[str]]]:
    values = {f.id: f.value for f in ledger.figures}
    return [
        (values[r.total], [values[p] for p in r.parts])
        for r in ledger.relations
        if isinstance(r, perfcheck.SumRelation)
    ]


# --- a 其中 list inside brackets ends where they close --------------------------------------

BRACKETS = (
    "（三）项目情况\n"
    "一期工程批复投资500.0万元（其中设备购置320.5万元），二期工程批复投资260.0万元"
    "（其中设备购置190.0万元），合计批复投资760.0万元（其中设备购置510.5万元）。\n"
)


def test_a_list_in_brackets_belongs_to_the_figure_before_them() -> None:
    ledger, result = read_text(BRACKETS)
    assert result.ok, [f.message for f in result.errors]
    assert ("500.0", ["320.5"]) in _sums(ledger)
    assert all(len(parts) == 1 for _, parts in _sums(ledger))


NESTED = (
    "（四）三公经费\n"
    "2023年本级“三公”经费预算60.00万元。其中，因公出国（境）费10.00万元，公务用车购置及运行费"
    "40.00万元（其中，公务用车购置费15.00万元，公务用车运行费25.00万元），公务接待费10.00万元。\n"
)


def test_a_list_nested_in_brackets_is_a_list_of_its_own() -> None:
    ledger, result = read_text(NESTED)
    assert result.ok, [f.message for f in result.errors]
    sums = _sums(ledger)
    assert ("60.00", ["10.00", "40.00", "10.00"]) in sums
    assert ("40.00", ["15.00", "25.00"]) in sums


def test_a_wrong_part_of_a_nested_list_is_reported_on_that_list() -> None:
    ledger, result = read_text(NESTED.replace("公务用车运行费25.00", "公务用车运行费26.00"))
    assert {"40.00", "15.00", "26.00"} in error_values(ledger, result)
    assert not any("60.00" in values for values in error_values(ledger, result))


# --- a list ends where its parts add up and the next figure is more than the total -----------

RETIRED = "（二）人员情况\n离退休人员30人，其中离休4人，退休26人，财政供养人员85人。\n"


def test_a_figure_larger_than_the_total_after_a_complete_list_is_not_a_part() -> None:
    ledger, result = read_text(RETIRED)
    assert result.ok, [f.message for f in result.errors]
    assert ("30", ["4", "26"]) in _sums(ledger)


def test_a_wrong_part_is_still_reported_when_the_list_cannot_end_early() -> None:
    ledger, result = read_text(RETIRED.replace("退休26人", "退休27人"))
    assert not result.ok
    assert any({"30", "4", "27"} <= values for values in error_values(ledger, result))


# --- 完成预算的X% of an item is against the item's own budget, which is not printed ---------

ITEM_RATES = (
    "（五）三公经费\n"
    "“三公”经费年初预算为50.00万元，支出决算为30.00万元，完成预算的60.00%，其中：公务接待费"
    "决算为5.00万元，完成预算的25.00%；公务用车运行维护费决算为25.00万元，完成预算的83.33%。\n"
)


def test_an_items_completion_rate_is_not_judged_against_the_totals_budget() -> None:
    ledger, result = read_text(ITEM_RATES)
    assert result.ok, [f.message for f in result.errors]
    values = {f.id: f.value for f in ledger.figures}
    ratios = [
        {values[i] for i in r.operands()} for r in ledger.relations if isinstance(r, perfcheck.RatioRelation)
    ]
    assert {"30.00", "50.00", "60.00%"} in ratios
    # the items' rates are read with no denominator (their budgets are printed nowhere): never the total's
    assert not any(("25.00%" in r or "83.33%" in r) and "50.00" in r for r in ratios)
    assert {"5.00", "25.00%"} in ratios
    assert not result.findings


def test_the_totals_completion_rate_is_still_judged() -> None:
    ledger, result = read_text(ITEM_RATES.replace("完成预算的60.00%", "完成预算的66.00%"))
    assert {"30.00", "50.00", "66.00%"} in error_values(ledger, result)


# --- a figure followed by 的 qualifies what follows it ----------------------------------------

EXECUTION = (
    "1.收入完成情况。1-6月一般公共预算收入12,000万元，为年度预算20,000万元的60.0%，比上年同期"
    "11,000万元增收1,000万元，增长9.1%。\n"
)


def test_a_change_is_of_the_figure_the_sentence_is_about_not_of_a_base_after_it() -> None:
    ledger, result = read_text(EXECUTION)
    assert result.ok, [f.message for f in result.errors]
    values = {f.id: f.value for f in ledger.figures}
    changes = [r for r in ledger.relations if isinstance(r, perfcheck.ChangeRelation)]
    # the amount and the rate of the change are two statements, judged one by one
    assert [values[r.current] for r in changes] == ["12,000", "12,000"]
    assert [(r.delta is None, r.percent is None) for r in changes] == [(False, True), (True, False)]


def test_a_wrong_change_against_the_right_figure_is_reported() -> None:
    ledger, result = read_text(EXECUTION.replace("增收1,000万元", "增收1,200万元"))
    assert any({"12,000", "11,000", "1,200"} <= values for values in error_values(ledger, result))


# --- 分别 runs: names and shares paired in order ---------------------------------------------

RUNS = (
    "（六）支出结构\n"
    "2022年总支出1,000.0万元。甲类、乙类、丙类支出分别为100.0万元、300.0万元和600.0万元，"
    "占总支出比例为10.0%、30.0%和60.0%。\n"
)


def test_a_run_after_names_gives_each_figure_its_own_name() -> None:
    ledger, _ = read_text(RUNS)
    labels = {f.value: f.label for f in ledger.figures}
    assert (labels["100.0"], labels["300.0"], labels["600.0"]) == ("甲类支出", "乙类支出", "丙类支出")
    assert labels["10.0%"] == labels["30.0%"] == labels["60.0%"] == "占总支出"


def test_shares_printed_as_a_run_are_paired_with_the_amounts_in_order() -> None:
    ledger, result = read_text(RUNS)
    assert result.ok, [f.message for f in result.errors]
    values = {f.id: f.value for f in ledger.figures}
    shares = {
        (values[r.part], values[r.stated]) for r in ledger.relations if isinstance(r, perfcheck.ShareRelation)
    }
    assert shares == {("100.0", "10.0%"), ("300.0", "30.0%"), ("600.0", "60.0%")}


def test_a_wrong_share_in_a_run_is_reported_with_its_own_amount() -> None:
    ledger, result = read_text(RUNS.replace("30.0%和", "35.0%和"))
    assert {"300.0", "1,000.0", "35.0%"} in error_values(ledger, result)


# --- a text with nothing read is not a pass -------------------------------------------------


def test_a_text_with_no_figures_is_nothing_to_check(tmp_path: Path) -> None:
    for name, text in (("empty.txt", ""), ("words.txt", "本报告说明部门职能，不含任何金额。\n")):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        with pytest.raises(perfcheck.LedgerError, match=r"nothing to check: no figures"):
            perfcheck.check(path)
        assert main(["check", str(path)]) == 2


# --- a line broken mid-sentence (text taken from a PDF) --------------------------------------

BROKEN_LINE = (
    "1.一般公共预算收入。\n2022 年全市一般公共预算收入 520.0 亿元,增长 1.2%,其中\n"
    "税收收入 390.5 亿元,非税收入 129.5 亿元。\n"
)


def test_a_list_opened_at_the_end_of_a_line_goes_on_on_the_next() -> None:
    ledger, result = read_text(BROKEN_LINE)
    assert result.ok, [f.message for f in result.errors]
    assert ("520.0", ["390.5", "129.5"]) in _sums(ledger)
    ledger, result = read_text(BROKEN_LINE.replace("129.5", "128.5"))
    assert {"520.0", "390.5", "128.5"} in error_values(ledger, result)


def test_a_figure_as_a_percentage_of_a_base_is_a_ratio() -> None:
    ledger, result = read_text(EXECUTION)
    values = {f.id: f.value for f in ledger.figures}
    ratios = [
        (values[r.numerator], values[r.denominator or ""], values[r.stated])
        for r in ledger.relations
        if isinstance(r, perfcheck.RatioRelation)
    ]
    assert ratios == [("12,000", "20,000", "60.0%")]
    ledger, result = read_text(EXECUTION.replace("60.0%", "62.0%"))
    assert {"12,000", "20,000", "62.0%"} in error_values(ledger, result)


# --- a report reposted in traditional characters ---------------------------------------------


def test_scale_words_in_traditional_characters_are_read() -> None:
    text = "（一）收入\n2022年收入總計1,250.50萬元，其中財政撥款1,000.50萬元，其他收入250.00萬元。\n"
    ledger, result = read_text(text)
    assert [f.value for f in ledger.figures] == ["1,250.50", "1,000.50", "250.00"]
    assert {f.unit or ledger.unit for f in ledger.figures} == {"万元"}
    assert result.ok
    ledger, result = read_text(text.replace("250.00萬元", "251.00萬元"))
    assert {"1,250.50", "1,000.50", "251.00"} in error_values(ledger, result)


# --- relations the text does not state are inferred: a break is a warning to check by hand --


def test_a_change_named_loosely_is_inferred_and_a_break_is_a_warning() -> None:
    text = (
        "（三）三公经费\n2020年度全区“三公”经费总支出为1928.76万元。"
        "与上年相比，2020年度的“三公”经费支出减少了1093.92万元，下降了36.2%。\n"
    )
    ledger, result = read_text(text)
    assert result.ok
    changes = [r for r in ledger.relations if isinstance(r, perfcheck.ChangeRelation)]
    assert [r.basis for r in changes] == ["inferred"]
    ledger, result = read_text(text.replace("36.2%", "38.2%"))
    assert result.ok  # not an error: the text does not say which figure changed
    assert [(f.code, f.severity.value) for f in result.findings] == [("PC903", "warning")]


def test_spending_split_by_concepts_alone_is_inferred() -> None:
    text = "（四）支出\n本年总支出134.56万元。\n（五）基本支出\n基本支出82.67万元。\n（六）项目支出\n项目支出51.89万元。\n"
    ledger, result = read_text(text)
    split = [r for r in ledger.relations if r.id == "spending_split"]
    assert [r.basis for r in split] == ["inferred"]
    assert result.ok
    ledger, result = read_text(text.replace("51.89", "52.89"))
    assert result.ok
    assert {f.code for f in result.findings} == {"PC903"}


# --- a table flattened into lines of |-separated cells ---------------------------------------

PIPE_TABLE = (
    "2022年“三公”经费支出情况表 | ||\n"
    "单位:万元 | ||\n"
    "项目 | 上年决算数 | 本年决算数 |\n"
    "合计 | 60.00 | 50.00 |\n"
    "1.因公出国(境)费 | 10.00 | 5.00 |\n"
    "2.公务接待费 | 20.00 | 15.00 |\n"
    "3.公务用车购置及运行费 | 30.00 | 30.00 |\n"
    "说明：本年“三公”经费支出50.00万元。\n"
)


def test_a_table_printed_as_lines_of_cells_is_read_as_a_table() -> None:
    ledger, result = read_text(PIPE_TABLE)
    assert result.ok, [f.message for f in result.errors]
    cells = {f.source.cell for f in ledger.figures if f.source is not None and f.source.cell}
    assert {"B4", "C4", "B7", "C7"} <= cells  # the cell's row is the line it was printed on
    assert ("60.00", ["10.00", "20.00", "30.00"]) in _sums(ledger)
    # its numbers are read once: as cells, not again as figures of sentences
    assert [f.value for f in ledger.figures].count("60.00") == 1


def test_a_break_in_a_flattened_table_is_a_warning_to_check_by_hand() -> None:
    _, result = read_text(PIPE_TABLE.replace("| 20.00 | 15.00 |", "| 20.00 | 16.00 |"))
    assert result.ok  # the layout was guessed: not an error
    assert {f.code for f in result.findings} == {"PC903"}


# --- a bare 0 is exactly nothing --------------------------------------------------------------

ZERO = "（四）收支\n年初结转和结余0.40万元，本年收入100.00万元，本年支出100.00万元，年末结转和结余0万元。\n"


def test_a_bare_zero_is_exactly_nothing() -> None:
    _, result = read_text(ZERO)
    # 0.40 + 100.00 = 100.00 + 0 cannot hold: the 0 printed for what is carried over is none
    assert [f.code for f in result.errors] == ["PC101"]
    # printed with decimals the zero is rounded like its column, and 0.40 is still too much
    _, rounded = read_text(ZERO.replace("年末结转和结余0万元", "年末结转和结余0.00万元"))
    assert [f.code for f in rounded.errors] == ["PC101"]


def test_a_zero_with_decimals_in_the_document_is_rounded() -> None:
    doc = {
        "perfcheck": "1",
        "unit": "万元",
        "figures": [
            {"id": "a", "value": "10.40"},
            {"id": "b", "value": "10.00"},
            {"id": "c", "value": "0"},
        ],
        "relations": [{"id": "s", "kind": "sum", "total": "a", "parts": ["b", "c"]}],
    }
    assert [f.code for f in perfcheck.check(doc).errors] == ["PC102"]
    doc["figures"][2]["decimals"] = 0  # type: ignore[index]  # a zero rounded to whole 万元: ±0.5
    assert perfcheck.check(doc).ok
    assert perfcheck.check(json.dumps(doc).encode()).ok  # the fast path agrees


# --- what is not a figure --------------------------------------------------------------------


def test_a_misprinted_number_is_no_figure() -> None:
    ledger, result = read_text("（一）收支\n总支出1,2,3.4.5万元，其中基本支出82.67万元。\n")
    assert [f.value for f in ledger.figures] == ["82.67"]
    assert result.findings == ()


def test_a_numbered_policy_name_is_no_count() -> None:
    ledger, _ = read_text("（一）\n认真落实中央八项规定精神，全年支出12.5万元，完成3项任务。\n")
    assert [(f.value, f.unit) for f in ledger.figures] == [("12.5", None), ("3", "项")]


# --- levels of a hierarchy are no parts ---------------------------------------------------------

LEVELS = "（二）绩效目标\n本项目共设绩效指标15个，其中一级指标3个，二级指标7个，三级指标15个。\n"


def test_the_levels_of_an_indicator_hierarchy_are_no_parts_of_it() -> None:
    ledger, result = read_text(LEVELS)
    assert result.ok, [f.message for f in result.errors]
    assert _sums(ledger) == []
    equal = [r for r in ledger.relations if r.kind == "equal"]
    values = {f.id: f.value for f in ledger.figures}
    assert [sorted(values[i] for i in r.operands()) for r in equal] == [["15", "15"]]
    # the deepest level is what the whole counts: a different count is one to check by hand
    _, changed = read_text(LEVELS.replace("三级指标15个", "三级指标14个"))
    assert changed.ok
    assert [f.code for f in changed.findings] == ["PC903"]


# --- a table printed one cell a line, with a two-row header and a row of changes ----------------

_CELLS = (
    "年度 合计 因公出国(境)费 公务接待费 公车购置及运行费 合计 车辆购置 车辆运行 "
    "2021年 400 20 80 300 100 200 "
    "2022年 300 10 90 200 50 150 "
    "2022年比2021年增减% -25.00 -50.00 12.50 -33.33 -50.00 -25.00"
)
CELL_LINES = "本年“三公”经费支出300万元，公车购置及运行费200万元。\n2022年与2021年支出对比\n" + "".join(
    f"{cell}\n|\n" for cell in _CELLS.split()
)


def test_a_table_printed_one_cell_a_line_is_read_as_a_table() -> None:
    ledger, result = read_text(CELL_LINES)
    assert not result.findings, [f.message for f in result.findings]
    sums = _sums(ledger)
    assert ("400", ["20", "80", "300"]) in sums  # the group's own 合计 column is the part
    assert ("200", ["50", "150"]) in sums
    changes = [r for r in ledger.relations if r.kind == "change"]
    values = {f.id: f.value for f in ledger.figures}
    assert {values[r.prior] for r in changes if r.prior} >= {"400", "20", "80", "300", "100", "200"}
    assert "-33.33%" in {values[r.percent] for r in changes if r.percent}


def test_a_wrong_rate_in_a_row_of_changes_is_found_to_check_by_hand() -> None:
    text = CELL_LINES.replace("-50.00\n|\n-25.00\n|\n", "-47.00\n|\n-25.00\n|\n")
    ledger, result = read_text(text)
    values = {f.id: f.value for f in ledger.figures}
    assert result.ok  # the layout was guessed: not an error
    assert [({values[i] for i in f.figures}, f.code) for f in result.findings] == [
        ({"100", "50", "-47.00%"}, "PC903")
    ]


TWO_ROW_HEADER = (
    "某县2021年“三公”经费决算情况统计表 | ||||\n"
    "单位:万元 | ||||\n"
    "项目 | 上年决算数 | 本年决算数 | 比上年增、减情况 | |\n"
    "增、减金额 | 增、减幅度 | |||\n"
    "合计 | 100.00 | 90.00 | -10.00 | -10% |\n"
    "1.因公出国(境)费 | 10.00 | 0 | -10.00 | -100% |\n"
    "2.公务接待费 | 30.00 | 30.00 | 0 | 0% |\n"
    "3.公务用车购置及运行费 | 60.00 | 60.00 | 0 | 0% |\n"
    "其中:(1)公务用车购置费 | 20.00 | 15.00 | -5.00 | -25% |\n"
    "(2)公务用车运行费 | 40.00 | 45.00 | 5.00 | 12.5% |\n"
)


def test_a_two_row_header_spreads_its_second_row_under_the_spanning_cell() -> None:
    ledger, result = read_text(TWO_ROW_HEADER)
    assert not result.findings, [f.message for f in result.findings]
    sums = _sums(ledger)
    assert ("100.00", ["10.00", "30.00", "60.00"]) in sums  # (2) is still inside the 其中 block
    assert ("60.00", ["20.00", "40.00"]) in sums
    values = {f.id: f.value for f in ledger.figures}
    changes = {frozenset(values[i] for i in r.operands()) for r in ledger.relations if r.kind == "change"}
    # the amount and the rate of a change are two statements
    assert frozenset({"40.00", "45.00", "5.00"}) in changes
    assert frozenset({"40.00", "45.00", "12.5%"}) in changes
    broken = TWO_ROW_HEADER.replace("| 5.00 | 12.5% |", "| 5.00 | 15.5% |")
    assert [f.code for f in read_text(broken)[1].findings] == ["PC903"]


# --- a repost in traditional characters -------------------------------------------------------

TRADITIONAL = (
    "二、三公經費\n"
    "2016年三公經費預算120.00萬元，較上年減少30.00萬元，下降20.0%。"
    "其中公務接待費50.00萬元，公務用車購置及運行費70.00萬元。\n"
)


def test_a_repost_in_traditional_characters_is_read_and_quoted_as_printed() -> None:
    ledger, result = read_text(TRADITIONAL)
    assert result.ok, [f.message for f in result.errors]
    assert ("120.00", ["50.00", "70.00"]) in _sums(ledger)
    assert "公務接待費" in {f.label for f in ledger.figures}  # its own words
    _, broken = read_text(TRADITIONAL.replace("下降20.0%", "下降25.0%"))
    assert [f.code for f in broken.errors] == ["PC302"]
    assert str(broken.errors[0].locations[0].source.text) == "三公經費預算120.00萬元"


# --- 下降到: the new value of what changed -------------------------------------------------------

CHANGED_TO = (
    "（三）教育支出\n"
    "教育支出2022年为2,000.00万元，2023年下降到1,500.00万元，比上年减少500.00万元，减少25.0%。\n"
)


def test_a_value_reached_by_a_change_is_compared_with_the_value_before_it() -> None:
    ledger, result = read_text(CHANGED_TO)
    assert result.ok, [f.message for f in result.errors]
    values = {f.id: f.value for f in ledger.figures}
    changes = [r for r in ledger.relations if r.kind == "change"]
    assert {(values[r.current], values[r.prior]) for r in changes if r.prior} == {("1,500.00", "2,000.00")}
    _, broken = read_text(CHANGED_TO.replace("减少25.0%", "减少33.3%"))
    assert [f.code for f in broken.errors] == ["PC302"]


# --- 占比 names no whole -----------------------------------------------------------------------

SHARE_OF_NOTHING_NAMED = (
    "（五）统计\n共有6个部门的经费比去年增加。按照这40个部门的经费结构，超过3亿开销用在公车方面，占比70%。\n"
)


def test_a_share_that_names_no_whole_is_not_matched_to_a_label_ending_in_bi() -> None:
    ledger, result = read_text(SHARE_OF_NOTHING_NAMED)
    assert result.ok, [f.message for f in result.errors]
    assert not [r for r in ledger.relations if r.kind == "share"]


# --- 其中 after a change: each part's change against its own figure -----------------------------

LISTED_CHANGES = (
    "（一）“三公”经费决算总体情况\n"
    "本单位2022年度“三公”经费财政拨款支出年初预算为30.00万元，支出决算为12.60万元，完成预算的42.00%，"
    "其中：公务用车购置及运行维护费支出决算为10.40万元；公务接待费支出决算为2.20万元。"
    "2022年度“三公”经费支出决算数小于预算数的主要原因是厉行节约。\n"
    "2022年度“三公”经费财政拨款支出决算数比2021年度减少1.40万元，降低10.00%，其中：公务用车购置及运行维护费"
    "支出决算减少1.60万元，降低13.33%；公务接待费支出决算增加0.20万元，增长10.00%。\n"
)


def test_the_changes_listed_after_a_change_belong_to_the_figures_named_before() -> None:
    ledger, result = read_text(LISTED_CHANGES)
    assert result.ok, [f.message for f in result.errors]
    values = {f.id: f.value for f in ledger.figures}
    changes = {frozenset(values[i] for i in r.operands()) for r in ledger.relations if r.kind == "change"}
    assert frozenset({"12.60", "1.40", "10.00%"}) in changes  # 决算数比2021年度: named before 比
    assert frozenset({"10.40", "1.60", "13.33%"}) in changes
    assert frozenset({"2.20", "0.20", "10.00%"}) in changes
    broken = LISTED_CHANGES.replace("降低13.33%", "降低15.33%")
    assert [f.code for f in read_text(broken)[1].errors] == ["PC302"]


# --- 较2024年的X减少Y，其中…: the list belongs to this year's figure ---------------------------------

PRIOR_IN_CLAUSE = (
    "（三）三公经费\n"
    "2025年“三公”经费预算1,969万元，较2024年的2,190万元减少221万元，其中：公务接待费120万元，"
    "公务用车运行费1,849万元。\n"
)


def test_a_list_after_a_comparison_belongs_to_this_years_figure() -> None:
    ledger, result = read_text(PRIOR_IN_CLAUSE)
    assert result.ok, [f.message for f in result.errors]
    assert _sums(ledger) == [("1,969", ["120", "1,849"])]
    labels = {f.value: f.label for f in ledger.figures}
    assert labels["2,190"] == "2024年“三公”经费预算"  # named by what it is, not by 的
    # parts that no longer add up make the 其中 list a partial one, which they now exceed
    broken = PRIOR_IN_CLAUSE.replace("公务接待费120万元", "公务接待费140万元")
    assert [f.code for f in read_text(broken)[1].errors] == ["PC103"]


# --- 分别比上年增加X、减少Y: paired in order -----------------------------------------------------

RESPECTIVE_CHANGES = (
    "（五）收支\n2023年本年收入300.00万元、本年支出280.00万元，分别比上年增加20.00万元、减少10.00万元。\n"
)


def test_respective_changes_are_paired_with_their_figures_in_order() -> None:
    ledger, result = read_text(RESPECTIVE_CHANGES)
    assert result.ok, [f.message for f in result.errors]
    values = {f.id: f.value for f in ledger.figures}
    pairs = {
        (values[r.current], values[r.delta], r.direction)
        for r in ledger.relations
        if isinstance(r, perfcheck.ChangeRelation) and r.delta
    }
    assert pairs == {("300.00", "20.00", "increase"), ("280.00", "10.00", "decrease")}


# --- 主要原因是A增加X、B减少Y: the breakdown of a change ---------------------------------------------

REASONS = (
    "（四）支出\n2023年支出合计500.00万元，比上年增加60.00万元，"
    "主要原因是人员经费增加40.00万元、公用经费增加30.00万元、项目支出减少10.00万元。\n"
)


def test_the_reasons_of_a_change_add_up_to_it_as_an_inferred_relation() -> None:
    ledger, result = read_text(REASONS)
    assert not result.findings, [f.message for f in result.findings]
    # 40 + 30 − 10 == 60, written as the balance 40 + 30 == 60 + 10
    [breakdown] = [r for r in ledger.relations if isinstance(r, perfcheck.BalanceRelation)]
    values = {f.id: f.value for f in ledger.figures}
    assert [values[i] for i in breakdown.inflows] == ["40.00", "30.00"]
    assert [values[i] for i in breakdown.outflows] == ["60.00", "10.00"]
    assert breakdown.basis == "inferred"
    _, broken = read_text(REASONS.replace("公用经费增加30.00万元", "公用经费增加35.00万元"))
    assert broken.ok  # the main reasons may leave some out: to check by hand
    assert [f.code for f in broken.findings] == ["PC903"]


# --- 决算数小于预算数Y: the budget is the actual plus the gap -----------------------------------------

BUDGET_GAP = (
    "（六）一般公共预算财政拨款支出\n2023年一般公共预算财政拨款支出决算为450.00万元，完成年初预算的90.00%，"
    "决算数小于预算数50.00万元，主要原因是项目未完工。\n"
)


def test_a_rate_against_the_budget_is_checked_through_the_printed_gap() -> None:
    ledger, result = read_text(BUDGET_GAP)
    assert not result.findings, [f.message for f in result.findings]
    assert [r.kind for r in ledger.relations] == ["formula"]
    _, broken = read_text(BUDGET_GAP.replace("90.00%", "91.00%"))
    assert len(broken.errors) == 1
    over = BUDGET_GAP.replace("90.00%", "112.50%").replace("小于", "大于")
    assert read_text(over)[1].ok


# --- a relation never mixes the years the text prints ------------------------------------------

TWO_YEARS = (
    "（一）收支总体情况\n"
    "2023年收入总计850.40万元，2022年收入总计760.20万元。2023年支出总计850.40万元，2022年支出总计760.20万元。\n"
)


def test_totals_of_two_years_balance_year_by_year() -> None:
    ledger, result = read_text(TWO_YEARS)
    assert result.ok, [f.message for f in result.errors]
    values = {f.id: f.value for f in ledger.figures}
    equal = [sorted(values[i] for i in r.operands()) for r in ledger.relations if r.kind == "equal"]
    assert sorted(equal) == [["760.20", "760.20"], ["850.40", "850.40"]]
    _, broken = read_text(TWO_YEARS.replace("2022年支出总计760.20", "2022年支出总计765.20"))
    # no carry-over listed under either total: whether they are a statement's (and balance)
    # is the reader's reading, so a gap is to be checked by hand, on 2022's totals only
    assert broken.ok
    assert [(f.code, f.message_params["code"]) for f in broken.findings] == [("PC903", "PC401")]


# --- 总计 that leave the carry-overs out: this year's income and spending, which need not meet ---

THIS_YEAR_TOTALS = (
    "（一）收入支出决算总体情况\n"
    "本单位2019年度收入总计318.40万元，支出总计251.00万元。与上年相比，收入增加12.40万元，支出减少20.10万元。\n"
    "年末结转和结余80.90万元，主要是工程款未到支付期。\n"
)


def test_totals_with_carry_overs_printed_apart_are_no_statement_to_balance_for_certain() -> None:
    _, result = read_text(THIS_YEAR_TOTALS)
    assert result.ok
    assert [(f.code, f.message_params["code"]) for f in result.findings] == [("PC903", "PC401")]


# --- 节约资金, 节约率: a saving against the budget ------------------------------------------------

SAVINGS = (
    "（二）政府采购\n"
    "2021年，本级政府采购预算规模为5,000.00万元，其中：货物类3,000.00万元；服务类2,000.00万元。"
    "实际采购规模为4,600.00万元。节约资金400.00万元，节约率为8.00%。\n"
)


def test_a_saving_is_the_budget_less_the_actual_and_its_rate_is_of_the_budget() -> None:
    ledger, result = read_text(SAVINGS)
    assert not result.findings, [f.message for f in result.findings]
    assert ("5,000.00", ["4,600.00", "400.00"]) in _sums(ledger)
    assert {r.kind for r in ledger.relations if r.basis == "inferred"} == {"sum", "ratio"}
    _, broken = read_text(SAVINGS.replace("节约率为8.00%", "节约率为8.70%"))
    assert [f.code for f in broken.findings] == ["PC903"]


# --- a sentence that opens with the comparison (PDF text, spaces around numbers) -----------------

OPENS_WITH_COMPARISON = (
    "（一）收入决算情况\n"
    "8.上年结转和结余 9.50 万元,为以前年度支出预算未执行完毕的资金。较 2022 年度决算数增加 0.95 万元,"
    "增长 11.1%,主要原因是合理安排了结算。\n"
)


def test_a_change_opening_its_sentence_is_of_the_amount_printed_just_before() -> None:
    ledger, result = read_text(OPENS_WITH_COMPARISON)
    assert not result.findings, [f.message for f in result.findings]
    values = {f.id: f.value for f in ledger.figures}
    changes = [r for r in ledger.relations if isinstance(r, perfcheck.ChangeRelation)]
    assert [(values[r.current], r.basis) for r in changes] == [("9.50", "inferred")]
    _, broken = read_text(OPENS_WITH_COMPARISON.replace("11.1%", "12.1%"))
    assert [f.code for f in broken.findings] == ["PC903"]


# --- a second change of one subject, and a list of changes opening the next sentence -------------

SECOND_BASE = (
    "（一）三公\n2016年三公经费预算总数为50.00亿元，比2015年预算数减少5.00亿元，下降9.1%；"
    "比2015年执行数减少2.00亿元，下降3.8%。\n"
)
NEXT_SENTENCE_LIST = (
    "（一）三公\n今年预算总额为4.60亿元，较2015年的5.00亿元减少0.40亿元，下降8%。"
    "其中，公务接待费0.90亿元，减少0.40亿元，下降30.8%；出国经费0.30亿元。\n"
)


def test_a_change_against_another_base_keeps_the_subject_of_its_period() -> None:
    ledger, result = read_text(SECOND_BASE)
    assert result.ok, [f.message for f in result.errors]
    values = {f.id: f.value for f in ledger.figures}
    changes = {
        (values[r.current], values[r.delta])
        for r in ledger.relations
        if isinstance(r, perfcheck.ChangeRelation)
    }
    assert changes == {("50.00", "5.00"), ("50.00", "2.00")}
    _, broken = read_text(SECOND_BASE.replace("下降3.8%", "下降4.8%"))
    assert [f.code for f in broken.findings] == ["PC903"]


def test_a_list_of_changes_may_open_the_sentence_after_the_change() -> None:
    ledger, result = read_text(NEXT_SENTENCE_LIST)
    assert result.ok, [f.message for f in result.errors]
    values = {f.id: f.value for f in ledger.figures}
    changes = {frozenset(values[i] for i in r.operands()) for r in ledger.relations if r.kind == "change"}
    assert frozenset({"0.90", "0.40", "30.8%"}) in changes
    _, broken = read_text(NEXT_SENTENCE_LIST.replace("下降30.8%", "下降35.8%"))
    assert [f.code for f in broken.errors] == ["PC302"]


# --- a 三公 table with no 合计 row, one cell a line ------------------------------------------------

_SANGONG_ROWS = (
    "经费项目|2021年度支出 (万元)|支出减少情况(万元)|支出减少率|"
    "因公出国(境)费|12.00|-|-|公务接待费|80.50|-|-|公务用车购置及运行维护费|900.25|-|-|"
    "公务用车购置费|300.00|-|-|公务用车运行维护费|600.25|-|-|“三公”经费支出|992.75|-|-"
)
SANGONG_CELLS = (
    "2021年度全区“三公”经费决算情况\n"
    + _SANGONG_ROWS.replace("|", "\n")
    + "\n根据以上数据，2021年度“三公”经费总支出为992.75万元。\n"
)


def test_a_sangong_table_sums_by_its_row_names() -> None:
    ledger, result = read_text(SANGONG_CELLS)
    assert not result.findings, [f.message for f in result.findings]
    sums = _sums(ledger)
    assert ("900.25", ["300.00", "600.25"]) in sums
    assert ("992.75", ["12.00", "80.50", "900.25"]) in sums
    _, broken = read_text(SANGONG_CELLS.replace("\n80.50\n", "\n81.50\n"))
    assert {f.code for f in broken.findings} == {"PC903"}


# --- lines wrapped mid-sentence (a PDF's text) ----------------------------------------------------

WRAPPED = (
    "（二）政府采购预算情况\n"
    "2023 年政府采购预算 20000 元。按政府采购项目类型划分，货物类采\n"
    "购 12000 元，占政府采购预算 60.0%；服务类采购 8000 元，占政府\n"
    "采购预算 40.0%。\n"
)


def test_a_name_wrapped_onto_the_next_line_is_read_whole() -> None:
    ledger, result = read_text(WRAPPED)
    assert result.ok, [f.message for f in result.errors]
    labels = {f.value: f.label for f in ledger.figures}
    assert labels["40.0%"] == "占政府采购预算"
    assert labels["20000"] == "政府采购预算"  # the 年 of "2023 年" is no part of the name
    values = {f.id: f.value for f in ledger.figures}
    shares = {
        (values[r.part], values[r.whole], values[r.stated])
        for r in ledger.relations
        if isinstance(r, perfcheck.ShareRelation)
    }
    assert ("8000", "20000", "40.0%") in shares
    _, broken = read_text(WRAPPED.replace("40.0%", "45.0%"))
    assert [f.code for f in broken.errors] == ["PC201"]


# --- binding: breakdowns in brackets, lists and shares after a change, per-category lists ------


def _basis(ledger: perfcheck.Ledger) -> dict[tuple[str, ...], str]:
    values = {f.id: f.value for f in ledger.figures}
    return {tuple(values[i] for i in r.operands()): r.basis for r in ledger.relations}


BRACKET_BREAKDOWN = (
    "（一）支出\n"
    "2022年支出合计500.00万元，其中：基本支出300.00万元（人员经费210.00万元、公用经费90.00万元），"
    "项目支出200.00万元。\n"
    "（二）三公\n"
    "三公经费800.00万元，其中：公务接待费300.00万元，公务用车购置及运行费500.00万元(公务用车购置费"
    "100.00万元，用于更新车辆；公务用车运行维护费400.00万元，主要用于燃料)。\n"
)


def test_a_breakdown_in_brackets_without_qizhong_is_no_part_of_the_outer_list() -> None:
    ledger, result = read_text(BRACKET_BREAKDOWN)
    assert result.ok
    assert not result.warnings, [f.message for f in result.findings]
    sums = _sums(ledger)
    assert ("500.00", ["300.00", "200.00"]) in sums
    assert ("300.00", ["210.00", "90.00"]) in sums
    assert ("500.00", ["100.00", "400.00"]) in sums  # across the ；inside the brackets
    assert ("800.00", ["300.00", "500.00"]) in sums
    labels = {f.value: f.label for f in ledger.figures}
    assert labels["210.00"] == "人员经费"  # the bracket is no part of the name
    basis = _basis(ledger)
    assert basis[("300.00", "210.00", "90.00")] == "inferred"  # no list word: inferred
    assert basis[("500.00", "300.00", "200.00")] == "stated"


def test_a_wrong_item_of_a_breakdown_in_brackets_is_a_warning_on_that_breakdown() -> None:
    ledger, result = read_text(BRACKET_BREAKDOWN.replace("公用经费90.00", "公用经费95.00"))
    assert result.ok  # inferred: checked by hand, never an error
    assert [f.code for f in result.warnings] == ["PC903"]
    assert error_values(ledger, result) == []
    values = {f.id: f.value for f in ledger.figures}
    assert {values[i] for i in result.warnings[0].figures} == {"300.00", "210.00", "95.00"}


AFTER_A_CHANGE = (
    "（一）收入\n"
    "2022年本年收入合计4734.32万元。收入合计减少2415.45万元，下降34%。其中：财政拨款收入2982.61万元，"
    "占本年收入63%，其他收入1751.71万元。\n"
    "（二）支出\n"
    "2022年支出合计900.00万元，比上年增加120.00万元，其中：人员经费80.00万元，公用经费40.00万元。\n"
    "（三）项目\n"
    "项目支出200.00万元，比上年增加50.00万元，增长33.3%，占总支出的22%。\n"
)


def test_a_list_or_share_after_a_change_never_makes_a_false_error() -> None:
    ledger, result = read_text(AFTER_A_CHANGE)
    assert result.ok
    assert not result.warnings, [f.message for f in result.findings]
    labels = {f.value: f.concept for f in ledger.figures}
    assert labels["2415.45"] is None  # by how much the income changed is no income
    basis = _basis(ledger)
    # the parts add up to the change, not to the total: the change's parts, inferred
    assert basis[("120.00", "80.00", "40.00")] == "inferred"
    # stepping over a sentence of changes to find the total: inferred
    assert basis[("4734.32", "2982.61", "1751.71")] == "inferred"
    # the share of what changed, found past the change's amount: inferred
    assert basis[("200.00", "900.00", "22%")] == "inferred"


def test_a_share_of_the_wrong_whole_after_a_change_is_a_warning_not_an_error() -> None:
    _, result = read_text(AFTER_A_CHANGE.replace("占总支出的22%", "占总支出的40%"))
    assert result.ok
    assert [f.code for f in result.warnings] == ["PC903"]


PER_CATEGORY = (
    "（一）采购\n"
    "全年采购预算10000.00万元，实际采购金额8500.00万元，共节约资金1500.00万元，节约率为15%，"
    "其中货物类采购计划金额5000.00万元，实际采购金额4300.00万元，节约资金700.00万元；"
    "工程类采购计划金额5000.00万元，实际采购金额4200.00万元，节约资金800.00万元。\n"
)


def test_a_qizhong_opening_a_breakdown_by_category_sums_only_the_totals_measure() -> None:
    ledger, result = read_text(PER_CATEGORY)
    assert result.ok
    assert not result.warnings, [f.message for f in result.findings]
    sums = _sums(ledger)
    assert ("1500.00", ["700.00", "800.00"]) in sums
    assert ("5000.00", ["4300.00", "700.00"]) in sums  # each category's saving
    assert ("5000.00", ["4200.00", "800.00"]) in sums
    assert _basis(ledger)[("1500.00", "700.00", "800.00")] == "inferred"


def test_a_wrong_category_saving_is_found_without_an_error() -> None:
    ledger, result = read_text(PER_CATEGORY.replace("节约资金800.00", "节约资金900.00"))
    assert result.ok
    assert {f.code for f in result.warnings} == {"PC903"}
    values = {f.id: f.value for f in ledger.figures}
    assert all("900.00" in {values[i] for i in f.figures} for f in result.warnings)


def test_an_amount_and_a_rate_each_said_with_tongbi_are_one_change() -> None:
    text = "（一）\n一般公共预算收入52.3亿元，同比增加3.1亿元，同比增长6.3%。\n"
    ledger, result = read_text(text)
    assert result.ok
    [change] = [r for r in ledger.relations if isinstance(r, perfcheck.ChangeRelation)]
    assert change.delta is not None
    assert change.percent is not None
    ledger, result = read_text(text.replace("6.3%", "7.3%"))
    assert [f.code for f in result.errors] == ["PC302"]


# --- several years of one statement: bases named by a year and a role -------------------------

YEARS = (
    "2016年本级“三公”经费预算\n"
    "2015年本级“三公”经费财政拨款执行数为30.00亿元。其中，因公出国（境）费8.00亿元，公务用车购置及运行费"
    "15.00亿元，公务接待费7.00亿元。与2015年年初预算相比，2015年本级“三公”经费财政拨款执行数减少3.00亿元，"
    "下降9.1%。其中，因公出国（境）费减少1.00亿元，公务用车购置及运行费减少1.50亿元，公务接待费减少0.50亿元。\n"
    "2016年本级“三公”经费财政拨款预算29.00亿元。其中，因公出国（境）费9.00亿元，公务用车购置及运行费14.00亿元，"
    "公务接待费6.00亿元。与2015年执行数相比，2016年本级“三公”经费财政拨款预算减少1.00亿元，下降3.3%。其中，"
    "因公出国（境）费增加1.00亿元，公务用车购置及运行费减少1.00亿元，公务接待费减少1.00亿元。\n"
)


def _operand_values(ledger: perfcheck.Ledger) -> list[tuple[str, list[str]]]:
    values = {f.id: f.value for f in ledger.figures}
    return [(r.kind, [values[i] for i in r.operands()]) for r in ledger.relations]


def test_changes_against_a_base_named_by_year_and_role() -> None:
    ledger, result = read_text(YEARS)
    assert result.ok
    assert not result.warnings, [f.message for f in result.findings]
    built = _operand_values(ledger)
    assert ("change", ["30.00", "3.00", "9.1%"]) in built  # 与2015年年初预算相比: the budget is not printed
    assert ("change", ["29.00", "30.00", "1.00"]) in built  # 与2015年执行数相比: 2015's 执行数 is
    assert ("change", ["29.00", "30.00", "3.3%"]) in built
    # the parts' decreases add up to the total's; with an increase among them, a balance
    assert ("sum", ["3.00", "1.00", "1.50", "0.50"]) in built
    assert ("balance", ["1.00", "1.00", "1.00", "1.00"]) in built


def test_a_wrong_rate_against_last_years_actual_is_found() -> None:
    _, result = read_text(YEARS.replace("下降3.3%", "下降4.3%"))
    assert result.ok  # the base was found by its name: to check by hand
    assert [f.code for f in result.warnings] == ["PC903"]
    _, result = read_text(YEARS.replace("公务接待费减少0.50亿元", "公务接待费减少0.90亿元"))
    assert [f.code for f in result.warnings] == ["PC903"]


# --- classes with no list word, a base said once, a budget printed after its rate ------------

CLASSES = (
    "（二）三公经费\n"
    "2016年本级“三公”经费预算总数为60.00亿元，比2015年预算数减少6.00亿元，下降9.1%。"
    "从预算分类来看，因公出国（境）费20.00亿元，比2015年预算数减少1.00亿元；公务接待费10.00亿元，"
    "减少2.00亿元；公务用车购置及运行费30.00亿元，减少3.00亿元。\n"
)


def test_classes_of_a_known_partition_detail_the_total_before_them() -> None:
    ledger, result = read_text(CLASSES)
    assert result.ok
    assert not result.warnings, [f.message for f in result.findings]
    built = _operand_values(ledger)
    assert ("sum", ["60.00", "20.00", "10.00", "30.00"]) in built
    assert _basis(ledger)[("60.00", "20.00", "10.00", "30.00")] == "inferred"
    # 减少2.00亿元 after 公务接待费: against the base the sentence named (2015年预算数)
    assert ("change", ["10.00", "2.00"]) in built
    assert ("sum", ["6.00", "1.00", "2.00", "3.00"]) in built


def test_a_wrong_class_or_class_change_is_a_warning() -> None:
    _, result = read_text(CLASSES.replace("公务接待费10.00亿元", "公务接待费12.00亿元"))
    assert result.ok
    assert [f.code for f in result.warnings] == ["PC903"]
    _, result = read_text(CLASSES.replace("减少3.00亿元", "减少3.50亿元"))
    assert [f.code for f in result.warnings] == ["PC903"]


def test_a_class_list_needs_a_total_naming_the_whole() -> None:
    # 因公出国/公务接待/公务用车 detail a “三公” total only, not any larger amount before them
    text = CLASSES.replace("本级“三公”经费预算总数", "本级部门预算总数")
    ledger, _ = read_text(text)
    assert ("sum", ["60.00", "20.00", "10.00", "30.00"]) not in _operand_values(ledger)


BASE_AFTER = (
    "（一）收入\n全县一般公共预算收入完成12.50亿元，完成年初预算的93.3%，年初预算13.40亿元。\n"
    "（二）支出\n一般公共预算支出45.60亿元，为预算的95.0%。一般公共预算支出预算为48.00亿元。\n"
)


def test_a_rate_whose_budget_is_printed_after_it_is_a_ratio_to_that_budget() -> None:
    ledger, result = read_text(BASE_AFTER)
    assert result.ok
    assert not result.findings
    built = _operand_values(ledger)
    assert ("ratio", ["12.50", "13.40", "93.3%"]) in built
    assert ("ratio", ["45.60", "48.00", "95.0%"]) in built
    _, result = read_text(BASE_AFTER.replace("95.0%", "92.0%"))
    assert [f.code for f in result.warnings] == ["PC903"]  # the budget came after: inferred


# --- periods and roles: every figure knows its year and its place in the budget cycle ----------

MIXED_YEARS = (
    "某单位2023年部门决算\n"
    "（一）收支总体情况\n"
    "2023年收入总计7033.15万元。2022年收入总计6462.57万元，支出总计6462.57万元。\n"
    "（二）收入情况\n"
    "2022年本年收入6000.00万元，上年结转462.57万元。2023年本年支出6800.00万元，结转下年233.15万元。\n"
    "（三）支出情况\n"
    "2022年基本支出3000.00万元。2023年项目支出3800.00万元，总支出6800.00万元。\n"
    "（四）结构\n"
    "2022年基本支出3000.00万元，占总支出的44.1%。\n"
)


def test_figures_know_their_year_and_no_relation_mixes_two_years() -> None:
    ledger, result = read_text(MIXED_YEARS)
    assert ledger.period == "2023"  # the report's own year, from its title
    periods = {f.value: f.period for f in ledger.figures}
    assert periods["7033.15"] is None  # of the document's year
    assert periods["6462.57"] == "2022"
    assert periods["6000.00"] == "2022"
    years = {f.id: f.period or ledger.period for f in ledger.figures}
    for rel in ledger.relations:
        assert len({years[i] for i in rel.operands()}) == 1, rel
    # no balance of 2022's income with 2023's spending, no split of 2023's total into 2022's part
    assert {r.kind for r in ledger.relations} == {"equal"}
    assert result.ok


def test_a_figure_compared_with_is_of_the_year_named() -> None:
    ledger, _ = read_text(PRIOR_IN_CLAUSE)
    periods = {f.value: f.period for f in ledger.figures}
    assert ledger.period == "2025"  # no year in the title: the first sentence's
    assert periods["2,190"] == "2024"
    assert periods["1,969"] is None  # the report's year
    assert periods["120"] is None  # the list after the comparison is of 2025 too


def test_the_report_year_comes_from_the_first_sentence_when_the_title_has_none() -> None:
    ledger, _ = read_text("部门决算说明\n本部门2021年度收入总计100.00万元，支出总计100.00万元。\n")
    assert ledger.period == "2021"


ROLES = (
    "（一）财政拨款支出\n"
    "一般公共预算财政拨款支出年初预算为100.00万元，调整预算为120.00万元，支出决算为118.00万元，"
    "完成调整预算的98.3%。一般公共预算收入执行数为90.00万元。\n"
)


def test_figures_know_their_role_in_the_budget_cycle() -> None:
    ledger, result = read_text(ROLES)
    roles = {f.value: f.role for f in ledger.figures}
    assert roles == {
        "100.00": "budget",
        "120.00": "adjusted_budget",
        "118.00": "final_account",
        "98.3%": None,
        "90.00": "executed",  # 一般公共预算 is a kind of budget, no role
    }
    assert ("ratio", ["118.00", "120.00", "98.3%"]) in _operand_values(ledger)
    assert result.ok


# --- coverage: what was read, what could not be judged, what could not be read ----------------

UNCHECKED = (
    "某局2022年决算\n（一）\n2022年支出合计900.00万元，比上年增加120.00万元。项目支出1,2,3.4.5万元。"
    "收入合计1000.00万元，比上年减少5.0%。\n"
)


def test_coverage_counts_relations_that_cannot_be_judged_and_numbers_that_cannot_be_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    found = extract(UNCHECKED)
    assert (found.summary.unreadable, found.summary.relations, found.summary.inferred) == (1, 2, 0)
    [passage] = found.unreadable
    assert passage.unreadable == ("1,2,3.4.5",)
    assert "1,2,3.4.5" not in {f.value for f in found.ledger.figures}
    assert "[not checkable: no prior printed" in found.explain()
    assert "numbers that could not be read" in found.explain()
    assert perfcheck.check(found.ledger).coverage.not_checkable == 2
    path = tmp_path / "report.txt"
    path.write_text(UNCHECKED, encoding="utf-8")
    assert main(["check", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out.rstrip().endswith("0 relations inferred, 2 not checkable")
    assert "could not read 1,2,3.4.5 (line 3)" in err
    assert main(["extract", str(path)]) == 0
    assert capsys.readouterr().err.rstrip().endswith("1 unreadable number")


# --- a table printed with spaces between its cells ------------------------------------------

SPACED_TABLE = (
    "某单位2023年部门决算\n"
    "（一）一般公共预算财政拨款支出决算表\n"
    "单位：万元\n"
    "科目编码 科目名称 年初预算数 决算数 完成率\n"
    "201 一般公共服务支出 150.00 140.00 93.3%\n"
    "20101 人大事务 100.00 90.00 90.0%\n"
    "20102 政协事务 50.00 50.00 100.0%\n"
    "合计 150.00 140.00 93.3%\n"
    "（二）三公经费\n"
    "2023年三公经费决算51.00万元。\n"
    "项目 预算数 决算数 上年数\n"
    "因公出国（境）费 10.00 8.00 9.00\n"
    "公务接待费 20.00 15.00 14.00\n"
    "公务用车购置及运行维护费 30.00 28.00 27.00\n"
    "合计 60.00 51.00 50.00\n"
)


def test_a_table_printed_with_spaces_between_cells_is_read_as_a_table() -> None:
    ledger, result = read_text(SPACED_TABLE)
    assert result.ok
    assert not result.warnings, [f.message for f in result.findings]
    built = _operand_values(ledger)
    assert ("sum", ["150.00", "100.00", "50.00"]) in built  # codes sum up their hierarchy
    assert ("ratio", ["140.00", "150.00", "93.3%"]) in built  # 完成率 = 决算数 ÷ 年初预算数
    assert ("sum", ["60.00", "10.00", "20.00", "30.00"]) in built  # rows sum to 合计
    assert ("sum", ["50.00", "9.00", "14.00", "27.00"]) in built
    assert all(r.basis == "inferred" for r in ledger.relations if r.id.startswith("t"))
    assert {f.value for f in ledger.figures if f.label == "科目名称"} == set()  # the header is no figure


def test_a_wrong_cell_of_a_spaced_table_is_a_warning() -> None:
    _, result = read_text(SPACED_TABLE.replace("公务接待费 20.00 15.00", "公务接待费 20.00 16.00"))
    assert result.ok
    assert {f.code for f in result.warnings} == {"PC903"}


# --- binding within a sentence: clauses, colons and brackets ----------------------------------

CLAUSES = (
    "二、全市收支\n"
    "全市一般公共预算收入安排80.0亿元，同比增长5.0%。其中：税收收入60.0亿元，非税收入20.0亿元。\n"
    "三、市本级收支\n"
    "市本级一般公共预算收入安排50.0亿元，同比增长3.7%，加上上级补助和调入资金等130.0亿元，收入总计180.0亿元。"
    "市本级收入安排40.0亿元，其中：税收收入30.0亿元，非税收入10.0亿元。\n"
    "市本级一般公共预算支出安排80.0亿元。其中：财力安排支出60.0亿元，比上年预算数增长10.1%，主要支出事项："
    "一般公共服务支出7.0亿元、教育支出8.0亿元等；上级专项、上年结转安排支出20.0亿元。\n"
    "四、收入结构\n"
    "财政拨款收入400.00万元（其中，一般公共预算400.00万元，政府性基金预算0万元），占收入合计100%；"
    "其他收入0万元，占收入合计0%。本年收入合计400.00万元。\n"
    "五、执行\n"
    "一般公共预算可用资金为230.00万元，为调整预算的111.86%。\n"
)


def test_clauses_colons_and_brackets_bind_figures_to_their_own_statement() -> None:
    ledger, result = read_text(CLAUSES)
    assert result.ok, [f.message for f in result.errors]
    built = _operand_values(ledger)
    # 同比增长3.7%，加上…130.0亿元: the amount of another clause is no amount of the change
    assert not any(k == "change" and "130.0" in v for k, v in built)
    # a colon list inside a 其中 list details its part: 80.0 = 60.0 + 20.0
    assert ("sum", ["80.0", "60.0", "20.0"]) in built
    # two wholes broken down alike (全市, 市本级) are not one quantity when no figure agrees
    assert not any(k == "equal" and {"80.0", "40.0"} <= set(v) for k, v in built)
    # 占收入合计100% after brackets: the share of the figure before the brackets
    assert ("share", ["400.00", "400.00", "100%"]) in built
    # 为调整预算的% with no budget printed: no ratio to another figure, only (not checkable) of
    # the figure it follows, with no denominator
    assert [v for k, v in built if k == "ratio" and "111.86%" in v] == [["230.00", "111.86%"]]
