"""A change broken down by the 其中 list after it: each part's change against the change's own base.

Every text here is our own writing, reproducing the structure of sentences real reports
print (bench/corpus holds the index of the real pages).
"""

from __future__ import annotations

import perfcheck
from phrasing_texts import breakdown_values, checked_by_hand, error_values, read_text, relation_values

# Two changes of one total (against last year, against the budget), a sentence of reasons, then a
# 其中 list whose items each say both changes, one item with none (无…费).
TWO_BASES = (
    "2022年度“三公”经费支出50.00万元。经比较，2022年度全乡“三公”经费较上年减少6.00万元，"
    "下降10.71%，较年初预算数减少0.90万元。主要是严控一般性支出。其中：无因公出国（境）费；"
    "公务用车运行维护费较上年减少2.50万元，下降7.35%，较年初预算数减少0.40万元；"
    "公务接待费较上年减少3.50万元，较年初预算数减少0.50万元。"
)


def test_each_change_of_a_total_is_the_sum_of_the_items_changes_against_its_own_base() -> None:
    ledger, result = read_text(TWO_BASES)
    found = breakdown_values(ledger)
    assert ({"6.00", "2.50", "3.50"}, "inferred") in found
    assert ({"0.90", "0.40", "0.50"}, "inferred") in found
    assert len(found) == 2  # never a change against last year among the budget's terms
    assert result.ok, error_values(ledger, result)
    assert not result.findings


def test_a_broken_breakdown_against_the_budget_is_to_be_checked_by_hand() -> None:
    ledger, result = read_text(TWO_BASES.replace("较年初预算数减少0.50万元", "较年初预算数减少0.70万元"))
    assert result.ok  # the list may be partial: inferred, never an error
    assert [f.code for f in result.findings] == ["PC903"]
    checked = [f for f in result.findings if f.code == "PC903"]
    values = {f.id: f.value for f in ledger.figures}
    assert {values[i] for i in checked[0].figures} == {"0.90", "0.40", "0.70"}


# One base said above (the budget of the year before, in a budget report), the items each say 同比:
# the items' changes are the terms, signed by their own direction words.
ONE_BASE_ABOVE = (
    "2020年本级“三公”经费预算3000万元，比2019年预算减少100万元，下降3.23%，连续五年下降。"
    "其中：因公出国（境）费同比增加20万元，增长10%，主要是出访计划增加；公务接待费同比减少150万元，"
    "下降15%；公务用车购置费同比增加30万元，增长6%。"
)


def test_items_that_all_say_one_other_base_are_the_terms_of_the_one_change_above() -> None:
    ledger, result = read_text(ONE_BASE_ABOVE)
    assert breakdown_values(ledger) == [({"100", "20", "150", "30"}, "inferred")]
    assert result.ok, error_values(ledger, result)
    assert not result.findings


def test_items_saying_other_bases_are_not_taken_for_a_total_of_two_bases() -> None:
    # the items name no base, the total's period says two: which change they detail is not said
    text = (
        "2022年度“三公”经费较上年减少6.00万元，较年初预算数减少0.90万元。"
        "其中：公务用车运行维护费减少2.50万元；公务接待费减少3.50万元。"
    )
    ledger, _ = read_text(text)
    assert breakdown_values(ledger) == []


def test_a_change_that_is_itself_an_item_details_nothing_below() -> None:
    # 5.00 is an item of the first list; the 其中 of the next period details 基本支出, not it
    text = (
        "支出较上年增加8.00万元。其中：基本支出较上年增加5.00万元；项目支出较上年增加3.00万元。"
        "其中：工资福利支出增加1.00万元，商品和服务支出增加1.50万元。"
    )
    ledger, _ = read_text(text)
    assert ({"8.00", "5.00", "3.00"}, "inferred") in breakdown_values(ledger)
    assert not any({"5.00", "1.00", "1.50"} <= values for values, _ in breakdown_values(ledger))


# 主要是 followed straight by the items' changes, no 原因 said.
MAINLY = (
    "某院2023年“三公”经费支出1500.00万元，较2023年预算减少300.00万元，降低16.67%，主要是因公出国（境）费"
    "减少100.00万元，公务用车购置及运行费减少120.00万元，公务接待费减少80.00万元。"
)


def test_the_changes_listed_after_zhuyao_shi_make_up_the_change() -> None:
    ledger, result = read_text(MAINLY)
    assert breakdown_values(ledger) == [({"300.00", "100.00", "120.00", "80.00"}, "inferred")]
    assert result.ok, error_values(ledger, result)


def test_a_reason_said_in_words_after_zhuyao_shi_is_no_list() -> None:
    text = "2023年支出100.00万元，较上年减少20.00万元，主要是严控一般性支出，会议费减少5.00万元。"
    ledger, _ = read_text(text)
    assert breakdown_values(ledger) == []


# The list opens in the change's own period (no 。 before 其中), each item printing its level,
# its share and its change; one item says 较上年预算 where the total said 较上年.
IN_PERIOD = (
    "2020年某学院收入预算总额为4000万元，较上年减少220万元，下降5.21%其中：财政拨款收入2300万元，"
    "占收入预算总额的57.5%，较上年预算安排减少了40万元；事业收入1100万元，占收入预算总额的27.5%，较上年"
    "减少30万元；上年结转600万元，占收入预算总额的15%，较上年减少150万元。"
)


def test_a_list_in_the_changes_own_period_gives_each_items_one_change() -> None:
    ledger, result = read_text(IN_PERIOD)
    assert ({"220", "40", "30", "150"}, "inferred") in breakdown_values(ledger)
    assert result.ok, error_values(ledger, result)


# Reasons said in words right after the change (增加原因主要是…), then the 其中 list; a line wrapped
# inside 比去年 (a PDF's text) still says the base.
REASONS_IN_WORDS = (
    "2020年度“三公”经费支出决算总额为6.00万元，比预算增加0万元，比去年增加\n"
    "2.00万元，增长50%，增加原因主要是检测任务增加。其中，因公出国支出决算比预算无增减变化，比去年无增减"
    "变化；公务用车运行维护费支出决算比预算无增减变化，比去年增加1.50万元，增长60%；公务接待费支出决算"
    "比预算无增减变化，比去年增加0.50万元，增长33.33%。\n"
)


def test_reasons_said_in_words_leave_the_list_after_them_to_break_the_change_down() -> None:
    ledger, result = read_text(REASONS_IN_WORDS)
    assert ({"2.00", "1.50", "0.50"}, "inferred") in breakdown_values(ledger)
    assert result.ok, error_values(ledger, result)


def test_an_item_of_a_changes_reasons_details_nothing_after_it() -> None:
    text = (
        "2023年本级支出300.00万元，比上年减少20.00万元，主要原因：一是人员经费减少30.00万元，"
        "其中退休2人减少8.00万元；二是项目支出增加10.00万元。"
    )
    ledger, _ = read_text(text)
    assert not any({"30.00", "8.00"} <= values for values, _ in breakdown_values(ledger))


# One change above against last year; its items each against a different base: no parts of one change.
MIXED_BASES = (
    "2023年“三公”经费支出合计20.00万元，比上年增加4.00万元。其中：公务接待费较上年增加3.00万元；"
    "公务用车运行维护费较年初预算增加1.00万元。"
)


def test_items_changed_against_different_bases_are_no_breakdown_of_the_total_change() -> None:
    # 3.00 + 1.00 = 4.00 happens to hold: the point is the binding, not the sum
    ledger, _ = read_text(MIXED_BASES)
    assert breakdown_values(ledger) == []
    ledger, result = read_text(MIXED_BASES.replace("1.00万元", "1.50万元"))
    assert breakdown_values(ledger) == []
    assert not result.findings


def test_an_item_against_last_years_budget_under_a_change_against_last_year_is_a_part_of_it() -> None:
    # a budget report: 较上年 above, 较上年预算安排 in one item and 较上年 in the others
    text = (
        "2021年收入预算总额为5000.00万元，较上年减少300.00万元，下降5.66%。其中：财政拨款收入"
        "4000.00万元，较上年预算安排减少200.00万元；事业收入1000.00万元，较上年减少100.00万元。"
    )
    ledger, result = read_text(text)
    assert ({"300.00", "200.00", "100.00"}, "inferred") in breakdown_values(ledger)
    assert not result.findings


# --- a part said to be unchanged (持平, 无增减) adds nothing to its total's change ---------------


def _changes_sums(ledger: perfcheck.Ledger) -> list[tuple[set[str], str]]:
    """The inferred sums and balances: here, the parts' changes adding up to the total's."""
    return [(v, b) for v, b in relation_values(ledger, "sum", "balance") if b == "inferred"]


FLAT_PARTS = (
    (
        "2023年“三公”经费支出合计8.60万元，比上年减少1.40万元。其中：公务用车运行维护费5.60万元，"
        "占65.12%，比上年减少1.40万元；公务接待费3.00万元，占34.88%，和上年持平。\n"
    ),
    (
        "2023年“三公”经费预算12.50万元，较上年减少2.00万元。其中：公务接待费4.50万元，与上年相比无增减；"
        "公务用车运行维护费8.00万元，较上年减少2.00万元。\n"
    ),
    (
        "2023年“三公”经费决算10.00万元，同比增加0.50万元。其中：因公出国（境）费2.00万元，与上年相同；"
        "公务接待费3.00万元，同比减少1.00万元；公务用车运行维护费5.00万元，同比增加1.50万元。\n"
    ),
)


def test_the_changed_parts_alone_add_up_to_the_totals_change() -> None:
    expected = ({"1.40"}, {"2.00"}, {"0.50", "1.00", "1.50"})
    for text, values in zip(FLAT_PARTS, expected, strict=True):
        ledger, result = read_text(text)
        assert (values, "inferred") in _changes_sums(ledger), text
        assert not result.findings, [f.message for f in result.findings]


def test_a_changed_part_that_does_not_add_up_is_to_be_checked_by_hand() -> None:
    ledger, result = read_text(FLAT_PARTS[2].replace("同比增加1.50万元", "同比增加1.80万元"))
    assert result.ok
    checked = checked_by_hand(ledger, result)
    assert {"0.50", "1.00", "1.80"} in checked


def test_a_part_flat_against_its_budget_is_no_zero_change_against_last_year() -> None:
    text = (
        "2023年“三公”经费支出合计8.60万元，比上年减少1.40万元。其中：公务用车运行维护费5.60万元，"
        "比上年减少1.40万元；公务接待费3.00万元，与年初预算持平。\n"
    )
    ledger, _ = read_text(text)
    assert _changes_sums(ledger) == []


# --- the total's change against 上年, its parts' against last year named by its year -------------

LAST_YEAR_BY_NAME = (
    "2018年“三公”经费预算数为30.0万元，与上年相比减少1.5万元，下降4.76%。具体情况如下：\n"
    "1. 因公出国（境）费预算0万元，与上年相比持平。\n"
    "2. 公务接待费预算10.0万元，比2017年预算减少0.5万元，下降4.76%。\n"
    "3. 公务用车购置及运行费预算20.0万元，比2017年预算减少1.0万元，下降4.76%。\n"
)


def test_parts_changes_against_last_year_named_by_its_year_are_the_terms_of_the_totals() -> None:
    ledger, result = read_text(LAST_YEAR_BY_NAME)
    assert ({"1.5", "0.5", "1.0"}, "inferred") in _changes_sums(ledger)
    assert not result.findings, [f.message for f in result.findings]
    ledger, result = read_text(LAST_YEAR_BY_NAME.replace("减少1.0万元", "减少1.2万元"))
    assert result.ok
    assert {"1.5", "0.5", "1.2"} in checked_by_hand(ledger, result)


def test_a_year_before_last_is_no_last_year() -> None:
    ledger, _ = read_text(LAST_YEAR_BY_NAME.replace("比2017年预算", "比2016年预算"))
    assert ({"1.5", "0.5", "1.0"}, "inferred") not in _changes_sums(ledger)


def test_a_total_changed_against_two_bases_takes_no_part_named_by_a_year_as_last_years() -> None:
    text = LAST_YEAR_BY_NAME.replace("下降4.76%。具体", "下降4.76%；比2017年执行数减少0.9万元。具体")
    ledger, _ = read_text(text)
    assert ({"1.5", "0.5", "1.0"}, "inferred") not in _changes_sums(ledger)
