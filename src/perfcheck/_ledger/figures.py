"""A ledger document's figures: every number as printed, with its unit, precision and place."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Final, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    field_validator,
)
from pydantic_core import PydanticCustomError

from perfcheck._core.limits import DEFAULT_LIMITS, Limits

#: A character no id may hold: a control character (Unicode category Cc).
_CONTROL: Final = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _checked_id(text: str) -> str:
    """An id is any non-empty text without control characters or surrounding spaces."""
    if not text or text != text.strip() or _CONTROL.search(text):
        raise PydanticCustomError(
            "id_text",
            "an id is non-empty text without control characters or surrounding spaces, not {text}",
            {"text": repr(text)},
        )
    return text


#: A figure's or relation's id: ``income``, ``2010101``, ``行政运行`` (docs/ledger-document.md).
Identifier = Annotated[str, StringConstraints(max_length=200), AfterValidator(_checked_id)]
Qualifier = Literal["at_least", "more_than", "at_most", "about"]
#: How a figure was rounded from its true value: to nearest, or truncated (XBRL Calculations 1.1).
Rounding = Literal["nearest", "truncate"]
#: What a money figure is in the budget cycle: the budget passed at the start of the year
#: (年初预算), the budget as adjusted (调整预算), the final account (决算) or what was executed
#: (执行数, 实际).
Role = Literal["budget", "adjusted_budget", "final_account", "executed"]


def limits_of(info: ValidationInfo) -> Limits:
    """The limits a document is validated under, passed in the validation context."""
    context = info.context
    limits = context.get("limits") if isinstance(context, dict) else None
    return limits if isinstance(limits, Limits) else DEFAULT_LIMITS


MODEL_CONFIG = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=False)


class Source(BaseModel):
    """Where a figure or relation was printed.

    Attributes:
        section: the report's section heading or number, e.g. ``一（四）``.
        line: 1-based line in the source text.
        start: 0-based character offset where the printed value starts.
        end: character offset just past it.
        text: the quoted phrase.
        sheet: the spreadsheet sheet or table the figure was printed in.
        cell: the cell within it, in A1 notation (``B7``).
    """

    model_config = MODEL_CONFIG

    section: str | None = None
    line: Annotated[int, Field(ge=1)] | None = None
    start: Annotated[int, Field(ge=0)] | None = None
    end: Annotated[int, Field(ge=0)] | None = None
    text: str | None = None
    sheet: str | None = None
    cell: Annotated[str, StringConstraints(pattern=r"^[A-Z]{1,3}[1-9][0-9]{0,6}$")] | None = None


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
        rounding: how this figure was rounded (``nearest`` or ``truncate``), when it is not
            how the document's figures were (the document's ``rounding``).
        qualifier: the figure is a bound or an estimate (``10000余份``: ``more_than``).
        period: the year (or period) the figure is of, when it is not the document's
            (``2022`` for 2022年收入总计 in a 2023 report), or to say it is.
        role: the figure's place in the budget cycle (:data:`Role`): ``budget``,
            ``adjusted_budget``, ``final_account`` or ``executed``.
        source: where it was printed.
    """

    model_config = MODEL_CONFIG

    id: Identifier
    label: str | None = None
    concept: str | None = None
    value: str
    unit: str | None = None
    decimals: Annotated[int, Field(ge=-30, le=30)] | None = None
    exact: bool | None = None
    rounding: Rounding | None = None
    qualifier: Qualifier | None = None
    period: Annotated[str, StringConstraints(min_length=1, max_length=40)] | None = None
    role: Role | None = None
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
        limits = limits_of(info)
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
                "value {value} is a float, which cannot keep its printed precision; give it as a string",
                {"value": value},
            )
        return value
