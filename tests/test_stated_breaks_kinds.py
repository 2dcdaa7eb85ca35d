"""Broken stated relations of the kinds real reports print most, each way a break shows.

三公 sums, the totals of a 收支总表, shares of one whole adding to 100 %, and 比上年 rates:
for each, a clean text of own writing is read clean, and the same text with one figure
misprinted the way real pages misprint it gives an error naming that relation's
figures (or, where the reader had to choose the binding, a PC903 warning to check by
hand, never an error). The texts are written for these tests.
"""

from __future__ import annotations

import pytest

import perfcheck
from phrasing_texts import error_values, read_text, relation_values

# ---------------------------------------------------------------- 三公 sums
SANGONG = (
    "2022年“三公”经费财政拨款支出决算为36.50万元，其中：因公出国（境）费0万元，"
    "公务用车购置及运行维护费30.20万元（其中：公务用车购置费0万元，公务用车运行维护费30.20万元），"
    "公务接待费6.30万元。\n"
)

# ---------------------------------------------------------------- 收支总表 totals
STATEMENT = (
    "一、收入支出决算总体情况说明\n"
    "2022年度收入总计260.40万元，支出总计260.40万元。"
    "其中：本年收入合计250.00万元，年初结转和结余10.40万元；本年支出合计255.10万元，年末结转和结余5.30万元。\n"
)

# ---------------------------------------------------------------- shares of one whole
SHARES = "2022年本部门支出合计400.00万元，其中：基本支出300.00万元，占75%；项目支出100.00万元，占25%。\n"

# ---------------------------------------------------------------- 比上年 rates
CHANGE = "2022年本部门支出合计520.00万元，比上年增加20.00万元，增长4.0%。\n"

CLEAN = [
    pytest.param(SANGONG, id="sangong"),
    pytest.param(STATEMENT, id="statement"),
    pytest.param(SHARES, id="shares"),
    pytest.param(CHANGE, id="change"),
]

BREAKS = [
    # 三公: a part misprinted (the parts add up to less), the total misprinted (they add up
    # to more), the 用车 subtotal copied into its own part (购置 + 运行 more than 用车)
    pytest.param(
        SANGONG, "公务接待费6.30", "公务接待费5.30", "PC102", {"36.50", "30.20", "5.30"}, id="sangong-part"
    ),
    pytest.param(
        SANGONG, "决算为36.50", "决算为35.50", "PC102", {"35.50", "30.20", "6.30"}, id="sangong-total"
    ),
    pytest.param(
        SANGONG,
        "公务用车购置费0万元",
        "公务用车购置费4.50万元",
        "PC102",
        {"30.20", "4.50"},
        id="sangong-copied",
    ),
    # 收支总表: the two sides' totals disagree; a carryover misprinted (the four lines no
    # longer balance; a 其中 of two need not be all of a side: 结余分配 may be a third)
    pytest.param(
        STATEMENT, "支出总计260.40", "支出总计266.40", "PC401", {"260.40", "266.40"}, id="statement-sides"
    ),
    pytest.param(
        STATEMENT,
        "年初结转和结余10.40",
        "年初结转和结余11.40",
        "PC101",
        {"250.00", "11.40", "255.10", "5.30"},
        id="statement-income",
    ),
    pytest.param(
        STATEMENT,
        "年末结转和结余5.30",
        "年末结转和结余3.50",
        "PC101",
        {"250.00", "10.40", "255.10", "3.50"},
        id="statement-spending",
    ),
    # shares of a stated list: two printed swapped; one rounded the wrong way
    pytest.param(SHARES, "占75%；", "占25%；", "PC201", {"300.00", "400.00", "25%"}, id="shares-swapped"),
    pytest.param(SHARES, "占25%。", "占26%。", "PC201", {"100.00", "400.00", "26%"}, id="shares-misrounded"),
    # 比上年: the rate taken against this year's figure (20 ÷ 520 is 3.8 %, against 500 it
    # is 4.0 %); the amount misprinted (25 ÷ 495 is 5.1 %)
    pytest.param(CHANGE, "增长4.0%", "增长3.8%", "PC302", {"520.00", "20.00", "3.8%"}, id="change-rate"),
    pytest.param(CHANGE, "增加20.00", "增加25.00", "PC302", {"520.00", "25.00", "4.0%"}, id="change-amount"),
]


@pytest.mark.parametrize("text", CLEAN)
def test_a_clean_text_of_each_kind_is_clean(text: str) -> None:
    ledger, result = read_text(text)
    assert result.findings == (), error_values(ledger, result)


def test_a_sangong_list_goes_on_past_the_bracketed_breakdown_of_a_part() -> None:
    ledger, _ = read_text(SANGONG)
    assert ({"36.50", "0", "30.20", "6.30"}, "stated") in relation_values(ledger, "sum")


@pytest.mark.parametrize(("text", "old", "new", "code", "values"), BREAKS)
def test_a_broken_stated_relation_is_an_error_naming_its_figures(
    text: str, old: str, new: str, code: str, values: set[str]
) -> None:
    ledger, result = read_text(text.replace(old, new))
    assert not result.ok
    assert code in [f.code for f in result.errors]
    found = error_values(ledger, result)
    assert any(values <= each for each in found)
    assert all(each & values for each in found)  # no error on figures the break does not touch


# Shares of a known partition (货物, 工程, 服务) with no list over their amounts: the rates
# must add up to 100 %, which the reader puts together (inferred): a warning, never an error.
PARTITION = (
    "全年政府采购规模5.00亿元。货物类采购1.00亿元，占采购总规模的20%；工程类采购3.00亿元，"
    "占采购总规模的60%；服务类采购1.00亿元，占采购总规模的20%。\n"
)


def test_partition_shares_adding_to_100_are_clean() -> None:
    ledger, result = read_text(PARTITION)
    assert result.findings == (), error_values(ledger, result)


def test_partition_shares_past_100_are_to_be_checked_not_errors() -> None:
    # 20 % + 70 % + 20 % is 110 %: the whole (采购总规模) is found by the reader, so warnings
    ledger, result = read_text(PARTITION.replace("占采购总规模的60%", "占采购总规模的70%"))
    assert result.ok, error_values(ledger, result)
    assert sorted(f.code for f in result.findings) == ["PC602", "PC903"]


def test_a_change_with_its_prior_printed_checks_amount_and_rate_each() -> None:
    text = "2022年本部门支出合计520.00万元，比上年同期500.00万元增加20.00万元，增长4.0%。\n"
    ledger, result = read_text(text)
    assert result.ok, error_values(ledger, result)
    # the amount against the two figures is wrong; the rate of the printed amount is still right
    ledger, result = read_text(text.replace("增加20.00", "增加30.00").replace("增长4.0%", "增长6.0%"))
    codes = sorted(f.code for f in result.errors)
    assert codes == ["PC301", "PC302"]


def test_a_change_against_a_budget_not_printed_is_only_to_be_checked() -> None:
    # 与年初预算相比: the base is put together by the reader (the figure ± the amount): PC903
    text = "2022年公务接待费支出5.20万元，与年初预算相比，减少0.80万元，下降13.3%。\n"
    ledger, result = read_text(text)
    assert result.ok, error_values(ledger, result)
    ledger, result = read_text(text.replace("下降13.3%", "下降15.4%"))
    assert result.ok
    assert [f.code for f in result.findings] == ["PC903"]
    assert result.findings[0].severity is perfcheck.Severity.WARNING
