"""Column formulas of a table: the ones its headers imply and the ones a caller names.

完成率 = 决算数 ÷ 预算数, 增减额 = 本年 − 上年, 增减率 = 增减额 ÷ 上年; a formula the
caller names over column headers (``"完成率": "决算数 / 年初预算数 * 100"``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from perfcheck._core.formula import formula_name
from perfcheck._read.tables.cells import TOTAL_LEVELS, normalized

# -- column formulas -------------------------------------------------------------

ACTUAL_WORDS: Final = ("决算数", "执行数", "实际数", "完成数", "决算")
BUDGET_WORDS: Final = ("预算数", "预算")
PRIOR_WORDS: Final = ("上年",)
DELTA_WORDS: Final = ("增减额", "增减", "增加额", "增长额", "变动额", "比上年增减")
COMPLETION_WORDS: Final = (
    "完成率", "执行率", "完成比例", "执行进度",
    "占预算", "占年初预算", "占调整预算", "占调整后预算", "为预算",
)  # fmt: skip
GROWTH_WORDS: Final = (
    "增减率", "增长率", "增幅", "变动率", "增减比例", "增减%", "增减（%）", "增减(%)", "增减幅度",
    "增长%", "增长（%）", "增长(%)", "比上年增长", "同比增长", "比上年增减%",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class ColumnFormula:
    """A column's formula over other columns, e.g. 完成率 = 决算数 / 年初预算数.

    ``kind`` is ``ratio`` (a / b, in percent), ``difference`` (a − b), ``growth``
    ((a − b) / b, in percent), ``sum`` (a + b + ...) or ``formula`` (anything else).
    """

    kind: str
    columns: tuple[int, ...]
    tokens: tuple[str | int, ...]
    text: str

    def expression(self, ids: list[str]) -> str:
        """The formula over figure ids."""
        names = dict(zip(self.columns, ids, strict=True))
        return " ".join(formula_name(names[t]) if isinstance(t, int) else t for t in self.tokens)


_OPERATORS: Final = "+-*/()×÷−"
_NUMBER: Final = re.compile(r"\d+(?:\.\d+)?")


def parse_column_formula(expr: str, headers: Sequence[str]) -> ColumnFormula:
    """Read a formula over column names: ``决算数 / 年初预算数``, ``本年 - 上年``, ``(a - b) / b * 100``.

    >>> f = parse_column_formula("决算数 ÷ 年初预算数", ["科目", "年初预算数", "决算数", "完成率"])
    >>> f.kind, f.columns
    ('ratio', (2, 1))

    Raises:
        ValueError: a name that is no column, or an unknown character.
    """
    names = sorted(((normalized(h), i) for i, h in enumerate(headers) if h), key=lambda x: -len(x[0]))
    text = normalized(expr)
    tokens: list[str | int] = []
    pos = 0
    while pos < len(text):
        # a column name first: a merged header's name has a "/" of its own (决算数/合计)
        if found := next(((n, i) for n, i in names if text.startswith(n, pos)), None):
            tokens.append(found[1])
            pos += len(found[0])
        elif text[pos] in _OPERATORS:
            tokens.append({"×": "*", "÷": "/", "−": "-"}.get(text[pos], text[pos]))
            pos += 1
        elif number := _NUMBER.match(text, pos):
            tokens.append(number.group())
            pos = number.end()
        else:
            msg = f"no column at {text[pos:]!r}; the columns are {list(headers)}"
            raise ValueError(msg)
    columns = tuple(dict.fromkeys(t for t in tokens if isinstance(t, int)))
    shape = tuple("x" if isinstance(t, int) else t for t in tokens)
    kind = "formula"
    cols = tuple(t for t in tokens if isinstance(t, int))
    if shape == ("x", "/", "x"):
        kind = "ratio"
    elif shape == ("x", "-", "x"):
        kind = "difference"
    elif shape == ("(", "x", "-", "x", ")", "/", "x") and cols[1] == cols[2]:
        kind, columns = "growth", cols[:2]
    elif len(shape) >= 3 and all(s == ("x" if i % 2 == 0 else "+") for i, s in enumerate(shape)):
        kind = "sum"
    if kind == "formula" and not columns:
        msg = "names no column"
        raise ValueError(msg)
    return ColumnFormula(kind, columns, tuple(tokens), expr)


def _find(headers: Sequence[str], candidates: Sequence[int], words: Sequence[str]) -> list[int]:
    """The candidate columns whose header holds one of ``words`` (增、减金额 reads as 增减金额)."""
    return [i for i in candidates if any(w in normalized(headers[i]).replace("、", "") for w in words)]


def implied_formulas(headers: Sequence[str], numeric: Sequence[int], percent: set[int]) -> dict[int, str]:
    """The formulas a table's headers imply, as text over column names.

    A formula is implied only when its operands are unambiguous: a 完成率 with both
    年初预算数 and 调整预算数 columns needs ``formulas=``; beside 年初预算数 and 全年预算数, a
    全年执行数's rate is of the budget of the same span (全年), as the 项目支出绩效自评表 defines it.

    >>> implied_formulas(["科目", "年初预算数", "决算数", "完成率"], [1, 2, 3], {3})
    {3: '决算数÷年初预算数'}
    >>> implied_formulas(["项目", "年初预算数", "全年预算数", "全年执行数", "执行率"], [1, 2, 3, 4], {4})
    {4: '全年执行数÷全年预算数'}
    >>> implied_formulas(["项目", "预算数", "调整预算数", "决算数", "完成率"], [1, 2, 3, 4], {4})
    {}
    >>> implied_formulas(["项目", "本年数", "上年数", "增减额", "增减率"], [1, 2, 3, 4], {4})
    {3: '本年数−上年数', 4: '(本年数−上年数)÷上年数'}
    >>> implied_formulas(["科目", "支出/合计", "支出/基本支出", "支出/项目支出"], [1, 2, 3], set())
    {1: '支出/基本支出+支出/项目支出'}
    """
    h = [normalized(x) for x in headers]
    amounts = [c for c in numeric if c not in percent]
    out: dict[int, str] = {}
    deltas = _find(h, amounts, DELTA_WORDS)
    prior = [c for c in _find(h, amounts, PRIOR_WORDS) + _earlier_year(h, amounts) if c not in deltas]
    current = [c for c in amounts if c not in deltas and c not in prior]
    if len(current) > 1:
        # 上年决算 | 本年预算 | 本年执行: a change from last year is one of what was done
        done = _find(h, current, ACTUAL_WORDS)
        current = done if len(done) == 1 else current
    for col in _find(h, list(percent), COMPLETION_WORDS):
        actual = [c for c in _find(h, amounts, ACTUAL_WORDS) if c not in prior and c not in deltas]
        budget = [c for c in _find(h, amounts, BUDGET_WORDS) if c not in actual and c not in prior]
        if len(actual) == 1 and len(budget) > 1:
            # 年初预算数 | 全年预算数 | 全年执行数 | 执行率: the budget of the actual's own span (全年)
            span = _span(h[actual[0]], ACTUAL_WORDS)
            budget = [c for c in budget if span is not None and _span(h[c], BUDGET_WORDS) == span]
        if len(actual) == 1 and len(budget) == 1:
            out[col] = f"{h[actual[0]]}÷{h[budget[0]]}"
    if len(prior) == 1 and len(current) == 1:
        cur, pre = h[current[0]], h[prior[0]]
        if len(deltas) == 1:
            out[deltas[0]] = f"{cur}−{pre}"
        for col in _find(h, list(percent), GROWTH_WORDS):
            if col not in out:
                out[col] = f"({cur}−{pre})÷{pre}"
    out.update(_column_totals(h, amounts))
    return out


def _span(header: str, words: Sequence[str]) -> str | None:
    """What a header names besides its role word: the span of time it covers (全年预算数 → 全年).

    None when it names nothing else, so that no two headers match on nothing.

    >>> _span("全年预算数", BUDGET_WORDS), _span("全年执行数", ACTUAL_WORDS), _span("预算数", BUDGET_WORDS)
    ('全年', '全年', None)
    """
    for word in sorted(words, key=len, reverse=True):
        if word in header:
            rest = header.replace(word, "", 1).strip()
            return rest or None
    return None


def _earlier_year(headers: Sequence[str], amounts: Sequence[int]) -> list[int]:
    """The amount columns of the earlier year, when the headers name two (2019年决算数 | 2020年执行数).

    >>> _earlier_year(["项目", "2019年决算数", "2020年预算数", "2020年执行数"], [1, 2, 3])
    [1]
    """
    years = {c: m.group(1) for c in amounts if (m := _YEAR.search(headers[c]))}
    if len(set(years.values())) != 2:  # this year and the one before
        return []
    first = min(years.values())
    return [c for c, y in years.items() if y == first]


_YEAR: Final = re.compile(r"((?:19|20)\d{2})年")


def _column_totals(headers: Sequence[str], amounts: Sequence[int]) -> dict[int, str]:
    """A 合计 column is the sum of the amount columns right after it, in its header group.

    (合计 | 基本支出 | 项目支出, or 决算数/合计 | 决算数/基本支出 | 决算数/项目支出); a 其中
    column among them makes the sum partial, and nothing is inferred.
    A group of columns under one name after it (公车购置及运行费/合计 | …/车辆购置 | …/车辆运行)
    is one part: its own 合计 column.
    """
    out: dict[int, str] = _listed_columns(headers, amounts)
    listed = set(amounts)
    for col in amounts:
        group, _, last = headers[col].rpartition("/")
        if not last.endswith(tuple(TOTAL_LEVELS)):
            continue
        parts: list[int] = []
        inner = None
        for nxt in range(col + 1, len(headers)):
            next_group, _, next_last = headers[nxt].rpartition("/")
            if inner is not None and next_group == inner:
                continue  # the columns of a group taken as a part by its 合计
            deeper = next_group.startswith(f"{group}/") if group else bool(next_group)
            if nxt in listed and deeper and next_last in TOTAL_LEVELS:
                parts.append(nxt)
                inner = next_group
                continue
            if nxt not in listed or next_group != group or any(w in next_last for w in TOTAL_LEVELS):
                break
            parts.append(nxt)
        if len(parts) >= 2 and not any(headers[p].rpartition("/")[2].startswith("其中") for p in parts):
            out[col] = "+".join(headers[p] for p in parts)
    return out


#: The name of a 其中 group's last column that makes its list whole: the rest of the total.
_REST: Final = ("其他", "其它")


def _listed_columns(headers: Sequence[str], amounts: Sequence[int]) -> dict[int, str]:
    """An amount column followed by a 其中 group of columns that ends with the rest is their sum.

    ``总收入 | 其中:/医疗收入 | 其中:/财政补助收入 | 其中:/其他收入``: the group lists the
    total's parts, and its last column, the rest (其他…), makes the list whole. A group
    without a rest may leave parts out, and nothing is inferred.

    >>> _listed_columns(["单位", "总收入", "其中:/医疗收入", "其中:/其他收入"], [1, 2, 3])
    {1: '其中:/医疗收入+其中:/其他收入'}
    >>> _listed_columns(["单位", "总收入", "其中:/医疗收入", "其中:/财政补助"], [1, 2, 3])
    {}
    """
    out: dict[int, str] = {}
    listed = set(amounts)
    for col in amounts:
        if "/" in headers[col]:
            continue
        parts: list[int] = []
        for nxt in range(col + 1, len(headers)):
            group, _, last = headers[nxt].rpartition("/")
            if nxt not in listed or not group.startswith("其中") or not last:
                break
            parts.append(nxt)
        if len(parts) >= 2 and headers[parts[-1]].rpartition("/")[2].startswith(_REST):
            out[col] = "+".join(headers[p] for p in parts)
    return out
