"""Acknowledged findings: --baseline, --write-baseline, stale acknowledgements."""

from __future__ import annotations

import json
import shutil
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import CASES, SEED
from perfcheck import Finding, Severity, Verdict, check
from perfcheck._baseline import (
    Acknowledgement,
    BaselineError,
    acknowledge,
    document_key,
    dumps_baseline,
    load_baseline,
    stale,
)
from perfcheck.cli import main

WUZHOU = CASES / "wuzhou-unit-2024-budget-yuan.json"

R4 = """
[[acknowledgement]]
document = "wuzhou.json"
code = "PC201"
relation = "R4"
figures = ["proj_pct", "proj", "basic"]
reason = "项目支出占比按调整后预算口径计算"
"""


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main([*args, "--isolated"])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copy(WUZHOU, tmp_path / "wuzhou.json")
    shutil.copy(SEED, tmp_path / "seed.json")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_an_acknowledged_error_does_not_fail_the_run(capsys: pytest.CaptureFixture[str], work: Path) -> None:
    (work / "baseline.toml").write_text(R4, encoding="utf-8")
    code, out, _ = run(capsys, "check", "wuzhou.json", "--baseline", "baseline.toml")
    assert code == 1  # R5 is still an error
    assert "项目支出占比按调整后预算口径计算" in out  # the acknowledged column shows the reason
    assert "1 acknowledged" in out
    more = R4 + R4.replace("PC201", "PC502").replace('"R4"', '"R5"').replace(
        '["proj_pct", "proj", "basic"]', '["basic_pct", "proj_pct"]'
    )
    (work / "baseline.toml").write_text(more, encoding="utf-8")
    code, out, _ = run(capsys, "check", "wuzhou.json", "--baseline", "baseline.toml")
    assert code == 0
    assert "2 acknowledged" in out


def test_acknowledged_in_json_and_sarif(capsys: pytest.CaptureFixture[str], work: Path) -> None:
    (work / "baseline.toml").write_text(R4, encoding="utf-8")
    _, out, _ = run(capsys, "check", "wuzhou.json", "--baseline", "baseline.toml", "--format", "json")
    data = json.loads(out)
    by_relation = {f["relation"]: f for f in data["findings"]}
    assert by_relation["R4"]["acknowledged"] == {"reason": "项目支出占比按调整后预算口径计算"}
    assert "acknowledged" not in by_relation["R5"]
    assert data["summary"]["acknowledged"] == 1
    assert data["summary"]["errors"] == 2  # still counted as found
    assert data["stale_acknowledgements"] == []
    _, out, _ = run(capsys, "check", "wuzhou.json", "--baseline", "baseline.toml", "--format", "sarif")
    results = json.loads(out)["runs"][0]["results"]
    r4 = next(r for r in results if r["properties"]["relation"] == "R4")
    assert r4["suppressions"] == [
        {"kind": "external", "status": "accepted", "justification": "项目支出占比按调整后预算口径计算"}
    ]
    assert all("suppressions" not in r for r in results if r is not r4)


def test_acknowledged_in_github_annotations(capsys: pytest.CaptureFixture[str], work: Path) -> None:
    (work / "baseline.toml").write_text(R4, encoding="utf-8")
    _, out, _ = run(capsys, "check", "wuzhou.json", "--baseline", "baseline.toml", "--format", "github")
    r4 = next(line for line in out.splitlines() if "R4:" in line)
    assert r4.startswith("::notice file=wuzhou.json,title=PC201 (acknowledged)::")
    assert r4.endswith("acknowledged: 项目支出占比按调整后预算口径计算")


def test_a_finding_must_match_code_relation_and_figure_set(work: Path) -> None:
    finding = check(work / "wuzhou.json").errors[0]
    ack = Acknowledgement("PC201", "R4", ("basic", "proj", "proj_pct"), "why", "wuzhou.json")
    assert ack.matches(finding, "wuzhou.json")
    assert not ack.matches(finding, "other.json")
    assert Acknowledgement("PC201", "R4", ("basic", "proj", "proj_pct"), "why").matches(finding, "any.json")
    for other in (
        Acknowledgement("PC202", "R4", ("basic", "proj", "proj_pct"), "why"),
        Acknowledgement("PC201", "R3", ("basic", "proj", "proj_pct"), "why"),
        Acknowledgement("PC201", None, ("basic", "proj", "proj_pct"), "why"),
        Acknowledgement("PC201", "R4", ("basic", "proj"), "why"),
        Acknowledgement("PC201", "R4", ("basic", "proj", "proj_pct", "x"), "why"),
    ):
        assert not other.matches(finding, "wuzhou.json")


def test_stale_acknowledgements_are_reported_but_do_not_fail(
    capsys: pytest.CaptureFixture[str], work: Path
) -> None:
    gone = R4.replace('"R4"', '"R9"')
    other_document = R4.replace("wuzhou.json", "elsewhere.json")
    not_run = R4.replace("PC201", "PC202").replace('"R4"', '"R8"')
    (work / "baseline.toml").write_text(gone + other_document + not_run, encoding="utf-8")
    code, out, err = run(
        capsys, "check", "wuzhou.json", "--baseline", "baseline.toml", "--ignore", "PC202", "--exit-zero"
    )
    assert code == 0
    assert "stale acknowledgement: PC201 on relation R9" in err
    assert "elsewhere.json" not in err  # that document was not checked
    assert "R8" not in err  # PC202 did not run
    code, out, err = run(capsys, "check", "wuzhou.json", "--baseline", "baseline.toml", "--format", "json")
    assert code == 1  # the errors, not the stale acknowledgement
    assert [a["relation"] for a in json.loads(out)["stale_acknowledgements"]] == ["R9", "R8"]
    assert json.loads(out)["stale_acknowledgements"][0] == {
        "document": "wuzhou.json",
        "code": "PC201",
        "relation": "R9",
        "figures": ["proj_pct", "proj", "basic"],
        "reason": "项目支出占比按调整后预算口径计算",
    }


def test_stale_acknowledgements_in_sarif_and_github(capsys: pytest.CaptureFixture[str], work: Path) -> None:
    (work / "baseline.toml").write_text(R4.replace('"R4"', '"R9"'), encoding="utf-8")
    _, out, _ = run(capsys, "check", "wuzhou.json", "--baseline", "baseline.toml", "--format", "sarif")
    [note] = json.loads(out)["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert note["level"] == "warning"
    assert "R9" in note["message"]["text"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "baseline.toml"
    _, out, _ = run(capsys, "check", "wuzhou.json", "--baseline", "baseline.toml", "--format", "github")
    assert out.splitlines()[-1].startswith("::warning file=baseline.toml,title=stale acknowledgement::PC201")


def test_write_baseline_then_fill_in_the_reasons(capsys: pytest.CaptureFixture[str], work: Path) -> None:
    code, out, err = run(capsys, "check", "wuzhou.json", "seed.json", "--write-baseline", "baseline.toml")
    assert code == 0
    assert out == ""
    assert "wrote 3 acknowledgements to baseline.toml; 3 need a reason" in err
    text = (work / "baseline.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)["acknowledgement"]
    assert [(a["document"], a["code"], a.get("relation"), a["reason"]) for a in data] == [
        ("wuzhou.json", "PC201", "R4", ""),
        ("wuzhou.json", "PC502", "R5", ""),
        ("wuzhou.json", "PC602", None, ""),
    ]
    assert (
        "# error: 占一般公共预算支出的 is printed as 19.62%" in text
    )  # the message, to help write the reason

    # an empty reason is refused, naming every acknowledgement without one
    code, _, err = run(capsys, "check", "wuzhou.json", "--baseline", "baseline.toml")
    assert code == 2
    assert "3 acknowledgements have no reason" in err
    assert "#1 PC201 on relation R4" in err
    assert "#3 PC602" in err

    (work / "baseline.toml").write_text(text.replace('reason = ""', 'reason = "如实公开"'), encoding="utf-8")
    code, out, err = run(capsys, "check", "wuzhou.json", "seed.json", "--baseline", "baseline.toml")
    assert code == 0
    assert err == ""
    assert "3 acknowledged" in out


def test_rewriting_a_baseline_keeps_the_reasons_written(
    capsys: pytest.CaptureFixture[str], work: Path
) -> None:
    (work / "baseline.toml").write_text(R4 + R4.replace('"R4"', '"R9"'), encoding="utf-8")
    code, _, _ = run(
        capsys, "check", "wuzhou.json", "--baseline", "baseline.toml", "--write-baseline", "baseline.toml"
    )
    assert code == 0
    data = tomllib.loads((work / "baseline.toml").read_text(encoding="utf-8"))["acknowledgement"]
    assert [(a.get("relation"), a["reason"]) for a in data] == [
        ("R4", "项目支出占比按调整后预算口径计算"),  # kept
        ("R5", ""),  # new
        (None, ""),
    ]  # R9, stale, is dropped


def test_write_baseline_with_unusable_input_exits_two(capsys: pytest.CaptureFixture[str], work: Path) -> None:
    (work / "bad.json").write_text("{", encoding="utf-8")
    code, _, err = run(capsys, "check", "wuzhou.json", "bad.json", "--write-baseline", "b.toml")
    assert code == 2
    assert "bad.json" in err
    assert (work / "b.toml").exists()


def test_write_baseline_into_a_missing_folder(capsys: pytest.CaptureFixture[str], work: Path) -> None:
    code, _, err = run(capsys, "check", "wuzhou.json", "--write-baseline", "no/such/folder/b.toml")
    assert code == 2
    assert "cannot write the baseline" in err
    assert "Traceback" not in err


def test_baseline_paths_are_relative_to_the_baseline(capsys: pytest.CaptureFixture[str], work: Path) -> None:
    (work / "ci").mkdir()
    run(capsys, "check", "wuzhou.json", "--write-baseline", "ci/baseline.toml")
    text = (work / "ci" / "baseline.toml").read_text(encoding="utf-8")
    assert 'document = "../wuzhou.json"' in text
    (work / "ci" / "baseline.toml").write_text(text.replace('reason = ""', 'reason = "ok"'), encoding="utf-8")
    code, _, _ = run(capsys, "check", str(work / "wuzhou.json"), "--baseline", "ci/baseline.toml")
    assert code == 0  # the same document, named by an absolute path


def test_document_paths_in_a_baseline_are_normalised(capsys: pytest.CaptureFixture[str], work: Path) -> None:
    for document in ("./wuzhou.json", "sub/../wuzhou.json", str(work / "wuzhou.json")):
        (work / "baseline.toml").write_text(
            R4.replace('"wuzhou.json"', json.dumps(document)), encoding="utf-8"
        )
        assert load_baseline(work / "baseline.toml")[0].document == "wuzhou.json"
        _, out, err = run(capsys, "check", "wuzhou.json", "--baseline", "baseline.toml")
        assert "1 acknowledged" in out, document
        assert err == ""


def test_a_baseline_inside_a_checked_folder_is_not_read_as_a_document(
    capsys: pytest.CaptureFixture[str], work: Path
) -> None:
    (work / "baseline.toml").write_text(R4, encoding="utf-8")
    code, _, err = run(capsys, "check", ".", "--baseline", "baseline.toml")
    assert code == 1
    assert "baseline.toml" not in err


def test_json_lines_documents_are_acknowledged_one_by_one(
    capsys: pytest.CaptureFixture[str], work: Path
) -> None:
    line = (work / "wuzhou.json").read_text(encoding="utf-8").replace("\n", "")
    (work / "batch.jsonl").write_text(f"{line}\n{line}\n", encoding="utf-8")
    run(capsys, "check", "batch.jsonl", "--write-baseline", "b.toml")
    text = (work / "b.toml").read_text(encoding="utf-8")
    assert 'document = "batch.jsonl:1"' in text
    assert 'document = "batch.jsonl:2"' in text
    first_only = "\n\n".join(part for part in text.split("\n\n") if "batch.jsonl:2" not in part)
    (work / "b.toml").write_text(first_only.replace('reason = ""', 'reason = "ok"'), encoding="utf-8")
    code, out, _ = run(capsys, "check", "batch.jsonl", "--baseline", "b.toml", "--format", "json")
    assert code == 1  # the second document's errors still count
    assert [d["summary"]["acknowledged"] for d in json.loads(out)] == [3, 0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[[acknowledgement]]\ncode = 'PC201'\nfigures = []\n", "reason is missing"),
        (
            "[[acknowledgement]]\ncode = 'PC201'\nfigures = []\nreason = '  '\n",
            "1 acknowledgement has no reason",
        ),
        ("[[acknowledgement]]\ncode = 'PC201'\nfigures = 'a'\nreason = 'x'\n", "figures must be a list"),
        ("[[acknowledgement]]\ncode = 'PC2'\nfigures = []\nreason = 'x'\n", "code must be a rule code"),
        ("[[acknowledgement]]\ncode = 'PC999'\nfigures = []\nreason = 'x'\n", "no rule PC999"),
        (
            "[[acknowledgement]]\ncode = 'PC201'\nfigures = []\nreason = 'x'\nrelation = 4\n",
            "relation must be",
        ),
        ("[[acknowledgement]]\ncode = 'PC201'\nfigures = []\nreason = 'x'\nwhy = 'x'\n", "unknown key 'why'"),
        ("[[acknowledgement]]\ncode = 'PC201'\nfigures = []\nreason = 5\n", "reason must be a string"),
        (
            "[[acknowledgement]]\ncode = 'PC201'\nfigures = []\nreason = 'x'\ndocument = 1\n",
            "document must be",
        ),
        ("acknowledgement = 1\n", "array of tables"),
        ("acknowledgements = []\n", "unknown key 'acknowledgements'"),
        ("[[acknowledgement]\n", "invalid baseline (TOML)"),
        ("acknowledgement = [1]\n", "acknowledgement 1: not a table"),
        (
            "[[acknowledgement]]\ncode = 'PC201'\nfigures = ['a', 'b']\nreason = 'x'\n" * 2,
            "acknowledgements 1 and 2 name the same finding",
        ),
    ],
)
def test_a_bad_baseline_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], work: Path, text: str, expected: str
) -> None:
    (work / "baseline.toml").write_text(text, encoding="utf-8")
    with pytest.raises(BaselineError, match=r"baseline\.toml"):
        load_baseline(work / "baseline.toml")
    code, _, err = run(capsys, "check", "wuzhou.json", "--baseline", "baseline.toml")
    assert code == 2
    assert expected in err
    assert err.startswith("perfcheck: baseline.toml")
    assert "Traceback" not in err


def test_a_missing_baseline_is_a_usage_error(capsys: pytest.CaptureFixture[str], work: Path) -> None:
    code, _, err = run(capsys, "check", "wuzhou.json", "--baseline", "nope.toml")
    assert code == 2
    assert "nope.toml: cannot read the baseline" in err


# -- the functions


def test_acknowledge_and_stale() -> None:
    f = Finding(
        code="PC102",
        severity=Severity.ERROR,
        verdict=Verdict.BROKEN,
        relation="r",
        figures=("a",),
        message="m",
    )
    used_ack = Acknowledgement("PC102", "r", ("a",), "why", "d")
    unused = Acknowledgement("PC102", "s", ("a",), "why", "d")
    elsewhere = Acknowledgement("PC102", "s", ("a",), "why", "other")
    not_run = Acknowledgement("PC101", "s", ("a",), "why")
    acks = [used_ack, unused, elsewhere, not_run]
    assert acknowledge([f], acks, "d") == [used_ack]
    assert stale(acks, {used_ack}, documents={"d"}, codes={"PC102"}) == [unused]


def test_document_key(tmp_path: Path) -> None:
    assert document_key(str(tmp_path / "a" / "b.json"), None, tmp_path) == "a/b.json"
    assert document_key(str(tmp_path / "b.jsonl"), 4, tmp_path / "ci") == "../b.jsonl:4"
    assert document_key("-", None, tmp_path) == "<stdin>"


_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)))


@given(reason=_text, relation=st.none() | _text, figures=st.lists(_text, max_size=3), note=_text)
def test_written_baselines_read_back_exactly(
    reason: str, relation: str | None, figures: list[str], note: str
) -> None:
    ack = Acknowledgement("PC201", relation, tuple(figures), reason, "a/b.json")
    data = tomllib.loads(dumps_baseline([(ack, note)]))
    [item] = data["acknowledgement"]
    assert item["reason"] == reason
    assert item.get("relation") == relation
    assert item["figures"] == figures
    assert item["document"] == "a/b.json"
