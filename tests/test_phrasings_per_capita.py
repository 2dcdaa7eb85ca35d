"""A figure per head after its total, over a head count printed before (module ``per_capita``).

Texts of our own writing, in the phrasings of school overviews and budget reports: the head
count the page divided by is not said, so the nearest candidate is taken, and a break is a
warning to check by hand (PC903), never an error.
"""

from __future__ import annotations

import pytest

from phrasing_texts import checked_by_hand, read_text, relation_values


def _per_head(text: str) -> list[set[str]]:
    return [values for values, basis in relation_values(read_text(text)[0], "formula") if basis == "inferred"]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("学校现有24个教学班，1000名学生，教师60名。图书室藏书20000册，人均20册。", {"20", "20000", "1000"}),
        ("全县户籍人口50万人。全年一般公共预算支出30亿元，人均6000元。", {"6000", "30", "50"}),
        ("全村共有农户200户。发放补贴资金60万元，户均3000元。", {"3000", "60", "200"}),
        ("本校在校生800人，教职工70人。全年公用经费240万元，生均3000元。", {"3000", "240", "800"}),
        ("全县户籍人口50万人。一般公共预算支出30亿元，人均支出6000元。", {"6000", "30", "50"}),
    ],
    ids=["books-per-student", "money-per-resident", "per-household", "per-student", "named-per-head"],
)
def test_a_figure_per_head_is_its_total_over_the_nearest_head_count(text: str, values: set[str]) -> None:
    assert values in _per_head(text)
    ledger, result = read_text(text)
    assert result.ok
    assert not checked_by_hand(ledger, result)


def test_a_wrong_figure_per_head_is_to_be_checked_by_hand() -> None:
    text = "学校现有1068名学生，有教师51名。图书室藏书16504册，人均16.7册。"
    ledger, result = read_text(text)
    assert result.ok  # the head count is the reader's choice: a warning, not an error
    assert {"16.7", "16504", "1068"} in checked_by_hand(ledger, result)


@pytest.mark.parametrize(
    "text",
    [
        "图书室藏书20000册，人均20册。",  # no head count printed
        "学校有教师60名。图书室藏书20000册，人均20册。",  # 20000 / 60 is far from 20: not its head count
        "学校现有1000名学生。人均20册，藏书20000册。",  # the total is printed after, not before
        "学校现有1000名学生。图书室藏书20000册；人均20万元。",  # another unit, another clause
        "全县户籍人口50万人。一般公共预算支出30亿元，人均收入6000元。",  # 收入 is not what was totalled
    ],
)
def test_no_head_count_is_guessed_without_a_near_one(text: str) -> None:
    assert not _per_head(text)
