"""Independent expected figures: plain Python over model rows, then the disclosure core.

Nothing here calls the insights selectors, so a wrong GROUP BY or filter shows up as a
difference. The protection step (core ``table_protect`` on the things counted and on the
children behind them, withheld where either withholds) is the documented rule, restated.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from goldenthread.core.insights import PublishedCount, Table, table_protect
from goldenthread.core.insights.suppression import suppression_pattern
from goldenthread.web.insights.views import disclosure_policy
from goldenthread.web.plans.models import Outcome

# The settings' policy (random rounding keyed from SECRET_KEY, ADR 0019): configuration, not
# counting, so the expected figures stay independent of the selectors.
POLICY = disclosure_policy()


def live_outcomes(
    area_id: int, *, keep: Callable[[Outcome], bool] = lambda o: True
) -> list[Outcome]:
    rows = Outcome.objects.select_related("plan__child").prefetch_related("themes")
    return [
        o
        for o in rows
        if o.plan.child.local_authority_id == area_id
        and o.archived_at is None
        and o.contribution_status == "accepted"
        and o.plan.is_current
        and o.lifecycle_status not in ("cancelled", "entered-in-error")
        and keep(o)
    ]


def grids(
    outcomes: Iterable[Outcome],
    rows: Sequence[object],
    columns: Sequence[object],
    row_of: Callable[[Outcome], object],
    column_of: Callable[[Outcome], object],
) -> tuple[list[list[int]], list[list[int]]]:
    units: dict[tuple[object, object], int] = defaultdict(int)
    children: dict[tuple[object, object], set[int]] = defaultdict(set)
    for outcome in outcomes:
        key = (row_of(outcome), column_of(outcome))
        units[key] += 1
        children[key].add(outcome.plan.child_id)
    return (
        [[units[(r, c)] for c in columns] for r in rows],
        [[len(children[(r, c)]) for c in columns] for r in rows],
    )


def protected_texts(
    units: list[list[int]], children: list[list[int]], labels: Sequence[str], columns: Sequence[str]
) -> list[list[str]]:
    """Rows as the page should print them: label, cells, row total; then the total row."""
    by_units = table_protect(
        table=Table.from_counts(row_labels=labels, column_labels=columns, counts=units),
        policy=POLICY,
    )

    def line(cells: list[int]) -> int:  # the documented stand-in for a line's children
        return (
            max(cells) if max(cells) <= POLICY.largest_hidden else sum(cells)
        )  # 1-9 hidden with random rounding (ADR 0019)

    grid = [[*row, line(row)] for row in children]
    every = [n for row in children for n in row]
    grid.append([*(line(list(c)) for c in zip(*children, strict=True)), line(every)])
    hidden = suppression_pattern(grid, POLICY)
    last = len(columns)

    def text(value: PublishedCount, cell: tuple[int, int]) -> str:
        return "c" if value.withheld or cell in hidden else value.text

    out = []
    for i, label in enumerate(labels):
        cells = [text(value, (i, j)) for j, value in enumerate(by_units.counts[i])]
        out.append([label, *cells, text(by_units.row_totals[i], (i, last))])
    totals = [text(value, (len(labels), j)) for j, value in enumerate(by_units.column_totals)]
    out.append(["Total", *totals, text(by_units.grand_total, (len(labels), last))])
    return out
