"""The system of :mod:`perfcheck._localise.system` given to HiGHS: proposals, never verdicts.

Each variable is solved for as its deviation from the printed value in half-units of
its last printed digit (``x = centre + scale·u``), so the solver sees small numbers
and the exact residuals: a printed sum that is off by 0.02 is a right-hand side of
about 4, whatever the size of the sum. A figure that may change has an indicator
``z`` whose big-M is the distance from its printed interval to its domain box, in
the same units: tight, never a fixed 1e7 (errorlocate's pitfall, docs/localise.md).
Every set the MILP proposes is solved again as an LP with the indicators fixed to
exactly 0 and 1, so an indicator the solver rounds to 0 within its integrality
tolerance never passes for an unchanged figure.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Any, Final

from perfcheck._localise.system import PERCENT_BOX, Row, System, Var

Box = tuple[Fraction, Fraction]
#: The feasibility tolerance, in half-units of a figure's last digit, of a model with small boxes.
_TOLERANCE: Final = 1e-9
#: The tolerance relative to the largest bound of a model: what doubles can resolve there.
_RELATIVE: Final = 1e-14


class SolverMissingError(ImportError):
    """``highspy`` is not installed: localisation needs the ``localise`` extra."""


def _highs() -> Any:  # noqa: ANN401 - highspy ships no types for its core binding
    try:
        from highspy._core import _Highs  # noqa: PLC0415 - an optional package, loaded when localising
    except ImportError:
        msg = "localisation needs HiGHS: pip install 'perfcheck[localise]' (the highspy package)"
        raise SolverMissingError(msg) from None
    # The core binding, not highspy.Highs: that one prints a banner to stdout when made.
    return _Highs()


def require_solver() -> bool:
    """True when HiGHS can be loaded.

    Raises:
        SolverMissingError: highspy is not installed (the message says how to install it).
    """
    _highs()
    return True


class _Boxes(dict[str, Box]):
    """Domain boxes worked out when first asked for: a search by hitting sets asks for a few."""

    def __init__(self, system: System, size: Mapping[str, Fraction]) -> None:
        super().__init__()
        self.system = system
        self.size = size

    def __missing__(self, name: str) -> Box:
        var = self.system.vars[name]
        if var.figure is None:
            box = _span(var, self)
        else:
            bound = 2 * self.size[var.dim]
            if var.dim == "percent":
                bound = max(bound, PERCENT_BOX)
            lo = Fraction(0) if var.centre >= 0 else -bound
            lo = min(lo, var.lo) if var.lo is not None else lo
            hi = max(bound, var.hi) if var.hi is not None else bound
            box = (lo, hi)
        self[name] = box
        return box


def exact_sum(values: Iterable[Fraction]) -> Fraction:
    """The sum of fractions, added as integers over their least common denominator.

    >>> exact_sum([Fraction(1, 2), Fraction(1, 3), Fraction(1, 6)])
    Fraction(1, 1)
    """
    values = list(values)
    den = math.lcm(*(v.denominator for v in values)) if values else 1
    return Fraction(sum(v.numerator * (den // v.denominator) for v in values), den)


def domain_boxes(system: System) -> dict[str, Box]:
    """Each variable's domain box: how far a changed figure may go.

    Per dimension, twice the sum of the magnitudes its figures print (no figure a
    relation determines from the others can be larger; a lean system's folded figures
    count too), at least 1000 for percentages;
    from zero for a figure printed non-negative. A made-up quantity spans its terms.
    Each box is worked out when first looked up.
    """
    sizes: dict[str, list[Fraction]] = {dim: [size] for dim, size in system.folded.items()}
    for var in system.vars.values():
        if var.figure is not None:
            sizes.setdefault(var.dim, []).append(var.size)
    return _Boxes(system, {dim: exact_sum(values) for dim, values in sizes.items()})


def _balanced(system: System) -> System:
    """The system with every figure of a dimension in one unit: the finest half-unit of the group.

    The solver's system is one group of connected relations, so each group gets units of
    its own. A sum, a balance or an equality is then a row of coefficients ±1 whatever
    units its figures are printed in: a figure printed as ``0.37`` 百万元 beside two printed
    as ``1000.00`` 元 would otherwise give one row coefficients 10^3 to 10^9 apart, where
    the solver drops the smaller as zero or HiGHS's MIP presolve returns a larger set as
    optimal (docs/localise.md). A coarse figure's printed interval is then many units wide,
    which costs nothing: the domain box, the same for the whole dimension, is as many
    units from the printed value for a coarse figure as for the finest.
    """
    finest: dict[str, Fraction] = {}
    for var in system.vars.values():
        finest[var.dim] = min(finest.get(var.dim, var.scale), var.scale)
    same = {
        name: var if var.scale == finest[var.dim] else replace(var, scale=finest[var.dim])
        for name, var in system.vars.items()
    }
    return System(same, system.rows, system.products, system.relations, system.left_out)


#: The farthest, in the MILP's units, a column's bound may lie from zero (:func:`_coarsened`).
#: HiGHS's MIP solves its LPs to ``mip_feasibility_tolerance`` (10^-9 here, strict for the
#: indicators): a double resolves about 2·10^-16 of a value, so a bound of 10^6 leaves a
#: residual of some 2·10^-10, under it; at 10^8 or more it does not, and the MIP calls a
#: set that fits infeasible.
MILP_REACH: Final = 10**6


def _coarsened(system: System, domain: Mapping[str, Box]) -> System:
    """``system`` (balanced), each dimension's unit ten times coarser until within :data:`MILP_REACH`.

    HiGHS holds a MIP's LPs to the MIP's feasibility tolerance, which is also the
    indicators' integrality tolerance and so stays strict (10^-9): the LP solver's
    relative tolerance (:func:`feasibility_tolerance`) cannot loosen it. A coarser unit
    does, where it is needed: 10^-9 of the coarser unit is 10^k times as wide against the
    figures, while an indicator's freedom (the tolerance times its big-M, the same share of
    the box in any unit) is unchanged. A dimension whose columns reach no farther than
    :data:`MILP_REACH` keeps its unit. The MILP only proposes sets; the LPs and the exact
    checks decide them, in the balanced units.
    """
    reach: dict[str, Fraction] = {}
    for name, var in system.vars.items():
        lo, hi = domain[name]
        far = max(abs(lo - var.centre), abs(hi - var.centre)) / var.scale
        reach[var.dim] = max(reach.get(var.dim, Fraction(0)), far)
    factor: dict[str, int] = {}
    for dim, far in reach.items():
        power = 1
        while far > MILP_REACH * power:
            power *= 10
        factor[dim] = power
    if all(power == 1 for power in factor.values()):
        return system
    coarse = {
        name: var if factor[var.dim] == 1 else replace(var, scale=var.scale * factor[var.dim])
        for name, var in system.vars.items()
    }
    return System(coarse, system.rows, system.products, system.relations, system.left_out)


def _span(var: Var, boxes: Mapping[str, Box]) -> Box:
    lo = hi = Fraction(0)
    for name, c in var.terms:
        a, b = boxes[name]
        lo += c * (a if c > 0 else b)
        hi += c * (b if c > 0 else a)
    return lo, hi


def _fixed_boxes(system: System, domain: Mapping[str, Box], changed: Iterable[str]) -> dict[str, Box]:
    """Boxes with the figures not ``changed`` held to their printed intervals."""
    free = set(changed)
    boxes: dict[str, Box] = {}
    for var in system.vars.values():
        if var.figure is None:
            continue
        lo, hi = domain[var.name]
        if var.name not in free:
            lo = lo if var.lo is None else var.lo
            hi = hi if var.hi is None else var.hi
        boxes[var.name] = (lo, hi)
    for var in system.vars.values():
        if var.figure is None:
            boxes[var.name] = _span(var, boxes)
    return boxes


def _extent(coeffs: Iterable[tuple[str, Fraction]], boxes: Mapping[str, Box]) -> Box:
    lo = hi = Fraction(0)
    for name, c in coeffs:
        a, b = boxes[name]
        lo += c * (a if c > 0 else b)
        hi += c * (b if c > 0 else a)
    return lo, hi


def mccormick(system: System, boxes: Mapping[str, Box], which: Iterable[str] | None = None) -> list[Row]:
    """The McCormick envelope of every product ``L = p·d`` (of the stated figures ``which``)."""
    wanted = None if which is None else set(which)
    rows: list[Row] = []
    for prod in system.products:
        if wanted is not None and prod.p not in wanted:
            continue
        plo, phi = boxes[prod.p]
        dlo, dhi = boxes[prod.d]
        lin = prod.linear
        rows.extend(
            (
                Row(prod.relation, (*lin, (prod.d, -plo), (prod.p, -dlo)), -plo * dlo, None),
                Row(prod.relation, (*lin, (prod.d, -phi), (prod.p, -dhi)), -phi * dhi, None),
                Row(prod.relation, (*lin, (prod.d, -phi), (prod.p, -dlo)), None, -phi * dlo),
                Row(prod.relation, (*lin, (prod.d, -plo), (prod.p, -dhi)), None, -plo * dhi),
            )
        )
    return rows


@dataclass(slots=True)
class _Model:
    """A HiGHS model in deviation units: one column per variable, then one per indicator."""

    system: System
    columns: dict[str, int]
    highs: Any

    def value(self, solution: list[float], name: str) -> Fraction:
        var = self.system.vars[name]
        return var.centre + var.scale * Fraction(solution[self.columns[name]])


def _new_model(system: System, boxes: Mapping[str, Box], time_limit: float) -> _Model:
    bounds = {
        name: (
            float((boxes[name][0] - var.centre) / var.scale),
            float((boxes[name][1] - var.centre) / var.scale),
        )
        for name, var in system.vars.items()
    }
    highs = _highs()
    highs.setOptionValue("output_flag", False)  # noqa: FBT003 - HiGHS's option API
    highs.setOptionValue("time_limit", float(time_limit))
    tolerance = feasibility_tolerance(bounds.values())
    highs.setOptionValue("primal_feasibility_tolerance", tolerance)
    # Integrality stays strict: an indicator 1e-4 from zero would free its figure by 1e-4·M.
    highs.setOptionValue("mip_feasibility_tolerance", _TOLERANCE)
    highs.setOptionValue("threads", 1)
    highs.setOptionValue("small_matrix_value", 1e-12)
    columns: dict[str, int] = {}
    for name, (lo, hi) in bounds.items():
        columns[name] = len(columns)
        highs.addVar(lo, hi)
    return _Model(system, columns, highs)


def feasibility_tolerance(bounds: Iterable[tuple[float, float]]) -> float:
    """The solver's feasibility tolerance for columns with ``bounds``, in deviation units.

    A figure that may change can lie some 10^9 half-units from its printed value (a
    figure printed to the cent and wrong by a third of 3 million), where a double
    resolves no better than about 10^-7: a tolerance of 10^-9 there makes HiGHS call a
    feasible set infeasible. So the tolerance grows with the largest bound; it stays a
    tiny fraction of a rounding window, and the exact checks decide in any case.

    >>> feasibility_tolerance([(-1.0, 1.0)])
    1e-09
    >>> feasibility_tolerance([(-9.3e8, 1.1e10)])
    0.00011
    """
    largest = max((abs(end) for pair in bounds for end in pair), default=0.0)
    return max(_TOLERANCE, _RELATIVE * largest)


#: The farthest a figure's domain box may reach from its printed value, in half-units of
#: its last digit, for the integer search to run: beyond it the big-M indicators need a
#: precision doubles do not have (at about 10^15 HiGHS was seen to crash in its MILP).
MAX_DEVIATION: Final = 10**12


_Converted = tuple[float, float, list[int], list[float], Fraction]


def _convert(model: _Model, row: Row) -> _Converted:
    """``row`` in deviation units, scaled so that its largest coefficient is 1 (and the scale)."""
    offset = Fraction(0)
    merged: dict[str, Fraction] = {}  # a name may occur twice (a product's L and its d): one entry each
    for name, c in row.coeffs:
        merged[name] = merged.get(name, Fraction(0)) + c
    index: list[int] = []
    values: list[Fraction] = []
    for name, c in merged.items():
        var = model.system.vars[name]
        offset += c * var.centre
        if c:
            index.append(model.columns[name])
            values.append(c * var.scale)
    norm = max((abs(v) for v in values), default=Fraction(1)) or Fraction(1)
    lo = -math.inf if row.lo is None else float((row.lo - offset) / norm)
    hi = math.inf if row.hi is None else float((row.hi - offset) / norm)
    return lo, hi, index, [float(v / norm) for v in values], norm


def _add_row(
    model: _Model,
    row: Row,
    extra: Iterable[tuple[int, Fraction]] = (),
    cache: dict[int, _Converted] | None = None,
) -> None:
    """Add ``row`` in deviation units; ``extra`` columns (indicators) with their coefficients."""
    converted = None if cache is None else cache.get(id(row))
    if converted is None:
        converted = _convert(model, row)
        if cache is not None:
            cache[id(row)] = converted
    lo, hi, index, values, norm = converted
    extra = list(extra)
    if extra:
        index = [*index, *(i for i, _ in extra)]
        values = [*values, *(float(v / norm) for _, v in extra)]
    model.highs.addRow(lo, hi, len(index), index, values)


@dataclass(frozen=True, slots=True)
class Fit:
    """An LP over the system with a set of figures free: whether it is feasible, and a witness."""

    feasible: bool
    witness: dict[str, Fraction]
    timed_out: bool = False


def _status(highs: Any) -> str:  # noqa: ANN401 - highspy's model status
    return str(highs.getModelStatus()).rsplit(".", 1)[-1]


class Solver:
    """One component's system, solved for feasibility, the smallest change, and ranges."""

    def __init__(self, system: System, *, time_limit: float) -> None:
        """Hold the system; ``time_limit`` bounds each solve, in seconds."""
        self._given = system
        self._system: System | None = None
        self.time_limit = time_limit
        self.domain = domain_boxes(system)
        self.timed_out = False
        self._rows: dict[int, _Converted] = {}
        self._milp_rows: dict[int, _Converted] = {}  # the rows in the MILP's units (:func:`_coarsened`)

    @property
    def system(self) -> System:
        """The system as the solver sees it (:func:`_balanced`), made when a model is first built."""
        if self._system is None:
            self._system = _balanced(self._given)
        return self._system

    def resolvable(self) -> bool:
        """Whether every domain box lies within :data:`MAX_DEVIATION` finest half-units of its centre."""
        finest = _balanced(self._given).vars  # each dimension in its finest half-unit
        return all(
            abs(end - var.centre) <= MAX_DEVIATION * finest[name].scale
            for name, var in self._given.vars.items()
            for end in self.domain[name]
        )

    def _fixed(self, changed: Iterable[str]) -> _Model:
        changed = set(changed)
        boxes = _fixed_boxes(self.system, self.domain, changed)
        model = _new_model(self.system, boxes, self.time_limit)
        for row in self.system.rows:
            if row.switch is None or row.switch not in changed:
                _add_row(model, row, cache=self._rows)
        for row in mccormick(self.system, boxes, changed):
            _add_row(model, row)
        return model

    def _run(self, model: _Model) -> str:
        model.highs.run()
        status = _status(model.highs)
        if status in ("kTimeLimit", "kInterrupt"):
            self.timed_out = True
        return status

    def fit(self, changed: Iterable[str] = ()) -> Fit:
        """Whether every relation can hold with ``changed`` free and the rest as printed."""
        model = self._fixed(changed)
        status = self._run(model)
        if status != "kOptimal":
            return Fit(feasible=False, witness={}, timed_out=self.timed_out)
        solution = list(model.highs.getSolution().col_value)
        return Fit(feasible=True, witness={n: model.value(solution, n) for n in self.system.vars})

    def conflict(self) -> tuple[bool, list[str] | None]:
        """Whether every relation can hold with every figure as printed; when not, HiGHS's IIS.

        The IIS (an irreducible infeasible subsystem, from ``getIis``) is given as the
        relations its rows belong to, in the system's order: a proposal, to be confirmed
        exactly. It is None when the system is feasible, the solve ran out of time, or
        this highspy has no ``getIis`` (or finds none).
        """
        model = self._fixed(())
        status = self._run(model)
        if status == "kOptimal":
            return True, None
        if self.timed_out:
            return False, None
        return False, _iis_relations(model.highs, [row.relation for row in self.system.rows])

    def ranges(self, changed: Iterable[str]) -> dict[str, tuple[Fraction, Fraction]]:
        """For each figure in ``changed``, the least and greatest value that lets every relation hold."""
        changed = list(changed)
        model = self._fixed(changed)
        out: dict[str, tuple[Fraction, Fraction]] = {}
        n = len(model.columns)
        for name in changed:
            ends: list[Fraction] = []
            for sense in (1.0, -1.0):
                model.highs.changeColsCost(n, list(range(n)), [0.0] * n)
                model.highs.changeColCost(model.columns[name], sense)
                if self._run(model) != "kOptimal":
                    return {}
                solution = list(model.highs.getSolution().col_value)
                ends.append(model.value(solution, name))
            out[name] = (ends[0], ends[1])
        return out

    def search(self, weights: Mapping[str, Fraction], hits: Iterable[frozenset[str]] = ()) -> Search:
        """A search for the lightest smallest sets of figures whose change lets every relation hold.

        ``hits`` are sets of which every answer changes at least one figure (the figures
        of a relation broken as printed): valid cuts that make the relaxation tight.
        """
        system = _coarsened(self.system, self.domain)
        rows = self._rows if system is self.system else self._milp_rows
        figures = [v.name for v in system.vars.values() if v.figure is not None]
        model = _new_model(system, self.domain, self.time_limit)
        total = sum(weights.get(f, Fraction(1)) for f in figures) + 1
        zcol: dict[str, int] = {}
        for name in figures:
            zcol[name] = len(model.columns) + len(zcol)
            model.highs.addVar(0.0, 1.0)
            model.highs.changeColCost(zcol[name], float(1 + weights.get(name, Fraction(1)) / total))
        model.highs.changeColsIntegrality(len(zcol), list(zcol.values()), [_integer()] * len(zcol))
        for name in figures:
            self._indicator_rows(model, name, zcol[name])
        for row in system.rows:
            if row.switch is None:
                _add_row(model, row, cache=rows)
                continue
            low, high = _extent(row.coeffs, self.domain)
            if row.lo is not None:
                _add_row(model, row, [(zcol[row.switch], max(Fraction(0), row.lo - low))], rows)
            if row.hi is not None:
                _add_row(model, row, [(zcol[row.switch], -max(Fraction(0), high - row.hi))], rows)
        for row in mccormick(system, self.domain):
            _add_row(model, row)
        for hit in hits:
            cols = [zcol[f] for f in hit if f in zcol]
            if cols:
                model.highs.addRow(1.0, math.inf, len(cols), cols, [1.0] * len(cols))
        return Search(self, model, zcol)

    def _indicator_rows(self, model: _Model, name: str, z: int) -> None:
        """``x`` within its printed interval unless ``z``; the big-M is the way to the domain box."""
        var = model.system.vars[name]
        lo, hi = self.domain[name]
        col = model.columns[name]
        if var.lo is not None and var.lo > lo:
            m = float((var.lo - lo) / var.scale)
            model.highs.addRow(float((var.lo - var.centre) / var.scale), math.inf, 2, [col, z], [1.0, m])
        if var.hi is not None and var.hi < hi:
            m = float((hi - var.hi) / var.scale)
            model.highs.addRow(-math.inf, float((var.hi - var.centre) / var.scale), 2, [col, z], [1.0, -m])


class NeedsSolver(Exception):  # noqa: N818 - a signal, not an error
    """A lean system was asked what only the solver over the whole system answers."""


class LeanSolver(Solver):
    """The solver of a lean system (:func:`perfcheck._localise.system.build` with ``keep``).

    It knows the domain boxes, which the closed form of one figure needs; every other
    question raises :class:`NeedsSolver`, and the caller solves the piece again in full.
    """

    def resolvable(self) -> bool:
        """Raises :class:`NeedsSolver`."""
        raise NeedsSolver

    def fit(self, changed: Iterable[str] = ()) -> Fit:  # noqa: ARG002 - the solver's signature
        """Raises :class:`NeedsSolver`."""
        raise NeedsSolver

    def conflict(self) -> tuple[bool, list[str] | None]:
        """Raises :class:`NeedsSolver`."""
        raise NeedsSolver

    def ranges(self, changed: Iterable[str]) -> dict[str, tuple[Fraction, Fraction]]:  # noqa: ARG002 - the solver's signature
        """Raises :class:`NeedsSolver`."""
        raise NeedsSolver

    def search(self, weights: Mapping[str, Fraction], hits: Iterable[frozenset[str]] = ()) -> Search:  # noqa: ARG002 - the solver's signature
        """Raises :class:`NeedsSolver`."""
        raise NeedsSolver


class Search:
    """One MILP, asked again and again with a cut after each answer (warm-started by HiGHS)."""

    def __init__(self, solver: Solver, model: _Model, zcol: dict[str, int]) -> None:
        """Hold the model and its indicator columns."""
        self.solver = solver
        self.model = model
        self.zcol = zcol

    def _add(self, lo: float, hi: float, cols: list[int], values: list[float]) -> None:
        self.model.highs.addRow(lo, hi, len(cols), cols, values)

    def at_most(self, size: int) -> None:
        """Look only for sets of at most ``size`` figures from now on."""
        cols = list(self.zcol.values())
        self._add(-math.inf, float(size), cols, [1.0] * len(cols))

    def found(self, figures: frozenset[str]) -> None:
        """Propose neither ``figures`` nor a set containing it again."""
        cols = [self.zcol[f] for f in figures]
        self._add(-math.inf, float(len(cols) - 1), cols, [1.0] * len(cols))

    def refused(self, figures: frozenset[str]) -> None:
        """Propose exactly ``figures`` no more (a larger set containing it may still do)."""
        inside = [self.zcol[f] for f in figures]
        outside = [z for f, z in self.zcol.items() if f not in figures]
        self._add(
            float(1 - len(inside)), math.inf, inside + outside, [-1.0] * len(inside) + [1.0] * len(outside)
        )

    def next(self) -> frozenset[str] | None:
        """The lightest smallest set not yet cut off, or None when there is none (or time ran out).

        A solve that fails numerically (``kSolveError``) is tried again without HiGHS's
        presolve, which has been seen to fail where the plain branch and bound does not;
        the search then goes on without it.
        """
        status = self.solver._run(self.model)  # noqa: SLF001 - the solver's own run
        if status == "kSolveError":
            self.model.highs.setOptionValue("presolve", "off")
            status = self.solver._run(self.model)  # noqa: SLF001
        if status != "kOptimal":
            return None
        solution = list(self.model.highs.getSolution().col_value)
        return frozenset(f for f, z in self.zcol.items() if solution[z] > 0.5)


#: HiGHS's IIS strategy: from the LP, then made irreducible (kIisStrategyFromLp | kIisStrategyIrreducible).
_IIS_STRATEGY: Final = 2 | 4


def _iis_relations(highs: Any, relations: list[str]) -> list[str] | None:  # noqa: ANN401 - highspy's model
    """The relations of the rows of HiGHS's irreducible infeasible subsystem, or None without one.

    ``relations`` names the relation of each row of the model, in the order they were added.
    """
    get = getattr(highs, "getIis", None)
    if get is None:  # a highspy before getIis
        return None
    highs.setOptionValue("iis_strategy", _IIS_STRATEGY)
    try:
        status, iis = get()
    except RuntimeError:
        return None
    valid = getattr(iis, "valid_", getattr(iis, "valid", False))
    rows = getattr(iis, "row_index_", getattr(iis, "row_index", None))
    if str(status).rsplit(".", 1)[-1] != "kOk" or not valid or not rows:
        return None
    named = {relations[i] for i in rows if 0 <= i < len(relations)}
    return [r for r in dict.fromkeys(relations) if r in named]


def _integer() -> Any:  # noqa: ANN401 - highspy's enum
    from highspy._core import HighsVarType  # noqa: PLC0415 - an optional package, loaded when localising

    return HighsVarType.kInteger
