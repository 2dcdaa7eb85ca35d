"""Reading an XBRL instance with its calculation linkbase into a ledger, through Arelle."""

from __future__ import annotations

import shutil
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import perfcheck
from perfcheck.cli import main
from xbrl_cases import Case, Fact, Summation, write_xbrl

pytest.importorskip("arelle", reason="reading XBRL needs arelle-release (the xbrl extra, in the test extra)")

D = Decimal
ONE = (D(1),)


def _filing(tmp_path: Path, case: Case) -> Path:
    instance = write_xbrl(case, tmp_path)
    path = tmp_path / "filing.xbrl"
    shutil.copy(instance, path)
    return path


CASE = Case(
    "nearest",
    [
        Fact("Spending", D("134.56"), 2),
        Fact("Basic", D("82.67"), 2),
        Fact("Projects", D("51.89"), 2),
        Fact("Staff", D("1559"), -2),  # excess digits
        Fact("Wages", D("1500"), -2),
        Fact("Exact", D("7"), None),
    ],
    [
        Summation("spending", "Spending", ("Basic", "Projects"), (D(1), D(1))),
        Summation("staff", "Staff", ("Wages",), ONE),
        Summation("net", "Basic", ("Spending", "Projects"), (D(1), D(-1))),
    ],
    [Fact("Basic", D("82.7"), 1)],  # a duplicate, printed less precisely
)


def test_an_instance_reads_as_figures_sums_and_duplicates(tmp_path: Path) -> None:
    ledger = perfcheck.read(_filing(tmp_path, CASE))
    figures = {f.id: f for f in ledger.figures}
    assert figures["Spending_c"].value == "134.56"
    assert figures["Spending_c"].decimals == 2
    assert figures["Spending_c"].unit == "CNY"
    assert figures["Exact_c"].exact is True
    assert figures["Basic_c_2"].decimals == 1
    kinds = sorted((r.kind, tuple(r.operands())) for r in ledger.relations)
    assert kinds == [
        ("equal", ("Basic_c", "Basic_c_2")),
        ("sum", ("Basic_c", "Spending_c", "Projects_c")),
        ("sum", ("Spending_c", "Basic_c", "Projects_c")),
        ("sum", ("Staff_c", "Wages_c")),
    ]
    weights = {r.total: r.weights for r in ledger.relations if r.kind == "sum"}
    assert weights["Basic_c"] == [D(1), D(-1)]


def test_a_filing_is_checked_like_any_ledger(tmp_path: Path) -> None:
    result = perfcheck.check(_filing(tmp_path, CASE))
    by_relation = {c.relation: c.status for c in result.checks}
    staff = next(
        r.id for r in perfcheck.read(_filing(tmp_path, CASE)).relations if r.operands()[0] == "Staff_c"
    )
    assert by_relation[staff] == "not_checkable"  # 1559 with decimals -2: PC905, not judged
    assert [f.code for f in result.errors] == ["PC905"]
    broken = CASE.facts.copy()
    broken[0] = Fact("Spending", D("134.60"), 2)
    result = perfcheck.check(_filing(tmp_path / "b", Case("nearest", broken, CASE.summations)))
    assert {f.code for f in result.errors} == {"PC102", "PC905"}


def test_truncation_is_asked_for(tmp_path: Path) -> None:
    case = Case("truncate", [Fact("t", D("1.01"), 2), Fact("p", D("0.50"), 2), Fact("q", D("0.49"), 2)], [])
    case.summations.append(Summation("s", "t", ("p", "q"), (D(1), D(1))))
    path = _filing(tmp_path, case)
    from perfcheck._read.xbrl import read_xbrl  # noqa: PLC0415 - the module's own entry, with its option

    assert perfcheck.check(perfcheck.read(path)).ok is False  # nearest: [1.005, 1.015] against [0.98, 1.0]
    truncated = read_xbrl(path, rounding="truncate")
    assert truncated.rounding == "truncate"
    assert perfcheck.check(truncated).ok is False  # [1.01, 1.02) against [0.99, 1.01): no shared point


def test_without_arelle_the_error_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _filing(tmp_path, CASE)
    monkeypatch.setitem(sys.modules, "arelle", None)  # import arelle now raises ImportError
    with pytest.raises(
        perfcheck.LedgerError,
        match=r"filing\.xbrl: reading XBRL needs arelle-release: pip install 'perfcheck\[xbrl\]'",
    ):
        perfcheck.check(path)
    assert main(["check", str(path)]) == 2
    assert "reading XBRL needs arelle-release" in capsys.readouterr().err


def test_xbrl_given_as_bytes_is_refused_with_a_reason() -> None:
    with pytest.raises(perfcheck.LedgerError, match="read from its file"):
        perfcheck.read(b"<xbrl/>", format="xbrl")


def test_a_file_arelle_cannot_load_is_named(tmp_path: Path) -> None:
    path = tmp_path / "broken.xbrl"
    path.write_text("<xbrl", encoding="utf-8")
    with pytest.raises(perfcheck.LedgerError, match=r"broken\.xbrl: Arelle could not load it"):
        perfcheck.read(path)
