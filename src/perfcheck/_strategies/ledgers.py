"""Drawn ledgers: documents whose relations all hold, and documents that break one rule."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import strategies as st

from perfcheck._strategies.builder import Builder
from perfcheck._strategies.options import LedgerOptions
from perfcheck._strategies.printing import DrawnLedger
from perfcheck._strategies.scenarios import SCENARIO_KINDS, SCENARIO_SIZE, SCENARIOS
from perfcheck.rules import default_registry


def fill(b: Builder, count: int) -> None:
    """Add ``count`` relations that hold (fewer only when just the report scenario is allowed)."""
    options = b.options
    allowed = [
        name
        for name, kinds in SCENARIO_KINDS.items()
        if (name in options.scenarios if options.scenarios is not None else kinds <= set(options.kinds))
    ]
    goal = len(b.relations) + count
    while len(b.relations) < goal:
        room = goal - len(b.relations)
        choices = [name for name in allowed if SCENARIO_SIZE[name] <= room]
        if not choices:
            break
        singles = [name for name in choices if name != "report"]
        # A whole report (relations sharing figures) a third of the time it fits.
        if not singles or (len(singles) < len(choices) and b.draw(st.integers(0, 2)) == 0):
            name = "report"
        else:
            name = b.draw(st.sampled_from(singles))
        SCENARIOS[name](b)


@st.composite
def drawn_ledgers(draw: st.DrawFn, options: LedgerOptions) -> DrawnLedger:
    """A document whose relations all hold."""
    b = Builder(draw, options)
    fill(b, draw(st.integers(options.min_relations, options.max_relations)))
    return b.build()


@st.composite
def broken_ledgers(draw: st.DrawFn, code: str, options: LedgerOptions) -> DrawnLedger:
    """A clean document with one rule broken, among relations that hold."""
    b = Builder(draw, replace(options, clean=True))
    count = draw(st.integers(options.min_relations, options.max_relations))
    before = draw(st.integers(0, count))
    fill(b, before)
    breaker = default_registry[code].breaker
    assert breaker is not None  # noqa: S101 - breakable_code checked it
    breaker(b)
    fill(b, count - before)
    return b.build()
