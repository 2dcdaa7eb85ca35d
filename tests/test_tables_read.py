"""Tables through the one reader: perfcheck.read, check, the command line and assert_consistent."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import perfcheck
from perfcheck.cli import main
from perfcheck.testing import assert_consistent
from tables_data import HEADER, Disclosure, pdf_bytes

CLEAN = Disclosure.build()
# The 决算数 of the first 项 row, changed: its 款 and 类 and the 合计 no longer add up.
LEAF = CLEAN.rows[2][0]
BROKEN = CLEAN.changed(LEAF, "决算数", "999.99")

FILES = {
    "支出决算表.csv": lambda d: d.csv_bytes(),
    "决算.xlsx": lambda d: d.xlsx_bytes(),
    "决算.pdf": pdf_bytes,
}


@pytest.mark.parametrize("name", list(FILES))
def test_a_table_file_is_read_by_its_ending(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(FILES[name](CLEAN))
    ledger = perfcheck.read(path)
    assert ledger.figures
    assert ledger.relations
    assert perfcheck.check(path).ok
    assert main(["check", str(path)]) == 0
    path.write_bytes(FILES[name](BROKEN))
    result = perfcheck.check(path)
    assert not result.ok
    assert {"PC102"} <= {f.code for f in result.errors}
    assert main(["check", str(path)]) == 1


def test_html_and_bytes_with_a_format(tmp_path: Path) -> None:
    path = tmp_path / "决算.htm"
    path.write_text(CLEAN.html(), encoding="utf-8")
    assert perfcheck.read(path).relations
    data = BROKEN.csv_bytes()
    assert not perfcheck.check(data, format="csv").ok
    with pytest.raises(perfcheck.LedgerError):
        perfcheck.check(data)  # bytes are JSON unless the format says otherwise


# a frame as an analyst holds it, the unit in the column names
WITH_UNITS = [*HEADER[:2], *(f"{c}（万元）" if "率" not in c else c for c in HEADER[2:])]


def test_a_frame_is_read_and_checked_as_it_is() -> None:
    frame = pd.DataFrame(CLEAN.rows, columns=WITH_UNITS)
    assert perfcheck.read(frame).relations
    assert perfcheck.check(frame).ok
    broken = pd.DataFrame(BROKEN.rows, columns=WITH_UNITS)
    assert not perfcheck.check(broken).ok
    with pytest.raises(AssertionError, match="PC102"):
        assert_consistent(broken)


def test_a_frame_without_units_is_a_clear_error() -> None:
    with pytest.raises(perfcheck.LedgerError, match="has no unit"):
        perfcheck.check(pd.DataFrame(CLEAN.rows, columns=HEADER))


def test_findings_point_at_the_cell_in_json_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "决算.xlsx"
    path.write_bytes(BROKEN.xlsx_bytes())
    assert main(["check", "--format", "json", str(path)]) == 1
    out = json.loads(capsys.readouterr().out)
    document = out[0] if isinstance(out, list) else out
    cells = {loc["source"].get("cell") for f in document["findings"] for loc in f["locations"]}
    assert BROKEN_CELL in cells


def _broken_cell() -> str:
    ledger = perfcheck.read_xlsx(BROKEN.xlsx_bytes(), name="决算.xlsx")
    [figure] = [f for f in ledger.figures if f.value == "999.99"]
    assert figure.source is not None
    assert figure.source.cell is not None
    return figure.source.cell


BROKEN_CELL = _broken_cell()
