"""Deterministic workloads for bench/run.py, written once to bench/.data/.

W1: one ledger of N line items in a three-level tree: root <- categories <- groups <- items
    (10 items per group, 100 groups per category). Every parent has one ``sum`` relation
    over its children. Amounts are two-decimal strings in 万元. About 2 % of the parent
    totals are off beyond tolerance (broken) and about 5 % are off by a residue that
    rounding explains (holding).
W2: reports in JSON Lines, each shaped like the seed (examples/seed-ziyang-fulian-2021.json):
    a fund-flow balance, spending = basic + project, basic = wages + public goods,
    project = 16 items, and a stated share of project spending in total spending.
    About 3 % of reports carry one mistake beyond tolerance, about 10 % a rounding residue.
W2F: the same reports as a folder, one ``.json`` file each.

    python bench/workloads.py            # writes the full set
"""

from __future__ import annotations

import random
from pathlib import Path

import orjson

DATA = Path(__file__).parent / ".data"
ITEMS_PER_GROUP = 10
GROUPS_PER_CATEGORY = 100


def cents(n: int) -> str:
    """Integer cents as a two-decimal string."""
    return f"{n // 100}.{n % 100:02d}"


def _perturb(rng: random.Random, total: int, n_parts: int) -> int:
    """A printed total: mostly exact, sometimes off within, sometimes beyond tolerance."""
    x = rng.random()
    tol = (n_parts + 1) // 2  # whole cents that the half-ulps of n_parts + 1 figures explain
    if x < 0.02:
        return total + rng.choice((-1, 1)) * (tol + 1 + rng.randrange(1000))
    if x < 0.07 and tol > 0:
        return max(0, total + rng.choice((-1, 1)) * rng.randint(1, tol))
    return total


def w1_document(n: int, seed: int = 1) -> bytes:
    """The W1 ledger with ``n`` line items (a multiple of 10)."""
    rng = random.Random(seed)
    figures: list[dict[str, str]] = []
    relations: list[dict[str, object]] = []
    n_groups = max(1, n // ITEMS_PER_GROUP)
    cat_ids: list[str] = []
    cat_values: list[int] = []
    for c in range(0, n_groups, GROUPS_PER_CATEGORY):
        gids: list[str] = []
        gvals: list[int] = []
        for g in range(c, min(c + GROUPS_PER_CATEGORY, n_groups)):
            ids = [f"i{g}_{k}" for k in range(ITEMS_PER_GROUP)]
            vals = [rng.randrange(1, 10_000_000) for _ in ids]
            figures.extend(
                {"id": i, "value": cents(v), "concept": "line_item"} for i, v in zip(ids, vals, strict=True)
            )
            gid = f"g{g}"
            gval = _perturb(rng, sum(vals), len(ids))
            figures.append({"id": gid, "value": cents(gval)})
            relations.append({"id": f"s_{gid}", "kind": "sum", "total": gid, "parts": ids})
            gids.append(gid)
            gvals.append(gval)
        cid = f"c{c // GROUPS_PER_CATEGORY}"
        cval = _perturb(rng, sum(gvals), len(gids))
        figures.append({"id": cid, "value": cents(cval)})
        relations.append({"id": f"s_{cid}", "kind": "sum", "total": cid, "parts": gids})
        cat_ids.append(cid)
        cat_values.append(cval)
    root = _perturb(rng, sum(cat_values), len(cat_ids))
    figures.append({"id": "root", "value": cents(root)})
    relations.append({"id": "s_root", "kind": "sum", "total": "root", "parts": cat_ids})
    doc = {"perfcheck": "1", "title": f"W1 {n}", "unit": "万元", "figures": figures, "relations": relations}
    return orjson.dumps(doc)


def mix_document(n: int, seed: int = 3) -> bytes:
    """W1's tree with, per category, what real reports print beside sums (the realistic mix).

    Each category adds: a fund balance (inflows printed with their unit, ``"123.45万元"``),
    a stated share of the root, a change on the prior year, a staff head-count that is the
    sum of two JSON numbers (``"value": 70``), a figure with a qualifier (``约120人``)
    and a label with an escaped quote. About 2 % of each kind is off well beyond
    tolerance (broken), far from any rounding boundary.
    """
    base = orjson.loads(w1_document(n, seed=1))
    rng = random.Random(seed)
    figures: list[dict[str, object]] = base["figures"]
    relations: list[dict[str, object]] = base["relations"]
    values = {f["id"]: int(str(f["value"]).replace(".", "")) for f in figures}
    root = values["root"]
    categories = [r["total"] for r in relations if str(r["id"]).startswith("s_c")]

    def off() -> int:
        return rng.choice((-1, 1)) * rng.randint(1_000, 100_000) if rng.random() < 0.02 else 0

    for cid in categories:
        c = values[cid]
        out = rng.randrange(0, 100_000)
        in1 = rng.randrange(0, c + out)
        in2 = c + out - in1 + off()
        figures += [
            {"id": f"{cid}_in1", "value": cents(in1) + "万元", "label": f'{cid} "上年结转"'},
            {"id": f"{cid}_in2", "value": cents(in2) + "万元"},
            {"id": f"{cid}_out", "value": cents(out)},
        ]
        relations.append(
            {
                "id": f"b_{cid}",
                "kind": "balance",
                "inflows": [f"{cid}_in1", f"{cid}_in2"],
                "outflows": [cid, f"{cid}_out"],
            }
        )
        share = (c * 20_000 + root) // (2 * root) if root else 0  # hundredths of a percent, rounded
        share += off() // 100
        figures.append({"id": f"{cid}_pct", "value": cents(max(share, 0)) + "%"})
        relations.append(
            {"id": f"sh_{cid}", "kind": "share", "part": cid, "whole": "root", "stated": f"{cid}_pct"}
        )
        prior = rng.randrange(c // 2 + 1, c + 2)
        delta = c - prior + abs(off())
        figures += [
            {"id": f"{cid}_prior", "value": cents(prior)},
            {"id": f"{cid}_delta", "value": cents(delta)},
        ]
        relations.append(
            {
                "id": f"ch_{cid}",
                "kind": "change",
                "current": cid,
                "prior": f"{cid}_prior",
                "delta": f"{cid}_delta",
                "direction": "increase",
            }
        )
        staff = [rng.randrange(1, 200), rng.randrange(1, 200)]
        total = sum(staff) + (rng.choice((-5, 5)) if rng.random() < 0.02 else 0)
        figures += [
            {"id": f"{cid}_staff", "value": str(total), "unit": "人"},
            {"id": f"{cid}_staff_a", "value": staff[0], "unit": "人"},
            {"id": f"{cid}_staff_b", "value": staff[1], "unit": "人"},
            {"id": f"{cid}_visits", "value": f"约{rng.randrange(100, 999)}人次"},
        ]
        relations.append(
            {
                "id": f"st_{cid}",
                "kind": "sum",
                "total": f"{cid}_staff",
                "parts": [f"{cid}_staff_a", f"{cid}_staff_b"],
            }
        )
    base["title"] = f'MIX {n} "realistic"'
    return orjson.dumps(base)


def with_one_qualifier_and_unit(data: bytes) -> bytes:
    """W1 with one value printed ``约…`` and one with its unit (``…万元``), nothing else changed."""
    doc = orjson.loads(data)
    figures = doc["figures"]
    figures[0]["value"] = "约" + str(figures[0]["value"])
    figures[1]["value"] = str(figures[1]["value"]) + "万元"
    return orjson.dumps(doc)


PROJECT_ITEMS = 16


def w2_report(rng: random.Random, k: int) -> dict[str, object]:
    """One report shaped like the seed."""
    items = [rng.randrange(1, 100_000) for _ in range(PROJECT_ITEMS)]
    project = sum(items)
    wages = rng.randrange(100_000, 1_000_000)
    public = rng.randrange(10_000, 300_000)
    basic = wages + public
    spending = basic + project
    carry_in = rng.randrange(0, 50_000)
    carry_out = rng.randrange(0, 20_000)
    income = spending + carry_out - carry_in
    share = (project * 10_000 * 2 + spending) // (2 * spending)  # hundredths of a percent, rounded
    x = rng.random()
    if x < 0.03:  # one mistake beyond tolerance
        which = rng.randrange(5)
        if which == 0:
            income += rng.choice((-1, 1)) * rng.randint(3, 500)
        elif which == 1:
            spending += rng.choice((-1, 1)) * rng.randint(2, 500)
        elif which == 2:
            basic += rng.choice((-1, 1)) * rng.randint(2, 500)
        elif which == 3:
            project += rng.choice((-1, 1)) * rng.randint(9, 500)
        else:
            share += rng.choice((-1, 1)) * rng.randint(50, 500)
    elif x < 0.13:  # residues that rounding explains
        items[0] += rng.choice((-1, 1))
    names = [f"item{j}" for j in range(PROJECT_ITEMS)]
    figures = [
        {"id": "carryover_in", "concept": "carryover_in", "value": cents(carry_in)},
        {"id": "income", "concept": "income", "value": cents(income)},
        {"id": "spending", "concept": "spending", "value": cents(spending)},
        {"id": "carryover_out", "concept": "carryover_out", "value": cents(carry_out)},
        {"id": "basic", "concept": "basic_spending", "value": cents(basic)},
        {"id": "wages", "concept": "personnel_spending", "value": cents(wages)},
        {"id": "public_goods", "concept": "public_spending", "value": cents(public)},
        {"id": "project", "concept": "project_spending", "value": cents(project)},
        *({"id": nm, "concept": "line_item", "value": cents(v)} for nm, v in zip(names, items, strict=True)),
        {"id": "project_share", "concept": "share", "value": cents(share) + "%", "unit": "%"},
    ]
    relations = [
        {
            "id": "fund_balance",
            "kind": "balance",
            "inflows": ["carryover_in", "income"],
            "outflows": ["spending", "carryover_out"],
        },
        {"id": "spending_split", "kind": "sum", "total": "spending", "parts": ["basic", "project"]},
        {"id": "basic_split", "kind": "sum", "total": "basic", "parts": ["wages", "public_goods"]},
        {"id": "project_items", "kind": "sum", "total": "project", "parts": names},
        {
            "id": "project_share_ok",
            "kind": "share",
            "part": "project",
            "whole": "spending",
            "stated": "project_share",
        },
    ]
    return {
        "perfcheck": "1",
        "title": f"report {k}",
        "entity": f"unit {k}",
        "period": "2021",
        "unit": "万元",
        "figures": figures,
        "relations": relations,
    }


def w2_lines(n: int, seed: int = 2) -> bytes:
    """``n`` W2 reports as JSON Lines."""
    rng = random.Random(seed)
    return b"".join(orjson.dumps(w2_report(rng, k)) + b"\n" for k in range(n))


#: How each workload is written and named: W1, the realistic mix, W1 with one qualifier
#: and one unit in a value, W2 (JSON Lines).
_MAKERS = {
    "W1": (w1_document, "w1-{n}.json"),
    "MIX": (mix_document, "mix-{n}.json"),
    "W1Q": (lambda n: with_one_qualifier_and_unit(w1_document(n)), "w1q-{n}.json"),
    "W2": (w2_lines, "w2-{n}.jsonl"),
}


def _w2_folder(n: int) -> Path:
    """W2F: W2's reports as a folder of ``.json`` files, one report each, in W2's order by name."""
    p = DATA / f"w2f-{n}"
    if not p.exists():
        tmp = DATA / f"w2f-{n}.tmp"
        tmp.mkdir(exist_ok=True)
        for k, line in enumerate(path("W2", n).read_bytes().splitlines()):
            (tmp / f"r{k:06d}.json").write_bytes(line)
        tmp.replace(p)
    return p


def path(workload: str, n: int) -> Path:
    """The cached file (W2F: folder) of a workload, generated on first use."""
    DATA.mkdir(exist_ok=True)
    if workload == "W2F":
        return _w2_folder(n)
    make, name = _MAKERS[workload]
    p = DATA / name.format(n=n)
    if not p.exists():
        data = make(n)
        tmp = p.with_suffix(".tmp")
        tmp.write_bytes(data)
        tmp.replace(p)
    return p


if __name__ == "__main__":
    for n in (10_000, 100_000, 1_000_000):
        print(path("W1", n))
    for n in (10_000, 100_000):
        print(path("W2", n))
