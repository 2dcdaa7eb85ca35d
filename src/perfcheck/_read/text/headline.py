"""The recogniser of a title's figure printed again in the body (``253万余元`` … ``290.72万元``).

A news page's title rounds what its body prints: ``海港区上半年政府采购节约资金253万余元``
over ``…比预算节约资金290.72万元``. A title figure printed as an approximation (余, 多,
约, 近, 超过…) is the body's figure of the same name: an ``equal`` whose check is the
approximation's interval (``253万余`` is 253 to 254 万元: see
:func:`~perfcheck._read.text.numbers.remainder_places`), so a headline the body does not
bear out is found. Built only when exactly one figure of the body, of the same kind and
unit and printed plainly, has a name that ends the title figure's (or that the title
figure's ends), four characters at least. That the two are one quantity is the reader's
reading, so the equality is inferred: broken, a warning to check by hand (PC903).
"""

from __future__ import annotations

from typing import Any, Final

from perfcheck._read.text import patterns
from perfcheck._read.text.base import State, unique

#: The fewest characters a body figure's name shares with the title figure's: 节约资金.
_NAME: Final = 4


class Headline(State):
    """Recognise the body's figure a title's approximate figure rounds (see the module)."""

    def headline(self) -> None:
        """Each approximate figure of the title, equal to the one body figure of its name."""
        title_end = self.text.find("\n")
        if title_end < 0:
            return  # a text of one line has no body apart from its title
        for top in self.figs:
            if top.mention.start >= title_end:
                break
            if not top.keep or top.mention.qualifier is None or top.kind != "amount":
                continue
            named = [
                f
                for f in self.figs
                if f.keep
                and f.mention.start > title_end
                and f.kind == top.kind
                and f.unit == top.unit
                and f.mention.qualifier is None
                and not patterns.CHANGE_LABEL.search(f.label)
                and _same_name(top.label, f.label)
            ]
            if len(named) != 1:
                continue
            body = named[0]
            label = f"{body.label}: the title's figure printed again in the body"
            data: dict[str, Any] = {"kind": "equal", "figures": [], "label": label}
            self.add("headline", data, unique([top.sentence, body.sentence]), [top, body], inferred=True)


def _same_name(title: str, body: str) -> bool:
    """Whether one name ends the other, at least :data:`_NAME` characters of it."""
    shorter, longer = sorted((title, body), key=len)
    return len(shorter) >= _NAME and longer.endswith(shorter)
