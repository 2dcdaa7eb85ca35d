"""What the text reader's recognisers share: figures and relations being built, and the builder's state.

Each recogniser (:mod:`.sums`, :mod:`.balances`, :mod:`.shares`, :mod:`.changes`,
:mod:`.comparisons`, :mod:`.equalities`, :mod:`.counts`) is a class over :class:`State`;
:mod:`.build` composes them into the builder.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from types import FrameType
from typing import Any, Final

from perfcheck._core.interval import Interval, quotient
from perfcheck._core.units import lookup_unit
from perfcheck._read.text import patterns
from perfcheck._read.text.numbers import Mention
from perfcheck._read.text.sentences import Sentence, split

_LABEL_STOP: Final = frozenset("，,。；;：:！!？?【】[]\n\r \u3000")


NOUN_STOP: Final = frozenset("，,。；;：:！!？?（()）、\n\r \u3000")


TITLE_YEAR: Final = re.compile(r"([0-9]{4})年")
#: Words opening a figure's label that make it last year's (上年支出, 去年同期), not a carryover.
LAST_YEAR: Final = re.compile(r"(?:上年度?|去年|上一年度?)(?!结转|结余|末|初|年末|年初)")
#: A year printed in a sentence, which the figures after it are of.
_YEAR: Final = re.compile(r"((?:19|20)[0-9]{2})年(?!\d)")


ENUMERATION_BEFORE: Final = re.compile(r"[“\"「]([^”\"」]{2,300})[”\"」]\s*$")


ENUMERATION_AFTER: Final = re.compile(r"^[^，。；：:]{0,12}?[：:（(][“\"「]?([^）)”\"」。；]{2,300})")


_MAX_NOUN: Final = 14


CLAUSE_STOP: Final = frozenset("，,。；;：:！!？?、的\n")


HEADING_UNIT: Final = re.compile(r"[（(]\s*单位\s*[：:]\s*(万元|千元|亿元|元)\s*[）)]")


#: A table-like row: ``年度资金总额：年初预算数180.00，全年预算数245.60，…``, optionally opened by 其中：.
ROW: Final = re.compile(r"(其中[：:])?([^：:，,。；;0-9]{2,20})[：:]")


#: The scope a figure is of: a whole area (全市, 全县) or one level of government (市本级, 县本级, 本级).
SCOPE: Final = re.compile(r"全[省市县区州盟旗镇乡]|[省市县区州旗镇乡]?本级")

#: A sentence opened by a figure's label and 中 (基本支出中，...) lists that figure's parts.
OF_SUBJECT: Final = re.compile(r"([^，,。；;：:0-9]{2,20}?)中[，,：:]")


#: A year's level a figure is compared with (恢复到2019年水平, 高于2020年同期水平): no year of what follows.
_LEVEL: Final = re.compile(r"度?(?:的)?(?:同期)?水平")
#: What opens a sentence's reasons (主要原因是, 是由于, 主要是): a year after it is a reason's.
_REASON_WORDS: Final = re.compile(r"原因|由于|主要是")


@dataclass(eq=False)
class Fig:
    """A figure being built: a mention with its label, unit and place."""

    mention: Mention
    sentence: Sentence
    label: str
    label_start: int
    text_end: int
    unit: str | None
    kind: str
    concept: str | None = None
    id: str = ""
    decimals: int | None = None
    keep: bool = True
    #: the year the figure is of, when its paragraph prints one before it (not a compared one)
    period: str | None = None

    @property
    def is_percent(self) -> bool:
        """Whether the figure is a percentage."""
        return self.kind == "percent"


@dataclass(eq=False)
class Rel:
    """A relation being built, with the sentences it was read from."""

    data: dict[str, Any]
    sentences: list[Sentence]
    figures: list[Fig]


@dataclass
class Built:
    """What the builder made of a text.

    Attributes:
        document: the ledger document, as JSON-ready data (not yet validated).
        figures: the figures, in order.
        relations: the relations with the sentences they came from.
        sentences: every sentence of the text.
        by_sentence: the figures of each sentence, by its index.
        unreadable: the spans of misprinted numbers (``1,2,3.4.5万元``), read as no figure.
    """

    document: dict[str, Any]
    figures: list[Fig]
    relations: list[Rel]
    sentences: list[Sentence]
    by_sentence: dict[int, list[Fig]] = field(default_factory=dict)
    unreadable: list[tuple[int, int]] = field(default_factory=list)


def _strip_words(label: str, start: int, entity_forms: list[str], *, after_digit: bool) -> tuple[str, int]:
    changed = True
    if after_digit and label.startswith(("年度", "年")) and not label.startswith(("年末", "年初")):
        cut = 2 if label.startswith("年度") else 1
        label, start = label[cut:], start + cut
    while changed and label:
        changed = False
        for word in (*patterns.LEADING, *entity_forms):
            if label.startswith(word) and len(label) > len(word):
                # in 加上级转移支付收入 and 加上年结转 the word is 加, the name 上级… or 上年…
                cut = 1 if word == "加上" and label[1:].startswith(("上级", "上年")) else len(word)
                label, start, changed = label[cut:], start + cut, True
                break
    label, start = _unnumbered(label, start)
    if label[:1] in "（(" and not re.search(r"[）)]", label):
        label, start = label[1:], start + 1  # （人员经费210万元、…）: the bracket opens a breakdown
        if label.startswith("含") and len(label) > 2:
            label, start = label[1:], start + 1  # （含均衡性转移支付收入166万元、…）: 含 is no name
    changed = True
    while changed and label:
        changed = False
        for word in patterns.TRAILING:
            if label.endswith(word) and len(label) > len(word):
                label, changed = label[: -len(word)], True
                break
    return label, start


def read_label(
    text: str, mention: Mention, floor: int, entity_forms: list[str], joins: frozenset[int] = frozenset()
) -> tuple[str, int]:
    """The report's words naming a mention: the words before it back to a delimiter.

    ``joins`` are the offsets of line breaks inside a sentence (a PDF's wrapped lines):
    the words go on across them (``占政府`` ending a line and ``采购预算58.8%`` opening the
    next is named 占政府采购预算).
    """
    end = mention.phrase_start
    while end > floor and text[end - 1] in " \u3000":
        end -= 1
    begin = end
    while begin > floor and (
        (text[begin - 1] not in _LABEL_STOP and not text[begin - 1].isdigit()) or begin - 1 in joins
    ):
        begin -= 1
    if text[begin : begin + 1] in ")）" and _OPENED_ITEM.search(text, max(0, begin - 3), begin):
        begin += 1  # （1）地方收入404万元: the item's number printed inline is no part of the name
    # 2023 年政府采购预算 (a PDF's spacing): the 年 after a year is no part of the name
    before = begin
    while before > 0 and text[before - 1] in " \u3000":
        before -= 1
    after_digit = before > 0 and text[before - 1].isdigit()
    if joins and "\n" in text[begin:end]:
        words = text[begin:end].replace("\r", "").replace("\n", "")
        return _strip_words(words, begin, entity_forms, after_digit=after_digit)
    used_for = text.find("用于", begin, end)
    if used_for >= 0 and end - used_for > 3:  # 资金主要用于发放补贴48.60万元: the part is 发放补贴
        begin = used_for + 2
    label, start = _strip_words(text[begin:end], begin, entity_forms, after_digit=after_digit)
    if after_digit and _ROLE_ONLY.fullmatch(label):
        return _named_before_year(text, before, floor, entity_forms) + label, start
    return label, start


#: The opening of an item's number in running text, up to its closing bracket: （1.
_OPENED_ITEM: Final = re.compile(r"[（(][0-9]{1,2}$")
#: An item's number opening a label: （二）公务接待费支出.
_ENUMERATOR: Final = re.compile(r"[（(][一二三四五六七八九十0-9]{1,2}[)）]\s*(?=\S{2})")


def _unnumbered(label: str, start: int) -> tuple[str, int]:
    """A label without the item's number that opens it: （二）公务接待费支出 is 公务接待费支出."""
    enumerated = _ENUMERATOR.match(label)
    return (label, start) if enumerated is None else (label[enumerated.end() :], start + enumerated.end())


#: A label that is a role alone, after a year: 因公出国(境)费2013年决算数93.87万元.
_ROLE_ONLY: Final = re.compile(r"(?:财政拨款)?(?:年初|调整|全年)?(?:预算|决算|执行)数?")


def _named_before_year(text: str, year_end: int, floor: int, entity_forms: list[str]) -> str:
    """The name printed before the year that a role-alone label follows; empty when the year opens its clause.

    ``因公出国(境)费2013年决算数93.87万元`` is named 因公出国(境)费决算数, not 决算数 alone.
    """
    digits = year_end
    while digits > floor and text[digits - 1].isdigit():
        digits -= 1
    if year_end - digits != 4:
        return ""
    begin = digits
    while begin > floor and text[begin - 1] not in _LABEL_STOP and not text[begin - 1].isdigit():
        begin -= 1
    name, _ = _strip_words(text[begin:digits].strip(" \u3000"), begin, entity_forms, after_digit=False)
    return name if len(name) >= 2 else ""


def noun_after(text: str, pos: int, stop: int) -> str:
    end = pos
    while end < stop and end - pos < _MAX_NOUN and text[end] not in NOUN_STOP and not text[end].isdigit():
        end += 1
    return text[pos:end]


#: a line that names a report: a year, then a word of what it reports, in one short line
_TITLE_LINE: Final = re.compile(
    r"(?:19|20)[0-9]{2}年.{0,40}?"
    r"(?:预算|决算|決算|经费|經費|公开|公開|报告|報告|说明|說明|自评|自評|执行|執行)"
)
#: how far into the text a report's title is looked for, past a site's header lines
_TITLE_LINES: Final = 12
_TITLE_LENGTH: Final = 80


def find_title(text: str) -> str:
    """The report's title: its first line, unless a site's header stands before the title.

    A page copied from a website opens with the site's lines (``索引号: | cz-2019-00480 |``,
    ``首页 > 政务公开``, ``发布时间:2021-01-15``) and then the title
    (``某中学2018年度决算公开``). When the first line names no year, the first short line
    among the next few that reads as a report's title (a year, then 预算/决算/经费/公开/报告/
    说明/自评/执行) is the title; a line that is a sentence (it holds 。) never is.
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if not lines:
        return ""
    if TITLE_YEAR.search(lines[0]):
        return lines[0]
    for line in lines[1:_TITLE_LINES]:
        if len(line) <= _TITLE_LENGTH and "。" not in line and _TITLE_LINE.search(line):
            return line
    return lines[0]


def _entity_forms(title: str) -> list[str]:
    """The publisher's name from the title and its shorter forms (资阳区妇联, 区妇联, 妇联)."""
    match = TITLE_YEAR.search(title)
    entity = title[: match.start()] if match else ""
    return [entity[i:] for i in range(len(entity) - 1)] if len(entity) >= 2 else []


def factor(unit: str | None) -> Decimal:
    if unit is None:
        return Decimal(1)
    return lookup_unit(unit).factor


def _precision(fig: Fig, *, printed: bool = False) -> int:
    return fig.decimals if fig.decimals is not None and not printed else fig.mention.decimals


def _exact(fig: Fig) -> bool:
    """A count printed whole, or a bare 0 (结转下年0万元 is nothing: docs/semantics.md)."""
    bare = fig.mention.decimals == 0
    return bare and ((fig.kind == "count" and factor(fig.unit) == 1) or fig.mention.number == 0)


def _half_unit(fig: Fig, *, printed: bool) -> Decimal:
    """How far a figure's value may lie from its print, in its unit's base (0 for an exact count)."""
    if _exact(fig):
        return Decimal(0)
    return Decimal("0.5").scaleb(-_precision(fig, printed=printed)) * factor(fig.unit)


def _box(fig: Fig, *, printed: bool) -> Interval:
    """The values a figure's print stands for, in its unit's base, rounded to the decimals it has."""
    value, half = fig.mention.number * factor(fig.unit), _half_unit(fig, printed=printed)
    return Interval(value - half, value + half)


def rate_holds(numerator: Fig, denominator: Fig, rate: Fig, *, printed: bool = False) -> bool:
    """Whether a stated percentage can be the numerator over the denominator, within their rounding."""
    if any(f.mention.qualifier for f in (numerator, denominator, rate)):
        return True
    found = quotient(_box(numerator, printed=printed), _box(denominator, printed=printed))
    return found is None or found.scale(Decimal(100)).intersects(_box(rate, printed=printed))


def padded(fig: Fig) -> bool:
    """Whether a figure was given more decimals than it prints (``39万元`` beside ``168.53万元``)."""
    return fig.decimals is not None and fig.decimals > fig.mention.decimals and not _exact(fig)


def role_of(label: str) -> str | None:
    """A figure's role in the budget cycle by its label's words; a kind of budget (一般公共预算) is none.

    >>> role_of("一般公共预算收入"), role_of("年初预算数"), role_of("支出决算"), role_of("调整预算")
    (None, 'budget', 'final_account', 'adjusted_budget')
    """
    words = patterns.BUDGET_KINDS.sub("", label)
    return next((role for rx, role in patterns.ROLES if rx.search(words)), None)


def adds_up(total: Fig, parts: list[Fig], *, printed: bool = False) -> bool:
    """Whether the printed parts add up to the printed total within their rounding (no qualifiers).

    ``printed``: each figure rounded to the decimals it prints, not those the document gave it.
    """
    figs = [total, *parts]
    if any(f.mention.qualifier for f in figs):
        return False
    value = sum((f.mention.number * factor(f.unit) for f in parts), Decimal(0))
    slack = sum((_half_unit(f, printed=printed) for f in figs), Decimal(0))
    return abs(value - total.mention.number * factor(total.unit)) <= slack


def partition(labels: list[str]) -> bool:
    """Whether the labels are, one each, the words of a known complete partition."""
    for words in patterns.PARTITIONS:
        if len(words) != len(labels):
            continue
        hits = [next((w for w in words if re.search(w, label)), None) for label in labels]
        if None not in hits and len(set(hits)) == len(words):
            return True
    return False


def label_core(label: str) -> tuple[str, str | None]:
    """A label without its trailing 总计/合计/总额/数, and its 预算/决算 role taken off."""
    core = re.sub(r"(?:总计|合计|总额|总数)$", "", label)
    role = None
    if match := re.search(r"(预算|决算|执行)数?$", core):
        role = "budget" if match.group(1) == "预算" else "actual"
        core = core[: match.start()]
    return core, role


def prefix(a: str, b: str) -> int:
    """How many characters the two begin with in common."""
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def common(a: str, b: str) -> int:
    """The length of the longest run of characters printed in both."""
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b:
                best = j - i
            else:
                break
    return best


#: The key of a relation's data that names the mechanism that built it (:func:`built_by`); like every
#: key opening with ``_`` it stays out of the ledger document, :attr:`Extraction.built_by` holds it.
BY: Final = "_by"
_READER: Final = "perfcheck._read.text."
#: The functions that run the recognisers, where :func:`built_by` stops.
_DRIVERS: Final = frozenset({"build", "extract", "phrasings"})


def built_by() -> str:
    """The mechanism building a relation: the recogniser step and the helper that made it.

    A provenance tag for counting what each mechanism builds (``bench/reading.py
    --precision``); no judgment depends on it. The stack is walked out from the caller to
    the builder's ``build`` (or the text reader's ``extract``): the outermost recogniser
    method on the way is the step (``sums.lists``), the innermost one outside this module the
    helper that made the relation, named after a slash when it is another (``sums.lists/sum_of``).
    """
    names: list[str] = []
    frame: FrameType | None = sys._getframe(1)  # noqa: SLF001 - the callers' names are the tag
    while frame is not None:
        module = str(frame.f_globals.get("__name__", ""))
        if not module.startswith(_READER) or frame.f_code.co_name in _DRIVERS:
            break
        if frame.f_code.co_filename != __file__:  # add, ratio_of: the shared helpers name no mechanism
            names.append(f"{module.rsplit('.', 1)[-1]}.{frame.f_code.co_name}")
        frame = frame.f_back
    if not names:
        return "unknown"
    step, helper = names[-1], names[0].rsplit(".", 1)[-1]
    return step if step.endswith(f".{helper}") else f"{step}/{helper}"


def unique(sentences: list[Sentence]) -> list[Sentence]:
    seen: dict[int, Sentence] = {}
    for s in sentences:
        seen.setdefault(s.index, s)
    return sorted(seen.values(), key=lambda s: s.index)


class State:
    """The figures and relations found so far, and what recognisers share."""

    def __init__(self, text: str, unit: str | None, printed: str | None = None) -> None:
        self.text = text
        self.printed = text if printed is None else printed
        self.unit_override = unit
        self.sentences = split(text)
        self.title = find_title(text)
        self.entity_forms = _entity_forms(self.title)
        self.figs: list[Fig] = []
        self.by_sentence: dict[int, list[Fig]] = defaultdict(list)
        self.relations: list[Rel] = []
        self.doc_unit: str | None = None
        #: the report's own year (its title's, else its first sentence's)
        self.year: str | None = None
        self.list_sums: list[tuple[Fig, list[Fig], Rel]] = []
        #: where each list sum was read from (its sentence, its opener's span, in brackets, inferred,
        #: partial): what rebuilds it when a later reading says more of it (parallel_lists)
        self.list_reads: dict[Rel, tuple[Sentence, int, int, bool, bool, bool]] = {}
        #: a change's own prior for each figure that changed, when its name found the prior first
        self.compared_priors: dict[int, Fig] = {}
        #: where lists open whose total was found by another spelling of its name (inferred)
        self.spelled_openers: set[int] = set()
        self.unreadable: list[tuple[int, int]] = []
        #: where amounts printed with 万 (亿) alone were left unread in a text that never prints 万元
        self.unread_scales: list[int] = []
        self.row_periods: set[int] = set()
        self.scored: set[int] = set()
        #: offsets of line breaks inside a sentence (a PDF's wrapped lines)
        self.joins: frozenset[int] = frozenset()

    def first(self, concept: str) -> Fig | None:
        return next((f for f in self.figs if f.keep and f.concept == concept), None)

    def add(
        self,
        name: str,
        data: dict[str, Any],
        sentences: list[Sentence],
        figs: list[Fig],
        *,
        inferred: bool = False,
    ) -> None:
        """Record a relation; ``name`` is its id, or a prefix completed by its first figure's id.

        ``inferred``: the text does not state the relation in so many words (a total taken
        from an earlier sentence, a base found by its label, layout); a broken one is then
        shown to be checked by hand (rule PC903) rather than reported as an error.
        """
        if inferred:
            data = {**data, "basis": "inferred"}
        self.relations.append(Rel({"id": name, **data, BY: built_by()}, sentences, figs))

    def year_of(self, fig: Fig) -> str | None:
        """The year a figure is of: the last year printed before it in its paragraph (2022年收入总计…)."""
        line = self.text.rfind("\n", 0, fig.mention.start) + 1
        found = [m.group(1) for m in _YEAR.finditer(self.text, line, fig.mention.start)]
        return found[-1] if found else None

    def scope_of(self, fig: Fig) -> str | None:
        """The scope a figure is of: the last scope word printed before it in its line (全市, 市本级).

        ``全市一般公共预算收入77.6亿元。其中：税收收入65.7亿元`` and ``市本级…收入44.2亿元。其中：税收收入
        35.8亿元``: the two 税收收入 are of different scopes, so they are two quantities.
        """
        line = self.text.rfind("\n", 0, fig.mention.start) + 1
        found = [m.group() for m in SCOPE.finditer(self.text, line, fig.mention.start)]
        return found[-1].lstrip("省市县区州旗镇乡") if found else None

    def other_scopes(self, a: Fig, b: Fig) -> bool:
        """Whether two figures are of different scopes (全市 and 市本级), both printed."""
        scope_a, scope_b = self.scope_of(a), self.scope_of(b)
        return scope_a is not None and scope_b is not None and scope_a != scope_b

    def period_of(self, fig: Fig) -> str | None:
        """The year a figure is of, printed before it in its paragraph; None when none is printed.

        A year in a comparison (较2024年, 与2013年执行数相比, 比2014年) is not the year of what
        follows, unless the figure is the one compared with (较2024年的2,190万元); the amount
        of the change (较2018年增加收入167万元) is of neither. A figure whose own words open
        with 上年, 上年度, 去年 or 上一年 (上年支出合计, 去年同期) is of the year before the
        report's; 上年结转 and 上年结余 are not: they are this year's, carried over.
        """
        if self.year is not None and LAST_YEAR.match(fig.label):
            return str(int(self.year) - 1)  # 上年支出合计120万元: last year's, whatever year is printed
        line = self.text.rfind("\n", 0, fig.mention.start) + 1
        own: str | None = None
        for m in _YEAR.finditer(self.text, line, fig.mention.start):
            if _LEVEL.match(self.text, m.end()):
                continue  # 税收收入…基本恢复到2019年水平。加上…收入总量为X: a level compared with
            if self.in_past_reasons(m.start(), fig.mention.start):
                continue  # 主要原因是…下达2016年结算资金。其中：基本支出…: a year of a reason
            compared = patterns.COMPARED_YEAR.search(self.text, max(line, m.start() - 2), m.start())
            if compared is None:
                own = m.group(1)
                continue
            between = self.text[m.end() : fig.mention.phrase_start]
            if patterns.DIRECTION.search(between):
                continue  # 较2018年增加收入167万元: by how much it changed, of neither year alone
            if not any(ch in between for ch in "，,；;。：:") and not re.search(r"[0-9]", between):
                return m.group(1)  # 较2024年的2,190万元: the figure compared with
        return own

    def in_past_reasons(self, at: int, fig_start: int) -> bool:
        """Whether a year printed at ``at`` is in a sentence's reasons that ended before ``fig_start``.

        ``支出合计100万元，较上年减少5万元，主要原因是减少了2016年结算资金。其中：基本支出…``: the
        year names what a reason is about; the list after the sentence is of the total's year. A
        year with a figure after it in its sentence (``主要是…，2021年收入合计100万元。其中：…``) is
        that figure's, and its list's.
        """
        stop = max(self.text.rfind(c, 0, at) for c in "。\n") + 1
        reasons = _REASON_WORDS.search(self.text, stop, at)
        end = self.text.find("。", at, fig_start)
        if reasons is None or end < 0:
            return False
        return not any(at < f.mention.start < end for f in self.figs)

    def year_printed(self, fig: Fig, floor: int) -> str | None:
        """The year printed in a figure's own words (``2015年预算12.5万元``), back to the figure before."""
        start = max(
            [floor, *(f.mention.phrase_end for f in self.figs if f.mention.phrase_end <= fig.mention.start)]
        )
        found = _YEAR.findall(self.text, start, fig.mention.start)
        return str(found[-1]) if found else None

    def _unmatched(self, positions: range, inner: str, outer: str) -> int | None:
        """The first bracket of ``outer`` at ``positions`` that no bracket of ``inner`` before it matches."""
        depth = 0
        for i in positions:
            ch = self.text[i]
            if ch in inner:
                depth += 1
            elif ch in outer:
                if depth == 0:
                    return i
                depth -= 1
        return None

    def bracket_open(self, pos: int, floor: int) -> int | None:
        """Where the brackets open that stand around ``pos`` (back to ``floor``); None outside any."""
        return self._unmatched(range(pos - 1, floor - 1, -1), ")）", "(（")

    def bracket_close(self, pos: int, end: int) -> int | None:
        """Where the brackets that ``pos`` stands inside close, before ``end``; None if they do not."""
        return self._unmatched(range(pos, end), "(（", ")）")

    def opened_before(self, pos: int, end: int) -> int | None:
        """Where brackets open that hold ``pos`` and close before ``end``; None if there are none."""
        floor = max(self.text.rfind(c, 0, pos) for c in "。\n") + 1
        opened = self.bracket_open(pos, floor)
        if opened is None or self.bracket_close(opened + 1, end) is None:
            return None
        return opened

    def ratio_of(
        self,
        figs: list[Fig],
        label: str,
        sentences: list[Sentence],
        *,
        inferred: bool = False,
        concept: str | None = "completion_rate",
    ) -> None:
        """A ratio of ``figs`` (numerator, denominator, stated rate); the rate is of ``concept`` if given."""
        if concept is not None:
            figs[-1].concept = concept
        data = {"kind": "ratio", "numerator": "", "denominator": "", "stated": "", "label": label}
        self.add("ratio", data, unique(sentences), figs, inferred=inferred)

    def qualifies(self, fig: Fig) -> bool:
        """Whether a figure is followed by 的 (全年预算32,972万元的67.8%): it qualifies what follows."""
        return self.text[fig.mention.phrase_end : fig.mention.phrase_end + 1] == "的"

    def compared_with(self, fig: Fig) -> bool:
        """Whether a figure is what another is compared with: 较2024年的2,190万元减少…, 比上年的X增加…."""
        after = patterns.DIRECTION.match(self.text, fig.mention.phrase_end)
        clause = max(self.text.rfind(c, 0, fig.mention.start) for c in "，,；;。：:\n")
        return after is not None and bool(re.search(r"[较比]", self.text[clause + 1 : fig.mention.start]))

    def eligible(self, fig: Fig) -> bool:
        """Whether a figure can be the total or a part of a list (not a change, a share or a bare number)."""
        return fig.kind in {"amount", "count"} and (
            not patterns.CHANGE_LABEL.search(fig.label) or bool(patterns.CHANGED_TO.search(fig.label))
        )
