"""A change opening its sentence after a list's own sentence is the list total's; 同口径 names nothing.

``“三公”经费预算3328万元。其中，A 50万元，B 478万元，C 2800万元。同口径比2018年减少830万元，下降20%。``:
the comparison compares the whole the list details, not its last part (before: C's, a false
"check by hand"); ``同口径`` (like for like) before or after the comparison is no name of what
changed. Every text here is our own writing, in the shape of 三公经费 pages (bench/corpus holds the
index of the real pages, never their text).
"""

from __future__ import annotations

import pytest

from phrasing_texts import checked_by_hand, read_text, relation_values

LIST = (
    "某市2019年“三公”经费预算公开说明\n"
    "2019年“三公”经费预算为300万元。其中，因公出国（境）费20万元，公务接待费80万元，公务用车购置及运行费200万元。"
)


@pytest.mark.parametrize(
    "change",
    [
        "同口径比2018年减少100万元，下降25%。",
        "比2018年减少100万元，下降25%。",
        "比上年减少100万元，下降25%。",
        "按可比口径比上年减少100万元，下降25%。",
        "较上年减少100万元，下降25%。",
    ],
)
def test_the_change_is_of_the_lists_total(change: str) -> None:
    ledger, result = read_text(LIST + change + "\n")
    changes = [values for values, _ in relation_values(ledger, "change")]
    assert {"300", "100", "25%"} in changes
    assert not any("200" in values for values in changes)  # not the last part's
    assert not result.findings, [f.message for f in result.findings]


def test_a_misprinted_rate_of_the_total_is_to_be_checked_by_hand() -> None:
    ledger, result = read_text(LIST + "比上年减少100万元，下降30%。\n")
    assert result.ok  # the subject is the reader's finding: inferred
    assert {"300", "100", "30%"} in checked_by_hand(ledger, result)


def test_a_change_in_the_lists_own_sentence_stays_unsure() -> None:
    # printed in the list's own sentence, the change may be the last part's: no total taken
    text = LIST.removesuffix("。") + "，比上年减少100万元，下降25%。\n"
    ledger, _ = read_text(text)
    assert not any({"300", "100"} <= values for values, _ in relation_values(ledger, "change"))


@pytest.mark.parametrize("words", ["同口径比2018年", "同口径比上年", "按同口径比上年"])
def test_a_part_named_before_like_for_like_is_what_changed(words: str) -> None:
    text = LIST + f"比上年减少100万元，下降25%。其中：因公出国（境）费{words}减少5万元，下降20%。\n"
    ledger, result = read_text(text)
    assert ({"20", "5", "20%"}, "inferred") in relation_values(ledger, "change")
    assert not result.findings, [f.message for f in result.findings]
