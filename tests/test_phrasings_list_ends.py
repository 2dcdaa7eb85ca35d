"""Where a 其中 list ends, which figure it details, and which figure a change after brackets is of.

Every text here is our own writing, reproducing the structure of sentences real reports
print (bench/corpus holds the index of the real pages).
"""

from __future__ import annotations

import pytest

from phrasing_texts import error_values, read_text, relation_values

# A total, its 其中 part with a rate of its own, then after the ；amounts added on to the total
# (加上级补助收入…), and the sum of them all: the added amounts are no parts of the first total.
ADDED_ON = [
    (
        "全县一般公共预算总收入50000万元，完成预算的98.1%，增长2.3%，其中税收收入30000万元，下降1.2%；"
        "加上级补助收入15000万元，上年结余收入4000万元，调入资金2000万元，收入合计71000万元。"
    ),
    (
        "全市财政总收入8800万元，增长5%，其中：地方收入6000万元，完成预算的101%；"
        "加上上级补助收入2500万元，债务转贷收入700万元，收入合计12000万元。"
    ),
    (
        "本年一般公共预算收入1200万元，其中非税收入400万元；再加上年结转300万元，上级补助900万元，"
        "收入总计2400万元。"
    ),
]


@pytest.mark.parametrize("text", ADDED_ON)
def test_amounts_added_on_after_the_semicolon_are_no_parts_of_the_list_before(text: str) -> None:
    ledger, result = read_text(text)
    assert result.ok, error_values(ledger, result)
    first = ledger.figures[0].id
    for relation in ledger.relations:
        if relation.kind == "sum" and relation.operands()[0] == first:
            assert len(relation.operands()) == 2  # the total and its one part, never the added


def test_a_broken_part_before_the_added_amounts_is_still_caught() -> None:
    text = "全县财政总收入5000万元，其中：税收收入3000万元，非税收入1000万元；加上级补助收入2000万元，收入合计7000万元。"
    ledger, result = read_text(text)
    assert {"5000", "3000", "1000"} in error_values(ledger, result)


# The total is an item itself (二是…), its 其中 list is followed by the next item (三是…).
NEXT_ITEM = [
    (
        "全年财政总收入900万元，由三部分构成：一是本级收入300万元，其中税收收入200万元、非税收入100万元；"
        "二是上级补助收入500万元，其中：一般性转移支付收入200万元、专项转移支付收入300万元，上级补助收入(基金)60万元；"
        "三是上年结转收入40万元。"
    ),
    (
        "总收入1000万元：一是本级收入400万元；二是转移支付收入550万元，其中均衡性转移支付收入250万元，"
        "专项转移支付收入280万元；三是上年结余收入50万元。"
    ),
]


@pytest.mark.parametrize("text", NEXT_ITEM)
def test_the_next_numbered_item_is_no_part_of_the_list_of_the_item_before(text: str) -> None:
    ledger, result = read_text(text)
    assert result.ok, error_values(ledger, result)
    values = {f.id: f.value for f in ledger.figures}
    for relation in ledger.relations:
        if relation.kind == "sum" and values[relation.operands()[0]] in {"500", "550"}:
            assert not {"40", "50"} & {values[i] for i in relation.operands()}


def test_items_listed_under_a_total_that_is_no_item_stay_its_parts() -> None:
    text = "支出总额100万元，其中：一是人员经费60万元，二是公用经费30万元，三是项目经费10万元。"
    ledger, _ = read_text(text)
    assert ({"100", "60", "30", "10"}, "stated") in relation_values(ledger, "sum")


# A 其中 list after a clause whose last amount qualifies a rate (完成预算X万元的Y%): the list details
# the amount the clause is about, and it ends at the ；where its parts add up to it.
QUALIFIED = [
    (
        "三公经费支出60.00万元，完成预算80.00万元的75%。其中：因公出国费10.00万元；公务用车费30.00万元，"
        "完成预算32.00万元的93.8%，比上年增加5.00万元，增长20%；其中：购置费0万元；"
        "运行费30.00万元，完成预算32.00万元的93.8%；公务接待费20.00万元，完成预算28.00万元的71.4%。"
    ),
    ("会议费支出12.5万元，为预算15.0万元的83.3%，其中：场地费8.0万元，为预算9.0万元的88.9%；资料费4.5万元。"),
]


@pytest.mark.parametrize("text", QUALIFIED)
def test_an_amount_qualifying_a_rate_is_no_total_of_the_list_after_it(text: str) -> None:
    ledger, result = read_text(text)
    assert result.ok, error_values(ledger, result)
    values = {f.id: f.value for f in ledger.figures}
    totals = {values[r.operands()[0]] for r in ledger.relations if r.kind == "sum" and r.basis == "stated"}
    assert not totals & {"32.00", "15.0"}


# A change after a breakdown in brackets is the change of the figure before the brackets.
BRACKETED = [
    (
        "三公经费预算总额为3000万元，较上年的3100万元减少100万元，下降3.23%。其中：公务接待费900万元，"
        "减少40万元，下降4.26%；公务用车购置及运行维护费2000万元（其中：公务用车运行维护费1800万元，"
        "公务用车购置费200万元），减少60万元，下降2.91%。"
    ),
    (
        "全年支出比上年减少80万元。其中：会议费500万元，减少20万元；培训费1000万元(含：师资费600万元，"
        "住宿费400万元)，减少60万元，下降5.66%。"
    ),
    "本年支出比上年有所减少。办公费820万元（其中：印刷费300万元，邮电费520万元），减少30万元，下降3.53%。",
]


@pytest.mark.parametrize("text", BRACKETED)
def test_a_change_after_brackets_is_of_the_figure_before_them(text: str) -> None:
    ledger, result = read_text(text)
    assert result.ok, error_values(ledger, result)
    values = {f.id: f.value for f in ledger.figures}
    changed = {values[r.operands()[0]] for r in ledger.relations if r.kind == "change"}
    assert changed & {"2000", "1000", "820"}
    assert not changed & {"200", "400", "520"}


def test_a_broken_change_after_brackets_is_still_found() -> None:
    text = BRACKETED[0].replace("下降2.91%", "下降9.91%")
    ledger, result = read_text(text)
    assert any({"2000", "60"} <= values for values in error_values(ledger, result))


# Figures each of them an average per head, said by the lead of their lines or by their sentence:
# a 其中 after one is a group's average (rural pupils), larger or smaller, never a part of it.
PER_HEAD = [
    (
        "2020年各级教育生均教育经费情况如下：\n1.全市幼儿园为6500.20元，比上年增长3.1%。\n"
        "2.全市普通小学为9800.50元，比上年增长2.2%。其中，农村为10100.30元，比上年增长2.0%。"
    ),
    "【各学段生均公用经费】\n全县普通初中为3200.00元，其中：农村初中为3350.00元，城区初中为3100.00元。",
    "全区城乡居民人均可支配收入为42000元，其中城镇居民为51000元，农村居民为23000元。",
    "户均补贴情况是：\n（一）全镇为1500元，其中：脱贫户为2600元。\n（二）全乡为1400元。",
]


@pytest.mark.parametrize("text", PER_HEAD)
def test_a_group_of_averages_per_head_is_no_list_of_parts(text: str) -> None:
    ledger, result = read_text(text)
    assert result.ok, error_values(ledger, result)
    assert relation_values(ledger, "sum") == []


def test_amounts_under_a_lead_that_says_no_average_still_add_up() -> None:
    text = "各级支出情况如下：\n1.全市支出为6500万元。\n2.全县支出为9800万元，其中农村支出为10100万元。"
    ledger, result = read_text(text)
    assert {"9800", "10100"} in error_values(ledger, result)
