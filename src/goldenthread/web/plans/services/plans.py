"""Plans: create, edit, amend into a new version (the old one is kept), archive."""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.db import transaction

from goldenthread.web.accounts.models import User
from goldenthread.web.plans.coordinators import (
    EHC_PLAN_BY_LA_ONLY,
    NOT_A_COORDINATOR,
    may_coordinate,
    may_write_plan,
)
from goldenthread.web.plans.models import Child, Outcome, Plan, PlanStatus
from goldenthread.web.plans.services.common import record_save

PLAN_NOT_CURRENT = "Only the current version of a plan can be amended."


def plan_next_review_due(plan: Plan) -> dt.date | None:
    """Within 12 months of issue or of the last review; every 6 months for children under 5.

    The reviews issue deepens this with setting-level and other review intervals.
    """
    anchor = plan.last_reviewed_on or plan.issued_on or plan.start_date
    if anchor is None or plan.status == PlanStatus.CEASED:
        return None
    months = 6 if plan.child.age_on(anchor) < 5 else 12
    return anchor + relativedelta(months=months)


def plan_save(
    plan: Plan, *, user: User | None, fields: dict[str, object], expected_version: int | None = None
) -> Plan:
    _coordinator_check(plan, fields)
    plan_writer_check(plan, user=user, kind=str(fields.get("kind", plan.kind)))
    for name, value in fields.items():
        setattr(plan, name, value)
    fields = {**fields, "next_review_due": plan_next_review_due(plan)}
    return record_save(plan, user=user, fields=fields, expected_version=expected_version)


def plan_writer_check(plan: Plan, *, user: User | None, kind: str = "") -> None:
    """Refuse a person who may not write this kind of plan (``may_write_plan``). A change
    with no person (a data migration, the demo) is the system's own."""
    if user is not None and not may_write_plan(user, child=plan.child, kind=kind or plan.kind):
        raise PermissionError(EHC_PLAN_BY_LA_ONLY)


def _coordinator_check(plan: Plan, fields: dict[str, object]) -> None:
    """A newly chosen coordinator must be someone who may coordinate this child's plan; one
    already on the plan (or carried over from the version it amends) is kept as it is."""
    chosen = fields.get("coordinator")
    if not isinstance(chosen, User):
        return
    kept = {plan.coordinator_id}
    if plan.previous_version is not None:
        kept.add(plan.previous_version.coordinator_id)
    kind = str(fields.get("kind", plan.kind))
    if chosen.pk not in kept and not may_coordinate(chosen, child=plan.child, kind=kind):
        raise ValidationError({"coordinator": NOT_A_COORDINATOR})


def plan_create(*, child: Child, user: User | None, **fields: object) -> Plan:
    return plan_save(Plan(child=child), user=user, fields=fields)


def plan_amend(*, plan: Plan, user: User | None) -> Plan:
    """Start a new draft version that copies every live part and link; the old version is kept."""
    if not plan.is_current:
        raise ValueError(PLAN_NOT_CURRENT)
    plan_writer_check(plan, user=user)
    with transaction.atomic():
        new = plan_save(
            Plan(child=plan.child, previous_version=plan),
            user=user,
            fields={
                "kind": plan.kind,
                "status": PlanStatus.DRAFT,
                "version": plan.version + 1,
                "start_date": plan.start_date,
                "issued_on": plan.issued_on,
                "end_date": plan.end_date,
                "last_reviewed_on": plan.last_reviewed_on,
                "coordinator": plan.coordinator,
            },
        )
        new.copied_outcomes = _copy_parts(plan, new, user)  # type: ignore[attr-defined]
    return new


def _copy_parts(old: Plan, new: Plan, user: User | None) -> dict[int, Outcome]:
    """Copy every live part and link into ``new``; the outcomes' copies by original id."""
    aspirations = {
        a.pk: _clone(a, new, user) for a in old.aspirations.filter(archived_at__isnull=True)
    }
    needs = {n.pk: _clone(n, new, user) for n in old.needs.filter(archived_at__isnull=True)}
    outcomes: dict[int, Outcome] = {}
    provision_copies: dict[int, int] = {}
    for outcome in old.outcomes.filter(archived_at__isnull=True).prefetch_related(
        "themes", "needs", "aspirations"
    ):
        # Read the original's links before _clone turns this object into the copy.
        original_pk = outcome.pk
        themes = list(outcome.themes.all())
        linked_needs = [needs[n.pk] for n in outcome.needs.all() if n.pk in needs]
        linked_hopes = [aspirations[a.pk] for a in outcome.aspirations.all() if a.pk in aspirations]
        steps = list(outcome.steps.filter(archived_at__isnull=True))
        copy = _clone(outcome, new, user)
        copy.themes.set(themes)
        copy.needs.set(linked_needs)
        copy.aspirations.set(linked_hopes)
        for step in steps:
            step.pk = None
            step.outcome = copy
            step.save()
        outcomes[original_pk] = copy
    for provision in old.provision.filter(archived_at__isnull=True).prefetch_related(
        "outcomes", "needs"
    ):
        linked_outcomes = [outcomes[o.pk] for o in provision.outcomes.all() if o.pk in outcomes]
        linked_needs = [needs[n.pk] for n in provision.needs.all() if n.pk in needs]
        original_pk = provision.pk
        copy = _clone(provision, new, user)
        copy.outcomes.set(linked_outcomes)
        copy.needs.set(linked_needs)
        provision_copies[original_pk] = copy.pk
    # Parts a young person kept from their parents stay kept in the new version (issue 18).
    from goldenthread.web.family.services import hidden_parts_copy  # family builds on plans

    hidden_parts_copy(
        child_id=new.child_id,
        copies={
            "aspiration": {pk: a.pk for pk, a in aspirations.items()},
            "need": {pk: n.pk for pk, n in needs.items()},
            "outcome": {pk: o.pk for pk, o in outcomes.items()},
            "provision": provision_copies,
        },
    )
    return outcomes


def _clone(part, plan: Plan, user: User | None):  # type: ignore[no-untyped-def]
    original_pk = part.pk
    part.pk = None
    part.id = None
    part._state.adding = True
    part.plan = plan
    part.row_version = 1
    part._history_user = user
    # Links prefetched for the original would make .set() on the copy think it has them already.
    part._prefetched_objects_cache = {}
    part.save()
    part.copied_from = original_pk
    return part
