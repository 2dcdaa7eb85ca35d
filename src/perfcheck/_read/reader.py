r"""One reader for every input: :func:`read` turns anything a report can be given as into a :class:`Ledger`.

What a source is, and the format it is read in, is decided here and nowhere else
(the format by :mod:`perfcheck._read.kinds`):

- a :class:`Ledger` is itself; anything with ``to_ledger()`` (a :class:`~perfcheck.Report`)
  is compiled; a mapping is validated as a document's data;
- a path (``str`` or path-like) is read in the format its ending tells: ``.json``,
  ``.jsonl``, ``.toml``, ``.yaml``/``.yml``, ``.txt`` (a report's plain text,
  extracted), JSON for any other ending;
- ``bytes`` are JSON text, or the format named by ``format=``;
- a ``str`` that spans lines or opens with ``{`` or ``[`` is a document itself, not a
  path: JSON when it opens with ``{`` or ``[``, a report's text otherwise;
- a file object (binary or text) is read to its end, in the format its ``name`` tells,
  else as ``bytes`` or ``str`` are.

A source read here holds one document. A JSON Lines file or a YAML stream of several
documents is refused with a :class:`~perfcheck.LedgerError` that says so: check those
with :func:`perfcheck.check_many`, which gives one item a document.

Bad input of any kind is one :class:`~perfcheck.LedgerError` whose message names the
source and the place (``file:line:column`` where there is one).

>>> import perfcheck
>>> perfcheck.read("examples/seed-ziyang-fulian-2021.json").unit
'万元'
>>> text = "（四）收支\n总支出134.56万元，其中基本支出82.67万元，项目支出51.89万元。"
>>> perfcheck.read(text).relations[0].kind
'sum'
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Protocol, TypeAlias, runtime_checkable

from perfcheck import _ledger
from perfcheck._core.errors import LedgerError, Problem
from perfcheck._core.limits import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:
    from perfcheck._ledger.document import Ledger

from perfcheck._read.kinds import Format, checked_format, format_of_path, format_of_text, is_content


@runtime_checkable
class LedgerSource(Protocol):
    """Anything that compiles to a ledger, such as the domain model's :class:`~perfcheck.Report`."""

    def to_ledger(self) -> Ledger:
        """The ledger document with the same figures and relations."""
        ...


#: Everything :func:`read` accepts.
#: (Named as text: a ledger's model is loaded only when a ledger is read.)
Readable: TypeAlias = (
    "Ledger | LedgerSource | Mapping[str, Any] | str | os.PathLike[str] | bytes | bytearray"
    " | IO[bytes] | IO[str]"
)


@dataclass(frozen=True, slots=True)
class Raw:
    """A document's bytes not yet parsed, the format they are in and how to name them.

    Attributes:
        name: how the document is named in messages.
        format: the format the bytes are read in.
        data: the bytes.
        path: the file they came from, if any.
        line: the line of a JSON Lines file this document is, if it is one.
    """

    name: str
    format: Format
    data: bytes
    path: str | None = None
    line: int | None = None


def _frames(source: Any, name: str | None, limits: Limits) -> Ledger:  # noqa: ANN401 - a frame or frames
    """A DataFrame, or a mapping of title to DataFrame, read by :func:`perfcheck.from_frame`."""
    from perfcheck._read.tables.frame import from_frame  # noqa: PLC0415 - loaded for frames only: reading JSON loads no table reader

    return from_frame(source, name=name, limits=limits)


def is_frame(source: object) -> bool:
    """Whether ``source`` is a DataFrame of pandas or polars (told without importing either)."""
    return type(source).__module__.split(".", 1)[0] in {"pandas", "polars"} and hasattr(source, "columns")


def _compiles(source: object) -> bool:
    """Whether ``source`` is a :class:`LedgerSource` (without the slow protocol ``isinstance``)."""
    return callable(getattr(source, "to_ledger", None))


def _error(message: str) -> LedgerError:
    return LedgerError(message, [Problem((), message)])


def _read_path(path: Path, kind: Format, limits: Limits) -> bytes:
    name = str(path)
    try:
        # A JSON Lines file is a batch: the size limit applies to each of its lines.
        if kind != "jsonl" and (size := path.stat().st_size) > limits.max_bytes:
            msg = f"{name}: {size} bytes, more than the limit of {limits.max_bytes} (Limits.max_bytes)"
            raise _error(msg)
        return path.read_bytes()
    except OSError as exc:
        msg = f"{name}: cannot read: {exc.strerror or exc}"
        raise _error(msg) from None


def _read_stream(stream: IO[Any], name: str, limits: Limits) -> bytes | str:
    try:
        data: bytes | str = stream.read(limits.max_bytes + 1)
    except (OSError, ValueError) as exc:
        msg = f"{name}: cannot read: {exc}"
        raise _error(msg) from None
    if len(data) > limits.max_bytes:
        msg = f"{name}: more than the limit of {limits.max_bytes} bytes (Limits.max_bytes)"
        raise _error(msg)
    return data


def raw(  # noqa: PLR0911 - one return a kind of source
    source: object,
    *,
    format: str | None = None,  # noqa: A002 - the public argument's name
    limits: Limits = DEFAULT_LIMITS,
    name: str | None = None,
) -> Raw | None:
    """The unparsed bytes of a source given as a path, bytes, text or file; None for one given as data.

    This is where a source's kind and format are decided (see the module's documentation).

    Raises:
        LedgerError: the file cannot be read, or is larger than ``limits`` allow.
        ValueError: an unknown ``format``.
        TypeError: a source of a type that cannot be read.
    """
    kind = checked_format(format)
    # The cheap tests first: a batch of small JSON documents asks here once a document.
    if isinstance(source, (bytes, bytearray, memoryview)):
        return Raw(name or "<string>", kind or "json", bytes(source))
    if isinstance(source, str) and is_content(source):
        return Raw(name or "<string>", kind or format_of_text(source), source.encode())
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        kind = kind or format_of_path(path)
        return Raw(name or str(path), kind, _read_path(path, kind, limits), str(path))
    if isinstance(source, Raw):
        return source
    if isinstance(source, (_ledger.document.Ledger, Mapping)) or _compiles(source) or is_frame(source):
        return None
    if callable(getattr(source, "read", None)):
        stream_name = getattr(source, "name", None)
        label = stream_name if isinstance(stream_name, str) else "<stream>"
        data = _read_stream(source, name or label, limits)  # type: ignore[arg-type]
        if kind is None and isinstance(stream_name, str) and not stream_name.startswith("<"):
            kind = format_of_path(stream_name)
        if isinstance(data, str):
            return Raw(name or label, kind or format_of_text(data), data.encode(), label)
        return Raw(name or label, kind or "json", data, label)
    msg = (
        f"cannot check a {type(source).__name__}; give a Ledger, a Report, a mapping, "
        "a path, bytes, text or a file object"
    )
    if isinstance(source, (list, tuple)):
        msg = (
            f"cannot check a {type(source).__name__} as one document; for years of one report "
            "call check_series([...]), for several documents check_many([...])"
        )
    raise TypeError(msg)


def parse(document: Raw, *, limits: Limits = DEFAULT_LIMITS, blanks: str | None = None) -> Ledger:
    """The one document in ``document``'s bytes, read in its format and validated.

    ``blanks`` is how a ledger document's blank values are read (:func:`perfcheck.validate`).

    Raises:
        LedgerError: the bytes are not one valid document.
    """
    if document.format == "json" and document.line is None:
        return _ledger.document.loads(document.data, name=document.name, limits=limits, blanks=blanks)
    from perfcheck._read import formats  # noqa: PLC0415 - loaded for other formats only: reading JSON loads no YAML

    if document.line is not None and document.path is not None:
        return formats.json_line(document.data, document.path, document.line, limits=limits, blanks=blanks)
    if document.format == "xbrl" and document.path is None:
        msg = f"{document.name}: an XBRL instance is read from its file, beside the schema it names"
        raise _error(msg)
    entries = list(
        formats.parse_entries(document.name, document.data, document.format, limits=limits, blanks=blanks)
    )
    if len(entries) != 1:
        msg = (
            f"{document.name}: holds {len(entries)} documents; "
            "read() and check() take one: check them with check_many"
        )
        raise _error(msg)
    ledger = entries[0].document
    if isinstance(ledger, LedgerError):
        raise ledger
    return ledger


def read(
    source: Readable,
    *,
    format: str | None = None,  # noqa: A002 - the public argument's name
    limits: Limits | None = None,
    name: str | None = None,
    blanks: str | None = None,
) -> Ledger:
    """Read one ledger document from whatever it is given as.

    Args:
        source: a :class:`Ledger`; anything with ``to_ledger()`` (a :class:`~perfcheck.Report`);
            a document's data as a mapping; the path of a file (``str`` or path-like);
            ``bytes``; a document as ``str`` (one that spans lines or opens with ``{``
            or ``[``; any other ``str`` is a path); or a file object, binary or text.
        format: how to read bytes, text, a file or a stream: ``"json"``, ``"jsonl"``,
            ``"toml"``, ``"yaml"``, ``"text"`` (a report's plain text, extracted), or a
            table: ``"csv"``, ``"xlsx"``, ``"html"``, ``"pdf"`` (docs/tables.md); or ``"xbrl"``, an
            XBRL instance with its calculation linkbase, read through Arelle (docs/xbrl.md). A pandas
            or polars DataFrame, or a mapping of title to DataFrame (a set of tables), is read
            by :func:`perfcheck.from_frame` with its defaults.
            By default a file's ending tells (JSON for an unknown one), ``bytes`` are
            JSON, and a ``str`` is JSON when it opens with ``{`` or ``[``, else text.
        limits: bounds on what is read (default: :data:`~perfcheck.Limits` ``()``).
        name: how to name the document in messages (default: its path, or ``<string>``).
        blanks: how a ledger document's values that print nothing (``-``, ``—``, ``""``)
            are read: ``"error"`` or ``"absent"`` (no figure, and no relation that names
            it); by default the document's ``blanks`` key says, else they are errors.
            Tables always read a blank cell as no figure.

    Returns:
        The validated ledger.

    Raises:
        LedgerError: the source cannot be read, is not a valid document, holds several
            documents (check those with :func:`perfcheck.check_many`), or exceeds a limit;
            the one-line message names the source and the place.
        ValueError: an unknown ``format``.
        TypeError: a source of a type that cannot be read.

    >>> import io, perfcheck
    >>> ledger = perfcheck.read({"perfcheck": "1", "unit": "元", "figures": [{"id": "a", "value": "1"}]})
    >>> [f.id for f in ledger.figures]
    ['a']
    >>> perfcheck.read(io.StringIO('{"perfcheck": "1", "unit": "元"}')).unit
    '元'
    >>> perfcheck.read(b"{", name="broken.json")
    Traceback (most recent call last):
      ...
    perfcheck...LedgerError: broken.json:1:2: invalid JSON: Expecting property name enclosed in double quotes
    """
    bounds = DEFAULT_LIMITS if limits is None else limits
    try:
        return _read(source, format, bounds, name, blanks)
    except LedgerError as exc:
        raise exc.with_traceback(None) from None  # the message says it all: no frames from inside


def _read(
    source: object,
    format: str | None,  # noqa: A002 - read()'s argument
    limits: Limits,
    name: str | None,
    blanks: str | None = None,
) -> Ledger:
    if isinstance(source, _ledger.document.Ledger):
        checked_format(format)
        return source
    if isinstance(source, Mapping) and source and all(is_frame(v) for v in source.values()):
        checked_format(format)
        return _frames(source, name, limits)
    if isinstance(source, Mapping):
        checked_format(format)
        return _ledger.document.validate(dict(source), name=name or "<data>", limits=limits, blanks=blanks)
    if _compiles(source):
        checked_format(format)
        return source.to_ledger()  # type: ignore[attr-defined, no-any-return]
    if is_frame(source):
        checked_format(format)
        return _frames(source, name, limits)
    document = raw(source, format=format, limits=limits, name=name)
    if document is None:  # pragma: no cover - data is handled above
        msg = f"cannot read a {type(source).__name__}"
        raise TypeError(msg)
    return parse(document, limits=limits, blanks=blanks)
