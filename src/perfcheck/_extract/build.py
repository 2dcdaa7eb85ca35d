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
  self-evaluation score is on a 100-point scale (``formula``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Final

from perfcheck._extract import patterns
from perfcheck._extract.numbers import Mention, find
from perfcheck._extract.sentences import Sentence, split
from perfcheck._units import lookup_unit

_LABEL_STOP: Final = frozenset("，,。；;：:！!？?【】[]\n\r \u3000")
_NOUN_STOP: Final = frozenset("，,。；;：:！!？?（()）、\n\r \u3000")
_TITLE_YEAR: Final = re.compile(r"([0-9]{4})年")
_ENUMERATION_BEFORE: Final = re.compile(r"[“\"「]([^”\"」]{2,300})[”\"」]\s*$")
_ENUMERATION_AFTER: Final = re.compile(r"^[^，。；：:]{0,12}?[：:（(][“\"「]?([^）)”\"」。；]{2,300})")
_MAX_NOUN: Final = 14


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

    def previous_total(self, sentence: Sentence) -> Fig | None:
        """The subject of the period before: its first amount or count, in the same section."""
        before = [
            s for s in self.sentences if s.period == sentence.period - 1 and s.section == sentence.section
        ]
        figs = [f for s in before for f in self.by_sentence.get(s.index, []) if self.eligible(f)]
        return figs[0] if figs else None

    def lists(self) -> None:
        periods: dict[int, list[Sentence]] = defaultdict(list)
        for sentence in self.sentences:
            periods[sentence.period].append(sentence)
        for sentences in periods.values():
            self.period_lists(sentences)

    def period_lists(self, sentences: list[Sentence]) -> None:  # noqa: C901 - openers, nesting, extent: one rule each
        """The lists of one period: each 其中 (or a total followed by ：) and the parts after it."""
        begin, end = sentences[0].start, sentences[-1].end
        figs = [f for s in sentences for f in self.by_sentence.get(s.index, [])]
        openers: list[tuple[int, int, Fig | None]] = []  # (opener start, items start, total)
        for match in patterns.LIST_OPENER.finditer(self.text, begin, end):
            before = [f for f in figs if f.mention.phrase_end <= match.start() and self.eligible(f)]
            total = before[-1] if before else self.previous_total(sentences[0])
            openers.append((match.start(), match.end(), total))
        if not openers:
            for fig in figs:
                after = self.text[fig.mention.phrase_end : fig.mention.phrase_end + 1]
                if self.eligible(fig) and after in {"：", ":"}:
                    openers.append((fig.mention.phrase_end, fig.mention.phrase_end + 1, fig))
                    break
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
                firsts.append(figs[0])
        return self.parts(total, firsts)

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
        is_colon = "其中" not in self.text[at:start]
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
                if not before:
                    continue
                current = before[-1]
                direction = patterns.DIRECTION.search(
                    self.text, match.end(), min(sentence.end, match.end() + 30)
                )
                if direction is None:
                    continue
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
                self.add("change", data, [sentence], figs_used)

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
        groups: dict[tuple[str, str, Decimal, str | None], list[Fig]] = defaultdict(list)
        for fig in self.figs:
            if fig.keep and len(fig.label) >= 2 and fig.kind != "bare":
                key = (fig.label, fig.kind, fig.mention.number * _factor(fig.unit), fig.mention.qualifier)
                groups[key].append(fig)
        for figs in groups.values():
            if len({f.sentence.section for f in figs}) > 1:
                self.equal(figs, paired, why="the same label and value are printed in two sections")

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

    def relation_data(self, rel: Rel) -> dict[str, Any]:  # noqa: C901 - one branch per relation kind
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
        elif kind == "formula":
            if "_count" in rel.data:
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
        self.document_unit()
        self.lists()
        self.drop_bare()
        self.concepts()
        self.fund_flow()
        self.shares()
        self.rates()
        self.changes()
        self.enumerations()
        self.figs = [f for f in self.figs if f.keep]
        self.relations = [r for r in self.relations if all(f.keep for f in r.figures)]
        self.equals()
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


def _unique(sentences: list[Sentence]) -> list[Sentence]:
    seen: dict[int, Sentence] = {}
    for s in sentences:
        seen.setdefault(s.index, s)
    return sorted(seen.values(), key=lambda s: s.index)


def build(text: str, *, name: str = "<text>", unit: str | None = None, locale: str = "zh_CN") -> Built:
    """Read the figures and relations of a report's text into a ledger document (not yet validated)."""
    return _Builder(text, unit).build(name, locale)
