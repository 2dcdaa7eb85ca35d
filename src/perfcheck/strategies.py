"""Hypothesis strategies for your own tests: reports that add up, and reports that break one rule.

Every figure is printed from an exact true value the way a publisher prints it —
rounded half-up or half-even, or truncated, to 0-2 decimals, in 元, 千元, 万元, 百万元 or
亿元, with grouping, full-width digits, the unit after the number, JSON numbers, and
bounds such as 10000余份 — so a consistent document is consistent *under rounding*,
not just on paper. Use them to test code that produces, transforms or checks ledger
documents::

    from hypothesis import given
    import perfcheck
    from perfcheck import strategies

    @given(strategies.ledgers(units="万元"))
    def test_my_export_keeps_reports_consistent(ledger):
        assert perfcheck.check(my_export(ledger)).ok

Every strategy takes keyword-only arguments and checks them when it is called: a bad
argument raises :class:`hypothesis.errors.InvalidArgument` at once, not when the first
example is drawn.

>>> from hypothesis import given, settings
>>> import perfcheck
>>> from perfcheck import strategies
>>> @settings(max_examples=20, deadline=None)
... @given(strategies.ledgers(max_relations=4, rounding="truncate"))
... def test_consistent(ledger):
...     assert ledger.rounding == "truncate"
...     assert perfcheck.check(ledger).ok
>>> test_consistent()

``plain=True`` draws the documents a spreadsheet export writes (``"132.35"``, no unit
suffixes, weights or extra keys). A figure's unit, printed or the document's, is
:meth:`Ledger.unit_of <perfcheck.Ledger.unit_of>`; a counterexample is shown as the
``perfcheck.loads(...)`` call that rebuilds it.

>>> @settings(max_examples=20, deadline=None)
... @given(strategies.ledgers(plain=True, locales="zh_CN"))
... def test_plain(ledger):
...     assert all(set(f.model_fields_set) <= {"id", "value", "unit", "concept", "label"}
...                for f in ledger.figures)
...     assert all(ledger.unit_of(f.id) for f in ledger.figures)
>>> test_plain()

Requires hypothesis (``pip install 'perfcheck[strategies]'`` or ``pip install hypothesis``);
``import perfcheck`` does not import it.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, Any

try:
    from perfcheck import _strategies as _impl
except ModuleNotFoundError as exc:  # pragma: no cover - hypothesis is installed with perfcheck[test]
    if exc.name != "hypothesis":
        raise
    msg = "perfcheck.strategies needs hypothesis: pip install hypothesis"
    raise ImportError(msg) from exc

from perfcheck._ledger.document import Ledger
from perfcheck._read.domain import Report

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__ = ["breaking", "ledger_documents", "ledgers", "reports"]


def ledgers(  # noqa: PLR0913 - keyword-only knobs, as in hypothesis's own strategies
    *,
    min_relations: int = 1,
    max_relations: int = 8,
    kinds: str | Collection[str] | None = None,
    units: str | Collection[str] | None = None,
    rounding: str | Collection[str] | None = None,
    locales: str | Collection[str] | None = None,
    qualifiers: bool = True,
    json_numbers: bool = True,
    clean: bool = False,
    plain: bool = False,
) -> SearchStrategy[Ledger]:
    """Ledgers whose every relation holds within the printed figures' rounding.

    ``perfcheck.check`` finds no error in any of them. It may find warnings (an amount
    printed with more decimals than its neighbours, PC604) and say that a share of a
    whole printed as 0.00 is not checkable, as it would in a real report; with
    ``clean=True`` it finds nothing at all.

    Args:
        min_relations: fewest relations (0 to 60).
        max_relations: most relations (0 to 60).
        kinds: relation kinds to draw (``"sum"``, ``"balance"``, ``"share"``, ``"ratio"``,
            ``"change"``, ``"equal"``, ``"compare"``, ``"product"``, ``"formula"``);
            one, several, or None for all. With all of sum, balance, equal, share, change
            and formula, some documents are a whole report: a fund flow, a spending tree,
            a figure printed twice, a share, a year-on-year change and a formula sharing
            figures.
        units: amount units to print in (``"元"``, ``"千元"``, ``"万元"``, ``"百万元"``,
            ``"亿元"``); the document's unit is one of them, and a figure may be printed
            in another. None for all.
        rounding: how figures are printed from their true values: ``"half_up"``,
            ``"half_even"``, ``"truncate"``, or ``"nearest"`` for both half modes; one,
            several, or None for all. Truncated figures make a ``rounding: truncate``
            document.
        locales: notations to print in (``"zh_CN"``, ``"en_US"``, ``"de_DE"``, ``"fr_FR"``).
        qualifiers: whether some counts are bounds or estimates (``10000余``, ``约2万``).
        json_numbers: whether some values are JSON numbers rather than strings.
        clean: only documents on which perfcheck reports nothing at all.
        plain: everyday documents, as a spreadsheet export writes them: every value a
            plain decimal string (``"132.35"``) in the locale's notation, amounts to 1 or
            2 decimals, no unit after the number, no grouping or full-width digits, no
            ``decimals`` or ``exact`` keys, no weights, bounds or JSON numbers (whatever
            ``qualifiers`` and ``json_numbers`` say); a figure has a ``unit`` only when
            it is not in the document's unit.

    Raises:
        hypothesis.errors.InvalidArgument: an argument is of the wrong type or out of range.

    >>> import perfcheck
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ledgers(kinds=["sum", "share"], units="万元", locales="zh_CN"))
    ... def test_sums_and_shares(ledger):
    ...     assert {r.kind for r in ledger.relations} <= {"sum", "share"}
    ...     assert {f.unit or ledger.unit for f in ledger.figures} <= {"万元", "%"}
    ...     assert perfcheck.check(ledger).ok
    >>> test_sums_and_shares()
    >>> ledgers(max_relations=-1)
    Traceback (most recent call last):
    ...
    hypothesis.errors.InvalidArgument: ledgers: max_relations=-1 must be between 0 and 60
    """
    options = _impl.ledger_options(
        "ledgers",
        min_relations=min_relations,
        max_relations=max_relations,
        kinds=kinds,
        units=units,
        rounding=rounding,
        locales=locales,
        qualifiers=qualifiers,
        json_numbers=json_numbers,
        clean=clean,
        plain=plain,
    )
    return _impl.drawn_ledgers(options).map(_impl.DrawnLedger.ledger)


def ledger_documents(  # noqa: PLR0913 - keyword-only knobs, as in hypothesis's own strategies
    *,
    min_relations: int = 1,
    max_relations: int = 8,
    kinds: str | Collection[str] | None = None,
    units: str | Collection[str] | None = None,
    rounding: str | Collection[str] | None = None,
    locales: str | Collection[str] | None = None,
    qualifiers: bool = True,
    json_numbers: bool = True,
    clean: bool = False,
    plain: bool = False,
) -> SearchStrategy[dict[str, Any]]:
    """The documents of :func:`ledgers` as data: what ``perfcheck.validate`` takes.

    A value given as a JSON number is a :class:`~decimal.Decimal` or an ``int`` (so that
    ``2.10`` keeps its two decimals); pass ``json_numbers=False`` for plain
    ``json.dumps``-able data, or write any document with
    ``perfcheck.dumps(perfcheck.validate(document))``.

    Takes the same arguments as :func:`ledgers`.

    Raises:
        hypothesis.errors.InvalidArgument: an argument is of the wrong type or out of range.

    >>> import json
    >>> import perfcheck
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20, deadline=None)
    ... @given(ledger_documents(json_numbers=False, locales="de_DE"))
    ... def test_documents_are_json(document):
    ...     assert document["locale"] == "de_DE"
    ...     assert perfcheck.check(perfcheck.loads(json.dumps(document))).ok
    >>> test_documents_are_json()
    """
    options = _impl.ledger_options(
        "ledger_documents",
        min_relations=min_relations,
        max_relations=max_relations,
        kinds=kinds,
        units=units,
        rounding=rounding,
        locales=locales,
        qualifiers=qualifiers,
        json_numbers=json_numbers,
        clean=clean,
        plain=plain,
    )
    return _impl.drawn_ledgers(options).map(_impl.DrawnLedger.document)


def reports(  # noqa: PLR0913 - keyword-only knobs, as in hypothesis's own strategies
    *,
    max_depth: int = 3,
    max_items: int = 6,
    unit: str = "万元",
    rounding: str | Collection[str] | None = None,
    locales: str | Collection[str] | None = None,
    qualifiers: bool = True,
    plain: bool = False,
) -> SearchStrategy[Report]:
    """Reports in the domain model (:class:`perfcheck.Report`) whose figures all agree.

    Sometimes a fund flow (上年结转 + 本年收入 = 本年支出 + 结转下年), a tree of spending
    lines adding up to its total (some lines listing only some items, a 其中 list),
    stated shares of lines in their parent, completion rates of targets printed or
    implied, and head-counts with their kinds. ``perfcheck.check`` reports nothing at
    all on them.

    Args:
        max_depth: deepest level of the spending tree (1 to 8; 1 is top-level lines only).
        max_items: most lines under one line (1 to 20); a report has at most 60 lines.
        unit: the report's amount unit (``"元"``, ``"千元"``, ``"万元"``, ``"百万元"``, ``"亿元"``).
        rounding: as for :func:`ledgers`.
        locales: as for :func:`ledgers`.
        qualifiers: whether some targets' actual counts are bounds (``10000余``).
        plain: amounts printed as plain decimal strings to 1 or 2 decimals (``"132.35"``),
            no unit after the number, grouping or full-width digits, and no bounds.

    Raises:
        hypothesis.errors.InvalidArgument: an argument is of the wrong type or out of range.

    >>> import perfcheck
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20, deadline=None)
    ... @given(reports(max_depth=2, unit="元", rounding="half_even"))
    ... def test_reports_check_clean(report):
    ...     assert report.unit == "元"
    ...     assert perfcheck.check(report).findings == ()
    >>> test_reports_check_clean()
    """
    options = _impl.report_options(
        "reports",
        max_depth=max_depth,
        max_items=max_items,
        unit=unit,
        rounding=rounding,
        locales=locales,
        qualifiers=qualifiers,
        plain=plain,
    )
    return _impl.drawn_reports(options)


def breaking(  # noqa: PLR0913 - keyword-only knobs, as in hypothesis's own strategies
    code: str,
    *,
    min_relations: int = 0,
    max_relations: int = 8,
    kinds: str | Collection[str] | None = None,
    units: str | Collection[str] | None = None,
    rounding: str | Collection[str] | None = None,
    locales: str | Collection[str] | None = None,
    qualifiers: bool = True,
    json_numbers: bool = True,
    plain: bool = False,
) -> SearchStrategy[Ledger]:
    """Ledgers that break exactly one rule: perfcheck reports ``code`` and nothing else.

    A relation the rule judges is printed from true values and then one of its figures
    is moved, step by step of its last digit, just beyond what rounding can explain
    (sometimes much further) — the sum off by a cent too many, the share a hundredth
    of a point too high. Rules that judge figures rather than relations get the figures
    that offend them: a negative income (PC603), an amount with more decimals than its
    neighbours (PC604), a share above 100 % (PC601), shares of one whole adding up to
    more than 100 % (PC602), a relation between figures in incompatible units (PC901).

    The rest of the document holds and is clean, so every finding has the code
    ``code`` and the rule's severity; a rule that judges relations finds one
    relation broken, and no other figure takes part in it.

    PC904 (relations in conflict) is reported only when localising: its ledgers hold
    two sums on one figure printed coarser than the rest, each sum holding alone and
    pulling that figure to the other end of its rounding. A plain check finds nothing;
    ``check(ledger, localise=True)`` reports PC904 and nothing else.

    Args:
        code: a rule code of :data:`perfcheck.default_registry`, e.g. ``"PC201"``. PC902
            (a rule crashed) cannot be produced by data.
        min_relations: fewest relations around the broken one (0 to 60).
        max_relations: most relations around the broken one (0 to 60).
        kinds: relation kinds of the relations around it.
        units: as for :func:`ledgers`; the broken figures use them too.
        rounding: as for :func:`ledgers`.
        locales: as for :func:`ledgers`.
        qualifiers: whether relations around it have bounds and estimates.
        json_numbers: as for :func:`ledgers`.
        plain: as for :func:`ledgers`: the relations around the broken one are plain.

    Raises:
        hypothesis.errors.InvalidArgument: ``code`` is no rule's, or PC902; or another
            argument is of the wrong type or out of range.

    >>> import perfcheck
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20, deadline=None)
    ... @given(breaking("PC201", units="元"))
    ... def test_a_wrong_share_is_found(ledger):
    ...     result = perfcheck.check(ledger)
    ...     assert {f.code for f in result.findings} == {"PC201"}
    ...     assert len(result.broken()) == 1
    >>> test_a_wrong_share_is_found()
    >>> breaking("PC999")
    Traceback (most recent call last):
    ...
    hypothesis.errors.InvalidArgument: breaking: 'PC999' is not the code of a perfcheck rule; ...
    """
    checked = _impl.breakable_code("breaking", code)
    options = _impl.ledger_options(
        "breaking",
        min_relations=min_relations,
        max_relations=max_relations,
        kinds=kinds,
        units=units,
        rounding=rounding,
        locales=locales,
        qualifiers=qualifiers,
        json_numbers=json_numbers,
        plain=plain,
    )
    return _impl.broken_ledgers(checked, options).map(_impl.DrawnLedger.ledger)
