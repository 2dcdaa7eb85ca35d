"""Localisation over integers, held to what it replaces: a star's ranges, the candidates' screens, slips' floats."""

from __future__ import annotations

import copy
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import perfcheck
import perfcheck._localise as localise_module
from perfcheck._core.limits import DEFAULT_LIMITS
from perfcheck._engine.context import Context
from perfcheck._engine.fast import Integers
from perfcheck._findings.coverage import operands_of_data
from perfcheck._localise import Options, _named, scope
from perfcheck._localise.closed import PLAIN_SUM, integer_star, star
from perfcheck._localise.confirm import Checker, compared, integer_sides
from perfcheck._localise.solver import NeedsSolver, domain_boxes
from perfcheck._localise.system import alone_range, build
from perfcheck._localise.typos import _digit_groups, _direct_raw, _float, slips, slips_where
from perfcheck._plain import plain_outcome
from test_localise import calls_of, integers_agree_with_decimal, window_at_each_slip_keeps_it

RULES = list(perfcheck.default_registry)
ROOT = Path(__file__).resolve().parent.parent


def _cents(value: int) -> str:
    sign = "-" if value < 0 else ""
    return f"{sign}{abs(value) // 100}.{abs(value) % 100:02d}"


@st.composite
def _trees(draw: st.DrawFn) -> dict[str, Any]:
    """Groups of line items under a category total (W1's shape), printed near the edges of their rounding.

    Every printed total is the sum of what it adds up, moved by up to about half a cent a
    figure it adds (so some sums hold only just and some only just fail), and one group
    total or line item printed far off.
    """
    groups = draw(st.integers(2, 5))
    figures: list[dict[str, str]] = []
    relations: list[dict[str, Any]] = []
    totals: list[int] = []
    for g in range(groups):
        items = draw(st.lists(st.integers(0, 10**6), min_size=1, max_size=4))
        ids = [f"i{g}_{k}" for k in range(len(items))]
        figures += [{"id": i, "value": _cents(v)} for i, v in zip(ids, items, strict=True)]
        slack = (len(items) + 1) // 2 + 1
        total = sum(items) + draw(st.integers(-slack, slack))
        figures.append({"id": f"g{g}", "value": _cents(total)})
        relations.append({"id": f"s_g{g}", "kind": "sum", "total": f"g{g}", "parts": ids})
        totals.append(total)
    if draw(st.booleans()):
        # the first line item is itself a total, of two sub-items: a branch hanging on its total
        first = next(f for f in figures if f["id"] == "i0_0")
        whole = int(Decimal(first["value"]) * 100)
        left = draw(st.integers(0, max(whole, 0)))
        subs = [left, whole - left + draw(st.integers(-2, 2))]
        figures += [{"id": f"j{k}", "value": _cents(v)} for k, v in enumerate(subs)]
        relations.append({"id": "s_j", "kind": "sum", "total": "i0_0", "parts": ["j0", "j1"]})
    slack = (groups + 1) // 2 + 1
    figures.append({"id": "c", "value": _cents(sum(totals) + draw(st.integers(-slack, slack)))})
    relations.append({"id": "s_c", "kind": "sum", "total": "c", "parts": [f"g{g}" for g in range(groups)]})
    off = draw(st.sampled_from([f["id"] for f in figures if f["id"] != "c" and not f["id"].startswith("j")]))
    figure = next(f for f in figures if f["id"] == off)
    moved = int(Decimal(figure["value"]) * 100) + draw(st.sampled_from([-1, 1])) * draw(st.integers(3, 10**5))
    figure["value"] = _cents(moved)
    return {"perfcheck": "1", "unit": "万元", "figures": figures, "relations": relations}


def _pieces_as_stars(document: dict[str, Any]) -> list[tuple[Any, Any, Any]]:
    """Each piece of the document (groups solved with their category's row) that is a star, with its system."""
    ledger = perfcheck.validate(document)
    findings = perfcheck.check(document).findings
    broken = localise_module.broken_relations(findings)
    within = localise_module.scope(
        ((r.id, r.kind, r.operands()) for r in ledger.relations), broken, conflicts=False, max_figures=3
    )
    ctx = Context(ledger, "en")
    checker = Checker(ctx, RULES, {r.id: r for r in ledger.relations})
    out = []
    for piece in within.pieces:
        in_piece = [r for r in piece.relations if r in broken]
        try:
            shape = star(checker, piece.relations, in_piece)
        except NeedsSolver:
            continue
        if shape is not None:
            out.append((shape, build(ctx, [checker.relations[r] for r in piece.relations]), piece))
    return out


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=_trees())
def test_a_star_gives_each_figure_the_range_propagation_gives(document: dict[str, Any]) -> None:
    """The closed form is the exact propagation of the whole piece's system: to the unit, every figure."""
    for shape, system, _ in _pieces_as_stars(document):
        boxes = domain_boxes(system)
        for figure in (*shape.left, *shape.right):
            alone = alone_range(system, figure, boxes[figure])
            assert alone is not None
            try:
                closed = shape.range(figure)
            except NeedsSolver:
                assert alone[0] < 0 or alone[0] > alone[1] or alone[0] == boxes[figure][0]
                continue
            if closed is None:
                assert alone[0] > alone[1]
            else:
                assert closed == alone


def _localise(document: dict[str, Any], *, stars: bool, monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    ledger = perfcheck.validate(document)
    findings = perfcheck.check(document).findings
    with monkeypatch.context() as patched:
        if not stars:
            patched.setattr(localise_module._Run, "_star", lambda *_: False)
        found = localise_module.localise(ledger, RULES, findings, options=Options(max_figures=3))
    return [f.model_dump(mode="json") for f in found]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=_trees())
def test_a_star_localises_as_the_system_does(document: dict[str, Any]) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert _localise(document, stars=True, monkeypatch=monkeypatch) == _localise(
            document, stars=False, monkeypatch=monkeypatch
        )


def _group_and_category(g0: str, c: str, *, exhaustive: bool = True) -> dict[str, Any]:
    """s0: a + b (1.00 and 2.00) against a group total g0; sc: g0 + g1 (5.00) against the category c."""
    return {
        "perfcheck": "1",
        "unit": "万元",
        "figures": [
            {"id": "a", "value": "1.00"},
            {"id": "b", "value": "2.00"},
            {"id": "g0", "value": g0},
            {"id": "g1", "value": "5.00"},
            {"id": "c", "value": c},
        ],
        "relations": [
            {"id": "s0", "kind": "sum", "total": "g0", "parts": ["a", "b"], "exhaustive": exhaustive},
            {"id": "sc", "kind": "sum", "total": "c", "parts": ["g0", "g1"]},
        ],
    }


def test_a_figure_kept_as_printed_is_narrowed_by_its_branch_to_the_cent() -> None:
    """An end set by the category's row (a branch), not by the broken sum or the figure's printing."""
    # s0: 1.00 + 2.00 against 3.50, broken. sc: 3.50 + 5.00 against 8.51 holds only just:
    # g0 may be 8.505 - 5.005 = 3.500 to 8.515 - 4.995 = 3.520, and is printed 3.495 to 3.505
    document = _group_and_category("3.50", "8.51")
    ((shape, system, _),) = _pieces_as_stars(document)
    wan = Fraction(10000)  # the figures' 万元, in 元
    # a = g0 - b: from 3.500 - 2.005 (the branch's end, not 3.495's) to 3.505 - 1.995
    assert shape.range("a") == (Fraction("1.495") * wan, Fraction("1.510") * wan)
    # g0 alone: the items allow 2.99 to 3.01, the category 3.50 to 3.52
    assert shape.range("g0") is None
    boxes = domain_boxes(system)
    assert shape.range("a") == alone_range(system, "a", boxes["a"])
    alone = alone_range(system, "g0", boxes["g0"])
    assert alone is not None
    assert alone[0] > alone[1]
    localised = perfcheck.check(document, localise=True).errors[0].localisation
    assert localised is not None
    fits = {e.figures: e.corrections[0].fits for e in localised.explanations}
    # a printed 1.49 (1.485 to 1.495) still meets 1.495; without the branch 1.4850 would
    assert fits == {
        ("a",): (Decimal("1.4900"), Decimal("1.5150")),
        ("b",): (Decimal("2.4900"), Decimal("2.5150")),
    }


# -- suggestions judged over integers ------------------------------------------------------


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=_trees())
def test_the_candidates_of_a_suggestion_are_judged_over_integers_as_in_decimal(
    document: dict[str, Any],
) -> None:
    with pytest.MonkeyPatch.context() as patched:
        calls = calls_of(patched, "screens")
        perfcheck.check(document, localise=True)
    integers_agree_with_decimal(calls)


@pytest.mark.parametrize("exhaustive", [True, False], ids=["sums", "of-which-lists"])
def test_a_suggestion_judged_at_the_edge_of_its_rounding(exhaustive: bool) -> None:
    """Candidates where their relation stops holding: a comparison moved by one unit says otherwise."""
    found = 0
    for cents in range(-3, 4):
        # a total printed 0.50 too high, or (a 其中 list) 0.03 too low
        total = Decimal("3.50" if exhaustive else "2.97") + Decimal(cents) / 100
        document = _group_and_category(
            f"{total:.2f}", "8.51" if exhaustive else "7.98", exhaustive=exhaustive
        )
        with pytest.MonkeyPatch.context() as patched:
            calls = calls_of(patched, "screens")
            perfcheck.check(document, localise=True)
        found += integers_agree_with_decimal(calls)
    assert found > 0


@given(st.integers(0, 10**40), st.integers(1, 45), st.integers(0, 45), st.booleans())
def test_a_slips_float_from_its_digits_is_the_float_of_its_text(
    value: int, length: int, point: int, negative: bool
) -> None:
    digits = str(value).rjust(length, "0")
    length = len(digits)
    point = min(point, length)
    text = f"{'-' if negative else ''}{digits[:point] or '0'}.{digits[point:] or '0'}"
    assert _float(value, length, point, negative) == float(text)


# -- typing slips computed from the window, held to generating them and testing each -------


def _raw_slips(digits: str, point: int) -> list[tuple[int, int, int, str]]:
    """Every digit slip of :func:`_digit_groups`, one by one, in its order: generated, not computed."""
    return [
        (base + new * place, length, at, kind)
        for length, at, kind, base, place, news in _digit_groups(digits, point)
        if 0 <= at <= length
        for new in news
    ]


# Digits with zeros, a 9 beside a 0 (the widest swap), runs of one digit (doubled slips), a leading "0." and one
# digit alone
_NUMBERS = [
    "90.09",
    "80597.49",
    "0.05",
    "100.00",
    "1.1",
    "11",
    "9",
    "0",
    "12345678.9",
    "99.99",
    "10.10",
    "3.30",
    "0.001",
]


@pytest.mark.parametrize("text", _NUMBERS)
def test_the_slips_computed_in_a_window_are_the_slips_generated_in_it_at_its_edges(text: str) -> None:
    """Each slip's value as an end of the window, and one unit inside or outside: computed as generated.

    The window holds the slip's integer digits ``v`` (in its own units: a dropped digit in
    the fraction has one place more) as ``[v + a, v + b]``, the same span in each unit. A
    bound of the computation moved by one unit (a place of the bands, an end of the
    digits landing in the window) loses or adds a slip here.
    """
    whole, _, frac = text.partition(".")
    digits, point = whole + frac, len(whole)
    every = _raw_slips(digits, point)
    checked = 0
    for value, length, at, _kind in every:
        for a, b in ((0, 0), (-1, 0), (0, 1), (1, 1), (-1, -1), (-3, 2)):

            def bounds(
                unit: int, span: tuple[int, int] = (value + a, value + b), own: int = length - at
            ) -> tuple[int, int]:
                shift = unit - own  # the same window, in the units asked for
                lo, hi = span
                return (
                    (lo * 10**shift, hi * 10**shift)
                    if shift >= 0
                    else (-(-lo // 10**-shift), hi // 10**-shift)
                )

            expected = [r for r in every if bounds(r[1] - r[2])[0] <= r[0] <= bounds(r[1] - r[2])[1]]
            assert list(_direct_raw(digits, point, bounds)) == expected, (value, length, at, a, b)
            checked += 1
    assert checked == 6 * len(every) > 0


@settings(max_examples=300, deadline=None)
@given(
    st.integers(0, 10**12),
    st.integers(0, 12),
    st.integers(-(10**6), 10**6),
    st.integers(0, 10**4),
    st.integers(-2, 2),
)
def test_the_slips_computed_in_any_integer_window_are_the_slips_generated_in_it(
    number: int, point_from_end: int, low: int, width: int, move: int
) -> None:
    """Random digits and integer windows (about the value, ten times it, a tenth of it)."""
    digits = str(number).rjust(point_from_end + 1, "0")  # a whole part of "0" at least
    point = len(digits) - point_from_end
    own = len(digits) - point
    scaled = int(digits) * 10**move if move >= 0 else int(digits) // 10**-move

    def bounds(unit: int) -> tuple[int, int]:
        lo = (scaled + low) * 10 ** max(unit - own, 0) // 10 ** max(own - unit, 0)
        return lo, lo + width

    every = _raw_slips(digits, point)
    expected = [r for r in every if bounds(r[1] - r[2])[0] <= r[0] <= bounds(r[1] - r[2])[1]]
    assert list(_direct_raw(digits, point, bounds)) == expected


@settings(max_examples=300, deadline=None)
@given(
    st.decimals(min_value=-(10**9), max_value=10**9, places=4, allow_nan=False, allow_infinity=False),
    st.integers(-1, 4),
    st.sampled_from(["near", "slip", "tenfold", "far"]),
    st.floats(-3, 3),
    st.sampled_from([1, 1000, 10**5]),
    st.floats(0, 50),
    st.booleans(),
    st.data(),
)
def test_the_slips_computed_from_a_window_are_the_slips_generated_and_tested(  # noqa: PLR0913, PLR0917 - the draw
    number: Decimal,
    decimals: int,
    where: str,
    offset: float,
    spread: int,
    width: float,
    amount: bool,
    data: st.DataObject,
) -> None:
    """:func:`slips_where` with a window computes the slips that fit; without one, it tests every slip: the same.

    The range that fits is drawn near the printed value, on one of its slips, about ten
    times it, or far from it: to a few of its last places either side, or a few thousand
    or hundred thousand (where the window of a point or unit slip printed to fewer places
    still reaches).
    """
    number = number.quantize(Decimal(1).scaleb(-max(decimals, 0)))
    if decimals < 0:
        number = number.quantize(Decimal(10) ** -decimals).quantize(Decimal(1))
    unit = 10.0 ** -max(decimals, 0)
    every = slips(number, decimals, amount=amount)
    centre = {
        "near": float(number),
        "slip": float(data.draw(st.sampled_from(every)).value) if every else float(number),
        "tenfold": float(number) * 10,
        "far": float(number) * 1000 + 7,
    }[where]
    low, high = centre + offset * spread * unit, centre + (offset * spread + width) * unit

    def keep(least: float, greatest: float, places: int) -> bool:
        half = 0.5 * 10.0 ** (-places)
        return least - half <= high and greatest + half >= low

    def window(places: int) -> tuple[float, float]:
        half = 0.5 * 10.0 ** (-places)
        return low - half, high + half

    generated = slips_where(number, decimals, amount=amount, keep=keep)
    assert generated == [s for s in every if keep(v := float(s.value), v, s.decimals)]
    assert slips_where(number, decimals, amount=amount, keep=keep, window=window) == generated


@pytest.mark.parametrize("number", ["123456789012345678.91", "-98765432109876543.2"])
def test_slips_of_a_figure_too_long_for_floats_to_bound_are_generated_and_tested(number: str) -> None:
    """Past 2^50 units of the last place a window's ends in floats are not whole units: every slip is tried."""
    value = Decimal(number)
    decimals = -value.as_tuple().exponent
    assert isinstance(decimals, int)
    window_at_each_slip_keeps_it(value, decimals)


@pytest.mark.parametrize("exhaustive", [True, False], ids=["sums", "of-which-lists"])
def test_the_integers_verdict_at_each_edge_of_a_sum(exhaustive: bool) -> None:
    """A total printed where its interval just touches its parts' (either side), and one cent beyond."""
    document = {
        "perfcheck": "1",
        "unit": "万元",
        "figures": [
            {"id": "a", "value": "1.00"},
            {"id": "b", "value": "2.00"},
            {"id": "e", "value": "0.50"},
            {"id": "t", "value": "3.50"},
        ],
        "relations": [
            {"id": "s", "kind": "sum", "total": "t", "parts": ["a", "b", "e"], "exhaustive": exhaustive}
        ],
    }
    ledger = perfcheck.validate(document)
    checker = Checker(Context(ledger, "en"), RULES, {r.id: r for r in ledger.relations})
    # the parts add up to 3.485 to 3.515: a total of 3.48 (to 3.485) or 3.52 (from 3.515) touches
    # them; a 其中 list's total may be as large as it likes
    edges = [("3.48", True), ("3.52", True)]
    for value, holds in edges:
        printed = {"t": (Decimal(value), 2)}
        assert checker.verdict_in_integers("s", printed) is holds
        assert checker.holds(["s"], printed) is holds
    calls = [(checker, ["s"], {"t": (Decimal(value), 2)}) for value, _ in edges]
    assert integers_agree_with_decimal(calls) == (2 if exhaustive else 1)


# -- stars from the screen's integers: no model of the relations a correction cannot change --


def _printed(document: dict[str, Any], form: str) -> dict[str, Any]:
    """``document`` (in cents of 万元) printed otherwise: to the mill in 元, or as a count of 人 (exact)."""
    out = copy.deepcopy(document)
    if form == "mills":
        out["unit"] = "元"
        for f in out["figures"]:
            f["value"] += "0"
    elif form == "counts":
        out["unit"] = "人"
        for f in out["figures"]:
            f["value"] = str(int(Decimal(f["value"]) * 100))
    return out


def _integers_of(document: dict[str, Any]) -> tuple[bytes, dict[str, Any], Integers]:
    """The document as bytes, as the fast path parsed it, and its plain figures as the screen read them."""
    data = orjson.dumps(document)
    outcome = plain_outcome(data, tuple(RULES), locale="en", crash_reported=True, limits=DEFAULT_LIMITS)
    assert outcome is not None
    assert outcome.parsed is not None
    assert outcome.integers is not None
    return data, outcome.parsed, outcome.integers


def _read_both_ways(document: dict[str, Any]) -> tuple[dict[str, Any], Integers, perfcheck.Ledger, Checker]:
    """The document as the screen read it (parsed, its integers) and as models (its ledger, a checker of it)."""
    _, parsed, integers = _integers_of(document)
    ledger = perfcheck.validate(document)
    checker = Checker(Context(ledger, "en"), RULES, {r.id: r for r in ledger.relations})
    return parsed, integers, ledger, checker


_FORMS = st.sampled_from(["cents", "mills", "counts"])


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=_trees(), form=_FORMS)
def test_the_screens_integers_give_each_sum_the_sides_its_models_give(
    document: dict[str, Any], form: str
) -> None:
    """Every end of every figure, to the unit: a bound moved by one unit fails it."""
    parsed, integers, _, checker = _read_both_ways(_printed(document, form))
    equal = compared([r for r in RULES if "sum" in r.kinds], "sum", localise_module._sum_default)
    assert equal is True
    for rel in parsed["relations"]:
        sides = integer_sides([rel["total"]], rel["parts"], integers, equal=equal)
        assert sides is not None
        assert sides == checker.sides(rel["id"])


def _star_or_question(make: Any) -> Any:
    try:
        return make()
    except NeedsSolver:
        return "the solver"


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=_trees(), form=_FORMS)
def test_a_star_of_the_screens_integers_is_the_star_of_the_models(
    document: dict[str, Any], form: str
) -> None:
    document = _printed(document, form)
    parsed, integers, ledger, checker = _read_both_ways(document)
    by_id = {r["id"]: r for r in parsed["relations"]}
    broken = localise_module.broken_relations(perfcheck.check(document).findings)
    within = localise_module.scope(
        ((r.id, r.kind, r.operands()) for r in ledger.relations), broken, conflicts=False, max_figures=12
    )
    for piece in within.pieces:
        in_piece = [r for r in piece.relations if r in broken]
        rels = [by_id[r] for r in piece.relations]
        found = _star_or_question(lambda: integer_star(rels, in_piece, integers, {}, equal=True))  # noqa: B023
        assert found == _star_or_question(lambda: star(checker, piece.relations, in_piece))  # noqa: B023


def _localised(document: dict[str, Any], *, fast: bool) -> list[Any]:
    """The document localised from the screen's integers (``fast``) or from the whole ledger.

    A group naming more than 12 figures is solved piece by piece: each broken relation with
    its neighbours (W1's broken group sum and its category's row).
    """
    findings = perfcheck.check(document).findings
    options = Options(max_figures=12)
    if fast:
        data, parsed, integers = _integers_of(document)
        found = localise_module.localise_data(
            data, RULES, findings, options=options, parsed=parsed, integers=integers
        )
    else:
        ledger = perfcheck.validate(document)
        found = localise_module.in_report_order(
            localise_module.localise(ledger, RULES, findings, options=options), ledger
        )
    return [f.model_dump(mode="json") for f in found]


def _unbuilt(monkeypatch: pytest.MonkeyPatch) -> list[set[str]]:
    """What each localisation leaves unbuilt (the relations only the integers answer), as it goes."""
    seen: list[set[str]] = []
    given_stars = localise_module._integer_stars

    def spy(*args: Any) -> Any:
        found = given_stars(*args)
        seen.append(set(found[1]))
        return found

    monkeypatch.setattr(localise_module, "_integer_stars", spy)
    return seen


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=_trees(), form=_FORMS)
def test_localised_from_the_screens_integers_as_from_the_models(document: dict[str, Any], form: str) -> None:
    document = _printed(document, form)
    with pytest.MonkeyPatch.context() as monkeypatch:
        _unbuilt(monkeypatch)
        assert _localised(document, fast=True) == _localised(document, fast=False)


def _w1_like() -> dict[str, Any]:
    """Two categories of three groups; one line item printed far off, so its category's row is a branch of s_g1."""
    figures: list[dict[str, str]] = []
    relations: list[dict[str, Any]] = []
    for c in range(2):
        groups = []
        for g in range(3 * c, 3 * c + 3):
            items = [100_000 * (g + 1) + 7 * k + 1 for k in range(3)]
            ids = [f"i{g}_{k}" for k in range(3)]
            printed = [v + (5000 if i == "i1_0" else 0) for i, v in zip(ids, items, strict=True)]
            figures += [{"id": i, "value": _cents(v)} for i, v in zip(ids, printed, strict=True)]
            figures.append({"id": f"g{g}", "value": _cents(sum(items))})
            relations.append({"id": f"s_g{g}", "kind": "sum", "total": f"g{g}", "parts": ids})
            groups.append((f"g{g}", sum(items)))
        figures.append({"id": f"c{c}", "value": _cents(sum(v for _, v in groups))})
        relations.append({"id": f"s_c{c}", "kind": "sum", "total": f"c{c}", "parts": [g for g, _ in groups]})
    return {"perfcheck": "1", "unit": "万元", "figures": figures, "relations": relations}


def test_a_category_row_no_correction_changes_is_no_model() -> None:
    """s_g1's total cannot change alone (its category's row pins it): that row is answered by integers alone."""
    document = _w1_like()
    with pytest.MonkeyPatch.context() as monkeypatch:
        unbuilt = _unbuilt(monkeypatch)
        validated: list[list[str]] = []
        given_validate = localise_module.validate

        def spy(data: Any, **kwargs: Any) -> Any:
            validated.append([r["id"] for r in data["relations"]])
            return given_validate(data, **kwargs)

        monkeypatch.setattr(localise_module, "validate", spy)
        fast = _localised(document, fast=True)
    assert unbuilt == [{"s_c0"}]
    assert validated == [["s_g1"]]
    assert fast == _localised(document, fast=False)
    (finding,) = [f for f in fast if f["relation"] == "s_g1"]
    assert finding["localisation"]["relations"] == ["s_g1", "s_c0"]
    assert [e["figures"] for e in finding["localisation"]["explanations"]] == [["i1_0"], ["i1_1"], ["i1_2"]]


def test_a_star_the_closed_form_cannot_answer_builds_the_relations_it_left_out() -> None:
    """With no suggestion found (forced), the closed form asks the solver: every relation is built, as without integers."""
    document = _w1_like()
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(localise_module._Group, "_suggest", lambda *_: None)
        widened: list[bool] = []
        given_widen = localise_module._Run._widen

        def spy(self: Any) -> None:
            widened.append(True)
            given_widen(self)

        monkeypatch.setattr(localise_module._Run, "_widen", spy)
        fast = _localised(document, fast=True)
        assert widened == [True]
        assert fast == _localised(document, fast=False)
    (finding,) = [f for f in fast if f["relation"] == "s_g1"]
    assert finding["localisation"]["status"] == "not_localised"


def _scope_with(named: Any, raw: list[dict[str, Any]], broken: set[str], max_figures: int) -> Any:
    triples = ((r["id"], r["kind"], named(r)) for r in raw)
    return scope(triples, broken, conflicts=True, max_figures=max_figures)


def test_a_plain_sum_names_its_figures_for_the_grouping_as_any_relation_does() -> None:
    """The grouping reads a plain sum's figures at once (_named): the same figures, the same pieces."""
    seed = orjson.loads((ROOT / "examples/seed-with-mistakes.json").read_bytes())
    w1 = _w1_like()
    reordered = copy.deepcopy(w1)
    reordered["relations"] = [{k: r[k] for k in reversed(list(r))} for r in reordered["relations"]]
    for document in (seed, w1, reordered):
        raw = document["relations"]
        assert [sorted(_named(r)) for r in raw] == [sorted(operands_of_data(r)) for r in raw]
        ids = [r["id"] for r in raw]
        for broken in (set(ids[:1]), set(ids[::3]), set()):
            for max_figures in (3, 400):
                assert _scope_with(_named, raw, broken, max_figures) == _scope_with(
                    operands_of_data, raw, broken, max_figures
                )
    assert any(r.keys() == PLAIN_SUM for r in w1["relations"])  # the plain sums took the short way


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=_trees(), form=_FORMS)
def test_the_screens_ids_pick_the_figures_of_the_part_solved_as_a_scan_does(
    document: dict[str, Any], form: str
) -> None:
    """One id per figure, in document order; the part solved is the same ledger with or without them."""
    printed = _printed(document, form)
    # a figure no relation names after each one: the part solved leaves every other figure out
    printed["figures"] = [g for f in printed["figures"] for g in (f, {**f, "id": "unnamed_" + f["id"]})]
    data, parsed, integers = _integers_of(printed)
    assert list(integers.ids) == [f["id"] for f in parsed["figures"]]
    result = perfcheck.check(data)
    findings = list(result.findings)
    kwargs = {
        "conflicts": True,
        "options": localise_module.Options(),
        "limits": DEFAULT_LIMITS,
        "parsed": parsed,
    }
    with_ids = localise_module._solved_part(data, findings, RULES, integers=integers, **kwargs)
    scanned = localise_module._solved_part(
        data, findings, RULES, integers=replace(integers, ids=integers.ids[:-1]), **kwargs
    )
    assert with_ids[0].figures == scanned[0].figures
    assert (with_ids[3] is None) == (scanned[3] is None)
    if with_ids[3] is not None and scanned[3] is not None:
        assert with_ids[3].widen().figures == scanned[3].widen().figures


@pytest.mark.parametrize("truncate", [False, True], ids=["to-nearest", "truncated"])
def test_a_suggestion_is_confirmed_over_integers_where_they_decide_and_in_decimal_elsewhere(
    truncate: bool,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Sums the integers decide (W1's shape): the suggestion and the ends of its range are
    # confirmed there, with no Decimal check; printed by truncation, they are not decided,
    # and the rules' checks in Decimal confirm every one.
    document = _group_and_category("3.50", "8.51")
    if truncate:
        document["rounding"] = "truncate"
    decimal = calls_of(monkeypatch, "holds")
    screened = calls_of(monkeypatch, "screens")
    (finding,) = perfcheck.check(document, localise=True).errors
    assert finding.localisation is not None
    assert finding.localisation.status == "localised"
    assert screened
    if truncate:
        assert decimal
        assert not any(checker.decides(rid) for checker, rids, _ in decimal for rid in rids)
    else:
        assert not decimal
    integers_agree_with_decimal(screened)
