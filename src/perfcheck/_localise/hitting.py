"""The smallest sets of figures that touch every broken relation: where a correction must start.

A relation broken as printed stays broken unless one of its figures changes, so every
correction is a hitting set of the broken relations' figures. When one of the smallest
hitting sets lets every relation hold, no smaller correction exists.

>>> smallest_hitting([frozenset("abc"), frozenset("cd")], max_size=3, budget=100)
(1, [frozenset({'c'})])
>>> smallest_hitting([frozenset("ab"), frozenset("cd")], max_size=1, budget=100)
(None, [])
"""

from __future__ import annotations

from collections.abc import Sequence


def _hitting(
    sets: Sequence[frozenset[str]],
    size: int,
    chosen: frozenset[str],
    out: set[frozenset[str]],
    budget: list[int],
) -> None:
    budget[0] -= 1
    if budget[0] < 0:
        return
    unhit = next((s for s in sets if not s & chosen), None)
    if unhit is None:
        out.add(chosen)
        return
    if len(chosen) == size:
        return
    for figure in sorted(unhit):
        _hitting(sets, size, chosen | {figure}, out, budget)


def smallest_hitting(
    sets: Sequence[frozenset[str]], *, max_size: int, budget: int
) -> tuple[int | None, list[frozenset[str]]]:
    """The size of the smallest sets that meet every one of ``sets``, and all of them (sorted).

    ``(None, [])`` when there is none of at most ``max_size`` figures, or when finding them
    takes more than ``budget`` steps.
    """
    left = [budget]
    for size in range(1, max_size + 1):
        found: set[frozenset[str]] = set()
        _hitting(sets, size, frozenset(), found, left)
        if left[0] < 0:
            return None, []
        if found:
            return size, sorted(found, key=sorted)
    return None, []
