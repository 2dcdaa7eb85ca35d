"""Move each fast-screen bound by one unit and show that a test fails (mutation testing by hand).

Each mutant is one textual change to a copy of ``src/`` (the change must occur exactly
once); the targeted tests run against the copy (``PYTHONPATH`` puts it first) and the
mutant is *killed* when they fail. A mutant that survives is a bound no test pins down.

    python tests/screen_mutants.py                      # every mutant, tests/test_screen_boundaries.py
    python tests/screen_mutants.py --tests tests/test_fast.py   # the same mutants against other tests
    python tests/screen_mutants.py --only hot            # mutants whose name contains "hot"

Prints a markdown table (mutant, file, change, killed, seconds) and exits 1 when one survives.
About 10 s a mutant on a quiet 2-core machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FAST = "src/perfcheck/_engine/fast.py"
COLUMNS = "src/perfcheck/_engine/columns.py"
SHARES = "src/perfcheck/rules/shares.py"
CHANGES = "src/perfcheck/rules/changes.py"
COMPARISONS = "src/perfcheck/rules/comparisons.py"
PLAUSIBILITY = "src/perfcheck/rules/plausibility.py"
HOT_EQUAL = "2 * abs(diff) <= slack * (len(parts) + 1))"
HOT_AT_LEAST = "2 * diff + slack * (len(parts) + 1) >= 0)"
SHARE_LOW = "(s - hs) * (w - hw) <= hundred * (p + hp)"
SHARE_HIGH = "hundred * (p - hp) <= (s + hs) * (w + hw)"
LOWS = "> 200 * 10**top)"
MEET = "max(v - h for v, h in spans) <= min(v + h for v, h in spans)"
LEVEL = "<= c.hc + c.hp + c.hd"
RISE = "rise + c.hc + c.hp > 0"
PRIOR_LOW = "(s - c.hpct) * p_lo <= c.hundred * d_hi"
PRIOR_HIGH = "c.hundred * d_lo <= (s + c.hpct) * p_hi"
UP_LOW = "(s_lo + hundred) * p_lo <= hundred * c_hi"
UP_HIGH = "hundred * c_lo <= (s_hi + hundred) * p_hi"
DOWN_LOW = "hundred * c_lo <= (hundred - s_lo) * p_hi"
HOT_BALANCE = "2 * abs(diff) <= slack * figures:"
TRUNC = "return -tol < diff < tol if mode == _EQUAL else diff + tol > 0"
DOWN_HIGH = "(hundred - s_hi) * p_lo <= hundred * c_hi"

#: (name, file, text, replacement): each moves one bound of a screen by one unit.
MUTANTS: list[tuple[str, str, str, str]] = [
    # sums of plain figures of one precision: the hot loop (PC102 exhaustive, PC103 of which)
    ("hot sum: |diff| <= tol + 1", FAST, HOT_EQUAL, HOT_EQUAL.replace("+ 1))", "+ 1) + 1)")),
    ("hot sum: |diff| <= tol - 1", FAST, HOT_EQUAL, HOT_EQUAL.replace("+ 1))", "+ 1) - 1)")),
    ("hot sum: one figure fewer", FAST, HOT_EQUAL, HOT_EQUAL.replace("(len(parts) + 1)", "len(parts)")),
    ("hot sum: one figure more", FAST, HOT_EQUAL, HOT_EQUAL.replace("(len(parts) + 1)", "(len(parts) + 2)")),
    ("hot of which: diff + tol >= -1", FAST, HOT_AT_LEAST, HOT_AT_LEAST.replace(">= 0", ">= -1")),
    ("hot of which: diff + tol >= 1", FAST, HOT_AT_LEAST, HOT_AT_LEAST.replace(">= 0", ">= 1")),
    ("hot: counts not exact", FAST, "slack = 0 if self.exact_plain else 1", "slack = 1"),
    # balances of plain figures of one precision: the hot loop (PC101)
    ("hot balance: |diff| <= tol + 1", FAST, HOT_BALANCE, HOT_BALANCE.replace("figures:", "figures + 1:")),
    ("hot balance: |diff| <= tol - 1", FAST, HOT_BALANCE, HOT_BALANCE.replace("figures:", "figures - 1:")),
    ("hot balance: one figure more", FAST, HOT_BALANCE, HOT_BALANCE.replace("figures:", "(figures + 2):")),
    ("hot balance: |diff| not doubled", FAST, HOT_BALANCE, HOT_BALANCE.replace("2 * abs", "abs")),
    # sums and balances of plain figures of one precision (PC101, and sums with keys)
    (
        "linear: one figure more",
        FAST,
        "tol = 0 if self.exact_plain else len(left) + len(right)",
        "tol = 0 if self.exact_plain else len(left) + len(right) + 1",
    ),
    (
        "linear: one figure fewer",
        FAST,
        "tol = 0 if self.exact_plain else len(left) + len(right)",
        "tol = 0 if self.exact_plain else len(left) + len(right) - 1",
    ),
    (
        "linear: counts not exact",
        FAST,
        "tol = 0 if self.exact_plain else len(left) + len(right)",
        "tol = len(left) + len(right)",
    ),
    (
        "linear: diff <= tol + 1",
        FAST,
        "return -tol <= diff <= tol if mode",
        "return -tol <= diff <= tol + 1 if mode",
    ),
    (
        "linear: -tol - 1 <= diff",
        FAST,
        "return -tol <= diff <= tol if mode",
        "return -tol - 1 <= diff <= tol if mode",
    ),
    ("linear at least: + 1", FAST, "else diff + tol >= 0", "else diff + tol >= -1"),
    ("linear at least: - 1", FAST, "else diff + tol >= 0", "else diff + tol >= 1"),
    # the long route: mixed precisions, special figures (_verdict over _scaled)
    (
        "long: diff <= tol + 1",
        FAST,
        "        return -tol <= diff <= tol\n",
        "        return -tol <= diff <= tol + 1\n",
    ),
    (
        "long: -tol + 1 <= diff",
        FAST,
        "        return -tol <= diff <= tol\n",
        "        return -tol + 1 <= diff <= tol\n",
    ),
    ("long at least: + 1", FAST, "        return diff + tol >= 0\n", "        return diff + tol + 1 >= 0\n"),
    ("long at least: - 1", FAST, "        return diff + tol >= 0\n", "        return diff + tol - 1 >= 0\n"),
    (
        "long: a half-unit more rounding",
        COLUMNS,
        "halves = [0 if exact else 10 ** (top - e)",
        "halves = [0 if exact else 10 ** (top - e) + 1",
    ),
    (
        "long: a bare 0 rounded",
        COLUMNS,
        "return n, d, exact or (n == 0 and d == 0)",
        "return n, d, exact",
    ),
    (
        "long: counts at a decimal exact",
        COLUMNS,
        "unit.factor == 1 and d == 0\n",
        "unit.factor == 1 and d <= 1\n",
    ),
    (
        "columns: a bare 0 read as an integer",
        COLUMNS,
        "and _BARE_ZERO.search(joined):",
        "and _BARE_ZERO.search(joined) and False:",
    ),
    (
        "columns: counts at a decimal exact",
        COLUMNS,
        "doc_unit.factor == 1 and self.uniform == 0",
        "doc_unit.factor == 1 and self.uniform in (0, 1)",
    ),
    # truncated figures (issue 15): cleared strictly inside the bounds, their middles shifted
    ("truncated: |diff| <= tol", FAST, TRUNC, TRUNC.replace("-tol < diff < tol", "-tol <= diff <= tol")),
    ("truncated: diff < tol + 1", FAST, TRUNC, TRUNC.replace("diff < tol if", "diff < tol + 1 if")),
    ("truncated: diff < tol - 1", FAST, TRUNC, TRUNC.replace("diff < tol if", "diff < tol - 1 if")),
    ("truncated: -tol - 1 < diff", FAST, TRUNC, TRUNC.replace("-tol < diff", "-tol - 1 < diff")),
    ("truncated: -tol + 1 < diff", FAST, TRUNC, TRUNC.replace("-tol < diff", "-tol + 1 < diff")),
    ("truncated at least: >= 0", FAST, TRUNC, TRUNC.replace("diff + tol > 0", "diff + tol >= 0")),
    ("truncated at least: > 1", FAST, TRUNC, TRUNC.replace("diff + tol > 0", "diff + tol > 1")),
    ("truncated: above zero not shifted", COLUMNS, "values[i] += halves[i]  # [v", "values[i] += 0  # [v"),
    (
        "truncated: above zero + 1",
        COLUMNS,
        "values[i] += halves[i]  # [v",
        "values[i] += halves[i] + 1  # [v",
    ),
    ("truncated: below zero not shifted", COLUMNS, "values[i] -= halves[i]  # (v", "values[i] -= 0  # (v"),
    (
        "truncated: below zero - 1",
        COLUMNS,
        "values[i] -= halves[i]  # (v",
        "values[i] -= halves[i] + 1  # (v",
    ),
    ("truncated: zero not widened", COLUMNS, "halves[i] *= 2  # (-u, u)", "halves[i] *= 1  # (-u, u)"),
    (
        "truncated: zero widened + 1",
        COLUMNS,
        "halves[i] *= 2  # (-u, u)",
        "halves[i] += halves[i] + 1  # (-u, u)",
    ),
    ("truncated: the hot loop", FAST, "bool(self.numbers) and not self.truncate_doc", "bool(self.numbers)"),
    (
        "truncated: the hot balance",
        FAST,
        "_EQUAL and not self.truncate_doc and bool(self.numbers)",
        "_EQUAL and bool(self.numbers)",
    ),
    # shares (PC201) of plain figures: the quotient's inputs and the rule's hook
    ("share: part's rounding + 1", FAST, "return Quotient(2 * p, 1,", "return Quotient(2 * p, 2,"),
    ("share: part exact", FAST, "return Quotient(2 * p, 1,", "return Quotient(2 * p, 0,"),
    ("share: whole's rounding + 1", FAST, "2 * w, len(wholes), s", "2 * w, len(wholes) + 1, s"),
    ("share: whole's rounding - 1", FAST, "2 * w, len(wholes), s", "2 * w, len(wholes) - 1, s"),
    (
        "share: stated's rounding + 1",
        FAST,
        "hs = 0 if e == 0 and s == 0 else 1",
        "hs = 0 if e == 0 and s == 0 else 2",
    ),
    ("share: stated's rounding - 1", FAST, "hs = 0 if e == 0 and s == 0 else 1", "hs = 0"),
    ("share: a bare 0% rounded", FAST, "hs = 0 if e == 0 and s == 0 else 1", "hs = 1"),
    ("share: 100 % + 1", FAST, "len(wholes), s, hs, 200 * 10**e)", "len(wholes), s, hs, 200 * 10**e + 1)"),
    ("share long: 100 % + 1", FAST, "sum(hws), s, hs, 200 * 10**e)", "sum(hws), s, hs, 200 * 10**e + 1)"),
    ("PC201 hook: low end - 1", SHARES, SHARE_LOW, SHARE_LOW.replace("(s - hs)", "(s - hs - 1)")),
    ("PC201 hook: low end + 1", SHARES, SHARE_LOW, SHARE_LOW.replace("(s - hs)", "(s - hs + 1)")),
    ("PC201 hook: part's top + 1", SHARES, SHARE_LOW, SHARE_LOW.replace("(p + hp)", "(p + hp + 1)")),
    ("PC201 hook: low end strict", SHARES, SHARE_LOW, SHARE_LOW.replace("<=", "<")),
    ("PC201 hook: high end + 1", SHARES, SHARE_HIGH, SHARE_HIGH.replace("(s + hs)", "(s + hs + 1)")),
    ("PC201 hook: high end - 1", SHARES, SHARE_HIGH, SHARE_HIGH.replace("(s + hs)", "(s + hs - 1)")),
    ("PC201 hook: part's bottom - 1", SHARES, SHARE_HIGH, SHARE_HIGH.replace("(p - hp)", "(p - hp - 1)")),
    ("PC201 hook: high end strict", SHARES, SHARE_HIGH, SHARE_HIGH.replace("<=", "<")),
    ("PC201 hook: a whole that may be 0", SHARES, "q.whole - q.hw <= 0", "q.whole - q.hw < 0"),
    ("PC201 hook: a whole of one unit", SHARES, "q.whole - q.hw <= 0", "q.whole - q.hw <= 1"),
    ("PC201 hook: a part that may be negative", SHARES, "q.part - q.hp < 0", "q.part - q.hp < -1"),
    ("PC201 hook: a part of one unit", SHARES, "q.part - q.hp < 0", "q.part - q.hp < 1"),
    # PC601 (above 100 %), PC602 (several shares), PC603 (below zero), PC604 (precision)
    ("PC601 hook: >= 100 %", PLAUSIBILITY, "q.stated - q.hs > q.hundred", "q.stated - q.hs >= q.hundred"),
    (
        "PC601 hook: > 100 % + 1",
        PLAUSIBILITY,
        "q.stated - q.hs > q.hundred",
        "q.stated - q.hs > q.hundred + 1",
    ),
    # PC602 (several shares of one whole): the sum of the stated values' lowest ends against 100 %
    ("PC602 hook: lows > 100 % + 1", PLAUSIBILITY, LOWS, "> 200 * 10**top + 1)"),
    ("PC602 hook: lows > 100 % - 1", PLAUSIBILITY, LOWS, "> 200 * 10**top - 1)"),
    ("PC602 hook: lows >= 100 %", PLAUSIBILITY, LOWS, ">= 200 * 10**top)"),
    ("PC602 hook: a stated value's rounding + 1", PLAUSIBILITY, "(0 if exact else 1)", "(0 if exact else 2)"),
    ("PC602 hook: stated values exact", PLAUSIBILITY, "(0 if exact else 1)", "0"),
    ("PC602 hook: a bare 0% rounded", PLAUSIBILITY, "(0 if exact else 1)", "1"),
    ("PC602 hook: groups of three parts", PLAUSIBILITY, "if len(unique) >= 2 and", "if len(unique) >= 3 and"),
    ("PC602 hook: groups of one part", PLAUSIBILITY, "if len(unique) >= 2 and", "if len(unique) >= 1 and"),
    (
        "PC602 hook: three shares before grouping",
        PLAUSIBILITY,
        'if columns.kinds.count("share") < 2:',
        'if columns.kinds.count("share") < 3:',
    ),
    (
        "PC602 hook: the sums grouping them left behind",
        PLAUSIBILITY,
        'together.update(r["id"] for r in sums if (r["total"],) in whole_ids)',
        'together.update(r["id"] for r in sums if False)',
    ),
    ("PC602: run again on the escalated part", FAST, "cleared.add(code)  # the rule", "pass  # the rule"),
    # PC301 (a change's level, or its direction alone) and PC302 (its percent)
    ("PC301 hook: |diff| <= tol + 1", CHANGES, LEVEL, LEVEL + " + 1"),
    ("PC301 hook: |diff| <= tol - 1", CHANGES, LEVEL, LEVEL + " - 1"),
    ("PC301 hook: direction not strict", CHANGES, RISE, RISE.replace("> 0", ">= 0")),
    ("PC301 hook: direction beyond by 1", CHANGES, RISE, RISE.replace("> 0", "> 1")),
    ("PC301 hook: direction within 1", CHANGES, RISE, RISE.replace("> 0", "> -1")),
    (
        "PC302 hook: of the prior, low end - 1",
        CHANGES,
        PRIOR_LOW,
        PRIOR_LOW.replace("(s - c.hpct)", "(s - c.hpct - 1)"),
    ),
    (
        "PC302 hook: of the prior, low end + 1",
        CHANGES,
        PRIOR_LOW,
        PRIOR_LOW.replace("(s - c.hpct)", "(s - c.hpct + 1)"),
    ),
    (
        "PC302 hook: of the prior, high end + 1",
        CHANGES,
        PRIOR_HIGH,
        PRIOR_HIGH.replace("(s + c.hpct)", "(s + c.hpct + 1)"),
    ),
    (
        "PC302 hook: of the prior, high end - 1",
        CHANGES,
        PRIOR_HIGH,
        PRIOR_HIGH.replace("(s + c.hpct)", "(s + c.hpct - 1)"),
    ),
    (
        "PC302 hook: a change that may be negative",
        CHANGES,
        "if c.delta - c.hd < 0:",
        "if c.delta - c.hd < -1:",
    ),
    ("PC302 hook: a prior that may be zero", CHANGES, "c.prior - c.hp <= 0", "c.prior - c.hp < 0"),
    ("PC302 hook: a prior of one unit", CHANGES, "c.prior - c.hp <= 0", "c.prior - c.hp <= 1"),
    (
        "PC302 hook: levels up, low end - 1",
        CHANGES,
        UP_LOW,
        UP_LOW.replace("(s_lo + hundred)", "(s_lo + hundred - 1)"),
    ),
    (
        "PC302 hook: levels up, low end + 1",
        CHANGES,
        UP_LOW,
        UP_LOW.replace("(s_lo + hundred)", "(s_lo + hundred + 1)"),
    ),
    (
        "PC302 hook: levels up, high end + 1",
        CHANGES,
        UP_HIGH,
        UP_HIGH.replace("(s_hi + hundred)", "(s_hi + hundred + 1)"),
    ),
    (
        "PC302 hook: levels up, high end - 1",
        CHANGES,
        UP_HIGH,
        UP_HIGH.replace("(s_hi + hundred)", "(s_hi + hundred - 1)"),
    ),
    (
        "PC302 hook: levels down, low end - 1",
        CHANGES,
        DOWN_LOW,
        DOWN_LOW.replace("(hundred - s_lo)", "(hundred - s_lo - 1)"),
    ),
    (
        "PC302 hook: levels down, low end + 1",
        CHANGES,
        DOWN_LOW,
        DOWN_LOW.replace("(hundred - s_lo)", "(hundred - s_lo + 1)"),
    ),
    (
        "PC302 hook: levels down, high end + 1",
        CHANGES,
        DOWN_HIGH,
        DOWN_HIGH.replace("(hundred - s_hi)", "(hundred - s_hi + 1)"),
    ),
    (
        "PC302 hook: levels down, high end - 1",
        CHANGES,
        DOWN_HIGH,
        DOWN_HIGH.replace("(hundred - s_hi)", "(hundred - s_hi - 1)"),
    ),
    (
        "PC302 hook: a current that may be negative",
        CHANGES,
        "if c.current - c.hc < 0:",
        "if c.current - c.hc < -1:",
    ),
    (
        "change: 100 % + 1",
        FAST,
        "            hundred = 200 * 10**e\n",
        "            hundred = 200 * 10**e + 1\n",
    ),
    # PC401 (one quantity printed several times): the highest low end against the lowest high end
    ("PC401 hook: meet within 1", COMPARISONS, MEET, MEET + " + 1"),
    ("PC401 hook: meet by 1", COMPARISONS, MEET, MEET + " - 1"),
    ("PC401 hook: strict", COMPARISONS, MEET, MEET.replace("<=", "<")),
    ("PC401 hook: rounding + 1", COMPARISONS, MEET, MEET.replace("v - h for", "v - h - 1 for")),
    # figures read from their views (a unit in the value, a JSON number)
    (
        "read: every figure exact",
        COLUMNS,
        "return int(n), view.decimals, view.exact",
        "return int(n), view.decimals, True",
    ),
    (
        "read: no figure exact",
        COLUMNS,
        "return int(n), view.decimals, view.exact",
        "return int(n), view.decimals, False",
    ),
    (
        "read: a qualified figure read",
        COLUMNS,
        "if view.qualifier is not None or view.excess",
        "if view.excess",
    ),
    (
        "read into the column: exactness not compared",
        COLUMNS,
        "and e == self.uniform and exact == self.exact_plain\n",
        "and e == self.uniform\n",
    ),
    (
        "read into the column: another precision",
        COLUMNS,
        "and e == self.uniform and exact == self.exact_plain\n",
        "and exact == self.exact_plain\n",
    ),
    ("PC603 column: -0.00 below zero", COLUMNS, 'v.strip("-0.")', 'v.strip("-.")'),
    ("PC603 special: -0% below zero", COLUMNS, 'value.strip("-0.%")', 'value.strip("-.%")'),
    (
        "PC604 usual: one figure fewer",
        PLAUSIBILITY,
        "if sum(counts.values()) >= MIN_FIGURES_FOR_PRECISION:",
        "if sum(counts.values()) >= MIN_FIGURES_FOR_PRECISION - 1:",
    ),
    (
        "PC604 usual: one figure more",
        PLAUSIBILITY,
        "if sum(counts.values()) >= MIN_FIGURES_FOR_PRECISION:",
        "if sum(counts.values()) >= MIN_FIGURES_FOR_PRECISION + 1:",
    ),
    (
        "PC604 hook: a decimal more",
        PLAUSIBILITY,
        "if all(max(precision[unit]) <= d ",
        "if all(max(precision[unit]) <= d + 1 ",
    ),
    (
        "PC604 hook: equal decimals",
        PLAUSIBILITY,
        "if all(max(precision[unit]) <= d ",
        "if all(max(precision[unit]) < d ",
    ),
    (
        "PC604 hook: figures at the usual",
        PLAUSIBILITY,
        "unit in usual and d > usual[unit]]",
        "unit in usual and d >= usual[unit]]",
    ),
    (
        "PC604 hook: figures a decimal beyond",
        PLAUSIBILITY,
        "unit in usual and d > usual[unit]]",
        "unit in usual and d > usual[unit] + 1]",
    ),
    (
        "PC604 columns: plain bare zeros counted",
        COLUMNS,
        "            counts = {**counts, 0: counts[0] - zeros}",
        "            pass",
    ),
    (
        "PC604 columns: a special bare 0 counted",
        COLUMNS,
        "(decimals is not None or not _is_bare_zero(value))",
        "True",
    ),
    (
        "PC604 columns: 00 not a bare zero",
        COLUMNS,
        '_ALL_ZEROS: Final = re.compile(r"-?0+").fullmatch',
        '_ALL_ZEROS: Final = re.compile(r"-?0").fullmatch',
    ),
    (
        "PC604: the whole document's usual not given",
        FAST,
        "precision=self.precision,",
        "precision=None,",
    ),
    (
        "PC604 hook: two decimals taken for one",
        PLAUSIBILITY,
        "if all(len(shown) == 1 for shown in precision.values()):",
        "if all(len(shown) <= 2 for shown in precision.values()):",
    ),
]


#: Mutants no test can kill, and why: they change code the shipped rules never reach.
EQUIVALENT: dict[str, str] = {
    "hot of which: diff + tol >= -1": (
        "unreachable: the hot loop reads only sums without an exhaustive key, which PC102 judges "
        "(equal); PC103 judges sums with exhaustive: false, which take the long way"
    ),
}
EQUIVALENT["hot of which: diff + tol >= 1"] = EQUIVALENT["hot of which: diff + tol >= -1"]
EQUIVALENT["PC604 usual: one figure fewer"] = (
    "with two figures the usual precision is the larger of the two (a tie goes to more decimals), "
    "so nothing exceeds it: counting two figures or not judges the same"
)
EQUIVALENT["PC601 hook: >= 100 %"] = (
    "the stated value's low end is never exactly 100 %: in units of ½·10^-e % it is 2n - 1, odd, "
    "against 200·10^e (a bare 0%, the one exact percentage, is far below)"
)


def run_mutant(source: str, text: str, replacement: str, tests: list[str]) -> tuple[bool, float]:
    """Apply one mutant to a copy of ``src/`` and run ``tests``; whether they failed, and the seconds."""
    with tempfile.TemporaryDirectory(prefix="perfcheck-mutant-") as tmp:
        shutil.copytree(ROOT / "src", Path(tmp) / "src")
        path = Path(tmp) / source
        code = path.read_text(encoding="utf-8")
        if code.count(text) != 1:
            msg = f"{source}: {text!r} occurs {code.count(text)} times, not once"
            raise SystemExit(msg)
        path.write_text(code.replace(text, replacement), encoding="utf-8")
        env = {**os.environ, "PYTHONPATH": str(Path(tmp) / "src")}
        probe = subprocess.run(
            [sys.executable, "-c", "import perfcheck; print(perfcheck.__file__)"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        if not probe.stdout.startswith(tmp):
            msg = f"the mutant is not the perfcheck imported: {probe.stdout.strip()}"
            raise SystemExit(msg)
        start = time.perf_counter()
        outcome = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", "--no-header", *tests],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        return outcome.returncode != 0, time.perf_counter() - start


def say(text: str) -> None:
    """One line to standard output, at once (a run takes minutes)."""
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tests", nargs="+", default=["tests/test_screen_boundaries.py"])
    parser.add_argument("--only", help="run the mutants whose name contains this")
    args = parser.parse_args()
    chosen = [m for m in MUTANTS if args.only is None or args.only in m[0]]
    say("| mutant | file | change | killed | s |")
    say("|---|---|---|---|---:|")
    outcomes = {"killed": 0, "equivalent": 0, "survived": 0}
    for name, source, text, replacement in chosen:
        killed, seconds = run_mutant(source, text, replacement, args.tests)
        verdict = "yes" if killed else "**no**"
        if killed:
            outcomes["killed"] += 1
        elif name in EQUIVALENT:
            outcomes["equivalent"] += 1
            verdict = f"no, equivalent: {EQUIVALENT[name]}"
        else:
            outcomes["survived"] += 1
        change = f"`{text.strip()}` → `{replacement.strip()}`".replace("|", "\\|")
        say(f"| {name} | {Path(source).name} | {change} | {verdict} | {seconds:.1f} |")
    counts = ", ".join(f"{n} {k}" for k, n in outcomes.items())
    say(f"\n{len(chosen)} mutants against {' '.join(args.tests)}: {counts}")
    survivors = outcomes["survived"]
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())
