"""The kinds of relation a ledger states: plain data, so that the rules name them without the models."""

from __future__ import annotations

from typing import Final

__all__ = ["RELATION_KINDS"]

#: Every relation kind, in the order the ledger's documentation lists them.
RELATION_KINDS: Final = (
    "sum",
    "balance",
    "share",
    "ratio",
    "change",
    "equal",
    "compare",
    "product",
    "formula",
)
