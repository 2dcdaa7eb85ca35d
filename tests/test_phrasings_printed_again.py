"""One quantity printed again in another section, its name printed a little otherwise.

Own writing, in the shape of a county's quarterly 预算执行 report and an office's 部门预算: the
summary prints ``全县一般公共预算收入累计完成52310万元``, a later section ``一般公共预算收入完成52310万元``;
an office prints ``项目支出（专项业务经费）1258400元`` then, describing its projects,
``安排项目支出1258400元``. Scope words, 安排, a trailing 累计完成 and a note in brackets aside,
the two are one quantity.
"""

from __future__ import annotations

from phrasing_texts import read_text, relation_values

EXECUTION = (
    "一、总体情况\n"
    "1-6月份，全县一般公共预算收入累计完成52310万元，占预算的48.2%，增长6.1%。\n"
    "二、主要特点\n"
    "（一）收入平稳。1-6月份，一般公共预算收入完成52310万元，同比增长6.1%。\n"
)

PROJECTS = (
    "一、部门预算\n"
    "2019年部门经费预算3150400元，基本支出1892000元；项目支出（专项业务经费）1258400元。\n"
    "二、项目说明\n"
    "2019年安排项目支出1258400元，具体项目如下。\n"
)


def equalities(text: str) -> list[set[str]]:
    ledger, _ = read_text(text)
    return [v for v, _ in relation_values(ledger, "equal")]


def test_an_execution_total_printed_again_is_one_quantity() -> None:
    assert {"52310"} in equalities(EXECUTION)


def test_a_projects_total_printed_again_is_one_quantity() -> None:
    assert {"1258400"} in equalities(PROJECTS)


def test_two_names_that_differ_past_those_words_are_two_quantities() -> None:
    # near miss: 收入 and 支出 printed with one value are two quantities
    text = EXECUTION.replace("一般公共预算收入完成52310", "一般公共预算支出完成52310")
    assert {"52310"} not in equalities(text)


def test_a_name_too_short_once_stripped_pairs_nothing() -> None:
    # near miss: 完成 alone, once 累计完成 is taken off, names nothing
    text = "一、总体\n累计完成800万元。\n二、进度\n完成800万元。\n"
    assert {"800"} not in equalities(text)
