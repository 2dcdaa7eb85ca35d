r"""Split a report's text into sentences, keeping offsets and the section each stands under.

Sections are numbered the way Chinese public reports number them: ``一、`` at the
start of a line opens a chapter, ``（一）`` a section, ``1.`` (or ``1、``) an item and
``（1）`` a sub-item. A sentence's section is written as the hand transcriptions write
it: ``一（四）2`` for item 2 of section (四) of chapter 一.

>>> text = "一、概况\n（四）收支\n1.2021年基本支出82.67万元：其中工资63.41万元。"
>>> [(s.section, s.line, text[s.start:s.end]) for s in split(text)][-1]
('一（四）1', 3, '2021年基本支出82.67万元：其中工资63.41万元。')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

_CN_ORDINAL: Final = "一二三四五六七八九十"
_CHAPTER: Final = re.compile(rf"[{_CN_ORDINAL}]+、")
_SECTION: Final = re.compile(rf"[（(]([{_CN_ORDINAL}]+)[）)]")
# "1.2021年..." is item 1 followed by a year, never the number 1.2021.
_ITEM: Final = re.compile(r"([0-9]{1,2})[.．、]\s*(?=[^0-9]|[0-9]{4}年)")
_SUBITEM: Final = re.compile(r"[（(]([0-9]{1,2})[）)]")
_ENDS: Final = frozenset("。；;！!？?")
#: A line that stops where its sentence cannot: after 其中, a comma or an enumeration mark
#: (a line ending in a colon opens rows or items below it, each a sentence of its own).
_CONTINUED: Final = re.compile(r"(?:其中|[，,、])\s*$")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the text.

    Attributes:
        index: its position among all sentences.
        start: offset of its first character (after any item number).
        end: offset just past its last character (its final mark included).
        line: 1-based line number.
        section: the section heading it stands under, e.g. ``一（四）2``; None before the first.
        period: sentences split at ；within one 。-terminated stretch share it: the
            items of a list run across ；.
    """

    index: int
    start: int
    end: int
    line: int
    section: str | None
    period: int


def _section(chapter: str, section: str, item: str, sub: str) -> str | None:
    text = chapter + (f"（{section}）" if section else "") + item + (f"（{sub}）" if sub else "")
    return text or None


#: The shortest line a page wraps mid-sentence (text taken from a PDF): a shorter line
#: with no closing mark is a heading or a row, a sentence of its own.
_WRAP_WIDTH: Final = 20
#: What a wrapped line may end with: a character of running text.
_RUNNING: Final = re.compile(r"[\u4e00-\u9fff0-9A-Za-z%％)）”]$")


def wrapped(line: str, following: str) -> bool:
    """Whether ``line`` is wrapped mid-sentence into ``following`` (a PDF's text).

    It is long, ends in running text (no closing mark, no colon), and the next line
    goes on with the sentence: it opens no chapter, section or item.

    >>> wrapped("2023年度总支出125.08万元，其中本年支出116.12万元，较上年增", "加19.68万元。")
    True
    >>> wrapped("（二）支出决算情况", "2023年度总支出125.08万元。")
    False
    """
    body, after = line.strip(), following.strip()
    if len(body) < _WRAP_WIDTH or not after or not _RUNNING.search(body):
        return False
    return not any(rx.match(after) for rx in (_CHAPTER, _SECTION, _SUBITEM, _ITEM))


def _ends_period(text: str, i: int, end_of_line: int, line: str, following: str) -> bool:
    """Whether the sentence ending at ``i`` ends its period: not at ；, nor at a line broken mid-sentence.

    Nor inside brackets that close later on the line: ``用车费500万元（购置费100万元；运行费400万元。）
    比上年…`` is one period, the brackets' breakdown and the figure before them together.

    >>> _ends_period("A（B。）C", 3, 6, "A（B。）C", ""), _ends_period("A（B）。C", 4, 6, "A（B）。C", "")
    (False, True)
    """
    if i == end_of_line:
        return not (_CONTINUED.search(line) or wrapped(line, following))
    if _inside_brackets(text, i, end_of_line):
        return False
    return text[i] not in "；;"


def _inside_brackets(text: str, i: int, end_of_line: int) -> bool:
    """Whether ``i`` stands inside brackets opened before it on its line and closed after it on it."""
    line_start = text.rfind("\n", 0, i) + 1
    depth = 0
    for c in text[line_start:i]:
        depth += c in "（("
        depth -= c in "）)" and depth > 0
    if depth == 0:
        return False
    for c in text[i + 1 : end_of_line]:
        depth -= c in "）)"
        depth += c in "（("
        if depth == 0:
            return True
    return False


def split(text: str) -> list[Sentence]:
    """The sentences of ``text``, in order, with their offsets, lines and sections.

    A sentence ends at 。；！？ (full or half width) or at the end of its line;
    blank stretches are skipped. An item number at the start of a line (``1.``) is
    not part of the sentence, so it is never read as a number.
    """
    sentences: list[Sentence] = []
    chapter = section = item = sub = ""
    offset = 0
    period = 0
    lines = text.split("\n")
    for number, raw in enumerate(lines, start=1):
        line_start = offset
        offset += len(raw) + 1
        body = raw.rstrip("\r")
        stripped = body.lstrip()
        pos = line_start + len(body) - len(stripped)
        if match := _CHAPTER.match(stripped):
            chapter, section, item, sub = stripped[: match.end() - 1], "", "", ""
        elif match := _SECTION.match(stripped):
            section, item, sub = match.group(1), "", ""
        elif match := _SUBITEM.match(stripped):
            sub = match.group(1)
        elif match := _ITEM.match(stripped):
            item, sub = match.group(1), ""
            pos += match.end()
        where = _section(chapter, section, item, sub)
        start = pos
        end_of_line = line_start + len(body)
        for i in range(pos, end_of_line + 1):
            if i == end_of_line or text[i] in _ENDS:
                stop = i if i == end_of_line else i + 1
                if text[start:stop].strip():
                    sentences.append(Sentence(len(sentences), start, stop, number, where, period))
                    # a line broken mid-sentence (text taken from a PDF): the period goes on
                    following = lines[number] if number < len(lines) else ""
                    period += _ends_period(text, i, end_of_line, body, following)
                start = stop
    return sentences
