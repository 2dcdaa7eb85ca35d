"""A chapter that opens by a point of view (二、分收入结构看：) breaks down the total of the chapter before.

Every text here is our own writing, reproducing the structure of sentences real reports print.
"""

from __future__ import annotations

from phrasing_texts import error_values, read_text, relation_values

CHAPTERS = (
    "一、截至2016年6月底，累计完成财政总收入5000万元，比上年同期增加500万元，增长11.11%。\n"
    "二、分收入结构看：截至2016年6月底，累计完成税收收入3000万元，增加200万元，增长7.14%；"
    "累计完成非税收入2000万元，增加300万元，增长17.65%。\n"
)


def test_a_heading_classification_is_an_inferred_sum_of_the_total_before_it() -> None:
    ledger, result = read_text(CHAPTERS)
    assert ({"5000", "3000", "2000"}, "inferred") in relation_values(ledger, "sum")
    assert result.ok, error_values(ledger, result)
    assert not result.findings


def test_a_heading_classification_that_does_not_add_up_is_to_be_checked_by_hand() -> None:
    _, result = read_text(CHAPTERS.replace("非税收入2000万元", "非税收入1900万元"))
    assert result.ok
    assert "PC903" in {f.code for f in result.findings}


# --- a breakdown headed as the situation of a classification (分地区…完成情况：) -----------------

SITUATIONS = (
    "1月，全市一般公共预算收入累计完成80.0亿元，同比增收2.0亿元，增长2.6%。\n"
    "{heading}市区完成60.5亿元，同比增收1.5亿元，其中：甲区完成20.0亿元，乙区完成40.5亿元；"
    "丙县完成19.5亿元，同比增收0.5亿元。\n"
)


def test_a_situation_of_a_classification_breaks_down_the_total_before() -> None:
    for heading in ("分地区一般公共预算收入完成情况：", "分区县收入情况：", "二、分地区完成情况："):
        ledger, result = read_text(SITUATIONS.format(heading=heading))
        sums = relation_values(ledger, "sum")
        assert ({"80.0", "60.5", "19.5"}, "inferred") in sums, heading
        assert ({"2.0", "1.5", "0.5"}, "inferred") in sums, heading  # their changes add up too
        assert result.ok, error_values(ledger, result)
        assert not result.findings, [f.message for f in result.findings]


def test_a_situation_named_by_no_classification_is_no_breakdown() -> None:
    ledger, _ = read_text(SITUATIONS.format(heading="其他收入完成情况："))
    assert ({"80.0", "60.5", "19.5"}, "inferred") not in relation_values(ledger, "sum")
