"""Fuzz perfcheck's readers: values, formulas, documents and raw bytes.

Each target states an invariant that must hold for *any* input: the reader
returns a result or raises perfcheck's own error with a message — never another
exception — and checking any document that loads never crashes a rule.

The test suite runs every target with a few hundred examples; run more with::

    python -m perfcheck.fuzz --examples 100000
    python -m perfcheck.fuzz --target document --examples 20000 --seed 7
    python -m perfcheck.fuzz --atheris -- -runs=1000000   # coverage-guided, needs atheris

Requires hypothesis (``pip install 'perfcheck[test]'``); nothing else in perfcheck
imports this module.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, Final

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perfcheck._api import check
from perfcheck._core.errors import LedgerError
from perfcheck._core.formula import FormulaError, evaluate, parse_formula
from perfcheck._core.interval import Interval
from perfcheck._core.values import ValueFormatError, parse_value
from perfcheck._ledger.document import loads, validate
from perfcheck.rules import CRASH_CODE

LOCALES: Final = ("zh_CN", "en_US", "de_DE", "fr_FR")

#: Text made mostly of what printed values are made of.
numberish: Final = st.text(alphabet="0123456789.,-+ %万元亿例１２３．，％eE约余以上\u00a0\u202f", max_size=24)
#: Text made mostly of what formulas are made of.
formula_text: Final = st.text(alphabet="ab1.0 +-*/()=<>", max_size=40)

_leaf = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**30), 10**30),
    st.decimals(allow_nan=False, allow_infinity=False, places=3),
    st.text(max_size=12),
    st.sampled_from(["sum", "share", "equal", "formula", "1", "元", "%", "a", "b", "a + b == 1", "2.10"]),
)
_keys = st.sampled_from(
    ["perfcheck", "unit", "figures", "relations", "id", "value", "kind", "total", "parts", "expr", "x"]
)
#: Arbitrary JSON-like data with the document's vocabulary.
jsonish: Final = st.recursive(
    _leaf,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_keys, inner, max_size=5),
    max_leaves=30,
)


@st.composite
def shaped_documents(draw: st.DrawFn) -> dict[str, Any]:
    """Documents shaped like ledgers, with wrong ids, units, values and relations mixed in."""
    ids = st.sampled_from(["a", "b", "c", "bad id", ""])
    figure = st.fixed_dictionaries(
        {"id": ids, "value": st.one_of(numberish, _leaf)},
        optional={
            "unit": st.sampled_from(["元", "万元", "%", "人", "EUR", "??"]),
            "decimals": st.integers(-3, 4),
            "qualifier": st.sampled_from(["at_least", "more_than", "at_most", "about", "x"]),
            "exact": st.booleans(),
        },
    )
    relation = st.one_of(
        st.fixed_dictionaries(
            {"id": ids, "kind": st.just("sum"), "total": ids, "parts": st.lists(ids, max_size=3)}
        ),
        st.fixed_dictionaries(
            {"id": ids, "kind": st.just("balance"), "inflows": st.lists(ids), "outflows": st.lists(ids)}
        ),
        st.fixed_dictionaries(
            {"id": ids, "kind": st.just("share"), "part": ids, "whole": ids, "stated": ids}
        ),
        st.fixed_dictionaries({"id": ids, "kind": st.just("ratio"), "numerator": ids, "stated": ids}),
        st.fixed_dictionaries({"id": ids, "kind": st.just("equal"), "figures": st.lists(ids, max_size=3)}),
        st.fixed_dictionaries(
            {"id": ids, "kind": st.just("product"), "total": ids, "factors": st.lists(ids)}
        ),
        st.fixed_dictionaries(
            {
                "id": ids,
                "kind": st.just("compare"),
                "left": ids,
                "op": st.sampled_from(["<", ">=", "!"]),
                "right": ids,
            }
        ),
        st.fixed_dictionaries({"id": ids, "kind": st.just("formula"), "expr": formula_text}),
        st.fixed_dictionaries(
            {
                "id": ids,
                "kind": st.just("change"),
                "current": ids,
                "direction": st.sampled_from(["increase", "x"]),
            },
            optional={"prior": ids, "delta": ids, "percent": ids},
        ),
        jsonish,
    )
    return {
        "perfcheck": draw(st.sampled_from(["1", "1", "2", 1])),
        "unit": draw(st.sampled_from(["万元", "元", "x"])),
        "rounding": draw(st.sampled_from(["nearest", "truncate"])),
        "figures": draw(st.lists(figure, max_size=5)),
        "relations": draw(st.lists(relation, max_size=4)),
    }


# -- targets: each raises AssertionError when its invariant fails -----------------


def fuzz_value(text: str, locale: str) -> None:
    """A value parses to a finite number with non-negative decimals, or fails with ValueFormatError."""
    try:
        parsed = parse_value(text, locale)
    except ValueFormatError as exc:
        assert str(exc), "empty error message"
        return
    assert parsed.number.is_finite(), parsed
    assert parsed.decimals >= 0, parsed


def fuzz_formula(text: str) -> None:
    """A formula parses and evaluates to an ordered interval (or None), or fails with FormulaError."""
    try:
        formula = parse_formula(text)
    except FormulaError as exc:
        assert str(exc), "empty error message"
        return
    values = {name: Interval(Decimal("0.5"), Decimal("1.5")) for name in formula.names}
    for side in (formula.left, formula.right):
        result = evaluate(side, values)
        assert result is None or result.lo <= result.hi, result


def fuzz_document(data: Any) -> None:  # noqa: ANN401 - any data at all
    """Data validates, or fails with LedgerError naming every problem; a valid one checks without a crash."""
    try:
        ledger = validate(data)
    except LedgerError as exc:
        assert exc.problems, "no problems listed"
        assert all(p.message for p in exc.problems), exc.problems
        return
    crashed = [f.message for f in check(ledger).findings if f.code == CRASH_CODE]
    assert not crashed, crashed


def fuzz_bytes(raw: bytes) -> None:
    """Any bytes load, or fail with LedgerError naming the document."""
    try:
        ledger = loads(raw)
    except LedgerError as exc:
        assert str(exc).startswith("<string>"), str(exc)
        return
    check(ledger)


def _given(target: str) -> Callable[[], None]:
    """The hypothesis test of one target, without settings."""
    if target == "value":
        return given(text=st.one_of(numberish, st.text(max_size=24)), locale=st.sampled_from(LOCALES))(
            fuzz_value
        )
    if target == "formula":
        return given(text=st.one_of(formula_text, st.text(max_size=40)))(fuzz_formula)
    if target == "document":
        return given(data=st.one_of(jsonish, shaped_documents()))(fuzz_document)
    return given(raw=st.binary(max_size=256))(fuzz_bytes)


TARGETS: Final = ("value", "formula", "document", "bytes")


def run(target: str, examples: int, *, seed: int | None = None) -> float:
    """Run one target for ``examples`` examples; return the seconds taken.

    Raises:
        AssertionError: an invariant failed (hypothesis prints the shrunk example).
    """
    test = settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=seed is None,
        suppress_health_check=list(HealthCheck),
    )(_given(target))
    if seed is not None:
        test = __import__("hypothesis").seed(seed)(test)
    started = time.perf_counter()
    test()
    return time.perf_counter() - started


def _atheris(argv: list[str]) -> int:
    try:
        import atheris  # type: ignore[import-not-found,import-untyped,unused-ignore]  # noqa: PLC0415 - optional
    except ImportError:
        print("atheris is not installed: pip install atheris", file=sys.stderr)  # noqa: T201
        return 2
    atheris.Setup([sys.argv[0], *argv], fuzz_bytes)
    atheris.Fuzz()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: run the targets with many examples."""
    parser = argparse.ArgumentParser(prog="python -m perfcheck.fuzz", description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=10_000, help="examples per target (default 10000)")
    parser.add_argument("--target", choices=(*TARGETS, "all"), default="all")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: derandomized)")
    parser.add_argument(
        "--atheris", action="store_true", help="coverage-guided fuzzing of raw bytes with atheris"
    )
    args, rest = parser.parse_known_args(argv)
    if args.atheris:
        return _atheris(rest)
    for target in TARGETS if args.target == "all" else (args.target,):
        seconds = run(target, args.examples, seed=args.seed)
        print(f"{target}: {args.examples} examples, no invariant broken, {seconds:.1f} s")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
