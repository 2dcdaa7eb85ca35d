"""Findings: what a check found, as plain data. Rendering lives in :mod:`perfcheck.render`."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    field_serializer,
    field_validator,
    model_validator,
)

from perfcheck._core.i18n import check_locale_name
from perfcheck._findings.localisation import DecimalText, Localisation
from perfcheck._findings.message import DecimalParam, Message, params_json
from perfcheck._findings.plain import PlainFinding, Severity, Verdict, Words
from perfcheck._ledger.document import Source


class Location(BaseModel):
    """Where one figure of a finding was printed.

    Attributes:
        figure: the figure's id.
        label: the figure's label, as printed.
        value: the value as printed.
        source: where it was printed, if the document says.
        document: the document it was printed in, when a finding spans two (a series
            rule names each year's report by its file or title).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    figure: str
    label: str | None = None
    value: str
    source: Source | None = None
    document: str | None = None


class Finding(BaseModel):
    """One thing a rule found.

    Attributes:
        code: the rule's stable code, e.g. ``PC201``.
        severity: error, warning or info.
        verdict: broken, not checkable, suspicious, invalid or crashed.
        relation: the id of the relation the finding is about, or None.
        figures: ids of the figures involved.
        locations: where each of those figures was printed.
        message_id: the message's catalog id (its English template), or the text of a
            message written by hand.
        message_params: the message's parameters: text, Decimals, nested messages.
        locale: the language :attr:`message` is written in (``en`` or ``zh_CN``);
            :meth:`text` writes it in another.
        subject: the figure whose printed value is judged (a total, a stated share).
        actual: the subject's printed value.
        expected: what the other printed figures say it should be.
        difference: ``actual - expected``.
        allowed: the interval the printed value had to fall in, given the others' rounding.
        unit: the unit of ``actual``, ``expected``, ``difference`` and ``allowed``.
        rounding_explains: whether rounding alone could explain the difference.
        localisation: which printed figures are likely wrong, when localisation was
            asked for (:meth:`Result.localise`, docs/localise.md).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str
    severity: Severity
    verdict: Verdict
    relation: str | None = None
    figures: tuple[str, ...] = ()
    locations: tuple[Location, ...] = ()
    message_id: str
    message_params: dict[str, str | DecimalParam | Message] = Field(default_factory=dict)
    locale: str = "en"
    subject: str | None = None
    actual: DecimalText | None = None
    expected: DecimalText | None = None
    difference: DecimalText | None = None
    allowed: tuple[DecimalText, DecimalText] | None = None
    unit: str | None = None
    rounding_explains: bool | None = None
    localisation: Localisation | None = None

    def __init__(self, *, message: str | Message | None = None, **data: Any) -> None:  # noqa: ANN401 - the fields
        """Hold the fields; ``message`` gives the message id and parameters at once.

        A :class:`~perfcheck._findings.message.Message` gives both; a string is a
        message written by hand, shown as it is.

        >>> f = Finding(code="PC102", severity="error", verdict="broken", message="the parts do not add up")
        >>> f.message_id, f.message
        ('the parts do not add up', 'the parts do not add up')
        """
        if message is not None:
            data["message"] = message
        super().__init__(**data)

    @classmethod
    def of(cls, plain: PlainFinding) -> Finding:
        """The model of a finding the fast path made as compact data: the same values.

        >>> from perfcheck._findings.plain import PlainLocation, words
        >>> p = PlainFinding("PC102", Severity.ERROR, Verdict.BROKEN, "r", ("t",),
        ...                  (PlainLocation("t", None, "1.00"),), words("{n} error", n=1), "en")
        >>> Finding.of(p).to_json_dict() == p.to_json_dict()
        True
        """
        return cls(
            code=plain.code,
            severity=plain.severity,
            verdict=plain.verdict,
            relation=plain.relation,
            figures=plain.figures,
            locations=tuple(Location(figure=x.figure, label=x.label, value=x.value) for x in plain.locations),
            message=_message_model(plain.message_words),
            locale=plain.locale,
            subject=plain.subject,
            actual=plain.actual,
            expected=plain.expected,
            difference=plain.difference,
            allowed=plain.allowed,
            unit=plain.unit,
            rounding_explains=plain.rounding_explains,
        )

    @model_validator(mode="before")
    @classmethod
    def _message(cls, data: Any) -> Any:  # noqa: ANN401 - whatever was given to validate
        """Take ``message`` (a Message, or text written by hand) apart into its id and parameters."""
        if isinstance(data, dict) and "message" in data:
            data = dict(data)
            given = data.pop("message")
            if "message_id" not in data:  # a dump carries both: the id and params win
                if isinstance(given, Message):
                    data["message_id"], data["message_params"] = given.id, given.params
                else:
                    data["message_id"] = given
        return data

    @field_validator("locale")
    @classmethod
    def _known_locale(cls, locale: str) -> str:
        return check_locale_name(locale)

    @field_serializer("message_params", when_used="json")
    def _params_json(self, params: dict[str, str | Decimal | Message]) -> dict[str, Any]:
        return params_json(params)

    @property
    def message(self) -> str:
        """The message: one sentence, with sizes and direction, in the finding's locale."""
        return self.text(self.locale)

    def text(self, locale: str | None = None) -> str:
        """The message written in ``locale`` (default: the finding's own).

        >>> import perfcheck
        >>> f = perfcheck.check("examples/seed-with-mistakes.json", select=["PC102"]).errors[0]
        >>> f.message[:27], f.text("zh_CN")[:15]
        ('基本支出 is printed as 82.67 万元', '基本支出印为 82.67 万元')
        """
        wording = Message.assemble(self.message_id, self.message_params)
        return wording.text(self.locale if locale is None else locale)

    def __hash__(self) -> int:
        """Hash of the fields that tell findings apart (equal findings hash equal; a dict has no hash)."""
        return hash((self.code, self.relation, self.figures, self.message_id, self.locale, self.subject))

    def to_json_dict(self) -> dict[str, Any]:
        """The finding as JSON-ready data, numbers as decimal strings.

        ``message`` is the sentence in the finding's locale; ``message_id`` and
        ``message_params`` are what it was written from, so that it can be written
        again in another locale.
        """
        dumped = self.model_dump(mode="json", exclude_none=True, exclude={"locale"})
        data: dict[str, Any] = {}
        for key, value in dumped.items():
            if key == "message_id":
                data["message"] = self.message
            elif key != "message_params":
                data[key] = value
        data["message_id"] = self.message_id
        data["message_params"] = dumped.get("message_params", {})
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


def _message_model(message: Words) -> Message:
    """The model of a message made as :class:`Words`, its nested messages too."""
    return Message.assemble(
        message.id, {k: _message_model(v) if isinstance(v, Words) else v for k, v in message.params.items()}
    )


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


__all__ = ["Finding", "Location", "Message", "RelationCheck", "Severity", "Verdict"]
