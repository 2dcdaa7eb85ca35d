"""What rules see: the ledger's figures as intervals, and one way to turn a judgment into findings."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Decimal

from perfcheck._core.i18n import N_
from perfcheck._core.interval import DOWN, NEAR, UP, Interval
from perfcheck._core.units import COUNT, PERCENT, POINTS, Dimension, Kind, Unit, lookup_unit
from perfcheck._engine.compile import FigureView, view_ledger
from perfcheck._engine.format import format_interval, format_number, format_value, unit_label
from perfcheck._engine.registry import Rule
from perfcheck._findings.finding import Finding, Location, RelationCheck, Severity, Verdict
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


def fmt(value: Decimal, places: int | None = None, rounding: str = ROUND_HALF_EVEN) -> str:
    """A decimal as plain text, optionally to ``places`` decimals; infinities as ``∞``.

    >>> fmt(Decimal("134.5650"), 3), fmt(Decimal("-Infinity"))
    ('134.565', '-∞')
    """
    if value.is_infinite():
        return "∞" if value > 0 else "-∞"
    if places is not None:
        places = max(places, 0)
        value = value.quantize(Decimal(1).scaleb(-places), rounding=rounding, context=NEAR)
    text = f"{value:f}"
    return "0" if text in ("-0", "-0.0") else text


def shown_places(actual: Decimal | None, allowed: tuple[Decimal, Decimal] | None) -> int | None:
    """How many decimals to show a check's numbers with: the figure's own, and enough to see the gap.

    At least one more than the stated figure prints, and more while the allowed
    interval, rounded outward to that many, would take in the figure when it leaves it
    out (or the other way round), or would be wider by more than a tenth of its width;
    None (show them exactly) when there is no stated figure or interval, or when six
    more digits do not do.

    >>> shown_places(Decimal("97.87"), (Decimal("97.76185276"), Decimal("97.80481666")))
    3
    >>> shown_places(Decimal("97.81"), (Decimal("97.76185276"), Decimal("97.80999")))
    5
    >>> shown_places(Decimal("82.67"), (Decimal("83.015"), Decimal("83.045")))
    3
    >>> shown_places(Decimal("7"), (Decimal("0.69465"), Decimal("0.70535")))
    4
    """
    if actual is None or allowed is None or not actual.is_finite():
        return None
    own = printed_places(actual)
    lo, hi = allowed
    inside = lo <= actual <= hi
    slack = (hi - lo) / 10 if lo.is_finite() and hi.is_finite() else None
    for extra in range(1, EXTRA_DIGITS + 1):
        places = own + extra
        shown_lo = trimmed(lo, places, ROUND_FLOOR) if lo.is_finite() else lo
        shown_hi = trimmed(hi, places, ROUND_CEILING) if hi.is_finite() else hi
        wider = (lo - shown_lo if lo.is_finite() else 0) + (shown_hi - hi if hi.is_finite() else 0)
        if (shown_lo <= actual <= shown_hi) == inside and (slack is None or wider <= slack):
            return places
    return None


def near(value: Decimal, places: int, extra: int = 2) -> Decimal:
    """A computed value to ``places`` decimals, or up to ``extra`` more where they are not zero.

    >>> near(Decimal("134.5600"), 2), near(Decimal("15.938216"), 2), near(Decimal("7"), 0)
    (Decimal('134.56'), Decimal('15.9382'), Decimal('7'))
    """
    if not value.is_finite():
        return value
    places = max(places, 0)
    value = value.quantize(Decimal(1).scaleb(-(places + extra)), rounding=ROUND_HALF_EVEN, context=NEAR)
    while True:
        exponent = value.as_tuple().exponent
        assert isinstance(exponent, int)  # noqa: S101 - finite
        if -exponent <= places or value.as_tuple().digits[-1] != 0:
            return value
        value = value.quantize(Decimal(1).scaleb(exponent + 1), context=NEAR)


class Context:
    """A ledger prepared for checking.

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
        self._precision = precision
        self.t = Wording(locale)
        self.locale = self.t.locale
        self.ledger = ledger
        self.views: dict[str, FigureView] = view_ledger(ledger)
        #: figures with more digits than their decimals allow, in document order: not judged
        self.excess: tuple[str, ...] = tuple(fid for fid, view in self.views.items() if view.excess)
        self.checks: list[RelationCheck] = []
        #: only verdicts are asked (:meth:`judge`): a judgment that holds is neither recorded nor worded
        self.verdicts_only = False
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

    def view(self, figure_id: str) -> FigureView:
        """The view of one figure."""
        return self.views[figure_id]

    def base(self, figure_id: str) -> Interval:
        """A figure's interval in its dimension's base unit."""
        return self.views[figure_id].base

    def point(self, figure_id: str) -> Decimal:
        """A figure's printed value in its dimension's base unit."""
        view = self.views[figure_id]
        return view.number if view.unit.factor == 1 else NEAR.multiply(view.number, view.unit.factor)

    # -- numbers in messages: babel, the document's locale, the figures' precision --

    def printed(self, figure_id: str) -> str:
        """A figure as printed, with its unit when the printed text does not carry one."""
        view = self.views[figure_id]
        text = view.figure.value
        return text if self.ledger.parsed(figure_id).unit is not None else text + unit_label(view.unit)

    def number(self, value: Decimal, places: int | None = None, rounding: str = ROUND_HALF_EVEN) -> str:
        """A computed number in the document's locale."""
        return format_number(value, self.ledger.locale, decimals=places, rounding=rounding)

    def amount(
        self, value: Decimal, unit: Unit, places: int | None = None, rounding: str = ROUND_HALF_EVEN
    ) -> str:
        """A computed value in ``unit``, in the document's locale."""
        return format_value(value, unit, self.ledger.locale, decimals=places, rounding=rounding)

    def interval(self, interval: Interval, unit: Unit | None = None) -> str:
        """An interval in the document's locale, its bounds exactly as they are (``[3.67, 3.69]``)."""
        return format_interval(interval, unit, self.ledger.locale)

    def label(self, figure_id: str) -> str:
        """How to name a figure in a message: its label, else its id."""
        fig = self.views[figure_id].figure
        return fig.label or fig.id

    def labels(self, ids: Sequence[str], joiner: str = " + ") -> str:
        """Several figures' names, joined."""
        return joiner.join(self.label(i) for i in ids)

    def locations(self, ids: Sequence[str], document: str | None = None) -> tuple[Location, ...]:
        """Where each figure was printed (in ``document``, when a finding names two)."""
        out = []
        for fid in dict.fromkeys(ids):
            fig = self.views[fid].figure
            out.append(
                Location(figure=fid, label=fig.label, value=fig.value, source=fig.source, document=document)
            )
        return tuple(out)

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
            return _rescale(view.base, doc.factor)
        return view.base

    # -- judgments: deciding and recording, then wording -----------------------

    def judge(  # noqa: PLR0913 - each part of a judgment is named
        self,
        rule: Rule,
        relation: _Relation,
        *,
        subject: str,
        target: Interval,
        expected: Decimal | Callable[[], Decimal | None] | None,
        figures: Sequence[str],
        phrase: str,
        phrase_params: Mapping[str, str | Message] | Callable[[], Mapping[str, str | Message]] | None = None,
        strict: bool = False,
        in_base: bool = True,
    ) -> Iterator[Finding]:
        """Judge whether ``subject`` can take a value in ``target``; yield an error if not.

        :meth:`decide` reaches the verdict, :meth:`record` keeps it for the
        reconciliation, and :meth:`word` names the message of a broken relation.

        Args:
            rule: the rule judging.
            relation: the relation judged.
            subject: the figure whose printed value is compared.
            target: the values the other figures allow it, in base units (or the
                subject's own unit with ``in_base=False``); may be half-infinite.
            expected: the value computed from the others' printed values, same units
                (or a function computing it, called only when it is recorded or shown).
            figures: every figure involved.
            phrase: a message template saying what the others make the subject, with
                ``{expected}`` for the computed value: ``N_("{terms} add up to {expected}")``.
            phrase_params: the template's other placeholders (or a function making them,
                called only for a broken relation).
            strict: the subject must lie strictly inside ``target`` (``<`` and ``>``).
            in_base: whether ``target`` and ``expected`` are in base units.

        With :attr:`verdicts_only` (localisation's exact checks of a proposal), a judgment
        that holds returns at once: nothing recorded, nothing computed for a message.
        """
        if self.verdicts_only and self.holds(subject, target, strict=strict, in_base=in_base):
            return
        if callable(expected):
            expected = expected()
        judgment = self.decide(subject, target, expected, strict=strict, in_base=in_base)
        self.record(rule, relation, judgment)
        if judgment.holds:
            return
        if callable(phrase_params):
            phrase_params = phrase_params()
        view = self.views[subject]
        yield Finding(
            code=rule.code,
            severity=rule.severity,
            verdict=Verdict.BROKEN,
            relation=relation.id,
            figures=tuple(dict.fromkeys(figures)),
            locations=self.locations(figures),
            message=self.word(judgment, phrase, phrase_params or {}),
            locale=self.locale,
            subject=subject,
            actual=view.number,
            expected=judgment.expected,
            difference=judgment.difference,
            allowed=(judgment.allowed.lo, judgment.allowed.hi),
            unit=view.unit.symbol,
            rounding_explains=False,
        )

    def decide(
        self,
        subject: str,
        target: Interval,
        expected: Decimal | None,
        *,
        strict: bool = False,
        in_base: bool = True,
    ) -> Judgment:
        """Whether ``subject`` can take a value in ``target``, with the numbers a finding shows.

        Arguments as for :meth:`judge`; nothing is recorded and nothing is worded.
        """
        view = self.views[subject]
        factor = view.unit.factor if in_base else Decimal(1)
        own = view.base if in_base else view.interval
        holds = self.holds(subject, target, strict=strict, in_base=in_base)
        shown_target = _rescale(target, factor)
        digits = view.decimals + EXTRA_DIGITS
        shown_expected = None if expected is None else trimmed(NEAR.divide(expected, factor), digits)
        # The printed value v stands for [v - below, v + above]; it meets the target T
        # exactly when T.lo - above <= v <= T.hi + below (mirrored for truncation), each
        # end open when the target's end or the figure's opposite end is.
        wide = shown_target.widen(
            UP.subtract(view.interval.hi, view.number), UP.subtract(view.number, view.interval.lo)
        )
        allowed = Interval(
            trimmed(wide.lo, digits, ROUND_FLOOR),
            trimmed(wide.hi, digits, ROUND_CEILING),
            wide.lo_open or own.hi_open,
            wide.hi_open or own.lo_open,
        )
        difference = None if shown_expected is None else NEAR.subtract(view.number, shown_expected)
        return Judgment(
            subject=subject,
            holds=holds,
            expected=shown_expected,
            difference=difference,
            allowed=allowed,
            gap=NEAR.divide(own.gap(target), factor),
            more=own.lo > target.hi,
        )

    def holds(self, subject: str, target: Interval, *, strict: bool = False, in_base: bool = True) -> bool:
        """Whether ``subject`` can take a value in ``target``: :meth:`decide`'s verdict alone."""
        view = self.views[subject]
        own = view.base if in_base else view.interval
        if not own.intersects(target):
            return False
        return not strict or (own.lo < target.hi and target.lo < own.hi)

    def record(self, rule: Rule, relation: _Relation, judgment: Judgment) -> None:
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

    def word(self, judgment: Judgment, phrase: str, phrase_params: Mapping[str, str | Message]) -> Message:
        """The message of a broken judgment: what is printed, what the others say, by how much it is off.

        Numbers are written here, the way the document writes them; the sentence
        around them is worded when the finding is shown.
        """
        subject = judgment.subject
        view = self.views[subject]
        places = view.decimals
        shown_expected = judgment.expected
        expected_text = "" if shown_expected is None else self.amount(near(shown_expected, places), view.unit)
        if view.unit.kind is Kind.PERCENT:
            gap: str | Message = self.t(
                N_("{number} percentage points"),
                number=self.number(judgment.gap, places + 1, ROUND_CEILING),
            )
        else:
            gap = self.amount(judgment.gap, view.unit, places + 1, ROUND_CEILING)
        said: dict[str, str | Message] = {
            "subject": self.label(subject),
            "printed": self.printed(subject),
            "said": self.t(phrase, **{"expected": expected_text, **phrase_params}),
        }
        allowed = format_interval(judgment.allowed, view.unit, self.ledger.locale, decimals=places + 1)
        if not judgment.gap:
            # no distance: the two ranges touch at an end one of them leaves out (truncation)
            return self.t(
                N_(
                    "{subject} is printed as {printed}, but {said}; the two meet only at an end that "
                    "rounding leaves out (the printed value had to lie in {allowed})"
                ),
                **said,
                allowed=allowed,
            )
        return self.t(
            N_(
                "{subject} is printed as {printed}, but {said}; that is at least {gap} {side} than "
                "rounding allows (the printed value had to lie in {allowed})"
            ),
            **said,
            gap=gap,
            side=self.t.word(N_("more") if judgment.more else N_("less")),
            allowed=allowed,
        )

    def not_checkable(
        self, rule: Rule, relation: _Relation, figures: Sequence[str], why: Message
    ) -> Iterator[Finding]:
        """Record and yield an info finding: the relation cannot be judged."""
        self.checks.append(RelationCheck(relation=relation.id, code=rule.code, status="not_checkable"))
        yield Finding(
            code=rule.code,
            severity=Severity.INFO,
            verdict=Verdict.NOT_CHECKABLE,
            relation=relation.id,
            figures=tuple(dict.fromkeys(figures)),
            locations=self.locations(figures),
            message=self.t(N_("not checkable: {why}"), why=why),
            locale=self.locale,
        )

    def suspicious(
        self, rule: Rule, figures: Sequence[str], message: Message, relation: str | None = None
    ) -> Finding:
        """A plausibility finding."""
        return Finding(
            code=rule.code,
            severity=rule.severity,
            verdict=Verdict.SUSPICIOUS,
            relation=relation,
            figures=tuple(dict.fromkeys(figures)),
            locations=self.locations(figures),
            message=message,
            locale=self.locale,
        )


@dataclass(frozen=True, slots=True)
class Judgment:
    """What :meth:`Context.decide` found about one figure, in the figure's own unit.

    Attributes:
        subject: the figure judged.
        holds: whether its printed value can take a value the others allow.
        expected: what the others' printed values make it, or None.
        difference: the printed value minus ``expected``, or None.
        allowed: the interval the printed value had to lie in.
        gap: how far, at least, the figure is from what the others allow.
        more: whether it is more (rather than less) than they allow.
    """

    subject: str
    holds: bool
    expected: Decimal | None
    difference: Decimal | None
    allowed: Interval
    gap: Decimal
    more: bool


#: Decimals beyond a figure's own kept in computed values of findings (quotients do not end).
EXTRA_DIGITS = 6


def printed_places(value: Decimal) -> int:
    """Decimals printed in ``value``: ``82.67`` has 2, ``7`` and ``1E+2`` have 0.

    >>> printed_places(Decimal("82.67")), printed_places(Decimal("7")), printed_places(Decimal("1E+2"))
    (2, 0, 0)
    """
    exponent = value.as_tuple().exponent
    return max(-exponent, 0) if isinstance(exponent, int) else 0


def trimmed(value: Decimal, places: int, rounding: str = ROUND_HALF_EVEN) -> Decimal:
    """``value`` to at most ``places`` decimals (rounded as asked); shorter values are kept as they are."""
    exponent = value.as_tuple().exponent
    if not value.is_finite() or not isinstance(exponent, int) or -exponent <= places:
        return value
    return value.quantize(Decimal(1).scaleb(-places), rounding=rounding, context=NEAR)


_DIMENSION_WORDS = {
    Kind.PERCENT: N_("percent"),
    Kind.POINTS: N_("percentage points"),
    Kind.COUNT: N_("count"),
}


def _sep(unit: str) -> str:
    return unit if unit == "%" else f" {unit}"


def _rescale(interval: Interval, factor: Decimal) -> Interval:
    if factor == 1:
        return interval
    return Interval(
        DOWN.divide(interval.lo, factor), UP.divide(interval.hi, factor), interval.lo_open, interval.hi_open
    )
