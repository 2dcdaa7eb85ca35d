"""The rules' exact checks on the document as parsed: broken relations judged without models.

The column screen (:mod:`perfcheck._engine.fast`) finds a ``sum``, ``balance``, ``share``
or ``change`` of plain figures (a stated percentage printed with its ``%``) broken from
their integers. When every selected rule judging its kind can run
on parsed data (its :attr:`~perfcheck._engine.screen.Screen.plain`), the relation is not
escalated to the full path: each rule's own exact check runs here, on a
:class:`PlainContext` whose figures are views of the parsed figures (the same
:class:`~perfcheck._engine.compile.FigureView` the full path builds from a ledger), and
the finding it yields is compact data (:class:`~perfcheck._findings.plain.PlainFinding`)
with the same values and message as the full path's. No ledger is validated and no
model is built; the command line writes these findings directly.

A ``sum`` or ``balance`` naming a figure the integers cannot stand for (a qualified value,
``约339人次``, ``逾130``), or one printed with its unit or given as a JSON number, in one
unit with the others, is judged here too, whether it holds or not: :func:`plain_view`
reads such a figure's view from the parsed figure as the ledger's model reads it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol, TypeVar, cast

from perfcheck._core.values import parse_value
from perfcheck._engine.compile import view_figure
from perfcheck._engine.judging import Judged, Judging, Judgment
from perfcheck._findings.plain import PlainFinding, PlainLocation, PlainWording, Words

if TYPE_CHECKING:
    from perfcheck._engine.compile import FigureView
    from perfcheck._engine.context import Context
    from perfcheck._engine.registry import Rule
    from perfcheck._ledger.document import Figure, Ledger

__all__ = [
    "PlainContext",
    "PlainDocument",
    "PlainFigure",
    "PlainRelation",
    "judge_document",
    "plain_view",
    "report_order",
    "word_relations",
]

#: Findings come errors first, then warnings, then information.
_SEVERITY: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


class PlainFigure(NamedTuple):
    """A figure as parsed (an id, a value, a label, a concept, an own unit): what a view reads of a figure."""

    id: str
    value: str
    label: str | None = None
    unit: str | None = None
    concept: str | None = None
    decimals: None = None
    exact: None = None
    qualifier: None = None
    rounding: None = None
    source: None = None


class PlainDocument(NamedTuple):
    """What a view reads of the document: its unit and rounding; what a document rule reads: its relations."""

    unit: str | None
    rounding: str
    relations: Sequence[PlainRelation] = ()


def plain_view(figure: Mapping[str, Any], document: PlainDocument, locale: str) -> tuple[FigureView, bool]:
    """A figure's view from the figure as parsed, and whether its printed value carries its unit.

    The figure has no key but an id, a value (text, or a JSON integer), a label, a concept
    and a unit, all valid as the ledger's model reads them; its value is read as the
    model reads it (in ``locale``, ``10000余份`` and ``约339人次`` with their qualifiers,
    ``123.45万元`` with its unit), so the view is the one the full path builds.

    Raises:
        ValueFormatError: the value cannot be read (the model refuses it too).

    >>> document = PlainDocument("万元", "nearest")
    >>> view, with_unit = plain_view({"id": "v", "value": "约339人次"}, document, "zh_CN")
    >>> view.qualifier, view.unit.symbol, str(view.interval.lo), with_unit
    ('about', '人次', '338.5', True)
    """
    value = figure["value"]
    text = value if type(value) is str else str(value)
    own = figure.get("unit")
    fig = PlainFigure(figure["id"], text, figure.get("label"), own, figure.get("concept"))
    parsed = parse_value(
        value if type(value) is str else Decimal(text), locale, unit=own, default_unit=document.unit
    )
    return view_figure(cast("Ledger", document), cast("Figure", fig), parsed), parsed.unit is not None


class PlainRelation:
    """A ``sum``, ``balance``, ``share`` or ``change`` as parsed, read as a rule reads its model."""

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
        """``sum``, ``balance``, ``share`` or ``change``."""
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

    @property
    def part(self) -> str:
        """A share's part."""
        return cast("str", self.data["part"])

    @property
    def wholes(self) -> list[str]:
        """A share's whole as a list of ids."""
        whole = self.data["whole"]
        return [whole] if type(whole) is str else cast("list[str]", whole)

    @property
    def stated(self) -> str:
        """A share's stated percentage."""
        return cast("str", self.data["stated"])

    @property
    def current(self) -> str:
        """A change's figure of this year."""
        return cast("str", self.data["current"])

    @property
    def prior(self) -> str | None:
        """A change's figure of last year."""
        return cast("str | None", self.data.get("prior"))

    @property
    def delta(self) -> str | None:
        """A change's amount."""
        return cast("str | None", self.data.get("delta"))

    @property
    def percent(self) -> str | None:
        """A change's percent."""
        return cast("str | None", self.data.get("percent"))

    @property
    def direction(self) -> str:
        """A change's direction: ``increase`` or ``decrease``."""
        return cast("str", self.data["direction"])

    def operands(self) -> list[str]:
        """Ids of the figures the relation names, in the model's order."""
        kind = self.kind
        if kind == "sum":
            return [self.total, *self.parts]
        if kind == "balance":
            return [*self.inflows, *self.outflows]
        if kind == "change":
            return [x for x in (self.current, self.prior, self.delta, self.percent) if x is not None]
        return [self.part, *self.wholes, self.stated]


class PlainContext(Judging[PlainFinding, Words]):
    """Plain figures prepared for the rules' exact checks: findings and messages as compact data.

    Attributes:
        judged: the ids of the relations some rule judged.
        ledger: what a document rule reads of the document: its relations (those it may
            report on, as parsed).
    """

    def __init__(
        self,
        views: dict[str, FigureView],
        locale: str,
        number_locale: str,
        with_unit: frozenset[str] = frozenset(),
        ledger: PlainDocument | None = None,
    ) -> None:
        """Hold the figures' views; findings in ``locale``, numbers as ``number_locale`` prints them.

        ``with_unit`` are the figures whose printed value carries its unit (a percentage's ``%``).
        """
        super().__init__(views, PlainWording(locale), number_locale)
        self.judged: set[str] = set()
        self.with_unit = with_unit
        self.ledger = ledger

    def prints_unit(self, figure_id: str) -> bool:
        """Whether a figure's printed value carries its unit: a percentage's does, a plain amount's not."""
        return figure_id in self.with_unit

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

    def record_not_checkable(self, rule: Rule, relation: Judged) -> None:
        """Count the relation as judged (it could not be: its outcome is worked out again when asked)."""
        del rule
        self.judged.add(relation.id)

    def record_check(self, **fields: Any) -> None:  # noqa: ANN401 - a relation check's fields
        """Count the relation as judged (its outcome is worked out again when a result's checks are asked)."""
        self.judged.add(fields["relation"])

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
    ctx = _context(PlainDocument(unit, "nearest"), figures, locale, number_locale)
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
    return report_order(found, order), len(ctx.judged)


def judge_document(  # noqa: PLR0913 - the document's parts
    rule: Rule,
    relations: Iterable[dict[str, Any]],
    figures: Iterable[dict[str, Any]],
    *,
    unit: str | None,
    locale: str,
    number_locale: str,
) -> list[PlainFinding]:
    """A document rule's check on the relations it may report on, as parsed, with the figures they name.

    The rule reads ``ctx.ledger.relations`` (telling them apart by their ``kind``) and the
    figures' views. A rule that raises raises here: the caller sends the relations to the
    full path, which reports the crash.
    """
    document = PlainDocument(unit, "nearest", [PlainRelation(r) for r in relations])
    ctx = _context(document, figures, locale, number_locale)
    return list(cast("Iterable[PlainFinding]", rule.check(cast("Context", ctx), None)))


class _Ordered(Protocol):
    """What ordering a finding reads of it: a compact finding or a model."""

    @property
    def severity(self) -> str: ...
    @property
    def relation(self) -> str | None: ...
    @property
    def code(self) -> str: ...


_Finding = TypeVar("_Finding", bound=_Ordered)


def report_order(findings: Iterable[_Finding], order: Mapping[str, int]) -> list[_Finding]:
    """Findings as the full path orders them: errors first, then by relation (``order``), then by code.

    A finding on no relation (a document rule's) comes before those on one; ties keep
    their order.
    """
    return sorted(findings, key=lambda f: (_SEVERITY[f.severity], order.get(f.relation or "", -1), f.code))


def _context(
    document: PlainDocument, figures: Iterable[dict[str, Any]], locale: str, number_locale: str
) -> PlainContext:
    """The plain figures as views, for the rules' exact checks."""
    views: dict[str, FigureView] = {}
    with_unit: set[str] = set()
    for f in figures:
        views[f["id"]], printed = plain_view(f, document, number_locale)
        if printed:
            with_unit.add(f["id"])
    return PlainContext(views, locale, number_locale, frozenset(with_unit), document)
