"""bench/reading.py keeps the sixth fresh set unseen: ``--all`` scores it only when its texts are given.

The texts of the real pages are never committed; these tests make empty folders (and, for the
case where the texts are given, one empty file named like an excerpt of the index) so that no
real page text is read.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest

import perfcheck

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


def test_precision_counts_stated_relations_matching_no_index_relation() -> None:
    text = (
        "某局2023年部门预算\n收入预算总额500万元，其中：财政拨款收入300万元，事业收入200万元。"
        "支出预算总额500万元，比上年增加50万元，增长11.1%。\n"
    )
    entry = {
        "file": "1-own-text.txt",
        "figures": ["500万元", "300万元", "200万元", "50万元", "11.1%"],
        "relations": [
            {"type": "sum", "figures": ["500万元", "300万元", "200万元"], "status": "exact", "statement": "s"}
        ],
    }
    score = reading.Score()
    reading.score_entry(entry, text, score)
    # the sum matches the index; the change (500, 50, 11.1%) matches none of its relations
    assert score.stated.total() == score.unmatched.total() + 1
    assert score.unmatched.total() >= 1
    assert any("changes.changes" in note and "11.1" in note for note in score.unmatched_notes)
    assert sum(score.kinds.values()) == score.unmatched.total()


def test_an_unmatched_equality_of_one_value_cannot_break() -> None:
    relation = perfcheck.EqualRelation(id="same", figures=["a", "b"])
    assert reading.kind_of_unmatched(relation, frozenset({Decimal(5)}), set(), set()) == "same value twice"
