"""The rules' documentation: the index, a table for the terminal, one page a rule.

``docs/rules.md`` and ``docs/rules/PC201.md`` are written from here in English
(``python docs/generate_rules.py``); ``perfcheck rules`` and ``perfcheck explain``
print the same in English or Chinese. In Chinese the headings, severities, statuses
and each rule's one-line summary are translated through the catalogs, and the body
of a rule's page (what it checks, why, what to do) comes from
``perfcheck/locale/zh_CN/rules.toml``, each translation with the digest of the
English it was made from: a rule whose English has changed since, or that has no
translation, is explained in English with a note saying so.

>>> from perfcheck.rules import all_rules
>>> print(rules_table(all_rules, "zh_CN").splitlines()[2])
PC101   balance             错误        稳定      资金收支平衡：收入与上年结转之和等于支出与结转下年之和。
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from collections.abc import Iterable
from functools import lru_cache
from typing import Final

from tabulate import tabulate

from perfcheck._core.i18n import LOCALE_DIR, N_, Messages, check_locale_name
from perfcheck._engine.registry import Rule, Status
from perfcheck.render._common import severity_word, words

#: Each rule's one-line summary (the first line of its docstring), marked for the catalogs.
#: tests/test_cli_words.py fails when a rule's summary is not here, so that no rule is listed half in English.
SUMMARIES: Final = (
    N_("The fund flow balances: what came in equals what went out."),
    N_("A total equals the sum of its parts."),
    N_('The parts named in a "其中" list do not exceed their total.'),
    N_("A stated share equals part ÷ whole."),
    N_("A stated rate equals numerator ÷ denominator."),
    N_("A count's completion rate admits a whole-number target."),
    N_("This year's figure equals last year's plus or minus the stated change."),
    N_("A stated percent change equals the change ÷ last year's figure."),
    N_("A figure printed in two places (or two units) says the same in both."),
    N_("An inequality between two figures can hold."),
    N_("A total equals the product of its factors."),
    N_("A formula over figures can hold."),
    N_("A share of a whole is more than 100 %."),
    N_("Shares of separate parts of one whole add up to more than 100 %."),
    N_("A figure that cannot be negative is printed negative."),
    N_("A figure is printed with more decimals than the document uses."),
    N_("A relation's figures are in units that cannot be compared."),
    N_("A rule raised an exception."),
    N_("A relation a reader inferred, not one the text states, does not hold: check it by hand."),
    N_("Relations that each hold alone cannot all hold together."),
    N_("A value has more digits than its decimals allow; the relations on it are not judged."),
    N_("What one year carries over is what the next year brings forward."),
    N_("Last year's figure quoted in a change agrees with last year's report."),
)
_STATUS_WORDS: Final = {
    Status.STABLE: N_("stable"),
    Status.PREVIEW: N_("preview"),
    Status.DEPRECATED: N_("deprecated"),
}
#: The columns of a list of rules.
RULE_HEADERS: Final = (N_("code"), N_("name"), N_("severity"), N_("status"), N_("summary"))


def status_word(status: Status, locale: str) -> str:
    """A rule's status as a person reads it in ``locale``: ``stable``, ``稳定``."""
    return Messages(locale).word(_STATUS_WORDS[status])


def summary_of(rule: Rule, locale: str = "en") -> str:
    """A rule's one-line summary in ``locale`` (its English docstring line when it has no translation)."""
    return Messages(check_locale_name(locale)).word(rule.summary)


def rule_row(rule: Rule, locale: str = "en") -> tuple[str, str, str, str, str]:
    """A rule as a person reads it: code, name, severity, status, summary, in ``locale``."""
    return (
        rule.code,
        rule.name,
        severity_word(rule.severity, locale),
        status_word(rule.status, locale),
        summary_of(rule, locale),
    )


def rules_table(registry: Iterable[Rule], locale: str = "en") -> str:
    """Every rule as a plain table for the terminal (``perfcheck rules``), in ``locale``.

    Raises:
        ValueError: no messages for ``locale``.
    """
    check_locale_name(locale)
    return tabulate([rule_row(r, locale) for r in registry], headers=words(RULE_HEADERS, locale))


def rules_markdown(registry: Iterable[Rule], locale: str = "en") -> str:
    """The index of every rule as a markdown page (``docs/rules.md``), linking one page per rule."""
    t = Messages(check_locale_name(locale))
    out = [
        "# " + t.word(N_("Rules")),
        "",
        t.word(
            N_(
                "One page per rule, generated from the rule's own documentation and examples\n"
                "(`python docs/generate_rules.py`); `tests/test_docs.py` fails when the pages and\n"
                "the registry disagree. `perfcheck explain CODE` prints the same page."
            )
        ),
        "",
        "| " + " | ".join(words(RULE_HEADERS, locale)) + " |",
        "|---|---|---|---|---|",
    ]
    for r in registry:
        code, name, severity, status, summary = rule_row(r, locale)
        out.append(f"| [{code}](rules/{code}.md) | {name} | {severity} | {status} | {summary} |")
    return "\n".join(out) + "\n"


def english_body(rule: Rule) -> str:
    """The body of a rule's documentation: everything after its one-line summary."""
    return rule.doc.split("\n", 1)[1].strip("\n") if "\n" in rule.doc else ""


def source_digest(text: str) -> str:
    """The digest a translation records of the English it was made from."""
    return hashlib.sha256(text.encode()).hexdigest()[:16]


@lru_cache(maxsize=4)
def translated_bodies(locale: str) -> dict[str, dict[str, str]]:
    """The translations of the rules' documentation in ``locale``, by code: ``source`` and ``body``."""
    path = LOCALE_DIR / locale / "rules.toml"
    if locale == "en" or not path.is_file():
        return {}
    with path.open("rb") as handle:
        return tomllib.load(handle)


def body_in(rule: Rule, locale: str) -> str:
    """The body of a rule's page in ``locale``: its translation when it is of the current English."""
    english = english_body(rule)
    translation = translated_bodies(locale).get(rule.code)
    if translation is None or not english:
        return english if locale == "en" or not english else _untranslated(english, locale)
    if translation.get("source") != source_digest(english):
        return _untranslated(english, locale)
    return translation["body"].strip("\n")


def _untranslated(english: str, locale: str) -> str:
    note = Messages(locale).word(
        N_("(This rule's documentation is not translated yet; it is shown in English.)")
    )
    return f"{note}\n\n{english}"


def rule_page(rule: Rule, locale: str = "en") -> str:
    r"""One rule's documentation as a markdown page (``docs/rules/PC201.md``), headings in ``locale``.

    What it checks, why, what to do, and the examples it is tested with.

    >>> from perfcheck.rules import all_rules
    >>> print("\n".join(rule_page(all_rules["PC201"], "zh_CN").splitlines()[:5]))
    # PC201 share
    <BLANKLINE>
    所述占比等于部分 ÷ 总体。
    <BLANKLINE>
    严重程度：错误。状态：稳定。
    """
    t = Messages(check_locale_name(locale))
    out = [
        f"# {rule.code} {rule.name}",
        "",
        summary_of(rule, locale),
        "",
        t(
            N_("Severity: {severity}. Status: {status}."),
            severity=severity_word(rule.severity, locale),
            status=status_word(rule.status, locale),
        ),
    ]
    body = body_in(rule, locale)
    if body:
        out += ["", body]
    examples = ((t.word(N_("Passes")), rule.passing), (t.word(N_("Fails")), rule.failing))
    for title, example in examples:
        if example and (example.get("figures") or example.get("relations") or example.get("documents")):
            # a series rule's example is {"documents": [...]}: the reports of consecutive years
            text = json.dumps(example, ensure_ascii=False, indent=2)
            out += ["", f"## {title}", "", "```json", text, "```"]
    return "\n".join(out) + "\n"


def rule_pages(registry: Iterable[Rule]) -> dict[str, str]:
    """Every page of the rule docs, by path relative to ``docs/``: the index and one per rule."""
    rules = list(registry)
    pages = {"rules.md": rules_markdown(rules)}
    pages.update({f"rules/{r.code}.md": rule_page(r) for r in rules})
    return pages
