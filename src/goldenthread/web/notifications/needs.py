"""Reads for the home: what needs this person now, section by section, each line a link to act.

Every section is a few indexed queries (the stored deadlines of ADR 0009, contributions by plan
coordinator), so a coordinator with hundreds of plans gets the page quickly
(bench/bench_home.py). Names are shown only for children the person may see.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from goldenthread.core.reviews.model import DeadlineKind
from goldenthread.web.access.models import ChildShare
from goldenthread.web.accounts.models import PROFESSIONAL_ROLES, Role, User
from goldenthread.web.passport.models import PassportLink
from goldenthread.web.plans.models import (
    Child,
    ChildRelationship,
    ContributionStatus,
    Need,
    Outcome,
    Plan,
    PlanStatus,
    Provision,
    RelationshipKind,
)
from goldenthread.web.plans.selectors import children_visible_to
from goldenthread.web.reviews.models import PlanDeadline

REVIEW_WINDOW = dt.timedelta(days=56)
ENDING_WINDOW = dt.timedelta(days=7)
ADVICE_BEFORE = dt.timedelta(days=14)
PARTS = (Need, Outcome, Provision)
DEADLINE_WORDS = {
    DeadlineKind.NEXT_REVIEW: "Review due",
    DeadlineKind.MEETING_NOTICE: "Invitations to the review meeting due",
    DeadlineKind.REVIEW_REPORT: "Review report due",
    DeadlineKind.LA_DECISION: "Decision after the review due",
    DeadlineKind.AMENDED_PLAN: "Changed (amended) plan due",
    DeadlineKind.PHASE_TRANSFER: "Plan for the move to a new school due",
    DeadlineKind.PREPARING_FOR_ADULTHOOD: "Preparing-for-adulthood review due",
}


@dataclass(frozen=True)
class NeedsLine:
    text: str
    href: str
    due: dt.date | None = None
    late: bool = False


@dataclass
class NeedsSection:
    key: str
    heading: str
    one: str  # "{n} contribution waiting"
    many: str
    lines: list[NeedsLine] = field(default_factory=list)
    things: int | None = None  # when one line stands for several things (a plan's parts)

    @property
    def count(self) -> int:
        return len(self.lines) if self.things is None else self.things

    @property
    def summary(self) -> str:
        return (self.one if self.count == 1 else self.many).format(n=self.count)


def _live_current_plans() -> QuerySet[Plan]:
    return Plan.objects.filter(archived_at__isnull=True, next_version__isnull=True)


def contributions_waiting(user: User, visible: QuerySet[Child]) -> NeedsSection:
    section = NeedsSection(
        "waiting",
        "Contributions waiting for your decision",
        "{n} contribution waiting",
        "{n} contributions waiting",
    )
    per_plan: Counter[int] = Counter()
    for model in PARTS:
        rows = model._default_manager.filter(
            plan__coordinator=user,
            contribution_status=ContributionStatus.PROPOSED,
            archived_at__isnull=True,
        ).values_list("plan_id", flat=True)
        per_plan.update(rows)
    plans = Plan.objects.filter(pk__in=per_plan, child__in=visible).select_related("child")
    section.things = 0
    for plan in sorted(plans, key=lambda p: p.child.full_name):
        count = per_plan[plan.pk]
        section.things += count
        parts = "part waits" if count == 1 else "parts wait"
        section.lines.append(
            NeedsLine(
                f"{plan.child.full_name}: {count} {parts} in the {plan.get_kind_display()}",
                reverse("plan-contributions", args=[plan.pk]),
            )
        )
    return section


def parts_returned(user: User, visible: QuerySet[Child]) -> NeedsSection:
    section = NeedsSection(
        "returned",
        "Your parts sent back with a comment",
        "{n} part sent back to you",
        "{n} parts sent back to you",
    )
    for model in PARTS:
        for part in model._default_manager.filter(
            proposed_by=user,
            contribution_status=ContributionStatus.RETURNED,
            archived_at__isnull=True,
            plan__child__in=visible,
        ).select_related("plan__child"):
            plan = part.plan
            section.lines.append(
                NeedsLine(
                    f"{plan.child.full_name}: “{part.decision_comment}”",
                    reverse("plan-contributions", args=[plan.pk]),
                )
            )
    return section


def reviews_coordinated(user: User, visible: QuerySet[Child], today: dt.date) -> NeedsSection:
    section = NeedsSection(
        "reviews",
        "Reviews you coordinate: due, late or waiting for a decision",
        "{n} review deadline",
        "{n} review deadlines",
    )
    rows = (
        PlanDeadline.objects.filter(
            coordinator=user, due__lte=today + REVIEW_WINDOW, plan__child__in=visible
        )
        .select_related("plan__child")
        .order_by("due", "id")
    )
    for row in rows:
        words = DEADLINE_WORDS.get(DeadlineKind(row.kind), "Deadline")
        section.lines.append(
            NeedsLine(
                f"{row.plan.child.full_name}: {words}",
                reverse("plan-reviews", args=[row.plan_id]),
                due=row.due,
                late=row.due < today,
            )
        )
    return section


def plans_ready(user: User, visible: QuerySet[Child]) -> NeedsSection:
    section = NeedsSection(
        "ready", "Plans ready to issue", "{n} plan ready to issue", "{n} plans ready to issue"
    )
    waiting = Q()
    for model in PARTS:
        waiting |= Q(
            Exists(
                model._default_manager.filter(
                    plan=OuterRef("pk"),
                    contribution_status=ContributionStatus.PROPOSED,
                    archived_at__isnull=True,
                )
            )
        )
    has_outcome = Exists(
        Outcome.objects.filter(
            plan=OuterRef("pk"),
            archived_at__isnull=True,
            contribution_status=ContributionStatus.ACCEPTED,
        )
    )
    plans = (
        _live_current_plans()
        .filter(has_outcome, coordinator=user, status=PlanStatus.DRAFT, child__in=visible)
        .exclude(waiting)
        .select_related("child")
    )
    for plan in plans:
        section.lines.append(
            NeedsLine(
                f"{plan.child.full_name}: {plan.get_kind_display()}",
                reverse("plan-issue", args=[plan.pk]),
            )
        )
    return section


def _caseload_children(user: User, today: dt.date, kinds: tuple[str, ...]) -> QuerySet[Child]:
    relationships = ChildRelationship.objects.filter(
        person=user, kind__in=kinds, started_on__lte=today
    ).filter(Q(ended_on__isnull=True) | Q(ended_on__gte=today))
    return Child.objects.filter(pk__in=relationships.values("child_id"))


def _reviews_ahead(children: QuerySet[Child], today: dt.date) -> QuerySet[PlanDeadline]:
    return (
        PlanDeadline.objects.filter(
            kind=DeadlineKind.NEXT_REVIEW,
            plan__child__in=children,
            due__gte=today,
            due__lte=today + REVIEW_WINDOW,
        )
        .select_related("plan__child")
        .order_by("due", "id")
    )


def advice_asked(user: User, visible: QuerySet[Child], today: dt.date) -> NeedsSection:
    section = NeedsSection(
        "advice",
        "Advice asked of you before a review",
        "{n} review to send advice for",
        "{n} reviews to send advice for",
    )
    mine = _caseload_children(user, today, (RelationshipKind.CASEWORKER,)).filter(
        pk__in=visible.values("pk")
    )
    for row in _reviews_ahead(mine, today).exclude(coordinator=user):
        by = row.due - ADVICE_BEFORE
        section.lines.append(
            NeedsLine(
                f"{row.plan.child.full_name}: send your advice for the review",
                reverse("plan-reviews", args=[row.plan_id]),
                due=by,
                late=by < today,
            )
        )
    return section


def access_ending(user: User, visible: QuerySet[Child], today: dt.date) -> NeedsSection:
    section = NeedsSection(
        "ending",
        "Passport links and shares ending soon",
        "{n} link or share ending soon",
        "{n} links or shares ending soon",
    )
    now = timezone.now()
    links = PassportLink.objects.filter(
        created_by=user,
        revoked_at__isnull=True,
        expires_at__gt=now,
        expires_at__lte=now + ENDING_WINDOW,
        child__in=visible,
    ).select_related("child")
    for link in links:
        section.lines.append(
            NeedsLine(
                f"{link.child.full_name}: passport link ends",
                reverse("passport", args=[link.child_id]),
                due=timezone.localdate(link.expires_at),
            )
        )
    shares = ChildShare.objects.filter(
        shared_by=user,
        revoked_at__isnull=True,
        ends_on__gte=today,
        ends_on__lte=today + ENDING_WINDOW,
        child__in=visible,
    ).select_related("child")
    for share in shares:
        section.lines.append(
            NeedsLine(
                f"{share.child.full_name}: a share of the record ends",
                reverse("child", args=[share.child_id]),
                due=share.ends_on,
            )
        )
    return section


def views_asked(user: User, visible: QuerySet[Child], today: dt.date) -> NeedsSection:
    section = NeedsSection(
        "views",
        "Tell us what you think before a review",
        "{n} review wants your views",
        "{n} reviews want your views",
    )
    kinds = (RelationshipKind.PARENT, RelationshipKind.SELF)
    mine = _caseload_children(user, today, kinds).filter(pk__in=visible.values("pk"))
    for row in _reviews_ahead(mine, today):
        by = row.due - ADVICE_BEFORE
        who = "your" if user.role == Role.CHILD else f"{row.plan.child.known_as}'s"
        section.lines.append(
            NeedsLine(
                f"Say what you think before {who} review",
                reverse("family-views", args=[row.plan.child_id]),  # the family view
                due=by,
                late=by < today,
            )
        )
    return section


def needs_me(user: User, *, today: dt.date | None = None) -> list[NeedsSection]:
    """Every section that applies to the person's role, in the order they act on them."""
    today = today or timezone.localdate()
    # The readable children's ids, fetched once: every section filters by them, and passing
    # the policy's query instead made each section work out the whole list again (ADR 0047).
    visible = Child.objects.filter(
        pk__in=list(children_visible_to(user, on=today).values_list("pk", flat=True))
    )
    if user.role in (Role.PARENT, Role.CHILD):
        return [views_asked(user, visible, today)]
    if user.role not in PROFESSIONAL_ROLES:
        return []
    from goldenthread.web.assessments import needs as assessment_needs  # builds on this module

    sections = [
        parts_returned(user, visible),
        advice_asked(user, visible, today),
        assessment_needs.assessment_advice_asked(user, today),
    ]
    if user.role == Role.COORDINATOR:
        sections = [
            contributions_waiting(user, visible),
            reviews_coordinated(user, visible, today),
            plans_ready(user, visible),
            assessment_needs.assessments_needing(user, today),
            *sections,
        ]
    return [*sections, access_ending(user, visible, today)]
