"""The options of the public strategies, validated when a strategy is called."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from hypothesis.errors import InvalidArgument

from perfcheck._ledger.document import RELATION_KINDS
from perfcheck._strategies.printing import (
    AMOUNT_UNITS,
    LOCALES,
    MAX_RELATIONS,
    ROUNDING_MODES,
)
from perfcheck.rules import CRASH_CODE, default_registry, series_registry

#: Why no document breaks the rule crashed rules are reported under.
_UNBREAKABLE_CRASH: Final = (
    "{code} reports a rule that raised an exception; no document makes a correct rule crash, "
    "so there is no data that breaks it (to test crash handling, check with a Registry holding "
    "a rule that raises)"
)


@dataclass(frozen=True)
class LedgerOptions:
    """What a ledger strategy may draw."""

    min_relations: int = 1
    max_relations: int = 8
    kinds: tuple[str, ...] = RELATION_KINDS
    units: tuple[str, ...] = tuple(AMOUNT_UNITS)
    modes: tuple[str, ...] = ROUNDING_MODES
    locales: tuple[str, ...] = LOCALES
    qualifiers: bool = True
    json_numbers: bool = True
    clean: bool = False
    plain: bool = False
    scenarios: tuple[str, ...] | None = None  # private: draw only these scenarios


@dataclass(frozen=True)
class ReportOptions:
    """What the report strategy may draw."""

    max_depth: int = 3
    max_items: int = 6
    unit: str = "万元"
    modes: tuple[str, ...] = ROUNDING_MODES
    locales: tuple[str, ...] = LOCALES
    qualifiers: bool = True
    plain: bool = False


def _fail(where: str, message: str) -> InvalidArgument:
    return InvalidArgument(f"{where}: {message}")


def _whole(where: str, name: str, value: object, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        msg = f"{name} must be a whole number, not {value!r}"
        raise _fail(where, msg)
    if not low <= value <= high:
        msg = f"{name}={value!r} must be between {low} and {high}"
        raise _fail(where, msg)
    return value


def _flag(where: str, name: str, value: object) -> bool:
    if not isinstance(value, bool):
        msg = f"{name} must be True or False, not {value!r}"
        raise _fail(where, msg)
    return value


def _choice(
    where: str, name: str, value: object, known: Sequence[str], aliases: Mapping[str, tuple[str, ...]]
) -> str:
    if not isinstance(value, str) or (value not in known and value not in aliases):
        words = ", ".join(repr(k) for k in (*known, *aliases))
        msg = f"{name} has {value!r}; expected one of {words}"
        raise _fail(where, msg)
    return value


def _choices(
    where: str,
    name: str,
    value: object,
    known: Sequence[str],
    aliases: Mapping[str, tuple[str, ...]] | None = None,
) -> tuple[str, ...]:
    """``value`` (None for all, one name, or a collection of names) as a tuple of known names."""
    aliases = aliases or {}
    if value is None:
        return tuple(known)
    items: Collection[object]
    if isinstance(value, str):
        items = [value]
    elif isinstance(value, Collection) and not isinstance(value, (bytes, dict)):
        items = value
    else:
        msg = f"{name} must be None, a string or a collection of strings, not {value!r}"
        raise _fail(where, msg)
    if not items:
        msg = f"{name} is empty; give at least one of {', '.join(map(repr, known))} (or None for all)"
        raise _fail(where, msg)
    chosen: set[str] = set()
    for item in items:
        word = _choice(where, name, item, known, aliases)
        chosen.update(aliases.get(word, (word,)))
    return tuple(k for k in known if k in chosen)


_MODE_ALIASES: Final[Mapping[str, tuple[str, ...]]] = {"nearest": ("half_up", "half_even")}


def ledger_options(  # noqa: PLR0913 - every knob of the public strategies
    where: str,
    *,
    min_relations: object,
    max_relations: object,
    kinds: object,
    units: object,
    rounding: object,
    locales: object,
    qualifiers: object,
    json_numbers: object,
    clean: object = False,
    plain: object = False,
) -> LedgerOptions:
    """Check the knobs of a ledger strategy; raise InvalidArgument naming the bad one.

    Raises:
        InvalidArgument: a knob has a bad type or value.
    """
    low = _whole(where, "min_relations", min_relations, 0, MAX_RELATIONS)
    high = _whole(where, "max_relations", max_relations, 0, MAX_RELATIONS)
    if low > high:
        msg = f"min_relations={low} is more than max_relations={high}"
        raise _fail(where, msg)
    return LedgerOptions(
        min_relations=low,
        max_relations=high,
        kinds=_choices(where, "kinds", kinds, RELATION_KINDS),
        units=_choices(where, "units", units, tuple(AMOUNT_UNITS)),
        modes=_choices(where, "rounding", rounding, ROUNDING_MODES, _MODE_ALIASES),
        locales=_choices(where, "locales", locales, LOCALES),
        # a plain document has no bounds or estimates and no JSON numbers
        qualifiers=_flag(where, "qualifiers", qualifiers) and not _flag(where, "plain", plain),
        json_numbers=_flag(where, "json_numbers", json_numbers) and not plain,
        clean=_flag(where, "clean", clean),
        plain=bool(plain),
    )


def report_options(  # noqa: PLR0913 - every knob of the public strategy
    where: str,
    *,
    max_depth: object,
    max_items: object,
    unit: object,
    rounding: object,
    locales: object,
    qualifiers: object,
    plain: object = False,
) -> ReportOptions:
    """Check the knobs of the report strategy; raise InvalidArgument naming the bad one.

    Raises:
        InvalidArgument: a knob has a bad type or value.
    """
    return ReportOptions(
        max_depth=_whole(where, "max_depth", max_depth, 1, 8),
        max_items=_whole(where, "max_items", max_items, 1, 20),
        unit=_choice(where, "unit", unit, tuple(AMOUNT_UNITS), {}),
        modes=_choices(where, "rounding", rounding, ROUNDING_MODES, _MODE_ALIASES),
        locales=_choices(where, "locales", locales, LOCALES),
        qualifiers=_flag(where, "qualifiers", qualifiers) and not _flag(where, "plain", plain),
        plain=bool(plain),
    )


def breakable_code(where: str, code: object) -> str:
    """Check a rule code for :func:`broken_ledgers`.

    Raises:
        InvalidArgument: not a code of perfcheck's default registry, or one no data can break.
    """
    if isinstance(code, str) and code in series_registry:
        msg = (
            f"{code} is a series rule: it judges the reports of one entity for consecutive years "
            "together (perfcheck.check_series), so no single ledger breaks it"
        )
        raise _fail(where, msg)
    if not isinstance(code, str) or code not in default_registry:
        known = ", ".join(r.code for r in default_registry)
        msg = f"{code!r} is not the code of a perfcheck rule; expected one of {known}"
        raise _fail(where, msg)
    if code == CRASH_CODE:
        raise _fail(where, _UNBREAKABLE_CRASH.format(code=code))
    if default_registry[code].breaker is None:  # a rule added to the registry without a breaker
        msg = f"perfcheck.strategies has no way to break {code} yet"
        raise _fail(where, msg)
    return code
