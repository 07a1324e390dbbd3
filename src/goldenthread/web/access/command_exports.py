"""Who a command-line export is for: a real person allowed to see the child, and why.

``goldenthread export-child`` and ``goldenthread passport export`` write a child's data to a
file or the screen. Run on the server, they could otherwise go round every control the pages
have, so each names the person it is for (``--user``) and the reason (``--reason``): the
person must be allowed to see that child in the same way as on the pages, and the export is
written to the audit trail with both, like an export from a page. A refusal writes nothing
but the refusal itself (issue 14: "command-line exports are logged with no person").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from goldenthread.web.access.audit import audit_event_record
from goldenthread.web.access.models import AuditAction, AuditResult, RefusalCode
from goldenthread.web.accounts.models import User

NO_PERSON = "There is no active person with the username {user}. Nothing was written."
NOT_ALLOWED = (
    "{user} may not see child {child}: {why}. Nothing was written. "
    "Give --user as the person the export is for."
)
NO_REASON = "Give --reason: why this export is needed (it goes in the audit trail)."


@dataclass(frozen=True)
class ExportPerson:
    """The person an export is for, or the message saying why there is none."""

    person: User | None
    problem: str = ""


def export_person_check(
    *,
    username: str,
    reason: str,
    child_id: int,
    allowed: Callable[[User], str],
    url_name: str,
) -> ExportPerson:
    """The active person named, if ``allowed`` (returning "" or why not) lets them export.

    A refusal about a real person is written to the audit trail, as a refused page is.
    Reason: a command run on the server must not be a way round the access rules, and the
    trail must say who every child's data went to.
    """
    if not reason.strip():
        return ExportPerson(None, NO_REASON)
    person = User.objects.filter(username=username, is_active=True).first()
    if person is None:
        return ExportPerson(None, NO_PERSON.format(user=username))
    why_not = allowed(person)
    if why_not:
        audit_event_record(
            person=person,
            action=AuditAction.EXPORT,
            child_id=child_id,
            url_name=url_name,
            reason=reason.strip(),
            result=AuditResult.REFUSED,
            refusal=RefusalCode.NO_RELATIONSHIP,
        )
        return ExportPerson(None, NOT_ALLOWED.format(user=username, child=child_id, why=why_not))
    return ExportPerson(person)


def command_export_record(
    *, person: User, child_id: int, reason: str, object_type: str, url_name: str
) -> None:
    """The export, in the audit trail with the person it was for and their reason."""
    audit_event_record(
        person=person,
        action=AuditAction.EXPORT,
        child_id=child_id,
        object_type=object_type,
        object_id=child_id,
        url_name=url_name,
        reason=reason.strip(),
    )
