"""perfcheck.read(): one reader for every input, and every entry point reading through it."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import traceback
from pathlib import Path
from typing import Any

import pytest

import perfcheck
from conftest import CASES, DATA, EXAMPLES, SEED
from perfcheck import FundFlow, LedgerError, Limits, LineItem, Report
from perfcheck.extract import extract
from perfcheck.testing import Checker, assert_consistent

pytest_plugins = ["pytester"]

TEXTS = sorted((DATA / "texts").glob("*.txt"))
SEED_TEXT = "（四）收支\n总支出134.56万元，其中基本支出82.67万元，项目支出51.89万元。"


def seed_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SEED.read_text(encoding="utf-8"))
    return data


def figures(ledger: perfcheck.Ledger) -> list[tuple[str, str]]:
    return [(f.id, str(f.value)) for f in ledger.figures]


# --- what read() takes ---------------------------------------------------------------------


def test_every_kind_of_source_reads_to_the_same_ledger(tmp_path: Path) -> None:
    expected = perfcheck.load(SEED)
    raw = SEED.read_bytes()
    text = raw.decode("utf-8")
    with SEED.open("rb") as binary, SEED.open(encoding="utf-8") as textual:
        sources: list[Any] = [
            SEED,
            str(SEED),
            raw,
            bytearray(raw),
            text,
            seed_data(),
            expected,
            binary,
            textual,
            io.BytesIO(raw),
            io.StringIO(text),
        ]
        for source in sources:
            assert perfcheck.read(source) == expected, type(source)


def test_toml_yaml_and_json_lines_of_one_document_read_by_their_ending(tmp_path: Path) -> None:
    one = tmp_path / "one.jsonl"
    one.write_text(json.dumps(seed_data(), ensure_ascii=False) + "\n", encoding="utf-8")
    yaml_file = tmp_path / "seed.yaml"
    yaml_file.write_text('perfcheck: "1"\nunit: 元\nfigures:\n  - {id: a, value: 2.10}\n', encoding="utf-8")
    toml_file = tmp_path / "seed.toml"
    toml_file.write_text(
        'perfcheck = "1"\nunit = "元"\n[[figures]]\nid = "a"\nvalue = 2.10\n', encoding="utf-8"
    )
    assert perfcheck.read(one) == perfcheck.load(SEED)
    assert figures(perfcheck.read(yaml_file)) == [("a", "2.10")]
    assert figures(perfcheck.read(toml_file)) == [("a", "2.10")]
    # the same bytes, named by format=
    assert figures(perfcheck.read(yaml_file.read_bytes(), format="yaml")) == [("a", "2.10")]
    assert figures(perfcheck.read(io.BytesIO(toml_file.read_bytes()), format="toml")) == [("a", "2.10")]


def test_report_text_reads_from_a_path_a_str_bytes_and_a_stream() -> None:
    from_path = perfcheck.read(DATA / "seed-report.txt")
    assert from_path.relations
    found = extract(SEED_TEXT, name="<string>").ledger
    assert perfcheck.read(SEED_TEXT) == found
    assert perfcheck.read(SEED_TEXT.encode(), format="text") == found
    assert perfcheck.read(io.StringIO(SEED_TEXT)) == extract(SEED_TEXT, name="<stream>").ledger
    one_line = SEED_TEXT.replace("\n", "")
    assert perfcheck.read(io.StringIO(one_line), format="text").relations


def test_a_report_model_reads_through_to_ledger() -> None:
    report = Report(
        fund_flow=FundFlow(carryover_in="2.21", income="132.35", spending="134.56", carryover_out="0"),
        spending=[LineItem(label="基本支出", amount="82.67"), LineItem(label="项目经费支出", amount="51.89")],
    )
    assert perfcheck.read(report) == report.to_ledger()


def test_a_str_is_a_path_unless_it_spans_lines_or_opens_like_json(tmp_path: Path) -> None:
    with pytest.raises(LedgerError, match=r"^no-such\.json: cannot read"):
        perfcheck.read("no-such.json")
    assert perfcheck.read('  {"perfcheck": "1", "unit": "元"}').unit == "元"


def test_unknown_formats_and_types_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown format 'xml'; formats are json, jsonl, toml, yaml, text"):
        perfcheck.read(b"{}", format="xml")
    with pytest.raises(TypeError, match="cannot check a int"):
        perfcheck.read(3)  # type: ignore[arg-type]


def test_several_documents_are_refused_pointing_to_check_many(tmp_path: Path) -> None:
    many = tmp_path / "many.jsonl"
    line = json.dumps(seed_data(), ensure_ascii=False)
    many.write_text(f"{line}\n{line}\n", encoding="utf-8")
    with pytest.raises(LedgerError, match=r"holds 2 documents.*check_many") as info:
        perfcheck.read(many)
    assert str(info.value).startswith(str(many))
    assert [item.ok for item in perfcheck.check_many([many])] == [True, True]


def test_limits_apply_to_every_kind_of_source(tmp_path: Path) -> None:
    small = Limits(max_bytes=100)
    for source in (SEED, SEED.read_bytes(), io.BytesIO(SEED.read_bytes()), DATA / "seed-report.txt"):
        with pytest.raises(LedgerError, match=r"Limits\.max_bytes"):
            perfcheck.read(source, limits=small)
    with pytest.raises(LedgerError, match=r"Limits\.max_figures"):
        perfcheck.read(seed_data(), limits=Limits(max_figures=2))


# --- bad input: one line, naming the place, no frames from inside --------------------------


def test_bad_input_is_one_line_naming_the_file_and_place(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"perfcheck": "1",\n  "unit": }', encoding="utf-8")
    for call in (perfcheck.read, perfcheck.check, assert_consistent):
        with pytest.raises(LedgerError) as info:
            call(bad)
        message = str(info.value)
        assert message.startswith(f"{bad}:2:11: invalid JSON"), message
        assert "\n" not in message
        frames = traceback.extract_tb(info.value.__traceback__)
        assert {f.name for f in frames[1:]} <= {"read", "check", "assert_consistent"}  # the entry points only
        assert info.value.__cause__ is None
        assert info.value.__suppress_context__
    item = perfcheck.check_one(bad)
    assert item.problem is not None
    assert item.problem.startswith(f"{bad}:2:11: invalid JSON")


def test_a_batch_loses_only_the_bad_items(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("perfcheck = \n", encoding="utf-8")
    documents: list[Any] = [SEED, bad, SEED_TEXT, b"{", seed_data(), DATA / "seed-report.txt"]
    items = list(perfcheck.check_many(documents))
    assert [item.error is None for item in items] == [True, False, True, False, True, True]
    assert items[1].problem is not None
    assert items[1].problem.startswith(f"{bad}:1:")
    assert (
        items[3].problem
        == "<document 4>:1:2: invalid JSON: Expecting property name enclosed in double quotes"
    )


def test_the_fixture_reports_an_unreadable_text_in_one_line(pytester: pytest.Pytester) -> None:
    (pytester.path / "x.txt").write_bytes(b"\xff\xfe not utf-8")
    pytester.makepyfile(
        test_unreadable="""
        def test_text(perfchecker):
            perfchecker.assert_consistent("x.txt")

        def test_missing(perfchecker):
            perfchecker.assert_consistent("missing.json")
        """
    )
    result = pytester.runpytest("-W", "error")
    result.assert_outcomes(failed=2)
    out = result.stdout.str()
    result.stdout.fnmatch_lines(
        [
            '>       perfchecker.assert_consistent("x.txt")',
            # the path as the test gave it (next to the test, where pytest runs), not absolute
            "E       perfcheck._core.errors.LedgerError: x.txt: not UTF-8 text (byte 0: invalid start byte)",
            '>       perfchecker.assert_consistent("missing.json")',
            "E       perfcheck._core.errors.LedgerError: missing.json: cannot read: No such file or directory",
        ]
    )
    assert "document.py" not in out
    assert "reader.py" not in out
    assert "formats.py" not in out


# --- every entry point reads the same and takes the same options ---------------------------


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_check_of_a_text_gives_the_command_lines_verdicts(path: Path) -> None:
    relative = path.relative_to(Path.cwd())
    cli = subprocess.run(
        [sys.executable, "-m", "perfcheck", "check", "--format", "json", str(relative)],
        capture_output=True,
        text=True,
        check=False,
    )
    shown = json.loads(cli.stdout)
    result = perfcheck.check(relative)
    assert cli.returncode == (0 if result.ok else 1)
    assert [(f["code"], f["relation"], f["verdict"], f["severity"]) for f in shown["findings"]] == [
        (f.code, f.relation, f.verdict.value, f.severity.value) for f in result.findings
    ]
    assert shown["summary"]["errors"] == len(result.errors)
    assert perfcheck.check_one(relative).result == result
    assert perfcheck.check(path.read_text(encoding="utf-8"), locale="en").findings == tuple(
        perfcheck.check(extract(path.read_text(encoding="utf-8"), name="<string>").ledger).findings
    )


def test_a_mapping_is_checked_and_asserted() -> None:
    assert perfcheck.check(seed_data()) == perfcheck.check(SEED)
    assert assert_consistent(seed_data()).ok
    assert Checker(EXAMPLES).check(seed_data()).ok
    broken = seed_data()
    broken["figures"][1]["value"] = "1.00"
    with pytest.raises(AssertionError, match="perfcheck found"):
        assert_consistent(broken)


def test_batch_and_testing_take_check_s_options(tmp_path: Path) -> None:
    mistakes = EXAMPLES / "seed-with-mistakes.json"
    registry = perfcheck.default_registry
    expected = perfcheck.check(mistakes, select=["PC1"], locale="zh_CN")
    item = perfcheck.check_one(mistakes, select=["PC1"], locale="zh_CN", registry=registry, limits=Limits())
    assert item.result == expected
    (many,) = perfcheck.check_many([mistakes], select=["PC1"], locale="zh_CN", registry=registry)
    assert many.result == expected
    small = Limits(max_bytes=100)
    assert perfcheck.check_one(mistakes, limits=small).problem is not None
    (limited,) = perfcheck.check_many([mistakes], limits=small)
    assert limited.problem is not None
    assert "Limits.max_bytes" in limited.problem
    with pytest.raises(LedgerError, match=r"Limits\.max_bytes"):
        perfcheck.check_series([mistakes], limits=small)
    with pytest.raises(LedgerError, match=r"Limits\.max_bytes"):
        assert_consistent(SEED, limits=small)
    result = Checker(EXAMPLES).check(
        "seed-with-mistakes.json", select=["PC1"], locale="zh_CN", registry=registry
    )
    assert result == expected
    assert assert_consistent(SEED, extend_select=["PC5"], preview=True, locale="zh_CN").locale == "zh_CN"


def test_json_still_goes_to_the_fast_path_first(monkeypatch: pytest.MonkeyPatch) -> None:
    from perfcheck import _api  # noqa: PLC0415 - the module whose fast path is watched

    seen: list[bytes] = []
    plain = _api.check_plain

    def watched(data: bytes, *args: Any, **kwargs: Any) -> Any:
        seen.append(data)
        return plain(data, *args, **kwargs)

    monkeypatch.setattr(_api, "check_plain", watched)
    case = CASES / "wuzhou-unit-2024-budget-yuan.json"
    for source in (
        case,
        str(case),
        case.read_bytes(),
        case.read_text(encoding="utf-8"),
        io.BytesIO(case.read_bytes()),
    ):
        perfcheck.check(source)
    perfcheck.check_one(case)
    assert len(seen) == 6
    perfcheck.check(perfcheck.load(case))
    perfcheck.check(DATA / "seed-report.txt")
    assert len(seen) == 6


def test_reading_json_loads_no_yaml() -> None:
    code = (
        "import sys, io, perfcheck; perfcheck.read('examples/seed-ziyang-fulian-2021.json');"
        "perfcheck.check(open('examples/seed-with-mistakes.json', 'rb'));"
        "print(sorted(m for m in sys.modules if m in ('perfcheck._read.formats', 'yaml', 'perfcheck.render')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_a_parallel_batch_of_every_kind_of_source_is_the_serial_one() -> None:
    def documents() -> list[Any]:
        report = Report(
            fund_flow=FundFlow(carryover_in="2.21", income="132.35", spending="134.56", carryover_out="0"),
            spending=[
                LineItem(label="基本支出", amount="82.67"),
                LineItem(label="项目经费支出", amount="51.89"),
            ],
        )
        return [
            SEED,
            SEED_TEXT,
            seed_data(),
            report,
            io.BytesIO((EXAMPLES / "seed-with-mistakes.json").read_bytes()),
            io.StringIO(SEED_TEXT),
            b"{",
            str(DATA / "seed-report.txt"),
        ]

    serial = list(perfcheck.check_many(documents(), select=["PC1"]))
    assert [item.ok for item in serial] == [True, True, True, True, False, True, False, True]
    assert list(perfcheck.check_many(documents(), select=["PC1"], jobs=2, chunk_size=2)) == serial
