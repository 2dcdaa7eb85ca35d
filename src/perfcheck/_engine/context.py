"""What rules see: the ledger's figures as intervals, and one way to turn a judgment into findings."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from perfcheck._core.i18n import N_
from perfcheck._core.interval import Interval
from perfcheck._core.units import COUNT, PERCENT, POINTS, Dimension, Kind, lookup_unit
from perfcheck._engine.compile import view_ledger
from perfcheck._engine.judging import (
    EXTRA_DIGITS,
    Judged,
    Judging,
    Judgment,
    fmt,
    near,
    printed_places,
    rescale,
    shown_places,
    trimmed,
)
from perfcheck._engine.registry import Rule
from perfcheck._findings.finding import Finding, Location, RelationCheck
from perfcheck._findings.message import Message, Wording
from perfcheck._ledger.document import (
    ChangeRelation,
    FormulaRelation,
    Ledger,
    ProductRelation,
    RatioRelation,
    ShareRelation,
    _Relation,
)

__all__ = [
    "EXTRA_DIGITS",
    "Context",
    "Judgment",
    "fmt",
    "near",
    "printed_places",
    "shown_places",
    "trimmed",
]


class Context(Judging[Finding, Message]):
    """A ledger prepared for checking: findings and messages as models.

    Attributes:
        ledger: the document.
        views: every figure as a :class:`~perfcheck._engine.compile.FigureView`, by id.
        checks: the outcome of every relation judged so far.
    """

    def __init__(
        self, ledger: Ledger, locale: str = "en", *, precision: Mapping[str, Mapping[int, int]] | None = None
    ) -> None:
        """Prepare ``ledger``; findings are shown in ``locale`` (``en`` or ``zh_CN``) unless asked.

        ``precision`` is :attr:`precision` counted over a larger document ``ledger`` is
        part of (the fast path's escalated part: the screen counted the whole).
        """
        super().__init__(view_ledger(ledger), Wording(locale), ledger.locale)
        self._precision = precision
        self.ledger = ledger
        #: figures with more digits than their decimals allow, in document order: not judged
        self.excess: tuple[str, ...] = tuple(fid for fid, view in self.views.items() if view.excess)
        self.checks: list[RelationCheck] = []
        self._dimension_problems: dict[str, Message | None] = {}
        doc_unit = ledger.unit
        self.doc_unit = lookup_unit(doc_unit) if doc_unit else None

    # -- figures -----------------------------------------------------------

    @property
    def precision(self) -> Mapping[str, Mapping[int, int]]:
        """For each amount unit (its symbol), how many rounded amounts show each number of decimals.

        Rounded: not exact and not qualified. Counted over the whole document, also when
        only part of it is checked here.
        """
        if self._precision is None:
            counts: dict[str, dict[int, int]] = {}
            for view in self.views.values():
                if view.unit.kind is Kind.AMOUNT and not view.exact and view.qualifier is None:
                    mine = counts.setdefault(view.unit.symbol, {})
                    mine[view.decimals] = mine.get(view.decimals, 0) + 1
            self._precision = counts
        return self._precision

    def prints_unit(self, figure_id: str) -> bool:
        """Whether a figure's printed value carries its unit (``3.01万元``)."""
        return self.ledger.parsed(figure_id).unit is not None

    def locations(self, ids: Sequence[str], document: str | None = None) -> tuple[Location, ...]:
        """Where each figure was printed (in ``document``, when a finding names two)."""
        out = []
        for fid in dict.fromkeys(ids):
            fig = self.views[fid].figure
            out.append(
                Location(figure=fid, label=fig.label, value=fig.value, source=fig.source, document=document)
            )
        return tuple(out)

    def finding(self, **fields: Any) -> Finding:  # noqa: ANN401 - a finding's fields
        """A finding model of these fields."""
        return Finding(**fields)

    def record(self, rule: Rule, relation: Judged, judgment: Judgment) -> None:
        """Keep a judgment for the reconciliation (:attr:`checks`)."""
        view = self.views[judgment.subject]
        self.checks.append(
            RelationCheck(
                relation=relation.id,
                code=rule.code,
                status="holds" if judgment.holds else "broken",
                subject=judgment.subject,
                actual=view.number,
                expected=judgment.expected,
                difference=judgment.difference,
                allowed=(judgment.allowed.lo, judgment.allowed.hi),
                unit=view.unit.symbol,
            )
        )

    def unjudged(self, relation: _Relation) -> list[str]:
        """The relation's figures that have more digits than their decimals allow (none: it is judged).

        As XBRL Calculations 1.1 has it, such a figure is an error of its own, and the
        relations it takes part in are not judged; every other relation is.
        """
        if not self.excess:
            return []
        return [fid for fid in dict.fromkeys(relation.operands()) if self.views[fid].excess]

    def dimension(self, figure_id: str) -> Dimension:
        """A figure's dimension."""
        return self.views[figure_id].unit.dimension

    # -- units -------------------------------------------------------------

    def dimension_problem(self, relation: _Relation) -> Message | None:
        """Why the relation's operands cannot be compared, or None when they can."""
        rid = relation.id
        if rid not in self._dimension_problems:
            self._dimension_problems[rid] = self._find_dimension_problem(relation)
        return self._dimension_problems[rid]

    def dimension_name(self, dim: Dimension) -> Message:
        """A dimension in the message locale (``amount in CNY``, ``percent``)."""
        if dim.kind is Kind.AMOUNT:
            return self.t(N_("amount in {currency}"), currency=dim.currency)
        if dim.kind is Kind.MEASURE:
            return self.t.word(_QUANTITY_WORDS[dim.quantity])
        return self.t.word(_DIMENSION_WORDS[dim.kind])

    def _mismatch(self, ids: Sequence[str]) -> Message | None:
        dims = {i: self.dimension(i) for i in ids}
        first = dims[ids[0]]
        for fid, dim in dims.items():
            if dim != first:
                return self.t(
                    N_("{a} ({a_id}) is {a_dim} but {b} ({b_id}) is {b_dim}; they cannot be compared"),
                    a=self.label(ids[0]),
                    a_id=ids[0],
                    a_dim=self.dimension_name(first),
                    b=self.label(fid),
                    b_id=fid,
                    b_dim=self.dimension_name(dim),
                )
        return None

    def _need(self, fid: str, dim: Dimension, what: str) -> Message | None:
        if self.dimension(fid) != dim:
            return self.t(
                what,
                label=self.label(fid),
                id=fid,
                want=self.dimension_name(dim),
                got=self.dimension_name(self.dimension(fid)),
            )
        return None

    def _find_dimension_problem(self, rel: _Relation) -> Message | None:  # noqa: PLR0911
        if isinstance(rel, ShareRelation):
            return self._mismatch([rel.part, *rel.wholes]) or self._need(
                rel.stated, PERCENT, N_("the stated share {label} ({id}) must be in {want}, not {got}")
            )
        if isinstance(rel, RatioRelation):
            ids = [rel.numerator] + ([rel.denominator] if rel.denominator else [])
            return self._mismatch(ids) or self._need(
                rel.stated, PERCENT, N_("the stated rate {label} ({id}) must be in {want}, not {got}")
            )
        if isinstance(rel, ChangeRelation):
            return self._change_dimension_problem(rel)
        if isinstance(rel, ProductRelation):
            return self._product_dimension_problem(rel)
        if isinstance(rel, FormulaRelation):
            currencies = {
                self.dimension(i).currency for i in rel.operands() if self.dimension(i).kind is Kind.AMOUNT
            }
            if len(currencies) > 1:
                return self.t(
                    N_("the formula mixes amounts in {currencies}"),
                    currencies=self.t.join(sorted(currencies)),
                )
            return None
        return self._mismatch(rel.operands())

    def _change_dimension_problem(self, rel: ChangeRelation) -> Message | None:
        levels = [x for x in (rel.current, rel.prior) if x]
        problem = self._mismatch(levels)
        if problem:
            return problem
        if rel.delta:
            cur = self.dimension(rel.current)
            want = POINTS if cur == PERCENT else cur
            if cur == PERCENT:
                what = N_(
                    "the change {label} ({id}) must be in {want}, not {got}: "
                    "a change of a percentage is printed in 百分点"
                )
            else:
                what = N_("the change {label} ({id}) must be in {want}, not {got}")
            problem = self._need(rel.delta, want, what)
            if problem:
                return problem
        if rel.percent:
            return self._need(
                rel.percent, PERCENT, N_("the percent change {label} ({id}) must be in {want}, not {got}")
            )
        return None

    def _product_dimension_problem(self, rel: ProductRelation) -> Message | None:
        dimensionless = {COUNT, PERCENT}
        carried = [f for f in rel.factors if self.dimension(f) not in dimensionless]
        if len(carried) > 1:
            return self.t(
                N_("{factors}: a product may carry at most one unit"), factors=self.labels(carried, " × ")
            )
        total = self.dimension(rel.total)
        if carried:
            return self._mismatch([rel.total, carried[0]])
        if total not in dimensionless:
            return self.t(
                N_("{total} ({id}) is {dim} but its factors are plain numbers"),
                total=self.label(rel.total),
                id=rel.total,
                dim=self.dimension_name(total),
            )
        return None

    def formula_interval(self, figure_id: str) -> Interval:
        """A figure's interval as a formula sees it: amounts in the document's unit."""
        view = self.views[figure_id]
        doc = self.doc_unit
        if view.unit.kind is Kind.AMOUNT and doc is not None and doc.dimension == view.unit.dimension:
            if doc.factor == view.unit.factor:
                return view.interval
            return rescale(view.base, doc.factor)
        return view.base

    # -- judgments: deciding and recording, then wording -----------------------

    def record_not_checkable(self, rule: Rule, relation: Judged) -> None:
        """Keep, for the reconciliation (:attr:`checks`), that a relation could not be judged."""
        self.checks.append(RelationCheck(relation=relation.id, code=rule.code, status="not_checkable"))

    def record_check(self, **fields: Any) -> None:  # noqa: ANN401 - a relation check's fields
        """Keep, for the reconciliation (:attr:`checks`), an outcome a rule worked out itself."""
        self.checks.append(RelationCheck(**fields))


_DIMENSION_WORDS = {
    Kind.PERCENT: N_("percent"),
    Kind.POINTS: N_("percentage points"),
    Kind.COUNT: N_("count"),
}
#: The physical quantities a measure's dimension names (perfcheck._core.units.MEASURES).
_QUANTITY_WORDS = {
    "area": N_("area"),
    "area in 亩": N_("area in 亩"),
    "length": N_("length"),
    "volume": N_("volume"),
    "mass": N_("mass"),
    "mass in 斤": N_("mass in 斤"),
}


def _sep(unit: str) -> str:
    return unit if unit == "%" else f" {unit}"
