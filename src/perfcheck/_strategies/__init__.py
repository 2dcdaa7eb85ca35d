"""The implementation behind :mod:`perfcheck.strategies` (private; import the public module).

A :class:`Builder` draws *true* values (exact :class:`~fractions.Fraction` amounts, many
of them non-terminating: parts of a whole split in random proportions), derives every
related figure from them exactly, and prints each figure the way a publisher would:
rounded half-up or half-even to its decimals (or truncated toward zero in a
``rounding: truncate`` document), in some unit, in some locale's notation, sometimes
with grouping, full-width digits, the unit after the number or as a JSON number. Every
relation of such a document holds by construction.

To break a rule, the builder adds a relation that holds and then moves one of its
printed figures, step by step of its last digit, until no choice of true values
inside the printed figures' rounding can satisfy it any more — judged here with
exact rational arithmetic, never by perfcheck — or builds the offending figures
directly (a negative income, an amount with one decimal too many). The figure moved
belongs to no other relation, and the document around it is *clean*: every amount in
one unit is printed with the same decimals and no divisor's rounding reaches zero, so
perfcheck has nothing else to say about it.

How each rule is broken is the rule's own *breaker*, beside it in :mod:`perfcheck.rules`
(``Rule.breaker``); this package is the machinery the breakers work with:

* :mod:`~perfcheck._strategies.printing` true values printed as figures, drawn documents;
* :mod:`~perfcheck._strategies.options` the public strategies' options, validated;
* :mod:`~perfcheck._strategies.builder` the builder (what a breaker sees);
* :mod:`~perfcheck._strategies.scenarios` relations that hold;
* :mod:`~perfcheck._strategies.breaking` exact arithmetic to move a figure until a relation breaks;
* :mod:`~perfcheck._strategies.ledgers` drawn ledgers, consistent or with one rule broken;
* :mod:`~perfcheck._strategies.reports` drawn domain reports.
"""

from __future__ import annotations

from perfcheck._ledger.document import RELATION_KINDS
from perfcheck._strategies.ledgers import broken_ledgers, drawn_ledgers, fill
from perfcheck._strategies.options import (
    LedgerOptions,
    ReportOptions,
    breakable_code,
    ledger_options,
    report_options,
)
from perfcheck._strategies.printing import DrawnLedger, Fig, FormulaSpec, operands
from perfcheck._strategies.reports import drawn_reports

__all__ = [
    "RELATION_KINDS",
    "DrawnLedger",
    "Fig",
    "FormulaSpec",
    "LedgerOptions",
    "ReportOptions",
    "breakable_code",
    "broken_ledgers",
    "drawn_ledgers",
    "drawn_reports",
    "fill",
    "ledger_options",
    "operands",
    "report_options",
]
