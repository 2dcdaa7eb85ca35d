"""Benchmarks: perfcheck end to end against a hand-written floor and the peers.

    python bench/run.py            # W1 at 10k, 100k and 1M line items, W2 at 100k reports, 5 rounds
    python bench/run.py --quick    # W1 at 10k and 100k, W2 at 5k reports, 3 rounds (< 2 minutes)
    python bench/run.py --cli --sizes 200000,1000000 --rounds 3   # the command as users run it

``--cli`` is bench/cli_bench.py (its docstring says what it measures).

Every implementation reads the file and returns its findings (the set of broken
relation ids; for W2, (line, relation id) pairs). In each round the implementations
run in a rotated order, and each one's findings must equal the floor's, or the run
stops. The table shows the median time of each and its ratio to the floor's median.
Peak memory (W1): each implementation runs once in a subprocess, and its peak RSS
above the RSS after imports is compared with that of the floor reading and parsing
the document (orjson.loads). Results go to bench/results.json; the last line printed
is one JSON object of the ratios.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

import cli_bench
import floor
import peers
import workloads

import perfcheck

HERE = Path(__file__).parent


def perfcheck_w1(data: bytes) -> set[str]:
    """Read, validate, check every rule, findings: ``check`` given the document's bytes."""
    return perfcheck.check(data).broken()


def perfcheck_w2(data: bytes) -> set[tuple[int, str]]:
    """One document per line: read, validate, check every rule, findings."""
    out: set[tuple[int, str]] = set()
    for k, line in enumerate(data.splitlines()):
        if line:
            out.update((k, rid) for rid in perfcheck.check(line).broken())
    return out


IMPLS: dict[str, dict[str, Callable[[bytes], Any]]] = {
    "W1": {
        "floor": floor.w1,
        "perfcheck": perfcheck_w1,
        "pandas": peers.pandas_w1,
        "pandera": peers.pandera_w1,
        "polars": peers.polars_w1,
    },
    "W2": {
        "floor": floor.w2,
        "perfcheck": perfcheck_w2,
        "pandas": peers.pandas_w2,
        "pandera": peers.pandera_w2,
        "polars": peers.polars_w2,
    },
}


def _run(workload: str, impl: str, path: Path) -> tuple[float, Any]:
    gc.collect()
    start = time.perf_counter()
    findings = IMPLS[workload][impl](path.read_bytes())
    return time.perf_counter() - start, findings


def measure(workload: str, n: int, rounds: int, impls: list[str]) -> dict[str, list[float]]:
    """Times of every implementation, rounds with rotated order, findings checked against the floor."""
    path = workloads.path(workload, n)
    _, expected = _run(workload, "floor", path)
    times: dict[str, list[float]] = {i: [] for i in impls}
    for r in range(rounds):
        order = impls[r % len(impls) :] + impls[: r % len(impls)]
        for impl in order:
            t, found = _run(workload, impl, path)
            if found != expected:
                diff = sorted(found ^ expected)[:5]
                msg = (
                    f"{impl} disagrees with the floor on {workload} n={n}: "
                    f"{len(found)} vs {len(expected)} findings, e.g. {diff}"
                )
                raise AssertionError(msg)
            times[impl].append(t)
            print(f"  {workload} n={n} round {r + 1} {impl}: {t:.3f} s", file=sys.stderr, flush=True)
    return times


def _maxrss() -> int:
    """Peak RSS of this process in bytes (VmHWM; ru_maxrss can carry the parent's peak here)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux: KiB


def memory_child(impl: str, n: int) -> None:
    """In a subprocess: peak RSS growth of one W1 run (the floor: parsing only)."""
    path = workloads.path("W1", n)
    tiny = workloads.w1_document(10)
    for fn in IMPLS["W1"].values():  # imports and first-call setup are not the workload's memory
        fn(tiny)
    gc.collect()
    before = _maxrss()
    if impl == "floor-parsed":
        doc = floor.w1_parsed(path.read_bytes())
        peak = _maxrss()
        del doc
    else:
        IMPLS["W1"][impl](path.read_bytes())
        peak = _maxrss()
    print(json.dumps({"impl": impl, "n": n, "bytes": peak - before}))


def memory(n: int, impls: list[str]) -> dict[str, int]:
    """Peak RSS growth in bytes of each implementation, one subprocess each."""
    out = {}
    for impl in ["floor-parsed", *impls]:
        proc = subprocess.run(  # noqa: S603 - this script with fixed arguments
            [sys.executable, __file__, "--memory-child", impl, str(n)],
            capture_output=True,
            text=True,
            check=True,
        )
        out[impl] = json.loads(proc.stdout.strip().splitlines()[-1])["bytes"]
        print(f"  memory W1 n={n} {impl}: {out[impl] / 2**20:.1f} MiB", file=sys.stderr, flush=True)
    return out


def machine() -> dict[str, Any]:
    """What the numbers were measured on."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = {}
    for pkg in ("perfcheck", "pydantic", "orjson", "pandas", "numpy", "pandera", "polars"):
        try:
            versions[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            versions[pkg] = None
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "versions": versions,
    }


def _sizes(text: str) -> list[int]:
    return [int(x) for x in text.split(",") if x]


def main() -> None:  # noqa: C901, PLR0912, PLR0915
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="small sizes, 3 rounds")
    parser.add_argument("--rounds", type=int, help="rounds per workload")
    parser.add_argument("--w1", type=int, nargs="*", help="W1 sizes")
    parser.add_argument("--w2", type=int, nargs="*", help="W2 sizes")
    parser.add_argument("--memory", type=int, nargs="*", help="W1 sizes to measure memory at")
    parser.add_argument("--out", type=Path, default=HERE / "results.json")
    parser.add_argument("--memory-child", nargs=2, metavar=("IMPL", "N"), help=argparse.SUPPRESS)
    parser.add_argument(
        "--cli",
        action="store_true",
        help="the command as a whole process beside the API (bench/cli_bench.py)",
    )
    parser.add_argument(
        "--sizes",
        type=_sizes,
        default=[200_000],
        help="with --cli: line items, comma-separated (default 200000)",
    )
    parser.add_argument("--reports", type=int, default=10_000, help="with --cli: W2 reports (0: none)")
    args = parser.parse_args()
    if args.memory_child:
        memory_child(args.memory_child[0], int(args.memory_child[1]))
        return
    if args.cli:
        cli_bench.run(args.sizes, args.reports, args.rounds or 3, machine())
        return
    if args.quick:
        w1_sizes, w2_sizes, mem_sizes, rounds = [10_000, 100_000], [5_000], [100_000], 3
    else:
        w1_sizes, w2_sizes, mem_sizes, rounds = [10_000, 100_000, 1_000_000], [100_000], [1_000_000], 5
    w1_sizes = args.w1 if args.w1 is not None else w1_sizes
    w2_sizes = args.w2 if args.w2 is not None else w2_sizes
    mem_sizes = args.memory if args.memory is not None else mem_sizes
    rounds = args.rounds or rounds
    impls = ["floor", "perfcheck", "pandas", "pandera", "polars"]

    started = time.time()
    results: dict[str, Any] = {
        "machine": machine(),
        "rounds": rounds,
        "times": {},
        "medians": {},
        "ratios": {},
        "memory": {},
        "memory_ratios": {},
    }
    for workload, sizes in (("W1", w1_sizes), ("W2", w2_sizes)):
        for n in sizes:
            key = f"{workload}-{n}"
            times = measure(workload, n, rounds, impls)
            med = {i: statistics.median(t) for i, t in times.items()}
            results["times"][key] = times
            results["medians"][key] = med
            results["ratios"][key] = {i: med[i] / med["floor"] for i in impls if i != "floor"}
    for n in mem_sizes:
        mem = memory(n, impls)
        results["memory"][f"W1-{n}"] = mem
        results["memory_ratios"][f"W1-{n}"] = {i: mem[i] / mem["floor-parsed"] for i in impls}
    results["seconds"] = time.time() - started

    # targets of issue 5
    r, med = results["ratios"], results["medians"]
    targets: dict[str, Any] = {}
    for n in w2_sizes:
        k = f"W2-{n}"
        targets[f"{k} perfcheck <= 1.3x floor"] = r[k]["perfcheck"] <= 1.3
        targets[f"{k} perfcheck faster than every peer"] = all(
            med[k]["perfcheck"] < med[k][p] for p in ("pandas", "pandera", "polars")
        )
    for n in w1_sizes:
        k = f"W1-{n}"
        targets[f"{k} perfcheck <= 1.2x floor"] = r[k]["perfcheck"] <= 1.2
        targets[f"{k} perfcheck faster than pandas and pandera"] = all(
            med[k]["perfcheck"] < med[k][p] for p in ("pandas", "pandera")
        )
    if "W1-1000000" in med:
        targets["W1-1000000 perfcheck <= 1.15x polars"] = (
            med["W1-1000000"]["perfcheck"] <= 1.15 * med["W1-1000000"]["polars"]
        )
        if "W1-100000" in med:
            growth = med["W1-1000000"]["perfcheck"] / med["W1-100000"]["perfcheck"]
            results["growth_1M_over_100k"] = growth
            targets["W1 t(1M)/t(100k) <= 11"] = growth <= 11
    if "W1-1000000" in results["memory_ratios"]:
        targets["W1-1000000 peak memory <= 1.1x floor's parsed document"] = (
            results["memory_ratios"]["W1-1000000"]["perfcheck"] <= 1.1
        )
    results["targets"] = targets
    args.out.write_text(json.dumps(results, indent=2))

    print(
        f"\nmachine: {results['machine']['nproc']} cores, {results['machine']['cpu']}, "
        f"Python {results['machine']['python']}; {rounds} rounds, medians in seconds, ratio to the floor"
    )
    header = f"{'workload':<12}" + "".join(f"{i:>20}" for i in impls)
    print(header)
    print("-" * len(header))
    for key, m in med.items():
        cells = [f"{m['floor']:.3f}"] + [f"{m[i]:.3f} ({m[i] / m['floor']:.2f}x)" for i in impls[1:]]
        print(f"{key:<12}" + "".join(f"{c:>20}" for c in cells))
    for key, m in results["memory"].items():
        cells = [f"{m['floor-parsed'] / 2**20:.0f}MiB parsed"] + [
            f"{m[i] / 2**20:.0f}MiB ({m[i] / m['floor-parsed']:.2f}x)" for i in impls
        ]
        print(f"{'mem ' + key:<12}" + "".join(f"{c:>20}" for c in cells))
    print()
    for name, ok in targets.items():
        print(f"{'met    ' if ok else 'NOT MET'}  {name}")
    print(f"({results['seconds']:.0f} s)")
    summary = {k: {i: round(v, 3) for i, v in rs.items()} for k, rs in r.items()}
    summary.update(
        {
            f"mem {k}": {i: round(v, 3) for i, v in rs.items() if i != "floor-parsed"}
            for k, rs in results["memory_ratios"].items()
        }
    )
    if "growth_1M_over_100k" in results:
        summary["growth_1M_over_100k"] = round(results["growth_1M_over_100k"], 3)
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
