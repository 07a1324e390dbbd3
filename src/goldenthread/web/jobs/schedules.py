"""Every scheduled job in one place: add a line here and ``goldenthread worker`` schedules it.

A job is a function that takes no arguments and returns a dict of counts (or None). It always
runs through ``goldenthread.web.jobs.runner.job_run``, which records the run, retries a failure
and reports one that keeps failing. Times are local (Europe/London).

"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

PREFIX = "gt: "


@dataclass(frozen=True)
class ScheduledJob:
    name: str
    func: str  # dotted path of a function taking no arguments
    description: str
    at: dt.time | None = None  # daily at this local time...
    every_minutes: int | None = None  # ...or every so many minutes

    @property
    def schedule_name(self) -> str:
        return PREFIX + self.name


TASKS = "goldenthread.web.jobs.tasks"

SCHEDULES: list[ScheduledJob] = [
    ScheduledJob(
        "review-deadlines",
        f"{TASKS}.review_deadlines_refresh",
        "Work out every plan's review deadlines again, as the days pass",
        at=dt.time(1, 30),
    ),
    ScheduledJob(
        "quality-rejudge",
        f"{TASKS}.quality_rejudge",
        "Judge again quality verdicts made by an older engine or for an earlier day",
        at=dt.time(1, 45),
    ),
    ScheduledJob(
        "insights-refresh",
        f"{TASKS}.insights_refresh",
        "Rebuild the area dashboards' figures (nightly)",
        at=dt.time(2, 0),
    ),
    ScheduledJob(
        "retention-check",
        f"{TASKS}.retention_check",
        "Count what the retention rules say is due (a dry run: nothing is erased)",
        at=dt.time(3, 0),
    ),
    ScheduledJob(
        "daily-notifications",
        f"{TASKS}.daily_notifications",
        "Notify people of reviews due or late, plans ready, advice and views asked, links ending",
        at=dt.time(6, 0),
    ),
    ScheduledJob(
        "email-digest",
        f"{TASKS}.email_digest",
        "Send the daily email digest to people who chose it",
        at=dt.time(7, 0),
    ),
    ScheduledJob(
        "email-outbox",
        f"{TASKS}.email_outbox",
        "Send emails waiting or due another try",
        every_minutes=5,
    ),
]


def scheduled_job(name: str) -> ScheduledJob:
    for job in SCHEDULES:
        if job.name == name:
            return job
    raise KeyError(name)
