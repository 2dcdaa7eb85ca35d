"""The recogniser of products (分值 × 执行率 = 得分) and comparisons (达到年度目标, 高于, 不超过)."""

from __future__ import annotations

import itertools
import re

from perfcheck._read.text import patterns
from perfcheck._read.text.base import CLAUSE_STOP, LAST_YEAR, Fig, State, prefix, unique
from perfcheck._read.text.sentences import Sentence


class Comparisons(State):
    """Recognise products (分值 × 执行率 = 得分) and comparisons (达到年度目标, 高于, 不超过)."""

    def products(self) -> None:
        """``分值10分，执行率96.16%，得分9.62分``: the score is the points times the rate (up to 100 %)."""
        for sentence in self.sentences:
            figs = [f for f in self.by_sentence.get(sentence.index, []) if f.keep]
            for points, rate, got in zip(figs, figs[1:], figs[2:], strict=False):
                if (
                    got.unit == "分"
                    and patterns.SCORE_GOT.search(got.label)
                    and rate.is_percent
                    and patterns.RATE_LABEL.search(rate.label)
                    and rate.mention.number <= 100
                    and points.unit == "分"
                    and patterns.SCORE_POINTS.search(points.label)
                ):
                    data = {
                        "kind": "product",
                        "total": "",
                        "factors": [],
                        "label": f"{got.label} = {points.label} × {rate.label}",
                    }
                    self.add("product", data, [sentence], [got, points, rate], inferred=True)
                    self.scored.add(id(got))

    def budget_gaps(self) -> set[int]:
        """``决算为450万元，完成年初预算的90%，决算数小于预算数50万元``: the rate against actual ± gap.

        The budget is not printed, but the gap says what it is: 小于 makes it the actual
        plus the gap, 大于 the actual less it; the stated rate is then the actual over
        it. Returns the rates read, which the other rate readers leave alone.
        """
        done: set[int] = set()
        for sentence in self.sentences:
            figs = [f for f in self.by_sentence.get(sentence.index, []) if f.keep]
            for said in patterns.BUDGET_GAP.finditer(self.text, sentence.start, sentence.end):
                gap = next((f for f in figs if f.mention.start >= said.end() and f.kind == "amount"), None)
                if gap is None or self.text[said.end() : gap.mention.phrase_start].strip():
                    continue
                rate = next(
                    (
                        f
                        for f in reversed(figs)
                        if f.is_percent
                        and f.mention.end <= said.start()
                        and patterns.RATE_LABEL.search(f.label)
                    ),
                    None,
                )
                actual = rate and next(
                    (
                        f
                        for f in reversed(figs)
                        if f.mention.end <= rate.mention.start and f.kind == "amount" and f.unit == gap.unit
                    ),
                    None,
                )
                if rate is None or actual is None or id(rate) in done:
                    continue
                under = said.group(1) in {"小于", "低于", "少于"}
                data = {
                    "kind": "formula",
                    "expr": "",
                    "label": f"{rate.label}: {actual.label} ÷ ({said.group()}{gap.mention.text})",
                    "_expr": (
                        "{2} == {0} / ({0} + {1}) * 100" if under else "{2} == {0} / ({0} - {1}) * 100"
                    ),
                }
                self.add("budget_gap", data, [sentence], [actual, gap, rate])
                rate.concept = "completion_rate"
                done.add(id(rate))
        return done

    def savings(self) -> None:
        """``预算规模A…，实际采购规模B…。节约资金S，节约率为R%``: S = A − B and R = S ÷ A.

        The budget and the actual figure are the nearest amounts printed before the saving
        in its section whose labels say 预算/计划 and 实际, neither a part of a list. What a
        saving is goes without saying, so both relations are inferred.
        """
        for gap, planned, actual in patterns.GAPS:
            self.gaps(gap, planned, actual)

    def gaps(self, word: re.Pattern[str], planned: re.Pattern[str], done: re.Pattern[str]) -> None:
        """Each gap named by ``word``: the sum ``planned = done + gap``, and the gap's rate of ``planned``.

        ``送审金额115991万元，审定金额97219万元，审减金额18772万元，审减率16.18%``: the same reading
        as a saving's (see :meth:`savings`), but an audit's 送审, 审定 and 审减 (核减) printed one after
        the other in one sentence define each other: 审减 is 送审 less 审定, and its rate is of 送审, so
        both relations are then stated.
        """
        parts = {id(p) for _, ps, _ in self.list_sums for p in ps}
        for n, saved in enumerate(self.figs):
            if saved.kind != "amount" or not word.search(saved.label):
                continue
            earlier = [
                f
                for f in self.figs[:n]
                if f.keep
                and f.kind == "amount"
                and f.unit == saved.unit
                and id(f) not in parts
                and f.sentence.section == saved.sentence.section
            ]
            budget = next((f for f in reversed(earlier) if planned.search(f.label)), None)
            actual = next((f for f in reversed(earlier) if done.search(f.label)), None)
            if budget is None or actual is None or budget is actual:
                continue
            data = {
                "kind": "sum",
                "total": "",
                "parts": [],
                "label": f"{budget.label} = {actual.label} + {saved.label}",
            }
            # 送审金额A，审定金额B，审减金额C，审减率R% in one run: the terms define the gap
            defined = word is patterns.GAPS[1][0] and self.in_one_run([budget, actual, saved])
            self.add(
                "sum",
                data,
                unique([budget.sentence, actual.sentence, saved.sentence]),
                [budget, actual, saved],
                inferred=not defined,
            )
            rate = next(
                (
                    f
                    for f in self.by_sentence.get(saved.sentence.index, [])
                    if f.is_percent and f.mention.start > saved.mention.start and word.search(f.label)
                ),
                None,
            )
            if rate is not None:
                label = f"{rate.label}: {saved.label} ÷ {budget.label}"
                defined = defined and self.in_one_run([budget, actual, saved, rate])
                sentences = [budget.sentence, saved.sentence]
                self.ratio_of([saved, budget, rate], label, sentences, inferred=not defined)

    def in_one_run(self, figs: list[Fig]) -> bool:
        """Whether ``figs`` are printed one after the other in one sentence, no other figure between."""
        sentence = figs[0].sentence
        own = self.by_sentence.get(sentence.index, [])
        if any(f.sentence is not sentence for f in figs) or not all(f in own for f in figs):
            return False
        at = own.index(figs[0])
        return own[at : at + len(figs)] == figs

    def compare(self, left: Fig, op: str, right: Fig, why: str) -> None:
        data = {"kind": "compare", "left": "", "op": op, "right": "", "label": why}
        self.add("compare", data, unique([left.sentence, right.sentence]), [left, right])

    def compares(self) -> None:
        """Comparisons the text states: 达到年度目标, 高于目标值90%, 决算数大于预算数, 得分 within 分值."""
        for sentence in self.sentences:
            figs = [f for f in self.by_sentence.get(sentence.index, []) if f.keep]
            self.targets_met(sentence, figs)
            self.figure_compares(figs)
            covered: list[tuple[int, int]] = []
            text = self.text[sentence.start : sentence.end]
            for word, op in patterns.COMPARE_WORDS:
                for found in re.finditer(word, text):
                    a, b = sentence.start + found.start(), sentence.start + found.end()
                    if any(x <= a < y for x, y in covered):
                        continue
                    covered.append((a, b))
                    self.noun_compare(sentence, figs, (a, b), (word, op))
            for points, got in itertools.pairwise(figs):
                if (
                    got.unit == points.unit == "分"
                    and patterns.SCORE_GOT.search(got.label)
                    and patterns.SCORE_POINTS.search(points.label)
                    and id(got) not in self.scored
                ):
                    self.compare(got, "<=", points, f"{got.label} ≤ {points.label}")

    def targets_met(self, sentence: Sentence, figs: list[Fig]) -> None:
        """``指标值≥1200人，实际完成1386人，超额完成年度目标``: the actual figure is at least the target."""
        for match in patterns.TARGET_MET.finditer(self.text, sentence.start, sentence.end):
            before = [f for f in figs if f.mention.phrase_end <= match.start()]
            targets = [f for f in before if patterns.TARGET_LABEL.search(f.label)]
            if not targets:
                continue
            target = targets[-1]
            actual = [f for f in before if f.mention.start > target.mention.start and f.unit == target.unit]
            if actual:
                why = f"{match.group()}: {actual[-1].label} ≥ {target.label}"
                self.compare(actual[-1], ">=", target, why)

    def figure_compares(self, figs: list[Fig]) -> None:
        """``满意度达95%以上，高于年度目标值90%``: a figure compared in words with the one before it.

        A figure in percentage points (``增长33%，高于全市支出增幅3.7个百分点，高于去年同期16.1个百分点``)
        is by how much a rate is higher, never the rate compared with: no comparison.
        """
        for i, fig in enumerate(figs):
            word = next((w for w in patterns.COMPARE_WORDS if fig.label.startswith(w[0])), None)
            if word is None or len(fig.label) == len(word[0]) or i == 0 or _points(fig):
                continue
            left = next((f for f in reversed(figs[:i]) if f.unit == fig.unit and f.kind == fig.kind), None)
            if left is not None:
                self.compare(left, word[1], fig, f"{left.label} {word[0]} {fig.label[len(word[0]) :]}")

    def noun_compare(
        self, sentence: Sentence, figs: list[Fig], span: tuple[int, int], word_op: tuple[str, str]
    ) -> None:
        """``决算数大于预算数``, ``在编人数未超过核定编制数``: both sides named by words, no number."""
        (a, b), (word, op) = span, word_op
        begin = a
        while begin > sentence.start and self.text[begin - 1] not in CLAUSE_STOP:
            begin -= 1
        end = b
        while end < sentence.end and self.text[end] not in CLAUSE_STOP:
            end += 1
        left_words, right_words = self.text[begin:a], self.text[b:end]
        if any(ch.isdigit() for ch in left_words + right_words) or len(left_words) < 2:
            return
        left_role = next((r for rx, r in patterns.ROLE_NOUNS if rx.search(left_words)), None)
        right_match = re.match(r"(?:决算|执行|实际|支出|预算|年初预算|计划)数", right_words)
        if left_role and right_match:
            right_role = next((r for rx, r in patterns.ROLE_NOUNS if rx.search(right_match.group())), None)
            roles = {"actual": patterns.ACTUAL_ROLE, "budget": patterns.BUDGET_ROLE}
            amounts = [f for f in figs if f.kind == "amount"]
            left = next((f for f in amounts if roles[left_role].search(f.label)), None)
            # 上年预算15万元，本年预算20万元，本年决算18.5万元: the budget of the actual's year
            amounts = [f for f in amounts if left is None or not self.other_years(left, f)]
            right = next((f for f in amounts if right_role and roles[right_role].search(f.label)), None)
            if left is not None and right is not None and left is not right:
                self.compare(left, op, right, f"{left_words}{word}{right_match.group()}")
            return
        earlier = [f for f in self.figs if f.keep and f.sentence.section == sentence.section]
        earlier = [f for f in earlier if f.mention.start < a]
        named = right_words.rstrip("。；;！!")
        right_named = [f for f in earlier if len(named) >= 2 and f.label.endswith(named)]
        if not right_named:
            return
        right = right_named[-1]
        # the left side is the figure whose label begins as the words do (在编人数: 在编在岗), if one alone
        scored = [
            (prefix(f.label, left_words), f) for f in earlier if f is not right and f.unit == right.unit
        ]
        best = max((p for p, _ in scored), default=0)
        winners = [f for p, f in scored if p == best]
        if best >= 2 and len(winners) == 1:
            self.compare(winners[0], op, right, f"{left_words}{word}{right_words}")

    def other_years(self, a: Fig, b: Fig) -> bool:
        """Whether two figures are of different years by their words: one names 上年, or two years."""
        if bool(LAST_YEAR.search(a.label)) != bool(LAST_YEAR.search(b.label)):
            return True
        years = self.period_of(a), self.period_of(b)
        return None not in years and years[0] != years[1]


def _points(fig: Fig) -> bool:
    """Whether a figure is printed in percentage points (个百分点): a gap between two rates."""
    return str(fig.unit).endswith("百分点")
