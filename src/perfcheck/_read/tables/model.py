"""A printed table as columns of cells, and what the caller says about it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a table.

    Attributes:
        name: its header, as printed (merged header cells joined with ``/``).
        values: its cells, top to bottom: text as printed, a number
            (``Decimal``, ``int``, ``float``) or None.
        decimals: per cell, the decimals a spreadsheet's number format prints, or None.
        letter: the spreadsheet column letter, for A1 references.
        indents: per cell, how far a spreadsheet indents it (the cell's indent level), or None.
    """

    name: str
    values: Sequence[object]
    decimals: Sequence[int | None] | None = None
    letter: str | None = None
    indents: Sequence[int] | None = None


@dataclass(frozen=True, slots=True)
class Table:
    """A table as printed.

    Attributes:
        columns: its columns, left to right, all of one length.
        rows: per cell row, the spreadsheet row number (for A1 references), or None.
        sheet: the sheet or table name figures are located in.
        prefix: what each figure and relation id starts with (one per table of a file).
        name: the file or object name errors start with.
        unit: the unit of amounts the table prints (``单位：万元``), if it says.
        title: the table's own title as printed above it (``收入支出决算总表``), if any.
        first_column: how many columns of the printed table lie left of this one's
            first (the right-hand side of a table printed in two halves).
        places: per cell row, the sheet and id prefix of the piece of the table it
            was printed in, when the table is printed in pieces (a PDF's table
            continued on the next page: ``("page 3 table 1", "p3t1_")``); its row
            number in ``rows`` then counts from that piece's first row. None: every
            row is in ``sheet``, its ids start with ``prefix``.
    """

    columns: Sequence[Column]
    rows: Sequence[int] | None = None
    sheet: str | None = None
    prefix: str = ""
    name: str = "<table>"
    unit: str | None = None
    title: str | None = None
    first_column: int = 0
    places: Sequence[tuple[str, str]] | None = None

    def sheet_of(self, row: int) -> str | None:
        """The sheet (or page and table) row ``row`` was printed in."""
        return self.sheet if self.places is None else self.places[row][0]

    def prefix_of(self, row: int) -> str:
        """What the ids of row ``row``'s figures and relations start with."""
        return self.prefix if self.places is None else self.places[row][1]


@dataclass(frozen=True, slots=True)
class Options:
    """What the caller says about a table (see :func:`perfcheck.from_frame`)."""

    label: str | None = None
    code: str | None = None
    columns: Sequence[str] | None = None
    unit: str | None = None
    decimals: int | Mapping[str, int] | None = None
    formulas: Mapping[str, str] = field(default_factory=dict)
    infer: bool = True
    parent: str | None = None
