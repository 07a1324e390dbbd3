"""Read a review back from a FHIR R4 Bundle: the review Encounter's date, kind and decisions, and
each outcome's GAS rating (the Observations ``fhir.record_fhir_bundle`` writes). Split from
``fhir_read`` so each module reads one part of the Bundle."""

from __future__ import annotations

from typing import Any

from goldenthread.core import vocabulary as v
from goldenthread.web.passport.fhir import (
    ACHIEVEMENT,
    GAS_LEVEL,
    GAS_WEIGHT,
    system,
)
from goldenthread.web.passport.fhir_bundle import (
    UNKNOWN_CODE,
    WRONG_TYPE,
    BundleReader,
    extension,
)
from goldenthread.web.reviews.models import OutcomeDecision, PlanDecision, ReviewKind


def gas_is(reader: BundleReader, index: int, code: str) -> bool:
    concept = reader.resource(index).get("code", {})
    return any(
        c.get("system") == system("gas") and c.get("code") == code
        for c in concept.get("coding", [])
    )


def _score(reader: BundleReader, index: int, outcomes: set[int]) -> dict[str, Any]:
    observation, at = reader.resource(index), reader.at(index)
    focus = (observation.get("focus") or [None])[0]
    outcome = reader.resolve(f"{at}.focus[0]", focus, "Goal")
    if outcome is not None and outcome not in outcomes:
        reader.problems.append(
            (
                f"{at}.focus[0].reference",
                WRONG_TYPE.format(kind="Goal for an outcome in this CarePlan"),
            )
        )
    score: dict[str, Any] = {
        "outcome": outcome or 0,
        "gas_level": observation.get("valueInteger"),
        "achievement_status": "",
        "decision": "",
        "evidence": (observation.get("note") or [{}])[0].get("text", ""),
    }
    for i, component in enumerate(observation.get("component", [])):
        codings = component.get("code", {}).get("coding", [])
        if any(c.get("system") == ACHIEVEMENT for c in codings):
            score["achievement_status"] = reader.code(
                f"{at}.component[{i}].code",
                component["code"],
                ACHIEVEMENT,
                list(v.GOAL_ACHIEVEMENT),
            )
            score["decision"] = reader.code(
                f"{at}.component[{i}].valueCodeableConcept",
                component.get("valueCodeableConcept"),
                system("outcome-decision"),
                list(OutcomeDecision.values),
            )
        elif any(c.get("code") == GAS_WEIGHT for c in codings):
            score["weight"] = component.get("valueQuantity", {}).get("value", 1.0)
    if observation.get("valueInteger") is None:
        reader.problems.append(
            (f"{at}.valueInteger", "Give the GAS level, a whole number from -2 to 2")
        )
    return score


def review_read(reader: BundleReader, index: int, outcomes: set[int]) -> dict[str, Any]:
    observation, at = reader.resource(index), reader.at(index)
    members = [
        reader.resolve(f"{at}.hasMember[{i}]", r, "Observation")
        for i, r in enumerate(observation.get("hasMember", []))
    ]
    for member in members:
        if member is not None:
            reader.used.add(member)
    kind = extension(observation, "review-kind", "valueCode")
    decision = extension(observation, "plan-decision", "valueCode")
    for value, allowed in ((kind, ReviewKind.values), (decision, PlanDecision.values)):
        if value not in allowed:
            reader.problems.append(
                (f"{at}.extension", UNKNOWN_CODE.format(code=value, allowed=", ".join(allowed)))
            )
    return {
        "id": index,
        "kind": kind,
        "meeting_on": observation.get("effectiveDateTime", ""),
        "decision": decision,
        "decision_made_on": extension(observation, "decision-made-on", "valueDate", None),
        "report_sent_on": extension(observation, "report-sent-on", "valueDate", None),
        "amended_plan_issued_on": extension(
            observation, "amended-plan-issued-on", "valueDate", None
        ),
        "child_views": extension(observation, "child-views", "valueString"),
        "parent_views": extension(observation, "parent-views", "valueString"),
        "t_score": observation.get("valueQuantity", {}).get("value"),
        "scores": [
            _score(reader, m, outcomes)
            for m in members
            if m is not None and gas_is(reader, m, GAS_LEVEL)
        ],
    }
