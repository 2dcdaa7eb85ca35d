"""The recogniser of counts: an enumeration's number of items (七大文化), a score's 100-point scale."""

from __future__ import annotations

import re

from perfcheck._read.text import patterns
from perfcheck._read.text.base import ENUMERATION_AFTER, ENUMERATION_BEFORE, State


class Counts(State):
    """Recognise counts: an enumeration's number of items (七大文化), a score's 100-point scale."""

    def enumerations(self) -> None:
        for fig in self.figs:
            if not fig.mention.enumerates:
                after = self.text[fig.text_end : fig.sentence.end]
                listed = patterns.ENUMERATION_AFTER.search(after) if fig.kind == "count" else None
                names = [x for x in re.split(r"[、]", listed.group(1)) if x.strip()] if listed else []
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
            items = [x for x in re.split(r"[、，,；;]", match.group(1)) if x.strip()] if match else []
            if len(items) < 2:
                fig.keep = False  # 十九大 is a name, not a count of anything listed
                continue
            data = {"kind": "formula", "expr": "", "label": f"{fig.label}: the text lists {len(items)}"}
            rel_figs = [fig]
            self.add("listed", data, [fig.sentence], rel_figs)
            self.relations[-1].data["_count"] = len(items)

    def scores(self) -> None:
        if any(patterns.SCORE_SCALE.search(f.label) for f in self.figs):
            return  # the text prints its scale
        for fig in self.figs:
            if fig.keep and fig.concept == "score":
                data = {"kind": "formula", "expr": "", "label": f"{fig.label} is on a 100-point scale"}
                self.add("scale", data, [fig.sentence], [fig], inferred=True)
                self.relations[-1].data["_max"] = 100
