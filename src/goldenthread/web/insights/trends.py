"""New EHC plans each year by primary need, and a projection of demand with its uncertainty."""

from __future__ import annotations

from goldenthread.core.insights import DisclosurePolicy, demand_project_by_need, round_to_base
from goldenthread.web.insights import selectors as s
from goldenthread.web.insights.choices import NEEDS
from goldenthread.web.insights.figures import Choice, Figure, figure_build, rows_from
from goldenthread.web.insights.filters import InsightFilter
from goldenthread.web.insights.protection import Line, Value
from goldenthread.web.insights.scans import Counts

YEARS_SHOWN = 6


def _need_rows(counts: Counts) -> list[Choice]:
    present = {row for row, _ in counts}
    return [choice for choice in rows_from(counts, fixed=NEEDS) if choice[0] in present]


def trend_figures(chosen: InsightFilter, policy: DisclosurePolicy) -> list[Figure]:
    """A table of new plans by need and year, and each need's projection for next year.

    The current year is left out: it is not over, so it would look like a fall in demand.
    """
    counts = s.new_plan_counts(chosen)
    this_year = chosen.today.year
    years = sorted({year for _, year in counts if year is not None and year < this_year})
    years = years[-YEARS_SHOWN:]
    rows = _need_rows({key: value for key, value in counts.items() if key[1] in years})
    table = (
        figure_build(
            key="new-plans",
            title="New EHC plans each year by primary need",
            unit="children",
            counts=counts,
            rows=rows,
            columns=[(year, str(year)) for year in years],
            policy=policy,
            row_heading="Primary need",
            chart_heading="New EHC plans over these years",
            notes=[f"{this_year} is not over, so it is not shown."],
        )
        if rows and years
        else None
    )
    by_need = {
        label: {year: counts.get((key, year), (0, 0))[1] for year in years} for key, label in rows
    }
    projections = demand_project_by_need(counts_by_need=by_need, horizon=1, policy=policy)
    lines = []
    for label, projection in projections.items():
        if not projection.projected:
            lines.append(Line(label, (Value("x"), Value("x"), Value("x")), None, None))
            continue
        year = projection.years[0]
        change = f"{100 * (projection.annual_change or 0):+.0f}%"
        low, mid, high = (
            round_to_base(round(value), policy.rounding_base)
            for value in (year.lower, year.central, year.upper)
        )
        lines.append(
            Line(
                label, (Value(change), Value(str(mid), mid), Value(f"{low} to {high}")), None, None
            )
        )
    projection_figure = Figure(
        key="demand-projection",
        title=f"Projected new EHC plans in {this_year}",
        unit="children",
        row_heading="Primary need",
        columns=("Change each year", "Projection", "Likely range (80%)"),
        lines=tuple(lines),
        totals=None,
        summary=_projection_sentence(lines),
        chart_heading="Projected new plans",
        bars=(),
        notes=(
            "A straight-line trend on past years; the range shows how unsure it is.",
            "x means there is no projection: too few years, or a year with 1 to 5 children.",
            f"Projections are rounded to the nearest {policy.rounding_base}.",
        ),
    )
    return [figure for figure in (table, projection_figure) if figure is not None]


def _projection_sentence(lines: list[Line]) -> str:
    shown = [(line.label, line.cells[1].number) for line in lines if line.cells[1].number]
    if not shown:
        return "There are not enough years of plans to project demand safely."
    label, number = max(shown, key=lambda item: item[1] or 0)
    return f"The most new plans next year are likely to be for {label} (about {number:g})."
