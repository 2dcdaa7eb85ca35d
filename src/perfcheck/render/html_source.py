"""The report itself, seen through perfcheck: what the HTML page shows below the findings.

:func:`document_of` reads what was checked once more, into a :class:`Document`: its
figures and relations as the page needs them, and for a report's text the text
itself. A JSON document is taken apart with orjson, not validated into models again:
the check already validated it, and a ledger of a hundred thousand relations would
take longer to validate than to check.

Three views, one a kind of document:

- **text** (:func:`text_view`): the text, every figure read marked by what became of
  it (:data:`STATES`) and linked to its relations; numbers printed like figures that
  could not be read (``1,2,3.4.5万元``) are marked ``unreadable``;
- **table** (:func:`table_view`): each sheet's cells in their rows and columns, the
  cells of broken relations marked;
- **ledger** (:func:`tree_view`): the sum hierarchy as a tree of ``<details>``, broken
  totals marked and open; in a large ledger only the branches that hold a broken sum.

Every piece of text from the document goes through ``html.escape``.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Final, Literal, TypeVar

import orjson

from perfcheck._core.i18n import N_, Messages
from perfcheck._findings.coverage import Coverage, coverage_of_data, operands_of_data
from perfcheck._findings.finding import Finding, Severity, Verdict
from perfcheck._findings.result import Result
from perfcheck._ledger.document import Ledger
from perfcheck._read.reader import parse, raw, read
from perfcheck._read.tables.cells import column_ref
from perfcheck._read.text.extract import extract

State = Literal["broken", "holds", "unjudged", "unused", "unreadable"]
#: What became of a figure of the text, in the order of the legend: in a broken relation,
#: in a holding one, in relations no rule judged, read but in no relation, printed but not read.
STATES: Final[tuple[State, ...]] = ("broken", "holds", "unjudged", "unused", "unreadable")
STATE_WORDS: Final[dict[State, str]] = {
    "broken": N_("in a broken relation"),
    "holds": N_("in a holding relation"),
    "unjudged": N_("in a relation no rule judged"),
    "unused": N_("read, used in no relation"),
    "unreadable": N_("printed, not readable"),
}
#: A ledger with more sum relations than this shows only the branches that hold a broken one.
TREE_LIMIT: Final = 1000
#: Cells of a table view at most; a larger table shows the rows of broken cells only.
TABLE_LIMIT: Final = 20_000
#: A run of digits with what a number prints inside it, followed by an amount, percent or count unit.
_PRINTED_NUMBER: Final = re.compile(
    r"(?<![0-9０-９.,．])[0-9０-９][0-9０-９,.．]*(?=\s?(?:[万亿千百十]*元|%|％|个百分点|人|户|个|项|次))"
)
_CELL: Final = re.compile(r"^([A-Z]{1,3})([1-9][0-9]*)$")
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class Fig:
    """A figure as the page shows it: id, label, value as printed, where."""

    id: str
    label: str | None
    value: str
    section: str | None = None
    line: int | None = None
    start: int | None = None
    end: int | None = None
    text: str | None = None
    sheet: str | None = None
    cell: str | None = None


@dataclass(frozen=True, slots=True)
class Rel:
    """A relation as the page shows it: id, kind, label, the text it was read from, the figures it names."""

    id: str
    kind: str
    label: str | None
    text: str | None
    operands: tuple[str, ...]
    total: str | None = None
    parts: tuple[str, ...] = ()


class _ById(Mapping[str, _T]):
    """Parsed JSON objects by their ``id``, each made into a ``_T`` when first asked for.

    A ledger of a million figures shows a few thousand of them: only those are made.
    """

    def __init__(self, items: Iterable[Any], make: Callable[[dict[str, Any]], _T]) -> None:
        self._raw = {d["id"]: d for d in items if isinstance(d, dict) and isinstance(d.get("id"), str)}
        self._made: dict[str, _T] = {}
        self._make = make

    def __getitem__(self, key: str) -> _T:
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = self._make(self._raw[key])
        return made

    def __contains__(self, key: object) -> bool:
        return key in self._raw

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def raw(self) -> Iterable[dict[str, Any]]:
        """The parsed objects, as they are."""
        return self._raw.values()


class Document:
    """What was checked, as the page shows it.

    Attributes:
        kind: ``text`` (a report's text), ``table`` (figures printed in cells) or ``ledger``.
        figures: by id, in document order.
        relations: by id, in document order.
        text: the report's text (kind ``text`` only).
        unplaced: sentences with figures in no relation (kind ``text`` only).
        data: the document's parsed JSON, when it was read from JSON.
    """

    def __init__(  # noqa: PLR0913 - the fields
        self,
        kind: Literal["text", "table", "ledger"],
        figures: Mapping[str, Fig],
        relations: Mapping[str, Rel],
        *,
        text: str | None = None,
        unplaced: int | None = None,
        data: Mapping[str, Any] | None = None,
    ) -> None:
        """Hold the fields."""
        self.kind = kind
        self.figures = figures
        self.relations = relations
        self.text = text
        self.unplaced = unplaced
        self.data = data

    def coverage(self, result: Result) -> Coverage:
        """How much of the document ``result`` read.

        For a document read from JSON it is counted on the data already parsed here, as
        the fast path counts it (:func:`~perfcheck._findings.coverage.coverage_of_data`),
        rather than parsing the file once more; otherwise it is ``result.coverage``.
        """
        if self.data is None:
            return result.coverage
        return coverage_of_data(self.data, result.findings)

    @cached_property
    def _uses(self) -> dict[str, tuple[str, ...]]:
        found: dict[str, list[str]] = defaultdict(list)
        for rel in self.relations.values():
            for op in dict.fromkeys(rel.operands):
                found[op].append(rel.id)
        return {k: tuple(v) for k, v in found.items()}

    def relations_of(self, figure: str) -> tuple[str, ...]:
        """Ids of the relations that name ``figure``."""
        return self._uses.get(figure, ())

    def sums(self) -> list[tuple[str, str, tuple[str, ...]]]:
        """Each sum relation as its id, its total and its parts (read from the data, not made into models)."""
        if isinstance(self.relations, _ById):
            return [
                (r["id"], r["total"], tuple(r["parts"]))
                for r in self.relations.raw()
                if r.get("kind") == "sum"
                and isinstance(r.get("total"), str)
                and isinstance(r.get("parts"), list)
            ]
        return [(r.id, r.total, r.parts) for r in self.relations.values() if r.total is not None]


def _source_of(data: Any) -> dict[str, Any]:  # noqa: ANN401 - a document's source data, or anything else
    return data if isinstance(data, dict) else {}


def _data_figure(f: dict[str, Any]) -> Fig:
    src = _source_of(f.get("source"))
    return Fig(
        f["id"],
        f.get("label"),
        str(f.get("value", "")),
        src.get("section"),
        src.get("line"),
        src.get("start"),
        src.get("end"),
        src.get("text"),
        src.get("sheet"),
        src.get("cell"),
    )


def _data_relation(r: dict[str, Any]) -> Rel:
    total = r.get("total") if r.get("kind") == "sum" else None
    parts = r.get("parts") if total is not None else None
    return Rel(
        r["id"],
        str(r.get("kind", "")),
        r.get("label"),
        _source_of(r.get("source")).get("text"),
        tuple(operands_of_data(r)),
        total if isinstance(total, str) else None,
        tuple(p for p in parts if isinstance(p, str)) if isinstance(parts, list) else (),
    )


def _from_data(data: Mapping[str, Any]) -> Document:
    """A document from its parsed JSON, already validated by the check."""
    figures = _ById(data.get("figures", ()), _data_figure)
    relations = _ById(data.get("relations", ()), _data_relation)
    cells = any(_source_of(f.get("source")).get("cell") for f in figures.raw())
    return Document("table" if cells else "ledger", figures, relations, data=data)


def _from_ledger(
    ledger: Ledger, kind: Literal["text", "table", "ledger"] | None = None, text: str | None = None
) -> Document:
    figures = {}
    for f in ledger.figures:
        s = f.source
        figures[f.id] = Fig(
            f.id,
            f.label,
            str(f.value),
            *((s.section, s.line, s.start, s.end, s.text, s.sheet, s.cell) if s else ()),
        )
    relations = {}
    for r in ledger.relations:
        total = getattr(r, "total", None) if r.kind == "sum" else None
        relations[r.id] = Rel(
            r.id,
            r.kind,
            r.label,
            r.source.text if r.source else None,
            tuple(r.operands()),
            total,
            tuple(getattr(r, "parts", ())) if total else (),
        )
    if kind is None:
        kind = "table" if any(f.cell for f in figures.values()) else "ledger"
    return Document(kind, figures, relations, text=text)


def document_of(source: object, *, format: str | None = None) -> Document:  # noqa: A002 - read()'s argument
    """Read what was checked again, as the page shows it.

    ``source`` is anything :func:`perfcheck.read` takes: the path, text or bytes of a
    report's text shows as text; a table file, or a document whose figures name their
    cells, as tables; anything else as a ledger.

    Raises:
        LedgerError: the source cannot be read (as :func:`perfcheck.read` says).

    >>> doc = document_of("tests/data/texts/pingjiang-canlian-2023-budget.txt")
    >>> doc.kind, len(doc.figures) > 10, doc.text is not None
    ('text', True, True)
    >>> document_of("examples/seed-with-mistakes.json").kind
    'ledger'
    """
    document = raw(source, format=format)
    if document is None:
        return _from_ledger(read(source, format=format))  # type: ignore[arg-type]
    if document.format == "text":
        text = document.data.decode("utf-8-sig")
        found = extract(text, name=document.name)
        doc = _from_ledger(found.ledger, "text", text)
        doc.unplaced = len(found.unplaced)
        return doc
    if document.format == "json" and document.line is None:
        return _from_data(orjson.loads(document.data))
    return _from_ledger(parse(document))


def broken_relations(result: Result) -> dict[str, list[Finding]]:
    """The relations a finding says are broken, with those findings.

    A relation is broken when an error names it, or a finding says it is broken (an
    inferred relation's break is a warning, PC903).
    """
    out: dict[str, list[Finding]] = defaultdict(list)
    for f in result.findings:
        if f.relation is not None and (f.severity is Severity.ERROR or f.verdict is Verdict.BROKEN):
            out[f.relation].append(f)
    return dict(out)


@dataclass(frozen=True, slots=True)
class Judged:
    """What a result says of the relations, as the marks of a view need it.

    Attributes:
        broken: the broken relations, with their findings (:func:`broken_relations`).
        holding: the relations some rule judged to hold and none found broken.
        subjects: the figures whose printed value a broken relation's finding judges.
    """

    broken: Mapping[str, list[Finding]]
    holding: frozenset[str]
    subjects: frozenset[str]


def judged(result: Result) -> Judged:
    """What ``result`` says of its relations (asks for its checks)."""
    broken = broken_relations(result)
    holding = frozenset(c.relation for c in result.checks if c.status == "holds" and c.relation not in broken)
    subjects = frozenset(f.subject for fs in broken.values() for f in fs if f.subject)
    return Judged(broken, holding, subjects)


def figure_states(doc: Document, seen: Judged) -> dict[str, State]:
    """What became of each figure of ``doc`` (:data:`STATES`)."""
    states: dict[str, State] = {}
    for fid in doc.figures:
        rels = doc.relations_of(fid)
        if any(r in seen.broken for r in rels):
            states[fid] = "broken"
        elif any(r in seen.holding for r in rels):
            states[fid] = "holds"
        else:
            states[fid] = "unjudged" if rels else "unused"
    return states


def anchor(prefix: str, ident: str) -> str:
    """An element id for a figure (``f``) or relation (``r``): ids may hold any character but a space.

    >>> anchor("f", "总 支出")
    'f-总_支出'
    """
    return f"{prefix}-" + re.sub(r"\s", "_", ident)


def _h(text: object) -> str:
    return html.escape(str(text), quote=True)


def _figure_mark(  # noqa: PLR0913 - the figure, what became of it, and where its links go
    fig: Fig, state: State, doc: Document, printed: str, t: Messages, *, seen: Judged
) -> str:
    rels = doc.relations_of(fig.id)
    # a figure of a broken relation links to its card, one of a holding relation to its row
    target = next((anchor("c", r) for r in rels if r in seen.broken), None) or next(
        (anchor("r", r) for r in rels if r in seen.holding), None
    )
    href = f' href="#{_h(target)}"' if target else ""
    subject = ' data-subject="true"' if fig.id in seen.subjects else ""
    cls = f"pc-fig pc-{state}" + (" pc-subject" if subject else "")
    tip = f"{fig.label or fig.id} · {t.word(STATE_WORDS[state])}"
    if rels:
        tip += " · " + ", ".join(rels)
    return (
        f'<a class="{cls}" id="{_h(anchor("f", fig.id))}" data-figure="{_h(fig.id)}"'
        f' data-state="{state}"{subject} data-relations="{_h(" ".join(rels))}"{href}'
        f' title="{_h(tip)}">{_h(printed)}</a>'
    )


def unreadable_spans(text: str, read_spans: Sequence[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Spans of ``text`` printed like a figure (digits before a unit) that overlap no figure read.

    >>> list(unreadable_spans("支出1,2,3.4.5万元，收入3.00万元", [(14, 18)]))
    [(2, 11)]
    """
    for m in _PRINTED_NUMBER.finditer(text):
        a, b = m.span()
        while b > a and text[b - 1] in ",.．":
            b -= 1
        if not any(s < b and a < e for s, e in read_spans):
            yield a, b


def text_span(fig: Fig, text: str, starts: Sequence[int]) -> tuple[int, int] | None:
    r"""Where ``fig`` is printed in ``text`` (``starts``: where each line starts).

    A figure read from the text has its offsets; a cell of a table printed as lines of
    ``|`` cells is found in its line (row = line, column = cell). None: not printed there.

    >>> text = "标题\n项目 | 上年 | 本年 |\n合计 | 60.00 | 50.00 |\n"
    >>> span = text_span(Fig("t1_C3", None, "50.00", cell="C3"), text, [0, 3, 18, 39])
    >>> span, text[span[0] : span[1]]
    ((31, 36), '50.00')
    """
    if fig.start is not None and fig.end is not None:
        return fig.start, fig.end
    if fig.cell is None:
        return None
    row, col = _cell_key(fig.cell)
    if not 1 <= row <= len(starts):
        return None
    begin = starts[row - 1]
    end = starts[row] - 1 if row < len(starts) else len(text)
    cells = text[begin:end].split("|")
    if col >= len(cells):
        return None
    at = begin + sum(len(c) + 1 for c in cells[:col])
    found = cells[col].find(fig.text or fig.value)
    if found < 0:
        return None
    return at + found, at + found + len(fig.text or fig.value)


def text_view(doc: Document, result: Result, locale: str) -> str:
    """The report's text with every figure read, and every number not read, marked."""
    assert doc.text is not None  # noqa: S101 - a text document holds its text
    t = Messages(locale)
    text = doc.text
    seen = judged(result)
    states = figure_states(doc, seen)
    starts = [0, *(i + 1 for i, ch in enumerate(text) if ch == "\n")]
    placed = sorted(
        (span, f) for f in doc.figures.values() if (span := text_span(f, text, starts)) is not None
    )
    marks: list[tuple[int, int, str]] = []
    last = 0
    for (start, end), fig in placed:
        if start < last:
            continue  # two figures over one span: the first is marked
        marks.append(
            (
                start,
                end,
                _figure_mark(fig, states[fig.id], doc, text[start:end], t, seen=seen),
            )
        )
        last = end
    spans = [(a, b) for a, b, _ in marks]
    word = t.word(STATE_WORDS["unreadable"])
    marks.extend(
        (
            a,
            b,
            (
                f'<span class="pc-fig pc-unreadable" data-state="unreadable" title="{_h(word)}">'
                f"{_h(text[a:b])}</span>"
            ),
        )
        for a, b in unreadable_spans(text, spans)
    )
    marks.sort()
    out: list[str] = []
    pos = 0
    for a, b, mark in marks:
        out += [_h(text[pos:a]), mark]
        pos = b
    out.append(_h(text[pos:]))
    return '<div class="pc-text" lang="zh-CN">' + "".join(out) + "</div>"


def legend(locale: str, states: Iterable[State] = STATES) -> str:
    """The key to the marks of the text view."""
    t = Messages(locale)
    items = "".join(
        f'<li><span class="pc-fig pc-{s}">1.23</span> {_h(t.word(STATE_WORDS[s]))}</li>' for s in states
    )
    subject = t.word(N_("the printed value a broken relation judges"))
    items += f'<li><span class="pc-fig pc-broken pc-subject">1.23</span> {_h(subject)}</li>'
    return f'<ul class="pc-legend">{items}</ul>'


def _cell_key(cell: str) -> tuple[int, int]:
    m = _CELL.match(cell)
    if m is None:  # pragma: no cover - a cell is validated in A1 notation
        return 0, 0
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)), col - 1


def table_view(doc: Document, result: Result, locale: str) -> str:
    """Each sheet's figures in their cells, rows and columns named from the labels, broken cells marked."""
    t = Messages(locale)
    seen = judged(result)
    states = figure_states(doc, seen)
    sheets: dict[str | None, dict[tuple[int, int], Fig]] = defaultdict(dict)
    for fig in doc.figures.values():
        if fig.cell:
            sheets[fig.sheet][_cell_key(fig.cell)] = fig
    parts = []
    for sheet, cells in sheets.items():
        rows = sorted({r for r, _ in cells})
        cols = sorted({c for _, c in cells})
        if len(rows) * len(cols) > TABLE_LIMIT:
            rows = sorted({r for (r, c), f in cells.items() if states[f.id] == "broken"})
        names: dict[int, str] = {}
        for (_, c), fig in cells.items():
            label = fig.label or ""
            names.setdefault(c, label.rsplit(" / ", 1)[-1] if " / " in label else column_ref(c))
        head = "".join(f"<th>{_h(names[c])}</th>" for c in cols)
        body = []
        for r in rows:
            row_label = next(
                ((cells[r, c].label or "").rsplit(" / ", 1)[0] for c in cols if (r, c) in cells), ""
            )
            tds = []
            for c in cols:
                held = cells.get((r, c))
                if held is None:
                    tds.append("<td></td>")
                    continue
                fig, state = held, states[held.id]
                tds.append(
                    f'<td class="pc-cell pc-cell-{state}">'
                    f"{_figure_mark(fig, state, doc, fig.value, t, seen=seen)}</td>"
                )
            body.append(
                f'<tr><th scope="row">{r}</th><th scope="row">{_h(row_label)}</th>{"".join(tds)}</tr>'
            )
        caption = f"<caption>{_h(sheet)}</caption>" if sheet else ""
        parts.append(
            f'<div class="pc-scroll"><table class="pc-grid">{caption}<thead><tr><th></th><th></th>{head}'
            f"</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
        )
    return "".join(parts)


Sum = tuple[str, str, tuple[str, ...]]


@dataclass
class _Tree:
    doc: Document
    broken: set[str]
    sums_of: dict[str, list[Sum]]
    t: Messages
    whole: bool
    #: figures at or above a broken sum: the branches drawn open (and all a large ledger draws)
    leads: set[str] = field(default_factory=set)

    def figure(self, fid: str) -> str:
        fig = self.doc.figures.get(fid)
        label = (fig.label if fig else None) or fid
        value = fig.value if fig else ""
        return (
            f'<span class="pc-node-label">{_h(label)}</span> <span class="pc-node-value">{_h(value)}</span>'
        )

    def node(self, fid: str, path: frozenset[str]) -> str:
        sums = self.sums_of.get(fid, [])
        if not sums or fid in path:
            return f'<li class="pc-leaf" data-figure="{_h(fid)}">{self.figure(fid)}</li>'
        out = []
        below = path | {fid}
        for rid, _, parts in sums:
            broken = rid in self.broken
            mark = (
                f' <a class="pc-badge pc-broken-badge" href="#{_h(anchor("c", rid))}">✗</a>' if broken else ""
            )
            opened = " open" if broken or any(p in self.leads for p in parts) else ""
            kids = parts if self.whole or broken else tuple(p for p in parts if p in self.leads)
            inner = "".join(self.node(p, below) for p in kids)
            if len(parts) > len(kids):
                note = self.t(N_("{n} holding parts not shown"), n=len(parts) - len(kids))
                inner += f'<li class="pc-more">{_h(note)}</li>'
            cls = "pc-node pc-node-broken" if broken else "pc-node"
            out.append(
                f'<li class="{cls}" data-relation="{_h(rid)}" data-figure="{_h(fid)}"><details{opened}>'
                f"<summary>{self.figure(fid)}{mark} <code>{_h(rid)}</code></summary>"
                f"<ul>{inner}</ul></details></li>"
            )
        return "".join(out)


def _leads(above: Mapping[str, list[str]], sums: list[Sum], broken: set[str]) -> set[str]:
    """The totals of broken sums and every total above them (``above``: a total's totals)."""
    todo = [total for rid, total, _ in sums if rid in broken]
    found: set[str] = set()
    while todo:
        fid = todo.pop()
        if fid not in found:
            found.add(fid)
            todo.extend(above.get(fid, ()))
    return found


def tree_view(doc: Document, result: Result, locale: str) -> str:
    """The sum hierarchy: each total over its parts, broken totals marked and open.

    A ledger of more than :data:`TREE_LIMIT` sums shows only the branches that lead
    to a broken sum, and says how many it leaves out.
    """
    t = Messages(locale)
    sums = doc.sums()
    if not sums:
        none = t.word(N_("The document has no sums to draw as a tree."))
        return f'<p class="pc-muted">{_h(none)}</p>'
    sums_of: dict[str, list[Sum]] = defaultdict(list)
    for rel in sums:
        sums_of[rel[1]].append(rel)
    above: dict[str, list[str]] = defaultdict(list)  # a total that is a part of other sums: their totals
    for _, total, parts in sums:
        for part in filter(sums_of.__contains__, parts):  # the loop in C: a million parts in a large ledger
            above[part].append(total)
    roots = [total for total in sums_of if total not in above]
    if not roots:  # every total is a part of another: the cycle is drawn from the first total
        roots = [next(iter(sums_of))]
    broken = set(broken_relations(result))
    tree = _Tree(doc, broken, sums_of, t, whole=len(sums) <= TREE_LIMIT, leads=_leads(above, sums, broken))
    shown_roots = roots if tree.whole else [r for r in roots if r in tree.leads]
    body = "".join(tree.node(r, frozenset()) for r in shown_roots)
    note = ""
    if not tree.whole:
        note = _h(t(N_("{n} sums; only the branches that lead to a broken sum are drawn."), n=len(sums)))
        note = f'<p class="pc-muted">{note}</p>'
    return f'{note}<ul class="pc-tree">{body}</ul>'


def view(doc: Document, result: Result, locale: str) -> str:
    """The view of ``doc`` that its kind calls for."""
    if doc.kind == "text":
        return legend(locale) + text_view(doc, result, locale)
    if doc.kind == "table":
        return legend(locale, ("broken", "holds", "unjudged", "unused")) + table_view(doc, result, locale)
    return tree_view(doc, result, locale)
