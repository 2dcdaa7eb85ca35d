"""The recogniser of totals printed after their parts: ``A x、B y、C z，支出总量为T``.

A 收支平衡 paragraph lists the items of a side, joined by ``、``, and closes the run with
the side's total in the next clause, named as a total (总量, 总计, 合计, 总额, 共计):
``一般公共预算支出559,594万元、上解支出24,562万元、债务还本支出10,940万元，支出总量为596,070万元``.
The run is every amount of its sentence (or of the words after a colon in it) before
the total, so the text states that they make it up: a stated, exhaustive ``sum``.
"""

from __future__ import annotations

import re
from typing import Any, Final

from perfcheck._read.text.base import Fig, unique
from perfcheck._read.text.sums import Sums

#: A total's name: 支出总量, 收入总计, 合计, 共计.
_TOTAL: Final = re.compile(r"总计|合计|总额|总量|共计")
#: Words that add the run to an amount before it: the total is not the run's alone.
_ADDED: Final = re.compile(r"加上|加[：:]|再加|减去")
#: What may stand between the last part and the total: the clause break alone.
_BREAK: Final = frozenset({"，", ","})


class TotalsAfter(Sums):
    """Recognise a run of amounts joined by ``、`` and closed by their total (see the module)."""

    def totals_after(self) -> None:
        """Each total printed right after a run of its parts, as a stated sum."""
        totals = {id(t) for t, _, _ in self.list_sums}
        listed = {id(p) for _, ps, _ in self.list_sums for p in ps}
        for sentence in self.sentences:
            figs = [f for f in self.by_sentence.get(sentence.index, []) if f.keep]
            for n, total in enumerate(figs):
                if n < 2 or id(total) in totals or not _TOTAL.search(total.label):
                    continue
                parts = self.run_before(figs[:n], total, sentence.start)
                if parts is None or any(id(p) in listed or id(p) in totals for p in parts):
                    continue
                label = f"{total.label} = " + " + ".join(p.label for p in parts)
                data: dict[str, Any] = {"kind": "sum", "total": "", "parts": [], "label": label}
                self.add("sum", data, unique([sentence]), [total, *parts])
                self.list_sums.append((total, parts, self.relations[-1]))
                totals.add(id(total))
                listed.update(id(p) for p in parts)

    def run_before(self, before: list[Fig], total: Fig, start: int) -> list[Fig] | None:
        """The amounts joined by ``、`` that end in the clause before ``total``: all of the sentence's.

        None unless the last ends right before the total's clause, each is joined to the
        next by ``、`` alone, and no other figure is printed before the first (in the
        sentence, or after the last colon before it).
        """
        if self.text[before[-1].mention.phrase_end : total.label_start].strip() not in _BREAK:
            return None
        run = [before[-1]]
        for fig in reversed(before[:-1]):
            if self.text[fig.mention.phrase_end : run[0].label_start].strip() != "、":
                break
            run.insert(0, fig)
        first = run[0]
        colon = max(self.text.rfind(c, start, first.label_start) for c in "：:")
        floor = start if colon < 0 else colon
        if len(run) < 2 or any(floor <= f.mention.start < first.mention.start for f in before):
            return None
        clause = max(self.text.rfind(c, floor, first.label_start) for c in "，,；;：:。\n")
        if self.text[max(clause + 1, floor) : first.label_start].strip() or _ADDED.search(
            self.text, start, first.label_start
        ):
            return None  # 加上A、B，收入总计T: the total is of what came before 加上 too
        if any(
            p.kind != "amount"
            or p.unit != total.unit
            or not self.eligible(p)
            or self.qualifies(p)
            or p.mention.qualifier
            or self.exceeds(p, total)
            for p in run
        ):
            return None
        if total.kind != "amount" or not self.eligible(total) or total.mention.qualifier:
            return None
        return run
