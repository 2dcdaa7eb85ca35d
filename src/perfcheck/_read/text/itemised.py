"""Reasons given item by item for a change: ``主要原因：一是A增加X万元；二是B减少Y万元``.

A change's amount (``较上年增加60万元``) followed by 主要原因 and numbered items (一是, 二是;
1、, 2、; （一）, （二）), in its sentence or on the lines after it, breaks the change down:
the first amount of each item, named by a direction word (A增加X, B减少Y), is that item's
change, and together, each with its own sign, they make up the change. Whatever else an
item prints (其中 details, counts, a second amount) is no term. Reasons may be partial (主要),
so the relation is inferred: a break is for a person to check.

Reasons listed without numbers (``主要原因是A增加40万元、B增加30万元、C减少10万元``) are
every amount after 主要原因 in the sentence named by a change, up to the first that is
not. The change's subject need not be read (``较2018年增加收入167万元，主要原因是…``): the
amount alone is what the reasons add up to.
"""

from __future__ import annotations

import re
from typing import Final

from perfcheck._read.text import patterns
from perfcheck._read.text.base import Fig, State, unique
from perfcheck._read.text.changes import base_of
from perfcheck._read.text.sentences import Sentence

#: An item's number: 一是, 1、, 1., （一）, (1), 第一.
_ITEM: Final = re.compile(
    r"(?:[一二三四五六七八九十]是|[（(][一二三四五六七八九十0-9]{1,2}[)）]"
    r"|(?<![0-9.])[0-9]{1,2}[、.．](?![0-9])|第[一二三四五六七八九十]，)"
)
#: A sentence that details the change before it: 其中：A减少X，B增加Y.
_DETAILS: Final = re.compile(r"\s*其中[：:，,]?")
#: How many sentences with no figure (reasons) may stand between a change and the 其中 that details it.
_REASONS_BETWEEN: Final = 2
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
            said = patterns.REASONS.search(self.text, fig.mention.end, sentence.end)
            if said is not None and self.text[fig.mention.end : said.start()].count("，") <= 2:
                parts = self._items(fig, said.end()) or self._listed(fig, sentence, said.end())
            elif (detailed := self._detailed(fig)) is not None:
                parts = self._of_base(fig, self._listed(fig, *detailed, through_period=True))
            else:
                continue
            if len(parts) < 2:
                continue
            sign = "+" if word in patterns.INCREASE or word in {"增收", "增支"} else "-"
            for term in (fig, *(f for f, _ in parts)):
                term.label = self.named(term)  # 较年初预算数减少 names no item: A较年初预算数减少 does
            names = " + ".join(f.label for f, _ in parts)
            data = {"kind": "formula", "expr": "", "label": f"{names} make up {fig.label}"}
            sentences = unique([sentence, *(f.sentence for f, _ in parts)])
            self.add("reasons", data, sentences, [fig, *(f for f, _ in parts)], inferred=True)
            self.relations[-1].data["_signs"] = [sign, *(s for _, s in parts)]
            done.add(id(fig))

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

    def _detailed(self, change: Fig) -> tuple[Sentence, int] | None:
        """The sentence after a change that opens with 其中, and where its items start; None if none.

        ``较上年合计16.00万元增加4.00万元。其中：公务接待费减少1.00万元，公务用车运行维护费增加
        5.00万元``: the change is the last amount of its sentence, and the list after it
        names each item by its own change.
        """
        sentence = change.sentence
        figs = self.by_sentence.get(sentence.index, [])
        base = self.base(change)
        later = [f for f in figs if f.kind == change.kind and f.mention.start > change.mention.start]
        # 较上年减少15.29万元，…，较年初预算数减少0.04万元: a later change against another base is
        # no detail of this one; any other amount after it is
        if any(base is None or _direction(f) is None or self.base(f) in {None, base} for f in later):
            return None
        # 主要是严格落实…。其中：…: sentences of reasons with no figure may stand between
        index = sentence.index + 1
        while (
            index < len(self.sentences)
            and index <= sentence.index + _REASONS_BETWEEN
            and not self.by_sentence.get(index)
            and _DETAILS.match(self.text, self.sentences[index].start) is None
        ):
            index += 1
        if index >= len(self.sentences):
            return None
        following = self.sentences[index]
        opened = _DETAILS.match(self.text, following.start, following.end)
        return None if opened is None else (following, opened.end())

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

    def base(self, fig: Fig) -> str | None:
        """What a change's amount is against, by the comparison in its clause (较上年, 较年初预算数)."""
        clause = max(self.text.rfind(c, 0, fig.mention.start) for c in "，,；;。：:\n") + 1
        found = list(patterns.CHANGE.finditer(self.text, clause, fig.mention.start))
        return base_of(found[-1].group()) if found else None

    def _of_base(self, total: Fig, terms: list[tuple[Fig, str]]) -> list[tuple[Fig, str]]:
        """The terms of a change's breakdown against the change's own base.

        ``其中：A较上年减少2.90万元，较年初预算数减少0.04万元；B较上年减少12.39万元，较年初预算数
        减少0.04万元``: each item prints its change against both bases; those against 上年 make
        up the change against 上年, those against 年初预算 the other. With bases printed and a
        term printing none, which base it is against is not said: no breakdown.
        """
        bases = [self.base(f) for f, _ in terms]
        if all(b is None for b in bases):
            return terms
        if None in bases:
            return []
        base = self.base(total)
        if base is None:  # the change names no base: its terms are against one, or no breakdown
            return terms if len(set(bases)) == 1 else []
        return [term for term, b in zip(terms, bases, strict=True) if b == base]

    def _listed(
        self, total: Fig, sentence: Sentence, start: int, *, through_period: bool = False
    ) -> list[tuple[Fig, str]]:
        """The amounts after ``start`` in ``sentence``, each named by a change (A增加X、B减少Y).

        ``through_period``: the list runs on through the ``；``-clauses of its period.
        """
        terms = []
        sentences = [sentence]
        if through_period:
            sentences += [s for s in self.sentences[sentence.index + 1 :] if s.period == sentence.period]
        for fig in (f for s in sentences for f in self.by_sentence.get(s.index, [])):
            if fig.mention.start < start or fig.kind != total.kind:
                continue
            term = self._term(fig, total)
            if term is None:
                break
            terms.append(term)
        return terms
