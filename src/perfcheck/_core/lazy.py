"""Submodules loaded on first use: how the plain path reaches the model path (docs/architecture.md).

A package whose model modules the plain path needs only now and then (a document the
fast path cannot read alone) names them with :func:`submodules` as its module
``__getattr__`` (PEP 562). A plain module imports the package, never the model module,
and asks for the model module as an attribute where it needs it::

    from perfcheck import _ledger

    ledger = _ledger.document.validate(data)

The model module is imported the first time it is asked for; after that Python has set
it on the package, and the attribute is an ordinary one.

A module that uses another (the standard library's or a dependency's) only now and then
(``tomllib`` for a configuration or a baseline file) names it with :func:`module` at
module level, under its own name, so that type checkers see the real module::

    if TYPE_CHECKING:
        import tomllib
    else:
        tomllib = lazy.module("tomllib")

and it is imported the first time one of its attributes is read.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Collection
from types import ModuleType

__all__ = ["load", "module", "submodules"]


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


class _Module(ModuleType):
    """A stand-in for a module not imported yet: reading an attribute imports it and reads it there."""

    def __getattr__(self, attribute: str) -> object:
        return getattr(load(self.__name__), attribute)


def module(name: str) -> ModuleType:
    """The module called ``name`` as it is, if imported; else a stand-in importing it on first use.

    The stand-in is not put in ``sys.modules``: until an attribute is read the module is
    not loaded at all.

    >>> fresh = module("perfcheck._core.lazy")
    >>> fresh.load is load
    True
    """
    return sys.modules.get(name) or _Module(name)
