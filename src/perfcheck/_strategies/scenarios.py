"""Scenarios: each adds figures printed from true values and relations that hold between them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final

from hypothesis import strategies as st

from perfcheck._ledger.document import RELATION_KINDS
from perfcheck._strategies.printing import COUNT_UNITS, HALF, HUNDRED, FormulaSpec

if TYPE_CHECKING:
    from perfcheck._strategies.builder import Builder


def add_sum(b: Builder, *, exhaustive: bool | None = None) -> None:
    """A total and its parts (sometimes weighted; sometimes a 其中 list naming only some)."""
    n = b.draw(st.integers(2 if exhaustive is False else 1, 5))
    parts = [b.money() if b.draw(st.booleans()) else Fraction(0) for _ in range(n)]
    if b.draw(st.booleans()):  # parts as random fractions of a total
        parts = b.split(b.money(), n)
    weights = None
    if not b.options.plain:
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
    if above_100:  # a "part" larger than its whole: a share above 100 %
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


SCENARIOS: Final[dict[str, Callable[..., None]]] = {
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
