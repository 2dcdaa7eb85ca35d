"""bench/reading.py keeps the sixth to ninth fresh sets unseen: ``--all`` scores each only when its texts are given.

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
SEEN = ["dev", "aside", "fresh", "fresh2", "fresh3", "fresh4", "fresh5"]
UNSEEN = ("fresh6", "fresh7", "fresh8", "fresh9")


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
    assert [line.split(":")[0] for line in skipped] == list(UNSEEN)
    for line in skipped:
        assert "skipped, its texts were not given" in line
        assert str(tmp_path) in line


@pytest.mark.parametrize(
    "given_parts",
    [
        ("fresh6",),
        ("fresh7",),
        ("fresh8",),
        ("fresh9",),
        ("fresh6", "fresh7"),
        ("fresh7", "fresh8"),
        ("fresh8", "fresh9"),
        ("fresh6", "fresh9"),
        UNSEEN,
    ],
)
def test_all_takes_exactly_the_unseen_sets_a_folder_holds_texts_of(
    given_parts: tuple[str, ...], tmp_path: Path
) -> None:
    given = tmp_path / "given"
    for part in given_parts:
        _give(given, part)
    parts, skipped = reading.parts_for_all([tmp_path / "elsewhere", given])
    assert parts == [*SEEN, *(part for part in UNSEEN if part in given_parts)]
    assert [line.split(":")[0] for line in skipped] == [part for part in UNSEEN if part not in given_parts]


def test_the_seventh_eighth_and_ninth_sets_name_no_excerpt_of_another_part() -> None:
    def names(part: str) -> set[str]:
        return {
            e["file"]
            for e in json.loads((BENCH / "corpus" / f"index-{part}.json").read_text(encoding="utf-8"))
        }

    seventh = names("fresh7")
    assert seventh
    for part in [*SEEN, "fresh6"]:
        assert not seventh & names(part), part
    eighth = names("fresh8")
    assert eighth
    for part in [*SEEN, "fresh6", "fresh7"]:
        assert not eighth & names(part), part
    ninth = names("fresh9")
    assert ninth
    for part in [*SEEN, "fresh6", "fresh7", "fresh8"]:
        assert not ninth & names(part), part


def test_the_ninth_set_shares_no_address_or_publisher_with_an_earlier_part() -> None:
    def entries(part: str) -> list[dict[str, object]]:
        return list(json.loads((BENCH / "corpus" / f"index-{part}.json").read_text(encoding="utf-8")))

    def address(entry: dict[str, object]) -> str:
        text = str(entry["source"]).strip().lower()
        return text.split("://", 1)[-1].removeprefix("www.").rstrip("/")

    earlier = [entry for part in [*SEEN, "fresh6", "fresh7", "fresh8"] for entry in entries(part)]
    ninth = entries("fresh9")
    assert len(ninth) >= 25
    assert not {address(e) for e in ninth} & {address(e) for e in earlier}
    publishers = {str(e["publisher"]) for e in earlier if "publisher" in e}
    assert all(str(e["publisher"]) not in publishers for e in ninth)


def test_main_all_prints_one_skip_line_per_unseen_part_and_scores_neither(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert reading.main(["--all", "--texts", str(tmp_path), "--notes", "0"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines[:4]] == list(UNSEEN)
    assert all("skipped" in line for line in lines[:4])
    assert [line.split(":")[0] for line in lines[4:]] == [*SEEN, "whole"]


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


@pytest.mark.parametrize("part", ["fresh7", "fresh8", "fresh9"])
def test_main_unseen_part_alone_notes_its_missing_texts(
    part: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert reading.main([f"--{part}", "--texts", str(tmp_path), "--notes", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith(f"text missing from {tmp_path}")
    assert lines[-1].startswith(f"{part}:")


def _rate_entry() -> dict[str, object]:
    return {
        "file": "2-own-text.txt",
        "figures": ["600万元", "500万元", "100万元", "20%"],
        "relations": [
            {
                "type": "change",
                "figures": ["100万元", "600万元", "500万元"],
                "status": "exact",
                "statement": "d",
            },
            {"type": "change", "figures": ["20%", "100万元", "500万元"], "status": "exact", "statement": "r"},
        ],
    }


def test_a_rate_written_over_the_amount_counts_built_when_the_amount_is_built() -> None:
    # the index writes the rate as 20 = 100 / 500; the reader states it as (600 - 500) / 500,
    # and the amount as 600 - 500 = 100: one system over the same four printed figures
    text = "某局2023年决算\n支出合计600万元，比上年的500万元增加100万元，增长20%。\n"
    score = reading.Score()
    reading.score_entry(_rate_entry(), text, score)
    assert (score.built, score.relations) == (2, 2)


def test_a_rate_with_no_amount_built_beside_it_is_not_the_rate_over_the_amount() -> None:
    ids = {"c": Decimal(600), "p": Decimal(500), "d": Decimal(100), "r": Decimal(20), "q": Decimal(400)}
    rate = perfcheck.ChangeRelation(id="r1", current="c", prior="p", percent="r", direction="increase")
    assert reading.rates_over_amounts([rate], ids) == []
    # an amount against another prior is another change: its rate over the amount is not built
    other = perfcheck.ChangeRelation(id="d1", current="c", prior="q", delta="d", direction="increase")
    assert reading.rates_over_amounts([rate, other], ids) == []
    amount = perfcheck.ChangeRelation(id="d2", current="c", prior="p", delta="d", direction="increase")
    assert reading.rates_over_amounts([rate, amount], ids) == [
        frozenset({Decimal(500), Decimal(100), Decimal(20)})
    ]
