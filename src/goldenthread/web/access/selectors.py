"""Reads: the audit trail for a family and for the data protection officer, and outcomes for a
quality audit with every child reduced to a reference that names no one."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.db.models import QuerySet

from goldenthread.web.access.masking import names_around_children, outcome_text_mask
from goldenthread.web.access.models import AuditAction, AuditEvent, AuditResult
from goldenthread.web.accounts.models import Role, User
from goldenthread.web.plans.models import Outcome
from goldenthread.web.plans.services.children import NoLocalAuthorityError, local_authority_for

THINGS = {
    "child": "the record",
    "plan": "a plan",
    "aspiration": "a hope",
    "need": "a need",
    "outcome": "an outcome",
    "provision": "some help (provision)",
    "step": "a step towards an outcome",
    "allaboutme": '"all about me"',
    "childshare": "the record",
    "childprivacy": "what parents can see",
    "familyidea": "views or ideas sent about the plan",
    "capacitydecision": "the decision about making their own choices",
}
PAGES = {
    "all-about-me": '"all about me"',
    "part-history": "the changes to a part of the plan",
    "who-looked": "this list of who has looked",
    "parents-can-see": "what parents can see",
    "passport": "the passport",
    "passport-pdf": "the passport",
    "passport-share": "who the passport is shared with",
    "passport-link": "links to the passport",
    "passport-link-view": "the passport, through a link",
    "family-plan": "the plan",
    "family-views": "the form to say what they think",
    "family-propose": "the form to add a hope or a change",
    "family-hide": "what parents can see",
    "family-capacity": "the decision about making their own choices",
    "family-ideas": "views and ideas sent by the family",
    "dpo-find": "the record, to answer a data protection request",
    "dpo-child": "the list of who has looked at the record",
    "dpo-export": "a copy of the whole record",
}


def audit_trail_for_child(child_id: int) -> QuerySet[AuditEvent]:
    """What the family sees: each look and change. Refused attempts (someone with no reason
    turned away, a method a page does not serve) and the bare requests behind a change (the
    change has its own entry) are for the data protection officer's trail, not this list."""
    return (
        AuditEvent.objects.filter(child_id=child_id, result=AuditResult.ALLOWED)
        .exclude(action=AuditAction.REQUEST)
        .select_related("person", "organisation")
    )


def audit_event_who(event: AuditEvent) -> str:
    """ "Casey Jones, EHC coordinator at Westshire Council", in plain words."""
    if event.person is None and event.object_type == "passportlink":
        return _passport_link_who(event.object_id)
    if event.person is None:
        return "The system"
    role = Role(event.role).label if event.role in Role.values else "Staff"
    where = f" at {event.organisation.name}" if event.organisation else ""
    return f"{event.person.display_name}, {role}{where}"


def _passport_link_who(link_id: int | None) -> str:
    """Someone who opened a read-only passport link, named by who the link was made for."""
    from goldenthread.web.passport.models import PassportLink  # the passport app builds on this

    links = PassportLink.objects.filter(pk=link_id or 0)
    label = links.values_list("label", flat=True).first()
    return f"Someone using the link made for {label}" if label else "Someone using a link"


def audit_event_what(event: AuditEvent) -> str:
    """What happened, in plain words for a family (reading age about 9)."""
    thing = PAGES.get(event.url_name) or THINGS.get(event.object_type, "the record")
    if event.action == AuditAction.VIEW:
        return f"Looked at {thing}"
    if event.action == AuditAction.BREAK_GLASS:
        return f"Opened the record in an emergency. The reason they gave: {event.reason}"
    if event.action in {AuditAction.CREATE, AuditAction.UPDATE, AuditAction.ARCHIVE}:
        return f"{AuditAction(event.action).label} {thing}"
    return str(AuditAction(event.action).label) + (
        " the record" if event.action in {AuditAction.SHARE, AuditAction.UNSHARE} else ""
    )


@dataclass
class AuditSearch:
    child_id: int | None = None
    person: str = ""  # username
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    action: str = ""


def audit_trail_search(search: AuditSearch) -> QuerySet[AuditEvent]:
    events = AuditEvent.objects.select_related("person", "organisation")
    if search.child_id is not None:
        events = events.filter(child_id=search.child_id)
    if search.person:
        events = events.filter(person__username__iexact=search.person)
    if search.date_from:
        events = events.filter(at__date__gte=search.date_from)
    if search.date_to:
        events = events.filter(at__date__lte=search.date_to)
    if search.action:
        events = events.filter(action=search.action)
    return events


def child_reference(child_id: int) -> str:
    """A stable reference for a child that names no one and cannot be turned back into an id
    without the service's secret key."""
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"child:{child_id}".encode(), hashlib.sha256
    ).hexdigest()
    return f"C-{digest[:8].upper()}"


@dataclass(frozen=True)
class AuditOutcome:
    child_id: int  # for the audit trail only; never shown
    reference: str
    plan_kind: str
    domain: str
    text: str
    due_date: dt.date | None


def outcomes_for_quality_audit(user: User) -> QuerySet[Outcome]:
    """Live outcomes in the quality lead's local authority (none for anyone else)."""
    if user.role != Role.QUALITY_LEAD:
        return Outcome.objects.none()
    try:
        local_authority = local_authority_for(user)
    except NoLocalAuthorityError:
        return Outcome.objects.none()
    return (
        Outcome.objects.filter(
            archived_at__isnull=True,
            plan__archived_at__isnull=True,
            plan__child__archived_at__isnull=True,
            plan__child__local_authority=local_authority,
        )
        .select_related("plan__child")
        .order_by("plan__child_id", "plan_id", "position")
    )


def outcomes_for_audit(outcomes: Sequence[Outcome]) -> list[AuditOutcome]:
    """Outcomes with each child reduced to a reference and the names of the child, their
    brothers and sisters and their parents taken out of the words (``access.masking``)."""
    names = names_around_children(outcome.plan.child_id for outcome in outcomes)
    return [
        AuditOutcome(
            child_id=outcome.plan.child_id,
            reference=child_reference(outcome.plan.child_id),
            plan_kind=outcome.plan.get_kind_display(),
            domain=outcome.get_domain_display(),
            text=outcome_text_mask(text=outcome.text, names=names[outcome.plan.child_id]),
            due_date=outcome.due_date,
        )
        for outcome in outcomes
    ]
