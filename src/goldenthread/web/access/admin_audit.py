"""The Django admin writes its own changes to the audit trail (ADR 0018).

Every ``ModelAdmin`` registered in the product mixes in ``AuditedAdminMixin``: the admin's
log of an addition, change or deletion also appends an entry to the audit trail, with the
person, the kind of object and its id (never its text), and the admin page it came from.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Model
from django.http import HttpRequest

from goldenthread.web.access.audit import audit_event_record
from goldenthread.web.access.models import AuditAction


def admin_action_record(*, request: HttpRequest, records: Iterable[Model], action: str) -> None:
    """One audit entry per object the admin added, changed or deleted (no child: the admin
    holds no child's record)."""
    match = getattr(request, "resolver_match", None)
    url_name = f"admin:{match.url_name}" if match and match.url_name else "admin"
    person: Any = request.user
    for record in records:
        audit_event_record(
            person=person,
            action=action,
            child_id=None,
            object_type=record._meta.model_name or "",
            object_id=_integer_or_none(record.pk),
            url_name=url_name,
        )


def _integer_or_none(value: object) -> int | None:
    try:
        return int(str(value))
    except ValueError:
        return None


class AuditedAdminMixin:
    """Writes the admin's additions, changes and deletions to the audit trail as well as
    the admin's own log, which anyone with the database could edit unnoticed."""

    def log_addition(self, request: HttpRequest, obj: Model, message: Any) -> Any:
        entry = super().log_addition(request, obj, message)  # type: ignore[misc]
        admin_action_record(request=request, records=[obj], action=AuditAction.CREATE)
        return entry

    def log_change(self, request: HttpRequest, obj: Model, message: Any) -> Any:
        entry = super().log_change(request, obj, message)  # type: ignore[misc]
        admin_action_record(request=request, records=[obj], action=AuditAction.UPDATE)
        return entry

    def log_deletions(self, request: HttpRequest, queryset: Any) -> Any:
        # Called before the deletion, so the ids are still there to read.
        records = list(queryset)
        entries = super().log_deletions(request, records)  # type: ignore[misc]
        admin_action_record(request=request, records=records, action=AuditAction.ARCHIVE)
        return entries
