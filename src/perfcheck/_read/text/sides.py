"""The recogniser of the two sides of a statement: income and spending totals that balance.

Three phrasings, each read as the report means it:

- **one figure printed for both sides** (``收、支总计均为1523.26万元``, ``收入、支出总计各X万元``,
  ``收支总预算X元``): the figure is the income total and the spending total at once, so
  it is ``equal`` to each side's total printed after it in the text (``收入预算X元`` …
  ``支出预算X元``), one relation of the three; the sides are found by name, so it is
  inferred;
- **income and spending totals printed apart** (``收入预算总额为658.66万元`` … ``支出预算总额为
  658.66万元``, or a department's ``收入预算X`` … ``支出预算X`` with nothing before either but
  本年, 部门 and the like): a department's statement balances, so the two totals of one year, one
  scope and one kind of budget, printed in one section, are ``equal``; the names are
  matched and a 总额 may leave out what is carried over, so the equality is inferred
  (the same 总计 printed twice in one section is :meth:`.Equalities.balanced_totals`'s);
- **收入总量 and 支出总量** of a government budget: ``收支总量相抵，赤字X`` is a ``balance``
  (收入总量 + 赤字 = 支出总量), as stated; with no 赤字 (结余, 差额) printed in their
  paragraph the two 总量 are ``equal``, inferred (a budget's 支出总量 counts what is
  carried over, so the two sides meet).

No relation here ties two years or two scopes.
"""

from __future__ import annotations

import re
from typing import Final

from perfcheck._read.text import patterns
from perfcheck._read.text.base import Fig, State, unique

#: A label naming both sides' total: 收、支总计均为, 收入、支出总计各, 收支总预算.
_BOTH: Final = re.compile(
    r"^(?P<lead>.*?)收(?:入)?[、，,和及与]?支(?:出)?"
    r"(?P<total>(?:决算|预算)?(?:总计|合计|总额)|总(?:预算|决算)(?:数|额)?)"
    r"(?:均为|各为|均是|均|各|为|是)?$"
)
#: A side's total: the words after 收入 or 支出 (预算总额, 总计, 决算总计, 总预算, 总量).
_SIDE_TOTAL: Final = re.compile(r"(?:收入|支出)(?P<tail>(?:决算|预算)?(?:总计|总额|总量)|总(?:预算|决算))$")
#: A figure naming one side's total, or the side alone (收入预算, 支出, 本年收入合计).
_SIDE: Final = re.compile(
    r"^(?P<lead>.*?)(?:收入|支出)(?:(?:决算|预算)?(?:总计|合计|总额)?|总(?:预算|决算))$"
)
#: A department's income or spending budget named by its side alone: 收入预算, 本年支出预算.
_PLAIN_BUDGET: Final = re.compile(r"^(?P<lead>.*?)(?:收入|支出)预算$")
#: What may stand before a side's name when it is that side's total, not a kind of income.
_PLAIN_LEADS: Final = frozenset({"", "本年", "全年", "年度", "本年度", "部门", "单位", "总"})
#: A statement that the totals do not meet: a deficit or a surplus printed between them.
_GAP: Final = re.compile(r"赤字|结余|差额|缺口")
#: 收支总量相抵，赤字X: the gap of the two 总量.
_OFFSET: Final = re.compile(r"相抵")
#: Words a side's name loses to compare it with another print of that side's total.
_CORE_WORDS: Final = re.compile(r"总计|合计|总额|总数|总|决算数|预算数|决算|预算|数")


def side_core(label: str) -> str:
    """A side total's name without its total and role words: 收入 of 收入总预算, 收入预算, 收入总计.

    >>> side_core("收入总预算"), side_core("2024年收入预算"), side_core("支出决算总计")
    ('收入', '收入', '支出')
    """
    at = max(label.rfind("收入"), label.rfind("支出"))
    return _CORE_WORDS.sub("", label[at:] if at >= 0 else label)


class Sides(State):
    """Recognise the two sides of a statement: one print for both totals, totals that balance."""

    def both_sides(self) -> None:
        """``收、支总计均为X``: the figure is named by the words that name both totals (收、支总计).

        Run right after the figures are read, so every later recogniser sees that name.
        """
        for fig in self.figs:
            match = _BOTH.match(fig.label)
            if match is not None and fig.kind == "amount" and not patterns.CHANGE_LABEL.search(fig.label):
                fig.label = fig.label[: match.end("total")]

    def side_totals(self) -> None:
        """Equalities of the income and spending totals; 收支总量相抵，赤字X as a balance."""
        amounts = [f for f in self.figs if f.keep and f.kind == "amount" and not f.mention.qualifier]
        for fig in amounts:
            if _BOTH.match(fig.label) and not patterns.CHANGE_LABEL.search(fig.label):
                self.sides_printed_again(fig, amounts)
        for a in amounts:
            side = _SIDE_TOTAL.search(a.label)
            if side is not None and side.group().startswith("收入") and not _BOTH.match(a.label):
                self.balanced_sides(a, side.group("tail"), amounts)
            elif (plain := _PLAIN_BUDGET.match(a.label)) is not None and plain.group("lead") in _PLAIN_LEADS:
                # 本部门收入预算9167千元，…；支出预算9167千元: a department's budget, said without 总额
                self.balanced_sides(a, "预算", [b for b in amounts if _plain_budget_side(b.label)])

    def sides_printed_again(self, fig: Fig, amounts: list[Fig]) -> None:
        """Each side's total printed after a figure printed for both: one ``equal`` of the three.

        Each side is the first figure after it named by that side (收入, 收入预算, 支出总计,
        nothing before it but 本年, 全年, 部门…) of the same year and scope.
        """
        found: list[Fig] = []
        for side in ("收入", "支出"):
            for other in amounts:
                if other.mention.start <= fig.mention.start:
                    continue
                named = _SIDE.search(other.label)
                if named is None or named.group("lead") not in _PLAIN_LEADS or side_core(other.label) != side:
                    continue
                if self.same_time_and_scope(fig, other) and not self.tied(fig, other):
                    found.append(other)
                break
        if found:
            why = f"{fig.label}: one figure for both sides' totals, each printed again"
            sentences = unique([fig.sentence, *(f.sentence for f in found)])
            data = {"kind": "equal", "figures": [], "label": why}
            self.add("sides", data, sentences, [fig, *found], inferred=True)

    def balanced_sides(self, a: Fig, tail: str, amounts: list[Fig]) -> None:
        """The spending total after income total ``a`` with the same words after its side: they balance.

        The two are in one section, of one year and scope, and name no two kinds of budget
        (一般公共预算收入总额 is never balanced by 政府性基金支出总额).
        """
        lead_a = a.label[: a.label.rfind("收入")]
        for b in amounts:
            if b.mention.start <= a.mention.start or not b.label.endswith("支出" + tail):
                continue
            lead_b = b.label[: b.label.rfind("支出")]
            kinds = {m.group() for m in patterns.BUDGET_KINDS.finditer(lead_a)}
            if kinds != {m.group() for m in patterns.BUDGET_KINDS.finditer(lead_b)}:
                return
            if a.sentence.section != b.sentence.section or not self.same_time_and_scope(a, b):
                return
            if tail == "总量":
                self.government_totals(a, b)
            elif not self.tied(a, b):
                why = f"{a.label} = {b.label}: the income and spending totals of a statement balance"
                data = {"kind": "equal", "figures": [], "label": why}
                self.add("sides", data, unique([a.sentence, b.sentence]), [a, b], inferred=True)
            return

    def government_totals(self, income: Fig, spending: Fig) -> None:
        """收入总量 and 支出总量: 相抵，赤字X after them is a balance; with no gap printed they are equal."""
        line_end = self.text.find("\n", spending.mention.end)
        line_end = len(self.text) if line_end < 0 else line_end
        start = self.text.rfind("\n", 0, income.mention.start) + 1
        gap = next(
            (
                f
                for f in self.figs
                if f.keep
                and f.kind == "amount"
                and spending.mention.end <= f.mention.start < line_end
                and _GAP.search(f.label)
            ),
            None,
        )
        if gap is not None:
            before = self.text[spending.mention.end : gap.mention.start]
            if "赤字" in gap.label and _OFFSET.search(before) and self.same_time_and_scope(income, gap):
                data = {
                    "kind": "balance",
                    "inflows": [],
                    "outflows": [],
                    "label": f"{income.label} + {gap.label} = {spending.label}",
                }
                self.add(
                    "deficit",
                    data,
                    unique([income.sentence, spending.sentence, gap.sentence]),
                    [income, gap, spending],
                )
            return
        if _GAP.search(self.text, start, line_end) or self.tied(income, spending):
            return
        why = f"{income.label} = {spending.label}: the two sides of a budget meet"
        self.add(
            "sides",
            {"kind": "equal", "figures": [], "label": why},
            unique([income.sentence, spending.sentence]),
            [income, spending],
            inferred=True,
        )

    def same_time_and_scope(self, a: Fig, b: Fig) -> bool:
        """Whether two figures are of one year (as printed, else the report's) and one scope."""
        return (a.period or self.year) == (b.period or self.year) and not self.other_scopes(a, b)

    def tied(self, a: Fig, b: Fig) -> bool:
        """Whether an equality or a sum already holds both figures."""
        return any(
            r.data["kind"] in {"equal", "balance"}
            and any(f is a for f in r.figures)
            and any(f is b for f in r.figures)
            for r in self.relations
        )


def _plain_budget_side(label: str) -> bool:
    """Whether a label names a side's budget with nothing before it but a plain lead (支出预算)."""
    plain = _PLAIN_BUDGET.match(label)
    return plain is not None and plain.group("lead") in _PLAIN_LEADS
