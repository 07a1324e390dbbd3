"""Disclosure control for every dashboard table, chart and export: one set of rules.

    policy = DisclosurePolicy()                      # withhold 1–7, round every count to 5
    table = Table.from_counts(row_labels=..., column_labels=..., counts=...)
    protected = table_protect(table=table, policy=policy)
    protected.counts[0][1].text                      # "12", or "c" when withheld

The rules, their order and the reasons are in docs/disclosure-control.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from goldenthread.core.insights.policy import (
    CellStatus,
    DisclosurePolicy,
    PublishedCount,
    PublishedShare,
    cell_publish,
    count_withhold,
    share_of_published,
    share_protect,
    total_publish,
)
from goldenthread.core.insights.suppression import Pattern, suppression_pattern
from goldenthread.core.insights.table import Table

Row = tuple[PublishedCount, ...]
ShareRow = tuple[PublishedShare, ...]


@dataclass(frozen=True, slots=True)
class ProtectedTable:
    """A table as it may be published. It holds no exact withheld count."""

    row_labels: tuple[str, ...]
    column_labels: tuple[str, ...]
    counts: tuple[Row, ...]
    row_totals: Row
    column_totals: Row
    grand_total: PublishedCount
    row_percentages: tuple[ShareRow, ...]  # each count as a % of its row total
    column_percentages: tuple[ShareRow, ...]  # each count as a % of its column total
    policy: DisclosurePolicy

    @property
    def withheld_count(self) -> int:
        """How many values show ``c`` (useful for a "some numbers are hidden" note)."""
        every = [*self.row_totals, *self.column_totals, self.grand_total]
        every += [cell for row in self.counts for cell in row]
        return sum(cell.withheld for cell in every)


@dataclass(frozen=True, slots=True)
class ProtectedSeries:
    """A series for a chart (e.g. one bar per need) as it may be published."""

    labels: tuple[str, ...]
    counts: Row
    total: PublishedCount | None


def _publish(
    *,
    count: int,
    cell: tuple[int, int],
    pattern: Pattern,
    is_total: bool,
    policy: DisclosurePolicy,
    place: tuple[str, str],
) -> PublishedCount:
    status = pattern.get(cell)
    if status is not None:
        return count_withhold(status=status, policy=policy)
    if is_total:
        return total_publish(count=count, policy=policy, cell=place)
    return cell_publish(count=count, policy=policy, cell=place)


TOTAL_LABEL = "Total"  # where a total sits, for random rounding's draw


def _shares(
    *,
    grid: list[list[int]],
    published: list[Row],
    pattern: Pattern,
    by_row: bool,
    policy: DisclosurePolicy,
) -> tuple[ShareRow, ...]:
    last_row, last_column = len(grid) - 1, len(grid[0]) - 1
    rows: list[ShareRow] = []
    for i in range(last_row):
        shares: list[PublishedShare] = []
        for j in range(last_column):
            total_cell = (i, last_column) if by_row else (last_row, j)
            if policy.round_cells:
                shares.append(
                    share_of_published(
                        numerator=published[i][j],
                        denominator=published[total_cell[0]][total_cell[1]],
                        policy=policy,
                    )
                )
                continue
            shares.append(
                share_protect(
                    numerator=grid[i][j],
                    denominator=grid[total_cell[0]][total_cell[1]],
                    numerator_withheld=(i, j) in pattern,
                    denominator_withheld=total_cell in pattern,
                    policy=policy,
                )
            )
        rows.append(tuple(shares))
    return tuple(rows)


def table_protect(*, table: Table, policy: DisclosurePolicy) -> ProtectedTable:
    """Withhold small counts and the cells that would give them away, round the totals.

    Percentages are worked out from the published (rounded) counts, and withheld wherever
    their count or their total is withheld (from the exact counts only with
    ``round_cells=False``). Because the same rules must apply to every table, chart and export.
    """
    grid = table.augmented()
    pattern = suppression_pattern(grid, policy)
    last_row, last_column = len(grid) - 1, len(grid[0]) - 1
    rows = (*table.row_labels, TOTAL_LABEL)
    columns = (*table.column_labels, TOTAL_LABEL)
    published = [
        tuple(
            _publish(
                count=count,
                cell=(i, j),
                pattern=pattern,
                is_total=i == last_row or j == last_column,
                policy=policy,
                place=(rows[i], columns[j]),
            )
            for j, count in enumerate(row)
        )
        for i, row in enumerate(grid)
    ]
    return ProtectedTable(
        row_labels=table.row_labels,
        column_labels=table.column_labels,
        counts=tuple(row[:last_column] for row in published[:last_row]),
        row_totals=tuple(row[last_column] for row in published[:last_row]),
        column_totals=published[last_row][:last_column],
        grand_total=published[last_row][last_column],
        row_percentages=_shares(
            grid=grid, published=published, pattern=pattern, by_row=True, policy=policy
        ),
        column_percentages=_shares(
            grid=grid, published=published, pattern=pattern, by_row=False, policy=policy
        ),
        policy=policy,
    )


def series_protect(
    *,
    labels: Sequence[str],
    counts: Sequence[int],
    policy: DisclosurePolicy,
    with_total: bool = True,
) -> ProtectedSeries:
    """Protect one series of counts, such as a bar chart of children by need.

    With a published total the series is a one-row table and gets secondary suppression;
    without one, each count stands alone and only small counts are withheld.
    Because a chart that shows its total can be differenced like any table row.
    """
    if with_total:
        protected = table_protect(
            table=Table.from_counts(row_labels=("all",), column_labels=labels, counts=[counts]),
            policy=policy,
        )
        return ProtectedSeries(
            labels=tuple(labels), counts=protected.counts[0], total=protected.row_totals[0]
        )
    # Validate as a table would (lengths, no negative counts) before publishing.
    Table.from_counts(row_labels=("all",), column_labels=labels, counts=[counts])
    lone = tuple(
        count_withhold(status=CellStatus.PRIMARY, policy=policy)
        if policy.is_small(count)
        else cell_publish(count=count, policy=policy, cell=(label,))
        for label, count in zip(labels, counts, strict=True)
    )
    return ProtectedSeries(labels=tuple(labels), counts=lone, total=None)
