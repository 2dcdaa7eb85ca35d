"""GitHub Actions workflow commands: an annotation a finding, one a stale acknowledgement."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from perfcheck._findings.plain import PlainFinding, PlainLocation, Severity

if TYPE_CHECKING:
    from collections.abc import Sequence

    from perfcheck._findings.finding import Finding, Location
    from perfcheck.render._common import Checked

_GITHUB_COMMAND: Final = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def start_line(document: Checked, finding: Finding | PlainFinding) -> int | None:
    """The line a finding is shown at: a JSON Lines document's line, else a figure's source line."""
    if document.line is not None:
        return document.line
    locations: tuple[Location | PlainLocation, ...] = finding.locations
    ordered = sorted(locations, key=lambda loc: loc.figure != finding.subject)
    return next((loc.source.line for loc in ordered if loc.source and loc.source.line), None)


def github_data(text: str) -> str:
    r"""Escape a workflow command's message: ``%``, carriage return and line feed.

    >>> github_data("50%\nmore")
    '50%25%0Amore'
    """
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    """Escape a workflow command's property value: as :func:`github_data`, and ``:`` and ``,``.

    >>> github_property("a:b,c")
    'a%3Ab%2Cc'
    """
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


def _annotation(command: str, message: str, *, file: str | None, line: int | None, title: str) -> str:
    props = []
    if file is not None:
        props.append(f"file={github_property(file)}")
    if line is not None:
        props.append(f"line={line}")
    props.append(f"title={github_property(title)}")
    return f"::{command} {','.join(props)}::{github_data(message)}"


def github_annotations(
    documents: Sequence[Checked], *, baseline: str | None = None, locale: str | None = None
) -> str:
    """GitHub Actions workflow commands: one annotation a finding, one a stale acknowledgement.

    Errors are ``::error``, warnings ``::warning``, infos and acknowledged findings
    ``::notice`` (with the reason). Each points at the document's file and, where
    known, a line (:func:`start_line`). Messages are written in ``locale`` (default:
    each finding's own).
    """
    lines = []
    for document in documents:
        file = None if document.path == "-" else document.path
        for finding, ack in document.pairs():
            text = finding.text(locale)
            message = f"{finding.relation}: {text}" if finding.relation else text
            command, title = _GITHUB_COMMAND[finding.severity], finding.code
            if ack is not None:
                command, title = "notice", f"{finding.code} (acknowledged)"
                message = f"{message} — acknowledged: {ack.reason}"
            lines.append(
                _annotation(command, message, file=file, line=start_line(document, finding), title=title)
            )
    for ack in dict.fromkeys(a for d in documents for a in d.stale):
        message = f"{ack.describe()} matches no finding; remove it from the baseline"
        lines.append(_annotation("warning", message, file=baseline, line=None, title="stale acknowledgement"))
    return "\n".join(lines)
