"""What checking one document found: its findings and the outcome of every relation judged."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Protocol

from pydantic import BaseModel, ConfigDict, PrivateAttr, computed_field

from perfcheck._findings.coverage import Coverage
from perfcheck._findings.finding import Finding, RelationCheck, Severity
from perfcheck._findings.reported import PlainResult, result_json_dict


class Pending(Protocol):
    """What a result of the fast path works out when first asked for (picklable)."""

    def __call__(self) -> tuple[RelationCheck, ...]:
        """The outcome of every relation judged."""
        ...

    def coverage(self, findings: tuple[Finding, ...]) -> Coverage:
        """How much of the document was read."""
        ...


class Localiser(Protocol):
    """What works out a result's localisation when it is asked for (picklable)."""

    def __call__(self, result: Result, *, weights: Mapping[str, float] | None, limit: int) -> Result:
        """The result with its findings localised."""
        ...


class Result(BaseModel):
    """What checking one document found.

    Attributes:
        title: the document's title.
        findings: every finding, errors first, in document order within a severity.
        checks: the outcome of every relation judged, holding or not (for a document
            read by the fast path, worked out when first asked for).
        rules: the codes of the rules that ran.
        locale: the language of the messages (``en`` or ``zh_CN``).
        coverage: how much of the document was read (:class:`Coverage`).
    """

    model_config = ConfigDict(frozen=True)

    title: str | None = None
    findings: tuple[Finding, ...] = ()
    rules: tuple[str, ...] = ()
    locale: str = "en"

    _checks: tuple[RelationCheck, ...] | None = PrivateAttr(default=None)
    _pending: Pending | None = PrivateAttr(default=None)
    _relations_checked: int | None = PrivateAttr(default=None)
    _coverage: Coverage | None = PrivateAttr(default=None)
    _localiser: Localiser | None = PrivateAttr(default=None)
    _localised: bool = PrivateAttr(default=False)

    def __init__(
        self,
        *,
        checks: Iterable[RelationCheck] = (),
        coverage: Coverage | None = None,
        **data: Any,  # noqa: ANN401 - the fields
    ) -> None:
        """Hold the fields; ``checks`` are the outcomes of the relations judged."""
        super().__init__(**data)
        self._checks = tuple(checks)
        self._coverage = coverage

    @classmethod
    def _assemble(  # noqa: PLR0913, PLR0917 - the fields
        cls,
        title: str | None,
        findings: tuple[Finding, ...],
        rules: tuple[str, ...],
        locale: str,
        pending: Pending,
        relations_checked: int,
    ) -> Result:
        """A result of the fast path, from parts that are already valid.

        Building it field by field costs a microsecond instead of eight for the
        validating constructor (most of it setting up private attributes), which
        counts when a batch checks a hundred thousand small reports.
        """
        result = cls.__new__(cls)
        fields = {"title": title, "findings": findings, "rules": rules, "locale": locale}
        object.__setattr__(result, "__dict__", fields)
        object.__setattr__(result, "__pydantic_fields_set__", set(fields))
        object.__setattr__(result, "__pydantic_extra__", None)
        object.__setattr__(
            result,
            "__pydantic_private__",
            {
                "_checks": None,
                "_pending": pending,
                "_relations_checked": relations_checked,
                "_coverage": None,
                "_localiser": None,
                "_localised": False,
            },
        )
        return result

    @computed_field  # type: ignore[prop-decorator]
    @property
    def checks(self) -> tuple[RelationCheck, ...]:
        """The outcome of every relation judged, holding or not, in the order judged."""
        if self._checks is None:
            assert self._pending is not None  # noqa: S101 - one of the two is always set
            self._checks = self._pending()
        return self._checks

    @property
    def coverage(self) -> Coverage:
        """How much of the document was read: figures, those in relations, relations, inferred and idle ones.

        A result built by hand, with no document behind it, covers what its checks name.
        """
        if self._coverage is None:
            if self._pending is not None:
                self._coverage = self._pending.coverage(self.findings)
            else:
                judged = {c.relation for c in self.checks}
                self._coverage = Coverage(
                    figures=0, in_relations=0, relations=len(judged), inferred=0, not_checkable=0
                )
        return self._coverage

    @property
    def relations_checked(self) -> int:
        """How many relations some rule judged."""
        if self._relations_checked is None:
            self._relations_checked = len({c.relation for c in self.checks})
        return self._relations_checked

    def __eq__(self, other: object) -> bool:
        """Equal fields and checks, however they were computed."""
        if not isinstance(other, Result):
            return NotImplemented
        return (self.title, self.findings, self.rules, self.locale, self.checks) == (
            other.title,
            other.findings,
            other.rules,
            other.locale,
            other.checks,
        )

    def __hash__(self) -> int:
        """Hash of the fields."""
        return hash((self.title, self.findings, self.rules, self.locale))

    def localise(self, *, weights: Mapping[str, float] | None = None, limit: int = 5) -> Result:
        """The result with which printed figures are likely wrong: error localisation (docs/localise.md).

        Every error finding about a relation gains a ``localisation``: the smallest sets
        of printed figures whose change lets every relation hold, each figure with a
        suggested value (a typing slip where one fits) and the printed values that fit,
        all confirmed by the rules' exact checks. Relations that each hold alone but not
        together are reported under PC904. Needs the ``localise`` extra (highspy).

        Args:
            weights: how likely each figure is to be right, by id (default 1; 2 for a
                figure printed twice): among equally small sets the lightest comes first.
            limit: the most equally small sets listed per group of relations.

        >>> import perfcheck
        >>> result = perfcheck.check("tests/data/cases/wuzhou-unit-2024-budget-yuan.json").localise()
        >>> [c.figure for c in result.errors[0].localisation.explanations[0].corrections]
        ['proj_pct']

        Raises:
            ValueError: the result was built by hand, with no document behind it.
            ImportError: highspy is not installed.
        """
        if self._localised and weights is None and limit == 5:
            return self
        if self._localiser is None:
            msg = "this result was not made by perfcheck.check, so there is no document to localise"
            raise ValueError(msg)
        return self._localiser(self, weights=weights, limit=limit)

    @property
    def errors(self) -> list[Finding]:
        """Findings of severity error."""
        return [f for f in self.findings if f.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Finding]:
        """Findings of severity warning."""
        return [f for f in self.findings if f.severity is Severity.WARNING]

    @property
    def infos(self) -> list[Finding]:
        """Findings of severity info."""
        return [f for f in self.findings if f.severity is Severity.INFO]

    @property
    def all(self) -> list[Finding]:
        """Every finding."""
        return list(self.findings)

    @property
    def ok(self) -> bool:
        """True when there is no error."""
        return not self.errors

    def broken(self) -> set[str]:
        """Ids of the relations with an error finding."""
        return {f.relation for f in self.errors if f.relation is not None}

    def to_json_dict(self, *, findings: bool = True) -> dict[str, Any]:
        """The result as the spec's JSON: a ``findings`` list and a summary.

        Without ``findings``, the ``findings`` list is left empty, for a renderer that
        writes each finding its own way.
        """
        return result_json_dict(
            self.title,
            (len(self.errors), len(self.warnings), len(self.infos)),
            self.relations_checked,
            self.coverage.model_dump(mode="json"),
            [f.to_json_dict() for f in self.findings] if findings else [],
        )

    def _repr_html_(self) -> str:
        """The verdict, counts, coverage and a card per finding: how notebooks show a result.

        Text from the document is escaped; see :func:`perfcheck.render.compact_html`
        (the whole page is ``perfcheck.render.render(result, "html")``).

        >>> import perfcheck
        >>> "0 errors" in perfcheck.check("examples/seed-ziyang-fulian-2021.json")._repr_html_()
        True
        """
        from perfcheck.render import compact_html  # noqa: PLC0415 - loaded on first display: importing perfcheck stays cheap

        return compact_html(self)

    def _repr_markdown_(self) -> str:
        """The findings as markdown, with a summary line (:func:`perfcheck.render.result_markdown`)."""
        from perfcheck.render import result_markdown  # noqa: PLC0415 - loaded on first display: importing perfcheck stays cheap

        return result_markdown(self)


#: A result as the command line's renderers read it.
Reported = Result | PlainResult
