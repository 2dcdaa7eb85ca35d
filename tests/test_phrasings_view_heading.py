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
