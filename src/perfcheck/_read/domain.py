"""A typed domain model for the usual report shape, compiled into figures and relations.

Write a report the way it reads — a fund flow, a tree of spending lines, stated
shares, targets with completion rates, head-counts — and :meth:`Report.to_ledger`
turns it into the same ledger document a JSON user would write, so both get the
same checks.

>>> from perfcheck import Report, FundFlow, LineItem, Share, check
>>> report = Report(
...     title="资阳区妇联2021年整体绩效自评报告",
...     fund_flow=FundFlow(carryover_in="2.21", income="132.35", spending="134.56", carryover_out="0.00"),
...     spending=[
...         LineItem(label="基本支出", amount="82.67", items=[
...             LineItem(label="人员工资支出", amount="63.41"),
...             LineItem(label="日常公用经费支出", amount="19.26"),
...         ]),
...         LineItem(id="project", label="项目经费支出", amount="51.89"),
...     ],
...     shares=[Share(label="占全部支出", part="project", whole="spending", percent="38.56")],
... )
>>> check(report).ok
True
>>> [r.kind for r in report.to_ledger().relations]
['balance', 'sum', 'sum', 'share']
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from perfcheck._core.errors import LedgerError, Problem
from perfcheck._ledger.document import Identifier, Ledger, Qualifier, Source, validate


def _printed(value: object) -> object:
    if isinstance(value, float):
        msg = f"{value!r} is a float, which cannot keep its printed precision; give it as a string"
        raise ValueError(msg)  # noqa: TRY004 - pydantic turns ValueError into a validation error
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return str(value)
    return value


#: An amount as printed: a string such as ``"132.35"`` keeps its precision; an int or
#: Decimal is taken as its text. Floats are refused.
Printed = Annotated[str, BeforeValidator(_printed)]

_CONFIG = ConfigDict(frozen=True, extra="forbid")
FlowKey = Literal["carryover_in", "income", "spending", "carryover_out"]


class LineItem(BaseModel):
    """A spending line; its ``items`` must add up to it.

    Attributes:
        label: the line as printed (``基本支出``).
        amount: the amount as printed.
        id: a figure id; generated from the line's place in the tree when omitted.
        items: the lines it is made of.
        exhaustive: whether ``items`` are all of it (False for a 其中 list naming only some).
        decimals: printed precision when the amount cannot show it.
        concept: what the line is (default ``line_item``, which cannot be negative).
        source: where it was printed.
    """

    model_config = _CONFIG

    label: str
    amount: Printed
    id: Identifier | None = None
    items: list[LineItem] = Field(default_factory=list)
    exhaustive: bool = True
    decimals: int | None = None
    concept: str = "line_item"
    source: Source | None = None


class FundFlow(BaseModel):
    """Where the money came from and went: 上年结转 + 本年收入 = 本年支出 + 结转下年.

    Attributes:
        carryover_in: carried over from last year.
        income: this year's income.
        spending: this year's spending; the report's top-level spending lines add up to it.
        carryover_out: carried over to next year.
        labels: how the report prints the four, if not the usual words.
    """

    model_config = _CONFIG

    carryover_in: Printed
    income: Printed
    spending: Printed
    carryover_out: Printed
    labels: dict[FlowKey, str] = Field(default_factory=dict)


class Share(BaseModel):
    """A stated share: ``part`` is ``percent`` % of ``whole``.

    Attributes:
        label: how the share is printed (``占全部支出``).
        part: the id or label of the part.
        whole: the id or label of the whole, or a list of them that add up to it.
        percent: the stated percentage, as printed (``"38.56"`` or ``"38.56%"``).
        id: a figure id for the percentage.
    """

    model_config = _CONFIG

    label: str
    part: str
    whole: str | list[str]
    percent: Printed
    id: Identifier | None = None


class Target(BaseModel):
    """A performance target and its completion rate: ``actual / planned × 100 = rate``.

    Attributes:
        label: what was done (``两癌免费检查``).
        actual: how much was done, as printed.
        unit: its unit (``例``, ``人``, or an amount unit).
        rate: the stated completion rate in percent.
        planned: the target, if printed; otherwise it is implied (and must be a whole
            number for counts).
        qualifier: for an actual printed as a bound (``10000余``).
        id: a figure id for the actual.
    """

    model_config = _CONFIG

    label: str
    actual: Printed
    unit: str
    rate: Printed
    planned: Printed | None = None
    qualifier: Qualifier | None = None
    id: Identifier | None = None


class Headcount(BaseModel):
    """A head-count and its kinds: 编制数5人，其中全额编制5、差额编制0.

    Attributes:
        label: the count as printed.
        total: the count.
        parts: the kinds, by label; they must add up to the total.
        unit: the count unit (``人``).
        exhaustive: whether the parts are all of it.
    """

    model_config = _CONFIG

    label: str
    total: Printed
    parts: dict[str, Printed] = Field(default_factory=dict)
    unit: str = "人"
    exhaustive: bool = True


_FLOW_LABELS: dict[FlowKey, str] = {
    "carryover_in": "上年结转",
    "income": "本年收入",
    "spending": "本年支出",
    "carryover_out": "结转下年",
}


class Report(BaseModel):
    """A budget, final-account or performance report in its usual shape.

    Attributes:
        title: the report's title.
        entity: who published it.
        period: the year or period.
        unit: the unit of amounts (default 万元).
        locale: how values are printed (default zh_CN).
        rounding: ``nearest`` or ``truncate``.
        fund_flow: the balance of the year's money.
        spending: the top-level spending lines (adding up to ``fund_flow.spending``
            when there is a fund flow), each a tree of lines.
        shares: stated shares.
        targets: targets with completion rates.
        headcounts: head-counts and their kinds.
    """

    model_config = _CONFIG

    title: str | None = None
    entity: str | None = None
    period: str | None = None
    unit: str = "万元"
    locale: str = "zh_CN"
    rounding: Literal["nearest", "truncate"] = "nearest"
    fund_flow: FundFlow | None = None
    spending: list[LineItem] = Field(default_factory=list)
    shares: list[Share] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    headcounts: list[Headcount] = Field(default_factory=list)

    def to_ledger(self) -> Ledger:
        """Compile the report into a ledger document.

        Raises:
            LedgerError: a share names a part or whole that is not in the report, or a
                figure is invalid.
        """
        return _Compiler(self).run()


class _Compiler:
    def __init__(self, report: Report) -> None:
        self.report = report
        self.figures: list[dict[str, Any]] = []
        self.relations: list[dict[str, Any]] = []
        self.by_label: dict[str, list[str]] = {}
        self.problems: list[Problem] = []

    def figure(self, fid: str, label: str, value: str, **extra: Any) -> str:  # noqa: ANN401
        data = {
            "id": fid,
            "label": label,
            "value": value,
            **{k: v for k, v in extra.items() if v is not None},
        }
        self.figures.append(data)
        self.by_label.setdefault(label, []).append(fid)
        return fid

    def resolve(self, ref: str, where: str) -> str:
        if any(f["id"] == ref for f in self.figures):
            return ref
        ids = self.by_label.get(ref, [])
        if len(ids) == 1:
            return ids[0]
        why = "is ambiguous: several figures have that label" if ids else "names no figure id or label"
        self.problems.append(Problem((where,), f"{where}: {ref!r} {why}", ref))
        return ref

    def run(self) -> Ledger:
        r = self.report
        flow = r.fund_flow
        if flow is not None:
            for key, label in _FLOW_LABELS.items():
                self.figure(key, flow.labels.get(key, label), getattr(flow, key), concept=key)
            self.relations.append(
                {
                    "id": "fund_balance",
                    "kind": "balance",
                    "inflows": ["carryover_in", "income"],
                    "outflows": ["spending", "carryover_out"],
                }
            )
        tops = self.tree(r.spending)
        if flow is not None and tops:
            self.relations.append({"id": "spending_split", "kind": "sum", "total": "spending", "parts": tops})
        for i, head in enumerate(r.headcounts, 1):
            self.headcount(head, f"headcount_{i}")
        for i, target in enumerate(r.targets, 1):
            self.target(target, f"target_{i}")
        for i, share in enumerate(r.shares, 1):
            self.share(share, f"share_{i}")
        if self.problems:
            lines = "\n".join(f"  - {p}" for p in self.problems)
            msg = f"report {r.title or ''!s}: cannot compile ({len(self.problems)} problems):\n{lines}"
            raise LedgerError(msg, self.problems)
        data = {
            "perfcheck": "1",
            **{k: getattr(r, k) for k in ("title", "entity", "period") if getattr(r, k) is not None},
            "unit": r.unit,
            "locale": r.locale,
            "rounding": r.rounding,
            "figures": self.figures,
            "relations": self.relations,
        }
        return validate(data, name=f"report {r.title or ''}".strip())

    def tree(self, items: list[LineItem]) -> list[str]:
        """Add every line as a figure and every line with items as a sum; return the top ids.

        Lines without an id are numbered in document order: ``item_1``, ``item_2``, ...
        The walk is iterative, so a deep tree costs no stack.
        """
        counter = 0

        def name(item: LineItem) -> str:
            nonlocal counter
            if item.id:
                return item.id
            counter += 1
            return f"item_{counter}"

        tops = [name(item) for item in items]
        stack = list(zip(reversed(items), reversed(tops), strict=True))
        while stack:
            item, fid = stack.pop()
            self.figure(
                fid,
                item.label,
                item.amount,
                concept=item.concept,
                decimals=item.decimals,
                source=_dump(item.source),
            )
            if not item.items:
                continue
            parts = [name(child) for child in item.items]
            rel: dict[str, Any] = {"id": f"{fid}_sum", "kind": "sum", "total": fid, "parts": parts}
            if not item.exhaustive:
                rel["exhaustive"] = False
            self.relations.append(rel)
            stack.extend(zip(reversed(item.items), reversed(parts), strict=True))
        return tops

    def headcount(self, head: Headcount, fid: str) -> None:
        self.figure(fid, head.label, head.total, unit=head.unit, concept="headcount")
        parts = [
            self.figure(f"{fid}_{i}", label, value, unit=head.unit, concept="headcount")
            for i, (label, value) in enumerate(head.parts.items(), 1)
        ]
        if parts:
            rel: dict[str, Any] = {"id": f"{fid}_sum", "kind": "sum", "total": fid, "parts": parts}
            if not head.exhaustive:
                rel["exhaustive"] = False
            self.relations.append(rel)

    def target(self, target: Target, fid: str) -> None:
        fid = target.id or fid
        self.figure(
            fid,
            target.label,
            target.actual,
            unit=target.unit,
            qualifier=target.qualifier,
            concept="count",
        )
        rate = self.figure(f"{fid}_rate", f"{target.label} 完成率", _percent(target.rate), unit="%")
        rel: dict[str, Any] = {
            "id": f"{fid}_completion",
            "kind": "ratio",
            "numerator": fid,
            "stated": rate,
        }
        if target.planned is not None:
            rel["denominator"] = self.figure(
                f"{fid}_planned",
                f"{target.label} 目标",
                target.planned,
                unit=target.unit,
                concept="target",
            )
        self.relations.append(rel)

    def share(self, share: Share, fid: str) -> None:
        fid = share.id or fid
        where = f"share {share.label!r}"
        part = self.resolve(share.part, where)
        whole: str | list[str] = (
            self.resolve(share.whole, where)
            if isinstance(share.whole, str)
            else [self.resolve(w, where) for w in share.whole]
        )
        self.figure(fid, share.label, _percent(share.percent), unit="%", concept="share")
        self.relations.append(
            {"id": f"{fid}_ok", "kind": "share", "part": part, "whole": whole, "stated": fid}
        )


def _percent(value: str) -> str:
    return value.strip().removesuffix("%").removesuffix("％").strip()


def _dump(source: Source | None) -> dict[str, Any] | None:
    return None if source is None else source.model_dump(exclude_none=True)
