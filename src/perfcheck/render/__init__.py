"""Render results for people and tools: tables, markdown, HTML, JSON, SARIF, GitHub annotations.

The core never imports this package; findings are data (a message id and its
parameters) and this is where they are worded, in the locale asked for: a result
checked in English renders in Chinese without checking again.

One module a format: :mod:`~perfcheck.render.table_format` (plain, markdown and HTML tables
through tabulate), :mod:`~perfcheck.render.json_format`, :mod:`~perfcheck.render.sarif`,
:mod:`~perfcheck.render.github`; and for other readers
:mod:`~perfcheck.render.notebook_html` and :mod:`~perfcheck.render.notebook_markdown`
(Jupyter), :mod:`~perfcheck.render.marked_table` (a table's result as the table, failing
cells marked), :mod:`~perfcheck.render.reconciliation_table`, :mod:`~perfcheck.render.failure`
(pytest), :mod:`~perfcheck.render.rule_docs` (``docs/rules``, ``perfcheck rules`` and
``explain``), :mod:`~perfcheck.render.extraction` (what ``perfcheck extract`` read).

>>> import perfcheck
>>> from perfcheck.render import render
>>> result = perfcheck.check("examples/seed-ziyang-fulian-2021.json")
>>> print(render(result, "table").splitlines()[-1])
0 errors, 0 warnings, 0 infos; 27 relations checked; 50 of 63 figures in a relation, 0 relations inferred
>>> print(render(result, "table", locale="zh_CN").splitlines()[-1])
错误 0 个，警告 0 个，提示 0 个；已核验关系 27 个；63 个数字中 50 个进入关系，推断的关系 0 个
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any, Final, Literal

from perfcheck._core.i18n import check_locale_name
from perfcheck._core.lazy import load

if TYPE_CHECKING:
    from perfcheck._engine.registry import Registry
    from perfcheck._findings.result import Result
    from perfcheck.render._common import Checked, rows, summary
    from perfcheck.render.extraction import extraction_summary
    from perfcheck.render.failure import failure_message, printed_at
    from perfcheck.render.github import github_annotations, github_data, github_property
    from perfcheck.render.html_report import compact_html, documents_html, report_html
    from perfcheck.render.json_format import document_json, documents_json, finding_json, result_json
    from perfcheck.render.marked_table import MarkedTable, marked_table, marked_table_html
    from perfcheck.render.notebook_html import finding_html, result_html
    from perfcheck.render.notebook_markdown import finding_markdown, result_markdown
    from perfcheck.render.reconciliation_table import failed_checks, reconciliation
    from perfcheck.render.rule_docs import rule_page, rule_pages, rules_markdown, rules_table, summary_of
    from perfcheck.render.sarif import RULES_DOC, SARIF_SCHEMA, sarif_log
    from perfcheck.render.table_format import TableFormat, acknowledged_table, table, tables

#: The module of each public name. A format's module is imported the first time one of its
#: names is asked for (PEP 562) or it is rendered in: printing JSON loads no tabulate, and a
#: table loads no HTML, SARIF, rule pages or text extraction (docs/performance.md, "Start-up").
_MODULES: Final[dict[str, tuple[str, ...]]] = {
    "_common": ("Checked", "rows", "summary"),
    "extraction": ("extraction_summary",),
    "failure": ("failure_message", "printed_at"),
    "github": ("github_annotations", "github_data", "github_property"),
    "html_report": ("compact_html", "documents_html", "report_html"),
    "json_format": ("document_json", "documents_json", "finding_json", "result_json"),
    "marked_table": ("MarkedTable", "marked_table", "marked_table_html"),
    "notebook_html": ("finding_html", "result_html"),
    "notebook_markdown": ("finding_markdown", "result_markdown"),
    "reconciliation_table": ("failed_checks", "reconciliation"),
    "rule_docs": ("rule_page", "rule_pages", "rules_markdown", "rules_table", "summary_of"),
    "sarif": ("RULES_DOC", "SARIF_SCHEMA", "sarif_log"),
    "table_format": ("TableFormat", "acknowledged_table", "table", "tables"),
}
_WHERE: Final = {name: module for module, names in _MODULES.items() for name in names}


def _module(name: str) -> ModuleType:
    """The format module ``perfcheck.render.<name>``, imported on first use.

    Once imported it is taken from ``sys.modules``: a batch asks once a document, and
    ``importlib.import_module`` costs more than the dictionary lookup.
    """
    return load(f"{__name__}.{name}")


def __getattr__(name: str) -> Any:  # noqa: ANN401 - any public name of the package
    """A public name, imported from its format's module on first use (PEP 562) and kept here."""
    module = _WHERE.get(name)
    if module is None:
        msg = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


Format = Literal["table", "markdown", "html", "json"]
#: The formats :func:`render` writes one result in.
FORMATS: Final = ("table", "markdown", "html", "json")
#: Every output format of ``perfcheck check``.
OUTPUT_FORMATS: Final = ("table", "markdown", "html", "json", "sarif", "github")
_TABLE_FORMATS: Final[dict[str, TableFormat]] = {"table": "table", "markdown": "markdown", "html": "html"}


def render(
    result: Result, fmt_name: Format = "table", *, locale: str | None = None, source: object = None
) -> str:
    """The result in one of :data:`FORMATS`, worded in ``locale`` (default: the one it was checked in).

    ``html`` is one self-contained page (:func:`report_html`, docs/report.md); given
    ``source``, what was checked, the page also shows the report seen through perfcheck.

    Raises:
        ValueError: an unknown format or locale.
    """
    text: str
    if fmt_name == "json":
        json_format = _module("json_format")
        text = json_format.indented(json_format.result_json(result, locale=locale))
        return text
    if fmt_name == "html":
        text = _module("html_report").report_html(result, locale, source=source)
        return text
    if fmt_name in _TABLE_FORMATS:
        text = _module("table_format").table(result, _TABLE_FORMATS[fmt_name], locale=locale)
        return text
    msg = f"unknown format {fmt_name!r}; choose one of {', '.join(FORMATS)}"
    raise ValueError(msg)


def render_documents(  # noqa: PLR0913 - keyword-only options of one rendering
    documents: Sequence[Checked],
    fmt_name: str = "table",
    *,
    locale: str | None = None,
    single: bool = False,
    unusable: Sequence[tuple[str, str]] = (),
    baseline: str | None = None,
    registry: Registry | None = None,
) -> str:
    """Several checked documents in one of :data:`OUTPUT_FORMATS`.

    Args:
        documents: the documents checked, in order.
        fmt_name: the output format.
        locale: the locale of the output (``en`` or ``zh_CN``; default: each
            result's own).
        single: the run named one document, so ``json`` prints its object rather
            than a list, and tables have no heading per document.
        unusable: ``(path, message)`` of each input that could not be used; SARIF
            reports them as tool notifications.
        baseline: the baseline file in use, which annotations of stale
            acknowledgements point at.
        registry: the rules SARIF describes (default: the default registry).

    Raises:
        ValueError: an unknown format or locale.
    """
    if locale is not None:
        check_locale_name(locale)
    text: str
    if fmt_name == "json":
        text = _module("json_format").documents_json(documents, single=single, locale=locale)
        return text
    if fmt_name == "sarif":
        sarif = _module("sarif")
        log = sarif.sarif_log(
            documents, unusable=unusable, baseline=baseline, registry=registry, locale=locale
        )
        text = _module("json_format").indented(log)
        return text
    if fmt_name == "github":
        text = _module("github").github_annotations(documents, baseline=baseline, locale=locale)
        return text
    if fmt_name == "html":
        text = _module("html_report").documents_html(documents, locale, single=single)
        return text
    if fmt_name in _TABLE_FORMATS:
        text = _module("table_format").tables(
            documents, _TABLE_FORMATS[fmt_name], single=single, locale=locale
        )
        return text
    msg = f"unknown format {fmt_name!r}; choose one of {', '.join(OUTPUT_FORMATS)}"
    raise ValueError(msg)


#: The formats whose text :func:`render_documents` writes a document at a time: a batch
#: renders each document where it is checked and joins the parts (:func:`parts_joined`).
STREAMED: Final = ("table", "markdown", "json")


def document_part(
    document: Checked, fmt_name: str, *, locale: str | None = None, single: bool = False
) -> str:
    """One document's part of :func:`render_documents`' text in a :data:`STREAMED` format.

    >>> import perfcheck
    >>> from perfcheck.render import Checked
    >>> result = perfcheck.check("examples/seed-ziyang-fulian-2021.json")
    >>> seed = Checked("seed.json", "seed.json", None, result)
    >>> parts = [document_part(seed, "json"), document_part(seed, "json")]
    >>> "".join(parts_joined(parts, "json")) == render_documents([seed, seed], "json")
    True
    """
    text: str
    if fmt_name == "json":
        text = _module("json_format").document_part(document, locale=locale)
    else:
        table_format = _module("table_format")
        text = table_format.document_table(document, _TABLE_FORMATS[fmt_name], single=single, locale=locale)
    return text


def clean_part(  # noqa: PLR0913 - a clean document's parts
    name: str,
    path: str,
    line: int | None,
    found: tuple[str | None, int, tuple[int, int, int, int, int]],
    fmt_name: str,
    *,
    locale: str,
    single: bool = False,
) -> str:
    """A document's part as :func:`document_part` writes it, when it has no findings: from its counts alone.

    ``found`` is the document's title, how many relations were checked, and its figures,
    those in relations, relations, inferred and idle ones: what the fast path counted. No
    result is built; the summary line is worded once per distinct counts.

    >>> import perfcheck
    >>> from perfcheck.render import Checked
    >>> result = perfcheck.check("examples/seed-ziyang-fulian-2021.json")
    >>> seed = Checked("seed.json", "seed.json", None, result)
    >>> found = (result.title, 27, (63, 50, 27, 0, 0))
    >>> all(clean_part("seed.json", "seed.json", None, found, f, locale="en") == document_part(seed, f)
    ...     for f in STREAMED)
    True
    """
    title, checked, counts = found
    text: str
    if fmt_name == "json":
        text = _module("json_format").clean_part(path, line, title, checked, counts)
    else:
        figures, used, _, inferred, _ = counts
        words = _module("_common").clean_line(locale, checked, figures, used, inferred)
        text = _module("table_format").clean_table(name, words, _TABLE_FORMATS[fmt_name], single=single)
    return text


def parts_joined(parts: Iterable[str], fmt_name: str, *, single: bool = False) -> Iterator[str]:
    """The text :func:`render_documents` writes of the documents whose parts these are, a piece at a time."""
    if fmt_name == "json":
        yield from _module("json_format").joined(parts, single=single)
        return
    first = True
    for part in parts:
        yield part if first else "\n\n" + part
        first = False


__all__ = [
    "FORMATS",
    "OUTPUT_FORMATS",
    "RULES_DOC",
    "SARIF_SCHEMA",
    "STREAMED",
    "Checked",
    "Format",
    "MarkedTable",
    "acknowledged_table",
    "clean_part",
    "compact_html",
    "document_json",
    "document_part",
    "documents_html",
    "documents_json",
    "extraction_summary",
    "failed_checks",
    "failure_message",
    "finding_html",
    "finding_json",
    "finding_markdown",
    "github_annotations",
    "github_data",
    "github_property",
    "marked_table",
    "marked_table_html",
    "parts_joined",
    "printed_at",
    "reconciliation",
    "render",
    "render_documents",
    "report_html",
    "result_html",
    "result_json",
    "result_markdown",
    "rows",
    "rule_page",
    "rule_pages",
    "rules_markdown",
    "rules_table",
    "sarif_log",
    "summary",
    "summary_of",
    "table",
    "tables",
]
