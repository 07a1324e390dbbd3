"""Progress over time: a child's GAS T-score at each review and each outcome's levels, as data
tables and as small server-drawn SVG charts (no JavaScript; each chart has a title and a
description, and the same figures are in the table beside it)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from goldenthread.core.reviews import (
    GAS_LEVELS,
    GasRating,
    gas_outcome_progress,
    gas_t_score_series,
)
from goldenthread.web.formfields import date_uk
from goldenthread.web.plans.models import Child
from goldenthread.web.reviews.models import OutcomeProgress

WIDTH, HEIGHT, PAD = 480, 200, 40


@dataclass(frozen=True)
class Series:
    """One line on a chart: (date, value) points, with the range of the y axis."""

    key: str
    title: str
    points: tuple[tuple[dt.date, float], ...]
    low: float
    high: float


@dataclass(frozen=True)
class ChildProgress:
    t_scores: Series
    outcomes: list[Series]


def child_progress(child: Child) -> ChildProgress:
    """The child's T-score at each review (worked out by the core) and each outcome's levels."""
    rows = list(
        OutcomeProgress.objects.filter(review__plan__child=child)
        .select_related("review", "outcome")
        .order_by("review__meeting_on", "outcome__position", "outcome_id")
    )
    ratings = [
        GasRating(str(r.outcome_id), r.review.meeting_on, r.gas_level, r.weight) for r in rows
    ]
    texts = {str(r.outcome_id): r.outcome.text for r in rows}
    t_series = gas_t_score_series(ratings) if ratings else ()
    t_scores = Series("t-score", "GAS T-score at each review", t_series, 20.0, 80.0)
    outcomes = [
        Series(
            f"outcome-{key}",
            texts[key],
            tuple((day, float(level)) for day, level in progress.levels),
            float(min(GAS_LEVELS)),
            float(max(GAS_LEVELS)),
        )
        for key, progress in gas_outcome_progress(ratings).items()
    ]
    return ChildProgress(t_scores, outcomes)


def _xy(series: Series, index: int, value: float) -> tuple[float, float]:
    count = len(series.points)
    step = (WIDTH - 2 * PAD) / max(count - 1, 1)
    x = PAD + index * step if count > 1 else WIDTH / 2
    share = (value - series.low) / (series.high - series.low)
    return round(x, 1), round(HEIGHT - PAD - share * (HEIGHT - 2 * PAD), 1)


def chart_svg(series: Series, *, description: str) -> SafeString:
    """An inline SVG line chart with ``<title>`` and ``<desc>``, labelled by role="img"."""
    key = escape(series.key)
    ticks = [series.low, (series.low + series.high) / 2, series.high]
    parts = [
        f'<svg class="gt-chart" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'aria-labelledby="{key}-title {key}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{key}-title">{escape(series.title)}</title>',
        f'<desc id="{key}-desc">{escape(description)}</desc>',
    ]
    for tick in ticks:
        _, y = _xy(series, 0, tick)
        parts.append(
            f'<line x1="{PAD}" x2="{WIDTH - PAD}" y1="{y}" y2="{y}" stroke="#b1b4b6"/>'
            f'<text x="4" y="{y + 4}" font-size="12" fill="#0b0c0c">{tick:g}</text>'
        )
    points = [_xy(series, i, value) for i, (_, value) in enumerate(series.points)]
    if len(points) > 1:
        path = " ".join(f"{x},{y}" for x, y in points)
        parts.append(f'<polyline points="{path}" fill="none" stroke="#1d70b8" stroke-width="3"/>')
    for (x, y), (day, value) in zip(points, series.points, strict=True):
        parts.append(f'<circle cx="{x}" cy="{y}" r="5" fill="#1d70b8"/>')
        parts.append(
            f'<text x="{x}" y="{HEIGHT - 12}" font-size="11" text-anchor="middle" '
            f'fill="#0b0c0c">{escape(f"{day:%b %Y}")}</text>'
        )
        parts.append(
            f'<text x="{x}" y="{y - 9}" font-size="12" text-anchor="middle" '
            f'fill="#0b0c0c">{value:g}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped or a number  # nosec B308 B703


def describe(series: Series, *, what: str) -> str:
    """The chart in words, for screen readers: each date and value."""
    if not series.points:
        return f"No {what} recorded yet."
    said = "; ".join(f"{date_uk(day)}: {value:g}" for day, value in series.points)
    return f"{what.capitalize()} at each review. {said}."
