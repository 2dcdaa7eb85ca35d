"""Classes with no list word take the whole they add up to, not a class of the other classification.

Own writing, in the shape of 部门预算 notes that split one total twice: by function (一般公共服务,
教育) and by economic class (工资福利, 商品和服务; 人员支出, 日常公用支出, 项目支出). The nearest larger
amount before the second classification is a class of the first, never its whole.
"""

from __future__ import annotations

from phrasing_texts import checked_by_hand, error_values, read_text, relation_values

TWICE = (
    "2024年支出1000.00万元。按功能分类：一般公共服务支出600.00万元，教育支出400.00万元。"
    "按经济分类：工资福利支出{staff}万元，商品和服务支出500.00万元。"
)


def test_the_second_classification_adds_up_to_the_total_not_to_a_class_of_the_first() -> None:
    ledger, result = read_text(TWICE.format(staff="500.00"))
    assert result.ok, error_values(ledger, result)
    assert not checked_by_hand(ledger, result)
    sums = [values for values, _ in relation_values(ledger, "sum")]
    assert {"1000.00", "500.00"} in sums
    assert not any({"600.00", "500.00"} <= values for values in sums)


def test_near_miss_a_second_classification_adding_up_to_nothing_printed_is_to_be_checked_by_hand() -> None:
    # no amount before adds up with them: the nearest larger one is kept, and the break is
    # for a person to check (no word ties them: inferred, never an error)
    ledger, result = read_text(TWICE.format(staff="450.00"))
    assert result.ok, error_values(ledger, result)
    assert checked_by_hand(ledger, result)
