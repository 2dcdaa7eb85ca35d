"""A completion rate and a change against the same budget, the budget printed nowhere.

``支出9615.12万元，完成年初预算71.21%，比年初预算减少3887.49万元``: the budget is not
printed, but the change says what it is: the amount plus what it fell
short of the budget by (``比年初预算减少G``, 节约, 少), or less what it went over by (增加, 超支,
多). The rate is then the amount over that budget: ``R == A / (A + G) × 100`` (or ``A − G``),
a ``formula`` of the three printed figures, as ``决算数小于预算数G`` is read
(:meth:`~perfcheck._read.text.comparisons.Comparisons.budget_gaps`).

The three are consecutive figures of one sentence, the amount first, the rate and the
change in either order, nothing but a comma between them. The rate's words and the
change's name their budget (完成年初预算, 比年初预算): the same budget, and the relation is
stated; one of them plain 预算 and the other 年初预算 (全年预算, 调整预算), and which budget the
plain word means is the reader's guess, so it is inferred; two different budgets (完成调整
预算, 比年初预算) give nothing. The amount is no budget itself and no change.
"""

from __future__ import annotations

import re
from typing import Final

from perfcheck._read.text import patterns
from perfcheck._read.text.base import Fig, State

#: A rate named by the budget it reached: 完成年初预算, 为预算的, 完成全年预算收入的.
_RATE: Final = re.compile(r"^(?:完成|为|达到)((?:本?年度|年初|全年|调整后?)?预算)(?:数|收入|支出)?(?:的)?$")
#: A change named by that budget: 比年初预算减少, 较预算数节约, 比全年预算增加.
_GAP: Final = re.compile(
    r"^(?:较|比)((?:本?年度|年初|全年|调整后?)?预算)(?:数|收入|支出)?(减少|节约|节省|少|下降|增加|超支|多|增长)了?$"
)
_UNDER: Final = frozenset({"减少", "节约", "节省", "少", "下降"})
#: What may stand between two of the three figures: a comma.
_COMMA: Final = re.compile(r"\s*[，,]\s*")


def _budget(words: str) -> str:
    """A budget's name without the year's words (本年度预算 and 预算 are one)."""
    return re.sub(r"^本?年度", "", words)


class RateGaps(State):
    """Recognise a completion rate and a change against one budget, the budget printed nowhere."""

    def rate_gaps(self) -> set[int]:
        """Each ``A，完成年初预算R%，比年初预算减少G``: ``R == A / (A + G) × 100``. Returns the rates read."""
        done: set[int] = set()
        for sentence in self.sentences:
            figs = [f for f in self.by_sentence.get(sentence.index, []) if f.keep]
            for actual, first, second in zip(figs, figs[1:], figs[2:], strict=False):
                rate, gap = (first, second) if first.is_percent else (second, first)
                said_rate, said_gap = _RATE.match(rate.label), _GAP.match(gap.label)
                if not rate.is_percent or said_rate is None or said_gap is None or id(rate) in done:
                    continue
                if not self.read_together(actual, first, second):
                    continue
                own, other = _budget(said_rate.group(1)), _budget(said_gap.group(1))
                if own != other and "预算" not in {own, other}:
                    continue  # 完成调整预算…，比年初预算减少…: two budgets
                under = said_gap.group(2) in _UNDER
                data = {
                    "kind": "formula",
                    "expr": "",
                    "label": f"{rate.label}: {actual.label} ÷ ({gap.label}{gap.mention.text})",
                    "_expr": "{2} == {0} / ({0} + {1}) * 100" if under else "{2} == {0} / ({0} - {1}) * 100",
                }
                self.add("rate_gap", data, [sentence], [actual, gap, rate], inferred=own != other)
                rate.concept = "completion_rate"
                done.add(id(rate))
        return done

    def read_together(self, actual: Fig, first: Fig, second: Fig) -> bool:
        """Whether the amount, the rate and the change follow one another, a comma between each."""
        gap = second if first.is_percent else first
        return (
            actual.kind == "amount"
            and gap.kind == "amount"
            and actual.unit == gap.unit
            and self.eligible(actual)
            and id(actual) not in {id(p) for _, parts, _ in self.list_sums for p in parts}
            and not patterns.BUDGET_ROLE.search(actual.label)
            and _COMMA.fullmatch(self.text, actual.mention.phrase_end, first.label_start) is not None
            and _COMMA.fullmatch(self.text, first.mention.phrase_end, second.label_start) is not None
        )
