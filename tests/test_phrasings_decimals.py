"""Figures printing fewer decimals than the document's: a break that only the padding makes is inferred.

Every text here is own writing, in the shapes real 三公经费 pages print.
"""

from __future__ import annotations

from phrasing_texts import error_values, read_text, relation_values

# Most amounts print two decimals; the parts' budgets print fewer (46, 82.4, 12). At two
# decimals they add up to 140.40, not 140.46; at the decimals printed, 82.4 may be 82.46.
BUDGETS = (
    "2022年，本单位“三公”经费预算为140.46万元，其中：因公出国(境)费46万元、公务用车运行维护费82.4万元、"
    "国内公务接待费12万元。“三公”经费支出为121.37万元，其中：因公出国(境)费支出40.12万元，"
    "公务用车运行维护费支出72.13万元，国内公务接待费支出9.12万元。"
)


def test_a_sum_broken_only_by_the_decimals_given_is_inferred() -> None:
    ledger, result = read_text(BUDGETS)
    assert ({"140.46", "46", "82.4", "12"}, "inferred") in relation_values(ledger, "sum")
    assert result.ok, error_values(ledger, result)
    assert "PC903" in {f.code for f in result.findings}


def test_a_sum_broken_at_the_decimals_printed_stays_an_error() -> None:
    ledger, result = read_text(BUDGETS.replace("82.4万元", "80.4万元"))
    assert ({"140.46", "46", "80.4", "12"}, "stated") in relation_values(ledger, "sum")
    assert {"140.46", "46", "80.4", "12"} in error_values(ledger, result)


# A budget of 2万元 (printed to the unit) and what was spent, 1.37: 68.5 %, or anything from
# 55 % to 91 % at the decimals printed; 65% is a guess's break.
RATE = "公务接待费预算为2万元，支出决算为1.37万元，完成预算的65%；较上年减少0.21万元，下降13.29%。"


def test_a_rate_broken_only_by_the_decimals_given_is_inferred() -> None:
    ledger, result = read_text(RATE)
    assert ({"1.37", "2", "65%"}, "inferred") in relation_values(ledger, "ratio")
    assert result.ok, error_values(ledger, result)


def test_a_rate_broken_at_the_decimals_printed_stays_an_error() -> None:
    ledger, result = read_text(RATE.replace("完成预算的65%", "完成预算的35%"))
    assert ({"1.37", "2", "35%"}, "stated") in relation_values(ledger, "ratio")
    assert {"1.37", "2", "35%"} in error_values(ledger, result)
