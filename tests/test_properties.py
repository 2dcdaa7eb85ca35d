"""Property tests: perfcheck against documents printed from true values.

(a) No false errors: every relation of a document printed (rounded or truncated) from
    exact true values holds, so checking it must give no error.
(b) No misses: moving one printed figure beyond its relation's tolerance must give an
    error on that relation; and at the exact boundary perfcheck agrees with an
    independent exact reference (``ledgers.Generated.verdict``) on both sides.
(c) Round trip: ``loads(dumps(ledger)) == ledger``, and JSON numbers keep their
    printed precision.

The documents come from the public strategies (``perfcheck.strategies``): where a test
needs the exact reference it draws them through ``tests/ledgers.py``, which keeps the
printed figures' record next to the reference; elsewhere it uses the public strategies
themselves.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import event, given, note, settings
from hypothesis import strategies as st
from hypothesis.control import should_note

import perfcheck
from ledgers import (
    BROKEN,
    NOT_CHECKABLE,
    RELATION_KINDS,
    Generated,
    boundary,
    ledgers,
    max_steps_down,
    operands,
)
from perfcheck import strategies

# 200-300 examples a test; documents are small, so the whole file runs in well under a minute.
FEW = settings(max_examples=200, deadline=None)
MANY = settings(max_examples=300, deadline=None)


def run(gen: Generated) -> perfcheck.Result:
    doc = gen.document()
    if should_note():  # only for the reported failing example
        note(json.dumps(doc, ensure_ascii=False, default=str))
    return perfcheck.check(perfcheck.validate(doc))


def codes(result: perfcheck.Result) -> list[tuple[str, str | None, str]]:
    return [(f.code, f.relation, f.message) for f in result.errors]


# ---------------------------------------------------------------------------
# (a) No false errors


def assert_consistent(gen: Generated) -> perfcheck.Result:
    """Check a document printed from true values: nothing may be broken."""
    # The generator is right: every relation holds exactly under the spec's semantics.
    assert gen.broken() == set()
    result = run(gen)
    assert codes(result) == []
    # Every relation was judged (not skipped as invalid), and called not checkable only
    # where a divisor's interval really contains zero.
    for rel in gen.relations:
        statuses = {c.status for c in result.checks if c.relation == rel["id"]}
        implied_target = rel["kind"] == "ratio" and rel.get("denominator") is None
        # A rate of a target that is not printed says nothing when it may be 0 %.
        assert statuses or (implied_target and gen.span(rel["stated"])[0] <= 0), rel
        assert statuses <= {"holds", "not_checkable"}, (rel, statuses)
        if rel["id"] not in gen.unchecked:
            assert ("not_checkable" in statuses) == (gen.verdict(rel) == NOT_CHECKABLE), rel
    return result


KINDS = sorted(RELATION_KINDS)


@pytest.mark.parametrize("kind", KINDS)
@FEW
@given(data=st.data())
def test_no_false_errors(kind: str, data: st.DataObject) -> None:
    gen = data.draw(ledgers(kinds=kind))
    event(f"rounding={gen.rounding}")
    assert_consistent(gen)


@MANY
@given(gen=ledgers(scenarios=("report",), min_relations=7, max_relations=7) | ledgers(max_relations=20))
def test_no_false_errors_in_whole_reports(gen: Generated) -> None:
    """A fund flow, a spending tree, an equal figure in 元, a share, a change and a formula
    sharing figures, plus a mix of other relations in one document."""
    assert_consistent(gen)


# ---------------------------------------------------------------------------
# (b) No misses


# Regression cases: misses found by the properties above (fixed since; see the tests at the end).
SHARE_OF_ZERO_PART = {
    "perfcheck": "1",
    "unit": "元",
    "figures": [
        {"id": "part", "value": "0.00", "unit": "千元"},  # at most 5 元
        {"id": "rest", "value": "5.01"},
        {"id": "pct", "value": "100.00%"},  # the part can be at most 49.98 % of the whole
    ],
    "relations": [
        {"id": "share", "kind": "share", "part": "part", "whole": ["part", "rest"], "stated": "pct"}
    ],
}
CHANGE_BY_ZERO_DELTA = {
    "perfcheck": "1",
    "unit": "元",
    "figures": [
        {"id": "now", "value": "100.01"},
        {"id": "down", "value": "0.00", "unit": "万元"},  # at most 50 元
        {"id": "pct", "value": "50.00%"},  # 50 / (100.01 + 50) is at most 33.33 %
    ],
    "relations": [
        {
            "id": "yoy",
            "kind": "change",
            "current": "now",
            "delta": "down",
            "percent": "pct",
            "direction": "decrease",
        }
    ],
}


def assert_agrees(moved: Generated, fid: str) -> set[str]:
    """perfcheck breaks exactly the relations the reference breaks; ``fid`` was moved."""
    result = run(moved)
    broken = result.broken()
    checked = {r["id"] for r in moved.checked()}
    assert all(f.relation is not None for f in result.errors), codes(result)
    assert broken & checked == moved.broken(), codes(result)
    # Relations the reference does not judge (a formula using a figure twice) can only
    # break when the moved figure is one of theirs.
    assert broken - checked <= moved.relations_of(fid)
    return broken


@st.composite
def tolerance_cases(draw: st.DrawFn) -> tuple[Generated, str, str, int]:
    """A consistent document, one relation, one of its figures and a signed shift beyond tolerance."""
    gen = draw(ledgers())
    cases = [
        (rel["id"], fid, steps)
        for rel in gen.checked()
        for fid in dict.fromkeys(operands(rel, gen.formulas))
        if (steps := gen.tolerance_steps(rel, fid)) is not None
    ]
    if not cases:  # e.g. only compare relations: add a sum, which always has a case
        return draw(tolerance_cases())
    rid, fid, steps = draw(st.sampled_from(cases))
    steps += draw(st.integers(0, 3))
    down = draw(st.booleans()) and steps <= max_steps_down(gen.figs[fid])
    return gen, rid, fid, -steps if down else steps


@MANY
@given(case=tolerance_cases())
def test_a_figure_moved_beyond_tolerance_breaks_its_relation(case: tuple[Generated, str, str, int]) -> None:
    gen, rid, fid, steps = case
    event(gen.relation(rid)["kind"])
    moved = gen.shifted(fid, steps)
    assert moved.verdict(moved.relation(rid)) == BROKEN  # the bound is sound
    result = run(moved)
    assert rid in result.broken(), codes(result)
    # Only relations the moved figure takes part in can break.
    assert {f.relation for f in result.errors} <= moved.relations_of(fid)


@MANY
@given(gen=ledgers(), data=st.data())
def test_errors_start_exactly_at_the_boundary(gen: Generated, data: st.DataObject) -> None:
    """Move one figure to the last step where its relation still holds and to the first where
    it is broken (found with the exact reference), then a few steps further."""
    assert_consistent(gen)
    rels = gen.checked()
    found = None
    for rel in data.draw(st.permutations(rels)) if rels else []:
        moves = [
            (fid, direction)
            for fid in dict.fromkeys(operands(rel, gen.formulas))
            if gen.figs[fid].qualifier is None
            for direction in (1, -1)
        ]
        for fid, direction in data.draw(st.permutations(moves)):
            span = boundary(gen, rel["id"], fid, direction)
            if span is not None:
                found = rel, fid, direction, span
                break
        if found:
            break
    if found is None:
        event("no relation can be broken by moving one figure")
        return
    rel, fid, direction, (holds, breaks) = found
    event(f"{rel['kind']}, moved by {'<=3' if breaks <= 3 else '>3'} steps")
    further = breaks + data.draw(st.integers(1, 1000))
    if direction < 0:
        further = min(further, max_steps_down(gen.figs[fid]))  # amounts and counts stay >= 0
    for k in dict.fromkeys((holds, breaks, further)):
        moved = gen.shifted(fid, direction * k)
        if k in (holds, breaks):  # the search found a boundary
            assert (moved.verdict(rel) == BROKEN) is (k == breaks)
        assert_agrees(moved, fid)


# The boundary by hand: a sum of figures rounded to 0.01 may be off by half a cent per
# figure, 0.015 for three; a share's range is that of part / whole over the intervals.


def _sum_doc(
    total: str, parts: list[str], *, rounding: str = "nearest", exhaustive: bool = True, unit: str = "万元"
) -> dict[str, Any]:
    figures = [{"id": "t", "value": total}] + [{"id": f"p{i}", "value": v} for i, v in enumerate(parts)]
    rel: dict[str, Any] = {
        "id": "split",
        "kind": "sum",
        "total": "t",
        "parts": [f"p{i}" for i in range(len(parts))],
    }
    if not exhaustive:
        rel["exhaustive"] = False
    return {"perfcheck": "1", "unit": unit, "rounding": rounding, "figures": figures, "relations": [rel]}


SUM_CASES = [
    # total, parts, broken
    ("1.00", ["0.50", "0.52"], True),  # 0.02 > 3 half-cents
    ("1.00", ["0.50", "0.51"], False),  # 0.01 <= 0.015
    ("1.00", ["0.49", "0.49"], True),
    ("1.0", ["0.50", "0.56"], False),  # 0.06 = 0.05 + 0.005 + 0.005: the intervals touch
    ("1.0", ["0.50", "0.57"], True),
    ("10.00", ["3.33", "3.33", "3.33"], False),  # 0.01 <= 0.02
    ("10.00", ["3.33", "3.33", "3.31"], True),  # 0.03 > 0.02
    ("10", ["3.33", "3.33", "3.33"], False),
    ("132.35", ["2.21", "130.15"], False),
    ("132.35", ["2.21", "130.12"], True),
]


@pytest.mark.parametrize(("total", "parts", "broken"), SUM_CASES)
def test_sum_boundary_by_hand(total: str, parts: list[str], broken: bool) -> None:
    result = perfcheck.check(perfcheck.validate(_sum_doc(total, parts)))
    assert (result.broken() == {"split"}) is broken
    assert result.ok is not broken


@pytest.mark.parametrize(
    ("total", "parts", "rounding", "exhaustive", "broken"),
    [
        # Truncated figures stand for [v, v + 0.01), the far end open (XBRL Calculations 1.1):
        # 0.49 + 0.50 is [0.99, 1.01) and meets [1.00, 1.01); 0.49 + 0.49 is [0.98, 1.00) and only
        # touches 1.00 at its open end; 0.50 + 0.51 is [1.01, 1.03), touching the total's open end.
        ("1.00", ["0.49", "0.50"], "truncate", True, False),
        ("1.00", ["0.49", "0.49"], "truncate", True, True),
        ("1.00", ["0.48", "0.49"], "truncate", True, True),
        ("1.00", ["0.50", "0.50"], "truncate", True, False),
        ("1.00", ["0.50", "0.51"], "truncate", True, True),
        ("1.00", ["0.51", "0.51"], "truncate", True, True),
        # Listed parts of a 其中 list may add up to less, never to more.
        ("1.00", ["0.50", "0.51"], "nearest", False, False),
        ("1.00", ["0.10", "0.20"], "nearest", False, False),
        ("1.00", ["0.50", "0.52"], "nearest", False, True),
    ],
)
def test_sum_boundary_by_hand_truncated_and_partial(
    total: str,
    parts: list[str],
    rounding: str,
    exhaustive: bool,
    broken: bool,
) -> None:
    doc = _sum_doc(total, parts, rounding=rounding, exhaustive=exhaustive)
    assert (perfcheck.check(perfcheck.validate(doc)).broken() == {"split"}) is broken


@pytest.mark.parametrize(
    ("part_yuan", "broken"),
    [
        # 1.00 万元 is [9950, 10050] 元; 5000 + x 元 (each ±0.5) must reach it.
        ("5051", False),  # [10050, 10052] touches 10050
        ("5052", True),  # [10051, 10053]
        ("4949", False),  # [9948, 9950] touches 9950
        ("4948", True),
    ],
)
def test_sum_boundary_across_units(part_yuan: str, broken: bool) -> None:
    doc = _sum_doc("1.00", ["5000", part_yuan], unit="元")
    doc["figures"][0]["unit"] = "万元"
    assert (perfcheck.check(perfcheck.validate(doc)).broken() == {"split"}) is broken


def _share_doc(part: str, whole: str | list[str], stated: str) -> dict[str, Any]:
    figures = [{"id": "part", "value": part}, {"id": "pct", "value": stated}]
    if isinstance(whole, str):
        figures.append({"id": "whole", "value": whole})
        whole_ref: str | list[str] = "whole"
    else:
        figures += [{"id": f"w{i}", "value": v} for i, v in enumerate(whole)]
        whole_ref = ["part"] + [f"w{i}" for i in range(len(whole))]
    return {
        "perfcheck": "1",
        "unit": "万元",
        "figures": figures,
        "relations": [{"id": "share", "kind": "share", "part": "part", "whole": whole_ref, "stated": "pct"}],
    }


SHARE_CASES = [
    # part, whole (a list: the other figures making up the whole with the part), stated, broken
    ("51.89", "134.56", "38.56%", False),  # 38.5627 %
    ("51.89", "134.56", "38.57%", False),  # the range is [38.5571, 38.5684]
    ("51.89", "134.56", "38.58%", True),
    ("51.89", "134.56", "38.55%", True),
    ("1", "3", "60.00%", False),  # 1.5 / 2.5 = 60 % exactly: the intervals touch
    ("1", "3", "60.01%", True),
    ("1.00", "3.00", "33.11%", False),  # the range is [33.1115, 33.5559]
    ("1.00", "3.00", "33.10%", True),
    ("1.00", "3.00", "33.56%", False),
    ("1.00", "3.00", "33.57%", True),
    # The part inside a whole of two figures: 100·p/(p + r) ranges over [33.1667, 33.5],
    # narrower than part ÷ (sum of the whole's intervals), [33.0565, 33.612].
    ("1.00", ["2.00"], "33.17%", False),
    ("1.00", ["2.00"], "33.10%", True),
    ("1.00", ["2.00"], "33.50%", False),  # touches 33.5
    ("1.00", ["2.00"], "33.51%", True),
]


@pytest.mark.parametrize(("part", "whole", "stated", "broken"), SHARE_CASES)
def test_share_boundary_by_hand(part: str, whole: str | list[str], stated: str, broken: bool) -> None:
    result = perfcheck.check(perfcheck.validate(_share_doc(part, whole, stated)))
    assert (result.broken() == {"share"}) is broken
    if broken:
        assert [f.code for f in result.errors] == ["PC201"]


# ---------------------------------------------------------------------------
# (c) Round trip

_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
_SOURCE = st.fixed_dictionaries(
    {},
    optional={
        "section": _TEXT,
        "line": st.integers(1, 10_000),
        "start": st.integers(0, 10**6),
        "end": st.integers(0, 10**6),
        "text": _TEXT,
    },
)
# Figures whose printing the generated documents only sometimes show.
_SPECIAL_FIGURES = st.lists(
    st.sampled_from(
        [
            {"value": "3000", "decimals": -3, "unit": "元"},
            {"value": Decimal("2.10")},
            {"value": 30, "decimals": 2},
            {"value": "30.00", "exact": True},
            {"value": "10000", "unit": "份", "qualifier": "more_than"},
            {"value": "20000", "unit": "人", "qualifier": "about"},
            {"value": "5", "unit": "人", "qualifier": "at_most"},
            {"value": "1.5", "unit": "人", "decimals": 1, "exact": False},
            {"value": "１３２.３５"},
            {"value": "38.56％"},
            {"value": "-0.50", "concept": "balance"},
        ]
    ),
    max_size=4,
)


def _fits_locale(value: object, locale: str) -> bool:
    if locale != "de_DE":
        return True
    if isinstance(value, Decimal):  # a JSON number is read whatever the locale
        return True
    return not (isinstance(value, str) and "." in value)  # "2.10" is no de_DE number


@st.composite
def decorated_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A generated document with every optional key sometimes set."""
    doc = draw(strategies.ledger_documents())
    for key in ("title", "source", "entity", "period"):
        if draw(st.booleans()):
            doc[key] = draw(_TEXT)
    doc["figures"] += [
        {"id": f"special_{i}", **extra}
        for i, extra in enumerate(draw(_SPECIAL_FIGURES))
        if _fits_locale(extra["value"], doc["locale"])
    ]
    for item in doc["figures"] + doc["relations"]:
        if draw(st.booleans()):
            item["label"] = draw(_TEXT)
        if draw(st.booleans()):
            item["source"] = draw(_SOURCE)
        if "value" in item and "concept" not in item and draw(st.booleans()):
            item["concept"] = draw(st.sampled_from(["income", "spending", "line_item", "target", "other"]))
    return doc


@FEW
@given(doc=decorated_documents())
def test_round_trip(doc: dict[str, Any]) -> None:
    ledger = perfcheck.validate(doc)
    text = perfcheck.dumps(ledger)
    again = perfcheck.loads(text)
    assert again == ledger
    assert perfcheck.dumps(again) == text
    assert perfcheck.loads(perfcheck.dumps(ledger, indent=None)) == ledger
    for fig in ledger.figures:
        assert again.parsed(fig.id) == ledger.parsed(fig.id)
    assert perfcheck.check(again).findings == perfcheck.check(ledger).findings


def _raw_json(doc: dict[str, Any]) -> str:
    """JSON text with every Decimal written as the number literal it shows (``2.10``, not ``2.1``)."""
    numbers: list[str] = []

    def literal(value: object) -> str:
        if isinstance(value, Decimal):
            numbers.append(f"{value:f}")
            return f"@@{len(numbers) - 1}@@"
        raise TypeError(value)

    text = json.dumps(doc, ensure_ascii=False, default=literal)
    return re.sub(r'"@@(\d+)@@"', lambda m: numbers[int(m.group(1))], text)


@FEW
@given(doc=strategies.ledger_documents())
def test_json_text_with_number_values_reads_like_the_document(doc: dict[str, Any]) -> None:
    text = _raw_json(doc)
    ledger = perfcheck.loads(text)
    assert ledger == perfcheck.validate(doc)
    for fig in doc["figures"]:
        if isinstance(fig["value"], Decimal):
            shown = -fig["value"].as_tuple().exponent
            assert ledger.parsed(fig["id"]).decimals == shown
            assert ledger.parsed(fig["id"]).number == fig["value"]


@MANY
@given(
    digits=st.integers(0, 10**12),
    places=st.integers(0, 9),
    locale=st.sampled_from(["en_US", "zh_CN"]),
    decimals=st.none() | st.integers(0, 8),
)
def test_json_number_keeps_its_printed_decimals(
    digits: int, places: int, locale: str, decimals: int | None
) -> None:
    literal = f"{Decimal(digits).scaleb(-places):f}"  # trailing zeros kept: "2.10", "30"
    if decimals is not None and decimals < places and digits % 10 ** (places - decimals):
        decimals = places  # the value may not show more precision than ``decimals``
    extra = "" if decimals is None else f', "decimals": {decimals}'
    text = (
        f'{{"perfcheck": "1", "unit": "万元", "locale": "{locale}", '
        f'"figures": [{{"id": "a", "value": {literal}{extra}}}], "relations": []}}'
    )
    ledger = perfcheck.loads(text)
    assert ledger.parsed("a").decimals == places
    assert ledger.parsed("a").number == Decimal(literal)
    assert ledger.figure("a").value == literal
    assert ledger.figure("a").decimals == decimals
    assert perfcheck.loads(perfcheck.dumps(ledger)) == ledger


def test_json_number_2_10_keeps_two_decimals() -> None:
    ledger = perfcheck.loads(
        '{"perfcheck": "1", "unit": "万元", "figures": [{"id": "a", "value": 2.10}, '
        '{"id": "b", "value": 30, "decimals": 2}, {"id": "c", "value": "3000", "decimals": -3, "unit": "元"}], '
        '"relations": []}'
    )
    assert ledger.parsed("a").decimals == 2
    assert ledger.figure("a").value == "2.10"
    assert (ledger.parsed("b").decimals, ledger.figure("b").decimals) == (0, 2)
    assert ledger.figure("c").decimals == -3
    again = perfcheck.loads(perfcheck.dumps(ledger))
    assert again == ledger
    assert again.parsed("a").decimals == 2


# ---------------------------------------------------------------------------
# Library bugs found by the properties above, as minimal reproductions. At commit b8de4e9
# the first, third and fourth failed (they were marked xfail(strict=True)); they pass with
# the fixes to value reading and to shares and percent changes that followed.


def test_json_number_value_ignores_the_locale() -> None:
    ledger = perfcheck.loads(
        '{"perfcheck": "1", "unit": "元", "locale": "de_DE", '
        '"figures": [{"id": "a", "value": 1.234}, {"id": "b", "value": "1,234"}], '
        '"relations": [{"id": "same", "kind": "equal", "figures": ["a", "b"]}]}'
    )
    assert ledger.parsed("a").number == Decimal("1.234")
    assert perfcheck.check(ledger).errors == []


def test_small_json_number_value_is_read() -> None:
    # Regression: str(Decimal) wrote 0.0000001 as "1E-7", which the value parser rejected.
    ledger = perfcheck.loads(
        '{"perfcheck": "1", "unit": "元", "figures": [{"id": "a", "value": 0.0000001}], "relations": []}'
    )
    assert ledger.parsed("a").number == Decimal("0.0000001")
    assert ledger.parsed("a").decimals == 7


def test_share_of_a_part_printed_as_zero() -> None:
    result = perfcheck.check(perfcheck.validate(SHARE_OF_ZERO_PART))
    assert result.broken() == {"share"}


def test_percent_change_by_a_change_printed_as_zero() -> None:
    result = perfcheck.check(perfcheck.validate(CHANGE_BY_ZERO_DELTA))
    assert result.broken() == {"yoy"}
