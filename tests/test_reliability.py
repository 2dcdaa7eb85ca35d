"""Hostile input, limits, independence of the caller, and fuzzing with bounded examples."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import tracemalloc
from decimal import Decimal
from typing import Any

import pytest

import perfcheck
from conftest import CASES, EXAMPLES, SEED
from perfcheck import LedgerError, Limits, LineItem, Report, check, fuzz, loads, validate


def doc(figures: list[dict[str, Any]], relations: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"perfcheck": "1", "unit": "万元", "figures": figures, "relations": relations or []}


# -- limits -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("limits", "data", "fragment"),
    [
        (Limits(max_figures=2), doc([{"id": f"f{i}", "value": "1"} for i in range(3)]), "Limits.max_figures"),
        (
            Limits(max_relations=1),
            doc(
                [{"id": "a", "value": "1"}],
                [{"id": f"r{i}", "kind": "equal", "figures": ["a", "a"]} for i in range(2)],
            ),
            "Limits.max_relations",
        ),
        (Limits(max_digits=5), doc([{"id": "a", "value": "1234567"}]), "Limits.max_digits=5"),
        (Limits(max_digits=5), doc([{"id": "a", "value": Decimal(1234567)}]), "Limits.max_digits=5"),
        (Limits(max_exponent=10), doc([{"id": "a", "value": Decimal("1E+11")}]), "Limits.max_exponent=10"),
        (
            Limits(max_formula_length=10),
            doc([{"id": "a", "value": "1"}], [{"id": "f", "kind": "formula", "expr": "a + a + a + a == 4"}]),
            "Limits.max_formula_length",
        ),
        (
            Limits(max_formula_depth=3),
            doc([{"id": "a", "value": "1"}], [{"id": "f", "kind": "formula", "expr": "((((a)))) == 1"}]),
            "Limits.max_formula_depth",
        ),
    ],
)
def test_limits_are_errors_naming_the_limit(limits: Limits, data: dict[str, Any], fragment: str) -> None:
    with pytest.raises(LedgerError) as info:
        validate(data, limits=limits)
    assert fragment in str(info.value)


def test_defaults_accept_what_the_small_limits_refuse() -> None:
    data = doc(
        [{"id": "a", "value": "1234567"}, {"id": "b", "value": "1"}],
        [{"id": "f", "kind": "formula", "expr": "((((a)))) + b == 1234568"}],
    )
    assert check(validate(data)).ok


def test_size_and_json_depth_limits() -> None:
    text = json.dumps(doc([{"id": "a", "value": "1"}]))
    with pytest.raises(LedgerError, match=r"Limits\.max_bytes"):
        loads(text, limits=Limits(max_bytes=10))
    with pytest.raises(LedgerError, match=r"nested 3 deep.*Limits\.max_json_depth"):
        loads(text, limits=Limits(max_json_depth=2))
    assert loads(text, limits=Limits(max_json_depth=3)).figures[0].id == "a"


def test_hostile_json_nesting_is_a_clean_error() -> None:
    deep = "[" * 200_000 + "]" * 200_000
    with pytest.raises(LedgerError, match="nested deeper than the parser allows"):
        loads(deep)


def test_huge_exponent_in_a_json_number_is_refused_without_building_it() -> None:
    # the point: 1e999999999 is refused from its exponent, never expanded to a 10^9-digit
    # number (which would take about a gigabyte); memory is measured, not time
    tracemalloc.start()
    try:
        with pytest.raises(LedgerError, match="max_exponent"):
            loads('{"perfcheck": "1", "unit": "元", "figures": [{"id": "a", "value": 1e999999999}]}')
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 16 * 2**20


def test_limits_must_be_positive() -> None:
    with pytest.raises(ValueError, match="max_figures must be a positive integer"):
        Limits(max_figures=0)


def test_deeply_nested_formula_is_rejected_at_the_depth_limit() -> None:
    expr = "(" * 4990 + "a" + ")" * 4990 + " == 1"
    with pytest.raises(LedgerError, match="nested deeper than 200"):
        validate(doc([{"id": "a", "value": "1"}], [{"id": "f", "kind": "formula", "expr": expr}]))


def test_deeply_nested_formula_checks_without_recursion_when_the_limits_allow_it() -> None:
    # 5000 levels is past Python's recursion limit: the parser and evaluator must not recurse per level
    expr = "(" * 5000 + "a" + ")" * 5000 + " == 1"
    data = doc([{"id": "a", "value": "1"}], [{"id": "f", "kind": "formula", "expr": expr}])
    result = check(validate(data, limits=Limits(max_formula_length=20_000, max_formula_depth=10_000)))
    assert result.ok


def test_long_flat_formula_checks_without_recursion() -> None:
    n = 1000
    figures = [{"id": f"x{i}", "value": "1.00"} for i in range(n)]
    expr = " + ".join(f"x{i}" for i in range(n)) + f" == {n}"
    result = check(validate(doc(figures, [{"id": "f", "kind": "formula", "expr": expr}])))
    assert result.ok
    assert result.checks[0].status == "holds"


@pytest.mark.parametrize(
    "expr",
    [
        "__import__('os').system('true') == 0",
        "a.__class__ == 1",
        "eval('1') == 1",
        "a[0] == 1",
        "a ** 2 == 1",
        "lambda: 1",
    ],
)
def test_formulas_that_reach_for_code_are_errors(expr: str) -> None:
    with pytest.raises(LedgerError, match="id 'f'"):
        validate(doc([{"id": "a", "value": "1"}], [{"id": "f", "kind": "formula", "expr": expr}]))


# -- depth and length ----------------------------------------------------------


def test_ten_thousand_step_chain_of_relations() -> None:
    n = 10_000
    figures = [{"id": f"f{i}", "value": "1.00"} for i in range(n + 1)]
    relations = [{"id": f"r{i}", "kind": "equal", "figures": [f"f{i}", f"f{i + 1}"]} for i in range(n)]
    result = check(validate(doc(figures, relations)))
    assert result.ok
    assert len(result.checks) == n


def test_ten_thousand_deep_line_item_tree() -> None:
    node = LineItem(label="leaf", amount="1.00")
    for _ in range(10_000):
        node = LineItem(label="line", amount="1.00", items=[node])
    ledger = Report(spending=[node]).to_ledger()
    assert len(ledger.relations) == 10_000
    assert check(ledger).ok
    broken = Report(spending=[LineItem(label="top", amount="2.00", items=[node])])
    assert check(broken).broken() == {"item_1_sum"}


# -- independence of the caller --------------------------------------------------


def test_results_do_not_depend_on_the_process_locale() -> None:
    code = (
        "import json, sys, perfcheck;"
        "r = perfcheck.check(sys.argv[1]);"
        "print(json.dumps(r.to_json_dict(), sort_keys=True))"
    )
    path = str(CASES / "wuzhou-unit-2024-budget-yuan.json")
    outputs = set()
    for lang in ("C", "de_DE.UTF-8", "fr_FR.UTF-8", "zh_CN.UTF-8"):
        env = {**os.environ, "LANG": lang, "LC_ALL": lang, "LANGUAGE": lang.split(".")[0]}
        proc = subprocess.run(
            [sys.executable, "-c", code, path], capture_output=True, text=True, env=env, check=True
        )
        outputs.add(proc.stdout)
    assert len(outputs) == 1
    assert json.loads(outputs.pop())["summary"]["errors"] == 2


def test_threads_get_the_same_results_as_a_serial_run() -> None:
    paths = [SEED, EXAMPLES / "seed-with-mistakes.json", *sorted(CASES.glob("*-*.json"))]
    ledgers = [perfcheck.load(p) for p in paths]
    serial = [check(ledger) for ledger in ledgers]
    results: dict[tuple[int, int], perfcheck.Result] = {}

    def work(worker: int) -> None:
        for _ in range(5):
            for i, ledger in enumerate(ledgers):
                results[worker, i] = check(ledger)

    threads = [threading.Thread(target=work, args=(w,)) for w in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 8 * len(ledgers)
    for (_, i), result in results.items():
        assert result == serial[i]


# -- fuzzing (bounded here; `python -m perfcheck.fuzz` runs any number of examples) --


@pytest.mark.parametrize("target", fuzz.TARGETS)
def test_fuzz_target(target: str) -> None:
    fuzz.run(target, 300)


def test_fuzz_targets_detect_a_broken_invariant(monkeypatch: pytest.MonkeyPatch) -> None:
    # A reader that raises something other than its own error must make the target fail.
    def broken(text: str, locale: str) -> None:
        raise KeyError(text)

    monkeypatch.setattr(fuzz, "parse_value", broken)
    with pytest.raises(KeyError):
        fuzz.fuzz_value("1", "en_US")


def test_problems_carry_the_line_of_their_id() -> None:
    text = '{"perfcheck": "1", "unit": "元",\n "figures": [\n  {"id": "a", "value": "1"},\n  {"id": "收入", "value": "x"}]}'
    with pytest.raises(LedgerError) as info:
        loads(text, name="r.json")
    (problem,) = info.value.problems
    assert problem.line == 4
    assert "line 4:" in str(info.value)


@pytest.mark.parametrize(
    ("value", "decimals", "ok"),
    [
        (Decimal(100000000000000000000000000000000), -1, True),  # 33 digits: beyond the default context
        (Decimal(100000000000000000000000000000001), -1, False),
        ("3000", -3, True),
        ("3500", -3, False),
        ("2.10", 1, True),
        ("2.15", 1, False),
        ("0.00", 0, True),
    ],
)
def test_decimals_consistency_on_long_numbers(value: object, decimals: int, ok: bool) -> None:
    # Found by `python -m perfcheck.fuzz --examples 20000`: a remainder in the default
    # 28-digit context raised DivisionImpossible on a 31-digit JSON number.
    data = doc([{"id": "a", "value": value, "decimals": decimals}])
    # by default excess digits are a finding (PC905); refused only with Limits(strict_decimals=True)
    assert validate(data).figure("a").decimals == decimals
    assert [f.code for f in perfcheck.check(data).errors] == ([] if ok else ["PC905"])
    if ok:
        assert validate(data, limits=Limits(strict_decimals=True)).figure("a").decimals == decimals
    else:
        with pytest.raises(LedgerError, match="more precision than decimals"):
            validate(data, limits=Limits(strict_decimals=True))
