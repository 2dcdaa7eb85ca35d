"""The ledger document's model: :class:`Ledger`, its figures and relations, and the checks between them."""

from __future__ import annotations

import json
import secrets
from collections import Counter
from decimal import Decimal
from typing import Any, Literal

from pydantic import (
    BaseModel,
    Field,
    PrivateAttr,
    ValidationInfo,
    model_validator,
)
from pydantic_core import PydanticCustomError

from perfcheck._core.errors import Problem
from perfcheck._core.units import UnknownUnitError, lookup_unit
from perfcheck._core.values import ParsedValue, ValueFormatError, excess_digits, parse_value, require_locale
from perfcheck._ledger.figures import MODEL_CONFIG, Figure, limits_of
from perfcheck._ledger.relations import (
    Relation,
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
        blanks: how a value that prints nothing (``-``, ``—``, ``""``) is read: an
            ``error`` (the default) or ``absent``, no figure (:func:`perfcheck.validate`).
        figures: every number of the report.
        relations: what must hold between them.
    """

    model_config = MODEL_CONFIG

    perfcheck: Literal["1"]
    title: str | None = None
    source: str | None = None
    entity: str | None = None
    period: str | None = None
    unit: str | None = None
    locale: str = "en_US"
    rounding: Literal["nearest", "truncate"] = "nearest"
    blanks: Literal["error", "absent"] = "error"
    figures: list[Figure] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)

    # An empty default is copied per instance; a default_factory would cost an
    # inspect.signature() call per ledger in pydantic's private-attribute set-up.
    _parsed: dict[str, ParsedValue] = PrivateAttr(default={})
    _by_id: dict[str, Figure] = PrivateAttr(default={})

    @model_validator(mode="after")
    def _consistent(self, info: ValidationInfo) -> Ledger:
        problems = _semantic_problems(self, strict_decimals=limits_of(info).strict_decimals)
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

    def unit_of(self, figure_id: str) -> str:
        """The unit a figure is in: the one its value prints, else its ``unit``, else the document's.

        >>> import perfcheck
        >>> ledger = perfcheck.validate({"perfcheck": "1", "unit": "万元", "figures": [
        ...     {"id": "a", "value": "1.00"}, {"id": "b", "value": "38.56%"},
        ...     {"id": "c", "value": "4060", "unit": "例"}]})
        >>> [ledger.unit_of(f) for f in ("a", "b", "c")]
        ['万元', '%', '例']

        Raises:
            KeyError: there is no such figure.
        """
        figure = self._by_id[figure_id]
        unit = self._parsed[figure_id].unit or figure.unit or self.unit
        assert unit is not None  # noqa: S101 - a valid ledger gives every figure a unit
        return unit

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:  # noqa: ANN401, FBT001 - IPython's protocol
        """Show the ledger as the call that rebuilds it: ``perfcheck.loads('{...}')``.

        Hypothesis and IPython print a value through this, so a counterexample is one
        line of its JSON document rather than the models' long ``repr``.
        """
        del cycle  # a ledger holds no references to itself
        printer.text(f"perfcheck.loads({self.to_json(indent=None)!r})")

    def to_json(self, *, indent: int | None = 2) -> str:
        """The document as JSON text, losing nothing that was given (:func:`perfcheck.dumps`).

        A value given as a JSON number is written as that number, digit for digit.
        """
        data = self.to_dict()
        numbers: dict[str, str] = {}
        nonce = secrets.token_hex(8)
        for i, fig in enumerate(self.figures):
            if fig.given_as_number:
                token = f"\x00{nonce}:{i}\x00"
                numbers[json.dumps(token)] = fig.value
                data["figures"][i]["value"] = token
        text = json.dumps(data, ensure_ascii=False, indent=indent)
        for token, number in numbers.items():
            text = text.replace(token, number, 1)
        return text

    def to_dict(self) -> dict[str, Any]:
        """The document as JSON-ready data, as it was given (unset keys are left out)."""
        return self.model_dump(mode="json", exclude_unset=True)


def _semantic_problems(ledger: Ledger, *, strict_decimals: bool) -> list[Problem]:  # noqa: C901, PLR0912
    problems: list[Problem] = []
    try:
        require_locale(ledger.locale)
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
        if (
            strict_decimals
            and fig.decimals is not None
            and parsed.decimals > fig.decimals
            and excess_digits(parsed.number, fig.decimals)
        ):
            # Refused only when asked (Limits.strict_decimals); else rule PC905 reports the
            # figure and the relations on it are not judged (XBRL Calculations 1.1).
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
