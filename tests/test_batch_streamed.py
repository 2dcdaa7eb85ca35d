"""``perfcheck check`` writing each document where it is checked (issue 15, W2).

The command keeps a document's part of the output, not its result, and writes a clean
JSON document from the fast path's counts alone; with ``--jobs`` the workers render their
share. What it prints must be what rendering every document's result prints: these tests
build that expectation through the public API (``check_many`` and ``render_documents``)
and compare the text, byte for byte, for batches mixing clean, failing, unusable and
non-plain documents, JSON Lines and folders, one process and two.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

import perfcheck
from conftest import CASES, SEED
from perfcheck import _api, _batch, _commands
from perfcheck.cli import main
from perfcheck.render import STREAMED, Checked, render_documents

MISTAKES = SEED.parent / "seed-with-mistakes.json"


def _plain(total: str, title: str) -> str:
    """A plain document (the fast path reads it): one sum of 1.00 and 1.00 against ``total``."""
    return json.dumps(
        {
            "perfcheck": "1",
            "title": title,
            "unit": "万元",
            "figures": [
                {"id": "t", "value": total},
                {"id": "a", "value": "1.00"},
                {"id": "b", "value": "1.00"},
            ],
            "relations": [{"id": "s", "kind": "sum", "total": "t", "parts": ["a", "b"]}],
        },
        ensure_ascii=False,
    )


def _one_line(path: Path) -> str:
    return json.dumps(json.loads(path.read_text(encoding="utf-8")), ensure_ascii=False)


@pytest.fixture
def batch(tmp_path: Path) -> list[str]:
    """A JSON Lines file and a folder: clean, failing, unusable, non-plain and blank."""
    seed, mistakes = _one_line(SEED), _one_line(MISTAKES)
    lines = tmp_path / "reports.jsonl"
    documents = [
        _plain("2.00", "plain"),
        mistakes,
        "",
        "not json",
        _plain("约2.00", "qualified"),  # a figure the column does not read: its sum goes to the full path
        seed,  # not plain: the full check
        _plain("2.10", "plain, broken"),
        _plain("2.01", "plain, within rounding"),
    ]
    lines.write_text("\n".join(documents) + "\n", encoding="utf-8")
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "a.json").write_text(seed, encoding="utf-8")
    (folder / "b.json").write_text(mistakes, encoding="utf-8")
    (folder / "c.json").write_text('{"perfcheck": "1", "figures": [', encoding="utf-8")
    for case in sorted(CASES.glob("*.json"))[:3]:
        (folder / case.name).write_bytes(case.read_bytes())
    return [str(lines), str(folder)]


def _expected(paths: list[str], fmt: str, locale: str = "en") -> str:
    """What rendering every checked document's result prints (the run selects no series rule here)."""
    items = list(perfcheck.check_many(paths, locale=locale))
    checked = [Checked(i.name, i.path or i.name, i.line, i.result) for i in items if i.result is not None]
    return render_documents(checked, fmt, locale=locale) + "\n"


@pytest.mark.parametrize("fmt", STREAMED)
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_streamed_output_is_the_rendered_results(
    batch: list[str], fmt: str, jobs: str, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    code = main(["check", *batch, "--isolated", "--ignore", "PC8", "--format", fmt, "--jobs", jobs])
    out, err = capsys.readouterr()
    assert code == 2  # unusable documents
    assert out == _expected(batch, fmt)
    # nothing lost: the bad line is named with its file and line, the broken file too
    assert f"{batch[0]}:4" in err
    assert "c.json" in err
    assert out.count("seed-with-mistakes") == 0  # named by path and line, not by title
    assert out.count("PC102") >= 2  # the mistakes, found in the line and in the file


def test_streamed_output_in_chinese(batch: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    main(["check", *batch, "--isolated", "--ignore", "PC8", "--locale", "zh_CN"])
    assert capsys.readouterr().out == _expected(batch, "table", "zh_CN")


@pytest.mark.parametrize("fmt", STREAMED)
def test_a_single_document_is_its_object(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["check", str(MISTAKES), "--isolated", "--format", fmt]) == 1
    result = perfcheck.check(MISTAKES)
    expected = render_documents([Checked(str(MISTAKES), str(MISTAKES), None, result)], fmt, single=True)
    assert capsys.readouterr().out == expected + "\n"


def test_a_clean_document_builds_no_result(
    batch: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    built: list[str] = []
    checked: list[str] = []
    result, run = _api.plain_result, _batch._run

    def spy_result(data: bytes, *args: object, **kwargs: object) -> object:
        built.append(json.loads(data)["title"])
        return result(data, *args, **kwargs)  # type: ignore[arg-type]

    def spy_run(task: _batch._Task, *args: object) -> object:
        checked.append(task.name)
        return run(task, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(_api, "plain_result", spy_result)  # where the batch asks for it
    monkeypatch.setattr(_batch, "_run", spy_run)
    main(["check", batch[0], "--isolated", "--ignore", "PC8"])
    # The plain broken line is written from what the fast path found (its broken sum judged
    # on plain data), with no result built either; the lines it declines (the examples, and
    # the bad line) take the full check; the clean plain lines are written from the fast
    # path's counts.
    assert built == []
    assert [name.rsplit(":", 1)[1] for name in checked] == ["2", "4", "6"]
    out = capsys.readouterr().out
    assert out.count("0 errors, 0 warnings") == 4
    assert "1 error, 0 warnings" in out


def test_only_text_comes_back_from_the_workers(batch: list[str]) -> None:
    tasks, _ = _commands._read([batch[0]], [])
    options = _batch._options(None, None, (), preview=False, locale="en")
    output = _batch.Output("json", "en")
    one = list(_batch.show_tasks(tasks, options, output))
    two = list(_batch.show_tasks(tasks, options, output, jobs=2))
    assert one == two
    assert all(type(s.text) is str for s in two)
    assert [s.line for s in two] == [1, 2, 4, 5, 6, 7, 8]
    assert [s.failing for s in two] == [False, True, False, False, False, True, False]
    assert two[2].error is not None
    assert f"{batch[0]}:4" in two[2].error


def test_the_progress_counter_and_errors_go_to_standard_error(
    batch: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(_commands, "PROGRESS_AFTER", 1)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    capsys.readouterr()
    main(["check", batch[0], "--isolated", "--ignore", "PC8"])
    out, err = capsys.readouterr()
    assert "checked 7/7" in err
    assert "perfcheck: checked" not in out
    assert "reports.jsonl:4" in err


def test_a_file_named_twice_is_checked_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Files are told apart by their resolved paths (each folder resolved once), links too."""
    folder = tmp_path / "reports"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.json").write_text(_plain("2.00", "a"), encoding="utf-8")
    (folder / "sub" / "b.json").write_text(_plain("2.10", "b"), encoding="utf-8")
    (folder / "link.json").symlink_to(folder / "sub" / "b.json")
    (tmp_path / "via").symlink_to(folder, target_is_directory=True)
    named = [
        str(folder),
        str(folder / "a.json"),
        str(tmp_path / "via" / "a.json"),
        str(folder / "sub" / ".." / "a.json"),
        str(folder / "link.json"),
    ]
    tasks, _ = _commands._read(named, [])
    assert [Path(t.path).resolve() for t in tasks] == [folder / "a.json", folder / "sub" / "b.json"]
    folders: dict[str, str] = {}
    for name in [*named, str(folder / "sub" / "b.json"), "relative.json"]:
        assert _commands._real(name, folders) == str(Path(name).resolve())


def test_files_of_a_folder_share_chunks_and_lines_keep_to_their_file(batch: list[str]) -> None:
    tasks, _ = _commands._read(batch, [])
    chunks = list(_batch._spans_or_chunks(iter(tasks), 4))
    lines = [c for c in chunks if c[0].span is not None]
    files = [c for c in chunks if c[0].span is None]
    assert [len(c) for c in lines] == [7]  # one file's lines, LINES at a time
    assert [len(c) for c in files] == [4, 2]  # six files, four at a time
    assert all(len({t.path for t in c}) == 1 for c in lines)
    assert [t for c in chunks for t in c] == tasks


@pytest.fixture
def series_lines(tmp_path: Path) -> str:
    """A JSON Lines file whose series rules pair two lines (the seed and its next year), among others."""
    seed = json.loads(SEED.read_text(encoding="utf-8"))
    later = {**seed, "period": "2022"}  # the seed carries 0 over to 2022, but brings 2.21 forward
    lines = tmp_path / "years.jsonl"
    documents = [
        _plain("2.00", "plain"),
        json.dumps(seed, ensure_ascii=False),
        "",
        _plain("2.10", "plain, broken"),
        json.dumps(later, ensure_ascii=False),
        "not json",
    ]
    lines.write_text("\n".join(documents) + "\n", encoding="utf-8")
    return str(lines)


@pytest.mark.parametrize("fmt", STREAMED)
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_lines_are_read_where_they_are_checked(
    series_lines: str,
    fmt: str,
    jobs: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The command keeps no line's bytes (each is read again where it is checked, and the
    # lines the series rules pair are read again for them): what it prints is, byte for
    # byte, what it prints with every line's bytes kept.
    args = ["check", series_lines, "--isolated", "--format", fmt, "--jobs", jobs]
    kept: list[bytes] = []
    line_tasks = _batch._line_tasks

    def spy(path: Path, name: str, *, light: bool) -> list[_batch._Task]:
        tasks = line_tasks(path, name, light=light)
        kept.extend(t.payload for t in tasks if isinstance(t.payload, bytes))
        return tasks

    monkeypatch.setattr(_batch, "_line_tasks", spy)
    capsys.readouterr()
    code = main(args)
    light = capsys.readouterr()
    assert len(kept) == 5
    assert set(kept) == {b""}  # places only
    assert code == 2  # the bad line
    assert f"{series_lines}:6" in light.err
    assert "PC801" in light.out  # the series rules paired lines 2 and 5
    assert light.out.count("PC102") >= 1  # the broken plain line

    def heavy_tasks(path: Path, name: str, *, light: bool) -> list[_batch._Task]:
        assert light  # the command asks for places only
        return line_tasks(path, name, light=False)

    monkeypatch.setattr(_batch, "_line_tasks", heavy_tasks)
    assert main(args) == code
    heavy = capsys.readouterr()
    assert light.out == heavy.out
    assert light.err == heavy.err


def test_without_series_rules_each_part_is_written_as_it_comes(
    batch: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # With no series rule selected nothing is written again, so nothing is kept: the first
    # document's part is on standard output before the last document is checked (the
    # lines are checked two at a time here, LINES at a time otherwise).
    monkeypatch.setattr(_batch, "LINES", 2)
    seen: list[str] = []
    show = _batch._show

    def spy(task: _batch._Task, *args: object) -> _batch.Shown:
        seen.append(sys.stdout.getvalue() if hasattr(sys.stdout, "getvalue") else "")
        return show(task, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(_batch, "_show", spy)
    capsys.readouterr()
    assert main(["check", batch[0], "--isolated", "--ignore", "PC8", "--format", "json"]) == 2
    out = capsys.readouterr().out
    assert out == _expected([batch[0]], "json")
    assert seen[0] == ""
    assert f'"path": "{batch[0]}"' in seen[-1]  # written before the last line was checked
    # with the series rules selected, the parts are kept until every document is checked
    seen.clear()
    main(["check", batch[0], "--isolated", "--format", "json"])
    assert set(seen) == {""}
    assert capsys.readouterr().out == out


def test_nothing_usable_writes_nothing_when_streamed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = tmp_path / "bad.jsonl"
    lines.write_text("not json\n{}\n", encoding="utf-8")
    capsys.readouterr()
    for fmt in STREAMED:
        assert main(["check", str(lines), "--isolated", "--ignore", "PC8", "--format", fmt]) == 2
        out, err = capsys.readouterr()
        assert out == ""
        assert f"{lines}:1" in err
        assert f"{lines}:2" in err


def _pids(chunk: list[_batch._Task]) -> list[tuple[int, str]]:
    """Which process did each task of a chunk (a worker's work, for :func:`_batch._pooled`)."""
    return [(os.getpid(), task.name) for task in chunk]


def test_the_command_s_process_is_one_of_the_jobs() -> None:
    # jobs=2 starts one worker: the other process is the caller, which checks the next
    # chunk itself while the one it must yield next is not back. The order is the tasks'.
    tasks = [_batch._Task(f"t{k}", b"{}") for k in range(40)]
    done = [one for _, back in _batch._pooled(iter(tasks), _pids, 2, 2) for one in back]
    assert [name for _, name in done] == [t.name for t in tasks]
    workers = {pid for pid, _ in done} - {os.getpid()}
    assert len(workers) <= 1


def test_a_folder_s_file_is_read_at_once_or_sent_the_long_way(tmp_path: Path) -> None:
    small = tmp_path / "a.json"
    small.write_text(_plain("2.00", "a"), encoding="utf-8")
    assert _batch._file_bytes(str(small), perfcheck.Limits()) == small.read_bytes()
    # too large, missing, or a folder: None, and the full read says what is wrong
    assert _batch._file_bytes(str(small), perfcheck.Limits(max_bytes=10)) is None
    assert _batch._file_bytes(str(tmp_path / "missing.json"), perfcheck.Limits()) is None
    (tmp_path / "folder.json").mkdir()
    assert _batch._file_bytes(str(tmp_path / "folder.json"), perfcheck.Limits()) is None
    options = _batch._options(
        None, None, (), preview=False, locale="en", limits=perfcheck.Limits(max_bytes=10)
    )
    task = _batch._Task(str(small), str(small), str(small))
    assert _batch._found(task, options) == (None, None)
    shown = _batch._show(task, options, _batch.Output("json", "en"))
    assert shown.error is not None
    assert "more than the limit of 10" in shown.error
