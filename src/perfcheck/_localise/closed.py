"""One broken sum among plain sums, in closed form: each figure's range with no system and no solver.

A piece whose only broken relation is a plain sum ``b`` (no weights, exhaustive), every
other relation a plain sum that shares exactly one figure with ``b`` and none with
another, and whose relations the integers decide (:meth:`Checker.sides`: one unit, no
qualifier, rounded to nearest), is a *star*: ``b`` at its centre, each neighbour a
branch hanging on one of ``b``'s figures (W1: a group's sum and its category's). Its
relations form a tree, where exact interval propagation gives each figure exactly its
projection, so the range of one figure changed alone is a few sums of integers:

* a figure ``y`` of ``b`` kept as printed is narrowed by its branches to
  ``y' = printed(y) ∩ ⋂ proj_n(y)``, each branch's other figures as printed;
* a figure ``f`` changed alone may take ``proj_b(f)`` (the others of ``b`` within their
  ``y'``) ``∩ ⋂ proj_n(f)``.

Each branch's sums are the rules' own (:class:`~perfcheck._localise.confirm.Sides`, worked
out once per relation: a category's row once for all its broken groups). It is what
:func:`perfcheck._localise.system.alone_range` finds by propagation on the piece's
system, exactly (``tests/test_localise.py`` holds the two to each other); whatever
the star cannot answer raises :class:`~perfcheck._localise.solver.NeedsSolver`, and the
piece is solved as before.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from typing import Any

from perfcheck._core.units import Unit, lookup_unit
from perfcheck._engine.fast import Integers
from perfcheck._localise.confirm import Checker, Sides, integer_sides
from perfcheck._localise.solver import NeedsSolver

#: An interval of integers; None at an end: unbounded.
_Span = tuple[int | None, int | None]


@dataclass(frozen=True, slots=True)
class Star:
    """A broken plain sum and the plain sums hanging on its figures, in integers of ``10^-scale`` units.

    Attributes:
        broken: the broken relation's id.
        left: ``b``'s total; ``right``: its parts.
        kept: each figure of ``b`` kept as printed, narrowed by its branches (``y'``).
        beside: what the branches alone allow each figure of ``b`` (unbounded: no branch).
        scale: the integers count ``10^-scale`` of the figures' unit.
        factor: the unit's factor to its dimension's base unit.
        sums: ``kept`` added up: ``left``'s least and greatest, then ``right``'s.
    """

    broken: str
    left: tuple[str, ...]
    right: tuple[str, ...]
    kept: dict[str, tuple[int, int]]
    beside: dict[str, _Span]
    scale: int
    factor: Fraction
    sums: tuple[int, int, int, int]

    def range(self, figure: str) -> tuple[Fraction, Fraction] | None:
        """The values ``figure`` may take changed alone, in the base unit; None when none.

        Raises:
            NeedsSolver: the range reaches below zero, where the figure's domain box may cut it.
        """
        span = self.span(figure)
        if span is None:
            return None
        unit = Fraction(1, 10**self.scale) * self.factor
        return span[0] * unit, span[1] * unit

    def span(self, figure: str) -> tuple[int, int] | None:
        """:meth:`range` in integers of ``10^-scale`` of the figures' unit.

        Raises:
            NeedsSolver: the range reaches below zero.
        """
        llo, lhi, rlo, rhi = self.sums
        own_lo, own_hi = self.kept[figure]
        # each side's sum of the other figures (a figure is on one side, once: a star's sums are plain)
        if figure in self.left:
            llo, lhi = llo - own_lo, lhi - own_hi
        else:
            rlo, rhi = rlo - own_lo, rhi - own_hi
        # L = R: a figure of one side is the other side less the rest of its own
        lo, hi = (rlo - lhi, rhi - llo) if figure in self.left else (llo - rhi, lhi - rlo)
        low, high = self.beside.get(figure, (None, None))
        lo = lo if low is None else max(lo, low)
        hi = hi if high is None else min(hi, high)
        if lo > hi:
            return None
        if lo < 0:
            raise NeedsSolver
        return lo, hi


@cache
def _unit(symbol: str) -> Unit:
    return lookup_unit(symbol)


def _shifted(sides: Sides, scale: int) -> tuple[dict[str, tuple[int, int]], tuple[int, int, int, int]]:
    shift = 10 ** (scale - sides.scale)
    if shift == 1:
        return sides.ends, sides.sums
    ends = {f: (lo * shift, hi * shift) for f, (lo, hi) in sides.ends.items()}
    llo, lhi, rlo, rhi = sides.sums
    return ends, (llo * shift, lhi * shift, rlo * shift, rhi * shift)


def _projection(sides: Sides, scale: int, figure: str) -> tuple[int, int]:
    """What a branch allows ``figure`` with its other figures as printed."""
    ends, (llo, lhi, rlo, rhi) = _shifted(sides, scale)
    own_lo, own_hi = ends[figure]
    if figure in sides.left:
        return rlo - (lhi - own_hi), rhi - (llo - own_lo)
    return llo - (rhi - own_hi), lhi - (rlo - own_lo)


def star(checker: Checker, relations: Sequence[str], broken: Sequence[str]) -> Star | None:
    """The piece of ``relations`` as a :class:`Star`, or None when it is not one.

    Raises:
        NeedsSolver: a branch cannot hold as printed (the propagation would say so: the solver decides).
    """
    if len(broken) != 1:
        return None
    all_sides: dict[str, Sides] = {}
    unit = None
    for rid in relations:
        rel = checker.relations[rid]
        if rel.kind != "sum" or rel.basis != "stated" or not getattr(rel, "exhaustive", False):
            return None
        sides = checker.sides(rid)
        if sides is None:
            return None
        first = checker.ctx.views[next(iter(sides.ends))].unit
        if unit is None:
            unit = first
        elif first != unit:
            return None
        all_sides[rid] = sides
    return None if unit is None else _assembled(broken[0], all_sides, Fraction(unit.factor))


#: The keys of a sum :func:`integer_star` reads: none optional, so each takes its default
#: (``exhaustive``, as the stated basis: what :func:`star` asks of a model).
PLAIN_SUM = frozenset({"id", "kind", "total", "parts"})


def integer_star(
    relations: Sequence[Mapping[str, Any]],
    broken: Sequence[str],
    integers: Integers,
    known: dict[str, Sides | None],
    *,
    equal: bool | None,
) -> Star | None:
    """:func:`star` of relations given as parsed JSON over the screen's integers: no model, no view.

    Each relation must be a plain sum (only an id, a kind, a total and parts) of figures
    the screen read as integers (:class:`~perfcheck._engine.fast.Integers`: one unit, no
    qualifier, rounded to nearest), which ``equal`` says the rules compare as two sides
    that must meet (:func:`~perfcheck._localise.confirm.compared`, for such a sum). Its
    sides are what :meth:`Checker.sides` makes of its models, so the star is :func:`star`'s.
    ``known`` keeps each relation's sides (or None) for the pieces after.

    Raises:
        NeedsSolver: a branch cannot hold as printed.
    """
    if len(broken) != 1 or not equal:
        return None
    all_sides: dict[str, Sides] = {}
    for rel in relations:
        rid = rel.get("id")
        if not isinstance(rid, str):
            return None
        if rid in known:
            sides = known[rid]
        else:
            sides = None
            parts = rel.get("parts")
            if rel.keys() == PLAIN_SUM and rel.get("kind") == "sum" and isinstance(parts, list):
                sides = integer_sides([rel["total"]], parts, integers, equal=equal)
            known[rid] = sides
        if sides is None:
            return None
        all_sides[rid] = sides
    return _assembled(broken[0], all_sides, Fraction(_unit(integers.unit).factor))


def _assembled(centre: str, all_sides: dict[str, Sides], factor: Fraction) -> Star | None:  # noqa: C901 - one return per reason
    """The star of relations given as :class:`Sides` of one unit, ``centre`` broken; None when it is not one.

    Raises:
        NeedsSolver: a branch cannot hold as printed.
    """
    for sides in all_sides.values():
        if not sides.equal:
            return None
        if any(n != 1 for n in (*sides.left.values(), *sides.right.values())) or set(sides.left) & set(
            sides.right
        ):
            return None
    if centre not in all_sides:
        return None
    middle = all_sides[centre]
    own = set(middle.ends)
    named = Counter(f for s in all_sides.values() for f in s.ends if f not in own)
    if any(n != 1 for n in named.values()):
        return None
    scale = max(s.scale for s in all_sides.values())
    beside: dict[str, _Span] = {}
    for rid, sides in all_sides.items():
        if rid == centre:
            continue
        shared = own.intersection(sides.ends)
        if len(shared) != 1:
            return None
        (figure,) = shared
        lo, hi = _projection(sides, scale, figure)
        low, high = beside.get(figure, (None, None))
        beside[figure] = (lo if low is None else max(lo, low), hi if high is None else min(hi, high))
    ends, _ = _shifted(middle, scale)
    kept: dict[str, tuple[int, int]] = {}
    for figure, (printed_lo, printed_hi) in ends.items():
        low, high = beside.get(figure, (None, None))
        lo = printed_lo if low is None else max(printed_lo, low)
        hi = printed_hi if high is None else min(printed_hi, high)
        if lo > hi:
            raise NeedsSolver
        kept[figure] = (lo, hi)
    sums = (
        sum(kept[f][0] for f in middle.left),
        sum(kept[f][1] for f in middle.left),
        sum(kept[f][0] for f in middle.right),
        sum(kept[f][1] for f in middle.right),
    )
    return Star(centre, tuple(middle.left), tuple(middle.right), kept, beside, scale, factor, sums)
