"""The parts of a subject access export that are not the child's record itself (ADR 0021):
emergency access, shares, links to the passport, who has looked at or changed the record, and
the figures worked out from it for the area's statistics.

Each section is a title, a sentence saying what it is, and rows of (plain label, plain value),
the same for the readable page and the data. People who work for an organisation are given by
role and organisation, not by name: under UK GDPR Article 15(1)(c) the family is entitled to know
the recipients, and the role and organisation say who they are without putting staff names in a
document that leaves the service (the data protection officer can add a name if asked).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import models
from django.utils.timezone import localtime

from goldenthread.core import vocabulary as v
from goldenthread.web.access.models import AuditAction, AuditEvent, BreakGlass, ChildShare
from goldenthread.web.access.selectors import audit_event_what
from goldenthread.web.accounts.models import Organisation, Role, User
from goldenthread.web.insights.forget import BY_PLAN, BY_PROVIDER
from goldenthread.web.passport.models import PassportLink
from goldenthread.web.plans.models import Child

Section = dict[str, Any]
Row = dict[str, str]


def plain_when(value: dt.date | dt.datetime | None) -> str:
    """3 June 2025, or 3 June 2025 at 14:05 (UK time) for a moment."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        local = localtime(value)
        return f"{local.day} {local:%B %Y} at {local:%H:%M}"
    return f"{value.day} {value:%B %Y}"


def _role(role: str) -> str:
    return str(Role(role).label) if role in Role.values else "Staff"


def _staff(user: User | None, *, role: str = "", organisation: Organisation | None = None) -> str:
    """ "EHC coordinator at Westshire Council": who, by job and employer, not by name."""
    if user is None:
        return "The system"
    if user.role in {Role.PARENT, Role.CHILD}:
        return _role(user.role)
    where = organisation if organisation is not None else user.organisation
    at = f" at {where.name}" if where is not None else ""
    return f"{_role(role or user.role)}{at}"


def _section(title: str, about: str, rows: Iterable[Row]) -> Section:
    return {"title": title, "about": about, "rows": list(rows)}


def _emergency_access(child: Child) -> Section:
    grants = BreakGlass.objects.filter(child=child).select_related("person__organisation")
    return _section(
        "Opened in an emergency",
        "Each time an administrator opened the record in an emergency, and the reason they gave.",
        (
            {
                "When": plain_when(grant.opened_at),
                "Who": _staff(grant.person),
                "The reason they gave": grant.reason,
                "They could read it until": plain_when(grant.expires_at),
            }
            for grant in grants.order_by("opened_at", "pk")
        ),
    )


def _share_row(share: ChildShare) -> Row:
    if share.shared_with_organisation is not None:
        shared_with = share.shared_with_organisation.name
    else:
        shared_with = _staff(share.shared_with_person)
    row = {
        "Shared on": plain_when(share.created_at),
        "Shared by": _staff(share.shared_by),
        "Shared with": shared_with,
        "Why": share.reason,
        "From": plain_when(share.starts_on),
        "Until": plain_when(share.ends_on) or "No end date",
        "Stopped early on": plain_when(share.revoked_at) or "Not stopped early",
    }
    consent = getattr(share, "consent", None)
    if consent is not None:
        row["Agreed by"] = f"{consent.get_given_by_display()}, {consent.given_by_name}"
        row["Agreed on"] = plain_when(consent.given_on)
        row["What it is for"] = consent.purpose
    return row


def _shares(child: Child) -> Section:
    shares = ChildShare.objects.filter(child=child).select_related(
        "shared_by__organisation",
        "shared_with_person__organisation",
        "shared_with_organisation",
        "consent",
    )
    return _section(
        "Shared with",
        "Each time the record or the passport was shared with a person or an organisation.",
        (_share_row(share) for share in shares.order_by("created_at", "pk")),
    )


def _passport_links(child: Child) -> Section:
    links = PassportLink.objects.filter(child=child).select_related("created_by__organisation")
    return _section(
        "Links to the passport",
        "Each read-only link to the passport that was made, who it was for and how often it "
        "was opened.",
        (
            {
                "Made on": plain_when(link.created_at),
                "Made by": _staff(link.created_by),
                "Who the link is for": link.label,
                "What it is for": link.purpose,
                "Agreed by": f"{link.get_given_by_display()}, {link.given_by_name}",
                "Agreed on": plain_when(link.given_on),
                "Works until": plain_when(link.expires_at),
                "Opened": f"{link.views} of {link.max_views} times allowed",
                "Stopped early on": plain_when(link.revoked_at) or "Not stopped early",
            }
            for link in links.order_by("created_at", "pk")
        ),
    )


def _event_who(event: AuditEvent) -> str:
    if event.person is None and event.object_type == "passportlink":
        label = PassportLink.objects.filter(pk=event.object_id or 0).values_list("label", flat=True)
        found = label.first()
        return f"Someone using the link made for {found}" if found else "Someone using a link"
    return _staff(event.person, role=event.role, organisation=event.organisation)


def event_why(event: AuditEvent) -> str:
    """Why they looked, in plain words: the reason they gave, else why they were allowed to."""
    if event.reason:
        return event.reason
    if event.action == AuditAction.QUALITY_READ:
        return "To check how well outcomes are written, without seeing names"
    if event.role == Role.DPO:
        return "To answer a request about the record, as the data protection officer"
    if event.role in {Role.PARENT, Role.CHILD}:
        return "It is their own record, or their child's"
    if event.person is None:
        return (
            "They were given a link to the passport" if event.object_type == "passportlink" else ""
        )
    return "They work with the child"


def _who_looked(child: Child) -> Section:
    events = AuditEvent.objects.filter(child_id=child.pk).select_related("person", "organisation")
    return _section(
        "Who has looked at or changed the record",
        "Every time someone looked at, changed, shared, printed or downloaded the record, "
        "oldest first, and why. People are shown by their job and where they work.",
        (
            {
                "When": plain_when(event.at),
                "Who": _event_who(event),
                "What they did": audit_event_what(event),
                "Why": event_why(event),
            }
            for event in events.order_by("at", "pk").iterator()
        ),
    )


FACT_TABLES = {
    "OutcomeFact": "An outcome",
    "NeedFact": "A need",
    "ProvisionFact": "Some help (provision)",
    "OutcomeServiceFact": "An outcome, for one service that helps with it",
    "OutcomePlanStep": "Counts of the plan's outcomes",
    "QualityPlanStep": "Counts of how well the plan's outcomes are written",
    "AttainmentPlanStep": "Counts of progress towards the plan's outcomes",
    "ProviderPlanStep": "Counts of progress, for one service that helps",
}
FACT_LABELS = {
    "outcome_id": "Outcome number",
    "need_id": "Need number",
    "provision_id": "Help (provision) number",
    "plan_id": "Plan number",
    "date_of_birth": "Date of birth",
    "setting": "School or setting",
    "service": "Service that coordinates the plan",
    "coordinator": "EHC coordinator",
    "primary_need": "Main need",
    "plan_start": "Plan starts",
    "plan_end": "Plan ends",
    "domain": "Education, health or social care",
    "themes": "Themes",
    "area": "Area of need",
    "smart": "Written in a SMART way",
    "achievement": "Progress",
    "has_provision": "Has help linked to it",
    "gap": "Gap in the plan",
    "serves_outcome": "Helps towards an outcome",
    "delivered_by": "Who gives the help",
    "gas_level": "Latest goal score",
    "gas_weight": "Goal weight",
}


def _fact_value(row: models.Model, name: str) -> str:
    value = getattr(row, name)
    if name == "themes":
        return ", ".join(v.THEMES[n][0] for n in v.THEMES if value & (1 << (n - 1))) or "None"
    if name in {"setting", "service"}:
        organisation = Organisation.objects.filter(pk=value.pk if value else 0).first()
        return organisation.name if organisation else "None"
    if name == "coordinator":
        return _staff(value) if value is not None else "None"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dt.date):
        return plain_when(value)
    return "" if value is None else str(value).replace("_", " ")


def _fact_row(model: type[models.Model], row: models.Model) -> Row:
    shown: Row = {"What it is about": FACT_TABLES.get(model.__name__, model.__name__)}
    counts = 0
    for item in model._meta.concrete_fields:
        if item.name in FACT_LABELS:
            try:
                shown[FACT_LABELS[item.name]] = _fact_value(row, item.name)
            except models.ObjectDoesNotExist:
                shown[FACT_LABELS[item.name]] = "None"
        elif item.name not in {"id", "child", "authority_id", "only_plan"}:
            counts += 1
    if counts and model.__name__.endswith("PlanStep"):
        shown["Numbers it holds"] = f"{counts} counts, with no words in them"
    return shown


def _derived_rows(child: Child) -> Section:
    rows: list[Row] = []
    for model in (*BY_PLAN, *BY_PROVIDER):
        found = model._default_manager.filter(child_id=child.pk).order_by("plan_id")
        rows += [_fact_row(model, row) for row in found]
    return _section(
        "Figures worked out for the area's statistics",
        "Each night the service works out figures from the plans for the council's area "
        "dashboards. They hold no names or words from the plan, but they are about this child, "
        "so every row held now is here.",
        rows,
    )


def _return_facts(child: Child) -> Section:
    """What is kept only for the statutory returns (SEN2, Annex A: docs/returns.md)."""
    from goldenthread.web.returns.models import ChildPlacement, ChildReturnDetails, PlanReturnFacts

    def row_of(record: models.Model, about: str) -> Row:
        shown: Row = {"What it is about": about}
        for item in record._meta.concrete_fields:
            if item.name in {"id", "child", "plan"}:
                continue
            display = getattr(record, f"get_{item.name}_display", None)
            value = display() if display and getattr(record, item.name) else None
            label = str(item.verbose_name).capitalize()
            shown[label] = value if value is not None else _fact_value(record, item.name)
        return shown

    rows: list[Row] = []
    for kept in ChildReturnDetails.objects.filter(child_id=child.pk):
        rows.append(row_of(kept, "The child"))
    for facts in PlanReturnFacts.objects.filter(plan__child_id=child.pk).order_by("plan_id"):
        rows.append(row_of(facts, f"EHC plan {facts.plan_id}"))
    for placed in ChildPlacement.objects.filter(child_id=child.pk).order_by("entry_date", "pk"):
        rows.append(row_of(placed, "Where the child was placed"))
    return _section(
        "Kept for the returns to the Department for Education",
        "The council sends the Department for Education a yearly return about children with "
        "EHC plans (SEN2), and inspectors a list (Annex A). These facts are kept for them.",
        rows,
    )


def subject_access_sections(child: Child) -> list[Section]:
    """Everything held about the child outside the record itself, in plain words."""
    return [
        _emergency_access(child),
        _shares(child),
        _passport_links(child),
        _who_looked(child),
        _derived_rows(child),
        _return_facts(child),
    ]
