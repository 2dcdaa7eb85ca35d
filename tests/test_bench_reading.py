"""bench/reading.py keeps the sixth fresh set unseen: ``--all`` scores it only when its texts are given.

The texts of the real pages are never committed; these tests make empty folders (and, for the
case where the texts are given, one empty file named like an excerpt of the index) so that no
real page text is read.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _reading() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_reading", BENCH / "reading.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


reading = _reading()


def test_all_leaves_out_the_unseen_set_without_its_texts(tmp_path: Path) -> None:
    parts, skipped = reading.parts_for_all([tmp_path])
    assert "fresh6" not in parts
    assert parts[-1] == "fresh5"
    assert skipped is not None
    assert skipped.startswith("fresh6: skipped, its texts were not given")
    assert str(tmp_path) in skipped


def test_all_takes_the_unseen_set_when_a_folder_holds_its_texts(tmp_path: Path) -> None:
    entries = json.loads((BENCH / "corpus" / "index-fresh6.json").read_text(encoding="utf-8"))
    given = tmp_path / "given"
    given.mkdir()
    (given / entries[0]["file"]).write_text("", encoding="utf-8")
    parts, skipped = reading.parts_for_all([tmp_path / "elsewhere", given])
    assert parts[-1] == "fresh6"
    assert skipped is None


def test_main_all_prints_one_skip_line_and_scores_no_unseen_part(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert reading.main(["--all", "--texts", str(tmp_path), "--notes", "0"]) == 0
    lines = capsys.readouterr().out.splitlines()
    skips = [line for line in lines if line.startswith("fresh6:")]
    assert len(skips) == 1
    assert "skipped" in skips[0]
    assert [line.split(":")[0] for line in lines[1:]] == [
        "dev",
        "aside",
        "fresh",
        "fresh2",
        "fresh3",
        "fresh4",
        "fresh5",
        "whole",
    ]
