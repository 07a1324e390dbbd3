"""Scheduled jobs with a moved clock: django-q2's own scheduler starts each job at its time,
each run is recorded, and a failing job is retried, then reported and shown as failed."""

from __future__ import annotations

import datetime as dt
from typing import Any
from unittest import mock

import pytest
from django.utils import timezone
from django_q.brokers import get_broker
from django_q.conf import Conf
from django_q.models import Schedule
from django_q.scheduler import scheduler

from goldenthread.web.accounts.models import Role
from goldenthread.web.jobs import schedules as registry
from goldenthread.web.jobs.models import JobRun, RunOutcome
from goldenthread.web.jobs.runner import MAX_ATTEMPTS, schedules_ensure
from goldenthread.web.notifications.models import Notification
from tests.web import factories
from tests.web.conftest import PageClient

START = timezone.make_aware(dt.datetime(2026, 12, 1, 12, 0))


def boom() -> None:
    raise RuntimeError("the database went away")


@pytest.fixture(autouse=True)
def sync_runner(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tasks run in this process as the scheduler makes them (no cluster needed for the test)."""
    monkeypatch.setattr(Conf, "SYNC", True)


def tick(at: dt.datetime) -> None:
    """Move the clock to ``at`` and let django-q2's scheduler start whatever is due."""
    with mock.patch("django.utils.timezone.now", return_value=at):
        scheduler(broker=get_broker())


def runs(job: str) -> list[JobRun]:
    return list(JobRun.objects.filter(job=job).order_by("started_at", "id"))


def local(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime(2026, 12, day, hour, minute))


def test_every_registered_job_gets_one_schedule(db: None) -> None:
    names = schedules_ensure(now=START)
    assert names == [job.schedule_name for job in registry.SCHEDULES]
    schedules_ensure(now=START)
    assert Schedule.objects.filter(name__startswith=registry.PREFIX).count() == len(names)


def test_the_nightly_refresh_and_the_digest_run_on_schedule(db: None) -> None:
    schedules_ensure(now=START)
    tick(local(2, 1, 59))
    assert runs("insights-refresh") == []
    tick(local(2, 2, 1))
    [refresh] = runs("insights-refresh")
    assert refresh.outcome == RunOutcome.SUCCEEDED
    assert refresh.ended_at is not None and set(refresh.counts) >= {"outcomes", "needs"}
    assert runs("email-digest") == []
    tick(local(2, 7, 1))
    [digest] = runs("email-digest")
    assert (digest.outcome, digest.counts) == (RunOutcome.SUCCEEDED, {"emails": 0})
    tick(local(2, 7, 30))  # nothing runs twice in a day
    assert len(runs("insights-refresh")) == 1 and len(runs("email-digest")) == 1
    tick(local(3, 2, 1))
    assert len(runs("insights-refresh")) == 2


def test_a_failing_job_is_retried_then_reported_and_shown_as_failed(
    db: None, monkeypatch: pytest.MonkeyPatch, page: PageClient
) -> None:
    failing = registry.ScheduledJob("doomed", f"{__name__}.boom", "Always fails", at=dt.time(4))
    monkeypatch.setattr(registry, "SCHEDULES", [*registry.SCHEDULES, failing])
    admin = factories.user_create(role=Role.ADMINISTRATOR, username="admin")
    schedules_ensure(now=START)
    when = local(2, 4, 1)
    tick(when)
    for attempt in range(2, MAX_ATTEMPTS + 1):
        when += dt.timedelta(minutes=10 * (attempt - 1) + 1)
        tick(when)
    tried = runs("doomed")
    assert [run.attempt for run in tried] == list(range(1, MAX_ATTEMPTS + 1))
    assert {run.outcome for run in tried} == {RunOutcome.FAILED}
    assert "RuntimeError" in tried[0].error and tried[0].retry_at is not None
    assert tried[-1].gave_up and not any(run.gave_up for run in tried[:-1])
    tick(when + dt.timedelta(hours=1))
    assert len(runs("doomed")) == MAX_ATTEMPTS  # no more retries
    assert Notification.objects.filter(recipient=admin, kind="job_failed").count() == 1
    page.sign_in(admin)
    shown = page.get("/scheduled-jobs/")
    assert "1 run failed every try" in shown.text
    assert f"Gave up after {MAX_ATTEMPTS} tries" in shown.text


def test_only_administrators_see_the_jobs_page(coordinator_page: PageClient) -> None:
    coordinator_page.get("/scheduled-jobs/", status=403)


def test_the_retention_job_is_a_dry_run(db: None, monkeypatch: pytest.MonkeyPatch) -> None:
    from goldenthread.web.jobs import tasks

    applied: list[Any] = []
    monkeypatch.setattr(
        "goldenthread.web.security.retention.retention_apply", lambda **kw: applied.append(kw)
    )
    counts = tasks.retention_check()
    assert applied == [] and all(isinstance(v, int) for v in counts.values())
