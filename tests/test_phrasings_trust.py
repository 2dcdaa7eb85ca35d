"""Phrasings of real reports that perfcheck once reported as errors although the report was right.

Every text here is our own writing; each reproduces the structure of a sentence that a
real published page printed (bench/corpus holds the index of those pages, never their
text) and that the reader bound wrongly, so that a clean report got a false error. Each
phrasing is checked both ways where it can be: printed consistently it checks clean, and
with one figure changed the change is still reported, on a relation naming that figure.
"""

from __future__ import annotations

import perfcheck
from perfcheck.extract import extract
from phrasing_texts import error_values, read_text


def _built(ledger: perfcheck.Ledger) -> list[tuple[str, list[str]]]:
    values = {f.id: f.value for f in ledger.figures}
    return [(r.kind, [values[i] for i in r.operands()]) for r in ledger.relations]


# --- a figure's scope is part of what it is: 全县 and 县本级 are two quantities ---------------

SCOPES = (
    "2024年某县预算报告\n"
    "1.全县一般公共预算收支\n"
    "全县一般公共预算收入安排50.0亿元，同比增长4%。其中：税收收入40.0亿元，非税收入10.0亿元。"
    "加上上级补助收入30.0亿元，收入总计80.0亿元。\n"
    "2.县本级一般公共预算收支\n"
    "县本级一般公共预算收入安排30.0亿元，同比增长2%。其中：税收收入22.5亿元，非税收入7.5亿元。"
    "加上上级补助收入30.0亿元，收入总计60.0亿元。\n"
)


def test_figures_of_two_scopes_are_never_equated() -> None:
    ledger, result = read_text(SCOPES)
    assert result.ok, [f.message for f in result.errors]
    built = _built(ledger)
    assert ("equal", ["50.0", "30.0"]) not in built
    assert ("equal", ["40.0", "22.5"]) not in built
    assert ("sum", ["50.0", "40.0", "10.0"]) in built
    assert ("sum", ["30.0", "22.5", "7.5"]) in built


def test_a_wrong_part_in_one_scope_is_still_reported() -> None:
    ledger, result = read_text(SCOPES.replace("非税收入7.5亿元", "非税收入8.5亿元"))
    assert {"30.0", "22.5", "8.5"} in error_values(ledger, result)


def test_figures_of_one_scope_printed_twice_are_still_one_quantity() -> None:
    text = (
        "（一）总体\n县本级“三公”经费预算50.00万元。\n（二）明细\n县本级“三公”经费预算50.00万元，"
        "其中：公务接待费20.00万元，公务用车运行费30.00万元。\n"
    )
    ledger, _ = read_text(text)
    assert ("equal", ["50.00", "50.00"]) in _built(ledger)


# --- a change's amount is named by its words, never another quantity after its rate -------

AFTER_RATE = (
    "（一）收入\n"
    "本级一般公共预算收入安排47.8亿元，同比增长3.7%，加上上级补助和调入资金等133.6亿元，收入总计181.4亿元。\n"
    "（二）基金\n"
    "全县完成政府性基金收入969万元，同比下降14.6%，其中国有土地使用权出让收入866万元，"
    "污水处理费收入103万元。\n"
    "（三）税收\n"
    "2021年预计实现税收收入20558万元，比上年18033万元增长14%，可实现公共财政预算收入11406万元。\n"
)


def test_an_amount_named_otherwise_after_a_rate_is_no_change_amount() -> None:
    ledger, result = read_text(AFTER_RATE)
    assert result.ok, [f.message for f in result.errors]
    changes = [values for kind, values in _built(ledger) if kind == "change"]
    assert ["47.8", "3.7%"] in changes
    assert ["969", "14.6%"] in changes
    assert ["20558", "18033", "14%"] in changes
    assert not any(v in values for values in changes for v in ("133.6", "866", "11406"))


def test_an_amount_named_by_a_change_word_after_the_rate_is_the_change_amount() -> None:
    text = "（一）收入\n本年收入210.00万元，比上年增长5.0%，增加10.00万元。\n"
    ledger, result = read_text(text)
    assert result.ok
    assert ("change", ["210.00", "10.00", "5.0%"]) in _built(ledger)
    ledger, result = read_text(text.replace("增加10.00万元", "增加20.00万元"))
    assert {"210.00", "20.00", "5.0%"} in error_values(ledger, result)


# --- a rate whose base is named and not printed is no ratio of the figures nearby -----------

NAMED_BASE = (
    "一、2021年度镇财政决算情况\n"
    "2021年财政总收入完成29206万元，为调整预算的110.21%。其中：地方财政收入完成15211万元，为调整预算的111.03%。\n"
    "2021年一般公共预算可用资金为23173.15万元，为调整预算的111.86%。其中包括：支出基数13372万元，"
    "税收分成收入5772.56万元，上级补助收入4028.59万元。\n"
)


def test_a_rate_of_a_budget_nowhere_printed_is_not_checked() -> None:
    ledger, result = read_text(NAMED_BASE)
    assert result.ok, [f.message for f in result.errors]
    # each rate is read as a ratio of the figure it follows with no denominator: nothing is checked
    ratios = [r for r in ledger.relations if isinstance(r, perfcheck.RatioRelation)]
    assert ratios
    assert all(r.denominator is None for r in ratios)
    assert [values for kind, values in _built(ledger) if kind == "ratio"] == [
        ["29206", "110.21%"],
        ["15211", "111.03%"],
        ["23173.15", "111.86%"],
    ]
    assert not result.findings, [f.message for f in result.findings]
    assert ("sum", ["23173.15", "13372", "5772.56", "4028.59"]) in _built(ledger)


# --- a share after a breakdown in brackets is of the figure the brackets detail ------------

BRACKETED = (
    "（二）收入决算情况说明\n"
    "本年收入合计500.00万元；包括财政拨款收入500.00万元（其中，一般公共预算500.00万元，"
    "政府性基金预算0万元，国有资本经营预算0万元），占收入合计100%；上级补助收入0万元，占收入合计0%。\n"
)


def test_a_share_after_brackets_is_of_the_figure_before_them() -> None:
    ledger, result = read_text(BRACKETED)
    assert result.ok, [f.message for f in result.errors]
    shares = [values for kind, values in _built(ledger) if kind == "share"]
    assert ["500.00", "500.00", "100%"] in shares
    assert ["0", "500.00", "100%"] not in shares


def test_a_wrong_share_after_brackets_is_reported_on_the_figure_before_them() -> None:
    text = BRACKETED.replace("本年收入合计500.00万元", "本年收入合计600.00万元")
    text = text.replace("占收入合计0%", "占收入合计16.7%").replace(
        "上级补助收入0万元", "上级补助收入100.00万元"
    )
    ledger, result = read_text(text)
    assert {"500.00", "600.00", "100%"} in error_values(ledger, result)


# --- the main items of a part, after 主要…事项：and closed by 等, are no parts of the outer list --

MAIN_ITEMS = (
    "（二）本级支出\n"
    "本级一般公共预算支出安排81.6亿元。其中：财力安排支出68.4亿元，比上年预算数增长10.1%，主要支出事项："
    "一般公共服务支出7.1亿元、教育支出7.5亿元、社会保障和就业支出15.4亿元等；上级专项、上年结转安排支出13.2亿元。\n"
)


def test_main_items_closed_by_etc_detail_the_part_before_them() -> None:
    ledger, result = read_text(MAIN_ITEMS)
    assert result.ok, [f.message for f in result.errors]
    built = _built(ledger)
    assert ("sum", ["81.6", "68.4", "13.2"]) in built
    assert ("sum", ["68.4", "7.1", "7.5", "15.4"]) in built
    sums = [r for r in ledger.relations if isinstance(r, perfcheck.SumRelation)]
    assert [r.exhaustive for r in sums] == [True, False]


def test_a_wrong_part_of_the_outer_list_is_still_reported() -> None:
    ledger, result = read_text(MAIN_ITEMS.replace("13.2亿元", "14.2亿元"))
    assert {"81.6", "68.4", "14.2"} in error_values(ledger, result)


# --- 万 alone after an amount, in a text that prints 万元 ----------------------------------

SCALE_ALONE = (
    "（一）三公经费\n"
    "2022年的“三公”经费决算数合计为100.50万，其中：因公出国（境）费0万元、公务用车运行维护费60.20万元、"
    "公务接待费40.30万元。2021年的“三公”经费决算数合计为90.00万，其中：因公出国（境）费0万元、"
    "公务用车运行维护费50.00万元、公务接待费40.00万元。\n"
)


def test_wan_alone_is_an_amount_in_wan_yuan() -> None:
    ledger, result = read_text(SCALE_ALONE)
    assert result.ok, [f.message for f in result.errors]
    built = _built(ledger)
    assert ("sum", ["100.50", "0", "60.20", "40.30"]) in built
    assert ("sum", ["90.00", "0", "50.00", "40.00"]) in built
    ledger, result = read_text(SCALE_ALONE.replace("60.20", "61.20"))
    assert {"100.50", "0", "61.20", "40.30"} in error_values(ledger, result)


def test_wan_alone_in_a_text_printing_no_wan_yuan_is_no_amount() -> None:
    ledger, _ = read_text("（一）服务\n全年服务群众3万，发放资料1200份。\n")
    assert [f.value for f in ledger.figures] == ["1200"]


# --- pinyin annotations printed after converted characters (增長(zhǎng)) ------------------

ANNOTATED = (
    "二、“三公”經(jīng)費\n"
    "公務接待費支出預(yù)算數(shù)5.00萬元，支出決算數(shù)4.75萬元，完成預(yù)算的95.0%，"
    "比上年增加0.30萬元，增長(zhǎng)6.7%。\n"
)


def test_pinyin_annotations_are_read_past_and_offsets_are_the_pages() -> None:
    ledger, result = read_text(ANNOTATED)
    assert result.ok, [f.message for f in result.errors]
    assert ("ratio", ["4.75", "5.00", "95.0%"]) in _built(ledger)
    assert ("change", ["4.75", "0.30", "6.7%"]) in _built(ledger)
    for figure in ledger.figures:
        assert figure.source is not None
        assert figure.source.start is not None
        assert ANNOTATED[figure.source.start : figure.source.end] == figure.value.rstrip("%")
    ledger, result = read_text(ANNOTATED.replace("95.0%", "90.0%"))
    assert {"4.75", "5.00", "90.0%"} in error_values(ledger, result)
    # the sentence a relation was read from is quoted as the page printed it
    passages = [p for ps in extract(ANNOTATED).explanations.values() for p in ps]
    assert passages
    assert all(ANNOTATED[p.start : p.end] == p.text for p in passages)
    assert any("完成預(yù)算的95.0%" in p.text for p in passages)


# --- a change against this year's budget, the budget not printed: checked by hand -----------

OWN_BUDGET = (
    "2021年度单位“三公”经费支出决算说明\n"
    "公务接待费支出5.21万元，与2021年度预算相比，减少0.10万元，下降0.006%。\n"
)


def test_a_change_against_an_unprinted_budget_of_its_year_is_inferred() -> None:
    ledger, result = read_text(OWN_BUDGET)
    assert result.ok
    assert [f.code for f in result.warnings] == ["PC903"]
    changes = [r for r in ledger.relations if r.kind == "change"]
    assert [r.basis for r in changes] == ["inferred"]


def test_a_change_against_last_year_stays_stated() -> None:
    text = OWN_BUDGET.replace("与2021年度预算相比", "与上年相比")
    ledger, result = read_text(text)
    assert {"5.21", "0.10", "0.006%"} in error_values(ledger, result)


# --- more relations read: 占年初预算X的Y%, the budgets of a list, 加上…总计, …中，A…占X% ------------

OF_BUDGET = (
    "（一）收入情况\n"
    "1-5月，全县完成财政总收入4000万元，占年初预算10000万元的40.0%，同比下降6.5%。"
    "其中：税收收入3000万元，占年初预算8000万元的37.5%；非税收入1000万元，占年初预算2000万元的50.0%。\n"
)


def test_a_share_of_a_printed_budget_is_a_ratio_and_the_budgets_add_up() -> None:
    ledger, result = read_text(OF_BUDGET)
    assert result.ok
    assert not result.warnings, [f.message for f in result.findings]
    built = _built(ledger)
    assert ("ratio", ["4000", "10000", "40.0%"]) in built
    assert ("ratio", ["3000", "8000", "37.5%"]) in built
    assert ("sum", ["4000", "3000", "1000"]) in built
    assert ("sum", ["10000", "8000", "2000"]) in built  # the parts' budgets: inferred
    _, result = read_text(
        OF_BUDGET.replace("占年初预算2000万元", "占年初预算2500万元").replace("50.0%", "40.0%")
    )
    assert result.ok
    assert [f.code for f in result.warnings] == ["PC903"]
    ledger, result = read_text(OF_BUDGET.replace("37.5%", "35.7%"))
    assert {"3000", "8000", "35.7%"} in error_values(ledger, result)


ADDED = (
    "（一）本级收支\n"
    "本级一般公共预算收入安排47.8亿元，同比增长3.7%，加上上级补助收入54.3亿元、调入资金24.2亿元和"
    "上年结转收入25.4亿元，收入总计151.7亿元。\n"
    "（二）可用资金\n"
    "可用资金为23173.15万元。其中包括：支出基数13372万元，税收分成收入5772.56万元，上级补助收入4028.59万元。"
    "加上上年结余1728.62万元，全年可用资金为24901.77万元。\n"
)


def test_amounts_added_to_what_was_said_make_the_total_after_them() -> None:
    ledger, result = read_text(ADDED)
    assert result.ok, [f.message for f in result.errors]
    assert not result.warnings, [f.message for f in result.findings]
    built = _built(ledger)
    assert ("sum", ["151.7", "47.8", "54.3", "24.2", "25.4"]) in built
    assert ("sum", ["24901.77", "23173.15", "1728.62"]) in built
    assert "加上" not in next(f.label for f in ledger.figures if f.value == "54.3")
    ledger, result = read_text(ADDED.replace("收入总计151.7", "收入总计152.7"))
    assert {"152.7", "47.8", "54.3", "24.2", "25.4"} in error_values(ledger, result)


ENDED_BY_ZHONG = (
    "二、“三公”经费支出情况说明\n"
    "（一）总体情况。某单位2021年度“三公”经费支出预算为1.80万元，支出决算为1.52万元，完成预算的84.4%。\n"
    "（二）具体情况。某单位2021年度“三公”经费支出决算中，因公出国（境）费支出决算0万元，占0%；"
    "公务接待费支出决算1.52万元，占100%；公务用车购置及运行维护费支出决算0万元，占0%。\n"
)


def test_a_sentence_opened_by_a_figures_name_and_zhong_lists_its_parts() -> None:
    ledger, result = read_text(ENDED_BY_ZHONG)
    assert result.ok, [f.message for f in result.errors]
    built = _built(ledger)
    assert ("sum", ["1.52", "0", "1.52", "0"]) in built  # the zero after the sum is reached is a part
    assert ("share", ["1.52", "1.52", "100%"]) in built
    ledger, result = read_text(ENDED_BY_ZHONG.replace("占100%", "占90%"))
    assert {"1.52", "90%"} <= next(iter(error_values(ledger, result)), set())


SHARE_OF_LIST_TOTAL = (
    "（一）收入\n"
    "全市一般公共预算收入安排77.6亿元。其中：税收收入65.7亿元，同比增长26.1%，占一般公共预算收入的84.7%；"
    "非税收入11.9亿元。\n"
)


def test_a_share_of_the_words_of_its_lists_total_is_of_that_total() -> None:
    ledger, result = read_text(SHARE_OF_LIST_TOTAL)
    assert result.ok
    assert ("share", ["65.7", "77.6", "84.7%"]) in _built(ledger)
    ledger, result = read_text(SHARE_OF_LIST_TOTAL.replace("84.7%", "80.7%"))
    assert {"65.7", "77.6", "80.7%"} in error_values(ledger, result)


# --- two values of one quantity printed side by side, and the change between them ------------

MOVED_TO = (
    "（一）拨款\n"
    "2015年财政拨款由去年的70,000.00万元增加到73,500.00万元，增加3,500.00万元，约增加5%。"
    "住房保障支出由2014年的1,000万元、占财政拨款预算1.43%，上升到1,700万元、占2.3%，增700万元，增加70%。\n"
)


def test_from_a_value_to_another_is_a_change_with_both_printed() -> None:
    ledger, result = read_text(MOVED_TO)
    assert result.ok, [f.message for f in result.errors]
    built = _built(ledger)
    assert ("change", ["73,500.00", "70,000.00", "3,500.00"]) in built
    assert ("change", ["73,500.00", "70,000.00", "5%"]) in built
    assert ("change", ["1,700", "1,000", "700"]) in built
    assert ("change", ["1,700", "1,000", "70%"]) in built
    ledger, result = read_text(MOVED_TO.replace("增加3,500.00万元", "增加3,200.00万元"))
    assert {"73,500.00", "70,000.00", "3,200.00"} in error_values(ledger, result)


YEARS_COMPARED = (
    "某局2016年“三公经费”预算对比增减说明\n"
    "2016年三公经费预算拨入33万元，2015年三公经费预算拨入57.55万元，与上年对比减少24.55万元。"
    "主要原因是厉行节约。其中：1、公务接待费2016年预算8万元，2015年预算12.35万元；对比减少4.35万元；"
    "减少率35.22%，原因是厉行节约。2、公务车辆运行2016年预算25万元，2015年预算45.2万元；"
    "对比减少20.20万元，减少率44.69%。原因是公车改革。\n"
)


def test_two_years_compared_item_by_item() -> None:
    ledger, result = read_text(YEARS_COMPARED)
    assert result.ok, [f.message for f in result.errors]
    built = _built(ledger)
    assert ("change", ["33", "57.55", "24.55"]) in built
    assert ("change", ["8", "12.35", "4.35"]) in built
    assert ("ratio", ["4.35", "12.35", "35.22%"]) in built  # 减少率: the decrease over the earlier year's
    assert ("sum", ["33", "8", "25"]) in built  # each year's parts detail that year's total
    assert ("sum", ["57.55", "12.35", "45.2"]) in built
    assert "公务接待费预算" in {f.label for f in ledger.figures}


def test_two_years_compared_with_a_slip_are_reported() -> None:
    ledger, result = read_text(YEARS_COMPARED.replace("2015年预算12.35万元", "2015年预算12.5万元"))
    errors = error_values(ledger, result)
    assert {"4.35", "12.5", "35.22%"} in errors  # 4.35 ÷ 12.5 is 34.8 %
    assert {"57.55", "12.5", "45.2"} in errors  # 12.5 + 45.2 is more than 57.55


def test_wan_alone_after_a_name_of_money_is_an_amount() -> None:
    ledger, _ = read_text("一、收入支出决算总体情况说明\n2024年度收、支总计均为1523.26万\n")
    assert [(f.value, f.unit or ledger.unit) for f in ledger.figures] == [("1523.26", "万元")]


def test_batches_are_counted() -> None:
    ledger, result = read_text("（三）接待\n国内公务接待30批次（其中外事接待26批次），579人次。\n")
    assert result.ok
    assert ("sum", ["30", "26"]) in _built(ledger)
    ledger, result = read_text("（三）接待\n国内公务接待30批次（其中外事接待36批次），579人次。\n")
    assert {"30", "36"} in error_values(ledger, result)


def test_an_unreadable_number_in_an_annotated_text_is_quoted_as_printed() -> None:
    text = "二、“三公”經(jīng)費\n公務接待費支出預(yù)算數(shù)1,2,3.4.5萬元，支出決算數(shù)4.75萬元。\n"
    [passage] = extract(text).unreadable
    assert passage.unreadable == ("1,2,3.4.5",)
    assert text[passage.start : passage.end] == passage.text
    assert passage.text.startswith("公務接待費支出預(yù)算數(shù)")


def test_a_rate_said_to_be_about_is_the_changes_rate() -> None:
    text = "（一）支出\n2015年支出预算190.00万元，较2014年支出预算200.00万元减少10.00万元，约减少5%。\n"
    ledger, result = read_text(text)
    assert result.ok
    assert ("change", ["190.00", "200.00", "5%"]) in _built(ledger)
    ledger, result = read_text(text.replace("约减少5%", "约减少8%"))
    assert {"190.00", "200.00", "8%"} in error_values(ledger, result)
