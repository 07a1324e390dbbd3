"""Writes: make a notification (once), queue its e-mail by the person's choice, send the outbox.

``notification_create`` is idempotent on its key. An e-mail "now" is queued with the key
``now:<notification key>`` and sent when the saving transaction commits; a digest has the key
``digest:<person>:<day>``. Each send first claims the row (waiting or failed -> sending) with one
conditional update, so two workers never send the same e-mail (ADR 0024).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from goldenthread.web.accounts.models import User
from goldenthread.web.notifications.kinds import (
    DIGEST_SUBJECT,
    EMAIL_SUBJECT,
    EmailChoice,
    EmailStatus,
    NoticeKind,
)
from goldenthread.web.notifications.models import EmailPreference, Notification, OutboundEmail
from goldenthread.web.notifications.senders import (
    EmailSender,
    OutgoingEmail,
    PermanentSendError,
    TemporarySendError,
    email_sender,
)

logger = logging.getLogger(__name__)
FIRST_RETRY = dt.timedelta(minutes=5)


def email_choice_of(person: User) -> str:
    stored = EmailPreference.objects.filter(person=person).values_list("choice", flat=True)
    return str(stored.first() or EmailChoice.NOW)


def email_choice_set(*, person: User, choice: str) -> EmailPreference:
    preference, _ = EmailPreference.objects.update_or_create(
        person=person, defaults={"choice": EmailChoice(choice)}
    )
    return preference


def notification_create(
    *,
    recipient: User,
    kind: NoticeKind,
    key: str,
    text: str,
    link: str = "",
    child_id: int | None = None,
) -> Notification | None:
    """One in-app notification for one event; None when the event was already notified."""
    if Notification.objects.filter(key=key).exists():
        return None
    try:
        with transaction.atomic():
            notice = Notification.objects.create(
                recipient=recipient,
                kind=kind,
                key=key,
                text=text[:300],
                link=link,
                child_id=child_id,
            )
    except IntegrityError:  # made by someone else between the check and the insert
        return None
    if recipient.email and recipient.is_active and email_choice_of(recipient) == EmailChoice.NOW:
        email = email_queue(
            recipient=recipient, key=f"now:{key}", template="now", kinds=[str(kind)]
        )
        if email is not None:
            transaction.on_commit(lambda: email_send(email_id=email.pk))
    return notice


def email_queue(
    *, recipient: User, key: str, template: str, kinds: list[str]
) -> OutboundEmail | None:
    """A row in the outbox; None when one with this key exists (it is never sent twice)."""
    email, made = OutboundEmail.objects.get_or_create(
        idempotency_key=key,
        defaults={
            "recipient": recipient,
            "address": recipient.email,
            "template": template,
            "kinds": kinds,
            "next_attempt_at": timezone.now(),
        },
    )
    return email if made else None


def email_words(email: OutboundEmail) -> OutgoingEmail:
    """The e-mail: the kinds of thing that wait and a link to sign in. Never a name."""
    labels = [str(NoticeKind(kind).label) for kind in email.kinds]
    link = f"{settings.SERVICE_URL}/"
    lines = "\n".join(f"- {label}" for label in labels)
    body = (
        f"Something is waiting for you in Golden Thread:\n\n{lines}\n\n"
        f"Sign in to see it: {link}\n\n"
        "We do not put names or details in emails. You can choose how often we email you "
        "on the 'Emails' page when you sign in."
    )
    return OutgoingEmail(
        address=email.address,
        template=email.template,
        subject=DIGEST_SUBJECT if email.template == "digest" else EMAIL_SUBJECT,
        body=body,
        reference=email.idempotency_key,
        personalisation={"what": lines, "link": link},
    )


def _claim(email_id: int, now: dt.datetime) -> bool:
    ready = Q(status=EmailStatus.WAITING) | Q(status=EmailStatus.FAILED, next_attempt_at__lte=now)
    return bool(OutboundEmail.objects.filter(ready, pk=email_id).update(status=EmailStatus.SENDING))


def email_send(*, email_id: int, sender: EmailSender | None = None) -> str:
    """Send one e-mail if it is waiting (or due a retry); record what happened."""
    now = timezone.now()
    if not _claim(email_id, now):
        return "skipped"
    email = OutboundEmail.objects.get(pk=email_id)
    email.attempts += 1
    try:
        email.provider_reference = (sender or email_sender()).send(email_words(email))
    except PermanentSendError as bounce:
        email.status, email.last_error = EmailStatus.BOUNCED, str(bounce)[:300]
    except TemporarySendError as problem:
        email.last_error = str(problem)[:300]
        if email.attempts >= settings.NOTIFICATIONS_EMAIL_MAX_ATTEMPTS:
            email.status = EmailStatus.GAVE_UP
        else:
            email.status = EmailStatus.FAILED
            email.next_attempt_at = now + FIRST_RETRY * 2 ** (email.attempts - 1)
    else:
        email.status, email.sent_at, email.last_error = EmailStatus.SENT, now, ""
    email.save()
    if email.status != EmailStatus.SENT:
        logger.warning("e-mail %s: %s (attempt %s)", email.pk, email.status, email.attempts)
    return str(email.status)


@dataclass
class SendCounts:
    sent: int = 0
    failed: int = 0
    bounced: int = 0


def emails_send_due(*, sender: EmailSender | None = None) -> SendCounts:
    """Send every e-mail waiting or due a retry (the job runner calls this every few minutes)."""
    now, counts = timezone.now(), SendCounts()
    due = OutboundEmail.objects.filter(
        Q(status=EmailStatus.WAITING) | Q(status=EmailStatus.FAILED, next_attempt_at__lte=now)
    ).values_list("pk", flat=True)
    chosen = sender or email_sender()
    for email_id in list(due):
        outcome = email_send(email_id=email_id, sender=chosen)
        if outcome == EmailStatus.SENT:
            counts.sent += 1
        elif outcome == EmailStatus.BOUNCED:
            counts.bounced += 1
        elif outcome != "skipped":
            counts.failed += 1
    return counts


def digest_send(*, day: dt.date, sender: EmailSender | None = None) -> int:
    """One e-mail for each person who chose a daily digest and has new notifications.

    Notifications are taken into the digest once (``in_digest_on``); the e-mail's key is the
    person and the day, so running the digest twice on one day sends nothing more.
    """
    people = EmailPreference.objects.filter(choice=EmailChoice.DIGEST).values_list(
        "person_id", flat=True
    )
    queued: list[int] = []
    for person in User.objects.filter(pk__in=people, is_active=True).exclude(email=""):
        with transaction.atomic():
            new = Notification.objects.select_for_update().filter(
                recipient=person, in_digest_on__isnull=True, read_at__isnull=True
            )
            kinds = sorted(set(new.values_list("kind", flat=True)))
            if not kinds:
                continue
            email = email_queue(
                recipient=person, key=f"digest:{person.pk}:{day}", template="digest", kinds=kinds
            )
            new.update(in_digest_on=day)
        if email is not None:
            queued.append(email.pk)
    for email_id in queued:
        email_send(email_id=email_id, sender=sender)
    return len(queued)


def notifications_mark_read(*, person: User) -> int:
    return Notification.objects.filter(recipient=person, read_at__isnull=True).update(
        read_at=timezone.now()
    )
