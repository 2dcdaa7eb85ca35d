"""A printed table as columns of cells, and the ledger it implies.

Every reader (DataFrames, CSV, spreadsheets, HTML) turns its input into a :class:`Table`
and hands it to :func:`table_ledger`, which makes one figure per printed number and
infers the relations the table itself states:

- the 功能分类科目编码 hierarchy: a 项 (7 digits) sums into its 款 (5 digits), a 款
  into its 类 (3 digits), in every amount column;
- 合计 / 总计 / 小计 rows: the sum of the rows they cover;
- column formulas the header implies (完成率 = 决算数 ÷ 预算数, 增减额 = 本年 − 上年,
  增减率 = 增减额 ÷ 上年) or the caller names.

A blank cell (``""``, ``-``, ``—``, None, NaN) is "nothing printed": no figure, and no
relation that would need it.

>>> table = Table(
...     [Column("科目名称", ["合计", "一般公共服务支出", "教育支出"]),
...      Column("决算数", ["30.50", "10.20", "20.30"])],
... )
>>> ledger = table_ledger(table, unit="万元")
>>> [(f.id, f.label, f.value) for f in ledger.figures]  # doctest: +NORMALIZE_WHITESPACE
[('r1_c2', '合计 / 决算数', '30.50'),
 ('r2_c2', '一般公共服务支出 / 决算数', '10.20'),
 ('r3_c2', '教育支出 / 决算数', '20.30')]
>>> [(r.kind, r.total, r.parts) for r in ledger.relations]
[('sum', 'r1_c2', ['r2_c2', 'r3_c2'])]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from perfcheck._core.errors import LedgerError, Problem
from perfcheck._core.limits import DEFAULT_LIMITS, Limits
from perfcheck._ledger.document import MAX_LISTED, Ledger, validate
from perfcheck._read.tables.cells import (
    LOCALE,
)
from perfcheck._read.tables.disclosure import disclosure_relations
from perfcheck._read.tables.infer import TableBuilder
from perfcheck._read.tables.model import Column, Options, Table
from perfcheck._read.tables.sides import halves

__all__ = ["Column", "Options", "Table", "table_ledger", "tables_ledger"]


def table_ledger(  # noqa: PLR0913 - the caller's options, keyword-only
    table: Table,
    *,
    label: str | None = None,
    code: str | None = None,
    columns: Sequence[str] | None = None,
    unit: str | None = None,
    decimals: int | Mapping[str, int] | None = None,
    formulas: Mapping[str, str] | None = None,
    infer: bool = True,
    parent: str | None = None,
    title: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Ledger:
    """The ledger of one table; see :func:`tables_ledger`."""
    options = Options(label, code, columns, unit, decimals, dict(formulas or {}), infer, parent)
    return tables_ledger([table], options, title=title, limits=limits)


def tables_ledger(
    tables: Sequence[Table],
    options: Options,
    *,
    title: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    prose: Ledger | Mapping[str, Any] | None = None,
) -> Ledger:
    """The ledger of the figures of ``tables`` and the relations they state.

    ``prose`` is the ledger (or its data) the text reader made of the report's prose (a
    PDF's text outside its tables, or a report's text given with its tables): its
    figures and relations join the tables', and the identities of the disclosure set
    between prose and tables are added (the 三公 figures the prose states). Its data may
    list under ``"other_years"`` the ids of figures it states of another year than the
    report's (2022年“三公”经费支出决算为…): they take part in no identity.

    Raises:
        LedgerError: a cell cannot be read, a column named in the options is missing,
            no unit is known for an amount column, or there is no number at all; every
            problem is listed, each naming the file, sheet and cell.
    """
    name = tables[0].name if tables else "<table>"
    if isinstance(prose, Ledger):
        prose = prose.to_dict()
    figures, relations, problems, built = _built(tables, options, limits, name)
    with_units = prose_figures(prose)
    if options.infer and not problems:
        # a change the prose states (比上年减少1.20万元) is no figure of the year
        said = (prose or {}).get("relations", [])
        left_out = {r["delta"] for r in said if "delta" in r} | set((prose or {}).get("other_years", ()))
        stated = [f for f in with_units if f["id"] not in left_out]
        relations.extend(disclosure_relations(built, stated, [r for r in said if r.get("kind") == "sum"]))
    if not problems and not figures:
        where = ", ".join(dict.fromkeys(t.sheet for t in tables if t.sheet)) or "the table"
        problems.append(Problem((), f"{name}: {where}: no numbers to check"))
    if problems:
        raise _error(name, problems)
    doc_unit = options.unit
    data: dict[str, Any] = {"perfcheck": "1", "locale": LOCALE, "figures": figures, "relations": relations}
    if prose is not None:
        data.update(_with_prose(data, with_units, prose))
    if doc_unit is not None:
        data["unit"] = doc_unit
    if title is not None and "title" not in data:
        data["title"] = title
    return validate(data, name=name, limits=limits)


def _built(
    tables: Sequence[Table], options: Options, limits: Limits, name: str
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[Problem], list[list[TableBuilder]]]:
    """Each table's figures, relations and problems, and its builders (a table's halves)."""
    figures: list[dict[str, Any]] = []
    relations: list[dict[str, Any]] = []
    problems: list[Problem] = []
    built: list[list[TableBuilder]] = []
    for table in tables:
        built.append([])
        for half in halves(table):
            builder = TableBuilder(half, options, limits)
            if len(tables) > 1:
                # one of several tables: its figures say which
                builder.label_prefix = f"{table.title or table.sheet or table.name}: "
            builder.run()
            built[-1].append(builder)
            figures.extend(builder.figures)
            relations.extend(builder.relations)
            problems.extend(builder.problems)
            if len(figures) > limits.max_figures:
                msg = f"{name}: more than {limits.max_figures} figures (Limits.max_figures)"
                raise LedgerError(msg, [Problem((), msg)])
    return figures, relations, problems, built


def _with_prose(
    data: Mapping[str, Any], stated: list[dict[str, Any]], prose: Mapping[str, Any]
) -> dict[str, Any]:
    """The document's figures and relations with the prose's, what it says of the report and did not read."""
    return {
        "figures": [*data["figures"], *stated],
        "relations": [*data["relations"], *prose.get("relations", [])],
        **{k: prose[k] for k in ("title", "entity", "period", "not_read") if k in prose},
    }


def prose_figures(prose: Mapping[str, Any] | None) -> list[dict[str, Any]]:
    """The figures of a text reader's document, each with its unit (the document's, where it gives none)."""
    if prose is None:
        return []
    unit = prose.get("unit")
    return [
        {**f, "unit": unit} if unit is not None and f.get("unit") is None else dict(f)
        for f in prose.get("figures", [])
    ]


def _error(name: str, problems: list[Problem]) -> LedgerError:
    lines = "\n".join(f"  - {p}" for p in problems[:MAX_LISTED])
    if len(problems) > MAX_LISTED:
        lines += f"\n  ... and {len(problems) - MAX_LISTED} more"
    noun = "problem" if len(problems) == 1 else "problems"
    return LedgerError(f"{name}: cannot read the table ({len(problems)} {noun}):\n{lines}", problems)
