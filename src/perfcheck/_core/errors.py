"""perfcheck's own exceptions.

Bad data is reported as findings; exceptions are for unusable input and misuse.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One reason a document is unusable.

    Attributes:
        loc: the path to the offending key, e.g. ``("figures", 3, "value")``.
        message: what is wrong, naming the figure or relation id.
        id: the id of the figure or relation concerned, if any.
        line: the line of the file, where known.
    """

    loc: tuple[int | str, ...]
    message: str
    id: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        """The message."""
        return self.message


class PerfcheckError(Exception):
    """Base class of perfcheck's exceptions."""


class LedgerError(PerfcheckError, ValueError):
    """A document that cannot be checked.

    Attributes:
        problems: every problem found, each with where and what.
    """

    def __init__(self, message: str, problems: list[Problem]) -> None:
        """Record the message and the problems."""
        super().__init__(message)
        self.problems = problems


class ValueFormatError(ValueError):
    """A printed value that cannot be read as a number.

    Attributes:
        text: the value as given.
        suggestions: babel's guesses at what was meant, if any.
    """

    def __init__(self, message: str, text: str, suggestions: list[str] | None = None) -> None:
        """Record the message, the text and any suggestions."""
        super().__init__(message)
        self.text = text
        self.suggestions = suggestions or []


class ValueConflictError(ValueFormatError):
    """A value that reads well but contradicts its figure's ``unit`` or ``qualifier``."""
