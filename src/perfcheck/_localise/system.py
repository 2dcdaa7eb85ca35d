"""The relations of a ledger as one linear system over its figures' values (docs/localise.md).

Every figure is a variable ``x`` in its dimension's base unit, allowed its printed
interval while it keeps its printed value and a domain box when it may change.
Sums, balances, equalities, comparisons and linear formulas are linear rows. A share,
a ratio and a percent change are ``L(x) = p·d`` with a positive ``d``: while the stated
percent ``p`` keeps its printed value ``[p_lo, p_hi]`` that is the pair of linear rows
``L - p_lo·d >= 0`` and ``L - p_hi·d <= 0`` (exact for ``d >= 0``); when ``p`` may change,
:mod:`perfcheck._localise.solver` bounds the product by its McCormick envelope. What
cannot be written so (products, a non-linear formula, a ratio without a printed
denominator, a whole that may be zero) is left out, and the system says which.

Coefficients and bounds are exact fractions; only the solver sees floats.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Context as DecimalContext
from decimal import Decimal, Inexact, InvalidOperation
from fractions import Fraction
from typing import Final

from perfcheck._core.units import Kind
from perfcheck._engine.compile import FigureView
from perfcheck._engine.context import Context
from perfcheck._ledger.document import (
    BalanceRelation,
    ChangeRelation,
    CompareRelation,
    EqualRelation,
    FormulaRelation,
    RatioRelation,
    ShareRelation,
    SumRelation,
    _Relation,
)

HUNDRED: Final = Fraction(100)
#: The smallest domain box of a percent figure: wide enough for any share and most changes.
PERCENT_BOX: Final = Fraction(1000)
#: What the name of a made-up quantity starts with: no id has a control character.
MADE_UP: Final = "\x00"

Terms = tuple[tuple[str, Fraction], ...]


@dataclass(frozen=True, slots=True)
class Var:
    """One figure (or a quantity made of figures, such as a whole of several parts).

    Attributes:
        name: the figure's id, or :data:`MADE_UP` and a relation id for a made-up quantity.
        figure: the figure's id, or None for a made-up quantity.
        dim: the figure's dimension, as text (figures of one dimension share a box).
        centre: the printed value, in the base unit.
        scale: half a unit of the last printed digit, in the base unit (never zero).
        lo: the lower end of the printed interval, or None when unbounded.
        hi: the upper end, or None.
        terms: for a made-up quantity, the figures it is the sum of (with coefficients).
        size: for a figure, the largest magnitude it may have as printed: the larger end
            of its interval (or its value) and half a unit more (what its domain box adds up).
    """

    name: str
    figure: str | None
    dim: str
    centre: Fraction
    scale: Fraction
    lo: Fraction | None
    hi: Fraction | None
    terms: Terms = ()
    size: Fraction = Fraction(0)


@dataclass(frozen=True, slots=True)
class Row:
    """``lo <= Σ a·x <= hi`` for one relation; with ``switch``, only while that figure keeps its value."""

    relation: str
    coeffs: Terms
    lo: Fraction | None
    hi: Fraction | None
    switch: str | None = None


@dataclass(frozen=True, slots=True)
class Product:
    """``Σ a·x = p·d`` for one relation, ``d >= 0``: what a share, ratio or percent change says."""

    relation: str
    linear: Terms
    p: str
    d: str


@dataclass(slots=True)
class System:
    """The rows and products of some relations, the variables they name, and what was left out.

    ``folded`` is, by dimension, the sizes (:attr:`Var.size`) added up of the figures a
    lean system (:func:`build` with ``keep``) holds as constants of their rows, not as
    variables: what their domain boxes would have counted.
    """

    vars: dict[str, Var] = field(default_factory=dict)
    rows: list[Row] = field(default_factory=list)
    products: list[Product] = field(default_factory=list)
    relations: list[str] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)
    folded: dict[str, Fraction] = field(default_factory=dict)
    _index: dict[str, tuple[list[Row], list[Product]]] | None = field(default=None, repr=False)
    _printed: _Printed | bool | None = field(default=None, repr=False)

    def parts_of(self, relation: str) -> tuple[list[Row], list[Product]]:
        """A relation's rows and products (indexed on first use)."""
        if self._index is None:
            index: dict[str, tuple[list[Row], list[Product]]] = {}
            for row in self.rows:
                index.setdefault(row.relation, ([], []))[0].append(row)
            for prod in self.products:
                index.setdefault(prod.relation, ([], []))[1].append(prod)
            self._index = index
        return self._index.get(relation, ([], []))

    def figures_of(self, relation: str) -> list[str]:
        """The figures a relation's rows and products name (made-up quantities resolved)."""
        names: dict[str, None] = {}
        rows, products = self.parts_of(relation)
        for row in rows:
            names.update(dict.fromkeys(n for n, _ in row.coeffs))
            if row.switch is not None:
                names[row.switch] = None
        for prod in products:
            names.update(dict.fromkeys(n for n, _ in prod.linear))
            names.update(dict.fromkeys((prod.p, prod.d)))
        out: dict[str, None] = {}
        for name in names:
            var = self.vars[name]
            out.update(dict.fromkeys([var.figure] if var.figure else [n for n, _ in var.terms]))
        return list(out)


def _frac(value: Decimal) -> Fraction | None:
    # from the integer ratio: the fraction of two ints skips the constructor's type tests
    return Fraction(*value.as_integer_ratio()) if value.is_finite() else None


@functools.cache
def _fraction(factor: Decimal) -> Fraction:
    return Fraction(factor)


@functools.cache
def _half_unit(decimals: int, factor: Decimal) -> Fraction:
    """Half a unit of the last digit printed to ``decimals`` places, in the base unit."""
    return Fraction(1, 2) * Fraction(10) ** (-decimals) * Fraction(factor)


def figure_var(view: FigureView) -> Var:
    """A figure's variable: its printed value, interval and scale in its dimension's base unit."""
    factor = view.unit.factor
    centre = Fraction(*view.number.as_integer_ratio())
    if factor != 1:
        centre *= _fraction(factor)
    scale = _half_unit(view.decimals, factor)
    lo, hi = _frac(view.base.lo), _frac(view.base.hi)
    size = abs(centre)
    for end in (lo, hi):
        if end is not None and abs(end) > size:
            size = abs(end)
    size += scale
    return Var(view.id, view.id, str(view.unit.dimension), centre, scale, lo, hi, size=size)


#: Exact decimal sums of folded figures: a sum that would round is not folded.
_EXACT: Final = DecimalContext(prec=120, traps=[Inexact, InvalidOperation], Emax=999_999, Emin=-999_999)


def _folded(views: Iterable[tuple[FigureView, int]]) -> tuple[Decimal | None, Decimal | None, Decimal] | None:
    """``Σ c·x`` over figures held to their printed intervals (``c`` ±1), and their sizes added up.

    Its least and greatest values (None: unbounded), and the figures' sizes as
    :func:`figure_var` has them. Exact decimal sums; None when one would not be exact.
    """
    add, mul = _EXACT.add, _EXACT.multiply
    low: Decimal | None = Decimal(0)
    high: Decimal | None = Decimal(0)
    size = Decimal(0)
    try:
        for view, c in views:
            factor = view.unit.factor
            base = view.base
            a, b = (base.lo, base.hi) if c > 0 else (_EXACT.minus(base.hi), _EXACT.minus(base.lo))
            low = None if low is None or not a.is_finite() else add(low, a)
            high = None if high is None or not b.is_finite() else add(high, b)
            own = abs(mul(view.number, factor))
            for end in (base.lo, base.hi):
                if end.is_finite() and abs(end) > own:
                    own = abs(end)
            size = add(size, add(own, mul(Decimal(5).scaleb(-view.decimals - 1), factor)))
    except (Inexact, InvalidOperation):
        return None
    return low, high, size


#: What :func:`_folded` adds up, by relation: its whole row's, for every piece that folds it.
Folds = dict[str, tuple[Decimal | None, Decimal | None, Decimal] | None]


class _Builder:
    def __init__(
        self,
        ctx: Context,
        known: dict[str, Var],
        keep: Collection[str] | None = None,
        folds: Folds | None = None,
    ) -> None:
        self.ctx = ctx
        self.system = System()
        self.known = known
        self.keep = keep
        self.folds: Folds = {} if folds is None else folds
        self.folding = False  # whether the relation being written may fold figures (rows of ±1)

    def _fold(
        self, relation: str, terms: list[tuple[str, int]]
    ) -> tuple[Decimal | None, Decimal | None, Decimal] | None:
        """:func:`_folded` over the row's figures not kept: the whole row's (added up once) less the kept."""
        keep, view = self.keep or (), self.ctx.view
        if relation not in self.folds:
            self.folds[relation] = _folded((view(n), c) for n, c in terms)
        whole = self.folds[relation]
        kept = _folded((view(n), c) for n, c in terms if n in keep)
        if whole is not None and kept is not None:
            (w_lo, w_hi, w_size), (k_lo, k_hi, k_size) = whole, kept
            if w_lo is not None and w_hi is not None and k_lo is not None and k_hi is not None:
                try:
                    sub = _EXACT.subtract
                    return sub(w_lo, k_lo), sub(w_hi, k_hi), sub(w_size, k_size)
                except (Inexact, InvalidOperation):
                    return None
        # an end unbounded (or a sum not exact): the figures folded, added up alone
        return _folded((view(n), c) for n, c in terms if n not in keep)

    def var(self, figure_id: str) -> str:
        if figure_id not in self.system.vars:
            var = self.known.get(figure_id)
            if var is None:
                var = self.known[figure_id] = figure_var(self.ctx.view(figure_id))
            self.system.vars[figure_id] = var
        return figure_id

    def made_up(self, relation: str, terms: Terms) -> str | None:
        """A quantity ``Σ c·x`` of figures, as a variable of its own; None when it may be unbounded."""
        name = MADE_UP + relation
        vars_ = [self.system.vars[self.var(n)] for n, _ in terms]
        lo = hi = Fraction(0)
        for var, (_, c) in zip(vars_, terms, strict=True):
            ends = (var.lo, var.hi) if c > 0 else (var.hi, var.lo)
            if ends[0] is None or ends[1] is None:
                return None
            lo += c * ends[0]
            hi += c * ends[1]
        centre = sum((c * v.centre for v, (_, c) in zip(vars_, terms, strict=True)), Fraction(0))
        scale = max(v.scale for v in vars_)
        self.system.vars[name] = Var(name, None, vars_[0].dim, centre, scale, lo, hi, terms)
        self.row(relation, ((name, Fraction(1)), *((n, -c) for n, c in terms)), Fraction(0), Fraction(0))
        return name

    def row(
        self, relation: str, coeffs: Iterable[tuple[str, Fraction]], lo: Fraction | None, hi: Fraction | None
    ) -> None:
        if self.folding and self.keep is not None:
            coeffs = list(coeffs)
            out = [(n, int(c)) for n, c in coeffs if n not in self.keep]
            folded = self._fold(relation, [(n, int(c)) for n, c in coeffs]) if out else None
            if folded is not None:
                # lo <= Σ kept + C <= hi with C in [c_lo, c_hi]: lo - c_hi <= Σ kept <= hi - c_lo
                c_lo, c_hi, size = folded
                lo = None if lo is None or c_hi is None else lo - Fraction(*c_hi.as_integer_ratio())
                hi = None if hi is None or c_lo is None else hi - Fraction(*c_lo.as_integer_ratio())
                dim = str(self.ctx.view(out[0][0]).unit.dimension)
                self.system.folded[dim] = self.system.folded.get(dim, Fraction(0)) + Fraction(size)
                coeffs = [(n, c) for n, c in coeffs if n in self.keep]
        merged: dict[str, Fraction] = {}
        for name, c in coeffs:
            key = name if name.startswith(MADE_UP) else self.var(name)
            merged[key] = merged[key] + c if key in merged else c
        terms = tuple((n, c) for n, c in merged.items() if c)
        self.system.rows.append(Row(relation, terms, lo, hi))

    def product(self, relation: str, linear: Terms, p: str, d: str) -> bool:
        """``linear = p·d``; False (left out) when ``d`` may be zero or negative, or ``p`` is unbounded."""
        dvar = self.system.vars[d]
        pvar = self.system.vars[self.var(p)]
        for name, _ in linear:
            self.var(name)
        if dvar.lo is None or dvar.lo <= 0 or dvar.hi is None:
            return False
        if pvar.lo is None or pvar.hi is None:
            return False
        self.system.products.append(Product(relation, linear, p, d))
        rows = self.system.rows
        rows.append(Row(relation, (*linear, (d, -pvar.lo)), Fraction(0), None, switch=p))
        rows.append(Row(relation, (*linear, (d, -pvar.hi)), None, Fraction(0), switch=p))
        return True


ONE: Final = Fraction(1)


def _sum(b: _Builder, rel: SumRelation) -> bool:
    if rel.weights is None:
        terms = [(rel.total, -ONE), *((p, ONE) for p in rel.parts)]
    else:
        terms = [(rel.total, -ONE), *((p, Fraction(w)) for p, w in zip(rel.parts, rel.weights, strict=True))]
    if rel.exhaustive:
        b.row(rel.id, terms, Fraction(0), Fraction(0))
    else:
        b.row(rel.id, terms, None, Fraction(0))
    return True


def _balance(b: _Builder, rel: BalanceRelation) -> bool:
    b.row(
        rel.id,
        [*((x, ONE) for x in rel.inflows), *((x, -ONE) for x in rel.outflows)],
        Fraction(0),
        Fraction(0),
    )
    return True


def _equal(b: _Builder, rel: EqualRelation) -> bool:
    first = rel.figures[0]
    for other in rel.figures[1:]:
        b.row(rel.id, [(first, ONE), (other, -ONE)], Fraction(0), Fraction(0))
    return True


def _compare(b: _Builder, rel: CompareRelation) -> bool:
    # A strict comparison is written as its closure: the exact check judges it as printed.
    terms = [(rel.left, ONE), (rel.right, -ONE)]
    if rel.op in ("<", "<="):
        b.row(rel.id, terms, None, Fraction(0))
    else:
        b.row(rel.id, terms, Fraction(0), None)
    return True


def _share(b: _Builder, rel: ShareRelation) -> bool:
    wholes = rel.wholes
    whole = b.var(wholes[0]) if len(wholes) == 1 else b.made_up(rel.id, tuple((w, ONE) for w in wholes))
    return whole is not None and b.product(rel.id, ((b.var(rel.part), HUNDRED),), rel.stated, whole)


def _ratio(b: _Builder, rel: RatioRelation) -> bool:
    if rel.denominator is None:
        return False
    return b.product(rel.id, ((b.var(rel.numerator), HUNDRED),), rel.stated, b.var(rel.denominator))


def _change(b: _Builder, rel: ChangeRelation) -> bool:
    sign = ONE if rel.direction == "increase" else -ONE
    if rel.prior is not None and rel.delta is not None:
        b.row(rel.id, [(rel.current, ONE), (rel.prior, -ONE), (rel.delta, -sign)], Fraction(0), Fraction(0))
    elif rel.prior is not None:
        b.row(rel.id, [(rel.current, sign), (rel.prior, -sign)], Fraction(0), None)
    if rel.percent is None:
        return True
    if rel.prior is not None and rel.delta is not None:
        return b.product(rel.id, ((b.var(rel.delta), HUNDRED),), rel.percent, b.var(rel.prior))
    if rel.prior is not None:
        linear = ((b.var(rel.current), sign * HUNDRED), (b.var(rel.prior), -sign * HUNDRED))
        return b.product(rel.id, linear, rel.percent, rel.prior)
    assert rel.delta is not None  # noqa: S101 - a change names prior, delta or percent with one of them
    prior = b.made_up(rel.id, ((rel.current, ONE), (rel.delta, -sign)))
    return prior is not None and b.product(rel.id, ((b.var(rel.delta), HUNDRED),), rel.percent, prior)


def _linear(rpn: Sequence[tuple[str, object]], coeff: Mapping[str, Fraction]) -> dict[str, Fraction] | None:
    """A formula side as ``{name: coefficient, "": constant}``, or None when it is not linear."""
    stack: list[dict[str, Fraction]] = []
    for kind, value in rpn:
        if kind == "num":
            assert isinstance(value, Decimal)  # noqa: S101 - the parser's steps
            stack.append({"": Fraction(value)})
        elif kind == "name":
            stack.append({str(value): coeff[str(value)]})
        elif value in ("neg", "pos"):
            top = stack.pop()
            stack.append({k: -c for k, c in top.items()} if value == "neg" else top)
        else:
            right, left = stack.pop(), stack.pop()
            out = _combine(left, right, str(value))
            if out is None:
                return None
            stack.append(out)
    return stack[0]


def _combine(left: dict[str, Fraction], right: dict[str, Fraction], op: str) -> dict[str, Fraction] | None:
    if op in ("+", "-"):
        sign = ONE if op == "+" else -ONE
        out = dict(left)
        for k, c in right.items():
            out[k] = out.get(k, Fraction(0)) + sign * c
        return out
    constant = right if set(right) <= {""} else left if set(left) <= {""} else None
    if constant is None:
        return None
    factor = constant.get("", Fraction(0))
    other = left if constant is right else right
    if op == "*":
        return {n: c * factor for n, c in other.items()}
    if constant is right and factor:
        return {n: c / factor for n, c in other.items()}
    return None


def _formula(b: _Builder, rel: FormulaRelation) -> bool:
    formula = rel.formula
    doc = b.ctx.doc_unit
    coeff: dict[str, Fraction] = {}
    for name in formula.names:
        view = b.ctx.view(name)
        amount = view.unit.kind is Kind.AMOUNT and doc is not None and doc.dimension == view.unit.dimension
        coeff[name] = ONE / Fraction(doc.factor) if amount and doc is not None else ONE
    left, right = _linear(formula.left, coeff), _linear(formula.right, coeff)
    if left is None or right is None:
        return False
    for k, c in right.items():
        left[k] = left.get(k, Fraction(0)) - c
    constant = -left.pop("", Fraction(0))
    terms = [(k, c) for k, c in left.items() if c]
    if not terms:
        return False
    op = formula.op
    lo = constant if op in ("==", ">=", ">") else None
    hi = constant if op in ("==", "<=", "<") else None
    b.row(rel.id, terms, lo, hi)
    return True


_KINDS: Final = {
    "sum": _sum,
    "balance": _balance,
    "equal": _equal,
    "compare": _compare,
    "share": _share,
    "ratio": _ratio,
    "change": _change,
    "formula": _formula,
}


#: The kinds whose one row has coefficients ±1 and names each figure once (a sum without weights).
_FOLDING: Final = frozenset({"sum", "balance", "compare"})


def build(
    ctx: Context,
    relations: Iterable[_Relation],
    known: dict[str, Var] | None = None,
    *,
    keep: Collection[str] | None = None,
    folds: Folds | None = None,
) -> System:
    """The system of ``relations`` (stated ones whose units can be compared; the rest is left out).

    ``known`` holds the figures' variables made so far for ``ctx`` (reused, and added to).
    With ``keep``, the system is *lean*: in the row of a sum (without weights), a balance
    or a comparison, the figures not in ``keep`` are one constant, the sum of their
    printed intervals, and no variables. For figures no other row names that is exact
    for propagation: the bounds a row gives the others are the same (the row's
    projection over the same box), and only a figure that may change needs a variable
    (its domain box still counts the folded figures, :attr:`System.folded`). ``folds``
    holds each folded row's sums made so far for ``ctx`` (reused, and added to).
    """
    b = _Builder(ctx, {} if known is None else known, keep, folds)
    for rel in relations:
        write = _KINDS.get(rel.kind)
        if rel.basis != "stated" or ctx.dimension_problem(rel) is not None or write is None:
            b.system.left_out.append(rel.id)
            continue
        b.folding = rel.kind in _FOLDING and getattr(rel, "weights", None) is None
        before = (len(b.system.rows), len(b.system.products))
        if write(b, rel):  # type: ignore[operator]
            b.system.relations.append(rel.id)
        else:
            del b.system.rows[before[0] :]
            del b.system.products[before[1] :]
            b.system.left_out.append(rel.id)
    return b.system


def connected(relations: Iterable[str], operands: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """Relations in groups connected by the figures they name, each group in the given order.

    >>> connected(["a", "b", "c"], {"a": ["x", "y"], "b": ["z"], "c": ["y", "w"]})
    [['a', 'c'], ['b']]
    """
    # One node per relation; a figure joins the node of the first relation naming it, so
    # a figure named once (most line items) costs one dictionary lookup and no node.
    index: dict[str, int] = {}
    parent: list[int] = []

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    relations = list(relations)
    for node, rel in enumerate(relations):
        parent.append(node)
        for fig in operands[rel]:
            j = index.setdefault(fig, node)
            if j != node and (other := find(j)) != node:
                parent[other] = node
    groups: dict[int, list[str]] = {}
    for node, rel in enumerate(relations):
        groups.setdefault(find(node), []).append(rel)
    return list(groups.values())


def components(system: System) -> list[list[str]]:
    """The relations of the system in groups connected by the figures they share, in document order."""
    return connected(system.relations, {r: system.figures_of(r) for r in system.relations})


def restrict(system: System, relations: Sequence[str]) -> System:
    """The part of the system that ``relations`` make up."""
    keep = list(dict.fromkeys(relations))
    rows = [row for rel in keep for row in system.parts_of(rel)[0]]
    products = [prod for rel in keep for prod in system.parts_of(rel)[1]]
    names: dict[str, None] = {}
    for row in rows:
        names.update(dict.fromkeys(n for n, _ in row.coeffs))
        if row.switch:
            names[row.switch] = None
    for prod in products:
        names.update(dict.fromkeys((prod.p, prod.d, *(n for n, _ in prod.linear))))
    return System(
        {n: system.vars[n] for n in names},
        rows,
        products,
        keep,
        [],
    )


Bounds = dict[str, Fraction | None]


#: A bound: an integer count of ``1/den`` (rows of coefficients ±1), or a fraction.
Num = int | Fraction
_IntRow = tuple[tuple[int, ...], tuple[Num, ...], tuple[Num | None, ...], Num | None, Num | None]
#: What one visit of a row changed, in order (a variable's index and its bounds after), and
#: whether some interval emptied.
_Visit = tuple[list[tuple[int, Num | None, Num | None]], bool]


def _scaled(value: Fraction | None, den: int) -> Num | None:
    """``value`` as a count of ``1/den``; itself when ``den`` is 0 (bounds kept as fractions)."""
    if value is None or not den:
        return value
    return value.numerator * (den // value.denominator)


@dataclass(slots=True)
class _Printed:
    """A system's rows by index, from its printed intervals, for propagation that skips what nothing reached.

    When every coefficient is ±1 (sums, balances, equalities, comparisons), every bound
    is held as an integer count of ``1/den`` (the least common multiple of the
    denominators of the printed intervals and the rows' bounds): adding, subtracting and
    dividing by ±1 keep it one, so propagation makes exactly the steps it makes in
    fractions. Otherwise (``den`` is 0) bounds stay fractions. What a row's visit does
    while all its figures are as printed is worked out once and replayed.
    """

    names: tuple[str, ...]
    index: dict[str, int]
    den: int
    lo: list[Num | None]
    hi: list[Num | None]
    rows: list[_IntRow]
    switches: list[str | None]
    occurs: list[list[int]]
    visits: dict[int, _Visit] = field(default_factory=dict)

    @classmethod
    def of(cls, system: System) -> _Printed | None:
        """The system by index, or None when some row names a figure twice (or with coefficient 0)."""
        index: dict[str, int] = {}
        unit = True
        for row in system.rows:
            names = [n for n, _ in row.coeffs]
            if len(set(names)) < len(names) or any(c == 0 for _, c in row.coeffs):
                return None
            unit = unit and all(c in (1, -1) for _, c in row.coeffs)
            for n in names:
                index.setdefault(n, len(index))
        names_ = tuple(index)
        ends: list[Fraction | None] = [e for row in system.rows for e in (row.lo, row.hi)]
        starts = [(v.lo, v.hi) if (v := system.vars[n]).figure is not None else (None, None) for n in names_]
        ends += [e for pair in starts for e in pair]
        den = 0
        if unit:
            den = math.lcm(*(e.denominator for e in ends if e is not None)) if any(ends) else 1
        occurs: list[list[int]] = [[] for _ in names_]
        rows: list[_IntRow] = []
        for r, row in enumerate(system.rows):
            idx = tuple(index[n] for n, _ in row.coeffs)
            for j in idx:
                occurs[j].append(r)
            cs: tuple[Num, ...] = (
                tuple(int(c) for _, c in row.coeffs) if unit else tuple(c for _, c in row.coeffs)
            )
            invs = cs if unit else _inverses(cs)
            rows.append((idx, cs, invs, _scaled(row.lo, den), _scaled(row.hi, den)))
        return cls(
            names_,
            index,
            den,
            [_scaled(a, den) for a, _ in starts],
            [_scaled(b, den) for _, b in starts],
            rows,
            [row.switch for row in system.rows],
            occurs,
        )

    def printed_visit(self, r: int) -> _Visit:
        """What visiting row ``r`` does while its variables are as printed (worked out once)."""
        if r not in self.visits:
            self.visits[r] = _visit(self.rows[r], list(self.lo), list(self.hi))
        return self.visits[r]

    def _free(
        self, free: str, box: tuple[Fraction, Fraction], low: list[Num | None], high: list[Num | None]
    ) -> bool:
        """Put ``free`` within ``box``; False when the box's ends are not whole counts of ``1/den``."""
        j = self.index[free]
        if not self.den:
            low[j], high[j] = box
            return True
        ends = (box[0] * self.den, box[1] * self.den)
        if any(e.denominator != 1 for e in ends):
            return False
        low[j], high[j] = int(ends[0]), int(ends[1])
        return True

    def propagate(
        self, rounds: int, free: str | None, box: tuple[Fraction, Fraction] | None
    ) -> tuple[bool | None, list[Num | None], list[Num | None]] | None:
        """:func:`propagate` from the printed intervals (``free`` within ``box``, its rows skipped).

        Returns the outcome and the bounds; None when ``box`` is not a whole count of ``1/den``.
        """
        low, high = list(self.lo), list(self.hi)
        pristine = [True] * len(self.rows)
        if free is not None and box is not None and free in self.index:
            if not self._free(free, box, low, high):
                return None
            for r in self.occurs[self.index[free]]:
                pristine[r] = False
        kept = [r for r, w in enumerate(self.switches) if free is None or w != free]
        dirty = [True] * len(self.rows)
        for _ in range(rounds):
            moved = self._round(kept, low, high, dirty, pristine)
            if moved is None:
                return None, low, high
            if not moved:
                return True, low, high
        return False, low, high

    def _round(
        self,
        kept: list[int],
        low: list[Num | None],
        high: list[Num | None],
        dirty: list[bool],
        pristine: list[bool],
    ) -> bool | None:
        """One round over the ``kept`` rows: whether a bound moved, None when an interval emptied.

        A row none of whose variables changed since its last visit is not visited: it
        would change nothing. A row whose variables are all as printed replays its
        printed visit.
        """
        moved = False
        for r in kept:
            if not dirty[r]:
                continue
            dirty[r] = False
            if pristine[r]:
                changes, empty = self.printed_visit(r)
                for j, a, b in changes:
                    low[j], high[j] = a, b
            else:
                changes, empty = _visit(self.rows[r], low, high)
            if empty:
                return None
            for j, _, _ in changes:
                moved = True
                for other in self.occurs[j]:
                    pristine[other] = False
                    if other != r:
                        dirty[other] = True
        return moved


def _inverses(coeffs: Iterable[Num]) -> tuple[Num | None, ...]:
    return tuple(None if c == 0 else Fraction(1) / c for c in coeffs)


def _divide(value: Num, c: Num, inv: Num | None) -> Num:
    if inv is None:
        msg = f"a row's coefficient is {c}: nothing bounds its figure"
        raise ZeroDivisionError(msg)
    return value * inv


def _visit(row: _IntRow, low: list[Num | None], high: list[Num | None]) -> _Visit:  # noqa: C901, PLR0912
    """One row's narrowing, in place: what changed, and whether an interval emptied.

    Each variable is bounded by what the row leaves it with the others within their
    bounds at the start of the visit (a variable named twice, once per naming).

    A second visit with nothing changed since changes nothing: one pass bounds each
    variable by the exact projection of the row over the others' box.
    """
    idx, cs, invs, row_lo, row_hi = row
    parts: list[tuple[Num | None, Num | None]] = []
    total_lo: Num = 0
    total_hi: Num = 0
    open_lo = open_hi = 0
    for j, c in zip(idx, cs, strict=True):
        a, b = (low[j], high[j]) if c > 0 else (high[j], low[j])
        if a is None:
            open_lo += 1
        else:
            a = c * a
            total_lo += a
        if b is None:
            open_hi += 1
        else:
            b = c * b
            total_hi += b
        parts.append((a, b))
    changes: list[tuple[int, Num | None, Num | None]] = []
    rest_lo: Num | None
    rest_hi: Num | None
    for j, c, inv, (own_lo, own_hi) in zip(idx, cs, invs, parts, strict=True):
        if own_lo is None:
            rest_lo = total_lo if open_lo == 1 else None
        else:
            rest_lo = total_lo - own_lo if open_lo == 0 else None
        if own_hi is None:
            rest_hi = total_hi if open_hi == 1 else None
        else:
            rest_hi = total_hi - own_hi if open_hi == 0 else None
        # divided by c: times its inverse (c itself for ±1), exactly; by 0 it raises
        top = None if row_hi is None or rest_lo is None else _divide(row_hi - rest_lo, c, inv)
        bottom = None if row_lo is None or rest_hi is None else _divide(row_lo - rest_hi, c, inv)
        new_lo, new_hi = (bottom, top) if c > 0 else (top, bottom)
        lo_j, hi_j = low[j], high[j]
        changed = False
        if new_lo is not None and (lo_j is None or new_lo > lo_j):
            low[j] = lo_j = new_lo
            changed = True
        if new_hi is not None and (hi_j is None or new_hi < hi_j):
            high[j] = hi_j = new_hi
            changed = True
        if changed:
            changes.append((j, lo_j, hi_j))
        if lo_j is not None and hi_j is not None and lo_j > hi_j:
            return changes, True
    return changes, False


def _printed(system: System) -> _Printed | None:
    """The system in integers (:class:`_Printed`), made once; None when its rows are not all ±1."""
    if system._printed is None:  # noqa: SLF001 - the system's own cache
        system._printed = _Printed.of(system) or False  # noqa: SLF001
    return system._printed if isinstance(system._printed, _Printed) else None  # noqa: SLF001


Lookup = Callable[[str], tuple[Fraction | None, Fraction | None]]


def _start(system: System, free: str | None, box: tuple[Fraction, Fraction] | None) -> Lookup:
    """A variable's bounds before propagation: as printed (made-up: unbounded), ``free`` within ``box``."""

    def bounds(name: str) -> tuple[Fraction | None, Fraction | None]:
        if name == free and box is not None:
            return box
        var = system.vars[name]
        return (var.lo, var.hi) if var.figure is not None else (None, None)

    return bounds


def propagate_printed(
    system: System, rounds: int, *, free: str | None = None, box: tuple[Fraction, Fraction] | None = None
) -> tuple[bool | None, Lookup]:
    """:func:`propagate` from the printed intervals (made-up quantities unbounded), ``free`` within ``box``.

    Returns the outcome and each variable's bounds after. Only the rows some change
    reached are visited (:class:`_Printed`); rows whose coefficients are all ±1 (sums,
    balances, equalities, comparisons) are propagated in integers: the same steps, exactly.
    """
    start = _start(system, free, box)
    printed = _printed(system)
    done = None if printed is None else printed.propagate(rounds, free, box)
    if printed is None or done is None:
        lo: Bounds = {}
        hi: Bounds = {}
        for name in system.vars:
            lo[name], hi[name] = start(name)
        outcome = propagate(system, lo, hi, rounds, free=free)
        return outcome, lambda name: (lo[name], hi[name])
    outcome, low, high = done
    den, index = printed.den, printed.index

    def bounds(name: str) -> tuple[Fraction | None, Fraction | None]:
        j = index.get(name)
        if j is None:
            return start(name)
        a, b = low[j], high[j]
        if not den:
            return (None if a is None else Fraction(a)), (None if b is None else Fraction(b))
        return (None if a is None else Fraction(a, den)), (None if b is None else Fraction(b, den))

    return outcome, bounds


def propagate(system: System, lo: Bounds, hi: Bounds, rounds: int, *, free: str | None = None) -> bool | None:
    """Narrow ``lo`` and ``hi`` by exact interval propagation over the rows, in place.

    A row that holds only while ``free`` keeps its printed value is skipped. Returns
    None when some interval emptied (the rows cannot all hold: a proof), else whether
    it settled within ``rounds``.
    """
    return propagate_rows([r for r in system.rows if free is None or r.switch != free], lo, hi, rounds)


def propagate_rows(rows: Sequence[Row], lo: Bounds, hi: Bounds, rounds: int) -> bool | None:
    """:func:`propagate` over ``rows``, in fractions (whatever their coefficients), every row every round."""
    index: dict[str, int] = {}
    for row in rows:
        for n, _ in row.coeffs:
            index.setdefault(n, len(index))
    low: list[Num | None] = [lo[n] for n in index]
    high: list[Num | None] = [hi[n] for n in index]
    visits: list[_IntRow] = []
    for row in rows:
        cs = tuple(c for _, c in row.coeffs)
        visits.append((tuple(index[n] for n, _ in row.coeffs), cs, _inverses(cs), row.lo, row.hi))
    outcome: bool | None = False
    for _ in range(rounds):
        moved = False
        emptied = False
        for visit in visits:
            changes, emptied = _visit(visit, low, high)
            moved = moved or bool(changes)
            if emptied:
                break
        if emptied or not moved:
            outcome = None if emptied else True
            break
    for n, j in index.items():
        a, b = low[j], high[j]
        lo[n] = None if a is None else Fraction(a)
        hi[n] = None if b is None else Fraction(b)
    return outcome


def alone_range(
    system: System, figure: str, box: tuple[Fraction, Fraction], rounds: int = 20
) -> tuple[Fraction, Fraction] | None:
    """The values of ``figure`` the relations allow with every other figure within its printing.

    Exact, in fractions, by interval propagation from the printed intervals with
    ``figure`` free within ``box``; for a stated percent that may change, the quotient
    its share allows. An empty range is ``(1, 0)``; None when a quotient cannot be
    bounded. A superset of what the relations allow together: the exact checks decide.
    """
    outcome, bounds = propagate_printed(system, rounds, free=figure, box=box)
    if outcome is None:
        return Fraction(1), Fraction(0)
    low, high = bounds(figure)
    if low is None or high is None:
        low, high = box
    for prod in system.products:
        if prod.p != figure:
            continue
        num = _span(prod.linear, bounds)
        den = bounds(prod.d)
        if num[0] is None or num[1] is None or den[0] is None or den[1] is None or den[0] <= 0:
            return None
        corners = [n / d for n in num if n is not None for d in den if d is not None]
        low, high = max(low, min(corners)), min(high, max(corners))
    return low, high


def _span(terms: Terms, bounds: Lookup) -> tuple[Fraction | None, Fraction | None]:
    low: Fraction | None = Fraction(0)
    high: Fraction | None = Fraction(0)
    for name, c in terms:
        lo, hi = bounds(name)
        a, b = (lo, hi) if c > 0 else (hi, lo)
        low = None if low is None or a is None else low + c * a
        high = None if high is None or b is None else high + c * b
    return low, high
