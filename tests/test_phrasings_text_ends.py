"""An amount printed with 万 alone at the very end of a text (a page cut short) is read.

Own writing: a department's text whose last words are ``…一般公共服务支出增加480.32万`` (the page
cut off before 元). In a text that prints 万元 elsewhere, 万 alone is 万元, at the end as anywhere.
"""

from __future__ import annotations

from phrasing_texts import read_text


def values(text: str) -> list[str]:
    ledger, _ = read_text(text)
    return [f.value for f in ledger.figures]


def test_an_amount_ending_the_text_is_read() -> None:
    text = "2014年收支总预算3600.00万元，比上年增加600.00万元。主要原因：一是一般公共服务支出增加412.50万"
    assert "412.50" in values(text)


def test_the_same_amount_before_a_stop_is_read_alike() -> None:
    text = "2014年收支总预算3600.00万元，比上年增加600.00万元。主要原因：一是一般公共服务支出增加412.50万。"
    assert "412.50" in values(text)


def test_a_scale_alone_at_the_end_of_a_text_never_printing_its_unit_is_not_read() -> None:
    # near miss: no 万元 anywhere, 万 alone says nothing sure of the unit
    text = "全镇常住人口3.2万"
    assert "3.2" not in values(text)
