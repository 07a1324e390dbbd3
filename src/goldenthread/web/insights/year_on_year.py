"""Year on year for every dashboard figure: this school year against last, and three years.

Each figure is built again for each of the last three school years with the dashboards' own
"School year" filter (``InsightFilter.period``: the plans in force during that year, from the
nightly facts), through the same disclosure control as the page (``figures.figure_build``;
keyed random rounding, 1 to 9 hidden; ADR 0019). A year's value is read from that year's
*published* figure, never from a raw count, so the trend table shows nothing that choosing the
school year in the filter would not show, and the differencing attacker sees it too
(``tests/web/differencing_attack.py``). The change from last year is worked out from the two
published values.

Which value stands for a row: its percentage when the figure has one, else its mean GAS
T-score, else its one count (a one-column figure) or its published total. A figure whose rows
have neither (checks failed by setting: one outcome fails several checks, so no total) has no
trend table; the page says so and the School year filter shows any one year.

Two dashboards are left out, each saying why on the page: "Trends and demand" is by year
already, and "Review timeliness" counts reviews late *today*, which a past year cannot be; the
headline page compares years of annual reviews held on time instead.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from goldenthread.core import calendar
from goldenthread.core.insights import DisclosurePolicy
from goldenthread.web.insights.dashboards import Dashboard
from goldenthread.web.insights.figures import Figure
from goldenthread.web.insights.filters import InsightFilter
from goldenthread.web.insights.protection import Line, Value

YEARS = 3
MEAN_HEADING = "Mean GAS T-score"
NOT_COMPARED = {
    "trends": "This dashboard is by year already.",
    "reviews": (
        "Late reviews are counted as they stand today, so there is no figure for a past year."
        " The headline page compares the share of annual reviews held on time each year."
    ),
}
NO_FIGURE = "x"
NO_COMPARISON = "No comparison"

Build = Callable[[Dashboard, InsightFilter, DisclosurePolicy], list[Figure]]


@dataclass(frozen=True)
class TrendRow:
    label: str
    values: tuple[str, ...]  # the published text for each year, oldest first
    change: str  # "Up 4.2 points", "Down 10", "No change", "No comparison"
    direction: int | None  # 1 up, -1 down, 0 same, None when not compared


@dataclass(frozen=True)
class Trend:
    """One figure's year on year table."""

    key: str
    title: str
    row_heading: str
    measure: str  # what each value is: "% achieved", "Mean GAS T-score", "Number of outcomes"
    years: tuple[str, ...]  # school year labels, oldest first
    rows: tuple[TrendRow, ...]
    summary: str
    percent: bool = False

    @property
    def headers(self) -> list[str]:
        return [self.row_heading, *self.years, f"Compared with {self.years[-2]}"]


def school_years(chosen: InsightFilter) -> list[int]:
    """The school years compared (start years, oldest first): the three ending with the one
    chosen in the filter, or with this school year."""
    latest = (
        chosen.period if chosen.period is not None else calendar.academic_year_start(chosen.today)
    )
    return list(range(latest - YEARS + 1, latest + 1))


def year_label(start: int, chosen: InsightFilter) -> str:
    label = f"{start} to {start + 1}"
    return f"{label} (so far)" if start == calendar.academic_year_start(chosen.today) else label


def _measure(figure: Figure) -> tuple[str, Callable[[Line], Value | None], bool] | None:
    """Which published value stands for a row, what it is called, and whether it is a %;
    ``None`` when no one published number does (a row of overlapping counts has no total)."""
    if figure.share_heading:
        return figure.share_heading, lambda line: line.share, True
    if MEAN_HEADING in figure.columns:
        at = figure.columns.index(MEAN_HEADING)
        return MEAN_HEADING, lambda line: line.cells[at], False
    if len(figure.columns) == 1:
        return f"Number of {figure.unit}", lambda line: line.cells[0], False
    if figure.with_totals:
        return f"Number of {figure.unit}", lambda line: line.total, False
    return None


def _change(before: Value | None, now: Value | None, *, percent: bool) -> tuple[str, int | None]:
    if before is None or now is None or before.number is None or now.number is None:
        return NO_COMPARISON, None
    difference = now.number - before.number
    if difference == 0:
        return "No change", 0
    amount = f"{abs(difference):g}" + (" points" if percent else "")
    return (f"Up {amount}", 1) if difference > 0 else (f"Down {amount}", -1)


def _absent(percent_or_mean: bool) -> Value:
    """A row missing from a year's figure holds nobody: 0, or no figure for a % or mean."""
    return Value(NO_FIGURE) if percent_or_mean else Value("0", 0)


def trend_of(figure: Figure, by_year: Sequence[tuple[str, Figure | None]]) -> Trend | None:
    """One figure's trend table from the same figure published for each year (``None`` when
    no one number per row is published to compare)."""
    chosen = _measure(figure)
    if chosen is None:
        return None
    measure, pick, percent = chosen
    mean_or_share = measure != f"Number of {figure.unit}"
    rows = []
    labels = [line.label for line in figure.lines]
    if figure.totals is not None and pick(figure.totals) is not None:
        labels.append(figure.totals.label)
    for label in labels:
        values: list[Value] = []
        for _, year in by_year:
            lines = [] if year is None else [*year.lines, *([year.totals] if year.totals else [])]
            line = next((line for line in lines if line.label == label), None)
            value = pick(line) if line is not None else None
            values.append(value if value is not None else _absent(mean_or_share))
        change, direction = _change(values[-2], values[-1], percent=percent)
        rows.append(TrendRow(label, tuple(value.text for value in values), change, direction))
    years = tuple(label for label, _ in by_year)
    return Trend(
        key=figure.key,
        title=figure.title,
        row_heading=figure.row_heading,
        measure=measure,
        years=years,
        rows=tuple(rows),
        summary=_summary(measure, years, rows),
        percent=percent,
    )


def _summary(measure: str, years: tuple[str, ...], rows: Sequence[TrendRow]) -> str:
    compared = [row for row in rows if row.direction is not None and row.label != "Total"]
    what = measure[0].lower() + measure[1:]
    if not compared:
        return f"There are too few to compare {what} with {years[-2]}."
    up = sum(1 for row in compared if row.direction == 1)
    down = sum(1 for row in compared if row.direction == -1)
    return (
        f"Compared with {years[-2]}, {what} went up in {up} and down in {down}"
        f" of the {len(compared)} rows that can be compared."
    )


def trends_build(
    board: Dashboard,
    chosen: InsightFilter,
    figures: Sequence[Figure],
    policy: DisclosurePolicy,
    build: Build,
) -> dict[str, Trend]:
    """Each figure's trend over the last three school years, by figure key (none for the
    dashboards in ``NOT_COMPARED``). ``build`` is the views' (cached) figure builder."""
    if board.slug in NOT_COMPARED or not figures:
        return {}
    built: list[tuple[str, dict[str, Figure]]] = []
    for start in school_years(chosen):
        year = build(board, replace(chosen, period=start), policy)
        built.append((year_label(start, chosen), {figure.key: figure for figure in year}))
    trends = {
        figure.key: trend_of(figure, [(label, year.get(figure.key)) for label, year in built])
        for figure in figures
    }
    return {key: trend for key, trend in trends.items() if trend is not None}
