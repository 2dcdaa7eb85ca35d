"""A rate against another rate printed beside it, by percentage points.

Own writing, in the shapes of 教育经费 statistics notices and county revenue news items:
``占…的比例为11.50%，比上年的10.20%增加了1.30个百分点``, ``增长20.0%，比全省平均水平（18.0%）高2.0个百分点``.
"""

from __future__ import annotations

import pytest

from phrasing_texts import error_values, read_text, relation_values

SHARE = "2019年，全县一般公共预算教育经费5000万元，占一般公共预算支出43478万元的比例为11.50%，比上年的{prior}%{word}{points}个百分点。"
GROWTH = "全县一般公共预算收入完成50.3亿元，增长20.0%，比全省平均水平（{prior}%）{word}{points}个百分点。"


@pytest.mark.parametrize(
    ("text", "prior", "word", "points"),
    [
        (SHARE, "10.20", "增加了", "1.30"),
        (SHARE, "12.70", "下降", "1.20"),
        (GROWTH, "18.0", "高", "2.0"),
        (GROWTH, "21.5", "低", "1.5"),
    ],
)
def test_the_points_are_the_difference_of_the_two_rates(
    text: str, prior: str, word: str, points: str
) -> None:
    ledger, result = read_text(text.format(prior=prior, word=word, points=points))
    assert [(v, b) for v, b in relation_values(ledger, "formula") if points in v] == [
        ({f"{prior}%", points} | ({"11.50%"} if text is SHARE else {"20.0%"}), "stated")
    ]
    assert result.ok, error_values(ledger, result)


def test_points_that_are_not_the_difference_are_an_error() -> None:
    # 11.50 - 10.20 is 1.30, not 1.80
    ledger, result = read_text(SHARE.format(prior="10.20", word="增加了", points="1.80"))
    assert {"11.50%", "10.20%", "1.80"} in error_values(ledger, result)


@pytest.mark.parametrize(
    "text",
    [
        # the other rate is not printed: nothing to check the points with
        "全县支出增长21.4%，高于全省平均支出增幅5.9个百分点。",
        # another figure stands between the rate and the comparison
        "教育经费占支出的比例为11.50%，支出43478万元，比上年的10.20%增加了1.80个百分点。",
        # percent, not points: a rate compared with a rate, said otherwise
        "教育经费占比11.50%，比上年的10.20%增加了1.80%。",
    ],
)
def test_no_formula_without_both_rates_and_the_points_in_a_row(text: str) -> None:
    ledger, result = read_text(text)
    assert not relation_values(ledger, "formula")
    assert result.ok, error_values(ledger, result)
