"""The HTML report's structure, without a browser (tests/test_browser.py opens it in Chromium)."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest

import perfcheck
from conftest import DATA, EXAMPLES, SEED
from perfcheck.cli import main
from perfcheck.render import render
from perfcheck.render.html_numberline import gap, number_line
from perfcheck.render.html_report import compact_html, report_html
from perfcheck.render.html_source import TREE_LIMIT, document_of, unreadable_spans

MISTAKES = EXAMPLES / "seed-with-mistakes.json"
TEXT = DATA / "texts" / "pingjiang-canlian-2023-budget.txt"
TABLE = DATA / "tables" / "expenditure-2023.csv"


class Elements(HTMLParser):
    """Every start tag with its attributes, and whether the tags nest properly."""

    VOID = frozenset({"meta", "br", "hr", "img", "input", "link", "circle", "line", "rect", "path"})

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.mismatched: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if not self.stack or self.stack.pop() != tag:
            self.mismatched.append(tag)

    def having(self, attr: str, tag: str | None = None) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if attr in a and (tag is None or t == tag)]


def parsed(page: str) -> Elements:
    elements = Elements()
    elements.feed(page)
    elements.close()
    assert not elements.mismatched, elements.mismatched
    assert not elements.stack, elements.stack
    return elements


def test_the_page_is_one_self_contained_utf8_document() -> None:
    page = report_html(perfcheck.check(MISTAKES), source=MISTAKES)
    assert page.startswith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">')
    assert "Content-Security-Policy" in page
    assert "default-src 'none'" in page  # the browser itself refuses any request the page might make
    els = parsed(page)
    # nothing is loaded from anywhere: no external reference of any kind
    assert not [t for t, _ in els.tags if t in {"link", "img", "iframe", "object", "embed"}]
    assert not [a for _, a in els.tags if a.get("src")]
    assert not [h for h in (a.get("href") for _, a in els.tags) if h and not h.startswith("#")]
    assert "url(" not in page
    assert "@import" not in page
    assert len([t for t, _ in els.tags if t == "script"]) == 1  # opening <details> before printing only


def test_at_a_glance_verdict_counts_and_coverage() -> None:
    result = perfcheck.check(MISTAKES)
    page = report_html(result)
    assert 'data-verdict="fail"' in page
    counts = dict(re.findall(r'data-severity="(\w+)" data-count="(\d+)"', page))
    assert counts == {"error": str(len(result.errors)), "warning": str(len(result.warnings)), "info": "0"}
    cov = result.coverage
    assert f"<dt>figures read</dt><dd>{cov.figures}</dd>" in page
    assert f"<dt>used in relations</dt><dd>{cov.in_relations}</dd>" in page
    assert f"<dt>not checkable</dt><dd>{cov.not_checkable}</dd>" in page
    clean = report_html(perfcheck.check(SEED))
    assert 'data-verdict="pass"' in clean
    assert "<article" not in clean


def test_every_finding_has_a_card_and_every_interval_is_drawn() -> None:
    result = perfcheck.check(MISTAKES)
    els = parsed(report_html(result, source=MISTAKES))
    cards = els.having("data-code", "article")
    assert sorted((c["data-code"], c["data-relation"]) for c in cards) == sorted(
        (f.code, f.relation or "") for f in result.findings
    )
    assert [c["data-severity"] for c in cards][:16] == ["error"] * 16  # errors first
    lines = els.having("data-gap", "svg")
    drawn = [f for f in result.findings if f.actual is not None and f.allowed is not None]
    assert len(lines) == len(drawn) > 5
    for svg, f in zip(lines, sorted(drawn, key=lambda f: f.severity != "error"), strict=True):
        lo, hi, value = (
            Decimal(svg["data-lo"] or ""),
            Decimal(svg["data-hi"] or ""),
            Decimal(svg["data-value"] or ""),
        )
        assert not lo <= value <= hi  # the printed value is drawn outside its interval
        assert Decimal(svg["data-gap"] or "") == gap(value, (lo, hi)) > 0
        assert (lo, hi) == f.allowed


def test_ids_are_unique_and_every_link_has_a_target() -> None:
    for source in (MISTAKES, TEXT, TABLE):
        els = parsed(report_html(perfcheck.check(source), source=source))
        ids = [a["id"] for a in els.having("id")]
        assert len(ids) == len(set(ids)), source
        targets = {h[1:] for h in (a.get("href") for a in els.having("href")) if h}
        assert targets <= set(ids), (source, targets - set(ids))


def test_the_card_says_the_relation_in_the_reports_words() -> None:
    page = report_html(perfcheck.check(TEXT), source=TEXT)
    card = page.split('<article class="pc-card pc-error"')[1].split("</article>")[0]
    assert '<p class="pc-words">基本支出预算 = 工资福利支出 + 商品和服务支出 + 对个人和家庭的补助</p>' in card
    assert "五1 line 29" in card  # where a figure was printed
    assert 'href="#f-f31"' in card  # linked to its mark in the text


def test_the_page_is_in_the_results_locale() -> None:
    chinese = perfcheck.check(TEXT, locale="zh_CN")
    page = report_html(chinese, source=TEXT)
    assert '<html lang="zh-CN">' in page
    for words in ("发现的问题", "成立的关系", "报告原文", "在不成立的关系中", "读取的数字", "超出"):
        assert words in page
    for english in (">Findings<", "relations hold", "figures read", " outside<"):
        assert english not in page
    assert report_html(chinese, "en", source=TEXT) == report_html(perfcheck.check(TEXT), source=TEXT)


def test_every_figure_of_the_text_is_marked_with_what_became_of_it() -> None:
    result = perfcheck.check(TEXT)
    ledger = perfcheck.read(TEXT)
    els = parsed(report_html(result, source=TEXT))
    marks = {a["data-figure"]: a for a in els.having("data-figure", "a")}
    assert set(marks) == {f.id for f in ledger.figures}
    broken = {r for f in result.findings if f.relation for r in [f.relation]}
    in_broken = {o for r in ledger.relations if r.id in broken for o in r.operands()}
    used = {o for r in ledger.relations for o in r.operands()}
    for fid, attrs in marks.items():
        expected = "broken" if fid in in_broken else "holds" if fid in used else "unused"
        assert attrs["data-state"] == expected, fid
    assert {a["data-state"] for a in marks.values()} == {"broken", "holds", "unused"}
    assert "sum_f28" in (marks["f31"]["data-relations"] or "").split()
    assert marks["f31"]["href"] == "#c-sum_f28"  # a figure of a broken relation links to its card
    holding = next(a for a in marks.values() if a["data-state"] == "holds")
    assert (holding["href"] or "").startswith("#r-")  # any other to its row among the relations judged


def test_numbers_printed_but_not_read_are_marked_unreadable() -> None:
    text = "（四）收支\n总支出134.56万元，其中基本支出82.67万元，项目支出51.89万元。宣传费1,2,3.4.5万元。\n"
    result = perfcheck.check(text)
    page = report_html(result, source=text)
    assert re.findall(r'data-state="unreadable"[^>]*>([^<]*)<', page) == ["1,2,3.4.5"]
    assert len(re.findall(r'<a class="pc-fig pc-holds"', page)) == 3
    assert list(unreadable_spans("2021年支出3.00万元", [(7, 11)])) == []  # a year is no figure


def test_a_table_shows_its_failing_cells() -> None:
    result = perfcheck.check(TABLE)
    els = parsed(report_html(result, source=TABLE))
    cells = {a["data-figure"]: a["data-state"] for a in els.having("data-figure", "a")}
    assert len(cells) == 14
    assert {c for c, s in cells.items() if s == "broken"} == {"D4", "D5", "D9"}  # 合计 and its two parts
    marked = [a["class"] for a in els.having("class", "td") if "pc-cell-broken" in (a["class"] or "")]
    assert len(marked) == 3
    # the failing cell itself, the total judged, stands out among the cells of its relation
    assert [a["data-figure"] for a in els.having("data-subject", "a")] == ["D4"]


def test_a_ledger_shows_its_sums_as_a_tree_broken_totals_open() -> None:
    result = perfcheck.check(MISTAKES)
    els = parsed(report_html(result, source=MISTAKES))
    nodes = els.having("data-relation", "li")
    sums = [r for r in perfcheck.read(MISTAKES).relations if r.kind == "sum"]
    assert {n["data-relation"] for n in nodes} == {r.id for r in sums}
    broken = {n["data-relation"] for n in nodes if "pc-node-broken" in (n["class"] or "")}
    assert broken == {r.id for r in sums} & result.broken()
    page = report_html(result, source=MISTAKES)
    assert re.search(
        r'<li class="pc-node pc-node-broken" data-relation="basic_split"[^>]*><details open>', page
    )
    # the way down to a broken sum is open, a branch where everything holds is closed
    assert re.search(r'<li class="pc-node" data-relation="spending_split"[^>]*><details open>', page)
    assert re.search(r'<li class="pc-node" data-relation="staff_quota"[^>]*><details>', page)


def big_ledger(groups: int) -> dict[str, object]:
    """One total over ``groups`` subtotals of two items each; the first subtotal is broken."""
    figures: list[dict[str, str]] = [{"id": "total", "value": f"{2 * groups + 1}.00"}]
    relations: list[dict[str, object]] = [
        {"id": "top", "kind": "sum", "total": "total", "parts": [f"g{g}" for g in range(groups)]}
    ]
    for g in range(groups):
        figures += [
            {"id": f"g{g}", "value": "3.00" if g == 0 else "2.00"},
            {"id": f"a{g}", "value": "1.00"},
            {"id": f"b{g}", "value": "1.00"},
        ]
        relations.append({"id": f"s{g}", "kind": "sum", "total": f"g{g}", "parts": [f"a{g}", f"b{g}"]})
    return {"perfcheck": "1", "unit": "元", "figures": figures, "relations": relations}


def test_a_large_ledger_draws_only_the_branches_of_broken_sums(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_text(json.dumps(big_ledger(TREE_LIMIT + 10)), encoding="utf-8")
    result = perfcheck.check(path)
    assert result.broken() == {"s0"}
    page = report_html(result, source=path)
    nodes = re.findall(r'<li class="(pc-node[^"]*)" data-relation="(\w+)"', page)
    assert nodes == [("pc-node", "top"), ("pc-node pc-node-broken", "s0")]
    assert f"{TREE_LIMIT + 9} holding parts not shown" in page
    assert f"{TREE_LIMIT + 11} sums; only the branches that lead to a broken sum are drawn." in page


def test_number_line_to_scale_off_scale_and_one_sided() -> None:
    near = number_line(Decimal(10), (Decimal(0), Decimal(5)), Decimal("2.5"), "元")
    assert 'data-scale="true"' in near
    assert "not to scale" not in near
    far = number_line(Decimal("82.67"), (Decimal("83.015"), Decimal("83.045")), Decimal("83.03"), "万元")
    assert 'data-scale="false"' in far
    assert "not to scale" in far
    assert "0.345 万元 outside" in far
    one_sided = number_line(
        Decimal("51.89"), (Decimal("-Infinity"), Decimal("45.190")), None, "万元", "zh_CN"
    )
    assert 'data-gap="6.700"' in one_sided
    assert "超出 6.700 万元" in one_sided
    assert "未按比例" in one_sided
    assert one_sided.count('class="pc-bound"') == 1  # the open end has no bound drawn


def test_text_from_the_document_is_escaped_everywhere() -> None:
    hostile = "<script>alert(1)</script>"
    ledger = {
        "perfcheck": "1",
        "title": hostile,
        "unit": "万元",
        "figures": [
            {"id": "t", "label": hostile, "value": "3", "source": {"section": hostile, "text": hostile}},
            {"id": "a", "label": hostile, "value": "1"},
            {"id": "b", "value": "1"},
        ],
        "relations": [{"id": "s", "kind": "sum", "label": hostile, "total": "t", "parts": ["a", "b"]}],
    }
    result = perfcheck.check(ledger)
    for page in (report_html(result, source=ledger), compact_html(result)):
        assert "<script>alert" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_render_and_the_command_line_write_the_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = perfcheck.check(TEXT)
    assert render(result, "html", source=TEXT) == report_html(result, source=TEXT)
    assert main(["check", str(TEXT), "--format", "html"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("<!doctype html>")
    assert '<section class="pc-document" data-kind="text">' in out  # the CLI reads the text again
    assert main(["check", str(TEXT), str(TABLE), "--format", "html"]) == 1
    out = capsys.readouterr().out
    assert out.count('<section class="pc-doc"') == 2
    assert f"<h2>{TABLE}</h2>" in out


def test_compact_form_for_notebooks() -> None:
    result = perfcheck.check(MISTAKES)
    out = compact_html(result)
    assert out.startswith('<div class="pc-report pc-compact"><style>')
    assert out.count("<article") == 19
    assert "<!doctype" not in out
    assert "html,body" not in out  # the notebook's own page is left alone
    assert result._repr_html_() == out


def test_document_of_reads_each_kind() -> None:
    assert document_of(TEXT).kind == "text"
    assert document_of(TABLE).kind == "table"
    assert document_of(MISTAKES).kind == "ledger"
    assert document_of(perfcheck.read(TABLE)).kind == "table"
    assert document_of(TEXT).unplaced == 3


@pytest.mark.parametrize("path", sorted([*EXAMPLES.glob("*.json"), *(DATA / "cases").glob("*-*.json")]))
def test_the_coverage_counted_on_the_parsed_json_is_the_results(path: Path) -> None:
    doc = document_of(path)
    assert doc.data is not None
    assert doc.coverage(perfcheck.check(path)) == perfcheck.check(path).coverage


def test_the_cells_of_a_table_printed_in_the_text_are_marked_where_they_stand() -> None:
    text = (
        "（一）三公经费\n"
        "2022年“三公”经费支出情况表 | ||\n"
        "单位:万元 | ||\n"
        "项目 | 上年决算数 | 本年决算数 |\n"
        "合计 | 60.00 | 50.00 |\n"
        "1.因公出国(境)费 | 10.00 | 5.00 |\n"
        "2.公务接待费 | 20.00 | 16.00 |\n"
        "3.公务用车购置及运行费 | 30.00 | 30.00 |\n"
        "说明：本年“三公”经费支出50.00万元。\n"
    )
    result = perfcheck.check(text)
    ledger = perfcheck.read(text)
    cells = {f.id: f.value for f in ledger.figures if f.source is not None and f.source.cell}
    assert len(cells) == 8
    assert all(f.source is not None and f.source.start is None for f in ledger.figures if f.id in cells)
    page = report_html(result, source=text)
    marks = re.findall(r'data-figure="(\w+)" data-state="(\w+)"[^>]*>([^<]*)<', page)
    assert sorted(f for f, _, _ in marks) == sorted(f.id for f in ledger.figures)
    assert all(shown == cells[fid] for fid, _, shown in marks if fid in cells)  # each in its own cell
    # 本年: 5 + 16 + 30 is not 50, a break of the inferred sum (PC903): its column is marked
    assert {f for f, state, _ in marks if state == "broken"} == {f for f in cells if "_C" in f}


def test_a_localised_card_names_the_likely_wrong_figure_and_an_unlocalised_one_draws_no_slot() -> None:
    case = DATA / "cases" / "wuzhou-unit-2024-budget-yuan.json"
    plain = report_html(perfcheck.check(case))
    assert 'class="pc-suspect"' not in plain
    page = report_html(perfcheck.check(case, localise=True))
    slots = re.findall(r'<div class="pc-suspect" data-slot="likely-wrong-figure">(.*?)</div>', page)
    assert slots, "no card of the localised result shows the likely wrong figure"
    assert all("likely wrong" in s for s in slots)
    assert any("proj_pct 19.62% → 15.94" in s for s in slots)
    assert "可能印错" in report_html(perfcheck.check(case, localise=True), locale="zh_CN")
