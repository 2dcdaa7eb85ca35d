"""Results as the spec's JSON: a ``findings`` list and a summary, one object a document.

Field values are data and are the same in every locale; ``message`` is the finding's
sentence in the locale asked for, ``message_id`` and ``message_params`` what it is
written from.

>>> import perfcheck
>>> result = perfcheck.check("examples/seed-with-mistakes.json", select=["PC102"])
>>> finding_json(result.errors[0], locale="zh_CN")["message"][:6]
'基本支出印为'
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Final

import orjson

from perfcheck._findings.counts import plain_coverage
from perfcheck._findings.reported import result_json_dict

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    from perfcheck._findings.acknowledgement import Acknowledgement
    from perfcheck._findings.finding import Finding
    from perfcheck._findings.plain import PlainFinding
    from perfcheck._findings.result import Reported
    from perfcheck.render._common import Checked


def finding_json(
    finding: Finding | PlainFinding, ack: Acknowledgement | None = None, *, locale: str | None = None
) -> dict[str, Any]:
    """A finding as JSON-ready data, with ``acknowledged: {"reason": ...}`` when it is acknowledged.

    ``message`` is written in ``locale`` (default: the finding's own).
    """
    data = finding.to_json_dict()
    if locale is not None and locale != finding.locale:
        data["message"] = finding.text(locale)
    if ack is not None:
        data["acknowledged"] = {"reason": ack.reason}
    return data


def result_json(result: Reported, *, locale: str | None = None) -> dict[str, Any]:
    """A result as the spec's JSON, its messages in ``locale`` (default: the result's)."""
    data = result.to_json_dict(findings=False)
    data["findings"] = [finding_json(f, locale=locale) for f in result.findings]
    return data


def document_json(document: Checked, *, locale: str | None = None) -> dict[str, Any]:
    """One checked document as the spec's JSON, with its path (and line), acknowledgements and stale ones."""
    data: dict[str, Any] = {"path": document.path}
    if document.line is not None:
        data["line"] = document.line
    data.update(document.result.to_json_dict(findings=False))
    data["findings"] = [finding_json(f, a, locale=locale) for f, a in document.pairs()]
    if document.acknowledged is not None:
        data["summary"]["acknowledged"] = sum(a is not None for a in document.acknowledged)
        data["stale_acknowledgements"] = [a.to_json_dict() for a in document.stale]
    return data


def documents_json(documents: Sequence[Checked], *, single: bool = False, locale: str | None = None) -> str:
    """Several documents as JSON text: a list, or the one object when the run named a single document."""
    return "".join(joined((document_part(d, locale=locale) for d in documents), single=single))


def document_part(document: Checked, *, locale: str | None = None) -> str:
    """One document's part of :func:`documents_json`'s text (an item of the list, indented as one)."""
    return _item(document_json(document, locale=locale))


def clean_part(
    path: str,
    line: int | None,
    title: str | None,
    relations_checked: int,
    counts: tuple[int, int, int, int, int],
) -> str:
    """The part of :func:`documents_json` of a document with no findings and no baseline, from its counts.

    ``counts`` are the document's figures, those in relations, relations, inferred and idle ones,
    as the fast path counted them; nothing else is built.
    """
    try:
        head = _CLEAN_HEAD.format(
            orjson.dumps(path).decode(),
            "" if line is None else _CLEAN_LINE.format(line),
            orjson.dumps(title).decode(),
        )
    except orjson.JSONEncodeError:  # what orjson refuses (a lone surrogate) is json's, as indented() says
        data: dict[str, Any] = {"path": path}
        if line is not None:
            data["line"] = line
        data.update(_clean_dict(title, relations_checked, counts))
        return _item(data)
    tail = _CLEAN_TAILS.get((relations_checked, counts))
    if tail is None:
        # the same summary for every document of these counts: written once, after the title
        text = _item(_clean_dict(None, relations_checked, counts))
        tail = text[text.index(_NULL_TITLE) + len(_NULL_TITLE) :]
        if len(_CLEAN_TAILS) < _MANY:
            _CLEAN_TAILS[(relations_checked, counts)] = tail
    return head + tail


def _clean_dict(
    title: str | None, relations_checked: int, counts: tuple[int, int, int, int, int]
) -> dict[str, Any]:
    """A clean document's result as the spec's JSON, from the fast path's counts."""
    return result_json_dict(
        title, (0, 0, 0), relations_checked, plain_coverage(*counts, ()).to_json_dict(), []
    )


#: How :func:`clean_part` writes what comes before a clean document's summary (as :func:`_item`
#: indents it): its path, line and title; the rest depends only on its counts.
_CLEAN_HEAD: Final = '  {{\n    "path": {},{}\n    "perfcheck": "1",\n    "title": {}'
_CLEAN_LINE: Final = '\n    "line": {},'
_NULL_TITLE: Final = '\n    "title": null'
#: What :func:`clean_part` writes after the title, by relations checked and counts.
_CLEAN_TAILS: dict[tuple[int, tuple[int, int, int, int, int]], str] = {}
_MANY: Final = 1024


def _item(data: object) -> str:
    """``data`` as an item of an indented JSON list: every line two spaces further in."""
    return "  " + indented(data).replace("\n", "\n  ")  # a newline in a string is written \n


def joined(parts: Iterable[str], *, single: bool = False) -> Iterator[str]:
    """What :func:`documents_json` writes of its documents' parts, a piece at a time.

    A list of them, or the one object when the run named a single document (and one
    was checked).
    """
    if single:  # one document at most: its object, not a list
        items = list(parts)
        if len(items) == 1:
            yield items[0][2:].replace("\n  ", "\n")
            return
        parts = items
    first = True
    for part in parts:
        yield ("[\n" if first else ",\n") + part
        first = False
    yield "[]" if first else "\n]"


def indented(data: object) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=2)``, written by orjson.

    The standard library's encoder runs in Python when it indents (0.9 s of a 1.2 s
    rendering of 414 findings, profiled); orjson writes the same text for what results
    are made of: text, integers, booleans, None, and lists and objects of them with text
    keys (no float: the two write some exponents differently, and no result holds one).
    Anything orjson refuses (an integer beyond 64 bits, a lone surrogate) is left to json.
    """
    try:
        return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode()
    except orjson.JSONEncodeError:
        return json.dumps(data, ensure_ascii=False, indent=2)
