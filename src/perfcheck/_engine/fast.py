r"""The fast path: plain documents checked as parsed data, models built only for what is reported.

:func:`perfcheck.check` given a path or JSON bytes comes here first. A document is
*plain* when everything in it is in the forms this module reads without pydantic
or babel: values like ``"1234.56"``, ``"-3"`` or ``"38.56%"`` in a locale that reads
them as written, figure keys ``id``/``value``/``concept``/``label``/``unit``/
``decimals``/``source``, no escaped backslash (``\\``), no key given twice, no
float. Anything else, and any document with a problem, goes to the full path
(:func:`perfcheck.loads`), which reports every problem with its place; so errors
are always the full path's. Keys given twice are found by counting: without an
escaped backslash every ``"`` in the text that is not escaped (``\"``) opens or
closes a string, so those quotes are twice the strings of the parsed document
exactly when no key was dropped by the parser.

For a plain document:

1. ``orjson`` parses the bytes (a float anywhere declines: it would lose digits).
   Figures are checked a column at a time (all ids, all values) by joins and
   regular expressions that run in C; plain figures of one precision become
   integers by id (``"12.50"`` is 1250), the few others are read one by one.
2. ``sum``, ``balance``, ``share`` and ``change`` relations are *screened* with exact
   integer arithmetic: every value becomes an integer in units of ``½·10^-D`` (``D``
   the most decimals among the relation's figures), its rounding a whole number of
   those units, so "no true values within the rounding satisfy it" is an integer
   comparison. The plausibility rules are screened per figure, or name the relations
   they may report on (several shares of one whole), which go to the full path together.
3. A relation the screen cannot clear (broken, not checkable, mixed units, any
   other kind) and every figure a document rule may report are *escalated*: they
   form a small document of their own, validated and checked by the full path with
   the same rules. Its findings are the result's findings, in the same order.

The outcome of every screened relation that holds (:attr:`Result.checks`) is
computed by the full path when first asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import compress
from typing import Any, Final, TypeVar

import orjson

from perfcheck import _ledger
from perfcheck._core.limits import Limits
from perfcheck._engine.columns import ID, FigureColumns, NotPlain, decline, source_strings, valid_ids
from perfcheck._engine.plain import judge_document, report_order, word_relations
from perfcheck._engine.registry import Registry, Rule
from perfcheck._engine.screen import (
    BelowZeroHook,
    Change,
    ChangeHook,
    DocumentHook,
    EscalatesHook,
    FiguresHook,
    Quotient,
    QuotientHook,
    Screen,
    SpansHook,
)
from perfcheck._findings.counts import alone, is_count
from perfcheck._findings.plain import PlainFinding

_SUM_KEYS: Final = frozenset({"id", "kind", "label", "total", "parts", "exhaustive", "source"})
_BALANCE_KEYS: Final = frozenset({"id", "kind", "label", "inflows", "outflows", "source"})
_SHARE_KEYS: Final = frozenset({"id", "kind", "label", "part", "whole", "stated", "source"})
_CHANGE_KEYS: Final = frozenset(
    {"id", "kind", "label", "current", "prior", "delta", "percent", "direction", "source"}
)
#: The keys of a change :func:`_change_operands` reads as plain data.
_PLAIN_CHANGE_KEYS: Final = _CHANGE_KEYS - {"source"}
_DIRECTIONS: Final = ("increase", "decrease")
_EQUAL_KEYS: Final = frozenset({"id", "kind", "label", "figures", "source"})
#: The deepest a plain document nests: document, list, item, list of ids or source.
_PLAIN_DEPTH: Final = 4


def _count_strings(node: object) -> int:
    """Strings (keys and values) in parsed JSON, without recursion.

    Declines a float anywhere: orjson reads ``0.10`` as a binary float, which loses the
    digits the full path keeps as a Decimal.
    """
    count = 0
    stack = [node]
    while stack:
        item = stack.pop()
        if type(item) is str:
            count += 1
        elif type(item) is dict:
            count += len(item)
            stack.extend(item.values())
        elif type(item) is list:
            stack.extend(item)
        elif type(item) is float:
            raise decline()
    return count


#: The relation kinds whose broken relations of plain figures the rules may judge on plain data.
_WORDED_KINDS: Final = frozenset({"sum", "balance", "share", "change"})
#: The keys of a share's stated percentage (a change's percent) whose view is built from its value alone (its
#: ``unit``, when given, is the value's ``%``: the screen declines any other).
_PERCENT_KEYS: Final = frozenset({"id", "value", "concept", "label", "unit"})
#: The relation kinds the screen reads itself; rules judging only other kinds need no screen.
SCREENED_KINDS: Final = frozenset({"sum", "balance", "share", "change", "equal"})
#: The value of an optional key of those relations when it is absent (as the document model reads it).
_DEFAULTS: Final[dict[str, object]] = {"exhaustive": True}
#: The keys of a sum the hot loop reads: a rule's ``Linear.when`` on another key is
#: decided there by that key's default.
_HOT_SUM_KEYS: Final = frozenset({"id", "kind", "total", "parts"})
#: How a linear relation is judged: by no selected rule, ``diff + tol >= 0``, ``|diff| <= tol``
#: (the strongest comparison of the rules judging it: equal implies at least).
_UNJUDGED, _AT_LEAST, _EQUAL = 0, 1, 2


class Plan:
    """What the screen does for one selection of rules: the selected rules' screens' hooks.

    Attributes:
        linear: by relation kind, the selected rules' comparisons as ``(mode, key, value)``:
            ``mode`` is ``_EQUAL`` or ``_AT_LEAST``, on relations whose ``key`` is ``value``
            (every relation when ``key`` is None).
        hot_sum: the comparison for a sum with no optional key, or None when no rule
            judges sums.
        hot_balance: the comparison for a balance, or None when no rule judges balances
            or one judges only some of them.
        quotient: the selected rules' hooks judging shares.
        quotient_words: for each of those hooks, whether its rule judges shares on plain
            data (:attr:`words`): a share only such hooks escalate is judged there.
        change: the selected rules' hooks judging changes.
        change_words: for each of those hooks, whether its rule judges changes on plain data.
        spans: the selected rules' hooks judging equalities.
        below_zero: the hooks judging a figure printed below zero.
        declines: the hooks judging the whole document.
        escalates: ``(code, hook)``: the hooks naming the relations a document rule may report on.
        figures: ``(code, hook)``: the hooks naming the figures a document rule may report.
        cleared: the codes of the rules whose screens judged the whole document.
        documents: by code, the document rules with an ``escalates`` hook that run on plain
            data (:attr:`Screen.plain`): the relations their hook names are judged by them on
            the document as parsed, when those are all plain, rather than escalated together.
        words: for ``sum``, ``balance``, ``share`` and ``change``, when every selected rule
            judging the kind runs on plain data (:attr:`Screen.plain`), those rules: a broken relation of
            plain figures is judged and worded by them on the document as parsed
            (:mod:`perfcheck._engine.plain`) rather than escalated.
    """

    __slots__ = (
        "below_zero",
        "change",
        "change_codes",
        "change_words",
        "cleared",
        "declines",
        "documents",
        "escalates",
        "figures",
        "hot_balance",
        "hot_sum",
        "linear",
        "quotient",
        "quotient_codes",
        "quotient_words",
        "spans",
        "words",
    )

    def __init__(self, screens: Iterable[tuple[str, Screen]]) -> None:  # noqa: C901, PLR0915 - a branch a hook
        """Gather the hooks of ``(code, screen)`` pairs, in order."""
        linear: dict[str, list[tuple[int, str | None, object]]] = {}
        quotient: list[QuotientHook] = []
        quotient_codes: list[str] = []
        change: list[ChangeHook] = []
        change_codes: list[str] = []
        spans: list[SpansHook] = []
        below_zero: list[BelowZeroHook] = []
        declines: list[DocumentHook] = []
        escalates: list[tuple[str, EscalatesHook]] = []
        figures: list[tuple[str, FiguresHook]] = []
        cleared: set[str] = set()
        for code, s in screens:
            if s.linear is not None and s.kind is not None:
                key, value = s.linear.when or (None, None)
                linear.setdefault(s.kind, []).append((_EQUAL if s.linear.equal else _AT_LEAST, key, value))
            if s.quotient is not None:
                quotient.append(s.quotient)
                quotient_codes.append(code)
            if s.change is not None:
                change.append(s.change)
                change_codes.append(code)
            if s.spans is not None:
                spans.append(s.spans)
            if s.escalates is not None:
                escalates.append((code, s.escalates))
            if s.figures is not None:
                figures.append((code, s.figures))
            if s.below_zero is not None:
                below_zero.append(s.below_zero)
            if s.declines is not None:
                declines.append(s.declines)
            if s.cleared:
                cleared.add(code)
        self.linear = {k: tuple(v) for k, v in linear.items()}
        sums = self.linear.get("sum")
        hot_keys = sums is not None and any(key in _HOT_SUM_KEYS for _, key, _ in sums)
        self.hot_sum = None if sums is None or hot_keys else _mode(sums, {})
        balances = self.linear.get("balance")
        keyed = balances is not None and any(key is not None for _, key, _ in balances)
        self.hot_balance = None if balances is None or keyed else _mode(balances, {})
        self.quotient = tuple(quotient)
        self.quotient_codes = tuple(quotient_codes)
        self.quotient_words: tuple[bool, ...] = (False,) * len(quotient)
        self.change = tuple(change)
        self.change_codes = tuple(change_codes)
        self.change_words: tuple[bool, ...] = (False,) * len(change)
        self.spans = tuple(spans)
        self.below_zero = tuple(below_zero)
        self.declines = tuple(declines)
        self.escalates = tuple(escalates)
        self.figures = tuple(figures)
        self.cleared = frozenset(cleared)
        self.words: dict[str, tuple[Rule, ...]] = {}
        self.documents: dict[str, Rule] = {}


def plan(rules: Iterable[Rule], known: Registry) -> Plan | None:
    """How to screen for ``rules``, or None when one of them cannot be screened.

    Every rule must be one of ``known`` (the registry whose screens are trusted: the
    tests hold them equal to the full path), recognised by identity, so a look-alike
    rule of another registry sends the document to the full path. A rule without a
    screen may only judge relation kinds the screen does not read: their relations are
    all escalated.
    """
    screens: list[tuple[str, Screen]] = []
    for rule in rules:
        if rule.code not in known or known[rule.code] is not rule:
            return None
        if rule.screen is None:
            if not rule.kinds or rule.kinds & SCREENED_KINDS:
                return None
        else:
            screens.append((rule.code, rule.screen))
    made = Plan(screens)
    made.words = _words(rules)
    sharing = {r.code for r in made.words.get("share", ())}
    made.quotient_words = tuple(code in sharing for code in made.quotient_codes)
    changing = {r.code for r in made.words.get("change", ())}
    made.change_words = tuple(code in changing for code in made.change_codes)
    made.documents = {
        r.code: r for r in rules if r.screen is not None and r.screen.plain and r.screen.escalates is not None
    }
    return made


def _words(rules: Iterable[Rule]) -> dict[str, tuple[Rule, ...]]:
    """The rules judging each of ``sum``, ``balance``, ``share`` and ``change``, when all run on plain data.

    Rules that only screen a kind (a document rule's hook) are not among them: a relation
    their hooks escalate is escalated (see :attr:`Plan.quotient_words`).
    """
    by_kind: dict[str, list[Rule]] = {}
    for rule in rules:
        for kind in sorted(rule.kinds & _WORDED_KINDS):
            by_kind.setdefault(kind, []).append(rule)
    return {
        kind: tuple(judging)
        for kind, judging in by_kind.items()
        if all(r.screen is not None and r.screen.plain for r in judging)
    }


def _mode(checks: tuple[tuple[int, str | None, object], ...], rel: dict[str, Any]) -> int:
    """How the rules judge a linear relation: the strongest comparison among those that apply."""
    mode = _UNJUDGED
    for check, key, value in checks:
        if key is None or rel.get(key, _DEFAULTS.get(key)) == value:
            mode = max(mode, check)
    return mode


def _verdict(mode: int, diff: int, tol: int) -> bool | None:
    """Whether ``diff`` within ``tol`` holds under ``mode``; None when no rule judges it."""
    if mode == _EQUAL:
        return -tol <= diff <= tol
    if mode == _AT_LEAST:
        return diff + tol >= 0
    return None


_Figures = TypeVar("_Figures")


def _judge(
    hooks: tuple[Callable[[dict[str, Any], _Figures], bool | None], ...], rel: dict[str, Any], q: _Figures
) -> bool | None:
    """False when a rule escalates the relation, else True when one judged it, else None."""
    outcome = None
    for hook in hooks:
        verdict = hook(rel, q)
        if verdict is False:
            return False
        if verdict:
            outcome = True
    return outcome


def _change_operands(rel: dict[str, Any]) -> list[str] | None:
    """The figures a change names, when it is valid as its model reads it; None to ask the model.

    Read as plain data when its keys are among the change's own (no ``source``): an id
    for ``current``, each of ``prior``, ``delta`` and ``percent`` an id or absent (at
    least one given), a ``direction`` and a text ``label`` if any. Anything else
    (an invalid change among them) is the model's to validate, or to refuse with its reason.

    >>> _change_operands({"id": "c", "kind": "change", "current": "a", "prior": "b", "direction": "increase"})
    ['a', 'b']
    >>> _change_operands({"id": "c", "kind": "change", "current": "a", "direction": "increase"}) is None
    True
    """
    if not rel.keys() <= _PLAIN_CHANGE_KEYS or rel.get("direction") not in _DIRECTIONS:
        return None
    label = rel.get("label")
    if label is not None and type(label) is not str:
        return None
    operands = []
    for key in ("current", "prior", "delta", "percent"):
        x = rel.get(key)
        if x is None and key != "current":
            continue
        if type(x) is not str or ID(x) is None:
            return None
        operands.append(x)
    return operands if len(operands) > 1 else None


@dataclass(frozen=True, slots=True)
class Integers:
    """The plain figures of a document as the screen read them: integers of one precision.

    Each figure of ``numbers`` is printed as ``n·10^-decimals`` in the document's ``unit``,
    with no qualifier, rounded to nearest (``± ½·10^-decimals``), or exactly when ``exact``
    (a count printed without decimals): what its view says, without a view. Given only when
    no figure of the document is truncated.

    Attributes:
        numbers: ``n`` by figure id.
        decimals: the places every one of them shows.
        exact: whether they are exact (no rounding).
        unit: the document's unit symbol, theirs.
        ids: the id of every figure of the document, in document order (one per figure).
    """

    numbers: Mapping[str, int]
    decimals: int
    exact: bool
    unit: str
    ids: Sequence[str] = ()


class Screened:
    """A plain document after the screen: what the full path still has to check.

    Attributes:
        header: the document's keys other than figures and relations.
        figures: the figures to escalate, in document order (their dicts).
        relations: the relations to escalate, in document order.
        judged: how many screened relations hold under the selected rules.
        counts: what the result's coverage counts of the whole document: its figures,
            those some relation names, its relations, those inferred, and those holding
            nothing to judge (idle: a ratio with no denominator of an amount).
        cleared: the codes of the document rules the screen judged for the whole document:
            they are not run on the escalated part.
        precision: the whole document's rounded amounts by unit and decimals, for the
            document rules run on the escalated part (``Context.precision``).
        parsed: the whole document as parsed (what localisation reads again, not parsing twice).
        integers: its plain figures as integers, when they show one precision (:class:`Integers`).
        worded: the findings on broken relations judged on plain data, in report order
            (:mod:`perfcheck._engine.plain`); those relations are not escalated.
        worded_ids: the ids of the relations judged on plain data: each broken under the
            screen, and under the rules' exact checks unless the screen could not bound it
            (a share or change of a figure that may be negative, or of one that may be zero).
        order: when there are both worded findings and escalated relations, the ids of
            both kinds of relations in document order (to put all findings in report order).
    """

    __slots__ = (
        "cleared",
        "counts",
        "figures",
        "header",
        "integers",
        "judged",
        "order",
        "parsed",
        "precision",
        "relations",
        "worded",
        "worded_ids",
    )

    def __init__(  # noqa: PLR0913 - the parts
        self,
        header: dict[str, Any],
        figures: list[Any],
        relations: list[Any],
        judged: int,
        counts: tuple[int, int, int, int, int],
        *,
        cleared: frozenset[str] = frozenset(),
        precision: dict[str, dict[int, int]] | None = None,
        parsed: dict[str, Any] | None = None,
        integers: Integers | None = None,
        worded: list[PlainFinding] | None = None,
        order: list[str] | None = None,
        worded_ids: frozenset[str] = frozenset(),
    ) -> None:
        """Hold the parts."""
        self.integers = integers
        self.worded = worded or []
        self.worded_ids = worded_ids
        self.order = order
        self.precision = precision
        self.parsed = parsed
        self.header = header
        self.figures = figures
        self.relations = relations
        self.judged = judged
        self.counts = counts
        self.cleared = cleared

    def document(self) -> dict[str, Any]:
        """The escalated part as a ledger document."""
        return {**self.header, "figures": self.figures, "relations": self.relations}


def screen(data: bytes, plan: Plan, limits: Limits, locale: str = "en") -> Screened | None:
    """Screen ``data``; None when it is not a plain document (the full path then reads it).

    Findings worded on plain data are in ``locale``.

    Run it with the garbage collector paused (as :func:`perfcheck._engine.run.check_plain`
    does): the parsed document is millions of objects a collection would walk again
    and again.
    """
    if (
        len(data) > limits.max_bytes
        or b"\\\\" in data  # an escaped backslash: a quote after it would close its string
        or (limits.max_json_depth is not None and limits.max_json_depth < _PLAIN_DEPTH)
    ):
        return None
    try:
        doc = orjson.loads(data)
    except orjson.JSONDecodeError:
        return None
    try:
        # Every backslash starts an escape, so each \" is a quote inside a string, the others
        # open or close one.
        escaped = b"\\" in data
        quotes = data.count(b'"') - (data.count(b'\\"') if escaped else 0)
        screener = _Screen(doc, plan, limits, escaped=escaped)
        screener.locale = locale
        screener.worded = []
        return screener.run(quotes)
    except NotPlain:
        return None


class _Screen(FigureColumns):
    """One pass over a parsed document: its figures as :class:`FigureColumns` reads them, then its relations.

    Each relation of a kind the screen reads is judged with the selected rules' screens
    over exact integers, or escalated; relations of other kinds are validated and escalated.
    A broken ``sum``, ``balance``, ``share`` or ``change`` of plain figures is judged by the
    rules on plain data (:attr:`Plan.words`) when they all can, and kept in :attr:`worded`
    until then; so are the relations a document rule may report on (:attr:`Plan.documents`).
    """

    locale: str
    worded: list[dict[str, Any]]
    #: the share or change last screened was escalated only by hooks of rules judging it on plain data
    by_words: bool = False
    #: the changes that hold nothing to judge (:func:`~perfcheck._findings.coverage.alone`)
    idle: int = 0
    #: the figures named by the relations the hot loop read, and the other relations (:meth:`_used`)
    _hot_used: set[str]
    _rest: list[dict[str, Any]]

    def run(self, quotes: int) -> Screened:
        self._figures()
        escalated, judged = self._relations()
        if self.strings * 2 != quotes:
            raise decline()  # a key given twice (the parser kept one), or a string we did not see
        for declines in self.plan.declines:
            if declines(self):
                raise decline()
        cleared = set(self.plan.cleared)
        together, documents = self._escalates(cleared)
        if together:
            escalated, judged = self._together(together, escalated, judged)
        found, escalated, judged = self._word(together, escalated, judged)
        if documents:
            found = report_order([*documents, *found], {r["id"]: i for i, r in enumerate(self.worded)})
        for code, reports in self.plan.figures:
            ids = reports(self)
            if ids is None:
                cleared.add(code)  # nothing to report: not run on the escalated part
            else:
                self.flagged.extend(ids)
        figures = self._escalated_figures(escalated)
        header = {k: v for k, v in self.doc.items() if k not in ("figures", "relations")}
        inferred, idle = self._escalated_counts(escalated, figures)
        counts = (len(self.figures), len(self._used()), len(self.relations), inferred, idle)
        order = None
        if found and (escalated or figures):
            wanted = {id(r) for r in escalated}.union(map(id, self.worded))
            order = [r["id"] for r in self.relations if id(r) in wanted]
        return Screened(
            header,
            figures,
            escalated,
            judged,
            counts,
            cleared=frozenset(cleared),
            precision=self.precision,
            parsed=self.doc,
            integers=self._integers(),
            worded=found,
            order=order,
            worded_ids=frozenset([r["id"] for r in self.worded]) if self.worded else frozenset(),
        )

    def _escalated_counts(self, escalated: list[Any], figures: list[Any]) -> tuple[int, int]:
        """How many relations are inferred, and how many hold nothing to judge (:func:`alone`)."""
        if not escalated:
            return 0, self.idle
        # Only relations of other kinds may say their basis; they are all escalated.
        inferred = sum(r.get("basis") == "inferred" for r in escalated)
        # and only relations of other kinds may hold nothing to judge (a ratio with no denominator)
        if "ratio" not in self.kinds:
            return inferred, self.idle
        unit = self.doc.get("unit")
        in_counts = frozenset(f["id"] for f in figures if is_count(f.get("unit") or unit))
        return inferred, self.idle + sum(alone(r, in_counts) for r in escalated if r["kind"] == "ratio")

    def _escalates(self, cleared: set[str]) -> tuple[set[str], list[PlainFinding]]:
        """What document rules may report on: relations to escalate together, and findings made on plain data.

        Adds to ``cleared`` the codes of the rules not to run on the escalated part.
        """
        together: set[str] = set()
        documents: list[PlainFinding] = []
        for code, escalates in self.plan.escalates:
            ids = escalates(self)
            if ids is None:
                cleared.add(code)  # the rule reports nothing in this document
                continue
            rule = self.plan.documents.get(code)
            found = None if rule is None else self._document(rule, ids)
            if found is None:
                together.update(ids)
            else:
                documents.extend(found)
                cleared.add(code)  # judged on plain data: not run on the escalated part
        return together, documents

    def _word(
        self, together: set[str], escalated: list[Any], judged: int
    ) -> tuple[list[PlainFinding], list[Any], int]:
        """The findings on the broken relations kept in :attr:`worded`, judged by the rules on plain data.

        Those escalated ``together`` (a document rule may report on them) are the full
        path's. Returns the findings, the escalated relations and how many were judged;
        should a rule raise, the relations are escalated instead (the full path reports the crash).
        """
        if together:
            self.worded = [r for r in self.worded if r["id"] not in together]
        if not self.worded:
            return [], escalated, judged
        needed: set[str] = set()
        for rel in self.worded:
            needed.update(self._operands(rel))
        figures = compress(self.figures, map(needed.__contains__, self.ids))
        try:
            found, worded = word_relations(
                self.worded,
                self.plan.words,
                figures,
                unit=self.unit,
                locale=self.locale,
                number_locale=self.doc.get("locale", "en_US"),
            )
        except Exception:  # noqa: BLE001 - a rule that raises: the full path reports its crash
            escalated, judged = self._together({r["id"] for r in self.worded}, escalated, judged)
            self.worded = []
            return [], escalated, judged
        return found, escalated, judged + worded

    def _wordable(self, rel: dict[str, Any]) -> bool:
        """Whether a broken relation is judged on plain data: its kind's rules can, its figures are plain."""
        kind = rel["kind"]
        if kind not in self.plan.words or self.truncate_doc or not self.numbers:
            return False
        if kind == "share":
            return self.by_words and rel.keys() <= _SHARE_KEYS and self._plain_share(rel)
        if kind == "change":
            return self.by_words and rel.keys() <= _CHANGE_KEYS and self._plain_change(rel)
        if not rel.keys() <= (_SUM_KEYS if kind == "sum" else _BALANCE_KEYS):
            return False  # weights, a basis: read by the relation's model
        ids = self._operands(rel)
        return self._plain_amounts(ids) or (bool(self.viewed) and self._viewed_amounts(ids))

    def _viewed_amounts(self, ids: list[Any]) -> bool:
        """Whether every id names a figure whose view is read as plain data, all in one unit.

        Plain figures of the integer column, and those read from their value or given as
        a JSON integer (``123.45万元``, ``70``) or qualified (``约339人次``) with no key a
        view of parsed data does not read: a sum or balance of them is judged by the
        rules on plain data, whether it holds or not.
        """
        numbers, read, viewed = self.numbers, self.read, self.viewed
        plain = all(type(x) is str and ((x in numbers and x not in read) or x in viewed) for x in ids)
        return plain and self._same_unit(ids)

    def _plain_change(self, rel: dict[str, Any]) -> bool:
        """Whether a change names plain amounts and, if any, a percent printed with its ``%`` alone."""
        percent = rel.get("percent")
        if percent is not None and not self._plain_percent(percent):
            return False
        return self._plain_amounts(
            [x for x in (rel["current"], rel.get("prior"), rel.get("delta")) if x is not None]
        )

    def _plain_percent(self, fid: object) -> bool:
        """Whether a figure is a percentage printed with its ``%`` and nothing a view would read besides."""
        f = self.special.get(fid) if type(fid) is str else None
        return f is not None and f["value"][-1:] == "%" and f.keys() <= _PERCENT_KEYS

    def _plain_amounts(self, ids: Iterable[object]) -> bool:
        """Whether every id names a figure of the integer column."""
        numbers, read = self.numbers, self.read
        return all(type(x) is str and x in numbers and x not in read for x in ids)

    def _document(self, rule: Rule, ids: Collection[str]) -> list[PlainFinding] | None:
        """A document rule's findings on the relations ``ids``, judged on plain data.

        None when one of them is not a plain ``sum`` or ``share`` or the rule raises: they
        are then escalated together (the full path reports a crash).
        """
        if self.truncate_doc or not self.numbers:
            return None
        relations = [r for r in self.relations if r["id"] in ids]
        for rel in relations:
            kind, keys = rel["kind"], rel.keys()
            if kind == "sum":
                plain = keys <= _SUM_KEYS and type(rel.get("exhaustive", True)) is bool
                plain = plain and self._plain_amounts(self._operands(rel))
            else:
                plain = kind == "share" and keys <= _SHARE_KEYS and self._plain_share(rel)
            if not plain:
                return None
        needed: set[str] = set()
        for rel in relations:
            needed.update(self._operands(rel))
        try:
            return judge_document(
                rule,
                relations,
                compress(self.figures, map(needed.__contains__, self.ids)),
                unit=self.unit,
                locale=self.locale,
                number_locale=self.doc.get("locale", "en_US"),
            )
        except Exception:  # noqa: BLE001 - a rule that raises: the full path reports its crash
            return None

    def _plain_share(self, rel: dict[str, Any]) -> bool:
        """Whether a share names plain amounts and a stated percentage printed with its ``%`` alone."""
        if not self._plain_percent(rel["stated"]):
            return False
        whole = rel["whole"]
        return self._plain_amounts([rel["part"], *([whole] if type(whole) is str else whole)])

    def _integers(self) -> Integers | None:
        """The integer column, when there is one and no figure is truncated."""
        if not self.numbers or self.uniform is None or self.truncating or self.unit is None:
            return None
        return Integers(self.numbers, self.uniform, self.exact_plain, self.unit, self.ids)

    def _together(self, ids: set[str], escalated: list[Any], judged: int) -> tuple[list[Any], int]:
        """``escalated`` and the relations ``ids`` names in document order; ``judged`` less those counted."""
        sent = {id(r) for r in escalated}
        out: list[Any] = []
        for rel in self.relations:
            if id(rel) in sent:
                out.append(rel)
            elif rel["id"] in ids:
                if self._relation(rel):
                    judged -= 1  # it held, and was counted: the full path counts it now
                out.append(rel)
        return out, judged

    # -- what a document hook reads (perfcheck._engine.screen.Columns) ---------

    def number(self, figure: str) -> tuple[int, int, bool] | None:
        """A figure as ``(n, e, exact)``, or None when the screen cannot judge it."""
        if figure in self.opaque or (self.truncating and self._truncated(figure)):
            return None  # a truncated figure's open end: the rule judges it on the full path
        return self._number(figure)

    def symbol(self, figure: str) -> str | None:
        """A figure's unit symbol."""
        return self._symbol(figure)

    def _used(self) -> set[str]:
        """The ids of the figures some relation names (every one exists: the screen checked).

        Those of the relations the hot loop read were gathered there (:attr:`_hot_used`).
        """
        used = self._hot_used
        add, update = used.add, used.update
        operands = self.operands
        for rel in self._rest:
            kind = rel["kind"]
            if id(rel) in operands:
                update(operands[id(rel)])
            elif kind == "sum":
                add(rel["total"])
                update(rel["parts"])
            elif kind == "balance":
                update(rel["inflows"])
                update(rel["outflows"])
            else:
                update(self._operands(rel))
        return used

    def _escalated_figures(self, escalated: list[Any]) -> list[Any]:
        """The figures the escalated relations name, and the flagged ones.

        In document order when a document rule reports figures (its findings come in
        that order) or when plain figures are held as integers (their dicts are found by
        a pass over the figures); otherwise in the order the relations name them.
        """
        needed = dict.fromkeys(self.flagged)
        qualified = self.qualified
        needed.update(dict.fromkeys(x for x in self.opaque if x not in qualified))
        for rel in escalated:
            needed.update(dict.fromkeys(self._operands(rel)))
        if not needed:
            return []
        if self.flagged or self.numbers or self.opaque or self.read:
            return list(compress(self.figures, map(needed.__contains__, self.ids)))
        plain, special = self.plain, self.special
        return [special[x] if x in special else plain[x] for x in needed]

    # -- figures ---------------------------------------------------------------

    def _operands(self, rel: dict[str, Any]) -> list[str]:
        kind = rel["kind"]
        if kind == "sum" and id(rel) not in self.operands:
            return [rel["total"], *rel["parts"]]
        if kind == "balance" and id(rel) not in self.operands:
            return [*rel["inflows"], *rel["outflows"]]
        if kind == "share" and id(rel) not in self.operands:
            whole = rel["whole"]
            return [rel["part"], *([whole] if type(whole) is str else whole), rel["stated"]]
        return self.operands[id(rel)]

    def _relations(self) -> tuple[list[Any], int]:  # noqa: C901, PLR0912, PLR0915 - the hot loop, inlined
        rels = self.relations
        if not rels:
            self._hot_used, self._rest = set(), []
            return [], 0
        try:
            ids = [r["id"] for r in rels]
            kinds = [r["kind"] for r in rels]
            joined_ids = "\n".join(ids)
            "".join(kinds)
        except (TypeError, KeyError):
            raise decline() from None  # not an object, or no id or kind: the full path says which
        if self.escaped and joined_ids.count("\n") != len(rels) - 1:
            raise decline()  # an id holding a newline
        if not valid_ids(joined_ids) or len(set(ids)) != len(rels) or type(rels[0]) is not dict:
            raise decline()  # a bad id, or one used twice
        del ids, joined_ids
        self.strings += sum(map(len, rels)) + 2 * len(rels)
        self.kinds = kinds
        escalated: list[Any] = []
        judged = 0
        get = self.numbers.__getitem__
        slack = 0 if self.exact_plain else 1  # each figure's rounding, in units of ½·10^-uniform
        hot = self.plan.hot_sum
        quick = hot is not None and bool(self.numbers) and not self.truncate_doc
        # the balance rule's comparison is equality: a balance judged otherwise takes the long way
        balance = self.plan.hot_balance == _EQUAL and not self.truncate_doc and bool(self.numbers)
        worded = bool(self.plan.words)
        strings = 0
        # the figures the relations read here name, and the relations read the long way (see _used)
        used: set[str] = set()
        rest: list[dict[str, Any]] = []
        self._hot_used, self._rest = used, rest
        add, update = used.add, used.update
        for rel in rels:
            # The common case inline: a sum of plain figures of one precision.
            if quick and rel["kind"] == "sum" and len(rel) == 4 and "parts" in rel and "total" in rel:
                parts = rel["parts"]
                if type(parts) is list and parts:
                    strings += len(parts) + 1
                    try:
                        diff = get(total := rel["total"]) - sum(map(get, parts))
                    except (KeyError, TypeError):
                        pass  # a special figure, a missing one, not an id: the long way
                    else:
                        add(total)
                        update(parts)
                        if not hot:
                            continue  # no selected rule judges it
                        if (
                            not diff
                            or (hot == _EQUAL and 2 * abs(diff) <= slack * (len(parts) + 1))
                            or (hot == _AT_LEAST and 2 * diff + slack * (len(parts) + 1) >= 0)
                        ):
                            judged += 1
                        elif worded and self._wordable(rel):
                            self.worded.append(rel)
                        else:
                            escalated.append(rel)
                        continue
                    strings -= len(parts) + 1
            # and a balance of them (Σ outflows = Σ inflows) with no optional key
            elif balance and rel["kind"] == "balance" and len(rel) == 4:
                ins, outs = rel.get("inflows"), rel.get("outflows")
                if type(ins) is list and type(outs) is list and ins and outs:
                    try:
                        diff = sum(map(get, outs)) - sum(map(get, ins))
                    except (KeyError, TypeError):
                        pass  # a special figure, a missing one, not an id: the long way
                    else:
                        update(ins)
                        update(outs)
                        figures = len(ins) + len(outs)
                        strings += figures
                        if not diff or 2 * abs(diff) <= slack * figures:
                            judged += 1
                        elif worded and self._wordable(rel):
                            self.worded.append(rel)
                        else:
                            escalated.append(rel)
                        continue
            rest.append(rel)
            outcome = self._relation(rel)
            if outcome is False:
                if worded and rel["kind"] in _WORDED_KINDS and self._wordable(rel):
                    self.worded.append(rel)
                else:
                    escalated.append(rel)
            elif outcome:
                judged += 1
        self.strings += strings
        return escalated, judged

    def _relation(self, rel: dict[str, Any]) -> bool | None:  # noqa: C901, PLR0911, PLR0912
        """Screen one relation.

        Returns True when it holds, False to escalate it, None when no selected rule judges it.
        """
        plan = self.plan
        kind = rel["kind"]
        keys = rel.keys()
        if kind == "change" and alone(rel):
            self.idle += 1  # screened or escalated, it holds nothing to judge
        if (kind == "change" and keys <= _CHANGE_KEYS) or (kind == "equal" and keys <= _EQUAL_KEYS):
            self.strings += _count_strings(rel) - len(rel) - 2  # keys, id and kind are counted
            self._validated(rel)
            return self._change(rel) if kind == "change" else self._equal(rel)
        if not (
            (kind == "sum" and keys <= _SUM_KEYS)
            or (kind == "balance" and keys <= _BALANCE_KEYS)
            or (kind == "share" and keys <= _SHARE_KEYS)
        ):
            self.strings += _count_strings(rel) - len(rel) - 2  # keys, id and kind are counted
            self._validated(rel)
            return False
        if "label" in rel:
            self._text(rel["label"])
        if "source" in rel:
            self.strings += source_strings(rel["source"])
        if kind == "sum":
            parts = rel.get("parts")
            exhaustive = rel.get("exhaustive", True)
            if type(parts) is not list or not parts or type(exhaustive) is not bool:
                raise decline()
            self.strings += len(parts) + 1
            return self._linear(rel, [rel.get("total")], parts)
        if kind == "balance":
            ins = rel.get("inflows")
            outs = rel.get("outflows")
            if type(ins) is not list or type(outs) is not list or not ins or not outs:
                raise decline()
            self.strings += len(ins) + len(outs)
            return self._linear(rel, outs, ins)
        self.by_words = False
        whole = rel.get("whole")
        wholes = [whole] if type(whole) is str else whole
        if type(wholes) is not list or not wholes:
            raise decline()
        self.strings += len(wholes) + 2
        part, stated = rel.get("part"), rel.get("stated")
        hooks = plan.quotient
        if hooks:
            quick = self._plain_quotient(part, wholes, stated)
            if quick is not None:
                return self._judge_by(plan.quotient, plan.quotient_words, rel, quick)
        self._exist([part, *wholes, stated])
        assert isinstance(part, str)  # noqa: S101 - a figure id
        assert isinstance(stated, str)  # noqa: S101 - a figure id
        if self._names_opaque([part, *wholes, stated]) or self._names_truncated([part, *wholes, stated]):
            return False
        if not self._same_unit([part, *wholes]) or self._symbol(stated) != "%":
            return False
        if not hooks:
            return None
        if part in wholes:
            return False  # the screen reads a share only with its part outside its wholes
        return self._judge_by(plan.quotient, plan.quotient_words, rel, self._quotient(part, wholes, stated))

    def _judge_by(
        self,
        hooks: tuple[Callable[[dict[str, Any], _Figures], bool | None], ...],
        words: tuple[bool, ...],
        rel: dict[str, Any],
        q: _Figures,
    ) -> bool | None:
        """As :func:`_judge`; ``words`` says which hooks are of rules judging the relation on plain data.

        Sets :attr:`by_words`: whether only such hooks escalate it.
        """
        outcome = None
        by_words = False
        for hook, on_plain in zip(hooks, words, strict=True):
            verdict = hook(rel, q)
            if verdict is False:
                if not on_plain:
                    return False  # a rule that judges it only on the full path
                outcome, by_words = False, True
            elif verdict and outcome is None:
                outcome = True
        self.by_words = by_words
        return outcome

    def _change(self, rel: dict[str, Any]) -> bool | None:
        """Screen a validated change: its levels (current, prior, delta) in one unit, its percent in %."""
        self.by_words = False
        current: str = rel["current"]
        prior, delta = rel.get("prior"), rel.get("delta")
        percent: str | None = rel.get("percent")
        levels = [x for x in (current, prior, delta) if x is not None]
        named = [*levels, *([percent] if percent is not None else [])]
        if self._names_opaque(named) or self._names_truncated(named):
            return False
        if (
            self._symbol(current) == "%"  # a change of a percentage is in 百分点: the full path's
            or not self._same_unit(levels)
            or (percent is not None and self._symbol(percent) != "%")
        ):
            return False
        hooks = self.plan.change
        if not hooks:
            return None
        values, halves, _ = self._scaled(levels)
        amounts = iter(zip(values, halves, strict=True))
        c, hc = next(amounts)
        p, hp = next(amounts) if prior is not None else (None, 0)
        d, hd = next(amounts) if delta is not None else (None, 0)
        s: int | None = None
        hs, hundred = 0, 200
        if percent is not None:
            (s,), (hs,), e = self._scaled([percent])
            hundred = 200 * 10**e
        change = Change(rel["direction"] == "increase", c, hc, p, hp, d, hd, s, hs, hundred)
        return self._judge_by(hooks, self.plan.change_words, rel, change)

    def _equal(self, rel: dict[str, Any]) -> bool | None:
        """Screen a validated equality of figures in one unit."""
        ids = list(dict.fromkeys(self.operands[id(rel)]))
        if len(ids) < 2 or self._names_opaque(ids) or self._names_truncated(ids) or not self._same_unit(ids):
            return False
        hooks = self.plan.spans
        if not hooks:
            return None
        values, halves, _ = self._scaled(ids)
        return _judge(hooks, rel, list(zip(values, halves, strict=True)))

    def _linear(self, rel: dict[str, Any], left: list[Any], right: list[Any]) -> bool | None:
        """Screen ``Σ left = Σ right`` (or at least) as the selected rules judge its kind.

        Every figure is ``n·10^-d ± ½·10^-d``: doubled, and in units of the most decimals
        among them, the difference and how far rounding can move it are integers.
        Plain figures of one precision are read from the integer column directly.
        """
        checks = self.plan.linear.get(rel["kind"])
        if checks is None:
            mode = _UNJUDGED
        elif len(checks) == 1 and checks[0][1] is None:
            mode = checks[0][0]  # one rule, on every relation of the kind
        else:
            mode = _mode(checks, rel)
        if mode and self.numbers and not self.truncate_doc:
            get = self.numbers.__getitem__
            try:
                diff = 2 * (sum(map(get, left)) - sum(map(get, right)))
            except (KeyError, TypeError):
                pass  # a special figure, a missing one or not an id: the long way
            else:
                if not diff:
                    return True
                tol = 0 if self.exact_plain else len(left) + len(right)
                return -tol <= diff <= tol if mode == _EQUAL else diff + tol >= 0
        ids = [*left, *right]
        self._exist(ids)
        if self._names_opaque(ids) or not self._same_unit(ids):
            return False
        if not mode:
            return None
        values, halves, _ = self._scaled(ids)
        k = len(left)
        diff, tol = sum(values[:k]) - sum(values[k:]), sum(halves)
        if self._names_truncated(ids):
            # an end may be open: cleared strictly inside, the ends are the full path's
            return -tol < diff < tol if mode == _EQUAL else diff + tol > 0
        return _verdict(mode, diff, tol)

    def _plain_quotient(self, part: object, wholes: list[Any], stated: object) -> Quotient | None:
        """A share of plain amounts of one precision as integers, or None to take the long way.

        The stated figure must be a percentage without a ``decimals`` key; otherwise, or
        when an id names no plain figure, or the part is one of the wholes, None.
        """
        numbers = self.numbers
        if not numbers or self.exact_plain or type(stated) is not str or self.truncating:
            return None
        f = self.special.get(stated)
        if f is None or "decimals" in f or self._symbol(stated) != "%":
            return None
        try:
            if part in wholes:
                return None
            p = numbers[part]  # type: ignore[index]  # a KeyError or TypeError otherwise
            w = sum(map(numbers.__getitem__, wholes))
        except (KeyError, TypeError):
            return None
        text: str = f["value"].removesuffix("%")
        dot = text.find(".")
        e = 0 if dot < 0 else len(text) - dot - 1
        s = 2 * int(text.replace(".", ""))  # and ± 1: in units of ½·10^-e percent
        hs = 0 if e == 0 and s == 0 else 1  # a bare 0% is exactly none
        # p and w in units of 10^-d, each ± ½: doubled, ± 1 each.
        return Quotient(2 * p, 1, 2 * w, len(wholes), s, hs, 200 * 10**e)

    def _validated(self, rel: dict[str, Any]) -> None:
        """A relation of another kind, validated by its model (a change as plain data); its operands exist."""
        operands = _change_operands(rel) if rel["kind"] == "change" else None
        if operands is None:
            operands = _ledger.document.relation_operands(rel, self.limits)
        if operands is None:
            raise decline()
        self._exist(operands)
        self.operands[id(rel)] = operands

    def _quotient(self, part: str, wholes: list[str], stated: str) -> Quotient:
        """A share's figures as integers (the part not among the wholes)."""
        (p, *ws), (hp, *hws), _ = self._scaled([part, *wholes])
        (s,), (hs,), e = self._scaled([stated])
        # 100 % in units of ½·10^-e percent
        return Quotient(p, hp, sum(ws), sum(hws), s, hs, 200 * 10**e)
