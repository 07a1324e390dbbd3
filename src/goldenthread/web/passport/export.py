"""The passport as JSON in a documented, versioned schema (docs/schemas/passport-v1.schema.json).

Ids are the system's own; codes are the FHIR Goal codes the plan already stores, so a later
FHIR export is a mapping. "All about me" is included only when the person may see it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from goldenthread.web.passport.selectors import Passport

SCHEMA_ID = "https://goldenthread.example/schemas/passport-v1.schema.json"
SCHEMA_VERSION = "1.0"


def _date(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def passport_json(passport: Passport) -> dict[str, Any]:
    child, about = passport.child, passport.all_about_me
    about_fields = ("liked_about_me", "important_to_me", "important_for_me", "how_to_support_me")
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
        },
        "all_about_me": {f: getattr(about, f) for f in about_fields} if about else None,
        "plans": [
            {
                "id": plan.pk,
                "kind": plan.kind,
                "status": plan.status,
                "version": plan.version,
                "next_review_due": _date(plan.next_review_due),
                "aspirations": [
                    {"id": a.pk, "text": a.text}
                    for a in plan.aspirations.all()
                    if a.archived_at is None
                ],
                "outcomes": [
                    {
                        "id": o.pk,
                        "text": o.text,
                        "domain": o.domain,
                        "themes": [t.number for t in o.themes.all()],
                        "due_date": _date(o.due_date),
                        "lifecycle_status": o.lifecycle_status,
                        "achievement_status": o.achievement_status or None,
                    }
                    for o in plan.live_outcomes  # type: ignore[attr-defined]
                ],
                "provision": [
                    {
                        "id": p.pk,
                        "description": p.description,
                        "domain": p.domain,
                        "delivered_by": p.delivered_by,
                        "frequency": p.frequency,
                    }
                    for p in plan.live_provision  # type: ignore[attr-defined]
                ],
            }
            for plan in passport.plans
        ],
    }
