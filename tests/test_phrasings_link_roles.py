"""A sentence's figure named by its role, and a table cell whose column names none.

The text reader links a figure printed in a sentence to the same item's cell in a table of
the same page (an inferred ``equal``: printed differently, a warning to check by hand). The
figure's role in the budget cycle (预算, 决算, 调整预算…) is part of what it is: ``“三公”经费支出
预算50万元`` is not the cell of a table headed ``项目 | 小计 | 合计``, whose columns say nothing
of budget or actual, even when that table's 合计 row and column is the page's only 三公 cell.
A figure with a role is paired only with a cell of that role, by its column (预算数, 决算数) or,
for a column naming none (``金额``), by the table's caption (``…“三公”经费支出预算表``); a figure
with no role keeps pairing with a cell of none. Every text here is our own writing,
reproducing the layouts real reports print.
"""

from __future__ import annotations

from phrasing_texts import checked_by_hand, error_values, read_text, relation_values

#: A 三公 table whose columns name no role, under a caption naming none, then a budget in a sentence.
NO_ROLE = (
    "一、2021年度“三公”经费支出情况表\n"
    "单位:万元\n"
    "项目 | 小计 | 合计 |\n"
    "合计 | 38.00 | 41.20 |\n"
    "公务接待费 | 6.20 | 6.20 |\n"
    "公务用车购置及运行维护费 | 31.80 | 35.00 |\n"
    "二、“三公”经费情况说明\n"
    "某中心2021年度“三公”经费支出预算50万元。\n"
)


def _equal_values(text: str) -> list[tuple[set[str], str]]:
    ledger, _ = read_text(text)
    return relation_values(ledger, "equal")


def _linked(text: str, *values: str) -> bool:
    """Whether an equality ties exactly ``values`` (one value when both print the same)."""
    return any(v == set(values) for v, _ in _equal_values(text))


def test_a_budget_takes_no_cell_of_a_column_naming_no_role() -> None:
    ledger, result = read_text(NO_ROLE)
    assert not any("50" in v for v, _ in relation_values(ledger, "equal"))  # not 合计 / 合计's 41.20
    assert result.ok, error_values(ledger, result)
    assert checked_by_hand(ledger, result) == []  # no false "check by hand"


def test_a_figure_and_a_column_naming_no_role_are_paired() -> None:
    text = NO_ROLE.replace("“三公”经费支出预算50万元", "“三公”经费支出41.20万元")
    ledger, result = read_text(text)
    assert ({"41.20"}, "inferred") in relation_values(ledger, "equal")  # 合计 row, 合计 column
    assert result.ok, error_values(ledger, result)
    assert not result.findings
    # printed unlike its cell: to be checked by hand, never an error
    ledger, result = read_text(text.replace("支出41.20万元", "支出42.10万元"))
    assert result.ok, error_values(ledger, result)
    assert {"42.10", "41.20"} in checked_by_hand(ledger, result)


#: The same table with its columns naming budget and actual.
ROLES = (
    NO_ROLE.replace("项目 | 小计 | 合计 |", "项目 | 预算数 | 决算数 |")
    .replace("合计 | 38.00 | 41.20 |", "合计 | 50.00 | 41.20 |")
    .replace("公务接待费 | 6.20 | 6.20 |", "公务接待费 | 10.00 | 6.20 |")
    .replace("公务用车购置及运行维护费 | 31.80 | 35.00 |", "公务用车购置及运行维护费 | 40.00 | 35.00 |")
)


def test_a_budget_is_paired_with_the_budget_column() -> None:
    ledger, result = read_text(ROLES.replace("支出预算50万元", "支出预算50.00万元"))
    assert ({"50.00"}, "inferred") in relation_values(ledger, "equal")
    assert result.ok, error_values(ledger, result)
    assert not result.findings


def test_an_actual_is_paired_with_the_actual_column_never_the_budgets() -> None:
    text = ROLES.replace("“三公”经费支出预算50万元", "“三公”经费支出决算41.20万元")
    assert _linked(text, "41.20")
    assert not any("50.00" in v for v, _ in _equal_values(text))


def test_a_budget_beside_an_actual_column_alone_is_not_paired() -> None:
    text = (
        NO_ROLE.replace("项目 | 小计 | 合计 |", "项目 | 决算数 |")
        .replace("合计 | 38.00 | 41.20 |", "合计 | 41.20 |")
        .replace("公务接待费 | 6.20 | 6.20 |", "公务接待费 | 6.20 |")
        .replace("公务用车购置及运行维护费 | 31.80 | 35.00 |", "公务用车购置及运行维护费 | 35.00 |")
    )
    ledger, result = read_text(text)
    assert not any("50" in v for v, _ in relation_values(ledger, "equal"))
    assert checked_by_hand(ledger, result) == []


#: One column of a budget as first set, a sentence giving the budget as adjusted.
ADJUSTED = (
    "一、2023年度“三公”经费支出表\n"
    "单位:万元\n"
    "项目 | 年初预算 |\n"
    "合计 | 30.00 |\n"
    "公务接待费 | 10.00 |\n"
    "公务用车购置及运行费 | 20.00 |\n"
    "二、情况说明\n"
    "2023年度公务接待费调整预算为12.00万元。\n"
)


def test_an_adjusted_budget_is_not_the_first_budgets_cell() -> None:
    ledger, result = read_text(ADJUSTED)
    assert not any("12.00" in v for v, _ in relation_values(ledger, "equal"))
    assert checked_by_hand(ledger, result) == []
    text = ADJUSTED.replace("调整预算为12.00万元", "年初预算为10.00万元")
    assert _linked(text, "10.00")  # the same role: paired


#: Columns naming no role under a caption that names one.
CAPTIONED = (
    "一、2022年一般公共预算“三公”经费支出预算表\n"
    "单位:万元\n"
    "项目 | 金额 |\n"
    "合计 | 79.00 |\n"
    "公务接待费 | 4.00 |\n"
    "公务用车购置及运行费 | 75.00 |\n"
    "二、2022年“三公”经费支出预算情况说明\n"
    "某局2022年一般公共预算“三公”经费支出预算为79.00万元。其中：公务接待费支出预算为4.00万元。\n"
)


def test_a_column_naming_no_role_takes_its_captions() -> None:
    ledger, result = read_text(CAPTIONED)
    equal = relation_values(ledger, "equal")
    assert ({"79.00"}, "inferred") in equal
    assert ({"4.00"}, "inferred") in equal
    assert result.ok, error_values(ledger, result)
    assert not result.findings


def test_a_captions_other_role_is_refused() -> None:
    text = CAPTIONED.replace("“三公”经费支出预算表", "“三公”经费支出决算表")
    ledger, result = read_text(text)
    assert not any("79.00" in v or "4.00" in v for v, _ in relation_values(ledger, "equal"))
    assert checked_by_hand(ledger, result) == []


def test_a_caption_naming_two_roles_names_none() -> None:
    text = CAPTIONED.replace("“三公”经费支出预算表", "“三公”经费预算与决算对比表")
    assert not any("79.00" in v for v, _ in _equal_values(text))


def test_items_with_a_role_take_no_cell_under_a_caption_naming_none() -> None:
    text = CAPTIONED.replace("“三公”经费支出预算表", "“三公”经费支出情况表")
    ledger, result = read_text(text)
    assert not any("79.00" in v or "4.00" in v for v, _ in relation_values(ledger, "equal"))
    assert checked_by_hand(ledger, result) == []
    # with no role in the sentence either, the one cell is paired
    assert _linked(text.replace("公务接待费支出预算为4.00万元", "公务接待费4.00万元"), "4.00")
