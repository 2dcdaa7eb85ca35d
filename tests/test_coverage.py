"""A result says how much it read: the same on the fast path and the full path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import perfcheck

ROOT = Path(__file__).parent.parent
DOCUMENTS = sorted(
    p
    for p in [*(ROOT / "tests/data/cases").glob("*.json"), *(ROOT / "examples").glob("*.json")]
    if p.name != "expected.json"
)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_the_fast_and_the_full_path_count_alike(path: Path) -> None:
    assert perfcheck.check(path).coverage == perfcheck.check(perfcheck.load(path)).coverage


def test_coverage_counts_figures_outside_relations_and_inferred_ones() -> None:
    doc = {
        "perfcheck": "1",
        "unit": "万元",
        "figures": [
            {"id": "t", "value": "3"},
            {"id": "a", "value": "1"},
            {"id": "b", "value": "2"},
            {"id": "lonely", "value": "9"},
            {"id": "p", "value": "50%"},
        ],
        "relations": [
            {"id": "s", "kind": "sum", "total": "t", "parts": ["a", "b"], "basis": "inferred"},
            {"id": "f", "kind": "formula", "expr": "p <= 100"},
        ],
    }
    expected = perfcheck.check(doc).coverage
    assert (expected.figures, expected.in_relations, expected.relations, expected.inferred) == (5, 4, 2, 1)
    assert perfcheck.check(json.dumps(doc).encode()).coverage == expected


def test_a_text_reports_what_it_read() -> None:
    text = "（一）收支\n总支出134.56万元，其中基本支出82.67万元，项目支出51.89万元。在职人员12人。\n"
    coverage = perfcheck.check(text).coverage
    assert (coverage.figures, coverage.in_relations, coverage.relations) == (4, 3, 1)


IDLE = {
    "perfcheck": "1",
    "unit": "万元",
    "figures": [
        {"id": "spent", "value": "95", "label": "执行数"},
        {"id": "rate", "value": "95%", "label": "完成年度预算"},
        {"id": "cases", "value": "4060", "unit": "例", "label": "免费检查"},
        {"id": "done", "value": "101%", "label": "占全年任务"},
        {"id": "now", "value": "120", "label": "支出"},
        {"id": "up", "value": "5", "label": "增加"},
        {"id": "t", "value": "3"},
        {"id": "a", "value": "1"},
        {"id": "b", "value": "2"},
    ],
    "relations": [
        {"id": "budget_nowhere", "kind": "ratio", "numerator": "spent", "stated": "rate"},
        {"id": "whole_target", "kind": "ratio", "numerator": "cases", "stated": "done"},
        {"id": "amount_only", "kind": "change", "current": "now", "delta": "up", "direction": "increase"},
        {"id": "s", "kind": "sum", "total": "t", "parts": ["a", "b"]},
    ],
}


@pytest.mark.parametrize("unit_on_figure", [False, True])
def test_relations_holding_nothing_to_judge_are_not_checkable_on_every_path(unit_on_figure: bool) -> None:
    doc = json.loads(json.dumps(IDLE))
    if unit_on_figure:  # the amount's unit on the figure, the document's a count: still an amount
        doc["unit"] = "人"
        for f in doc["figures"]:
            f.setdefault("unit", "%" if f["value"].endswith("%") else "万元")
    data = json.dumps(doc).encode()
    fast, full = perfcheck.check(data).coverage, perfcheck.check(perfcheck.loads(data)).coverage
    # a rate of a budget printed nowhere and a change with only its amount: nothing to judge;
    # a count's completion still has its whole-number target to test (PC203)
    assert fast.not_checkable == full.not_checkable == 2
    assert fast == full
