"""What the review pages share: words for deadlines, and the check that a person may change."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from goldenthread.core.reviews import DeadlineKind, DeadlineState
from goldenthread.web.plans.views.common import AuthedRequest

DEADLINE_WORDS: dict[str, str] = {
    DeadlineKind.NEXT_REVIEW: "Hold the next review meeting",
    DeadlineKind.MEETING_NOTICE: "Send invitations to the review meeting (2 weeks before)",
    DeadlineKind.REVIEW_REPORT: "Send the report of the meeting (within 2 weeks)",
    DeadlineKind.LA_DECISION: "Decide whether to keep, change or stop the plan (within 4 weeks)",
    DeadlineKind.AMENDED_PLAN: "Issue the final changed plan (within 12 weeks)",
    DeadlineKind.PHASE_TRANSFER: "Change the plan to name the next school or college",
    DeadlineKind.PREPARING_FOR_ADULTHOOD: "Hold the Year 9 review about preparing for adulthood",
}
STATE_WORDS: dict[str, tuple[str, str]] = {
    DeadlineState.OVERDUE: ("Late", "govuk-tag--red"),
    DeadlineState.DUE_SOON: ("Due soon", "govuk-tag--yellow"),
    DeadlineState.UPCOMING: ("Coming up", "govuk-tag--grey"),
    DeadlineState.MET: ("Done", "govuk-tag--green"),
}


def deadline_words(kind: str) -> str:
    return DEADLINE_WORDS.get(kind, kind.replace("_", " ").capitalize())


def require_change(request: AuthedRequest) -> None:
    """Pages that change a plan are refused (403) to people who may only read it.

    The access middleware already refuses a POST; this covers the GET of the form too.
    """
    access = getattr(request, "child_access", None)
    if access is None or not access.can_change_plan:
        raise PermissionDenied


def days_words(days: int) -> str:
    return "1 day" if days == 1 else f"{days} days"
