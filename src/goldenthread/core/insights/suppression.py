"""Which cells of a table to withhold: primary and secondary (complementary) suppression.

The rules work on the *augmented* grid: the counts, with row totals as a last column and column
totals as a last row (the grand total in the corner). Every line of that grid (each row and
each column) is a sum: its counts add up to its total. Treating totals as ordinary cells
means one set of rules protects against differencing with row, column and grand totals.

The attacker we design against knows every published number exactly — totals as if they
were not rounded — and knows that a withheld cell is at least 1, because true zeros are shown
as 0. Rounding of totals is extra protection, not something these rules rely on.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

from goldenthread.core.insights.policy import CellStatus, DisclosurePolicy

Cell = tuple[int, int]
Grid = list[list[int]]
Pattern = dict[Cell, CellStatus]


def _lines(grid: Grid) -> Iterator[list[Cell]]:
    """Every row, then every column, of the augmented grid, in a fixed order."""
    height, width = len(grid), len(grid[0])
    for i in range(height):
        yield [(i, j) for j in range(width)]
    for j in range(width):
        yield [(i, j) for i in range(height)]


def _value(grid: Grid, cell: Cell) -> int:
    return grid[cell[0]][cell[1]]


def _smallest(grid: Grid, candidates: list[Cell]) -> Cell | None:
    """The smallest count, ties broken by row then column, so patterns are stable."""
    if not candidates:
        return None
    return min(candidates, key=lambda cell: (_value(grid, cell), cell))


def small_counts_withhold(grid: Grid, policy: DisclosurePolicy) -> Pattern:
    """Primary suppression: withhold every count, interior or total, from 1 to the threshold.

    Because a count that small could identify a child, and a total is a count too.
    """
    return {
        (i, j): CellStatus.PRIMARY
        for i, row in enumerate(grid)
        for j, count in enumerate(row)
        if policy.is_small(count)
    }


def lone_withheld_cells_partner(grid: Grid, pattern: Pattern) -> bool:
    """Secondary suppression: a line with exactly one withheld cell gets a second one.

    The partner is the smallest non-zero published cell in that line (a total if nothing
    else is left). Changes ``pattern`` in place; returns whether anything was added.
    Because a line's total minus its other cells gives back a lone withheld cell exactly.
    """
    added = False
    for line in _lines(grid):
        if sum(cell in pattern for cell in line) != 1:
            continue
        partner = _smallest(
            grid, [cell for cell in line if cell not in pattern and _value(grid, cell) > 0]
        )
        if partner is not None:
            pattern[partner] = CellStatus.SECONDARY
            added = True
    return added


def _sign(grid: Grid, cell: Cell) -> int:
    """+1 for counts and the grand total, -1 for row and column totals.

    With these signs every line of the augmented grid sums to zero.
    """
    last_row, last_column = len(grid) - 1, len(grid[0]) - 1
    return -1 if (cell[0] == last_row) != (cell[1] == last_column) else 1


def _can_move(count: int, change: int) -> bool:
    """A withheld count can go up freely, and down only while it stays at least 1."""
    return change > 0 or count >= 2


def withheld_cell_has_room(grid: Grid, pattern: Pattern, cell: Cell) -> bool:
    """Whether the published values leave ``cell`` at least two possible values.

    Two tables agree on every published value exactly when they differ by moves around
    closed loops of withheld cells (alternately +1 and -1 on the signed grid). So a withheld
    cell can be worked out exactly if, and only if, no such loop through it can move without
    taking some withheld cell below 1. The search is a path-finding in a graph whose nodes
    are the lines and whose edges are the withheld cells.
    Because "suppressed" is worthless if the published totals pin the number down anyway.
    """
    height = len(grid)
    row_node, column_node = cell[0], height + cell[1]
    for direction in (1, -1):
        if not _can_move(_value(grid, cell), _sign(grid, cell) * direction):
            continue
        arcs: dict[int, list[int]] = {}
        for other in pattern:
            if other == cell:
                continue
            count, sign = _value(grid, other), _sign(grid, other)
            row, column = other[0], height + other[1]
            if _can_move(count, sign * direction):
                arcs.setdefault(row, []).append(column)
            if _can_move(count, -sign * direction):
                arcs.setdefault(column, []).append(row)
        if _reaches(arcs, start=column_node, goal=row_node):
            return True
    return False


def _reaches(arcs: dict[int, list[int]], *, start: int, goal: int) -> bool:
    seen, queue = {start}, deque([start])
    while queue:
        node = queue.popleft()
        if node == goal:
            return True
        for following in arcs.get(node, []):
            if following not in seen:
                seen.add(following)
                queue.append(following)
    return False


def pinned_cells_widen(grid: Grid, pattern: Pattern) -> bool:
    """Secondary suppression against differencing across linked rows, columns and totals.

    For the first withheld cell (by row, then column) that the published values pin down,
    withhold the smallest non-zero published cell in its row or column (anywhere in the
    table if those are all withheld). Returns whether anything was added.
    Because two withheld cells in every line are not always enough: several lines taken
    together, or withheld cells known to be at least 1, can still give a count away.
    """
    for cell in sorted(pattern):
        if withheld_cell_has_room(grid, pattern, cell):
            continue
        row, column = cell
        nearby = [(row, j) for j in range(len(grid[0]))] + [(i, column) for i in range(len(grid))]
        everywhere = [(i, j) for i in range(len(grid)) for j in range(len(grid[0]))]
        for candidates in (nearby, everywhere):
            partner = _smallest(
                grid,
                [c for c in candidates if c not in pattern and _value(grid, c) > 0],
            )
            if partner is not None:
                pattern[partner] = CellStatus.SECONDARY
                return True
    return False


def suppression_pattern(grid: Grid, policy: DisclosurePolicy) -> Pattern:
    """Primary suppression, then secondary suppression until no withheld cell can be found.

    Ends because every round withholds one more non-zero cell, and a grid whose non-zero
    cells are all withheld is safe (doubling every count fits all the published zeros).
    Because each rule alone leaves gaps that the next one closes.
    """
    pattern = small_counts_withhold(grid, policy)
    while lone_withheld_cells_partner(grid, pattern) or pinned_cells_widen(grid, pattern):
        pass
    return pattern
