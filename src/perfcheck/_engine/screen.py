"""What a rule gives the fast column screen (:mod:`perfcheck._engine.fast`) to stand in for it.

The screen reads a plain document's columns and turns every value into an exact
integer; a rule's :class:`Screen` says, over those integers, whether the rule holds
on a relation (so the relation need not be built and checked by the full path),
whether a figure must go to the full path, or whether the whole document must. The
engine names no rule: it asks the selected rules for their screens.

The relations the screen reads itself, and how it hands them to a rule:

* ``sum`` (``total = Σ parts``) and ``balance`` (``Σ outflows = Σ inflows``) are
  linear: the screen works out ``diff``, the left side minus the right, and ``tol``,
  the most the printed figures' rounding can move that difference, both as integers
  in units of ``½·10^-D`` (``D`` the most decimals among the figures). A rule's
  :class:`Linear` says which comparison of the two is its relation: ``|diff| <= tol``
  (equal) or ``diff + tol >= 0`` (at least), and on which relations. It is data, so
  that the screen compares inline in its hot loop (a million line items).
* ``share`` (``part / Σ wholes × 100 = stated``) is judged by a rule's
  :attr:`Screen.quotient` hook, given a :class:`Quotient`.
* ``change`` (``current = prior ± delta``, ``delta / prior × 100 = percent``) is judged
  by a rule's :attr:`Screen.change` hook, given a :class:`Change`.
* ``equal`` (one quantity printed several times) is judged by a rule's
  :attr:`Screen.spans` hook, given each figure as ``(value, rounding)`` in units of
  ``½·10^-D``.

A rule that judges the document as a whole says so with :attr:`Screen.declines` (the
document takes the full path) or, better, :attr:`Screen.escalates`: the relations it
may report on, which go to the full path together while the rest stays screened; or
:attr:`Screen.figures`: the figures it may report, which go to the full path alone (the
rule judges them there against what the screen counted over the whole document).

A relation holds under the selected rules when every rule judging it holds; it is
*escalated* to the full path when one does not (a hook returns False), and left
unjudged when no rule judges it (a hook returns None).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, Protocol

from perfcheck._core.units import Unit

__all__ = [
    "BelowZeroHook",
    "Change",
    "ChangeHook",
    "Columns",
    "DocumentHook",
    "EscalatesHook",
    "FiguresHook",
    "Linear",
    "Quotient",
    "QuotientHook",
    "Screen",
    "SpansHook",
]


class Quotient(NamedTuple):
    """A share's figures as integers, each with the most its rounding can move it.

    ``part`` and ``whole`` (the sum of the wholes) are in units of ``½·10^-D``, ``D``
    the most decimals among them; ``stated`` is in units of ``½·10^-e`` percent,
    ``e`` its decimals, so ``hundred`` (100 % in those units) is ``200·10^e``.
    """

    part: int
    hp: int
    whole: int
    hw: int
    stated: int
    hs: int
    hundred: int


class Change(NamedTuple):
    """A change's figures as integers, each with the most its rounding can move it.

    ``current``, ``prior`` and ``delta`` are in units of ``½·10^-D``, ``D`` the most
    decimals among them (None where the relation names no such figure, its rounding
    then 0); ``percent`` is in units of ``½·10^-e`` percent, so ``hundred`` (100 %) is
    ``200·10^e``. ``increase`` is the stated direction.
    """

    increase: bool
    current: int
    hc: int
    prior: int | None
    hp: int
    delta: int | None
    hd: int
    percent: int | None
    hpct: int
    hundred: int


class Columns(Protocol):
    """What a document hook may read of the plain document being screened."""

    @property
    def kinds(self) -> Sequence[str]:
        """The kind of every relation, in document order."""

    @property
    def relations(self) -> Sequence[dict[str, Any]]:
        """Every relation as parsed, in document order (each names figures that exist)."""

    def number(self, figure: str) -> tuple[int, int, bool] | None:
        """A figure as ``(n, e, exact)``: its value ``n·10^-e`` and, unless exact, ``± ½·10^-e``.

        None when the screen cannot judge it (a qualifier, digits beyond its decimals).
        """

    def symbol(self, figure: str) -> str | None:
        """A figure's unit symbol (``%`` for a percentage)."""

    @property
    def precision(self) -> dict[str, dict[int, int]]:
        """For each amount unit (its symbol), how many rounded amounts show each number of decimals.

        Rounded: not exact (a bare 0 is exactly nothing) and not qualified (约, 逾).
        """

    def amounts(self) -> Iterator[tuple[str, str, int]]:
        """Every rounded amount :attr:`precision` counts, in document order: ``(id, unit, decimals)``."""


#: ``hook(relation, quotient)`` for a ``share``.
QuotientHook = Callable[[dict[str, Any], Quotient], bool | None]
#: ``hook(unit, concept)`` for a figure printed below zero: whether the rule may report it
#: (the figure then goes to the full path).
BelowZeroHook = Callable[[Unit | None, object], bool]
#: ``hook(columns)`` once the document is read: whether the whole document needs the full path.
DocumentHook = Callable[[Columns], bool]
#: ``hook(relation, change)`` for a ``change``.
ChangeHook = Callable[[dict[str, Any], Change], bool | None]
#: ``hook(relation, spans)`` for an ``equal``: each distinct figure as ``(value, rounding)``.
SpansHook = Callable[[dict[str, Any], Sequence[tuple[int, int]]], bool | None]
#: ``hook(columns)`` once the document is read: None when the rule reports nothing in the
#: document (it is then not run on the escalated part), else the ids of the figures it may
#: report on, escalated with the rest; the rule runs on the escalated part, where
#: ``Context.precision`` is the whole document's (it judges a figure against the others).
FiguresHook = Callable[[Columns], Collection[str] | None]
#: ``hook(columns)`` once the document is read: None when the rule reports nothing in the
#: document (it is then not run on the escalated part), else the ids of the relations it may
#: report on, escalated together so that the rule, run on the escalated part, finds there
#: exactly what it finds in the whole document.
EscalatesHook = Callable[[Columns], Collection[str] | None]


@dataclass(frozen=True, slots=True)
class Linear:
    """How a rule judges a linear relation: ``Σ left - Σ right`` within the figures' rounding.

    Attributes:
        equal: the two sides can be equal (``|diff| <= tol``); otherwise the left can be
            at least the right (``diff + tol >= 0``).
        when: ``(key, value)``: the rule judges only relations whose ``key`` has this
            value (the key's default when it is absent, as the document model reads it).
    """

    equal: bool = True
    when: tuple[str, object] | None = None


@dataclass(frozen=True, slots=True)
class Screen:
    """How the column screen stands in for one rule; a rule without one sends its documents to the full path.

    A screen with no hook stands in for a rule that finds nothing the screen does not
    already escalate (relations whose units cannot be compared go to the full path
    whatever is selected).

    Attributes:
        kind: the relation kind ``linear`` or ``quotient`` judges.
        linear: how it judges a ``sum`` or ``balance`` from its difference and tolerance.
        quotient: judges a ``share`` from its figures.
        change: judges a ``change`` from its figures.
        spans: judges an ``equal`` from its figures.
        below_zero: whether a figure printed below zero may be reported.
        declines: whether a document needs the full path (its figures and relations read).
        figures: the figures a document rule may report (see :data:`FiguresHook`).
        escalates: the relations a document rule may report on (see :data:`EscalatesHook`).
        cleared: the screen judged the whole document: the rule is not run again on the
            part escalated to the full path.
        plain: the rule's exact check runs on the document as parsed
            (:class:`perfcheck._engine.plain.PlainContext`) for a ``sum`` or ``balance`` of
            plain figures: a broken one is judged and worded there, not escalated.
    """

    kind: str | None = None
    linear: Linear | None = None
    quotient: QuotientHook | None = None
    change: ChangeHook | None = None
    spans: SpansHook | None = None
    below_zero: BelowZeroHook | None = None
    declines: DocumentHook | None = None
    figures: FiguresHook | None = None
    escalates: EscalatesHook | None = None
    cleared: bool = False
    plain: bool = False
