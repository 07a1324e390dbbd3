"""In-app notifications, each person's e-mail choice, and the e-mail outbox.

A notification is made once per event: its ``key`` is unique, so running a daily check twice,
or a save that fires twice, never makes a second one. An e-mail row has an idempotency key too
(unique), and is claimed before sending, so nothing is sent twice (ADR 0024).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from goldenthread.web.notifications.kinds import EmailChoice, EmailStatus, NoticeKind


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=32, choices=NoticeKind.choices)
    key = models.CharField(max_length=200, unique=True, editable=False)
    # In-app words may name the child: they are shown only to the signed-in recipient.
    text = models.CharField(max_length=300)
    link = models.CharField(max_length=200, blank=True)
    child = models.ForeignKey(
        "plans.Child", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    in_digest_on = models.DateField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notice_unread"),
            models.Index(fields=["in_digest_on", "created_at"], name="notice_digest"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} for person {self.recipient_id}"


class EmailPreference(models.Model):
    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_preference"
    )
    choice = models.CharField(max_length=8, choices=EmailChoice.choices, default=EmailChoice.NOW)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.choice} for person {self.person_id}"


class OutboundEmail(models.Model):
    """One e-mail to one person: what kinds of thing it tells of, and how sending went."""

    idempotency_key = models.CharField(max_length=200, unique=True)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    address = models.EmailField()
    template = models.CharField(max_length=16)  # "now" or "digest"
    kinds = models.JSONField(default=list)  # NoticeKind values, never a name
    status = models.CharField(
        max_length=8, choices=EmailStatus.choices, default=EmailStatus.WAITING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField()
    last_error = models.CharField(max_length=300, blank=True)
    provider_reference = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="email_due")]

    def __str__(self) -> str:
        return f"E-mail {self.pk} ({self.status})"
