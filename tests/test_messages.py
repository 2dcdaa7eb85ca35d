"""Findings are data: a message id and parameters, worded when shown, in the locale asked for."""

from __future__ import annotations

import json
import pickle
from decimal import Decimal

import perfcheck
from conftest import CASES, EXAMPLES
from perfcheck import Finding, Severity, Verdict
from perfcheck._findings.message import Message, message

WUZHOU = CASES / "wuzhou-unit-2024-budget-yuan.json"


def test_a_finding_carries_its_message_id_and_parameters() -> None:
    finding = perfcheck.check(WUZHOU).errors[0]
    assert finding.message_id.startswith("{subject} is printed as {printed}, but {said}")
    assert finding.message_params["printed"] == "19.62%"
    said = finding.message_params["said"]
    assert isinstance(said, Message)
    assert said.id == "{part} ÷ {whole} is {expected}"


def test_a_result_checked_in_english_is_worded_in_chinese_without_checking_again() -> None:
    english = perfcheck.check(WUZHOU)
    chinese = perfcheck.check(WUZHOU, locale="zh_CN")
    assert [f.text("zh_CN") for f in english.findings] == [f.message for f in chinese.findings]
    assert [f.text("en") for f in chinese.findings] == [f.message for f in english.findings]
    assert [f.message_params for f in english.findings] == [f.message_params for f in chinese.findings]


def test_findings_round_trip_through_json_and_pickle() -> None:
    for path in (WUZHOU, EXAMPLES / "seed-with-mistakes.json"):
        for locale in ("en", "zh_CN"):
            for finding in perfcheck.check(path, locale=locale).findings:
                data = json.loads(json.dumps(finding.to_json_dict(), ensure_ascii=False))
                again = Finding.model_validate({**data, "locale": locale})
                assert again == finding
                assert again.message == finding.message == data["message"]
                assert Finding.model_validate_json(finding.model_dump_json()) == finding
                assert pickle.loads(pickle.dumps(finding)) == finding  # noqa: S301 - our own bytes
                assert hash(again) == hash(finding)


def test_json_keeps_every_key_it_had_and_adds_the_message_data() -> None:
    data = perfcheck.check(WUZHOU).errors[0].to_json_dict()
    assert list(data)[:7] == ["code", "severity", "verdict", "relation", "figures", "locations", "message"]
    assert data["message_params"]["said"]["id"] == "{part} ÷ {whole} is {expected}"
    assert "locale" not in data


def test_a_message_written_by_hand_is_shown_as_it_is() -> None:
    finding = Finding(code="X1", severity=Severity.ERROR, verdict=Verdict.BROKEN, message="a {brace} stays")
    assert finding.message == finding.text("zh_CN") == "a {brace} stays"
    assert finding.message_params == {}


def test_parameters_are_text_decimals_and_messages() -> None:
    made = message("{n} relation", n=1)
    assert made.params == {"n": "1"}
    assert made.text("en") == "1 relation"
    amount = message("{x} and {y}", x=Decimal("2.50"), y=message("more"))
    assert amount.text("zh_CN") == "2.50 and 多"
    assert amount.to_json_dict() == {
        "id": "{x} and {y}",
        "params": {"x": "2.50", "y": {"id": "more", "params": {}}},
    }
    assert Message.model_validate(amount.to_json_dict()).text("en") == amount.text("en")
