"""Findings as compact data: what the fast path writes, without pydantic.

The fast path (:mod:`perfcheck._engine.fast`) judges a broken relation of plain figures
from the document as parsed and words it into a :class:`PlainFinding`: code, severity,
the figures as printed, the numbers as Decimals, and its message as :class:`Words` (a
message id and its parameters). The renderers of the command line write these directly;
a library caller gets the :class:`~perfcheck._findings.finding.Finding` model built from
one (``Finding.of``), with the same values. Nothing here imports pydantic: the models
(:mod:`perfcheck._findings.finding`, :mod:`perfcheck._findings.message`) are built on
this module's enums and wording.

>>> at = (PlainLocation("t", "总", "1.00"),)
>>> f = PlainFinding("PC102", Severity.ERROR, Verdict.BROKEN, "r", ("t",), at, words("{n} error", n=1), "en")
>>> f.message, f.to_json_dict()["locations"]
('1 error', [{'figure': 't', 'label': '总', 'value': '1.00'}])
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar, Generic, NamedTuple, Protocol, TypeVar

from perfcheck._core.i18n import N_, check_locale_name, translations

if TYPE_CHECKING:
    from perfcheck._ledger.document import Source

__all__ = [
    "PlainFinding",
    "PlainLocation",
    "Severity",
    "Verdict",
    "Worded",
    "Wording",
    "Words",
    "params_json",
    "plain_text",
    "words",
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


class Worded(Protocol):
    """A message as data: :class:`Words`, or the model :class:`~perfcheck._findings.message.Message`."""

    @property
    def id(self) -> str:
        """The English template (the catalogs' msgid)."""

    @property
    def params(self) -> Mapping[str, Any]:
        """Each placeholder's value: text, a Decimal, or a nested message."""


def plain_text(message_id: str, params: Mapping[str, Any], locale: str) -> str:
    """The message ``message_id`` with ``params`` written in ``locale`` (``en`` or ``zh_CN``).

    >>> plain_text("not checkable: {why}", {"why": Words("a count")}, "zh_CN")
    '无法核验：计数'

    Raises:
        ValueError: no messages for that locale.
    """
    template = translations(check_locale_name(locale)).gettext(message_id)
    if not params:
        return template
    return template.format(**{k: _word(v, locale) for k, v in params.items()})


def _word(value: object, locale: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, Decimal):
        return f"{value:f}"
    assert isinstance(value, Words) or hasattr(value, "params")  # noqa: S101 - a message
    return plain_text(value.id, value.params, locale)  # type: ignore[attr-defined]


def params_json(params: Mapping[str, Any]) -> dict[str, Any]:
    """Message parameters as JSON-ready data: text as it is, Decimals as shown, messages as objects.

    >>> params_json({"n": Decimal("1E+2"), "x": "a", "w": Words("b")})
    {'n': '100', 'x': 'a', 'w': {'id': 'b', 'params': {}}}
    """
    return {
        k: v if isinstance(v, str) else f"{v:f}" if isinstance(v, Decimal) else _message_json(v)
        for k, v in params.items()
    }


def _message_json(message: Worded) -> dict[str, Any]:
    return {"id": message.id, "params": params_json(message.params)}


class Words:
    """A message as compact data: its id (the English template) and its parameters.

    What the model :class:`~perfcheck._findings.message.Message` holds, without validation;
    worded when shown.
    """

    __slots__ = ("id", "params")

    def __init__(self, message_id: str, params: dict[str, Any] | None = None) -> None:
        """Hold the id and parameters (text, Decimals, other :class:`Words`)."""
        self.id = message_id
        self.params: dict[str, Any] = {} if params is None else params

    def text(self, locale: str = "en") -> str:
        """The message written in ``locale``."""
        return plain_text(self.id, self.params, locale)

    def to_json_dict(self) -> dict[str, Any]:
        """``{"id": ..., "params": {...}}``, Decimals as strings."""
        return _message_json(self)

    def __eq__(self, other: object) -> bool:
        """Equal ids and parameters."""
        if not isinstance(other, Words):
            return NotImplemented
        return (self.id, self.params) == (other.id, other.params)

    def __hash__(self) -> int:
        """Hash of the id and the parameters."""
        return hash((self.id, tuple(self.params.items())))

    def __repr__(self) -> str:
        """``Words(id, params)``."""
        return f"Words({self.id!r}, {self.params!r})"


def words(template: str, /, **params: str | int | Decimal | Words) -> Words:
    """The message ``template`` with ``params``; a whole number is kept as its text (as ``message`` does)."""
    return PlainWording()(template, **params)


_M = TypeVar("_M")


class Wording(Generic[_M]):
    """How rules name their messages: ``ctx.t(template, **params)`` and ``ctx.t.word(word)``.

    :meth:`make` makes each message: :class:`PlainWording` as :class:`Words`,
    :class:`perfcheck._findings.message.Wording` as models.
    """

    __slots__ = ("locale",)

    def __init__(self, locale: str = "en") -> None:
        """Bind to ``locale``.

        Raises:
            ValueError: findings cannot be written in that locale.
        """
        self.locale = check_locale_name(locale)

    def make(self, message_id: str, params: dict[str, Any]) -> _M:
        """A message of parts that are already valid."""
        raise NotImplementedError

    def __call__(self, template: str, /, **params: str | int | Decimal | _M) -> _M:
        """The message ``template`` with ``params``."""
        return self.make(template, {k: str(v) if isinstance(v, int) else v for k, v in params.items()})

    def word(self, word: str) -> _M:
        """A word or phrase without placeholders, as a message."""
        return self.make(word, {})

    def join(self, items: Iterable[str]) -> str | _M:
        """A list of items, separated as the locale separates them when shown (``a, b``; ``a、b``)."""
        texts = list(items)
        if len(texts) == 1:
            return texts[0]
        # The id is not a catalog message: it is shown as it is, with the separator translated.
        template = "{sep}".join(f"{{item{i}}}" for i in range(len(texts)))
        params: dict[str, Any] = {f"item{i}": text for i, text in enumerate(texts)}
        params["sep"] = self.word(N_(", "))
        return self.make(template, params)


class PlainWording(Wording[Words]):
    """Messages as :class:`Words`, for the fast path.

    >>> t = PlainWording("zh_CN")
    >>> t("not checkable: {why}", why=t.word("a count")).text(t.locale)
    '无法核验：计数'
    """

    __slots__ = ()

    def make(self, message_id: str, params: dict[str, Any]) -> Words:
        """Words of parts that are already valid."""
        return Words(message_id, params)


class PlainLocation(NamedTuple):
    """Where one figure of a plain finding was printed: its id, label and value (no source)."""

    figure: str
    label: str | None
    value: str
    source: Source | None = None
    document: str | None = None


class PlainFinding:
    """A finding as compact data; the model :class:`~perfcheck._findings.finding.Finding` has the same fields.

    A renderer reads the same attributes of either; ``Finding.of(plain)`` builds the model.
    """

    __slots__ = (
        "actual",
        "allowed",
        "code",
        "difference",
        "expected",
        "figures",
        "locale",
        "locations",
        "message_words",
        "relation",
        "rounding_explains",
        "severity",
        "subject",
        "unit",
        "verdict",
    )

    #: Plain findings are never localised (a localised result is built of models).
    localisation: ClassVar[None] = None

    def __init__(  # noqa: PLR0913, PLR0917 - the fields
        self,
        code: str,
        severity: Severity,
        verdict: Verdict,
        relation: str | None,
        figures: tuple[str, ...],
        locations: tuple[PlainLocation, ...],
        message: Words,
        locale: str,
        subject: str | None = None,
        actual: Decimal | None = None,
        expected: Decimal | None = None,
        difference: Decimal | None = None,
        allowed: tuple[Decimal, Decimal] | None = None,
        unit: str | None = None,
        *,
        rounding_explains: bool | None = None,
    ) -> None:
        """Hold the fields, already valid (the fast path made them)."""
        self.code = code
        self.severity = severity
        self.verdict = verdict
        self.relation = relation
        self.figures = figures
        self.locations = locations
        self.message_words = message
        self.locale = locale
        self.subject = subject
        self.actual = actual
        self.expected = expected
        self.difference = difference
        self.allowed = allowed
        self.unit = unit
        self.rounding_explains = rounding_explains

    @property
    def message_id(self) -> str:
        """The message's catalog id."""
        return self.message_words.id

    @property
    def message_params(self) -> dict[str, Any]:
        """The message's parameters."""
        return self.message_words.params

    @property
    def message(self) -> str:
        """The message in the finding's locale."""
        return self.message_words.text(self.locale)

    def text(self, locale: str | None = None) -> str:
        """The message written in ``locale`` (default: the finding's own)."""
        return self.message_words.text(self.locale if locale is None else locale)

    def to_json_dict(self) -> dict[str, Any]:
        """The finding as JSON-ready data, key for key what ``Finding.to_json_dict`` writes."""
        data: dict[str, Any] = {
            "code": self.code,
            "severity": self.severity.value,
            "verdict": self.verdict.value,
        }
        if self.relation is not None:
            data["relation"] = self.relation
        data["figures"] = list(self.figures)
        data["locations"] = [
            {"figure": loc.figure, "value": loc.value}
            if loc.label is None
            else {"figure": loc.figure, "label": loc.label, "value": loc.value}
            for loc in self.locations
        ]
        data["message"] = self.message
        for key in ("subject", "actual", "expected", "difference"):
            value = getattr(self, key)
            if value is not None:
                data[key] = value if isinstance(value, str) else str(value)
        if self.allowed is not None:
            data["allowed"] = [str(self.allowed[0]), str(self.allowed[1])]
        if self.unit is not None:
            data["unit"] = self.unit
        if self.rounding_explains is not None:
            data["rounding_explains"] = self.rounding_explains
        data["message_id"] = self.message_id
        data["message_params"] = params_json(self.message_params)
        data.setdefault("relation", None)
        return data
