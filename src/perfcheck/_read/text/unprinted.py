"""A rate of execution whose budget is printed nowhere: ``收入147.1亿元，完成年度预算的100.2%``.

Reports on a budget's execution print an amount and, right after it, the share of its
budget it reached (完成年度预算的X%, 为年初预算的X%, 完成调整预算的X%, 完成全年预算收入的X%),
without printing the budget. The text states the relation, but one of its three figures
is missing: it is a ``ratio`` with no denominator, the target implied, as ``完成全年任务的X%``
is read. Nothing can be checked of it (the rules judge a ratio against a printed base, and
a count's against a whole-number target); it is counted among the relations that cannot
be checked, and its figures are in a relation rather than listed as unread.

It is read only where no budget of the rate's unit is printed in its section (a budget
printed and not bound is left alone, never bound here), and only for the amount printed
right before the rate, nothing but a comma between them, that is no budget itself.
"""

from __future__ import annotations

import re
from typing import Final

from perfcheck._read.text import patterns
from perfcheck._read.text.base import Fig, State

#: A rate named by the budget it reached, whatever the words for that budget.
_OF_BUDGET: Final = re.compile(
    r"^(?:完成|为|达到|占)(?:本?年度|年初|全年|调整后?)?预算(?:数|收入|支出)?(?:的)?$"
)
#: What may stand between the amount and its rate: a comma.
_COMMA: Final = re.compile(r"\s*[，,]\s*")


class UnprintedBases(State):
    """Recognise rates of execution against a budget the text never prints."""

    def rates_of_unprinted_budgets(self) -> None:
        """``A X万元，完成年度预算的Y%`` with no budget printed: a ratio of X with no denominator."""
        used = {id(f) for r in self.relations for f in r.figures}
        for fig in self.figs:
            if not fig.keep or not fig.is_percent or id(fig) in used or not _OF_BUDGET.match(fig.label):
                continue
            figs = [f for f in self.by_sentence.get(fig.sentence.index, []) if f.keep]
            before = [f for f in figs if f.mention.start < fig.mention.start]
            if not before:
                continue
            actual = before[-1]
            if (
                actual.kind != "amount"
                or not self.eligible(actual)
                or patterns.BUDGET_ROLE.search(actual.label)
                or _COMMA.fullmatch(self.text, actual.mention.phrase_end, fig.label_start) is None
                or self.budget_printed(fig, actual.unit)
            ):
                continue
            fig.concept = "completion_rate"
            data = {"kind": "ratio", "numerator": "", "stated": "", "label": f"{actual.label} ÷ {fig.label}"}
            self.add("ratio", data, [fig.sentence], [actual, fig])
            used.update({id(actual), id(fig)})

    def budget_printed(self, rate: Fig, unit: str | None) -> bool:
        """Whether an amount of ``unit`` named as a budget is printed in the rate's section."""
        section = rate.sentence.section
        return any(
            f.keep
            and f.kind == "amount"
            and f.unit == unit
            and f.sentence.section == section
            and patterns.BUDGET_ROLE.search(f.label)
            for f in self.figs
        )
