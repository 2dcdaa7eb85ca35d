"""Rates of execution whose budget is a cell of a 三公 table printed in the text.

A 三公 决算 report prints its table (项目 | 预算数 | 决算数, flattened into the text one cell a
line or as ``|`` rows) and then, in its sentences, each item's actual with the share of its
budget it reached: ``“三公”经费支出决算为68.30万元，完成年初预算的88.7%。其中：…公务接待费支出决算为
26.40万元，完成年初预算的75.43%``. Only the total's budget is printed in a sentence, if any; each
item's is the table's cell of its row under 预算数. The rate is then the ratio of the actual to
that cell: of the row the actual's own cell is in (the total's, whatever the row's name: 合计),
or of the row that names the same item (公务车, 公车 and 公务用车 are one name). Found by name and
layout, each such ratio is inferred: broken, a warning to check by hand (PC903), never an
error. With no table, the rate is read with no denominator and checks nothing. Every text here
is our own writing, reproducing the layout real reports print.
"""

from __future__ import annotations

from phrasing_texts import checked_by_hand, error_values, read_text, relation_values

#: A 三公 table one cell a line, then the rates of its total and items in sentences.
CELLS = (
    "一、某单位2016年“三公”经费决算情况表\n"
    "(单位:万元)\n"
    "项 目\n预算数\n决算数\n"
    "合 计\n80.00\n70.00\n"
    "因公出国(境)费\n0.00\n"
    "公务接待费\n30.00\n24.00\n"
    "公务用车购置及运行费\n50.00\n46.00\n"
    "二、“三公”经费决算情况说明\n"
    "某单位2016年度“三公”经费财政拨款支出决算为70.00万元，完成年初预算的87.5%。其中：因公出国(境)费支出决算为"
    "0万元；公务接待费支出决算为24.00万元，完成年初预算的80%；公务车购置及运行维护费支出决算为46.00万元，完成年初预算的92%。\n"
)

#: The same items with the table in ``|`` rows and the total's budget printed in the sentence.
BARS = (
    "某区某局2019年度“三公”经费支出决算表\n"
    "单位:万元\n"
    "项目 | 预算数 | 决算数 |\n"
    "合计 | 60.00 | 45.00 |\n"
    "公务用车购置及运行维护费 | 40.00 | 36.00 |\n"
    "公务接待费 | 20.00 | 9.00 |\n"
    "某区某局2019年度“三公”经费财政拨款支出年初预算为60.00万元，支出决算为45.00万元，完成预算的75%，其中："
    "公务用车购置及运行维护费支出决算为36.00万元，完成预算的90%；公务接待费支出决算为9.00万元，完成预算的45%。\n"
)


def _ratios(text: str) -> list[tuple[set[str], str]]:
    ledger, _ = read_text(text)
    return relation_values(ledger, "ratio")


def test_the_totals_rate_is_of_the_budget_in_the_row_of_its_own_cell() -> None:
    ledger, result = read_text(CELLS)
    ratios = relation_values(ledger, "ratio")
    assert ({"70.00", "80.00", "87.5%"}, "inferred") in ratios  # the 合计 row's 预算数
    assert ({"24.00", "30.00", "80%"}, "inferred") in ratios
    assert ({"46.00", "50.00", "92%"}, "inferred") in ratios  # 公务车…运行维护费 is the 公务用车…运行费 row
    assert result.ok, error_values(ledger, result)
    assert not result.findings


def test_an_items_rate_after_the_totals_budget_sentence_is_of_its_tables_budget() -> None:
    ledger, result = read_text(BARS)
    ratios = relation_values(ledger, "ratio")
    assert ({"45.00", "60.00", "75%"}, "stated") in ratios
    assert ({"36.00", "40.00", "90%"}, "inferred") in ratios
    assert ({"9.00", "20.00", "45%"}, "inferred") in ratios
    assert not any("60.00" in v and ("36.00" in v or "9.00" in v) for v, _ in ratios)  # never the whole's
    assert result.ok, error_values(ledger, result)
    assert not result.findings


def test_a_broken_rate_against_a_tables_budget_is_to_be_checked_by_hand() -> None:
    ledger, result = read_text(BARS.replace("完成预算的45%", "完成预算的54%"))
    assert result.ok, error_values(ledger, result)
    assert checked_by_hand(ledger, result) == [{"9.00", "20.00", "54%"}]
    ledger, result = read_text(CELLS.replace("完成年初预算的87.5%", "完成年初预算的78.5%"))
    assert result.ok, error_values(ledger, result)
    assert checked_by_hand(ledger, result) == [{"70.00", "80.00", "78.5%"}]


def test_with_no_table_an_items_rate_checks_nothing() -> None:
    text = BARS.split("\n", 5)[5]  # the sentence alone: the items' budgets are printed nowhere
    ledger, result = read_text(text)
    ratios = relation_values(ledger, "ratio")
    assert ({"36.00", "90%"}, "stated") in ratios  # read, with no denominator
    assert not any("36.00" in v and len(v) == 3 for v, _ in ratios)
    assert result.ok
    assert not result.findings


def test_an_item_the_table_does_not_print_takes_no_other_rows_budget() -> None:
    text = BARS.replace("公务接待费支出决算为9.00万元", "会议费支出决算为9.00万元")
    ratios = _ratios(text)
    assert not any("9.00" in v and len(v) == 3 for v, _ in ratios)
    assert ({"36.00", "40.00", "90%"}, "inferred") in ratios


def test_a_rate_of_an_adjusted_budget_is_not_of_the_tables_budget() -> None:
    text = BARS.replace(
        "公务接待费支出决算为9.00万元，完成预算的45%", "公务接待费支出决算为9.00万元，完成调整预算的45%"
    )
    ratios = _ratios(text)
    assert not any({"9.00", "20.00"} <= v for v, _ in ratios)


#: The total's actual named by its role alone, after the clause that names the 三公 and its budget.
ROLE_ONLY = (
    "一、2021年度“三公”经费支出决算表\n"
    "单位:万元\n"
    "项 目 |\n预 算 数 |\n决 算 数 |\n|\n"
    "合 计 |\n50 |\n41.20 |\n|\n"
    "公务接待费 |\n10 |\n6.20 |\n|\n"
    "公务用车购置及运行维护费 |\n40 |\n35.00 |\n"
    "二、“三公”经费支出情况说明\n"
    "某中心2021年度“三公”经费支出预算为50万元，支出决算为41.20万元，完成预算的82.4%。\n"
)


def _equal_values(text: str) -> list[tuple[set[str], str]]:
    ledger, _ = read_text(text)
    return relation_values(ledger, "equal")


def test_a_figure_named_by_its_role_alone_is_its_clauses_subject_in_the_table() -> None:
    ledger, result = read_text(ROLE_ONLY)
    assert ({"41.20"}, "inferred") in relation_values(ledger, "equal")  # 支出决算 = 合计 / 决算数 (one value)
    assert result.ok, error_values(ledger, result)
    assert not result.findings


def test_a_role_only_figure_printed_unlike_its_cell_is_to_be_checked_by_hand() -> None:
    text = ROLE_ONLY.replace("支出决算为41.20万元，完成预算的82.4%", "支出决算为42.20万元，完成预算的84.4%")
    ledger, result = read_text(text)
    assert result.ok, error_values(ledger, result)
    assert {"42.20", "41.20"} in checked_by_hand(ledger, result)


def test_a_role_only_figure_takes_no_cell_of_a_column_naming_no_role() -> None:
    # the header names the funds' sources, not budget and actual: which cell is the 决算 is not said
    text = ROLE_ONLY.replace("预 算 数 |", "一般公共预算 |").replace("决 算 数 |", "政府性基金 |")
    assert not any("41.20" in v for v, _ in _equal_values(text))


#: Budget and actual each over the same three sources, the label column's cell spanning both header rows.
SOURCES = (
    "一、2022年度一般公共预算及政府性基金财政拨款“三公”经费支出决算表\n"
    "单位:万元\n"
    "项目 | 预算数 | 决算数 | ||||\n"
    "合计 | 一般公共预算 | 政府性基金 | 合计 | 一般公共预算 | 政府性基金 | |\n"
    "公务接待费 | 6 | 6 | 0 | 4.50 | 4.50 | 0 |\n"
    "公务用车购置及运行费 | 30 | 24 | 6 | 28.50 | 23.00 | 5.50 |\n"
    "总计 | 36 | 30 | 6 | 33.00 | 27.50 | 5.50 |\n"
    "二、“三公”经费支出决算情况说明\n"
    "2022年度一般公共预算及政府性基金财政拨款“三公”经费支出年初预算36万元，支出决算33.00万元，完成年初预算的91.67%。\n"
)


def test_a_second_header_row_repeated_under_each_role_is_spread_under_it() -> None:
    ledger, result = read_text(SOURCES)
    labels = {f.value: str(f.label) for f in ledger.figures if f.value in {"24", "23.00", "5.50"}}
    assert "预算数" in labels["24"]
    assert "一般公共预算" in labels["24"]
    assert "决算数" in labels["23.00"]
    assert "政府性基金" in labels["5.50"]
    sums = relation_values(ledger, "sum")
    assert ({"30", "24", "6"}, "inferred") in sums  # 合计 = 一般公共预算 + 政府性基金, in the budget's group
    assert ({"28.50", "23.00", "5.50"}, "inferred") in sums
    assert ({"33.00"}, "inferred") in relation_values(ledger, "equal")  # 支出决算 = 总计 / 决算数/合计
    assert result.ok, error_values(ledger, result)
    assert not result.findings


def test_a_second_header_row_of_different_groups_is_not_spread_evenly() -> None:
    text = SOURCES.replace(
        "合计 | 一般公共预算 | 政府性基金 | 合计 | 一般公共预算 | 政府性基金 | |",
        "合计 | 一般公共预算 | 政府性基金 | 合计 | 基本支出 | 项目支出 | |",
    )
    ledger, _ = read_text(text)
    assert not any("决算数" in str(f.label) and "一般公共预算" in str(f.label) for f in ledger.figures)
