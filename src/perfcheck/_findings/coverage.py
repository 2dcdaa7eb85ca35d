"""How much of a document a check read: a pass says how much it covered.

A result with no error says nothing wrong was *found*; how much was looked at is
:class:`Coverage`: the figures read, how many of them some relation uses, the
relations built (and how many a reader inferred rather than read as stated), how
many some rule judged and how many could not be judged, and the parts of the source
a reader could not read (a table printed in the text whose layout it did not know):
their figures are counted as read, but nothing checks them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final

from pydantic import BaseModel, ConfigDict

from perfcheck._core.formula import FormulaError, parse_formula
from perfcheck._findings.counts import alone, is_count, not_checkable, plain_coverage
from perfcheck._findings.finding import Finding
from perfcheck._findings.plain import PlainFinding
from perfcheck._ledger.figures import Figure
from perfcheck._ledger.model import NotRead

#: Keys of a relation that are not figure ids.
_NOT_OPERANDS: Final = frozenset(
    {
        "id",
        "kind",
        "label",
        "source",
        "basis",
        "direction",
        "op",
        "weights",
        "exhaustive",
        "expr",
        "tolerance",
    }
)


class Coverage(BaseModel):
    r"""How much of a document a check read.

    Attributes:
        figures: the figures the document holds (for report text: the figures read).
        in_relations: how many of them at least one relation uses; the others were
            read but checked against nothing.
        relations: the relations built.
        inferred: how many of those a reader inferred rather than found stated
            (``basis: inferred``; their breaks are warnings, rule PC903).
        not_checkable: relations that cannot be judged: a change printed with its amount
            or its rate alone, against a prior not printed; a ratio of an amount to a
            denominator not printed (完成年度预算的95% with the budget printed nowhere; a
            count's ratio is still judged, its target must be a whole number); and the
            findings that a relation could not be judged (a divisor that may be zero,
            incompatible units).
        not_read: the parts of the source the reader could not read (the document's
            ``not_read``: each a table or a row, its lines and why); their figures are
            counted in ``figures``, and in no relation. Shown only when there are some.

    >>> import perfcheck
    >>> perfcheck.check("examples/seed-ziyang-fulian-2021.json").coverage
    Coverage(figures=63, in_relations=50, relations=27, inferred=0, not_checkable=0)
    >>> rows = ["单位:万元 | ||", "项目 | 预算数 | 决算数 | |", "甲 | 1.00 | 2.00 | |", "乙 | 3.00 |"]
    >>> text = "\n".join([*rows, "合计 | 5.00 | 2.00 | |"])
    >>> [part.describe() for part in perfcheck.check(text).coverage.not_read]
    ["row, line 4: 2 cells under the table's 3 columns, its blank cells dropped: not placed"]
    """

    model_config = ConfigDict(frozen=True)

    figures: int
    in_relations: int
    relations: int
    inferred: int
    not_checkable: int
    not_read: tuple[NotRead, ...] = ()

    @property
    def not_read_lines(self) -> int:
        """How many lines of the source the parts not read cover.

        >>> parts = (NotRead(line=4, last=6, why="no unit"), NotRead(kind="row", line=9, why="4 cells"))
        >>> counts = {"figures": 2, "in_relations": 0, "relations": 0, "inferred": 0, "not_checkable": 0}
        >>> Coverage(**counts, not_read=parts).not_read_lines
        4
        """
        return sum(part.lines for part in self.not_read)

    def __repr_args__(self) -> Iterable[tuple[str | None, Any]]:
        """The counts, and the parts not read only when there are some (a pass over a ledger has none)."""
        return ((k, v) for k, v in super().__repr_args__() if k != "not_read" or v)


def _targetless(relations: list[Any]) -> set[str]:
    """The numerators of the ratios (models) whose denominator is not printed."""
    return {r.numerator for r in relations if r.kind == "ratio" and r.denominator is None}


def _counts(figures: Iterable[tuple[object, object]], numerators: set[Any], unit: object) -> frozenset[str]:
    """Which of ``numerators`` are figures in a count unit: only their units are looked up."""
    return frozenset(str(fid) for fid, own in figures if fid in numerators and is_count(own or unit))


def coverage_of_ledger(
    figures: Iterable[Figure],
    relations: Iterable[Any],
    findings: Iterable[Finding],
    not_read: Iterable[NotRead] = (),
    unit: str | None = None,
) -> Coverage:
    """The coverage of a validated ledger's figures and relations (models with ``operands()``).

    ``not_read`` are the ledger's parts not read; ``unit`` is the document's unit.
    """
    figs = list(figures)
    ids = {f.id for f in figs}
    rels = list(relations)
    counts = _counts(((f.id, f.unit) for f in figs), _targetless(rels), unit)
    used = {o for r in rels for o in r.operands()}
    keys = ("prior", "delta", "percent", "numerator", "denominator")
    return Coverage(
        figures=len(figs),
        in_relations=len(used & ids),
        relations=len(rels),
        inferred=sum(r.basis == "inferred" for r in rels),
        not_checkable=not_checkable(findings)
        + sum(alone({"kind": r.kind, **{k: getattr(r, k, None) for k in keys}}, counts) for r in rels),
        not_read=tuple(not_read),
    )


def operands_of_data(relation: Mapping[str, Any]) -> list[str]:
    """The ids of the figures a relation given as parsed JSON names, in the order it names them.

    >>> operands_of_data({"id": "r", "kind": "sum", "total": "t", "parts": ["a", "b"]})
    ['t', 'a', 'b']
    >>> operands_of_data({"id": "f", "kind": "formula", "expr": "x == y + 2"})
    ['x', 'y']
    """
    used: list[str] = []
    for key, value in relation.items():
        if key == "expr" and isinstance(value, str):
            try:
                used.extend(parse_formula(value).names)
            except FormulaError:
                continue  # a formula that does not parse uses no figure
        elif key not in _NOT_OPERANDS:
            used.extend(v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str))
    return used


def coverage_of_data(document: Mapping[str, Any], findings: Iterable[Finding]) -> Coverage:
    """The coverage of a document given as parsed JSON (the fast path keeps no models)."""
    ids = {
        f["id"] for f in document.get("figures", ()) if isinstance(f, dict) and isinstance(f.get("id"), str)
    }
    rels = [r for r in document.get("relations", ()) if isinstance(r, dict)]
    unit = document.get("unit")
    counts = _counts(
        ((f["id"], f.get("unit")) for f in document.get("figures", ()) if isinstance(f, dict)),
        {r.get("numerator") for r in rels if r.get("kind") == "ratio" and r.get("denominator") is None},
        unit,
    )
    used: set[str] = set()
    for rel in rels:
        used.update(operands_of_data(rel))
    return Coverage(
        figures=len(ids),
        in_relations=len(used & ids),
        relations=len(rels),
        inferred=sum(r.get("basis") == "inferred" for r in rels),
        not_checkable=not_checkable(findings) + sum(alone(r, counts) for r in rels),
        not_read=tuple(NotRead.model_validate(part) for part in document.get("not_read", ())),
    )


def coverage_of_counts(
    counts: tuple[int, int, int, int, int], findings: Iterable[Finding | PlainFinding]
) -> Coverage:
    """The coverage of a document whose figures and relations were counted as it was read (the fast path).

    ``counts``: its figures, those in relations, relations, inferred and idle ones (holding
    nothing to judge: :func:`~perfcheck._findings.counts.alone`). The model of
    :func:`~perfcheck._findings.counts.plain_coverage`, built without validation (the counts
    are the screen's own integers): a batch of small reports builds one a report.
    """
    return Coverage.model_construct(**plain_coverage(*counts, findings)._asdict())
