"""Counts of listed names, lists that end at a ``；``, and rates that are an indicator's target.

Texts of our own writing reproducing phrasings of the sixth fresh set's first reading, where
each gave a false error: names counted inside brackets, a list cut at a comma, a count of
kinds taken as a total of other counts, staff in post taken as parts of the posts, and a
rate indicator's target or scoring threshold read as a ratio of the figures before it.
"""

from __future__ import annotations

import pytest
from tests.phrasing_texts import checked_by_hand, error_values, read_text, relation_values


def _listed(text: str) -> list[str]:
    """The labels of the relations counting a list's names."""
    ledger, _ = read_text(text)
    return [str(r.label) for r in ledger.relations if str(r.id).startswith("listed")]


@pytest.mark.parametrize(
    "text",
    [
        "本单位内设5个科室，分别是办公室、财务科(含会计室、出纳室)、业务科、信息科、综合科。",
        "我局内设4个科室，分别是：办公室、执法大队（下设一中队、二中队、三中队）、规划科、法规科。",
    ],
)
def test_names_inside_brackets_are_not_counted(text: str) -> None:
    _, result = read_text(text)
    assert list(result.errors) == []
    assert len(_listed(text)) == 1


def test_a_count_whose_bracketed_names_leave_too_few_is_still_an_error() -> None:
    text = "本单位内设5个科室，分别是办公室、财务科(含会计室、出纳室)、业务科。"
    _, result = read_text(text)
    assert [e.code for e in result.errors] == ["PC502"]


@pytest.mark.parametrize(
    "text",
    [
        "本院内设8个部门，派出法庭2个，分别是政治处、办公室、立案庭、审判庭、执行局、研究室，东城法庭、西城法庭。",
        "本局内设6个科室，下属单位3个，分别为办公室、财务科、人事科，甲站、乙站、丙站。",
    ],
)
def test_names_of_two_counts_together_are_not_bound_to_either(text: str) -> None:
    _, result = read_text(text)
    assert list(result.errors) == []
    assert _listed(text) == []


def test_a_list_cut_at_a_comma_is_not_counted() -> None:
    text = "本单位设3个中心，分别是甲中心、乙中心，丙中心、丁中心另行管理。"
    _, result = read_text(text)
    assert list(result.errors) == []
    assert _listed(text) == []


@pytest.mark.parametrize(
    "text",
    [
        (
            "全年安排项目资金520万元，涉及三大类，其中：道路项目12个，资金规模300万元；水利项目8个，"
            "资金规模150万元；产业项目5个，资金规模70万元。"
        ),
        (
            "今年共实施项目四大类，其中：饮水项目6个，资金60万元；道路项目9个，资金90万元；水利项目3个，"
            "资金30万元；产业项目2个，资金20万元。"
        ),
    ],
)
def test_a_count_of_kinds_is_no_total_of_the_counts_listed(text: str) -> None:
    ledger, result = read_text(text)
    assert list(result.errors) == []
    kinds = {f.id for f in ledger.figures if "大类" in f.label}
    assert not any(set(r.operands()) & kinds for r in ledger.relations if r.kind == "sum")


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("编制人数6人，其中事业编制6人；实有在职人员5人，离退休2人。", {"6"}),
        ("核定编制9人，其中行政编制5人，事业编制4人；实有人员8人，退休人员3人。", {"9", "5", "4"}),
    ],
)
def test_a_list_whole_before_a_semicolon_ends_there(text: str, parts: set[str]) -> None:
    ledger, result = read_text(text)
    assert list(result.errors) == []
    sums = [values for values, _ in relation_values(ledger, "sum")]
    assert sums == [parts]


def test_a_list_that_misses_its_total_across_a_semicolon_is_still_an_error() -> None:
    ledger, result = read_text("编制人数9人，其中行政编制5人；事业编制6人。")
    assert error_values(ledger, result) == [{"9", "5", "6"}]


@pytest.mark.parametrize(
    "text",
    [
        (
            "数量指标：年度组织活动目标值是20次，实际完成值为30次，目标完成率为150%。资金到位率目标值是100%，"
            "实际完成值为100%。"
        ),
        "活动场次目标值是12场，实际完成值为15场。補助資金到位率指標值為100%。",
    ],
)
def test_a_money_rate_is_no_ratio_of_counts(text: str) -> None:
    ledger, result = read_text(text)
    assert list(result.errors) == []
    money = {f.id for f in ledger.figures if "到位率" in f.label}
    assert not any(set(r.operands()) & money for r in ledger.relations if r.kind == "ratio")


def test_a_rate_printed_as_a_scoring_threshold_is_no_ratio() -> None:
    text = (
        "项目资金投入目标值是10万元，实际完成值为0万元。预算执行率满分3分，得3分，资金使用率大于95%的得满分。"
    )
    ledger, result = read_text(text)
    assert list(result.errors) == []
    assert relation_values(ledger, "ratio") == []


def test_a_money_rate_of_amounts_is_still_checked() -> None:
    text = "项目预算资金50万元，实际到位资金40万元，资金到位率为90%。"
    ledger, result = read_text(text)
    assert error_values(ledger, result) == [{"50", "40", "90%"}]


INDICATORS = (
    "数量指标：组织活动目标值是28次，实际完成值为40次，目标完成率为143%；"
    "补助发放率目标值是100%，实际完成值为100%，目标完成率为100%。"
)


def test_a_rate_closes_the_terms_printed_before_it() -> None:
    ledger, result = read_text(INDICATORS)
    assert list(result.errors) == []
    assert ({"28", "40", "143%"}, "stated") in relation_values(ledger, "ratio")
    assert not any("100%" in values and "40" in values for values, _ in relation_values(ledger, "ratio"))


def test_the_first_indicators_wrong_rate_is_still_an_error() -> None:
    ledger, result = read_text(INDICATORS.replace("143%", "120%"))
    assert error_values(ledger, result) == [{"28", "40", "120%"}]


@pytest.mark.parametrize(
    "text",
    [
        "按采购方式划分，公开招标项目70个，预算金额4000万元，实际采购金额3700万元，节省资金300万元，节资率7.50%。",
        "按采購方式劃分，公開招標項目70個，預算金額4000萬元，實際采購金額3700萬元，節省資金300萬元，節資率7.50%。",
        "本月共组织采购项目12个，采购预算1200万元，成交金额1140万元，节约资金60万元，节资率5%。",
    ],
)
def test_a_saving_named_by_saved_or_in_traditional_characters_is_read(text: str) -> None:
    ledger, result = read_text(text)
    assert list(result.findings) == []
    sums = [values for values, _ in relation_values(ledger, "sum")]
    ratios = [values for values, _ in relation_values(ledger, "ratio")]
    assert len(sums) == 1
    assert len(sums[0]) == 3
    assert len(ratios) == 1
    assert any(v.endswith("%") for v in ratios[0])


def test_a_saving_rate_in_traditional_characters_that_misses_is_checked_by_hand() -> None:
    text = "預算金額4000萬元，實際采購金額3700萬元，節省資金300萬元，節資率8.50%。"
    ledger, result = read_text(text)
    # what a saving is goes without saying, so the rate is inferred: a warning, never an error
    assert checked_by_hand(ledger, result) == [{"300", "4000", "8.50%"}]
    assert list(result.errors) == []


MEASURES = (
    "本季度全市共完成采购项目90项，采购金额8600.50万元，节约资金412.30万元。其中：市本级完成采购项目30项，"
    "采购金额5100.20万元，节约资金210.10万元；各区完成采购项目60项，采购金额3500.30万元，节约资金202.20万元。"
)


def test_a_lists_other_measures_add_up_item_by_item() -> None:
    ledger, result = read_text(MEASURES)
    assert list(result.findings) == []
    sums = relation_values(ledger, "sum")
    assert ({"90", "30", "60"}, "stated") in sums
    assert ({"8600.50", "5100.20", "3500.30"}, "inferred") in sums
    assert ({"412.30", "210.10", "202.20"}, "inferred") in sums


def test_an_other_measure_that_misses_is_checked_by_hand() -> None:
    ledger, result = read_text(MEASURES.replace("节约资金412.30万元", "节约资金452.30万元"))
    assert checked_by_hand(ledger, result) == [{"452.30", "210.10", "202.20"}]
    assert list(result.errors) == []


def test_other_measures_are_not_read_when_the_lists_own_measure_misses() -> None:
    # 90 ≠ 30 + 50: the items may not be all of them, so no other measure is summed
    ledger, _ = read_text(MEASURES.replace("各区完成采购项目60项", "各区完成采购项目50项"))
    assert not any("5100.20" in values for values, _ in relation_values(ledger, "sum"))
