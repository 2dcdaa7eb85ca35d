"""One item printed under two spellings of its name, in two sentences.

A report names an item again in other words: ``因公出国（境）费`` then ``因公出国（境）经费支出``,
``“三公”经费支出`` then ``2016年度“三公”经费财政拨款支出决算``. The item is what the two names say
once the words that only place a figure (经费/费, 支出, 预算数, 决算数, a numbering) are taken
out (:func:`perfcheck._read.text.links.item`), or when one name ends the other (国内公务接待费,
公务接待费). A budget is never the same quantity as what was
spent, so two names of which one says a budget and the other another role (or none) are two
items. A name shorter than four characters says too little, but 三公 (the three 三公 items
together) does.
"""

from __future__ import annotations

from typing import Final

from perfcheck._read.text.base import role_of
from perfcheck._read.text.links import item

#: The fewest characters of a name that ends another to name the same item (公务接待费).
_ENDING: Final = 5
#: The roles of a budget, never the same quantity as what was spent.
_BUDGETS: Final = frozenset({"budget", "adjusted_budget"})


def same_item(words: str, label: str) -> bool:
    """Whether ``words`` name the item a figure's ``label`` names, in another spelling.

    >>> same_item("因公出国（境）经费支出", "因公出国(境)费")
    True
    >>> same_item("2016年度“三公”经费决算数", "“三公”经费支出")
    True
    >>> same_item("公务接待费支出决算", "国内公务接待费支出"), same_item("会议费", "会议费")
    (True, False)
    >>> same_item("“三公”经费决算数", "“三公”经费预算"), same_item("公务用车运行费", "运行费")
    (False, False)
    """
    wanted, named = item(words), item(label)
    if (len(wanted) < 4 and wanted != "三公") or "、" in wanted:
        return False
    # 国内公务接待费 and 公务接待费: one name ends the other, five characters or more
    if named != wanted and not (min(len(named), len(wanted)) >= _ENDING and _ends(named, wanted)):
        return False
    role, other = role_of(words), role_of(label)
    return other == role or (other or role) not in _BUDGETS


def _ends(a: str, b: str) -> bool:
    """Whether one of two names ends the other."""
    return a.endswith(b) or b.endswith(a)
