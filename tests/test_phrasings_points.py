"""Percentage points after 高于/低于: by how much a rate is higher, never a rate compared with.

Every text here is own writing, in the shapes real 预算执行 news pages print.
"""

from __future__ import annotations

from phrasing_texts import error_values, read_text, relation_values

MARGINS = "上半年，全市民生支出88.2亿元，增长21%，高于全市支出增幅2.6个百分点，高于去年同期9.4个百分点。"


def test_two_margins_in_points_are_not_compared_with_each_other() -> None:
    ledger, result = read_text(MARGINS)
    assert not relation_values(ledger, "compare")
    assert result.ok, error_values(ledger, result)


def test_margins_printed_in_traditional_characters_are_points_too() -> None:
    traditional = MARGINS.replace("个百分点", "個百分點")
    ledger, result = read_text(traditional)
    assert {f.unit for f in ledger.figures if f.value in {"2.6", "9.4"}} == {"个百分点"}
    assert not relation_values(ledger, "compare")
    assert result.ok, error_values(ledger, result)


def test_a_rate_above_its_target_is_still_compared() -> None:
    ledger, result = read_text("群众满意度达88%，高于年度目标值90%。")
    assert relation_values(ledger, "compare")
    assert not result.ok
