"""Rules and the registry that holds them.

A rule is a small unit: a stable code, a name, a default severity, the relation
kinds it judges (none for rules over the whole document), its documentation and
a passing and a failing example. A :class:`Registry` is an explicit, immutable
collection of rules; selecting rules never changes it.

>>> from perfcheck import default_registry
>>> [r.code for r in default_registry.select(select=["PC1"], ignore=["PC103"])]
['PC101', 'PC102']
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Final

from perfcheck._engine.breaker import Breaker
from perfcheck._engine.screen import Screen
from perfcheck._findings.plain import Severity

if TYPE_CHECKING:
    from perfcheck._engine.context import Context
    from perfcheck._findings.finding import Finding
    from perfcheck._ledger.document import _Relation

CheckFn = Callable[["Context", Any], Iterable["Finding"]]
_CODE: Final = re.compile(r"PC[1-9][0-9]{2}")
_SELECTOR: Final = re.compile(r"PC[0-9]{0,3}|ALL")


class Status(StrEnum):
    """How settled a rule is."""

    STABLE = "stable"
    PREVIEW = "preview"
    DEPRECATED = "deprecated"


@dataclass(frozen=True, slots=True)
class Rule:
    """One coded check.

    Attributes:
        code: stable code, ``PC`` and three digits; one family per hundred.
        name: short kebab-case name, e.g. ``sum-total``.
        severity: severity of what it finds when a relation is broken.
        summary: one line on what it checks.
        kinds: relation kinds it judges; empty for rules over the whole document.
        check: ``check(context, relation)`` (``relation`` is None for document rules),
            yielding findings.
        doc: documentation: what it checks, why, and what to do.
        passing: a ledger document (as data) on which the rule finds nothing.
        failing: a ledger document on which it finds something.
        status: stable, preview or deprecated.
        runs_on_invalid: whether it also runs on relations whose units are incompatible
            or that hold a figure with more digits than its decimals allow (other relation
            rules skip those).
        screen: how the fast path's column screen stands in for it on plain documents
            (:class:`perfcheck._engine.screen.Screen`); None sends documents it is
            selected for to the full path.
        breaker: how :func:`perfcheck.strategies.breaking` draws a document that breaks
            it (:class:`perfcheck._engine.breaker.Breaker`); None when it has none.
    """

    code: str
    name: str
    severity: Severity
    summary: str
    kinds: frozenset[str]
    check: CheckFn = field(repr=False)
    doc: str = field(repr=False, default="")
    passing: dict[str, Any] = field(repr=False, default_factory=dict)
    failing: dict[str, Any] = field(repr=False, default_factory=dict)
    status: Status = Status.STABLE
    runs_on_invalid: bool = False
    screen: Screen | None = field(repr=False, default=None)
    breaker: Breaker | None = field(repr=False, default=None)

    def applies_to(self, relation: _Relation) -> bool:
        """Whether the rule judges this relation."""
        return getattr(relation, "kind", None) in self.kinds


def rule(  # noqa: PLR0913 - a rule's metadata is its signature
    code: str,
    name: str,
    *,
    severity: Severity,
    kinds: Sequence[str] = (),
    passing: dict[str, Any],
    failing: dict[str, Any],
    status: Status = Status.STABLE,
    runs_on_invalid: bool = False,
    screen: Screen | None = None,
    breaker: Breaker | None = None,
) -> Callable[[CheckFn], Rule]:
    """Make a :class:`Rule` of a check function; its docstring is the rule's documentation.

    Raises:
        ValueError: the code is not ``PC`` and three digits.
    """
    if not _CODE.fullmatch(code):
        msg = f"rule code {code!r} is not PC followed by three digits"
        raise ValueError(msg)

    def make(fn: CheckFn) -> Rule:
        doc = inspect.cleandoc(fn.__doc__ or "")
        summary = doc.split("\n", 1)[0]
        return Rule(
            code,
            name,
            severity,
            summary,
            frozenset(kinds),
            fn,
            doc,
            passing,
            failing,
            status,
            runs_on_invalid,
            screen,
            breaker,
        )

    return make


class Registry:
    """An immutable collection of rules with unique codes.

    Build your own from the default one to add rules::

        mine = Registry([*default_registry, my_rule])
    """

    __slots__ = ("_by_code", "_rules", "_selections")

    def __init__(self, rules: Iterable[Rule]) -> None:
        """Hold ``rules``, in order.

        Raises:
            ValueError: two rules share a code.
        """
        self._rules = tuple(rules)
        self._selections: dict[tuple[object, ...], tuple[Rule, ...]] = {}
        self._by_code: dict[str, Rule] = {}
        for r in self._rules:
            if r.code in self._by_code:
                msg = f"two rules use code {r.code}"
                raise ValueError(msg)
            self._by_code[r.code] = r

    def __iter__(self) -> Iterator[Rule]:
        """The rules in order."""
        return iter(self._rules)

    def __len__(self) -> int:
        """How many rules there are."""
        return len(self._rules)

    def __contains__(self, code: object) -> bool:
        """Whether a rule has this code."""
        return code in self._by_code

    def __getitem__(self, code: str) -> Rule:
        """The rule with this code.

        Raises:
            KeyError: no rule has it.
        """
        try:
            return self._by_code[code]
        except KeyError:
            msg = f"no rule {code!r}"
            raise KeyError(msg) from None

    def select(
        self,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] | None = None,
        *,
        extend_select: Iterable[str] = (),
        preview: bool = False,
    ) -> tuple[Rule, ...]:
        """The rules enabled by code prefixes; the longest matching prefix wins, ``ignore`` on a tie.

        ``select`` defaults to every stable rule; ``extend_select`` adds to it.
        Preview rules run only with ``preview=True`` or when selected by full code.

        Raises:
            ValueError: a prefix is malformed or matches no rule.
        """
        chosen = [*(["PC"] if select is None else select), *extend_select]
        dropped = list(ignore or ())
        key = (tuple(chosen), tuple(dropped), preview)
        if key in self._selections:
            return self._selections[key]
        out = self._select(chosen, dropped, preview=preview)
        if len(self._selections) < 256:
            self._selections[key] = out
        return out

    def _select(self, chosen: list[str], dropped: list[str], *, preview: bool) -> tuple[Rule, ...]:
        for prefix in (*chosen, *dropped):
            if not _SELECTOR.fullmatch(prefix) or (
                prefix != "ALL" and not any(c.startswith(prefix) for c in self._by_code)
            ):
                msg = f"rule selector {prefix!r} matches no rule (codes look like PC101; prefixes like PC1)"
                raise ValueError(msg)

        def best(code: str, prefixes: list[str]) -> int:
            lengths = [0 if p == "ALL" else len(p) for p in prefixes if p == "ALL" or code.startswith(p)]
            return max(lengths, default=-1)

        out = []
        for r in self._rules:
            s, i = best(r.code, chosen), best(r.code, dropped)
            if s < 0 or s <= i:
                continue
            if r.status is Status.PREVIEW and not preview and r.code not in chosen:
                continue
            out.append(r)
        return tuple(out)
