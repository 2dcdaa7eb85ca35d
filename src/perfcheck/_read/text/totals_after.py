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
#: A year opening the first part's clause (2025年中央财政…资金): no word of another figure.
_YEAR_OPENING: Final = re.compile(r"^(?:19|20)[0-9]{2}\s*年度?$")
_YEAR_CLOSING: Final = re.compile(r"(?:19|20)[0-9]{2}\s*年度?$")
#: Brackets after a part holding a note (皖财农〔2024〕1179号), nested square ones inside.
_NOTE: Final = re.compile(r"[（(][^（()）]*[）)]")


class TotalsAfter(Sums):
    """Recognise a run of amounts joined by ``、`` and closed by their total (see the module)."""

    def totals_after(self) -> None:
        """Each total printed right after a run of its parts, as a stated sum."""
        totals = {id(t) for t, _, _ in self.list_sums}
        listed = {id(p) for _, ps, _ in self.list_sums for p in ps}
        for sentence in self.sentences:
            # a bare number (〔2024〕1179号 in a note) is no part, and no total
            figs = [f for f in self.by_sentence.get(sentence.index, []) if f.keep and f.kind != "bare"]
            for n, total in enumerate(figs):
                # 共计23513万元: the total's own words, 共 and all, from its clause's start
                if (
                    n < 2
                    or id(total) in totals
                    or not _TOTAL.search(self.text, self.clause_start(total), total.mention.start)
                ):
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

    def clause_start(self, fig: Fig) -> int:
        """Where the clause of ``fig``'s words opens: just past the last clause break before its label."""
        return max(self.text.rfind(c, 0, fig.label_start) for c in "，,；;：:。\n") + 1

    def between(self, start: int, end: int) -> str:
        """The words between two figures, less brackets holding no figure (a document's number, a note).

        ``A 15587万元（皖财农〔2024〕1179号）、B 7926万元（…号），共计23513万元``: the brackets name where
        each part was granted; the parts are still joined by ``、`` and closed by their total.
        """
        words = self.text[start:end]
        if not any(start <= f.mention.start < end for f in self.figs if f.keep and f.kind != "bare"):
            words = _NOTE.sub("", words)
        return words.strip()

    def run_before(self, before: list[Fig], total: Fig, start: int) -> list[Fig] | None:
        """The amounts joined by ``、`` that end in the clause before ``total``: all of the sentence's.

        None unless the last ends right before the total's clause, each is joined to the
        next by ``、`` alone, and no other figure is printed before the first (in the
        sentence, or after the last colon before it).
        """
        if self.between(before[-1].mention.phrase_end, self.clause_start(total)) not in _BREAK:
            return None
        run = [before[-1]]
        for fig in reversed(before[:-1]):
            # …1179号）、2025年省级…资金7926万元: the year opening the next part is of its name
            if _YEAR_CLOSING.sub("", self.between(fig.mention.phrase_end, run[0].label_start)) != "、":
                break
            run.insert(0, fig)
        first = run[0]
        colon = max(self.text.rfind(c, start, first.label_start) for c in "：:")
        floor = start if colon < 0 else colon
        if len(run) < 2 or any(floor <= f.mention.start < first.mention.start for f in before):
            return None
        clause = max(self.text.rfind(c, floor, first.label_start) for c in "，,；;：:。\n")
        opening = _YEAR_OPENING.sub("", self.text[max(clause + 1, floor) : first.label_start].strip())
        if opening or _ADDED.search(self.text, start, first.label_start):
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
