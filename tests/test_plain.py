"""Broken sums and balances judged on plain data (perfcheck._engine.plain), issue 15.

A broken ``sum`` or ``balance`` of plain figures is judged by the rules' own exact checks on
the document as parsed and worded as compact findings; these tests hold that path to the
full path (the same findings, messages and JSON, in both locales and in report order among
the escalated part's findings) and make sure it is the path taken, so that a fall-back to
the full path cannot hide a difference.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import perfcheck
from perfcheck import default_registry
from perfcheck._core.limits import DEFAULT_LIMITS
from perfcheck._engine import fast
from perfcheck._findings.finding import Finding
from perfcheck._findings.plain import PlainFinding
from perfcheck.cli import main
from perfcheck.render import Checked, document_part, parts_joined


def _doc(figures: list[tuple[str, str, str | None]], relations: list[dict[str, Any]], **keys: Any) -> bytes:
    figs = [{"id": i, "value": v, **({"label": lab} if lab else {})} for i, v, lab in figures]
    return json.dumps(
        {"perfcheck": "1", "unit": "万元", **keys, "figures": figs, "relations": relations},
        ensure_ascii=False,
    ).encode()


def _screened(data: bytes, locale: str = "en") -> fast.Screened:
    plan = fast.plan(default_registry.select(None, None), default_registry)
    assert plan is not None
    screened = fast.screen(data, plan, DEFAULT_LIMITS, locale)
    assert screened is not None
    return screened


def _same(data: bytes, locale: str) -> perfcheck.Result:
    fast_result = perfcheck.check(data, locale=locale)
    full = perfcheck.check(perfcheck.loads(data), locale=locale)
    assert fast_result.findings == full.findings
    assert [f.to_json_dict() for f in fast_result.findings] == [f.to_json_dict() for f in full.findings]
    assert fast_result.to_json_dict() == full.to_json_dict()
    assert fast_result.checks == full.checks
    return full


FIGURES = [
    ("total", "134.56", "总支出"),
    ("basic", "82.67", "基本支出"),
    ("project", "52.99", "项目支出"),
    ("carry_in", "2.21", "上年结转"),
    ("income", "132.35", None),
    ("carry_out", "1.00", "结转下年"),
    ("relief", "60.15", "救助"),
]
RELATIONS = [
    {"id": "split", "kind": "sum", "total": "total", "parts": ["basic", "project"]},
    {"id": "flow", "kind": "balance", "inflows": ["carry_in", "income"], "outflows": ["total", "carry_out"]},
    {"id": "of_which", "kind": "sum", "total": "project", "parts": ["relief"], "exhaustive": False},
    {"id": "fine", "kind": "sum", "total": "basic", "parts": ["basic"], "label": "同"},
]


@pytest.mark.parametrize("locale", ["en", "zh_CN"])
@pytest.mark.parametrize("number_locale", [None, "zh_CN", "de_CH"])
def test_broken_sums_and_balances_are_worded_on_plain_data(locale: str, number_locale: str | None) -> None:
    keys = {} if number_locale is None else {"locale": number_locale}
    data = _doc(FIGURES, RELATIONS, **keys)
    screened = _screened(data, locale)
    assert screened.relations == []  # nothing escalated
    assert screened.worded_ids == {"split", "flow", "of_which"}
    assert all(isinstance(f, PlainFinding) for f in screened.worded)
    full = _same(data, locale)
    assert [f.code for f in full.findings] == ["PC102", "PC101", "PC103"]
    # The compact findings are the full path's, field for field.
    assert [Finding.of(f) for f in screened.worded] == list(full.findings)
    assert [f.to_json_dict() for f in screened.worded] == [f.to_json_dict() for f in full.findings]
    assert [f.text("zh_CN") for f in screened.worded] == [f.text("zh_CN") for f in full.findings]


def test_worded_findings_take_their_place_among_the_escalated_ones() -> None:
    # A share the screen escalates (its stated value is off), a figure printed with its unit
    # (read from its view: its sums are escalated, as their printed text differs), and a
    # qualified figure (opaque): the findings come in the full path's order.
    figures = [*FIGURES, ("share", "50.00%", "占比"), ("unit_part", "1.00万元", None), ("about", "约3", None)]
    relations = [
        {"id": "a_share", "kind": "share", "part": "basic", "whole": "total", "stated": "share"},
        *RELATIONS,
        {"id": "with_unit", "kind": "sum", "total": "carry_out", "parts": ["unit_part", "carry_in"]},
        {"id": "opaque", "kind": "sum", "total": "about", "parts": ["relief"]},
    ]
    data = _doc(figures, relations)
    screened = _screened(data)
    assert screened.worded_ids == {"split", "flow", "of_which"}
    assert {r["id"] for r in screened.relations} == {"a_share", "with_unit", "opaque"}
    for locale in ("en", "zh_CN"):
        full = _same(data, locale)
        assert [f.relation for f in full.errors] == [
            "a_share",
            "split",
            "flow",
            "of_which",
            "with_unit",
            "opaque",
        ]


def test_a_relation_with_weights_or_a_basis_is_escalated() -> None:
    relations = [
        {
            "id": "weighted",
            "kind": "sum",
            "total": "total",
            "parts": ["basic", "project"],
            "weights": ["1", "2"],
        },
        {"id": "guessed", "kind": "sum", "total": "total", "parts": ["basic"], "basis": "inferred"},
    ]
    data = _doc(FIGURES, relations)
    screened = _screened(data)
    assert screened.worded_ids == frozenset()
    assert {r["id"] for r in screened.relations} == {"weighted", "guessed"}
    _same(data, "en")


@pytest.mark.parametrize("fmt", ["table", "json", "sarif", "github"])
@pytest.mark.parametrize("locale", ["en", "zh_CN"])
def test_the_command_writes_the_worded_findings_as_the_full_path_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str, locale: str
) -> None:
    data = _doc(FIGURES, RELATIONS)
    path = tmp_path / "doc.json"
    path.write_bytes(data)
    assert main(["check", str(path), "--format", fmt, "--locale", locale, "--isolated"]) == 1
    out = capsys.readouterr().out
    full = perfcheck.check(perfcheck.loads(data), locale=locale)
    if fmt in ("table", "json"):  # the single document's part, as the command writes it
        checked = Checked(str(path), str(path), None, full)
        part = document_part(checked, fmt, locale=locale, single=True)
        assert out == "".join(parts_joined([part], fmt, single=True)) + "\n"
    assert all(code in out for code in ("PC101", "PC102", "PC103"))


@st.composite
def _trees(draw: st.DrawFn) -> tuple[bytes, set[str]]:
    """A tree of sums (a root, groups, items), some totals off by up to two units either way."""
    decimals = draw(st.integers(1, 3))  # no bare 0 (exactly nothing: not a plain figure)
    unit = 10**-decimals
    groups = draw(st.integers(1, 4))
    figures: list[tuple[str, str, str | None]] = []
    relations: list[dict[str, Any]] = []
    broken: set[str] = set()
    root = 0
    for g in range(groups):
        n = draw(st.integers(1, 5))
        items = [draw(st.integers(-500, 5000)) for _ in range(n)]
        off = draw(st.integers(-2, 2)) if draw(st.booleans()) else 0
        total = sum(items) + off * (n + 1)  # off by more than the rounding of n + 1 figures when off
        root += total
        if off:
            broken.add(f"s{g}")
        figures.append((f"g{g}", f"{total * unit:.{decimals}f}", f"组{g}"))
        figures.extend((f"i{g}_{k}", f"{v * unit:.{decimals}f}", None) for k, v in enumerate(items))
        relations.append(
            {"id": f"s{g}", "kind": "sum", "total": f"g{g}", "parts": [f"i{g}_{k}" for k in range(n)]}
        )
    root_off = draw(st.integers(-1, 1)) * (groups + 1)
    figures.insert(0, ("root", f"{(root + root_off) * unit:.{decimals}f}", "合计"))
    relations.append({"id": "top", "kind": "sum", "total": "root", "parts": [f"g{g}" for g in range(groups)]})
    if root_off:
        broken.add("top")
    return _doc(figures, relations), broken


@settings(max_examples=60, deadline=None)
@given(_trees(), st.sampled_from(["en", "zh_CN"]))
def test_trees_of_sums_are_judged_on_plain_data_as_on_the_full_path(
    tree: tuple[bytes, set[str]], locale: str
) -> None:
    data, broken = tree
    screened = _screened(data, locale)
    assert screened.relations == []
    assert screened.worded_ids == broken
    full = _same(data, locale)
    assert full.broken() == broken
