"""Changes broken down by their reasons item by item, and the period of a change's amount.

Every text here is our own writing, reproducing the structure of sentences real reports
print (bench/corpus holds the index of the real pages).
"""

from __future__ import annotations

from phrasing_texts import breakdown_values, read_text, relation_values

NUMBERED_LINES = (
    "某区2022年“三公”经费决算说明\n"
    "2022年“三公”经费决算数相较于上年增加90.00万元，主要原因是：\n"
    "1、公务用车购置费增加70.00万元，增加的原因是更换车辆3台。\n"
    "\n"
    "2、公务用车运行维护费增加25.00万元，增加的原因是车辆老旧。\n"
    "3、公务接待费减少5.00万元；会议费减少12.00万元，培训费增加3.00万元。\n"
    "二、其他说明\n"
)


def test_reasons_on_numbered_lines_take_the_first_change_of_each_item() -> None:
    ledger, result = read_text(NUMBERED_LINES)
    assert not [f for f in result.findings if f.severity.value != "info"], [
        f.message for f in result.findings
    ]
    # 70 + 25 − 5 == 90; 会议费 and 培训费 in item 3 are no terms of it
    assert breakdown_values(ledger) == [({"90.00", "70.00", "25.00", "5.00"}, "inferred")]
    _, broken = read_text(NUMBERED_LINES.replace("增加25.00万元", "增加35.00万元"))
    assert broken.ok  # main reasons may leave some out: to check by hand
    assert [f.code for f in broken.findings] == ["PC903"]


def test_numbered_lines_out_of_order_are_no_breakdown() -> None:
    text = NUMBERED_LINES.replace("2、公务用车运行维护费", "4、公务用车运行维护费")
    assert breakdown_values(read_text(text)[0]) == []


INLINE_ITEMS = (
    "（三）支出情况\n"
    "2023年本级支出300.00万元，比上年减少20.00万元，主要原因：一是人员经费减少30.00万元，"
    "其中退休2人减少8.00万元；二是项目支出增加10.00万元。\n"
)


def test_reasons_numbered_inside_the_sentence_take_each_items_first_change() -> None:
    ledger, result = read_text(INLINE_ITEMS)
    assert result.ok, [f.message for f in result.errors]
    # −30 + 10 == −20: the 8.00 inside item one is a detail of it
    assert breakdown_values(ledger) == [({"20.00", "30.00", "10.00"}, "inferred")]
    _, broken = read_text(INLINE_ITEMS.replace("项目支出增加10.00万元", "项目支出增加15.00万元"))
    assert [f.code for f in broken.findings if f.severity.value != "info"] == ["PC903"]


UNREAD_SUBJECT = (
    "2019年某校部门预算情况说明\n"
    "2019年一般收入预算总额为500.0000万元。一般收入预算总额较2018年增加收入80.0000万元，"
    "主要原因是人员经费预算增加50.0000万元、商品和服务支出增加20.0000万元，资本性支出增加10.0000万元。\n"
)


def test_reasons_add_up_to_a_change_whose_subject_was_not_read() -> None:
    ledger, result = read_text(UNREAD_SUBJECT)
    assert result.ok, [f.message for f in result.errors]
    assert breakdown_values(ledger) == [({"80.0000", "50.0000", "20.0000", "10.0000"}, "inferred")]


def test_the_amount_of_a_change_against_a_year_is_not_of_that_year() -> None:
    ledger, _ = read_text(UNREAD_SUBJECT)
    delta = next(f for f in ledger.figures if f.value == "80.0000")
    assert delta.period is None  # 较2018年增加收入80万元: not a 2018 figure
    compared = read_text("2024年某镇决算说明\n收入较2023年的600万元减少100万元。\n")[0]
    assert next(f for f in compared.figures if f.value == "600").period == "2023"


YEAR_ALONE = (
    "2024年某镇部门决算说明\n"
    "1.收入情况。2024年度收入合计4000.00万元，与2023年度相比，减少500.00万元，下降11.1%。\n"
)


def test_a_change_against_a_year_printed_alone_is_read() -> None:
    ledger, result = read_text(YEAR_ALONE)
    assert result.ok, [f.message for f in result.errors]
    values = {f.id: f.value for f in ledger.figures}
    changes = [{values[i] for i in r.operands()} for r in ledger.relations if r.kind == "change"]
    assert {"4000.00", "500.00", "11.1%"} in changes
    _, broken = read_text(YEAR_ALONE.replace("下降11.1%", "下降12.5%"))
    assert [f.code for f in broken.errors] == ["PC302"]


# --- 年均增长: the compound rate between two values printed with their years -------------------------

AVERAGE_GROWTH = (
    "某县“十三五”财政情况\n"
    "“十三五”以来，全县一般公共预算收入从2015年的1000万元上升到2020年的1276万元，年均增长5.0%；"
    "上级补助收入从2015年的5000万元下降到2020年的4522万元，年均下降2.0%。\n"
)


def test_an_average_yearly_growth_compounds_over_the_years_between() -> None:
    ledger, result = read_text(AVERAGE_GROWTH)
    assert not result.findings, [f.message for f in result.findings]
    values = {f.id: f.value for f in ledger.figures}
    growth = [r for r in ledger.relations if str(r.id).startswith("growth")]
    assert [({values[i] for i in r.operands()}, r.basis) for r in growth] == [
        ({"1000", "1276", "5.0%"}, "inferred"),
        ({"5000", "4522", "2.0%"}, "inferred"),
    ]
    # the values are named by what grew and their year, not by 的
    assert {f.label for f in ledger.figures if f.value in {"1000", "1276"}} == {
        "2015年全县一般公共预算收入",
        "2020年全县一般公共预算收入",
    }
    # 1000 × 1.05^5 = 1276.28: an average of 6.0% is a break, to be checked by hand
    ledger, broken = read_text(AVERAGE_GROWTH.replace("年均增长5.0%", "年均增长6.0%"))
    assert broken.ok
    assert [f.code for f in broken.findings] == ["PC903"]


BOTH_YEARS = (
    "某区2022年“三公”经费决算说明\n"
    "2022年的“三公”经费决算数合计为150.00万元，其中：公务用车购置费60.00万元、公务用车运行维护费70.00万元、"
    "公务接待费20.00万元。2021年的“三公”经费决算数合计为120.00万元，其中：公务用车购置费40.00万元、"
    "公务用车运行维护费65.00万元、公务接待费15.00万元。\n"
    "2022年“三公”经费决算数相较于上年增加30.00万元，主要原因是：\n"
    "1、公务用车购置全区增加20.00万元，原因是更换车辆。\n"
    "2、公务用车运行维护费增加5.00万元，原因是车辆老旧。\n"
    "3、公务接待费增加5.00万元。\n"
)


def test_an_items_change_is_from_its_figure_of_last_year_to_this_years() -> None:
    ledger, result = read_text(BOTH_YEARS)
    assert not [f for f in result.findings if f.severity.value != "info"], [
        f.message for f in result.findings
    ]
    changes = relation_values(ledger, "change")
    assert ({"60.00", "40.00", "20.00"}, "inferred") in changes  # 全区 is a scope, 费 a tail
    assert ({"70.00", "65.00", "5.00"}, "inferred") in changes
    assert ({"20.00", "15.00", "5.00"}, "inferred") in changes
    _, broken = read_text(BOTH_YEARS.replace("公务接待费增加5.00万元", "公务接待费增加6.00万元"))
    assert broken.ok
    assert "PC903" in [f.code for f in broken.findings]
