"""Several tables' numbers from ONE scan of a facts table (ADR 0013, "one scan per dashboard").

A national facts table has millions of rows; reading it once per table made the quality and
attainment dashboards 5 scans each. Here the scan is one GROUP BY per child (and the keys the
tables need: setting, service, need …), counting each measure, and that per-child step (a
``WITH``, about one row per child) is then grouped once per table (a ``Cut``): by its row,
summing the things and counting the children with any. The same SQL runs on SQLite and
PostgreSQL; PostgreSQL keeps the ``WITH`` once for all the tables.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import Count, F, FloatField, Q, QuerySet, Sum

from goldenthread.core.reviews.gas import DEFAULT_RHO, T_SCORE_MEAN, T_SCORE_SPREAD

Counts = dict[tuple[Any, Any], tuple[int, int]]


@dataclass(frozen=True, slots=True)
class GasGroup:
    children: int
    mean: float | None


@dataclass(frozen=True)
class Measured:
    """Counts of things and children by (row, measure), and each row's GAS children and mean."""

    counts: Counts
    gas: dict[Any, GasGroup]


@dataclass(frozen=True)
class Cut:
    """One table read from the per-child step.

    ``row`` is SQL over the step's columns giving the table's row (``None``: one line for each
    of ``groups``, every child together); ``joins`` are what that row needs (a setting's name);
    ``groups`` are the conditional groups the table reads (0 is every fact; the others are the
    ``flags`` given to ``measured``, numbered from 1); ``measures`` are the measures it reads
    (by position; all when empty).
    """

    row: str | None
    joins: str = ""
    groups: tuple[int, ...] = (0,)
    measures: tuple[int, ...] = ()  # which of ``measured``'s measures it reads (none: all)


def _q(name: str) -> str:
    return connection.ops.quote_name(name)


def key_column(key: str) -> str:
    """A key of the per-child step, as SQL for a ``Cut``'s row or join."""
    return f"{_q('per_child')}.{_q('k_' + key)}"


def by_key(key: str) -> Cut:
    return Cut(row=key_column(key))


def by_name(key: str, table: str, *, alias: str, column: str = "name") -> Cut:
    """Rows named by another table's ``column`` (a setting's or a service's name): joined after
    the facts are grouped by child, so the join reads about one row per child, not per fact."""
    return Cut(
        row=f"{_q(alias)}.{_q(column)}",
        joins=f"LEFT JOIN {_q(table)} {_q(alias)} ON {_q(alias)}.{_q('id')} = {key_column(key)}",
    )


def by_team(key: str, *, members: str, teams: str) -> Cut:
    """Rows by each team of the person in ``key`` (a person in two teams is in both rows)."""
    m, t = _q("member"), _q("team")
    return Cut(
        row=f"{t}.{_q('name')}",
        joins=(
            f"LEFT JOIN {_q(members)} {m} ON {m}.{_q('user_id')} = {key_column(key)}"
            f" LEFT JOIN {_q(teams)} {t} ON {t}.{_q('id')} = {m}.{_q('team_id')}"
        ),
    )


@dataclass(frozen=True)
class Step:
    """What a per-child step counts: for each group (every fact, then each of ``flags``, e.g.
    themes) and each of ``measures`` (e.g. "achieved"), the facts meeting both; with ``gas``,
    also the sums the T-score needs. Measures and flags are (key, condition on the facts)."""

    measures: tuple[tuple[Any, Any], ...]
    flags: tuple[tuple[Any, Any], ...] = ()
    gas: bool = False

    @property
    def groups(self) -> list[tuple[Any, Any]]:
        return [(None, None), *self.flags]

    def columns(self) -> list[str]:
        """The step's columns, named m{group}_{measure} (and sx/sw/sw2_{group} for GAS)."""
        every = range(len(self.measures))
        return [c for g in range(len(self.groups)) for c in _columns(g, every, gas=self.gas)]

    def aggregates(self) -> dict[str, Any]:
        """Each column as an aggregate over facts (a conditional count or sum)."""
        return _per_child(self.groups, self.measures, gas=self.gas)


def measured(
    queryset: QuerySet[Any],
    *,
    step: Step,
    cuts: Mapping[str, Cut],
    keys: Mapping[str, Any] | None = None,
    child_keys: bool = False,
    kept: QuerySet[Any] | None = None,
) -> dict[str, Measured]:
    """Each cut's counts (and with ``step.gas`` each row's GAS children and mean T-score) from
    one scan of ``queryset`` (facts), or of ``kept``: the same step's columns kept per plan by
    the refresh (``insights.kept``), summed here per child (a few plans' rows, not every fact).

    The per-child step groups the facts by child and ``keys`` (name: field or expression),
    counting ``step``'s columns for each group. A cut then groups that by its row and child (so
    a child split over several step rows counts once: two plans with different coordinators),
    and by its row: things (a sum), children (those with any) and the mean of the children's
    T-scores. A child with one current plan (the source's ``only_plan``) has one step row, so
    only the other children are grouped again. That needs every key to be the same on all a
    plan's rows (the plan's or the child's own: setting, service, need), or else to be the row
    of every cut (provider). ``child_keys`` says every key is the child's own (need, date of
    birth): the step then has one row per child and the cuts never group again. A child's
    T-score in a row is the core's formula (``core.reviews.gas``) over the child's rated facts
    in that row: each outcome's latest level and weight.
    """
    keys = keys or {}
    step_sql, params = _step_sql(queryset, step, keys, kept)
    measures, groups = step.measures, step.groups
    every = tuple(range(len(measures)))
    reads = {name: (cut, cut.measures or every) for name, cut in cuts.items()}
    width = max(len(c.groups) * _width(m, gas=step.gas) for c, m in reads.values())
    selects = [
        _cut_sql(index, cut, chosen, gas=step.gas, width=width, regroup=not child_keys)
        for index, (cut, chosen) in enumerate(reads.values())
    ]
    sql = f"WITH {_q('per_child')} AS ({step_sql}) " + " UNION ALL ".join(selects)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = list(cursor.fetchall())
    results = {name: Measured({}, {}) for name in cuts}
    names = list(cuts)
    for result in rows:
        name = names[result[0]]
        (cut, chosen), into = reads[name], results[name]
        values = list(result[2:])
        for g in cut.groups:
            key = result[1] if cut.row is not None else groups[g][0]
            for m in chosen:
                units, children = values.pop(0), values.pop(0)
                if units:
                    into.counts[(key, measures[m][0])] = (int(units), int(children))
            if step.gas:
                children, mean = values.pop(0), values.pop(0)
                if children:
                    into.gas[key] = GasGroup(int(children), float(mean))
    return results


# The step's source says, on each row, whether it is on the child's only current plan: then the
# child has one step row (every key is the plan's or the child's own), which a cut can read as
# it is; only children with several plans need grouping again (ADR 0013, decision 11).
ONLY_PLAN = "only_plan"


def _step_sql(
    facts: QuerySet[Any], step: Step, keys: Mapping[str, Any], kept: QuerySet[Any] | None
) -> tuple[str, tuple[Any, ...]]:
    """The per-child step as SQL: ``facts`` counted by child and keys; or, given ``kept``,
    per-plan columns read as they are for a child with one plan and summed by child and keys
    for the others."""
    key_names = ("child_id", ONLY_PLAN, *(f"k_{name}" for name in keys))
    annotations = {f"k_{name}": _expression(spec) for name, spec in keys.items()}
    if kept is None:
        grouped = facts.annotate(**annotations).values(*key_names)
        sql, params = grouped.annotate(**step.aggregates()).order_by().query.sql_with_params()
        return sql, tuple(params)
    columns = step.columns()
    alone = kept.filter(**{ONLY_PLAN: True}).annotate(**annotations)
    alone_sql, alone_params = alone.values(*key_names, *columns).order_by().query.sql_with_params()
    several = kept.filter(**{ONLY_PLAN: False}).annotate(**annotations).values(*key_names)
    summed = several.annotate(**{f"t_{c}": Sum(c) for c in columns}).order_by()
    several_sql, several_params = summed.query.sql_with_params()
    names = [_q(name) for name in key_names]
    plain = ", ".join(names + [_q(c) for c in columns])
    renamed = ", ".join(names + [f"{_q('t_' + c)} AS {_q(c)}" for c in columns])
    sql = (
        f"SELECT {plain} FROM ({alone_sql}) {_q('alone')}"  # noqa: S608  # nosec B608
        f" UNION ALL SELECT {renamed} FROM ({several_sql}) {_q('several')}"  # nosec B608
    )
    return sql, (*alone_params, *several_params)


def _expression(spec: Any) -> Any:
    return F(spec) if isinstance(spec, str) else spec


def _width(measures: Sequence[int], *, gas: bool) -> int:
    return 2 * len(measures) + (2 if gas else 0)


def _columns(g: int, measures: Sequence[int], *, gas: bool) -> list[str]:
    names = [f"m{g}_{m}" for m in measures]
    return names + ([f"sx_{g}", f"sw_{g}", f"sw2_{g}"] if gas else [])


def _cut_sql(
    index: int, cut: Cut, measures: Sequence[int], *, gas: bool, width: int, regroup: bool
) -> str:
    """One cut: the per-child step by row and child, then by row. A child with one plan has one
    step row and is read as it is; with ``regroup`` the rows of a child with several plans are
    grouped by (row, child) first (one child, one row). Padded with NULLs to ``width`` so every
    cut's SELECT has the same columns (they are joined by UNION ALL). Every name here is ours:
    no user input reaches this SQL."""
    columns = [c for g in cut.groups for c in _columns(g, measures, gas=gas)]
    step, child = _q("per_child"), f"{_q('per_child')}.{_q('child_id')}"
    row = cut.row or "NULL"
    source = f"{row} AS {_q('g_row')}, {child} AS {_q('child_id')}"
    plain = f"SELECT {source}, {', '.join(_q(c) for c in columns)} FROM {step} {cut.joins}"  # noqa: S608  # nosec B608
    if regroup:
        only = f"{step}.{_q(ONLY_PLAN)}"
        sums = ", ".join(
            f"SUM({_q(c)}) AS {_q(c)}" if c.startswith("s") else f"{_sum_int(_q(c))} AS {_q(c)}"
            for c in columns
        )
        group = f"GROUP BY {cut.row}, {child}" if cut.row else f"GROUP BY {child}"
        several = f"SELECT {source}, {sums} FROM {step} {cut.joins} WHERE NOT {only} {group}"  # noqa: S608  # nosec B608
        per_row = f"{plain} WHERE {only} UNION ALL {several}"
    else:
        per_row = plain
    parts = [part for g in cut.groups for part in _per_row(g, measures, gas=gas)]
    parts += ["CAST(NULL AS INTEGER)"] * (width - len(parts))
    by_row = f" GROUP BY {_q('g_row')}" if cut.row else ""
    return (
        f"SELECT {index}, {'NULL' if cut.row is None else _q('g_row')}, {', '.join(parts)}"  # noqa: S608  # nosec B608
        f" FROM ({per_row}) {_q('per_row')}{by_row}"
    )


def _sum_int(column: str) -> str:
    """A sum of counts as an integer: PostgreSQL sums a bigint COUNT as an exact numeric, which
    is several times slower over 700,000 rows; no count here comes near 2**31."""
    return f"SUM(CAST({column} AS INTEGER))"


def _t_sql(sx: str, sw: str, sw2: str) -> str:
    """The core's formula (``core.reviews.gas``) on per-child sums: sum(w*x), sum(w), sum(w^2).

    T = 50 + 10 * sum(w x) / sqrt((1 - rho) * sum(w^2) + rho * sum(w)^2).
    """
    return (
        f"({T_SCORE_MEAN!r} + {T_SCORE_SPREAD!r} * {sx}"
        f" / SQRT({1 - DEFAULT_RHO!r} * {sw2} + {DEFAULT_RHO!r} * {sw} * {sw}))"
    )


def _sums(condition: Any) -> dict[str, Any]:
    """The T-score's sums over the rated facts meeting ``condition`` (``None``: all of them):
    the facts keep w·x, w and w² already worked out, and null when not rated."""
    return {
        name: Sum(column, filter=condition, output_field=FloatField())
        for name, column in (("sx", "gas_wx"), ("sw", "gas_w"), ("sw2", "gas_w2"))
    }


def _per_child(
    groups: Sequence[tuple[Any, Any]], measures: Sequence[tuple[Any, Any]], *, gas: bool
) -> dict[str, Any]:
    """The per-child step's aggregates: m{group}_{measure}, and sx/sw/sw2_{group} for GAS."""
    aggregates: dict[str, Any] = {}
    for g, (_, group_condition) in enumerate(groups):
        for m, (_, condition) in enumerate(measures):
            both = condition if group_condition is None else Q(group_condition) & Q(condition)
            aggregates[f"m{g}_{m}"] = Count("pk", filter=both)
        if gas:
            for name, total in _sums(group_condition).items():
                aggregates[f"{name}_{g}"] = total
    return aggregates


def _per_row(g: int, measures: Sequence[int], *, gas: bool) -> list[str]:
    """A cut's columns for group ``g``, in the order ``measured`` reads them back."""
    parts = []
    for m in measures:
        cell = _q(f"m{g}_{m}")
        parts += [_sum_int(cell), f"SUM(CASE WHEN {cell} > 0 THEN 1 ELSE 0 END)"]
    if gas:
        sx, sw, sw2 = _q(f"sx_{g}"), _q(f"sw_{g}"), _q(f"sw2_{g}")
        parts += [
            f"SUM(CASE WHEN {sw} > 0 THEN 1 ELSE 0 END)",
            f"AVG(CASE WHEN {sw} > 0 THEN {_t_sql(sx, sw, sw2)} END)",
        ]
    return parts
