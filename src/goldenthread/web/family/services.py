"""Writes from the family view: views and ideas sent to the coordinator, the coordinator's
decision, and the parts a young person keeps from their parents.

Every write is on the audit trail. Ideas go through the coordinator like any contribution
(docs/adr/0011-contributions.md): ``plans.services.contributions.plan_decider`` says who
decides, and an accepted hope or outcome goes into a draft plan with ``record_save`` (its
history and change log), accepted, with the young person or parent as the one who proposed it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from goldenthread.web.access.audit import audit_event_record
from goldenthread.web.access.models import AuditAction
from goldenthread.web.access.policy import child_access
from goldenthread.web.access.services import YOUNG_PERSON_AGE
from goldenthread.web.accounts.models import Role, User
from goldenthread.web.family.meetings import next_meeting_due
from goldenthread.web.family.models import FamilyIdea, FamilyIdeaKind, HiddenFromParents, PartKind
from goldenthread.web.plans.models import (
    Aspiration,
    AspirationVoice,
    Child,
    ContributionStatus,
    Outcome,
    Plan,
    PlanStatus,
)
from goldenthread.web.plans.services.common import record_save
from goldenthread.web.plans.services.contributions import (
    ALREADY_DECIDED,
    COMMENT_NEEDED,
    NOT_THE_COORDINATOR,
    plan_decider,
)

IDEA_EMPTY = "Write what you want to tell us"
IDEA_TOO_LONG = "Write 2,000 characters or fewer"
IDEA_MAX = 2000
IDEA_NOT_FAMILY = "Only the young person or their family can send this"
IDEA_ONLY_YOUNG_PERSON = "Only the young person, or a parent who acts for them, can add this"
IDEA_NO_REVIEW = "There is no meeting to look at the plan coming up"
IDEA_NOT_DRAFT = "There is no draft plan to give views on"
IDEA_DATE_PAST = "The date must be in the future"
DOMAIN_NEEDED = "Choose which part of the plan this goes in"
HIDE_ONLY_YOUNG_PERSON = "Only the young person can choose what their parents see"
HIDE_FROM_16 = "You can choose what your parents see from your 16th birthday"

PROPOSALS = frozenset({FamilyIdeaKind.HOPE, FamilyIdeaKind.OUTCOME})


class FamilyError(ValueError):
    """A request the rules refuse; ``field`` names the form field it is about."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


def may_propose(user: User, child: Child) -> bool:
    """Hopes and outcomes come from the young person, or a parent who acts for them."""
    access = child_access(user, child.pk)
    if not access.is_family:
        return False
    return user.role == Role.CHILD or access.lacks_capacity


def idea_send(
    *, plan: Plan, by: User, kind: str, text: str, by_when: dt.date | None = None
) -> FamilyIdea:
    """A family's view or idea, waiting for the plan's coordinator."""
    idea_kind = FamilyIdeaKind(kind)
    if not child_access(by, plan.child_id).is_family:
        raise FamilyError(IDEA_NOT_FAMILY)
    if idea_kind in PROPOSALS and not may_propose(by, plan.child):
        raise FamilyError(IDEA_ONLY_YOUNG_PERSON, "kind")
    meeting = next_meeting_due(plan)
    if idea_kind == FamilyIdeaKind.REVIEW_VIEWS and meeting is None:
        raise FamilyError(IDEA_NO_REVIEW, "kind")
    if idea_kind == FamilyIdeaKind.DRAFT_VIEWS and plan.status != PlanStatus.DRAFT:
        raise FamilyError(IDEA_NOT_DRAFT, "kind")
    words = text.strip()
    if not words:
        raise FamilyError(IDEA_EMPTY, "text")
    if len(words) > IDEA_MAX:
        raise FamilyError(IDEA_TOO_LONG, "text")
    if by_when is not None and by_when <= timezone.localdate():
        raise FamilyError(IDEA_DATE_PAST, "by_when")
    with transaction.atomic():
        idea = FamilyIdea.objects.create(
            plan=plan,
            kind=idea_kind,
            text=words,
            by_when=by_when if idea_kind == FamilyIdeaKind.OUTCOME else None,
            review_due=meeting,
            author=by,
            author_role=by.role,
        )
        audit_event_record(
            person=by,
            action=AuditAction.CREATE,
            child_id=plan.child_id,
            object_type="familyidea",
            object_id=idea.pk,
        )
    return idea


def _into_plan(idea: FamilyIdea, *, by: User, domain: str) -> None:
    """An accepted hope or outcome becomes a part of a draft plan, accepted."""
    young_person = idea.author_role == Role.CHILD
    who = {
        "proposed_by": idea.author,
        "proposed_service": "The young person" if young_person else "Their parent or carer",
    }
    if idea.kind == FamilyIdeaKind.HOPE:
        voice = AspirationVoice.CHILD if young_person else AspirationVoice.PARENT
        part = record_save(
            Aspiration(plan=idea.plan), user=by, fields={"text": idea.text, "voice": voice}
        )
        idea.part_kind, idea.part_id = PartKind.ASPIRATION, part.pk
        return
    if not domain:
        raise FamilyError(DOMAIN_NEEDED, "domain")
    outcome = record_save(
        Outcome(plan=idea.plan),
        user=by,
        fields={
            "text": idea.text,
            "domain": domain,
            "due_date": idea.by_when,
            "in_own_words": young_person,
            "contribution_status": ContributionStatus.ACCEPTED,
            "decided_by": by,
            "decided_at": timezone.now(),
            **who,
        },
    )
    idea.part_kind, idea.part_id = PartKind.OUTCOME, outcome.pk


def idea_decide(
    idea: FamilyIdea, *, by: User, accept: bool, comment: str = "", domain: str = ""
) -> FamilyIdea:
    """The coordinator accepts a family's idea or sends it back with a comment. An accepted
    hope or outcome goes into the plan when the plan is a draft; an issued plan never changes
    (ADR 0025), so it waits for the next version and the coordinator is told."""
    if not plan_decider(idea.plan, by):
        raise PermissionError(NOT_THE_COORDINATOR)
    if idea.status != ContributionStatus.PROPOSED:
        raise FamilyError(ALREADY_DECIDED)
    if not accept and not comment.strip():
        raise FamilyError(COMMENT_NEEDED, "comment")
    with transaction.atomic():
        in_draft = idea.plan.status == PlanStatus.DRAFT and idea.plan.is_current
        if accept and idea.kind in PROPOSALS and in_draft:
            _into_plan(idea, by=by, domain=domain)
        idea.status = ContributionStatus.ACCEPTED if accept else ContributionStatus.RETURNED
        idea.decision_comment = comment.strip()
        idea.decided_by = by
        idea.decided_at = timezone.now()
        idea.save()
        audit_event_record(
            person=by,
            action=AuditAction.UPDATE,
            child_id=idea.plan.child_id,
            object_type="familyidea",
            object_id=idea.pk,
        )
    return idea


def hidden_parts(child: Child) -> set[tuple[str, int]]:
    rows = HiddenFromParents.objects.filter(child=child, shown_again_at__isnull=True)
    return {(kind, int(part_id)) for kind, part_id in rows.values_list("part_kind", "part_id")}


def parts_hide(*, child: Child, by: User, hide: Iterable[tuple[str, int]]) -> set[tuple[str, int]]:
    """The young person chooses which parts of their plan their parents do not see. Parts not
    chosen any more are shown again (marked, never deleted)."""
    if not child_access(by, child.pk).can_choose_what_parents_see:
        raise FamilyError(HIDE_ONLY_YOUNG_PERSON)
    if child.age_on() < YOUNG_PERSON_AGE:
        raise FamilyError(HIDE_FROM_16)
    wanted = {(PartKind(kind).value, int(part_id)) for kind, part_id in hide}
    now = timezone.now()
    with transaction.atomic():
        current = hidden_parts(child)
        for kind, part_id in wanted - current:
            HiddenFromParents.objects.create(
                child=child, part_kind=kind, part_id=part_id, hidden_by=by, hidden_at=now
            )
        for kind, part_id in current - wanted:
            HiddenFromParents.objects.filter(
                child=child, part_kind=kind, part_id=part_id, shown_again_at__isnull=True
            ).update(shown_again_at=now)
        audit_event_record(
            person=by, action=AuditAction.PRIVACY, child_id=child.pk, object_type="childprivacy"
        )
    return wanted


def hidden_parts_copy(*, child_id: int, copies: dict[str, dict[int, int]]) -> int:
    """When a plan is amended into a new version, each part the young person kept from their
    parents is kept in its copy too (``copies``: kind -> original id -> copy id)."""
    rows = HiddenFromParents.objects.filter(child_id=child_id, shown_again_at__isnull=True)
    added = 0
    for row in list(rows):
        copy_id = copies.get(row.part_kind, {}).get(int(row.part_id))
        if copy_id is None:
            continue
        HiddenFromParents.objects.create(
            child_id=child_id,
            part_kind=row.part_kind,
            part_id=copy_id,
            hidden_by_id=row.hidden_by_id,
            hidden_at=row.hidden_at,
        )
        added += 1
    return added
