"""Changes against two bases side by side: ``比上年减少10万元，下降16.7%；比预算减少5万元，下降9.1%``.

A clause after ``；`` that opens with a change's words (比预算, 较年初预算, 比上年) and names
nothing that changed continues the clause before it: what changed is what the change
before it, in the same sentence, was of. Its amount and rate are its own, against its own
base. A change against another role of the same year (预算) whose base is not printed is
inferred, as the reader's other such changes are (:meth:`.changes.Changes.own_budget`).
"""

from __future__ import annotations

from typing import Any

from perfcheck._read.text import patterns
from perfcheck._read.text.base import Fig, unique
from perfcheck._read.text.changes import Changes, base_of
from perfcheck._read.text.sentences import Sentence


class SideBySide(Changes):
    """Recognise a second change of the same figure, said in the next ；-clause."""

    def side_by_side_changes(self) -> None:
        """Each ；-clause opening with a change and no subject: a change of the previous clause's figure."""
        currents: dict[int, Fig] = {}
        said = {id(f) for r in self.relations if r.data["kind"] == "change" for f in r.figures[1:]}
        for rel in self.relations:
            if rel.data["kind"] == "change":
                currents[rel.figures[-1].sentence.index] = rel.figures[0]
        for sentence in self.sentences[1:]:
            current = currents.get(sentence.index - 1)
            opened = patterns.CHANGE.match(self.text, sentence.start)
            if current is None or opened is None or not self.continues(sentence):
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
            inferred = self.own_budget(base, current)
            self.add("change", data, unique([current.sentence, sentence]), used, inferred=inferred)
            currents[sentence.index] = current

    def continues(self, sentence: Sentence) -> bool:
        """Whether a sentence goes on from the one before it after a ``；`` (one period)."""
        before = self.sentences[sentence.index - 1]
        return before.period == sentence.period and self.text[before.end - 1 : before.end] in {"；", ";"}
