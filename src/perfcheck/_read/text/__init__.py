"""Extraction of a ledger document from the plain text of a report (private; see :mod:`perfcheck.extract`).

The work is split in four steps, one module each:

- :mod:`.sentences` splits the text into lines and sentences, keeping character
  offsets and the section heading each sentence stands under (``一（四）2``);
- :mod:`.numbers` finds the numeric mentions of a sentence: the number's exact
  offsets, its unit, scale and qualifier words, in Arabic digits or small Chinese
  numerals;
- :mod:`.patterns` holds the report vocabulary: concept words (总收入, 上年结转, ...)
  and the phrase patterns of lists, shares, ratios and changes;
- :mod:`.build` labels the mentions with the report's own words, runs one
  recogniser per kind of relation over them and writes the document. The
  recognisers share the builder's state (:mod:`.base`) and each lives in its own
  module: :mod:`.sums` (``其中`` lists, numbered items, table rows), :mod:`.balances`
  (the fund-flow balance), :mod:`.shares` (shares and rates), :mod:`.changes`
  (changes and the changes of a sum's parts), :mod:`.comparisons` (products and
  comparisons), :mod:`.equalities` (one quantity printed twice) and :mod:`.counts`
  (an enumeration's count, a score's scale).
"""
