"""Printed figures and drawn documents: how a true value is printed, and the document it makes."""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final, Self

from hypothesis import strategies as st

from perfcheck._ledger.document import Ledger, validate

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
        # a bare 0 reads as exactly nothing: a rounded one says its decimals
        rounded_zero = self.number == 0 and self.decimals == 0 and not self.exact and not self.style.exact_key
        if self.style.decimals_key or self.shown_decimals() != self.decimals or rounded_zero:
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

    def open_ends(self, *, truncate: bool) -> tuple[bool, bool]:
        """Which ends of :meth:`interval` are open: the far end of a truncated figure (both for 0)."""
        if not truncate or self.exact or self.qualifier is not None:
            return False, False
        return self.number <= 0, self.number >= 0

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


def draw_rounding(draw: st.DrawFn, modes: tuple[str, ...]) -> tuple[str, str]:
    """The document's ``rounding`` key and the mode its figures are printed in, drawn from ``modes``.

    Truncation is its own rounding; any other mode is printed under ``nearest``.
    """
    nearest = tuple(m for m in modes if m != "truncate")
    if nearest and "truncate" in modes:
        rounding = draw(st.sampled_from(("nearest", "truncate")))
    else:
        rounding = "nearest" if nearest else "truncate"
    return rounding, "truncate" if rounding == "truncate" else draw(st.sampled_from(nearest))
