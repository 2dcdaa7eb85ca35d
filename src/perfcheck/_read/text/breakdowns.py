"""The recognisers of partitions: breakdowns by a classification (按级次分…, 从…看), shares adding to 100%.

A report breaks one total down in several ways, one after another:
``财政总收入4348万元…。按级次分：上划中省收入2628万元…。地方收入1720万元…`` then
``地方收入按部门分：税务部门完成1431万元…；财政部门完成289万元…``. Each ``按…分`` opens a
partition of its own, so each is a ``sum`` of its own total; the figures of two
classifications are never parts of one sum (they would count the total twice).

The total is the figure the words before ``按`` name (地方收入 names 地方一般公共预算收入: its
words in order), else the nearest amount before that is no part of a list and larger
than each part. The parts are the amounts after ``按…分`` to the next ``按…分`` or the
end of their paragraph, read from the first sentence (or the next ones, while it holds
fewer than two), leaving out figures qualified by 的 (占年初预算X的Y%: a budget) and
the parts of a list inside the breakdown. A classification names every class, but
which total it details is the reader's choice, so the sum is inferred: broken, it is
a warning to check by hand (PC903).
"""

from __future__ import annotations

import re
from typing import Final

from perfcheck._read.text.base import Fig, adds_up, factor, partition, unique
from perfcheck._read.text.sums import Sums, not_sangong

#: A classification opening a breakdown: 按级次分：, 按功能分类，, 按经济分类来看：, 按支出性质划分：.
BY: Final = re.compile(r"(?<!照)按(?!照)([^，,。；;：:\n0-9]{1,8}?)(?:分类|划分|分)(?:来看|看)?[，,：:]")
#: A classification said as a point of view: 从项目类别看，, 从项目层级来看，, 分收入结构看： (二、分…看：).
BY_VIEW: Final = re.compile(
    r"(?:^|(?<=[，,。；;：:\s])|(?<=\n[一二三四五六七八九十]、)|(?<=^[一二三四五六七八九十]、))(?:从|分)([^，,。；;：:\n0-9]{2,8}?)(?:来看|看)[，,：:]"
)
#: A classification said as the heading of a situation: 分地区一般公共预算收入完成情况：, 分级次收入情况：.
BY_SITUATION: Final = re.compile(
    r"(?:^|(?<=\n)|(?<=\n[一二三四五六七八九十]、)|(?<=^[一二三四五六七八九十]、))"
    r"分(地区|区域|区县|县区|级次|部门|行业|税种|项目|类别|层级|科目)[^，,。；;：:\n0-9]{0,16}?情况[：:]"
)
#: A heading's number before a classification: 二、, （三）, 3.
_NUMBERED: Final = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]{1,2}[、.．])"
)
#: How many sentences after the first a breakdown may run on to find its second part.
_RUN_ON: Final = 2


def _in_order(words: str, label: str) -> bool:
    """Whether ``words`` are printed in ``label`` in order (地方收入 in 地方一般公共预算收入)."""
    rest = iter(label)
    return all(ch in rest for ch in words)


class Breakdowns(Sums):
    """Recognise breakdowns by a classification: each ``按…分`` a sum of its own total."""

    def breakdowns(self) -> None:
        """Each ``按…分`` list as a sum of the total it details (see the module's docs)."""
        found = [*BY.finditer(self.text), *BY_VIEW.finditer(self.text), *BY_SITUATION.finditer(self.text)]
        opened = sorted(found, key=lambda m: m.start())
        for n, match in enumerate(opened):
            line_end = self.text.find("\n", match.end())
            end = len(self.text) if line_end < 0 else line_end
            if n + 1 < len(opened):
                end = min(end, opened[n + 1].start())
            parts = self.classes(match.end(), end)
            if len(parts) < 2:
                continue
            total = self.classified_total(match, parts)
            if total is None or any(p.unit != total.unit or self.exceeds(p, total) for p in parts):
                continue
            if not_sangong(total, parts):
                continue  # 从预算分类来看，因公出国…: the classes of a 三公 total, no other
            if any(
                t is total and {id(p) for p in ps} == {id(p) for p in parts} for t, ps, _ in self.list_sums
            ):
                continue  # 地方收入按构成分：税收收入…，非税收入…: already read as a list
            self.sum_of(total, parts, parts[-1].sentence, match.start(), match.end(), inferred=True)

    def classes(self, start: int, end: int) -> list[Fig]:
        """The amounts of a breakdown between ``start`` and ``end``: its first sentence, run on for two."""
        inner = {id(p) for t, ps, _ in self.list_sums for p in ps if start <= t.mention.start < end}
        figs = [
            f
            for f in self.figs
            if f.keep
            and start <= f.mention.start < end
            and f.kind == "amount"
            and self.eligible(f)
            and not self.qualifies(f)
            and not f.mention.qualifier
            and id(f) not in inner
        ]
        if not figs:
            return []
        first = figs[0].sentence.period
        for last in range(first, first + _RUN_ON + 1):
            taken = [f for f in figs if f.sentence.period <= last]
            if len(taken) >= 2:
                return taken
        return []

    def classified_total(self, match: re.Match[str], parts: list[Fig]) -> Fig | None:
        """The total a breakdown details: the figure its subject's words name, else the nearest whole."""
        clause = max(self.text.rfind(c, 0, match.start()) for c in "。；;，,\n：:") + 1
        # 二、分收入结构看：… : a heading's number is no subject
        said = self.text[clause : match.start()].strip()
        words = _NUMBERED.sub("", said)
        heading = words != said
        listed = {id(p) for _, ps, _ in self.list_sums for p in ps}
        if len(words) >= 2:
            named = [
                f
                for f in self.figs
                if f.keep
                and f.mention.start < match.start()
                and f.kind == "amount"
                and self.eligible(f)
                and not self.qualifies(f)
                and _in_order(words, f.label)
            ]
            return named[-1] if named else None
        # 二、分收入结构看：…: a chapter of its own, breaking down the total of the chapter before
        return self.nearest_whole(parts, listed) or (
            self.nearest_whole(parts, listed, section=False) if heading else None
        )

    def partition_shares(self, runs: list[list[Fig]]) -> None:
        """The shares of the parts of one whole add up to 100%: a ``formula`` over the stated rates.

        Built only where no printed sum already implies it (a list whose parts each print
        their amount and share is checked by its sum and its shares):

        - shares of one whole, each with its part's amount, the parts in no sum of it but
          their names a known complete partition (货物, 工程, 服务): ``a + b + c == 100``;
        - a run of rates of one whole with no amounts (``公开招标、邀请招标…规模分别占全国政府采购
          规模的77.2%、0.8%…和3.3%``): ``<= 100``, or ``== 100`` when the names are a known
          complete partition.

        The parts are named apart, but whether they are every part and none inside another
        is the reader's reading: inferred. Rates computed from the exact amounts always
        meet 100 within their printed rounding.
        """
        shares: dict[int, list[tuple[Fig, Fig]]] = {}
        wholes: dict[int, Fig] = {}
        for rel in self.relations:
            if rel.data["kind"] == "share" and len(rel.figures) == 3:
                part, whole, rate = rel.figures
                shares.setdefault(id(whole), []).append((part, rate))
                wholes[id(whole)] = whole
        for key, found in shares.items():
            whole = wholes[key]
            if len({id(p) for p, _ in found}) != len(found):
                continue
            for pairs in _partition_runs(sorted(found, key=lambda pair: pair[0].mention.start)):
                parts = [part for part, _ in pairs]
                if any(
                    r.data["kind"] == "sum"
                    and r.figures[0] is whole
                    and {id(p) for p in r.figures[1:]} >= {id(p) for p in parts}
                    for r in self.relations
                ):
                    continue  # the sum and the shares already check the rates
                self.add_to_100(whole.label, parts, [rate for _, rate in pairs], every=True)
        rated = {id(r.figures[-1]) for r in self.relations if r.data["kind"] in {"share", "ratio"}}
        for run in runs:
            if not all(f.is_percent and f.keep for f in run) or any(id(f) in rated for f in run):
                continue
            head = self.text[run[0].sentence.start : run[0].mention.start]
            said = re.search(r"分别占([^，,。；;]{2,30}?)的?(?:比例|比重)?为?$", head)
            if said is not None:
                every = partition([f.label for f in run])
                self.add_to_100(said.group(1), run, run, every=every)

    def add_to_100(self, whole: str, parts: list[Fig], rates: list[Fig], *, every: bool) -> None:
        """The ``formula`` of ``rates`` adding up to 100 (``every``), or to 100 at most; inferred."""
        terms = " + ".join(f"{{{n}}}" for n in range(len(rates)))
        sign = "=" if every else "≤"
        label = f"shares of {whole}: " + " + ".join(p.label for p in parts) + f" {sign} 100%"
        data = {"kind": "formula", "_expr": f"{terms} {'==' if every else '<='} 100", "label": label}
        self.add("shares", data, unique([r.sentence for r in rates]), rates, inferred=True)

    def cross_sections(self) -> None:
        """A list whose parts add up to more than its total, read as several partitions in a row.

        ``支出预算100万元，其中：基本支出80万元，项目支出20万元，工资福利支出70万元，商品和服务支出
        30万元``: two classifications of one total, printed one after the other in one list.
        When the parts split, in order, into runs of two or more that each add up to the
        total as printed or are a known complete partition, each run is a sum of its own,
        inferred (where one ends is the reader's reading); one sum over all of them would
        count the total twice. A list that splits so in no way is left as it is.
        """
        for total, parts, rel in list(self.list_sums):
            if rel not in self.relations or len(parts) < 4:
                continue
            if sum(p.mention.number * factor(p.unit) for p in parts) <= total.mention.number * factor(
                total.unit
            ):
                continue
            runs = self.split_runs(total, parts)
            if runs is None or len(runs) < 2:
                continue  # one run is the list itself: a stated list that adds up to more stays stated
            self.relations.remove(rel)
            self.list_sums = [entry for entry in self.list_sums if entry[2] is not rel]
            for run in runs:
                label = f"{total.label} = " + " + ".join(p.label for p in run)
                data = {"kind": "sum", "total": "", "parts": [], "label": label}
                self.add(
                    "sum",
                    data,
                    unique([total.sentence, *(p.sentence for p in run)]),
                    [total, *run],
                    inferred=True,
                )
                self.list_sums.append((total, run, self.relations[-1]))

    def split_runs(self, total: Fig, parts: list[Fig]) -> list[list[Fig]] | None:
        """``parts`` cut, in order, into two runs or more that each make up ``total``; None if none do."""
        if len(parts) >= 2 and (adds_up(total, parts) or partition([p.label for p in parts])):
            return [parts]
        for cut in range(2, len(parts) - 1):
            head = parts[:cut]
            if not (adds_up(total, head) or partition([p.label for p in head])):
                continue
            if (rest := self.split_runs(total, parts[cut:])) is not None:
                return [head, *rest]
        return None


def _partition_runs(found: list[tuple[Fig, Fig]]) -> list[list[tuple[Fig, Fig]]]:
    """The runs of a whole's shares, in the order printed, whose parts' names are a known partition.

    All of them when they are one; else the longest runs of two or more shares printed one after
    another, left to right (``基本支出…占7.55%。项目支出…占92.45%。…教育支出…占100%``: the first two
    split the whole one way, the third is of another classification).
    """
    if len(found) < 2:
        return []
    if partition([part.label for part, _ in found]):
        return [found]
    runs, start = [], 0
    while start < len(found) - 1:
        end = next(
            (e for e in range(len(found), start + 1, -1) if partition([p.label for p, _ in found[start:e]])),
            None,
        )
        if end is None:
            start += 1
            continue
        runs.append(found[start:end])
        start = end
    return runs
