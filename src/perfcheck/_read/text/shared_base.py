"""Changes that share one comparison said before them: ``与2017年相比，收入减少X，增长Y%，支出减少Z…``.

The comparison stands alone as the sentence's first clause (and holds through its ；-clauses);
each change after it names
what changed by the words before its direction (``收入减少``). That figure was printed
earlier in the section: under the same name (``支出`` and ``数`` aside), stated; or, for a
side's name alone (收入, 支出), as that side's one total (收入总计, else 收入合计) printed in the
sentence before: stated when it is the only figure of that side there, else inferred (本年收入合计
beside 收入总计: which one the name means is a guess).
"""

from __future__ import annotations

import re
from typing import Final

from perfcheck._read.text import patterns
from perfcheck._read.text.base import Fig, unique
from perfcheck._read.text.changes import Changes, _plain
from perfcheck._read.text.sentences import Sentence

#: A side's name alone: its one total (收入总计 or 收入合计) is what changed.
_SIDE: Final = re.compile(r"(?:本年|本年度)?(收入|支出)")


class SharedBase(Changes):
    """Recognise changes that share one comparison said before them."""

    def shared_base_changes(self) -> None:
        """``与2017年决算数相比，收入减少15.65万元，增长-5.86%，支出减少75.99万元，增长-35.68%``.

        >>> from perfcheck.extract import extract
        >>> text = "收入总计120万元，支出总计100万元。与上年相比，收入总计增加20万元，支出总计减少10万元。"
        >>> [(r.current, r.delta) for r in extract(text).ledger.relations if r.kind == "change"]
        [('f1', 'f3'), ('f2', 'f4')]
        """
        used = {id(f) for r in self.relations for f in r.figures if r.data["kind"] == "change"}
        for sentence in self.sentences:
            compared = patterns.CHANGE.match(self.text, sentence.start)
            if compared is None or self.text[compared.end() : compared.end() + 1] not in {"，", ","}:
                continue
            # the comparison holds through the ；-clauses of its sentence (one period)
            figs = [
                f
                for later in self.sentences[sentence.index :]
                if later.period == sentence.period
                for f in self.by_sentence.get(later.index, [])
                if f.keep
            ]
            for n, fig in enumerate(figs):
                said = patterns.DIRECTED.search(fig.label)
                if said is None or fig.kind != "amount" or id(fig) in used:
                    continue
                found = self.changed_before(fig.label[: said.start()], sentence)
                if found is None:
                    continue
                subject, loose = found
                following = figs[n + 1] if n + 1 < len(figs) else None
                rate = following if following is not None and _rate_of(following) else None
                if rate is not None and id(rate) in used:
                    rate = None
                word = said.group(1)
                sentences = unique([subject.sentence, sentence, fig.sentence])
                self.delta_change(word, f"{subject.label} {word}", sentences, [subject, fig], rate)
                if loose:
                    self.relations[-1].data["basis"] = "inferred"
                used.update(id(f) for f in (subject, fig, rate) if f is not None)

    def changed_before(self, name: str, sentence: Sentence) -> tuple[Fig, bool] | None:
        """The figure ``name`` names, printed before ``sentence`` in its section; whether found loosely."""
        name = name.strip("，,：: \u3000")
        if len(name) < 2:
            return None
        earlier = [
            f
            for f in self.figs
            if f.keep
            and f.mention.start < sentence.start
            and f.sentence.section == sentence.section
            and f.kind == "amount"
            and self.eligible(f)
            and f.period in {None, self.year}
        ]
        plain = _plain(name)
        named = [f for f in earlier if plain and _plain(f.label) == plain]
        if named:
            return named[-1], False
        side = _SIDE.fullmatch(name)
        if side is None or sentence.index == 0:
            return None
        before = [f for f in earlier if f.sentence.index == sentence.index - 1]
        for word in ("总计", "合计"):
            totals = [f for f in before if f.label.endswith(side.group(1) + word)]
            if len(totals) == 1:
                # the side's only figure there is what the name says; beside another (本年收入合计
                # and 收入总计) which one changed is a guess
                alone = [f for f in before if side.group(1) in f.label] == totals
                return totals[0], not alone
        return None


def _rate_of(fig: Fig) -> bool:
    """Whether a figure is a change's rate said after its amount (``，增长-5.86%``, ``，下降3%``)."""
    return fig.is_percent and bool(re.fullmatch(r"(?:同比)?(?:增长|下降|增加|减少|上升|降低)了?", fig.label))
