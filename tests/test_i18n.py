"""Messages in English and Chinese: complete catalogs, intact placeholders, compiled and used."""

from __future__ import annotations

import gettext
import re

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

import perfcheck
from conftest import CASES, ROOT
from perfcheck._core.i18n import DOMAIN, LOCALE_DIR, Messages

PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")
KEYWORDS = {"N_": None, "t": None, "word": None}


def source_messages() -> set[str]:
    # the library's private packages start with "_", which babel skips by default
    found = extract_from_dir(
        str(ROOT / "src" / "perfcheck"),
        keywords=KEYWORDS,
        directory_filter=lambda path: "__pycache__" not in path and not path.endswith(".venv"),
    )
    return {message for _, _, message, _, _ in found if isinstance(message, str) and message}


def catalog(locale: str) -> dict[str, str]:
    with (LOCALE_DIR / locale / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as handle:
        po = read_po(handle, locale=locale)
    assert not po.fuzzy, "the catalog header is marked fuzzy"
    out = {}
    for m in po:
        if m.id:
            assert not m.fuzzy, f"fuzzy translation of {m.id!r}"
            out[str(m.id)] = str(m.string)
    return out


def test_there_are_messages_to_translate() -> None:
    assert len(source_messages()) > 30


def test_every_message_has_a_chinese_translation() -> None:
    zh = catalog("zh_CN")
    missing = sorted(m for m in source_messages() if not zh.get(m))
    assert missing == [], f"untranslated (run the commands in docs/i18n.md): {missing}"
    obsolete = sorted(set(zh) - source_messages())
    assert obsolete == [], f"translations of messages the code no longer has: {obsolete}"


def test_translations_keep_every_placeholder() -> None:
    for msgid, msgstr in catalog("zh_CN").items():
        assert sorted(PLACEHOLDER.findall(msgid)) == sorted(PLACEHOLDER.findall(msgstr)), msgid


def test_compiled_catalog_matches_the_po_file() -> None:
    with (LOCALE_DIR / "zh_CN" / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for msgid, msgstr in catalog("zh_CN").items():
        assert compiled.gettext(msgid) == msgstr, f"recompile the catalog: {msgid!r}"


def test_placeholder_check_would_catch_a_renamed_placeholder() -> None:
    assert sorted(PLACEHOLDER.findall("{terms} add up to {expected}")) != sorted(
        PLACEHOLDER.findall("{term}合计 {expected}")
    )


def test_findings_in_chinese() -> None:
    path = CASES / "wuzhou-unit-2024-budget-yuan.json"
    en = perfcheck.check(path)
    zh = perfcheck.check(path, locale="zh_CN")
    assert [(f.code, f.relation, f.actual) for f in en.findings] == [
        (f.code, f.relation, f.actual) for f in zh.findings
    ]
    r4 = next(f for f in zh.errors if f.relation == "R4")
    assert "印为 19.62%" in r4.message
    assert "个百分点" in r4.message
    assert "printed" in next(f for f in en.errors if f.relation == "R4").message


def test_every_rule_example_has_a_chinese_message() -> None:
    for rule in perfcheck.default_registry:
        if not rule.failing:
            continue
        result = perfcheck.check(perfcheck.validate(rule.failing), select=[rule.code], locale="zh_CN")
        for finding in result.findings:
            assert re.search(r"[\u4e00-\u9fff]", finding.message), (rule.code, finding.message)
            assert " is printed as " not in finding.message, (rule.code, finding.message)


def test_unknown_locale_is_an_error() -> None:
    with pytest.raises(ValueError, match="no messages for locale 'fr_FR'"):
        perfcheck.check(CASES / "wuzhou-unit-2024-budget-yuan.json", locale="fr_FR")
    with pytest.raises(ValueError, match="no messages"):
        Messages("de")
