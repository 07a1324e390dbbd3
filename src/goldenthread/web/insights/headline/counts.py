"""The exact counts behind each headline measure, for one area and one school year.

Every measure is counted from dated events that do not change afterwards, so last year's figure
is the same today as it was then: ratings given at review meetings held in the year, and plans
issued in the year (an issued plan is fixed). A school year runs from 1 September to 31 August.

These counts are exact and never leave the server: ``answers`` publishes them through the
disclosure policy.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q

from goldenthread.core.assessments.timeliness import within_20_weeks
from goldenthread.web.assessments.models import Assessment, ClockException
from goldenthread.web.plans.models import AllAboutMe, Need, Outcome, Plan, Provision
from goldenthread.web.reviews.models import OutcomeProgress, Review

EHC_PLAN = "ehc_plan"
ALL_DOMAINS = frozenset({"education", "health", "social_care"})
REVIEW_DUE_MONTHS = 12


def school_year_span(start_year: int) -> tuple[dt.date, dt.date]:
    """1 September ``start_year`` to 31 August the year after."""
    return dt.date(start_year, 9, 1), dt.date(start_year + 1, 8, 31)


def school_year_of(day: dt.date) -> int:
    """The year the school year holding ``day`` began in (1 September)."""
    return day.year if day.month >= 9 else day.year - 1


def school_year_label(start_year: int) -> str:
    return f"{start_year} to {start_year + 1}"


@dataclass
class YearCounts:
    """Exact counts for one school year (numerator, denominator pairs)."""

    ratings: int = 0  # outcome ratings given at reviews held in the year
    met: int = 0  # of which GAS level 0 or more (as expected or better)
    met_by_theme: dict[int, tuple[int, int]] = field(default_factory=dict)
    reviewed_children: int = 0  # children with a review (with ratings) in the year
    t_score_sum: float = 0.0  # sum over those children of their latest T-score in the year
    reviews: int = 0  # annual reviews of EHC plans held in the year
    reviews_on_time: int = 0  # held within 12 months of the last review or the issue date
    plans_issued: int = 0  # EHC plans (new or amended) issued in the year
    plans_all_services: int = 0  # ... with provision from education, health and social care
    children_issued: int = 0  # children with an EHC plan issued in the year
    children_told_once: int = 0  # ... whose "All about me" is written, shared by every plan
    outcomes_issued: int = 0  # outcomes in plans issued in the year
    outcomes_with_aspiration: int = 0  # ... linked to one of the child's aspirations
    outcomes_smart: int = 0  # ... judged SMART
    needs_issued: int = 0  # needs in plans issued in the year
    needs_without_provision: int = 0  # ... with no provision that meets them
    assessments_issued: int = 0  # final plans issued in the year from an assessment (no
    assessments_within: int = 0  # reg 10(4) exception), and of those issued within 20 weeks
    gaps_by_area: Counter[str] = field(default_factory=Counter)
    needs_by_area: Counter[str] = field(default_factory=Counter)


def _in_area(area_id: int, to_child: str) -> Q:
    return Q(**{f"{to_child}local_authority_id": area_id, f"{to_child}archived_at__isnull": True})


def _ratings(counts: YearCounts, area_id: int, start: dt.date, end: dt.date) -> None:
    rows = (
        OutcomeProgress.objects.filter(
            _in_area(area_id, "review__plan__child__"),
            review__meeting_on__range=(start, end),
            review__archived_at__isnull=True,
        )
        .values_list("outcome_id", "gas_level")
        .order_by()
    )
    levels = list(rows)
    counts.ratings = len(levels)
    counts.met = sum(1 for _, level in levels if level >= 0)
    themes = Outcome.themes.through.objects.filter(
        outcome_id__in={outcome for outcome, _ in levels}
    ).values_list("outcome_id", "themetag_id")
    by_outcome: dict[int, list[int]] = defaultdict(list)
    for outcome, theme in themes:
        by_outcome[outcome].append(theme)
    totals: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for outcome, level in levels:
        for theme in by_outcome.get(outcome, ()):
            totals[theme][1] += 1
            totals[theme][0] += level >= 0
    counts.met_by_theme = {theme: (met, rated) for theme, (met, rated) in totals.items()}


def _t_scores(counts: YearCounts, area_id: int, start: dt.date, end: dt.date) -> None:
    """Each child's T-score at their latest review in the year (one per child)."""
    latest: dict[int, tuple[dt.date, int, float]] = {}
    rows = Review.objects.filter(
        _in_area(area_id, "plan__child__"),
        meeting_on__range=(start, end),
        archived_at__isnull=True,
        t_score__isnull=False,
    ).values_list("plan__child_id", "meeting_on", "pk", "t_score")
    for child, meeting_on, pk, score in rows.order_by():
        if score is None:
            continue
        if child not in latest or (meeting_on, pk) > latest[child][:2]:
            latest[child] = (meeting_on, pk, score)
    counts.reviewed_children = len(latest)
    counts.t_score_sum = sum(score for _, _, score in latest.values())


def _timeliness(counts: YearCounts, area_id: int, start: dt.date, end: dt.date) -> None:
    """An annual review is on time when held within 12 months of the one before it, or of the
    plan's issue date when it is the first (Code of Practice 9.166)."""
    rows = (
        Review.objects.filter(
            _in_area(area_id, "plan__child__"),
            archived_at__isnull=True,
            plan__kind=EHC_PLAN,
            meeting_on__lte=end,
        )
        .values_list("plan__child_id", "meeting_on", "plan__issued_on")
        .order_by("plan__child_id", "meeting_on")
    )
    before: dict[int, dt.date] = {}
    for child, meeting_on, issued_on in rows:
        previous = before.get(child) or issued_on
        before[child] = meeting_on
        if meeting_on < start or previous is None:
            continue
        counts.reviews += 1
        due = _months_after(previous, REVIEW_DUE_MONTHS)
        counts.reviews_on_time += meeting_on <= due


def _months_after(day: dt.date, months: int) -> dt.date:
    from dateutil.relativedelta import relativedelta

    result: dt.date = day + relativedelta(months=months)
    return result


def _issued(counts: YearCounts, area_id: int, start: dt.date, end: dt.date) -> None:
    plans = Plan.objects.filter(
        _in_area(area_id, "child__"),
        kind=EHC_PLAN,
        issued_on__range=(start, end),
        archived_at__isnull=True,
    ).exclude(status="draft")
    plan_ids = list(plans.values_list("pk", flat=True))
    counts.plans_issued = len(plan_ids)
    domains: dict[int, set[str]] = defaultdict(set)
    for plan, domain in Provision.objects.filter(
        plan_id__in=plan_ids, archived_at__isnull=True, contribution_status="accepted"
    ).values_list("plan_id", "domain"):
        domains[plan].add(domain)
    counts.plans_all_services = sum(1 for p in plan_ids if domains.get(p, set()) >= ALL_DOMAINS)
    children = set(plans.values_list("child_id", flat=True))
    counts.children_issued = len(children)
    written = AllAboutMe.objects.filter(child_id__in=children).exclude(
        important_to_me="", how_to_support_me="", my_story=""
    )
    counts.children_told_once = written.count()
    outcomes = Outcome.objects.filter(
        plan_id__in=plan_ids, archived_at__isnull=True, contribution_status="accepted"
    )
    counts.outcomes_issued = outcomes.count()
    counts.outcomes_with_aspiration = outcomes.filter(aspirations__isnull=False).distinct().count()
    counts.outcomes_smart = outcomes.filter(quality_smart=True).count()
    _gaps(counts, plan_ids)


def _gaps(counts: YearCounts, plan_ids: list[int]) -> None:
    """Needs with no live provision meeting them, directly or through an outcome (the same
    rule as the gaps dashboard)."""
    needs = Need.objects.filter(
        plan_id__in=plan_ids, archived_at__isnull=True, contribution_status="accepted"
    )
    live = Provision.objects.filter(
        plan_id__in=plan_ids, archived_at__isnull=True, contribution_status="accepted"
    ).values_list("pk", flat=True)
    live_ids = set(live)
    met_directly = Provision.needs.through.objects.filter(provision_id__in=live_ids).values_list(
        "need_id", flat=True
    )
    helped_outcomes = set(
        Provision.outcomes.through.objects.filter(provision_id__in=live_ids).values_list(
            "outcome_id", flat=True
        )
    )
    met_through = Outcome.needs.through.objects.filter(
        outcome_id__in=helped_outcomes,
        outcome__archived_at__isnull=True,
        outcome__contribution_status="accepted",
    ).values_list("need_id", flat=True)
    met = set(met_directly) | set(met_through)
    for need_id, area in needs.values_list("pk", "area"):
        counts.needs_issued += 1
        counts.needs_by_area[area] += 1
        if need_id not in met:
            counts.needs_without_provision += 1
            counts.gaps_by_area[area] += 1


def _twenty_weeks(counts: YearCounts, area_id: int, start: dt.date, end: dt.date) -> None:
    """Final plans issued in the year from an assessment with no exception to the time limit,
    and how many within 20 weeks of the request (the DfE's headline measure)."""
    excepted = ClockException.objects.filter(assessment=OuterRef("pk"), archived_at__isnull=True)
    rows = (
        Assessment.objects.filter(
            _in_area(area_id, "child__"),
            archived_at__isnull=True,
            plan_issued_on__range=(start, end),
        )
        .exclude(Exists(excepted))
        .values_list("request_received_on", "plan_issued_on")
    )
    for received, issued in rows:
        if issued is None:  # filtered out above; for the type checker
            continue
        counts.assessments_issued += 1
        counts.assessments_within += within_20_weeks(received, issued)


def year_counts(*, area_id: int, start_year: int) -> YearCounts:
    """Every headline count for one area and one school year."""
    start, end = school_year_span(start_year)
    counts = YearCounts()
    _ratings(counts, area_id, start, end)
    _t_scores(counts, area_id, start, end)
    _timeliness(counts, area_id, start, end)
    _issued(counts, area_id, start, end)
    _twenty_weeks(counts, area_id, start, end)
    return counts
