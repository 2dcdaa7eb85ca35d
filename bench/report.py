"""The HTML report of a large ledger: its render time as a ratio to the check's, medians of rounds.

    python bench/report.py                    # W1 with 1,000,000 items: 101,001 relations, 3 rounds
    python bench/report.py --items 100000 --rounds 5

W1 (bench/workloads.py) is one ledger in a three-level sum tree, about 2 % of its
totals broken. Each round times, on the bytes of the file:

- ``check``: ``perfcheck.check(path)``, the fast path;
- ``page``: ``report_html(result, source=path)`` on that result: the coverage (which the
  fast path's result works out when first asked), reading the document again for the
  tree, a card with a number line per broken relation, the tree of the branches that
  lead to one, the holding relations counted;
- ``page_no_source``: ``report_html(result)``, the page without the tree.

The table shows the medians and their ratio to the check's median; the last line
printed is one JSON object of the numbers.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import workloads

import perfcheck
from perfcheck.render.html_report import report_html


def main() -> None:
    """Time the check and the page of one W1 ledger, ``--rounds`` times."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    path = workloads.path("W1", args.items)
    times: dict[str, list[float]] = {"check": [], "page": [], "page_no_source": []}
    size = relations = broken = 0
    for _ in range(args.rounds):
        gc.collect()
        start = time.perf_counter()
        result = perfcheck.check(path)
        times["check"].append(time.perf_counter() - start)
        start = time.perf_counter()
        page = report_html(result, source=path)
        times["page"].append(time.perf_counter() - start)
        fresh = perfcheck.check(path)  # a result not yet asked for its coverage
        start = time.perf_counter()
        report_html(fresh)
        times["page_no_source"].append(time.perf_counter() - start)
        size, relations, broken = len(page.encode()), result.relations_checked, len(result.broken())
    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"W1 {args.items} items: {relations} relations, {broken} broken; page {size / 1e6:.1f} MB")
    print(f"{'step':<16}{'median s':>10}{'x check':>10}")
    for name, value in med.items():
        print(f"{name:<16}{value:>10.2f}{value / med['check']:>10.2f}")
    out = {
        "items": args.items,
        "relations": relations,
        "broken": broken,
        "page_bytes": size,
        "median_seconds": med,
        "ratio_to_check": {k: v / med["check"] for k, v in med.items()},
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
