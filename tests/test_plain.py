"""Broken sums and balances judged on plain data (perfcheck._engine.plain), issue 15.

A broken ``sum`` or ``balance`` of plain figures is judged by the rules' own exact checks on
the document as parsed and worded as compact findings; these tests hold that path to the
full path (the same findings, messages and JSON, in both locales and in report order among
the escalated part's findings) and make sure it is the path taken, so that a fall-back to
the full path cannot hide a difference.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import perfcheck
from perfcheck import default_registry
from perfcheck._core.limits import DEFAULT_LIMITS
from perfcheck._engine import fast, plain
from perfcheck._findings.finding import Finding
from perfcheck._findings.plain import PlainFinding
from perfcheck.cli import main
from perfcheck.render import Checked, document_part, parts_joined


def _doc(figures: list[tuple[str, str, str | None]], relations: list[dict[str, Any]], **keys: Any) -> bytes:
    figs = [{"id": i, "value": v, **({"label": lab} if lab else {})} for i, v, lab in figures]
    return json.dumps(
        {"perfcheck": "1", "unit": "万元", **keys, "figures": figs, "relations": relations},
        ensure_ascii=False,
    ).encode()


def _screened(data: bytes, locale: str = "en") -> fast.Screened:
    plan = fast.plan(default_registry.select(None, None), default_registry)
    assert plan is not None
    screened = fast.screen(data, plan, DEFAULT_LIMITS, locale)
    assert screened is not None
    return screened


def _same(data: bytes, locale: str) -> perfcheck.Result:
    fast_result = perfcheck.check(data, locale=locale)
    full = perfcheck.check(perfcheck.loads(data), locale=locale)
    assert fast_result.findings == full.findings
    assert [f.to_json_dict() for f in fast_result.findings] == [f.to_json_dict() for f in full.findings]
    assert fast_result.to_json_dict() == full.to_json_dict()
    assert fast_result.checks == full.checks
    return full


FIGURES = [
    ("total", "134.56", "总支出"),
    ("basic", "82.67", "基本支出"),
    ("project", "52.99", "项目支出"),
    ("carry_in", "2.21", "上年结转"),
    ("income", "132.35", None),
    ("carry_out", "1.00", "结转下年"),
    ("relief", "60.15", "救助"),
]
RELATIONS = [
    {"id": "split", "kind": "sum", "total": "total", "parts": ["basic", "project"]},
    {"id": "flow", "kind": "balance", "inflows": ["carry_in", "income"], "outflows": ["total", "carry_out"]},
    {"id": "of_which", "kind": "sum", "total": "project", "parts": ["relief"], "exhaustive": False},
    {"id": "fine", "kind": "sum", "total": "basic", "parts": ["basic"], "label": "同"},
]


@pytest.mark.parametrize("locale", ["en", "zh_CN"])
@pytest.mark.parametrize("number_locale", [None, "zh_CN", "de_CH"])
def test_broken_sums_and_balances_are_worded_on_plain_data(locale: str, number_locale: str | None) -> None:
    keys = {} if number_locale is None else {"locale": number_locale}
    data = _doc(FIGURES, RELATIONS, **keys)
    screened = _screened(data, locale)
    assert screened.relations == []  # nothing escalated
    assert screened.worded_ids == {"split", "flow", "of_which"}
    assert all(isinstance(f, PlainFinding) for f in screened.worded)
    full = _same(data, locale)
    assert [f.code for f in full.findings] == ["PC102", "PC101", "PC103"]
    # The compact findings are the full path's, field for field.
    assert [Finding.of(f) for f in screened.worded] == list(full.findings)
    assert [f.to_json_dict() for f in screened.worded] == [f.to_json_dict() for f in full.findings]
    assert [f.text("zh_CN") for f in screened.worded] == [f.text("zh_CN") for f in full.findings]


def test_worded_findings_take_their_place_among_the_escalated_ones() -> None:
    # A share above 100 % (PC601 judges it on the full path: escalated) and a weighted sum
    # (read by its model: escalated) around sums judged on plain data, among them one of a
    # figure printed with its unit and one of a qualified figure (views of parsed data):
    # the findings come in the full path's order.
    figures = [
        *FIGURES,
        ("share", "120.00%", "占比"),
        ("unit_part", "1.00万元", None),
        ("about", "约3", None),
    ]
    relations = [
        {"id": "a_share", "kind": "share", "part": "basic", "whole": "project", "stated": "share"},
        *RELATIONS,
        {"id": "with_unit", "kind": "sum", "total": "carry_out", "parts": ["unit_part", "carry_in"]},
        {"id": "opaque", "kind": "sum", "total": "about", "parts": ["relief"]},
        {"id": "weighted", "kind": "sum", "total": "total", "parts": ["basic"], "weights": ["2"]},
    ]
    data = _doc(figures, relations)
    screened = _screened(data)
    assert screened.worded_ids == {"split", "flow", "of_which", "with_unit", "opaque"}
    assert {r["id"] for r in screened.relations} == {"a_share", "weighted"}
    for locale in ("en", "zh_CN"):
        full = _same(data, locale)
        assert [f.relation for f in full.errors] == [
            "a_share",
            "split",
            "flow",
            "of_which",
            "with_unit",
            "opaque",
            "weighted",
        ]


def test_a_relation_with_weights_or_a_basis_is_escalated() -> None:
    relations = [
        {
            "id": "weighted",
            "kind": "sum",
            "total": "total",
            "parts": ["basic", "project"],
            "weights": ["1", "2"],
        },
        {"id": "guessed", "kind": "sum", "total": "total", "parts": ["basic"], "basis": "inferred"},
    ]
    data = _doc(FIGURES, relations)
    screened = _screened(data)
    assert screened.worded_ids == frozenset()
    assert {r["id"] for r in screened.relations} == {"weighted", "guessed"}
    _same(data, "en")


@pytest.mark.parametrize("fmt", ["table", "json", "sarif", "github"])
@pytest.mark.parametrize("locale", ["en", "zh_CN"])
def test_the_command_writes_the_worded_findings_as_the_full_path_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str, locale: str
) -> None:
    data = _doc(FIGURES, RELATIONS)
    path = tmp_path / "doc.json"
    path.write_bytes(data)
    assert main(["check", str(path), "--format", fmt, "--locale", locale, "--isolated"]) == 1
    out = capsys.readouterr().out
    full = perfcheck.check(perfcheck.loads(data), locale=locale)
    if fmt in ("table", "json"):  # the single document's part, as the command writes it
        checked = Checked(str(path), str(path), None, full)
        part = document_part(checked, fmt, locale=locale, single=True)
        assert out == "".join(parts_joined([part], fmt, single=True)) + "\n"
    assert all(code in out for code in ("PC101", "PC102", "PC103"))


@st.composite
def _trees(draw: st.DrawFn) -> tuple[bytes, set[str]]:
    """A tree of sums (a root, groups, items), some totals off by up to two units either way."""
    decimals = draw(st.integers(1, 3))  # no bare 0 (exactly nothing: not a plain figure)
    unit = 10**-decimals
    groups = draw(st.integers(1, 4))
    figures: list[tuple[str, str, str | None]] = []
    relations: list[dict[str, Any]] = []
    broken: set[str] = set()
    root = 0
    for g in range(groups):
        n = draw(st.integers(1, 5))
        items = [draw(st.integers(-500, 5000)) for _ in range(n)]
        off = draw(st.integers(-2, 2)) if draw(st.booleans()) else 0
        total = sum(items) + off * (n + 1)  # off by more than the rounding of n + 1 figures when off
        root += total
        if off:
            broken.add(f"s{g}")
        figures.append((f"g{g}", f"{total * unit:.{decimals}f}", f"组{g}"))
        figures.extend((f"i{g}_{k}", f"{v * unit:.{decimals}f}", None) for k, v in enumerate(items))
        relations.append(
            {"id": f"s{g}", "kind": "sum", "total": f"g{g}", "parts": [f"i{g}_{k}" for k in range(n)]}
        )
    root_off = draw(st.integers(-1, 1)) * (groups + 1)
    figures.insert(0, ("root", f"{(root + root_off) * unit:.{decimals}f}", "合计"))
    relations.append({"id": "top", "kind": "sum", "total": "root", "parts": [f"g{g}" for g in range(groups)]})
    if root_off:
        broken.add("top")
    return _doc(figures, relations), broken


@settings(max_examples=60, deadline=None)
@given(_trees(), st.sampled_from(["en", "zh_CN"]))
def test_trees_of_sums_are_judged_on_plain_data_as_on_the_full_path(
    tree: tuple[bytes, set[str]], locale: str
) -> None:
    data, broken = tree
    screened = _screened(data, locale)
    assert screened.relations == []
    assert screened.worded_ids == broken
    full = _same(data, locale)
    assert full.broken() == broken


SHARE_FIGURES = [
    *FIGURES,
    ("project_pct", "39.38%", "占总支出"),  # 52.99 / 134.56 = 39.380 %: holds
    ("basic_pct", "60.44%", "占总支出"),  # 82.67 / 134.56 = 61.437 %: broken (with 39.38 % not above 100 %)
    ("relief_pct", "45.00%", None),  # 60.15 / (82.67 + 52.99) = 44.339 %: broken, a whole of two
    ("nothing", "0.00", "零"),
    ("of_nothing", "10.0%", None),  # a whole that may be zero: not checkable
]
SHARE_RELATIONS = [
    {"id": "p_share", "kind": "share", "part": "project", "whole": "total", "stated": "project_pct"},
    {"id": "b_share", "kind": "share", "part": "basic", "whole": "total", "stated": "basic_pct"},
    {
        "id": "r_share",
        "kind": "share",
        "part": "relief",
        "whole": ["basic", "project"],
        "stated": "relief_pct",
    },
    {"id": "z_share", "kind": "share", "part": "relief", "whole": "nothing", "stated": "of_nothing"},
    *RELATIONS,
]


@pytest.mark.parametrize("locale", ["en", "zh_CN"])
@pytest.mark.parametrize("number_locale", [None, "zh_CN", "de_CH"])
def test_broken_shares_are_worded_on_plain_data(locale: str, number_locale: str | None) -> None:
    keys = {} if number_locale is None else {"locale": number_locale}
    data = _doc(SHARE_FIGURES, SHARE_RELATIONS, **keys)
    screened = _screened(data, locale)
    assert screened.relations == []  # nothing escalated: the shares are judged on plain data
    assert screened.worded_ids == {"b_share", "r_share", "z_share", "split", "flow", "of_which"}
    full = _same(data, locale)
    assert [(f.code, f.relation) for f in full.findings] == [
        ("PC201", "b_share"),
        ("PC201", "r_share"),
        ("PC102", "split"),
        ("PC101", "flow"),
        ("PC103", "of_which"),
        ("PC201", "z_share"),
    ]
    assert full.findings[-1].verdict == "not_checkable"
    assert [Finding.of(f) for f in screened.worded] == list(full.findings)
    assert [f.to_json_dict() for f in screened.worded] == [f.to_json_dict() for f in full.findings]
    assert [f.text("zh_CN") for f in screened.worded] == [f.text("zh_CN") for f in full.findings]
    assert perfcheck.check(data, locale=locale).relations_checked == full.relations_checked


def test_a_stated_share_with_its_own_unit_and_concept_is_worded() -> None:
    # As W2 prints it: {"unit": "%", "concept": "share"} beside a value printed with its %.
    doc = json.loads(_doc(SHARE_FIGURES, SHARE_RELATIONS[:2]))
    for f in doc["figures"]:
        if f["id"] == "basic_pct":
            f.update(unit="%", concept="share")
    data = json.dumps(doc, ensure_ascii=False).encode()
    screened = _screened(data, "zh_CN")
    assert screened.worded_ids == {"b_share"}
    assert screened.relations == []
    full = _same(data, "zh_CN")
    assert [Finding.of(f) for f in screened.worded] == list(full.findings)


def test_shares_the_plain_path_cannot_word_are_escalated() -> None:
    # A stated share with decimals of its own, one whose part is among its wholes, and one
    # above 100 % (PC601 judges it on the full path) are escalated, and judged there.
    doc = json.loads(_doc([*SHARE_FIGURES, ("over", "120.0%", None)], SHARE_RELATIONS[:2]))
    for f in doc["figures"]:
        if f["id"] == "basic_pct":
            f["decimals"] = 2
    doc["relations"] += [
        {
            "id": "inside",
            "kind": "share",
            "part": "basic",
            "whole": ["basic", "project"],
            "stated": "relief_pct",
        },
        {"id": "above", "kind": "share", "part": "total", "whole": "basic", "stated": "over"},
    ]
    data = json.dumps(doc, ensure_ascii=False).encode()
    screened = _screened(data)
    assert screened.worded_ids == frozenset()
    assert {r["id"] for r in screened.relations} == {"b_share", "inside", "above"}
    full = _same(data, "en")
    assert {(f.code, f.relation) for f in full.findings} == {
        ("PC201", "b_share"),
        ("PC201", "inside"),
        ("PC201", "above"),
        ("PC601", "above"),
    }


def test_a_rule_that_raises_on_plain_data_sends_its_relations_to_the_full_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The plain path must not hide a failure: the relations it would have worded are escalated.
    def boom(*_: object, **__: object) -> None:
        raise RuntimeError

    monkeypatch.setattr(plain.PlainContext, "locations", boom)
    screened = _screened(_doc(SHARE_FIGURES, SHARE_RELATIONS))
    assert screened.worded_ids == frozenset()
    assert {r["id"] for r in screened.relations} >= {"b_share", "r_share", "z_share", "split"}


@st.composite
def _shares(draw: st.DrawFn) -> tuple[bytes, bool]:
    """A share at or within a unit of its rounding boundary, its whole one figure or two."""
    decimals = draw(st.integers(1, 3))
    places = draw(st.integers(0, 2))  # the stated percentage's decimals
    one = 10**-decimals
    wholes = [draw(st.integers(1, 10**5)) for _ in range(draw(st.integers(1, 2)))]
    whole = sum(wholes)
    part = draw(st.integers(0, whole))  # at most 100 %, mostly: PC601 sends the others to the full path
    # The stated share's printed units (10^-places %), near part / whole with every rounding.
    exact = part * 100 * 10**places / whole
    stated = max(0, round(exact) + draw(st.integers(-2, 2)))
    figures = [("part", f"{part * one:.{decimals}f}", "部分")]
    figures += [(f"w{i}", f"{w * one:.{decimals}f}", f"整体{i}") for i, w in enumerate(wholes)]
    figures.append(("stated", f"{stated / 10**places:.{places}f}%", "占比"))
    whole_ids = [f"w{i}" for i in range(len(wholes))]
    rel = {"id": "s", "kind": "share", "part": "part", "whole": whole_ids, "stated": "stated"}
    if len(whole_ids) == 1 and draw(st.booleans()):
        rel["whole"] = "w0"
    return _doc(figures, [rel]), part == 0


@settings(max_examples=150, deadline=None)
@given(_shares(), st.sampled_from(["en", "zh_CN"]))
def test_shares_near_their_boundaries_are_judged_on_plain_data_as_on_the_full_path(
    share: tuple[bytes, bool], locale: str
) -> None:
    data, unbounded = share  # a part printed as 0: it may be negative, the screen cannot bound it
    screened = _screened(data, locale)
    full = _same(data, locale)
    broken = full.broken()
    if not any(f.code == "PC601" for f in full.findings):
        # Every broken share is judged on plain data, none escalated.
        assert screened.relations == []
        # Broken under the exact check: judged on plain data. Holding: cleared by the screen,
        # unless it cannot bound the share (it is then judged, and holds, on plain data).
        assert screened.worded_ids == broken or (unbounded and screened.worded_ids >= broken)
        assert [Finding.of(f) for f in screened.worded] == list(full.findings)


GROUP_FIGURES = [
    *FIGURES,
    ("basic_pct", "61.44%", "基本支出占比"),  # holds
    ("project_pct", "40.38%", "项目支出占比"),  # 39.380 %: broken, and with 61.44 % above 100 %
]
GROUP_RELATIONS = [
    RELATIONS[0],  # split: total = basic + project (broken), groups the two shares
    {"id": "b_share", "kind": "share", "part": "basic", "whole": "total", "stated": "basic_pct"},
    {"id": "p_share", "kind": "share", "part": "project", "whole": "total", "stated": "project_pct"},
]


@pytest.mark.parametrize("locale", ["en", "zh_CN"])
@pytest.mark.parametrize("number_locale", [None, "de_CH"])
def test_shares_of_one_whole_above_100_are_judged_on_plain_data(
    locale: str, number_locale: str | None
) -> None:
    # PC602's group (the shares of one whole and the sum grouping them) is judged by PC602 on
    # plain data: nothing goes to the full path, and the findings are the full path's.
    keys = {} if number_locale is None else {"locale": number_locale}
    data = _doc(GROUP_FIGURES, GROUP_RELATIONS, **keys)
    screened = _screened(data, locale)
    assert screened.relations == []
    assert screened.figures == []
    assert screened.worded_ids == {"split", "p_share"}
    full = _same(data, locale)
    assert [(f.code, f.relation) for f in full.findings] == [
        ("PC102", "split"),
        ("PC201", "p_share"),
        ("PC602", None),
    ]
    assert [Finding.of(f) for f in screened.worded] == list(full.findings)
    assert [f.text("zh_CN") for f in screened.worded] == [f.text("zh_CN") for f in full.findings]


def test_a_document_rule_that_raises_on_plain_data_sends_its_group_to_the_full_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def boom(*_: object, **__: object) -> None:
        raise RuntimeError

    monkeypatch.setattr(plain.PlainContext, "suspicious", boom)
    screened = _screened(_doc(GROUP_FIGURES, GROUP_RELATIONS))
    assert {r["id"] for r in screened.relations} == {"split", "b_share", "p_share"}
    assert all(f.code != "PC602" for f in screened.worded)


@pytest.mark.parametrize("fmt", ["table", "json"])
@pytest.mark.parametrize("locale", ["en", "zh_CN"])
def test_the_command_writes_shares_judged_on_plain_data_as_the_full_path_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str, locale: str
) -> None:
    data = _doc(
        [*GROUP_FIGURES, *SHARE_FIGURES[len(FIGURES) + 2 :]],
        [*GROUP_RELATIONS, *SHARE_RELATIONS[2:4]],
    )
    assert _screened(data).relations == []  # the plain path is the one taken
    path = tmp_path / "doc.json"
    path.write_bytes(data)
    assert main(["check", str(path), "--format", fmt, "--locale", locale, "--isolated"]) == 1
    out = capsys.readouterr().out
    full = perfcheck.check(perfcheck.loads(data), locale=locale)
    checked = Checked(str(path), str(path), None, full)
    part = document_part(checked, fmt, locale=locale, single=True)
    assert out == "".join(parts_joined([part], fmt, single=True)) + "\n"
    assert all(code in out for code in ("PC201", "PC602"))


CHANGE_FIGURES = [
    *FIGURES,
    ("prior", "120.00", "上年支出"),
    ("delta", "14.56", "增加"),
    ("delta_off", "16.56", "增加"),
    ("pct", "12.13%", "增长"),  # 14.56 / 120.00 = 12.133 %: holds
    ("pct_off", "13.13%", "增长"),  # broken
    ("zero", "0.00", "上年"),
]
CHANGE_RELATIONS = [
    {
        "id": "fine",
        "kind": "change",
        "current": "total",
        "prior": "prior",
        "delta": "delta",
        "direction": "increase",
    },
    {
        "id": "level",
        "kind": "change",
        "current": "total",
        "prior": "prior",
        "delta": "delta_off",
        "direction": "increase",
    },
    {
        "id": "both",
        "kind": "change",
        "current": "total",
        "prior": "prior",
        "delta": "delta",
        "percent": "pct_off",
        "direction": "increase",
    },
    {
        "id": "levels",
        "kind": "change",
        "current": "total",
        "prior": "prior",
        "percent": "pct",
        "direction": "increase",
    },
    {"id": "way", "kind": "change", "current": "total", "prior": "prior", "direction": "decrease"},
    {
        "id": "of_zero",
        "kind": "change",
        "current": "total",
        "prior": "zero",
        "percent": "pct",
        "direction": "increase",
    },
]


@pytest.mark.parametrize("locale", ["en", "zh_CN"])
@pytest.mark.parametrize("number_locale", [None, "de_CH"])
def test_broken_changes_are_worded_on_plain_data(locale: str, number_locale: str | None) -> None:
    keys = {} if number_locale is None else {"locale": number_locale}
    data = _doc(CHANGE_FIGURES, CHANGE_RELATIONS, **keys)
    screened = _screened(data, locale)
    assert screened.relations == []  # nothing escalated: the changes are judged on plain data
    full = _same(data, locale)
    assert {(f.code, f.relation) for f in full.findings} == {
        ("PC301", "level"),
        ("PC302", "both"),
        ("PC301", "way"),
        ("PC302", "of_zero"),
    }
    assert screened.worded_ids == {"level", "both", "way", "of_zero"}
    assert [Finding.of(f) for f in screened.worded] == list(full.findings)
    assert [f.text("zh_CN") for f in screened.worded] == [f.text("zh_CN") for f in full.findings]
    assert perfcheck.check(data, locale=locale).relations_checked == full.relations_checked


@st.composite
def _changes(draw: st.DrawFn) -> tuple[bytes, bool]:
    """A change at or within a unit of its rounding boundary: its level, its percent, or both."""
    decimals = draw(st.integers(1, 3))
    places = draw(st.integers(0, 2))
    one = 10**-decimals
    prior = draw(st.integers(1, 10**5))
    delta = draw(st.integers(0, 10**5))
    increase = draw(st.booleans())
    current = prior + delta if increase else prior - delta
    current += draw(st.integers(-3, 3))
    pct = max(0, round(delta * 100 * 10**places / prior) + draw(st.integers(-2, 2)))
    figures = [
        ("current", f"{current * one:.{decimals}f}", "本年"),
        ("prior", f"{prior * one:.{decimals}f}", "上年"),
        ("delta", f"{delta * one:.{decimals}f}", "变动"),
        ("pct", f"{pct / 10**places:.{places}f}%", "幅度"),
    ]
    named = draw(
        st.sampled_from([("prior", "delta"), ("prior", "delta", "pct"), ("prior", "pct"), ("prior",)])
    )
    rel: dict[str, Any] = {"id": "c", "kind": "change", "current": "current"}
    rel.update({"percent" if n == "pct" else n: n for n in named})
    rel["direction"] = "increase" if increase else "decrease"
    # The screen bounds a percent only of a change and levels that cannot be negative.
    unbounded = "pct" in named and (delta == 0 or current <= 0)
    return _doc(figures, [rel]), unbounded


@settings(max_examples=150, deadline=None)
@given(_changes(), st.sampled_from(["en", "zh_CN"]))
def test_changes_near_their_boundaries_are_judged_on_plain_data_as_on_the_full_path(
    change: tuple[bytes, bool], locale: str
) -> None:
    data, unbounded = change
    screened = _screened(data, locale)
    full = _same(data, locale)
    assert screened.relations == []  # never escalated: judged on the screen or on plain data
    # Broken: judged on plain data; holding: cleared by the screen unless it cannot bound it.
    broken = full.broken()
    assert screened.worded_ids == broken or (unbounded and broken <= screened.worded_ids)
    assert [Finding.of(f) for f in screened.worded] == list(full.findings)


def _mixed(*, broken: bool, number_locale: str | None) -> bytes:
    """Sums and a balance naming values printed with their unit, JSON numbers and qualified values."""
    figures: list[dict[str, Any]] = [
        {"id": "total", "value": "134.56", "label": "总支出"},
        {"id": "basic", "value": "82.67万元", "label": "基本支出"},
        {"id": "project", "value": "约50" if not broken else "约60", "label": "项目支出"},
        {"id": "in1", "value": "100.00万元", "label": '"上年结转"'},
        {"id": "in2", "value": "34.56" if not broken else "34.65"},
        {"id": "staff", "value": "12", "unit": "人"},
        {"id": "staff_a", "value": 5, "unit": "人"},
        {"id": "staff_b", "value": 7 if not broken else 9, "unit": "人"},
        {"id": "more", "value": "逾130", "label": "超过"},
        {"id": "visits", "value": "约339人次"},
    ]
    relations = [
        {"id": "split", "kind": "sum", "total": "total", "parts": ["basic", "project"]},
        {"id": "funds", "kind": "balance", "inflows": ["in1", "in2"], "outflows": ["total"]},
        {"id": "staff_split", "kind": "sum", "total": "staff", "parts": ["staff_a", "staff_b"]},
        {
            "id": "at_least",
            "kind": "sum",
            "total": "more",
            "parts": ["basic", "project"],
            "exhaustive": False,
        },
        {"id": "at_least_2", "kind": "sum", "total": "basic", "parts": ["more"], "exhaustive": False},
    ]
    keys = {} if number_locale is None else {"locale": number_locale}
    doc = {"perfcheck": "1", "unit": "万元", **keys, "figures": figures, "relations": relations}
    return json.dumps(doc, ensure_ascii=False).encode()


@pytest.mark.parametrize("broken", [False, True])
@pytest.mark.parametrize("locale", ["en", "zh_CN"])
@pytest.mark.parametrize("number_locale", [None, "zh_CN", "de_CH"])
def test_sums_of_qualified_values_and_values_with_units_are_judged_on_plain_data(
    broken: bool, locale: str, number_locale: str | None
) -> None:
    # issue 15: views of 约…, 逾…, …万元 and JSON numbers read as plain data; nothing escalated
    data = _mixed(broken=broken, number_locale=number_locale)
    screened = _screened(data, locale)
    assert screened.relations == []
    assert screened.figures == []
    full = _same(data, locale)
    assert full.broken() == ({"split", "funds", "staff_split", "at_least_2"} if broken else {"at_least_2"})
    assert screened.worded_ids >= full.broken()
    assert [Finding.of(f) for f in screened.worded] == list(full.findings)
    assert [f.to_json_dict() for f in screened.worded] == [f.to_json_dict() for f in full.findings]
    assert [f.text("zh_CN") for f in screened.worded] == [f.text("zh_CN") for f in full.findings]


def test_a_change_is_validated_as_plain_data() -> None:
    # issue 15: a change's keys are read without its model; a bad one is the full path's error
    figures = [("cur", "10.00", None), ("prior", "8.00", None), ("delta", "2.00", None)]
    good = {"id": "c", "kind": "change", "current": "cur", "prior": "prior", "delta": "delta"}
    assert _screened(_doc(figures, [{**good, "direction": "increase"}])).relations == []
    for bad in (
        {"direction": "up"},
        {"direction": "increase", "prior": ["prior"]},
        {"direction": "increase", "current": " cur"},
    ):
        data = _doc(figures, [{**good, **bad}])
        plan = fast.plan(default_registry.select(None, None), default_registry)
        assert plan is not None
        assert fast.screen(data, plan, DEFAULT_LIMITS) is None
        with pytest.raises(perfcheck.LedgerError):
            perfcheck.check(data)


@st.composite
def _qualified_sums(draw: st.DrawFn) -> bytes:
    """A sum or balance with one figure qualified (约, 近, 逾, 余) or printed with its unit, near its bounds.

    The qualified figure is drawn around what the others make it, within a few units of
    its own last digit either way, so the relation is judged at and beside its bounds.
    """
    n = draw(st.integers(1, 3))
    parts = [draw(st.integers(0, 10**6)) for _ in range(n)]
    total = sum(parts)
    word = draw(st.sampled_from(["约", "近", "逾", "超过", "余", "万元"]))
    scale = 10 ** draw(st.integers(0, 4))  # the qualified figure rounded to tens, hundreds...
    where = draw(st.integers(0, n))  # 0: the total, else a part
    exact = total if where == 0 else parts[where - 1]
    printed = max(0, (exact + draw(st.integers(-3, 3)) * scale // 2) // scale * scale)
    if word == "万元":
        printed = exact + draw(st.integers(-2, 2))

    def cents(x: int) -> str:
        return f"{x // 100}.{x % 100:02d}"

    def shown(x: int) -> str:
        text = cents(x)
        if word == "余":
            return text + "余"
        return text + "万元" if word == "万元" else word + text

    values = [total, *parts]
    values[where] = printed
    figures = [{"id": f"f{i}", "value": shown(v) if i == where else cents(v)} for i, v in enumerate(values)]
    kind = draw(st.sampled_from(["sum", "partial", "balance"]))
    if kind == "balance":
        relation = {
            "id": "r",
            "kind": "balance",
            "inflows": ["f0"],
            "outflows": [f"f{i}" for i in range(1, n + 1)],
        }
    else:
        relation = {"id": "r", "kind": "sum", "total": "f0", "parts": [f"f{i}" for i in range(1, n + 1)]}
        if kind == "partial":
            relation["exhaustive"] = False
    doc = {"perfcheck": "1", "unit": "万元", "figures": figures, "relations": [relation]}
    return json.dumps(doc, ensure_ascii=False).encode()


@settings(max_examples=150, deadline=None)
@given(_qualified_sums(), st.sampled_from(["en", "zh_CN"]))
def test_qualified_sums_near_their_bounds_are_judged_on_plain_data_as_on_the_full_path(
    data: bytes, locale: str
) -> None:
    screened = _screened(data, locale)
    full = _same(data, locale)
    assert screened.relations == []  # judged on the screen or on plain data, never escalated
    assert full.broken() <= screened.worded_ids
    assert [Finding.of(f) for f in screened.worded] == list(full.findings)
