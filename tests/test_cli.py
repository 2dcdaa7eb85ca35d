"""The perfcheck command: formats, exit codes, rules and explain."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CASES, SEED
from perfcheck import default_registry
from perfcheck.cli import main

WUZHOU = CASES / "wuzhou-unit-2024-budget-yuan.json"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_clean_report_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(SEED))
    assert code == 0
    assert "0 errors" in out


@pytest.mark.parametrize("fmt", ["table", "markdown", "html"])
def test_table_formats(capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    code, out, _ = run(capsys, "check", str(WUZHOU), "--format", fmt)
    assert code == 1
    assert "PC201" in out
    assert "R4" in out
    if fmt == "markdown":
        assert "| code" in out
    if fmt == "html":
        assert out.startswith("<!doctype html>")
        assert '<article class="pc-card pc-error" id="c-R4" data-code="PC201"' in out


def test_json_format_follows_the_spec(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(WUZHOU), "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert data["summary"]["errors"] == 2
    for finding in data["findings"]:
        assert {"code", "severity", "relation", "figures", "message"} <= set(finding)
    r4 = next(f for f in data["findings"] if f.get("relation") == "R4")
    assert r4["actual"] == "19.62"
    assert isinstance(r4["expected"], str)
    assert len(r4["allowed"]) == 2
    assert r4["locations"][0]["source"]["section"] == "五、(二)2."


def test_select_and_ignore(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(WUZHOU), "--ignore", "PC201,PC502")
    assert code == 0
    assert "PC602" in out  # the warning remains
    code, out, _ = run(capsys, "check", str(WUZHOU), "--select", "PC5")
    assert code == 1
    assert "PC201" not in out


def test_exit_zero(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(capsys, "check", str(WUZHOU), "--exit-zero")
    assert code == 0


def test_unusable_input_exits_two_without_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"perfcheck": "1", "figures": [{"id": "a", "value": "x"}]}', encoding="utf-8")
    code, _, err = run(capsys, "check", str(bad))
    assert code == 2
    assert "bad.json" in err
    assert "'a'" in err
    assert "Traceback" not in err


def test_one_bad_file_does_not_stop_the_others(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    code, out, err = run(capsys, "check", str(bad), str(WUZHOU))
    assert code == 2
    assert "bad.json" in err
    assert "R4" in out


def test_json_for_several_files_is_one_list(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(SEED), str(WUZHOU), "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert [d["path"] for d in data] == [str(SEED), str(WUZHOU)]
    assert [d["summary"]["errors"] for d in data] == [0, 2]


def test_unknown_selector_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", str(SEED), "--select", "PC7")
    assert code == 2
    assert "matches no rule" in err


def test_usage_error_exits_two(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(capsys, "check")
    assert code == 2


def test_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(WUZHOU.read_bytes())))
    code, out, _ = run(capsys, "check", "-")
    assert code == 1
    assert "R4" in out


def test_rules_lists_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules")
    assert code == 0
    for r in default_registry:
        assert r.code in out
        assert r.name in out


def test_explain(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "explain", "PC201")
    assert code == 0
    assert "share" in out
    assert "**Why.**" in out
    code, _, err = run(capsys, "explain", "PC999")
    assert code == 2
    assert "no rule" in err


def test_console_script_runs_as_a_module() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "perfcheck", "check", str(WUZHOU), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1
    assert json.loads(proc.stdout)["summary"]["errors"] == 2


def test_the_core_never_imports_the_command_line_modules() -> None:
    code = (
        "import sys, perfcheck; perfcheck.check('examples/seed-ziyang-fulian-2021.json');"
        "perfcheck.load('tests/data/cases/wuzhou-unit-2024-budget-yuan.json');"
        "print(sorted(m for m in sys.modules if m in ('perfcheck.cli', 'perfcheck.render', 'perfcheck._baseline',"
        " 'perfcheck._config', 'perfcheck._read.formats', 'yaml')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
