"""Average yearly growth between two years: ``从2015年的2007万元上升到2020年的2468万元，年均增长4.22%``.

The rate is the compound one: the later value is the earlier one grown by the rate once a
year, ``later == earlier × (1 + r/100)^n`` with n the years between them (``年均下降``:
``1 − r/100``). Both values must be printed in the rate's clause, each after its own year,
in one unit. Some reports average the yearly rates instead of compounding them, and the
formula is the reader's reading of 年均, so the relation is inferred: a break is for a
person to check (PC903), never an error. It ties figures of two years, as a change does.
"""

from __future__ import annotations

import re
from typing import Final

from perfcheck._read.text import patterns
from perfcheck._read.text.base import Fig, State

#: The most years an average is taken over: longer spans are not read.
_MAX_YEARS: Final = 30


class Growth(State):
    """Recognise an average yearly growth rate between two values printed with their years."""

    def average_growth(self) -> None:
        """``A从2015年的X上升到2020年的Y，年均增长R%``: Y == X × (1 + R/100)^(2020 − 2015), inferred."""
        for rate in self.figs:
            said = patterns.AVERAGE_RATE.search(rate.label)
            if not rate.keep or not rate.is_percent or said is None:
                continue
            clause = max(self.text.rfind(c, rate.sentence.start, rate.mention.start) for c in "；;。")
            floor = max(clause + 1, rate.sentence.start)
            amounts = [
                f
                for f in self.by_sentence.get(rate.sentence.index, [])
                if f.keep and f.kind == "amount" and floor <= f.mention.start < rate.mention.start
            ]
            if len(amounts) != 2 or amounts[0].unit != amounts[1].unit:
                continue
            years = [self.year_printed(f, floor) for f in amounts]
            if years[0] is None or years[1] is None:
                continue
            span = int(years[1]) - int(years[0])
            if not 0 < span <= _MAX_YEARS:
                continue
            # 一般公共预算收入从2015年的2007万元…: a value named by 的 alone is the subject's, of its year
            subject = self._subject(floor, amounts[0])
            for fig, year in zip(amounts, years, strict=True):
                if len(fig.label.strip("的 ")) < 2 and subject:
                    fig.label = f"{year}年{subject}"
            falling = "降" in said.group() or "减" in said.group()
            self._compound(amounts[0], amounts[1], rate, span, falling=falling)

    def _subject(self, floor: int, first: Fig) -> str:
        """What grew: the words of the clause before 从 (or before the first year)."""
        words = self.text[floor : first.mention.start]
        cut = re.search(r"从|由|自|(?:19|20)[0-9]{2}年", words)
        words = words[: cut.start()] if cut else ""
        return re.sub(r"^.*[，,：:]|^[“”\"]*十[一二三四五六七八九]五[“”\"]*(?:以来|期间)", "", words).strip()

    def _compound(self, earlier: Fig, later: Fig, rate: Fig, span: int, *, falling: bool) -> None:
        sign = "-" if falling else "+"
        growth = " * ".join([f"(1 {sign} {{2}} / 100)"] * span)
        data = {
            "kind": "formula",
            "expr": "",
            "label": f"{later.label} = {earlier.label} × (1 {sign} {rate.label})^{span}",
            "_expr": f"{{1}} == {{0}} * {growth}",
            "_across_periods": True,
        }
        self.add("growth", data, [rate.sentence], [earlier, later, rate], inferred=True)
