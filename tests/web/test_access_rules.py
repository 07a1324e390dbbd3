"""Access rules one by one: relationships and their dates, teams, shares, the young person's
choice, emergency access, and guessing ids. (The full matrix is in test_access.py.)"""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from goldenthread.web.access.models import ChildPrivacy, ChildShare, ParentsCanSee
from goldenthread.web.access.policy import Reason, child_access, children_readable
from goldenthread.web.accounts.models import OrganisationKind, Role
from goldenthread.web.plans.models import Child, ChildRelationship, RelationshipKind
from goldenthread.web.plans.selectors import children_visible_to
from tests.web import factories
from tests.web.access_world import PERSONAS, world_create
from tests.web.conftest import PageClient
from tests.web.factories import Area

PARTS = {"aspirations": "hope", "needs": "need", "outcomes": "outcome", "provision": "help"}


def every_part_url(thread: factories.ThreadFixture) -> list[str]:
    return [
        f"/plans/{thread.plan.pk}/{kind}/{getattr(thread, name).pk}/{action}/"
        for kind, name in {**PARTS, "steps": "step"}.items()
        for action in ("edit", "archive", "history")
    ]


def test_guessing_part_ids_finds_nothing(page: PageClient, area: Area) -> None:
    page.sign_in(area.stranger)
    for url in every_part_url(area.thread):
        page.get(url, status=404)


def test_guessing_the_ids_of_children_in_other_areas_finds_nothing(
    page: PageClient, area: Area
) -> None:
    """Children elsewhere have the ids just after ours: each is "not found", never "forbidden"."""
    elsewhere = factories.local_authority_create(name="Eastshire Council")
    others = [factories.child_create(local_authority=elsewhere) for _ in range(5)]
    threads = [factories.plan_with_thread_create(child=child) for child in others[:2]]
    assert [c.pk for c in others] == list(range(others[0].pk, others[0].pk + 5))
    page.sign_in(area.coordinator)
    for child in others:
        page.get(f"/children/{child.pk}/", status=404)
        page.get(f"/children/{child.pk}/who-has-looked/", status=404)
        page.get(f"/children/{child.pk + 1000}/", status=404)  # and ids nobody has yet
    for thread in threads:
        for url in every_part_url(thread):
            page.get(url, status=404)
    admin = factories.user_create(role=Role.ADMINISTRATOR, organisation=area.local_authority)
    page.sign_in(admin)
    page.get(f"/children/{others[0].pk}/emergency-access/", status=404)


def test_another_plans_parts_cannot_be_reached_through_my_plan(
    coordinator_page: PageClient, area: Area
) -> None:
    mine, theirs = area.thread.plan.pk, area.other_thread.plan.pk
    for url in every_part_url(area.other_thread):
        coordinator_page.get(url.replace(f"/plans/{theirs}/", f"/plans/{mine}/"), status=404)


def test_the_caseload_never_lists_other_peoples_children(
    coordinator_page: PageClient, area: Area
) -> None:
    assert area.other_child.full_name not in coordinator_page.get("/children/").text


@pytest.mark.parametrize(
    ("starts", "ends", "can_see"),
    [(-30, None, True), (-30, 0, True), (-30, -1, False), (1, None, False)],
)
def test_access_lasts_only_as_long_as_the_relationship(
    page: PageClient, area: Area, starts: int, ends: int | None, can_see: bool
) -> None:
    today = timezone.localdate()
    ChildRelationship.objects.filter(child=area.child, person=area.coordinator).update(
        started_on=today + dt.timedelta(days=starts),
        ended_on=None if ends is None else today + dt.timedelta(days=ends),
    )
    page.sign_in(area.coordinator)
    page.get(f"/children/{area.child.pk}/", status=200 if can_see else 404)
    assert (area.child.full_name in page.get("/children/").text) is can_see


@pytest.mark.parametrize("role", [role.value for role in Role])
def test_no_role_alone_opens_a_child(page: PageClient, area: Area, role: str) -> None:
    page.sign_in(factories.user_create(role=role, organisation=area.local_authority))
    page.get(f"/children/{area.child.pk}/", status=404)


@pytest.mark.parametrize("role", [Role.QUALITY_LEAD, Role.STRATEGIC_LEADER, Role.DPO])
def test_some_roles_never_open_a_child_even_with_a_relationship(
    page: PageClient, area: Area, role: str
) -> None:
    person = factories.user_create(role=role, organisation=area.local_authority)
    factories.relationship_create(child=area.child, person=person)
    page.sign_in(person)
    page.get(f"/children/{area.child.pk}/", status=404)


def test_not_even_a_superuser_sees_a_child_without_a_reason(page: PageClient, area: Area) -> None:
    boss = factories.user_create(role=Role.ADMINISTRATOR)
    boss.is_superuser = boss.is_staff = True
    boss.save()
    page.sign_in(boss)
    page.get(f"/children/{area.child.pk}/", status=404)


def test_an_archived_child_is_not_found(coordinator_page: PageClient, area: Area) -> None:
    Child.objects.filter(pk=area.child.pk).update(archived_at=timezone.now())
    coordinator_page.get(f"/children/{area.child.pk}/", status=404)


def test_an_inactive_account_sees_nothing(page: PageClient, area: Area) -> None:
    page.sign_in(area.coordinator)
    area.coordinator.is_active = False
    area.coordinator.save()
    page.get(f"/children/{area.child.pk}/", status=302)


@pytest.mark.django_db
def test_a_share_with_an_organisation_reaches_its_professionals_only() -> None:
    world = world_create()
    clinic = factories.organisation_create(kind=OrganisationKind.HEALTH)
    nurse = factories.user_create(role=Role.HEALTH, organisation=clinic)
    parent_there = factories.user_create(role=Role.PARENT, organisation=clinic)
    share = ChildShare.objects.create(
        child=world.child, shared_by=world.area.coordinator, shared_with_organisation=clinic,
        reason="Clinic review",
    )  # fmt: skip
    assert child_access(nurse, world.child.pk).reasons == {Reason.SHARED}
    assert not child_access(parent_there, world.child.pk).can_read
    ChildShare.objects.filter(pk=share.pk).update(revoked_at=timezone.now())
    assert not child_access(nurse, world.child.pk).can_read


@pytest.mark.django_db
def test_teammates_lose_access_when_they_leave_the_team() -> None:
    world = world_create()
    teammate = world.people["teammate"]
    assert child_access(teammate, world.child.pk).reasons == {Reason.TEAM}
    teammate.teams.clear()
    assert not child_access(teammate, world.child.pk).can_read


@pytest.mark.django_db
@pytest.mark.parametrize("persona", list(PERSONAS))
def test_the_list_and_the_single_child_always_agree(persona: str) -> None:
    """``children_visible_to`` (lists) and ``child_access`` (pages) are built from one set of
    conditions; this keeps them from drifting apart."""
    world = world_create()
    user = PERSONAS[persona](world)
    if user is None:
        return
    for child in Child.objects.all():
        listed = children_visible_to(user).filter(pk=child.pk).exists()
        assert listed == child_access(user, child.pk).can_read, child
    assert set(children_visible_to(user)) == set(children_readable(user))


@pytest.mark.django_db
def test_plan_only_parents_see_the_plan_but_not_all_about_me() -> None:
    world = world_create()
    ChildPrivacy.objects.create(child=world.child, parents_can_see=ParentsCanSee.PLAN)
    access = child_access(world.people["parent"], world.child.pk)
    assert access.can_read
    assert not access.can_see_all_about_me
    assert not access.can_change_all_about_me
    assert not access.can_see_who_looked


@pytest.mark.django_db
def test_the_young_persons_choice_does_not_touch_professionals() -> None:
    world = world_create()
    ChildPrivacy.objects.create(child=world.child, parents_can_see=ParentsCanSee.NOTHING)
    assert child_access(world.area.coordinator, world.child.pk).can_change_plan
    assert child_access(world.people["young_person"], world.child.pk).can_read
    assert not child_access(world.people["parent"], world.child.pk).can_read
    assert RelationshipKind.PARENT in {r.kind for r in world.child.relationships.all()}
