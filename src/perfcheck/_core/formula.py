r"""A small grammar for ``formula`` relations, parsed without recursion and never evaluated as code.

Grammar::

    formula    := expr COMPARE expr          COMPARE is one of == <= < >= >
    expr       := term (("+" | "-") term)*
    term       := factor (("*" | "/") factor)*
    factor     := "-" factor | "+" factor | NUMBER | NAME | "(" expr ")"

``NAME`` is a figure id: written bare when it is a word (letters, digits and ``_``,
not starting with a digit: ``income``, ``总收入``), otherwise in brackets
(``[2010101]``, ``[一般公共预算 财政拨款]``) or, when it holds a ``]``, in double quotes
with ``\"`` and ``\\`` escaped (:func:`formula_name` writes any id so). ``NUMBER`` is a
decimal literal such as ``100`` or ``0.5``, which is exact. A call, an attribute or any
other character is a syntax error. Parsing is a shunting-yard pass over the tokens,
so deep nesting costs no stack; :data:`MAX_DEPTH` and :data:`MAX_LENGTH` bound it.

>>> f = parse_formula("a + b == c")
>>> f.op, f.names
('==', ('a', 'b', 'c'))
>>> parse_formula("[2010101] + 行政运行 == 总计").names
('2010101', '行政运行', '总计')
>>> parse_formula("__import__('os')")
Traceback (most recent call last):
    ...
perfcheck._core.formula.FormulaError: a call is not allowed at position 10
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from perfcheck._core.interval import Interval

MAX_LENGTH: Final = 10_000
MAX_DEPTH: Final = 200
COMPARISONS: Final = ("==", "<=", ">=", "<", ">")

_TOKEN: Final = re.compile(
    r"\s*(?:(?P<num>[0-9]+(?:\.[0-9]+)?)|(?P<name>[^\W\d]\w*)"
    r"|\[(?P<bracketed>[^\]]+)\]|\"(?P<quoted>(?:[^\"\\]|\\.)+)\""
    r"|(?P<cmp>==|<=|>=|<|>)|(?P<op>[-+*/()]))"
)
#: An id written bare in a formula: a word that is not a number.
_BARE: Final = re.compile(r"[^\W\d]\w*")
_UNESCAPE: Final = re.compile(r"\\(.)")
_PRECEDENCE: Final = {"+": 1, "-": 1, "*": 2, "/": 2, "neg": 3, "pos": 3}

# An RPN step: ("num", Decimal) | ("name", str) | ("op", "+"|"-"|"*"|"/"|"neg"|"pos")
Step = tuple[str, object]


class FormulaError(ValueError):
    """A formula that does not follow the grammar."""


@dataclass(frozen=True, slots=True)
class Formula:
    """A parsed comparison between two expressions.

    Attributes:
        left: the left side in reverse Polish notation.
        op: the comparison.
        right: the right side in reverse Polish notation.
        names: the figure ids used, in order of first use.
        repeated: ids that occur more than once.
    """

    left: tuple[Step, ...]
    op: str
    right: tuple[Step, ...]
    names: tuple[str, ...]
    repeated: frozenset[str]


def _tokens(text: str) -> list[tuple[str, str, int]]:
    out: list[tuple[str, str, int]] = []
    pos = 0
    end = len(text.rstrip())
    while pos < end:
        match = _TOKEN.match(text, pos)
        if match is None or match.lastgroup is None:
            at = pos + len(text[pos:]) - len(text[pos:].lstrip())
            msg = f"unexpected character {text[at]!r} at position {at}"
            raise FormulaError(msg)
        kind = match.lastgroup
        token = match.group(kind)
        if kind == "quoted":
            token = _UNESCAPE.sub(r"\1", token)
        out.append(("name" if kind in ("bracketed", "quoted") else kind, token, match.start(kind)))
        pos = match.end()
        nxt = text[pos : pos + 1]
        if kind in ("num", "name") and (nxt in {"(", "."} or nxt.isalnum()):
            what = "a call" if nxt == "(" else "an attribute or malformed number"
            msg = f"{what} is not allowed at position {pos}"
            raise FormulaError(msg)
    return out


def formula_name(figure_id: str) -> str:
    """``figure_id`` as written in a formula: bare when it is a word, else bracketed or quoted.

    >>> formula_name("income"), formula_name("2010101"), formula_name("a]b")
    ('income', '[2010101]', '"a]b"')
    """
    if _BARE.fullmatch(figure_id):
        return figure_id
    if "]" not in figure_id:
        return f"[{figure_id}]"
    return '"' + figure_id.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _to_rpn(  # noqa: C901, PLR0912 - one branch per token kind of the grammar
    tokens: list[tuple[str, str, int]], text: str, max_depth: int
) -> tuple[Step, ...]:
    output: list[Step] = []
    ops: list[str] = []
    expect_operand = True
    depth = 0
    for kind, tok, pos in tokens:
        if kind in ("num", "name"):
            if not expect_operand:
                msg = f"missing operator before {tok!r} at position {pos}"
                raise FormulaError(msg)
            output.append(("num", Decimal(tok)) if kind == "num" else ("name", tok))
            expect_operand = False
        elif tok == "(":
            if not expect_operand:
                msg = f"a call is not allowed at position {pos}"
                raise FormulaError(msg)
            depth += 1
            if depth > max_depth:
                msg = f"parentheses nested deeper than {max_depth} (Limits.max_formula_depth)"
                raise FormulaError(msg)
            ops.append("(")
        elif tok == ")":
            if expect_operand:
                msg = f"missing operand before ')' at position {pos}"
                raise FormulaError(msg)
            while ops and ops[-1] != "(":
                output.append(("op", ops.pop()))
            if not ops:
                msg = f"unbalanced ')' at position {pos}"
                raise FormulaError(msg)
            ops.pop()
            depth -= 1
        elif expect_operand:
            if tok not in "+-":
                msg = f"missing operand before {tok!r} at position {pos}"
                raise FormulaError(msg)
            ops.append("neg" if tok == "-" else "pos")
        else:
            prec = _PRECEDENCE[tok]
            while ops and ops[-1] != "(" and _PRECEDENCE[ops[-1]] >= prec:
                output.append(("op", ops.pop()))
            ops.append(tok)
            expect_operand = True
    if expect_operand:
        msg = f"expression {text.strip()!r} ends without an operand"
        raise FormulaError(msg)
    while ops:
        op = ops.pop()
        if op == "(":
            msg = f"unbalanced '(' in {text.strip()!r}"
            raise FormulaError(msg)
        output.append(("op", op))
    return tuple(output)


def parse_formula(text: str, *, max_length: int = MAX_LENGTH, max_depth: int = MAX_DEPTH) -> Formula:
    """Parse ``text`` into a :class:`Formula`.

    Raises:
        FormulaError: the text is too long or too deeply nested, not in the grammar,
            or has no single comparison.
    """
    if len(text) > max_length:
        msg = f"formula longer than {max_length} characters (Limits.max_formula_length)"
        raise FormulaError(msg)
    tokens = _tokens(text)
    depth = 0
    split: int | None = None
    for i, (kind, tok, pos) in enumerate(tokens):
        depth += tok == "(" and kind == "op"
        depth -= tok == ")" and kind == "op"
        if kind == "cmp":
            if depth != 0 or split is not None:
                msg = f"comparison {tok!r} at position {pos}: a formula has exactly one, outside parentheses"
                raise FormulaError(msg)
            split = i
    if split is None:
        msg = f"formula {text.strip()!r} has no comparison (==, <=, <, >=, >)"
        raise FormulaError(msg)
    left = _to_rpn(tokens[:split], text[: tokens[split][2]], max_depth)
    right = _to_rpn(tokens[split + 1 :], text[tokens[split][2] + len(tokens[split][1]) :], max_depth)
    seen: dict[str, int] = {}
    for kind, tok, _ in tokens:
        if kind == "name":
            seen[tok] = seen.get(tok, 0) + 1
    repeated = frozenset(n for n, c in seen.items() if c > 1)
    return Formula(left, tokens[split][1], right, tuple(seen), repeated)


_BINARY: Final[dict[str, Callable[[Interval, Interval], Interval | None]]] = {
    "+": Interval.__add__,
    "-": Interval.__sub__,
    "*": Interval.__mul__,
    "/": Interval.div,
}


def evaluate(rpn: tuple[Step, ...], values: Mapping[str, Interval]) -> Interval | None:
    """Evaluate an expression over intervals; None when a divisor may be zero."""
    stack: list[Interval] = []
    for kind, item in rpn:
        if kind == "num":
            assert isinstance(item, Decimal)  # noqa: S101 - parser invariant
            stack.append(Interval.point(item))
        elif kind == "name":
            stack.append(values[str(item)])
        elif item == "neg":
            stack.append(-stack.pop())
        elif item != "pos":
            right = stack.pop()
            result = _BINARY[str(item)](stack.pop(), right)
            if result is None:
                return None
            stack.append(result)
    return stack[0]
