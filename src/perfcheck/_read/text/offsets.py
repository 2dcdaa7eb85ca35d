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


class Offsets(State):
    """Recognise income and spending totals set off against each other (收支相抵)."""

    def offsets(self) -> None:
        """Each ``收支相抵，结余X`` (赤字X, 收支平衡) over the totals printed before it."""
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
