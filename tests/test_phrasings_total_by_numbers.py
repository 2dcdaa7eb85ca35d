"""A list after a sentence printing several amounts: its total is the one its parts add up to.

And a share's whole named only by a word a later paragraph's figure ends in is not that figure.
Own writing, in the shape of 预算调整 and 预算执行 pages.
"""

from __future__ import annotations

from phrasing_texts import error_values, read_text, relation_values

TARGET_AND_OUTCOME = (
    "1.地方财政收入。地方财政收入预期目标12.5亿元，预计完成14.0亿元，占预期目标的112%，超收1.5亿元，"
    "主要是资源收益增加。其中：预计税收收入9.8亿元，占预算的70%；非税收入4.2亿元，占预算的30%。\n"
    "2.上级补助收入。上级财力性补助收入年初预算6.1亿元，预计完成7.3亿元。\n"
)


def test_the_parts_total_is_the_amount_they_add_up_to_and_the_sum_is_inferred() -> None:
    ledger, result = read_text(TARGET_AND_OUTCOME)
    sums = relation_values(ledger, "sum")
    assert ({"14.0", "9.8", "4.2"}, "inferred") in sums
    assert not [s for s, _ in sums if "12.5" in s]
    assert result.ok, error_values(ledger, result)


def test_parts_adding_up_to_none_of_the_amounts_are_to_be_checked_by_hand() -> None:
    _, result = read_text(TARGET_AND_OUTCOME.replace("非税收入4.2亿元", "非税收入4.9亿元"))
    assert result.ok  # which amount the list details is the reader's guess: never an error
    assert "PC903" in {f.code for f in result.findings}


def test_a_list_under_the_only_amount_of_its_sentence_stays_stated() -> None:
    text = "全县一般公共预算收入完成9.0亿元。其中：税收收入6.0亿元，非税收入3.5亿元。\n"
    ledger, result = read_text(text)
    assert ({"9.0", "6.0", "3.5"}, "stated") in relation_values(ledger, "sum")
    assert {"9.0", "6.0", "3.5"} in error_values(ledger, result)


def test_a_shares_whole_is_not_a_figure_of_a_later_paragraph_ending_in_its_word() -> None:
    ledger, result = read_text(TARGET_AND_OUTCOME)
    values = {f.id: f.value for f in ledger.figures}
    shares = [{values[i] for i in r.operands()} for r in ledger.relations if r.kind == "share"]
    assert not [s for s in shares if "6.1" in s]
    assert not [f for f in result.findings if f.code == "PC201"]


PEOPLE_AFTER_UNITS = (
    "2020年度本区本级共86个一级预算部门，财政供养人员共计5,120人。其中：行政编制财政供养人员1,020人，"
    "事业编制财政供养人员4,100人。\n"
)


def test_a_count_of_other_things_gives_way_to_the_amount_the_parts_measure() -> None:
    ledger, result = read_text(PEOPLE_AFTER_UNITS)
    assert ({"5,120", "1,020", "4,100"}, "inferred") in relation_values(ledger, "sum")
    assert not [s for s, _ in relation_values(ledger, "sum") if "86" in s]
    assert not result.findings


def test_parts_of_people_adding_up_to_neither_count_are_to_be_checked_by_hand() -> None:
    _, result = read_text(PEOPLE_AFTER_UNITS.replace("4,100人", "4,300人"))
    assert result.ok
    assert [f.code for f in result.findings] == ["PC903"]


NAMED_IN_FULL = (
    "2015年，市级公共预算收入完成30.10亿元，完成预算的102.00%；公共预算支出完成40.00亿元，完成预算的100.50%。"
    "政府性基金收入50.20亿元，支出48.00亿元。\n"
    "市级用于教育、社保、医疗卫生等民生方面的支出30.00亿元，占公共预算支出的75.00%。\n"
)


def test_a_shares_whole_is_the_figure_named_by_all_its_words_not_a_nearer_one_ending_them() -> None:
    ledger, result = read_text(NAMED_IN_FULL)
    assert ({"30.00", "40.00", "75.00%"}, "stated") in relation_values(ledger, "share")
    assert not result.findings
    ledger, result = read_text(NAMED_IN_FULL.replace("75.00%", "62.50%"))
    assert {"30.00", "40.00", "62.50%"} in error_values(ledger, result)
