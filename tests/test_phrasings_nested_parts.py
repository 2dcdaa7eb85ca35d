"""A 其中 list whose parts cannot lie side by side in its total: nested figures, to be checked by hand.

Own writing, in the shape of 教育经费 pages: ``总投入A万元。其中：国家财政性教育经费B万元，一般公共预算
教育经费C万元``, the second within the first, each more than half of the total.
"""

from __future__ import annotations

import pytest

from phrasing_texts import checked_by_hand, error_values, read_text, relation_values


@pytest.mark.parametrize(
    "text",
    [
        "某县教育经费公告\n全县教育经费总投入为9000万元。其中：国家财政性教育经费8000万元，一般公共预算教育经费7600万元。\n",
        "某县教育经费公告\n全县教育经费总投入为9000万元，其中国家财政性教育经费8000万元，一般公共预算教育经费7600万元。\n",
        "某县教育经费公告\n全县教育经费总投入9000万元，其中：财政性经费8000万元，预算内经费7600万元（教育事业费7000万元，基建经费600万元）。\n",
    ],
)
def test_parts_each_over_half_of_the_total_are_checked_by_hand(text: str) -> None:
    ledger, result = read_text(text)
    assert ({"9000", "8000", "7600"}, "inferred") in relation_values(ledger, "sum")
    assert not result.errors, error_values(ledger, result)
    assert {"9000", "8000", "7600"} in checked_by_hand(ledger, result)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # one part over half, the other small: a plain list, a wrong sum stays an error
        (
            "某县教育经费公告\n全县教育经费总投入为9000万元。其中：国家财政性教育经费8000万元，社会捐赠经费1200万元。\n",
            {"9000", "8000", "1200"},
        ),
        (
            "某县教育经费公告\n全县教育经费总投入为9000万元。其中：财政拨款7000万元，事业收入1500万元，其他收入800万元。\n",
            {"9000", "7000", "1500", "800"},
        ),
    ],
)
def test_an_overshooting_list_with_one_large_part_is_still_an_error(text: str, values: set[str]) -> None:
    ledger, result = read_text(text)
    assert values in error_values(ledger, result)
