"""Fill the core's ``PlanFacts`` from a plan and its latest review."""

from __future__ import annotations

from goldenthread.core.reviews import MeetingFacts, PlanFacts, PlanStatus
from goldenthread.core.vocabulary import PlanKind
from goldenthread.web.plans.models import Plan
from goldenthread.web.reviews.models import PlanDecision, Review

AMENDING = {PlanDecision.AMEND: True, PlanDecision.KEEP: False, PlanDecision.CEASE: False}


def meeting_facts(review: Review) -> MeetingFacts:
    amending = AMENDING.get(PlanDecision(review.decision)) if review.decision_made_on else None
    return MeetingFacts(
        held_on=review.meeting_on,
        report_sent_on=review.report_sent_on,
        decision_made_on=review.decision_made_on,
        amending=amending,
        amended_plan_issued_on=review.amended_plan_issued_on,
    )


def plan_facts(plan: Plan, *, last: Review | None, reviews_held: int) -> PlanFacts:
    """The facts the deadline rules need. ``plan.child`` should be loaded already."""
    return PlanFacts(
        kind=PlanKind(plan.kind),
        status=PlanStatus(plan.status),
        issued_on=plan.issued_on or plan.start_date,
        date_of_birth=plan.child.date_of_birth,
        last_review_meeting=plan.last_reviewed_on,
        reviews_held=reviews_held,
        last_meeting=meeting_facts(last) if last is not None else None,
    )
