"""What a person reads on the command line is right in both languages (tracker issue 13, item 5)."""

from __future__ import annotations

import json
import re

import pytest
from babel.messages.pofile import read_po

from conftest import CASES, ROOT
from perfcheck.cli import main
from perfcheck.render import rule_docs
from perfcheck.render.rule_docs import SUMMARIES, english_body, source_digest, translated_bodies
from perfcheck.rules import all_rules

WUZHOU = CASES / "wuzhou-unit-2024-budget-yuan.json"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main([*args, "--isolated"] if args[:1] == ("check",) else list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_rules_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules", "--locale", "zh_CN")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["代码", "名称", "严重程度", "状态", "概要"]
    pc201 = next(line for line in lines if line.startswith("PC201"))
    assert pc201.split()[1:4] == ["share", "错误", "稳定"]
    assert "所述占比等于部分 ÷ 总体。" in pc201
    assert not any("error" in line or "stable" in line for line in lines[2:])


def test_rules_json_keeps_its_values_and_words_its_summaries(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "rules", "--format", "json", "--locale", "zh_CN")
    pc201 = next(r for r in json.loads(out) if r["code"] == "PC201")
    assert (pc201["severity"], pc201["status"]) == ("error", "stable")
    assert pc201["summary"] == "所述占比等于部分 ÷ 总体。"


def test_explain_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "explain", "PC201", "--locale", "zh_CN")
    assert code == 0
    assert out.splitlines()[:5] == [
        "# PC201 share",
        "",
        "所述占比等于部分 ÷ 总体。",
        "",
        "严重程度：错误。状态：稳定。",
    ]
    assert "## 通过的例子" in out
    assert "## 不通过的例子" in out
    assert "**检查什么。**" in out
    assert "What it checks" not in out


def test_every_translation_of_a_rule_page_is_of_the_current_english() -> None:
    translations = translated_bodies("zh_CN")
    assert set(translations) <= {r.code for r in all_rules}
    stale = [
        code
        for code, t in translations.items()
        if t["source"] != source_digest(english_body(all_rules[code]))
    ]
    assert stale == [], (
        f"the English documentation of {stale} changed: update src/perfcheck/locale/zh_CN/rules.toml"
    )
    for t in translations.values():
        assert [line for line in t["body"].splitlines() if line.startswith("**")] == [
            line
            for line in t["body"].splitlines()
            if line.startswith(("**检查什么。**", "**为什么。**", "**怎么办。**"))
        ]


def test_a_rule_without_a_current_translation_is_explained_in_english_saying_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(rule_docs, "translated_bodies", lambda _: {"PC201": {"source": "0", "body": "旧"}})
    page = rule_docs.rule_page(all_rules["PC201"], "zh_CN")
    assert "（本规则的说明尚无中文译文或译文已过时，以下为英文原文。）" in page
    assert "**What it checks.**" in page
    assert "旧" not in page
    assert "尚无中文译文" not in rule_docs.rule_page(all_rules["PC201"], "en")


def test_explain_in_english_is_the_rule_page(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "explain", "PC201")
    assert out == (ROOT / "docs" / "rules" / "PC201.md").read_text(encoding="utf-8")


def test_every_rule_summary_is_marked_for_the_catalogs() -> None:
    missing = [r.code for r in all_rules if r.summary not in SUMMARIES]
    assert missing == [], f"add the summaries of {missing} to perfcheck.render.rule_docs.SUMMARIES"
    assert len(SUMMARIES) == len(set(SUMMARIES)) == len(all_rules)


def test_chinese_check_output_has_chinese_headers_and_severities(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(WUZHOU), "--locale", "zh_CN")
    assert code == 1
    lines = out.splitlines()
    assert lines[0].split() == ["代码", "严重程度", "关系", "位置", "说明"]
    assert [line.split()[1] for line in lines[2:] if line.startswith("PC")] == ["错误", "错误", "警告"]
    assert (
        lines[-1]
        == "错误 2 个，警告 1 个，提示 0 个；已核验关系 21 个；33 个数字中 31 个进入关系，推断的关系 0 个"
    )


def test_a_missing_file_in_json_prints_only_the_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", "no/such/file.json", "--format", "json")
    assert code == 2
    assert out == ""
    assert "no/such/file.json" in err


def test_a_missing_file_in_sarif_is_a_notification(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "no/such/file.json", "--format", "sarif")
    assert code == 2
    invocation = json.loads(out)["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False


def test_check_help_names_what_it_reads(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--help")
    assert code == 0
    out = " ".join(out.split())
    for words in (".json", ".jsonl", ".toml", ".yaml", ".txt", "folder", "standard input"):
        assert words in out, words


def test_one_sentence_is_one_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    text = ROOT / "tests" / "data" / "texts" / "anren-jiuye-2024-project-selfeval.txt"
    code, _, err = run(capsys, "extract", str(text))
    assert code == 0
    assert err.rstrip().endswith("46 figures, 24 relations, 1 sentence with figures in no relation")
    code, _, err = run(capsys, "extract", str(text), "--locale", "zh_CN")
    assert err.rstrip().endswith("数字 46 个，关系 24 个，含未入任何关系之数字的句子 1 句")


def test_one_acknowledgement_is_one(capsys: pytest.CaptureFixture[str], tmp_path) -> None:
    baseline = tmp_path / "baseline.toml"
    code, _, err = run(capsys, "check", str(WUZHOU), "--select", "PC201", "--write-baseline", str(baseline))
    assert code == 0
    assert f"wrote 1 acknowledgement to {baseline}; 1 needs a reason" in err


def test_sarif_in_chinese_describes_the_rules_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "check", str(WUZHOU), "--format", "sarif", "--locale", "zh_CN")
    run_ = json.loads(out)["runs"][0]
    pc201 = next(r for r in run_["tool"]["driver"]["rules"] if r["id"] == "PC201")
    assert pc201["shortDescription"]["text"] == "所述占比等于部分 ÷ 总体。"
    assert "**检查什么。**" in pc201["fullDescription"]["text"]
    assert run_["results"][0]["message"]["text"].startswith("占一般公共预算支出的印为 19.62%")


def test_the_rules_page_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "rules", "--format", "markdown", "--locale", "zh_CN")
    assert out.startswith("# 规则\n")
    assert "| 代码 | 名称 | 严重程度 | 状态 | 概要 |" in out


def test_every_marked_message_is_in_the_catalog() -> None:
    # babel does not look inside f-strings: a message marked there is never translated.
    with (ROOT / "src" / "perfcheck" / "locale" / "zh_CN" / "LC_MESSAGES" / "perfcheck.po").open(
        "rb"
    ) as handle:
        catalog = {str(m.id) for m in read_po(handle) if m.id}
    marked = set()
    for path in (ROOT / "src" / "perfcheck").rglob("*.py"):
        for quote, text in re.findall(
            r"""\bN_\(\s*(["'])((?:(?!\1).)*)\1\s*\)""", path.read_text(encoding="utf-8")
        ):
            marked.add(text.replace("\\'", "'") if quote == "'" else text)
    assert marked, "no N_() found"
    assert sorted(marked - catalog) == []
