"""A per-head figure and the total it divides: ``藏书16504册，人均16.7册`` with ``1068名学生`` before.

A figure named 人均 (人均藏书, 生均, 每人平均) right after a figure of its own kind and unit in
its clause is that total over a head-count printed before them in the section: the total is
the head-count times the per-head figure, within the per-head figure's rounding. Which
head-count it is of is not said (the pupils, or the pupils and the teachers), so the one
taken is the largest of persons printed before (人, 名), and the relation is inferred: a
break is for a person to check.

A costing (:meth:`PerCapita.costings`) says the head-count itself: ``268名代表，年人均2400元计643200元``,
``计划出国2人，预算费用3.5万元/人，共计7万元``, ``经费120000元，按12家街道工委每家10000元测算``. The rate
per head (人均, 每家, ``万元/人``) times the count printed just before it in its clause, of the rate's
unit of heads, is the total: printed after them as 计 (共计, 合计), stated; or, when the sentence
says the rate is how the amount was reckoned (测算, 计算, 核定), the amount printed before the
count on its line or the line before, inferred.
"""

from __future__ import annotations

import re
from typing import Final

from perfcheck._read.text import patterns
from perfcheck._read.text.base import Fig, State

#: The units a head-count of persons is printed in.
_PERSONS: Final = frozenset({"人", "名"})
#: Words saying the figures of a passage are each per head: 生均教育经费, 人均支出, 户均补助.
_PER_HEAD_WORDS: Final = re.compile(patterns.PER_HEAD_WORDS)
#: A numbered item opening a line (1. 2、 （三）): a sibling of the line after, under one lead.
_NUMBERED_LINE: Final = re.compile(r"\s*(?:[0-9]{1,2}[.．、]|[（(][一二三四五六七八九十0-9]{1,2}[)）])")
#: The longest heading taken as the lead of the lines below it.
_HEADING_WIDTH: Final = 40
#: A rate per head or per unit, by the end of its label (年人均, 每家, 每人每年) or the words
#: right after its unit (``3.5万元/人``); the group is the unit of heads it is per.
_PER_UNIT_LABEL: Final = re.compile(r"(?:([人生户])均|每([人名家户个所辆次])(?:每?年)?)(?:标准)?$")
_PER_UNIT_AFTER: Final = re.compile(r"\s*/\s*([人名家户个所辆次])")
#: The count units each unit of heads is printed in.
_HEADS: Final = {"人": {"人", "名"}, "名": {"人", "名"}, "生": {"人", "名"}}
#: The total a costing prints after its count and rate: 计643200元, 共计7万元.
_RECKONED: Final = re.compile(r"^(?:共|合|总)?计(?:为)?$")
#: Words saying a rate is how an amount was reckoned: 按…测算, 以…计算.
_RECKONS: Final = re.compile(r"测算|计算|核定|核算")


def per_head_passage(text: str, at: int) -> bool:
    r"""Whether the figure at ``at`` is per head by the words of its passage, not by its own name.

    ``…生均一般公共预算教育经费增长情况是：`` then ``1.全省幼儿园为7977.88元…`` ``2.全省普通小学为
    11128.87元…。其中，农村为11227.42元``: every figure of the numbered lines is an average per
    pupil, so a 其中 after one is a group's average, no part of it. The passage is the figure's
    line up to it and the lead of the numbered lines it stands among: the nearest line
    before them ending in a colon, or a heading (a short line with no 。).

    >>> text = "人均支出情况如下：\n1.全县为820元。\n2.全市为900元，其中农村为760元。"
    >>> per_head_passage(text, text.index("900"))
    True
    >>> text = "支出情况如下：\n1.全县为820万元。\n2.全市为900万元，其中农村为760万元。"
    >>> per_head_passage(text, text.index("900"))
    False
    """
    begin = text.rfind("\n", 0, at) + 1
    sentence = max(text.rfind(c, begin, at) for c in "。；;") + 1
    if _PER_HEAD_WORDS.search(text, max(begin, sentence), at):
        return True
    numbered = _NUMBERED_LINE.match(text, begin) is not None
    while begin > 0:
        end = begin - 1
        begin = text.rfind("\n", 0, end) + 1
        line = text[begin:end].strip()
        if not line:
            continue
        if numbered and _NUMBERED_LINE.match(line):
            continue  # a sibling item under the same lead
        lead = line.endswith(("：", ":")) or ("。" not in line and len(line) <= _HEADING_WIDTH)
        return lead and _PER_HEAD_WORDS.search(line) is not None
    return False


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
        self.costings()

    def costings(self) -> None:
        """A total reckoned as a count times a rate per head (see the module's text)."""
        used = {id(f) for r in self.relations if r.data.get("kind") == "formula" for f in r.figures}
        for rate in self.figs:
            if not rate.keep or rate.kind != "amount" or id(rate) in used:
                continue
            heads = self.heads_of(rate)
            if heads is None:
                continue
            figs = [f for f in self.by_sentence.get(rate.sentence.index, []) if f.keep]
            n = figs.index(rate)
            clause = max(self.text.rfind(c, rate.sentence.start, rate.mention.start) for c in "；;。")
            counts = [f for f in figs[:n] if f.kind == "count" and f.mention.start > clause]
            if not counts or counts[-1].unit not in heads or counts[-1] is not figs[n - 1]:
                continue
            count = counts[-1]
            total, stated = self.reckoned_total(figs, n, count)
            if total is None or total.unit != rate.unit or id(total) in used:
                continue
            data = {
                "kind": "formula",
                "expr": "",
                "label": f"{total.label} = {count.label} × {rate.label}",
                "_expr": "{0} == {1} * {2}",
            }
            sentences = sorted(
                {total.sentence.index: total.sentence, rate.sentence.index: rate.sentence}.items()
            )
            self.add("costing", data, [s for _, s in sentences], [total, count, rate], inferred=not stated)
            used.update({id(total), id(count), id(rate)})

    def heads_of(self, rate: Fig) -> set[str] | None:
        """The count units a rate is per (人均: 人 and 名; 每家: 家), None for no rate per head."""
        after = _PER_UNIT_AFTER.match(self.text, rate.mention.phrase_end)
        named = after or _PER_UNIT_LABEL.search(rate.label)
        if named is None:
            return None
        unit = next(g for g in named.groups() if g)
        return _HEADS.get(unit, {unit})

    def reckoned_total(self, figs: list[Fig], n: int, count: Fig) -> tuple[Fig | None, bool]:
        """The total a costing gives: after the rate as 计 (stated), or reckoned before the count."""
        after = figs[n + 1] if n + 1 < len(figs) else None
        if after is not None and after.kind == "amount" and _RECKONED.match(after.label):
            return after, True
        rate = figs[n]
        if not _RECKONS.search(self.text, rate.mention.phrase_end, rate.sentence.end):
            return None, False
        before = [f for f in figs[: figs.index(count)] if f.kind == "amount"]
        if before:
            return before[-1], False
        # 6、代表工作536000元，同上年；\n代表活动…以268名代表，年人均2000元测算: the item's line before
        line = self.text.rfind("\n", 0, count.mention.start)
        above = [
            f
            for f in self.figs
            if f.keep and f.kind == "amount" and self.text.rfind("\n", 0, line) < f.mention.start < line
        ]
        return (above[0], False) if above else (None, False)

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
