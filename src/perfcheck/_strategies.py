"""The implementation behind :mod:`perfcheck.strategies` (private; import the public module).

A :class:`Builder` draws *true* values (exact :class:`~fractions.Fraction` amounts, many
of them non-terminating: parts of a whole split in random proportions), derives every
related figure from them exactly, and prints each figure the way a publisher would:
rounded half-up or half-even to its decimals (or truncated toward zero in a
``rounding: truncate`` document), in some unit, in some locale's notation, sometimes
with grouping, full-width digits, the unit after the number or as a JSON number. Every
relation of such a document holds by construction.

To break a rule, the builder adds a relation that holds and then moves one of its
printed figures, step by step of its last digit, until no choice of true values
inside the printed figures' rounding can satisfy it any more — judged here with
exact rational arithmetic, never by perfcheck — or builds the offending figures
directly (a negative income, an amount with one decimal too many). The figure moved
belongs to no other relation, and the document around it is *clean*: every amount in
one unit is printed with the same decimals and no divisor's rounding reaches zero, so
perfcheck has nothing else to say about it.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final, Self

from hypothesis import reject
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from perfcheck._ledger.document import RELATION_KINDS, Ledger, validate
from perfcheck._read.domain import FundFlow, Headcount, LineItem, Report, Share, Target
from perfcheck.rules import default_registry, series_registry

#: Amount units the strategies print in, with their size in 元.
AMOUNT_UNITS: Final[dict[str, int]] = {
    "元": 1,
    "千元": 1000,
    "万元": 10_000,
    "百万元": 1_000_000,
    "亿元": 100_000_000,
}
#: Count units for head-counts, cases, copies ...
COUNT_UNITS: Final = ("人", "名", "例", "份", "个", "户", "次")
#: Locales whose notation the strategies print: 1,234.56 / 1.234,56 / 1 234,56.
LOCALES: Final = ("zh_CN", "en_US", "de_DE", "fr_FR")
#: How a publisher turns a true value into a printed one.
ROUNDING_MODES: Final = ("half_up", "half_even", "truncate")
#: Concepts perfcheck treats as never negative (rule PC603), as in ``rules/plausibility.py``.
NON_NEGATIVE_CONCEPTS: Final = ("income", "spending", "basic_spending", "project_spending", "line_item")
#: Codes a strategy cannot produce, and why.
UNBREAKABLE: Final = {
    "PC902": (
        "PC902 reports a rule that raised an exception; no document makes a correct rule crash, "
        "so there is no data that breaks it (to test crash handling, check with a Registry holding "
        "a rule that raises)"
    ),
}
#: The most relations one drawn document may have: hypothesis draws each example from a
#: bounded buffer, and a relation takes a few dozen choices.
MAX_RELATIONS: Final = 60
#: The most spending lines one drawn report may have.
MAX_LINES: Final = 60

HALF = Fraction(1, 2)
HUNDRED = Fraction(100)
INF = math.inf
FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
FR_SPACES = ("\u202f", "\u00a0", " ")

Bound = Fraction | float  # a float only for ±infinity
Span = tuple[Bound, Bound]


def round_true(x: Fraction, decimals: int, mode: str) -> Decimal:
    """``x`` printed to ``decimals`` places: ``half_up``, ``half_even`` or ``truncate`` (toward zero).

    >>> round_true(Fraction(2, 3), 2, "half_up"), round_true(Fraction(-5, 2), 0, "half_even")
    (Decimal('0.67'), Decimal('-2'))
    """
    scaled = x * Fraction(10) ** decimals
    sign = -1 if scaled < 0 else 1
    whole, rest = divmod(abs(scaled), 1)
    n = int(whole)
    if mode == "half_up":
        n += rest >= HALF
    elif mode == "half_even":
        n += rest > HALF or (rest == HALF and n % 2 == 1)
    elif mode != "truncate":
        raise ValueError(mode)
    return Decimal(sign * n).scaleb(-decimals)


def unit_kind(unit: str) -> str:
    """``amount``, ``percent``, ``points`` or ``count``."""
    if unit in AMOUNT_UNITS:
        return "amount"
    if unit == "%":
        return "percent"
    if unit == "百分点":
        return "points"
    return "count"


@dataclass(frozen=True)
class Style:
    """How a figure's value is written in the document (never what it means)."""

    suffix: bool = False  # the unit follows the number in the value ("38.56%")
    unit_key: bool = True  # the figure has a "unit" key
    decimals_key: bool = False  # the figure has a "decimals" key even when the text shows them
    bare: bool = False  # "30" with decimals 2 for 30.00
    grouping: bool = False  # "1,234.50" / "1.234,50" / "1 234,50"
    fullwidth: bool = False  # "１２３４.５０"
    as_number: bool = False  # a JSON number (Decimal or int) rather than a string
    exact_key: bool = False  # write "exact": <exact>
    space: str = "\u202f"  # the group separator in fr_FR


@dataclass(frozen=True)
class Fig:
    """A printed figure: its number as printed, its precision and unit, and how it is written."""

    id: str
    number: Decimal
    decimals: int
    unit: str
    exact: bool = False
    qualifier: str | None = None
    concept: str | None = None
    label: str | None = None
    style: Style = field(default_factory=Style)

    @property
    def kind(self) -> str:
        """``amount``, ``percent``, ``points`` or ``count``."""
        return unit_kind(self.unit)

    @property
    def factor(self) -> int:
        """The unit's size in its base unit (元 for amounts)."""
        return AMOUNT_UNITS.get(self.unit, 1)

    @property
    def ulp(self) -> Decimal:
        """One step of the last printed digit."""
        return Decimal(1).scaleb(-self.decimals)

    def text(self, locale: str) -> str | Decimal | int:
        """The value as the document writes it."""
        number = self.number
        integral = number == number.to_integral_value()
        plain = str(int(number)) if (self.style.bare and integral) or self.decimals <= 0 else f"{number:f}"
        s = self.style
        if s.as_number and not (s.suffix or s.grouping or s.fullwidth):
            return int(plain) if "." not in plain else Decimal(plain)
        head, _, tail = plain.partition(".")
        mark, group = {"de_DE": (",", "."), "fr_FR": (",", s.space)}.get(locale, (".", ","))
        if s.grouping:
            sign = "-" if head.startswith("-") else ""
            digits = head.removeprefix("-")
            chunks = [digits[max(0, i - 3) : i] for i in range(len(digits), 0, -3)][::-1]
            head = sign + group.join(chunks)
        out = head + (mark + tail if tail else "")
        if s.fullwidth:
            out = out.translate(FULLWIDTH)
        return out + (self.unit if s.suffix else "")

    def shown_decimals(self) -> int:
        """How many decimals the written value shows."""
        plain = f"{self.number:f}"
        integral = self.number == self.number.to_integral_value()
        if (self.style.bare and integral) or self.decimals <= 0:
            return 0
        return len(plain.partition(".")[2])

    def render(self, locale: str) -> dict[str, Any]:
        """The figure as document data."""
        out: dict[str, Any] = {"id": self.id}
        if self.label is not None:
            out["label"] = self.label
        if self.concept is not None:
            out["concept"] = self.concept
        out["value"] = self.text(locale)
        if self.style.unit_key:
            out["unit"] = self.unit
        if self.style.decimals_key or self.shown_decimals() != self.decimals:
            out["decimals"] = self.decimals
        if self.style.exact_key:
            out["exact"] = self.exact
        if self.qualifier is not None:
            out["qualifier"] = self.qualifier
        return out

    def interval(self, *, truncate: bool) -> Span:
        """The true values the printing allows, in the base unit (元, %, points, 1)."""
        v = Fraction(self.number)
        lo: Bound
        hi: Bound
        if self.qualifier in ("at_least", "more_than"):
            lo, hi = v, INF
        elif self.qualifier == "at_most":
            lo, hi = -INF, v
        elif self.qualifier == "about":
            exponent = self.number.normalize().as_tuple().exponent
            half = Fraction(10) ** int(exponent) / 2
            lo, hi = v - half, v + half
        elif self.exact:
            lo = hi = v
        else:
            u = Fraction(10) ** -self.decimals
            if not truncate:
                lo, hi = v - u / 2, v + u / 2
            elif v > 0:
                lo, hi = v, v + u
            elif v < 0:
                lo, hi = v - u, v
            else:
                lo, hi = -u, u
        return lo * self.factor, hi * self.factor

    def moved(self, steps: int) -> Fig:
        """The figure printed ``steps`` steps of its last digit higher (lower when negative)."""
        number = self.number + steps * self.ulp
        if self.decimals >= 0:
            number = number.quantize(self.ulp)
        return replace(self, number=number)


@dataclass(frozen=True)
class FormulaSpec:
    """A linear formula: ``Σ coef·left op Σ coef·right + const`` (amounts in the document unit)."""

    left: tuple[tuple[Fraction, str], ...]
    op: str
    right: tuple[tuple[Fraction, str], ...]
    const: Fraction = Fraction(0)
    others: tuple[str, ...] = ()  # the names of a formula that is not linear

    @property
    def names(self) -> list[str]:
        """The figure ids the formula uses, in order."""
        return list(dict.fromkeys([f for _, f in self.left + self.right] + list(self.others)))


_OPERAND_KEYS: Final[dict[str, tuple[str, ...]]] = {
    "sum": ("total", "parts"),
    "balance": ("inflows", "outflows"),
    "share": ("part", "whole", "stated"),
    "ratio": ("numerator", "denominator", "stated"),
    "change": ("current", "prior", "delta", "percent"),
    "equal": ("figures",),
    "compare": ("left", "right"),
    "product": ("total", "factors"),
}


def operands(rel: dict[str, Any], formulas: dict[str, FormulaSpec]) -> list[str]:
    """The ids of the figures a relation names."""
    if rel["kind"] == "formula":
        return formulas[rel["id"]].names
    out: list[str] = []
    for key in _OPERAND_KEYS[rel["kind"]]:
        value = rel.get(key)
        if isinstance(value, str):
            out.append(value)
        elif value:
            out.extend(value)
    return out


@dataclass(frozen=True)
class DrawnLedger:
    """A drawn document: its figures as printed, its relations, and the linear formulas among them."""

    unit: str
    locale: str
    rounding: str
    figs: dict[str, Fig]
    relations: tuple[dict[str, Any], ...]
    formulas: dict[str, FormulaSpec]
    unchecked: frozenset[str]  # formulas that are not linear (a figure used twice)
    rounding_key: bool = False  # write "rounding": "nearest" although it is the default
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def truncate(self) -> bool:
        """Whether figures are truncated rather than rounded."""
        return self.rounding == "truncate"

    def document(self) -> dict[str, Any]:
        """The ledger document as data (a value may be a Decimal or int: a JSON number)."""
        doc: dict[str, Any] = {"perfcheck": "1", **self.extra, "unit": self.unit, "locale": self.locale}
        if self.rounding != "nearest" or self.rounding_key:
            doc["rounding"] = self.rounding
        doc["figures"] = [f.render(self.locale) for f in self.figs.values()]
        doc["relations"] = [dict(r) for r in self.relations]
        return doc

    def ledger(self) -> Ledger:
        """The document, validated."""
        return validate(self.document(), name="drawn ledger")

    def relation(self, rid: str) -> dict[str, Any]:
        """The relation with id ``rid``."""
        return next(r for r in self.relations if r["id"] == rid)

    def relations_of(self, fid: str) -> set[str]:
        """The relations a figure takes part in."""
        return {r["id"] for r in self.relations if fid in operands(r, self.formulas)}

    def shifted(self, fid: str, steps: int) -> Self:
        """The same document with one figure printed ``steps`` steps of its last digit away."""
        return replace(self, figs={**self.figs, fid: self.figs[fid].moved(steps)})


# ---------------------------------------------------------------------------
# Options, validated when a public strategy is called


@dataclass(frozen=True)
class LedgerOptions:
    """What a ledger strategy may draw."""

    min_relations: int = 1
    max_relations: int = 8
    kinds: tuple[str, ...] = RELATION_KINDS
    units: tuple[str, ...] = tuple(AMOUNT_UNITS)
    modes: tuple[str, ...] = ROUNDING_MODES
    locales: tuple[str, ...] = LOCALES
    qualifiers: bool = True
    json_numbers: bool = True
    clean: bool = False
    scenarios: tuple[str, ...] | None = None  # private: draw only these scenarios


@dataclass(frozen=True)
class ReportOptions:
    """What the report strategy may draw."""

    max_depth: int = 3
    max_items: int = 6
    unit: str = "万元"
    modes: tuple[str, ...] = ROUNDING_MODES
    locales: tuple[str, ...] = LOCALES
    qualifiers: bool = True


def _fail(where: str, message: str) -> InvalidArgument:
    return InvalidArgument(f"{where}: {message}")


def _whole(where: str, name: str, value: object, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        msg = f"{name} must be a whole number, not {value!r}"
        raise _fail(where, msg)
    if not low <= value <= high:
        msg = f"{name}={value!r} must be between {low} and {high}"
        raise _fail(where, msg)
    return value


def _flag(where: str, name: str, value: object) -> bool:
    if not isinstance(value, bool):
        msg = f"{name} must be True or False, not {value!r}"
        raise _fail(where, msg)
    return value


def _choice(
    where: str, name: str, value: object, known: Sequence[str], aliases: Mapping[str, tuple[str, ...]]
) -> str:
    if not isinstance(value, str) or (value not in known and value not in aliases):
        words = ", ".join(repr(k) for k in (*known, *aliases))
        msg = f"{name} has {value!r}; expected one of {words}"
        raise _fail(where, msg)
    return value


def _choices(
    where: str,
    name: str,
    value: object,
    known: Sequence[str],
    aliases: Mapping[str, tuple[str, ...]] | None = None,
) -> tuple[str, ...]:
    """``value`` (None for all, one name, or a collection of names) as a tuple of known names."""
    aliases = aliases or {}
    if value is None:
        return tuple(known)
    items: Collection[object]
    if isinstance(value, str):
        items = [value]
    elif isinstance(value, Collection) and not isinstance(value, (bytes, dict)):
        items = value
    else:
        msg = f"{name} must be None, a string or a collection of strings, not {value!r}"
        raise _fail(where, msg)
    if not items:
        msg = f"{name} is empty; give at least one of {', '.join(map(repr, known))} (or None for all)"
        raise _fail(where, msg)
    chosen: set[str] = set()
    for item in items:
        word = _choice(where, name, item, known, aliases)
        chosen.update(aliases.get(word, (word,)))
    return tuple(k for k in known if k in chosen)


_MODE_ALIASES: Final[Mapping[str, tuple[str, ...]]] = {"nearest": ("half_up", "half_even")}


def ledger_options(  # noqa: PLR0913 - every knob of the public strategies
    where: str,
    *,
    min_relations: object,
    max_relations: object,
    kinds: object,
    units: object,
    rounding: object,
    locales: object,
    qualifiers: object,
    json_numbers: object,
    clean: object = False,
) -> LedgerOptions:
    """Check the knobs of a ledger strategy; raise InvalidArgument naming the bad one.

    Raises:
        InvalidArgument: a knob has a bad type or value.
    """
    low = _whole(where, "min_relations", min_relations, 0, MAX_RELATIONS)
    high = _whole(where, "max_relations", max_relations, 0, MAX_RELATIONS)
    if low > high:
        msg = f"min_relations={low} is more than max_relations={high}"
        raise _fail(where, msg)
    return LedgerOptions(
        min_relations=low,
        max_relations=high,
        kinds=_choices(where, "kinds", kinds, RELATION_KINDS),
        units=_choices(where, "units", units, tuple(AMOUNT_UNITS)),
        modes=_choices(where, "rounding", rounding, ROUNDING_MODES, _MODE_ALIASES),
        locales=_choices(where, "locales", locales, LOCALES),
        qualifiers=_flag(where, "qualifiers", qualifiers),
        json_numbers=_flag(where, "json_numbers", json_numbers),
        clean=_flag(where, "clean", clean),
    )


def report_options(  # noqa: PLR0913 - every knob of the public strategy
    where: str,
    *,
    max_depth: object,
    max_items: object,
    unit: object,
    rounding: object,
    locales: object,
    qualifiers: object,
) -> ReportOptions:
    """Check the knobs of the report strategy; raise InvalidArgument naming the bad one.

    Raises:
        InvalidArgument: a knob has a bad type or value.
    """
    return ReportOptions(
        max_depth=_whole(where, "max_depth", max_depth, 1, 8),
        max_items=_whole(where, "max_items", max_items, 1, 20),
        unit=_choice(where, "unit", unit, tuple(AMOUNT_UNITS), {}),
        modes=_choices(where, "rounding", rounding, ROUNDING_MODES, _MODE_ALIASES),
        locales=_choices(where, "locales", locales, LOCALES),
        qualifiers=_flag(where, "qualifiers", qualifiers),
    )


def breakable_code(where: str, code: object) -> str:
    """Check a rule code for :func:`broken_ledgers`.

    Raises:
        InvalidArgument: not a code of perfcheck's default registry, or one no data can break.
    """
    if isinstance(code, str) and code in series_registry:
        msg = (
            f"{code} is a series rule: it judges the reports of one entity for consecutive years "
            "together (perfcheck.check_series), so no single ledger breaks it"
        )
        raise _fail(where, msg)
    if not isinstance(code, str) or code not in default_registry:
        known = ", ".join(r.code for r in default_registry)
        msg = f"{code!r} is not the code of a perfcheck rule; expected one of {known}"
        raise _fail(where, msg)
    if code in UNBREAKABLE:
        raise _fail(where, UNBREAKABLE[code])
    if code not in BREAKERS:  # a rule added to the registry without a strategy here
        msg = f"perfcheck.strategies has no way to break {code} yet"
        raise _fail(where, msg)
    return code


# ---------------------------------------------------------------------------
# Building documents from true values


class Builder:
    """Collects figures printed from true values and the relations between them."""

    def __init__(self, draw: st.DrawFn, options: LedgerOptions) -> None:
        """Draw the document's unit, locale and rounding."""
        self.draw = draw
        self.options = options
        self.clean = options.clean
        self.units = options.units
        self.unit = draw(st.sampled_from(options.units))
        self.locale = draw(st.sampled_from(options.locales))
        nearest = tuple(m for m in options.modes if m != "truncate")
        if nearest and "truncate" in options.modes:
            self.rounding = draw(st.sampled_from(("nearest", "truncate")))
        else:
            self.rounding = "nearest" if nearest else "truncate"
        self.mode = "truncate" if self.rounding == "truncate" else draw(st.sampled_from(nearest))
        self.rounding_key = draw(st.booleans())
        self.figs: dict[str, Fig] = {}
        self.relations: list[dict[str, Any]] = []
        self.formulas: dict[str, FormulaSpec] = {}
        self.unchecked: set[str] = set()
        self.unit_decimals: dict[str, int] = {}  # a clean document prints each amount unit one way
        self._ids = itertools.count(1)

    @property
    def truncate(self) -> bool:
        """Whether figures are truncated rather than rounded."""
        return self.rounding == "truncate"

    def new_id(self, stem: str) -> str:
        """A fresh figure or relation id."""
        return f"{stem}_{next(self._ids)}"

    # -- true values ------------------------------------------------------------

    def money(self, *, positive: bool = False) -> Fraction:
        """A true amount in 元: up to 10^8 document units with up to 6 decimals.

        A positive amount of a clean document is at least 10 document units, so that
        its printing in the document unit keeps well clear of zero.
        """
        k = self.draw(st.integers(0, 6))
        low = (10 ** (k + 1) if self.clean else 1) if positive else 0
        n = self.draw(st.integers(low, 10**8))
        return Fraction(n, 10**k) * AMOUNT_UNITS[self.unit]

    def fraction(self, low: Fraction | int = 0, high: Fraction | int = 1) -> Fraction:
        """A random rational in ``[low, high]``, usually not a terminating decimal."""
        q = self.draw(st.integers(1, 1000))
        return Fraction(self.draw(st.integers(math.ceil(low * q), math.floor(high * q))), q)

    def split(self, total: Fraction, n: int) -> list[Fraction]:
        """``total`` split exactly into ``n`` non-negative pieces in random proportions."""
        weights = self.draw(st.lists(st.integers(0, 1000), min_size=n, max_size=n))
        if not any(weights):
            weights[0] = 1
        s = sum(weights)
        return [total * w / s for w in weights]

    # -- printing -------------------------------------------------------------

    def _style(self, unit: str, decimals: int, number: Decimal, *, exact: bool) -> Style:
        draw = self.draw
        bits = draw(st.integers(0, 255))  # one draw for eight independent choices
        flags = [bool(bits >> i & 1) for i in range(8)]
        suffix = flags[0]
        if unit_kind(unit) != "amount" and not suffix:
            unit_key = True
        else:
            unit_key = flags[1] or (not suffix and unit != self.unit)
        integral = number == number.to_integral_value()
        grouping = flags[4] and flags[5]
        fullwidth = self.locale == "zh_CN" and flags[6] and not flags[5]
        return Style(
            suffix=suffix,
            unit_key=unit_key,
            decimals_key=flags[2],
            bare=decimals > 0 and integral and flags[3],
            grouping=grouping,
            fullwidth=fullwidth,
            as_number=decimals >= 0 and flags[7] and not flags[0] and self.options.json_numbers,
            exact_key=exact or (flags[2] and flags[7]),
            space=draw(st.sampled_from(FR_SPACES)) if grouping and self.locale == "fr_FR" else "\u202f",
        )

    def add_fig(self, fig: Fig) -> str:
        """Add a printed figure; return its id."""
        self.figs[fig.id] = fig
        return fig.id

    def decimals_for(self, unit: str, true: Fraction) -> int:
        """How many decimals an amount in ``unit`` is printed with."""
        draw = self.draw
        if self.clean:
            if unit not in self.unit_decimals:
                self.unit_decimals[unit] = draw(st.sampled_from((2, 2, 2, 1, 0)))
            return self.unit_decimals[unit]
        decimals: int = draw(st.sampled_from((2, 2, 2, 1, 0)))
        if unit == "元" and true >= 10_000 and draw(st.integers(0, 9)) == 0:
            decimals = -draw(st.integers(1, 3))
        return decimals

    def amount(  # noqa: PLR0913 - how one amount is printed
        self,
        true: Fraction,
        stem: str = "amt",
        *,
        concept: str | None = None,
        unit: str | None = None,
        label: str | None = None,
        divisor: bool = False,
        exact: bool | None = None,
    ) -> str:
        """Print a true amount (in 元) in some unit, rounded as the publisher would.

        A ``divisor`` of a clean document is printed in the document unit.
        """
        draw = self.draw
        if unit is None:
            unit = (
                self.unit if divisor and self.clean else draw(st.sampled_from((self.unit,) * 3 + self.units))
            )
        x = true / AMOUNT_UNITS[unit]
        decimals = self.decimals_for(unit, x)
        number = round_true(x, decimals, self.mode)
        if exact is None:
            exact = Fraction(number) == x and decimals >= 0 and draw(st.booleans())
        style = self._style(unit, decimals, number, exact=exact)
        fid = self.new_id(stem)
        return self.add_fig(Fig(fid, number, decimals, unit, exact, None, concept, label, style))

    def percent(
        self, true: Fraction, stem: str = "pct", *, unit: str = "%", decimals: int | None = None
    ) -> str:
        """Print a true percentage (or percentage points)."""
        if decimals is None:
            decimals = self.draw(st.sampled_from((2, 2, 2, 1, 0)))
        number = round_true(true, decimals, self.mode)
        style = self._style(unit, decimals, number, exact=False)
        return self.add_fig(Fig(self.new_id(stem), number, decimals, unit, style=style))

    def count(self, n: int, stem: str = "cnt", *, unit: str | None = None, concept: str | None = None) -> str:
        """Print an exact count."""
        unit = unit or self.draw(st.sampled_from(COUNT_UNITS))
        style = self._style(unit, 0, Decimal(n), exact=True)
        style = replace(style, exact_key=style.exact_key or style.decimals_key, as_number=False)
        return self.add_fig(
            Fig(self.new_id(stem), Decimal(n), 0, unit, exact=True, concept=concept, style=style)
        )

    def bound(self, n: int, qualifier: str, unit: str, stem: str = "bnd") -> str:
        """A count printed as a bound (``10000余份``) or an estimate (``约20000人``)."""
        digits = self.draw(st.integers(0, max(0, len(str(n)) - 1)))
        step = 10**digits
        if qualifier in ("at_least", "more_than"):
            printed = n // step * step
        elif qualifier == "at_most":
            printed = -(-n // step) * step
        else:
            printed = int(round_true(Fraction(n, step), 0, "half_up")) * step
        style = replace(self._style(unit, 0, Decimal(printed), exact=False), as_number=False)
        fid = self.new_id(stem)
        return self.add_fig(Fig(fid, Decimal(printed), 0, unit, qualifier=qualifier, style=style))

    def relate(self, kind: str, stem: str | None = None, **keys: Any) -> str:  # noqa: ANN401 - relation keys
        """Add a relation; return its id."""
        rid = self.new_id(f"r_{stem or kind}")
        self.relations.append({"id": rid, "kind": kind, **keys})
        return rid

    def formula(self, spec: FormulaSpec, expr: str, *, linear: bool = True) -> str:
        """Add a formula relation."""
        rid = self.relate("formula", expr=expr)
        self.formulas[rid] = spec
        if not linear:
            self.unchecked.add(rid)
        return rid

    def build(self, extra: dict[str, Any] | None = None) -> DrawnLedger:
        """The document drawn so far."""
        return DrawnLedger(
            unit=self.unit,
            locale=self.locale,
            rounding=self.rounding,
            figs=dict(self.figs),
            relations=tuple(self.relations),
            formulas=dict(self.formulas),
            unchecked=frozenset(self.unchecked),
            rounding_key=self.rounding_key,
            extra=extra or {},
        )

    # -- exact intervals, to break a relation on purpose ---------------------------

    def span(self, fid: str) -> Span:
        """A figure's interval in its base unit."""
        return self.figs[fid].interval(truncate=self.truncate)


# ---------------------------------------------------------------------------
# Scenarios: each adds figures printed from true values and relations that hold between them


def add_sum(b: Builder, *, exhaustive: bool | None = None) -> None:
    """A total and its parts (sometimes weighted; sometimes a 其中 list naming only some)."""
    n = b.draw(st.integers(2 if exhaustive is False else 1, 5))
    parts = [b.money() if b.draw(st.booleans()) else Fraction(0) for _ in range(n)]
    if b.draw(st.booleans()):  # parts as random fractions of a total
        parts = b.split(b.money(), n)
    weights = b.draw(st.none() | st.lists(st.sampled_from((1, 2, 3)), min_size=n, max_size=n))
    ws = weights or [1] * n
    total = sum((w * p for w, p in zip(ws, parts, strict=True)), Fraction(0))
    if exhaustive is None:
        exhaustive = n == 1 or b.draw(st.booleans())
    listed = list(range(n))
    if not exhaustive:
        listed = sorted(b.draw(st.sets(st.integers(0, n - 1), min_size=1, max_size=n - 1)))
    total_id = b.amount(total, "total")
    part_ids = [b.amount(parts[i], "part") for i in listed]
    keys: dict[str, Any] = {"total": total_id, "parts": part_ids}
    if weights is not None:
        keys["weights"] = [str(ws[i]) for i in listed]
    if not exhaustive:
        keys["exhaustive"] = False
    b.relate("sum", **keys)


def add_balance(b: Builder) -> None:
    """Inflows and outflows that balance."""
    inflows = [b.money() for _ in range(b.draw(st.integers(1, 3)))]
    outflows = b.split(sum(inflows, Fraction(0)), b.draw(st.integers(1, 3)))
    b.relate(
        "balance",
        inflows=[b.amount(x, "inflow") for x in inflows],
        outflows=[b.amount(x, "outflow") for x in outflows],
    )


def add_share(b: Builder, *, above_100: bool = False) -> None:
    """A part's stated share of a whole (the whole sometimes a list of figures with the part)."""
    whole = b.money(positive=True)
    if above_100:  # a "part" larger than its whole: rule PC601
        larger = whole * b.fraction(Fraction(11, 10), 3)
        b.relate(
            "share",
            part=b.amount(larger, "part"),
            whole=b.amount(whole, "whole", divisor=True),
            stated=b.percent(HUNDRED * larger / whole, "share", decimals=b.draw(st.integers(0, 2))),
        )
        return
    pieces = b.split(whole, b.draw(st.integers(1, 4)))
    stated_true = HUNDRED * pieces[0] / whole
    if b.draw(st.booleans()):
        part = b.amount(pieces[0], "part")
        whole_ref: str | list[str] = b.amount(whole, "whole", divisor=True)
    else:
        ids = [b.amount(p, "piece", divisor=True) for p in pieces]
        part = ids[0]
        whole_ref = b.draw(st.permutations(ids))
    b.relate("share", part=part, whole=whole_ref, stated=b.percent(stated_true, "share"))


def add_ratio(b: Builder, *, variants: Sequence[str] = ("amount", "count", "implied")) -> None:
    """A rate: an amount against a plan, a count against a target, or a count against an implied target."""
    variant = b.draw(st.sampled_from(tuple(variants)))
    if variant == "amount":
        den = b.money(positive=True)
        num = den * b.fraction(0, Fraction(3, 2))
        b.relate(
            "ratio",
            numerator=b.amount(num, "actual"),
            denominator=b.amount(den, "planned", divisor=True),
            stated=b.percent(HUNDRED * num / den, "rate"),
        )
        return
    target = b.draw(st.integers(1, 100_000))
    done = b.draw(st.integers(0, 2 * target))
    unit = b.draw(st.sampled_from(COUNT_UNITS))
    keys: dict[str, Any] = {"numerator": b.count(done, "done", unit=unit)}
    if variant == "count":
        keys["denominator"] = b.count(target, "target", unit=unit)
    keys["stated"] = b.percent(HUNDRED * done / target, "rate")
    b.relate("ratio", **keys)


CHANGE_VARIANTS: Final = ("prior_delta", "prior_delta_percent", "delta_percent", "prior_percent", "prior")


def add_change(b: Builder, *, variants: Sequence[str] = CHANGE_VARIANTS) -> None:
    """A change against last year: an amount, or a percentage changing by percentage points."""
    rate = b.draw(st.integers(0, 4)) == 0
    if rate:
        prior = b.fraction(10 if b.clean else Fraction(1, 10), 200)
        current = b.fraction(0, 200)
    else:
        prior = b.money(positive=True)
        current = prior * b.fraction(0, 3)
    delta = abs(current - prior)
    direction = "increase" if current > prior else "decrease"
    if current == prior:
        direction = b.draw(st.sampled_from(("increase", "decrease")))
    variant = b.draw(st.sampled_from(tuple(variants)))
    if variant == "prior" and current == prior:
        variant = "prior_delta" if "prior_delta" in variants else "prior_delta_percent"
    divides = variant == "delta_percent"  # the implied prior, current ∓ delta, is a divisor
    current_id = b.percent(current, "rate_now") if rate else b.amount(current, "current", divisor=divides)
    keys: dict[str, Any] = {"current": current_id, "direction": direction}
    if "prior" in variant:
        keys["prior"] = b.percent(prior, "rate_prior") if rate else b.amount(prior, "prior", divisor=True)
    if "delta" in variant:
        keys["delta"] = (
            b.percent(delta, "points", unit="百分点") if rate else b.amount(delta, "delta", divisor=divides)
        )
    if "percent" in variant:
        keys["percent"] = b.percent(HUNDRED * delta / prior, "change_pct")
    b.relate("change", **keys)


def add_equal(b: Builder) -> None:
    """One amount printed two or three times, in several units (or a count and its estimate)."""
    if b.options.qualifiers and b.draw(st.integers(0, 4)) == 0:
        n = b.draw(st.integers(1, 10**6))
        unit = b.draw(st.sampled_from(COUNT_UNITS))
        b.relate("equal", figures=[b.count(n, "count", unit=unit), b.bound(n, "about", unit, "about")])
        return
    true = b.money()
    n = b.draw(st.integers(2, 3))
    units = b.draw(st.lists(st.sampled_from(b.units), min_size=n, max_size=n))
    b.relate("equal", figures=[b.amount(true, "same", unit=u) for u in units])


def add_compare(b: Builder, *, counts: bool | None = None) -> None:
    """An inequality between two amounts, or between counts (some printed as bounds)."""
    op = b.draw(st.sampled_from(("<=", "<", ">=", ">")))
    if counts is None:
        counts = b.draw(st.integers(0, 3)) == 0
    if counts:
        unit = b.draw(st.sampled_from(COUNT_UNITS))
        few = b.draw(st.integers(0, 10**6))
        many = few + b.draw(st.integers(1 if op in ("<", ">") else 0, 10**6))
        if b.options.qualifiers:
            qualifier = b.draw(st.sampled_from(("at_least", "more_than", "at_most", "about")))
            lo_id = b.bound(few, qualifier, unit) if b.draw(st.booleans()) else b.count(few, unit=unit)
            hi_id = b.bound(many, qualifier, unit) if b.draw(st.booleans()) else b.count(many, unit=unit)
        else:
            lo_id, hi_id = b.count(few, unit=unit), b.count(many, unit=unit)
    else:
        big = b.money()
        small = big * b.fraction()
        if op in ("<", ">") and small == big:
            big += 1
        lo_id, hi_id = b.amount(small, "small"), b.amount(big, "big")
    left, right = (lo_id, hi_id) if op in ("<", "<=") else (hi_id, lo_id)
    b.relate("compare", left=left, op=op, right=right)


def add_product(b: Builder) -> None:
    """A total as a product: heads × amount each, an amount × a rate, or two percentages."""
    variant = b.draw(st.sampled_from(("per_head", "rate", "percents")))
    if variant == "per_head":
        n = b.draw(st.integers(0, 10_000))
        each = b.money() / b.draw(st.sampled_from((1, 100, 10_000)))
        factors = [b.count(n, "heads"), b.amount(each, "each")]
        total = b.amount(n * each, "paid")
    elif variant == "rate":
        base = b.money()
        pct = b.fraction(0, 150)
        factors = [b.amount(base, "base"), b.percent(pct, "rate")]
        total = b.amount(base * pct / 100, "part")
    else:
        p, q = b.fraction(0, 100), b.fraction(0, 100)
        factors = [b.percent(p, "p"), b.percent(q, "q")]
        total = b.percent(p * q / 100, "pq")
    factors = b.draw(st.permutations(factors))
    b.relate("product", total=total, factors=factors)


FORMULA_VARIANTS: Final = ("linear", "percents", "inequality", "weighted", "quotient")


def add_formula(b: Builder, *, variants: Sequence[str] = FORMULA_VARIANTS) -> None:
    """A formula: a linear identity or inequality, shares adding to 100, or a share written out."""
    variant = b.draw(st.sampled_from(tuple(variants)))
    one = Fraction(1)
    if variant == "linear":  # a + b - c == d
        x, y = b.money(), b.money()
        z = (x + y) * b.fraction()
        ids = [b.amount(v) for v in (x, y, z, x + y - z)]
        spec = FormulaSpec(((one, ids[0]), (one, ids[1]), (-one, ids[2])), "==", ((one, ids[3]),))
        b.formula(spec, f"{ids[0]} + {ids[1]} - {ids[2]} == {ids[3]}")
    elif variant == "percents":  # shares of one whole add up to 100
        pieces = b.split(b.money(positive=True), b.draw(st.integers(2, 4)))
        total = sum(pieces, Fraction(0))
        ids = [b.percent(HUNDRED * p / total) for p in pieces]
        spec = FormulaSpec(tuple((one, i) for i in ids), "==", (), HUNDRED)
        b.formula(spec, " + ".join(ids) + " == 100")
    elif variant == "inequality":  # a + b <= t
        x, y = b.money(), b.money()
        t = (x + y) * (1 + b.fraction())
        op = b.draw(st.sampled_from(("<=", "<")))
        if op == "<" and t == x + y:
            t += 1
        ids = [b.amount(v) for v in (x, y, t)]
        if b.draw(st.booleans()):
            spec = FormulaSpec(((one, ids[0]), (one, ids[1])), op, ((one, ids[2]),))
            b.formula(spec, f"{ids[0]} + {ids[1]} {op} {ids[2]}")
        else:
            flipped = ">=" if op == "<=" else ">"
            spec = FormulaSpec(((one, ids[2]),), flipped, ((one, ids[0]), (one, ids[1])))
            b.formula(spec, f"{ids[2]} {flipped} ({ids[0]} + {ids[1]})")
    elif variant == "weighted":  # 2 * a + b == c
        x, y = b.money(), b.money()
        ids = [b.amount(x), b.amount(y), b.amount(2 * x + y)]
        spec = FormulaSpec(((Fraction(2), ids[0]), (one, ids[1])), "==", ((one, ids[2]),))
        b.formula(spec, f"2 * {ids[0]} + {ids[1]} == {ids[2]}")
    else:  # p / (p + q) * 100 == s: a figure used twice
        p, q = b.money(positive=True), b.money()
        ids = [b.amount(p, divisor=True), b.amount(q, divisor=True), b.percent(HUNDRED * p / (p + q))]
        expr = f"{ids[0]} / ({ids[0]} + {ids[1]}) * 100 == {ids[2]}"
        b.formula(FormulaSpec((), "==", (), others=tuple(ids)), expr, linear=False)


def add_report(b: Builder) -> None:
    """A fund flow, a spending tree, the same figure in another unit, a share, a change and a formula."""
    carry_in, income = b.money(), b.money(positive=True)
    spending = (carry_in + income) * (b.fraction(HALF, 1) if b.clean else b.fraction())
    basic = spending * b.fraction()
    project = spending - basic
    wages = basic * b.fraction()
    other_unit = "元" if "元" in b.units else b.draw(st.sampled_from(b.units))
    ids = {
        "carry_in": b.amount(carry_in, "carryover_in", concept="carryover_in", label="上年结转"),
        "income": b.amount(income, "income", concept="income", label="本年收入"),
        "spending": b.amount(spending, "spending", concept="spending", label="本年支出", divisor=True),
        "carry_out": b.amount(carry_in + income - spending, "carryover_out", concept="carryover_out"),
        "basic": b.amount(basic, "basic", concept="basic_spending", label="基本支出"),
        "project": b.amount(project, "project", concept="project_spending", label="项目支出"),
        "wages": b.amount(wages, "wages", concept="line_item"),
        "public": b.amount(basic - wages, "public", concept="line_item"),
        "special": b.amount(project, "special", unit=other_unit, label="专项资金"),
    }
    b.relate(
        "balance",
        "fund",
        inflows=[ids["carry_in"], ids["income"]],
        outflows=[ids["spending"], ids["carry_out"]],
    )
    b.relate("sum", "split", total=ids["spending"], parts=[ids["basic"], ids["project"]])
    b.relate("sum", "basic", total=ids["basic"], parts=[ids["wages"], ids["public"]])
    b.relate("equal", "special", figures=[ids["project"], ids["special"]])
    if spending > 0:
        b.relate(
            "share",
            part=ids["special"],
            whole=ids["spending"],
            stated=b.percent(HUNDRED * project / spending),
        )
        prior = spending * b.fraction(HALF, 2)
        delta = abs(spending - prior)
        b.relate(
            "change",
            current=ids["spending"],
            prior=b.amount(prior, "spending_prior", divisor=True),
            delta=b.amount(delta, "spending_delta"),
            percent=b.percent(HUNDRED * delta / prior),
            direction="increase" if spending >= prior else "decrease",
        )
    one = Fraction(1)
    spec = FormulaSpec(
        ((one, ids["wages"]), (one, ids["public"]), (one, ids["project"])), "==", ((one, ids["spending"]),)
    )
    b.formula(spec, f"{ids['wages']} + {ids['public']} + {ids['project']} == {ids['spending']}")


SCENARIOS: Final[dict[str, Callable[[Builder], None]]] = {
    "sum": add_sum,
    "balance": add_balance,
    "share": add_share,
    "ratio": add_ratio,
    "change": add_change,
    "equal": add_equal,
    "compare": add_compare,
    "product": add_product,
    "formula": add_formula,
    "report": add_report,
}
#: The relation kinds each scenario adds, and at most how many relations.
SCENARIO_KINDS: Final[dict[str, frozenset[str]]] = {
    **{kind: frozenset([kind]) for kind in RELATION_KINDS},
    "report": frozenset(["balance", "sum", "equal", "share", "change", "formula"]),
}
SCENARIO_SIZE: Final[dict[str, int]] = {**dict.fromkeys(RELATION_KINDS, 1), "report": 7}


def fill(b: Builder, count: int) -> None:
    """Add ``count`` relations that hold (fewer only when just the report scenario is allowed)."""
    options = b.options
    allowed = [
        name
        for name, kinds in SCENARIO_KINDS.items()
        if (name in options.scenarios if options.scenarios is not None else kinds <= set(options.kinds))
    ]
    goal = len(b.relations) + count
    while len(b.relations) < goal:
        room = goal - len(b.relations)
        choices = [name for name in allowed if SCENARIO_SIZE[name] <= room]
        if not choices:
            break
        singles = [name for name in choices if name != "report"]
        # A whole report (relations sharing figures) a third of the time it fits.
        if not singles or (len(singles) < len(choices) and b.draw(st.integers(0, 2)) == 0):
            name = "report"
        else:
            name = b.draw(st.sampled_from(singles))
        SCENARIOS[name](b)


@st.composite
def drawn_ledgers(draw: st.DrawFn, options: LedgerOptions) -> DrawnLedger:
    """A document whose relations all hold."""
    b = Builder(draw, options)
    fill(b, draw(st.integers(options.min_relations, options.max_relations)))
    return b.build()


# ---------------------------------------------------------------------------
# Exact interval arithmetic, to move a figure just beyond what its relation allows


def _add(*spans: Span) -> Span:
    lo: Bound = Fraction(0)
    hi: Bound = Fraction(0)
    for a, z in spans:
        lo, hi = lo + a, hi + z
    return lo, hi


def _scale(span: Span, k: Fraction) -> Span:
    if k == 0:
        return Fraction(0), Fraction(0)
    a, z = span[0] * k, span[1] * k
    return (a, z) if k > 0 else (z, a)


def _hit(a: Span, b: Span) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _has_zero(span: Span) -> bool:
    return span[0] <= 0 <= span[1]


def _corners(f: Callable[..., Fraction], spans: Sequence[Span]) -> Span:
    values = [f(*point) for point in itertools.product(*spans)]
    return min(values), max(values)


def _satisfied(op: str, diff: Span) -> bool:
    lo, hi = diff
    return {"==": lo <= 0 <= hi, "<=": lo <= 0, "<": lo < 0, ">=": hi >= 0, ">": hi > 0}[op]


def _linear(
    b: Builder, terms: Sequence[tuple[Fraction, str]], op: str, const: Fraction = Fraction(0)
) -> bool:
    """Whether ``Σ coef·figure - const op 0`` can hold (figures in base units)."""
    diff = _add(*(_scale(b.span(f), c) for c, f in terms), (-const, -const))
    return _satisfied(op, diff)


def _linear_terms(b: Builder, rel: dict[str, Any]) -> tuple[list[tuple[Fraction, str]], str, Fraction]:
    """A linear relation as ``Σ coef·figure op const`` in base units."""
    one = Fraction(1)
    kind = rel["kind"]
    if kind == "sum":
        weights = rel.get("weights") or [1] * len(rel["parts"])
        terms = [(Fraction(w), p) for p, w in zip(rel["parts"], weights, strict=True)] + [
            (-one, rel["total"])
        ]
        return terms, "==" if rel.get("exhaustive", True) else "<=", Fraction(0)
    if kind == "balance":
        return [(one, f) for f in rel["inflows"]] + [(-one, f) for f in rel["outflows"]], "==", Fraction(0)
    if kind == "change":
        sign = one if rel["direction"] == "increase" else -one
        if rel.get("delta"):
            return [(one, rel["current"]), (-one, rel["prior"]), (-sign, rel["delta"])], "==", Fraction(0)
        return [(one, rel["current"]), (-one, rel["prior"])], ">" if sign > 0 else "<", Fraction(0)
    if kind == "compare":
        return [(one, rel["left"]), (-one, rel["right"])], rel["op"], Fraction(0)
    spec = b.formulas[rel["id"]]
    unit = Fraction(AMOUNT_UNITS[b.unit])

    def coef(c: Fraction, fid: str) -> Fraction:
        return c / unit if b.figs[fid].kind == "amount" else c

    terms = [(coef(c, f), f) for c, f in spec.left] + [(-coef(c, f), f) for c, f in spec.right]
    return terms, spec.op, spec.const


def _share_range(b: Builder, rel: dict[str, Any]) -> Span | None:
    wholes = [rel["whole"]] if isinstance(rel["whole"], str) else list(rel["whole"])
    part = b.span(rel["part"])
    if rel["part"] in wholes:  # 100·p/(p + rest), each figure once
        wholes.remove(rel["part"])
        rest = _add(*map(b.span, wholes))
        if _has_zero(_add(part, rest)):
            return None
        return _corners(lambda p, r: HUNDRED * p / (p + r), [part, rest])
    whole = _add(*map(b.span, wholes))
    return None if _has_zero(whole) else _corners(lambda p, w: HUNDRED * p / w, [part, whole])


def _change_range(b: Builder, rel: dict[str, Any]) -> Span | None:
    sign = 1 if rel["direction"] == "increase" else -1
    cur = b.span(rel["current"])
    if rel.get("prior"):
        p = b.span(rel["prior"])
        if _has_zero(p):
            return None
        if rel.get("delta"):
            return _corners(lambda d, q: HUNDRED * d / q, [b.span(rel["delta"]), p])
        return _corners(lambda c, q: sign * HUNDRED * (c / q - 1), [cur, p])
    d = b.span(rel["delta"])
    if _has_zero(_add(cur, _scale(d, Fraction(-sign)))):
        return None
    return _corners(lambda c, x: HUNDRED * x / (c - sign * x), [cur, d])


def _range(b: Builder, rel: dict[str, Any]) -> Span | None:
    """What the other figures allow a quotient's or product's subject; None when a divisor may be zero.

    Each quotient is monotone in each of its variables over boxes where it is defined,
    so its exact range is attained at the boxes' corners.
    """
    kind = rel["kind"]
    if kind == "share":
        return _share_range(b, rel)
    if kind == "change":
        return _change_range(b, rel)
    if kind == "ratio":
        den = b.span(rel["denominator"])
        if _has_zero(den):
            return None
        return _corners(lambda n, d: HUNDRED * n / d, [b.span(rel["numerator"]), den])

    def factor(fid: str) -> Span:
        return _scale(b.span(fid), Fraction(1, 100)) if b.figs[fid].kind == "percent" else b.span(fid)

    rng = _corners(lambda *xs: math.prod(xs, start=Fraction(1)), [factor(f) for f in rel["factors"]])
    return _scale(rng, HUNDRED) if b.figs[rel["total"]].kind == "percent" else rng


#: The most steps of its last digit a figure is moved.
MAX_STEPS: Final = 2**40


def _move_until_broken(
    b: Builder, candidates: Sequence[tuple[str, int, int]], holds: Callable[[], bool]
) -> None:
    """Move one candidate figure ``(id, direction, at most steps)`` just beyond where ``holds`` is true.

    ``holds`` must turn false for good once it does. The candidates are tried in a
    drawn order; then the figure is moved a drawn number of steps further.
    """

    def broken_at(fid: str, steps: int) -> bool:
        fig = b.figs[fid]
        b.figs[fid] = fig.moved(steps)
        try:
            return not holds()
        finally:
            b.figs[fid] = fig

    for fid, direction, cap in b.draw(st.permutations(candidates)):
        if cap < 1:
            continue
        lo, hi = 0, 1
        while hi <= cap and not broken_at(fid, direction * hi):
            lo, hi = hi, 2 * hi
        if hi > cap:
            if cap <= lo or not broken_at(fid, direction * cap):
                continue
            hi = cap
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if broken_at(fid, direction * mid):
                hi = mid
            else:
                lo = mid
        further = b.draw(st.integers(0, 3) | st.integers(0, 10**6))
        b.figs[fid] = b.figs[fid].moved(direction * min(hi + further, cap))
        return
    reject()  # pragma: no cover - every scenario used below has a figure that can break it


def _steps_to_zero(fig: Fig) -> int:
    return int(fig.number / fig.ulp)


def _both_ways(b: Builder, fids: Sequence[str]) -> list[tuple[str, int, int]]:
    """Every unqualified figure up (without limit) and down (not below zero)."""
    out = []
    for fid in dict.fromkeys(fids):
        if b.figs[fid].qualifier is None:
            out += [(fid, 1, MAX_STEPS), (fid, -1, min(MAX_STEPS, _steps_to_zero(b.figs[fid])))]
    return out


def _break_linear(b: Builder, fids: Sequence[str] | None = None) -> None:
    rel = b.relations[-1]
    terms, op, const = _linear_terms(b, rel)
    chosen = fids if fids is not None else [f for _, f in terms]
    _move_until_broken(b, _both_ways(b, chosen), lambda: _linear(b, terms, op, const))


def _break_subject(b: Builder, subject: str, *, at_most_100: bool = False) -> None:
    """Move the figure a quotient or product judges away from what the others allow."""
    rel = b.relations[-1]
    rng = _range(b, rel)
    if rng is None:  # pragma: no cover - divisors of a clean document keep clear of zero
        reject()
    fig = b.figs[subject]
    up = MAX_STEPS
    if at_most_100:  # a share above 100 % would also be rule PC601's
        up = max(0, int((Decimal(100) - fig.number) / fig.ulp))
    candidates = [(subject, 1, up), (subject, -1, _steps_to_zero(fig))]
    _move_until_broken(b, candidates, lambda: _hit(b.span(subject), rng))


def break_balance(b: Builder) -> None:
    """PC101: a fund flow that does not balance."""
    add_balance(b)
    _break_linear(b)


def break_sum(b: Builder) -> None:
    """PC102: parts that do not add up to their total."""
    add_sum(b, exhaustive=True)
    _break_linear(b)


def break_inferred(b: Builder) -> None:
    """PC903: a sum a reader inferred (``basis: inferred``) whose parts do not add up."""
    add_sum(b, exhaustive=True)
    b.relations[-1]["basis"] = "inferred"
    _break_linear(b)


def break_partial_sum(b: Builder) -> None:
    """PC103: a 其中 list whose parts exceed their total."""
    add_sum(b, exhaustive=False)
    _break_linear(b)


def break_share(b: Builder) -> None:
    """PC201: a share that is not part ÷ whole."""
    add_share(b)
    _break_subject(b, b.relations[-1]["stated"], at_most_100=True)


def break_ratio(b: Builder) -> None:
    """PC202: a rate that is not numerator ÷ denominator."""
    add_ratio(b, variants=("amount", "count"))
    _break_subject(b, b.relations[-1]["stated"])


def break_implied_target(b: Builder) -> None:
    """PC203: "完成N例，占全年任务R%" where no whole-number target gives R."""
    draw = b.draw
    n = draw(st.integers(1, 200))
    target = draw(st.integers(1, 1000))
    # Every whole target gives 100·n/T; a rate strictly between two neighbours is no target's.
    high, low = HUNDRED * n / target, HUNDRED * n / (target + 1)
    decimals = draw(st.integers(0, 2))
    while Fraction(10) ** -decimals * 4 > high - low:
        decimals += 1
    u = Fraction(10) ** -decimals
    # The printed rate's interval [v - u/2, v + u/2] (truncated: [v, v + u]) inside (low, high).
    below, above = (0, u) if b.truncate else (u / 2, u / 2)
    first, last = math.floor((low + below) / u) + 1, math.ceil((high - above) / u) - 1
    printed = draw(st.integers(first, last))
    unit = draw(st.sampled_from(COUNT_UNITS))
    stated = b.add_fig(
        Fig(
            b.new_id("rate"),
            Decimal(printed).scaleb(-decimals),
            decimals,
            "%",
            style=b._style("%", decimals, Decimal(printed), exact=False),  # noqa: SLF001 - same module
        )
    )
    b.relate("ratio", numerator=b.count(n, "done", unit=unit), stated=stated)


def break_change_level(b: Builder) -> None:
    """PC301: this year's figure is not last year's plus the change (or the direction is impossible)."""
    add_change(b, variants=("prior_delta", "prior_delta_percent", "prior"))
    rel = b.relations[-1]
    # With a percent, only this year's figure is outside the percent's relation.
    _break_linear(b, [rel["current"]] if rel.get("percent") else None)


def break_change_percent(b: Builder) -> None:
    """PC302: a percent change that is not the change ÷ last year's figure."""
    add_change(b, variants=("prior_delta_percent", "delta_percent", "prior_percent"))
    _break_subject(b, b.relations[-1]["percent"])


def break_equal(b: Builder) -> None:
    """PC401: one figure printed twice with values that cannot be the same."""
    add_equal(b)
    figures = b.relations[-1]["figures"]

    def holds() -> bool:
        spans = [b.span(f) for f in figures]
        return max(s[0] for s in spans) <= min(s[1] for s in spans)

    _move_until_broken(b, _both_ways(b, figures), holds)


def break_compare(b: Builder) -> None:
    """PC402: an inequality that cannot hold."""
    add_compare(b, counts=False)
    _break_linear(b)


def break_product(b: Builder) -> None:
    """PC501: a total that is not the product of its factors."""
    add_product(b)
    _break_subject(b, b.relations[-1]["total"])


def break_formula(b: Builder) -> None:
    """PC502: a formula that cannot hold."""
    add_formula(b, variants=("linear", "percents", "inequality", "weighted"))
    _break_linear(b)


def break_share_above_100(b: Builder) -> None:
    """PC601: a part larger than its whole, with a share that agrees (so only the warning)."""
    add_share(b, above_100=True)


def break_shares_above_100(b: Builder) -> None:
    """PC602: shares of separate lines of one total add up to more than 100 %.

    The total has a negative line (an adjustment), so every figure agrees with every
    relation, and each share is below 100 %, yet the shares claim more than the whole.
    """
    whole = b.money(positive=True)
    fractions = b.draw(st.lists(st.integers(55, 95), min_size=2, max_size=3))
    parts = [whole * f / 100 for f in fractions]
    adjustment = whole - sum(parts, Fraction(0))
    total = b.amount(whole, "total", divisor=True)
    part_ids = [b.amount(p, "line") for p in parts]
    adjustment_id = b.amount(adjustment, "adjustment")
    b.relate("sum", total=total, parts=b.draw(st.permutations([*part_ids, adjustment_id])))
    for pid, f in zip(part_ids, fractions, strict=True):
        stated = b.percent(Fraction(f), "share", decimals=b.draw(st.integers(0, 2)))
        b.relate("share", part=pid, whole=total, stated=stated)


def break_negative(b: Builder) -> None:
    """PC603: a figure that cannot be negative, printed negative."""
    draw = b.draw
    if draw(st.booleans()):
        unit = draw(st.sampled_from(COUNT_UNITS))
        number = Decimal(-draw(st.integers(1, 10**6)))
        style = replace(b._style(unit, 0, number, exact=True), as_number=False)  # noqa: SLF001 - same module
        b.add_fig(Fig(b.new_id("count"), number, 0, unit, exact=True, style=style))
        return
    unit = draw(st.sampled_from(b.units))
    decimals = b.decimals_for(unit, Fraction(0))
    number = Decimal(-draw(st.integers(1, 10**8))).scaleb(-decimals)
    concept = draw(st.sampled_from(NON_NEGATIVE_CONCEPTS))
    style = b._style(unit, decimals, number, exact=False)  # noqa: SLF001 - same module
    b.add_fig(Fig(b.new_id(concept), number, decimals, unit, concept=concept, style=style))


def break_precision(b: Builder) -> None:
    """PC604: an amount with more decimals than the other amounts in its unit (in a sum that holds)."""
    draw = b.draw
    unit = draw(st.sampled_from(b.units))
    decimals = b.decimals_for(unit, Fraction(0))
    finer = decimals + draw(st.integers(1, 3))
    parts = b.split(b.money(positive=True), draw(st.integers(2, 4)))
    odd = draw(st.integers(0, len(parts) - 1))
    total = b.amount(sum(parts, Fraction(0)), "total", unit=unit, exact=False)
    ids = []
    for i, true in enumerate(parts):
        if i == odd:
            x = true / AMOUNT_UNITS[unit]
            number = round_true(x, finer, b.mode)
            style = b._style(unit, finer, number, exact=False)  # noqa: SLF001 - same module
            ids.append(b.add_fig(Fig(b.new_id("part"), number, finer, unit, style=style)))
        else:
            ids.append(b.amount(true, "part", unit=unit, exact=False))
    b.relate("sum", total=total, parts=ids)


def _incompatible(unit: str) -> str:
    kind = unit_kind(unit)
    if kind == "amount":
        return "人"
    return "%" if kind == "count" else "例"


def break_units(b: Builder) -> None:
    """PC901: a relation with a figure in a unit that cannot be compared with the others."""
    kind = b.draw(
        st.sampled_from(("sum", "balance", "share", "ratio", "change", "equal", "compare", "product"))
    )
    SCENARIOS[kind](b)
    rel = b.relations[-1]
    key = {
        "sum": "total",
        "balance": "inflows",
        "share": "stated",
        "ratio": "stated",
        "change": "current",
        "equal": "figures",
        "compare": "left",
        "product": "total",
    }[kind]
    fid = rel[key] if isinstance(rel[key], str) else rel[key][0]
    fig = b.figs[fid]
    unit = _incompatible(fig.unit)
    if kind == "product" and fig.kind == "percent":
        unit = "百分点"  # a count total of percentages would be a plain number, which is fine
    b.figs[fid] = replace(fig, unit=unit, style=replace(fig.style, unit_key=True))


BREAKERS: Final[dict[str, Callable[[Builder], None]]] = {
    "PC101": break_balance,
    "PC102": break_sum,
    "PC103": break_partial_sum,
    "PC201": break_share,
    "PC202": break_ratio,
    "PC203": break_implied_target,
    "PC301": break_change_level,
    "PC302": break_change_percent,
    "PC401": break_equal,
    "PC402": break_compare,
    "PC501": break_product,
    "PC502": break_formula,
    "PC601": break_share_above_100,
    "PC602": break_shares_above_100,
    "PC603": break_negative,
    "PC604": break_precision,
    "PC901": break_units,
    "PC903": break_inferred,
}


@st.composite
def broken_ledgers(draw: st.DrawFn, code: str, options: LedgerOptions) -> DrawnLedger:
    """A clean document with one rule broken, among relations that hold."""
    b = Builder(draw, replace(options, clean=True))
    count = draw(st.integers(options.min_relations, options.max_relations))
    before = draw(st.integers(0, count))
    fill(b, before)
    BREAKERS[code](b)
    fill(b, count - before)
    return b.build()


# ---------------------------------------------------------------------------
# Reports in the domain model


class _ReportBuilder:
    """Draws a :class:`~perfcheck.Report` from true values; every figure agrees with every other."""

    def __init__(self, draw: st.DrawFn, options: ReportOptions) -> None:
        self.draw = draw
        self.options = options
        self.unit = options.unit
        self.factor = AMOUNT_UNITS[options.unit]
        self.locale = draw(st.sampled_from(options.locales))
        nearest = tuple(m for m in options.modes if m != "truncate")
        if nearest and "truncate" in options.modes:
            self.rounding = draw(st.sampled_from(("nearest", "truncate")))
        else:
            self.rounding = "nearest" if nearest else "truncate"
        self.mode = "truncate" if self.rounding == "truncate" else draw(st.sampled_from(nearest))
        self.decimals = draw(st.sampled_from((2, 2, 1, 0)))  # one precision: nothing for PC604
        self.labels: set[str] = set()
        self.lines = 0
        self.flow: _Whole | None = None
        self.groups: list[_Group] = []
        self._ids = itertools.count(1)

    def label(self, stem: str) -> str:
        """A label no other figure has, so that shares can name figures by label."""
        text = stem
        for i in itertools.count(2):
            if text not in self.labels:
                break
            text = f"{stem}（{i}）"
        self.labels.add(text)
        return text

    def money(self, *, positive: bool = False) -> Fraction:
        k = self.draw(st.integers(0, 4))
        n = self.draw(st.integers(10 ** (k + 1) if positive else 0, 10**7))
        return Fraction(n, 10**k)  # in the report's unit

    def printed(self, true: Fraction, *, bare: bool = True) -> tuple[str, int | None, Decimal]:
        """An amount as printed, the decimals to declare when the text cannot show them, and its number."""
        number = round_true(true, self.decimals, self.mode)
        bits = self.draw(st.integers(0, 15))
        integral = number == number.to_integral_value()
        style = Style(
            suffix=bool(bits & 1),
            bare=bare and self.decimals > 0 and integral and bool(bits & 2),
            grouping=bool(bits & 4),
            fullwidth=self.locale == "zh_CN" and bool(bits & 8) and not bits & 4,
        )
        fig = Fig("x", number, self.decimals, self.unit, style=style)
        text = fig.text(self.locale)
        assert isinstance(text, str)  # noqa: S101 - never a JSON number here
        return text, (self.decimals if fig.shown_decimals() != self.decimals else None), number

    def percent(self, true: Fraction) -> str:
        decimals = self.draw(st.sampled_from((2, 2, 1, 0)))
        number = round_true(true, decimals, self.mode)
        text = Fig("x", number, decimals, "%").text(self.locale)
        assert isinstance(text, str)  # noqa: S101 - never a JSON number here
        return text + ("%" if self.draw(st.booleans()) else "")

    def clear_of_zero(self, numbers: Sequence[Decimal]) -> bool:
        """Whether printed amounts add up to an interval that keeps clear of zero."""
        u = Decimal(1).scaleb(-self.decimals)
        return sum(numbers, Decimal(0)) > len(numbers) * u

    def fraction(self, low: Fraction | int = 0, high: Fraction | int = 1) -> Fraction:
        """A random rational in ``[low, high]``."""
        q = self.draw(st.integers(1, 1000))
        return Fraction(self.draw(st.integers(math.ceil(low * q), math.floor(high * q))), q)

    def tree(self, total: Fraction, depth: int, parent: _Whole | None) -> tuple[list[LineItem], bool]:
        """Lines adding up to ``total`` (all of them, or some: the flag says whether all).

        Records every list of lines with its parent as a :class:`_Group`, for shares.
        """
        draw = self.draw
        n = draw(st.integers(1, max(1, min(self.options.max_items, MAX_LINES - self.lines))))
        self.lines += n
        weights = draw(st.lists(st.integers(0, 1000), min_size=n, max_size=n))
        if not any(weights):
            weights[0] = 1
        lines: list[tuple[LineItem, _Line, list[_Group]]] = []
        for w in weights:
            true = total * w / sum(weights)
            amount, decimals, number = self.printed(true)
            children: list[LineItem] = []
            exhaustive = True
            fid = f"line_{next(self._ids)}" if draw(st.booleans()) else None
            label = self.label(draw(st.sampled_from(LINE_LABELS)))
            ref = fid or label
            groups_before = len(self.groups)
            if depth < self.options.max_depth and self.lines < MAX_LINES and draw(st.integers(0, 2)) == 0:
                children, exhaustive = self.tree(true, depth + 1, _Whole(ref, true, number))
            below = self.groups[groups_before:]
            del self.groups[groups_before:]
            item = LineItem(
                label=label, amount=amount, id=fid, items=children, exhaustive=exhaustive, decimals=decimals
            )
            lines.append((item, _Line(ref, true, number), below))
        exhaustive = True
        if len(lines) > 1 and parent is not None and draw(st.integers(0, 3)) == 0:  # a 其中 list
            keep = draw(st.sets(st.integers(0, len(lines) - 1), min_size=1, max_size=len(lines) - 1))
            lines = [line for i, line in enumerate(lines) if i in keep]
            exhaustive = False
        whole = parent or self.flow
        if whole is not None:
            self.groups.append(_Group(whole, [line for _, line, _ in lines], exhaustive))
        for _, _, below in lines:  # the lists under the lines kept (a line left out takes its own along)
            self.groups += below
        return [item for item, _, _ in lines], exhaustive

    def fund_flow(self) -> tuple[FundFlow, Fraction]:
        """A fund flow that balances, and its true spending."""
        carry_in, income = self.money(), self.money(positive=True)
        spending = (carry_in + income) * self.fraction(HALF, 1)
        values = [
            self.printed(x, bare=False) for x in (carry_in, income, spending, carry_in + income - spending)
        ]
        for word in ("上年结转", "本年收入", "本年支出", "结转下年"):
            self.labels.add(word)
        self.flow = _Whole("spending", spending, values[2][2])
        flow = FundFlow(
            carryover_in=values[0][0], income=values[1][0], spending=values[2][0], carryover_out=values[3][0]
        )
        return flow, spending

    def shares(self) -> list[Share]:
        """Up to three stated shares of lines in their parent, in the fund flow's spending, or in a list."""
        draw = self.draw
        candidates: list[tuple[str, str | list[str], Fraction, Fraction]] = []
        for group in self.groups:
            if self.clear_of_zero([group.whole.number]):
                candidates += [
                    (line.ref, group.whole.ref, line.true, group.whole.true) for line in group.lines
                ]
            numbers = [line.number for line in group.lines]
            if group.exhaustive and len(group.lines) > 1 and self.clear_of_zero(numbers):
                refs = [line.ref for line in group.lines]
                candidates += [(line.ref, refs, line.true, group.whole.true) for line in group.lines]
        if not candidates:
            return []
        chosen = draw(st.lists(st.sampled_from(candidates), max_size=3, unique_by=lambda c: c[0]))
        return [
            Share(
                label=self.label("占比"),
                part=part,
                whole=whole,
                percent=self.percent(HUNDRED * true / whole_true),
            )
            for part, whole, true, whole_true in chosen
        ]

    def target(self) -> Target:
        """A target with its completion rate; the target itself is printed or implied."""
        draw = self.draw
        label = self.label(draw(st.sampled_from(TARGET_LABELS)))
        self.labels.update((f"{label} 完成率", f"{label} 目标"))
        planned = draw(st.integers(1, 100_000))
        done = draw(st.integers(0, 2 * planned))
        actual, qualifier = done, None
        if self.options.qualifiers and draw(st.integers(0, 3)) == 0:
            qualifier = draw(st.sampled_from(("at_least", "more_than", "at_most", "about")))
            step = 10 ** draw(st.integers(0, max(0, len(str(done)) - 1)))
            if qualifier in ("at_least", "more_than"):
                actual = done // step * step
            elif qualifier == "at_most":
                actual = -(-done // step) * step
            else:
                actual = int(round_true(Fraction(done, step), 0, "half_up")) * step
        return Target(
            label=label,
            actual=str(actual),
            unit=draw(st.sampled_from(COUNT_UNITS)),
            rate=self.percent(HUNDRED * done / planned),
            planned=str(planned) if draw(st.booleans()) else None,
            qualifier=qualifier,
        )

    def headcount(self) -> Headcount:
        """A head-count and its kinds (all of them, or some)."""
        draw = self.draw
        values = draw(st.lists(st.integers(0, 500), min_size=1, max_size=4))
        exhaustive = draw(st.booleans())
        total = sum(values) + (0 if exhaustive else draw(st.integers(0, 50)))
        return Headcount(
            label=self.label(draw(st.sampled_from(HEAD_LABELS))),
            total=str(total),
            parts={self.label(draw(st.sampled_from(KIND_LABELS))): str(v) for v in values},
            unit=draw(st.sampled_from(("人", "名"))),
            exhaustive=exhaustive,
        )


@dataclass(frozen=True)
class _Whole:
    ref: str  # an id, or a label no other figure has
    true: Fraction
    number: Decimal


@dataclass(frozen=True)
class _Line:
    ref: str
    true: Fraction
    number: Decimal


@dataclass(frozen=True)
class _Group:
    whole: _Whole
    lines: list[_Line]
    exhaustive: bool


@st.composite
def drawn_reports(draw: st.DrawFn, options: ReportOptions) -> Report:
    """A report in the domain model whose figures all agree."""
    r = _ReportBuilder(draw, options)
    flow = None
    spending: list[LineItem] = []
    if draw(st.integers(0, 3)):
        flow, total = r.fund_flow()
        spending, _ = r.tree(total, 1, None)
    elif draw(st.booleans()):
        spending, _ = r.tree(r.money(positive=True), 1, None)
    return Report(
        title=draw(st.none() | st.sampled_from(("2021年部门整体支出绩效自评报告", "2024年部门预算公开"))),
        unit=r.unit,
        locale=r.locale,
        rounding=r.rounding,
        fund_flow=flow,
        spending=spending,
        shares=r.shares(),
        targets=[r.target() for _ in range(draw(st.integers(0, 3)))],
        headcounts=[r.headcount() for _ in range(draw(st.integers(0, 2)))],
    )


LINE_LABELS: Final = (
    "基本支出",
    "项目支出",
    "人员经费",
    "公用经费",
    "工资福利支出",
    "商品和服务支出",
    "对个人和家庭的补助",
    "办公费",
    "差旅费",
    "会议费",
    "培训费",
    "专项业务费",
    "设备购置费",
    "维修费",
)
TARGET_LABELS: Final = ("两癌免费检查", "培训妇女", "救助困难妇女", "发放宣传资料", "走访慰问")
HEAD_LABELS: Final = ("编制数", "实有人数", "在职人员")
KIND_LABELS: Final = ("行政编制", "事业编制", "全额编制", "差额编制", "工勤人员")
