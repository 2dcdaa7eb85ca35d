"""Pages that could not be decoded whole: the digits right after a lost byte are no figure.

Own writing, in the shape of reports republished in traditional characters through a site
that lost bytes on the way: a lost byte prints as ``?`` (or U+FFFD), and the character it was
part of may have taken the amount's first digit with it (``農林水支出?2415萬元``, the amount
being 32415). Read as 2415, the amount makes its own change look broken; it is reported as
unreadable instead, and its change is left with no amount of its own, never another's.
"""

from __future__ import annotations

import pytest

from perfcheck.extract import extract
from phrasing_texts import error_values, read_text

#: 農林水支出 is 32415 (1200 ÷ 33615 = 3.57 %); the lost byte took its 3.
LOST = (
    "一、全縣一般公共預算支出數為286400萬元，增支21000萬元，增長7.9%。主要項目如下：\n"
    "（一）農林水支?2415萬元，較上年減支1200萬元，下降3.6%，主要是水利工程完工。\n"
    "1.農業農村1830萬元，較上年增支130萬元，增長7.6%；\n"
)


@pytest.mark.parametrize("lost", ["?", "\ufffd"])
def test_digits_after_a_lost_byte_are_no_figure_and_break_nothing(lost: str) -> None:
    extraction = extract(LOST.replace("?", lost))
    values = {f.value for f in extraction.ledger.figures}
    assert "2415" not in values
    assert {"1200", "3.6%"} <= values  # the change is read, with no amount to bind it to
    assert [p.unreadable for p in extraction.unreadable] == [("2415",)]
    ledger, result = read_text(LOST.replace("?", lost))
    assert result.ok, error_values(ledger, result)


def test_the_change_after_an_unread_amount_borrows_no_earlier_figure() -> None:
    ledger, _ = read_text(LOST)
    values = {f.id: f.value for f in ledger.figures}
    for relation in ledger.relations:
        operands = {values[i] for i in relation.operands()}
        if "1200" in operands:
            assert not operands & {"286400", "21000", "7.9%", "1830"}, operands


def test_near_miss_the_amount_printed_whole_is_read_and_its_break_kept() -> None:
    text = LOST.replace("支?2415", "支出32415").replace("下降3.6%", "下降9.6%")
    ledger, result = read_text(text)
    assert {"32415", "1200", "9.6%"} in error_values(ledger, result)


def test_near_miss_a_full_width_question_mark_ends_a_sentence_and_the_figure_after_it_is_read() -> None:
    text = "本年完成投资多少？540万元，比上年增加40万元，增长8%。"
    ledger, result = read_text(text)
    assert {"540", "40", "8%"} <= {f.value for f in ledger.figures}
    assert result.ok, error_values(ledger, result)
