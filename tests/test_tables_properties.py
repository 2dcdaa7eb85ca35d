"""Properties of from_frame on generated subject-code tables: consistent is clean, one changed cell is caught there."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pandas as pd
import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

import perfcheck

HEADER = ["科目编码", "科目名称", "年初预算数", "决算数", "完成率（%）"]
CENT = Decimal("0.01")


def _rate(actual: int, budget: int) -> str:
    return f"{(Decimal(actual) / Decimal(budget) * 100).quantize(CENT, ROUND_HALF_UP)}"


@st.composite
def code_tables(draw: st.DrawFn) -> list[list[str]]:
    """A consistent 支出决算表: 合计, then 类 / 款 / 项 rows, amounts in cents printed with 2 decimals."""
    cents = st.integers(1, 10**8)
    rows: list[tuple[str, int, int]] = []
    for c in range(draw(st.integers(1, 3))):
        klass = str(201 + c)
        kuans = []
        for k in range(draw(st.integers(1, 3))):
            kuan = f"{klass}{k + 1:02d}"
            leaves = [
                (f"{kuan}{x + 1:02d}", draw(cents), draw(cents)) for x in range(draw(st.integers(1, 3)))
            ]
            kuans.append((kuan, leaves))
        total_b = sum(b for _, leaves in kuans for _, b, _ in leaves)
        total_a = sum(a for _, leaves in kuans for _, _, a in leaves)
        rows.append((klass, total_b, total_a))
        for kuan, leaves in kuans:
            rows.append((kuan, sum(b for _, b, _ in leaves), sum(a for _, _, a in leaves)))
            rows.extend(leaves)
    all_b = sum(b for code, b, _ in rows if len(code) == 3)
    all_a = sum(a for code, _, a in rows if len(code) == 3)
    out = [["", "合计", f"{Decimal(all_b) / 100:.2f}", f"{Decimal(all_a) / 100:.2f}", _rate(all_a, all_b)]]
    out.extend(
        [code, f"科目{code}", f"{Decimal(b) / 100:.2f}", f"{Decimal(a) / 100:.2f}", _rate(a, b)]
        for code, b, a in rows
    )
    return out


@settings(max_examples=40, deadline=None)
@given(code_tables(), st.booleans())
def test_a_consistent_table_checks_clean(rows, polars):
    frame = pl.DataFrame(rows, schema=HEADER, orient="row") if polars else pd.DataFrame(rows, columns=HEADER)
    assert perfcheck.check(perfcheck.from_frame(frame, unit="万元")).errors == []


@settings(max_examples=40, deadline=None)
@given(code_tables(), st.data())
def test_one_changed_amount_is_caught_at_its_cell(rows, data):
    row = data.draw(st.integers(0, len(rows) - 1))
    col = data.draw(st.sampled_from([2, 3]))
    changed = [list(r) for r in rows]
    changed[row][col] = f"{Decimal(changed[row][col]) + 1:.2f}"
    ledger = perfcheck.from_frame(pd.DataFrame(changed, columns=HEADER), unit="万元")
    errors = perfcheck.check(ledger).errors
    cell = f"r{row + 1}_c{col + 1}"
    assert errors
    assert all(any(loc.figure == cell for loc in f.locations) for f in errors)
