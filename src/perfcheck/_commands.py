"""What each ``perfcheck`` command does, once :mod:`perfcheck.cli` has read its arguments.

``check`` reads, checks and renders documents; ``extract`` writes the ledger read from a
report's text; ``rules`` and ``explain`` print the rules' documentation. The command
line imports this module only when a command runs, so ``perfcheck --help`` loads none
of it; within it, what only some commands use (the text reader, the rule pages) is
loaded by the command that uses it.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, replace
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

import perfcheck
from perfcheck import _ledger, render
from perfcheck._baseline import (
    BaselineError,
    acknowledge,
    baseline_entries,
    document_key,
    dumps_baseline,
    load_baseline,
    stale,
)
from perfcheck._batch import (
    BatchItem,
    Output,
    Shown,
    _Options,
    _options,
    _Task,
    path_tasks,
    read_lines,
    read_task,
    run_tasks,
    show_tasks,
    shown,
)
from perfcheck._config import Config, ConfigError, discover_config, load_config
from perfcheck._core.errors import LedgerError
from perfcheck._core.limits import Limits
from perfcheck.render import Checked, parts_joined, render_documents
from perfcheck.rules import all_rules, default_registry, series_registry
from perfcheck.rules.series import series_pairs

if TYPE_CHECKING:
    import argparse
    from collections.abc import Iterable, Iterator, Sequence

    from perfcheck._findings.acknowledgement import Acknowledgement
    from perfcheck.extract import Extraction

EXIT_OK, EXIT_ERRORS, EXIT_UNUSABLE = 0, 1, 2
#: Every rule ``--select`` and ``--ignore`` choose from: one document's and series' (PC8xx).
_SELECTABLE = all_rules
#: A run of more documents than this shows a progress counter, when standard error is a terminal.
PROGRESS_AFTER = 50


@dataclass(frozen=True, slots=True)
class _Settings:
    codes: tuple[str, ...]
    format: str
    locale: str
    baseline: Path | None
    exit_zero: bool
    config: Path | None
    localise: bool = False


def _selected(config: Config, args: argparse.Namespace) -> tuple[str, ...]:
    """The rules to run, chosen as ruff chooses them: the command line is a layer over the configuration.

    ``--select`` starts a new selection, dropping the configuration's ``select``,
    ``extend-select`` and ``ignore``. Otherwise the configuration's selection
    stands, ``--extend-select`` adds to it and ``--ignore`` takes from it (within
    the command line, the longest matching prefix wins).

    Raises:
        ValueError: a selector that matches no rule.
    """
    extend, ignore = args.extend_select or [], args.ignore or []
    if args.select is not None:
        rules = _SELECTABLE.select(args.select, ignore, extend_select=extend)
        return tuple(r.code for r in rules)
    base = _SELECTABLE.select(config.select, config.ignore, extend_select=config.extend_select or ())
    on = {r.code for r in _SELECTABLE.select(extend, ignore)} if extend else set()
    off = {r.code for r in _SELECTABLE.select(ignore)} - on if ignore else set()
    chosen = {r.code for r in base} | on
    return tuple(r.code for r in _SELECTABLE if r.code in chosen and r.code not in off)


def _settings(args: argparse.Namespace) -> _Settings:
    """The configuration file's settings with the command line's on top.

    Raises:
        ConfigError: the configuration file cannot be used.
        ValueError: a rule selector that matches no rule.
    """
    if args.isolated:
        config = Config()
    elif args.config is not None:
        config = load_config(Path(args.config))
    else:
        config = discover_config(Path.cwd())
    return _Settings(
        codes=_selected(config, args),
        format=args.format or config.format or "table",
        locale=args.locale or config.locale or "en",
        baseline=Path(args.baseline) if args.baseline is not None else config.baseline,
        exit_zero=args.exit_zero if args.exit_zero is not None else bool(config.exit_zero),
        config=config.path,
        localise=args.localise and _solver(),
    )


def _solver() -> bool:
    """Whether error localisation can run (raises ImportError naming the extra when it cannot)."""
    # Loaded by --localise only: a check that localises nothing loads no solver.
    from perfcheck._localise import require_solver  # noqa: PLC0415 - loaded by the option that uses it

    return require_solver()


def _fail(message: object) -> int:
    print(f"perfcheck: {message}", file=sys.stderr)
    return EXIT_UNUSABLE


def _acknowledgements(settings: _Settings, write: Path | None) -> list[Acknowledgement]:
    """The baseline in use; when writing a new one, an unfinished or missing one is fine."""
    if settings.baseline is None:
        return []
    if write is not None:
        if not settings.baseline.exists():
            return []
        return load_baseline(settings.baseline, require_reasons=False)
    return load_baseline(settings.baseline)


def _read(paths: Sequence[str], exclude: list[Path], *, light: bool = False) -> tuple[list[_Task], bool]:
    """Every document named, each once, to be read where it is checked; and whether the run named one.

    With ``light`` a line of a JSON Lines file is only where it is (``path_tasks``).
    """
    tasks: list[_Task] = []
    seen: set[tuple[str, int | None]] = set()
    resolved: dict[str, str] = {}  # once a file, not once a line of JSON Lines
    folders: dict[str, str] = {}  # once a folder, not once a file of it
    for name in paths:
        for task in path_tasks(name, exclude=exclude, light=light):
            if task.path is not None and task.path != "-":
                where = resolved.get(task.path)
                if where is None:
                    where = resolved[task.path] = _real(task.path, folders)
                key = (where, task.line)
                if key in seen:
                    continue
                seen.add(key)
            tasks.append(task)
    single = len(paths) == 1 and len(tasks) == 1 and tasks[0].line is None and not Path(paths[0]).is_dir()
    return tasks, single


def _real(path: str, folders: dict[str, str]) -> str:
    """The path ``Path(path).resolve()`` gives, each folder resolved once (``folders``, by name).

    A file that is no symbolic link is its resolved folder's entry of its name, so a
    folder of many files costs one check a file (is it a link?) rather than one a
    component of its path.

    >>> seed = "examples/seed-ziyang-fulian-2021.json"
    >>> _real(seed, {}) == str(Path(seed).resolve())
    True
    """
    # os.path rather than Path: a Path made and resolved a file was most of reading a folder
    if os.path.islink(path):  # noqa: PTH114
        return os.path.realpath(path)
    folder, name = os.path.split(path)
    real = folders.get(folder)
    if real is None:
        real = folders[folder] = os.path.realpath(folder or os.curdir)
    return os.path.join(real, name)  # noqa: PTH118


def _extraction(path: str, unit: str | None = None) -> Extraction:
    """Extract the report at ``path``.

    Raises:
        LedgerError: the file cannot be read, is not UTF-8, or what was read is not a valid document.
    """
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        msg = f"{path}: cannot read: {exc.strerror or exc}"
        raise LedgerError(msg, []) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        msg = f"{path}: not UTF-8 text (byte {exc.start}: {exc.reason})"
        raise LedgerError(msg, []) from None
    # Loaded by the commands that read a report's text: checking JSON loads no text reader.
    from perfcheck.extract import extract  # noqa: PLC0415 - loaded by the command that uses it

    return extract(text, name=path, unit=unit)


def run_extract(args: argparse.Namespace) -> int:
    """``perfcheck extract``: the exit code."""
    try:
        found = _extraction(args.file, args.unit)
    except LedgerError as exc:
        return _fail(exc)
    text = _ledger.document.dumps(found.ledger) + "\n"
    if args.output is None:
        sys.stdout.write(text)
    else:
        try:
            Path(args.output).write_text(text, encoding="utf-8")
        except OSError as exc:
            return _fail(f"{args.output}: cannot write: {exc.strerror or exc}")
    print(f"perfcheck: {args.file}: {render.extraction_summary(found.summary, args.locale)}", file=sys.stderr)
    if args.explain:
        print(found.explain(), file=sys.stderr)
    return EXIT_OK


def _explain_texts(args: argparse.Namespace, fmt_name: str, locale: str) -> None:
    """``check --explain``: for each named .txt report, the summary line and the relations' sentences.

    Without ``--explain``, a report with misprinted numbers or a table it read no relation
    from still says so on standard error.
    """
    out = sys.stdout if fmt_name == "table" else sys.stderr
    for path in args.paths:
        if not path.lower().endswith(".txt") or Path(path).is_dir():
            continue
        try:
            found = _extraction(path)
        except LedgerError:
            continue  # reported with the findings
        if not args.explain:
            if found.unreadable:
                shown = ", ".join(f"{n} (line {p.line})" for p in found.unreadable for n in p.unreadable)
                print(f"perfcheck: {path}: could not read {shown}; --explain lists them", file=sys.stderr)
            if found.unread_tables:
                shown = ", ".join(f"lines {t.line}-{t.last}" for t in found.unread_tables)
                said = f"read no relation from the table at {shown}; --explain says why"
                print(f"perfcheck: {path}: {said}", file=sys.stderr)
            continue
        print(f"{path}: {render.extraction_summary(found.summary, locale)}", file=out)
        print(found.explain(), file=out)
        print(file=out)


def run_check(args: argparse.Namespace) -> int:  # noqa: C901 - reads, checks, acknowledges, writes
    """``perfcheck check``: the exit code."""
    write = Path(args.write_baseline) if args.write_baseline is not None else None
    try:
        settings = _settings(args)
        acks = _acknowledgements(settings, write)
    except (ConfigError, BaselineError, ValueError, ImportError) as exc:
        return _fail(exc)
    base = settings.baseline.parent if settings.baseline is not None else Path()
    exclude = [p for p in (settings.baseline, write, settings.config) if p is not None]
    streams = _streams(args, settings, write)
    # written where it is checked, a line of JSON Lines is read there: no copy of the file is kept
    tasks, single = _read(args.paths, exclude, light=streams)
    if streams:
        return _run_streamed(args, settings, tasks, single=single)
    items = _results(tasks, settings, args.jobs, strict_decimals=args.strict_decimals, blanks=args.blanks)

    checked: list[Checked] = []
    unusable: list[tuple[str, str]] = []
    used: set[Acknowledgement] = set()
    keys: dict[str, str] = {}
    for item in items:
        if item.result is None:
            unusable.append((item.path or item.name, str(item.error)))
            continue
        path = item.path or item.name
        key = document_key(path, item.line, base)
        keys[item.name] = key
        matched = acknowledge(item.result.findings, acks, key)
        used.update(a for a in matched if a is not None)
        acknowledged = tuple(matched) if settings.baseline is not None and write is None else None
        checked.append(Checked(item.name, path, item.line, item.result, acknowledged))
    if write is not None:
        return _write_baseline(write, checked, keys, acks, unusable=bool(unusable))

    if settings.baseline is not None:
        gone = stale(acks, used, documents=set(keys.values()), codes=settings.codes)
        for ack in gone:
            print(
                f"perfcheck: warning: {settings.baseline}: stale acknowledgement: {ack.describe()} "
                "matches no finding; remove it from the baseline",
                file=sys.stderr,
            )
        checked = [
            replace(c, stale=tuple(a for a in gone if a.document in {None, keys[c.name]})) for c in checked
        ]

    _explain_texts(args, settings.format, settings.locale)
    text = render_documents(
        checked,
        settings.format,
        locale=settings.locale,
        single=single,
        unusable=unusable,
        baseline=None if settings.baseline is None else str(settings.baseline),
        registry=all_rules,
    )
    # Nothing could be read: the errors on standard error say so, and a JSON list or
    # table of no documents would only hide them (SARIF reports them as notifications).
    if text and (checked or settings.format == "sarif"):
        print(text)
    if unusable:
        return EXIT_UNUSABLE
    if any(c.failing for c in checked) and not settings.exit_zero:
        return EXIT_ERRORS
    return EXIT_OK


def _streams(args: argparse.Namespace, settings: _Settings, write: Path | None) -> bool:
    """Whether the run writes each document where it is checked, keeping only its text.

    So it does in a format written a document at a time, unless a baseline is read or
    written, errors are localised, or a report's text is explained (which comes first).
    """
    return (
        settings.format in render.STREAMED
        and settings.baseline is None
        and write is None
        and not settings.localise
        and not any(path.lower().endswith(".txt") for path in args.paths)
    )


def _run_streamed(args: argparse.Namespace, settings: _Settings, tasks: list[_Task], *, single: bool) -> int:
    """``perfcheck check`` writing each document where it is checked (in a worker, with ``--jobs``).

    A clean JSON document is written from the fast path's counts, with no result built.
    When no series rule is selected (and no progress counter shares the terminal), each
    document's part is written as it comes and nothing of it is kept. Otherwise what is
    kept of a document is its part of the output: documents that the series rules pair
    are checked again at the end, with those rules, and written again.
    """
    options, series_codes = _batch_options(settings, strict_decimals=args.strict_decimals, blanks=args.blanks)
    output = Output(settings.format, settings.locale, single)
    progress = _Progress(len(tasks), shown=len(tasks) > PROGRESS_AFTER and sys.stderr.isatty())
    run = _Streamed(progress, kept=bool(series_codes))
    texts = run.texts(show_tasks(tasks, options, output, args.jobs))
    if series_codes or progress.shown:
        parts = list(texts)
        progress.clear()
        if series_codes:
            paired = sorted({i for pair in series_pairs(run.keys) for i in pair})
            again_tasks = read_lines([tasks[run.at[i]] for i in paired])
            items = list(run_tasks(again_tasks, options))
            for i, item in zip(
                paired,
                _series(items, again_tasks, settings, series_codes, args.blanks),
                strict=True,
            ):
                again = shown(item, output)
                parts[i], run.failing[i] = again.text, again.failing
        _write_parts(parts, settings.format, single=single)
    else:
        _write_parts(texts, settings.format, single=single)  # each part written as it comes
    if run.unusable:
        return EXIT_UNUSABLE
    if any(run.failing) and not settings.exit_zero:
        return EXIT_ERRORS
    return EXIT_OK


class _Streamed:
    """What a streamed run keeps of a document: whether it fails; for the series rules, its key and task."""

    def __init__(self, progress: _Progress, *, kept: bool) -> None:
        self.progress = progress
        self.kept = kept
        self.failing: list[bool] = []
        self.keys: list[tuple[str | None, str | None]] = []
        self.at: list[int] = []  # the task of each part
        self.unusable = False

    def texts(self, documents: Iterable[Shown]) -> Iterator[str]:
        """Each usable document's part, in order; an unusable one said on standard error as it comes."""
        for k, one in enumerate(documents):
            self.progress.step()
            if one.error is not None:
                self.progress.clear()
                print(f"perfcheck: {one.error}", file=sys.stderr)
                self.unusable = True
                continue
            self.failing.append(one.failing)
            if self.kept:
                self.keys.append((one.entity, one.period))
                self.at.append(k)
            yield one.text


def _write_parts(parts: Iterable[str], fmt_name: str, *, single: bool) -> None:
    """The documents' parts joined on standard output, a piece at a time; nothing when there is none."""
    pieces = iter(parts)
    first = next(pieces, None)
    if first is None:
        return
    sys.stdout.writelines(parts_joined(chain([first], pieces), fmt_name, single=single))
    sys.stdout.write("\n")


def _batch_options(
    settings: _Settings, *, strict_decimals: bool, blanks: str | None
) -> tuple[_Options, tuple[str, ...]]:
    """How each document is checked, and the series rules selected."""
    codes = tuple(c for c in settings.codes if c in default_registry)
    series_codes = tuple(c for c in settings.codes if c in series_registry)
    limits = Limits(strict_decimals=True) if strict_decimals else None
    options = _options(codes, None, (), preview=False, locale=settings.locale, limits=limits, blanks=blanks)
    return options, series_codes


def _series(
    items: list[BatchItem],
    tasks: list[_Task],
    settings: _Settings,
    series_codes: tuple[str, ...],
    blanks: str | None,
) -> list[BatchItem]:
    """The items of documents the series rules pair, read again, with those rules' findings."""
    if not items:
        return items
    ledgers = [read_task(task, blanks=blanks) for task in tasks]
    names = [task.name for task in tasks]
    # The series path (models), loaded now that some documents pair (perfcheck/__init__.py).
    series = perfcheck._series  # noqa: SLF001 - the model path, loaded on first use
    found = series.check_series(ledgers, select=series_codes, locale=settings.locale, names=names).findings
    out = []
    for item, ledger, extra in zip(items, ledgers, found, strict=True):
        result = item.result
        out.append(
            item
            if result is None
            else replace(item, result=series.with_series(result, ledger, extra, series_codes))
        )
    return out


def _localised(items: list[BatchItem], settings: _Settings) -> list[BatchItem]:
    """With ``--localise``, each checked document's result with which printed figures are likely wrong."""
    if not settings.localise:
        return items
    return [i if i.result is None else replace(i, result=i.result.localise()) for i in items]


class _Progress:
    """A counter of documents checked, on standard error, rewritten in place (a terminal only)."""

    def __init__(self, total: int, *, shown: bool) -> None:
        self.total = total
        self.shown = shown
        self.done = 0
        self.written = 0

    def step(self) -> None:
        self.done += 1
        if self.shown and (self.done == self.total or self.done - self.written >= max(1, self.total // 200)):
            self.written = self.done
            sys.stderr.write(f"\rperfcheck: checked {self.done}/{self.total}")
            sys.stderr.flush()

    def clear(self) -> None:
        if self.shown and self.written:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def _results(
    tasks: list[_Task],
    settings: _Settings,
    jobs: int,
    *,
    strict_decimals: bool = False,
    blanks: str | None = None,
) -> list[BatchItem]:
    """Each document checked (in ``jobs`` processes), in order, with the series rules' findings.

    Unusable documents are reported on standard error as they come; a progress
    counter is shown on a terminal for long runs.
    """
    options, series_codes = _batch_options(settings, strict_decimals=strict_decimals, blanks=blanks)
    progress = _Progress(len(tasks), shown=len(tasks) > PROGRESS_AFTER and sys.stderr.isatty())
    items: list[BatchItem] = []
    for item in run_tasks(tasks, options, jobs):
        progress.step()
        if item.error is not None:
            progress.clear()
            print(f"perfcheck: {item.error}", file=sys.stderr)
        items.append(item)
    progress.clear()
    items = _localised(items, settings)
    if not series_codes:
        return items
    # Series: only documents with a partner in a consecutive year are read again, here.
    ok = [i for i, item in enumerate(items) if item.result is not None]
    keys = [(items[i].entity, items[i].period) for i in ok]
    paired = sorted({ok[i] for pair in series_pairs(keys) for i in pair})
    again = _series([items[i] for i in paired], [tasks[i] for i in paired], settings, series_codes, blanks)
    for i, item in zip(paired, again, strict=True):
        items[i] = item
    return items


def _write_baseline(
    path: Path, checked: list[Checked], keys: dict[str, str], acks: list[Acknowledgement], *, unusable: bool
) -> int:
    """Write an acknowledgement of every error and warning, keeping the reasons already written."""
    base = path.parent
    documents = []
    for c in checked:
        previous = acknowledge(c.result.findings, acks, keys[c.name])
        documents.append((document_key(c.path, c.line, base), c.result.findings, previous))
    entries = baseline_entries(documents)
    try:
        path.write_text(dumps_baseline(entries), encoding="utf-8")
    except OSError as exc:
        return _fail(f"{path}: cannot write the baseline: {exc.strerror or exc}")
    todo = sum(not a.reason.strip() for a, _ in entries)
    wrote = "1 acknowledgement" if len(entries) == 1 else f"{len(entries)} acknowledgements"
    needs = "needs" if todo == 1 else "need"
    print(
        f"perfcheck: wrote {wrote} to {path}; "
        f"{todo} {needs} a reason before the file can be used with --baseline",
        file=sys.stderr,
    )
    return EXIT_UNUSABLE if unusable else EXIT_OK


def run_rules(fmt_name: str, locale: str) -> int:
    """``perfcheck rules``: the exit code."""
    if fmt_name == "json":
        data = [
            {
                "code": r.code,
                "name": r.name,
                "severity": r.severity.value,
                "status": r.status.value,
                "summary": render.summary_of(r, locale),
                "kinds": sorted(r.kinds),
            }
            for r in all_rules
        ]
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return EXIT_OK
    if fmt_name == "markdown":
        print(render.rules_markdown(all_rules, locale), end="")
        return EXIT_OK
    print(render.rules_table(all_rules, locale))
    return EXIT_OK


def run_explain(code: str, locale: str) -> int:
    """``perfcheck explain``: the exit code."""
    code = code.strip().upper()
    if code not in _SELECTABLE:
        return _fail(f"no rule {code!r}; `perfcheck rules` lists them")
    print(render.rule_page(_SELECTABLE[code], locale), end="")
    return EXIT_OK
