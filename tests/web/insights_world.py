"""A small made-up area for the insights tests: a big school, a tiny one, plans with gaps.

Deterministic (no randomness) so that every expected figure can be worked out by hand.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone

from goldenthread.web.access.models import Team
from goldenthread.web.accounts.models import Organisation, Role, User
from goldenthread.web.insights.refresh import facts_refresh
from goldenthread.web.plans.models import Child, Need, Outcome, Plan, Provision, ThemeTag
from goldenthread.web.reviews.models import OutcomeProgress, PlanDecision, Review, ReviewKind
from tests.web import factories

BIG_SCHOOL_CHILDREN = 30
TINY_SCHOOL_CHILDREN = 3
AREAS = (
    "communication_and_interaction",
    "cognition_and_learning",
    "social_emotional_mental_health",
)
DOMAINS = ("education", "health", "social_care")
STATUSES = ("achieved", "in-progress", "not-achieved", "improving", "achieved")
NEEDS = ("ASD", "SLCN", "SEMH", "MLD")
PROVIDERS = ("Teaching assistant", "Speech and language therapist")


@dataclass
class InsightsWorld:
    area: Organisation
    big_school: Organisation
    tiny_school: Organisation
    leader: User
    quality_lead: User
    children: list[Child] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return [name for child in self.children for name in (child.first_name, child.last_name)]


def plan_thread_create(child: Child, index: int, coordinator: User, today: dt.date) -> None:
    plan = factories.plan_create(
        child=child,
        user=coordinator,
        kind="ehc_plan",
        status="final",
        issued_on=dt.date(today.year - 1 - index % 4, 3, 1),
        coordinator=coordinator,
    )
    Plan.objects.filter(pk=plan.pk).update(
        start_date=plan.issued_on,
        next_review_due=today + dt.timedelta(days=40 - 17 * (index % 7)),
    )
    needs = [
        Need.objects.create(
            plan=plan,
            text=f"Need {k}",
            area=AREAS[(index + k) % 3],
            domain=DOMAINS[(index + k) % 3],
        )
        for k in range(2)
    ]
    outcomes = []
    for k in range(3):
        outcome = Outcome.objects.create(
            plan=plan,
            text=f"By the end of Year 6 I will do thing {k}.",
            domain=DOMAINS[(index * 2 + k) % 3],
            area=AREAS[(index + k) % 3] if k < 2 else "",
            achievement_status=STATUSES[(index + k) % 5],
            quality_smart=(None, True, False)[(index + k) % 3],
        )
        outcome.themes.set(ThemeTag.objects.filter(number__in=[1 + (index + k) % 4, 1 + k]))
        outcomes.append(outcome)
        if k == 0:
            outcome.needs.add(needs[0])
            help_ = Provision.objects.create(
                plan=plan,
                description="Help",
                domain=outcome.domain,
                delivered_by=PROVIDERS[index % 2],
            )
            help_.outcomes.add(outcome)
            if index % 2:
                help_.needs.add(needs[1])
    _reviews(plan, outcomes, index, today)


def _reviews(plan: Plan, outcomes: list[Outcome], index: int, today: dt.date) -> None:
    """Two reviews for four children in five: every outcome at -1, then later levels that vary.

    For one child in three the later review rates only the first two outcomes, so the third
    outcome's latest level is still the earlier one. Weights are 1 or 2.
    """
    if index % 5 == 4:
        return
    earlier, later = (
        Review.objects.create(
            plan=plan,
            kind=ReviewKind.ANNUAL,
            meeting_on=today - dt.timedelta(days=days),
            decision=PlanDecision.KEEP,
        )
        for days in (400, 30)
    )
    for k, outcome in enumerate(outcomes):
        weight = 1.0 + (index + k) % 2
        OutcomeProgress.objects.create(
            review=earlier,
            outcome=outcome,
            gas_level=-1,
            weight=weight,
            achievement_status="no-change",
            decision="continue",
        )
        if k == 2 and index % 3 == 0:
            continue
        OutcomeProgress.objects.create(
            review=later,
            outcome=outcome,
            gas_level=(index * 2 + k) % 5 - 2,
            weight=weight,
            achievement_status="improving",
            decision="continue",
        )


def insights_world_create() -> InsightsWorld:
    ThemeTag.objects.bulk_create(ThemeTag.expected_rows(), ignore_conflicts=True)
    today = timezone.localdate()
    area = factories.local_authority_create(name="Westshire Council")
    big = factories.organisation_create(name="Brook Lane Primary", parent=area)
    tiny = factories.organisation_create(name="Tiny Oaks School", parent=area)
    coordinators = [
        factories.user_create(role=Role.COORDINATOR, organisation=area, last_name=f"Coord{n}")
        for n in range(2)
    ]
    team = Team.objects.create(name="EHC team West", organisation=area)
    team.members.set(coordinators)
    world = InsightsWorld(
        area=area,
        big_school=big,
        tiny_school=tiny,
        leader=factories.user_create(role=Role.STRATEGIC_LEADER, organisation=area),
        quality_lead=factories.user_create(role=Role.QUALITY_LEAD, organisation=area),
    )
    for index in range(BIG_SCHOOL_CHILDREN + TINY_SCHOOL_CHILDREN):
        child = factories.child_create(
            local_authority=area,
            setting=big if index < BIG_SCHOOL_CHILDREN else tiny,
            first_name=f"Quillon{index}",
            last_name=f"Marchbanks{index}",
            date_of_birth=dt.date(today.year - 5 - index % 12, 1 + index % 12, 10),
            primary_need=NEEDS[index % 4],
        )
        world.children.append(child)
        plan_thread_create(child, index, coordinators[index % 2], today)
    other_area = factories.local_authority_create(name="Eastshire Council")
    factories.child_create(local_authority=other_area, first_name="Elsewhere", last_name="Child")
    facts_refresh()  # what the nightly command does: the dashboards read these facts
    return world
