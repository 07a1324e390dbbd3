"""Notifications and e-mail against real servers on loopback: aiosmtpd for SMTP and a stand-in
GOV.UK Notify API driven by the official client. No child's name ever goes in an e-mail."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any
from unittest import mock

import pytest
from django.utils import timezone

from goldenthread.web.accounts.models import OrganisationKind, Role, User
from goldenthread.web.notifications.kinds import EmailChoice, EmailStatus, NoticeKind
from goldenthread.web.notifications.models import Notification, OutboundEmail
from goldenthread.web.notifications.services import (
    digest_send,
    email_choice_set,
    emails_send_due,
    notification_create,
)
from goldenthread.web.plans.models import ContributionStatus, Provision
from goldenthread.web.plans.services.common import record_save
from goldenthread.web.plans.services.contributions import contribution_decide, contribution_fields
from tests.web import factories
from tests.web.factories import Area
from tests.web.mail_servers import REFUSED, Inbox, NotifyStandIn, notify_start, smtp_start

API_KEY = "test-" + "1" * 36 + "-" + "2" * 36


@pytest.fixture
def inbox(settings: Any) -> Iterator[Inbox]:
    controller, inbox, port = smtp_start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.NOTIFICATIONS_EMAIL_SENDER = "smtp"
    yield inbox
    controller.stop()


@pytest.fixture
def notify(settings: Any) -> Iterator[NotifyStandIn]:
    server, state, port = notify_start()
    settings.NOTIFICATIONS_EMAIL_SENDER = "notify"
    settings.NOTIFY_API_KEY = API_KEY
    settings.NOTIFY_BASE_URL = f"http://127.0.0.1:{port}"
    settings.NOTIFY_TEMPLATES = {"now": "template-now", "digest": "template-digest"}
    yield state
    server.shutdown()


@pytest.fixture
def therapist(area: Area) -> User:
    health = factories.organisation_create(name="Therapy", kind=OrganisationKind.HEALTH)
    person = factories.user_create(role=Role.HEALTH, username="therapist", organisation=health)
    factories.relationship_create(child=area.child, person=person)
    User.objects.filter(pk=person.pk).update(email="therapist@example.org")
    User.objects.filter(pk=area.coordinator.pk).update(email="coordinator@example.org")
    person.refresh_from_db()
    area.coordinator.refresh_from_db()
    return person


def propose(area: Area, therapist: User) -> Provision:
    plan = area.thread.plan
    part = Provision(plan=plan, position=9, domain="health", description="Speech therapy weekly")
    fields = contribution_fields(part, plan=plan, user=therapist)
    return record_save(part, user=therapist, fields=fields)


def test_a_proposal_emails_the_coordinator_once_without_the_childs_name(
    area: Area,
    therapist: User,
    inbox: Inbox,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        part = propose(area, therapist)
    assert part.contribution_status == ContributionStatus.PROPOSED
    assert len(inbox.messages) == 1
    message = inbox.messages[0]
    assert message["to"] == ["coordinator@example.org"]
    assert "A contribution is waiting for your decision" in message["data"]
    assert "http://127.0.0.1:8000/" in message["data"]
    for personal in (area.child.first_name, area.child.last_name, "Speech therapy"):
        assert personal not in message["data"]
    email = OutboundEmail.objects.get()
    assert email.status == EmailStatus.SENT
    # The same event again, and the outbox run again: nothing more is sent.
    notice = Notification.objects.get(recipient=area.coordinator)
    assert (
        notification_create(
            recipient=area.coordinator,
            kind=NoticeKind.CONTRIBUTION_WAITING,
            key=notice.key,
            text="x",
        )
        is None
    )
    assert emails_send_due().sent == 0
    assert len(inbox.messages) == 1


def test_a_returned_part_tells_its_author_and_clears_the_coordinators_notice(
    area: Area,
    therapist: User,
    inbox: Inbox,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        part = propose(area, therapist)
        contribution_decide(
            part, plan=area.thread.plan, user=area.coordinator, accept=False, comment="How often?"
        )
    assert [m["to"] for m in inbox.messages] == [
        ["coordinator@example.org"],
        ["therapist@example.org"],
    ]
    assert "sent back with a comment" in inbox.messages[1]["data"]
    assert not Notification.objects.filter(recipient=area.coordinator, read_at__isnull=True)
    assert Notification.objects.get(recipient=therapist).kind == NoticeKind.PART_RETURNED


def test_a_refused_address_is_recorded_as_bounced_and_not_retried(
    area: Area,
    therapist: User,
    inbox: Inbox,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    User.objects.filter(pk=area.coordinator.pk).update(email=REFUSED)
    area.coordinator.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        propose(area, therapist)
    email = OutboundEmail.objects.get()
    assert email.status == EmailStatus.BOUNCED
    assert "refused" in email.last_error
    assert emails_send_due().sent == 0
    assert inbox.messages == []


def test_a_failed_send_is_retried_later_and_sent_once(
    area: Area,
    therapist: User,
    settings: Any,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    controller, inbox, port = smtp_start()
    controller.stop()  # nobody listens: the first try fails
    settings.EMAIL_PORT = port
    with django_capture_on_commit_callbacks(execute=True):
        propose(area, therapist)
    email = OutboundEmail.objects.get()
    assert (email.status, email.attempts) == (EmailStatus.FAILED, 1)
    assert emails_send_due().sent == 0  # not due yet
    controller, inbox, port = smtp_start()
    settings.EMAIL_PORT = port
    later = timezone.now() + dt.timedelta(minutes=6)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert emails_send_due().sent == 1
        assert emails_send_due().sent == 0
    controller.stop()
    email.refresh_from_db()
    assert (email.status, email.attempts) == (EmailStatus.SENT, 2)
    assert len(inbox.messages) == 1


def test_notify_gets_the_template_id_a_reference_and_no_name(
    area: Area,
    therapist: User,
    notify: NotifyStandIn,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        propose(area, therapist)
    [request] = notify.requests
    assert request["path"] == "/v2/notifications/email"
    assert request["auth"].startswith("Bearer ")
    body = request["json"]
    assert body["template_id"] == "template-now"
    assert body["email_address"] == "coordinator@example.org"
    email = OutboundEmail.objects.get()
    assert body["reference"] == email.idempotency_key
    assert area.child.first_name not in str(body)
    assert (email.status, email.provider_reference) == (EmailStatus.SENT, "notify-1")


def test_notify_failures_retry_and_bounces_stop(
    area: Area,
    therapist: User,
    notify: NotifyStandIn,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    notify.failing = True
    with django_capture_on_commit_callbacks(execute=True):
        propose(area, therapist)
    email = OutboundEmail.objects.get()
    assert email.status == EmailStatus.FAILED
    notify.failing = False
    with mock.patch(
        "django.utils.timezone.now", return_value=timezone.now() + dt.timedelta(minutes=6)
    ):
        assert emails_send_due().sent == 1
    User.objects.filter(pk=area.coordinator.pk).update(email=REFUSED)
    area.coordinator.refresh_from_db()
    notification_create(
        recipient=area.coordinator, kind=NoticeKind.PLAN_READY, key="ready:test", text="x"
    )
    assert emails_send_due().bounced == 1
    assert OutboundEmail.objects.filter(status=EmailStatus.BOUNCED).count() == 1


def test_the_daily_digest_sends_one_email_a_day(
    area: Area,
    therapist: User,
    inbox: Inbox,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    email_choice_set(person=area.coordinator, choice=EmailChoice.DIGEST)
    with django_capture_on_commit_callbacks(execute=True):
        propose(area, therapist)
    assert inbox.messages == []  # not now: in the digest
    today = timezone.localdate()
    assert digest_send(day=today) == 1
    assert digest_send(day=today) == 0
    [message] = inbox.messages
    assert "what is waiting for you today" in message["data"]
    assert area.child.first_name not in message["data"]


def test_the_email_choice_page_saves_the_choice(coordinator_page: Any, area: Area) -> None:
    coordinator_page.get("/account/emails/")
    coordinator_page.post("/account/emails/", {"choice": "digest"})
    assert area.coordinator.email_preference.choice == EmailChoice.DIGEST
    coordinator_page.post("/account/emails/", {"choice": "sometimes"}, status=400)
