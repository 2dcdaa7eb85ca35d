"""Localisation of a fixed corpus of ledgers, one JSON line each: to compare two versions byte for byte.

Run with ``PYTHONHASHSEED=0`` (set sets iterate by hash), from the repository's root:

    PYTHONHASHSEED=0 python bench/localise_corpus.py /tmp/before.jsonl
    ... change the code ...
    PYTHONHASHSEED=0 python bench/localise_corpus.py /tmp/after.jsonl
    cmp /tmp/before.jsonl /tmp/after.jsonl

The corpus (1005 ledgers, the one docs/localise.md's session 5 names): 600 drawn from
``perfcheck.strategies.ledgers`` (300 in 元/万元/百万元, 200 in 元/千元/亿元, 100 in the
default units), four in five with one to three digits changed; 400 W2 reports; W1 at 2000
and 10 000 items; the realistic mix at 2000; the seed with mistakes; the Wuzhou case. Each
is checked with ``localise=True`` twice, as bytes (the fast path) and as a dict read with
``Decimal`` numbers, and the result's JSON is written with sorted keys.

Hypothesis derives a derandomised draw from the drawing function's source text, so these
600 generated ledgers are drawn as session 5's were (same strategy, counts, units, seeds
and changes) but are not the same ledgers: session 5 drew them from a script outside the
repository, written differently. The draw below is fixed by this file; change ``draw``'s
text and the ledgers change (compare runs of the same file only).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import orjson
from hypothesis import HealthCheck, given, settings

import perfcheck
from perfcheck.strategies import ledgers

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import workloads  # noqa: E402 - bench/ is not a package


def broken_ledgers(
    count: int, units: list[str] | None, rng: random.Random, *, share: float | None = None
) -> list[dict[str, Any]]:
    """``count`` generated ledgers with one to three printed digits changed: in each, or in ``share`` of them.

    Sums, balances, equalities, shares and changes, drawn the same on every run (with the
    same ``rng``); ``tests/test_localise_determinism.py`` draws its ledgers here too.
    """
    out: list[dict[str, Any]] = []

    @settings(
        max_examples=count,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(
        ledgers(
            kinds=["sum", "balance", "equal", "share", "change"],
            units=units,
            qualifiers=False,
            min_relations=2,
        )
    )
    def draw(ledger: perfcheck.Ledger) -> None:
        document = json.loads(perfcheck.dumps(ledger))
        if share is None or rng.random() < share:
            figures = document["figures"]
            for figure in rng.sample(figures, min(rng.randint(1, 3), len(figures))):
                value = figure.get("value")
                if isinstance(value, str) and re.fullmatch(r"-?\d+(\.\d+)?", value):
                    digits = list(value)
                    at = rng.choice([i for i, c in enumerate(digits) if c.isdigit()])
                    digits[at] = str((int(digits[at]) + rng.randint(1, 9)) % 10)
                    figure["value"] = "".join(digits)
        out.append(document)

    draw()
    return out


def _broken(count: int, units: list[str] | None, seed: int) -> list[bytes]:
    """Four in five of ``count`` generated ledgers with digits changed, as bytes."""
    return [orjson.dumps(d) for d in broken_ledgers(count, units, random.Random(seed), share=0.8)]


def corpus() -> list[bytes]:
    """The 1005 documents, in a fixed order."""
    docs = _broken(300, ["元", "万元", "百万元"], 1)
    docs += _broken(200, ["元", "千元", "亿元"], 2)
    docs += _broken(100, None, 3)
    rng = random.Random(2)
    docs += [orjson.dumps(workloads.w2_report(rng, k)) for k in range(400)]
    docs += [workloads.w1_document(2000), workloads.w1_document(10000), workloads.mix_document(2000)]
    docs.append((ROOT / "examples/seed-with-mistakes.json").read_bytes())
    docs.append((ROOT / "tests/data/cases/wuzhou-unit-2024-budget-yuan.json").read_bytes())
    return docs


def main(out_path: str) -> None:
    """Write each document's localised result, as bytes and as a dict, one JSON line each."""
    docs = corpus()
    with Path(out_path).open("w", encoding="utf-8") as out:
        for i, doc in enumerate(docs):
            for target in (doc, json.loads(doc, parse_float=Decimal)):
                try:
                    result = perfcheck.check(target, localise=True)
                    line = json.dumps(result.to_json_dict(), sort_keys=True, ensure_ascii=False, default=str)
                except Exception as e:  # noqa: BLE001 - an error is a line to compare too
                    line = f"ERROR {i} {type(e).__name__}"
                out.write(line + "\n")
    print(len(docs), "documents")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", help="the JSON Lines file to write (compare two with cmp)")
    main(parser.parse_args().out)
