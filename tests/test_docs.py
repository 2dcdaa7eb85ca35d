"""Docs stay in step with the code: the rules page, the README's commands, CI."""

from __future__ import annotations

import re

from conftest import ROOT
from perfcheck import default_registry
from perfcheck.render import rules_markdown


def test_rules_page_is_generated_from_the_registry() -> None:
    page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert page == rules_markdown(default_registry), (
        "regenerate docs/rules.md with perfcheck.render.rules_markdown"
    )


def test_every_rule_has_a_section_and_every_section_a_rule() -> None:
    page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    sections = re.findall(r"^## (PC\d{3})$", page, flags=re.MULTILINE)
    assert sections == [r.code for r in default_registry]


def test_readme_starts_with_the_two_commands_and_ci_runs_the_second() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"^    (python3 -m pip install .+)$", readme, flags=re.MULTILINE)
    assert len(commands) >= 2
    run_example, run_tests = commands[:2]
    assert "perfcheck check examples/" in run_example
    assert "pytest" in run_tests
    assert run_tests in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
