"""A rate against another rate printed beside it, by percentage points.

``11.32%，比上年的10.54%增加了0.78个百分点``: a share or a growth rate, then a
comparison naming the other rate (``比上年的B%``, ``比全省平均水平
（B%）``, ``较上年同期B%``) and by how many points the first is above it (增加, 提高, 上升, 高, 高出, 多)
or below it (下降, 降低, 减少, 低, 少): the points are the difference of the two rates,
``C == A − B`` (or ``B − A``), a ``formula`` of the three printed figures. The text says all of it,
so the relation is stated, but only in this shape: the rate right before the comparison, a
comma between, the other rate right after the comparison's words, the points right after
the direction. A gap in points against a rate the text does not print (``高于全省平均支出增幅
5.9个百分点``) is no formula: there is nothing to check it with.
"""

from __future__ import annotations

import re
from typing import Final

from perfcheck._read.text.base import Fig, State

#: The comparison between the rate and the other one: 比上年的, 较上年同期, 比全省平均水平（.
_VERSUS: Final = re.compile(r"^\s*[，,]\s*(?:比|较)[^，,。；;：:0-9%]{1,16}?[（(]?$")
#: The direction and the points' words between the other rate and the points.
_BY: Final = re.compile(r"^[)）]?\s*(增加|提高|上升|高出|高|多|下降|降低|减少|回落|低|少)了?\s*$")
_DOWN: Final = frozenset({"下降", "降低", "减少", "回落", "低", "少"})


class PointChanges(State):
    """Recognise a rate against another printed beside it, by percentage points."""

    def point_changes(self) -> None:
        """Each ``A%，比上年的B%增加C个百分点``: ``C == A − B`` (``B − A`` when it fell), stated."""
        for sentence in self.sentences:
            figs = [f for f in self.by_sentence.get(sentence.index, []) if f.keep]
            for rate, other, points in zip(figs, figs[1:], figs[2:], strict=False):
                if not (rate.is_percent and other.is_percent and _in_points(points)):
                    continue
                if _VERSUS.match(self.text[rate.mention.phrase_end : other.mention.phrase_start]) is None:
                    continue
                said = _BY.match(self.text[other.mention.phrase_end : points.mention.phrase_start])
                if said is None:
                    continue
                down = said.group(1) in _DOWN
                data = {
                    "kind": "formula",
                    "expr": "",
                    "label": f"{rate.label} {said.group(1)} {points.mention.text}个百分点",
                    "_expr": "{2} == {1} - {0}" if down else "{2} == {0} - {1}",
                }
                self.add("points", data, [sentence], [rate, other, points])


def _in_points(fig: Fig) -> bool:
    return "百分点" in (fig.unit or "") or "百分點" in (fig.unit or "")
