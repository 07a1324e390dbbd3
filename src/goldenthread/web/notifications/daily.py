"""The daily check: things that become due with time (a review coming or late, a plan ready to
issue, advice or views asked for, a link ending) make one notification each, once.

It reads each person's home (``needs.needs_me``) so the home and the notifications never
disagree. Keys carry the person, the place and the date, so running it twice makes nothing new.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q

from goldenthread.web.accounts.models import User
from goldenthread.web.notifications.kinds import NoticeKind
from goldenthread.web.notifications.needs import NeedsLine, needs_me
from goldenthread.web.notifications.services import notification_create

# The sections made by events as they happen are not repeated here.
TIMED_SECTIONS = {
    "reviews": NoticeKind.REVIEW_DUE,
    "ready": NoticeKind.PLAN_READY,
    "advice": NoticeKind.ADVICE_ASKED,
    "ending": NoticeKind.ACCESS_ENDING,
    "views": NoticeKind.VIEWS_ASKED,
}


def _kind(section: str, line: NeedsLine) -> NoticeKind:
    if section == "reviews":
        if "Decision" in line.text:
            return NoticeKind.DECISION_DUE
        return NoticeKind.REVIEW_LATE if line.late else NoticeKind.REVIEW_DUE
    return TIMED_SECTIONS[section]


def people_to_check() -> list[User]:
    """People who could have something due: anyone with a child, a plan, a link or a share."""
    involved = (
        Q(child_relationships__isnull=False)
        | Q(coordinated_plans__isnull=False)
        | Q(shares_made__isnull=False)
    )
    return list(User.objects.filter(involved, is_active=True).distinct())


def timed_notices_create(*, today: dt.date) -> int:
    """Make today's time-based notifications; return how many are new."""
    made = 0
    for person in people_to_check():
        for section in needs_me(person, today=today):
            if section.key not in TIMED_SECTIONS:
                continue
            for line in section.lines:
                state = "late" if line.late else "due"
                notice = notification_create(
                    recipient=person,
                    kind=_kind(section.key, line),
                    key=f"{section.key}:{person.pk}:{line.href}:{line.due}:{state}",
                    text=f"{line.text} ({line.due:%-d %B %Y})" if line.due else line.text,
                    link=line.href,
                )
                made += notice is not None
    return made
