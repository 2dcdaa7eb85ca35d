"""A batch in the locales perfcheck knows loads none of babel's locale data (issue 15, W2's memory).

babel's data for a locale costs a process about 0.012 s and 5 MiB the first time it is
asked for, more than checking a batch of small reports otherwise holds. Documents in
``en_US`` (the default) and ``zh_CN``, with findings whose messages print amounts and
percentages, are checked and written in a fresh interpreter, which must not have loaded it;
a document in ``de_DE`` still does (its numbers are read and written by babel).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT


def _document(locale: str | None) -> str:
    """A sum and a stated share, both broken: their messages print amounts and percentages."""
    doc: dict[str, object] = {
        "perfcheck": "1",
        "title": f"broken ({locale})",
        "unit": "万元",
        "figures": [
            {"id": "total", "value": "1234.56"},
            {"id": "a", "value": "1000.00"},
            {"id": "b", "value": "200.00"},
            {"id": "share", "value": "12.34%"},
        ],
        "relations": [
            {"id": "split", "kind": "sum", "total": "total", "parts": ["a", "b"]},
            {"id": "b_share", "kind": "share", "part": "b", "whole": "total", "stated": "share"},
        ],
    }
    if locale is not None:
        doc["locale"] = locale
        if locale == "de_DE":
            doc["figures"] = [{**f, "value": f["value"].replace(".", ",")} for f in doc["figures"]]  # type: ignore[attr-defined]
    return json.dumps(doc, ensure_ascii=False)


def _babel_data_after(path: Path, *args: str) -> tuple[bool, str]:
    """Whether checking ``path`` with ``args`` loaded babel's locale data; and what it printed."""
    script = (
        "import contextlib, io, sys\n"
        "from perfcheck.cli import main\n"
        "out = io.StringIO()\n"
        f"with contextlib.redirect_stdout(out): main(['check', {str(path)!r}, '--isolated', *{list(args)!r}])\n"
        "import babel.core, babel.localedata\n"
        "loaded = bool(babel.localedata._cache) or babel.core._global_data is not None\n"
        "sys.stdout.write(str(loaded) + '\\n' + out.getvalue())\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT)
    first, _, printed = run.stdout.partition("\n")
    return first == "True", printed


@pytest.mark.parametrize("fmt", ["table", "json"])
@pytest.mark.parametrize("words", ["en", "zh_CN"])
def test_a_batch_in_known_locales_loads_no_babel_data(tmp_path: Path, fmt: str, words: str) -> None:
    lines = tmp_path / "reports.jsonl"
    lines.write_text(
        "\n".join([_document(None), _document("en_US"), _document("zh_CN")]) + "\n", encoding="utf-8"
    )
    loaded, printed = _babel_data_after(lines, "--format", fmt, "--locale", words)
    assert printed.count("PC102") == 3  # the sums, worded with their amounts
    assert printed.count("PC201") == 3  # the shares, with their percentages
    assert "12.34%" in printed
    assert "1,200.00" in printed or "1200.00" in printed
    assert not loaded


def test_a_document_in_another_locale_still_asks_babel(tmp_path: Path) -> None:
    lines = tmp_path / "reports.jsonl"
    lines.write_text(_document("de_DE") + "\n", encoding="utf-8")
    loaded, printed = _babel_data_after(lines)
    assert "PC102" in printed
    assert loaded
