"""The shipped examples.

``examples/seed-ziyang-fulian-2021.json`` transcribes the seed report completely and
checks clean; ``examples/seed-with-mistakes.json`` is the same document with realistic
mistakes injected so that every rule fires at least once.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import perfcheck
from perfcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "seed-ziyang-fulian-2021.json"
MISTAKES = ROOT / "examples" / "seed-with-mistakes.json"
SEED_TEXT = ROOT / "tests" / "data" / "seed-report.txt"

TITLE_SUFFIX = " — 注入错误的示例 (injected mistakes)"

#: Every rule the mistakes example must trip, with the severity its finding must have.
EXPECTED_SEVERITY = {
    "PC101": "error",
    "PC102": "error",
    "PC103": "error",
    "PC201": "error",
    "PC202": "error",
    "PC203": "error",
    "PC301": "error",
    "PC302": "error",
    "PC401": "error",
    "PC402": "error",
    "PC501": "error",
    "PC502": "error",
    "PC601": "warning",
    "PC602": "warning",
    "PC603": "error",
    "PC604": "warning",
    "PC901": "error",
}

#: What was injected, figure by figure: (printed in the mistakes example, correct value).
INJECTED = {
    # 上年结转 printed with a minus sign -> PC101 fund_balance, PC603
    "carryover_in": ("-2.21", "2.21"),
    # 19.26 with its last two digits transposed -> PC102 basic_split
    "public_goods": ("19.62", "19.26"),
    # 8640元 converted to 万元 without rounding to two decimals -> PC604
    "summer_safety": ("0.864", "0.86"),
    # (added) 1.41 with the decimal point one place off -> PC103 publicity_of_which
    "leaflet_printing": ("14.1", "1.41"),
    # two adjacent items' amounts swapped in section 二（一） -> PC401 twice
    "womens_day_s2": ("1.35", "2.17"),
    "caring_activity_s2": ("2.17", "1.35"),
    # 38.56% with the decimal point one place off -> PC201 special_share_ok, PC601
    "special_share": ("385.6%", "38.56%"),
    # (added) share computed against 总收入 instead of 总支出 -> PC201 basic_share_ok, PC602
    "basic_share": ("62.46%", "61.44%"),
    # (added) 97.37% with the last two digits transposed -> PC202 budget_execution
    "execution_rate": ("97.73%", "97.37%"),
    # (added) 54.18 with the first two digits transposed -> PC402 project_within_budget
    "project_budget": ("45.18", "54.18"),
    # (added) 13.19 with the last two digits transposed -> PC301 spending_yoy
    "spending_increase": ("13.91", "13.19"),
    # (added) decrease divided by this year's figure, not last year's -> PC302 basic_yoy
    "basic_decrease_pct": ("6.19%", "5.83%"),
    # (added) 1万元 converted to 元 with a zero dropped -> PC501 relief_per_head
    "relief_per_person": ("1000", "10000"),
    # (added) 101% copied from the screening sentence -> PC203 relief_plan_rate
    "relief_completion": ("101%", "100%"),
    # 101% transcribed without its % sign, so it reads as 101万元 -> PC901 screening_rate
    "screening_completion": ("101", "101%"),
    # the heading says 六大文化 while seven are listed -> PC502 seven_cultures_listed
    "cultures": ("6", "7"),
}

#: The relations the injected mistakes break, derived from INJECTED above.
BROKEN = {
    "fund_balance",  # PC101: -2.21 + 132.35 != 134.56 + 0
    "basic_split",  # PC102: 63.41 + 19.62 != 82.67
    "publicity_of_which",  # PC103: 14.1 + 0.96 > 4.41
    "item_womens_day_same",  # PC401: 2.17 vs 1.35
    "item_caring_activity_same",  # PC401: 1.35 vs 2.17
    "special_share_ok",  # PC201: 51.89 / 134.56 is 38.56%, not 385.6%
    "basic_share_ok",  # PC201: 82.67 / 134.56 is 61.44%, not 62.46%
    "budget_execution",  # PC202: 134.56 / 138.20 is 97.37%, not 97.73%
    "project_within_budget",  # PC402: 51.89 > 45.18
    "spending_yoy",  # PC301: 121.37 + 13.91 != 134.56
    "basic_yoy",  # PC302: 5.12 / (82.67 + 5.12) is 5.83%, not 6.19%
    "relief_plan_rate",  # PC203: no whole number T with 7 / T in [100.5 %, 101.5 %)
    "relief_per_head",  # PC501: 7 x 1000元 != 7万元
    "seven_cultures_listed",  # PC502: 6 != 7
    "screening_rate",  # PC901: the stated rate is an amount, not a percentage
}

#: Where each error finding must be: code -> the relations it is reported on.
ERRORS_AT = {
    "PC101": {"fund_balance"},
    "PC102": {"basic_split"},
    "PC103": {"publicity_of_which"},
    "PC201": {"special_share_ok", "basic_share_ok"},
    "PC202": {"budget_execution"},
    "PC203": {"relief_plan_rate"},
    "PC301": {"spending_yoy"},
    "PC302": {"basic_yoy"},
    "PC401": {"item_womens_day_same", "item_caring_activity_same"},
    "PC402": {"project_within_budget"},
    "PC501": {"relief_per_head"},
    "PC502": {"seven_cultures_listed"},
    "PC901": {"screening_rate"},
}


def _read(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _figures(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {f["id"]: f for f in data["figures"]}


def _relations(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in data["relations"]}


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED_TEXT.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed() -> dict[str, Any]:
    return _read(SEED)


@pytest.fixture(scope="module")
def mistakes() -> dict[str, Any]:
    return _read(MISTAKES)


@pytest.fixture(scope="module")
def mistakes_result() -> perfcheck.Result:
    return perfcheck.check(MISTAKES)


# -- the seed example ---------------------------------------------------------------


def test_seed_checks_clean():
    result = perfcheck.check(SEED)
    assert [f.message for f in result.errors] == []
    assert [f.message for f in result.warnings] == []
    assert [f.message for f in result.infos] == []
    assert result.ok


def test_seed_every_relation_is_judged_and_holds():
    ledger = perfcheck.load(SEED)
    result = perfcheck.check(ledger)
    ids = {r.id for r in ledger.relations}
    assert len(ids) == 27
    assert {c.relation for c in result.checks} == ids
    assert {c.status for c in result.checks} == {"holds"}


def test_seed_cli_exits_zero(capsys):
    assert main(["check", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert "0 errors, 0 warnings, 0 infos; 27 relations checked" in out


def test_seed_cli_json(capsys):
    assert main(["check", "--format", "json", str(SEED)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["findings"] == []
    coverage = report["summary"].pop("coverage")
    assert report["summary"] == {"errors": 0, "warnings": 0, "infos": 0, "relations_checked": 27}
    # 13 figures of the seed (head-counts, dates of events, scores) take part in no relation
    assert coverage == {
        "figures": 63,
        "in_relations": 50,
        "relations": 27,
        "inferred": 0,
        "not_checkable": 0,
        "not_read": [],
    }


# -- the seed figure set is complete --------------------------------------------------


def _item_list(text: str, line_no: int) -> list[tuple[str, Decimal]]:
    """The "XX万元" items printed after 其中 on one line of the seed text."""
    line = text.split("\n")[line_no - 1]
    listed = line.split("其中", 1)[1].rstrip("。")
    items = []
    for piece in listed.split("，"):
        match = re.fullmatch(r"(.+?)(\d+(?:\.\d+)?)万元", piece)
        assert match, piece
        items.append((match[1], Decimal(match[2])))
    return items


@pytest.mark.parametrize(
    ("relation", "line_no", "total"), [("project_items", 62, "project"), ("special_items", 72, "special")]
)
def test_seed_item_lists_match_the_text(seed, seed_text, relation, line_no, total):
    items = _item_list(seed_text, line_no)
    assert len(items) == 16
    assert sum(v for _, v in items) == Decimal("51.89")
    figures = _figures(seed)
    rel = _relations(seed)[relation]
    assert rel["total"] == total
    assert rel.get("exhaustive", True)
    assert figures[total]["value"] == "51.89"
    parts = [figures[p] for p in rel["parts"]]
    assert [(p["label"], Decimal(p["value"])) for p in parts] == items
    for part in parts:
        assert part["concept"] == "line_item"
        # integers in a list of two-decimal amounts keep the list's precision
        if "." not in part["value"] or len(part["value"].split(".")[1]) < 2:
            assert part["decimals"] == 2, part["id"]


def test_seed_every_amount_in_the_text_is_a_figure(seed, seed_text):
    printed = {m.start(1): m[1] for m in re.finditer(r"(\d+(?:\.\d+)?)万元", seed_text)}
    # 4 fund-flow figures, basic + 2 parts, project + 16 items, special + 16 items, relief
    assert len(printed) == 4 + 3 + 17 + 17 + 1
    amounts = {
        f["source"]["start"]: f["value"]
        for f in seed["figures"]
        if f.get("unit") in (None, "万元") and not f["value"].endswith("%")
    }
    assert amounts == printed


def test_seed_every_percentage_in_the_text_is_a_figure(seed, seed_text):
    printed = {m.start(1): m[1] + "%" for m in re.finditer(r"(\d+(?:\.\d+)?)%", seed_text)}
    assert sorted(printed.values()) == ["101%", "38.56%"]
    stated = {f["source"]["start"]: f["value"] for f in seed["figures"] if f.get("unit") == "%"}
    assert stated == printed


def test_seed_sources_point_at_the_printed_values(seed, seed_text):
    lines = seed_text.split("\n")
    for fig in seed["figures"]:
        src = fig["source"]
        assert src["text"] in lines[src["line"] - 1], fig["id"]
        printed = seed_text[src["start"] : src["end"]]
        if fig["id"] == "cultures":
            assert printed == "七"
        else:
            assert printed == fig["value"].removesuffix("%"), fig["id"]


@pytest.mark.parametrize(
    ("fid", "value", "unit", "qualifier"),
    [
        ("income", "132.35", None, None),
        ("carryover_in", "2.21", None, None),
        ("spending", "134.56", None, None),
        ("carryover_out", "0", None, None),
        ("basic", "82.67", None, None),
        ("wages", "63.41", None, None),
        ("public_goods", "19.26", None, None),
        ("project", "51.89", None, None),
        ("special", "51.89", None, None),
        ("special_share", "38.56%", "%", None),
        ("relieved_women", "7", "名", None),
        ("relief_paid", "7", None, None),
        ("screenings", "4060", "例", None),
        ("screening_completion", "101%", "%", None),
        ("leaflets", "10000", "份", "more_than"),
        ("people_reached", "20000", "人", "at_least"),
        ("staff_quota_total", "5", "人", None),
        ("retired_staff", "2", "人", None),
        ("civilized_families", "20", "个", None),
        ("score", "98", "分", None),
    ],
)
def test_seed_figure(seed, fid, value, unit, qualifier):
    fig = _figures(seed)[fid]
    assert fig["value"] == value
    assert fig.get("unit") == unit
    assert fig.get("qualifier") == qualifier


def test_seed_document_header(seed):
    assert seed["unit"] == "万元"
    assert seed["locale"] == "zh_CN"
    assert seed["title"] == "资阳区妇联2021年整体绩效自评报告"
    assert _figures(seed)["carryover_out"]["decimals"] == 2


def test_seed_report_arithmetic_holds_exactly():
    """The seed's key identities hold even without rounding, computed here from the text's numbers."""
    d = Decimal
    assert d("2.21") + d("132.35") == d("134.56") + d("0")
    assert d("82.67") + d("51.89") == d("134.56")
    assert d("63.41") + d("19.26") == d("82.67")
    assert round(d("51.89") / d("134.56") * 100, 2) == d("38.56")
    # 4060 screenings at 101 % admit whole-number targets (4000 ... 4039)
    assert any(d("100.5") <= d(4060) * 100 / t < d("101.5") for t in range(3990, 4050))


# -- the mistakes example -------------------------------------------------------------


def test_mistakes_is_a_copy_of_the_seed(seed, mistakes):
    assert mistakes["title"] == seed["title"] + TITLE_SUFFIX
    for key in ("perfcheck", "source", "entity", "period", "unit", "locale"):
        assert mistakes[key] == seed[key]
    seed_figs, bad_figs = _figures(seed), _figures(mistakes)
    seed_rels, bad_rels = _relations(seed), _relations(mistakes)
    assert set(seed_figs) <= set(bad_figs)
    assert set(seed_rels) <= set(bad_rels)
    for fid, fig in seed_figs.items():
        if fid not in INJECTED:
            assert bad_figs[fid] == fig, fid
    for rid, rel in seed_rels.items():
        changed = {k for k in rel.keys() | bad_rels[rid].keys() if rel.get(k) != bad_rels[rid].get(k)}
        assert changed <= {"label"}, rid
        if rid not in BROKEN:
            assert bad_rels[rid] == rel, rid


def test_mistakes_file_style(mistakes):
    text = MISTAKES.read_text(encoding="utf-8")
    assert text == json.dumps(mistakes, indent=2, ensure_ascii=False) + "\n"


def test_mistakes_are_labelled(seed, mistakes):
    seed_figs, seed_rels = _figures(seed), _relations(seed)
    figs = _figures(mistakes)
    for fid, (printed, _) in INJECTED.items():
        assert figs[fid]["value"] == printed, fid
        assert "注入错误" in figs[fid]["label"], fid
    for fid, fig in figs.items():
        if fid not in seed_figs:
            assert "示例添加" in fig["label"], fid
    for rid, rel in _relations(mistakes).items():
        if rid not in seed_rels:
            assert "示例添加" in rel["label"], rid
        if rid in BROKEN:
            assert "注入错误" in rel["label"], rid


@pytest.mark.parametrize("code", sorted(EXPECTED_SEVERITY))
def test_mistakes_trip_rule(mistakes_result, code):
    found = [f for f in mistakes_result.findings if f.code == code]
    assert found, f"no {code} finding"
    assert {f.severity.value for f in found} == {EXPECTED_SEVERITY[code]}


def test_mistakes_error_findings_are_where_injected(mistakes_result):
    at: dict[str, set[str | None]] = {}
    for f in mistakes_result.errors:
        at.setdefault(f.code, set()).add(f.relation)
    assert at == {**ERRORS_AT, "PC603": {None}}
    (negative,) = [f for f in mistakes_result.errors if f.code == "PC603"]
    assert negative.figures == ("carryover_in",)


def test_mistakes_warnings_are_where_injected(mistakes_result):
    warnings = {(f.code, f.relation, f.figures) for f in mistakes_result.warnings}
    assert warnings == {
        ("PC601", "special_share_ok", ("special_share", "special")),
        ("PC602", None, ("basic_share", "project_share")),
        ("PC604", None, ("summer_safety",)),
    }


def test_mistakes_broken_relations_are_exactly_the_injected_ones(mistakes_result):
    broken = {f.relation for f in mistakes_result.errors if f.relation is not None}
    assert broken == BROKEN
    assert mistakes_result.broken() == BROKEN


def test_mistakes_other_relations_hold(mistakes):
    ledger = perfcheck.validate(mistakes)
    result = perfcheck.check(ledger)
    status: dict[str, set[str]] = {}
    for c in result.checks:
        status.setdefault(c.relation, set()).add(c.status)
    assert set(status) == {r.id for r in ledger.relations}
    for rid, statuses in status.items():
        if rid == "screening_rate":
            assert statuses == {"invalid"}
        elif rid in BROKEN:
            assert statuses == {"broken"}, rid
        else:
            assert statuses == {"holds"}, rid


def test_mistakes_corrected_check_clean(mistakes):
    data = json.loads(json.dumps(mistakes))
    for fig in data["figures"]:
        if fig["id"] in INJECTED:
            fig["value"] = INJECTED[fig["id"]][1]
    result = perfcheck.check(perfcheck.validate(data))
    assert [f.message for f in result.findings] == []
    assert {c.status for c in result.checks} == {"holds"}


def test_mistakes_cli_exits_one(capsys):
    assert main(["check", str(MISTAKES)]) == 1
    out = capsys.readouterr().out
    for code in EXPECTED_SEVERITY:
        assert code in out
    assert "16 errors, 3 warnings, 0 infos" in out


def test_mistakes_cli_exit_zero_option(capsys):
    assert main(["check", "--exit-zero", str(MISTAKES)]) == 0
    capsys.readouterr()
