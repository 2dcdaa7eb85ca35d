"""A number whose thousands a page split from it with a space: not read as its last group.

Texts of our own writing, in the forms pages print: ``1, 537.4万元`` (a comma and a space),
``1 234.56万元`` (a space as the separator), ``12 345万元``. Read as printed, the last group
alone (537.4) would be a wrong value, worse than none: the number is reported unreadable.
Look-alikes stay read: a year or a word before a space, a list joined by 、.
"""

from __future__ import annotations

import pytest

from perfcheck._read.text.numbers import find
from perfcheck.extract import extract


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ("公务用车运行维护费1, 537.4万元。", "1, 537.4"),
        ("支出合计1 234.56万元。", "1 234.56"),
        ("项目支出12 345万元，用于道路建设。", "12 345"),
        ("收入总计1\u2009234.56万元。", "1\u2009234.56"),
        ("本年收入增长3，450.00万元。", "3，450.00"),
    ],
)
def test_a_split_number_is_unreadable_not_its_last_group(text: str, printed: str) -> None:
    found = extract(text)
    assert found.ledger.figures == () or all(f.value not in printed for f in found.ledger.figures)
    assert [p.unreadable for p in found.unreadable] == [(printed,)]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("2023年 123万元用于培训。", ["123"]),
        ("共3个项目 120万元。", ["3", "120"]),
        ("分别为5、537.4万元。", ["5", "537.4"]),  # 5 bare: the builder drops it
        ("合计1,537.4万元。", ["1,537.4"]),
        ("支出1234.56万元。", ["1234.56"]),
        ("增长12.5% 345万元。", ["12.5", "345"]),
    ],
)
def test_look_alikes_are_read_as_before(text: str, values: list[str]) -> None:
    assert [m.text for m in find(text, 0, len(text))] == values
