"""Each rule: its documented examples, its semantics at the edges, and the registry."""

from __future__ import annotations

import re
from typing import Any

import pytest

import perfcheck
from perfcheck import Registry, Severity, Verdict, check, default_registry, rule, validate
from perfcheck._engine.context import Context
from perfcheck.rules._examples import doc, fig

RULES = list(default_registry)


@pytest.mark.parametrize("r", RULES, ids=lambda r: r.code)
def test_passing_example_finds_nothing(r: perfcheck.Rule) -> None:
    result = check(validate(r.passing), select=[r.code])
    assert [f for f in result.findings if f.code == r.code] == []


@pytest.mark.parametrize("r", [r for r in RULES if r.failing], ids=lambda r: r.code)
def test_failing_example_fires(r: perfcheck.Rule) -> None:
    result = check(validate(r.failing), select=[r.code])
    codes = [(f.code, f.severity) for f in result.findings]
    assert (r.code, r.severity) in codes
    # the example breaks exactly this rule among the relation rules of its family
    assert all(f.code == r.code for f in result.findings)


def _judged(example: dict[str, Any], r: perfcheck.Rule, *, verdicts_only: bool) -> tuple[list[Any], int]:
    """Each relation of ``example`` judged by ``r`` alone, in one context: the findings and the checks recorded."""
    ctx = Context(validate(example))
    ctx.verdicts_only = verdicts_only
    found = [f for rel in ctx.ledger.relations if r.applies_to(rel) for f in r.check(ctx, rel)]
    return found, len(ctx.checks)


@pytest.mark.parametrize("r", [r for r in RULES if r.kinds], ids=lambda r: r.code)
def test_verdicts_only_finds_what_a_check_finds(r: perfcheck.Rule) -> None:
    # localisation's exact checks ask only for verdicts (Context.verdicts_only): the same findings
    for example in (r.passing, r.failing):
        if example:
            assert _judged(example, r, verdicts_only=True)[0] == _judged(example, r, verdicts_only=False)[0]


@pytest.mark.parametrize("code", ["PC101", "PC102", "PC103"])
def test_verdicts_only_records_no_relation_that_holds(code: str) -> None:
    r = default_registry[code]
    assert r.passing is not None
    assert r.failing is not None
    assert _judged(r.passing, r, verdicts_only=False)[1] == 1  # a check records the relation that holds
    assert _judged(r.passing, r, verdicts_only=True) == ([], 0)
    found, recorded = _judged(r.failing, r, verdicts_only=True)
    assert [f.code for f in found] == [code]
    assert recorded == 1  # a broken one is recorded and worded, as always


@pytest.mark.parametrize("r", RULES, ids=lambda r: r.code)
def test_rule_is_documented(r: perfcheck.Rule) -> None:
    assert re.fullmatch(r"PC[1-9]\d\d", r.code)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", r.name)
    for section in ("**What it checks.**", "**Why.**", "**What to do.**"):
        assert section in r.doc, f"{r.code} lacks {section}"
    assert r.summary.endswith(".")


def test_codes_and_names_are_unique() -> None:
    assert len({r.code for r in RULES}) == len(RULES)
    assert len({r.name for r in RULES}) == len(RULES)


def test_families() -> None:
    families = {r.code[:3] for r in RULES}
    assert families == {"PC1", "PC2", "PC3", "PC4", "PC5", "PC6", "PC9"}


# -- selection ---------------------------------------------------------------


def codes(rules: tuple[perfcheck.Rule, ...]) -> list[str]:
    return [r.code for r in rules]


def test_select_by_prefix_longest_wins() -> None:
    assert codes(default_registry.select(["PC2"])) == ["PC201", "PC202", "PC203"]
    assert codes(default_registry.select(["PC2"], ["PC20"])) == []
    assert codes(default_registry.select(["PC201"], ["PC2"])) == ["PC201"]
    assert codes(default_registry.select(["PC2"], ["PC2"])) == []  # ignore wins a tie
    assert "PC101" in codes(default_registry.select(None, ["PC2"]))
    assert codes(default_registry.select(["PC1"], extend_select=["PC201"])) == [
        "PC101",
        "PC102",
        "PC103",
        "PC201",
    ]


@pytest.mark.parametrize("bad", ["PC7", "XX1", "pc1", "PC1234", ""])
def test_unknown_selector_is_an_error(bad: str) -> None:
    with pytest.raises(ValueError, match="matches no rule"):
        default_registry.select([bad])


def test_registry_rejects_duplicate_codes() -> None:
    with pytest.raises(ValueError, match="two rules use code PC101"):
        Registry([default_registry["PC101"], default_registry["PC101"]])


def test_rule_code_must_be_well_formed() -> None:
    with pytest.raises(ValueError, match="PC followed by three digits"):
        rule("X1", "x", severity=Severity.ERROR, passing={}, failing={})


def test_crashing_rule_becomes_a_finding_and_others_still_run() -> None:
    @rule("PC199", "always-crashes", severity=Severity.ERROR, kinds=["sum"], passing={}, failing={})
    def crashes(ctx: Any, rel: Any) -> Any:
        """Crash."""
        msg = "boom"
        raise RuntimeError(msg)

    registry = Registry([*default_registry, crashes])
    ledger = validate(default_registry["PC102"].failing)
    result = check(ledger, registry=registry)
    crashed = [f for f in result.findings if f.code == "PC902"]
    assert len(crashed) == 1
    assert crashed[0].verdict is Verdict.CRASHED
    assert "PC199" in crashed[0].message
    assert "boom" in crashed[0].message
    assert crashed[0].relation == "basic_split"
    assert any(f.code == "PC102" for f in result.errors)


# -- semantics at the edges ----------------------------------------------------


def sum_doc(total: str, *parts: str, **kw: Any) -> dict[str, Any]:
    figures = [fig("t", total)] + [fig(f"p{i}", p) for i, p in enumerate(parts)]
    d = doc(
        *figures,
        relations=[{"id": "s", "kind": "sum", "total": "t", "parts": [f"p{i}" for i in range(len(parts))]}],
    )
    d.update(kw)
    return d


@pytest.mark.parametrize(
    ("total", "parts", "broken"),
    [
        ("1.00", ("0.50", "0.51"), False),  # residue 0.01 within 3 half-ulps (0.015)
        ("1.00", ("0.50", "0.515"), True),  # [0.995, 1.005] against [1.0095, 1.0205]
        ("1.00", ("0.50", "0.52"), True),  # residue 0.02 beyond 0.015
        ("1", ("0.5", "0.9"), False),  # [0.5,1.5] vs [1.35,1.45]
        ("1.0", ("0.5", "0.9"), True),  # [0.95,1.05] vs [1.35,1.45]
        ("100", ("50", "51"), False),  # integers: half-ulps 1.5 >= 1
        ("100", ("50", "52"), True),
    ],
)
def test_sum_boundary(total: str, parts: tuple[str, ...], broken: bool) -> None:
    result = check(validate(sum_doc(total, *parts)))
    assert (result.broken() == {"s"}) is broken


def test_intervals_touching_at_one_point_hold() -> None:
    # total [0.995, 1.005]; parts [0.495, 0.505] + exactly 0.51 = [1.005, 1.015]: one shared point
    d = sum_doc("1.00", "0.50", "0.51")
    d["figures"][2]["exact"] = True
    assert check(validate(d)).ok
    d["figures"][2]["value"] = "0.511"
    assert check(validate(d)).broken() == {"s"}


def test_truncation_semantics() -> None:
    # truncated: total [1.00, 1.01), four parts printed 0.97 in all: [0.97, 1.01)
    parts = ("0.25", "0.24", "0.24", "0.24")
    nearest = sum_doc("1.00", *parts)  # [0.995, 1.005] against [0.95, 0.99]
    truncated = sum_doc("1.00", *parts, rounding="truncate")
    assert check(validate(nearest)).broken() == {"s"}
    assert check(validate(truncated)).ok
    # 1.01 more than the parts: [1.01, 1.02) against [0.99, 1.01) shares no point
    assert check(validate(sum_doc("1.00", "0.52", "0.49", rounding="truncate"))).broken() == {"s"}


def test_truncated_intervals_touching_at_an_open_end_do_not_hold() -> None:
    # XBRL Calculations 1.1: [1.01, 1.02) against [0.99, 1.01) shares no point
    assert check(validate(sum_doc("1.01", "0.50", "0.49", rounding="truncate"))).broken() == {"s"}
    # the same touch at a closed end holds: an exact total 1.01 against [0.99, 1.01) does not,
    # but an exact part does: [0.50, 0.51) + 0.50 = [1.00, 1.01) meets [1.00, 1.01)
    d = sum_doc("1.00", "0.50", "0.50", rounding="truncate")
    d["figures"][2]["exact"] = True
    assert check(validate(d)).ok
    # zero truncated is (-0.01, 0.01): against an exact 0.01 it does not hold
    d = sum_doc("0.01", "0.00", rounding="truncate")
    d["figures"][0]["exact"] = True
    assert check(validate(d)).broken() == {"s"}
    # negative truncated figures are open below: -1.00 is (-1.01, -1.00]
    d = sum_doc("-1.01", "-1.00", rounding="truncate")
    d["figures"][0]["exact"] = True
    assert check(validate(d)).broken() == {"s"}


def test_rounding_per_figure() -> None:
    # an exact total 1.00 = exactly 0.51 + a figure printed 0.49
    d = sum_doc("1.00", "0.51", "0.49")
    d["figures"][0]["exact"] = d["figures"][1]["exact"] = True
    assert check(validate(d)).ok  # nearest: 0.51 + [0.485, 0.495] = [0.995, 1.005]
    d["figures"][2]["rounding"] = "truncate"  # 0.51 + [0.49, 0.50) = [1.00, 1.01): 1.00 is in it
    assert check(validate(d)).ok
    d["figures"][1]["value"] = "0.50"  # 0.50 + [0.49, 0.50) = [0.99, 1.00): 1.00 is not
    assert check(validate(d)).broken() == {"s"}
    d["figures"][2]["value"] = "0.50"  # 0.50 + [0.50, 0.51) = [1.00, 1.01)
    assert check(validate(d)).ok
    # the other way round: a document truncated, one figure rounded to nearest
    d = sum_doc("1.00", "0.51", "0.49", rounding="truncate")
    d["figures"][0]["exact"] = d["figures"][1]["exact"] = True
    d["figures"][1]["value"] = "0.515"
    assert check(validate(d)).broken() == {"s"}  # 0.515 + [0.49, 0.50) = [1.005, 1.015)
    d["figures"][2]["rounding"] = "nearest"  # 0.515 + [0.485, 0.495] = [1.000, 1.010]
    assert check(validate(d)).ok


def test_exact_figures_have_no_tolerance() -> None:
    d = sum_doc("5", "2", "2")
    for f in d["figures"]:
        f["unit"] = "人"
    assert check(validate(d)).broken() == {"s"}
    d = sum_doc("5", "2", "3")
    for f in d["figures"]:
        f["unit"] = "人"
    assert check(validate(d)).ok


def test_equal_across_units() -> None:
    d = doc(
        fig("a", "7", decimals=2),
        fig("b", "70000", unit="元"),
        fig("c", "0.0007", unit="亿元"),
        relations=[{"id": "e", "kind": "equal", "figures": ["a", "b", "c"]}],
    )
    assert check(validate(d)).ok
    d["figures"][1]["value"] = "70100"
    result = check(validate(d))
    assert result.broken() == {"e"}
    assert result.errors[0].code == "PC401"


def test_rounding_interval_converts_with_unit() -> None:
    # 0.01 万元 is 100 元: 51.89万元 allows 518850..518950 元
    def d(yuan: str) -> dict[str, Any]:
        return doc(
            fig("a", "51.89"),
            fig("b", yuan, unit="元", decimals=0),
            relations=[{"id": "e", "kind": "equal", "figures": ["a", "b"]}],
        )

    assert check(validate(d("518950"))).ok
    assert check(validate(d("518851"))).ok
    assert check(validate(d("518849"))).broken() == {"e"}


def test_share_dependency_is_handled_exactly() -> None:
    # x / (x + y) with x, y in [0.995, 1.005] ranges over [49.75, 50.25] %;
    # naive interval division would allow [49.50, 50.50] and miss 50.40 %.
    def d(stated: str, kind: str) -> dict[str, Any]:
        rel: dict[str, Any]
        if kind == "share":
            rel = {"id": "r", "kind": "share", "part": "x", "whole": ["x", "y"], "stated": "s"}
        else:
            rel = {"id": "r", "kind": "formula", "expr": "x / (x + y) * 100 == s"}
        return doc(fig("x", "1.00"), fig("y", "1.00"), fig("s", stated), relations=[rel])

    for kind in ("share", "formula"):
        assert check(validate(d("50.20%", kind))).ok, kind
        assert check(validate(d("50.40%", kind))).broken() == {"r"}, kind


def test_zero_denominator_is_not_checkable() -> None:
    d = doc(
        fig("n", "0.00"),
        fig("d", "0.00"),
        fig("r", "0.00%"),
        relations=[{"id": "q", "kind": "ratio", "numerator": "n", "denominator": "d", "stated": "r"}],
    )
    result = check(validate(d))
    assert result.ok
    assert [(f.code, f.severity, f.verdict) for f in result.findings] == [
        ("PC202", Severity.INFO, Verdict.NOT_CHECKABLE)
    ]


def test_formula_division_by_possible_zero_is_not_checkable() -> None:
    d = doc(
        fig("a", "1.00"), fig("b", "0.00"), relations=[{"id": "f", "kind": "formula", "expr": "a / b == 3"}]
    )
    result = check(validate(d))
    assert result.ok
    assert result.infos[0].verdict is Verdict.NOT_CHECKABLE


def test_qualifiers_are_half_lines() -> None:
    def d(op: str, bound: str) -> dict[str, Any]:
        return doc(
            fig("leaflets", "10000", unit="份", qualifier="more_than"),
            fig("bound", bound, unit="份"),
            relations=[{"id": "c", "kind": "compare", "left": "leaflets", "op": op, "right": "bound"}],
        )

    assert check(validate(d(">", "10000"))).ok
    assert check(validate(d("<=", "1000000"))).ok  # more than 10000 may be a million
    assert check(validate(d("<", "9000"))).broken() == {"c"}


def test_about_qualifier() -> None:
    d = doc(
        fig("a", "20000", unit="人", qualifier="about"),
        fig("b", "24000", unit="人"),
        relations=[{"id": "e", "kind": "equal", "figures": ["a", "b"]}],
    )
    assert check(validate(d)).ok  # 约20000 allows 15000..25000
    d["figures"][1]["value"] = "26000"
    assert check(validate(d)).broken() == {"e"}


def test_strict_compare_at_a_shared_point() -> None:
    def d(op: str) -> dict[str, Any]:
        return doc(
            fig("a", "5", unit="人"),
            fig("b", "5", unit="人"),
            relations=[{"id": "c", "kind": "compare", "left": "a", "op": op, "right": "b"}],
        )

    assert check(validate(d("<="))).ok
    assert check(validate(d("<"))).broken() == {"c"}
    assert check(validate(d(">="))).ok
    assert check(validate(d(">"))).broken() == {"c"}


def test_change_direction_without_delta() -> None:
    d = doc(
        fig("now", "90.00"),
        fig("before", "100.00"),
        relations=[
            {"id": "c", "kind": "change", "current": "now", "prior": "before", "direction": "increase"}
        ],
    )
    assert check(validate(d)).broken() == {"c"}
    d["relations"][0]["direction"] = "decrease"
    assert check(validate(d)).ok


def test_change_of_a_percentage_in_points() -> None:
    d = doc(
        fig("rate", "38.56%"),
        fig("rate_before", "36.36%"),
        fig("up", "2.2", unit="百分点"),
        relations=[
            {
                "id": "c",
                "kind": "change",
                "current": "rate",
                "prior": "rate_before",
                "delta": "up",
                "direction": "increase",
            }
        ],
    )
    assert check(validate(d)).ok
    d["figures"][2]["unit"] = "%"
    result = check(validate(d))
    assert [f.code for f in result.errors] == ["PC901"]
    assert "百分点" in result.errors[0].message


def test_currencies_are_never_converted() -> None:
    d = doc(
        fig("a", "100.00", unit="EUR"),
        fig("b", "100.00", unit="USD"),
        relations=[{"id": "e", "kind": "equal", "figures": ["a", "b"]}],
    )
    result = check(validate(d))
    assert [f.code for f in result.errors] == ["PC901"]
    assert result.checks[0].status == "invalid"


def test_product_with_percent_factor() -> None:
    d = doc(
        fig("budget", "200.00"),
        fig("rate", "95.00%"),
        fig("spent", "190.00"),
        relations=[{"id": "p", "kind": "product", "total": "spent", "factors": ["budget", "rate"]}],
    )
    assert check(validate(d)).ok
    d["figures"][2]["value"] = "195.00"
    assert check(validate(d)).broken() == {"p"}


def test_formula_amounts_are_in_document_unit() -> None:
    d = doc(
        fig("a", "1.20"),
        fig("b", "8000", unit="元"),
        relations=[{"id": "f", "kind": "formula", "expr": "a + b == 2"}],
    )
    assert check(validate(d)).ok  # 1.20万元 + 0.8万元 = 2万元
    d["relations"][0]["expr"] = "a + b == 2.1"
    assert check(validate(d)).broken() == {"f"}


def test_finding_carries_numbers_and_locations() -> None:
    result = check(validate(default_registry["PC102"].failing))
    (f,) = result.errors
    assert f.relation == "basic_split"
    assert f.subject == "basic"
    assert str(f.actual) == "82.67"
    assert str(f.expected) == "83.03"
    assert str(f.difference) == "-0.36"
    assert f.allowed is not None
    assert [str(x) for x in f.allowed] == ["83.015", "83.045"]
    assert f.unit == "万元"
    assert f.rounding_explains is False
    assert [loc.figure for loc in f.locations] == ["basic", "wages", "public"]
    assert "0.345 万元 less" in f.message


def test_holding_relation_with_residue_is_recorded() -> None:
    result = check(validate(sum_doc("1.00", "0.50", "0.51")))
    (c,) = result.checks
    assert c.status == "holds"
    assert str(c.difference) == "-0.01"


def test_result_is_independent_of_decimal_context() -> None:
    import decimal  # noqa: PLC0415

    ledger = validate(default_registry["PC201"].failing)
    expected = check(ledger)
    with decimal.localcontext() as ctx:
        ctx.prec = 3
        ctx.rounding = decimal.ROUND_DOWN
        ctx.traps[decimal.Inexact] = True
        ctx.traps[decimal.Rounded] = True
        assert check(ledger) == expected


def test_crash_is_reported_even_when_only_other_rules_are_selected() -> None:
    @rule("PC198", "crashes-too", severity=Severity.ERROR, kinds=["sum"], passing={}, failing={})
    def crashes(ctx: Any, rel: Any) -> Any:
        """Crash."""
        raise ZeroDivisionError

    registry = Registry([*default_registry, crashes])
    ledger = validate(default_registry["PC102"].failing)
    assert [f.code for f in check(ledger, registry=registry, select=["PC198"]).findings] == ["PC902"]
    assert check(ledger, registry=registry, select=["PC198"], ignore=["PC902"]).findings == ()


def test_qualifier_words_count_as_qualifiers_for_plausibility() -> None:
    # 约132.355万元 is an estimate, not a figure printed with excess precision
    d = doc(fig("a", "3.91"), fig("b", "2.17"), fig("c", "1.35"), fig("d", "约132.355万元"), relations=[])
    assert check(validate(d), select=["PC604"]).findings == ()
    d["figures"][3]["value"] = "132.355"
    assert [f.code for f in check(validate(d), select=["PC604"]).findings] == ["PC604"]
