"""The recogniser of the fund-flow balance: 上年结转 + 本年收入 = 本年支出 + 结转下年."""

from __future__ import annotations

from perfcheck._read.text.base import State, unique


class Balances(State):
    """Recognise the fund-flow balance: 上年结转 + 本年收入 = 本年支出 + 结转下年."""

    def fund_flow(self) -> None:
        flows = [self.first(c) for c in ("carryover_in", "income", "spending", "carryover_out")]
        cin, income, spending, cout = flows
        if cin and income and spending and cout:
            data = {
                "kind": "balance",
                "inflows": [],
                "outflows": [],
                "label": f"{cin.label} + {income.label} = {spending.label} + {cout.label}",
            }
            self.add(
                "fund_balance",
                data,
                unique([f.sentence for f in (cin, income, spending, cout)]),
                [
                    cin,
                    income,
                    spending,
                    cout,
                ],
            )
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
