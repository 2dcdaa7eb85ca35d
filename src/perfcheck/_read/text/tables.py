"""Tables printed in a report's text as lines of cells between ``|`` (pages flatten tables so).

``合计 | 2911.47 | 2706.86 | -204.61 | -7.03% |``: a run of such lines, with a header row
of column names and rows of a label and numbers, is read by the table reader
(:mod:`perfcheck._read.tables`) — rows sum to 合计/小计 rows, subject codes sum up their
hierarchy, and 增减额/增减率/完成率 columns are checked — and its lines are left out of
the sentences the text reader reads, so no number is read twice. A run the table reader
cannot read (no unit anywhere, no numbers) is left to the text reader as before. The
layout was flattened, so every relation read from it is inferred: a break is a warning
to check by hand (PC903), never an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from perfcheck._core.errors import LedgerError
from perfcheck._read.tables.cells import number_like
from perfcheck._read.tables.files import read_grid

#: The fewest lines a table needs: a header and two rows.
_MIN_LINES: Final = 3


@dataclass(frozen=True, slots=True)
class TextTable:
    """A table found in the text: where its lines are, and the document the table reader made of it.

    Attributes:
        start: offset of its first line.
        end: offset just past its last line.
        figures: the figures (JSON-ready), each with its unit and its cell (row = line).
        relations: the relations the table states (JSON-ready).
    """

    start: int
    end: int
    figures: list[dict[str, Any]]
    relations: list[dict[str, Any]]


def _cells(line: str) -> list[object]:
    cells: list[object] = [c.strip() for c in line.split("|")]
    while cells and not cells[-1]:
        cells.pop()
    return cells


def _runs(text: str) -> list[tuple[int, int, int, list[list[object]]]]:
    """Runs of lines of two or more ``|``: (first line number, start, end, their cells)."""
    runs: list[tuple[int, int, int, list[list[object]]]] = []
    offset = 0
    current: list[tuple[int, int, int, list[object]]] = []
    for number, line in enumerate([*text.split("\n"), ""], start=1):
        if line.count("|") >= 2 and _cells(line):
            current.append((number, offset, offset + len(line), _cells(line)))
        else:
            if len(current) >= _MIN_LINES:
                runs.append((current[0][0], current[0][1], current[-1][2], [c for *_, c in current]))
            current = []
        offset += len(line) + 1
    return runs


def text_tables(text: str, *, name: str) -> list[TextTable]:
    """The tables the text prints as lines of ``|``-separated cells; runs that are no table are left out."""
    found: list[TextTable] = []
    for n, (first, start, end, grid) in enumerate(_runs(text), start=1):
        if sum(number_like(c) for row in grid for c in row) < 2:
            continue
        try:
            ledger = read_grid(grid, name=name, sheet=f"table {n}", prefix=f"t{n}_", first_row=first)
        except LedgerError:
            continue
        if not ledger.relations:
            continue
        data = ledger.to_dict()
        figures = [{**f, "unit": f.get("unit") or ledger.unit} for f in data.get("figures", [])]
        # the table's layout was flattened into text: its relations are read from a layout
        # perfcheck had to guess, so a break is one to check by hand (PC903)
        relations = [{**r, "basis": "inferred"} for r in data.get("relations", [])]
        found.append(TextTable(start, end, figures, relations))
    return found


def masked(text: str, tables: list[TextTable]) -> str:
    """``text`` with the tables' lines blanked (offsets kept), for the sentence reader."""
    chars = list(text)
    for table in tables:
        for i in range(table.start, table.end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)
