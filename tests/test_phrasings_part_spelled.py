"""A part named after 其中 in another spelling than it was printed: its change is of that figure.

``其中，因公出国（境）费0万元；公务用车购置及运维费30.93万元；…。…较上年减少2.97万元…。其中：公务用车
购置及运行维护费较上年减少1.33万元，下降4.12%``: 运维费 is 运行维护费 (and 运行费); 经费 is 费. Found by
its name's spelling, the change is inferred. Every text here is our own writing, in the shape of
三公经费 pages (bench/corpus holds the index of the real pages, never their text).
"""

from __future__ import annotations

import pytest

from phrasing_texts import checked_by_hand, read_text, relation_values

HEAD = "某镇2021年度“三公”经费决算说明\n"


@pytest.mark.parametrize(
    ("printed", "named"),
    [
        ("公务用车购置及运维费", "公务用车购置及运行维护费"),
        ("公务用车购置及运行维护费", "公务用车购置及运维费"),
        ("公务用车购置及运行费", "公务用车购置及运行维护费"),
        ("公务用车运行经费", "公务用车运行费"),
    ],
)
def test_the_part_named_in_another_spelling_is_what_changed(printed: str, named: str) -> None:
    text = (
        HEAD + f"2021年度“三公”经费支出合计40.00万元。其中，因公出国（境）费0万元；{printed}30.00万元；"
        "公务接待费10.00万元。\n"
        f"2021年度“三公”经费较上年减少3.00万元，下降6.98%。其中：{named}较上年减少2.00万元，下降6.25%。\n"
    )
    ledger, result = read_text(text)
    assert ({"30.00", "2.00", "6.25%"}, "inferred") in relation_values(ledger, "change")
    assert not result.findings, [f.message for f in result.findings]
    ledger, result = read_text(text.replace("下降6.25%", "下降8.25%"))
    assert result.ok
    assert {"30.00", "2.00", "8.25%"} in checked_by_hand(ledger, result)


def test_a_budget_is_never_the_part_an_actual_changed() -> None:
    text = (
        HEAD
        + "2021年度“三公”经费预算40.00万元。其中，公务用车购置及运维费预算30.00万元；公务接待费预算10.00万元。\n"
        "2021年度“三公”经费较上年减少3.00万元。其中：公务用车购置及运行维护费决算较上年减少2.00万元。\n"
    )
    ledger, _ = read_text(text)
    assert not any("30.00" in values for values, _ in relation_values(ledger, "change"))
