"""The checking entry point: a document in, a :class:`Result` out, with the shipped rules by default.

The engine knows no rule; this is where the shipped ones (:mod:`perfcheck.rules`) are
given to it: the default registry (whose rules' screens the fast path trusts) and the
code crashed rules are reported under.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from perfcheck._core.i18n import Messages
from perfcheck._core.limits import DEFAULT_LIMITS, Limits
from perfcheck._engine import run
from perfcheck._engine.registry import Registry, Rule
from perfcheck._engine.run import crash_code, run_rules
from perfcheck._findings.finding import RelationCheck
from perfcheck._findings.result import Result
from perfcheck._ledger.document import Ledger, loads, read_bytes
from perfcheck._read.source import LedgerSource, as_ledger
from perfcheck.rules import CRASH_CODE, default_registry


@dataclass(frozen=True, slots=True)
class _Recheck:
    """The full path over a whole document, for the checks the fast path did not keep (picklable)."""

    data: bytes
    limits: Limits
    codes: tuple[str, ...]
    locale: str
    crashes: str | None

    def __call__(self) -> tuple[RelationCheck, ...]:
        rules = tuple(default_registry[c] for c in self.codes)
        ledger = loads(self.data, limits=self.limits)
        return tuple(run_rules(ledger, rules, self.locale, crashes=self.crashes)[1])


def reports_crashes(ignore: Iterable[str] | None) -> bool:
    """Whether crashed rules are reported (under :data:`perfcheck.rules.CRASH_CODE`).

    A crashed check is not a passed one: crashes are reported whatever is selected,
    unless that code itself is ignored.
    """
    return crash_code(CRASH_CODE, ignore) is not None


def check_plain(
    data: bytes,
    rules: tuple[Rule, ...],
    *,
    locale: str,
    crash_reported: bool,
    limits: Limits = DEFAULT_LIMITS,
) -> tuple[Result, dict[str, Any]] | None:
    """Check JSON ``data`` by the fast path with the shipped rules' screens.

    Returns the result and the document's header, or None when the document is not
    plain and needs the full path.
    """
    crashes = CRASH_CODE if crash_reported else None
    outcome = run.check_plain(
        data, rules, known=default_registry, locale=locale, crashes=crashes, limits=limits
    )
    if outcome is None:
        return None
    result = Result._assemble(  # noqa: SLF001 - the fast path's constructor
        outcome.header.get("title"),
        outcome.findings,
        outcome.codes,
        locale,
        _Recheck(data, limits, outcome.codes, locale, crashes),
        outcome.judged,
    )
    return result, outcome.header


def check(  # noqa: PLR0913 - keyword-only options, as in ruff's and flake8's APIs
    target: Ledger | LedgerSource | str | os.PathLike[str] | bytes,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    extend_select: Iterable[str] = (),
    preview: bool = False,
    registry: Registry | None = None,
    locale: str = "en",
    limits: Limits = DEFAULT_LIMITS,
) -> Result:
    """Check a report and return what the rules found.

    Given a path or JSON bytes, the document is read by the fast path when it is
    plain (see ``docs/performance.md``): figures stay parsed data, relations are
    screened with exact integer arithmetic, and models are built only for what is
    reported; the findings are those of the full path. Anything else is read fully.

    Args:
        target: a :class:`Ledger`, anything with ``to_ledger()`` (a :class:`Report`),
            the path of a ledger document (JSON), or its JSON text as ``bytes``.
        select: code prefixes of the rules to run (default: every stable rule).
        ignore: code prefixes of rules not to run; the longest matching prefix wins.
        extend_select: prefixes added to ``select``.
        preview: also run preview rules.
        registry: the rules to choose from (default: :data:`default_registry`).
        locale: the language of the findings' messages: ``en`` or ``zh_CN``.
        limits: bounds on a document read from a path or bytes.

    Raises:
        LedgerError: a path or bytes that cannot be read as a valid document.
        ValueError: a code prefix that matches no rule, or a locale without messages.

    >>> import perfcheck
    >>> result = perfcheck.check("examples/seed-ziyang-fulian-2021.json")
    >>> result.ok, len(result.errors)
    (True, 0)
    """
    if registry is None:
        registry = default_registry
    rules = registry.select(select, ignore, extend_select=extend_select, preview=preview)
    crashes = CRASH_CODE if reports_crashes(ignore) else None
    if isinstance(target, (bytes, bytearray, str, os.PathLike)):
        if isinstance(target, (bytes, bytearray)):
            data, name = bytes(target), "<string>"
        else:
            data, name = read_bytes(Path(target), limits), str(target)
        Messages(locale)  # an unknown locale is an error even when nothing is reported
        fast = check_plain(data, rules, locale=locale, crash_reported=crashes is not None, limits=limits)
        if fast is not None:
            return fast[0]
        ledger = loads(data, name=name, limits=limits)
    else:
        ledger = as_ledger(target)
    findings, checks = run_rules(ledger, rules, locale, crashes=crashes)
    return Result(
        title=ledger.title,
        findings=tuple(findings),
        checks=tuple(checks),
        rules=tuple(r.code for r in rules),
        locale=locale,
    )
