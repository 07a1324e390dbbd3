"""Sharing, emergency access and the young person's choice: the services and their refusals."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from goldenthread.web.access import services
from goldenthread.web.access.forms import CHOOSE_WHAT_PARENTS_SEE
from goldenthread.web.access.models import AuditAction, AuditEvent, BreakGlass, ParentsCanSee
from goldenthread.web.access.policy import child_access
from goldenthread.web.access.services import AccessRuleError
from goldenthread.web.plans.models import Child
from tests.web.access_world import world_create
from tests.web.conftest import PageClient

pytestmark = pytest.mark.django_db


def test_a_share_is_logged_with_its_reason_and_ends_when_revoked() -> None:
    world = world_create()
    stranger = world.people["stranger"]
    share = services.share_grant(
        child=world.child, by=world.area.coordinator, person=stranger, reason="Covering a review"
    )
    assert child_access(stranger, world.child.pk).can_read
    event = AuditEvent.objects.get(action=AuditAction.SHARE)
    assert (event.child_id, event.reason, event.object_id) == (
        world.child.pk, "Covering a review", share.pk,
    )  # fmt: skip
    services.share_revoke(share=share, by=world.area.coordinator)
    assert not child_access(stranger, world.child.pk).can_read
    assert AuditEvent.objects.filter(action=AuditAction.UNSHARE, object_id=share.pk).exists()
    with pytest.raises(AccessRuleError, match=services.SHARE_ALREADY_ENDED):
        services.share_revoke(share=share, by=world.area.coordinator)


def test_a_share_lasts_only_from_its_first_to_its_last_day() -> None:
    world = world_create()
    stranger, today = world.people["stranger"], timezone.localdate()
    services.share_grant(
        child=world.child, by=world.area.coordinator, person=stranger, reason="Summer scheme",
        starts_on=today + dt.timedelta(days=1), ends_on=today + dt.timedelta(days=5),
    )  # fmt: skip
    assert not child_access(stranger, world.child.pk).can_read
    assert child_access(stranger, world.child.pk, on=today + dt.timedelta(days=5)).can_read
    assert not child_access(stranger, world.child.pk, on=today + dt.timedelta(days=6)).can_read


@pytest.mark.parametrize(
    ("who", "kwargs", "message"),
    [
        ("therapist", {"reason": "x"}, services.SHARE_NOT_ALLOWED),
        ("coordinator", {"reason": "x", "to_both": True}, services.SHARE_ONE_RECIPIENT),
        ("coordinator", {"reason": "  "}, services.SHARE_NEEDS_REASON),
        ("coordinator", {"reason": "x", "ends_on": -1}, services.SHARE_ENDS_BEFORE_START),
    ],
)
def test_shares_that_are_refused(who: str, kwargs: dict[str, object], message: str) -> None:
    world = world_create()
    by = world.people[who]
    to_both = kwargs.pop("to_both", False)
    ends = kwargs.pop("ends_on", None)
    with pytest.raises(AccessRuleError, match=message):
        services.share_grant(
            child=world.child, by=by, person=world.people["stranger"],
            organisation=world.area.school if to_both else None,
            ends_on=timezone.localdate() + dt.timedelta(days=ends) if ends else None,
            reason=str(kwargs["reason"]),
        )  # fmt: skip
    assert not AuditEvent.objects.filter(action=AuditAction.SHARE).exists()


def test_emergency_access_is_read_only_short_and_logged(page: PageClient) -> None:
    world = world_create()
    admin = world.people["admin"]
    page.sign_in(admin)
    url = f"/children/{world.child.pk}/emergency-access/"
    refused = page.post(url, {"reason": "Because"}, status=400)
    assert services.BREAK_GLASS_NEEDS_REASON in refused.text
    page.post(url, {"reason": "A court asked for the record by Friday, case 1234."})
    page.get(f"/children/{world.child.pk}/")
    page.get(f"/children/{world.child.pk}/edit/", status=403)
    grant = BreakGlass.objects.get(person=admin)
    assert grant.expires_at - grant.opened_at == dt.timedelta(minutes=60)
    assert AuditEvent.objects.get(action=AuditAction.BREAK_GLASS).reason.startswith("A court")
    BreakGlass.objects.filter(pk=grant.pk).update(expires_at=timezone.now())
    page.get(f"/children/{world.child.pk}/", status=404)


def test_only_administrators_open_a_record_in_an_emergency() -> None:
    world = world_create()
    with pytest.raises(AccessRuleError, match=services.BREAK_GLASS_ADMINISTRATORS_ONLY):
        services.break_glass_open(
            child=world.child, by=world.people["dpo"], reason="x" * services.BREAK_GLASS_MIN_REASON
        )


def test_the_young_person_chooses_what_their_parents_see(page: PageClient) -> None:
    world = world_create()
    parent, young_person = world.people["parent"], world.people["young_person"]
    page.sign_in(young_person)
    url = f"/children/{world.child.pk}/what-parents-see/"
    assert CHOOSE_WHAT_PARENTS_SEE in page.post(url, {}, status=400).text
    page.post(url, {"parents_can_see": ParentsCanSee.NOTHING})
    assert not child_access(parent, world.child.pk).can_read
    assert AuditEvent.objects.filter(action=AuditAction.PRIVACY, person=young_person).exists()
    page.sign_in(parent)
    page.get(f"/children/{world.child.pk}/", status=404)
    page.get(url, status=404)


def test_under_16_the_choice_is_not_theirs_yet() -> None:
    world = world_create()
    Child.objects.filter(pk=world.child.pk).update(date_of_birth=dt.date(2015, 1, 1))
    world.child.refresh_from_db()
    with pytest.raises(AccessRuleError, match=services.PRIVACY_FROM_16):
        services.child_privacy_set(
            child=world.child, by=world.people["young_person"], parents_can_see="nothing"
        )
    with pytest.raises(AccessRuleError, match=services.PRIVACY_YOUNG_PERSON_ONLY):
        services.child_privacy_set(
            child=world.child, by=world.people["parent"], parents_can_see="nothing"
        )
