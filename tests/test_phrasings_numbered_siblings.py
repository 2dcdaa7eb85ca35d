"""A list inside a numbered item ends where the next item begins: ``1、A…，包括：…；2、B…``.

Own writing, in the shape of township budget notes that set out spending by class as numbered
items, each with its own ``包括`` list: ``1、基本支出…，包括：人员经费…，公用经费…；2、项目支出…；
3、…``. The item numbered next after the total's own, in the same style, stands beside the total:
it and what follows are no parts of it. Parts numbered themselves in the total's style stay.
"""

from __future__ import annotations

import pytest

from phrasing_texts import error_values, read_text, relation_values

CLASSES = (
    "（二）支出预算\n按支出项目类别：{one}基本支出96.40万元，包括：人员经费支出80.15万元，公用经费支出16.25万元；"
    "{two}项目支出52.30万元，包括：商品和服务支出40.10万元，其他支出12.20万元；{three}事业单位经营支出0万元；"
    "{four}对下级单位补助支出0万元。\n"
)
STYLES = [
    ("1、", "2、", "3、", "4、"),
    ("（1）", "（2）", "（3）", "（4）"),
    ("一、", "二、", "三、", "四、"),
]


@pytest.mark.parametrize("marks", STYLES)
def test_the_next_item_is_no_part_of_the_numbered_total(marks: tuple[str, ...]) -> None:
    text = CLASSES.format(one=marks[0], two=marks[1], three=marks[2], four=marks[3])
    ledger, result = read_text(text)
    assert result.ok, error_values(ledger, result)
    sums = [values for values, _ in relation_values(ledger, "sum")]
    assert {"96.40", "80.15", "16.25"} in sums
    assert {"52.30", "40.10", "12.20"} in sums


def test_near_miss_a_break_inside_the_numbered_item_is_still_an_error() -> None:
    text = CLASSES.format(one="1、", two="2、", three="3、", four="4、").replace("16.25", "16.35")
    ledger, result = read_text(text)
    assert {"96.40", "80.15", "16.35"} in error_values(ledger, result)


def test_near_miss_parts_numbered_in_the_totals_style_stay_its_parts() -> None:
    text = "1、基本支出96.40万元，其中：1、人员经费支出80.15万元；2、公用经费支出16.25万元。"
    ledger, result = read_text(text)
    assert result.ok, error_values(ledger, result)
    assert any(values == {"96.40", "80.15", "16.25"} for values, _ in relation_values(ledger, "sum"))
    ledger, result = read_text(text.replace("16.25", "16.35"))
    assert {"96.40", "80.15", "16.35"} in error_values(ledger, result)
