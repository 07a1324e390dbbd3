"""Many hands, one plan: professionals propose needs, outcomes and help; the coordinator decides.

Who decides is the plan's EHC coordinator (``Plan.coordinator``). When a plan names no
coordinator, any EHC coordinator who may change the plan decides. Everyone else who may change
the plan (a SENCO, a therapist on the child's caseload, a social worker) proposes: what they add
or change waits for the coordinator, who accepts it or sends it back with a comment. The
coordinator's own additions are accepted at once. See docs/adr/0011-contributions.md.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from goldenthread.web.access.audit import audit_event_record
from goldenthread.web.access.models import AuditAction
from goldenthread.web.accounts.models import Role, User
from goldenthread.web.plans.coordinators import may_write_plan
from goldenthread.web.plans.models import (
    ContributionStatus,
    Need,
    Outcome,
    Plan,
    PlanStatus,
    Provision,
)
from goldenthread.web.plans.models.contribution import ContributedPart
from goldenthread.web.plans.services.common import record_save
from goldenthread.web.plans.services.plans import plan_save

COMMENT_NEEDED = "Say what needs to change before it can go in the plan"
NOT_THE_COORDINATOR = "Only the plan's EHC coordinator can accept or return a contribution"
ALREADY_DECIDED = "This has already been decided. Nothing was changed."
CONTRIBUTIONS_WAITING = (
    "You cannot issue this plan yet. {count} {parts} from other services {verb} waiting for "
    "you to accept or return {them}."
)
ALREADY_ISSUED = "This plan is already issued. To change it, start a new version (amend it)."
NOT_CURRENT = "Only the current version of a plan can be issued."

CONTRIBUTED_MODELS: tuple[type[ContributedPart], ...] = (Need, Outcome, Provision)


def plan_decider(plan: Plan, user: User) -> bool:
    """True when this person accepts or returns contributions to this plan (and issues it).

    The page's access check has already said the person may change the plan. An EHC plan is
    decided (and issued) only by an EHC coordinator of the child's local authority.
    """
    if not may_write_plan(user, child=plan.child, kind=plan.kind):
        return False
    if plan.coordinator_id is not None:
        return bool(plan.coordinator_id == user.pk)
    return bool(user.role == Role.COORDINATOR)


def service_of(user: User) -> str:
    """The service a person works for, in words: their role and their organisation."""
    role = user.get_role_display()
    return f"{role}, {user.organisation}" if user.organisation_id else str(role)


def contribution_fields(record: ContributedPart, *, plan: Plan, user: User) -> dict[str, Any]:
    """The contribution fields for a save of ``record`` by ``user`` through a page.

    The coordinator's own additions are accepted at once, and a coordinator who edits a part
    that is waiting takes it into the plan. Anyone else's addition or change is proposed and
    waits for the coordinator (sent again, when it had been returned).
    """
    if plan_decider(plan, user):
        fields: dict[str, Any] = {}
        if record.pk is None:
            fields |= {"proposed_by": user, "proposed_service": service_of(user)}
        if record.pk is None or record.contribution_status != ContributionStatus.ACCEPTED:
            fields |= {
                "contribution_status": ContributionStatus.ACCEPTED,
                "decided_by": user,
                "decided_at": timezone.now(),
                "decision_comment": "",
            }
        return fields
    return {
        "contribution_status": ContributionStatus.PROPOSED,
        "proposed_by": user,
        "proposed_service": service_of(user),
    }


def contribution_decide(
    record: ContributedPart, *, plan: Plan, user: User, accept: bool, comment: str = ""
) -> ContributedPart:
    """Accept a proposed part into the plan, or send it back to its author with a comment."""
    if not plan_decider(plan, user):
        raise PermissionError(NOT_THE_COORDINATOR)
    if record.contribution_status != ContributionStatus.PROPOSED:
        raise ValueError(ALREADY_DECIDED)
    if not accept and not comment.strip():
        raise ValueError(COMMENT_NEEDED)
    status = ContributionStatus.ACCEPTED if accept else ContributionStatus.RETURNED
    return record_save(
        record,
        user=user,
        fields={
            "contribution_status": status,
            "decision_comment": comment.strip(),
            "decided_by": user,
            "decided_at": timezone.now(),
        },
    )


def _live(model: type[ContributedPart], plan: Plan) -> QuerySet[ContributedPart]:
    """The plan's live parts of one kind (every contributed model has a ``plan``)."""
    return model._default_manager.filter(plan=plan, archived_at__isnull=True)  # type: ignore[misc]


def plan_contributions(plan: Plan, *, statuses: tuple[str, ...] = ()) -> list[ContributedPart]:
    """The plan's live needs, outcomes and help that came from someone other than the coordinator
    or are not accepted yet, in the order of the plan (needs, then outcomes, then help)."""
    parts: list[ContributedPart] = []
    for model in CONTRIBUTED_MODELS:
        found = _live(model, plan)
        if statuses:
            found = found.filter(contribution_status__in=statuses)
        else:
            found = found.filter(
                ~Q(contribution_status=ContributionStatus.ACCEPTED)
                | (Q(proposed_by__isnull=False) & ~Q(proposed_by_id=plan.coordinator_id))
            )
        parts.extend(found.select_related("proposed_by", "decided_by"))
    return parts


def plan_waiting_count(plan: Plan) -> int:
    total = 0
    for model in CONTRIBUTED_MODELS:
        total += _live(model, plan).filter(contribution_status=ContributionStatus.PROPOSED).count()
    return total


def waiting_message(count: int) -> str:
    one = count == 1
    return CONTRIBUTIONS_WAITING.format(
        count=count,
        parts="part" if one else "parts",
        verb="is" if one else "are",
        them="it" if one else "them",
    )


def plan_issue(plan: Plan, *, user: User, issued_on: dt.date | None = None) -> Plan:
    """Make the plan final and issued today (or on ``issued_on``, a day already past, when an
    assessment records the day it was sent), once nothing is waiting for the coordinator.

    Only accepted parts go into the issued plan. From now on the version is fixed
    (``plans.fixed``), and its Word and PDF documents are stored with their SHA-256.
    """
    from goldenthread.web.workspace.issued import issued_documents_store  # pages build on plans

    if not plan_decider(plan, user):
        raise PermissionError(NOT_THE_COORDINATOR)
    if not plan.is_current:
        raise ValueError(NOT_CURRENT)
    if plan.status == PlanStatus.FINAL:
        raise ValueError(ALREADY_ISSUED)
    waiting = plan_waiting_count(plan)
    if waiting:
        raise ValueError(waiting_message(waiting))
    with transaction.atomic():
        plan = plan_save(
            plan,
            user=user,
            fields={
                "status": PlanStatus.FINAL,
                "issued_on": issued_on or timezone.localdate(),
                "fixed_at": timezone.now(),
            },
        )
        issued_documents_store(plan=plan, user=user)
        audit_event_record(
            person=user,
            action=AuditAction.UPDATE,
            child_id=plan.child_id,
            object_type="plan",
            object_id=plan.pk,
            url_name="plan-issue",
            reason="Issued the plan",
        )
    return plan
