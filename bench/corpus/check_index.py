#!/usr/bin/env python3
"""Recompute the status of every relation in the real-report index with decimal interval
arithmetic, and print each disagreement with the recorded status.

    python bench/corpus/check_index.py [INDEX.json ...] [--texts DIR]

With no index given, checks index-dev.json, index-aside.json, index-fresh.json, index-fresh2.json,
index-fresh3.json, index-fresh4.json, index-fresh5.json, index-fresh6.json, index-fresh7.json,
index-fresh8.json and index-fresh9.json beside this script.
With --texts DIR (default /work/corpus-texts when it exists), also checks that every
figure is a literal substring of the excerpt's text, where the text is present.

Each relation carries a "formula" over its own figures, named f0, f1, ... in the order
of relation["figures"]; e.g. {"figures": ["134.56万元", "82.67万元", "51.89万元"],
"formula": "f0 = f1 + f2"}.  A formula is two arithmetic expressions joined by one of
= < > <= >= (operators + - * / and parentheses, decimal constants allowed).  Relations
with status not_checkable need no formula.

Semantics of a printed figure: a number printed with d decimals stands for the closed
interval [v - 0.5*10^-d, v + 0.5*10^-d]; a bare integer 0 stands for exactly zero.
A relation's status is
  exact                  both sides are equal (or the comparison holds) on the printed values;
  holds_after_rounding   one side is a single figure and the other side, computed from the
                         printed values, rounds (half up) to it at its printed decimals;
  within_input_rounding  not the above, but some values inside every figure's interval
                         make it hold;
  broken                 no values inside the figures' intervals make it hold.
"""

from __future__ import annotations

import argparse
import ast
import itertools
import json
import pathlib
import re
import sys
from decimal import ROUND_HALF_UP, Decimal, getcontext

getcontext().prec = 40

HERE = pathlib.Path(__file__).resolve().parent
NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?|-?\.\d+")
STATUSES = {"exact", "holds_after_rounding", "within_input_rounding", "broken", "not_checkable"}
TYPES = {"sum", "balance", "share", "ratio", "change", "equal", "compare"}
KINDS = {"部门预算", "部门决算", "三公经费", "整体支出绩效自评", "项目支出绩效自评", "预算执行情况"}
CONFIDENCES = {"high", "medium", "low"}


def parse_figure(text: str) -> tuple[Decimal, Decimal, int]:
    """Printed value, half-width of its rounding interval, and its decimals."""
    # a thousands separator followed by a stray space ("1, 537.4") is still one number
    m = NUMBER.search(re.sub(r"(?<=\d),\s+(?=\d{3}(?!\d))", ",", text))
    if not m:
        raise ValueError(f"no number in figure {text!r}")
    s = m.group(0).replace(",", "")
    v = Decimal(s)
    d = len(s.split(".")[1]) if "." in s else 0
    if d == 0 and v == 0:
        return v, Decimal(0), 0
    return v, Decimal(5) * Decimal(10) ** (-d - 1), d


class Interval:
    __slots__ = ("hi", "lo")

    def __init__(self, lo: Decimal, hi: Decimal):
        self.lo, self.hi = lo, hi

    def __add__(self, o):
        return Interval(self.lo + o.lo, self.hi + o.hi)

    def __sub__(self, o):
        return Interval(self.lo - o.hi, self.hi - o.lo)

    def __mul__(self, o):
        p = [self.lo * o.lo, self.lo * o.hi, self.hi * o.lo, self.hi * o.hi]
        return Interval(min(p), max(p))

    def __truediv__(self, o):
        if o.lo <= 0 <= o.hi:
            raise ZeroDivisionError("denominator interval contains zero")
        p = [self.lo / o.lo, self.lo / o.hi, self.hi / o.lo, self.hi / o.hi]
        return Interval(min(p), max(p))

    def __neg__(self):
        return Interval(-self.hi, -self.lo)


OPS = {"=": "eq", "<=": "le", ">=": "ge", "<": "lt", ">": "gt"}


def split_formula(formula: str) -> tuple[str, str, str]:
    m = re.fullmatch(r"\s*(.+?)\s*(<=|>=|=|<|>)\s*(.+?)\s*", formula)
    if not m:
        raise ValueError(f"formula needs one of = < > <= >=: {formula!r}")
    return m.group(1), m.group(2), m.group(3)


def evaluate(expr: str, env: dict):
    """Evaluate an arithmetic expression over Decimals or Intervals."""
    tree = ast.parse(expr, mode="eval")

    def ev(node):
        if isinstance(node, ast.Expression):
            return ev(node.body)
        if isinstance(node, ast.BinOp):
            a, b = ev(node.left), ev(node.right)
            if isinstance(node.op, ast.Add):
                return a + b
            if isinstance(node.op, ast.Sub):
                return a - b
            if isinstance(node.op, ast.Mult):
                return a * b
            if isinstance(node.op, ast.Div):
                return a / b
            raise ValueError(f"operator not allowed in {expr!r}")
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return -ev(node.operand)
        if isinstance(node, ast.Name):
            return env[node.id]
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            c = Decimal(str(node.value))
            sample = next(iter(env.values()), None)
            return Interval(c, c) if isinstance(sample, Interval) else c
        raise ValueError(f"not allowed in formula: {ast.dump(node)}")

    return ev(tree)


def names_in(expr: str) -> list[str]:
    return [n.id for n in ast.walk(ast.parse(expr, mode="eval")) if isinstance(n, ast.Name)]


def side_range(expr: str, figs: dict) -> Interval:
    """Exact range of expr over the box of the figures' intervals.

    Interval arithmetic is exact when every figure occurs once; when one occurs more
    than once (e.g. (a - b) / b), the expression is monotone in each figure over a box
    that excludes zero denominators, so its range is taken over the box's vertices."""
    used = names_in(expr)
    boxes = {k: Interval(v - h, v + h) for k, (v, h, _) in figs.items()}
    if len(used) == len(set(used)):
        return evaluate(expr, boxes)
    uniq = sorted(set(used))
    vals = []
    for corner in itertools.product(*[(boxes[k].lo, boxes[k].hi) for k in uniq]):
        vals.append(evaluate(expr, dict(zip(uniq, corner))))
    return Interval(min(vals), max(vals))


def holds(op: str, a: Decimal, b: Decimal) -> bool:
    return {"=": a == b, "<=": a <= b, ">=": a >= b, "<": a < b, ">": a > b}[op]


def status_of(formula: str, figures: list[str]) -> str:
    left, op, right = split_formula(formula)
    figs = {f"f{i}": parse_figure(t) for i, t in enumerate(figures)}
    for n in names_in(left) + names_in(right):
        if n not in figs:
            raise ValueError(f"{n} names no figure of {figures}")
    point = {k: v for k, (v, _, _) in figs.items()}
    lv, rv = evaluate(left, point), evaluate(right, point)
    if holds(op, lv, rv):
        return "exact"
    if op == "=":
        for single, other in ((left, rv), (right, lv)):
            s = single.strip()
            if re.fullmatch(r"f\d+", s):
                v, _, d = figs[s]
                q = Decimal(1).scaleb(-d)
                if other.quantize(q, rounding=ROUND_HALF_UP) == v:
                    return "holds_after_rounding"
    li, ri = side_range(left, figs), side_range(right, figs)
    possible = {
        "=": li.lo <= ri.hi and ri.lo <= li.hi,
        "<=": li.lo <= ri.hi,
        "<": li.lo < ri.hi,
        ">=": li.hi >= ri.lo,
        ">": li.hi > ri.lo,
    }[op]
    return "within_input_rounding" if possible else "broken"


def check_entry(entry: dict, texts: pathlib.Path | None) -> list[str]:
    problems = []
    name = entry.get("file", "?")
    for key in ("file", "source", "title", "year", "kind", "figures", "relations"):
        if key not in entry:
            problems.append(f"{name}: missing {key}")
    if entry.get("kind") not in KINDS:
        problems.append(f"{name}: kind {entry.get('kind')!r} unknown")
    text = None
    if texts is not None and (texts / name).exists():
        text = (texts / name).read_text(encoding="utf-8")
        for fig in entry.get("figures", []):
            if fig not in text:
                problems.append(f"{name}: figure {fig!r} not in text")
    for i, rel in enumerate(entry.get("relations", [])):
        where = f"{name} relation {i} ({rel.get('statement', '')})"
        if rel.get("type") not in TYPES:
            problems.append(f"{where}: type {rel.get('type')!r} unknown")
        if rel.get("status") not in STATUSES:
            problems.append(f"{where}: status {rel.get('status')!r} unknown")
        if rel.get("confidence") not in CONFIDENCES:
            problems.append(f"{where}: confidence {rel.get('confidence')!r} unknown")
        for fig in rel.get("figures", []):
            if fig not in entry.get("figures", []):
                problems.append(f"{where}: figure {fig!r} not in the entry's figures")
            if text is not None and fig not in text:
                problems.append(f"{where}: figure {fig!r} not in text")
        if rel.get("status") == "not_checkable":
            continue
        if "formula" not in rel:
            problems.append(f"{where}: no formula to recompute status {rel.get('status')!r}")
            continue
        try:
            got = status_of(rel["formula"], rel["figures"])
        except Exception as e:  # noqa: BLE001 - report, keep going
            problems.append(f"{where}: cannot evaluate {rel['formula']!r}: {e}")
            continue
        if got != rel.get("status"):
            problems.append(f"{where}: recorded {rel.get('status')}, decimal says {got}")
    return problems


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Recompute every index relation's status with decimal.")
    parser.add_argument("indexes", nargs="*", type=pathlib.Path, help="index files (default: every part)")
    parser.add_argument(
        "--texts",
        type=pathlib.Path,
        default=pathlib.Path("/work/corpus-texts"),
        help="folder of excerpt texts, to check that figures are substrings",
    )
    args = parser.parse_args(argv)
    texts = args.texts if args.texts.is_dir() else None
    parts = ("dev", "aside", "fresh", *(f"fresh{n}" for n in range(2, 10)))
    paths = list(args.indexes) or [HERE / f"index-{part}.json" for part in parts]
    problems, n_entries, n_rel = [], 0, 0
    seen = set()
    for p in paths:
        for entry in json.loads(p.read_text(encoding="utf-8")):
            n_entries += 1
            n_rel += len(entry.get("relations", []))
            if entry.get("file") in seen:
                problems.append(f"{entry.get('file')}: listed twice")
            seen.add(entry.get("file"))
            problems.extend(check_entry(entry, texts))
    for line in problems:
        print(line)
    print(
        f"{n_entries} entries, {n_rel} relations, {len(problems)} disagreements"
        + ("" if texts else " (texts not present: substrings unchecked)")
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
