"""The recogniser of changes (``较上年增加X，增长Y%``) and of the changes of a sum's parts adding up."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from typing import Any, Final

from perfcheck._read.text import patterns
from perfcheck._read.text.base import Fig, Rel, State, label_core, partition, unique
from perfcheck._read.text.names import same_item
from perfcheck._read.text.offsets import heading_year
from perfcheck._read.text.sentences import Sentence

#: Words naming a change's amount or rate once its direction is said (由X减至Y，压缩Z).
#: Words saying a figure did not change: 持平, 无增减, 无变化, 未发生变化, 与上年相同.
_FLAT: Final = re.compile(r"持平|无增减|无变化|没有变化|未(?:发生)?变化|与上年(?:度)?相同")
#: What a figure is said to be flat against: 与上年预算数持平, 和上年相比无增减, 同比持平.
_FLAT_BASE: Final = re.compile(r"(?:与|和|较|比)([^，,。；;]{1,14}?)(?:相比)?[，,]?\s*$|(同比)\s*$")
#: Words saying a comparison is like for like (同口径比上年, 按可比口径): they name nothing that changed.
_LIKE_FOR_LIKE: Final = re.compile(
    r"^\s*(?:按|在)?(?:同|可比)口径(?:计算)?|(?:按|在)?(?:同|可比)口径(?:计算)?\s*$"
)
#: A line ending in a change's direction word (比去年增加): its amount is on the next line.
_ENDS_IN_DIRECTION: Final = re.compile(r"(?:增加|减少|增长|下降|降低|上升|提高)了?\s*$")
_HOW_MUCH: Final = re.compile(r"^(?:压缩|缩减|节约|节省)|幅(?:度)?(?:为|达)?$")


#: A figure's name saying it is a change of its own thing: 人员经费增加, 减少, 压减.
_NAMED_CHANGE: Final = re.compile(r"(?:增加|减少|增长|下降|压减|压缩|节约|上升|降低|提高)了?$")
#: Words of Chinese characters only (a name, no figure, no mark).
_HAN: Final = re.compile(r"[\u4e00-\u9fff“”（）()]+")
#: The parts a figure is said to hold, opening just after it: 总预算X万元，含A经费…, （其中含…）.
_HOLDS: Final = re.compile(r"\s*[，,（(]\s*(?:其中)?(?:含|包含)(?!量)")


class Changes(State):
    """Recognise changes (``较上年增加X，增长Y%``) and of the changes of a sum's parts adding up."""

    def changes(self) -> None:  # noqa: C901, PLR0912 - subject, prior, amount and rate of each change
        for line in self.sentences:
            sentence = self.run_on(line)
            lines = [s.index for s in self.sentences if line.start <= s.start < sentence.end]
            figs = [f for i in lines for f in self.by_sentence.get(i, []) if f.keep]
            joined: set[int] = set()
            for match in patterns.CHANGE.finditer(self.text, line.start, line.end):
                if match.start() in joined:
                    continue
                direction = patterns.DIRECTION.search(
                    self.text, match.end(), min(sentence.end, match.end() + 30)
                )
                if direction is None:
                    continue
                if (
                    patterns.ROLE_BASE.fullmatch(match.group())
                    and not self.figure_before(figs, match)
                    and (self.base_printed(sentence, match) or len(self.clause_lead(sentence, match)) < 2)
                ):
                    continue  # 全年预算数较年初预算数增加…: two names, read by named_changes
                if self.text[max(sentence.start, match.start() - 2) : match.start()] == "分别":
                    self.respective_changes(sentence, figs, match)
                    continue
                compared = self.compared_pairs(sentence, match, direction)
                currents, named_prior, loose = (
                    (compared, None, False) if compared else self.changing(sentence, figs, match, direction)
                )
                if not currents:
                    continue
                kind = currents[0].kind
                after = [f for f in figs if f.mention.start >= match.end()]
                following = patterns.CHANGE.search(self.text, match.end(), sentence.end)
                limit = following.start() if following else sentence.end
                prior = named_prior or next(
                    (f for f in after if f.mention.end <= direction.start() and f.kind == kind), None
                )
                said = [
                    f
                    for f in after
                    if direction.start() <= f.mention.start < limit
                    and self.said_of_change(f, direction.end())
                ]
                percent = next((f for f in said if f.is_percent), None)
                # 与2016年相比21.79万元，增加14.01%: 相比 closed the base; what follows it is the change
                prior, delta = self.after_closed_base(
                    match,
                    prior,
                    named_prior,
                    next((f for f in said if f.kind == kind and self.change_amount(f, percent)), None),
                )
                if following is not None and delta is not None and percent is None:
                    # 同比增加3.1亿元，同比增长6.3%: one change, its amount and its rate
                    percent = self.rate_after(sentence, figs, following, kind)
                    if percent is not None:
                        joined.add(following.start())
                if prior is None and delta is None and percent is None:
                    continue
                if prior is None and len(currents) == 1:
                    # 与2013年执行数相比，2014年…预算减少0.03亿元: 2013's 执行数, printed before
                    prior = self.prior_by_base(currents[0], base_of(match.group()), sentence)
                    loose = loose or prior is not None
                if prior is not None and len(prior.label) < 2 and prior.mention.start > match.start():
                    # 较2024年的2,190万元: last year's figure of what changed, named so
                    year = self.text[match.start() : prior.mention.phrase_start].strip("较比的度 \u3000")
                    prior.label = f"{year}{currents[0].label}"
                label = self.text[match.start() : direction.end()]
                for current in currents:
                    prior = self.compared_priors.pop(id(current), prior)  # of the year compared with
                    for amount, rate in _statements(prior, delta, percent):
                        data: dict[str, Any] = {
                            "kind": "change",
                            "current": "",
                            "direction": "increase" if direction.group() in patterns.INCREASE else "decrease",
                            "label": f"{current.label} {label}",
                        }
                        if named_prior is None:
                            data["_base"] = base_of(match.group())
                        used = [current]
                        for key, f in (("prior", prior), ("delta", amount), ("percent", rate)):
                            if f is not None:
                                data[key] = ""
                                used.append(f)
                        # 与2021年度预算相比，减少0.1万元，下降0.006%: that budget is not printed here
                        gap = (
                            prior is None
                            and amount is not None
                            and rate is not None
                            and self.own_budget(base_of(match.group()), current)
                        )
                        # 比上年增加100万元，主要是人员经费增加80万元，增长10%: the rate follows another
                        # thing's change; whose rate it is, the words do not say
                        gap = gap or (rate is not None and self.rate_after_another(delta, rate, after, kind))
                        self.add(
                            "change", data, unique([current.sentence, sentence]), used, inferred=loose or gap
                        )

    def after_closed_base(
        self, match: re.Match[str], prior: Fig | None, named: Fig | None, delta: Fig | None
    ) -> tuple[Fig | None, Fig | None]:
        """A change's prior and amount, the amount being the "prior" found right after 相比.

        ``与2016年相比21.79万元，增加14.01%``: a base is printed inside ``与…相比`` (``与上年的73991万元
        相比``); an amount right after 相比, named nothing but the comparison's words, is by how
        much, its direction word left out. ``较上年12.5万元，减少…`` closes nothing: there 12.5 is the base.
        """
        if prior is None or prior is named or delta is not None or not match.group().endswith("相比"):
            return prior, delta
        between = self.text[match.end() : prior.mention.phrase_start]
        unnamed = len(prior.label) < 2 or prior.label_start < match.end()
        return (None, prior) if unnamed and not between.strip(" \u3000，,") else (prior, delta)

    def rate_after_another(self, delta: Fig | None, percent: Fig | None, after: list[Fig], kind: str) -> bool:
        """Whether a change's rate is printed after the amount of another thing's change.

        ``本年支出1000万元，比上年增加100万元，主要是人员经费增加80万元，增长10%``: the 10 % may be the
        total's rate or the 人员经费's; a reader cannot tell from the words, so the rate is bound
        by a guess (inferred). An amount between them that names no change of its own (``增加100万元，
        即1.1亿元``) changes nothing.
        """
        if delta is None or percent is None or percent.mention.start < delta.mention.start:
            return False
        return any(
            f is not delta
            and f.kind == kind
            and delta.mention.end <= f.mention.start < percent.mention.start
            and _NAMED_CHANGE.search(f.label)
            for f in after
        )

    def run_on(self, line: Sentence) -> Sentence:
        """A line's sentence, run on into the next line when the page wraps it right after a change's word.

        ``…万元，比去年增加`` / ``1.55万元，增长39.4%``: the amount and the rate of the change are on the
        next line, a sentence of its own; the change is read over both.
        """
        following = line.index + 1
        if line.end not in self.joins or following >= len(self.sentences):
            return line
        if _ENDS_IN_DIRECTION.search(self.text, line.start, line.end) is None:
            return line
        return replace(line, end=self.sentences[following].end)

    def own_budget(self, base: str, current: Fig) -> bool:
        """Whether a change's base is another role of the figure's own year (比预算数, 与2021年度预算相比).

        Then the change is a gap between two figures of one year, and with the base not
        printed its amount and its rate are tied only through a base the reader puts
        together (the figure ± the amount): a break is for a person to check.
        """
        named = _OWN_ROLE.fullmatch(base)
        if named is None:
            return False
        year = named.group(1)
        return year is None or year == (self.year_of(current) or year)

    @staticmethod
    def change_amount(fig: Fig, rate: Fig | None) -> bool:
        """Whether an amount printed in a change's words is its amount, not a figure of its own.

        The amount is named by the change's words (增加X, 比上年减少X) or printed right
        after them; an amount named otherwise after the rate (``同比增长3.7%，加上上级补助
        133.6亿元``, ``下降14.6%，其中A收入866万元``) is another quantity.
        """
        if rate is None or fig.mention.start < rate.mention.start:
            return not fig.label or bool(patterns.DIRECTION.search(fig.label))
        return bool(patterns.DIRECTION.search(fig.label))

    def clause_lead(self, sentence: Sentence, match: re.Match[str]) -> str:
        """The words of ``match``'s clause before it (what a change names as its subject)."""
        clause = max(self.text.rfind(c, sentence.start, match.start()) for c in "，,；;：:。")
        return self.text[max(clause + 1, sentence.start) : match.start()].strip()

    def base_printed(self, sentence: Sentence, match: re.Match[str]) -> bool:
        """Whether the base a change names by its role (比预算数) is a figure printed before in the section.

        ``全年预算数较年初预算数增加…`` with 年初预算数 printed is read by ``named_changes``; with it
        printed nowhere (``A决算数比预算数减少X，下降Y%``) what changed is found by its name and the
        change is inferred, its base put together from the amount.
        """
        base = re.sub(r"^(?:较|比)", "", match.group())
        return any(
            f.keep
            and f.kind == "amount"
            and f.label.endswith(base)
            and f.sentence.section == sentence.section
            for f in self.figs
            if f.mention.start < match.start()
        )

    def figure_before(self, figs: list[Fig], match: re.Match[str]) -> bool:
        """Whether an amount that can change is printed in the clauses before ``match`` (no 。 between)."""
        return any(f.mention.phrase_end <= match.start() and self.eligible(f) for f in figs)

    def prior_by_base(self, current: Fig, base: str, sentence: Sentence) -> Fig | None:
        """The figure a change is against when its base names a year and a role (2013年执行数).

        It is printed before, in a sentence of that year, under a label of that role whose
        name (the role aside) ends the changed figure's or is ended by it; found by its
        name, so the change is inferred.
        """
        named = re.fullmatch(r"((?:19|20)[0-9]{2})年(?:度)?(?:年初|全年|调整)?(预算|决算|执行|实际)", base)
        if named is None:
            return None
        year, role = named.group(1), "budget" if named.group(2) == "预算" else "actual"
        core = label_core(current.label)[0]
        if self.year_of(current) == year or len(core) < 2:
            return None

        # a part of a list is of its total's role (2013年…执行数71.54亿元。其中，因公出国(境)费16.92亿元)
        totals = {id(p): t for t, ps, _ in self.list_sums for p in ps}

        def fits(f: Fig) -> bool:
            other, its_role = label_core(f.label)
            if its_role is None and id(f) in totals:
                its_role = label_core(totals[id(f)].label)[1]
            return (
                f is not current
                and f.kind == current.kind
                and f.unit == current.unit
                and its_role == role
                and self.eligible(f)
                and len(other) >= 2
                and (core.endswith(other) or other.endswith(core))
                # the year the figure is of, not one it is compared with (…预算为X，比2019年预算减少…)
                and self.period_of(f) == year
            )

        found = [f for f in self.figs if f.keep and f.mention.start < sentence.start]
        if id(current) not in totals:  # a part's prior is a part too; a total's is no part
            found = self.top_level(found)
        found = [f for f in found if fits(f)]
        return found[-1] if found else None

    def said_of_change(self, fig: Fig, after: int) -> bool:
        """Whether a figure printed after a change's direction word is the change's amount or rate.

        It is in the direction's clause (``增加20万元``), or opens a clause of its own that
        says a change (``，增长4.2%``, ``，增幅为5%``); a figure after a clause break that
        says none (``，加上上级补助133.6亿元``, ``，可实现…11406万元``) is another statement.
        """
        between = self.text[after : fig.mention.phrase_start]
        if not any(c in between for c in "，,；;。：:"):
            return True
        return bool(_CHANGE_CLAUSE.match(fig.label)) and fig.label_start >= after

    def rate_after(self, sentence: Sentence, figs: list[Fig], match: re.Match[str], kind: str) -> Fig | None:
        """The rate of a change said again after its amount (``，同比增长6.3%``), with no amount."""
        if self.text[match.start() - 1 : match.start()] not in {"，", ","}:
            return None
        after = patterns.CHANGE.search(self.text, match.end(), sentence.end)
        limit = after.start() if after else sentence.end
        said = [f for f in figs if match.end() <= f.mention.start < limit]
        if not said or not said[0].is_percent or any(f.kind == kind for f in said):
            return None
        return said[0]

    def respective_changes(self, sentence: Sentence, figs: list[Fig], match: re.Match[str]) -> None:
        """``本年收入300万元、本年支出280万元，分别比上年增加20万元、减少10万元``: paired in order.

        Each change after 分别 names its own direction; the figures that changed are as
        many figures printed before, of the changes' kind, in the same order.
        """
        stop = min((self.text.find(c, match.end(), sentence.end) for c in "。；;"), key=lambda i: i % 10**9)
        end = sentence.end if stop < 0 else stop
        deltas = [
            (f, word)
            for f in figs
            if match.end() <= f.mention.start < end
            and f.kind == "amount"
            and (
                word := patterns.DIRECTED.search(
                    self.text, max(sentence.start, f.mention.phrase_start - 3), f.mention.phrase_start
                )
            )
        ]
        subjects = [
            f
            for f in figs
            if f.mention.phrase_end <= match.start() and self.eligible(f) and f.kind == "amount"
        ]
        if len(deltas) < 2 or len(subjects) < len(deltas):
            return
        for current, (delta, word) in zip(subjects[-len(deltas) :], deltas, strict=True):
            label = f"{current.label} {self.text[match.start() : match.end()]}{word.group(1)}"
            self.delta_change(word.group(1), label, [sentence], [current, delta])

    def changing(
        self, sentence: Sentence, figs: list[Fig], match: re.Match[str], direction: re.Match[str]
    ) -> tuple[list[Fig], Fig | None, bool]:
        """What changed, for the change starting at ``match``.

        Returns the figures, a prior named by its year, and whether the figures were
        found by a loose match of their name (the relation is then inferred).
        """
        # 预算数减少8.35亿元，…；比2014年执行数减少2.5亿元: a change printed before is no subject
        before = [f for f in figs if f.mention.phrase_end <= match.start() and self.eligible(f)]
        # 收入37,730万元，为全年预算46,908万元的80.43%，比上年…: a figure followed by 的
        # qualifies what comes after it and is not what changed
        subjects = [f for f in before if not self.qualifies(f)] or before
        # 比2023年预算1000万元增加200万元，…，比2023年决算1100万元增加…: what one change is compared
        # with is no subject of the next
        subjects = [f for f in subjects if not self.compared_with(f)] or subjects
        subjects = self.before_brackets(subjects, match.start())
        named = self.named_subject(subjects, match, direction)
        rivals = self.rival_subjects(subjects, sentence, match) if not named else []
        subjects = named or _of_amount_said(subjects, figs, direction.end())
        if subjects:
            subject = subjects[-1]
            if patterns.CHANGED_TO.search(subject.label):
                # 2013年为X，2014年下降到Y，比上年减少Z: X is what Y changed from
                earlier = [
                    f for f in figs if f.mention.start < subject.mention.start and f.kind == subject.kind
                ]
                return [subject], earlier[-1] if earlier else None, False
            # 支出合计110万元，其中基本支出60万元，项目支出50万元，比上年增加10万元: the total's change
            # or the last item's? Not said: the change is inferred
            rival = len([f for f in rivals if f.kind == subject.kind]) > 1
            return [subject], None, rival or self.names_another(subject, sentence, match)
        words = self.text[match.end() : direction.start()]
        years = self.years_compared(sentence, match.start())
        if years is not None:
            # 2018年较2017年部门预算总收入增加64.18万元: the figures of each year, by name
            name = words.strip("，,：: \u3000")
            this, last = (self.of_year(name, y, sentence) for y in years)
            if this is not None and last is not None:
                return [this], last, False
        # 与上年相比，一般公共预算财政拨款支出增加…; 收入、支出总计各增加…: the figures named
        named, loose = self.named_or_spelled(sentence, words)
        if not named and not words.strip("，,：: \u3000的了"):
            # “三公”经费支出决算数比2016年度减少…: the words before 比 name what changed, printed
            # in an earlier sentence of the section; found by its core, so inferred
            clause = max(self.text.rfind(c, sentence.start, match.start()) for c in "，,；;：:。")
            lead = _LIKE_FOR_LIKE.sub("", self.text[max(clause + 1, sentence.start) : match.start()])
            opener = patterns.LIST_OPENER.match(lead.strip())
            if both := self.both_totals(lead.strip(), sentence):
                return both, None, True  # 收、支与2023年度相比，减少…: the two totals printed before
            if opener is not None and opener.end() < len(lead.strip()):
                # 其中公务接待费比上年减少…: a part of what changed, named as printed before
                part = lead.strip()[opener.end() :]
                found = self.nearest_plain(_plain(part), sentence) or self.spelled_before(sentence, part)
            elif lead.strip():
                core = patterns.YEAR_PREFIX.sub("", lead.strip())
                found = self.nearest_core(core, sentence) or self.spelled_before(sentence, core)
            else:
                # 上年结转和结余8.02万元，为…的资金。较2022年度增加0.78万元: the sentence opens with
                # the comparison; what changed is the figure printed last before it, an amount
                found = self.listed_total(self.nearest_before(sentence, lambda _: True), sentence)
                # 收支总预算4471万元，含A经费250万元，B经费537万元；比上年增加…: the parts a figure
                # is said to hold (含) are no subject of the change after them, the figure is
                found = self.included_head(found) if found is not None else None
                if found is not None and (found.kind != "amount" or not self.eligible(found)):
                    # …比2014年预算数减少8.35亿元，下降11.7%；比2014年执行数减少2.5亿元: the subject
                    # of the change before, in the same period
                    found = self.nearest_before(
                        sentence,
                        lambda f: (
                            f.sentence.period == sentence.period and f.kind == "amount" and self.eligible(f)
                        ),
                    )
            return ([found], None, True) if found is not None else ([], None, False)
        return named, None, loose

    def included_head(self, fig: Fig) -> Fig:
        """The amount a run of parts it is said to hold (含, 包含) hangs from, else ``fig`` itself.

        ``收支总预算4471万元，含A经费250万元，B经费537万元``: 250 and 537 are held in 4471, which
        is what a change printed just after the run is of.
        """
        before = [
            f
            for f in self.by_sentence.get(fig.sentence.index, [])
            if f.keep and f.mention.start < fig.mention.start
        ]
        for head in reversed(before):
            held = _HOLDS.match(self.text, head.mention.phrase_end, fig.mention.start)
            if held and head.kind == fig.kind == "amount" and self.eligible(head):
                return head
        return fig

    def names_another(self, subject: Fig, sentence: Sentence, match: re.Match[str]) -> bool:
        """Whether the words opening a change's clause name something other than ``subject``.

        ``项目支出400万元，主要用于信息化建设，信息化建设比上年增加50万元``: what changed is named in the
        change's own clause (信息化建设, printed with no figure), not the 项目支出 of a clause before;
        taking the figure printed last is then a guess. Words that name the subject again
        (``公务接待费支出3万元，公务接待费比上年减少…``), or name nothing (a year, 同口径, 其中
        alone), leave the subject as it is.
        """
        clause = max(self.text.rfind(c, sentence.start, match.start()) for c in "，,；;：:。")
        if subject.mention.start > clause:
            return False  # the subject is printed in the change's own clause
        lead = _LIKE_FOR_LIKE.sub("", self.text[max(clause + 1, sentence.start) : match.start()]).strip()
        lead = patterns.CHANGE.sub("", lead)  # 较上年同比降低: a comparison said twice names nothing
        opener = patterns.LIST_OPENER.match(lead)
        lead = patterns.YEAR_PREFIX.sub("", lead[opener.end() :] if opener else lead)
        lead = lead.strip("与和及、的了均各总体全年 \u3000")
        if len(lead) < 2 or _HAN.fullmatch(lead) is None:
            return False
        return _common(_plain(lead), _plain(subject.label)) < 2

    def rival_subjects(self, subjects: list[Fig], sentence: Sentence, match: re.Match[str]) -> list[Fig]:
        """The amounts that may have changed, for a change at ``match`` naming none.

        Those printed since the sentence's previous change (or its start), not in closed
        brackets, that can change (``subjects`` holds no change or share).
        """
        before = [m.end() for m in patterns.CHANGE.finditer(self.text, sentence.start, match.start())]
        floor = before[-1] if before else sentence.start
        return [f for f in subjects if f.mention.start >= floor and f.kind == "amount"]

    def named_subject(self, subjects: list[Fig], match: re.Match[str], direction: re.Match[str]) -> list[Fig]:
        """The figure before a change that the words between its comparison and its direction name.

        ``公务用车购置费34.71万元，公务用车购置1辆，…，与2016年相比，公务用车购置费减少79.4万元``:
        what changed is named (公务用车购置费; 支出 and 数 aside), not the figure printed last.
        Empty when the words name none of them.
        """
        words = self.text[match.end() : direction.start()].strip("，,：: \u3000的了")
        if not subjects or len(words) < 2 or subjects[-1].label == words:
            return []
        return [f for f in subjects if _plain(f.label) == _plain(words)][-1:]

    def before_brackets(self, subjects: list[Fig], at: int) -> list[Fig]:
        """The subjects a change at ``at`` may have, those inside brackets closed before it left out.

        ``用车费2712万元（其中：购置费0万元，运行费2712万元），比预算数减少107万元``: the breakdown in
        brackets is said between; what changed is the figure before the brackets.
        """
        opened = self.opened_before(subjects[-1].mention.start, at) if subjects else None
        if opened is None or not any(f.mention.phrase_end <= opened for f in subjects):
            return subjects
        return [f for f in subjects if f.mention.phrase_end <= opened]

    def both_totals(self, lead: str, sentence: Sentence) -> list[Fig]:
        """``收、支`` (收支) before a change: the income and the spending total of the sentence before.

        ``收入总计4697.76万元，支出总计4697.76万元。收、支与2023年度相比，减少956.31万元``:
        each of the two totals (总计, else 合计) changed so. Both must be printed, or one figure
        printed for both (``收、支总计均为357.21万元``).
        """
        if _BOTH.fullmatch(lead) is None:
            return []
        before = [f for f in self.by_sentence.get(sentence.index - 1, []) if f.keep and f.kind == "amount"]
        both = [f for f in before if _BOTH_TOTAL.search(f.label)]
        if len(both) == 1:
            return both
        found = []
        for side in ("收入", "支出"):
            named = [f for f in before if re.search(side + r"(?:总计|合计)$", f.label)]
            if not named:
                return []
            found.append(named[-1])
        return found

    def top_level(self, figs: list[Fig]) -> list[Fig]:
        """The figures that are no part of a sum (the 总额 row, not the 财政拨款 row under it)."""
        parts = {id(p) for _, ps, _ in self.list_sums for p in ps}
        return [f for f in figs if id(f) not in parts]

    def named_changes(self) -> None:
        """``全年预算数较年初预算数增加65.60万元``: a change between two figures named by their labels."""
        for sentence in self.sentences:
            figs = [f for f in self.by_sentence.get(sentence.index, []) if f.keep]
            for match in patterns.CHANGE_NAMED.finditer(self.text, sentence.start, sentence.end):
                said = patterns.CHANGE.match(self.text, match.end(1))
                if said and not patterns.ROLE_BASE.fullmatch(said.group()):
                    continue  # 较上年: read by changes()
                earlier = [f for f in self.figs if f.keep and f.mention.start < match.start()]
                earlier = [f for f in earlier if f.sentence.section == sentence.section]
                current = [f for f in self.top_level(earlier) if f.label == match.group(1)]
                prior = [f for f in self.top_level(earlier) if f.label == match.group(2)]
                if not current or not prior:
                    continue
                following = [f for f in figs if f.mention.start >= match.start(3)]
                delta = next((f for f in following if f.kind == current[-1].kind), None)
                percent = next((f for f in following if f.is_percent), None)
                if delta is None and percent is None:
                    continue
                data: dict[str, Any] = {
                    "kind": "change",
                    "current": "",
                    "direction": "increase" if match.group(3) in patterns.INCREASE else "decrease",
                    "prior": "",
                    "label": self.text[match.start() : match.end()],
                }
                used = [current[-1], prior[-1]]
                for key, f in (("delta", delta), ("percent", percent)):
                    if f is not None:
                        data[key] = ""
                        used.append(f)
                self.add("change", data, unique([current[-1].sentence, prior[-1].sentence, sentence]), used)

    def change_formulas(self) -> None:
        """The changes of a sum's parts add up to the change of its total (through figures printed twice)."""
        deltas = self.deltas_by_figure()
        listed = [
            (t, ps, r)
            for t, ps, r in self.list_sums
            if r.data.get("exhaustive") is not False and r in self.relations
        ]
        # any complete sum, not only a list's: a 三公 total and its classes printed one a sentence
        in_lists = {id(r) for _, _, r in self.list_sums}
        listed += [
            (r.figures[0], r.figures[1:], r)
            for r in self.relations
            if r.data["kind"] == "sum" and id(r) not in in_lists and r.data.get("exhaustive") is not False
        ]
        sums = [(t, ps) for t, ps, _ in listed]
        for total, parts, rel in listed:
            # 公务用车 printing no change of its own: the changes of its parts (购置, 运行) stand for it
            leaves = [leaf for p in parts for leaf in _leaves(p, sums, deltas)]
            changed = self.changed_parts(leaves, deltas, total) if deltas.get(id(total)) else leaves
            found = [deltas.get(id(f), []) for f in (total, *changed)]
            said = found
            if [d[2] for d in found[0]] == ["上年"]:  # 与上年相比 of the total, 比2017年预算 of a part
                found = [found[0], *([self.last_year(c[0])] if len(c) == 1 else c for c in found[1:])]
            # the parts are a known partition (the three 三公 classes), each printed with its one
            # change against the total's base: the page states every term, and the parts of
            # both years are the same classes, so the changes must add up
            whole = rel.data.get("basis") != "inferred" and leaves == parts and found == said
            whole = whole and partition([p.label for p in parts]) and all(len(c) == 1 for c in found)
            for terms in _by_base(found):
                stated = whole and self.said_of_each(terms, [total, *changed])
                self.change_formula(total, changed, terms, stated=stated)

    def said_of_each(self, terms: list[tuple[Fig, str, str | None]], figs: list[Fig]) -> bool:
        """Whether each term is the amount of a stated change of its own figure, all against one base."""
        if len({base for _, _, base in terms}) != 1 or terms[0][2] is None:
            return False
        for (delta, _, _), fig in zip(terms, figs, strict=True):
            if not any(
                r.data["kind"] == "change"
                and r.data.get("basis") != "inferred"
                and r.figures[0] is fig
                and delta in r.figures[1:]
                for r in self.relations
            ):
                return False
        return True

    def deltas_by_figure(self) -> dict[int, list[tuple[Fig, str, str | None]]]:
        """Each figure's changes by an amount (its amount, direction, base), through figures printed twice."""
        same: dict[int, set[int]] = defaultdict(set)
        for rel in self.relations:
            if rel.data["kind"] == "equal":
                ids = {id(f) for f in rel.figures}
                for f in rel.figures:
                    same[id(f)] |= ids
        deltas: dict[int, list[tuple[Fig, str, str | None]]] = defaultdict(list)
        for rel in self.relations:
            if rel.data["kind"] == "change" and "delta" in rel.data:
                delta = rel.figures[2 if "prior" in rel.data else 1]
                for key in same.get(id(rel.figures[0]), {id(rel.figures[0])}):
                    deltas[key].append((delta, str(rel.data["direction"]), rel.data.get("_base")))
        return deltas

    def last_year(self, change: tuple[Fig, str, str | None]) -> tuple[Fig, str, str | None]:
        """A part's one change against ``2017年预算`` (2017年度, 2017年决算) in a 2018 report, as 上年.

        Only where the total has one change, against 上年, and the part one: then the
        part's is the term of the total's (the terms are the reader's reading: inferred).
        """
        delta, direction, base = change
        year = re.match(r"((?:19|20)[0-9]{2})年(?:度)?(?:年初)?(?:预算|决算|执行)?数?$", base or "")
        if year is None or self.year is None or int(year.group(1)) != int(self.year) - 1:
            return change
        return delta, direction, "上年"

    def changed_parts(
        self, parts: list[Fig], deltas: dict[int, list[tuple[Fig, str, str | None]]], total: Fig
    ) -> list[Fig]:
        """The parts but those said to be unchanged (公务接待费2万元，和上年持平), which add nothing."""
        bases = {base_of(b) for _, _, b in deltas.get(id(total), []) if b is not None}
        changed = [p for p in parts if deltas.get(id(p)) or not self.said_flat(p, bases)]
        return changed or parts

    def said_flat(self, fig: Fig, bases: set[str]) -> bool:
        """Whether the words after a figure, in its clause, say it did not change against one of ``bases``.

        ``公务接待费2万元，和上年持平``, ``因公出国（境）费0万元，与上年相比无增减``, ``A 11.9万元，全部为
        B 11.9万元，与上年持平``, ``A预算0万元，与上年预算数持平``: flat against what the words
        name (上年, 上年预算), which must be a base the total changed against; words naming no
        base (``持平``) are flat against last year. The words run to the end of the clause
        (。 or ；), or to the next figure, its share and a figure of the same value (what it is
        made of) aside.
        """
        following = [
            f
            for f in self.by_sentence.get(fig.sentence.index, [])
            if f.mention.start > fig.mention.start
            and not f.is_percent  # 占36%，和上年持平: its share
            and f.mention.number != fig.mention.number  # 全部为运行维护费11.9万元: what it is made of
        ]
        end = following[0].label_start if following else fig.sentence.end
        stop = next((i for i in range(fig.mention.phrase_end, end) if self.text[i] in "。；;"), end)
        words = self.text[fig.mention.phrase_end : stop]
        closes = not following and self.text[stop : stop + 1] in {"；", ";"} and stop + 1 >= fig.sentence.end
        if closes and fig.sentence.index + 1 < len(self.sentences):
            # A 8.2万元；与上年预算数持平，原因：…: the clause after ； names no figure of its own
            after = self.sentences[fig.sentence.index + 1]
            figures = self.by_sentence.get(after.index, [])
            if after.line == fig.sentence.line:
                words += self.text[after.start : figures[0].label_start if figures else after.end]
        flat = _FLAT.search(words)
        if flat is None:
            return False
        against = _FLAT_BASE.search(words, 0, flat.start())
        base = base_of(against.group(1) or against.group(2)) if against else "上年"
        # 与2016年持平 of a total 与2016年决算相比…: one base named more or less fully
        return any(b.startswith(base) or base.startswith(b) for b in bases) or (base == "上年" and not bases)

    def change_formula(
        self, total: Fig, parts: list[Fig], terms: list[tuple[Fig, str, str | None]], *, stated: bool = False
    ) -> None:
        """The formula of the changes of a sum's parts, one a term, adding up to the total's change.

        Inferred (the terms are the reader's reading) unless ``stated``: the page prints every
        part of a known partition with its own change against the total's base.
        """
        if len({d[0].unit for d in terms}) != 1 or len({id(d[0]) for d in terms}) != len(terms):
            return
        figs = {id(d[0]) for d in terms}
        if any({id(f) for f in r.figures} == figs for r in self.relations):
            return  # 减少X。其中：A减少…，B减少…: already read as the change's breakdown
        names = " + ".join(p.label for p in parts)
        data = {
            "kind": "formula",
            "expr": "",
            "label": f"the changes of {names} add up to that of {total.label}",
        }
        self.add(
            "changes",
            data,
            unique([d[0].sentence for d in terms]),
            [d[0] for d in terms],
            inferred=not stated,
        )
        self.relations[-1].data["_signs"] = ["-" if d[1] == "decrease" else "+" for d in terms]

    def years_compared(self, sentence: Sentence, at: int) -> tuple[str, str] | None:
        """The two years of ``2018年较2017年`` when the change starting at ``at`` compares them."""
        for found in patterns.YEAR_VERSUS.finditer(self.text, sentence.start, sentence.end):
            if found.start() <= at < found.end():
                return found.group(1), found.group(2)
        return None

    def compared_pairs(self, sentence: Sentence, match: re.Match[str], direction: re.Match[str]) -> list[Fig]:
        """What changed, when a change names figures printed in this year and in the year it is against.

        ``2023年度收入总计453.13万元，支出总计453.13万元，2022年度收入总计400.22万元，支出总计400.22万元，
        与2022年度相比，收入、支出总计各增加52.91万元``: each name (``A、B总计各`` names A总计 and
        B总计) is printed once of the report's year and once, after it, of the year compared with;
        the change is of this year's figure against that one (kept in ``compared_priors``). Empty
        unless every name is found so.
        """
        base = base_of(match.group())
        year = str(int(self.year) - 1) if base == "上年" and self.year else base.removesuffix("度")
        year = year.removesuffix("年")
        words = self.text[match.end() : direction.start()].strip("，,：: \u3000")
        if not year.isdigit():
            return []
        pool = [
            f
            for f in self.figs
            if f.keep
            and f.kind == "amount"
            and f.mention.start < match.start()
            and f.sentence.section == sentence.section
            and self.eligible(f)
        ]
        splits = _name_splits(words) if words else self.last_name_twice(pool, sentence, match)
        for names in splits:
            pairs = []
            for name in names:
                then = [f for f in pool if f.label == name and f.period == year]
                now = [f for f in pool if f.label == name and f.period in {None, self.year}]
                if then and len(then) + len(now) > 2:
                    # the two printed again side by side (2017年度基本支出279万元，2016年度基本支出
                    # 230万元，2017年比上年基本支出增加…): the last of last year's, this year's before it
                    now = [f for f in now if f.mention.start < then[-1].mention.start][-1:]
                    then = then[-1:] if now and then[-1].sentence.index == now[0].sentence.index else []
                if len(now) != 1 or len(then) != 1 or now[0].mention.start > then[0].mention.start:
                    break
                pairs.append((now[0], then[0]))
            else:
                self.compared_priors.update({id(now): then for now, then in pairs})
                return [now for now, _ in pairs]
        return []

    def last_name_twice(self, pool: list[Fig], sentence: Sentence, match: re.Match[str]) -> list[list[str]]:
        """The name of the two amounts printed last before a change naming nothing, when it is one.

        ``2017年项目支出2626万元，2016年项目支出398万元，与上年相比增了2228万元``: 项目支出, printed
        once of each year in the change's sentence; nothing when the two are named otherwise.
        """
        last = [f for f in pool if f.mention.start >= sentence.start and f.mention.end <= match.start()][-2:]
        if len(last) < 2 or last[0].label != last[1].label or len(last[0].label) < 2:
            return []
        return [[last[0].label]]

    def of_year(self, name: str, year: str, sentence: Sentence) -> Fig | None:
        """The nearest figure before ``sentence`` in its section named ``name`` in a sentence of ``year``."""
        return self.nearest_before(
            sentence,
            lambda f: f.label == name and f"{year}年" in self.text[f.sentence.start : f.sentence.end],
        )

    def listed_total(self, found: Fig | None, sentence: Sentence) -> Fig | None:
        """The total of the list ``found`` ends, when that list closed the period before ``sentence``.

        ``“三公”经费预算3328万元。其中，A 50万元，B 478万元，C 2800万元。比2018年减少830万元``: a
        sentence opening with the comparison after a list's own sentence compares the whole, not
        its last part. Else ``found`` itself.
        """
        if found is None or found.sentence.period != sentence.period - 1:
            return found
        for total, parts, _ in self.list_sums:
            if parts and parts[-1] is found and total.mention.start < parts[0].mention.start:
                return total
        return found

    def nearest_before(self, sentence: Sentence, accept: Callable[[Fig], bool]) -> Fig | None:
        """The nearest figure printed before ``sentence`` in its section that ``accept`` takes."""
        earlier = [
            f
            for f in self.figs
            if f.keep
            and f.mention.start < sentence.start
            and f.sentence.section == sentence.section
            and accept(f)
        ]
        return earlier[-1] if earlier else None

    def named_before(self, sentence: Sentence, words: str) -> list[Fig]:
        """The figures a change names by words alone: ``一般公共预算财政拨款支出``, ``收入、支出总计各``.

        Each name is the label of a figure printed earlier in the same section (the
        nearest); ``A、B总计各`` names ``A总计`` and ``B总计``. All must be found.
        """
        words = words.strip("，,：: \u3000")
        shared = words.endswith("各")
        words = words.removesuffix("各")
        if not words:
            return []
        names = words.split("、")
        if len(names) > 1 and not shared:
            return []
        last = names[-1]
        # 收入、支出总计: the last name's tail is shared by the others; try each split
        for cut in range(len(last), 0, -1):
            tail = last[cut:]
            found = [self.nearest_named(n + tail, sentence) for n in names[:-1]]
            found.append(self.nearest_named(last, sentence))
            if all(f is not None for f in found):
                return [f for f in found if f is not None]
            if len(names) == 1:
                break
        if len(names) == 1:
            # 与上年相比，2020年度的“三公”经费支出减少了…: the year and 的 are not the name
            core = patterns.YEAR_PREFIX.sub("", last)
            close = self.nearest_like(core, sentence) if core != last else None
            if close is not None:
                return [close]
            # 与2013年年初预算相比，中央本级2013年“三公”经费执行数减少…: the name ends the words
            ending = self.nearest_before(
                sentence, lambda f: len(f.label) >= 4 and self.eligible(f) and last.endswith(f.label)
            )
            if ending is not None:
                return [ending]
        return []

    def named_or_spelled(self, sentence: Sentence, words: str) -> tuple[list[Fig], bool]:
        """The figures a change names by words alone, and whether found loosely (by a name not printed so)."""
        named = self.named_before(sentence, words)
        if not named and (spelled := self.spelled_before(sentence, words)) is not None:
            return [spelled], True
        return named, len(named) == 1 and named[0].label not in words

    def spelled_before(self, sentence: Sentence, words: str) -> Fig | None:
        """The item a change names, printed before in its section under another spelling of its name.

        ``（一）因公出国（境）费22万元。…与2016年相比，因公出国（境）经费支出减少…``: 经费 and 费, 支出,
        预算数 or 决算数 aside (``links.item``), the name is the figure's; it is of the report's
        own year (no other year printed before it), and of the role the words name (a budget is
        never what an actual changed from, nor the other way). Found by name, so the change is
        inferred.
        """
        words = words.strip("，,：: \u3000")
        return self.nearest_before(
            sentence,
            lambda f: (
                f.kind == "amount"
                and self.eligible(f)
                and f.period in {None, self.year}
                and same_item(words, f.label)
            ),
        )

    def nearest_like(self, name: str, sentence: Sentence) -> Fig | None:
        """The figure of the sentence before, in the section, whose label holds ``name`` or is held by it."""
        return self.nearest_before(
            sentence,
            lambda f: (
                self.eligible(f)
                and f.sentence.index == sentence.index - 1
                and len(f.label) >= 2
                and (name in f.label or f.label in name or _common(name, f.label) >= 4)
            ),
        )

    def nearest_plain(self, name: str, sentence: Sentence) -> Fig | None:
        """The nearest amount before ``sentence`` in its section labelled ``name`` (支出, 数 aside)."""
        if len(name) < 2:
            return None
        return self.nearest_before(sentence, lambda f: f.kind == "amount" and _plain(f.label) == name)

    def nearest_core(self, name: str, sentence: Sentence) -> Fig | None:
        """The nearest top-level amount before ``sentence`` in its section whose label ends ``name``'s core.

        ``“三公”经费财政拨款支出决算数`` finds ``支出决算``: a label of two characters or more
        that the name, without its trailing 数, ends with.
        """
        core = name.removesuffix("数")
        if len(core) < 2:
            return None
        return next(
            (
                f
                for f in reversed(self.top_level(self.figs))
                if f.keep
                and f.mention.start < sentence.start
                and f.sentence.section == sentence.section
                and f.kind == "amount"
                and self.eligible(f)
                and len(f.label) >= 2
                and core.endswith(f.label.removesuffix("数"))
            ),
            None,
        )

    def listed_changes(self) -> None:
        """``比上年减少X，其中：A减少Y万元，降低Z%；B增加…``: each part's change, against its own figure.

        A part is named by its label before the direction word; the figure it changed is
        the one printed earlier in the section under that name (支出 and 数 aside).
        """
        used = {id(f) for r in self.relations if r.data["kind"] == "change" for f in r.figures[1:]}
        for sentence in self.sentences:
            compared = patterns.CHANGE.search(self.text, sentence.start, sentence.end)
            opener = compared and patterns.LIST_OPENER.search(self.text, compared.end(), sentence.end)
            if not opener and sentence.index > 0:
                # …减少0.43亿元，下降7%。其中，公务接待费0.98亿元，减少…: the list opens the next sentence
                before = self.sentences[sentence.index - 1]
                opener = patterns.LIST_OPENER.match(self.text, sentence.start)
                compared = patterns.CHANGE.search(self.text, before.start, before.end)
                if not compared:
                    opener = None
            if not opener or not compared:
                continue
            base = base_of(compared.group())
            # the list runs on through the ；-clauses of its period
            figs = [
                f
                for later in self.sentences[sentence.index :]
                if later.period == sentence.period
                for f in self.by_sentence.get(later.index, [])
                if f.keep and f.mention.start >= opener.end()
            ]
            for n, fig in enumerate(figs):
                said = patterns.DIRECTED.search(fig.label)
                if said is None or fig.kind != "amount" or id(fig) in used:
                    continue
                subject, spelled = self.listed_subject(figs, n, fig.label[: said.start()], sentence)
                if subject is None:
                    continue
                following = figs[n + 1] if n + 1 < len(figs) else None
                percent = following if following is not None and following.is_percent else None
                sentences = unique([subject.sentence, sentence, fig.sentence])
                label = f"{subject.label} {said.group(1)}"
                self.delta_change(said.group(1), label, sentences, [subject, fig], percent)
                self.relations[-1].data["_base"] = base
                if spelled:
                    self.relations[-1].data["basis"] = "inferred"
                self.add_prior(self.relations[-1], base, sentence)

    def listed_subject(
        self, figs: list[Fig], n: int, words: str, sentence: Sentence
    ) -> tuple[Fig | None, bool]:
        """What the ``n``-th figure of a list, a change named by ``words``, is the change of.

        The figure printed before under that name (支出 and 数 aside); else under another
        spelling of it (公务接待费支出决算减少… of 公务接待费支出: then inferred, the second value);
        with no name, the item just printed (其中，公务接待费0.98亿元，减少0.43亿元).
        """
        name = _plain(words)
        if name:
            subject = self.nearest_plain(name, sentence)
            if subject is not None:
                return subject, False
            spelled = self.spelled_before(sentence, words)
            return spelled, spelled is not None
        before = self.before_brackets(figs[:n], figs[n].mention.start)
        if before and before[-1].kind == "amount" and self.eligible(before[-1]):
            return before[-1], False
        return None, False

    def add_prior(self, rel: Rel, base: str, sentence: Sentence) -> None:
        """Give a change by an amount its prior when its base names a year and a role, printed before.

        与2013年执行数相比…。其中，A增加2.84亿元: A's 2013 执行数, found by name, so inferred. A
        change printed with its rate too is left as it is.
        """
        prior = None if "percent" in rel.data else self.prior_by_base(rel.figures[0], base, sentence)
        if prior is not None:
            rel.data.update(prior="", basis="inferred")
            rel.figures.insert(1, prior)

    def elided_changes(self) -> None:
        """``比预算数减少1.94亿元；公务用车购置及运行费30.87亿元，减少3.72亿元``: the base said once.

        In a sentence that has said what its changes are against, an amount named by a
        direction word alone, right after an amount, is that amount's change against the
        same base. The base is not repeated, so the change is inferred. With no base said
        at all, an amount and a rate named by direction words of one way, right after an
        amount (``完成36552万元，增加2362万元，增长6.91%``; ``增收34.96亿元、增长12.6%``), are one
        change too: its base is not known, but the amount and the rate are of one base; inferred.
        A share said between the amount and its change (``为459989万元，占调整预算数115.8%，增支42991万元，
        增长10.3%``) is passed over; 增支 and 减支 (spending grown, shrunk) are directions as 增收 and 减收.
        """
        used = {id(f) for r in self.relations if r.data["kind"] == "change" for f in r.figures[1:]}
        for fig in self.figs:
            # 总收入312.74亿元，增收34.96亿元、增长12.6%: income grown (增收) or shrunk (减收) by the amount
            word = _BY_INCOME.get(fig.label.removesuffix("了"), fig.label.removesuffix("了"))
            directed = word in (*patterns.INCREASE, *patterns.DECREASE)
            if fig.kind != "amount" or id(fig) in used or not directed:
                continue
            period = [s for s in self.sentences if s.period == fig.sentence.period]
            compared = list(patterns.CHANGE.finditer(self.text, period[0].start, fig.mention.start))
            figs = [f for s in period for f in self.by_sentence.get(s.index, []) if f.keep]
            n = figs.index(fig)
            # A 2066万元（其中：B 1920万元，C 146万元），减少12万元: A's change, not C's
            earlier = self.before_brackets(figs[:n], fig.mention.start)
            # 支出数为459989万元，占调整预算数115.8%，增支42991万元: a share said between is no subject
            while len(earlier) > 1 and earlier[-1].is_percent and _SHARE_BETWEEN.match(earlier[-1].label):
                earlier = earlier[:-1]
            current = earlier[-1] if earlier else None
            if current is None or current.kind != "amount" or not self.eligible(current):
                continue
            following = figs[n + 1] if n + 1 < len(figs) else None
            percent = following if following is not None and following.is_percent else None
            if not compared and not _same_way(word, percent):
                # 累计完成税收收入36552万元，增加2362万元，增长6.91%: no base said at all, but the
                # amount and the rate of one change, each against it, are tied to each other
                continue
            label = f"{current.label} {word}"
            self.delta_change(word, label, unique([fig.sentence]), [current, fig], percent)
            base = base_of(compared[-1].group()) if compared else None
            self.relations[-1].data.update(_base=base, basis="inferred")
        self.rate_changes()

    def rate_changes(self) -> None:
        """``——一般公共服务支出1650万元，增长40.78%；``: a rate named by a direction word alone.

        Right after an amount, in the next clause, it is that amount's change; with no
        prior and no amount it is not checkable, but it is read (and its figure is in a
        relation). Its base is not said: inferred.
        """
        used = {id(f) for r in self.relations for f in r.figures}
        for fig in self.figs:
            word = fig.label.removesuffix("了").removeprefix("可比")  # 可比增长: on a comparable basis
            if not fig.is_percent or id(fig) in used or word not in (*patterns.INCREASE, *patterns.DECREASE):
                continue
            figs = [f for f in self.by_sentence.get(fig.sentence.index, []) if f.keep]
            n = figs.index(fig)
            # 收入54386万元，完成预算的97.95%，可比增长7.74%: a rate of another relation between
            between = 1
            while n - between > 0 and self.rate_between(figs[n - between], used):
                between += 1
            current = figs[n - between] if n - between >= 0 else None
            if current is None or current.kind != "amount" or not self.eligible(current):
                continue
            gap = self.text[current.mention.phrase_end : fig.label_start]
            if between == 1 and gap.strip(" \u3000") not in {"，", ","}:
                continue
            if between > 1 and any(c in gap for c in "；;。"):
                continue
            data: dict[str, Any] = {
                "kind": "change",
                "current": "",
                "direction": "increase" if word in patterns.INCREASE else "decrease",
                "percent": "",
                "label": f"{current.label} {word}",
            }
            prior = self.last_years(current)
            if prior is not None:
                data["prior"] = ""
            used_figs = [current, fig] if prior is None else [current, prior, fig]
            self.add("change", data, unique([*(f.sentence for f in used_figs)]), used_figs, inferred=True)

    def last_years(self, current: Fig) -> Fig | None:
        """The same quantity printed before for the year before, by paragraph or heading; None if none is.

        ``二、2014年…执行情况 … 市本级收入46亿元 … 三、2015年…安排情况 … 市本级收入65.5亿元，增长42.2%``:
        one name, one scope and unit, the years a year apart.
        """
        year = self.year_of(current) or heading_year(self.text, current.mention.start)
        if year is None:
            return None
        before = str(int(year) - 1)
        found = [
            f
            for f in self.figs
            if f.keep
            and f.mention.start < current.mention.start
            and f.kind == current.kind
            and f.unit == current.unit
            and f.label == current.label
            and not self.other_scopes(f, current)
            and (self.year_of(f) or heading_year(self.text, f.mention.start)) == before
        ]
        return found[-1] if len(found) == 1 else None

    @staticmethod
    def rate_between(fig: Fig, used: set[int]) -> bool:
        """A rate stepped over between an amount and its change's rate: of another relation, or a budget's."""
        said = patterns.NAMED_BASE.match(fig.label) or patterns.RATE_LABEL.search(fig.label)
        return fig.is_percent and (id(fig) in used or said is not None)

    def moved_to(self) -> None:
        """``由去年的73,421.67万元增加到75,651.85万元，增加2,230.18万元，约增加3%``: from a prior to a value.

        ``从去年的193.45亿元猛减到今年的125.54亿元，降幅达35.1%`` too (从 for 由, the year after 到).

        The figure named 增加到 (上升到, 下降到, 减少到…) is the new value and the one amount
        printed between 由 and it the old one; the amount and the rate after it, each named
        by a direction word, are the change's, each judged on its own (both values printed).
        """
        changed = {id(r.figures[0]) for r in self.relations if r.data["kind"] == "change"}
        for sentence in self.sentences:
            figs = [f for f in self.by_sentence.get(sentence.index, []) if f.keep]
            for n, current in enumerate(figs):
                word = patterns.CHANGED_TO.search(current.label)
                # 由去年的X增加到Y; 从去年的X猛减到今年的Y
                start = max(self.text.rfind(w, sentence.start, current.label_start) for w in "由从")
                if word is None or start < 0 or current.kind != "amount" or id(current) in changed:
                    continue
                priors = [f for f in figs[:n] if f.mention.start > start and f.kind == "amount"]
                if len(priors) != 1 or priors[0].unit != current.unit:
                    continue
                after: list[Fig] = []
                for f in figs[n + 1 :]:
                    if patterns.CHANGED_TO.search(f.label) or "由" in f.label:
                        break
                    if patterns.LIST_OPENER.search(self.text, current.text_end, f.mention.start):
                        break  # …增加到1200万元，其中2022年至2024年年均增长10%: a part's, or a span's
                    after.append(f)
                # 由263.48万元减至211.48万元，压缩52万元: the direction is said; 压缩 names its amount
                said = [f for f in after if patterns.DIRECTION.search(f.label) or _HOW_MUCH.search(f.label)]
                delta = next((f for f in said if f.kind == "amount" and f.unit == current.unit), None)
                rates = [f for f in said if f.is_percent and not patterns.AVERAGE_RATE.search(f.label)]
                percent = rates[0] if rates else None
                data: dict[str, Any] = {
                    "kind": "change",
                    "current": "",
                    "direction": "increase" if word.group().startswith(patterns.INCREASE) else "decrease",
                    "prior": "",
                    "label": f"{current.label} {self.text[start : current.label_start].strip('，, ')}",
                }
                for key, said_fig in (("delta", delta), ("percent", percent)):
                    if said_fig is not None:  # both values printed: the amount and the rate, each judged
                        self.add("change", {**data, key: ""}, [sentence], [current, priors[0], said_fig])

    def compared_values(self) -> None:
        """Changes between two values printed side by side (由A增加到B; 2016年…A，2015年…B，对比减少…)."""
        self.moved_to()
        self.year_pairs()

    def year_pairs(self) -> None:
        """``A 2016年预算8万元，2015年预算12.5万元；对比减少4.35万元；减少率35.22%``: two years compared.

        The two amounts printed just before 对比, each after its own year, are one quantity
        in two years: the amount after 对比增加/减少 is the later one's change against the
        earlier one, and a rate named 减少率 (增长率) after it is that amount over the
        earlier year's value, as the words say.
        """
        periods: dict[int, list[Sentence]] = defaultdict(list)
        for sentence in self.sentences:
            periods[sentence.period].append(sentence)
        for sentences in periods.values():
            begin, end = sentences[0].start, sentences[-1].end
            figs = [f for s in sentences for f in self.by_sentence.get(s.index, []) if f.keep]
            words = list(_VERSUS.finditer(self.text, begin, end))
            for n, match in enumerate(words):
                stop = words[n + 1].start() if n + 1 < len(words) else end
                before = [f for f in figs if f.mention.phrase_end <= match.start()]
                before = [f for f in before if f.kind == "amount" and self.eligible(f)][-2:]
                years = [self.year_printed(f, begin) for f in before]
                if (
                    len(before) < 2
                    or None in years
                    or years[0] == years[1]
                    or before[0].unit != before[1].unit
                ):
                    continue
                prior, current = before if str(years[0]) < str(years[1]) else before[::-1]
                after = [f for f in figs if match.end() <= f.mention.start < stop]
                delta = next(
                    (
                        f
                        for f in after[:1]
                        if f.kind == "amount" and f.unit == current.unit and f.label.endswith(match.group(1))
                    ),
                    None,
                )
                rate = next((f for f in after if f.is_percent and _RATE_NAME.search(f.label)), None)
                word = match.group(1)
                label = f"{current.label} {self.text[match.start() : match.end()]}"
                if delta is not None:
                    data: dict[str, Any] = {"kind": "change", "current": "", "prior": "", "delta": ""}
                    data.update(
                        direction="increase" if word in patterns.INCREASE else "decrease", label=label
                    )
                    self.add(
                        "change", data, unique([current.sentence, delta.sentence]), [current, prior, delta]
                    )
                if rate is not None and delta is not None:
                    data = {"kind": "ratio", "numerator": "", "denominator": "", "stated": ""}
                    data["label"] = f"{rate.label}: {delta.label} ÷ {prior.label}"
                    self.add("ratio", data, unique([prior.sentence, rate.sentence]), [delta, prior, rate])
                elif rate is not None:
                    data = {"kind": "change", "current": "", "prior": "", "percent": ""}
                    data.update(
                        direction="increase" if word in patterns.INCREASE else "decrease", label=label
                    )
                    self.add(
                        "change", data, unique([current.sentence, rate.sentence]), [current, prior, rate]
                    )

    def delta_change(
        self, word: str, label: str, sentences: list[Sentence], figs: list[Fig], percent: Fig | None = None
    ) -> None:
        """A change by a printed amount (and rate) whose direction ``word`` says: [current, delta]."""
        data: dict[str, Any] = {
            "kind": "change",
            "current": "",
            "direction": "increase" if word in patterns.INCREASE else "decrease",
            "delta": "",
            "label": label,
        }
        if percent is not None:
            data["percent"] = ""
        self.add("change", data, sentences, [*figs, *([percent] if percent is not None else [])])

    def nearest_named(self, name: str, sentence: Sentence) -> Fig | None:
        """The nearest figure printed before ``sentence`` in its section with the label ``name``."""
        return self.nearest_before(sentence, lambda f: f.label == name)


#: The words that open a clause saying a change: 增长4.2%, 同比下降3%, 增幅为5%, 减少了2万元, 压缩1.8%.
_CHANGE_CLAUSE: Final = re.compile(
    r"^(?:约|大约|近)?(?:同比|比上年|较上年)?"
    r"(?:增加|增长|上升|提高|减少|下降|降低|增幅|降幅|减幅|增|减|幅度|压缩|缩减)"
)


#: Income said to change by an amount (增收X, 减收X), as the plain direction words.
_BY_INCOME: Final = {"增收": "增加", "减收": "减少", "增支": "增加", "减支": "减少"}
#: A share printed between an amount and its change: 占调整预算数115.8%, 为预算的98%, 完成预算的….
_SHARE_BETWEEN: Final = re.compile(r"^(?:占|为|為|是|完成)")


def _of_amount_said(subjects: list[Fig], figs: list[Fig], after: int) -> list[Fig]:
    """The subjects a change may have, counts left out when the change's amount is money.

    ``公务用车购置费34.71万元，购置1辆中巴车，…，与2016年相比，公务用车购置费减少79.4万元``: the count
    printed last (1辆) did not change by 79.4万元; the amount before it did.
    """
    said = next((f for f in figs if f.mention.start >= after and not f.is_percent), None)
    if said is None or said.kind != "amount" or not subjects or subjects[-1].kind == "amount":
        return subjects
    return [f for f in subjects if f.kind == "amount"] or subjects


def _same_way(word: str, percent: Fig | None) -> bool:
    """Whether a rate printed right after a change's amount is named by a direction word of its way."""
    if percent is None:
        return False
    said = percent.label.removesuffix("了")
    return said in patterns.INCREASE if word in patterns.INCREASE else said in patterns.DECREASE


def _plain(label: str) -> str:
    """A label without the words that vary between mentions of one quantity (支出, 数)."""
    return label.replace("支出", "").removesuffix("数")


def _common(a: str, b: str) -> int:
    """The length of the longest run of characters ``a`` and ``b`` share."""
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] not in b:
                break
            best = j - i
    return best


#: Income and spending named by one character each: 收、支, 收支.
_BOTH: Final = re.compile(r"(?:本年)?收[、和及与]?支(?:总计|合计)?")
#: One figure printed for both sides' totals: 收、支总计均为357.21万元.
_BOTH_TOTAL: Final = re.compile(r"收[、和及与]?支(?:总计|合计)")
#: Two years' values compared, then the change: 对比减少4.35万元, 与上年对比增加….
_VERSUS: Final = re.compile(r"对比(增加|减少|增长|下降)")
#: A rate of change named as such: 减少率35.22%, 增长率.
_RATE_NAME: Final = re.compile(r"(?:增长|减少|下降|降低|增加)率$")
#: A base that names a role in the budget cycle, with or without a year: 预算, 2021年度预算, 年初预算.
_OWN_ROLE: Final = re.compile(r"(?:((?:19|20)[0-9]{2})年度?)?(?:年初|全年|调整)?(?:预算|决算|执行|实际|计划)")


def _statements(
    prior: Fig | None, delta: Fig | None, percent: Fig | None
) -> list[tuple[Fig | None, Fig | None]]:
    """A change's amount and rate, as one statement, or two when its prior is printed.

    With both years printed, the amount and the rate of a change are two statements, each
    judged (and reported) on its own.
    """
    if prior is not None and delta is not None and percent is not None:
        return [(delta, None), (None, percent)]
    return [(delta, percent)]


def _name_splits(words: str) -> list[list[str]]:
    """The names a change's words may give: one, or ``A、B总计各`` as A总计 and B总计 (each split tried).

    >>> _name_splits("收入、支出总计各")[:3]
    [['收入', '支出总计'], ['收入计', '支出总计'], ['收入总计', '支出总计']]
    """
    shared = words.endswith("各")
    names = words.removesuffix("各").split("、")
    if len(names) == 1:
        return [names]
    if not shared:
        return []
    last = names[-1]
    return [[*(n + last[cut:] for n in names[:-1]), last] for cut in range(len(last), 0, -1)]


def base_of(words: str) -> str:
    """What a change is against, in one spelling: 比上年, 较上年度, 同比 and 与上年相比 are all 上年.

    >>> base_of("与2013年年初预算相比"), base_of("比2014年预算数"), base_of("同比")
    ('2013年年初预算', '2014年预算', '上年')
    """
    base = re.sub(r"^(?:与|相较于?|较|比)|相比$|\s", "", words)
    base = re.sub(r"(?:同期|数)$", "", base)
    return "上年" if base in {"同比", "上年度", "去年", "上一年", "上年"} else base


def _leaves(
    part: Fig, sums: list[tuple[Fig, list[Fig]]], deltas: dict[int, list[tuple[Fig, str, str | None]]]
) -> list[Fig]:
    """A part whose change is printed; else, when it is a list's total, that list's parts if all changed.

    ``（二）公务用车购置及运行费…：1、购置费…减少79.4万元；2、运行费…减少596.98万元``: the subtotal
    prints no change, its two parts do, so theirs make up its share of the total's change.
    """
    if deltas.get(id(part)):
        return [part]
    below = next((ps for t, ps in sums if t is part), None)
    if below is not None and all(deltas.get(id(p)) for p in below):
        return below
    return [part]


def _by_base(
    found: list[list[tuple[Fig, str, str | None]]],
) -> list[list[tuple[Fig, str, str | None]]]:
    """One change of each figure, all against the same base, for every base they all changed against.

    A change whose base is not known goes with the first base only, so that no change
    is paired twice.
    """
    if any(not f for f in found):
        return []
    bases: list[str | None] = list(dict.fromkeys(b for d in found for _, _, b in d if b is not None))
    bases = bases or [None]
    out = []
    for n, base in enumerate(bases):
        terms = []
        for changes in found:
            match = [d for d in changes if d[2] == base] or [d for d in changes if d[2] is None and n == 0]
            if not match:
                break
            terms.append(match[0])
        else:
            out.append(terms)
    return out
