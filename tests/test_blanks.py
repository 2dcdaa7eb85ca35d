"""Blanks and dashes: "no figure here" when asked, an error by default, never a zero (issue 20, item 2)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import perfcheck
from perfcheck import LedgerError
from perfcheck.cli import main
from perfcheck.testing import assert_consistent


def document(blank: str, **extra: Any) -> dict[str, Any]:
    """总计 = 甲 + 乙 + 丙, with 丙 printed as ``blank``; 甲 + 乙 alone add up to 总计."""
    return {
        "perfcheck": "1",
        "unit": "万元",
        "figures": [
            {"id": "总计", "value": "3.00"},
            {"id": "甲", "value": "1.00"},
            {"id": "乙", "value": "2.00"},
            {"id": "丙", "value": blank},
            {"id": "丁", "value": "9.99"},
        ],
        "relations": [
            {"id": "合计", "kind": "sum", "total": "总计", "parts": ["甲", "乙", "丙"]},
            {"id": "比较", "kind": "compare", "left": "丁", "op": ">", "right": "总计"},
        ],
        **extra,
    }


@pytest.mark.parametrize("blank", ["-", "—", "——", "", " － ", "/"])
def test_a_blank_in_a_ledger_document_is_an_error_that_says_how_to_read_it(blank: str) -> None:
    with pytest.raises(LedgerError) as info:
        perfcheck.check(document(blank))
    message = str(info.value)
    assert "figure '丙'" in message
    assert "prints nothing (a blank or a dash), not a number" in message
    assert '"blanks": "absent"' in message
    assert 'blanks="absent"' in message


@pytest.mark.parametrize("blank", ["-", "—", ""])
def test_blanks_absent_in_the_document_leaves_the_figure_out_of_its_sum(blank: str) -> None:
    result = perfcheck.check(document(blank, blanks="absent"))
    assert result.ok
    assert result.coverage.figures == 4  # 丙 is no figure
    assert {c.relation for c in result.checks} == {"合计", "比较"}  # 总计 = 甲 + 乙
    ledger = perfcheck.validate(document(blank, blanks="absent"))
    assert ledger.relations[0].parts == ["甲", "乙"]
    broken = document(blank, blanks="absent")
    broken["figures"][1]["value"] = "1.10"
    assert perfcheck.check(broken).broken() == {"合计"}


def test_blanks_absent_is_no_figure_and_never_a_zero() -> None:
    doc = document("-", blanks="absent")
    # a relation that needs the blank figure itself is left out, not judged with a zero
    doc["relations"].append({"id": "丙比丁", "kind": "compare", "left": "丙", "op": "<", "right": "丁"})
    doc["relations"].append({"id": "丙合计", "kind": "sum", "total": "丙", "parts": ["甲"]})
    result = perfcheck.check(doc)
    assert result.ok
    assert {c.relation for c in result.checks} == {"合计", "比较"}
    assert "丙" not in {f.id for f in perfcheck.validate(doc).figures}


def test_weights_beside_the_parts_leave_with_the_blank_part() -> None:
    doc = document("—", blanks="absent")
    doc["relations"][0]["weights"] = ["1", "1", "2"]
    assert perfcheck.validate(doc).relations[0].weights == [1, 1]
    # a list left with too few: figures printed twice need two
    doc["relations"].append({"id": "同", "kind": "equal", "figures": ["丙", "丁"]})
    assert "同" not in {r.id for r in perfcheck.validate(doc).relations}


def test_blanks_per_call_in_check_read_validate_and_loads() -> None:
    doc = document("—")
    assert perfcheck.check(doc, blanks="absent").ok
    assert len(perfcheck.read(doc, blanks="absent").figures) == 4
    assert len(perfcheck.validate(doc, blanks="absent").figures) == 4
    text = json.dumps(doc, ensure_ascii=False)
    assert len(perfcheck.loads(text, blanks="absent").figures) == 4
    assert perfcheck.check(
        text.encode(), blanks="absent"
    ).ok  # the fast path declines, the full path reads it


def test_the_call_overrides_the_document() -> None:
    with pytest.raises(LedgerError, match="prints nothing"):
        perfcheck.check(document("-", blanks="absent"), blanks="error")
    assert perfcheck.check(document("-", blanks="error"), blanks="absent").ok


def test_an_unknown_blanks_mode_is_refused() -> None:
    with pytest.raises(ValueError, match="blanks='zero': say 'error' or 'absent'"):
        perfcheck.check(document("-"), blanks="zero")
    with pytest.raises(LedgerError, match="blanks"):
        perfcheck.check(document("-", blanks="zero"))


FORMATS = {
    ".yaml": [
        "perfcheck: '1'",
        "unit: 万元",
        "figures:",
        "  - {id: a, value: '1.00'}",
        "  - {id: b, value: '-'}",
    ],
    ".toml": [
        'perfcheck = "1"',
        'unit = "万元"',
        "[[figures]]",
        'id = "a"',
        'value = "1.00"',
        "[[figures]]",
        'id = "b"',
        'value = "—"',
    ],
    ".jsonl": [
        '{"perfcheck": "1", "unit": "万元", "figures": [{"id": "a", "value": "1.00"}, {"id": "b", "value": ""}]}'
    ],
}


@pytest.mark.parametrize("suffix", FORMATS)
def test_blanks_per_call_in_every_document_format(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"report{suffix}"
    path.write_text("\n".join(FORMATS[suffix]) + "\n", encoding="utf-8")
    with pytest.raises(LedgerError, match="prints nothing"):
        perfcheck.check(path)
    assert [f.id for f in perfcheck.read(path, blanks="absent").figures] == ["a"]


def test_blanks_in_the_pytest_helpers_and_series() -> None:
    assert assert_consistent(document("-"), blanks="absent").ok
    with pytest.raises(LedgerError, match="prints nothing"):
        assert_consistent(document("-"))
    years = [dict(document("-", blanks="absent"), entity="e", period=p) for p in ("2021", "2022")]
    assert perfcheck.check_series(years).pairs == ((0, 1),)


def test_the_documents_blanks_key_is_written_back() -> None:
    ledger = perfcheck.validate(document("-", blanks="absent"))
    assert json.loads(perfcheck.dumps(ledger))["blanks"] == "absent"


def test_blanks_in_batches_and_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = tmp_path / "reports.jsonl"
    lines.write_text(
        "\n".join(json.dumps(document(b), ensure_ascii=False) for b in ("—", "-")) + "\n", encoding="utf-8"
    )
    refused = list(perfcheck.check_many([lines]))
    assert [item.error is not None for item in refused] == [True, True]
    items = list(perfcheck.check_many([lines], blanks="absent"))
    assert [item.ok for item in items] == [True, True]
    for jobs in (1, 2):
        assert [i.ok for i in perfcheck.check_many([lines], blanks="absent", jobs=jobs, chunk_size=1)] == [
            True,
            True,
        ]
    assert perfcheck.check_one(document("—"), blanks="absent").ok
    assert main(["check", str(lines)]) == 2
    capsys.readouterr()
    assert main(["check", "--blanks", "absent", str(lines)]) == 0
    assert "0 errors" in capsys.readouterr().out
