"""Run rules over a ledger and collect what they find."""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict

from perfcheck._context import Context
from perfcheck._document import Ledger, _Relation, load
from perfcheck._findings import Finding, RelationCheck, Severity, Verdict
from perfcheck._i18n import N_
from perfcheck._registry import Registry, Rule

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
        checks: the outcome of every relation judged, holding or not.
        rules: the codes of the rules that ran.
        locale: the language of the messages (``en`` or ``zh_CN``).
    """

    model_config = ConfigDict(frozen=True)

    title: str | None = None
    findings: tuple[Finding, ...] = ()
    checks: tuple[RelationCheck, ...] = ()
    rules: tuple[str, ...] = ()
    locale: str = "en"

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
                "relations_checked": len({c.relation for c in self.checks}),
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
    msg = f"cannot check a {type(target).__name__}; give a Ledger, a Report or a path"
    raise TypeError(msg)


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


def check(  # noqa: PLR0913 - keyword-only options, as in ruff's and flake8's APIs
    target: Ledger | LedgerSource | str | os.PathLike[str],
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    extend_select: Iterable[str] = (),
    preview: bool = False,
    registry: Registry | None = None,
    locale: str = "en",
) -> Result:
    """Check a report and return what the rules found.

    Args:
        target: a :class:`Ledger`, anything with ``to_ledger()`` (a :class:`Report`),
            or the path of a ledger document.
        select: code prefixes of the rules to run (default: every stable rule).
        ignore: code prefixes of rules not to run; the longest matching prefix wins.
        extend_select: prefixes added to ``select``.
        preview: also run preview rules.
        registry: the rules to choose from (default: :data:`default_registry`).
        locale: the language of the findings' messages: ``en`` or ``zh_CN``.

    Raises:
        LedgerError: a path that cannot be read as a valid document.
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
    ledger = _as_ledger(target)
    ctx = Context(ledger, locale)
    crash_reported = reports_crashes(ignore)
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
    findings = in_report_order(findings, ledger)
    return Result(
        title=ledger.title,
        findings=tuple(findings),
        checks=tuple(ctx.checks),
        rules=tuple(r.code for r in rules),
        locale=locale,
    )
