"""Broken relations the text states are errors; ones the reader put together stay warnings (PC903).

Every text here is own writing, in the shapes real 部门决算, 三公 and 预算执行 pages print.
Each test breaks one figure of a relation the words state (包括, 其中, 合计, 占, 比上年) and
asserts the break is an error naming that relation's figures, and that the same text
printed right is clean.
"""

from __future__ import annotations

from phrasing_texts import error_values, read_text, relation_values

# A 收支总表's income side: the total, 包括：, one numbered item per category (two of them 0).
INCOME_ITEMS = (
    "一、收入支出决算总体情况\n"
    "（一）收入总计820.50万元。包括：\n"
    "1.财政拨款收入800.10万元，为当年从财政取得的拨款。\n"
    "2.上级补助收入0万元。\n"
    "3.事业收入0万元。\n"
    "4.其他收入5.20万元，为除上述收入以外的各项收入。\n"
    "5.年初结转和结余15.20万元。\n"
)


def test_numbered_income_items_after_a_total_and_baokuo_are_a_stated_sum() -> None:
    ledger, result = read_text(INCOME_ITEMS)
    assert ({"820.50", "800.10", "0", "5.20", "15.20"}, "stated") in relation_values(ledger, "sum")
    assert result.ok, error_values(ledger, result)


def test_items_adding_up_to_a_little_more_than_their_stated_total_are_an_error() -> None:
    # 800.10 + 5.20 + 15.30 = 820.60: one run that is the whole list is no second classification
    ledger, result = read_text(INCOME_ITEMS.replace("15.20", "15.30"))
    assert ({"820.50", "800.10", "0", "5.20", "15.30"}, "stated") in relation_values(ledger, "sum")
    assert {"820.50", "800.10", "0", "5.20", "15.30"} in error_values(ledger, result)
    assert [f.code for f in result.errors] == ["PC102"]


def test_a_bare_zero_beside_two_decimal_amounts_is_no_padded_guess() -> None:
    # 0万元 is exactly nothing whatever decimals it is given, so it cannot make a break a guess
    text = "2022年“三公”经费支出合计10.30万元，其中：因公出国（境）费0万元，公务接待费2.10万元，公务用车购置及运行维护费8.10万元。"
    ledger, result = read_text(text)
    assert ({"10.30", "0", "2.10", "8.10"}, "stated") in relation_values(ledger, "sum")
    assert {"10.30", "0", "2.10", "8.10"} in error_values(ledger, result)
    ledger, result = read_text(text.replace("8.10", "8.20"))
    assert result.ok, error_values(ledger, result)


# Spending by category, each paragraph a share of the whole named with a total word (总量).
SHARES_OF_TOTAL = (
    "前三季度，全县财政支出完成180.00亿元，为预算的80.1%。\n"
    "教育支出36.00亿元，增长8.0%，占财政支出总量的20%，主要用于义务教育。\n"
    "农林水支出27.00亿元，增长5.5%，占财政支出总量的15%。\n"
)


def test_a_share_of_a_whole_named_with_a_total_word_is_of_that_figure() -> None:
    ledger, result = read_text(SHARES_OF_TOTAL)
    shares = relation_values(ledger, "share")
    assert ({"36.00", "180.00", "20%"}, "stated") in shares
    assert ({"27.00", "180.00", "15%"}, "stated") in shares
    assert result.ok, error_values(ledger, result)


def test_a_share_copied_from_the_sentence_before_is_an_error() -> None:
    # 27.00 ÷ 180.00 is 15 %: the 20 % printed again is the line before's
    ledger, result = read_text(SHARES_OF_TOTAL.replace("占财政支出总量的15%", "占财政支出总量的20%"))
    assert {"27.00", "180.00", "20%"} in error_values(ledger, result)
    assert [f.code for f in result.errors] == ["PC201"]


def test_a_total_word_alone_names_no_whole() -> None:
    # 占支出总量: two characters left once 总量 is off, which 项目支出 and 教育支出 both end with
    text = "项目支出50.00万元。教育支出30.00万元，占支出总量的60%。"
    ledger, result = read_text(text)
    assert relation_values(ledger, "share") == []
    assert result.ok, error_values(ledger, result)


# A 收支平衡 paragraph: each side's items joined by 、, closed by the side's total (总量).
BALANCE_RUNS = (
    "2021年全县一般公共预算收支决算平衡情况是：地方一般公共预算收入完成52,300万元、返还性收入4,100万元、"
    "转移支付收入130,600万元、上年结余2,000万元，收入总量为189,000万元。"
    "一般公共预算支出170,250万元、上解支出8,400万元、债务还本支出3,350万元，支出总量为182,000万元。"
    "收入总量减去支出总量后，结转下年7,000万元。\n"
    "从收入决算的情况看，税收收入完成31,000万元，非税收入完成21,300万元。\n"
)


def test_items_joined_then_closed_by_their_total_are_a_stated_sum() -> None:
    ledger, result = read_text(BALANCE_RUNS)
    sums = relation_values(ledger, "sum")
    assert ({"189,000", "52,300", "4,100", "130,600", "2,000"}, "stated") in sums
    assert ({"182,000", "170,250", "8,400", "3,350"}, "stated") in sums
    assert result.ok, error_values(ledger, result)


def test_a_side_total_that_its_items_miss_is_an_error() -> None:
    # 170,250 + 8,400 + 3,350 = 182,000; printed 182,270 the side's total breaks
    ledger, result = read_text(BALANCE_RUNS.replace("支出总量为182,000", "支出总量为182,270"))
    assert {"182,270", "170,250", "8,400", "3,350"} in error_values(ledger, result)


def test_a_classification_of_income_never_details_the_spending_total_before_it() -> None:
    # 从收入决算的情况看 names income: its classes are no parts of 支出总量 (nor of the balance)
    ledger, _ = read_text(BALANCE_RUNS)
    for values, _basis in relation_values(ledger, "sum"):
        assert not ({"31,000", "21,300"} <= values and "182,000" in values)


def test_a_run_added_to_an_amount_before_it_is_no_sum_of_the_run_alone() -> None:
    # 加上：A、B，收入总计T: T is the amount before 加上 and the run, read by the 加上 reader
    text = (
        "2021年全县一般公共预算本级收入24,000万元，加上：上年结转500万元、上级补助收入31,500万元，"
        "收入总计56,000万元。"
    )
    ledger, result = read_text(text)
    sums = relation_values(ledger, "sum")
    assert ({"56,000", "500", "31,500"}, "stated") not in sums
    assert ({"56,000", "24,000", "500", "31,500"}, "stated") in sums
    assert result.ok, error_values(ledger, result)


def test_a_run_after_another_figure_of_its_sentence_is_not_the_whole_list() -> None:
    # the first item is not joined by 、: which items the total covers is not said
    text = "本年支出100.00万元，其中人员经费60.00万元；公用经费30.00万元、项目支出12.00万元，合计42.00万元。"
    ledger, _ = read_text(text)
    assert ({"42.00", "30.00", "12.00"}, "stated") not in relation_values(ledger, "sum")


def test_an_amount_named_by_chaoshou_is_a_difference_never_a_class_or_a_changing_figure() -> None:
    text = (
        "2021年全县收入总量为189,000万元。\n"
        "从收入决算的情况看，地方一般公共预算收入比预算超收150万元，较年初预算减少620万元，下降2.0%。"
        "我县税收收入完成31,000万元。\n"
    )
    ledger, result = read_text(text)
    assert all("150" not in values for values, _ in relation_values(ledger, "sum", "change"))
    assert result.findings == ()


# A news page: the title rounds the body's figure with 余 (253 万 and a remainder under one 万).
HEADLINE = (
    "某区财政局上半年政府采购节约资金45万余元\n"
    "发布时间：2016-07-04\n"
    "上半年，全区实施政府采购总金额1204.30万元，比预算的1249.80万元节约资金45.50万元，节约率为3.6%。\n"
)


def test_a_title_figure_with_yu_is_the_body_figure_of_its_name_within_its_remainder() -> None:
    ledger, result = read_text(HEADLINE)
    assert ({"45", "45.50"}, "inferred") in relation_values(ledger, "equal")
    assert result.findings == ()


def test_a_title_the_body_does_not_bear_out_is_to_be_checked_by_hand() -> None:
    # 45万余 is 45 to 46 万元: 51.50 is outside; 余 is no bound without end
    ledger, result = read_text(HEADLINE.replace("45.50", "51.50"))
    assert result.ok
    values = {f.id: f.value for f in ledger.figures}
    assert [(f.code, {values[i] for i in f.figures}) for f in result.findings] == [("PC903", {"45", "51.50"})]


def test_a_truncated_title_figure_is_shown_as_printed_not_at_the_body_figures_decimals() -> None:
    # 45万余 said 45 (and a remainder); "printed as 45.00" would put words in the page's mouth
    _, result = read_text(HEADLINE.replace("45.50", "51.50"))
    (finding,) = result.findings
    text = finding.text("en")
    assert "is printed as 45 万元" in text
    assert "45.00" not in text


def test_a_title_figure_names_no_body_figure_when_two_share_its_name() -> None:
    text = HEADLINE + "货物采购中，节约资金30.00万元。\n"
    ledger, _ = read_text(text)
    assert relation_values(ledger, "equal") == []


def test_yu_after_a_scale_truncates_a_figure_to_that_scale_and_right_after_a_number_is_a_bound() -> None:
    ledger, _ = read_text(
        "发放资金253万余元，补助2.5万多元，培训10余万人次，发放资料10000余份，其他约10万元。"
    )
    figures = [(f.value, f.decimals, f.rounding, f.qualifier) for f in ledger.figures]
    assert figures == [
        ("253", 0, "truncate", None),  # 253 to 254 万元
        ("2.5", 1, "truncate", None),  # 2.5 to 2.6 万元
        ("10", None, None, "more_than"),  # more than 10 万人次: how much more is not said
        ("10000", None, None, "more_than"),
        ("10", None, None, "about"),
    ]


# 三公 by item: each item's change named by the item after 与2016年相比, a count printed between.
SANGONG_ITEMS = (
    "2017年区级“三公”经费财政拨款支出500.00万元，比上年减少支出100.00万元，下降16.7%。具体情况如下：\n"
    "（一）公务用车购置及运行费400.00万元。其中：\n"
    "1、公务用车购置费40.00万元，购置1辆中巴车，与2016年相比，公务用车购置费减少10.00万元，下降20.0%。\n"
    "2、公务用车运行费360.00万元，年末公务用车保有量120辆，与2016年相比，公务用车运行费减少40.00万元，下降10.0%。\n"
)


def test_a_change_named_after_its_comparison_is_of_the_figure_of_that_name_not_a_count() -> None:
    ledger, result = read_text(SANGONG_ITEMS)
    changes = relation_values(ledger, "change")
    assert ({"40.00", "10.00", "20.0%"}, "stated") in changes
    assert ({"360.00", "40.00", "10.0%"}, "stated") in changes
    assert all("1" not in values and "120" not in values for values, _ in changes)
    assert result.ok, error_values(ledger, result)


def test_a_count_changed_in_a_later_clause_does_not_steer_what_changed() -> None:
    # the rate's clause names no amount: 增加3人 is another change, of staff
    ledger, _ = read_text("2021年本单位收入100.00万元，比上年增长5%，人员增加3人。\n")
    assert ({"100.00", "5%"}, "stated") in relation_values(ledger, "change")


def test_a_rate_against_the_wrong_base_is_an_error() -> None:
    # 40 ÷ (360 + 40) is 10 %; 11.1 % is 40 ÷ 360, against this year's figure
    ledger, result = read_text(SANGONG_ITEMS.replace("下降10.0%", "下降11.1%"))
    assert {"360.00", "40.00", "11.1%"} in error_values(ledger, result)
    assert [f.code for f in result.errors] == ["PC302"]


# Each item's change against two bases, listed after a sentence of reasons.
TWO_BASES = (
    "2021年度“三公”经费20.00万元，其中：因公出国（境）费0万元，公务用车购置及运行维护费15.00万元，"
    "公务接待费5.00万元。\n"
    "经比较，2021年度“三公”经费较上年减少4.00万元，下降16.7%，较年初预算数减少0.50万元。"
    "主要是严格落实过紧日子要求，压减一般性支出。"
    "其中：公务用车购置及运行维护费较上年减少3.00万元，较年初预算数减少0.30万元，主要是车辆减少；"
    "公务接待费较上年减少1.00万元，较年初预算数减少0.20万元，主要是接待标准规范。\n"
)


def test_items_changes_against_two_bases_make_up_the_changes_base_by_base() -> None:
    ledger, result = read_text(TWO_BASES)
    made = relation_values(ledger, "sum", "balance")
    assert ({"4.00", "3.00", "1.00"}, "inferred") in made
    assert ({"0.50", "0.30", "0.20"}, "inferred") in made
    # no breakdown mixes the two bases
    assert all(not ({"4.00", "0.30"} <= values or {"0.50", "3.00"} <= values) for values, _ in made)
    assert result.findings == ()


def test_an_item_change_printed_again_against_the_other_base_is_to_be_checked() -> None:
    # 0.30 + 0.30 is 0.60, not the 0.50 the total changed against its budget
    ledger, result = read_text(TWO_BASES.replace("较年初预算数减少0.20", "较年初预算数减少0.30"))
    assert result.ok
    values = {f.id: f.value for f in ledger.figures}
    found = [(f.code, {values[i] for i in f.figures}) for f in result.findings]
    assert found == [("PC903", {"0.50", "0.30"})]
    [finding] = result.findings
    assert "公务接待费较年初预算数减少" in finding.message


def test_items_against_one_base_break_down_a_change_that_names_none() -> None:
    text = (
        "某单位2021年度“三公”经费情况说明\n"
        "2021年度“三公”经费20.00万元，增加4.00万元。"
        "其中：公务用车运行维护费较上年增加3.00万元；公务接待费较上年增加1.00万元。\n"
    )
    ledger, result = read_text(text)
    assert ({"4.00", "3.00", "1.00"}, "inferred") in relation_values(ledger, "sum", "balance")
    assert result.findings == ()
