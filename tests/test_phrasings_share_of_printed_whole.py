"""A share whose whole is printed inside it, said as a proportion: ``占支出29472万元的比例为11.32%``.

Own writing, in the shape of a 教育经费 statistics notice: the rate is the subject over the whole
printed between 占 and 的, whatever word for a proportion (比例, 比重) stands before it.
"""

from __future__ import annotations

import pytest

from phrasing_texts import error_values, read_text, relation_values

TEXT = "2017年，全区一般公共预算教育经费3300.00万元，占一般公共预算支出30000万元的{words}{rate}%。"


@pytest.mark.parametrize("words", ["", "比例为", "比重为", "比例", "比重是"])
def test_the_rate_is_the_subject_over_the_printed_whole(words: str) -> None:
    ledger, result = read_text(TEXT.format(words=words, rate="11.00"))
    assert ({"3300.00", "30000", "11.00%"}, "stated") in relation_values(ledger, "ratio")
    assert result.ok, error_values(ledger, result)


def test_a_rate_that_is_not_the_proportion_is_an_error() -> None:
    ledger, result = read_text(TEXT.format(words="比例为", rate="12.00"))
    assert {"3300.00", "30000", "12.00%"} in error_values(ledger, result)


def test_a_rate_after_other_words_is_no_share_of_that_figure() -> None:
    # near miss: 的增幅 is how the whole grew, not what share of it the subject is
    text = "全区一般公共预算教育经费3300.00万元，占一般公共预算支出30000万元的增幅为5.00%。"
    ledger, result = read_text(text)
    assert not [v for v, _ in relation_values(ledger, "ratio", "share") if "5.00%" in v]
    assert result.ok, error_values(ledger, result)
