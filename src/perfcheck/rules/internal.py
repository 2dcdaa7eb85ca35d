"""PC9xx: relations that cannot be checked as written, and rules that fail."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from perfcheck._core.i18n import N_
from perfcheck._engine.breaker import Drawing, Span
from perfcheck._engine.registry import rule
from perfcheck._engine.screen import Screen
from perfcheck._findings.plain import Severity, Verdict
from perfcheck._ledger.kinds import RELATION_KINDS
from perfcheck.rules._examples import doc, fig

if TYPE_CHECKING:
    from perfcheck._engine.context import Context
    from perfcheck._findings.finding import Finding
    from perfcheck._ledger.document import _Relation

# How the hypothesis strategies break each rule: its breaker.


#: Where each relation kind's first figure is, for moving it to an incompatible unit.
_FIRST_FIGURE = {
    "sum": "total",
    "balance": "inflows",
    "share": "stated",
    "ratio": "stated",
    "change": "current",
    "equal": "figures",
    "compare": "left",
    "product": "total",
}


def _break_units(b: Drawing) -> None:
    """A relation with a figure in a unit that cannot be compared with the others."""
    kind = b.sampled_from(tuple(_FIRST_FIGURE))
    b.scenario(kind)
    rel = b.relations[-1]
    key = _FIRST_FIGURE[kind]
    fid = rel[key] if isinstance(rel[key], str) else rel[key][0]
    was = b.unit_kind(b.unit_of(fid))
    unit = "人" if was == "amount" else "%" if was == "count" else "例"
    if kind == "product" and was == "percent":
        unit = "百分点"  # a count total of percentages would be a plain number, which is fine
    b.set_unit(fid, unit)


@rule(
    "PC901",
    "incompatible-units",
    severity=Severity.ERROR,
    kinds=RELATION_KINDS,
    # The screen escalates every relation whose units cannot be compared, whatever is selected;
    # on a relation of plain figures (one unit) it runs on the plain context and finds nothing.
    screen=Screen(plain=True),
    breaker=_break_units,
    runs_on_invalid=True,
    passing=doc(
        fig("a", "7"),
        fig("b", "70000", unit="元"),
        relations=[{"id": "same", "kind": "equal", "figures": ["a", "b"]}],
    ),
    failing=doc(
        fig("a", "7"),
        fig("b", "7", unit="%"),
        relations=[{"id": "same", "kind": "equal", "figures": ["a", "b"]}],
    ),
)
def incompatible_units(ctx: Context, rel: _Relation) -> Iterator[Finding]:
    """A relation's figures are in units that cannot be compared.

    **What it checks.** The operands of every relation are in compatible units:
    amounts of one currency (元, 万元 and 亿元 convert exactly), percentages for
    stated shares and rates, 百分点 for a change of a percentage, counts with
    counts. Amounts in two currencies are never converted silently.

    **Why.** Comparing 7万元 with 7 % is a transcription error in the document; no
    arithmetic check of that relation would mean anything, so it is reported and
    the relation is skipped by the other rules.

    **What to do.** Fix the figure's ``unit`` (or the value's suffix) in the document.
    """
    problem = ctx.dimension_problem(rel)
    if problem is None:
        return
    ctx.record_check(relation=rel.id, code=incompatible_units.code, status="invalid")
    yield ctx.finding(
        code=incompatible_units.code,
        severity=incompatible_units.severity,
        verdict=Verdict.INVALID,
        relation=rel.id,
        figures=tuple(dict.fromkeys(rel.operands())),
        locations=ctx.locations(rel.operands()),
        message=ctx.t(
            N_("relation {relation} ({kind}) cannot be checked: {problem}"),
            relation=rel.id,
            kind=rel.kind,
            problem=problem,
        ),
        locale=ctx.locale,
    )


@rule(
    "PC902",
    "rule-crashed",
    severity=Severity.ERROR,
    screen=Screen(),  # it finds nothing by itself
    passing=doc(relations=[]),
    failing={},
)
def rule_crashed(ctx: Context, _: None) -> Iterator[Finding]:
    """A rule raised an exception.

    **What it checks.** Nothing by itself: when any rule raises while checking, the
    exception becomes a PC902 finding naming the rule, the relation and the error,
    and every other rule still runs. It is reported whichever rules are selected,
    unless PC902 itself is ignored.

    **Why.** One faulty rule — perfcheck's own or a plugin's — must not hide what
    the others find, nor pass silently: a crashed check is not a passed one.

    **What to do.** Report it, with the document, as a bug in the rule.
    """
    del ctx
    return iter(())


def _break_inferred(b: Drawing) -> None:
    """A sum a reader inferred (``basis: inferred``) whose parts do not add up."""
    b.scenario("sum", exhaustive=True)
    b.relations[-1]["basis"] = "inferred"
    b.break_linear()


@rule(
    "PC903",
    "inferred-relation-broken",
    severity=Severity.WARNING,
    # The screen sends every relation that says its basis to the full path.
    screen=Screen(),
    breaker=_break_inferred,
    passing=doc(relations=[]),
    failing={},
)
def inferred_relation_broken(ctx: Context, _: None) -> Iterator[Finding]:
    """A relation a reader inferred, not one the text states, does not hold: check it by hand.

    **What it checks.** Nothing by itself: a relation whose ``basis`` is ``inferred``
    is judged by the rule of its kind as any other, and when that rule finds it broken
    the finding is reported under PC903 as a warning, with the rule's own code and
    sentence inside the message. perfcheck's text reader marks a relation inferred when
    the text does not say it in so many words: a list it guessed the extent of, a
    total it took from an earlier sentence, a change against a base it had to guess,
    a figure printed twice under similar labels.

    **Why.** An error perfcheck reports must be a real error. A broken stated relation
    (合计, 其中, 占, 比上年, 完成…%) is one; a broken inferred relation may be the
    report's mistake or the reader's, so it is shown to a person and never fails a run.
    Ignore PC903 to leave such findings out.

    **What to do.** Read the sentence: if the text does mean the relation, the figures
    disagree and one of them is wrong; if not, there is nothing to correct.
    """
    del ctx
    return iter(())


def _break_conflict(b: Drawing) -> None:
    """Two sums on one coarse amount ``x``, each holding alone, that pull it to opposite ends of its rounding.

    ``x`` is printed with two decimals fewer than the other amounts of its unit (fewer is
    never flagged), so its rounding interval is a hundred of theirs wide. One total is
    printed so that its sum leaves ``x`` only the values about 80 % of the way up that
    interval, the other about 20 %: each sum holds alone, no value of ``x`` fits both.
    """
    unit = b.sampled_from(b.units)
    fine = b.decimals_for(unit, Fraction(0))
    parts = [b.amount(b.money(positive=True), "part", unit=unit, exact=False, decimals=fine) for _ in "yu"]
    spans = [_finite(b.span(p)) for p in parts]
    width = 100 * (spans[0][1] - spans[0][0])  # x's interval: two decimals coarser
    true = b.money(positive=True) + 100 * width  # far from zero, so every total stays positive
    x = b.amount(true, "shared", unit=unit, exact=False, decimals=fine - 2)
    x_lo, x_hi = _finite(b.span(x))
    for part, (lo, hi), where in zip(parts, spans, (Fraction(8, 10), Fraction(2, 10)), strict=True):
        # the total of x and the part, with x at `where` of its interval: the sum allows x
        # only within a few hundredths of that point
        total = x_lo + (x_hi - x_lo) * where + (lo + hi) / 2
        b.relate(
            "sum", total=b.amount(total, "total", unit=unit, exact=False, decimals=fine), parts=[x, part]
        )


def _finite(span: Span) -> tuple[Fraction, Fraction]:
    lo, hi = span
    assert isinstance(lo, Fraction), span  # noqa: S101 - an amount's true values are bounded
    assert isinstance(hi, Fraction), span  # noqa: S101
    return lo, hi


@rule(
    "PC904",
    "relations-conflict",
    severity=Severity.ERROR,
    screen=Screen(),  # it finds nothing by itself
    breaker=_break_conflict,
    passing=doc(relations=[]),
    failing={},
)
def relations_conflict(ctx: Context, _: None) -> Iterator[Finding]:
    """Relations that each hold alone cannot all hold together.

    **What it checks.** Nothing by itself: when localisation is asked for
    (``perfcheck check --localise``, ``check(..., localise=True)`` or
    ``result.localise()``, docs/localise.md), every group of relations connected by
    shared figures is solved as one system over the figures' rounding intervals. A
    group whose relations each hold alone but cannot all hold at once — a figure that
    one relation pulls to the top of its rounding interval and another to the bottom —
    is reported under PC904, naming the smallest set of relations found to conflict.
    The conflict is reported only once exact interval propagation over those relations
    proves it, never on the word of a floating-point solver.

    **Why.** Checking each relation alone, as XBRL calculation checks do, lets such a
    report pass: every sum is within its rounding, but no set of true values makes
    them all true, so some printed figure is wrong.

    **What to do.** Read the figures the finding names; the localisation beside it
    says which change would make every relation hold.
    """
    del ctx
    return iter(())


def _break_excess(b: Drawing) -> None:
    """A figure rounded to hundreds (``decimals: -2``) yet printed to the unit, in no relation."""
    b.scenario(b.sampled_from(("sum", "balance")))
    number = Decimal(b.integers(1, 999) * 100 + b.integers(1, 99))
    b.figure("excess", number, -2, b.sampled_from(b.units), as_number=b.booleans())


def _in_hundreds(total: str) -> dict[str, Any]:
    """A total printed as ``total`` of two parts, all rounded to hundreds (``decimals: -2``)."""
    return doc(
        fig("total", total, "项目支出", decimals=-2),
        fig("a", "1000", decimals=-2),
        fig("b", "500", decimals=-2),
        relations=[{"id": "s", "kind": "sum", "total": "total", "parts": ["a", "b"]}],
        unit="元",
    )


@rule(
    "PC905",
    "excess-digits",
    severity=Severity.ERROR,
    # The screen sends every figure that states its decimals to the full path.
    screen=Screen(),
    breaker=_break_excess,
    passing=_in_hundreds("1500"),
    failing=_in_hundreds("1559"),
)
def excess_digits(ctx: Context, _: None) -> Iterator[Finding]:
    """A value has more digits than its decimals allow; the relations on it are not judged.

    **What it checks.** A figure that states its ``decimals`` is a multiple of
    ``10^-decimals``: ``1500`` with decimals ``-2`` (rounded to hundreds) is, ``1559``
    is not. Such a figure is reported as an error of its own, and every relation it
    takes part in is reported as not judged (counted in the coverage's
    ``not_checkable``); all the other relations are judged as usual. This is XBRL
    Calculations 1.1's rule for excess digits (``calc11e:excessDigits``).

    **Why.** The printed digits and the stated precision contradict each other: the
    interval the figure stands for cannot be known, so no relation on it can be judged
    either way, but one such figure should not hide what the rest of the report shows.
    Set ``Limits(strict_decimals=True)`` (``--strict-decimals``) to refuse such a
    document instead.

    **What to do.** Correct the value or its ``decimals``: ``1559`` with decimals ``0``,
    or ``1600`` with decimals ``-2``.
    """
    for fid in ctx.excess:
        view = ctx.view(fid)
        yield ctx.finding(
            code=excess_digits.code,
            severity=excess_digits.severity,
            verdict=Verdict.BROKEN,
            figures=(fid,),
            locations=ctx.locations([fid]),
            message=ctx.t(
                N_(
                    "{label} is printed as {printed} with decimals={decimals}: more digits than its "
                    "decimals allow, so the relations on it are not judged"
                ),
                label=ctx.label(fid),
                printed=ctx.printed(fid),
                decimals=str(view.figure.decimals),
            ),
            locale=ctx.locale,
            subject=fid,
            actual=view.number,
            unit=view.unit.symbol,
        )
    for rel in ctx.ledger.relations:
        unjudged = ctx.unjudged(rel)
        if unjudged and ctx.dimension_problem(rel) is None:
            yield from ctx.not_checkable(
                excess_digits,
                rel,
                rel.operands(),
                ctx.t(
                    N_("{figures}: more digits than the stated decimals allow"),
                    figures=ctx.labels(unjudged, ", "),
                ),
            )


RULES = (incompatible_units, rule_crashed, inferred_relation_broken, relations_conflict, excess_digits)
