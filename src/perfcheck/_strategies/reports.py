"""Reports in the domain model, drawn from true values."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Final

from hypothesis import reject
from hypothesis import strategies as st

from perfcheck._read.domain import FundFlow, Headcount, LineItem, Report, Share, Target
from perfcheck._strategies.options import ReportOptions
from perfcheck._strategies.printing import (
    AMOUNT_UNITS,
    COUNT_UNITS,
    HALF,
    HUNDRED,
    MAX_LINES,
    Fig,
    Style,
    draw_rounding,
    round_true,
)


class _ReportBuilder:
    """Draws a :class:`~perfcheck.Report` from true values; every figure agrees with every other."""

    def __init__(self, draw: st.DrawFn, options: ReportOptions) -> None:
        self.draw = draw
        self.options = options
        self.unit = options.unit
        self.factor = AMOUNT_UNITS[options.unit]
        self.locale = draw(st.sampled_from(options.locales))
        self.rounding, self.mode = draw_rounding(draw, options.modes)
        # one precision: no figure with excess decimals (a plain report prints cents or jiao)
        self.decimals = draw(st.sampled_from((2, 2, 1) if options.plain else (2, 2, 1, 0)))
        self.labels: set[str] = set()
        self.lines = 0
        self.flow: _Whole | None = None
        self.groups: list[_Group] = []
        self._ids = itertools.count(1)

    def label(self, stem: str) -> str:
        """A label no other figure has, so that shares can name figures by label."""
        text = stem
        for i in itertools.count(2):
            if text not in self.labels:
                break
            text = f"{stem}（{i}）"
        self.labels.add(text)
        return text

    def money(self, *, positive: bool = False) -> Fraction:
        k = self.draw(st.integers(0, 4))
        n = self.draw(st.integers(10 ** (k + 1) if positive else 0, 10**7))
        return Fraction(n, 10**k)  # in the report's unit

    def printed(self, true: Fraction, *, bare: bool = True) -> tuple[str, int | None, Decimal]:
        """An amount as printed, the decimals to declare when the text cannot show them, and its number."""
        number = round_true(true, self.decimals, self.mode)
        bits = 0 if self.options.plain else self.draw(st.integers(0, 15))
        integral = number == number.to_integral_value()
        style = Style(
            suffix=bool(bits & 1),
            bare=bare and self.decimals > 0 and integral and bool(bits & 2),
            grouping=bool(bits & 4),
            fullwidth=self.locale == "zh_CN" and bool(bits & 8) and not bits & 4,
        )
        fig = Fig("x", number, self.decimals, self.unit, style=style)
        text = fig.text(self.locale)
        assert isinstance(text, str)  # noqa: S101 - never a JSON number here
        # a bare 0 reads as exactly nothing: a rounded one declares its decimals
        declare = fig.shown_decimals() != self.decimals or (
            fig.shown_decimals() == 0 and number == 0 and true != 0
        )
        return text, (self.decimals if declare else None), number

    def percent(self, true: Fraction) -> str:
        decimals = self.draw(st.sampled_from((2, 2, 1) if self.options.plain else (2, 2, 1, 0)))
        number = round_true(true, decimals, self.mode)
        if number == 0 and decimals == 0 and true != 0:
            decimals = 2  # a bare 0% reads as exactly none: a rounded one shows its decimals
            number = round_true(true, decimals, self.mode)
        text = Fig("x", number, decimals, "%").text(self.locale)
        assert isinstance(text, str)  # noqa: S101 - never a JSON number here
        return text + ("%" if self.draw(st.booleans()) else "")

    def clear_of_zero(self, numbers: Sequence[Decimal]) -> bool:
        """Whether printed amounts add up to an interval that keeps clear of zero."""
        u = Decimal(1).scaleb(-self.decimals)
        return sum(numbers, Decimal(0)) > len(numbers) * u

    def fraction(self, low: Fraction | int = 0, high: Fraction | int = 1) -> Fraction:
        """A random rational in ``[low, high]``."""
        q = self.draw(st.integers(1, 1000))
        return Fraction(self.draw(st.integers(math.ceil(low * q), math.floor(high * q))), q)

    def tree(self, total: Fraction, depth: int, parent: _Whole | None) -> tuple[list[LineItem], bool]:
        """Lines adding up to ``total`` (all of them, or some: the flag says whether all).

        Records every list of lines with its parent as a :class:`_Group`, for shares.
        """
        draw = self.draw
        n = draw(st.integers(1, max(1, min(self.options.max_items, MAX_LINES - self.lines))))
        self.lines += n
        weights = draw(st.lists(st.integers(0, 1000), min_size=n, max_size=n))
        if not any(weights):
            weights[0] = 1
        lines: list[tuple[LineItem, _Line, list[_Group]]] = []
        for w in weights:
            true = total * w / sum(weights)
            amount, decimals, number = self.printed(true)
            children: list[LineItem] = []
            exhaustive = True
            fid = f"line_{next(self._ids)}" if draw(st.booleans()) else None
            label = self.label(draw(st.sampled_from(LINE_LABELS)))
            ref = fid or label
            groups_before = len(self.groups)
            if depth < self.options.max_depth and self.lines < MAX_LINES and draw(st.integers(0, 2)) == 0:
                children, exhaustive = self.tree(true, depth + 1, _Whole(ref, true, number))
            below = self.groups[groups_before:]
            del self.groups[groups_before:]
            item = LineItem(
                label=label, amount=amount, id=fid, items=children, exhaustive=exhaustive, decimals=decimals
            )
            lines.append((item, _Line(ref, true, number), below))
        exhaustive = True
        if len(lines) > 1 and parent is not None and draw(st.integers(0, 3)) == 0:  # a 其中 list
            keep = draw(st.sets(st.integers(0, len(lines) - 1), min_size=1, max_size=len(lines) - 1))
            lines = [line for i, line in enumerate(lines) if i in keep]
            exhaustive = False
        whole = parent or self.flow
        if whole is not None:
            self.groups.append(_Group(whole, [line for _, line, _ in lines], exhaustive))
        for _, _, below in lines:  # the lists under the lines kept (a line left out takes its own along)
            self.groups += below
        return [item for item, _, _ in lines], exhaustive

    def fund_flow(self) -> tuple[FundFlow, Fraction]:
        """A fund flow that balances, and its true spending."""
        carry_in, income = self.money(), self.money(positive=True)
        spending = (carry_in + income) * self.fraction(HALF, 1)
        trues = (carry_in, income, spending, carry_in + income - spending)
        values = [self.printed(x, bare=False) for x in trues]
        if any(number == 0 and x != 0 for x, (_, _, number) in zip(trues, values, strict=True)):
            # a fund flow's amounts are text alone: a bare 0 there reads as exactly nothing, so
            # a small amount printed as 0 cannot say it was rounded (decimals are not kept)
            reject()
        for word in ("上年结转", "本年收入", "本年支出", "结转下年"):
            self.labels.add(word)
        self.flow = _Whole("spending", spending, values[2][2])
        flow = FundFlow(
            carryover_in=values[0][0], income=values[1][0], spending=values[2][0], carryover_out=values[3][0]
        )
        return flow, spending

    def shares(self) -> list[Share]:
        """Up to three stated shares of lines in their parent, in the fund flow's spending, or in a list."""
        draw = self.draw
        candidates: list[tuple[str, str | list[str], Fraction, Fraction]] = []
        for group in self.groups:
            if self.clear_of_zero([group.whole.number]):
                candidates += [
                    (line.ref, group.whole.ref, line.true, group.whole.true) for line in group.lines
                ]
            numbers = [line.number for line in group.lines]
            if group.exhaustive and len(group.lines) > 1 and self.clear_of_zero(numbers):
                refs = [line.ref for line in group.lines]
                candidates += [(line.ref, refs, line.true, group.whole.true) for line in group.lines]
        if not candidates:
            return []
        chosen = draw(st.lists(st.sampled_from(candidates), max_size=3, unique_by=lambda c: c[0]))
        return [
            Share(
                label=self.label("占比"),
                part=part,
                whole=whole,
                percent=self.percent(HUNDRED * true / whole_true),
            )
            for part, whole, true, whole_true in chosen
        ]

    def target(self) -> Target:
        """A target with its completion rate; the target itself is printed or implied."""
        draw = self.draw
        label = self.label(draw(st.sampled_from(TARGET_LABELS)))
        self.labels.update((f"{label} 完成率", f"{label} 目标"))
        planned = draw(st.integers(1, 100_000))
        done = draw(st.integers(0, 2 * planned))
        actual, qualifier = done, None
        if self.options.qualifiers and draw(st.integers(0, 3)) == 0:
            qualifier = draw(st.sampled_from(("at_least", "more_than", "at_most", "about")))
            step = 10 ** draw(st.integers(0, max(0, len(str(done)) - 1)))
            if qualifier in ("at_least", "more_than"):
                actual = done // step * step
            elif qualifier == "at_most":
                actual = -(-done // step) * step
            else:
                actual = int(round_true(Fraction(done, step), 0, "half_up")) * step
        return Target(
            label=label,
            actual=str(actual),
            unit=draw(st.sampled_from(COUNT_UNITS)),
            rate=self.percent(HUNDRED * done / planned),
            planned=str(planned) if draw(st.booleans()) else None,
            qualifier=qualifier,
        )

    def headcount(self) -> Headcount:
        """A head-count and its kinds (all of them, or some)."""
        draw = self.draw
        values = draw(st.lists(st.integers(0, 500), min_size=1, max_size=4))
        exhaustive = draw(st.booleans())
        total = sum(values) + (0 if exhaustive else draw(st.integers(0, 50)))
        return Headcount(
            label=self.label(draw(st.sampled_from(HEAD_LABELS))),
            total=str(total),
            parts={self.label(draw(st.sampled_from(KIND_LABELS))): str(v) for v in values},
            unit=draw(st.sampled_from(("人", "名"))),
            exhaustive=exhaustive,
        )


@dataclass(frozen=True)
class _Whole:
    ref: str  # an id, or a label no other figure has
    true: Fraction
    number: Decimal


@dataclass(frozen=True)
class _Line:
    ref: str
    true: Fraction
    number: Decimal


@dataclass(frozen=True)
class _Group:
    whole: _Whole
    lines: list[_Line]
    exhaustive: bool


@st.composite
def drawn_reports(draw: st.DrawFn, options: ReportOptions) -> Report:
    """A report in the domain model whose figures all agree."""
    r = _ReportBuilder(draw, options)
    flow = None
    spending: list[LineItem] = []
    if draw(st.integers(0, 3)):
        flow, total = r.fund_flow()
        spending, _ = r.tree(total, 1, None)
    elif draw(st.booleans()):
        spending, _ = r.tree(r.money(positive=True), 1, None)
    return Report(
        title=draw(st.none() | st.sampled_from(("2021年部门整体支出绩效自评报告", "2024年部门预算公开"))),
        unit=r.unit,
        locale=r.locale,
        rounding=r.rounding,
        fund_flow=flow,
        spending=spending,
        shares=r.shares(),
        targets=[r.target() for _ in range(draw(st.integers(0, 3)))],
        headcounts=[r.headcount() for _ in range(draw(st.integers(0, 2)))],
    )


LINE_LABELS: Final = (
    "基本支出",
    "项目支出",
    "人员经费",
    "公用经费",
    "工资福利支出",
    "商品和服务支出",
    "对个人和家庭的补助",
    "办公费",
    "差旅费",
    "会议费",
    "培训费",
    "专项业务费",
    "设备购置费",
    "维修费",
)
TARGET_LABELS: Final = ("两癌免费检查", "培训妇女", "救助困难妇女", "发放宣传资料", "走访慰问")
HEAD_LABELS: Final = ("编制数", "实有人数", "在职人员")
KIND_LABELS: Final = ("行政编制", "事业编制", "全额编制", "差额编制", "工勤人员")
