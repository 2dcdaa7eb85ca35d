"""`perfcheck check` reads JSON, JSON Lines, TOML and YAML documents, folders and standard input."""

from __future__ import annotations

import io
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import CASES, EXAMPLES, SEED
from perfcheck import Ledger, LedgerError, dumps, load
from perfcheck._read.formats import ExactLoader, discover, load_yaml, read_documents
from perfcheck.cli import main

WUZHOU = CASES / "wuzhou-unit-2024-budget-yuan.json"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, Decimal)):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {_toml_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(value)


def to_toml(document: dict[str, Any]) -> str:
    """A ledger document as TOML: scalars at the top, [[figures]] and [[relations]] tables."""
    lines = [f"{k} = {_toml_value(v)}" for k, v in document.items() if not isinstance(v, list)]
    for table in ("figures", "relations"):
        for item in document.get(table, []):
            lines += ["", f"[[{table}]]", *(f"{k} = {_toml_value(v)}" for k, v in item.items())]
    return "\n".join(lines) + "\n"


def as_data(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


# -- the same document in every format gives the same findings


@pytest.mark.parametrize("suffix", [".json", ".toml", ".yaml", ".yml", ".jsonl"])
def test_every_format_gives_the_same_findings(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, suffix: str
) -> None:
    data = as_data(WUZHOU)
    path = tmp_path / f"wuzhou{suffix}"
    if suffix == ".toml":
        path.write_text(to_toml(data), encoding="utf-8")
    elif suffix in {".yaml", ".yml"}:
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    elif suffix == ".jsonl":
        path.write_text(json.dumps(data, ensure_ascii=False) + "\n", encoding="utf-8")
    else:
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, err = run(capsys, "check", str(path), "--format", "json", "--isolated")
    assert code == 1, err
    got = json.loads(out)
    document = got[0] if isinstance(got, list) else got
    assert [(f["code"], f["relation"]) for f in document["findings"]] == [
        ("PC201", "R4"),
        ("PC502", "R5"),
        ("PC602", None),
    ]


# -- numbers keep their printed precision


def test_yaml_floats_keep_their_printed_precision() -> None:
    text = "a: 2.10\nb: 1_000.50\nc: 010\nd: 0.0\n"
    assert load_yaml(text) == [
        (1, {"a": Decimal("2.10"), "b": Decimal("1000.50"), "c": "010", "d": Decimal("0.0")})
    ]
    assert str(load_yaml(text)[0][1]["a"]) == "2.10"
    # what plain safe_load would have done: the reason for ExactLoader
    assert yaml.safe_load(text) == {"a": 2.1, "b": 1000.5, "c": 8, "d": 0.0}


def test_a_yaml_figure_written_as_a_bare_number_keeps_its_decimals(tmp_path: Path) -> None:
    path = tmp_path / "doc.yaml"
    path.write_text(
        "perfcheck: '1'\nunit: 万元\nperiod: 2021\nfigures:\n"
        "  - {id: a, value: 2.10}\n  - {id: b, value: 30}\n  - {id: c, value: 2.1, exact: true}\n",
        encoding="utf-8",
    )
    [entry] = read_documents(path)
    assert isinstance(entry.document, Ledger)
    assert [(f.id, f.value) for f in entry.document.figures] == [("a", "2.10"), ("b", "30"), ("c", "2.1")]
    assert entry.document.parsed("a").decimals == 2
    assert entry.document.period == "2021"  # an int in YAML, kept as its text


def test_yaml_booleans_are_only_true_and_false() -> None:
    assert load_yaml("label: no\nexact: true\nother: off\n")[0][1] == {
        "label": "no",
        "exact": True,
        "other": "off",
    }


def test_the_loader_does_not_change_pyyaml_for_anyone_else() -> None:
    assert yaml.safe_load("a: 2.10\nb: no") == {"a": 2.1, "b": False}
    assert ExactLoader.yaml_implicit_resolvers is not yaml.SafeLoader.yaml_implicit_resolvers


def test_toml_floats_keep_their_printed_precision(tmp_path: Path) -> None:
    path = tmp_path / "doc.toml"
    path.write_text(
        'perfcheck = "1"\nunit = "万元"\n\n[[figures]]\nid = "a"\nvalue = 2.10\n\n'
        '[[figures]]\nid = "b"\nvalue = 1_000.50\n\n[[figures]]\nid = "c"\nvalue = 30\n',
        encoding="utf-8",
    )
    [entry] = read_documents(path)
    assert isinstance(entry.document, Ledger)
    assert [f.value for f in entry.document.figures] == ["2.10", "1000.50", "30"]
    assert entry.document.parsed("a").decimals == 2


@pytest.mark.parametrize(
    ("suffix", "text", "expected"),
    [
        (
            ".toml",
            'perfcheck = "1"\n[[figures]]\nid = "a"\nvalue = inf\n',
            "inf is not a number a report can print",
        ),
        (".toml", 'perfcheck = "1"\nunit = "元"\nunit = "万元"\n', "invalid TOML"),
        (
            ".yaml",
            "perfcheck: '1'\nfigures:\n  - {id: a, value: .nan}\n",
            ".nan is not a number a report can print",
        ),
        (".yaml", "perfcheck: '1'\nfigures:\n  - {id: a, value: 1:30.5}\n", "sexagesimal"),
        (".yaml", "perfcheck: '1'\nunit: 元\nunit: 万元\n", "key 'unit' appears twice"),
        (
            ".yaml",
            "perfcheck: '1'\nsrc: &s {section: 一}\nfigures:\n  - {id: a, value: '1', source: *s}\n",
            "aliases",
        ),
        (".yaml", "", "empty document"),
        (".jsonl", "\n\n", "empty document"),
    ],
)
def test_what_cannot_be_read_is_named(tmp_path: Path, suffix: str, text: str, expected: str) -> None:
    path = tmp_path / f"doc{suffix}"
    path.write_text(text, encoding="utf-8")
    entries = list(read_documents(path))
    assert len(entries) == 1
    error = entries[0].document
    assert isinstance(error, LedgerError)
    assert expected in str(error)
    assert str(error).startswith(str(path))


def test_toml_and_yaml_syntax_errors_name_line_and_column(tmp_path: Path) -> None:
    toml = tmp_path / "doc.toml"
    toml.write_text('perfcheck = "1"\nunit = \n', encoding="utf-8")
    yml = tmp_path / "doc.yaml"
    yml.write_text("perfcheck: '1'\nfigures: [\n", encoding="utf-8")
    [t] = read_documents(toml)
    [y] = read_documents(yml)
    assert str(t.document).startswith(f"{toml}:2:")
    assert str(y.document).startswith(f"{yml}:3:")


# -- JSON Lines


def _batch(tmp_path: Path) -> Path:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps(as_data(SEED), ensure_ascii=False),
        "",
        '{"perfcheck": "1", "figures": [',
        json.dumps(as_data(WUZHOU), ensure_ascii=False),
        '{"perfcheck": "2"}',
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_json_lines_names_each_document_by_its_line(tmp_path: Path) -> None:
    path = _batch(tmp_path)
    entries = list(read_documents(path))
    assert [(e.name, e.line, type(e.document).__name__) for e in entries] == [
        (f"{path}:1", 1, "Ledger"),
        (f"{path}:3", 3, "LedgerError"),
        (f"{path}:4", 4, "Ledger"),
        (f"{path}:5", 5, "LedgerError"),
    ]
    assert str(entries[1].document).startswith(f"{path}:3:")
    assert "invalid JSON" in str(entries[1].document)
    assert str(entries[3].document).startswith(f"{path}:5: not a valid ledger document")
    assert entries[1].document.problems[0].line == 3  # type: ignore[union-attr]


def test_a_bad_json_line_does_not_stop_the_others(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = _batch(tmp_path)
    code, out, err = run(capsys, "check", str(path), "--isolated")
    assert code == 2  # a document was unusable
    assert f"{path}:3:" in err
    assert f"{path}:5:" in err
    assert f"{path}:4" in out  # the good documents are still checked and shown
    assert "R4" in out
    assert f"{path}:1" in out


def test_json_lines_without_unusable_documents_exits_on_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "ok.jsonl"
    path.write_text(
        json.dumps(as_data(SEED), ensure_ascii=False)
        + "\n"
        + json.dumps(as_data(WUZHOU), ensure_ascii=False),
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "check", str(path), "--format", "json", "--isolated")
    assert code == 1
    data = json.loads(out)
    assert [(d["path"], d["line"], d["summary"]["errors"]) for d in data] == [
        (str(path), 1, 0),
        (str(path), 2, 2),
    ]


def test_a_duplicate_key_in_a_json_line_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "dup.jsonl"
    path.write_text('\n{"perfcheck": "1", "perfcheck": "1"}\n', encoding="utf-8")
    [entry] = read_documents(path)
    assert str(entry.document).startswith(f"{path}:2: invalid JSON: key 'perfcheck' appears twice")


def test_yaml_stream_of_several_documents(tmp_path: Path) -> None:
    path = tmp_path / "two.yaml"
    one = yaml.safe_dump(as_data(SEED), allow_unicode=True)
    two = yaml.safe_dump(as_data(WUZHOU), allow_unicode=True)
    path.write_text(f"{one}---\n{two}", encoding="utf-8")
    entries = list(read_documents(path))
    assert [type(e.document).__name__ for e in entries] == ["Ledger", "Ledger"]
    assert entries[0].name == f"{path}:1"
    assert entries[1].line is not None
    assert entries[1].line > 1


# -- folders and standard input


def test_folders_are_searched_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("b/x.json", "a/z.yaml", "a/y.toml", "top.jsonl", ".hidden/h.json", "a/.h.json"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    for name in ("notes.txt", "pyproject.toml", "a/perfcheck.toml"):
        (tmp_path / name).write_text("", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in discover(tmp_path)]
    assert found == ["a/y.toml", "a/z.yaml", "b/x.json", "top.jsonl"]
    assert found == sorted(found)
    excluded = discover(tmp_path, exclude=[tmp_path / "b" / "x.json"])
    assert tmp_path / "b" / "x.json" not in excluded


def test_a_folder_is_checked(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "clean.json").write_bytes(SEED.read_bytes())
    sub = tmp_path / "more"
    sub.mkdir()
    (sub / "wuzhou.yaml").write_text(yaml.safe_dump(as_data(WUZHOU), allow_unicode=True), encoding="utf-8")
    code, out, _ = run(capsys, "check", str(tmp_path), "--format", "json", "--isolated")
    assert code == 1
    assert [(Path(d["path"]).name, d["summary"]["errors"]) for d in json.loads(out)] == [
        ("clean.json", 0),
        ("wuzhou.yaml", 2),
    ]


def test_a_file_named_twice_is_checked_once(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(WUZHOU), str(CASES), "--format", "json", "--isolated")
    assert code == 2  # expected.json in the folder is not a ledger document
    paths = [Path(d["path"]).name for d in json.loads(out)]
    assert paths.count(WUZHOU.name) == 1


def test_examples_folder(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(EXAMPLES), "--format", "json", "--isolated")
    assert code == 1
    assert {Path(d["path"]).name for d in json.loads(out)} >= {SEED.name, "seed-with-mistakes.json"}


def test_stdin_is_json(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(dumps(load(WUZHOU)).encode())))
    code, out, _ = run(capsys, "check", "-", "--format", "json", "--isolated")
    assert code == 1
    assert json.loads(out)["path"] == "-"


def test_stdin_that_is_not_json(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"perfcheck: '1'\n")))
    code, _, err = run(capsys, "check", "-", "--isolated")
    assert code == 2
    assert "<stdin>:1:1: invalid JSON" in err


def test_an_unknown_ending_is_read_as_json(tmp_path: Path) -> None:
    path = tmp_path / "report.ledger"
    path.write_bytes(SEED.read_bytes())
    [entry] = read_documents(path)
    assert isinstance(entry.document, Ledger)
