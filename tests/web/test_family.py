"""The family view (issue 18): parents and young people read the plan in plain words, send
views and ideas through the coordinator, and a capacity decision decides what each may do."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from goldenthread.web.access.models import AuditAction, AuditEvent, ChildPrivacy, ParentsCanSee
from goldenthread.web.access.policy import child_access
from goldenthread.web.family.capacity import (
    CAPACITY_DATE_FUTURE,
    CAPACITY_FROM_16,
    SUPPORTER_NAME,
    CapacityError,
    CapacityFacts,
    capacity_record,
)
from goldenthread.web.family.meetings import next_meeting_due
from goldenthread.web.family.models import CapacityDecision, FamilyIdea, HiddenFromParents
from goldenthread.web.family.services import IDEA_EMPTY, hidden_parts, idea_send, parts_hide
from goldenthread.web.plans.models import Child, ContributionStatus, Outcome, Plan
from goldenthread.web.plans.services.contributions import COMMENT_NEEDED
from goldenthread.web.plans.services.plans import plan_amend
from tests.web.family_world import family_world_create

pytestmark = pytest.mark.django_db


def _page(client: Client, user: object, url: str) -> str:
    client.force_login(user)  # type: ignore[arg-type]
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_a_parent_lands_on_the_family_view_not_a_caseload(client: Client) -> None:
    world = family_world_create()
    client.force_login(world.people["parent"])
    assert client.get("/").url == "/my-family/"
    assert client.get("/children/").url == "/my-family/"
    assert client.get("/my-family/").url == f"/my-family/{world.child.pk}/"
    professional = client.get(f"/my-family/{world.child.pk}/").content.decode()
    assert 'href="/children/"' not in professional  # no "Children" caseload in the navigation


def test_the_family_page_reads_in_the_family_order_without_professional_words(
    client: Client,
) -> None:
    world = family_world_create()
    html = _page(client, world.people["parent"], f"/my-family/{world.child.pk}/")
    order = [
        "wants for the future",
        "What is hard for",
        "What will change, and by when",
        "and how often",
        "is getting on",
    ]
    places = [html.index(heading) for heading in order]
    assert places == sorted(places)
    assert "I want to work with animals." in html
    assert "by July 2027" in html
    assert "2 out of 5:</strong> Getting closer" in html
    for word in ("Section", "Provision", "provision", "Outcome", "outcome", "SEN", "Gap"):
        assert word not in html.split("<main", 1)[1], word
    assert "/edit/" not in html and "/add/" not in html
    looks = AuditEvent.objects.filter(
        person=world.people["parent"], child=world.child, url_name="family-plan"
    )
    assert looks.filter(action=AuditAction.VIEW).count() == 1


def test_a_parent_gives_views_before_a_review_and_the_coordinator_accepts(
    client: Client,
) -> None:
    world = family_world_create()
    parent, coordinator = world.people["parent"], world.people["coordinator"]
    client.force_login(parent)
    url = f"/my-family/{world.child.pk}/your-views/"
    refused = client.post(url, {"kind": "review_views", "text": "   "})
    assert refused.status_code == 400
    assert IDEA_EMPTY in refused.content.decode()
    assert not FamilyIdea.objects.exists()
    sent = client.post(url, {"kind": "review_views", "text": "Ada is happier at school."})
    assert sent.status_code == 302
    idea = FamilyIdea.objects.get()
    assert idea.status == ContributionStatus.PROPOSED
    meeting = next_meeting_due(world.area.thread.plan)
    assert meeting is not None and idea.review_due == meeting
    assert "Waiting to be read" in client.get(f"/my-family/{world.child.pk}/").content.decode()

    client.force_login(coordinator)
    plan_id = world.area.thread.plan.pk
    listed = client.get(f"/plans/{plan_id}/family-views/").content.decode()
    assert "Ada is happier at school." in listed
    decide = f"/plans/{plan_id}/family-views/{idea.pk}/"
    no_comment = client.post(decide, {"decision": "return", "comment": ""})
    assert no_comment.status_code == 400 and COMMENT_NEEDED in no_comment.content.decode()
    assert client.post(decide, {"decision": "accept"}).status_code == 302
    idea.refresh_from_db()
    assert idea.status == ContributionStatus.ACCEPTED and idea.decided_by == coordinator
    assert AuditEvent.objects.filter(
        person=coordinator, object_type="familyidea", action=AuditAction.UPDATE
    ).exists()
    # Only the plan's coordinator decides, as for any contribution (ADR 0011).
    client.force_login(world.people["teammate"])
    assert client.get(decide).status_code == 403


def test_a_young_persons_outcome_goes_into_a_draft_plan_in_their_own_words() -> None:
    world = family_world_create()
    young, coordinator = world.people["young_person"], world.people["coordinator"]
    draft = plan_amend(plan=world.area.thread.plan, user=coordinator)
    due = timezone.localdate() + dt.timedelta(days=200)
    idea = idea_send(
        plan=draft, by=young, kind="outcome", text="I will get the bus to college.", by_when=due
    )
    from goldenthread.web.family.services import idea_decide

    idea_decide(idea, by=coordinator, accept=True, domain="education")
    outcome = Outcome.objects.get(pk=idea.part_id)
    assert outcome.plan == draft and outcome.in_own_words and outcome.due_date == due
    assert outcome.contribution_status == ContributionStatus.ACCEPTED
    assert outcome.proposed_by == young


def test_a_parent_cannot_propose_for_a_young_person_who_has_capacity(client: Client) -> None:
    world = family_world_create()
    client.force_login(world.people["parent"])
    assert client.get(f"/my-family/{world.child.pk}/your-ideas/").status_code == 403


def test_a_young_person_hides_a_part_and_their_parent_no_longer_sees_it(client: Client) -> None:
    world = family_world_create()
    young, parent = world.people["young_person"], world.people["parent"]
    need = world.area.thread.need
    client.force_login(young)
    hide_url = f"/my-family/{world.child.pk}/what-parents-see/"
    assert client.post(hide_url, {"hide": [f"need:{need.pk}"]}).status_code == 302
    assert hidden_parts(world.child) == {("need", need.pk)}
    own = client.get(f"/my-family/{world.child.pk}/").content.decode()
    assert need.text in own and "Your parents do not see this." in own

    client.force_login(parent)
    theirs = client.get(f"/my-family/{world.child.pk}/").content.decode()
    assert need.text not in theirs
    assert world.area.thread.unmet_need.text in theirs
    # Pages with the whole plan on them are closed to the parent while a part is kept back.
    assert client.get(f"/children/{world.child.pk}/").status_code == 403
    assert client.get(f"/children/{world.child.pk}/passport/").status_code == 403
    # A new version of the plan keeps the part kept back.
    draft = plan_amend(plan=world.area.thread.plan, user=world.people["coordinator"])
    copy = draft.needs.get(text=need.text)
    assert ("need", copy.pk) in hidden_parts(world.child)
    newer = client.get(f"/my-family/{world.child.pk}/").content.decode()
    assert need.text not in newer
    # Showing it again: marked, never deleted (the old version's part stays kept back).
    client.force_login(young)
    assert client.post(hide_url, {}).status_code == 302
    assert hidden_parts(world.child) == {("need", need.pk)}
    assert HiddenFromParents.objects.filter(shown_again_at__isnull=False).exists()


def _record(world: object, *, has_capacity: bool, **extra: object) -> CapacityDecision:
    facts = {
        "has_capacity": has_capacity,
        "decided_on": timezone.localdate(),
        "decided_by": "Casey Coordinator, EHC coordinator",
        **extra,
    }
    return capacity_record(
        child=world.child,  # type: ignore[attr-defined]
        by=world.people["coordinator"],  # type: ignore[attr-defined]
        facts=CapacityFacts(**facts),  # type: ignore[arg-type]
    )


def test_without_capacity_a_parent_acts_for_the_young_person(client: Client) -> None:
    world = family_world_create()
    young, parent = world.people["young_person"], world.people["parent"]
    parts_hide(child=world.child, by=young, hide=[("need", world.area.thread.need.pk)])
    ChildPrivacy.objects.create(child=world.child, parents_can_see=ParentsCanSee.NOTHING)
    assert not child_access(parent, world.child.pk).can_read
    _record(world, has_capacity=False, supporter_kind="parent", supporter_name="Pat Parent")
    access = child_access(parent, world.child.pk)
    assert access.can_read and access.can_read_whole_record and access.lacks_capacity
    assert not child_access(young, world.child.pk).can_choose_what_parents_see
    html = _page(client, parent, f"/my-family/{world.child.pk}/")
    assert world.area.thread.need.text in html
    assert "You help Ada to make choices" in html
    assert client.get(f"/my-family/{world.child.pk}/your-ideas/").status_code == 200
    client.force_login(young)
    assert client.get(f"/children/{world.child.pk}/what-parents-see/").status_code == 403
    assert client.get(f"/my-family/{world.child.pk}/what-parents-see/").status_code == 403


def test_with_capacity_the_young_person_is_told_they_choose(client: Client) -> None:
    world = family_world_create()
    _record(world, has_capacity=True, supporter_kind="advocate", supporter_name="Sam Advocate")
    html = _page(client, world.people["young_person"], f"/my-family/{world.child.pk}/")
    assert "You make the choices about your plan. Sam Advocate helps you to choose." in html
    assert child_access(world.people["young_person"], world.child.pk).can_choose_what_parents_see


@pytest.mark.parametrize(
    ("change", "message", "field"),
    [
        (
            {"decided_on": timezone.localdate() + dt.timedelta(days=1)},
            CAPACITY_DATE_FUTURE,
            "decided_on",
        ),
        ({"supporter_kind": "deputy", "supporter_name": " "}, SUPPORTER_NAME, "supporter_name"),
        ({"under_16": True}, CAPACITY_FROM_16, "decided_on"),
    ],
)
def test_a_capacity_decision_the_rules_refuse_changes_nothing(
    change: dict[str, object], message: str, field: str
) -> None:
    world = family_world_create()
    if change.pop("under_16", False):
        today = timezone.localdate()
        Child.objects.filter(pk=world.child.pk).update(
            date_of_birth=today.replace(year=today.year - 15)
        )
        world.child.refresh_from_db()
    with pytest.raises(CapacityError) as refused:
        _record(world, has_capacity=False, **change)
    assert str(refused.value) == message and refused.value.field == field
    assert not CapacityDecision.objects.exists()


def test_the_capacity_page_names_the_field_and_only_staff_may_record(client: Client) -> None:
    world = family_world_create()
    url = f"/children/{world.child.pk}/capacity/"
    client.force_login(world.people["parent"])
    assert client.get(url).status_code == 403
    client.force_login(world.people["coordinator"])
    today = timezone.localdate()
    data = {
        "has_capacity": "yes",
        "decided_on-day": today.day,
        "decided_on-month": today.month,
        "decided_on-year": today.year,
        "decided_by": "",
        "supporter_kind": "none",
    }
    refused = client.post(url, data)
    assert refused.status_code == 400 and 'href="#decided_by"' in refused.content.decode()
    assert client.post(url, {**data, "decided_by": "Casey, EHC coordinator"}).status_code == 302
    decision = CapacityDecision.objects.get()
    assert decision.has_capacity and decision.recorded_by == world.people["coordinator"]
    assert AuditEvent.objects.filter(object_type="capacitydecision").count() == 1


def test_with_no_meeting_and_no_draft_there_is_nothing_to_fill_in(client: Client) -> None:
    world = family_world_create()
    from goldenthread.web.reviews.models import PlanDeadline

    PlanDeadline.objects.filter(plan=world.area.thread.plan).delete()
    Plan.objects.filter(pk=world.area.thread.plan.pk).update(next_review_due=None)
    html = _page(client, world.people["parent"], f"/my-family/{world.child.pk}/your-views/")
    assert "There is no meeting about the plan coming up" in html and "<form" not in html
    sent = client.post(f"/my-family/{world.child.pk}/your-views/", {"text": "Hi"})
    assert sent.status_code == 200
    assert not FamilyIdea.objects.exists()
