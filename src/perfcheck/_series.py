"""Check reports of one entity across consecutive years against each other.

:func:`check_series` takes any number of documents, groups them by ``entity``,
and, for every two of one entity whose ``period`` years are consecutive (``"2021"``
and ``"2022"``), runs the series rules (PC8xx) on the later one with the earlier one
beside it; figures are matched by ``concept``. A document without an entity or a
period that is not a year takes part in no pair; neither does a year an entity has
two documents for (which of them would be last year's report is not known).

>>> import perfcheck
>>> from perfcheck.rules.series import series_registry
>>> prior, later = (perfcheck.validate(d) for d in series_registry["PC801"].failing["documents"])
>>> result = perfcheck.check_series([prior, later])
>>> result.pairs, [f.code for f in result.findings[1]]
(((0, 1),), ['PC801'])
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from html import escape

from pydantic import BaseModel, ConfigDict

from perfcheck._core.errors import LedgerError
from perfcheck._core.i18n import N_, Messages
from perfcheck._core.limits import Limits
from perfcheck._engine.context import Context
from perfcheck._engine.registry import Registry
from perfcheck._engine.run import _crash, in_report_order
from perfcheck._findings.finding import Finding, Severity
from perfcheck._findings.result import Result
from perfcheck._ledger.document import Ledger
from perfcheck._plain import reports_crashes
from perfcheck._read.kinds import is_content
from perfcheck._read.reader import Readable, read
from perfcheck.rules import CRASH_CODE
from perfcheck.rules.series import YearPair, series_pairs, series_registry, year


class SeriesResult(BaseModel):
    """What checking documents against each other found.

    Attributes:
        findings: for each document given, in order, the series findings on it (a
            finding is reported on the later report of a pair).
        pairs: the pairs of documents compared, as (earlier, later) positions.
        rules: the codes of the rules that ran.
        locale: the language of the messages.
    """

    model_config = ConfigDict(frozen=True)

    findings: tuple[tuple[Finding, ...], ...] = ()
    pairs: tuple[tuple[int, int], ...] = ()
    rules: tuple[str, ...] = ()
    locale: str = "en"
    names: tuple[str, ...] = ()

    def result(self, index: int) -> Result:
        """The series findings on the document at ``index``, as a :class:`Result`."""
        title = self.names[index] if index < len(self.names) else None
        return Result(title=title, findings=self.findings[index], rules=self.rules, locale=self.locale)

    def _documents(self) -> list[tuple[str, Result]]:
        """Each document with findings: its name and its findings as a result."""
        return [
            (self.names[i] if i < len(self.names) else f"#{i + 1}", self.result(i))
            for i, found in enumerate(self.findings)
            if found
        ]

    def documents_counted(self, locale: str | None = None) -> str:
        """``2 documents``, in ``locale`` (default: the result's)."""
        t = Messages(locale or self.locale)
        n = len(self.findings)
        return t(N_("{n} document") if n == 1 else N_("{n} documents"), n=n)

    def summary(self, locale: str | None = None) -> str:
        """One line: the errors, the documents, the pairs compared.

        >>> from perfcheck.rules.series import series_registry
        >>> result = check_series(series_registry["PC801"].failing["documents"])
        >>> result.summary()
        '1 error in 2 documents; 1 pair of consecutive years compared'
        >>> result.summary("zh_CN")
        '文件 2 个中有错误 1 个；已比对相邻年度 1 对'
        """
        t = Messages(locale or self.locale)
        errors, pairs = len(self.errors), len(self.pairs)
        return t(
            N_("{errors} in {documents}; {pairs} of consecutive years compared"),
            errors=t(N_("{n} error") if errors == 1 else N_("{n} errors"), n=errors),
            documents=self.documents_counted(locale),
            pairs=t(N_("{n} pair") if pairs == 1 else N_("{n} pairs"), n=pairs),
        )

    def _repr_html_(self) -> str:
        """A summary line, then each document with findings and its findings: how notebooks show it.

        >>> from perfcheck.rules.series import series_registry
        >>> html = check_series(series_registry["PC801"].failing["documents"])._repr_html_()
        >>> "1 error in 2 documents" in html and "资阳区妇联 2022" in html
        True
        """
        from perfcheck.render import result_html  # noqa: PLC0415 - loaded on first display: importing perfcheck stays cheap

        parts = [f"<p>{escape(self.summary())}</p>"]
        for name, result in self._documents():
            parts += [f"<h4>{escape(name)}</h4>", result_html(result)]
        return "\n".join(parts)

    def _repr_markdown_(self) -> str:
        """The same as markdown: a summary line, then each document with findings."""
        from perfcheck.render import result_markdown  # noqa: PLC0415 - loaded on first display: importing perfcheck stays cheap

        parts = [self.summary()]
        for name, result in self._documents():
            parts += [f"#### {name}", result_markdown(result)]
        return "\n\n".join(parts)

    @property
    def all(self) -> list[Finding]:
        """Every finding, document by document."""
        return [f for per_document in self.findings for f in per_document]

    @property
    def errors(self) -> list[Finding]:
        """Findings of severity error."""
        return [f for f in self.all if f.severity is Severity.ERROR]

    @property
    def ok(self) -> bool:
        """True when there is no error."""
        return not self.errors


def check_series(  # noqa: PLR0913 - keyword-only options, as in check()
    documents: Iterable[Readable],
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    extend_select: Iterable[str] = (),
    preview: bool = False,
    registry: Registry | None = None,
    locale: str = "en",
    limits: Limits | None = None,
    names: Sequence[str] | None = None,
    blanks: str | None = None,
) -> SeriesResult:
    """Check reports of one entity in consecutive years against each other (rules PC8xx).

    Args:
        documents: what :func:`perfcheck.read` reads (ledgers, reports, mappings,
            paths, bytes, text, file objects), each one document, of any entities and
            years, in any order.
        select: code prefixes of the series rules to run (default: every stable one).
        ignore: code prefixes of series rules not to run.
        extend_select: prefixes added to ``select``.
        preview: also run preview rules.
        registry: the series rules to choose from (default: ``series_registry``).
        locale: the language of the messages: ``en`` or ``zh_CN``.
        limits: bounds on a document that is read (default: ``Limits()``).
        names: how findings name each document; by default its file (and title) when
            it was given as a path, else its title, else its entity and period.
        blanks: how values that print nothing (``-``, ``—``) are read, as in
            :func:`perfcheck.read`: ``"error"`` or ``"absent"`` (no figure).

    Raises:
        LedgerError: a document that cannot be read as one valid document; the
            one-line message names it and the place.
        ValueError: a code prefix that matches no series rule, or an unknown locale.
    """
    rules = (registry or series_registry).select(select, ignore, extend_select=extend_select, preview=preview)
    given = list(documents)
    try:
        ledgers = [read(d, limits=limits, blanks=blanks) for d in given]
    except LedgerError as exc:
        raise exc.with_traceback(None) from None
    if names is None:
        names = [
            document_name(d, ledger, i) for i, (d, ledger) in enumerate(zip(given, ledgers, strict=True))
        ]
    elif len(names) != len(ledgers):
        msg = f"names: {len(names)} names for {len(ledgers)} documents"
        raise ValueError(msg)
    pairs = series_pairs(ledgers)
    contexts: dict[int, Context] = {}

    def context(index: int) -> Context:
        if index not in contexts:
            contexts[index] = Context(ledgers[index], locale)
        return contexts[index]

    found: list[list[Finding]] = [[] for _ in ledgers]
    crash_reported = reports_crashes(ignore)
    for earlier, later in pairs:
        pair = YearPair(
            context(earlier),
            str(year(ledgers[earlier].period)),
            str(year(ledgers[later].period)),
            names[earlier],
            names[later],
        )
        ctx = context(later)
        for rule in rules:
            try:
                found[later].extend(rule.check(ctx, pair))
            except Exception as exc:  # noqa: BLE001 - a crashing rule becomes a finding
                if crash_reported:
                    found[later].append(_crash(ctx, CRASH_CODE, rule, None, exc))
    return SeriesResult(
        findings=tuple(tuple(f) for f in found),
        pairs=tuple(pairs),
        rules=tuple(r.code for r in rules),
        locale=locale,
        names=tuple(names),
    )


def document_name(document: object, ledger: Ledger, index: int) -> str:
    """How series findings name a document: its file (and title), its title, or its entity and period.

    >>> document_name("reports/2021.json", Ledger(perfcheck="1", title="2021年决算"), 0)
    'reports/2021.json (2021年决算)'
    >>> document_name({}, Ledger(perfcheck="1", entity="资阳区妇联", period="2021"), 0)
    '资阳区妇联 2021'
    """
    path = None
    if isinstance(document, os.PathLike) or (isinstance(document, str) and not is_content(document)):
        path = os.fspath(document)
    if path and ledger.title:
        return f"{path} ({ledger.title})"
    named = path or ledger.title or " ".join(p for p in (ledger.entity, ledger.period) if p)
    return named or f"#{index + 1}"


def with_series(
    result: Result, ledger: Ledger, findings: Iterable[Finding], codes: Iterable[str] = ()
) -> Result:
    """``result`` (of ``ledger``) with the series findings on it and the series rules that ran.

    The findings are ordered as :func:`perfcheck.check` orders them.
    """
    extra, ran = tuple(findings), tuple(c for c in codes if c not in result.rules)
    if not extra and not ran:
        return result
    merged = in_report_order((*result.findings, *extra), ledger)
    return result.model_copy(update={"findings": tuple(merged), "rules": (*result.rules, *ran)})
