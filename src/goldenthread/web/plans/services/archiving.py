"""Archiving a whole child's record and restoring it, only by the people allowed (ADR 0021).

Both go through ``record_save`` (history and row versions kept, the change on the audit trail).
A reason, when one is given (an administrator must give one), is kept on the audit trail too, in
an entry of its own beside the change, so the data protection officer sees who, when and why.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction

from goldenthread.web.access.archiving import ArchiveRight, child_archive_right
from goldenthread.web.access.audit import audit_event_record
from goldenthread.web.access.models import AuditAction
from goldenthread.web.accounts.models import User
from goldenthread.web.plans.models import Child
from goldenthread.web.plans.services.common import record_archive, record_restore

ARCHIVE_NOT_ALLOWED = (
    "Only the child's EHC coordinator, or an administrator who gives a reason, can archive or "
    "restore a child's record"
)
ARCHIVE_NEEDS_REASON = "Say why, in at least 20 characters"
ARCHIVE_MIN_REASON = 20
ALREADY_ARCHIVED = "This record is already archived"
NOT_ARCHIVED = "This record is not archived"


class ArchiveNotAllowedError(PermissionDenied):
    """The person may not archive or restore this child (the page answers 403)."""

    def __init__(self) -> None:
        super().__init__(ARCHIVE_NOT_ALLOWED)


class ArchiveRuleError(Exception):
    """Allowed, but not like this; the message is for the person who asked."""


def _checked_reason(*, child: Child, by: User, reason: str) -> str:
    right = child_archive_right(by, child.pk)
    if not right.allowed:
        raise ArchiveNotAllowedError
    reason = reason.strip()
    if right is ArchiveRight.ADMINISTRATOR and len(reason) < ARCHIVE_MIN_REASON:
        raise ArchiveRuleError(ARCHIVE_NEEDS_REASON)
    return reason


def _reason_record(*, child: Child, by: User, action: str, url_name: str, reason: str) -> None:
    if reason:
        audit_event_record(
            person=by,
            action=action,
            child_id=child.pk,
            object_type="child",
            object_id=child.pk,
            url_name=url_name,
            reason=reason,
        )


def child_archive(*, child: Child, by: User, reason: str = "") -> Child:
    """Take the child out of every list and page. Nothing is deleted; it can be restored."""
    reason = _checked_reason(child=child, by=by, reason=reason)
    if child.archived_at is not None:
        raise ArchiveRuleError(ALREADY_ARCHIVED)
    with transaction.atomic():
        record_archive(child, user=by)
        _reason_record(
            child=child, by=by, action=AuditAction.ARCHIVE, url_name="child-archive", reason=reason
        )
    return child


def child_restore(*, child: Child, by: User, reason: str = "") -> Child:
    """Bring an archived child back, as they were; the history shows both changes."""
    reason = _checked_reason(child=child, by=by, reason=reason)
    if child.archived_at is None:
        raise ArchiveRuleError(NOT_ARCHIVED)
    with transaction.atomic():
        record_restore(child, user=by)
        _reason_record(
            child=child, by=by, action=AuditAction.UPDATE, url_name="child-restore", reason=reason
        )
    return child
