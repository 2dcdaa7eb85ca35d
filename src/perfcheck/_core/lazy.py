"""Submodules loaded on first use: how the plain path reaches the model path (docs/architecture.md).

A package whose model modules the plain path needs only now and then (a document the
fast path cannot read alone) names them with :func:`submodules` as its module
``__getattr__`` (PEP 562). A plain module imports the package, never the model module,
and asks for the model module as an attribute where it needs it::

    from perfcheck import _ledger

    ledger = _ledger.document.validate(data)

The model module is imported the first time it is asked for; after that Python has set
it on the package, and the attribute is an ordinary one.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Collection
from types import ModuleType

__all__ = ["load", "submodules"]


def load(name: str) -> ModuleType:
    """The module called ``name``, imported if it is not yet (from ``sys.modules`` if it is: cheaper)."""
    return sys.modules.get(name) or importlib.import_module(name)


def submodules(package: str, names: Collection[str]) -> Callable[[str], ModuleType]:
    """A module ``__getattr__`` for ``package`` that imports its submodules ``names`` when asked for.

    >>> getattr_ = submodules("perfcheck._core", ("units",))
    >>> getattr_("units").__name__
    'perfcheck._core.units'
    >>> getattr_("nothing")
    Traceback (most recent call last):
    ...
    AttributeError: module 'perfcheck._core' has no attribute 'nothing'
    """

    def getattr_(name: str) -> ModuleType:
        if name not in names:
            msg = f"module {package!r} has no attribute {name!r}"
            raise AttributeError(msg)
        return load(f"{package}.{name}")

    return getattr_
