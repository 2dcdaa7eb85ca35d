"""The fast path (``perfcheck._engine.fast``): for every document, the full path's result.

``perfcheck.check`` given JSON bytes or a path first tries ``check_plain``, which
screens a *plain* document as parsed data and escalates only what may be reported
to the full path. Whatever it does, the result must be the one of
``perfcheck.check(perfcheck.loads(data))``: the same findings in the same order with
the same messages, the same ``checks`` (worked out lazily), the same
``relations_checked``; and a document the full path rejects raises the same
``LedgerError``.

(1) Documents from the public strategies, consistent and broken, compared both ways.
(2) Plain documents drawn here, which the fast path must accept, with an exact
    reference for every sum, balance and share, and boundary cases written out.
(3) Documents the fast path must decline (or may accept): same error, same result.
(4) What a fast result does: pickling, lazy checks, ``model_dump``, the gc switch.
(5) A bench-like tree (W1) read from a path.
"""

from __future__ import annotations

import dataclasses
import gc
import json
import math
import pickle
import random
import re
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import event, given, note, settings
from hypothesis import strategies as st
from hypothesis.control import should_note

import perfcheck
from perfcheck import LedgerError, Limits, RelationCheck, Result, default_registry, strategies
from perfcheck._api import check_plain, reports_crashes
from perfcheck._core.limits import DEFAULT_LIMITS

# A few hundred documents a test, each checked both ways under a few selections.
SOME = settings(max_examples=150, deadline=None)
MANY = settings(max_examples=300, deadline=None)

#: Selections of rules the fast path plans differently for.
SELECTIONS: list[dict[str, Any]] = [
    {},
    {"select": ["PC1"]},
    {"ignore": ["PC603"]},
    {"select": ["PC201", "PC601"]},
    {"ignore": ["PC902"]},
    {"select": ["PC6"]},
    {"select": ["PC901"]},
    {"select": ["PC1", "PC2", "PC601", "PC603", "PC901"]},
]
#: Under these no rule makes the fast path decline a plain document (PC602, PC604 can).
ACCEPTING = {"select": ["PC1", "PC2", "PC601", "PC603", "PC901"]}
#: Rules whose broken documents the strategies can draw and the screen takes part in.
CODES = ["PC101", "PC102", "PC103", "PC201", "PC202", "PC401", "PC601", "PC602", "PC603", "PC604", "PC901"]


# ---------------------------------------------------------------------------
# Helpers


def to_bytes(doc: Any) -> bytes:
    """JSON bytes of a document; a Decimal or int value is written digit for digit as a JSON number."""
    numbers: dict[str, str] = {}

    def number(value: object) -> str:
        if not isinstance(value, Decimal):
            msg = f"cannot write {value!r}"
            raise TypeError(msg)
        token = f"\x00{len(numbers)}\x00"
        numbers[json.dumps(token)] = str(value)
        return token

    text = json.dumps(doc, ensure_ascii=False, default=number)
    for token, digits in numbers.items():
        text = text.replace(token, digits, 1)
    return text.encode()


def from_bytes(data: bytes) -> Any:
    """A document as data, numbers kept exact."""
    return json.loads(data, parse_float=Decimal)


def rules_for(options: dict[str, Any]) -> tuple[perfcheck.Rule, ...]:
    return default_registry.select(options.get("select"), options.get("ignore"))


def accepted(data: bytes, options: dict[str, Any], locale: str = "en") -> bool:
    """Whether the fast path reads ``data`` itself (rather than declining)."""
    ignore = options.get("ignore")
    plain = check_plain(data, rules_for(options), locale=locale, crash_reported=reports_crashes(ignore))
    return plain is not None


def show(data: bytes) -> None:
    if should_note():  # only for the reported failing example
        note(data.decode("utf-8", "replace"))


def loaded(data: bytes, limits: Limits = DEFAULT_LIMITS) -> perfcheck.Ledger | LedgerError:
    """The full path's reading of ``data``: a ledger, or the error it raises."""
    try:
        return perfcheck.loads(data, limits=limits)
    except LedgerError as exc:
        return exc


def assert_same(data: bytes, locale: str = "en", **options: Any) -> Result | None:
    """``check(data)`` equals the full path on ``data``: same error, or same result (returned)."""
    ledger = loaded(data)
    if isinstance(ledger, LedgerError):
        with pytest.raises(LedgerError) as caught:
            perfcheck.check(data, locale=locale, **options)
        assert str(caught.value) == str(ledger)
        assert caught.value.problems == ledger.problems
        return None
    fast = perfcheck.check(data, locale=locale, **options)
    full = perfcheck.check(ledger, locale=locale, **options)
    # The summary first: a fast result knows it before its checks are worked out.
    assert fast.relations_checked == full.relations_checked
    assert fast.to_json_dict() == full.to_json_dict()
    assert fast.findings == full.findings
    assert [f.to_json_dict() for f in fast.findings] == [f.to_json_dict() for f in full.findings]
    assert (fast.title, fast.rules, fast.locale) == (full.title, full.rules, full.locale)
    assert isinstance(fast.checks, tuple)
    assert fast.checks == full.checks
    assert [c.model_dump(mode="json") for c in fast.checks] == [
        c.model_dump(mode="json") for c in full.checks
    ]
    assert fast.relations_checked == len({c.relation for c in fast.checks})
    assert fast == full
    return fast


# ---------------------------------------------------------------------------
# (1) Documents from the public strategies


ASCII_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
WRITTEN = re.compile(r"(-?[0-9][0-9,]*(?:\.[0-9]+)?)(元|千元|万元|百万元|亿元)?")


def plain_figure(fig: dict[str, Any], doc: dict[str, Any]) -> dict[str, Any]:
    """A figure written plainly where that keeps its meaning: ASCII digits, no grouping, the unit
    in its ``unit`` key, numbers as text, no ``exact: false``, no unit key repeating the document's."""
    f = {k: v for k, v in fig.items() if not (k == "exact" and v is False)}
    value = f["value"]
    if isinstance(value, Decimal | int) and re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", str(value)):
        value = str(value)  # a JSON number reads as the same digits written as text
    written = WRITTEN.fullmatch(value.translate(ASCII_DIGITS)) if isinstance(value, str) else None
    if written is not None and doc.get("locale", "en_US") in ("en_US", "zh_CN"):
        number, unit = written.groups()
        if unit is None or f.get("unit", unit) == unit:
            f["value"] = number.replace(",", "")
            if unit is not None:
                f["unit"] = unit
    if f.get("unit") == doc.get("unit"):
        del f["unit"]
    return f


def plainer(doc: dict[str, Any]) -> dict[str, Any]:
    """The same document, written so that the fast path reads more of it."""
    return {**doc, "figures": [plain_figure(f, doc) for f in doc["figures"]]}


def ledger_bytes(ledger: perfcheck.Ledger) -> bytes:
    return perfcheck.dumps(ledger, indent=None).encode()


screened_kinds = strategies.ledger_documents(
    kinds=["sum", "balance", "share"],
    locales=["en_US", "zh_CN"],
    rounding="nearest",
    qualifiers=False,
    max_relations=6,
)
any_kinds = strategies.ledger_documents(max_relations=6)


@MANY
@given(
    doc=st.one_of(screened_kinds, any_kinds),
    simplify=st.sampled_from([True, True, True, False]),
    options=st.sampled_from(SELECTIONS),
    locale=st.sampled_from(["en", "zh_CN"]),
)
def test_documents_from_the_strategies_check_the_same_both_ways(
    doc: dict[str, Any], simplify: bool, options: dict[str, Any], locale: str
) -> None:
    data = to_bytes(plainer(doc) if simplify else doc)
    show(data)
    event("fast path" if accepted(data, options, locale) else "declined")
    result = assert_same(data, locale, **options)
    assert result is not None
    if not options:
        assert result.errors == []  # the strategies' documents hold


@SOME
@given(
    data=st.sampled_from(CODES).flatmap(
        lambda code: strategies.breaking(
            code, locales=["en_US", "zh_CN"], rounding="nearest", qualifiers=False, max_relations=4
        )
    ),
    simplify=st.sampled_from([True, True, True, False]),
    options=st.sampled_from(SELECTIONS),
)
def test_broken_documents_from_the_strategies_check_the_same_both_ways(
    data: perfcheck.Ledger, simplify: bool, options: dict[str, Any]
) -> None:
    raw = ledger_bytes(data)
    if simplify:
        raw = to_bytes(plainer(from_bytes(raw)))
    show(raw)
    event("fast path" if accepted(raw, options) else "declined")
    result = assert_same(raw, **options)
    assert result is not None
    if not options:
        assert len({f.code for f in result.findings}) == 1  # breaking() breaks one rule


# ---------------------------------------------------------------------------
# (2) Plain documents, drawn here, with an exact reference


def printed(n: int, d: int) -> str:
    """``n·10^-d`` as a plain value with ``d`` decimals."""
    digits = str(abs(n)).rjust(d + 1, "0")
    text = f"{digits[:-d]}.{digits[-d:]}" if d else digits
    return "-" + text if n < 0 else text


def shown(text: str) -> int:
    head, _, tail = text.removesuffix("%").partition(".")
    del head
    return len(tail)


#: A plain number, then what the value may print after it: a percent sign or a unit (``1.00万元``).
_PRINTED = re.compile(r"(-?[0-9,]+(?:\.[0-9]+)?)(\D*)")


def interval(doc: dict[str, Any], fid: str) -> tuple[Fraction, Fraction]:
    """The true values a figure of a plain document stands for (rounded to nearest).

    Its value may be a JSON number, or print its unit (``1.00万元``) or thousands separators;
    the unit must then be the figure's own or the document's.
    """
    fig = next(f for f in doc["figures"] if f["id"] == fid)
    match = _PRINTED.fullmatch(str(fig["value"]))
    assert match is not None, fig
    text, printed_unit = match[1].replace(",", ""), match[2]
    number = Fraction(Decimal(text))
    symbol = printed_unit or fig.get("unit", doc["unit"])
    assert symbol == "%" or symbol == fig.get("unit", doc["unit"]), fig
    # head-counts are exact, and so is a bare 0 (docs/semantics.md)
    exact = "decimals" not in fig and shown(text) == 0 and (symbol == "人" or number == 0)
    half = Fraction(0) if exact else Fraction(1, 2 * 10 ** fig.get("decimals", shown(text)))
    return number - half, number + half


def span_sum(spans: list[tuple[Fraction, Fraction]]) -> tuple[Fraction, Fraction]:
    return sum((s[0] for s in spans), Fraction(0)), sum((s[1] for s in spans), Fraction(0))


def reference(doc: dict[str, Any], rel: dict[str, Any]) -> str:
    """Whether a relation of a plain document holds, by exact arithmetic on the intervals."""
    kind = rel["kind"]
    if kind in ("sum", "balance"):
        if kind == "sum":
            left, right = [rel["total"]], rel["parts"]
        else:
            left, right = rel["outflows"], rel["inflows"]
        lo_l, hi_l = span_sum([interval(doc, x) for x in left])
        lo_r, hi_r = span_sum([interval(doc, x) for x in right])
        if kind == "sum" and not rel.get("exhaustive", True):
            return "holds" if hi_l >= lo_r else "broken"
        return "holds" if lo_l <= hi_r and lo_r <= hi_l else "broken"
    wholes = [rel["whole"]] if isinstance(rel["whole"], str) else rel["whole"]
    p_lo, p_hi = interval(doc, rel["part"])
    w_lo, w_hi = span_sum([interval(doc, w) for w in wholes])
    if w_lo <= 0 <= w_hi:
        return "not_checkable"
    if rel["part"] in wholes:
        rest = list(wholes)
        rest.remove(rel["part"])
        r_lo, r_hi = span_sum([interval(doc, w) for w in rest])
        corners = [100 * p / (p + r) for p in (p_lo, p_hi) for r in (r_lo, r_hi)]
    else:
        corners = [100 * p / w for p in (p_lo, p_hi) for w in (w_lo, w_hi)]
    s_lo, s_hi = interval(doc, rel["stated"])
    return "holds" if s_lo <= max(corners) and min(corners) <= s_hi else "broken"


#: The rule that judges each kind of relation in a plain document.
def judging_rule(rel: dict[str, Any]) -> str:
    if rel["kind"] == "sum":
        return "PC102" if rel.get("exhaustive", True) else "PC103"
    return {"balance": "PC101", "share": "PC201"}[rel["kind"]]


class Plain:
    """Draws the figures and relations of one plain document."""

    def __init__(self, draw: st.DrawFn) -> None:
        self.draw = draw
        self.unit: str = draw(st.sampled_from(["万元", "万元", "元", "人"]))
        self.count = self.unit == "人"
        self.precision = draw(st.sampled_from(["2", "2", "2", "0", "1", "3", "mixed"]))
        self.figures: list[dict[str, Any]] = []
        self.relations: list[dict[str, Any]] = []

    def decimals(self) -> int:
        if self.count:
            return self.draw(st.sampled_from([0, 0, 0, 1]))
        if self.precision == "mixed":
            return self.draw(st.sampled_from([1, 2]))
        return int(self.precision)

    def magnitude(self, *, negative: bool = True) -> int:
        exponent = self.draw(st.sampled_from([2, 4, 6, 6, 9, 30]))
        n = self.draw(st.integers(0, 10**exponent))
        if negative and self.draw(st.integers(0, 7)) == 0:
            n = -n
        return n

    def figure(self, n: int, d: int, *, percent: bool = False) -> str:
        draw = self.draw
        n_figures = len(self.figures)
        # ids as documents write them: words, subject codes, Chinese names with a space
        fid = draw(st.sampled_from([f"f{n_figures}", str(2010101 + n_figures), f"支出 {n_figures}"]))
        fig: dict[str, Any] = {"id": fid}
        if draw(st.integers(0, 3)) == 0:
            fig["label"] = draw(st.sampled_from(["总收入", "基本支出", "Project spending", ""]))
        if not percent and draw(st.integers(0, 2)) == 0:
            fig["concept"] = draw(st.sampled_from(["income", "spending", "line_item", "carryover_out"]))
        value = printed(n, d)
        style = draw(st.integers(0, 9))
        if percent:
            value = self.percent(fig, n, d, style)
        elif style == 0:
            fig["unit"] = self.unit  # a figure read one by one, in the document's unit
        elif style == 1 and d > 0 and n % 10**d == 0:
            value, fig["decimals"] = printed(n // 10**d, 0), d  # "30" with decimals 2 is 30.00
        elif style == 2:
            fig["source"] = {"section": "一（四）", "line": 3, "start": 0, "end": 7, "text": "共计"}
        fig["value"] = value
        self.figures.append(fig)
        return fid

    @staticmethod
    def percent(fig: dict[str, Any], n: int, d: int, style: int) -> str:
        """A percentage written one of the ways a document may: ``38.56%``, unit ``%``, both."""
        value = printed(n, d)
        if style in (3, 9) and d > 0 and n % 10**d == 0:
            value, fig["decimals"] = printed(n // 10**d, 0), d  # "10%" with decimals 2 is 10.00 %
        if style < 6:
            value += "%"
        if style >= 4:
            fig["unit"] = "%"
        if style == 5:
            fig["source"] = {"text": "占比"}
        return value

    def number(self, fid: str) -> Fraction:
        fig = next(f for f in self.figures if f["id"] == fid)
        return Fraction(Decimal(fig["value"].removesuffix("%")))

    def operand(self) -> str:
        """A new figure, or sometimes one drawn before (figures shared between relations)."""
        plain = [f["id"] for f in self.figures if not f["value"].endswith("%") and f.get("unit") != "%"]
        if plain and self.draw(st.integers(0, 7)) == 0:
            return self.draw(st.sampled_from(plain))
        return self.figure(self.magnitude(), self.decimals())

    def printed_near(self, true: Fraction, ids: list[str], d: int) -> int:
        """``true`` at ``d`` decimals, moved by a residue within, at or beyond the rounding of ``ids``."""
        doc = {"unit": self.unit, "figures": self.figures}
        tolerance = sum((interval(doc, x)[1] - interval(doc, x)[0] for x in ids), Fraction(0)) / 2
        nearest = round(true * 10**d)
        reach = math.ceil((tolerance + Fraction(1, 2 * 10**d)) * 10**d)
        delta = self.draw(
            st.one_of(st.just(0), st.integers(-reach - 2, reach + 2), st.integers(-(10**6), 10**6))
        )
        return nearest + delta

    def add_sum(self) -> None:
        parts = [self.operand() for _ in range(self.draw(st.integers(1, 5)))]
        d = self.decimals()
        total = self.figure(self.printed_near(sum(map(self.number, parts)), parts, d), d)
        rel: dict[str, Any] = {"id": f"r{len(self.relations)}", "kind": "sum", "total": total, "parts": parts}
        exhaustive = self.draw(st.sampled_from([None, True, False]))
        if exhaustive is not None:
            rel["exhaustive"] = exhaustive
        if self.draw(st.integers(0, 4)) == 0:
            rel["label"] = "其中"
        if self.draw(st.integers(0, 6)) == 0:
            rel["source"] = {"section": "三", "line": 12}
        self.relations.append(rel)

    def add_balance(self) -> None:
        inflows = [self.operand() for _ in range(self.draw(st.integers(1, 3)))]
        rest = [self.operand() for _ in range(self.draw(st.integers(0, 2)))]
        d = self.decimals()
        true = sum(map(self.number, inflows)) - sum(map(self.number, rest))
        first = self.figure(self.printed_near(true, inflows + rest, d), d)
        self.relations.append(
            {
                "id": f"r{len(self.relations)}",
                "kind": "balance",
                "inflows": inflows,
                "outflows": [first, *rest],
            }
        )

    def add_share(self) -> None:
        draw = self.draw
        shape = draw(st.sampled_from(["single", "single", "list", "list_with_part", "zero"]))
        if shape == "zero":
            wholes = [self.figure(0, self.decimals())]  # a whole that may be 0: not checkable
        else:
            wholes = [self.operand() for _ in range(1 if shape == "single" else draw(st.integers(2, 3)))]
        if shape == "list_with_part":
            part = draw(st.sampled_from(wholes))
        else:
            part = self.figure(self.magnitude(negative=False), self.decimals())
        whole_total = sum(map(self.number, wholes))
        true = 100 * self.number(part) / whole_total if whole_total else Fraction(0)
        e = draw(st.sampled_from([2, 2, 1, 0]))
        nearest = round(true * 10**e)
        stated = nearest + draw(st.one_of(st.just(0), st.integers(-3, 3), st.integers(-(10**4), 10**4)))
        stated_id = self.figure(stated, e, percent=True)
        whole: str | list[str] = wholes[0] if shape in ("single", "zero") and draw(st.booleans()) else wholes
        self.relations.append(
            {
                "id": f"r{len(self.relations)}",
                "kind": "share",
                "part": part,
                "whole": whole,
                "stated": stated_id,
            }
        )

    def document(self) -> dict[str, Any]:
        draw = self.draw
        doc: dict[str, Any] = {"perfcheck": "1"}
        if draw(st.booleans()):
            doc["title"] = draw(st.sampled_from(["2021年部门决算", "Budget 2021", ""]))
        doc["unit"] = self.unit
        locale = draw(st.sampled_from([None, "en_US", "zh_CN"]))
        if locale is not None:
            doc["locale"] = locale
        if draw(st.integers(0, 3)) == 0:
            doc["rounding"] = "nearest"
        doc["figures"] = self.figures
        doc["relations"] = self.relations
        return doc


@st.composite
def plain_documents(draw: st.DrawFn) -> dict[str, Any]:
    b = Plain(draw)
    adders = {"sum": b.add_sum, "balance": b.add_balance, "share": b.add_share}
    for kind in draw(st.lists(st.sampled_from(["sum", "sum", "balance", "share"]), min_size=1, max_size=5)):
        adders[kind]()
    return b.document()


def declines_for_a_reason(doc: dict[str, Any], result: Result) -> bool:
    """Whether the fast path may decline a plain document: shares PC602 groups, or PC604 reports."""
    shares = sum(r["kind"] == "share" for r in doc["relations"])
    return ("PC602" in result.rules and shares > 1) or any(f.code == "PC604" for f in result.findings)


def assert_reference(doc: dict[str, Any], result: Result) -> None:
    """Every sum, balance and share is judged as exact arithmetic on the intervals says."""
    for rel in doc["relations"]:
        statuses = {c.status for c in result.checks if c.relation == rel["id"]}
        expected = {reference(doc, rel)} if judging_rule(rel) in result.rules else set()
        assert statuses == expected, rel


@MANY
@given(doc=plain_documents(), options=st.sampled_from(SELECTIONS), locale=st.sampled_from(["en", "zh_CN"]))
def test_plain_documents_are_read_by_the_fast_path_and_agree_with_the_full_path(
    doc: dict[str, Any], options: dict[str, Any], locale: str
) -> None:
    data = to_bytes(doc)
    show(data)
    assert accepted(data, ACCEPTING, locale)
    fast = accepted(data, options, locale)
    event("fast path" if fast else "declined")
    result = assert_same(data, locale, **options)
    assert result is not None
    assert fast or declines_for_a_reason(doc, result)
    assert_reference(doc, result)
    event(f"{len(result.errors)} errors")


# ---------------------------------------------------------------------------
# (2b) One property over every rule that has a screen, from the registry
#
# A rule's screen (``Rule.screen``) stands in for its exact check on plain documents. For
# every rule of the default registry that has one, documents drawn around it -- broken by
# its own breaker (``Rule.breaker``, through ``strategies.breaking``), plain documents with
# residues at and beyond the rounding, documents of the strategies where everything holds --
# are checked by the fast path (``check(bytes)``) and the full path
# (``check(loads(bytes))``), with the rule alone, with every rule, and without it. A rule
# added with a screen is tested here with nothing written for it.

SCREENED = [r for r in default_registry if r.screen is not None]


def documents_around(rule: perfcheck.Rule) -> st.SearchStrategy[tuple[bool, bytes]]:
    """Documents (as bytes) that the rule's screen judges or may judge, and whether they are plain."""
    options: dict[str, Any] = {
        "locales": ["en_US", "zh_CN"],
        "rounding": "nearest",
        "qualifiers": False,
        "max_relations": 5,
    }
    drawn = [
        plain_documents().map(lambda doc: (True, to_bytes(doc))),
        strategies.ledger_documents(kinds=["sum", "balance", "share"], **options).map(
            lambda doc: (False, to_bytes(plainer(doc)))
        ),
    ]
    if rule.breaker is not None:
        drawn.append(
            strategies.breaking(rule.code, **options).map(
                lambda ledger: (False, to_bytes(plainer(from_bytes(ledger_bytes(ledger)))))
            )
        )
    return st.one_of(drawn)


@pytest.mark.parametrize("rule", SCREENED, ids=lambda r: r.code)
@SOME
@given(data=st.data(), locale=st.sampled_from(["en", "zh_CN"]))
def test_every_screen_agrees_with_its_rules_exact_check(
    rule: perfcheck.Rule, data: st.DataObject, locale: str
) -> None:
    plain, raw = data.draw(documents_around(rule), label="document")
    show(raw)
    alone = {"select": [rule.code]}
    fast = accepted(raw, alone, locale)
    event("fast path" if fast else "declined")
    for options in (alone, {}, {"ignore": [rule.code]}):
        result = assert_same(raw, locale, **options)
        assert result is not None or not plain
    if plain:
        assert rule.screen is not None
        # The screen declines a plain document only by its document hook.
        assert fast or rule.screen.declines is not None, "a plain document the screen did not read"


def test_the_screened_rules_come_from_the_registry() -> None:
    """The fast path stands in for exactly the rules that carry a screen, found by identity."""
    plainly = '{"perfcheck": "1", "unit": "万元", "figures": [], "relations": []}'.encode()
    for rule in default_registry:
        readable = check_plain(plainly, (rule,), locale="en", crash_reported=True) is not None
        assert readable == (
            rule.screen is not None or not rule.kinds & {"sum", "balance", "share", "change", "equal"}
        )
        copy = dataclasses.replace(rule)
        assert check_plain(plainly, (copy,), locale="en", crash_reported=True) is None


def doc_of(
    *figures: tuple[str, str], relations: list[dict[str, Any]], unit: str = "万元", **fig_keys: Any
) -> bytes:
    figs = [{"id": fid, "value": value, **fig_keys.get(fid, {})} for fid, value in figures]
    return to_bytes({"perfcheck": "1", "unit": unit, "figures": figs, "relations": relations})


def total_of(*parts: str, exhaustive: bool = True) -> dict[str, Any]:
    rel: dict[str, Any] = {"id": "split", "kind": "sum", "total": "t", "parts": list(parts)}
    if not exhaustive:
        rel["exhaustive"] = False
    return rel


SHARE = {"id": "share", "kind": "share", "part": "p", "whole": "w", "stated": "s"}

# (name, document, relation id -> status); the fast path must read each.
BOUNDARIES: list[tuple[str, bytes, dict[str, str]]] = [
    # three parts and a total at two decimals: four half-cents, 0.02, either way
    *(
        (
            f"2 decimals, total {t}",
            doc_of(
                ("t", t), ("a", "1.00"), ("b", "2.00"), ("c", "3.00"), relations=[total_of("a", "b", "c")]
            ),
            {"split": status},
        )
        for t, status in [
            ("6.02", "holds"),
            ("6.03", "broken"),
            ("5.98", "holds"),
            ("5.97", "broken"),
            ("6.00", "holds"),
        ]
    ),
    # 1.0 (±0.05) + 2.00 (±0.005) against a total at two decimals (±0.005): 0.06
    *(
        (
            f"1 and 2 decimals, total {t}",
            doc_of(("t", t), ("a", "1.0"), ("b", "2.00"), relations=[total_of("a", "b")]),
            {"split": status},
        )
        for t, status in [("3.06", "holds"), ("3.07", "broken"), ("2.94", "holds"), ("2.93", "broken")]
    ),
    # ... and against a total at one decimal (±0.05): 0.105, so 0.1 off holds and 0.2 does not
    *(
        (
            f"1 and 2 decimals, total {t}",
            doc_of(("t", t), ("a", "1.0"), ("b", "2.05"), relations=[total_of("a", "b")]),
            {"split": status},
        )
        for t, status in [("3.1", "holds"), ("3.2", "broken"), ("2.9", "broken"), ("3.0", "holds")]
    ),
    # of which: the parts may fall short of the total, and exceed it by at most 0.015
    *(
        (
            f"partial, total {t}",
            doc_of(("t", t), ("a", "1.00"), ("b", "2.00"), relations=[total_of("a", "b", exhaustive=False)]),
            {"split": status},
        )
        for t, status in [("2.99", "holds"), ("2.98", "broken"), ("9.99", "holds")]
    ),
    # a balance of four figures: 0.02
    *(
        (
            f"balance, outflow {o}",
            doc_of(
                ("i1", "1.00"),
                ("i2", "2.00"),
                ("o1", "2.00"),
                ("o2", o),
                relations=[
                    {"id": "flow", "kind": "balance", "inflows": ["i1", "i2"], "outflows": ["o1", "o2"]}
                ],
            ),
            {"flow": status},
        )
        for o, status in [("0.98", "holds"), ("0.97", "broken"), ("1.02", "holds"), ("1.03", "broken")]
    ),
    # head-counts are exact; with a decimal they are not
    *(
        (
            f"counts, total {t}",
            doc_of(("t", t), ("a", "3"), ("b", "4"), relations=[total_of("a", "b")], unit="人"),
            {"split": status},
        )
        for t, status in [("7", "holds"), ("8", "broken"), ("6", "broken")]
    ),
    *(
        (
            f"counts at one decimal, total {t}",
            doc_of(("t", t), ("a", "3.0"), ("b", "4.0"), relations=[total_of("a", "b")], unit="人"),
            {"split": status},
        )
        for t, status in [("7.1", "holds"), ("7.2", "broken")]
    ),
    # exact counts: 1 of 32 is 3.125 %, the edge of both 3.12 % and 3.13 %
    *(
        (
            f"share of counts, stated {s}",
            doc_of(("p", "1"), ("w", "32"), ("s", s), relations=[SHARE], unit="人"),
            {"share": status},
        )
        for s, status in [("3.12%", "holds"), ("3.11%", "broken"), ("3.13%", "holds"), ("3.14%", "broken")]
    ),
    # 0.998 (±0.0005) of 9 (±0.5) is at least 0.9975 / 9.5 = 10.5 %, the top of 10 %
    *(
        (
            f"share at the edge, stated {s}",
            doc_of(("p", "0.998"), ("w", "9"), ("s", s), relations=[SHARE]),
            {"share": status},
        )
        for s, status in [("10%", "holds"), ("9%", "broken"), ("11.75%", "holds"), ("11.76%", "broken")]
    ),
    # the part is one of the figures the whole is listed as
    *(
        (
            f"share of a listed whole, stated {s}",
            doc_of(("p", "82.67"), ("q", "51.89"), ("s", s), relations=[{**SHARE, "whole": ["p", "q"]}]),
            {"share": status},
        )
        for s, status in [
            ("61.44%", "holds"),
            ("61.43%", "holds"),
            ("61.40%", "broken"),
            ("61.47%", "broken"),
        ]
    ),
    # a whole that may be zero: not checkable, said by the full path
    (
        "share of a zero whole",
        doc_of(("p", "0.00"), ("w", "0.00"), ("s", "0.00%"), relations=[SHARE]),
        {"share": "not_checkable"},
    ),
    (
        "share of a zero whole, list",
        doc_of(
            ("p", "1.00"),
            ("w", "0.00"),
            ("x", "0.00"),
            ("s", "5.00%"),
            relations=[{**SHARE, "whole": ["w", "x"]}],
        ),
        {"share": "not_checkable"},
    ),
    # a share above 100 % (PC601) and a part larger than its whole
    (
        "share above 100",
        doc_of(("p", "151.89"), ("w", "134.56"), ("s", "112.88%"), relations=[SHARE]),
        {"share": "holds"},
    ),
    # a negative income (PC603), in a relation that holds
    (
        "negative income",
        doc_of(("t", "-1.00"), ("a", "-1.00"), relations=[total_of("a")], t={"concept": "income"}),
        {"split": "holds"},
    ),
    (
        "negative income, unrelated",
        doc_of(
            ("t", "3.00"),
            ("a", "3.00"),
            ("i", "-0.01"),
            ("j", "-0.00"),
            relations=[total_of("a")],
            i={"concept": "income"},
            j={"concept": "income"},
        ),
        {"split": "holds"},
    ),
    (
        "negative head-count",
        doc_of(("t", "-2"), ("a", "-2"), relations=[total_of("a")], unit="人"),
        {"split": "holds"},
    ),
    # big numbers: exact beyond a float's 17 digits
    *(
        (
            f"30 digits, total {t}",
            doc_of(
                ("t", t),
                ("a", "123456789012345678901234567.89"),
                ("b", "0.01"),
                relations=[total_of("a", "b")],
            ),
            {"split": status},
        )
        for t, status in [
            ("123456789012345678901234567.91", "holds"),
            ("123456789012345678901234567.92", "broken"),
        ]
    ),
]


@pytest.mark.parametrize(("data", "statuses"), [pytest.param(*case[1:], id=case[0]) for case in BOUNDARIES])
@pytest.mark.parametrize("options", [{}, ACCEPTING], ids=["default", "no PC602/PC604"])
@pytest.mark.parametrize("locale", ["en", "zh_CN"])
def test_boundaries_agree_with_the_full_path(
    data: bytes, statuses: dict[str, str], options: dict[str, Any], locale: str
) -> None:
    assert accepted(data, ACCEPTING, locale)
    result = assert_same(data, locale, **options)
    assert result is not None
    assert {c.relation: c.status for c in result.checks} == statuses
    doc = from_bytes(data)
    for rel in doc["relations"]:
        assert reference(doc, rel) == statuses[rel["id"]]
    assert result.broken() == {r for r, s in statuses.items() if s == "broken"}
    negative = [
        f["id"]
        for f in doc["figures"]
        if interval(doc, f["id"])[1] < 0 and (doc["unit"] == "人" or f.get("concept") == "income")
    ]
    assert [f.figures[0] for f in result.findings if f.code == "PC603"] == negative


def test_a_share_above_100_is_reported_by_both_paths() -> None:
    data = doc_of(("p", "151.89"), ("w", "134.56"), ("s", "112.88%"), relations=[SHARE])
    result = assert_same(data)
    assert result is not None
    assert [f.code for f in result.findings] == ["PC601"]


def test_a_zero_whole_is_not_checkable_on_both_paths() -> None:
    data = doc_of(("p", "0.00"), ("w", "0.00"), ("s", "0.00%"), relations=[SHARE])
    result = assert_same(data)
    assert result is not None
    assert [(f.code, f.verdict) for f in result.findings] == [("PC201", perfcheck.Verdict.NOT_CHECKABLE)]
    assert result.findings[0].message.startswith("not checkable:")


@pytest.mark.parametrize("options", SELECTIONS, ids=repr)
def test_excess_precision_is_declined_or_reported_the_same(options: dict[str, Any]) -> None:
    # 1.352 among amounts at two decimals: PC604; the screen declines when PC604 is selected.
    data = doc_of(("t", "6.37"), ("a", "3.91"), ("b", "2.17"), ("c", "1.352"), relations=[total_of("a", "b")])
    result = assert_same(data, **options)
    assert result is not None
    assert any(f.code == "PC604" for f in result.findings) == ("PC604" in result.rules)
    if "PC604" not in result.rules:
        assert accepted(data, options)


# ---------------------------------------------------------------------------
# (3) Documents the fast path declines: the full path's error, or its result

BASE: dict[str, Any] = {
    "perfcheck": "1",
    "title": "2021年部门决算",
    "unit": "万元",
    "figures": [
        {"id": "t", "value": "3.00", "concept": "spending", "label": "总支出"},
        {"id": "a", "value": "1.00", "concept": "line_item"},
        {"id": "b", "value": "2.03", "concept": "line_item"},
        {"id": "s", "value": "33.44%"},
    ],
    "relations": [
        {"id": "split", "kind": "sum", "total": "t", "parts": ["a", "b"]},
        {"id": "share", "kind": "share", "part": "a", "whole": "t", "stated": "s"},
    ],
}
BASE_TEXT = json.dumps(BASE, ensure_ascii=False)


def edited(old: str, new: str) -> bytes:
    assert old in BASE_TEXT
    return BASE_TEXT.replace(old, new, 1).encode()


def changed(**top: Any) -> bytes:
    return to_bytes({**BASE, **top})


def with_figure(i: int, **keys: Any) -> bytes:
    figures = [dict(f) for f in BASE["figures"]]
    figures[i].update(keys)
    figures[i] = {k: v for k, v in figures[i].items() if v is not None}
    return changed(figures=figures)


def with_relation(i: int, **keys: Any) -> bytes:
    relations = [dict(r) for r in BASE["relations"]]
    relations[i].update(keys)
    return changed(relations=relations)


ODD: list[tuple[str, bytes]] = [
    ("base", BASE_TEXT.encode()),
    ("duplicate key", edited('{"id": "a", ', '{"id": "a", "id": "b", ')),
    ("duplicate key, same value", edited('"value": "1.00"', '"value": "1.00", "value": "1.00"')),
    ("duplicate key at the top", edited('"unit": "万元"', '"unit": "万元", "unit": "万元"')),
    ("duplicate key in a relation", edited('"kind": "sum"', '"kind": "sum", "kind": "sum"')),
    (
        "duplicate key in a source",
        with_figure(0, source={"line": 1}).replace(b'"line": 1', b'"line": 1, "line": 1'),
    ),
    ("escaped label", edited('"label": "总支出"', '"label": "\\u603b\\u652f\\u51fa"')),
    ("escaped quote", edited('"label": "总支出"', '"label": "\\"total\\""')),
    ("escaped value", edited('"value": "1.00"', '"value": "\\u0031.00"')),
    ("escaped id", edited('"id": "a"', '"id": "\\u0061"')),
    ("escaped newline in an id", edited('"id": "a"', '"id": "a\\n"')),
    ("de_DE with a decimal point", changed(locale="de_DE")),
    (
        "de_DE with a decimal comma",
        to_bytes(
            {
                **from_bytes(changed(locale="de_DE")),
                "figures": [
                    {"id": "t", "value": "3,00"},
                    {"id": "a", "value": "1,00"},
                    {"id": "b", "value": "2,03"},
                    {"id": "s", "value": "33,44%"},
                ],
            }
        ),
    ),
    ("fr_FR", changed(locale="fr_FR")),
    ("unknown locale", changed(locale="xx_XX")),
    ("locale not a string", changed(locale=7)),
    ("unknown unit", changed(unit="furlong")),
    ("empty unit", changed(unit="")),
    ("no unit", changed(unit=None)),
    ("unknown figure unit", with_figure(1, unit="furlong")),
    ("figure in 元", with_figure(1, unit="元")),
    ("total a head-count, parts amounts", with_figure(0, unit="人")),
    ("total a head-count, parts amounts, zero", with_figure(0, unit="人", value="0.00")),
    ("figure in %", with_figure(1, unit="%")),
    ("percent figure in 万元", with_figure(3, unit="万元")),
    ("stated share in 万元", with_figure(3, value="33.44")),
    ("stated share by its unit key", with_figure(3, value="33.44", unit="%")),
    ("stated share by its unit key, whole percent", with_figure(3, value="33", unit="%")),
    ("stated share by its unit key, zero", with_figure(3, value="0", unit="%")),
    ("stated share with decimals", with_figure(3, value="33%", decimals=2)),
    ("missing operand", with_relation(0, parts=["a", "zz"])),
    ("missing total", with_relation(0, total="zz")),
    ("missing stated", with_relation(1, stated="zz")),
    ("operand not a string", with_relation(0, parts=["a", 3])),
    ("operand a list", with_relation(0, parts=["a", ["b"]])),
    ("empty parts", with_relation(0, parts=[])),
    ("no parts", to_bytes({**BASE, "relations": [{"id": "split", "kind": "sum", "total": "t"}]})),
    ("part named twice", with_relation(0, parts=["a", "a"])),
    ("total among its parts", with_relation(0, parts=["t", "a"])),
    ("unknown relation key", with_relation(0, weight=[1, 1])),
    ("weights as strings", with_relation(0, weights=["1", "2"])),
    ("weights as integers", with_relation(0, weights=[1, 1])),
    ("weights as JSON numbers", with_relation(0, weights=[Decimal("0.50"), Decimal("1E+1")])),
    ("weights as floats, holding", with_relation(0, weights=[Decimal("1.0"), Decimal("1.00")])),
    ("unknown kind", with_relation(0, kind="sums")),
    ("kind not a string", with_relation(0, kind=1)),
    (
        "relation of another kind",
        changed(relations=[*BASE["relations"], {"id": "same", "kind": "equal", "figures": ["a", "a"]}]),
    ),
    (
        "formula",
        changed(relations=[*BASE["relations"], {"id": "f", "kind": "formula", "expr": "a + b == t"}]),
    ),
    (
        "bad formula",
        changed(relations=[*BASE["relations"], {"id": "f", "kind": "formula", "expr": "a + == t"}]),
    ),
    (
        "ratio",
        changed(
            relations=[
                *BASE["relations"],
                {"id": "rate", "kind": "ratio", "numerator": "a", "denominator": "t", "stated": "s"},
            ]
        ),
    ),
    ("duplicate figure id", changed(figures=[*BASE["figures"], {"id": "a", "value": "1.00"}])),
    ("duplicate relation id", changed(relations=[*BASE["relations"], BASE["relations"][0]])),
    ("code id", with_figure(1, id="2010101")),
    ("dashed id", with_figure(1, id="a-b")),
    ("Chinese id", with_figure(1, id="甲")),
    ("id with a space", with_figure(1, id="行政 运行")),
    ("id with a tab", with_figure(1, id="a\tb")),
    ("id with a newline", with_figure(1, id="a\nb")),
    ("id with a space at its end", with_figure(1, id="a ")),
    ("empty id", with_figure(1, id="")),
    ("keyword id", changed(figures=[*BASE["figures"], {"id": "None", "value": "1.00"}])),
    ("long id", changed(figures=[*BASE["figures"], {"id": "x" * 200, "value": "1.00"}])),
    ("too long id", changed(figures=[*BASE["figures"], {"id": "x" * 201, "value": "1.00"}])),
    ("code relation id", with_relation(0, id="1split")),
    ("relation id with a control character", with_relation(0, id="s\x7f")),
    ("grouped value", with_figure(1, value="1,234.5")),
    ("misgrouped value", with_figure(1, value="1,2.5")),
    ("value with a unit", with_figure(1, value="1.00万元")),
    ("value with a space", with_figure(1, value=" 1.00")),
    ("value with a plus", with_figure(1, value="+1.00")),
    ("bare point", with_figure(1, value="1.")),
    ("leading point", with_figure(1, value=".5")),
    ("leading zeros", with_figure(1, value="001.00")),
    ("negative zero", with_figure(1, value="-0.00")),
    ("full-width digits", with_figure(1, value="１.００")),
    ("Chinese numeral", with_figure(1, value="一")),
    ("empty value", with_figure(1, value="")),
    ("value a JSON number", edited('"value": "1.00"', '"value": 1.00')),
    ("value a JSON integer", edited('"value": "1.00"', '"value": 1')),
    ("value a float with an exponent", edited('"value": "1.00"', '"value": 1.0e0')),
    ("value a boolean", edited('"value": "1.00"', '"value": true')),
    ("value null", edited('"value": "1.00"', '"value": null')),
    ("no value", edited('"value": "1.00", ', "")),
    ("no id", edited('"id": "a", ', "")),
    ("decimals", with_figure(1, value="1", decimals=2)),
    ("decimals below the value's", with_figure(1, value="1.00", decimals=1)),
    ("decimals below, trailing zero", with_figure(1, value="1.10", decimals=1)),
    ("negative decimals", with_figure(1, value="100", decimals=-2)),
    ("decimals a float", edited('"value": "1.00"', '"value": "1.00", "decimals": 2.0')),
    ("decimals a string", with_figure(1, decimals="2")),
    ("decimals too many", with_figure(1, value="1", decimals=31)),
    ("exact", with_figure(1, exact=True)),
    ("qualifier", with_figure(1, qualifier="about")),
    ("unknown figure key", with_figure(1, note="x")),
    ("concept a number", with_figure(1, concept=3)),
    ("label null", with_figure(0, label=None)),
    ("label a list", with_figure(0, label=["x"])),
    ("source", with_figure(0, source={"section": "一", "line": 1, "start": 0, "end": 4, "text": "总支出"})),
    ("source line 0", with_figure(0, source={"line": 0})),
    ("source line a boolean", with_figure(0, source={"line": True})),
    ("source start after end", with_figure(0, source={"start": 5, "end": 2})),
    ("source unknown key", with_figure(0, source={"page": 2})),
    ("source a string", with_figure(0, source="p. 2")),
    ("relation source", with_relation(0, source={"section": "一"})),
    ("relation label a number", with_relation(0, label=3)),
    ("exhaustive 1", edited('"parts": ["a", "b"]', '"parts": ["a", "b"], "exhaustive": 1')),
    ("exhaustive null", edited('"parts": ["a", "b"]', '"parts": ["a", "b"], "exhaustive": null')),
    ("exhaustive a string", with_relation(0, exhaustive="false")),
    ("figure a list", edited('{"id": "a", "value": "1.00", "concept": "line_item"}', '["a", "1.00"]')),
    ("figure a string", edited('{"id": "a", "value": "1.00", "concept": "line_item"}', '"a"')),
    ("first figure a list", changed(figures=[["t"], *BASE["figures"]])),
    ("relation a list", changed(relations=[["split"]])),
    ("figures an object", changed(figures={"t": "3.00"})),
    ("relations null", changed(relations=None)),
    ("no figures, no unit", to_bytes({"perfcheck": "1"})),
    ("no figures", changed(figures=[], relations=[])),
    ("title a number", changed(title=3)),
    ("rounding truncate", changed(rounding="truncate")),
    ("rounding unknown", changed(rounding="up")),
    ("unknown top-level key", changed(notes="x")),
    ("version 2", changed(perfcheck="2")),
    ("version a number", changed(perfcheck=1)),
    ("no version", to_bytes({k: v for k, v in BASE.items() if k != "perfcheck"})),
    ("BOM", b"\xef\xbb\xbf" + BASE_TEXT.encode()),
    ("invalid UTF-8", BASE_TEXT.encode().replace("总支出".encode(), b"\xff\xfe")),
    ("UTF-16", BASE_TEXT.encode("utf-16")),
    ("empty", b""),
    ("blank", b" \n\t"),
    ("null", b"null"),
    ("a list", b"[]"),
    ("a string", b'"perfcheck"'),
    ("truncated", BASE_TEXT.encode()[:-3]),
    ("trailing comma", edited('"parts": ["a", "b"]', '"parts": ["a", "b",]')),
    ("trailing garbage", BASE_TEXT.encode() + b" x"),
    ("two documents", BASE_TEXT.encode() + b"\n" + BASE_TEXT.encode()),
    ("NaN", edited('"value": "1.00"', '"value": NaN')),
    ("Infinity", edited('"value": "1.00"', '"value": Infinity')),
    ("NaN as text", with_figure(1, value="NaN")),
    ("raw control character", edited('"label": "总支出"', '"label": "a\tb"')),
    ("huge integer", edited('"value": "1.00"', '"value": 1.00, "decimals": 123456789012345678901234567890')),
    ("41 digits", with_figure(1, value="1" * 41)),
    ("40 digits", with_figure(1, value="1" * 38 + ".00")),
    ("deep nesting", edited('"label": "总支出"', '"label": ' + "[" * 2000 + "]" * 2000)),
]


@pytest.mark.parametrize("data", [pytest.param(data, id=name) for name, data in ODD])
@pytest.mark.parametrize(
    "options",
    [{}, {"select": ["PC1", "PC2", "PC601", "PC603"]}, {"select": ["PC6"]}, {"select": ["PC901"]}],
    ids=repr,
)
def test_odd_documents_give_the_full_paths_error_or_result(data: bytes, options: dict[str, Any]) -> None:
    assert_same(data, **options)


def test_odd_documents_include_valid_and_invalid_ones_and_the_fast_path_declines_the_invalid() -> None:
    valid = invalid = 0
    for name, data in ODD:
        try:
            perfcheck.loads(data)
        except LedgerError:
            invalid += 1
            assert not accepted(data, {}), name
        else:
            valid += 1
    assert valid >= 20
    assert invalid >= 40
    assert accepted(BASE_TEXT.encode(), {})


@pytest.mark.parametrize(
    "limits",
    [
        Limits(max_figures=3),
        Limits(max_relations=1),
        Limits(max_bytes=100),
        Limits(max_json_depth=3),
        Limits(max_json_depth=4),
        Limits(max_digits=3),
        Limits(max_digits=4),
    ],
    ids=repr,
)
def test_limits_give_the_full_paths_error_or_result(limits: Limits) -> None:
    data = BASE_TEXT.encode()
    ledger = loaded(data, limits)
    if isinstance(ledger, LedgerError):
        with pytest.raises(LedgerError) as caught:
            perfcheck.check(data, limits=limits)
        assert str(caught.value) == str(ledger)
        return
    fast = perfcheck.check(data, limits=limits)
    full = perfcheck.check(ledger)
    assert fast.relations_checked == full.relations_checked
    assert fast.findings == full.findings
    assert fast.checks == full.checks


@SOME
@given(st.sampled_from([b"", b"{", b"[", b"nul"]) | st.binary(max_size=40), st.sampled_from(SELECTIONS))
def test_arbitrary_bytes_give_the_full_paths_error(data: bytes, options: dict[str, Any]) -> None:
    assert_same(data, **options)


@st.composite
def corrupted(draw: st.DrawFn) -> bytes:
    """A plain document with one thing wrong (or odd) in it."""
    doc = draw(plain_documents())
    figures, relations = doc["figures"], doc["relations"]
    i = draw(st.integers(0, len(figures) - 1))
    how = draw(
        st.sampled_from(
            [
                "drop figure",
                "duplicate figure",
                "bad value",
                "number value",
                "bad unit",
                "drop key",
                "bad id",
                "dup rel",
            ]
        )
    )
    if how == "drop figure":
        del figures[i]
    elif how == "duplicate figure":
        figures.append(dict(figures[i]))
    elif how == "bad value":
        figures[i]["value"] = draw(st.sampled_from(["1,2.3", "abc", "1.2.3", "--1", "1e5", "½"]))
    elif how == "number value":
        figures[i]["value"] = Decimal(figures[i]["value"].removesuffix("%"))
    elif how == "bad unit":
        figures[i]["unit"] = draw(st.sampled_from(["furlong", "元", "人", "%", "亿元"]))
    elif how == "drop key":
        rel = draw(st.sampled_from(relations))
        del rel[draw(st.sampled_from(sorted(set(rel) - {"id", "kind"})))]
    elif how == "bad id":
        figures[i]["id"] = draw(st.sampled_from(["1x", "", "x y", "f0", " x", "x\ty", "\u3000"]))
    else:
        relations.append(dict(relations[0]))
    return to_bytes(doc)


@SOME
@given(data=corrupted(), options=st.sampled_from(SELECTIONS))
def test_corrupted_plain_documents_give_the_full_paths_error_or_result(
    data: bytes, options: dict[str, Any]
) -> None:
    show(data)
    assert_same(data, **options)


@pytest.mark.parametrize("value", ["1" * 50, "0." + "0" * 60 + "1", "1" * 40, "1" * 38 + ".00"])
def test_raised_digit_limits_give_the_full_paths_error_or_result(value: str) -> None:
    # The value reader stops at 40 digits and exponent 60 whatever Limits.max_digits says.
    doc = {
        **BASE,
        "figures": [{"id": "t", "value": value}, {"id": "a", "value": value}],
        "relations": [{"id": "r", "kind": "sum", "total": "t", "parts": ["a"]}],
    }
    data = to_bytes(doc)
    limits = Limits(max_digits=100)
    ledger = loaded(data, limits)
    if isinstance(ledger, LedgerError):
        assert len(value) > 40
        with pytest.raises(LedgerError) as caught:
            perfcheck.check(data, limits=limits)
        assert str(caught.value) == str(ledger)
        return
    result = perfcheck.check(data, limits=limits)
    assert result == perfcheck.check(ledger)
    assert result.relations_checked == 1


@perfcheck.rule(
    "PC801",
    "look-at-sums",
    severity=perfcheck.Severity.WARNING,
    kinds=["sum"],
    passing={},
    failing={},
)
def look_at_sums(ctx: Any, rel: Any) -> Any:
    """Every sum deserves a look (a user's own rule over the kinds the screen judges)."""
    del ctx
    yield perfcheck.Finding(
        code="PC801",
        severity=perfcheck.Severity.WARNING,
        verdict=perfcheck.Verdict.SUSPICIOUS,
        relation=rel.id,
        message=f"look at {rel.id}",
    )


@perfcheck.rule(
    "PC802", "crashes-on-sums", severity=perfcheck.Severity.ERROR, kinds=["sum"], passing={}, failing={}
)
def crashes_on_sums(ctx: Any, rel: Any) -> Any:
    """Raises on every sum."""
    del ctx, rel
    raise ZeroDivisionError
    yield  # a generator, as rules are


REGISTRIES = {
    "own rule": perfcheck.Registry([*default_registry, look_at_sums]),
    "crashing rule": perfcheck.Registry([*default_registry, crashes_on_sums]),
    "copy of PC102": perfcheck.Registry(
        [dataclasses.replace(r) if r.code == "PC102" else r for r in default_registry]
    ),
}


@pytest.mark.parametrize("name", REGISTRIES)
@pytest.mark.parametrize("data", [BASE_TEXT.encode(), edited('"value": "2.03"', '"value": "2.50"')])
def test_rules_of_another_registry_get_the_full_path(name: str, data: bytes) -> None:
    registry = REGISTRIES[name]
    assert check_plain(data, registry.select(), locale="en", crash_reported=True) is None
    assert accepted(data, {})
    result = perfcheck.check(data, registry=registry)
    full = perfcheck.check(perfcheck.loads(data), registry=registry)
    assert result == full
    assert result.to_json_dict() == full.to_json_dict()
    codes = {f.code for f in result.findings}
    assert ("PC801" in codes) == (name == "own rule")
    assert ("PC902" in codes) == (name == "crashing rule")


# JSON-number weights: orjson would read them as binary floats (0.50 -> 0.5, 1E+1 -> 10.0,
# 0.10000000000000000002 -> 0.1); the messages and verdicts must be the full path's.


def test_json_number_weights_keep_their_digits() -> None:
    data = edited('"parts": ["a", "b"]', '"parts": ["a", "b"], "weights": [0.50, 1E+1]')
    result = assert_same(data)
    assert result is not None
    assert "0.50×a + 1E+1×b" in result.errors[0].message


def test_json_number_weights_beyond_a_float_keep_their_value() -> None:
    data = to_bytes(
        {
            "perfcheck": "1",
            "unit": "人",
            "figures": [{"id": "t", "value": "0.10000000000000000002"}, {"id": "a", "value": "1"}],
            "relations": [
                {
                    "id": "r",
                    "kind": "sum",
                    "total": "t",
                    "parts": ["a"],
                    "weights": [Decimal("0.10000000000000000002")],
                }
            ],
        }
    )
    assert perfcheck.check(perfcheck.loads(data)).ok
    assert perfcheck.check(data).ok
    assert assert_same(data) is not None


# ---------------------------------------------------------------------------
# (4) What a fast result does

BROKEN = doc_of(
    ("t", "3.10"),
    ("a", "1.00"),
    ("b", "2.00"),
    ("i", "-1.00"),
    ("p", "1.00"),
    ("w", "3.00"),
    ("s", "33.33%"),
    relations=[total_of("a", "b"), SHARE],
    i={"concept": "income"},
)


def fast_result(data: bytes = BROKEN) -> Result:
    rules = default_registry.select(None, None)
    plain = check_plain(data, rules, locale="en", crash_reported=True)
    assert plain is not None
    result, entity, period = plain
    doc = json.loads(data)
    assert (result.title, entity, period) == (doc.get("title"), doc.get("entity"), doc.get("period"))
    return result


def test_a_fast_result_is_the_one_check_returns() -> None:
    result = fast_result()
    assert [(f.code, f.relation) for f in result.findings] == [("PC603", None), ("PC102", "split")]
    assert result == perfcheck.check(BROKEN)
    assert result == perfcheck.check(perfcheck.loads(BROKEN))
    assert not result.ok
    assert result.broken() == {"split"}


def test_a_fast_result_works_out_its_checks_when_asked() -> None:
    full = perfcheck.check(perfcheck.loads(BROKEN))
    result = fast_result()
    assert result.relations_checked == 2 == full.relations_checked
    checks = result.checks
    assert isinstance(checks, tuple)
    assert all(isinstance(c, RelationCheck) for c in checks)
    assert checks == full.checks
    assert [(c.relation, c.status) for c in checks] == [("split", "broken"), ("share", "holds")]
    assert result.checks is checks  # worked out once


@pytest.mark.parametrize("touch", [False, True], ids=["checks pending", "checks worked out"])
def test_a_fast_result_pickles(touch: bool) -> None:
    result = fast_result()
    if touch:
        assert len(result.checks) == 2
    copy = pickle.loads(pickle.dumps(result))  # noqa: S301 - our own pickle
    assert copy == result
    assert copy.checks == result.checks
    assert copy.relations_checked == result.relations_checked
    assert copy.findings == result.findings
    assert copy.to_json_dict() == result.to_json_dict()
    assert copy == perfcheck.check(perfcheck.loads(BROKEN))


def test_a_fast_result_dumps_its_checks() -> None:
    full = perfcheck.check(perfcheck.loads(BROKEN))
    dumped = fast_result().model_dump()
    assert "checks" in dumped
    assert len(dumped["checks"]) == 2
    assert dumped == full.model_dump()
    assert fast_result().model_dump(mode="json") == full.model_dump(mode="json")
    assert fast_result().model_dump_json() == full.model_dump_json()


def test_a_fast_result_equals_and_hashes_like_the_full_one() -> None:
    full = perfcheck.check(perfcheck.loads(BROKEN))
    result = fast_result()
    assert hash(result) == hash(full)
    assert result != perfcheck.check(BASE_TEXT.encode())
    assert result.errors == full.errors
    assert result.warnings == full.warnings
    assert result.infos == full.infos


@pytest.mark.parametrize(
    "data",
    [pytest.param(BROKEN, id="plain"), pytest.param(edited('"id": "a"', '"id": "\\u0061"'), id="declined")],
)
def test_check_leaves_the_garbage_collector_as_it_found_it(data: bytes) -> None:
    was_enabled = gc.isenabled()
    try:
        gc.enable()
        perfcheck.check(data)
        assert gc.isenabled()
        with pytest.raises(LedgerError):
            perfcheck.check(b'{"perfcheck": "1", "figures": [{"id": "a"}]}')
        assert gc.isenabled()
        gc.disable()
        perfcheck.check(data)
        assert not gc.isenabled()
        with pytest.raises(LedgerError):
            perfcheck.check(b'{"perfcheck": "1", "figures": [{"id": "a"}]}')
        assert not gc.isenabled()
    finally:
        if was_enabled:
            gc.enable()
        else:
            gc.disable()


def test_the_fast_path_reads_without_the_full_path_until_checks_are_asked_for(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[bytes] = []
    real = perfcheck._api.loads

    def counted(data: bytes, **kwargs: Any) -> perfcheck.Ledger:
        calls.append(data)
        return real(data, **kwargs)

    monkeypatch.setattr(perfcheck._api, "loads", counted)
    result = perfcheck.check(BROKEN)
    assert calls == []
    assert result.relations_checked == 2
    assert [(c.relation, c.status) for c in result.checks] == [("split", "broken"), ("share", "holds")]
    assert calls == [BROKEN]
    assert len(result.checks) == 2
    assert calls == [BROKEN]


def test_bytearray_is_checked_like_bytes() -> None:
    assert perfcheck.check(bytearray(BROKEN)) == perfcheck.check(BROKEN)


# ---------------------------------------------------------------------------
# (5) A bench-like tree from a path


def cents(n: int) -> str:
    return f"{n // 100}.{n % 100:02d}"


def w1_document(rng: random.Random, categories: int, groups: int, items: int) -> tuple[bytes, set[str]]:
    """A W1-shaped ledger (items -> groups -> categories -> root) and the relations it breaks."""
    figures: list[dict[str, str]] = []
    relations: list[dict[str, Any]] = []
    broken: set[str] = set()

    def parent(pid: str, children: list[str], values: list[int], concept: str | None) -> int:
        n = len(children) + 1
        tol = n // 2  # whole cents the half-cents of n figures explain
        total = sum(values)
        x = rng.random()
        if x < 0.25:
            total += rng.choice((-1, 1)) * (tol + 1 + rng.randrange(100))
            broken.add(f"s_{pid}")
        elif x < 0.5 and tol:
            total += rng.choice((-1, 1)) * rng.randint(1, tol)
        figures.append({"id": pid, "value": cents(total), **({"concept": concept} if concept else {})})
        relations.append({"id": f"s_{pid}", "kind": "sum", "total": pid, "parts": children})
        return total

    cat_ids, cat_values = [], []
    for c in range(categories):
        gids, gvals = [], []
        for g in range(groups):
            ids = [f"i{c}_{g}_{k}" for k in range(items)]
            vals = [rng.randrange(1, 10_000_000) for _ in ids]
            figures.extend(
                {"id": i, "value": cents(v), "concept": "line_item"} for i, v in zip(ids, vals, strict=True)
            )
            gids.append(f"g{c}_{g}")
            gvals.append(parent(gids[-1], ids, vals, None))
        cat_ids.append(f"c{c}")
        cat_values.append(parent(cat_ids[-1], gids, gvals, "spending"))
    parent("root", cat_ids, cat_values, None)
    doc = {"perfcheck": "1", "title": "W1", "unit": "万元", "figures": figures, "relations": relations}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode(), broken


@pytest.mark.parametrize("seed", range(6))
def test_a_w1_tree_from_a_path_checks_like_the_full_path(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)  # noqa: S311 - test data
    data, broken = w1_document(rng, categories=3, groups=4, items=10)
    path = tmp_path / "w1.json"
    path.write_bytes(data)
    assert accepted(data, {})
    full = perfcheck.check(perfcheck.load(path))
    for target in (path, str(path)):
        result = perfcheck.check(target)
        assert result.relations_checked == full.relations_checked == 3 * 4 + 3 + 1
        assert result.to_json_dict() == full.to_json_dict()
        assert result.findings == full.findings
        assert result.checks == full.checks
        assert result == full
        assert result.broken() == broken
    assert assert_same(data) == full


def test_a_path_to_an_invalid_document_raises_the_full_paths_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(edited('{"id": "a", ', '{"id": "a", "id": "b", '))
    with pytest.raises(LedgerError) as expected:
        perfcheck.load(path)
    with pytest.raises(LedgerError) as caught:
        perfcheck.check(path)
    assert str(caught.value) == str(expected.value)
    assert str(path) in str(caught.value)


def test_documents_written_by_json_dumps_with_escapes_take_the_fast_path() -> None:
    """json.dumps escapes 万元 and labels by default (ensure_ascii); such documents are still plain."""
    doc = {
        "perfcheck": "1",
        "unit": "万元",
        "locale": "zh_CN",
        "figures": [
            {"id": "total", "label": "总支出", "value": "134.56", "concept": "spending"},
            {"id": "basic", "label": "基本支出", "value": "82.67"},
            {"id": "project", "label": "项目支出", "value": "51.99"},
        ],
        "relations": [{"id": "split", "kind": "sum", "total": "total", "parts": ["basic", "project"]}],
    }
    data = json.dumps(doc).encode()
    assert b"\\u4e07" in data  # the unit is escaped
    assert accepted(data, {})
    result = assert_same(data)
    assert result is not None
    assert result.broken() == {"split"}
    assert "总支出" in result.findings[0].message


def test_an_escaped_quote_is_read_by_the_fast_path() -> None:
    """Quotes are counted to find keys given twice; escaped ones are taken off the count."""
    doc = {
        "perfcheck": "1",
        "unit": "元",
        "title": 'a "report"',
        "figures": [
            {"id": "a", "label": 'the "total"', "value": "4"},
            {"id": "b", "label": '"b"', "value": "2"},
        ],
        "relations": [{"id": "r", "kind": "sum", "label": 'say "sum"', "total": "a", "parts": ["b"]}],
    }
    data = json.dumps(doc).encode()
    assert b'\\"' in data
    assert accepted(data, {})
    result = assert_same(data)
    assert result is not None
    assert result.broken() == {"r"}


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(
            b'{"perfcheck": "1", "unit": "\\u5143", "title": "a \\"x\\"", "title": "b", '
            b'"figures": [], "relations": []}',
            id="a key given twice beside an escaped quote",
        ),
        pytest.param(
            b'{"perfcheck": "1", "unit": "\\u5143", "figures": [{"id": "a", "value": "1", '
            b'"label": "x\\"", "label": "y"}], "relations": []}',
            id="a figure key given twice",
        ),
    ],
)
def test_a_key_given_twice_beside_an_escaped_quote_is_still_found(data: bytes) -> None:
    assert b'\\"' in data
    assert not accepted(data, {})
    assert_same(data)


def test_an_escaped_backslash_leaves_the_document_to_the_full_path() -> None:
    """After an escaped backslash a quote closes its string: the count could not tell them apart."""
    doc = {
        "perfcheck": "1",
        "unit": "元",
        "figures": [{"id": "a", "label": "a\\", "value": "1"}],
        "relations": [],
    }
    data = json.dumps(doc).encode()
    assert b"\\\\" in data
    assert not accepted(data, {})
    assert assert_same(data) is not None


# (6) Figures the column does not read go to the full path one by one (issue 15)


def _escalated(data: bytes, options: dict[str, Any]) -> tuple[set[str], set[str]] | None:
    """The figures and relations the screen escalates; None when it declines the document."""
    from perfcheck._engine import fast  # noqa: PLC0415 - only these tests look inside

    plan = fast.plan(rules_for(options), default_registry)
    assert plan is not None
    screened = fast.screen(data, plan, DEFAULT_LIMITS)
    if screened is None:
        return None
    return {f["id"] for f in screened.figures}, {r["id"] for r in screened.relations}


def _same_and_escalated(data: bytes, broken: set[str], options: dict[str, Any]) -> tuple[set[str], set[str]]:
    """Fast and full agree, ``broken`` is what breaks, and the screen kept the document: what it escalated."""
    result = assert_same(data, **options)
    assert result is not None
    assert result.broken() == broken
    escalated = _escalated(data, options)
    assert escalated is not None, "one figure the column cannot read must not decline the document"
    return escalated


def _tree(*values: Any, **keys: Any) -> bytes:
    """A total and its parts (the first value is the total), and an unrelated figure."""
    figures = [{"id": f"f{i}", "value": v, **keys.get(f"f{i}", {})} for i, v in enumerate(values)]
    figures.append({"id": "other", "value": "7.00"})
    parts = [f"f{i}" for i in range(1, len(values))]
    relations = [
        {"id": "r", "kind": "sum", "total": "f0", "parts": parts},
        {"id": "q", "kind": "sum", "total": "other", "parts": ["other"]},
    ]
    return to_bytes({"perfcheck": "1", "unit": "万元", "figures": figures, "relations": relations})


@pytest.mark.parametrize(
    ("data", "opaque", "broken"),
    [
        pytest.param(
            _tree("1502.00", "1500万元", "2.00", f1={"decimals": -2}), {"f1"}, set(), id="decimals -2"
        ),
    ],
)
def test_a_figure_the_screen_cannot_judge_goes_to_the_full_path_alone(
    data: bytes, opaque: set[str], broken: set[str]
) -> None:
    for options in ({}, ACCEPTING, {"select": ["PC1"]}):
        figures, relations = _same_and_escalated(data, broken, options)
        assert opaque <= figures
        assert "other" not in figures
        assert relations == {"r"}  # the relation naming it; the one beside it is screened


def _worded(data: bytes, options: dict[str, Any]) -> frozenset[str]:
    """The ids of the relations the screen had the rules judge on plain data."""
    from perfcheck._engine import fast  # noqa: PLC0415 - only these tests look inside

    plan = fast.plan(rules_for(options), default_registry)
    assert plan is not None
    screened = fast.screen(data, plan, DEFAULT_LIMITS)
    assert screened is not None
    return screened.worded_ids


@pytest.mark.parametrize(
    ("data", "broken"),
    [
        pytest.param(_tree("3.00", "约1.00", "2.00"), set(), id="a qualifier"),
        pytest.param(_tree("3.00", "约1.00", "2.00万元"), set(), id="both"),
        pytest.param(_tree("3.20", "约1.00", "2.00万元"), set(), id="both, 约 reaching 1.2"),
        pytest.param(_tree("3.70", "约1.00", "2.00万元"), {"r"}, id="约 not reaching"),
        pytest.param(_tree("3.00", "逾1.00", "2.00"), set(), id="逾: at least"),
        pytest.param(_tree("2.90", "逾1.00", "2.00"), {"r"}, id="逾, broken"),
        pytest.param(_tree("约3", "1.00", "2.00"), set(), id="the total about"),
        pytest.param(_tree("约3人次", 1, 2, f1={"unit": "人次"}, f2={"unit": "人次"}), set(), id="a count"),
    ],
)
def test_a_sum_naming_a_qualified_figure_is_judged_on_plain_data(data: bytes, broken: set[str]) -> None:
    """A qualified figure's view is read as plain data: neither it nor its sum goes to the full path."""
    for options in ({}, ACCEPTING, {"select": ["PC1"]}):
        assert _same_and_escalated(data, broken, options) == (set(), set())
        assert "r" in _worded(data, options)


@pytest.mark.parametrize(
    ("data", "escalated_figures", "broken"),
    [
        pytest.param(_tree("3.00", "1.00万元", "2.00"), set(), set(), id="a unit in a value"),
        pytest.param(_tree("3.10", "1.00万元", "2.00"), set(), {"r"}, id="a unit in a broken sum"),
        pytest.param(_tree("3.01", "1.0万元", "2.00"), set(), set(), id="a unit, another precision"),
        pytest.param(_tree("3.07", "1.0万元", "2.00"), set(), {"r"}, id="another precision, broken"),
        pytest.param(
            _tree("3", 1, 2, f1={"unit": "人"}, f2={"unit": "人"}, f0={"unit": "人"}),
            set(),
            set(),
            id="JSON numbers",
        ),
        pytest.param(
            _tree(4, 1, 2, f1={"unit": "人"}, f2={"unit": "人"}, f0={"unit": "人"}),
            set(),
            {"r"},
            id="JSON numbers, broken",
        ),
        pytest.param(_tree("1000.00", "1,000.00", "0.00"), set(), set(), id="a thousands separator"),
        pytest.param(_tree("3.00", "1,000.00", "2.00"), set(), {"r"}, id="a separator, broken"),
        pytest.param(
            _tree("-3.00万元", "-1.00", "-2.00", f0={"concept": "income"}), {"f0"}, set(), id="below zero"
        ),
        pytest.param(_tree("0.00", "-0.00万元", "0.00", f1={"concept": "income"}), set(), set(), id="-0.00"),
    ],
)
def test_a_figure_the_column_cannot_read_is_judged_from_its_view(
    data: bytes, escalated_figures: set[str], broken: set[str]
) -> None:
    """A unit in a value, a JSON number, a separator: the screen judges the figure's relations itself.

    A broken one is judged by the rules on plain data: nothing but a figure PC603 may
    report goes to the full path.
    """
    for options in ({}, ACCEPTING, {"select": ["PC1"]}):
        figures, relations = _same_and_escalated(data, broken, options)
        flagged = escalated_figures if options != {"select": ["PC1"]} else set()
        assert figures == flagged
        assert relations == set()
        assert broken <= _worded(data, options)


@pytest.mark.parametrize(
    ("data", "flagged", "sent"),
    [
        pytest.param(_tree("3.00", "1.00", "2.001万元"), {"f2"}, set(), id="its precision counts for PC604"),
        pytest.param(_tree("3.00", "1.00", "2.00万元"), set(), set(), id="its precision is the usual one"),
        pytest.param(_tree("3.00", "1.00", "约2.001"), set(), set(), id="a qualified value is not PC604's"),
        pytest.param(_tree("3.00", "1.00", "2.5"), set(), {"r"}, id="fewer decimals"),
    ],
)
def test_figures_the_column_cannot_read_count_for_document_rules(
    data: bytes, flagged: set[str], sent: set[str]
) -> None:
    # PC604 judges a figure against the document's usual precision: the screen counts every
    # figure, and the one PC604 reports goes to the full path alone (the rest is screened)
    assert_same(data)
    escalated = _escalated(data, {})
    assert escalated is not None
    assert flagged <= escalated[0]
    assert escalated[1] == sent


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(_tree("3.00", "abc", "2.00"), id="not a value"),
        pytest.param(_tree("3.00", 1.5, "2.00"), id="a float"),
        pytest.param(_tree("3.00", "1.00元", "2.00", f1={"unit": "人"}), id="a unit against the figure's"),
    ],
)
def test_figures_the_column_cannot_read_with_a_problem_give_the_full_paths_error(data: bytes) -> None:
    assert_same(data)
    assert _escalated(data, {}) is None


@pytest.mark.parametrize(("rounding", "sent", "ok"), [("nearest", False, True), ("truncate", True, False)])
def test_a_truncated_figure_goes_to_the_exact_path(rounding: str, sent: bool, ok: bool) -> None:
    # three parts printed 0.98 in all reach [0.965, 0.995]: a total 1.00 rounded to nearest,
    # [0.995, 1.005], holds; truncated, [1.00, 1.01), it does not
    doc = {
        "perfcheck": "1",
        "unit": "万元",
        "figures": [
            {"id": "t", "value": "1.00", "rounding": rounding},
            {"id": "a", "value": "0.30"},
            {"id": "b", "value": "0.34"},
            {"id": "c", "value": "0.34"},
        ],
        "relations": [{"id": "s", "kind": "sum", "total": "t", "parts": ["a", "b", "c"]}],
    }
    data = to_bytes(doc)
    # the document stays on the fast path; the sum naming the truncated figure, beyond its
    # bounds, goes to the full path alone, which judges its open end exactly
    assert accepted(data, {})
    escalated = _escalated(data, {})
    assert escalated is not None
    assert escalated[1] == ({"s"} if sent else set())
    result = assert_same(data)
    assert result is not None
    assert result.ok is ok


_QUICK_UNITS = ["万元", "元", "亿元", "人", "人次", "万人", "例", "%", "百分点", "EUR", "EUR million", None]
_QUICK_VALUES: list[int | str] = [
    0,
    7,
    -3,
    70,
    10**12,
    10**45,
    "0",
    "7",
    "12.50",
    "0.00",
    "007",
    "-1.5",
    "3.01",
]


@pytest.mark.parametrize("doc_unit", [u for u in _QUICK_UNITS if u is not None])
def test_a_figure_read_without_validation_reads_as_its_validated_view(doc_unit: str) -> None:
    """The column reads a JSON integer or ``123.45万元`` without validating it: as the validated view would.

    Every figure it reads so (its number, precision, exactness, unit, and the precision
    document rules count) is read again the long way, validated and viewed; the two must
    agree, and validation must accept what it read.
    """
    from perfcheck._engine import columns, fast  # noqa: PLC0415 - the column's own reading

    plan = fast.plan(default_registry.select(None, None), default_registry)
    assert plan is not None
    read = 0
    for own, value in [(u, v) for u in _QUICK_UNITS for v in _QUICK_VALUES]:
        suffixes = [""] if type(value) is int else sorted({own or "", doc_unit, "万元", "人", "元"})
        for suffix in suffixes:
            figure: dict[str, Any] = {"id": "x", "value": value if type(value) is int else f"{value}{suffix}"}
            if own is not None:
                figure["unit"] = own
            doc = {"perfcheck": "1", "unit": doc_unit, "figures": [figure, {"id": "y", "value": "1"}]}
            quick = fast._Screen(doc, plan, DEFAULT_LIMITS)
            got = quick._quick(figure)
            if got is None:
                continue
            read += 1
            slow = fast._Screen(doc, plan, DEFAULT_LIMITS)
            try:
                views = slow._views([figure])
            except columns.NotPlain:
                pytest.fail(f"read without validation, but validation declines: {doc}")
            slow._read_view(figure, views["x"])
            assert (got, quick.precision) == (slow.read.get("x"), slow.precision), doc
    assert read > 0
