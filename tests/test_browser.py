"""The HTML report opened in a real headless Chromium: DOM, first screen, dark mode, no request out.

Chromium is a system package (.ci/browser installs Debian's ``chromium``); without it these
tests fail with a message saying how to install it: they are never skipped. The
screenshots are kept in ``tests/.artifacts/browser/`` (ignored by git) to look at.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import perfcheck
from browser import INSTALL_HINT, Browser, browser, chromium
from browser_pages import PAGES, write_page

ARTIFACTS = Path(__file__).parent / ".artifacts" / "browser"
WIDTH, HEIGHT = 1100, 900

#: What the page shows, read in the browser after layout.
DOM = """(() => {
  const box = e => e ? e.getBoundingClientRect().bottom : null;
  const cards = [...document.querySelectorAll('article.pc-card')];
  return {
    charset: document.characterSet,
    lang: document.documentElement.lang,
    title: document.querySelector('h1').textContent,
    verdict: document.querySelector('.pc-verdict').dataset.verdict,
    verdictBottom: box(document.querySelector('.pc-verdict')),
    countsBottom: box(document.querySelector('.pc-counts')),
    counts: Object.fromEntries([...document.querySelectorAll('.pc-count')]
      .map(e => [e.dataset.severity, Number(e.dataset.count)])),
    cards: cards.map(c => [c.dataset.code, c.dataset.relation, c.dataset.severity]),
    firstLineBottom: box(document.querySelector('svg.pc-line')),
    linesDrawn: [...document.querySelectorAll('svg.pc-line')].filter(s => s.getBBox().width > 100).length,
    figures: [...document.querySelectorAll('a.pc-fig')].map(a => [a.dataset.figure, a.dataset.state, a.textContent]),
    unreadable: document.querySelectorAll('.pc-unreadable[data-state]').length,
    subjects: [...document.querySelectorAll('a.pc-subject')].map(a => a.dataset.figure),
    screen: window.innerHeight,
    background: getComputedStyle(document.querySelector('.pc-report')).backgroundColor,
  };
})()"""


@pytest.fixture(scope="module")
def chrome() -> Iterator[Browser]:
    if chromium() is None:
        pytest.fail(INSTALL_HINT, pytrace=False)
    with browser() as b:
        yield b


def open_page(chrome: Browser, name: str, *, dark: bool = False) -> dict[str, Any]:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = write_page(name, ARTIFACTS)
    chrome.events.clear()
    chrome.media(dark=dark)
    chrome.open(page.as_uri(), WIDTH, HEIGHT)
    chrome.screenshot(ARTIFACTS / f"{name}{'-dark' if dark else ''}.png")
    dom: dict[str, Any] = chrome.evaluate(DOM)
    # no request leaves the page: the only one is the file itself
    assert chrome.requests() == [page.as_uri()], chrome.requests()
    (ARTIFACTS / f"{name}.json").write_text(json.dumps(dom, ensure_ascii=False, indent=1), encoding="utf-8")
    return dom


@pytest.mark.parametrize("name", list(PAGES))
def test_the_page_opens_offline_with_the_verdict_counts_and_a_card_per_finding(
    chrome: Browser, name: str
) -> None:
    source, locale = PAGES[name]
    result = perfcheck.check(source, locale=locale)
    dom = open_page(chrome, name)
    assert dom["charset"] == "UTF-8"
    assert dom["lang"] == ("zh-CN" if locale == "zh_CN" else "en")
    assert dom["title"] == result.title  # Chinese decoded as written
    assert dom["verdict"] == ("pass" if result.ok else "fail")
    assert dom["counts"] == {
        "error": len(result.errors),
        "warning": len(result.warnings),
        "info": len(result.infos),
    }
    assert sorted(tuple(c) for c in dom["cards"]) == sorted(
        (f.code, f.relation or "", f.severity.value) for f in result.findings
    )
    assert dom["verdictBottom"] < dom["screen"]
    assert dom["countsBottom"] < dom["screen"]
    if not result.ok:
        # the first broken relation's drawn interval is on the first screen, and every one is drawn
        assert dom["firstLineBottom"] is not None
        assert dom["firstLineBottom"] <= dom["screen"]
        drawn = [f for f in result.findings if f.actual is not None and f.allowed is not None]
        assert dom["linesDrawn"] == len(drawn) > 0


def test_every_figure_of_the_text_is_marked_with_its_state(chrome: Browser) -> None:
    source, locale = PAGES["text"]
    result = perfcheck.check(source, locale=locale)
    ledger = perfcheck.read(source)
    text = Path(source).read_text(encoding="utf-8")
    dom = open_page(chrome, "text")
    broken = {f.relation for f in result.findings if f.relation}
    in_broken = {o for r in ledger.relations if r.id in broken for o in r.operands()}
    used = {o for r in ledger.relations for o in r.operands()}
    expected = {}
    for fig in ledger.figures:
        assert fig.source is not None
        state = "broken" if fig.id in in_broken else "holds" if fig.id in used else "unused"
        expected[fig.id] = (state, text[fig.source.start : fig.source.end])
    assert {f: (s, shown) for f, s, shown in dom["figures"]} == expected
    assert len(dom["figures"]) == len(ledger.figures)


def test_the_table_marks_its_failing_cells(chrome: Browser) -> None:
    dom = open_page(chrome, "table")
    assert sorted(f for f, s, _ in dom["figures"] if s == "broken") == ["D4", "D5", "D9"]
    assert dom["subjects"] == ["D4"]  # outlined: the cell judged


def test_printed_the_text_is_whole_and_the_holding_relations_open(chrome: Browser) -> None:
    open_page(chrome, "text")
    chrome.media(media="print")
    assert chrome.evaluate("getComputedStyle(document.querySelector('.pc-text')).maxHeight") == "none"
    chrome.evaluate("dispatchEvent(new Event('beforeprint'))")
    assert chrome.evaluate("[...document.querySelectorAll('details')].every(d => d.open)") is True
    pdf = chrome.call("Page.printToPDF", session=True)["data"]
    (ARTIFACTS / "text.pdf").write_bytes(base64.b64decode(pdf))
    assert (ARTIFACTS / "text.pdf").read_bytes().startswith(b"%PDF")
    chrome.media()


def test_dark_mode_follows_the_reader(chrome: Browser) -> None:
    light = open_page(chrome, "mistakes")
    dark = open_page(chrome, "mistakes", dark=True)
    assert light["background"] == "rgb(255, 255, 255)"
    assert dark["background"] == "rgb(13, 17, 23)"
    chrome.media()
