"""The "what needs you" home's sections for assessments (added to ``notifications.needs``)."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from goldenthread.web.accounts.models import User
from goldenthread.web.assessments import selectors
from goldenthread.web.notifications.needs import NeedsLine, NeedsSection


def assessments_needing(user: User, today: dt.date) -> NeedsSection:
    """Assessments the person coordinates that are late or due in the next two weeks, and advice
    waiting for them to accept or return."""
    section = NeedsSection(
        "assessments",
        "EHC needs assessments: late, due soon or waiting for you",
        "{n} assessment step",
        "{n} assessment steps",
    )
    for row in selectors.late_and_at_risk(user, scope="mine", today=today):
        words = selectors.STEP_WORDS.get(row.stage, "next step")
        section.lines.append(
            NeedsLine(
                f"{row.child.full_name}: {words}",
                selectors.assessment_href(row),
                due=row.next_due_on,
                late=row.next_due_on is not None and row.next_due_on < today,
            )
        )
    for advice in selectors.advice_waiting_for(user):
        section.lines.append(
            NeedsLine(
                f"{advice.assessment.child.full_name}: accept or return the "
                f"{advice.service_name or advice.get_service_display()} advice",
                selectors.assessment_href(advice.assessment) + f"#advice-{advice.pk}",
            )
        )
    return section


def assessment_advice_asked(user: User, today: dt.date) -> NeedsSection:
    section = NeedsSection(
        "assessment-advice",
        "Advice asked of you for an EHC needs assessment",
        "{n} piece of advice to give",
        "{n} pieces of advice to give",
    )
    for advice in selectors.advice_asked_of(user):
        child = advice.assessment.child
        section.lines.append(
            NeedsLine(
                f"{child.full_name}: give your advice",
                reverse("advice-give", args=[child.pk, advice.assessment_id, advice.pk]),
                due=advice.due_on,
                late=advice.due_on is not None and advice.due_on < today,
            )
        )
    return section
