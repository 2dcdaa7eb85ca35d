"""Why a check fails, as the pytest plugin and ``assert_consistent`` say it.

A reconciliation of the broken relations, then every error and where its figures
were printed.
"""

from __future__ import annotations

from tabulate import tabulate

from perfcheck._findings.finding import Location
from perfcheck._findings.result import Result
from perfcheck.render.reconciliation import RECONCILIATION_HEADERS, cells, failed_checks


def printed_at(location: Location) -> str:
    """Where one figure was printed, in words.

    >>> from perfcheck import Location, Source
    >>> printed_at(Location(figure="spending", label="总支出", value="134.56",
    ...                     source=Source(section="一（四）", line=58, text="总支出134.56万元")))
    'spending (总支出) printed as 134.56 in 一（四）, line 58: “总支出134.56万元”'
    """
    named = f"{location.figure} ({location.label})" if location.label else location.figure
    out = f"{named} printed as {location.value}"
    source = location.source
    if source is not None:
        if source.section:
            out += f" in {source.section}"
        if source.line:
            out += f", line {source.line}" if source.section else f" on line {source.line}"
        if source.text:
            out += f": “{source.text}”"
    return out


def failure_message(result: Result, source: str | None = None) -> str:
    """Why a result fails: a reconciliation table of the broken relations, then every error.

    The table has the relation, the rule, the stated and the computed number, the interval the
    stated number had to lie in, the difference and the unit; after it, each error's message
    and where its figures were printed. ``source`` names the document (e.g. its path).

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
    """
    errors = result.errors
    named = source or result.title or "the document"
    if source and result.title:
        named = f"{source} ({result.title})"
    noun = "error" if len(errors) == 1 else "errors"
    lines = [f"perfcheck found {len(errors)} {noun} in {named}"]
    failed = failed_checks(result)
    if failed:
        data = [cells(c) for c in failed]
        lines += ["", tabulate(data, headers=RECONCILIATION_HEADERS, disable_numparse=True)]
    for f in errors:
        lines.append("")
        lines.append(f"{f.code} {f.relation}: {f.message}" if f.relation else f"{f.code}: {f.message}")
        lines += [f"  {printed_at(loc)}" for loc in f.locations]
    return "\n".join(lines)
