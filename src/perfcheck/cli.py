"""The ``perfcheck`` command.

Exit codes: 0 no error found, 1 errors found, 2 unusable input or usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from perfcheck import __version__
from perfcheck._check import check
from perfcheck._document import load, loads
from perfcheck._errors import LedgerError
from perfcheck.render import FORMATS, render, rules_markdown
from perfcheck.rules import default_registry

EXIT_OK, EXIT_ERRORS, EXIT_UNUSABLE = 0, 1, 2


def _codes(text: str) -> list[str]:
    return [c.strip() for c in text.split(",") if c.strip()]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="perfcheck",
        description="Check the arithmetic of published budget and performance reports.",
    )
    parser.add_argument("--version", action="version", version=f"perfcheck {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    chk = sub.add_parser("check", help="check ledger documents and print the findings")
    chk.add_argument("paths", nargs="+", metavar="FILE", help="ledger documents (JSON); - for standard input")
    chk.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    chk.add_argument("--select", type=_codes, default=None, help="rule code prefixes to run, comma-separated")
    chk.add_argument("--ignore", type=_codes, default=[], help="rule code prefixes to skip, comma-separated")
    chk.add_argument("--exit-zero", action="store_true", help="exit 0 even when errors are found")
    sub.add_parser("rules", help="list every rule")
    exp = sub.add_parser("explain", help="print a rule's documentation")
    exp.add_argument("code", help="a rule code such as PC201")
    return parser


def _check(args: argparse.Namespace) -> int:
    worst = EXIT_OK
    outputs: list[str] = []
    documents: list[dict[str, object]] = []
    for name in args.paths:
        try:
            ledger = loads(sys.stdin.buffer.read(), name="<stdin>") if name == "-" else load(Path(name))
            result = check(ledger, select=args.select, ignore=args.ignore)
        except LedgerError as exc:
            print(f"perfcheck: {exc}", file=sys.stderr)
            worst = EXIT_UNUSABLE
            continue
        except ValueError as exc:
            print(f"perfcheck: {exc}", file=sys.stderr)
            return EXIT_UNUSABLE
        if args.format == "json":
            documents.append({"path": name, **result.to_json_dict()})
        else:
            text = render(result, args.format)
            outputs.append(f"{name}\n{text}" if len(args.paths) > 1 else text)
        if result.errors and worst == EXIT_OK:
            worst = EXIT_ERRORS
    if args.format == "json":
        # One document: its object; several: a list of them, each with its path.
        payload: object = documents[0] if len(args.paths) == 1 and documents else documents
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        print("\n\n".join(outputs))
    if args.exit_zero and worst == EXIT_ERRORS:
        return EXIT_OK
    return worst


def _rules() -> int:
    from tabulate import tabulate  # noqa: PLC0415 - only this command needs it

    rows = [(r.code, r.name, r.severity.value, r.status.value, r.summary) for r in default_registry]
    print(tabulate(rows, headers=("code", "name", "severity", "status", "summary")))
    return EXIT_OK


def _explain(code: str) -> int:
    if code not in default_registry:
        print(f"perfcheck: no rule {code!r}; `perfcheck rules` lists them", file=sys.stderr)
        return EXIT_UNUSABLE
    print(rules_markdown([default_registry[code]]).split("\n## ", 1)[1])
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if args.command == "check":
        return _check(args)
    if args.command == "rules":
        return _rules()
    return _explain(args.code)


def entry() -> None:
    """Console-script entry point."""
    sys.exit(main())
