"""A broken relation drawn as a number line: the interval the printed value had to lie in, and where it lies.

The drawing is inline SVG with no script and no external reference. Its colours are
CSS classes (``pc-band``, ``pc-value``, ...) that the page styles, so it follows the
page into dark mode and print. When the value lies so far from the interval that one
scale would shrink either to a point, the axis is broken (two slanted strokes) and
the drawing says it is not to scale; the numbers written on it are exact either way.

>>> from decimal import Decimal
>>> svg = number_line(Decimal("82.67"), (Decimal("83.015"), Decimal("83.045")), Decimal("83.03"), "万元")
>>> svg.startswith('<svg class="pc-line"'), 'data-gap="0.345"' in svg
(True, True)
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from perfcheck._core.i18n import N_, Messages
from perfcheck._engine.context import fmt, near, printed_places, shown_places
from perfcheck.render._common import interval_text, shown_interval

#: The drawing's width and height in SVG units (it scales to the card's width).
WIDTH: Final = 440
HEIGHT: Final = 78
_LEFT: Final = 30
_RIGHT: Final = WIDTH - 30
_AXIS: Final = 44
#: Below this many units an interval or a gap drawn to scale is unreadable: the axis is broken instead.
_MIN_PX: Final = 60


@dataclass(frozen=True, slots=True)
class _Layout:
    lo_x: float
    hi_x: float
    value_x: float
    to_scale: bool


def gap(actual: Decimal, allowed: tuple[Decimal, Decimal]) -> Decimal:
    """How far ``actual`` lies outside ``allowed`` (0 inside it).

    >>> gap(Decimal("82.67"), (Decimal("83.015"), Decimal("83.045")))
    Decimal('0.345')
    >>> gap(Decimal("51.89"), (Decimal("-Infinity"), Decimal("45.190")))
    Decimal('6.700')
    """
    lo, hi = allowed
    if actual < lo:
        return lo - actual
    if actual > hi:
        return actual - hi
    return Decimal(0)


def _layout(actual: Decimal, lo: Decimal, hi: Decimal) -> _Layout:
    """Where the bounds and the value go on the axis."""
    width = _RIGHT - _LEFT
    below = actual < lo
    finite = [v for v in (lo, hi, actual) if v.is_finite()]
    span = max(finite) - min(finite)
    if lo.is_finite() and hi.is_finite() and span > 0:
        scale = Decimal(width) / span
        band = float((hi - lo) * scale)
        distance = float(gap(actual, (lo, hi)) * scale)
        if band >= _MIN_PX and distance >= _MIN_PX:
            left = min(finite)
            return _Layout(
                float((lo - left) * scale) + _LEFT,
                float((hi - left) * scale) + _LEFT,
                float((actual - left) * scale) + _LEFT,
                to_scale=True,
            )
    # not to scale: the interval on one side, the value on the other, the axis broken between
    if below:
        return _Layout(
            _LEFT + 0.55 * width if lo.is_finite() else _LEFT,
            _RIGHT if hi.is_infinite() else _LEFT + 0.85 * width,
            _LEFT + 0.1 * width,
            to_scale=False,
        )
    return _Layout(
        _LEFT if lo.is_infinite() else _LEFT + 0.15 * width,
        _LEFT + 0.45 * width if hi.is_finite() else _RIGHT,
        _LEFT + 0.9 * width,
        to_scale=False,
    )


def _text(x: float, y: float, text: str, cls: str, anchor: str = "middle") -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" class="{cls}">{html.escape(text)}</text>'


def number_line(  # noqa: PLR0913 - the numbers drawn, then the words
    actual: Decimal,
    allowed: tuple[Decimal, Decimal],
    expected: Decimal | None,
    unit: str | None,
    locale: str = "en",
    *,
    title: str | None = None,
) -> str:
    """The SVG of one broken relation: the allowed interval, the printed value outside it, the distance.

    Args:
        actual: the printed value judged.
        allowed: the interval it had to lie in (a bound may be infinite).
        expected: what the other figures make it (a tick inside the interval), if known.
        unit: the unit of all three.
        locale: the language of the words on the drawing.
        title: the drawing's accessible name (default: a sentence naming the numbers).

    The ``data-`` attributes on the ``<svg>`` hold the numbers drawn as Python writes a
    Decimal (``-Infinity`` for an open end), for tests and tools.
    """
    t = Messages(locale)
    lo, hi = allowed
    distance = gap(actual, allowed)
    lay = _layout(actual, lo, hi)
    suffix = f" {unit}" if unit and unit != "%" else (unit or "")
    digits = printed_places(actual)
    shown = shown_places(actual, allowed)
    shown_lo, shown_hi = shown_interval(allowed, shown)
    label = title or t(
        N_("printed {printed}, had to lie in {allowed}: {gap} outside"),
        printed=fmt(actual) + suffix,
        allowed=interval_text(allowed, shown) + suffix,
        gap=fmt(distance) + suffix,
    )
    parts = [
        (
            f'<svg class="pc-line" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}"'
            f' height="{HEIGHT}" data-lo="{lo}" data-hi="{hi}" data-value="{actual}"'
            f' data-gap="{distance}" data-scale="{"true" if lay.to_scale else "false"}"'
            ' xmlns="http://www.w3.org/2000/svg">'
        ),
        f"<title>{html.escape(label)}</title>",
        f'<line class="pc-axis" x1="{_LEFT - 20}" y1="{_AXIS}" x2="{_RIGHT + 20}" y2="{_AXIS}"/>',
    ]
    if not lay.to_scale:
        mid = (lay.value_x + (lay.lo_x if lay.value_x < lay.lo_x else lay.hi_x)) / 2
        parts.append(
            f'<rect class="pc-break-gap" x="{mid - 6:.1f}" y="{_AXIS - 8}" width="12" height="16"/>'
            f'<path class="pc-axis" d="M{mid - 9:.1f},{_AXIS + 7} l6,-14 M{mid + 3:.1f},{_AXIS + 7} l6,-14"/>'
        )
    band_w = max(lay.hi_x - lay.lo_x, 3)
    parts.append(
        f'<rect class="pc-band" x="{lay.lo_x:.1f}" y="{_AXIS - 7}" width="{band_w:.1f}" height="14" rx="2"/>'
    )
    for x, bound in ((lay.lo_x, shown_lo), (lay.hi_x, shown_hi)):
        if bound.is_infinite():
            continue
        parts.append(
            f'<line class="pc-bound" x1="{x:.1f}" y1="{_AXIS - 11}" x2="{x:.1f}" y2="{_AXIS + 11}"/>'
        )
        parts.append(_text(x, _AXIS + 24, fmt(bound), "pc-num"))
    if expected is not None and expected.is_finite() and lo <= expected <= hi:
        ex = lay.lo_x + (lay.hi_x - lay.lo_x) * 0.5
        if lo.is_finite() and hi.is_finite() and hi > lo:
            ex = lay.lo_x + float((expected - lo) / (hi - lo)) * (lay.hi_x - lay.lo_x)
        parts.append(
            f'<line class="pc-expected" x1="{ex:.1f}" y1="{_AXIS - 7}" x2="{ex:.1f}" y2="{_AXIS + 7}"/>'
        )
    # the distance: a bracket from the nearer bound to the value, its size written above it
    near_x = lay.lo_x if lay.value_x < lay.lo_x else lay.hi_x
    bracket = f"M{near_x:.1f},{_AXIS - 16} V{_AXIS - 20} H{lay.value_x:.1f} V{_AXIS - 16}"
    parts.append(f'<path class="pc-gap" d="{bracket}"/>')
    gap_text = t(N_("{gap} outside"), gap=fmt(near(distance, digits, 3)) + suffix)
    parts.append(_text((near_x + lay.value_x) / 2, _AXIS - 25, gap_text, "pc-gap-text"))
    parts.append(f'<circle class="pc-value" cx="{lay.value_x:.1f}" cy="{_AXIS}" r="6"/>')
    parts.append(_text(lay.value_x, _AXIS + 24, fmt(actual), "pc-num pc-value-text"))
    if not lay.to_scale:
        parts.append(_text(WIDTH - 4, 10, t.word(N_("not to scale")), "pc-note", "end"))
    parts.append("</svg>")
    return "".join(parts)
