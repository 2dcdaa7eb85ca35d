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
from collections.abc import Collection
from pathlib import Path
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
#: File name endings read when a folder is checked; any other named file is read as JSON.
SUFFIXES: Final = tuple(
    s for s, kind in BY_SUFFIX.items() if kind not in ("text", "xbrl") and kind not in TABLES
)
#: Configuration files a folder may hold; they are never read as documents.
CONFIG_NAMES: Final = frozenset({"pyproject.toml", "perfcheck.toml"})


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


def discover(root: Path, *, exclude: Collection[Path] = ()) -> list[Path]:
    """The document files under a folder, sorted; hidden entries and configuration files are skipped.

    Here, with the endings, rather than beside the readers: checking a folder of JSON
    documents loads no YAML, text or table reader.
    """
    excluded = {p.resolve() for p in exclude}
    found: list[Path] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.startswith(".") or name in CONFIG_NAMES or not name.lower().endswith(SUFFIXES):
                continue
            file = Path(folder, name)
            if not excluded or file.resolve() not in excluded:  # resolved only to compare: once a file
                found.append(file)
    return sorted(found)
