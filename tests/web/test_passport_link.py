"""Read-only links to a passport: shown once, hashed, counted, logged for the family, and closed
with a clear page when stopped, out of time or used up."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from django.utils import timezone

from goldenthread.web.access.models import AuditAction, AuditEvent
from goldenthread.web.passport.links import (
    LINK_EXPIRED,
    LINK_STOPPED,
    LINK_UNKNOWN,
    LINK_USED_UP,
    LinkDetails,
    passport_link_create,
)
from goldenthread.web.passport.models import PassportLink
from tests.web.access_world import World, world_create
from tests.web.conftest import PageClient

pytestmark = pytest.mark.django_db


def _form(*, label: str = "Dr Patel", views: int = 3, days: int = 14) -> dict[str, str]:
    today, ends = timezone.localdate(), timezone.localdate() + dt.timedelta(days=days)
    return {
        "label": label,
        "purpose": "So Dr Patel can read it before we meet",
        "given_by": "parent",
        "given_by_name": "Pat Parent",
        **{f"given_on-{k}": str(getattr(today, k)) for k in ("day", "month", "year")},
        **{f"expires_on-{k}": str(getattr(ends, k)) for k in ("day", "month", "year")},
        "max_views": str(views),
    }


def _closed(page: PageClient, address: str, status: int = 410) -> str:
    """The words of a closed-link page (410 is not one the page checker parses)."""
    response = page.client.get(address)
    assert response.status_code == status
    return response.content.decode()


def _make(page: PageClient, world: World, **kwargs: object) -> str:
    """Make a link through the page as the parent; return the address shown (once)."""
    page.sign_in(world.people["parent"])
    made = page.post(f"/children/{world.child.pk}/passport/link/", _form(**kwargs), status=200)  # type: ignore[arg-type]
    assert made.response["Cache-Control"] == "no-store"
    field = made.html.select_one("#link-address")
    assert field is not None
    page.sign_out()
    return str(field["value"]).removeprefix("http://testserver")


def test_a_parent_makes_a_link_that_opens_without_signing_in(page: PageClient) -> None:
    world = world_create()
    address = _make(page, world)
    token = address.rstrip("/").rsplit("/", 1)[1]
    link = PassportLink.objects.get()
    assert token not in link.token_hash
    assert link.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert (link.given_by_name, link.purpose) == (
        "Pat Parent",
        "So Dr Patel can read it before we meet",
    )
    opened = page.get(address)
    assert world.area.thread.outcome.text in opened.text
    assert "2 more times" in opened.text
    assert opened.response["Referrer-Policy"] == "no-referrer"
    event = AuditEvent.objects.get(action=AuditAction.VIEW, url_name="passport-link-view")
    assert (event.child_id, event.person_id, event.object_id) == (world.child.pk, None, link.pk)


def test_the_family_sees_each_look_through_a_link(page: PageClient) -> None:
    world = world_create()
    page.get(_make(page, world, label="Dr Patel"))
    page.sign_in(world.people["parent"])
    log = page.get(f"/children/{world.child.pk}/who-has-looked/").text
    assert "Someone using the link made for Dr Patel" in log


def test_a_link_opens_only_as_many_times_as_agreed(page: PageClient) -> None:
    world = world_create()
    address = _make(page, world, views=1)
    page.get(address)
    closed = _closed(page, address)
    assert LINK_USED_UP in closed
    assert world.area.thread.outcome.text not in closed


def test_a_stopped_link_shows_a_clear_page_at_once(page: PageClient) -> None:
    world = world_create()
    address = _make(page, world)
    link = PassportLink.objects.get()
    page.sign_in(world.people["coordinator"])
    assert "Dr Patel" in page.get(f"/children/{world.child.pk}/passport/").text
    page.post(f"/children/{world.child.pk}/passport/link/{link.pk}/stop/")
    page.sign_out()
    assert LINK_STOPPED in _closed(page, address)
    assert AuditEvent.objects.filter(action=AuditAction.UNSHARE, object_id=link.pk).exists()


def test_a_link_out_of_time_or_made_up_does_not_open(page: PageClient) -> None:
    world = world_create()
    today = timezone.localdate()
    details = LinkDetails("Dr Patel", "To meet", "parent", "Pat Parent", today, today, 5)
    link, token = passport_link_create(
        child=world.child, by=world.people["parent"], details=details
    )
    PassportLink.objects.filter(pk=link.pk).update(expires_at=timezone.now() - dt.timedelta(1))
    assert LINK_EXPIRED in _closed(page, f"/passport/link/{token}/")
    assert LINK_UNKNOWN in page.get(f"/passport/link/{token}x/", status=404).text
    assert not AuditEvent.objects.filter(url_name="passport-link-view").exists()


def test_a_link_cannot_last_longer_than_90_days(page: PageClient) -> None:
    world = world_create()
    page.sign_in(world.people["coordinator"])
    url = f"/children/{world.child.pk}/passport/link/"
    refused = page.post(url, _form(days=91), status=400)
    assert "up to 90 days" in refused.text
    assert not PassportLink.objects.exists()


def test_a_link_preview_does_not_use_up_a_view(page: PageClient) -> None:
    world = world_create()
    address = _make(page, world, views=1)
    assert page.client.head(address).status_code == 200
    assert PassportLink.objects.get().views == 0
    assert not AuditEvent.objects.filter(url_name="passport-link-view").exists()
    assert world.area.thread.outcome.text in page.get(address).text
