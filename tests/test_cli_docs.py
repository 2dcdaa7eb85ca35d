"""docs/cli.md stays true: its console examples run, its commands parse, its TOML and YAML read."""

from __future__ import annotations

import argparse
import re
import shlex
import tomllib
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from perfcheck import Ledger, default_registry
from perfcheck._baseline import load_baseline
from perfcheck._config import load_config, parse_config
from perfcheck._core.i18n import LOCALES
from perfcheck._read.formats import read_documents
from perfcheck.cli import _parser, main
from perfcheck.render import OUTPUT_FORMATS

PAGE = ROOT / "docs" / "cli.md"
_BLOCK = re.compile(r"^( *)```(\w+)\n(.*?)^\1```$", re.MULTILINE | re.DOTALL)


def blocks(language: str) -> list[str]:
    text = PAGE.read_text(encoding="utf-8")
    out = []
    for indent, lang, body in _BLOCK.findall(text):
        if lang == language:
            out.append("\n".join(line.removeprefix(indent) for line in body.splitlines()))
    return out


def console_examples() -> list[tuple[str, list[str]]]:
    """Each `$ perfcheck ...` command of a console block and the lines it should print."""
    examples: list[tuple[str, list[str]]] = []
    for body in blocks("console"):
        for line in body.splitlines():
            if line.startswith("$ "):
                examples.append((line[2:], []))
            else:
                examples[-1][1].append(line)
    return examples


def matches(expected: list[str], actual: list[str]) -> bool:
    """Whether the lines match, a line `...` standing for any number of lines."""
    if not expected:
        return not actual
    if expected[0] == "...":
        return any(matches(expected[1:], actual[i:]) for i in range(len(actual) + 1))
    return bool(actual) and expected[0] == actual[0] and matches(expected[1:], actual[1:])


@pytest.mark.parametrize(("command", "expected"), console_examples(), ids=lambda x: str(x)[:60])
def test_console_examples_print_what_the_page_shows(
    capsys: pytest.CaptureFixture[str], command: str, expected: list[str]
) -> None:
    argv = shlex.split(command)
    assert argv[0] == "perfcheck"
    main(argv[1:])
    out = capsys.readouterr().out.rstrip("\n").splitlines()
    assert matches(expected, [line.rstrip() for line in out]), "\n".join(out)


def test_the_matcher_can_fail() -> None:
    assert matches(["a", "...", "d"], ["a", "b", "c", "d"])
    assert not matches(["a", "...", "d"], ["a", "b", "c"])
    assert not matches(["a"], ["a", "b"])


def test_every_command_shown_parses() -> None:
    commands = [
        line.removeprefix("$ ").strip()
        for body in (*blocks("sh"), *blocks("console"), *blocks("yaml"))
        for line in body.splitlines()
        if line.strip().removeprefix("$ ").removeprefix("run: ").startswith("perfcheck ")
    ]
    assert len(commands) >= 8
    parser = _parser()
    for command in commands:
        argv = shlex.split(command.removeprefix("run: ").split(" > ")[0])
        parser.parse_args(argv[1:])  # exits (fails the test) on an unknown option


def test_every_option_is_documented() -> None:
    text = PAGE.read_text(encoding="utf-8")
    parser = _parser()
    [commands] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    assert set(commands.choices) == {"check", "extract", "rules", "explain"}
    for name, sub in commands.choices.items():
        assert f"`perfcheck {name}" in text
        for action in sub._actions:
            for flag in action.option_strings:
                if flag not in {"-h", "--help"}:
                    assert f"`{flag}" in text, flag
    for fmt in OUTPUT_FORMATS:
        assert f"| `{fmt}`" in text
    for locale in LOCALES:
        assert f"`--locale {locale}`" in text


def test_toml_examples_read_as_what_they_claim(tmp_path: Path) -> None:
    kinds = []
    for body in blocks("toml"):
        data = tomllib.loads(body)
        if "acknowledgement" in data:
            path = tmp_path / "baseline.toml"
            path.write_text(body, encoding="utf-8")
            acks = load_baseline(path)
            assert all(a.code in default_registry for a in acks)
            kinds.append("baseline")
        elif "tool" in data:
            path = tmp_path / "pyproject.toml"
            path.write_text(body, encoding="utf-8")
            assert load_config(path).select is not None
            kinds.append("pyproject")
        elif "perfcheck" in data:
            path = tmp_path / "doc.toml"
            path.write_text(body, encoding="utf-8")
            [entry] = read_documents(path)
            assert isinstance(entry.document, Ledger), entry.document
            kinds.append("document")
        else:
            parse_config(data, source="perfcheck.toml")
            kinds.append("perfcheck.toml")
    assert sorted(kinds) == ["baseline", "document", "perfcheck.toml", "pyproject"]


def test_the_documented_baseline_acknowledges_the_case(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    [body] = [b for b in blocks("toml") if "[[acknowledgement]]" in b]
    # the example's document is relative to the repository's root; name it absolutely here
    path = tmp_path / "baseline.toml"
    path.write_text(body.replace('document = "', f'document = "{Path(ROOT).as_posix()}/'), encoding="utf-8")
    main(
        ["check", "tests/data/cases/wuzhou-unit-2024-budget-yuan.json", "--baseline", str(path), "--isolated"]
    )
    assert "1 acknowledged" in capsys.readouterr().out


def test_yaml_examples_read(tmp_path: Path) -> None:
    documents = 0
    for body in blocks("yaml"):
        data = yaml.safe_load(body)
        if isinstance(data, dict) and "perfcheck" in data:
            path = tmp_path / "doc.yaml"
            path.write_text(body, encoding="utf-8")
            [entry] = read_documents(path)
            assert isinstance(entry.document, Ledger), entry.document
            assert entry.document.figures[0].value == "134.56"
            documents += 1
    assert documents == 1
