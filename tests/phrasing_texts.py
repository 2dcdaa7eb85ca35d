"""What the phrasing tests share: read a text written for a test, and name errors by their values."""

from __future__ import annotations

import perfcheck
from perfcheck.extract import extract


def read_text(text: str) -> tuple[perfcheck.Ledger, perfcheck.Result]:
    """The ledger extracted from ``text`` and the result of checking it."""
    ledger = extract(text).ledger
    return ledger, perfcheck.check(ledger)


def error_values(ledger: perfcheck.Ledger, result: perfcheck.Result) -> list[set[str]]:
    """Each error of ``result`` as the set of printed values of the figures it names."""
    values = {f.id: f.value for f in ledger.figures}
    return [{values[i] for i in f.figures} for f in result.errors]


def checked_by_hand(ledger: perfcheck.Ledger, result: perfcheck.Result) -> list[set[str]]:
    """Each warning to check by hand (PC903, a broken inferred relation) as its figures' printed values."""
    values = {f.id: f.value for f in ledger.figures}
    return [{values[i] for i in f.figures} for f in result.findings if f.code == "PC903"]


def relation_values(ledger: perfcheck.Ledger, *kinds: str) -> list[tuple[set[str], str]]:
    """Each relation of ``kinds`` as the set of printed values of its figures, and its basis."""
    values = {f.id: f.value for f in ledger.figures}
    return [({values[i] for i in r.operands()}, r.basis) for r in ledger.relations if r.kind in kinds]


def breakdown_values(ledger: perfcheck.Ledger) -> list[tuple[set[str], str]]:
    """Each breakdown of a change (its reasons, its 其中 list) as its printed values and its basis."""
    values = {f.id: f.value for f in ledger.figures}
    return [
        ({values[i] for i in r.operands()}, r.basis)
        for r in ledger.relations
        if str(r.id).startswith("reasons")
    ]
