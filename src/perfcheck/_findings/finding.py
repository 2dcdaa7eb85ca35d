"""Findings: what a check found, as plain data. Rendering lives in :mod:`perfcheck.render`."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer

from perfcheck._ledger.document import Source

DecimalText = Annotated[
    Decimal, Field(allow_inf_nan=True), PlainSerializer(str, return_type=str, when_used="json")
]


class Severity(StrEnum):
    """How serious a finding is. Only errors fail a check."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Verdict(StrEnum):
    """What a finding says about its relation or figure."""

    BROKEN = "broken"
    """No choice of true values within the printed figures' rounding satisfies the relation."""
    NOT_CHECKABLE = "not_checkable"
    """A divisor may be zero, so the relation cannot be judged."""
    SUSPICIOUS = "suspicious"
    """A plausibility rule is not met."""
    INVALID = "invalid"
    """The relation cannot be checked as written (e.g. its operands are in incompatible units)."""
    CRASHED = "crashed"
    """A rule raised an exception; the other rules still ran."""


class Location(BaseModel):
    """Where one figure of a finding was printed.

    Attributes:
        figure: the figure's id.
        label: the figure's label, as printed.
        value: the value as printed.
        source: where it was printed, if the document says.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    figure: str
    label: str | None = None
    value: str
    source: Source | None = None


class Finding(BaseModel):
    """One thing a rule found.

    Attributes:
        code: the rule's stable code, e.g. ``PC201``.
        severity: error, warning or info.
        verdict: broken, not checkable, suspicious, invalid or crashed.
        relation: the id of the relation the finding is about, or None.
        figures: ids of the figures involved.
        locations: where each of those figures was printed.
        message: one sentence, with sizes and direction.
        subject: the figure whose printed value is judged (a total, a stated share).
        actual: the subject's printed value.
        expected: what the other printed figures say it should be.
        difference: ``actual - expected``.
        allowed: the interval the printed value had to fall in, given the others' rounding.
        unit: the unit of ``actual``, ``expected``, ``difference`` and ``allowed``.
        rounding_explains: whether rounding alone could explain the difference.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str
    severity: Severity
    verdict: Verdict
    relation: str | None = None
    figures: tuple[str, ...] = ()
    locations: tuple[Location, ...] = ()
    message: str
    subject: str | None = None
    actual: DecimalText | None = None
    expected: DecimalText | None = None
    difference: DecimalText | None = None
    allowed: tuple[DecimalText, DecimalText] | None = None
    unit: str | None = None
    rounding_explains: bool | None = None

    def to_json_dict(self) -> dict[str, Any]:
        """The finding as JSON-ready data, numbers as decimal strings."""
        data = self.model_dump(mode="json", exclude_none=True)
        data.setdefault("relation", None)
        return data

    def _repr_html_(self) -> str:
        """The finding as HTML, how notebooks show it: message, numbers, where it was printed.

        Text from the document is escaped; see :func:`perfcheck.render.finding_html`.
        """
        from perfcheck.render import finding_html  # noqa: PLC0415 - loaded on first display: importing perfcheck stays cheap

        return finding_html(self)

    def _repr_markdown_(self) -> str:
        """The finding as markdown; see :func:`perfcheck.render.finding_markdown`."""
        from perfcheck.render import finding_markdown  # noqa: PLC0415 - loaded on first display: importing perfcheck stays cheap

        return finding_markdown(self)


Status = Literal["holds", "broken", "not_checkable", "invalid"]


class RelationCheck(BaseModel):
    """The outcome of one rule on one relation, kept for reconciliation tables.

    Attributes:
        relation: the relation's id.
        code: the rule that judged it.
        status: holds, broken, not checkable or invalid.
        subject: the figure judged.
        actual: its printed value.
        expected: what the other figures say, from their printed values.
        difference: ``actual - expected``.
        allowed: the interval ``actual`` had to fall in.
        unit: the unit of the numbers.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    relation: str
    code: str
    status: Status
    subject: str | None = None
    actual: DecimalText | None = None
    expected: DecimalText | None = None
    difference: DecimalText | None = None
    allowed: tuple[DecimalText, DecimalText] | None = None
    unit: str | None = None


__all__ = ["Finding", "Location", "RelationCheck", "Severity", "Verdict"]
