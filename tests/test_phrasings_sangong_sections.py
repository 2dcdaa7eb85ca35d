"""A 三公 total, then each of its classes in a sentence or section of its own: an inferred sum.

``“三公”经费预算总额为2226.28万元…。因公出国（境）费2015年预算1153万元…。公务用车购置及运行费预算
921.09万元…。公务接待费2015年预算152.19万元…``: no list word ties them, but the three classes are the
三公 by definition. Every text here is our own writing, in the shape of 三公经费 pages (bench/corpus
holds the index of the real pages, never their text).
"""

from __future__ import annotations

import pytest

import perfcheck
from phrasing_texts import checked_by_hand, read_text, relation_values

HEAD = "某局2015年“三公”经费预算说明\n"

SENTENCES = (
    "2015年“三公”经费预算总额为200.00万元，比2014年预算减少20.00万元。\n"
    "具体而言，因公出国（境）费2015年预算50.00万元，比2014年预算减少5.00万元。\n"
    "公务用车购置及运行费预算120.00万元，比2014年预算减少10.00万元。\n"
    "公务接待费2015年预算30.00万元，比2014年预算减少5.00万元。\n"
)
APART = (
    "2015年市本级“三公”支出合计为200.00万元，完成年初预算80.0%。\n"
    "据介绍，2015年因公出国（境）经费支出50.00万元，完成年初预算75.0%。\n"
    "而公务用车购置费支出40.00万元，完成年初预算90.0%。\n"
    "公务用车运行维护费支出80.00万元，完成年初预算80.0%。\n"
    "此外，公务接待费支出30.00万元，完成年初预算70.0%。\n"
)
SECTIONS = (
    "一、2015年“三公”经费预算总计150.00万元\n"
    "（一）2015年无因公出国（境）费用预算，同比无变化。\n"
    "（二）2015年公务接待费预算30.00万元，同比减少1.00万元。\n"
    "（三）公务用车费预算120.00万元，同比减少5.00万元。\n"
)


@pytest.mark.parametrize(
    ("text", "values", "exhaustive"),
    [
        (SENTENCES, {"200.00", "50.00", "120.00", "30.00"}, True),
        (APART, {"200.00", "50.00", "40.00", "80.00", "30.00"}, True),
        (SECTIONS, {"150.00", "30.00", "120.00"}, False),  # no 出国 printed: at least the two
    ],
)
def test_the_classes_printed_apart_add_up_to_the_total(text: str, values: set[str], exhaustive: bool) -> None:
    ledger, result = read_text(HEAD + text)
    named = {f.id: f.value for f in ledger.figures}
    sums = [
        r
        for r in ledger.relations
        if isinstance(r, perfcheck.SumRelation) and {named[i] for i in r.operands()} == values
    ]
    assert [(r.basis, r.exhaustive) for r in sums] == [("inferred", exhaustive)]
    assert not result.findings, [f.message for f in result.findings]


def test_a_misprinted_class_is_to_be_checked_by_hand() -> None:
    ledger, result = read_text(HEAD + SENTENCES.replace("预算120.00万元", "预算125.00万元"))
    assert result.ok
    assert {"200.00", "50.00", "125.00", "30.00"} in checked_by_hand(ledger, result)


def test_the_changes_of_the_classes_are_no_parts_of_the_total() -> None:
    ledger, _ = read_text(HEAD + SENTENCES)
    sums = relation_values(ledger, "sum")
    assert not any({"20.00", "5.00", "10.00"} <= values and "200.00" in values for values, _ in sums)
    # the classes' changes make up the total's change (20 = 5 + 10 + 5): a sum of changes, inferred
    assert ({"20.00", "5.00", "10.00"}, "inferred") in sums


def test_a_class_printed_twice_gives_no_sum() -> None:
    text = SENTENCES + "公务接待费预算31.00万元，主要用于来访接待。\n"
    ledger, _ = read_text(HEAD + text)
    assert not any("200.00" in values for values, _ in relation_values(ledger, "sum"))


def test_a_total_with_its_own_list_gets_no_second_sum() -> None:
    text = (
        "2015年“三公”经费预算总额为200.00万元，其中：因公出国（境）费50.00万元，公务用车购置及运行费120.00万元，"
        "公务接待费30.00万元。\n因公出国（境）费2015年预算50.00万元。\n公务接待费2015年预算30.00万元。\n"
    )
    ledger, _ = read_text(HEAD + text)
    assert [basis for values, basis in relation_values(ledger, "sum") if "200.00" in values] == ["stated"]
