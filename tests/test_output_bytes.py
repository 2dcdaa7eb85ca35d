"""The command's output, byte for byte, on the benchmark's workloads and the tests' documents.

``perfcheck check`` prints the same bytes whatever path a document takes inside: the
digests in ``tests/data/output_bytes.json`` were recorded from the command before the
single-document path was reworked (issue 15), and every change since must print the
same bytes in every format the command's users read (the table, JSON, SARIF, GitHub
annotations; the table and JSON in Chinese too) and exit with the same code.
The second test holds the fast path's result to the full path's (a document given as
its bytes and as a ``Ledger``), rendered in every one of those formats.

After an intended change of output, write the digests again (the run then fails, so
that it is never mistaken for a passing one) and review why they moved::

    PERFCHECK_RECORD_OUTPUT=1 python -m pytest tests/test_output_bytes.py
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import perfcheck
from perfcheck.cli import main
from perfcheck.render import Checked, render_documents
from perfcheck.rules import all_rules

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import workloads  # noqa: E402 - the benchmark's documents, from bench/

DIGESTS = ROOT / "tests" / "data" / "output_bytes.json"
FORMATS = (
    ("table", "en"),
    ("json", "en"),
    ("sarif", "en"),
    ("github", "en"),
    ("table", "zh_CN"),
    ("json", "zh_CN"),
)


def _w1q(n: int) -> bytes:
    return workloads.with_one_qualifier_and_unit(workloads.w1_document(n))


#: The benchmark's workloads, smaller; the mix also drawn with a seed whose 20k items break
#: every kind it holds (PC101, PC102, PC201, PC301 and PC602 are all reported).
GENERATED: dict[str, Callable[[], bytes]] = {
    "w1-20000.json": lambda: workloads.w1_document(20_000),
    "mix-50000.json": lambda: workloads.mix_document(50_000),
    "mix-20000-seed-11.json": lambda: workloads.mix_document(20_000, seed=11),
    "w1q-20000.json": lambda: _w1q(20_000),
}
#: The tests' and examples' JSON documents (read where they are, named relative to the root).
FILES = sorted(
    p.relative_to(ROOT).as_posix()
    for p in [
        *ROOT.glob("examples/*.json"),
        *ROOT.glob("tests/data/cases/*.json"),
        *ROOT.glob("tests/data/localise/*.json"),
    ]
    if p.name != "expected.json"
)


def _documents(tmp: Path) -> Iterator[tuple[str, Path]]:
    """Each document's name in the digests and its path, the generated ones written under ``tmp``."""
    for name, make in GENERATED.items():
        path = tmp / name
        if not path.exists():
            path.write_bytes(make())
        yield name, path
    for name in FILES:
        yield name, ROOT / name


def _output(
    path: Path, name: str, fmt: str, locale: str, capsys: pytest.CaptureFixture[str]
) -> tuple[int, bytes]:
    """The command's exit code and standard output, the document named as ``name``."""
    capsys.readouterr()
    code = main(["check", name, "--isolated", "--format", fmt, "--locale", locale])
    return code, capsys.readouterr().out.encode()


def _digest(code: int, out: bytes) -> str:
    return f"{code} {len(out)} {hashlib.sha256(out).hexdigest()}"


def _all(tmp: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    digests = {}
    for name, path in _documents(tmp):
        monkeypatch.chdir(path.parent if name in GENERATED else ROOT)
        shown = path.name if name in GENERATED else name
        for fmt, locale in FORMATS:
            digests[f"{name} {fmt} {locale}"] = _digest(*_output(path, shown, fmt, locale, capsys))
    return digests


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("workloads")


def test_the_command_prints_the_recorded_bytes(
    generated: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    got = _all(generated, capsys, monkeypatch)
    if os.environ.get("PERFCHECK_RECORD_OUTPUT"):
        DIGESTS.write_text(json.dumps(got, indent=1, sort_keys=True) + "\n")
        pytest.fail(f"{len(got)} digests written to {DIGESTS}: review them and run again")
    recorded = json.loads(DIGESTS.read_text())
    assert set(got) == set(recorded)
    moved = {k: (recorded[k], got[k]) for k in recorded if got[k] != recorded[k]}
    assert not moved


@pytest.mark.parametrize("name", [*GENERATED, *FILES])
def test_the_fast_path_renders_as_the_full_path(name: str, generated: Path) -> None:
    path = generated / name if name in GENERATED else ROOT / name
    if not path.exists():
        path.write_bytes(GENERATED[name]())
    data = path.read_bytes()
    fast = perfcheck.check(data)
    full = perfcheck.check(perfcheck.loads(data))
    assert fast.findings == full.findings
    for fmt, locale in FORMATS:
        texts = [
            render_documents(
                [Checked(name, name, None, r)], fmt, locale=locale, single=True, registry=all_rules
            )
            for r in (fast, full)
        ]
        assert texts[0] == texts[1], (fmt, locale)


def test_the_seeded_mix_breaks_every_kind_it_holds() -> None:
    codes = {f.code for f in perfcheck.check(GENERATED["mix-20000-seed-11.json"]()).findings}
    assert {"PC101", "PC102", "PC201", "PC301", "PC602"} <= codes
