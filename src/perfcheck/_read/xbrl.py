"""An XBRL instance and its calculation linkbase as a ledger, read through Arelle.

This is not an XBRL processor: `Arelle <https://arelle.org>`_ (``pip install
'perfcheck[xbrl]'``) loads the instance, its schema and linkbases; this module only turns
what Arelle found into a ledger document, so that perfcheck's rules run on a filing:

* every numeric fact with a value and a unit of one ISO 4217 currency is a figure,
  its ``decimals`` kept (``INF`` is an exact figure);
* every summation of the calculation linkbase (``summation-item``, XBRL 2.1 or
  Calculations 1.1 arcrole) is a ``sum`` relation per context and unit the total is
  reported in, with the weights of its arcs and the items reported there;
* a fact reported twice in one context and unit (a duplicate) is a second figure,
  held equal to the first by an ``equal`` relation (rule PC401).

Arelle works offline: the schemas and linkbases an instance names must be on disk (XBRL
2.1's own are in Arelle's cache). Facts of other units (shares, pure numbers) and
without a value are left out; contexts are told apart by their ids. The
rounding mode is not part of an instance: a filing is read as rounded to nearest unless
``rounding="truncate"`` is asked (XBRL Calculations 1.1's two modes).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Final

from perfcheck._core.errors import LedgerError, Problem
from perfcheck._core.limits import DEFAULT_LIMITS, Limits
from perfcheck._ledger.document import Ledger, validate
from perfcheck._read.tables.frame import missing_extra

#: The arcroles of a summation: XBRL 2.1's and Calculations 1.1's.
SUMMATION_ITEM: Final = (
    "http://www.xbrl.org/2003/arcrole/summation-item",
    "https://xbrl.org/2023/arcrole/summation-item",
)
_ISO4217: Final = "http://www.xbrl.org/2003/iso4217"
_NOT_ID: Final = re.compile(r"[^A-Za-z0-9_]")


def _arelle_needed(name: str) -> LedgerError:
    msg = f"{name}: {missing_extra('arelle-release', 'xbrl', 'reading XBRL')}"
    return LedgerError(msg, [Problem((), msg)])


def _figure_id(concept: str, context: str, taken: set[str]) -> str:
    base = _NOT_ID.sub("_", f"{concept}_{context}")
    if not base[0].isalpha() and base[0] != "_":
        base = f"f_{base}"
    fid, n = base[:190], 1
    while fid in taken:
        n += 1
        fid = f"{base[:190]}_{n}"
    taken.add(fid)
    return fid


def _currency(fact: Any) -> str | None:  # noqa: ANN401 - an Arelle ModelFact
    unit = fact.unit
    if unit is None:
        return None
    multiply, divide = unit.measures
    if len(multiply) != 1 or divide:
        return None
    measure = multiply[0]
    return str(measure.localName) if measure.namespaceURI == _ISO4217 else None


def _value(fact: Any) -> tuple[str, int | None] | None:  # noqa: ANN401 - an Arelle ModelFact
    """The fact's value as printed and its decimals (None: exact); None for a fact without one."""
    if fact.isNil or fact.value is None:
        return None
    try:
        number = Decimal(fact.value.strip())
    except InvalidOperation:
        return None
    decimals = fact.decimals
    if decimals is None or decimals == "INF":
        return f"{number:f}", None
    return f"{number:f}", int(decimals)


_Key = tuple[Any, str, str]  # a fact's concept, context id and currency


def _figures(model: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[_Key, str]]:  # noqa: ANN401
    """A figure per currency fact, an ``equal`` relation per duplicate, and the first figure of each key."""
    figures: list[dict[str, Any]] = []
    duplicates: list[dict[str, Any]] = []
    taken: set[str] = set()
    first: dict[_Key, str] = {}
    for fact in model.facts:
        concept = fact.concept
        currency = _currency(fact) if concept is not None and concept.isNumeric else None
        printed = None if currency is None else _value(fact)
        if currency is None or printed is None:
            continue
        value, decimals = printed
        context = str(fact.contextID)
        fid = _figure_id(str(concept.qname.localName), context, taken)
        figure: dict[str, Any] = {"id": fid, "label": str(concept.qname), "value": value, "unit": currency}
        figure.update({"exact": True} if decimals is None else {"decimals": decimals})
        figures.append(figure)
        key = (concept, context, currency)
        if key in first:
            duplicates.append({"id": f"duplicate_{fid}", "kind": "equal", "figures": [first[key], fid]})
        else:
            first[key] = fid
    return figures, duplicates, first


def _sums(model: Any, first: dict[_Key, str]) -> list[dict[str, Any]]:  # noqa: ANN401 - an Arelle ModelXbrl
    """A ``sum`` per summation of the calculation linkbase and context and unit its total is reported in."""
    contexts = sorted({(c, cur) for _, c, cur in first})
    sums: list[dict[str, Any]] = []
    for arcrole in SUMMATION_ITEM:
        for link_role in sorted(model.relationshipSet(arcrole).linkRoleUris):
            for total, arcs in model.relationshipSet(arcrole, link_role).fromModelObjects().items():
                for context, currency in contexts:
                    total_id = first.get((total, context, currency))
                    parts = [
                        (first.get((arc.toModelObject, context, currency)), arc.weightDecimal) for arc in arcs
                    ]
                    bound = [(p, w) for p, w in parts if p is not None]
                    if total_id is None or not bound:
                        continue
                    sums.append(
                        {
                            "id": f"calc_{len(sums) + 1}",
                            "kind": "sum",
                            "label": f"{total.qname} in {link_role}",
                            "total": total_id,
                            "parts": [p for p, _ in bound],
                            "weights": [f"{w:f}" for _, w in bound],
                        }
                    )
    return sums


def ledger_of_model(model: Any, *, name: str, rounding: str, limits: Limits) -> Ledger:  # noqa: ANN401
    """A ledger from a model Arelle loaded: a figure per currency fact, a sum per summation and context."""
    figures, duplicates, first = _figures(model)
    document = {
        "perfcheck": "1",
        "title": Path(name).name,
        "rounding": rounding,
        "figures": figures,
        "relations": [*duplicates, *_sums(model, first)],
    }
    return validate(document, name=name, limits=limits)


def read_xbrl(
    path: str | Path, *, name: str | None = None, rounding: str = "nearest", limits: Limits = DEFAULT_LIMITS
) -> Ledger:
    """Read an XBRL instance (``.xbrl``/``.xml``) with its calculation linkbase into a ledger, through Arelle.

    Raises:
        LedgerError: Arelle is not installed, or it cannot load the instance (its errors
            are named), or the result is not a valid ledger.
    """
    label = name or str(path)
    try:
        from arelle import Cntlr  # noqa: PLC0415 - an optional package, loaded only to read XBRL
    except ImportError:
        raise _arelle_needed(label) from None
    cntlr = Cntlr.Cntlr(logFileName="logToBuffer")
    # Offline: the schemas an instance names are read from disk or Arelle's own cache
    # (which holds XBRL 2.1's), never fetched; a checker does not go on the network.
    cntlr.webCache.workOffline = True
    model = cntlr.modelManager.load(str(path))
    try:
        if model is None or model.modelDocument is None:
            msg = f"{label}: Arelle could not load it as an XBRL instance"
            raise LedgerError(msg, [Problem((), msg)])
        errors = [str(e) for e in model.errors if e]
        if errors:
            msg = f"{label}: Arelle could not load it as an XBRL instance: {', '.join(errors[:5])}"
            raise LedgerError(msg, [Problem((), msg)])
        return ledger_of_model(model, name=label, rounding=rounding, limits=limits)
    finally:
        cntlr.modelManager.close(model)
        cntlr.close()
