"""Tables whose rows carry a formula key: a column of letters saying which rows add up to which.

Debt-limit tables (地方政府债务限额) and others print, beside each row's name, a key
letter, and beside a total the formula its parts make (``一、债务限额 | A=B+C | 42,866``
over ``其中：一般债务限额 | B | 3,666`` and ``专项债务限额 | C | 39,200``). The formula is
printed, so the structure is certain: each formula row is the sum of the rows it names,
column by column, and the table's other guesses (其中 rows, indents) are not needed.

Here the key column is joined to the row names before the table reader sees the table
(so its rows are found by their shape: a name, then numbers), and the sums are read from
the keys afterwards; the names then lose their keys again.

>>> keyed_cells(["项目", "公式", "金额", "限额", "A=B+C", "10", "一般", "B", "4", "专项", "C", "6"])
['项目', '金额', '限额〔A=B+C〕', '10', '一般〔B〕', '4', '专项〔C〕', '6']
>>> row_key("限额〔A=B+C〕")
('限额', 'A', ('B', 'C'))
>>> row_key("一般〔B〕"), row_key("一般")
(('一般', 'B', ()), None)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any, Final

#: A key: one capital letter, or a capital letter equal to the sum of others (``A=B+C``).
_KEY: Final = re.compile(r"([A-Z])(?:\s*[=＝]\s*([A-Z](?:\s*[+＋]\s*[A-Z])+))?")
#: What the key column's header says.
_KEY_HEADERS: Final = frozenset({"公式", "计算公式", "关系", "勾稽关系", "栏次关系"})
#: A row name with its key joined: ``限额〔A=B+C〕``.
_JOINED: Final = re.compile(r"^(.*)〔([^〔〕]+)〕$", re.DOTALL)
#: The fewest keys, and formulas, a key column holds.
_MIN_KEYS: Final = 3


def _key(cell: object) -> re.Match[str] | None:
    return _KEY.fullmatch(str(cell).strip())


def _keys_hold(keys: list[re.Match[str]]) -> bool:
    """Whether the keys are a key column: distinct letters, a formula, each formula naming keys printed."""
    letters = [m.group(1) for m in keys]
    named = {part.strip() for m in keys if m.group(2) for part in re.split(r"[+＋]", m.group(2))}
    return (
        len(keys) >= _MIN_KEYS
        and len(set(letters)) == len(letters)
        and any(m.group(2) for m in keys)
        and named <= set(letters)
    )


def keyed_cells(cells: list[str], value: Callable[[str], bool] | None = None) -> list[str]:
    """A table printed one cell a line with its key cells joined to the row names before them.

    A key cell stands between a row's name (no number) and its first value; the key
    column's header cell (公式) is dropped. Cells holding no key column come back unchanged.
    """
    is_value = value or _plain_number
    at = [
        k
        for k, cell in enumerate(cells)
        if 0 < k < len(cells) - 1 and _key(cell) and not is_value(cells[k - 1]) and is_value(cells[k + 1])
    ]
    matches = [m for k in at if (m := _key(cells[k])) is not None]
    if not _keys_hold(matches):
        return cells
    out: list[str] = []
    for k, cell in enumerate(cells):
        if k in at:
            out[-1] = f"{out[-1]}〔{_compact(cell)}〕"
        elif not (at and k < at[0] and _header(cell)):
            out.append(cell)
    return out


def keyed_grid(grid: list[list[object]]) -> list[list[object]]:
    """A table's rows with the key column (the second cell of its rows) joined to their names."""
    keys = [m for row in grid if len(row) > 1 and (m := _key(row[1])) is not None]
    if not _keys_hold(keys):
        return grid
    out: list[list[object]] = []
    for row in grid:
        if len(row) > 1 and _key(row[1]) is not None:
            out.append([f"{str(row[0]).strip()}〔{_compact(row[1])}〕", *row[2:]])
        elif len(row) > 1 and _header(row[1]):
            out.append([row[0], *row[2:]])
        else:
            out.append(list(row))
    return out


def _compact(cell: object) -> str:
    return re.sub(r"\s", "", str(cell)).replace("＝", "=").replace("＋", "+")


def _header(cell: object) -> bool:
    return re.sub(r"\s", "", str(cell)) in _KEY_HEADERS


def _plain_number(cell: str) -> bool:
    return bool(re.fullmatch(r"-?[\d,]+(?:\.\d+)?%?|", cell.strip()))


def row_key(label: str) -> tuple[str, str, tuple[str, ...]] | None:
    """A row name's own words, its key letter and the letters its formula adds; None without a key."""
    match = _JOINED.match(label)
    key = _key(match.group(2)) if match else None
    if match is None or key is None:
        return None
    parts = tuple(p.strip() for p in re.split(r"[+＋]", key.group(2))) if key.group(2) else ()
    return match.group(1).strip(), key.group(1), parts


def formula_sums(
    cells: Mapping[tuple[str, str], dict[str, Any]], rows: Mapping[str, str], prefix: str
) -> list[dict[str, Any]] | None:
    """The sums the keys state, column by column; None when the table holds no key.

    ``cells`` are a table's figures by (column, row) of their cell, ``rows`` each row's
    label. A column where the total or a part is blank, or in percent, gives no sum.
    """
    keyed = {row: key for row, label in rows.items() if (key := row_key(label)) is not None}
    if not keyed:
        return None
    by_letter = {key: row for row, (_, key, _) in keyed.items()}
    out: list[dict[str, Any]] = []
    for row, (name, _, parts) in keyed.items():
        if not parts or any(p not in by_letter for p in parts):
            continue
        for (col, at), fig in cells.items():
            found = [cells.get((col, by_letter[p])) for p in parts]
            if at != row or fig.get("unit") == "%" or any(f is None for f in found):
                continue
            out.append(
                {
                    "id": f"{prefix}key_r{row}_{col}",
                    "kind": "sum",
                    "label": f"{name} = " + " + ".join(keyed[by_letter[p]][0] for p in parts),
                    "total": fig["id"],
                    "parts": [f["id"] for f in found if f is not None],
                }
            )
    return out


def unkeyed(label: str) -> str:
    """A label without the key joined to its row name (``限额〔A=B+C〕 / 本级`` is ``限额 / 本级``)."""
    return re.sub(r"〔[A-Z][^〔〕]*〕", "", label)
