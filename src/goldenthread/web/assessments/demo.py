"""Assessments in every state in the demo area, deterministic for a seed and a day.

History: for final EHC plans issued in the last three school years, the assessment that led to
each (request date worked back from the issue date: most within 20 weeks, some in week 19 or on
the very last day, some late, some late with a reg 10(4) exception), so the leaders' timeliness
figures have enough children to show. Open work: on the demo coordinator's caseload, one
assessment in each open state (on time, due soon, late, advice late, deciding, draft with the
family, paused by an exception) and each closed one (not assessed, no plan, withdrawn).
Rows are written in bulk; the clock's stored fields are worked out once at the end.
"""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction

from goldenthread.web.access.models import ChildShare
from goldenthread.web.accounts.models import User
from goldenthread.web.assessments.clock import derived_refresh
from goldenthread.web.assessments.models import AdviceRequest, Assessment, ClockException
from goldenthread.web.plans.models import Child, ChildRelationship, Plan, PlanStatus

HISTORY_LIMIT = 400
SERVICES = (
    ("education", "The child's school"),
    ("health", "Speech and language therapy"),
    ("social_care", "Children's social care"),
    ("educational_psychologist", "Educational psychology service"),
)
SOURCES = ("parent", "parent", "setting", "setting", "health", "social_care", "young_person")
D = dt.timedelta


def _weeks_to_issue(rng: random.Random, index: int) -> tuple[int, bool]:
    """Days from request to plan, and whether an exception applied."""
    if index % 10 == 0:
        return 19 * 7 + 3, False  # week 19
    if index % 10 == 1:
        return 140, False  # the last day of week 20: still on time
    draw = rng.random()
    if draw < 0.5:
        return rng.randint(13 * 7, 139), False
    if draw < 0.85:
        return rng.randint(141, 32 * 7), False
    return rng.randint(150, 34 * 7), True


def _advice(
    assessment: Assessment, start: dt.date, rng: random.Random, *, done: bool
) -> list[AdviceRequest]:
    rows = []
    for service, name in SERVICES[: 3 + (rng.random() < 0.3)]:
        late = rng.random() < 0.3
        received = start + D(days=rng.randint(43, 70) if late else rng.randint(20, 42))
        rows.append(
            AdviceRequest(
                assessment=assessment,
                service=service,
                service_name=name,
                requested_on=start,
                received_on=received if done else None,
                status="accepted" if done else "requested",
            )
        )
    return rows


def _history(rng: random.Random, today: dt.date) -> list[Assessment]:
    plans = list(
        Plan.objects.filter(
            child__is_synthetic=True,
            kind="ehc_plan",
            status=PlanStatus.FINAL,
            issued_on__gte=today - D(days=3 * 365),
            issued_on__lte=today,
            previous_version__isnull=True,
        ).order_by("pk")[:HISTORY_LIMIT]
    )
    made: list[Assessment] = []
    excepted_flags: list[bool] = []
    advice: list[AdviceRequest] = []
    exceptions: list[ClockException] = []
    for index, plan in enumerate(plans):
        if plan.issued_on is None:  # filtered on it; for the type checker
            continue
        days, excepted = _weeks_to_issue(rng, index)
        excepted_flags.append(excepted)
        received = plan.issued_on - D(days=days)
        assessment = Assessment(
            child_id=plan.child_id,
            coordinator_id=plan.coordinator_id,
            request_received_on=received,
            request_source=SOURCES[index % len(SOURCES)],
            request_outcome="assess",
            request_outcome_on=received + D(days=rng.randint(28, 42)),
            assessment_outcome="plan",
            assessment_outcome_on=plan.issued_on - D(days=rng.randint(22, 35)),
            draft_plan_id=plan.pk,
            draft_sent_on=plan.issued_on - D(days=21),
            draft_served_by="email",
            views_received_on=plan.issued_on - D(days=8),
            family_views="We agree with the draft.",
            plan_id=plan.pk,
            plan_issued_on=plan.issued_on,
        )
        made.append(assessment)
    Assessment.objects.bulk_create(made)
    for index, assessment in enumerate(made):
        decided = assessment.request_outcome_on or assessment.request_received_on
        advice += _advice(assessment, decided + D(days=2), rng, done=True)
        if excepted_flags[index]:
            start = assessment.request_received_on + D(days=50)
            exceptions.append(
                ClockException(
                    assessment=assessment,
                    reason="personal_circumstances",
                    starts_on=start,
                    ends_on=start + D(days=28),
                )
            )
    AdviceRequest.objects.bulk_create(advice)
    ClockException.objects.bulk_create(exceptions)
    return made


# Open and closed work: (state, days since the request)
OPEN_STATES = (
    ("requested", 10),
    ("requested", 35),
    ("requested", 50),
    ("assessing", 60),
    ("assessing", 95),
    ("deciding", 105),
    ("draft", 125),
    ("draft", 145),
    ("paused", 70),
    ("not_assessed", 60),
    ("no_plan", 130),
    ("withdrawn", 40),
)


def _open_one(
    child: Child,
    *,
    coordinator: User,
    state: str,
    days: int,
    today: dt.date,
    rng: random.Random,
    advisers: dict[str, User],
) -> None:
    received = today - D(days=days)
    a = Assessment.objects.create(
        child=child,
        coordinator=coordinator,
        request_received_on=received,
        request_source=rng.choice(SOURCES),
    )
    decided = received + D(days=30)
    if state in ("assessing", "deciding", "draft", "no_plan", "paused"):
        a.request_outcome, a.request_outcome_on = "assess", decided
        rows = _advice(a, decided + D(days=1), rng, done=state != "assessing")
        if state == "assessing":  # one in on time, one still out and late by now
            rows[0].received_on, rows[0].status = decided + D(days=30), "submitted"
        for row in rows:
            if row.service == "health" and "therapist" in advisers:
                row.adviser = advisers["therapist"]
        AdviceRequest.objects.bulk_create(rows)
    if state == "not_assessed":
        a.request_outcome, a.request_outcome_on = "not_assess", received + D(days=40)
        a.not_assess_reason = "The school's SEN support is meeting the needs we were told about."
    if state == "withdrawn":
        a.request_outcome, a.request_outcome_on = "withdrawn", received + D(days=20)
        a.withdrawn_on, a.withdrawn_reason = received + D(days=20), "The family moved away."
    if state == "no_plan":
        a.assessment_outcome, a.assessment_outcome_on = "no_plan", received + D(days=110)
        a.not_issue_reason = "The assessment found the needs can be met at SEN support."
    if state == "draft":
        a.assessment_outcome, a.assessment_outcome_on = "plan", received + D(days=100)
        a.draft_sent_on, a.draft_served_by = received + D(days=112), "post"
    if state == "paused":
        ClockException.objects.create(
            assessment=a, reason="absent_from_area", starts_on=received + D(days=40)
        )
    a.save()


@transaction.atomic
def demo_assessments_add(*, seed: int, today: dt.date) -> int:
    """Add the demo's assessments; returns how many. Deterministic for ``seed`` and ``today``."""
    rng = random.Random(seed + 19)  # noqa: S311 - made-up data, not security  # nosec B311
    made = _history(rng, today)
    coordinator = User.objects.filter(username="coordinator").first()
    advisers = {u.username: u for u in User.objects.filter(username__in=["therapist"])}
    count = len(made)
    if coordinator is not None:
        children = list(
            Child.objects.filter(
                pk__in=ChildRelationship.objects.filter(person=coordinator).values("child_id"),
                archived_at__isnull=True,
            ).order_by("pk")[: len(OPEN_STATES)]
        )
        for child, (state, days) in zip(children, OPEN_STATES, strict=False):
            _open_one(
                child,
                coordinator=coordinator,
                state=state,
                days=days,
                today=today,
                rng=rng,
                advisers=advisers,
            )
            if "therapist" in advisers:
                ChildShare.objects.get_or_create(
                    child=child,
                    shared_with_person=advisers["therapist"],
                    defaults={
                        "shared_by": coordinator,
                        "reason": "Advice for an EHC needs assessment",
                        "starts_on": today - D(days=200),
                        "ends_on": today + D(days=140),
                    },
                )
            count += 1
    for assessment in Assessment.objects.prefetch_related("advice", "exceptions"):
        derived_refresh(assessment, today=today)
    return count
