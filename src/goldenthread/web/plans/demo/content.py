"""The parts of one plan: aspirations, needs, outcomes with steps, provision, and their links.

Honest about practice: some needs have no outcome, some outcomes no provision, some provision
serves nothing and some aspirations nothing works towards (the gaps the golden-thread page finds).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from goldenthread.web.plans.demo.batch import Batch
from goldenthread.web.plans.demo.needs import NeedIdea
from goldenthread.web.plans.demo.outcomes import outcome_draft
from goldenthread.web.plans.demo.people import ChildProfile, phase_of
from goldenthread.web.plans.demo.topics import TOPIC_BY_KEY, TOPICS, ProvisionIdea, Topic
from goldenthread.web.plans.models import Aspiration, Need, Outcome, Plan, Provision, Step

# Gaps, as shares: needs with no outcome, outcomes with no provision, plans with provision that
# serves nothing, aspirations nothing works towards, outcomes not yet tagged with any theme.
NEED_WITHOUT_OUTCOME = 0.15
OUTCOME_WITHOUT_PROVISION = 0.10
PLAN_WITH_SPARE_PROVISION = 0.12
ASPIRATION_UNSERVED = 0.2
OUTCOME_UNTAGGED = 0.15
MAX_OUTCOMES = 10


@dataclass(frozen=True)
class PlanBrief:
    """What to write into one plan."""

    plan: Plan
    child: ChildProfile
    needs: list[NeedIdea]
    aspirations: list[tuple[str, str]]  # (text, voice)
    outcome_count: int
    written: dt.date
    today: dt.date
    with_gaps: bool = True


def plan_parts_build(batch: Batch, rng: random.Random, brief: PlanBrief) -> None:
    """Add a plan's aspirations, needs, outcomes, steps and provision, all linked, to the batch."""
    _PlanWriter(batch, rng, brief).write()


class _PlanWriter:
    def __init__(self, batch: Batch, rng: random.Random, brief: PlanBrief) -> None:
        self.batch, self.rng, self.brief = batch, rng, brief
        self.gaps = brief.with_gaps
        self.provision_made: dict[ProvisionIdea, Provision] = {}
        self.provision_needs: set[tuple[int, int]] = set()

    def _gap(self, share: float) -> bool:
        return self.gaps and self.rng.random() < share

    def write(self) -> None:
        brief, batch, child = self.brief, self.batch, self.brief.child
        aspirations = [
            batch.add(Aspiration(plan=brief.plan, text=text, voice=voice, position=i))
            for i, (text, voice) in enumerate(brief.aspirations)
        ]
        served = [a for a in aspirations if not self._gap(ASPIRATION_UNSERVED)]
        needs = []
        for i, (topic_key, domain, text, barrier) in enumerate(brief.needs):
            need = Need(
                plan=brief.plan,
                text=text.format(name=child.known_as),
                area=TOPIC_BY_KEY[topic_key].area,
                domain=domain,
                barrier=barrier.format(name=child.known_as),
                position=i,
            )
            needs.append((batch.add(need), topic_key))
        linked = [n for n in needs if not self._gap(NEED_WITHOUT_OUTCOME)] or needs[:1]
        linked = linked[:MAX_OUTCOMES]
        count = min(max(brief.outcome_count, len(linked)), MAX_OUTCOMES)
        targets = linked + [self.rng.choice(linked) for _ in range(count - len(linked))]
        for position, (need, topic_key) in enumerate(targets):
            self._outcome_add(need, TOPIC_BY_KEY[topic_key], position, aspirations, served)
        if self._gap(PLAN_WITH_SPARE_PROVISION):
            idea = self.rng.choice(self.rng.choice(TOPICS).provision)
            if idea not in self.provision_made:
                self._provision_new(idea, None)

    def _outcome_add(
        self,
        need: Need,
        topic: Topic,
        position: int,
        aspirations: list[Aspiration],
        served: list[Aspiration],
    ) -> None:
        brief, batch, rng = self.brief, self.batch, self.rng
        draft = outcome_draft(
            rng,
            topic=topic,
            child=brief.child,
            phase=phase_of(brief.child.age_on(brief.written)),
            written=brief.written,
            today=brief.today,
            aspirations=tuple(a.text for a in aspirations),
        )
        outcome = batch.add(
            Outcome(
                plan=brief.plan,
                text=draft.text,
                domain=need.domain,
                area=topic.area,
                due_date=draft.due_date,
                term=draft.term,
                lifecycle_status=draft.lifecycle_status,
                achievement_status=draft.achievement_status,
                in_own_words=draft.in_own_words,
                position=position,
            )
        )
        batch.link(outcome, "needs", need)
        if not self._gap(OUTCOME_UNTAGGED):
            for theme in draft.themes:
                batch.link(outcome, "themes", theme)
        if served and rng.random() < 0.6:
            batch.link(outcome, "aspirations", rng.choice(served))
        for text, due, status in draft.steps:
            batch.add(Step(outcome=outcome, text=text, due_date=due, achievement_status=status))
        if self._gap(OUTCOME_WITHOUT_PROVISION):
            return
        same_domain = [p for p in topic.provision if p.domain == need.domain]
        idea = rng.choice(same_domain or list(topic.provision))
        provision = self.provision_made.get(idea) or self._provision_new(idea, draft.due_date)
        if (provision.pk, need.pk) not in self.provision_needs:
            self.provision_needs.add((provision.pk, need.pk))
            batch.link(provision, "needs", need)
        batch.link(provision, "outcomes", outcome)

    def _provision_new(self, idea: ProvisionIdea, end: dt.date | None) -> Provision:
        brief = self.brief
        part = _provision(
            idea,
            plan=brief.plan,
            child=brief.child,
            start=brief.written,
            end=end,
            position=len(self.provision_made),
        )
        self.provision_made[idea] = part
        return self.batch.add(part)


def _provision(
    idea: ProvisionIdea,
    *,
    plan: Plan,
    child: ChildProfile,
    start: dt.date,
    end: dt.date | None,
    position: int,
) -> Provision:
    return Provision(
        plan=plan,
        description=idea.description.format(name=child.known_as),
        delivered_by=idea.delivered_by,
        frequency=idea.frequency,
        duration=idea.duration,
        group_size=idea.group_size,
        location=idea.location,
        start_date=start,
        end_date=end,
        domain=idea.domain,
        position=position,
    )
