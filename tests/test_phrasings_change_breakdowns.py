"""The parts' changes make up the total's, whatever read the total's parts; a base word wrapped by a page.

Own writing, in the shapes of real 三公 reports:

- a 三公 total and each class printed first in a sentence of its own (no list word: the
  classes are the total's parts by definition, an inferred sum), each with its change
  against 上年: the classes' changes add up to the total's, as a listed total's do;
- a PDF's line wrapped inside the base word (``比去`` / ``年增加1.00万元``): the item's change is
  still against 上年, the base of the total's change its 其中 list breaks down.
"""

from __future__ import annotations

from phrasing_texts import breakdown_values, checked_by_hand, error_values, read_text, relation_values

CLASSES = (
    "某局2019年“三公”经费预算\n"
    "2019年“三公”经费预算为300.00万元，比上年减少{total}万元。\n"
    "因公出国（境）费预算100.00万元，比上年减少10.00万元。\n"
    "公务用车购置及运行费预算150.00万元，比上年减少25.00万元。\n"
    "公务接待费预算50.00万元，{base}增加5.00万元。\n"
)


def changes_formulas(text: str) -> list[tuple[set[str], str]]:
    ledger, _ = read_text(text)
    return [(v, b) for v, b in relation_values(ledger, "sum", "balance", "formula") if "300.00" not in v]


def test_the_classes_changes_make_up_the_total_change() -> None:
    # 10 + 25 - 5 = 30: the classes are the total's parts by an inferred sum, not a list
    text = CLASSES.format(total="30.00", base="比上年")
    assert changes_formulas(text) == [({"30.00", "10.00", "25.00", "5.00"}, "inferred")]
    ledger, result = read_text(text)
    assert not result.errors
    assert checked_by_hand(ledger, result) == []


def test_a_total_change_its_classes_miss_is_to_be_checked_by_hand() -> None:
    ledger, result = read_text(CLASSES.format(total="40.00", base="比上年"))
    assert error_values(ledger, result) == []
    assert {"40.00", "10.00", "25.00", "5.00"} in checked_by_hand(ledger, result)


def test_a_class_changed_against_another_base_makes_no_breakdown() -> None:
    # near miss: 比年初预算 is no base of the total's change, so the changes are no terms of one sum
    assert changes_formulas(CLASSES.format(total="30.00", base="比年初预算")) == []


WRAPPED = (
    "某中心2020年度“三公”经费支出决算说明\n"
    "2020年度一般公共预算财政拨款安排的“三公”经费支出决算总额为5.48万元，比预算增加0万元，比去年增加\n"
    "{total}万元，增长{rate}%，增加原因主要是公务用车运行支出增加。其中，因公出国支出决算比预算无增减变化，\n"
    "比去年无增减变化；公务用车运行维护费支出决算比预算无增减变化，比去年增加1.05万元，增长35.8%，增加\n"
    "原因主要是检测任务增加，公务车使用增加；公务接待费支出决算比预算无增减变化，比去\n"
    "年增加0.5万元，增长50%，增加原因主要是接待上级部门监督检查的任务增加。\n"
)


def test_a_base_wrapped_inside_its_word_is_read_as_printed_whole() -> None:
    ledger, result = read_text(WRAPPED.format(total="1.55", rate="39.4"))
    assert ({"1.55", "1.05", "0.5"}, "inferred") in breakdown_values(ledger)
    assert checked_by_hand(ledger, result) == []


def test_a_wrapped_breakdown_that_misses_its_total_is_to_be_checked_by_hand() -> None:
    ledger, result = read_text(WRAPPED.format(total="1.65", rate="43.1"))
    assert {"1.65", "1.05", "0.5"} in checked_by_hand(ledger, result)
    assert error_values(ledger, result) == []
