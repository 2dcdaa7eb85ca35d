"""Check many documents: one at a time, or spread over processes.

The unit of work is :func:`check_one`, a pure top-level function of one document
(a :class:`~perfcheck.Ledger`, its data as a ``dict``, JSON text as ``bytes``, or the
path of a file holding one document) whose result, a :class:`BatchItem`, pickles.
:func:`check_many` streams any iterable of documents through it, serially or over a
process pool, and yields the items in input order either way: the output of
``jobs=4`` is the output of ``jobs=1``.

A document that cannot be used is an item holding its :class:`~perfcheck.LedgerError`;
the other documents are still checked.

>>> import perfcheck
>>> items = list(perfcheck.check_many(["examples/seed-ziyang-fulian-2021.json", b"{}"]))
>>> [(item.name, item.ok, item.error is None) for item in items]
[('examples/seed-ziyang-fulian-2021.json', True, True), ('<document 2>', False, False)]
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TypeVar

import perfcheck
from perfcheck import _ledger
from perfcheck._core.errors import LedgerError, Problem
from perfcheck._core.i18n import Messages
from perfcheck._core.limits import DEFAULT_LIMITS, Limits
from perfcheck._engine.registry import Registry, Rule
from perfcheck._findings.reported import PlainResult
from perfcheck._plain import Plain, found_plain, reports_crashes
from perfcheck._read.kinds import SUFFIXES, discover, format_of_path, is_content
from perfcheck._read.reader import Raw, Readable, parse, raw, read
from perfcheck.render import Checked, clean_part, document_part
from perfcheck.rules import CRASH_CODE, default_registry

if TYPE_CHECKING:
    from concurrent.futures import Future

    from perfcheck._findings.result import Result
    from perfcheck._ledger.document import Ledger

#: What :func:`check_one` and :func:`check_many` accept as one document: what :func:`perfcheck.read` reads.
Document = Readable

#: Documents sent to a worker process at once.
CHUNK: Final = 64


@dataclass(frozen=True, slots=True)
class BatchItem:
    """One document of a batch, checked or found unusable.

    Attributes:
        name: how the document is named: its path, ``path:line`` for a line of a
            JSON Lines file, or ``<document N>`` (counting from 1) for one given as data.
        result: what checking found, or None when the document could not be used.
        error: why the document could not be used, or None.
        path: the file it came from, if any.
        line: the line of the file it starts on (JSON Lines, YAML streams), if any.
        entity: the document's ``entity``, if it was read.
        period: the document's ``period``, if it was read.
    """

    name: str
    result: Result | None = None
    error: LedgerError | None = field(default=None, compare=False)
    path: str | None = None
    line: int | None = None
    entity: str | None = None
    period: str | None = None

    @property
    def ok(self) -> bool:
        """True when the document was checked and no error was found."""
        return self.result is not None and self.result.ok

    @property
    def problem(self) -> str | None:
        """The error's message, or None."""
        return None if self.error is None else str(self.error)

    def __eq__(self, other: object) -> bool:
        """Equal name, place, result and error message."""
        if not isinstance(other, BatchItem):
            return NotImplemented
        return (self.name, self.result, self.path, self.line, self.problem, self.entity, self.period) == (
            other.name,
            other.result,
            other.path,
            other.line,
            other.problem,
            other.entity,
            other.period,
        )

    def __hash__(self) -> int:
        """Hash of the name and place."""
        return hash((self.name, self.path, self.line))

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle the error as its message and problems (an exception pickles only its ``args``)."""
        error = None if self.error is None else (str(self.error), list(self.error.problems))
        return (_rebuild, (self.name, self.result, error, self.path, self.line, self.entity, self.period))


def _rebuild(  # noqa: PLR0913, PLR0917 - the fields, as pickle passes them
    name: str,
    result: Result | None,
    error: tuple[str, list[Problem]] | None,
    path: str | None,
    line: int | None,
    entity: str | None,
    period: str | None,
) -> BatchItem:
    return BatchItem(name, result, None if error is None else LedgerError(*error), path, line, entity, period)


@dataclass(frozen=True, slots=True)
class _Options:
    select: tuple[str, ...] | None
    ignore: tuple[str, ...] | None
    extend_select: tuple[str, ...]
    preview: bool
    locale: str
    registry: Registry | None = None
    limits: Limits = DEFAULT_LIMITS
    blanks: str | None = None

    def rules(self) -> tuple[Rule, ...]:
        """The rules the options choose.

        Raises:
            ValueError: a code prefix that matches no rule.
        """
        registry = default_registry if self.registry is None else self.registry
        return registry.select(
            self.select, self.ignore, extend_select=self.extend_select, preview=self.preview
        )


@dataclass(frozen=True, slots=True)
class _Task:
    """One document to check, as :func:`perfcheck.read` reads it, and how to name it.

    A document that was found unusable before it was checked is its error.
    """

    name: str
    payload: Readable | Raw | LedgerError
    path: str | None = None
    line: int | None = None
    #: where a line of a JSON Lines file is in it: ``(start, end)`` in bytes (a worker reads it there)
    span: tuple[int, int] | None = None


def _source(task: _Task) -> Readable | Raw:
    """What :func:`perfcheck.read` reads for the task.

    Raises:
        LedgerError: the task is a document found unusable.
    """
    payload = task.payload
    if isinstance(payload, LedgerError):
        raise payload
    if isinstance(payload, bytes) and task.path is not None and task.line is not None:
        return Raw(task.name, "json", payload, task.path, task.line)  # one line of a JSON Lines file
    return payload


def read_task(task: _Task, *, limits: Limits = DEFAULT_LIMITS, blanks: str | None = None) -> Ledger:
    """The task's document, read and validated (for the command line's series check).

    Raises:
        LedgerError: it cannot be used.
    """
    source = _source(task)
    if isinstance(source, Raw):
        return parse(source, limits=limits, blanks=blanks)
    return read(source, limits=limits, name=task.name, blanks=blanks)


def _run(task: _Task, options: _Options) -> BatchItem:
    try:
        payload = _source(task)
    except LedgerError as exc:
        return BatchItem(task.name, None, exc, task.path, task.line)
    rules = options.rules()
    Messages(options.locale)  # an unknown locale is an error, as in check()
    try:
        # The full path (models), loaded now: a document the fast path does not write alone.
        api = perfcheck._api  # noqa: SLF001 - the model path, loaded on first use
        result, entity, period = api.check_source(
            payload,
            rules=rules,
            locale=options.locale,
            crash_reported=reports_crashes(options.ignore),
            limits=options.limits,
            name=task.name,
            blanks=options.blanks,
        )
    except LedgerError as exc:
        return BatchItem(task.name, None, exc, task.path, task.line)
    return BatchItem(task.name, result, None, task.path, task.line, entity, period)


def _options(  # noqa: PLR0913 - the options of check()
    select: Iterable[str] | None,
    ignore: Iterable[str] | None,
    extend_select: Iterable[str],
    *,
    preview: bool,
    locale: str,
    registry: Registry | None = None,
    limits: Limits | None = None,
    blanks: str | None = None,
) -> _Options:
    return _Options(
        select=None if select is None else tuple(select),
        ignore=None if ignore is None else tuple(ignore),
        extend_select=tuple(extend_select),
        preview=preview,
        locale=locale,
        registry=registry,
        limits=DEFAULT_LIMITS if limits is None else limits,
        blanks=blanks,
    )


def check_one(  # noqa: PLR0913 - keyword-only options, as in check()
    document: Document,
    *,
    name: str | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    extend_select: Iterable[str] = (),
    preview: bool = False,
    registry: Registry | None = None,
    locale: str = "en",
    limits: Limits | None = None,
    blanks: str | None = None,
) -> BatchItem:
    """Check one document and return a picklable item; an unusable document is an item too.

    The unit of work of a batch: a pure function of one document, safe to map over
    documents with any executor (a process pool, ``dask.bag``).

    Args:
        document: one document, as :func:`perfcheck.read` reads it: a :class:`Ledger`,
            a :class:`~perfcheck.Report`, a mapping, the path of a file holding one
            document (``.json``, ``.toml``, ``.yaml``, ``.txt`` report text, ...),
            ``bytes`` of JSON, a document as ``str``, or a file object.
        name: how to name it (default: the path, or ``<document>``).
        select: code prefixes of the rules to run, as in :func:`perfcheck.check`.
        ignore: code prefixes of rules not to run.
        extend_select: prefixes added to ``select``.
        preview: also run preview rules.
        registry: the rules to choose from (default: :data:`perfcheck.default_registry`).
        locale: the language of the messages.
        limits: bounds on a document that is read (default: ``Limits()``).
        blanks: how a ledger document's values that print nothing (``-``, ``—``) are
            read, as in :func:`perfcheck.check`: ``"error"`` or ``"absent"``.

    Raises:
        ValueError: a code prefix that matches no rule, or an unknown locale.

    >>> item = check_one("examples/seed-with-mistakes.json")
    >>> item.ok, item.result is not None and len(item.result.errors) > 0
    (False, True)
    """
    options = _options(
        select,
        ignore,
        extend_select,
        preview=preview,
        locale=locale,
        registry=registry,
        limits=limits,
        blanks=blanks,
    )
    task = next(_tasks([document], expand=False))
    if name is not None:
        task = _Task(name, task.payload, task.path, task.line)
    elif task.path is None:
        task = _Task("<document>", task.payload)
    return _run(task, options)


def _file_tasks(path: Path, limits: Limits, *, light: bool = False) -> Iterator[_Task]:
    """The documents of one file: a JSON Lines file a line at a time, YAML streams read here.

    With ``light`` a line of a JSON Lines file is only where it is (:func:`_light`), read
    again where it is checked (:func:`read_lines`): a batch holds no copy of the file.
    """
    name = str(path)
    kind = format_of_path(path)
    if kind == "jsonl":
        lines = _line_tasks(path, name, light=light)
        if lines:
            yield from lines
            return
    elif kind != "yaml":
        yield _Task(name, name, name)  # read by the worker that checks it
        return
    yield from _read_tasks(path, limits)


def _line_tasks(path: Path, name: str, *, light: bool) -> list[_Task]:
    """The lines of a JSON Lines file that hold something, each a task that knows where it is.

    The file is read a line at a time; with ``light`` no line's bytes are kept. Empty when
    the file cannot be read (``read_file`` then says what is wrong with it).
    """
    lines = []
    start = 0
    try:
        with path.open("rb") as f:
            for number, text in enumerate(f, start=1):
                body = text[:-1] if text[-1:] == b"\n" else text
                if body.strip():
                    span = (start, start + len(body))
                    lines.append(_Task(f"{name}:{number}", b"" if light else body, name, number, span))
                start += len(text)
    except OSError:
        return []
    return lines


def _read_tasks(path: Path, limits: Limits) -> Iterator[_Task]:
    """The documents of a YAML stream, or what is wrong with a JSON Lines file, read here."""
    from perfcheck._read.formats import read_file  # noqa: PLC0415 - loaded when a file is read here: a JSON document's check loads no YAML

    yield from (_Task(e.name, e.document, e.path, e.line) for e in read_file(path, limits=limits))


def path_tasks(
    name: str | os.PathLike[str],
    *,
    exclude: Collection[Path] = (),
    limits: Limits = DEFAULT_LIMITS,
    light: bool = False,
) -> Iterator[_Task]:
    """The documents at a path, as :func:`perfcheck._read.formats.read_documents` finds them, unread.

    Standard input (``-``) and YAML files are read here; every other file is read by
    the worker that checks it, and a JSON Lines file is split into its lines here. With
    ``light`` a line is only where it is in its file: :func:`read_lines` reads it
    (:func:`show_tasks` does).
    """
    root = Path(name)
    if os.fspath(name) != "-" and not root.is_dir():
        yield from _file_tasks(root, limits, light=light)
        return
    if os.fspath(name) == "-":
        from perfcheck._read.formats import read_documents  # noqa: PLC0415 - loaded for standard input: a JSON file's check loads no YAML

        yield from (_Task(e.name, e.document, e.path, e.line) for e in read_documents("-"))
        return
    files = discover(root, exclude=exclude)
    if not files:
        kinds = ", ".join(f"*{s}" for s in SUFFIXES)
        message = f"{root}: no ledger documents ({kinds}) found"
        yield _Task(str(root), LedgerError(message, [Problem((), message)]), str(root))
    for file in files:
        yield from _file_tasks(file, limits, light=light)


def _readable(document: object) -> bool:
    kinds = (_ledger.document.Ledger, Mapping, bytes, bytearray, str, os.PathLike)
    # to_ledger() rather than isinstance(LedgerSource): a protocol's isinstance is slow
    return isinstance(document, kinds) or any(
        callable(getattr(document, m, None)) for m in ("to_ledger", "read")
    )


def _stream_read(task: _Task, limits: Limits) -> _Task:
    """A task whose document is a file object, with the object read here: a worker gets its bytes."""
    payload = task.payload
    if isinstance(
        payload, (_ledger.document.Ledger, Mapping, bytes, bytearray, str, LedgerError)
    ) or not callable(getattr(payload, "read", None)):
        return task
    try:
        document = raw(payload, limits=limits, name=task.name)
    except LedgerError as exc:
        return _Task(task.name, exc, task.path, task.line)
    return task if document is None else _Task(task.name, document, task.path, task.line)


def _tasks(
    documents: Iterable[Document], *, expand: bool = True, limits: Limits = DEFAULT_LIMITS
) -> Iterator[_Task]:
    for number, document in enumerate(documents, start=1):
        if isinstance(document, os.PathLike) or (isinstance(document, str) and not is_content(document)):
            path = Path(document)
            if expand:
                yield from path_tasks(path, limits=limits)
            else:
                yield _Task(str(path), str(path), str(path))
        elif _readable(document):
            yield _stream_read(_Task(f"<document {number}>", document), limits)
        else:
            msg = (
                f"cannot check a {type(document).__name__}; give a Ledger, a Report, a mapping, "
                "a path, bytes, text or a file object"
            )
            raise TypeError(msg)


def check_many(  # noqa: PLR0913 - keyword-only options, as in check()
    documents: Iterable[Document],
    *,
    jobs: int = 1,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    extend_select: Iterable[str] = (),
    preview: bool = False,
    registry: Registry | None = None,
    locale: str = "en",
    limits: Limits | None = None,
    chunk_size: int = CHUNK,
    blanks: str | None = None,
) -> Iterator[BatchItem]:
    """Check documents one at a time and yield one :class:`BatchItem` each, in order.

    ``documents`` may be any iterable (it is read lazily) of what :func:`perfcheck.read`
    reads: :class:`Ledger` objects, reports, documents as data (mappings), ``bytes``,
    documents as ``str``, file objects, and paths (``str`` or path-like) of files or
    folders, read as ``perfcheck check`` reads them — a JSON Lines file gives one item a
    line, named ``file:line``; a YAML stream, one item a document; a folder, every
    document file under it, in sorted order. A document that cannot be used gives an
    item with its ``error`` (the one-line :class:`~perfcheck.LedgerError`), and the rest
    are still checked.

    ``select``, ``ignore``, ``extend_select``, ``preview``, ``registry``, ``locale``,
    ``limits`` and ``blanks`` are those of :func:`perfcheck.check`. With ``jobs > 1`` a ``registry``
    given is sent to the workers, so its rules must pickle; a file object is read here
    and its bytes are sent.

    With ``jobs > 1`` the documents are checked in that many processes: this one and
    ``jobs - 1`` workers (``chunk_size`` at a time, a bounded number of chunks in flight;
    the lines of a JSON Lines file 256 at a time, which the workers read from the file
    themselves); the items are the same, in the same order, as with ``jobs=1``.

    Only the rules of one document run here (``select`` chooses among them); the
    series rules, which compare documents, run in :func:`perfcheck.check_series`.

    Raises:
        ValueError: a code prefix that matches no rule, an unknown locale, or ``jobs < 1``.
        TypeError: a document of a type it cannot read.
    """
    if jobs < 1:
        msg = f"jobs must be at least 1, not {jobs}"
        raise ValueError(msg)
    options = _options(
        select,
        ignore,
        extend_select,
        preview=preview,
        locale=locale,
        registry=registry,
        limits=limits,
        blanks=blanks,
    )
    options.rules()  # an unknown prefix fails here, not in every item
    Messages(locale)  # so does an unknown locale
    tasks = _tasks(documents, limits=options.limits)
    if jobs == 1:
        return (_run(task, options) for task in tasks)
    return _parallel(tasks, options, jobs, max(1, chunk_size))


def run_tasks(tasks: Iterable[_Task], options: _Options, jobs: int = 1) -> Iterator[BatchItem]:
    """Check prepared tasks, in ``jobs`` processes, in order (for the command line)."""
    if jobs == 1:
        return (_run(task, options) for task in tasks)
    return _parallel(iter(tasks), options, jobs, CHUNK)


#: Lines of a JSON Lines file sent to a worker at once (as where they are, not their bytes).
LINES: Final = 256


def _light(task: _Task) -> _Task:
    """The task as a worker gets it: a line of a JSON Lines file as where it is, not its bytes."""
    if task.span is None or not isinstance(task.payload, bytes):
        return task
    return _Task(task.name, b"", task.path, task.line, task.span)


def read_lines(tasks: Sequence[_Task]) -> list[_Task]:
    """The tasks with the lines of JSON Lines files read from their files, each file once (a range of it).

    A file that cannot be read again, or has changed under the run (a line is no longer
    where it was), gives the line's error with its place.
    """
    spans: dict[str, list[tuple[int, int]]] = {}
    for task in tasks:
        if task.span is not None and task.path is not None:
            spans.setdefault(task.path, []).append(task.span)
    blocks: dict[str, tuple[int, bytes]] = {}
    for path, found in spans.items():
        first, last = min(s for s, _ in found), max(e for _, e in found)
        try:
            with open(path, "rb") as f:  # noqa: PTH123 - a range of a file
                f.seek(first)
                blocks[path] = (first, f.read(last - first))
        except OSError as exc:
            blocks[path] = (first, b"")
            del exc
    out = []
    for task in tasks:
        if task.span is None or task.path is None:
            out.append(task)
            continue
        first, block = blocks[task.path]
        start, end = task.span
        text = block[start - first : end - first]
        if len(text) != end - start or not text.strip():
            error = LedgerError(f"{task.name}: the file changed while it was checked", [])
            out.append(_Task(task.name, error, task.path, task.line))
        else:
            out.append(_Task(task.name, text, task.path, task.line, task.span))
    return out


def _run_compact(tasks: Sequence[_Task], options: _Options) -> list[BatchItem | Plain]:
    """A worker's chunk: lines read where they are; what the fast path found sent back without the document.

    A result of the fast path pickles with its document's bytes (to work out its checks
    when asked); for a line of a JSON Lines file the parent holds those bytes already, so
    only what was found comes back (:class:`~perfcheck._api.Plain`), and the parent
    rebuilds the result.
    """
    out: list[BatchItem | Plain] = []
    api = perfcheck._api  # noqa: SLF001 - the model path: results are built here
    for task in read_lines(tasks):
        item = _run(task, options)
        result = item.result
        if task.span is not None and result is not None and isinstance(result._pending, api.Recheck):  # noqa: SLF001
            out.append(api.plain_found(result, item.entity, item.period))
        else:
            out.append(item)
    return out


def _rebuilt(task: _Task, sent: BatchItem | Plain, options: _Options, codes: tuple[str, ...]) -> BatchItem:
    """A worker's item in full: a result of the fast path rebuilt from what it found and the task's bytes."""
    if isinstance(sent, BatchItem):
        return sent
    assert isinstance(task.payload, bytes)  # noqa: S101 - only lines of JSON Lines files come back so
    crashes = CRASH_CODE if reports_crashes(options.ignore) else None
    result = perfcheck._api.plain_result(  # noqa: SLF001 - the model path: a result is built here
        task.payload, sent, codes, locale=options.locale, crashes=crashes, limits=options.limits
    )
    return BatchItem(task.name, result, None, task.path, task.line, sent.entity, sent.period)


def _parallel(tasks: Iterator[_Task], options: _Options, jobs: int, size: int) -> Iterator[BatchItem]:
    """The tasks checked in ``jobs`` processes, in order.

    Lines of JSON Lines files go to the workers as where they are in their files (the
    workers read them), ``LINES`` at a time, and what the fast path found comes back
    without the document; other documents go as themselves, ``size`` at a time.
    """
    codes = tuple(r.code for r in options.rules())
    work = partial(_run_compact, options=options)
    for sent, done in _pooled(tasks, work, jobs, size):
        yield from map(_rebuilt, sent, done, repeat(options), repeat(codes))


_Done = TypeVar("_Done")


def _pooled(
    tasks: Iterator[_Task], work: Callable[[list[_Task]], list[_Done]], jobs: int, size: int
) -> Iterator[tuple[list[_Task], list[_Done]]]:
    """``work`` done on chunks of the tasks in ``jobs`` processes: each chunk and what came back, in order.

    This process is one of the ``jobs``: ``jobs - 1`` workers are kept busy with chunks
    (two each in flight), and whenever the next chunk to yield is still a worker's, this
    process does the next chunk itself rather than wait. So ``jobs=2`` starts one worker,
    not two beside a parent that mostly waits: one process fewer to fork and fill with
    copies of the pages it touches, and the parent's core checks as much as its own work
    (handing out chunks, writing what comes back) leaves it time for. Lines of JSON Lines
    files go to the workers as where they are in their files (:func:`_light`).
    """
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415 - loaded by --jobs only: one process starts no pool machinery

    chunks = _spans_or_chunks(tasks, size)
    with ProcessPoolExecutor(max_workers=jobs - 1) as pool:
        # in order: a chunk, and the future of a worker's or what this process found
        pending: deque[tuple[list[_Task], Future[list[_Done]] | None, list[_Done]]] = deque()
        in_flight, more = 0, True
        while True:
            while more and in_flight < 2 * (jobs - 1):
                chunk = next(chunks, None)
                if chunk is None:
                    more = False
                else:
                    pending.append((chunk, pool.submit(work, [_light(t) for t in chunk]), []))
                    in_flight += 1
            if not pending:
                return
            chunk, future, found = pending[0]
            if future is not None and not future.done() and more and len(pending) < 4 * jobs:
                mine = next(chunks, None)  # the next chunk, done here while the worker's is not back
                if mine is None:
                    more = False
                else:
                    pending.append((mine, None, work(mine)))
                continue
            pending.popleft()
            if future is not None:
                in_flight -= 1
                found = future.result()
            yield chunk, found


@dataclass(frozen=True, slots=True)
class Output:
    """How the command line writes each document: a format (``render.STREAMED``), a locale, one or many."""

    format: str
    locale: str
    single: bool = False


@dataclass(frozen=True, slots=True)
class Shown:
    """A document checked and written out where it was checked (in a worker, with ``jobs > 1``).

    What the command line keeps of a document: its part of the output, not its result.

    Attributes:
        name: how the document is named (as :attr:`BatchItem.name`).
        path: the file it came from, if any.
        line: the line of the file it starts on, if any.
        text: its part of the output (:func:`perfcheck.render.document_part`); empty when unusable.
        failing: it has an error finding.
        error: why it could not be used, or None.
        entity: its ``entity``, if it was read.
        period: its ``period``, if it was read.
    """

    name: str
    path: str | None
    line: int | None
    text: str
    failing: bool = False
    error: str | None = None
    entity: str | None = None
    period: str | None = None


def shown(item: BatchItem, output: Output) -> Shown:
    """A checked document written out as ``output`` says (no baseline in use)."""
    if item.result is None:
        return Shown(item.name, item.path, item.line, "", error=str(item.error))
    checked = Checked(item.name, item.path or item.name, item.line, item.result)
    text = document_part(checked, output.format, locale=output.locale, single=output.single)
    return Shown(item.name, item.path, item.line, text, bool(checked.failing), None, item.entity, item.period)


def _show(task: _Task, options: _Options, output: Output) -> Shown:
    """Check one document and write it out; a clean JSON document from the fast path's counts alone.

    A JSON document the fast path finds nothing in is written from its title and counts
    (:func:`perfcheck.render.clean_part`): no result, no models. One with findings is written
    from them as found (a :class:`~perfcheck._findings.reported.PlainResult`: compact findings
    for the relations judged on plain data), without screening it again and without a
    result; anything else is checked as :func:`check_one` checks it.
    """
    found, document = _found(task, options)
    if found is None:
        return shown(_run(task if document is None else replace(task, payload=document), options), output)
    path = task.path or task.name
    if not found.findings:
        counts = (found.title, found.judged, found.counts)
        text = clean_part(
            task.name, path, task.line, counts, output.format, locale=output.locale, single=output.single
        )
        return Shown(task.name, task.path, task.line, text, entity=found.entity, period=found.period)
    # Written from the findings as found (compact data where judged on plain data): no result built.
    codes = tuple(r.code for r in options.rules())
    reported = PlainResult(found.title, found.findings, codes, options.locale, found.judged, found.counts)
    checked = Checked(task.name, path, task.line, reported)
    text = document_part(checked, output.format, locale=output.locale, single=output.single)
    return Shown(
        task.name, task.path, task.line, text, bool(checked.failing), None, found.entity, found.period
    )


def _found(task: _Task, options: _Options) -> tuple[Plain | None, Raw | None]:
    """What the fast path finds in a task's JSON document (a line, or a ``.json`` file), and the document.

    ``(None, None)`` when it is no JSON document or cannot be read (:func:`_run` says why);
    ``(None, document)`` when the fast path declines it.
    """
    payload = task.payload
    if task.path is None or options.registry is not None:
        return None, None
    document: Raw | None = None
    if isinstance(payload, bytes) and task.line is not None:
        document = Raw(task.name, "json", payload, task.path, task.line)
    elif isinstance(payload, str) and task.line is None and format_of_path(payload) == "json":
        data = _file_bytes(payload, options.limits)
        if data is None:
            return None, None
        document = Raw(task.name, "json", data, payload)
    if document is None or document.format != "json":
        return None, None
    found = found_plain(
        document.data,
        options.rules(),
        locale=options.locale,
        crash_reported=reports_crashes(options.ignore),
        limits=options.limits,
    )
    return found, document


def _file_bytes(name: str, limits: Limits) -> bytes | None:
    """A file's bytes, read at once; None when it cannot be read or is larger than ``limits`` allow.

    A folder's files are named by the paths :func:`path_tasks` made, so the file is opened
    by its name as it is: no path object, no ``stat`` of the path before it is opened (its
    size is the open file's), no buffered reader. None sends the file the long way
    (:func:`_run`), which says what is wrong with it.
    """
    try:
        with open(name, "rb", buffering=0) as f:  # noqa: PTH123 - one open and one read a file of a folder
            if os.fstat(f.fileno()).st_size > limits.max_bytes:
                return None
            return f.readall()
    except OSError:
        return None


def _show_chunk(tasks: Sequence[_Task], options: _Options, output: Output) -> list[Shown]:
    """A worker's chunk, checked and written out: lines read where they are, only text sent back."""
    return [_show(task, options, output) for task in read_lines(tasks)]


def show_tasks(tasks: Iterable[_Task], options: _Options, output: Output, jobs: int = 1) -> Iterator[Shown]:
    """Check prepared tasks and write each out, in ``jobs`` processes, in order (for the command line).

    With ``jobs > 1`` each worker checks its share and renders it: what comes back is
    text, which the parent only writes.

    Raises:
        ValueError: an unknown locale.
    """
    Messages(options.locale)  # an unknown locale is an error, as in check()
    if jobs == 1:  # lines of JSON Lines files read LINES at a time, as a worker reads them
        chunks = _spans_or_chunks(iter(tasks), CHUNK)
        return (one for chunk in chunks for one in _show_chunk(chunk, options, output))
    work = partial(_show_chunk, options=options, output=output)
    return (one for _, done in _pooled(iter(tasks), work, jobs, CHUNK) for one in done)


def _spans_or_chunks(tasks: Iterator[_Task], size: int) -> Iterator[list[_Task]]:
    """Chunks of ``size`` tasks; runs of lines of one JSON Lines file in chunks of ``LINES``.

    Files of a folder share chunks (each worker reads its own files): a chunk a file cost
    the parent a round trip to a worker per file.
    """
    chunk: list[_Task] = []
    for task in tasks:
        lines = task.span is not None
        if chunk and (lines != (chunk[0].span is not None) or (lines and task.path != chunk[0].path)):
            yield chunk
            chunk = []
        chunk.append(task)
        if len(chunk) >= (LINES if lines else size):
            yield chunk
            chunk = []
    if chunk:
        yield chunk
