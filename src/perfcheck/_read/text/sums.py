"""The recogniser of sums: ``其中`` and ``：`` lists of parts after a total, numbered items, table rows."""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal
from itertools import pairwise
from typing import Any, Final

from perfcheck._read.text import patterns
from perfcheck._read.text.base import (
    LAST_YEAR,
    OF_SUBJECT,
    ROW,
    Fig,
    State,
    adds_up,
    factor,
    partition,
    role_of,
    unique,
)
from perfcheck._read.text.names import same_item
from perfcheck._read.text.per_capita import per_head_passage
from perfcheck._read.text.sentences import Sentence

#: Words ending in 中 and a comma at the start of a sentence: 2021年度“三公”经费支出决算中，….
_ENDED_BY_ZHONG = re.compile(r"([^，,。；;：:0-9\n]{2,40}?)中[，,：:]")


#: Amounts added to what was said before: 加上上级补助收入54.3亿元…，收入总计….
_ADDED = re.compile(r"加上")
#: A clause after a ``；`` opening with 加 (加上级补助收入, 再加上): it adds amounts to what was said.
_ADDS_ON: Final = re.compile(r"[；;]\s*(?:再)?加[^；;]*$")
#: An item's number opening a label: 一是, 二是, 第三是.
_NUMBERED_ITEM: Final = re.compile(r"(?:第)?[一二三四五六七八九十]是")
#: A year printed in a figure's words: 2016年预算8万元.
_YEAR_BEFORE = re.compile(r"(?:19|20)[0-9]{2}年")
#: A numbered item opening a sentence: 2、公务车辆运行….
_ITEM = re.compile(r"\s*[0-9]{1,2}[、.．]")
#: The label of a total that amounts were added up to.
_TOTAL_WORD = re.compile(r"总计|合计|总额|总量")


#: A budget as first passed and as adjusted: never parts of one another's totals.
_BUDGETS: Final = {"budget", "adjusted_budget"}


class Sums(State):
    """Recognise sums: ``其中`` and ``：`` lists of parts after a total, numbered items, table rows."""

    def previous_subjects(self, sentence: Sentence) -> list[Fig]:
        """The amounts and counts of the period before, in the same section.

        A period that prints only changes and percentages (与上年相比，…各增加…，增长…)
        is stepped over: the list after it details the figures before it.
        """
        for back in (1, 2):
            before = [
                s
                for s in self.sentences
                if s.period == sentence.period - back and s.section == sentence.section
            ]
            figs = [f for s in before for f in self.by_sentence.get(s.index, [])]
            if not figs:
                return []
            eligible = [f for f in figs if self.eligible(f)]
            if eligible:
                return eligible
        return []

    def previous_total(self, sentence: Sentence, side: str | None = None) -> Fig | None:
        """The subject of the period before: its first amount or count, in the same section.

        When the list names a side (基本支出, 项目支出: 支出) and the period before prints a total
        of that side, the list details that total, not the first figure (收入预算1600万元；支出预算
        1500万元。其中：基本支出…).
        """
        figs = self.previous_subjects(sentence)
        if not figs:
            return None
        if side is not None and _side(figs[0].label) not in (None, side):
            return next((f for f in figs if _side(f.label) == side), None)
        actual = [f for f in figs if patterns.ACTUAL_ROLE.search(f.label)]
        if patterns.BUDGET_ROLE.search(figs[0].label) and actual:
            # 预算为15.00万元，支出决算为12.36万元。其中：... details what was spent
            return actual[0]
        return figs[0]

    def rows(self) -> None:  # noqa: C901 - rows, then columns
        """Table-like rows: a total row, a row opened by 其中, and the rows after it, column by column.

        Each row is a sentence ``行名：列名 数，列名 数，…``. For every amount column the
        total row and all the part rows print, the parts add up to the total; the rows
        are exhaustive by the same rules as a list (a remainder row 其他…, a known
        partition such as 财政拨款/其他, or parts adding up as printed).
        """
        rows: list[tuple[Sentence, str, bool, dict[str, Fig]]] = []
        for sentence in self.sentences:
            match = ROW.match(self.text, sentence.start, sentence.end)
            figs = [f for f in self.by_sentence.get(sentence.index, []) if f.kind != "bare"]
            columns = {f.label: f for f in figs if f.label and f.label_start >= (match.end() if match else 0)}
            if match is None or len(columns) < 2:
                rows.append((sentence, "", False, {}))
                continue
            rows.append((sentence, match.group(2), bool(match.group(1)), columns))
        for n, (sentence, name, _, columns) in enumerate(rows):
            if not columns or n + 1 >= len(rows) or not rows[n + 1][2]:
                continue
            parts = [rows[n + 1]]
            for later in rows[n + 2 :]:
                if not later[3] or later[2]:
                    break
                parts.append(later)
            if len(parts) < 2:
                continue
            names = [p[1] for p in parts]
            complete = partition(names) or bool(patterns.REMAINDER.search(names[-1]))
            for column, total in columns.items():
                cells = [p[3].get(column) for p in parts]
                if total.kind != "amount" or any(c is None or c.kind != total.kind for c in cells):
                    continue
                figs = [c for c in cells if c is not None]
                exhaustive = complete or adds_up(total, figs)
                data: dict[str, Any] = {
                    "kind": "sum",
                    "total": "",
                    "parts": [],
                    "label": f"{name} {column} " + ("= " if exhaustive else "≥ ") + " + ".join(names),
                }
                if not exhaustive:
                    data["exhaustive"] = False
                self.add("sum", data, unique([sentence, *(p[0] for p in parts)]), [total, *figs])
                self.list_sums.append((total, figs, self.relations[-1]))
            self.row_periods.update(p[0].period for p in parts)

    def lists(self) -> None:
        periods: dict[int, list[Sentence]] = defaultdict(list)
        for sentence in self.sentences:
            periods[sentence.period].append(sentence)
        for period, sentences in periods.items():
            if period not in self.row_periods:
                self.period_lists(sentences)
        self.items_below()

    def items_below(self) -> None:
        """``…支出总额3825万元，…。具体情况如下：`` then one numbered section for each part.

        The sections' first figures are the parts of the last total printed before the
        words, when they add up to it as printed: the words do not say the sections are
        its parts (they may be a 收入 and a 支出 section), so only the numbers can, and the
        sum is inferred.
        """
        listed = {id(p) for _, ps, _ in self.list_sums for p in ps}
        for sentence in self.sentences:
            said = _AS_FOLLOWS.search(self.text, sentence.start, sentence.end)
            if said is None or self.text[said.end() : sentence.end].strip():
                continue
            before = [
                f
                for f in self.figs
                if f.keep
                and f.mention.start < said.start()
                and f.sentence.section == sentence.section
                and f.kind == "amount"
                and self.eligible(f)
                and id(f) not in listed  # the last part of a list before the words is no total
            ]
            if not before or before[-1].mention.number <= 0:
                continue
            total = before[-1]
            parts, _, _ = self.numbered_items(total, sentence)
            if (
                len(parts) > 1
                and all(p.unit == total.unit and not self.exceeds(p, total) for p in parts)
                and adds_up(total, parts)
            ):
                self.sum_of(total, parts, parts[-1].sentence, said.start(), said.end(), bracket=True)

    def partition_lists(self) -> None:
        """Parts with no list word whose names are a complete partition (因公出国, 公务用车, 公务接待).

        ``三公经费预算总数为63.16亿元，…。从预算分类来看，因公出国（境）费19.38亿元，…；公务接待费
        9.19亿元，…；公务用车购置及运行费34.59亿元，…``: a sentence whose amounts are, one each,
        the classes of a known partition details the nearest amount before it (in its
        sentence or in the section) that is larger than each class and no part of a list.
        No word ties them, so the sum is inferred.
        """
        listed = {id(p) for _, ps, _ in self.list_sums for p in ps}
        periods: dict[int, list[Fig]] = defaultdict(list)
        for fig in self.figs:
            if fig.keep and fig.kind == "amount" and self.eligible(fig) and not self.qualifies(fig):
                periods[fig.sentence.period].append(fig)
        for figs in periods.values():
            if any(id(f) in listed for f in figs):
                continue
            if len(figs) > 2 and partition([f.label for f in figs[1:]]):
                total: Fig | None = figs[0]
                parts = figs[1:]
            elif len(figs) > 1 and partition([f.label for f in figs]):
                parts = figs
                total = self.nearest_whole(parts, listed)
            else:
                continue
            if total is None or any(p.unit != total.unit or self.exceeds(p, total) for p in parts):
                continue
            if not_sangong(total, parts):
                continue
            at = parts[0].label_start
            self.sum_of(total, parts, parts[-1].sentence, at, at, bracket=True)

    def nearest_whole(self, parts: list[Fig], listed: set[int], *, section: bool = True) -> Fig | None:
        """The nearest amount before ``parts`` in their section, no part of a list, larger than each.

        ``section=False``: in any section before (a heading that opens a breakdown of its own).
        Never a whole of the other side: classes that all name 收入 (税收收入, 非税收入) are
        no parts of a 支出总量 printed before them.
        """
        first = parts[0]
        sides = {_side(p.label) for p in parts}
        earlier = [
            f
            for f in self.figs
            if f.keep
            and f.mention.start < first.mention.start
            and (f.sentence.section == first.sentence.section or not section)
            and f.kind == "amount"
            and self.eligible(f)
            and not self.qualifies(f)
            and id(f) not in listed
            and not (len(sides) == 1 and None not in sides and _side(f.label) not in (None, *sides))
        ]
        larger = [f for f in reversed(earlier) if all(self.exceeds(f, p) for p in parts)]
        # 支出1000万元。按功能分类：A 600万元，B 400万元。按经济分类：C 500万元，D 500万元: A is the
        # nearest larger amount, but a class of the other classification; the whole they make is 1000
        return next((f for f in larger if adds_up(f, parts)), larger[0] if larger else None)

    def openers(  # noqa: C901, PLR0912 - one branch per way a list opens
        self, sentences: list[Sentence], figs: list[Fig]
    ) -> tuple[list[tuple[int, int, Fig | None]], dict[int, Fig | None]]:
        """Where the lists of a period open: (opener start, items start, total) for each.

        Also the lists opened right after a change's amount, by opener start, with that
        amount (None when the total was found past a sentence of changes): whose parts
        they are is not said.
        """
        begin, end = sentences[0].start, sentences[-1].end
        openers: list[tuple[int, int, Fig | None]] = []
        changed: dict[int, Fig | None] = {}
        for match in patterns.LIST_OPENER.finditer(self.text, begin, end):
            if "用于" in match.group() and _spent_item(self.text, match.start(), begin):
                continue  # 其中：用于A 539.90万元；用于B 14.00万元: each 用于 opens an item, no list
            printed = [f for f in figs if f.mention.phrase_end <= match.start()]
            # 较2024年的2,190万元减少221万元，其中…: last year's figure, compared with, is no total
            before = [f for f in printed if self.eligible(f) and not self.compared_with(f)]
            # 完成预算29.6万元的92.8%，…；其中：: a figure followed by 的 qualifies a rate, no total
            before = [f for f in before if not self.qualifies(f)] or before
            before = self.of_parts_kind(before, figs, match.end())
            total = (
                before[-1]
                if before
                else self.previous_total(sentences[0], self.side_after(figs, match.end()))
            )
            if total is None and not before and self.previous_total(sentences[0]) is not None:
                continue  # 收入1600万元。其中：基本支出…: no total of the list's side before it
            if total is not None:
                total = _side_total(before or [total], self.text, match.start())
                if total is None:
                    continue  # 支出包括： after no 支出 (or 收支) total
            amounts = [f for f in printed if f.kind in {"amount", "count"}]
            if before and amounts and not self.eligible(amounts[-1]):
                changed[match.start()] = amounts[-1]  # 支出900万元，比上年增加120万元，其中：…
            elif not before and total is not None and total.sentence.period < sentences[0].period - 1:
                changed[match.start()] = None  # 收入合计减少X，下降Y%。其中：…: stepped over the change
            if not before and printed and printed[-1].kind == "amount":
                total = printed[-1]  # 较年初预算数增加65.60万元，其中追加…: the parts of the change
            if not before and "用于" in match.group():
                total = self.spent_before(match.start())  # 项目资金主要用于…: what was spent
            openers.append((match.start(), match.end(), total))
        if not openers and (of := OF_SUBJECT.match(self.text, begin, end)):
            # 基本支出中，人员经费…，公用经费…: the parts of a figure printed before
            named = [
                f
                for f in self.figs
                if f.label == of.group(1) and f.mention.start < begin and self.eligible(f)
            ]
            if named:
                openers.append((begin, of.end(), named[-1]))
        if not openers and (ended := self.subject_ended(begin, end, figs)) is not None:
            openers.append(ended)
        if not openers:
            for fig in figs:
                after = self.text[fig.mention.phrase_end : fig.mention.phrase_end + 1]
                if self.eligible(fig) and after in {"：", ":"}:
                    openers.append((fig.mention.phrase_end, fig.mention.phrase_end + 1, fig))
                    break
        return openers, changed

    @staticmethod
    def side_after(figs: list[Fig], start: int) -> str | None:
        """The side (收入, 支出) the first figure after ``start`` names, if it names one."""
        first = next((f for f in figs if f.mention.start >= start), None)
        return None if first is None else _side(first.label)

    def of_parts_kind(self, before: list[Fig], figs: list[Fig], start: int) -> list[Fig]:
        """The figures before a list that can be its total: of its first part's kind and unit.

        ``发放补助资金120万元，惠及农户300户，其中：种粮补贴80万元，农机补贴40万元``: money is
        never a part of households; the list details the amount before the count, in
        its sentence. When no figure before is of the parts' kind, all are kept.
        """
        first = next((f for f in figs if f.mention.start >= start and f.kind != "bare"), None)
        if first is None or first.kind not in {"amount", "count"} or not before:
            return before
        if _same_measure(before[-1], first):
            return before
        same = [f for f in before if _same_measure(f, first) and f.sentence is first.sentence]
        return same or before

    def period_lists(self, sentences: list[Sentence]) -> None:  # noqa: C901 - nesting, extent
        """The lists of one period: each 其中 (or a total followed by ：) and the parts after it."""
        end = sentences[-1].end
        figs = [f for s in sentences for f in self.by_sentence.get(s.index, [])]
        openers, changed = self.openers(sentences, figs)
        brackets = self.bracket_lists(figs)
        for at, start, detailed, close in brackets:
            parts = self.parts(detailed, [f for f in figs if start <= f.mention.start < close])
            if len(parts) > 1:
                self.sum_of(detailed, parts, parts[-1].sentence, at, start, bracket=True)
        if len(openers) == 1 and self.paired_lists(sentences, figs, openers[0]):
            return
        for n, (at, start, total) in enumerate(openers):
            if total is None:
                self.yearly_list(sentences, figs, at, start)
                continue
            nested: list[tuple[int, int]] = [(a, stop) for a, _, _, stop in brackets if a > start]
            nested += self.colon_lists(start, sentences)
            known = {a for a, _ in nested}  # a breakdown right after a figure may close one item late
            nested += [(a, b) for a, b in self.inner_brackets(start, sentences, figs) if a not in known]
            for later, _, _ in openers[n + 1 :]:
                stop = self.closing(later) or next(s.end for s in sentences if s.start <= later < s.end)
                nested.append((later, stop))
            # (其中建筑工程3292万元): a list opened inside brackets ends where they close
            closing = self.closing(at)
            segments = [s for s in sentences if s.end > start]
            candidates = [
                [
                    f
                    for f in figs
                    if s.start <= f.mention.start < s.end
                    and f.mention.start >= start
                    and (closing is None or f.mention.start < closing)
                ]
                for s in segments
            ]
            chosen = self.extent(total, candidates, nested)
            if chosen is None:
                colon = self.text[start - 1 : start] in {"：", ":"}
                groups = candidates if colon or len(openers) == 1 else candidates[:1]
                flat = [f for g in groups for f in g if not any(a <= f.mention.start < b for a, b in nested)]
                chosen = self.up_to_etc(self.parts(total, self.before_total(total, flat, at)))
            plain = complete = True
            if not chosen and not self.text[start:end].strip(" \u3000：:。"):
                chosen, plain, complete = self.numbered_items(total, sentences[-1])
                chosen = chosen or self.dashed_items(total, end)
            if chosen and not (plain and complete):
                # an item printed several figures none of which is plainly the part, or none
                self.sum_of(total, chosen, sentences[-1], at, start, inferred=not plain, partial=not complete)
            elif chosen and at in changed and not self.beyond(changed[at], chosen):
                # the parts of the total or of its change? by the numbers if they tell, and inferred
                change = changed[at]
                whole = change if change is not None and self.of_change(change, total, chosen) else total
                self.sum_of(whole, chosen, sentences[-1], at, start, inferred=True)
            elif chosen:
                whole, guessed = self.by_numbers(total, chosen, at)
                inferred = guessed or at in self.spelled_openers
                self.sum_of(whole, chosen, sentences[-1], at, start, inferred=inferred)
            if chosen and adds_up(total, chosen):
                self.other_measures(total, [g for g in candidates if g], at)

    def by_numbers(self, total: Fig, parts: list[Fig], at: int) -> tuple[Fig, bool]:
        """The list's total when its sentence printed several that could be it; and whether that is a guess.

        ``…预期目标12.5亿元，预计完成14.0亿元，超收1.5亿元。其中：预计税收收入9.8亿元；非税收入
        4.2亿元``: the parts add up to the completion, not to the target the words chose first.
        When the chosen total does not add up and its sentence printed another amount of its
        measure before the list (between the two, or before the chosen one: ``本年收入200万元，
        上年结转50万元，其中：…``), the one the parts add up to is the total; either way which is
        meant is the reader's guess, so the sum is inferred. A total of another
        measure than the parts (``共127个部门，财政供养人员共计9,244人。其中：行政编制1,845人…``)
        gives way to the last amount of theirs. A total right before its list
        (``用车费40.00万元（其中…）``) is plainly the list's.
        """
        if adds_up(total, parts):
            return total, False
        listed = {id(p) for _, ps, rel in self.list_sums if rel in self.relations for p in ps}
        # 用车费30.20万元（其中：…）: a breakdown in brackets right after its total is plainly its own
        bracketed = self.text[total.text_end : at].strip(" \u3000") in {"（", "("}
        floor = total.mention.start if bracketed else -1
        # the total's sentence, and the clauses before it in its period (…收入1237万元，安排支出1169万元，
        # 结转下年使用68万元；其中：A 498万元，B 739万元)
        period = [s.index for s in self.sentences if s.period == total.sentence.period and s.start <= at]
        others = [
            f
            for i in period
            for f in self.by_sentence.get(i, [])
            if floor < f.mention.start < at
            and f is not total
            and f not in parts
            and id(f) not in listed  # 收入包括：A、B；支出包括：… - A and B are the income list's
            and _same_measure(f, parts[0])
            and not self.compared_with(f)  # 较2024年的2,190万元减少…: what it is compared with
            and self.eligible(f)  # 减少221万元, 超收1.5亿元: a change, no total
            and {role_of(total.label), role_of(f.label)} != _BUDGETS  # 由年初预算X调整为Y
        ]
        found = next((f for f in others if adds_up(f, parts)), None)
        if found is not None:
            return found, True
        # none adds up: only another amount of the total's own sentence makes the choice a guess
        others = [f for f in others if f.sentence is total.sentence]
        if not others:
            return total, False
        return (total if _same_measure(total, parts[0]) else others[-1]), True

    def before_total(self, total: Fig, flat: list[Fig], at: int) -> list[Fig]:
        """A list's items that do not add up, up to the first figure named as another total.

        A total (收入合计, 支出总计) is never a part of the list before it: the list ends
        there. When the list opens inside a run of added amounts (``加上A 1884，其中：B
        1478，C 60，收入合计6449``) its end is not said at all (C may be a part of A or an
        addend of the run), so it has no parts: it is not built.
        """
        ends = next((n for n, f in enumerate(flat) if _names_total(f, total)), None)
        if ends is None:
            return flat
        clause = max(self.text.rfind(c, 0, at) for c in "。；;\n")
        if _ADDED.search(self.text, clause + 1, at):
            return []
        return flat[:ends]

    def subject_ended(self, begin: int, end: int, figs: list[Fig]) -> tuple[int, int, Fig] | None:
        """``…2021年度“三公”经费支出决算中，A 0万元，占0%；B 5.21万元…``: the parts of a figure before.

        The words before 中 (from the last digit or mark) end with the label of a figure
        printed before the sentence: the list details the last such figure.
        """
        of = _ENDED_BY_ZHONG.search(self.text, begin, min(end, begin + 80))
        if of is None or any(f.mention.start < of.start() for f in figs):
            return None
        words = of.group(1)
        named = [
            f
            for f in self.figs
            if f.keep
            and f.mention.start < begin
            and (len(f.label) >= 3 or f.label == words)
            and words.endswith(f.label)
            and self.eligible(f)
        ]
        if not named:
            # 2016年度“三公”经费财政拨款支出决算中，A…，占31.88%: the whole printed before as “三公”经费支出,
            # found by another spelling of its name, of the report's year; the list is then inferred
            named = [
                f
                for f in self.figs
                if f.keep
                and f.mention.start < begin
                and f.kind == "amount"
                and self.eligible(f)
                and f.period in {None, self.year}
                and same_item(patterns.YEAR_PREFIX.sub("", words), f.label)
            ]
            if named:
                self.spelled_openers.add(of.start())
        return (of.start(), of.end(), named[-1]) if named else None

    def added_totals(self) -> None:
        """``收入安排47.8亿元，…，加上上级补助收入54.3亿元、调入资金24.2亿元，收入总计126.3亿元``.

        The total after the added amounts is what was said before 加上 and them: the
        nearest amount before it that is no part of a list (a list's total counts), and
        the amounts after it up to a figure named as a total (总计, 合计, 总额, 总量) or by the
        first one's name (全年一般公共预算可用资金 after 一般公共预算可用资金). Stated when
        that first amount is in the sentence of 加上, inferred when it is further back.
        """
        listed = {id(p) for _, ps, _ in self.list_sums for p in ps}
        for sentence in self.sentences:
            figs = [f for f in self.by_sentence.get(sentence.index, []) if f.keep]
            for match in _ADDED.finditer(self.text, sentence.start, sentence.end):
                after = [f for f in figs if f.mention.start > match.end() and f.kind == "amount"]
                earlier = [
                    f
                    for f in self.figs
                    if f.keep
                    and f.kind == "amount"
                    and f.mention.phrase_end <= match.start()
                    and f.sentence.section == sentence.section
                    and self.eligible(f)
                    and not self.qualifies(f)
                    and id(f) not in listed
                    # 本年收入1000万元，上年收入900万元，加上年结转…: last year's, or one compared with
                    and not LAST_YEAR.search(f.label)
                    and not self.compared_with(f)
                ]
                if not earlier or len(after) < 2:
                    continue
                first = earlier[-1]
                ends = next(
                    (
                        n
                        for n, f in enumerate(after)
                        if n > 0 and (_TOTAL_WORD.search(f.label) or f.label.endswith(first.label))
                    ),
                    None,
                )
                if ends is None:
                    continue
                total = after[ends]
                # 加上A 1884，其中：B 1478，C 406，…: the parts of a list opened in the run are in A
                inner = {id(p) for t, ps, _ in self.list_sums if t.mention.start > match.end() for p in ps}
                added = [f for f in after[:ends] if id(f) not in inner]
                # 加A 1884万元，其中：A 1884万元，B…: A restated is no addend of its own
                added = [
                    f
                    for f in added
                    if not any(
                        _restates(g, f) for g in added if g is not f and g.mention.start < f.mention.start
                    )
                ]
                opened = patterns.LIST_OPENER.search(self.text, match.end(), total.mention.start)
                if opened is not None and len(added) == ends:
                    continue  # a list opened in the run was not read: what is added is not known
                if any(not self.eligible(f) or f.unit != total.unit for f in [first, *added]):
                    continue
                if any(first.mention.start < at < total.mention.start for at in self.unread_scales):
                    continue  # an amount of the run left unread (万 alone, 万元 printed nowhere)
                names = " + ".join(f.label for f in [first, *added])
                data = {"kind": "sum", "total": "", "parts": [], "label": f"{total.label} = {names}"}
                sentences = unique([first.sentence, sentence])
                self.add("sum", data, sentences, [total, first, *added], inferred=len(sentences) > 1)
                self.list_sums.append((total, [first, *added], self.relations[-1]))

    def yearly_list(self, sentences: list[Sentence], figs: list[Fig], at: int, start: int) -> None:
        """``2016年预算33万元，2015年预算57.55万元…。其中：1、A 2016年预算8万元，2015年预算12.5万元；2、B…``.

        Totals of two or more years printed before (past sentences without figures), and
        a 其中 list whose parts each print their year: the parts of each year detail
        that year's total.
        """
        index = sentences[0].index
        totals: list[Fig] = []
        while index > 0 and not totals:
            index -= 1
            before = self.sentences[index]
            printed = [f for f in self.by_sentence.get(before.index, []) if f.keep]
            if printed:
                same = [s for s in self.sentences if s.period == before.period]
                totals = [f for s in same for f in self.by_sentence.get(s.index, []) if self.eligible(f)]
        years: dict[str | None, Fig] = {self.year_printed(f, f.sentence.start): f for f in totals}
        if (
            None in years
            or len(years) < 2
            or len(years) != len(totals)
            or any(f.kind != "amount" for f in totals)
        ):
            return
        items, period = list(figs), sentences[-1].period
        for later in self.sentences[sentences[-1].index + 1 :]:
            if later.period != period and not _ITEM.match(self.text, later.start, later.end):
                break  # the list goes on through the numbered items after it (2、B…)
            period = later.period
            items.extend(f for f in self.by_sentence.get(later.index, []) if f.keep)
        parts = [f for f in items if f.mention.start >= start and f.kind == "amount" and self.eligible(f)]
        by_year: dict[str | None, list[Fig]] = defaultdict(list)
        for part in parts:
            year = self.year_printed(part, start)
            if year not in years:
                return
            by_year[year].append(part)
        self.name_items(parts)
        for year, items in by_year.items():
            total = years[year]
            if len(items) > 1 and all(p.unit == total.unit for p in items):
                self.sum_of(total, items, items[-1].sentence, at, start)

    def name_items(self, parts: list[Fig]) -> None:
        """``1、公务接待费2016年预算8万元，2015年预算12.5万元``: each figure is named 公务接待费预算.

        The item's name is printed once, before the first year; a label read back to the
        year (预算) takes it.
        """
        name = ""
        for part in parts:
            clause = max(self.text.rfind(c, 0, part.mention.start) for c in "，,；;：:、。\n") + 1
            year = _YEAR_BEFORE.search(self.text, clause, part.mention.start)
            if year is not None and self.text[clause : year.start()].strip():
                name = self.text[clause : year.start()].strip()
            if name and not part.label.startswith(name):
                part.label = name + part.label

    def up_to_etc(self, parts: list[Fig]) -> list[Fig]:
        """A list's parts up to the one that 等 closes (``A 7.1亿元、B 7亿元等；C 13.2亿元``: A and B)."""
        for n, part in enumerate(parts):
            after = self.text[part.mention.phrase_end : part.mention.phrase_end + 2]
            if after[:1] == "等" and after[1:] not in {"级", "次", "同"}:
                return parts[: n + 1]
        return parts

    def base_sums(self) -> None:
        """The bases of a list's ratios add up as the list does.

        ``总收入4348万元，占年初预算10065万元的43.2%。其中：税收收入3511万元，占年初预算8465万元的41.5%；
        非税收入837万元，占年初预算1600万元的52.3%``: each part's budget is a part of the total's.
        No word says so, so the sum is inferred.
        """
        bases: dict[int, Fig] = {}
        for rel in self.relations:
            if rel.data["kind"] == "ratio" and "denominator" in rel.data and len(rel.figures) == 3:
                bases.setdefault(id(rel.figures[0]), rel.figures[1])
        for total, parts, rel in list(self.list_sums):
            if rel.data.get("exhaustive") is False or rel not in self.relations:
                continue
            found = [bases.get(id(f)) for f in (total, *parts)]
            if None in found:
                continue
            whole, *items = [f for f in found if f is not None]
            if len({id(f) for f in found}) != len(found) or any(f.unit != whole.unit for f in items):
                continue
            if any(
                r.data["kind"] == "sum"
                and r.figures[0] is whole
                and {id(p) for p in r.figures[1:]} == {id(f) for f in items}
                for r in self.relations
            ):
                continue  # a table's rows, or the list's other measures, already sum the budgets
            label = f"{whole.label} = " + " + ".join(f.label for f in items)
            data = {"kind": "sum", "total": "", "parts": [], "label": label}
            sentences = unique([whole.sentence, *(f.sentence for f in items)])
            self.add("sum", data, sentences, [whole, *items], inferred=True)

    def colon_lists(self, start: int, sentences: list[Sentence]) -> list[tuple[int, int]]:
        """Lists opened by a colon inside a list, after one of its parts: to the end of the clause.

        Or, when the colon is inside brackets, to where they close.

        ``其中：财力安排支出68.4亿元，…，主要支出事项：A 7.1亿元、B 7.5亿元等；上级专项…13.2亿元``:
        the items after 主要支出事项： detail a part, they are no parts of the outer list.
        """
        found = []
        for sentence in sentences:
            for colon in re.finditer(r"[：:]", self.text[sentence.start : sentence.end]):
                at = sentence.start + colon.start()
                if at <= start or not any(
                    start <= f.mention.start < at for f in self.by_sentence.get(sentence.index, [])
                ):
                    continue
                # （其中：购置费0万元，运行费30.20万元），公务接待费…: a colon inside brackets opens
                # a list that ends where they close
                found.append((at, self.closing(at) or sentence.end))
        return found

    def inner_brackets(self, start: int, sentences: list[Sentence], figs: list[Fig]) -> list[tuple[int, int]]:
        """Brackets opened inside a list, after its first words, holding amounts: no parts of the list.

        ``其中：（1）地方收入404万元，同比下降0.3%（税收收入199万元、非税收入205万元）；（2）…``:
        what the brackets hold details something printed before them (here an item the
        rate stands between), whatever that is; the list goes on after them.
        """
        end = sentences[-1].end
        found = []
        for at in range(start, end):
            if self.text[at] not in "（(" or not self.text[start:at].strip(" \u3000：:"):
                continue
            close = self.bracket_close(at + 1, end)
            if close is not None and any(
                at < f.mention.start < close and f.kind in {"amount", "count"} for f in figs
            ):
                found.append((at, close))
        return found

    def beyond(self, change: Fig | None, parts: list[Fig]) -> bool:
        """Whether a part is more than the change printed before the list: then no part of the change."""
        return change is not None and any(self.exceeds(p, change) for p in parts)

    @staticmethod
    def of_change(change: Fig, total: Fig, parts: list[Fig]) -> bool:
        """Whether the parts add up to the change printed before them and not to the total."""
        return adds_up(change, parts) and not adds_up(total, parts)

    def bracket_lists(self, figs: list[Fig]) -> list[tuple[int, int, Fig, int]]:
        """Brackets right after a figure, holding figures and no list word: its breakdown.

        ``基本支出300万元（人员经费210万元、公用经费90万元）``: the figures in the brackets
        detail the one before them, so they are no parts of a list that figure is in.
        Returns (bracket, first character inside, the figure, closing bracket) for each.
        """
        found = []
        for fig in figs:
            at = fig.mention.phrase_end
            while at < len(self.text) and self.text[at] in " \u3000":
                at += 1
            if at >= len(self.text) or self.text[at] not in "（(" or not self.eligible(fig):
                continue
            close = self.closing(at + 1)
            if close is None or patterns.LIST_OPENER.search(self.text, at, close):
                continue
            inside = [f for f in figs if at < f.mention.start < close]
            if inside:
                found.append((at, at + 1, fig, self.closed_late(fig, inside) or close))
        return found

    def closed_late(self, fig: Fig, inside: list[Fig]) -> int | None:
        """Where a bracket's breakdown ends when the bracket closes one item late; None when it does not.

        ``一般转移支付1478万元（含A 166万元、B 968万元、C 132万元、D 212万元，专项转移支付406万元）``:
        the items joined by 、 add up to the figure before the bracket, and the last one,
        after a comma, is no part of it (it is a sibling of that figure): the breakdown
        ends at that comma. Only when the numbers say so: all the items do not add up,
        the ones before the comma do.
        """
        parts = self.parts(fig, inside)
        if len(parts) < 3 or adds_up(fig, parts) or not adds_up(fig, parts[:-1]):
            return None
        last, before = parts[-1], parts[-2]
        between = self.text[before.mention.phrase_end : last.label_start]
        joins = [self.text[a.mention.phrase_end : b.label_start] for a, b in pairwise(parts[:-1])]
        if not re.fullmatch(r"\s*[，,]\s*", between) or not all(re.fullmatch(r"\s*、\s*", j) for j in joins):
            return None
        return before.mention.phrase_end

    def extent(
        self, total: Fig, candidates: list[list[Fig]], nested: list[tuple[int, int]]
    ) -> list[Fig] | None:
        """The parts of a list, sentence by sentence, up to where they add up to the total; None if never.

        Within a sentence the list also ends where its parts add up and the next figure is
        more than the total: 离退休人员71人，其中离休6人，退休65人，财政全额供养人员117人.
        """
        running: list[Fig] = []
        for n, group in enumerate(candidates):
            items = [f for f in group if not any(a <= f.mention.start < b for a, b in nested)]
            # 其中：A 1884万元（the total again），B 1478万元，C 406万元: the restatement is no part
            items = [f for f in items if not _restates(total, f)]
            for k, fig in enumerate(items):
                running = [*running, fig]
                parts = self.parts(total, running)
                if len(parts) < 2 or not adds_up(total, parts):
                    continue
                following = items[k + 1] if k + 1 < len(items) else None
                if following is not None and self.exceeds(following, total):
                    return parts
                if following is not None and any(_names_total(f, total) for f in items[k + 1 :]):
                    # 加上A 1884，其中：B 1478，C 406，上年结转60，收入合计6449: the items after the
                    # parts are added up to the total named after them, not to this list's
                    return parts
                if following is None:
                    # A 0万元；B 1.52万元；C 0万元: parts of nothing after the sum is reached are parts too
                    later = [f for g in candidates[n + 1 :] for f in g]
                    later = [f for f in later if not any(a <= f.mention.start < b for a, b in nested)]
                    more = self.parts(total, later)
                    zeros = next((i for i, f in enumerate(more) if f.mention.number != 0), len(more))
                    return [*parts, *more[:zeros]]
        return None

    @staticmethod
    def exceeds(fig: Fig, total: Fig) -> bool:
        """Whether a figure is more than a positive total of the same unit (so it is no part of it)."""
        return fig.unit == total.unit and fig.mention.number > total.mention.number > 0

    def closing(self, at: int) -> int | None:
        """Where the brackets that ``at`` stands inside close, in its sentence; None outside brackets."""
        sentence = next((s for s in self.sentences if s.start <= at < s.end), None)
        if sentence is None:
            return None
        if self.bracket_open(at, sentence.start) is None:
            return None
        # the brackets may hold a ；: they close within the sentence's period
        return self.bracket_close(at, max(s.end for s in self.sentences if s.period == sentence.period))

    def paired_lists(
        self, sentences: list[Sentence], figs: list[Fig], opener: tuple[int, int, Fig | None]
    ) -> bool:
        """其中 after a sentence with several totals: one ；-clause of parts for each total, in order.

        ``收入总计…，支出总计…。其中：本年收入…，年初结转…；本年支出…，年末结转…。``
        """
        at, start, _ = opener
        if any(f.mention.phrase_end <= at for f in figs):
            return False
        totals = self.previous_subjects(sentences[0])
        clauses = (
            [
                self.parts(
                    totals[0],
                    [f for f in figs if s.start <= f.mention.start < s.end and f.mention.start >= start],
                )
                for s in sentences
                if s.end > start
            ]
            if totals
            else []
        )
        clauses = [c for c in clauses if c]
        if len(totals) < 2 or len(clauses) != len(totals) or any(len(c) < 2 for c in clauses):
            return False
        for total, parts in zip(totals, clauses, strict=True):
            self.sum_of(total, parts, parts[-1].sentence, at, start)
        return True

    def spent_before(self, at: int) -> Fig | None:
        """What was spent, for ``资金主要用于…``: the nearest actual amount before, in no sum as a part."""
        parts = {id(p) for _, ps, _ in self.list_sums for p in ps}
        spent = [
            f
            for f in self.figs
            if f.mention.start < at
            and f.kind == "amount"
            and id(f) not in parts
            and (patterns.ACTUAL_ROLE.search(f.label) or f.concept == "spending")
        ]
        return spent[-1] if spent else None

    def numbered_items(self, total: Fig, sentence: Sentence) -> tuple[list[Fig], bool, bool]:
        """Parts of a list opened at the end of a line (其中：) and printed as numbered items below it.

        Each item's part is its figure that plays the total's role, else its first. Also
        whether the parts are plain and whether every item printed one. They are not plain
        when an item prints several parts none of which its role names and the firsts do
        not add up (``4、A 182万元，B 60万元``): then every part of every item is taken if
        those add up. An item with no figure (the text may stop mid-list: ``5、医疗卫生支``)
        leaves the list partial.
        """
        section = sentence.section or ""
        firsts: list[Fig] = []
        every: list[Fig] = []
        seen: set[str] = set()
        items: set[str] = set()
        several = False
        for later in self.sentences[sentence.index + 1 :]:
            where = later.section or ""
            if not where.startswith(section) or where == section:
                break
            if any(where.startswith(item) and where != item for item in items):
                continue  # （二）1 under （二）: a sub-item details its item, it is no item of the list
            items.add(where)
            if where in seen:
                continue
            figs = [f for f in self.by_sentence.get(later.index, []) if self.eligible(f)]
            if figs:
                seen.add(where)
                first = self.same_role(total, figs)
                firsts.append(first)
                if first is figs[0] and len(self.parts(total, figs)) > 1:
                    several = True
                    every.extend(figs)
                else:
                    every.append(first)
        parts = self.parts(total, firsts)
        if several and not adds_up(total, parts):
            everything = self.parts(total, every)
            if adds_up(total, everything):
                return everything, True, items == seen
            return parts, False, items == seen
        return parts, True, items == seen

    def dashed_items(self, total: Fig, end: int) -> list[Fig]:
        """Parts of a list opened at the end of a line and printed as lines opened by a dash below it.

        ``支出合计900万元，其中：`` then ``——一般公共服务支出500万元，增长4%；`` ``——结转下年400万元。``:
        each dashed line's first figure of the total's kind (by its role) is a part; the list
        ends at the first line that opens with no dash.
        """
        firsts: list[Fig] = []
        at = self.text.find("\n", end)
        while at >= 0:
            stop = self.text.find("\n", at + 1)
            stop = len(self.text) if stop < 0 else stop
            line = self.text[at + 1 : stop].lstrip(" \u3000")
            if line and not line.startswith(_DASHES):
                break
            figs = [f for f in self.figs if at < f.mention.start < stop and f.kind == total.kind]
            figs = [f for f in figs if self.eligible(f)]
            if figs:
                firsts.append(self.same_role(total, figs))
            at = stop if stop < len(self.text) else -1
        return self.parts(total, firsts)

    def same_role(self, total: Fig, figs: list[Fig]) -> Fig:
        """The figure of an item that plays the total's role (its 决算 for a 决算 total), else its first."""
        for role in (patterns.ACTUAL_ROLE, patterns.BUDGET_ROLE):
            if role.search(total.label):
                return next((f for f in figs if role.search(f.label)), figs[0])
        return figs[0]

    def parts(self, total: Fig, figs: list[Fig]) -> list[Fig]:
        """The figures of a list that are its parts: of the total's kind, labelled, not changes or shares.

        Never a budget as adjusted in a list of a budget as first passed, or the other way round:
        in ``年初预算12981.26万元…其中：…非税收入由年初预算3574.04万元调整为3842.88万元``, the
        adjusted 3842.88 is no part of the 年初 total. (Other roles are read from labels too
        loosely to decide by: 公共财政预算总收入 完成 is no budget.) Counts of another unit than the
        first part's are no parts either (学校4所，其中：小学2所，初中1所，高中1所，在校学生3200人), nor a
        per-head figure (培训费24万元，其中：…伙食费8万元，人均400元).
        """
        out: list[Fig] = []
        role = role_of(total.label)
        for fig in figs:
            if fig is total:
                continue
            if {role, role_of(fig.label)} == _BUDGETS:
                continue
            if fig.kind == "bare" and total.kind == "count" and total.unit == "人" and "编制" in fig.label:
                # 编制数5人，其中全额编制5，差额编制0: head-counts printed without their unit
                fig.kind, fig.unit = total.kind, total.unit
                fig.text_end = fig.mention.end
            if (
                fig.kind == total.kind
                and (not out or _same_measure(fig, out[0]))
                and fig.label
                and not fig.mention.enumerates
                and not patterns.PER_HEAD.search(fig.label)
                and not patterns.PER_AREA.search(fig.label)
                and self.eligible(fig)
                and not self.qualifies(fig)
            ):
                out.append(fig)
        return out

    def levels(self, total: Fig, parts: list[Fig]) -> bool:
        """Whether the parts are the levels of one hierarchy (一级指标3个，二级指标9个，三级指标12个).

        Each level counts the whole again, so they are no sum; the deepest level is the
        whole when the total is the hierarchy's noun (12个绩效目标指标): an inferred equality.
        """
        found = [patterns.LEVEL.match(p.label) for p in parts]
        nouns = {m.group(2) for m in found if m is not None}
        if None in found or len(nouns) != 1 or len(parts) < 2:
            return False
        if total.label.endswith(nouns.pop()) and total.unit == parts[-1].unit:
            data = {"kind": "equal", "figures": [], "label": f"{total.label} = {parts[-1].label}"}
            self.add(
                "equal", data, unique([total.sentence, parts[-1].sentence]), [total, parts[-1]], inferred=True
            )
        return True

    @staticmethod
    def per_category(total: Fig, parts: list[Fig]) -> list[Fig] | None:
        """The parts that measure what the total does, when a list breaks several measures down by category.

        ``共节约资金1500万元，其中货物类采购计划金额…，实际采购金额…，节约资金700万元；工程类…``:
        each category prints several measures, so the list is no list of parts of the
        total; only its 节约资金 are. A list is such a breakdown when a name comes back
        (实际采购金额 twice), or when several parts are named as the total is and each of
        them comes with as many other measures (货物类计划金额, 货物类实际金额, 货物类节约资金;
        工程类…). Returns those parts, or None for a plain list.
        """
        labels = [p.label for p in parts]
        same = [p for p in parts if len(total.label) >= 2 and p.label.endswith(total.label)]
        others = len(parts) - len(same)
        measures = len(same) > 1 and others >= len(same) and others % len(same) == 0
        if len(set(labels)) == len(labels) and not measures:
            return None
        return same

    def other_measures(self, total: Fig, groups: list[list[Fig]], at: int) -> None:
        """A list's other measures, each against the figure of its name printed with the total.

        ``共完成交易项目114项，交易金额10113.92万元，节约资金278.26万元。其中：市级完成交易项目49项，
        交易金额5532.81万元，节约资金52.43万元；县级…``: each item (a ``；`` clause) prints every
        measure, so each other measure of the total's sentence is the sum of the items'
        figures of its name, one an item (the shorter name ends the longer). Only when the
        list's own measure adds up to its total (the items are then all of them), and never a
        change or a share (比上年同期, 占年初预算). Inferred: only the names tie them.
        """
        if len(groups) < 2 or any(len(g) < 2 for g in groups):
            return
        totals = {id(t) for t, _, _ in self.list_sums}
        before = [
            f
            for f in self.by_sentence.get(total.sentence.index, [])
            if f.keep and f is not total and total.mention.start < f.mention.start < at
        ]
        for other in before:
            if other.kind not in {"amount", "count"} or id(other) in totals or not self.eligible(other):
                continue
            named = [
                [
                    p
                    for p in g
                    if p.kind == other.kind and p.unit == other.unit and _same_name(p.label, other.label)
                ]
                for g in groups
            ]
            if any(len(n) != 1 for n in named):
                continue
            parts = [n[0] for n in named]
            data = {
                "kind": "sum",
                "total": "",
                "parts": [],
                "label": f"{other.label} = " + " + ".join(p.label for p in parts),
            }
            sentences = unique([other.sentence, *(p.sentence for p in parts)])
            self.add("sum", data, sentences, [other, *parts], inferred=True)

    def sum_of(  # noqa: PLR0913 - the list's total, parts, sentence and opener
        self,
        total: Fig,
        parts: list[Fig],
        sentence: Sentence,
        at: int,
        start: int,
        *,
        bracket: bool = False,
        inferred: bool = False,
        partial: bool = False,
        complete: bool = False,
    ) -> None:
        """The sum of a list; ``bracket``: a breakdown in brackets with no list word, inferred.

        ``inferred``: the list's total was not plain (a change printed between them).
        ``partial``: the list is known to name only some of the parts (an item printed none).
        ``complete``: another reading of the page shows the list names all of its total's
        parts (a list of parts named alike adds up), unless its words say it is partial.
        """
        if total.mention.enumerates or self.levels(total, parts):
            return  # 涉及四大类，其中：A项目9个…: a count of kinds counts the list's items, it adds none up
        if per_head_passage(self.text, total.mention.start):
            return  # 生均…情况是：…全省为11128.87元。其中，农村为11227.42元: a group's average, no part
        if self.names_listed(total, at, start, parts):
            return
        # 预算单位1个，包括…。编制人数42，其中：…自收自支编制人数13人: people are no part of units
        parts = [p for p in parts if not _persons_and_units(total, p)]
        parts = _before_next_item(total, _before_next_marker(self.text, total, parts))
        parts = self.of_a_part(self.before_semicolon(total, parts))
        if not parts:
            return
        parts = self.restated(total, parts)
        if not parts:
            return
        measured = self.per_category(total, parts)
        if measured is not None:
            if len(measured) < 2:
                return
            parts, bracket = measured, True
        # 主要包括：A…、B…: the words before the opener in its clause may say the list is partial
        clause = max(self.text.rfind(c, sentence.start, at) for c in "，,。；;") + 1
        floor = total.text_end if total.sentence is sentence else sentence.start
        lead = self.text[max(clause, floor) : parts[0].label_start]
        tail = self.text[parts[-1].text_end : sentence.end]
        partial = partial or bool(patterns.PARTIAL_BEFORE.search(lead) or patterns.PARTIAL_AFTER.search(tail))
        # 行政单位1个，参照公务员法管理的事业单位**个，其他事业单位5个: an item's figure masked
        partial = partial or bool(_MASKED.search(self.text, parts[0].label_start, parts[-1].text_end))
        # 具体为：保障基数3688万，…，公共服务奖补资金948万 in a text that never prints 万元: an item left
        # unread (its 万 may count people) leaves the list short of what it names
        partial = partial or any(
            min(at, parts[0].label_start) <= unread < parts[-1].sentence.end for unread in self.unread_scales
        )
        opener = self.text[at:start]
        worded = "其中" in opener or "用于" in opener or bool(OF_SUBJECT.match(opener))
        is_colon = not bracket and not worded
        labels = [p.label for p in parts]
        period_start = min(s.start for s in self.sentences if s.period == sentence.period)
        complete = (
            is_colon
            or bool(patterns.CLASSIFIED.search(self.text, period_start, at))
            or bool(patterns.REMAINDER.search(labels[-1]))
            or partition(labels)
            or adds_up(total, parts)
            or complete
        )
        exhaustive = not partial and len(parts) > 1 and complete
        data: dict[str, Any] = {
            "kind": "sum",
            "total": "",
            "parts": [],
            "label": f"{total.label} = " + " + ".join(labels)
            if exhaustive
            else f"{total.label} ≥ " + " + ".join(labels),
        }
        if not exhaustive:
            data["exhaustive"] = False
        if partial or patterns.PARTIAL_BEFORE.search(self.text, at, parts[0].label_start):
            data["_partial"] = True  # said (其中主要是：, 等) or known to name only some parts
        sentences = unique([total.sentence, *(p.sentence for p in parts)])
        unsure = bracket or inferred or self.used_by_another(total, at) or _nested(total, parts)
        self.add("sum", data, sentences, [total, *parts], inferred=unsure)
        self.list_sums.append((total, parts, self.relations[-1]))
        read = (sentence, at, start, bracket, inferred, partial and not complete)
        self.list_reads[self.relations[-1]] = read

    def restated(self, total: Fig, parts: list[Fig]) -> list[Fig]:
        """The parts of a list whose first part may be its total again; none when the rest lie beside it.

        The restatement and the total are read as equal (inferred). ``实有在职人员85人。其中在职人员
        85人，自收自支人员2人，退休人员20人``: the parts after it lie beside it, in a whole the page does
        not print (none returned). ``转移支付收入1884万元，其中：转移支付收入1884万元，一般…1478万元，
        专项…406万元``: the total restated, then its parts, which add up to it (returned).
        """
        if len(parts) < 2 or not _restates(total, parts[0]):
            return parts
        data = {"kind": "equal", "figures": [], "label": f"{total.label} = {parts[0].label}"}
        self.add("equal", data, unique([total.sentence, parts[0].sentence]), [total, parts[0]], inferred=True)
        return parts[1:] if adds_up(total, parts[1:]) else []

    def overlapping_lists(self) -> None:
        """A partial list whose parts' printed shares of its total add up past 100 %: nested, inferred.

        ``全市一般公共预算支出12亿元，其中民生支出9.6亿元，占80%，教育支出30000万元，占25%``: each
        share holds, and together they say the parts overlap (教育 lies within 民生), so their sum
        exceeding the total is the page's own nesting, or a slip only a reader can tell from it:
        to be checked by hand. Shares that leave room for the parts side by side change nothing.
        """
        for total, parts, rel in self.list_sums:
            if rel not in self.relations or rel.data.get("exhaustive", True):
                continue
            if rel.data.get("basis") == "inferred":
                continue
            least = Decimal(0)
            shared = 0
            for part in parts:
                rates = [
                    r.figures[2].mention.number
                    for r in self.relations
                    if r.data["kind"] == "share" and r.figures[0] is part and r.figures[1] is total
                ]
                if rates:
                    shared += 1
                    least += rates[0] - Decimal(5).scaleb(_exponent(rates[0]) - 1)
            if shared >= 2 and least > 100:
                rel.data["basis"] = "inferred"

    def names_listed(self, total: Fig, at: int, start: int, parts: list[Fig]) -> bool:
        """Whether a count's colon lists names, so that the figures after them are no parts of it.

        ``内设科室4个：办公室、财务科、业务科、信息科，下属事业单位6个``: the colon opens the four
        names; 下属事业单位 is a count of its own, printed after them.
        """
        if total.kind != "count" or self.text[at:start].strip() not in {"：", ":"}:
            return False
        first = re.split(r"[，,；;。]", self.text[start : parts[0].mention.start], maxsplit=1)
        return len(first) > 1 and "、" in first[0] and not re.search(r"[0-9０-９]", first[0])

    def of_a_part(self, parts: list[Fig]) -> list[Fig]:
        """The parts but those whose share is said to be of another part: they detail that part.

        ``其中：授予中小企业合同金额240万元，占80%；授予小微企业合同金额200万元，占授予中小企业合同
        金额的83.33%``: the small firms' 200 is within the 240, not beside it.
        """
        out = []
        for n, part in enumerate(parts):
            stop = parts[n + 1].label_start if n + 1 < len(parts) else part.sentence.end
            said = _SHARE_OF.search(self.text[part.text_end : max(stop, part.text_end)])
            if said and any(p is not part and _same_name(p.label, said.group(1)) for p in parts):
                continue
            out.append(part)
        return out

    def before_semicolon(self, total: Fig, parts: list[Fig]) -> list[Fig]:
        """The parts up to a ``；`` after which the list is already whole, or all of them.

        ``编制人数4人，其中事业编制4人；实有在职人员3人，离退休0人``: the parts before the ``；``
        add up to the total exactly and the whole run does not, so what follows is another
        statement (the staff in post), not more parts. With no ``；``, the same when the run
        exceeds the total: the first two or more parts that add up to it exactly are the list,
        when the rest are named otherwise (no last two characters of a name in common). A
        ``；``-clause opening with 加 (``；加上级补助收入…``) adds to the total: the list ends before it.
        So does a ``；``-clause whose first part cannot be one: it alone exceeds the total
        (``工作人员54.62万人，其中离退休20.89万人；直属高校学生600.39万人``), it names another of the
        four budgets than the total's (一般公共预算支出…；政府性基金支出…), or it names the total's own
        thing in another role, a sibling (``“三公”经费预算168.53万元，其中：…；“三公”经费支出为…``).
        """
        if adds_up(total, parts):
            return parts
        for k in range(1, len(parts)):
            between = self.text[parts[k - 1].text_end : parts[k].label_start]
            if ("；" in between or ";" in between) and (
                adds_up(total, parts[:k]) or _no_part(total, parts[k], parts[:k])
            ):
                return parts[:k]
            clause = self.text[parts[k - 1].text_end : parts[k].mention.start]
            if _ADDS_ON.search(clause):
                # 总收入X，其中A收入Y，…；加上级补助收入Z，…收入合计W: the clause after the ；
                # adds to the total, the list ended before it
                return parts[:k]
        # 保有量5辆，其中：执法执勤用车3辆，一般公务用车2辆，购置车辆1辆，报废车辆2辆: the parts run past
        # the total where the first of them add up to it exactly, and what follows is named as none
        # of them is (车辆, not 用车): another statement. 全额编制5，差额编制0，自收自支编制1 stays whole
        if _exceeds(total, parts):
            # 财政供养人员9,244人；其中：行政编制财政供养人员1,845人，事业编制财政供养人员7,399人，离退休
            # 人员1,206人: the first parts are kinds of the total by its own name, the rest are not
            kind = re.sub(r"^(?:共计|合计|总计|共有|共)|(?:共计|合计|总计|总数|总额)$", "", total.label)
            for k in range(2, len(parts)):
                ends = {p.label[-2:] for p in parts[:k]}
                kinds = len(kind) >= 3 and all(p.label.endswith(kind) for p in parts[:k])
                kinds = kinds and not any(p.label.endswith(kind) for p in parts[k:])
                if adds_up(total, parts[:k]) and (kinds or not any(p.label[-2:] in ends for p in parts[k:])):
                    return parts[:k]
                if (
                    total.kind == "count"
                    and adds_up(total, parts[:k])
                    and partition([p.label for p in parts[:k]])
                ):
                    # 总人口48368人，其中农业人口40556人，城镇人口7812人，常住人口2378人，流动人口542人: a
                    # known partition of a count adds up to it exactly; the counts after it count the
                    # same people otherwise (amounts past a partition stay a break, or a second
                    # classification)
                    return parts[:k]
        return parts

    def used_by_another(self, total: Fig, at: int) -> bool:
        """Whether a ``用于`` list at ``at`` names a spender of its own in its clause, not the total's.

        ``社会保障和就业支出12.04亿元，…；…，市级财政用于支持A 3.85亿元``: what 市级财政 spent on A is
        no part of the spending printed in the clause before; which total it details is a guess.
        """
        if not self.text.startswith("用于", at) and not self.text.startswith("主要用于", at):
            return False
        clause = max(self.text.rfind(c, 0, at) for c in "，,。；;：:") + 1
        if total.mention.start >= clause:
            return False
        words = self.text[clause:at].strip().removesuffix("主要").removesuffix("全部")
        return len(words) >= 2 and words not in _SPENT_WORDS


#: A figure masked in print (**个, ＊＊万元): an item of a list whose value is not given.
_MASKED: Final = re.compile(r"[*＊]{1,4}\s*(?:个|人|万元|元|项|名|家|辆|次)")

#: A share said to be of a named whole: 占授予中小企业合同金额的83.33%.
_SHARE_OF: Final = re.compile(r"占([^，,；;。%％的]{2,30})的")

#: An opener of items printed right before a clause: 其中：, 包括：, 具体为：.
_ITEMS_OPENED: Final = re.compile(r"(?:其中|包括|具体为|具体包括|分别为)[：:]?\s*$")
#: A clause that opens by saying what money went to: 用于A, 主要用于A.
_SPENT_CLAUSE: Final = re.compile(r"\s*((?:其中|包括|具体为|具体包括|分别为)[：:]?\s*)?(?:主要)?用于")


def _spent_item(text: str, at: int, begin: int) -> bool:
    """Whether the ``用于`` at ``at`` opens an item of a list whose items each say 用于.

    ``其中：用于A 539.90万元；用于B 14.00万元`` (or ``，用于B``): the first 用于 follows the list's
    opener, each next one opens a clause after a clause opening with 用于; no 用于 there opens a list.

    >>> text = "其中：用于A 5万元；用于B 4万元。"
    >>> _spent_item(text, 3, 0), _spent_item(text, 11, 0)
    (True, True)
    >>> _spent_item("资金9万元，主要用于A 5万元、B 4万元。", 6, 0)
    False
    """
    while True:
        before = text[begin:at]
        if _ITEMS_OPENED.search(before):
            return True
        stripped = before.rstrip()
        if not stripped.endswith(("；", ";", "，", ",")):
            return False
        clause = max(stripped.rfind(c, 0, len(stripped) - 1) for c in "；;，,：:。") + 1
        spent = _SPENT_CLAUSE.match(stripped, clause)
        if spent is None:
            return False
        if spent.group(1):
            return True  # ，其中用于A…，用于B: the clause before opens the list
        at = begin + clause + len(stripped[clause:]) - len(stripped[clause:].lstrip())


#: Words naming the money of the figure before (资金主要用于…), not a spender of its own.
_SPENT_WORDS: Final = frozenset({"资金", "经费", "该资金", "该项资金", "上述资金", "这些资金", "其", "款项"})


def _before_next_item(total: Fig, parts: list[Fig]) -> list[Fig]:
    """The parts before the next numbered item when the total is itself an item (二是A，其中…；三是B).

    ``由三部分构成：一是A收入X，…；二是B收入Y，其中：C…，D…；三是E收入Z``: E is the next item
    beside B, no part of it; the list ends before it. Parts that are all items
    (``支出X，其中：一是A…，二是B…``) stay, their total being no item.
    """
    if _NUMBERED_ITEM.match(total.label) is None:
        return parts
    ends = next((n for n, p in enumerate(parts) if _NUMBERED_ITEM.match(p.label)), None)
    return parts if ends is None else parts[:ends]


#: An item's number printed right before its name: ``1、``, ``2.``, ``（3）``, ``(4)``, ``一、``, ``（二）``.
_MARKER: Final = re.compile(
    r"(?:([0-9]{1,2})[、.．]|[（(]([0-9]{1,2})[）)]|([一二三四五六七八九十]{1,3})、|[（(]([一二三四五六七八九十]{1,3})[）)])\s*"
)
_CN_DIGITS: Final = {c: n for n, c in enumerate("一二三四五六七八九", start=1)}


def _marker_number(found: re.Match[str]) -> tuple[int, int] | None:
    """The style of an item marker (which of :data:`_MARKER`'s groups) and its number; None past 十九."""
    style = next(n for n in range(1, 5) if found.group(n) is not None)
    printed = found.group(style)
    if style <= 2:
        return style, int(printed)
    tens, _, ones = printed.rpartition("十")
    if "十" not in printed:
        return (style, _CN_DIGITS[printed]) if printed in _CN_DIGITS else None
    if tens not in {"", "一"} or (ones and ones not in _CN_DIGITS):
        return None
    return style, 10 + (_CN_DIGITS[ones] if ones else 0)


def _before_next_marker(text: str, total: Fig, parts: list[Fig]) -> list[Fig]:
    """The parts before the next item when the total is itself a numbered item (1、A…，包括：…；2、B…).

    ``1、基本支出173.89万元，包括：人员经费…，公用经费…；2、项目支出110.56万元…；3、…``: the item
    numbered next after the total's own number, in the same style, stands beside the total; the
    list ends before it. A list whose parts are numbered in the total's style themselves is left
    whole (its items' numbers are the parts', not the total's siblings').
    """
    if not parts:
        return parts
    found = _MARKER.match(text, total.label_start, total.mention.start)  # 一、基本支出: in the label
    for at in range(max(0, total.label_start - 6), total.label_start):
        if found is not None:
            break
        found = _MARKER.fullmatch(text, at, total.label_start)
    own = _marker_number(found) if found is not None else None
    if own is None:
        return parts
    style, number = own

    def sibling(begin: int, end: int, wanted: int) -> bool:
        return any(
            _marker_number(m) == (style, wanted)
            and (m.start() == 0 or text[m.start() - 1] in "，,。；;：:\n \u3000")
            for m in _MARKER.finditer(text, begin, end)
        )

    if sibling(total.text_end, min(parts[0].label_start + 6, parts[0].mention.start), 1):
        return parts  # 基本支出，其中：1、人员经费…；2、公用经费…: the parts are the numbered items
    for k in range(1, len(parts)):
        if sibling(parts[k - 1].text_end, min(parts[k].label_start + 6, parts[k].mention.start), number + 1):
            return parts[:k]
    return parts


def not_sangong(total: Fig, parts: list[Fig]) -> bool:
    """Whether the 三公 classes (因公出国…) are said to detail a total that does not name 三公.

    They detail a “三公” total only, never a larger amount before them (本级部门预算总数).
    """
    return any("因公出国" in p.label for p in parts) and "三公" not in total.label


def _side(label: str) -> str | None:
    """The side of a statement a label names, 收入 or 支出, when it names one and not both."""
    named = [side for side in ("收入", "支出") if side in label]
    return named[0] if len(named) == 1 else None


def _exceeds(total: Fig, parts: list[Fig]) -> bool:
    """Whether the printed parts add up to more than the printed total, beyond their rounding."""
    value = sum((p.mention.number * factor(p.unit) for p in parts), Decimal(0))
    return value > total.mention.number * factor(total.unit) and not adds_up(total, parts)


#: The four budgets of a government's accounts: a total of one has no part of another.
_BUDGETS_OF: Final = re.compile(r"一般公共预算|政府性基金|国有资本经营|社会保险基金")


def _no_part(total: Fig, part: Fig, before: list[Fig]) -> bool:
    """Whether ``part`` cannot be a part of ``total``: more than it, of another budget, or a sibling total.

    More than twice the total only counts when the parts ``before`` it are each no more than the
    total: a list by category prints larger measures (计划金额, 实际采购金额) beside its own.
    """
    whole = total.mention.number * factor(total.unit)

    def over(fig: Fig, times: int) -> bool:
        same = fig.unit == total.unit and fig.kind == total.kind
        return same and fig.mention.number * factor(fig.unit) > times * whole > 0

    if over(part, 2) and not any(over(f, 1) for f in before):
        return True
    own, other = _BUDGETS_OF.search(total.label), _BUDGETS_OF.search(part.label)
    if own is not None and other is not None and own.group() != other.group():
        return True
    # the same thing in another role: “三公”经费支出 after 市人大“三公”经费预算 (its scope aside)
    (own_core, own_role), (core, role) = _role_core(total.label), _role_core(part.label)
    return len(core) >= 4 and own_core.endswith(core) and None not in (own_role, role) and own_role != role


#: A label's role at its end: 预算 a budget; 决算, 执行, 实际, 支出 what was done.
_ROLE_END: Final = re.compile(r"(?:(预算)|决算|执行|实际|支出)(?:数|额)?(?:为)?$")


def _role_core(label: str) -> tuple[str, str | None]:
    """A label without a year before it and its role after it, and that role (budget or actual).

    >>> _role_core("2016年“三公”经费预算")
    ('“三公”经费', 'budget')
    >>> _role_core("运行维护费")
    ('运行维护费', None)
    """
    label = re.sub(r"^(?:19|20)[0-9]{2}年度?", "", label)
    found = _ROLE_END.search(label)
    if found is None:
        return label, None
    return label[: found.start()], "budget" if found.group(1) else "actual"


def _exponent(number: Decimal) -> int:
    """The place of a printed number's last digit (-1 for 80.5, 0 for 80)."""
    exponent = number.as_tuple().exponent
    return exponent if isinstance(exponent, int) else 0


def _nested(total: Fig, parts: list[Fig]) -> bool:
    """Whether a list of two parts overshoots its total as one part lying inside the other would.

    ``总投入73728万元。其中：国家财政性教育经费64507万元，一般公共预算教育经费64469万元``: two
    parts each more than half the total (and none more than it) cannot lie beside each other
    in it, and they add up to more than one and a half times it, further than a slip of one
    figure seldom goes. The one is within the other (a page lists nested figures under one
    其中), or a figure is wrong; which, only a reader of the page can tell, so the list is to
    be checked by hand. A longer list, or a smaller overshoot, is an error as before.
    """
    whole = total.mention.number * factor(total.unit)
    if len(parts) != 2 or whole <= 0 or any(p.unit != total.unit for p in parts):
        return False
    values = [p.mention.number * factor(p.unit) for p in parts]
    return all(whole < 2 * v <= 2 * whole for v in values) and 2 * sum(values) > 3 * whole


#: The units that count people: a count of them is never a part of a count of units (个, 家, 所).
_PERSONS: Final = frozenset({"人", "名"})


def _persons_and_units(total: Fig, part: Fig) -> bool:
    """Whether one of two counts counts people and the other things (预算单位1个 … 自收自支编制13人)."""
    counts = total.kind == part.kind == "count" and None not in (total.unit, part.unit)
    return counts and (total.unit in _PERSONS) != (part.unit in _PERSONS)


def _same_measure(a: Fig, b: Fig) -> bool:
    """Whether two figures measure alike: both money, or counts of one unit (户 and 户, never 户 and 万元)."""
    return a.kind == b.kind and (a.kind != "count" or a.unit == b.unit)


def _names_total(fig: Fig, total: Fig) -> bool:
    """Whether a figure after a list is named as another total (收入合计, 支出总计) of the total's unit."""
    return fig is not total and fig.kind == total.kind and bool(_TOTAL_WORD.search(fig.label))


#: Words announcing that the sections below detail what was said: 具体情况如下：.
_AS_FOLLOWS: Final = re.compile(
    r"(?:具体|分项|各项)?情况如下[：:]?|(?:具体|分项|各项)情况[：:]|具体如下[：:]?"
)
#: The marks that open the lines of a dashed list: ——一般公共服务支出….
_DASHES: Final = ("——", "—", "－", "-", "•", "·")

#: A list opener right after a side's name alone in its clause: ``；支出包括：``.
_SIDE_OPENING: Final = re.compile(r"(?:^|[，,。；;：:\s])(?:本年|全年|当年)?(收入|支出)$")


def _side_total(before: list[Fig], text: str, at: int) -> Fig | None:
    """The total a list opened at ``at`` details: the last figure before it, unless its clause names a side.

    ``收入包括：A、B；支出包括：C、D``: the 支出 list details the last 支出 (or 收支) total
    before it, never the last 收入 item; None when there is none.
    """
    found = _SIDE_OPENING.search(text, max(0, at - 12), at)
    if found is None:
        return before[-1]
    side = found.group(1)
    return next((f for f in reversed(before) if side in f.label or "收支" in f.label), None)


def _restates(total: Fig, part: Fig) -> bool:
    """Whether a list's first part is its total again: its value, and the total's name or its end.

    ``实有在职人员85人，其中在职人员85人``, ``支出合计120万元，其中支出120万元``; never ``支出120万元，
    其中基本支出120万元`` (a part named apart, the others nought).
    """
    name = re.sub(f"(?:{_TOTAL_WORD.pattern})$", "", total.label) or total.label
    return (
        part.unit == total.unit
        and part.mention.number == total.mention.number
        and len(part.label) >= 2
        and (total.label.endswith(part.label) or name.endswith(part.label))
    )


def _same_name(a: str, b: str) -> bool:
    """Whether one label ends the other (交易金额, 完成交易金额), two characters at least."""
    short, long = sorted((a, b), key=len)
    return len(short) >= 2 and long.endswith(short)
