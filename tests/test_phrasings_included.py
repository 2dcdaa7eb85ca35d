"""A total defined in words by what it includes (``收入总计包括收入合计、年初结转和结余``), its figures elsewhere.

The parts named are the figures the report prints under those names (once each, of the total's
year): an inferred sum, partial when a part named is printed nowhere. Every text here is our own
writing, in the shape of 部门决算 and 三公经费 pages (bench/corpus holds the index of the real pages,
never their text).
"""

from __future__ import annotations

import pytest

import perfcheck
from phrasing_texts import checked_by_hand, read_text, relation_values

HEAD = "某单位2019年度部门决算说明\n总体情况。2019年度收入总计150.00万元，支出总计150.00万元。"
INCOME = "收入情况。2019年度收入合计120.00万元，其中：财政拨款收入100.00万元，其他收入20.00万元。{carried}\n"

DEFINITIONS = [
    "本部分的收入总计包括收入合计、年初结转和结余。",
    "收入总计包括：收入合计、年初结转和结余。",
    "收入总计包含收入合计和年初结转和结余，支出总计包括本年支出合计、年末结转和结余。",
]


@pytest.mark.parametrize("definition", DEFINITIONS)
@pytest.mark.parametrize("carried", ["年初结转和结余30.00万元。", "此外，年初结转和结余30.00万元。"])
def test_the_total_is_the_sum_of_the_figures_its_definition_names(definition: str, carried: str) -> None:
    text = HEAD + definition + "\n" + INCOME.format(carried=carried)
    ledger, result = read_text(text)
    assert ({"150.00", "120.00", "30.00"}, "inferred") in relation_values(ledger, "sum")
    assert not result.findings, [f.message for f in result.findings]


def test_a_misprinted_part_is_to_be_checked_by_hand() -> None:
    text = HEAD + DEFINITIONS[0] + "\n" + INCOME.format(carried="年初结转和结余35.00万元。")
    ledger, result = read_text(text)
    assert result.ok  # inferred: the reader found the figures by their names
    assert {"150.00", "120.00", "35.00"} in checked_by_hand(ledger, result)


def test_a_part_printed_nowhere_leaves_the_sum_partial() -> None:
    text = (
        HEAD
        + "支出总计包括本年支出合计、结余分配、年末结转和结余。\n"
        + "支出情况。2019年度支出合计140.00万元，其中：基本支出90.00万元，项目支出50.00万元。\n"
    )
    ledger, result = read_text(text)
    sums = [r for r in ledger.relations if isinstance(r, perfcheck.SumRelation) and r.basis == "inferred"]
    values = {f.id: f.value for f in ledger.figures}
    found = [r for r in sums if values[r.total] == "150.00"]
    assert [(sorted(values[p] for p in r.parts), r.exhaustive) for r in found] == [(["140.00"], False)]
    assert not result.findings
    # more than the total is still wrong, to be checked by hand
    ledger, result = read_text(
        text.replace(
            "支出合计140.00万元，其中：基本支出90.00万元，项目支出50.00",
            "支出合计160.00万元，其中：基本支出110.00万元，项目支出50.00",
        )
    )
    assert {"150.00", "160.00"} in checked_by_hand(ledger, result)


def test_the_three_items_of_sangong_defined_then_printed_one_a_sentence() -> None:
    text = (
        "某局2020年“三公”经费决算说明\n"
        "“三公”经费包括因公出国（境）费、公务用车购置及运行费和公务接待费。2020年“三公”经费支出12.00万元。"
        "因公出国（境）费支出0万元。公务用车购置及运行费支出9.50万元。公务接待费支出2.50万元。\n"
    )
    ledger, result = read_text(text)
    assert ({"12.00", "0", "9.50", "2.50"}, "inferred") in relation_values(ledger, "sum")
    assert not result.findings


@pytest.mark.parametrize(
    "definition",
    [
        "收入总计包括收入合计、年初结转和结余等。",  # 等: some parts only
        "收入总计主要包括收入合计、年初结转和结余。",
    ],
)
def test_a_definition_of_some_parts_gives_no_sum(definition: str) -> None:
    text = HEAD + definition + "\n" + INCOME.format(carried="年初结转和结余30.00万元。")
    ledger, _ = read_text(text)
    assert not any("150.00" in values for values, _ in relation_values(ledger, "sum"))


def test_a_name_printed_twice_is_no_figure_to_bind() -> None:
    # two 年初结转和结余 of the report's year: which is meant is not known
    text = (
        HEAD
        + DEFINITIONS[0]
        + "\n"
        + INCOME.format(carried="年初结转和结余30.00万元。")
        + "年初结转和结余31.00万元。\n"
    )
    ledger, _ = read_text(text)
    assert not any({"150.00", "120.00"} <= values for values, _ in relation_values(ledger, "sum"))


def test_a_total_with_its_own_list_gets_no_second_sum() -> None:
    text = (
        "某单位2019年度部门决算说明\n2019年度收入合计120.00万元，其中：财政拨款收入100.00万元，其他收入20.00万元。"
        "收入合计包括财政拨款收入和其他收入。\n"
    )
    ledger, _ = read_text(text)
    assert [basis for values, basis in relation_values(ledger, "sum") if "120.00" in values] == ["stated"]
