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

import re
from collections import Counter
from itertools import pairwise
from typing import Any

from perfcheck._core.formula import formula_name
from perfcheck._read.text import patterns
from perfcheck._read.text.adjusted import Adjusted
from perfcheck._read.text.balances import Balances
from perfcheck._read.text.base import (
    HEADING_UNIT,
    LAST_YEAR,
    NOUN_STOP,
    TITLE_YEAR,
    Built,
    Fig,
    Rel,
    adds_up,
    noun_after,
    padded,
    rate_holds,
    read_label,
    role_of,
)
from perfcheck._read.text.breakdowns import Breakdowns
from perfcheck._read.text.changes import Changes
from perfcheck._read.text.comparisons import Comparisons
from perfcheck._read.text.counts import Counts
from perfcheck._read.text.defined import Defined
from perfcheck._read.text.equalities import Equalities
from perfcheck._read.text.growth import Growth
from perfcheck._read.text.headline import Headline
from perfcheck._read.text.included import Included
from perfcheck._read.text.itemised import Itemised
from perfcheck._read.text.lines_below import LinesBelow
from perfcheck._read.text.numbers import Mention, find, remainder_places
from perfcheck._read.text.offsets import Offsets
from perfcheck._read.text.parallel_lists import ParallelLists
from perfcheck._read.text.per_capita import PerCapita
from perfcheck._read.text.point_changes import PointChanges
from perfcheck._read.text.progress import Progress
from perfcheck._read.text.rate_gaps import RateGaps
from perfcheck._read.text.respectively import Respectively
from perfcheck._read.text.sentences import Sentence, wrapped
from perfcheck._read.text.shared_base import SharedBase
from perfcheck._read.text.side_by_side import SideBySide
from perfcheck._read.text.sides import Sides
from perfcheck._read.text.signed_rates import SignedRates
from perfcheck._read.text.spellings import Spellings
from perfcheck._read.text.sums import Sums
from perfcheck._read.text.totals_after import TotalsAfter
from perfcheck._read.text.unprinted import UnprintedBases
from perfcheck._read.text.year_levels import YearLevels

__all__ = ["Built", "Fig", "Rel", "build"]


#: Words naming money: an amount printed as 1523.26万 under such a name is in 万元.
_MONEY = re.compile(r"收入|支出|经费|资金|预算|决算|总计|合计|拨款|投资|费$")


class _Builder(
    YearLevels,
    ParallelLists,
    LinesBelow,
    Breakdowns,
    TotalsAfter,
    Sums,
    Balances,
    Respectively,
    SideBySide,
    SharedBase,
    Changes,
    Itemised,
    Growth,
    Progress,
    PerCapita,
    Comparisons,
    Equalities,
    Headline,
    Counts,
    Sides,
    Defined,
    SignedRates,
    Spellings,
    Adjusted,
    UnprintedBases,
    Included,
    RateGaps,
    PointChanges,
    Offsets,
):
    """The builder: reads the figures, runs every recogniser, and writes the document."""

    def read_figures(self) -> None:
        joins = self.joins = self.wraps()
        for sentence in self.sentences:
            floor = sentence.start
            if sentence.start - 1 in joins and sentence.index > 0:
                # the line before is wrapped into this one: the first label may begin on it
                floor = self.sentences[sentence.index - 1].start
            for mention in find(self.text, sentence.start, sentence.end, self.unreadable):
                label, label_start = read_label(self.text, mention, floor, self.entity_forms, joins)
                text_end = mention.phrase_end
                if mention.kind == "count" and mention.unit in {"个", "名", "家", "项", "户", "所"}:
                    noun = noun_after(self.text, mention.phrase_end, sentence.end)
                    if noun and not mention.enumerates:
                        label, text_end = label + noun, mention.phrase_end + len(noun)
                    elif mention.enumerates:
                        label = self.text[mention.start : mention.phrase_end] + noun
                        label_start, text_end = mention.start, mention.phrase_end + len(noun)
                if mention.chinese and not mention.enumerates and self.inside_label(mention, sentence):
                    continue  # 残疾人两项补贴工作经费126000.00元: the numeral is part of a name
                if mention.scale_only and str(mention.unit) not in self.text and not _MONEY.search(label):
                    self.unread_scales.append(mention.start)
                    continue  # 5万 in a text that never prints 万元 may count people, not money
                fig = Fig(mention, sentence, label, label_start, text_end, mention.unit, mention.kind)
                self.figs.append(fig)
                self.by_sentence[sentence.index].append(fig)
                floor = mention.phrase_end

    def wraps(self) -> frozenset[int]:
        """The offsets of line breaks that wrap a sentence (a PDF's text), where labels run on."""
        found: set[int] = set()
        offset = 0
        lines = self.text.split("\n")
        for line, following in pairwise(lines):
            offset += len(line)
            if wrapped(line, following):
                found.add(offset)
            offset += 1
        return frozenset(found)

    def inside_label(self, mention: Mention, sentence: Sentence) -> bool:
        """Whether another number follows in the same clause: then the numeral belongs to its label."""
        pos = mention.phrase_end
        while pos < sentence.end and self.text[pos] not in NOUN_STOP:
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
            match = HEADING_UNIT.search(self.text, heading.start, heading.end)
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
                # 收入合计减少2415.45万元 is by how much the income changed, not the income
                label = fig.label
                changed = patterns.CHANGE_LABEL.search(label) and not patterns.CHANGED_TO.search(label)
                concepts = () if changed else patterns.CONCEPTS
                fig.concept = next((c for c, rx in concepts if rx.search(fig.label)), None)
            elif fig.kind == "percent":
                fig.concept = "share"
            elif fig.kind == "count":
                if fig.unit == "分" and patterns.SCORE_LABEL.search(fig.label):
                    fig.concept = "score"
                elif fig.unit == "人" and "编制" in fig.label:
                    fig.concept = "headcount"
                else:
                    fig.concept = "count"

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

    def as_printed(self, words: str, start: int) -> str:
        """Words read at ``start`` as the report printed them (in traditional characters, if it did)."""
        if self.text[start : start + len(words)] == words:
            return self.printed[start : start + len(words)]
        return words

    def figure_data(self, fig: Fig) -> dict[str, Any]:
        m = fig.mention
        data: dict[str, Any] = {"id": fig.id, "label": self.as_printed(fig.label, fig.label_start)}
        if fig.concept:
            data["concept"] = fig.concept
        data["value"] = m.text.replace("．", ".") + ("%" if fig.is_percent else "")
        if fig.unit is not None and not (fig.kind == "amount" and fig.unit == self.doc_unit):
            data["unit"] = fig.unit
        if fig.decimals is not None:
            data["decimals"] = fig.decimals
        if (places := remainder_places(self.text, m)) is not None:
            # 253万余元: 253 to 254 万元, the number truncated to its place, no bound without end
            data["decimals"], data["rounding"] = places, "truncate"
        elif m.qualifier is not None:
            data["qualifier"] = m.qualifier
        if fig.period is not None and fig.period != self.year:
            data["period"] = fig.period
        if fig.kind == "amount" and (role := role_of(fig.label)):
            data["role"] = role
        line_start = self.text.rfind("\n", 0, m.start) + 1
        del line_start
        data["source"] = {
            "section": fig.sentence.section,
            "line": fig.sentence.line,
            "start": m.start,
            "end": m.end,
            "text": self.printed[fig.label_start : fig.text_end].strip(),
        }
        if data["source"]["section"] is None:
            del data["source"]["section"]
        return data

    def relation_data(self, rel: Rel) -> dict[str, Any]:  # noqa: C901, PLR0912 - one branch per relation kind
        data = {k: v for k, v in rel.data.items() if not k.startswith("_")}
        ids = [f.id for f in rel.figures]
        kind = data["kind"]
        if kind == "formula" and "_signs" in rel.data:
            # ±Δa ± Δb == ±Δt: the total's change and its parts' on the sides their signs put them
            signs: list[str] = rel.data["_signs"]
            del data["expr"]
            if len(set(signs)) == 1:  # all one way: the parts' decreases add up to the total's
                kind = data["kind"] = "sum"
            else:
                kind = data["kind"] = "signed"
                data["kind"] = "balance"
                ins = [i for i, sign in zip(ids[1:], signs[1:], strict=True) if sign == signs[0]]
                outs = [i for i, sign in zip(ids[1:], signs[1:], strict=True) if sign != signs[0]]
                data["inflows"], data["outflows"] = ins, [ids[0], *outs]
        if kind == "sum":
            data["total"], data["parts"] = ids[0], ids[1:]
        elif kind == "balance":
            inflows = rel.data.get("_inflows", 2)  # how many of the figures flow in (two unless said)
            data["inflows"], data["outflows"] = ids[:inflows], ids[inflows:]
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
            if "_expr" in rel.data:
                data["expr"] = str(rel.data["_expr"]).format(*ids)
            elif "_count" in rel.data:
                data["expr"] = f"{formula_name(ids[0])} == {rel.data['_count']}"
            else:
                data["expr"] = f"{formula_name(ids[0])} <= {rel.data['_max']}"
        first = rel.sentences[0]
        sections = list(dict.fromkeys(s.section or "" for s in rel.sentences))
        source: dict[str, Any] = {"section": " / ".join(sections)}
        if len(rel.sentences) == 1:
            source.update(
                line=first.line, start=first.start, end=first.end, text=self.printed[first.start : first.end]
            )
        data["source"] = source
        return data

    def report_year(self) -> str | None:
        """The report's own year: from its title, else from the first sentence that prints one."""
        if year := TITLE_YEAR.search(self.title):
            return year.group(1)
        for sentence in self.sentences[:3]:
            if year := TITLE_YEAR.search(self.text, sentence.start, sentence.end):
                return year.group(1)
        return None

    def mixed_periods(self) -> None:
        """Leave out the relations that tie figures of two years, but for changes, comparisons and growth.

        2023年收入总计7033.15万元 … 2022年收入总计6462.57万元: no sum, balance, share or
        equality holds across the years (a change or a comparison states one between them).
        """
        for total, parts, _ in self.list_sums:
            # 上年支出合计420万元，其中基本支出300万元…: the parts are of their total's year, named so
            if total.period is not None and LAST_YEAR.match(total.label):
                for part in parts:
                    part.period = total.period
        kept = []
        for rel in self.relations:
            years = {f.period or self.year for f in rel.figures if f.kind != "percent"}
            across = rel.data["kind"] in {"change", "compare"} or rel.data.get("_across_periods")
            if across or len(years - {None}) < 2:
                kept.append(rel)
        self.relations = kept

    def padded_guesses(self) -> None:
        """A stated sum, share or ratio that breaks only by the decimals given to a figure is inferred.

        ``预算168.53万元，其中：A 39万元、B 119.5万元、C 10万元``: the parts were given two
        decimals, as most amounts print (39.00, 119.50), and then add up to 168.50. But a
        figure printing fewer decimals may as well have been rounded to them (119.53 shown
        as 119.5), and at the decimals printed the sum holds: which it was is a guess, so a
        break is to be checked by hand, not an error. Likewise ``预算为1万元，支出决算为0.53万元，
        完成预算的47%`` (1 rounded to the unit makes any rate from 35 % to 106 %).
        """
        for rel in self.relations:
            kind, figs = rel.data["kind"], rel.figures
            if rel.data.get("basis") == "inferred" or not any(padded(f) for f in figs):
                continue
            if kind == "sum" and rel.data.get("exhaustive", True) and len(figs) > 2:
                guessed = not adds_up(figs[0], figs[1:]) and adds_up(figs[0], figs[1:], printed=True)
            elif kind in {"share", "ratio"} and len(figs) == 3 and figs[2].is_percent:
                guessed = not rate_holds(*figs) and rate_holds(*figs, printed=True)
            else:
                continue
            if guessed:
                rel.data = {**rel.data, "basis": "inferred"}

    def phrasings(self) -> None:
        """Changes against a second base, broken down item by item, average growth, points between rates."""
        self.side_by_side_changes()
        self.changes_of_both_years()
        self.itemised_reasons()
        self.average_growth()
        self.time_progress()
        self.point_changes()
        self.per_capita()

    def build(self, name: str, locale: str) -> Built:  # noqa: PLR0915 - one step per recogniser, in order
        self.read_figures()
        self.year = self.report_year()
        for fig in self.figs:
            fig.period = self.period_of(fig)
        self.both_sides()
        runs = self.respectively()
        self.heading_units()
        self.bare_year_levels()
        self.document_unit()
        self.rows()
        self.lists()
        self.lists_below()
        self.totals_after()
        self.partition_lists()
        self.parallel_lists()
        self.breakdowns()
        self.cross_sections()
        self.added_totals()
        self.included_parts()
        self.sangong_sections()
        self.lists_run_on()
        self.drop_bare()
        self.concepts()
        self.fund_flow()
        read = self.paired_shares(runs) | self.of_base() | self.budget_gaps() | self.rate_gaps()
        self.savings()
        self.defined_ratios()
        self.net_assets()
        self.shares(read)
        self.rates(read)
        self.rates_of_unprinted_budgets()
        self.base_sums()
        self.partition_shares(runs)
        self.overlapping_lists()
        self.changes()
        self.compared_values()
        self.adjusted_budgets()
        self.listed_changes()
        self.elided_changes()
        self.phrasings()
        self.named_changes()
        self.shared_base_changes()
        self.year_levels()
        self.signed_rates()
        self.products()
        self.compares()
        self.enumerations()
        self.figs = [f for f in self.figs if f.keep]
        self.relations = [r for r in self.relations if all(f.keep for f in r.figures)]
        self.equals()
        self.total_spellings()
        self.headline()
        self.side_totals()
        self.offsets()
        self.mixed_periods()
        self.padded_guesses()
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
        if self.year is not None:
            document["period"] = self.year
        if self.doc_unit is not None:
            document["unit"] = self.doc_unit
        document["locale"] = locale
        document["figures"] = [self.figure_data(f) for f in self.figs]
        document["relations"] = [self.relation_data(r) for r in self.relations]
        by_sentence = {k: [f for f in v if f.keep] for k, v in self.by_sentence.items()}
        return Built(document, self.figs, self.relations, self.sentences, by_sentence, self.unreadable)


def build(
    text: str,
    *,
    name: str = "<text>",
    unit: str | None = None,
    locale: str = "zh_CN",
    printed: str | None = None,
) -> Built:
    """Read the figures and relations of a report's text into a ledger document (not yet validated).

    ``printed`` is the text as the report printed it when ``text`` is a form of it read
    more easily, offset for offset (traditional characters simplified): labels and quoted
    sentences are taken from it.
    """
    return _Builder(text, unit, printed).build(name, locale)
