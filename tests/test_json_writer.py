"""The JSON output is written by orjson and must be the text ``json.dumps(..., indent=2)`` writes.

``perfcheck.render.json_format.indented`` hands the results' JSON data to orjson (the
standard library's encoder runs in Python when it indents); these tests hold it to the
standard library's text on real results, in both locales, localised, and on data it
must leave to json.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import perfcheck
from conftest import CASES, EXAMPLES
from perfcheck.render import Checked, documents_json, render_documents, sarif_log
from perfcheck.render.json_format import indented, result_json

DOCUMENTS = sorted(p for p in [*CASES.glob("*.json"), *EXAMPLES.glob("*.json")] if p.name != "expected.json")


def standard(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
@pytest.mark.parametrize("locale", ["en", "zh_CN"])
def test_results_are_written_as_json_writes_them(path: Any, locale: str) -> None:
    result = perfcheck.check(path)
    data = result_json(result, locale=locale)
    assert indented(data) == standard(data)
    checked = [Checked(path.name, str(path), None, result), Checked(path.name, str(path), 3, result)]
    assert documents_json(checked, locale=locale) == standard(
        json.loads(documents_json(checked, locale=locale))
    )


@pytest.mark.parametrize("locale", ["en", "zh_CN"])
def test_sarif_is_written_as_json_writes_it(locale: str) -> None:
    checked = [Checked(p.name, str(p), None, perfcheck.check(p)) for p in DOCUMENTS]
    unusable = [("bad.json", "bad.json: not JSON")]
    log = sarif_log(checked, unusable=unusable, locale=locale)
    assert render_documents(checked, "sarif", unusable=unusable, locale=locale) == standard(log)


def test_a_localised_result_is_written_as_json_writes_it() -> None:
    result = perfcheck.check(CASES / "wuzhou-unit-2024-budget-yuan.json", localise=True)
    data = result_json(result)
    assert any("localisation" in f for f in data["findings"])
    assert indented(data) == standard(data)


TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=20,
)


@given(JSONISH)
def test_what_results_are_made_of_is_written_as_json_writes_it(data: object) -> None:
    assert indented(data) == standard(data)


@pytest.mark.parametrize("data", [{"n": 2**70}, {"t": "\ud800"}, [2**64]])
def test_what_orjson_refuses_is_left_to_json(data: object) -> None:
    assert indented(data) == standard(data)
