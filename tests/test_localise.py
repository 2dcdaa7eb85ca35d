"""Error localisation: which printed figure is wrong, jointly over every relation (docs/localise.md)."""

from __future__ import annotations

import json
import re
import sys
from decimal import ROUND_DOWN, Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

import perfcheck
import perfcheck._localise as localise_module
from conftest import CASES
from perfcheck._core.units import lookup_unit
from perfcheck._engine.context import Context
from perfcheck._findings.localisation import Localisation
from perfcheck._localise import solver
from perfcheck._localise.confirm import Checker
from perfcheck._localise.hitting import smallest_hitting
from perfcheck._localise.system import Row, System, Var, build, connected, propagate, propagate_printed
from perfcheck._localise.typos import slips, slips_where
from perfcheck.cli import main
from perfcheck.strategies import ledger_documents

SEED = "examples/seed-with-mistakes.json"
WUZHOU = CASES / "wuzhou-unit-2024-budget-yuan.json"


def _fig(fid: str, value: str, **extra: Any) -> dict[str, Any]:
    return {"id": fid, "value": value, **extra}


def _doc(figures: list[dict[str, Any]], relations: list[dict[str, Any]]) -> dict[str, Any]:
    return {"perfcheck": "1", "unit": "万元", "figures": figures, "relations": relations}


def _explanations(result: perfcheck.Result) -> dict[str, Localisation]:
    return {f.relation or f.code: f.localisation for f in result.errors if f.localisation is not None}


# -- the real cases -------------------------------------------------------------------


def test_wuzhou_names_the_share_and_a_range_that_fits() -> None:
    result = perfcheck.check(WUZHOU, localise=True)
    found = _explanations(result)
    assert set(found) == {"R4", "R5"}
    for localisation in found.values():
        assert localisation.status == "localised"
        assert len(localisation.explanations) == 1
        (correction,) = localisation.explanations[0].corrections
        assert correction.figure == "proj_pct"
        assert correction.suggestion == Decimal("15.94")
        assert correction.fits is not None
        lo, hi = correction.fits
        # The printed values that make R4 and R5 hold: about [15.933, 15.944] %.
        assert Decimal("15.932") <= lo <= Decimal("15.934")
        assert Decimal("15.943") <= hi <= Decimal("15.945")


def test_the_other_real_cases_hold_and_get_no_suggestion() -> None:
    for name in ("dayi-health-unit-2020-final-accounts.json", "qingshen-fgj-2023-project-selfeval.json"):
        result = perfcheck.check(CASES / name, localise=True)
        assert not any(f.localisation for f in result.findings), name
        assert not any(f.code == "PC904" for f in result.findings), name


def _suggested(result: perfcheck.Result) -> dict[str, set[tuple[str, str | None]]]:
    out: dict[str, set[tuple[str, str | None]]] = {}
    for finding in result.errors:
        if finding.localisation is None:
            continue
        for explanation in finding.localisation.explanations:
            for c in explanation.corrections:
                out.setdefault(c.figure, set()).add((str(c.suggestion), c.typo))
    return out


def test_seed_with_mistakes_names_the_injected_slips() -> None:
    result = perfcheck.check(SEED, localise=True)
    suggested = _suggested(result)
    assert ("38.56", "point") in suggested["special_share"]  # 385.6 %
    assert ("97.37", "swap") in suggested["execution_rate"]  # 97.73 %
    assert ("19.26", "swap") in suggested["public_goods"]  # 19.62
    assert ("1.41", "point") in suggested["leaflet_printing"]  # 14.1
    assert ("2.21", "sign") in suggested["carryover_in"]  # -2.21
    assert ("54.18", "swap") in suggested["project_budget"]  # 45.18
    assert ("13.19", "swap") in suggested["spending_increase"]  # 13.91
    assert ("7", "digit") in suggested["cultures"]


def test_seed_every_linear_error_is_localised_and_the_rest_say_why() -> None:
    result = perfcheck.check(SEED, localise=True)
    for finding in result.errors:
        if finding.relation is None:
            continue
        localisation = finding.localisation
        assert localisation is not None, finding.relation
        if localisation.status == "localised":
            sizes = {len(e.figures) for e in localisation.explanations}
            assert len(sizes) == 1, "equally small explanations only"
        else:
            assert localisation.reason
            assert finding.relation in localisation.left_out


# -- typing slips ---------------------------------------------------------------------------


def test_slips_of_a_printed_value() -> None:
    found = {(str(s.value), s.kind) for s in slips(Decimal("8.49"), 2, amount=False)}
    assert ("8.94", "swap") in found
    assert ("8.59", "digit") in found
    assert ("84.9", "point") in found
    assert ("-8.49", "sign") in found
    assert ("8.449", "dropped") in found
    units = {(str(s.value), s.kind) for s in slips(Decimal(12), 0, amount=True)}
    assert ("120000", "unit") in units
    assert ("0.0012", "unit") in units
    assert ("1", "doubled") in {(str(s.value), s.kind) for s in slips(Decimal(11), 0, amount=False)}


@settings(max_examples=200, deadline=None)
@given(
    st.decimals(min_value=-(10**6), max_value=10**6, places=2, allow_nan=False, allow_infinity=False),
    st.integers(0, 3),
    st.floats(-2000, 2000),
    st.floats(0, 10**4),
    st.booleans(),
)
def test_slips_tested_by_groups_are_the_slips_tested_one_by_one(
    number: Decimal, decimals: int, offset: float, width: float, amount: bool
) -> None:
    number = number.quantize(Decimal(1).scaleb(-decimals))
    low = float(number) + offset  # a range that fits near the printed value, as localisation's are

    def meets(least: float, greatest: float, places: int) -> bool:
        half = 0.5 * 10.0 ** (-places)
        return least - half <= low + width and greatest + half >= low

    one_by_one = [
        s for s in slips(number, decimals, amount=amount) if meets(v := float(s.value), v, s.decimals)
    ]
    assert slips_where(number, decimals, amount=amount, keep=meets) == one_by_one

    def window(places: int) -> tuple[float, float]:
        half = 0.5 * 10.0 ** (-places)
        return low - half, low + width + half

    assert slips_where(number, decimals, amount=amount, keep=meets, window=window) == one_by_one


@settings(max_examples=100, deadline=None)
@given(
    st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False, allow_infinity=False),
    st.integers(0, 3),
)
def test_a_window_keeps_every_slip_at_its_ends(number: Decimal, decimals: int) -> None:
    window_at_each_slip_keeps_it(number.quantize(Decimal(1).scaleb(-decimals)), decimals)


def window_at_each_slip_keeps_it(number: Decimal, decimals: int) -> None:
    """Each slip's own value as the range (the window's ends on it exactly): found, as without a window."""
    for slip in slips(number, decimals, amount=False):
        at = float(slip.value)

        def meets(least: float, greatest: float, places: int, at: float = at) -> bool:
            return least <= at <= greatest

        def window(places: int, at: float = at) -> tuple[float, float]:
            return at, at

        found = slips_where(number, decimals, amount=False, keep=meets, window=window)
        assert found == slips_where(number, decimals, amount=False, keep=meets)
        assert any(s.value == slip.value for s in found)


def test_the_exact_swap_wins_over_a_coarser_value() -> None:
    # 8.94 % printed as 8.49 %; 8.9 (a wider interval) would also fit, but the swap is named.
    doc = _doc(
        [_fig("part", "8.94"), _fig("whole", "100.00"), _fig("pct", "8.49%", unit="%")],
        [{"id": "R", "kind": "share", "part": "part", "whole": "whole", "stated": "pct"}],
    )
    result = perfcheck.check(doc, localise=True)
    (finding,) = result.errors
    assert finding.localisation is not None
    suggestions = {
        c.figure: (str(c.suggestion), c.typo)
        for e in finding.localisation.explanations
        for c in e.corrections
    }
    assert suggestions["pct"] == ("8.94", "swap")
    # equally small: the part or the whole could have been the misprint instead
    assert set(suggestions) == {"pct", "part", "whole"}


_FRACTIONS = st.builds(Fraction, st.integers(-60, 60), st.sampled_from([1, 2, 4, 5, 20, 200]))


@st.composite
def _systems(draw: st.DrawFn) -> System:
    """Rows over a few figures (and sometimes a made-up quantity) with their printed intervals."""
    names = [f"v{i}" for i in range(draw(st.integers(2, 7)))]
    variables = {}
    for name in names:
        centre, half = (
            draw(_FRACTIONS),
            draw(st.sampled_from([Fraction(1, 2), Fraction(1, 20), Fraction(1, 200)])),
        )
        made_up = draw(st.integers(0, 9)) == 0
        figure, lo, hi = (None, None, None) if made_up else (name, centre - half, centre + half)
        variables[name] = Var(name, figure, "d", centre, half, lo, hi)
    rows = []
    # mostly ±1 (in integers); sometimes a share's coefficients (in fractions) or a figure named twice
    others = draw(st.sampled_from([[1, -1], [1, -1, 100, Fraction(-1961, 100), 2]]))
    for _ in range(draw(st.integers(1, 5))):
        twice = draw(st.integers(0, 9)) == 0
        terms = draw(st.lists(st.sampled_from(names), min_size=2, max_size=len(names), unique=not twice))
        coeffs = tuple((n, Fraction(draw(st.sampled_from(others)))) for n in terms)
        lo, hi = draw(st.one_of(st.none(), _FRACTIONS)), draw(st.one_of(st.none(), _FRACTIONS))
        if draw(st.booleans()):
            hi = lo
        if lo is not None and hi is not None and hi < lo:
            lo, hi = hi, lo
        rows.append(Row("r", coeffs, lo, hi, switch=draw(st.sampled_from([None, None, *names[:2]]))))
    return System(vars=variables, rows=rows)


def _narrowed(
    rows: list[Row], lo: dict[str, Fraction | None], hi: dict[str, Fraction | None], rounds: int
) -> bool | None:
    """Interval propagation written plainly, in fractions: every row, every round (the reference)."""
    for _ in range(rounds):
        moved = False
        for row in rows:
            parts = []
            for name, c in row.coeffs:
                a, b = (lo[name], hi[name]) if c > 0 else (hi[name], lo[name])
                parts.append((None if a is None else c * a, None if b is None else c * b))
            for k, (name, c) in enumerate(row.coeffs):
                rest = parts[:k] + parts[k + 1 :]  # the others, with their bounds at the row's start
                rest_lo = None if any(a is None for a, _ in rest) else sum((a for a, _ in rest), Fraction(0))
                rest_hi = None if any(b is None for _, b in rest) else sum((b for _, b in rest), Fraction(0))
                top = None if row.hi is None or rest_lo is None else (row.hi - rest_lo) / c
                bottom = None if row.lo is None or rest_hi is None else (row.lo - rest_hi) / c
                new_lo, new_hi = (bottom, top) if c > 0 else (top, bottom)
                low, high = lo[name], hi[name]
                if new_lo is not None and (low is None or new_lo > low):
                    lo[name] = low = new_lo
                    moved = True
                if new_hi is not None and (high is None or new_hi < high):
                    hi[name] = high = new_hi
                    moved = True
                if low is not None and high is not None and low > high:
                    return None
        if not moved:
            return True
    return False


@settings(max_examples=300, deadline=None)
@given(_systems(), st.data())
def test_propagation_in_integers_makes_the_steps_of_fractions(system: System, data: st.DataObject) -> None:
    """Propagation skipping rows nothing reached (sums in integers) ends exactly where every row every round does."""
    free = data.draw(st.sampled_from([None, *system.vars]))
    box = None
    if free is not None:
        low = data.draw(_FRACTIONS)
        box = (low, low + data.draw(st.integers(0, 300)))
    rounds = data.draw(st.integers(1, 8))
    outcome, bounds = propagate_printed(system, rounds, free=free, box=box)
    lo: dict[str, Fraction | None] = {}
    hi: dict[str, Fraction | None] = {}
    for name, var in system.vars.items():
        lo[name], hi[name] = (var.lo, var.hi) if var.figure is not None else (None, None)
    if free is not None and box is not None:
        lo[free], hi[free] = box
    rows = [r for r in system.rows if free is None or r.switch != free]
    plain_lo, plain_hi = dict(lo), dict(hi)
    expected = _narrowed(rows, lo, hi, rounds)
    assert outcome == expected
    assert propagate(system, plain_lo, plain_hi, rounds, free=free) == expected  # every row, every round
    if expected is not None:
        assert {n: bounds(n) for n in system.vars} == {n: (lo[n], hi[n]) for n in system.vars}
        assert {n: (plain_lo[n], plain_hi[n]) for n in system.vars} == {
            n: (lo[n], hi[n]) for n in system.vars
        }


def _groups_by_search(relations: list[str], operands: dict[str, list[str]]) -> list[list[str]]:
    """Relations connected by shared figures, by a plain search from each relation not yet reached."""
    groups: list[list[str]] = []
    reached: set[str] = set()
    for start in relations:
        if start in reached:
            continue
        group, frontier = {start}, [start]
        while frontier:
            rel = frontier.pop()
            for other in relations:
                if other not in group and set(operands[rel]) & set(operands[other]):
                    group.add(other)
                    frontier.append(other)
        reached |= group
        groups.append([r for r in relations if r in group])
    return groups


@given(
    st.dictionaries(
        st.text("rs", min_size=1, max_size=3),
        st.lists(st.sampled_from("abcdefghij"), max_size=4),
        max_size=12,
    ),
    st.randoms(),
)
def test_relations_are_grouped_by_the_figures_they_share(operands: dict[str, list[str]], rng: Any) -> None:
    relations = list(operands)
    rng.shuffle(relations)
    assert connected(relations, operands) == _groups_by_search(relations, operands)


def test_hitting_sets() -> None:
    assert smallest_hitting([frozenset("ab"), frozenset("bc")], max_size=2, budget=100) == (
        1,
        [frozenset("b")],
    )
    size, sets = smallest_hitting([frozenset("ab"), frozenset("cd")], max_size=2, budget=100)
    assert size == 2
    assert len(sets) == 4


# -- joint feasibility -----------------------------------------------------------------------

CONFLICT = _doc(
    [
        _fig("x", "10", decimals=0),  # [9.5, 10.5]
        _fig("t1", "20.9"),  # x = t1 - y lies in [10.4, 10.6]
        _fig("y", "10.4"),
        _fig("t2", "20.3"),  # x = t2 - u lies in [9.6, 9.8]
        _fig("u", "10.6"),
    ],
    [
        {"id": "A", "kind": "sum", "total": "t1", "parts": ["x", "y"]},
        {"id": "B", "kind": "sum", "total": "t2", "parts": ["x", "u"]},
    ],
)


def test_relations_that_hold_alone_but_not_together_are_a_conflict() -> None:
    plain = perfcheck.check(CONFLICT)
    assert plain.ok, "each sum holds alone"
    result = perfcheck.check(CONFLICT, localise=True)
    (finding,) = result.errors
    assert finding.code == "PC904"
    assert "relations A, B each hold alone but not together" in finding.message
    assert set(finding.figures) == {"x", "t1", "y", "t2", "u"}
    assert finding.localisation is not None
    assert finding.localisation.status == "localised"
    assert {len(e.figures) for e in finding.localisation.explanations} == {1}


def test_a_conflict_is_not_reported_when_pc904_is_ignored() -> None:
    assert perfcheck.check(CONFLICT, ignore=["PC904"], localise=True).ok


def test_a_conflict_needs_both_relations() -> None:
    loose = json.loads(json.dumps(CONFLICT))
    loose["figures"][3]["value"] = "20.5"  # x = t2 - u now lies in [9.8, 10.0]... still apart
    loose["figures"][0]["value"] = "10"
    loose["figures"][2]["value"] = "10.6"  # x = t1 - y lies in [10.2, 10.4]
    loose["figures"][4]["value"] = "10.3"  # x = t2 - u lies in [10.1, 10.3]: they meet
    assert perfcheck.check(loose, localise=True).ok


# A third sum on x, consistent with both A and B: the conflict is A and B alone.
CONFLICT_AND_MORE = _doc(
    [*CONFLICT["figures"], _fig("z", "3.0"), _fig("t3", "13.0")],
    [{"id": "C", "kind": "sum", "total": "t3", "parts": ["x", "z"]}, *CONFLICT["relations"]],
)


def _spy_iis(monkeypatch: pytest.MonkeyPatch, answer: list[str] | None = None) -> list[list[str] | None]:
    """Record what HiGHS's IIS names (or put ``answer`` in its place)."""
    seen: list[list[str] | None] = []
    real = solver._iis_relations

    def spy(highs: Any, relations: list[str]) -> list[str] | None:
        out = real(highs, relations)
        seen.append(out)
        return out if answer is None else answer

    monkeypatch.setattr(solver, "_iis_relations", spy)
    return seen


def test_the_conflict_is_highs_iis_confirmed_exactly(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _spy_iis(monkeypatch)
    assert perfcheck.check(CONFLICT_AND_MORE).ok
    (finding,) = perfcheck.check(CONFLICT_AND_MORE, localise=True).errors
    assert (finding.code, finding.relation) == ("PC904", "A")
    assert "relations A, B each hold alone" in finding.message
    assert seen == [["A", "B"]], "HiGHS named the irreducible infeasible subsystem"


@pytest.mark.parametrize(
    "answer",
    [
        [],  # no IIS (a highspy without getIis): every relation is tried for removal
        ["C", "A", "B"],  # a reducible set: made irreducible relation by relation
        ["C"],  # a set that does not conflict: exact propagation refuses it
    ],
)
def test_a_conflict_not_given_or_not_proven_by_the_iis_is_found_without_it(
    monkeypatch: pytest.MonkeyPatch, answer: list[str]
) -> None:
    seen = _spy_iis(monkeypatch, answer)
    (finding,) = perfcheck.check(CONFLICT_AND_MORE, localise=True).errors
    assert seen, "the IIS was asked for"
    assert finding.code == "PC904"
    assert "relations A, B each hold alone but not together" in finding.message


def test_a_highspy_without_getiis_gives_no_iis() -> None:
    assert solver._iis_relations(object(), ["A"]) is None  # a model with no getIis (an older highspy)


# -- the API, the command line, the outputs ------------------------------------------------


def test_a_json_document_is_localised_from_the_part_solved_as_the_whole_ledger_is() -> None:
    """localise_data (the fast path's documents) agrees with localise on the whole ledger, blanks or not."""
    blanks = _doc(
        [_fig("t", "3.50"), _fig("a", "3.00"), _fig("b", "—")],
        [{"id": "s", "kind": "sum", "total": "t", "parts": ["a", "b"]}],
    )
    blanks["blanks"] = "absent"
    rules = list(perfcheck.default_registry)
    for document in (json.loads(Path(SEED).read_text()), blanks, CONFLICT_AND_MORE):
        ledger = perfcheck.validate(document)
        findings = perfcheck.check(document).findings
        whole = localise_module.localise(ledger, rules, findings, conflicts="PC904")
        part = localise_module.localise_data(
            json.dumps(document).encode(), rules, findings, conflicts="PC904"
        )
        assert any(f.localisation for f in part)
        assert sorted(part, key=str) == sorted(whole, key=str)


def test_result_localise_is_check_with_localise() -> None:
    plain = perfcheck.check(WUZHOU)
    assert all(f.localisation is None for f in plain.findings)
    assert plain.localise() == perfcheck.check(WUZHOU, localise=True)
    assert plain.localise().localise() == plain.localise()


def test_a_result_built_by_hand_cannot_be_localised() -> None:
    with pytest.raises(ValueError, match="no document to localise"):
        perfcheck.Result().localise()


def test_localised_json_and_sarif(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--localise", "--format", "json", str(WUZHOU)]) == 1
    data = json.loads(capsys.readouterr().out)
    localisation = data["findings"][0]["localisation"]
    assert localisation["explanations"][0]["corrections"][0]["figure"] == "proj_pct"
    assert localisation["explanations"][0]["corrections"][0]["suggestion"] == "15.94"
    assert main(["check", "--localise", "--format", "sarif", str(WUZHOU)]) == 1
    sarif = json.loads(capsys.readouterr().out)
    props = sarif["runs"][0]["results"][0]["properties"]
    assert props["localisation"]["status"] == "localised"


def test_localised_table_has_a_likely_wrong_column(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(WUZHOU)]) == 1
    assert "likely wrong" not in capsys.readouterr().out
    assert main(["check", "--localise", str(WUZHOU)]) == 1
    out = capsys.readouterr().out
    assert "likely wrong" in out
    assert "proj_pct 19.62% → 15.94" in out
    assert main(["check", "--localise", "--locale", "zh_CN", str(WUZHOU)]) == 1
    assert "可能印错" in capsys.readouterr().out


# -- properties: a consistent ledger with figures changed beyond rounding ------------------

_PLAIN = re.compile(r"^-?[0-9]+(\.[0-9]+)?%?$")
_KINDS = ["sum", "balance", "equal", "share", "change", "formula", "compare"]


def _changeable(document: dict[str, Any]) -> list[str]:
    ledger = perfcheck.validate(document)
    in_relations = {fid for rel in ledger.relations for fid in rel.operands()}
    out = []
    for figure in document["figures"]:
        value = figure["value"]
        plain = isinstance(value, str) and _PLAIN.match(value) is not None
        if figure["id"] in in_relations and plain and not figure.get("exact"):
            out.extend([figure["id"]] if ledger.parsed(figure["id"]).decimals >= 0 else [])
    return out


def _changed(document: dict[str, Any], figure_ids: list[str], factors: list[int]) -> dict[str, Any]:
    changed = json.loads(json.dumps(document))
    ledger = perfcheck.validate(document)
    for fid, factor in zip(figure_ids, factors, strict=True):
        parsed = ledger.parsed(fid)
        figure = next(f for f in changed["figures"] if f["id"] == fid)
        ulp = Decimal(1).scaleb(-parsed.decimals)
        # far beyond rounding: a change of at least 37 units of the last digit and a third of the value
        new = parsed.number + max(abs(parsed.number) * factor / 3, 37 * ulp * factor)
        figure["value"] = f"{new:.{parsed.decimals}f}" + ("%" if figure["value"].endswith("%") else "")
    return changed


def _check_property(document: dict[str, Any], changed_ids: list[str]) -> None:
    result = perfcheck.check(document, localise=True)
    for finding in result.findings:
        localisation = finding.localisation
        if localisation is None or localisation.status != "localised":
            continue
        sizes = {len(e.figures) for e in localisation.explanations}
        assert len(sizes) == 1, "only equally small explanations are listed"
        assert sizes.pop() <= len(changed_ids), "never a set larger than the true change"
    broken = [f for f in result.errors if f.relation is not None]
    for finding in broken:
        localisation = finding.localisation
        assert localisation is not None
        if localisation.status == "not_localised":
            # only a relation that cannot be written linearly, or one that reaches it, goes unlocalised
            assert localisation.left_out or localisation.reason, localisation


def _sets(result: perfcheck.Result) -> dict[str, tuple[str, set[frozenset[str]], bool]]:
    """Each error's localisation: its status, the sets of figures it names, and whether there are more."""
    out = {}
    for f in result.errors:
        loc = f.localisation
        if loc is not None:
            named = {frozenset(e.figures) for e in loc.explanations}
            out[f.relation or f.code] = (loc.status, named, loc.more)
    return out


def _closed_form_and_milp(document: dict[str, Any], data: st.DataObject, *, same_sets: bool = True) -> None:
    """The sets found with no solver are the MILP's or smaller, and the same sets when sizes match and all are listed."""
    candidates = _changeable(document)
    assume(candidates)
    count = data.draw(st.integers(1, min(2, len(candidates))))
    ids = data.draw(st.lists(st.sampled_from(candidates), min_size=count, max_size=count, unique=True))
    changed = _changed(document, ids, data.draw(st.lists(st.integers(1, 5), min_size=count, max_size=count)))
    closed = _sets(perfcheck.check(changed, localise=True))
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(localise_module, "_HITTING_SIZE", 0)  # no hitting sets: the MILP alone
        milp = _sets(perfcheck.check(changed, localise=True))
    assert closed.keys() == milp.keys()
    for relation, (status, named, more) in closed.items():
        milp_status, milp_named, milp_more = milp[relation]
        if status != "localised" or milp_status != "localised":
            continue  # e.g. figures too large for the solver (docs/localise.md, Limits)
        sizes, milp_sizes = {len(n) for n in named}, {len(n) for n in milp_named}
        # The same size. (Where a figure's domain box was 10^9 and more of the group's finest
        # rounding unit, a 0.00 元 beside a 千元 figure changed by 10^7 元, the MILP once listed
        # larger sets: its LPs were held to 10^-9 at bounds a double cannot resolve so finely.
        # It now counts such a dimension in a coarser unit, docs/localise.md.)
        assert sizes == milp_sizes, (relation, named, milp_named)
        if (
            same_sets
            and sizes == milp_sizes
            and not more
            and not milp_more
            and _boxes_within_exactness(changed)
        ):
            assert named == milp_named, (relation, named, milp_named)


def _boxes_within_exactness(document: dict[str, Any]) -> bool:
    """Whether every figure's domain box is under 10^8 of the finest printed half-unit (docs/localise.md, Limits).

    The box is twice the printed magnitudes, so the bound taken is 2 x (the sum of the
    figures' magnitudes) against the finest half-unit of any figure, both in 元. Past it
    the indicators' integrality tolerance frees a figure by more than its rounding and the
    MILP alone may list fewer of the equally small sets (514709.00 万元 beside 0.00 万元 and
    8578.5 百万元, weights 1, 2, 3: the one-figure sets of the 百万元 figures were missed).
    """
    ledger = perfcheck.validate(document)
    total, finest = Decimal(0), None
    for figure in document["figures"]:
        parsed = ledger.parsed(figure["id"])
        factor = lookup_unit(ledger.unit_of(figure["id"])).factor
        total += abs(parsed.number) * factor
        half = Decimal(1).scaleb(-parsed.decimals) * factor / 2
        finest = half if finest is None else min(finest, half)
    return finest is None or 2 * total < Decimal(10) ** 8 * finest


def _sums_and_comparisons(units: list[str] | None) -> st.SearchStrategy[dict[str, Any]]:
    return ledger_documents(
        kinds=["sum", "balance", "equal", "compare"],
        units=units,
        locales="en_US",
        json_numbers=False,
        qualifiers=False,
        clean=True,
    )


@pytest.mark.parametrize(
    "units",
    [
        pytest.param(None, id="default-units"),
        # Each figure's deviation was once counted in its own half-units (capped at 1000 times
        # its dimension's finest): rows mixed coefficients 10^3 apart, and HiGHS's MIP presolve
        # returned larger sets as optimal. Now a group's figures of one dimension share one unit.
        pytest.param(["万元", "百万元", "亿元"], id="mixed-units"),
        # 元 printed to the cent beside 亿元: boxes of 10^10 half-cents and more
        pytest.param(["元", "千元", "亿元"], id="yuan-beside-hundreds-of-millions"),
    ],
)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_closed_form_and_the_milp_find_the_same_smallest_sets(
    units: list[str] | None, data: st.DataObject
) -> None:
    """Sums, balances, equalities, comparisons: the sets found with no solver are the MILP's.

    Beside 亿元, a figure in 元 has a box of 10^10 half-fen and more: past the solver's
    precision (docs/localise.md, Limits), its enumeration can miss one of two equally small
    sets (0.00 beside 300000.00 元 in 亿元: {part} listed, {total} not), so wherever 元 may
    be drawn (the default units too) only the size is compared.
    """
    same_sets = units is not None and "元" not in units
    _closed_form_and_milp(data.draw(_sums_and_comparisons(units)), data, same_sets=same_sets)


def _tree(broken: dict[str, str], groups: int = 40, items: int = 10, partial: bool = False) -> dict[str, Any]:  # noqa: FBT002
    """Groups of line items under a category total, as W1 has them; ``broken`` sets printed values.

    Past 400 figures (``Options.max_figures``) a broken group is solved with its neighbours:
    the category's row, whose other group totals and total a lean system folds.

    With ``partial``, each group's items are a 其中 list (``exhaustive: false``) and the
    category's total is a 其中 list of the groups: a total may then rise to its domain box.
    """
    figures: list[dict[str, Any]] = []
    relations: list[dict[str, Any]] = []
    totals = []
    for g in range(groups):
        ids = [f"i{g}_{k}" for k in range(items)]
        values = [Decimal(1000 + 137 * g + 311 * k) / 100 for k in range(items)]
        figures += [_fig(i, f"{v:.2f}") for i, v in zip(ids, values, strict=True)]
        figures.append(_fig(f"g{g}", f"{sum(values):.2f}"))
        relations.append({"id": f"s_g{g}", "kind": "sum", "total": f"g{g}", "parts": ids})
        if partial:
            relations[-1]["exhaustive"] = False
        totals.append(sum(values))
    figures.append(_fig("c", f"{sum(totals):.2f}"))
    relations.append({"id": "s_c", "kind": "sum", "total": "c", "parts": [f"g{g}" for g in range(groups)]})
    if partial:
        relations[-1]["exhaustive"] = False
    for figure in figures:
        given = broken.get(figure["id"], figure["value"])
        # "+0.02": that much above the value as printed consistently
        figure["value"] = f"{Decimal(figure['value']) + Decimal(given):.2f}" if given[0] in "+-" else given
    return _doc(figures, relations)


def _localised_json(document: dict[str, Any] | bytes) -> list[Any]:
    return [f.model_dump(mode="json") for f in perfcheck.check(document, localise=True).findings]


@pytest.mark.parametrize(
    "broken",
    [
        pytest.param({"i1_2": "99.99"}, id="a-line-item"),
        pytest.param({"g2": "88.88"}, id="a-group-total"),
        pytest.param({"c": "1.00"}, id="the-category-total"),
        pytest.param({"i1_2": "99.99", "i3_0": "1.23"}, id="two-groups"),
        pytest.param({"i1_2": "99.99", "g1": "1.23"}, id="a-group-twice"),
        pytest.param({"i1_2": "1.01", "g1": "1.23", "c": "2.22"}, id="every-level"),
        # the category total 0.2 off, within the 0.205 its 41 figures' rounding allows:
        # its row bounds the group total tightly
        pytest.param({"i1_2": "99.99", "c": "+0.2"}, id="a-tight-category-row"),
        pytest.param({"g1": "88.88", "c": "-0.2"}, id="a-group-total-in-a-tight-row"),
    ],
)
@pytest.mark.parametrize("partial", [False, True], ids=["sums", "of-which-lists"])
def test_a_lean_system_localises_as_the_whole_system_does(broken: dict[str, str], partial: bool) -> None:
    # In a lean system the category's untouched group totals are one constant of its row
    # (docs/localise.md, "How it is solved"): the same localisation, bytes or dict. In a
    # 其中 list a total may rise to its domain box, which counts the folded figures too.
    document = _tree(broken, partial=partial)
    data = json.dumps(document).encode()
    lean = _localised_json(document), _localised_json(data)
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(localise_module, "_kept", lambda *_: None)  # every figure a variable
        whole = _localised_json(document), _localised_json(data)
    assert lean == whole
    assert any(f["localisation"] for f in lean[0])


def test_a_total_free_up_to_its_domain_box_counts_the_folded_figures() -> None:
    # t's 其中 lists: p1 + p2 exceeds it (broken), the q's do not. Raised, t may go up to its
    # domain box, twice what the group's figures print: the q's a lean system folds count too.
    qs = [_fig(f"q{k}", "100.00") for k in range(8)]
    doc = _doc(
        [_fig("t", "1000.00"), _fig("p1", "700.00"), _fig("p2", "400.00"), *qs],
        [
            {"id": "a", "kind": "sum", "total": "t", "parts": ["p1", "p2"], "exhaustive": False},
            {"id": "b", "kind": "sum", "total": "t", "parts": [q["id"] for q in qs], "exhaustive": False},
        ],
    )
    (correction,) = next(
        e.corrections
        for e in _explanations(perfcheck.check(doc, localise=True))["a"].explanations
        if e.figures == ("t",)
    )
    # the box: 2 × (1000.01 + 700.01 + 400.01 + 8 × 100.01) = 5800.22 (each figure's size its
    # value and a cent), and a printed value half a cent above it still fits
    assert correction.fits == (Decimal("1099.9850"), Decimal("5800.2250"))
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(localise_module, "_kept", lambda *_: None)
        assert _localised_json(doc) == _localised_json(json.dumps(doc).encode())
        whole = _localised_json(doc)
    assert _localised_json(doc) == whole


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_lean_system_localises_generated_ledgers_as_the_whole_system_does(data: st.DataObject) -> None:
    document = data.draw(_sums_and_comparisons(None))
    candidates = _changeable(document)
    assume(candidates)
    count = data.draw(st.integers(1, min(3, len(candidates))))
    ids = data.draw(st.lists(st.sampled_from(candidates), min_size=count, max_size=count, unique=True))
    changed = _changed(document, ids, data.draw(st.lists(st.integers(1, 5), min_size=count, max_size=count)))
    lean = _localised_json(changed)
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(localise_module, "_kept", lambda *_: None)
        assert _localised_json(changed) == lean


_ONE_FIGURE_WRONG = [
    pytest.param(
        # 0.37 百万元 == 1000.00 元 == 1000.00 元: the 百万元 figure alone (to 0.00) fits. With each
        # deviation in its own half-units (capped at 1000 times the finest), HiGHS's MIP presolve
        # returned the two 元 figures as optimal; with presolve off it found the one.
        [_fig("a", "0.37", unit="百万元"), _fig("b", "1000.00"), _fig("c", "1000.00")],
        {"id": "E", "kind": "equal", "figures": ["a", "b", "c"]},
        ("a", "0.00"),
        id="millions-beside-yuan",
    ),
    pytest.param(
        # 596273 元 == 0.38 亿元 == 596.27 千元: the 亿元 figure alone (to 0.01) fits; the capped
        # units listed two-figure sets only (found by a property test mixing 元, 千元 and 亿元)
        [_fig("a", "596273"), _fig("b", "0.38", unit="亿元"), _fig("c", "596.27", unit="千元")],
        {"id": "E", "kind": "equal", "figures": ["a", "b", "c"]},
        ("b", "0.01"),
        id="yi-beside-yuan-and-thousands",
    ),
    pytest.param(
        # 400000000.00 元 == 3 × 1.00 亿元 (exact): the 元 total alone (to 3 亿元) fits, some 10^10
        # half-fen from its printed value. Held to 10^-9 there, the MIP's LPs called it
        # infeasible and the MILP listed both figures; in its coarser unit it finds the one.
        [_fig("t", "400000000.00"), _fig("p", "1.00", unit="亿元", exact=True)],
        {"id": "S", "kind": "sum", "total": "t", "parts": ["p"], "weights": ["3"]},
        ("t", "300000000.00"),
        id="yuan-fen-at-hundreds-of-millions",
    ),
    pytest.param(
        # three twins near 2.7·10^8 元 in 百万元, 千元 and 元: the 百万元 one changed (100 百万元 off)
        [_fig("a", "370.12", unit="百万元"), _fig("b", "270123.46", unit="千元"), _fig("c", "270123456.78")],
        {"id": "E", "kind": "equal", "figures": ["a", "b", "c"]},
        ("a", "270.12"),
        id="twins-near-hundreds-of-millions",
    ),
]


def test_a_milp_solve_that_fails_numerically_is_tried_again_without_presolve() -> None:
    # 0.00 元 + 37 + 0.02 == 0.00 + 0.02 (千元): any one of inflow_2, outflow_4, outflow_5 fits.
    # After listing two, HiGHS's third solve ended in kSolveError with its presolve on (found
    # by the 元/千元/亿元 property); the search stopped, one set short and without ``more``.
    doc = {
        "perfcheck": "1",
        "unit": "千元",
        "figures": [
            _fig("inflow_1", "0.00元"),
            _fig("inflow_2", "37", decimals=2),
            _fig("inflow_3", "0.02"),
            _fig("outflow_4", "0.00"),
            _fig("outflow_5", "0.02"),
        ],
        "relations": [
            {
                "id": "B",
                "kind": "balance",
                "inflows": ["inflow_1", "inflow_2", "inflow_3"],
                "outflows": ["outflow_4", "outflow_5"],
            }
        ],
    }
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(localise_module, "_HITTING_SIZE", 0)  # the MILP alone
        localisation = _explanations(perfcheck.check(doc, localise=True))["B"]
    assert {e.figures for e in localisation.explanations} == {("inflow_2",), ("outflow_4",), ("outflow_5",)}
    assert not localisation.more


@pytest.mark.parametrize(("figures", "relation", "wrong"), _ONE_FIGURE_WRONG)
@pytest.mark.parametrize("hitting", [True, False], ids=["hitting-sets-first", "milp-alone"])
def test_one_wrong_figure_among_units_and_magnitudes_is_found_by_the_milp_too(
    figures: list[dict[str, Any]], relation: dict[str, Any], wrong: tuple[str, str], *, hitting: bool
) -> None:
    doc = {"perfcheck": "1", "unit": "元", "figures": figures, "relations": [relation]}
    with pytest.MonkeyPatch.context() as patched:
        if not hitting:
            patched.setattr(localise_module, "_HITTING_SIZE", 0)
        localisation = _explanations(perfcheck.check(doc, localise=True))[relation["id"]]
    assert localisation.status == "localised"
    assert [e.figures for e in localisation.explanations] == [(wrong[0],)]
    (correction,) = localisation.explanations[0].corrections
    assert correction.suggestion == Decimal(wrong[1])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    ledger_documents(kinds=_KINDS, locales="en_US", json_numbers=False, qualifiers=False, clean=True),
    st.data(),
)
def test_consistent_ledgers_get_no_suggestion_and_one_change_is_found(
    document: dict[str, Any], data: st.DataObject
) -> None:
    result = perfcheck.check(document, localise=True)
    assert result.ok
    assert not any(f.localisation for f in result.findings)
    candidates = _changeable(document)
    assume(candidates)
    fid = data.draw(st.sampled_from(candidates))
    changed = _changed(document, [fid], [data.draw(st.integers(1, 5))])
    _check_property(changed, [fid])
    result = perfcheck.check(changed, localise=True)
    if result.errors:
        named = {
            c.figure
            for f in result.errors
            if f.localisation is not None
            for e in f.localisation.explanations
            for c in e.corrections
        }
        localised = [f for f in result.errors if f.localisation and f.localisation.status == "localised"]
        # the changed figure, or an equally small (one-figure) alternative
        assert (
            not localised
            or fid in named
            or all(
                len(e.figures) == 1
                for f in localised
                for e in f.localisation.explanations  # type: ignore[union-attr]
            )
        )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    ledger_documents(
        kinds=_KINDS, min_relations=3, locales="en_US", json_numbers=False, qualifiers=False, clean=True
    ),
    st.data(),
)
def test_two_or_three_changes_are_never_explained_by_more(
    document: dict[str, Any], data: st.DataObject
) -> None:
    candidates = _changeable(document)
    assume(len(candidates) >= 2)
    count = data.draw(st.integers(2, min(3, len(candidates))))
    ids = data.draw(st.lists(st.sampled_from(candidates), min_size=count, max_size=count, unique=True))
    # a stated share changed with its whole is a product of two unknowns: a known limit
    # (docs/localise.md), pinned by the strict expected failure below
    assume(not _share_with_its_whole(document, ids))
    factors = data.draw(st.lists(st.integers(1, 5), min_size=count, max_size=count))
    _check_property(_changed(document, ids, factors), ids)


def _share_with_its_whole(document: dict[str, Any], ids: list[str]) -> bool:
    """Whether a share's stated value and its whole are both among ``ids``."""
    return any(
        r["kind"] == "share" and r["stated"] in ids and r["whole"] in ids for r in document["relations"]
    )


def test_weights_order_equally_small_sets() -> None:
    doc = _doc(
        [_fig("part", "8.94"), _fig("whole", "100.00"), _fig("pct", "8.49%", unit="%")],
        [{"id": "R", "kind": "share", "part": "part", "whole": "whole", "stated": "pct"}],
    )
    result = perfcheck.check(doc)
    first = result.localise(weights={"part": 3, "whole": 3}).errors[0].localisation
    assert first is not None
    assert first.explanations[0].figures == ("pct",)
    last = result.localise(weights={"pct": 3}).errors[0].localisation
    assert last is not None
    assert last.explanations[-1].figures == ("pct",)
    assert [str(e.weight) for e in last.explanations] == ["1", "1", "3"]
    assert len(result.localise(limit=1).errors[0].localisation.explanations) == 1  # type: ignore[union-attr]


def test_without_the_solver_localising_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "highspy._core", None)
    with pytest.raises(ImportError, match=r"pip install 'perfcheck\[localise\]'"):
        perfcheck.check(WUZHOU, localise=True)
    assert not perfcheck.check(WUZHOU).ok  # checking needs no solver
    assert main(["check", "--localise", str(WUZHOU)]) == 2
    assert "perfcheck[localise]" in capsys.readouterr().err


def test_ids_as_any_text_and_a_whole_of_several_figures() -> None:
    doc = _doc(
        [_fig("基本 支出", "84.06"), _fig("~项目", "19.62"), _fig("项目%", "19.62%", unit="%")],
        [{"id": "~R4", "kind": "share", "part": "~项目", "whole": ["基本 支出", "~项目"], "stated": "项目%"}],
    )
    result = perfcheck.check(doc, localise=True)
    (finding,) = result.errors
    assert finding.localisation is not None
    assert finding.localisation.status == "localised"
    assert finding.localisation.relations == ("~R4",)
    figures = {e.figures for e in finding.localisation.explanations}
    assert ("项目%",) in figures


def _spending_ledger(carryover_in: str, spending: str) -> dict[str, Any]:
    """A fund ledger whose figures around 3.5 million 元 leave 本年支出 a window of 0.005 元."""
    amounts = [
        _fig("carryover_in", carryover_in, unit="千元"),
        _fig("income", "5207.08千元"),
        _fig("spending", spending),
        _fig("carryover_out", "1735694.33"),
        _fig("basic", "2314.26", unit="千元"),
        _fig("project", "1157129.56"),
        _fig("wages", "1157129.56"),
        _fig("public", "1157129.56"),
        _fig("special", "1157129.56"),
        _fig("special_pct", "33.33", unit="%"),
        _fig("prior", "6942777.33"),
        _fig("delta", "3471388.67"),
        _fig("delta_pct", "50.00", unit="%"),
    ]
    relations = [
        {
            "id": "fund",
            "kind": "balance",
            "inflows": ["carryover_in", "income"],
            "outflows": ["spending", "carryover_out"],
        },
        {"id": "split", "kind": "sum", "total": "spending", "parts": ["basic", "project"]},
        {"id": "basic_split", "kind": "sum", "total": "basic", "parts": ["wages", "public"]},
        {"id": "special_is_project", "kind": "equal", "figures": ["project", "special"]},
        {"id": "share", "kind": "share", "part": "special", "whole": "spending", "stated": "special_pct"},
        {
            "id": "change",
            "kind": "change",
            "current": "spending",
            "prior": "prior",
            "delta": "delta",
            "percent": "delta_pct",
            "direction": "decrease",
        },
        {"id": "formula", "kind": "formula", "expr": "wages + public + project == spending"},
    ]
    return {"perfcheck": "1", "unit": "元", "figures": amounts, "relations": relations}


def test_a_figure_far_from_its_printed_value_at_millions_still_fits_a_narrow_window() -> None:
    # Found by test_two_or_three_changes_are_never_explained_by_more: with 本年支出 wrong by a
    # third of 3.5 million 元, the LP's columns reach 10^9 half-cents, where a feasibility
    # tolerance of 10^-9 is finer than doubles resolve; HiGHS called the true two-figure
    # change infeasible and only three-figure sets were listed.
    assert perfcheck.check(_spending_ledger("0.00", "3471388.67")).ok
    result = perfcheck.check(_spending_ledger("0.37", "4628518.23"), localise=True)
    assert result.errors
    for finding in result.errors:
        localisation = finding.localisation
        assert localisation is not None
        assert localisation.status == "localised"
        assert {len(e.figures) for e in localisation.explanations} == {2}
        assert ("carryover_in", "spending") in [e.figures for e in localisation.explanations]


def test_figures_too_large_for_the_solver_are_not_localised_and_say_why() -> None:
    # 元 figures near 10^14 in a 亿元 document printed to the cent: a changed figure's box
    # reaches ~10^15 rounding units, where the integer search once crashed HiGHS itself
    doc = json.loads(
        (Path(__file__).parent / "data" / "localise" / "huge-magnitudes.json").read_text("utf-8")
    )
    result = perfcheck.check(doc, localise=True)
    broken = [f for f in result.errors if f.relation is not None]
    assert broken
    for finding in broken:
        localisation = finding.localisation
        assert localisation is not None
        assert localisation.status == "not_localised"
        assert localisation.reason is not None
        assert "too large" in localisation.reason


# Found by hypothesis (test_two_or_three_changes_are_never_explained_by_more) and not yet
# fixed: in a document printed by truncation, one figure (项目支出, changed far beyond its
# rounding) explains every broken relation, but localisation lists two-figure sets.
_TRUNCATED_ONE_WRONG: dict[str, Any] = {
    "perfcheck": "1",
    "unit": "千元",
    "rounding": "truncate",
    "figures": [
        {"id": "carryover_in", "value": "0.00"},
        {"id": "income", "value": "73985.00"},
        {"id": "spending", "value": "73985.00"},
        {"id": "carryover_out", "value": "0.00"},
        {"id": "basic", "value": "4268.36"},
        {"id": "project", "value": "92955.51"},
        {"id": "wages", "value": "2134.18"},
        {"id": "public", "value": "2134.18"},
        {"id": "special", "value": "69716635.55", "unit": "元"},
    ],
    "relations": [
        {
            "id": "fund",
            "kind": "balance",
            "inflows": ["carryover_in", "income"],
            "outflows": ["spending", "carryover_out"],
        },
        {"id": "split", "kind": "sum", "total": "spending", "parts": ["basic", "project"]},
        {"id": "basic_split", "kind": "sum", "total": "basic", "parts": ["wages", "public"]},
        {"id": "special_is_project", "kind": "equal", "figures": ["project", "special"]},
    ],
}


def test_a_truncated_document_with_one_wrong_figure_is_explained_by_that_figure() -> None:
    fixed = json.loads(json.dumps(_TRUNCATED_ONE_WRONG))
    fixed["figures"][5]["value"] = "69716.63"
    assert perfcheck.check(fixed).ok  # the figure's printed value makes every relation hold
    result = perfcheck.check(_TRUNCATED_ONE_WRONG, localise=True)
    assert not result.ok
    for finding in result.findings:
        assert finding.localisation is not None
        assert [e.figures for e in finding.localisation.explanations] == [("project",)]
        (correction,) = finding.localisation.explanations[0].corrections
        assert correction.suggestion == Decimal("69716.63")  # printed as the document prints: truncated


@settings(max_examples=60, deadline=None)
@given(
    cents=st.integers(min_value=1, max_value=10**11),
    wrong=st.integers(min_value=1, max_value=10**6),
    sign=st.sampled_from([1, -1]),
)
@example(cents=99999, wrong=500000, sign=1)  # 999.99 元: 0.99999 千元 to nearest is 1.00, 1.000, …
@example(cents=1, wrong=2, sign=1)  # 0.01 元: only 0.00 千元 fits, printed (-0.01, 0.01) by truncation
def test_a_value_suggested_in_a_truncated_document_is_truncated_not_rounded(
    cents: int, wrong: int, sign: int
) -> None:
    # A 元 twin printed to the 分 pins the 千元 figure to [v, v + 0.00001) 千元 (or, below
    # zero, (v - 0.00001, v]). A value taken from there and rounded to nearest at 2 to 5
    # places can land on the next unit out, whose truncated interval starts past the
    # window: only truncation prints a value inside its own printed interval, so the
    # figure alone must explain the break. (Both of one sign: a figure printed
    # non-negative is not moved below zero, docs/localise.md.)
    yuan = Decimal(sign * cents).scaleb(-2)
    printed = Decimal(sign * wrong).scaleb(-2)
    assume(abs(printed * 1000 - yuan) > 10)
    doc = {
        "perfcheck": "1",
        "unit": "千元",
        "rounding": "truncate",
        "figures": [{"id": "x", "value": str(printed)}, {"id": "y", "value": str(yuan), "unit": "元"}],
        "relations": [{"id": "twin", "kind": "equal", "figures": ["x", "y"]}],
    }
    (finding,) = perfcheck.check(doc, localise=True).errors
    assert finding.localisation is not None
    by_figures = {e.figures: e for e in finding.localisation.explanations}
    assert set(by_figures) == {("x",), ("y",)}
    (correction,) = by_figures["x",].corrections
    if correction.typo is None:  # a plain value (a typing slip that fits comes first)
        assert correction.suggestion == (yuan / 1000).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    for explanation in by_figures.values():
        for fix in explanation.corrections:
            assert fix.fits is not None  # an end on an open end of a truncated interval steps inward
            assert fix.fits[0] <= fix.fits[1]


def test_a_slip_and_the_values_that_fit_in_a_truncated_document() -> None:
    # 2.54 千元 for 5.24: its twin 5247.00 元 is 5.247 千元, which the swap 5.24 holds
    # truncated ([5.24, 5.25)) but not rounded to nearest ([5.235, 5.245]).
    doc = {
        "perfcheck": "1",
        "unit": "千元",
        "rounding": "truncate",
        "figures": [{"id": "x", "value": "2.54"}, {"id": "y", "value": "5247.00", "unit": "元"}],
        "relations": [{"id": "twin", "kind": "equal", "figures": ["x", "y"]}],
    }
    (finding,) = perfcheck.check(doc, localise=True).errors
    assert finding.localisation is not None
    fixes = {e.figures: e.corrections[0] for e in finding.localisation.explanations}
    assert (fixes["x",].suggestion, fixes["x",].typo) == (Decimal("5.24"), "swap")
    # printed p fits when [p, p + 0.01) meets [5.247, 5.24701): p in (5.237, 5.247]
    assert fixes["x",].fits == (Decimal("5.2371"), Decimal("5.2470"))
    # printed p 元 fits when [p, p + 0.01) meets [2540, 2550) 元: p in (2539.99, 2550)
    assert fixes["y",].fits == (Decimal("2539.9901"), Decimal("2549.9999"))


def test_a_changed_part_beside_a_figure_in_fen_is_explained_by_one_figure() -> None:
    # Found by hypothesis: the MILP alone asks for two figures here (its box for 项目 is 10^10
    # half-fen of 元), the hitting sets find the one that was changed, or its total.
    document = {
        "perfcheck": "1",
        "unit": "千元",
        "rounding": "truncate",
        "figures": [
            {"id": "total", "value": "12163.90"},
            {"id": "a", "value": "28382.43"},
            {"id": "b", "value": "0.00", "unit": "元"},
            {"id": "c", "value": "0.00", "exact": True},
            {"id": "d", "value": "0.00"},
        ],
        "relations": [{"id": "sum", "kind": "sum", "total": "total", "parts": ["a", "b", "c", "d"]}],
    }
    (finding,) = perfcheck.check(document, localise=True).errors
    assert finding.localisation is not None
    assert {e.figures for e in finding.localisation.explanations} == {("a",), ("total",)}


# Found by hypothesis (test_two_or_three_changes_are_never_explained_by_more), present since
# session 3 at least and not yet fixed: three changed figures, one of them the stated share of
# a whole that also changed (a product of two unknowns), get five-figure sets.
_SHARE_AND_WHOLE_CHANGED: dict[str, Any] = {
    "perfcheck": "1",
    "unit": "元",
    "locale": "en_US",
    "figures": [
        {
            "id": "carryover_in_1",
            "label": "上年结转",
            "concept": "carryover_in",
            "value": "0.00",
            "exact": True,
        },
        {"id": "income_2", "label": "本年收入", "concept": "income", "value": "10.00"},
        {"id": "spending_3", "label": "本年支出", "concept": "spending", "value": "6.67"},
        {"id": "carryover_out_4", "concept": "carryover_out", "value": "3.33"},
        {"id": "basic_5", "label": "基本支出", "concept": "basic_spending", "value": "6.46"},
        {"id": "project_6", "label": "项目支出", "concept": "project_spending", "value": "0.21"},
        {"id": "wages_7", "concept": "line_item", "value": "1.61"},
        {"id": "public_8", "concept": "line_item", "value": "4.84元"},
        {"id": "special_9", "label": "专项资金", "value": "0.21元"},
        {"id": "pct_14", "value": "3.13", "unit": "%"},
        {"id": "spending_prior_16", "value": "6.67"},
        {"id": "spending_delta_17", "value": "0.00"},
        {"id": "pct_18", "value": "0.00", "unit": "%"},
    ],
    "relations": [
        {
            "id": "r_fund_10",
            "kind": "balance",
            "inflows": ["carryover_in_1", "income_2"],
            "outflows": ["spending_3", "carryover_out_4"],
        },
        {"id": "r_split_11", "kind": "sum", "total": "spending_3", "parts": ["basic_5", "project_6"]},
        {"id": "r_basic_12", "kind": "sum", "total": "basic_5", "parts": ["wages_7", "public_8"]},
        {"id": "r_special_13", "kind": "equal", "figures": ["project_6", "special_9"]},
        {"id": "r_share_15", "kind": "share", "part": "special_9", "whole": "spending_3", "stated": "pct_14"},
        {
            "id": "r_change_19",
            "kind": "change",
            "current": "spending_3",
            "prior": "spending_prior_16",
            "delta": "spending_delta_17",
            "percent": "pct_18",
            "direction": "increase",
        },
        {"id": "r_formula_20", "kind": "formula", "expr": "wages_7 + public_8 + project_6 == spending_3"},
    ],
}


def test_three_changes_with_a_share_and_its_whole_are_explained_by_at_most_three() -> None:
    assert _share_with_its_whole(_SHARE_AND_WHOLE_CHANGED, ["spending_3", "pct_14"])
    changed = _changed(_SHARE_AND_WHOLE_CHANGED, ["income_2", "spending_3", "pct_14"], [1, 1, 1])
    _check_property(changed, ["income_2", "spending_3", "pct_14"])
    # the true change is among the sets listed: the share's value found with its whole's
    found = _sets(perfcheck.check(changed, localise=True))
    assert all(status == "localised" for status, _, _ in found.values())
    assert any(frozenset({"income_2", "spending_3", "pct_14"}) in sets for _, sets, _ in found.values())


# -- the ends of a range confirmed in integers --------------------------------------------


def calls_of(monkeypatch: pytest.MonkeyPatch, method: str) -> list[tuple[Checker, list[str], dict[str, Any]]]:
    """Every call of a ``Checker`` method taking relations and printed figures, recorded."""
    calls: list[tuple[Checker, list[str], dict[str, Any]]] = []
    real = getattr(Checker, method)

    def spy(self: Checker, relation_ids: Any, printed: Any) -> bool:
        calls.append((self, list(relation_ids), dict(printed)))
        return bool(real(self, relation_ids, printed))

    monkeypatch.setattr(Checker, method, spy)
    return calls


def _confirmations(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Checker, list[str], dict[str, Any]]]:
    """Every call of ``Checker.confirms`` (the ends of a correction's range), recorded."""
    return calls_of(monkeypatch, "confirms")


def integers_agree_with_decimal(calls: list[tuple[Checker, list[str], dict[str, Any]]]) -> int:
    """At each end confirmed (or candidate judged) and one unit of its last place either side: integers say what Decimal says.

    Returns how many times a relation the integers decide held at an end but not one unit
    beyond it: the places where a confirmation loosened by one unit would say otherwise.
    """
    edges = 0
    for checker, relation_ids, printed in list(calls):  # a copy: confirming below may add calls
        assert checker.screens(relation_ids, printed) == checker.holds(relation_ids, printed)
        for fid, (value, decimals) in printed.items():
            step = Decimal(1).scaleb(value.as_tuple().exponent)
            for rid in relation_ids:
                verdicts = []
                for moved in (value - step, value, value + step):
                    trial = {**printed, fid: (moved, decimals)}
                    exact = checker.holds([rid], trial)
                    in_integers = checker.holds_in_integers(rid, trial)
                    # never more than Decimal; exactly Decimal wherever the integers decide, either way
                    assert in_integers == (exact and checker.decides(rid)), (rid, fid, moved)
                    verdict = checker.verdict_in_integers(rid, trial)
                    assert verdict == (exact if checker.decides(rid) else None), (rid, fid, moved)
                    assert checker.confirms([rid], trial) == exact
                    assert checker.screens([rid], trial) == exact
                    verdicts.append(exact)
                if checker.decides(rid) and verdicts[1] and not (verdicts[0] and verdicts[2]):
                    edges += 1
    return edges


@pytest.mark.parametrize(
    "broken",
    [
        pytest.param({"i1_2": "99.99"}, id="a-line-item"),
        pytest.param({"g2": "+1.00"}, id="a-group-total"),
        pytest.param({"i1_2": "99.99", "g1": "1.23"}, id="a-group-twice"),
        pytest.param({"g1": "+1.00", "c": "-0.1"}, id="a-group-total-in-a-tight-row"),
    ],
)
@pytest.mark.parametrize("partial", [False, True], ids=["sums", "of-which-lists"])
def test_the_ends_of_a_range_confirmed_in_integers_are_the_decimal_checks_to_the_unit(
    broken: dict[str, str], partial: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _confirmations(monkeypatch)
    # 20 groups: a broken group total is solved with the category's row (under 400 figures)
    perfcheck.check(json.dumps(_tree(broken, groups=20, partial=partial)).encode(), localise=True)
    assert calls
    # an end one unit inside of where its relations stop holding: loosened by a unit, it would not be
    assert integers_agree_with_decimal(calls) > 0


def test_a_balance_and_figures_the_integers_cannot_decide_go_to_decimal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = _confirmations(monkeypatch)
    flow = {"id": "flow", "kind": "balance", "inflows": ["a", "b"], "outflows": ["c", "d"]}
    balance = _doc([_fig("a", "2.21"), _fig("b", "132.35"), _fig("c", "139.56"), _fig("d", "0.00")], [flow])
    perfcheck.check(balance, localise=True)
    assert integers_agree_with_decimal(calls) > 0
    assert all(checker.decides("flow") for checker, _, _ in calls)
    undecided = [
        # a weighted sum, a figure about its value, a document printed by truncation, two units
        {"weights": ["1", "2"]},
        {"qualifier": "about"},
        {"rounding": "truncate"},
        {"unit": "元"},
    ]
    for change in undecided:
        calls.clear()
        rel = {"id": "s", "kind": "sum", "total": "t", "parts": ["p", "q"]}
        q = _fig("q", "20.00")
        document = _doc([_fig("t", "99.00"), _fig("p", "30.00"), q], [rel])
        if "weights" in change:
            rel["weights"] = change["weights"]
        elif "rounding" in change:
            document["rounding"] = "truncate"
        else:
            q.update(change)
        perfcheck.check(document, localise=True)
        assert calls, change
        assert not any(checker.decides("s") for checker, _, _ in calls), change
        integers_agree_with_decimal(calls)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_generated_ends_confirmed_in_integers_are_the_decimal_checks(data: st.DataObject) -> None:
    document = data.draw(_sums_and_comparisons(data.draw(st.sampled_from([None, ["万元"], ["元"]]))))
    candidates = _changeable(document)
    assume(candidates)
    count = data.draw(st.integers(1, min(2, len(candidates))))
    ids = data.draw(st.lists(st.sampled_from(candidates), min_size=count, max_size=count, unique=True))
    changed = _changed(document, ids, data.draw(st.lists(st.integers(1, 5), min_size=count, max_size=count)))
    with pytest.MonkeyPatch.context() as patched:
        calls = _confirmations(patched)
        perfcheck.check(changed, localise=True)
    integers_agree_with_decimal(calls)


_ZEROS_IN_OTHER_UNITS: dict[str, Any] = {
    "perfcheck": "1",
    "unit": "千元",
    "locale": "en_US",
    "rounding": "truncate",
    "figures": [
        {"id": "carryover_in_1", "label": "上年结转", "concept": "carryover_in", "value": "0.00"},
        {"id": "income_2", "label": "本年收入", "concept": "income", "value": "0.00亿元"},
        {"id": "spending_3", "label": "本年支出", "concept": "spending", "value": "8.86千元"},
        {"id": "carryover_out_4", "concept": "carryover_out", "value": "0.0百万元"},
        {
            "id": "basic_5",
            "label": "基本支出",
            "concept": "basic_spending",
            "value": "590.80",
            "unit": "元",
        },
        {
            "id": "project_6",
            "label": "项目支出",
            "concept": "project_spending",
            "value": "0.0",
            "unit": "百万元",
        },
        {"id": "wages_7", "concept": "line_item", "value": "0.29"},
        {"id": "public_8", "concept": "line_item", "value": "0.0", "unit": "百万元"},
        {"id": "special_9", "label": "专项资金", "value": "8271.33", "unit": "元"},
        {"id": "pct_14", "value": "93.33", "unit": "%"},
        {"id": "spending_prior_16", "value": "17.72"},
        {"id": "spending_delta_17", "value": "8.86"},
        {"id": "pct_18", "value": "50.00", "unit": "%"},
    ],
    "relations": [
        {
            "id": "r_fund_10",
            "kind": "balance",
            "inflows": ["carryover_in_1", "income_2"],
            "outflows": ["spending_3", "carryover_out_4"],
        },
        {"id": "r_split_11", "kind": "sum", "total": "spending_3", "parts": ["basic_5", "project_6"]},
        {"id": "r_basic_12", "kind": "sum", "total": "basic_5", "parts": ["wages_7", "public_8"]},
        {"id": "r_special_13", "kind": "equal", "figures": ["project_6", "special_9"]},
        {
            "id": "r_share_15",
            "kind": "share",
            "part": "special_9",
            "whole": "spending_3",
            "stated": "pct_14",
        },
        {
            "id": "r_change_19",
            "kind": "change",
            "current": "spending_3",
            "prior": "spending_prior_16",
            "delta": "spending_delta_17",
            "percent": "pct_18",
            "direction": "decrease",
        },
        {"id": "r_formula_20", "kind": "formula", "expr": "wages_7 + public_8 + project_6 == spending_3"},
    ],
}


@pytest.mark.parametrize("hitting", [True, False], ids=["hitting-sets-first", "milp-alone"])
def test_two_changes_with_truncation_and_zeros_in_other_units(*, hitting: bool) -> None:
    # Found by hypothesis (session 8): 0.00 亿元 and 0.0 百万元 beside 元 to the 分 give the amounts
    # a box of 8·10^8 half-fen. HiGHS's MIP solves its LPs to its own tolerance (10^-9), finer
    # than a double resolves there: it called {basic_5} infeasible and listed three figures (or
    # sizes 1, 2 and 3 together) for the two changed. basic_5 alone fits (590.16 to 591.13 元).
    document = _ZEROS_IN_OTHER_UNITS
    ids = ["carryover_in_1", "basic_5"]
    changed = _changed(document, ids, [1, 1])
    with pytest.MonkeyPatch.context() as patched:
        if not hitting:
            patched.setattr(localise_module, "_HITTING_SIZE", 0)
        _check_property(changed, ids)
        (finding,) = perfcheck.check(changed, localise=True).errors
    assert finding.code == "PC904"
    assert finding.localisation is not None
    assert [e.figures for e in finding.localisation.explanations] == [("basic_5",)]
    (correction,) = finding.localisation.explanations[0].corrections
    assert correction.fits is not None
    assert correction.fits[0] <= Decimal("590.65") <= correction.fits[1]


def test_the_milp_alone_finds_the_one_figure_beside_zeros_in_other_units() -> None:
    # The MILP of that ledger (no hitting sets, no cuts): its first answer is the smallest set.
    changed = _changed(_ZEROS_IN_OTHER_UNITS, ["carryover_in_1", "basic_5"], [1, 1])
    ledger = perfcheck.validate(changed)
    system = build(Context(ledger, "en"), ledger.relations)
    # the figures of the equality printed twice weigh 2, as localisation weighs them
    search = solver.Solver(system, time_limit=10).search({"project_6": Fraction(2), "special_9": Fraction(2)})
    assert search.next() == frozenset({"basic_5"})


def test_the_milp_counts_a_wide_dimension_in_a_unit_its_tolerance_resolves() -> None:
    # In the finest half-unit the amounts above span 8·10^8; the MILP's columns stay within
    # MILP_REACH, ten times coarser at a time, and a narrow dimension keeps its unit.
    system = System(
        vars={
            "a": Var("a", "a", "yuan", Fraction(0), Fraction(1, 200), Fraction(-(10**6)), Fraction(10**6)),
            "b": Var(
                "b",
                "b",
                "yuan",
                Fraction(78773, 100),
                Fraction(1, 200),
                Fraction(78773, 100),
                Fraction(39387, 50),
            ),
            "p": Var("p", "p", "percent", Fraction(50), Fraction(1, 200), Fraction(50), Fraction(5001, 100)),
        },
    )
    domain = {
        "a": (Fraction(-(10**6)), Fraction(4 * 10**6)),
        "b": (Fraction(0), Fraction(4 * 10**6)),
        "p": (Fraction(0), Fraction(1000)),
    }
    coarse = solver._coarsened(system, domain)
    assert coarse.vars["a"].scale == coarse.vars["b"].scale == Fraction(1, 200) * 1000
    assert coarse.vars["p"] is system.vars["p"]
    reach = [max(abs(end - v.centre) for end in domain[n]) / v.scale for n, v in coarse.vars.items()]
    assert max(reach) <= solver.MILP_REACH
    assert max(reach) * 10 > solver.MILP_REACH  # no coarser than needed
    narrow = {n: (v.lo, v.hi) for n, v in system.vars.items() if n == "p"}
    assert solver._coarsened(System(vars={"p": system.vars["p"]}), narrow).vars == {"p": system.vars["p"]}


class _Proposals:
    """A stand-in for the MILP's search: proposes the given sets in order, records the cuts."""

    def __init__(self, proposals: list[frozenset[str]]) -> None:
        self.proposals = list(proposals)
        self.cuts: list[tuple[str, object]] = []

    def next(self) -> frozenset[str] | None:
        return self.proposals.pop(0) if self.proposals else None

    def at_most(self, size: int) -> None:
        self.cuts.append(("at_most", size))

    def found(self, figures: frozenset[str]) -> None:
        self.cuts.append(("found", figures))

    def refused(self, figures: frozenset[str]) -> None:
        self.cuts.append(("refused", figures))


def test_a_set_confirmed_after_larger_ones_replaces_them(monkeypatch: pytest.MonkeyPatch) -> None:
    # t = a + b + c, printed 10 off: any one figure fits. Should a solve propose two figures
    # first (a numerical slip), the one figure confirmed after them shows they were never the
    # smallest: they are dropped, and the search goes on at the smaller size.
    doc = _doc(
        [_fig("t", "40.00"), _fig("a", "10.00"), _fig("b", "10.00"), _fig("c", "10.00")],
        [{"id": "S", "kind": "sum", "total": "t", "parts": ["a", "b", "c"]}],
    )
    fake = _Proposals(
        [frozenset({"a", "b"}), frozenset({"b", "c"}), frozenset({"c"}), frozenset({"a", "b", "c"})]
    )
    monkeypatch.setattr(localise_module, "_HITTING_SIZE", 0)
    monkeypatch.setattr(solver.Solver, "search", lambda *_args, **_kwargs: fake)
    localisation = _explanations(perfcheck.check(doc, localise=True))["S"]
    assert [e.figures for e in localisation.explanations] == [("c",)]
    assert ("at_most", 2) in fake.cuts
    assert ("at_most", 1) in fake.cuts
    assert fake.cuts.index(("at_most", 1)) > fake.cuts.index(("at_most", 2))
    assert ("found", frozenset({"a", "b", "c"})) in fake.cuts  # proposed past the size: cut, not listed


def test_a_conflict_is_localised_among_its_figures_without_the_milp(monkeypatch: pytest.MonkeyPatch) -> None:
    # As printed the conflict's relations cannot all hold: every correction changes one of its
    # figures, so the one-figure sets among them are tried first, in closed form.
    doc = {
        "perfcheck": "1",
        "unit": "万元",
        "figures": [
            {"id": "x", "value": "10", "decimals": 0},
            {"id": "t1", "value": "20.9"},
            {"id": "y", "value": "10.4"},
            {"id": "t2", "value": "20.3"},
            {"id": "u", "value": "10.6"},
        ],
        "relations": [
            {"id": "A", "kind": "sum", "total": "t1", "parts": ["x", "y"]},
            {"id": "B", "kind": "sum", "total": "t2", "parts": ["x", "u"]},
        ],
    }
    searched: list[object] = []
    real = solver.Solver.search
    monkeypatch.setattr(
        solver.Solver,
        "search",
        lambda self, weights, hits=(): searched.append(hits) or real(self, weights, hits),
    )
    (finding,) = perfcheck.check(doc, localise=True).errors
    assert finding.code == "PC904"
    assert finding.localisation is not None
    assert not searched
    # any one of the four figures other than x fits (x cannot lie in both [10.4, 10.6] and [9.6, 9.8])
    assert {e.figures for e in finding.localisation.explanations} == {("t1",), ("y",), ("t2",), ("u",)}
