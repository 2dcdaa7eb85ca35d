r"""The fast path: plain documents checked as parsed data, models built only for what is reported.

:func:`perfcheck.check` given a path or JSON bytes comes here first. A document is
*plain* when everything in it is in the forms this module reads without pydantic
or babel: values like ``"1234.56"``, ``"-3"`` or ``"38.56%"`` in a locale that reads
them as written, figure keys ``id``/``value``/``concept``/``label``/``unit``/
``decimals``/``source``, no escaped quote (``\"``), no key given twice, no
float. Anything else, and any document with a problem, goes to the full path
(:func:`perfcheck.loads`), which reports every problem with its place; so errors
are always the full path's. Keys given twice are found by counting: without
escaped quotes every ``"`` in the text opens or closes a string, so the text's
quotes are twice the strings of the parsed document exactly when no key was
dropped by the parser.

For a plain document:

1. ``orjson`` parses the bytes (a float anywhere declines: it would lose digits).
   Figures are checked a column at a time (all ids, all values) by joins and
   regular expressions that run in C; plain figures of one precision become
   integers by id (``"12.50"`` is 1250), the few others are read one by one.
2. ``sum``, ``balance`` and ``share`` relations are *screened* with exact integer
   arithmetic: every value becomes an integer in units of ``½·10^-D`` (``D`` the
   most decimals among the relation's figures), its rounding a whole number of
   those units, so "no true values within the rounding satisfy it" is an integer
   comparison. The plausibility rules are screened per figure.
3. A relation the screen cannot clear (broken, not checkable, mixed units, any
   other kind) and every figure a document rule may report are *escalated*: they
   form a small document of their own, validated and checked by the full path with
   the same rules. Its findings are the result's findings, in the same order.

The outcome of every screened relation that holds (:attr:`Result.checks`) is
computed by the full path when first asked for.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from itertools import repeat
from typing import Any, Final

import orjson
from pydantic import TypeAdapter, ValidationError

from perfcheck._core.errors import LedgerError
from perfcheck._core.limits import Limits
from perfcheck._core.units import Kind, Unit, UnknownUnitError, lookup_unit
from perfcheck._core.values import MAX_DIGITS, PLAIN_NUMBER, plain_locale
from perfcheck._engine.registry import Rule
from perfcheck._ledger.document import Ledger, Relation, validate

_TOP_KEYS: Final = frozenset(
    {"perfcheck", "title", "source", "entity", "period", "unit", "locale", "rounding", "figures", "relations"}
)
_TEXT_KEYS: Final = ("title", "source", "entity", "period")
_FIGURE_KEYS: Final = frozenset({"id", "value", "concept", "label", "unit", "decimals", "source"})
_SOURCE_KEYS: Final = frozenset({"section", "line", "start", "end", "text"})
_SUM_KEYS: Final = frozenset({"id", "kind", "label", "total", "parts", "exhaustive", "source"})
_BALANCE_KEYS: Final = frozenset({"id", "kind", "label", "inflows", "outflows", "source"})
_SHARE_KEYS: Final = frozenset({"id", "kind", "label", "part", "whole", "stated", "source"})
_PLAIN_KEYS: Final = frozenset({"id", "value", "concept", "label"})
_TEXT_TYPES: Final = frozenset({str, type(None)})
_VALUE: Final = rf"{PLAIN_NUMBER}%?+"
#: Newline-joined values, each plain: possessive, so one pass in C.
_VALUES: Final = re.compile(rf"{_VALUE}(?:\n{_VALUE})*+").fullmatch
_IDS: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,199}+(?:\n[A-Za-z_][A-Za-z0-9_]{0,199}+)*+").fullmatch
_DECIMALS: Final = re.compile(r"\.([0-9]+)")
_MAX_DECIMALS: Final = 30
#: The deepest a plain document nests: document, list, item, list of ids or source.
_PLAIN_DEPTH: Final = 4
_RELATION: Final[TypeAdapter[Any]] = TypeAdapter(Relation)


class _NotPlain(Exception):  # noqa: N818 - a signal, not an error
    """The document needs the full path."""


def _decline() -> _NotPlain:
    return _NotPlain()


@cache
def _unit(symbol: str) -> Unit | None:
    try:
        return lookup_unit(symbol)
    except UnknownUnitError:
        return None


def _source_strings(source: object) -> int:
    """How many strings a valid ``source`` holds; declines an invalid one."""
    if source is None:
        return 0
    if type(source) is not dict or not source.keys() <= _SOURCE_KEYS:
        raise _decline()
    strings = len(source)
    for key, value in source.items():
        if value is None:
            continue
        if key in ("section", "text"):
            if type(value) is not str:
                raise _decline()
            strings += 1
        elif type(value) is not int or value < (1 if key == "line" else 0):
            raise _decline()
    return strings


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
            raise _decline()
    return count


@dataclass(frozen=True, slots=True)
class Screens:
    """The rules the column screen stands in for, by role, and the facts it needs from them.

    The engine names no rule: the rules package builds this (``perfcheck.rules.SCREENS``).

    Attributes:
        known: every rule whose relations the screen may leave to the full path unscreened
            (other relation kinds) or screen (the roles below); any other rule sends the
            whole document to the full path.
        balance: the rule judging balances.
        total: the rule judging a sum's total.
        partial: the rule judging a partial (其中) sum.
        share: the rule judging a stated share.
        over_100: the document rule on shares over 100 %.
        shares: the document rule on shares of one whole adding up to more than 100 %.
        negative: the document rule on figures printed below zero that cannot be.
        excess: the document rule on a figure printed with more decimals than the rest.
        crash: the code crashed rules are reported under.
        inferred: the code errors on inferred relations are reported under (the screen
            sends every relation that says its basis to the full path).
        non_negative: concepts that cannot be negative (``negative``'s list).
        min_figures_for_precision: how many figures of a unit ``excess`` needs to judge.
    """

    known: tuple[Rule, ...]
    balance: Rule
    total: Rule
    partial: Rule
    share: Rule
    over_100: Rule
    shares: Rule
    negative: Rule
    excess: Rule
    crash: str
    inferred: str
    non_negative: frozenset[str]
    min_figures_for_precision: int

    @property
    def relation_rules(self) -> tuple[Rule, ...]:
        """The relation rules the screen clears relations for."""
        return (self.balance, self.total, self.partial, self.share)

    @property
    def document_codes(self) -> frozenset[str]:
        """The codes of the document rules the screen accounts for."""
        rules = (self.over_100, self.shares, self.negative, self.excess)
        return frozenset({*(r.code for r in rules), self.crash, self.inferred})

    @property
    def document_cleared(self) -> frozenset[str]:
        """Document rules that a screened document need not run on its escalated part.

        ``excess`` compares a figure's precision with the whole document's; the screen
        judged it over every figure.
        """
        return frozenset({self.excess.code})


class Plan:
    """What the screen does for one selection of rules."""

    __slots__ = (
        "balance",
        "excess",
        "min_figures",
        "negative",
        "non_negative",
        "over_100",
        "partial",
        "share",
        "shares",
        "total",
    )

    def __init__(self, rules: Iterable[Rule], screens: Screens) -> None:
        """Screen for ``rules``, whose roles ``screens`` gives."""
        chosen = {id(r) for r in rules}
        self.balance = id(screens.balance) in chosen
        self.total = id(screens.total) in chosen
        self.partial = id(screens.partial) in chosen
        self.share = id(screens.share) in chosen
        self.over_100 = id(screens.over_100) in chosen
        self.shares = id(screens.shares) in chosen
        self.negative = id(screens.negative) in chosen
        self.excess = id(screens.excess) in chosen
        self.non_negative = screens.non_negative
        self.min_figures = screens.min_figures_for_precision


def plan(rules: Iterable[Rule], screens: Screens) -> Plan | None:
    """How to screen for ``rules``, or None when one of them is not a rule the screen knows.

    Rules judging other relation kinds need no screening: their relations are all
    escalated. A rule is recognised by identity, so a look-alike rule of another
    registry sends the document to the full path.
    """
    known = {id(r) for r in screens.known}
    screened = {id(r) for r in screens.relation_rules}
    chosen = list(rules)
    for rule in chosen:
        if id(rule) not in known:
            return None
        if rule.kinds:
            if (
                id(rule) not in screened
                and rule.kinds & {"sum", "balance", "share"}
                and not rule.runs_on_invalid
            ):
                return None
        elif rule.code not in screens.document_codes:
            return None
    return Plan(chosen, screens)


class Screened:
    """A plain document after the screen: what the full path still has to check.

    Attributes:
        header: the document's keys other than figures and relations.
        figures: the figures to escalate, in document order (their dicts).
        relations: the relations to escalate, in document order.
        judged: how many screened relations hold under the selected rules.
    """

    __slots__ = ("figures", "header", "judged", "relations")

    def __init__(self, header: dict[str, Any], figures: list[Any], relations: list[Any], judged: int) -> None:
        """Hold the parts."""
        self.header = header
        self.figures = figures
        self.relations = relations
        self.judged = judged

    def document(self) -> dict[str, Any]:
        """The escalated part as a ledger document."""
        return {**self.header, "figures": self.figures, "relations": self.relations}


def screen(data: bytes, plan: Plan, limits: Limits) -> Screened | None:
    """Screen ``data``; None when it is not a plain document (the full path then reads it).

    Run it with the garbage collector paused (as :func:`perfcheck._engine.run.check_plain`
    does): the parsed document is millions of objects a collection would walk again
    and again.
    """
    if (
        len(data) > limits.max_bytes
        or b'\\"' in data  # an escaped quote: counting quotes would not count strings
        or (limits.max_json_depth is not None and limits.max_json_depth < _PLAIN_DEPTH)
    ):
        return None
    try:
        doc = orjson.loads(data)
    except orjson.JSONDecodeError:
        return None
    try:
        return _Screen(doc, plan, limits, escaped=b"\\" in data).run(data.count(b'"'))
    except _NotPlain:
        return None


class _Screen:
    """One pass over a parsed document.

    Figures are read column by column (every id, every value) with joins and
    regular expressions that run in C; the few *special* figures (an own unit,
    ``decimals``, a source, a percentage) are read one by one.
    """

    def __init__(  # noqa: C901 - the header's keys
        self, doc: object, plan: Plan, limits: Limits, *, escaped: bool = False
    ) -> None:
        if type(doc) is not dict or not doc.keys() <= _TOP_KEYS:
            raise _decline()
        self.doc: dict[str, Any] = doc
        # With escapes (json.dumps writes 万元 as an escape) a string may hold a newline,
        # so the joined columns are counted before they are trusted.
        self.escaped = escaped
        self.plan = plan
        self.limits = limits
        self.strings = len(doc)
        if doc.get("perfcheck") != "1":
            raise _decline()
        self.strings += 1
        for key in _TEXT_KEYS:
            self._text(doc.get(key))
        locale = doc.get("locale", "en_US")
        if "locale" in doc:
            self.strings += 1
        if type(locale) is not str or not plain_locale(locale):
            raise _decline()
        if "rounding" in doc:
            if doc["rounding"] != "nearest":
                raise _decline()
            self.strings += 1
        unit = doc.get("unit")
        self.unit: str | None = None
        if unit is not None:
            self._text(unit)
            if _unit(unit) is None:
                raise _decline()
            self.unit = unit
        figures = doc.get("figures", [])
        relations = doc.get("relations", [])
        if type(figures) is not list or type(relations) is not list:
            raise _decline()
        if len(figures) > limits.max_figures or len(relations) > limits.max_relations:
            raise _decline()
        self.figures: list[Any] = figures
        self.relations: list[Any] = relations
        # Plain figures, by id: as integers n (the value is n·10^-uniform) when every plain
        # figure shows the same decimals, else as their dicts.
        self.numbers: dict[str, int] = {}
        self.plain: dict[str, dict[str, Any]] = {}
        self.special: dict[str, dict[str, Any]] = {}  # figures read one by one, by id
        self.uniform: int | None = None  # the decimals every plain figure shows, if one number
        self.exact_plain = False  # plain figures are exact (a count unit, no decimals)
        self.flagged: list[str] = []  # figures a document rule reports
        self.precision: dict[str, dict[int, int]] = {}
        self.operands: dict[int, list[str]] = {}  # of relations of other kinds, by id()

    def _text(self, value: object) -> None:
        if value is None:
            return
        if type(value) is not str:
            raise _decline()
        self.strings += 1

    def run(self, quotes: int) -> Screened:
        self._figures()
        escalated, judged = self._relations()
        if self.strings * 2 != quotes:
            raise _decline()  # a key given twice (the parser kept one), or a string we did not see
        if self.plan.excess and self._excess_precision():
            raise _decline()
        figures = self._escalated_figures(escalated)
        header = {k: v for k, v in self.doc.items() if k not in ("figures", "relations")}
        return Screened(header, figures, escalated, judged)

    def _escalated_figures(self, escalated: list[Any]) -> list[Any]:
        """The figures the escalated relations name, and the flagged ones.

        In document order when a document rule reports figures (its findings come in
        that order) or when plain figures are held as integers (their dicts are found by
        a pass over the figures); otherwise in the order the relations name them.
        """
        needed = dict.fromkeys(self.flagged)
        for rel in escalated:
            needed.update(dict.fromkeys(self._operands(rel)))
        if not needed:
            return []
        if self.flagged or self.numbers:
            return [f for f in self.figures if f["id"] in needed]
        plain, special = self.plain, self.special
        return [special[x] if x in special else plain[x] for x in needed]

    # -- figures ---------------------------------------------------------------

    def _figures(self) -> None:  # noqa: C901, PLR0912 - every key a figure may have
        figs = self.figures
        if not figs:
            return
        try:
            keys: set[str] = set().union(*figs)
            ids = [f["id"] for f in figs]
            values = [f["value"] for f in figs]
            joined_ids = "\n".join(ids)
            joined = "\n".join(values)
        except (TypeError, KeyError):
            raise _decline() from None  # a figure that is not an object, or lacks an id or value
        if not keys <= _FIGURE_KEYS or type(figs[0]) is not dict:
            raise _decline()
        n = len(figs)
        if self.escaped and (joined_ids.count("\n") != n - 1 or joined.count("\n") != n - 1):
            raise _decline()  # an id or value holding a newline: the joins would not split exactly
        if (
            not _IDS(joined_ids)
            or not _VALUES(joined)
            or max(map(len, values)) > min(self.limits.max_digits, MAX_DIGITS)
        ):
            raise _decline()
        del joined_ids
        self.strings += sum(map(len, figs)) + 2 * len(figs)
        for key in ("concept", "label"):
            if key in keys:
                types = Counter(map(type, map(dict.get, figs, repeat(key))))
                if not types.keys() <= _TEXT_TYPES:
                    raise _decline()
                self.strings += types[str]
        special: set[int] = set()
        for key in keys - _PLAIN_KEYS:
            special.update([i for i, f in enumerate(figs) if key in f])
        pos = joined.find("%")
        while pos >= 0:  # a percentage: its index is the number of newlines before it
            special.add(joined.count("\n", 0, pos))
            pos = joined.find("%", pos + 1)
        special_at = sorted(special)
        for i in special_at:
            self._special(figs[i])
        self._plain_precision(joined, values, special_at)
        by_id: dict[str, Any]
        if self.uniform is not None:
            digits = values
            if special_at:  # their numbers are read one by one; "38.56%" is no integer
                digits = values.copy()
                for i in special_at:
                    digits[i] = "0"
            # "12.50" is 1250 hundredths: drop the point, read the digits.
            by_id = dict(zip(ids, map(int, map(str.replace, digits, repeat("."), repeat(""))), strict=True))
            self.numbers = by_id
        else:
            by_id = self.plain = dict(zip(ids, figs, strict=True))
        if len(by_id) != len(figs):
            raise _decline()  # an id used twice
        for i in special_at:
            del by_id[ids[i]]
        del ids
        if "-" in joined and self.plan.negative:
            for i, v in enumerate(values):
                if v[0] == "-" and v.strip("-0.") and i not in special:
                    self._negative(figs[i], self.unit)

    def _plain_precision(self, joined: str, values: list[str], special_at: list[int]) -> None:
        """How many decimals the plain figures show: one number (``uniform``) or a count of each."""
        d0 = _shown(values[0])
        n = len(values)
        if ("." not in joined) if d0 == 0 else (joined.count(".") == n and not _other_decimals(d0)(joined)):
            counts = {d0: n - len(special_at)}  # every value shows d0 decimals, the special ones too
        else:
            counts = dict(Counter(map(len, _DECIMALS.findall(joined))))
            counts[0] = n - sum(counts.values())
            for i in special_at:
                d = _shown(values[i])
                counts[d] -= 1
        counts = {d: k for d, k in counts.items() if k}
        if len(counts) == 1:
            self.uniform = next(iter(counts))
        if counts and self.unit is None:
            raise _decline()  # a figure without a unit in a document without one
        doc_unit = _unit(self.unit) if self.unit is not None else None
        if doc_unit is not None:
            self.exact_plain = doc_unit.kind is Kind.COUNT and doc_unit.factor == 1 and self.uniform == 0
            if doc_unit.kind is Kind.AMOUNT and counts:
                mine = self.precision.setdefault(doc_unit.symbol, {})
                for d, n in counts.items():
                    mine[d] = mine.get(d, 0) + n

    def _special(self, f: dict[str, Any]) -> None:  # noqa: C901 - every key a figure may have
        """Read one figure with an own unit, decimals, a source or a percentage."""
        fid: str = f["id"]
        value: str = f["value"]
        self.special[fid] = f
        symbol = self.unit
        own = f.get("unit")
        if own is not None:
            if type(own) is not str or _unit(own) is None:
                raise _decline()
            self.strings += 1
            symbol = own
        decimals = f.get("decimals")
        if decimals is not None and (type(decimals) is not int or abs(decimals) > _MAX_DECIMALS):
            raise _decline()
        if "source" in f:
            self.strings += _source_strings(f["source"])
        if value[-1] == "%":
            if own is not None and own != "%":
                raise _decline()  # the value's % against the figure's own unit
            symbol = "%"
        if symbol is None:
            raise _decline()
        shown = _shown(value)
        if decimals is not None and (decimals < 0 or shown > decimals):
            raise _decline()  # the full path checks the value against its precision
        unit = _unit(symbol)
        assert unit is not None  # noqa: S101 - looked up above
        if unit.kind is Kind.AMOUNT:
            counts = self.precision.setdefault(unit.symbol, {})
            used = shown if decimals is None else decimals
            counts[used] = counts.get(used, 0) + 1
        if value[0] == "-" and value.strip("-0.%") and self.plan.negative:
            self._negative(f, symbol)

    def _negative(self, f: dict[str, Any], symbol: str | None) -> None:
        """Flag a figure printed below zero that PC603 says cannot be.

        Rounded to nearest, a value printed below zero stands for values below zero.
        """
        unit = _unit(symbol) if symbol is not None else None
        if (unit is not None and unit.kind is Kind.COUNT) or f.get("concept") in self.plan.non_negative:
            self.flagged.append(f["id"])

    def _excess_precision(self) -> bool:
        """Whether PC604 reports any figure."""
        fewest = self.plan.min_figures
        for counts in self.precision.values():
            if sum(counts.values()) < fewest:
                continue
            usual = max(counts, key=lambda d: (counts[d], d))
            if max(counts) > usual:
                return True
        return False

    def _number(self, fid: str) -> tuple[int, int, bool]:
        """A figure as ``(n, e, exact)``.

        Its value is ``n·10^-e`` and, unless exact, its rounding ``½·10^-e`` either way
        (``e`` is its precision; only counts are exact).
        """
        f = self.special.get(fid)
        if f is None and self.numbers:
            return self.numbers[fid], self.uniform or 0, self.exact_plain
        text = (self.plain[fid] if f is None else f)["value"]
        if text[-1] == "%":
            text = text[:-1]
        dot = text.find(".")
        if dot < 0:
            n, d = int(text), 0
        else:
            n, d = int(text[:dot] + text[dot + 1 :]), len(text) - dot - 1
        decimals = None if f is None else f.get("decimals")
        if decimals is None:
            unit = _unit(self._symbol(fid))
            exact = unit is not None and unit.kind is Kind.COUNT and unit.factor == 1 and d == 0
            return n, d, exact
        return n * 10 ** (decimals - d), decimals, False

    def _symbol(self, fid: str) -> str | None:
        """A figure's unit symbol (every figure has one: the screen declines figures without)."""
        f = self.special.get(fid)
        if f is None:
            return self.unit
        if f["value"][-1] == "%":
            return "%"
        own: str | None = f.get("unit")
        return own if own is not None else self.unit

    # -- relations -------------------------------------------------------------

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

    def _relations(self) -> tuple[list[Any], int]:  # noqa: C901, PLR0912 - the hot loop, inlined
        rels = self.relations
        if not rels:
            return [], 0
        try:
            ids = [r["id"] for r in rels]
            kinds = [r["kind"] for r in rels]
            joined_ids = "\n".join(ids)
            "".join(kinds)
        except (TypeError, KeyError):
            raise _decline() from None  # not an object, or no id or kind: the full path says which
        if self.escaped and joined_ids.count("\n") != len(rels) - 1:
            raise _decline()  # an id holding a newline
        if not _IDS(joined_ids) or len(set(ids)) != len(rels) or type(rels[0]) is not dict:
            raise _decline()  # a bad id, or one used twice
        del ids, joined_ids
        self.strings += sum(map(len, rels)) + 2 * len(rels)
        if self.plan.shares and kinds.count("share") > 1:
            raise _decline()  # PC602 groups shares across the document
        escalated: list[Any] = []
        judged = 0
        get = self.numbers.__getitem__
        slack = 0 if self.exact_plain else 1  # each figure's rounding, in units of ½·10^-uniform
        total_on = self.plan.total and bool(self.numbers)
        strings = 0
        for rel in rels:
            # The common case inline: a sum of plain figures of one precision.
            if total_on and rel["kind"] == "sum" and len(rel) == 4 and "parts" in rel and "total" in rel:
                parts = rel["parts"]
                if type(parts) is list and parts:
                    strings += len(parts) + 1
                    try:
                        diff = get(rel["total"]) - sum(map(get, parts))
                    except (KeyError, TypeError):
                        pass  # a special figure, a missing one, not an id: the long way
                    else:
                        if not diff or 2 * abs(diff) <= slack * (len(parts) + 1):
                            judged += 1
                        else:
                            escalated.append(rel)
                        continue
                    strings -= len(parts) + 1
            outcome = self._relation(rel)
            if outcome is False:
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
            self.strings += _source_strings(rel["source"])
        if kind == "sum":
            parts = rel.get("parts")
            exhaustive = rel.get("exhaustive", True)
            if type(parts) is not list or not parts or type(exhaustive) is not bool:
                raise _decline()
            self.strings += len(parts) + 1
            total: str = rel.get("total")  # type: ignore[assignment] # an id, or the lookup declines
            if not (plan.total if exhaustive else plan.partial):
                self._exist([total, *parts])
                return None if self._same_unit([total, *parts]) else False
            quick = self._plain_sum([total], parts, exhaustive=exhaustive)
            if quick is not None:
                return quick
            ids = [total, *parts]
            self._exist(ids)
            return self._sum(ids, exhaustive=exhaustive) if self._same_unit(ids) else False
        if kind == "balance":
            ins = rel.get("inflows")
            outs = rel.get("outflows")
            if type(ins) is not list or type(outs) is not list or not ins or not outs:
                raise _decline()
            self.strings += len(ins) + len(outs)
            if not plan.balance:
                self._exist([*ins, *outs])
                return None if self._same_unit([*ins, *outs]) else False
            quick = self._plain_sum(outs, ins, exhaustive=True)
            if quick is not None:
                return quick
            ids = [*outs[:1], *ins, *outs[1:]]
            self._exist(ids)
            return self._sum(ids, exhaustive=True, signs=len(ins)) if self._same_unit(ids) else False
        whole = rel.get("whole")
        wholes = [whole] if type(whole) is str else whole
        if type(wholes) is not list or not wholes:
            raise _decline()
        self.strings += len(wholes) + 2
        part, stated = rel.get("part"), rel.get("stated")
        if plan.share or plan.over_100:
            quick = self._plain_share(part, wholes, stated)
            if quick is not None:
                return quick
        self._exist([part, *wholes, stated])
        assert isinstance(part, str)  # noqa: S101 - a figure id
        assert isinstance(stated, str)  # noqa: S101 - a figure id
        if not self._same_unit([part, *wholes]) or self._symbol(stated) != "%":
            return False
        if not (plan.share or plan.over_100):
            return None
        return self._share(part, wholes, stated)

    def _plain_sum(self, left: list[Any], right: list[Any], *, exhaustive: bool) -> bool | None:
        """``Σ left = Σ right`` for plain figures of one precision, or None to take the long way.

        Every figure is ``n·10^-d ± ½·10^-d``: the relation holds exactly when
        ``|Σ n_left - Σ n_right| <= (number of figures) / 2`` (0 for exact counts).
        """
        if not self.numbers:
            return None
        get = self.numbers.__getitem__
        try:
            diff = sum(map(get, left)) - sum(map(get, right))
        except (KeyError, TypeError):
            return None  # a special figure, a missing one or not an id: the long way
        if not diff:
            return True
        n = 0 if self.exact_plain else len(left) + len(right)
        return 2 * abs(diff) <= n if exhaustive else 2 * diff + n >= 0

    def _plain_share(self, part: object, wholes: list[Any], stated: object) -> bool | None:  # noqa: PLR0911
        """``part / Σ wholes × 100 = stated`` for plain amounts of one precision.

        The stated figure must be a percentage without a ``decimals`` key; otherwise, or
        when an id names no plain figure, None: the long way (:meth:`_share`).
        """
        numbers = self.numbers
        if not numbers or self.exact_plain or type(stated) is not str:
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
        hundred = 200 * 10**e
        if self.plan.over_100 and s - 1 > hundred:
            return False
        if not self.plan.share:
            return None
        # p and w in units of 10^-d, each ± ½: doubled, ± 1 each.
        p, w, hw = 2 * p, 2 * w, len(wholes)
        if w - hw <= 0 or p - 1 < 0:
            return False  # not checkable, or a part that may be negative: the full path judges
        return bool((s - 1) * (w - hw) <= hundred * (p + 1) and hundred * (p - 1) <= (s + 1) * (w + hw))

    def _validated(self, rel: dict[str, Any]) -> None:
        """A relation of another kind, validated by its model; its operands must exist."""
        try:
            model = _RELATION.validate_python(rel, context={"limits": self.limits})
        except ValidationError:
            raise _decline() from None
        self._exist(model.operands())
        self.operands[id(rel)] = model.operands()

    def _exist(self, ids: list[Any]) -> None:
        plain = self.numbers or self.plain
        special = self.special
        try:
            for x in ids:
                if x not in plain and x not in special:
                    raise _decline()
        except TypeError:
            raise _decline() from None

    def _same_unit(self, ids: list[str]) -> bool:
        first = self._symbol(ids[0])
        return all(self._symbol(x) == first for x in ids[1:])

    def _scaled(self, ids: list[str]) -> tuple[list[int], list[int], int]:
        """Values and roundings of figures in one unit as integers in units of ``½·10^-D``, and ``D``."""
        nums = [self._number(x) for x in ids]
        top = max(e for _, e, _ in nums)
        values = [2 * n * 10 ** (top - e) for n, e, _ in nums]
        halves = [0 if exact else 10 ** (top - e) for _, e, exact in nums]
        return values, halves, top

    def _sum(self, ids: list[str], *, exhaustive: bool, signs: int = 0) -> bool:
        """Whether ``ids[0] = Σ ids[1:]`` can hold within rounding.

        With ``signs``, the first ``signs`` of ``ids[1:]`` add and the rest subtract
        (a balance: ``out₀ = Σ in - Σ out₁…``).
        """
        values, halves, _ = self._scaled(ids)
        if signs:
            diff = values[0] - sum(values[1 : 1 + signs]) + sum(values[1 + signs :])
        else:
            diff = values[0] - sum(values[1:])
        if not diff:
            return True
        tol = sum(halves)
        return -tol <= diff <= tol if exhaustive else diff + tol >= 0

    def _share(self, part: str, wholes: list[str], stated: str) -> bool | None:
        """Whether ``part / Σ wholes × 100 = stated`` can hold (and PC601 is silent)."""
        plan = self.plan
        if part in wholes:
            return False
        (p, *ws), (hp, *hws), _ = self._scaled([part, *wholes])
        (s,), (hs,), e = self._scaled([stated])
        hundred = 200 * 10**e  # 100 % in units of ½·10^-e percent
        if plan.over_100 and s - hs > hundred:
            return False
        if not plan.share:
            return None
        w, hw = sum(ws), sum(hws)
        if w - hw <= 0 or p - hp < 0:
            return False  # not checkable, or a part that may be negative: the full path judges
        return bool((s - hs) * (w - hw) <= hundred * (p + hp) and hundred * (p - hp) <= (s + hs) * (w + hw))


def _shown(value: str) -> int:
    """Decimals a plain value shows."""
    dot = value.find(".")
    return 0 if dot < 0 else len(value) - dot - 1 - (value[-1] == "%")


_OTHER_DECIMALS: dict[int, Callable[[str], re.Match[str] | None]] = {}


def _other_decimals(d: int) -> Callable[[str], re.Match[str] | None]:
    """Finds a value that does not show exactly ``d`` decimals (``d >= 1``)."""
    search = _OTHER_DECIMALS.get(d)
    if search is None:
        search = _OTHER_DECIMALS[d] = re.compile(
            rf"\.(?:[0-9]{{0,{d - 1}}}(?![0-9])|[0-9]{{{d + 1}}})"
        ).search
    return search


def escalated_ledger(screened: Screened, limits: Limits) -> Ledger | None:
    """The escalated part validated as a ledger; None if it does not validate (never expected)."""
    try:
        return validate(screened.document(), limits=limits)
    except LedgerError:
        return None
