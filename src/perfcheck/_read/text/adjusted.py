"""A budget adjusted from one amount to another: ``由年初预算X调整为Y，调增Z``.

A report on a budget's adjustment (预算调整方案) prints, item by item, the budget passed
at the start of the year, the amount it is adjusted to, and by how much, in one clause
chain and in either order:

- ``一般公共预算收入由年初预算12,000万元调整为12,500万元，调增500万元`` (由…/将…, then the amount);
- ``地方一般公共预算收入：年初预算为50000万元，增加37000万元，调整为87000万元`` (the amount between).

The figure after ``调整为`` (调整到, 调整至, 调整后为) is the new value, the one amount before
it in its clause chain the old one, and the amount named only by a direction word
(调增, 调减, 增加, 减少, 新增, 追加, 核减…) printed between them or right after the new
value is by how much it changed. The text states all three, so the ``change`` is stated;
the direction is the amount's word. No other amount may stand between the old value and
the new one, and the old and new values are in one unit (a misprinted unit is no guess).
"""

from __future__ import annotations

import re
from typing import Any, Final

from perfcheck._read.text.base import Fig, State

#: What names the new value of an adjusted budget: 调整为, 拟调整为, 调整到, 调整至, 调整后为.
_TO: Final = re.compile(r"调整(?:为|到|至|成|后为)\s*$")
#: The words of an amount that is by how much the budget was adjusted, and its direction.
_BY: Final = re.compile(r"(?:拟|共|合计|累计|净)?(调增|增加|新增|追加|核增|增收|调减|减少|核减|压减|减收)了?")
_UP: Final = frozenset({"调增", "增加", "新增", "追加", "核增", "增收"})
#: What may stand between two of the three figures: a comma, or the words naming the new value.
_GAP: Final = re.compile(r"[，,\s]*")
_GAP_TO: Final = re.compile(r"[，,\s]*(?:拟|再|并)?调整(?:为|到|至|成|后为)\s*")
#: Words after an old value's name that say it is the old value of an adjustment (由, 将, 拟将), and
#: words a name ends with that are no part of it (均由: both totals).
_FROM: Final = re.compile(r"(?:均|都|拟)?(?:由|将)")
#: The words of the old value's name: 由…, 将…, 年初预算, 原预算 (a part of a list is not adjusted).
_OLD: Final = re.compile(r"由|将|年初|预算|原")
#: What was adjusted, named before a colon that opens the clause of its old value: （1）A：年初预算为X.
_NAMED: Final = re.compile(r"([^，,。；;：:\n0-9]{2,30})[：:]\s*$")
#: The words of an old value's name that say it is the budget first passed: 年初预算数.
_ROLE: Final = re.compile(r"(?:年初)?预算数?$")
_ENUMERATOR: Final = re.compile(r"^\s*(?:[（(][0-9一二三四五六七八九十]{1,2}[)）]|[0-9]{1,2}[.、．])")


class Adjusted(State):
    """Recognise budgets adjusted from one printed amount to another by a printed amount."""

    def adjusted_budgets(self) -> None:
        """``由X调整为Y，调增Z`` and ``X，增加Z，调整为Y``: a stated ``change`` from X to Y by Z."""
        used = {id(f) for r in self.relations if r.data["kind"] == "change" for f in r.figures}
        for sentence in self.sentences:
            figs = [f for f in self.by_sentence.get(sentence.index, []) if f.keep]
            for n, new in enumerate(figs):
                if new.kind != "amount" or id(new) in used or n == 0:
                    continue
                previous_end = figs[n - 1].mention.phrase_end
                if not _TO.search(self.text, previous_end, new.mention.start):
                    continue
                found = self._old_and_by(figs, n)
                if found is None:
                    continue
                old, by, word = found
                if any(id(f) in used for f in (old, by)):
                    continue
                self._name(old, new)
                data: dict[str, Any] = {
                    "kind": "change",
                    "current": "",
                    "prior": "",
                    "delta": "",
                    "direction": "increase" if word in _UP else "decrease",
                    "label": f"{old.label} → {new.label}（{word}）",
                }
                self.add("change", data, [sentence], [new, old, by])
                used.update({id(new), id(old), id(by)})

    def _old_and_by(self, figs: list[Fig], n: int) -> tuple[Fig, Fig, str] | None:
        """The old value and the amount of the adjustment to ``figs[n]``, with the amount's word."""
        new = figs[n]
        before = figs[n - 1]
        by_between = self._by(before)
        if by_between is not None:  # 年初预算为X，增加Z，调整为Y
            if n < 2:
                return None
            old, by, word = figs[n - 2], before, by_between
        else:  # 由X调整为Y，调增Z
            old = before
            after = figs[n + 1] if n + 1 < len(figs) else None
            word_after = self._by(after) if after is not None else None
            if after is None or word_after is None or not self._gap(new, after, _GAP):
                return None
            by, word = after, word_after
        if old.kind != "amount" or by.kind != "amount" or old.unit != new.unit or self._by(old) is not None:
            return None
        if not _OLD.search(old.label):
            return None  # 年初预算X，其中税收Y，调整为Z: what was adjusted is not the part before
        # nothing but a comma between them: 年初预算为X，增加Z，调整为Y / 由X调整为Y
        pairs = [(old, by, _GAP), (by, new, _GAP_TO)] if by is before else [(old, new, _GAP_TO)]
        if not all(self._gap(a, b, gap) for a, b, gap in pairs):
            return None
        return old, by, word

    def _name(self, old: Fig, new: Fig) -> None:
        """Name the values by what was adjusted: ``A由年初预算`` and ``调整`` are A年初预算, A调整预算."""
        parts = _FROM.split(old.label, maxsplit=1)
        subject, rest = (parts[0], parts[1]) if len(parts) == 2 else ("", old.label)
        if not subject:  # 将A年初预算X调整为…, 年初预算为X (A named before a colon: （1）A：年初预算为X)
            subject = _ROLE.sub("", rest)
            named = _NAMED.search(self.text, old.sentence.start, old.label_start)
            if not subject and named is not None:
                subject = _ENUMERATOR.sub("", named.group(1)).lstrip(")）.、． ")
                rest = subject + rest
        if len(subject) < 2:
            return
        old.label = rest if rest.startswith(subject) else subject + rest
        if len(_FROM.sub("", new.label)) <= len("拟调整"):
            new.label = f"{subject}调整预算"

    def _gap(self, first: Fig, second: Fig, gap: re.Pattern[str]) -> bool:
        """Whether only ``gap`` stands between ``first`` and ``second``'s name (its number, for 调整为)."""
        end = second.mention.start if gap is _GAP_TO else second.label_start
        return gap.fullmatch(self.text, first.mention.phrase_end, end) is not None

    def _by(self, fig: Fig) -> str | None:
        """The direction word of an amount named by it alone (调增500万元), else None."""
        match = _BY.fullmatch(fig.label.strip("，,：: "))
        return match.group(1) if match and fig.kind == "amount" else None
