"""One audit entry for every request about a child, whatever its method and answer.

``ChildAccessMiddleware`` decides each request and leaves an ``Attempt`` on it (who is on the
request; what is the child, the object and the route; why, when the gate refused). After the
view has answered, ``attempt_record`` writes the entry with the method and the status. The
answer decides the rest: a page's own 403, 404 or 405 is a refusal too.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from django.http import HttpRequest

from goldenthread.web.access.audit import audit_event_record
from goldenthread.web.access.models import AuditAction, AuditResult, RefusalCode
from goldenthread.web.plans.models import Child

READS = frozenset({"GET", "HEAD"})
# A refusal the view itself made, known from its answer.
REFUSED_BY_STATUS = {
    403: RefusalCode.REFUSED_BY_PAGE,
    404: RefusalCode.NOT_FOUND,
    405: RefusalCode.METHOD_NOT_ALLOWED,
}


@dataclass(frozen=True)
class Attempt:
    """What a request tried to reach. ``child_id`` is set only for a child that exists (an
    entry cannot point at a child id someone made up); the URL's id stays in ``object_id``."""

    child_id: int | None
    object_type: str
    object_id: int | None
    url_name: str
    action: str
    refusal: str = ""


def attempt_action(method: str) -> str:
    """A read is a look; any other request is logged as a request (what it changed, if
    anything, is logged by the service that changed it)."""
    return AuditAction.VIEW if method in READS else AuditAction.REQUEST


def existing_child_id(child_id: int | None) -> int | None:
    """The id when such a child exists (archived or not), for a refused request's entry."""
    if child_id is None or not Child.objects.filter(pk=child_id).exists():
        return None
    return child_id


def attempt_leave(request: HttpRequest, attempt: Attempt) -> None:
    request.audit_attempt = attempt  # type: ignore[attr-defined]


def attempt_of(request: HttpRequest) -> Attempt | None:
    found = getattr(request, "audit_attempt", None)
    return found if isinstance(found, Attempt) else None


def attempt_record(request: HttpRequest, attempt: Attempt, status: int) -> None:
    refusal = attempt.refusal or REFUSED_BY_STATUS.get(status, "")
    final = replace(attempt, refusal=refusal)
    audit_event_record(
        person=request.user,  # type: ignore[arg-type]
        action=final.action,
        child_id=final.child_id,
        object_type=final.object_type,
        object_id=final.object_id,
        url_name=final.url_name,
        method=(request.method or "")[:16],
        status=status,
        result=AuditResult.REFUSED if final.refusal else AuditResult.ALLOWED,
        refusal=final.refusal,
    )
