"""Error localisation: which printed figures are likely wrong, and what they could have been.

All relations of a ledger are one system over its figures' rounding intervals
(:mod:`~perfcheck._localise.system`). For each group of relations connected by shared
figures that holds a broken relation, HiGHS proposes the smallest sets of figures whose
change lets every relation hold (:mod:`~perfcheck._localise.solver`); each proposal,
with a suggested value (a typing slip where one fits, :mod:`~perfcheck._localise.typos`)
and the range of printed values that fit, is reported only once the rules' exact
checks confirm it (:mod:`~perfcheck._localise.confirm`). A group whose relations each
hold alone but not together is reported as a conflict, once exact propagation proves it.
See docs/localise.md.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_DOWN, ROUND_FLOOR, ROUND_HALF_EVEN, Decimal
from fractions import Fraction
from itertools import compress
from typing import Any

import orjson

from perfcheck._core.i18n import N_
from perfcheck._core.limits import DEFAULT_LIMITS, Limits
from perfcheck._core.units import Kind
from perfcheck._engine.context import Context
from perfcheck._engine.fast import Integers
from perfcheck._engine.registry import Rule
from perfcheck._engine.run import in_report_order
from perfcheck._findings.coverage import operands_of_data
from perfcheck._findings.finding import Finding, Severity, Verdict
from perfcheck._findings.localisation import Correction, Explanation, Localisation, Typo
from perfcheck._ledger.document import Ledger, SumRelation, _Relation, parse_json, validate
from perfcheck._localise.closed import PLAIN_SUM, Star, integer_star, star
from perfcheck._localise.confirm import Checker, Sides, compared, printed_as, refuted
from perfcheck._localise.hitting import smallest_hitting
from perfcheck._localise.solver import (
    MAX_DEVIATION,
    LeanSolver,
    NeedsSolver,
    Solver,
    SolverMissingError,
    require_solver,
)
from perfcheck._localise.system import (
    Folds,
    System,
    Var,
    alone_range,
    build,
    connected,
    figure_var,
    restrict,
)
from perfcheck._localise.typos import ORDER, Slip, slips_where


@dataclass(frozen=True, slots=True)
class Options:
    """How hard localisation tries.

    Attributes:
        limit: the most equally small explanations listed per group of relations.
        max_figures: a group of relations naming more figures is not localised.
        time_limit: seconds per group (each solve is bounded by what is left of it).
        weights: how likely each figure is to be right, by id (default 1; a figure
            printed twice, in an ``equal`` relation, 2): among equally small sets the
            lightest is listed first.
    """

    limit: int = 5
    max_figures: int = 400
    time_limit: float = 10.0
    weights: Mapping[str, float] | None = None


#: How many slips per figure are tried against the exact checks before a plain value.
_SLIPS_TRIED = 6
#: The largest hitting sets looked for before the MILP, and the steps spent looking.
_HITTING_SIZE = 3
_HITTING_BUDGET = 5000


def _weights(printed_twice: Iterable[str], given: Mapping[str, float] | None) -> dict[str, Fraction]:
    weights = dict.fromkeys(printed_twice, Fraction(2))
    for fid, w in (given or {}).items():
        weights[fid] = Fraction(w)
    return weights


def _round(value: Fraction, places: int, rounding: str = ROUND_HALF_EVEN) -> Decimal:
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(Decimal(1).scaleb(-places), rounding=rounding)


def _truncated_reach(lo: Fraction, hi: Fraction, unit: Fraction) -> tuple[Fraction, Fraction]:
    """The least and greatest value that, printed by truncation, has an interval meeting ``[lo, hi]``.

    A truncated value ``p`` lies in ``[p, p + unit)`` above zero, ``(p - unit, p]`` below
    and ``(-unit, unit)`` at zero, whatever sign the figure was printed with; an end
    that an open end only touches is returned as it is (the caller steps inward).

    >>> _truncated_reach(Fraction(5), Fraction(6), Fraction(1))
    (Fraction(4, 1), Fraction(6, 1))
    >>> _truncated_reach(Fraction(1, 2), Fraction(1), Fraction(1))  # 0 prints (-1, 1)
    (Fraction(0, 1), Fraction(1, 1))
    >>> _truncated_reach(Fraction(-6), Fraction(-5), Fraction(1))
    (Fraction(-6, 1), Fraction(-4, 1))
    """
    low = lo - unit if lo - unit > 0 else min(lo, Fraction(0))
    high = hi + unit if hi + unit < 0 else max(hi, Fraction(0))
    return low, high


class _Group:
    """One group of connected relations, localised."""

    def __init__(  # noqa: PLR0913 - the parts of one group's work
        self,
        ctx: Context,
        *,
        system: System,
        checker: Checker,
        weights: Mapping[str, Fraction],
        options: Options,
        broken: Iterable[str] = (),
        lean: bool = False,
        closed: Star | None = None,
        operands: Mapping[str, frozenset[str]] | None = None,
    ) -> None:
        self.ctx = ctx
        self.system = system
        self.checker = checker
        self.weights = weights
        self.options = options
        # the relations built as models name their figures; the others' are given (_Integral)
        given = operands or {}
        self.operands = {
            r: given[r] if r in given else frozenset(checker.relations[r].operands())
            for r in system.relations
        }
        # A relation broken as printed stays broken unless one of its figures changes.
        self.hits = [self.operands[r] for r in broken if r in self.operands]
        self.started = time.perf_counter()
        # A lean system answers the closed form of one figure; anything more raises NeedsSolver.
        self.solver = (LeanSolver if lean or closed else Solver)(system, time_limit=options.time_limit)
        # A star (one broken sum among sums) answers it with no system at all; the same otherwise.
        self.closed = closed

    def over_time(self) -> bool:
        return time.perf_counter() - self.started > self.options.time_limit or self.solver.timed_out

    def _weight(self, figures: Iterable[str]) -> Fraction:
        # a figure of no weight given counts 1: summed as ints, a Fraction only where one is given
        return Fraction(sum(self.weights.get(f, 1) for f in figures))

    def _from_hitting_sets(self) -> tuple[list[Explanation], bool]:
        """Explanations among the smallest hitting sets of the broken relations: then none is smaller."""
        size, candidates = smallest_hitting(self.hits, max_size=_HITTING_SIZE, budget=_HITTING_BUDGET)
        found: list[Explanation] = []
        if size is None:
            return found, False
        for candidate in sorted(candidates, key=lambda c: (self._weight(c), sorted(c))):
            if self.over_time():
                return found, bool(found)
            if len(found) >= self.options.limit:
                return found, True
            explanation = self._explain(candidate)
            if explanation is not None:
                found.append(explanation)
        return found, False

    def _from_search(self) -> tuple[list[Explanation], bool]:
        """The MILP's smallest sets, confirmed one by one (up to the limit), and whether there may be more.

        Only sets of the size first confirmed are listed: a larger one proposed later is
        cut off, and a smaller one confirmed later replaces those listed, which were then
        never the smallest (a solve that called it infeasible).
        """
        found: list[Explanation] = []
        more = False
        search = self.solver.search(self.weights, self.hits)
        size: int | None = None
        for _ in range(4 * self.options.limit + 4):
            if self.over_time():
                more = bool(found)
                break
            proposal = search.next()
            if proposal is None:
                break
            if size is not None and len(proposal) > size:
                search.found(proposal)
                continue
            smaller = size is not None and len(proposal) < size
            if len(found) >= self.options.limit and not smaller:
                more = True
                break
            explanation = self._explain(proposal) if proposal else None
            if explanation is None:
                search.refused(proposal)
                continue
            if size is None or smaller:
                found, more, size = [], False, len(proposal)
                search.at_most(size)
            found.append(explanation)
            search.found(proposal)
        return found, more

    def localise(self) -> Localisation:
        found, more = self._from_hitting_sets() if self.hits else ([], False)
        if found:
            return Localisation(
                status="localised",
                relations=tuple(self.system.relations),
                explanations=tuple(found),
                more=more,
            )
        if not self.solver.resolvable():
            reason = (
                "the figures are too large against their printed precision for the solver "
                f"(more than {MAX_DEVIATION:.0e} rounding units), so no search was made"
            )
            return Localisation(status="not_localised", relations=tuple(self.system.relations), reason=reason)
        found, more = self._from_search()
        relations = tuple(self.system.relations)
        if found:
            ordered = sorted(found, key=lambda e: e.weight)
            return Localisation(
                status="localised", relations=relations, explanations=tuple(ordered), more=more
            )
        reason = (
            "the solver ran out of time"
            if self.over_time()
            else "no set of figures the solver proposed passed the exact checks"
        )
        return Localisation(status="not_localised", relations=relations, reason=reason)

    # -- one proposal, confirmed ---------------------------------------------------

    def _fit(
        self, figures: frozenset[str], *, exact: bool
    ) -> tuple[dict[str, tuple[Fraction, Fraction]], dict[str, Fraction]] | None:
        """The range each figure may take and a point that fits, or None when the set cannot fit.

        With ``exact``, one figure alone is worked out by exact propagation, with no
        solver; a set of several (or one whose propagation cannot bound it) by LPs.
        """
        if self.closed is not None:
            if not exact or len(figures) != 1:
                raise NeedsSolver
            (figure,) = figures
            found = self.closed.range(figure)
            return None if found is None else ({figure: found}, {figure: (found[0] + found[1]) / 2})
        if exact and len(figures) == 1:
            (figure,) = figures
            alone = alone_range(self.system, figure, self.solver.domain[figure])
            if alone is not None:
                lo, hi = alone
                return ({figure: alone}, {figure: (lo + hi) / 2}) if lo <= hi else None
        fit = self.solver.fit(figures)
        if not fit.feasible:
            return None
        ranges = self.solver.ranges(figures)
        return (ranges, fit.witness) if len(ranges) == len(figures) else None

    def _explain(self, figures: frozenset[str], *, exact: bool = True) -> Explanation | None:
        fitted = self._fit(figures, exact=exact)
        if fitted is None:
            return None
        ranges, witness = fitted
        ranges = dict(ranges)  # a stated share changed with its whole gets its exact range here
        named = (*self.closed.left, *self.closed.right) if self.closed is not None else self.system.vars
        order = [f for f in named if f in figures]
        chosen = self._suggest(order, ranges, witness)
        if chosen is None:
            # the exact range of one figure is a superset: the LP's may hold a value that fits
            return self._explain(figures, exact=False) if exact and len(figures) == 1 else None
        corrections = tuple(self._correction(f, chosen, ranges[f]) for f in order)
        weight = self._weight(order)
        return Explanation(
            figures=tuple(order), corrections=corrections, weight=_round(weight, 3).normalize()
        )

    def _candidates(self, fid: str, lo: Fraction, hi: Fraction) -> list[Slip]:
        """Slips of a figure whose printed interval meets ``[lo, hi]``, most likely first.

        Filtered and ranked in floats, with a margin: the exact checks decide afterwards.
        """
        view = self.ctx.view(fid)
        factor = float(view.unit.factor)
        low, high = float(lo), float(hi)
        margin = 1e-9 * max(abs(low), abs(high), 1.0)
        middle, scale = (low + high) / 2, float(self.system.vars[fid].scale)

        # How far a printed value's interval reaches either side: half a unit, or (truncated,
        # [v, v + unit) above zero and (v - unit, v] below) a whole unit on one side.
        reach = 1.0 if self.checker.truncate else 0.5

        def meets(least: float, greatest: float, decimals: int) -> bool:
            width = reach * 10.0 ** (-decimals) * factor
            return least * factor - width <= high + margin and greatest * factor + width >= low - margin

        def window(decimals: int) -> tuple[float, float]:
            # the values ``meets`` may accept printed to ``decimals`` places, in the figure's unit
            width = reach * 10.0 ** (-decimals) * factor
            return (low - margin - width) / factor, (high + margin + width) / factor

        fits: list[tuple[tuple[bool, int, float], Slip]] = []
        amount = view.unit.kind is Kind.AMOUNT
        for slip in slips_where(view.number, view.decimals, amount=amount, keep=meets, window=window):
            centre = float(slip.value) * factor
            # A coarser value fits more easily only because its interval is wider: it comes last.
            rank = (slip.coarser(view.decimals), ORDER.index(slip.kind), abs(centre - middle) / scale)
            fits.append((rank, slip))
        fits.sort(key=lambda item: item[0])
        return [s for _, s in fits[:_SLIPS_TRIED]]

    def _plain(self, fid: str, value: Fraction) -> list[tuple[Decimal, int]]:
        """``value`` printed to the figure's places, then to one, two, three more (:meth:`_printed`)."""
        return [self._printed(fid, value, extra) for extra in range(4)]

    def _printed(self, fid: str, value: Fraction, extra: int) -> tuple[Decimal, int]:
        """``value`` printed to the figure's places and ``extra`` more.

        Printed as the document prints: truncated toward zero in a document printed by
        truncation, whose printed interval ``[v, v + unit)`` holds ``value`` only then
        (rounded to nearest, ``value`` could lie outside it, below the printed value).
        """
        view = self.ctx.view(fid)
        own = Fraction(value) / Fraction(view.unit.factor)
        mode = ROUND_DOWN if self.checker.truncate else ROUND_HALF_EVEN
        return _round(own, view.decimals + extra, mode), view.decimals + extra

    def _suggest(
        self,
        order: Sequence[str],
        ranges: dict[str, tuple[Fraction, Fraction]],
        witness: Mapping[str, Fraction],
    ) -> dict[str, tuple[Decimal, int, Typo | None]] | None:
        """Printed values for the figures that the exact checks confirm, a typing slip wherever one fits.

        First plain values (the solver's, rounded to the figure's places or a few more)
        that make every relation hold; then, figure by figure, the most likely slip whose
        value keeps every relation holding takes the plain value's place. The candidates
        are judged, and so confirmed, over integers wherever the rules' screens decide
        (:meth:`Checker.screens`: exact interval arithmetic in units of the finest printed
        digit, which the tests hold to the rules' Decimal checks at the unit, as for the
        ends of ``fits``), and by the rules' exact checks in Decimal everywhere else.
        """
        return self._search(order, ranges, witness, self.checker.screens)

    def _search(
        self,
        order: Sequence[str],
        ranges: dict[str, tuple[Fraction, Fraction]],
        witness: Mapping[str, Fraction],
        judge: Callable[[Sequence[str], Mapping[str, tuple[Decimal, int]]], bool],
    ) -> dict[str, tuple[Decimal, int, Typo | None]] | None:
        """:meth:`_suggest`'s search, each candidate judged by ``judge``."""

        def holds(relations: Sequence[str], trial: Mapping[str, tuple[Decimal, int, Typo | None]]) -> bool:
            return judge(relations, {f: (v, d) for f, (v, d, _) in trial.items()})

        plain: dict[tuple[str, int, int], tuple[Decimal, int]] = {}  # each rounding, made when first tried

        def rounded(f: str, which: int, extra: int) -> tuple[Decimal, int]:
            if (f, which, extra) not in plain:
                lo, hi = ranges[f]
                plain[f, which, extra] = self._printed(f, witness[f] if which == 0 else (lo + hi) / 2, extra)
            return plain[f, which, extra]

        # made one at a time (the witness's, then the ranges' middles): the first that holds ends the search
        trials: Iterator[dict[str, tuple[Decimal, int, Typo | None]]] = (
            {f: (*rounded(f, which, extra), None) for f in order} for extra in range(4) for which in (0, 1)
        )
        relations = self.touching(order)
        chosen = next((t for t in trials if holds(relations, t)), None)
        if chosen is None:
            chosen = self._linear_shares(order, ranges, witness, lambda t: holds(relations, t))
        for fid in order:
            around = self.touching([fid])
            for slip in self._candidates(fid, *ranges[fid]):
                trial = {**(chosen or {}), fid: (slip.value, slip.decimals, slip.kind)}
                if len(trial) == len(order) and holds(around if chosen else relations, trial):
                    chosen = trial
                    break
        return chosen

    def _shares_with_wholes(self, order: Sequence[str]) -> list[str]:
        """The stated percents among ``order`` whose whole (or base) is among ``order`` too."""
        changed = set(order)
        out: list[str] = []
        for prod in self.system.products:
            whole = self.system.vars[prod.d]
            figures = {whole.figure} if whole.figure else {n for n, _ in whole.terms}
            if prod.p in changed and prod.p not in out and figures & changed:
                out.append(prod.p)
        return out

    def _linear_shares(
        self,
        order: Sequence[str],
        ranges: dict[str, tuple[Fraction, Fraction]],
        witness: Mapping[str, Fraction],
        holds: Callable[[Mapping[str, tuple[Decimal, int, Typo | None]]], bool],
    ) -> dict[str, tuple[Decimal, int, Typo | None]] | None:
        """Plain values when a stated percent changed with its whole, the percent's exact range in ``ranges``.

        Its product is bilinear, and the solver's witness (within the McCormick envelope)
        need not lie on it. With every other changed figure printed as the witness rounds,
        the percent is linear: its range is the quotient its relation allows (exact
        propagation, :func:`~perfcheck._localise.system.alone_range`), and its plain values
        come from there. The exact checks decide, as for any suggestion.
        """
        percents = self._shares_with_wholes(order)
        rest = [f for f in order if f not in percents]
        if not percents or not rest:
            return None
        for extra in range(4):
            fixed = {f: self._plain(f, witness[f])[extra] for f in rest}
            system = self._printed_otherwise(fixed)
            found: dict[str, tuple[Fraction, Fraction]] = {}
            for p in percents:
                alone = alone_range(system, p, self.solver.domain[p])
                if alone is None or alone[0] > alone[1]:
                    break
                found[p] = alone
            else:
                middles = {p: self._plain(p, (lo + hi) / 2) for p, (lo, hi) in found.items()}
                for places in range(4):
                    trial = {f: (*fixed[f], None) for f in rest}
                    trial.update({p: (*middles[p][places], None) for p in percents})
                    if holds(trial):
                        ranges.update(found)
                        return {f: trial[f] for f in order}
        return None

    def _printed_otherwise(self, printed: Mapping[str, tuple[Decimal, int]]) -> System:
        """The system with ``printed`` figures' intervals as if printed so (rows and products as they are)."""
        variables = dict(self.system.vars)
        for fid, (value, decimals) in printed.items():
            view = printed_as(self.ctx.view(fid), value, decimals, truncate=self.checker.truncate)
            variables[fid] = figure_var(view)
        given = self.system
        return System(variables, given.rows, given.products, given.relations, given.left_out, given.folded)

    def touching(self, figures: Iterable[str]) -> list[str]:
        """The relations that name one of ``figures``: the only ones a change of them can affect."""
        changed = set(figures)
        return [r for r in self.system.relations if self.operands[r] & changed]

    def _correction(
        self,
        fid: str,
        chosen: Mapping[str, tuple[Decimal, int, Typo | None]],
        x_range: tuple[Fraction, Fraction],
    ) -> Correction:
        view = self.ctx.view(fid)
        var = self.system.vars[fid]
        value, _, typo = chosen[fid]
        factor = Fraction(view.unit.factor)
        places = max(view.decimals, 0) + 2
        if self.checker.truncate and not view.exact and view.qualifier is None:
            low, high = _truncated_reach(*x_range, Fraction(10) ** -view.decimals * factor)
        else:
            below = var.centre - var.lo if var.lo is not None else Fraction(0)
            above = var.hi - var.centre if var.hi is not None else Fraction(0)
            low, high = x_range[0] - above, x_range[1] + below
        lo = _round(low / factor, places, ROUND_CEILING)
        hi = _round(high / factor, places, ROUND_FLOOR)
        others = {f: (v, d) for f, (v, d, _) in chosen.items() if f != fid}
        relations = self.touching(chosen)

        def holds(end: Decimal) -> bool:
            # an end is confirmed in integers where the rules' screens decide (the suggestion was in Decimal)
            return self.checker.confirms(relations, {**others, fid: (end, view.decimals)})

        # An end may sit exactly on an open end (a truncated interval [v, v + unit) whose
        # open end just touches the range): the next value inward then fits.
        step = Decimal(1).scaleb(-places)

        def fitting(end: Decimal, inward: Decimal) -> Decimal | None:
            return next((v for v in (end, end + inward) if lo <= v <= hi and holds(v)), None)

        least = fitting(lo, step)
        greatest = fitting(hi, -step) if least is not None else None
        fits = (least, greatest) if least is not None and greatest is not None and least <= greatest else None
        return Correction(
            figure=fid,
            label=view.figure.label,
            printed=view.figure.value,
            unit=view.unit.symbol,
            fits=fits,
            suggestion=value,
            typo=typo,
        )

    # -- relations that each hold alone but not together ----------------------------

    def conflict(self) -> list[str] | None:
        """The smallest set of relations found that cannot hold together, once proven; else None.

        HiGHS's irreducible infeasible subsystem (``getIis``) names the candidates; each is
        made irreducible relation by relation and proven by exact propagation before it is
        reported. Without one (an older highspy), or when it is not proven, every relation
        of the group is tried for removal instead.
        """
        feasible, iis = self.solver.conflict()
        if feasible or self.solver.timed_out:
            return None
        if iis:
            keep = self._irreducible(iis)
            if refuted(restrict(self.system, keep)):
                return keep
        keep = self._irreducible(list(self.system.relations))
        return keep if refuted(restrict(self.system, keep)) else None

    def _irreducible(self, relations: list[str]) -> list[str]:
        """``relations`` (which cannot all hold) less every one without which the rest still cannot."""
        keep = list(relations)
        for rel in relations:
            trial = [r for r in keep if r != rel]
            if (
                trial
                and not Solver(restrict(self.system, trial), time_limit=self.options.time_limit)
                .fit()
                .feasible
            ):
                keep = trial
        return keep


def _conflict_finding(ctx: Context, code: str, system: System, relations: list[str]) -> Finding:
    figures: dict[str, None] = {}
    for rel in relations:
        figures.update(dict.fromkeys(system.figures_of(rel)))
    ids = list(figures)
    message = ctx.t(
        N_(
            "relations {relations} each hold alone but not together: no values within the printed "
            "rounding of {figures} satisfy them all at once"
        ),
        relations=", ".join(relations),
        figures=ctx.labels(ids, ", "),
    )
    return Finding(
        code=code,
        severity=Severity.ERROR,
        verdict=Verdict.BROKEN,
        relation=relations[0],
        figures=tuple(ids),
        locations=ctx.locations(ids),
        message=message,
        locale=ctx.locale,
    )


class _Run:
    """One ledger's localisation, piece by piece: what it found so far."""

    def __init__(  # noqa: PLR0913 - the parts of one run
        self,
        ctx: Context,
        *,
        checker: Checker,
        weights: Mapping[str, Fraction],
        options: Options,
        broken: set[str],
        conflicts: str | None,
        relations: Mapping[str, _Relation],
        integral: _Integral | None = None,
    ) -> None:
        self.ctx = ctx
        self.checker = checker
        self.relations = relations
        self.integral = integral
        self.weights = weights
        self.options = options
        self.broken = broken
        self.conflicts = conflicts
        self.found: dict[str, Localisation] = {}
        self.extra: list[Finding] = []
        self.left_out: set[str] = set()
        self.vars: dict[str, Var] = {}  # each figure's variable, made once for all pieces
        self.folds: Folds = {}  # each folded row's sums, made once for all pieces

    def _widen(self) -> None:
        """Build every relation solved, and the figures they name, as models: a piece needs them all."""
        assert self.integral is not None  # noqa: S101 - only a run with relations left unbuilt widens
        ledger = self.integral.widen()
        self.ctx = Context(ledger, self.ctx.locale)
        self.relations = {r.id: r for r in ledger.relations}
        self.checker = Checker(self.ctx, self.checker.rules, self.relations)
        self.integral = None

    def piece(self, piece: Piece) -> None:
        """Localise one piece of a group (or look for a conflict in it, when nothing is broken)."""
        broken = [r for r in piece.relations if r in self.broken]
        limit = self.options.max_figures
        if piece.figures > limit:
            reason = f"{piece.figures} figures solved together, beyond the limit of {limit}"
            localisation = Localisation(status="not_localised", relations=piece.relations, reason=reason)
            self.found.update(dict.fromkeys(broken, localisation))
            return
        has_broken = piece.broken
        if broken and self._star(piece, broken):
            return
        if self.integral is not None and any(r not in self.relations for r in piece.relations):
            self._widen()  # a star of the screen's integers the closed form could not answer
        relations = self.relations
        rels = [relations[r] for r in piece.relations]
        keep = _kept(rels, set(broken)) if broken else None
        part = build(self.ctx, rels, self.vars, keep=keep, folds=self.folds)
        self.left_out.update(part.left_out)
        if not part.relations:
            return
        if keep is not None:
            # Lean first: figures of one row that no broken relation names are one constant
            # (docs/localise.md); a question for the solver solves the piece again in full.
            try:
                self._localised(self._group(part, broken, lean=True), part)
            except NeedsSolver:
                part = build(self.ctx, rels, self.vars)
            else:
                return
        group = self._group(part, broken)
        if not has_broken:
            conflict = group.conflict()
            if conflict is not None and self.conflicts is not None:
                finding = _conflict_finding(self.ctx, self.conflicts, part, conflict)
                # Every correction changes a figure of the conflict (as printed, its relations
                # cannot all hold): the smallest sets are looked for among them first.
                group.hits = [frozenset(finding.figures)]
                self.extra.append(finding.model_copy(update={"localisation": group.localise()}))
            return
        self._localised(group, part)

    def _star(self, piece: Piece, broken: list[str]) -> bool:
        """Localise a piece that is a star (:mod:`perfcheck._localise.closed`); False when it is not one.

        Its system holds only the broken sum's figures, for the suggestions and ranges:
        the ranges are the star's. Anything it cannot answer solves the piece as before.
        """
        integral = self.integral
        operands = None
        try:
            if integral is not None and piece.relations in integral.stars:
                shape: Star | None = integral.stars[piece.relations]
                operands = integral.operands
            else:
                shape = star(self.checker, piece.relations, broken)
            if shape is None:
                return False
            # a figure's variable is made when a correction of it is worked out (most are not)
            part = System(vars=_Vars(self.vars, self.ctx), relations=list(piece.relations))
            self._localised(self._group(part, broken, closed=shape, operands=operands), part)
        except NeedsSolver:
            return False
        return True

    def _group(
        self,
        part: System,
        broken: list[str],
        *,
        lean: bool = False,
        closed: Star | None = None,
        operands: Mapping[str, frozenset[str]] | None = None,
    ) -> _Group:
        return _Group(
            self.ctx,
            system=part,
            checker=self.checker,
            weights=self.weights,
            options=self.options,
            broken=broken,
            lean=lean,
            closed=closed,
            operands=operands,
        )

    def _localised(self, group: _Group, part: System) -> None:
        localisation = group.localise()
        if part.left_out:
            localisation = localisation.model_copy(update={"left_out": tuple(part.left_out)})
        self.found.update(dict.fromkeys((r for r in part.relations if r in self.broken), localisation))


class _Vars(dict[str, Var]):
    """A star's variables (its system's ``vars``), each made from its figure's view when first looked up.

    The closed form needs none (:mod:`perfcheck._localise.closed`): only the figures a
    correction changes are looked up, for their suggestions and ranges. ``made`` holds the
    variables made so far, for every piece.
    """

    def __init__(self, made: dict[str, Var], ctx: Context) -> None:
        super().__init__()
        self.made = made
        self.ctx = ctx

    def __missing__(self, fid: str) -> Var:
        var = self.made.get(fid)
        if var is None:
            var = self.made[fid] = figure_var(self.ctx.view(fid))
        self[fid] = var
        return var


#: The relation kinds whose row a lean system folds (:func:`perfcheck._localise.system.build`).
_FOLDED_KINDS = frozenset({"sum", "balance", "compare"})


def _kept(relations: Sequence[_Relation], broken: Collection[str]) -> set[str] | None:
    """The figures a lean system of ``relations`` keeps as variables; None when it would fold none.

    Kept: every figure of a broken relation (a correction changes one of them), every
    figure two relations name, and every figure of a relation whose row is not folded
    (another kind, a weighted sum, a figure named twice).
    """
    keep: set[str] = set()
    seen: set[str] = set()
    twice: set[str] = set()
    for rel in relations:
        named = rel.operands()
        own = set(named)
        folds = rel.kind in _FOLDED_KINDS and getattr(rel, "weights", None) is None
        if rel.id in broken or not folds or len(own) < len(named):
            keep.update(own)
        twice.update(own & seen)
        seen.update(own)
    keep.update(twice)
    return keep if len(keep) < len(seen) else None


def _pieces(
    group: list[str], operands: Mapping[str, Sequence[str]], broken: Collection[str], max_figures: int
) -> list[list[str]]:
    """The parts of a group solved together: all of it, or each broken cluster with its neighbours.

    When the group names more than ``max_figures`` figures, each cluster of broken
    relations (connected by shared figures) is solved with the relations next to it. A
    correction changes figures of the broken relations, and a change reaches only the
    relations that name the figure, so a large group is localised neighbourhood by
    neighbourhood; the relations of each are in its localisation's ``relations``.
    """
    named: set[str] = set()
    for rel in group:
        named.update(operands[rel])
        if len(named) > max_figures:
            break  # too many: how many more does not matter
    if len(named) <= max_figures or not any(r in broken for r in group):
        return [group]
    # only the figures of broken relations: a neighbour is a relation naming one of them
    wanted = {figure for rel in group if rel in broken for figure in operands[rel]}
    by_figure: dict[str, list[str]] = {}
    for rel in group:
        if not wanted.isdisjoint(operands[rel]):
            for figure in wanted.intersection(operands[rel]):
                by_figure.setdefault(figure, []).append(rel)
    place = {rel: i for i, rel in enumerate(group)}
    pieces = []
    for cluster in connected([r for r in group if r in broken], operands):
        near = {other for rel in cluster for figure in operands[rel] for other in by_figure[figure]}
        pieces.append(sorted(near, key=place.__getitem__))  # in the group's order
    return pieces


@dataclass(frozen=True, slots=True)
class Piece:
    """Relations solved together: a group connected by shared figures, or a broken cluster and its neighbours.

    Attributes:
        relations: their ids, in document order.
        broken: whether the group holds a broken relation (else it is only searched for a conflict).
        figures: how many figures they name.
    """

    relations: tuple[str, ...]
    broken: bool
    figures: int


@dataclass(frozen=True, slots=True)
class Scope:
    """What a ledger's localisation solves, worked out from its relations' ids, kinds and figures alone.

    Attributes:
        pieces: the relations solved together, piece by piece.
        printed_twice: the figures an ``equal`` relation names (they weigh 2).
    """

    pieces: tuple[Piece, ...]
    printed_twice: frozenset[str]

    def solved(self, max_figures: int) -> set[str]:
        """The ids of the relations some piece solves (a piece naming too many figures is not solved)."""
        return {r for p in self.pieces if p.figures <= max_figures for r in p.relations}


def broken_relations(findings: Iterable[Finding]) -> set[str]:
    """The relations an error finding is about: those localisation explains."""
    return {f.relation for f in findings if f.severity is Severity.ERROR and f.relation is not None}


def scope(
    relations: Iterable[tuple[str, str, Sequence[str]]],
    broken: Collection[str],
    *,
    conflicts: bool,
    max_figures: int,
) -> Scope:
    """The pieces to solve, from each relation's ``(id, kind, figures)`` in document order.

    Every group connected by shared figures that holds a ``broken`` relation is solved
    (in pieces when it names more than ``max_figures`` figures); with ``conflicts``, a
    group of several relations none of which is broken is searched for a conflict.
    """
    operands: dict[str, Sequence[str]] = {}
    twice: set[str] = set()
    for rid, kind, figures in relations:
        operands[rid] = figures
        if kind == "equal":
            twice.update(figures)
    pieces: list[Piece] = []
    for group in connected(operands, operands):
        has_broken = any(r in broken for r in group)
        if has_broken or (conflicts and len(group) > 1):
            for piece in _pieces(group, operands, broken, max_figures):
                named = len({f for r in piece for f in operands[r]})
                pieces.append(Piece(tuple(piece), has_broken, named))
    return Scope(tuple(pieces), frozenset(twice))


def localise(  # noqa: PLR0913 - keyword-only options
    ledger: Ledger,
    rules: Sequence[Rule],
    findings: Iterable[Finding],
    *,
    locale: str = "en",
    conflicts: str | None = None,
    options: Options | None = None,
    within: Scope | None = None,
    integral: _Integral | None = None,
) -> list[Finding]:
    """The findings with which figures are likely wrong, and any conflicts between relations.

    Every error finding about a relation gains a :class:`Localisation`. With a
    ``conflicts`` code, a group of relations that each hold alone but cannot hold
    together is reported as a finding of that code, localised in turn. ``within`` is
    the scope worked out from the whole document when ``ledger`` holds only the
    relations it solves (and the figures they name); by default it is ``ledger``'s.

    Raises:
        SolverMissingError: highspy is not installed.
    """
    require_solver()  # needed or not for this ledger, missing it is said at once
    options = options or Options()
    findings = list(findings)
    broken = broken_relations(findings)
    if within is None:
        within = scope(
            ((r.id, r.kind, r.operands()) for r in ledger.relations),
            broken,
            conflicts=conflicts is not None,
            max_figures=options.max_figures,
        )
    ctx = Context(ledger, locale)
    by_id = {r.id: r for r in ledger.relations}
    checker = Checker(ctx, rules, by_id)
    if integral is not None:
        checker.known(integral.sides)
    run = _Run(
        ctx,
        checker=checker,
        weights=_weights(within.printed_twice, options.weights),
        options=options,
        broken=broken,
        conflicts=conflicts,
        relations=by_id,
        integral=integral,
    )
    for piece in within.pieces:
        run.piece(piece)
    found, extra, left_out = run.found, run.extra, run.left_out
    for rel in left_out:
        if rel in broken:
            found[rel] = Localisation(
                status="not_localised",
                relations=(rel,),
                left_out=(rel,),
                reason="the relation cannot be written as linear rows, so it was left out",
            )
    out = [
        f.model_copy(update={"localisation": found[f.relation]})
        if f.severity is Severity.ERROR and f.relation in found
        else f
        for f in findings
    ]
    return extra + out


def _has_float(node: object) -> bool:
    if isinstance(node, float):
        return True
    if isinstance(node, dict):
        return any(_has_float(v) for v in node.values())
    if isinstance(node, list):
        return any(_has_float(v) for v in node)
    return False


def localise_data(  # noqa: PLR0913 - keyword-only options
    document: bytes,
    rules: Sequence[Rule],
    findings: Iterable[Finding],
    *,
    locale: str = "en",
    conflicts: str | None = None,
    options: Options | None = None,
    limits: Limits = DEFAULT_LIMITS,
    parsed: dict[str, Any] | None = None,
    integers: Integers | None = None,
) -> list[Finding]:
    """As :func:`localise`, for a valid JSON document (the fast path's): findings in report order.

    Only the relations localisation solves, and the figures they name, are validated
    as a ledger (a fast-path document of ten thousand figures with a few broken sums
    is not built whole). A document that reads blanks as absent is validated whole:
    which figures exist depends on it. ``parsed`` is the document as the fast path
    parsed it (no float in it: the screen declines one), when it is at hand, and
    ``integers`` its plain figures as the screen read them: a piece that is a star of
    plain sums of them (:func:`~perfcheck._localise.closed.integer_star`) is worked out
    from them, and of its relations only those a correction may change are built.

    Raises:
        SolverMissingError: highspy is not installed.
        LedgerError: the document is not valid (never expected: it was checked).
    """
    options = options or Options()
    findings = list(findings)
    # The collector is paused while the whole document is parsed (as the fast path does):
    # a collection would walk its many objects again and again. Only the part solved is kept.
    collecting = gc.isenabled()
    gc.disable()
    try:
        ledger, within, order, integral = _solved_part(
            document,
            findings,
            rules,
            conflicts=conflicts is not None,
            options=options,
            limits=limits,
            parsed=parsed,
            integers=integers,
        )
    finally:
        if collecting:
            gc.enable()
    found = localise(
        ledger,
        rules,
        findings,
        locale=locale,
        conflicts=conflicts,
        options=options,
        within=within,
        integral=integral,
    )
    return in_report_order(found, order)


@dataclass(frozen=True, slots=True)
class _Integral:
    """What the screen's integers answered of a document's pieces before any model was built.

    Attributes:
        stars: the pieces that are stars of plain sums (:func:`~perfcheck._localise.closed.integer_star`),
            by their relations.
        operands: the figures each relation of those pieces names, for the relations not built.
        sides: each of their relations as two sides over integers (as :meth:`Checker.sides` has them).
        widen: every relation solved, and the figures they name, as a ledger: for a piece
            whose star raises a question only the models answer.
    """

    stars: dict[tuple[str, ...], Star]
    operands: dict[str, frozenset[str]]
    sides: dict[str, Sides]
    widen: Callable[[], Ledger]


def _sum_default(key: str) -> object:
    """A sum's field as its model has it when a plain sum (id, kind, total, parts) leaves it out."""
    return SumRelation.model_fields[key].default


def _integer_stars(
    pieces: Iterable[Piece],
    by_id: Mapping[str, dict[str, Any]],
    broken: Collection[str],
    integers: Integers,
    rules: Sequence[Rule],
) -> tuple[dict[tuple[str, ...], Star], set[str], dict[str, Sides]]:
    """The pieces that are stars of the screen's integers, the relations they need no model of, their sides.

    A branch is needed (as a model) when the figure it hangs on may be changed alone (its
    range is not empty): a suggestion for it is checked on the branch in Decimal. A star
    whose closed form would ask the solver for any figure (a range below zero), or that
    explains nothing, is left to the models, as is every piece that is not a star.
    """
    equal = compared([r for r in rules if "sum" in r.kinds], "sum", _sum_default)
    stars: dict[tuple[str, ...], Star] = {}
    branches: set[str] = set()
    needed: set[str] = set()
    known: dict[str, Sides | None] = {}
    for piece in pieces:
        centre = [r for r in piece.relations if r in broken]
        shape = None
        if piece.broken and len(centre) == 1:
            try:
                shape = integer_star(
                    [by_id[r] for r in piece.relations], centre, integers, known, equal=equal
                )
                ranges = {} if shape is None else {f: shape.span(f) for f in (*shape.left, *shape.right)}
            except NeedsSolver:
                shape = None
        if shape is None or all(found is None for found in ranges.values()):
            needed.update(piece.relations)  # solved with models
            continue
        stars[piece.relations] = shape
        for rid in piece.relations:
            if rid == shape.broken:
                continue
            sides = known[rid]
            assert sides is not None  # noqa: S101 - a branch of the star
            branches.add(rid)
            if any(ranges[f] is not None for f in sides.ends if f in ranges):
                needed.add(rid)  # in this piece; a category's row may be a branch of several
    return stars, branches - needed, {r: s for r, s in known.items() if s is not None}


def _named(relation: dict[str, Any]) -> list[str]:
    """The figures a relation of a valid document names (:func:`operands_of_data`), a plain sum's at once.

    A plain sum (an id, a kind, a total and parts: W1's every relation) names its total
    and parts, all figure ids in a valid document; in that order whatever the order of
    its keys (:func:`scope`'s groups and pieces do not depend on it).
    """
    if (
        relation.keys() == PLAIN_SUM
        and relation["kind"] == "sum"
        and type(parts := relation["parts"]) is list
    ):
        return [relation["total"], *parts]
    return operands_of_data(relation)


def _solved_part(  # noqa: PLR0913 - keyword-only options
    document: bytes,
    findings: list[Finding],
    rules: Sequence[Rule],
    *,
    conflicts: bool,
    options: Options,
    limits: Limits,
    parsed: dict[str, Any] | None = None,
    integers: Integers | None = None,
) -> tuple[Ledger, Scope | None, list[str], _Integral | None]:
    """The ledger of the relations solved (and the figures they name), its scope, every relation's id.

    A document that reads blanks as absent is validated whole, with no scope given:
    which figures exist depends on it. ``parsed``: the document, parsed by the fast path;
    ``integers``: its plain figures as the screen read them, when the relations of the
    stars they answer (:func:`_integer_stars`) are left out of the ledger, but for those a
    correction may change, and what they answered is given with it.
    """
    data = orjson.loads(document) if parsed is None else parsed
    raw = [r for r in data.get("relations", ()) if isinstance(r, dict)]
    order = [str(r.get("id")) for r in raw]
    if "blanks" in data:
        return validate(parse_json(document, limits=limits), limits=limits), None, order, None
    broken = broken_relations(findings)
    within = scope(
        ((str(r.get("id")), str(r.get("kind")), _named(r)) for r in raw),
        broken,
        conflicts=conflicts,
        max_figures=options.max_figures,
    )
    solved = within.solved(options.max_figures)
    relations = [r for r in raw if r.get("id") in solved]
    part = {k: v for k, v in data.items() if k not in ("figures", "relations")}
    figures_of = data.get("figures", ())
    if parsed is None and _has_float([part, figures_of, relations]):
        # a JSON number with a fraction is read exactly, as a Decimal (the fast path declines one)
        exact = parse_json(document, limits=limits)
        relations = [r for r in exact["relations"] if isinstance(r, dict) and r.get("id") in solved]
        figures_of = exact["figures"]
        part = {k: v for k, v in exact.items() if k not in ("figures", "relations")}
        integers = None

    # the screen's ids, one per figure it read (each a dict with an id), pick the figures named
    ids = integers.ids if integers is not None and len(integers.ids) == len(figures_of) else None

    def built(relations: list[dict[str, Any]]) -> Ledger:
        named = {f for r in relations for f in operands_of_data(r)}
        if ids is not None:
            figures = list(compress(figures_of, map(named.__contains__, ids)))
        else:
            figures = [f for f in figures_of if isinstance(f, dict) and f.get("id") in named]
        return validate({**part, "figures": figures, "relations": relations}, limits=limits)

    if integers is None:
        return built(relations), within, order, None
    by_id = {r["id"]: r for r in relations}
    solved_pieces = [p for p in within.pieces if p.figures <= options.max_figures]
    stars, unbuilt, sides = _integer_stars(solved_pieces, by_id, broken, integers, rules)
    if not unbuilt:
        return built(relations), within, order, None
    operands = {r: frozenset(operands_of_data(by_id[r])) for r in unbuilt}
    integral = _Integral(stars, operands, sides, lambda: built(relations))
    return built([r for r in relations if r["id"] not in unbuilt]), within, order, integral


__all__ = [
    "Options",
    "Piece",
    "Scope",
    "SolverMissingError",
    "localise",
    "localise_data",
    "require_solver",
    "scope",
]
