"""The one place that decides what format an input is written in.

A file's format is told by its ending; text given as data by its first character; a
``format=`` argument overrides both. Every reader (:func:`perfcheck.read`, the batch
and the command line through it, and :func:`perfcheck._read.formats.read_documents`)
asks here.

>>> format_of_path("report.txt"), format_of_path("a.YML"), format_of_path("data.unknown")
('text', 'yaml', 'json')
>>> format_of_text('  {"perfcheck": "1"}'), format_of_text("总支出134.56万元。")
('json', 'text')
"""

from __future__ import annotations

import os
from typing import Final, Literal, get_args

#: The formats an input can be read as: ledger documents, a report's text, and tables.
Format = Literal["json", "jsonl", "toml", "yaml", "text", "csv", "xlsx", "html", "pdf", "xbrl"]
#: Their names, in the order the documentation lists them.
FORMATS: Final[tuple[Format, ...]] = get_args(Format)

#: A file's ending and the format it is read as; any other ending is read as JSON.
BY_SUFFIX: Final[dict[str, Format]] = {
    ".json": "json",
    ".jsonl": "jsonl",
    ".toml": "toml",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".txt": "text",
    ".csv": "csv",
    ".xlsx": "xlsx",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".xbrl": "xbrl",
}

#: Formats that are tables (docs/tables.md), read cell by cell with relations inferred.
TABLES: Final[frozenset[Format]] = frozenset({"csv", "xlsx", "html", "pdf"})

#: Formats whose file may hold several documents.
MULTI_DOCUMENT: Final[frozenset[Format]] = frozenset({"jsonl", "yaml"})


def checked_format(format: str | None) -> Format | None:  # noqa: A002 - the public argument's name
    """``format`` itself, refused when it names no format.

    Raises:
        ValueError: an unknown format name.
    """
    if format is None:
        return None
    for known in FORMATS:
        if format == known:
            return known
    msg = f"unknown format {format!r}; formats are {', '.join(FORMATS)}"
    raise ValueError(msg)


def format_of_path(path: str | os.PathLike[str]) -> Format:
    """The format a file is read as, told by its ending (JSON when the ending is unknown)."""
    _, suffix = os.path.splitext(os.fspath(path))  # noqa: PTH122 - str and path-like alike
    return BY_SUFFIX.get(suffix.lower(), "json")


def format_of_text(text: str) -> Format:
    """The format of a document given as text: JSON when it opens with ``{`` or ``[``, else report text."""
    return "json" if text.lstrip("\ufeff \t\r\n").startswith(("{", "[")) else "text"


def is_content(text: str) -> bool:
    """Whether a ``str`` is a document itself rather than a path: it spans lines or opens like JSON."""
    return "\n" in text or "\r" in text or text.lstrip("\ufeff \t").startswith(("{", "["))
