"""A figure stated in a sentence and the same quantity's cell in a table printed in the same text.

``公务接待费支出决算16.30万元`` in the prose and, in the table flattened into the text below
it, the cell of row 公务接待费 under 决算数: one quantity printed twice, an ``equal``.
The pairing is the reader's (names matched, a layout guessed), so the equality is
inferred: a figure printed differently in the two is a warning to check by hand
(PC903), never an error.

A sentence's figure and a cell are paired when:

- both are amounts (no change, no percentage, no qualifier such as 约), the cell in no
  column or row of changes (增减, 比上年, 减少…), the figure no part (其中) of a change;
- the item is the same once the words that say where it stands are taken off: item
  numbers (``（一）``, ``1.``, ``其中：``), quotes, the role words (预算数, 支出决算, 财政拨款…) and
  a few spellings (公车, 公务车 and 公务用车, 运行维护费 and 运行费, 经费 and 费用); a table's
  合计 row of the 三公 parts is the 三公经费; a figure named by its role alone (``“三公”经费支出预算为
  246万元，支出决算为167.37万元``) names the item of the amount before it in its sentence, and is
  then paired only with a cell whose column names a role;
- the year is the same (a cell's row or column year, else the report's) and the role
  is the same: a figure whose role is printed (预算, 决算, 调整预算…) is paired only with a
  cell of that role, by its column (a 预算数 cell is never a 决算 figure, a 年初预算 cell no
  调整预算 figure) or, for a column naming none (``项目 | 金额``), by the table's caption
  (``…“三公”经费支出预算表``); a cell of no role by either is no figure's of a role
  (``“三公”经费支出预算50万元`` is not the 41.20 of a table headed ``项目 | 小计 | 合计``). A
  figure whose role is not printed is paired only when the table has columns of one role
  (a blank 决算数 cell does not make the 预算数 cell the figure's);
- exactly one cell is left.
"""

from __future__ import annotations

import re
from typing import Any, Final

from perfcheck._read.text import patterns
from perfcheck._read.text.base import BY, Built, Fig, Rel, built_by
from perfcheck._read.text.tables import TextTable
from perfcheck._read.text.variants import simplified

#: Item numbers and list words before a name: （一）, 1., 一、, 其中：.
_NUMBERING: Final = re.compile(
    r"^(?:[（(][一二三四五六七八九十0-9]+[）)]|[一二三四五六七八九十]+、|[0-9]+[.、．]|其中[：:]?)+"
)
#: Words that say which column or role a figure is, not what it is.
_ROLE_WORDS: Final = re.compile(
    r"财政拨款|一般公共预算|支出预算数?|支出决算数?|预算数|决算数|执行数|年初预算|调整预算|预算|决算|支出|开支|安排|的"
)
#: Spellings of one item: the first of each pair is read as the second.
_SPELLINGS: Final = (
    ("公车", "公务用车"),
    ("公务车", "公务用车"),
    ("运行维护费", "运行费"),
    ("运维费", "运行费"),
    ("费用", "费"),
    ("经费", "费"),
)
#: A row or column of changes or rates: its cells are no quantity printed in the prose.
_CHANGED: Final = re.compile(r"增减|增加|减少|增长|下降|比上年|较上年|变动|[%％率]")
#: A header cell that only places a value: a year, a role, a unit.
_PLACE: Final = re.compile(
    r"(?:19|20)[0-9]{2}年度?|[（(][^）)]*[）)]|预算数|决算数|执行数|预算|决算|支出|金额|数"
)
_YEAR: Final = re.compile(r"((?:19|20)[0-9]{2})年")
#: A unit printed after a caption: ``…决算表（单位：万元）``, ``…预算表 金额单位：元``.
_UNIT_AFTER: Final = re.compile(r"[（(]?(?:金额)?单位[:：][^）)]*[）)]?$")
#: How many lines above a table, and of its own first, its caption is looked for in.
_CAPTION_REACH: Final = 6
_TOTAL_ROWS: Final = frozenset({"合计", "总计"})


def item(label: str) -> str:
    """What a label names, without the words that say where it stands.

    >>> item("（三）公务用车购置及运行费支出决算"), item("3.公车购置及运行维护费"), item("其中：公务接待费")
    ('公务用车购置及运行费', '公务用车购置及运行费', '公务接待费')
    """
    name = re.sub(r"[\s\u3000“”\"「」]", "", label).replace("（", "(").replace("）", ")")
    name = _NUMBERING.sub("", name)
    for printed, read in _SPELLINGS:
        name = name.replace(printed, read)
    if "三公" in name:
        return "三公"
    return _ROLE_WORDS.sub("", name)


def _role(words: str) -> str | None:
    found = patterns.BUDGET_KINDS.sub("", words)
    return next((role for rx, role in patterns.ROLES if rx.search(found)), None)


def _one_role(words: str) -> str | None:
    """The one role ``words`` name (调整预算 is no 预算 besides); None for none or two (预算与决算对比)."""
    found = patterns.BUDGET_KINDS.sub("", words)
    roles = set()
    for rx, role in patterns.ROLES:
        if rx.search(found):
            roles.add(role)
            found = rx.sub("", found)
    return roles.pop() if len(roles) == 1 else None


def caption_role(printed: str, start: int) -> str | None:
    r"""The role named by the caption of a table that starts at ``start``: None if none or two.

    The caption is the last title (a line ending in 表 or 情况, a unit after it aside, no
    ``|``, no sentence) among the few lines above the table and its own first lines, which
    the table reader may have taken in (a caption printed between blank header cells).

    >>> text = "一、2022年“三公”经费支出预算表\n单位：万元\n项目 | 金额\n"
    >>> caption_role(text, text.index("项目"))
    'budget'
    >>> text = "2016年决算与2015年预算对比情况\n项目 | 金额\n"
    >>> caption_role(text, text.index("项目")), caption_role(text, 0)
    (None, None)
    """
    above = simplified(printed[:start]).split("\n")[-_CAPTION_REACH - 1 : -1]
    below = simplified(printed[start:]).split("\n")[:_CAPTION_REACH]
    titles = [line for line in map(_title, [*above, *below]) if line]
    return _one_role(titles[-1]) if titles else None


def _title(line: str) -> str:
    """A line as a table's caption (``一、2021年度“三公”经费支出决算表``), else empty."""
    line = _UNIT_AFTER.sub("", re.sub(r"\s", "", line))
    if "|" in line or len(line) > 60 or not line.endswith(("表", "情况")):
        return ""
    return line


def _cell(fig: dict[str, Any], *, sangong: bool) -> tuple[str, str | None, str | None] | None:
    """A table figure's item, year and role; None for a cell of changes or of no item."""
    parts = [p.strip() for p in str(fig["label"]).split(" / ")]
    if str(fig.get("unit")) == "%" or any(_CHANGED.search(p) for p in parts):
        return None
    names, year, role = [], None, None
    for part in parts:
        named = []
        for piece in part.split("/"):
            if found := _YEAR.search(piece):
                year = year or found.group(1)
            role = role or _role(piece)
            if _PLACE.sub("", re.sub(r"\s", "", piece)):
                named.append(piece)
        # 公车购置及运行维护费/车辆购置: the column under a spanning cell names the item; /合计 its parent
        if len(named) > 1 and re.sub(r"\s", "", named[-1]) in _TOTAL_ROWS:
            named.pop()
        names += named[-1:]
    names = [n for n in names if re.sub(r"\s", "", n) not in _TOTAL_ROWS] or names
    if not names:
        return None
    name = re.sub(r"\s", "", names[0])
    if name in _TOTAL_ROWS:
        return ("三公", year, role) if sangong else None
    return item(name), year, role


def table_links(built: Built, tables: list[TextTable], printed: str) -> list[Rel]:
    """Equalities of sentences' figures with the cells of the tables printed in the same text.

    ``printed`` is the text as printed, offset for offset, which each relation quotes.
    """
    document = built.document
    year = document.get("period")
    links: list[Rel] = []
    for table in tables:
        labels = " ".join(str(f["label"]) for f in table.figures)
        sangong = "公务接待" in labels
        cells = [(f, placed) for f in table.figures if (placed := _cell(f, sangong=sangong)) is not None]
        # a column naming no role takes the caption's (…“三公”经费支出预算表 over 项目 | 金额)
        caption = caption_role(printed, table.start)
        captioned = [(f, (named, at, role or caption)) for f, (named, at, role) in cells]
        for before, fig in zip([None, *built.figures], built.figures, strict=False):
            if fig.kind != "amount" or fig.mention.qualifier or patterns.CHANGE_LABEL.search(fig.label):
                continue
            if before is not None and _part_of_change(before, fig, printed):
                continue
            name = _subject(before, fig)
            # a name borrowed from the clause's subject pairs only with a cell of the figure's own role
            roled = captioned if name == item(fig.label) else [c for c in cells if c[1][2] is not None]
            if (cell := _paired(fig, roled, year, name)) is not None:
                label = f"{fig.label} = {cell['label']}: a sentence's figure and a table's cell"
                where = fig.sentence
                source: dict[str, Any] = {"line": where.line, "start": where.start, "end": where.end}
                source["text"] = printed[where.start : where.end]
                if where.section is not None:
                    source = {"section": where.section, **source}
                data = {
                    "id": f"link_{fig.id}",
                    "kind": "equal",
                    "figures": [fig.id, cell["id"]],
                    "label": label,
                }
                made: dict[str, Any] = {**data, "basis": "inferred", "source": source, BY: built_by()}
                links.append(Rel(made, [where], [fig]))
    return links


def _part_of_change(before: Fig, fig: Fig, printed: str) -> bool:
    """Whether ``fig`` is listed (其中) under a change printed before it: then it is a change too.

    ``减少了“三公”经费342.74万元，其中公务用车购置及运行维护费308.87万元``.
    """
    changed = patterns.CHANGE_LABEL.search(before.label) or patterns.DIRECTED.search(before.label)
    between = printed[before.mention.end : fig.mention.start]
    return bool(changed) and before.sentence.period == fig.sentence.period and "其中" in between


def _subject(before: Fig | None, fig: Fig) -> str:
    """What a figure names: its label's item, or, for a label of role words alone, its clause's subject.

    ``“三公”经费支出预算为246万元，支出决算为167.37万元``: 支出决算 names no item; the figure before
    it in its sentence, an amount whose label names one, gives it (三公).
    """
    name = item(fig.label)
    if len(name) >= 2 or before is None or before.sentence is not fig.sentence or before.kind != "amount":
        return name
    if not fig.label.strip() or _role(fig.label) is None:
        return name
    return item(before.label)


def _paired(
    fig: Fig,
    cells: list[tuple[dict[str, Any], tuple[str, str | None, str | None]]],
    year: str | None,
    name: str,
) -> dict[str, Any] | None:
    """The one cell of ``cells`` that is the figure's quantity, named ``name``; None if none or more."""
    if len(name) < 2:
        return None
    own_year = fig.period or year
    own_role = _role(fig.label)
    found = [
        (cell, role)
        for cell, (cell_item, cell_year, role) in cells
        if cell_item == name and (cell_year or year) == own_year and (own_role is None or role == own_role)
    ]
    if own_role is None and len({role for _, (_, _, role) in cells}) > 1:
        # 公务接待费1.52万元 beside a 预算数 and a 决算数 column: which one is not said, even
        # when one of the row's two cells is blank
        return None
    return found[0][0] if len(found) == 1 else None
