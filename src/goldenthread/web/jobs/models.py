"""One row per run of a scheduled job: when it started and ended, how it went, what it counted.

Administrators see these on the "Scheduled jobs" page. Errors keep the exception's type and a
short message only (no tracebacks with values in them).
"""

from __future__ import annotations

from django.db import models


class RunOutcome(models.TextChoices):
    RUNNING = "running", "Running"
    SUCCEEDED = "succeeded", "Worked"
    FAILED = "failed", "Failed"


class JobRun(models.Model):
    job = models.CharField(max_length=80)
    attempt = models.PositiveSmallIntegerField(default=1)
    started_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(
        max_length=10, choices=RunOutcome.choices, default=RunOutcome.RUNNING
    )
    counts = models.JSONField(default=dict, blank=True)
    error = models.CharField(max_length=300, blank=True)
    retry_at = models.DateTimeField(null=True, blank=True)
    gave_up = models.BooleanField(default=False)

    class Meta:
        ordering = ["-started_at", "-id"]
        indexes = [models.Index(fields=["job", "started_at"], name="jobrun_job_started")]

    def __str__(self) -> str:
        return f"{self.job} at {self.started_at:%Y-%m-%d %H:%M} ({self.outcome})"
