"""Every fast screen, at and within one unit of each rounding boundary, through every way in.

A rule's screen (``Rule.screen``) stands in for its exact check on the fast path; the
property tests of ``tests/test_fast.py`` draw documents broadly, so a screen whose bound
is one unit loose (``|diff| <= tol + 1``) can survive them. Here each document is built
*at* a boundary: a relation whose difference is exactly what the printed figures'
rounding allows, and one unit (of the last printed digit) either side, for odd and even
numbers of figures, negative and zero values, bare zeros (exactly nothing), exact
head-counts, shares at both ends of the stated percentage and around 100 %.

Each document is checked four ways -- ``check(bytes)``, ``check(path)``, the command
line (``perfcheck check --format json``) and ``check(Ledger)`` (the full path, no
screen) -- and all four must report the same findings; the exact reference of
``tests/test_fast.py`` (``reference``: Fractions) says which side of the boundary each
relation is on, so a boundary case is known to test what it says. The documents are
plain, and the fast path is asserted to read them (it would prove nothing otherwise).

``tests/screen_mutants.py`` moves each screen bound by one unit in a copy of the source
and runs this file: every mutant must fail it.
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import re
import tempfile
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, Final

import pytest
from hypothesis import given, note, settings
from hypothesis import strategies as st

import perfcheck
from perfcheck import default_registry
from perfcheck._core.limits import DEFAULT_LIMITS
from perfcheck._engine import fast
from perfcheck._findings.finding import Finding
from perfcheck.cli import main
from test_fast import accepted, interval, printed, reference, rules_for, shown, to_bytes
from test_properties import _sum_doc

BOUNDARY = settings(max_examples=120, deadline=None)

#: Selections the screens are planned for: every rule, the rule alone, and rules that never
#: make the fast path decline a plain document (PC602, PC604 can).
ALL: dict[str, Any] = {}
ACCEPTING: dict[str, Any] = {"select": ["PC1", "PC2", "PC601", "PC603", "PC901"]}


# ---------------------------------------------------------------------------
# Four ways in


def _cli_findings(path: Path, options: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    argv = ["check", "--format", "json", "--no-config", str(path)]
    if "select" in options:
        argv += ["--select", ",".join(options["select"])]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(argv)
    return code, json.loads(out.getvalue())


def four_ways(data: bytes, *, plain: bool = True, **options: Any) -> perfcheck.Result:
    """Check ``data`` four ways; assert they report the same; return the full path's result."""
    full = perfcheck.check(perfcheck.loads(data), **options)
    expected = [f.to_json_dict() for f in full.findings]
    if plain:
        assert accepted(data, options), "the fast path must read a boundary document itself"
    fast = perfcheck.check(data, **options)
    assert [f.to_json_dict() for f in fast.findings] == expected
    assert fast.relations_checked == full.relations_checked
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.json"
        path.write_bytes(data)
        from_path = perfcheck.check(path, **options)
        assert [f.to_json_dict() for f in from_path.findings] == expected
        code, shown = _cli_findings(path, options)
    assert [{k: v for k, v in f.items() if k != "acknowledged"} for f in shown["findings"]] == expected
    assert shown["summary"]["relations_checked"] == full.relations_checked
    assert code == (1 if full.errors else 0)
    return full


def document(
    figures: list[tuple[str, str]], relations: list[dict[str, Any]], unit: str = "万元", **keys: Any
) -> bytes:
    figs = [{"id": fid, "value": value, **keys.get(fid, {})} for fid, value in figures]
    return to_bytes({"perfcheck": "1", "unit": unit, "figures": figs, "relations": relations})


def statuses(data: bytes) -> dict[str, str]:
    doc = json.loads(data)
    return {rel["id"]: reference(doc, rel) for rel in doc["relations"]}


def screened_for(data: bytes, options: dict[str, Any]) -> fast.Screened | None:
    """The document after the screen, for the rules ``options`` select; None when it declines it."""
    plan = fast.plan(rules_for(options), default_registry)
    assert plan is not None
    return fast.screen(data, plan, DEFAULT_LIMITS)


def escalated(data: bytes, options: dict[str, Any]) -> set[str] | None:
    """The relations the screen does not clear; None when it declines the document.

    They are sent to the full path, or judged by the rules on plain data (a broken sum,
    balance or share of plain figures: :mod:`perfcheck._engine.plain`).
    """
    screened = screened_for(data, options)
    return None if screened is None else {r["id"] for r in screened.relations} | screened.worded_ids


def clearable(doc: dict[str, Any], rel: dict[str, Any]) -> bool:
    """Whether the screen clears the relation itself when it holds.

    Sums and balances always; a share when its part is outside its wholes and cannot be
    negative, and it may be 100 % or less (PC601 reports the others); the full path judges
    the others.
    """
    if rel["kind"] != "share":
        return True
    wholes = [rel["whole"]] if isinstance(rel["whole"], str) else rel["whole"]
    part, stated = interval(doc, rel["part"]), interval(doc, rel["stated"])
    return rel["part"] not in wholes and part[0] >= 0 and stated[0] <= 100


def assert_judged(data: bytes, expected: dict[str, str], **options: Any) -> None:
    """Four ways agree, the reference says ``expected``, and so do the full path's checks.

    The screen must clear what holds (a bound one unit too tight sends it to the full
    path, which agrees, so only this shows it) and escalate the rest.
    """
    assert statuses(data) == expected
    full = four_ways(data, **options)
    got = {c.relation: c.status for c in full.checks}
    assert {r: got.get(r) for r in expected} == expected
    doc = json.loads(data)
    sent = escalated(data, options)
    assert sent is not None
    for rel in doc["relations"]:
        status = expected[rel["id"]]
        if status == "holds" and clearable(doc, rel):
            assert rel["id"] not in sent, "a relation that holds was sent to the full path"
        elif status != "holds":
            assert rel["id"] in sent
        if rel["kind"] == "share" and interval(doc, rel["part"])[0] < 0:
            # the screen bounds the quotient of a part that cannot be negative
            assert rel["id"] in sent, "a share whose part may be negative was screened"


# ---------------------------------------------------------------------------
# Hand-written boundaries
#
# In units of the last printed digit, n figures rounded to nearest allow a difference of
# n/2: with an odd number of figures the boundary falls between two printable
# differences, with an even number on one. Both are here, each with the difference one
# unit inside and one unit beyond.


def _sum_case(parts: list[str], total: str, *, exhaustive: bool = True, unit: str = "万元") -> bytes:
    """A total of parts: relation ``split``."""
    return to_bytes(_sum_doc(total, parts, exhaustive=exhaustive, unit=unit))


SUMS: list[tuple[str, bytes, str]] = [
    # 3 figures (odd): 1.5 units allowed, so 1 holds and 2 does not
    ("odd, +1", _sum_case(["1.00", "2.00"], "3.01"), "holds"),
    ("odd, +2", _sum_case(["1.00", "2.00"], "3.02"), "broken"),
    ("odd, -1", _sum_case(["1.00", "2.00"], "2.99"), "holds"),
    ("odd, -2", _sum_case(["1.00", "2.00"], "2.98"), "broken"),
    # 4 figures (even): 2 units allowed exactly
    ("even, +2", _sum_case(["1.00", "2.00", "3.00"], "6.02"), "holds"),
    ("even, +3", _sum_case(["1.00", "2.00", "3.00"], "6.03"), "broken"),
    ("even, -2", _sum_case(["1.00", "2.00", "3.00"], "5.98"), "holds"),
    ("even, -3", _sum_case(["1.00", "2.00", "3.00"], "5.97"), "broken"),
    # 2 figures (a total of one part): 1 unit
    ("one part, +1", _sum_case(["4.0"], "4.1"), "holds"),
    ("one part, +2", _sum_case(["4.0"], "4.2"), "broken"),
    # negative and zero values
    ("negative, odd, -1", _sum_case(["-1.00", "-2.00"], "-3.01"), "holds"),
    ("negative, odd, -2", _sum_case(["-1.00", "-2.00"], "-3.02"), "broken"),
    ("zeros, +1", _sum_case(["0.00", "0.00"], "0.01"), "holds"),
    ("zeros, +2", _sum_case(["0.00", "0.00"], "0.02"), "broken"),
    ("zero total, -1", _sum_case(["0.01", "0.00"], "0.00"), "holds"),
    ("crossing zero, +1", _sum_case(["-1.00", "1.00"], "0.01"), "holds"),
    ("crossing zero, +2", _sum_case(["-1.00", "1.00"], "0.02"), "broken"),
    # whole numbers, no decimals: the same bounds in units of one
    ("integers, odd, +1", _sum_case(["10", "20"], "31"), "holds"),
    ("integers, odd, +2", _sum_case(["10", "20"], "32"), "broken"),
    ("integers, even, +2", _sum_case(["10", "20", "30"], "62"), "holds"),
    ("integers, even, +3", _sum_case(["10", "20", "30"], "63"), "broken"),
    # a bare 0 is exactly nothing: 10 + 0 against 11 allows only ½ + ½
    ("bare zero, +1", _sum_case(["10", "0"], "11"), "holds"),
    ("bare zero, +1 of three", _sum_case(["10", "0", "0"], "11"), "holds"),
    ("bare zeros, +1", _sum_case(["0", "0"], "1"), "broken"),
    ("bare zero total, 1", _sum_case(["1"], "0"), "broken"),
    ("bare zero and 0.0, 0.1", _sum_case(["0", "0.0"], "0.1"), "holds"),
    ("bare zero and 0.0, 0.2", _sum_case(["0", "0.0"], "0.2"), "broken"),
    # exact head-counts allow nothing; at one decimal they are rounded
    ("head-counts, 0", _sum_case(["3", "4"], "7", unit="人"), "holds"),
    ("head-counts, +1", _sum_case(["3", "4"], "8", unit="人"), "broken"),
    ("head-counts, -1", _sum_case(["3", "4"], "6", unit="人"), "broken"),
    ("head-counts at a decimal, +1", _sum_case(["3.0", "4.0"], "7.1", unit="人"), "holds"),
    ("head-counts at a decimal, +2", _sum_case(["3.0", "4.0"], "7.2", unit="人"), "broken"),
    # mixed: the whole count is exact, those at a decimal are not (the long route)
    ("head-counts mixed, +1", _sum_case(["3.0", "4"], "7.1", unit="人"), "holds"),
    ("head-counts mixed, +2", _sum_case(["3.0", "4"], "7.2", unit="人"), "broken"),
    ("head-counts mixed, 7.0", _sum_case(["3", "4"], "7.0", unit="人"), "holds"),
    ("head-counts mixed, 6.9", _sum_case(["3", "4"], "6.9", unit="人"), "broken"),
    # mixed precisions (the long route): 1.0 ± 0.05, 2.00 ± 0.005, total ± 0.005: 0.06
    ("mixed, +6", _sum_case(["1.0", "2.00"], "3.06"), "holds"),
    ("mixed, +7", _sum_case(["1.0", "2.00"], "3.07"), "broken"),
    ("mixed, -6", _sum_case(["1.0", "2.00"], "2.94"), "holds"),
    ("mixed, -7", _sum_case(["1.0", "2.00"], "2.93"), "broken"),
    ("mixed with a bare zero, +5", _sum_case(["1.0", "0"], "1.05"), "holds"),
    ("mixed with a bare zero, +6", _sum_case(["1.0", "0"], "1.06"), "broken"),
    # of which (not exhaustive): the parts may fall short; they may exceed by the rounding only
    ("partial, odd, parts over by 1", _sum_case(["1.00", "2.00"], "2.99", exhaustive=False), "holds"),
    ("partial, odd, parts over by 2", _sum_case(["1.00", "2.00"], "2.98", exhaustive=False), "broken"),
    (
        "partial, even, parts over by 2",
        _sum_case(["1.00", "1.00", "1.00"], "2.98", exhaustive=False),
        "holds",
    ),
    (
        "partial, even, parts over by 3",
        _sum_case(["1.00", "1.00", "1.00"], "2.97", exhaustive=False),
        "broken",
    ),
    ("partial, short", _sum_case(["1.00", "2.00"], "9.99", exhaustive=False), "holds"),
    ("partial, mixed, over by 6", _sum_case(["1.0", "2.00"], "2.94", exhaustive=False), "holds"),
    ("partial, mixed, over by 7", _sum_case(["1.0", "2.00"], "2.93", exhaustive=False), "broken"),
    # mixed precisions with an odd number of rounding half-units: 0.05 + 3 × 0.005 = 0.065
    ("partial, mixed, odd, over by 6", _sum_case(["1.0", "2.00", "3.00"], "5.94", exhaustive=False), "holds"),
    (
        "partial, mixed, odd, over by 7",
        _sum_case(["1.0", "2.00", "3.00"], "5.93", exhaustive=False),
        "broken",
    ),
    ("mixed, odd, +6", _sum_case(["1.0", "2.00", "3.00"], "6.06"), "holds"),
    ("mixed, odd, +7", _sum_case(["1.0", "2.00", "3.00"], "6.07"), "broken"),
    ("partial, head-counts, over by 1", _sum_case(["3", "4"], "6", exhaustive=False, unit="人"), "broken"),
    ("partial, head-counts, equal", _sum_case(["3", "4"], "7", exhaustive=False, unit="人"), "holds"),
]


def _balance_case(ins: list[str], outs: list[str], unit: str = "万元", label: str | None = None) -> bytes:
    """A balance ``r``; with a ``label`` it leaves the hot loop (which reads four keys) for ``_linear``."""
    figures = [*((f"i{k}", v) for k, v in enumerate(ins)), *((f"o{k}", v) for k, v in enumerate(outs))]
    rel: dict[str, Any] = {
        "id": "r",
        "kind": "balance",
        "inflows": [f"i{k}" for k in range(len(ins))],
        "outflows": [f"o{k}" for k in range(len(outs))],
    }
    if label is not None:
        rel["label"] = label
    return document(figures, [rel], unit=unit)


BALANCES: list[tuple[str, bytes, str]] = [
    ("balance, odd, +1", _balance_case(["1.00", "2.00"], ["3.01"]), "holds"),
    ("balance, odd, +2", _balance_case(["1.00", "2.00"], ["3.02"]), "broken"),
    ("balance, odd, -1", _balance_case(["1.00", "2.00"], ["2.99"]), "holds"),
    ("balance, odd, -2", _balance_case(["1.00", "2.00"], ["2.98"]), "broken"),
    ("balance, even, +2", _balance_case(["1.00", "2.00"], ["2.00", "1.02"]), "holds"),
    ("balance, even, +3", _balance_case(["1.00", "2.00"], ["2.00", "1.03"]), "broken"),
    ("balance, five, +2", _balance_case(["1.00", "2.00", "3.00"], ["2.00", "4.02"]), "holds"),
    ("balance, five, +3", _balance_case(["1.00", "2.00", "3.00"], ["2.00", "4.03"]), "broken"),
    ("balance, negative, -2", _balance_case(["-1.00", "-2.00", "-3.00"], ["-2.00", "-4.02"]), "holds"),
    ("balance, mixed, +6", _balance_case(["1.0", "2.00"], ["3.06"]), "holds"),
    ("balance, mixed, +7", _balance_case(["1.0", "2.00"], ["3.07"]), "broken"),
    ("balance, bare zero, +1", _balance_case(["5", "0"], ["6"]), "holds"),
    ("balance, bare zeros, +1", _balance_case(["0"], ["1"]), "broken"),
    ("balance, head-counts, +1", _balance_case(["5", "2"], ["8"], unit="人"), "broken"),
    # with a label: the long way of one precision (_linear), not the hot loop
    ("labelled balance, odd, +1", _balance_case(["1.00", "2.00"], ["3.01"], label="收支"), "holds"),
    ("labelled balance, odd, +2", _balance_case(["1.00", "2.00"], ["3.02"], label="收支"), "broken"),
    ("labelled balance, odd, -1", _balance_case(["1.00", "2.00"], ["2.99"], label="收支"), "holds"),
    ("labelled balance, odd, -2", _balance_case(["1.00", "2.00"], ["2.98"], label="收支"), "broken"),
    ("labelled balance, even, +2", _balance_case(["1.00", "2.00"], ["2.00", "1.02"], label="收支"), "holds"),
    ("labelled balance, even, +3", _balance_case(["1.00", "2.00"], ["2.00", "1.03"], label="收支"), "broken"),
    (
        "labelled balance, head-counts, +1",
        _balance_case(["5", "2"], ["8"], unit="人", label="人数"),
        "broken",
    ),
]


@pytest.mark.parametrize(("data", "status"), [pytest.param(d, s, id=n) for n, d, s in [*SUMS, *BALANCES]])
@pytest.mark.parametrize("options", [ALL, ACCEPTING, {"select": ["PC1"]}], ids=["all", "accepting", "PC1"])
def test_linear_boundaries(data: bytes, status: str, options: dict[str, Any]) -> None:
    assert_judged(data, {json.loads(data)["relations"][0]["id"]: status}, **options)


def _share_case(part: str, whole: str | list[str], stated: str, unit: str = "万元", **keys: Any) -> bytes:
    wholes = [whole] if isinstance(whole, str) else whole
    figures = [("p", part), *((f"w{k}", v) for k, v in enumerate(wholes)), ("s", stated)]
    rel: dict[str, Any] = {"id": "r", "kind": "share", "part": "p", "stated": "s"}
    rel["whole"] = "w0" if isinstance(whole, str) else [f"w{k}" for k in range(len(wholes))]
    return document(figures, [rel], unit=unit, **keys)


def _share_edges(
    part: str, whole: str | list[str], e: int, unit: str = "万元"
) -> list[tuple[str, bytes, str]]:
    """The lowest and highest stated percentages at ``e`` decimals that hold, and one unit beyond each."""
    probe = json.loads(_share_case(part, whole, "0%", unit))
    p_lo, p_hi = interval(probe, "p")
    wholes = [f"w{k}" for k in range(1 if isinstance(whole, str) else len(whole))]
    w_lo = sum((interval(probe, w)[0] for w in wholes), Fraction(0))
    w_hi = sum((interval(probe, w)[1] for w in wholes), Fraction(0))
    cases = []
    for stated, status in edges(100 * p_lo / w_hi, 100 * p_hi / w_lo, e):
        cases.append((f"share {part}/{whole} at {stated}", _share_case(part, whole, stated, unit), status))
    return cases


def edges(lo: Fraction, hi: Fraction, e: int) -> list[tuple[str, str]]:
    """The lowest and highest percentages at ``e`` decimals meeting ``[lo, hi]``, and one unit beyond each."""
    step = Fraction(1, 10**e)
    # a stated s (± step/2) meets [lo, hi] when s + step/2 >= lo and s - step/2 <= hi
    first = -((-(lo - step / 2)) // step)
    last = (hi + step / 2) // step
    pairs = [(first - 1, "broken"), (first, "holds"), (last, "holds"), (last + 1, "broken")]
    return [(printed(int(n), e) + "%", status) for n, status in pairs]


SHARES: list[tuple[str, bytes, str]] = [
    *_share_edges("51.89", "134.56", 2),
    *_share_edges("51.89", "134.56", 1),
    *_share_edges("51.89", "134.56", 0),
    *_share_edges("0.998", "9", 2),
    *_share_edges("5", "7", 2),  # odd whole numbers: ± ½ each
    *_share_edges("6", "8", 3),
    *_share_edges("1", "32", 2, unit="人"),  # exact head-counts
    *_share_edges("7", "9", 1, unit="人"),
    *_share_edges("1.5", ["2.0", "3.1"], 2),  # a whole listed as several figures
    *_share_edges("0.00", "3.00", 2),  # a part of nothing
    *_share_edges("0.01", "3.00", 2),
    *_share_edges("99.99", "100.00", 2),  # the top end
    ("share of a zero whole", _share_case("0.00", "0.00", "0.00%"), "not_checkable"),
    ("share of a whole that may be zero", _share_case("1", "0.0", "5%"), "not_checkable"),
    ("share of a whole of one unit", _share_case("0.01", "0.01", "100%"), "holds"),
    # two figures of a whole whose lowest sum is exactly 0 (0.005 - 0.005)
    ("share of a whole that may be exactly 0", _share_case("0.01", ["0.01", "0.00"], "50%"), "not_checkable"),
    ("share of a whole just above 0", _share_case("0.01", ["0.01", "0.01"], "50%"), "holds"),
    ("share of a bare zero part, 0%", _share_case("0", "5", "0%"), "holds"),
    ("share of a bare zero part, 0.1%", _share_case("0", "5", "0.1%"), "broken"),
    ("share stated as a bare 0%, part 0.000", _share_case("0.000", "5.000", "0%"), "holds"),
    ("share stated as a bare 0%, part 0.001", _share_case("0.001", "5.000", "0%"), "broken"),
    ("share stated as a bare 0%, part 0.01", _share_case("0.01", "5.00", "0%"), "broken"),
    ("share stated as 0.0%, part 0.01 of 50.00", _share_case("0.01", "50.00", "0.0%"), "holds"),
    ("share stated as 0.0%, part 0.01 of 1.00", _share_case("0.01", "1.00", "0.0%"), "broken"),
    ("share of a negative part", _share_case("-1.00", "10.00", "-10%"), "holds"),
    ("share of a negative part, off", _share_case("-1.00", "10.00", "-12%"), "broken"),
]


@pytest.mark.parametrize(("data", "status"), [pytest.param(d, s, id=n) for n, d, s in SHARES])
@pytest.mark.parametrize(
    "options", [ALL, ACCEPTING, {"select": ["PC201"]}], ids=["all", "accepting", "PC201"]
)
def test_share_boundaries(data: bytes, status: str, options: dict[str, Any]) -> None:
    assert_judged(data, {"r": status}, **options)


def test_the_share_edges_are_where_they_say() -> None:
    """The generated edges straddle the boundary (so the cases above are not all one verdict)."""
    verdicts = [status for _, data, status in SHARES if statuses(data) == {"r": status}]
    assert len(verdicts) == len(SHARES)
    assert verdicts.count("holds") > 10
    assert verdicts.count("broken") > 10


# Shares around 100 % (PC601: a share that cannot be 100 % or less): the stated value's
# lower end against exactly 100 %.
ABOVE_100: list[tuple[str, bytes, bool]] = [
    ("100.00%", _share_case("10.00", "10.00", "100.00%"), False),
    ("100.01%", _share_case("10.01", "10.00", "100.01%"), True),
    ("100.1%", _share_case("10.01", "10.00", "100.1%"), True),
    ("101%", _share_case("10.1", "10.0", "101%"), True),
    ("100%", _share_case("10.0", "10.0", "100%"), False),
    ("100.0%", _share_case("10.0", "10.0", "100.0%"), False),
    ("100.02%, part beyond whole", _share_case("10.02", "10.00", "100.02%"), True),
]


@pytest.mark.parametrize(("data", "reported"), [pytest.param(d, r, id=n) for n, d, r in ABOVE_100])
@pytest.mark.parametrize(
    "options", [ALL, ACCEPTING, {"select": ["PC601"]}], ids=["all", "accepting", "PC601"]
)
def test_shares_around_100_percent(data: bytes, reported: bool, options: dict[str, Any]) -> None:
    full = four_ways(data, **options)
    assert any(f.code == "PC601" for f in full.findings) == reported
    if options == {"select": ["PC601"]}:
        assert escalated(data, options) == ({"r"} if reported else set())


# PC603: a figure printed below zero whose concept (or count unit) cannot be negative.
NEGATIVES: list[tuple[str, bytes, list[str]]] = [
    ("-0.01 income", document([("a", "-0.01")], [], a={"concept": "income"}), ["a"]),
    ("-0.00 income", document([("a", "-0.00")], [], a={"concept": "income"}), []),
    ("-0 income", document([("a", "-0")], [], a={"concept": "income"}), []),
    ("-0 head-count", document([("a", "-0")], [], unit="人"), []),
    ("-1 head-count", document([("a", "-1")], [], unit="人"), ["a"]),
    ("-0.1 head-count", document([("a", "-0.1")], [], unit="人"), ["a"]),
    ("0.00 income", document([("a", "0.00")], [], a={"concept": "income"}), []),
    ("-0.01, no concept", document([("a", "-0.01")], []), []),
    (
        "-0.00 spending, other unit",
        document([("a", "-0.00")], [], a={"concept": "spending", "unit": "元"}),
        [],
    ),
    ("-0% income", document([("a", "-0%")], [], a={"concept": "income"}), []),
    ("-0.00 head-count at a decimal", document([("a", "-0.0"), ("b", "1.0")], [], unit="人"), []),
    (
        "-0.01 spending, other unit",
        document([("a", "-0.01")], [], a={"concept": "spending", "unit": "元"}),
        ["a"],
    ),
    ("-1% income", document([("a", "-1%")], [], a={"concept": "income"}), ["a"]),
    (
        "several, in order",
        document(
            [("a", "-1.00"), ("b", "2.00"), ("c", "-0.01"), ("d", "-0.00")],
            [],
            a={"concept": "income"},
            c={"concept": "spending"},
            d={"concept": "spending"},
        ),
        ["a", "c"],
    ),
]


@pytest.mark.parametrize(("data", "flagged"), [pytest.param(d, f, id=n) for n, d, f in NEGATIVES])
@pytest.mark.parametrize(
    "options", [ALL, ACCEPTING, {"select": ["PC603"]}], ids=["all", "accepting", "PC603"]
)
def test_figures_below_zero(data: bytes, flagged: list[str], options: dict[str, Any]) -> None:
    full = four_ways(data, **options)
    assert [f.figures[0] for f in full.findings if f.code == "PC603"] == flagged
    # the screen sends exactly the figures PC603 reports to the full path (none of -0.00)
    plan = fast.plan(rules_for(options), default_registry)
    assert plan is not None
    screened = fast.screen(data, plan, DEFAULT_LIMITS)
    assert screened is not None
    assert [f["id"] for f in screened.figures] == flagged


# PC604: an amount printed with more decimals than the usual among at least three of a unit.
PRECISIONS: list[tuple[str, bytes, bool]] = [
    ("three, one more", document([("a", "1.00"), ("b", "2.00"), ("c", "3.001")], []), True),
    ("three, one fewer", document([("a", "1.00"), ("b", "2.00"), ("c", "3.0")], []), False),
    ("two, one more", document([("a", "1.00"), ("b", "3.001")], []), False),
    ("a tie takes the more decimals", document([("a", "1.00"), ("b", "2.000"), ("c", "3")], []), False),
    ("four, one more", document([("a", "1.0"), ("b", "2.0"), ("c", "3.0"), ("d", "4.00")], []), True),
    ("percentages are not judged", document([("a", "1.0"), ("b", "2.0"), ("c", "3.00%")], []), False),
    (
        "per unit",
        document([("a", "1.0"), ("b", "2.0"), ("c", "3.00")], [], c={"unit": "元"}),
        False,
    ),
    # a bare 0 is exactly nothing: it has no precision (fewer than three counted, or three)
    (
        "bare zeros are not counted",
        document([("a", "0"), ("b", "-0"), ("c", "00"), ("d", "1.0"), ("e", "2.00")], []),
        False,
    ),
    (
        "bare zeros are not counted, three others",
        document([("a", "0"), ("b", "-0"), ("c", "1.0"), ("d", "2.0"), ("e", "3.00")], []),
        True,
    ),
    (
        "a bare 0 with its decimals is counted",
        document(
            [("a", "0"), ("b", "0"), ("c", "1.00"), ("d", "2")], [], a={"decimals": 0}, b={"decimals": 0}
        ),
        True,
    ),
    (
        "a bare 0 in its own unit is not counted",
        document(
            [("a", "0"), ("b", "0"), ("c", "0"), ("d", "1.00"), ("e", "2.00")],
            [],
            **{x: {"unit": "元"} for x in "abcde"},
        ),
        False,
    ),
    (
        "00 in its own unit is not counted",
        document(
            [("a", "00"), ("b", "00"), ("c", "-00"), ("d", "1.00"), ("e", "2.00")],
            [],
            **{x: {"unit": "元"} for x in "abcde"},
        ),
        False,
    ),
    (
        "bare zeros first and last are not counted",
        document([("a", "00"), ("b", "1.00"), ("c", "2.0"), ("d", "00")], []),
        False,
    ),
    (
        "two units, each its own usual",
        document(
            [("a", "1.0"), ("e", "5.000"), ("b", "2.0"), ("c", "3.00"), ("f", "6.00"), ("g", "7.00")],
            [],
            e={"unit": "元"},
            f={"unit": "元"},
            g={"unit": "元"},
        ),
        True,
    ),
    (
        "beside a broken sum",
        document(
            [("t", "3.0"), ("x", "1.0"), ("y", "1.0"), ("z", "4.00")],
            [{"id": "s", "kind": "sum", "total": "t", "parts": ["x", "y"]}],
        ),
        True,
    ),
]


@pytest.mark.parametrize(("data", "reported"), [pytest.param(d, r, id=n) for n, d, r in PRECISIONS])
def test_excess_precision_at_its_bounds(data: bytes, reported: bool) -> None:
    for options in (ALL, {"select": ["PC604"]}):
        full = four_ways(data, **options)
        assert any(f.code == "PC604" for f in full.findings) == reported
        # the screen reads the document; a figure PC604 reports goes to the full path alone,
        # where the rule judges it against the whole document's usual precision
        reported_figures = {fid for f in full.findings if f.code == "PC604" for fid in f.figures}
        plan = fast.plan(rules_for(options), default_registry)
        assert plan is not None
        screened = fast.screen(data, plan, DEFAULT_LIMITS)
        assert screened is not None
        sent = {f["id"] for f in screened.figures}
        assert reported_figures <= sent
        # with nothing to report, the rule is not run on the escalated part
        assert ("PC604" in screened.cleared) == (not reported)
        relations = {r["id"] for r in screened.relations}
        assert sent <= reported_figures | {x for r in screened.relations for x in _operands(r)}
        assert relations == {c.relation for c in full.checks if c.status != "holds"}


def _shares_of(
    stated: list[str], parts: list[str], total: str, *, wholes: bool = False, last: str | None = None
) -> bytes:
    """Shares of the parts of one exhaustive sum: PC602 groups them.

    With ``wholes``, each share names the parts as its whole (the part among them) and there
    is no sum; with ``last``, a second share of the first part is stated as ``last`` after
    the others (the last share of a part is the one PC602 counts).
    """
    figures = [("t", total), *((f"p{i}", v) for i, v in enumerate(parts))]
    figures += [(f"s{i}", v) for i, v in enumerate(stated)]
    ids = [f"p{i}" for i in range(len(parts))]
    relations: list[dict[str, Any]] = (
        [] if wholes else [{"id": "r", "kind": "sum", "total": "t", "parts": ids}]
    )
    whole: str | list[str] = ids if wholes else "t"
    relations += [
        {"id": f"share{i}", "kind": "share", "part": f"p{i}", "whole": whole, "stated": f"s{i}"}
        for i in range(len(stated))
    ]
    if last is not None:
        figures.append(("again", last))
        relations.append({"id": "again", "kind": "share", "part": "p0", "whole": whole, "stated": "again"})
    return document(figures, relations)


def several_reference(doc: dict[str, Any]) -> bool:
    """Whether PC602 reports: the lowest values of the last share of each part add up to more than 100."""
    siblings: dict[str, set[str]] = {}
    for rel in doc["relations"]:
        if rel["kind"] == "sum" and rel.get("exhaustive", True):
            siblings.setdefault(rel["total"], set()).update(rel["parts"])
    groups: dict[tuple[str, ...], dict[str, str]] = {}
    for rel in doc["relations"]:
        if rel["kind"] != "share":
            continue
        wholes = [rel["whole"]] if isinstance(rel["whole"], str) else rel["whole"]
        if (len(wholes) > 1 and rel["part"] in wholes) or (
            len(wholes) == 1 and rel["part"] in siblings.get(wholes[0], set())
        ):
            groups.setdefault(tuple(sorted(wholes)), {})[rel["part"]] = rel["stated"]
    lows = [sum(interval(doc, s)[0] for s in g.values()) for g in groups.values() if len(g) > 1]
    return any(low > 100 for low in lows)


def assert_several(data: bytes) -> None:
    """PC602 as the reference has it, four ways, and the screen keeps the document.

    When no group can exceed 100 % the shares that hold stay screened; when one may, PC602
    judges the group on plain data when its figures are plain (its finding is then among
    the screened document's, the full path's), or every grouped share and the sum grouping
    them go to the full path together.
    """
    doc = json.loads(data)
    reported = several_reference(doc)
    for options in (ALL, {"select": ["PC602"]}, {"select": ["PC2", "PC602"]}, ACCEPTING):
        full = four_ways(data, **options)
        selected = "PC602" in {r.code for r in rules_for(options)}
        assert any(f.code == "PC602" for f in full.findings) == (reported and selected)
        sent = escalated(data, options)
        assert sent is not None
        shares = {r["id"] for r in doc["relations"] if r["kind"] == "share"}
        holding = {c.relation for c in full.checks if c.status == "holds" and c.relation in shares}
        screened = screened_for(data, options)
        assert screened is not None
        on_plain = [f for f in screened.worded if f.code == "PC602"]
        if on_plain:
            assert [Finding.of(f) for f in on_plain] == [f for f in full.findings if f.code == "PC602"]
            relation = {r["id"]: r for r in doc["relations"]}
            clear = {r for r in holding if clearable(doc, relation[r])}
            assert not {r["id"] for r in screened.relations} & clear, "a share that holds was escalated"
        if reported and selected and not on_plain:
            # a figure the plain path does not read (a bare 0): the group goes to the full path
            assert shares | ({"r"} if any(r["id"] == "r" for r in doc["relations"]) else set()) <= sent
        if not (reported and selected):
            sums = {c.relation for c in full.checks if c.status == "holds" and c.relation == "r"}
            assert not sums & sent, "a sum that holds was sent to the full path"
            if "PC201" in {r.code for r in rules_for(options)}:
                relation = {r["id"]: r for r in doc["relations"]}
                clear = {r for r in holding if clearable(doc, relation[r])}
                assert not clear & sent, "a share that holds was sent to the full path"


# PC602: shares of separate parts of one whole adding up to more than 100 %; each share
# holds on its own (50.0 of 100.0 is 49.925–50.075 %), so only the sum of them tells. The
# bound is the sum of the stated values' lowest ends against exactly 100 %.
SEVERAL_SHARES: list[tuple[str, bytes, bool]] = [
    ("two, 100.14 %", _shares_of(["50.07%", "50.07%"], ["50.0", "50.0"], "100.0"), True),
    ("two, 100.00 %", _shares_of(["50.00%", "50.00%"], ["50.0", "50.0"], "100.0"), False),
    ("one", _shares_of(["50.07%"], ["50.0", "50.0"], "100.0"), False),
    ("one part twice, above 100 %", _shares_of(["101%"], ["101.0", "0.0"], "101.0", last="101%"), False),
    # lowest ends: 50.45 + 49.55 is exactly 100: not more
    ("two, lows at 100", _shares_of(["50.5%", "49.6%"], ["50.0", "50.0"], "100.0"), False),
    ("two, lows one unit over", _shares_of(["50.5%", "49.7%"], ["50.0", "50.0"], "100.0"), True),
    ("two, lows one unit under", _shares_of(["50.5%", "49.5%"], ["50.0", "50.0"], "100.0"), False),
    # three (an odd number of half-units): 33.35 + 33.35 + 33.35 = 100.05 - 0.15
    (
        "three, lows 0.05 under",
        _shares_of(["33.4%", "33.3%", "33.4%"], ["33.3", "33.3", "33.4"], "100.0"),
        False,
    ),
    (
        "three, lows half a unit under",
        _shares_of(["33.35%", "33.35%", "33.31%"], ["33.3", "33.3", "33.4"], "100.0"),
        False,
    ),
    (
        "three, lows half a unit over",
        _shares_of(["33.35%", "33.35%", "33.32%"], ["33.3", "33.3", "33.4"], "100.0"),
        True,
    ),
    # mixed decimals: 60.5 + 19.55 + 19.95 is exactly 100
    ("mixed, lows at 100", _shares_of(["61%", "19.6%", "20.0%"], ["60.0", "20.0", "20.0"], "100.0"), False),
    ("mixed, lows over", _shares_of(["61%", "19.6%", "20.1%"], ["60.0", "20.0", "20.0"], "100.0"), True),
    ("mixed, lows under", _shares_of(["61%", "19.6%", "19.9%"], ["60.0", "20.0", "20.0"], "100.0"), False),
    # negative and zero shares: a bare 0% is exactly nothing
    ("with a negative share", _shares_of(["60%", "60%", "-19%"], ["60", "60", "-20"], "100"), False),
    ("with a negative share, over", _shares_of(["60%", "60%", "-18%"], ["60", "60", "-20"], "100"), True),
    ("with a bare 0%", _shares_of(["100.006%", "0%"], ["100.0", "0"], "100.0"), True),
    ("with 0.0%", _shares_of(["100.006%", "0.0%"], ["100.0", "0"], "100.0"), False),
    # the whole listed as the parts (no sum)
    ("wholes, at 100", _shares_of(["50.5%", "49.6%"], ["50.0", "50.0"], "100.0", wholes=True), False),
    ("wholes, over", _shares_of(["50.5%", "49.7%"], ["50.0", "50.0"], "100.0", wholes=True), True),
    # a part stated twice: the last share of it counts
    (
        "a part twice, the last under",
        _shares_of(["60%", "41%"], ["60.0", "40.0"], "100.0", last="58%"),
        False,
    ),
    ("a part twice, the last over", _shares_of(["58%", "41%"], ["60.0", "40.0"], "100.0", last="61%"), True),
]


@pytest.mark.parametrize(("data", "reported"), [pytest.param(d, r, id=n) for n, d, r in SEVERAL_SHARES])
def test_several_shares_of_one_whole(data: bytes, reported: bool) -> None:
    assert several_reference(json.loads(data)) == reported
    assert_several(data)


def test_a_part_of_a_group_is_judged_with_its_whole_group() -> None:
    """50.03 %, 50.00 % and 0.0 % of one whole: their lowest ends add up to 99.97 %. The broken sum
    and the two broken shares go to the full path (PC102, PC201), the share of nothing that holds
    does not, and PC602 must not be judged there over the two alone (100.02 %)."""
    data = _shares_of(["50.03%", "50.00%", "0.0%"], ["10.00", "10.00", "0"], "25.00")
    assert escalated(data, ALL) == {"r", "share0", "share1"}
    assert not several_reference(json.loads(data))
    assert_several(data)
    full = four_ways(data)
    assert {f.relation for f in full.findings if f.code == "PC201"} >= {"share0", "share1"}
    assert not any(f.code == "PC602" for f in full.findings)


@st.composite
def shares_at_boundary(draw: st.DrawFn) -> bytes:
    """Shares of the parts of one whole whose stated values' lowest ends add up to 100 % within one unit."""
    k = draw(st.integers(2, 5), label="shares")
    e = draw(st.integers(0, 2), label="decimals of the last")
    step = Fraction(1, 10**e)
    stated: list[str] = []
    low = Fraction(0)
    for _ in range(k - 1):
        ei = draw(st.integers(0, e), label="decimals")
        n = draw(st.integers(-(10 ** (ei + 1)), 60 * 10**ei), label="stated")
        text = printed(n, ei) + "%"
        exact = n == 0 and ei == 0
        low += Fraction(n, 10**ei) - (0 if exact else Fraction(1, 2 * 10**ei))
        stated.append(text)
    target = (100 - low + step / 2) / step  # the last at exactly this many steps makes the lows 100
    n = draw(
        st.sampled_from(
            [math.floor(target) - 1, math.floor(target), math.ceil(target), math.ceil(target) + 1]
        )
    )
    stated.append(printed(n, e) + "%")
    d = draw(st.integers(0, 2), label="decimals of the amounts")
    parts = [printed(draw(st.integers(0, 10 ** (d + 2))), d) for _ in range(k)]
    total = printed(sum(int(p.replace(".", "")) for p in parts), d)
    order = draw(st.permutations(range(k)), label="order")
    return _shares_of([stated[i] for i in order], parts, total, wholes=draw(st.booleans(), label="as wholes"))


@BOUNDARY
@given(data=shares_at_boundary())
def test_drawn_several_shares_at_the_boundary(data: bytes) -> None:
    note(data.decode())
    assert_several(data)


# Hand-written cases the random tests alone guarded: truncation (rounded down), negative
# and zero truncation, direction-only changes, implied whole-number targets. The fast path
# declines some of these documents; the four ways must agree however they are read.
def _truncated(total: str, *parts: str) -> bytes:
    return to_bytes(_sum_doc(total, list(parts), rounding="truncate"))


def _truncated_balance(ins: list[str], outs: list[str]) -> bytes:
    """A balance of a truncating document whose figures say nothing more: plain figures of one precision."""
    doc = json.loads(_balance_case(ins, outs))
    doc["rounding"] = "truncate"
    return to_bytes(doc)


def _change(prior: str, current: str, direction: str) -> bytes:
    relation = {"id": "r", "kind": "change", "prior": "p", "current": "c", "direction": direction}
    return document([("p", prior), ("c", current)], [relation])


def _implied(done: str, rate: str) -> bytes:
    relation = {"id": "r", "kind": "ratio", "numerator": "n", "stated": "s"}
    return document([("n", done), ("s", rate)], [relation], unit="例")


OTHERS: list[tuple[str, bytes, str]] = [
    # truncated figures stand for [v, v + u) (towards zero: (v - u, v] below zero)
    ("truncated, negative", _truncated("-3.01", "-1.00", "-2.00"), "holds"),
    ("truncated, negative, two under", _truncated("-3.03", "-1.00", "-2.00"), "broken"),
    ("truncated, zero", _truncated("0.00", "0.01", "-0.01"), "holds"),
    ("truncated, zero total, parts at 0.03", _truncated("0.00", "0.01", "0.02"), "broken"),
    # half-open (issue 18): the parts' sum lies in [3.00, 3.02), so 3.02 and 2.99 only touch it
    ("truncated, equal", _truncated("3.00", "1.00", "2.00"), "holds"),
    ("truncated, inside", _truncated("3.01", "1.00", "2.00"), "holds"),
    ("truncated, one unit over", _truncated("3.02", "1.00", "2.00"), "broken"),
    ("truncated, two units over", _truncated("3.03", "1.00", "2.00"), "broken"),
    ("truncated, one unit under", _truncated("2.99", "1.00", "2.00"), "broken"),
    ("truncated, two units under", _truncated("2.98", "1.00", "2.00"), "broken"),
    # a balance of them: the inflows lie in [3.00, 3.02), each outflow in [v, v + 0.01)
    ("truncated balance, one unit under", _truncated_balance(["1.00", "2.00"], ["2.99"]), "broken"),
    ("truncated balance, equal", _truncated_balance(["1.00", "2.00"], ["3.00"]), "holds"),
    ("truncated balance, inside", _truncated_balance(["1.00", "2.00"], ["3.01"]), "holds"),
    ("truncated balance, one unit over", _truncated_balance(["1.00", "2.00"], ["3.02"]), "broken"),
    ("change, direction only, down", _change("10.00", "9.99", "decrease"), "holds"),
    ("change, direction only, wrong way", _change("10.00", "10.02", "decrease"), "broken"),
    ("change, direction only, level", _change("10.00", "10.00", "increase"), "holds"),
    ("implied target, between neighbours", _implied("7", "58.5%"), "broken"),
    ("implied target, 7 of 12", _implied("7", "58.3%"), "holds"),
    ("implied target, 7 of 12 at 58.4%", _implied("7", "58.4%"), "broken"),
    ("implied target, 1 of 3 at 33%", _implied("1", "33%"), "holds"),
]


@pytest.mark.parametrize(("data", "status"), [pytest.param(d, s, id=n) for n, d, s in OTHERS])
def test_other_hand_written_cases_agree(data: bytes, status: str) -> None:
    full = four_ways(data, plain=False)
    assert {c.relation: c.status for c in full.checks} == {json.loads(data)["relations"][0]["id"]: status}


# ---------------------------------------------------------------------------
# Drawn at the boundary


@st.composite
def linear_at_boundary(draw: st.DrawFn) -> bytes:
    """A sum or balance of figures at ``d`` decimals, its difference within one unit of the rounding."""
    d = draw(st.integers(0, 3), label="decimals")
    counts = draw(st.booleans(), label="head-counts") and d == 0
    unit = "人" if counts else "万元"
    kind = draw(st.sampled_from(["sum", "partial", "balance", "labelled balance"]), label="kind")
    left = 1 if not kind.endswith("balance") else draw(st.integers(1, 3))
    right = draw(st.integers(1, 6), label="right side")
    low = -(10 ** (d + 2)) if not counts else 0
    values = st.integers(low, 10 ** (d + 3)).filter(lambda n: n != 0 or d > 0 or counts)
    rights = draw(st.lists(values, min_size=right, max_size=right), label="right values")
    lefts = draw(st.lists(values, min_size=left - 1, max_size=left - 1), label="left values")
    n = left + right
    allowed = 0 if counts else n // 2  # whole units of rounding: n/2 rounded down
    offset = draw(st.sampled_from(sorted({0, allowed - 1, allowed, allowed + 1} - {-1})), label="offset")
    offset *= draw(st.sampled_from([1, -1]), label="sign")
    last = sum(rights) - sum(lefts) + offset
    if not counts and last == 0 and d == 0:
        last = 10  # a bare 0 would be exact: keep every figure rounded here
    texts = [printed(v, d) for v in [*lefts, last, *rights]]
    figures = [(f"f{i}", t) for i, t in enumerate(texts)]
    return document(figures, [_linear_relation(kind, [fid for fid, _ in figures], left)], unit=unit)


def _linear_relation(kind: str, ids: list[str], left: int) -> dict[str, Any]:
    """Relation ``r`` of ``kind`` (sum, partial sum, balance, labelled balance) over ``ids``, ``left`` on the left.

    A labelled balance takes the screen's long way of one precision (``_linear``), a balance
    of four keys its hot loop.
    """
    if kind.endswith("balance"):
        rel = {"id": "r", "kind": "balance", "outflows": ids[:left], "inflows": ids[left:]}
        return {**rel, "label": "收支"} if kind != "balance" else rel
    rel: dict[str, Any] = {"id": "r", "kind": "sum", "total": ids[0], "parts": ids[1:]}
    if kind == "partial":
        rel["exhaustive"] = False
    return rel


@BOUNDARY
@given(data=linear_at_boundary(), options=st.sampled_from([ALL, ACCEPTING]))
def test_drawn_linear_relations_at_the_boundary(data: bytes, options: dict[str, Any]) -> None:
    note(data.decode())
    assert_judged(data, statuses(data), **options)


@st.composite
def share_at_boundary(draw: st.DrawFn) -> bytes:
    """A share whose stated percentage is at, or one unit beyond, either end of what its figures allow."""
    d = draw(st.integers(0, 3), label="decimals")
    e = draw(st.integers(0, 2), label="stated decimals")
    counts = draw(st.booleans(), label="head-counts") and d == 0
    unit = "人" if counts else "万元"
    whole_n = draw(st.integers(1, 4), label="figures in the whole")
    wholes = draw(st.lists(st.integers(1, 10 ** (d + 3)), min_size=whole_n, max_size=whole_n))
    part = draw(st.integers(1 if d == 0 else 0, sum(wholes) + 10**d), label="part")
    whole: str | list[str] = printed(wholes[0], d) if whole_n == 1 else [printed(w, d) for w in wholes]
    edges = _share_edges(printed(part, d), whole, e, unit)
    _, data, _ = draw(st.sampled_from(edges), label="edge")
    return data


@BOUNDARY
@given(data=share_at_boundary(), options=st.sampled_from([ALL, ACCEPTING]))
def test_drawn_shares_at_the_boundary(data: bytes, options: dict[str, Any]) -> None:
    note(data.decode())
    assert_judged(data, statuses(data), **options)


def test_decimal_values_written_by_printed_are_the_ones_read() -> None:
    """The helper the cases are written with prints what it is given."""
    assert printed(-5, 2) == "-0.05"
    assert printed(1234, 0) == "1234"
    assert Decimal(printed(1234, 3)) == Decimal("1.234")


# ---------------------------------------------------------------------------
# Changes (PC301, PC302): the level (current = prior ± delta, three figures: 1.5 units, or
# with a bare zero or head-counts fewer), the direction alone (strictly beyond the prior's
# far end), and the percent at both ends of what the figures allow.

CHANGE_RULES = ("PC301", "PC302")


def _change_case(  # noqa: PLR0913 - keyword-only figures
    current: str,
    *,
    prior: str | None = None,
    delta: str | None = None,
    percent: str | None = None,
    direction: str = "increase",
    unit: str = "万元",
    **keys: Any,
) -> bytes:
    """A change ``r`` of the figures given (ids c, p, d, pct)."""
    named = {
        "current": ("c", current),
        "prior": ("p", prior),
        "delta": ("d", delta),
        "percent": ("pct", percent),
    }
    rel: dict[str, Any] = {"id": "r", "kind": "change", "direction": direction}
    figures = []
    for key, (fid, value) in named.items():
        if value is not None:
            rel[key] = fid
            figures.append((fid, value))
    return document(figures, [rel], unit=unit, **keys)


def _span(lo: Fraction, hi: Fraction, scale: int = 1) -> tuple[Fraction, Fraction]:
    return (scale * lo, scale * hi) if scale > 0 else (scale * hi, scale * lo)


def _corners(
    f: Any, xs: tuple[Fraction, Fraction], ys: tuple[Fraction, Fraction]
) -> tuple[Fraction, Fraction]:
    values = [f(x, y) for x in xs for y in ys]
    return min(values), max(values)


def percent_range(doc: dict[str, Any], rel: dict[str, Any]) -> tuple[Fraction, Fraction] | None:
    """What the other figures allow the percent change, exactly; None when the prior may be zero."""
    sign = 1 if rel["direction"] == "increase" else -1
    if "prior" in rel:
        p = interval(doc, rel["prior"])
        if p[0] <= 0 <= p[1]:
            return None
        if "delta" in rel:
            return _corners(lambda d, q: 100 * d / q, interval(doc, rel["delta"]), p)
        return _span(*_corners(lambda c, q: 100 * (c / q - 1), interval(doc, rel["current"]), p), sign)
    c, d = interval(doc, rel["current"]), interval(doc, rel["delta"])
    q = _span(*_span(*d, -sign), 1)
    q = (c[0] + q[0], c[1] + q[1])  # the implied prior, c - sign·d
    if q[0] <= 0 <= q[1]:
        return None
    return _corners(lambda x, y: 100 * y / (x - sign * y), c, d)


def change_reference(doc: dict[str, Any], rel: dict[str, Any]) -> dict[str, str]:
    """Each change rule's verdict on the relation, by exact arithmetic on the intervals."""
    out: dict[str, str] = {}
    c = interval(doc, rel["current"])
    if ("prior" in rel and "percent" not in rel) or ("prior" in rel and "delta" in rel):
        p = interval(doc, rel["prior"])
        if "delta" in rel:
            sign = 1 if rel["direction"] == "increase" else -1
            d = _span(*interval(doc, rel["delta"]), sign)
            lo, hi = p[0] + d[0], p[1] + d[1]
            out["PC301"] = "holds" if c[0] <= hi and lo <= c[1] else "broken"
        elif rel["direction"] == "increase":
            out["PC301"] = "holds" if c[1] > p[0] else "broken"
        else:
            out["PC301"] = "holds" if c[0] < p[1] else "broken"
    if "percent" in rel and ("prior" in rel or "delta" in rel):
        allowed = percent_range(doc, rel)
        if allowed is None:
            out["PC302"] = "not_checkable"
        else:
            s = interval(doc, rel["percent"])
            out["PC302"] = "holds" if s[0] <= allowed[1] and allowed[0] <= s[1] else "broken"
    return out


def change_clearable(doc: dict[str, Any], rel: dict[str, Any], codes: set[str]) -> bool:
    """Whether the screen clears the change itself when it holds: PC302 reads a positive prior only."""
    if "PC302" not in codes or "percent" not in rel or "prior" not in rel:
        return "PC302" not in codes or "percent" not in rel or ("delta" not in rel and "prior" not in rel)
    numerator = interval(doc, rel["delta"] if "delta" in rel else rel["current"])
    return interval(doc, rel["prior"])[0] > 0 and numerator[0] >= 0


CHANGE_OPTIONS: list[dict[str, Any]] = [
    ALL,
    {"select": ["PC3"]},
    {"select": ["PC301"]},
    {"select": ["PC302"]},
]


def assert_change(data: bytes, expected: dict[str, str] | None = None) -> None:
    """Four ways agree with the exact reference, per rule, and the screen clears what holds."""
    doc = json.loads(data)
    rel = doc["relations"][0]
    verdicts = change_reference(doc, rel)
    if expected is not None:
        assert verdicts == expected
    for options in CHANGE_OPTIONS:
        codes = {r.code for r in rules_for(options)} & set(CHANGE_RULES)
        full = four_ways(data, **options)
        assert {c.code: c.status for c in full.checks} == {k: v for k, v in verdicts.items() if k in codes}
        sent = escalated(data, options)
        assert sent is not None
        judged = [v for k, v in verdicts.items() if k in codes]
        if any(v != "holds" for v in judged):
            assert "r" in sent
        elif change_clearable(doc, rel, codes):
            assert "r" not in sent, "a change that holds was sent to the full path"
        if "PC302" in codes and "PC302" in verdicts and not change_clearable(doc, rel, codes):
            # the screen bounds the percent of a prior above zero and a change that cannot be negative
            assert "r" in sent, "a percent the screen cannot bound was screened"


CHANGES: list[tuple[str, bytes, dict[str, str]]] = [
    # the level, three figures: 1.5 units either way
    ("up, +1", _change_case("11.01", prior="10.00", delta="1.00"), {"PC301": "holds"}),
    ("up, +2", _change_case("11.02", prior="10.00", delta="1.00"), {"PC301": "broken"}),
    ("up, -1", _change_case("10.99", prior="10.00", delta="1.00"), {"PC301": "holds"}),
    ("up, -2", _change_case("10.98", prior="10.00", delta="1.00"), {"PC301": "broken"}),
    ("down, +1", _change_case("9.01", prior="10.00", delta="1.00", direction="decrease"), {"PC301": "holds"}),
    (
        "down, +2",
        _change_case("9.02", prior="10.00", delta="1.00", direction="decrease"),
        {"PC301": "broken"},
    ),
    ("down, -1", _change_case("8.99", prior="10.00", delta="1.00", direction="decrease"), {"PC301": "holds"}),
    (
        "down, -2",
        _change_case("8.98", prior="10.00", delta="1.00", direction="decrease"),
        {"PC301": "broken"},
    ),
    # mixed precisions: 0.05 + 0.005 + 0.005
    ("mixed, +6", _change_case("11.06", prior="10.0", delta="1.00"), {"PC301": "holds"}),
    ("mixed, +7", _change_case("11.07", prior="10.0", delta="1.00"), {"PC301": "broken"}),
    # negative and zero values; a bare zero is exact, head-counts too
    ("negative, +1", _change_case("-8.99", prior="-10.00", delta="1.00"), {"PC301": "holds"}),
    ("negative, +2", _change_case("-8.98", prior="-10.00", delta="1.00"), {"PC301": "broken"}),
    ("negative delta, -1", _change_case("8.99", prior="10.00", delta="-1.00"), {"PC301": "holds"}),
    ("zeros, +1", _change_case("0.01", prior="0.00", delta="0.00"), {"PC301": "holds"}),
    ("zeros, +2", _change_case("0.02", prior="0.00", delta="0.00"), {"PC301": "broken"}),
    ("bare zero delta, +1", _change_case("11", prior="10", delta="0"), {"PC301": "holds"}),
    ("bare zero delta, +2", _change_case("12", prior="10", delta="0"), {"PC301": "broken"}),
    ("head-counts, 0", _change_case("12", prior="10", delta="2", unit="人"), {"PC301": "holds"}),
    ("head-counts, +1", _change_case("13", prior="10", delta="2", unit="人"), {"PC301": "broken"}),
    ("head-counts, -1", _change_case("11", prior="10", delta="2", unit="人"), {"PC301": "broken"}),
    # the direction alone: strictly beyond the prior's far end
    ("direction up, level", _change_case("10.00", prior="10.00"), {"PC301": "holds"}),
    ("direction up, one under", _change_case("9.99", prior="10.00"), {"PC301": "broken"}),
    ("direction up, two under", _change_case("9.98", prior="10.00"), {"PC301": "broken"}),
    ("direction down, level", _change_case("10.00", prior="10.00", direction="decrease"), {"PC301": "holds"}),
    (
        "direction down, one over",
        _change_case("10.01", prior="10.00", direction="decrease"),
        {"PC301": "broken"},
    ),
    ("direction, mixed, 0.06 under", _change_case("9.94", prior="10.0"), {"PC301": "broken"}),
    ("direction, mixed, 0.05 under", _change_case("9.95", prior="10.0"), {"PC301": "holds"}),
    ("direction, touching", _change_case("9.9", prior="10.0"), {"PC301": "broken"}),
    (
        "direction down, touching",
        _change_case("10.1", prior="10.0", direction="decrease"),
        {"PC301": "broken"},
    ),
    ("direction, head-counts level", _change_case("10", prior="10", unit="人"), {"PC301": "broken"}),
    ("direction, head-counts up", _change_case("11", prior="10", unit="人"), {"PC301": "holds"}),
    (
        "direction, head-counts down",
        _change_case("9", prior="10", unit="人", direction="decrease"),
        {"PC301": "holds"},
    ),
    # percents the screen leaves to the full path: a prior that may be zero or is negative, a
    # change that may be negative, no prior
    (
        "percent of nothing from nothing",
        _change_case("0", prior="0", delta="0", percent="0%"),
        {"PC301": "holds", "PC302": "not_checkable"},
    ),
    (
        "percent of the levels, nothing from nothing",
        _change_case("0", prior="0", percent="0%"),
        {"PC302": "not_checkable"},
    ),
    (
        "percent of a bare zero prior",
        _change_case("1", prior="0", delta="1", percent="5%"),
        {"PC301": "holds", "PC302": "not_checkable"},
    ),
    (
        "percent of no head-count",
        _change_case("3", prior="0", delta="3", percent="100%", unit="人"),
        {"PC301": "holds", "PC302": "not_checkable"},
    ),
    (
        "percent of a change of 0.00",
        _change_case("10.00", prior="10.00", delta="0.00", percent="0.0%"),
        {"PC301": "holds", "PC302": "holds"},
    ),
    (
        "percent of the levels, current 0.00",
        _change_case("0.00", prior="10.00", percent="100%", direction="decrease"),
        {"PC302": "holds"},
    ),
    (
        "percent of a zero prior",
        _change_case("1.00", prior="0.00", delta="1.00", percent="5%"),
        {"PC301": "holds", "PC302": "not_checkable"},
    ),
    (
        "percent of a negative prior",
        _change_case("-9.00", prior="-10.00", delta="1.00", percent="-10%"),
        {"PC301": "holds", "PC302": "holds"},
    ),
    (
        "percent of a negative change",
        _change_case("9.00", prior="10.00", delta="-1.00", percent="-10%"),
        {"PC301": "holds", "PC302": "holds"},
    ),
    (
        "percent without a prior",
        _change_case("13980", delta="2010", percent="12.57%", direction="decrease", unit="元"),
        {"PC302": "holds"},
    ),
    (
        "percent without a prior, off",
        _change_case("13980", delta="2010", percent="14.38%", direction="decrease", unit="元"),
        {"PC302": "broken"},
    ),
]


def _percent_edges(e: int, **figures: str) -> list[tuple[str, bytes, None]]:
    """Changes whose percent is the lowest and highest at ``e`` decimals that hold, and one unit beyond."""
    probe = _change_case(percent="0%", **figures)  # type: ignore[arg-type]
    doc = json.loads(probe)
    allowed = percent_range(doc, doc["relations"][0])
    assert allowed is not None
    cases = []
    for stated, _ in edges(*allowed, e):
        data = _change_case(percent=stated, **figures)  # type: ignore[arg-type]
        cases.append((f"percent {figures} at {stated}", data, None))
    return cases


PERCENTS: list[tuple[str, bytes, None]] = [
    *_percent_edges(2, current="1264.92", prior="1237.48", delta="27.44"),
    *_percent_edges(1, current="1264.92", prior="1237.48", delta="27.44"),
    *_percent_edges(0, current="11.00", prior="10.00", delta="1.00"),
    *_percent_edges(2, current="9.00", prior="10.00", delta="1.00", direction="decrease"),
    *_percent_edges(2, current="1264.92", prior="1237.48"),  # from the levels alone
    *_percent_edges(1, current="900", prior="1000", direction="decrease"),
    # the stated value one unit beyond the top within half a unit of it
    *_percent_edges(1, current="28", prior="30", direction="decrease"),
    *_percent_edges(2, current="27.0", prior="47.6", direction="decrease"),
    *_percent_edges(0, current="20.04", prior="416.07", direction="decrease"),
    *_percent_edges(2, current="7", prior="5", unit="人"),  # exact head-counts
    *_percent_edges(2, current="0.00", prior="3.00", direction="decrease"),
    *_percent_edges(2, current="5.00", prior="5.00", delta="0.00"),  # no change
    *_percent_edges(2, current="100", prior="99", delta="1"),
    *_percent_edges(2, current="13980", delta="2010", direction="decrease", unit="元"),  # no prior
]


@pytest.mark.parametrize(
    ("data", "expected"), [pytest.param(d, x, id=n) for n, d, x in [*CHANGES, *PERCENTS]]
)
def test_change_boundaries(data: bytes, expected: dict[str, str] | None) -> None:
    assert_change(data, expected)


def test_the_percent_edges_are_where_they_say() -> None:
    """The generated percents straddle the boundary (so the cases above are not all one verdict)."""
    verdicts = []
    for _, data, _ in PERCENTS:
        doc = json.loads(data)
        verdicts.append(change_reference(doc, doc["relations"][0])["PC302"])
    assert verdicts.count("holds") > 10
    assert verdicts.count("broken") > 10


@st.composite
def change_at_boundary(draw: st.DrawFn) -> bytes:
    """A change at, or one unit either side of, the bound of its level, direction or percent."""
    d = draw(st.integers(0, 3), label="decimals")
    counts = draw(st.booleans(), label="head-counts") and d == 0
    unit = "人" if counts else "万元"
    increase = draw(st.booleans(), label="increase")
    sign = 1 if increase else -1
    low = -(10 ** (d + 2)) if not counts else 0
    prior = draw(st.integers(low, 10 ** (d + 3)), label="prior")
    delta = draw(st.integers(low, 10 ** (d + 2)), label="delta")
    shape = draw(st.sampled_from(["level", "direction", "level+percent", "prior+percent", "delta+percent"]))
    direction = "increase" if increase else "decrease"
    if shape in ("level", "direction"):
        n = 2 if shape == "direction" else 3
        allowed = 0 if counts else n // 2
        offset = draw(st.sampled_from(sorted({0, allowed - 1, allowed, allowed + 1} - {-1})), label="offset")
        offset *= draw(st.sampled_from([1, -1]), label="sign")
        current = prior + (sign * delta if shape == "level" else 0) + offset
        figures = {"current": printed(current, d), "prior": printed(prior, d)}
        if shape == "level":
            figures["delta"] = printed(delta, d)
        return _change_case(direction=direction, unit=unit, **figures)
    current = prior + sign * delta
    figures = {"current": printed(current, d)}
    if shape != "delta+percent":
        figures["prior"] = printed(prior, d)
    if shape != "prior+percent":
        figures["delta"] = printed(delta, d)
    e = draw(st.integers(0, 2), label="percent decimals")
    probe = json.loads(_change_case(percent="0%", direction=direction, unit=unit, **figures))
    allowed_range = percent_range(probe, probe["relations"][0])
    if allowed_range is None:
        stated = printed(draw(st.integers(-(10 ** (e + 2)), 10 ** (e + 2))), e) + "%"
    else:
        stated, _ = draw(st.sampled_from(edges(*allowed_range, e)), label="edge")
    return _change_case(percent=stated, direction=direction, unit=unit, **figures)


@BOUNDARY
@given(data=change_at_boundary())
def test_drawn_changes_at_the_boundary(data: bytes) -> None:
    note(data.decode())
    assert_change(data)


# ---------------------------------------------------------------------------
# Figures the column does not read but the screen judges from their views: a unit printed
# in the value (``3.01万元``), a JSON number (``"value": 7``). The sums and balances above,
# with their first or last figure printed so, are on the same side of each bound.


def restyled(data: bytes, at: int, style: str) -> bytes | None:
    """``data`` with figure ``at`` printed with its unit, or as a JSON number; None when it cannot be."""
    doc = json.loads(data)
    fig = doc["figures"][at]
    value = fig["value"]
    if style == "unit":
        fig["value"] = value + fig.get("unit", doc["unit"])
    elif re.fullmatch(r"-?[0-9]+", value) and value.lstrip("-") != "0" * len(value.lstrip("-")):
        fig["value"] = int(value)
    else:
        return None
    return to_bytes(doc)


READ: list[tuple[str, bytes, str]] = [
    (f"{name}, {style} at {at}", changed, status)
    for name, data, status in [*SUMS, *BALANCES]
    for at in (0, -1)
    for style in ("unit", "number")
    if (changed := restyled(data, at, style)) is not None
]


@pytest.mark.parametrize(("data", "status"), [pytest.param(d, s, id=n) for n, d, s in READ])
@pytest.mark.parametrize("options", [ALL, {"select": ["PC1"]}], ids=["all", "PC1"])
def test_read_figures_at_the_linear_boundaries(data: bytes, status: str, options: dict[str, Any]) -> None:
    assert_judged(data, {json.loads(data)["relations"][0]["id"]: status}, **options)


def test_read_figures_cover_both_styles() -> None:
    styles = [name.rsplit(", ", 1)[1].split(" at ")[0] for name, _, _ in READ]
    assert styles.count("unit") > 50
    assert styles.count("number") > 10


@BOUNDARY
@given(data=linear_at_boundary(), at=st.integers(0, 6), style=st.sampled_from(["unit", "number"]))
def test_drawn_read_figures_at_the_boundary(data: bytes, at: int, style: str) -> None:
    changed = restyled(data, at % len(json.loads(data)["figures"]), style)
    if changed is None:
        changed = restyled(data, at % len(json.loads(data)["figures"]), "unit")
    assert changed is not None
    note(changed.decode())
    assert_judged(changed, statuses(changed))


# A qualified figure (约) is not read: its relation goes to the full path, whose interval is
# wider than the plain value's (约1.00 is 1 ± 0.5).
QUALIFIED: list[tuple[str, bytes, str]] = [
    ("约, within its width", _sum_case(["约1.00", "2.00"], "3.40"), "holds"),
    ("约, beyond", _sum_case(["约1.00", "2.00"], "3.60"), "broken"),
    # 近 (at most): the value is the top of its interval, so one unit above it is out, though
    # the plain value's rounding would reach it
    ("近, its top", _sum_case(["近100", "50"], "150.5"), "holds"),
    ("近, half a unit above", _sum_case(["近100", "50"], "151.0"), "broken"),
    ("逾 (more than), below", _sum_case(["逾100", "50"], "149.0"), "broken"),
]


@pytest.mark.parametrize(("data", "status"), [pytest.param(d, s, id=n) for n, d, s in QUALIFIED])
def test_a_qualified_figure_is_left_to_the_full_path(data: bytes, status: str) -> None:
    full = four_ways(data)
    assert {c.relation: c.status for c in full.checks} == {"split": status}
    assert escalated(data, ALL) == {"split"}


# ---------------------------------------------------------------------------
# Equalities (PC401): one quantity printed several times; the intervals must share a point,
# the highest low end at most the lowest high end.


def _equal_case(*values: str, unit: str = "万元", twice: bool = False, **keys: Any) -> bytes:
    figures = [(f"e{i}", v) for i, v in enumerate(values)]
    ids = [fid for fid, _ in figures] + (["e0"] if twice else [])
    return document(figures, [{"id": "r", "kind": "equal", "figures": ids}], unit=unit, **keys)


def equal_reference(doc: dict[str, Any], rel: dict[str, Any]) -> str:
    spans = [interval(doc, f) for f in dict.fromkeys(rel["figures"])]
    return "holds" if max(lo for lo, _ in spans) <= min(hi for _, hi in spans) else "broken"


def assert_equal(data: bytes, expected: str | None = None) -> None:
    """Four ways agree with the exact reference; the screen clears what holds and escalates the rest."""
    doc = json.loads(data)
    rel = doc["relations"][0]
    status = equal_reference(doc, rel)
    if expected is not None:
        assert status == expected
    precision = not accepted(data, {"select": ["PC604"]})  # PC604 may report: it declines the document
    for options in (ALL, {"select": ["PC401"]}, ACCEPTING):
        codes = {r.code for r in rules_for(options)}
        plain = not (precision and "PC604" in codes)
        full = four_ways(data, plain=plain, **options)
        judged = "PC401" in codes
        assert {c.relation: c.status for c in full.checks} == ({"r": status} if judged else {})
        if not plain:
            continue
        sent = escalated(data, options)
        assert sent is not None
        assert ("r" in sent) == (judged and status != "holds")


EQUALS: list[tuple[str, bytes, str]] = [
    ("two, touching", _equal_case("1.00", "1.01"), "holds"),
    ("two, one unit apart", _equal_case("1.00", "1.02"), "broken"),
    ("two, touching below", _equal_case("1.00", "0.99"), "holds"),
    ("two, apart below", _equal_case("1.00", "0.98"), "broken"),
    ("mixed, touching", _equal_case("1.0", "1.05"), "holds"),
    ("mixed, apart", _equal_case("1.0", "1.06"), "broken"),
    ("three, all meet", _equal_case("1.00", "1.01", "1.00"), "holds"),
    ("three, the outer two apart", _equal_case("1.00", "1.01", "0.99"), "broken"),
    ("negative, touching", _equal_case("-1.00", "-1.01"), "holds"),
    ("negative, apart", _equal_case("-1.00", "-1.02"), "broken"),
    ("bare zero and 0.00", _equal_case("0", "0.00"), "holds"),
    ("bare zero and 0.01", _equal_case("0", "0.01"), "broken"),
    ("bare zero and 0.005", _equal_case("0", "0.005"), "broken"),
    ("0.00 and 0.01", _equal_case("0.00", "0.01"), "holds"),
    ("head-counts, equal", _equal_case("7", "7", unit="人"), "holds"),
    ("head-counts, one apart", _equal_case("7", "8", unit="人"), "broken"),
    ("head-counts at a decimal", _equal_case("7.0", "7", unit="人"), "holds"),
    ("head-counts at a decimal, apart", _equal_case("7.1", "7", unit="人"), "broken"),
    ("a figure named twice", _equal_case("1.00", "1.01", twice=True), "holds"),
    ("a figure named twice, apart", _equal_case("1.00", "1.02", twice=True), "broken"),
]


@pytest.mark.parametrize(("data", "status"), [pytest.param(d, s, id=n) for n, d, s in EQUALS])
def test_equal_boundaries(data: bytes, status: str) -> None:
    assert_equal(data, status)


def test_an_equality_in_two_units_goes_to_the_full_path() -> None:
    data = _equal_case("51.89", "518900", e1={"unit": "元"})
    full = four_ways(data)  # the reference reads one unit: the full path converts 元 to 万元
    assert {c.relation: c.status for c in full.checks} == {"r": "holds"}
    assert escalated(data, ALL) == {"r"}


@st.composite
def equal_at_boundary(draw: st.DrawFn) -> bytes:
    """Figures of one quantity, the last at, or one unit beyond, either end of what the others allow."""
    k = draw(st.integers(1, 3), label="others")
    counts = draw(st.booleans(), label="head-counts")
    unit = "人" if counts else "万元"
    base = draw(st.integers(-(10**4), 10**5), label="value")
    texts = []
    for _ in range(k):
        d = draw(st.integers(0, 3), label="decimals")
        texts.append(printed(base * 10**d // 1000 + draw(st.integers(-1, 1)), d))
    probe = json.loads(_equal_case(*texts, unit=unit))
    spans = [interval(probe, f"e{i}") for i in range(k)]
    low, high = max(lo for lo, _ in spans), min(hi for _, hi in spans)
    e = draw(st.integers(0, 3), label="decimals of the last")
    step = Fraction(1, 10**e)
    first, last = -((-(low - step / 2)) // step), (high + step / 2) // step
    n = draw(st.sampled_from([first - 1, first, last, last + 1]), label="edge")
    return _equal_case(*texts, printed(int(n), e), unit=unit)


@BOUNDARY
@given(data=equal_at_boundary())
def test_drawn_equalities_at_the_boundary(data: bytes) -> None:
    note(data.decode())
    assert_equal(data)


# ---------------------------------------------------------------------------
# Truncation on the fast path (issue 15): a truncated figure (the document's rounding, or a
# figure's own) stands for [v, v + u) (below zero (v - u, v], at zero (-u, u)). The screen
# clears a sum or balance naming one only strictly inside its bounds, where an open end
# cannot matter; at an end and beyond, the relation goes to the full path alone, and a
# share, change or equality naming one always does. The rest of the document is screened.


def _span_of(value: str, *, truncated: bool) -> tuple[Fraction, Fraction, bool, bool]:
    """A figure's interval as (lo, hi, lo open, hi open) (no bare 0: every value shows decimals)."""
    v = Fraction(Decimal(value))
    u = Fraction(1, 10 ** shown(value))
    if not truncated:
        return v - u / 2, v + u / 2, False, False
    if v > 0:
        return v, v + u, False, True
    if v < 0:
        return v - u, v, True, False
    return -u, u, True, True


def _truncated_status(
    left: list[tuple[str, bool]], right: list[tuple[str, bool]], *, equal: bool
) -> tuple[str, bool]:
    """Whether ``Σ left = Σ right`` (or ``>=``) can hold, and whether strictly inside its bounds."""
    lo, hi, lo_open, hi_open = Fraction(0), Fraction(0), False, False
    for value, truncated in left:
        a, b, ao, bo = _span_of(value, truncated=truncated)
        lo, hi, lo_open, hi_open = lo + a, hi + b, lo_open or ao, hi_open or bo
    for value, truncated in right:
        a, b, ao, bo = _span_of(value, truncated=truncated)
        lo, hi, lo_open, hi_open = lo - b, hi - a, lo_open or bo, hi_open or ao
    reaches_up = hi > 0 or (hi == 0 and not hi_open)
    if not equal:
        return ("holds" if reaches_up else "broken"), hi > 0
    reaches_down = lo < 0 or (lo == 0 and not lo_open)
    return ("holds" if reaches_up and reaches_down else "broken"), lo < 0 < hi


@st.composite
def truncated_linear(draw: st.DrawFn) -> tuple[bytes, str, bool]:
    """A sum, partial sum or balance with truncated figures, within a few units of its bounds.

    Returns the document, the relation's status and whether it holds strictly inside.
    """
    d = draw(st.integers(1, 3), label="decimals")
    kind = draw(st.sampled_from(["sum", "partial", "balance", "labelled balance"]), label="kind")
    left = 1 if not kind.endswith("balance") else draw(st.integers(1, 2))
    right = draw(st.integers(1, 4), label="right side")
    values = st.integers(-(10 ** (d + 1)), 10 ** (d + 2))
    rights = draw(st.lists(values, min_size=right, max_size=right), label="right values")
    lefts = draw(st.lists(values, min_size=left - 1, max_size=left - 1), label="left values")
    offset = draw(st.integers(-(left + right) - 1, left + right + 1), label="offset")
    texts = [printed(v, d) for v in [*lefts, sum(rights) - sum(lefts) + offset, *rights]]
    whole = draw(st.booleans(), label="the document truncates")
    flags = draw(st.lists(st.booleans(), min_size=len(texts), max_size=len(texts)), label="truncated")
    if not any(flags):
        flags[0] = True
    keys = {
        f"f{i}": {"rounding": ("truncate" if t else "nearest")}
        for i, t in enumerate(flags)
        if t != whole or draw(st.booleans(), label="said again")
    }
    ids = [f"f{i}" for i in range(len(texts))]
    rel = _linear_relation(kind, ids, left)
    other = {"id": "other", "kind": "sum", "total": "x", "parts": ["y", "z"]}  # rounded to nearest
    others = [("x", printed(3 * 10**d, d)), ("y", printed(10**d, d)), ("z", printed(2 * 10**d, d))]
    figures = [*zip(ids, texts, strict=True), *others]
    keys.update({fid: {"rounding": "nearest"} for fid in ("x", "y", "z")} if whole else {})
    doc = json.loads(document(figures, [rel, other], **keys))
    if whole:
        doc["rounding"] = "truncate"
    sides = list(zip(texts, flags, strict=True))
    status, inside = _truncated_status(sides[:left], sides[left:], equal=kind != "partial")
    return to_bytes(doc), status, inside


def _assert_truncated(data: bytes, status: str, inside: bool, options: dict[str, Any]) -> None:
    full = four_ways(data, **options)
    checks = {c.relation: c.status for c in full.checks}
    assert checks.get("r") == status
    assert checks.get("other") == "holds"
    sent = escalated(data, options)
    assert sent is not None
    assert "other" not in sent  # the rest of the document stays on the fast path
    # cleared strictly inside; at an end (an open one may leave it out) and beyond, the full path
    assert ("r" in sent) is not inside


@BOUNDARY
@given(case=truncated_linear(), options=st.sampled_from([ALL, ACCEPTING]))
def test_drawn_truncated_relations_at_the_boundary(
    case: tuple[bytes, str, bool], options: dict[str, Any]
) -> None:
    data, status, inside = case
    note(data.decode())
    _assert_truncated(data, status, inside, options)


def _sides(rel: dict[str, Any]) -> tuple[list[str], list[str]]:
    if rel["kind"] == "balance":
        return rel["outflows"], rel["inflows"]
    return [rel["total"]], rel["parts"]


def _one_sum(total: str, parts: list[str], *, exhaustive: bool = True, **keys: Any) -> bytes:
    """A document of one sum of a total ``t`` and parts ``p0``, ``p1``...; ``keys`` by figure."""
    doc = _sum_doc(total, parts, exhaustive=exhaustive)
    for f in doc["figures"]:
        f.update(keys.get(f["id"], {}))
    return to_bytes(doc)


TRUNCATE: Final = {"rounding": "truncate"}
#: Hand-written: the truncated sums above (the document truncates), and one truncated figure
#: among figures rounded to nearest.
TRUNCATED: list[tuple[str, bytes]] = [
    *((name, data) for name, data, _ in OTHERS if name.startswith("truncated")),
    ("one truncated total, holds inside", _one_sum("1.00", ["0.50", "0.51"], t=TRUNCATE)),
    ("one truncated total, at its open end", _one_sum("1.00", ["0.49", "0.50"], t=TRUNCATE)),
    ("one truncated total, at its closed end", _one_sum("1.00", ["0.51", "0.51"], t=TRUNCATE)),
    ("one truncated total, one unit beyond", _one_sum("1.00", ["0.51", "0.52"], t=TRUNCATE)),
    ("one truncated part below zero, at its closed end", _one_sum("1.00", ["-0.50", "1.51"], p0=TRUNCATE)),
    ("a truncated zero part, at its open end", _one_sum("1.00", ["0.00", "1.02"], p0=TRUNCATE)),
    # (-u, u): twice the reach of a rounded 0.000
    (
        "a truncated zero part, inside by one unit",
        _one_sum("0.000", ["0.000", "0.001"], p0=TRUNCATE, p1=TRUNCATE),
    ),
]


#: Sums of which (the total at least its parts), where only the top end matters.
TRUNCATED_OF_WHICH: list[tuple[str, bytes]] = [
    ("of which, truncated total, inside", _one_sum("1.00", ["0.50", "0.51"], t=TRUNCATE, exhaustive=False)),
    (
        "of which, truncated total, at its open top",
        _one_sum("1.00", ["0.51", "0.51"], t=TRUNCATE, exhaustive=False),
    ),
    (
        "of which, truncated parts, at their closed bottom",
        _one_sum("1.00", ["0.500", "0.505"], p0=TRUNCATE, p1=TRUNCATE, exhaustive=False),
    ),
    ("of which, one unit beyond", _one_sum("1.00", ["0.51", "0.52"], t=TRUNCATE, exhaustive=False)),
]
TRUNCATED += TRUNCATED_OF_WHICH


def _case_status(data: bytes) -> tuple[str, str, bool]:
    """A hand-written case's one relation, its status, and whether it holds strictly inside."""
    doc = json.loads(data)
    rel = doc["relations"][0]
    whole = doc.get("rounding") == "truncate"
    own = {f["id"]: f.get("rounding") for f in doc["figures"]}
    value = {f["id"]: f["value"] for f in doc["figures"]}

    def side(ids: list[str]) -> list[tuple[str, bool]]:
        return [(value[x], own[x] == "truncate" or (whole and own[x] is None)) for x in ids]

    left, right = _sides(rel)
    status, inside = _truncated_status(side(left), side(right), equal=rel.get("exhaustive", True))
    return rel["id"], status, inside


@pytest.mark.parametrize(("data"), [pytest.param(d, id=n) for n, d in TRUNCATED])
@pytest.mark.parametrize("options", [ALL, ACCEPTING], ids=["all", "accepting"])
def test_truncated_relations_at_their_bounds(data: bytes, options: dict[str, Any]) -> None:
    relation, status, inside = _case_status(data)
    full = four_ways(data, **options)
    assert {c.relation: c.status for c in full.checks} == {relation: status}
    sent = escalated(data, options)
    assert sent is not None
    assert (relation in sent) is not inside


@pytest.mark.parametrize(
    "cases", [TRUNCATED[: -len(TRUNCATED_OF_WHICH)], TRUNCATED_OF_WHICH], ids=["equal", "of which"]
)
def test_the_truncated_cases_cover_every_side_of_a_bound(cases: list[tuple[str, bytes]]) -> None:
    # inside, at a closed end (holds, not inside) and beyond or at an open end (broken)
    seen = {_case_status(data)[1:] for _, data in cases}
    assert seen == {("holds", True), ("holds", False), ("broken", False)}


@pytest.mark.parametrize(
    ("data", "relation"),
    [
        pytest.param(_share_case("50.00", "100.00", "50.00%", p={"rounding": "truncate"}), "r", id="a share"),
        pytest.param(
            document(
                [("p", "10.00"), ("c", "11.00"), ("x", "3.00"), ("y", "1.00"), ("z", "2.00")],
                [
                    {"id": "r", "kind": "change", "prior": "p", "current": "c", "direction": "increase"},
                    {"id": "other", "kind": "sum", "total": "x", "parts": ["y", "z"]},
                ],
                c={"rounding": "truncate"},
            ),
            "r",
            id="a change",
        ),
    ],
)
def test_other_relations_naming_a_truncated_figure_go_to_the_full_path_alone(
    data: bytes, relation: str
) -> None:
    four_ways(data)
    sent = escalated(data, ALL)
    assert sent is not None
    assert relation in sent
    assert "other" not in sent


def _operands(rel: dict[str, Any]) -> list[str]:
    if rel["kind"] == "balance":
        return [*rel["outflows"], *rel["inflows"]]
    return [rel["total"], *rel["parts"]]
