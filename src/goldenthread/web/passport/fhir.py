"""The passport as a FHIR R4 Bundle (type "collection"), built with ``fhir.resources.R4B``,
whose Patient, Condition, Goal, CarePlan and Bundle match R4 (ADR 0012).

One CarePlan per current plan; one Goal per live outcome (lifecycleStatus, achievementStatus,
target.dueDate, addresses → Condition); one Condition per need; provision as CarePlan.activity
detail (description, performer by name, goals it serves). References are ``urn:uuid`` made
from the record ids, so the same record always gives the same Bundle.
"""

from __future__ import annotations

import uuid
from typing import Any

from goldenthread.web.passport.selectors import Passport

NAMESPACE = uuid.UUID("3f0c6a52-6d0c-4b5e-9a55-6b1f2a7c9e11")
ACHIEVEMENT = "http://terminology.hl7.org/CodeSystem/goal-achievement"
CAREPLAN_STATUS = {"draft": "draft", "final": "active", "ceased": "completed"}


def _ref(kind: str, pk: int) -> str:
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, f'{kind}/{pk}')}"


def _entry(kind: str, pk: int, resource: dict[str, Any]) -> dict[str, Any]:
    return {"fullUrl": _ref(kind, pk), "resource": {"resourceType": kind, **resource}}


def _goal(outcome: Any, patient: dict[str, str]) -> dict[str, Any]:
    goal: dict[str, Any] = {
        "lifecycleStatus": outcome.lifecycle_status,
        "description": {"text": outcome.text},
        "subject": patient,
        "addresses": [{"reference": _ref("Condition", n.pk)} for n in outcome.needs.all()],
    }
    if outcome.achievement_status:
        code = outcome.achievement_status
        goal["achievementStatus"] = {"coding": [{"system": ACHIEVEMENT, "code": code}]}
    if outcome.due_date:
        goal["target"] = [{"dueDate": outcome.due_date.isoformat()}]
    return _entry("Goal", outcome.pk, goal)


def passport_fhir_bundle(passport: Passport) -> dict[str, Any]:
    child = passport.child
    patient = {"reference": _ref("Patient", child.pk)}
    entries = [_entry("Patient", child.pk, {"birthDate": child.date_of_birth.isoformat()})]
    for plan in passport.plans:
        needs = [n for n in plan.needs.all() if n.archived_at is None]
        entries += [
            _entry(
                "Condition",
                n.pk,
                {"subject": patient, "code": {"text": n.text}, "category": [{"text": n.domain}]},
            )
            for n in needs
        ]
        outcomes = plan.live_outcomes  # type: ignore[attr-defined]
        entries += [_goal(o, patient) for o in outcomes]
        activities = [
            {
                "detail": {
                    "status": "in-progress",
                    "description": p.description,
                    **({"performer": [{"display": p.delivered_by}]} if p.delivered_by else {}),
                    "goal": [{"reference": _ref("Goal", o.pk)} for o in p.outcomes.all()],
                }
            }
            for p in plan.live_provision  # type: ignore[attr-defined]
        ]
        careplan = {
            "status": CAREPLAN_STATUS.get(plan.status, "unknown"),
            "intent": "plan",
            "title": plan.get_kind_display(),
            "subject": patient,
            "goal": [{"reference": _ref("Goal", o.pk)} for o in outcomes],
            "activity": activities,
        }
        entries.append(_entry("CarePlan", plan.pk, careplan))
    return {"resourceType": "Bundle", "type": "collection", "entry": entries}
