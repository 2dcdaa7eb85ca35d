"""A finding's message as data: a catalog message id and its parameters, worded when shown.

Rules do not write sentences. They name a message (its id is the English template,
the msgid of the catalogs in ``perfcheck/locale``) and give its parameters: text
taken from the document (labels, printed values), numbers already written the way
the document writes them, Decimals, and other messages (a phrase inside a
sentence, a translated word). The sentence is made when someone reads it, in the
locale they ask for, so one result is shown in English and in Chinese without
checking again.

>>> from decimal import Decimal
>>> why = Message(id="a divisor in the formula may be zero")
>>> message = Message(id="not checkable: {why}", params={"why": why})
>>> message.text("en")
'not checkable: a divisor in the formula may be zero'
>>> message.text("zh_CN")
'无法核验：公式中的除数可能为零'
>>> Message(id="{n} relation", params={"n": Decimal(1)}).text("en")
'1 relation'
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_serializer

from perfcheck._findings.plain import Wording as _Wording
from perfcheck._findings.plain import params_json, plain_text

#: A number among a message's parameters (serialised as a decimal string, see :func:`params_json`).
DecimalParam = Annotated[Decimal, Field(allow_inf_nan=True)]


class Message(BaseModel):
    """A message id and its parameters; :meth:`text` words it in a locale.

    Attributes:
        id: the English template (the catalogs' msgid), with ``{name}`` placeholders;
            or, for a message written by hand, the text itself (with no parameters
            it is shown as it is, braces and all).
        params: each placeholder's value: text, a Decimal, or a nested message.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    params: dict[str, str | DecimalParam | Message] = Field(default_factory=dict)

    def text(self, locale: str = "en") -> str:
        """The message written in ``locale`` (``en`` or ``zh_CN``).

        Raises:
            ValueError: no messages for that locale.
        """
        return plain_text(self.id, self.params, locale)

    def __hash__(self) -> int:
        """Hash of the id and the parameters."""
        return hash((self.id, tuple(self.params.items())))

    @field_serializer("params", when_used="json")
    def _params_json(self, params: dict[str, str | Decimal | Message]) -> dict[str, Any]:
        return params_json(params)

    @classmethod
    def assemble(cls, message_id: str, params: dict[str, str | Decimal | Message]) -> Message:
        """A message from parts that are already valid (text, Decimals, messages), not validated.

        A rule makes several messages for every broken relation; building them field
        by field costs a fraction of the validating constructor (as ``Result._assemble``).

        >>> Message.assemble("{n} error", {"n": "1"}) == Message(id="{n} error", params={"n": "1"})
        True
        """
        made = cls.__new__(cls)
        object.__setattr__(made, "__dict__", {"id": message_id, "params": params})
        object.__setattr__(made, "__pydantic_fields_set__", {"id", "params"})
        object.__setattr__(made, "__pydantic_extra__", None)
        object.__setattr__(made, "__pydantic_private__", None)
        return made

    def to_json_dict(self) -> dict[str, Any]:
        """The message as JSON-ready data: ``{"id": ..., "params": {...}}``, Decimals as strings.

        >>> message("{a}; {b}", a=message("{n} error", n=1), b=Decimal("2.50")).to_json_dict()
        {'id': '{a}; {b}', 'params': {'a': {'id': '{n} error', 'params': {'n': '1'}}, 'b': '2.50'}}
        """
        return {"id": self.id, "params": params_json(self.params)}


def message(template: str, /, **params: str | int | Decimal | Message) -> Message:
    """A message of ``template`` (marked for extraction like ``N_``) with ``params``.

    A whole number (a count of decimals, of findings) is kept as its text, so the
    message reads back from JSON exactly as it was made.

    >>> message("{n} error", n=2).params
    {'n': '2'}
    """
    # Built without validation: the parameters are already of the three kinds a message holds.
    return Message.assemble(template, {k: str(v) if isinstance(v, int) else v for k, v in params.items()})


class Wording(_Wording[Message]):
    """How rules name their messages: ``ctx.t(template, **params)`` and ``ctx.t.word(word)``.

    The calls look like translations (babel extracts their first argument, see
    ``docs/i18n.md``), but make :class:`Message` data: the wording is left to
    whoever shows it. ``locale`` is the language the findings are shown in unless
    another is asked for. (:class:`~perfcheck._findings.plain.PlainWording` makes the
    same messages as compact data, for the fast path.)

    >>> t = Wording("zh_CN")
    >>> t("not checkable: {why}", why=t.word("a count")).text(t.locale)
    '无法核验：计数'
    >>> listed = Wording().join(["R3", "R4"])
    >>> listed.text("en"), listed.text("zh_CN")
    ('R3, R4', 'R3、R4')
    """

    __slots__ = ()

    def make(self, message_id: str, params: dict[str, Any]) -> Message:
        """A message model of parts that are already valid."""
        return Message.assemble(message_id, params)


__all__ = ["Message", "Wording", "message", "params_json"]
