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


def check_data(  # noqa: C901
    doc: dict[str, Any], figures: tuple[dict[str, int], dict[str, int]] | None = None
) -> set[str]:
    """Ids of the broken relations of one parsed document (its figures read by ``_figures`` unless given)."""
    values, halfs = _figures(doc["figures"]) if figures is None else figures
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


def _mix_figures(figures: list[dict[str, Any]], unit: str) -> tuple[dict[str, int], dict[str, int]]:
    """The realistic mix's figures: values with their unit, JSON numbers, exact head-counts.

    ``约`` before a number whose last digit is not 0 stands for what the number alone does
    (rounded at that digit); ``约120人次`` is in no relation of the mix and is skipped.
    """
    values: dict[str, int] = {}
    halfs: dict[str, int] = {}
    for f in figures:
        s = f["value"]
        fid = f["id"]
        if type(s) is int:  # a JSON number: a head-count, exact
            values[fid] = s * _MUL[0]
            halfs[fid] = 0
            continue
        if s[0] == "约":  # about: rounded at its last non-zero digit
            s = s[1:]
            if not s[-1].isdigit():
                continue  # 约120人次: in no relation of the mix
            if s[-1] == "0":
                msg = f"the floor reads 约 only before a number ending in a non-zero digit: {s!r}"
                raise NotImplementedError(msg)
        s = s.removesuffix(unit).removesuffix("%")
        dot = s.find(".")
        if dot < 0:
            d, n = 0, int(s)
        else:
            d, n = len(s) - dot - 1, int(s[:dot] + s[dot + 1 :])
        values[fid] = n * _MUL[d]
        halfs[fid] = 0 if d == 0 and f.get("unit") == "人" else _HW[d]
    return values, halfs


def mix(data: bytes) -> set[str]:
    """Findings of one realistic-mix document: sums, balances and shares as W1's, and changes."""
    doc = orjson.loads(data)
    values, halfs = _mix_figures(doc["figures"], doc["unit"])
    changes = [r for r in doc["relations"] if r["kind"] == "change"]
    doc["relations"] = [r for r in doc["relations"] if r["kind"] != "change"]
    broken = check_data(doc, (values, halfs))
    for r in changes:  # current = prior + delta (an increase), within the three figures' rounding
        cur, prior, delta = r["current"], r["prior"], r["delta"]
        diff = values[cur] - values[prior] - values[delta]
        if abs(diff) > halfs[cur] + halfs[prior] + halfs[delta]:
            broken.add(r["id"])
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


def w2_folder(folder: str) -> set[tuple[int, str]]:
    """Findings of a W2F folder: (file index in name order, relation id)."""
    import os  # noqa: PLC0415 - only the folder needs it

    out: set[tuple[int, str]] = set()
    for k, name in enumerate(sorted(n for n in os.listdir(folder) if n.endswith(".json"))):  # noqa: PTH208
        with open(os.path.join(folder, name), "rb") as f:  # noqa: PTH118, PTH123 - as plain as a floor can be
            out.update((k, rid) for rid in check_data(orjson.loads(f.read())))
    return out


def main() -> None:
    """``python bench/floor.py W1|MIX|W2|W2F PATH``: the floor as a process, as bench/run.py --cli runs it.

    The collector is paused while it checks, as perfcheck pauses it while it screens.
    Prints the broken relations as a JSON list (W2, W2F: ``"line:id"``, ``"file:id"``).
    """
    import gc  # noqa: PLC0415 - only the process needs it
    import sys  # noqa: PLC0415

    workload, path = sys.argv[1], sys.argv[2]
    gc.disable()
    if workload == "W2F":
        found = sorted(f"{k}:{rid}" for k, rid in w2_folder(path))
        gc.enable()
        sys.stdout.write(orjson.dumps(found).decode() + "\n")
        return
    with open(path, "rb") as f:  # noqa: PTH123 - as plain as a floor can be
        data = f.read()
    if workload == "W2":
        found = sorted(f"{k}:{rid}" for k, rid in w2(data))
    else:
        found = sorted(mix(data) if workload == "MIX" else w1(data))
    gc.enable()
    sys.stdout.write(orjson.dumps(found).decode() + "\n")


if __name__ == "__main__":
    main()
