"""The exact checks every proposal passes before it is reported.

A correction is confirmed when the rules' own exact interval checks (in Decimal,
through :class:`~perfcheck._engine.context.Context`) find no error on any relation of
its component, with the corrected figures printed as proposed. A conflict between
relations that each hold alone is confirmed when exact interval propagation over
their rows, in fractions, empties some figure's interval: a proof that no values
within the printed rounding satisfy them all.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, Decimal
from decimal import Context as DecimalContext

from perfcheck._engine.compile import FigureView, figure_interval
from perfcheck._engine.context import Context
from perfcheck._engine.fast import Integers
from perfcheck._engine.registry import Rule
from perfcheck._findings.finding import Severity
from perfcheck._ledger.document import _Relation
from perfcheck._localise.system import System, propagate_printed

#: Rounds of propagation before giving up on a proof.
ROUNDS = 60
#: Moves a Decimal's point without ever rounding its digits.
_SHIFT = DecimalContext(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)


def _at(number: Decimal, scale: int) -> int:
    """``number × 10^scale`` as an integer (``scale`` at least the number's places)."""
    return int(_SHIFT.scaleb(number, scale))


def _places(number: Decimal) -> int:
    exponent = number.as_tuple().exponent
    assert isinstance(exponent, int)  # noqa: S101 - finite: a printed value
    return max(-exponent, 0)


@dataclass(slots=True)
class Sides:
    """A ``sum`` or ``balance`` as two sides of figures, for the integer confirmation.

    ``left`` is the total (or the outflows), ``right`` the parts (or the inflows); each
    figure's interval as integers in units of ``10^-scale``, and the sides' sums of
    lower and upper ends with every figure as printed. ``equal``: the rules judging it
    ask the sides to meet; otherwise the left to reach the right.
    """

    equal: bool
    left: dict[str, int]  # how many times each figure is on the left
    right: dict[str, int]
    ends: dict[str, tuple[int, int]]
    scale: int
    sums: tuple[int, int, int, int]  # left lo, left hi, right lo, right hi


def compared(rules: Iterable[Rule], kind: str, get: Callable[[str], object]) -> bool | None:
    """How ``rules``, judging a ``sum`` or ``balance``, compare its sides: None when they cannot decide it.

    True: the sides must meet; False: the left must reach the right (a 其中 list). The
    rules must all compare the sides (:class:`~perfcheck._engine.screen.Linear`) or find
    nothing by themselves; ``get`` reads a field of the relation (a ``Linear.when``).
    """
    equal: bool | None = None
    for rule in rules:
        screen = rule.screen
        if screen is None:
            return None
        if screen.linear is not None and screen.kind == kind:
            when = screen.linear.when
            if when is None or get(when[0]) == when[1]:
                equal = equal or screen.linear.equal
        elif any(
            hook is not None
            for hook in (
                screen.kind,
                screen.linear,
                screen.quotient,
                screen.change,
                screen.spans,
                screen.below_zero,
                screen.declines,
                screen.figures,
                screen.escalates,
            )
        ):
            return None  # a rule that judges something else of the relation
    return equal


def integer_sides(
    left: Sequence[str], right: Sequence[str], integers: Integers, *, equal: bool
) -> Sides | None:
    """A relation of figures the screen read as integers, as two sides; None when one was not read.

    The same :class:`Sides` the views give (:meth:`Checker.sides`): a figure printed ``n`` to
    ``d`` places, rounded to nearest, is ``[10n - 5, 10n + 5]`` in units of ``10^-(d+1)``;
    an exact one is ``[n, n]`` in units of ``10^-d``.
    """
    numbers = integers.numbers
    ends: dict[str, tuple[int, int]] = {}
    try:
        if integers.exact:
            for fid in (*left, *right):
                n = numbers[fid]
                ends[fid] = (n, n)
        else:
            for fid in (*left, *right):
                n = 10 * numbers[fid]
                ends[fid] = (n - 5, n + 5)
    except (KeyError, TypeError):
        return None
    scale = integers.decimals + (0 if integers.exact else 1)
    return _sides(left, right, ends, scale, equal=equal)


def _sides(
    left: Sequence[str], right: Sequence[str], ends: dict[str, tuple[int, int]], scale: int, *, equal: bool
) -> Sides:
    """The sides of figures whose intervals are ``ends``, in units of ``10^-scale``, with their sums."""
    sums = (
        sum(ends[f][0] for f in left),
        sum(ends[f][1] for f in left),
        sum(ends[f][0] for f in right),
        sum(ends[f][1] for f in right),
    )
    return Sides(equal, Counter(left), Counter(right), ends, scale, sums)


def printed_as(view: FigureView, value: Decimal, decimals: int, *, truncate: bool) -> FigureView:
    """The figure as if printed as ``value`` to ``decimals`` places, in its own unit."""
    interval = figure_interval(value, decimals, exact=view.exact, qualifier=view.qualifier, truncate=truncate)
    base = interval if view.unit.factor == 1 else interval.scale(view.unit.factor)
    return FigureView(view.figure, view.unit, value, decimals, interval, base, view.qualifier)


class Checker:
    """The rules' exact checks over some relations, with figures printed otherwise."""

    def __init__(self, ctx: Context, rules: Sequence[Rule], relations: Mapping[str, _Relation]) -> None:
        """Check ``relations`` (by id) with the relation rules among ``rules``."""
        self.ctx = ctx
        self.rules = [r for r in rules if r.kinds]
        self.relations = relations
        self.truncate = ctx.ledger.rounding == "truncate"
        self._judging: dict[str, list[Rule]] = {}
        self._sides: dict[str, Sides | None] = {}

    def judging(self, relation_id: str) -> list[Rule]:
        """The rules judging a relation, in order: once (a figure printed otherwise keeps its unit)."""
        rules = self._judging.get(relation_id)
        if rules is None:
            rel, ctx = self.relations[relation_id], self.ctx
            rules = self._judging[relation_id] = [
                rule
                for rule in self.rules
                if rule.applies_to(rel) and (rule.runs_on_invalid or not ctx.dimension_problem(rel))
            ]
        return rules

    def confirms(self, relation_ids: Iterable[str], printed: Mapping[str, tuple[Decimal, int]]) -> bool:
        """:meth:`holds`, leaving out of the Decimal checks every relation the integers show to hold.

        Exact: a relation is left out only when its two sides, worked out over integers
        with ``printed`` figures as given, meet (or reach, for a 其中 list); any other
        relation, and any the comparison cannot decide, is checked in Decimal.
        """
        rest = [rid for rid in relation_ids if not self.holds_in_integers(rid, printed)]
        return not rest or self.holds(rest, printed)

    def screens(self, relation_ids: Iterable[str], printed: Mapping[str, tuple[Decimal, int]]) -> bool:
        """:meth:`holds`, with every relation the integers decide decided there, either way.

        A relation the integers show to be broken is broken for the rules' exact checks
        too (the rules' screens agree with them: ``tests/test_localise.py`` holds the two to
        each other at the unit); only the relations the integers cannot decide are checked
        in Decimal. For a search among candidates: what it picks is confirmed with
        :meth:`holds` before it is reported.
        """
        rest = []
        for rid in relation_ids:
            verdict = self.verdict_in_integers(rid, printed)
            if verdict is False:
                return False
            if verdict is None:
                rest.append(rid)
        return not rest or self.holds(rest, printed)

    def holds_in_integers(self, relation_id: str, printed: Mapping[str, tuple[Decimal, int]]) -> bool:
        """Whether the integers show the relation to hold with ``printed`` figures (False: not shown)."""
        return self.verdict_in_integers(relation_id, printed) is True

    def verdict_in_integers(
        self, relation_id: str, printed: Mapping[str, tuple[Decimal, int]]
    ) -> bool | None:
        """Whether the relation holds with ``printed`` figures, worked out over integers; None: not decided.

        Decided only for a ``sum`` (no weights) or ``balance`` whose figures share one unit,
        have no qualifier and are rounded to nearest, judged only by rules whose screens
        compare its sides (:class:`~perfcheck._engine.screen.Linear`) or that find nothing
        on a relation whose units agree: there it is what the rules' exact checks say.
        """
        sides = self.sides(relation_id)
        if sides is None:
            return None
        scale = sides.scale
        changed: list[tuple[str, int, int]] = []
        for fid, (value, decimals) in printed.items():
            if fid in sides.ends:
                scale = max(scale, _places(value), decimals + 1)
        shift: int = 10 ** (scale - sides.scale)
        llo, lhi, rlo, rhi = (end * shift for end in sides.sums)
        for fid, (value, decimals) in printed.items():
            if fid not in sides.ends:
                continue
            lo, hi = sides.ends[fid]
            centre = _at(value, scale)
            half: int = 0 if self.ctx.views[fid].exact else 5 * 10 ** (scale - decimals - 1)
            new_lo, new_hi = centre - half, centre + half
            changed.append((fid, new_lo - lo * shift, new_hi - hi * shift))
        for fid, dlo, dhi in changed:
            times = sides.left.get(fid, 0)
            llo, lhi = llo + times * dlo, lhi + times * dhi
            times = sides.right.get(fid, 0)
            rlo, rhi = rlo + times * dlo, rhi + times * dhi
        if sides.equal:
            return llo <= rhi and rlo <= lhi
        return lhi >= rlo

    def known(self, sides: Mapping[str, Sides]) -> None:
        """Take relations' sides as worked out already (:func:`integer_sides`: what :meth:`sides` finds)."""
        self._sides.update(sides)

    def decides(self, relation_id: str) -> bool:
        """Whether the integers decide the relation (else :meth:`confirms` checks it in Decimal)."""
        return self.sides(relation_id) is not None

    def sides(self, relation_id: str) -> Sides | None:
        """The relation as two sides over integers (worked out once), or None when they cannot decide it."""
        if relation_id in self._sides:
            return self._sides[relation_id]
        sides = self._sides[relation_id] = self._sides_of(relation_id)
        return sides

    def _sides_of(self, relation_id: str) -> Sides | None:
        """The relation as two sides over integers, or None when the integer comparison cannot decide it."""
        rel, ctx = self.relations[relation_id], self.ctx
        if self.truncate or ctx.dimension_problem(rel) is not None:
            return None
        if rel.kind == "sum" and getattr(rel, "weights", None) is None:
            left, right = [rel.total], list(rel.parts)  # type: ignore[attr-defined]
        elif rel.kind == "balance":
            left, right = list(rel.outflows), list(rel.inflows)  # type: ignore[attr-defined]
        else:
            return None
        equal = compared(self.judging(relation_id), rel.kind, lambda key: getattr(rel, key))
        if equal is None:
            return None
        views = [ctx.views[fid] for fid in (*left, *right)]
        unit = views[0].unit
        for view in views:
            interval = view.interval
            if (
                view.unit != unit
                or view.qualifier is not None
                or view.excess
                or interval.lo_open
                or interval.hi_open
                or not interval.lo.is_finite()
                or not interval.hi.is_finite()
            ):
                return None
        scale = max(max(_places(v.interval.lo), _places(v.interval.hi)) for v in views)
        ends = {v.id: (_at(v.interval.lo, scale), _at(v.interval.hi, scale)) for v in views}
        return _sides(left, right, ends, scale, equal=equal)

    def holds(self, relation_ids: Iterable[str], printed: Mapping[str, tuple[Decimal, int]]) -> bool:
        """Whether no rule finds an error on the relations with ``printed`` figures as given.

        ``printed`` maps a figure id to the value and the places it is taken as printed with.
        Only the verdicts are asked of the rules (:attr:`Context.verdicts_only`): a relation
        that holds is neither recorded nor worded.
        """
        ctx = self.ctx
        saved = {fid: ctx.views[fid] for fid in printed}
        checks = len(ctx.checks)
        ctx.verdicts_only = True
        try:
            for fid, (value, decimals) in printed.items():
                ctx.views[fid] = printed_as(saved[fid], value, decimals, truncate=self.truncate)
            for rid in relation_ids:
                rel = self.relations[rid]
                for rule in self.judging(rid):
                    if any(f.severity is Severity.ERROR for f in rule.check(ctx, rel)):
                        return False
            return True
        finally:
            ctx.verdicts_only = False
            ctx.views.update(saved)
            del ctx.checks[checks:]


def refuted(system: System) -> bool:
    """Whether exact propagation proves that the rows cannot all hold with every figure as printed.

    Only the rows a figure keeping its printed value implies are used (the products'
    envelopes are for changed figures), so ``True`` is a proof; ``False`` proves nothing.
    """
    return propagate_printed(system, ROUNDS)[0] is None
