"""The rules' exact checks on the document as parsed: broken sums and balances judged without models.

The column screen (:mod:`perfcheck._engine.fast`) finds a ``sum`` or ``balance`` of plain
figures broken from their integers. When every selected rule judging its kind can run
on parsed data (its :attr:`~perfcheck._engine.screen.Screen.plain`), the relation is not
escalated to the full path: each rule's own exact check runs here, on a
:class:`PlainContext` whose figures are views of the parsed figures (the same
:class:`~perfcheck._engine.compile.FigureView` the full path builds from a ledger), and
the finding it yields is compact data (:class:`~perfcheck._findings.plain.PlainFinding`)
with the same values and message as the full path's. No ledger is validated and no
model is built; the command line writes these findings directly.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from perfcheck._core.values import parse_value
from perfcheck._engine.compile import view_figure
from perfcheck._engine.judging import Judged, Judging, Judgment
from perfcheck._findings.plain import PlainFinding, PlainLocation, PlainWording, Words

if TYPE_CHECKING:
    from perfcheck._engine.compile import FigureView
    from perfcheck._engine.context import Context
    from perfcheck._engine.registry import Rule
    from perfcheck._ledger.document import Figure, Ledger

__all__ = ["PlainContext", "PlainFigure", "PlainRelation", "word_relations"]


class PlainFigure(NamedTuple):
    """A plain figure as parsed (an id, a plain value, a label): what a view reads of a figure."""

    id: str
    value: str
    label: str | None = None
    unit: None = None
    decimals: None = None
    exact: None = None
    qualifier: None = None
    rounding: None = None
    source: None = None


class _Document(NamedTuple):
    """What a view reads of the document: its unit and rounding."""

    unit: str | None
    rounding: str


class PlainRelation:
    """A ``sum`` or ``balance`` as parsed, read as a rule reads the relation's model."""

    __slots__ = ("data",)

    basis = "stated"
    weights = None

    def __init__(self, data: dict[str, Any]) -> None:
        """Wrap the parsed relation."""
        self.data = data

    @property
    def id(self) -> str:
        """The relation's id."""
        return cast("str", self.data["id"])

    @property
    def kind(self) -> str:
        """``sum`` or ``balance``."""
        return cast("str", self.data["kind"])

    @property
    def total(self) -> str:
        """A sum's total."""
        return cast("str", self.data["total"])

    @property
    def parts(self) -> list[str]:
        """A sum's parts."""
        return cast("list[str]", self.data["parts"])

    @property
    def exhaustive(self) -> bool:
        """Whether a sum's parts are all of its total (the default)."""
        return cast("bool", self.data.get("exhaustive", True))

    @property
    def inflows(self) -> list[str]:
        """A balance's inflows."""
        return cast("list[str]", self.data["inflows"])

    @property
    def outflows(self) -> list[str]:
        """A balance's outflows."""
        return cast("list[str]", self.data["outflows"])

    def operands(self) -> list[str]:
        """Ids of the figures the relation names, in the model's order."""
        if self.kind == "sum":
            return [self.total, *self.parts]
        return [*self.inflows, *self.outflows]


class PlainContext(Judging[PlainFinding, Words]):
    """Plain figures prepared for the rules' exact checks: findings and messages as compact data.

    Attributes:
        judged: the ids of the relations some rule judged.
    """

    def __init__(self, views: dict[str, FigureView], locale: str, number_locale: str) -> None:
        """Hold the figures' views; findings in ``locale``, numbers as ``number_locale`` prints them."""
        super().__init__(views, PlainWording(locale), number_locale)
        self.judged: set[str] = set()

    def prints_unit(self, figure_id: str) -> bool:
        """A plain figure's value prints no unit."""
        del figure_id
        return False

    def locations(self, ids: Sequence[str], document: str | None = None) -> tuple[PlainLocation, ...]:
        """Where each figure was printed: its id, label and value."""
        del document
        views = self.views
        return tuple(
            PlainLocation(fid, views[fid].figure.label, views[fid].figure.value) for fid in dict.fromkeys(ids)
        )

    def finding(self, **fields: Any) -> PlainFinding:  # noqa: ANN401 - a finding's fields
        """A finding as compact data."""
        return PlainFinding(**fields)

    def record(self, rule: Rule, relation: Judged, judgment: Judgment) -> None:
        """Count the relation as judged (its outcome is worked out again when a result's checks are asked)."""
        del rule, judgment
        self.judged.add(relation.id)

    def dimension_problem(self, relation: object) -> None:
        """Plain figures are all in the document's unit: nothing keeps them from being compared."""
        del relation

    def unjudged(self, relation: object) -> list[str]:
        """Plain figures have no digits beyond their decimals."""
        del relation
        return []


def word_relations(  # noqa: PLR0913 - the document's parts
    relations: Iterable[dict[str, Any]],
    rules: dict[str, tuple[Rule, ...]],
    figures: Iterable[dict[str, Any]],
    *,
    unit: str | None,
    locale: str,
    number_locale: str,
) -> tuple[list[PlainFinding], int]:
    """The selected rules' exact checks on broken relations of plain figures, in document order.

    ``rules`` are the rules judging each kind, in selection order; ``figures`` the parsed
    figures the relations name. Returns the findings in report order (as the full path
    orders them: errors first, then by relation, then by code) and how many relations
    some rule judged. A rule that raises raises here: the caller sends the relations to
    the full path, which reports the crash.
    """
    document = _Document(unit, "nearest")
    views: dict[str, FigureView] = {}
    for f in figures:
        fig = PlainFigure(f["id"], f["value"], f.get("label"))
        parsed = parse_value(fig.value, number_locale, default_unit=unit)
        views[fig.id] = view_figure(cast("Ledger", document), cast("Figure", fig), parsed)
    ctx = PlainContext(views, locale, number_locale)
    order: dict[str, int] = {}
    by_kind: dict[str, list[PlainRelation]] = {}
    for rel in relations:
        order[rel["id"]] = len(order)
        by_kind.setdefault(rel["kind"], []).append(PlainRelation(rel))
    found: list[PlainFinding] = []
    ran: set[int] = set()
    for rule in (r for kind in sorted(by_kind) for r in rules[kind]):
        if id(rule) in ran:
            continue  # a rule judging both kinds
        ran.add(id(rule))
        for kind in sorted(rule.kinds):
            for judged in by_kind.get(kind, ()):
                found.extend(cast("Iterable[PlainFinding]", rule.check(cast("Context", ctx), judged)))
    severity = {"error": 0, "warning": 1, "info": 2}
    found.sort(key=lambda f: (severity[f.severity], order[f.relation or ""], f.code))
    return found, len(ctx.judged)
