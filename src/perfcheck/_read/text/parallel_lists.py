"""A list short of its total whose parts are named as another list's, which adds up: complete too.

``全市直达资金总额75.20亿元。其中：中央安排直达资金61.02亿元；地方安排直达资金13.78亿元``
and, later, ``市本级直达资金45.66亿元。其中：中央安排直达资金39.64亿元；地方安排资金6.02亿元``:
the second list adds up, so its two kinds of part are all its total's; the first names the
same two kinds, one each and in the same order, so it names all of its total too, though it
falls short of it (parts over their total are reported as they are). Only a reading of the
page says so (the two totals may be split differently), so the sum is inferred: a break is
for a person to check. A list the words say is partial (主要, 等) stays partial.
"""

from __future__ import annotations

from perfcheck._read.text.base import Fig, adds_up, factor, prefix
from perfcheck._read.text.sums import Sums


class ParallelLists(Sums):
    """Make a list complete when another list of the page, naming its parts alike, adds up."""

    def parallel_lists(self) -> None:
        """Rebuild each short list named as one that adds up through :meth:`sum_of`, complete and inferred."""
        sums = [(t, ps, r) for t, ps, r in self.list_sums if any(r is s for s in self.relations)]
        models = [ps for t, ps, r in sums if r.data.get("exhaustive", True) and adds_up(t, ps)]
        for total, parts, rel in sums:
            if rel.data.get("exhaustive", True) or rel.data.get("_partial") or len(parts) < 2:
                continue
            if any(p.unit != total.unit for p in parts) or not _short(total, parts):
                continue  # parts over their total: the partial sum reports it as it is
            if not any(_named_alike(parts, model) for model in models if model is not parts):
                continue
            read = self.list_reads.get(rel)
            if read is None:
                continue  # a list not read by sum_of: left as it was read
            sentence, at, start, bracket, _, partial = read
            place = self.relations.index(rel)
            self.relations.remove(rel)
            self.list_sums = [entry for entry in self.list_sums if entry[2] is not rel]
            del self.list_reads[rel]
            count = len(self.relations)
            self.sum_of(
                total,
                parts,
                sentence,
                at,
                start,
                bracket=bracket,
                inferred=True,
                partial=partial,
                complete=True,
            )
            if len(self.relations) > count:
                self.relations.insert(place, self.relations.pop())  # where the list was read, as before


def _named_alike(parts: list[Fig], model: list[Fig]) -> bool:
    """Whether two lists name their parts alike: one each, in order, each beginning as its own.

    ``中央安排直达资金全市``, ``地方安排直达资金`` and ``中央安排直达资金``, ``地方安排资金``: each
    part begins as the other list's part of its place (two characters at least) and as no other.
    """
    if len(parts) != len(model) or {id(p) for p in parts} & {id(m) for m in model}:
        return False
    if any(p.unit != m.unit for p, m in zip(parts, model, strict=True)):
        return False
    for n, part in enumerate(parts):
        shared = [prefix(part.label, m.label) for m in model]
        if shared[n] < 2 or any(s >= shared[n] for k, s in enumerate(shared) if k != n):
            return False
    return True


def _short(total: Fig, parts: list[Fig]) -> bool:
    """Whether the parts add up to less than the total, beyond their rounding."""
    value = sum(p.mention.number * factor(p.unit) for p in parts)
    return value < total.mention.number * factor(total.unit) and not adds_up(total, parts)
