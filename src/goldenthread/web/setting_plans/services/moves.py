"""Stepping down from an EHC plan to the setting's own plan.

Nothing is retyped: hopes, outcomes and the short-term outcomes under them are carried as they
were written, and every carried part keeps where it came from (``CarriedPart``). The EHC plan
itself is not changed (it is ceased, if at all, through its own review decision).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from goldenthread.core.vocabulary import PlanKind
from goldenthread.web.access.audit import audit_event_record
from goldenthread.web.access.models import AuditAction
from goldenthread.web.accounts.models import User
from goldenthread.web.formfields import date_uk
from goldenthread.web.plans.models import Aspiration, Outcome, Plan
from goldenthread.web.plans.services.common import record_save
from goldenthread.web.plans.services.links import part_save
from goldenthread.web.setting_plans.models import (
    CarriedPart,
    MoveKind,
    SettingPlan,
    ShortTermOutcome,
    Tier,
)
from goldenthread.web.setting_plans.services.sheets import setting_plan_start

ONLY_FROM_EHC = "Only an EHC plan steps down to a setting's plan"


def _ehc_label(plan: Plan) -> str:
    issued = f", issued on {date_uk(plan.issued_on)}" if plan.issued_on else ""
    return f"EHC plan version {plan.version}{issued} ({plan.child.local_authority.name})"


def step_down(*, ehc_plan: Plan, by: User, tier: str = Tier.TARGETED_PLUS) -> SettingPlan:
    """A new setting plan for the child, carrying the EHC plan's live outcomes and hopes (and
    the short-term outcomes under them) as they are; the EHC plan itself is left unchanged."""
    if ehc_plan.kind != PlanKind.EHC_PLAN:
        raise ValidationError({"plan": ONLY_FROM_EHC})
    label = _ehc_label(ehc_plan)
    today = timezone.localdate()
    with transaction.atomic():
        sheet = setting_plan_start(child=ehc_plan.child, by=by, tier=tier)
        plan = sheet.plan
        carried: list[CarriedPart] = []
        hopes: dict[int, Aspiration] = {}
        for n, hope in enumerate(ehc_plan.aspirations.filter(archived_at__isnull=True), 1):
            hopes[hope.pk] = record_save(
                Aspiration(plan=plan),
                user=by,
                fields={"text": hope.text, "voice": hope.voice, "position": n},
            )
            carried.append(
                _carry(plan, "aspiration", hopes[hope.pk].pk, hope, label, by=by, today=today)
            )
        outcomes = ehc_plan.outcomes.filter(archived_at__isnull=True).order_by("position", "id")
        for n, old in enumerate(outcomes, 1):
            new = part_save(
                Outcome(plan=plan),
                user=by,
                fields={
                    "text": old.text,
                    "domain": old.domain,
                    "area": old.area,
                    "due_date": old.due_date,
                    "term": old.term,
                    "in_own_words": old.in_own_words,
                    "position": n,
                },
                links={
                    "themes": list(old.themes.all()),
                    "aspirations": [hopes[a.pk] for a in old.aspirations.all() if a.pk in hopes],
                },
            )
            where = f"outcome {n} of the {label}"
            carried.append(_carry(plan, "outcome", new.pk, old, where, by=by, today=today))
            for short in ShortTermOutcome.objects.filter(outcome=old, archived_at__isnull=True):
                ShortTermOutcome.objects.create(
                    outcome=new,
                    child_id=plan.child_id,
                    text=short.text,
                    due_date=short.due_date,
                    achievement_status=short.achievement_status,
                    quality_smart=short.quality_smart,
                    source=f"{short.source}; carried from {where}"[:300],
                    created_by=by,
                )
        CarriedPart.objects.bulk_create(carried)
        audit_event_record(
            person=by,
            action=AuditAction.CREATE,
            child_id=plan.child_id,
            object_type="plan",
            object_id=plan.pk,
            url_name="setting-plan-step-down",
            reason="Stepped down from an EHC plan to the setting's plan",
        )
    return sheet


def _carry(
    plan: Plan, to_type: str, to_id: int, source: Any, label: str, *, by: User, today: dt.date
) -> CarriedPart:
    return CarriedPart(
        child_id=plan.child_id,
        move=MoveKind.STEP_DOWN,
        to_type=to_type,
        to_id=to_id,
        from_plan_id=source.plan_id,
        from_type=to_type,
        from_id=source.pk,
        from_label=label[:400],
        carried_on=today,
        carried_by=by,
    )
