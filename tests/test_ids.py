"""Figure and relation ids are any non-empty text without control characters (issue 20, item 1).

Subject codes (``2010101``) and Chinese names (``行政运行``) are the natural ids of budget
tables: documents, formulas, domain models, baselines and every output format take them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import perfcheck
from perfcheck import LedgerError, LineItem, Report, Share
from perfcheck._api import check_plain, reports_crashes
from perfcheck._baseline import dumps_baseline, load_baseline
from perfcheck._core.formula import FormulaError, formula_name, parse_formula
from perfcheck._findings.acknowledgement import Acknowledgement
from perfcheck.render import Checked, github_annotations, sarif_log
from perfcheck.rules import default_registry

ODD_IDS = ["2010101", "行政运行", "一般公共预算 财政拨款", "a.b[c]", 'say "x"', "50%: a, b", "a]b\\c"]


def document(ids: list[str], *, total: str = "6.00") -> dict[str, Any]:
    """A sum over figures of the given ids: the last is the total of the others."""
    values = [f"{i + 1}.00" for i in range(len(ids) - 1)]
    figures = [{"id": i, "value": v} for i, v in zip(ids, values, strict=False)]
    figures.append({"id": ids[-1], "value": total})
    return {
        "perfcheck": "1",
        "unit": "万元",
        "figures": figures,
        "relations": [{"id": f"合计 = {ids[-1]}", "kind": "sum", "total": ids[-1], "parts": ids[:-1]}],
    }


def test_codes_and_chinese_names_are_ids_and_take_the_fast_path() -> None:
    doc = document(["2010101", "行政运行", "一般公共预算 财政拨款"], total="3.10")
    data = json.dumps(doc, ensure_ascii=False).encode()
    fast = check_plain(data, tuple(default_registry), locale="en", crash_reported=reports_crashes(None))
    assert fast is not None  # read by the column screen, not declined
    full = perfcheck.check(perfcheck.validate(doc))
    assert fast[0].findings == full.findings
    (finding,) = full.errors
    assert finding.relation == "合计 = 一般公共预算 财政拨款"
    assert set(finding.figures) == {"2010101", "行政运行", "一般公共预算 财政拨款"}


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        ("", "an id is non-empty text"),
        (" 2010101", "surrounding spaces, not ' 2010101'"),
        ("2010101\u3000", "surrounding spaces"),
        ("a\tb", "without control characters"),
        ("a\x85b", "without control characters"),
    ],
)
def test_an_id_with_a_control_character_or_surrounding_space_is_refused_by_place(
    bad: str, words: str
) -> None:
    doc = document(["a", bad, "t"])
    with pytest.raises(LedgerError) as info:
        perfcheck.validate(doc)
    assert "figures[1].id" in str(info.value)
    assert words in str(info.value)
    data = json.dumps(doc).encode()
    # the fast path declines it, and check() gives the full path's error
    assert check_plain(data, tuple(default_registry), locale="en", crash_reported=False) is None
    with pytest.raises(LedgerError, match=r"figures\[1\]\.id"):
        perfcheck.check(data)


@pytest.mark.parametrize("figure_id", ODD_IDS)
def test_formula_name_writes_any_id_so_that_the_formula_reads_it_back(figure_id: str) -> None:
    formula = parse_formula(f"{formula_name(figure_id)} + other == 总计")
    assert formula.names == (figure_id, "other", "总计")


ids = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=20).filter(
    lambda t: t == t.strip()
)


@given(figure_id=ids)
def test_formula_name_round_trips_every_id(figure_id: str) -> None:
    assert parse_formula(f"{formula_name(figure_id)} == 1").names == (figure_id,)


def test_a_bare_code_in_a_formula_is_a_number_and_a_bracketed_one_an_id() -> None:
    assert parse_formula("2010101 == [2010101]").names == ("2010101",)
    with pytest.raises(FormulaError, match="malformed number"):
        parse_formula("2010101行政 == 1")


def test_formulas_over_codes_are_checked_and_counted_in_coverage() -> None:
    doc = document(["2010101", "2010102", "总计"], total="3.00")
    doc["relations"] = [{"id": "f", "kind": "formula", "expr": '[2010101] + "2010102" == 总计 + 0.5'}]
    result = perfcheck.check(doc)
    (finding,) = result.errors
    assert finding.code == "PC502"  # the formula cannot hold
    assert set(finding.figures) == {"2010101", "2010102", "总计"}
    assert result.coverage.in_relations == 3


def test_domain_models_take_codes_as_ids() -> None:
    report = Report(
        spending=[
            LineItem(
                id="201",
                label="一般公共服务支出",
                amount="3.00",
                items=[
                    LineItem(id="2010101", label="行政运行", amount="1.00"),
                    LineItem(id="2010102", label="一般行政管理事务", amount="2.00"),
                ],
            )
        ],
        shares=[Share(id="行政运行占比", label="占比", part="2010101", whole="201", percent="33.33")],
    )
    ledger = report.to_ledger()
    assert {"201", "2010101", "2010102", "行政运行占比"} <= {f.id for f in ledger.figures}
    assert perfcheck.check(report).ok


def test_a_baseline_writes_and_reads_back_any_id(tmp_path: Path) -> None:
    acks = [
        Acknowledgement(code="PC201", relation=i, figures=(i, "2010101"), reason="见说明") for i in ODD_IDS
    ]
    path = tmp_path / "baseline.toml"
    path.write_text(dumps_baseline((a, None) for a in acks), encoding="utf-8")
    assert load_baseline(path) == acks


def broken_with_odd_ids() -> perfcheck.Result:
    return perfcheck.check(document(["50%: a, b", 'a.b["c"]', "行政\\运行"], total="4.00"))


def test_sarif_names_odd_ids_unambiguously() -> None:
    log = sarif_log([Checked("r.json", "r.json", None, broken_with_odd_ids())])
    text = json.dumps(log, ensure_ascii=False)
    assert json.loads(text) == log
    (result,) = log["runs"][0]["results"]
    names = {loc["name"]: loc["fullyQualifiedName"] for loc in result["locations"][0]["logicalLocations"]}
    assert names["50%: a, b"] == 'figures["50%: a, b"]'
    assert names['a.b["c"]'] == 'figures["a.b[\\"c\\"]"]'
    assert names["合计 = 行政\\运行"] == 'relations["合计 = 行政\\\\运行"]'
    # each qualified name reads back, as JSON, to its id
    for name, qualified in names.items():
        assert json.loads(qualified.split("[", 1)[1][:-1]) == name


def test_github_annotations_escape_odd_ids() -> None:
    text = github_annotations([Checked("r.json", "r.json", None, broken_with_odd_ids())])
    (line,) = text.splitlines()
    assert line.startswith("::error file=r.json,title=PC102::合计 = 行政\\运行: ")
    assert "50%25: a, b" in line  # % escaped in the message; ':' and ',' need not be
    assert "%" not in line.replace("%25", "")
