"""Loading and dumping ledger documents: precision kept, every problem named."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

import perfcheck
from conftest import SEED
from perfcheck import LedgerError, Limits, dumps, load, loads, validate


def base(**kw: Any) -> dict[str, Any]:
    d: dict[str, Any] = {"perfcheck": "1", "unit": "万元", "figures": [], "relations": []}
    d.update(kw)
    return d


def problems(data: Any) -> list[str]:
    with pytest.raises(LedgerError) as info:
        validate(data)
    return [p.message for p in info.value.problems]


def test_precision_survives_the_round_trip() -> None:
    text = json.dumps(
        base(
            figures=[
                {"id": "a", "value": "2.10"},
                {"id": "b", "value": "30", "decimals": 2},
                {
                    "id": "c",
                    "value": "3000",
                    "decimals": -3,
                    "source": {"section": "一（四）", "line": 3, "start": 5},
                },
            ]
        )
    )
    ledger = loads(text)
    again = loads(dumps(ledger))
    assert again == ledger
    assert dumps(again) == dumps(ledger)
    assert ledger.parsed("a").decimals == 2
    assert again.figure("b").decimals == 2
    assert again.figure("c").source is not None
    assert again.figure("c").source.section == "一（四）"


def test_json_numbers_keep_their_printed_digits() -> None:
    ledger = loads(
        '{"perfcheck": "1", "unit": "元", "figures": [{"id": "a", "value": 2.10}], "relations": []}'
    )
    assert ledger.figure("a").value == "2.10"
    assert ledger.parsed("a").decimals == 2
    assert ledger.parsed("a").number == Decimal("2.10")


def test_unset_keys_are_not_invented_on_dump() -> None:
    ledger = load(SEED)
    original = json.loads(SEED.read_text(encoding="utf-8"))
    assert json.loads(dumps(ledger)) == original


@pytest.mark.parametrize(
    ("value", "locale", "number", "decimals", "unit"),
    [
        ("132.35", "zh_CN", "132.35", 2, None),
        ("132.35万元", "zh_CN", "132.35", 2, "万元"),
        ("38.56%", "zh_CN", "38.56", 2, "%"),
        ("３８.５６％", "zh_CN", "38.56", 2, "%"),
        ("１３２.３５", "zh_CN", "132.35", 2, None),
        ("1,234.50", "en_US", "1234.50", 2, None),
        ("1.234,50", "de_DE", "1234.50", 2, None),
        ("1 234,5", "fr_FR", "1234.5", 1, None),
        ("-4966.66", "zh_CN", "-4966.66", 2, None),
        ("4060例", "zh_CN", "4060", 0, "例"),
        ("3.2个百分点", "zh_CN", "3.2", 1, "个百分点"),
    ],
)
def test_value_forms(value: str, locale: str, number: str, decimals: int, unit: str | None) -> None:
    ledger = validate(base(locale=locale, figures=[{"id": "a", "value": value}]))
    parsed = ledger.parsed("a")
    assert parsed.number == Decimal(number)
    assert parsed.decimals == decimals
    assert parsed.unit == unit


@pytest.mark.parametrize(
    ("value", "locale", "fragment"),
    [
        ("1,234.5", "de_DE", "did you mean"),
        ("12,34", "en_US", "did you mean"),
        ("1e5", "en_US", "cannot read"),
        ("NaN", "en_US", "cannot read"),
        ("Infinity", "en_US", "cannot read"),
        ("abc", "en_US", "cannot read"),
        ("", "en_US", "prints nothing (a blank or a dash), not a number"),
        ("—", "zh_CN", 'set "blanks": "absent"'),
        ("1" * 50, "en_US", "Limits.max_digits=40"),
        ("12万", "zh_CN", "cannot read"),
    ],
)
def test_unreadable_values_name_the_figure(value: str, locale: str, fragment: str) -> None:
    (message,) = problems(base(locale=locale, figures=[{"id": "income", "value": value}]))
    assert "'income'" in message
    assert fragment in message


@pytest.mark.parametrize(
    ("data", "fragments"),
    [
        (
            base(figures=[{"id": "a", "value": "1"}, {"id": "a", "value": "2"}]),
            ["figure id 'a' is used 2 times"],
        ),
        (
            base(
                figures=[{"id": "a", "value": "1"}],
                relations=[
                    {"id": "r", "kind": "equal", "figures": ["a", "a"]},
                    {"id": "r", "kind": "equal", "figures": ["a", "a"]},
                ],
            ),
            ["relation id 'r' is used 2 times"],
        ),
        (
            base(
                figures=[{"id": "a", "value": "1"}],
                relations=[{"id": "s", "kind": "sum", "total": "a", "parts": ["ghost"]}],
            ),
            ["relation 's' (sum) names no figure 'ghost'"],
        ),
        (base(relations=[{"id": "s", "kind": "summ"}]), ["id 's'", "unknown kind 'summ'"]),
        (base(relations=[{"id": "s"}]), ["id 's'", "missing 'kind'"]),
        (base(perfcheck="2"), ["unsupported format version '2'"]),
        (base(figures=[{"id": "a\tb", "value": "1"}]), ["figures[0].id", "without control characters"]),
        (base(figures=[{"id": " a", "value": "1"}]), ["figures[0].id", "surrounding spaces, not ' a'"]),
        (base(figures=[{"id": "", "value": "1"}]), ["figures[0].id", "an id is non-empty text"]),
        (base(figures=[{"id": "a", "value": "1", "unit": "斗"}]), ["figure 'a'", "unknown unit '斗'"]),
        (base(unit="元元"), ["document unit", "unknown unit"]),
        (base(locale="xx_YY"), ["unknown locale"]),
        (
            base(figures=[{"id": "a", "value": "1", "colour": "red"}]),
            ["figures[0].colour (id 'a')", "unknown key"],
        ),
        (base(figures=[{"id": "a", "value": "5%", "unit": "元"}]), ["printed in % but its unit is 元"]),
        ({"perfcheck": "1", "figures": [{"id": "a", "value": "1"}]}, ["figure 'a' has no unit"]),
        (
            base(
                figures=[{"id": "a", "value": "1"}],
                relations=[{"id": "f", "kind": "formula", "expr": "a.real == 1"}],
            ),
            ["id 'f'", "attribute"],
        ),
        (
            base(
                figures=[{"id": "a", "value": "1"}],
                relations=[{"id": "f", "kind": "formula", "expr": "__import__('os') == 1"}],
            ),
            ["id 'f'", "call is not allowed"],
        ),
        (
            base(
                figures=[{"id": "a", "value": "1"}],
                relations=[{"id": "c", "kind": "change", "current": "a", "direction": "up"}],
            ),
            ["id 'c'", "direction"],
        ),
        (base(figures=[{"id": "a", "value": True}]), ["figures[0].value (id 'a')"]),
    ],
)
def test_bad_documents_name_the_place(data: dict[str, Any], fragments: list[str]) -> None:
    text = "\n".join(problems(data))
    for fragment in fragments:
        assert fragment in text


def test_excess_digits_are_refused_only_when_strict() -> None:
    data = base(figures=[{"id": "a", "value": "2.15", "decimals": 1}])
    assert validate(data).figure("a").decimals == 1  # reported by rule PC905, not refused
    with pytest.raises(LedgerError) as info:
        validate(data, limits=Limits(strict_decimals=True))
    assert [p.message for p in info.value.problems] == [
        "figure 'a': value '2.15' shows more precision than decimals=1"
    ]


def test_every_problem_is_reported_at_once() -> None:
    data = base(
        figures=[
            {"id": "a", "value": "1,2.3"},
            {"id": "a", "value": "2"},
            {"id": "bad\nid", "value": "3"},
        ],
        relations=[
            {"id": "r", "kind": "summ"},
            {"id": "s", "kind": "sum", "total": "a", "parts": ["zz"]},
        ],
    )
    text = "\n".join(problems(data))
    assert "figures[2].id" in text  # structural
    assert "unknown kind 'summ'" in text  # structural
    assert "figure id 'a' is used 2 times" in text  # semantic, from the rest of the document
    assert "names no figure 'zz'" in text
    assert "'1,2.3'" in text


def test_float_values_are_refused_with_a_reason() -> None:
    with pytest.raises(LedgerError, match="float"):
        validate(base(figures=[{"id": "a", "value": 2.1}]))


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        (b"", "empty document"),
        (b"   \n", "empty document"),
        (b'{"perfcheck": "1",', "invalid JSON"),
        (b"\xff\xfe{}", "not UTF-8"),
        (b'{"perfcheck": "1", "unit": "\xe5"}', "not UTF-8"),
        (b'{"perfcheck": "1", "figures": [{"id": "a", "value": NaN}]}', "NaN is not a number"),
        (b'{"perfcheck": "1", "figures": [{"id": "a", "value": Infinity}]}', "Infinity is not a number"),
        (b'{"perfcheck": "1", "perfcheck": "1"}', "appears twice"),
        (b"[1, 2]", "document"),
    ],
)
def test_unreadable_files(raw: bytes, fragment: str) -> None:
    with pytest.raises(LedgerError) as info:
        loads(raw, name="report.json")
    assert fragment in str(info.value)
    assert str(info.value).startswith("report.json")


def test_byte_order_mark_is_accepted() -> None:
    raw = "\ufeff".encode() + json.dumps(base()).encode()
    assert loads(raw).perfcheck == "1"


def test_load_missing_file(tmp_path: Any) -> None:
    with pytest.raises(LedgerError, match="cannot read"):
        load(tmp_path / "nope.json")


def test_models_are_frozen() -> None:
    ledger = load(SEED)
    with pytest.raises(Exception, match="frozen"):
        ledger.title = "x"  # type: ignore[misc]


def test_relation_models_build_from_python() -> None:
    ledger = perfcheck.Ledger(
        perfcheck="1",
        unit="万元",
        figures=[perfcheck.Figure(id="t", value="3.00"), perfcheck.Figure(id="a", value="1.00")],
        relations=[perfcheck.SumRelation(id="s", total="t", parts=["a"])],
    )
    result = perfcheck.check(ledger)
    assert result.broken() == {"s"}


def test_a_float_value_is_named_in_the_message() -> None:
    with pytest.raises(perfcheck.LedgerError) as caught:
        perfcheck.read({"perfcheck": "1", "unit": "元", "figures": [{"id": "a", "value": 1.5}]})
    assert "value 1.5 is a float, which cannot keep its printed precision" in str(caught.value)
    assert "{value" not in str(caught.value)
