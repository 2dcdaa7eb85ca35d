"""Every output format's real text, on two documents, in English and in Chinese.

Each document is checked once, in English; the Chinese output is rendered from that
same result (a finding carries its message id and parameters, not a sentence). The
snapshots live in ``tests/__snapshots__/test_render_snapshots.ambr``; after an intended
change of wording, review the diff of ``pytest tests/test_render_snapshots.py
--snapshot-update``.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from syrupy.assertion import SnapshotAssertion

import perfcheck
from conftest import CASES, EXAMPLES, ROOT
from perfcheck.render import (
    OUTPUT_FORMATS,
    Checked,
    failure_message,
    finding_html,
    finding_markdown,
    reconciliation,
    render,
    render_documents,
    result_html,
    result_markdown,
    sarif_log,
)
from perfcheck.rules import all_rules

DOCUMENTS = {
    "wuzhou": CASES / "wuzhou-unit-2024-budget-yuan.json",
    "mistakes": EXAMPLES / "seed-with-mistakes.json",
}
LOCALES = ("en", "zh_CN")


@pytest.fixture(scope="module")
def checked() -> dict[str, Checked]:
    out = {}
    for name, path in DOCUMENTS.items():
        relative = path.relative_to(ROOT).as_posix()
        out[name] = Checked(relative, relative, None, perfcheck.check(path))
    return out


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("fmt_name", [f for f in OUTPUT_FORMATS if f != "sarif"])
@pytest.mark.parametrize("document", DOCUMENTS)
def test_output(
    checked: dict[str, Checked], document: str, fmt_name: str, locale: str, snapshot: SnapshotAssertion
) -> None:
    text = render_documents([checked[document]], fmt_name, locale=locale, single=True, registry=all_rules)
    assert text == snapshot


def _sarif(log: dict[str, Any]) -> dict[str, Any]:
    # The rules' own documentation is pinned by tests/test_docs.py; here only their ids.
    driver = log["runs"][0]["tool"]["driver"]
    driver["rules"] = [r["id"] for r in driver["rules"]]
    driver["version"] = "<version>"
    return log


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("document", DOCUMENTS)
def test_sarif(checked: dict[str, Checked], document: str, locale: str, snapshot: SnapshotAssertion) -> None:
    log = sarif_log([checked[document]], registry=all_rules, locale=locale)
    assert json.dumps(_sarif(log), ensure_ascii=False, indent=2) == snapshot


VIEWS = {
    "notebook-html": result_html,
    "notebook-markdown": result_markdown,
    "finding-html": lambda r, loc: finding_html(r.findings[0], loc),
    "finding-markdown": lambda r, loc: finding_markdown(r.findings[0], loc),
    "reconciliation": lambda r, loc: reconciliation(r, locale=loc),
    "pytest-failure": lambda r, loc: failure_message(r, "report.json", locale=loc),
}


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("document", DOCUMENTS)
def test_views(
    checked: dict[str, Checked], document: str, view: str, locale: str, snapshot: SnapshotAssertion
) -> None:
    assert VIEWS[view](checked[document].result, locale) == snapshot


@pytest.mark.parametrize("fmt_name", ["table", "markdown", "html", "json"])
@pytest.mark.parametrize("document", DOCUMENTS.values(), ids=DOCUMENTS)
def test_one_result_renders_in_either_language_without_checking_again(fmt_name: str, document: Any) -> None:
    english = perfcheck.check(document)
    chinese = perfcheck.check(document, locale="zh_CN")
    assert render(english, fmt_name, locale="zh_CN") == render(chinese, fmt_name)  # type: ignore[arg-type]
    assert render(chinese, fmt_name, locale="en") == render(english, fmt_name)  # type: ignore[arg-type]
