"""A broken sum among sums in closed form (perfcheck._localise.closed): the same as the system's propagation."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import perfcheck
import perfcheck._localise as localise_module
from perfcheck._engine.context import Context
from perfcheck._localise import Options
from perfcheck._localise.closed import star
from perfcheck._localise.confirm import Checker
from perfcheck._localise.solver import NeedsSolver, domain_boxes
from perfcheck._localise.system import alone_range, build

RULES = list(perfcheck.default_registry)


def _cents(value: int) -> str:
    sign = "-" if value < 0 else ""
    return f"{sign}{abs(value) // 100}.{abs(value) % 100:02d}"


@st.composite
def _trees(draw: st.DrawFn) -> dict[str, Any]:
    """Groups of line items under a category total (W1's shape), printed near the edges of their rounding.

    Every printed total is the sum of what it adds up, moved by up to about half a cent a
    figure it adds (so some sums hold only just and some only just fail), and one group
    total or line item printed far off.
    """
    groups = draw(st.integers(2, 5))
    figures: list[dict[str, str]] = []
    relations: list[dict[str, Any]] = []
    totals: list[int] = []
    for g in range(groups):
        items = draw(st.lists(st.integers(0, 10**6), min_size=1, max_size=4))
        ids = [f"i{g}_{k}" for k in range(len(items))]
        figures += [{"id": i, "value": _cents(v)} for i, v in zip(ids, items, strict=True)]
        slack = (len(items) + 1) // 2 + 1
        total = sum(items) + draw(st.integers(-slack, slack))
        figures.append({"id": f"g{g}", "value": _cents(total)})
        relations.append({"id": f"s_g{g}", "kind": "sum", "total": f"g{g}", "parts": ids})
        totals.append(total)
    if draw(st.booleans()):
        # the first line item is itself a total, of two sub-items: a branch hanging on its total
        first = next(f for f in figures if f["id"] == "i0_0")
        whole = int(Decimal(first["value"]) * 100)
        left = draw(st.integers(0, max(whole, 0)))
        subs = [left, whole - left + draw(st.integers(-2, 2))]
        figures += [{"id": f"j{k}", "value": _cents(v)} for k, v in enumerate(subs)]
        relations.append({"id": "s_j", "kind": "sum", "total": "i0_0", "parts": ["j0", "j1"]})
    slack = (groups + 1) // 2 + 1
    figures.append({"id": "c", "value": _cents(sum(totals) + draw(st.integers(-slack, slack)))})
    relations.append({"id": "s_c", "kind": "sum", "total": "c", "parts": [f"g{g}" for g in range(groups)]})
    off = draw(st.sampled_from([f["id"] for f in figures if f["id"] != "c" and not f["id"].startswith("j")]))
    figure = next(f for f in figures if f["id"] == off)
    moved = int(Decimal(figure["value"]) * 100) + draw(st.sampled_from([-1, 1])) * draw(st.integers(3, 10**5))
    figure["value"] = _cents(moved)
    return {"perfcheck": "1", "unit": "万元", "figures": figures, "relations": relations}


def _pieces_as_stars(document: dict[str, Any]) -> list[tuple[Any, Any, Any]]:
    """Each piece of the document (groups solved with their category's row) that is a star, with its system."""
    ledger = perfcheck.validate(document)
    findings = perfcheck.check(document).findings
    broken = localise_module.broken_relations(findings)
    within = localise_module.scope(
        ((r.id, r.kind, r.operands()) for r in ledger.relations), broken, conflicts=False, max_figures=3
    )
    ctx = Context(ledger, "en")
    checker = Checker(ctx, RULES, {r.id: r for r in ledger.relations})
    out = []
    for piece in within.pieces:
        in_piece = [r for r in piece.relations if r in broken]
        try:
            shape = star(checker, piece.relations, in_piece)
        except NeedsSolver:
            continue
        if shape is not None:
            out.append((shape, build(ctx, [checker.relations[r] for r in piece.relations]), piece))
    return out


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=_trees())
def test_a_star_gives_each_figure_the_range_propagation_gives(document: dict[str, Any]) -> None:
    """The closed form is the exact propagation of the whole piece's system: to the unit, every figure."""
    for shape, system, _ in _pieces_as_stars(document):
        boxes = domain_boxes(system)
        for figure in (*shape.left, *shape.right):
            alone = alone_range(system, figure, boxes[figure])
            assert alone is not None
            try:
                closed = shape.range(figure)
            except NeedsSolver:
                assert alone[0] < 0 or alone[0] > alone[1] or alone[0] == boxes[figure][0]
                continue
            if closed is None:
                assert alone[0] > alone[1]
            else:
                assert closed == alone


def _localise(document: dict[str, Any], *, stars: bool, monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    ledger = perfcheck.validate(document)
    findings = perfcheck.check(document).findings
    with monkeypatch.context() as patched:
        if not stars:
            patched.setattr(localise_module._Run, "_star", lambda *_: False)
        found = localise_module.localise(ledger, RULES, findings, options=Options(max_figures=3))
    return [f.model_dump(mode="json") for f in found]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=_trees())
def test_a_star_localises_as_the_system_does(document: dict[str, Any]) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert _localise(document, stars=True, monkeypatch=monkeypatch) == _localise(
            document, stars=False, monkeypatch=monkeypatch
        )


def test_a_figure_kept_as_printed_is_narrowed_by_its_branch_to_the_cent() -> None:
    """An end set by the category's row (a branch), not by the broken sum or the figure's printing."""
    # s0: 1.00 + 2.00 against 3.50, broken. sc: 3.50 + 5.00 against 8.51 holds only just:
    # g0 may be 8.505 - 5.005 = 3.500 to 8.515 - 4.995 = 3.520, and is printed 3.495 to 3.505
    document = {
        "perfcheck": "1",
        "unit": "万元",
        "figures": [
            {"id": "a", "value": "1.00"},
            {"id": "b", "value": "2.00"},
            {"id": "g0", "value": "3.50"},
            {"id": "g1", "value": "5.00"},
            {"id": "c", "value": "8.51"},
        ],
        "relations": [
            {"id": "s0", "kind": "sum", "total": "g0", "parts": ["a", "b"]},
            {"id": "sc", "kind": "sum", "total": "c", "parts": ["g0", "g1"]},
        ],
    }
    ((shape, system, _),) = _pieces_as_stars(document)
    wan = Fraction(10000)  # the figures' 万元, in 元
    # a = g0 - b: from 3.500 - 2.005 (the branch's end, not 3.495's) to 3.505 - 1.995
    assert shape.range("a") == (Fraction("1.495") * wan, Fraction("1.510") * wan)
    # g0 alone: the items allow 2.99 to 3.01, the category 3.50 to 3.52
    assert shape.range("g0") is None
    boxes = domain_boxes(system)
    assert shape.range("a") == alone_range(system, "a", boxes["a"])
    alone = alone_range(system, "g0", boxes["g0"])
    assert alone is not None
    assert alone[0] > alone[1]
    localised = perfcheck.check(document, localise=True).errors[0].localisation
    assert localised is not None
    fits = {e.figures: e.corrections[0].fits for e in localised.explanations}
    # a printed 1.49 (1.485 to 1.495) still meets 1.495; without the branch 1.4850 would
    assert fits == {
        ("a",): (Decimal("1.4900"), Decimal("1.5150")),
        ("b",): (Decimal("2.4900"), Decimal("2.5150")),
    }
