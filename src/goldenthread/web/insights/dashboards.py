"""Which figures make up each dashboard, and the words around them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from goldenthread.core.insights import DisclosurePolicy
from goldenthread.web.insights import selectors as s
from goldenthread.web.insights.choices import (
    ACHIEVEMENT,
    AREAS,
    DOMAINS,
    GAPS,
    LATENESS,
    NEEDS,
    ONE_COLUMN,
    PHASE_ROWS,
    SMART,
    THEMES,
)
from goldenthread.web.insights.figures import (
    Figure,
    figure_build,
    rows_from,
    share_sentence,
)
from goldenthread.web.insights.filters import InsightFilter
from goldenthread.web.insights.measures import failures_by_figure, failures_figure, gas_figure
from goldenthread.web.insights.trends import trend_figures


@dataclass(frozen=True)
class Dashboard:
    slug: str
    title: str
    description: str
    build: Callable[[InsightFilter, DisclosurePolicy], list[Figure]]
    from_facts: bool = True  # reads the nightly facts (ADR 0013), not the live plans


def _outcomes(chosen: InsightFilter, policy: DisclosurePolicy) -> list[Figure]:
    outcomes = s.outcome_figures(chosen)
    by_theme, by_area = outcomes.by_theme, outcomes.by_area
    return [
        figure_build(
            key="outcomes-by-theme",
            title="Outcomes by theme",
            unit="outcomes",
            counts=by_theme,
            rows=rows_from(by_theme, fixed=THEMES, missing="No theme chosen"),
            columns=ONE_COLUMN,
            policy=policy,
            row_heading="Theme",
            additive=False,
            notes=["An outcome can belong to more than one theme, so there is no total."],
        ),
        figure_build(
            key="outcomes-by-area",
            title="Outcomes by area of need and service",
            unit="outcomes",
            counts=by_area,
            rows=rows_from(by_area, fixed=AREAS),
            columns=DOMAINS,
            policy=policy,
            row_heading="Area of need",
        ),
    ]


def _quality(chosen: InsightFilter, policy: DisclosurePolicy) -> list[Figure]:
    smart_figures, failure_figures = [], []
    quality = s.quality(chosen)
    for row, heading, title in (
        ("setting", "Setting", "SMART outcomes by setting"),
        ("service", "Coordinating service", "SMART outcomes by coordinating service"),
        ("team", "Team", "SMART outcomes by team"),
        ("domain", "Education, health or care", "SMART outcomes by Education, Health and Care"),
    ):
        counts = quality.smart[row]
        fixed = DOMAINS if row == "domain" else ()
        smart_figures.append(
            figure_build(
                key=f"smart-by-{row}",
                title=title,
                unit="outcomes",
                counts=counts,
                rows=rows_from(counts, fixed=fixed),
                columns=SMART,
                policy=policy,
                row_heading=heading,
                additive=row != "team",
                share_column=0,
                share_heading="% SMART",
                summary=share_sentence("of SMART outcomes", "outcomes"),
            )
        )
        if row != "domain":
            failure_figures.append(
                failures_by_figure(
                    row=row, heading=heading, counts=quality.failures[row], policy=policy
                )
            )
    return [*smart_figures, failures_figure(quality.checks, policy), *failure_figures]


ATTAINMENT_ROWS = (
    # row, heading, fixed rows, additive (each outcome in one row), "none" label
    ("theme", "Theme", THEMES, False, "No theme chosen"),
    ("need", "Primary need", NEEDS, True, "Not recorded"),
    ("phase", "Phase", PHASE_ROWS, True, "Not recorded"),
    ("provision", "Type of provision", DOMAINS, False, "No provision"),
    ("provider", "Who delivers the provision", (), False, "Not recorded"),
)


def _attainment(chosen: InsightFilter, policy: DisclosurePolicy) -> list[Figure]:
    figures = []
    results = s.attainment(chosen)
    for row, heading, fixed, additive, missing in ATTAINMENT_ROWS:
        result = results[row]
        counts = result.counts
        figures.append(
            figure_build(
                key=f"achieved-by-{row}",
                title=f"Outcomes achieved by {heading.lower()}",
                unit="outcomes",
                counts=counts,
                rows=rows_from(counts, fixed=fixed, missing=missing),
                columns=ACHIEVEMENT,
                policy=policy,
                row_heading=heading,
                additive=additive,
                share_column=0,
                share_heading="% achieved",
                summary=share_sentence("achieved", "outcomes"),
            )
        )
        groups = result.gas
        gas_rows = rows_from({(key, None): (0, 0) for key in groups}, fixed=fixed, missing=missing)
        figures.append(
            gas_figure(
                key=f"gas-by-{row}",
                title=f"GAS T-score by {heading.lower()}",
                groups=groups,
                rows=gas_rows,
                row_heading=heading,
                policy=policy,
                additive=additive,
            )
        )
    return figures


def _gaps(chosen: InsightFilter, policy: DisclosurePolicy) -> list[Figure]:
    needs = s.need_gap_counts(chosen)
    outcomes = s.outcome_figures(chosen).provision
    provision = s.provision_use_counts(chosen)
    return [
        figure_build(
            key="needs-met",
            title="Needs with an outcome and provision",
            unit="needs",
            counts=needs,
            rows=rows_from(needs, fixed=AREAS),
            columns=GAPS,
            policy=policy,
            row_heading="Area of need",
            share_column=0,
            share_heading="% fully answered",
            summary=share_sentence("answered by an outcome and provision", "needs"),
        ),
        figure_build(
            key="outcomes-without-provision",
            title="Outcomes with no provision to support them",
            unit="outcomes",
            counts=outcomes,
            rows=rows_from(outcomes, fixed=DOMAINS),
            columns=[("with", "With provision"), ("without", "No provision")],
            policy=policy,
            row_heading="Service",
            share_column=1,
            share_heading="% with no provision",
            summary=share_sentence("with no provision", "outcomes"),
        ),
        figure_build(
            key="provision-without-outcome",
            title="Provision that supports no outcome",
            unit="provision",
            counts=provision,
            rows=rows_from(provision, fixed=DOMAINS),
            columns=[("serves", "Supports an outcome"), ("serves_none", "Supports no outcome")],
            policy=policy,
            row_heading="Service",
            share_column=1,
            share_heading="% supporting no outcome",
            summary=share_sentence("supporting no outcome", "provision"),
        ),
    ]


def _reviews(chosen: InsightFilter, policy: DisclosurePolicy) -> list[Figure]:
    figures = []
    lateness = s.review_lateness(chosen)
    names = s.coordinator_names(key for key, _ in lateness["coordinator"])
    for row, heading in (
        ("setting", "Setting"),
        ("service", "Coordinating service"),
        ("team", "Team"),
        ("coordinator", "Coordinator"),
    ):
        counts = lateness[row]
        rows = rows_from(counts)
        if row == "coordinator":
            rows = [(key, names.get(key, label)) for key, label in rows]
        figures.append(
            figure_build(
                key=f"reviews-by-{row}",
                title=f"Late annual reviews by {heading.lower()}",
                unit="plans",
                counts=counts,
                rows=rows,
                columns=LATENESS,
                policy=policy,
                row_heading=heading,
                additive=row != "team",
                share_column=0,
                share_heading="% not yet due",
                summary=share_sentence("of reviews not yet due", "plans"),
            )
        )
    return figures


DASHBOARDS: dict[str, Dashboard] = {
    d.slug: d
    for d in (
        Dashboard(
            "outcomes",
            "What outcomes are about",
            "Outcomes by theme, area of need and Education, Health and Care.",
            _outcomes,
        ),
        Dashboard(
            "quality",
            "Outcome quality",
            "How many outcomes are SMART, and which checks fail most, by setting, service and"
            " team.",
            _quality,
        ),
        Dashboard(
            "attainment",
            "What works",
            "How many outcomes are achieved and the GAS T-score, by theme, need, phase and"
            " provision.",
            _attainment,
        ),
        Dashboard(
            "gaps",
            "Unmet need and gaps in provision",
            "Needs with no outcome or provision, and provision that supports no outcome.",
            _gaps,
        ),
        Dashboard(
            "reviews",
            "Review timeliness",
            "Annual reviews that are late, by setting, service, team and coordinator.",
            _reviews,
            from_facts=False,
        ),
        Dashboard(
            "trends",
            "Trends and demand",
            "New EHC plans each year by need, and a projection of demand.",
            trend_figures,
            from_facts=False,
        ),
    )
}
