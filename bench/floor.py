"""The floor: the same checks with the same tolerances, by hand, in plain Python.

orjson parses; every value becomes an integer in units of 0.5e-4 of the document
unit (or of a percent), with its half-ulp in the same units, so the XBRL interval
test is exact integer arithmetic:

* sum / balance: broken when |total - sum(parts)| > sum of half-ulps of every figure
  (the tolerance is only computed when the exact difference is non-zero);
* share: part/whole*100 ranges over [p_lo/w_hi, p_hi/w_lo]*100, and the stated
  share over [s_lo, s_hi]; broken when the two do not meet (a whole that can be 0
  is not checkable, never broken).

Only what W1 and W2 use is supported: values with up to four decimals, an optional
``decimals``, a trailing ``%``, every amount in the document's unit, and a share
whose whole does not contain its part.
"""

from __future__ import annotations

from typing import Any

import orjson

SCALE = 4  # decimals kept
_HW = [10 ** (SCALE - d) for d in range(SCALE + 1)]
_MUL = [2 * 10 ** (SCALE - d) for d in range(SCALE + 1)]


def _figures(figures: list[dict[str, Any]]) -> tuple[dict[str, int], dict[str, int]]:
    values: dict[str, int] = {}
    halfs: dict[str, int] = {}
    for f in figures:
        s = f["value"]
        if s[-1] == "%":
            s = s[:-1]
        dot = s.find(".")
        if dot < 0:
            d = 0
            n = int(s)
        else:
            d = len(s) - dot - 1
            n = int(s[:dot] + s[dot + 1 :])
        fid = f["id"]
        values[fid] = n * _MUL[d]
        dec = f.get("decimals")
        halfs[fid] = _HW[d if dec is None else dec]
    return values, halfs


def check_data(doc: dict[str, Any]) -> set[str]:  # noqa: C901
    """Ids of the broken relations of one parsed document."""
    values, halfs = _figures(doc["figures"])
    broken: set[str] = set()
    for r in doc.get("relations", ()):
        kind = r["kind"]
        if kind == "sum":
            total = r["total"]
            parts = r["parts"]
            diff = values[total]
            for p in parts:
                diff -= values[p]
            if diff:
                tol = halfs[total]
                for p in parts:
                    tol += halfs[p]
                if abs(diff) > tol:
                    broken.add(r["id"])
        elif kind == "balance":
            ins = r["inflows"]
            outs = r["outflows"]
            diff = sum(values[x] for x in ins) - sum(values[x] for x in outs)
            if diff and abs(diff) > sum(halfs[x] for x in ins) + sum(halfs[x] for x in outs):
                broken.add(r["id"])
        elif kind == "share":
            part = r["part"]
            whole = r["whole"]
            wholes = [whole] if isinstance(whole, str) else whole
            w = sum(values[x] for x in wholes)
            hw = sum(halfs[x] for x in wholes)
            p, hp = values[part], halfs[part]
            s, hs = values[r["stated"]], halfs[r["stated"]]
            w_lo, w_hi = w - hw, w + hw
            if w_lo <= 0:
                continue  # not checkable
            # stated/2e4 percent vs 100 * part/whole: scale both sides by 2e4 * whole
            if (s - hs) * w_lo > 2_000_000 * (p + hp) or (s + hs) * w_hi < 2_000_000 * (p - hp):
                broken.add(r["id"])
        else:
            msg = f"the floor does not support {kind} relations"
            raise NotImplementedError(msg)
    return broken


def w1(data: bytes) -> set[str]:
    """Findings of one W1 document."""
    return check_data(orjson.loads(data))


def w1_parsed(data: bytes) -> object:
    """The floor's parsed document, for the memory baseline."""
    return orjson.loads(data)


def w2(data: bytes) -> set[tuple[int, str]]:
    """Findings of a W2 JSON Lines file: (line index, relation id)."""
    out: set[tuple[int, str]] = set()
    for k, line in enumerate(data.splitlines()):
        if line:
            out.update((k, rid) for rid in check_data(orjson.loads(line)))
    return out
