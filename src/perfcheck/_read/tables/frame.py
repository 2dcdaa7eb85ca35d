"""DataFrames (pandas, polars and whatever narwhals reads) to ledgers, through one code path."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from perfcheck._core.errors import LedgerError, Problem
from perfcheck._core.limits import DEFAULT_LIMITS, Limits
from perfcheck._ledger.document import Ledger
from perfcheck._read.tables.table import Column, Options, Table, tables_ledger

EXTRA = "frames"


def missing_extra(package: str, extra: str, what: str) -> ModuleNotFoundError:
    """The error for an optional dependency that is not installed, naming the extra that brings it."""
    return ModuleNotFoundError(f"{what} needs {package}: pip install 'perfcheck[{extra}]'", name=package)


def from_frame(  # noqa: PLR0913 - what the caller knows about the table, keyword-only
    df: Any,  # noqa: ANN401 - any DataFrame narwhals reads, or a mapping of title to DataFrame
    *,
    label: str | None = None,
    code: str | None = None,
    columns: Sequence[str] | None = None,
    unit: str | None = None,
    decimals: int | Mapping[str, int] | None = None,
    formulas: Mapping[str, str] | None = None,
    infer: bool = True,
    parent: str | None = None,
    name: str | None = None,
    title: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    prose: Ledger | None = None,
) -> Ledger:
    """The ledger of a DataFrame: one figure per printed number, and the relations the table states.

    Args:
        df: a pandas or polars DataFrame (anything narwhals reads eagerly), one row per
            table row, with its header as column names. A pandas index is not read:
            ``reset_index()`` first if it holds the row labels. Or a mapping of table
            title to DataFrame: one set of tables, read as a workbook's sheets are (ids
            start ``s1_``, ``s2_``, ... in the mapping's order; each figure's label and
            source sheet name its title), with the identities of the standard disclosure
            set between the tables its titles name (docs/tables.md). The options apply
            to every frame.
        label: the column of row labels (default: the first column whose header says
            名称/项目/科目, else the first column that is not mostly numbers).
        code: the column of 功能分类 / 经济分类 codes (default: a header with 编码/代码;
            without one, a code that starts a label, ``2010101 行政运行``, is read).
        columns: the columns holding figures (default: every other column that is mostly numbers).
        unit: the unit of amounts (``万元``), unless a header prints one (``决算数（万元）``).
            Columns whose header says 率 / % are in percent.
        decimals: decimals printed where the frame holds numbers, for all columns or per
            column name; a float column without it is an error, since a float does not
            say how it was printed. Text cells carry their own precision.
        formulas: column formulas over column names, e.g.
            ``{"完成率": "决算数 / 调整预算数", "增减额": "本年数 - 上年数"}``.
        infer: infer the code hierarchy, total rows and the formulas the headers imply.
        parent: the column naming each row's parent row, by its code or name (default:
            a header starting 上级科目/上级项目/上级编码/父级); each parent is then the sum
            of its children.
        name: the table's (or the set's) name, in errors.
        title: the ledger's title.
        limits: bounds on the size of the result.
        prose: the ledger of the report's text (``perfcheck.extract.extract(text).ledger``),
            read with its tables: its figures and relations join theirs, and the 三公
            figures it states are checked against the 三公 table (docs/tables.md).

    Raises:
        LedgerError: a cell cannot be read, a named column is missing, or no unit is known.
        TypeError: ``df`` (or a value of the mapping) is no DataFrame.
        ModuleNotFoundError: narwhals is not installed (``pip install 'perfcheck[frames]'``).
    """
    try:
        import narwhals.stable.v2 as nw  # noqa: PLC0415 - optional: perfcheck[frames]
    except ModuleNotFoundError as exc:
        raise missing_extra("narwhals", EXTRA, "perfcheck.from_frame") from exc
    options = Options(label, code, columns, unit, decimals, dict(formulas or {}), infer, parent)
    many = isinstance(df, Mapping)
    frames: list[tuple[str | None, Any]] = [(str(k), f) for k, f in df.items()] if many else [(None, df)]
    if not frames:
        msg = f"{name or '<frames>'}: no DataFrame given"
        raise LedgerError(msg, [Problem((), msg)])
    where = name or (
        f"<{len(frames)} DataFrames>" if many else f"<{type(df).__module__.split('.')[0]} DataFrame>"
    )
    tables = []
    for index, (key, native) in enumerate(frames, 1):
        try:
            frame = nw.from_native(native, eager_only=True)
        except TypeError:
            msg = f"{where}: {key or 'the table'}: a {type(native).__name__} is no DataFrame"
            raise TypeError(msg) from None
        cols = [Column(str(c), frame.get_column(c).to_list()) for c in frame.columns]
        prefix = f"s{index}_" if len(frames) > 1 else ""
        tables.append(Table(cols, sheet=key if many else name, prefix=prefix, name=where, title=key))
    return tables_ledger(tables, options, title=title, limits=limits, prose=prose)
