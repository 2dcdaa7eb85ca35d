"""A count of people is never a part of a count of units, nor the other way round.

Own writing, in the shape of township budget notes: ``共有预算单位1个，包括本级和二级预算单位2个。
人员情况：编制人数35，其中：行政编制人数15、…、自收自支编制人数11人``. The 包括 list of units runs on
into the staff sentence only by the reader's mistake: 11人 counts people, 1个 counts units.
"""

from __future__ import annotations

from phrasing_texts import error_values, read_text, relation_values

UNITS_THEN_STAFF = (
    "一、机构设置\n共有预算单位1个，包括本级和二级预算单位2个，二级单位是便民服务中心和综合执法大队。"
    "人员情况：编制人数35，其中：行政编制人数15、事业编制人数9、自收自支编制人数11人。\n"
)


def test_people_are_no_part_of_units() -> None:
    ledger, result = read_text(UNITS_THEN_STAFF)
    assert result.ok, error_values(ledger, result)
    assert all(not ({"1", "11"} <= values) for values, _ in relation_values(ledger, "sum"))


def test_near_miss_units_in_other_measure_words_still_add_up() -> None:
    ledger, result = read_text("内设机构6个，其中：行政机构4个，事业机构3个。")
    assert any({"6", "4", "3"} <= values for values in error_values(ledger, result))


def test_near_miss_a_list_of_people_keeps_its_break() -> None:
    ledger, result = read_text("编制人数35人，其中：行政编制15人，事业编制9人，自收自支编制12人。")
    assert {"35", "15", "9", "12"} in error_values(ledger, result)
