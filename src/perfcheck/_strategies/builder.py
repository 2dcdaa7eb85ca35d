"""The builder of a drawn document: true values, printed figures, relations that hold.

:class:`Builder` is also what a rule's breaker works with
(:class:`perfcheck._engine.breaker.Drawing`): the breakers live beside their rules
in :mod:`perfcheck.rules`, and ask the builder to draw, add scenarios and move figures.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction
from typing import Any, TypeVar

from hypothesis import strategies as st

from perfcheck._strategies import breaking, scenarios
from perfcheck._strategies.options import LedgerOptions
from perfcheck._strategies.printing import (
    AMOUNT_UNITS,
    COUNT_UNITS,
    FR_SPACES,
    DrawnLedger,
    Fig,
    FormulaSpec,
    Span,
    Style,
    draw_rounding,
    round_true,
    unit_kind,
)

T = TypeVar("T")


class Builder:
    """Collects figures printed from true values and the relations between them."""

    def __init__(self, draw: st.DrawFn, options: LedgerOptions) -> None:
        """Draw the document's unit, locale and rounding."""
        self.draw = draw
        self.options = options
        self.clean = options.clean
        self.units = options.units
        self.unit = draw(st.sampled_from(options.units))
        self.locale = draw(st.sampled_from(options.locales))
        self.rounding, self.mode = draw_rounding(draw, options.modes)
        self.rounding_key = draw(st.booleans())
        self.figs: dict[str, Fig] = {}
        self.relations: list[dict[str, Any]] = []
        self.formulas: dict[str, FormulaSpec] = {}
        self.unchecked: set[str] = set()
        self.unit_decimals: dict[str, int] = {}  # a clean document prints each amount unit one way
        self._ids = itertools.count(1)

    @property
    def truncate(self) -> bool:
        """Whether figures are truncated rather than rounded."""
        return self.rounding == "truncate"

    def new_id(self, stem: str) -> str:
        """A fresh figure or relation id."""
        return f"{stem}_{next(self._ids)}"

    # -- true values ------------------------------------------------------------

    def money(self, *, positive: bool = False) -> Fraction:
        """A true amount in 元: up to 10^8 document units with up to 6 decimals.

        A positive amount of a clean document is at least 10 document units, so that
        its printing in the document unit keeps well clear of zero.
        """
        k = self.draw(st.integers(0, 6))
        low = (10 ** (k + 1) if self.clean else 1) if positive else 0
        n = self.draw(st.integers(low, 10**8))
        return Fraction(n, 10**k) * AMOUNT_UNITS[self.unit]

    def fraction(self, low: Fraction | int = 0, high: Fraction | int = 1) -> Fraction:
        """A random rational in ``[low, high]``, usually not a terminating decimal."""
        q = self.draw(st.integers(1, 1000))
        return Fraction(self.draw(st.integers(math.ceil(low * q), math.floor(high * q))), q)

    def split(self, total: Fraction, n: int) -> list[Fraction]:
        """``total`` split exactly into ``n`` non-negative pieces in random proportions."""
        weights = self.draw(st.lists(st.integers(0, 1000), min_size=n, max_size=n))
        if not any(weights):
            weights[0] = 1
        s = sum(weights)
        return [total * w / s for w in weights]

    # -- printing -------------------------------------------------------------

    def _style(self, unit: str, decimals: int, number: Decimal, *, exact: bool) -> Style:
        if self.options.plain:  # "132.35": no suffix, grouping, full-width digits or extra keys
            # a count printed without decimals is exact without saying so
            return Style(
                unit_key=unit_kind(unit) != "amount" or unit != self.unit,
                exact_key=exact and unit_kind(unit) != "count",
            )
        draw = self.draw
        bits = draw(st.integers(0, 255))  # one draw for eight independent choices
        flags = [bool(bits >> i & 1) for i in range(8)]
        suffix = flags[0]
        if unit_kind(unit) != "amount" and not suffix:
            unit_key = True
        else:
            unit_key = flags[1] or (not suffix and unit != self.unit)
        integral = number == number.to_integral_value()
        grouping = flags[4] and flags[5]
        fullwidth = self.locale == "zh_CN" and flags[6] and not flags[5]
        return Style(
            suffix=suffix,
            unit_key=unit_key,
            decimals_key=flags[2],
            bare=decimals > 0 and integral and flags[3],
            grouping=grouping,
            fullwidth=fullwidth,
            as_number=decimals >= 0 and flags[7] and not flags[0] and self.options.json_numbers,
            exact_key=exact or (flags[2] and flags[7]),
            space=draw(st.sampled_from(FR_SPACES)) if grouping and self.locale == "fr_FR" else "\u202f",
        )

    def add_fig(self, fig: Fig) -> str:
        """Add a printed figure; return its id."""
        self.figs[fig.id] = fig
        return fig.id

    def decimals_for(self, unit: str, true: Fraction) -> int:
        """How many decimals an amount in ``unit`` is printed with."""
        draw = self.draw
        # a plain document prints amounts to the cent or the jiao: no decimals key is needed
        choices = (2, 2, 2, 1) if self.options.plain else (2, 2, 2, 1, 0)
        if self.clean:
            if unit not in self.unit_decimals:
                self.unit_decimals[unit] = draw(st.sampled_from(choices))
            return self.unit_decimals[unit]
        decimals: int = draw(st.sampled_from(choices))
        if self.options.plain:
            return decimals
        if unit == "元" and true >= 10_000 and draw(st.integers(0, 9)) == 0:
            decimals = -draw(st.integers(1, 3))
        return decimals

    def amount(  # noqa: PLR0913 - how one amount is printed
        self,
        true: Fraction,
        stem: str = "amt",
        *,
        concept: str | None = None,
        unit: str | None = None,
        label: str | None = None,
        divisor: bool = False,
        exact: bool | None = None,
        decimals: int | None = None,
    ) -> str:
        """Print a true amount (in 元) in some unit, rounded as the publisher would.

        A ``divisor`` of a clean document is printed in the document unit; ``decimals``
        overrides the drawn precision.
        """
        draw = self.draw
        if unit is None:
            unit = (
                self.unit if divisor and self.clean else draw(st.sampled_from((self.unit,) * 3 + self.units))
            )
        x = true / AMOUNT_UNITS[unit]
        if decimals is None:
            decimals = self.decimals_for(unit, x)
        number = round_true(x, decimals, self.mode)
        if exact is None:
            exact = Fraction(number) == x and decimals >= 0 and not self.options.plain and draw(st.booleans())
        style = self._style(unit, decimals, number, exact=exact)
        fid = self.new_id(stem)
        return self.add_fig(Fig(fid, number, decimals, unit, exact, None, concept, label, style))

    def percent(
        self, true: Fraction, stem: str = "pct", *, unit: str = "%", decimals: int | None = None
    ) -> str:
        """Print a true percentage (or percentage points)."""
        if decimals is None:
            decimals = self.draw(st.sampled_from((2, 2, 2, 1) if self.options.plain else (2, 2, 2, 1, 0)))
        number = round_true(true, decimals, self.mode)
        style = self._style(unit, decimals, number, exact=False)
        return self.add_fig(Fig(self.new_id(stem), number, decimals, unit, style=style))

    def count(self, n: int, stem: str = "cnt", *, unit: str | None = None, concept: str | None = None) -> str:
        """Print an exact count."""
        unit = unit or self.draw(st.sampled_from(COUNT_UNITS))
        style = self._style(unit, 0, Decimal(n), exact=True)
        style = replace(style, exact_key=style.exact_key or style.decimals_key, as_number=False)
        return self.add_fig(
            Fig(self.new_id(stem), Decimal(n), 0, unit, exact=True, concept=concept, style=style)
        )

    def bound(self, n: int, qualifier: str, unit: str, stem: str = "bnd") -> str:
        """A count printed as a bound (``10000余份``) or an estimate (``约20000人``)."""
        digits = self.draw(st.integers(0, max(0, len(str(n)) - 1)))
        step = 10**digits
        if qualifier in ("at_least", "more_than"):
            printed = n // step * step
        elif qualifier == "at_most":
            printed = -(-n // step) * step
        else:
            printed = int(round_true(Fraction(n, step), 0, "half_up")) * step
        style = replace(self._style(unit, 0, Decimal(printed), exact=False), as_number=False)
        fid = self.new_id(stem)
        return self.add_fig(Fig(fid, Decimal(printed), 0, unit, qualifier=qualifier, style=style))

    def relate(self, kind: str, stem: str | None = None, **keys: Any) -> str:  # noqa: ANN401 - relation keys
        """Add a relation; return its id."""
        rid = self.new_id(f"r_{stem or kind}")
        self.relations.append({"id": rid, "kind": kind, **keys})
        return rid

    def formula(self, spec: FormulaSpec, expr: str, *, linear: bool = True) -> str:
        """Add a formula relation."""
        rid = self.relate("formula", expr=expr)
        self.formulas[rid] = spec
        if not linear:
            self.unchecked.add(rid)
        return rid

    def build(self, extra: dict[str, Any] | None = None) -> DrawnLedger:
        """The document drawn so far."""
        return DrawnLedger(
            unit=self.unit,
            locale=self.locale,
            rounding=self.rounding,
            figs=dict(self.figs),
            relations=tuple(self.relations),
            formulas=dict(self.formulas),
            unchecked=frozenset(self.unchecked),
            rounding_key=self.rounding_key,
            extra=extra or {},
        )

    # -- exact intervals, to break a relation on purpose ---------------------------

    def span(self, fid: str) -> Span:
        """A figure's interval in its base unit."""
        return self.figs[fid].interval(truncate=self.truncate)

    def open_ends(self, fid: str) -> tuple[bool, bool]:
        """Which ends of :meth:`span` are open (a truncated figure's far end)."""
        return self.figs[fid].open_ends(truncate=self.truncate)

    # -- what a rule's breaker asks of the builder (perfcheck._engine.breaker.Drawing) ----

    @property
    def count_units(self) -> tuple[str, ...]:
        """The units counts are printed in."""
        return COUNT_UNITS

    def integers(self, low: int, high: int) -> int:
        """A whole number in ``[low, high]``."""
        return self.draw(st.integers(low, high))

    def booleans(self) -> bool:
        """True or False."""
        return self.draw(st.booleans())

    def sampled_from(self, options: Sequence[T]) -> T:
        """One of ``options``."""
        return self.draw(st.sampled_from(options))

    def permutation(self, items: Sequence[T]) -> list[T]:
        """``items`` in a drawn order."""
        return self.draw(st.permutations(items))

    def integer_list(self, low: int, high: int, min_size: int, max_size: int) -> list[int]:
        """A list of whole numbers in ``[low, high]``."""
        return self.draw(st.lists(st.integers(low, high), min_size=min_size, max_size=max_size))

    def figure(  # noqa: PLR0913 - a printed figure, written out
        self,
        stem: str,
        number: Decimal,
        decimals: int,
        unit: str,
        *,
        exact: bool = False,
        concept: str | None = None,
        as_number: bool = True,
    ) -> str:
        """Add a figure printed as ``number`` (not from a true value); return its id."""
        style = self._style(unit, decimals, number, exact=exact)
        if not as_number:
            style = replace(style, as_number=False)
        fig = Fig(self.new_id(stem), number, decimals, unit, exact=exact, concept=concept, style=style)
        return self.add_fig(fig)

    def unit_kind(self, unit: str) -> str:
        """``amount``, ``percent``, ``points`` or ``count``."""
        return unit_kind(unit)

    def unit_of(self, fid: str) -> str:
        """A figure's unit."""
        return self.figs[fid].unit

    def set_unit(self, fid: str, unit: str) -> None:
        """Print a figure in another unit (written in its ``unit`` key), its number unchanged."""
        fig = self.figs[fid]
        self.figs[fid] = replace(fig, unit=unit, style=replace(fig.style, unit_key=True))

    def scenario(self, name: str, **options: Any) -> None:  # noqa: ANN401 - the scenario's own options
        """Add the figures and relations of a scenario that holds."""
        scenarios.SCENARIOS[name](self, **options)

    def break_linear(self, fids: Sequence[str] | None = None) -> None:
        """Move one of ``fids`` (default: all) of the last relation, a linear one, until it breaks."""
        breaking.break_linear(self, fids)

    def break_subject(self, subject: str, *, at_most_100: bool = False) -> None:
        """Move ``subject`` of the last relation away from what the others allow."""
        breaking.break_subject(self, subject, at_most_100=at_most_100)

    def both_ways(self, fids: Sequence[str]) -> list[tuple[str, int, int]]:
        """Every figure of ``fids`` as a candidate to move up and down."""
        return breaking.both_ways(self, fids)

    def move_until_broken(
        self, candidates: Sequence[tuple[str, int, int]], holds: Callable[[], bool]
    ) -> None:
        """Move one candidate ``(id, direction, at most steps)`` just beyond where ``holds`` is true."""
        breaking.move_until_broken(self, candidates, holds)
