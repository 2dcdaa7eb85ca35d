"""The HTML report: one self-contained page a person looks at (``--format html``, ``render(result, "html")``).

The page is one file: ``<!doctype html>``, UTF-8, inline CSS and inline SVG, no
request to any network (its Content-Security-Policy forbids them) and no script
needed to read it; a few lines of script open every ``<details>`` before printing.
It follows the reader's dark mode and prints on paper. Words are in the result's
locale, or the one asked for.

From the top:

1. **at a glance**: the report's title, the verdict, counts by severity, coverage;
2. **a card per finding**: the relation in the report's words, stated against
   computed, a number line (:mod:`~perfcheck.render.html_numberline`) with the
   interval the printed value had to lie in, the value outside it and the distance,
   and where each figure was printed;
3. **the relations that hold**, listed in a collapsed ``<details>``;
4. **the report seen through perfcheck** when the page is given what was checked
   (:mod:`~perfcheck.render.html_source`): the text with its figures marked, the
   table with its failing cells, or the ledger's sums as a tree.

:func:`compact_html` is the same at-a-glance and cards without the page around them:
what a notebook shows for a result (``Result._repr_html_``).

>>> import perfcheck
>>> result = perfcheck.check("examples/seed-with-mistakes.json")
>>> page = report_html(result, source="examples/seed-with-mistakes.json")
>>> page.startswith("<!doctype html>"), page.count('class="pc-card '), len(result.findings)
(True, 19, 19)
>>> "errors" in report_html(result, locale="zh_CN")
False
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Final

from perfcheck._core.i18n import N_, Messages
from perfcheck._core.version import VERSION
from perfcheck._findings.finding import Finding, Severity
from perfcheck._findings.result import Result
from perfcheck.render._common import (
    LIKELY_WRONG,
    Checked,
    likely_wrong,
    locale_of,
    not_read_lines,
    severity_word,
    shown_numbers,
)
from perfcheck.render.html_numberline import number_line
from perfcheck.render.html_source import Document, anchor, broken_relations, document_of, view
from perfcheck.render.reconciliation_table import cells, reconciliation_headers
from perfcheck.render.rule_docs import summary_of
from perfcheck.rules import default_registry

#: A page lists at most this many relations that hold; the rest are counted.
HOLDING_LIMIT: Final = 2000
#: A result of more relations than this is not asked for its checks (for a document read by the
#: fast path they are worked out again in full): the page counts the holding relations instead.
CHECKS_LIMIT: Final = 20_000
#: A notebook shows at most this many cards.
COMPACT_CARDS: Final = 20

_LANG: Final = {"en": "en", "zh_CN": "zh-CN"}

CSS: Final = """
.pc-report{--bg:#fff;--fg:#1f2328;--muted:#59636e;--card:#f6f8fa;--line:#d1d9e0;--err:#cf222e;
--err-bg:#ffebe9;--warn:#9a6700;--warn-bg:#fff8c5;--info:#0969da;--info-bg:#ddf4ff;--ok:#1a7f37;
--ok-bg:#dafbe1;--unused:#8250df;--unused-bg:#fbefff;--unread:#bc4c00;--unread-bg:#fff1e5;
color:var(--fg);background:var(--bg);font:15px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC",
"PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;max-width:72rem;margin:0 auto;padding:1rem}
@media (prefers-color-scheme:dark){.pc-report{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--card:#151b23;
--line:#3d444d;--err:#ff7b72;--err-bg:#3c1618;--warn:#d29922;--warn-bg:#3a2d0b;--info:#4493f8;
--info-bg:#0c2d6b;--ok:#3fb950;--ok-bg:#0f2d19;--unused:#ab7df8;--unused-bg:#2b1d47;--unread:#f0883e;
--unread-bg:#3d1e00}}
.pc-report h1{font-size:1.45rem;margin:.2rem 0 .4rem}.pc-report h2{font-size:1.15rem;margin:1.4rem 0 .5rem;
border-bottom:1px solid var(--line);padding-bottom:.2rem}
.pc-report code{font:.85em ui-monospace,SFMono-Regular,Menlo,monospace}
.pc-glance{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center}
.pc-verdict{font-weight:700;font-size:1.1rem;padding:.2rem .7rem;border-radius:.4rem;margin:0}
.pc-fail{color:var(--err);background:var(--err-bg)}.pc-pass{color:var(--ok);background:var(--ok-bg)}
.pc-counts{display:flex;gap:.4rem;list-style:none;margin:0;padding:0}
.pc-count{padding:.1rem .6rem;border-radius:1rem;border:1px solid var(--line)}
.pc-count-error{color:var(--err)}.pc-count-warning{color:var(--warn)}.pc-count-info{color:var(--info)}
.pc-coverage{display:flex;flex-wrap:wrap;gap:.1rem 1.2rem;margin:.5rem 0 0;color:var(--muted);font-size:.9rem}
.pc-coverage div{display:flex;gap:.3rem}.pc-coverage dd{margin:0;color:var(--fg);font-weight:600}
.pc-card{border:1px solid var(--line);border-left:5px solid var(--err);border-radius:.4rem;
background:var(--card);padding:.6rem .9rem;margin:.7rem 0;break-inside:avoid}
.pc-card.pc-warning{border-left-color:var(--warn)}.pc-card.pc-info{border-left-color:var(--info)}
.pc-card header{display:flex;flex-wrap:wrap;gap:.2rem .6rem;align-items:baseline}
.pc-sev{font-weight:700;text-transform:uppercase;font-size:.75rem;letter-spacing:.04em;color:var(--err)}
.pc-warning .pc-sev{color:var(--warn)}.pc-info .pc-sev{color:var(--info)}
.pc-rule{color:var(--muted)}.pc-words{margin:.3rem 0;font-weight:600}.pc-message{margin:.3rem 0}
.pc-numbers{display:flex;flex-wrap:wrap;gap:.2rem 1.4rem;margin:.3rem 0}.pc-numbers div{display:flex;
flex-direction:column}.pc-numbers dt{font-size:.78rem;color:var(--muted)}.pc-numbers dd{margin:0;
font-variant-numeric:tabular-nums;font-weight:600}
.pc-line{display:block;max-width:100%;height:auto;margin:.2rem 0}
.pc-axis{stroke:var(--muted);stroke-width:1.2;fill:none}.pc-break-gap{fill:var(--card)}
.pc-band{fill:var(--ok-bg);stroke:var(--ok);stroke-width:1.5}.pc-bound{stroke:var(--ok);stroke-width:2}
.pc-expected{stroke:var(--ok);stroke-width:2;stroke-dasharray:2 2}
.pc-value{fill:var(--err);stroke:var(--bg);stroke-width:1.5}.pc-gap{stroke:var(--err);fill:none;stroke-width:1.3}
.pc-line text{font:12px system-ui,sans-serif;fill:var(--fg)}
.pc-line .pc-gap-text,.pc-line .pc-value-text{fill:var(--err);font-weight:700}
.pc-line .pc-note{fill:var(--muted);font-size:10px}
.pc-report table{border-collapse:collapse;font-size:.88rem}
.pc-report th,.pc-report td{border:1px solid var(--line);padding:.15rem .45rem;text-align:left;
vertical-align:top}.pc-report td.pc-n{text-align:right;font-variant-numeric:tabular-nums}
.pc-where{margin-top:.4rem}.pc-muted{color:var(--muted)}
.pc-suspect{margin:.4rem 0;padding:.3rem .6rem;border:1px dashed var(--warn);border-radius:.3rem}
.pc-report details>summary{cursor:pointer}.pc-scroll{overflow-x:auto}
.pc-text{white-space:pre-wrap;line-height:1.9;border:1px solid var(--line);border-radius:.4rem;padding:.8rem;
max-height:80vh;overflow-y:auto}
.pc-fig{border-radius:.2rem;padding:0 .1rem;text-decoration:none;color:inherit;border-bottom:2px solid}
.pc-broken{background:var(--err-bg);border-color:var(--err);font-weight:700}
.pc-subject{outline:2px solid var(--err);outline-offset:1px}
.pc-holds{background:var(--ok-bg);border-color:var(--ok)}
.pc-unjudged{background:var(--info-bg);border-color:var(--info)}
.pc-unused{background:var(--unused-bg);border-color:var(--unused);border-bottom-style:dotted}
.pc-unreadable{background:var(--unread-bg);border-color:var(--unread);border-bottom-style:wavy}
.pc-legend{list-style:none;display:flex;flex-wrap:wrap;gap:.3rem 1rem;padding:0;font-size:.88rem}
.pc-cell-broken{background:var(--err-bg)}
.pc-tree,.pc-tree ul{list-style:none;padding-left:1.2rem;margin:0}.pc-tree{padding-left:0}
.pc-node-value{font-variant-numeric:tabular-nums;color:var(--muted)}
.pc-node-broken>details>summary .pc-node-value{color:var(--err);font-weight:700}
.pc-badge{color:var(--err);font-weight:700;text-decoration:none}.pc-more{color:var(--muted);font-style:italic}
.pc-foot{margin-top:2rem;color:var(--muted);font-size:.8rem}
.pc-report :target{outline:3px solid var(--info);outline-offset:2px}
@media print{.pc-report{--bg:#fff;--fg:#000;--card:#fff;max-width:none;font-size:11pt}
.pc-text{max-height:none;overflow:visible}.pc-card{break-inside:avoid}a{color:inherit}}
"""

#: The page's own background, under the report (a notebook keeps its own).
PAGE_CSS: Final = (
    "html,body{margin:0;background:#fff}@media (prefers-color-scheme:dark){html,body{background:#0d1117}}"
)

#: Opens every <details> before printing, so that paper shows what a screen hides.
_SCRIPT: Final = (
    "<script>addEventListener('beforeprint',()=>document.querySelectorAll('details')"
    ".forEach(d=>d.open=true))</script>"
)
_CSP: Final = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; "
    "form-action 'none'; base-uri 'none'"
)


def _h(text: object) -> str:
    return html.escape(str(text), quote=True)


def _count(t: Messages, n: int, one: str, many: str) -> str:
    return t(one if n == 1 else many, n=n)


def glance(result: Result, locale: str, doc: Document | None = None, *, heading: str = "h1") -> str:
    """The top of the page: title, verdict, counts by severity, coverage."""
    t = Messages(locale)
    title = result.title or t.word(N_("perfcheck report"))
    errors, warnings, infos = len(result.errors), len(result.warnings), len(result.infos)
    if result.ok:
        words = t.word(N_("no errors"))
        verdict = f'<p class="pc-verdict pc-pass" data-verdict="pass">✓ {_h(words)}</p>'
    else:
        n = len(broken_relations(result))
        words = _count(t, n, N_("{n} relation does not hold"), N_("{n} relations do not hold"))
        if n == 0:  # errors about figures alone
            words = _count(t, errors, N_("{n} error"), N_("{n} errors"))
        verdict = f'<p class="pc-verdict pc-fail" data-verdict="fail">✗ {_h(words)}</p>'
    counts = "".join(
        f'<li class="pc-count pc-count-{sev}" data-severity="{sev}" data-count="{n}">'
        f"{_h(_count(t, n, one, many))}</li>"
        for sev, n, one, many in (
            ("error", errors, N_("{n} error"), N_("{n} errors")),
            ("warning", warnings, N_("{n} warning"), N_("{n} warnings")),
            ("info", infos, N_("{n} info"), N_("{n} infos")),
        )
    )
    cov = result.coverage if doc is None else doc.coverage(result)
    items = [
        (N_("figures read"), cov.figures),
        (N_("used in relations"), cov.in_relations),
        (N_("relations"), cov.relations),
        (N_("relations checked"), result.relations_checked),
        (N_("inferred"), cov.inferred),
        (N_("not checkable"), cov.not_checkable),
    ]
    if doc is not None and doc.unplaced is not None:
        items.append((N_("sentences not interpreted"), doc.unplaced))
    if cov.not_read:
        items.append((N_("tables not read"), len(cov.not_read)))
        items.append((N_("lines not read"), cov.not_read_lines))
    coverage = "".join(f"<div><dt>{_h(t.word(name))}</dt><dd>{n}</dd></div>" for name, n in items)
    unread = ""
    if cov.not_read:
        # each part not read, what, where and why: its figures are in no relation
        listed = "".join(f"<li>{_h(line)}</li>" for line in not_read_lines(cov, locale))
        unread = f'<ul class="pc-not-read">{listed}</ul>'
    return (
        f'<header class="pc-top"><{heading}>{_h(title)}</{heading}><div class="pc-glance">{verdict}'
        f'<ul class="pc-counts">{counts}</ul></div><dl class="pc-coverage">{coverage}</dl>{unread}</header>'
    )


def _numbers(f: Finding, t: Messages) -> str:
    """Stated against computed, the interval and the difference, computed numbers to the printed precision."""
    if f.actual is None:
        return ""
    unit = f" {f.unit}" if f.unit and f.unit != "%" else (f.unit or "")
    stated, computed, allowed, difference = shown_numbers(f.actual, f.expected, f.allowed, f.difference)
    pairs = [(N_("stated"), stated + unit)]
    if f.expected is not None:
        pairs.append((N_("computed"), computed + unit))
    if f.allowed is not None:
        pairs.append((N_("allowed"), allowed + unit))
    if f.difference is not None:
        pairs.append((N_("difference"), difference + unit))
    items = "".join(f'<div><dt>{_h(t.word(k))}</dt><dd data-name="{k}">{_h(v)}</dd></div>' for k, v in pairs)
    return f'<dl class="pc-numbers">{items}</dl>'


def _where(f: Finding, t: Messages, *, linked: bool) -> str:
    """Where each figure of a finding was printed."""
    if not f.locations:
        return ""
    rows = []
    for loc in f.locations:
        src = loc.source
        place = ""
        if src is not None:
            place = " ".join(
                p
                for p in (
                    src.section or "",
                    t(N_("line {n}"), n=src.line) if src.line else "",
                    f"{src.sheet}!{src.cell}" if src.sheet and src.cell else (src.cell or ""),
                )
                if p
            )
        figure = f"<code>{_h(loc.figure)}</code>"
        if linked:
            figure = f'<a href="#{_h(anchor("f", loc.figure))}">{figure}</a>'
        quoted = _h(src.text) if src and src.text else ""
        rows.append(
            f'<tr><td>{figure}</td><td>{_h(loc.label or "")}</td><td class="pc-n">{_h(loc.value)}</td>'
            f"<td>{_h(place)}</td><td>{quoted}</td></tr>"
        )
    head = "".join(
        f"<th>{_h(t.word(w))}</th>"
        for w in (N_("figure"), N_("label"), N_("printed"), N_("where"), N_("text"))
    )
    return f'<table class="pc-where"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def suspect_html(finding: Finding, locale: str) -> str:
    """The likely wrong figure of a localised finding and the value that would fit, or ``""``.

    Filled when the result was localised (``check(..., localise=True)``, ``--localise``;
    docs/localise.md); the words are the table's "likely wrong" column.
    """
    text = likely_wrong(finding, locale)
    if not text:
        return ""
    return f"<strong>{_h(Messages(locale).word(LIKELY_WRONG))}</strong>: {_h(text)}"


def card(f: Finding, locale: str, doc: Document | None, ident: str) -> str:
    """One finding as a card: rule, the relation in the report's words, message, numbers, line, figures."""
    t = Messages(locale)
    sev = f.severity.value
    rule = default_registry[f.code] if f.code in default_registry else None  # noqa: SIM401 - no get()
    summary = f' <span class="pc-rule">{_h(summary_of(rule, locale))}</span>' if rule else ""
    relation = f" · <code>{_h(f.relation)}</code>" if f.relation else ""
    parts = [
        (
            f'<article class="pc-card pc-{sev}" id="{_h(ident)}" data-code="{_h(f.code)}"'
            f' data-severity="{sev}" data-relation="{_h(f.relation or "")}">'
        ),
        (
            f'<header><span class="pc-sev">{_h(severity_word(f.severity, locale))}</span>'
            f"<strong>{_h(f.code)}</strong>{summary}{relation}</header>"
        ),
    ]
    rel = doc.relations.get(f.relation) if doc is not None and f.relation else None
    if rel is not None and (rel.text or rel.label):
        parts.append(f'<p class="pc-words">{_h(rel.text or rel.label)}</p>')
    parts += [f'<p class="pc-message">{_h(f.text(locale))}</p>', _numbers(f, t)]
    if f.actual is not None and f.allowed is not None:
        parts.append(number_line(f.actual, f.allowed, f.expected, f.unit, locale))
    suspect = suspect_html(f, locale)
    if suspect:  # the slot of issue 17: drawn only when something fills it
        parts.append(f'<div class="pc-suspect" data-slot="likely-wrong-figure">{suspect}</div>')
    linked = doc is not None and doc.kind in {"text", "table"}
    parts += [_where(f, t, linked=linked), "</article>"]
    return "".join(parts)


def cards(result: Result, locale: str, doc: Document | None, limit: int | None = None) -> str:
    """A card per finding, errors first; ``limit`` cards at most, the rest counted.

    A relation's first card has the id ``c-<relation>`` (:func:`anchor`), which the
    figures of the report link to.
    """
    t = Messages(locale)
    seen: dict[str, int] = {}
    out = []
    # errors first; within a severity, findings about a relation (drawn) before those about a figure
    rank = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    ordered = sorted(result.findings, key=lambda f: (rank[f.severity], f.relation is None))
    shown = ordered if limit is None else ordered[:limit]
    for i, f in enumerate(shown):
        key = f.relation or f"finding-{i + 1}"
        seen[key] = seen.get(key, 0) + 1
        ident = anchor("c", key) + ("" if seen[key] == 1 else f"-{seen[key]}")
        out.append(card(f, locale, doc, ident))
    if limit is not None and len(result.findings) > limit:
        more = t(N_("{n} more findings: see the full report"), n=len(result.findings) - limit)
        out.append(f'<p class="pc-muted">{_h(more)}</p>')
    return "".join(out)


def holding(result: Result, locale: str) -> str:
    """The relations that hold, in a collapsed ``<details>``: at most :data:`HOLDING_LIMIT` listed."""
    t = Messages(locale)
    broken = broken_relations(result)
    if result.relations_checked > CHECKS_LIMIT:
        n = result.relations_checked - len(broken)
        note = t(N_("{n} relations hold; a page of this size does not list them."), n=n)
        return f'<p class="pc-muted" data-holding="{n}">{_h(note)}</p>'
    checks = [c for c in result.checks if c.relation not in broken and c.status == "holds"]
    n = len({c.relation for c in checks})
    rows = []
    first: set[str] = set()
    for c in checks[:HOLDING_LIMIT]:
        cs = cells(c)
        ident = f' id="{_h(anchor("r", c.relation))}"' if c.relation not in first else ""
        first.add(c.relation)
        numbers = "".join(f'<td class="pc-n">{_h(x)}</td>' for x in cs[2:6])
        rows.append(
            f"<tr{ident}><td><code>{_h(cs[0])}</code></td><td>{_h(cs[1])}</td>{numbers}<td>{_h(cs[6])}</td></tr>"
        )
    headers = reconciliation_headers(locale, status=False)
    head = "".join(f"<th>{_h(h)}</th>" for h in headers)
    more = ""
    if len(checks) > HOLDING_LIMIT:
        rest = t(N_("{n} more not listed"), n=len(checks) - HOLDING_LIMIT)
        more = f'<p class="pc-muted">{_h(rest)}</p>'
    summary = _count(t, n, N_("{n} relation holds"), N_("{n} relations hold"))
    return (
        f'<details class="pc-holding" data-holding="{n}"><summary>{_h(summary)}</summary>'
        f'<div class="pc-scroll"><table><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody>'
        "</table></div>"
        f"{more}</details>"
    )


def _body(result: Result, locale: str, doc: Document | None, heading: str = "h1") -> str:
    t = Messages(locale)
    sub = "h2" if heading == "h1" else "h3"
    parts = [glance(result, locale, doc, heading=heading)]
    if result.findings:
        findings = t.word(N_("Findings"))
        parts.append(f'<section class="pc-findings"><{sub}>{_h(findings)}</{sub}>')
        parts.append(cards(result, locale, doc) + "</section>")
    holds = t.word(N_("Relations that hold"))
    parts.append(f'<section class="pc-holds-list"><{sub}>{_h(holds)}</{sub}>')
    parts.append(holding(result, locale) + "</section>")
    if doc is not None:
        title = {
            "text": N_("The report's text, seen through perfcheck"),
            "table": N_("The table, seen through perfcheck"),
            "ledger": N_("The sums, as a tree"),
        }[doc.kind]
        parts.append(
            f'<section class="pc-document" data-kind="{doc.kind}"><{sub}>{_h(t.word(title))}</{sub}>'
        )
        parts.append(view(doc, result, locale) + "</section>")
    return "".join(parts)


def _page(title: str, locale: str, body: str) -> str:
    return (
        f'<!doctype html>\n<html lang="{_LANG[locale]}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light dark">\n'
        f'<meta name="generator" content="perfcheck {VERSION}">\n'
        f"<title>{_h(title)}</title>\n<style>{PAGE_CSS}{CSS}</style>\n</head>\n<body>\n"
        f'<main class="pc-report">{body}<footer class="pc-foot">perfcheck {VERSION}</footer></main>\n'
        f"{_SCRIPT}\n</body>\n</html>\n"
    )


def report_html(
    result: Result,
    locale: str | None = None,
    *,
    source: object = None,
    document: Document | None = None,
) -> str:
    """The result as one self-contained HTML page, in ``locale`` (default: the result's).

    Args:
        result: what a check found.
        locale: the language of the page's words.
        source: what was checked (anything :func:`perfcheck.read` takes); when given, the
            page ends with the report seen through perfcheck: the text with its figures
            marked, the table with its failing cells, or the ledger's sums as a tree.
        document: the same, already read by :func:`~perfcheck.render.html_source.document_of`.

    Raises:
        ValueError: no messages for ``locale``.
        LedgerError: ``source`` cannot be read.
    """
    loc = locale_of(result, locale)
    doc = document if document is not None or source is None else document_of(source)
    title = result.title or Messages(loc).word(N_("perfcheck report"))
    return _page(title, loc, _body(result, loc, doc))


def documents_html(
    documents: Sequence[Checked], locale: str | None = None, *, single: bool = False, read: bool = True
) -> str:
    """Checked documents on one page, one section each (what ``perfcheck check --format html`` writes).

    Args:
        documents: the documents checked, in order.
        locale: the language of the page (default: each result's own).
        single: the run named one document: its section has no heading of its path.
        read: read each document that came from a file again, to show it seen
            through perfcheck; one that cannot be read again shows without it.
    """
    sections = []
    locales = []
    for item in documents:
        loc = locale_of(item.result, locale)
        locales.append(loc)
        doc = None
        if read and item.path != "-" and item.line is None:
            try:
                doc = document_of(item.path)
            except (ValueError, OSError):  # a LedgerError is a ValueError: the findings still show
                doc = None
        name = "" if single else f"<h2>{_h(item.name)}</h2>"
        if not isinstance(item.result, Result):
            msg = "the HTML page is written from a Result (perfcheck.check), not a PlainResult"
            raise TypeError(msg)
        body = _body(item.result, loc, doc, "h1" if single else "h3")
        sections.append(f'<section class="pc-doc" data-name="{_h(item.name)}">{name}{body}</section>')
    loc = locales[0] if locales else locale_of(Result(), locale)
    t = Messages(loc)
    if single and documents:
        title = documents[0].result.title or t.word(N_("perfcheck report"))
    else:
        title = t(N_("perfcheck: {n} documents"), n=len(documents))
    return _page(title, loc, "".join(sections))


def compact_html(result: Result, locale: str | None = None) -> str:
    """The at-a-glance and the cards for a notebook: no page around them, :data:`COMPACT_CARDS` cards at most.

    >>> import perfcheck
    >>> out = compact_html(perfcheck.check("examples/seed-with-mistakes.json"))
    >>> out.startswith('<div class="pc-report pc-compact">'), "<!doctype" in out
    (True, False)
    """
    loc = locale_of(result, locale)
    t = Messages(loc)
    parts = [f'<div class="pc-report pc-compact"><style>{CSS}</style>', glance(result, loc, heading="h3")]
    parts.append(cards(result, loc, None, COMPACT_CARDS))
    parts.append(holding(result, loc) if result.relations_checked <= CHECKS_LIMIT else "")
    full = t.word(N_("perfcheck.render(result, 'html') writes the whole page"))
    parts.append(f'<p class="pc-foot">{_h(full)}</p>')
    parts.append("</div>")
    return "".join(parts)


__all__ = ["CSS", "compact_html", "documents_html", "report_html"]
