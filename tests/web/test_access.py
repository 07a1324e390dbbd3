"""Who may open which page. Every route in urls.py is listed here (the authorisation matrix).

Access to a child follows a current relationship (caseload, parent, themselves), never the role
alone. Without one, every page about the child is "not found" (404), so ids cannot be probed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.urls import URLPattern, get_resolver
from django.utils import timezone

from goldenthread.web.accounts.models import Role
from goldenthread.web.plans.models import Child, ChildRelationship, Outcome, Plan, RelationshipKind
from tests.web import factories
from tests.web.conftest import PageClient
from tests.web.factories import Area, ThreadFixture

PUBLIC = {"sign-in", "accessibility", "health"}
SIGNED_IN_ONLY = {"caseload", "sign-out-confirm", "child-add"}

# route name: the URL of that page for a child's plan (the thread fixture)
ABOUT_A_CHILD: dict[str, Callable[[ThreadFixture], str]] = {
    "child": lambda t: f"/children/{t.plan.child_id}/",
    "child-edit": lambda t: f"/children/{t.plan.child_id}/edit/",
    "child-archive": lambda t: f"/children/{t.plan.child_id}/archive/",
    "all-about-me": lambda t: f"/children/{t.plan.child_id}/all-about-me/",
    "plan-add": lambda t: f"/children/{t.plan.child_id}/plans/add/",
    "plan-edit": lambda t: f"/plans/{t.plan.pk}/edit/",
    "plan-amend": lambda t: f"/plans/{t.plan.pk}/amend/",
    "plan-archive": lambda t: f"/plans/{t.plan.pk}/archive/",
    "part-add": lambda t: f"/plans/{t.plan.pk}/needs/add/",
    "step-add": lambda t: f"/plans/{t.plan.pk}/outcomes/{t.outcome.pk}/steps/add/",
    "part-edit": lambda t: f"/plans/{t.plan.pk}/outcomes/{t.outcome.pk}/edit/",
    "part-archive": lambda t: f"/plans/{t.plan.pk}/provision/{t.help.pk}/archive/",
    "part-history": lambda t: f"/plans/{t.plan.pk}/aspirations/{t.hope.pk}/history/",
}
PARTS = {
    "aspirations": "hope",
    "needs": "need",
    "outcomes": "outcome",
    "provision": "help",
    "steps": "step",
}


def child_urls(thread: ThreadFixture) -> list[str]:
    return [make(thread) for make in ABOUT_A_CHILD.values()]


def every_part_url(thread: ThreadFixture) -> list[str]:
    return [
        f"/plans/{thread.plan.pk}/{kind}/{getattr(thread, name).pk}/{action}/"
        for kind, name in PARTS.items()
        for action in ("edit", "archive", "history")
    ]


def test_every_route_is_in_the_matrix() -> None:
    names = {p.name for p in get_resolver().url_patterns if isinstance(p, URLPattern)}
    assert names == PUBLIC | SIGNED_IN_ONLY | set(ABOUT_A_CHILD)


@pytest.mark.parametrize("name", sorted(ABOUT_A_CHILD))
def test_with_a_relationship_every_page_opens(
    coordinator_page: PageClient, area: Area, name: str
) -> None:
    coordinator_page.get(ABOUT_A_CHILD[name](area.thread))


@pytest.mark.parametrize("name", sorted(ABOUT_A_CHILD))
def test_without_a_relationship_every_page_is_not_found(
    page: PageClient, area: Area, name: str
) -> None:
    page.sign_in(area.stranger)
    page.get(ABOUT_A_CHILD[name](area.thread), status=404)


@pytest.mark.parametrize("name", sorted(ABOUT_A_CHILD))
def test_without_a_relationship_nothing_can_be_posted(
    page: PageClient, area: Area, name: str
) -> None:
    page.sign_in(area.stranger)
    page.post(
        ABOUT_A_CHILD[name](area.thread), {"text": "Hacked", "first_name": "Hacked"}, status=404
    )
    assert not Plan.objects.filter(child=area.child, archived_at__isnull=False).exists()
    assert Plan.objects.filter(child=area.child).count() == 1
    assert Child.objects.get(pk=area.child.pk).archived_at is None
    assert not Outcome.objects.filter(text="Hacked").exists()
    assert area.thread.help.__class__.objects.get(pk=area.thread.help.pk).archived_at is None


def test_guessing_part_ids_finds_nothing(page: PageClient, area: Area) -> None:
    page.sign_in(area.stranger)
    for url in every_part_url(area.thread):
        page.get(url, status=404)


def test_another_plans_parts_cannot_be_reached_through_my_plan(
    coordinator_page: PageClient, area: Area
) -> None:
    mine, theirs = area.thread.plan.pk, area.other_thread.plan.pk
    for url in every_part_url(area.other_thread):
        coordinator_page.get(url.replace(f"/plans/{theirs}/", f"/plans/{mine}/"), status=404)
    coordinator_page.get(
        f"/plans/{mine}/outcomes/{area.other_thread.outcome.pk}/steps/add/", status=404
    )


def test_the_caseload_never_lists_other_peoples_children(
    coordinator_page: PageClient, area: Area
) -> None:
    assert area.other_child.full_name not in coordinator_page.get("/").text


@pytest.mark.parametrize("name", sorted(SIGNED_IN_ONLY | set(ABOUT_A_CHILD)))
def test_signed_out_people_are_sent_to_sign_in(page: PageClient, area: Area, name: str) -> None:
    url = (
        ABOUT_A_CHILD[name](area.thread)
        if name in ABOUT_A_CHILD
        else {"caseload": "/", "sign-out-confirm": "/sign-out/", "child-add": "/children/add/"}[
            name
        ]
    )
    assert page.get(url, status=302).redirect_url == f"/sign-in/?next={url}"


@pytest.mark.parametrize(
    ("starts", "ends", "can_see"),
    [
        (-30, None, True),
        (-30, 0, True),  # the relationship lasts to the end of its last day
        (-30, -1, False),  # it ended yesterday
        (1, None, False),  # it has not started yet
    ],
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
    for url in child_urls(area.thread):
        page.get(url, status=200 if can_see else 404)
    assert (area.child.full_name in page.get("/").text) is can_see


@pytest.mark.parametrize("role", [role.value for role in Role])
def test_no_role_alone_opens_a_child(page: PageClient, area: Area, role: str) -> None:
    person = factories.user_create(role=role, organisation=area.local_authority)
    page.sign_in(person)
    page.get(f"/children/{area.child.pk}/", status=404)


def test_not_even_a_superuser_sees_a_child_without_a_relationship(
    page: PageClient, area: Area
) -> None:
    boss = factories.user_create(role=Role.ADMINISTRATOR)
    boss.is_superuser = boss.is_staff = True
    boss.save()
    page.sign_in(boss)
    page.get(f"/children/{area.child.pk}/", status=404)


@pytest.mark.parametrize("kind", [RelationshipKind.PARENT, RelationshipKind.SELF])
def test_a_parent_or_the_young_person_can_see_the_plan(
    page: PageClient, area: Area, kind: str
) -> None:
    person = factories.user_create(
        role=Role.PARENT if kind == RelationshipKind.PARENT else Role.CHILD
    )
    factories.relationship_create(child=area.child, person=person, kind=kind)
    page.sign_in(person)
    assert area.thread.outcome.text in page.get(f"/children/{area.child.pk}/").text


def test_an_archived_child_is_not_found(coordinator_page: PageClient, area: Area) -> None:
    Child.objects.filter(pk=area.child.pk).update(archived_at=timezone.now())
    coordinator_page.get(f"/children/{area.child.pk}/", status=404)


def test_an_inactive_account_sees_nothing(page: PageClient, area: Area) -> None:
    page.sign_in(area.coordinator)
    area.coordinator.is_active = False
    area.coordinator.save()
    page.get(f"/children/{area.child.pk}/", status=302)
