"""Short-term outcomes for the pages that show a child's thread: the plan's thread page and the
passport (staff, family and link views alike). Read-only; called from templates."""

from __future__ import annotations

from dataclasses import dataclass

from goldenthread.web.setting_plans.models import ShortTermOutcome


@dataclass(frozen=True)
class ShortTermLine:
    long_term: str
    text: str
    due_date: object
    status: str
    latest_gas: int | None
    source: str


def short_term_lines(*, child_id: int, plan_id: int | None = None) -> list[ShortTermLine]:
    """Live short-term outcomes for the child (or only one plan's), each under its long-term
    outcome's words, with the latest progress."""
    found = ShortTermOutcome.objects.filter(child_id=child_id, archived_at__isnull=True)
    if plan_id is not None:
        found = found.filter(plan_id=plan_id)
    else:
        found = found.filter(plan__archived_at__isnull=True, plan__next_version__isnull=True)
    lines = []
    for short in (
        found.select_related("outcome")
        .prefetch_related("progress")
        .order_by("outcome_id", "due_date", "id")
    ):
        progress = list(short.progress.all())
        lines.append(
            ShortTermLine(
                long_term=short.outcome.text,
                text=short.text,
                due_date=short.due_date,
                status=short.get_achievement_status_display(),
                latest_gas=progress[-1].gas_level if progress else None,
                source=short.source,
            )
        )
    return lines
