"""An amount right after ``与…相比`` is the change's amount, its direction word left out.

Own writing, in the shape of 卫生院 决算 notes: ``其中：财政拨款收入177.28万元，占29.67%，与2016年相比
21.79万元，增加14.01%``. The base of a comparison is printed inside ``与…相比`` (``与上年的73991万元
相比``); once 相比 has closed it, an amount named nothing is by how much the subject changed. Read
as last year's value it would make a true rate look broken. ``较上年12.5万元，减少…`` closes nothing:
there the amount is the base, as before.
"""

from __future__ import annotations

from phrasing_texts import error_values, read_text, relation_values

TEXT = (
    "三、收入决算情况\n本年收入合计412.60万元，与2021年相比增加30.40万元，增加7.95%；"
    "其中：财政拨款收入150.50万元，占36.48%，与2021年相比18.20万元，增加13.76%；事业收入262.10万元。\n"
)


def test_an_unnamed_amount_after_xiangbi_is_the_change() -> None:
    ledger, result = read_text(TEXT)
    assert result.ok, error_values(ledger, result)
    assert ({"150.50", "18.20", "13.76%"}, "stated") in relation_values(ledger, "change")
    # a figure named by the comparison's words alone (相比) is a change, no part of the 其中 list
    assert all("18.20" not in values for values, _ in relation_values(ledger, "sum"))


def test_near_miss_a_wrong_rate_after_the_unnamed_amount_is_an_error() -> None:
    ledger, result = read_text(TEXT.replace("13.76%", "15.76%"))
    assert {"150.50", "18.20", "15.76%"} in error_values(ledger, result)


def test_near_miss_a_base_printed_inside_the_comparison_stays_the_base() -> None:
    text = "财政拨款收入150.50万元，与上年的132.30万元相比，增加13.76%。"
    ledger, result = read_text(text)
    assert result.ok, error_values(ledger, result)
    assert any(values == {"150.50", "132.30", "13.76%"} for values, _ in relation_values(ledger, "change"))


def test_near_miss_an_amount_after_jiao_shang_nian_is_the_base() -> None:
    text = "公务接待费10.40万元，较上年12.5万元，减少2.10万元，下降16.8%。"
    ledger, result = read_text(text)
    assert result.ok, error_values(ledger, result)
    assert any({"10.40", "12.5"} <= values for values, _ in relation_values(ledger, "change"))
