"""Assertions for your own tests: fail with a reconciliation table when a report does not add up.

:func:`assert_consistent` checks a report and raises :class:`AssertionError` when a rule finds
an error; the message is a table of the broken relations — stated and computed numbers, the
interval the stated number had to lie in, the difference — followed by every error's message
and where its figures were printed. A report that checks clean passes silently and the
:class:`~perfcheck.Result` is returned, so a test can look further.

>>> from perfcheck.testing import assert_consistent
>>> assert_consistent("examples/seed-ziyang-fulian-2021.json").ok
True

With pytest, the ``perfchecker`` fixture does the same with paths relative to the test file
(see ``docs/pytest.md``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from perfcheck._api import check
from perfcheck._core.errors import LedgerError
from perfcheck._core.i18n import N_, Messages
from perfcheck._core.limits import Limits
from perfcheck._engine.registry import Registry
from perfcheck._findings.finding import Severity
from perfcheck._findings.result import Result
from perfcheck._read.kinds import is_content
from perfcheck._read.reader import Readable
from perfcheck._series import SeriesResult, check_series
from perfcheck.render import failure_message
from perfcheck.rules import default_registry, series_registry

Target = Readable
"""What can be checked: what :func:`perfcheck.read` reads (a ledger, a report, a mapping, a path, ...)."""


@dataclass(frozen=True, slots=True)
class _Options:
    """The options of :func:`perfcheck.check`, validated at call time."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    preview: bool = False
    registry: Registry | None = None
    locale: str = "en"
    limits: Limits | None = None
    blanks: str | None = None

    def check(self, target: Target) -> Result:
        """:func:`perfcheck.check` with these options; bad input is one line, from here."""
        __tracebackhide__ = True
        try:
            return check(target, **self._keywords())
        except LedgerError as exc:
            raise one_line(exc) from None  # the message names the file and place

    def check_series(self, targets: Iterable[Target]) -> SeriesResult:
        """:func:`perfcheck.check_series` with these options; bad input is one line, from here."""
        __tracebackhide__ = True
        try:
            return check_series(targets, **self._keywords())
        except LedgerError as exc:
            raise one_line(exc) from None

    def _keywords(self) -> dict[str, Any]:
        """The options as keyword arguments of :func:`perfcheck.check` and :func:`perfcheck.check_series`."""
        return {
            "select": self.select,
            "ignore": self.ignore,
            "extend_select": self.extend_select,
            "preview": self.preview,
            "registry": self.registry,
            "locale": self.locale,
            "limits": self.limits,
            "blanks": self.blanks,
        }


def one_line(error: LedgerError) -> LedgerError:
    r"""A bad document as one line: the document, then its problems (``; `` between them).

    A test that gives a bad document fails on that line alone, not on a list under it.

    >>> str(one_line(LedgerError("r.json: not a valid ledger document (2 problems):\n  - a\n  - b", [])))
    'r.json: not a valid ledger document (2 problems): a; b'
    """
    head, _, rest = str(error).partition("\n")
    items = [line.strip().removeprefix("- ") for line in rest.splitlines() if line.strip()]
    text = f"{head} {'; '.join(items)}" if items else head
    return LedgerError(text, error.problems).with_traceback(None)


def _options(  # noqa: PLR0913 - the options of check()
    select: Iterable[str] | None,
    ignore: Iterable[str] | None,
    *,
    extend_select: Iterable[str] = (),
    preview: bool = False,
    registry: Registry | None = None,
    locale: str = "en",
    limits: Limits | None = None,
    blanks: str | None = None,
) -> _Options:
    """The options, refused at once when they could not mean anything."""
    __tracebackhide__ = True  # pytest shows the user's call, not perfcheck's frames
    for name, value in (("select", select), ("ignore", ignore), ("extend_select", extend_select)):
        if isinstance(value, str):
            msg = f"{name} takes a list of code prefixes, e.g. {name}=[{value!r}], not a string"
            raise TypeError(msg)
    chosen = None if select is None else tuple(select)
    dropped = None if ignore is None else tuple(ignore)
    extended = tuple(extend_select)
    try:
        rules = (registry or default_registry).select(
            chosen, dropped, extend_select=extended, preview=preview
        )
    except ValueError as exc:  # an unknown prefix: the message says which
        raise ValueError(str(exc)) from None
    if not rules:
        msg = f"select={list(chosen or ())} with ignore={list(dropped or ())} leaves no rule to run"
        raise ValueError(msg)
    return _Options(chosen, dropped, extended, preview, registry, locale, limits, blanks)


def _is_path(target: Target) -> bool:
    return isinstance(target, os.PathLike) or (isinstance(target, str) and not is_content(target))


def _describe(target: Target) -> str | None:
    return os.fspath(target) if _is_path(target) else None  # type: ignore[arg-type]


def shown(target: Target) -> Target:
    """A path as a test shows it: resolved, relative to the working folder when it is under it.

    ``tests/../reports/a.json`` is shown (and read) as ``reports/a.json``; anything that
    is not a path is given back as it is.

    >>> shown("examples/../examples/seed-ziyang-fulian-2021.json")
    'examples/seed-ziyang-fulian-2021.json'
    """
    if not _is_path(target):
        return target
    path = Path(os.fspath(target)).resolve()  # type: ignore[arg-type]
    try:
        return str(path.relative_to(Path.cwd().resolve()))
    except ValueError:  # not under the working folder
        return str(path)


def _not_a_list(target: object) -> None:
    """Refuse several documents given to a one-document assertion, saying what to call instead."""
    if isinstance(target, (list, tuple)):
        msg = (
            f"assert_consistent checks one document, not a {type(target).__name__}: for years of one "
            "report call assert_series_consistent([...]); for several reports, assert_consistent each"
        )
        raise TypeError(msg)


def assert_consistent(  # noqa: PLR0913 - keyword-only options, as in check()
    ledger_or_path: Target,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    extend_select: Iterable[str] = (),
    preview: bool = False,
    registry: Registry | None = None,
    locale: str = "en",
    limits: Limits | None = None,
    blanks: str | None = None,
) -> Result:
    """Check a report and raise :class:`AssertionError` if any rule finds an error.

    Args:
        ledger_or_path: what :func:`perfcheck.read` reads: a :class:`~perfcheck.Ledger`,
            anything with ``to_ledger()`` (a :class:`~perfcheck.Report`), a document as a
            mapping, the path of a document (``.json``, ``.toml``, ``.yaml``, ``.txt`` report
            text, ...), bytes, a document as text, or a file object.
        select: code prefixes of the rules to run (default: every stable rule).
        ignore: code prefixes of rules not to run; the longest matching prefix wins.
        extend_select: prefixes added to ``select``.
        preview: also run preview rules.
        registry: the rules to choose from (default: :data:`perfcheck.default_registry`).
        locale: the language of the messages.
        limits: bounds on a document that is read (default: ``Limits()``).
        blanks: how values that print nothing (``-``, ``—``) are read, as in
            :func:`perfcheck.read`: ``"error"`` or ``"absent"`` (no figure).

    Returns:
        The :class:`~perfcheck.Result`, when there is no error (warnings do not fail).

    Raises:
        AssertionError: the report has errors; the message is the reconciliation table of the
            broken relations, then each error with where its figures were printed.
        ValueError: a code prefix that matches no rule, or options that leave no rule to run.
        TypeError: ``select`` or ``ignore`` given as one string instead of a list.
        LedgerError: a source that cannot be read as a valid document (not an assertion: the
            test itself is wrong, not the report); the one-line message names the file and place.

    >>> import perfcheck
    >>> ledger = perfcheck.loads('''{"perfcheck": "1", "unit": "万元",
    ...   "figures": [{"id": "total", "label": "合计", "value": "82.67"},
    ...               {"id": "a", "value": "63.41"}, {"id": "b", "value": "19.62"}],
    ...   "relations": [{"id": "split", "kind": "sum", "total": "total", "parts": ["a", "b"]}]}''')
    >>> assert_consistent(ledger)
    Traceback (most recent call last):
      ...
    AssertionError: perfcheck found 1 error in the document
    <BLANKLINE>
    relation    rule    stated    computed    allowed           difference    unit
    ----------  ------  --------  ----------  ----------------  ------------  ------
    split       PC102   82.67     83.03       [83.015, 83.045]  -0.36         万元
    <BLANKLINE>
    PC102 split: 合计 is printed as 82.67 万元, but a + b add up to 83.03 万元; ...
      total (合计) printed as 82.67
      a printed as 63.41
      b printed as 19.62
    >>> assert_consistent(ledger, ignore=["PC102"]).ok
    True
    >>> assert_consistent(ledger, select=["PC7"])
    Traceback (most recent call last):
      ...
    ValueError: rule selector 'PC7' matches no rule (codes look like PC101; prefixes like PC1)
    """
    __tracebackhide__ = True
    options = _options(
        select,
        ignore,
        extend_select=extend_select,
        preview=preview,
        registry=registry,
        locale=locale,
        limits=limits,
        blanks=blanks,
    )
    _not_a_list(ledger_or_path)
    target = shown(ledger_or_path)
    result = options.check(target)
    if not result.ok:
        raise AssertionError(failure_message(result, _describe(target)))
    return result


def assert_series_consistent(  # noqa: PLR0913 - keyword-only options, as in check_series()
    documents: Iterable[Target],
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    extend_select: Iterable[str] = (),
    preview: bool = False,
    registry: Registry | None = None,
    locale: str = "en",
    limits: Limits | None = None,
    blanks: str | None = None,
) -> SeriesResult:
    """Check reports of one entity in consecutive years against each other; fail on an error.

    What :func:`perfcheck.check_series` checks (rules PC8xx: the carryover, last year's
    figures quoted in changes), as an assertion: the message counts the errors, then
    for each document with errors its reconciliation and every error, each figure with
    the document and place it was printed in. Each document is checked against the
    others only; check each one alone with :func:`assert_consistent`.

    Args:
        documents: what :func:`perfcheck.read` reads, one document each, any years.
        select: code prefixes of the series rules to run (default: every stable one).
        ignore: code prefixes of series rules not to run.
        extend_select: prefixes added to ``select``.
        preview: also run preview rules.
        registry: the series rules to choose from (default: :data:`perfcheck.series_registry`).
        locale: the language of the messages.
        limits: bounds on a document that is read (default: ``Limits()``).
        blanks: how values that print nothing (``-``, ``—``) are read, as in
            :func:`perfcheck.read`: ``"error"`` or ``"absent"`` (no figure).

    Returns:
        The :class:`~perfcheck.SeriesResult`, when there is no error.

    Raises:
        AssertionError: a series rule found an error.
        LedgerError: a document that cannot be read; one line names the file and place.

    >>> from perfcheck.rules import series_registry
    >>> assert_series_consistent(series_registry["PC801"].passing["documents"]).pairs
    ((0, 1),)
    >>> assert_series_consistent(series_registry["PC801"].failing["documents"])
    Traceback (most recent call last):
      ...
    AssertionError: perfcheck found 1 error in 2 documents
    <BLANKLINE>
    perfcheck found 1 error in 资阳区妇联 2022
    <BLANKLINE>
    PC801: 上年结转 for 2021 is 12.21 万元 in 资阳区妇联 2022, but 资阳区妇联 2021 prints 年末结转 as ...
      in (上年结转) printed as 12.21 in 资阳区妇联 2022
      out (年末结转) printed as 2.21 in 资阳区妇联 2021
    """
    __tracebackhide__ = True
    options = _options(
        select,
        ignore,
        extend_select=extend_select,
        preview=preview,
        registry=registry or series_registry,
        locale=locale,
        limits=limits,
        blanks=blanks,
    )
    result = options.check_series([shown(d) for d in documents])
    if not result.ok:
        raise AssertionError(series_failure_message(result))
    return result


def series_failure_message(result: SeriesResult) -> str:
    """Why a series fails: the errors counted, then each document's failure (:func:`failure_message`)."""
    t = Messages(result.locale)
    n = len(result.errors)
    first = t(
        N_("perfcheck found {n} error in {named}") if n == 1 else N_("perfcheck found {n} errors in {named}"),
        n=n,
        named=result.documents_counted(),
    )
    parts = [first]
    for index, found in enumerate(result.findings):
        if any(f.severity is Severity.ERROR for f in found):
            parts.append(failure_message(result.result(index)))
    return "\n\n".join(parts)


class Checker:
    """Check reports from a test, with relative paths resolved against one folder.

    The ``perfchecker`` pytest fixture gives a test one of these, rooted at the test file's
    folder, so ``perfchecker.assert_consistent("data/report.json")`` finds the file next to the
    test whatever directory pytest runs in. Ledgers and reports are checked as they are.

    >>> checker = Checker("examples")
    >>> checker.path("seed-ziyang-fulian-2021.json").as_posix()
    'examples/seed-ziyang-fulian-2021.json'
    >>> checker.assert_consistent("seed-ziyang-fulian-2021.json").ok
    True
    """

    def __init__(self, base: str | os.PathLike[str] = ".") -> None:
        """A checker resolving relative paths against ``base``."""
        self.base = Path(base)

    def __repr__(self) -> str:
        """The checker and its folder."""
        return f"Checker({os.fspath(self.base)!r})"

    def path(self, path: str | os.PathLike[str]) -> Path:
        """``path`` resolved against the checker's folder (an absolute path stays as it is)."""
        return self.base / path

    def _target(self, target: Target) -> Target:
        return self.path(target) if _is_path(target) else target  # type: ignore[arg-type]

    def check(  # noqa: PLR0913 - keyword-only options, as in check()
        self,
        ledger_or_path: Target,
        *,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] | None = None,
        extend_select: Iterable[str] = (),
        preview: bool = False,
        registry: Registry | None = None,
        locale: str = "en",
        limits: Limits | None = None,
        blanks: str | None = None,
    ) -> Result:
        """Check a report and return the :class:`~perfcheck.Result`, errors or not.

        Options as for :func:`assert_consistent`, validated the same way.
        """
        __tracebackhide__ = True
        options = _options(
            select,
            ignore,
            extend_select=extend_select,
            preview=preview,
            registry=registry,
            locale=locale,
            limits=limits,
            blanks=blanks,
        )
        return options.check(shown(self._target(ledger_or_path)))

    def assert_consistent(  # noqa: PLR0913 - keyword-only options, as in check()
        self,
        ledger_or_path: Target,
        *,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] | None = None,
        extend_select: Iterable[str] = (),
        preview: bool = False,
        registry: Registry | None = None,
        locale: str = "en",
        limits: Limits | None = None,
        blanks: str | None = None,
    ) -> Result:
        """:func:`assert_consistent`, with a relative path resolved against the checker's folder."""
        __tracebackhide__ = True
        return assert_consistent(
            self._target(ledger_or_path),
            select=select,
            ignore=ignore,
            extend_select=extend_select,
            preview=preview,
            registry=registry,
            locale=locale,
            limits=limits,
            blanks=blanks,
        )

    def assert_series_consistent(  # noqa: PLR0913 - keyword-only options, as in check_series()
        self,
        documents: Iterable[Target],
        *,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] | None = None,
        extend_select: Iterable[str] = (),
        preview: bool = False,
        registry: Registry | None = None,
        locale: str = "en",
        limits: Limits | None = None,
        blanks: str | None = None,
    ) -> SeriesResult:
        """:func:`assert_series_consistent`, with relative paths resolved against the checker's folder."""
        __tracebackhide__ = True
        return assert_series_consistent(
            [self._target(d) for d in documents],
            select=select,
            ignore=ignore,
            extend_select=extend_select,
            preview=preview,
            registry=registry,
            locale=locale,
            limits=limits,
            blanks=blanks,
        )


__all__ = ["Checker", "Target", "assert_consistent", "assert_series_consistent"]
