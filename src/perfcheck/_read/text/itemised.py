"""Reasons given item by item for a change: ``主要原因：一是A增加X万元；二是B减少Y万元``.

A change's amount (``较上年增加60万元``) followed by 主要原因 and numbered items (一是, 二是;
1、, 2、; （一）, （二）), in its sentence or on the lines after it, breaks the change down:
the first amount of each item, named by a direction word (A增加X, B减少Y), is that item's
change, and together, each with its own sign, they make up the change. Whatever else an
item prints (其中 details, counts, a second amount) is no term. Reasons may be partial (主要),
so the relation is inferred: a break is for a person to check. When the terms are the stated
changes, against the total's base, of every part of a known partition of what changed (the
three 三公 classes; 税收收入 and 非税收入), the page states every term: the relation is stated.

Reasons listed without numbers (``主要原因是A增加40万元、B增加30万元、C减少10万元``) are
every amount after 主要原因 in the sentence named by a change, up to the first that is
not. The change's subject need not be read (``较2018年增加收入167万元，主要原因是…``): the
amount alone is what the reasons add up to.
"""

from __future__ import annotations

import re
from typing import Final

from perfcheck._read.text import patterns
from perfcheck._read.text.base import Fig, State, partition, unique
from perfcheck._read.text.changes import base_of
from perfcheck._read.text.sentences import Sentence

#: An item's number: 一是, 1、, 1., （一）, (1), 第一.
_ITEM: Final = re.compile(
    r"(?:[一二三四五六七八九十]是|[（(][一二三四五六七八九十0-9]{1,2}[)）]"
    r"|(?<![0-9.])[0-9]{1,2}[、.．](?![0-9])|第[一二三四五六七八九十]，)"
)
#: A sentence that details the change before it: 其中：A减少X，B增加Y.
_DETAILS: Final = re.compile(r"\s*其中[：:，,]?")
#: 主要是 before the items themselves (主要是A减少X，B减少Y): the reasons, listed.
_MAINLY: Final = re.compile(r"主要是(?!由于|因为)")
#: 其中 anywhere: a change after it is an item of a list.
_DETAILS_WORD: Final = re.compile(r"其中")
#: The item numbers in order, as their first character(s) give them.
_ORDER: Final = "一二三四五六七八九十"
#: A direction word ending an amount's label, or opening it (增加收入167万元).
_WORDS: Final = "增加|减少|增长|下降|降低|上升|增收|减收|增支|减支"
_DIRECTED: Final = re.compile(rf"({_WORDS})了?$|^({_WORDS})")


def _direction(fig: Fig) -> str | None:
    """The direction word that names an amount a change (``公务接待费增加``, ``增加收入``)."""
    found = _DIRECTED.search(fig.label)
    return None if found is None else found.group(1) or found.group(2)


def _rank(marker: str) -> int:
    """An item number's rank: 一是 and 1、 and （一） are all 1."""
    digits = re.sub(r"[^0-9一二三四五六七八九十]", "", marker)
    if digits.isdigit():
        return int(digits)
    return _ORDER.index(digits[0]) + 1 if digits and digits[0] in _ORDER else 0


class Itemised(State):
    """Recognise a change broken down by its reasons, item by item (or listed, its subject unread)."""

    def itemised_reasons(self) -> None:
        """The changes that reasons break down: numbered items, or a list when no reasons were read yet."""
        done: set[int] = set()
        for fig in self.figs:
            word = _direction(fig)
            if not fig.keep or fig.kind != "amount" or word is None or id(fig) in done:
                continue
            sentence = fig.sentence
            said = patterns.REASONS.search(self.text, fig.mention.end, sentence.end) or _MAINLY.search(
                self.text, fig.mention.end, sentence.end
            )
            parts = []
            if said is not None and self.text[fig.mention.end : said.start()].count("，") <= 2:
                parts = self._items(fig, said.end()) or self._listed(fig, sentence, said.end())
            if len(parts) < 2:  # 增加原因主要是…(words)。其中：A增加…: the reasons list no amounts
                parts = self._part_changes(fig)
            if len(parts) < 2 or self._read_already([fig, *(f for f, _ in parts)]):
                continue
            sign = "+" if word in patterns.INCREASE or word in {"增收", "增支"} else "-"
            for term in (fig, *(f for f, _ in parts)):
                term.label = self.named(term)  # 较年初预算数减少 names no item: A较年初预算数减少 does
            names = " + ".join(f.label for f, _ in parts)
            data = {"kind": "formula", "expr": "", "label": f"{names} make up {fig.label}"}
            sentences = unique([sentence, *(f.sentence for f, _ in parts)])
            whole = self.of_a_partition(fig, [f for f, _ in parts])
            self.add("reasons", data, sentences, [fig, *(f for f, _ in parts)], inferred=not whole)
            self.relations[-1].data["_signs"] = [sign, *(s for _, s in parts)]
            done.add(id(fig))

    def of_a_partition(self, amount: Fig, terms: list[Fig]) -> bool:
        """Whether the terms are the stated changes of every part of a known partition of what changed.

        ``“三公”经费…比上年减少5万元。其中：因公出国（境）费0万元，比上年减少1万元；公务接待费…，比上年
        减少1万元；公务用车购置及运行维护费…，比上年减少3万元``: each of the three classes prints its
        own change against the total's base, so the page states every term of the total's change
        (the classes are the same in both years); a break is an error. Reasons (主要原因), a list
        that leaves a part out, or a change against another base stay inferred.
        """
        total, base = self._changed(amount)
        if total is None or base is None:
            return False
        currents = []
        for term in terms:
            current, its_base = self._changed(term)
            if current is None or its_base != base:
                return False
            currents.append(current)
        for whole, parts, rel in self.list_sums:
            if whole is total and rel in self.relations and rel.data.get("basis") != "inferred":
                same = {id(p) for p in parts} == {id(c) for c in currents} and len(currents) == len(parts)
                return same and partition([p.label for p in parts])
        return False

    def _changed(self, amount: Fig) -> tuple[Fig | None, str | None]:
        """The figure whose stated change ``amount`` is the amount of, and the change's base."""
        for rel in self.relations:
            data = rel.data
            if data["kind"] != "change" or "delta" not in data or data.get("basis") == "inferred":
                continue
            if rel.figures[2 if "prior" in data else 1] is amount:
                base = data.get("_base")
                return rel.figures[0], base if isinstance(base, str) else None
        return None, None

    def _term(self, fig: Fig, total: Fig) -> tuple[Fig, str] | None:
        """An amount as a term of ``total``'s breakdown: the change its direction word names."""
        word = _direction(fig)
        if not fig.keep or fig.kind != total.kind or fig.unit != total.unit or word is None:
            return None
        return fig, "+" if word in patterns.INCREASE or word in {"增收", "增支"} else "-"

    def _items(self, total: Fig, start: int) -> list[tuple[Fig, str]]:
        """The first amount of each numbered item after ``start``, the items numbered 1, 2, 3 … in order.

        The items run on in the sentence (一是…；二是…) or on the lines after it while each
        line opens with the next number; an item with no amount named by a change ends them.
        """
        line_end = self.text.find("\n", start)
        line_end = len(self.text) if line_end < 0 else line_end
        inline = self.text[start:line_end].strip(" \u3000：:，,")
        spans: list[tuple[int, int]] = []
        if inline:
            found = list(_ITEM.finditer(self.text, start, line_end))
            expected = 1
            for m in found:
                if _rank(m.group()) == expected:
                    spans.append((m.end(), line_end))
                    expected += 1
            spans = [(a, spans[n + 1][0] if n + 1 < len(spans) else b) for n, (a, b) in enumerate(spans)]
        else:
            pos, expected = line_end + 1, 1
            while pos < len(self.text):
                end = self.text.find("\n", pos)
                end = len(self.text) if end < 0 else end
                line = self.text[pos:end]
                if not line.strip():
                    pos = end + 1
                    continue
                opened = _ITEM.match(line.lstrip(" \u3000"))
                if opened is None or _rank(opened.group()) != expected:
                    break
                spans.append((pos, end))
                expected += 1
                pos = end + 1
        terms = []
        for a, b in spans:
            first = next(
                (f for f in self.figs if a <= f.mention.start < b and f.kind == total.kind and f.keep), None
            )
            term = None if first is None else self._term(first, total)
            if term is None:
                return []
            terms.append(term)
        return terms

    def named(self, fig: Fig) -> str:
        """A change's amount by its item: ``较年初预算数减少`` after ``A较上年减少X，`` is A's.

        An amount whose label opens with the comparison names no item: it is of the item
        the figure before it in its sentence names before its own comparison.
        """
        if patterns.CHANGE.match(fig.label) is None:
            return fig.label
        before = [
            f for f in self.by_sentence.get(fig.sentence.index, []) if f.mention.start < fig.mention.start
        ]
        for other in reversed(before):
            compared = patterns.CHANGE.search(other.label)
            if compared is not None and compared.start() > 0:
                return other.label[: compared.start()] + fig.label
        return fig.label

    def _read_already(self, figs: list[Fig]) -> bool:
        """Whether a relation over exactly these figures was read (the parts of a change, by sums)."""
        ids = {id(f) for f in figs}
        return any({id(f) for f in r.figures} == ids for r in self.relations)

    def _list_start(self, change: Fig) -> int | None:
        """Where the 其中 list detailing a change opens; None when none follows it.

        ``较上年合计16.00万元增加4.00万元。其中：公务接待费减少1.00万元，…``: the list opens the
        next period (the stretch up to 。), or the one after when that one says only why
        (``主要是严控一般性支出。其中：…``, no figure in it). A change that is itself an item of a
        list (其中 before it in its period) or of a change's reasons details nothing.
        """
        period = [s for s in self.sentences if s.period == change.sentence.period]
        before = (period[0].start, change.mention.start)
        if _DETAILS_WORD.search(self.text, *before) or patterns.REASONS.search(self.text, *before):
            return (
                None  # an item of a list, or of the reasons for a change (主要原因：一是A减少30万元，其中…)
            )
        # 较上年减少2213.55万元，下降5.20%其中：A…，较上年减少413.55万元；B…: in its own period
        inner = _DETAILS_WORD.search(self.text, change.mention.end, period[-1].end)
        if inner is not None:
            opened = _DETAILS.match(self.text, inner.start())
            return None if opened is None else opened.end()
        later = [s for s in self.sentences if s.period > change.sentence.period]
        for n in range(min(2, len(later))):
            if not later:
                return None  # the period after the change said no figure, and nothing follows it
            first = later[0]
            opened = _DETAILS.match(self.text, first.start, first.end)
            if opened is not None:
                return opened.end()
            if n == 0 and not any(
                f.keep for s in later if s.period == first.period for f in self.by_sentence.get(s.index, [])
            ):
                later = [s for s in later if s.period > first.period]
                continue
            return None
        return None

    def _base(self, fig: Fig) -> str | None:
        """What a change's amount is against, said last before it in its period (较上年, 同比, 较年初预算)."""
        # from the start of its period: a line wrapped mid-sentence (比去年增加\n1.55万元) goes on
        begin = min(s.start for s in self.sentences if s.period == fig.sentence.period)
        # 比去\n年增加0.5万元: a base word the page wrapped is read as printed before the wrap
        words = "".join(
            ch for at, ch in enumerate(self.text[begin : fig.mention.start], begin) if at not in self.joins
        )
        said = [m for rx in (patterns.CHANGE, patterns.ROLE_BASE) for m in rx.finditer(words)]
        return base_of(max(said, key=lambda m: m.end()).group()) if said else None

    def _part_changes(self, total: Fig) -> list[tuple[Fig, str]]:
        """The parts' changes a 其中 list after a change prints, each against the change's base.

        ``较上年减少2.97万元，较年初预算数减少0.36万元。其中：A较上年减少1.33万元，较年初预算数减少
        0.07万元；B较上年减少1.64万元…``: the list runs through the ；-clauses of its period;
        of each item's changes, the one against the total's base is its term (an item that
        names no base is taken when the total's period says one base only). With one base
        said above and one other said alike by every item (``比2018年预算减少…。其中：A同比
        增加…；B同比减少…``), the items' changes are the terms. The change must be the last
        of its period against its base, so that no other change could be the one listed.
        """
        start = self._list_start(total)
        if start is None:
            return []
        mine = self._base(total)
        above = [
            f
            for s in self.sentences
            if s.period == total.sentence.period
            for f in self.by_sentence.get(s.index, [])
            if f.mention.start < start and self._term(f, total) is not None
        ]
        bases = {self._base(f) for f in above}
        if any(f.mention.start > total.mention.start and self._base(f) in {mine, None} for f in above):
            return []
        opened = next(s for s in self.sentences if s.start <= start < s.end or s.start >= start)
        clauses = []
        for s in self.sentences[opened.index :]:
            if s.period != opened.period:
                break
            found = [
                (term, self._base(f))
                for f in self.by_sentence.get(s.index, [])
                if f.mention.start >= start and (term := self._term(f, total)) is not None
            ]
            if found:
                clauses.append(found)
        return _choose(clauses, mine, single=len(bases) == 1)

    def _listed(self, total: Fig, sentence: Sentence, start: int) -> list[tuple[Fig, str]]:
        """The amounts after ``start`` in ``sentence``, each named by a change (A增加X、B减少Y)."""
        terms = []
        for fig in self.by_sentence.get(sentence.index, []):
            if fig.mention.start < start or fig.kind != total.kind:
                continue
            term = self._term(fig, total)
            if term is None:
                break
            terms.append(term)
        return terms


def _choose(
    clauses: list[list[tuple[tuple[Fig, str], str | None]]], base: str | None, *, single: bool
) -> list[tuple[Fig, str]]:
    """The terms of a change's breakdown: of each clause of its list, the change against ``base``.

    ``single``: the change's period said one base only; then an item's one change is its term
    whatever base it says (比上年 above, 同比 or 较上年预算 in the item), and a clause listing
    items that name no base (A减少X，B增加Y) gives them all. An item saying two changes against
    ``base``, or (one base above) two against others, leaves the breakdown unsaid: none; so
    do items against different bases (A较上年增加X；B较年初预算增加Y), which are no parts of one change.
    """
    matched = [any(b == base for _, b in clause) for clause in clauses]
    others = {
        b
        for clause, m in zip(clauses, matched, strict=True)
        if not m
        for _, b in clause
        # 较上年预算安排 under 较上年 is the same year's comparison, named longer
        if b is not None and not (base is not None and b.startswith(base))
    }
    if others and (len(others) > 1 or any(matched)):
        # items against different bases (A较上年…；B较年初预算…) are not parts of one change
        return []
    terms: list[tuple[Fig, str]] = []
    for clause in clauses:
        exact = [t for t, b in clause if b == base]
        if len(exact) > 1:
            return []
        if exact:
            terms += exact
        elif single and (len(clause) == 1 or all(b is None for _, b in clause)):
            terms += [t for t, _ in clause]
        elif single:
            return []
    return terms
