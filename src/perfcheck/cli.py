"""The ``perfcheck`` command, following ruff's conventions.

``perfcheck check PATH...`` checks ledger documents (files, folders, ``-`` for
standard input; a ``.txt`` file is a report's plain text, extracted first) and
prints the findings; ``perfcheck extract FILE.txt`` writes the ledger document
read from a report's text; ``perfcheck rules`` lists the rules;
``perfcheck explain CODE`` prints one rule's documentation. ``docs/cli.md``
describes every option.

Exit codes: 0 no error found, 1 errors found, 2 unusable input or usage.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence

from perfcheck._core.i18n import LOCALES
from perfcheck._core.version import VERSION
from perfcheck.render import OUTPUT_FORMATS


def _jobs(text: str) -> int:
    try:
        jobs = int(text)
    except ValueError:
        jobs = 0
    if jobs < 1:
        msg = f"{text!r} is not a number of processes (1 or more)"
        raise argparse.ArgumentTypeError(msg)
    return jobs


def _codes(text: str) -> list[str]:
    return [c.strip() for c in text.split(",") if c.strip()]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="perfcheck",
        description="Check the arithmetic of published budget and performance reports.",
    )
    parser.add_argument("--version", action="version", version=f"perfcheck {VERSION}")
    sub = parser.add_subparsers(dest="command", required=True)
    chk = sub.add_parser(
        "check",
        help="check ledger documents or reports' text and print the findings",
        description="Check ledger documents, or the plain text of reports, and print the findings. "
        "A PATH is read by its ending: .json (or any ending not below) as a JSON ledger document, "
        ".jsonl as JSON Lines (one document a line), .toml as TOML, .yaml/.yml as YAML (every document "
        "of the stream), .txt as a report's plain text (UTF-8; its ledger is extracted first, see "
        "--explain), .csv/.xlsx/.html/.htm/.pdf as tables (docs/tables.md: one figure a cell, relations "
        "from codes, totals and columns); a folder is searched for *.json, *.jsonl, *.toml, *.yaml and "
        "*.yml files; - reads "
        "one JSON document from standard input. Options not given are read from [tool.perfcheck] in the "
        "nearest pyproject.toml, or from perfcheck.toml; the command line wins.",
    )
    chk.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="a ledger document (.json, .jsonl, .toml, .yaml, .yml), a report's text (.txt), a table "
        "(.csv, .xlsx, .html, .pdf), a folder searched for ledger documents, or - for standard input (JSON)",
    )
    chk.add_argument("--format", choices=OUTPUT_FORMATS, help="output format (default: table)")
    chk.add_argument(
        "--explain",
        action="store_true",
        help="for a .txt report, show what was extracted and, per relation, the sentence it came from",
    )
    chk.add_argument(
        "--select",
        type=_codes,
        metavar="CODES",
        help="rule code prefixes to run, comma-separated; replaces the configuration's selection",
    )
    chk.add_argument(
        "--extend-select", type=_codes, metavar="CODES", help="rule code prefixes to run as well"
    )
    chk.add_argument("--ignore", type=_codes, metavar="CODES", help="rule code prefixes not to run")
    chk.add_argument(
        "--locale", choices=LOCALES, help="language of the messages, headers and summary (default: en)"
    )
    chk.add_argument(
        "--jobs",
        "-j",
        type=_jobs,
        default=1,
        metavar="N",
        help="check documents in N processes (default: 1); the output is the same",
    )
    chk.add_argument(
        "--localise",
        action="store_true",
        help="say which printed figures are likely wrong and what they could have been "
        "(docs/localise.md; needs perfcheck[localise])",
    )
    chk.add_argument(
        "--blanks",
        choices=("error", "absent"),
        help="how a ledger document's values that print nothing (-, —, empty) are read: an error, "
        'or no figure there (never zero); default: the document\'s own "blanks" key, else error',
    )
    chk.add_argument(
        "--strict-decimals",
        action="store_true",
        help="refuse a document with a value that has more digits than its decimals allow "
        "(default: report it, PC905, and leave the relations on it unjudged)",
    )
    chk.add_argument("--baseline", metavar="FILE", help="acknowledged findings (TOML), each with a reason")
    chk.add_argument(
        "--write-baseline",
        metavar="FILE",
        help="write an acknowledgement of every error and warning found to FILE (reasons to be written)",
    )
    chk.add_argument(
        "--exit-zero",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="exit 0 even when errors are found",
    )
    where = chk.add_mutually_exclusive_group()
    where.add_argument(
        "--config", metavar="FILE", help="read the configuration from FILE, not the nearest one"
    )
    where.add_argument(
        "--isolated", "--no-config", action="store_true", help="ignore every configuration file"
    )
    ext = sub.add_parser(
        "extract",
        help="extract a ledger document from the plain text of a report",
        description="Extract a ledger document from the plain text (UTF-8) of a report and write it as "
        "JSON. A summary (figures, relations, sentences with figures in no relation) goes to standard error.",
    )
    ext.add_argument("file", metavar="FILE", help="the report as plain text (UTF-8)")
    ext.add_argument("-o", "--output", metavar="FILE", help="write the document to FILE, not standard output")
    ext.add_argument("--unit", help="the document's amount unit (default: the most common one printed)")
    ext.add_argument(
        "--explain",
        action="store_true",
        help="show, per relation, the sentence it came from (standard error)",
    )
    ext.add_argument(
        "--locale", choices=LOCALES, default="en", help="language of the summary line (default: en)"
    )
    rules = sub.add_parser("rules", help="list every rule", description="List every rule.")
    rules.add_argument("--format", choices=("table", "markdown", "json"), default="table")
    rules.add_argument(
        "--locale", choices=LOCALES, default="en", help="language of the headers and summaries (default: en)"
    )
    exp = sub.add_parser(
        "explain",
        help="print a rule's documentation",
        description="Print a rule's documentation: what it checks, why, what to do, and its examples.",
    )
    exp.add_argument("code", help="a rule code such as PC201")
    exp.add_argument(
        "--locale",
        choices=LOCALES,
        default="en",
        help="language of the page (default: en)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    # The commands' work is loaded here, by the command that needs it: ``--help``, ``--version``
    # and a usage error load no checker, reader or renderer (docs/performance.md, "Start-up").
    from perfcheck import _commands  # noqa: PLC0415 - loaded by a command that runs

    if argv is None:  # the process's own command line: what is loaded now lives as long as it
        gc.freeze()  # so the collector need not walk it again at every collection while checking

    if args.command == "check":
        return _commands.run_check(args)
    if args.command == "extract":
        return _commands.run_extract(args)
    if args.command == "rules":
        return _commands.run_rules(args.format, args.locale)
    return _commands.run_explain(args.code, args.locale)


def entry() -> None:
    """Console-script entry point."""
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:  # `perfcheck check ... | head`: the reader left; say nothing more
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = 1  # as when errors are found: the findings were cut short
    except KeyboardInterrupt:
        code = 130
    sys.exit(code)
