"""The recogniser of the fund-flow balance: 上年结转 + 本年收入 = 本年支出 + 结转下年."""

from __future__ import annotations

import re
from typing import Final

from perfcheck._read.text.base import LAST_YEAR, Fig, State, role_of, unique

#: Flows a 决算 statement prints beside income and spending: 使用非财政拨款结余, 用事业基金弥补收支差额
#: come in; 结余分配, 缴纳所得税 go out. Printed, they are terms of the balance.
_OTHER_FLOWS: Final = re.compile(r"使用非财政拨款结余|用事业基金弥补|事业基金弥补|结余分配|缴纳所得税")


class Balances(State):
    """Recognise the fund-flow balance: 上年结转 + 本年收入 = 本年支出 + 结转下年."""

    def fund_flow(self) -> None:
        cin, cout = self.first("carryover_in"), self.first("carryover_out")
        income, spending = self.side_total("income", cin), self.side_total("spending", cout)
        if cin and income and spending and cout and self.one_flow(cin, income, spending, cout):
            # 收入合计 that already counts the carryover (加上…上年结转结余60万元…，收入合计为…), 支出合计
            # whose list ends with 结转下年: a carryover is not added to its side's total again
            inflows = [income] if self.counted_in(cin, income) else [cin, income]
            outflows = [spending] if self.counted_in(cout, spending) else [spending, cout]
            # 收入总计…其中：本年收入…，使用非财政拨款结余…，年初结转和结余…: the statement's list of a
            # side names every flow of that side; the ones beside income and carryover flow too
            inflows += self.listed_beside(inflows)
            outflows += self.listed_beside(outflows)
            flows = {id(f) for f in (*inflows, *outflows)}
            # such a flow printed but in no list of a side: the balance without it is a guess
            unlisted = any(
                f.keep and id(f) not in flows and not f.is_percent and f.mention.number != 0
                for f in self.figs
                if _OTHER_FLOWS.search(f.label)
            )
            data = {
                "kind": "balance",
                "inflows": [],
                "outflows": [],
                "_inflows": len(inflows),
                "label": " + ".join(f.label for f in inflows) + " = " + " + ".join(f.label for f in outflows),
            }
            sentences = unique([f.sentence for f in (*inflows, *outflows)])
            # the four figures of the report's own identity are stated; a side's total found to
            # count its carryover already is the reader's judgement
            judged = len(inflows) + len(outflows) < 4 or unlisted
            self.add("fund_balance", data, sentences, [*inflows, *outflows], inferred=judged)
        basic, project = self.first("basic_spending"), self.first("project_spending")
        if spending and basic and project:
            done = any(
                r.data["kind"] == "sum" and {basic, project} <= set(r.figures[1:]) for r in self.relations
            )
            if not done:
                data = {
                    "kind": "sum",
                    "total": "",
                    "parts": [],
                    "label": f"{spending.label} = {basic.label} + {project.label}",
                }
                self.add(
                    "spending_split",
                    data,
                    unique([spending.sentence, basic.sentence, project.sentence]),
                    [spending, basic, project],
                    inferred=True,  # no list says so: the figures are found by their concepts
                )

    def listed_beside(self, side: list[Fig]) -> list[Fig]:
        """The other parts of a list whose parts are all of ``side`` and more (a statement's side).

        ``收入总计1300万元，其中：本年收入1200万元，使用非财政拨款结余50万元，年初结转和结余50万元``:
        the list names the 50 used from the surplus beside the income and the carryover.
        """
        if len(side) < 2:
            return []
        ids = {id(f) for f in side}
        for r in self.relations:
            if r.data["kind"] != "sum" or r.data.get("exhaustive") is False:
                continue
            parts = r.figures[1:]
            if ids <= {id(p) for p in parts} and r.figures[0] not in side:
                return [p for p in parts if id(p) not in ids and p.unit == side[0].unit]
        return []

    def counted_in(self, part: Fig, total: Fig) -> bool:
        """Whether a list already reads ``part`` as one of ``total``'s parts."""
        return any(
            r.data["kind"] == "sum" and r.figures[0] is total and part in r.figures[1:]
            for r in self.relations
        )

    def side_total(self, concept: str, carryover: Fig | None) -> Fig | None:
        """A side's total for the balance: the one a list reads as counting the carryover, else the first.

        ``全镇总收入实现11335万元…。…加上…上年结转结余60万元…，收入合计为6449万元``: the 收入合计
        that counts the carryover is the side of the balance, not the first income printed.
        """
        found = [f for f in self.figs if f.keep and f.concept == concept]
        # 上年支出合计900万元。本年支出合计1000万元: last year's total is no side of this year's flow
        found = [f for f in found if not LAST_YEAR.match(f.label)] or found
        if carryover is not None:
            counting = [f for f in found if self.counted_in(carryover, f)]
            if counting:
                return counting[0]
        return found[0] if found else None

    def one_flow(self, cin: Fig, income: Fig, spending: Fig, cout: Fig) -> bool:
        """Whether the four figures can be one fund's flow: the same year and role where printed.

        ``2023年收入合计…；2022年支出合计…``, or a 预算 beside a 决算: two quantities, no balance.
        """
        figs = (cin, income, spending, cout)
        years = {y for y in (self.year_of(f) for f in (income, spending)) if y is not None}
        roles = {r for r in (role_of(f.label) for f in figs) if r is not None}
        return len(years) <= 1 and len(roles) <= 1
