"""Anything that becomes a ledger: a ledger, a domain model, a path."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol, runtime_checkable

from perfcheck._ledger.document import Ledger, load


@runtime_checkable
class LedgerSource(Protocol):
    """Anything that compiles to a ledger, such as the domain model's :class:`~perfcheck.Report`."""

    def to_ledger(self) -> Ledger:
        """The ledger document with the same figures and relations."""
        ...


def as_ledger(target: Ledger | LedgerSource | str | os.PathLike[str]) -> Ledger:
    if isinstance(target, Ledger):
        return target
    if isinstance(target, LedgerSource):
        return target.to_ledger()
    if isinstance(target, (str, os.PathLike)):
        return load(Path(target))
    msg = f"cannot check a {type(target).__name__}; give a Ledger, a Report, a path or JSON bytes"
    raise TypeError(msg)
