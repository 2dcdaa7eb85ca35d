"""perfcheck the way users run it: the command as a whole process, beside the API, against the floor.

    python bench/run.py --cli                                   # 200k items, 10k reports, 3 rounds
    python bench/run.py --cli --sizes 200000,1000000 --rounds 3 # what docs/performance.md reports
    python bench/run.py --cli --sizes 20000 --reports 2000 --rounds 2   # a smoke run, < 1 minute

Workloads (bench/workloads.py), at each size N in line items:

* ``W1``: the sums-only ledger;
* ``MIX``: the realistic mix -- W1's tree with, per category, a balance whose inflows print
  their unit, a share, a change, a head-count sum of JSON numbers, a qualifier (``约…``) and
  an escaped quote;
* ``W1Q``: W1 with one value printed ``约…`` and one ``…万元``, timed against W1 itself;
* ``W2``: seed-shaped reports in JSON Lines (``--reports`` of them); ``W2F``: the same
  reports as a folder of ``.json`` files.

Contenders, each timed as what users run and each warmed up once before the rounds:

* ``floor``: ``python bench/floor.py`` as a process (orjson and integer arithmetic);
* ``table``: ``perfcheck check FILE`` (the default output); ``json``: ``--format json``;
  for W2 also ``json -j2``: ``--format json --jobs 2`` (its speed-up over ``json`` is reported);
* ``floor api`` and ``perfcheck api``: in this process, ``floor.*`` and ``perfcheck.check``.

perfcheck's modules are compiled to bytecode before the run, as an installed copy's are
(the warm-up cannot write them where ``PYTHONDONTWRITEBYTECODE`` is set). The floor pauses
the garbage collector while it checks, as perfcheck does while it screens.
Every round runs the contenders in a rotated order, and each ratio is taken within a round
(perfcheck's time over the floor's of the same round), so load that comes and goes on a
shared machine moves both; the reported ratio is the median of the rounds' ratios. Before a
time counts, the findings must equal the floor's (the run stops otherwise): the JSON
output's error relations, the table's error count. Peak memory is each process's own
(``wait4``'s ``ru_maxrss``). Every run appends one JSON line to bench/results-cli.jsonl with
the commit, the machine, the load average before and after, and every time.
"""

from __future__ import annotations

import compileall
import gc
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import floor
import workloads

import perfcheck

HERE = Path(__file__).parent
RESULTS = HERE / "results-cli.jsonl"
ERRORS = re.compile(r"^(\d+) errors?, ", re.MULTILINE)
#: The targets of issue 15, as (workload, contender): the most perfcheck may take, times the floor.
TARGETS = {
    ("W1", "table"): 1.3,
    ("W1", "json"): 1.3,
    ("MIX", "table"): 1.5,
    ("MIX", "json"): 1.5,
    ("W2", "table"): 1.5,
    ("W2", "json"): 1.5,
    ("W2F", "table"): 1.5,
    ("W2F", "json"): 1.5,
    ("W1Q", "json"): 1.1,  # against W1 of the same size, not the floor
}


def _perfcheck_command() -> list[str]:
    script = Path(sys.executable).parent / "perfcheck"
    found = script if script.exists() else shutil.which("perfcheck")
    return [str(found)] if found else [sys.executable, "-m", "perfcheck"]


def _process(argv: list[str]) -> tuple[float, int, int, str]:
    """Run one process: seconds, exit code, its own peak RSS in bytes (``wait4``), standard output."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)  # noqa: S603
    assert proc.stdout is not None  # noqa: S101 - a pipe was asked for
    out = proc.stdout.read()
    proc.stdout.close()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = code = os.waitstatus_to_exitcode(status)
    return seconds, code, usage.ru_maxrss * 1024, out.decode()


#: Runs argv[1:] and prints its peak RSS. A child's ru_maxrss starts from its parent's peak
#: (it carries across exec), so the child is started from this small process, not the runner.
_PEAK = (
    "import os, subprocess, sys\n"
    "p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "print(os.wait4(p.pid, 0)[2].ru_maxrss * 1024)"
)


def _peak_rss(argv: list[str]) -> int:
    """Peak RSS of one run of ``argv`` in bytes, its own."""
    return int(_process([sys.executable, "-c", _PEAK, *argv])[3])


def _json_errors(text: str) -> set[str]:
    data = json.loads(text)
    documents = data if isinstance(data, list) else [data]
    found = set()
    for k, doc in enumerate(documents):
        for f in doc["findings"]:
            if f["severity"] == "error" and f.get("relation") is not None:
                # a line of JSON Lines by its index, a file of a folder by its place in the list
                at = doc["line"] - 1 if "line" in doc else k
                found.add(f"{at}:{f['relation']}" if isinstance(data, list) else f["relation"])
    return found


def _table_errors(text: str) -> int:
    return sum(int(n) for n in ERRORS.findall(text))


def _floor_api(workload: str) -> Callable[[Path], set[str]]:
    def run(path: Path) -> set[str]:
        gc.disable()
        try:
            if workload == "W2F":
                return {f"{k}:{rid}" for k, rid in floor.w2_folder(str(path))}
            data = path.read_bytes()
            if workload == "W2":
                return {f"{k}:{rid}" for k, rid in floor.w2(data)}
            return floor.mix(data) if workload == "MIX" else floor.w1(data)
        finally:
            gc.enable()

    return run


def _perfcheck_api(workload: str) -> Callable[[Path], set[str]]:
    def run(path: Path) -> set[str]:
        if workload == "W2":
            out: set[str] = set()
            for k, line in enumerate(path.read_bytes().splitlines()):
                if line:
                    out.update(f"{k}:{rid}" for rid in perfcheck.check(line).broken())
            return out
        if workload == "W2F":
            files = sorted(path.glob("*.json"))
            return {f"{k}:{rid}" for k, file in enumerate(files) for rid in perfcheck.check(file).broken()}
        return perfcheck.check(path).broken()

    return run


class DisagreementError(AssertionError):
    """A contender's findings are not the floor's: no time of this run counts."""


def measure(workload: str, n: int, rounds: int) -> dict[str, Any]:  # noqa: C901 - contenders, checks, ratios
    """Times of every contender over ``rounds`` rotated rounds, findings checked against the floor's."""
    path = workloads.path(workload, n)
    kind = "MIX" if workload == "W1Q" else workload  # the mix's floor reads 约 and units in values
    pc = _perfcheck_command()
    commands = {
        "floor": [sys.executable, str(HERE / "floor.py"), kind, str(path)],
        "table": [*pc, "check", "--no-config", str(path)],
        "json": [*pc, "check", "--no-config", "--format", "json", str(path)],
    }
    if workload in ("W2", "W2F"):  # issue 15: the speed-up of --jobs 2 on this many reports, same output
        commands["json -j2"] = [*pc, "check", "--no-config", "--format", "json", "--jobs", "2", str(path)]
    api = {"floor api": _floor_api(kind), "perfcheck api": _perfcheck_api(kind)}
    expected: set[str] = set(json.loads(_process(commands["floor"])[3]))

    def one(name: str) -> float:
        if name in api:
            gc.collect()
            start = time.perf_counter()
            found = api[name](path)
            seconds = time.perf_counter() - start
            if found != expected:
                msg = f"{name} on {workload}-{n}: {len(found)} broken, the floor {len(expected)}"
                raise DisagreementError(msg)
            return seconds
        seconds, code, _, out = _process(commands[name])
        if name.startswith("json") and _json_errors(out) != expected:
            msg = f"perfcheck --format json on {workload}-{n} disagrees with the floor"
            raise DisagreementError(msg)
        if name == "table" and _table_errors(out) != len(expected):
            msg = (
                f"perfcheck's table on {workload}-{n}: {_table_errors(out)} errors, the floor {len(expected)}"
            )
            raise DisagreementError(msg)
        if name != "floor" and code != (1 if expected else 0):
            msg = f"perfcheck on {workload}-{n} exited {code}"
            raise DisagreementError(msg)
        return seconds

    names = [*commands, *api]
    for name in names:  # a warm-up for every contender: page cache, .pyc files, first-call set-up
        one(name)
    times: dict[str, list[float]] = {name: [] for name in names}
    for r in range(rounds):
        order = names[r % len(names) :] + names[: r % len(names)]
        for name in order:
            times[name].append(one(name))
            print(
                f"  {workload}-{n} round {r + 1} {name}: {times[name][-1]:.3f} s", file=sys.stderr, flush=True
            )
    ratios = {
        "table": [t / f for t, f in zip(times["table"], times["floor"], strict=True)],
        "json": [t / f for t, f in zip(times["json"], times["floor"], strict=True)],
        "perfcheck api": [t / f for t, f in zip(times["perfcheck api"], times["floor api"], strict=True)],
    }
    if "json -j2" in times:  # the speed-up of two processes over one, paired per round
        ratios["jobs 2 speed-up"] = [
            one / two for one, two in zip(times["json"], times["json -j2"], strict=True)
        ]
    memory = {name: _peak_rss(argv) for name, argv in commands.items() if name != "json -j2"}
    return {
        "file": path.name,
        "bytes": sum(f.stat().st_size for f in path.iterdir()) if path.is_dir() else path.stat().st_size,
        "broken": len(expected),
        "times": times,
        "medians": {k: statistics.median(v) for k, v in times.items()},
        "ratios": {k: statistics.median(v) for k, v in ratios.items()},
        "round_ratios": ratios,
        "memory": memory,
        "memory_ratios": {k: memory[k] / memory["floor"] for k in ("table", "json")},
    }


def _start_up(rounds: int) -> dict[str, float]:
    """Median seconds of ``python -c pass``, ``import perfcheck`` and ``perfcheck --help`` as processes."""
    argvs = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "import perfcheck": [sys.executable, "-c", "import perfcheck"],
        "perfcheck --help": [*_perfcheck_command(), "--help"],
    }
    times: dict[str, list[float]] = {k: [] for k in argvs}
    for _ in range(rounds + 1):
        for name, argv in argvs.items():
            times[name].append(_process(argv)[0])
    return {k: statistics.median(v[1:]) for k, v in times.items()}


def _bytecode() -> str:
    """Write perfcheck's bytecode (``.pyc``) as installing it does; what was done, for the results.

    The warm-up is meant to leave every module compiled, as a user's installed perfcheck
    is (pip compiles a wheel's modules when it installs them). With
    ``PYTHONDONTWRITEBYTECODE`` set (as on the shared machine) no process writes them, so
    an editable install compiles its modules again in every run, about 0.05 s a process
    that no installed copy pays; they are written here once, before any time counts.
    The floor is a script importing only orjson (compiled), so it pays nothing of the kind.
    """
    package = Path(perfcheck.__file__).parent
    if not compileall.compile_dir(package, quiet=1):
        return f"could not write bytecode under {package}: the modules compile in every process"
    unset = os.environ.get("PYTHONDONTWRITEBYTECODE") is None
    return "written by the warm-up" if unset else "compiled before the run (PYTHONDONTWRITEBYTECODE is set)"


def _commit() -> str:
    try:
        out = subprocess.run(  # noqa: S603 - git with fixed arguments
            ["git", "-C", str(HERE), "describe", "--always", "--dirty"],  # noqa: S607
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return out.stdout.strip()


def run(sizes: list[int], reports: int, rounds: int, machine: dict[str, Any]) -> dict[str, Any]:
    """Every workload at every size; prints a table and appends the run to bench/results-cli.jsonl."""
    started = time.time()
    load_before = os.getloadavg()
    results: dict[str, Any] = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": _commit(),
        "machine": machine,
        "rounds": rounds,
        "sizes": sizes,
        "reports": reports,
        "load_before": load_before,
        "bytecode": _bytecode(),
        "start_up": _start_up(rounds),
        "workloads": {},
    }
    for n in sizes:
        for workload in ("W1", "MIX", "W1Q"):
            results["workloads"][f"{workload}-{n}"] = measure(workload, n, rounds)
        w1, w1q = results["workloads"][f"W1-{n}"], results["workloads"][f"W1Q-{n}"]
        # one qualifier and one unit against the same document without: paired per round
        w1q["against_w1"] = {
            k: statistics.median(q / p for q, p in zip(w1q["times"][k], w1["times"][k], strict=True))
            for k in ("table", "json", "perfcheck api")
        }
    if reports:
        results["workloads"][f"W2-{reports}"] = measure("W2", reports, rounds)
        results["workloads"][f"W2F-{reports}"] = measure("W2F", reports, rounds)
    results["load_after"] = os.getloadavg()
    results["seconds"] = time.time() - started
    with RESULTS.open("a") as f:
        f.write(json.dumps(results) + "\n")
    _print(results)
    return results


def _print(results: dict[str, Any]) -> None:  # noqa: C901, PLR0912 - one table, its notes and the targets
    m = results["machine"]
    print(
        f"\ncommit {results['commit']}, {results['date']}; "
        f"{m['nproc']} cores, {m['cpu']}, Python {m['python']}; "
        f"load {results['load_before'][0]:.2f} before, {results['load_after'][0]:.2f} after; "
        f"{results['rounds']} rounds"
    )
    if "bytecode" in results:
        print(f"perfcheck's bytecode: {results['bytecode']}")
    print("medians in seconds; ratios: median over rounds of perfcheck ÷ the floor in the same round")
    head = f"{'workload':<14}{'floor':>8}{'table':>18}{'json':>18}{'floor api':>11}{'api':>18}"
    head += f"{'mem table':>11}{'mem json':>10}"
    print(head)
    print("-" * len(head))
    for key, w in results["workloads"].items():
        med, r, mem = w["medians"], w["ratios"], w["memory_ratios"]
        print(
            f"{key:<14}{med['floor']:>8.3f}{med['table']:>10.3f} ({r['table']:.2f}x)"
            f"{med['json']:>10.3f} ({r['json']:.2f}x){med['floor api']:>11.3f}"
            f"{med['perfcheck api']:>10.3f} ({r['perfcheck api']:.2f}x)"
            f"{mem['table']:>10.2f}x{mem['json']:>9.2f}x"
        )
    print()
    for key, w in results["workloads"].items():
        if "against_w1" in w:
            a = w["against_w1"]
            print(
                f"{key} ÷ W1 of the same size: table {a['table']:.2f}x, json {a['json']:.2f}x, "
                f"api {a['perfcheck api']:.2f}x"
            )
    sizes = results["sizes"]
    for small in sizes:
        if 10 * small in sizes:
            for k in ("table", "json"):
                growth = (
                    results["workloads"][f"W1-{10 * small}"]["medians"][k]
                    / results["workloads"][f"W1-{small}"]["medians"][k]
                )
                print(f"W1 {k}: t({10 * small})/t({small}) = {growth:.1f}")
    for key, w in results["workloads"].items():
        if "jobs 2 speed-up" in w["ratios"]:
            print(
                f"{key} --format json --jobs 2: {w['medians']['json -j2']:.3f} s, "
                f"a speed-up of {w['ratios']['jobs 2 speed-up']:.2f}x over one process"
            )
    s = results["start_up"]
    print("start-up: " + ", ".join(f"{k} {v:.3f} s" for k, v in s.items()))
    print()
    for key, w in results["workloads"].items():
        workload = key.split("-")[0]
        for contender in ("table", "json"):
            target = TARGETS.get((workload, contender))
            if target is None:
                continue
            got = w["against_w1"][contender] if workload == "W1Q" else w["ratios"][contender]
            print(f"{'met    ' if got <= target else 'NOT MET'}  {key} {contender} <= {target}x: {got:.2f}x")
        if workload in ("W1", "MIX", "W2", "W2F"):
            for contender in ("table", "json"):
                got = w["memory_ratios"][contender]
                print(
                    f"{'met    ' if got <= 1.3 else 'NOT MET'}  {key} {contender} "
                    f"peak memory <= 1.3x the floor's: {got:.2f}x"
                )
    print(f"({results['seconds']:.0f} s; appended to {RESULTS.relative_to(HERE.parent)})")
