"""What a rule's breaker may ask of the document builder behind :mod:`perfcheck.strategies`.

A rule carries a *breaker*: a function that, given a :class:`Drawing` (the builder of
a drawn document, whose relations all hold so far), adds figures and relations that
break that rule and no other. The builder draws every choice through hypothesis and
judges "broken" with exact rational arithmetic, never by perfcheck; the breaker only
says what to build and which figure to move. Nothing here imports hypothesis: the
rules carry their breakers whether or not it is installed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, Protocol, TypeVar

__all__ = ["Breaker", "Drawing", "Span"]

T = TypeVar("T")
#: A figure's true values, in its base unit: ``(low, high)``; a float only for ±infinity.
Span = tuple[Fraction | float, Fraction | float]


class Drawing(Protocol):
    """The builder of a drawn document, as a breaker sees it.

    Amounts are true values in 元 (exact fractions); a figure is printed from its true
    value the way a publisher would (rounded to its decimals, in some unit and notation).
    """

    @property
    def units(self) -> tuple[str, ...]:
        """The amount units the document may print in."""

    @property
    def count_units(self) -> tuple[str, ...]:
        """The units counts are printed in."""

    @property
    def truncate(self) -> bool:
        """Whether figures are truncated rather than rounded."""

    @property
    def relations(self) -> list[dict[str, Any]]:
        """The relations so far, as document data (the last one is the one just added)."""

    # -- choices, drawn -----------------------------------------------------------

    def integers(self, low: int, high: int) -> int:
        """A whole number in ``[low, high]``."""

    def booleans(self) -> bool:
        """True or False."""

    def sampled_from(self, options: Sequence[T]) -> T:
        """One of ``options``."""

    def permutation(self, items: Sequence[T]) -> list[T]:
        """``items`` in a drawn order."""

    def integer_list(self, low: int, high: int, min_size: int, max_size: int) -> list[int]:
        """A list of whole numbers in ``[low, high]``."""

    # -- true values and printed figures --------------------------------------------

    def money(self, *, positive: bool = False) -> Fraction:
        """A true amount in 元."""

    def split(self, total: Fraction, n: int) -> list[Fraction]:
        """``total`` split exactly into ``n`` non-negative pieces."""

    def decimals_for(self, unit: str, true: Fraction) -> int:
        """How many decimals an amount in ``unit`` is printed with."""

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
        """Print a true amount; return the figure's id."""

    def percent(
        self, true: Fraction, stem: str = "pct", *, unit: str = "%", decimals: int | None = None
    ) -> str:
        """Print a true percentage (or percentage points); return the figure's id."""

    def count(self, n: int, stem: str = "cnt", *, unit: str | None = None, concept: str | None = None) -> str:
        """Print an exact count; return the figure's id."""

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
        """Add a figure printed as ``number`` (not from a true value); return its id.

        ``as_number=False`` never writes it as a JSON number.
        """

    def relate(self, kind: str, stem: str | None = None, **keys: Any) -> str:  # noqa: ANN401 - relation keys
        """Add a relation; return its id."""

    def unit_kind(self, unit: str) -> str:
        """``amount``, ``percent``, ``points`` or ``count``."""

    def unit_of(self, fid: str) -> str:
        """A figure's unit."""

    def set_unit(self, fid: str, unit: str) -> None:
        """Print a figure in another unit (written in its ``unit`` key), its number unchanged."""

    def span(self, fid: str) -> Span:
        """A figure's true values, in its base unit."""

    # -- relations that hold, and moving a figure until one does not ------------------

    def scenario(self, name: str, **options: Any) -> None:  # noqa: ANN401 - the scenario's own options
        """Add the figures and relations of a scenario that holds (``sum``, ``share``, ...)."""

    def break_linear(self, fids: Sequence[str] | None = None) -> None:
        """Move one of ``fids`` (default: all) of the last relation, a linear one, until it breaks."""

    def break_subject(self, subject: str, *, at_most_100: bool = False) -> None:
        """Move ``subject`` of the last relation (a quotient or product) away from what the others allow."""

    def both_ways(self, fids: Sequence[str]) -> list[tuple[str, int, int]]:
        """Every figure of ``fids`` as a candidate to move up (without limit) and down (not below zero)."""

    def move_until_broken(
        self, candidates: Sequence[tuple[str, int, int]], holds: Callable[[], bool]
    ) -> None:
        """Move one candidate ``(id, direction, at most steps)`` just beyond where ``holds`` is true."""


#: ``breaker(drawing)``: add to the drawing what breaks one rule.
Breaker = Callable[[Drawing], None]
