"""The rules perfcheck ships, one family per hundred codes.

* PC1xx balances and sums
* PC2xx shares and ratios
* PC3xx year-on-year changes
* PC4xx equal figures and comparisons
* PC5xx products and formulas
* PC6xx plausibility
* PC8xx reports of one entity in consecutive years, checked together
  (:data:`series_registry`, run by :func:`perfcheck.check_series`)
* PC9xx relations that cannot be checked as written, and crashed rules
"""

from __future__ import annotations

from perfcheck._engine.registry import Registry
from perfcheck.rules import arithmetic, changes, comparisons, internal, plausibility, shares, sums
from perfcheck.rules.series import series_registry

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

#: Every rule, the single-document ones and the series ones: what ``perfcheck rules``
#: lists, the docs describe and SARIF declares.
all_rules = Registry([*default_registry, *series_registry])

#: The code a crashed rule is reported under (the engine turns an exception into it).
CRASH_CODE = internal.rule_crashed.code
#: The code an error on an inferred relation is reported under, as a warning.
INFERRED_CODE = internal.inferred_relation_broken.code
#: The code relations that each hold alone but not together are reported under, when localising.
CONFLICT_CODE = internal.relations_conflict.code

__all__ = ["CONFLICT_CODE", "CRASH_CODE", "INFERRED_CODE", "all_rules", "default_registry", "series_registry"]
