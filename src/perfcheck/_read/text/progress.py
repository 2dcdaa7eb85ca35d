"""A budget's completion rate against the time gone by: ``为预算的65.7%，快于序时进度15.7个百分点``.

序时进度 (时间进度) is the share of the year gone by at the report's date: 50 % at the half
year (上半年, 1-6月), 25 % after a quarter, N/12 after N months. The gap in percentage points
is the completion rate less that share (快于, 超过, 高于), or that share less the rate (慢于,
低于, 落后). The months are read from the rate's sentence, else from the report's title, else
from its opening lines, and must be one period there; the share itself is the reader's reading
of the period, so the relation is inferred: a break is for a person to check (PC903), never an
error.
"""

from __future__ import annotations

import re
from typing import Final

from perfcheck._read.text.base import Fig, State

#: The gap's label: the time progress it is ahead of or behind.
_GAP: Final = re.compile(r"(快于|超过|超出|超|高于|慢于|低于|落后于?)\s*(?:序\s*时|时\s*间)\s*进\s*度$")
_BEHIND: Final = frozenset({"慢于", "低于", "落后", "落后于"})
#: The rate the gap is of: a completion of the budget (为预算的, 占年预算的, 完成年度预算的).
_BUDGET_RATE: Final = re.compile(r"预算")
#: The months gone by, by the words of the period.
_MONTHS: Final[tuple[tuple[re.Pattern[str], int | None], ...]] = (
    (re.compile(r"(?<![0-9])1\s*[-—－~至到]\s*([0-9]{1,2})\s*月"), None),
    (re.compile(r"一\s*[-—－~至到]\s*([一二三四五六七八九十]{1,2})\s*月"), None),
    (re.compile(r"上半年|半年度?"), 6),
    (re.compile(r"前三季度"), 9),
    (re.compile(r"(?<!前)(?:第一|一)季度"), 3),
)
#: How many characters open a report, where it says what period it covers.
_OPENING: Final = 400
_DIGITS: Final = {c: n for n, c in enumerate("一二三四五六七八九十", start=1)}


def _month(spelled: str) -> int | None:
    if spelled.isdigit():
        return int(spelled)
    if spelled in _DIGITS:
        return _DIGITS[spelled]
    if len(spelled) == 2 and spelled[0] == "十" and spelled[1] in _DIGITS:  # 十一, 十二
        return 10 + _DIGITS[spelled[1]]
    return None


def months_gone(words: str) -> int | None:
    """The months of the year gone by that ``words`` name, when they name one period only.

    >>> months_gone("今年1-6月份，全省财政运行平稳"), months_gone("2018年1至4月份预算执行情况")
    (6, 4)
    >>> months_gone("上半年财政收支情况"), months_gone("一季度")
    (6, 3)
    >>> months_gone("1-3月…上半年") is None, months_gone("全年") is None
    (True, True)
    """
    found: set[int] = set()
    for pattern, months in _MONTHS:
        for match in pattern.finditer(words):
            month = months if months is not None else _month(match.group(1))
            if month is not None:
                found.add(month)
    if len(found) != 1:
        return None
    month = found.pop()
    return month if 1 <= month < 12 else None  # twelve months gone is no progress


class Progress(State):
    """Recognise a budget's completion rate against the time gone by (序时进度, 时间进度)."""

    def time_progress(self) -> None:
        """``为预算的65.7%，快于序时进度15.7个百分点``: 15.7 == 65.7 − 100 × 6 / 12 (上半年), inferred."""
        for gap in self.figs:
            said = _GAP.search(gap.label)
            if not gap.keep or said is None or "百分点" not in (gap.unit or ""):
                continue
            rate = self._rate_before(gap)
            if rate is None:
                continue
            months = months_gone(self.text[rate.sentence.start : rate.sentence.end])
            months = months if months is not None else months_gone(self.title)
            months = months if months is not None else months_gone(self.text[:_OPENING])
            if months is None:
                continue
            share = f"100 * {months} / 12"
            behind = said.group(1) in _BEHIND
            data = {
                "kind": "formula",
                "expr": "",
                "label": f"{gap.label} = {rate.label} {'<' if behind else '>'} {months}/12",
                "_expr": f"{{1}} == {share} - {{0}}" if behind else f"{{1}} == {{0}} - {share}",
            }
            self.add("time_progress", data, [rate.sentence], [rate, gap], inferred=True)

    def _rate_before(self, gap: Fig) -> Fig | None:
        """The budget's completion rate printed right before the gap in its sentence."""
        before = [
            f
            for f in self.by_sentence.get(gap.sentence.index, [])
            if f.keep and f.mention.start < gap.mention.start
        ]
        if not before:
            return None
        rate = before[-1]
        if not rate.is_percent or not _BUDGET_RATE.search(rate.label):
            return None
        return rate
