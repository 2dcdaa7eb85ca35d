"""The checking entry point: a document in, a :class:`Result` out, with the shipped rules by default.

The engine knows no rule; this is where the shipped ones (:mod:`perfcheck.rules`) are
given to it: the default registry (whose rules' screens the fast path trusts) and the
code crashed rules are reported under.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from perfcheck._core.errors import LedgerError
from perfcheck._core.i18n import Messages
from perfcheck._core.limits import DEFAULT_LIMITS, Limits
from perfcheck._engine.fast import Integers
from perfcheck._engine.registry import Registry, Rule
from perfcheck._engine.run import in_report_order, run_rules
from perfcheck._findings.coverage import Coverage, coverage_of_counts, coverage_of_ledger
from perfcheck._findings.finding import Finding, RelationCheck
from perfcheck._findings.plain import PlainFinding
from perfcheck._findings.result import Result
from perfcheck._ledger.document import Ledger, loads
from perfcheck._plain import Plain, inferred_code, plain_outcome, reports_crashes
from perfcheck._plain import found as found_of
from perfcheck._read.reader import Readable, parse, raw, read
from perfcheck.rules import CONFLICT_CODE, CRASH_CODE, default_registry


@dataclass(frozen=True, slots=True)
class Recheck:
    """The full path over a whole document, for the checks the fast path did not keep (picklable)."""

    data: bytes
    limits: Limits
    codes: tuple[str, ...]
    locale: str
    crashes: str | None
    counts: tuple[int, int, int, int, int]

    def coverage(self, findings: tuple[Finding, ...]) -> Coverage:
        """How much of the document was read, from what the screen counted (nothing is read again)."""
        return coverage_of_counts(self.counts, findings)

    def __call__(self) -> tuple[RelationCheck, ...]:
        rules = tuple(default_registry[c] for c in self.codes)
        ledger = loads(self.data, limits=self.limits)
        return tuple(
            run_rules(ledger, rules, self.locale, crashes=self.crashes, inferred=inferred_code(rules))[1]
        )


@dataclass(frozen=True, slots=True)
class _Localiser:
    """A result's localisation, worked out when asked for (picklable: rules by code, as ``Recheck``)."""

    document: Ledger | bytes
    codes: tuple[str, ...]
    locale: str
    limits: Limits
    registry: Registry | None = None

    def __call__(
        self,
        result: Result,
        *,
        weights: Mapping[str, float] | None = None,
        limit: int = 5,
        parsed: dict[str, Any] | None = None,
        integers: Integers | None = None,
    ) -> Result:
        """The result with its error findings localised and any conflict between relations (PC904).

        ``parsed`` is the fast path's document as it parsed it, when localised right after
        the check: it is not parsed again; ``integers``, its plain figures as the screen read them.
        """
        from perfcheck._localise import (  # noqa: PLC0415 - loaded when a result is localised: a check loads no solver
            Options,
            localise,
            localise_data,
        )

        registry = default_registry if self.registry is None else self.registry
        rules = tuple(registry[c] for c in self.codes)
        conflicts = CONFLICT_CODE if CONFLICT_CODE in self.codes else None
        findings = [
            f.model_copy(update={"localisation": None}) for f in result.findings if f.code != CONFLICT_CODE
        ]
        options = Options(limit=limit, weights=weights)
        ledger = self.document
        if not isinstance(ledger, Ledger) and result._pending is not None:  # noqa: SLF001 - the fast path's
            # The fast path's document: only the part localisation solves is built.
            findings = localise_data(
                ledger,
                rules,
                findings,
                locale=self.locale,
                conflicts=conflicts,
                options=options,
                limits=self.limits,
                parsed=parsed,
                integers=integers,
            )
            done = Result._assemble(  # noqa: SLF001 - the checks are the result's, worked out when asked
                result.title,
                tuple(findings),
                result.rules,
                result.locale,
                result._pending,  # noqa: SLF001
                result.relations_checked,
            )
        else:
            if not isinstance(ledger, Ledger):
                ledger = loads(ledger, limits=self.limits)
            findings = localise(
                ledger, rules, findings, locale=self.locale, conflicts=conflicts, options=options
            )
            findings = in_report_order(findings, ledger)
            done = Result(
                title=result.title,
                findings=tuple(findings),
                checks=result.checks,
                coverage=coverage_of_ledger(
                    ledger.figures, ledger.relations, findings, ledger.not_read, ledger.unit
                ),
                rules=result.rules,
                locale=result.locale,
            )
        done._localised = True  # noqa: SLF001 - the result's own flag, set where it is made
        done._localiser = self  # noqa: SLF001 - asked again with other weights, it localises again
        return done


def _localisable(
    result: Result,
    localiser: _Localiser,
    *,
    now: bool,
    parsed: dict[str, Any] | None = None,
    integers: Integers | None = None,
) -> Result:
    """The result, able to localise itself when asked; localised at once when ``now``.

    ``parsed`` is the fast path's parsed document and ``integers`` its plain figures as the
    screen read them, handed to localisation done at once.
    """
    result._localiser = localiser  # noqa: SLF001 - the result's own hook, set where it is made
    return localiser(result, parsed=parsed, integers=integers) if now else result


def check_plain(  # noqa: PLR0913 - keyword-only options
    data: bytes,
    rules: tuple[Rule, ...],
    *,
    locale: str,
    crash_reported: bool,
    limits: Limits = DEFAULT_LIMITS,
    localise: bool = False,
    registry: Registry | None = None,
) -> tuple[Result, str | None, str | None] | None:
    """Check JSON ``data`` by the fast path with the shipped rules' screens.

    Returns the result and the document's entity and period, or None when the document
    is not plain and needs the full path. With ``localise`` the result is localised at
    once, from the document the fast path parsed (not parsed again); ``registry`` is
    where the rules come from, when not the default one.
    """
    outcome = plain_outcome(data, rules, locale=locale, crash_reported=crash_reported, limits=limits)
    if outcome is None:
        return None
    found = found_of(outcome)
    crashes = CRASH_CODE if crash_reported else None
    codes = tuple(r.code for r in rules)
    result = plain_result(
        data, found, codes, locale=locale, crashes=crashes, limits=limits, registry=registry
    )
    if localise:
        localiser = _Localiser(data, codes, locale, limits, registry)
        result = _localisable(result, localiser, now=True, parsed=outcome.parsed, integers=outcome.integers)
    return result, found.entity, found.period


def plain_result(  # noqa: PLR0913 - keyword-only options
    data: bytes,
    found: Plain,
    codes: tuple[str, ...],
    *,
    locale: str,
    crashes: str | None,
    limits: Limits,
    registry: Registry | None = None,
) -> Result:
    """The result of a document the fast path checked, from what it found and the document's bytes.

    The outcome of every relation and the localisation are worked out from ``data``
    when asked for; ``registry`` is where the rules come from, when not the default one.
    """
    result = Result._assemble(  # noqa: SLF001 - the fast path's constructor
        found.title,
        tuple(Finding.of(f) if isinstance(f, PlainFinding) else f for f in found.findings),
        codes,
        locale,
        Recheck(data, limits, codes, locale, crashes, found.counts),
        found.judged,
    )
    result._localiser = _Localiser(data, codes, locale, limits, registry)  # noqa: SLF001 - set where it is made
    return result


def plain_found(result: Result, entity: str | None, period: str | None) -> Plain:
    """What :func:`plain_result` needs again of a fast path's result: small, to send between processes."""
    pending = result._pending  # noqa: SLF001 - the fast path's own
    assert isinstance(pending, Recheck)  # noqa: S101 - a fast path's result
    return Plain(result.title, result.findings, result.relations_checked, pending.counts, entity, period)


def check_source(  # noqa: PLR0913 - keyword-only, as check()'s
    source: object,
    *,
    rules: tuple[Rule, ...],
    locale: str,
    crash_reported: bool,
    limits: Limits = DEFAULT_LIMITS,
    format: str | None = None,  # noqa: A002 - the public argument's name
    name: str | None = None,
    localise: bool = False,
    registry: Registry | None = None,
    blanks: str | None = None,
) -> tuple[Result, str | None, str | None]:
    """Check one source with ``rules``: the result, and the document's entity and period.

    A source given as JSON (a path, bytes, text or a file, as :func:`perfcheck.read`
    decides) goes to the fast path first; anything else, and a JSON document the fast
    path declines, is read by :func:`perfcheck.read` and checked in full. The result
    localises itself when asked (:meth:`Result.localise`), at once with ``localise``;
    ``registry`` is where ``rules`` come from, when not the default one.

    Raises:
        LedgerError: the source cannot be read as one valid document.
    """
    codes = tuple(r.code for r in rules)
    own = None if registry is default_registry else registry
    crashes = CRASH_CODE if crash_reported else None
    document = raw(source, format=format, limits=limits, name=name)
    if document is None:
        ledger = read(source, limits=limits, name=name, blanks=blanks)  # type: ignore[arg-type]
    else:
        if document.format == "json":
            Messages(locale)  # an unknown locale is an error even when nothing is reported
            fast = check_plain(
                document.data,
                rules,
                locale=locale,
                crash_reported=crash_reported,
                limits=limits,
                localise=localise,
                registry=own,
            )
            if fast is not None:
                return fast
        ledger = parse(document, limits=limits, blanks=blanks)
    findings, checks = run_rules(ledger, rules, locale, crashes=crashes, inferred=inferred_code(rules))
    result = Result(
        title=ledger.title,
        findings=tuple(findings),
        checks=tuple(checks),
        coverage=coverage_of_ledger(ledger.figures, ledger.relations, findings, ledger.not_read, ledger.unit),
        rules=codes,
        locale=locale,
    )
    result = _localisable(result, _Localiser(ledger, codes, locale, limits, own), now=localise)
    return result, ledger.entity, ledger.period


def check(  # noqa: PLR0913 - keyword-only options, as in ruff's and flake8's APIs
    target: Readable,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    extend_select: Iterable[str] = (),
    preview: bool = False,
    registry: Registry | None = None,
    locale: str = "en",
    limits: Limits | None = None,
    format: str | None = None,  # noqa: A002 - read()'s argument
    localise: bool = False,
    blanks: str | None = None,
) -> Result:
    """Check a report and return what the rules found.

    The report is read by :func:`perfcheck.read`, so it may be given as anything that
    reads: a :class:`Ledger`, a :class:`Report`, a mapping, a path (``.json``, ``.jsonl``
    of one line, ``.toml``, ``.yaml``, ``.txt`` report text), bytes, a document as
    ``str``, or a file object. ``check("report.txt")`` finds what ``perfcheck check
    report.txt`` finds.

    A document given as JSON (a path, bytes, text or a file) is read by the fast path
    when it is plain (see ``docs/performance.md``): figures stay parsed data, relations
    are screened with exact integer arithmetic, and models are built only for what is
    reported; the findings are those of the full path. Anything else is read fully.

    Args:
        target: what to check, as :func:`perfcheck.read` takes it.
        select: code prefixes of the rules to run (default: every stable rule).
        ignore: code prefixes of rules not to run; the longest matching prefix wins.
        extend_select: prefixes added to ``select``.
        preview: also run preview rules.
        registry: the rules to choose from (default: :data:`default_registry`).
        locale: the language of the findings' messages: ``en`` or ``zh_CN``.
        limits: bounds on a document that is read (default: ``Limits()``).
        format: the format of a path, bytes, text or file, as in :func:`perfcheck.read`.
        localise: say which printed figures are likely wrong, as :meth:`Result.localise`
            does (docs/localise.md; needs the ``localise`` extra).
        blanks: how a ledger document's values that print nothing (``-``, ``—``) are
            read, as in :func:`perfcheck.read`: ``"error"`` or ``"absent"`` (no figure).

    Raises:
        LedgerError: the target cannot be read as one valid document; the one-line
            message names it and the place.
        ValueError: a code prefix that matches no rule, a locale without messages, or
            an unknown ``format``.
        TypeError: a target of a type that cannot be read.

    >>> import perfcheck
    >>> result = perfcheck.check("examples/seed-ziyang-fulian-2021.json")
    >>> result.ok, len(result.errors)
    (True, 0)
    >>> [f.code for f in perfcheck.check("tests/data/texts/pingjiang-canlian-2023-budget.txt").errors]
    ['PC102']
    """
    if registry is None:
        registry = default_registry
    rules = registry.select(select, ignore, extend_select=extend_select, preview=preview)
    try:
        result, _, _ = check_source(
            target,
            rules=rules,
            locale=locale,
            crash_reported=reports_crashes(ignore),
            limits=DEFAULT_LIMITS if limits is None else limits,
            format=format,
            localise=localise,
            registry=registry,
            blanks=blanks,
        )
    except LedgerError as exc:
        raise exc.with_traceback(None) from None  # one line says it all: no frames from inside
    return result
