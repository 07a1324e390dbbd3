"""The jobs themselves: each calls the service a command would, and returns its counts."""

from __future__ import annotations

from django.utils import timezone


def review_deadlines_refresh() -> dict[str, int]:
    from goldenthread.web.reviews.services.schedule import plan_schedules_refresh_all

    return {"plans": plan_schedules_refresh_all(today=timezone.localdate())}


def quality_rejudge() -> dict[str, int]:
    """Judge again every stored quality verdict made by another engine or for an earlier day
    (issue 15): run before the insights refresh, which then counts the fresh verdicts."""
    from goldenthread.web.quality_jobs import rejudge_stale_verdicts

    return {"rejudged": rejudge_stale_verdicts()}


def insights_refresh() -> dict[str, int]:
    from goldenthread.web.insights.refresh import facts_refresh
    from goldenthread.web.insights.views import dashboards_warm

    result = facts_refresh()
    return {
        "outcomes": result.outcomes,
        "needs": result.needs,
        "provision": result.provision,
        "dashboards": dashboards_warm(),
    }


def retention_check() -> dict[str, int]:
    """The retention command's dry run (``--list``): counts only; applying stays a person's act
    with a confirmation code (ADR 0021)."""
    from goldenthread.web.security.retention import retention_due_counts

    return dict(retention_due_counts(today=timezone.localdate()))


def daily_notifications() -> dict[str, int]:
    from goldenthread.web.notifications.daily import timed_notices_create

    return {"notifications": timed_notices_create(today=timezone.localdate())}


def email_digest() -> dict[str, int]:
    from goldenthread.web.notifications.services import digest_send

    return {"emails": digest_send(day=timezone.localdate())}


def email_outbox() -> dict[str, int]:
    from goldenthread.web.notifications.services import emails_send_due

    counts = emails_send_due()
    return {"sent": counts.sent, "failed": counts.failed, "bounced": counts.bounced}
