"""The ledger document (format 1): figures as printed and the relations between them.

The models mirror ``spec/ledger-document.md``. Loading validates everything a
check relies on and reports *every* problem at once, each naming the figure or
relation id; a loaded :class:`Ledger` is therefore always checkable.

>>> ledger = loads('''{"perfcheck": "1", "unit": "万元", "locale": "zh_CN",
...   "figures": [{"id": "a", "value": "2.10"}, {"id": "b", "value": 30, "decimals": 2}],
...   "relations": []}''')
>>> [(f.id, f.value, f.decimals) for f in ledger.figures]
[('a', '2.10', None), ('b', '30', 2)]
>>> dumps(ledger) == dumps(loads(dumps(ledger)))
True
"""

from __future__ import annotations

import json
import re
import secrets
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from perfcheck._core.errors import LedgerError, Problem
from perfcheck._core.formula import Formula, FormulaError, parse_formula
from perfcheck._core.interval import NEAR
from perfcheck._core.limits import DEFAULT_LIMITS, Limits, json_depth
from perfcheck._core.units import UnknownUnitError, lookup_unit
from perfcheck._core.values import ParsedValue, ValueFormatError, check_locale, parse_value

Identifier = Annotated[str, StringConstraints(pattern=r"^[A-Za-z_][A-Za-z0-9_]*$", max_length=200)]
Qualifier = Literal["at_least", "more_than", "at_most", "about"]

#: How many problems an error message lists; ``LedgerError.problems`` keeps them all.
MAX_LISTED = 20


def _limits(info: ValidationInfo) -> Limits:
    context = info.context
    limits = context.get("limits") if isinstance(context, dict) else None
    return limits if isinstance(limits, Limits) else DEFAULT_LIMITS


_CONFIG = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=False)


class Source(BaseModel):
    """Where a figure or relation was printed.

    Attributes:
        section: the report's section heading or number, e.g. ``一（四）``.
        line: 1-based line in the source text.
        start: 0-based character offset where the printed value starts.
        end: character offset just past it.
        text: the quoted phrase.
    """

    model_config = _CONFIG

    section: str | None = None
    line: Annotated[int, Field(ge=1)] | None = None
    start: Annotated[int, Field(ge=0)] | None = None
    end: Annotated[int, Field(ge=0)] | None = None
    text: str | None = None


class NumberText(str):
    """A figure's value that was given as a JSON number, as the text of its digits.

    It is a ``str`` like any value; its type records where it came from, so that a
    document is written back with the same number (see :attr:`Figure.given_as_number`).
    """

    __slots__ = ()


class Figure(BaseModel):
    """One number of the report, as printed.

    Attributes:
        id: unique within the document.
        label: the figure's name as printed, e.g. ``总收入``.
        concept: what it is in a shared vocabulary (``income``, ``spending``, ...).
        value: the value as printed (``"132.35"``, ``"38.56%"``); a JSON number is
            kept as the text it was written as.
        unit: overrides the document's unit.
        decimals: printed precision when the value cannot show it; negative for tens,
            thousands, ...
        exact: the figure is not rounded.
        qualifier: the figure is a bound or an estimate (``10000余份``: ``more_than``).
        source: where it was printed.
    """

    model_config = _CONFIG

    id: Identifier
    label: str | None = None
    concept: str | None = None
    value: str
    unit: str | None = None
    decimals: Annotated[int, Field(ge=-30, le=30)] | None = None
    exact: bool | None = None
    qualifier: Qualifier | None = None
    source: Source | None = None

    @property
    def given_as_number(self) -> bool:
        """Whether the value was given as a JSON number (read exactly, whatever the locale)."""
        return type(self.value) is NumberText

    @field_validator("value", mode="wrap")
    @classmethod
    def _value_as_text(
        cls, value: object, handler: ValidatorFunctionWrapHandler, info: ValidationInfo
    ) -> str:
        text = cls._text(value, info)
        if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
            # A value given as a JSON number is a number, not text in the document's locale:
            # it is kept as NumberText, which given_as_number recognises.
            return NumberText(handler(text))
        checked: str = handler(text)
        return checked

    @staticmethod
    def _text(value: object, info: ValidationInfo) -> object:
        limits = _limits(info)
        if isinstance(value, bool):
            return value  # rejected as "not a string"
        if isinstance(value, int):
            value = Decimal(value)
        if isinstance(value, Decimal):
            if not value.is_finite():
                raise PydanticCustomError(
                    "value_not_finite", "value {value} is not finite", {"value": str(value)}
                )
            sign, digits, exponent = value.as_tuple()
            del sign
            assert isinstance(exponent, int)  # noqa: S101 - finite
            if abs(exponent) > limits.max_exponent or len(digits) > limits.max_digits:
                raise PydanticCustomError(
                    "value_too_long",
                    "value has {digits} digits and exponent {exponent}, beyond Limits.max_digits={md} "
                    "or Limits.max_exponent={me}",
                    {
                        "digits": len(digits),
                        "exponent": exponent,
                        "md": limits.max_digits,
                        "me": limits.max_exponent,
                    },
                )
            # Plain notation keeps the printed digits: 2.10 stays "2.10", 1E+5 becomes "100000".
            return f"{value:f}"
        if (
            isinstance(value, str)
            and len(value) > limits.max_digits
            and (sum(c.isdigit() for c in value) > limits.max_digits)
        ):
            raise PydanticCustomError(
                "value_too_long",
                "value has more than Limits.max_digits={md} digits",
                {"md": limits.max_digits},
            )
        if isinstance(value, float):
            raise PydanticCustomError(
                "value_float",
                "value {value!r} is a float, which cannot keep its printed precision; give it as a string",
                {"value": value},
            )
        return value


class _Relation(BaseModel):
    model_config = _CONFIG

    id: Identifier
    kind: str
    label: str | None = None
    source: Source | None = None

    def operands(self) -> list[str]:
        """Ids of the figures the relation names."""
        raise NotImplementedError


Operands = Annotated[list[Identifier], Field(min_length=1)]


class SumRelation(_Relation):
    """``total = Σ weight·part``; with ``exhaustive=False``, ``Σ parts <= total``."""

    kind: Literal["sum"] = "sum"
    total: Identifier
    parts: Operands
    weights: list[Decimal] | None = None
    exhaustive: bool = True

    @model_validator(mode="after")
    def _weights_match(self) -> SumRelation:
        if self.weights is not None and len(self.weights) != len(self.parts):
            msg = f"has {len(self.weights)} weights for {len(self.parts)} parts"
            raise ValueError(msg)
        return self

    def operands(self) -> list[str]:
        """Ids of the figures the relation names."""
        return [self.total, *self.parts]


class BalanceRelation(_Relation):
    """``Σ inflows = Σ outflows``."""

    kind: Literal["balance"] = "balance"
    inflows: Operands
    outflows: Operands

    def operands(self) -> list[str]:
        """Ids of the figures the relation names."""
        return [*self.inflows, *self.outflows]


class ShareRelation(_Relation):
    """``part / whole × 100 = stated``; ``whole`` may be a list of figures that add up to it."""

    kind: Literal["share"] = "share"
    part: Identifier
    whole: Identifier | Operands
    stated: Identifier

    @property
    def wholes(self) -> list[str]:
        """The whole as a list of ids."""
        return [self.whole] if isinstance(self.whole, str) else list(self.whole)

    def operands(self) -> list[str]:
        """Ids of the figures the relation names."""
        return [self.part, *self.wholes, self.stated]


class RatioRelation(_Relation):
    """``numerator / denominator × 100 = stated``.

    Without ``denominator`` the target is implied, not printed; for a numerator in a
    count unit it must then be a whole number.
    """

    kind: Literal["ratio"] = "ratio"
    numerator: Identifier
    denominator: Identifier | None = None
    stated: Identifier

    def operands(self) -> list[str]:
        """Ids of the figures the relation names."""
        return [x for x in (self.numerator, self.denominator, self.stated) if x is not None]


class ChangeRelation(_Relation):
    """``current = prior ± delta`` and ``delta / prior × 100 = percent``."""

    kind: Literal["change"] = "change"
    current: Identifier
    direction: Literal["increase", "decrease"]
    prior: Identifier | None = None
    delta: Identifier | None = None
    percent: Identifier | None = None

    @model_validator(mode="after")
    def _something_to_check(self) -> ChangeRelation:
        if self.prior is None and self.delta is None and self.percent is None:
            msg = "names none of prior, delta and percent, so there is nothing to check"
            raise ValueError(msg)
        return self

    def operands(self) -> list[str]:
        """Ids of the figures the relation names."""
        return [x for x in (self.current, self.prior, self.delta, self.percent) if x is not None]


class EqualRelation(_Relation):
    """All figures name the same quantity."""

    kind: Literal["equal"] = "equal"
    figures: Annotated[list[Identifier], Field(min_length=2)]

    def operands(self) -> list[str]:
        """Ids of the figures the relation names."""
        return list(self.figures)


class CompareRelation(_Relation):
    """``left op right`` can hold."""

    kind: Literal["compare"] = "compare"
    left: Identifier
    op: Literal["<", "<=", ">", ">="]
    right: Identifier

    def operands(self) -> list[str]:
        """Ids of the figures the relation names."""
        return [self.left, self.right]


class ProductRelation(_Relation):
    """``total = Π factors``; a factor in % counts as a fraction (95 % is 0.95)."""

    kind: Literal["product"] = "product"
    total: Identifier
    factors: Operands

    def operands(self) -> list[str]:
        """Ids of the figures the relation names."""
        return [self.total, *self.factors]


class FormulaRelation(_Relation):
    """A comparison over figure ids, e.g. ``a + b - c == d``; parsed, never evaluated as code."""

    kind: Literal["formula"] = "formula"
    expr: Annotated[str, Field(min_length=1)]
    _formula: Formula | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _parse(self, info: ValidationInfo) -> FormulaRelation:
        limits = _limits(info)
        try:
            self._formula = parse_formula(
                self.expr, max_length=limits.max_formula_length, max_depth=limits.max_formula_depth
            )
        except FormulaError as exc:
            raise PydanticCustomError("formula_syntax", "formula: {error}", {"error": str(exc)}) from None
        return self

    @property
    def formula(self) -> Formula:
        """The parsed formula."""
        assert self._formula is not None  # noqa: S101 - set by the validator
        return self._formula

    def operands(self) -> list[str]:
        """Ids of the figures the relation names."""
        return list(self.formula.names)


Relation = Annotated[
    SumRelation
    | BalanceRelation
    | ShareRelation
    | RatioRelation
    | ChangeRelation
    | EqualRelation
    | CompareRelation
    | ProductRelation
    | FormulaRelation,
    Field(discriminator="kind"),
]
RELATION_KINDS = (
    "sum",
    "balance",
    "share",
    "ratio",
    "change",
    "equal",
    "compare",
    "product",
    "formula",
)


class Ledger(BaseModel):
    """A report as a ledger document: every figure as printed and the relations between them.

    Attributes:
        perfcheck: the format version, ``"1"``.
        title: the report's title.
        source: where the report was published.
        entity: who published it.
        period: which year or period it covers.
        unit: the default unit of amount figures.
        locale: how values are printed; ``en_US`` when not given.
        rounding: how the publisher rounded: ``nearest`` or ``truncate``.
        figures: every number of the report.
        relations: what must hold between them.
    """

    model_config = _CONFIG

    perfcheck: Literal["1"]
    title: str | None = None
    source: str | None = None
    entity: str | None = None
    period: str | None = None
    unit: str | None = None
    locale: str = "en_US"
    rounding: Literal["nearest", "truncate"] = "nearest"
    figures: list[Figure] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)

    # An empty default is copied per instance; a default_factory would cost an
    # inspect.signature() call per ledger in pydantic's private-attribute set-up.
    _parsed: dict[str, ParsedValue] = PrivateAttr(default={})
    _by_id: dict[str, Figure] = PrivateAttr(default={})

    @model_validator(mode="after")
    def _consistent(self) -> Ledger:
        problems = _semantic_problems(self)
        if problems:
            raise PydanticCustomError(
                "ledger_inconsistent",
                "{summary}",
                {"summary": "; ".join(p.message for p in problems), "problems": problems},
            )
        return self

    def figure(self, figure_id: str) -> Figure:
        """The figure called ``figure_id``.

        Raises:
            KeyError: there is no such figure.
        """
        return self._by_id[figure_id]

    def parsed(self, figure_id: str) -> ParsedValue:
        """The parsed value of a figure."""
        return self._parsed[figure_id]

    def to_dict(self) -> dict[str, Any]:
        """The document as JSON-ready data, as it was given (unset keys are left out)."""
        return self.model_dump(mode="json", exclude_unset=True)


def _semantic_problems(ledger: Ledger) -> list[Problem]:  # noqa: C901, PLR0912
    problems: list[Problem] = []
    try:
        check_locale(ledger.locale)
    except ValueError as exc:
        problems.append(Problem(("locale",), str(exc)))
    doc_unit = ledger.unit
    if ledger.unit is not None:
        try:
            lookup_unit(ledger.unit)
        except UnknownUnitError as exc:
            problems.append(Problem(("unit",), f"document unit: {exc}"))
            doc_unit = None
    counts = Counter(f.id for f in ledger.figures)
    for fid, n in counts.items():
        if n > 1:
            problems.append(Problem(("figures",), f"figure id {fid!r} is used {n} times", fid))
    rcounts = Counter(r.id for r in ledger.relations)
    for rid, n in rcounts.items():
        if n > 1:
            problems.append(Problem(("relations",), f"relation id {rid!r} is used {n} times", rid))
    by_id = {f.id: f for f in ledger.figures}
    ledger._by_id = by_id  # noqa: SLF001 - filling the model's own cache
    parsed_values = ledger._parsed  # noqa: SLF001 - filled below
    locale_ok = not problems or problems[0].loc != ("locale",)
    for i, fig in enumerate(ledger.figures):
        loc = ("figures", i)
        unit_text = fig.unit or ledger.unit
        fig_unit = fig.unit
        if fig.unit is not None:
            try:
                lookup_unit(fig.unit)
            except UnknownUnitError as exc:
                problems.append(Problem((*loc, "unit"), f"figure {fig.id!r}: {exc}", fig.id))
                fig_unit = None
        if not locale_ok:
            continue
        try:
            # The value's own unit, scale word and qualifier word must agree with the figure's keys.
            parsed = parse_value(
                Decimal(fig.value) if fig.given_as_number else fig.value,
                ledger.locale,
                unit=fig_unit,
                default_unit=doc_unit,
                qualifier=fig.qualifier,
            )
        except ValueFormatError as exc:
            problems.append(Problem((*loc, "value"), f"figure {fig.id!r}: {exc}", fig.id))
            continue
        if parsed.unit is None and unit_text is None:
            problems.append(
                Problem(
                    (*loc, "unit"),
                    f"figure {fig.id!r} has no unit and the document sets none",
                    fig.id,
                )
            )
        if fig.decimals is not None and parsed.decimals > fig.decimals:
            # The value must be a multiple of 10^-decimals: its last non-zero digit may not be
            # further right. Read off the normalised exponent, in perfcheck's own context
            # (a remainder in the caller's context fails on long numbers).
            exponent = parsed.number.normalize(NEAR).as_tuple().exponent
            if parsed.number and isinstance(exponent, int) and exponent < -fig.decimals:
                problems.append(
                    Problem(
                        (*loc, "decimals"),
                        f"figure {fig.id!r}: value {fig.value!r} shows more precision "
                        f"than decimals={fig.decimals}",
                        fig.id,
                    )
                )
        parsed_values[fig.id] = parsed
    for i, rel in enumerate(ledger.relations):
        missing = dict.fromkeys(x for x in rel.operands() if x not in by_id)
        problems.extend(
            Problem(("relations", i), f"relation {rel.id!r} ({rel.kind}) names no figure {name!r}", rel.id)
            for name in missing
        )
    return problems


# ---------------------------------------------------------------------------
# Reading and writing


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


def validate(data: Any, *, name: str = "<data>", limits: Limits = DEFAULT_LIMITS) -> Ledger:  # noqa: ANN401 - parsed JSON is untyped
    """Validate parsed data as a ledger document.

    Raises:
        LedgerError: the data is not a valid document; ``.problems`` lists every problem.
    """
    _check_counts(data, name, limits)
    try:
        return Ledger.model_validate(data, context={"limits": limits})
    except ValidationError as exc:
        problems = _problems_from(exc, data)
        problems.extend(_salvaged_problems(exc, data, limits))
        raise _invalid(name, problems) from None


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


def loads(text: str | bytes, *, name: str = "<string>", limits: Limits = DEFAULT_LIMITS) -> Ledger:
    """Read a ledger document from JSON text.

    Raises:
        LedgerError: the text is not a valid document or exceeds a limit.
    """
    data = parse_json(text, name=name, limits=limits)
    try:
        return validate(data, name=name, limits=limits)
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


def load(path: str | Path, *, limits: Limits = DEFAULT_LIMITS) -> Ledger:
    """Read a ledger document from a JSON file.

    Raises:
        LedgerError: the file cannot be read, is not a valid document or exceeds a limit.
    """
    path = Path(path)
    return loads(read_bytes(path, limits), name=str(path), limits=limits)


def dumps(ledger: Ledger, *, indent: int | None = 2) -> str:
    """Write a ledger document as JSON text, losing nothing that was given.

    A value given as a JSON number is written as that number, digit for digit.
    """
    data = ledger.to_dict()
    numbers: dict[str, str] = {}
    nonce = secrets.token_hex(8)
    for i, fig in enumerate(ledger.figures):
        if fig.given_as_number:
            token = f"\x00{nonce}:{i}\x00"
            numbers[json.dumps(token)] = fig.value
            data["figures"][i]["value"] = token
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    for token, number in numbers.items():
        text = text.replace(token, number, 1)
    return text


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
            what = "unknown key"
        elif err["type"] == "literal_error" and loc == ("perfcheck",):
            what = f"unsupported format version {err.get('input')!r}; this perfcheck reads version '1'"
        prefix = f"{path} (id {where!r})" if where else (path or "document")
        problems.append(Problem(loc, f"{prefix}: {what}", where))
    return problems
