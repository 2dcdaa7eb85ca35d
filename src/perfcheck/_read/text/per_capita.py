"""A per-head figure and the total it divides: ``藏书16504册，人均16.7册`` with ``1068名学生`` before.

A figure named 人均 (人均藏书, 生均, 每人平均) right after a figure of its own kind and unit in
its clause is that total over a head-count printed before them in the section: the total is
the head-count times the per-head figure, within the per-head figure's rounding. Which
head-count it is of is not said (the pupils, or the pupils and the teachers), so the one
taken is the largest of persons printed before (人, 名), and the relation is inferred: a
break is for a person to check.
"""

from __future__ import annotations

from typing import Final

from perfcheck._read.text import patterns
from perfcheck._read.text.base import Fig, State

#: The units a head-count of persons is printed in.
_PERSONS: Final = frozenset({"人", "名"})


class PerCapita(State):
    """Recognise a per-head figure and the total it divides, over the head-count printed before."""

    def per_capita(self) -> None:
        for fig in self.figs:
            if not fig.keep or fig.kind not in {"amount", "count"} or not patterns.PER_HEAD.search(fig.label):
                continue
            total = self.total_before(fig)
            if total is None:
                continue
            heads = [
                f
                for f in self.figs
                if f.keep
                and f.kind == "count"
                and f.unit in _PERSONS
                and f.mention.start < total.mention.start
                and f.sentence.section == fig.sentence.section
                and not f.is_percent
            ]
            if not heads:
                continue
            people = max(heads, key=lambda f: f.mention.number)
            data = {
                "kind": "formula",
                "expr": "",
                "label": f"{total.label} = {people.label} × {fig.label}",
                "_expr": "{0} == {1} * {2}",
            }
            self.add("per_head", data, [people.sentence, fig.sentence], [total, people, fig], inferred=True)

    def total_before(self, fig: Fig) -> Fig | None:
        """The figure just before ``fig`` in its clause, of its kind and unit: what it divides."""
        clause = max(self.text.rfind(c, fig.sentence.start, fig.mention.start) for c in "；;。")
        before = [
            f
            for f in self.by_sentence.get(fig.sentence.index, [])
            if f.keep and clause < f.mention.start < fig.mention.start
        ]
        if not before or before[-1].kind != fig.kind or before[-1].unit != fig.unit:
            return None
        total = before[-1]
        return total if total.unit not in _PERSONS and not patterns.PER_HEAD.search(total.label) else None
