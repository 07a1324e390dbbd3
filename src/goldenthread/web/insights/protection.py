"""Counts → published figures, through the disclosure-control core and nowhere else.

Dashboards count outcomes, needs and plans as well as children. Six outcomes can belong to one
child, so every cell carries two counts: the things counted and the children behind them.
Both grids go through the core's suppression rules and a value is withheld when *either*
pattern withholds it. The union keeps both guarantees: each line of each pattern has no ``c``
or at least two, so the union does too; and every ``c`` could move around a loop of ``c``s in
its own pattern, which is still all ``c`` in the union (and outcome counts are never below
child counts).
A tiny filter (a setting with 3 children) therefore shows ``c``, not its outcomes.

Every count shown is rounded (ADR 0019) and a row's share is worked out from the rounded
numbers shown, so no published number is more exact than the counts beside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from goldenthread.core.insights import (
    CellStatus,
    DisclosurePolicy,
    ProtectedTable,
    PublishedCount,
    PublishedShare,
    Table,
    share_of_published,
    share_protect,
    table_protect,
)
from goldenthread.core.insights.suppression import suppression_pattern

Grid = Sequence[Sequence[int]]


@dataclass(frozen=True, slots=True)
class Value:
    """One published value: its text (a number or a symbol) and the number when shown."""

    text: str
    number: float | None = None
    withheld: bool = False


@dataclass(frozen=True, slots=True)
class Line:
    label: str
    cells: tuple[Value, ...]
    total: Value | None = None
    share: Value | None = None
    extras: tuple[Value, ...] = ()  # columns after the share (e.g. a mean GAS T-score)


@dataclass(frozen=True, slots=True)
class Protected:
    lines: tuple[Line, ...]
    totals: Line | None  # the column totals and grand total, when the rows add up


def _withheld_grid(protected: ProtectedTable) -> list[list[bool]]:
    rows = [
        [cell.withheld for cell in row] + [total.withheld]
        for row, total in zip(protected.counts, protected.row_totals, strict=True)
    ]
    rows.append(
        [cell.withheld for cell in protected.column_totals] + [protected.grand_total.withheld]
    )
    return rows


def _line_children(cells: Sequence[int], policy: DisclosurePolicy) -> int:
    """Children behind a line's total, never more than the truth would withhold.

    A child can be in several cells, so the sum can overstate the line's children. When every
    cell has few children the line may too, so the largest cell (a lower bound) stands in,
    and the total is withheld; otherwise more than the threshold is certain.
    """
    largest = max(cells, default=0)
    return largest if largest <= policy.largest_hidden else sum(cells)


def _children_augmented(children: Grid, policy: DisclosurePolicy) -> list[list[int]]:
    """The children grid with totals as cells, for the core's suppression rules.

    Every value is at most the matching count of things (outcomes, needs, plans) and above
    zero where that count is, so a ``c`` that has room here has room in the published table.
    """
    grid = [[*row, _line_children(row, policy)] for row in children]
    columns = [list(column) for column in zip(*children, strict=True)]
    every = [count for row in children for count in row]
    grid.append([*(_line_children(c, policy) for c in columns), _line_children(every, policy)])
    return grid


def _value(count: PublishedCount, withheld: bool, symbol: str) -> Value:
    if withheld:
        return Value(symbol, None, True)
    return Value(
        count.text, count.value, count.status is not CellStatus.SHOWN and count.value is None
    )


def _share(
    *, numerator: tuple[int, Value], denominator: tuple[int, Value], policy: DisclosurePolicy
) -> PublishedShare:
    """A row's share: of the numbers shown when cells are rounded (ADR 0019), else exact."""
    (count, shown), (total, total_shown) = numerator, denominator
    if not policy.round_cells:
        return share_protect(
            numerator=count,
            denominator=total,
            numerator_withheld=shown.withheld,
            denominator_withheld=total_shown.withheld,
            policy=policy,
        )
    return share_of_published(
        numerator=_published(shown), denominator=_published(total_shown), policy=policy
    )


def _published(value: Value) -> PublishedCount:
    if value.number is None:
        return PublishedCount(value=None, status=CellStatus.PRIMARY)
    return PublishedCount(value=int(value.number), status=CellStatus.SHOWN)


def _one_table(
    *,
    labels: Sequence[str],
    columns: Sequence[str],
    units: Grid,
    children: Grid,
    policy: DisclosurePolicy,
    share_column: int | None,
) -> tuple[list[Line], Line]:
    by_units = table_protect(
        table=Table.from_counts(row_labels=labels, column_labels=columns, counts=units),
        policy=policy,
    )
    by_children = suppression_pattern(_children_augmented(children, policy), policy)
    union = [
        [withheld or (i, j) in by_children for j, withheld in enumerate(row)]
        for i, row in enumerate(_withheld_grid(by_units))
    ]
    symbol = policy.confidential
    last = len(columns)
    lines: list[Line] = []
    for i, label in enumerate(labels):
        cells = tuple(_value(by_units.counts[i][j], union[i][j], symbol) for j in range(last))
        share = None
        total = _value(by_units.row_totals[i], union[i][last], symbol)
        if share_column is not None:
            published = _share(
                numerator=(units[i][share_column], cells[share_column]),
                denominator=(sum(units[i]), total),
                policy=policy,
            )
            number = float(published.value) if published.value is not None else None
            share = Value(published.text, number, published.value is None)
        lines.append(Line(label, cells, total, share))
    # Each count is rounded on its own, drawn by its place (ADR 0019), so a total can be shown
    # a little below a part ("65" in a row whose total shows "60"). Raising the total to the
    # part would make what a total shows depend on its parts, which differencing can use; the
    # page says totals may not add up, and shares are capped at 100% (share_of_published).
    column_totals = tuple(
        _value(by_units.column_totals[j], union[-1][j], symbol) for j in range(last)
    )
    grand = _value(by_units.grand_total, union[-1][last], symbol)
    return lines, Line("Total", column_totals, grand)


def counts_protect(
    *,
    labels: Sequence[str],
    columns: Sequence[str],
    units: Grid,
    children: Grid,
    policy: DisclosurePolicy,
    additive: bool = True,
    share_column: int | None = None,
) -> Protected:
    """Protect a table of counts whose cells also know how many children they cover.

    ``additive`` rows partition what is counted (each outcome in one row), so they form one
    table with totals. Rows that overlap (an outcome with two themes) are each their own
    one-row table, as the core's documentation asks, and there is no grand total.
    ``share_column`` adds each row's share in that column (e.g. % achieved), from exact counts.
    """
    if not labels:
        return Protected((), None)
    if additive:
        lines, totals = _one_table(
            labels=labels,
            columns=columns,
            units=units,
            children=children,
            policy=policy,
            share_column=share_column,
        )
        return Protected(tuple(lines), totals)
    # A one-row table's published values depend only on its counts, so rows with the same
    # counts (common in long tables: small settings, coordinators) are protected once.
    done: dict[tuple[tuple[int, ...], tuple[int, ...]], Line] = {}
    lines = []
    for i, label in enumerate(labels):
        counted = (tuple(units[i]), tuple(children[i]))
        if counted not in done:
            row_lines, _ = _one_table(
                labels=[""],
                columns=columns,
                units=[units[i]],
                children=[children[i]],
                policy=policy,
                share_column=share_column,
            )
            done[counted] = row_lines[0]
        lines.append(replace(done[counted], label=label))
    return Protected(tuple(lines), None)
