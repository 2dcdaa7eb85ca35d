"""Limits that keep checking fast on hostile input.

Every limit is checked before the work it bounds, and exceeding one is a
:class:`~perfcheck.LedgerError` naming the limit, never a slow run or a crash.
Pass your own :class:`Limits` to :func:`perfcheck.load`, :func:`perfcheck.loads`
or :func:`perfcheck.validate` to raise or lower them.

>>> import perfcheck
>>> strict = perfcheck.Limits(max_figures=1)
>>> perfcheck.loads('{"perfcheck": "1", "unit": "元", "figures": ['
...     '{"id": "a", "value": "1"}, {"id": "b", "value": "2"}]}', limits=strict)
Traceback (most recent call last):
    ...
perfcheck._core.errors.LedgerError: <string>: 2 figures, more than the limit of 1 (Limits.max_figures)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on what a document may contain.

    Attributes:
        max_bytes: size of the document's text.
        max_figures: number of figures.
        max_relations: number of relations.
        max_digits: significant digits of one value.
        max_exponent: decimal exponent of one value, either way (``1E+60``).
        max_formula_length: characters of one formula.
        max_formula_depth: nesting of parentheses in one formula.
        max_json_depth: nesting of JSON arrays and objects; None leaves it to the
            JSON parser, which stops cleanly at Python's recursion limit (about 1000).
            Setting it costs one extra scan of the text.
        strict_decimals: refuse a document with a value that has more digits than its
            ``decimals`` allow (``1559`` with decimals ``-2``). By default such a figure
            is reported (rule PC905) and the relations on it are not judged.
    """

    max_bytes: int = 256 * 1024 * 1024
    max_figures: int = 5_000_000
    max_relations: int = 5_000_000
    max_digits: int = 40
    max_exponent: int = 60
    max_formula_length: int = 10_000
    max_formula_depth: int = 200
    max_json_depth: int | None = None
    strict_decimals: bool = False

    def __post_init__(self) -> None:
        """Reject limits that are not positive.

        Raises:
            ValueError: a limit below 1.
        """
        if not isinstance(self.strict_decimals, bool):
            msg = f"Limits.strict_decimals must be True or False, not {self.strict_decimals!r}"
            raise ValueError(msg)  # noqa: TRY004 - a bad setting, as the others
        for name in self.__slots__:
            if name == "strict_decimals":
                continue
            value = getattr(self, name)
            if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
                msg = f"Limits.{name} must be a positive integer, not {value!r}"
                raise ValueError(msg)


DEFAULT_LIMITS: Final = Limits()


def json_depth(text: str) -> int:
    """The deepest nesting of arrays and objects in JSON text (strings are skipped).

    >>> json_depth('{"a": [1, {"b": "[[["}]}')
    3
    """
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest
