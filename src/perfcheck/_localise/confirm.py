"""The exact checks every proposal passes before it is reported.

A correction is confirmed when the rules' own exact interval checks (in Decimal,
through :class:`~perfcheck._engine.context.Context`) find no error on any relation of
its component, with the corrected figures printed as proposed. A conflict between
relations that each hold alone is confirmed when exact interval propagation over
their rows, in fractions, empties some figure's interval: a proof that no values
within the printed rounding satisfy them all.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal

from perfcheck._engine.compile import FigureView, figure_interval
from perfcheck._engine.context import Context
from perfcheck._engine.registry import Rule
from perfcheck._findings.finding import Severity
from perfcheck._ledger.document import _Relation
from perfcheck._localise.system import System, propagate_printed

#: Rounds of propagation before giving up on a proof.
ROUNDS = 60


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

    def holds(self, relation_ids: Iterable[str], printed: Mapping[str, tuple[Decimal, int]]) -> bool:
        """Whether no rule finds an error on the relations with ``printed`` figures as given.

        ``printed`` maps a figure id to the value and the places it is taken as printed with.
        """
        ctx = self.ctx
        saved = {fid: ctx.views[fid] for fid in printed}
        checks = len(ctx.checks)
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
            ctx.views.update(saved)
            del ctx.checks[checks:]


def refuted(system: System) -> bool:
    """Whether exact propagation proves that the rows cannot all hold with every figure as printed.

    Only the rows a figure keeping its printed value implies are used (the products'
    envelopes are for changed figures), so ``True`` is a proof; ``False`` proves nothing.
    """
    return propagate_printed(system, ROUNDS)[0] is None
