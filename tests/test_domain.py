"""The typed domain model compiles to the same checks as a JSON document."""

from __future__ import annotations

import pytest

from perfcheck import FundFlow, Headcount, LedgerError, LineItem, Report, Share, Target, check, dumps, loads


def report(**kw: object) -> Report:
    data: dict[str, object] = {
        "title": "示例",
        "fund_flow": FundFlow(carryover_in="2.21", income="132.35", spending="134.56", carryover_out="0.00"),
        "spending": [
            LineItem(
                label="基本支出",
                amount="82.67",
                items=[
                    LineItem(label="人员工资支出", amount="63.41"),
                    LineItem(label="日常公用经费支出", amount="19.26"),
                ],
            ),
            LineItem(id="project", label="项目经费支出", amount="51.89"),
        ],
    }
    data.update(kw)
    return Report.model_validate(data)


def test_clean_report_checks_clean() -> None:
    assert check(report()).ok


def test_compiles_to_the_expected_relations() -> None:
    ledger = report().to_ledger()
    kinds = {r.id: r.kind for r in ledger.relations}
    assert kinds == {"fund_balance": "balance", "spending_split": "sum", "item_1_sum": "sum"}
    assert [f.id for f in ledger.figures][4:] == ["item_1", "item_2", "item_3", "project"]


def test_python_and_json_users_get_the_same_result() -> None:
    r = report(
        fund_flow=FundFlow(carryover_in="2.21", income="132.35", spending="135.56", carryover_out="0.00")
    )
    ledger = r.to_ledger()
    assert check(r) == check(loads(dumps(ledger)))
    assert check(r).broken() == {"fund_balance", "spending_split"}


def test_tree_children_must_add_up() -> None:
    deep = LineItem(
        label="A",
        amount="10.00",
        items=[
            LineItem(
                label="B",
                amount="6.00",
                items=[LineItem(label="C", amount="3.00"), LineItem(label="D", amount="3.50")],
            ),
            LineItem(label="E", amount="4.00"),
        ],
    )
    result = check(Report(spending=[deep]))
    assert result.broken() == {"item_2_sum"}  # B (item_2) = C + D is off; A = B + E holds


def test_partial_list() -> None:
    item = LineItem(
        label="项目", amount="5.00", exhaustive=False, items=[LineItem(label="其中甲", amount="6.00")]
    )
    result = check(Report(spending=[item]))
    assert [f.code for f in result.errors] == ["PC103"]


def test_deep_tree_does_not_recurse_in_checking() -> None:
    node = LineItem(label="leaf", amount="1.00")
    for _ in range(300):
        node = LineItem(label="n", amount="1.00", items=[node])
    assert check(Report(spending=[node])).ok


def test_shares_resolve_labels_and_ids() -> None:
    r = report(shares=[Share(label="占全部支出", part="project", whole="本年支出", percent="38.56%")])
    assert check(r).ok
    r = report(shares=[Share(label="占全部支出", part="项目经费支出", whole="spending", percent="40.00")])
    assert [f.code for f in check(r).errors] == ["PC201"]


def test_unknown_share_reference_is_an_error() -> None:
    r = report(shares=[Share(label="占比", part="没有这一项", whole="spending", percent="1")])
    with pytest.raises(LedgerError, match="没有这一项"):
        r.to_ledger()


def test_targets() -> None:
    ok = Report(targets=[Target(label="两癌免费检查", actual="4060", unit="例", rate="101")])
    assert check(ok).ok
    implied_bad = Report(targets=[Target(label="检查", actual="3", unit="例", rate="101")])
    assert [f.code for f in check(implied_bad).errors] == ["PC203"]
    planned_bad = Report(targets=[Target(label="检查", actual="4060", planned="4200", unit="例", rate="101")])
    assert [f.code for f in check(planned_bad).errors] == ["PC202"]


def test_headcounts() -> None:
    ok = Report(headcounts=[Headcount(label="编制数", total="5", parts={"全额编制": "5", "差额编制": "0"})])
    assert check(ok).ok
    bad = Report(headcounts=[Headcount(label="编制数", total="5", parts={"全额编制": "4", "差额编制": "0"})])
    assert check(bad).broken() == {"headcount_1_sum"}


def test_negative_line_item_is_flagged() -> None:
    result = check(Report(spending=[LineItem(label="退款", amount="-1.00")]))
    assert [f.code for f in result.errors] == ["PC603"]


def test_floats_are_refused() -> None:
    with pytest.raises(ValueError, match="float"):
        LineItem(label="x", amount=1.1)  # type: ignore[arg-type]
