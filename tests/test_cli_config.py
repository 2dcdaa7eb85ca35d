"""Configuration: [tool.perfcheck] in pyproject.toml or perfcheck.toml, the command line winning."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import CASES
from perfcheck._config import Config, ConfigError, find_config, load_config, parse_config
from perfcheck.cli import main

WUZHOU = CASES / "wuzhou-unit-2024-budget-yuan.json"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder with the wuzhou document, as the current folder."""
    shutil.copy(WUZHOU, tmp_path / "wuzhou.json")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def codes(out: str) -> list[str]:
    return [f["code"] for f in json.loads(out)["findings"]]


def test_pyproject_table_is_read(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.perfcheck]\nformat = "json"\nignore = ["PC201", "PC502"]\n',
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "check", "wuzhou.json")
    assert code == 0
    assert codes(out) == ["PC602"]


def test_perfcheck_toml_is_read_from_a_parent_folder(
    capsys: pytest.CaptureFixture[str], project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "perfcheck.toml").write_text(
        'format = "json"\nselect = ["PC6"]\nexit-zero = true\n', encoding="utf-8"
    )
    (project / "sub" / "deeper").mkdir(parents=True)
    monkeypatch.chdir(project / "sub" / "deeper")
    code, out, _ = run(capsys, "check", "../../wuzhou.json")
    assert code == 0
    assert codes(out) == ["PC602"]


def test_perfcheck_toml_wins_over_pyproject_in_the_same_folder(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.perfcheck]\nformat = "html"\n', encoding="utf-8")
    (project / "perfcheck.toml").write_text('format = "json"\n', encoding="utf-8")
    assert find_config(project) == (project / "perfcheck.toml").resolve()


def test_a_pyproject_without_the_table_is_passed_over(project: Path) -> None:
    (project / "perfcheck.toml").write_text('format = "json"\n', encoding="utf-8")
    (project / "sub").mkdir()
    (project / "sub" / "pyproject.toml").write_text("[tool.ruff]\nline-length = 100\n", encoding="utf-8")
    assert find_config(project / "sub") == (project / "perfcheck.toml").resolve()


def test_the_nearest_configuration_wins(project: Path) -> None:
    (project / "perfcheck.toml").write_text('format = "json"\n', encoding="utf-8")
    (project / "sub").mkdir()
    (project / "sub" / "pyproject.toml").write_text('[tool.perfcheck]\nformat = "html"\n', encoding="utf-8")
    assert find_config(project / "sub") == (project / "sub" / "pyproject.toml").resolve()
    assert load_config(project / "sub" / "pyproject.toml").format == "html"


def test_the_command_line_wins(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    (project / "perfcheck.toml").write_text(
        'format = "json"\nselect = ["PC6"]\nexit-zero = true\nlocale = "zh_CN"\n', encoding="utf-8"
    )
    code, out, _ = run(
        capsys, "check", "wuzhou.json", "--format", "github", "--select", "PC2", "--no-exit-zero"
    )
    assert code == 1
    assert out.startswith("::error file=wuzhou.json,title=PC201::")
    assert "PC602" not in out


def test_select_on_the_command_line_starts_afresh_and_ignore_adds(
    capsys: pytest.CaptureFixture[str], project: Path
) -> None:
    (project / "perfcheck.toml").write_text(
        'format = "json"\nselect = ["PC2", "PC5"]\nignore = ["PC502"]\nextend-select = ["PC602"]\n',
        encoding="utf-8",
    )
    _, out, _ = run(capsys, "check", "wuzhou.json")
    assert codes(out) == ["PC201", "PC602"]
    _, out, _ = run(capsys, "check", "wuzhou.json", "--ignore", "PC201")
    assert codes(out) == ["PC602"]  # the configuration's ignore still applies, and the command line's
    _, out, _ = run(capsys, "check", "wuzhou.json", "--extend-select", "PC502")
    assert codes(out) == ["PC201", "PC502", "PC602"]  # the command line wins over the configuration's ignore
    _, out, _ = run(capsys, "check", "wuzhou.json", "--select", "PC502")
    assert codes(out) == ["PC502"]  # a fresh selection: the configuration's ignore is dropped


def test_baseline_in_the_configuration_is_relative_to_it(
    capsys: pytest.CaptureFixture[str], project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "ci").mkdir()
    (project / "perfcheck.toml").write_text(
        'baseline = "ci/baseline.toml"\nformat = "json"\n', encoding="utf-8"
    )
    (project / "ci" / "baseline.toml").write_text(
        '[[acknowledgement]]\ndocument = "../wuzhou.json"\ncode = "PC201"\nrelation = "R4"\n'
        'figures = ["proj", "basic", "proj_pct"]\nreason = "按调整后口径"\n',
        encoding="utf-8",
    )
    (project / "sub").mkdir()
    monkeypatch.chdir(project / "sub")
    code, out, _ = run(capsys, "check", "../wuzhou.json")
    assert code == 1
    assert json.loads(out)["summary"]["acknowledged"] == 1


def test_explicit_config_file(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    (project / "perfcheck.toml").write_text('format = "html"\n', encoding="utf-8")
    (project / "other.toml").write_text('format = "json"\nignore = ["PC2", "PC5"]\n', encoding="utf-8")
    code, out, _ = run(capsys, "check", "wuzhou.json", "--config", "other.toml")
    assert code == 0
    assert codes(out) == ["PC602"]


def test_explicit_pyproject(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    (project / "cfg").mkdir()
    (project / "cfg" / "pyproject.toml").write_text('[tool.perfcheck]\nformat = "json"\n', encoding="utf-8")
    _, out, _ = run(capsys, "check", "wuzhou.json", "--config", "cfg/pyproject.toml")
    assert codes(out) == ["PC201", "PC502", "PC602"]


def test_isolated_ignores_configuration(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    (project / "perfcheck.toml").write_text("unknown = 1\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", "wuzhou.json", "--isolated")
    assert code == 1
    assert out.startswith("code")
    code, _, _ = run(capsys, "check", "wuzhou.json", "--no-config")
    assert code == 1


def test_config_and_isolated_conflict(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    code, _, err = run(capsys, "check", "wuzhou.json", "--isolated", "--config", "x.toml")
    assert code == 2
    assert "not allowed with" in err


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "perfcheck.toml",
            "selct = ['PC1']\n",
            "perfcheck.toml: unknown key 'selct'; did you mean 'select'?",
        ),
        ("perfcheck.toml", "extend_select = ['PC1']\n", "did you mean 'extend-select'?"),
        ("perfcheck.toml", "colour = 'red'\n", "unknown key 'colour'; the keys are select, ignore"),
        ("perfcheck.toml", "select = 'PC1'\n", "perfcheck.toml: select must be a list of rule codes"),
        ("perfcheck.toml", "ignore = [1]\n", "ignore must be a list of rule codes"),
        ("perfcheck.toml", "select = ['PC7']\n", "select: rule selector 'PC7' matches no rule"),
        (
            "perfcheck.toml",
            "format = 'xml'\n",
            "format must be one of table, markdown, html, json, sarif, github",
        ),
        ("perfcheck.toml", "locale = 'fr'\n", "locale must be one of en, zh_CN, not 'fr'"),
        ("perfcheck.toml", "exit-zero = 'yes'\n", "exit-zero must be true or false"),
        ("perfcheck.toml", "baseline = 3\n", "baseline must be a non-empty string"),
        ("perfcheck.toml", "select = [\n", "perfcheck.toml: invalid TOML"),
        (
            "pyproject.toml",
            "[tool.perfcheck]\nformat = 1\n",
            "pyproject.toml: [tool.perfcheck]: format must be one of",
        ),
        (
            "pyproject.toml",
            "[tool.perfcheck]\nnope = 1\n",
            "pyproject.toml: [tool.perfcheck]: unknown key 'nope'",
        ),
        ("pyproject.toml", "[tool]\nperfcheck = 1\n", "[tool.perfcheck] is not a table"),
        ("pyproject.toml", "[tool.perfcheck\n", "pyproject.toml: invalid TOML"),
    ],
)
def test_a_bad_configuration_is_a_usage_error_naming_file_and_key(
    capsys: pytest.CaptureFixture[str], project: Path, name: str, text: str, expected: str
) -> None:
    (project / name).write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "check", "wuzhou.json")
    assert code == 2
    assert expected in err
    assert str(project / name) in err or f"{name}" in err
    assert out == ""
    assert "Traceback" not in err


def test_a_missing_explicit_config_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], project: Path
) -> None:
    code, _, err = run(capsys, "check", "wuzhou.json", "--config", "nope.toml")
    assert code == 2
    assert "nope.toml: cannot read" in err


def test_config_values() -> None:
    config = load_config(Path("pyproject.toml"))  # the project's own, which sets nothing
    assert config == Config(path=Path("pyproject.toml"))
    with pytest.raises(ConfigError, match="unknown key"):
        parse_config({"x": 1}, source="s")
