"""Batches: check_one / check_many, serial and over processes, ``check --jobs``, progress, Dask."""

from __future__ import annotations

import io
import json
import pickle
import sys
from pathlib import Path
from typing import Any

import dask
import dask.bag
import pytest

import perfcheck
from conftest import CASES, SEED
from perfcheck import BatchItem, LedgerError, check, check_many, check_one, load
from perfcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
CASE_FILES = sorted(CASES.glob("*.json"))


@pytest.fixture
def mixed(tmp_path: Path) -> list[Any]:
    """Good and bad documents of every kind check_many takes."""
    broken = tmp_path / "broken.json"
    broken.write_text('{"perfcheck": "1", "figures": [', encoding="utf-8")
    missing = tmp_path / "missing.json"
    lines = tmp_path / "batch.jsonl"
    lines.write_text(
        SEED.read_text(encoding="utf-8").replace("\n", " ") + "\n\nnot json\n" + '{"perfcheck": "9"}\n',
        encoding="utf-8",
    )
    return [
        *map(str, EXAMPLES),
        *CASE_FILES,  # path-like; expected.json there is not a ledger document
        str(broken),
        missing,
        str(lines),
        load(SEED),
        json.loads(SEED.read_text(encoding="utf-8")),
        {"perfcheck": "1", "figures": [{"id": "x"}]},
        '{"perfcheck": "1", "unit": "万元", "figures": [], "relations": []}'.encode(),
        b"\xff",
    ]


def test_items_name_each_document_and_keep_going_past_bad_ones(mixed: list[Any]) -> None:
    items = list(check_many(mixed))
    assert len(items) == len(EXAMPLES) + len(CASE_FILES) + 2 + 3 + 5
    names = [i.name for i in items]
    assert names[0] == str(EXAMPLES[0])
    assert any(n.endswith("batch.jsonl:1") for n in names)
    assert any(n.endswith("batch.jsonl:3") for n in names)  # blank line 2 skipped
    errors = {i.name.rsplit("/", 1)[-1]: i.problem for i in items if i.error is not None}
    first = len(EXAMPLES) + len(CASE_FILES) + 3  # positions of the documents given as data, from 1
    assert set(errors) == {
        "expected.json",
        "broken.json",
        "missing.json",
        "batch.jsonl:3",
        "batch.jsonl:4",
        f"<document {first + 3}>",
        f"<document {first + 5}>",
    }
    assert "cannot read" in str(errors["missing.json"])
    assert str(errors["batch.jsonl:3"]).startswith(f"{mixed[len(EXAMPLES) + len(CASE_FILES) + 2]}:3")
    for item in items:
        assert (item.result is None) == (item.error is not None)
        assert isinstance(item.error, LedgerError | None)
    # each good document is checked as check() checks it
    seed_items = [i for i in items if i.name == str(ROOT / "examples" / "seed-ziyang-fulian-2021.json")]
    assert seed_items[0].result == check(SEED)


def test_parallel_run_gives_the_serial_items_in_order(mixed: list[Any]) -> None:
    serial = list(check_many(mixed, select=["ALL"]))
    parallel = list(check_many(mixed, jobs=2, select=["ALL"], chunk_size=3))
    assert parallel == serial
    assert [i.name for i in parallel] == [i.name for i in serial]
    assert [i.problem for i in parallel] == [i.problem for i in serial]


def test_items_pickle_round_trip(mixed: list[Any]) -> None:
    items = list(check_many(mixed, locale="zh_CN"))
    back = pickle.loads(pickle.dumps(items))  # noqa: S301 - our own data
    assert back == items
    for a, b in zip(items, back, strict=True):
        if a.error is not None:
            assert isinstance(b.error, LedgerError)
            assert b.error.problems == a.error.problems


def test_check_many_is_lazy() -> None:
    def documents() -> Any:
        yield str(SEED)
        msg = "read too far"
        raise AssertionError(msg)

    items = check_many(documents())
    assert next(items).ok


def test_options_are_checked_before_any_document() -> None:
    with pytest.raises(ValueError, match="matches no rule"):
        check_many([str(SEED)], select=["PC9999"])
    with pytest.raises(ValueError, match="locale"):
        check_many([str(SEED)], locale="fr")
    with pytest.raises(ValueError, match="jobs"):
        check_many([str(SEED)], jobs=0)
    with pytest.raises(TypeError, match="cannot check a int"):
        list(check_many([3]))  # type: ignore[list-item]


def test_check_one_is_the_unit_of_work() -> None:
    item = check_one(str(CASES / "wuzhou-unit-2024-budget-yuan.json"), select=["PC2"])
    assert item.name.endswith("wuzhou-unit-2024-budget-yuan.json")
    assert item.result is not None
    assert [f.code for f in item.result.errors] == ["PC201"]
    assert check_one(b"[]", name="x").problem is not None
    assert check_one(load(SEED)).name == "<document>"
    several = check_one(str(CASES / "expected.json"))
    assert several.error is not None
    assert isinstance(item, BatchItem)


def test_dask_bag_gives_the_serial_results() -> None:
    paths = [*map(str, EXAMPLES), *map(str, CASE_FILES)]
    serial = [check_one(p) for p in paths]
    bag = dask.bag.from_sequence(paths, npartitions=2).map(check_one)
    assert bag.compute(scheduler="synchronous") == serial
    assert bag.compute(scheduler="processes", num_workers=2) == serial


# -- the command line ------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("fmt", ["table", "json", "sarif", "github"])
def test_jobs_gives_the_same_output(
    capsys: pytest.CaptureFixture[str], mixed: list[Any], tmp_path: Path, fmt: str
) -> None:
    series = tmp_path / "series.yaml"  # a YAML stream of two years of one entity, the later one wrong
    # (another entity than the examples', which have two reports for 2021)
    documents = [{**d, "entity": "测试单位"} for d in perfcheck.series_registry["PC801"].failing["documents"]]
    series.write_text("\n---\n".join(json.dumps(d, ensure_ascii=False) for d in documents), encoding="utf-8")
    paths = [str(p) for p in mixed if isinstance(p, str | Path)] + [str(ROOT / "examples"), str(series)]
    serial = run(capsys, "check", *paths, "--isolated", "--format", fmt)
    parallel = run(capsys, "check", *paths, "--isolated", "--format", fmt, "--jobs", "2")
    assert serial[0] == 2  # unusable inputs
    assert "PC801" in serial[1]
    assert parallel == serial


def test_jobs_must_be_a_positive_number(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", str(SEED), "--jobs", "0")
    assert code == 2
    assert "--jobs" in err


def many_lines(tmp_path: Path, n: int = 60) -> Path:
    lines = tmp_path / "many.jsonl"
    one = SEED.read_text(encoding="utf-8").replace("\n", " ")
    lines.write_text("\n".join([one] * n) + "\n", encoding="utf-8")
    return lines


def test_no_progress_when_stderr_is_not_a_terminal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, "check", str(many_lines(tmp_path)), "--isolated")
    assert code == 0
    assert err == ""
    assert "\r" not in out


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal_for_long_runs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for n, shown in ((60, True), (50, False)):
        err = Terminal()
        monkeypatch.setattr(sys, "stderr", err)
        assert main(["check", str(many_lines(tmp_path, n)), "--isolated", "--format", "json"]) == 0
        text = err.getvalue()
        assert (f"\rperfcheck: checked {n}/{n}" in text) is shown
        assert text.endswith("\r\x1b[K") is shown
        assert text.strip("\r\x1b[K") == "" or shown


def test_public_names() -> None:
    for name in ("check_many", "check_one", "BatchItem"):
        assert name in perfcheck.__all__
    assert dask.__version__


# -- JSON Lines over processes: workers read their lines where they are (issue 15) --------


@pytest.fixture
def seed_lines(tmp_path: Path) -> Path:
    """More lines than one worker's share, with blank lines, bad lines and broken reports among them."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import workloads  # noqa: PLC0415 - the benchmark's seed-shaped reports
    finally:
        sys.path.pop(0)
    reports = workloads.w2_lines(700).splitlines()
    reports[3] = b"not json"
    reports[400] = b'{"perfcheck": "1", "figures": [{"id": "x"}]}'
    reports[10] = b""
    reports[600] = b"   "
    path = tmp_path / "many.jsonl"
    path.write_bytes(b"\n".join(reports) + b"\n")
    return path


def test_json_lines_over_processes_give_the_serial_items(seed_lines: Path) -> None:
    from perfcheck._batch import LINES  # noqa: PLC0415 - the size of a worker's share

    assert LINES < 700  # several shares, the last one short
    serial = list(check_many([str(seed_lines)]))
    parallel = list(check_many([str(seed_lines)], jobs=2))
    assert parallel == serial
    assert [i.name for i in parallel] == [i.name for i in serial]
    # a bad line is reported with its line, the rest are checked
    bad = {i.line: i.problem for i in parallel if i.error is not None}
    assert set(bad) == {4, 401}
    assert all(str(seed_lines) + f":{line}" in str(p) for line, p in bad.items())
    assert len(parallel) == 700 - 2  # the blank lines are no documents
    broken = [i for i in parallel if i.result is not None and not i.result.ok]
    assert broken  # the workload breaks about 3 % of its reports
    # a result rebuilt from what the worker found works out its checks and coverage from
    # the line, as the serial one does, and localises itself
    for p, s in zip(parallel, serial, strict=True):
        if p.result is not None and s.result is not None:
            assert p.result.relations_checked == s.result.relations_checked
            assert p.result.coverage == s.result.coverage
    assert broken[0].result is not None
    one = next(i for i in serial if i.name == broken[0].name)
    assert one.result is not None
    assert broken[0].result.checks == one.result.checks


def test_json_lines_over_processes_give_the_serial_output(
    capsys: pytest.CaptureFixture[str], seed_lines: Path
) -> None:
    for fmt in ("table", "json"):
        serial = run(capsys, "check", str(seed_lines), "--isolated", "--format", fmt)
        parallel = run(capsys, "check", str(seed_lines), "--isolated", "--format", fmt, "--jobs", "2")
        assert parallel == serial
        assert serial[0] == 2  # two unusable lines
        assert f"{seed_lines}:4" in serial[2]


def test_a_worker_gets_where_a_line_is_and_sends_back_what_was_found(seed_lines: Path) -> None:
    from perfcheck._batch import _light, _options, _run_compact, path_tasks  # noqa: PLC0415
    from perfcheck._plain import Plain  # noqa: PLC0415 - what a worker sends back

    tasks = list(path_tasks(seed_lines))[:20]
    light = [_light(t) for t in tasks]
    assert all(t.payload == b"" and t.span is not None for t in light)  # no document's bytes
    options = _options(None, None, (), preview=False, locale="en")
    sent = _run_compact(light, options)
    assert len(sent) == len(tasks)
    kinds = [type(s).__name__ for s in sent]
    assert kinds[3] == "BatchItem"  # "not json": its error, with its place
    assert isinstance(sent[3], BatchItem)
    assert str(sent[3].problem).startswith(f"{seed_lines}:4")
    assert all(isinstance(s, Plain) for i, s in enumerate(sent) if i != 3)
    assert len(pickle.dumps(sent[0])) < len(pickle.dumps(check_one(tasks[0].payload)))


def test_a_file_changed_under_the_workers_gives_an_error_for_its_lines(seed_lines: Path) -> None:
    from perfcheck._batch import _light, path_tasks, read_lines  # noqa: PLC0415

    tasks = list(path_tasks(seed_lines))[:5]
    seed_lines.write_bytes(b"\n")  # truncated after the lines were found
    read = read_lines([_light(t) for t in tasks])
    assert all(isinstance(t.payload, LedgerError) for t in read)
    assert "changed while it was checked" in str(read[0].payload)
    seed_lines.unlink()
    read = read_lines([_light(t) for t in tasks])
    assert all(isinstance(t.payload, LedgerError) for t in read)
