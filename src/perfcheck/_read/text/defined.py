"""Figures a report names by their definition: ``资产负债率`` (liabilities ÷ assets), ``净资产``.

``中央国有企业资产总额76.2万亿元，负债总额51.9万亿元，…，资产负债率68.1%``: the rate's name says
what it is of, so with both totals printed before it in its clause (up to ；), each named as
such (…资产总额/资产, …负债总额/负债), it is a ``ratio`` of the liabilities to the assets, as
stated: the words define it. ``资产总额30.0万亿元，负债总额9.5万亿元，净资产20.5万亿元``: the assets
are the liabilities and the net assets, a stated ``sum``. Each total is the one of its name
in the clause; a clause that prints either twice, or neither, gives none.
"""

from __future__ import annotations

import re
from typing import Final

from perfcheck._read.text.base import Fig, State

#: What the assets leave over the liabilities.
_NET: Final = re.compile(r"净资产(?:总额|合计)?$")
_ASSETS: Final = re.compile(r"(?<!净)资产(?:总额|合计)?$")
_LIABILITIES: Final = re.compile(r"负债(?:总额|合计)?$")
#: A rate defined by its name, and the names of its numerator and denominator (their label's end).
_DEFINED: Final[tuple[tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]], ...]] = (
    (
        re.compile(r"资产负债率(?:为|是|达)?$"),
        re.compile(r"负债(?:总额|合计)?$"),
        re.compile(r"资产(?:总额|合计)?$"),
    ),
)


class Defined(State):
    """Recognise figures defined by their name (资产负债率, 净资产)."""

    def net_assets(self) -> None:
        """Each 净资产 with the assets and liabilities of its clause: assets = liabilities + net assets."""
        for fig in self.figs:
            if not fig.keep or fig.kind != "amount" or not _NET.search(fig.label):
                continue
            clause = [
                f for f in self.by_sentence.get(fig.sentence.index, []) if f.keep and f.kind == "amount"
            ]
            assets, liabilities = _one(clause, _ASSETS), _one(clause, _LIABILITIES)
            if assets is None or liabilities is None or len({assets.unit, liabilities.unit, fig.unit}) != 1:
                continue
            data = {
                "kind": "sum",
                "total": "",
                "parts": [],
                "label": f"{assets.label} = {liabilities.label} + {fig.label}",
            }
            self.add("sum", data, [fig.sentence], [assets, liabilities, fig])

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
                label = f"{fig.label}: {numerator.label} ÷ {denominator.label}"
                self.ratio_of([numerator, denominator, fig], label, [fig.sentence], concept=None)


def _one(figs: list[Fig], name: re.Pattern[str]) -> Fig | None:
    """The one figure of ``figs`` whose label ends with ``name``; None if none or several."""
    found = [f for f in figs if name.search(f.label)]
    return found[0] if len(found) == 1 else None
