"""The pages the browser tests open and docs/report.md shows: each a checked report written as HTML."""

from __future__ import annotations

from pathlib import Path
from typing import Final

import perfcheck
from perfcheck.render import render

ROOT: Final = Path(__file__).resolve().parent.parent
#: name: (what is checked, the locale of the page)
PAGES: Final = {
    "seed": (ROOT / "examples" / "seed-ziyang-fulian-2021.json", "en"),
    "mistakes": (ROOT / "examples" / "seed-with-mistakes.json", "en"),
    "text": (ROOT / "tests" / "data" / "texts" / "pingjiang-canlian-2023-budget.txt", "zh_CN"),
    "table": (ROOT / "tests" / "data" / "tables" / "expenditure-2023.csv", "en"),
}


def write_page(name: str, folder: Path) -> Path:
    """Check page ``name``'s report and write its HTML page into ``folder``."""
    source, locale = PAGES[name]
    result = perfcheck.check(source, locale=locale)
    page = folder / f"{name}.html"
    page.write_text(render(result, "html", source=source), encoding="utf-8")
    return page
