"""Relations whose other figure is printed in an earlier sentence under another spelling of its name.

A change whose item heads its section (``（一）因公出国（境）费30.00万元。…与上年相比，因公出国（境）
经费支出减少…``) and a completion rate of an item whose budget is a part of the budget's list
(``预算100万元，其中：A费40万元…。支出90万元，完成预算的90%，其中：A费支出36万元，完成预算的90%``).
Each is found by name, so it is inferred. Every text here is our own writing, reproducing the
structure of sentences real reports print.
"""

from __future__ import annotations

import perfcheck
from phrasing_texts import checked_by_hand, error_values, read_text, relation_values

SECTIONS = (
    "（一）因公出国（境）费30.00万元。全年组织出国团组5个，累计20人次。与2016年相比，因公出国（境）经费支出"
    "减少20.00万元，下降40%。主要是严格出国审批。\n"
    "（二）公务接待费100.00万元，国内公务接待300批次。与2016年相比，公务接待费支出增加10.00万元，增长11.11%。\n"
)


def _changes(ledger: perfcheck.Ledger) -> list[tuple[set[str], str]]:
    return relation_values(ledger, "change")


def test_a_change_names_the_item_its_section_printed_under_another_spelling() -> None:
    ledger, result = read_text(SECTIONS)
    changes = _changes(ledger)
    assert ({"30.00", "20.00", "40%"}, "inferred") in changes
    assert ({"100.00", "10.00", "11.11%"}, "inferred") in changes
    assert result.ok, error_values(ledger, result)
    assert not result.findings


def test_a_broken_change_of_an_item_found_by_its_spelling_is_to_be_checked_by_hand() -> None:
    _, result = read_text(SECTIONS.replace("下降40%", "下降30%"))
    assert result.ok
    assert "PC903" in {f.code for f in result.findings}


def test_an_item_of_another_year_is_not_what_changed() -> None:
    text = (
        "某单位2017年度“三公”经费决算说明\n"
        "2016年因公出国（境）费50.00万元。与2016年相比，因公出国（境）经费支出减少20.00万元，下降40%。"
    )
    ledger, _ = read_text(text)
    assert not any("50.00" in values for values, _ in _changes(ledger))


BUDGET_LIST = (
    "2016年，某单位“三公”经费预算为100.00万元，其中：因公出国（境）费40.00万元、公务用车运行维护费50.00万元、"
    "公务接待费10.00万元。“三公”经费支出为90.00万元，完成预算的90%，其中：因公出国（境）费支出36.00万元，"
    "完成预算的90%；公务用车运行维护费支出48.00万元，完成预算的96%；公务接待费支出6.00万元，完成预算的60%。"
)


def test_an_items_completion_rate_is_of_its_part_of_the_budgets_list() -> None:
    ledger, result = read_text(BUDGET_LIST)
    ratios = relation_values(ledger, "ratio")
    assert ({"90.00", "100.00", "90%"}, "stated") in ratios
    assert ({"36.00", "40.00", "90%"}, "inferred") in ratios
    assert ({"48.00", "50.00", "96%"}, "inferred") in ratios
    assert ({"6.00", "10.00", "60%"}, "inferred") in ratios
    assert not any("100.00" in v and ("36.00" in v or "6.00" in v) for v, _ in ratios)  # never the whole's
    assert result.ok, error_values(ledger, result)
    assert not result.findings


def test_a_broken_items_completion_rate_is_to_be_checked_by_hand() -> None:
    _, result = read_text(BUDGET_LIST.replace("完成预算的96%", "完成预算的86%"))
    assert result.ok
    assert [f.code for f in result.findings] == ["PC903"]


def test_an_actual_after_the_budgets_list_named_as_a_part_is_no_ratio_to_the_whole() -> None:
    text = "收入预算100万元，其中：A收入60万元、B收入40万元。A收入55万元，完成预算的91.67%。"
    ledger, result = read_text(text)
    ratios = relation_values(ledger, "ratio")
    assert ({"55", "60", "91.67%"}, "inferred") in ratios
    assert not any("100" in v for v, _ in ratios)
    assert result.ok, error_values(ledger, result)


# The change of the whole in the next paragraph, its subject named with its role (决算数), and
# its items' changes listed after it under other spellings of their names.
WHOLE_CHANGED = (
    "2016年，某单位“三公”经费预算为100.00万元。“三公”经费支出为90.00万元，完成预算的90%；"
    "公务接待费支出6.00万元。\n"
    "2016年度“三公”经费财政拨款支出决算数比2015年减少10.00万元，下降10%。其中：公务接待费支出决算减少"
    "4.00万元，下降40%。\n"
)


def test_the_whole_changed_is_the_actual_of_its_item_not_its_budget() -> None:
    ledger, result = read_text(WHOLE_CHANGED)
    changes = _changes(ledger)
    assert ({"90.00", "10.00", "10%"}, "inferred") in changes
    assert ({"6.00", "4.00", "40%"}, "inferred") in changes
    assert not any("100.00" in values for values, _ in changes)
    assert result.ok, error_values(ledger, result)
    assert not result.findings


def test_a_budget_named_so_is_never_what_an_actual_changed_from() -> None:
    text = (
        "2016年，某单位“三公”经费预算为100.00万元。2016年度“三公”经费决算数比2015年减少10.00万元，下降10%。"
    )
    ledger, _ = read_text(text)
    assert not any("100.00" in values for values, _ in _changes(ledger))


# The whole of a list named before 中 in other words than the figure printed for it.
WHOLE_BEFORE_ZHONG = (
    "2016年，某单位“三公”经费支出为100.00万元，完成预算的90%。\n"
    "2016年度“三公”经费财政拨款支出决算中，因公出国（境）费支出20.00万元，占20%；公务用车购置及运行维护费"
    "支出70.00万元，占70%；公务接待费支出10.00万元，占10%。\n"
)


def test_a_list_whose_whole_is_named_otherwise_before_zhong_is_an_inferred_sum_with_inferred_shares() -> None:
    ledger, result = read_text(WHOLE_BEFORE_ZHONG)
    assert ({"100.00", "20.00", "70.00", "10.00"}, "inferred") in relation_values(ledger, "sum")
    shares = relation_values(ledger, "share")
    assert ({"70.00", "100.00", "70%"}, "inferred") in shares
    assert len(shares) == 3
    assert all(basis == "inferred" for _, basis in shares)
    assert result.ok, error_values(ledger, result)
    assert not result.findings


def test_a_broken_share_of_a_whole_named_otherwise_is_to_be_checked_by_hand() -> None:
    _, result = read_text(WHOLE_BEFORE_ZHONG.replace("占70%", "占60%"))
    assert result.ok
    assert [f.code for f in result.findings] == ["PC903"]


# A count printed between the amount and its change (车辆保有量, 批次) did not change by an amount.
COUNT_BETWEEN = (
    "2、公务用车运行费1000.00万元，主要用于燃油、维修等支出，年末公务用车保有量400辆，与2016年相比，"
    "公务用车运行费减少250.00万元，下降20%。\n"
)


def test_a_change_by_an_amount_is_of_the_amount_before_the_count_printed_last() -> None:
    ledger, result = read_text(COUNT_BETWEEN)
    changes = _changes(ledger)
    assert any(values == {"1000.00", "250.00", "20%"} for values, _ in changes), changes
    assert not any("400" in values for values, _ in changes)
    assert result.ok, error_values(ledger, result)


def test_a_broken_change_of_the_amount_before_a_count_is_reported() -> None:
    ledger, result = read_text(COUNT_BETWEEN.replace("下降20%", "下降25%"))
    assert error_values(ledger, result) == [{"1000.00", "250.00", "25%"}]


# --- a change against this year's budget, named by its role (比预算数), the budget printed nowhere ----

AGAINST_BUDGET = (
    "（一）公务用车购置及运行费支出40.00万元。其中：公务用车运行维护费40.00万元。\n"
    "公务用车购置及运行费支出决算数比预算数减少10.00万元，下降20.00%。主要原因是加强车辆管理。\n"
    "（二）公务接待费支出6.00万元，国内公务接待12批次。\n"
    "公务接待费支出决算比年初预算数增加1.00万元，增长20%。\n"
)


def test_a_change_against_an_unprinted_budget_names_the_item_printed_before() -> None:
    ledger, result = read_text(AGAINST_BUDGET)
    changes = _changes(ledger)
    assert ({"40.00", "10.00", "20.00%"}, "inferred") in changes
    assert ({"6.00", "1.00", "20%"}, "inferred") in changes
    assert not result.findings, [f.message for f in result.findings]


def test_a_broken_change_against_an_unprinted_budget_is_to_be_checked_by_hand() -> None:
    ledger, result = read_text(AGAINST_BUDGET.replace("下降20.00%", "下降25.00%"))
    assert result.ok, error_values(ledger, result)
    checked = checked_by_hand(ledger, result)
    assert {"40.00", "10.00", "25.00%"} in checked


def test_a_budget_printed_before_is_never_replaced_by_a_base_put_together() -> None:
    text = (
        "公务接待费支出预算数8.00万元，公务接待费支出决算数6.00万元。\n"
        "公务接待费支出决算数比预算数减少2.00万元，下降25%。\n"
    )
    ledger, result = read_text(text)
    # the budget is printed: no change of 6.00 by 2.00 and 25 % through a base the reader puts together
    assert ({"6.00", "2.00", "25%"}, "inferred") not in _changes(ledger)
    assert result.ok, error_values(ledger, result)


# --- a rate of execution whose budget the sentence does not print, the budget in a table -----------

RATE_OF_TABLE_BUDGET = (
    "一、“三公”经费决算情况表\n"
    "项目 | 预算数 | 决算数 |\n"
    "合计 | 80.00 | 66.00 |\n"
    "公务接待费 | 30.00 | 24.00 |\n"
    "公务用车购置及运行费 | 50.00 | 42.00 |\n"
    "二、“三公”经费决算情况说明\n"
    "公务接待费支出决算为24.00万元，完成年初预算的80%。公务用车购置及运行费支出决算为42.00万元，"
    "完成预算的84%。\n"
)


def test_a_rate_of_a_budget_printed_in_a_table_is_a_ratio_to_that_budget() -> None:
    ledger, result = read_text(RATE_OF_TABLE_BUDGET)
    ratios = relation_values(ledger, "ratio")
    assert ({"24.00", "30.00", "80%"}, "inferred") in ratios, ratios
    assert ({"42.00", "50.00", "84%"}, "inferred") in ratios, ratios
    assert result.ok, error_values(ledger, result)
    assert not result.findings, [f.message for f in result.findings]


def test_a_rate_that_is_not_of_its_tables_budget_is_to_be_checked_by_hand() -> None:
    ledger, result = read_text(RATE_OF_TABLE_BUDGET.replace("完成年初预算的80%", "完成年初预算的90%"))
    assert result.ok, error_values(ledger, result)
    checked = checked_by_hand(ledger, result)
    assert any({"24.00", "90%"} <= found for found in checked), checked


def test_a_rate_of_the_adjusted_budget_takes_no_first_passed_budget_from_a_table() -> None:
    ledger, _ = read_text(RATE_OF_TABLE_BUDGET.replace("完成年初预算的80%", "完成调整预算的80%"))
    assert not any("30.00" in values and "80%" in values for values, _ in relation_values(ledger, "ratio"))
