"""Run one scheduled job, record the run, retry a failure, report one that keeps failing.

django-q2 calls ``job_run(name)`` from each schedule (``schedules_ensure`` makes them). A
failed run is recorded as failed, and a one-off schedule tries it again later (10, then 20
minutes). When the last try fails too, every active administrator gets a notification, and the
"Scheduled jobs" page shows the run as failed (ADR 0023).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from goldenthread.web.jobs import schedules as registry
from goldenthread.web.jobs.models import JobRun, RunOutcome
from goldenthread.web.jobs.schedules import PREFIX, ScheduledJob, scheduled_job

logger = logging.getLogger(__name__)
RUNNER = "goldenthread.web.jobs.runner.job_run"
MAX_ATTEMPTS = 3
RETRY_AFTER = dt.timedelta(minutes=10)


def job_run(name: str, attempt: int = 1) -> dict[str, Any]:
    """Run the job called ``name`` once, recorded; schedule a retry if it fails."""
    job = scheduled_job(name)
    run = JobRun.objects.create(job=name, attempt=attempt, started_at=timezone.now())
    try:
        function: Callable[[], dict[str, int] | None] = import_string(job.func)
        counts = function() or {}
    except Exception as problem:
        run.outcome = RunOutcome.FAILED
        run.error = f"{type(problem).__name__}: {problem}"[:300]
        run.ended_at = timezone.now()
        if attempt < MAX_ATTEMPTS:
            run.retry_at = run.ended_at + RETRY_AFTER * attempt
            _retry_schedule(name, attempt + 1, run.retry_at)
        else:
            run.gave_up = True
        run.save()
        logger.error("job %s failed (attempt %s): %s", name, attempt, type(problem).__name__)
        if run.gave_up:
            _report(run)
        return {"outcome": "failed", "attempt": attempt}
    run.outcome, run.counts, run.ended_at = RunOutcome.SUCCEEDED, counts, timezone.now()
    run.save()
    return {"outcome": "succeeded", **counts}


def _retry_schedule(name: str, attempt: int, when: dt.datetime) -> None:
    from django_q.models import Schedule

    Schedule.objects.update_or_create(
        name=f"{PREFIX}retry {name} #{attempt}",
        defaults={
            "func": RUNNER,
            "args": repr((name, attempt)),
            "schedule_type": Schedule.ONCE,
            "next_run": when,
            "repeats": -1,
        },
    )


def _report(run: JobRun) -> None:
    from goldenthread.web.accounts.models import Role, User
    from goldenthread.web.notifications.kinds import NoticeKind
    from goldenthread.web.notifications.services import notification_create

    for admin in User.objects.filter(role=Role.ADMINISTRATOR, is_active=True):
        notification_create(
            recipient=admin,
            kind=NoticeKind.JOB_FAILED,
            key=f"job-failed:{run.pk}:{admin.pk}",
            text=f"The scheduled job '{run.job}' failed {run.attempt} times",
            link="/scheduled-jobs/",
        )


def next_daily_run(at: dt.time, *, now: dt.datetime) -> dt.datetime:
    """The next time the local clock shows ``at``, after ``now``."""
    local = timezone.localtime(now)
    candidate = timezone.make_aware(dt.datetime.combine(local.date(), at))
    if candidate <= now:
        candidate = timezone.make_aware(dt.datetime.combine(local.date() + dt.timedelta(1), at))
    return candidate


def _schedule_fields(job: ScheduledJob, now: dt.datetime) -> dict[str, Any]:
    from django_q.models import Schedule

    fields: dict[str, Any] = {"func": RUNNER, "args": repr((job.name,)), "repeats": -1}
    if job.every_minutes:
        return fields | {
            "schedule_type": Schedule.MINUTES,
            "minutes": job.every_minutes,
            "next_run": now + dt.timedelta(minutes=job.every_minutes),
        }
    assert job.at is not None
    return fields | {"schedule_type": Schedule.DAILY, "next_run": next_daily_run(job.at, now=now)}


def schedules_ensure(*, now: dt.datetime | None = None) -> list[str]:
    """Make or update a django-q2 schedule for every job in the registry; drop ones no longer
    in it. A schedule's next run is kept when its timing has not changed."""
    from django_q.models import Schedule

    now = now or timezone.now()
    names = []
    with transaction.atomic():
        for job in registry.SCHEDULES:
            fields = _schedule_fields(job, now)
            existing = Schedule.objects.filter(name=job.schedule_name).first()
            same_timing = existing is not None and (
                existing.schedule_type == fields["schedule_type"]
                and existing.minutes == fields.get("minutes")
                and existing.func == RUNNER
                and (job.at is None or timezone.localtime(existing.next_run).time() == job.at)
            )
            if same_timing:
                fields.pop("next_run")
            Schedule.objects.update_or_create(name=job.schedule_name, defaults=fields)
            names.append(job.schedule_name)
        stale = Schedule.objects.filter(name__startswith=PREFIX, func=RUNNER).exclude(
            name__in=names
        )
        stale.exclude(name__startswith=f"{PREFIX}retry ").delete()
    return names
