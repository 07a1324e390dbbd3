"""A two-way table of counts of children, with its totals (margins) stated explicitly.

The totals are given, not only worked out, so the table says exactly what will be published;
they must still add up, because disclosure control reasons about what the totals reveal, and
that reasoning needs rows and columns that sum to their totals.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from goldenthread.core.insights.policy import NEGATIVE_COUNT

EMPTY_TABLE = "a table needs at least one row and one column"
RAGGED_TABLE = "every row needs one count for each column"
LABELS_MISMATCH = "the number of labels must match the number of rows and columns"
ROW_TOTAL_MISMATCH = "row total {index} ({label}) does not equal the sum of its counts"
COLUMN_TOTAL_MISMATCH = "column total {index} ({label}) does not equal the sum of its counts"
GRAND_TOTAL_MISMATCH = "the grand total does not equal the sum of the row totals"
NON_ADDITIVE_HINT = (
    " (if a child can be counted in more than one column, the table does not add up and"
    " each column must be protected as its own series)"
)


@dataclass(frozen=True, slots=True)
class Table:
    """Counts of children by row and column, with row, column and grand totals."""

    row_labels: tuple[str, ...]
    column_labels: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]
    row_totals: tuple[int, ...]
    column_totals: tuple[int, ...]
    grand_total: int

    def __post_init__(self) -> None:
        if not self.counts or not self.counts[0]:
            raise ValueError(EMPTY_TABLE)
        width = len(self.counts[0])
        if any(len(row) != width for row in self.counts):
            raise ValueError(RAGGED_TABLE)
        if len(self.row_labels) != len(self.counts) or len(self.column_labels) != width:
            raise ValueError(LABELS_MISMATCH)
        if len(self.row_totals) != len(self.counts) or len(self.column_totals) != width:
            raise ValueError(LABELS_MISMATCH)
        everything = [*self.row_totals, *self.column_totals, self.grand_total]
        if any(count < 0 for row in self.counts for count in row) or min(everything) < 0:
            raise ValueError(NEGATIVE_COUNT)
        for index, (label, row, total) in enumerate(
            zip(self.row_labels, self.counts, self.row_totals, strict=True)
        ):
            if sum(row) != total:
                message = ROW_TOTAL_MISMATCH.format(index=index, label=label)
                raise ValueError(message + NON_ADDITIVE_HINT)
        for index, label in enumerate(self.column_labels):
            if sum(row[index] for row in self.counts) != self.column_totals[index]:
                message = COLUMN_TOTAL_MISMATCH.format(index=index, label=label)
                raise ValueError(message + NON_ADDITIVE_HINT)
        if sum(self.row_totals) != self.grand_total:
            raise ValueError(GRAND_TOTAL_MISMATCH)

    @classmethod
    def from_counts(
        cls,
        *,
        row_labels: Sequence[str],
        column_labels: Sequence[str],
        counts: Sequence[Sequence[int]],
    ) -> Table:
        """Build a table whose totals are the sums of its counts."""
        rows = tuple(tuple(row) for row in counts)
        if not rows or not rows[0]:
            raise ValueError(EMPTY_TABLE)
        if any(len(row) != len(rows[0]) for row in rows):
            raise ValueError(RAGGED_TABLE)
        column_totals = tuple(sum(column) for column in zip(*rows, strict=True))
        return cls(
            row_labels=tuple(row_labels),
            column_labels=tuple(column_labels),
            counts=rows,
            row_totals=tuple(sum(row) for row in rows),
            column_totals=column_totals,
            grand_total=sum(column_totals),
        )

    def augmented(self) -> list[list[int]]:
        """The counts with the row totals as a last column and the column totals as a last row.

        Disclosure control treats totals as cells like any other, so one set of rules covers
        differencing against row totals, column totals and the grand total.
        """
        grid = [[*row, total] for row, total in zip(self.counts, self.row_totals, strict=True)]
        grid.append([*self.column_totals, self.grand_total])
        return grid
