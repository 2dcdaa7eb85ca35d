"""Finding messages in English and Chinese, through gettext catalogs managed with babel.

Messages are written in English in the source as ``str.format`` templates with named
placeholders, marked for extraction by ``N_`` or by being the first argument of a
:class:`Messages` call. The catalogs live in ``perfcheck/locale``; ``docs/i18n.md``
gives the babel commands that extract, update and compile them.

>>> Messages("zh_CN")("not checkable: {why}", why="…")
'无法核验：…'
>>> Messages("en")("not checkable: {why}", why="…")
'not checkable: …'
"""

from __future__ import annotations

import gettext
from functools import lru_cache
from pathlib import Path
from typing import Final

#: Locales findings can be written in.
LOCALES: Final = ("en", "zh_CN")
DOMAIN: Final = "perfcheck"
LOCALE_DIR: Final = Path(__file__).parent.parent / "locale"


def N_(message: str) -> str:  # noqa: N802 - the conventional gettext marker
    """Mark ``message`` for extraction without translating it here."""
    return message


def check_locale_name(locale: str) -> str:
    """Return ``locale`` if findings can be written in it.

    Raises:
        ValueError: findings cannot be written in that locale.
    """
    if locale not in LOCALES:
        msg = f"no messages for locale {locale!r}; choose one of {', '.join(LOCALES)}"
        raise ValueError(msg)
    return locale


@lru_cache(maxsize=len(LOCALES))
def translations(locale: str) -> gettext.NullTranslations:
    """The compiled catalog of ``locale`` (English is the source language)."""
    check_locale_name(locale)
    if locale == "en":
        return gettext.NullTranslations()
    with (LOCALE_DIR / locale / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as handle:
        return gettext.GNUTranslations(handle)


class Messages:
    """Translate and fill message templates in one locale."""

    __slots__ = ("_gettext", "locale")

    def __init__(self, locale: str = "en") -> None:
        """Bind to ``locale``.

        Raises:
            ValueError: findings cannot be written in that locale.
        """
        self.locale = check_locale_name(locale)
        self._gettext = translations(locale).gettext

    def __call__(self, template: str, /, **params: object) -> str:
        """The template in this locale, its placeholders filled with ``params``."""
        return self._gettext(template).format(**params)

    def word(self, word: str) -> str:
        """A single translated word or phrase without placeholders."""
        return self._gettext(word)
