"""A budget's completion rate against the time gone by (序时进度, 时间进度).

The texts are our own writing; they reproduce mid-year execution reports that print
``为预算的65.7%，快于序时进度15.7个百分点``: the gap is the rate less the share of the year
gone by (6/12 at the half year), read from the period the text names. The share is the
reader's reading, so a gap that does not hold is a warning to check by hand, never an error.
"""

from __future__ import annotations

import pytest

from phrasing_texts import checked_by_hand, read_text, relation_values

TEXTS = [
    pytest.param(
        "某县上半年财政收支情况\n全县一般公共预算收入完成5200万元，为预算的58.2%，快于序时进度8.2个百分点。\n",
        "8.2",
        id="half-year-title",
    ),
    pytest.param(
        "预算执行情况\n今年1-4月，全市一般公共预算收入完成12.5亿元，完成年度预算的36.4%，超过时间进度3.1个百分点。\n",
        "3.1",
        id="four-months",
    ),
    pytest.param(
        "财政运行情况\n2024年一季度，全区一般公共预算支出完成8.6亿元，占年初预算的21.0%，慢于序时进度4.0个百分点。\n",
        "4.0",
        id="behind-quarter",
    ),
    pytest.param(
        "某镇财政收支实现“双过半”\n今年以来收入平稳。2024年1至6月份，全镇情况如下。\n"
        "全镇税收收入完成3100万元，占年预算的54.5%，超序时进度4.5个百分点。\n",
        "4.5",
        id="opening-lines",
    ),
]


@pytest.mark.parametrize(("text", "gap"), TEXTS)
def test_the_gap_to_time_progress_is_the_rate_less_the_months_gone(text: str, gap: str) -> None:
    ledger, result = read_text(text)
    assert result.ok
    assert not result.warnings, [f.message for f in result.findings]
    formulas = relation_values(ledger, "formula")
    assert any(gap in values and basis == "inferred" for values, basis in formulas), formulas


@pytest.mark.parametrize(("text", "gap"), TEXTS)
def test_a_misprinted_gap_is_to_be_checked_by_hand(text: str, gap: str) -> None:
    wrong = text.replace(f"{gap}个百分点", "9.9个百分点")
    ledger, result = read_text(wrong)
    assert not result.errors, [f.message for f in result.errors]
    assert any("9.9" in values for values in checked_by_hand(ledger, result))


def test_no_gap_is_read_when_the_period_is_not_one() -> None:
    text = (
        "预算执行情况\n一季度收入增长5%。1-6月，全县一般公共预算收入完成5200万元，为预算的58.2%。"
        "上半年以来支出平稳，1-5月支出完成预算的40%，快于序时进度8.2个百分点。\n"
    )
    ledger, _ = read_text(text)
    assert not any("8.2" in values for values, _ in relation_values(ledger, "formula"))
