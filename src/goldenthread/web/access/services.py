"""Writes: sharing a record, emergency access, teams and the young person's choice.

Each is logged on the audit trail with its reason. Error messages are constants the tests import.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from goldenthread.web.access.audit import audit_event_record
from goldenthread.web.access.models import (
    AuditAction,
    BreakGlass,
    ChildPrivacy,
    ChildShare,
    ParentsCanSee,
    Team,
)
from goldenthread.web.access.policy import child_access
from goldenthread.web.accounts.models import Organisation, Role, User
from goldenthread.web.plans.models import Child

SHARE_NOT_ALLOWED = "You cannot share this record"
SHARE_ONE_RECIPIENT = "Choose one person or one organisation to share the record with"
SHARE_NEEDS_REASON = "Say why you are sharing the record"
SHARE_ENDS_BEFORE_START = "The last day of sharing must be on or after the first day"
SHARE_ALREADY_ENDED = "This share has already ended"
BREAK_GLASS_ADMINISTRATORS_ONLY = "Only an administrator can open a record in an emergency"
BREAK_GLASS_NEEDS_REASON = "Say why you need to open this record, in at least 20 characters"
BREAK_GLASS_MIN_REASON = 20
PRIVACY_YOUNG_PERSON_ONLY = "Only the young person can choose what their parents see"
PRIVACY_FROM_16 = "You can choose what your parents see from your 16th birthday"
YOUNG_PERSON_AGE = 16


class AccessRuleError(Exception):
    """A request the access rules refuse; the message is for the person who asked."""


def share_grant(
    *,
    child: Child,
    by: User,
    reason: str,
    person: User | None = None,
    organisation: Organisation | None = None,
    starts_on: dt.date | None = None,
    ends_on: dt.date | None = None,
) -> ChildShare:
    """Share a child's record with one person or one organisation, for a reason and a time."""
    if not child_access(by, child.pk).can_share:
        raise AccessRuleError(SHARE_NOT_ALLOWED)
    if (person is None) == (organisation is None):
        raise AccessRuleError(SHARE_ONE_RECIPIENT)
    if not reason.strip():
        raise AccessRuleError(SHARE_NEEDS_REASON)
    starts_on = starts_on or timezone.localdate()
    if ends_on is not None and ends_on < starts_on:
        raise AccessRuleError(SHARE_ENDS_BEFORE_START)
    with transaction.atomic():
        share = ChildShare.objects.create(
            child=child,
            shared_by=by,
            shared_with_person=person,
            shared_with_organisation=organisation,
            reason=reason.strip(),
            starts_on=starts_on,
            ends_on=ends_on,
        )
        audit_event_record(
            person=by,
            action=AuditAction.SHARE,
            child_id=child.pk,
            object_type="childshare",
            object_id=share.pk,
            reason=share.reason,
        )
    return share


def share_revoke(*, share: ChildShare, by: User) -> ChildShare:
    """End a share now. The share stays on record, marked as ended by this person."""
    if not child_access(by, share.child_id).can_share and share.shared_by_id != by.pk:
        raise AccessRuleError(SHARE_NOT_ALLOWED)
    if share.revoked_at is not None:
        raise AccessRuleError(SHARE_ALREADY_ENDED)
    with transaction.atomic():
        share.revoked_at = timezone.now()
        share.revoked_by = by
        share.save(update_fields=["revoked_at", "revoked_by"])
        audit_event_record(
            person=by,
            action=AuditAction.UNSHARE,
            child_id=share.child_id,
            object_type="childshare",
            object_id=share.pk,
        )
    return share


def break_glass_open(*, child: Child, by: User, reason: str) -> BreakGlass:
    """Give an administrator read-only access to one child for a short time, with a reason."""
    if by.role != Role.ADMINISTRATOR:
        raise AccessRuleError(BREAK_GLASS_ADMINISTRATORS_ONLY)
    if len(reason.strip()) < BREAK_GLASS_MIN_REASON:
        raise AccessRuleError(BREAK_GLASS_NEEDS_REASON)
    now = timezone.now()
    with transaction.atomic():
        grant = BreakGlass.objects.create(
            child=child,
            person=by,
            reason=reason.strip(),
            opened_at=now,
            expires_at=now + dt.timedelta(minutes=settings.BREAK_GLASS_MINUTES),
        )
        audit_event_record(
            person=by,
            action=AuditAction.BREAK_GLASS,
            child_id=child.pk,
            object_type="breakglass",
            object_id=grant.pk,
            reason=grant.reason,
        )
    return grant


def child_privacy_set(*, child: Child, by: User, parents_can_see: str) -> ChildPrivacy:
    """The young person (16 or over, with their own account) chooses what their parents see."""
    if not child_access(by, child.pk).can_choose_what_parents_see:
        raise AccessRuleError(PRIVACY_YOUNG_PERSON_ONLY)
    if child.age_on() < YOUNG_PERSON_AGE:
        raise AccessRuleError(PRIVACY_FROM_16)
    choice = ParentsCanSee(parents_can_see)
    with transaction.atomic():
        privacy, _ = ChildPrivacy.objects.update_or_create(
            child=child, defaults={"parents_can_see": choice}
        )
        audit_event_record(
            person=by,
            action=AuditAction.PRIVACY,
            child_id=child.pk,
            object_type="childprivacy",
            object_id=privacy.pk,
        )
    return privacy


def team_create(*, name: str, organisation: Organisation, members: list[User]) -> Team:
    team = Team.objects.create(name=name, organisation=organisation)
    team.members.set(members)
    return team
