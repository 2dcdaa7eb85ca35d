"""Tables to ledgers: DataFrames, CSV, xlsx, HTML and PDF (docs/tables.md).

A PDF's prose and tables are put together by :mod:`perfcheck._read.report`.

Each reader builds a :class:`~perfcheck._read.tables.table.Table` and hands it to
:func:`~perfcheck._read.tables.table.tables_ledger`, which makes one figure per printed
number and infers the relations the table states.
"""

from perfcheck._read.tables.files import read_csv, read_html, read_xlsx
from perfcheck._read.tables.frame import from_frame

__all__ = ["from_frame", "read_csv", "read_html", "read_xlsx"]
