"""perfcheck.testing and the pytest plugin: assertions, failure messages, the fixture, the entry point."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pandas as pd
import pytest

import perfcheck
from conftest import EXAMPLES, SEED
from perfcheck import FundFlow, LineItem, Report
from perfcheck.testing import Checker, assert_consistent

pytest_plugins = ["pytester"]

MISTAKES = EXAMPLES / "seed-with-mistakes.json"

#: The reconciliation rows the broken seed (基本支出 82.67 printed as 86.27) must show. Computed
#: numbers may carry trailing zeros (138.16 or 138.1600): the number, not its spelling, is checked.
SPENDING_ROW = re.compile(
    r"spending_split\s+PC102\s+134\.56\s+138\.160*\s+\[138\.1450*, 138\.1750*\]\s+-3\.600*\s+万元"
)
BASIC_ROW = re.compile(r"basic_split\s+PC102\s+86\.27\s+82\.670*\s+\[82\.6550*, 82\.6850*\]\s+3\.600*\s+万元")
HEADER = re.compile(r"relation\s+rule\s+stated\s+computed\s+allowed\s+difference\s+unit")


def broken_seed() -> perfcheck.Ledger:
    text = perfcheck.dumps(perfcheck.load(SEED))
    assert text.count('"82.67"') == 1
    return perfcheck.loads(text.replace('"82.67"', '"86.27"'))


# --- assert_consistent -------------------------------------------------------------------------


def test_a_clean_path_passes_and_returns_the_result() -> None:
    result = assert_consistent(SEED)
    assert isinstance(result, perfcheck.Result)
    assert result.ok
    assert len({c.relation for c in result.checks}) == 27


def test_a_string_path_a_ledger_and_a_report_pass() -> None:
    assert assert_consistent(str(SEED)).ok
    assert assert_consistent(perfcheck.load(SEED)).ok
    report = Report(
        fund_flow=FundFlow(carryover_in="2.21", income="132.35", spending="134.56", carryover_out="0"),
        spending=[LineItem(label="基本支出", amount="82.67"), LineItem(label="项目经费支出", amount="51.89")],
    )
    assert assert_consistent(report).ok


def test_a_broken_ledger_fails_with_the_reconciliation_of_the_broken_relations() -> None:
    with pytest.raises(AssertionError) as info:
        assert_consistent(broken_seed())
    message = str(info.value)
    lines = message.splitlines()
    assert lines[0] == "perfcheck found 2 errors in 资阳区妇联2021年整体绩效自评报告"
    assert HEADER.search(message)
    assert SPENDING_ROW.search(message)
    assert BASIC_ROW.search(message)
    # Only the broken relations are tabulated, not the 25 that hold.
    assert "holds" not in message
    assert "fund_balance" not in message
    # Every error's message, then where each of its figures was printed.
    assert (
        "PC102 spending_split: 总支出 is printed as 134.56 万元, but 基本支出 + 项目经费支出 add up to 138.16 万元"
        in message
    )
    assert "  spending (总支出) printed as 134.56 in 一（四）, line 58: “总支出134.56万元”" in lines
    assert "  basic (基本支出) printed as 86.27 in 一（四）1, line 60: “基本支出82.67万元”" in lines
    assert "PC102 basic_split: 基本支出 is printed as 86.27 万元" in message


def test_the_failure_is_a_plain_assertion_error_not_a_perfcheck_error() -> None:
    with pytest.raises(AssertionError) as info:
        assert_consistent(broken_seed())
    assert type(info.value) is AssertionError
    assert not isinstance(info.value, perfcheck.PerfcheckError)


def test_a_path_is_named_in_the_failure(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text(perfcheck.dumps(broken_seed()), encoding="utf-8")
    with pytest.raises(AssertionError, match=r"^perfcheck found 2 errors in .*broken\.json \(资阳区"):
        assert_consistent(path)


def test_errors_without_a_relation_check_are_listed_without_a_table() -> None:
    with pytest.raises(AssertionError) as info:
        assert_consistent(MISTAKES, select=["PC603"])
    message = str(info.value)
    assert not HEADER.search(message)
    assert "PC603: 上年结转" in message
    assert "carryover_in (上年结转" in message


def test_every_error_of_the_mistakes_example_is_reported() -> None:
    result = perfcheck.check(MISTAKES)
    with pytest.raises(AssertionError) as info:
        assert_consistent(MISTAKES)
    message = str(info.value)
    assert message.startswith(f"perfcheck found {len(result.errors)} errors in ")
    for finding in result.errors:
        assert finding.message in message
    # The PC901 relation that cannot be checked appears in the table with empty numbers.
    assert re.search(r"^screening_rate\s+PC901\s*$", message, flags=re.MULTILINE)


def test_warnings_do_not_fail() -> None:
    result = assert_consistent(MISTAKES, select=["PC602", "PC604"])
    assert result.ok
    assert {f.code for f in result.warnings} == {"PC602", "PC604"}


def test_ignore_and_select_choose_the_rules() -> None:
    assert assert_consistent(broken_seed(), ignore=["PC102"]).ok
    assert assert_consistent(broken_seed(), select=["PC2"]).ok
    with pytest.raises(AssertionError):
        assert_consistent(broken_seed(), select=["PC1"])


def test_a_bad_prefix_is_refused_at_call_time_before_the_document_is_read(tmp_path: Path) -> None:
    missing = tmp_path / "missing.json"
    with pytest.raises(ValueError, match="rule selector 'PC7' matches no rule"):
        assert_consistent(missing, select=["PC7"])
    with pytest.raises(ValueError, match="rule selector 'XX' matches no rule"):
        assert_consistent(missing, ignore=["XX"])


def test_a_string_instead_of_a_list_is_refused() -> None:
    # "PC1" would otherwise be read as the prefixes "P", "C", "1".
    with pytest.raises(TypeError, match=r"select takes a list of code prefixes, e.g. select=\['PC1'\]"):
        assert_consistent(SEED, select="PC1")
    with pytest.raises(TypeError, match="ignore takes a list"):
        assert_consistent(SEED, ignore="PC1")


def test_options_that_leave_no_rule_are_refused() -> None:
    # Otherwise the assertion would pass whatever the report says.
    with pytest.raises(ValueError, match="leaves no rule to run"):
        assert_consistent(broken_seed(), select=[])
    with pytest.raises(ValueError, match="leaves no rule to run"):
        assert_consistent(broken_seed(), select=["PC1"], ignore=["PC1"])


def test_options_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        assert_consistent(SEED, ["PC1"])  # type: ignore[misc]


def test_an_unreadable_document_is_not_an_assertion(tmp_path: Path) -> None:
    with pytest.raises(perfcheck.LedgerError):
        assert_consistent(tmp_path / "missing.json")


# --- Checker -----------------------------------------------------------------------------------


def test_checker_resolves_relative_paths_against_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "broken.json").write_text(perfcheck.dumps(broken_seed()), encoding="utf-8")
    monkeypatch.chdir(EXAMPLES)
    checker = Checker(tmp_path)
    assert checker.path("data/broken.json") == tmp_path / "data" / "broken.json"
    assert checker.path(SEED) == SEED
    assert checker.check("data/broken.json").broken() == {"spending_split", "basic_split"}
    with pytest.raises(AssertionError, match=str(tmp_path / "data" / "broken.json")):
        checker.assert_consistent("data/broken.json")
    assert checker.assert_consistent(perfcheck.load(SEED)).ok
    assert checker.assert_consistent(SEED).ok
    assert repr(checker) == f"Checker({str(tmp_path)!r})"


def test_checker_validates_its_options() -> None:
    with pytest.raises(ValueError, match="PC7"):
        Checker().check(SEED, select=["PC7"])
    with pytest.raises(TypeError, match="not a string"):
        Checker().assert_consistent(SEED, ignore="PC1")


# --- the plugin, through pytest ----------------------------------------------------------------


def write_ledgers(where: Path) -> None:
    where.mkdir(parents=True, exist_ok=True)
    (where / "clean.json").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (where / "broken.json").write_text(perfcheck.dumps(broken_seed()), encoding="utf-8")


def test_a_users_test_passes_on_a_clean_ledger_and_fails_with_the_table(pytester: pytest.Pytester) -> None:
    write_ledgers(pytester.path)
    pytester.makepyfile(
        test_budget="""
        from perfcheck.testing import assert_consistent

        def test_clean():
            assert_consistent("clean.json")

        def test_broken():
            assert_consistent("broken.json")
        """
    )
    result = pytester.runpytest("-W", "error")  # users' strict warning settings too
    result.assert_outcomes(passed=1, failed=1)
    out = result.stdout.str()
    # pytest points at the user's line, not into perfcheck.testing (__tracebackhide__).
    result.stdout.fnmatch_lines(
        [
            '>       assert_consistent("broken.json")',
            "E       AssertionError: perfcheck found 2 errors in broken.json (资阳区妇联2021年整体绩效自评报告)",
        ]
    )
    assert "def assert_consistent" not in out
    assert "__tracebackhide__" not in out
    assert HEADER.search(out)
    assert SPENDING_ROW.search(out)
    assert BASIC_ROW.search(out)
    assert "spending (总支出) printed as 134.56 in 一（四）, line 58" in out
    result.stdout.fnmatch_lines(
        ["FAILED test_budget.py::test_broken - AssertionError: perfcheck found 2 errors*"]
    )


def test_the_fixture_resolves_paths_against_the_test_file(pytester: pytest.Pytester) -> None:
    write_ledgers(pytester.path / "reports" / "data")
    pytester.makepyfile(
        **{
            "reports/test_reports": """
            import perfcheck

            def test_clean(perfchecker):
                result = perfchecker.assert_consistent("data/clean.json")
                assert result.ok and isinstance(result, perfcheck.Result)

            def test_check_returns_the_findings(perfchecker):
                assert perfchecker.check("data/broken.json").broken() == {"spending_split", "basic_split"}

            def test_broken(perfchecker):
                perfchecker.assert_consistent("data/broken.json", ignore=["PC6"])

            def test_bad_prefix(perfchecker):
                perfchecker.assert_consistent("data/clean.json", select=["PC7"])
            """
        }
    )
    # Run from the folder above: relative paths still resolve next to the test file.
    result = pytester.runpytest("-W", "error", "reports")
    result.assert_outcomes(passed=2, failed=2)
    out = result.stdout.str()
    result.stdout.fnmatch_lines(
        [
            '>       perfchecker.assert_consistent("data/broken.json", ignore=["PC6"])',
            # shown relative to where pytest runs, not as the test folder joined to the path
            "E       AssertionError: perfcheck found 2 errors in reports/data/broken.json (*)",
        ]
    )
    assert SPENDING_ROW.search(out)
    assert BASIC_ROW.search(out)
    # A usage error points at the user's line too, without perfcheck's frames.
    result.stdout.fnmatch_lines(
        [
            '>       perfchecker.assert_consistent("data/clean.json", select=["PC7"])',
            "E       ValueError: rule selector 'PC7' matches no rule*",
        ]
    )
    assert "_registry.py" not in out


def test_the_plugin_loads_through_its_entry_point(pytester: pytest.Pytester) -> None:
    write_ledgers(pytester.path)
    pytester.makepyfile(
        test_entry="""
        def test_fixture(perfchecker):
            perfchecker.assert_consistent("broken.json")
        """
    )
    result = pytester.runpytest_subprocess()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([f"perfcheck {version('perfcheck')}", "plugins: *perfcheck-*"])
    assert SPENDING_ROW.search(result.stdout.str())
    # Without the plugin there is no fixture: it came from the entry point.
    result = pytester.runpytest_subprocess("-p", "no:perfcheck")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*fixture 'perfchecker' not found*"])
    assert "perfcheck 0" not in result.stdout.str()


def test_the_plugin_imports_nothing_heavy() -> None:
    # pytest imports every installed plugin at start-up, in every project of the environment.
    code = (
        "import _perfcheck_pytest_plugin, sys; "
        "print([m for m in sys.modules if m.startswith(('pydantic', 'perfcheck', 'babel', 'tabulate'))])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_plugin_is_the_entry_point() -> None:
    from importlib.metadata import entry_points  # noqa: PLC0415

    (entry,) = [e for e in entry_points(group="pytest11") if e.name == "perfcheck"]
    assert entry.value == "_perfcheck_pytest_plugin"


def test_the_header_names_the_version_or_says_it_is_not_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    import _perfcheck_pytest_plugin as plugin  # noqa: PLC0415

    assert plugin.pytest_report_header() == f"perfcheck {version('perfcheck')}"

    def missing(name: str) -> str:
        raise PackageNotFoundError(name)

    monkeypatch.setattr(plugin, "version", missing)
    assert plugin.pytest_report_header() == "perfcheck (not installed)"


def test_a_bad_document_fails_a_test_on_one_line_with_a_suggestion(pytester: pytest.Pytester) -> None:
    """Issue 20, item 7: a path through ``..`` shown resolved, a misspelt key with "did you mean"."""
    reports = pytester.path / "reports"
    reports.mkdir()
    (reports / "summary.json").write_text(
        json.dumps(
            {
                "perfcheck": "1",
                "unit": "万元",
                "figures": [{"id": "t", "value": "3.00"}, {"id": "a", "value": "1.00"}],
                "relations": [{"id": "s", "kind": "sum", "total": "t", "parts": ["a"], "exhaustve": False}],
            }
        ),
        encoding="utf-8",
    )
    pytester.makepyfile(
        **{
            "tests/test_summary": """
            def test_summary(perfchecker):
                perfchecker.assert_consistent("../reports/summary.json")
            """
        }
    )
    result = pytester.runpytest("tests")
    result.assert_outcomes(failed=1)
    lines = [line for line in result.stdout.lines if line.startswith("E ")]
    assert lines == [
        (
            "E       perfcheck._core.errors.LedgerError: reports/summary.json: not a valid ledger document "
            "(1 problem): line 1: relations[0].exhaustve (id 's'): unknown key; did you mean 'exhaustive'?"
        )
    ]
    assert "/tests/../" not in result.stdout.str()
    assert "_api.py" not in result.stdout.str()


def _as(kind: str, tmp_path: Path) -> object:
    """The seed report given the way ``kind`` says, each a way :func:`perfcheck.read` reads."""
    text = SEED.read_text(encoding="utf-8")
    path = tmp_path / "seed.json"
    path.write_text(text, encoding="utf-8")
    ways = {
        "dict": lambda: json.loads(text),
        "path": lambda: path,
        "str path": lambda: str(path),
        "bytes": text.encode,
        "text": lambda: text,
        "file": lambda: io.BytesIO(text.encode()),
        "ledger": lambda: perfcheck.loads(text),
        "frame": lambda: pd.DataFrame(
            [("合计", "3.00"), ("甲", "1.00"), ("乙", "2.00")], columns=["项目", "金额（万元）"]
        ),
    }
    return ways[kind]()


@pytest.mark.parametrize("kind", ["dict", "path", "str path", "bytes", "text", "file", "ledger", "frame"])
def test_check_assert_consistent_and_the_checker_take_what_read_takes(kind: str, tmp_path: Path) -> None:
    """Issue 20, item 4: a mapping (the trial's dict), a path, bytes, text, a file, a model, a frame."""
    assert perfcheck.check(_as(kind, tmp_path)).ok  # type: ignore[arg-type]
    assert assert_consistent(_as(kind, tmp_path)).ok  # type: ignore[arg-type]
    assert Checker(tmp_path).assert_consistent(_as(kind, tmp_path)).ok  # type: ignore[arg-type]
