"""Output formats of `perfcheck check`: SARIF 2.1.0, GitHub annotations, JSON, tables; --locale."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import CASES, EXAMPLES, SEED
from perfcheck import Finding, Result, Severity, Verdict, check, default_registry
from perfcheck._core.i18n import LOCALES
from perfcheck.cli import main
from perfcheck.render import (
    OUTPUT_FORMATS,
    Checked,
    github_annotations,
    github_data,
    github_property,
    render_documents,
    sarif_log,
)
from perfcheck.rules import all_rules

WUZHOU = CASES / "wuzhou-unit-2024-budget-yuan.json"
MISTAKES = EXAMPLES / "seed-with-mistakes.json"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main([*args, "--isolated"] if args[:1] == ("check",) else list(args))
    out, err = capsys.readouterr()
    return code, out, err


# -- SARIF: the key requirements of the 2.1.0 schema, written out (the schema is not downloaded)

# Properties each object may have (the schema sets additionalProperties: false on each).
_ALLOWED = {
    "log": {"$schema", "version", "runs", "inlineExternalProperties", "properties"},
    "run": {
        "tool", "invocations", "conversion", "language", "versionControlProvenance", "originalUriBaseIds",
        "artifacts", "logicalLocations", "graphs", "results", "automationDetails", "runAggregates",
        "baselineGuid", "redactionTokens", "defaultEncoding", "defaultSourceLanguage", "newlineSequences",
        "columnKind", "externalPropertyFileReferences", "threadFlowLocations", "taxonomies", "addresses",
        "translations", "policies", "webRequests", "webResponses", "specialLocations", "properties",
    },
    "tool": {"driver", "extensions", "properties"},
    "toolComponent": {
        "guid", "name", "organization", "product", "productSuite", "shortDescription", "fullDescription",
        "fullName", "version", "semanticVersion", "dottedQuadFileVersion", "releaseDateUtc", "downloadUri",
        "informationUri", "globalMessageStrings", "notifications", "rules", "taxa", "locations", "language",
        "contents", "isComprehensive", "localizedDataSemanticVersion",
        "minimumRequiredLocalizedDataSemanticVersion", "associatedComponent", "translationMetadata",
        "supportedTaxonomies", "properties",
    },
    "reportingDescriptor": {
        "id", "deprecatedIds", "guid", "deprecatedGuids", "name", "deprecatedNames", "shortDescription",
        "fullDescription", "messageStrings", "defaultConfiguration", "helpUri", "help", "relationships",
        "properties",
    },
    "reportingConfiguration": {"enabled", "level", "rank", "parameters", "properties"},
    "multiformatMessageString": {"text", "markdown", "properties"},
    "message": {"text", "markdown", "id", "arguments", "properties"},
    "result": {
        "ruleId", "ruleIndex", "rule", "kind", "level", "message", "analysisTarget", "locations", "guid",
        "correlationGuid", "occurrenceCount", "partialFingerprints", "fingerprints", "stacks", "codeFlows",
        "graphs", "graphTraversals", "relatedLocations", "suppressions", "baselineState", "rank",
        "attachments", "hostedViewerUri", "workItemUris", "provenance", "fixes", "taxa", "webRequest",
        "webResponse", "properties",
    },
    "location": {"id", "physicalLocation", "logicalLocations", "message", "annotations", "relationships", "properties"},
    "physicalLocation": {"address", "artifactLocation", "region", "contextRegion", "properties"},
    "artifactLocation": {"uri", "uriBaseId", "index", "description", "properties"},
    "region": {
        "startLine", "startColumn", "endLine", "endColumn", "charOffset", "charLength", "byteOffset",
        "byteLength", "snippet", "message", "sourceLanguage", "properties",
    },
    "logicalLocation": {"name", "index", "fullyQualifiedName", "decoratedName", "parentIndex", "kind", "properties"},
    "suppression": {"guid", "kind", "status", "justification", "location", "properties"},
    "invocation": {
        "commandLine", "arguments", "responseFiles", "startTimeUtc", "endTimeUtc", "exitCode",
        "ruleConfigurationOverrides", "notificationConfigurationOverrides", "toolExecutionNotifications",
        "toolConfigurationNotifications", "exitCodeDescription", "exitSignalName", "exitSignalNumber",
        "processStartFailureMessage", "executionSuccessful", "machine", "account", "processId",
        "executableLocation", "workingDirectory", "environmentVariables", "stdin", "stdout", "stderr",
        "stdoutStderr", "properties",
    },
    "notification": {
        "locations", "message", "level", "threadId", "timeUtc", "exception", "descriptor", "associatedRule",
        "properties",
    },
}  # fmt: skip
_LEVELS = {"none", "note", "warning", "error"}


def _keys(kind: str, obj: dict[str, Any], required: tuple[str, ...] = ()) -> None:
    assert isinstance(obj, dict), (kind, obj)
    assert set(obj) <= _ALLOWED[kind], (kind, set(obj) - _ALLOWED[kind])
    for key in required:
        assert key in obj, (kind, key)


def _message(kind: str, obj: dict[str, Any]) -> None:
    _keys(kind, obj)
    assert isinstance(obj.get("text"), str)  # text (or id) is required; perfcheck always gives text


def _location(loc: dict[str, Any]) -> None:
    _keys("location", loc)
    if "physicalLocation" in loc:
        physical = loc["physicalLocation"]
        _keys("physicalLocation", physical, ("artifactLocation",))
        _keys("artifactLocation", physical["artifactLocation"], ("uri",))
        assert isinstance(physical["artifactLocation"]["uri"], str)
        if "region" in physical:
            _keys("region", physical["region"], ("startLine",))
            assert isinstance(physical["region"]["startLine"], int)
            assert physical["region"]["startLine"] >= 1
    for logical in loc.get("logicalLocations", []):
        _keys("logicalLocation", logical)


def _rules(driver: dict[str, Any]) -> list[dict[str, Any]]:
    rules = driver.get("rules", [])
    ids = [r["id"] for r in rules]
    assert len(ids) == len(set(ids))  # uniqueItems
    for rule in rules:
        _keys("reportingDescriptor", rule, ("id",))
        for key in ("shortDescription", "fullDescription", "help"):
            if key in rule:
                _keys("multiformatMessageString", rule[key], ("text",))
        if "defaultConfiguration" in rule:
            _keys("reportingConfiguration", rule["defaultConfiguration"])
            assert rule["defaultConfiguration"]["level"] in _LEVELS
    return rules


def _result(result: dict[str, Any], rules: list[dict[str, Any]]) -> None:
    _keys("result", result, ("message",))
    _message("message", result["message"])
    assert isinstance(result["ruleId"], str)
    if "ruleIndex" in result:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    assert result.get("level", "warning") in _LEVELS
    for loc in result.get("locations", []):
        _location(loc)
    for suppression in result.get("suppressions", []):
        _keys("suppression", suppression, ("kind",))
        assert suppression["kind"] in {"inSource", "external"}
        assert suppression.get("status", "accepted") in {"accepted", "underReview", "rejected"}


def _invocation(invocation: dict[str, Any]) -> None:
    _keys("invocation", invocation, ("executionSuccessful",))
    assert isinstance(invocation["executionSuccessful"], bool)
    for note in invocation.get("toolExecutionNotifications", []):
        _keys("notification", note, ("message",))
        _message("message", note["message"])
        assert note.get("level", "warning") in _LEVELS
        for loc in note.get("locations", []):
            _location(loc)


def assert_sarif_2_1_0(log: dict[str, Any]) -> None:
    """The structure the SARIF 2.1.0 schema requires of what perfcheck writes."""
    _keys("log", log, ("version", "runs"))
    assert log["version"] == "2.1.0"
    assert log["$schema"].startswith("https://")
    assert log["$schema"].endswith("sarif-2.1.0.json")
    assert isinstance(log["runs"], list)
    for run_ in log["runs"]:
        _keys("run", run_, ("tool",))
        _keys("tool", run_["tool"], ("driver",))
        driver = run_["tool"]["driver"]
        _keys("toolComponent", driver, ("name",))
        assert isinstance(driver["name"], str)
        rules = _rules(driver)
        for result in run_.get("results", []):
            _result(result, rules)
        for invocation in run_.get("invocations", []):
            _invocation(invocation)


def test_sarif_follows_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(WUZHOU), str(MISTAKES), "--format", "sarif")
    assert code == 1
    log = json.loads(out)
    assert_sarif_2_1_0(log)
    [run_] = log["runs"]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "perfcheck"
    assert [r["id"] for r in driver["rules"]] == [r.code for r in all_rules]
    pc201 = driver["rules"][[r["id"] for r in driver["rules"]].index("PC201")]
    assert pc201["name"] == "share"
    assert pc201["helpUri"] == "docs/rules/PC201.md"
    assert pc201["defaultConfiguration"] == {"level": "error"}
    assert pc201["shortDescription"]["text"] == default_registry["PC201"].summary
    assert "**Why.**" in pc201["fullDescription"]["text"]
    assert run_["invocations"][0]["executionSuccessful"] is True
    assert len(run_["results"]) == len(check(WUZHOU).findings) + len(check(MISTAKES).findings)


def test_the_checker_catches_what_the_schema_forbids() -> None:
    log = sarif_log([Checked(str(WUZHOU), str(WUZHOU), None, check(WUZHOU))])
    assert_sarif_2_1_0(log)
    for broken in (
        {**log, "version": "2.0.0"},
        {**log, "runs": [{"tool": {"driver": {}}}]},
        {**log, "runs": [{**log["runs"][0], "results": [{"ruleId": "PC201", "message": {}}]}]},
        {
            **log,
            "runs": [
                {
                    **log["runs"][0],
                    "results": [{"ruleId": "PC201", "message": {"text": "x"}, "levle": "error"}],
                }
            ],
        },
        {
            **log,
            "runs": [
                {
                    **log["runs"][0],
                    "results": [{"ruleId": "PC201", "message": {"text": "x"}, "level": "fatal"}],
                }
            ],
        },
    ):
        with pytest.raises(AssertionError):
            assert_sarif_2_1_0(broken)


def test_sarif_results_carry_location_and_numbers() -> None:
    log = sarif_log([Checked(str(WUZHOU), str(WUZHOU), None, check(WUZHOU))])
    r4 = next(r for r in log["runs"][0]["results"] if r["properties"]["relation"] == "R4")
    assert r4["ruleId"] == "PC201"
    assert r4["level"] == "error"
    [loc] = r4["locations"]
    assert loc["physicalLocation"]["artifactLocation"]["uri"] == WUZHOU.as_uri()  # an absolute path
    assert "region" not in loc["physicalLocation"]  # the document gives no line
    names = [(x["name"], x["fullyQualifiedName"]) for x in loc["logicalLocations"]]
    assert names[0] == ("R4", "relations.R4")
    assert ("proj_pct", "figures.proj_pct") in names
    assert r4["properties"]["actual"] == "19.62"
    assert r4["properties"]["expected"] == "15.93815883"
    assert r4["properties"]["allowed"] == ["15.93315866", "15.94315901"]
    warning = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "PC602")
    assert warning["level"] == "warning"
    assert "suppressions" not in r4


def test_sarif_region_is_the_figures_source_line() -> None:
    result = check(MISTAKES)
    log = sarif_log(
        [Checked("examples/seed-with-mistakes.json", "examples/seed-with-mistakes.json", None, result)]
    )
    by_code = {r["ruleId"]: r for r in log["runs"][0]["results"]}
    pc603 = by_code["PC603"]
    assert pc603["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "examples/seed-with-mistakes.json"},
        "region": {"startLine": 56},
    }
    # the subject figure's line comes first: the total printed on line 58
    assert by_code["PC101"]["locations"][0]["physicalLocation"]["region"] == {"startLine": 58}


def test_sarif_for_json_lines_points_at_the_line(tmp_path: Path) -> None:
    log = sarif_log([Checked("b.jsonl:7", "b.jsonl", 7, check(WUZHOU))])
    regions = {
        r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in log["runs"][0]["results"]
    }
    assert regions == {7}


def test_sarif_reports_unusable_input(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    code, out, err = run(capsys, "check", str(bad), str(WUZHOU), "--format", "sarif")
    assert code == 2
    log = json.loads(out)
    assert_sarif_2_1_0(log)
    [invocation] = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert "bad.json" in note["message"]["text"]
    assert "bad.json" in err


def test_sarif_uri_of_a_relative_path_is_percent_encoded() -> None:
    log = sarif_log([Checked("报告 2024.json", "报告 2024.json", None, check(WUZHOU))])
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "%E6%8A%A5%E5%91%8A%202024.json"


# -- GitHub workflow commands


def test_github_escaping() -> None:
    assert github_data("a%b\r\nc:d,e") == "a%25b%0D%0Ac:d,e"
    assert github_property("a%b\r\nc:d,e") == "a%25b%0D%0Ac%3Ad%2Ce"


def test_github_annotations(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "examples/seed-with-mistakes.json", "--format", "github")
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == len(check(MISTAKES).findings)
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert lines[0] == (
        "::error file=examples/seed-with-mistakes.json,line=56,title=PC603::"
        + check(MISTAKES).findings[0].message.replace("%", "%25")
    )
    warnings = [line for line in lines if line.startswith("::warning ")]
    assert len(warnings) == len(check(MISTAKES).warnings)


def test_github_annotation_escapes_file_and_message() -> None:
    finding = Finding(
        code="PC102",
        severity=Severity.INFO,
        verdict=Verdict.BROKEN,
        relation="r",
        message="50% off\nreally",
    )
    text = github_annotations([Checked("a,b:c.json", "a,b:c.json", None, Result(findings=(finding,)))])
    assert text == "::notice file=a%2Cb%3Ac.json,title=PC102::r: 50%25 off%0Areally"


def test_github_without_a_file_for_stdin() -> None:
    finding = Finding(code="PC102", severity=Severity.ERROR, verdict=Verdict.BROKEN, message="m")
    text = github_annotations([Checked("<stdin>", "-", None, Result(findings=(finding,)))])
    assert text == "::error title=PC102::m"


# -- JSON and tables


def test_json_single_document_is_an_object_and_several_a_list(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "check", str(WUZHOU), "--format", "json")
    single = json.loads(out)
    assert isinstance(single, dict)
    assert single["path"] == str(WUZHOU)
    assert "stale_acknowledgements" not in single  # only with a baseline
    _, out, _ = run(capsys, "check", str(WUZHOU), str(SEED), "--format", "json")
    assert [d["summary"]["errors"] for d in json.loads(out)] == [2, 0]


@pytest.mark.parametrize(
    ("fmt", "heading"), [("table", "{}\n"), ("markdown", "## {}\n"), ("html", "<h2>{}</h2>")]
)
def test_several_documents_have_a_heading_each(
    capsys: pytest.CaptureFixture[str], fmt: str, heading: str
) -> None:
    _, out, _ = run(capsys, "check", str(WUZHOU), str(SEED), "--format", fmt)
    assert heading.format(WUZHOU) in out
    assert heading.format(SEED) in out
    _, out, _ = run(capsys, "check", str(WUZHOU), "--format", fmt)
    assert heading.format(WUZHOU) not in out


def test_html_escapes_names() -> None:
    text = render_documents([Checked("<b>.json", "<b>.json", None, check(SEED))], "html")
    assert "<h2>&lt;b&gt;.json</h2>" in text


def test_every_format_renders(capsys: pytest.CaptureFixture[str]) -> None:
    for fmt in OUTPUT_FORMATS:
        code, out, _ = run(capsys, "check", str(WUZHOU), "--format", fmt)
        assert code == 1
        assert "PC201" in out


def test_unknown_format_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", str(WUZHOU), "--format", "xml")
    assert code == 2
    assert "invalid choice: 'xml'" in err
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        render_documents([], "xml")


# -- locale


@pytest.mark.parametrize("locale", LOCALES)
def test_locale_is_accepted(capsys: pytest.CaptureFixture[str], locale: str) -> None:
    code, out, _ = run(capsys, "check", str(WUZHOU), "--locale", locale)
    assert code == 1
    assert "PC201" in out
    assert ("印为 19.62%" in out) is (locale == "zh_CN")


def test_unknown_locale_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", str(WUZHOU), "--locale", "fr")
    assert code == 2
    assert "invalid choice: 'fr'" in err
    with pytest.raises(ValueError, match="no messages for locale 'fr'"):
        render_documents([], "table", locale="fr")


def test_locale_is_passed_to_rendering(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    from perfcheck import _commands  # noqa: PLC0415 - the module whose name is patched

    original = _commands.render_documents

    def spy(*args: Any, **kwargs: Any) -> str:
        seen.append(kwargs["locale"])
        return original(*args, **kwargs)

    monkeypatch.setattr(_commands, "render_documents", spy)
    run(capsys, "check", str(SEED), "--format", "sarif", "--locale", "zh_CN")
    run(capsys, "check", str(SEED), "--format", "sarif")
    assert seen == ["zh_CN", "en"]
    # the formats written a document at a time are worded where each document is checked
    streamed = _commands.Output

    def output(*args: Any) -> Any:
        seen.append(args[1])
        return streamed(*args)

    monkeypatch.setattr(_commands, "Output", output)
    run(capsys, "check", str(SEED), "--locale", "zh_CN")
    run(capsys, "check", str(SEED), "--format", "json")
    assert seen == ["zh_CN", "en", "zh_CN", "en"]


# -- rules


def test_rules_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [r["code"] for r in data] == [r.code for r in all_rules]
    assert data[0] == {
        "code": "PC101",
        "name": "balance",
        "severity": "error",
        "status": "stable",
        "summary": default_registry["PC101"].summary,
        "kinds": ["balance"],
    }


def test_rules_as_markdown_is_the_rules_page(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules", "--format", "markdown")
    assert code == 0
    assert out == Path("docs/rules.md").read_text(encoding="utf-8")


def test_explain_accepts_lower_case(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "explain", "pc201")
    assert code == 0
    assert out.startswith("# PC201 share")
