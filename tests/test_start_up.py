"""Start-up loads only what is used (issue 15, item 4): each case runs in a fresh interpreter.

``import perfcheck`` loads names on first use (PEP 562); ``perfcheck --help`` loads no
checker; checking a JSON document loads no YAML, text or table reader, no solver, no
process pool, and no tabulate unless a markdown or HTML table is printed (nor wcwidth
unless a cell holds a character the table does not measure itself).
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import EXAMPLES, ROOT

SEED = EXAMPLES / "seed-ziyang-fulian-2021.json"
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


def loaded_after(code: str) -> set[str]:
    """The prefixes of :data:`HEAVY` with a module loaded once ``code`` ran in a fresh interpreter."""
    script = f"{code}\nimport sys\nprint('\\n'.join(m for m in sys.modules if m.startswith({HEAVY!r})))"
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, cwd=ROOT
    ).stdout
    return {prefix for line in out.split() for prefix in HEAVY if line.startswith(prefix)}


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
