"""Read a FHIR R4 Bundle (as ``fhir.record_fhir_bundle`` writes it) back into the JSON record.

First the Bundle is parsed with ``fhir.resources.R4B`` (every error, with its path); then our own
checks: every reference points to a resource of the right type in the Bundle, every code is one
we know, every part belongs to a CarePlan. Problems name the place in the Bundle, for example
``entry[12].resource.target[0].dueDate``. Unknown extensions are ignored, as FHIR allows.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from goldenthread.core import vocabulary as v
from goldenthread.web.passport.export import ABOUT_FIELDS, SCHEMA_ID, SCHEMA_VERSION
from goldenthread.web.passport.fhir import (
    ACHIEVEMENT,
    GAS_T_SCORE,
    NHS_NUMBER,
    UPN,
    system,
)
from goldenthread.web.passport.fhir_bundle import (
    NO_NAME,
    NO_PATIENT,
    NOT_IN_A_PLAN,
    PLAN_STATUS,
    STATUS_UNKNOWN,
    UNKNOWN_CODE,
    BundleReader,
    Problem,
    bundle_problems,
    extension,
    extensions,
)
from goldenthread.web.passport.fhir_read_reviews import gas_is, review_read
from goldenthread.web.plans.models import AreaOfNeed, OutcomeTerm


def _child(reader: BundleReader, index: int) -> tuple[dict[str, Any], dict[str, Any] | None]:
    patient, at = reader.resource(index), reader.at(index)
    names = {n.get("use"): n for n in patient.get("name", [])}
    official = names.get("official") or {}
    if not official.get("family") or not official.get("given"):
        reader.problems.append((f"{at}.name", NO_NAME))
    identifiers = {i.get("system"): i.get("value", "") for i in patient.get("identifier", [])}
    needs = list(v.NEED_CODES)
    primary = extension(patient, "primary-need", "valueCoding", None)
    secondary = extension(patient, "secondary-need", "valueCoding", None)
    child = {
        "id": index,
        "known_as": (names.get("usual") or official).get("given", [""])[0],
        "first_name": (official.get("given") or [""])[0],
        "last_name": official.get("family", ""),
        "preferred_name": (names.get("usual") or {}).get("given", [""])[0],
        "date_of_birth": patient.get("birthDate", ""),
        "communication": extension(patient, "communication", "valueString"),
        "primary_need": reader.code(f"{at}.extension", primary, system("send-need"), needs),
        "secondary_need": reader.code(
            f"{at}.extension", secondary, system("send-need"), needs, need=False
        )
        if secondary
        else "",
        "nhs_number": identifiers.get(NHS_NUMBER, ""),
        "upn": identifiers.get(UPN, ""),
        "current_setting": extension(patient, "current-setting", "valueString", None),
        "is_synthetic": bool(extension(patient, "synthetic", "valueBoolean", False)),
    }
    about = None
    for item in extensions(patient, "all-about-me"):
        parts = {p.get("url"): p.get("valueString", "") for p in item.get("extension", [])}
        about = {field: parts.get(field, "") for field in ABOUT_FIELDS}
    return child, about


def _goal_text(reader: BundleReader, index: int) -> str:
    return str(reader.resource(index).get("description", {}).get("text", ""))


def _due(resource: dict[str, Any]) -> str | None:
    targets = resource.get("target") or [{}]
    due = targets[0].get("dueDate")
    return str(due) if due else None


def _achievement(reader: BundleReader, index: int) -> str | None:
    concept = reader.resource(index).get("achievementStatus")
    if not concept:
        return None
    at = f"{reader.at(index)}.achievementStatus"
    return reader.code(at, concept, ACHIEVEMENT, list(v.GOAL_ACHIEVEMENT)) or None


def _gas_levels(resource: dict[str, Any]) -> dict[str, Any] | None:
    for item in extensions(resource, "gas-levels"):
        parts = {p.get("url"): p for p in item.get("extension", [])}
        levels = {
            url[len("level") :]: p.get("valueString", "")
            for url, p in parts.items()
            if str(url).startswith("level")
        }
        return {
            "levels": levels,
            "baseline": parts.get("baseline", {}).get("valueInteger", -1),
            "weight": parts.get("weight", {}).get("valueDecimal", 1.0),
        }
    return None


def _outcome(reader: BundleReader, index: int, steps: list[dict[str, Any]]) -> dict[str, Any]:
    goal, at = reader.resource(index), reader.at(index)
    themes = [
        int(
            reader.code(
                f"{at}.category[{i}]", c, system("joint-outcomes-theme"), ["1", "2", "3", "4"]
            )
            or 0
        )
        for i, c in enumerate(goal.get("category", []))
        if any(x.get("system") == system("joint-outcomes-theme") for x in c.get("coding", []))
    ]
    needs = [
        reader.resolve(f"{at}.addresses[{i}]", r, "Condition")
        for i, r in enumerate(goal.get("addresses", []))
    ]
    hopes = [
        reader.resolve(f"{at}.extension", item.get("valueReference"), "Goal")
        for item in extensions(goal, "leads-to-aspiration")
    ]
    term = extension(goal, "outcome-term", "valueCode", OutcomeTerm.LONG)
    if term not in OutcomeTerm.values:
        reader.problems.append(
            (
                f"{at}.extension",
                UNKNOWN_CODE.format(code=term, allowed=", ".join(OutcomeTerm.values)),
            )
        )
    return {
        "id": index,
        "text": _goal_text(reader, index),
        "domain": reader.category(index, "service", [d.value for d in v.Domain]),
        "themes": [t for t in themes if t],
        "due_date": _due(goal),
        "lifecycle_status": goal.get("lifecycleStatus", ""),
        "achievement_status": _achievement(reader, index),
        "area": reader.category(index, "area-of-need", list(AreaOfNeed.values), need=False),
        "term": term,
        "in_own_words": bool(extension(goal, "in-own-words", "valueBoolean", False)),
        "needs": [n for n in needs if n is not None],
        "aspirations": [h for h in hopes if h is not None],
        "steps": steps,
        "gas_levels": _gas_levels(goal),
    }


def _provision(reader: BundleReader, at: str, detail: dict[str, Any]) -> dict[str, Any]:
    outcomes = [
        reader.resolve(f"{at}.goal[{i}]", r, "Goal") for i, r in enumerate(detail.get("goal", []))
    ]
    needs = [
        reader.resolve(f"{at}.reasonReference[{i}]", r, "Condition")
        for i, r in enumerate(detail.get("reasonReference", []))
    ]
    return {
        "id": 0,  # set by the caller
        "description": detail.get("description", ""),
        "domain": reader.code(
            f"{at}.code", detail.get("code"), system("service"), [d.value for d in v.Domain]
        ),
        "delivered_by": (detail.get("performer") or [{}])[0].get("display", ""),
        "frequency": detail.get("scheduledString", ""),
        "duration": extension(detail, "duration", "valueString"),
        "group_size": extension(detail, "group-size", "valueString"),
        "location": (detail.get("location") or {}).get("display", ""),
        "start_date": extension(detail, "start-date", "valueDate", None),
        "end_date": extension(detail, "end-date", "valueDate", None),
        "outcomes": [o for o in outcomes if o is not None],
        "needs": [n for n in needs if n is not None],
    }


def _parts(reader: BundleReader, index: int) -> tuple[list[int], list[int], list[int]]:
    """The CarePlan's needs, hopes and outcomes (entry indexes), in its own order."""
    careplan, at = reader.resource(index), reader.at(index)
    needs = [
        reader.resolve(f"{at}.addresses[{i}]", r, "Condition")
        for i, r in enumerate(careplan.get("addresses", []))
    ]
    goals = [
        reader.resolve(f"{at}.goal[{i}]", r, "Goal") for i, r in enumerate(careplan.get("goal", []))
    ]
    hopes: list[int] = []
    outcomes: list[int] = []
    for goal in goals:
        if goal is None:
            continue
        part = reader.category(goal, "record-part", ["aspiration", "outcome", "step"])
        (hopes if part == "aspiration" else outcomes).append(goal)
    return [n for n in needs if n is not None], hopes, outcomes


def _steps_by_outcome(
    reader: BundleReader, steps_at: dict[int, list[int]]
) -> dict[int, list[dict[str, Any]]]:
    """Steps by the outcome they lead to; a step whose outcome is missing is under -1 - index.
    ``steps_at`` gets each step's entry, in the same order."""
    steps: dict[int, list[dict[str, Any]]] = {}
    for index, entry in enumerate(reader.entries):
        resource = entry["resource"]
        if resource["resourceType"] != "Goal" or not extensions(resource, "step-of"):
            continue
        reader.used.add(index)
        of = extensions(resource, "step-of")[0].get("valueReference")
        outcome = reader.resolve(f"{reader.at(index)}.extension", of, "Goal")
        steps_at.setdefault(outcome if outcome is not None else -1 - index, []).append(index)
        steps.setdefault(outcome if outcome is not None else -1 - index, []).append(
            {
                "text": _goal_text(reader, index),
                "due_date": _due(resource),
                "achievement_status": _achievement(reader, index) or "in-progress",
            }
        )
    return steps


def _plan(
    reader: BundleReader, index: int, steps: dict[int, list[dict[str, Any]]]
) -> dict[str, Any]:
    careplan, at = reader.resource(index), reader.at(index)
    needs, hopes, outcomes = _parts(reader, index)
    reader.used.update([index, *needs, *hopes, *outcomes])
    status = PLAN_STATUS.get(careplan.get("status", ""))
    if status is None:
        reader.problems.append(
            (f"{at}.status", STATUS_UNKNOWN.format(status=careplan.get("status")))
        )
    provision = []
    for i, activity in enumerate(careplan.get("activity", [])):
        item = _provision(reader, f"{at}.activity[{i}].detail", activity.get("detail") or {})
        reader.next_id += 1
        provision.append({**item, "id": reader.next_id})
    reviews = [
        review_read(reader, r, set(outcomes))
        for r, entry in enumerate(reader.entries)
        if entry["resource"]["resourceType"] == "Observation"
        and gas_is(reader, r, GAS_T_SCORE)
        and (entry["resource"].get("focus") or [{}])[0].get("reference")
        == reader.entries[index].get("fullUrl")
    ]
    reader.used.update(r["id"] for r in reviews)
    period = careplan.get("period", {})
    return {
        "id": index,
        "kind": reader.category(index, "plan-kind", [k.value for k in v.PlanKind]),
        "status": status or "",
        "version": extension(careplan, "plan-version", "valueInteger", 1),
        "next_review_due": extension(careplan, "next-review-due", "valueDate", None),
        "start_date": period.get("start"),
        "issued_on": extension(careplan, "issued-on", "valueDate", None),
        "end_date": period.get("end"),
        "last_reviewed_on": extension(careplan, "last-reviewed-on", "valueDate", None),
        "aspirations": [
            {
                "id": h,
                "text": _goal_text(reader, h),
                "voice": extension(reader.resource(h), "aspiration-voice", "valueCode", "child"),
            }
            for h in hopes
        ],
        "needs": [
            {
                "id": n,
                "text": reader.resource(n).get("code", {}).get("text", ""),
                "area": reader.category(n, "area-of-need", list(AreaOfNeed.values)),
                "domain": reader.category(n, "service", [d.value for d in v.Domain]),
                "barrier": (reader.resource(n).get("note") or [{}])[0].get("text", ""),
            }
            for n in needs
        ],
        "outcomes": [_outcome(reader, o, steps.pop(o, [])) for o in outcomes],
        "provision": provision,
        "reviews": reviews,
    }


def fhir_record(
    data: object, steps_at: dict[int, list[int]] | None = None
) -> tuple[dict[str, Any] | None, list[Problem]]:
    """The Bundle as a JSON record (schema 1.1) and the problems found reading it; the record is
    None when the Bundle cannot be read at all. ``steps_at`` gets each step's entry index, by
    outcome (for ``fhir_places``)."""
    problems = bundle_problems(data)
    if problems:
        return None, problems
    assert isinstance(data, dict)
    reader = BundleReader(list(data.get("entry", [])))
    patients = [
        i for i, e in enumerate(reader.entries) if e["resource"]["resourceType"] == "Patient"
    ]
    if len(patients) != 1:
        reader.problems.append(("entry", NO_PATIENT))
        return None, reader.problems
    child, about = _child(reader, patients[0])
    reader.used.add(patients[0])
    steps = _steps_by_outcome(reader, {} if steps_at is None else steps_at)
    plans = [
        _plan(reader, i, steps)
        for i, e in enumerate(reader.entries)
        if e["resource"]["resourceType"] == "CarePlan"
    ]
    for index, entry in enumerate(reader.entries):
        if "subject" in entry["resource"]:  # every part is about the one child
            reader.resolve(f"{reader.at(index)}.subject", entry["resource"]["subject"], "Patient")
        kind = entry["resource"]["resourceType"]
        if index not in reader.used and kind != "Observation":
            reader.problems.append((f"entry[{index}]", NOT_IN_A_PLAN.format(kind=kind)))
    for outcome in steps:
        if outcome >= 0:  # a missing outcome is already a problem ("points to nothing")
            reader.problems.append((f"entry[{outcome}]", NOT_IN_A_PLAN.format(kind="Goal")))
    record = {
        "$schema": SCHEMA_ID,
        "schema_version": SCHEMA_VERSION,
        "made_on": dt.date.today().isoformat(),
        "child": child,
        "all_about_me": about,
        "plans": plans,
    }
    return record, reader.problems
