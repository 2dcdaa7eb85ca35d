"""Changes against this year's budget whose budget is printed elsewhere: in a table, or earlier in the text.

``公务接待费支出5.21万元，与2021年度预算相比，减少0.1万元，下降0.6%``: the sentence says
what changed and by how much, but not the budget it is against; a 三公 report prints that
budget in its table (``公务接待费 | 14.9 | 5.21``) or in an earlier sentence
(``公务接待费预算14.9万元``). The budget is the one figure of the report's year whose row
(or label, its role aside) names the same item and whose column (or label) says 预算; the
change is then checked against it: the amount as budget − actual (or actual − budget) and
the rate as the printed amount over the budget (a ``ratio``; with no amount printed, as
the change of the actual against the budget), each a statement of its own. ``与预算相比无增减``
(无变化, 持平) says the actual equals the budget.

The budget is found by its name across the report's structure, not stated in the
sentence, so every relation made here is inferred: a break is for a person to check
(PC903), never an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Final

from perfcheck._read.text import patterns
from perfcheck._read.text.base import BY, Built, Fig, Rel, built_by
from perfcheck._read.text.links import item

#: A base that is this year's budget: 预算, 年初预算, 2021年度预算 (a year printed must be the report's).
_BUDGET_BASE: Final = re.compile(r"(?:((?:19|20)[0-9]{2})年度?)?(?:年初)?预算")
#: A column or label of the budget (not the final account, not an adjusted budget).
_BUDGET_COLUMN: Final = re.compile(r"^(?:年初)?预算(?:数|额)?$")
#: ``与2021年度预算相比无增减``: the actual is the budget.
_UNCHANGED: Final = re.compile(
    r"与(?:(?:19|20)[0-9]{2}年度?)?(?:年初)?预算(?:数)?相比[，,]?\s*(?:无增减|无变化|持平|没有变化|未发生变化)"
)


#: A rate named by this year's budget it reached: 完成年初预算的88.7%, 为预算的95%, 完成2016年预算的.
_RATE_OF_BUDGET: Final = re.compile(
    r"^(?:完成|为|达到)(?:((?:19|20)[0-9]{2})年度?)?(?:年初)?预算(?:数)?(?:的)?$"
)


@dataclass(frozen=True, slots=True)
class _Budget:
    """A budget figure: its id, its item's name, its unit and its value as printed."""

    id: str
    item: str
    unit: str | None
    value: str


def _budgets(
    figs: list[Fig], tables_figures: list[dict[str, Any]], unit: str | None
) -> dict[str, list[_Budget]]:
    """The budget figures by their item: a table's cells under a 预算数 column, a text's labelled …预算."""
    found: list[_Budget] = []
    for figure in tables_figures:
        row, _, column = str(figure.get("label", "")).rpartition(" / ")
        if str(figure.get("value", "")).endswith("%") or not _BUDGET_COLUMN.match(re.sub(r"\s", "", column)):
            continue
        found.append(_Budget(str(figure["id"]), item(row), figure.get("unit") or unit, str(figure["value"])))
    for fig in figs:
        words = re.sub(r"\s", "", fig.label)
        match = re.search(r"(?:支出)?(?:年初)?预算(?:数|额)?$", words)
        if fig.kind != "amount" or match is None or patterns.BUDGET_KINDS.search(words):
            continue
        found.append(_Budget(fig.id, item(words[: match.start()]), fig.unit or unit, fig.mention.text))
    by_item: dict[str, list[_Budget]] = {}
    for budget in found:
        if len(budget.item) >= 2:
            by_item.setdefault(budget.item, []).append(budget)
    return by_item


#: A table cell's id: the table, the column letters, the row number (``t1_C10``).
_CELL: Final = re.compile(r"^(t[0-9]+_)([A-Z]+)([0-9]+)$")


def _row_budget(
    current: Fig, built: Built, tables_figures: list[dict[str, Any]], unit: str | None
) -> _Budget | None:
    """The budget in the row of the table cell a sentence's figure is linked to (:mod:`.links`).

    ``“三公”经费财政拨款支出决算为68.3万元`` is the 合计 row's 决算数 cell: its budget is the one
    cell of that row under a 预算数 column, whatever the row's name.
    """
    linked = next(
        (
            str(r["figures"][1])
            for r in built.document.get("relations", [])
            if r.get("id") == f"link_{current.id}" and len(r.get("figures", [])) == 2
        ),
        None,
    )
    place = _CELL.match(linked or "")
    if place is None:
        return None
    found = []
    for figure in tables_figures:
        cell = _CELL.match(str(figure["id"]))
        if cell is None or (cell.group(1), cell.group(3)) != (place.group(1), place.group(3)):
            continue
        row, _, column = str(figure.get("label", "")).rpartition(" / ")
        if str(figure.get("value", "")).endswith("%") or not _BUDGET_COLUMN.match(re.sub(r"\s", "", column)):
            continue
        found.append(_Budget(str(figure["id"]), item(row), figure.get("unit") or unit, str(figure["value"])))
    own = current.unit or unit
    return found[0] if len(found) == 1 and found[0].unit == own else None


def _read(
    built: Built, tables_figures: list[dict[str, Any]]
) -> tuple[str | None, str | None, dict[str, list[_Budget]], dict[str, dict[str, Any]]]:
    """The document's unit and year, its budgets by item, and its written relations by id."""
    unit, year = built.document.get("unit"), built.document.get("period")
    written = {str(r["id"]): r for r in built.document.get("relations", [])}
    return unit, year, _budgets(built.figures, tables_figures, unit), written


def against_budget(built: Built, tables_figures: list[dict[str, Any]]) -> tuple[list[Rel], set[str]]:
    """The changes against a budget printed elsewhere, and the ids of the text's relations they replace.

    ``built`` is what the text reader made of the text (each relation knowing its
    sentences and its base), ``tables_figures`` the figures of the tables printed in it.
    """
    unit, year, by_item, written = _read(built, tables_figures)
    made: list[Rel] = []
    replaced: set[str] = set()
    for rel in built.relations:
        rid = str(rel.data["id"])
        if rel.data.get("kind") != "change" or "prior" in rel.data or rid not in written:
            continue
        base = _BUDGET_BASE.fullmatch(str(rel.data.get("_base", "")))
        if base is None or (base.group(1) is not None and base.group(1) != year):
            continue
        current, *said = rel.figures
        budget = _one(by_item.get(item(current.label), []), current, unit)
        if budget is None:
            continue
        keys = [k for k in ("delta", "percent") if k in rel.data]
        source = written[rid].get("source")
        for key, fig in zip(keys, said, strict=True):
            data = {
                "id": f"{rid}_{key}_vs_budget",
                "kind": "change",
                "label": f"{rel.data['label']} ({budget.item}: budget {budget.value})",
                "basis": "inferred",
                "current": current.id,
                "prior": budget.id,
                "direction": rel.data["direction"],
                key: fig.id,
                **({"source": source} if source else {}),
            }
            if key == "percent" and "delta" in rel.data:
                # 减少0.28万元，下降15%: the rate is the amount printed over the budget
                data = {
                    "id": f"{rid}_rate_of_budget",
                    "kind": "ratio",
                    "label": f"{fig.label}: {said[0].label} ÷ {budget.item} budget {budget.value}",
                    "basis": "inferred",
                    "numerator": said[0].id,
                    "denominator": budget.id,
                    "stated": fig.id,
                    **({"source": source} if source else {}),
                }
            made.append(
                Rel(
                    {**data, BY: built_by()},
                    rel.sentences,
                    [current, *said] if data["kind"] == "ratio" else [current, fig],
                )
            )
        replaced.add(rid)
    return made, replaced


def rates_of_budget(built: Built, tables_figures: list[dict[str, Any]]) -> tuple[list[Rel], set[str]]:
    """Rates of execution whose budget the sentence does not print, of a budget printed elsewhere.

    ``公务接待费支出决算为26.4万元，完成年初预算的75.43%`` read as a ratio with no denominator
    (:mod:`.unprinted`), the budget printed in the report's table (``公务接待费 | 35.00 | 26.4``) or
    an earlier sentence (``公务接待费预算35万元``): the ratio of the actual to that budget, found
    by the item's name, so inferred. Returns the ratios and the ids of those they replace.
    """
    unit, year, by_item, written = _read(built, tables_figures)
    made: list[Rel] = []
    replaced: set[str] = set()
    for rel in built.relations:
        rid = str(rel.data["id"])
        if rel.data.get("kind") != "ratio" or len(rel.figures) != 2 or rid not in written:
            continue
        actual, rate = rel.figures
        named = _RATE_OF_BUDGET.match(re.sub(r"\s", "", rate.label))
        if named is None or (named.group(1) is not None and named.group(1) != year):
            continue
        budget = _row_budget(actual, built, tables_figures, unit) or _one(
            by_item.get(item(actual.label), []), actual, unit
        )
        if budget is None:
            continue
        source = written[rid].get("source")
        data = {
            "id": f"{rid}_of_budget",
            "kind": "ratio",
            "label": f"{rate.label}: {actual.label} ÷ {budget.item} budget {budget.value}",
            "basis": "inferred",
            "numerator": actual.id,
            "denominator": budget.id,
            "stated": rate.id,
            **({"source": source} if source else {}),
        }
        made.append(Rel({**data, BY: built_by()}, rel.sentences, [actual, rate]))
        replaced.add(rid)
    return made, replaced


def unchanged_against_budget(
    built: Built, text: str, printed: str, tables_figures: list[dict[str, Any]]
) -> list[Rel]:
    """``因公出国(境)费支出0万元，与2021年度预算相比无增减``: the actual equals the budget printed elsewhere.

    ``text`` is the text the builder read (its offsets are the figures'), ``printed`` the
    same text as the report printed it (quoted).
    """
    unit, year = built.document.get("unit"), built.document.get("period")
    by_item = _budgets(built.figures, tables_figures, unit)
    made: list[Rel] = []
    for fig in built.figures:
        if fig.kind != "amount":
            continue
        said = _UNCHANGED.match(text, fig.mention.phrase_end + _gap(text, fig.mention.phrase_end))
        if said is None:
            continue
        printed_year = re.search(r"(?:19|20)[0-9]{2}", said.group())
        if printed_year is not None and printed_year.group() != year:
            continue
        budget = _one(by_item.get(item(fig.label), []), fig, unit)
        if budget is None:
            continue
        sentence = fig.sentence
        data = {
            "id": f"{fig.id}_as_budget",
            "kind": "equal",
            "label": f"{fig.label} = {budget.item}: budget {budget.value} ({said.group()})",
            "basis": "inferred",
            "figures": [fig.id, budget.id],
            "source": {
                "section": sentence.section or "",
                "line": sentence.line,
                "start": sentence.start,
                "end": sentence.end,
                "text": printed[sentence.start : sentence.end],
            },
        }
        made.append(Rel({**data, BY: built_by()}, [sentence], [fig]))
    return made


def _gap(text: str, at: int) -> int:
    """How many separators (，, spaces) stand at ``at``."""
    n = 0
    while at + n < len(text) and text[at + n] in "，, \u3000":
        n += 1
    return n


def _one(found: list[_Budget], current: Fig, unit: str | None) -> _Budget | None:
    """The one budget of the item in the figure's unit; none if several differ in value."""
    own = current.unit or unit
    found = [b for b in found if b.id != current.id and b.unit == own]
    if not found or len({b.value for b in found}) > 1:
        return None
    return found[0]
