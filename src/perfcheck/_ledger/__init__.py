"""The ledger document: figures as printed, the relations between them, and its JSON form.

The models (:mod:`~perfcheck._ledger.document` and what it gathers) are loaded when first
asked for as ``_ledger.document`` (:mod:`perfcheck._core.lazy`): the fast path reaches
them only for what it cannot read as plain data; ``kinds`` is plain.
"""

from perfcheck._core.lazy import submodules

__getattr__ = submodules(__name__, ("document",))
