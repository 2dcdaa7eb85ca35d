"""The standard disclosure set: the figures that must agree across a department's tables.

A 部门决算 (or 部门预算) disclosure is a fixed set of tables, the Ministry of Finance's
templates (部门决算公开表 01-09; 部门预算公开表): 收入支出决算总表, 收入决算表,
支出决算表, 财政拨款收入支出决算总表, 一般公共预算财政拨款支出决算表, 一般公共预算
财政拨款基本支出决算表, 一般公共预算财政拨款"三公"经费支出决算表, 政府性基金预算
财政拨款收入支出决算表 and 国有资本经营预算财政拨款支出决算表. Each is recognised by
its title (else its sheet or file name, else its header rows), and the identities
between them are added to the ledger, each naming the cells of both tables:

- 总表: the 收入 side's 总计 = the 支出 side's 总计 (both 总表);
- 收入表's 合计 row = the 总表's 本年收入合计, column by column: 财政拨款收入 = the
  three 财政拨款 rows of the 总表, 上级补助收入, 事业收入, ... each its own row;
- 支出表's 合计 row = the 总表's 本年支出合计, and each 类 row = the 总表's row of that 类;
- 财政拨款总表: its 财政拨款 income rows = the 总表's; its 本年支出合计 by column =
  the 合计 rows of the 一般公共预算 / 政府性基金 / 国有资本经营 tables; each 类 row of
  the 一般公共预算 table = its row of that 类; its 政府性基金 columns of 年初 / 年末
  结转和结余 = the 政府性基金 table's;
- 一般公共预算支出表's 基本支出 = the 基本支出表's 合计 (人员经费 + 公用经费);
- 政府性基金表, each row: 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余;
- 三公经费表 and the report's prose (a PDF's text, or a text read with its tables):
  each 三公 figure the prose states (the total, 因公出国（境）费, 公务用车购置及运行费
  and its 购置费 and 运行费, 公务接待费) = the table's cell of that item, in its
  决算数 columns (预算数 when the prose says 预算).

An identity is ``stated`` when both its tables were recognised by their titles, and
``inferred`` (a broken one is a warning to check by hand) when one was recognised only
by its header rows.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Final

from perfcheck._read.tables.cells import normalized, ordinal_stripped, unit_stripped
from perfcheck._read.tables.infer import TableBuilder
from perfcheck._read.tables.sides import side_of

OVERVIEW: Final = "收支总表"
INCOME: Final = "收入表"
SPENDING: Final = "支出表"
FISCAL: Final = "财政拨款收支总表"
GENERAL: Final = "一般公共预算财政拨款支出表"
BASIC: Final = "一般公共预算财政拨款基本支出表"
THREE: Final = "三公经费支出表"
FUND: Final = "政府性基金预算财政拨款收支表"
CAPITAL: Final = "国有资本经营预算财政拨款支出表"
#: The kinds of table of a disclosure, as recognised.
KINDS: Final = (OVERVIEW, INCOME, SPENDING, FISCAL, GENERAL, BASIC, THREE, FUND, CAPITAL)

INCOME_TOTAL: Final = ("本年收入合计", "收入合计", "本年收入")
SPENDING_TOTAL: Final = ("本年支出合计", "支出合计", "本年支出")
GRAND_TOTAL: Final = ("总计", "收入总计", "支出总计")
TOTAL_COLUMN: Final = ("本年收入合计", "本年支出合计", "合计", "小计", "收入合计", "支出合计", "总计")
GENERAL_MONEY: Final = (
    "一般公共预算财政拨款收入",
    "一般公共预算财政拨款",
    "一般公共预算拨款收入",
    "一般公共预算拨款",
)
FUND_MONEY: Final = (
    "政府性基金预算财政拨款收入",
    "政府性基金预算财政拨款",
    "政府性基金预算拨款收入",
    "政府性基金预算拨款",
)
CAPITAL_MONEY: Final = (
    "国有资本经营预算财政拨款收入",
    "国有资本经营预算财政拨款",
    "国有资本经营预算拨款收入",
    "国有资本经营预算拨款",
)
#: The 总表's other income rows, each a column of the 收入表.
OTHER_INCOME: Final = ("上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入")
OPENING: Final = ("年初结转和结余", "年初财政拨款结转和结余", "年初结转")
CLOSING: Final = ("年末结转和结余", "年末财政拨款结转和结余", "年末结转")
FUND_INCOME: Final = ("本年收入",)
FUND_SPENDING: Final = ("本年支出",)
FLOW: Final = "年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余"
#: The items of the 三公 经费: what a label or header says, the item it names (most specific first).
THREE_ITEMS: Final = (
    ("公务用车购置及运行", "公务用车购置及运行费"),
    ("公务用车购置费", "公务用车购置费"),
    ("公务用车运行", "公务用车运行费"),
    ("因公出国", "因公出国（境）费"),
    ("公务接待", "公务接待费"),
)
#: The 三公 total: what its label says.
THREE_TOTAL: Final = "三公经费"
#: A prose figure whose label says one of these is a change or another year's, not the figure itself.
NOT_STATED: Final = ("上年", "去年", "上一年", "同期", "比", "较", "增", "减", "下降")
#: Amount units a prose figure may be stated in.
AMOUNTS: Final = frozenset({"元", "千元", "万元", "亿元"})


def kind_of_title(title: str) -> str | None:
    """The kind of disclosure table a title names, or None.

    >>> kind_of_title("2023年度收入支出决算总表"), kind_of_title("财政拨款收支总表")
    ('收支总表', '财政拨款收支总表')
    >>> kind_of_title("一般公共预算财政拨款“三公”经费支出决算表"), kind_of_title("部门收入总表")
    ('三公经费支出表', '收入表')
    >>> kind_of_title("附表2 一般公共预算财政拨款基本支出决算表"), kind_of_title("绩效目标表")
    ('一般公共预算财政拨款基本支出表', None)
    """
    t = normalized(title)
    if "表" not in t:
        return None
    return next(
        (kind for need, avoid, kind in _TITLE_WORDS if all(w in t for w in need) and not avoid & set(t)),
        None,
    )


#: What a title must say, a character it must not, and the kind it then names; the first match counts.
_TITLE_WORDS: Final[tuple[tuple[tuple[str, ...], frozenset[str], str], ...]] = (
    (("三公",), frozenset(), THREE),
    (("政府性基金",), frozenset(), FUND),
    (("国有资本经营",), frozenset(), CAPITAL),
    (("基本支出",), frozenset(), BASIC),
    (("财政拨款", "收", "总表"), frozenset(), FISCAL),
    (("一般公共预算", "支出"), frozenset(), GENERAL),
    (("总表", "收", "支"), frozenset(), OVERVIEW),
    (("收入",), frozenset("支"), INCOME),
    (("支出",), frozenset(), SPENDING),
)


def kind_of_headers(headers: Sequence[str], halves: int) -> str | None:
    """The kind of disclosure table its header rows show, when its title names none."""
    joined = "|".join(normalized(x) for x in headers)
    if halves == 2:
        return FISCAL if "一般公共预算" in joined else OVERVIEW
    return next(
        (kind for words, kind in _HEADER_WORDS if all(any(w in joined for w in ws) for ws in words)), None
    )


#: Header words that tell a table's kind: every group must have one of its words present.
_HEADER_WORDS: Final[tuple[tuple[tuple[tuple[str, ...], ...], str], ...]] = (
    ((("因公出国",),), THREE),
    ((("年初结转",), ("本年收入",), ("本年支出",), ("年末结转",)), FUND),
    ((("人员经费",), ("公用经费",)), BASIC),
    ((("财政拨款收入", "上级补助收入", "事业收入"),), INCOME),
    ((("基本支出",), ("上缴上级支出", "经营支出", "对附属单位补助支出")), SPENDING),
)


@dataclass(frozen=True, slots=True)
class Part:
    """One recognised table, or one half of a 总表."""

    kind: str
    side: str | None
    built: TableBuilder
    by_title: bool

    def row(self, names: Sequence[str], *, under: Sequence[str] | None = None) -> int | None:
        """The first row labelled one of ``names`` (under a row labelled one of ``under``, if given)."""
        b = self.built
        for r, label in enumerate(b.labels):
            if ordinal_stripped(label) not in names or b.skipped[r]:
                continue
            parent = b.parent_of.get(r)
            if under is None and parent is None:
                return r
            if under is not None and parent is not None and ordinal_stripped(b.labels[parent]) in under:
                return r
        return None

    def total_row(self) -> int | None:
        """The table's 合计 row (合计, 总计), the first one without a code."""
        b = self.built
        return next((r for r in range(b.n_rows) if b.total_level(r) >= 2 and not b.skipped[r]), None)

    def column(self, names: Sequence[str]) -> int | None:
        """The amount column headed one of ``names``: the whole header, its last part, or a group's total."""
        b = self.built
        amounts = b.amount_columns()
        heads = {c: unit_stripped(normalized(b.headers[c])) for c in amounts}
        for name in names:
            for c, h in heads.items():
                group, _, last = h.rpartition("/")
                if name in {h, last} or (group.endswith(name) and last in TOTAL_COLUMN):
                    return c
        return None

    def only_column(self) -> int | None:
        amounts = self.built.amount_columns()
        return amounts[0] if len(amounts) == 1 else self.column(TOTAL_COLUMN)

    def cell(self, row: int | None, col: int | None) -> dict[str, Any] | None:
        """The figure printed at ``row``, ``col``, if any."""
        if row is None or col is None:
            return None
        return self.built.placed.get((row, col))

    def class_rows(self) -> Iterator[tuple[int, str]]:
        """The 类 rows (3-digit codes) and their names."""
        for r, code in enumerate(self.built.codes):
            if code is not None and len(code) == 3 and not self.built.skipped[r]:
                yield r, ordinal_stripped(self.built.labels[r])


def parts_of(built: Sequence[Sequence[TableBuilder]]) -> list[Part]:
    """The recognised tables among ``built`` (each table a list of its halves)."""
    parts: list[Part] = []
    for halves in built:
        table = halves[0].table
        kind = next((k for t in (table.title, table.sheet) if t and (k := kind_of_title(t))), None)
        by_title = kind is not None
        if kind is None:
            kind = kind_of_headers([h for b in halves for h in b.headers], len(halves))
        if kind is None:
            continue
        for i, half in enumerate(halves):
            side = side_of(half.table) or ("收入" if i == 0 else "支出") if len(halves) > 1 else None
            parts.append(Part(kind, side, half, by_title))
    return parts


class Identities:
    """The cross-table identities of a set of recognised tables."""

    def __init__(self, parts: list[Part]) -> None:
        self.parts = parts
        self.relations: list[dict[str, Any]] = []
        self.ids: set[str] = set()

    def find(self, kind: str, side: str | None = None) -> Part | None:
        return next((p for p in self.parts if p.kind == kind and (side is None or p.side == side)), None)

    def _add(self, rel: dict[str, Any], parts: Sequence[Part], cells: Sequence[dict[str, Any]]) -> None:
        rid = f"xt_{cells[0]['id']}_{cells[1]['id']}"
        n = 2
        while rid in self.ids:
            rid = f"xt_{cells[0]['id']}_{cells[1]['id']}_{n}"
            n += 1
        self.ids.add(rid)
        basis = "stated" if all(p.by_title for p in parts) else "inferred"
        self.relations.append({"id": rid, **rel, "basis": basis})

    def equal(self, a: tuple[Part, dict[str, Any] | None], b: tuple[Part, dict[str, Any] | None]) -> None:
        """The figure of one table and the figure of another are one quantity."""
        (pa, ca), (pb, cb) = a, b
        if ca is None or cb is None or ca["id"] == cb["id"]:
            return
        label = f"{ca['label']} = {cb['label']}"
        self._add({"kind": "equal", "label": label, "figures": [ca["id"], cb["id"]]}, [pa, pb], [ca, cb])

    def total(
        self, a: tuple[Part, dict[str, Any] | None], parts: Sequence[tuple[Part, dict[str, Any] | None]]
    ) -> None:
        """The figure of one table is the sum of figures of another."""
        pa, ca = a
        found = [(p, c) for p, c in parts if c is not None]
        if ca is None or not found:
            return
        cells = [c for _, c in found]
        label = f"{ca['label']} = " + " + ".join(c["label"] for c in cells)
        rel = {"kind": "sum", "label": label, "total": ca["id"], "parts": [c["id"] for c in cells]}
        self._add(rel, [pa, *(p for p, _ in found)], [ca, cells[0]])

    def run(self) -> list[dict[str, Any]]:
        self.overview()
        self.income()
        self.spending()
        self.fiscal()
        self.general()
        self.fund()
        return self.relations

    def overview(self) -> None:
        for kind in (OVERVIEW, FISCAL):
            i, s = self.find(kind, "收入"), self.find(kind, "支出")
            if i is not None and s is not None:
                col = s.only_column()
                self.equal(
                    (i, i.cell(i.row(GRAND_TOTAL), i.only_column())), (s, s.cell(s.row(GRAND_TOTAL), col))
                )

    def income(self) -> None:
        table, side = self.find(INCOME), self.find(OVERVIEW, "收入")
        if table is None or side is None:
            return
        row, amount = table.total_row(), side.only_column()

        def at(names: Sequence[str]) -> tuple[Part, dict[str, Any] | None]:
            return side, side.cell(side.row(names), amount)

        self.equal((table, table.cell(row, table.column((*INCOME_TOTAL[:2], "合计")))), at(INCOME_TOTAL))
        money = table.column(("财政拨款收入", "财政拨款"))
        if money is not None:
            self.total(
                (table, table.cell(row, money)), [at(GENERAL_MONEY), at(FUND_MONEY), at(CAPITAL_MONEY)]
            )
        for names in (GENERAL_MONEY, FUND_MONEY, CAPITAL_MONEY, *((w,) for w in OTHER_INCOME)):
            self.equal((table, table.cell(row, table.column(names))), at(names))

    def spending(self) -> None:
        table, side = self.find(SPENDING), self.find(OVERVIEW, "支出")
        if table is None or side is None:
            return
        amount = side.only_column()
        col = table.column((*SPENDING_TOTAL[:2], "合计"))
        self.equal(
            (table, table.cell(table.total_row(), col)), (side, side.cell(side.row(SPENDING_TOTAL), amount))
        )
        for row, name in table.class_rows():
            self.equal((table, table.cell(row, col)), (side, side.cell(side.row((name,)), amount)))

    def fiscal(self) -> None:
        income, spent = self.find(FISCAL, "收入"), self.find(FISCAL, "支出")
        overview = self.find(OVERVIEW, "收入")
        if income is not None and overview is not None:
            for names in (GENERAL_MONEY, FUND_MONEY, CAPITAL_MONEY):
                self.equal(
                    (income, income.cell(income.row(names), income.only_column())),
                    (overview, overview.cell(overview.row(names), overview.only_column())),
                )
        if spent is None:
            return
        total_row = spent.row(SPENDING_TOTAL)
        for kind, names in ((GENERAL, GENERAL_MONEY), (CAPITAL, CAPITAL_MONEY)):
            table = self.find(kind)
            if table is not None:
                col = spent.column(names)
                row = table.total_row()
                self.equal(
                    (spent, spent.cell(total_row, col)), (table, table.cell(row, table.column(TOTAL_COLUMN)))
                )
                if kind == GENERAL:
                    for r, name in table.class_rows():
                        own = table.cell(r, table.column(TOTAL_COLUMN))
                        self.equal((table, own), (spent, spent.cell(spent.row((name,)), col)))
        fund = self.find(FUND)
        if fund is None:
            return
        row, col = fund.total_row(), spent.column(FUND_MONEY)
        self.equal((spent, spent.cell(total_row, col)), (fund, fund.cell(row, fund.column(FUND_SPENDING))))
        self.equal((spent, spent.cell(spent.row(CLOSING), col)), (fund, fund.cell(row, fund.column(CLOSING))))
        if income is not None:
            amount = income.only_column()
            self.equal(
                (income, income.cell(income.row(FUND_MONEY), amount)),
                (fund, fund.cell(row, fund.column(FUND_INCOME))),
            )
            self.equal(
                (income, income.cell(income.row(FUND_MONEY, under=OPENING), amount)),
                (fund, fund.cell(row, fund.column(OPENING))),
            )

    def general(self) -> None:
        table, basic = self.find(GENERAL), self.find(BASIC)
        if table is None or basic is None:
            return
        mine = (table, table.cell(table.total_row(), table.column(("基本支出",))))
        row = basic.total_row()
        whole = basic.cell(row, basic.column(("合计", "基本支出", "决算数", "预算数")))
        if whole is not None:
            self.equal(mine, (basic, whole))
        else:
            pieces = [(basic, basic.cell(row, basic.column((w,)))) for w in ("人员经费", "公用经费")]
            self.total(mine, pieces)

    def fund(self) -> None:
        """Each row of the 政府性基金 table: 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余."""
        fund = self.find(FUND)
        if fund is None:
            return
        b = fund.built
        cols = [fund.column(n) for n in (OPENING, FUND_INCOME, FUND_SPENDING, CLOSING)]
        if any(c is None for c in cols):
            return
        for r in range(b.n_rows):
            cells = [fund.cell(r, c) for c in cols]
            if any(c is None for c in cells) or b.skipped[r]:
                continue
            opening, income, spent, closing = (c for c in cells if c is not None)
            rid = f"{b.table.prefix_of(r)}flow_{b.row_key(r)}"
            self.ids.add(rid)
            self.relations.append(
                {
                    "id": rid,
                    "kind": "balance",
                    "label": f"{b.label_prefix}{b.labels[r]}: {FLOW}",
                    "inflows": [opening["id"], income["id"]],
                    "outflows": [spent["id"], closing["id"]],
                    "basis": "stated" if fund.by_title else "inferred",
                }
            )


def three_item(parts: Sequence[str]) -> str | None:
    """The 三公 item the parts of a label or header name: the last part naming one, else the total.

    >>> three_item(["决算数", "公务用车购置及运行费", "公务用车购置费"]), three_item(["决算数", "合计"])
    ('公务用车购置费', '三公经费')
    >>> three_item(["一般公共预算财政拨款“三公”经费支出决算"]), three_item(["其他支出"])
    ('三公经费', None)
    """
    for part in reversed(parts):
        text = normalized(part)
        found = next((item for word, item in THREE_ITEMS if word in text), None)
        if found is not None:
            return found
    plain = ["".join(c for c in normalized(p) if c not in "“”\"'‘’「」") for p in parts]
    if any(THREE_TOTAL[:2] in p or p in TOTAL_COLUMN for p in plain):
        return THREE_TOTAL
    return None


def _budget_side(text: str) -> str | None:
    """Whether a label or header is of the 预算 or the 决算 figures (一般公共预算 says neither)."""
    t = normalized(text).replace("一般公共预算", "")
    if "决算" in t or "执行" in t or "实际" in t:
        return "决算"
    return "预算" if "预算" in t else None


class _ThreeProse:
    """The identities between the 三公 table and the 三公 figures the prose states."""

    def __init__(self, part: Part, prose: Sequence[dict[str, Any]], sums: Sequence[dict[str, Any]]) -> None:
        self.part = part
        self.prose = prose
        labels = {f["id"]: str(f.get("label") or "") for f in prose}
        items = {"因公出国（境）费", "公务用车购置及运行费", "公务接待费"}
        #: figures named by no item that the prose sums from the three (支出决算为16.72万元，
        #: 其中：因公出国（境）费…): the total
        self.totals = {
            rel["total"]
            for rel in sums
            if len(rel.get("parts", ())) >= 2
            and three_item([labels.get(rel["total"], "")]) is None
            and all(three_item([labels.get(p, "")]) in items for p in rel["parts"])
        }

    def cells(self) -> dict[tuple[str, str | None], dict[str, Any]]:
        """The table's amount cells by (item, side), a side its columns' 预算/决算 (None: one side only)."""
        b = self.part.built
        out: dict[tuple[str, str | None], dict[str, Any]] = {}
        for (row, col), fig in b.placed.items():
            if col not in b.amount_columns() or b.skipped[row]:
                continue
            header = unit_stripped(normalized(b.headers[col]))
            if "上年" in header:
                continue
            item = three_item([*header.split("/"), b.labels[row]])
            if item is not None:
                out.setdefault((item, _budget_side(f"{header}/{b.labels[row]}")), fig)
        return out

    def relations(self) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
        """(table cell, prose figure) pairs that are one quantity."""
        cells = self.cells()
        sides = {side for _, side in cells}
        for fig in self.prose:
            label = str(fig.get("label") or "")
            if fig.get("unit") not in AMOUNTS or any(w in label for w in NOT_STATED):
                continue
            item = THREE_TOTAL if fig["id"] in self.totals else three_item([label])
            if item is None:
                continue
            side = _budget_side(label)
            if side is None:  # unmarked: the table's one side, else the 决算 (what a 决算 states)
                side = next(iter(sides)) if len(sides) == 1 else "决算"
            cell = cells.get((item, side)) or (cells.get((item, None)) if side not in sides else None)
            if cell is not None:
                yield cell, fig


def disclosure_relations(
    built: Sequence[Sequence[TableBuilder]],
    prose: Sequence[dict[str, Any]] = (),
    sums: Sequence[dict[str, Any]] = (),
) -> list[dict[str, Any]]:
    """The identities between the recognised tables of ``built`` (each table a list of its halves).

    And between the 三公 table and the figures of the report's ``prose`` (a text reader's
    figures, each with its unit, changes left out), ``sums`` the prose's sum relations.
    """
    parts = parts_of(built)
    identities = Identities(parts)
    relations = identities.run()
    three = identities.find(THREE)
    if three is None or not prose:
        return relations
    for cell, fig in _ThreeProse(three, prose, sums).relations():
        rid = f"xt_{cell['id']}_{fig['id']}"
        if rid in identities.ids:
            continue
        identities.ids.add(rid)
        relations.append(
            {
                "id": rid,
                "kind": "equal",
                "label": f"{cell['label']} = {fig.get('label') or fig['id']}",
                "figures": [cell["id"], fig["id"]],
                "basis": "stated" if three.by_title else "inferred",
            }
        )
    return relations
