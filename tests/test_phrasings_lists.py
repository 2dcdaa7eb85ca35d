"""Lists of parts: numbered items below a total (two parts in one, cut off), sub-items numbered inline.

Every text here is own writing, in the shapes real 预算执行 pages print.
"""

from __future__ import annotations

from phrasing_texts import error_values, read_text, relation_values

# Item 2 prints two parts side by side; the firsts alone (3000 + 1200 + 300) do not add up.
TWO_IN_ONE_ITEM = (
    "一、收入情况\n"
    "（一）本级财政收入5000万元：\n"
    "1、税收收入3000万元；\n"
    "2、转移支付收入1200万元，专项补助收入500万元；\n"
    "3、上年结余300万元。\n"
)


def test_an_item_printing_two_parts_gives_both_when_they_add_up() -> None:
    ledger, result = read_text(TWO_IN_ONE_ITEM)
    sums = relation_values(ledger, "sum")
    assert ({"5000", "3000", "1200", "500", "300"}, "stated") in sums
    assert result.ok, error_values(ledger, result)


def test_a_wrong_part_of_a_list_of_one_part_an_item_is_still_an_error() -> None:
    text = TWO_IN_ONE_ITEM.replace("，专项补助收入500万元", "").replace("上年结余300", "上年结余800")
    ledger, result = read_text(text.replace("上年结余800", "上年结余950"))
    assert {"5000", "3000", "1200", "950"} in error_values(ledger, result)
    ledger, result = read_text(text)
    assert result.ok, error_values(ledger, result)


def test_an_item_of_two_parts_in_a_list_that_never_adds_up_is_inferred() -> None:
    # 3000 + 1200 + 350 and 3000 + 1200 + 500 + 350 are both off: which figure is the part is not said
    ledger, result = read_text(TWO_IN_ONE_ITEM.replace("上年结余300", "上年结余350"))
    sums = relation_values(ledger, "sum")
    assert ({"5000", "3000", "1200", "350"}, "inferred") in sums
    assert result.ok, error_values(ledger, result)
    assert [f.code for f in result.findings] == ["PC903"]


# The text stops inside item 3: the list names only some of the parts.
CUT_OFF = (
    "二、支出情况\n（一）本级支出4000万元：\n1、一般公共服务支出1500万元；\n2、教育支出900万元；\n3、农林水支"
)


def test_a_list_whose_last_item_prints_no_figure_is_partial() -> None:
    ledger, result = read_text(CUT_OFF)
    sums = [r for r in ledger.relations if r.kind == "sum"]
    assert len(sums) == 1
    assert sums[0].exhaustive is False
    assert result.ok, error_values(ledger, result)


def test_parts_of_a_partial_list_above_their_total_are_still_an_error() -> None:
    ledger, result = read_text(CUT_OFF.replace("教育支出900", "教育支出2900"))
    assert {"4000", "1500", "2900"} in error_values(ledger, result)


# Sub-items numbered inline, the first with a rate and a bracket breaking it down after the rate.
INLINE_ITEMS = (
    "全区财政收入完成9000万元，其中：(1)本级收入完成5000万元，同比增长2.1%(税收收入3200万元、"
    "非税收入1800万元)；(2)上级补助收入3000万元；(3)上年结余1000万元。"
)


def test_a_bracket_inside_a_list_details_its_item_and_no_part_is_named_by_a_bracket() -> None:
    ledger, result = read_text(INLINE_ITEMS)
    sums = [values for values, _ in relation_values(ledger, "sum")]
    assert {"9000", "5000", "3000", "1000"} in sums
    assert not any("9000" in values and "3200" in values for values in sums)
    assert result.ok, error_values(ledger, result)
    labels = {f.value: f.label for f in ledger.figures}
    assert labels["5000"] == "本级收入完成"
    assert labels["3000"] == "上级补助收入"


def test_a_wrong_inline_item_is_still_an_error() -> None:
    ledger, result = read_text(INLINE_ITEMS.replace("上年结余1000", "上年结余1200"))
    assert {"9000", "5000", "3000", "1200"} in error_values(ledger, result)


# A budget adjusted: each part prints its new value, then how much it was adjusted by (调减/调增).
ADJUSTED = (
    "——本级收入拟调整为9000万元，下降4.0%。其中：税收收入拟调整为6000万元，调减1500万元，下降8.1%；"
    "非税收入3000万元，保持不变。"
)


def test_an_adjustment_down_or_up_is_a_change_and_no_part_of_the_list() -> None:
    ledger, result = read_text(ADJUSTED)
    sums = [values for values, _ in relation_values(ledger, "sum")]
    assert {"9000", "6000", "3000"} in sums
    assert not any("1500" in values for values in sums)
    assert result.ok, error_values(ledger, result)
    ledger, result = read_text(ADJUSTED.replace("调减1500", "调增1500"))
    assert not any("1500" in values for values, _ in relation_values(ledger, "sum"))
    assert result.ok, error_values(ledger, result)
