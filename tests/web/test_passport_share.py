"""Sharing the passport with consent: who may share, what is recorded, and stopping at once."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from goldenthread.web.access.models import AuditAction, AuditEvent, ChildShare
from goldenthread.web.access.policy import child_access
from goldenthread.web.accounts.models import Role, User
from goldenthread.web.passport.forms import CHOOSE_ONE
from goldenthread.web.passport.models import ConsentGivenBy, PassportConsent
from goldenthread.web.passport.services import PERSON_NOT_FOUND
from tests.web import factories
from tests.web.access_world import World, world_create
from tests.web.conftest import PageClient

pytestmark = pytest.mark.django_db


def _form(who: str, *, ends_in_days: int = 30, **extra: str) -> dict[str, str]:
    today = timezone.localdate()
    ends = today + dt.timedelta(days=ends_in_days)
    return {
        "person": who,
        "organisation": "",
        "purpose": "So the new physio can get to know me.",
        "given_by": ConsentGivenBy.PARENT,
        "given_by_name": "Pat Parent",
        "given_on-day": str(today.day),
        "given_on-month": str(today.month),
        "given_on-year": str(today.year),
        "ends_on-day": str(ends.day),
        "ends_on-month": str(ends.month),
        "ends_on-year": str(ends.year),
        **extra,
    }


def _physio(world: World) -> User:
    health = world.people["therapist"].organisation
    return factories.user_create(
        role=Role.HEALTH, username="physio", organisation=health, first_name="Phil"
    )


def test_a_parent_shares_with_a_named_professional_with_consent(page: PageClient) -> None:
    world = world_create()
    physio = _physio(world)
    assert not child_access(physio, world.child.pk).can_read
    page.sign_in(world.people["parent"])
    url = f"/children/{world.child.pk}/passport/share/"
    page.get(url)
    done = page.post(url, _form("PHYSIO"))
    assert done.redirect_url == f"/children/{world.child.pk}/passport/"
    share = ChildShare.objects.get(shared_with_person=physio)
    consent = PassportConsent.objects.get(share=share)
    assert (consent.given_by_name, consent.given_on) == ("Pat Parent", timezone.localdate())
    assert share.ends_on == timezone.localdate() + dt.timedelta(days=30)
    assert child_access(physio, world.child.pk).can_read
    listing = page.follow(done).text
    assert "Phil" in listing and "Agreed by Pat Parent" in listing
    assert AuditEvent.objects.filter(action=AuditAction.SHARE, object_id=share.pk).exists()


def test_stop_sharing_ends_access_at_once(page: PageClient) -> None:
    world = world_create()
    therapist = world.people["therapist"]
    share = ChildShare.objects.get(shared_with_person=therapist)
    page.sign_in(world.people["parent"])
    page.post(f"/children/{world.child.pk}/passport/share/{share.pk}/stop/")
    assert not child_access(therapist, world.child.pk).can_read
    page.sign_in(therapist)
    page.get(f"/children/{world.child.pk}/passport/", status=404)
    assert AuditEvent.objects.filter(action=AuditAction.UNSHARE, object_id=share.pk).exists()


def test_only_professionals_in_the_area_can_be_found(page: PageClient) -> None:
    world = world_create()
    elsewhere = factories.local_authority_create(name="Eastshire Council")
    factories.user_create(role=Role.HEALTH, username="faraway", organisation=elsewhere)
    page.sign_in(world.area.coordinator)
    url = f"/children/{world.child.pk}/passport/share/"
    for who in ("faraway", "parent", "nobody"):
        assert PERSON_NOT_FOUND in page.post(url, _form(who), status=400).text
    assert CHOOSE_ONE in page.post(url, _form(""), status=400).text


def test_sharing_must_end_within_a_year(page: PageClient) -> None:
    world = world_create()
    _physio(world)
    page.sign_in(world.area.coordinator)
    url = f"/children/{world.child.pk}/passport/share/"
    page.post(url, _form("physio", ends_in_days=400), status=400)
    page.post(url, _form("physio", ends_in_days=-1), status=400)
    assert not PassportConsent.objects.exists()


def test_a_therapist_with_a_share_reads_but_cannot_share(page: PageClient) -> None:
    world = world_create()
    page.sign_in(world.people["therapist"])
    text = page.get(f"/children/{world.child.pk}/passport/").text
    assert world.area.thread.outcome.text in text
    assert "Stop sharing" not in text
    page.get(f"/children/{world.child.pk}/passport/share/", status=403)
