"""Configuration of ``perfcheck check``: ``[tool.perfcheck]`` in ``pyproject.toml``, or ``perfcheck.toml``.

As in ruff, the configuration is found by walking up from the current folder: in
each folder a ``perfcheck.toml`` (keys at the top level) counts, and then a
``pyproject.toml`` that has a ``[tool.perfcheck]`` table; the first found is used.
Keys are those of the command line's options: ``select``, ``ignore``,
``extend-select``, ``format``, ``locale``, ``baseline`` (a path, relative to the
configuration file's folder) and ``exit-zero``. An unknown key or a value of the
wrong type is an error naming the file and the key.

>>> config = parse_config({"select": ["PC1", "PC2"], "exit-zero": True}, source="perfcheck.toml")
>>> config.select, config.exit_zero, config.format
(('PC1', 'PC2'), True, None)
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from perfcheck._core import lazy
from perfcheck._core.errors import PerfcheckError
from perfcheck._core.i18n import LOCALES
from perfcheck.render import OUTPUT_FORMATS
from perfcheck.rules import default_registry

if TYPE_CHECKING:
    import tomllib
else:
    tomllib = lazy.module("tomllib")  # read only when a configuration file is found

#: Names of the configuration files, in the order they are looked for in one folder.
CONFIG_FILES: Final = ("perfcheck.toml", "pyproject.toml")
#: The keys a configuration may set.
KEYS: Final = ("select", "ignore", "extend-select", "format", "locale", "baseline", "exit-zero")


class ConfigError(PerfcheckError, ValueError):
    """A configuration file that cannot be used; the message names the file and the key."""


@dataclass(frozen=True, slots=True)
class Config:
    """Settings read from a configuration file; None where the file does not set a key.

    Attributes:
        path: the file they were read from (None: no file).
        select: rule code prefixes to run.
        ignore: rule code prefixes not to run.
        extend_select: prefixes added to ``select``.
        format: the output format.
        locale: the locale of messages.
        baseline: the acknowledgements file, resolved against the configuration's folder.
        exit_zero: exit 0 even when errors are found.
    """

    path: Path | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] | None = None
    format: str | None = None
    locale: str | None = None
    baseline: Path | None = None
    exit_zero: bool | None = None


def find_config(start: Path) -> Path | None:
    """The configuration file nearest to ``start``, walking up to the root; None if there is none.

    Raises:
        ConfigError: a ``pyproject.toml`` on the way cannot be read.
    """
    start = start.resolve()
    for folder in (start, *start.parents):
        own = folder / "perfcheck.toml"
        if own.is_file():
            return own
        project = folder / "pyproject.toml"
        if project.is_file():
            tool = _read_toml(project).get("tool")
            if isinstance(tool, dict) and "perfcheck" in tool:
                return project
    return None


def load_config(path: Path) -> Config:
    """Read a configuration file: ``[tool.perfcheck]`` of a ``pyproject.toml``, the top level of any other.

    Raises:
        ConfigError: the file cannot be read, or sets an unknown key or a value of the wrong type.
    """
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("perfcheck", {}) if isinstance(tool, dict) else None
        source = f"{path}: [tool.perfcheck]"
        if not isinstance(table, dict):
            msg = f"{source} is not a table"
            raise ConfigError(msg)
    else:
        table, source = data, str(path)
    return parse_config(table, source=source, path=path)


def discover_config(start: Path) -> Config:
    """The configuration that applies in ``start``: the nearest file's, or an empty one.

    Raises:
        ConfigError: the file found cannot be used.
    """
    path = find_config(start)
    return Config() if path is None else load_config(path)


def parse_config(table: dict[str, Any], *, source: str, path: Path | None = None) -> Config:
    """Check and convert the keys of a configuration table.

    Args:
        table: the keys and values as read from TOML.
        source: how to name the table in messages (a file, and the table in it).
        path: the file, against whose folder ``baseline`` is resolved (default: the current folder).

    Raises:
        ConfigError: an unknown key, a value of the wrong type, or a rule selector that matches no rule.
    """
    for key in table:
        if key not in KEYS:
            close = difflib.get_close_matches(key.replace("_", "-"), KEYS, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f"; the keys are {', '.join(KEYS)}"
            msg = f"{source}: unknown key {key!r}{hint}"
            raise ConfigError(msg)
    folder = path.parent if path is not None else Path()
    baseline = _string(table, "baseline", source)
    return Config(
        path=path,
        select=_selectors(table, "select", source),
        ignore=_selectors(table, "ignore", source),
        extend_select=_selectors(table, "extend-select", source),
        format=_choice(table, "format", OUTPUT_FORMATS, source),
        locale=_choice(table, "locale", LOCALES, source),
        baseline=None if baseline is None else folder / baseline,
        exit_zero=_boolean(table, "exit-zero", source),
    )


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as file:
            return tomllib.load(file)
    except OSError as exc:
        msg = f"{path}: cannot read: {exc.strerror or exc}"
        raise ConfigError(msg) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        msg = f"{path}: invalid TOML: {exc}"
        raise ConfigError(msg) from None


def _selectors(table: dict[str, Any], key: str, source: str) -> tuple[str, ...] | None:
    value = table.get(key)
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        msg = f'{source}: {key} must be a list of rule codes or prefixes, such as ["PC1", "PC201"]'
        raise ConfigError(msg)
    try:
        default_registry.select(value)
    except ValueError as exc:
        msg = f"{source}: {key}: {exc}"
        raise ConfigError(msg) from None
    return tuple(value)


def _string(table: dict[str, Any], key: str, source: str) -> str | None:
    value = table.get(key)
    if value is not None and (not isinstance(value, str) or not value):
        msg = f"{source}: {key} must be a non-empty string"
        raise ConfigError(msg)
    return value


def _choice(table: dict[str, Any], key: str, choices: tuple[str, ...], source: str) -> str | None:
    value = table.get(key)
    if value is not None and value not in choices:
        msg = f"{source}: {key} must be one of {', '.join(choices)}, not {value!r}"
        raise ConfigError(msg)
    return value


def _boolean(table: dict[str, Any], key: str, source: str) -> bool | None:
    value = table.get(key)
    if value is not None and not isinstance(value, bool):
        msg = f"{source}: {key} must be true or false, not {value!r}"
        raise ConfigError(msg)
    return value
