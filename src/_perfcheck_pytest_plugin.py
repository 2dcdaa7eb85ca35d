"""perfcheck's pytest plugin, registered as the ``pytest11`` entry point ``perfcheck``.

pytest imports every installed plugin at start-up, in every project of the environment, so
this module stays tiny and imports nothing of perfcheck (nor pydantic, babel, tabulate) until
a test asks for the ``perfchecker`` fixture. It lives outside the ``perfcheck`` package for
that reason: importing ``perfcheck.anything`` runs ``perfcheck/__init__.py``, which loads the
whole library (the same layout as hypothesis's ``_hypothesis_pytestplugin``).

What it adds:

* the ``perfchecker`` fixture, a :class:`perfcheck.testing.Checker` whose relative paths are
  resolved against the requesting test file's folder;
* the perfcheck version in pytest's header.

Disable it with ``pytest -p no:perfcheck``.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from perfcheck.testing import Checker


def pytest_report_header() -> str:
    """``perfcheck <version>`` in pytest's header, read from the installed metadata."""
    try:
        return f"perfcheck {version('perfcheck')}"
    except PackageNotFoundError:  # imported from a source tree that was never installed
        return "perfcheck (not installed)"


@pytest.fixture
def perfchecker(request: pytest.FixtureRequest) -> Checker:
    """Check reports from a test; relative paths are resolved against the test file's folder.

    ``perfchecker.assert_consistent(path_or_ledger, *, select=None, ignore=None)`` fails the
    test with a reconciliation table of the broken relations; ``perfchecker.check(...)``
    returns the :class:`perfcheck.Result`.
    """
    from perfcheck.testing import Checker  # noqa: PLC0415 - perfcheck loads only when a test asks for it

    return Checker(request.path.parent)
