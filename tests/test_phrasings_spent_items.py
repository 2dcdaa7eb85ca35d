"""A 其中 list whose items each open with 用于 (what the money went to).

The texts are our own writing; they reproduce the layout of lottery-fund notices that print
``其中：用于A …万元；用于B …万元`` under a total: each 用于 opens an item of the list, none
opens a list of its own (the first item was taken as the total of the second before).
"""

from __future__ import annotations

import pytest

from phrasing_texts import checked_by_hand, error_values, read_text, relation_values

TEXTS = [
    pytest.param(
        "二、公益金使用情况\n（一）用于群众体育支出420.50万元，占总数的97.00%。\n"
        "其中：用于建设社区健身场地380.25万元；用于举办全民健身赛事40.25万元。\n",
        id="lines",
    ),
    pytest.param(
        "二、公益金使用情况\n本年用于社会福利事业420.50万元。其中：用于资助养老机构380.25万元；"
        "用于资助残疾人康复项目30.00万元；用于慈善救助10.25万元。\n",
        id="three-items",
    ),
    pytest.param(
        "二、资金安排\n全年安排专项资金420.50万元，其中用于改造农村道路380.25万元，"
        "用于修缮文化站40.25万元。\n",
        id="commas",
    ),
]


@pytest.mark.parametrize("text", TEXTS)
def test_items_opening_with_yongyu_are_parts_of_the_total(text: str) -> None:
    ledger, result = read_text(text)
    assert result.ok
    assert not result.warnings, [f.message for f in result.findings]
    sums = [values for values, _ in relation_values(ledger, "sum")]
    assert any("420.50" in values and "380.25" in values for values in sums), sums
    # no item is the total of the next one
    assert not any("420.50" not in values and "380.25" in values for values in sums), sums


@pytest.mark.parametrize("text", TEXTS)
def test_a_misprinted_item_is_reported(text: str) -> None:
    ledger, result = read_text(text.replace("380.25", "390.25"))
    flagged = error_values(ledger, result) + checked_by_hand(ledger, result)
    assert any("390.25" in values and "420.50" in values for values in flagged), flagged


def test_a_yongyu_list_after_a_total_still_opens_a_list() -> None:
    # 主要用于A、B: the spent amount's own list, unchanged
    text = "二、资金使用\n项目资金支出420.50万元，主要用于发放补贴380.25万元、购置设备40.25万元。\n"
    ledger, _ = read_text(text)
    sums = [values for values, _ in relation_values(ledger, "sum")]
    assert {"420.50", "380.25", "40.25"} in sums
