"""A share of a whole named with 总量 (总额, 总数): ``占财政支出总量的19.8%`` is of the figure named 财政支出.

Every text here is our own writing, reproducing the structure of sentences real reports print.
"""

from __future__ import annotations

from phrasing_texts import error_values, read_text, relation_values

SPENDING = (
    "1-9月，全市财政支出完成200.00亿元，为预算的80%，增长9%。\n"
    "加大教育资金投入，教育支出40.00亿元，增长12%，占财政支出总量的20%，主要用于学前教育。\n"
    "医疗卫生支出30.00亿元，增长20%，占财政支出总量的15%。\n"
)


def test_a_share_of_a_whole_named_with_zongliang_is_of_the_figure_of_that_name() -> None:
    ledger, result = read_text(SPENDING)
    shares = relation_values(ledger, "share")
    assert any(values == {"40.00", "200.00", "20%"} for values, _ in shares), shares
    assert any(values == {"30.00", "200.00", "15%"} for values, _ in shares), shares
    assert result.ok, error_values(ledger, result)


def test_a_share_copied_from_the_line_before_is_caught() -> None:
    # the words name the whole: a stated share, broken, is an error
    ledger, result = read_text(SPENDING.replace("占财政支出总量的15%", "占财政支出总量的20%"))
    assert error_values(ledger, result) == [{"30.00", "200.00", "20%"}]


def test_a_short_name_left_by_zongliang_names_no_whole() -> None:
    # 占采购总量: 采购 alone would name any 采购 figure; no share is read of one
    text = "全年政府采购规模70.00亿元。货物类采购10.00亿元，占采购总量的14.29%；工程类采购40.00亿元。"
    ledger, result = read_text(text)
    assert not any("40.00" in values and "10.00" in values for values, _ in relation_values(ledger, "share"))
    assert result.ok, error_values(ledger, result)
