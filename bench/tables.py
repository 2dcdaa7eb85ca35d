"""A 100k-row subject-code table: checked from a DataFrame, as a ratio to the same ledger checked from JSON.

    python bench/tables.py              # 100k rows, 3 rounds
    python bench/tables.py --rows 10000 --rounds 5
    python bench/tables.py --set 50     # the nine-table disclosure set, 50 more 类 (~30k rows)

The table is a 支出决算表 as a finance script holds it: 科目编码 (类 / 款 / 项), 科目名称,
年初预算数, 决算数 as floats printed with 2 decimals, and 完成率 (%), with a 合计 row.
``from_frame`` builds the ledger (figures, the code hierarchy, the 合计 and one 完成率
ratio per row) and ``check`` checks it; the JSON side is ``check`` on the bytes of
``perfcheck.dumps`` of the very same ledger, made once before timing. Each round runs
every side once, in a rotated order; the table shows the medians and their ratio to
the JSON median. The last line printed is one JSON object of the numbers.

``--set N`` measures the multi-table case instead: the nine tables of a 部门决算
disclosure (tests/disclosure_data.py) with N more 类 of 20 款 of 9 项 in its 收入,
支出 and 一般公共预算 tables, read as one set (a CSV folder, a workbook of nine
sheets, one HTML page: figures, each table's relations and the identities across
tables) and checked, as a ratio to ``check`` on the JSON of the same ledger.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pandas as pd
import polars as pl

import perfcheck

HEADER = ["科目编码", "科目名称", "年初预算数", "决算数", "完成率（%）"]
CENT = Decimal("0.01")


def table(rows: int, seed: int = 7) -> dict[str, list[Any]]:
    """Columns of a consistent table of about ``rows`` rows: 类 of 20 款 of 9 项 each."""
    state = seed
    per_class = 1 + 20 + 20 * 9
    classes = max(1, min(899, -(-rows // per_class)))  # at least ``rows`` rows
    codes: list[str] = []
    names: list[str] = []
    budget: list[int] = []
    actual: list[int] = []
    for c in range(classes):
        klass = str(100 + c)
        class_at = len(codes)
        codes.append(klass)
        names.append(f"类{klass}")
        budget.append(0)
        actual.append(0)
        for k in range(1, 21):
            kuan = f"{klass}{k:02d}"
            kuan_at = len(codes)
            codes.append(kuan)
            names.append(f"款{kuan}")
            budget.append(0)
            actual.append(0)
            for x in range(1, 10):
                state = (state * 1103515245 + 12345) % 2**31
                b = 1000 + state % 900_000
                a = b - (state >> 8) % (b // 10)
                codes.append(f"{kuan}{x:02d}")
                names.append("行政运行" if x == 1 else f"项{x}")
                budget.append(b)
                actual.append(a)
                for at in (kuan_at, class_at):
                    budget[at] += b
                    actual[at] += a
    top = [i for i, c in enumerate(codes) if len(c) == 3]
    codes.insert(0, "")
    names.insert(0, "合计")
    budget.insert(0, sum(budget[i] for i in top))
    actual.insert(0, sum(actual[i] for i in top))
    rate = [
        float((Decimal(a) / Decimal(b) * 100).quantize(CENT, ROUND_HALF_UP))
        for a, b in zip(actual, budget, strict=True)
    ]
    return {
        "科目编码": codes,
        "科目名称": names,
        "年初预算数": [b / 100 for b in budget],
        "决算数": [a / 100 for a in actual],
        "完成率（%）": rate,
    }


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    gc.collect()
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def rounds(sides: dict[str, Callable[[], set[str]]], expected: set[str], count: int) -> dict[str, float]:
    """Each side run ``count`` times in a rotated order; the median seconds of each."""
    times: dict[str, list[float]] = {k: [] for k in sides}
    names = list(sides)
    for r in range(count):
        for name in names[r % len(names) :] + names[: r % len(names)]:
            seconds, broken = timed(sides[name])
            if broken != expected:
                sys.exit(f"{name}: findings differ")
            times[name].append(seconds)
    return {k: statistics.median(v) for k, v in times.items()}


def disclosure_set(classes: int, count: int) -> None:
    """The multi-table case: the nine tables read as one set, against the JSON of the same ledger."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    from disclosure_data import Disclosure  # noqa: PLC0415 - the tests' nine-table set

    made = Disclosure.build(classes)
    folder = made.csv_folder(Path(tempfile.mkdtemp()) / "部门决算")
    book = made.xlsx_bytes()
    page = made.html().encode()
    ledger = perfcheck.read_csv(folder)
    data = perfcheck.dumps(ledger, indent=None).encode()
    expected = perfcheck.check(data).broken()
    assert not expected, "the generated set must be consistent"  # noqa: S101 - a benchmark's own check
    cross = sum(1 for r in ledger.relations if r.id.startswith("xt_"))
    sides: dict[str, Callable[[], set[str]]] = {
        "json": lambda: perfcheck.check(data).broken(),
        "csv folder": lambda: perfcheck.check(perfcheck.read_csv(folder)).broken(),
        "xlsx": lambda: perfcheck.check(perfcheck.read_xlsx(book, name="set.xlsx")).broken(),
        "html": lambda: perfcheck.check(perfcheck.read_html(page, name="set.html")).broken(),
    }
    medians = rounds(sides, expected, count)
    rows = sum(len(s.rows) for s in made.sheets)
    sizes = f"{len(ledger.figures)} figures, {len(ledger.relations)} relations ({cross} across tables)"
    report(f"9 tables, {rows} rows, {sizes}, {count} rounds", rows, medians)


def report(heading: str, rows: int, medians: dict[str, float]) -> None:
    """The medians and their ratios to the JSON side: a table, then one JSON line."""
    print(heading)
    print(f"{'side':<24} {'median s':>9} {'ratio to json':>14}")
    for name, median in medians.items():
        print(f"{name:<24} {median:9.3f} {median / medians['json']:14.2f}")
    ratios = {k: v / medians["json"] for k, v in medians.items()}
    print(json.dumps({"rows": rows, "medians": medians, "ratios": ratios}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--set", type=int, default=None, metavar="CLASSES", help="the multi-table case")
    args = parser.parse_args()
    if args.set is not None:
        disclosure_set(args.set, args.rounds)
        return
    columns = table(args.rows)
    frames = {"pandas": pd.DataFrame(columns), "polars": pl.DataFrame(columns)}
    ledger = perfcheck.from_frame(frames["pandas"], unit="万元", decimals=2)
    data = perfcheck.dumps(ledger, indent=None).encode()
    expected = perfcheck.check(data).broken()
    assert not expected, "the generated table must be consistent"  # noqa: S101 - a benchmark's own check

    def from_frame(frame: Any) -> Callable[[], set[str]]:  # noqa: ANN401 - either frame library
        return lambda: perfcheck.check(perfcheck.from_frame(frame, unit="万元", decimals=2)).broken()

    def build_only(frame: Any) -> Callable[[], set[str]]:  # noqa: ANN401 - either frame library
        """The ledger built and not checked (nothing broken to report)."""
        return lambda: set() if perfcheck.from_frame(frame, unit="万元", decimals=2) else {"?"}

    sides: dict[str, Callable[[], set[str]]] = {
        "json": lambda: perfcheck.check(data).broken(),
        "pandas": from_frame(frames["pandas"]),
        "polars": from_frame(frames["polars"]),
        "pandas from_frame only": build_only(frames["pandas"]),
    }
    medians = rounds(sides, expected, args.rounds)
    n_rows = len(columns["科目编码"])
    sizes = f"{len(ledger.figures)} figures, {len(ledger.relations)} relations"
    report(f"{n_rows} rows, {sizes}, {args.rounds} rounds", n_rows, medians)


if __name__ == "__main__":
    main()
