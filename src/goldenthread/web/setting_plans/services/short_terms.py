"""Short-term outcomes and progress between amendments.

Recorded at any review (an annual progress review included) or between reviews, each linked to
the long-term outcome it leads to, in tables of their own: the plan the long-term outcome
belongs to is not changed, so an issued EHC plan stays exactly as issued (ADR 0025).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from goldenthread.core.record_rules import due_date_problem, text_problem
from goldenthread.core.reviews import GAS_LEVELS
from goldenthread.web.access.audit import audit_event_record
from goldenthread.web.access.models import AuditAction
from goldenthread.web.accounts.models import User
from goldenthread.web.formfields import date_uk
from goldenthread.web.plans.models import AchievementStatus, Outcome
from goldenthread.web.plans.services.links import outcome_is_smart
from goldenthread.web.reviews.models import Review
from goldenthread.web.setting_plans.models import ShortTermOutcome, ShortTermProgress
from goldenthread.web.setting_plans.services.sheets import NOT_YOUR_SETTING, may_act_for_setting

TEXT_LIMIT = 1000
TEXT_NEEDED = "Write the short-term outcome"
DUE_AFTER_LONG_TERM = "A short-term outcome is due by the long-term one's date ({due}) or before"
REVIEW_OF_ANOTHER_PLAN = "Choose a review of the plan this outcome belongs to"
NOT_LIVE = "This outcome is no longer part of the plan"
GAS_UNKNOWN = "Choose how far the child got, from -2 to +2"
STATUS_UNKNOWN = "Choose where the outcome stands"


@dataclass(frozen=True)
class ShortTermEntry:
    text: str
    due_date: dt.date
    review: Review | None = None


def _source(outcome: Outcome, review: Review | None, on: dt.date) -> str:
    plan = outcome.plan
    if review is not None:
        return f"Set at the {review.get_kind_display().lower()} on {date_uk(review.meeting_on)}"
    kind = plan.get_kind_display().lower()
    return f"Set on {date_uk(on)} between reviews of the {kind}, version {plan.version}"


def short_term_add(*, outcome: Outcome, by: User | None, entry: ShortTermEntry) -> ShortTermOutcome:
    """Add a short-term outcome under ``outcome``; every problem names its field and nothing
    is written."""
    child = outcome.plan.child
    if by is not None and not may_act_for_setting(by, child):
        raise PermissionDenied(NOT_YOUR_SETTING)
    errors: dict[str, str] = {}
    text = entry.text.strip()
    if outcome.archived_at is not None:
        errors["outcome"] = NOT_LIVE
    problem = TEXT_NEEDED if not text else text_problem(text, limit=TEXT_LIMIT)
    if problem:
        errors["text"] = problem
    problem = due_date_problem(entry.due_date, born=child.date_of_birth)
    if problem is None and outcome.due_date and entry.due_date > outcome.due_date:
        problem = DUE_AFTER_LONG_TERM.format(due=date_uk(outcome.due_date))
    if problem:
        errors["due_date"] = problem
    if entry.review is not None and entry.review.plan_id != outcome.plan_id:
        errors["review"] = REVIEW_OF_ANOTHER_PLAN
    if errors:
        raise ValidationError(errors)
    today = timezone.localdate()
    with transaction.atomic():
        short = ShortTermOutcome(
            outcome=outcome,
            child=child,
            review=entry.review,
            text=text,
            due_date=entry.due_date,
            quality_smart=outcome_is_smart(text, today=today),
            source=_source(outcome, entry.review, today),
            created_by=by,
        )
        short._history_user = by  # type: ignore[attr-defined]  # read by simple-history
        short.save()
        _log(by, child.pk, "short-term-add", short.pk)
    return short


def short_term_progress_add(
    *,
    short_term: ShortTermOutcome,
    by: User | None,
    gas_level: int,
    achievement_status: str,
    evidence: str = "",
    review: Review | None = None,
    on: dt.date | None = None,
) -> ShortTermProgress:
    """Record how far the child got on a short-term outcome; the outcome's status follows."""
    if by is not None and not may_act_for_setting(by, short_term.child):
        raise PermissionDenied(NOT_YOUR_SETTING)
    errors: dict[str, str] = {}
    if gas_level not in GAS_LEVELS:
        errors["gas_level"] = GAS_UNKNOWN
    if achievement_status not in AchievementStatus.values:
        errors["achievement_status"] = STATUS_UNKNOWN
    problem = text_problem(evidence, limit=TEXT_LIMIT)
    if problem:
        errors["evidence"] = problem
    if review is not None and review.plan.child_id != short_term.child_id:
        errors["review"] = REVIEW_OF_ANOTHER_PLAN
    if errors:
        raise ValidationError(errors)
    day = on or (review.meeting_on if review is not None else timezone.localdate())
    with transaction.atomic():
        progress = ShortTermProgress.objects.create(
            short_term=short_term,
            review=review,
            recorded_on=day,
            gas_level=gas_level,
            achievement_status=achievement_status,
            evidence=evidence.strip(),
            recorded_by=by,
        )
        short_term.achievement_status = achievement_status
        short_term._history_user = by  # type: ignore[attr-defined]
        short_term.save(update_fields=["achievement_status"])
        _log(by, short_term.child_id, "short-term-progress", short_term.pk)
    return progress


def short_terms_for_child(child_id: int) -> list[ShortTermOutcome]:
    """Every live short-term outcome for the child, with its long-term outcome and progress."""
    return list(
        ShortTermOutcome.objects.filter(child_id=child_id, archived_at__isnull=True)
        .select_related("outcome", "outcome__plan", "review")
        .prefetch_related("progress")
        .order_by("outcome__plan_id", "outcome__position", "outcome_id", "due_date", "id")
    )


def _log(by: User | None, child_id: int, url_name: str, object_id: int) -> None:
    audit_event_record(
        person=by,
        action=AuditAction.CREATE,
        child_id=child_id,
        object_type="short-term-outcome",
        object_id=object_id,
        url_name=url_name,
    )
