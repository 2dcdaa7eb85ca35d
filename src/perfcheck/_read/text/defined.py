"""Rates a report names by their definition: ``资产负债率`` is liabilities over assets.

``中央国有企业资产总额76.2万亿元，负债总额51.9万亿元，…，资产负债率68.1%``: the rate's name says
what it is of, so with both totals printed before it in its clause (up to ；), each named as
such (…资产总额/资产, …负债总额/负债), it is a ``ratio`` of the liabilities to the assets, as
stated: the words define it. Each total is the nearest before the rate of its name; a
clause that prints either twice, or neither, gives none.
"""

from __future__ import annotations

import re
from typing import Final

from perfcheck._read.text.base import Fig, State

#: A rate defined by its name, and the names of its numerator and denominator (their label's end).
_DEFINED: Final[tuple[tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]], ...]] = (
    (
        re.compile(r"资产负债率(?:为|是|达)?$"),
        re.compile(r"负债(?:总额|合计)?$"),
        re.compile(r"资产(?:总额|合计)?$"),
    ),
)


class Defined(State):
    """Recognise rates defined by their name (资产负债率)."""

    def defined_ratios(self) -> None:
        """Each rate named by its definition, as a ratio of the two totals its clause printed before it."""
        for fig in self.figs:
            if not fig.keep or not fig.is_percent:
                continue
            for rate, top, bottom in _DEFINED:
                if not rate.search(fig.label):
                    continue
                before = [
                    f
                    for f in self.by_sentence.get(fig.sentence.index, [])
                    if f.keep and f.kind == "amount" and f.mention.start < fig.mention.start
                ]
                numerator, denominator = _one(before, top), _one(before, bottom)
                if numerator is None or denominator is None or numerator.unit != denominator.unit:
                    continue
                data = {
                    "kind": "ratio",
                    "numerator": "",
                    "denominator": "",
                    "stated": "",
                    "label": f"{fig.label}: {numerator.label} ÷ {denominator.label}",
                }
                self.add("ratio", data, [fig.sentence], [numerator, denominator, fig])


def _one(figs: list[Fig], name: re.Pattern[str]) -> Fig | None:
    """The one figure of ``figs`` whose label ends with ``name``; None if none or several."""
    found = [f for f in figs if name.search(f.label)]
    return found[0] if len(found) == 1 else None
