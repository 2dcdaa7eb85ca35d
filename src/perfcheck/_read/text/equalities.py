"""The recogniser of equalities: one quantity printed twice, totals whose lists name the same parts."""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal
from typing import Final

from perfcheck._read.text import patterns
from perfcheck._read.text.base import (
    LAST_YEAR,
    SCOPE,
    Fig,
    State,
    common,
    factor,
    label_core,
    role_of,
    unique,
)

#: Words around a name that say how it was printed, not what it is: a note in brackets, 安排
#: (安排项目支出), a trailing 累计完成 / 完成 / 实现 (一般公共预算收入累计完成).
_NOTE: Final = re.compile(r"[（(][^）)]*[）)]")
_ASIDE: Final = re.compile(r"^(?:安排|共)|(?:累计)?(?:完成|实现)$")
#: The fewest characters a name so stripped must keep to pair two figures.
_BARE_FEWEST: Final = 4

#: The carry-overs a statement's 总计 hold beside this year's income and spending.
_CARRIED: Final = frozenset({"carryover_in", "carryover_out"})


class Equalities(State):
    """Recognise equalities: one quantity printed twice, totals whose lists name the same parts."""

    def equals(self) -> None:
        paired: set[frozenset[int]] = set()
        sums = self.list_sums
        for i, (total_a, parts_a, rel_a) in enumerate(sums):
            for total_b, parts_b, rel_b in sums[i + 1 :]:
                labels = [p.label for p in parts_a]
                # a name that comes back (节约资金 of each category) pairs nothing for certain
                same_parts = labels == [p.label for p in parts_b] and len(set(labels)) == len(labels) > 1
                if not same_parts or total_a.sentence.section == total_b.sentence.section:
                    continue
                if total_a.kind != total_b.kind or self.other_scopes(total_a, total_b):
                    continue  # 全市 and 市本级 list the same kinds of income: two quantities
                if self.other_periods(total_a, total_b):
                    continue  # 收入预算 and 收入决算, 本年收入 and 上年收入 list the same kinds: two things
                # the same breakdown of two wholes (全市 and 市本级 收入, each 税收/非税) is no
                # sign they are one: some figure of the two lists must be printed alike
                pairs = [(total_a, total_b), *zip(parts_a, parts_b, strict=True)]
                if not any(
                    a.mention.number * factor(a.unit) == b.mention.number * factor(b.unit) for a, b in pairs
                ):
                    continue
                # a list bound to its total by a guess (…结转下年使用68万元；其中：\n1.A 498万元…) says
                # nothing for certain of that total: the equality is the reader's too
                guessed = any(r.data.get("basis") == "inferred" for r in (rel_a, rel_b))
                self.equal(
                    [total_a, total_b], paired, why="two totals listed with the same parts", inferred=guessed
                )
                for a, b in zip(parts_a, parts_b, strict=True):
                    self.equal([a, b], paired, why="the same part of two totals listed with the same parts")
        self.balanced_totals(paired)
        self.same_figures(paired)

    def other_periods(self, a: Fig, b: Fig) -> bool:
        """Whether two figures are of different roles or years: a budget and its final account, two years.

        Each is said by its words: two roles (预算, 决算, 调整预算), one label opening with 上年
        and the other not, or two years printed before them.
        """
        roles = role_of(a.label), role_of(b.label)
        if None not in roles and roles[0] != roles[1]:
            return True
        if bool(LAST_YEAR.search(a.label)) != bool(LAST_YEAR.search(b.label)):
            return True
        years = self.period_of(a), self.period_of(b)
        return None not in years and years[0] != years[1]

    def same_figures(self, paired: set[frozenset[int]]) -> None:
        """One quantity printed in several sections (see :meth:`same_quantity`)."""
        groups: dict[tuple[str, Decimal, str | None], list[Fig]] = defaultdict(list)
        for fig in self.figs:
            # 较上年增加 in two sections is two changes, never one quantity
            if (
                fig.keep
                and len(fig.label) >= 2
                and fig.kind != "bare"
                and not patterns.CHANGE_LABEL.search(fig.label)
            ):
                groups[fig.kind, fig.mention.number * factor(fig.unit), fig.mention.qualifier].append(fig)
        for figs in groups.values():
            for component in self.same_quantity(figs):
                if len({f.sentence.section for f in component}) > 1:
                    exact = len({f.label for f in component}) == 1
                    why = "the same label and value are printed in two sections"
                    if not exact:
                        why = "the same value is printed in two sections under labels with one core"
                    self.equal(component, paired, why=why)

    def balanced_totals(self, paired: set[frozenset[int]]) -> None:
        """``收入总计2856.43万元，支出总计2856.43万元``: the two sides of a statement balance.

        The two must be of one year (2023年收入总计 is never balanced by 2022年支出总计), and
        neither a change (收入总计减少X and 支出总计减少Y are two changes, which need not match).
        收入总量 and 支出总量 of a government budget are not: their difference is its deficit.
        The equality is the statement form's, not said by the text: it is stated only when a
        carry-over (年初结转, 年末结转和结余) is listed as a part of either total, as a
        statement's totals hold them; else a page may call this year's income and spending
        总计 (and print its carry-over elsewhere), and the equality is inferred.
        """
        for a in self.figs:
            if a.kind != "amount" or "总计" not in a.label or "收入" not in a.label or not self.eligible(a):
                continue  # 收入总计减少15.65万元 is by how much the total changed: no side of a statement
            other = a.label.replace("收入", "支出")
            year = self.year_of(a)
            later = [
                f
                for f in self.figs
                if f.mention.start > a.mention.start and f.kind == "amount" and self.year_of(f) == year
            ]
            b = next(
                (f for f in later if f.sentence.section == a.sentence.section and f.label == other), None
            )
            if b is not None and not self.other_scopes(a, b):
                # the form's identity, not the text's words: a page may print this year's income
                # and spending as its 总计 (267.07 and 213), carry-overs left out; a carry-over
                # listed as a part of either shows the totals are the statement's, which balance
                carried = any(
                    (t is a or t is b) and any(p.concept in _CARRIED for p in parts)
                    for t, parts, rel in self.list_sums
                    if rel in self.relations
                )
                self.equal(
                    [a, b],
                    paired,
                    why="the income and spending totals of a statement balance",
                    inferred=not carried,
                )

    def same_quantity(self, figs: list[Fig]) -> list[list[Fig]]:
        """Figures of one value that name one quantity, grouped (in order of the text).

        Two figures in different sections are one quantity when their labels are the
        same; or the same once a trailing 总计/合计/数 and a 预算/决算 role are taken off
        (收入预算总计 and 收入预算; 基本支出 and 基本支出预算), roles not contradicting;
        or when the shorter core is the end of the longer one and the rest of the
        longer is printed just before the shorter figure (一般公共预算财政拨款支出 ...
        年初预算为…，支出决算为2228.24万元). Zero is never matched by the looser rules.
        """
        parent = list(range(len(figs)))

        def root(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for i, a in enumerate(figs):
            for j in range(i + 1, len(figs)):
                b = figs[j]
                if a.sentence.section != b.sentence.section and self.one_quantity(a, b):
                    parent[root(j)] = root(i)
        groups: dict[int, list[Fig]] = defaultdict(list)
        for i, fig in enumerate(figs):
            groups[root(i)].append(fig)
        return [g for g in groups.values() if len(g) > 1]

    def one_quantity(self, a: Fig, b: Fig) -> bool:
        if a.label == b.label or self.other_scopes(a, b):
            return not self.other_scopes(a, b)
        if a.mention.number == 0:
            return False
        (core_a, role_a), (core_b, role_b) = label_core(a.label), label_core(b.label)
        if role_a and role_b and role_a != role_b:
            return False
        bare = _bare(a.label)
        if core_a == core_b or (bare == _bare(b.label) and len(bare) >= _BARE_FEWEST):
            # 一般公共预算收入完成 and 全县…收入累计完成; 安排项目支出 and 项目支出（专项）: one name
            return core_a != core_b or len(core_a) >= 2
        long, short = (a, b) if len(core_a) > len(core_b) else (b, a)
        core_long, core_short = label_core(long.label)[0], label_core(short.label)[0]
        if len(core_short) < 2 or not core_long.endswith(core_short):
            return False
        rest = core_long[: -len(core_short)]
        context = self.text[short.sentence.start : short.label_start]
        return common(rest, context) >= max(3, (len(rest) + 1) // 2)

    def equal(
        self, figs: list[Fig], paired: set[frozenset[int]], *, why: str, inferred: bool = False
    ) -> None:
        key = frozenset(id(f) for f in figs)
        if key in paired or any(
            frozenset({id(a), id(b)}) in paired for a in figs for b in figs if a is not b
        ):
            return
        paired.add(key)
        for a in figs:
            for b in figs:
                if a is not b:
                    paired.add(frozenset({id(a), id(b)}))
        sections = " / ".join(dict.fromkeys(f.sentence.section or "" for f in figs))
        data = {"kind": "equal", "figures": [], "label": f"{figs[0].label}: {why} ({sections})"}
        self.add("same", data, unique([f.sentence for f in figs]), figs, inferred=inferred)


def _bare(label: str) -> str:
    """A name without a note in brackets, a scope word, 安排 before it or 累计完成 after it.

    >>> _bare("全县一般公共预算收入累计完成"), _bare("安排项目支出(专项工作经费支出)")
    ('一般公共预算收入', '项目支出')
    """
    name = SCOPE.sub("", _NOTE.sub("", label))
    return _ASIDE.sub("", name)
