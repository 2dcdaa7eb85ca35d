"""Docs stay in step with the code: the rule pages, the README's commands, CI."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from perfcheck.cli import main
from perfcheck.render import rule_pages
from perfcheck.rules import all_rules

DOCS = ROOT / "docs"


def test_every_rule_page_is_generated_from_the_registry() -> None:
    for name, text in rule_pages(all_rules).items():
        assert (DOCS / name).read_text(encoding="utf-8") == text, (
            f"run python docs/generate_rules.py ({name})"
        )


def test_rule_pages_and_registry_codes_agree() -> None:
    pages = sorted(p.stem for p in (DOCS / "rules").glob("*.md"))
    assert pages == sorted(r.code for r in all_rules)
    index = (DOCS / "rules.md").read_text(encoding="utf-8")
    assert re.findall(r"\]\(rules/(PC\d{3})\.md\)", index) == [r.code for r in all_rules]


def test_every_rule_page_has_what_why_and_examples() -> None:
    for r in all_rules:
        page = (DOCS / "rules" / f"{r.code}.md").read_text(encoding="utf-8")
        assert page.startswith(f"# {r.code} {r.name}\n")
        for section in ("**What it checks.**", "**Why.**", "**What to do.**"):
            assert section in page, (r.code, section)
        if r.failing:
            assert "## Fails" in page, r.code


def test_readme_starts_with_the_two_commands_and_ci_runs_the_second() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(
        r"^    ((?:bash \.ci/browser && )?python3 -m pip install .+)$", readme, flags=re.MULTILINE
    )
    assert len(commands) >= 2
    run_example, run_tests = commands[:2]
    assert "perfcheck check examples/" in run_example
    assert "pytest" in run_tests
    assert run_tests in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_console_example_is_what_the_command_prints(capsys: pytest.CaptureFixture[str]) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(
        r"```console\n\$ python3 -m perfcheck (check [^\n]+)\n(.*?)```", readme, flags=re.DOTALL
    )
    assert block is not None
    main(block.group(1).split())
    assert capsys.readouterr().out == block.group(2)
