"""Acknowledged findings: a baseline file of publishers' explanations.

Budget software's 核实性 checks let a publisher keep a figure that fails a check when
they explain why. A baseline does the same for perfcheck: each acknowledgement
names a finding by its rule code, relation and set of figures (and, when written by
``--write-baseline``, its document) and carries a written ``reason``. A finding
that matches an acknowledgement is shown as acknowledged and does not fail the
run; an acknowledgement that matches nothing is stale and is reported.

The file is TOML, so that reasons are easy to write by hand::

    [[acknowledgement]]
    document = "reports/wuzhou-2024.json"
    code = "PC201"
    relation = "R4"
    figures = ["proj", "basic", "proj_pct"]
    reason = "项目支出占比按调整后预算计算，见说明第三段"

``document`` is the checked file relative to the baseline's folder (``file:line``
for a document of a JSON Lines file); without it the acknowledgement applies to
every document. Without ``relation`` it is about a finding on no relation.
Every ``reason`` must be written: :func:`load_baseline` refuses an empty one.

These are plain functions over findings; the core never imports this module.

>>> from perfcheck import Finding, Severity, Verdict
>>> ack = Acknowledgement(code="PC201", relation="R4", figures=("a", "b"), reason="as published")
>>> finding = Finding(code="PC201", severity=Severity.ERROR, verdict=Verdict.BROKEN,
...                   relation="R4", figures=("b", "a"), message="...")
>>> acknowledge([finding], [ack], document="report.json")
[Acknowledgement(code='PC201', relation='R4', figures=('a', 'b'), reason='as published', document=None)]
"""

from __future__ import annotations

import os
import posixpath
import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Final

from perfcheck._core import lazy
from perfcheck._core.errors import PerfcheckError
from perfcheck._findings.acknowledgement import Acknowledgement
from perfcheck._findings.plain import PlainFinding, Severity
from perfcheck.rules import default_registry

if TYPE_CHECKING:
    import tomllib
    from collections.abc import Collection, Iterable, Sequence

    from perfcheck._findings.finding import Finding
else:
    tomllib = lazy.module("tomllib")  # read only when a baseline is given

#: The document name of standard input in a baseline.
STDIN_DOCUMENT: Final = "<stdin>"
_KEYS: Final = ("document", "code", "relation", "figures", "reason")
_CODE: Final = re.compile(r"PC[0-9]{3}")
_HEADER: Final = """\
# perfcheck baseline: findings that stand, each with the publisher's explanation.
#
# Written by `perfcheck check --write-baseline`. Fill in every `reason` (perfcheck
# refuses an empty one), then check with `--baseline` this file. `document` paths are
# relative to this file's folder; a finding is matched by document, code, relation
# and the set of figures.
"""


class BaselineError(PerfcheckError, ValueError):
    """A baseline file that cannot be used; the message names the file and the acknowledgement."""


def document_key(path: str, line: int | None, base: Path) -> str:
    """How a baseline names a document: its file relative to ``base``, ``:line`` for JSON Lines.

    >>> document_key("reports/a.jsonl", 3, Path("reports"))
    'a.jsonl:3'
    """
    if path == "-":
        return STDIN_DOCUMENT
    name = _relative_name(path, base)
    return name if line is None else f"{name}:{line}"


@lru_cache(maxsize=64)
def _relative_name(path: str, base: Path) -> str:
    """``path`` relative to ``base``, both resolved: once a file, not once a line of JSON Lines."""
    target = Path(path).resolve()
    try:
        return Path(os.path.relpath(target, base.resolve())).as_posix()
    except ValueError:  # another drive
        return target.as_posix()


def load_baseline(path: Path, *, require_reasons: bool = True) -> list[Acknowledgement]:
    """Read a baseline file.

    Args:
        path: the TOML file.
        require_reasons: refuse acknowledgements whose ``reason`` is empty (the
            default; ``--write-baseline`` reads an unfinished file without it to keep
            the reasons already written).

    Raises:
        BaselineError: the file cannot be read, is not valid, or has an empty reason.
    """
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        msg = f"{path}: cannot read the baseline: {exc.strerror or exc}"
        raise BaselineError(msg) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        msg = f"{path}: invalid baseline (TOML): {exc}"
        raise BaselineError(msg) from None
    extra = sorted(set(data) - {"acknowledgement"})
    if extra:
        msg = f"{path}: unknown key {extra[0]!r}; a baseline holds [[acknowledgement]] tables"
        raise BaselineError(msg)
    items = data.get("acknowledgement", [])
    if not isinstance(items, list):
        msg = f"{path}: acknowledgement must be an array of tables ([[acknowledgement]])"
        raise BaselineError(msg)
    acks = [_acknowledgement(item, f"{path}: acknowledgement {i}") for i, item in enumerate(items, start=1)]
    acks = [replace(a, document=_normalized(a.document, path.parent)) if a.document else a for a in acks]
    _refuse_duplicates(acks, path)
    if require_reasons:
        empty = [f"#{i} {a.describe()}" for i, a in enumerate(acks, start=1) if not a.reason.strip()]
        if empty:
            noun = "acknowledgement has" if len(empty) == 1 else "acknowledgements have"
            msg = (
                f"{path}: {len(empty)} {noun} no reason: {'; '.join(empty)}. "
                "Write the publisher's explanation in each `reason`: an acknowledgement "
                "without one would hide a finding nobody has explained"
            )
            raise BaselineError(msg)
    return acks


def _acknowledgement(item: object, where: str) -> Acknowledgement:
    if not isinstance(item, dict):
        msg = f"{where}: not a table"
        raise BaselineError(msg)
    for key in item:
        if key not in _KEYS:
            msg = f"{where}: unknown key {key!r}; the keys are {', '.join(_KEYS)}"
            raise BaselineError(msg)
    for key in ("code", "figures", "reason"):
        if key not in item:
            msg = f"{where}: {key} is missing"
            raise BaselineError(msg)
    code, relation, figures = item["code"], item.get("relation"), item["figures"]
    reason, document = item["reason"], item.get("document")
    if not isinstance(code, str) or not _CODE.fullmatch(code):
        msg = f'{where}: code must be a rule code such as "PC201", not {code!r}'
        raise BaselineError(msg)
    if code not in default_registry:
        msg = f"{where}: no rule {code}; `perfcheck rules` lists them"
        raise BaselineError(msg)
    if not isinstance(figures, list) or not all(isinstance(f, str) for f in figures):
        msg = f"{where}: figures must be a list of figure ids"
        raise BaselineError(msg)
    _string_or_none(relation, f"{where}: relation must be a relation id; leave it out for no relation")
    _string_or_none(document, f"{where}: document must be a path relative to the baseline's folder")
    if not isinstance(reason, str):
        msg = f"{where}: reason must be a string: the publisher's explanation"
        raise BaselineError(msg)
    return Acknowledgement(code, relation, tuple(figures), reason, document)


def _normalized(document: str, base: Path) -> str:
    """A document as :func:`document_key` names it: ``./a//b.json`` is ``a/b.json``; absolute is relative."""
    name, sep, line = document.rpartition(":")
    if not (sep and line.isdigit()):
        name, line = document, ""
    if Path(name).is_absolute():
        return document_key(name, int(line) if line else None, base)
    normal = posixpath.normpath(Path(name).as_posix())
    return f"{normal}:{line}" if line else normal


def _string_or_none(value: object, msg: str) -> None:
    if value is not None and not isinstance(value, str):
        raise BaselineError(msg)


def _refuse_duplicates(acks: Sequence[Acknowledgement], path: Path) -> None:
    first: dict[object, int] = {}
    for i, ack in enumerate(acks, start=1):
        earlier = first.setdefault(ack.key(), i)
        if earlier != i:
            msg = f"{path}: acknowledgements {earlier} and {i} name the same finding ({ack.describe()})"
            raise BaselineError(msg)


def acknowledge(
    findings: Sequence[Finding | PlainFinding], acks: Sequence[Acknowledgement], document: str
) -> list[Acknowledgement | None]:
    """For each finding of one document, the acknowledgement that matches it, or None."""
    return [next((a for a in acks if a.matches(f, document)), None) for f in findings]


def stale(
    acks: Sequence[Acknowledgement],
    used: Collection[Acknowledgement],
    *,
    documents: Collection[str],
    codes: Collection[str],
) -> list[Acknowledgement]:
    """The acknowledgements that could have matched a finding in this run but matched none.

    An acknowledgement of a document that was not checked, or of a rule that did not
    run, is not stale: the run could not have found its finding.

    Args:
        acks: every acknowledgement of the baseline.
        used: those that matched a finding.
        documents: the names (:func:`document_key`) of the documents checked.
        codes: the codes of the rules that ran.
    """
    return [
        a
        for a in acks
        if a not in used and a.code in codes and (a.document is None or a.document in documents)
    ]


def baseline_entries(
    documents: Iterable[tuple[str, Sequence[Finding | PlainFinding], Sequence[Acknowledgement | None]]],
) -> list[tuple[Acknowledgement, str]]:
    """Acknowledgements for every error and warning found, with the finding's message.

    Args:
        documents: for each document its name (:func:`document_key`), its findings,
            and the acknowledgement each finding already has (its reason is kept);
            a finding without one gets an empty reason, to be written.
    """
    out: dict[object, tuple[Acknowledgement, str]] = {}
    for name, findings, acks in documents:
        for finding, ack in zip(findings, acks, strict=True):
            if finding.severity is Severity.INFO:
                continue
            entry = Acknowledgement(
                code=finding.code,
                relation=finding.relation,
                figures=finding.figures,
                reason="" if ack is None else ack.reason,
                document=name,
            )
            out.setdefault(entry.key(), (entry, f"{finding.severity.value}: {finding.message}"))
    return list(out.values())


def dumps_baseline(entries: Iterable[tuple[Acknowledgement, str | None]]) -> str:
    r"""A baseline file's text: each acknowledgement, after a comment with the finding's message.

    >>> ack = Acknowledgement(code="PC201", relation=None, figures=("a",), reason='say "why"')
    >>> print(dumps_baseline([(ack, "error: a is off")]).split("\n\n", 1)[1], end="")
    [[acknowledgement]]
    # error: a is off
    code = "PC201"
    figures = ["a"]
    reason = "say \"why\""
    """
    parts = [_HEADER]
    for ack, note in entries:
        lines = ["[[acknowledgement]]"]
        if note:
            lines.append(f"# {_comment(note)}")
        if ack.document is not None:
            lines.append(f"document = {_toml_string(ack.document)}")
        lines.append(f"code = {_toml_string(ack.code)}")
        if ack.relation is not None:
            lines.append(f"relation = {_toml_string(ack.relation)}")
        lines.append(f"figures = [{', '.join(_toml_string(f) for f in ack.figures)}]")
        lines.append(f"reason = {_toml_string(ack.reason)}")
        parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)


_TOML_ESCAPES: Final = {
    "\\": "\\\\",
    '"': '\\"',
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def _toml_string(text: str) -> str:
    """A TOML basic string holding exactly ``text``."""
    out = []
    for char in text:
        if char in _TOML_ESCAPES:
            out.append(_TOML_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _comment(text: str) -> str:
    """Text that fits on one TOML comment line."""
    return "".join(" " if ord(c) < 0x20 or ord(c) == 0x7F else c for c in text)
