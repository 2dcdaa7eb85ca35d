"""The column screen's reading of a plain document's header and figures (:mod:`perfcheck._engine.fast`).

Figures are read column by column (every id, every value) with joins and regular
expressions that run in C; the few *special* figures (an own unit, ``decimals``, a
source, a percentage) are read one by one. :class:`FigureColumns` holds what was read:
plain figures as integers by id when they show one precision, each figure's unit, and
the precisions every amount unit is printed with. The screen of
:mod:`perfcheck._engine.fast` reads the relations on top of it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from itertools import repeat
from operator import contains
from typing import TYPE_CHECKING, Any, Final

from perfcheck import _ledger
from perfcheck._core.errors import LedgerError
from perfcheck._core.limits import Limits
from perfcheck._core.units import YUAN, Kind, Unit, UnknownUnitError, lookup_unit
from perfcheck._core.values import MAX_DIGITS, PLAIN_NUMBER, ValueFormatError, plain_locale
from perfcheck._engine.compile import FigureView, view_ledger
from perfcheck._engine.plain import PlainDocument, plain_view

if TYPE_CHECKING:
    from perfcheck._engine.fast import Plan

#: A value printed as a bare 0 (结转下年0万元), alone on its line of the joined values.
_BARE_ZERO: Final = re.compile(r"(?m)^-?0+$")
_ALL_ZEROS: Final = re.compile(r"-?0+").fullmatch
_TOP_KEYS: Final = frozenset(
    {"perfcheck", "title", "source", "entity", "period", "unit", "locale", "rounding", "figures", "relations"}
)
_TEXT_KEYS: Final = ("title", "source", "entity", "period")
_FIGURE_KEYS: Final = frozenset({"id", "value", "concept", "label", "unit", "decimals", "rounding", "source"})
_SOURCE_KEYS: Final = frozenset({"section", "line", "start", "end", "text"})
_PLAIN_KEYS: Final = frozenset({"id", "value", "concept", "label"})
#: The keys of a figure :meth:`FigureColumns._quick` reads without validating it.
_QUICK_KEYS: Final = frozenset({"id", "value", "concept", "label", "unit"})
#: A plain number not below zero, as a value printed with its unit starts.
_UNSIGNED: Final = re.compile(r"[0-9]++(?:\.[0-9]++)?+").fullmatch
_TEXT_TYPES: Final = frozenset({str, type(None)})
#: Figures a document may have for :meth:`FigureColumns._figures` to take a step per figure
#: where the column's passes would cost more in set-up than they save.
_FEW: Final = 64
_VALUE: Final = rf"{PLAIN_NUMBER}%?+"
#: Newline-joined values, each plain: possessive, so one pass in C.
_VALUES: Final = re.compile(rf"{_VALUE}(?:\n{_VALUE})*+").fullmatch
#: One id as the ledger's ``Identifier`` takes it: 1 to 200 characters, no control character,
#: no space at either end.
_ID: Final = r"[^\s\x00-\x1f\x7f-\x9f](?:[^\x00-\x1f\x7f-\x9f]{0,198}[^\s\x00-\x1f\x7f-\x9f])?+"
#: Newline-joined ids (a newline is a control character, so it separates them).
IDS: Final = re.compile(rf"{_ID}(?:\n{_ID})*+").fullmatch
#: One id alone.
ID: Final = re.compile(_ID).fullmatch
#: Newline-joined ids of small documents found valid: a batch of reports of one template
#: names the same figures and relations in each, checked by :data:`IDS` once.
_VALID_IDS: set[str] = set()
_SMALL_IDS: Final = 4096  # characters: a longer text costs more to hash than a small one to check
_MANY_IDS: Final = 256


def valid_ids(joined: str) -> bool:
    """Whether newline-joined ids are all valid (:data:`IDS`), remembering the small texts found valid."""
    small = len(joined) <= _SMALL_IDS
    if small and joined in _VALID_IDS:
        return True
    if IDS(joined) is None:
        return False
    if small and len(_VALID_IDS) < _MANY_IDS:
        _VALID_IDS.add(joined)
    return True


_VALUE_ALONE: Final = re.compile(_VALUE).fullmatch
#: A run of plain values, each ending its line (possessive: it stops at the first other line).
_PLAIN_RUN: Final = re.compile(rf"(?:{_VALUE}\n)*+").match
_PERCENT: Final = re.compile("%").finditer
_DECIMALS: Final = re.compile(r"\.([0-9]+)")
_MAX_DECIMALS: Final = 30


class NotPlain(Exception):  # noqa: N818 - a signal, not an error
    """The document needs the full path."""


def decline() -> NotPlain:
    """The signal to raise: the document needs the full path."""
    return NotPlain()


@cache
def _unit(symbol: str) -> Unit | None:
    try:
        return lookup_unit(symbol)
    except UnknownUnitError:
        return None


def source_strings(source: object) -> int:
    """How many strings a valid ``source`` holds; declines an invalid one."""
    if source is None:
        return 0
    if type(source) is not dict or not source.keys() <= _SOURCE_KEYS:
        raise decline()
    strings = len(source)
    for key, value in source.items():
        if value is None:
            continue
        if key in ("section", "text"):
            if type(value) is not str:
                raise decline()
            strings += 1
        elif type(value) is not int or value < (1 if key == "line" else 0):
            raise decline()
    return strings


class FigureColumns:
    """A parsed plain document's header and figures, read; the relations are the subclass's.

    Raises :class:`NotPlain` (through :func:`decline`) on anything not plain.
    """

    def __init__(self, doc: object, plan: Plan, limits: Limits, *, escaped: bool = False) -> None:
        if type(doc) is not dict or not doc.keys() <= _TOP_KEYS:
            raise decline()
        self.doc: dict[str, Any] = doc
        # With escapes (json.dumps writes 万元 as an escape) a string may hold a newline,
        # so the joined columns are counted before they are trusted.
        self.escaped = escaped
        self.plan = plan
        self.limits = limits
        self.strings = len(doc)
        if doc.get("perfcheck") != "1":
            raise decline()
        self.strings += 1
        for key in _TEXT_KEYS:
            self._text(doc.get(key))
        locale = doc.get("locale", "en_US")
        if "locale" in doc:
            self.strings += 1
        if type(locale) is not str or not plain_locale(locale):
            raise decline()
        # Truncated figures (the document's rounding, or a figure's own) stand for [v, v + u)
        # (below zero (v - u, v], at zero (-u, u)): open at one end. The screen clears a
        # linear relation naming one only strictly inside its bounds; at an end, and for
        # every other kind, the relation goes to the full path alone.
        self.truncate_doc = self._doc_rounding(doc)
        self.truncated: set[str] = set()  # figures truncated in a document rounded to nearest
        self.nearest: set[str] = set()  # figures rounded to nearest in a truncated document
        unit = doc.get("unit")
        self.unit: str | None = None
        if unit is not None:
            self._text(unit)
            if _unit(unit) is None:
                raise decline()
            self.unit = unit
        figures = doc.get("figures", [])
        relations = doc.get("relations", [])
        if type(figures) is not list or type(relations) is not list:
            raise decline()
        if len(figures) > limits.max_figures or len(relations) > limits.max_relations:
            raise decline()
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
        # The special and opaque figures precision counts: (unit symbol, decimals), by id.
        self.rounded: dict[str, tuple[str, int]] = {}
        # Figures whose values the column does not read and the screen cannot judge (a
        # qualifier, digits beyond their decimals), by id: escalated with their relations.
        self.opaque: dict[str, dict[str, Any]] = {}
        # Opaque figures whose views were read as plain data (a qualified value, 约339人次): their
        # unit symbols, by id. Only the relations naming them are escalated.
        self.qualified: dict[str, str] = {}
        self.viewed: set[str] = set()  # the figures whose views were read as plain data
        # Figures whose values the column does not read but whose views the screen judges (a
        # unit in the value, a JSON number): ``(n, e, exact, unit symbol)``, and their dicts.
        self.read: dict[str, tuple[int, int, bool, str]] = {}
        self.opaque_at: frozenset[int] = frozenset()
        self.operands: dict[int, list[str]] = {}  # of relations of other kinds, by id()
        self.kinds: list[str] = []  # of every relation, in document order
        self.ids: list[str] = []  # of every figure, in document order

    def _doc_rounding(self, doc: dict[str, Any]) -> bool:
        """Whether the document truncates its figures."""
        if "rounding" not in doc:
            return False
        self.strings += 1
        if doc["rounding"] not in ("nearest", "truncate"):
            raise decline()
        return bool(doc["rounding"] == "truncate")

    def _text(self, value: object) -> None:
        if value is None:
            return
        if type(value) is not str:
            raise decline()
        self.strings += 1

    def _figures(self) -> None:  # noqa: C901, PLR0912, PLR0915 - every key a figure may have
        figs = self.figures
        if not figs:
            return
        try:
            keys: set[str] = set().union(*figs)
            ids = [f["id"] for f in figs]
            values = [f["value"] for f in figs]
            joined_ids = "\n".join(ids)
        except (TypeError, KeyError):
            raise decline() from None  # a figure that is not an object, or lacks an id or value
        if not keys <= _FIGURE_KEYS or type(figs[0]) is not dict:
            raise decline()
        n = len(figs)
        longest = min(self.limits.max_digits, MAX_DIGITS)
        strings: str | None
        try:
            joined = strings = "\n".join(values)
            plain = bool(_VALUES(joined)) and max(map(len, values)) <= longest
        except TypeError:  # a JSON number
            plain, strings = False, None
        opaque_at: list[int] = []
        if not plain:
            # The values the column cannot read (a qualifier, a unit, a JSON number...) are
            # validated one by one; the column reads the others.
            opaque_at = _unplain(values, longest, strings)
            values = self._opaque([figs[i] for i in opaque_at], values, opaque_at)
            joined = "\n".join(values)
        if self.escaped and (joined_ids.count("\n") != n - 1 or joined.count("\n") != n - 1):
            raise decline()  # an id or value holding a newline: the joins would not split exactly
        if not valid_ids(joined_ids):
            raise decline()
        del joined_ids
        numbers = sum(type(figs[i]["value"]) is not str for i in opaque_at)  # JSON numbers are no strings
        self.strings += sum(map(len, figs)) + 2 * len(figs) - numbers
        for key in ("concept", "label"):
            if key in keys:
                types = Counter(map(type, map(dict.get, figs, repeat(key))))
                if not types.keys() <= _TEXT_TYPES:
                    raise decline()
                self.strings += types[str]
        special: set[int] = set()
        for key in keys - _PLAIN_KEYS:
            if n <= _FEW:  # a small document: one step per figure costs less than the column's set-up
                special.update([i for i, f in enumerate(figs) if key in f])
            else:
                special.update(_indexes(list(map(contains, figs, repeat(key))), value=True))
        # a percentage: its index is the number of newlines before it
        if "%" in joined:
            special.update(_lines(joined, _PERCENT(joined)))
        special.difference_update(opaque_at)
        special_at = sorted(special)
        for i in special_at:
            self._special(figs[i])
        # Opaque figures are set aside as special ones are: their values are placeholders.
        if opaque_at:
            special_at = sorted([*special_at, *opaque_at])
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
            raise decline()  # an id used twice
        for i in special_at:
            del by_id[ids[i]]
        self.ids = ids
        if self.read and self.uniform is not None:
            # read figures printed as the column's are integers of the column
            for fid, (n, e, exact, symbol) in self.read.items():
                same = symbol == self.unit and e == self.uniform and exact == self.exact_plain
                if same and self._truncated(fid) is self.truncate_doc:
                    self.numbers[fid] = n
        if "-" in joined and self.plan.below_zero:
            for i, v in enumerate(values):
                if v[0] == "-" and v.strip("-0.") and i not in special and i not in self.opaque_at:
                    self._negative(figs[i], self.unit)

    def _opaque(self, figures: list[dict[str, Any]], values: list[Any], at: list[int]) -> list[str]:
        """Set aside figures whose values the column cannot read; the values with placeholders for them.

        Their views are read as plain data when they have no key a view of parsed data does
        not read (:meth:`_plain_view`), else validated as a small document of their own (a
        problem sends the whole document to the full path, which says where it is). One
        whose view is a plain rounded number (a unit in the value, a JSON number, a
        separator) is *read*: its integer joins the column's, and its relations are screened
        as the others are. One the screen cannot judge (a qualifier, a truncated or negative
        precision, digits beyond its decimals) stays *opaque*: every relation naming it is
        escalated, unless the rules judge it on plain data (a sum or balance of figures whose
        views are read as plain data, :attr:`qualified`); an opaque figure validated by its
        model is escalated itself, a qualified one only when a document rule may report it
        (PC603). What document rules count of them (their precisions) is read from their views.
        """
        if len(at) == len(values) or any(type(values[i]) is float for i in at):
            raise decline()  # nothing for the column, or a float whose digits are lost
        quick = [self._quick(f) for f in figures]
        views = self._views([f for f, q in zip(figures, quick, strict=True) if q is None])
        for f, q in zip(figures, quick, strict=True):  # the strings special figures count, as _special
            if type(f.get("unit")) is str:
                self.strings += 1
            if "source" in f:
                self.strings += source_strings(f["source"])
            if q is None:
                self._read_view(f, views[f["id"]])
            else:
                self.read[f["id"]] = q
                self.viewed.add(f["id"])
                if self.plan.below_zero and q[0] < 0:
                    self._negative(f, q[3])
        self.opaque_at = frozenset(at)
        filler = next(v for v in values if type(v) is str and _plain_value(v, MAX_DIGITS))
        values = values.copy()
        for i in at:
            values[i] = filler
        return values

    def _views(self, figures: list[dict[str, Any]]) -> dict[str, FigureView]:
        """Figures as views by id, their precisions counted.

        A figure with no key but an id, a value, a label, a concept and a unit is read as
        plain data (:func:`~perfcheck._engine.plain.plain_view`); the others are validated
        as a small document of their own.
        """
        views: dict[str, FigureView] = {}
        others: list[dict[str, Any]] = []
        for f in figures:
            view = self._plain_view(f)
            if view is None:
                others.append(f)
            else:
                views[f["id"]] = view
                self.viewed.add(f["id"])
        if others:
            header = {k: self.doc[k] for k in ("perfcheck", "unit", "locale", "rounding") if k in self.doc}
            try:
                ledger = _ledger.document.validate(
                    {**header, "figures": others, "relations": []}, limits=self.limits
                )
            except LedgerError:
                raise decline() from None
            views.update(view_ledger(ledger))
        for fid, view in views.items():
            if view.unit.kind is Kind.AMOUNT and not view.exact and view.qualifier is None:
                self._count(fid, view.unit.symbol, view.decimals)
        return views

    def _plain_view(self, f: dict[str, Any]) -> FigureView | None:
        """A figure's view read as plain data, as its model would read it; None to validate it.

        Only a figure with no key but an id, a value given as text, a concept, a label and a
        known unit (the column checks the ids, concepts and labels of every figure). A
        value the model refuses (too many digits, not a number, no unit) declines the
        document: the full path says where.
        """
        value = f["value"]
        own = f.get("unit")
        if not f.keys() <= _QUICK_KEYS or type(value) is not str:
            return None
        if own is not None and (type(own) is not str or _unit(own) is None):
            return None  # an unknown unit: validation says so
        longest = self.limits.max_digits
        if len(value) > longest and sum(map(str.isdigit, value)) > longest:
            raise decline()
        document = PlainDocument(self.unit, self.doc.get("rounding", "nearest"))
        try:
            view, printed = plain_view(f, document, self.doc.get("locale", "en_US"))
        except ValueFormatError:
            raise decline() from None
        if not printed and own is None and self.unit is None:
            raise decline()  # no unit at all
        return view

    def _quick(self, f: dict[str, Any]) -> tuple[int, int, bool, str] | None:
        """A figure read as :meth:`_read_view` reads its view, without validating it; None to validate it.

        Only the two commonest forms whose view is certain without parsing: a JSON integer
        (``"value": 70``) and a plain number followed by exactly the figure's unit
        (``"123.45万元"``, not below zero), with no key but an id, a value, a concept, a label
        and a known unit (the column checks the ids, concepts and labels of every figure).
        Its precision is counted as its view's would be.
        """
        if not f.keys() <= _QUICK_KEYS:
            return None
        own = f.get("unit")
        if own is not None and (type(own) is not str or _unit(own) is None):
            return None  # an unknown unit: validation says so
        symbol = own if own is not None else self.unit
        unit = _unit(symbol) if symbol is not None else None
        if unit is None or unit.kind not in (Kind.AMOUNT, Kind.COUNT):
            return None
        text = _quick_text(f["value"], unit)
        if text is None:
            return None
        dot = text.find(".")
        e = 0 if dot < 0 else len(text) - dot - 1
        digits = len(text) - (dot >= 0) - (text[0] == "-")
        if digits > min(self.limits.max_digits, MAX_DIGITS) or e > self.limits.max_exponent:
            return None  # too long: validation says so
        n = int(text.replace(".", ""))
        # as the view: a count printed without decimals is exact, and so is a bare 0
        exact = e == 0 and ((unit.kind is Kind.COUNT and unit.factor == 1) or n == 0)
        if unit.kind is Kind.AMOUNT and not exact:
            self._count(f["id"], unit.symbol, e)
        return n, e, exact, unit.symbol

    def _read_view(self, f: dict[str, Any], view: FigureView) -> None:
        """Keep a figure the column did not read as read from its view, or as opaque."""
        number = _integer(view)
        if number is None:
            self.opaque[f["id"]] = f
            if f["id"] in self.viewed:
                self.qualified[f["id"]] = view.unit.symbol
                if self.plan.below_zero and view.base.hi < 0:
                    self._negative(f, view.unit.symbol)
            return
        self._rounding(f["id"], f.get("rounding"))
        self.read[f["id"]] = (*number, view.unit.symbol)
        if self.plan.below_zero and view.base.hi < 0:
            self._negative(f, view.unit.symbol)

    def _plain_precision(self, joined: str, values: list[str], special_at: list[int]) -> None:
        """How many decimals the plain figures show: one number (``uniform``) or a count of each."""
        n = len(values)
        dots = joined.count(".")  # the values showing decimals: a plain value has one point at most
        first = _DECIMALS.search(joined) if dots else None
        if first is None:
            counts = {0: n - len(special_at)}  # no value shows decimals, the special ones neither
        else:
            d = len(first[1])
            if _other_decimals(d)(joined):
                counts = dict(Counter(map(len, _DECIMALS.findall(joined))))
            else:  # every value with a point shows d decimals
                counts = {d: dots}
            counts[0] = n - sum(counts.values())
            for i in special_at:
                shown = _shown(values[i])
                counts[shown] -= 1
        counts = {d: k for d, k in counts.items() if k}
        if len(counts) == 1:
            self.uniform = next(iter(counts))
        if counts and self.unit is None:
            raise decline()  # a figure without a unit in a document without one
        doc_unit = _unit(self.unit) if self.unit is not None else None
        if doc_unit is not None:
            self.exact_plain = doc_unit.kind is Kind.COUNT and doc_unit.factor == 1 and self.uniform == 0
            if doc_unit.kind is Kind.AMOUNT and counts:
                self._count_plain(doc_unit.symbol, counts, joined, [values[i] for i in special_at])
        if self.uniform == 0 and not self.exact_plain and _BARE_ZERO.search(joined):
            # a bare 0 is exactly nothing while the other integers stand for ±½: the figures
            # are read one by one, each with its own rounding
            self.uniform = None

    def _count_plain(self, symbol: str, counts: dict[int, int], joined: str, special: list[str]) -> None:
        """Count the plain figures, amounts in the document's unit, in :attr:`precision`.

        ``counts`` are the figures showing each number of decimals; a bare 0 among them is
        exactly nothing and has no precision (``special`` are the values not among them).
        """
        # a bare 0 shows no decimals: none when no plain figure shows none
        zeros = _bare_zeros(joined) if counts.get(0) else 0
        if zeros:
            zeros -= sum(map(_is_bare_zero, special))
        if zeros:
            counts = {**counts, 0: counts[0] - zeros}
        mine = self.precision.setdefault(symbol, {})
        for d, n in counts.items():
            if n:
                mine[d] = mine.get(d, 0) + n

    def _special(self, f: dict[str, Any]) -> None:  # noqa: C901, PLR0912 - every key a figure may have
        """Read one figure with an own unit, decimals, a source or a percentage."""
        fid: str = f["id"]
        value: str = f["value"]
        self.special[fid] = f
        if f.keys() <= _QUICK_KEYS:
            self.viewed.add(fid)  # its own unit, or a percentage: its view is read as plain data
        symbol = self.unit
        own = f.get("unit")
        if own is not None:
            if type(own) is not str or _unit(own) is None:
                raise decline()
            self.strings += 1
            symbol = own
        decimals = f.get("decimals")
        if decimals is not None and (type(decimals) is not int or abs(decimals) > _MAX_DECIMALS):
            raise decline()
        if "source" in f:
            self.strings += source_strings(f["source"])
        if "rounding" in f:
            rounding = f["rounding"]
            if rounding not in ("nearest", "truncate"):
                raise decline()
            self._rounding(fid, rounding)
            self.strings += 1
        if value[-1] == "%":
            if own is not None and own != "%":
                raise decline()  # the value's % against the figure's own unit
            symbol = "%"
        if symbol is None:
            raise decline()
        shown = _shown(value)
        if decimals is not None and (decimals < 0 or shown > decimals):
            raise decline()  # the full path checks the value against its precision
        unit = _unit(symbol)
        assert unit is not None  # noqa: S101 - looked up above
        if unit.kind is Kind.AMOUNT and (decimals is not None or not _is_bare_zero(value)):
            self._count(fid, unit.symbol, shown if decimals is None else decimals)
        if value[0] == "-" and value.strip("-0.%") and self.plan.below_zero:
            self._negative(f, symbol)

    def _count(self, fid: str, symbol: str, decimals: int) -> None:
        """Count a special or opaque figure, a rounded amount, in :attr:`precision`."""
        self.rounded[fid] = (symbol, decimals)
        counts = self.precision.setdefault(symbol, {})
        counts[decimals] = counts.get(decimals, 0) + 1

    def amounts(self) -> Iterator[tuple[str, str, int]]:
        """Every rounded amount :attr:`precision` counts, in document order: ``(id, unit, decimals)``."""
        unit = _unit(self.unit) if self.unit is not None else None
        symbol = unit.symbol if unit is not None and unit.kind is Kind.AMOUNT else None
        rounded, special, opaque, read = self.rounded, self.special, self.opaque, self.read
        for f in self.figures:
            fid = f["id"]
            if fid in rounded:
                yield (fid, *rounded[fid])
            elif symbol is not None and fid not in special and fid not in opaque and fid not in read:
                value = f["value"]
                if not _is_bare_zero(value):
                    yield fid, symbol, _shown(value)

    def _rounding(self, fid: str, rounding: object) -> None:
        """Note a figure's own rounding where it differs from the document's."""
        if rounding == "truncate" and not self.truncate_doc:
            self.truncated.add(fid)
        elif rounding == "nearest" and self.truncate_doc:
            self.nearest.add(fid)

    @property
    def truncating(self) -> bool:
        """Whether any figure is truncated."""
        return self.truncate_doc or bool(self.truncated)

    def _truncated(self, fid: str) -> bool:
        """Whether a figure is truncated (its interval has an open end)."""
        return fid not in self.nearest if self.truncate_doc else fid in self.truncated

    def _negative(self, f: dict[str, Any], symbol: str | None) -> None:
        """Flag a figure printed below zero that a selected rule may report."""
        unit = _unit(symbol) if symbol is not None else None
        concept = f.get("concept")
        if any(hook(unit, concept) for hook in self.plan.below_zero):
            self.flagged.append(f["id"])

    def _number(self, fid: str) -> tuple[int, int, bool]:
        """A figure as ``(n, e, exact)``.

        Its value is ``n·10^-e`` and, unless exact, its rounding ``½·10^-e`` either way
        (``e`` is its precision; only counts are exact).
        """
        f = self.special.get(fid)
        if f is None:
            read = self.read.get(fid)
            if read is not None:
                return read[0], read[1], read[2]
            if self.numbers:
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
            return n, d, exact or (n == 0 and d == 0)  # a bare 0 is exactly nothing
        return n * 10 ** (decimals - d), decimals, False

    def _symbol(self, fid: str) -> str | None:
        """A figure's unit symbol (every figure has one: the screen declines figures without)."""
        f = self.special.get(fid)
        if f is None:
            read = self.read.get(fid)
            if read is not None:
                return read[3]
            return self.qualified.get(fid, self.unit) if self.qualified else self.unit
        if f["value"][-1] == "%":
            return "%"
        own: str | None = f.get("unit")
        return own if own is not None else self.unit

    # -- relations -------------------------------------------------------------

    def _exist(self, ids: list[Any]) -> None:
        plain = self.numbers or self.plain
        special = self.special
        opaque, read = self.opaque, self.read
        try:
            for x in ids:
                if x not in plain and x not in special and x not in opaque and x not in read:
                    raise decline()
        except TypeError:
            raise decline() from None

    def _names_opaque(self, ids: list[str]) -> bool:
        """Whether a relation names a figure the column did not read (it goes to the full path)."""
        opaque = self.opaque
        return bool(opaque) and any(x in opaque for x in ids)

    def _same_unit(self, ids: list[str]) -> bool:
        first = self._symbol(ids[0])
        return all(self._symbol(x) == first for x in ids[1:])

    def _scaled(self, ids: list[str]) -> tuple[list[int], list[int], int]:
        """Values and roundings of figures in one unit as integers in units of ``½·10^-D``, and ``D``."""
        nums = [self._number(x) for x in ids]
        top = max(e for _, e, _ in nums)
        values = [2 * n * 10 ** (top - e) for n, e, _ in nums]
        halves = [0 if exact else 10 ** (top - e) for _, e, exact in nums]
        if self.truncating:
            # a truncated figure: its interval's middle and half-width, doubled as the others
            for i, x in enumerate(ids):
                if halves[i] and self._truncated(x):
                    n = nums[i][0]
                    if n > 0:
                        values[i] += halves[i]  # [v, v + u)
                    elif n < 0:
                        values[i] -= halves[i]  # (v - u, v]
                    else:
                        halves[i] *= 2  # (-u, u)
        return values, halves, top

    def _names_truncated(self, ids: list[str]) -> bool:
        """Whether a relation names a truncated figure."""
        return self.truncating and any(map(self._truncated, ids))


def _quick_text(value: object, unit: Unit) -> str | None:
    """The number of a value :meth:`FigureColumns._quick` reads, as plain digits; None when it does not.

    A JSON integer; or a plain number not below zero followed by exactly the symbol of
    ``unit``, a unit of 元 or a count in Chinese (``123.45万元``, ``70人``).
    """
    if type(value) is int:
        return str(value)
    symbol = unit.symbol
    if (
        type(value) is not str
        or not value.endswith(symbol)
        or not (unit.stem == YUAN or unit.kind is Kind.COUNT)
        or not symbol.isalpha()
        or symbol.isascii()
    ):
        return None
    text = value[: -len(symbol)]
    return text if _UNSIGNED(text) is not None else None


def _integer(view: FigureView) -> tuple[int, int, bool] | None:
    """A figure's view as ``(n, e, exact)`` (its value ``n·10^-e``), or None when the screen cannot judge it.

    Only a number rounded to nearest at ``e >= 0`` decimals (or exact) and nothing else:
    not a qualified one (约, 余), not one with more digits than its decimals (PC905).
    """
    if view.qualifier is not None or view.excess or view.decimals < 0:
        return None
    n = view.number.scaleb(view.decimals)
    if n != n.to_integral_value():
        return None
    return int(n), view.decimals, view.exact


def _lines(text: str, matches: Iterable[re.Match[str]]) -> list[int]:
    """The line of ``text`` each match (in order) starts on, counting newlines once."""
    lines: list[int] = []
    line = last = 0
    for match in matches:
        pos = match.start()
        line += text.count("\n", last, pos)
        last = pos
        lines.append(line)
    return lines


def _indexes(items: list[Any], *, value: object) -> list[int]:
    """Where ``value`` is in ``items``: found in C, one step per place."""
    found: list[int] = []
    i = -1
    try:
        while True:
            i = items.index(value, i + 1)
            found.append(i)
    except ValueError:
        return found


def _unplain(values: list[Any], longest: int, joined: str | None) -> list[int]:
    """The indexes of the values the column does not read, in order: not a string, not plain, too long.

    ``joined`` is the values joined by newlines, when they are all strings. In C but for
    one step per such value: a JSON number is found by its type, the others by one regular
    expression over the joined values (a value holding a newline makes the lines disagree
    with the figures; the caller counts them and declines).
    """
    at: set[int] = set()
    texts = values
    if joined is None:
        types = list(map(type, values))
        for kind in set(types) - {str}:
            at.update(_indexes(types, value=kind))
        texts = values.copy()
        for i in at:
            texts[i] = ""  # not plain: found again below, harmlessly
        joined = "\n".join(texts)
    at.update(_unplain_lines(joined))
    if max(map(len, texts)) > longest:
        at.update(i for i, v in enumerate(texts) if len(v) > longest)
    return sorted(at)


def _unplain_lines(joined: str) -> list[int]:
    """The lines of ``joined`` that are not plain values: runs of plain lines skipped in C."""
    lines: list[int] = []
    pos = line = 0
    while True:
        end = _PLAIN_RUN(joined, pos).end()  # type: ignore[union-attr]  # a run may be empty
        line += joined.count("\n", pos, end)
        newline = joined.find("\n", end)
        if newline < 0:  # the last line: plain only if it all is
            if _VALUE_ALONE(joined, end) is None:
                lines.append(line)
            return lines
        lines.append(line)  # the run stopped at the start of a line that is not plain
        line += 1
        pos = newline + 1


def _is_bare_zero(value: str) -> bool:
    """Whether a plain value is a bare 0 (``0``, ``-0``, ``00``: exactly nothing)."""
    return _ALL_ZEROS(value) is not None


def _bare_zeros(joined: str) -> int:
    """How many of the newline-joined plain values are a bare 0.

    Counted line by line only when one may be: a line starting ``0`` or ``-0`` that is not
    the start of a decimal, found by substring searches in C.
    """
    first = joined.find("\n")
    last = joined.rfind("\n")
    may = (
        _is_bare_zero(joined if first < 0 else joined[:first])
        or _is_bare_zero(joined[last + 1 :])
        or "\n0\n" in joined
        or "\n00" in joined
        or "\n-0" in joined
    )
    return len(_BARE_ZERO.findall(joined)) if may else 0


def _plain_value(value: str, longest: int) -> bool:
    """Whether the column reads ``value`` itself."""
    return len(value) <= longest and _VALUE_ALONE(value) is not None


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
