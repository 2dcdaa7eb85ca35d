"""A total defined by what it includes, in words, its figures printed elsewhere: an inferred sum.

``本部分的收入总计包括收入合计、年初结转和结余，支出总计包括本年支出合计、年末结转和结余。`` then
``收入合计13,064.59万元…。年初结转和结余334.26万元。``: the sentence names the parts of a total and
prints no figure; each name is a figure the report prints once elsewhere. The total is the sum of
the parts found, each the one figure of the total's year and role printed under that name (in
another spelling too: :func:`perfcheck._read.text.names.same_item`, a leading 本年 aside). A part
the report does not print leaves the sum partial (the total is at least the parts printed). Which
figures the words mean is the reader's finding, so the sum is inferred (a break is to be checked by
hand). A definition ending in 等, or whose total already has a sum of its own, gives none.
"""

from __future__ import annotations

import re
from typing import Any, Final

from perfcheck._read.text.base import Fig, State, role_of, unique
from perfcheck._read.text.links import item
from perfcheck._read.text.names import same_item

#: ``收入总计包括收入合计、年初结转和结余``: a total's name, 包括, the names of its parts, in one clause.
_DEFINED: Final = re.compile(
    r"([^，,。；;：:、0-9（）()的\n]{2,14})(?:包括|包含)[：:]?([^，,。；;：:0-9\n]{2,80})(?=[，,。；;\n])"
)
#: Words before a total's name that place it, not name it.
_PLACED: Final = re.compile(r"^(?:本部分|本表|本年度?|其中)")
#: Words that say a list names only some parts.
_SOME: Final = re.compile(r"等$|主要|部分|不限于|例如|比如")
#: The fewest characters of a name to find a figure by (收入合计).
_FEWEST: Final = 4
#: Where the last two names of a list may be joined (A、B和C): 和, 及, 以及, 与.
_JOINS: Final = re.compile(r"以及|和|及|与")


def _key(name: str) -> str:
    """A name as printed, its quotes, spaces and placing words aside: 本年支出合计 is 支出合计.

    >>> _key("本年支出合计"), _key("“三公”经费（支出）")
    ('支出合计', '三公经费(支出)')
    """
    plain = re.sub(r"[\s\u3000“”\"「」]", "", name).replace("（", "(").replace("）", ")")
    return _PLACED.sub("", plain)


def _names(listed: str) -> list[list[str]]:
    """The ways the words after 包括 name their parts: split at 、, the last name maybe at 和 or 及.

    >>> _names("收入合计、年初结转和结余")
    [['收入合计', '年初结转和结余'], ['收入合计', '年初结转', '结余']]
    """
    items = [w.strip() for w in listed.split("、") if w.strip()]
    ways = [items]
    last = items[-1] if items else ""
    for join in _JOINS.finditer(last):
        head, tail = last[: join.start()], last[join.end() :]
        if len(head) >= 2 and len(tail) >= 2:
            ways.append([*items[:-1], head, tail])
    return ways


class Included(State):
    """Read the totals a sentence defines by the names of their parts."""

    def included_parts(self) -> None:
        """``收入总计包括收入合计、年初结转和结余``: the total is the sum of the figures so named (inferred).

        >>> from perfcheck.extract import extract
        >>> text = (
        ...     "2018年收入总计150.00万元。本部分的收入总计包括收入合计、年初结转和结余。"
        ...     "收入合计120.00万元。年初结转和结余30.00万元。"
        ... )
        >>> [(r.label, r.basis) for r in extract(text).ledger.relations if r.kind == "sum"]
        [('收入总计 = 收入合计 + 年初结转和结余', 'inferred')]
        """
        summed = {id(r.figures[0]) for r in self.relations if r.data["kind"] == "sum"}
        for match in _DEFINED.finditer(self.text):
            total_name = _PLACED.sub("", match.group(1).strip())
            listed = match.group(2).strip()
            if (
                len(total_name) < 2
                or _SOME.search(listed)
                or ("、" not in listed and not _JOINS.search(listed))
            ):
                continue
            for total in self.totals_named(total_name, match.start(), match.end()):
                if id(total) in summed:
                    continue  # its own list already sums it up
                found = self.included_found(total, _names(listed), match.start(), match.end())
                if found is not None:
                    self.included_sum(total, *found, at=match.start())

    def figures_named(self, name: str, start: int, end: int) -> list[Fig] | None:
        """The figures printed under ``name`` outside the definition; None for a name too short to tell."""
        plain = _PLACED.sub("", name)
        if len(_key(plain)) < _FEWEST and item(plain) != "三公":
            return None  # 结余 alone says too little to find its figure by
        return [
            f
            for f in self.figs
            if f.keep
            and f.kind == "amount"
            and not start <= f.mention.start < end
            and (_key(f.label) == _key(plain) or same_item(plain, _PLACED.sub("", f.label)))
        ]

    def totals_named(self, name: str, start: int, end: int) -> list[Fig]:
        """The totals printed under ``name``: the one figure of each role printed so."""
        by_role: dict[str | None, list[Fig]] = {}
        for fig in self.figures_named(name, start, end) or []:
            by_role.setdefault(role_of(fig.label), []).append(fig)
        return [figs[0] for figs in by_role.values() if len(figs) == 1]

    def included_found(
        self, total: Fig, ways: list[list[str]], start: int, end: int
    ) -> tuple[list[Fig], list[str], bool] | None:
        """The parts found by the way of naming that finds most, its names, and whether some are missing.

        A part is the one figure printed under its name of the total's year, unit, scope and role;
        a way with a name too short to tell, or printed twice so, finds nothing.
        """
        best: tuple[list[Fig], list[str], bool] | None = None
        for names in ways:
            found = [self.figures_named(n, start, end) for n in names]
            if any(figs is None for figs in found):
                continue
            alike = [[f for f in figs or [] if self.alike(f, total)] for figs in found]
            if any(len(figs) > 1 for figs in alike):
                continue
            parts = [figs[0] for figs in alike if figs]
            if not parts or any(p is total for p in parts) or len({id(p) for p in parts}) != len(parts):
                continue
            if best is None or len(parts) > len(best[0]):
                best = (parts, names, len(parts) < len(names))
        return best

    def own_year(self, fig: Fig) -> str | None:
        """A figure's year, None for the report's own (printed or not)."""
        return None if fig.period == self.year else fig.period

    def alike(self, fig: Fig, total: Fig) -> bool:
        """Whether a figure can be a part of a total: of its year, unit, scope and role."""
        return (
            self.own_year(fig) == self.own_year(total)
            and fig.unit == total.unit
            and role_of(fig.label) == role_of(total.label)
            and not self.other_scopes(fig, total)
        )

    def included_sum(self, total: Fig, parts: list[Fig], names: list[str], missing: bool, *, at: int) -> None:  # noqa: FBT001
        """Record the sum; partial when a part named is printed nowhere."""
        listed = " + ".join(names)
        data: dict[str, Any] = {
            "kind": "sum",
            "total": "",
            "parts": [],
            "label": f"{total.label} {'≥' if missing else '='} {listed}",
        }
        if missing:
            data["exhaustive"] = False
        defining = next(s for s in self.sentences if s.start <= at < s.end)
        sentences = unique([total.sentence, defining, *(p.sentence for p in parts)])
        self.add("included", data, sentences, [total, *parts], inferred=True)


__all__ = ["Included"]
