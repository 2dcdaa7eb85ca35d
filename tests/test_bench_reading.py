"""bench/reading.py keeps the sixth and seventh fresh sets unseen: ``--all`` scores each only when its texts are given.

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
SEEN = ["dev", "aside", "fresh", "fresh2", "fresh3", "fresh4", "fresh5"]


def _reading() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_reading", BENCH / "reading.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


reading = _reading()


def _give(folder: Path, part: str) -> None:
    """Put one empty file named like the first excerpt of ``part`` in ``folder``."""
    entries = json.loads((BENCH / "corpus" / f"index-{part}.json").read_text(encoding="utf-8"))
    folder.mkdir(exist_ok=True)
    (folder / entries[0]["file"]).write_text("", encoding="utf-8")


def test_all_leaves_out_the_unseen_sets_without_their_texts(tmp_path: Path) -> None:
    parts, skipped = reading.parts_for_all([tmp_path])
    assert parts == SEEN
    assert [line.split(":")[0] for line in skipped] == ["fresh6", "fresh7"]
    for line in skipped:
        assert "skipped, its texts were not given" in line
        assert str(tmp_path) in line


def test_all_takes_the_sixth_set_when_a_folder_holds_its_texts(tmp_path: Path) -> None:
    given = tmp_path / "given"
    _give(given, "fresh6")
    parts, skipped = reading.parts_for_all([tmp_path / "elsewhere", given])
    assert parts == [*SEEN, "fresh6"]
    assert [line.split(":")[0] for line in skipped] == ["fresh7"]


def test_all_takes_the_seventh_set_only_when_a_folder_holds_its_texts(tmp_path: Path) -> None:
    given = tmp_path / "given"
    _give(given, "fresh7")
    parts, skipped = reading.parts_for_all([given])
    assert parts == [*SEEN, "fresh7"]
    assert [line.split(":")[0] for line in skipped] == ["fresh6"]
    _give(given, "fresh6")
    parts, skipped = reading.parts_for_all([given])
    assert parts == [*SEEN, "fresh6", "fresh7"]
    assert skipped == []


def test_the_seventh_set_names_no_excerpt_of_another_part() -> None:
    def names(part: str) -> set[str]:
        return {
            e["file"]
            for e in json.loads((BENCH / "corpus" / f"index-{part}.json").read_text(encoding="utf-8"))
        }

    seventh = names("fresh7")
    assert seventh
    for part in [*SEEN, "fresh6"]:
        assert not seventh & names(part), part


def test_main_all_prints_one_skip_line_per_unseen_part_and_scores_neither(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert reading.main(["--all", "--texts", str(tmp_path), "--notes", "0"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines[:2]] == ["fresh6", "fresh7"]
    assert all("skipped" in line for line in lines[:2])
    assert [line.split(":")[0] for line in lines[2:]] == [*SEEN, "whole"]


def test_main_fresh7_alone_notes_its_missing_texts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert reading.main(["--fresh7", "--texts", str(tmp_path), "--notes", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith(f"text missing from {tmp_path}")
    assert lines[-1].startswith("fresh7:")
