"""The recogniser of ``分别`` runs: several names, then as many figures, paired in order.

``货物、工程、服务政府采购规模分别为9,027.5亿元、15,664.1亿元和10,301.5亿元，占全国政府采购规模
比例为25.8%、44.8%和29.4%``: each amount is named by its own name (货物政府采购规模, ...), each
percentage after it is the share of the amount in the same place, and none is labelled by
the joining word (``、``, ``和``) printed before it.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Final

from perfcheck._read.text.base import Fig
from perfcheck._read.text.shares import Shares

#: What joins the figures of a run: 9,027.5亿元、15,664.1亿元和10,301.5亿元.
_JOINERS: Final = frozenset({"", "、", "和", "及", "与", "以及", "，"})
_JOIN: Final = re.compile(r"\s*(?:、|和|及|与|以及)\s*")


class Respectively(Shares):
    """Recognise ``分别`` runs: name each figure of the run, and pair runs of amounts and shares."""

    def runs(self) -> list[list[Fig]]:
        """Runs of figures of one kind in one sentence, joined by 、 or 和, the first opening it."""
        out: list[list[Fig]] = []
        for figs in self.by_sentence.values():
            run: list[Fig] = []
            for fig in figs:
                joined = (
                    run
                    and fig.kind == run[-1].kind
                    and fig.unit == run[-1].unit
                    and fig.label in _JOINERS
                    and not self.text[run[-1].text_end : fig.mention.phrase_start].strip(" \u3000、和及与以")
                )
                if joined:
                    run.append(fig)
                    continue
                if len(run) > 1:
                    out.append(run)
                run = [fig]
            if len(run) > 1:
                out.append(run)
        return out

    def respectively(self) -> list[list[Fig]]:
        """Name each figure of a run by its own name, or by the run's words when they name it once.

        Returns the runs, as found before they were named.
        """
        runs = self.runs()
        for run in runs:
            head = run[0].label
            words = head.removesuffix("分别为").removesuffix("分别是").removesuffix("分别")
            names = _JOIN.split(words)
            if len(names) == len(run) and all(names):
                # 货物、工程、服务政府采购规模: the last name is as long as the others, and
                # what follows it is shared by all
                last, size = names[-1], len(names[-2])
                tail = last[size:] if len(last) > size else ""
                for fig, name in zip(run, [*names[:-1], last[:size]], strict=True):
                    fig.label = name + tail
            elif head.startswith("占"):
                for fig in run[1:]:
                    fig.label = head
        return runs

    def paired_shares(self, runs: list[list[Fig]]) -> set[int]:
        """Shares printed as a run after a run of as many amounts: part by part, of one whole.

        Returns the percentages used, which the other share readers leave alone.
        """
        used: set[int] = set()
        for before, shares in pairwise(runs):
            if not shares[0].is_percent or not shares[0].label.startswith("占") or before[0].is_percent:
                continue
            if len(before) != len(shares) or before[0].sentence is not shares[0].sentence:
                continue
            whole = self.whole(shares[0].label[1:].removesuffix("比例为").removesuffix("比例"), before[0])
            if whole is None:
                continue
            for part, stated in zip(before, shares, strict=True):
                self.share(part, whole, stated)
                used.add(id(stated))
        return used
