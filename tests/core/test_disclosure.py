"""Disclosure control: thresholds, secondary suppression, rounding, and a brute-force attacker."""

from __future__ import annotations

import itertools
import re
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goldenthread.core.insights import (
    CellStatus,
    DisclosurePolicy,
    ProtectedTable,
    Table,
    headline_protect,
    rate_protect,
    round_to_base,
    series_protect,
    table_protect,
)
from goldenthread.core.insights.policy import BAD_THRESHOLD
from goldenthread.core.insights.suppression import (
    lone_withheld_cells_partner,
    small_counts_withhold,
    suppression_pattern,
    withheld_cell_has_room,
)
from goldenthread.core.insights.table import ROW_TOTAL_MISMATCH

POLICY = DisclosurePolicy(round_cells=False)  # the suppression rules on exact cells (ADR 0019)
Cell = tuple[int, int]


# --- the attacker: an exact integer solver by enumeration, independent of the library -------


def _sign(grid: list[list[int]], cell: Cell) -> int:
    last_row, last_column = len(grid) - 1, len(grid[0]) - 1
    return -1 if (cell[0] == last_row) != (cell[1] == last_column) else 1


def recoverable_cells(grid: list[list[int]], withheld: set[Cell]) -> set[Cell]:
    """Withheld cells whose true value is the only one consistent with what is published.

    The attacker knows every published cell exactly (totals too, as if unrounded), that every
    row and column of the augmented grid adds up, and that a withheld cell is at least 1
    (zeros are shown). Values are searched up to the grand total when it is published (no
    count can exceed it, so the search is exact), otherwise up to a generous cap, so a cell
    reported recoverable might in theory have a second value above it; a cell reported safe
    certainly has two values.
    """
    height, width = len(grid), len(grid[0])
    lines = [[(i, j) for j in range(width)] for i in range(height)]
    lines += [[(i, j) for i in range(height)] for j in range(width)]
    grand_total = grid[-1][-1]
    # Every count is at most the grand total, so a published one bounds the search exactly.
    cap = 2 * grand_total + 6 if (height - 1, width - 1) in withheld else grand_total
    found: set[Cell] = set()
    for target in sorted(withheld):
        order = [target, *sorted(withheld - {target})]
        position = {cell: index for index, cell in enumerate(order)}
        # For each unknown, the lines in which it is the last unknown to be assigned.
        closes: dict[Cell, list[list[Cell]]] = {cell: [] for cell in order}
        for line in lines:
            unknown = [cell for cell in line if cell in withheld]
            if unknown:
                closes[max(unknown, key=position.__getitem__)].append(line)
        truth = grid[target[0]][target[1]]
        if not _search(grid, order, closes, {}, cap, target, truth):
            found.add(target)
    return found


def _line_rest(grid: list[list[int]], line: list[Cell], cell: Cell, values: dict[Cell, int]) -> int:
    return sum(
        _sign(grid, other) * values.get(other, grid[other[0]][other[1]])
        for other in line
        if other != cell
    )


def _search(
    grid: list[list[int]],
    order: list[Cell],
    closes: dict[Cell, list[list[Cell]]],
    values: dict[Cell, int],
    cap: int,
    target: Cell,
    truth: int,
) -> bool:
    if len(values) == len(order):
        return True
    cell = order[len(values)]
    if closes[cell]:
        first, *others = closes[cell]
        needed = -_line_rest(grid, first, cell, values) * _sign(grid, cell)
        candidates = [needed]
        if any(
            _line_rest(grid, line, cell, values) + _sign(grid, cell) * needed != 0
            for line in others
        ):
            candidates = []
    else:
        true_value = grid[cell[0]][cell[1]]
        candidates = sorted(range(1, cap + 1), key=lambda v: (abs(v - true_value), v))
    for value in candidates:
        if not 1 <= value <= cap or (cell == target and value == truth):
            continue
        values[cell] = value
        if _search(grid, order, closes, values, cap, target, truth):
            return True
        del values[cell]
    return False


def _withheld(protected_grid_cells: dict[Cell, bool]) -> set[Cell]:
    return {cell for cell, hidden in protected_grid_cells.items() if hidden}


def _published_grid(protected: ProtectedTable) -> dict[Cell, bool]:
    rows = [
        [*row, total] for row, total in zip(protected.counts, protected.row_totals, strict=True)
    ]
    rows.append([*protected.column_totals, protected.grand_total])
    return {(i, j): cell.withheld for i, row in enumerate(rows) for j, cell in enumerate(row)}


def _protect(counts: list[list[int]]) -> tuple[Table, ProtectedTable]:
    rows = [f"row {i}" for i in range(len(counts))]
    columns = [f"column {j}" for j in range(len(counts[0]))]
    table = Table.from_counts(row_labels=rows, column_labels=columns, counts=counts)
    return table, table_protect(table=table, policy=POLICY)


# --- thresholds ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "text"),
    [(0, "0"), (1, "c"), (5, "c"), (6, "6"), (7, "7")],
)
def test_counts_either_side_of_the_threshold(count: int, text: str) -> None:
    _, protected = _protect([[count, 40], [30, 50]])
    assert protected.counts[0][0].text == text


def test_true_zero_is_shown_as_zero_and_never_needs_a_partner() -> None:
    _, protected = _protect([[0, 40], [30, 50]])
    assert protected.withheld_count == 0
    assert protected.counts[0][0].value == 0


def test_threshold_is_configurable_and_must_be_positive() -> None:
    strict = DisclosurePolicy(threshold=9)
    assert strict.is_small(9) and not strict.is_small(10) and not strict.is_small(0)
    with pytest.raises(ValueError, match=BAD_THRESHOLD):
        DisclosurePolicy(threshold=0)


# --- secondary suppression ----------------------------------------------------------------------


def test_naive_primary_suppression_gives_the_count_away() -> None:
    grid = Table.from_counts(
        row_labels=["autism", "SEMH"],
        column_labels=["primary", "secondary", "special"],
        counts=[[3, 10, 12], [8, 9, 14]],
    ).augmented()
    primary_only = set(small_counts_withhold(grid, POLICY))
    assert primary_only == {(0, 0)}
    assert recoverable_cells(grid, primary_only) == {(0, 0)}  # 25 - 10 - 12 = 3


def test_secondary_suppression_on_the_row_and_the_column() -> None:
    table, protected = _protect([[3, 10, 12], [8, 9, 14]])
    # Row 0 partners with its smallest other count (10); column 0 with 8.
    assert [cell.text for cell in protected.counts[0]] == ["c", "c", "12"]
    assert [cell.text for cell in protected.counts[1]] == ["c", "c", "14"]
    assert protected.counts[0][1].status is CellStatus.SECONDARY
    assert protected.counts[0][0].status is CellStatus.PRIMARY
    assert recoverable_cells(table.augmented(), set(_withheld(_published_grid(protected)))) == set()


def test_two_withheld_in_every_line_is_not_always_enough() -> None:
    # Row 0's hidden cells must add to 2, and each is at least 1, so both are 1, and then
    # the column totals give away the two 30s beneath them.
    grid = Table.from_counts(
        row_labels=["a", "b"], column_labels=["x", "y", "z"], counts=[[1, 1, 20], [30, 30, 30]]
    ).augmented()
    lines_only = small_counts_withhold(grid, POLICY)
    while lone_withheld_cells_partner(grid, lines_only):
        pass
    assert set(lines_only) == {(0, 0), (0, 1), (1, 0), (1, 1)}
    assert recoverable_cells(grid, set(lines_only)) == set(lines_only)
    assert not withheld_cell_has_room(grid, lines_only, (0, 0))
    full = suppression_pattern(grid, POLICY)
    assert recoverable_cells(grid, set(full)) == set()


def test_lone_cell_beside_only_a_total_withholds_the_total() -> None:
    table, protected = _protect([[3, 0], [20, 30]])
    assert protected.counts[0][0].text == "c"
    assert protected.row_totals[0].text == "c"  # 3 + 0 = 3 is itself small
    table, protected = _protect([[4, 0, 0], [20, 30, 10], [7, 0, 9]])
    assert recoverable_cells(table.augmented(), set(_withheld(_published_grid(protected)))) == set()


def test_pattern_is_deterministic_with_ties() -> None:
    first = _protect([[2, 9, 9], [9, 9, 9], [9, 9, 9]])[1]
    second = _protect([[2, 9, 9], [9, 9, 9], [9, 9, 9]])[1]
    assert first == second
    assert protected_texts(first)[0] == ["c", "c", "9"]  # the tie goes to the first column
    assert protected_texts(first)[1] == ["c", "c", "9"]


def protected_texts(protected: ProtectedTable) -> list[list[str]]:
    return [[cell.text for cell in row] for row in protected.counts]


# --- tiny filters and edge shapes --------------------------------------------------------------


def test_table_with_a_total_of_three_shows_only_zeros() -> None:
    table, protected = _protect([[1, 0], [2, 0]])
    published = _published_grid(protected)
    grid = table.augmented()
    assert all(published[cell] == (grid[cell[0]][cell[1]] > 0) for cell in published)
    assert protected.grand_total.text == "c"
    assert recoverable_cells(grid, _withheld(published)) == set()


def test_all_zero_table_is_shown_in_full() -> None:
    _, protected = _protect([[0, 0], [0, 0]])
    assert protected.withheld_count == 0
    assert protected.grand_total.text == "0"
    assert protected.row_percentages[0][0].text == "z"


@pytest.mark.parametrize(("count", "total_text"), [(3, "c"), (6, "5"), (8, "10"), (0, "0")])
def test_one_by_one_table(count: int, total_text: str) -> None:
    table, protected = _protect([[count]])
    assert protected.grand_total.text == total_text
    assert recoverable_cells(table.augmented(), _withheld(_published_grid(protected))) == set()


def test_table_totals_must_add_up() -> None:
    with pytest.raises(ValueError, match=re.escape(ROW_TOTAL_MISMATCH.format(index=0, label="a"))):
        Table(
            row_labels=("a",),
            column_labels=("x", "y"),
            counts=((3, 4),),
            row_totals=(8,),
            column_totals=(3, 4),
            grand_total=8,
        )


# --- rounding and percentages ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "base", "rounded"),
    [(17, 5, 15), (18, 5, 20), (15, 5, 15), (12, 5, 10), (13, 5, 15), (15, 10, 20), (14, 10, 10)],
)
def test_rounding_to_base(count: int, base: int, rounded: int) -> None:
    assert round_to_base(count, base) == rounded


def test_totals_are_rounded_and_counts_are_not() -> None:
    _, protected = _protect([[8, 9], [10, 20]])
    assert protected_texts(protected) == [["8", "9"], ["10", "20"]]
    assert [total.text for total in protected.row_totals] == ["15", "30"]  # 17 and 30
    assert [total.text for total in protected.column_totals] == ["20", "30"]  # 18 and 29
    assert protected.grand_total.text == "45"  # 47
    assert protected.row_totals[0].status is CellStatus.ROUNDED
    tens = table_protect(
        table=Table.from_counts(row_labels=["a"], column_labels=["x"], counts=[[47]]),
        policy=DisclosurePolicy(rounding_base=10, round_cells=True),
    )
    assert tens.counts[0][0].text == "50"
    assert tens.grand_total.text == "50"


def test_a_total_that_rounds_to_zero_shows_k() -> None:
    policy = DisclosurePolicy(threshold=3, rounding_base=10, round_cells=False)
    assert headline_protect(count=4, policy=policy).text == "k"
    assert headline_protect(count=2, policy=policy).text == "c"


def test_percentages_from_exact_counts_and_withheld_with_their_count() -> None:
    _, protected = _protect([[8, 9], [10, 20]])
    assert protected.row_percentages[0][0].value == Decimal("47.1")  # 8 / 17, not 8 / 15
    assert protected.column_percentages[1][1].text == "69.0"  # 20 / 29
    _, hidden = _protect([[3, 10, 12], [8, 9, 14]])
    assert hidden.row_percentages[0][0].text == "c"
    assert hidden.row_percentages[0][2].text == "48.0"


def test_rate_helper_withholds_small_numerators_denominators_and_complements() -> None:
    assert rate_protect(numerator=45, denominator=60, policy=POLICY).text == "75.0"
    assert rate_protect(numerator=4, denominator=60, policy=POLICY).text == "c"
    assert rate_protect(numerator=58, denominator=60, policy=POLICY).text == "c"  # 2 were not
    assert rate_protect(numerator=60, denominator=60, policy=POLICY).text == "100.0"
    assert rate_protect(numerator=0, denominator=0, policy=POLICY).text == "z"
    per_thousand = rate_protect(numerator=12, denominator=3000, policy=POLICY, per=1000)
    assert per_thousand.text == "4.0"


def test_headline_number() -> None:
    assert headline_protect(count=5, policy=POLICY).text == "c"
    assert headline_protect(count=6, policy=POLICY).text == "5"
    assert headline_protect(count=0, policy=POLICY).text == "0"
    assert headline_protect(count=123, policy=POLICY).text == "125"


# --- series for charts -----------------------------------------------------------------------


def test_series_with_total_gets_a_partner() -> None:
    series = series_protect(labels=["ASD", "SLCN", "SEMH"], counts=[3, 10, 12], policy=POLICY)
    assert [cell.text for cell in series.counts] == ["c", "c", "12"]
    assert series.total is not None and series.total.text == "25"


def test_series_without_total_only_withholds_small_counts() -> None:
    series = series_protect(
        labels=["ASD", "SLCN", "SEMH"], counts=[3, 10, 12], policy=POLICY, with_total=False
    )
    assert [cell.text for cell in series.counts] == ["c", "10", "12"]
    assert series.total is None


# --- properties ------------------------------------------------------------------------------

small_counts = st.sampled_from([0, 0, 1, 2, 3, 5, 6, 7, 9, 12, 20])


@st.composite
def count_grids(draw: st.DrawFn, max_side: int = 3) -> list[list[int]]:
    height = draw(st.integers(1, max_side))
    width = draw(st.integers(1, max_side))
    return [[draw(small_counts) for _ in range(width)] for _ in range(height)]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(count_grids(max_side=4))
def test_protected_tables_never_show_a_small_count_or_a_lone_withheld_cell(
    counts: list[list[int]],
) -> None:
    table, protected = _protect(counts)
    grid = table.augmented()
    published = _published_grid(protected)
    for (i, j), hidden in published.items():
        if POLICY.is_small(grid[i][j]):
            assert hidden
    lines = [[(i, j) for j in range(len(grid[0]))] for i in range(len(grid))]
    lines += [[(i, j) for i in range(len(grid))] for j in range(len(grid[0]))]
    for line in lines:
        assert sum(published[cell] for cell in line) != 1


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(count_grids(max_side=3))
def test_brute_force_attacker_cannot_recover_any_withheld_cell(counts: list[list[int]]) -> None:
    table, protected = _protect(counts)
    assert recoverable_cells(table.augmented(), _withheld(_published_grid(protected))) == set()


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(count_grids(max_side=2), st.data())
def test_room_check_agrees_with_the_brute_force_attacker(
    counts: list[list[int]], data: st.DataObject
) -> None:
    grid = Table.from_counts(
        row_labels=[str(i) for i in range(len(counts))],
        column_labels=[str(j) for j in range(len(counts[0]))],
        counts=counts,
    ).augmented()
    non_zero = [
        (i, j) for i, j in itertools.product(range(len(grid)), range(len(grid[0]))) if grid[i][j]
    ]
    chosen = data.draw(st.sets(st.sampled_from(non_zero))) if non_zero else set()
    pattern = dict.fromkeys(chosen, CellStatus.PRIMARY)
    expected = recoverable_cells(grid, set(chosen))
    assert {cell for cell in chosen if not withheld_cell_has_room(grid, pattern, cell)} == expected
