"""The whole a share's words name: the figure they name nearest before the part, not a headline's.

Every text here is own writing, in the shapes real 预算执行 news pages print.
"""

from __future__ import annotations

from phrasing_texts import error_values, read_text, relation_values

# A headline rounds the total; the body prints it in full as 全省…支出完成, then a share of 财政支出.
HEADLINE = (
    "前三季度某省财政支出512亿\n"
    "据统计，全省公共财政支出完成512.36亿元，增长8.2%。"
    "与民生相关的支出累计完成380.10亿元，占财政支出比重74.2%。"
)


def test_a_share_of_a_named_whole_is_of_the_full_figure_nearest_before() -> None:
    ledger, result = read_text(HEADLINE)
    shares = relation_values(ledger, "share")
    assert ({"380.10", "512.36", "74.2%"}, "stated") in shares
    assert not any("512" in values for values, _ in shares)
    assert result.ok, error_values(ledger, result)


def test_a_wrong_share_of_that_whole_is_still_an_error() -> None:
    ledger, result = read_text(HEADLINE.replace("74.2%", "72.4%"))
    assert {"380.10", "512.36", "72.4%"} in error_values(ledger, result)
