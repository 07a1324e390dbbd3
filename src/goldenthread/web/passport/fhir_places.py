"""Where in a FHIR Bundle each part of the JSON record read from it came from, so a problem the
record's own checks find ("plans[0].outcomes[1].due_date") is named at its place in the Bundle
("entry[7].resource.target[0].dueDate"), as the Bundle's own problems are (issue 24).

The record read from a Bundle uses entry indexes as its ids (``fhir_read``), which is what makes
the way back possible; provision is an activity of its CarePlan, and steps are found through
``steps_at`` (the entry of each step, in the order they were read).
"""

from __future__ import annotations

import re
from typing import Any

# Each record field, as the FHIR element that holds it (the rest name the resource only).
FIELDS = {
    "child": {
        "first_name": "name",
        "last_name": "name",
        "date_of_birth": "birthDate",
        "nhs_number": "identifier",
        "upn": "identifier",
    },
    "plan": {"start_date": "period.start", "end_date": "period.end", "status": "status"},
    "goal": {
        "text": "description.text",
        "due_date": "target[0].dueDate",
        "lifecycle_status": "lifecycleStatus",
        "achievement_status": "achievementStatus",
    },
    "need": {"text": "code.text", "barrier": "note[0].text"},
    "provision": {"description": "description", "frequency": "scheduledString"},
    "review": {"meeting_on": "effectiveDateTime"},
}
_STEP = re.compile(r"\.?([a-z_]+)\[(\d+)\]|\.?([a-z_$]+)")


def _parts(path: str) -> list[str | int]:
    steps: list[str | int] = []
    for name, index, field in _STEP.findall(path):
        if name:
            steps += [name, int(index)]
        else:
            steps.append(field)
    return steps


def fhir_place(path: str, record: dict[str, Any], steps_at: dict[int, list[int]]) -> str | None:
    """The place in the Bundle of a problem found at ``path`` in the record read from it, or
    None when the path is not one read from a resource."""
    parts = _parts(path)
    field = parts[-1] if parts and isinstance(parts[-1], str) else None
    if parts[:1] == ["child"]:
        return _at(record["child"]["id"], "child", field if len(parts) == 2 else None)
    if parts[:1] != ["plans"] or len(parts) < 2:
        return None
    try:
        return _plan_place(parts, field, record["plans"][int(parts[1])], steps_at)
    except (IndexError, KeyError, TypeError, ValueError):
        return None


def _plan_place(
    parts: list[str | int], field: str | None, plan: dict[str, Any], steps_at: dict[int, list[int]]
) -> str:
    if len(parts) <= 3:
        return _at(plan["id"], "plan", field)
    kind, index = str(parts[2]), int(parts[3])
    item = plan[kind][index]
    rest = parts[4:]
    if kind == "provision":
        detail = f"entry[{plan['id']}].resource.activity[{index}].detail"
        element = FIELDS["provision"].get(str(field)) if len(rest) == 1 else None
        return f"{detail}.{element}" if element else detail
    if kind == "outcomes" and rest[:1] == ["steps"] and len(rest) >= 2:
        entry = steps_at.get(item["id"], [])[int(rest[1])]
        return _at(entry, "goal", field if len(rest) == 3 else None)
    what = {"needs": "need", "reviews": "review"}.get(kind, "goal")
    return _at(item["id"], what, field if len(rest) == 1 else None)


def _at(entry: int, what: str, field: str | None) -> str:
    element = FIELDS[what].get(field or "")
    place = f"entry[{entry}].resource"
    return f"{place}.{element}" if element else place
