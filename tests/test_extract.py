"""Extraction from a report's plain text, measured against hand transcriptions.

Figures are matched to the hand-made ones by their source offsets (start, end) and
compared on value, unit, precision and qualifier; relations are matched by kind and
operands (through the offset matching). The seed report must come out complete and
exact; the other engineer's test texts in ``tests/data/texts`` are measured and held
to the recall and precision reached (see ``docs/extract.md``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import perfcheck
from perfcheck import Ledger
from perfcheck._core.units import Kind, lookup_unit
from perfcheck.cli import main
from perfcheck.extract import Extraction, extract

ROOT = Path(__file__).resolve().parent.parent
SEED_TEXT = ROOT / "tests" / "data" / "seed-report.txt"
SEED_JSON = ROOT / "examples" / "seed-ziyang-fulian-2021.json"
TEXTS = ROOT / "tests" / "data" / "texts"


# ---------------------------------------------------------------------------
# Matching an extraction to a hand transcription


def _unit(ledger: Ledger, fid: str) -> str | None:
    parsed = ledger.parsed(fid)
    unit = parsed.unit or ledger.figure(fid).unit or ledger.unit
    return None if unit is None else lookup_unit(unit).symbol.replace("个百分点", "百分点")


def _facts(ledger: Ledger, fid: str) -> tuple[Decimal, str | None, int, str | None]:
    """What a figure says: value, unit, precision and qualifier."""
    fig, parsed = ledger.figure(fid), ledger.parsed(fid)
    decimals = fig.decimals if fig.decimals is not None else parsed.decimals
    return parsed.number, _unit(ledger, fid), decimals, parsed.qualifier or fig.qualifier


def _offsets(ledger: Ledger) -> dict[tuple[int, int], str]:
    out = {}
    for fig in ledger.figures:
        assert fig.source is not None
        assert fig.source.start is not None
        assert fig.source.end is not None
        out[fig.source.start, fig.source.end] = fig.id
    return out


def _relation_key(rel: Any, rename: dict[str, str]) -> tuple[Any, ...]:  # noqa: C901, PLR0911 - one case per kind
    """A relation's kind and operands, figure ids renamed; parts and sides as sets."""

    def r(x: str | None) -> str | None:
        return None if x is None else rename.get(x, f"?{x}")

    def rs(xs: list[str] | str) -> frozenset[str | None]:
        return frozenset(r(x) for x in ([xs] if isinstance(xs, str) else xs))

    kind = rel.kind
    if kind == "sum":
        return (kind, r(rel.total), rs(rel.parts), rel.exhaustive)
    if kind == "balance":
        return (kind, rs(rel.inflows), rs(rel.outflows))
    if kind == "share":
        return (kind, r(rel.part), rs(rel.whole), r(rel.stated))
    if kind == "ratio":
        return (kind, r(rel.numerator), r(rel.denominator), r(rel.stated))
    if kind == "change":
        return (kind, r(rel.current), rel.direction, r(rel.prior), r(rel.delta), r(rel.percent))
    if kind == "equal":
        return (kind, rs(rel.figures))
    if kind == "compare":
        flip = {"<": ">", "<=": ">=", ">": "<", ">=": "<="}
        sides = sorted(
            [(r(rel.left), rel.op, r(rel.right)), (r(rel.right), flip[rel.op], r(rel.left))], key=str
        )
        return (kind, tuple(sides[0]))
    if kind == "product":
        return (kind, r(rel.total), rs(rel.factors))
    if signed := _signed(rel.expr):  # a + b == t is the sum t = a + b; a - b == t the balance a = t + b
        total, ins, outs = signed
        if not outs:
            return ("sum", r(total), rs(ins), True)
        return ("balance", rs(ins), rs([total, *outs]))
    expr = re.sub(r"[A-Za-z_][A-Za-z0-9_]*", lambda m: str(r(m.group())), rel.expr)
    return (kind, expr.replace(" ", ""))


def _signed(expr: str) -> tuple[str, list[str], list[str]] | None:
    """A formula ``±a ± b == ±t`` as its total, the terms of the total's sign and the others."""
    sides = expr.replace(" ", "").split("==")
    if len(sides) != 2:
        return None
    terms = re.findall(r"([+-]?)([A-Za-z_][A-Za-z0-9_]*)", sides[0])
    total = re.fullmatch(r"([+-]?)([A-Za-z_][A-Za-z0-9_]*)", sides[1])
    if total is None or "".join(n for _, n in terms) != re.sub(r"[+-]", "", sides[0]):
        return None
    sign = total.group(1) or "+"
    ins = [n for s, n in terms if (s or "+") == sign]
    return total.group(2), ins, [n for s, n in terms if (s or "+") != sign]


@dataclass
class Comparison:
    """How an extraction compares with a hand transcription."""

    expected_figures: int
    extracted_figures: int
    matched_figures: int
    wrong_figures: list[str]
    missing_figures: list[str]
    extra_figures: list[str]
    expected_relations: int
    extracted_relations: int
    matched_relations: int
    missing_relations: list[str]
    extra_relations: list[str]
    rename: dict[str, str]

    @property
    def figure_recall(self) -> float:
        return self.matched_figures / self.expected_figures

    @property
    def figure_precision(self) -> float:
        return self.matched_figures / self.extracted_figures

    @property
    def relation_recall(self) -> float:
        return self.matched_relations / self.expected_relations

    @property
    def relation_precision(self) -> float:
        return self.matched_relations / self.extracted_relations


def compare(found: Ledger, expected: Ledger) -> Comparison:
    """Match figures by offsets (right only when value, unit, precision and qualifier agree) and relations by operands."""
    got = _offsets(found)
    rename: dict[str, str] = {}  # expected id -> extracted id
    wrong, missing = [], []
    for (start, end), eid in _offsets(expected).items():
        fid = got.get((start, end))
        if fid is None:
            missing.append(eid)
            continue
        rename[eid] = fid
        if _facts(found, fid) != _facts(expected, eid):
            wrong.append(f"{eid}: expected {_facts(expected, eid)}, extracted {_facts(found, fid)}")
    matched_ids = set(rename.values())
    extra = [f.id for f in found.figures if f.id not in matched_ids]
    identity = {f.id: f.id for f in found.figures}
    want = {_relation_key(r, rename): r.id for r in expected.relations}
    have = {_relation_key(r, identity): r.id for r in found.relations}
    return Comparison(
        expected_figures=len(expected.figures),
        extracted_figures=len(found.figures),
        matched_figures=len(rename) - len(wrong),
        wrong_figures=wrong,
        missing_figures=missing,
        extra_figures=extra,
        expected_relations=len(expected.relations),
        extracted_relations=len(found.relations),
        matched_relations=len(want.keys() & have.keys()),
        missing_relations=[rid for key, rid in want.items() if key not in have],
        extra_relations=[rid for key, rid in have.items() if key not in want],
        rename=rename,
    )


def _seed() -> tuple[str, Extraction, Ledger]:
    text = SEED_TEXT.read_text(encoding="utf-8")
    return text, extract(text, name=str(SEED_TEXT)), perfcheck.load(SEED_JSON)


# ---------------------------------------------------------------------------
# The seed report: complete and exact


def test_seed_every_figure_exact_and_nothing_extra() -> None:
    _, found, expected = _seed()
    result = compare(found.ledger, expected)
    assert result.missing_figures == []
    assert result.wrong_figures == []
    assert result.extra_figures == []
    assert result.matched_figures == len(expected.figures) == 63


def test_seed_every_relation_and_nothing_extra() -> None:
    _, found, expected = _seed()
    result = compare(found.ledger, expected)
    assert result.missing_relations == []
    assert result.extra_relations == []
    assert result.matched_relations == len(expected.relations) == 27


def test_seed_document_facts() -> None:
    _, found, expected = _seed()
    ledger = found.ledger
    assert (ledger.unit, ledger.locale, ledger.title, ledger.entity, ledger.period) == (
        expected.unit,
        expected.locale,
        expected.title,
        expected.entity,
        expected.period,
    )
    assert found.summary.figures == 63
    assert found.summary.relations == 27


def test_seed_sources_point_into_the_text() -> None:
    text, found, _ = _seed()
    for fig in found.ledger.figures:
        src = fig.source
        assert src is not None
        assert src.start is not None
        assert src.end is not None
        assert src.text is not None
        assert src.line == text.count("\n", 0, src.start) + 1
        printed = text[src.start : src.end]
        assert printed in src.text
        assert src.text in text
        assert printed == fig.value.removesuffix("%") or fig.value == "七"


def test_seed_checks_as_the_hand_transcription_does() -> None:
    _, found, expected = _seed()
    got, want = perfcheck.check(found.ledger), perfcheck.check(expected)
    assert got.errors == [] == want.errors
    assert sorted((f.code, f.severity) for f in got.findings) == sorted(
        (f.code, f.severity) for f in want.findings
    )


def test_seed_explanations_name_the_sentences() -> None:
    text, found, _ = _seed()
    assert set(found.explanations) == {r.id for r in found.ledger.relations}
    for rel in found.ledger.relations:
        passages = found.explanations[rel.id]
        assert passages
        for p in passages:
            assert text[p.start : p.end] == p.text
        named = {f for p in passages for f in p.figures}
        assert named == set(rel.operands())
    unplaced = {f for p in found.unplaced for f in p.figures}
    used = {f for r in found.ledger.relations for f in r.operands()}
    assert unplaced == {f.id for f in found.ledger.figures} - used
    assert found.summary.unplaced == len(found.unplaced)


# ---------------------------------------------------------------------------
# Mutations: a changed amount must break a relation that names it


def _bumped(printed: str) -> str:
    """The number with one added to its units digit, decimals kept (2.79 -> 3.79, 0 -> 1).

    One added to the *last* printed digit (2.79 -> 2.80) is within what rounding
    allows as soon as a relation has two rounded terms (each may be off by 0.005), so
    no rounding-aware check can tell it from a correct report; one unit (1 万元 here)
    is more than the rounding of any relation of the seed allows (16 parts: 0.085).
    """
    places = len(printed.split(".")[1]) if "." in printed else 0
    return f"{Decimal(printed) + 1:.{places}f}"


def _mutable() -> list[tuple[int, int, str]]:
    """Every amount of the seed text in a relation, and every count in a sum or a stated count.

    Left out, because no change of one in the last digit can be told from rounding:
    percentages (38.56% -> 38.57% is still 51.89 / 134.56 within rounding), the count
    of a ratio with an implied target (4061 screenings are still 101% of some whole
    target) and the score (99 is still at most 100).
    """
    _, found, _ = _seed()
    ledger = found.ledger
    in_relation = {f for r in ledger.relations for f in r.operands()}
    counted = {
        f
        for r in ledger.relations
        if r.kind == "sum" or (isinstance(r, perfcheck.FormulaRelation) and "==" in r.expr)
        for f in r.operands()
    }
    out = []
    for fig in ledger.figures:
        kind = lookup_unit(_unit(ledger, fig.id) or "").kind
        if (kind == Kind.AMOUNT and fig.id in in_relation) or (kind == Kind.COUNT and fig.id in counted):
            assert fig.source is not None
            assert fig.source.start is not None
            assert fig.source.end is not None
            out.append((fig.source.start, fig.source.end, fig.id))
    return out


MUTABLE = _mutable()


def test_mutation_candidates_cover_the_seed() -> None:
    # 41 amounts in relations, the four head-counts of the staff quota and 七大文化
    assert len(MUTABLE) == 46


@pytest.mark.parametrize(("start", "end", "fid"), MUTABLE, ids=[m[2] for m in MUTABLE])
def test_changing_an_amount_breaks_a_relation_that_names_it(start: int, end: int, fid: str) -> None:
    text = SEED_TEXT.read_text(encoding="utf-8")
    printed = text[start:end]
    bumped = "八" if printed == "七" else _bumped(printed)
    mutated = text[:start] + bumped + text[end:]
    found = extract(mutated)
    at = {f.source.start: f.id for f in found.ledger.figures if f.source is not None}
    mutated_id = at[start]
    result = perfcheck.check(found.ledger)
    assert result.errors, f"{fid}: {printed} -> {bumped} went unnoticed"
    relations = {r.id: r for r in found.ledger.relations}
    hit = [f for f in result.errors if f.relation and mutated_id in relations[f.relation].operands()]
    assert hit, f"{fid}: errors, but none on a relation naming the changed figure: {result.errors}"


# ---------------------------------------------------------------------------
# The command line


def test_cli_extract_writes_the_document_and_a_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", str(SEED_TEXT)]) == 0
    out, err = capsys.readouterr()
    assert perfcheck.loads(out).figures[0].label == "资阳区妇女联合会内设机构"
    assert "63 figures, 27 relations" in err
    target = tmp_path / "seed.json"
    assert main(["extract", str(SEED_TEXT), "-o", str(target), "--explain"]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert len(perfcheck.load(target).relations) == 27
    assert "fund_balance (balance" in err
    assert "2021年区妇联总收入132.35万元" in err


def test_cli_check_reads_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(SEED_TEXT)]) == 0
    assert "0 errors" in capsys.readouterr().out
    assert main(["check", "--explain", str(SEED_TEXT)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].endswith("63 figures, 27 relations, 10 sentences with figures in no relation")
    assert "    一（四）:56 [2014:2045] 2021年区妇联总收入132.35万元, 上年结转2.21万元" in out


def test_cli_check_text_findings_quote_the_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = SEED_TEXT.read_text(encoding="utf-8").replace(
        "日常公用经费支出19.26万元", "日常公用经费支出19.62万元"
    )
    report = tmp_path / "report.txt"
    report.write_text(text, encoding="utf-8")
    assert main(["check", "--format", "json", str(report)]) == 1
    data = json.loads(capsys.readouterr().out)
    finding = next(f for f in data["findings"] if f["code"] == "PC102")
    texts = {loc["source"]["text"] for loc in finding["locations"]}
    assert "日常公用经费支出19.62万元" in texts


def test_cli_text_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00")
    assert main(["extract", str(bad)]) == 2
    assert "not UTF-8" in capsys.readouterr().err
    assert main(["check", str(bad)]) == 2
    assert "not UTF-8" in capsys.readouterr().err
    assert main(["extract", str(tmp_path / "missing.txt")]) == 2
    assert "cannot read" in capsys.readouterr().err


# ---------------------------------------------------------------------------
# Small phrasings


def test_changes_shares_and_rates() -> None:
    text = (
        "一、支出情况\n"
        "2023年支出预算3856.42万元，较上年增加215.38万元，增长5.92%。"
        "其中：基本支出2985.12万元，占支出预算的77.41%；项目支出871.30万元，占支出预算的22.59%。\n"
    )
    found = extract(text)
    kinds = sorted(r.kind for r in found.ledger.relations)
    assert kinds == ["change", "share", "share", "sum"]
    assert perfcheck.check(found.ledger).ok


def test_partial_lists_are_not_exhaustive() -> None:
    text = "公用经费32.92万元，其中主要是办公费6.48万元、水电费4.27万元等。"
    rel = extract(text).ledger.relations[0]
    assert rel.kind == "sum"
    assert rel.exhaustive is False  # type: ignore[union-attr]


def test_no_numbers_no_figures() -> None:
    found = extract("一、概况\n本单位2021年无重大事项，十九大精神学习到位。")
    assert found.summary.figures == 0
    assert found.ledger.relations == []


def _kinds(text: str) -> list[tuple[str, ...]]:
    """Each relation as its kind and its operands' labels."""
    ledger = extract(text).ledger
    label = {f.id: f.label for f in ledger.figures}
    return [(r.kind, *(label[o] for o in r.operands())) for r in ledger.relations]


def test_amounts_without_a_unit_under_a_heading_that_gives_it() -> None:
    text = (
        "二、资金执行情况（单位：万元）\n"
        "资金总额：年初预算数100.00，全年预算数120.00，全年执行数114.00，执行率95.00%。\n"
        "其中：财政拨款：年初预算数90.00，全年预算数100.00，全年执行数96.00，执行率96.00%。\n"
        "其他资金：年初预算数10.00，全年预算数20.00，全年执行数18.00，执行率90.00%。\n"
    )
    found = extract(text)
    assert found.ledger.unit == "万元"
    kinds = sorted(r.kind for r in found.ledger.relations)
    assert kinds == ["ratio"] * 3 + ["sum"] * 3
    assert perfcheck.check(found.ledger).ok
    broken = extract(text.replace("全年执行数18.00", "全年执行数19.00"))  # the sum and the 90.00% break
    assert sorted(
        r.kind for r in broken.ledger.relations if r.id in perfcheck.check(broken.ledger).broken()
    ) == [
        "ratio",
        "sum",
    ]


def test_compares_stated_in_words() -> None:
    text = (
        "（一）人员\n核定编制数20人，其中行政编制12人，事业编制8人；实有人数19人。实有人数未超过核定编制数。\n"
        "（二）效益\n满意度达到97%，高于年度目标值90%。\n"
        "（三）产出\n培训人数，年度指标值300人，实际完成320人，达到年度目标。\n"
        "（四）预算\n年初预算为50.00万元，支出决算为42.00万元，决算数小于预算数的原因是项目结余。\n"
    )
    compares = [k for k in _kinds(text) if k[0] == "compare"]
    assert compares == [
        ("compare", "实有人数", "核定编制数"),
        ("compare", "满意度", "高于年度目标值"),
        ("compare", "实际完成", "年度指标值"),
        ("compare", "支出决算", "年初预算"),
    ]
    found = extract(text)
    assert perfcheck.check(found.ledger).ok
    assert [r.op for r in found.ledger.relations if isinstance(r, perfcheck.CompareRelation)] == [
        "<=",
        ">",
        ">=",
        "<",
    ]


def test_changes_named_by_words_and_shared_by_two_totals() -> None:
    text = (
        "二、总体情况\n"
        "收入总计500.00万元，支出总计500.00万元。与上年相比，收入、支出总计各增加20.00万元，增长4.17%。\n"
        "三、财政拨款\n"
        "财政拨款支出300.00万元，与上年相比增加10.00万元。财政拨款支出中，一般公共预算财政拨款支出"
        "280.00万元，与上年相比增加12.00万元；政府性基金预算财政拨款支出20.00万元，与上年相比减少2.00万元。\n"
    )
    kinds = _kinds(text)
    assert ("equal", "收入总计", "支出总计") in kinds
    changes = [k[1] for k in kinds if k[0] == "change"]
    assert changes == [
        "收入总计",
        "支出总计",
        "财政拨款支出",
        "一般公共预算财政拨款支出",
        "政府性基金预算财政拨款支出",
    ]
    found = extract(text)
    # the parts' changes (+12, −2) make the total's (+10): 12 == 10 + 2
    values = {f.id: f.value for f in found.ledger.figures}
    [changes_add_up] = [r for r in found.ledger.relations if isinstance(r, perfcheck.BalanceRelation)]
    assert [values[i] for i in changes_add_up.inflows] == ["12.00"]
    assert [values[i] for i in changes_add_up.outflows] == ["10.00", "2.00"]
    assert perfcheck.check(found.ledger).ok


def test_a_list_after_a_budget_and_an_actual_details_the_actual() -> None:
    text = (
        "七、“三公”经费\n"
        "“三公”经费支出预算为15.00万元，支出决算为12.00万元，完成预算的80.00%。"
        "其中：因公出国（境）费0万元；公务用车运行维护费8.00万元；公务接待费4.00万元。\n"
    )
    kinds = _kinds(text)
    assert ("sum", "支出决算", "因公出国（境）费", "公务用车运行维护费", "公务接待费") in kinds
    assert ("ratio", "支出决算", "“三公”经费支出预算", "完成预算") in kinds
    assert perfcheck.check(extract(text).ledger).ok


def test_score_is_points_times_rate() -> None:
    text = "（一）资金\n资金总额：分值10分，执行率92.50%，得分9.25分。\n"
    assert _kinds(text) == [("product", "得分", "分值", "执行率")]
    assert perfcheck.check(extract(text).ledger).ok


# ---------------------------------------------------------------------------
# The other test texts: measured, and held to what was reached

#: name: (figures matched, figures extracted, relations matched, relations extracted), as measured
#: (docs/extract.md). A change that loses a match or adds a wrong figure or relation fails here.
MEASURED = {
    "anren-jiuye-2024-project-selfeval": (46, 46, 24, 24),
    "hanshou-shuiliju-2021-final-accounts": (77, 77, 41, 41),
    "linxiang-nongye-2023-final-accounts": (81, 81, 49, 49),
    "pingjiang-canlian-2023-budget": (63, 63, 32, 33),
    "taojiang-wenhuaguan-2022-selfeval": (48, 48, 19, 19),
}
#: name: minimum (figure recall, relation recall), as measured (docs/extract.md).
MINIMUM_RECALL = {
    "anren-jiuye-2024-project-selfeval": (1.0, 0.96),
    "hanshou-shuiliju-2021-final-accounts": (1.0, 0.97),
    "linxiang-nongye-2023-final-accounts": (1.0, 0.98),
    "pingjiang-canlian-2023-budget": (1.0, 0.91),
    "taojiang-wenhuaguan-2022-selfeval": (1.0, 1.0),
}


def _text(name: str) -> tuple[Extraction, Ledger]:
    text = (TEXTS / f"{name}.txt").read_text(encoding="utf-8")
    return extract(text, name=f"{name}.txt"), perfcheck.load(TEXTS / f"{name}.expected.json")


def test_every_test_text_is_measured() -> None:
    assert {p.name.removesuffix(".txt") for p in TEXTS.glob("*.txt")} == set(MEASURED)


@pytest.mark.parametrize("name", sorted(MEASURED))
def test_test_text_recall_and_precision(name: str) -> None:
    found, expected = _text(name)
    result = compare(found.ledger, expected)
    figures, extracted, relations, built = MEASURED[name]
    assert result.wrong_figures == []
    assert result.matched_figures >= figures
    assert result.extracted_figures - result.matched_figures <= extracted - figures
    assert result.matched_relations >= relations
    assert result.extracted_relations - result.matched_relations <= built - relations


@pytest.mark.parametrize("name", sorted(MINIMUM_RECALL))
def test_test_text_minimum_recall(name: str) -> None:
    found, expected = _text(name)
    result = compare(found.ledger, expected)
    figures, relations = MINIMUM_RECALL[name]
    assert result.figure_recall >= figures, result.missing_figures
    assert result.relation_recall >= relations, result.missing_relations


@pytest.mark.parametrize("name", sorted(MEASURED))
def test_test_text_verdicts(name: str) -> None:
    """``check`` on the text breaks exactly the relations expected-verdicts.json lists (matched by operands)."""
    verdicts = json.loads((TEXTS / "expected-verdicts.json").read_text(encoding="utf-8"))
    found, expected = _text(name)
    rename = compare(found.ledger, expected).rename
    identity = {f.id: f.id for f in found.ledger.figures}
    by_key = {_relation_key(r, rename): r.id for r in expected.relations}
    extracted = {r.id: r for r in found.ledger.relations}
    broken = perfcheck.check(found.ledger).broken()
    named = sorted(
        by_key.get(_relation_key(extracted[rid], identity), f"(extracted) {rid}") for rid in broken
    )
    assert named == sorted(verdicts[f"{name}.txt"]["broken"])


def test_check_on_a_test_text_quotes_it(capsys: pytest.CaptureFixture[str]) -> None:
    path = TEXTS / "pingjiang-canlian-2023-budget.txt"
    assert main(["check", "--format", "json", str(path)]) == 1
    data = json.loads(capsys.readouterr().out)
    texts = {loc["source"]["text"] for f in data["findings"] for loc in f["locations"]}
    assert "商品和服务支出398670.00元" in texts
