"""Physical measures in a report's text: figures of their own unit, never of a money relation.

Texts of our own writing, in the phrasings of real pages (project self-evaluations, school
overviews, statistics bulletins): an area in 平方米 (㎡, m2), 亩 or 公顷, a length in 公里 or
米, a volume in 立方米, a mass in 吨 or 斤, with or without a scale word.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

import perfcheck
from perfcheck._core.units import Kind, lookup_unit
from perfcheck.extract import extract
from phrasing_texts import read_text


@pytest.mark.parametrize(
    ("text", "value", "unit", "quantity"),
    [
        ("主要建设内容为建设道路311520平方米，小桥2座。", "311520", "平方米", "area"),
        ("学校占地面积21126 m2，建筑面积8465m2。", "21126", "m2", "area"),
        ("建筑面积为13265.77㎡，已交付使用。", "13265.77", "㎡", "area"),
        ("补贴面积160118.88亩，按每亩补贴91元发放。", "160118.88", "亩", "area in 亩"),
        ("全国国有土地面积5.05亿公顷，内水和领海面积38万平方公里。", "5.05", "亿公顷", "area"),
        ("实现新建村内道路32.63公里。", "32.63", "公里", "length"),
        ("路面宽度不低于3.5米，厚度不低于20厘米。", "3.5", "米", "length"),
        ("天然气剩余技术可采储量5.5万亿立方米。", "5.5", "万亿立方米", "volume"),
        ("年产量10万斤，利润为2万元。", "10", "万斤", "mass in 斤"),
        ("全年处置垃圾1200吨。", "1200", "吨", "mass"),
    ],
)
def test_a_physical_measure_is_a_figure_of_its_own_dimension(
    text: str, value: str, unit: str, quantity: str
) -> None:
    ledger, result = read_text(text)
    found = [f for f in ledger.figures if f.value == value]
    assert [f.unit for f in found] == [unit]
    measured = lookup_unit(unit)
    assert measured.kind is Kind.MEASURE
    assert str(measured.dimension) == quantity
    assert result.ok


def test_an_area_in_mu_is_never_compared_with_one_in_square_metres() -> None:
    # no power of ten converts 亩 to 平方米: they are two dimensions
    assert lookup_unit("亩").dimension != lookup_unit("平方米").dimension
    assert lookup_unit("万平方米").factor == Decimal(10000)
    assert lookup_unit("平方公里").dimension == lookup_unit("公顷").dimension


def test_measures_join_no_relation_of_money() -> None:
    text = (
        "项目总投资120万元，其中道路建设80万元，绿化40万元。"
        "建设道路3000平方米，占项目总面积的60%，新建路灯40盏。"
    )
    ledger, result = read_text(text)
    measures = {f.id for f in ledger.figures if f.unit and lookup_unit(f.unit).kind is Kind.MEASURE}
    assert measures  # 3000 平方米 is read
    money_sums = [r for r in ledger.relations if r.kind == "sum"]
    assert money_sums  # the money list still adds up
    assert not [r for r in ledger.relations if measures & set(r.operands())]
    assert result.ok


@pytest.mark.parametrize(
    "text",
    ["执行GB2312标准，经费10万元。", "发放3米粮补贴，经费10万元。", "采用3m2x接口，经费10万元。"],
)
def test_look_alikes_of_measures_are_no_figures(text: str) -> None:
    ledger = extract(text).ledger
    assert [f.value for f in ledger.figures] == ["10"]


def _measured(locale: str = "en") -> list[tuple[str, str]]:
    doc = {
        "perfcheck": "1",
        "unit": "万元",
        "figures": [
            {"id": "road", "value": "3000", "unit": "平方米", "label": "道路面积"},
            {"id": "east", "value": "1200", "unit": "平方米", "label": "东段"},
            {"id": "west", "value": "1900", "unit": "平方米", "label": "西段"},
            {"id": "hectares", "value": "0.3", "unit": "公顷", "label": "道路面积（公顷）"},
            {"id": "money", "value": "10", "unit": "万元", "label": "投资"},
        ],
        "relations": [
            {"id": "parts", "kind": "sum", "total": "road", "parts": ["east", "west"]},
            {"id": "same", "kind": "equal", "figures": ["road", "hectares"]},
            {"id": "mixed", "kind": "sum", "total": "money", "parts": ["east"]},
        ],
    }
    return [(f.code, f.message) for f in perfcheck.check(doc, locale=locale).findings]


def test_measures_of_one_quantity_are_checked_and_never_against_money() -> None:
    found = _measured()
    codes = sorted(code for code, _ in found)
    assert codes == ["PC102", "PC901"]  # 1200 + 1900 is not 3000; 0.3 公顷 is 3000 平方米
    assert any("is amount in CNY but 东段 (east) is area" in message for _, message in found)
    assert any("是面积" in message for _, message in _measured("zh_CN"))
