"""Where a list run on past ``；`` ends, and which total a list after ``；其中`` details.

Own writing, in the shape of pages that join their statements with ``；`` where others print
``。``: a list's run then reaches figures that cannot be its parts (one alone far more than the
total, a figure of another of the four budgets, the total's sibling named by its own name), and a
``；其中`` list after a small amount details the larger one it adds up to. Each reads clean;
each near miss keeps its break.
"""

from __future__ import annotations

import pytest

from perfcheck.extract import extract
from phrasing_texts import error_values, read_text, relation_values

RUN_ON = {
    "a part alone far more than the total": (
        "实有各类工作人员54.62万人，其中离退休人员20.89万人；直属高校在校学生600.39万人。"
    ),
    "a part of another budget": (
        "全区一般公共预算支出397641万元，增长0.7%，其中：民生支出257215万元，占64.7%；"
        "政府性基金支出197944万元，国有资本经营支出180万元。"
    ),
    "the total's sibling by its own name": (
        "2016年“三公”经费预算为168.53万元，其中：因公出国（境）费39万元、公务用车运行维护费119.5万元、"
        "公务接待费10万元；“三公”经费支出为163.58万元，完成预算的97.06%，其中：因公出国（境）费支出52.15万元；"
        "公务用车运行维护费支出104.46万元；公务接待费支出6.97万元。"
    ),
    "kinds of the total, then another kind of people": (
        "财政供养人员共计9,244人；其中：行政编制财政供养人员1,845人，事业编制财政供养人员7,399人，离退休人员1,206人。"
    ),
}


@pytest.mark.parametrize("name", list(RUN_ON))
def test_a_list_run_on_past_a_semicolon_ends_before_what_cannot_be_its_part(name: str) -> None:
    ledger, result = read_text(RUN_ON[name])
    assert result.ok, error_values(ledger, result)


def test_kinds_of_the_total_by_its_name_make_it_up() -> None:
    ledger, _ = read_text(RUN_ON["kinds of the total, then another kind of people"])
    assert ({"9,244", "1,845", "7,399"}, "stated") in relation_values(ledger, "sum")


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # near miss: the part after ； is of the total's own budget and no more than it
        (
            "全区一般公共预算支出397641万元，其中：民生支出257215万元；教育支出197944万元。",
            {"397641", "257215", "197944"},
        ),
        # near miss: a class whose name opens as the total's (一般公共…) is no sibling of it
        (
            "一般公共预算支出1000万元，其中：教育支出300万元；一般公共服务支出800万元。",
            {"1000", "300", "800"},
        ),
        # near miss: a part whose name ends the total's (运行维护费) is its part, not its sibling
        (
            "公务用车购置及运行维护费12.00万元，其中：公务用车购置费0.00万元；运行维护费12.50万元。",
            {"12.00", "0.00", "12.50"},
        ),
        # near miss: kinds of the total that add up past it are parts over their total
        (
            "财政供养人员共计9,244人；其中：行政编制财政供养人员1,845人，事业编制财政供养人员7,500人。",
            {"9,244", "1,845", "7,500"},
        ),
    ],
)
def test_near_miss_parts_that_can_be_parts_keep_their_break(text: str, values: set[str]) -> None:
    ledger, result = read_text(text)
    assert values in error_values(ledger, result)


SECOND_LIST = {
    "the later list adds up to the income, not the carry-over": (
        "2021年，省财政厅下达彩票公益金1237万元；其中，福利彩票公益金498万元，体育彩票公益金739万元。\n"
        "2021年彩票公益金收入1237万元，安排支出1169万元，结转下年使用68万元；其中：福利彩票公益金498万元，"
        "体育彩票公益金739万元。"
    ),
    "a second split of the whole after its first": (
        "整合资金21621.62万元，其中：部门支出10282.59万元，支出进度89.45%；乡镇支出11339.03万元，"
        "支出进度85.51%；其中：专项扶贫资金支出8304.36万元；涉农整合资金支出13317.26万元。"
    ),
}


@pytest.mark.parametrize("name", list(SECOND_LIST))
def test_a_list_after_semicolon_details_the_amount_of_its_period_it_adds_up_to(name: str) -> None:
    ledger, result = read_text(SECOND_LIST[name])
    assert result.ok, error_values(ledger, result)


def test_a_period_after_a_change_with_no_figure_and_nothing_after_it_reads() -> None:
    # the reader once failed here (an index past the end of the sentences)
    found = extract("支出100万元，比上年减少10万元。主要是压减开支；严控会议。")
    assert [r.kind for r in found.ledger.relations] == ["change"]


LINES_BELOW = (
    "一、筹集情况\n2021年，下达彩票公益金1237万元；其中，福利彩票公益金498万元，体育彩票公益金739万元。\n"
    "二、使用情况\n2021年彩票公益金收入1237万元，安排支出1169万元，结转下年使用68万元；其中：\n"
    "1.福利彩票公益金498万元，用于社会福利事业286万元。\n2.体育彩票公益金739万元，用于体育事业532万元。\n"
)


def test_totals_of_lists_bound_by_a_guess_are_never_equal_for_certain() -> None:
    ledger, result = read_text(LINES_BELOW)
    assert result.ok, error_values(ledger, result)
    assert ({"1237", "68"}, "stated") not in relation_values(ledger, "equal")


def test_near_miss_two_stated_lists_of_the_same_parts_still_make_their_totals_one() -> None:
    text = (
        "一、筹集情况\n下达彩票公益金1237万元，其中：福利彩票公益金498万元，体育彩票公益金739万元。\n"
        "二、使用情况\n彩票公益金收入1273万元：福利彩票公益金498万元，体育彩票公益金739万元。\n"
    )
    ledger, result = read_text(text)
    assert ({"1237", "1273"}, "stated") in relation_values(ledger, "equal")
    assert {"1237", "1273"} in error_values(ledger, result)
