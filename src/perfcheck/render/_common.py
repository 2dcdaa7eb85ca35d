"""What every output format shares: the words of headers and severities, a finding's row, the summary line.

Everything a person reads is written here in the locale asked for (``en`` or
``zh_CN``); codes, relation ids, figure ids, numbers and the values of JSON and
SARIF fields stay as they are in every locale.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Final

from perfcheck._core.i18n import N_, Messages, check_locale_name
from perfcheck._engine.judging import fmt, shown_places, trimmed
from perfcheck._findings.plain import PlainFinding, Severity

if TYPE_CHECKING:
    from perfcheck._findings.acknowledgement import Acknowledgement
    from perfcheck._findings.counts import PlainCoverage
    from perfcheck._findings.coverage import Coverage
    from perfcheck._findings.finding import Finding
    from perfcheck._findings.localisation import Correction
    from perfcheck._findings.result import Reported

#: The columns of a table of findings (English: the catalogs' msgids).
HEADERS: Final = (N_("code"), N_("severity"), N_("relation"), N_("where"), N_("message"))
#: Column widths a terminal table wraps at (None: no wrapping).
WRAP: Final = [None, None, 16, 28, 64]
_SEVERITY_WORDS: Final = {
    Severity.ERROR: N_("error"),
    Severity.WARNING: N_("warning"),
    Severity.INFO: N_("info"),
}


def locale_of(result: Reported, locale: str | None) -> str:
    """The locale to write ``result`` in: ``locale`` if given, else the one it was checked in.

    Raises:
        ValueError: no messages for ``locale``.
    """
    return check_locale_name(result.locale if locale is None else locale)


def words(headers: tuple[str, ...], locale: str) -> tuple[str, ...]:
    """Column headers (catalog msgids) in ``locale``."""
    t = Messages(locale)
    return tuple(t.word(h) for h in headers)


def severity_word(severity: Severity, locale: str) -> str:
    """A severity as a person reads it in ``locale``: ``error``, ``错误``."""
    return Messages(locale).word(_SEVERITY_WORDS[severity])


def where(finding: Finding | PlainFinding) -> str:
    """The figures of a finding and where they were printed, at most three."""
    parts = []
    for loc in finding.locations:
        section = loc.source.section if loc.source and loc.source.section else None
        line = f":{loc.source.line}" if loc.source and loc.source.line else ""
        parts.append(f"{loc.figure} ({section}{line})" if section or line else loc.figure)
    return ", ".join(parts[:3]) + (f" +{len(parts) - 3}" if len(parts) > 3 else "")


#: The column a localised result adds: which printed figures are likely wrong (docs/localise.md).
LIKELY_WRONG: Final = N_("likely wrong")
_TYPO_WORDS: Final = {
    "swap": N_("digits swapped"),
    "digit": N_("one digit wrong"),
    "dropped": N_("a digit dropped"),
    "doubled": N_("a digit doubled"),
    "point": N_("decimal point moved"),
    "sign": N_("sign flipped"),
    "unit": N_("元 and 万元 confused"),
}


def _correction_text(correction: Correction, t: Messages) -> str:
    text = t(
        N_("{figure} {printed} → {value}"),
        figure=correction.figure,
        printed=correction.printed,
        value=str(correction.suggestion),
    )
    notes = []
    if correction.typo is not None:
        notes.append(t.word(_TYPO_WORDS[correction.typo]))
    if correction.fits is not None:
        notes.append(t(N_("fits {lo} to {hi}"), lo=str(correction.fits[0]), hi=str(correction.fits[1])))
    return f"{text} ({'; '.join(notes)})" if notes else text


def likely_wrong(finding: Finding | PlainFinding, locale: str) -> str:
    """Which printed figures a localised finding says are likely wrong, in ``locale`` ("" when not localised).

    Of each equally small explanation, the figures of the finding itself (all when it
    names none of them); alternatives are joined by "or".

    >>> import perfcheck
    >>> result = perfcheck.check("tests/data/cases/wuzhou-unit-2024-budget-yuan.json", localise=True)
    >>> likely_wrong(result.errors[0], "en")
    'proj_pct 19.62% → 15.94 (fits 15.9332 to 15.9431)'
    """
    localisation = finding.localisation
    if localisation is None:
        return ""
    t = Messages(locale)
    if localisation.status != "localised":
        return t(N_("not localised: {reason}"), reason=localisation.reason or "")
    alternatives: dict[str, None] = {}
    for explanation in localisation.explanations:
        mine = [c for c in explanation.corrections if c.figure in finding.figures]
        alternatives["; ".join(_correction_text(c, t) for c in mine or explanation.corrections)] = None
    return t.word(N_(" or ")).join(alternatives)


def localised(result: Reported) -> bool:
    """Whether any finding of ``result`` carries a localisation (its tables gain a column)."""
    return any(f.localisation is not None for f in result.findings)


def table_rows(result: Reported, locale: str) -> tuple[list[tuple[str, ...]], tuple[str, ...]]:
    """The rows of a table of findings and its headers (msgids): a localised result adds "likely wrong"."""
    data: list[tuple[str, ...]] = list(rows(result, locale))
    if not localised(result):
        return data, HEADERS
    data = [(*row, likely_wrong(f, locale)) for row, f in zip(data, result.findings, strict=True)]
    return data, (*HEADERS, LIKELY_WRONG)


def rows(result: Reported, locale: str | None = None) -> list[tuple[str, str, str, str, str]]:
    """One row a finding: code, severity, relation, where, message (in ``locale``, default the result's).

    >>> import perfcheck
    >>> result = perfcheck.check("examples/seed-with-mistakes.json", select=["PC102"])
    >>> rows(result)[0][:3], rows(result, "zh_CN")[0][:3]
    (('PC102', 'error', 'basic_split'), ('PC102', '错误', 'basic_split'))
    """
    loc = locale_of(result, locale)
    return [
        (f.code, severity_word(f.severity, loc), f.relation or "", where(f), f.text(loc))
        for f in result.findings
    ]


def summary(result: Reported, locale: str | None = None) -> str:
    """One line counting findings and relations checked, in ``locale`` (default: the result's).

    >>> import perfcheck
    >>> summary(perfcheck.check("tests/data/cases/wuzhou-unit-2024-budget-yuan.json"))
    '2 errors, 1 warning, 0 infos; 21 relations checked'
    >>> summary(perfcheck.check("tests/data/cases/wuzhou-unit-2024-budget-yuan.json", locale="zh_CN"))
    '错误 2 个，警告 1 个，提示 0 个；已核验关系 21 个'
    >>> summary(perfcheck.check("tests/data/cases/wuzhou-unit-2024-budget-yuan.json"), "zh_CN")
    '错误 2 个，警告 1 个，提示 0 个；已核验关系 21 个'
    """
    counts = Counter(f.severity for f in result.findings)
    return _summary_line(
        locale_of(result, locale),
        counts[Severity.ERROR],
        counts[Severity.WARNING],
        counts[Severity.INFO],
        result.relations_checked,
    )


@lru_cache(maxsize=1024)
def _summary_line(locale: str, errors: int, warnings: int, infos: int, relations: int) -> str:
    """The summary line of these counts: worded once, as a batch of clean reports repeats it."""
    t = Messages(locale)

    def count(n: int, one: str, many: str) -> str:
        return t(one if n == 1 else many, n=n)

    return t(
        N_("{errors}, {warnings}, {infos}; {relations} checked"),
        errors=count(errors, N_("{n} error"), N_("{n} errors")),
        warnings=count(warnings, N_("{n} warning"), N_("{n} warnings")),
        infos=count(infos, N_("{n} info"), N_("{n} infos")),
        relations=count(relations, N_("{n} relation"), N_("{n} relations")),
    )


def covered(result: Reported, locale: str | None = None) -> str:
    """The summary line followed by how much was read: figures in relations, relations inferred.

    A pass that read a fifth of a report should say so where the verdict is printed, and
    so should relations that could not be judged: those no rule could judge (a change
    printed with its amount alone, against a prior not printed) and those a rule found
    it could not (their findings say why).

    >>> import perfcheck
    >>> print(covered(perfcheck.check("examples/seed-ziyang-fulian-2021.json")))
    0 errors, 0 warnings, 0 infos; 27 relations checked; 50 of 63 figures in a relation, 0 relations inferred
    """
    loc = locale_of(result, locale)
    cover = result.coverage
    counts = (cover.in_relations, cover.figures, cover.inferred, cover.not_checkable)
    line = _covered_line(loc, summary(result, loc), *counts)
    if not cover.not_read:
        return line
    t = Messages(loc)
    parts = len(cover.not_read)
    lines = cover.not_read_lines
    return t(
        N_("{line}; {n} part not read ({lines})")
        if parts == 1
        else N_("{line}; {n} parts not read ({lines})"),
        line=line,
        n=parts,
        lines=t(N_("{n} line") if lines == 1 else N_("{n} lines"), n=lines),
    )


def not_read_lines(coverage: Coverage | PlainCoverage, locale: str) -> list[str]:
    r"""Each part of the source a reader could not read, one line each: what, where, why.

    Its figures were read but take part in no relation, so nothing checked them; the
    reason is the reader's own words (English).

    >>> import perfcheck
    >>> rows = ["单位:万元 | ||", "项目 | 预算数 | 决算数 | |", "甲 | 1.00 | 2.00 | |", "乙 | 3.00 |"]
    >>> result = perfcheck.check("\n".join([*rows, "合计 | 5.00 | 2.00 | |"]))
    >>> print(covered(result).split("; ")[-1])
    1 part not read (1 line)
    >>> print("\n".join(not_read_lines(result.coverage, "en")))
    not read: row, line 4 (1 figure): 2 cells under the table's 3 columns, its blank cells dropped: not placed
    """
    t = Messages(locale)
    out = []
    for part in coverage.not_read:
        last = part.last or part.line
        where = (
            t(N_("line {n}"), n=part.line)
            if last == part.line
            else t(N_("lines {first}-{last}"), first=part.line, last=last)
        )
        n = len(part.figures)
        read = t(N_("{n} figure") if n == 1 else N_("{n} figures"), n=n)
        kind = t.word(N_("table")) if part.kind == "table" else t.word(N_("row"))
        out.append(
            t(
                N_("not read: {kind}, {where} ({read}): {why}"),
                kind=kind,
                where=where,
                read=read,
                why=part.why,
            )
        )
    return out


def clean_line(locale: str, relations: int, figures: int, used: int, inferred: int) -> str:
    """The line :func:`covered` writes for a result with no findings, from its counts alone.

    A batch writes a clean report's line from what the screen counted, without a result
    (both lines are worded once per distinct counts).

    >>> import perfcheck
    >>> result = perfcheck.check("examples/seed-ziyang-fulian-2021.json")
    >>> clean_line("en", 27, 63, 50, 0) == covered(result)
    True
    """
    return _covered_line(locale, _summary_line(locale, 0, 0, 0, relations), used, figures, inferred, 0)


@lru_cache(maxsize=1024)
def _covered_line(  # noqa: PLR0913, PLR0917 - the counts of one line, a cache's key
    locale: str, line: str, used: int, figures: int, inferred: int, not_checkable: int
) -> str:
    t = Messages(locale)
    text = t(
        N_("{summary}; {used} of {figures} figures in a relation, {inferred} relations inferred"),
        summary=line,
        used=used,
        figures=figures,
        inferred=inferred,
    )
    if not not_checkable:
        return text
    return t(N_("{line}, {n} not checkable"), line=text, n=not_checkable)


def heading(result: Reported, locale: str | None = None) -> str:
    """The result's title and summary line: ``资阳区妇联2021年整体绩效自评报告: 0 errors, ...``."""
    line = summary(result, locale)
    return f"{result.title}: {line}" if result.title else line


def interval_text(bounds: tuple[Decimal, Decimal] | None, places: int | None = None) -> str:
    """An allowed interval in a table cell, numbers as plain decimals: ``[83.015, 83.045]``.

    With ``places``, a bound with more decimals is rounded outward to that many (the
    lower down, the upper up), so the interval shown holds the interval meant.

    Plain decimals have no thousands separator, so the comma between the bounds is
    the only one (``[1967.0, 1971.0]``).

    An infinite bound is open: ``[15.045, ∞)``.

    >>> interval_text((Decimal("1967.0"), Decimal("1971.0")))
    '[1967.0, 1971.0]'
    >>> interval_text((Decimal("-Infinity"), Decimal("45.190")))
    '(-∞, 45.190]'
    >>> interval_text((Decimal("97.76185276"), Decimal("97.80481666")), 3)
    '[97.761, 97.805]'
    """
    if bounds is None:
        return ""
    lo, hi = shown_interval(bounds, places)
    opening = "(" if lo.is_infinite() else "["
    closing = ")" if hi.is_infinite() else "]"
    return f"{opening}{fmt(lo)}, {fmt(hi)}{closing}"


def shown_interval(bounds: tuple[Decimal, Decimal], places: int | None) -> tuple[Decimal, Decimal]:
    """``bounds`` with at most ``places`` decimals, rounded outward so they hold the interval meant.

    >>> shown_interval((Decimal("15.93315866"), Decimal("15.94315901")), 3)
    (Decimal('15.933'), Decimal('15.944'))
    """
    lo, hi = bounds
    if places is None:
        return lo, hi
    return trimmed(lo, places, ROUND_FLOOR), trimmed(hi, places, ROUND_CEILING)


def shown_numbers(
    actual: Decimal | None,
    expected: Decimal | None,
    allowed: tuple[Decimal, Decimal] | None,
    difference: Decimal | None,
) -> tuple[str, str, str, str]:
    """A check's stated and computed numbers, allowed interval and difference, as table cells.

    Shown to the stated figure's precision and enough more digits to see the gap
    (:func:`~perfcheck._engine.context.shown_places`); the data keeps them exactly.

    >>> shown_numbers(Decimal("97.87"), Decimal("97.78333333"),
    ...               (Decimal("97.76185276"), Decimal("97.80481666")), Decimal("0.08666667"))
    ('97.87', '97.783', '[97.761, 97.805]', '0.087')
    """
    places = shown_places(actual, allowed)

    def number(value: Decimal | None) -> str:
        if value is None:
            return ""
        return fmt(value if places is None else trimmed(value, places))

    return number(actual), number(expected), interval_text(allowed, places), number(difference)


@dataclass(frozen=True, slots=True)
class Checked:
    """One document checked, as the command line renders it.

    Attributes:
        name: how the document is named: its path, ``path:line`` for a document of a
            JSON Lines file, ``<stdin>``.
        path: the file it was read from (``-`` for standard input).
        line: the line of the file the document starts on (JSON Lines, YAML streams).
        result: what checking it found.
        acknowledged: for each finding, the acknowledgement that makes it stand, or
            None; the whole is None when no baseline is in use.
        stale: acknowledgements that could have matched a finding of this document
            but matched none.
    """

    name: str
    path: str
    line: int | None
    result: Reported
    acknowledged: tuple[Acknowledgement | None, ...] | None = None
    stale: tuple[Acknowledgement, ...] = ()

    def pairs(self) -> list[tuple[Finding | PlainFinding, Acknowledgement | None]]:
        """Each finding with its acknowledgement (None when it has none)."""
        acks = self.acknowledged or (None,) * len(self.result.findings)
        return list(zip(self.result.findings, acks, strict=True))

    @property
    def failing(self) -> list[Finding | PlainFinding]:
        """The errors that are not acknowledged: what fails a run."""
        return [f for f, a in self.pairs() if f.severity is Severity.ERROR and a is None]
