"""Real reports, judged as careful hand arithmetic did (tests/data/cases/expected.json)."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

import perfcheck
from conftest import CASES
from perfcheck.cli import main

EXPECTED: dict[str, dict[str, str]] = json.loads((CASES / "expected.json").read_text(encoding="utf-8"))
VERDICTS = [(name, rid, verdict) for name, rels in EXPECTED.items() for rid, verdict in rels.items()]


@pytest.fixture(scope="module")
def results() -> dict[str, perfcheck.Result]:
    return {name: perfcheck.check(CASES / name) for name in EXPECTED}


@pytest.mark.parametrize(("name", "rid", "verdict"), VERDICTS, ids=[f"{n[:6]}-{r}" for n, r, _ in VERDICTS])
def test_relation_verdict(results: dict[str, perfcheck.Result], name: str, rid: str, verdict: str) -> None:
    result = results[name]
    errors = [f for f in result.errors if f.relation == rid]
    if verdict == "broken":
        assert errors, f"{name} {rid} is broken but no error was reported"
    elif verdict == "holds":
        assert not errors, f"{name} {rid} holds but got {[f.message for f in errors]}"


def test_every_relation_is_judged(results: dict[str, perfcheck.Result]) -> None:
    for name, rels in EXPECTED.items():
        judged = {c.relation for c in results[name].checks}
        assert judged == set(rels), name


def test_wuzhou_errors_name_the_real_mistakes(results: dict[str, perfcheck.Result]) -> None:
    result = results["wuzhou-unit-2024-budget-yuan.json"]
    assert result.broken() == {"R4", "R5"}
    (r4,) = [f for f in result.errors if f.relation == "R4"]
    assert r4.code == "PC201"
    assert r4.subject == "proj_pct"
    assert str(r4.actual) == "19.62"
    assert r4.expected is not None
    assert round(r4.expected, 2) == Decimal("15.94")  # 469500 / 2945760.58
    (r5,) = [f for f in result.errors if f.relation == "R5"]
    assert r5.code == "PC502"
    assert str(r5.difference) == "3.68"


def test_qingshen_zero_over_zero_is_info(results: dict[str, perfcheck.Result]) -> None:
    result = results["qingshen-fgj-2023-project-selfeval.json"]
    assert result.ok
    assert [(f.relation, f.verdict.value) for f in result.infos] == [("R3", "not_checkable")]


def test_command_line_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(CASES / "wuzhou-unit-2024-budget-yuan.json")]) == 1
    out = capsys.readouterr().out
    assert "R4" in out
    assert "R5" in out
    assert main(["check", str(CASES / "dayi-health-unit-2020-final-accounts.json")]) == 0
