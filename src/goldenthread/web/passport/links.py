"""Read-only links to a passport with a secret token: made with the family's agreement, for a
time and a number of views, stopped at once. Only a SHA-256 hash of the token is stored (the
token is 256 random bits, so a plain hash cannot be guessed back); the link is shown once.
Every open is written to the audit trail, which the family sees in "who has looked".
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from goldenthread.web.access.audit import audit_event_record
from goldenthread.web.access.models import AuditAction
from goldenthread.web.access.services import AccessRuleError
from goldenthread.web.accounts.models import User
from goldenthread.web.passport.models import PassportLink
from goldenthread.web.plans.models import Child

LINK_OBJECT = "passportlink"
LINK_VIEW_ROUTE = "passport-link-view"
CONSENT_IN_FUTURE = "The day they agreed must be today or in the past"
ALREADY_STOPPED = "This link was already stopped"
LINK_UNKNOWN = "This link does not work. Check you copied all of it, or ask for a new one."
LINK_STOPPED = "This link was stopped by the family or their coordinator. Ask them for a new one."
LINK_EXPIRED = "This link has run out of time. Ask the family or their coordinator for a new one."
LINK_USED_UP = "This link has been opened as many times as allowed. Ask for a new one."


class LinkClosedError(Exception):
    """The link cannot show the passport; the message says why, in plain words."""

    def __init__(self, message: str, *, known: bool) -> None:
        self.known = known
        super().__init__(message)


@dataclass(frozen=True)
class LinkDetails:
    label: str
    purpose: str
    given_by: str
    given_by_name: str
    given_on: dt.date
    expires_on: dt.date
    max_views: int


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _end_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.max))


def passport_link_create(
    *, child: Child, by: User, details: LinkDetails
) -> tuple[PassportLink, str]:
    """Make a link and return it with its token (shown once, never stored)."""
    if details.given_on > timezone.localdate():
        raise AccessRuleError(CONSENT_IN_FUTURE)
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        link = PassportLink.objects.create(
            child=child,
            label=details.label.strip(),
            token_hash=token_hash(token),
            expires_at=_end_of(details.expires_on),
            max_views=details.max_views,
            given_by=details.given_by,
            given_by_name=details.given_by_name.strip(),
            given_on=details.given_on,
            purpose=details.purpose.strip(),
            created_by=by,
        )
        audit_event_record(
            person=by,
            action=AuditAction.SHARE,
            child_id=child.pk,
            object_type=LINK_OBJECT,
            object_id=link.pk,
            url_name="passport-link",
            reason=link.purpose,
        )
    return link, token


def passport_link_revoke(*, link: PassportLink, by: User) -> None:
    """Stop a link at once."""
    with transaction.atomic():
        stopped = PassportLink.objects.filter(pk=link.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now(), revoked_by=by
        )
        if not stopped:
            raise AccessRuleError(ALREADY_STOPPED)
        audit_event_record(
            person=by,
            action=AuditAction.UNSHARE,
            child_id=link.child_id,
            object_type=LINK_OBJECT,
            object_id=link.pk,
            url_name="passport-link-stop",
        )


def passport_link_open(*, token: str, person: User | None) -> PassportLink:
    """Count and log one look through a link, or raise ``LinkClosedError`` saying why not."""
    with transaction.atomic():
        link = PassportLink.objects.select_for_update().filter(token_hash=token_hash(token)).first()
        if link is None:
            raise LinkClosedError(LINK_UNKNOWN, known=False)
        if link.revoked_at is not None:
            raise LinkClosedError(LINK_STOPPED, known=True)
        if link.expires_at <= timezone.now():
            raise LinkClosedError(LINK_EXPIRED, known=True)
        if link.views >= link.max_views:
            raise LinkClosedError(LINK_USED_UP, known=True)
        PassportLink.objects.filter(pk=link.pk).update(views=F("views") + 1)
        link.views += 1
        audit_event_record(
            person=person,
            action=AuditAction.VIEW,
            child_id=link.child_id,
            object_type=LINK_OBJECT,
            object_id=link.pk,
            url_name=LINK_VIEW_ROUTE,
        )
    return link


def links_current(child: Child) -> QuerySet[PassportLink]:
    """Links that have not been stopped or run out of time (some may be used up)."""
    return PassportLink.objects.filter(
        child=child, revoked_at__isnull=True, expires_at__gt=timezone.now()
    ).order_by("expires_at", "pk")
