"""Why a check fails, as the pytest plugin and ``assert_consistent`` say it.

A reconciliation of the broken relations, then every error and where its figures
were printed.
"""

from __future__ import annotations

from tabulate import tabulate

from perfcheck._core.i18n import N_, Messages
from perfcheck._findings.finding import Location
from perfcheck._findings.result import Result
from perfcheck.render._common import locale_of
from perfcheck.render.reconciliation_table import cells, failed_checks, reconciliation_headers


def printed_at(location: Location, locale: str = "en") -> str:
    """Where one figure was printed, in words, in ``locale``.

    >>> from perfcheck import Location, Source
    >>> where = Location(figure="spending", label="总支出", value="134.56",
    ...                  source=Source(section="一（四）", line=58, text="总支出134.56万元"))
    >>> printed_at(where)
    'spending (总支出) printed as 134.56 in 一（四）, line 58: “总支出134.56万元”'
    >>> printed_at(where, "zh_CN")
    'spending（总支出）印为 134.56，见一（四） 第 58 行：“总支出134.56万元”'
    """
    t = Messages(locale)
    if location.label:
        named = t(N_("{figure} ({label})"), figure=location.figure, label=location.label)
    else:
        named = location.figure
    out = t(N_("{figure} printed as {value}"), figure=named, value=location.value)
    if location.document:
        out = t(N_("{printed} in {document}"), printed=out, document=location.document)
    source = location.source
    if source is not None:
        if source.section and source.line:
            out = t(
                N_("{printed} in {section}, line {line}"),
                printed=out,
                section=source.section,
                line=source.line,
            )
        elif source.section:
            out = t(N_("{printed} in {section}"), printed=out, section=source.section)
        elif source.line:
            out = t(N_("{printed} on line {line}"), printed=out, line=source.line)
        if source.text:
            out = t(N_("{printed}: “{text}”"), printed=out, text=source.text)
    return out


def failure_message(result: Result, source: str | None = None, *, locale: str | None = None) -> str:
    """Why a result fails: a reconciliation table of the broken relations, then every error.

    The table has the relation, the rule, the stated and the computed number, the interval the
    stated number had to lie in, the difference and the unit; after it, each error's message
    and where its figures were printed. ``source`` names the document (e.g. its path). It is
    written in ``locale`` (default: the one the result was checked in).

    >>> import perfcheck
    >>> ledger = perfcheck.loads('''{"perfcheck": "1", "unit": "万元",
    ...   "figures": [{"id": "total", "label": "合计", "value": "82.67"},
    ...               {"id": "a", "value": "63.41"}, {"id": "b", "value": "19.62"}],
    ...   "relations": [{"id": "split", "kind": "sum", "total": "total", "parts": ["a", "b"]}]}''')
    >>> print(failure_message(perfcheck.check(ledger)))
    perfcheck found 1 error in the document
    <BLANKLINE>
    relation    rule    stated    computed    allowed           difference    unit
    ----------  ------  --------  ----------  ----------------  ------------  ------
    split       PC102   82.67     83.03       [83.015, 83.045]  -0.36         万元
    <BLANKLINE>
    PC102 split: 合计 is printed as 82.67 万元, but a + b add up to 83.03 万元; ...
      total (合计) printed as 82.67
      a printed as 63.41
      b printed as 19.62
    >>> print(failure_message(perfcheck.check(ledger), locale="zh_CN").splitlines()[0])
    perfcheck 在该文件中发现 1 个错误
    """
    loc = locale_of(result, locale)
    t = Messages(loc)
    errors = result.errors
    named = source or result.title
    if source and result.title:
        named = f"{source} ({result.title})"
    n = len(errors)
    if named is None:
        first = t(
            N_("perfcheck found {n} error in the document")
            if n == 1
            else N_("perfcheck found {n} errors in the document"),
            n=n,
        )
    else:
        first = t(
            N_("perfcheck found {n} error in {named}")
            if n == 1
            else N_("perfcheck found {n} errors in {named}"),
            n=n,
            named=named,
        )
    lines = [first]
    failed = failed_checks(result)
    if failed:
        data = [cells(c) for c in failed]
        headers = reconciliation_headers(loc, status=False)
        lines += ["", tabulate(data, headers=headers, disable_numparse=True)]
    for f in errors:
        text = f.text(loc)
        lines.append("")
        lines.append(f"{f.code} {f.relation}: {text}" if f.relation else f"{f.code}: {text}")
        lines += [f"  {printed_at(where, loc)}" for where in f.locations]
    return "\n".join(lines)
