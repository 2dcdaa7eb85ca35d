"""Score perfcheck's reading of real report text against the hand-checked corpus index.

    python bench/reading.py [--texts DIR ...]
                            [--aside | --whole | --fresh | --fresh2 | --fresh3 | --fresh4 | --fresh5
                             | --fresh6 | --fresh7 | --fresh8 | --fresh9 | --all]
                            [--notes N] [--detail]

The index (``bench/corpus/index-dev.json``, ``index-aside.json``) holds, for each real
excerpt, every figure as printed and every relation with its status checked by hand
with ``decimal``; the texts themselves are not committed (see bench/corpus/README.md)
and are read from ``--texts`` (default ``/work/corpus-texts``); ``--texts`` may be given more
than once, and each excerpt is read from the first folder that holds it.

Four numbers, matched by values as ``shared/tools/score-texts`` matches them (NFKC,
commas removed; ids and labels do not matter):

- **figure recall**: figures printed that the reader read with the right value;
- **relations built**: index relations for which the reader built a relation over
  exactly the same figure values; a change's rate the index writes over its amount
  (``R = D / P``) counts built when the reader built the change's amount and its rate
  against the same current and prior (``C = P + D``, ``R = (C - P) / P``: one system
  over the same printed figures, see :func:`rates_over_amounts`);
- **broken caught**: broken relations of high confidence reported by an error or a
  warning over (at least two thirds of) the same values (how many of them by an error is
  printed beside it: a warning, PC903 "check by hand", does not fail the run);
- **false errors**: errors whose figures match no broken relation of the index.

By default only the development part is scored; ``--aside`` scores the part kept
aside, ``--whole`` both; ``--fresh`` scores ``index-fresh.json``, pages indexed by hand
after the reader was last changed for the corpus and before perfcheck read them;
``--fresh2`` scores ``index-fresh2.json``, a second such set (39 pages) indexed while the
reader was being changed by someone who never saw it; ``--fresh3`` scores ``index-fresh3.json``,
a third such set (37 pages) whose texts are kept in their own folder (pass
``--texts /work/corpus-texts-fresh3``); ``--fresh4`` scores ``index-fresh4.json``, a fourth such set
from publishers new to every other part, its texts in ``/work/corpus-texts-fresh4``; ``--fresh5``
scores ``index-fresh5.json``, a fifth such set from publishers new to all six earlier parts, its texts in
``/work/corpus-texts-fresh5``; ``--fresh6`` scores ``index-fresh6.json``, a sixth such set from publishers
new to all seven earlier parts, its texts in ``/work/corpus-texts-fresh6``; ``--fresh7`` scores
``index-fresh7.json``, a seventh such set from publishers new to all eight earlier parts, its texts in
``/work/corpus-texts-fresh7``; ``--fresh8`` scores ``index-fresh8.json``, an eighth such set from publishers
new to all nine earlier parts, its texts in ``/work/corpus-texts-fresh8``; ``--fresh9`` scores
``index-fresh9.json``, a ninth such set from publishers new to all ten earlier parts, its texts in
``/work/corpus-texts-fresh9``; ``--all`` scores every part and the whole. The sixth to ninth sets are kept
unseen for a later session: ``--all`` scores each of them only when one of the ``--texts`` folders holds its
texts, and otherwise prints one line saying it was skipped. The script never changes the index.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import perfcheck
from perfcheck import ChangeRelation, EqualRelation, RatioRelation, Relation, SumRelation
from perfcheck.extract import Extraction, extract

CORPUS = Path(__file__).parent / "corpus"
NUMBER = re.compile(r"-?\d[\d,\s]*(?:\.\d+)?")
_NOT_OPERANDS = frozenset({"id", "kind", "label", "source", "weights", "rounding", "tolerance", "severity"})


def value_of(text: object) -> Decimal | None:
    """The number a printed figure shows, as the scorer reads it."""
    normal = unicodedata.normalize("NFKC", str(text))
    match = NUMBER.search(normal)
    if match is None:
        return None
    try:
        return Decimal(re.sub(r"[,\s]", "", match.group(0))).normalize()
    except InvalidOperation:
        return None


def values_of(texts: object) -> frozenset[Decimal]:
    """The set of values of some printed figures."""
    items = texts if isinstance(texts, (list, tuple, set, frozenset)) else [texts]
    return frozenset(v for v in (value_of(t) for t in items) if v is not None)


def jaccard(a: frozenset[Decimal], b: frozenset[Decimal]) -> float:
    """Overlap of two value sets."""
    return len(a & b) / max(len(a | b), 1)


@dataclass
class Score:
    """Counts over the excerpts scored."""

    excerpts: int = 0
    figures_read: int = 0
    figures: int = 0
    built: int = 0
    relations: int = 0
    caught: int = 0
    caught_as_errors: int = 0
    broken: int = 0
    false_errors: int = 0
    notes: list[str] = field(default_factory=list)
    detail: bool = False
    #: --precision: stated relations built, and those matching no relation of the index, by mechanism
    stated: Counter[str] = field(default_factory=Counter)
    unmatched: Counter[str] = field(default_factory=Counter)
    unmatched_notes: list[str] = field(default_factory=list)
    #: the unmatched stated relations by what they are (see :func:`kind_of_unmatched`)
    kinds: Counter[str] = field(default_factory=Counter)

    def add(self, other: Score) -> None:
        """Add another part's counts to these."""
        for key in COUNTS:
            setattr(self, key, getattr(self, key) + getattr(other, key))
        self.stated.update(other.stated)
        self.unmatched.update(other.unmatched)
        self.kinds.update(other.kinds)

    def precision_line(self, name: str) -> str:
        """How many of the stated relations built match a relation of the index."""
        built, loose = self.stated.total(), self.unmatched.total()
        share = (built - loose) / max(built, 1)
        matched = f"{loose} matching no index relation ({share:.0%} matched)"
        return f"{name}: stated relations built {built}, {matched}"

    def mechanism_lines(self) -> list[str]:
        """Per mechanism, stated relations built and those matching no index relation (most first)."""
        order = sorted(self.stated, key=lambda m: (-self.unmatched[m], -self.stated[m], m))
        return [f"  {m}: {self.stated[m]} stated, {self.unmatched[m]} unmatched" for m in order]

    def line(self, name: str) -> str:
        """One summary line."""
        recall = self.figures_read / max(self.figures, 1)
        built = self.built / max(self.relations, 1)
        return (
            f"{name}: {self.excerpts} excerpts: figure recall {recall:.0%}"
            f" ({self.figures_read}/{self.figures}), relations built {built:.0%}"
            f" ({self.built}/{self.relations}), broken caught {self.caught}/{self.broken}"
            f" ({self.caught_as_errors} as errors),"
            f" {self.false_errors} false errors"
        )


COUNTS = (
    "excerpts",
    "figures_read",
    "figures",
    "built",
    "relations",
    "caught",
    "caught_as_errors",
    "broken",
    "false_errors",
)


def _operands(relation: dict[str, object], ids: dict[str, Decimal | None]) -> frozenset[Decimal]:
    """The values of the figures a relation of the ledger document names."""
    operands = set()
    for key, value in relation.items():
        if key in _NOT_OPERANDS:
            continue
        for item in value if isinstance(value, list) else [value]:
            found = ids.get(item) if isinstance(item, str) else None
            if found is not None:
                operands.add(found)
    return frozenset(operands)


def unjudged(relation: Relation) -> bool:
    """Whether a relation can (all but) never break.

    A change with no prior printed and only its amount or its rate; a ratio whose target is
    printed nowhere (完成年度预算的95% with no budget: only a count's must be whole).
    """
    if isinstance(relation, RatioRelation):
        return relation.denominator is None
    if not isinstance(relation, ChangeRelation):
        return False
    return relation.prior is None and None in (relation.delta, relation.percent)


def kind_of_unmatched(
    relation: Relation, values: frozenset[Decimal], indexed: set[frozenset[Decimal]], verdicts: set[str]
) -> str:
    """What a stated relation matching no index relation is, as far as it can be told without a reader.

    - ``same value twice``: an equality of figures printed with one value, which cannot break;
    - ``partial sum``: a sum whose parts need only not exceed their total;
    - ``zero figures``: an index relation but for figures printed 0 (结转0万元 as a part);
    - ``near an index relation``: two thirds of its values are one index relation's (a figure
      more, fewer or another);
    - else by what the check found: ``holds here`` (a real relation the index left out, or a
      binding that happens to hold: to be read by hand) or ``broken here``.
    """
    if isinstance(relation, EqualRelation) and len(values) == 1:
        return "same value twice"
    if isinstance(relation, SumRelation) and not relation.exhaustive:
        return "partial sum"
    zero = Decimal(0)
    if any(values - {zero} == known - {zero} for known in indexed):
        return "zero figures"
    if any(jaccard(values, known) >= 2 / 3 for known in indexed):
        return "near an index relation"
    return "broken here" if "broken" in verdicts else "holds here"


def count_stated(
    extraction: Extraction,
    result: perfcheck.Result,
    indexed: set[frozenset[Decimal]],
    tag: str,
    score: Score,
) -> None:
    """--precision: count the stated relations built, and note those matching no index relation."""
    ids = {f.id: value_of(f.value) for f in extraction.ledger.figures}
    for relation in extraction.ledger.relations:
        if relation.basis != "stated" or unjudged(relation):
            continue
        mechanism = extraction.built_by.get(relation.id, "unknown")
        values = frozenset(v for v in (ids.get(i) for i in relation.operands()) if v is not None)
        score.stated[mechanism] += 1
        if values not in indexed:
            score.unmatched[mechanism] += 1
            verdicts = {str(c.status) for c in result.checks if c.relation == relation.id}
            what = kind_of_unmatched(relation, values, indexed, verdicts)
            score.kinds[what] += 1
            shown = " ".join(sorted(map(str, values), key=Decimal))
            score.unmatched_notes.append(
                f"{tag}: {mechanism}: {what}: {relation.kind} {relation.label or relation.id} [{shown}]"
            )


def rates_over_amounts(relations: list[Relation], ids: dict[str, Decimal | None]) -> list[frozenset[Decimal]]:
    """A change's rate as the index may write it: ``percent = delta / prior``, over those three figures.

    The reader states a change printed with its amount and its rate (比上年的P增加D，增长R%) as
    ``current = prior + delta`` and ``R = (current - prior) / prior``; the index may write the
    second as ``R = D / P``. With the first relation also built, the two pairs are one system
    over the same printed figures (D is checked to be current - prior, so R is checked against
    D / P), and the rate is counted built. Only when both are built, against the same current and
    prior: a rate alone, or an amount of another base, is not that relation.
    """
    changes = [r for r in relations if isinstance(r, ChangeRelation) and r.prior is not None]
    found = []
    for with_delta in (r for r in changes if r.delta is not None):
        for with_rate in (r for r in changes if r.percent is not None):
            if (with_rate.current, with_rate.prior) != (with_delta.current, with_delta.prior):
                continue
            values = [ids.get(i) for i in (with_delta.prior, with_delta.delta, with_rate.percent)]
            if all(v is not None for v in values):
                found.append(frozenset(v for v in values if v is not None))
    return found


def rate_systems(relations: list[Relation], ids: dict[str, Decimal | None]) -> dict[str, frozenset[Decimal]]:
    """The amount of a change's rate's system, by the rate's relation: what a finding on the rate is over.

    As in :func:`rates_over_amounts`, a change printed with its amount and its rate against a
    printed prior (比上年P减少D，下降R%) is one system over the same figures: the rate meets
    ``(C - P) / P`` exactly when it meets ``D / P`` with D checked to be ``C - P``. A finding on
    the rate is matched over the amount too, so that a wrong rate the index writes as ``R = D / P``
    is the one the reader reported, not a false error beside it.
    """
    changes = [r for r in relations if isinstance(r, ChangeRelation) and r.prior is not None]
    found: dict[str, frozenset[Decimal]] = {}
    for with_rate in (r for r in changes if r.percent is not None and r.delta is None):
        for with_delta in (r for r in changes if r.delta is not None and r.percent is None):
            if (with_rate.current, with_rate.prior) == (with_delta.current, with_delta.prior):
                value = ids.get(with_delta.delta or "")
                if value is not None:
                    found[with_rate.id] = frozenset({value})
    return found


def count_caught(
    broken: list[tuple[frozenset[Decimal], dict[str, Any]]],
    found: list[tuple[frozenset[Decimal], perfcheck.Finding]],
    tag: str,
    score: Score,
) -> None:
    """Count the index's broken relations of high confidence that a finding reports, and how."""
    for values, relation in broken:
        if relation.get("confidence") not in (None, "high"):
            continue
        score.broken += 1
        if any(f.severity.value in ("error", "warning") and jaccard(values, fv) >= 2 / 3 for fv, f in found):
            score.caught += 1
            as_error = any(f.severity.value == "error" and jaccard(values, fv) >= 2 / 3 for fv, f in found)
            score.caught_as_errors += as_error
            if score.detail and not as_error:
                score.notes.append(f"{tag}: broken, caught to check by hand: {relation['statement'][:70]}")
        else:
            score.notes.append(f"{tag}: broken, not reported: {relation['statement'][:70]}")


def score_entry(entry: dict[str, object], text: str, score: Score) -> None:
    """Read and check one excerpt; add what was found to ``score``."""
    tag = str(entry["file"]).split("-", 1)[0]  # 121, not 12: the third fresh set numbers past 100
    extraction = extract(text, name=str(entry["file"]))
    ledger = extraction.ledger
    ids = {f.id: value_of(f.value) for f in ledger.figures}
    printed: list[str] = entry["figures"]  # type: ignore[assignment]
    wanted = Counter(v for v in map(value_of, printed) if v is not None)
    got = Counter(v for v in ids.values() if v is not None)
    score.figures_read += sum((wanted & got).values())
    score.figures += sum(wanted.values())
    if score.detail:
        for value, n in (wanted - got).items():
            score.notes.append(f"{tag}: figure not read: {value} (x{n})")
    built_sets = [_operands(relation, ids) for relation in json.loads(perfcheck.dumps(ledger))["relations"]]
    # a formula names its figures in its expression (年均增长: later == earlier × (1 + r)^n)
    built_sets += [
        frozenset(v for v in (ids.get(i) for i in r.operands()) if v is not None)
        for r in ledger.relations
        if r.kind == "formula"
    ]
    built_sets += rates_over_amounts(ledger.relations, ids)
    relations = [(values_of(r["figures"]), r) for r in entry["relations"]]  # type: ignore[attr-defined]
    for values, relation in relations:
        score.relations += 1
        made = any(values == b for b in built_sets)
        score.built += made
        if score.detail and not made:
            score.notes.append(f"{tag}: not built ({relation['type']}): {relation['statement'][:80]}")
    result = perfcheck.check(ledger)
    count_stated(extraction, result, {values for values, _ in relations}, tag, score)
    systems = rate_systems(ledger.relations, ids)
    found = [
        (values_of([loc.value for loc in f.locations]) | systems.get(f.relation or "", frozenset()), f)
        for f in result.findings
    ]
    broken = [(v, r) for v, r in relations if r["status"] == "broken"]
    count_caught(broken, found, tag, score)
    for fv, finding in found:
        if finding.severity.value == "error" and not any(jaccard(v, fv) >= 2 / 3 for v, _ in broken):
            score.false_errors += 1
            score.notes.append(f"{tag}: false error {finding.code}: {finding.message[:90]}")
    score.excerpts += 1


def score_index(index: Path, texts: Path | list[Path], *, detail: bool = False) -> Score:
    """Score every excerpt of ``index`` whose text is in one of ``texts``; ``detail`` notes every miss."""
    folders = texts if isinstance(texts, list) else [texts]
    score = Score(detail=detail)
    for entry in json.loads(index.read_text(encoding="utf-8")):
        found = [folder / entry["file"] for folder in folders if (folder / entry["file"]).is_file()]
        if not found:
            score.notes.append(f"{entry['file']}: text missing from {', '.join(map(str, folders))}")
            continue
        score_entry(entry, found[0].read_text(encoding="utf-8"), score)
    return score


UNSEEN = ("fresh6", "fresh7", "fresh8", "fresh9")  # scored by --all only when their texts are given


def texts_given(index: Path, folders: list[Path]) -> bool:
    """Whether one of ``folders`` holds the text of an excerpt of ``index`` (only names are looked at)."""
    names = [str(entry["file"]) for entry in json.loads(index.read_text(encoding="utf-8"))]
    return any((folder / name).is_file() for folder in folders for name in names)


def parts_for_all(folders: list[Path]) -> tuple[list[str], list[str]]:
    """The parts ``--all`` scores, and one line for each unseen part left out."""
    parts = ["dev", "aside", "fresh", "fresh2", "fresh3", "fresh4", "fresh5"]
    skipped = []
    where = ", ".join(map(str, folders))
    for name in UNSEEN:
        if texts_given(CORPUS / f"index-{name}.json", folders):
            parts.append(name)
        else:
            why = f"its texts were not given (no --texts folder holds them: {where})"
            skipped.append(f"{name}: skipped, {why}")
    return parts, skipped


def main(argv: list[str] | None = None) -> int:
    """Print the four numbers for the parts asked for."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--texts",
        type=Path,
        action="append",
        help="folder of excerpt texts (default /work/corpus-texts); give it again for more folders",
    )
    part = parser.add_mutually_exclusive_group()
    part.add_argument("--aside", action="store_true", help="score the part kept aside")
    part.add_argument("--whole", action="store_true", help="score both parts")
    part.add_argument(
        "--fresh",
        action="store_true",
        help="score the fresh set: indexed by hand before perfcheck ever read it",
    )
    part.add_argument(
        "--fresh2",
        action="store_true",
        help="score the second fresh set: indexed by hand by someone who never tuned the reader",
    )
    part.add_argument(
        "--fresh3",
        action="store_true",
        help="score the third fresh set: indexed by hand before perfcheck read any of it",
    )
    part.add_argument(
        "--fresh4",
        action="store_true",
        help="score the fourth fresh set: indexed by hand before perfcheck read any of it",
    )
    part.add_argument(
        "--fresh5",
        action="store_true",
        help="score the fifth fresh set: indexed by hand before perfcheck read any of it",
    )
    part.add_argument(
        "--fresh6",
        action="store_true",
        help="score the sixth fresh set: indexed by hand before perfcheck read any of it, kept unseen",
    )
    part.add_argument(
        "--fresh7",
        action="store_true",
        help="score the seventh fresh set: indexed by hand before perfcheck read any of it, kept unseen",
    )
    part.add_argument(
        "--fresh8",
        action="store_true",
        help="score the eighth fresh set: indexed by hand before perfcheck read any of it, kept unseen",
    )
    part.add_argument(
        "--fresh9",
        action="store_true",
        help="score the ninth fresh set: indexed by hand before perfcheck read any of it, kept unseen",
    )
    part.add_argument("--all", action="store_true", help="score every part, and all of them as one")
    parser.add_argument("--notes", type=int, default=40, help="how many notes to print")
    parser.add_argument(
        "--detail", action="store_true", help="also note every figure not read and every relation not built"
    )
    parser.add_argument(
        "--precision",
        action="store_true",
        help="also count the stated relations built that match no relation of the index (each a possible"
        " false error on new text), per part and per building mechanism; with --detail, list them",
    )
    args = parser.parse_args(argv)
    folders = args.texts or [Path("/work/corpus-texts")]
    if args.all:
        parts, skipped = parts_for_all(folders)
        for line in skipped:
            print(line)
    elif args.whole:
        parts = ["dev", "aside"]
    else:
        chosen = {
            "aside": args.aside,
            "fresh": args.fresh,
            "fresh2": args.fresh2,
            "fresh3": args.fresh3,
            "fresh4": args.fresh4,
            "fresh5": args.fresh5,
            "fresh6": args.fresh6,
            "fresh7": args.fresh7,
            "fresh8": args.fresh8,
            "fresh9": args.fresh9,
        }
        parts = [name for name, asked in chosen.items() if asked] or ["dev"]
    total = Score()
    for name in parts:
        score = score_index(CORPUS / f"index-{name}.json", folders, detail=args.detail)
        for note in score.notes[: args.notes]:
            print(note)
        print(score.line(name))
        total.add(score)
        if args.precision:
            print(score.precision_line(name))
            for note in score.unmatched_notes if args.detail else []:
                print(f"  {note}")
    if len(parts) > 1:
        print(total.line("whole"))
    if args.precision:
        print_precision(total, parts)
    return 0


def print_precision(total: Score, parts: list[str]) -> None:
    """--precision: the whole's line, and the stated relations built by mechanism and what they are."""
    if len(parts) > 1:
        print(total.precision_line("whole"))
    print("by mechanism (whole):" if len(parts) > 1 else f"by mechanism ({parts[0]}):")
    for line in total.mechanism_lines():
        print(line)
    print("unmatched, by what they are: " + ", ".join(f"{k} {n}" for k, n in total.kinds.most_common()))


if __name__ == "__main__":
    sys.exit(main())
