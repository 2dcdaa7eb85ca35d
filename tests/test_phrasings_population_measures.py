"""A population list that goes on past its partition: other counts, and a density, are no parts.

Own writing, in the shape of a town's overview in its 部门决算: ``总人口52310人，其中农业人口43120人，
城镇人口9190人，常住人口2410人，流动人口615人，人口密度每平方公里402人``. 农业 and 城镇 (or 非农业)
people partition the population and add up to it exactly; the counts after them count the same
people otherwise, and a density is per square kilometre: none of them is a part.
"""

from __future__ import annotations

import pytest

from phrasing_texts import error_values, read_text, relation_values

TOWN = (
    "一、基本情况\n全镇总人口52310人，其中农业人口43120人，城镇人口9190人，常住人口2410人，流动人口615人，"
    "人口密度每平方公里402人。\n"
)


def test_the_partition_is_the_list_and_the_rest_count_otherwise() -> None:
    ledger, result = read_text(TOWN)
    assert result.ok, error_values(ledger, result)
    assert ({"52310", "43120", "9190"}, "stated") in relation_values(ledger, "sum")


@pytest.mark.parametrize("density", ["人口密度每平方公里402人", "每万人拥有卫生人员402人"])
def test_a_density_is_no_part(density: str) -> None:
    text = f"全镇总人口9600人，其中户籍人口9000人，{density}。"
    ledger, result = read_text(text)
    assert result.ok, error_values(ledger, result)
    assert all("402" not in values for values, _ in relation_values(ledger, "sum"))


def test_near_miss_a_partition_that_does_not_add_up_is_an_error() -> None:
    ledger, result = read_text(TOWN.replace("9190人", "9290人"))
    assert any({"52310", "43120", "9290"} <= values for values in error_values(ledger, result))


def test_near_miss_a_list_past_its_total_without_a_partition_is_still_an_error() -> None:
    text = "全镇总人口52310人，其中青年人口43120人，老年人口9190人，儿童人口2410人。"
    ledger, result = read_text(text)
    assert any({"52310", "43120", "9190", "2410"} <= values for values in error_values(ledger, result))


def test_near_miss_amounts_past_a_partition_stay_a_break() -> None:
    # money is counted once: classes printed after a partition that adds up still break the list
    text = "支出预算260.00万元，其中：基本支出200.00万元，项目支出60.00万元，会议支出12.00万元，培训支出9.00万元。"
    ledger, result = read_text(text)
    assert any(
        {"260.00", "200.00", "60.00", "12.00", "9.00"} <= values for values in error_values(ledger, result)
    )
