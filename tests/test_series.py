"""Series: reports of one entity in consecutive years, checked against each other (PC8xx)."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import perfcheck
import perfcheck.testing
from conftest import SEED
from perfcheck import Severity, Verdict, check, check_series, series_registry, validate
from perfcheck.cli import main
from perfcheck.rules._examples import doc, fig

RULES = list(series_registry)


def year(period: str, *figures: dict[str, Any], entity: str = "妇联", **kw: Any) -> dict[str, Any]:
    out = doc(*figures, relations=kw.pop("relations", []))
    out.update({"entity": entity, "period": period, **kw})
    return out


def codes(result: perfcheck.SeriesResult) -> list[list[str]]:
    return [[f.code for f in per] for per in result.findings]


# -- the rules' own examples -------------------------------------------------------


@pytest.mark.parametrize("r", RULES, ids=lambda r: r.code)
def test_passing_example_finds_nothing(r: perfcheck.Rule) -> None:
    result = check_series([validate(d) for d in r.passing["documents"]], select=[r.code])
    assert result.pairs == ((0, 1),)
    assert result.all == []
    assert result.ok


@pytest.mark.parametrize("r", RULES, ids=lambda r: r.code)
def test_failing_example_fires_on_the_later_report(r: perfcheck.Rule) -> None:
    docs = [validate(d) for d in r.failing["documents"]]
    result = check_series(docs)
    assert codes(result) == [[], [r.code]]
    finding = result.findings[1][0]
    assert finding.severity is Severity.ERROR
    assert finding.verdict is Verdict.BROKEN
    assert "2021" in finding.message
    # both reports are named (by entity and period: these have no title or file)
    assert "in 资阳区妇联 2022, but 资阳区妇联 2021 prints" in finding.message
    # the same in Chinese, every message translated
    zh = check_series(docs, locale="zh_CN").findings[1][0]
    assert "“资阳区妇联 2022”中" in zh.message
    assert "但“资阳区妇联 2021”中" in zh.message


@pytest.mark.parametrize("r", RULES, ids=lambda r: r.code)
def test_rule_is_documented_and_never_runs_on_one_document(r: perfcheck.Rule) -> None:
    assert r.code.startswith("PC8")
    for section in ("**What it checks.**", "**Why.**", "**What to do.**"):
        assert section in r.doc
    later = validate(r.failing["documents"][1])
    registry = perfcheck.Registry([*perfcheck.default_registry, r])
    assert [f for f in check(later, registry=registry).findings if f.code in {r.code, "PC902"}] == []


# -- carryover -----------------------------------------------------------------------


def carry(out_value: str, in_value: str, *, periods: tuple[str, str] = ("2021", "2022")) -> list[Any]:
    return [
        validate(year(periods[0], fig("co", out_value, "结转下年", concept="carryover_out"))),
        validate(year(periods[1], fig("ci", in_value, "上年结转", concept="carryover_in"))),
    ]


def test_carryover_within_rounding_holds() -> None:
    # 2.2 stands for [2.15, 2.25]; 2.21 for [2.205, 2.215]: they meet
    assert check_series(carry("2.2", "2.21")).ok
    # 2.20 and 2.21 do not meet ([2.195, 2.205] and [2.205, 2.215] touch: they meet at 2.205)
    assert check_series(carry("2.20", "2.21")).ok
    result = check_series(carry("2.20", "2.22"))
    [finding] = result.errors
    assert finding.code == "PC801"
    assert finding.subject == "ci"
    assert str(finding.actual) == "2.22"
    assert str(finding.expected) == "2.20"
    assert finding.allowed == (Decimal("2.19"), Decimal("2.21"))
    assert "0.010" in finding.message


def test_carryover_in_other_units_is_compared_in_base_units() -> None:
    docs = carry("2.21", "22100")
    docs[1] = validate(year("2022", fig("ci", "22100", "上年结转", concept="carryover_in"), unit="元"))
    assert check_series(docs).ok


@pytest.mark.parametrize(
    "periods", [("2020", "2022"), ("2022", "2022"), ("2021", "Q1"), ("2021上半年", "2022上半年")]
)
def test_periods_that_are_not_consecutive_years_are_not_compared(periods: tuple[str, str]) -> None:
    result = check_series(carry("2.21", "99", periods=periods))
    assert result.pairs == ()
    assert result.ok


def test_years_may_be_written_with_nian() -> None:
    result = check_series(carry("2.21", "99", periods=("2021年", "2022年度")))
    assert result.pairs == ((0, 1),)
    assert codes(result) == [[], ["PC801"]]


def test_other_entities_and_missing_entities_are_not_compared() -> None:
    a, b = carry("2.21", "99")
    other = validate({**json.loads(perfcheck.dumps(b)), "entity": "另一单位"})
    none = validate({k: v for k, v in json.loads(perfcheck.dumps(b)).items() if k != "entity"})
    assert check_series([a, other]).pairs == ()
    assert check_series([a, none]).pairs == ()


def test_a_year_given_twice_is_not_compared() -> None:
    a, b = carry("2.21", "99")
    assert check_series([a, b, b]).pairs == ()


def test_missing_or_ambiguous_concepts_are_not_checked() -> None:
    a, _ = carry("2.21", "99")
    no_concept = validate(year("2022", fig("ci", "99", "上年结转")))
    two = validate(
        year(
            "2022",
            fig("ci", "99", "上年结转", concept="carryover_in"),
            fig("ci2", "98", "上年结转", concept="carryover_in"),
        )
    )
    for later in (no_concept, two):
        result = check_series([a, later])
        assert result.pairs == ((0, 1),)
        assert result.all == []


def test_order_of_documents_does_not_matter() -> None:
    a, b = carry("2.21", "99")
    result = check_series([b, a])
    assert result.pairs == ((1, 0),)
    assert codes(result) == [["PC801"], []]


# -- prior-year figures in change relations ------------------------------------------------


def spending(
    prior_value: str, current: str, *, delta: str | None = None, prior: str | None = None, **rel: str
) -> list[Any]:
    figures = [fig("spend", current, "支出", concept="spending")]
    relation: dict[str, Any] = {"id": "yoy", "kind": "change", "current": "spend", "direction": "increase"}
    if delta is not None:
        figures.append(fig("up", delta, "增加"))
        relation["delta"] = "up"
    if prior is not None:
        figures.append(fig("last", prior, "上年支出"))
        relation["prior"] = "last"
    relation.update(rel)
    return [
        validate(year("2021", fig("total", prior_value, "支出合计", concept="spending"))),
        validate(year("2022", *figures, relations=[relation])),
    ]


def test_prior_figure_quoted_is_compared() -> None:
    assert check_series(spending("1237.48", "1264.92", prior="1237.48", delta="27.44")).ok
    result = check_series(spending("1237.48", "1264.92", prior="1273.48", delta="27.44"))
    [finding] = result.errors
    assert finding.code == "PC802"
    assert finding.relation == "yoy"
    assert finding.subject == "last"
    assert str(finding.expected) == "1237.48"
    assert finding.figures == ("spend", "last", "up")


def test_prior_implied_by_current_and_delta_is_compared() -> None:
    assert check_series(spending("1237.48", "1264.92", delta="27.44")).ok
    # within both figures' rounding: 1264.9 - 27.4 = 1237.5 stands for [1237.4, 1237.6]
    assert check_series(spending("1237.48", "1264.9", delta="27.4")).ok
    [finding] = check_series(spending("1237.48", "1264.92", delta="72.44")).errors
    assert finding.subject == "spend"
    assert str(finding.actual) == "1192.48"
    assert "1264.92 万元 - 72.44 万元" in finding.message
    decrease = spending("1237.48", "1210.04", delta="27.44", direction="decrease")
    assert check_series(decrease).ok


def test_change_without_prior_or_delta_or_concept_is_not_checked() -> None:
    only_percent = (
        validate(year("2021", fig("total", "1237.48", "支出合计", concept="spending"))),
        validate(
            year(
                "2022",
                fig("spend", "1264.92", "支出", concept="spending"),
                fig("pct", "50%", "增长"),
                relations=[
                    {
                        "id": "yoy",
                        "kind": "change",
                        "current": "spend",
                        "percent": "pct",
                        "direction": "increase",
                    }
                ],
            )
        ),
    )
    assert check_series(only_percent).pairs == ((0, 1),)
    assert check_series(only_percent).all == []
    data = json.loads(perfcheck.dumps(spending("1.00", "1264.92", delta="27.44")[1]))
    del data["figures"][0]["concept"]
    earlier = validate(year("2021", fig("total", "1.00", "支出合计", concept="spending")))
    assert check_series([earlier, validate(data)]).all == []


def test_select_and_ignore() -> None:
    docs = spending("1237.48", "1264.92", delta="72.44")
    assert check_series(docs, ignore=["PC802"]).all == []
    assert check_series(docs, select=["PC801"]).rules == ("PC801",)
    with pytest.raises(ValueError, match="matches no rule"):
        check_series(docs, select=["PC1"])


# -- the command line ---------------------------------------------------------------------


def write(tmp_path: Path, docs: list[Any]) -> list[str]:
    paths = []
    for i, ledger in enumerate(docs):
        path = tmp_path / f"{i}.json"
        path.write_text(perfcheck.dumps(ledger), encoding="utf-8")
        paths.append(str(path))
    return paths


def test_check_runs_the_series_rules_on_several_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    paths = write(tmp_path, carry("2.21", "12.21"))
    code = main(["check", *paths, "--isolated", "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 1
    assert [[f["code"] for f in d["findings"]] for d in data] == [[], ["PC801"]]
    # the message names both files, and the locations hold both years' figures
    finding = data[1]["findings"][0]
    assert f"in {paths[1]}, but {paths[0]} prints" in finding["message"]
    assert [w["document"] for w in finding["locations"]] == [paths[1], paths[0]]
    for args in (["--ignore", "PC8"], ["--select", "PC1"], ["--ignore", "PC801"]):
        assert main(["check", *paths, "--isolated", *args]) == 0
    capsys.readouterr()
    # one file alone: nothing to compare it with
    assert main(["check", paths[1], "--isolated"]) == 0
    # the same through worker processes
    capsys.readouterr()
    assert main(["check", *paths, "--isolated", "--jobs", "2"]) == 1


def test_the_seed_and_its_next_year(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    seed = json.loads(SEED.read_text(encoding="utf-8"))
    mistakes = json.loads((SEED.parent / "seed-with-mistakes.json").read_text(encoding="utf-8"))
    later = copy.deepcopy(seed)
    later["period"] = "2022"
    # the seed carries 0 over to 2022, but brings 2.21 forward from 2020
    paths = write(tmp_path, [validate(seed), validate(later)])
    assert main(["check", *paths, "--isolated", "--format", "json", "--select", "PC8"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [[f["code"] for f in d["findings"]] for d in data] == [[], ["PC801"]]
    assert data[1]["findings"][0]["figures"] == ["carryover_in"]
    # with a second report for 2021 (the seed with mistakes), which one 2022 follows is not known
    paths = write(tmp_path, [validate(seed), validate(later), validate(mistakes)])
    assert main(["check", *paths, "--isolated", "--format", "json", "--select", "PC8"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [[f["code"] for f in d["findings"]] for d in data] == [[], [], []]


def test_explain_knows_the_series_rules(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "pc802"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# PC802 series-prior-year\n")
    assert "**What to do.**" in out


# -- naming both documents and both figures (issue 20, item 5) --------------------------------


def write_years(folder: Path, out_value: str, in_value: str) -> list[Path]:
    a, b = carry(out_value, in_value)
    paths = []
    for ledger, title in ((a, "妇联2021年决算"), (b, None)):
        data = json.loads(perfcheck.dumps(ledger))
        if title:
            data["title"] = title
        path = folder / f"{ledger.period}.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


def test_a_series_finding_names_both_files_and_locates_both_figures(tmp_path: Path) -> None:
    first, second = write_years(tmp_path, "2.21", "12.21")
    result = check_series([first, second])
    assert result.names == (f"{first} (妇联2021年决算)", str(second))
    [finding] = result.errors
    assert f"in {second}, but {first} (妇联2021年决算) prints 结转下年 as 2.21" in finding.message
    assert [(w.figure, w.value, w.document) for w in finding.locations] == [
        ("ci", "12.21", str(second)),
        ("co", "2.21", f"{first} (妇联2021年决算)"),
    ]
    # the figures of the finding stay this report's (baselines match on them)
    assert finding.figures == ("ci",)
    assert finding.to_json_dict()["locations"][1]["document"] == f"{first} (妇联2021年决算)"


def test_names_may_be_given_and_must_match_the_documents() -> None:
    result = check_series(carry("2.21", "12.21"), names=["决算2021.xlsx", "决算2022.xlsx"])
    assert "in 决算2022.xlsx, but 决算2021.xlsx prints" in result.errors[0].message
    with pytest.raises(ValueError, match="1 names for 2 documents"):
        check_series(carry("2.21", "12.21"), names=["one"])


def test_a_series_result_shows_itself_in_a_notebook() -> None:
    result = check_series(carry("2.21", "12.21"))
    html = result._repr_html_()
    assert html.startswith("<p>1 error in 2 documents; 1 pair of consecutive years compared</p>")
    assert "<h4>妇联 2022</h4>" in html
    assert "PC801" in html
    assert "妇联 2021" not in html.split("<h4>")[0]  # only documents with findings get a heading
    markdown = result._repr_markdown_()
    assert markdown.startswith("1 error in 2 documents")
    assert "#### 妇联 2022" in markdown
    assert "PC801" in markdown
    clean = check_series(carry("2.21", "2.21"))
    assert clean._repr_html_() == "<p>0 errors in 2 documents; 1 pair of consecutive years compared</p>"


def test_a_document_name_in_the_notebook_is_escaped() -> None:
    result = check_series(carry("2.21", "12.21"), names=["<a>", "<b>"])
    assert "<h4>&lt;b&gt;</h4>" in result._repr_html_()


def test_a_failure_message_says_where_each_years_figure_was_printed(tmp_path: Path) -> None:
    first, second = write_years(tmp_path, "2.21", "12.21")
    with pytest.raises(AssertionError) as info:
        perfcheck.testing.assert_series_consistent([first, second])
    text = str(info.value)
    assert text.startswith("perfcheck found 1 error in 2 documents")
    assert f"ci (上年结转) printed as 12.21 in {second}" in text
    assert f"co (结转下年) printed as 2.21 in {first} (妇联2021年决算)" in text


def test_assert_series_consistent_passes_a_consistent_series_and_returns_it(tmp_path: Path) -> None:
    first, second = write_years(tmp_path, "2.21", "2.21")
    result = perfcheck.testing.assert_series_consistent([first, second])
    assert result.ok
    assert result.pairs == ((0, 1),)


def test_assert_consistent_given_a_list_says_what_to_call() -> None:
    with pytest.raises(TypeError, match=r"assert_series_consistent\(\[\.\.\.\]\)"):
        perfcheck.testing.assert_consistent(carry("2.21", "2.21"))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"check_series"):
        perfcheck.check(carry("2.21", "2.21"))  # type: ignore[arg-type]
