"""Asking for an EHC needs assessment from a setting's plan, with the evidence already recorded.

The request carries the plan's outcomes (with their latest progress and short-term outcomes),
the provision tried, and every review's evidence: nothing is retyped, and every carried part
keeps where it came from (``CarriedPart``). It is stored as a record and a PDF
(``AssessmentRequestPack``), and logged as a request in the assessments app
(``assessments.services.assessment_request_log``, source "setting") for the child's EHC
coordinator, with the pack as its evidence; see docs/individual-support-plans.md.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from goldenthread.core.record_rules import text_problem
from goldenthread.core.vocabulary import PlanKind
from goldenthread.web.access.audit import audit_event_record
from goldenthread.web.access.models import AuditAction
from goldenthread.web.accounts.models import User
from goldenthread.web.formfields import date_uk
from goldenthread.web.plans.coordinators import coordinators_for
from goldenthread.web.plans.models import Plan
from goldenthread.web.reviews.models import OutcomeProgress, Review
from goldenthread.web.setting_plans.models import (
    AssessmentRequestPack,
    CarriedPart,
    MoveKind,
    ShortTermOutcome,
)
from goldenthread.web.setting_plans.services.sheets import (
    NOT_YOUR_SETTING,
    is_setting_staff,
    may_act_for_setting,
)

ONLY_SETTING_PLANS = "Only a setting's own plan (SEN support) can ask for an EHC needs assessment"
NEEDS_A_REVIEW = (
    "Record at least one review first: the request needs evidence of the assess, plan, do, "
    "review cycle"
)
WHY_NEEDED = "Say why the setting is asking for an assessment"
PARENTS_NEEDED = "Write what the parents or carers say about the request"
LIMIT = 4000


def _plan_label(plan: Plan) -> str:
    setting = plan.child.current_setting
    where = f" at {setting.name}" if setting is not None else ""
    return f"{plan.get_kind_display()} version {plan.version}{where}"


def request_evidence(plan: Plan) -> dict[str, Any]:
    """The graduated approach evidence in one plan: outcomes with progress, provision tried,
    reviews held. Every item names the part it came from."""
    label = _plan_label(plan)
    outcomes = list(plan.outcomes.filter(archived_at__isnull=True).order_by("position", "id"))
    ratings: dict[int, list[OutcomeProgress]] = {}
    for rating in OutcomeProgress.objects.filter(outcome__in=outcomes).select_related("review"):
        ratings.setdefault(rating.outcome_id, []).append(rating)
    shorts: dict[int, list[ShortTermOutcome]] = {}
    for short in ShortTermOutcome.objects.filter(
        outcome__in=outcomes, archived_at__isnull=True
    ).prefetch_related("progress"):
        shorts.setdefault(short.outcome_id, []).append(short)
    reviews = list(
        Review.objects.filter(plan=plan, archived_at__isnull=True).order_by("meeting_on", "id")
    )
    return {
        "plan": {"id": plan.pk, "label": label, "kind": plan.kind},
        "outcomes": [
            {
                "source": {"type": "outcome", "id": o.pk, "label": f"Outcome {n} of the {label}"},
                "text": o.text,
                "due_date": o.due_date.isoformat() if o.due_date else None,
                "progress": [
                    {
                        "review_on": r.review.meeting_on.isoformat(),
                        "gas_level": r.gas_level,
                        "status": r.achievement_status,
                        "evidence": r.evidence,
                    }
                    for r in sorted(ratings.get(o.pk, []), key=lambda r: r.review.meeting_on)
                ],
                "short_terms": [
                    {
                        "source": {"type": "short-term-outcome", "id": s.pk, "label": s.source},
                        "text": s.text,
                        "due_date": s.due_date.isoformat(),
                        "status": s.achievement_status,
                        "progress": [
                            {"on": p.recorded_on.isoformat(), "gas_level": p.gas_level}
                            for p in s.progress.all()
                        ],
                    }
                    for s in shorts.get(o.pk, [])
                ],
            }
            for n, o in enumerate(outcomes, start=1)
        ],
        "provision_tried": [
            {
                "source": {"type": "provision", "id": p.pk, "label": f"Help in the {label}"},
                "what": p.description,
                "who": p.delivered_by,
                "how_often": p.frequency,
                "how_long": p.duration,
                "from": p.start_date.isoformat() if p.start_date else None,
                "to": p.end_date.isoformat() if p.end_date else None,
            }
            for p in plan.provision.filter(archived_at__isnull=True).order_by("position", "id")
        ],
        "reviews": [
            {
                "source": {
                    "type": "review",
                    "id": r.pk,
                    "label": f"{r.get_kind_display()} on {date_uk(r.meeting_on)}",
                },
                "meeting_on": r.meeting_on.isoformat(),
                "child_views": r.child_views,
                "parent_views": r.parent_views,
                "t_score": r.t_score,
            }
            for r in reviews
        ],
    }


def _carried(evidence: dict[str, Any]) -> list[dict[str, Any]]:
    found = [o["source"] for o in evidence["outcomes"]]
    found += [s["source"] for o in evidence["outcomes"] for s in o["short_terms"]]
    found += [p["source"] for p in evidence["provision_tried"]]
    found += [r["source"] for r in evidence["reviews"]]
    return found


def assessment_request_from_plan(
    *, plan: Plan, by: User, why: str, parent_views: str
) -> AssessmentRequestPack:
    """Make the stored request for an EHC needs assessment (record and PDF) from ``plan``."""
    child = plan.child
    setting_id = child.current_setting_id
    if setting_id is None or not is_setting_staff(by) or not may_act_for_setting(by, child):
        raise PermissionDenied(NOT_YOUR_SETTING)
    errors: dict[str, str] = {}
    if plan.kind == PlanKind.EHC_PLAN:
        errors["plan"] = ONLY_SETTING_PLANS
    elif not Review.objects.filter(plan=plan, archived_at__isnull=True).exists():
        errors["plan"] = NEEDS_A_REVIEW
    for field, words, missing in (
        ("why", why, WHY_NEEDED),
        ("parent_views", parent_views, PARENTS_NEEDED),
    ):
        problem = missing if not words.strip() else text_problem(words, limit=LIMIT)
        if problem:
            errors[field] = problem
    if errors:
        raise ValidationError(errors)
    evidence = request_evidence(plan)
    today = timezone.localdate()
    pdf = _pdf(child_name=child.full_name, evidence=evidence, why=why, parent_views=parent_views)
    with transaction.atomic():
        pack = AssessmentRequestPack.objects.create(
            child=child,
            from_plan=plan,
            setting_id=setting_id,
            local_authority_id=child.local_authority_id,
            requested_by=by,
            why=why.strip(),
            parent_views=parent_views.strip(),
            evidence=evidence,
            pdf=pdf,
            pdf_sha256=hashlib.sha256(pdf).hexdigest(),
        )
        CarriedPart.objects.bulk_create(
            CarriedPart(
                child=child,
                move=MoveKind.ESCALATION,
                to_type="assessment-request",
                to_id=pack.pk,
                from_plan=plan,
                from_type=source["type"],
                from_id=source["id"],
                from_label=source["label"][:400],
                carried_on=today,
                carried_by=by,
            )
            for source in _carried(evidence)
        )
        _assessment_log(pack, by=by)
        audit_event_record(
            person=by,
            action=AuditAction.CREATE,
            child_id=child.pk,
            object_type="assessment-request",
            object_id=pack.pk,
            url_name="setting-plan-escalate",
            reason="Asked for an EHC needs assessment",
        )
    return pack


def _assessment_log(pack: AssessmentRequestPack, *, by: User) -> None:
    """Log the request in the assessments app for the child's EHC coordinator (their own one
    if the child is on a coordinator's caseload, else the first in the authority). With no EHC
    coordinator in the authority the pack waits, and the authority's list shows it."""
    from goldenthread.web.assessments.choices import RequestSource
    from goldenthread.web.assessments.services import assessment_request_log

    child = pack.child
    pool = coordinators_for(child, kind=PlanKind.EHC_PLAN)
    coordinator = (
        pool.filter(
            child_relationships__child=child, child_relationships__ended_on__isnull=True
        ).first()
        or pool.first()
    )
    if coordinator is None:
        return
    assessment = assessment_request_log(
        child=child,
        user=by,
        received_on=timezone.localdate(),
        source=RequestSource.SETTING,
        detail=f"{pack.setting.name}: the setting plan's evidence (request {pack.pk})"[:200],
        coordinator=coordinator,
    )
    pack.assessment = assessment
    assessment_request_picked_up(pack, as_reference=f"EHC needs assessment {assessment.pk}")


def assessment_requests_waiting(local_authority_id: int) -> list[AssessmentRequestPack]:
    """Requests not yet picked up by the authority's assessment team, oldest first."""
    return list(
        AssessmentRequestPack.objects.filter(
            local_authority_id=local_authority_id, picked_up_at__isnull=True
        )
        .select_related("child", "setting")
        .order_by("requested_at", "id")
    )


def assessment_request_picked_up(pack: AssessmentRequestPack, *, as_reference: str) -> None:
    """The assessment app records that it took the request on (its own reference)."""
    pack.picked_up_at = timezone.now()
    pack.picked_up_as = as_reference[:80]
    pack.save(update_fields=["picked_up_at", "picked_up_as", "assessment"])


def _pdf(*, child_name: str, evidence: dict[str, Any], why: str, parent_views: str) -> bytes:
    from weasyprint import HTML

    html = render_to_string(
        "setting_plans/request_pdf.html",
        {
            "title": "Request for an EHC needs assessment",
            "child_name": child_name,
            "evidence": evidence,
            "why": why,
            "parent_views": parent_views,
            "made_on": timezone.localdate(),
        },
    )
    return bytes(HTML(string=html).write_pdf())
