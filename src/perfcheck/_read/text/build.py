"""Assemble figures and relations from the mentions of a report's text.

The builder never evaluates a relation: it only reads what the text states or
implies. Which relations it builds, and on what evidence, is documented in
``docs/extract.md``; in short:

- a total followed by ``其中`` or ``：`` and a list of parts is a ``sum``; the list is
  exhaustive unless the text says it is partial (主要, 等, a single part), and a
  ``其中`` list must also show it names every part: a remainder item (其他...), a
  known complete partition (人员/公用, 全额/差额/自收自支, ...), or parts that add
  up to the total as printed;
- 上年结转, 本年收入, 本年支出 and 结转下年 make the ``balance``; 总支出 with 基本支出
  and 项目支出 a ``sum``;
- ``占…的X%`` is a ``share`` of the figure the words name, or a ``ratio`` with an
  implied target (占全年任务); 执行率/完成率 a ``ratio``;
- ``较上年 增加/减少 X，增长/下降 Y%`` is a ``change``;
- the same label printed in two sections with the same value is one quantity
  (``equal``), and so are totals whose lists name the same parts, part by part;
- ``七大文化`` after a quoted enumeration says how many it lists (``formula``), and a
  self-evaluation score is on a 100-point scale (``formula``);
- rows under a ``（单位：万元）`` heading add up column by column; ``分值 × 执行率 = 得分``
  is a ``product``; 达到年度目标, 高于, 不超过, 决算数大于预算数 and a score after its
  scale are ``compare``; the changes of a sum's parts add up to its total's change
  (``formula``); one quantity printed under labels with one core is ``equal``.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Final

from perfcheck._core.units import lookup_unit
from perfcheck._read.text import patterns
from perfcheck._read.text.numbers import Mention, find
from perfcheck._read.text.sentences import Sentence, split

_LABEL_STOP: Final = frozenset("，,。；;：:！!？?【】[]\n\r \u3000")
_NOUN_STOP: Final = frozenset("，,。；;：:！!？?（()）、\n\r \u3000")
_TITLE_YEAR: Final = re.compile(r"([0-9]{4})年")
_ENUMERATION_BEFORE: Final = re.compile(r"[“\"「]([^”\"」]{2,300})[”\"」]\s*$")
_ENUMERATION_AFTER: Final = re.compile(r"^[^，。；：:]{0,12}?[：:（(][“\"「]?([^）)”\"」。；]{2,300})")
_MAX_NOUN: Final = 14
_CLAUSE_STOP: Final = frozenset("，,。；;：:！!？?、的\n")
_HEADING_UNIT: Final = re.compile(r"[（(]\s*单位\s*[：:]\s*(万元|千元|亿元|元)\s*[）)]")
#: A table-like row: ``年度资金总额：年初预算数180.00，全年预算数245.60，…``, optionally opened by 其中：.
_ROW: Final = re.compile(r"(其中[：:])?([^：:，,。；;0-9]{2,20})[：:]")
#: A sentence opened by a figure's label and 中 (基本支出中，...) lists that figure's parts.
_OF_SUBJECT: Final = re.compile(r"([^，,。；;：:0-9]{2,20}?)中[，,：:]")


@dataclass(eq=False)
class Fig:
    """A figure being built: a mention with its label, unit and place."""

    mention: Mention
    sentence: Sentence
    label: str
    label_start: int
    text_end: int
    unit: str | None
    kind: str
    concept: str | None = None
    id: str = ""
    decimals: int | None = None
    keep: bool = True

    @property
    def is_percent(self) -> bool:
        """Whether the figure is a percentage."""
        return self.kind == "percent"


@dataclass(eq=False)
class Rel:
    """A relation being built, with the sentences it was read from."""

    data: dict[str, Any]
    sentences: list[Sentence]
    figures: list[Fig]


@dataclass
class Built:
    """What the builder made of a text.

    Attributes:
        document: the ledger document, as JSON-ready data (not yet validated).
        figures: the figures, in order.
        relations: the relations with the sentences they came from.
        sentences: every sentence of the text.
    """

    document: dict[str, Any]
    figures: list[Fig]
    relations: list[Rel]
    sentences: list[Sentence]
    by_sentence: dict[int, list[Fig]] = field(default_factory=dict)


# ---------------------------------------------------------------------------
# Labels


def _strip_words(label: str, start: int, entity_forms: list[str], *, after_digit: bool) -> tuple[str, int]:
    changed = True
    if after_digit and label.startswith(("年度", "年")) and not label.startswith(("年末", "年初")):
        cut = 2 if label.startswith("年度") else 1
        label, start = label[cut:], start + cut
    while changed and label:
        changed = False
        for word in (*patterns.LEADING, *entity_forms):
            if label.startswith(word) and len(label) > len(word):
                label, start, changed = label[len(word) :], start + len(word), True
                break
    changed = True
    while changed and label:
        changed = False
        for word in patterns.TRAILING:
            if label.endswith(word) and len(label) > len(word):
                label, changed = label[: -len(word)], True
                break
    return label, start


def _label(text: str, mention: Mention, floor: int, entity_forms: list[str]) -> tuple[str, int]:
    """The report's words naming a mention: the words before it back to a delimiter."""
    end = mention.phrase_start
    while end > floor and text[end - 1] in " \u3000":
        end -= 1
    begin = end
    while begin > floor and text[begin - 1] not in _LABEL_STOP and not text[begin - 1].isdigit():
        begin -= 1
    after_digit = begin > 0 and text[begin - 1].isdigit()
    used_for = text.find("用于", begin, end)
    if used_for >= 0 and end - used_for > 3:  # 资金主要用于发放补贴48.60万元: the part is 发放补贴
        begin = used_for + 2
    return _strip_words(text[begin:end], begin, entity_forms, after_digit=after_digit)


def _noun_after(text: str, pos: int, stop: int) -> str:
    end = pos
    while end < stop and end - pos < _MAX_NOUN and text[end] not in _NOUN_STOP and not text[end].isdigit():
        end += 1
    return text[pos:end]


def _entity_forms(title: str) -> list[str]:
    """The publisher's name from the title and its shorter forms (资阳区妇联, 区妇联, 妇联)."""
    match = _TITLE_YEAR.search(title)
    entity = title[: match.start()] if match else ""
    return [entity[i:] for i in range(len(entity) - 1)] if len(entity) >= 2 else []


# ---------------------------------------------------------------------------
# Numbers


def _factor(unit: str | None) -> Decimal:
    if unit is None:
        return Decimal(1)
    return lookup_unit(unit).factor


def _precision(fig: Fig) -> int:
    return fig.decimals if fig.decimals is not None else fig.mention.decimals


def _exact(fig: Fig) -> bool:
    return fig.kind == "count" and fig.mention.decimals == 0 and _factor(fig.unit) == 1


def _adds_up(total: Fig, parts: list[Fig]) -> bool:
    """Whether the printed parts add up to the printed total within their rounding (no qualifiers)."""
    figs = [total, *parts]
    if any(f.mention.qualifier for f in figs):
        return False
    value = sum((f.mention.number * _factor(f.unit) for f in parts), Decimal(0))
    slack = sum(
        (Decimal(0) if _exact(f) else Decimal("0.5").scaleb(-_precision(f)) * _factor(f.unit) for f in figs),
        Decimal(0),
    )
    return abs(value - total.mention.number * _factor(total.unit)) <= slack


# ---------------------------------------------------------------------------
# The builder


class _Builder:
    def __init__(self, text: str, unit: str | None) -> None:
        self.text = text
        self.unit_override = unit
        self.sentences = split(text)
        self.title = next((line.strip() for line in text.split("\n") if line.strip()), "")
        self.entity_forms = _entity_forms(self.title)
        self.figs: list[Fig] = []
        self.by_sentence: dict[int, list[Fig]] = defaultdict(list)
        self.relations: list[Rel] = []
        self.doc_unit: str | None = None
        self.list_sums: list[tuple[Fig, list[Fig], Rel]] = []
        self.row_periods: set[int] = set()
        self.scored: set[int] = set()

    # -- figures ------------------------------------------------------------

    def read_figures(self) -> None:
        for sentence in self.sentences:
            floor = sentence.start
            for mention in find(self.text, sentence.start, sentence.end):
                label, label_start = _label(self.text, mention, max(floor, sentence.start), self.entity_forms)
                text_end = mention.phrase_end
                if mention.kind == "count" and mention.unit in {"个", "名", "家", "项", "户", "所"}:
                    noun = _noun_after(self.text, mention.phrase_end, sentence.end)
                    if noun and not mention.enumerates:
                        label, text_end = label + noun, mention.phrase_end + len(noun)
                    elif mention.enumerates:
                        label = self.text[mention.start : mention.phrase_end] + noun
                        label_start, text_end = mention.start, mention.phrase_end + len(noun)
                if mention.chinese and not mention.enumerates and self.inside_label(mention, sentence):
                    continue  # 残疾人两项补贴工作经费126000.00元: the numeral is part of a name
                fig = Fig(mention, sentence, label, label_start, text_end, mention.unit, mention.kind)
                self.figs.append(fig)
                self.by_sentence[sentence.index].append(fig)
                floor = mention.phrase_end

    def inside_label(self, mention: Mention, sentence: Sentence) -> bool:
        """Whether another number follows in the same clause: then the numeral belongs to its label."""
        pos = mention.phrase_end
        while pos < sentence.end and self.text[pos] not in _NOUN_STOP:
            if self.text[pos].isdigit():
                return True
            pos += 1
        return False

    def heading_units(self) -> None:
        """Bare numbers under a heading that gives their unit (``二、资金执行情况（单位：万元）``).

        The heading's scope is its section: every sentence that stands under it. A bare
        number there with a label (``年初预算数180.00``) is an amount in that unit.
        """
        for heading in self.sentences:
            match = _HEADING_UNIT.search(self.text, heading.start, heading.end)
            if match is None or heading.section is None:
                continue
            for sentence in self.sentences[heading.index + 1 :]:
                if not (sentence.section or "").startswith(heading.section):
                    break
                for fig in self.by_sentence.get(sentence.index, []):
                    if fig.kind == "bare" and len(fig.label) >= 2:
                        fig.kind, fig.unit = "amount", match.group(1)
                        fig.text_end = fig.mention.end

    def document_unit(self) -> None:
        amounts = Counter(f.unit for f in self.figs if f.kind == "amount")
        self.doc_unit = self.unit_override or (amounts.most_common(1)[0][0] if amounts else None)
        in_unit = [f for f in self.figs if f.kind == "amount" and f.unit == self.doc_unit]
        places = Counter(f.mention.decimals for f in in_unit)
        if not places:
            return
        common, n = places.most_common(1)[0]
        if common > 0 and n * 2 > len(in_unit):
            for fig in in_unit:
                if fig.mention.decimals < common and fig.mention.qualifier is None:
                    fig.decimals = common

    def concepts(self) -> None:
        for fig in self.figs:
            if fig.kind == "amount":
                fig.concept = next((c for c, rx in patterns.CONCEPTS if rx.search(fig.label)), None)
            elif fig.kind == "percent":
                fig.concept = "share"
            elif fig.kind == "count":
                if fig.unit == "分" and patterns.SCORE_LABEL.search(fig.label):
                    fig.concept = "score"
                elif fig.unit == "人" and "编制" in fig.label:
                    fig.concept = "headcount"
                else:
                    fig.concept = "count"

    def first(self, concept: str) -> Fig | None:
        return next((f for f in self.figs if f.keep and f.concept == concept), None)

    # -- relations ------------------------------------------------------------

    def add(self, name: str, data: dict[str, Any], sentences: list[Sentence], figs: list[Fig]) -> None:
        """Record a relation; ``name`` is its id, or a prefix completed by its first figure's id."""
        self.relations.append(Rel({"id": name, **data}, sentences, figs))

    def name_relations(self) -> None:
        """Give every relation a unique id: ``sum_project`` names the sum whose total is ``project``."""
        used: set[str] = set()
        for rel in self.relations:
            name = str(rel.data["id"])
            base = name if name in {"fund_balance", "spending_split"} else f"{name}_{rel.figures[0].id}"
            rid, n = base, 2
            while rid in used:
                rid, n = f"{base}_{n}", n + 1
            used.add(rid)
            rel.data["id"] = rid

    def eligible(self, fig: Fig) -> bool:
        """Whether a figure can be the total or a part of a list (not a change, a share or a bare number)."""
        return fig.kind in {"amount", "count"} and not patterns.CHANGE_LABEL.search(fig.label)

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

    def previous_total(self, sentence: Sentence) -> Fig | None:
        """The subject of the period before: its first amount or count, in the same section."""
        figs = self.previous_subjects(sentence)
        if not figs:
            return None
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
            match = _ROW.match(self.text, sentence.start, sentence.end)
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
            complete = _partition(names) or bool(patterns.REMAINDER.search(names[-1]))
            for column, total in columns.items():
                cells = [p[3].get(column) for p in parts]
                if total.kind != "amount" or any(c is None or c.kind != total.kind for c in cells):
                    continue
                figs = [c for c in cells if c is not None]
                exhaustive = complete or _adds_up(total, figs)
                data: dict[str, Any] = {
                    "kind": "sum",
                    "total": "",
                    "parts": [],
                    "label": f"{name} {column} " + ("= " if exhaustive else "≥ ") + " + ".join(names),
                }
                if not exhaustive:
                    data["exhaustive"] = False
                self.add("sum", data, _unique([sentence, *(p[0] for p in parts)]), [total, *figs])
                self.list_sums.append((total, figs, self.relations[-1]))
            self.row_periods.update(p[0].period for p in parts)

    def lists(self) -> None:
        periods: dict[int, list[Sentence]] = defaultdict(list)
        for sentence in self.sentences:
            periods[sentence.period].append(sentence)
        for period, sentences in periods.items():
            if period not in self.row_periods:
                self.period_lists(sentences)

    def period_lists(self, sentences: list[Sentence]) -> None:  # noqa: C901, PLR0912 - openers, nesting, extent
        """The lists of one period: each 其中 (or a total followed by ：) and the parts after it."""
        begin, end = sentences[0].start, sentences[-1].end
        figs = [f for s in sentences for f in self.by_sentence.get(s.index, [])]
        openers: list[tuple[int, int, Fig | None]] = []  # (opener start, items start, total)
        for match in patterns.LIST_OPENER.finditer(self.text, begin, end):
            printed = [f for f in figs if f.mention.phrase_end <= match.start()]
            before = [f for f in printed if self.eligible(f)]
            total = before[-1] if before else self.previous_total(sentences[0])
            if not before and printed and printed[-1].kind == "amount":
                total = printed[-1]  # 较年初预算数增加65.60万元，其中追加…: the parts of the change
            if not before and "用于" in match.group():
                total = self.spent_before(match.start())  # 项目资金主要用于…: what was spent
            openers.append((match.start(), match.end(), total))
        if not openers and (of := _OF_SUBJECT.match(self.text, begin, end)):
            # 基本支出中，人员经费…，公用经费…: the parts of a figure printed before
            named = [
                f
                for f in self.figs
                if f.label == of.group(1) and f.mention.start < begin and self.eligible(f)
            ]
            if named:
                openers.append((begin, of.end(), named[-1]))
        if not openers:
            for fig in figs:
                after = self.text[fig.mention.phrase_end : fig.mention.phrase_end + 1]
                if self.eligible(fig) and after in {"：", ":"}:
                    openers.append((fig.mention.phrase_end, fig.mention.phrase_end + 1, fig))
                    break
        if len(openers) == 1 and self.paired_lists(sentences, figs, openers[0]):
            return
        for n, (at, start, total) in enumerate(openers):
            if total is None:
                continue
            nested: list[tuple[int, int]] = []
            for later, _, _ in openers[n + 1 :]:
                stop = next(s.end for s in sentences if s.start <= later < s.end)
                nested.append((later, stop))
            segments = [s for s in sentences if s.end > start]
            candidates = [
                [f for f in figs if s.start <= f.mention.start < s.end and f.mention.start >= start]
                for s in segments
            ]
            chosen: list[Fig] | None = None
            running: list[Fig] = []
            for group in candidates:
                running = running + [f for f in group if not any(a <= f.mention.start < b for a, b in nested)]
                parts = self.parts(total, running)
                if len(parts) > 1 and _adds_up(total, parts):
                    chosen = parts
                    break
            if chosen is None:
                colon = self.text[start - 1 : start] in {"：", ":"}
                groups = candidates if colon or len(openers) == 1 else candidates[:1]
                flat = [f for g in groups for f in g if not any(a <= f.mention.start < b for a, b in nested)]
                chosen = self.parts(total, flat)
            if not chosen and not self.text[start:end].strip(" \u3000：:。"):
                chosen = self.numbered_items(total, sentences[-1])
            if chosen:
                self.sum_of(total, chosen, sentences[-1], at, start)

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

    def numbered_items(self, total: Fig, sentence: Sentence) -> list[Fig]:
        """Parts of a list opened at the end of a line (其中：) and printed as numbered items below it."""
        section = sentence.section or ""
        firsts: list[Fig] = []
        seen: set[str] = set()
        for later in self.sentences[sentence.index + 1 :]:
            where = later.section or ""
            if not where.startswith(section) or where == section:
                break
            if where in seen:
                continue
            figs = [f for f in self.by_sentence.get(later.index, []) if self.eligible(f)]
            if figs:
                seen.add(where)
                firsts.append(self.same_role(total, figs))
        return self.parts(total, firsts)

    def same_role(self, total: Fig, figs: list[Fig]) -> Fig:
        """The figure of an item that plays the total's role (its 决算 for a 决算 total), else its first."""
        for role in (patterns.ACTUAL_ROLE, patterns.BUDGET_ROLE):
            if role.search(total.label):
                return next((f for f in figs if role.search(f.label)), figs[0])
        return figs[0]

    def parts(self, total: Fig, figs: list[Fig]) -> list[Fig]:
        """The figures of a list that are its parts: of the total's kind, labelled, not changes or shares."""
        out = []
        for fig in figs:
            if fig is total:
                continue
            if fig.kind == "bare" and total.kind == "count" and total.unit == "人" and "编制" in fig.label:
                # 编制数5人，其中全额编制5，差额编制0: head-counts printed without their unit
                fig.kind, fig.unit = total.kind, total.unit
                fig.text_end = fig.mention.end
            if fig.kind == total.kind and fig.label and not fig.mention.enumerates and self.eligible(fig):
                out.append(fig)
        return out

    def sum_of(self, total: Fig, parts: list[Fig], sentence: Sentence, at: int, start: int) -> None:
        lead = self.text[at : parts[0].label_start]
        tail = self.text[parts[-1].text_end : sentence.end]
        partial = bool(patterns.PARTIAL_BEFORE.search(lead) or patterns.PARTIAL_AFTER.search(tail))
        opener = self.text[at:start]
        is_colon = "其中" not in opener and "用于" not in opener and not _OF_SUBJECT.match(opener)
        labels = [p.label for p in parts]
        period_start = min(s.start for s in self.sentences if s.period == sentence.period)
        complete = (
            is_colon
            or bool(patterns.CLASSIFIED.search(self.text, period_start, at))
            or bool(patterns.REMAINDER.search(labels[-1]))
            or _partition(labels)
            or _adds_up(total, parts)
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
        sentences = _unique([total.sentence, *(p.sentence for p in parts)])
        self.add("sum", data, sentences, [total, *parts])
        self.list_sums.append((total, parts, self.relations[-1]))

    def fund_flow(self) -> None:
        flows = [self.first(c) for c in ("carryover_in", "income", "spending", "carryover_out")]
        cin, income, spending, cout = flows
        if cin and income and spending and cout:
            data = {
                "kind": "balance",
                "inflows": [],
                "outflows": [],
                "label": f"{cin.label} + {income.label} = {spending.label} + {cout.label}",
            }
            self.add(
                "fund_balance",
                data,
                _unique([f.sentence for f in (cin, income, spending, cout)]),
                [
                    cin,
                    income,
                    spending,
                    cout,
                ],
            )
        basic, project = self.first("basic_spending"), self.first("project_spending")
        if spending and basic and project:
            done = any(
                r.data["kind"] == "sum" and {basic, project} <= set(r.figures[1:]) for r in self.relations
            )
            if not done:
                data = {
                    "kind": "sum",
                    "total": "",
                    "parts": [],
                    "label": f"{spending.label} = {basic.label} + {project.label}",
                }
                self.add(
                    "spending_split",
                    data,
                    _unique([spending.sentence, basic.sentence, project.sentence]),
                    [
                        spending,
                        basic,
                        project,
                    ],
                )

    def preceding(self, fig: Fig, kinds: set[str]) -> Fig | None:
        figs = self.by_sentence.get(fig.sentence.index, [])
        before = [f for f in figs if f.mention.start < fig.mention.start and f.kind in kinds and f.keep]
        return before[-1] if before else None

    def shares(self) -> None:
        for fig in self.figs:
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
            part = self.preceding(fig, {"amount", "count"})
            if part is None:
                continue
            if not words:  # 其中：A 10万元，占82.34%: a share of the list's total
                whole = next(
                    (
                        r.figures[0]
                        for r in self.relations
                        if r.data["kind"] == "sum" and part in r.figures[1:]
                    ),
                    None,
                )
                if whole is not None:
                    self.share(part, whole, fig)
                continue
            if patterns.TARGET_WORDS.search(words):
                fig.concept = "completion_rate"
                data = {"kind": "ratio", "numerator": "", "stated": "", "label": f"{part.label} ÷ {words}"}
                self.add("ratio", data, [fig.sentence], [part, fig])
                continue
            whole = self.whole(words, part)
            if whole is not None:
                self.share(part, whole, fig)

    def share(self, part: Fig, whole: Fig, stated: Fig) -> None:
        data = {
            "kind": "share",
            "part": "",
            "whole": "",
            "stated": "",
            "label": f"{part.label} ÷ {whole.label}",
        }
        self.add("share", data, _unique([whole.sentence, stated.sentence]), [part, whole, stated])

    def whole(self, words: str, part: Fig) -> Fig | None:
        for rx, concept in patterns.WHOLE_CONCEPTS:
            if rx.search(words):
                named = [f for f in self.figs if f.keep and f.concept == concept and f is not part]
                before = [f for f in named if f.mention.start < part.mention.start]
                if before or named:
                    return before[-1] if before else named[0]
        candidates = [
            f
            for f in self.figs
            if f.keep
            and f is not part
            and f.kind == part.kind
            and len(f.label) >= 2
            and (f.label == words or f.label.endswith(words) or words.endswith(f.label))
        ]
        before = [f for f in candidates if f.mention.start < part.mention.start]
        if before:
            return before[-1]
        return candidates[0] if candidates else None

    def rates(self) -> None:
        for fig in self.figs:
            if not fig.is_percent or fig.label.startswith("占") or not patterns.RATE_LABEL.search(fig.label):
                continue
            pool = [f for f in self.figs if f.keep and f.sentence.section == fig.sentence.section]
            pool = [f for f in pool if f.kind in {"amount", "count"} and f.mention.start < fig.mention.start]
            pool = [f for f in pool if self.eligible(f)]
            denominator = next((f for f in reversed(pool) if patterns.RATE_DENOMINATOR.search(f.label)), None)
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
                data = {
                    "kind": "ratio",
                    "numerator": "",
                    "denominator": "",
                    "stated": "",
                    "label": f"{fig.label}: {numerator.label} ÷ {denominator.label}",
                }
                sents = _unique([numerator.sentence, denominator.sentence, fig.sentence])
                self.add("ratio", data, sents, [numerator, denominator, fig])
                continue
            count = self.preceding(fig, {"count"})
            if count is not None and "完成" in self.text[count.label_start : fig.mention.start]:
                data = {
                    "kind": "ratio",
                    "numerator": "",
                    "stated": "",
                    "label": f"{fig.label}: {count.label}",
                }
                self.add("ratio", data, [fig.sentence], [count, fig])

    def changes(self) -> None:
        for sentence in self.sentences:
            figs = [f for f in self.by_sentence.get(sentence.index, []) if f.keep]
            for match in patterns.CHANGE.finditer(self.text, sentence.start, sentence.end):
                before = [
                    f for f in figs if f.mention.phrase_end <= match.start() and f.kind in {"amount", "count"}
                ]
                direction = patterns.DIRECTION.search(
                    self.text, match.end(), min(sentence.end, match.end() + 30)
                )
                if direction is None:
                    continue
                if before:
                    currents = [before[-1]]
                else:
                    # 与上年相比，一般公共预算财政拨款支出增加…; 收入、支出总计各增加…: the figures named
                    currents = self.named_before(sentence, self.text[match.end() : direction.start()])
                if not currents:
                    continue
                current = currents[0]
                after = [f for f in figs if f.mention.start >= match.end()]
                following = patterns.CHANGE.search(self.text, match.end(), sentence.end)
                limit = following.start() if following else sentence.end
                prior = next(
                    (f for f in after if f.mention.end <= direction.start() and f.kind == current.kind), None
                )
                delta = next(
                    (
                        f
                        for f in after
                        if direction.start() <= f.mention.start < limit and f.kind == current.kind
                    ),
                    None,
                )
                percent = next(
                    (f for f in after if direction.start() <= f.mention.start < limit and f.is_percent), None
                )
                if prior is None and delta is None and percent is None:
                    continue
                word = direction.group()
                for current in currents:
                    data: dict[str, Any] = {
                        "kind": "change",
                        "current": "",
                        "direction": "increase" if word in patterns.INCREASE else "decrease",
                        "label": f"{current.label} {self.text[match.start() : direction.end()]}",
                    }
                    figs_used = [current]
                    for key, f in (("prior", prior), ("delta", delta), ("percent", percent)):
                        if f is not None:
                            data[key] = ""
                            figs_used.append(f)
                    self.add("change", data, _unique([current.sentence, sentence]), figs_used)

    def top_level(self, figs: list[Fig]) -> list[Fig]:
        """The figures that are no part of a sum (the 总额 row, not the 财政拨款 row under it)."""
        parts = {id(p) for _, ps, _ in self.list_sums for p in ps}
        return [f for f in figs if id(f) not in parts]

    def named_changes(self) -> None:
        """``全年预算数较年初预算数增加65.60万元``: a change between two figures named by their labels."""
        for sentence in self.sentences:
            figs = [f for f in self.by_sentence.get(sentence.index, []) if f.keep]
            for match in patterns.CHANGE_NAMED.finditer(self.text, sentence.start, sentence.end):
                if patterns.CHANGE.match(self.text, match.end(1)):
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
                self.add("change", data, _unique([current[-1].sentence, prior[-1].sentence, sentence]), used)

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
                    self.add("product", data, [sentence], [got, points, rate])
                    self.scored.add(id(got))

    def compare(self, left: Fig, op: str, right: Fig, why: str) -> None:
        data = {"kind": "compare", "left": "", "op": op, "right": "", "label": why}
        self.add("compare", data, _unique([left.sentence, right.sentence]), [left, right])

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
        """``满意度达95%以上，高于年度目标值90%``: a figure compared in words with the one before it."""
        for i, fig in enumerate(figs):
            word = next((w for w in patterns.COMPARE_WORDS if fig.label.startswith(w[0])), None)
            if word is None or len(fig.label) == len(word[0]) or i == 0:
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
        while begin > sentence.start and self.text[begin - 1] not in _CLAUSE_STOP:
            begin -= 1
        end = b
        while end < sentence.end and self.text[end] not in _CLAUSE_STOP:
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
            (_prefix(f.label, left_words), f) for f in earlier if f is not right and f.unit == right.unit
        ]
        best = max((p for p, _ in scored), default=0)
        winners = [f for p, f in scored if p == best]
        if best >= 2 and len(winners) == 1:
            self.compare(winners[0], op, right, f"{left_words}{word}{right_words}")

    def change_formulas(self) -> None:  # noqa: C901 - equal figures, changes, sums
        """The changes of a sum's parts add up to the change of its total (through figures printed twice)."""
        same: dict[int, set[int]] = defaultdict(set)
        for rel in self.relations:
            if rel.data["kind"] == "equal":
                ids = {id(f) for f in rel.figures}
                for f in rel.figures:
                    same[id(f)] |= ids
        deltas: dict[int, tuple[Fig, str]] = {}
        for rel in self.relations:
            if rel.data["kind"] == "change" and "delta" in rel.data and "prior" not in rel.data:
                delta = rel.figures[1]
                for key in same.get(id(rel.figures[0]), {id(rel.figures[0])}):
                    deltas.setdefault(key, (delta, str(rel.data["direction"])))
        for total, parts, rel in self.list_sums:
            if rel.data.get("exhaustive") is False or rel not in self.relations:
                continue
            found = [deltas.get(id(f)) for f in (total, *parts)]
            if any(d is None for d in found):
                continue
            terms = [d for d in found if d is not None]
            if len({d[0].unit for d in terms}) != 1 or len({id(d[0]) for d in terms}) != len(terms):
                continue
            names = " + ".join(p.label for p in parts)
            data = {
                "kind": "formula",
                "expr": "",
                "label": f"the changes of {names} add up to that of {total.label}",
            }
            self.add("changes", data, _unique([d[0].sentence for d in terms]), [d[0] for d in terms])
            self.relations[-1].data["_signs"] = ["-" if d[1] == "decrease" else "+" for d in terms]

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
        return []

    def nearest_named(self, name: str, sentence: Sentence) -> Fig | None:
        """The nearest figure printed before ``sentence`` in its section with the label ``name``."""
        earlier = [
            f
            for f in self.figs
            if f.keep
            and f.label == name
            and f.mention.start < sentence.start
            and f.sentence.section == sentence.section
        ]
        return earlier[-1] if earlier else None

    def equals(self) -> None:
        paired: set[frozenset[int]] = set()
        sums = self.list_sums
        for i, (total_a, parts_a, _) in enumerate(sums):
            for total_b, parts_b, _ in sums[i + 1 :]:
                same_parts = [p.label for p in parts_a] == [p.label for p in parts_b] and len(parts_a) > 1
                if not same_parts or total_a.sentence.section == total_b.sentence.section:
                    continue
                if total_a.kind != total_b.kind:
                    continue
                self.equal([total_a, total_b], paired, why="two totals listed with the same parts")
                for a, b in zip(parts_a, parts_b, strict=True):
                    self.equal([a, b], paired, why="the same part of two totals listed with the same parts")
        self.balanced_totals(paired)
        self.same_figures(paired)

    def same_figures(self, paired: set[frozenset[int]]) -> None:
        """One quantity printed in several sections (see :meth:`same_quantity`)."""
        groups: dict[tuple[str, Decimal, str | None], list[Fig]] = defaultdict(list)
        for fig in self.figs:
            # 较上年增加 in two sections is two changes, never one quantity
            if (
                fig.keep
                and len(fig.label) >= 2
                and fig.kind != "bare"
                and not patterns.CHANGE_LABEL.search(fig.label)
            ):
                groups[fig.kind, fig.mention.number * _factor(fig.unit), fig.mention.qualifier].append(fig)
        for figs in groups.values():
            for component in self.same_quantity(figs):
                if len({f.sentence.section for f in component}) > 1:
                    exact = len({f.label for f in component}) == 1
                    why = "the same label and value are printed in two sections"
                    if not exact:
                        why = "the same value is printed in two sections under labels with one core"
                    self.equal(component, paired, why=why)

    def balanced_totals(self, paired: set[frozenset[int]]) -> None:
        """``收入总计2856.43万元，支出总计2856.43万元``: the two sides of a statement balance."""
        for a in self.figs:
            if a.kind != "amount" or "总计" not in a.label or "收入" not in a.label:
                continue
            other = a.label.replace("收入", "支出")
            later = [f for f in self.figs if f.mention.start > a.mention.start and f.kind == "amount"]
            b = next(
                (f for f in later if f.sentence.section == a.sentence.section and f.label == other), None
            )
            if b is not None:
                self.equal([a, b], paired, why="the income and spending totals of a statement balance")

    def same_quantity(self, figs: list[Fig]) -> list[list[Fig]]:
        """Figures of one value that name one quantity, grouped (in order of the text).

        Two figures in different sections are one quantity when their labels are the
        same; or the same once a trailing 总计/合计/数 and a 预算/决算 role are taken off
        (收入预算总计 and 收入预算; 基本支出 and 基本支出预算), roles not contradicting;
        or when the shorter core is the end of the longer one and the rest of the
        longer is printed just before the shorter figure (一般公共预算财政拨款支出 ...
        年初预算为…，支出决算为2228.24万元). Zero is never matched by the looser rules.
        """
        parent = list(range(len(figs)))

        def root(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for i, a in enumerate(figs):
            for j in range(i + 1, len(figs)):
                b = figs[j]
                if a.sentence.section != b.sentence.section and self.one_quantity(a, b):
                    parent[root(j)] = root(i)
        groups: dict[int, list[Fig]] = defaultdict(list)
        for i, fig in enumerate(figs):
            groups[root(i)].append(fig)
        return [g for g in groups.values() if len(g) > 1]

    def one_quantity(self, a: Fig, b: Fig) -> bool:
        if a.label == b.label:
            return True
        if a.mention.number == 0:
            return False
        (core_a, role_a), (core_b, role_b) = _core(a.label), _core(b.label)
        if role_a and role_b and role_a != role_b:
            return False
        if core_a == core_b:
            return len(core_a) >= 2
        long, short = (a, b) if len(core_a) > len(core_b) else (b, a)
        core_long, core_short = _core(long.label)[0], _core(short.label)[0]
        if len(core_short) < 2 or not core_long.endswith(core_short):
            return False
        rest = core_long[: -len(core_short)]
        context = self.text[short.sentence.start : short.label_start]
        return _common(rest, context) >= max(3, (len(rest) + 1) // 2)

    def equal(self, figs: list[Fig], paired: set[frozenset[int]], *, why: str) -> None:
        key = frozenset(id(f) for f in figs)
        if key in paired or any(
            frozenset({id(a), id(b)}) in paired for a in figs for b in figs if a is not b
        ):
            return
        paired.add(key)
        for a in figs:
            for b in figs:
                if a is not b:
                    paired.add(frozenset({id(a), id(b)}))
        sections = " / ".join(dict.fromkeys(f.sentence.section or "" for f in figs))
        data = {"kind": "equal", "figures": [], "label": f"{figs[0].label}: {why} ({sections})"}
        self.add("same", data, _unique([f.sentence for f in figs]), figs)

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
            match = _ENUMERATION_BEFORE.search(before) or _ENUMERATION_AFTER.search(after)
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
                self.add("scale", data, [fig.sentence], [fig])
                self.relations[-1].data["_max"] = 100

    # -- the document ----------------------------------------------------------

    def drop_bare(self) -> None:
        for fig in self.figs:
            if fig.kind == "bare":
                fig.keep = False
        self.figs = [f for f in self.figs if f.keep]
        for key, figs in list(self.by_sentence.items()):
            self.by_sentence[key] = [f for f in figs if f.keep]

    def name_figures(self) -> None:
        used: set[str] = set()
        for n, fig in enumerate(self.figs, start=1):
            short = patterns.CONCEPT_IDS.get(fig.concept or "")
            fig.id = short if short is not None and short not in used else f"f{n}"
            used.add(fig.id)

    def figure_data(self, fig: Fig) -> dict[str, Any]:
        m = fig.mention
        data: dict[str, Any] = {"id": fig.id, "label": fig.label}
        if fig.concept:
            data["concept"] = fig.concept
        data["value"] = m.text.replace("．", ".") + ("%" if fig.is_percent else "")
        if fig.unit is not None and not (fig.kind == "amount" and fig.unit == self.doc_unit):
            data["unit"] = fig.unit
        if fig.decimals is not None:
            data["decimals"] = fig.decimals
        if m.qualifier is not None:
            data["qualifier"] = m.qualifier
        line_start = self.text.rfind("\n", 0, m.start) + 1
        del line_start
        data["source"] = {
            "section": fig.sentence.section,
            "line": fig.sentence.line,
            "start": m.start,
            "end": m.end,
            "text": self.text[fig.label_start : fig.text_end].strip(),
        }
        if data["source"]["section"] is None:
            del data["source"]["section"]
        return data

    def relation_data(self, rel: Rel) -> dict[str, Any]:  # noqa: C901, PLR0912 - one branch per relation kind
        data = {k: v for k, v in rel.data.items() if not k.startswith("_")}
        ids = [f.id for f in rel.figures]
        kind = data["kind"]
        if kind == "sum":
            data["total"], data["parts"] = ids[0], ids[1:]
        elif kind == "balance":
            data["inflows"], data["outflows"] = ids[:2], ids[2:]
        elif kind == "share":
            data["part"], data["whole"], data["stated"] = ids
        elif kind == "ratio":
            data["numerator"], data["stated"] = ids[0], ids[-1]
            if len(ids) == 3:
                data["denominator"] = ids[1]
        elif kind == "change":
            data["current"] = ids[0]
            keys = [k for k in ("prior", "delta", "percent") if k in data]
            data.update(zip(keys, ids[1:], strict=True))
        elif kind == "equal":
            data["figures"] = ids
        elif kind == "product":
            data["total"], data["factors"] = ids[0], ids[1:]
        elif kind == "compare":
            data["left"], data["right"] = ids
        elif kind == "formula":
            if "_signs" in rel.data:
                signs: list[str] = rel.data["_signs"]
                lhs = " ".join(f"{sign} {fid}" for sign, fid in zip(signs[1:], ids[1:], strict=True))
                rhs = ids[0] if signs[0] == "+" else f"- {ids[0]}"
                data["expr"] = f"{lhs.removeprefix('+ ')} == {rhs}"
            elif "_count" in rel.data:
                data["expr"] = f"{ids[0]} == {rel.data['_count']}"
            else:
                data["expr"] = f"{ids[0]} <= {rel.data['_max']}"
        first = rel.sentences[0]
        sections = list(dict.fromkeys(s.section or "" for s in rel.sentences))
        source: dict[str, Any] = {"section": " / ".join(sections)}
        if len(rel.sentences) == 1:
            source.update(
                line=first.line, start=first.start, end=first.end, text=self.text[first.start : first.end]
            )
        data["source"] = source
        return data

    def build(self, name: str, locale: str) -> Built:
        self.read_figures()
        self.heading_units()
        self.document_unit()
        self.rows()
        self.lists()
        self.drop_bare()
        self.concepts()
        self.fund_flow()
        self.shares()
        self.rates()
        self.changes()
        self.named_changes()
        self.products()
        self.compares()
        self.enumerations()
        self.figs = [f for f in self.figs if f.keep]
        self.relations = [r for r in self.relations if all(f.keep for f in r.figures)]
        self.equals()
        self.change_formulas()
        self.scores()
        self.name_figures()
        self.name_relations()
        document: dict[str, Any] = {"perfcheck": "1"}
        if self.title:
            document["title"] = self.title
        if name != "<text>":
            document["source"] = name
        if self.entity_forms:
            document["entity"] = self.entity_forms[0]
        if year := _TITLE_YEAR.search(self.title):
            document["period"] = year.group(1)
        if self.doc_unit is not None:
            document["unit"] = self.doc_unit
        document["locale"] = locale
        document["figures"] = [self.figure_data(f) for f in self.figs]
        document["relations"] = [self.relation_data(r) for r in self.relations]
        by_sentence = {k: [f for f in v if f.keep] for k, v in self.by_sentence.items()}
        return Built(document, self.figs, self.relations, self.sentences, by_sentence)


def _partition(labels: list[str]) -> bool:
    """Whether the labels are, one each, the words of a known complete partition."""
    for words in patterns.PARTITIONS:
        if len(words) != len(labels):
            continue
        hits = [next((w for w in words if w in label), None) for label in labels]
        if None not in hits and len(set(hits)) == len(words):
            return True
    return False


def _core(label: str) -> tuple[str, str | None]:
    """A label without its trailing 总计/合计/总额/数, and its 预算/决算 role taken off."""
    core = re.sub(r"(?:总计|合计|总额|总数)$", "", label)
    role = None
    if match := re.search(r"(预算|决算|执行)数?$", core):
        role = "budget" if match.group(1) == "预算" else "actual"
        core = core[: match.start()]
    return core, role


def _prefix(a: str, b: str) -> int:
    """How many characters the two begin with in common."""
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _common(a: str, b: str) -> int:
    """The length of the longest run of characters printed in both."""
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b:
                best = j - i
            else:
                break
    return best


def _unique(sentences: list[Sentence]) -> list[Sentence]:
    seen: dict[int, Sentence] = {}
    for s in sentences:
        seen.setdefault(s.index, s)
    return sorted(seen.values(), key=lambda s: s.index)


def build(text: str, *, name: str = "<text>", unit: str | None = None, locale: str = "zh_CN") -> Built:
    """Read the figures and relations of a report's text into a ledger document (not yet validated)."""
    return _Builder(text, unit).build(name, locale)
