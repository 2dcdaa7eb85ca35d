"""Read ledger documents from files, folders and standard input: JSON, JSON Lines, TOML and YAML.

Every reader ends in :func:`perfcheck._ledger.document.validate`, so a document read from any
format is checked the same way and its problems name the place they were found:
``file``, or ``file:line`` for one line of a JSON Lines file. Numbers keep the
text they were written as (:class:`~decimal.Decimal`, never float), because the
printed precision of a figure is data.

A named ``.txt`` file is the plain text of a report: it is read through
:func:`perfcheck.extract.extract` (never when a folder is searched, where a ``.txt``
file may be anything).

A document that cannot be used does not stop the others: :func:`read_documents`
yields it as a :class:`~perfcheck.LedgerError` in its place.

>>> [(e.name, type(e.document).__name__) for e in read_documents("examples/seed-ziyang-fulian-2021.json")]
[('examples/seed-ziyang-fulian-2021.json', 'Ledger')]
"""

from __future__ import annotations

import os
import re
import sys
import tomllib
from collections.abc import Callable, Collection, Hashable, Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, BinaryIO, Final, NamedTuple

import yaml

from perfcheck._core.errors import LedgerError, Problem
from perfcheck._core.limits import DEFAULT_LIMITS, Limits
from perfcheck._ledger.document import Ledger, loads, parse_json, validate
from perfcheck._read.kinds import SUFFIXES, TABLES, Format, discover, format_of_path
from perfcheck._read.report import read_pdf
from perfcheck._read.tables import read_csv, read_html, read_xlsx
from perfcheck._read.text.extract import extract
from perfcheck._read.xbrl import read_xbrl

#: How each table format is read (docs/tables.md); their extras are loaded when one is read.
_TABLE_READERS: Final[dict[str, Callable[..., Ledger]]] = {
    "csv": read_csv,
    "xlsx": read_xlsx,
    "html": read_html,
    "pdf": read_pdf,
}
#: The name documents read from standard input are reported under.
STDIN_NAME: Final = "<stdin>"

_TOML_WHERE: Final = re.compile(r"^(?P<what>.*) \(at line (?P<line>\d+), column (?P<col>\d+)\)$")


class Entry(NamedTuple):
    """One document read, or the reason it could not be.

    Attributes:
        name: how the document is named in messages: the path, ``path:line`` for a
            document of a JSON Lines file or of a YAML stream of several documents,
            or ``<stdin>``.
        path: the file it came from (``-`` for standard input).
        line: the line of the file the document starts on, for JSON Lines and YAML
            streams; None when the file holds one document.
        document: the validated ledger, or the error that says why there is none.
    """

    name: str
    path: str
    line: int | None
    document: Ledger | LedgerError


def _error(message: str, line: int | None = None) -> LedgerError:
    return LedgerError(message, [Problem((), message, line=line)])


def read_documents(
    path: str | os.PathLike[str],
    *,
    stdin: BinaryIO | None = None,
    exclude: Collection[Path] = (),
) -> Iterator[Entry]:
    """Read every ledger document at ``path``: a file, a folder, or ``-`` for standard input (JSON).

    A folder is searched recursively for files ending in one of :data:`SUFFIXES`,
    in sorted order, skipping hidden files and folders, configuration files
    (:data:`CONFIG_NAMES`) and the resolved paths in ``exclude``. A named file is
    read by its ending: ``.jsonl`` as JSON Lines (one document a line), ``.toml``
    as TOML, ``.yaml``/``.yml`` as YAML (several documents if the stream has
    several), ``.txt`` as the plain text of a report (extracted), anything else as JSON.

    Nothing is raised for bad input: a file that cannot be read, a folder without
    documents, or a document that is not valid is yielded as an :class:`Entry`
    whose ``document`` is a :class:`~perfcheck.LedgerError` naming the place.
    """
    if os.fspath(path) == "-":
        raw = (stdin if stdin is not None else sys.stdin.buffer).read()
        yield _entry(
            STDIN_NAME, "-", None, lambda: parse_json(raw, name=STDIN_NAME), DEFAULT_LIMITS, blanks=None
        )
        return
    root = Path(path)
    if root.is_dir():
        files = discover(root, exclude=exclude)
        if not files:
            kinds = ", ".join(f"*{s}" for s in SUFFIXES)
            yield Entry(str(root), str(root), None, _error(f"{root}: no ledger documents ({kinds}) found"))
        for file in files:
            yield from read_file(file)
        return
    yield from read_file(root)


def read_file(
    path: Path,
    *,
    limits: Limits = DEFAULT_LIMITS,
    format: Format | None = None,  # noqa: A002 - the public argument's name
) -> Iterator[Entry]:
    """Read the documents of one file, in ``format`` or the one its ending tells (:mod:`.kinds`).

    A ``.txt`` file is a report's plain text: its ledger is extracted.
    """
    name = str(path)
    kind = format or format_of_path(path)
    limit = limits.max_bytes
    try:
        # A JSON Lines file is a batch: the size limit applies to each of its lines.
        if kind != "jsonl" and (size := path.stat().st_size) > limit:
            msg = f"{name}: {size} bytes, more than the limit of {limit} (Limits.max_bytes)"
            yield Entry(name, name, None, _error(msg))
            return
        raw = path.read_bytes()
    except OSError as exc:
        yield Entry(name, name, None, _error(f"{name}: cannot read: {exc.strerror or exc}"))
        return
    yield from parse_entries(name, raw, kind, limits=limits)


def parse_entries(
    name: str, raw: bytes, kind: Format, *, limits: Limits = DEFAULT_LIMITS, blanks: str | None = None
) -> Iterator[Entry]:
    """The documents of ``raw``, read as ``kind``, named ``name`` (``name:line`` for one of several).

    ``blanks`` is how a ledger document's blank values are read (:func:`perfcheck.validate`).
    """
    if kind == "jsonl":
        yield from _json_lines(name, raw, limits, blanks)
    elif kind == "toml":
        yield _entry(name, name, None, lambda: _parse_toml(raw, name), limits, blanks=blanks)
    elif kind == "yaml":
        yield from _yaml_documents(name, raw, limits, blanks)
    elif kind == "text":
        yield _extracted(name, raw, limits)
    elif kind in TABLES:
        try:
            yield Entry(name, name, None, _TABLE_READERS[kind](raw, name=name, limits=limits))
        except LedgerError as exc:
            yield Entry(name, name, None, exc)
    elif kind == "xbrl":
        # Arelle reads the file itself, with the schema and linkbases it names beside it.
        try:
            yield Entry(name, name, None, read_xbrl(name, limits=limits))
        except LedgerError as exc:
            yield Entry(name, name, None, exc)
    else:
        try:
            yield Entry(name, name, None, loads(raw, name=name, limits=limits, blanks=blanks))
        except LedgerError as exc:
            yield Entry(name, name, None, exc)


def json_line(
    text: bytes, path: str, line: int, *, limits: Limits = DEFAULT_LIMITS, blanks: str | None = None
) -> Ledger:
    """The document on one line of a JSON Lines file, named ``path:line``.

    Raises:
        LedgerError: the line is not a valid document; the message names ``path:line``.
    """
    try:
        data = parse_json(text, name=path, limits=limits)
    except LedgerError as exc:
        raise _relocate(exc, path, line) from None
    return validate(data, name=f"{path}:{line}", limits=limits, blanks=blanks)


def _extracted(name: str, raw: bytes, limits: Limits) -> Entry:
    """The ledger extracted from the plain text of a report."""
    if len(raw) > limits.max_bytes:
        msg = f"{name}: {len(raw)} bytes, more than the limit of {limits.max_bytes} (Limits.max_bytes)"
        return Entry(name, name, None, _error(msg))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Entry(name, name, None, _error(f"{name}: not UTF-8 text (byte {exc.start}: {exc.reason})"))
    try:
        ledger = extract(text, name=name).ledger
    except LedgerError as exc:
        return Entry(name, name, None, exc)
    if not ledger.figures:
        # a text with nothing read is not a report that passed
        msg = f"{name}: nothing to check: no figures were read from the text"
        return Entry(name, name, None, _error(msg))
    return Entry(name, name, None, ledger)


def _entry(  # noqa: PLR0913 - the entry's place, its parser and the reading options
    name: str, path: str, line: int | None, parse: Callable[[], Any], limits: Limits, *, blanks: str | None
) -> Entry:
    try:
        data = parse()
    except LedgerError as exc:
        return Entry(name, path, line, exc)
    return _validated(name, path, line, data, limits, blanks=blanks)


def _validated(  # noqa: PLR0913 - the entry's place, its data and the reading options
    name: str, path: str, line: int | None, data: object, limits: Limits, *, blanks: str | None
) -> Entry:
    try:
        return Entry(name, path, line, validate(data, name=name, limits=limits, blanks=blanks))
    except LedgerError as exc:
        return Entry(name, path, line, exc)


# ---------------------------------------------------------------------------
# JSON Lines


def _json_lines(path: str, raw: bytes, limits: Limits, blanks: str | None) -> Iterator[Entry]:
    any_line = False
    for number, text in enumerate(raw.split(b"\n"), start=1):
        if not text.strip():
            continue
        any_line = True
        name = f"{path}:{number}"
        try:
            data = parse_json(text, name=path, limits=limits)
        except LedgerError as exc:
            yield Entry(name, path, number, _relocate(exc, path, number))
            continue
        yield _validated(name, path, number, data, limits, blanks=blanks)
    if not any_line:
        yield Entry(path, path, None, _error(f"{path}: empty document (no JSON Lines)"))


def _relocate(exc: LedgerError, path: str, line: int) -> LedgerError:
    """The error of parsing one line alone, told at that line of the file."""
    message = str(exc)
    if message.startswith(f"{path}:1:"):  # path:1:column: ... from the JSON decoder
        message = f"{path}:{line}:" + message.removeprefix(f"{path}:1:")
    elif message.startswith(f"{path}: "):
        message = f"{path}:{line}: " + message.removeprefix(f"{path}: ")
    return _error(message, line)


# ---------------------------------------------------------------------------
# TOML


def _toml_float(text: str) -> Decimal:
    number = Decimal(text)  # the exact text; TOML's underscores are allowed by Decimal too
    if not number.is_finite():
        msg = f"{text} is not a number a report can print"
        raise ValueError(msg)
    return number


def _parse_toml(raw: bytes, name: str) -> dict[str, Any]:
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        msg = f"{name}: not UTF-8 text (byte {exc.start}: {exc.reason})"
        raise _error(msg) from None
    try:
        return tomllib.loads(text, parse_float=_toml_float)
    except tomllib.TOMLDecodeError as exc:
        where = _TOML_WHERE.match(str(exc))
        if where:
            line = int(where["line"])
            msg = f"{name}:{line}:{where['col']}: invalid TOML: {where['what']}"
            raise _error(msg, line) from None
        msg = f"{name}: invalid TOML: {exc}"
        raise _error(msg) from None
    except ValueError as exc:  # from _toml_float
        msg = f"{name}: invalid TOML: {exc}"
        raise _error(msg) from None
    except RecursionError:
        msg = f"{name}: invalid TOML: nested too deeply"
        raise _error(msg) from None


# ---------------------------------------------------------------------------
# YAML

_BOOL_TAG: Final = "tag:yaml.org,2002:bool"


class ExactLoader(yaml.SafeLoader):
    """A safe YAML loader that keeps numbers as they were written.

    Plain ``yaml.safe_load`` reads ``2.10`` as the float 2.1 and loses the printed
    precision, reads ``010`` as 8, and ``no`` as False. Here a float is read as the
    :class:`~decimal.Decimal` of its text, an integer (and a date) stays the text it
    was written as, only ``true``/``false`` are booleans (as in YAML 1.2), a key
    may appear once in a mapping, and aliases are refused (a document never needs
    them, and expanding them is how a small file becomes a huge one).
    """

    yaml_implicit_resolvers = {  # noqa: RUF012 - PyYAML's class-level table, replaced for this class only
        first: [(tag, rx) for tag, rx in resolvers if tag != _BOOL_TAG]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        """Compose a node, refusing aliases."""
        if self.check_event(yaml.AliasEvent):
            mark: yaml.Mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
            msg = "aliases (*name) are not allowed in a ledger document; write the value out"
            raise yaml.composer.ComposerError(None, None, msg, mark)
        return super().compose_node(parent, index)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Hashable, Any]:  # noqa: FBT001, FBT002 - PyYAML's signature
        """Construct a mapping, refusing a key that appears twice."""
        seen: set[object] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            try:
                duplicate = key in seen
                seen.add(key)
            except TypeError:  # an unhashable key: PyYAML reports it
                continue
            if duplicate:
                msg = f"key {key!r} appears twice in one mapping"
                raise yaml.constructor.ConstructorError(None, None, msg, key_node.start_mark)
        return super().construct_mapping(node, deep=deep)


def _yaml_float(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Decimal:
    text = str(loader.construct_scalar(node))
    if ":" in text:
        msg = f"{text} is a sexagesimal number; quote it if it is a printed value"
        raise yaml.constructor.ConstructorError(None, None, msg, node.start_mark)
    try:
        number = Decimal(text.replace("_", ""))
    except InvalidOperation:  # .inf, .nan
        number = Decimal("NaN")
    if not number.is_finite():
        msg = f"{text} is not a number a report can print"
        raise yaml.constructor.ConstructorError(None, None, msg, node.start_mark)
    return number


def _yaml_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> str:
    return str(loader.construct_scalar(node))


ExactLoader.add_implicit_resolver(
    _BOOL_TAG, re.compile(r"^(?:true|false|True|False|TRUE|FALSE)$"), list("tfTF")
)
ExactLoader.add_constructor("tag:yaml.org,2002:float", _yaml_float)
ExactLoader.add_constructor("tag:yaml.org,2002:int", _yaml_text)
ExactLoader.add_constructor("tag:yaml.org,2002:timestamp", _yaml_text)


def load_yaml(text: str | bytes, *, name: str = "<string>") -> list[tuple[int, Any]]:
    """Every document of a YAML stream with the line it starts on, read by :class:`ExactLoader`.

    Raises:
        LedgerError: the text is not valid YAML, or uses what a ledger document may not.
    """
    documents: list[tuple[int, Any]] = []
    loader: ExactLoader | None = None
    try:
        loader = ExactLoader(text)
        while loader.check_node():
            node = loader.get_node()
            if node is not None:
                documents.append((node.start_mark.line + 1, loader.construct_document(node)))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or exc.context or "invalid"
        if mark is None:
            msg = f"{name}: invalid YAML: {what}"
            raise _error(msg) from None
        msg = f"{name}:{mark.line + 1}:{mark.column + 1}: invalid YAML: {what}"
        raise _error(msg, mark.line + 1) from None
    except yaml.reader.ReaderError as exc:
        msg = f"{name}: invalid YAML: {exc.reason} at position {exc.position}"
        raise _error(msg) from None
    except yaml.YAMLError as exc:
        msg = f"{name}: invalid YAML: {' '.join(str(exc).split())}"
        raise _error(msg) from None
    except RecursionError:
        msg = f"{name}: invalid YAML: nested too deeply"
        raise _error(msg) from None
    finally:
        if loader is not None:
            loader.dispose()
    return documents


def _yaml_documents(path: str, raw: bytes, limits: Limits, blanks: str | None) -> Iterator[Entry]:
    try:
        documents = load_yaml(raw, name=path)
    except LedgerError as exc:
        yield Entry(path, path, None, exc)
        return
    if not documents or (len(documents) == 1 and documents[0][1] is None):
        yield Entry(path, path, None, _error(f"{path}: empty document"))
        return
    if len(documents) == 1:
        yield _validated(path, path, None, documents[0][1], limits, blanks=blanks)
        return
    for line, data in documents:
        name = f"{path}:{line}"
        if data is None:
            yield Entry(name, path, line, _error(f"{name}: empty document", line))
        else:
            yield _validated(name, path, line, data, limits, blanks=blanks)
