"""Income and spending set off against each other: ``收支相抵，年终结余X`` and ``收支相抵，…收支平衡``.

A budget's account prints its income total (``收入合计``, ``收入总计``), its spending total
(``支出合计``, ``支出总计``), then sets them off: ``（上述）收支相抵，年终结余X`` (结转, 结余结转, 净结余),
``…赤字X``, or ``…收支平衡`` with no amount. The surplus is the income less the spending (a
``balance``: income = spending + surplus), a deficit the spending less the income (income +
deficit = spending), and with the sides said to balance the two totals are ``equal``.

The totals are the last figures named so before the words, in their section, after the
last such offset (each block of an account sets off its own totals), of one unit, year and
scope with the surplus. Which totals the words mean is the reader's choice, so the relation
is inferred: broken, it is a warning to check by hand. ``收支总量相抵，赤字X`` is read with the
two 总量 (:mod:`.sides`); a block printing no totals (``国有资本经营收入…，上年结余…，…支出…。上述收支
相抵，年终结余X``) gives nothing, as which figures are its sides is not said.

A fund's income and its spending printed one after the other under one name
(``一般公共预算财政拨款收入X万元，一般公共预算财政拨款支出Y万元``; ``收入总计X。…支出Y``) are set off
without the words (:meth:`Offsets.paired_funds`): a surplus named just after them (``当年结余Z``)
is what they leave (a ``balance``); with none, a budget's income and spending balance (``equal``)
when they are a department's appropriation or a statement's totals, and the page is no final
account. Both are the form's identities, not the text's words: inferred.
"""

from __future__ import annotations

import re
from typing import Any, Final

from perfcheck._read.text.base import Fig, State, unique

#: The offset: 收支相抵 (上述收支相抵, 以上收支相抵), not 收支总量相抵.
_OFFSET: Final = re.compile(r"收支相抵")
_INCOME: Final = re.compile(r"收入(?:总计|合计)$")
_SPENDING: Final = re.compile(r"支出(?:总计|合计)$")
#: What the offset leaves: a surplus, carried over or not, or a deficit.
_LEFT: Final = re.compile(r"结余|结转|赤字")
#: The sides said to meet: 收支平衡, 实现收支平衡.
_MET: Final = re.compile(r"收支(?:基本)?平衡")
#: A total's ending, taken off a fund's income and spending to compare their names.
_TOTAL_END: Final = re.compile(r"(?:总计|合计|总数|总额)$")
#: A surplus the two leave, this year's (当年结余, 年终结余), not one brought in (上年结转, 历年结余).
_SURPLUS: Final = re.compile(r"^(?!.*(?:上年|历年|以前年度))(?:.*(?:当年|年终|年末|本年))?.*结余$")
#: A carry-over brought in from the year before: 上年结转收入, 上年结余.
_CARRIED_IN: Final = re.compile(r"上年(?:结转|结余)(?:收入)?$")
#: A year printed in a heading: 二、2014年本市…的执行情况.
_YEAR_IN: Final = re.compile(r"((?:19|20)[0-9]{2})年")
#: Names whose income and spending a budget balances: a department's appropriation (财政拨款,
#: 预算拨款), its whole budget (部门预算, 年初预算), or a statement's total (收入总计, 收入总数); not
#: 收入合计, this year's income alone, which a carry-over brought in stands beside.
_BALANCED: Final = re.compile(r"拨款|部门预算|年初预算|(?:总计|总数)$")
#: Words of what was done, not planned: a final account's income and spending need not meet.
_DONE: Final = re.compile(r"(?<!预)决算|(?<!預)決算|执行|完成|实际|实现")
#: A heading line: 二、部门决算情况说明, （一）收入支出决算总体情况.
_HEADING: Final = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])[^\n]*", re.MULTILINE
)


class Offsets(State):
    """Recognise income and spending totals set off against each other (收支相抵)."""

    def offsets(self) -> None:
        """Each ``收支相抵，结余X`` (赤字X, 收支平衡) over the totals printed before it."""
        self.paired_funds()
        self.carried_over()
        floor = 0
        for sentence in self.sentences:
            said = _OFFSET.search(self.text, sentence.start, sentence.end)
            if said is None:
                continue
            before = [
                f
                for f in self.figs
                if f.keep
                and f.kind == "amount"
                and floor <= f.mention.start < said.start()
                and f.sentence.section == sentence.section
                and not f.mention.qualifier
            ]
            floor = said.end()
            income = next((f for f in reversed(before) if _INCOME.search(f.label)), None)
            spending = next((f for f in reversed(before) if _SPENDING.search(f.label)), None)
            if income is None or spending is None or not self.one_account(income, spending):
                continue
            after = [
                f for f in self.by_sentence.get(sentence.index, []) if f.keep and f.mention.start > said.end()
            ]
            if after:
                self.offset_left(income, spending, after[0])
            elif _MET.search(self.text, said.end(), sentence.end) and not self.ties(income, spending):
                why = f"{income.label} = {spending.label}: income and spending set off, they balance"
                data = {"kind": "equal", "figures": [], "label": why}
                self.add(
                    "offset",
                    data,
                    unique([income.sentence, spending.sentence, sentence]),
                    [income, spending],
                    inferred=True,
                )

    def paired_funds(self) -> None:
        """A fund's income and spending printed one after the other, set off without words.

        The spending is the first later figure of the section, in the income's sentence or the
        next, named as the income with 支出 for 收入 (a total's ending aside: 收入总计 and 支出),
        of one year, unit and scope, neither a change nor one compared with; the income a
        department's appropriation or a total (:data:`_BALANCED`: a government's 一般公共预算收入
        and 支出 are not set off, transfers and debt lie between). A surplus named next in the
        paragraph (当年结余Z, before any other income) is what they leave; with no surplus, a
        budget's two balance, unless the page or the words between are a final account's
        (:data:`_DONE`). Both are inferred.
        """
        amounts = [
            f
            for f in self.figs
            if f.keep and f.kind == "amount" and not f.mention.qualifier and self.eligible(f)
        ]
        for i, income in enumerate(amounts):
            if "收入" not in income.label or self.compared_with(income):
                continue
            name = _TOTAL_END.sub("", income.label).replace("收入", "支出")
            spending = next(
                (
                    f
                    for f in amounts[i + 1 :]
                    if f.sentence.section == income.sentence.section
                    and f.sentence.index <= income.sentence.index + 1
                    and _TOTAL_END.sub("", f.label) == name
                    and not self.compared_with(f)
                ),
                None,
            )
            if spending is None or not self.one_fund(income, spending) or self.ties(income, spending):
                continue
            left = self.surplus_after(income, spending)
            if left is not None and _TOTAL_END.search(income.label):
                self.offset_left(income, spending, left)
                continue
            if left is not None or not _BALANCED.search(income.label):
                continue  # 一般公共预算收入 and 支出 of a government: transfers and debt lie between
            between = self.text[income.mention.start : spending.mention.start]
            title = "" if _HEADING.match(self.title) else self.title  # a heading is no page's title
            if _DONE.search(between + title + self.headings_over(income)):
                continue
            why = f"{income.label} = {spending.label}: a budget's income and spending balance"
            data = {"kind": "equal", "figures": [], "label": why}
            self.add(
                "funds", data, unique([income.sentence, spending.sentence]), [income, spending], inferred=True
            )

    def carried_over(self) -> None:
        """This year's ``上年结转收入X`` and last year's ``当年结余X`` (结转下年使用): one sum, inferred.

        A block's surplus carried to the next year is that year's carry-over brought in: the
        surplus is the last one printed before of the year before (its paragraph's year, else its
        heading's), of one scope and unit.
        """
        for carried in self.figs:
            if not carried.keep or carried.kind != "amount" or not _CARRIED_IN.search(carried.label):
                continue
            year = self.year_over(carried)
            if year is None:
                continue
            left = [
                f
                for f in self.figs
                if f.keep
                and f.kind == "amount"
                and f.mention.start < carried.mention.start
                and _SURPLUS.search(f.label)
                and f.unit == carried.unit
                and self.year_over(f) == str(int(year) - 1)
                and not self.other_scopes(f, carried)
            ]
            if not left or self.ties(left[-1], carried):
                continue
            why = f"{carried.label} = {left[-1].label}: last year's surplus is this year's carry-over"
            data = {"kind": "equal", "figures": [], "label": why}
            self.add(
                "carried",
                data,
                unique([left[-1].sentence, carried.sentence]),
                [left[-1], carried],
                inferred=True,
            )

    def year_over(self, fig: Fig) -> str | None:
        """The year a figure is of: its paragraph's, else the last heading's over it."""
        return self.year_of(fig) or heading_year(self.text, fig.mention.start)

    def headings_over(self, fig: Fig) -> str:
        """The last heading of each level printed before a figure (see :func:`headings_over`)."""
        return headings_over(self.text, fig.mention.start)

    def one_fund(self, a: Fig, b: Fig) -> bool:
        """Whether two figures are of one unit and scope, and of one year where both print one."""
        years = self.year_of(a), self.year_of(b)
        return a.unit == b.unit and not self.other_scopes(a, b) and (None in years or years[0] == years[1])

    def surplus_after(self, income: Fig, spending: Fig) -> Fig | None:
        """The surplus named after a fund's spending in its paragraph, before any other income."""
        line_end = self.text.find("\n", spending.mention.end)
        line_end = len(self.text) if line_end < 0 else line_end
        for f in self.figs:
            if not f.keep or f.mention.start <= spending.mention.start or f.mention.start >= line_end:
                continue
            if "收入" in f.label:
                return None
            if _SURPLUS.search(f.label):
                return f if f.kind == "amount" and self.one_fund(income, f) else None
        return None

    def offset_left(self, income: Fig, spending: Fig, left: Fig) -> None:
        """The surplus (or deficit) the offset leaves: a balance of the two totals and it."""
        if left.kind != "amount" or left.unit != income.unit or not _LEFT.search(left.label):
            return
        if not self.one_account(income, left) or self.ties(income, spending, left):
            return
        deficit = "赤字" in left.label
        figs = [income, left, spending] if deficit else [income, spending, left]
        data: dict[str, Any] = {
            "kind": "balance",
            "inflows": [],
            "outflows": [],
            "label": f"{income.label} − {spending.label} = {left.label}",
            "_inflows": 2 if deficit else 1,
        }
        sentences = unique([income.sentence, spending.sentence, left.sentence])
        self.add("offset", data, sentences, figs, inferred=True)

    def one_account(self, a: Fig, b: Fig) -> bool:
        """Whether two figures are of one unit, one year and one scope."""
        return (
            a.unit == b.unit
            and (a.period or self.year) == (b.period or self.year)
            and not self.other_scopes(a, b)
        )

    def ties(self, *figs: Fig) -> bool:
        """Whether an equality or a balance already holds all of ``figs``."""
        wanted = {id(f) for f in figs}
        return any(
            r.data["kind"] in {"equal", "balance"} and wanted <= {id(f) for f in r.figures}
            for r in self.relations
        )


def headings_over(text: str, at: int) -> str:
    r"""The last heading of each level printed before ``at`` (二、部门决算情况说明, （一）…), joined.

    >>> headings_over("二、2014年执行情况\n收入1亿元。\n三、2015年安排情况\n收入2亿元。", 30)
    '三、2015年安排情况'
    """
    found: dict[bool, str] = {}
    for m in _HEADING.finditer(text, 0, at):
        if m.end() <= at:
            found[m.group().lstrip().startswith(("（", "("))] = m.group()
    return "".join(found.values())


def heading_year(text: str, at: int) -> str | None:
    """The year printed in the headings over ``at`` (二、2014年本市…的执行情况), None if none is."""
    found = _YEAR_IN.search(headings_over(text, at))
    return found.group(1) if found else None
