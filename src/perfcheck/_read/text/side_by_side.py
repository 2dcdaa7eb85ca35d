"""Changes against two bases side by side: ``比上年减少10万元，下降16.7%；比预算减少5万元，下降9.1%``.

A clause after ``；`` that opens with a change's words (比预算, 较年初预算, 比上年) and names
nothing that changed continues the clause before it: what changed is what the change
before it, in the same sentence, was of. Its amount and rate are its own, against its own
base. A change against another role of the same year (预算) whose base is not printed is
inferred, as the reader's other such changes are (:meth:`.changes.Changes.own_budget`).
"""

from __future__ import annotations

import re
from typing import Any, Final

from perfcheck._read.text import patterns
from perfcheck._read.text.base import SCOPE, Fig, unique
from perfcheck._read.text.changes import Changes, base_of
from perfcheck._read.text.sentences import Sentence

#: A sentence giving the reasons of a change: 主要原因是…, 原因是…, 主要是….
_REASONS: Final = re.compile(r"\s*(?:主要|增加|减少|增长|下降|变动)?(?:原因|是由于|是因为|主要是)")


class SideBySide(Changes):
    """Recognise a second change of the same figure, said in the next ；-clause."""

    def side_by_side_changes(self) -> None:
        """Each ；-clause opening with a change and no subject: a change of the previous clause's figure."""
        currents: dict[int, tuple[Fig, str | None]] = {}
        said = {id(f) for r in self.relations if r.data["kind"] == "change" for f in r.figures[1:]}
        for rel in self.relations:
            if rel.data["kind"] == "change":
                currents[rel.figures[-1].sentence.index] = (rel.figures[0], rel.data.get("_base"))
        for sentence in self.sentences[1:]:
            current, before, reasons = self.change_before(sentence, currents)
            opened = patterns.CHANGE.match(self.text, sentence.start)
            if current is None or opened is None:
                continue
            # 比2014年度预算减少…。较2013年度决算数减少…: a sentence of its own, against another base
            new_sentence = (self.after_period(sentence) or reasons) and base_of(opened.group()) != before
            if not (self.continues(sentence) or new_sentence):
                continue
            direction = patterns.DIRECTION.match(self.text, opened.end())
            figs = [f for f in self.by_sentence.get(sentence.index, []) if f.keep]
            if direction is None or not figs or any(id(f) in said for f in figs):
                continue
            delta = next((f for f in figs[:1] if f.kind == current.kind and f.unit == current.unit), None)
            percent = next((f for f in figs[int(delta is not None) :][:1] if f.is_percent), None)
            if delta is None and percent is None:
                continue
            base = base_of(opened.group())
            data: dict[str, Any] = {
                "kind": "change",
                "current": "",
                "direction": "increase" if direction.group() in patterns.INCREASE else "decrease",
                "label": f"{current.label} {self.text[opened.start() : direction.end()]}",
                "_base": base,
            }
            used = [current]
            for key, fig in (("delta", delta), ("percent", percent)):
                if fig is not None:
                    data[key] = ""
                    used.append(fig)
            inferred = self.own_budget(base, current) or not self.continues(sentence)
            self.add("change", data, unique([current.sentence, sentence]), used, inferred=inferred)
            currents[sentence.index] = (current, base)

    def change_before(
        self, sentence: Sentence, currents: dict[int, tuple[Fig, str | None]]
    ) -> tuple[Fig | None, str | None, bool]:
        """The figure changed in the sentence before, its base, and whether reasons were said between.

        ``…增长15.82%。主要原因是…。较年初预算数减少…``: the reasons of the change before are said
        between (:meth:`reasons_between`); the next change is still of its figure.
        """
        current, before = currents.get(sentence.index - 1, (None, None))
        if current is None and self.reasons_between(sentence):
            current, before = currents.get(sentence.index - 2, (None, None))
            return current, before, True
        return current, before, False

    def reasons_between(self, sentence: Sentence) -> bool:
        """Whether the sentence before is a reason said on the same line, with no figure (主要原因是…。).

        It must itself follow a sentence ending with ``。`` on that line, as the sentence does.
        """
        if sentence.index < 2 or not self.after_period(sentence):
            return False
        before = self.sentences[sentence.index - 1]
        return (
            not self.by_sentence.get(before.index)
            and _REASONS.match(self.text, before.start) is not None
            and self.after_period(before)
        )

    def continues(self, sentence: Sentence) -> bool:
        """Whether a sentence goes on from the one before it after a ``；`` (one period)."""
        before = self.sentences[sentence.index - 1]
        return before.period == sentence.period and self.text[before.end - 1 : before.end] in {"；", ";"}

    def after_period(self, sentence: Sentence) -> bool:
        """Whether a sentence follows one that ended with ``。`` on the same line (the next period)."""
        before = self.sentences[sentence.index - 1]
        return before.line == sentence.line and self.text[before.end - 1 : before.end] == "。"

    def changes_of_both_years(self) -> None:
        """``公务接待费增加4.34万元`` with 公务接待费 printed for this year and for last year before it.

        An amount named by an item and a direction word alone, in no change yet, is that
        item's change from last year's figure to this year's when the text printed both
        earlier under the item's name (支出, 数, a trailing 费 and a scope word aside), each
        once. Found by name, so inferred.
        """
        if self.year is None:
            return
        last = str(int(self.year) - 1)
        used = {id(f) for r in self.relations if r.data["kind"] == "change" for f in r.figures}
        for fig in self.figs:
            word = patterns.DIRECTED.search(fig.label)
            if not fig.keep or fig.kind != "amount" or word is None or id(fig) in used:
                continue
            name = _item(fig.label[: word.start()])
            if len(name) < 2:
                continue
            named = [
                f
                for f in self.figs
                if f.keep
                and f.mention.start < fig.mention.start
                and f.kind == "amount"
                and f.unit == fig.unit
                and _item(f.label) == name
            ]
            this = [f for f in named if (f.period or self.year) == self.year]
            before = [f for f in named if f.period == last]
            if len(this) != 1 or len(before) != 1:
                continue
            data: dict[str, Any] = {
                "kind": "change",
                "current": "",
                "prior": "",
                "delta": "",
                "direction": "increase" if word.group(1) in patterns.INCREASE else "decrease",
                "label": f"{this[0].label} {word.group(1)}",
            }
            sentences = unique([this[0].sentence, before[0].sentence, fig.sentence])
            self.add("change", data, sentences, [this[0], before[0], fig], inferred=True)
            used.add(id(fig))


def _item(label: str) -> str:
    """An item's name as printed in different sentences: no scope word, 支出, 数 or trailing 费."""
    name = patterns.YEAR_PREFIX.sub("", label)
    name = SCOPE.sub("", name).replace("支出", "").removesuffix("数")
    return name.removesuffix("费")
