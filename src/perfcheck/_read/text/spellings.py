"""One side's total printed under two spellings (总收入 and 收入合计): one quantity, inferred.

``2018年总收入3647.88万元。…2018年收入合计3647.38万元，其中：…``: a page that names this year's
income total twice, in two words, means one figure; printed twice differently, one of them is a
misprint. The reader equates them only when nothing else could be meant: each spelling printed
once, of the same year and scope, and no 收入总计 (which holds the carry-over 收入合计 leaves out)
printed anywhere. Which words a page means by its total is still the reader's judgement, so the
equality is inferred (a break is to be checked by hand).
"""

from __future__ import annotations

from typing import Final

from perfcheck._read.text.base import Fig, State, unique

#: Each side's words for this year's total, and the word for a total holding the carry-over.
_SPELLINGS: Final = {
    "收入": (frozenset({"总收入", "收入合计", "收入总额"}), "收入总计"),
    "支出": (frozenset({"总支出", "支出合计", "支出总额"}), "支出总计"),
}


class Spellings(State):
    """Equate a side's total printed under two spellings."""

    def total_spellings(self) -> None:
        """``总收入3647.88万元`` and ``收入合计3647.38万元`` of one year: one total (inferred).

        >>> from perfcheck.extract import extract
        >>> text = "2018年总收入300.00万元。2018年收入合计300.00万元，其中：财政拨款收入300.00万元。"
        >>> [r.basis for r in extract(text).ledger.relations if r.kind == "equal"]
        ['inferred']
        """
        equated = {id(f) for r in self.relations if r.data["kind"] == "equal" for f in r.figures}
        for words, carried in _SPELLINGS.values():
            amounts = [f for f in self.figs if f.keep and f.kind == "amount"]
            if any(f.label.endswith(carried) for f in amounts):
                continue  # 总收入 may be the 总计 as well as the 合计
            named = [f for f in amounts if f.label in words]
            if len(named) != 2 or len({f.label for f in named}) != 2:
                continue
            a, b = named
            if a.sentence is b.sentence or id(a) in equated or id(b) in equated:
                continue
            if a.unit != b.unit or self.year_of(a) != self.year_of(b) or self.other_scopes(a, b):
                continue
            self.one_total(a, b)

    def one_total(self, a: Fig, b: Fig) -> None:
        why = f"{a.label} = {b.label}: one total printed under two spellings"
        data = {"kind": "equal", "figures": [], "label": why}
        self.add("spelled", data, unique([a.sentence, b.sentence]), [a, b], inferred=True)
