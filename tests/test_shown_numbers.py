"""Numbers in tables at a sensible precision; the data keeps them exactly (issue 20, item 6)."""

from __future__ import annotations

import json
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

import perfcheck
from perfcheck import strategies
from perfcheck.render import failure_message, render
from perfcheck.render._common import shown_numbers
from perfcheck.render.reconciliation_table import reconciliation

RATE = {
    "perfcheck": "1",
    "unit": "万元",
    "figures": [
        {"id": "actual", "label": "决算数", "value": "58.67"},
        {"id": "budget", "label": "预算数", "value": "60.00"},
        {"id": "rate", "label": "完成率", "value": "97.87%"},
    ],
    "relations": [
        {"id": "完成率", "kind": "ratio", "numerator": "actual", "denominator": "budget", "stated": "rate"}
    ],
}


def test_a_rate_is_shown_to_its_own_precision_and_one_digit_more() -> None:
    result = perfcheck.check(RATE)
    text = failure_message(result)
    row = next(line for line in text.splitlines() if line.startswith("完成率"))
    assert row.split() == ["完成率", "PC202", "97.87", "97.783", "[97.761,", "97.805]", "0.087", "%"]
    assert "97.78333333" not in text
    # the data keeps every digit it had
    [check] = [c for c in result.checks if c.relation == "完成率"]
    assert check.expected == Decimal("97.78333333")
    data = json.loads(render(result, "json"))
    assert data["findings"][0]["expected"] == "97.78333333"


def test_sums_keep_the_digits_they_had_and_lose_those_beyond_one_more() -> None:
    table = reconciliation(perfcheck.check("examples/seed-with-mistakes.json", select=["PC102"]))
    rows = {line.split()[0]: line.split() for line in table.splitlines()[2:]}
    assert rows["basic_split"][3:8] == ["82.67", "83.03", "[83.015,", "83.045]", "-0.36"]
    # a 其中 list of two-decimal figures whose interval has four: shown to three, rounded outward
    assert rows["project_items"][3:8] == ["51.89", "51.894", "[51.813,", "51.975]", "-0.004"]
    assert rows["staff_quota"][3:8] == ["5", "5", "[5,", "5]", "0"]


def test_a_near_miss_is_shown_with_the_digits_that_show_it() -> None:
    # 97.81 is just above [97.76185276, 97.80999]: at three or four decimals (…97.810] would
    # look as if it held it
    stated, _, allowed, _ = shown_numbers(
        Decimal("97.81"), Decimal("97.78"), (Decimal("97.76185276"), Decimal("97.80999")), None
    )
    assert stated == "97.81"
    assert allowed == "[97.76185, 97.80999]"


bounds = st.decimals(min_value=-1000, max_value=1000, places=8, allow_nan=False, allow_infinity=False)


@settings(max_examples=300, deadline=None)
@given(
    lo=bounds, width=st.decimals(min_value=0, max_value=5, places=8), actual=bounds, places=st.integers(0, 3)
)
def test_the_shown_interval_holds_the_exact_one_and_tells_the_same_verdict(
    lo: Decimal, width: Decimal, actual: Decimal, places: int
) -> None:
    actual = actual.quantize(Decimal(1).scaleb(-places))
    hi = lo + width
    _, _, text, _ = shown_numbers(actual, None, (lo, hi), None)
    shown_lo, shown_hi = (Decimal(x) for x in text.strip("[]").split(", "))
    assert shown_lo <= lo
    assert hi <= shown_hi
    inside = lo <= actual <= hi
    if (shown_lo <= actual <= shown_hi) != inside:
        # only when even six more digits cannot show it: then the bounds are shown exactly
        assert (shown_lo, shown_hi) == (lo, hi)


@settings(max_examples=30, deadline=None)
@given(ledger=strategies.breaking("PC202"))
def test_a_broken_ratio_looks_broken_in_the_table(ledger: perfcheck.Ledger) -> None:
    result = perfcheck.check(ledger)
    [check] = [c for c in result.checks if c.status == "broken"]
    _, _, text, _ = shown_numbers(check.actual, check.expected, check.allowed, check.difference)
    shown_lo, shown_hi = (Decimal(x) for x in text.strip("[]").split(", "))
    assert check.actual is not None
    assert not shown_lo <= check.actual <= shown_hi
