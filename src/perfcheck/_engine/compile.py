"""Figures as intervals: what each printed figure allows its true value to be.

* round to nearest (default): ``[v - ½·10^-d, v + ½·10^-d]`` (XBRL Calculations 1.1);
* truncation (``rounding: truncate``, on the document or the figure): ``[v, v + 10^-d)``
  for ``v > 0``, ``(v - 10^-d, v]`` for ``v < 0`` and ``(-10^-d, 10^-d)`` for 0, as
  Calculations 1.1's truncation mode has them: the far end is open;
* a point for ``exact`` figures and for counts printed without decimals;
* a half-line for ``at_least``/``more_than`` (``[v, ∞)``: ``10000余`` is read as at least
  10000, since reports write it of round numbers reached) and ``at_most`` (``(-∞, v]``);
* ``about``: rounding at the last non-zero digit (``约20000`` is ``[15000, 25000]``).

Each figure is also converted exactly to its dimension's base unit.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

from perfcheck._core.interval import DOWN, INF, NEAR, UP, Interval
from perfcheck._core.units import Kind, Unit, lookup_unit
from perfcheck._core.values import ParsedValue, excess_digits

if TYPE_CHECKING:
    from perfcheck._ledger.document import Figure, Ledger


@dataclass(frozen=True, slots=True)
class FigureView:
    """A figure ready for checking.

    Attributes:
        figure: the document's figure.
        unit: its unit.
        number: the printed value in ``unit``.
        decimals: the printed precision.
        interval: the values the printing allows, in ``unit``.
        base: the same interval in the dimension's base unit.
        qualifier: the figure's qualifier, from its ``qualifier`` key or a word in its
            value (``10000余``), or None.
        excess: the value has more digits than its ``decimals`` allow (``1559`` with
            decimals ``-2``): the relations on it are not judged (rule PC905).
    """

    figure: Figure
    unit: Unit
    number: Decimal
    decimals: int
    interval: Interval
    base: Interval
    qualifier: str | None = None
    excess: bool = False

    @property
    def id(self) -> str:
        """The figure's id."""
        return self.figure.id

    @property
    def exact(self) -> bool:
        """Whether the figure stands for exactly its printed value."""
        return self.interval.is_point


def _last_nonzero_exponent(number: Decimal) -> int:
    sign, digits, exponent = number.as_tuple()
    del sign
    assert isinstance(exponent, int)  # noqa: S101 - finite by construction
    trailing = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    return exponent + trailing if any(digits) else exponent


def figure_interval(  # noqa: PLR0911 - one return per kind of printing
    number: Decimal, decimals: int, *, exact: bool, qualifier: str | None, truncate: bool
) -> Interval:
    """The interval a printed figure allows.

    >>> figure_interval(Decimal("132.35"), 2, exact=False, qualifier=None, truncate=False)
    Interval(lo=Decimal('132.345'), hi=Decimal('132.355'))
    >>> figure_interval(Decimal("10000"), 0, exact=True, qualifier="more_than", truncate=False)
    Interval(lo=Decimal('10000'), hi=Decimal('Infinity'))
    >>> figure_interval(Decimal("-3"), 0, exact=False, qualifier=None, truncate=True)
    Interval(lo=Decimal('-4'), hi=Decimal('-3'), lo_open=True)
    """
    if qualifier in ("at_least", "more_than"):
        return Interval(number, INF)
    if qualifier == "at_most":
        return Interval(-INF, number)
    if qualifier == "about":
        half = NEAR.divide(Decimal(1).scaleb(_last_nonzero_exponent(number), NEAR), 2)
        return Interval(DOWN.subtract(number, half), UP.add(number, half))
    if exact:
        return Interval.point(number)
    ulp = _ulp(decimals)
    if truncate:
        if number > 0:
            return Interval(number, UP.add(number, ulp), hi_open=True)
        if number < 0:
            return Interval(DOWN.subtract(number, ulp), number, lo_open=True)
        return Interval(-ulp, ulp, lo_open=True, hi_open=True)
    half = _half_ulp(decimals)
    return Interval(DOWN.subtract(number, half), UP.add(number, half))


@lru_cache(maxsize=128)
def _ulp(decimals: int) -> Decimal:
    return Decimal(1).scaleb(-decimals, NEAR)


@lru_cache(maxsize=128)
def _half_ulp(decimals: int) -> Decimal:
    return NEAR.divide(_ulp(decimals), 2)


def view_figure(ledger: Ledger, figure: Figure, parsed: ParsedValue) -> FigureView:
    """Turn one figure of a validated ledger, with its parsed value, into a :class:`FigureView`."""
    # The value's own unit comes first: it agrees with the figure's and may add a scale (12万 in 人 is 万人).
    symbol = parsed.unit or figure.unit or ledger.unit
    assert symbol is not None  # noqa: S101 - the ledger validator guarantees a unit
    unit = lookup_unit(symbol)
    decimals = parsed.decimals if figure.decimals is None else figure.decimals
    exact = figure.exact
    if exact is None:
        # a count printed without decimals is exact, and so is a bare 0 (结转下年0万元 means nothing)
        bare = figure.decimals is None and parsed.decimals == 0
        exact = bare and ((unit.kind is Kind.COUNT and unit.factor == 1) or parsed.number == 0)
    qualifier = figure.qualifier or parsed.qualifier
    rounding = figure.rounding or ledger.rounding
    interval = figure_interval(
        parsed.number, decimals, exact=exact, qualifier=qualifier, truncate=rounding == "truncate"
    )
    base = interval if unit.factor == 1 else interval.scale(unit.factor)
    excess = figure.decimals is not None and excess_digits(parsed.number, figure.decimals)
    return FigureView(figure, unit, parsed.number, decimals, interval, base, qualifier, excess)


def view_ledger(ledger: Ledger) -> dict[str, FigureView]:
    """Every figure of a validated ledger as a :class:`FigureView`, by id."""
    parsed = ledger._parsed  # noqa: SLF001 - one lookup of the ledger's cache, not one per figure
    return {f.id: view_figure(ledger, f, parsed[f.id]) for f in ledger.figures}
