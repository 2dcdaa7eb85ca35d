"""Start-up loads only what is used (issue 15, item 4): each case runs in a fresh interpreter.

``import perfcheck`` loads names on first use (PEP 562); ``perfcheck --help`` loads no
checker; checking a JSON document loads no YAML, text or table reader, no solver, no
process pool, and no tabulate unless a markdown or HTML table is printed (nor wcwidth
unless a cell holds a character the table does not measure itself); a plain document
loads no babel (its numbers are read and written as Python does) and no TOML reader
unless a configuration or baseline file is read.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES, ROOT

SEED = EXAMPLES / "seed-ziyang-fulian-2021.json"
#: The model path (docs/architecture.md): pydantic and every module that imports it.
MODELS = (
    "pydantic",
    "perfcheck._ledger.document",
    "perfcheck._ledger.model",
    "perfcheck._ledger.figures",
    "perfcheck._ledger.relations",
    "perfcheck._findings.finding",
    "perfcheck._findings.result",
    "perfcheck._findings.coverage",
    "perfcheck._findings.message",
    "perfcheck._findings.localisation",
    "perfcheck._engine.context",
    "perfcheck._engine.run",
    "perfcheck._api",
    "perfcheck._series",
)
#: Modules a case must not load, as prefixes of ``sys.modules`` names.
HEAVY = (
    "pydantic",
    "tabulate",
    "wcwidth",
    "yaml",
    "concurrent.futures",
    "perfcheck._api",
    "perfcheck._localise",
    "perfcheck._read.tables",
    "perfcheck._read.text",
    "perfcheck._read.formats",
    "perfcheck.render.html_report",
    "perfcheck.render.sarif",
    "perfcheck.render.rule_docs",
)


def loaded_after(code: str, heavy: tuple[str, ...] = HEAVY) -> set[str]:
    """The prefixes of ``heavy`` with a module loaded once ``code`` ran in a fresh interpreter."""
    script = f"{code}\nimport sys\nprint('\\n'.join(m for m in sys.modules if m.startswith({heavy!r})))"
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, cwd=ROOT
    ).stdout
    return {prefix for line in out.split() for prefix in heavy if line.startswith(prefix)}


def main_of(*argv: str) -> str:
    return (
        "import contextlib, io\nfrom perfcheck.cli import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()): main({list(argv)!r})"
    )


def test_importing_perfcheck_loads_no_model_rule_or_reader() -> None:
    assert loaded_after("import perfcheck") == set()


def test_a_name_is_loaded_when_it_is_asked_for() -> None:
    loaded = loaded_after("import perfcheck\nperfcheck.Ledger")
    assert "pydantic" in loaded
    assert "perfcheck._api" not in loaded


def test_help_loads_no_checker() -> None:
    assert loaded_after(main_of("--help")) == set()
    assert loaded_after(main_of("check", "--help")) == set()


@pytest.mark.parametrize("fmt", ["json", "github"])
def test_checking_json_loads_only_the_fast_path_and_its_renderer(fmt: str) -> None:
    loaded = loaded_after(main_of("check", "--no-config", "--format", fmt, str(SEED)))
    assert loaded == {"pydantic", "perfcheck._api"}


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_checking_a_folder_of_json_loads_no_other_reader(fmt: str) -> None:
    # the folder's files are found beside the endings (_read.kinds), not beside the readers
    loaded = loaded_after(main_of("check", "--no-config", "--format", fmt, str(EXAMPLES)))
    assert loaded == {"pydantic", "perfcheck._api"}


def test_the_table_lays_out_plain_cells_without_tabulate() -> None:
    mistakes = str(EXAMPLES / "seed-with-mistakes.json")  # findings: a table with rows
    loaded = loaded_after(main_of("check", "--no-config", mistakes))
    assert loaded == {"pydantic", "perfcheck._api"}
    assert loaded_after(main_of("check", "--no-config", "--locale", "zh_CN", mistakes)) == loaded
    assert "tabulate" in loaded_after(main_of("check", "--no-config", "--format", "markdown", mistakes))


def test_what_a_command_uses_is_loaded_when_it_runs() -> None:
    assert "perfcheck.render.rule_docs" in loaded_after(main_of("rules"))
    assert "perfcheck.render.sarif" in loaded_after(main_of("check", "--format", "sarif", str(SEED)))
    assert "concurrent.futures" in loaded_after(main_of("check", "--jobs", "2", str(SEED), str(SEED)))


def plain_report(k: int, *, broken: bool) -> dict[str, Any]:
    """A plain document (a sum, a balance, a share), its sum broken or not.

    Written with its Chinese as is: an escape (``\\u4e07``) sends a document to the full path.
    """
    parts = ["63.41", "19.26" if not broken else "19.62"]
    return {
        "perfcheck": "1",
        "title": f"report {k}",
        "unit": "万元",
        "figures": [
            {"id": "total", "value": "82.67", "label": "基本支出"},
            {"id": "wages", "value": parts[0], "label": "人员经费"},
            {"id": "public", "value": parts[1], "label": "公用经费"},
            {"id": "in", "value": "82.67"},
            {"id": "share", "value": "76.70%"},
        ],
        "relations": [
            {"id": "split", "kind": "sum", "total": "total", "parts": ["wages", "public"]},
            {"id": "flow", "kind": "balance", "inflows": ["in"], "outflows": ["total"]},
            {"id": "wage_share", "kind": "share", "part": "wages", "whole": "total", "stated": "share"},
        ],
    }


def json_findings(path: Path) -> list[dict[str, Any]]:
    """The findings ``perfcheck check --format json`` writes of ``path``, run as a process."""
    out = subprocess.run(
        [sys.executable, "-m", "perfcheck", "check", "--no-config", "--format", "json", str(path)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    ).stdout
    findings: list[dict[str, Any]] = json.loads(out)["findings"]
    return findings


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_checking_a_plain_document_loads_no_model(fmt: str, tmp_path: Path) -> None:
    clean, broken = tmp_path / "clean.json", tmp_path / "broken.json"
    clean.write_text(json.dumps(plain_report(1, broken=False), ensure_ascii=False), encoding="utf-8")
    broken.write_text(json.dumps(plain_report(2, broken=True), ensure_ascii=False), encoding="utf-8")
    for path in (clean, broken):
        assert loaded_after(main_of("check", "--no-config", "--format", fmt, str(path)), MODELS) == set()
    # the broken sum is found and worded on plain data
    assert [f["code"] for f in json_findings(broken)] == ["PC102"]


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_a_clean_plain_document_loads_no_babel_and_no_toml(fmt: str, tmp_path: Path) -> None:
    # babel reads and writes numbers in a locale: a plain report's values are read as written,
    # a broken one's message written as Python writes them; TOML is read only for a
    # configuration or a baseline file
    clean, broken = tmp_path / "clean.json", tmp_path / "broken.json"
    clean.write_text(json.dumps(plain_report(1, broken=False), ensure_ascii=False), encoding="utf-8")
    broken.write_text(json.dumps(plain_report(2, broken=True), ensure_ascii=False), encoding="utf-8")
    lazy = ("babel", "tomllib")
    assert loaded_after(main_of("check", "--no-config", "--format", fmt, str(clean)), lazy) == set()
    assert loaded_after(main_of("check", "--no-config", "--format", fmt, str(broken)), lazy) == set()
    # each is loaded when it is used: numbers read and written in a locale of its own
    german = plain_report(3, broken=True)
    german["locale"] = "de_DE"
    for figure in german["figures"]:
        figure["value"] = figure["value"].replace(".", ",")
    (tmp_path / "german.json").write_text(json.dumps(german, ensure_ascii=False), encoding="utf-8")
    assert "babel" in loaded_after(main_of("check", "--no-config", str(tmp_path / "german.json")), lazy)
    config, baseline = tmp_path / "perfcheck.toml", tmp_path / "baseline.toml"
    config.write_text('locale = "en_US"\n', encoding="utf-8")
    baseline.write_text("", encoding="utf-8")
    assert "tomllib" in loaded_after(main_of("check", "--config", str(config), str(clean)), lazy)
    assert "tomllib" in loaded_after(
        main_of("check", "--no-config", "--baseline", str(baseline), str(clean)), lazy
    )


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_checking_plain_json_lines_and_folders_loads_no_model(fmt: str, tmp_path: Path) -> None:
    lines = tmp_path / "reports.jsonl"
    lines.write_text(
        "".join(json.dumps(plain_report(k, broken=k == 3), ensure_ascii=False) + "\n" for k in range(5)),
        "utf-8",
    )
    folder = tmp_path / "reports"
    folder.mkdir()
    for k in range(3):
        (folder / f"r{k}.json").write_text(
            json.dumps(plain_report(k, broken=k == 1), ensure_ascii=False), encoding="utf-8"
        )
    for target in (lines, folder):
        assert loaded_after(main_of("check", "--no-config", "--format", fmt, str(target)), MODELS) == set()


def test_a_document_the_fast_path_cannot_judge_alone_loads_the_model_path(tmp_path: Path) -> None:
    # a ratio is not screened: the part escalated is checked by the full path, loaded then
    document = plain_report(1, broken=False)
    document["figures"].append({"id": "rate", "value": "99%"})
    document["relations"].append({"id": "r", "kind": "ratio", "numerator": "wages", "stated": "rate"})
    path = tmp_path / "ratio.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    loaded = loaded_after(main_of("check", "--no-config", str(path)), MODELS)
    assert {"pydantic", "perfcheck._ledger.document", "perfcheck._engine.run"} <= loaded


def mixed_report(*, broken: bool) -> dict[str, Any]:
    """The realistic mix's shapes (bench/workloads.py): values printed with their unit or ``约…``.

    A balance of values printed with their unit, a stated share, a change on the prior
    year, a head-count as the sum of two JSON numbers, a qualified figure in no relation,
    a sum whose total is printed ``约…`` and a label with an escaped quote.
    """
    document = plain_report(1, broken=False)
    document["title"] = 'report "mixed"'
    document["figures"] += [
        {"id": "in1", "value": "60.00万元", "label": 'c "上年结转"'},
        {"id": "in2", "value": "22.67万元" if not broken else "25.67万元"},
        {"id": "prior", "value": "80.00"},
        {"id": "delta", "value": "2.67"},
        {"id": "staff", "value": "12", "unit": "人"},
        {"id": "staff_a", "value": 5, "unit": "人"},
        {"id": "staff_b", "value": 7, "unit": "人"},
        {"id": "visits", "value": "约339人次"},
        {"id": "about", "value": "约80" if not broken else "约90"},
    ]
    document["relations"] += [
        {"id": "funds", "kind": "balance", "inflows": ["in1", "in2"], "outflows": ["total"]},
        {
            "id": "on_last_year",
            "kind": "change",
            "current": "total",
            "prior": "prior",
            "delta": "delta",
            "direction": "increase",
        },
        {"id": "staff_split", "kind": "sum", "total": "staff", "parts": ["staff_a", "staff_b"]},
        {"id": "about_split", "kind": "sum", "total": "about", "parts": ["wages", "public"]},
    ]
    return document


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_checking_values_printed_with_a_unit_or_qualified_loads_no_model(fmt: str, tmp_path: Path) -> None:
    # issue 15: a qualified value, a unit in a value and a change are read as plain data
    for broken in (False, True):
        path = tmp_path / f"mixed-{broken}.json"
        path.write_text(json.dumps(mixed_report(broken=broken), ensure_ascii=False), encoding="utf-8")
        assert loaded_after(main_of("check", "--no-config", "--format", fmt, str(path)), MODELS) == set()
    assert sorted(f["relation"] for f in json_findings(path)) == ["about_split", "funds"]
