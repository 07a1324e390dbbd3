"""What every API endpoint about a child shares: the access check and the audit entry.

``ChildAccessMiddleware`` has already answered 404 or 403 for routes naming ``child_id`` or
``plan_id`` and logs each 200 to GET as a look; endpoints still fetch through
``child_get_for``/``plan_get_for`` (as the pages do) and check a change needs
``can_change_plan``, so no check rests on the middleware alone.
"""

from __future__ import annotations

from typing import Any

from rest_framework import exceptions

from goldenthread.web.access.audit import audit_event_record
from goldenthread.web.access.models import AuditAction
from goldenthread.web.access.policy import ChildAccess, child_access
from goldenthread.web.api.problems import FORBIDDEN

READS = frozenset({"GET", "HEAD", "OPTIONS"})


def access_for(request: Any, child_id: int) -> ChildAccess:
    """The person's access to the child (from the middleware where it ran), 404 without any,
    403 for a change by someone who may only read."""
    access = getattr(request._request, "child_access", None)
    if not isinstance(access, ChildAccess) or access.child_id != child_id:
        access = child_access(request.user, child_id)
    if not access.can_read:
        raise exceptions.NotFound
    if request.method not in READS and not access.can_change_plan:
        raise exceptions.PermissionDenied(FORBIDDEN)
    return access


def export_record(request: Any, *, child_id: int, url_name: str) -> None:
    """A passport taken away as data is logged as an export, as the pages' downloads are."""
    audit_event_record(
        person=request.user,
        action=AuditAction.EXPORT,
        child_id=child_id,
        object_type="child",
        object_id=child_id,
        url_name=url_name,
    )
