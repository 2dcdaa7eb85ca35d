"""What an extraction read, in words: ``63 figures, 27 relations, 1 sentence with figures in no relation``."""

from __future__ import annotations

from perfcheck._core.i18n import N_, Messages, check_locale_name
from perfcheck._read.text.extract import Summary


def extraction_summary(summary: Summary, locale: str = "en") -> str:
    """One line counting what an extraction read, each count with its noun agreeing, in ``locale``.

    >>> extraction_summary(Summary(figures=1, relations=0, unplaced=1))
    '1 figure, 0 relations, 1 sentence with figures in no relation'
    >>> extraction_summary(Summary(figures=63, relations=27, unplaced=10), "zh_CN")
    '数字 63 个，关系 27 个，含未入任何关系之数字的句子 10 句'
    >>> extraction_summary(Summary(figures=2, relations=0, unplaced=1, unreadable=1))
    '2 figures, 0 relations, 1 sentence with figures in no relation, 1 unreadable number'
    >>> extraction_summary(Summary(figures=9, relations=0, unplaced=0, tables_unread=2), "zh_CN")
    '数字 9 个，关系 0 个，含未入任何关系之数字的句子 0 句，未能读取的表格 2 个'
    """
    t = Messages(check_locale_name(locale))

    def count(n: int, one: str, many: str) -> str:
        return t(one if n == 1 else many, n=n)

    line = t(
        N_("{figures}, {relations}, {unplaced}"),
        figures=count(summary.figures, N_("{n} figure"), N_("{n} figures")),
        relations=count(summary.relations, N_("{n} relation"), N_("{n} relations")),
        unplaced=count(
            summary.unplaced,
            N_("{n} sentence with figures in no relation"),
            N_("{n} sentences with figures in no relation"),
        ),
    )
    if summary.unreadable:
        line = t(
            N_("{line}, {unreadable}"),
            line=line,
            unreadable=count(summary.unreadable, N_("{n} unreadable number"), N_("{n} unreadable numbers")),
        )
    if summary.tables_unread:
        line = t(
            N_("{line}, {unreadable}"),
            line=line,
            unreadable=count(summary.tables_unread, N_("{n} table not read"), N_("{n} tables not read")),
        )
    return line
