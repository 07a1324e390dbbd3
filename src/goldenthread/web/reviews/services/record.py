"""Record a review: views, progress on every live outcome, decisions, new targets, the schedule.

A revised outcome becomes a new ``Outcome`` made through the plans services (so it gets its
quality verdict, links and history) and the old one is archived, never overwritten.

A review of an issued (fixed) version records progress against it without changing it: the
progress rows point at the issued outcomes, and any change decided (new words, an outcome
stopped or done, a new step) goes into a new draft version started for it (docs/adr/0025).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from goldenthread.core.reviews import gas_achievement_status, gas_t_score
from goldenthread.web.accounts.models import User
from goldenthread.web.plans.models import Outcome, Plan, Step
from goldenthread.web.plans.services.common import record_save
from goldenthread.web.plans.services.links import part_save
from goldenthread.web.plans.services.plans import plan_amend
from goldenthread.web.reviews.models import (
    Contribution,
    OutcomeDecision,
    OutcomeGasLevels,
    OutcomeProgress,
    Review,
)
from goldenthread.web.reviews.services.schedule import plan_schedule_refresh

EVERY_OUTCOME = "Give progress for every outcome in the plan, and only those."
NEW_WORDS_NEEDED = "Write the new outcome"
NOT_CURRENT_VERSION = (
    "This version has been replaced by a newer one, so changes decided at the review cannot "
    "go into it. Record the review against the newest version."
)
FINAL_DECISIONS = frozenset({OutcomeDecision.REPLACE, OutcomeDecision.CEASE})


class ReviewError(ValueError):
    """The review cannot be saved as given; nothing was saved."""


@dataclass(frozen=True)
class ProgressEntry:
    """What the meeting said about one outcome."""

    outcome: Outcome
    gas_level: int
    decision: str
    achievement_status: str = ""  # blank: worked out from the GAS level
    evidence: str = ""
    new_text: str = ""
    new_step: str = ""
    new_step_due: dt.date | None = None


@dataclass(frozen=True)
class ContributionEntry:
    name: str
    role: str
    text: str


@dataclass(frozen=True)
class ReviewDetails:
    kind: str
    meeting_on: dt.date
    decision: str
    invited: str = ""
    invitations_sent_on: dt.date | None = None
    child_views: str = ""
    parent_views: str = ""
    decision_made_on: dt.date | None = None
    report_sent_on: dt.date | None = None


def live_outcomes(plan: Plan) -> list[Outcome]:
    return list(plan.outcomes.filter(archived_at__isnull=True))


def gas_settings(outcome: Outcome) -> OutcomeGasLevels:
    """The outcome's GAS descriptions, baseline and weight (defaults when none were written)."""
    cached = getattr(outcome, "_review_gas_levels", None)
    if cached is None:
        cached = OutcomeGasLevels.objects.filter(outcome=outcome).first() or OutcomeGasLevels(
            outcome=outcome
        )
        outcome._review_gas_levels = cached  # type: ignore[attr-defined]
    return cached


def suggested_status(entry: ProgressEntry) -> str:
    """The FHIR achievement status for the GAS level: final when the outcome ends here."""
    baseline = gas_settings(entry.outcome).baseline
    final = entry.decision in FINAL_DECISIONS
    return gas_achievement_status(entry.gas_level, baseline=baseline, final=final)


def review_t_score(entries: Sequence[ProgressEntry]) -> float | None:
    if not entries:
        return None
    weights = [gas_settings(e.outcome).weight for e in entries]
    if not any(weights):
        return None
    return gas_t_score([e.gas_level for e in entries], weights)


def _check(plan: Plan, progress: Sequence[ProgressEntry]) -> None:
    expected = {o.pk for o in live_outcomes(plan)}
    given = [e.outcome.pk for e in progress]
    if set(given) != expected or len(given) != len(expected):
        raise ReviewError(EVERY_OUTCOME)
    for entry in progress:
        needs_words = entry.decision in {OutcomeDecision.REVISE, OutcomeDecision.REPLACE}
        if needs_words and not entry.new_text.strip():
            raise ReviewError(NEW_WORDS_NEEDED)


def review_record(
    *,
    plan: Plan,
    user: User | None,
    details: ReviewDetails,
    progress: Sequence[ProgressEntry],
    contributions: Sequence[ContributionEntry] = (),
    today: dt.date | None = None,
) -> Review:
    """Save a review meeting and everything decided at it, then update the plan's schedule."""
    today = today or timezone.localdate()
    _check(plan, progress)
    with transaction.atomic():
        review = record_save(
            Review(plan=plan),
            user=user,
            fields={
                **details.__dict__,
                "recorded_by": user,
                "t_score": review_t_score(progress),
            },
        )
        for position, item in enumerate(contributions, start=1):
            Contribution.objects.create(review=review, position=position, **item.__dict__)
        targets = _change_targets(plan, progress, user)
        for entry in progress:
            _outcome_progress_save(
                review=review, entry=entry, user=user, target=targets.get(entry.outcome.pk)
            )
        if plan.last_reviewed_on is None or details.meeting_on >= plan.last_reviewed_on:
            record_save(plan, user=user, fields={"last_reviewed_on": details.meeting_on})
        plan_schedule_refresh(plan=plan, today=today)
    return review


def _changes_outcome(entry: ProgressEntry) -> bool:
    return entry.decision != OutcomeDecision.CONTINUE or bool(entry.new_step.strip())


def _change_targets(
    plan: Plan, progress: Sequence[ProgressEntry], user: User | None
) -> dict[int, Outcome | None]:
    """Which outcome each entry's changes are written to: the outcome itself on a draft, its
    copy in a new draft version on an issued one (None: nothing to change on it)."""
    if not plan.is_fixed:
        return {entry.outcome.pk: entry.outcome for entry in progress}
    if not any(_changes_outcome(entry) for entry in progress):
        return {}
    if not plan.is_current:
        raise ReviewError(NOT_CURRENT_VERSION)
    draft = plan_amend(plan=plan, user=user)
    copies: dict[int, Outcome | None] = draft.copied_outcomes  # type: ignore[attr-defined]
    return dict(copies)


def _outcome_progress_save(
    *, review: Review, entry: ProgressEntry, user: User | None, target: Outcome | None
) -> None:
    status = entry.achievement_status or suggested_status(entry)
    if target is not None:
        new_outcome = _outcome_changes_save(entry, target=target, status=status, user=user)
    else:
        new_outcome = None
    OutcomeProgress.objects.create(
        review=review,
        outcome=entry.outcome,
        gas_level=entry.gas_level,
        weight=gas_settings(entry.outcome).weight,
        achievement_status=status,
        evidence=entry.evidence,
        decision=entry.decision,
        new_outcome=new_outcome,
    )


def _outcome_changes_save(
    entry: ProgressEntry, *, target: Outcome, status: str, user: User | None
) -> Outcome | None:
    """Write the meeting's decision to ``target`` (the outcome, or its copy in a new version);
    the new outcome it made, if any."""
    outcome = target
    new_outcome: Outcome | None = None
    changes: dict[str, object] = {"achievement_status": status}
    if entry.decision == OutcomeDecision.REVISE:
        new_outcome = _outcome_version(outcome, entry.new_text, user)
        changes["archived_at"] = timezone.now()
    elif entry.decision == OutcomeDecision.REPLACE:
        new_outcome = _outcome_version(outcome, entry.new_text, user, copy_links=False)
        changes.update(lifecycle_status="completed", archived_at=timezone.now())
    elif entry.decision == OutcomeDecision.CEASE:
        changes.update(lifecycle_status="cancelled", archived_at=timezone.now())
    record_save(outcome, user=user, fields=changes)
    if entry.new_step.strip():
        step_outcome = new_outcome or outcome
        if entry.decision != OutcomeDecision.CEASE:
            record_save(
                Step(outcome=step_outcome),
                user=user,
                fields={"text": entry.new_step.strip(), "due_date": entry.new_step_due},
            )
    return new_outcome


def _outcome_version(
    old: Outcome, text: str, user: User | None, *, copy_links: bool = True
) -> Outcome:
    """A new outcome with the new words; a revision keeps the old one's links and help."""
    links: dict[str, list[Any]] = {}
    if copy_links:
        links = {
            "themes": list(old.themes.all()),
            "needs": list(old.needs.all()),
            "aspirations": list(old.aspirations.all()),
        }
    new = part_save(
        Outcome(plan=old.plan),
        user=user,
        fields={
            "text": text.strip(),
            "domain": old.domain,
            "area": old.area,
            "term": old.term,
            "position": old.position,
            "due_date": None if not copy_links else old.due_date,
        },
        links=links,
    )
    if copy_links:
        for help_ in old.provision.filter(archived_at__isnull=True):
            record_save(
                help_, user=user, fields={}, links={"outcomes": [*help_.outcomes.all(), new]}
            )
        levels = gas_settings(old)
        if levels.pk is not None:
            OutcomeGasLevels.objects.create(
                outcome=new, levels=levels.levels, baseline=levels.baseline, weight=levels.weight
            )
    return new
