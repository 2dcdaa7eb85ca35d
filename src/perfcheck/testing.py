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

from perfcheck._api import check
from perfcheck._core.errors import LedgerError
from perfcheck._core.limits import Limits
from perfcheck._engine.registry import Registry
from perfcheck._findings.result import Result
from perfcheck._read.kinds import is_content
from perfcheck._read.reader import Readable
from perfcheck.render import failure_message
from perfcheck.rules import default_registry

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

    def check(self, target: Target) -> Result:
        """:func:`perfcheck.check` with these options; bad input is one line, from here."""
        __tracebackhide__ = True
        try:
            return check(
                target,
                select=self.select,
                ignore=self.ignore,
                extend_select=self.extend_select,
                preview=self.preview,
                registry=self.registry,
                locale=self.locale,
                limits=self.limits,
            )
        except LedgerError as exc:
            raise exc.with_traceback(None) from None  # the message names the file and place


def _options(  # noqa: PLR0913 - the options of check()
    select: Iterable[str] | None,
    ignore: Iterable[str] | None,
    *,
    extend_select: Iterable[str] = (),
    preview: bool = False,
    registry: Registry | None = None,
    locale: str = "en",
    limits: Limits | None = None,
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
    return _Options(chosen, dropped, extended, preview, registry, locale, limits)


def _is_path(target: Target) -> bool:
    return isinstance(target, os.PathLike) or (isinstance(target, str) and not is_content(target))


def _describe(target: Target) -> str | None:
    return os.fspath(target) if _is_path(target) else None  # type: ignore[arg-type]


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
    )
    result = options.check(ledger_or_path)
    if not result.ok:
        raise AssertionError(failure_message(result, _describe(ledger_or_path)))
    return result


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
        )
        return options.check(self._target(ledger_or_path))

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
        )


__all__ = ["Checker", "Target", "assert_consistent"]
