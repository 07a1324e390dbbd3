"""Where e-mail goes: GOV.UK Notify (its official client, templates by id) or SMTP (Django's
e-mail), chosen by the ``NOTIFICATIONS_EMAIL_SENDER`` setting. Both sit behind one small
interface so the outbox neither knows nor cares which is used (ADR 0024).

A sender raises ``PermanentSendError`` when trying again cannot help (the address was refused,
Notify said the request was wrong), and ``TemporarySendError`` for anything that may pass.
"""

from __future__ import annotations

import smtplib
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.core.mail import EmailMessage


class TemporarySendError(Exception):
    """Sending failed, and may work later: the outbox tries again."""


class PermanentSendError(Exception):
    """The message can never be delivered as it is (a bounce): the outbox stops trying."""


@dataclass(frozen=True)
class OutgoingEmail:
    address: str
    template: str  # "now" or "digest"
    subject: str
    body: str
    reference: str  # the outbox's idempotency key
    personalisation: dict[str, str]


class EmailSender(Protocol):
    def send(self, email: OutgoingEmail) -> str:
        """Send one e-mail; return the provider's reference for it (or "")."""


class SmtpSender:
    """Django's e-mail (``EMAIL_HOST`` and friends in docs/settings.md)."""

    def send(self, email: OutgoingEmail) -> str:
        message = EmailMessage(
            subject=email.subject,
            body=email.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[email.address],
            headers={"X-Golden-Thread-Reference": email.reference},
        )
        try:
            message.send(fail_silently=False)
        except smtplib.SMTPRecipientsRefused as refused:
            raise PermanentSendError(f"address refused by the mail server: {refused}") from refused
        except (smtplib.SMTPException, OSError) as problem:
            raise TemporarySendError(f"{type(problem).__name__}: {problem}") from problem
        return ""


class NotifySender:
    """GOV.UK Notify through ``notifications_python_client``; one template id per kind of e-mail.

    The templates hold the words; we send only ``kinds`` (what waits, no names) and ``link``.
    """

    def __init__(self, *, api_key: str, base_url: str, templates: dict[str, str]) -> None:
        from notifications_python_client.notifications import NotificationsAPIClient

        self.client = NotificationsAPIClient(api_key, base_url=base_url, timeout=10)  # type: ignore[no-untyped-call]
        self.templates = templates

    def send(self, email: OutgoingEmail) -> str:
        from notifications_python_client.errors import HTTPError

        try:
            response = self.client.send_email_notification(  # type: ignore[no-untyped-call]
                email_address=email.address,
                template_id=self.templates[email.template],
                personalisation=email.personalisation,
                reference=email.reference,
            )
        except HTTPError as error:
            # 400 and 403: the request or address is wrong, and will stay wrong; 429 and 5xx pass.
            if error.status_code in {400, 403}:
                raise PermanentSendError(f"Notify {error.status_code}: {error.message}") from error
            raise TemporarySendError(f"Notify {error.status_code}: {error.message}") from error
        return str(response.get("id", ""))


def email_sender() -> EmailSender:
    """The sender the settings choose."""
    if settings.NOTIFICATIONS_EMAIL_SENDER == "notify":
        return NotifySender(
            api_key=settings.NOTIFY_API_KEY,
            base_url=settings.NOTIFY_BASE_URL,
            templates=settings.NOTIFY_TEMPLATES,
        )
    return SmtpSender()
