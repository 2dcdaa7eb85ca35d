"""The recogniser of shares (``占…的X%``) and rates (执行率, 完成率)."""

from __future__ import annotations

import re
from typing import Final

from perfcheck._read.text import patterns
from perfcheck._read.text.base import Fig, State, role_of, unique
from perfcheck._read.text.links import item


class Shares(State):
    """Recognise shares (``占…的X%``) and rates (执行率, 完成率)."""

    def preceding(self, fig: Fig, kinds: set[str]) -> Fig | None:
        figs = self.by_sentence.get(fig.sentence.index, [])
        if fig.sentence.start - 1 in self.joins:  # a line wrapped mid-sentence: its figures come first
            figs = [*self.by_sentence.get(fig.sentence.index - 1, []), *figs]
        before = [f for f in figs if f.mention.start < fig.mention.start and f.kind in kinds and f.keep]
        return before[-1] if before else None

    def shares(self, done: set[int] | frozenset[int] = frozenset()) -> None:  # noqa: C901 - a reader per phrasing
        """Shares and stated completion ratios, but for the percentages in ``done``.

        A whole named by words no figure is labelled with (``占采购总量的19.6%``) is the total of
        the list the part is in; once so found, the same words name it for every share
        after (``市级…29.81亿元，占采购总量的16.26%``, the 市级 in no list). Both are the
        reader's reading, so those shares are inferred.
        """
        learned: dict[str, Fig] = {}
        for fig in self.figs:
            if id(fig) in done:
                continue
            if fig.is_percent and patterns.TARGET_SHARE.search(fig.label):
                part = self.preceding(fig, {"amount", "count"})
                if part is not None:
                    fig.concept = "completion_rate"
                    data = {
                        "kind": "ratio",
                        "numerator": "",
                        "stated": "",
                        "label": f"{part.label} ÷ {fig.label}",
                    }
                    self.add("ratio", data, [fig.sentence], [part, fig])
                continue
            if not fig.is_percent or not fig.label.startswith("占"):
                continue
            words = fig.label[1:]
            if words in {"比", "比重", "比例"}:
                words = ""  # 占比74%: of the whole its list names, as 占74% is
            part, loose = self.share_part(fig)
            if part is None:
                continue
            if not words:  # 其中：A 10万元，占82.34%: a share of the list's total
                listed = next(
                    (r for r in self.relations if r.data["kind"] == "sum" and part in r.figures[1:]),
                    None,
                )
                if listed is not None:
                    # a list whose total is a guess (found by another spelling) makes its shares one
                    guessed = listed.data.get("basis") == "inferred"
                    self.share(part, listed.figures[0], fig, inferred=loose or guessed)
                continue
            if patterns.TARGET_WORDS.search(words):
                fig.concept = "completion_rate"
                data = {"kind": "ratio", "numerator": "", "stated": "", "label": f"{part.label} ÷ {words}"}
                self.add("ratio", data, [fig.sentence], [part, fig])
                continue
            whole = self.whole(words, part)
            if whole is not None:
                # 占整个“三公”总额的18% and a figure named 总额 alone: a bare name of two characters
                # only ends the words, so which whole they mean is a guess (总额 of what?)
                tail_only = len(_achieved_off(whole.label)) <= 2 and not _named_fully(whole.label, words)
                self.share(part, whole, fig, inferred=loose or tail_only)
            elif (whole := self.unnamed_whole(words, part, learned)) is not None:
                self.share(part, whole, fig, inferred=True)

    def of_base(self) -> set[int]:
        """``收入37,730万元，为全年预算46,908万元的80.43%``: the subject as a percentage of the base.

        Returns the percentages read, which the other share readers leave alone.
        """
        done: set[int] = set()
        for sentence_figs in self.by_sentence.values():
            for n, fig in enumerate(sentence_figs):
                if not fig.is_percent or n < 2:
                    continue
                base = sentence_figs[n - 1]
                between = self.text[base.mention.phrase_end : fig.mention.phrase_start].strip()
                if base.kind != "amount" or _OF_WORDS.fullmatch(between) is None:
                    continue
                words = self.text[base.label_start - 2 : base.label_start]
                subject = next(
                    (
                        f
                        for f in reversed(sentence_figs[: n - 1])
                        if self.eligible(f) and not self.qualifies(f)
                    ),
                    None,
                )
                # 为全年预算46,908万元的80.43%, 占年初预算10065万元的43.2%, 完成预算27万元的63.2%
                said = "为" in words + base.label[:1] or base.label.startswith(("占", "完成"))
                if subject is None or not said or subject.unit != base.unit:
                    continue
                if "分别" in self.text[subject.text_end : fig.mention.phrase_start]:
                    continue  # A、B分别为…，分别占X的a%、b%: which subject each rate is of, 分别 pairs
                self.ratio_of([subject, base, fig], f"{subject.label} ÷ {base.label}", [fig.sentence])
                done.add(id(fig))
        return done

    def share_part(self, fig: Fig) -> tuple[Fig | None, bool]:
        """The part of a share ``占…X%``: the figure before it, stepping over a change's amount.

        ``项目支出200万元，比上年增加50万元，增长33.3%，占总支出的40%``: the share is of what
        changed, not of the change; whether the words mean that is not said, so a part
        found past a change is loose (the share is inferred).
        """
        part = self.preceding(fig, {"amount", "count"})
        opened = self.opened_before(part.mention.start, fig.mention.start) if part is not None else None
        if part is not None and opened is not None:
            # 财政拨款收入4352.47万元（其中，一般公共预算…，国有资本经营预算0万元），占收入合计100%:
            # brackets closed before the share detail the figure before them
            before = [f for f in self.by_sentence.get(fig.sentence.index, []) if f.mention.end <= opened]
            part = before[-1] if before and before[-1].kind in {"amount", "count"} else None
        if part is None or self.eligible(part):
            return part, False
        figs = self.by_sentence.get(fig.sentence.index, [])
        before = [f for f in figs if f.mention.start < part.mention.start and f.keep and self.eligible(f)]
        before = [f for f in before if not self.qualifies(f)]
        return (before[-1], True) if before else (None, False)

    def share(self, part: Fig, whole: Fig, stated: Fig, *, inferred: bool = False) -> None:
        data = {
            "kind": "share",
            "part": "",
            "whole": "",
            "stated": "",
            "label": f"{part.label} ÷ {whole.label}",
        }
        sentences = unique([whole.sentence, stated.sentence])
        self.add("share", data, sentences, [part, whole, stated], inferred=inferred)

    def whole(self, words: str, part: Fig) -> Fig | None:
        for rx, concept in patterns.WHOLE_CONCEPTS:
            if rx.search(words):
                named = [
                    f
                    for f in self.figs
                    if f.keep and f.concept == concept and f is not part and not self.other_scopes(f, part)
                ]
                before = [f for f in named if f.mention.start < part.mention.start]
                if before or named:
                    return before[-1] if before else named[0]
        candidates = [
            f
            for f in self.figs
            if f.keep
            and f is not part
            and f.kind == part.kind
            and not self.other_scopes(f, part)
            and len(f.label) >= 2
            and len(words) >= 2
            and _names(f.label, words)
        ]
        # a figure named by all the words (公共预算支出完成55.73亿元 for 占公共预算支出的…) before one
        # whose name only ends them (政府性基金 支出64.62亿元), however near
        candidates = [f for f in candidates if _named_fully(f.label, words)] or candidates
        before = [f for f in candidates if f.mention.start < part.mention.start]
        if before:
            return before[-1]
        # a whole printed after its share only in the share's own sentence: a paragraph further
        # on (上级补助收入年初预算, for 占预算的70%) names another thing that ends in the same word
        after = [f for f in candidates if f.sentence is part.sentence]
        return after[0] if after else self.list_total_named(words, part)

    def unnamed_whole(self, words: str, part: Fig, learned: dict[str, Fig]) -> Fig | None:
        """The whole of ``占<words>的X%`` when no figure carries the words: see :meth:`shares`.

        Words naming a budget or a target (占调整预算的100%) name a figure not printed: none.
        """
        if patterns.RATE_DENOMINATOR.search(words):
            return None
        whole = self.list_total_of(part) or learned.get(words)
        if whole is not None:
            learned.setdefault(words, whole)
        return whole

    def list_total_of(self, part: Fig) -> Fig | None:
        """The total of the list that ``part`` is a part of, when it is in exactly one and larger."""
        totals = [t for t, ps, rel in self.list_sums if rel in self.relations and part in ps]
        if len({id(t) for t in totals}) != 1 or totals[0].unit != part.unit:
            return None
        return totals[0] if totals[0].mention.number > part.mention.number else None

    def list_total_named(self, words: str, part: Fig) -> Fig | None:
        """The total of the part's list, when its label holds the words of the share's whole.

        ``收入安排77.6亿元。其中：税收收入65.7亿元，占一般公共预算收入的84.6%``. Words that name a
        budget or a target (``占预算20.6%``, ending in 预算) name the total only when it is one by its
        name (…预算, …预算数): 一般公共预算收入完成 is an actual that holds the word, not a budget.
        """
        budget = patterns.BUDGET_ROLE.search(words.removesuffix("的")) is not None
        for total, parts, rel in self.list_sums:
            if rel in self.relations and part in parts and len(words) >= 2 and words in total.label:
                if budget and not patterns.BUDGET_ROLE.search(total.label):
                    continue
                return total
        return None

    def rate_of_named_base(self, fig: Fig) -> bool:
        """``收入完成12.50亿元，完成年初预算的93.3%，年初预算13.40亿元``: a ratio to the budget named.

        The numerator is the amount the rate follows in its sentence; the budget is the
        nearest amount labelled as one (…预算, …预算数) in the section: before the
        numerator, unless a list opens between them (an item's own budget is not
        printed), or else printed after the rate, in its sentence or the next (then the
        ratio is inferred). Returns whether the ratio was built.
        """
        named = patterns.NAMED_BASE.match(fig.label)
        numerator = self.preceding(fig, {"amount"})
        if named is None or numerator is None or not self.eligible(numerator):
            return False
        section = [
            f
            for f in self.figs
            if f.keep
            and f.kind == "amount"
            and f.unit == numerator.unit
            and f is not numerator
            and f.sentence.section == fig.sentence.section
            and patterns.BUDGET_ROLE.search(f.label)
            and self.eligible(f)
        ]
        section, unsaid = _of_named_role(section, named.group(1))
        before = [f for f in section if f.mention.start < numerator.mention.start]
        after = [
            f
            for f in section
            if f.mention.start > fig.mention.start and f.sentence.index <= fig.sentence.index + 1
        ]
        base: Fig | None = None
        if before:
            # a list opened after the budget's own list: the item's budget is its part of that name
            base, by_item = self.budget_of(numerator, before[-1])
            unsaid = unsaid or by_item
            if base is None:
                # the item's own budget is printed in no sentence: a ratio with no denominator,
                # which the item's 预算数 cell in a table may complete (budget_base.rates_of_budget)
                return self.rate_of_unprinted_budget(numerator, fig)
        elif after:
            base = after[0]
        if base is None:
            return False
        label = f"{fig.label}: {numerator.label} ÷ {base.label}"
        sentences = [numerator.sentence, base.sentence, fig.sentence]
        self.ratio_of(
            [numerator, base, fig],
            label,
            sentences,
            inferred=unsaid or base.mention.start > fig.mention.start,
        )
        return True

    def rates(self, done: set[int] | frozenset[int] = frozenset()) -> None:
        """执行率, 完成率 and 完成预算的X%: a ratio of an actual to a budget figure, but for ``done``."""
        for fig in self.figs:
            if id(fig) in done or not self.rate_of_others(fig):
                continue
            pool = self.rate_terms(fig)
            # 一般公共预算支出 names a kind of budget, not a budget: no base of a rate
            bases, unsaid = _of_named_role(
                [f for f in pool if patterns.RATE_DENOMINATOR.search(patterns.BUDGET_KINDS.sub("", f.label))],
                fig.label,
            )
            denominator = bases[-1] if bases else None
            unsaid = unsaid or self.other_terms(fig, pool, denominator)
            numerator = next(
                (
                    f
                    for f in reversed(pool)
                    if f is not denominator
                    and patterns.RATE_NUMERATOR.search(f.label)
                    and not patterns.RATE_DENOMINATOR.search(f.label)
                ),
                None,
            )
            if numerator is None and denominator is not None:
                same = [f for f in pool if f is not denominator and f.sentence.period == fig.sentence.period]
                same = [f for f in same if f.kind == denominator.kind]
                numerator = same[-1] if same else None
            fig.concept = "completion_rate"
            if numerator is not None and denominator is not None:
                # 年初预算22.00万元…其中：公务接待费决算0.30万元，完成预算的3.75%: the item's own
                # budget is not the total's
                denominator, by_item = self.budget_of(numerator, denominator)
                unsaid = unsaid or by_item
                if denominator is None:
                    continue  # the item's own budget is not printed: not checkable
            if numerator is not None and denominator is not None:
                data = {
                    "kind": "ratio",
                    "numerator": "",
                    "denominator": "",
                    "stated": "",
                    "label": f"{fig.label}: {numerator.label} ÷ {denominator.label}",
                }
                sents = unique([numerator.sentence, denominator.sentence, fig.sentence])
                self.add("ratio", data, sents, [numerator, denominator, fig], inferred=unsaid)
                continue
            count = self.preceding(fig, {"count"})
            if count is not None and count.unit == "分" and not patterns.SCORE_LABEL.search(fig.label):
                continue
            if count is not None and "完成" in self.text[count.label_start : fig.mention.start]:
                data = {
                    "kind": "ratio",
                    "numerator": "",
                    "stated": "",
                    "label": f"{fig.label}: {count.label}",
                }
                self.add("ratio", data, [fig.sentence], [count, fig])

    def rate_of_unprinted_budget(self, actual: Fig, rate: Fig) -> bool:
        """``其中：公务接待费支出决算为0.30万元，完成预算的3.75%`` with the item's budget in no sentence.

        Only an amount printed right before its rate (nothing but a comma between them) and
        a rate naming the budget it reached: a ``ratio`` with no denominator, as
        :mod:`.unprinted` reads one. Returns whether it was read.
        """
        if (
            actual.kind != "amount"
            or actual.sentence is not rate.sentence
            or not _OF_BUDGET.match(re.sub(r"\s", "", rate.label))
            or _COMMA.fullmatch(self.text, actual.mention.phrase_end, rate.label_start) is None
        ):
            return False
        rate.concept = "completion_rate"
        data = {"kind": "ratio", "numerator": "", "stated": "", "label": f"{actual.label} ÷ {rate.label}"}
        self.add("ratio", data, [rate.sentence], [actual, rate])
        return True

    def rate_terms(self, fig: Fig) -> list[Fig]:
        """The figures a rate may be a ratio of: amounts and counts before it in its section.

        Never points, unless the rate is a score's (社会效益目标15分，服务对象满意度15分…目标完成率为100%);
        only money for a rate of money (资金到位率: a count of activities and its target are no terms).
        """
        pool = [f for f in self.figs if f.keep and f.sentence.section == fig.sentence.section]
        pool = [f for f in pool if f.kind in {"amount", "count"} and f.mention.start < fig.mention.start]
        pool = [f for f in pool if self.eligible(f) and f.mention.start > self.rate_before(fig)]
        if not patterns.SCORE_LABEL.search(fig.label):
            pool = [f for f in pool if f.unit != "分"]
        if patterns.MONEY_RATE.search(fig.label):
            pool = [f for f in pool if f.kind == "amount"]
        return pool

    def other_terms(self, fig: Fig, pool: list[Fig], denominator: Fig | None) -> bool:
        """Whether a rate's terms could be other figures than those taken before it: then a guess.

        ``年初预算200万元，年中调整为180万元`` (``追加20万元``)…``执行率95%``: the budget may be the one
        as adjusted, printed under no budget's name. ``到位资金200万元，计划200万元，执行率95%，
        实际支出190万元``: what was spent may be printed after the rate.
        """
        if any(
            f is not denominator and _ADJUSTED.search(f.label) and role_of(f.label) != "budget" for f in pool
        ):
            return True
        after = [f for f in self.by_sentence.get(fig.sentence.index, []) if f.mention.start > fig.mention.end]
        after = after[: next((n for n, f in enumerate(after) if f.is_percent), len(after))]
        return any(
            f.kind == "amount"
            and patterns.RATE_NUMERATOR.search(f.label)
            and not patterns.RATE_DENOMINATOR.search(f.label)
            for f in after
        )

    def rate_of_others(self, fig: Fig) -> bool:
        """Whether ``fig`` is a rate (执行率, 完成率) to be read as a ratio of figures printed before it.

        Not: a share (占); an indicator's target or value (资金到位率目标值是100%); a scoring
        criterion (资金使用率大于95%的得满分); a rate of a base named and read on its own
        (``rate_of_named_base``: 为调整预算的111.86% with that budget nowhere printed is not
        checkable, and no ratio of other figures nearby, 一般公共预算可用资金 is no budget of it).
        """
        if not fig.is_percent or fig.label.startswith("占"):
            return False
        if patterns.INDICATOR_VALUE.search(fig.label) or patterns.CRITERION_BEFORE.search(
            self.text, max(fig.label_start, fig.mention.start - 4), fig.mention.start
        ):
            return False
        return not (
            self.rate_of_named_base(fig)
            or not patterns.RATE_LABEL.search(fig.label)
            or patterns.NAMED_BASE.match(fig.label)
        )

    def rate_before(self, fig: Fig) -> int:
        """Where the last rate before ``fig`` in its section is printed (-1: none).

        A rate closes the terms printed before it: ``目标值28次，实际完成值40次，完成率143%；到位率目标值
        100%，实际完成值100%，完成率100%`` - the second 完成率 is of the percents before it, not of the
        counts the first one used.
        """
        return max(
            (
                f.mention.start
                for f in self.figs
                if f.is_percent
                and f.sentence.section == fig.sentence.section
                and f.mention.start < fig.mention.start
                and patterns.RATE_LABEL.search(f.label)
            ),
            default=-1,
        )

    def budget_of(self, actual: Fig, budget: Fig) -> tuple[Fig | None, bool]:
        """The budget an actual printed after ``budget`` is of, and whether it was found by name.

        ``预算168.53万元，其中：因公出国(境)费39万元…。支出163.58万元，完成预算的97.06%，其中：因公出国
        (境)费支出52.15万元，完成预算的133.72%``: a list opened after the budget's own list makes the
        actual an item, whose budget is the part of the budget's list of that item (found
        by name, so inferred), else not printed (None).
        """
        parts = [p for t, ps, _ in self.list_sums if t is budget for p in ps]
        if not parts:
            opened = patterns.LIST_OPENER.search(self.text, budget.mention.end, actual.mention.start)
            return (None, True) if opened else (budget, False)
        wanted = item(actual.label)
        named = [
            p for p in parts if p.kind == actual.kind and p.unit == actual.unit and item(p.label) == wanted
        ]
        if len(wanted) >= 2 and len(named) == 1:
            return named[0], True
        end = max(p.mention.end for p in parts)
        if patterns.LIST_OPENER.search(self.text, end, actual.mention.start):
            return None, True
        # after the budget's list, the actual is of the whole only when named as the whole is
        return budget, wanted != item(budget.label)


#: A rate named by the budget it reached: 完成预算的, 完成年初预算的, 为预算的.
_OF_BUDGET: Final = re.compile(r"^(?:完成|为|达到)(?:本?年度|年初|全年)?预算(?:数)?(?:的)?$")
#: What may stand between an amount and its rate: a comma.
_COMMA: Final = re.compile(r"\s*[，,]\s*")
#: Words after a whole's name that say it is the whole: 财政支出总量, 收入总额.
_WHOLE_OF: Final = re.compile(r"(?<=..)(?:总量|总额|总数)$")
#: What a figure's label may end with past its name: 全省公共财政支出完成, 收入累计实现.
_ACHIEVED: Final = re.compile(r"(?:累计)?(?:完成|实现)$")


#: Between a share's printed whole and its rate: 的, 的比例为, 的比重是 (占支出29472万元的比例为11.32%).
_OF_WORDS: Final = re.compile(r"的(?:比例|比重)?(?:为|是|达)?")


def _achieved_off(label: str) -> str:
    """A label of more than four characters without its trailing achievement word (…支出完成 → …支出)."""
    return _ACHIEVED.sub("", label) if len(label) > 4 else label


def _names(label: str, words: str) -> bool:
    """Whether a share's words (占财政支出的…) name a figure of ``label``, an achievement word past it aside.

    ``全省公共财政支出完成983.68亿元 … 占财政支出比重71.4%``: the words name that figure
    (and so the nearest before wins over a headline's ``1-5月福建公共财政支出983亿``).
    """
    name = _achieved_off(label)
    # 占财政支出总量的19.8%: the whole of 财政支出 is the figure named 财政支出 (a name of four or more)
    bare = _WHOLE_OF.sub("", words)
    if bare != words and len(bare) >= 4 and any(n == bare or n.endswith(bare) for n in {label, name}):
        return True
    return any(n == words or n.endswith(words) or words.endswith(n) for n in {label, name} if len(n) >= 2)


def _named_fully(label: str, words: str) -> bool:
    """Whether a label holds all of a share's words (an achievement word past it aside), not their tail."""
    name = _achieved_off(label)
    return words in {label, name} or label.endswith(words) or name.endswith(words)


#: Words of an amount by which a budget was adjusted, or of the budget as adjusted (调整为, 追加).
_ADJUSTED: Final = re.compile(r"调整|追加|调增|调减|追减")


def _of_named_role(budgets: list[Fig], words: str) -> tuple[list[Fig], bool]:
    """The budgets a rate can be of, by the budget its words name; and whether its base is left unsaid.

    ``完成年初预算的110%`` with 年初预算 and 调整预算 both printed is of the 年初预算 (and
    ``完成调整预算的…`` of the 调整预算); an 执行率 is by its definition of the budget as
    adjusted (全年预算数, 调整预算: 执行率 = 全年执行数 ÷ 全年预算数 in a 绩效自评表); a rate
    naming neither (``完成预算的…``, ``完成率``) is of the nearest, but which budget is meant is
    not said: the ratio is then inferred.

    """
    roles = {role_of(f.label) for f in budgets} & {"budget", "adjusted_budget"}
    if len(roles) < 2:
        return budgets, False
    if "年初" in words:
        return [f for f in budgets if role_of(f.label) == "budget"], False
    if re.search(r"调整(?:后)?预算|全年预算|变动预算|执行率", words):
        return [f for f in budgets if role_of(f.label) == "adjusted_budget"], False
    return budgets, True
