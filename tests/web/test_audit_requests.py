"""Every request about a child is answered 405 or written down, whatever its method; every
refusal is written down with who, what and why; the family's list shows looks and changes only.

The routes come from the URL resolver (every pattern naming a child, a plan or an outcome), so
a new page about a child is swept without touching this file; ``URL_VALUES`` gives each id a
value, and a route naming an id it does not know fails ``test_every_child_route_is_swept``.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import URLPattern, get_resolver, reverse
from django.utils import timezone

from goldenthread.web.access.middleware import (
    CHILD_ROUTES,
    CHILD_ROUTES_DECIDED_BY_VIEW,
    READ_PAGE,
    ROLE_ROUTES,
)
from goldenthread.web.access.models import AuditEvent, AuditResult, ChildShare, RefusalCode
from goldenthread.web.access.selectors import audit_trail_for_child
from goldenthread.web.assessments.models import AdviceRequest, Assessment, ClockException
from goldenthread.web.family.models import FamilyIdea
from goldenthread.web.reviews.models import PlanDecision, Review, ReviewKind
from tests.web.access_world import PERSONAS, World, world_create
from tests.web.conftest import PageClient

METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "FOO"]
ABOUT_A_CHILD = {"child_id", "plan_id", "outcome_id"}
REFUSALS = {403, 404, 405}
PASSES: set[object] = {*READ_PAGE, *REFUSALS}  # a read method, or refused (405, or 403/404 first)


def _child_patterns() -> dict[str, URLPattern]:
    return {
        str(p.name): p
        for p in get_resolver().url_patterns
        if isinstance(p, URLPattern) and ABOUT_A_CHILD & set(p.pattern.converters)
    }


CHILD_PATTERNS = _child_patterns()


def _swept_last(name: str) -> tuple[int, str]:
    """Archiving and stopping change the world: they go last, the child's own archive at the end."""
    return (2 if name == "child-archive" else 1 if "archive" in name or "stop" in name else 0, name)


ROUTE_NAMES = sorted(CHILD_PATTERNS, key=_swept_last)


def _url_values(w: World) -> dict[str, object]:
    from goldenthread.web.passport.links import LinkDetails, passport_link_create

    plan, thread = w.area.thread.plan, w.area.thread
    today = timezone.localdate()
    review = Review.objects.create(
        plan=plan, kind=ReviewKind.ANNUAL, meeting_on=today, decision=PlanDecision.KEEP
    )
    details = LinkDetails("Dr Example", "To meet", "parent", "A Parent", today, today, 50)
    link, _ = passport_link_create(child=w.child, by=w.people["coordinator"], details=details)
    share = ChildShare.objects.get(child=w.child, shared_with_person=w.people["therapist"])
    assessment = Assessment.objects.create(
        child=w.child,
        coordinator=w.people["coordinator"],
        request_received_on=today,
        request_source="parent",
    )
    advice = AdviceRequest.objects.create(
        assessment=assessment, service="health", adviser=w.people["therapist"], requested_on=today
    )
    exception = ClockException.objects.create(
        assessment=assessment, reason="absent_from_area", starts_on=today
    )
    idea = FamilyIdea.objects.create(
        plan=plan, kind="review_views", text="Ok.", author=w.people["parent"], author_role="parent"
    )
    from tests.web.test_access import _pack, _sheet, _short_term  # the setting plan's records

    _sheet(w)
    return {
        "pack_id": int(_pack(w).rstrip("/").rsplit("/", 1)[1]),
        "short_id": _short_term(w),
        "key": "classroom",
        "assessment_id": assessment.pk,
        "advice_id": advice.pk,
        "exception_id": exception.pk,
        "step": "decide-request",
        "child_id": w.child.pk,
        "plan_id": plan.pk,
        "outcome_id": thread.outcome.pk,
        "review_id": review.pk,
        "share_id": share.pk,
        "link_id": link.pk,
        "idea_id": idea.pk,
        "kind": "outcomes",
        ("pk", "outcomes"): thread.outcome.pk,
        ("pk", "provision"): thread.help.pk,
    }


def _url(name: str, values: dict[str, object]) -> str:
    pattern = CHILD_PATTERNS[name]
    kind = pattern.default_args.get("kind", values["kind"])
    kwargs = {
        key: values[("pk", kind)] if key == "pk" else values[key]
        for key in pattern.pattern.converters
    }
    return reverse(name, kwargs=kwargs)


def _send(client: Client, method: str, url: str) -> int:
    return client.generic(method, url).status_code


def test_every_child_route_is_swept() -> None:
    """The sweep covers exactly the routes the middleware gates, and knows every id they name."""
    assert set(CHILD_PATTERNS) == set(CHILD_ROUTES) | CHILD_ROUTES_DECIDED_BY_VIEW
    known = {"child_id", "plan_id", "outcome_id", "review_id", "share_id", "link_id", "kind", "pk"}
    known |= {"assessment_id", "advice_id", "exception_id", "step"}
    known |= {"idea_id", "pack_id", "short_id", "key"}
    for name, pattern in CHILD_PATTERNS.items():
        assert set(pattern.pattern.converters) <= known, f"{name}: give its ids a value here"


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["coordinator", "therapist"])
@pytest.mark.parametrize("method", METHODS)
def test_every_method_on_every_child_route_is_refused_with_405_or_written_down(
    client: Client, persona: str, method: str
) -> None:
    """The coordinator may read and change; the therapist (a share) may only read."""
    world = world_create()
    user = PERSONAS[persona](world)
    assert user is not None
    client.force_login(user)
    values = _url_values(world)
    wrong = []
    for name in ROUTE_NAMES:
        before = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        status = _send(client, method, _url(name, values))
        mine = AuditEvent.objects.filter(pk__gt=before, person=user, url_name=name, method=method)
        entry = mine.filter(status=status).first()
        route = CHILD_ROUTES.get(name)
        if entry is None:
            wrong.append(f"{name} {method}: answered {status} and left no entry")
        elif (status in REFUSALS) != (entry.result == AuditResult.REFUSED):
            wrong.append(f"{name} {method}: answered {status}, entry says {entry.result}")
        elif route and route.methods == READ_PAGE and {method, status}.isdisjoint(PASSES):
            wrong.append(f"{name} {method}: a read-only page answered {status}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["GET", "POST", "FOO"])
def test_a_refused_look_by_someone_with_no_reason_is_written_down_and_still_not_found(
    client: Client, method: str
) -> None:
    world = world_create()
    stranger = world.people["stranger"]
    client.force_login(stranger)
    values = _url_values(world)
    for name in ROUTE_NAMES:
        status = _send(client, method, _url(name, values))
        entry = AuditEvent.objects.filter(person=stranger, url_name=name).latest("pk")
        by_role = name in ROLE_ROUTES  # emergency access: administrators only, whoever the child
        assert (entry.method, entry.status, entry.result) == (method, status, "refused"), name
        if by_role:
            assert status == 403, name
            assert entry.refusal == RefusalCode.ROLE, name
        elif name in CHILD_ROUTES_DECIDED_BY_VIEW:
            # The page decides: "not found", or a method it never takes (the same for any child).
            assert (status, entry.refusal) in {
                (404, RefusalCode.NOT_FOUND),
                (405, RefusalCode.METHOD_NOT_ALLOWED),
            }, name
        else:
            assert status == 404, name
            assert entry.refusal == RefusalCode.NO_RELATIONSHIP, name
        assert entry.child_id == world.child.pk, name
    assert not audit_trail_for_child(world.child.pk).filter(person=stranger).exists()


@pytest.mark.django_db
def test_each_refusal_says_why() -> None:
    world = world_create()
    child, plan = world.child, world.area.thread.plan
    asks = [
        ("stranger", "GET", f"/children/{child.pk}/", RefusalCode.NO_RELATIONSHIP, 404),
        ("therapist", "POST", f"/plans/{plan.pk}/edit/", RefusalCode.NOT_ALLOWED_TO_CHANGE, 403),
        ("therapist", "DELETE", f"/children/{child.pk}/", RefusalCode.METHOD_NOT_ALLOWED, 405),
        ("therapist", "GET", "/audit-trail/", RefusalCode.ROLE, 403),
        ("coordinator", "GET", "/plans/999999/edit/", RefusalCode.NOT_FOUND, 404),
    ]
    for persona, method, url, code, status in asks:
        client = Client()
        user = PERSONAS[persona](world)
        assert user is not None
        client.force_login(user)
        assert client.generic(method, url).status_code == status, url
        entry = AuditEvent.objects.filter(person=user).latest("pk")
        assert (entry.method, entry.status, entry.result, entry.refusal) == (
            method, status, AuditResult.REFUSED, code,
        ), url  # fmt: skip
        assert (entry.role, entry.organisation_id) == (user.role, user.organisation_id)


@pytest.mark.django_db
def test_a_post_turned_away_for_its_missing_form_token_is_written_down() -> None:
    world = world_create()
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.area.coordinator)
    assert client.post(f"/children/{world.child.pk}/").status_code == 403
    entry = AuditEvent.objects.filter(person=world.area.coordinator).latest("pk")
    assert (entry.child_id, entry.method, entry.refusal) == (
        world.child.pk, "POST", RefusalCode.REFUSED_BEFORE_CHECK,
    )  # fmt: skip


@pytest.mark.django_db
def test_the_family_sees_looks_and_changes_not_refusals_or_bare_requests(client: Client) -> None:
    world = world_create()
    child, plan, hope = world.child, world.area.thread.plan, world.area.thread.hope
    coordinator, stranger = world.area.coordinator, world.people["stranger"]
    client.force_login(stranger)
    client.get(f"/children/{child.pk}/")  # refused: not found
    client.force_login(coordinator)
    client.options(f"/children/{child.pk}/")  # refused: 405
    url = f"/plans/{plan.pk}/aspirations/{hope.pk}/edit/"
    form = PageClient(client).get(url).form()
    assert client.post(url, {**form, "text": "To work with animals"}).status_code == 302
    shown = list(audit_trail_for_child(child.pk).filter(at__gte=world.child.created_at))
    by_stranger = [e for e in shown if e.person == stranger]
    assert not by_stranger
    mine = [(e.action, e.url_name) for e in shown if e.person == coordinator][:2]
    assert mine == [("update", ""), ("view", "part-edit")]  # newest first; no "request" entry
    page = PageClient(client)
    page.sign_in(world.people["parent"])
    text = page.get(f"/children/{child.pk}/who-has-looked/").text
    assert stranger.display_name not in text


@pytest.mark.django_db
def test_the_dpo_sees_refusals_and_why(client: Client) -> None:
    world = world_create()
    client.force_login(world.people["stranger"])
    client.get(f"/children/{world.child.pk}/")
    page = PageClient(client)
    page.sign_in(world.people["dpo"])
    text = " ".join(page.get("/audit-trail/", data={"person": "stranger"}).text.split())
    assert "Refused" in text and str(RefusalCode.NO_RELATIONSHIP.label) in text
