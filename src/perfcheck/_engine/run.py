"""Run rules over a ledger and collect what they find."""

from __future__ import annotations

import gc
import os
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict, PrivateAttr, computed_field

from perfcheck._core.i18n import N_, Messages
from perfcheck._core.limits import DEFAULT_LIMITS, Limits
from perfcheck._engine import fast as _fast
from perfcheck._engine.context import Context
from perfcheck._engine.registry import Registry, Rule
from perfcheck._findings.finding import Finding, RelationCheck, Severity, Verdict
from perfcheck._ledger.document import Ledger, _Relation, load, loads, read_bytes

_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@runtime_checkable
class LedgerSource(Protocol):
    """Anything that compiles to a ledger, such as the domain model's :class:`~perfcheck.Report`."""

    def to_ledger(self) -> Ledger:
        """The ledger document with the same figures and relations."""
        ...


class Result(BaseModel):
    """What checking one document found.

    Attributes:
        title: the document's title.
        findings: every finding, errors first, in document order within a severity.
        checks: the outcome of every relation judged, holding or not (for a document
            read by the fast path, worked out when first asked for).
        rules: the codes of the rules that ran.
        locale: the language of the messages (``en`` or ``zh_CN``).
    """

    model_config = ConfigDict(frozen=True)

    title: str | None = None
    findings: tuple[Finding, ...] = ()
    rules: tuple[str, ...] = ()
    locale: str = "en"

    _checks: tuple[RelationCheck, ...] | None = PrivateAttr(default=None)
    _pending: _Recheck | None = PrivateAttr(default=None)
    _relations_checked: int | None = PrivateAttr(default=None)

    def __init__(self, *, checks: Iterable[RelationCheck] = (), **data: Any) -> None:  # noqa: ANN401 - the fields
        """Hold the fields; ``checks`` are the outcomes of the relations judged."""
        super().__init__(**data)
        self._checks = tuple(checks)

    @classmethod
    def _assemble(  # noqa: PLR0913, PLR0917 - the fields
        cls,
        title: str | None,
        findings: tuple[Finding, ...],
        rules: tuple[str, ...],
        locale: str,
        pending: _Recheck,
        relations_checked: int,
    ) -> Result:
        """A result of the fast path, from parts that are already valid.

        Building it field by field costs a microsecond instead of eight for the
        validating constructor (most of it setting up private attributes), which
        counts when a batch checks a hundred thousand small reports.
        """
        result = cls.__new__(cls)
        fields = {"title": title, "findings": findings, "rules": rules, "locale": locale}
        object.__setattr__(result, "__dict__", fields)
        object.__setattr__(result, "__pydantic_fields_set__", set(fields))
        object.__setattr__(result, "__pydantic_extra__", None)
        object.__setattr__(
            result,
            "__pydantic_private__",
            {"_checks": None, "_pending": pending, "_relations_checked": relations_checked},
        )
        return result

    @computed_field  # type: ignore[prop-decorator]
    @property
    def checks(self) -> tuple[RelationCheck, ...]:
        """The outcome of every relation judged, holding or not, in the order judged."""
        if self._checks is None:
            assert self._pending is not None  # noqa: S101 - one of the two is always set
            self._checks = self._pending()
        return self._checks

    @property
    def relations_checked(self) -> int:
        """How many relations some rule judged."""
        if self._relations_checked is None:
            self._relations_checked = len({c.relation for c in self.checks})
        return self._relations_checked

    def __eq__(self, other: object) -> bool:
        """Equal fields and checks, however they were computed."""
        if not isinstance(other, Result):
            return NotImplemented
        return (self.title, self.findings, self.rules, self.locale, self.checks) == (
            other.title,
            other.findings,
            other.rules,
            other.locale,
            other.checks,
        )

    def __hash__(self) -> int:
        """Hash of the fields."""
        return hash((self.title, self.findings, self.rules, self.locale))

    @property
    def errors(self) -> list[Finding]:
        """Findings of severity error."""
        return [f for f in self.findings if f.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Finding]:
        """Findings of severity warning."""
        return [f for f in self.findings if f.severity is Severity.WARNING]

    @property
    def infos(self) -> list[Finding]:
        """Findings of severity info."""
        return [f for f in self.findings if f.severity is Severity.INFO]

    @property
    def all(self) -> list[Finding]:
        """Every finding."""
        return list(self.findings)

    @property
    def ok(self) -> bool:
        """True when there is no error."""
        return not self.errors

    def broken(self) -> set[str]:
        """Ids of the relations with an error finding."""
        return {f.relation for f in self.errors if f.relation is not None}

    def to_json_dict(self) -> dict[str, Any]:
        """The result as the spec's JSON: a ``findings`` list and a summary."""
        return {
            "perfcheck": "1",
            "title": self.title,
            "summary": {
                "errors": len(self.errors),
                "warnings": len(self.warnings),
                "infos": len(self.infos),
                "relations_checked": self.relations_checked,
            },
            "findings": [f.to_json_dict() for f in self.findings],
        }

    def _repr_html_(self) -> str:
        """The findings as an HTML table with a summary line: how notebooks show a result.

        Text from the document is escaped; see :func:`perfcheck.render.result_html`.

        >>> import perfcheck
        >>> "0 errors" in perfcheck.check("examples/seed-ziyang-fulian-2021.json")._repr_html_()
        True
        """
        from perfcheck.render import result_html  # noqa: PLC0415 - importing perfcheck must not import the renderer

        return result_html(self)

    def _repr_markdown_(self) -> str:
        """The findings as markdown, with a summary line (:func:`perfcheck.render.result_markdown`)."""
        from perfcheck.render import result_markdown  # noqa: PLC0415 - importing perfcheck must not import the renderer

        return result_markdown(self)


def _as_ledger(target: Ledger | LedgerSource | str | os.PathLike[str]) -> Ledger:
    if isinstance(target, Ledger):
        return target
    if isinstance(target, LedgerSource):
        return target.to_ledger()
    if isinstance(target, (str, os.PathLike)):
        return load(Path(target))
    msg = f"cannot check a {type(target).__name__}; give a Ledger, a Report, a path or JSON bytes"
    raise TypeError(msg)


@dataclass(frozen=True, slots=True)
class _Recheck:
    """The full path over a whole document, for the checks the fast path did not keep (picklable)."""

    data: bytes
    limits: Limits
    codes: tuple[str, ...]
    locale: str
    crash_reported: bool

    def __call__(self) -> tuple[RelationCheck, ...]:
        from perfcheck.rules import default_registry  # noqa: PLC0415 - rules import this module

        rules = tuple(default_registry[c] for c in self.codes)
        ledger = loads(self.data, limits=self.limits)
        return tuple(run_rules(ledger, rules, self.locale, crash_reported=self.crash_reported)[1])


def _shipped(rule: Rule) -> bool:
    from perfcheck.rules import default_registry  # noqa: PLC0415 - rules import this module

    return rule.code in default_registry and default_registry[rule.code] is rule


_PLANS: dict[tuple[int, ...], tuple[tuple[Rule, ...], _fast.Plan | None, tuple[str, ...]]] = {}


def _plan(rules: tuple[Rule, ...]) -> tuple[_fast.Plan | None, tuple[str, ...]]:
    """The screen's plan for a selection of rules and their codes, worked out once per selection."""
    key = tuple(map(id, rules))
    cached = _PLANS.get(key)
    if cached is None or cached[0] != rules:
        cached = (rules, _fast.plan(rules, _shipped), tuple(r.code for r in rules))
        if len(_PLANS) < 64:
            _PLANS[key] = cached
    return cached[1], cached[2]


def check_plain(
    data: bytes,
    rules: tuple[Rule, ...],
    *,
    locale: str,
    crash_reported: bool,
    limits: Limits = DEFAULT_LIMITS,
) -> tuple[Result, dict[str, Any]] | None:
    """Check JSON ``data`` by the fast path (:mod:`perfcheck._engine.fast`).

    Returns the result and the document's header, or None when the document is not
    plain and needs the full path.
    """
    plan, codes = _plan(rules)
    if plan is None:
        return None
    # The collector is paused: a collection would walk the parsed document's millions of
    # objects again and again; nothing built here needs it (it runs again afterwards).
    collecting = gc.isenabled()
    gc.disable()
    try:
        screened = _fast.screen(data, plan, limits)
        if screened is None:
            return None
        findings: list[Finding] = []
        checks: list[RelationCheck] = []
        if screened.relations or screened.figures:
            ledger = _fast.escalated_ledger(screened, limits)
            if ledger is None:
                return None
            # PC604 compares a figure's precision with the whole document's; the screen cleared it.
            escalated_rules = tuple(r for r in rules if r.code != "PC604")
            findings, checks = run_rules(ledger, escalated_rules, locale, crash_reported=crash_reported)
    finally:
        if collecting:
            gc.enable()
    title = screened.header.get("title")
    result = Result._assemble(  # noqa: SLF001 - own class
        title,
        tuple(findings),
        codes,
        locale,
        _Recheck(data, limits, codes, locale, crash_reported),
        screened.judged + len({c.relation for c in checks}),
    )
    return result, screened.header


def _crash(ctx: Context, rule: Rule, relation: _Relation | None, exc: Exception) -> Finding:
    error = f"{type(exc).__name__}: {exc}"
    if relation is None:
        message = ctx.t(
            N_("rule {code} ({name}) crashed: {error}"), code=rule.code, name=rule.name, error=error
        )
    else:
        message = ctx.t(
            N_("rule {code} ({name}) crashed on relation {relation}: {error}"),
            code=rule.code,
            name=rule.name,
            relation=relation.id,
            error=error,
        )
    return Finding(
        code="PC902",
        severity=Severity.ERROR,
        verdict=Verdict.CRASHED,
        relation=None if relation is None else relation.id,
        figures=() if relation is None else tuple(dict.fromkeys(relation.operands())),
        message=message,
    )


def reports_crashes(ignore: Iterable[str] | None) -> bool:
    """Whether crashed rules are reported (as PC902).

    A crashed check is not a passed one: crashes are reported whatever is selected,
    unless PC902 itself is ignored.
    """
    return not any("PC902".startswith(p) for p in ignore or ())


def in_report_order(findings: Iterable[Finding], ledger: Ledger) -> list[Finding]:
    """Findings ordered errors first, then in the order of the relations they are about."""
    order = {r.id: i for i, r in enumerate(ledger.relations)}
    return sorted(
        findings, key=lambda f: (_SEVERITY_ORDER[f.severity], order.get(f.relation or "", -1), f.code)
    )


def run_rules(
    ledger: Ledger, rules: tuple[Rule, ...], locale: str, *, crash_reported: bool
) -> tuple[list[Finding], list[RelationCheck]]:
    """Run ``rules`` over a validated ledger: findings in report order, and every check made."""
    ctx = Context(ledger, locale)
    by_kind: dict[str, list[_Relation]] = defaultdict(list)
    for relation in ledger.relations:
        by_kind[relation.kind].append(relation)
    findings: list[Finding] = []
    for rule in rules:
        targets: list[_Relation | None] = (
            [rel for kind in sorted(rule.kinds) for rel in by_kind.get(kind, [])] if rule.kinds else [None]
        )
        for rel in targets:
            if rel is not None and not rule.runs_on_invalid and ctx.dimension_problem(rel):
                continue
            try:
                findings.extend(rule.check(ctx, rel))
            except Exception as exc:  # noqa: BLE001 - a crashing rule becomes a finding
                if crash_reported:
                    findings.append(_crash(ctx, rule, rel, exc))
    return in_report_order(findings, ledger), ctx.checks


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
        from perfcheck.rules import default_registry  # noqa: PLC0415 - rules import this module

        registry = default_registry
    rules = registry.select(select, ignore, extend_select=extend_select, preview=preview)
    crash_reported = reports_crashes(ignore)
    if isinstance(target, (bytes, bytearray, str, os.PathLike)):
        if isinstance(target, (bytes, bytearray)):
            data, name = bytes(target), "<string>"
        else:
            data, name = read_bytes(Path(target), limits), str(target)
        Messages(locale)  # an unknown locale is an error even when nothing is reported
        fast = check_plain(data, rules, locale=locale, crash_reported=crash_reported, limits=limits)
        if fast is not None:
            return fast[0]
        ledger = loads(data, name=name, limits=limits)
    else:
        ledger = _as_ledger(target)
    findings, checks = run_rules(ledger, rules, locale, crash_reported=crash_reported)
    return Result(
        title=ledger.title,
        findings=tuple(findings),
        checks=tuple(checks),
        rules=tuple(r.code for r in rules),
        locale=locale,
    )
