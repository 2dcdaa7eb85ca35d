"""The rules perfcheck ships, one family per hundred codes.

* PC1xx balances and sums
* PC2xx shares and ratios
* PC3xx year-on-year changes
* PC4xx equal figures and comparisons
* PC5xx products and formulas
* PC6xx plausibility
* PC9xx relations that cannot be checked as written, and crashed rules
"""

from __future__ import annotations

from perfcheck._registry import Registry
from perfcheck.rules import arithmetic, changes, comparisons, internal, plausibility, shares, sums

#: Every rule perfcheck ships, in code order.
default_registry = Registry(
    sorted(
        (
            *sums.RULES,
            *shares.RULES,
            *changes.RULES,
            *comparisons.RULES,
            *arithmetic.RULES,
            *plausibility.RULES,
            *internal.RULES,
        ),
        key=lambda r: r.code,
    )
)

__all__ = ["default_registry"]
