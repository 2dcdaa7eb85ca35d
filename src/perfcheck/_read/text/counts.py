"""The recogniser of counts: an enumeration's number of items (七大文化), a score's 100-point scale."""

from __future__ import annotations

import re

from perfcheck._read.text import patterns
from perfcheck._read.text.base import ENUMERATION_AFTER, ENUMERATION_BEFORE, Fig, State


class Counts(State):
    """Recognise counts: an enumeration's number of items (七大文化), a score's 100-point scale."""

    def enumerations(self) -> None:
        for fig in self.figs:
            if not fig.mention.enumerates:
                after = self.text[fig.text_end : fig.sentence.end]
                listed = patterns.ENUMERATION_AFTER.search(after) if fig.kind == "count" else None
                names = _names(listed.group(1) or listed.group(2), "、") if listed else []
                if listed and (
                    self.list_runs_on(fig, fig.text_end + listed.end()) or self.counts_before(fig)
                ):
                    continue
                if len(names) >= 2:
                    data = {
                        "kind": "formula",
                        "expr": "",
                        "label": f"{fig.label}: the text lists {len(names)}",
                    }
                    self.add("listed", data, [fig.sentence], [fig])
                    self.relations[-1].data["_count"] = len(names)
                continue
            before = self.text[fig.sentence.start : fig.mention.start]
            after = self.text[fig.mention.phrase_end : fig.sentence.end]
            match = ENUMERATION_BEFORE.search(before) or ENUMERATION_AFTER.search(after)
            items = _names(match.group(1), "、，,；;") if match else []
            if match and not items:
                continue  # 涉及四大类，其中：A项目9个，资金107万元: items with figures are no names to count
            if len(items) < 2:
                fig.keep = False  # 十九大 is a name, not a count of anything listed
                continue
            data = {"kind": "formula", "expr": "", "label": f"{fig.label}: the text lists {len(items)}"}
            rel_figs = [fig]
            self.add("listed", data, [fig.sentence], rel_figs)
            self.relations[-1].data["_count"] = len(items)

    def list_runs_on(self, fig: Fig, end: int) -> bool:
        """Whether the names listed up to ``end`` go on after a comma (``分别是A、B，C、D``).

        The list was cut at the comma, so its count is not known; nor is which count it is of.
        """
        return bool(re.match(r"[，,][^，,。；;]*、", self.text[end : fig.sentence.end]))

    def counts_before(self, fig: Fig) -> bool:
        """Whether another count is printed before ``fig`` in its sentence (内设16个部门，法庭4个，分别是…).

        The names may then be of both counts together: which one they count is a guess.
        """
        return any(
            f is not fig
            and f.kind == "count"
            and f.sentence is fig.sentence
            and f.mention.start < fig.mention.start
            for f in self.figs
        )

    def scores(self) -> None:
        if any(patterns.SCORE_SCALE.search(f.label) for f in self.figs):
            return  # the text prints its scale
        for fig in self.figs:
            if fig.keep and fig.concept == "score":
                data = {"kind": "formula", "expr": "", "label": f"{fig.label} is on a 100-point scale"}
                self.add("scale", data, [fig.sentence], [fig], inferred=True)
                self.relations[-1].data["_max"] = 100


def _names(listed: str, separators: str) -> list[str]:
    """The names of a list, split at ``separators`` outside brackets; none when an item prints a figure.

    ``执行局(含执行管理科、执行实施一科)、研究室`` names two; ``安全水项目9个，资金规模107万元`` names
    nothing to count (its items are figures, not names).
    """
    flat = re.sub(r"[（(][^（()）]*[)）]", "", listed)
    if re.search(r"[0-9０-９]", flat):
        return []
    return [x for x in re.split(f"[{separators}]", flat) if x.strip()]
