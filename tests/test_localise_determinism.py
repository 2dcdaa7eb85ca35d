"""Localisation says the same thing in every process: no answer may follow Python's string hashing.

Equally small explanations, their order and the ranges that fit must not depend on the order
in which a set happens to iterate. Broken ledgers (one to three digits changed in a consistent
one, amounts in 元, 万元 and 百万元 side by side) are localised in processes started with
different ``PYTHONHASHSEED`` values, and the JSON of every result must be byte-identical.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent.parent / "bench"))
from localise_corpus import broken_ledgers

_LOCALISE = """
import json, sys
import perfcheck
for line in sys.stdin:
    result = perfcheck.check(line.encode(), localise=True)
    print(json.dumps(result.to_json_dict(), sort_keys=True, ensure_ascii=False, default=str))
"""


def _broken_documents(count: int) -> list[dict[str, Any]]:
    """``count`` consistent ledgers with one to three digits changed, the same on every run."""
    rng = random.Random(20261207)  # noqa: S311 - a fixed draw of test data, not a secret
    return broken_ledgers(count, ["元", "万元", "百万元"], rng)


def _localised(lines: str, hash_seed: str) -> list[str]:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    done = subprocess.run(
        [sys.executable, "-c", _LOCALISE],
        input=lines,
        capture_output=True,
        text=True,
        env=env,
        check=True,
        cwd=Path(__file__).parent,
    )
    return done.stdout.splitlines()


def test_localisation_does_not_depend_on_the_hash_seed() -> None:
    documents = _broken_documents(120)
    lines = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents)
    first, second, third = (_localised(lines, seed) for seed in ("0", "1", "2"))
    assert len(first) == len(documents)
    # the drawn ledgers are broken and localised: the comparison is not of empty answers
    assert sum('"localisation": {' in line for line in first) >= len(documents) // 4
    for i, (a, b, c) in enumerate(zip(first, second, third, strict=True)):
        assert a == b == c, f"document {i}: {lines.splitlines()[i]}"
