r"""Read a ledger document from the plain text of a Chinese budget or performance report.

:func:`extract` finds every figure the text prints (amounts, percentages, counts,
with their units, qualifiers and exact character offsets) and the relations the
text states or implies between them (fund-flow balance, ``其中`` lists, shares,
ratios, changes, figures printed twice). It never evaluates anything: checking is
:func:`perfcheck.check`'s job.

>>> from perfcheck.extract import extract
>>> found = extract("（四）收支\n总支出134.56万元，其中基本支出82.67万元，项目支出51.89万元。")
>>> [(f.label, f.value) for f in found.ledger.figures]
[('总支出', '134.56'), ('基本支出', '82.67'), ('项目支出', '51.89')]
>>> found.ledger.relations[0].kind, found.summary
('sum', Summary(figures=3, relations=1, unplaced=0, inferred=0, unreadable=0, tables_unread=0))
>>> import perfcheck
>>> perfcheck.check(found.ledger).ok
True

``docs/extract.md`` describes what is recognised and how well it does on the test texts.
The reader itself lives in :mod:`perfcheck._read.text`.
"""

from perfcheck._read.text.extract import Extraction, Passage, Summary, UnreadTable, extract

__all__ = ["Extraction", "Passage", "Summary", "UnreadTable", "extract"]
