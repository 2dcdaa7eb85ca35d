"""Relations a reader inferred: a broken one is a warning to check by hand (PC903), never an error."""

from __future__ import annotations

import json

import pytest

import perfcheck

DOC = {
    "perfcheck": "1",
    "unit": "万元",
    "figures": [
        {"id": "total", "label": "支出合计", "value": "82.67"},
        {"id": "a", "label": "人员经费", "value": "63.41"},
        {"id": "b", "label": "公用经费", "value": "19.62"},
    ],
    "relations": [{"id": "split", "kind": "sum", "total": "total", "parts": ["a", "b"], "basis": "inferred"}],
}


def _as(basis: str) -> dict[str, object]:
    doc = json.loads(json.dumps(DOC))
    doc["relations"][0]["basis"] = basis
    return doc


@pytest.mark.parametrize("as_bytes", [False, True])
def test_a_broken_inferred_relation_is_a_warning_to_check_by_hand(as_bytes: bool) -> None:
    source = json.dumps(DOC).encode() if as_bytes else DOC
    result = perfcheck.check(source)
    assert result.ok
    [finding] = result.findings
    assert (finding.code, finding.severity, finding.relation) == (
        "PC903",
        perfcheck.Severity.WARNING,
        "split",
    )
    assert finding.message.startswith("check by hand (PC102): 支出合计 is printed as 82.67 万元")
    assert finding.message.endswith("perfcheck inferred this relation, the text does not state it")
    # the numbers of the judgment are kept
    assert str(finding.difference) == "-0.36"
    assert "请人工核对（PC102）" in finding.text("zh_CN")


def test_the_same_relation_stated_is_an_error() -> None:
    result = perfcheck.check(_as("stated"))
    assert [(f.code, f.severity) for f in result.findings] == [("PC102", perfcheck.Severity.ERROR)]
    assert not result.ok


def test_ignoring_pc903_leaves_broken_inferred_relations_out() -> None:
    result = perfcheck.check(DOC, ignore=["PC903"])
    assert result.findings == ()
    assert [(c.relation, c.status) for c in result.checks] == [("split", "broken")]


def test_a_holding_inferred_relation_is_silent() -> None:
    doc = _as("inferred")
    doc["figures"][0]["value"] = "83.03"  # type: ignore[index]
    assert perfcheck.check(doc).findings == ()


def test_basis_survives_a_round_trip() -> None:
    ledger = perfcheck.read(DOC)
    assert ledger.relations[0].basis == "inferred"
    assert perfcheck.loads(perfcheck.dumps(ledger)).relations[0].basis == "inferred"
    assert "basis" not in json.loads(perfcheck.dumps(perfcheck.read(_stated_without_key())))["relations"][0]


def _stated_without_key() -> dict[str, object]:
    doc = json.loads(json.dumps(DOC))
    del doc["relations"][0]["basis"]
    return doc
