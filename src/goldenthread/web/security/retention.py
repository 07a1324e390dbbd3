"""Retention: what is due to go under the periods in ``settings.RETENTION``, and making it go.

Record types and what each covers:

- ``plan`` (anchored on the child's date of birth): each plan, every part of it (aspirations,
  needs, outcomes, steps, provision) and all their history.
- ``child_record`` (date of birth): the child's "all about me", who is linked to them, and the
  child's own details, which stay while any plan of theirs is still kept whole.
- ``audit_log`` (the event): sign-in records (django-axes) and any model that declares
  ``RETENTION_TYPE = "audit_log"`` with ``RETENTION_DATE_FIELD``.

``erase`` deletes. ``anonymise`` keeps plans for area statistics with names and identifiers
replaced: outcome, need, step and provision words are kept only after ``strip_names``; other
free text is replaced; history rows (which hold the old words) are deleted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from goldenthread.core.linking.names import strip_names
from goldenthread.web.insights.forget import facts_anonymise, facts_erase
from goldenthread.web.plans.fixed import fixed_records_release
from goldenthread.web.plans.models import (
    AllAboutMe,
    Aspiration,
    Child,
    ChildRelationship,
    Need,
    Outcome,
    Plan,
    Provision,
    Step,
)
from goldenthread.web.security.models import RetentionMode, RetentionRun
from goldenthread.web.security.periods import RetentionPeriod

ANONYMISED_NAME = "[removed]"
TODAY_IN_FUTURE = (
    "Retention cannot be applied as if on a later day than today ({today}): "
    "records would go before their time. Use --list to look ahead."
)
NOT_CONFIRMED = (
    "Not applied: the confirmation does not match what is due now. "
    "Run it again without --confirm to see what is due and get a new confirmation."
)
RECORD_TYPES = ("plan", "child_record", "audit_log")
# Per model: fields whose words are kept once names are stripped, and free text replaced.
KEPT_AFTER_STRIPPING: dict[type[models.Model], tuple[str, ...]] = {
    Need: ("text",),
    Outcome: ("text",),
    Step: ("text",),
    Provision: ("description",),
}
REPLACED: dict[type[models.Model], dict[str, Any]] = {
    Aspiration: {"text": ANONYMISED_NAME},
    Need: {"barrier": "", "link_suggestions": {}},
    Outcome: {"link_suggestions": {}, "embedding": None},
    Step: {},
    Provision: {"delivered_by": "", "location": "", "link_suggestions": {}},
}


def retention_rules() -> dict[str, RetentionPeriod]:
    return {name: RetentionPeriod.parse(rule) for name, rule in settings.RETENTION.items()}


def _cutoff(name: str, today: dt.date) -> dt.date:
    return retention_rules()[name].latest_anchor_due(today)


def plans_due(*, today: dt.date, mode: str) -> models.QuerySet[Plan]:
    due = Plan.objects.filter(child__date_of_birth__lte=_cutoff("plan", today))
    if mode == RetentionMode.ANONYMISE:
        due = due.exclude(child__first_name=ANONYMISED_NAME)
    return due


def children_due(*, today: dt.date) -> models.QuerySet[Child]:
    """Children whose "all about me", links or own details are due and still there.

    A child's own details are due only once no plan of theirs is kept, and only while they
    still name the child (an anonymised row that the audit trail points at stays).
    """
    due = Child.objects.filter(date_of_birth__lte=_cutoff("child_record", today))
    own_details = models.Q(plans__isnull=True) & ~models.Q(first_name=ANONYMISED_NAME)
    return due.filter(
        models.Q(all_about_me__isnull=False) | models.Q(relationships__isnull=False) | own_details
    ).distinct()


def _audit_models() -> list[tuple[type[models.Model], str]]:
    found: list[tuple[type[models.Model], str]] = []
    for model in apps.get_models():
        if model._meta.app_label == "axes" and hasattr(model, "attempt_time"):
            found.append((model, "attempt_time"))
        elif getattr(model, "RETENTION_TYPE", None) == "audit_log":
            found.append((model, str(model.RETENTION_DATE_FIELD)))  # type: ignore[attr-defined]
    return found


def audit_entries_due(*, today: dt.date) -> list[models.QuerySet[Any]]:
    cutoff = _cutoff("audit_log", today)
    return [
        model._default_manager.filter(**{f"{field}__date__lte": cutoff})
        for model, field in _audit_models()
    ]


def retention_due_counts(*, today: dt.date, mode: str = RetentionMode.ERASE) -> dict[str, int]:
    """How many records of each type are due: counts only, never names."""
    return {
        "plan": plans_due(today=today, mode=mode).count(),
        "child_record": children_due(today=today).count(),
        "audit_log": sum(entries.count() for entries in audit_entries_due(today=today)),
    }


class RetentionRefusedError(Exception):
    """Retention was asked to run in a way that could remove records early or by mistake."""


def retention_confirmation(*, today: dt.date, mode: str) -> str:
    """A short code that stands for exactly what is due now in this mode: the dry run prints
    it, and ``retention_apply`` goes ahead only when it is given back and still matches."""
    plan_ids = sorted(plans_due(today=today, mode=mode).values_list("id", flat=True))
    child_ids = sorted(children_due(today=today).values_list("id", flat=True))
    audit = sum(entries.count() for entries in audit_entries_due(today=today))
    what = f"{mode}|{today.isoformat()}|{plan_ids}|{child_ids}|{audit}"
    return hashlib.sha256(what.encode()).hexdigest()[:12]


def _delete_history(model: type[models.Model], ids: Iterable[Any]) -> None:
    history = getattr(model, "history", None)
    if history is not None and hasattr(history, "model"):
        history.model.objects.filter(id__in=list(ids)).delete()


def _thread_ids(plan_ids: list[int]) -> dict[type[models.Model], list[int]]:
    ids: dict[type[models.Model], list[int]] = {
        model: list(
            model._default_manager.filter(plan_id__in=plan_ids).values_list("id", flat=True)
        )
        for model in (Aspiration, Need, Outcome, Provision)
    }
    ids[Step] = list(
        Step.objects.filter(outcome__plan_id__in=plan_ids).values_list("id", flat=True)
    )
    ids[Plan] = plan_ids
    return ids


def _names_around(child: Child) -> list[str]:
    people = [r.person for r in child.relationships.select_related("person")]
    return [
        child.first_name,
        child.preferred_name,
        child.last_name,
        *(name for person in people for name in (person.first_name, person.last_name)),
    ]


def _anonymise_parts(
    model: type[models.Model], ids: list[int], names_by_plan: dict[int, list[str]]
) -> None:
    kept, replaced = KEPT_AFTER_STRIPPING.get(model, ()), REPLACED.get(model, {})
    records = list(model._default_manager.filter(id__in=ids))
    for record in records:
        plan_id = record.outcome.plan_id if isinstance(record, Step) else record.plan_id  # type: ignore[attr-defined]
        for name in kept:
            setattr(record, name, strip_names(getattr(record, name), names_by_plan[plan_id]))
        for name, value in replaced.items():
            setattr(record, name, value)
    fields = [*kept, *replaced]
    if records and fields:
        model._default_manager.bulk_update(records, fields, batch_size=500)


def _plans_anonymise(plans: models.QuerySet[Plan]) -> None:
    plan_list = list(plans.select_related("child"))
    names_by_plan = {plan.pk: _names_around(plan.child) for plan in plan_list}
    ids = _thread_ids(list(names_by_plan))
    for part in (Aspiration, Need, Outcome, Step, Provision):
        _anonymise_parts(part, ids[part], names_by_plan)
    Plan.objects.filter(id__in=ids[Plan]).update(coordinator=None)
    for model, model_ids in ids.items():
        _delete_history(model, model_ids)
    _children_anonymise(Child.objects.filter(plans__in=ids[Plan]).distinct())


def _plans_erase(plans: models.QuerySet[Plan]) -> None:
    ids = _thread_ids(list(plans.values_list("id", flat=True)))
    Plan.objects.filter(id__in=ids[Plan]).update(previous_version=None)
    Plan.objects.filter(id__in=ids[Plan]).delete()
    facts_erase(plan_ids=ids[Plan])
    for model, model_ids in ids.items():
        _delete_history(model, model_ids)


def _children_anonymise(children: models.QuerySet[Child]) -> None:
    records = list(children)
    for child in records:
        child.first_name = child.last_name = ANONYMISED_NAME
        child.preferred_name = child.upn = child.nhs_number = child.communication = ""
        # 1 January of the birth year: a placeholder that still counts in age statistics.
        child.date_of_birth = child.date_of_birth.replace(month=1, day=1)
        child.current_setting = None
        child.fill_search_name()
    Child.objects.bulk_update(
        records,
        [
            "first_name",
            "last_name",
            "preferred_name",
            "upn",
            "nhs_number",
            "communication",
            "date_of_birth",
            "current_setting",
            "search_name",
        ],
    )
    _delete_history(Child, [child.pk for child in records])
    # The dashboards' facts hold the same details: changed now, not at the next refresh.
    facts_anonymise(child_ids=[child.pk for child in records])
    from goldenthread.web.returns.forget import return_details_forget

    return_details_forget(child_ids=[child.pk for child in records])  # postcode, ULN...


def _child_records_go(children: models.QuerySet[Child], *, mode: str) -> None:
    child_ids = list(children.values_list("id", flat=True))
    for model in (AllAboutMe, ChildRelationship):
        rows = model._default_manager.filter(child_id__in=child_ids)
        ids = list(rows.values_list("id", flat=True))
        rows.delete()
        _delete_history(model, ids)
    planless = Child.objects.filter(id__in=child_ids, plans__isnull=True)
    if mode == RetentionMode.ERASE:
        kept = [child.pk for child in planless if not _child_erase(child)]
        planless = planless.filter(id__in=kept)
    _children_anonymise(planless.exclude(first_name=ANONYMISED_NAME))


def _child_erase(child: Child) -> bool:
    """Delete the child; False if a record that must outlive them (the audit trail) points at
    them, in which case they are anonymised instead."""
    child_id = child.pk
    try:
        with transaction.atomic():
            child.delete()
    except models.ProtectedError:
        return False
    _delete_history(Child, [child_id])
    return True


def retention_apply(
    *,
    mode: str,
    ran_by: str,
    today: dt.date | None = None,
    confirmation: str | None = None,
) -> RetentionRun:
    """Erase or anonymise everything due, all or nothing, and record the run (counts only).

    Never as if on a later day than today (that would remove records early, for good). With
    ``confirmation`` (the command always gives one), only if it still matches what is due.
    """
    if mode not in RetentionMode.values:
        raise ValueError(f"mode must be one of {RetentionMode.values}")
    real_today = timezone.localdate()
    today = today or real_today
    if today > real_today:
        raise RetentionRefusedError(TODAY_IN_FUTURE.format(today=real_today.isoformat()))
    # Issued plans are fixed (ADR 0025); only a retention run may erase or anonymise them.
    with fixed_records_release():
        if confirmation is not None and confirmation != retention_confirmation(
            today=today, mode=mode
        ):
            raise RetentionRefusedError(NOT_CONFIRMED)
        counts = retention_due_counts(today=today, mode=mode)
        plans = plans_due(today=today, mode=mode)
        if mode == RetentionMode.ERASE:
            _plans_erase(plans)
        else:
            _plans_anonymise(plans)
        _child_records_go(children_due(today=today), mode=mode)
        for entries in audit_entries_due(today=today):
            entries.delete()
        return RetentionRun.objects.create(
            ran_by=ran_by, mode=mode, rules=dict(settings.RETENTION), counts=counts
        )
