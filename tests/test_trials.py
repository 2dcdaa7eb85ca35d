"""The two trials of issue 20, redone: no glue for ids, blanks, dicts or series.

An analyst in a notebook checks a 21-row 决算表 held as a pandas DataFrame; a finance team
asserts in pytest that a yearly summary script's output is consistent, alone and against
last year's. Both give perfcheck what they have — codes and Chinese names as ids, dashes
for "nothing here", a dict, a list of years — and get exactly the planted mistakes.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import perfcheck
from perfcheck.testing import assert_consistent

# 科目编码, 科目名称, 年初预算数, 决算数, 完成率: two mistakes planted (marked), the rest as
# published, with rounding residues a check of the printed numbers alone would flag.
ROWS = [
    ("", "合计", "1,000.00", "977.81", "97.78"),
    ("201", "一般公共服务支出", "500.00", "488.91", "97.78"),
    ("20101", "人大事务", "200.00", "195.56", "97.78"),
    ("2010101", "行政运行", "120.00", "117.34", "97.79"),  # from the unrounded 117.344: a residue
    ("2010102", "一般行政管理事务", "80.00", "78.22", "97.78"),
    ("20103", "政府办公厅（室）及相关机构事务", "300.00", "293.35", "97.78"),
    ("2010301", "行政运行", "150.00", "146.67", "97.78"),
    ("2010302", "一般行政管理事务", "150.00", "146.68", "97.79"),
    ("208", "社会保障和就业支出", "300.00", "293.34", "97.78"),
    ("20805", "行政事业单位养老支出", "300.00", "293.34", "97.78"),
    ("2080501", "行政单位离退休", "100.00", "97.78", "97.78"),
    ("2080505", "机关事业单位基本养老保险缴费支出", "120.00", "117.33", "97.78"),
    ("2080506", "机关事业单位职业年金缴费支出", "80.00", "78.23", "97.79"),
    ("210", "卫生健康支出", "100.00", "97.78", "97.78"),
    ("21011", "行政事业单位医疗", "100.00", "97.79", "97.79"),  # 58.67 + 39.11 = 97.78: a residue
    ("2101101", "行政单位医疗", "60.00", "58.67", "97.87"),  # planted: 97.78 transposed
    ("2101103", "公务员医疗补助", "40.00", "39.11", "97.79"),  # from 39.114: a residue
    ("221", "住房保障支出", "100.00", "97.78", "97.78"),
    ("22102", "住房改革支出", "100.00", "97.78", "97.78"),
    ("2210201", "住房公积金", "100.00", "79.78", "97.78"),  # planted: 97.78 transposed
    ("2210203", "购房补贴", "-", "—", ""),  # nothing this year
]
HEADER = ["科目编码", "科目名称", "年初预算数（万元）", "决算数（万元）", "完成率（%）"]


def frame() -> pd.DataFrame:
    return pd.DataFrame(ROWS, columns=HEADER)


def naive_flags() -> set[str]:
    """What a hand-written pandas check of the printed numbers flags: parents against children, rates."""
    df = frame()
    actual = pd.to_numeric(df["决算数（万元）"], errors="coerce")
    budget = pd.to_numeric(df["年初预算数（万元）"].str.replace(",", ""), errors="coerce")
    rate = pd.to_numeric(df["完成率（%）"], errors="coerce")
    flags = set()
    codes = df["科目编码"].tolist()
    for i, code in enumerate(codes):
        children = [j for j, c in enumerate(codes) if c[: len(code)] == code and len(c) == len(code) + 2]
        if code and children and round(actual[children].sum(), 2) != actual[i]:
            flags.add(f"{code} sum")
        if rate[i] == rate[i] and round(actual[i] / budget[i] * 100, 2) != rate[i]:
            flags.add(f"{code} rate")
    return flags


def test_the_notebook_trial_a_decision_table_as_a_dataframe() -> None:
    result = perfcheck.check(frame())  # a DataFrame, dashes and all: no glue
    broken = {(f.code, f.message.split(" is printed")[0]) for f in result.errors}
    assert broken == {
        ("PC202", "2101101 行政单位医疗 / 完成率（%）"),
        ("PC202", "2210201 住房公积金 / 完成率（%）"),
        ("PC102", "22102 住房改革支出 / 决算数（万元）"),
    }
    # the residues a hand-written check flags are not errors
    false_flags = naive_flags() - {"2101101 rate", "2210201 rate", "22102 sum"}
    assert {"21011 sum", "210 sum", "2010101 rate", "2101103 rate"} <= false_flags
    # the blank row printed nothing: no figures, not zeros
    assert result.coverage.figures == 60
    # in a notebook the result shows itself, with the numbers at the figures' precision
    html = result._repr_html_()
    assert "3 errors" in html
    assert "97.8667" not in html


def coded_document(*, blanks_in_values: bool = True) -> dict[str, Any]:
    """The same table as the analyst writes it by hand: codes as ids, a dict, sums by code."""
    codes = [code or "合计" for code, *_ in ROWS]
    figures = [
        {"id": c, "label": name, "value": actual}
        for c, (_, name, _, actual, _) in zip(codes, ROWS, strict=True)
    ]
    if not blanks_in_values:
        figures = [f for f in figures if f["value"] not in ("-", "—")]
    relations = []
    for parent in codes:
        width = 3 if parent == "合计" else len(parent) + 2
        parts = [
            c
            for c in codes
            if c != "合计" and len(c) == width and c.startswith("" if parent == "合计" else parent)
        ]
        if parts:
            relations.append({"id": f"{parent} 合计", "kind": "sum", "total": parent, "parts": parts})
    return {"perfcheck": "1", "unit": "万元", "figures": figures, "relations": relations}


def test_the_notebook_trial_with_codes_as_ids_in_a_dict() -> None:
    result = perfcheck.check(coded_document(), blanks="absent")
    assert [(f.relation, f.subject) for f in result.errors] == [("22102 合计", "22102")]
    # without blanks="absent", the dash is an error that says what to do
    with pytest.raises(perfcheck.LedgerError, match='blanks="absent"'):
        perfcheck.check(coded_document())
    # a formula over codes, bracketed
    doc = coded_document(blanks_in_values=False)
    doc["relations"] = [{"id": "f", "kind": "formula", "expr": "[2010101] + [2010102] == [20101]"}]
    assert perfcheck.check(doc).ok


def summary(year: int, carry_in: str, carry_out: str, spending: str) -> dict[str, Any]:
    """What the finance team's yearly summary script writes: a dict with Chinese names as ids."""
    return {
        "perfcheck": "1",
        "title": f"{year}年度部门决算汇总",
        "entity": "某区财政局",
        "period": str(year),
        "unit": "万元",
        "figures": [
            {"id": "年初结转", "value": carry_in, "concept": "carryover_in"},
            {"id": "本年收入", "value": "1,200.00", "concept": "income"},
            {"id": "本年支出", "value": spending, "concept": "spending"},
            {"id": "年末结转", "value": carry_out, "concept": "carryover_out"},
            {"id": "基本支出", "value": spending},
            {"id": "项目支出", "value": "-"},
        ],
        "relations": [
            {
                "id": "收支平衡",
                "kind": "balance",
                "inflows": ["年初结转", "本年收入"],
                "outflows": ["本年支出", "年末结转"],
            },
            {"id": "支出构成", "kind": "sum", "total": "本年支出", "parts": ["基本支出", "项目支出"]},
        ],
    }


def test_the_pytest_trial_a_yearly_summary(tmp_path: Path) -> None:
    this_year = summary(2023, "56.78", "36.78", "1,220.00")
    # the script's dict, as it is: ids in Chinese, a dash for no project spending
    assert assert_consistent(this_year, blanks="absent").ok
    last_year = summary(2022, "10.00", "56.87", "1,153.13")  # 年末结转 typed 56.87, not 56.78
    (tmp_path / "2022.json").write_text(json.dumps(last_year, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "2023.json").write_text(json.dumps(this_year, ensure_ascii=False), encoding="utf-8")
    checker = perfcheck.testing.Checker(tmp_path)
    with pytest.raises(AssertionError) as info:
        checker.assert_series_consistent(["2022.json", "2023.json"], blanks="absent")
    text = str(info.value)
    assert text.startswith("perfcheck found 1 error in 2 documents")
    assert "年初结转 for 2022 is 56.78 万元 in " in text
    assert "2022.json (2022年度部门决算汇总) prints 年末结转 as 56.87 万元" in text
    assert "年末结转 printed as 56.87 in " in text
    with pytest.raises(TypeError, match="assert_series_consistent"):
        assert_consistent([last_year, this_year])  # type: ignore[arg-type]
    # the exact numbers stay in the data
    [finding] = perfcheck.check_series([last_year, this_year], blanks="absent").errors
    assert finding.actual == Decimal("56.78")
    assert finding.expected == Decimal("56.87")
