"""One item printed for this year and last side by side, then its change against 上年.

Own writing, in the shape of a bureau's 部门决算: each year's total and its parts first, then
``2019年度基本支出300万元，2018年度基本支出250万元，2019年比上年基本支出增加50万元`` — the change is this
year's figure against last year's printed just before it, the name said again or not at all
(``…2018年项目支出80万元，与上年相比增了40万元``).
"""

from __future__ import annotations

from phrasing_texts import error_values, read_text, relation_values

REPORT = (
    "某局2019年度部门决算\n"
    "2019年度支出合计420万元，其中：基本支出300万元；项目支出120万元。"
    "2018年度支出合计330万元，其中：基本支出250万元；项目支出80万元。"
    "2019年度基本支出300万元，2018年度基本支出250万元，2019年比上年基本支出增加{basic}万元，"
    "主要原因是人员增加，2019年项目支出120万元，2018年项目支出80万元，与上年相比增了{project}万元。\n"
)


def changes(text: str) -> list[tuple[set[str], str]]:
    ledger, _ = read_text(text)
    return relation_values(ledger, "change")


def test_the_change_is_this_years_against_last_years_printed_before() -> None:
    found = changes(REPORT.format(basic="50", project="40"))
    assert ({"300", "250", "50"}, "stated") in found
    assert ({"120", "80", "40"}, "stated") in found
    _, result = read_text(REPORT.format(basic="50", project="40"))
    assert result.ok


def test_a_change_that_is_not_the_difference_is_an_error() -> None:
    ledger, result = read_text(REPORT.format(basic="60", project="40"))
    assert {"300", "250", "60"} in error_values(ledger, result)


def test_two_names_side_by_side_are_no_one_items_years() -> None:
    # near miss: 基本支出 and 项目支出 are two things, the change naming nothing is not between them
    text = "某局2019年度部门决算\n2019年基本支出300万元，2018年项目支出250万元，与上年相比增加50万元。\n"
    assert not any({"300", "250"} <= v for v, _ in changes(text))
