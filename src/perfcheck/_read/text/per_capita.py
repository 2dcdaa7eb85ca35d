"""A figure per head after its total: ``图书室藏书16504册，人均16.7册`` with ``1068名学生`` printed before.

A figure named 人均 (生均, 户均, 车均; or 人均支出 after a total whose name holds 支出) printed
right after a total in its unit, in the same clause, is that total over a head count the
text printed before it: people (人, 名, 万人) for 人均 and 生均, households (户) for 户均,
vehicles (辆) for 车均. Which head count the page divided by is not said (students only, or
teachers too?), so every count of that kind printed before is a candidate, and the one
whose quotient comes nearest the printed figure is taken: a break is a break under the
kindest reading. A candidate whose quotient is far from the figure (more than a quarter
off) says the head count is not printed, and nothing is built. The reader chose the head
count, so the relation is inferred: a break is for a person to check (PC903), never an error.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final

from perfcheck._core.units import lookup_unit
from perfcheck._read.text.base import Fig, State, factor

#: A figure per head: its label ends with the word, or with the word and what it is of (人均支出),
#: and the kind of head count it divides by.
_PER: Final = re.compile(r"(人均|生均|户均|车均)([\u4e00-\u9fff]{0,6})$")
_HEADS: Final = {"人均": ("人", "名"), "生均": ("人", "名"), "户均": ("户",), "车均": ("辆",)}
#: How far from the printed figure a candidate's quotient may be and still be its head count.
_NEAR: Final = Decimal("0.25")
#: Delimiters ending a clause before the figure.
_CLAUSE: Final = "；;。"


class PerCapita(State):
    """Recognise a figure per head after its total, over a head count printed before."""

    def per_capita(self) -> None:
        """``藏书16504册，人均16.7册``: 16.7 == 16504 / (the head count printed before), inferred."""
        for fig in self.figs:
            said = _PER.search(fig.label)
            if not fig.keep or said is None or fig.kind not in {"amount", "count"}:
                continue
            total = self._per_head_total(fig)
            # 支出30亿元，人均支出6000元: what is counted per head is the total's name
            if total is None or (said.group(2) and said.group(2) not in total.label):
                continue
            heads = [
                f
                for f in self.figs
                if f.keep
                and f.kind == "count"
                and f.unit is not None
                and lookup_unit(f.unit).stem in _HEADS[said.group(1)]
                and f.mention.start < total.mention.start
                and f is not total
            ]
            best = self._nearest_head(fig, total, heads)
            if best is None:
                continue
            data = {
                "kind": "formula",
                "expr": "",
                "label": f"{fig.label} = {total.label} ÷ {best.label}",
                "_expr": "{0} == {1} / {2}",
            }
            self.add("per_capita", data, [fig.sentence], [fig, total, best], inferred=True)

    def _per_head_total(self, fig: Fig) -> Fig | None:
        """The figure printed right before ``fig`` in its clause, of its kind and dimension."""
        clause = max(self.text.rfind(c, fig.sentence.start, fig.mention.start) for c in _CLAUSE)
        floor = max(clause + 1, fig.sentence.start)
        before = [
            f
            for f in self.by_sentence.get(fig.sentence.index, [])
            if f.keep and floor <= f.mention.start < fig.mention.start
        ]
        if not before or before[-1].kind != fig.kind:
            return None
        total = before[-1]
        # 藏书16504册，人均16.7册: a count per head is in the total's own unit
        return total if fig.kind == "amount" or total.unit == fig.unit else None

    @staticmethod
    def _nearest_head(fig: Fig, total: Fig, heads: list[Fig]) -> Fig | None:
        """The head count whose quotient comes nearest ``fig``, if near enough to be its head count."""
        printed = fig.mention.number * factor(fig.unit)
        if printed <= 0:
            return None
        scored = []
        for head in heads:
            count = head.mention.number * factor(head.unit)
            if count <= 0:
                continue
            quotient = total.mention.number * factor(total.unit) / count
            scored.append((abs(quotient - printed) / printed, head))
        if not scored:
            return None
        off, best = min(scored, key=lambda s: s[0])
        return best if off <= _NEAR else None
