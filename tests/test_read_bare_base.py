"""A change's base printed bare between its base word and its change: ``较上年2.5减少1.95万元``.

Texts of our own writing. A change compares like with like, so the base is in the unit of
the change's amount printed right after it; any other bare number stays no figure.
"""

from __future__ import annotations

import pytest

import perfcheck
from perfcheck._read.text.numbers import find
from phrasing_texts import read_text, relation_values


@pytest.mark.parametrize(
    ("text", "base", "unit"),
    [
        ("2023年公务接待费预算为0.80万元，较上年3.2减少2.40万元，下降75%。", "3.2", "万元"),
        ("公务用车运行维护费6万元，比上年6.5减少0.5万元，下降7.7%。", "6.5", "万元"),
        ("会议费支出12.6万元，较2022年10.1增加2.5万元，增长24.8%。", "10.1", "万元"),
        ("培训费支出4200元，比上年度3800增加400元。", "3800", "元"),
        # 比上年的X增加Y: the base named with 的
        ("生均经费为14,609.52元，比上年的12,530.03增加2,079.49元，增长16.60%。", "12,530.03", "元"),
        ("普通高中为1,276.50万元，较2022年的1,238.80增加37.70万元，增长3.04%。", "1,238.80", "万元"),
        ("公务接待费0.55万元，比上年度决算数的2.5减少1.95万元。", "2.5", "万元"),
        ("教育经费总投入16.3亿元，比上年的15.5增加0.8亿元，增长5.2%。", "15.5", "亿元"),
    ],
)
def test_the_base_takes_the_unit_of_the_changes_amount(text: str, base: str, unit: str) -> None:
    mentions = {m.text: m.unit for m in find(text, 0, len(text))}
    assert mentions[base] == unit
    ledger, result = read_text(text)
    assert base in {f.value for f in ledger.figures}
    assert not result.errors


def test_a_change_against_a_bare_base_is_checked_as_one_against_a_printed_unit() -> None:
    text = "2023年公务接待费预算为0.80万元，较上年3.2减少2.40万元，下降75%。"
    ledger, _ = read_text(text)
    changes = relation_values(ledger, "change")
    assert any({"0.80", "3.2"} <= values for values, _ in changes)
    broken, _ = read_text(text.replace("较上年3.2减少", "较上年3.4减少"))
    assert not perfcheck.check(broken).ok  # 3.4 - 2.40 is not 0.80: stated, so an error


@pytest.mark.parametrize(
    "text",
    [
        "较上年2.5，减少1.95万元。",  # a delimiter between: the base is not the change's
        "比上年12减少3人。",  # the change counts people: no amount to take a unit from
        "较上年2.5减少。",  # no amount after the change
        "项目2.5减少1.95万元。",  # no base word before it
        "比上年增长2.5减少1.95万元。",  # a rate word, not a base, before it
    ],
)
def test_no_unit_is_given_without_a_base_word_and_an_amount_right_after(text: str) -> None:
    assert "2.5" not in {m.text for m in find(text, 0, len(text))} or all(
        m.unit is None for m in find(text, 0, len(text)) if m.text in {"2.5", "12"}
    )
    assert not [m for m in find(text, 0, len(text)) if m.text in {"2.5", "12"} and m.kind != "bare"]


def test_a_base_named_with_de_is_the_prior_of_both_statements() -> None:
    text = "2023年中等职业学校生均经费为14,609.52元，比上年的12,530.03增加2,079.49元，增长16.60%。"
    ledger, result = read_text(text)
    changes = [values for values, _ in relation_values(ledger, "change")]
    assert {"14,609.52", "12,530.03", "2,079.49"} in changes
    assert {"14,609.52", "12,530.03", "16.60%"} in changes
    assert result.ok
