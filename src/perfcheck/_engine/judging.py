"""Judging a figure against what the others allow, and wording it: what every context of rules shares.

A rule's exact check judges through a context: :class:`perfcheck._engine.context.Context`
over a validated ledger (findings and messages as models), or the fast path's context over
the document as parsed (:mod:`perfcheck._engine.plain`: findings and messages as compact
data, :mod:`perfcheck._findings.plain`). Both decide, record and word a judgment with the
methods of :class:`Judging`, so a rule finds the same thing, worded the same way, on either.
Nothing here imports pydantic or the ledger's models.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Decimal
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from perfcheck._core.i18n import N_
from perfcheck._core.interval import DOWN, NEAR, UP, Interval
from perfcheck._core.units import Kind, Unit
from perfcheck._engine.format import format_interval, format_number, format_value, unit_label
from perfcheck._findings.plain import Severity, Verdict, Wording

if TYPE_CHECKING:
    from perfcheck._engine.compile import FigureView
    from perfcheck._engine.registry import Rule

_F = TypeVar("_F")
_M = TypeVar("_M")


class Judged(Protocol):
    """What judging reads of a relation: its id."""

    @property
    def id(self) -> str:
        """The relation's id."""


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


class Judging(Generic[_F, _M]):
    """The figures of a document as views, and how a rule's judgment becomes a finding.

    Attributes:
        views: every figure as a :class:`~perfcheck._engine.compile.FigureView`, by id.
        t: how messages are made (models, or compact data).
        locale: the language findings are shown in unless another is asked for.
        number_locale: how the document prints numbers (computed numbers are written so).
    """

    def __init__(self, views: dict[str, FigureView], t: Wording[_M], number_locale: str) -> None:
        """Hold the views; messages are made by ``t``, numbers written in ``number_locale``."""
        self.views = views
        self.t = t
        self.locale = t.locale
        self.number_locale = number_locale
        #: only verdicts are asked (:meth:`judge`): a judgment that holds is neither recorded nor worded
        self.verdicts_only = False

    # -- figures -----------------------------------------------------------

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
        return text if self.prints_unit(figure_id) else text + unit_label(view.unit)

    def prints_unit(self, figure_id: str) -> bool:
        """Whether a figure's printed value carries its unit (``3.01万元``)."""
        raise NotImplementedError

    def number(self, value: Decimal, places: int | None = None, rounding: str = ROUND_HALF_EVEN) -> str:
        """A computed number in the document's locale."""
        return format_number(value, self.number_locale, decimals=places, rounding=rounding)

    def amount(
        self, value: Decimal, unit: Unit, places: int | None = None, rounding: str = ROUND_HALF_EVEN
    ) -> str:
        """A computed value in ``unit``, in the document's locale."""
        return format_value(value, unit, self.number_locale, decimals=places, rounding=rounding)

    def interval(self, interval: Interval, unit: Unit | None = None) -> str:
        """An interval in the document's locale, its bounds exactly as they are (``[3.67, 3.69]``)."""
        return format_interval(interval, unit, self.number_locale)

    def label(self, figure_id: str) -> str:
        """How to name a figure in a message: its label, else its id."""
        fig = self.views[figure_id].figure
        return fig.label or fig.id

    def labels(self, ids: Sequence[str], joiner: str = " + ") -> str:
        """Several figures' names, joined."""
        return joiner.join(self.label(i) for i in ids)

    def locations(self, ids: Sequence[str], document: str | None = None) -> tuple[Any, ...]:
        """Where each figure was printed (in ``document``, when a finding names two)."""
        raise NotImplementedError

    # -- judgments: deciding and recording, then wording -----------------------

    def judge(  # noqa: PLR0913 - each part of a judgment is named
        self,
        rule: Rule,
        relation: Judged,
        *,
        subject: str,
        target: Interval,
        expected: Decimal | Callable[[], Decimal | None] | None,
        figures: Sequence[str],
        phrase: str,
        phrase_params: Mapping[str, str | _M] | Callable[[], Mapping[str, str | _M]] | None = None,
        strict: bool = False,
        in_base: bool = True,
    ) -> Iterator[_F]:
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
        yield self._found(
            rule,
            Verdict.BROKEN,
            relation.id,
            figures,
            self.word(judgment, phrase, phrase_params or {}),
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
        shown_target = rescale(target, factor)
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

    def record(self, rule: Rule, relation: Judged, judgment: Judgment) -> None:
        """Keep a judgment for the reconciliation."""
        raise NotImplementedError

    def not_checkable(self, rule: Rule, relation: Judged, figures: Sequence[str], why: _M) -> Iterator[_F]:
        """Record and yield an info finding: the relation cannot be judged (``why`` says why)."""
        self.record_not_checkable(rule, relation)
        message = self.t(N_("not checkable: {why}"), why=why)
        yield self._found(rule, Verdict.NOT_CHECKABLE, relation.id, figures, message, severity=Severity.INFO)

    def suspicious(self, rule: Rule, figures: Sequence[str], message: _M, relation: str | None = None) -> _F:
        """A plausibility finding."""
        return self._found(rule, Verdict.SUSPICIOUS, relation, figures, message)

    def _found(  # noqa: PLR0913, PLR0917 - a finding's common fields
        self,
        rule: Rule,
        verdict: Verdict,
        relation: str | None,
        figures: Sequence[str],
        message: _M,
        severity: Severity | None = None,
        **more: Any,  # noqa: ANN401 - the fields of a judgment
    ) -> _F:
        """A finding of ``rule`` (its severity unless given) naming ``figures`` once each, where printed."""
        return self.finding(
            code=rule.code,
            severity=rule.severity if severity is None else severity,
            verdict=verdict,
            relation=relation,
            figures=tuple(dict.fromkeys(figures)),
            locations=self.locations(figures),
            message=message,
            locale=self.locale,
            **more,
        )

    def record_not_checkable(self, rule: Rule, relation: Judged) -> None:
        """Keep, for the reconciliation, that a relation could not be judged."""
        raise NotImplementedError

    def record_check(self, **fields: Any) -> None:  # noqa: ANN401 - a relation check's fields
        """Keep, for the reconciliation, an outcome a rule worked out itself (a check's fields)."""
        raise NotImplementedError

    def finding(self, **fields: Any) -> _F:  # noqa: ANN401 - a finding's fields
        """A finding of these fields."""
        raise NotImplementedError

    def word(self, judgment: Judgment, phrase: str, phrase_params: Mapping[str, str | _M]) -> _M:
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
            gap: str | _M = self.t(
                N_("{number} percentage points"),
                number=self.number(judgment.gap, places + 1, ROUND_CEILING),
            )
        else:
            gap = self.amount(judgment.gap, view.unit, places + 1, ROUND_CEILING)
        said: dict[str, str | _M] = {
            "subject": self.label(subject),
            "printed": self.printed(subject),
            "said": self.t(phrase, **{"expected": expected_text, **phrase_params}),
        }
        allowed = format_interval(judgment.allowed, view.unit, self.number_locale, decimals=places + 1)
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


def rescale(interval: Interval, factor: Decimal) -> Interval:
    if factor == 1:
        return interval
    return Interval(
        DOWN.divide(interval.lo, factor), UP.divide(interval.hi, factor), interval.lo_open, interval.hi_open
    )
