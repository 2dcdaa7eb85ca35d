"""One table's figures and the relations it states: codes, totals, 其中 rows, column formulas."""

from __future__ import annotations

import numbers
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, Final

from perfcheck._core.errors import Problem
from perfcheck._core.formula import formula_name
from perfcheck._core.limits import Limits
from perfcheck._core.values import ParsedValue, ValueFormatError, parse_value
from perfcheck._read.tables.cells import (
    CODE_PARENT,
    CODE_PATTERN,
    CODE_WORDS,
    FAST_LIMIT,
    LABEL_WORDS,
    LOCALE,
    PARENT_WORDS,
    SKIPPED_COLUMNS,
    SKIPPED_LABELS,
    STEPS,
    TOTAL_LEVELS,
    code_piece,
    code_text,
    header_unit,
    is_blank,
    item_number,
    mostly_numbers,
    normalized,
    ordinal_stripped,
    percent_header,
    within_word,
)
from perfcheck._read.tables.formulas import ColumnFormula, implied_formulas, parse_column_formula
from perfcheck._read.tables.model import Options, Table

#: Columns in which one row must print the same non-zero amounts as the row above to be its only part.
_SHARED_COLUMNS: Final = 2
#: The most rows after a row that are tried as its parts when its indentation was lost.
_MOST_PARTS: Final = 40
#: A heading numbered at the top level: 一、税收收入.
_HEADING: Final = re.compile(r"^[一二三四五六七八九十]+[、.．]")


@dataclass(slots=True)
class _Cell:
    id: str
    value: str


class TableBuilder:
    """Figures and relations of one table."""

    def __init__(self, table: Table, options: Options, limits: Limits) -> None:
        self.table = table
        self.options = options
        self.limits = limits
        self.figures: list[dict[str, Any]] = []
        self.relations: list[dict[str, Any]] = []
        self.problems: list[Problem] = []
        self.ledger_units: set[str | None] = set()
        self.n_rows = len(table.columns[0].values) if table.columns else 0
        # (row, column index) -> the figure printed there
        self.cells: dict[tuple[int, int], _Cell] = {}
        self.headers = [c.name for c in table.columns]
        self.codes: list[str | None] = []
        self.labels: list[str] = []
        self.numeric: list[int] = []
        self.percent: set[int] = set()
        self.units: dict[int, str | None] = {}
        self.skipped: list[bool] = []
        self.placed: dict[tuple[int, int], dict[str, Any]] = {}
        self.mostly: dict[int, bool] = {}
        self.indents: list[int] = []
        self.within: dict[int, list[int]] = {}
        #: a row's parent row in the hierarchy a 上级 column or indentation prints
        self.parent_of: dict[int, int] = {}
        self.parent_basis = "stated"
        #: what each figure's label starts with: the table's name, when it is one of several
        self.label_prefix = ""

    # -- where -----------------------------------------------------------------

    def ref(self, row: int, col: int) -> str | None:
        letter = self.table.columns[col].letter
        if letter is None or self.table.rows is None:
            return None
        return f"{letter}{self.table.rows[row]}"

    def where(self, row: int, col: int) -> str:
        ref = self.ref(row, col)
        printed = self.table.sheet_of(row)
        sheet = f"{printed}!" if printed else ""
        if ref is not None:
            return f"{self.table.name}: {sheet}{ref} ({self.headers[col]!r})"
        return f"{self.table.name}: {sheet}row {row + 1}, column {self.headers[col]!r}"

    def problem(self, message: str) -> None:
        self.problems.append(Problem((), message))

    def row_key(self, row: int) -> str:
        if self.table.rows is not None:
            return f"r{self.table.rows[row]}"
        return f"r{row + 1}"

    def col_key(self, col: int) -> str:
        letter = self.table.columns[col].letter
        return letter if letter is not None else f"c{col + 1 + self.table.first_column}"

    def fid(self, row: int, col: int) -> str:
        ref = self.ref(row, col)
        if ref is not None:
            return f"{self.table.prefix_of(row)}{ref}"
        return f"{self.table.prefix}r{row + 1}_c{col + 1 + self.table.first_column}"

    # -- the run ---------------------------------------------------------------

    def run(self) -> None:
        if not self.table.columns or self.n_rows == 0:
            where = self.table.sheet or "the table"
            self.problem(f"{self.table.name}: {where} is empty")
            return
        parent_col = self.parent_column()
        label_col, code_col = self.key_columns(parent_col)
        if self.problems:
            return
        parts = self.split_code_columns() if self.options.code is None else []
        composed = self.composed_codes(parts) if parts else None
        for row in range(self.n_rows):
            code, text = self.row_name(row, label_col, None if composed else code_col)
            self.codes.append(composed[row] if composed else code)
            self.labels.append(text)
            self.indents.append(self.indent(row, label_col))
        numeric = [c for c in self.numeric_columns(label_col, code_col) if c not in parts and c != parent_col]
        if self.problems:
            return
        self.numeric = numeric
        self.percent = {c for c in numeric if self.is_percent(c)}
        self.units = {c: self.column_unit(c) for c in numeric}
        self.skipped = [
            normalized(self.labels[r]) in SKIPPED_LABELS or self.column_number_row(r, numeric)
            for r in range(self.n_rows)
        ]
        for col in numeric:
            self.read_column(col)
        if self.problems:
            return
        # row by row, as the table is read
        self.figures = [self.placed[key] for key in sorted(self.placed)]
        if self.options.infer:
            self.within = self.within_blocks()
            if parent_col is not None:
                self.parent_of = self.parent_rows(parent_col)
            else:
                self.code_sums()
                self.parent_of = self.indented_rows() or self.numbered_rows()
                self.parent_basis = "inferred"
            self.hierarchy_sums()
            self.partial_sums()
            self.total_rows()
        self.column_formulas()

    def parent_column(self) -> int | None:
        """The column naming each row's parent (上级科目), by ``parent=`` or its header."""
        given = self.options.parent
        for i, h in enumerate(self.headers):
            if (given is not None and given in {h, normalized(h)}) or (
                given is None and normalized(h).rsplit("/", 1)[-1].startswith(PARENT_WORDS)
            ):
                return i
        if given is not None:
            self.problem(f"{self.table.name}: no parent column {given!r}; the columns are {self.headers}")
        return None

    def key_columns(self, parent_col: int | None = None) -> tuple[int | None, int | None]:
        headers = [normalized(h) for h in self.headers]

        def named(what: str, given: str | None) -> int | None:
            if given is None:
                return None
            for i, h in enumerate(self.headers):
                if given in {h, normalized(h)}:
                    return i
            self.problem(f"{self.table.name}: no {what} column {given!r}; the columns are {self.headers}")
            return None

        label_col = named("label", self.options.label)
        code_col = named("code", self.options.code)
        if self.options.code is None:
            code_col = next(
                (
                    i
                    for i, h in enumerate(headers)
                    if any(w in h for w in CODE_WORDS)
                    and i not in {label_col, parent_col}
                    and not self.names_rows(i)
                ),
                None,
            )
        if self.options.label is None:
            label_col = next(
                (
                    i
                    for i, h in enumerate(headers)
                    if i not in {code_col, parent_col}
                    and any(w in h for w in LABEL_WORDS)
                    and not self.mostly_numbers(i)
                ),
                None,
            )
            if label_col is None:
                label_col = next(
                    (
                        i
                        for i in range(len(headers))
                        if i not in {code_col, parent_col} and not self.mostly_numbers(i)
                    ),
                    None,
                )
        return label_col, code_col

    def names_rows(self, col: int) -> bool:
        """Whether a column named for labels and codes at once (``项目及编号``) prints labels and no code."""
        header = normalized(self.headers[col])
        values = [v for v in self.table.columns[col].values if not is_blank(v)]
        return (
            any(w in header for w in LABEL_WORDS)
            and bool(values)
            and not any(code_text(v) is not None for v in values)
        )

    def split_code_columns(self) -> list[int]:
        """The 类 / 款 / 项 columns of a code printed in three (``科目编码/类``), if any."""
        last = [normalized(h).rsplit("/", 1)[-1] for h in self.headers]
        found = [last.index(w) for w in ("类", "款", "项") if w in last]
        return found if len(found) >= 2 and "类" in last and "款" in last else []

    def composed_codes(self, parts: list[int]) -> list[str | None]:
        """Codes from 类 / 款 / 项 columns; a blank 类 or 款 is the one printed above it."""
        codes: list[str | None] = []
        above: list[str] = []
        for row in range(self.n_rows):
            pieces = [code_piece(self.table.columns[c].values[row]) for c in parts]
            deepest = max((i for i, p in enumerate(pieces) if p), default=None)
            if deepest is None:
                codes.append(None)
                continue
            code = ""
            for level, piece in enumerate(pieces[: deepest + 1]):
                width = 3 if level == 0 else 2
                if piece and len(piece) == len(code) + width and piece.startswith(code):
                    code = piece  # the column prints the whole code so far (款 20101)
                elif piece:
                    code += piece.zfill(width)
                elif level < len(above):
                    code = above[level]
                else:
                    code = ""
                    break
            above = [code[: 3 + 2 * i] for i in range(deepest + 1)]
            codes.append(code_text(code) if code else None)
        return codes

    def mostly_numbers(self, col: int) -> bool:
        """Whether most cells of a column hold numbers, judged on its first non-blank cells."""
        if col not in self.mostly:
            self.mostly[col] = mostly_numbers(self.table.columns[col].values)
        return self.mostly[col]

    def row_name(self, row: int, label_col: int | None, code_col: int | None) -> tuple[str | None, str]:
        text = ""
        if label_col is not None:
            value = self.table.columns[label_col].values[row]
            text = "" if is_blank(value) else str(value).strip()
        code = None if code_col is None else code_text(self.table.columns[code_col].values[row])
        if code is None and code_col is None and (match := CODE_PATTERN.match(text)) is not None:
            # "2010101 行政运行" in one column: the code and the name
            code, text = match.group(1), match.group(2).strip() or text
        return code, text

    def numeric_columns(self, label_col: int | None, code_col: int | None) -> list[int]:
        if self.options.columns is not None:
            found = []
            for given in self.options.columns:
                index = next((i for i, h in enumerate(self.headers) if given in {h, normalized(h)}), None)
                if index is None:
                    self.problem(f"{self.table.name}: no column {given!r}; the columns are {self.headers}")
                else:
                    found.append(index)
            return found
        return [
            i
            for i, h in enumerate(self.headers)
            if i not in {label_col, code_col}
            and not any(w in normalized(h) for w in SKIPPED_COLUMNS)
            and self.mostly_numbers(i)
        ]

    def column_number_row(self, row: int, numeric: list[int]) -> bool:
        """The 栏次 row under a header numbers the columns 1, 2, 3, ...: not figures."""
        if self.labels[row] or self.codes[row] is not None or len(numeric) < 2:
            return False
        values = [self.table.columns[c].values[row] for c in numeric]
        return all(isinstance(v, str) and v.strip() == str(i + 1) for i, v in enumerate(values))

    def is_percent(self, col: int) -> bool:
        if percent_header(normalized(self.headers[col])):
            return True
        values = [v for v in self.table.columns[col].values if isinstance(v, str) and not is_blank(v)]
        return bool(values) and all(v.strip().endswith(("%", "％")) for v in values)

    def column_unit(self, col: int) -> str | None:
        if col in self.percent:
            return "%"
        return header_unit(self.headers[col]) or self.table.unit

    def decimals_of(self, col: int) -> int | None:
        given = self.options.decimals
        if isinstance(given, Mapping):
            header = self.headers[col]
            return given.get(header, given.get(normalized(header)))
        return given

    # -- figures ---------------------------------------------------------------

    def read_column(self, col: int) -> None:
        column = self.table.columns[col]
        unit = self.units[col]
        if unit is None and self.options.unit is None:
            self.problem(
                f"{self.table.name}: column {column.name!r} has no unit: give unit= (e.g. unit='万元') "
                "or print it in the header (决算数（万元）)"
            )
            return
        self.ledger_units.add(unit)
        decimals = self.decimals_of(col)
        cell_decimals = column.decimals
        for row, value in enumerate(column.values):
            if self.skipped[row] or is_blank(value):
                continue
            given = cell_decimals[row] if cell_decimals is not None else None
            printed = self.printed(value, row, col, decimals if given is None else given)
            if printed is None:
                continue
            text, places = printed
            fid = self.fid(row, col)
            rowname = f"{self.codes[row]} {self.labels[row]}" if self.codes[row] else self.labels[row]
            figure: dict[str, Any] = {
                "id": fid,
                "label": f"{self.label_prefix}{rowname or f'row {row + 1}'} / {column.name}",
                "value": text,
            }
            if unit is not None:
                figure["unit"] = unit
            if places is not None:
                figure["decimals"] = places
            if (ref := self.ref(row, col)) is not None:
                # a sheet's cell; a frame's cell is named by the label alone
                sheet = self.table.sheet_of(row)
                figure["source"] = {"sheet": sheet, "cell": ref, "text": text}
                if sheet is None:
                    del figure["source"]["sheet"]
            self.placed[row, col] = figure
            self.cells[row, col] = _Cell(fid, text)

    def printed(  # noqa: C901, PLR0911 - one return per kind of cell
        self, value: object, row: int, col: int, decimals: int | None
    ) -> tuple[str, int | None] | None:
        """The value as printed and its decimals when the text cannot show them; None after a problem."""
        if (
            type(value) is float
            and decimals is not None
            and 0 <= decimals < len(STEPS)
            and abs(value) < FAST_LIMIT
        ):
            # the common case first: the abstract number checks below cost more than the rounding
            exact = Decimal(repr(value)).quantize(STEPS[decimals], ROUND_HALF_UP)
            return f"{exact:f}", decimals
        if type(value) is int:
            return str(value), decimals
        if isinstance(value, bool):
            self.problem(f"{self.where(row, col)}: {value!r} is a boolean, not a number")
            return None
        if isinstance(value, str):
            text = value.strip().strip("\u3000")
            try:
                parse_value(text, LOCALE, unit=self.units[col], default_unit=self.options.unit)
            except ValueFormatError as exc:
                self.problem(f"{self.where(row, col)}: {exc}")
                return None
            return text, None  # text shows its own precision
        if isinstance(value, Decimal):
            return f"{value:f}", decimals
        if isinstance(value, numbers.Integral):
            return str(int(value)), decimals
        if isinstance(value, numbers.Real):
            if decimals is None:
                self.problem(
                    f"{self.where(row, col)}: {value!r} is a float, which does not say how many decimals "
                    "were printed: give decimals= (e.g. decimals=2, or a mapping per column), "
                    "or read the column as text"
                )
                return None
            exact = Decimal(repr(float(value)))
            try:
                quantized = exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
            except InvalidOperation:
                self.problem(f"{self.where(row, col)}: {value!r} is too large to print")
                return None
            return f"{quantized:f}", decimals
        self.problem(f"{self.where(row, col)}: a {type(value).__name__} is not a number")
        return None

    # -- relations -------------------------------------------------------------

    def amount_columns(self) -> list[int]:
        return [c for c in self.numeric if c not in self.percent]

    def add_sums(  # noqa: PLR0913 - what the sum is, keyword-only after the rows
        self,
        key: str,
        row: int,
        rows: Sequence[int],
        name: str,
        *,
        children: str | None = None,
        suffix: str = "",
        **extra: object,
    ) -> None:
        """``row`` = Σ ``rows``, in every amount column that prints the total and a part.

        The relation is labelled ``{name} / {column}``, then ``= Σ 3 {children}`` when
        ``children`` names what the parts are, else ``suffix``.
        """
        for col in self.amount_columns():
            total = self.cells.get((row, col))
            parts = [p.id for r in rows if (p := self.cells.get((r, col))) is not None]
            if total is None or not parts:
                continue
            rid = f"{self.table.prefix_of(row)}{key}_{self.row_key(row)}_{self.col_key(col)}"
            tail = f" = Σ {len(parts)} {children}" if children else suffix
            label = f"{name} / {self.headers[col]}{tail}"
            self.relations.append(
                {"id": rid, "kind": "sum", "label": label, "total": total.id, "parts": parts, **extra}
            )

    def code_sums(self) -> None:
        """Each 款 sums its 项, each 类 its 款, in every amount column."""
        rows_of: dict[str, int] = {}
        duplicated: set[str] = set()
        for row, code in enumerate(self.codes):
            if code is None or self.skipped[row]:
                continue
            if code in rows_of:
                duplicated.add(code)
            rows_of.setdefault(code, row)
        children: dict[str, list[int]] = {}
        for row, code in enumerate(self.codes):
            if code is None or self.skipped[row] or len(code) not in CODE_PARENT:
                continue
            parent = code[: CODE_PARENT[len(code)]]
            if parent in rows_of and parent not in duplicated and code not in duplicated:
                children.setdefault(parent, []).append(row)
        for parent, kids in children.items():
            prow = rows_of[parent]
            self.add_sums("code", prow, kids, f"{parent} {self.labels[prow]}", children="下级科目")

    def indent(self, row: int, label_col: int | None) -> int:
        """How far a row's label is indented: spaces count one, full-width spaces two."""
        if label_col is None:
            return 0
        column = self.table.columns[label_col]
        value = column.values[row]
        if not isinstance(value, str):
            return 0
        stripped = value.lstrip(" \u3000\t\xa0")
        head = value[: len(value) - len(stripped)]
        # a spreadsheet's indent level is about two characters wide
        level = column.indents[row] if column.indents is not None else 0
        return sum(2 if c == "\u3000" else 1 for c in head) + 2 * level

    def within_blocks(self) -> dict[int, list[int]]:
        """其中 rows: the row above they are part of, and the rows of each block.

        A block is a row whose label starts with 其中 and the rows after it indented
        deeper than the row above it (其中：人员经费 / 　　公用经费), or numbered on from
        it (其中:(1)公务用车购置费 / (2)公务用车运行费).
        """
        blocks: dict[int, list[int]] = {}
        row = 0
        while row < self.n_rows:
            if not within_word(self.labels[row]) or self.skipped[row]:
                row += 1
                continue
            parent = row - 1
            while parent >= 0 and (self.skipped[parent] or within_word(self.labels[parent])):
                parent -= 1
            members = [row]
            number = item_number(normalized(self.labels[row])[2:].lstrip(":："))
            row += 1
            if parent < 0:
                continue
            while (
                row < self.n_rows
                and (
                    self.indents[row] > self.indents[parent]
                    or (
                        number is not None
                        and item_number(normalized(self.labels[row])) == (number[0], number[1] + 1)
                    )
                )
                and not self.total_level(row)
                and not within_word(self.labels[row])
            ):
                if number is not None:
                    number = item_number(normalized(self.labels[row])) or number
                members.append(row)
                row += 1
            blocks.setdefault(parent, []).extend(members)
        return blocks

    def hierarchy_rows(self) -> list[int]:
        """Rows that may sit in a printed hierarchy: no code, no total, not 其中 or inside a 其中 block."""
        inside = {r for rows in self.within.values() for r in rows}
        return [
            r
            for r in range(self.n_rows)
            if self.codes[r] is None
            and self.labels[r]
            and not self.skipped[r]
            and not self.total_level(r)
            and not within_word(self.labels[r])
            and r not in inside
        ]

    def indented_rows(self) -> dict[int, int]:
        """Each row's parent as indentation prints it: the nearest row above indented less.

        A code row or a total row ends the indented list; a row with no figure is no parent.
        """
        rows = set(self.hierarchy_rows())
        if len({self.indents[r] for r in rows}) < 2:
            return {}
        parents: dict[int, int] = {}
        stack: list[int] = []
        for row in range(self.n_rows):
            if row not in rows:
                if self.codes[row] is not None or self.total_level(row):
                    stack = []
                continue
            while stack and self.indents[stack[-1]] >= self.indents[row]:
                stack.pop()
            if stack:
                parents[row] = stack[-1]
            stack.append(row)
        return self.with_figures(parents)

    def numbered_rows(self) -> dict[int, int]:
        """Each row's parent as numbered headings print it: the nearest row above numbered 一、二、….

        ``一、税收收入 | 401`` over ``增值税 | 266``, ``企业所得税 | 9`` …, then ``二、非税收入``:
        the rows printed with no number after a heading, up to the next heading, a code
        row or a total row, are its parts. Read only when two rows or more are numbered so
        and no row is numbered at another level ((一), 1.): those would nest.
        """
        rows = self.hierarchy_rows()
        numbered = [r for r in rows if ordinal_stripped(self.labels[r]) != normalized(self.labels[r])]
        heads = {r for r in numbered if _HEADING.match(normalized(self.labels[r]))}
        if len(heads) < 2 or len(heads) != len(numbered):
            return {}
        listed = set(rows)
        parents: dict[int, int] = {}
        head: int | None = None
        for row in range(self.n_rows):
            if row in heads:
                head = row
            elif row not in listed:
                if self.codes[row] is not None or self.total_level(row):
                    head = None
            elif head is not None:
                parents[row] = head
        return self.with_figures(parents)

    def parent_rows(self, col: int) -> dict[int, int]:
        """Each row's parent as a 上级 column names it: by the parent's code, else its label."""
        by_code = {c: r for r, c in enumerate(self.codes) if c is not None}
        by_label: dict[str, int] = {}
        for r, text in enumerate(self.labels):
            by_label.setdefault(normalized(text), r)
        parents: dict[int, int] = {}
        for row, value in enumerate(self.table.columns[col].values):
            if is_blank(value) or self.skipped[row]:
                continue
            code = code_text(value)
            parent = by_code.get(code) if code is not None else by_label.get(normalized(str(value)))
            if parent is None or parent == row:
                self.problem(
                    f"{self.where(row, col)}: the parent {value!r} is no row of the table (a code or a name)"
                )
                continue
            parents[row] = parent
        return self.with_figures(parents)

    def with_figures(self, parents: dict[int, int]) -> dict[int, int]:
        """The parent links whose parent row prints a figure (a heading with none adds nothing up)."""
        printed = {r for r, _ in self.cells}
        return {r: p for r, p in parents.items() if p in printed}

    def hierarchy_sums(self) -> None:
        """A parent row is the sum of its children, in every amount column."""
        children: dict[int, list[int]] = {}
        for row, parent in self.parent_of.items():
            children.setdefault(parent, []).append(row)
        for parent, kids in sorted(children.items()):
            self.add_sums("tree", parent, kids, self.labels[parent], children="下级", basis=self.parent_basis)

    def partial_sums(self) -> None:
        """The rows of a 其中 block add up to no more than the row they are part of."""
        for parent, members in self.within.items():
            self.add_sums("within", parent, members, self.labels[parent], suffix=" ⊇ 其中", exhaustive=False)

    def total_level(self, row: int) -> int:
        """2 for a 合计 row (合计, 合计数, 本年收入合计), 3 for 总计, 1 for 小计; 0 for any other row."""
        text = ordinal_stripped(self.labels[row]).rstrip(":：")
        if self.codes[row] is None:
            for word, level in TOTAL_LEVELS.items():
                if text in {word, f"{word}数"} or (level > 1 and text.endswith(word)):
                    return level
        return 0

    def total_rows(self) -> None:
        """A 合计 / 总计 / 小计 row is the sum of the rows it covers."""
        levels = [self.total_level(r) for r in range(self.n_rows)]
        inside = {r for rows in self.within.values() for r in rows}
        items = [
            r
            for r in range(self.n_rows)
            if not levels[r] and not self.skipped[r] and r not in inside and not within_word(self.labels[r])
        ]
        listed = set(items)
        first_item = min(items, default=self.n_rows)
        for row, level in enumerate(levels):
            if not level:
                continue
            if self.numbered_head(row):
                parts = self.covered(row, level, levels, listed, heads=True, nested=True)
            else:
                parts = self.covered(row, level, levels, listed, heads=row < first_item)
            if parts:
                self.add_sums("total", row, parts, self.labels[row])

    def numbered_head(self, row: int) -> bool:
        """Whether a numbered total heads the rows indented under it: ``(二)支出总计`` over ``1.管理费用``.

        A total printed with its row number, the row after it indented deeper, covers
        the rows below it, as a total heading the table does, wherever it stands.
        """
        label = self.labels[row]
        return (
            ordinal_stripped(label) != normalized(label)
            and row + 1 < self.n_rows
            and self.indents[row + 1] > self.indents[row]
        )

    def covered(  # noqa: PLR0913 - the total, and how it covers
        self, row: int, level: int, levels: list[int], items: set[int], *, heads: bool, nested: bool = False
    ) -> list[int]:
        """The rows a total covers: below it when it heads the table, else above it.

        A ``nested`` total covers only the rows indented deeper than itself after it.
        """
        step = 1 if heads else -1
        span: list[int] = []
        r = row + step
        while 0 <= r < self.n_rows and not (levels[r] >= level):
            if nested and self.indents[r] <= self.indents[row]:
                break
            span.append(r)
            r += step
        lower = [r for r in span if 0 < levels[r] < level]
        if lower:
            top = max(levels[r] for r in lower)
            covered = [r for r in lower if levels[r] == top]
            if not heads:
                # 本年收入合计 / 年初结转和结余 / 总计: the rows after the last lower total count too
                last = max(covered)
                tail = [r for r in span if r > last and r in items and r not in self.parent_of]
                # rows counted twice are looked for only when the flat list does not add up
                counted_once = set() if self.adds_up(row, covered + tail) else self.heads_parts(tail)
                covered += [r for r in tail if r not in counted_once]
            return sorted(covered)
        inside = [r for r in span if r in items and r not in self.parent_of]
        codes = {self.codes[r] for r in inside if self.codes[r] is not None}
        return sorted(r for r in inside if not self.has_parent(self.codes[r], codes))

    def amount(self, row: int, col: int) -> ParsedValue | None:
        """The number printed in a cell of an amount column, None where none is."""
        cell = self.cells.get((row, col))
        if cell is None:
            return None
        try:
            return parse_value(cell.value, LOCALE, unit=self.units[col], default_unit=self.options.unit)
        except ValueFormatError:
            return None

    def adds_up(self, total: int, rows: list[int]) -> bool:
        """Whether ``total`` = Σ ``rows`` in every amount column, within half a printed unit of each."""
        for col in self.amount_columns():
            if (total, col) not in self.cells:
                continue
            gap, slack = Decimal(0), Decimal(0)
            for r, sign in [(total, 1), *((r, -1) for r in rows)]:
                if (parsed := self.amount(r, col)) is not None:
                    gap += sign * parsed.number
                    slack += Decimal(1).scaleb(-parsed.decimals) / 2
            if abs(gap) > slack:
                return False
        return True

    def heads_parts(self, rows: list[int]) -> set[int]:
        """Rows of a flat list that are the parts of a row printed just above them, by their sums alone.

        A flattened table can lose the indentation of rows after its 本年收入合计
        (``转移性收入 | 2442`` over ``上级一般性转移支付收入 | 1444`` and ``上级专项转移支付收入 |
        998``). No printed sign (code, indentation, 其中, numbering) makes them its children,
        so none is made one; but a total over the flat list would count them twice. Two or
        more rows right after a row (blank rows between them skipped) whose amounts add up
        to that row's exactly, in every amount column it prints, not all zero, are left out
        of such a total; so is one row alone that prints the same amounts as the row above
        in two columns or more (``上级补助收入`` over ``税收返回及转移支付补助``, its other kinds
        blank). A sum that does not hold exactly leaves the list as printed.
        """
        columns = self.amount_columns()
        printed = sorted(r for r in rows if any((r, c) in self.cells for c in columns))
        amounts = {(r, c): v.number for r in printed for c in columns if (v := self.amount(r, c)) is not None}
        parts: set[int] = set()
        k = 0
        while k < len(printed):
            head = printed[k]
            wanted = {c: amounts[head, c] for c in columns if (head, c) in amounts}
            found = 0
            # one part alone must match in two columns at least: two equal rows by chance are rarer
            alone = sum(v != 0 for v in wanted.values()) >= _SHARED_COLUMNS
            added = dict.fromkeys(wanted, Decimal(0))
            last = min(len(printed), k + 1 + _MOST_PARTS) if any(wanted.values()) else 0
            for n in range(k + 1, last):
                # the parts so far, summed as they are taken, at most _MOST_PARTS of them
                added = {c: v + amounts.get((printed[n], c), Decimal(0)) for c, v in added.items()}
                if (n > k + 1 or alone) and added == wanted:
                    found = n
                    break
            if found:
                parts.update(printed[k + 1 : found + 1])
                k = found + 1
            else:
                k += 1
        return parts

    @staticmethod
    def has_parent(code: str | None, codes: set[str | None]) -> bool:
        while code is not None and len(code) in CODE_PARENT:
            code = code[: CODE_PARENT[len(code)]]
            if code in codes:
                return True
        return False

    def column_formulas(self) -> None:
        formulas: dict[int, str] = {}
        if self.options.infer:
            formulas.update(implied_formulas(self.headers, self.numeric, self.percent))
        for header, expr in self.options.formulas.items():
            index = self.header_index(header)
            if index is None:
                self.problem(f"{self.table.name}: formulas= names no column {header!r}")
                continue
            formulas[index] = expr
        specs: list[tuple[int, ColumnFormula]] = []
        for target, expr in formulas.items():
            try:
                specs.append((target, parse_column_formula(expr, self.headers)))
            except ValueError as exc:
                self.problem(f"{self.table.name}: formula for {self.headers[target]!r}: {exc}")
        if self.problems:
            return
        for target, spec in specs:
            if target not in self.numeric or any(c not in self.numeric for c in spec.columns):
                continue
            self.apply(target, spec, specs)

    def header_index(self, name: str) -> int | None:
        return next((i for i, h in enumerate(self.headers) if name in {h, normalized(h)}), None)

    def apply(self, target: int, spec: ColumnFormula, specs: list[tuple[int, ColumnFormula]]) -> None:  # noqa: C901
        changes = {s.columns: t for t, s in specs if s.kind == "difference"}
        for row in range(self.n_rows):
            stated = self.cells.get((row, target))
            cells = [self.cells.get((row, c)) for c in spec.columns]
            if stated is None or any(c is None for c in cells) or self.skipped[row]:
                continue
            ids = [c.id for c in cells if c is not None]
            label = f"{self.labels[row]} / {self.headers[target]} = {spec.text}"
            rel: dict[str, Any]
            if spec.kind == "ratio" and target in self.percent:
                delta_of = next((k for k, t in changes.items() if t == spec.columns[0]), None)
                if delta_of is not None and delta_of[1] == spec.columns[1]:
                    continue  # the percent of a change: stated with the change below
                rel = {"kind": "ratio", "numerator": ids[0], "denominator": ids[1], "stated": stated.id}
            elif spec.kind == "growth":
                continue  # stated with the change below
            elif spec.kind == "difference":
                rel = {"kind": "change", "current": ids[0], "prior": ids[1], "delta": stated.id}
                rel["direction"] = "increase"
                percent = self.percent_of(row, spec.columns, target, specs)
                if percent is not None:
                    rel["percent"] = percent
            elif spec.kind == "sum":
                rel = {"kind": "sum", "total": stated.id, "parts": ids}
            else:
                expr = spec.expression(ids)
                rel = {"kind": "formula", "expr": f"{formula_name(stated.id)} == {expr}"}
            rid = f"{self.table.prefix_of(row)}{rel['kind']}_{self.row_key(row)}_{self.col_key(target)}"
            self.relations.append({"id": rid, "label": label, **rel})
        if spec.kind == "growth" and spec.columns not in changes:
            # 增减率 without a printed 增减额: current and prior only
            for row in range(self.n_rows):
                stated = self.cells.get((row, target))
                cur, prior = (self.cells.get((row, c)) for c in spec.columns)
                if stated is None or cur is None or prior is None or self.skipped[row]:
                    continue
                rid = f"{self.table.prefix_of(row)}growth_{self.row_key(row)}_{self.col_key(target)}"
                self.relations.append(
                    {
                        "id": rid,
                        "label": f"{self.labels[row]} / {self.headers[target]} = {spec.text}",
                        "kind": "change",
                        "current": cur.id,
                        "prior": prior.id,
                        "percent": stated.id,
                        "direction": "increase",
                    }
                )

    def percent_of(
        self, row: int, pair: tuple[int, ...], delta: int, specs: list[tuple[int, ColumnFormula]]
    ) -> str | None:
        for target, spec in specs:
            match = (spec.kind == "growth" and spec.columns == pair) or (
                spec.kind == "ratio" and spec.columns == (delta, pair[1])
            )
            if match and (cell := self.cells.get((row, target))) is not None:
                return cell.id
        return None
