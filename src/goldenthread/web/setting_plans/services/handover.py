"""Moving school: the setting's plans travel in the child's passport, with the family's consent.

The handover file is the passport's own outcomes record (schema 1.x: every plan, outcome,
provision and review) wrapped with what the passport does not carry: each plan's tier, layout
and sections, and the short-term outcomes with their progress. The receiving setting imports it
through the passport's importer (all or nothing), then these parts, each keeping where it came
from (``CarriedPart``, move "handover").
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from goldenthread.core.record_rules import text_problem
from goldenthread.web.access.audit import audit_event_record
from goldenthread.web.access.models import AuditAction
from goldenthread.web.access.policy import child_access
from goldenthread.web.accounts.models import User
from goldenthread.web.passport.export import passport_json
from goldenthread.web.passport.selectors import passport_get
from goldenthread.web.passport.transfer import ImportInvalid, ImportProblem, import_record_json
from goldenthread.web.plans.models import Child, Plan
from goldenthread.web.reviews.models import Review
from goldenthread.web.setting_plans.models import (
    CarriedPart,
    MoveKind,
    SettingPlan,
    ShortTermOutcome,
    ShortTermProgress,
)

FORMAT = "goldenthread-setting-plan-handover"
VERSION = 1
CONSENT_NEEDED = "Say who in the family agreed to the plan moving with the child"
NOT_A_HANDOVER = "This is not a setting plan handover file"
NO_ACCESS = "You may not see this child's record"
NO_SETTING = "Import the plan as someone at the child's new setting"


def handover_export(*, child: Child, by: User, consent_by: str) -> dict[str, Any]:
    """The handover file for ``child``; the family's consent is required and recorded."""
    consent = consent_by.strip()
    problem = CONSENT_NEEDED if not consent else text_problem(consent, limit=200)
    if problem:
        raise ValidationError({"consent_by": problem})
    access = child_access(by, child.pk)
    if not access.can_read:
        raise PermissionDenied(NO_ACCESS)
    record = passport_json(passport_get(child, access))
    plan_index = {plan["id"]: i for i, plan in enumerate(record["plans"])}
    outcome_index = {
        o["id"]: (i, j)
        for i, plan in enumerate(record["plans"])
        for j, o in enumerate(plan["outcomes"])
    }
    review_index = {
        r["id"]: (i, j)
        for i, plan in enumerate(record["plans"])
        for j, r in enumerate(plan["reviews"])
    }
    sheets = [
        {
            "plan": plan_index[s.plan_id],
            "tier": s.tier,
            "layout": s.layout,
            "sections": s.sections,
            "written_by": s.written_by,
        }
        for s in SettingPlan.objects.filter(plan_id__in=plan_index)
    ]
    shorts = []
    for short in ShortTermOutcome.objects.filter(
        outcome_id__in=outcome_index, archived_at__isnull=True
    ).prefetch_related("progress"):
        shorts.append(
            {
                "outcome": list(outcome_index[short.outcome_id]),
                "review": list(review_index[short.review_id])
                if short.review_id in review_index
                else None,
                "text": short.text,
                "due_date": short.due_date.isoformat(),
                "status": short.achievement_status,
                "source": short.source,
                "progress": [
                    {
                        "on": p.recorded_on.isoformat(),
                        "gas_level": p.gas_level,
                        "status": p.achievement_status,
                        "evidence": p.evidence,
                    }
                    for p in short.progress.all()
                ],
            }
        )
    today = timezone.localdate()
    audit_event_record(
        person=by,
        action=AuditAction.EXPORT,
        child_id=child.pk,
        object_type="setting-plan-handover",
        url_name="setting-plan-handover",
        reason=f"Moving setting; the family agreed ({consent}, {today.isoformat()})",
    )
    return {
        "format": FORMAT,
        "version": VERSION,
        "consent": {"by": consent, "on": today.isoformat()},
        "from_setting": child.current_setting.name if child.current_setting else None,
        "passport": record,
        "setting_plans": sheets,
        "short_terms": shorts,
    }


def handover_import(data: Any, *, by: User) -> Child:
    """Import a handover file at the receiving setting: the passport, then the setting's parts,
    all or nothing. Raises ``ImportInvalid`` naming each problem."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ImportInvalid([ImportProblem("format", NOT_A_HANDOVER)])
    if not str((data.get("consent") or {}).get("by", "")).strip():
        raise ImportInvalid([ImportProblem("consent.by", CONSENT_NEEDED)])
    from_setting = data.get("from_setting") or "the previous setting"
    today = timezone.localdate()
    with transaction.atomic():
        child = import_record_json(data["passport"], user=by).child
        plans = list(Plan.objects.filter(child=child).order_by("pk"))
        outcomes = [list(p.outcomes.order_by("pk")) for p in plans]
        reviews = [list(Review.objects.filter(plan=p).order_by("pk")) for p in plans]
        setting_id = by.organisation_id or child.current_setting_id
        if setting_id is None and data.get("setting_plans"):
            raise ImportInvalid([ImportProblem("setting_plans", NO_SETTING)])
        carried: list[CarriedPart] = []
        for i, sheet in enumerate(data.get("setting_plans", [])):
            plan = _at(plans, sheet["plan"], f"setting_plans[{i}].plan")
            made = SettingPlan.objects.create(
                plan=plan,
                setting_id=int(setting_id or 0),
                tier=sheet["tier"],
                layout=sheet["layout"],
                sections=sheet.get("sections", {}),
                written_by=sheet.get("written_by", {}),
            )
            carried.append(
                _carry(
                    child,
                    "setting-plan",
                    made.pk,
                    f"the plan at {from_setting}",
                    by=by,
                    today=today,
                )
            )
        for i, item in enumerate(data.get("short_terms", [])):
            at = f"short_terms[{i}]"
            p, o = item["outcome"]
            outcome = _at(_at(outcomes, p, f"{at}.outcome"), o, f"{at}.outcome")
            review = None
            if item.get("review"):
                rp, ri = item["review"]
                review = _at(_at(reviews, rp, f"{at}.review"), ri, f"{at}.review")
            short = ShortTermOutcome.objects.create(
                outcome=outcome,
                child=child,
                review=review,
                text=item["text"],
                due_date=dt.date.fromisoformat(item["due_date"]),
                achievement_status=item["status"],
                source=f"{item['source']} (at {from_setting})"[:300],
                created_by=by,
            )
            ShortTermProgress.objects.bulk_create(
                ShortTermProgress(
                    short_term=short,
                    recorded_on=dt.date.fromisoformat(p_["on"]),
                    gas_level=p_["gas_level"],
                    achievement_status=p_["status"],
                    evidence=p_.get("evidence", ""),
                    recorded_by=by,
                )
                for p_ in item.get("progress", [])
            )
            carried.append(
                _carry(child, "short-term-outcome", short.pk, short.source, by=by, today=today)
            )
        CarriedPart.objects.bulk_create(carried)
    return child


def _at(items: list[Any], index: Any, path: str) -> Any:
    if not isinstance(index, int) or not 0 <= index < len(items):
        raise ImportInvalid([ImportProblem(path, f"There is no item {index!r} to attach this to")])
    return items[index]


def _carry(
    child: Child, to_type: str, to_id: int, label: str, *, by: User, today: dt.date
) -> CarriedPart:
    return CarriedPart(
        child=child,
        move=MoveKind.HANDOVER,
        to_type=to_type,
        to_id=to_id,
        from_type=to_type,
        from_label=label[:400],
        carried_on=today,
        carried_by=by,
    )
