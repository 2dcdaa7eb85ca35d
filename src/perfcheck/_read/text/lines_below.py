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

from perfcheck._read.text.base import Fig
from perfcheck._read.text.sentences import Sentence
from perfcheck._read.text.sums import Sums

#: A list opener that closes its line: the parts are on the lines below.
_OPENS_BELOW: Final = re.compile(r"(?:其中|具体为|具体包括|包括|分别为|明细如下)[：:]\s*$")
#: The most lines a list below may run over.
_MAX_LINES: Final = 12


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
