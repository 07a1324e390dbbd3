"""The child's outcomes record as JSON in a documented, versioned schema
(docs/schemas/passport-v1.schema.json, version 1.1).

It holds everything the passport shows and the links behind it (outcome → needs and hopes,
help → outcomes and needs, steps, review scores), so another installation can rebuild the same
passport (``passport.transfer``). Ids in the file are references inside the file only. Codes
are the FHIR Goal codes and the shared vocabulary the plan already stores. "All about me" is
included only when the person may see it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Prefetch

from goldenthread.web.passport.selectors import Passport
from goldenthread.web.plans.models import (
    Aspiration,
    ContributionStatus,
    Need,
    Outcome,
    Plan,
    Provision,
    Step,
)
from goldenthread.web.plans.models.contribution import ContributedPart
from goldenthread.web.reviews.models import OutcomeProgress, Review

SCHEMA_ID = "https://goldenthread.example/schemas/passport-v1.schema.json"
SCHEMA_VERSION = "1.1"
ABOUT_FIELDS = (
    "liked_about_me",
    "important_to_me",
    "important_for_me",
    "how_to_support_me",
    "my_story",
)


def _date(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _live(model: type[Any]) -> Any:
    """Live parts; of needs, outcomes and help, only those the coordinator has accepted."""
    parts = model.objects.filter(archived_at__isnull=True)
    if issubclass(model, ContributedPart):
        parts = parts.filter(contribution_status=ContributionStatus.ACCEPTED)
    return parts


def record_plans(plan_ids: list[int]) -> list[Plan]:
    """The plans with every live part and link the record holds, in a fixed number of queries."""
    outcomes = _live(Outcome).prefetch_related(
        "themes",
        "needs",
        "aspirations",
        "gas_levels",
        Prefetch("steps", queryset=_live(Step), to_attr="live_steps"),
    )
    reviews = Review.objects.filter(archived_at__isnull=True).prefetch_related(
        Prefetch("progress", queryset=OutcomeProgress.objects.order_by("pk"))
    )
    plans = Plan.objects.filter(pk__in=plan_ids).prefetch_related(
        Prefetch("aspirations", queryset=_live(Aspiration), to_attr="live_aspirations"),
        Prefetch("needs", queryset=_live(Need), to_attr="live_needs"),
        Prefetch("outcomes", queryset=outcomes, to_attr="live_outcomes"),
        Prefetch(
            "provision",
            queryset=_live(Provision).prefetch_related("outcomes", "needs"),
            to_attr="live_provision",
        ),
        Prefetch("reviews", queryset=reviews.order_by("meeting_on", "pk"), to_attr="live_reviews"),
    )
    by_id = {plan.pk: plan for plan in plans}
    return [by_id[pk] for pk in plan_ids if pk in by_id]


def _gas_levels(outcome: Outcome) -> dict[str, Any] | None:
    try:
        gas = outcome.gas_levels
    except Outcome.gas_levels.RelatedObjectDoesNotExist:
        return None
    return {"levels": gas.levels, "baseline": gas.baseline, "weight": gas.weight}


def _outcome(outcome: Outcome, needs: set[int], hopes: set[int]) -> dict[str, Any]:
    return {
        "id": outcome.pk,
        "text": outcome.text,
        "domain": outcome.domain,
        "themes": [t.number for t in outcome.themes.all()],
        "due_date": _date(outcome.due_date),
        "lifecycle_status": outcome.lifecycle_status,
        "achievement_status": outcome.achievement_status or None,
        "area": outcome.area,
        "term": outcome.term,
        "in_own_words": outcome.in_own_words,
        "needs": [n.pk for n in outcome.needs.all() if n.pk in needs],
        "aspirations": [a.pk for a in outcome.aspirations.all() if a.pk in hopes],
        "steps": [
            {
                "text": s.text,
                "due_date": _date(s.due_date),
                "achievement_status": s.achievement_status,
            }
            for s in outcome.live_steps  # type: ignore[attr-defined]
        ],
        "gas_levels": _gas_levels(outcome),
    }


def _provision(provision: Provision, outcomes: set[int], needs: set[int]) -> dict[str, Any]:
    return {
        "id": provision.pk,
        "description": provision.description,
        "domain": provision.domain,
        "delivered_by": provision.delivered_by,
        "frequency": provision.frequency,
        "duration": provision.duration,
        "group_size": provision.group_size,
        "location": provision.location,
        "start_date": _date(provision.start_date),
        "end_date": _date(provision.end_date),
        "outcomes": [o.pk for o in provision.outcomes.all() if o.pk in outcomes],
        "needs": [n.pk for n in provision.needs.all() if n.pk in needs],
    }


def _review(review: Review, outcomes: set[int]) -> dict[str, Any]:
    return {
        "id": review.pk,
        "kind": review.kind,
        "meeting_on": review.meeting_on.isoformat(),
        "decision": review.decision,
        "decision_made_on": _date(review.decision_made_on),
        "report_sent_on": _date(review.report_sent_on),
        "amended_plan_issued_on": _date(review.amended_plan_issued_on),
        "child_views": review.child_views,
        "parent_views": review.parent_views,
        "t_score": review.t_score,
        # Scores for outcomes since replaced are left out: the file only refers to live ones.
        "scores": [
            {
                "outcome": p.outcome_id,
                "gas_level": p.gas_level,
                "weight": p.weight,
                "achievement_status": p.achievement_status,
                "decision": p.decision,
                "evidence": p.evidence,
            }
            for p in review.progress.all()
            if p.outcome_id in outcomes
        ],
    }


def _plan(plan: Plan) -> dict[str, Any]:
    hopes = {a.pk for a in plan.live_aspirations}  # type: ignore[attr-defined]
    needs = {n.pk for n in plan.live_needs}  # type: ignore[attr-defined]
    outcomes = {o.pk for o in plan.live_outcomes}  # type: ignore[attr-defined]
    return {
        "id": plan.pk,
        "kind": plan.kind,
        "status": plan.status,
        "version": plan.version,
        "next_review_due": _date(plan.next_review_due),
        "start_date": _date(plan.start_date),
        "issued_on": _date(plan.issued_on),
        "end_date": _date(plan.end_date),
        "last_reviewed_on": _date(plan.last_reviewed_on),
        "aspirations": [
            {"id": a.pk, "text": a.text, "voice": a.voice}
            for a in plan.live_aspirations  # type: ignore[attr-defined]
        ],
        "needs": [
            {"id": n.pk, "text": n.text, "area": n.area, "domain": n.domain, "barrier": n.barrier}
            for n in plan.live_needs  # type: ignore[attr-defined]
        ],
        "outcomes": [
            _outcome(o, needs, hopes)
            for o in plan.live_outcomes  # type: ignore[attr-defined]
        ],
        "provision": [
            _provision(p, outcomes, needs)
            for p in plan.live_provision  # type: ignore[attr-defined]
        ],
        "reviews": [_review(r, outcomes) for r in plan.live_reviews],  # type: ignore[attr-defined]
    }


def passport_json(passport: Passport) -> dict[str, Any]:
    """The outcomes record behind one passport, as the person reading it may see it."""
    child, about = passport.child, passport.all_about_me
    return {
        "$schema": SCHEMA_ID,
        "schema_version": SCHEMA_VERSION,
        "made_on": dt.date.today().isoformat(),
        "child": {
            "id": child.pk,
            "known_as": child.known_as,
            "date_of_birth": child.date_of_birth.isoformat(),
            "communication": child.communication,
            "primary_need": child.primary_need,
            "first_name": child.first_name,
            "last_name": child.last_name,
            "preferred_name": child.preferred_name,
            "secondary_need": child.secondary_need,
            "nhs_number": child.nhs_number,
            "upn": child.upn,
            "current_setting": child.current_setting.name if child.current_setting else None,
            "is_synthetic": child.is_synthetic,
        },
        "all_about_me": {f: getattr(about, f) for f in ABOUT_FIELDS} if about else None,
        "plans": [_plan(plan) for plan in record_plans([p.pk for p in passport.plans])],
    }
