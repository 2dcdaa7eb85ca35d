"""A per-head figure and the total it divides: ``藏书16504册，人均16.7册`` with ``1068名学生`` before.

A figure named 人均 (人均藏书, 生均, 每人平均) right after a figure of its own kind and unit in
its clause is that total over a head-count printed before them in the section: the total is
the head-count times the per-head figure, within the per-head figure's rounding. Which
head-count it is of is not said (the pupils, or the pupils and the teachers), so the one
taken is the largest of persons printed before (人, 名), and the relation is inferred: a
break is for a person to check.
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
