"""Every message and error template is filled when shown (issue 20, item 3).

A template whose placeholder is never filled prints ``value {value!r} is a float``: pydantic
fills a ``PydanticCustomError`` template from its context with ``{name}`` only, and a
string meant as an f-string but written without the ``f`` prints its braces. So every
registered message (the catalogs' msgids, in English and Chinese) and every error
template in the source is rendered here with sample parameters, and the test fails on
a placeholder left in the text.
"""

from __future__ import annotations

import ast
import re
import string

import pytest
from pydantic_core import PydanticCustomError

import perfcheck
from conftest import ROOT
from perfcheck._findings.message import Message
from test_i18n import catalog, source_messages

SRC = ROOT / "src" / "perfcheck"
#: A placeholder as str.format reads it: ``{name}``, ``{name!r}``, ``{name:.2f}`` (not ``{{``).
LEFTOVER = re.compile(r"(?<!\{)\{[A-Za-z_]\w*(?:![rsa])?(?::[^{}]*)?\}(?!\})")


def placeholders(template: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(template) if name]


def sample(name: str) -> str:
    return f"‹{name}›"


def test_the_leftover_check_catches_an_unfilled_placeholder() -> None:
    unfilled = PydanticCustomError("t", "value {value!r} is a float", {"value": 1.5}).message()
    assert LEFTOVER.search(unfilled)
    assert not LEFTOVER.search(PydanticCustomError("t", "value {value} is a float", {"value": 1.5}).message())


@pytest.mark.parametrize("locale", ["en", "zh_CN"])
def test_every_registered_message_is_filled_in_every_locale(locale: str) -> None:
    messages = source_messages() | set(catalog("zh_CN"))
    assert len(messages) > 30
    for template in sorted(messages):
        params = {name: sample(name) for name in placeholders(template)}
        shown = Message(id=template, params=params).text(locale) if params else template
        assert not LEFTOVER.search(shown), (template, shown)
        for value in params.values():
            assert value in shown, (template, locale, value)


def _parents(tree: ast.AST) -> dict[ast.AST, ast.AST]:
    return {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}


def _error_templates() -> list[tuple[str, str, list[str]]]:
    """Every ``PydanticCustomError(type, template, {...})`` in the source: where, template, context keys."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "PydanticCustomError"):
                continue
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            template, context = node.args[1], node.args[2] if len(node.args) > 2 else None
            assert isinstance(template, ast.Constant), f"{where}: write the template as one literal"
            assert isinstance(context, ast.Dict), f"{where}: write the context as a dict literal"
            keys = [k.value for k in context.keys if isinstance(k, ast.Constant)]
            assert len(keys) == len(context.keys), f"{where}: the context's keys must be literals"
            found.append((where, template.value, keys))
    return found


def test_every_error_template_is_filled_by_its_context() -> None:
    templates = _error_templates()
    assert len(templates) >= 6
    for where, template, keys in templates:
        shown = PydanticCustomError("t", template, {k: sample(k) for k in keys}).message()
        assert not LEFTOVER.search(shown), f"{where}: {shown}"
        for name in placeholders(template):
            assert sample(name) in shown, f"{where}: {{{name}}} is not filled"


#: Where a string with a placeholder is a template, filled later: the catalogs' marker, errors,
#: str.format, and the one list template of message.py.
_TEMPLATE_USES = {"N_", "PydanticCustomError", "format", "join"}


def test_no_string_with_a_placeholder_is_left_unfilled() -> None:
    """A string with ``{name}`` in it is an f-string, a docstring or a template handed to a filler."""
    unfilled = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        parents = _parents(tree)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
                continue
            if not LEFTOVER.search(node.value):
                continue
            parent = parents.get(node)
            if isinstance(parent, (ast.JoinedStr, ast.Expr)):
                continue  # part of an f-string, or a docstring
            func = parent.func if isinstance(parent, ast.Call) else parent
            use = getattr(func, "id", None) or getattr(func, "attr", None)
            if use in _TEMPLATE_USES:
                continue
            if isinstance(parent, ast.AnnAssign) and _formatted_later(tree, parent):
                continue
            if isinstance(parent, ast.AnnAssign) and getattr(parent.target, "id", "").endswith("CSS"):
                continue  # a style sheet: its rule bodies look like ``{name:spec}`` but are CSS
            unfilled.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value[:60]!r}")
    assert unfilled == []


def _formatted_later(tree: ast.AST, assign: ast.AnnAssign) -> bool:
    """A module constant holding a template, used as ``NAME.format(...)`` somewhere."""
    name = getattr(assign.target, "id", None)
    return any(
        isinstance(node, ast.Attribute) and node.attr == "format" and getattr(node.value, "id", None) == name
        for node in ast.walk(tree)
    )


def test_a_float_value_names_the_value() -> None:
    doc = {"perfcheck": "1", "figures": [{"id": "a", "value": 1.5}]}
    with pytest.raises(perfcheck.LedgerError, match=r"value 1\.5 is a float"):
        perfcheck.validate(doc)
