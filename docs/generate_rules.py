"""Write docs/rules.md and docs/rules/PCxxx.md from the rules' own documentation.

Run from the repository root: ``python docs/generate_rules.py``. tests/test_docs.py
fails when the pages on disk and the registry disagree.
"""

from __future__ import annotations

from pathlib import Path

from perfcheck.render import rule_pages
from perfcheck.rules import all_rules

DOCS = Path(__file__).resolve().parent


def main() -> None:
    """Write every page and remove pages of rules that no longer exist."""
    pages = rule_pages(all_rules)
    (DOCS / "rules").mkdir(exist_ok=True)
    for stale in (DOCS / "rules").glob("PC*.md"):
        if f"rules/{stale.name}" not in pages:
            stale.unlink()
    for name, text in pages.items():
        (DOCS / name).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
