"""Invariants at scale: no false error on consistent ledgers, no miss on broken ones.

Each generated ledger is a small report printed from exact true values (``Fraction``):
a fund flow, a spending split into line items, a 其中 list, shares, a completion
rate, a year-on-year change with delta and percent, the same figure in two units,
a product, a comparison and a formula. Every figure is printed as a publisher
would — rounded half-up or half-even, or truncated, to 0-2 decimals (shares to 2),
in 元, 万元 or 亿元. Then:

* **no false error**: perfcheck must report no error on the ledger;
* **no miss**: one printed figure is moved beyond what any rounding could explain
  (more than the summed widths of every interval in one of its relations, computed
  here independently with exact fractions) and perfcheck must report an error on a
  relation that figure takes part in.

    python bench/invariants.py --ledgers 1000000 --jobs 2
    python bench/invariants.py --ledgers 20000          # a quick run

The last line printed is one JSON object with the counts.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal
from fractions import Fraction
from typing import Any

import perfcheck

UNITS = {"元": 1, "万元": 10_000, "亿元": 100_000_000}
HUNDRED = Fraction(100)


def printed(x: Fraction, decimals: int, mode: str) -> Decimal:
    """``x`` rounded as a publisher prints it."""
    scaled = x * Fraction(10) ** decimals
    sign = -1 if scaled < 0 else 1
    whole, rest = divmod(abs(scaled), 1)
    n = int(whole)
    if mode == "half_up":
        n += rest >= Fraction(1, 2)
    elif mode == "half_even":
        n += rest > Fraction(1, 2) or (rest == Fraction(1, 2) and n % 2 == 1)
    return Decimal(sign * n).scaleb(-decimals)


def text(d: Decimal, decimals: int) -> str:
    return f"{d:.{max(decimals, 0)}f}"


class Builder:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.truncate = rng.random() < 0.2
        self.doc_unit = rng.choice(["元", "万元"])
        self.figures: list[dict[str, Any]] = []
        self.relations: list[dict[str, Any]] = []
        # id -> (printed value, decimals, unit factor in 元 or None for % / counts)
        self.meta: dict[str, tuple[Decimal, int, int | None]] = {}

    def mode(self) -> str:
        return "truncate" if self.truncate else self.rng.choice(["half_up", "half_even"])

    def amount(
        self, fid: str, true_yuan: Fraction, unit: str | None = None, decimals: int | None = None
    ) -> str:
        unit = unit or self.doc_unit
        factor = UNITS[unit]
        decimals = self.rng.choice([0, 1, 2, 2, 2]) if decimals is None else decimals
        value = printed(true_yuan / factor, decimals, self.mode())
        fig: dict[str, Any] = {"id": fid, "value": text(value, decimals), "concept": "line_item"}
        if unit != self.doc_unit:
            fig["unit"] = unit
        self.figures.append(fig)
        self.meta[fid] = (value, decimals, factor)
        return fid

    def percent(self, fid: str, true_pct: Fraction, decimals: int = 2) -> str:
        value = printed(true_pct, decimals, self.mode())
        self.figures.append({"id": fid, "value": text(value, decimals) + "%"})
        self.meta[fid] = (value, decimals, None)
        return fid

    def count(self, fid: str, n: int, unit: str = "例") -> str:
        self.figures.append({"id": fid, "value": str(n), "unit": unit})
        self.meta[fid] = (Decimal(n), 0, None)
        return fid

    def width(self, fid: str) -> Fraction:
        """Width of a figure's interval in 元 (amounts) or its own unit."""
        value, decimals, factor = self.meta[fid]
        fig = next(f for f in self.figures if f["id"] == fid)
        if fig.get("unit") in ("例", "人"):
            return Fraction(0)
        ulp = Fraction(10) ** -decimals * (factor or 1)
        # Truncated toward zero, a printed 0 may come from either side: (-ulp, ulp).
        return 2 * ulp if self.truncate and value == 0 else ulp

    def build(self) -> dict[str, Any]:
        rng = self.rng
        parts = [Fraction(rng.randint(1, 10**9), rng.randint(1, 97)) for _ in range(rng.randint(2, 6))]
        spending = sum(parts, Fraction(0))
        carry_in = Fraction(rng.randint(0, 10**8), 7)
        carry_out = Fraction(rng.randint(0, 10**7), 3)
        income = spending + carry_out - carry_in
        if income < 0:
            carry_in, income = carry_in + income - 1, Fraction(1)
            carry_in = spending + carry_out - income
        self.amount("carry_in", carry_in)
        self.amount("income", income)
        self.amount("spending", spending)
        self.amount("carry_out", carry_out)
        self.relations.append(
            {
                "id": "flow",
                "kind": "balance",
                "inflows": ["carry_in", "income"],
                "outflows": ["spending", "carry_out"],
            }
        )
        ids = [self.amount(f"item{i}", p) for i, p in enumerate(parts)]
        self.relations.append({"id": "split", "kind": "sum", "total": "spending", "parts": ids})
        self.relations.append(
            {"id": "of_which", "kind": "sum", "total": "spending", "parts": ids[:-1], "exhaustive": False}
        )
        # the first item again, in another unit
        self.amount("item0_again", parts[0], unit=rng.choice(list(UNITS)))
        self.relations.append({"id": "again", "kind": "equal", "figures": ["item0", "item0_again"]})
        # shares: one of the whole as a figure, one of the whole as a list
        self.percent("share0", parts[0] * HUNDRED / spending)
        self.relations.append(
            {"id": "sh0", "kind": "share", "part": "item0", "whole": "spending", "stated": "share0"}
        )
        self.percent("share1", parts[1] * HUNDRED / spending)
        self.relations.append(
            {"id": "sh1", "kind": "share", "part": "item1", "whole": ids, "stated": "share1"}
        )
        # completion of a count target, with and without the target printed
        target = rng.randint(50, 5000)
        done = rng.randint(target // 2, target * 2)
        self.count("done", done)
        self.count("target", target)
        self.percent("rate", Fraction(done * 100, target), decimals=rng.choice([0, 1, 2]))
        self.relations.append(
            {
                "id": "completion",
                "kind": "ratio",
                "numerator": "done",
                "denominator": "target",
                "stated": "rate",
            }
        )
        self.relations.append(
            {"id": "completion_implied", "kind": "ratio", "numerator": "done", "stated": "rate"}
        )
        # a change against last year: delta and percent, prior not printed
        prior = parts[0] * Fraction(rng.randint(50, 150), 100) + 1
        delta = abs(parts[0] - prior)
        direction = "increase" if parts[0] >= prior else "decrease"
        self.amount("yoy_delta", delta)
        self.percent("yoy_pct", delta * HUNDRED / prior)
        self.relations.append(
            {
                "id": "yoy",
                "kind": "change",
                "current": "item0",
                "delta": "yoy_delta",
                "percent": "yoy_pct",
                "direction": direction,
            }
        )
        # a product: people × amount per head
        heads = rng.randint(1, 50)
        each = Fraction(rng.randint(100, 10**6), rng.choice([1, 3, 7]))
        self.count("heads", heads, unit="人")
        self.amount("each", each)
        self.amount("paid", each * heads)
        self.relations.append(
            {"id": "relief", "kind": "product", "total": "paid", "factors": ["heads", "each"]}
        )
        # a comparison and a formula
        self.relations.append(
            {"id": "item_le_total", "kind": "compare", "left": "item0", "op": "<=", "right": "spending"}
        )
        self.relations.append(
            {"id": "flow_formula", "kind": "formula", "expr": "carry_in + income - carry_out == spending"}
        )
        return {
            "perfcheck": "1",
            "unit": self.doc_unit,
            "locale": "zh_CN",
            "rounding": "truncate" if self.truncate else "nearest",
            "figures": self.figures,
            "relations": self.relations,
        }


def _relation_figures(rel: dict[str, Any]) -> list[str]:
    keys = ("total", "parts", "inflows", "outflows", "figures", "part", "whole", "stated", "numerator",
            "denominator", "current", "delta", "percent", "factors", "left", "right")  # fmt: skip
    out: list[str] = []
    for key in keys:
        value = rel.get(key)
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, list):
            out.extend(value)
    if rel["kind"] == "formula":
        out += ["carry_in", "income", "carry_out", "spending"]
    return out


# Linear relations whose figures can each be moved beyond tolerance by the summed widths.
LINEAR = {"flow", "split", "again", "flow_formula"}
# Stated percentages: moved by more than 100 points, beyond any share of positive parts.
STATED = {"share0": "sh0", "share1": "sh1"}


def perturb(builder: Builder, doc: dict[str, Any]) -> tuple[dict[str, Any], str, set[str]]:
    """Move one figure beyond tolerance; return the document, the figure and its relations."""
    rng = builder.rng
    if rng.random() < 0.25:
        fid = rng.choice(list(STATED))
        relations = {STATED[fid]}
        delta_text = "+"  # add 150 points
    else:
        chosen = rng.choice(sorted(LINEAR))
        rel = next(r for r in doc["relations"] if r["id"] == chosen)
        members = sorted(set(_relation_figures(rel)))
        fid = rng.choice(members)
        relations = {r["id"] for r in doc["relations"] if fid in _relation_figures(r)}
        delta_text = ""
    value, decimals, factor = builder.meta[fid]
    fig = next(f for f in doc["figures"] if f["id"] == fid)
    if delta_text == "+":
        new = value + 150
        fig["value"] = text(new, decimals) + "%"
        return doc, fid, relations
    rel_widths = sum(builder.width(x) for x in set(_relation_figures(rel)))
    step = rel_widths / (factor or 1) + Fraction(10) ** -decimals  # in the figure's own unit, plus one ulp
    bump = Decimal(step.numerator) / Decimal(step.denominator)
    ulp = Decimal(1).scaleb(-decimals)
    bump = (bump / ulp).to_integral_value(rounding="ROUND_CEILING") * ulp + ulp
    sign = rng.choice([1, -1]) if value - bump >= 0 else 1
    fig["value"] = text(value + sign * bump, decimals)
    return doc, fid, relations


def run_chunk(args: tuple[int, int]) -> dict[str, Any]:
    start, count = args
    stats: dict[str, Any] = {"ledgers": 0, "false_errors": 0, "misses": 0, "examples": []}
    for n in range(start, start + count):
        rng = random.Random(n)
        builder = Builder(rng)
        doc = builder.build()
        result = perfcheck.check(perfcheck.validate(doc))
        stats["ledgers"] += 1
        if result.errors:
            stats["false_errors"] += 1
            if len(stats["examples"]) < 5:
                stats["examples"].append(
                    {"seed": n, "kind": "false_error", "errors": [f.message for f in result.errors]}
                )
            continue
        broken, fid, relations = perturb(builder, json.loads(json.dumps(doc)))
        result = perfcheck.check(perfcheck.validate(broken))
        if not (result.broken() & relations):
            stats["misses"] += 1
            if len(stats["examples"]) < 5:
                stats["examples"].append(
                    {"seed": n, "kind": "miss", "figure": fid, "relations": sorted(relations)}
                )
    return stats


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ledgers", type=int, default=20_000)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--start", type=int, default=0, help="first seed")
    args = parser.parse_args()
    chunk = 2_000
    tasks = [
        (s, min(chunk, args.start + args.ledgers - s))
        for s in range(args.start, args.start + args.ledgers, chunk)
    ]
    started = time.perf_counter()
    total: dict[str, Any] = {"ledgers": 0, "false_errors": 0, "misses": 0, "examples": []}
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for i, stats in enumerate(pool.map(run_chunk, tasks), 1):
            for key in ("ledgers", "false_errors", "misses"):
                total[key] += stats[key]
            total["examples"] += stats["examples"][: 5 - len(total["examples"])]
            if i % 25 == 0:
                print(
                    f"{total['ledgers']} ledgers, {total['false_errors']} false errors, "
                    f"{total['misses']} misses",
                    file=sys.stderr,
                )
    total["relations_per_ledger"] = 15
    total["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(total, ensure_ascii=False))
    return 0 if total["false_errors"] == 0 and total["misses"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
