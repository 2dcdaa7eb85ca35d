"""Last year's and this year's value printed side by side, then the rate: ``A上年X元，本年Y元，增长R%``.

``（1）普通小学上年10321.31元，本年10359.52元，同口径比上年增长0.37%``: the two values of one
quantity, each named by its year alone (上年, 去年 ending the first figure's words; 本年, 今年
the second's), and a rate named by a direction word right after them, are one change: the
second against the first. The clause says so in so many words, so the change is stated; a
rate said to be on a comparable basis (同口径, 可比口径) may have been computed over figures
adjusted from the ones printed, so it is inferred (a break is for a person to check).
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any, Final

from perfcheck._read.text import patterns
from perfcheck._read.text.base import Fig, State

#: The first value's words end with its year: 普通小学上年, 去年.
_LAST: Final = re.compile(r"(?:上年|去年|上一年|上年度)(?:为|是)?$")
#: The second value's words are its year alone: 本年, 今年为.
_THIS: Final = re.compile(r"^(?:本年|今年|本年度|当年)(?:为|是)?$")
#: A rate computed on a basis the page does not print.
_ADJUSTED: Final = re.compile(r"同口径|可比口径|可比")


class YearLevels(State):
    """Recognise a change over last year's and this year's values printed side by side."""

    def bare_year_levels(self) -> None:
        """``幼儿园上年2709.16，本年2845.20元``: a bare number beside its other year's value takes its unit.

        The two are one quantity in two years, each named by its year alone (上年 ending the
        first one's words, 本年 the second's), a comma between: the page dropped the unit of
        one of them, and it is the other's (either way round).
        """
        for sentence in self.sentences:
            figs = self.by_sentence.get(sentence.index, [])
            for last, this in pairwise(figs):
                if {last.kind, this.kind} != {"bare", "amount"} or not _LAST.search(last.label):
                    continue
                if not _THIS.match(this.label) or self.text[last.text_end : this.label_start].strip(
                    " \u3000"
                ) not in {"，", ","}:
                    continue
                bare, unit = (last, this.unit) if last.kind == "bare" else (this, last.unit)
                if bare.mention.qualifier is not None or unit is None:
                    continue
                bare.kind, bare.unit, bare.text_end = "amount", unit, bare.mention.end

    def year_levels(self) -> None:
        for sentence in self.sentences:
            figs = [f for f in self.by_sentence.get(sentence.index, []) if f.keep]
            for last, this, rate in zip(figs, figs[1:], figs[2:], strict=False):
                if not self.side_by_side(last, this, rate):
                    continue
                words = patterns.DIRECTION.findall(rate.label)
                # the rate's own change, bound to this year's value alone before: this one replaces it
                self.relations = [
                    r for r in self.relations if not (r.data["kind"] == "change" and rate in r.figures)
                ]
                data: dict[str, Any] = {
                    "kind": "change",
                    "current": "",
                    "direction": "increase" if words[-1] in patterns.INCREASE else "decrease",
                    "prior": "",
                    "percent": "",
                    "label": f"{_LAST.sub('', last.label)} {this.label}{rate.label}",
                }
                inferred = bool(_ADJUSTED.search(rate.label))
                self.add("change", data, [sentence], [this, last, rate], inferred=inferred)

    def side_by_side(self, last: Fig, this: Fig, rate: Fig) -> bool:
        """Whether three figures in a row are last year's value, this year's, and the change's rate."""
        return (
            last.kind == this.kind == "amount"
            and last.unit == this.unit
            and not last.is_percent
            and not this.is_percent
            and rate.is_percent
            and bool(_LAST.search(last.label))
            and bool(_THIS.match(this.label))
            and bool(patterns.DIRECTION.search(rate.label))
            and self.text[last.text_end : this.label_start].strip(" \u3000") in {"，", ","}
            and self.text[this.text_end : rate.label_start].strip(" \u3000") in {"，", ","}
        )
