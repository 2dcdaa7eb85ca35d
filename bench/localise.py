"""Benchmarks of error localisation (docs/localise.md), medians measured in one run.

    python bench/localise.py            # seed-sized reports and W1 at 10k line items, 5 rounds
    python bench/localise.py --quick    # fewer reports and rounds

* **Seed-sized reports**: the W2 reports (shaped like the seed) that carry a mistake,
  the seed with mistakes and the Wuzhou case: ``result.localise()`` on a result already
  checked, in milliseconds per report (median over reports of each one's median).
  Target: at most 5 ms.
* **W1**: one ledger of line items with about 2 % of its totals broken:
  ``check(data, localise=True)`` against ``check(data)``, as a ratio of medians.
  Target: at most 1.5.

The last line printed is one JSON object of the numbers.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import orjson
import workloads

import perfcheck

ROOT = Path(__file__).parent.parent


def _median_ms(fn: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def seed_sized(n_reports: int, rounds: int) -> dict[str, float]:
    """Median ms of ``localise()`` per broken seed-sized report."""
    rng = random.Random(2)
    broken: list[bytes] = []
    k = 0
    while len(broken) < n_reports:
        data = orjson.dumps(workloads.w2_report(rng, k))
        k += 1
        if not perfcheck.check(data).ok:
            broken.append(data)
    perfcheck.check(broken[0]).localise()  # load the solver once
    per_report = []
    for data in broken:
        result = perfcheck.check(data)
        per_report.append(_median_ms(result.localise, rounds))
    seed = perfcheck.check(ROOT / "examples/seed-with-mistakes.json")
    wuzhou = perfcheck.check(ROOT / "tests/data/cases/wuzhou-unit-2024-budget-yuan.json")
    return {
        "w2_broken_reports": len(broken),
        "w2_localise_ms_median": round(statistics.median(per_report), 2),
        "w2_localise_ms_max": round(max(per_report), 2),
        "seed_with_mistakes_localise_ms": round(_median_ms(seed.localise, rounds), 2),
        "wuzhou_localise_ms": round(_median_ms(wuzhou.localise, rounds), 2),
    }


def w1(n: int, rounds: int) -> dict[str, float]:
    """``check`` with and without localisation on W1, medians and their ratio."""
    data = workloads.w1_document(n)
    plain = perfcheck.check(data)
    localised = perfcheck.check(data, localise=True)
    if plain.broken() != localised.broken():
        msg = "localisation changed a verdict"
        raise RuntimeError(msg)
    done = sum(1 for f in localised.errors if f.localisation and f.localisation.status == "localised")
    check_ms = _median_ms(lambda: perfcheck.check(data), rounds)
    localise_ms = _median_ms(lambda: perfcheck.check(data, localise=True), rounds)
    return {
        "w1_items": n,
        "w1_errors": len(plain.errors),
        "w1_errors_localised": done,
        "w1_check_ms": round(check_ms, 1),
        "w1_check_localise_ms": round(localise_ms, 1),
        "w1_ratio": round(localise_ms / check_ms, 2),
    }


def main() -> None:
    """Run the benchmarks and print the numbers."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    rounds = 3 if args.quick else 5
    out = seed_sized(10 if args.quick else 30, rounds)
    out.update(w1(10_000, rounds))
    for key, value in out.items():
        print(f"{key:36} {value}")
    print(json.dumps(out))


if __name__ == "__main__":
    main()
