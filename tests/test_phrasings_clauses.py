"""Phrasings inside sentences: two bases side by side, a part named in its change, wrapped units.

Every text here is our own writing, reproducing the structure of sentences real reports
print (bench/corpus holds the index of the real pages).
"""

from __future__ import annotations

import perfcheck
from perfcheck._read.text.numbers import find
from phrasing_texts import read_text, relation_values


def _changes(ledger: perfcheck.Ledger) -> list[tuple[set[str], str]]:
    return relation_values(ledger, "change")


SIDE_BY_SIDE = (
    "2023年某局“三公”经费说明\n"
    "2023年“三公”经费支出决算50.00万元，比上年减少10.00万元，下降16.67%；"
    "比预算减少5.00万元，下降9.09%。\n"
)


def test_a_change_against_the_budget_after_one_against_last_year_is_of_the_same_figure() -> None:
    ledger, result = read_text(SIDE_BY_SIDE)
    assert not result.findings, [f.message for f in result.findings]
    changes = _changes(ledger)
    assert ({"50.00", "10.00", "16.67%"}, "stated") in changes
    # the budget is not printed: the rate is tied to the amount through a base put together
    assert ({"50.00", "5.00", "9.09%"}, "inferred") in changes
    _, broken = read_text(SIDE_BY_SIDE.replace("下降9.09%", "下降12.00%"))
    assert broken.ok
    assert [f.code for f in broken.findings] == ["PC903"]


def test_a_second_change_against_another_year_is_of_the_same_figure() -> None:
    text = SIDE_BY_SIDE.replace("比预算减少5.00万元，下降9.09%", "比2021年减少20.00万元，下降28.57%")
    ledger, result = read_text(text)
    assert not result.findings, [f.message for f in result.findings]
    assert {"50.00", "20.00", "28.57%"} in [values for values, _ in _changes(ledger)]
    _, broken = read_text(text.replace("下降28.57%", "下降30.00%"))
    assert [f.code for f in broken.findings if f.severity.value != "info"] in (["PC302"], ["PC903"])


PART_IN_ITS_CHANGE = (
    "2023年某局“三公”经费说明\n"
    "2023年“三公”经费支出决算50.00万元，其中公务接待费8.00万元，公务用车运行费42.00万元。"
    "“三公”经费支出决算比上年减少10.00万元，下降16.67%，其中公务接待费比上年减少2.00万元，下降20.00%。\n"
)


def test_a_part_named_only_inside_its_change_clause_is_found_by_its_name() -> None:
    ledger, result = read_text(PART_IN_ITS_CHANGE)
    assert not result.findings, [f.message for f in result.findings]
    assert ({"8.00", "2.00", "20.00%"}, "inferred") in _changes(ledger)
    _, broken = read_text(PART_IN_ITS_CHANGE.replace("下降20.00%", "下降25.00%"))
    assert broken.ok  # found by its name: to check by hand
    assert "PC903" in [f.code for f in broken.findings]


def test_a_unit_wrapped_onto_the_next_line_is_the_numbers() -> None:
    text = "经营收入较2022年度决算数增加0.00\n万元，增长0%。"
    assert [(m.text, m.unit) for m in find(text, 0, len(text))] == [
        ("2022", None),
        ("0.00", "万元"),
        ("0", "%"),
    ][1:]
    other = "合计 12\n项目支出"
    assert [(m.text, m.unit) for m in find(other, 0, len(other))] == [("12", None)]


def test_hours_are_no_count_but_classes_are() -> None:
    text = "有43个小学教学班，每天8个小时。"
    assert [(m.text, m.unit) for m in find(text, 0, len(text))] == [("43", "个")]


LAST_YEARS = (
    "某单位2023年部门决算说明\n"
    "2023年本年收入450.00万元，上年结转50.00万元，收入总计500.00万元。"
    "上年支出合计420.00万元，其中基本支出300.00万元，项目支出120.00万元。\n"
)


def test_a_figure_named_last_years_is_of_the_year_before_a_carryover_is_not() -> None:
    ledger, result = read_text(LAST_YEARS)
    assert not result.findings, [f.message for f in result.findings]
    periods = {f.value: f.period for f in ledger.figures}
    assert periods["420.00"] == "2022"
    assert periods["50.00"] is None  # 上年结转: this year's income, carried over
    values = {f.id: f.value for f in ledger.figures}
    sums = [{values[i] for i in r.operands()} for r in ledger.relations if r.kind in {"sum", "balance"}]
    assert {"420.00", "300.00", "120.00"} in sums  # the parts are of their total's year: kept
    assert {f.value: f.period for f in ledger.figures}["300.00"] == "2022"


BOTH_TOTALS = (
    "某镇2024年部门决算说明\n"
    "1.总体情况。2024年度收入总计3000.00万元，支出总计3000.00万元。收、支与2023年度相比，减少600.00万元，"
    "下降16.7%，主要原因是项目减少。\n"
)


def test_income_and_spending_named_by_one_character_each_both_changed() -> None:
    ledger, result = read_text(BOTH_TOTALS)
    assert not result.findings, [f.message for f in result.findings]
    labels = {f.id: f.label for f in ledger.figures}
    changes = [labels[r.current] for r in ledger.relations if r.kind == "change"]
    assert changes == ["收入总计", "支出总计"]
    _, broken = read_text(BOTH_TOTALS.replace("下降16.7%", "下降20.0%"))
    assert [f.code for f in broken.findings if f.severity.value != "info"] == ["PC903", "PC903"]


PARTS_AGAINST_A_NAMED_YEAR = (
    "某部门“三公”经费预算说明\n"
    "2022年“三公”经费财政拨款执行数60.00亿元。其中，因公出国(境)费10.00亿元，公务用车购置及运行费"
    "35.00亿元，公务接待费15.00亿元。\n"
    "2023年“三公”经费财政拨款预算58.00亿元。其中，因公出国(境)费12.00亿元，公务用车购置及运行费"
    "33.00亿元，公务接待费13.00亿元。与2022年执行数相比，2023年“三公”经费财政拨款预算减少2.00亿元。"
    "其中，因公出国(境)费增加2.00亿元，公务用车购置及运行费减少2.00亿元，公务接待费减少2.00亿元。\n"
)


def test_each_part_changes_against_its_own_figure_of_the_named_year_and_role() -> None:
    ledger, result = read_text(PARTS_AGAINST_A_NAMED_YEAR)
    assert not result.findings, [f.message for f in result.findings]
    values = {f.id: f.value for f in ledger.figures}
    priors = {
        (values[r.current], values[r.prior]) for r in ledger.relations if r.kind == "change" and r.prior
    }
    assert {("12.00", "10.00"), ("33.00", "35.00"), ("13.00", "15.00")} <= priors
    _, broken = read_text(
        PARTS_AGAINST_A_NAMED_YEAR.replace("公务接待费减少2.00亿元", "公务接待费减少3.00亿元")
    )
    assert "PC903" in [f.code for f in broken.findings]
    assert broken.ok
