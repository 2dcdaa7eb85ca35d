"""Which printed figures are likely wrong: the data error localisation attaches to a finding.

Plain data, as findings are; :mod:`perfcheck._localise` works it out and
:mod:`perfcheck.render` words it (docs/localise.md).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer

DecimalText = Annotated[
    Decimal, Field(allow_inf_nan=True), PlainSerializer(str, return_type=str, when_used="json")
]

#: The kinds of typing slip a suggestion may be: two adjacent digits swapped, one digit
#: wrong, a digit dropped, a digit doubled, the decimal point moved, the sign flipped,
#: 元 printed for 万元 or the other way round.
Typo = Literal["swap", "digit", "dropped", "doubled", "point", "sign", "unit"]


class Correction(BaseModel):
    """One printed figure of an explanation, and what it could have been.

    Attributes:
        figure: the figure's id.
        label: its label, as printed.
        printed: its value, as printed.
        unit: the unit of ``fits`` and ``suggestion``.
        fits: the printed values (at the figure's own precision) that let every relation
            of the explanation hold, as the solver found them; both ends were confirmed
            by perfcheck's exact checks.
        suggestion: a value that makes every relation hold, confirmed exactly.
        typo: the typing slip ``suggestion`` would undo, when it is one.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    figure: str
    label: str | None = None
    printed: str
    unit: str | None = None
    fits: tuple[DecimalText, DecimalText] | None = None
    suggestion: DecimalText | None = None
    typo: Typo | None = None


class Explanation(BaseModel):
    """A smallest set of printed figures whose change lets every relation hold.

    Attributes:
        figures: the ids of the figures, in document order.
        corrections: one per figure.
        weight: the sum of the figures' weights (ties between equally small sets are
            broken by it: the lighter set is listed first).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    figures: tuple[str, ...]
    corrections: tuple[Correction, ...]
    weight: DecimalText


Status = Literal["localised", "not_localised"]


class Localisation(BaseModel):
    """What error localisation found for the relations a finding belongs with.

    Attributes:
        status: ``localised`` when at least one explanation was found and confirmed;
            ``not_localised`` when the component was too large, the solver ran out of
            time, or no proposal survived the exact check (``reason`` says which).
        relations: the ids of the relations of the component (connected by shared
            figures) that were solved together.
        explanations: every equally small explanation found, up to the limit, lightest first.
        more: the limit was reached; there may be more equally small explanations.
        left_out: relations of the component that cannot be written linearly, left
            out of the system.
        reason: why the component was not localised.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    status: Status
    relations: tuple[str, ...] = ()
    explanations: tuple[Explanation, ...] = ()
    more: bool = False
    left_out: tuple[str, ...] = ()
    reason: str | None = None


__all__ = ["Correction", "Explanation", "Localisation", "Typo"]
