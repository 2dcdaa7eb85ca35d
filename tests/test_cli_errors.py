"""Every unusable input gives a readable message and exit code 2, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CASES, SEED
from perfcheck.cli import main

WUZHOU = CASES / "wuzhou-unit-2024-budget-yuan.json"


def _write(name: str, text: str | bytes) -> Callable[[Path], list[str]]:
    def make(tmp: Path) -> list[str]:
        path = tmp / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return ["check", str(path)]

    return make


def _empty_folder(tmp: Path) -> list[str]:
    (tmp / "empty" / "sub").mkdir(parents=True)
    (tmp / "empty" / "notes.txt").write_text("no documents here", encoding="utf-8")
    return ["check", str(tmp / "empty")]


def _config(text: str) -> Callable[[Path], list[str]]:
    def make(tmp: Path) -> list[str]:
        (tmp / "perfcheck.toml").write_text(text, encoding="utf-8")
        return ["check", str(WUZHOU), "--config", str(tmp / "perfcheck.toml")]

    return make


def _baseline(text: str) -> Callable[[Path], list[str]]:
    def make(tmp: Path) -> list[str]:
        (tmp / "b.toml").write_text(text, encoding="utf-8")
        return ["check", str(WUZHOU), "--isolated", "--baseline", str(tmp / "b.toml")]

    return make


CASES_OF_UNUSABLE_INPUT: dict[str, tuple[Callable[[Path], list[str]], str]] = {
    "missing file": (lambda tmp: ["check", str(tmp / "nope.json")], "nope.json: cannot read: No such file"),
    "folder without documents": (
        _empty_folder,
        "no ledger documents (*.json, *.jsonl, *.toml, *.yaml, *.yml) found",
    ),
    "invalid JSON": (_write("bad.json", '{"perfcheck": "1",'), "bad.json:1:19: invalid JSON"),
    "not UTF-8": (_write("latin.json", b'{"title": "\xe9"}'), "latin.json: not UTF-8 text"),
    "empty JSON": (_write("empty.json", ""), "empty.json: empty document"),
    "JSON that is not a ledger": (_write("list.json", "[1, 2]"), "list.json: not a valid ledger document"),
    "invalid TOML": (_write("bad.toml", 'perfcheck = "1"\nunit = \n'), "bad.toml:2:8: invalid TOML"),
    "TOML not UTF-8": (_write("bad2.toml", b"title = '\xff'\n"), "bad2.toml: not UTF-8 text"),
    "invalid YAML": (_write("bad.yaml", "perfcheck: '1'\nfigures: [\n"), "bad.yaml:3:1: invalid YAML"),
    "YAML with a tab": (_write("tab.yml", "a:\n\t- b\n"), "tab.yml:2:1: invalid YAML"),
    "YAML with a python tag": (
        _write("tag.yaml", "!!python/object/apply:os.system ['echo hi']\n"),
        "invalid YAML",
    ),
    "bad JSON Lines line": (_write("b.jsonl", '{"perfcheck": "1"}\n{oops\n'), "b.jsonl:2:2: invalid JSON"),
    "deeply nested YAML": (
        _write("deep.yaml", "[" * 5000 + "]" * 5000),
        "deep.yaml: invalid YAML: nested too deeply",
    ),
    "deeply nested TOML": (
        _write("deep.toml", "a = " + "[" * 5000 + "]" * 5000),
        "deep.toml: invalid TOML: nested too deeply",
    ),
    "bad config key": (_config("selectt = ['PC1']\n"), "perfcheck.toml: unknown key 'selectt'"),
    "bad config type": (_config("exit-zero = 1\n"), "exit-zero must be true or false"),
    "bad baseline": (
        _baseline("[[acknowledgement]]\ncode = 'PC201'\n"),
        "b.toml: acknowledgement 1: figures is missing",
    ),
    "baseline without reason": (
        _baseline("[[acknowledgement]]\ncode = 'PC201'\nfigures = []\nreason = ''\n"),
        "1 acknowledgement has no reason",
    ),
    "unknown format": (lambda _tmp: ["check", str(SEED), "--format", "xml"], "invalid choice: 'xml'"),
    "unknown selector": (
        lambda _tmp: ["check", str(SEED), "--isolated", "--select", "PC7"],
        "'PC7' matches no rule",
    ),
    "unknown rule to explain": (lambda _tmp: ["explain", "PC999"], "no rule 'PC999'"),
    "no command": (lambda _tmp: [], "the following arguments are required"),
}


@pytest.mark.parametrize("case", CASES_OF_UNUSABLE_INPUT)
def test_unusable_input_exits_two_with_a_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, case: str
) -> None:
    make, expected = CASES_OF_UNUSABLE_INPUT[case]
    code = main(make(tmp_path))
    _, err = capsys.readouterr()
    assert code == 2
    assert expected in err
    assert "Traceback" not in err


#: A sample of the cases above run through a real process (each run costs a second).
THROUGH_A_PROCESS = ("missing file", "invalid YAML", "bad JSON Lines line", "bad config key", "bad baseline")


def test_no_traceback_from_the_installed_command(tmp_path: Path) -> None:
    """Some of the same inputs, through the real process: stderr holds messages, never a traceback."""
    for case in THROUGH_A_PROCESS:
        make, expected = CASES_OF_UNUSABLE_INPUT[case]
        proc = subprocess.run(
            [sys.executable, "-m", "perfcheck", *make(tmp_path)],
            capture_output=True,
            text=True,
            check=False,
            cwd=tmp_path,
        )
        assert proc.returncode == 2, (case, proc.stderr)
        assert expected in proc.stderr, case
        assert "Traceback" not in proc.stderr, case


def test_broken_pipe_is_quiet(tmp_path: Path) -> None:
    """`perfcheck check ... | head -1`: the reader leaves early; no traceback."""
    big = tmp_path / "many.jsonl"
    line = WUZHOU.read_text(encoding="utf-8").replace("\n", "")
    big.write_text("\n".join([line] * 300), encoding="utf-8")
    script = f"{sys.executable} -m perfcheck check {big} --isolated --format github | head -1"
    proc = subprocess.run(["sh", "-c", script], capture_output=True, text=True, check=False)  # noqa: S607 - a fixed shell pipeline
    assert proc.stdout.startswith("::error ")
    assert "Traceback" not in proc.stderr
    assert "BrokenPipeError" not in proc.stderr
