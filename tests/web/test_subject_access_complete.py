"""The subject access export holds every category held about the child, in plain words: emergency
access, shares, passport links, who looked (by role and organisation) and the insights rows."""

from __future__ import annotations

import json
import re

import pytest
from django.utils import timezone

from goldenthread.web.insights.refresh import facts_refresh
from goldenthread.web.passport.links import LinkDetails, passport_link_create
from goldenthread.web.security.subject_access import (
    child_subject_access_export,
    child_subject_access_html,
)
from tests.web.access_world import EMERGENCY_REASON, PERSONAS, world_create

pytestmark = pytest.mark.django_db
ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def test_every_category_appears_in_plain_words() -> None:
    world = world_create()
    PERSONAS["admin_break_glass"](world)  # an emergency grant, with its reason
    today = timezone.localdate()
    details = LinkDetails("Dr Example", "To meet", "parent", "A Parent", today, today, 50)
    passport_link_create(child=world.child, by=world.people["coordinator"], details=details)
    from goldenthread.web.access.audit import audit_event_record

    audit_event_record(person=world.people["therapist"], action="view", child_id=world.child.pk)
    facts_refresh()

    export = child_subject_access_export(world.child)
    sections = {s["title"]: s["rows"] for s in export["sections"]}
    assert sections["Opened in an emergency"][0]["The reason they gave"] == EMERGENCY_REASON
    assert any(r["Why"] == "Speech and language assessment" for r in sections["Shared with"])
    assert sections["Links to the passport"][0]["Who the link is for"] == "Dr Example"
    looks = sections["Who has looked at or changed the record"]
    therapist = [
        r for r in looks if r["Who"] == "Health professional at Westshire Children's Therapy"
    ]
    assert therapist and therapist[0]["What they did"] == "Looked at the record"
    derived = sections["Figures worked out for the area's statistics"]
    born = f"{world.child.date_of_birth.day} {world.child.date_of_birth:%B %Y}"
    assert any(r.get("Date of birth") == born for r in derived)

    text = json.dumps(export, ensure_ascii=False)
    for jargon in ("row_version", "is_synthetic", "token_hash"):
        assert jargon not in text
    assert not ISO.search(json.dumps(export["sections"])), "dates are written in words"
    assert not ISO.search(export["exported_at"] + export["record"]["fields"]["date_of_birth"])
    html = child_subject_access_html(world.child)
    for title in sections:
        assert f"<h2>{title}</h2>".replace("'", "&#39;") in html
    assert "Row version" not in html and "Is synthetic" not in html
