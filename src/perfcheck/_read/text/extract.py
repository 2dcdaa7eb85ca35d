"""The text reader's public face, :func:`extract` (re-exported by :mod:`perfcheck.extract`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from perfcheck._ledger.document import Ledger, validate
from perfcheck._ledger.relations import ChangeRelation, RatioRelation
from perfcheck._read.text.base import BY
from perfcheck._read.text.budget_base import against_budget, rates_of_budget, unchanged_against_budget
from perfcheck._read.text.build import build
from perfcheck._read.text.links import table_links
from perfcheck._read.text.tables import masked, text_tables
from perfcheck._read.text.variants import simplified, unannotated

__all__ = ["Extraction", "Passage", "Summary", "UnreadTable", "extract"]


@dataclass(frozen=True, slots=True)
class Passage:
    """A sentence of the text.

    Attributes:
        section: the section heading it stands under (``一（四）2``), or None.
        line: its 1-based line.
        start: offset of its first character.
        end: offset just past it.
        text: the sentence as printed.
        figures: ids of the figures printed in it that the passage is about (for an
            unplaced sentence: those in no relation).
        unreadable: numbers printed in it that are no number (``1,2,3.4.5``), as printed.
    """

    section: str | None
    line: int
    start: int
    end: int
    text: str
    figures: tuple[str, ...] = ()
    unreadable: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class UnreadTable:
    """A table printed in the text (lines of cells), or a row of one, from which no relation could be read.

    Its figures are read and take part in no relation: they are counted as read but
    unused, and its lines are not read again as sentences. A row is one whose blank
    cells the page dropped, so that which column each cell stands under is not known.

    Attributes:
        line: its first line (1-based).
        last: its last line.
        reason: why no relation could be read from it.
        figures: ids of the figures read from it.
        row: a row of a table otherwise read, rather than a whole table.
    """

    line: int
    last: int
    reason: str
    figures: tuple[str, ...] = ()
    row: bool = False

    def data(self) -> dict[str, Any]:
        """The part as the ledger document's ``not_read`` entry (:class:`perfcheck.NotRead`), JSON-ready.

        >>> UnreadTable(4, 9, "no unit", ("t1_a",)).data()
        {'kind': 'table', 'line': 4, 'last': 9, 'why': 'no unit', 'figures': ['t1_a']}
        """
        kind = "row" if self.row else "table"
        return {
            "kind": kind,
            "line": self.line,
            "last": self.last,
            "why": self.reason,
            "figures": list(self.figures),
        }


@dataclass(frozen=True, slots=True)
class Summary:
    """How much the extraction read.

    Attributes:
        figures: figures extracted.
        relations: relations built.
        unplaced: sentences with a figure that takes part in no relation.
        inferred: relations the reader inferred (``basis: inferred``) rather than read as stated.
        unreadable: misprinted numbers (``1,2,3.4.5万元``), read as no figure.
        tables_unread: tables printed in the text, or rows of one, from which no relation
            could be read.
    """

    figures: int
    relations: int
    unplaced: int
    inferred: int = 0
    unreadable: int = 0
    tables_unread: int = 0

    def __str__(self) -> str:
        """One line in English, each noun agreeing with its count (the CLI words it in any locale).

        >>> str(Summary(figures=1, relations=27, unplaced=1))
        '1 figure, 27 relations, 1 sentence with figures in no relation'
        >>> str(Summary(figures=2, relations=0, unplaced=1, unreadable=1))
        '2 figures, 0 relations, 1 sentence with figures in no relation, 1 unreadable number'
        >>> str(Summary(figures=9, relations=0, unplaced=0, tables_unread=1))
        '9 figures, 0 relations, 0 sentences with figures in no relation, 1 table not read'
        """

        def count(n: int, noun: str) -> str:
            return f"{n} {noun}" if n == 1 else f"{n} {noun}s"

        line = (
            f"{count(self.figures, 'figure')}, {count(self.relations, 'relation')}, "
            f"{count(self.unplaced, 'sentence')} with figures in no relation"
        )
        if self.unreadable:
            line += f", {count(self.unreadable, 'unreadable number')}"
        if self.tables_unread:
            line += f", {count(self.tables_unread, 'table')} not read"
        return line


@dataclass(frozen=True, slots=True)
class Extraction:
    """What :func:`extract` read from a text.

    Attributes:
        ledger: the ledger document, validated.
        summary: counts of figures, relations and unplaced sentences.
        unplaced: the sentences with figures that take part in no relation, with those figures.
        explanations: for each relation id, the sentences it was read from.
        unreadable: the sentences with misprinted numbers, each with those numbers as printed.
        unread_tables: the tables printed in the text from which no relation could be read,
            each with its lines and why (their figures are read, in no relation).
        built_by: for each relation id, the mechanism that built it (``sums.lists``, the
            recogniser's module and method; ``tables`` for a table printed in the text): a
            provenance tag for measuring each mechanism, on which no judgment depends.
    """

    ledger: Ledger
    summary: Summary
    unplaced: tuple[Passage, ...] = ()
    explanations: Mapping[str, tuple[Passage, ...]] = field(default_factory=lambda: MappingProxyType({}))
    unreadable: tuple[Passage, ...] = ()
    unread_tables: tuple[UnreadTable, ...] = ()
    built_by: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def explain(self, *, width: int = 100) -> str:
        """Per relation, the sentences it was read from; then the unplaced sentences.

        Each sentence is shown as ``section:line [start:end]`` and its text, cut to
        ``width`` characters.
        """

        def show(p: Passage) -> str:
            text = p.text if len(p.text) <= width else p.text[: width - 1] + "…"
            return f"    {p.section or '-'}:{p.line} [{p.start}:{p.end}] {text}"

        lines: list[str] = []
        counts = {f.id for f in self.ledger.figures if f.concept in {"count", "headcount"}}
        for rel in self.ledger.relations:
            ids = ", ".join(rel.operands())
            line = f"{rel.id} ({rel.kind}: {ids}) {rel.label or ''}".rstrip()
            if rel.basis == "inferred":
                line += " [inferred]"
            if isinstance(rel, ChangeRelation) and rel.prior is None and None in (rel.delta, rel.percent):
                line += " [not checkable: no prior printed, and only its amount or its rate]"
            if isinstance(rel, RatioRelation) and rel.denominator is None and rel.numerator not in counts:
                line += " [not checkable: its base (a budget, a target) is printed nowhere]"
            lines.append(line)
            lines.extend(show(p) for p in self.explanations.get(rel.id, ()))
        if self.unplaced:
            lines.append("figures in no relation:")
            lines.extend(show(p) + f"  ({', '.join(p.figures)})" for p in self.unplaced)
        if self.unreadable:
            lines.append("numbers that could not be read (no figure was made of them):")
            lines.extend(show(p) + f"  ({', '.join(p.unreadable)})" for p in self.unreadable)
        if unread := self.unread_tables:
            lines.append("tables not read (their figures are read, in no relation):")
            lines.extend(f"    lines {t.line}-{t.last}: {t.reason} ({len(t.figures)} read)" for t in unread)
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class _Place:
    """Where an offset of the text read was printed in the text given (see :func:`unannotated`)."""

    origin: list[int] | None

    def start(self, at: int) -> int:
        return at if self.origin is None else self.origin[at]

    def end(self, at: int) -> int:
        return at if self.origin is None or at == 0 else self.origin[at - 1] + 1


def _printed_at(document: dict[str, Any], origin: list[int], text: str) -> dict[str, Any]:
    """The document with its figures' and relations' offsets moved to where ``text`` printed them."""
    place = _Place(origin)

    def moved(item: dict[str, Any]) -> dict[str, Any]:
        source = item.get("source")
        if not isinstance(source, dict) or "start" not in source:
            return item
        start, end = place.start(source["start"]), place.end(source["end"])
        source = {**source, "start": start, "end": end}
        if item.get("kind") is not None and "text" in source:
            source["text"] = text[start:end]  # a relation quotes its sentence as printed
        return {**item, "source": source}

    return {
        **document,
        "figures": [moved(f) for f in document.get("figures", [])],
        "relations": [moved(r) for r in document.get("relations", [])],
    }


def _public(data: dict[str, Any]) -> dict[str, Any]:
    """A relation's data without the reader's own keys (``_by``), as the ledger document takes it."""
    return {k: v for k, v in data.items() if not k.startswith("_")}


def extract(text: str, *, name: str = "<text>", unit: str | None = None, locale: str = "zh_CN") -> Extraction:
    """Extract a ledger document from the text of a report.

    Args:
        text: the report as plain text (UTF-8 decoded); offsets in the result are
            offsets into this string.
        name: how the text is named in the document's ``source`` and in errors.
        unit: the document's default amount unit; by default the most common amount
            unit printed in the text.
        locale: how the text prints numbers; only ``zh_CN`` conventions are recognised
            (``1,234.56``), the locale is written into the document.

    Raises:
        LedgerError: the extracted document is not valid (a bug in the extractor, or
            a ``unit``/``locale`` that is not known); the message names ``name``.
    """
    # a repost in traditional characters is read with the simplified words, offsets kept;
    # pinyin printed after its characters (預(yù)算) is read without, offsets moved back after
    plain, origin = unannotated(text)
    read = simplified(plain)
    tables = text_tables(read, name=name)
    seen = masked(read, tables)
    built = build(seen, name=name, unit=unit, locale=locale, printed=plain)
    if links := table_links(built, tables, plain):
        # a sentence's figure and its quantity's cell in a table printed in the text
        built.relations.extend(links)
        built.document["relations"] = [*built.document["relations"], *(_public(rel.data) for rel in links)]
    # a change against a budget printed elsewhere (a table's 预算数 column, an earlier sentence)
    table_figures = [f for t in tables for f in t.figures]
    against, replaced = against_budget(built, table_figures)
    rates, rates_replaced = rates_of_budget(built, table_figures)
    against += rates
    replaced |= rates_replaced
    against += unchanged_against_budget(built, seen, plain, table_figures)
    if against:
        kept = [r for r in built.document.get("relations", []) if r["id"] not in replaced]
        built.document["relations"] = [*kept, *(_public(r.data) for r in against)]
        built.relations = [*(r for r in built.relations if r.data["id"] not in replaced), *against]
    document = built.document if origin is None else _printed_at(built.document, origin, text)
    place = _Place(origin)
    if tables:
        # tables printed as lines of cells: their figures and relations join the text's
        document = {
            **document,
            "figures": [*document.get("figures", []), *(f for t in tables for f in t.figures)],
            "relations": [*document.get("relations", []), *(r for t in tables for r in t.relations)],
        }
    unread = tuple(
        UnreadTable(*t.lines, t.unread, tuple(f["id"] for f in t.figures))
        for t in tables
        if t.unread is not None
    ) + tuple(UnreadTable(line, line, why, ids, row=True) for t in tables for line, why, ids in t.rows_unread)
    if unread:
        # what could not be read goes with the document, so a check's coverage can say so
        document = {**document, "not_read": [part.data() for part in unread]}
    ledger = validate(document, name=name)
    used: set[str] = set()
    explanations: dict[str, tuple[Passage, ...]] = {}
    for rel in built.relations:
        ids = {f.id for f in rel.figures}
        used |= ids
        rid = str(rel.data["id"])
        explanations[rid] = tuple(
            Passage(
                s.section,
                s.line,
                place.start(s.start),
                place.end(s.end),
                text[place.start(s.start) : place.end(s.end)],
                tuple(f.id for f in built.by_sentence.get(s.index, []) if f.id in ids),
            )
            for s in rel.sentences
        )
    unplaced: list[Passage] = []
    for sentence in built.sentences:
        loose = tuple(f.id for f in built.by_sentence.get(sentence.index, []) if f.id not in used)
        if loose:
            unplaced.append(
                Passage(
                    sentence.section,
                    sentence.line,
                    place.start(sentence.start),
                    place.end(sentence.end),
                    text[place.start(sentence.start) : place.end(sentence.end)],
                    loose,
                )
            )
    unreadable: list[Passage] = []
    for sentence in built.sentences:
        bad = tuple(plain[a:b] for a, b in built.unreadable if sentence.start <= a < sentence.end)
        if bad:
            start, end = place.start(sentence.start), place.end(sentence.end)
            where = (sentence.section, sentence.line, start, end)
            unreadable.append(Passage(*where, text[start:end], unreadable=bad))
    by = {str(r.data["id"]): str(r.data.get(BY, "")) for r in built.relations}
    built_by = {r.id: by.get(r.id) or "tables" for r in ledger.relations}
    inferred = sum(r.basis == "inferred" for r in ledger.relations)
    counts = (len(ledger.figures), len(ledger.relations), len(unplaced), inferred)
    summary = Summary(*counts, len(built.unreadable), len(unread))
    return Extraction(
        ledger,
        summary,
        tuple(unplaced),
        MappingProxyType(explanations),
        tuple(unreadable),
        unread,
        MappingProxyType(built_by),
    )
