from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
CASES = DATA / "cases"
EXAMPLES = ROOT / "examples"
SEED = EXAMPLES / "seed-ziyang-fulian-2021.json"


@pytest.fixture(autouse=True)
def _run_in_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    # Doctests and examples use paths relative to the repository root.
    monkeypatch.chdir(ROOT)
