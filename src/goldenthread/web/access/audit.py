"""Writing the audit trail: one function every read and write goes through.

Entries carry ids only (person, child, object), never names or record text; a reason is kept
only where the person was asked for one (an emergency, a share).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Model

from goldenthread.web.access.models import AuditAction, AuditEvent, AuditResult
from goldenthread.web.accounts.models import User


def audit_event_record(
    *,
    person: User | None,
    action: str,
    child_id: int | None,
    object_type: str = "",
    object_id: int | None = None,
    url_name: str = "",
    reason: str = "",
    method: str = "",
    status: int | None = None,
    result: str = AuditResult.ALLOWED,
    refusal: str = "",
) -> AuditEvent:
    """Append one entry to the audit trail (chained to the one before: ``AuditEvent.save``)."""
    signed_in = person is not None and person.is_authenticated
    return AuditEvent.objects.create(
        person=person if signed_in else None,
        role=person.role if signed_in and person else "",
        organisation_id=person.organisation_id if signed_in and person else None,
        child_id=child_id,
        action=action,
        object_type=object_type,
        object_id=object_id,
        url_name=url_name,
        reason=reason,
        method=method,
        status=status,
        result=result,
        refusal=refusal,
    )


def child_id_of(record: Model) -> int | None:
    """The child a part of the record belongs to: itself, or through its plan or outcome."""
    if record._meta.label == "plans.Child":
        return int(record.pk)
    for path in ("child_id", "plan.child_id", "outcome.plan.child_id"):
        value: Any = record
        for name in path.split("."):
            value = getattr(value, name, None)
        if value is not None:
            return int(value)
    return None


def record_change_log(*, record: Model, user: User | None, created: bool, archived: bool) -> None:
    """Log a save of any part of a child's record (called by ``plans.services.common``).

    Saves with no person (the demo seeder, imports run from the command line) are not
    logged here: the command that ran them is the record of who did it.
    """
    if user is None:
        return
    if created:
        action = AuditAction.CREATE
    elif archived:
        action = AuditAction.ARCHIVE
    else:
        action = AuditAction.UPDATE
    audit_event_record(
        person=user,
        action=action,
        child_id=child_id_of(record),
        object_type=record._meta.model_name or "",
        object_id=record.pk,
    )
