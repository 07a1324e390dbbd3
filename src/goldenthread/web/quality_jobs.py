"""Keep stored quality verdicts true: re-judge those judged by another engine, day or child.

A SMART verdict depends on the engine (rules and model), the day (a time frame can pass) and
the child (early-years time frames, phase). ``Outcome`` records all three beside
``quality_smart``; ``WordingCheck`` records the engine and day. Run nightly
(``goldenthread quality-rejudge``) and after a model change.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import F, Q
from django.utils import timezone

from goldenthread.core.quality.engine import engine_version
from goldenthread.web.insights.models import WordingCheck
from goldenthread.web.plans.models import Outcome
from goldenthread.web.plans.services.links import outcome_verdict

CHUNK = 2_000
FIELDS = (
    "quality_smart",
    "quality_second_look",
    "quality_engine",
    "quality_judged_on",
    "quality_child_born",
)


def stale_outcomes_filter(*, today: dt.date, version: str) -> Q:
    """Outcomes whose stored verdict was judged by another engine, before today, or for a child
    whose date of birth has since changed."""
    return (
        ~Q(quality_engine=version)
        | Q(quality_judged_on__isnull=True)
        | Q(quality_judged_on__lt=today)
        | ~Q(quality_child_born=F("plan__child__date_of_birth"))
        | Q(quality_child_born__isnull=True)
    )


def rejudge_stale_verdicts(*, today: dt.date | None = None) -> int:
    """Judge again every stale stored verdict; return how many outcome verdicts were re-judged.

    Stale wording checks (another engine or an earlier day) are dropped, so the next insights
    refresh judges those wordings again."""
    today = today or timezone.localdate()
    version = engine_version()
    stale = (
        Outcome.objects.filter(stale_outcomes_filter(today=today, version=version))
        .select_related("plan__child")
        .order_by("pk")
    )
    done = 0
    batch: list[Outcome] = []
    for outcome in stale.iterator(chunk_size=CHUNK):
        for name, value in outcome_verdict(outcome, outcome.text, today=today).items():
            setattr(outcome, name, value)
        batch.append(outcome)
        if len(batch) == CHUNK:
            done += Outcome.objects.bulk_update(batch, FIELDS)
            batch = []
    if batch:
        done += Outcome.objects.bulk_update(batch, FIELDS)
    WordingCheck.objects.filter(
        ~Q(engine=version) | Q(judged_on__isnull=True) | Q(judged_on__lt=today)
    ).delete()
    return done
