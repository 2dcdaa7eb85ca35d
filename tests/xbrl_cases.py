"""Summation cases written both as a perfcheck ledger and as an XBRL instance with its calculation linkbase.

A :class:`Case` is a set of facts (each a concept's value in 元, with its decimals or
``None`` for exact, ``INF`` in XBRL) and summations between them, each in its own
extended link role so that each is judged on its own. :func:`ledger_of` writes it as a
ledger document; :func:`write_xbrl` as a taxonomy schema, a calculation linkbase and an
instance; :func:`arelle_verdicts` runs Arelle's XBRL Calculations 1.1 validation on it and
says, per summation, ``holds``, ``broken`` or ``not_judged``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

NS = "http://example.com/perfcheck/differential"
ROLE = "http://example.com/perfcheck/role/"


@dataclass(frozen=True)
class Fact:
    """One fact: a concept's value in 元 with its decimals (None: exact)."""

    concept: str
    value: Decimal
    decimals: int | None


@dataclass(frozen=True)
class Summation:
    """``total = Σ weight·item`` in its own link role ``name``."""

    name: str
    total: str
    items: tuple[str, ...]
    weights: tuple[Decimal, ...]


@dataclass
class Case:
    """Facts and summations; ``duplicates`` are extra facts of a concept that already has one."""

    rounding: str  # nearest or truncate
    facts: list[Fact]
    summations: list[Summation]
    duplicates: list[Fact] = field(default_factory=list)


def plain(value: Decimal) -> str:
    text = f"{value:f}"
    return "0" if text in ("-0", "-0.0") else text


def ledger_of(case: Case) -> dict[str, Any]:
    """The case as a ledger document in 元: a figure per fact, a ``sum`` per summation.

    A duplicate becomes a second figure and an ``equal`` relation with the first.
    """
    figures: list[dict[str, Any]] = []
    for i, fact in enumerate([*case.facts, *case.duplicates]):
        fid = fact.concept if i < len(case.facts) else f"{fact.concept}_dup{i}"
        figure: dict[str, Any] = {"id": fid, "value": plain(fact.value)}
        if fact.decimals is None:
            figure["exact"] = True
        else:
            figure["decimals"] = fact.decimals
        figures.append(figure)
    relations: list[dict[str, Any]] = [
        {
            "id": s.name,
            "kind": "sum",
            "total": s.total,
            "parts": list(s.items),
            "weights": [str(w) for w in s.weights],
        }
        for s in case.summations
    ]
    relations.extend(
        {"id": f"dup_{f['id']}", "kind": "equal", "figures": [f["id"].split("_dup")[0], f["id"]]}
        for f in figures[len(case.facts) :]
    )
    return {
        "perfcheck": "1",
        "unit": "元",
        "rounding": case.rounding,
        "figures": figures,
        "relations": relations,
    }


def _schema(case: Case) -> str:
    concepts = sorted({f.concept for f in case.facts})
    elements = "\n".join(
        f'  <xs:element id="{c}" name="{c}" type="xbrli:monetaryItemType" substitutionGroup="xbrli:item" '
        f'xbrli:periodType="instant" nillable="true"/>'
        for c in concepts
    )
    roles = "\n".join(
        f'      <link:roleType roleURI="{ROLE}{s.name}" id="{s.name}">'
        f"<link:usedOn>link:calculationLink</link:usedOn></link:roleType>"
        for s in case.summations
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xbrli="http://www.xbrl.org/2003/instance"
  xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink"
  targetNamespace="{NS}" elementFormDefault="qualified">
  <xs:annotation><xs:appinfo>
      <link:linkbaseRef xlink:type="simple" xlink:href="calc.xml"
        xlink:role="http://www.xbrl.org/2003/role/calculationLinkbaseRef"
        xlink:arcrole="http://www.w3.org/1999/xlink/properties/linkbase"/>
{roles}
  </xs:appinfo></xs:annotation>
  <xs:import namespace="http://www.xbrl.org/2003/instance"
    schemaLocation="http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"/>
{elements}
</xs:schema>
"""


def _linkbase(case: Case) -> str:
    links = []
    for s in case.summations:
        concepts = dict.fromkeys([s.total, *s.items])
        locs = "\n".join(
            f'    <link:loc xlink:type="locator" xlink:href="schema.xsd#{c}" xlink:label="{c}"/>'
            for c in concepts
        )
        arcs = "\n".join(
            f'    <link:calculationArc xlink:type="arc" xlink:arcrole="http://www.xbrl.org/2003/arcrole/summation-item" '
            f'xlink:from="{s.total}" xlink:to="{item}" weight="{plain(w)}" order="{i}"/>'
            for i, (item, w) in enumerate(zip(s.items, s.weights, strict=True), 1)
        )
        links.append(
            f'  <link:calculationLink xlink:type="extended" xlink:role="{ROLE}{s.name}">\n{locs}\n{arcs}\n'
            "  </link:calculationLink>"
        )
    refs = "\n".join(
        f'  <link:roleRef roleURI="{ROLE}{s.name}" xlink:type="simple" xlink:href="schema.xsd#{s.name}"/>'
        for s in case.summations
    )
    body = "\n".join(links)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<link:linkbase xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink">
{refs}
{body}
</link:linkbase>
"""


def _instance(case: Case) -> str:
    facts = "\n".join(
        f'  <pc:{f.concept} contextRef="c" unitRef="cny" '
        f'decimals="{"INF" if f.decimals is None else f.decimals}">{escape(plain(f.value))}</pc:{f.concept}>'
        for f in [*case.facts, *case.duplicates]
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<xbrl xmlns="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase"
  xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:iso4217="http://www.xbrl.org/2003/iso4217" xmlns:pc="{NS}">
  <link:schemaRef xlink:type="simple" xlink:href="schema.xsd"/>
  <context id="c"><entity><identifier scheme="http://example.com/entity">e</identifier></entity>
    <period><instant>2024-12-31</instant></period></context>
  <unit id="cny"><measure>iso4217:CNY</measure></unit>
{facts}
</xbrl>
"""


def write_xbrl(case: Case, folder: Path) -> Path:
    """Write the case's schema, calculation linkbase and instance into ``folder``; the instance's path."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "schema.xsd").write_text(_schema(case), encoding="utf-8")
    (folder / "calc.xml").write_text(_linkbase(case), encoding="utf-8")
    instance = folder / "instance.xml"
    instance.write_text(_instance(case), encoding="utf-8")
    return instance


class Arelle:
    """One Arelle controller, offline, loading instances and running Calculations 1.1 on them."""

    def __init__(self) -> None:
        from arelle import Cntlr  # noqa: PLC0415 - optional: only where the test extra is installed

        self.cntlr = Cntlr.Cntlr(logFileName="logToBuffer")
        self.cntlr.webCache.workOffline = True

    def verdicts(self, case: Case, instance: Path) -> tuple[dict[str, str], list[str]]:
        """Per summation ``holds``, ``broken`` or ``not_judged``, and every code Arelle reported."""
        from arelle import ValidateXbrlCalcs  # noqa: PLC0415 - optional, as above

        ValidateXbrlCalcs.init()
        model = self.cntlr.modelManager.load(str(instance))
        try:
            problems = [e for e in model.errors if e]
            if problems:
                msg = f"{instance}: Arelle could not load the case: {problems}"
                raise AssertionError(msg)
            mode = (
                ValidateXbrlCalcs.ValidateCalcsMode.TRUNCATION
                if case.rounding == "truncate"
                else ValidateXbrlCalcs.ValidateCalcsMode.ROUND_TO_NEAREST
            )
            found = list(ValidateXbrlCalcs.validate(model, mode))
        finally:
            self.cntlr.modelManager.close(model)
        codes = [v.codes if isinstance(v.codes, str) else v.codes[0] for v in found]
        broken = {
            str(v.args["linkrole"]).removeprefix(ROLE)
            for v, code in zip(found, codes, strict=True)
            if code.startswith("calc11e:inconsistentCalculationUsing")
        }
        blocked = {
            str(v.args["element"]).split(":")[-1]
            for v, code in zip(found, codes, strict=True)
            if code in ("calc11e:excessDigits", "oime:disallowedDuplicateFacts")
            or code == "calc11e:disallowedDuplicateFactsUsingTruncation"
        }
        out = {}
        for s in case.summations:
            if blocked & {s.total, *s.items}:
                out[s.name] = "not_judged"
            else:
                out[s.name] = "broken" if s.name in broken else "holds"
        return out, codes


# ---------------------------------------------------------------------------
# Arelle's summation arithmetic, written out to explain where it departs from the spec

End = tuple[Decimal, bool]  # a bound and whether it is included


def fact_range(fact: Fact, rounding: str) -> tuple[End, End]:
    """The interval a fact stands for in XBRL Calculations 1.1, each end with whether it is included."""
    if fact.decimals is None:
        return (fact.value, True), (fact.value, True)
    d = Decimal(1).scaleb(-fact.decimals)
    v = fact.value
    if rounding != "truncate":
        return (v - d / 2, True), (v + d / 2, True)
    if v > 0:
        return (v, True), (v + d, False)
    if v < 0:
        return (v - d, False), (v, True)
    return (v - d, False), (v + d, False)


def summation_verdict(case: Case, s: Summation, *, as_arelle: bool) -> str:
    """``holds`` or ``broken`` for a summation whose facts are single (no duplicates, no excess digits).

    With ``as_arelle`` the inclusion flags are handled as Arelle 2.x does: a negative weight
    swaps the bounds but not their flags, and the ends of the intersection are included when
    either interval includes its own end (``inclA = incls1 | inclx1``). Without, as the spec
    says: a negative weight swaps the flags too, and an end of the intersection is included
    only when the interval it comes from includes it (both, where the two ends are equal).
    """
    facts = {f.concept: f for f in case.facts}
    lo, hi, lo_in, hi_in = Decimal(0), Decimal(0), True, True
    for item, w in zip(s.items, s.weights, strict=True):
        (a, a_in), (b, b_in) = fact_range(facts[item], case.rounding)
        a, b = a * w, b * w
        if b < a:
            a, b = b, a
            if not as_arelle:
                a_in, b_in = b_in, a_in
        lo, hi, lo_in, hi_in = lo + a, hi + b, lo_in and a_in, hi_in and b_in
    (s1, s1_in), (s2, s2_in) = fact_range(facts[s.total], case.rounding)
    a, b = max(s1, lo), min(s2, hi)
    if as_arelle:
        a_in, b_in = s1_in | lo_in, s2_in | hi_in
    else:
        a_in = (s1_in or s1 < lo) and (lo_in or lo < s1)
        b_in = (s2_in or s2 > hi) and (hi_in or hi > s2)
    return "broken" if a > b or (a == b and not (a_in and b_in)) else "holds"
