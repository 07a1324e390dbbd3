"""The outcomes record as a FHIR R4 Bundle (type "collection"), checked in the tests with
``fhir.resources.R4B``, whose Patient, Condition, Goal, CarePlan, Observation and Bundle match R4
for every element written here (ADR 0012, ADR 0014).

It is made from the JSON record (``export.passport_json``), so both formats say the same thing
and ``fhir_read`` can turn one back into the other:

- Patient: names, birth date, NHS number and UPN as identifiers; how I communicate, main needs,
  setting and "all about me" as extensions.
- Condition per need; Goal per hope, outcome and step (told apart by a category in
  ``CodeSystem/record-part``); CarePlan per plan with help as ``activity.detail``.
- Observation per review: the review's GAS T-score (``focus`` → CarePlan) with ``hasMember`` →
  one Observation per outcome score (GAS level, ``focus`` → Goal, ``effectiveDateTime`` the day
  of the meeting). Codes are in ``CodeSystem/gas`` (docs/adr/0014).

References are ``urn:uuid`` made from the ids in the record, so the same record always gives the
same Bundle. FHIR strings may not be empty, so empty fields are left out.
"""

from __future__ import annotations

import uuid
from typing import Any

from goldenthread.web.passport.export import passport_json
from goldenthread.web.passport.selectors import Passport
from goldenthread.web.plans.models import PlanKindChoice

NAMESPACE = uuid.UUID("3f0c6a52-6d0c-4b5e-9a55-6b1f2a7c9e11")
ACHIEVEMENT = "http://terminology.hl7.org/CodeSystem/goal-achievement"
NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number"
GT = "https://goldenthread.example/fhir"
UPN = f"{GT}/Id/upn"
CAREPLAN_STATUS = {"draft": "draft", "final": "active", "ceased": "completed"}
ABOUT = ("liked_about_me", "important_to_me", "important_for_me", "how_to_support_me", "my_story")
GAS_LEVEL, GAS_T_SCORE, GAS_WEIGHT = "gas-level", "gas-t-score", "gas-weight"
GAS_DISPLAY = {
    GAS_LEVEL: "Goal attainment scaling (GAS) level, -2 to +2",
    GAS_T_SCORE: "Goal attainment scaling (GAS) T-score of a review",
    GAS_WEIGHT: "Weight of the goal in the T-score",
}


def system(name: str) -> str:
    """A Golden Thread code system (documented in docs/adr/0014)."""
    return f"{GT}/CodeSystem/{name}"


def ext(name: str) -> str:
    """A Golden Thread extension's url."""
    return f"{GT}/StructureDefinition/{name}"


def ref(kind: str, pk: object) -> str:
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, f'{kind}/{pk}')}"


def _coding(name: str, code: str, display: str | None = None) -> dict[str, Any]:
    coding: dict[str, Any] = {"system": system(name), "code": code}
    if display:
        coding["display"] = display
    return {"coding": [coding]}


def _entry(kind: str, pk: object, resource: dict[str, Any]) -> dict[str, Any]:
    return {"fullUrl": ref(kind, pk), "resource": {"resourceType": kind, **resource}}


def _extensions(**values: tuple[str, Any]) -> list[dict[str, Any]]:
    """Extensions for the values that are set: name=(value type, value)."""
    return [
        {"url": ext(name.replace("_", "-")), kind: value}
        for name, (kind, value) in values.items()
        if value not in (None, "")
    ]


def _patient(record: dict[str, Any]) -> dict[str, Any]:
    child, about = record["child"], record["all_about_me"]
    names: list[dict[str, Any]] = [
        {"use": "official", "family": child["last_name"], "given": [child["first_name"]]}
    ]
    if child.get("preferred_name"):
        names.append({"use": "usual", "given": [child["preferred_name"]]})
    identifiers = [
        {"system": url, "value": child[key]}
        for url, key in ((NHS_NUMBER, "nhs_number"), (UPN, "upn"))
        if child.get(key)
    ]
    extensions = _extensions(
        communication=("valueString", child["communication"]),
        primary_need=(
            "valueCoding",
            {"system": system("send-need"), "code": child["primary_need"]},
        ),
        secondary_need=(
            "valueCoding",
            {"system": system("send-need"), "code": child["secondary_need"]}
            if child.get("secondary_need")
            else None,
        ),
        current_setting=("valueString", child.get("current_setting")),
        synthetic=("valueBoolean", True if child.get("is_synthetic") else None),
    )
    if about is not None:
        # "shared" is always there, so an empty "all about me" still says the reader may see it.
        parts = [{"url": "shared", "valueBoolean": True}]
        parts += [{"url": f, "valueString": about[f]} for f in ABOUT if about.get(f)]
        extensions.append({"url": ext("all-about-me"), "extension": parts})
    patient: dict[str, Any] = {"name": names, "birthDate": child["date_of_birth"]}
    if identifiers:
        patient["identifier"] = identifiers
    if extensions:
        patient["extension"] = extensions
    return _entry("Patient", child["id"], patient)


def _category(**codes: str | None) -> list[dict[str, Any]]:
    return [_coding(name.replace("_", "-"), code) for name, code in codes.items() if code]


def _goal(text: str, patient: dict[str, str], category: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "lifecycleStatus": "active",
        "category": category,
        "description": {"text": text},
        "subject": patient,
    }


def _achievement(code: str | None) -> dict[str, Any]:
    return (
        {"achievementStatus": {"coding": [{"system": ACHIEVEMENT, "code": code}]}} if code else {}
    )


def _outcome_entries(plan: dict[str, Any], patient: dict[str, str]) -> list[dict[str, Any]]:
    entries = []
    for o in plan["outcomes"]:
        category = _category(record_part="outcome", service=o["domain"], area_of_need=o["area"])
        category += [_coding("joint-outcomes-theme", str(n)) for n in o["themes"]]
        goal = {
            **_goal(o["text"], patient, category),
            "lifecycleStatus": o["lifecycle_status"],
            **_achievement(o["achievement_status"]),
            "addresses": [{"reference": ref("Condition", n)} for n in o["needs"]],
        }
        if o["due_date"]:
            goal["target"] = [{"dueDate": o["due_date"]}]
        extensions = _extensions(
            outcome_term=("valueCode", o["term"]),
            in_own_words=("valueBoolean", o["in_own_words"]),
        )
        extensions += [
            {
                "url": ext("leads-to-aspiration"),
                "valueReference": {"reference": ref("Goal", f"aspiration/{a}")},
            }
            for a in o["aspirations"]
        ]
        if o["gas_levels"]:
            gas = o["gas_levels"]
            parts: list[dict[str, Any]] = [
                {"url": "baseline", "valueInteger": gas["baseline"]},
                {"url": "weight", "valueDecimal": gas["weight"]},
            ]
            parts += [
                {"url": f"level{level}", "valueString": words}
                for level, words in sorted(gas["levels"].items())
                if words
            ]
            extensions.append({"url": ext("gas-levels"), "extension": parts})
        goal["extension"] = extensions
        entries.append(_entry("Goal", o["id"], goal))
        for index, step in enumerate(o["steps"]):
            step_goal = {
                **_goal(step["text"], patient, _category(record_part="step")),
                **_achievement(step["achievement_status"]),
                "extension": [
                    {"url": ext("step-of"), "valueReference": {"reference": ref("Goal", o["id"])}}
                ],
            }
            if step["due_date"]:
                step_goal["target"] = [{"dueDate": step["due_date"]}]
            entries.append(_entry("Goal", f"{o['id']}/step/{index}", step_goal))
    return entries


def _activity(p: dict[str, Any]) -> dict[str, Any]:
    detail: dict[str, Any] = {
        "status": "in-progress",
        "code": _coding("service", p["domain"]),
        "description": p["description"],
        "goal": [{"reference": ref("Goal", o)} for o in p["outcomes"]],
        "reasonReference": [{"reference": ref("Condition", n)} for n in p["needs"]],
    }
    if p["delivered_by"]:
        detail["performer"] = [{"display": p["delivered_by"]}]
    if p["frequency"]:
        detail["scheduledString"] = p["frequency"]
    if p.get("location"):
        detail["location"] = {"display": p["location"]}
    extensions = _extensions(
        duration=("valueString", p.get("duration")),
        group_size=("valueString", p.get("group_size")),
        start_date=("valueDate", p.get("start_date")),
        end_date=("valueDate", p.get("end_date")),
    )
    if extensions:
        detail["extension"] = extensions
    return {"detail": detail}


def _gas_code(code: str) -> dict[str, Any]:
    return {**_coding("gas", code, GAS_DISPLAY[code]), "text": GAS_DISPLAY[code]}


def _review_entries(
    plan: dict[str, Any], review: dict[str, Any], patient: dict[str, str]
) -> list[dict[str, Any]]:
    scores = []
    for score in review["scores"]:
        components = [
            {
                "code": {"coding": [{"system": ACHIEVEMENT, "code": score["achievement_status"]}]},
                "valueCodeableConcept": _coding("outcome-decision", score["decision"]),
            }
        ]
        if "weight" in score:
            components.append(
                {"code": _gas_code(GAS_WEIGHT), "valueQuantity": {"value": score["weight"]}}
            )
        observation: dict[str, Any] = {
            "status": "final",
            "code": _gas_code(GAS_LEVEL),
            "subject": patient,
            "focus": [{"reference": ref("Goal", score["outcome"])}],
            "effectiveDateTime": review["meeting_on"],
            "valueInteger": score["gas_level"],
            "component": components,
        }
        if score.get("evidence"):
            observation["note"] = [{"text": score["evidence"]}]
        scores.append(_entry("Observation", f"{review['id']}/{score['outcome']}", observation))
    t_score: dict[str, Any] = {
        "status": "final",
        "code": _gas_code(GAS_T_SCORE),
        "subject": patient,
        "focus": [{"reference": ref("CarePlan", plan["id"])}],
        "effectiveDateTime": review["meeting_on"],
        "hasMember": [{"reference": e["fullUrl"]} for e in scores],
        "extension": _extensions(
            review_kind=("valueCode", review["kind"]),
            plan_decision=("valueCode", review["decision"]),
            decision_made_on=("valueDate", review.get("decision_made_on")),
            report_sent_on=("valueDate", review.get("report_sent_on")),
            amended_plan_issued_on=("valueDate", review.get("amended_plan_issued_on")),
            child_views=("valueString", review.get("child_views")),
            parent_views=("valueString", review.get("parent_views")),
        ),
    }
    if review.get("t_score") is None:
        t_score["dataAbsentReason"] = {"text": "No scores to work a T-score out from"}
    else:
        t_score["valueQuantity"] = {"value": review["t_score"]}
    return [_entry("Observation", f"review/{review['id']}", t_score), *scores]


def _plan_entries(plan: dict[str, Any], patient: dict[str, str]) -> list[dict[str, Any]]:
    needs = plan.get("needs", [])
    entries = [
        _entry(
            "Condition",
            n["id"],
            {
                "subject": patient,
                "code": {"text": n["text"]},
                "category": _category(service=n["domain"], area_of_need=n["area"]),
                **({"note": [{"text": n["barrier"]}]} if n.get("barrier") else {}),
            },
        )
        for n in needs
    ]
    hopes = [
        _entry(
            "Goal",
            f"aspiration/{a['id']}",
            {
                **_goal(a["text"], patient, _category(record_part="aspiration")),
                "extension": _extensions(aspiration_voice=("valueCode", a.get("voice"))),
            },
        )
        for a in plan["aspirations"]
    ]
    entries += hopes + _outcome_entries(plan, patient)
    careplan = {
        "status": CAREPLAN_STATUS.get(plan["status"], "unknown"),
        "intent": "plan",
        "category": [_coding("plan-kind", plan["kind"])],
        "title": str(PlanKindChoice(plan["kind"]).label),
        "subject": patient,
        "addresses": [{"reference": ref("Condition", n["id"])} for n in needs],
        "goal": [{"reference": e["fullUrl"]} for e in hopes]
        + [{"reference": ref("Goal", o["id"])} for o in plan["outcomes"]],
        "activity": [_activity(p) for p in plan["provision"]],
        "extension": _extensions(
            plan_version=("valueInteger", plan["version"]),
            issued_on=("valueDate", plan.get("issued_on")),
            last_reviewed_on=("valueDate", plan.get("last_reviewed_on")),
            next_review_due=("valueDate", plan.get("next_review_due")),
        ),
    }
    period = {k: plan[f] for k, f in (("start", "start_date"), ("end", "end_date")) if plan.get(f)}
    if period:
        careplan["period"] = period
    entries.append(_entry("CarePlan", plan["id"], careplan))
    for review in plan.get("reviews", []):
        entries += _review_entries(plan, review, patient)
    return entries


def record_fhir_bundle(record: dict[str, Any]) -> dict[str, Any]:
    """The JSON outcomes record (schema 1.1) as a FHIR R4 Bundle."""
    patient = {"reference": ref("Patient", record["child"]["id"])}
    entries = [_patient(record)]
    for plan in record["plans"]:
        entries += _plan_entries(plan, patient)
    bundle: dict[str, Any] = _pruned(
        {"resourceType": "Bundle", "type": "collection", "entry": entries}
    )
    return bundle


def _pruned(value: Any) -> Any:
    """Without empty lists: FHIR allows no empty arrays (a goal that meets no need)."""
    if isinstance(value, dict):
        return {k: _pruned(v) for k, v in value.items() if v != []}
    if isinstance(value, list):
        return [_pruned(v) for v in value]
    return value


def passport_fhir_bundle(passport: Passport) -> dict[str, Any]:
    return record_fhir_bundle(passport_json(passport))
