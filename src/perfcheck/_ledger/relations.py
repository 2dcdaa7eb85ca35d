"""A ledger document's relations: what must hold between its figures, one model per ``kind``."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    Field,
    PrivateAttr,
    ValidationInfo,
    model_validator,
)
from pydantic_core import PydanticCustomError

from perfcheck._core.formula import Formula, FormulaError, parse_formula
from perfcheck._ledger.figures import MODEL_CONFIG, Identifier, Source, limits_of

#: Whether the text states a relation (合计, 其中, 占, 比上年, 完成…%) or a reader inferred it
#: (from layout, a guessed base, a list that may be partial); see docs/ledger-document.md.
Basis = Literal["stated", "inferred"]


class _Relation(BaseModel):
    model_config = MODEL_CONFIG

    id: Identifier
    kind: str
    label: str | None = None
    source: Source | None = None
    basis: Basis = "stated"

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
        limits = limits_of(info)
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
