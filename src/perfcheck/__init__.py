"""perfcheck: check the arithmetic of published budget and performance reports.

Printed figures are rounded, so a relation between them is broken only when no
choice of true values, each within its figure's rounding, satisfies it.

>>> import perfcheck
>>> ledger = perfcheck.loads('''{"perfcheck": "1", "unit": "万元",
...   "figures": [{"id": "total", "value": "82.67"}, {"id": "a", "value": "63.41"},
...               {"id": "b", "value": "19.62"}],
...   "relations": [{"id": "split", "kind": "sum", "total": "total", "parts": ["a", "b"]}]}''')
>>> result = perfcheck.check(ledger)
>>> [(f.code, f.relation, str(f.difference)) for f in result.errors]
[('PC102', 'split', '-0.36')]

:func:`read` reads a report from anything it is given as (a path of JSON, JSON Lines,
TOML, YAML or a report's plain text; bytes; text; a mapping; a file object), and
:func:`check` reads through it: ``perfcheck.check("report.txt")`` works as
``perfcheck check report.txt`` does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from perfcheck._core import lazy as _lazy
from perfcheck._core.version import VERSION as _VERSION

if TYPE_CHECKING:
    from perfcheck._api import check
    from perfcheck._batch import BatchItem, check_many, check_one
    from perfcheck._core.errors import LedgerError, PerfcheckError, Problem
    from perfcheck._core.limits import Limits
    from perfcheck._engine.registry import Registry, Rule, Status, rule
    from perfcheck._findings.finding import Finding, Location, RelationCheck, Severity, Verdict
    from perfcheck._findings.result import Result
    from perfcheck._ledger.document import (
        BalanceRelation,
        ChangeRelation,
        CompareRelation,
        EqualRelation,
        Figure,
        FormulaRelation,
        Ledger,
        NotRead,
        ProductRelation,
        RatioRelation,
        Relation,
        ShareRelation,
        Source,
        SumRelation,
        dumps,
        load,
        loads,
        validate,
    )
    from perfcheck._read.domain import FundFlow, Headcount, LineItem, Report, Share, Target
    from perfcheck._read.reader import LedgerSource, read
    from perfcheck._read.report import read_pdf
    from perfcheck._read.tables import from_frame, read_csv, read_html, read_xlsx
    from perfcheck._series import SeriesResult, check_series
    from perfcheck.rules import default_registry, series_registry

#: Where each public name lives. ``import perfcheck`` loads none of them: a name is
#: imported from its module the first time it is asked for (PEP 562), so the command
#: line's ``--help``, the pytest plugin and a script that only reads a document do not
#: pay for the rules, the readers of tables and text, the batch machinery or the
#: renderers they do not use (docs/performance.md, "Start-up").
_MODULES: dict[str, tuple[str, ...]] = {
    "perfcheck._api": ("check",),
    "perfcheck._batch": ("BatchItem", "check_many", "check_one"),
    "perfcheck._core.errors": ("LedgerError", "PerfcheckError", "Problem"),
    "perfcheck._core.limits": ("Limits",),
    "perfcheck._engine.registry": ("Registry", "Rule", "Status", "rule"),
    "perfcheck._findings.finding": ("Finding", "Location", "RelationCheck", "Severity", "Verdict"),
    "perfcheck._findings.result": ("Result",),
    "perfcheck._ledger.document": (
        "BalanceRelation",
        "ChangeRelation",
        "CompareRelation",
        "EqualRelation",
        "Figure",
        "FormulaRelation",
        "Ledger",
        "NotRead",
        "ProductRelation",
        "RatioRelation",
        "Relation",
        "ShareRelation",
        "Source",
        "SumRelation",
        "dumps",
        "load",
        "loads",
        "validate",
    ),
    "perfcheck._read.domain": ("FundFlow", "Headcount", "LineItem", "Report", "Share", "Target"),
    "perfcheck._read.reader": ("LedgerSource", "read"),
    "perfcheck._read.report": ("read_pdf",),
    "perfcheck._read.tables": ("from_frame", "read_csv", "read_html", "read_xlsx"),
    "perfcheck._series": ("SeriesResult", "check_series"),
    "perfcheck.rules": ("default_registry", "series_registry"),
}
_WHERE = {name: module for module, names in _MODULES.items() for name in names}


#: The model path's modules that the plain path (the command line's check of a plain
#: document) reaches as ``perfcheck._api`` and so on, imported when first asked for
#: (docs/architecture.md, "The plain path and the model path").
_MODEL_PATH: Final = ("_api", "_series")


def __getattr__(name: str) -> Any:  # noqa: ANN401 - any public name of the package
    """A public name, imported from its module on first use (PEP 562) and kept here."""
    if name in _MODEL_PATH:
        return _lazy.load(f"{__name__}.{name}")
    module = _WHERE.get(name)
    if module is None:
        msg = f"module 'perfcheck' has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(_lazy.load(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__version__ = _VERSION

__all__ = [
    "BalanceRelation",
    "BatchItem",
    "ChangeRelation",
    "CompareRelation",
    "EqualRelation",
    "Figure",
    "Finding",
    "FormulaRelation",
    "FundFlow",
    "Headcount",
    "Ledger",
    "LedgerError",
    "LedgerSource",
    "Limits",
    "LineItem",
    "Location",
    "NotRead",
    "PerfcheckError",
    "Problem",
    "ProductRelation",
    "RatioRelation",
    "Registry",
    "Relation",
    "RelationCheck",
    "Report",
    "Result",
    "Rule",
    "SeriesResult",
    "Severity",
    "Share",
    "ShareRelation",
    "Source",
    "Status",
    "SumRelation",
    "Target",
    "Verdict",
    "__version__",
    "check",
    "check_many",
    "check_one",
    "check_series",
    "default_registry",
    "dumps",
    "from_frame",
    "load",
    "loads",
    "read",
    "read_csv",
    "read_html",
    "read_pdf",
    "read_xlsx",
    "rule",
    "series_registry",
    "validate",
]
