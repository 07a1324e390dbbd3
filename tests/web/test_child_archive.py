"""Archiving a whole child: only their EHC coordinator, or an administrator with a reason; archived
records can be found and restored by the same people, with history and audit trail kept."""

from __future__ import annotations

import pytest
from django.utils import timezone

from goldenthread.web.access.models import AuditAction, AuditEvent
from goldenthread.web.access.services import break_glass_open
from goldenthread.web.accounts.models import Role
from goldenthread.web.plans.history import history_rows
from goldenthread.web.plans.models import Child, Plan
from goldenthread.web.plans.services.archiving import (
    ARCHIVE_NEEDS_REASON,
    ARCHIVE_NOT_ALLOWED,
    ArchiveNotAllowedError,
    child_archive,
)
from tests.web import factories
from tests.web.access_world import EMERGENCY_REASON
from tests.web.conftest import PageClient
from tests.web.factories import Area

REASON = "A duplicate record: the family's real record is number 1234."


def archive_url(child: Child) -> str:
    return f"/children/{child.pk}/archive/"


def restore_url(child: Child) -> str:
    return f"/children/{child.pk}/restore/"


def is_archived(child: Child) -> bool:
    return Child.objects.get(pk=child.pk).archived_at is not None


def on_caseload(area: Area, role: str, username: str) -> factories.User:
    person = factories.user_create(role=role, username=username, organisation=area.local_authority)
    factories.relationship_create(child=area.child, person=person)
    return person


def admin_with_break_glass(area: Area) -> factories.User:
    admin = factories.user_create(
        role=Role.ADMINISTRATOR, username="admin", organisation=area.local_authority
    )
    break_glass_open(child=area.child, by=admin, reason=EMERGENCY_REASON)
    return admin


def test_a_teacher_or_therapist_on_the_caseload_is_refused(page: PageClient, area: Area) -> None:
    for role, name in ((Role.EDUCATION, "teacher"), (Role.HEALTH, "therapist")):
        page.sign_in(on_caseload(area, role, name))
        child_page = page.get(f"/children/{area.child.pk}/")
        assert child_page.html.find("a", href=archive_url(area.child)) is None
        refused = page.client.get(archive_url(area.child))
        assert refused.status_code == 403
        refused = page.client.post(archive_url(area.child), {"reason": REASON})
        assert refused.status_code == 403
        assert not is_archived(area.child)
    assert not AuditEvent.objects.filter(action=AuditAction.ARCHIVE).exists()


def test_another_coordinator_on_the_caseload_is_refused(page: PageClient, area: Area) -> None:
    """The plan names its coordinator; a second coordinator on the caseload is not them."""
    page.sign_in(on_caseload(area, Role.COORDINATOR, "second"))
    assert page.client.post(archive_url(area.child), {}).status_code == 403
    assert not is_archived(area.child)


def test_the_coordinator_archives_with_a_confirmation_step(
    coordinator_page: PageClient, area: Area
) -> None:
    child_page = coordinator_page.get(f"/children/{area.child.pk}/")
    assert child_page.html.find("a", href=archive_url(area.child)) is not None
    confirm = coordinator_page.get(archive_url(area.child))
    assert "Check this is the right record" in confirm.text
    assert not is_archived(area.child)  # opening the page changes nothing
    done = coordinator_page.post(archive_url(area.child), {"reason": ""})
    assert done.redirect_url == "/children/archived/"
    assert is_archived(area.child)
    entry = AuditEvent.objects.get(action=AuditAction.ARCHIVE, child_id=area.child.pk)
    assert entry.person == area.coordinator
    coordinator_page.get(f"/children/{area.child.pk}/", status=404)


def test_an_administrator_needs_a_reason(page: PageClient, area: Area) -> None:
    admin = admin_with_break_glass(area)
    page.sign_in(admin)
    refused = page.post(archive_url(area.child), {"reason": ""}, status=400)
    assert ARCHIVE_NEEDS_REASON in refused.text
    refused = page.post(archive_url(area.child), {"reason": "tidying"}, status=400)
    assert not is_archived(area.child)

    page.post(archive_url(area.child), {"reason": REASON})
    assert is_archived(area.child)
    kept = AuditEvent.objects.get(action=AuditAction.ARCHIVE, reason=REASON)
    assert (kept.person, kept.child_id, kept.url_name) == (admin, area.child.pk, "child-archive")


def test_an_administrator_without_emergency_access_cannot_reach_the_record(
    page: PageClient, area: Area
) -> None:
    page.sign_in(
        factories.user_create(
            role=Role.ADMINISTRATOR, username="admin", organisation=area.local_authority
        )
    )
    assert page.client.post(archive_url(area.child), {"reason": REASON}).status_code == 404
    assert not is_archived(area.child)


def test_archived_children_are_listed_for_the_coordinator_and_linked_from_the_caseload(
    coordinator_page: PageClient, area: Area
) -> None:
    caseload = coordinator_page.get("/children/")
    assert caseload.html.find("a", href="/children/archived/") is not None
    coordinator_page.post(archive_url(area.child), {"reason": ""})
    listed = coordinator_page.get("/children/archived/")
    assert area.child.full_name in listed.text
    assert listed.html.find("a", href=restore_url(area.child)) is not None
    assert area.other_child.full_name not in listed.text  # not theirs
    assert area.child.full_name not in coordinator_page.get("/children/").text


def test_the_administrator_lists_archived_records_by_number_only(
    page: PageClient, area: Area
) -> None:
    Child.objects.filter(pk=area.child.pk).update(archived_at=timezone.now())
    page.sign_in(
        factories.user_create(
            role=Role.ADMINISTRATOR, username="admin", organisation=area.local_authority
        )
    )
    listed = page.get("/children/archived/")
    assert listed.html.find("a", href=restore_url(area.child)) is not None
    assert area.child.first_name not in listed.text and area.child.last_name not in listed.text


def test_others_cannot_list_or_restore(page: PageClient, area: Area) -> None:
    Child.objects.filter(pk=area.child.pk).update(archived_at=timezone.now())
    teacher = on_caseload(area, Role.EDUCATION, "teacher")
    page.sign_in(teacher)
    assert page.client.get("/children/archived/").status_code == 403
    assert page.client.post(restore_url(area.child), {}).status_code == 404
    page.sign_in(area.stranger)  # a coordinator, but not this child's
    assert area.child.full_name not in page.get("/children/archived/").text
    assert page.client.post(restore_url(area.child), {}).status_code == 404
    assert is_archived(area.child)


def test_the_coordinator_restores_and_it_is_in_history_and_on_the_trail(
    coordinator_page: PageClient, area: Area
) -> None:
    coordinator_page.post(archive_url(area.child), {"reason": ""})
    confirm = coordinator_page.get(restore_url(area.child))
    assert "Restore" in confirm.text and is_archived(area.child)
    done = coordinator_page.post(restore_url(area.child), {"reason": "Archived by mistake."})
    assert done.redirect_url == f"/children/{area.child.pk}/"
    assert not is_archived(area.child)
    coordinator_page.get(f"/children/{area.child.pk}/")
    assert Plan.objects.filter(child=area.child, archived_at__isnull=True).exists()

    whats = [entry.what for entry in history_rows(Child.objects.get(pk=area.child.pk))]
    assert "Archived" in whats and "Restored" in whats
    trail = AuditEvent.objects.filter(child_id=area.child.pk, person=area.coordinator)
    assert trail.filter(action=AuditAction.ARCHIVE).exists()
    restored = trail.filter(action=AuditAction.UPDATE, url_name="child-restore")
    assert restored.get().reason == "Archived by mistake."


def test_the_administrator_restores_with_a_reason(page: PageClient, area: Area) -> None:
    Child.objects.filter(pk=area.child.pk).update(archived_at=timezone.now())
    admin = factories.user_create(
        role=Role.ADMINISTRATOR, username="admin", organisation=area.local_authority
    )
    page.sign_in(admin)
    confirm = page.get(restore_url(area.child))
    assert f"Restore record {area.child.pk}" in confirm.text
    assert area.child.first_name not in confirm.text
    page.post(restore_url(area.child), {"reason": ""}, status=400)
    assert is_archived(area.child)
    done = page.post(restore_url(area.child), {"reason": REASON})
    assert done.redirect_url == "/children/archived/"
    assert not is_archived(area.child)
    assert AuditEvent.objects.filter(person=admin, url_name="child-restore", reason=REASON).exists()


def test_the_service_refuses_whoever_calls_it(area: Area) -> None:
    teacher = on_caseload(area, Role.EDUCATION, "teacher")
    with pytest.raises(ArchiveNotAllowedError, match=ARCHIVE_NOT_ALLOWED):
        child_archive(child=area.child, by=teacher, reason=REASON)
    assert not is_archived(area.child)
