"""The plan as a family reads it: in the order a family thinks, in plain words.

What I want for my future (hopes), what is hard for me (needs), what will change and by when
(outcomes), who helps me and how often (the help in the plan), and how I am getting on (the
last review's scores as a picture and words). Only parts the coordinator accepted are shown,
and a parent never sees a part the young person kept from them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from goldenthread.core.vocabulary import Area
from goldenthread.web.access.policy import ChildAccess, Reason
from goldenthread.web.family.meetings import next_meeting_due, views_wanted_by
from goldenthread.web.family.models import FamilyIdea, PartKind
from goldenthread.web.family.services import hidden_parts
from goldenthread.web.formfields import date_uk
from goldenthread.web.plans.models import AspirationVoice, Child, Plan, PlanStatus
from goldenthread.web.plans.selectors import golden_thread_get, plans_for_child
from goldenthread.web.reviews.models import OutcomeProgress

# The area of need a "hard thing" is about, in words a child knows.
AREA_WORDS = {
    Area.COMMUNICATION.value: "Talking and listening",
    Area.COGNITION.value: "Learning",
    Area.SEMH.value: "Feelings and friends",
    Area.SENSORY_PHYSICAL.value: "Seeing, hearing and moving",
}
# A review's score for one goal (-2 to +2), as a step on a bar of five and in words.
PROGRESS_WORDS = {
    -2: "Just starting",
    -1: "Getting closer",
    0: "Done, just as we hoped",
    1: "Done, and a bit more",
    2: "Done, and lots more",
}
STEPS = 5


def by_when(day: dt.date | None) -> str:
    """ "by July 2027": a family plans in months, not days."""
    return f"by {day:%B %Y}" if day else ""


@dataclass(frozen=True)
class Progress:
    step: int  # 1 to 5
    words: str
    checked_on: dt.date

    @property
    def steps(self) -> list[bool]:
        return [n <= self.step for n in range(1, STEPS + 1)]


@dataclass(frozen=True)
class Item:
    """One line of the family's plan. ``own_words``: the child's or family's own words, which
    the readability test leaves out (they are theirs to write as they like)."""

    kind: str
    pk: int
    text: str
    own_words: bool = False
    label: str = ""
    when: str = ""
    who: str = ""
    how_often: str = ""
    how_long: str = ""
    where: str = ""
    progress: Progress | None = None
    hidden: bool = False


@dataclass
class FamilyPlan:
    child: Child
    plan: Plan | None
    hopes: list[Item] = field(default_factory=list)
    hard: list[Item] = field(default_factory=list)
    changes: list[Item] = field(default_factory=list)
    helpers: list[Item] = field(default_factory=list)
    next_meeting: str = ""
    views_by: str = ""
    is_draft: bool = False

    @property
    def progress(self) -> list[Item]:
        return [item for item in self.changes if item.progress]

    @property
    def parts(self) -> list[Item]:
        return [*self.hopes, *self.hard, *self.changes, *self.helpers]


def current_plan(child: Child) -> Plan | None:
    """The plan the family lives with now: the newest current one."""
    plans = [p for p in plans_for_child(child).order_by("-version", "-pk") if p.is_current]
    return plans[0] if plans else None


def _latest_progress(plan: Plan) -> dict[int, Progress]:
    rows = (
        OutcomeProgress.objects.filter(outcome__plan__child_id=plan.child_id)
        .select_related("review")
        .order_by("review__meeting_on", "pk")
    )
    latest: dict[int, Progress] = {}
    for row in rows:
        level = max(-2, min(2, int(row.gas_level)))
        latest[row.outcome_id] = Progress(level + 3, PROGRESS_WORDS[level], row.review.meeting_on)
    return latest


def family_plan(child: Child, access: ChildAccess) -> FamilyPlan:
    """The current plan for this family member: accepted parts only, less any part the young
    person kept from their parents when a parent is reading."""
    plan = current_plan(child)
    result = FamilyPlan(child, plan)
    if plan is None:
        return result
    hidden = hidden_parts(child)
    for_parent = Reason.PARENT in access.reasons and not access.lacks_capacity
    young_person = Reason.SELF in access.reasons

    def keep(kind: str, pk: int) -> bool:
        return not (for_parent and (kind, pk) in hidden)

    thread = golden_thread_get(plan, accepted_only=True)
    progress = _latest_progress(plan)
    result.hopes = [
        Item(
            PartKind.ASPIRATION,
            a.pk,
            a.text,
            own_words=True,
            label="In my words" if a.voice == AspirationVoice.CHILD else "In my family's words",
            hidden=young_person and (PartKind.ASPIRATION, a.pk) in hidden,
        )
        for a in thread.aspirations
        if keep(PartKind.ASPIRATION, a.pk)
    ]
    result.hard = [
        Item(
            PartKind.NEED,
            n.pk,
            n.text,
            label=AREA_WORDS.get(n.area, ""),
            hidden=young_person and (PartKind.NEED, n.pk) in hidden,
        )
        for n in thread.needs
        if keep(PartKind.NEED, n.pk)
    ]
    result.changes = [
        Item(
            PartKind.OUTCOME,
            o.pk,
            o.text,
            own_words=o.in_own_words,
            when=by_when(o.due_date),
            progress=progress.get(o.pk),
            hidden=young_person and (PartKind.OUTCOME, o.pk) in hidden,
        )
        for o in thread.outcomes
        if keep(PartKind.OUTCOME, o.pk)
    ]
    result.helpers = [
        Item(
            PartKind.PROVISION,
            p.pk,
            p.description,
            who=p.delivered_by,
            how_often=p.frequency,
            how_long=p.duration,
            where=p.location,
            hidden=young_person and (PartKind.PROVISION, p.pk) in hidden,
        )
        for p in thread.provision
        if keep(PartKind.PROVISION, p.pk)
    ]
    result.next_meeting = by_when(next_meeting_due(plan))
    result.views_by = date_uk(views_wanted_by(plan))
    result.is_draft = plan.status == PlanStatus.DRAFT
    return result


def ideas_of(plan: Plan | None, author_ids: set[int]) -> list[FamilyIdea]:
    """What this family has sent about the plan, newest first."""
    if plan is None:
        return []
    return list(FamilyIdea.objects.filter(plan=plan, author_id__in=author_ids))
