"""A child's plans: the EHC plan (sometimes amended into version 2), and other plans beside it.

Reviews are dated as they happen in practice: most on time, but about one in five plans has
missed its last annual review (six-monthly under 5), so the caseload shows real overdue reviews.
"""

from __future__ import annotations

import datetime as dt
import random

from dateutil.relativedelta import relativedelta

from goldenthread.web.accounts.models import User
from goldenthread.web.plans.demo.batch import Batch
from goldenthread.web.plans.demo.content import PlanBrief, plan_parts_build
from goldenthread.web.plans.demo.needs import (
    ADULT_SOCIAL_CARE_NEEDS,
    HEALTH_NEEDS,
    NEEDS_BY_CODE,
    SOCIAL_CARE_NEEDS,
    NeedIdea,
)
from goldenthread.web.plans.demo.people import ChildProfile, phase_of
from goldenthread.web.plans.demo.phrases import CHILD_ASPIRATIONS, PARENT_ASPIRATIONS
from goldenthread.web.plans.demo.topics import EDUCATION, HEALTH, SOCIAL_CARE
from goldenthread.web.plans.models import Child, Plan
from goldenthread.web.plans.services.plans import plan_next_review_due

AMENDED_SHARE = 0.18
MISSED_REVIEW_SHARE = 0.25
OUTCOME_COUNT_WEIGHTS = {3: 6, 4: 12, 5: 16, 6: 16, 7: 14, 8: 10, 9: 6, 10: 4}
OTHER_PLAN_SHARES = {"sen_support": 0.25, "iep": 0.25, "child_in_need": 0.08, "short_breaks": 0.12}


def _days(rng: random.Random, low: int, high: int) -> dt.timedelta:
    return dt.timedelta(days=rng.randint(low, high))


def last_review_draw(
    rng: random.Random, *, anchor: dt.date, months: int, today: dt.date
) -> dt.date | None:
    """The latest review held since ``anchor``; sometimes the latest one due was missed."""
    held = []
    due = anchor + relativedelta(months=months)
    while due <= today:
        held.append(min(due + _days(rng, 0, 20), today))
        due = held[-1] + relativedelta(months=months)
    if held and rng.random() < MISSED_REVIEW_SHARE:
        held.pop()
    return held[-1] if held else None


def ehc_needs_choose(rng: random.Random, profile: ChildProfile, age: int) -> list[NeedIdea]:
    """Needs from the primary need, one from the secondary, and health and social care needs."""
    primary = list(NEEDS_BY_CODE[profile.primary_need])
    chosen = rng.sample(primary, min(len(primary), rng.randint(2, 3)))
    if profile.secondary_need:
        chosen.append(rng.choice(NEEDS_BY_CODE[profile.secondary_need]))
    care = ADULT_SOCIAL_CARE_NEEDS if age >= 16 and rng.random() < 0.6 else SOCIAL_CARE_NEEDS
    chosen.append(rng.choice(care))
    if not any(domain == SOCIAL_CARE for _, domain, _, _ in chosen):
        chosen.append(rng.choice(SOCIAL_CARE_NEEDS))
    if not any(domain == HEALTH for _, domain, _, _ in chosen) or rng.random() < 0.3:
        chosen.append(rng.choice(HEALTH_NEEDS))
    unique: dict[str, NeedIdea] = {idea[2]: idea for idea in chosen}
    return list(unique.values())


def aspirations_choose(
    rng: random.Random, profile: ChildProfile, age: int
) -> list[tuple[str, str]]:
    phase = phase_of(age)
    chosen = []
    for _ in range(rng.choices((1, 2, 3), weights=(3, 5, 2))[0]):
        if rng.random() < (0.35 if phase == "early" else 0.65):
            chosen.append((rng.choice(CHILD_ASPIRATIONS[phase]), "child"))
        else:
            chosen.append(
                (rng.choice(PARENT_ASPIRATIONS[phase]).format(name=profile.known_as), "parent")
            )
    return list(dict(chosen).items())


def ehc_plans_build(
    batch: Batch,
    rng: random.Random,
    *,
    child: Child,
    profile: ChildProfile,
    coordinator: User,
    today: dt.date,
) -> Plan:
    """The child's EHC plan: final, issued 0 to 4 years ago; some amended into version 2."""
    earliest = max(
        today - dt.timedelta(days=4 * 365), profile.date_of_birth + dt.timedelta(days=300)
    )
    if earliest >= today:
        earliest = today - dt.timedelta(days=20)
    issued = earliest + _days(rng, 0, (today - earliest).days)
    months = 6 if profile.age_on(today) < 5 else 12
    age = profile.age_on(today)
    needs = ehc_needs_choose(rng, profile, age)
    aspirations = aspirations_choose(rng, profile, age)
    v1 = batch.add(
        Plan(
            child=child,
            kind="ehc_plan",
            status="final",
            version=1,
            start_date=issued,
            issued_on=issued,
            coordinator=coordinator,
        ),
        stage="Plan",
    )
    current = v1
    if (today - issued).days > 420 and rng.random() < AMENDED_SHARE:
        amended_at = issued + relativedelta(months=months) + _days(rng, 0, 30)
        v1.last_reviewed_on = amended_at
        reissued = min(amended_at + _days(rng, 42, 84), today)
        current = batch.add(
            Plan(
                child=child,
                kind="ehc_plan",
                status="final",
                version=2,
                previous_version=v1,
                start_date=issued,
                issued_on=reissued,
                coordinator=coordinator,
                last_reviewed_on=amended_at,
            ),
            stage="PlanAmended",
        )
        plan_parts_build(
            batch,
            rng,
            PlanBrief(v1, profile, needs, aspirations, _outcome_count(rng), issued, today),
        )
    anchor = current.last_reviewed_on or issued
    current.last_reviewed_on = (
        last_review_draw(rng, anchor=anchor, months=months, today=today) or current.last_reviewed_on
    )
    current.next_review_due = plan_next_review_due(current)
    written = current.last_reviewed_on or current.issued_on or issued
    plan_parts_build(
        batch,
        rng,
        PlanBrief(current, profile, needs, aspirations, _outcome_count(rng), written, today),
    )
    return current


def _outcome_count(rng: random.Random) -> int:
    return rng.choices(list(OUTCOME_COUNT_WEIGHTS), weights=list(OUTCOME_COUNT_WEIGHTS.values()))[0]


def other_plans_build(
    batch: Batch,
    rng: random.Random,
    *,
    child: Child,
    profile: ChildProfile,
    ehc: Plan,
    senco: User | None,
    social_worker: User,
    today: dt.date,
) -> list[str]:
    """SEN support before the EHC plan, and sometimes an IEP, child in need or short breaks plan."""
    made = []
    age = profile.age_on(today)
    school_age = 5 <= age < 19 and senco is not None
    education = [n for n in ehc_needs_choose(rng, profile, age) if n[1] == EDUCATION] or list(
        NEEDS_BY_CODE["MLD"][:1]
    )
    assert ehc.issued_on is not None
    for kind, share in OTHER_PLAN_SHARES.items():
        if rng.random() >= share or (kind in {"sen_support", "iep"} and not school_age):
            continue
        if kind == "sen_support":
            start = max(
                ehc.issued_on - _days(rng, 180, 540),
                profile.date_of_birth + dt.timedelta(days=3 * 365),
            )
            plan = Plan(
                child=child,
                kind=kind,
                status="ceased",
                start_date=start,
                issued_on=start,
                end_date=ehc.issued_on,
                coordinator=senco,
            )
            needs, written, who = education[:2], start, senco
        else:
            start = today - _days(rng, 14, 300)
            plan = Plan(child=child, kind=kind, status="final", start_date=start, issued_on=start)
            if kind == "iep":
                needs, who = education[:2], senco
            else:
                needs, who = [rng.choice(SOCIAL_CARE_NEEDS)], social_worker
            written = start
        plan.coordinator = who
        plan.next_review_due = plan_next_review_due(plan)
        batch.add(plan, stage="Plan")
        brief = PlanBrief(plan, profile, needs, [], rng.randint(2, 3), written, today)
        plan_parts_build(batch, rng, brief)
        made.append(kind)
    return made
