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
from perfcheck._read.text.sums import Sums

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
#: A list opened right after a total, closing its sentence: ``…为98.65万元，其中：``.
_OPENS_AFTER: Final = re.compile(r"\s*[，,]?\s*(?:其中|具体为|具体包括|包括|分别为)[：:]\s*$")
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

    def sangong_sections(self) -> None:
        """A 三公 total, then each of its classes printed in a sentence of its own: an inferred sum.

        ``“三公”经费预算总额为2226.28万元，…。因公出国（境）费2015年预算1153万元，…。公务用车购置及运行费
        预算921.09万元，…。公务接待费2015年预算152.19万元，…``: the three classes are the 三公 by
        definition. Each is the one figure of its class printed after the total (up to the next 三公
        figure), of its year, unit and role, first in its sentence and in no list; the vehicles are one
        figure (购置及运行) or, printed apart, their 购置 and their 运行. A class printed nowhere (无因公出国
        费) leaves the sum partial. None for a total whose own list already sums it.
        """
        summed = {id(r.figures[0]) for r in self.relations if r.data["kind"] == "sum"}
        listed = {id(p) for _, ps, _ in self.list_sums for p in ps}
        totals = [
            f
            for f in self.figs
            if f.keep and f.kind == "amount" and self.eligible(f) and item(f.label) == "三公"
        ]
        for n, total in enumerate(totals):
            if id(total) in summed:
                continue
            stop = totals[n + 1].mention.start if n + 1 < len(totals) else len(self.text)
            # 三公经费预算数为98.65万元，其中：\n因公出国(境)经费7万元…: after an opener closing the total's
            # sentence, a class naming no role is of the total's
            opens = _OPENS_AFTER.match(self.text, total.mention.phrase_end, total.sentence.end) is not None
            firsts = [
                figs[0]
                for figs in (
                    [f for f in self.by_sentence.get(s.index, []) if f.keep and f.kind == "amount"]
                    for s in self.sentences
                    if total.sentence.end <= s.start < stop and _within(s.section, total.sentence.section)
                )
                if figs
                and id(figs[0]) not in listed
                and self.eligible(figs[0])
                and self.alike(figs[0], total, roleless=opens)
            ]
            found = _sangong_classes(firsts)
            if found is not None and len(found[0]) >= 2 and not any(Sums.exceeds(p, total) for p in found[0]):
                self.included_sum(total, *found, at=total.mention.start)

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

    def alike(self, fig: Fig, total: Fig, *, roleless: bool = False) -> bool:
        """Whether a figure can be a part of a total: of its year, unit, scope and role.

        ``roleless``: a figure whose label names no role (预算, 决算) is of the total's.
        """
        role = role_of(fig.label)
        return (
            self.own_year(fig) == self.own_year(total)
            and fig.unit == total.unit
            and (role == role_of(total.label) or (roleless and role is None))
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


#: The 三公 classes, each by the words of its figures' names; the vehicles' two parts apart.
_SANGONG: Final = (
    ("因公出国（境）费", re.compile(r"因公出国")),
    ("公务用车购置及运行费", re.compile(r"(?:公务用车|公务车|公车|车辆)(?:购置(?:费)?(?:及|和|与)运行|费)")),
    ("公务接待费", re.compile(r"(?<!国内)(?<!外事)(?<!国外)公务接待")),
)
_VEHICLE_PARTS: Final = (
    ("公务用车购置费", re.compile(r"(?:公务用车|公务车|公车|车辆)购置(?!及|和|与)")),
    ("公务用车运行维护费", re.compile(r"(?:公务用车|公务车|公车|车辆)运行")),
)


def _within(section: str | None, total: str | None) -> bool:
    """Whether a sentence's section is the total's or one under it (一（三） under 一); any under none."""
    return total is None or (section or "").startswith(total)


def _once(hits: list[Fig]) -> list[Fig]:
    """The figures of a class, one figure printed again under its name (公务用车费预算19.95万元：) once."""
    return [
        f
        for n, f in enumerate(hits)
        if not any((g.label, g.mention.text) == (f.label, f.mention.text) for g in hits[:n])
    ]


def _sangong_classes(firsts: list[Fig]) -> tuple[list[Fig], list[str], bool] | None:
    """The figures of the 三公 classes among ``firsts``, their names, and whether a class is missing.

    None when a class is printed twice, or nothing of the vehicles is read right (the whole and a
    part of it both printed).
    """
    parts: list[Fig] = []
    names: list[str] = []
    missing = False
    for name, words in _SANGONG:
        hits = _once([f for f in firsts if words.search(item(f.label))])
        if name == "公务用车购置及运行费" and not hits:
            apart = [_once([f for f in firsts if rx.search(item(f.label))]) for _, rx in _VEHICLE_PARTS]
            if all(len(h) == 1 for h in apart):
                parts += [h[0] for h in apart]
                names += [n for n, _ in _VEHICLE_PARTS]
                continue
            if any(apart):
                return None
        if len(hits) > 1:
            return None
        if hits:
            parts.append(hits[0])
            names.append(name)
        else:
            missing = True
    return parts, names, missing
