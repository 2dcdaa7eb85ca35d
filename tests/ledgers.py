"""Hypothesis strategies for ledger documents printed from true values, and an exact reference.

A :class:`Builder` draws *true* values (exact :class:`~fractions.Fraction` amounts, many
of them non-terminating: parts of a whole split by random fractions), derives every
related figure from them exactly, and then prints each figure the way a publisher
would: rounded half-up or half-even to its decimals (or truncated toward zero in a
``rounding: truncate`` document), in some unit, in some locale's notation. Every
relation of such a document holds by construction.

The reference checker (:meth:`Generated.verdict`) re-implements the document semantics
from the spec with exact rational arithmetic, independently of perfcheck: each printed
figure stands for an interval, and a relation is broken exactly when no choice of values
inside the intervals satisfies it. The quotients it needs (shares, ratios, percent
changes) are monotone in each variable over the boxes where they are defined, so their
exact ranges are attained at the boxes' corners.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from fractions import Fraction
from typing import Any

from hypothesis import strategies as st

AMOUNT_UNITS: dict[str, int] = {"元": 1, "千元": 1000, "万元": 10_000, "亿元": 100_000_000}
COUNT_UNITS = ("人", "名", "例", "份", "个", "户", "次")
LOCALES = ("zh_CN", "en_US", "de_DE")
HALF = Fraction(1, 2)
HUNDRED = Fraction(100)
INF = math.inf
FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")

Bound = Fraction | float  # a float only for ±infinity
Span = tuple[Bound, Bound]


def round_true(x: Fraction, decimals: int, mode: str) -> Decimal:
    """``x`` printed to ``decimals`` places: ``half_up``, ``half_even`` or ``truncate`` (toward zero)."""
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
    grouping: bool = False  # "1,234.50" / "1.234,50"
    fullwidth: bool = False  # "１２３４.５０"
    as_number: bool = False  # a JSON number (Decimal or int) rather than a string
    exact_key: bool = False  # write "exact": <exact>


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
        return unit_kind(self.unit)

    @property
    def factor(self) -> int:
        return AMOUNT_UNITS.get(self.unit, 1)

    @property
    def ulp(self) -> Decimal:
        return Decimal(1).scaleb(-self.decimals)

    def text(self, locale: str) -> str | Decimal | int:
        number = self.number
        integral = number == number.to_integral_value()
        plain = str(int(number)) if (self.style.bare and integral) or self.decimals <= 0 else f"{number:f}"
        s = self.style
        if s.as_number and not (s.suffix or s.grouping or s.fullwidth):
            return int(plain) if "." not in plain else Decimal(plain)
        head, _, tail = plain.partition(".")
        mark, group = (",", ".") if locale == "de_DE" else (".", ",")
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
        plain = f"{self.number:f}"
        integral = self.number == self.number.to_integral_value()
        if (self.style.bare and integral) or self.decimals <= 0:
            return 0
        return len(plain.partition(".")[2])

    def render(self, locale: str) -> dict[str, Any]:
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

    def span(self, *, truncate: bool) -> Span:
        """The interval the printing allows, in base units (元, %, points, 1), per the spec."""
        v = Fraction(self.number)
        lo: Bound
        hi: Bound
        if self.qualifier in ("at_least", "more_than"):
            lo, hi = v, INF
        elif self.qualifier == "at_most":
            lo, hi = -INF, v
        elif self.qualifier == "about":
            exponent = self.number.normalize().as_tuple().exponent
            assert isinstance(exponent, int)
            half = Fraction(10) ** exponent / 2
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

    def width(self, *, truncate: bool) -> Fraction:
        lo, hi = self.span(truncate=truncate)
        assert not isinstance(lo, float)
        assert not isinstance(hi, float)
        return hi - lo


# ---------------------------------------------------------------------------
# Exact interval arithmetic on spans


def add(*spans: Span) -> Span:
    return sum((s[0] for s in spans), Fraction(0)), sum((s[1] for s in spans), Fraction(0))


def scale(span: Span, k: Fraction) -> Span:
    a, b = span[0] * k, span[1] * k
    return (a, b) if k >= 0 else (b, a)


def hit(a: Span, b: Span) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def has_zero(span: Span) -> bool:
    return span[0] <= 0 <= span[1]


def corners(f: Callable[..., Fraction], spans: Sequence[Span]) -> Span:
    values = [f(*point) for point in itertools.product(*spans)]
    return min(values), max(values)


@dataclass(frozen=True)
class FormulaSpec:
    """A linear formula: ``Σ coef·left op Σ coef·right + const`` (amounts in the document unit)."""

    left: tuple[tuple[Fraction, str], ...]
    op: str
    right: tuple[tuple[Fraction, str], ...]
    const: Fraction = Fraction(0)
    others: tuple[str, ...] = ()  # the names of a formula the reference does not judge

    @property
    def names(self) -> list[str]:
        return list(dict.fromkeys([f for _, f in self.left + self.right] + list(self.others)))


def satisfied(op: str, diff: Span) -> bool:
    lo, hi = diff
    return {
        "==": lo <= 0 <= hi,
        "<=": lo <= 0,
        "<": lo < 0,
        ">=": hi >= 0,
        ">": hi > 0,
    }[op]


HOLDS, BROKEN, NOT_CHECKABLE = "holds", "broken", "not_checkable"


def _judge(ok: bool) -> str:
    return HOLDS if ok else BROKEN


@dataclass(frozen=True)
class Generated:
    """A generated document: its figures as printed, its relations, and how to judge them exactly."""

    unit: str
    locale: str
    rounding: str
    figs: dict[str, Fig]
    relations: tuple[dict[str, Any], ...]
    formulas: dict[str, FormulaSpec]
    unchecked: frozenset[str]  # relations the reference does not judge (non-linear formulas)
    rounding_key: bool = False  # write "rounding": "nearest" although it is the default
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def truncate(self) -> bool:
        return self.rounding == "truncate"

    def document(self) -> dict[str, Any]:
        doc: dict[str, Any] = {"perfcheck": "1", **self.extra, "unit": self.unit, "locale": self.locale}
        if self.rounding != "nearest" or self.rounding_key:
            doc["rounding"] = self.rounding
        doc["figures"] = [f.render(self.locale) for f in self.figs.values()]
        doc["relations"] = [dict(r) for r in self.relations]
        return doc

    def span(self, fid: str) -> Span:
        return self.figs[fid].span(truncate=self.truncate)

    def relation(self, rid: str) -> dict[str, Any]:
        return next(r for r in self.relations if r["id"] == rid)

    def checked(self) -> list[dict[str, Any]]:
        return [r for r in self.relations if r["id"] not in self.unchecked]

    def relations_of(self, fid: str) -> set[str]:
        return {r["id"] for r in self.relations if fid in operands(r, self.formulas)}

    def broken(self) -> set[str]:
        return {r["id"] for r in self.checked() if self.verdict(r) == BROKEN}

    def shifted(self, fid: str, steps: int) -> Generated:
        fig = self.figs[fid]
        number = fig.number + steps * fig.ulp
        if fig.decimals >= 0:
            number = number.quantize(fig.ulp)
        return replace(self, figs={**self.figs, fid: replace(fig, number=number)})

    # -- the reference -------------------------------------------------------

    def verdict(self, rel: dict[str, Any]) -> str:
        kind = rel["kind"]
        judge = getattr(self, f"_{kind}")
        return judge(rel)

    def _sum(self, rel: dict[str, Any]) -> str:
        weights = rel.get("weights") or [1] * len(rel["parts"])
        parts = add(*(scale(self.span(p), Fraction(w)) for p, w in zip(rel["parts"], weights, strict=True)))
        total = self.span(rel["total"])
        if rel.get("exhaustive", True):
            return _judge(hit(total, parts))
        return _judge(parts[0] <= total[1])

    def _balance(self, rel: dict[str, Any]) -> str:
        return _judge(hit(add(*map(self.span, rel["inflows"])), add(*map(self.span, rel["outflows"]))))

    def implied(self, rel: dict[str, Any]) -> tuple[str, Span | None] | None:
        """The figure a quotient or product relation judges, and the range the others allow it.

        For a share, a ratio with a denominator, a change with a percent and a product;
        the range is None when a divisor may be zero (not checkable).
        """
        kind = rel["kind"]
        if kind == "share":
            return rel["stated"], self._share_range(rel)
        if kind == "ratio" and rel.get("denominator") is not None:
            den = self.span(rel["denominator"])
            if has_zero(den):
                return rel["stated"], None
            return rel["stated"], corners(lambda p, d: HUNDRED * p / d, [self.span(rel["numerator"]), den])
        if kind == "change" and rel.get("percent") and (rel.get("prior") or rel.get("delta")):
            return rel["percent"], self._change_range(rel)
        if kind == "product":
            return rel["total"], self._product_range(rel)
        return None

    def _share_range(self, rel: dict[str, Any]) -> Span | None:
        wholes = [rel["whole"]] if isinstance(rel["whole"], str) else list(rel["whole"])
        part = self.span(rel["part"])
        if rel["part"] in wholes:
            wholes.remove(rel["part"])
            rest = add(*map(self.span, wholes))
            if has_zero(add(part, rest)):
                return None
            return corners(lambda p, r: HUNDRED * p / (p + r), [part, rest])
        whole = add(*map(self.span, wholes))
        if has_zero(whole):
            return None
        return corners(lambda p, w: HUNDRED * p / w, [part, whole])

    def _change_range(self, rel: dict[str, Any]) -> Span | None:
        sign = 1 if rel["direction"] == "increase" else -1
        cur = self.span(rel["current"])
        if rel.get("prior"):
            p = self.span(rel["prior"])
            if has_zero(p):
                return None
            if rel.get("delta"):
                return corners(lambda d, q: HUNDRED * d / q, [self.span(rel["delta"]), p])
            return corners(lambda c, q: sign * HUNDRED * (c / q - 1), [cur, p])
        d = self.span(rel["delta"])
        if has_zero(add(cur, scale(d, Fraction(-sign)))):
            return None
        return corners(lambda c, x: HUNDRED * x / (c - sign * x), [cur, d])

    def _product_range(self, rel: dict[str, Any]) -> Span:
        def factor(fid: str) -> Span:
            span = self.span(fid)
            return scale(span, Fraction(1, 100)) if self.figs[fid].kind == "percent" else span

        rng = corners(lambda *xs: math.prod(xs, start=Fraction(1)), [factor(f) for f in rel["factors"]])
        return scale(rng, HUNDRED) if self.figs[rel["total"]].kind == "percent" else rng

    def _ranged(self, rel: dict[str, Any]) -> str:
        implied = self.implied(rel)
        assert implied is not None
        subject, rng = implied
        return NOT_CHECKABLE if rng is None else _judge(hit(self.span(subject), rng))

    _share = _ranged
    _product = _ranged

    def _ratio(self, rel: dict[str, Any]) -> str:
        if rel.get("denominator") is not None:
            return self._ranged(rel)
        # An implied whole-number target T: 100·N/T inside the stated rounding.
        stated = self.span(rel["stated"])
        num = self.figs[rel["numerator"]]
        if num.kind != "count" or not num.exact or num.qualifier is not None or stated[0] <= 0:
            return HOLDS
        n = Fraction(num.number)
        lo = HUNDRED * n / stated[1] if stated[1] != INF else Fraction(0)
        hi = HUNDRED * n / stated[0]
        return _judge(max(math.ceil(lo), 1) <= hi)

    def _change(self, rel: dict[str, Any]) -> str:
        sign = 1 if rel["direction"] == "increase" else -1
        cur = self.span(rel["current"])
        prior, delta = rel.get("prior"), rel.get("delta")
        verdicts = []
        if prior is not None:
            p = self.span(prior)
            if delta is not None:
                verdicts.append(_judge(hit(cur, add(p, scale(self.span(delta), Fraction(sign))))))
            elif rel.get("percent") is None:  # only the direction is stated
                verdicts.append(_judge(p[0] < cur[1] if sign > 0 else cur[0] < p[1]))
        if self.implied(rel) is not None:
            verdicts.append(self._ranged(rel))
        if BROKEN in verdicts:
            return BROKEN
        return NOT_CHECKABLE if NOT_CHECKABLE in verdicts else HOLDS

    def _equal(self, rel: dict[str, Any]) -> str:
        spans = [self.span(f) for f in rel["figures"]]
        return _judge(max(s[0] for s in spans) <= min(s[1] for s in spans))

    def _compare(self, rel: dict[str, Any]) -> str:
        left, right, op = self.span(rel["left"]), self.span(rel["right"]), rel["op"]
        return _judge(
            {
                "<=": left[0] <= right[1],
                "<": left[0] < right[1],
                ">=": left[1] >= right[0],
                ">": left[1] > right[0],
            }[op]
        )

    def _formula(self, rel: dict[str, Any]) -> str:
        spec = self.formulas[rel["id"]]
        assert rel["id"] not in self.unchecked

        def value(fid: str) -> Span:
            fig = self.figs[fid]
            span = self.span(fid)
            return scale(span, Fraction(1, AMOUNT_UNITS[self.unit])) if fig.kind == "amount" else span

        left = add(*(scale(value(f), c) for c, f in spec.left))
        right = add(*(scale(value(f), c) for c, f in spec.right), (spec.const, spec.const))
        return _judge(satisfied(spec.op, add(left, scale(right, Fraction(-1)))))

    # -- for "no misses": linear relations as Σ coefficient·figure = 0 in base units --------

    def linear_terms(self, rel: dict[str, Any]) -> list[tuple[Fraction, str]] | None:
        kind = rel["kind"]
        if kind == "sum" and rel.get("exhaustive", True):
            weights = rel.get("weights") or [1] * len(rel["parts"])
            return [(Fraction(-1), rel["total"])] + [
                (Fraction(w), p) for p, w in zip(rel["parts"], weights, strict=True)
            ]
        if kind == "balance":
            return [(Fraction(1), f) for f in rel["inflows"]] + [(Fraction(-1), f) for f in rel["outflows"]]
        if kind == "change" and rel.get("prior") and rel.get("delta") and not rel.get("percent"):
            sign = Fraction(1 if rel["direction"] == "increase" else -1)
            return [(Fraction(1), rel["current"]), (Fraction(-1), rel["prior"]), (-sign, rel["delta"])]
        if kind == "formula" and rel["id"] not in self.unchecked:
            spec = self.formulas[rel["id"]]
            if spec.op == "==" and len({self.figs[f].kind for _, f in spec.left + spec.right}) == 1:
                return list(spec.left) + [(-c, f) for c, f in spec.right]
        return None

    def tolerance_steps(self, rel: dict[str, Any], fid: str) -> int | None:
        """How many steps of its last printed digit move ``fid`` beyond ``rel``'s tolerance.

        Linear relations (sum, balance, equal, change level, linear formulas): more than the
        sum of the widths of all the relation's intervals, in base units, over the figure's
        weight. A quotient or product: more than the width of the range the other figures
        allow plus the figure's own width, plus one step of margin. None: not such a case.
        """
        fig = self.figs[fid]
        if fig.qualifier is not None:
            return None
        step = Fraction(fig.ulp) * fig.factor

        def width(f: str) -> Fraction:
            return self.figs[f].width(truncate=self.truncate)

        if rel["kind"] == "equal":
            return math.floor(sum(map(width, rel["figures"])) / step) + 1
        terms = self.linear_terms(rel)
        if terms is not None:
            weight = sum(abs(c) for c, f in terms if f == fid)
            if not weight:
                return None
            return math.floor(sum(abs(c) * width(f) for c, f in terms) / (weight * step)) + 1
        implied = self.implied(rel)
        if implied is None or implied[0] != fid or implied[1] is None:
            return None
        lo, hi = self.naive_range(rel)
        return math.floor((hi - lo + width(fid)) / step) + 2

    def naive_range(self, rel: dict[str, Any]) -> Span:
        """The range of a quotient with its numerator and denominator taken as independent intervals.

        100·part / Σwhole for a share even when the part is one of the whole's figures, and
        100·delta / (current ∓ delta) for a change without a prior: a superset of the exact
        range (:meth:`implied`), used only for a shift that must break the relation.
        """
        kind = rel["kind"]
        if kind == "share":
            wholes = [rel["whole"]] if isinstance(rel["whole"], str) else rel["whole"]
            return corners(
                lambda p, w: HUNDRED * p / w, [self.span(rel["part"]), add(*map(self.span, wholes))]
            )
        if kind == "change" and not rel.get("prior"):
            sign = Fraction(1 if rel["direction"] == "increase" else -1)
            d = self.span(rel["delta"])
            prior = add(self.span(rel["current"]), scale(d, -sign))
            return corners(lambda x, q: HUNDRED * x / q, [d, prior])
        implied = self.implied(rel)
        assert implied is not None
        assert implied[1] is not None
        return implied[1]


_OPERAND_KEYS: dict[str, tuple[str, ...]] = {
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


# ---------------------------------------------------------------------------
# Building documents from true values


class Builder:
    """Collects figures printed from true values and the relations between them."""

    def __init__(self, draw: st.DrawFn, *, rounding: str | None = None) -> None:
        self.draw = draw
        self.unit = draw(st.sampled_from(tuple(AMOUNT_UNITS)))
        self.locale = draw(st.sampled_from(LOCALES))
        self.rounding = rounding or draw(st.sampled_from(("nearest", "truncate")))
        self.mode = (
            "truncate" if self.rounding == "truncate" else draw(st.sampled_from(("half_up", "half_even")))
        )
        self.rounding_key = draw(st.booleans())
        self.figs: dict[str, Fig] = {}
        self.relations: list[dict[str, Any]] = []
        self.formulas: dict[str, FormulaSpec] = {}
        self.unchecked: set[str] = set()
        self._ids = itertools.count(1)

    def new_id(self, stem: str) -> str:
        return f"{stem}_{next(self._ids)}"

    # -- true values ------------------------------------------------------------

    def money(self, *, positive: bool = False) -> Fraction:
        """A true amount in 元: up to 10^8 document units with up to 6 decimals."""
        n = self.draw(st.integers(1 if positive else 0, 10**8))
        k = self.draw(st.integers(0, 6))
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
            as_number=decimals >= 0 and flags[7] and not flags[0],
            exact_key=exact or (flags[2] and flags[7]),
        )

    def add_fig(self, fig: Fig) -> str:
        self.figs[fig.id] = fig
        return fig.id

    def amount(
        self,
        true: Fraction,
        stem: str = "amt",
        *,
        concept: str | None = None,
        unit: str | None = None,
        label: str | None = None,
    ) -> str:
        """Print a true amount (in 元) in some unit, rounded as the publisher would."""
        draw = self.draw
        if unit is None:
            unit = draw(st.sampled_from((self.unit, self.unit, self.unit, *AMOUNT_UNITS)))
        x = true / AMOUNT_UNITS[unit]
        decimals = draw(st.sampled_from((2, 2, 2, 1, 0)))
        if unit == "元" and x >= 10_000 and draw(st.integers(0, 9)) == 0:
            decimals = -draw(st.integers(1, 3))
        number = round_true(x, decimals, self.mode)
        exact = Fraction(number) == x and decimals >= 0 and draw(st.booleans())
        style = self._style(unit, decimals, number, exact=exact)
        fid = self.new_id(stem)
        return self.add_fig(Fig(fid, number, decimals, unit, exact, None, concept, label, style))

    def percent(self, true: Fraction, stem: str = "pct", *, unit: str = "%") -> str:
        decimals = self.draw(st.sampled_from((2, 2, 2, 1, 0)))
        number = round_true(true, decimals, self.mode)
        style = self._style(unit, decimals, number, exact=False)
        return self.add_fig(Fig(self.new_id(stem), number, decimals, unit, style=style))

    def count(self, n: int, stem: str = "cnt", *, unit: str | None = None) -> str:
        unit = unit or self.draw(st.sampled_from(COUNT_UNITS))
        style = self._style(unit, 0, Decimal(n), exact=True)
        style = replace(style, exact_key=style.exact_key or style.decimals_key, as_number=False)
        return self.add_fig(Fig(self.new_id(stem), Decimal(n), 0, unit, exact=True, style=style))

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

    def relate(self, kind: str, stem: str | None = None, **keys: Any) -> str:
        rid = self.new_id(f"r_{stem or kind}")
        self.relations.append({"id": rid, "kind": kind, **keys})
        return rid

    def formula(self, spec: FormulaSpec, expr: str, *, checked: bool = True) -> str:
        rid = self.relate("formula", expr=expr)
        self.formulas[rid] = spec
        if not checked:
            self.unchecked.add(rid)
        return rid

    def build(self, extra: dict[str, Any] | None = None) -> Generated:
        return Generated(
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


# ---------------------------------------------------------------------------
# Scenarios: each adds figures printed from true values and relations that hold between them


def add_sum(b: Builder) -> None:
    n = b.draw(st.integers(1, 5))
    parts = [b.money() if b.draw(st.booleans()) else Fraction(0) for _ in range(n)]
    if b.draw(st.booleans()):  # parts as random fractions of a total
        parts = b.split(b.money(), n)
    weights = b.draw(st.none() | st.lists(st.sampled_from((1, 2, 3)), min_size=n, max_size=n))
    ws = weights or [1] * n
    total = sum((w * p for w, p in zip(ws, parts, strict=True)), Fraction(0))
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
    inflows = [b.money() for _ in range(b.draw(st.integers(1, 3)))]
    outflows = b.split(sum(inflows, Fraction(0)), b.draw(st.integers(1, 3)))
    b.relate(
        "balance",
        inflows=[b.amount(x, "inflow") for x in inflows],
        outflows=[b.amount(x, "outflow") for x in outflows],
    )


def add_share(b: Builder) -> None:
    whole = b.money(positive=True)
    pieces = b.split(whole, b.draw(st.integers(1, 4)))
    stated_true = HUNDRED * pieces[0] / whole
    if b.draw(st.booleans()):
        part = b.amount(pieces[0], "part")
        whole_ref: str | list[str] = b.amount(whole, "whole")
    else:
        ids = [b.amount(p, "piece") for p in pieces]
        part = ids[0]
        whole_ref = b.draw(st.permutations(ids))
    b.relate("share", part=part, whole=whole_ref, stated=b.percent(stated_true, "share"))


def add_ratio(b: Builder) -> None:
    variant = b.draw(st.sampled_from(("amount", "count", "implied")))
    if variant == "amount":
        den = b.money(positive=True)
        num = den * b.fraction(0, Fraction(3, 2))
        b.relate(
            "ratio",
            numerator=b.amount(num, "actual"),
            denominator=b.amount(den, "planned"),
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


def add_change(b: Builder) -> None:
    rate = b.draw(st.integers(0, 4)) == 0  # a percentage changing by percentage points
    if rate:
        prior = b.fraction(Fraction(1, 10), 200)
        current = b.fraction(0, 200)
    else:
        prior = b.money(positive=True)
        current = prior * b.fraction(0, 3)
    delta = abs(current - prior)
    direction = "increase" if current > prior else "decrease"
    if current == prior:
        direction = b.draw(st.sampled_from(("increase", "decrease")))
    variant = b.draw(
        st.sampled_from(("prior_delta", "prior_delta_percent", "delta_percent", "prior_percent", "prior"))
    )
    if variant == "prior" and current == prior:
        variant = "prior_delta"
    current_id = b.percent(current, "rate_now") if rate else b.amount(current, "current")
    keys: dict[str, Any] = {"current": current_id, "direction": direction}
    if "prior" in variant:
        keys["prior"] = b.percent(prior, "rate_prior") if rate else b.amount(prior, "prior")
    if "delta" in variant:
        keys["delta"] = b.percent(delta, "points", unit="百分点") if rate else b.amount(delta, "delta")
    if "percent" in variant:
        keys["percent"] = b.percent(HUNDRED * delta / prior, "change_pct")
    b.relate("change", **keys)


def add_equal(b: Builder) -> None:
    if b.draw(st.integers(0, 4)) == 0:  # a count and the same count printed as an estimate
        n = b.draw(st.integers(1, 10**6))
        unit = b.draw(st.sampled_from(COUNT_UNITS))
        b.relate("equal", figures=[b.count(n, "count", unit=unit), b.bound(n, "about", unit, "about")])
        return
    true = b.money()
    n = b.draw(st.integers(2, 3))
    units = b.draw(st.lists(st.sampled_from(tuple(AMOUNT_UNITS)), min_size=n, max_size=n))
    b.relate("equal", figures=[b.amount(true, "same", unit=u) for u in units])


def add_compare(b: Builder) -> None:
    op = b.draw(st.sampled_from(("<=", "<", ">=", ">")))
    if b.draw(st.integers(0, 3)) == 0:  # a bound such as 10000余份
        unit = b.draw(st.sampled_from(COUNT_UNITS))
        small = b.draw(st.integers(0, 10**6))
        big = small + b.draw(st.integers(1 if op in ("<", ">") else 0, 10**6))
        qualifier = b.draw(st.sampled_from(("at_least", "more_than", "at_most", "about")))
        lo_id = b.bound(small, qualifier, unit) if b.draw(st.booleans()) else b.count(small, unit=unit)
        hi_id = b.bound(big, qualifier, unit) if b.draw(st.booleans()) else b.count(big, unit=unit)
    else:
        big = b.money()
        small = big * b.fraction()
        if op in ("<", ">") and small == big:
            big += 1
        lo_id, hi_id = b.amount(small, "small"), b.amount(big, "big")
    left, right = (lo_id, hi_id) if op in ("<", "<=") else (hi_id, lo_id)
    b.relate("compare", left=left, op=op, right=right)


def add_product(b: Builder) -> None:
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


def add_formula(b: Builder) -> None:
    variant = b.draw(st.sampled_from(("linear", "percents", "inequality", "weighted", "quotient")))
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
    else:  # p / (p + q) * 100 == s: a figure used twice, not judged by the reference
        p, q = b.money(positive=True), b.money()
        ids = [b.amount(p), b.amount(q), b.percent(HUNDRED * p / (p + q))]
        expr = f"{ids[0]} / ({ids[0]} + {ids[1]}) * 100 == {ids[2]}"
        b.formula(FormulaSpec((), "==", (), others=tuple(ids)), expr, checked=False)


def add_report(b: Builder) -> None:
    """A fund flow, a spending tree, the same figure in 元, a share and a year-on-year change."""
    carry_in, income = b.money(), b.money(positive=True)
    spending = (carry_in + income) * b.fraction()
    basic = spending * b.fraction()
    project = spending - basic
    wages = basic * b.fraction()
    ids = {
        "carry_in": b.amount(carry_in, "carryover_in", concept="carryover_in", label="上年结转"),
        "income": b.amount(income, "income", concept="income", label="本年收入"),
        "spending": b.amount(spending, "spending", concept="spending", label="本年支出"),
        "carry_out": b.amount(carry_in + income - spending, "carryover_out", concept="carryover_out"),
        "basic": b.amount(basic, "basic", concept="basic_spending", label="基本支出"),
        "project": b.amount(project, "project", concept="project_spending", label="项目支出"),
        "wages": b.amount(wages, "wages", concept="line_item"),
        "public": b.amount(basic - wages, "public", concept="line_item"),
        "special": b.amount(project, "special", unit="元", label="专项资金"),
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
        prior = spending * b.fraction(Fraction(1, 2), 2)
        delta = abs(spending - prior)
        b.relate(
            "change",
            current=ids["spending"],
            prior=b.amount(prior, "spending_prior"),
            delta=b.amount(delta, "spending_delta"),
            percent=b.percent(HUNDRED * delta / prior),
            direction="increase" if spending >= prior else "decrease",
        )
    one = Fraction(1)
    spec = FormulaSpec(
        ((one, ids["wages"]), (one, ids["public"]), (one, ids["project"])), "==", ((one, ids["spending"]),)
    )
    b.formula(spec, f"{ids['wages']} + {ids['public']} + {ids['project']} == {ids['spending']}")


SCENARIOS: dict[str, Callable[[Builder], None]] = {
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


@st.composite
def ledgers(
    draw: st.DrawFn, kinds: Iterable[str] = tuple(SCENARIOS), *, min_size: int = 1, max_size: int = 3
) -> Generated:
    """A document whose relations all hold: 1-3 scenarios of the given kinds."""
    b = Builder(draw)
    for kind in draw(st.lists(st.sampled_from(tuple(kinds)), min_size=min_size, max_size=max_size)):
        SCENARIOS[kind](b)
    return b.build()


def max_steps_down(fig: Fig) -> int:
    """How many steps of its last digit a figure can move down and stay non-negative."""
    return int(fig.number / fig.ulp)


def boundary(
    gen: Generated, rid: str, fid: str, direction: int, limit: int = 2**40
) -> tuple[int, int] | None:
    """Adjacent step counts ``(k, k + 1)`` moving ``fid`` where ``rid`` holds at ``k``, broken at ``k + 1``.

    The reference judges; ``k`` may be 0 (the document as generated). None: moving
    ``fid`` that way (up to ``limit`` steps, never below zero) does not break ``rid``.
    """
    rel = gen.relation(rid)
    cap = limit if direction > 0 else min(limit, max_steps_down(gen.figs[fid]))

    def broken(k: int) -> bool:
        return gen.shifted(fid, direction * k).verdict(rel) == BROKEN

    assert not broken(0)
    lo, hi = 0, 1
    while hi <= cap and not broken(hi):
        lo, hi = hi, 2 * hi
    if hi > cap:
        if cap <= lo or not broken(cap):
            return None
        hi = cap
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if broken(mid):
            hi = mid
        else:
            lo = mid
    return lo, hi
