"""A count followed by a colon and the names it counts: ``共4个单位：局本级、A中心、B站、C所。``

Own writing, in the shape of a procuratorate's and a sub-district office's 部门预算 说明: the
names after the colon, joined by 、, run to the sentence's end; their number is the count.
"""

from __future__ import annotations

from phrasing_texts import error_values, read_text, relation_values

UNITS = "一、部门构成\n本部门入编2019年部门预算共{n}个单位：局本级、信息中心、培训中心、档案室。\n"


def test_the_names_after_a_colon_are_counted() -> None:
    ledger, result = read_text(UNITS.format(n="4"))
    assert ({"4"}, "stated") in relation_values(ledger, "formula")
    assert result.ok


def test_a_count_the_names_do_not_make_is_an_error() -> None:
    ledger, result = read_text(UNITS.format(n="5"))
    assert {"5"} in error_values(ledger, result)


def test_names_that_run_on_past_a_comma_are_not_counted() -> None:
    # near miss: the list goes on after a comma, where the count's names end is not said
    text = "本部门共4个单位：局本级、信息中心，培训中心、档案室。\n"
    ledger, result = read_text(text)
    assert relation_values(ledger, "formula") == []
    assert error_values(ledger, result) == []


def test_items_with_figures_after_a_colon_are_no_names() -> None:
    # near miss: the items print figures of their own, they are no names to count
    text = "本年安排项目3个：A项目10万元、B项目20万元、C项目30万元。\n"
    ledger, result = read_text(text)
    assert not [v for v, _ in relation_values(ledger, "formula") if v == {"3"}]
    assert error_values(ledger, result) == []
