"""Profile one perfcheck run on W1 (default 100k line items): top functions by cumulative time.

python bench/profile_perfcheck.py [N] [--top 15]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import workloads

import perfcheck


def main() -> None:
    """Profile perfcheck end to end on one W1 document."""
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int, nargs="?", default=100_000)
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--sort", default="cumulative")
    args = parser.parse_args()
    data = workloads.path("W1", args.n).read_bytes()
    profiler = cProfile.Profile()
    profiler.enable()
    broken = perfcheck.check(data).broken()
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats(args.sort).print_stats(args.top)
    print(f"W1 n={args.n}: {len(broken)} broken relations")
    print(out.getvalue().replace(str(Path(perfcheck.__file__).parent.parent) + "/", ""))


if __name__ == "__main__":
    main()
