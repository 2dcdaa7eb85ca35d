"""Tables to ledgers: DataFrames, CSV, xlsx, HTML and PDF (docs/tables.md).

Each reader builds a :class:`~perfcheck._read.tables.table.Table` and hands it to
:func:`~perfcheck._read.tables.table.tables_ledger`, which makes one figure per printed
number and infers the relations the table states.
"""

from perfcheck._read.tables.files import read_csv, read_html, read_xlsx
from perfcheck._read.tables.frame import from_frame
from perfcheck._read.tables.pdf import read_pdf

__all__ = ["from_frame", "read_csv", "read_html", "read_pdf", "read_xlsx"]
