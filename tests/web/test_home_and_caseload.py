"""The home ("what needs you") and the caseload's "Plans I coordinate", checked against
counts worked out independently from the rows in the database."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from goldenthread.web.accounts.models import OrganisationKind, Role
from goldenthread.web.notifications.needs import needs_me
from goldenthread.web.plans.models import Plan, Provision
from goldenthread.web.plans.services.common import record_save
from goldenthread.web.plans.services.contributions import contribution_decide, contribution_fields
from goldenthread.web.reviews.models import PlanDeadline
from tests.web import factories
from tests.web.conftest import PageClient
from tests.web.factories import Area


def _therapist(area: Area):  # type: ignore[no-untyped-def]
    health = factories.organisation_create(name="Therapy", kind=OrganisationKind.HEALTH)
    person = factories.user_create(role=Role.HEALTH, username="therapist", organisation=health)
    factories.relationship_create(child=area.child, person=person)
    return person


def test_the_homes_show_a_contribution_waiting_then_returned_then_clear(
    page: PageClient, area: Area
) -> None:
    therapist = _therapist(area)
    plan = area.thread.plan
    part = Provision(plan=plan, position=9, domain="health", description="Therapy weekly")
    part = record_save(
        part, user=therapist, fields=contribution_fields(part, plan=plan, user=therapist)
    )
    page.sign_in(area.coordinator)
    home = page.get("/")
    assert "1 contribution waiting" in home.text
    assert home.html.find("a", href=f"/plans/{plan.pk}/contributions/") is not None
    contribution_decide(part, plan=plan, user=area.coordinator, accept=False, comment="How long?")
    assert "contribution waiting" not in page.get("/").text
    page.sign_in(therapist)
    home = page.get("/")
    assert "1 part sent back to you" in home.text and "How long?" in home.text
    part.refresh_from_db()
    part = record_save(
        part, user=therapist, fields=contribution_fields(part, plan=plan, user=therapist)
    )
    contribution_decide(part, plan=plan, user=area.coordinator, accept=True)
    page.get("/seen/", status=405)
    assert "Nothing needs you right now." in page.get("/").text
    page.sign_in(area.coordinator)
    page.post("/seen/")
    assert "Nothing needs you right now." in page.get("/").text


def test_a_late_review_is_shown_with_words_and_its_date(
    coordinator_page: PageClient, area: Area
) -> None:
    late = timezone.localdate() - dt.timedelta(days=3)
    PlanDeadline.objects.filter(plan=area.thread.plan).delete()
    PlanDeadline.objects.create(
        plan=area.thread.plan,
        local_authority=area.local_authority,
        coordinator=area.coordinator,
        kind="next_review",
        due=late,
        rule="annual",
        worked_out_on=timezone.localdate(),
    )
    home = coordinator_page.get("/")
    assert "1 review deadline" in home.text
    section = home.html.select_one("section[aria-labelledby=reviews]")
    assert section is not None and "Late" in section.get_text()
    assert f"{late.day} {late:%B %Y}" in section.get_text()


def test_a_family_is_asked_for_their_views_by_a_date(page: PageClient, area: Area) -> None:
    parent = factories.user_create(role=Role.PARENT, username="parent")
    factories.relationship_create(child=area.child, person=parent, kind="parent")
    due = timezone.localdate() + dt.timedelta(days=30)
    PlanDeadline.objects.filter(plan=area.thread.plan).delete()
    PlanDeadline.objects.create(
        plan=area.thread.plan,
        local_authority=area.local_authority,
        coordinator=area.coordinator,
        kind="next_review",
        due=due,
        rule="annual",
        worked_out_on=timezone.localdate(),
    )
    page.sign_in(parent)
    home = page.get(f"/my-family/{area.child.pk}/")  # where "/" sends a family (issue 18)
    by = due - dt.timedelta(days=14)
    assert f"Please tell us what you think by {by.day} {by:%B %Y}." in home.text
    assert home.html.find("a", href=f"/my-family/{area.child.pk}/your-views/") is not None
    assert needs_me(parent)[0].lines[0].href == f"/my-family/{area.child.pk}/your-views/"


def test_a_coordinator_lists_exactly_the_plans_they_coordinate_late_first(
    coordinator_page: PageClient, area: Area
) -> None:
    today = timezone.localdate()
    offsets = [40, -10, None, 5, -200, 90]
    for number, offset in enumerate(offsets):
        child = factories.child_create(
            local_authority=area.local_authority, first_name="Kid", last_name=f"K{number}"
        )
        factories.relationship_create(child=child, person=area.coordinator)
        made = factories.plan_with_thread_create(child=child, coordinator=area.coordinator)
        due = None if offset is None else today + dt.timedelta(days=offset)
        Plan.objects.filter(pk=made.plan.pk).update(next_review_due=due)
    # Someone else's plan for a child on this caseload is not "coordinated by me".
    theirs = factories.plan_with_thread_create(child=area.child, coordinator=area.stranger)
    Plan.objects.filter(pk=theirs.plan.pk).update(next_review_due=today - dt.timedelta(days=999))
    # The independent answer: plain Python over every plan row.
    rows = [
        p
        for p in Plan.objects.all()
        if p.coordinator_id == area.coordinator.pk
        and p.archived_at is None
        and not Plan.objects.filter(previous_version=p).exists()
    ]
    never = dt.date.max
    expected = [
        p.pk for p in sorted(rows, key=lambda p: (p.next_review_due or never, p.child.last_name))
    ]
    listing = coordinator_page.get("/children/", data={"scope": "coordinate"})
    assert f"{len(expected)} plans" in listing.text
    names = [a.get_text(strip=True) for a in listing.html.select("#caseload td a")]
    assert names == [Plan.objects.get(pk=pk).child.full_name for pk in expected]
    cells = [
        td.get_text(" ", strip=True) for td in listing.html.select("#caseload td.gt-review-due")
    ]
    late = sum(1 for p in rows if p.next_review_due and p.next_review_due < today)
    assert [c.startswith("Late") for c in cells] == [True] * late + [False] * (len(rows) - late)
