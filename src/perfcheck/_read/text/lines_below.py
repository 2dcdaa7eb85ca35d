"""A list opened at the end of a line, its parts one a line below: ``…合计24.75万元。其中：`` then lines.

Reports print a total, then ``其中：`` (具体为：, 包括：, 分别为：) closing its line, then
each part on a line of its own, each line a sentence that opens with the part's name and
amount and goes on to say why it changed:

    “三公”经费支出预算合计24.75万元，比上年预算数减少4.65万元。其中：
    因公出国（境）经费支出预算0万元，与上年预算数持平。
    公务接待费支出预算16.55万元，比上年预算数减少4.65万元，原因：厉行节约。

The parts are the first figure of each line below the opener, up to the first line that
opens with no amount of the total's unit (or holds no figure); the total is the last
amount printed before the opener that can be one (no change, no share). Where the list
ends is read from the layout, so the sum is inferred (a break is for a person to check);
it is a ``sum`` only when the parts name every part as a list after 其中 must (they add up
as printed, or they are a known partition such as the 三公 items), and a partial one
(主要, 等) says at least.
"""

from __future__ import annotations

import re
from typing import Final

from perfcheck._read.text.base import Fig, adds_up, factor
from perfcheck._read.text.sentences import Sentence
from perfcheck._read.text.sums import Sums

#: A list opener that closes its line: the parts are on the lines below.
_OPENS_BELOW: Final = re.compile(r"(?:其中|具体为|具体包括|包括|分别为|明细如下)[：:]\s*$")
#: The most lines a list below may run over.
_MAX_LINES: Final = 12
#: A list opener that opens a sentence: 其中：A…
_OPENS_SENTENCE: Final = re.compile(r"\s*其中[：:，,]?")
#: The most sentences a 其中 list may run on past its own.
_MAX_RUN: Final = 4


class LinesBelow(Sums):
    """Recognise lists whose opener closes a line and whose parts are one a line below it."""

    def lists_below(self) -> None:
        """``…合计X。其中：`` then one part a line: an inferred sum of the lines' first figures."""
        listed = {id(f) for _, parts, _ in self.list_sums for f in parts}
        totals = {id(t) for t, _, _ in self.list_sums}
        for sentence in self.sentences:
            opener = _OPENS_BELOW.search(self.text, sentence.start, sentence.end)
            if opener is None:
                continue
            total = self._total_before(sentence, opener.start())
            if total is None or id(total) in totals or id(total) in listed:
                continue
            parts = self._first_of_lines(sentence, total)
            if len(parts) < 2 or any(id(p) in listed for p in parts):
                continue
            self.sum_of(total, parts, parts[-1].sentence, opener.start(), opener.end(), bracket=True)
            if self.list_sums and self.list_sums[-1][0] is total:
                totals.add(id(total))
                listed.update(id(p) for p in parts)

    def _total_before(self, sentence: Sentence, at: int) -> Fig | None:
        """The amount the list details: the last that can be a total, in the opener's sentence or before."""
        for index in (sentence.index, sentence.index - 1):
            figs = [
                f
                for f in self.by_sentence.get(index, [])
                if f.keep and f.kind == "amount" and f.mention.start < at and self.eligible(f)
            ]
            if figs:
                return figs[-1]
            if index == sentence.index and self.text[sentence.start : at].strip():
                return None  # words but no amount before the opener: it lists something else
        return None

    def _first_of_lines(self, opener: Sentence, total: Fig) -> list[Fig]:
        """The first figure of each line below the opener, while each opens with an amount in its unit."""
        parts: list[Fig] = []
        line = opener.line
        for sentence in self.sentences[opener.index + 1 : opener.index + 1 + _MAX_LINES * 3]:
            if sentence.line == line:
                continue  # the rest of a line whose part is taken: its details
            figs = [f for f in self.by_sentence.get(sentence.index, []) if f.keep]
            first = figs[0] if figs else None
            if (
                first is None
                or first.kind != "amount"
                or first.unit != total.unit
                or not self.eligible(first)
                or (first.period or self.year) != (total.period or self.year)
                or self.text[sentence.start : first.label_start].strip()
            ):
                break
            parts.append(first)
            line = sentence.line
            if len(parts) == _MAX_LINES:
                break
        return parts

    def lists_run_on(self) -> None:
        """A ``其中`` list whose parts run past the end of its sentence, up to where they add up.

        ``新增债券917亿。其中，市级拟使用297.9亿元，用于…。转贷区级使用债券资金619.1亿元，…``;
        ``…支出15905.91万元，…。`` then lines ``其中：A…7926.14万元，…。`` ``B…3961.06万元…。``
        ``C…4018.71万元。``: the first figure of each sentence after the list's (in its section,
        opening its sentence), while the parts stay below the total, until they add up to it as
        printed. Only a run that adds up is read, and as inferred: where it ends is the numbers'
        reading, not the text's.
        """
        listed = {id(f) for _, parts, _ in self.list_sums for f in parts}
        totals = {id(t) for t, _, _ in self.list_sums}
        for total, listed_parts, rel in list(self.list_sums):
            if rel.data.get("exhaustive", True) or rel not in self.relations:
                continue
            # 比2013年度决算数8750.27万元减少…: a figure compared with is of another year, no part
            parts = [p for p in listed_parts if (p.period or self.year) == (total.period or self.year)]
            if not parts or adds_up(total, parts):
                continue
            more = self._run_on(total, parts, listed_parts[-1].sentence.index + 1, listed)
            if more:
                self.relations.remove(rel)
                self.list_sums = [entry for entry in self.list_sums if entry[2] is not rel]
                self._read_run(total, [*parts, *more], rel.sentences[0])
        for sentence in self.sentences:
            opener = _OPENS_SENTENCE.match(self.text, sentence.start, sentence.end)
            figs = [f for f in self.by_sentence.get(sentence.index, []) if f.keep]
            if opener is None or not figs or id(figs[0]) in listed:
                continue
            before = self.sentences[sentence.index - 1] if sentence.index else None
            opened = self._total_before(before, sentence.start) if before is not None else None
            if opened is None or id(opened) in totals or not self._opens(figs[0], opener.end()):
                continue
            if figs[0].kind != "amount" or figs[0].unit != opened.unit or not self.eligible(figs[0]):
                continue
            more = self._run_on(opened, [figs[0]], sentence.index + 1, listed)
            if more:
                self._read_run(opened, [figs[0], *more], sentence)
                totals.add(id(opened))

    def _read_run(self, total: Fig, parts: list[Fig], sentence: Sentence) -> None:
        """The run's sum, inferred, its opener the 其中 of ``sentence``."""
        opener = re.search(r"其中[：:，,]?", self.text[sentence.start : sentence.end])
        at = sentence.start + (opener.start() if opener else 0)
        end = sentence.start + (opener.end() if opener else 0)
        self.sum_of(total, parts, parts[-1].sentence, at, end, bracket=True)

    def _run_on(self, total: Fig, parts: list[Fig], start: int, listed: set[int]) -> list[Fig]:
        """The first figures of the sentences from ``start`` that make ``parts`` add up to ``total``."""
        more: list[Fig] = []
        limit = total.mention.number * factor(total.unit)
        reached = False
        for sentence in self.sentences[start : start + _MAX_RUN]:
            if sentence.section != parts[0].sentence.section:
                break
            figs = [f for f in self.by_sentence.get(sentence.index, []) if f.keep]
            if not figs:
                continue
            first = figs[0]
            if first.kind == "amount" and not self.eligible(first) and not reached:
                continue  # 较2013年度决算数减少X，降低Y%: the part before's change, a sentence of its own
            if (
                first.kind != "amount"
                or first.unit != total.unit
                or id(first) in listed
                or not self.eligible(first)
                or not self._opens(first, sentence.start)
                or (reached and first.mention.number != 0)
            ):
                break
            more.append(first)  # once the parts reach the total, parts of 0 printed after are parts too
            run = [*parts, *more]
            reached = adds_up(total, run)
            if not reached and sum(p.mention.number * factor(p.unit) for p in run) > limit:
                break
        while more and not adds_up(total, [*parts, *more]):
            more.pop()
        return more

    def _opens(self, fig: Fig, start: int) -> bool:
        """Whether ``fig`` opens its sentence from ``start``: only its name (and a year) before it."""
        words = self.text[start : fig.mention.start]
        return not re.search(r"[，,。；;：:]|(?<![0-9])[0-9]{1,3}(?![0-9年])", words)
