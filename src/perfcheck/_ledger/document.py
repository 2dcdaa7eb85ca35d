"""The ledger document (format 1): figures as printed and the relations between them.

Here the document is read from JSON and written back (:func:`loads`, :func:`load`,
:func:`validate`, :func:`dumps`); the models are in :mod:`.figures`, :mod:`.relations`
and :mod:`.model` (all importable from here), and mirror ``spec/ledger-document.md``.
Loading validates everything a check relies on and reports *every* problem at once,
each naming the figure or relation id; a loaded :class:`Ledger` is therefore always
checkable.

>>> ledger = loads('''{"perfcheck": "1", "unit": "万元", "locale": "zh_CN",
...   "figures": [{"id": "a", "value": "2.10"}, {"id": "b", "value": 30, "decimals": 2}],
...   "relations": []}''')
>>> [(f.id, f.value, f.decimals) for f in ledger.figures]
[('a', '2.10', None), ('b', '30', 2)]
>>> dumps(ledger) == dumps(loads(dumps(ledger)))
True
"""

from __future__ import annotations

import difflib
import json
import re
import typing
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

from pydantic import (
    BaseModel,
    TypeAdapter,
    ValidationError,
)

from perfcheck._core.errors import LedgerError, Problem
from perfcheck._core.limits import DEFAULT_LIMITS, Limits, json_depth
from perfcheck._core.values import BLANK_MODES, is_blank_text
from perfcheck._ledger.figures import Figure, Identifier, NumberText, Qualifier, Source
from perfcheck._ledger.kinds import RELATION_KINDS
from perfcheck._ledger.model import Ledger, NotRead
from perfcheck._ledger.relations import (
    BalanceRelation,
    ChangeRelation,
    CompareRelation,
    EqualRelation,
    FormulaRelation,
    ProductRelation,
    RatioRelation,
    Relation,
    ShareRelation,
    SumRelation,
    _Relation,
)

__all__ = [
    "RELATION_KINDS",
    "BalanceRelation",
    "ChangeRelation",
    "CompareRelation",
    "EqualRelation",
    "Figure",
    "FormulaRelation",
    "Identifier",
    "Ledger",
    "NotRead",
    "NumberText",
    "ProductRelation",
    "Qualifier",
    "RatioRelation",
    "Relation",
    "ShareRelation",
    "Source",
    "SumRelation",
    "_Relation",
    "dumps",
    "load",
    "loads",
    "parse_json",
    "read_bytes",
    "relation_operands",
    "validate",
]

#: How many problems an error message lists; ``LedgerError.problems`` keeps them all.
MAX_LISTED = 20


def _no_constants(name: str) -> object:
    msg = f"{name} is not a number a report can print"
    raise ValueError(msg)


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            msg = f"key {key!r} appears twice in one object"
            raise ValueError(msg)
        out[key] = value
    return out


def _fail(msg: str, line: int | None = None) -> LedgerError:
    return LedgerError(msg, [Problem((), msg, line=line)])


def parse_json(text: str | bytes, *, name: str = "<string>", limits: Limits = DEFAULT_LIMITS) -> Any:  # noqa: ANN401 - JSON is untyped
    """Parse JSON text, keeping numbers exact (as :class:`~decimal.Decimal`).

    Raises:
        LedgerError: the text is not valid UTF-8 JSON, or exceeds a limit.
    """
    # A character takes at most 4 bytes in UTF-8; encode only when the count could matter.
    size = len(text) if isinstance(text, bytes) or len(text) * 4 <= limits.max_bytes else len(text.encode())
    if size > limits.max_bytes:
        msg = f"{name}: {size} bytes, more than the limit of {limits.max_bytes} (Limits.max_bytes)"
        raise _fail(msg)
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            msg = f"{name}: not UTF-8 text (byte {exc.start}: {exc.reason})"
            raise LedgerError(msg, [Problem((), msg)]) from None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        msg = f"{name}: empty document"
        raise LedgerError(msg, [Problem((), msg)])
    if limits.max_json_depth is not None and (depth := json_depth(text)) > limits.max_json_depth:
        limit = limits.max_json_depth
        msg = f"{name}: JSON nested {depth} deep, more than the limit of {limit} (Limits.max_json_depth)"
        raise _fail(msg)
    try:
        return json.loads(
            text,
            parse_float=Decimal,
            parse_constant=_no_constants,
            object_pairs_hook=_no_duplicate_keys,
        )
    except json.JSONDecodeError as exc:
        msg = f"{name}:{exc.lineno}:{exc.colno}: invalid JSON: {exc.msg}"
        raise LedgerError(msg, [Problem((), msg, line=exc.lineno)]) from None
    except RecursionError:
        msg = f"{name}: invalid JSON: nested deeper than the parser allows"
        raise _fail(msg) from None
    except ValueError as exc:
        msg = f"{name}: invalid JSON: {exc}"
        raise _fail(msg) from None


def _check_counts(data: Any, name: str, limits: Limits) -> None:  # noqa: ANN401
    if not isinstance(data, dict):
        return
    for key, limit, attr in (
        ("figures", limits.max_figures, "max_figures"),
        ("relations", limits.max_relations, "max_relations"),
    ):
        items = data.get(key)
        if isinstance(items, list) and len(items) > limit:
            msg = f"{name}: {len(items)} {key}, more than the limit of {limit} (Limits.{attr})"
            raise _fail(msg)


def relation_operands(data: Any, limits: Limits = DEFAULT_LIMITS) -> list[str] | None:  # noqa: ANN401 - parsed JSON
    """The figures a relation (as parsed) names, once its model validates it; None when it does not.

    >>> relation_operands({"id": "s", "kind": "sum", "total": "t", "parts": ["a", "b"]})
    ['t', 'a', 'b']
    >>> relation_operands({"id": "s", "kind": "sum", "total": "t"}) is None
    True
    """
    try:
        model = _RELATION.validate_python(data, context={"limits": limits})
    except ValidationError:
        return None
    return model.operands()


def validate(
    data: Any,  # noqa: ANN401 - parsed JSON is untyped
    *,
    name: str = "<data>",
    limits: Limits = DEFAULT_LIMITS,
    blanks: str | None = None,
) -> Ledger:
    """Validate parsed data as a ledger document.

    A value that prints nothing (``""``, ``-``, ``—``, ``/``) is an error unless blanks
    are read as *absent*: then that figure is no figure, as a table's blank cell is
    (never a zero): it leaves the lists it is in (a sum's parts, a balance's flows), and
    a relation that needs it otherwise (a total, a stated share) is left out.
    ``blanks`` (``"error"`` or ``"absent"``) says how, for this call; without it the
    document's own ``blanks`` key says, and without that they are errors.

    >>> doc = {"perfcheck": "1", "unit": "万元", "figures": [
    ...     {"id": "t", "value": "3.00"}, {"id": "a", "value": "3.00"}, {"id": "b", "value": "—"}],
    ...     "relations": [{"id": "s", "kind": "sum", "total": "t", "parts": ["a", "b"]}]}
    >>> ledger = validate(doc, blanks="absent")
    >>> [f.id for f in ledger.figures], [r.parts for r in ledger.relations]
    (['t', 'a'], [['a']])
    >>> validate(doc)
    Traceback (most recent call last):
      ...
    perfcheck._core.errors.LedgerError: <data>: not a valid ledger document (1 problem):
      - figure 'b': '—' prints nothing (a blank or a dash), not a number; to read blanks as no figure, ...

    Raises:
        LedgerError: the data is not a valid document; ``.problems`` lists every problem.
        ValueError: ``blanks`` is neither ``"error"`` nor ``"absent"``.
    """
    _check_counts(data, name, limits)
    if blanks is not None and blanks not in BLANK_MODES:
        msg = f"blanks={blanks!r}: say 'error' or 'absent'"
        raise ValueError(msg)
    if isinstance(data, dict) and (blanks or data.get("blanks")) == "absent":
        data = _without_blanks(data, limits)
    try:
        return Ledger.model_validate(data, context={"limits": limits})
    except ValidationError as exc:
        problems = _problems_from(exc, data)
        problems.extend(_salvaged_problems(exc, data, limits))
        raise _invalid(name, problems) from None


_RELATION: Final = TypeAdapter(Relation)
#: The lists of a relation a blank figure may leave, as a table's blank cell leaves a sum:
#: each with the list that runs beside it, and how many must remain.
_PRUNABLE: Final = {"parts": ("weights", 1), "inflows": (None, 1), "outflows": (None, 1), "whole": (None, 1)}
_PRUNABLE_EQUAL: Final = {"figures": (None, 2)}


def _without_blanks(data: dict[str, Any], limits: Limits) -> dict[str, Any]:
    """The document without its blank figures and what needs them.

    A blank figure leaves the lists it is in (a sum's parts, a balance's flows, a
    share's list of wholes, figures printed twice), as a table's blank cell leaves a
    sum; a relation that needs it otherwise (a total, a stated share) is left out.
    """
    figures = data.get("figures")
    if not isinstance(figures, list):
        return data
    blank = {
        f["id"]
        for f in figures
        if isinstance(f, dict) and isinstance(f.get("value"), str) and is_blank_text(f["value"])
    }
    if not blank:
        return data
    relations = data.get("relations")
    pruned = (_pruned(rel, blank, limits) for rel in (relations if isinstance(relations, list) else ()))
    kept = [rel for rel in pruned if rel is not None]
    out = {**data, "figures": [f for f in figures if not (isinstance(f, dict) and f.get("id") in blank)]}
    if isinstance(relations, list):
        out["relations"] = kept
    if isinstance(unread := data.get("not_read"), list):
        # a part not read no longer names its blank figures
        out["not_read"] = [
            {**part, "figures": [i for i in part["figures"] if i not in blank]}
            if isinstance(part, dict) and isinstance(part.get("figures"), list)
            else part
            for part in unread
        ]
    return out


def _pruned(rel: object, blank: set[str], limits: Limits) -> object | None:
    """``rel`` without the blank figures its lists name, or None when it needs one of them."""
    if not isinstance(rel, dict):
        return rel  # reported as it is
    rel = dict(rel)
    prunable = _PRUNABLE_EQUAL if rel.get("kind") == "equal" else _PRUNABLE
    for key, (beside, least) in prunable.items():
        items = rel.get(key)
        if not isinstance(items, list) or not any(isinstance(x, str) and x in blank for x in items):
            continue
        keep = [i for i, x in enumerate(items) if not (isinstance(x, str) and x in blank)]
        if len(keep) < least:
            return None
        rel[key] = [items[i] for i in keep]
        if beside is not None and isinstance(rel.get(beside), list) and len(rel[beside]) == len(items):
            rel[beside] = [rel[beside][i] for i in keep]
    try:
        names = set(_RELATION.validate_python(rel, context={"limits": limits}).operands())
    except ValidationError:
        return rel  # a relation that is not valid is reported as it is
    return None if names & blank else rel


def _invalid(name: str, problems: list[Problem]) -> LedgerError:
    def line(p: Problem) -> str:
        return f"  - line {p.line}: {p}" if p.line else f"  - {p}"

    lines = "\n".join(line(p) for p in problems[:MAX_LISTED])
    if len(problems) > MAX_LISTED:
        lines += f"\n  ... and {len(problems) - MAX_LISTED} more"
    noun = "problem" if len(problems) == 1 else "problems"
    return LedgerError(f"{name}: not a valid ledger document ({len(problems)} {noun}):\n{lines}", problems)


def _with_lines(text: str, problems: list[Problem]) -> list[Problem]:
    """Give problems that name an id the line where that id is first written in ``text``."""
    out = []
    for p in problems:
        if p.id and p.line is None:
            match = re.search(r'"id"\s*:\s*' + re.escape(json.dumps(p.id, ensure_ascii=False)), text)
            if match is None:
                match = re.search(r'"id"\s*:\s*' + re.escape(json.dumps(p.id)), text)
            if match is not None:
                p = Problem(p.loc, p.message, p.id, text.count("\n", 0, match.start()) + 1)  # noqa: PLW2901
        out.append(p)
    return out


def loads(
    text: str | bytes, *, name: str = "<string>", limits: Limits = DEFAULT_LIMITS, blanks: str | None = None
) -> Ledger:
    """Read a ledger document from JSON text; ``blanks`` as in :func:`validate`.

    Raises:
        LedgerError: the text is not a valid document or exceeds a limit.
    """
    data = parse_json(text, name=name, limits=limits)
    try:
        return validate(data, name=name, limits=limits, blanks=blanks)
    except LedgerError as exc:
        raw = text if isinstance(text, str) else text.decode("utf-8-sig")
        problems = _with_lines(raw, exc.problems)
        if problems == exc.problems:
            raise
        raise _invalid(name, problems) from None


def read_bytes(path: Path, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The bytes of a document file, within ``limits.max_bytes``.

    Raises:
        LedgerError: the file cannot be read or is too large.
    """
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            msg = f"{path}: {size} bytes, more than the limit of {limits.max_bytes} (Limits.max_bytes)"
            raise _fail(msg)
        return path.read_bytes()
    except OSError as exc:
        msg = f"{path}: cannot read: {exc.strerror or exc}"
        raise _fail(msg) from None


def load(path: str | Path, *, limits: Limits = DEFAULT_LIMITS, blanks: str | None = None) -> Ledger:
    """Read a ledger document from a JSON file; ``blanks`` as in :func:`validate`.

    Raises:
        LedgerError: the file cannot be read, is not a valid document or exceeds a limit.
    """
    path = Path(path)
    return loads(read_bytes(path, limits), name=str(path), limits=limits, blanks=blanks)


def dumps(ledger: Ledger, *, indent: int | None = 2) -> str:
    """Write a ledger document as JSON text, losing nothing that was given.

    A value given as a JSON number is written as that number, digit for digit.
    """
    return ledger.to_json(indent=indent)


def _salvaged_problems(exc: ValidationError, data: Any, limits: Limits) -> list[Problem]:  # noqa: ANN401
    """Problems of the rest of a document whose items failed structural validation.

    The items that failed are left out and the rest validated again, so one bad
    figure does not hide a duplicate id or a misprinted value elsewhere.
    """
    if not isinstance(data, dict):
        return []
    bad: dict[str, set[int]] = {"figures": set(), "relations": set()}
    for err in exc.errors(include_url=False):
        loc = err["loc"]
        if err["type"] == "ledger_inconsistent":
            return []  # the semantic pass already ran
        if len(loc) >= 2 and loc[0] in bad and isinstance(loc[1], int):
            bad[str(loc[0])].add(loc[1])
        elif loc != ("perfcheck",):
            return []
    salvage = dict(data, perfcheck="1")
    dropped: set[str] = set()
    for key, indexes in bad.items():
        items = salvage.get(key)
        if isinstance(items, list):
            dropped.update(
                str(x.get("id")) for i, x in enumerate(items) if i in indexes and isinstance(x, dict)
            )
            salvage[key] = [x for i, x in enumerate(items) if i not in indexes]
    try:
        Ledger.model_validate(salvage, context={"limits": limits})
    except ValidationError as again:
        return [
            p
            for err in again.errors(include_url=False)
            if err["type"] == "ledger_inconsistent"
            for p in (err.get("ctx") or {})["problems"]
            if not any(repr(d) in p.message and "names no figure" in p.message for d in dropped)
        ]
    return []


def _id_at(data: Any, loc: tuple[int | str, ...]) -> str | None:  # noqa: ANN401
    node = data
    found: str | None = None
    for part in loc:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            found = node["id"]
    return found


def _relation_models() -> dict[str, type[BaseModel]]:
    models: dict[str, type[BaseModel]] = {}
    for member in typing.get_args(typing.get_args(Relation)[0]):
        (kind,) = typing.get_args(member.model_fields["kind"].annotation)
        models[kind] = member
    return models


#: The model of each kind of relation, and of the objects a document's keys hold.
_RELATION_MODELS: Final = _relation_models()
_OBJECT_MODELS: Final[dict[str, type[BaseModel]]] = {"figures": Figure, "source": Source}


def _did_you_mean(loc: tuple[int | str, ...]) -> str:
    """``; did you mean 'exhaustive'?`` for an unknown key close to one its object has.

    >>> _did_you_mean(("relations", 0, "sum", "exhaustve"))
    "; did you mean 'exhaustive'?"
    >>> _did_you_mean(("figures", 0, "colour"))
    ''
    """
    model: type[BaseModel] = Ledger
    for part in loc[:-1]:
        if isinstance(part, str):
            model = _RELATION_MODELS.get(part) or _OBJECT_MODELS.get(part) or model
    close = difflib.get_close_matches(str(loc[-1]), list(model.model_fields), n=1, cutoff=0.75)
    return f"; did you mean {close[0]!r}?" if close else ""


def _problems_from(exc: ValidationError, data: Any) -> list[Problem]:  # noqa: ANN401
    problems: list[Problem] = []
    for err in exc.errors(include_url=False):
        ctx = err.get("ctx") or {}
        if err["type"] == "ledger_inconsistent":
            problems.extend(ctx["problems"])
            continue
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p in RELATION_KINDS))
        where = _id_at(data, loc)
        path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".")
        what = err["msg"]
        if err["type"] == "union_tag_invalid":
            what = f"unknown kind {ctx.get('tag')!r}; expected one of {', '.join(RELATION_KINDS)}"
        elif err["type"] == "union_tag_not_found":
            what = f"missing 'kind'; expected one of {', '.join(RELATION_KINDS)}"
        elif err["type"] == "extra_forbidden":
            what = "unknown key" + _did_you_mean(err["loc"])
        elif err["type"] == "literal_error" and loc == ("perfcheck",):
            what = f"unsupported format version {err.get('input')!r}; this perfcheck reads version '1'"
        prefix = f"{path} (id {where!r})" if where else (path or "document")
        problems.append(Problem(loc, f"{prefix}: {what}", where))
    return problems
