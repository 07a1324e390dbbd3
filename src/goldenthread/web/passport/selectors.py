"""Reads for the passport: one child's story, outcomes, help and what is coming up.

The child is always fetched by the caller through ``child_get_for`` (the access policy); these
functions only shape what that person may see.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from goldenthread.core.reviews.transfers import next_phase_transfer
from goldenthread.web.access.models import ChildShare
from goldenthread.web.access.policy import ChildAccess
from goldenthread.web.plans.models import (
    AllAboutMe,
    Child,
    ContributionStatus,
    Outcome,
    Plan,
    Provision,
)
from goldenthread.web.reviews.facts import plan_facts

NO_THEME = "Other outcomes"


@dataclass
class ComingUp:
    what: str
    when: dt.date


@dataclass
class Passport:
    child: Child
    all_about_me: AllAboutMe | None
    plans: list[Plan]
    aspirations: list[str]
    outcomes_by_theme: dict[str, list[Outcome]]
    provision_by_service: dict[str, list[Provision]]
    coming_up: list[ComingUp] = field(default_factory=list)

    @property
    def outcomes(self) -> list[Outcome]:
        seen: dict[int, Outcome] = {}
        for outcomes in self.outcomes_by_theme.values():
            for outcome in outcomes:
                seen.setdefault(outcome.pk, outcome)
        return list(seen.values())


# Only what the plan's coordinator has accepted: a contribution that is waiting or was sent
# back is not part of the plan yet (docs/adr/0011-contributions.md).
ACCEPTED = {"contribution_status": ContributionStatus.ACCEPTED}


def current_plans(child: Child) -> list[Plan]:
    """Live plans that have not been amended into a newer version, with their accepted parts."""
    return list(
        child.plans.filter(archived_at__isnull=True, next_version__isnull=True)
        .select_related("child")
        .prefetch_related(
            "aspirations",
            Prefetch(
                "outcomes",
                # Not the words' embedding or link suggestions: the passport never shows them.
                queryset=Outcome.objects.filter(archived_at__isnull=True, **ACCEPTED)
                .defer("embedding", "link_suggestions")
                .prefetch_related("themes"),
                to_attr="live_outcomes",
            ),
            Prefetch(
                "provision",
                queryset=Provision.objects.filter(archived_at__isnull=True, **ACCEPTED).defer(
                    "link_suggestions"
                ),
                to_attr="live_provision",
            ),
        )
        .order_by("kind", "-version")
    )


def _coming_up(plans: list[Plan], today: dt.date) -> list[ComingUp]:
    items: list[ComingUp] = []
    for plan in plans:
        if plan.next_review_due:
            items.append(ComingUp(f"Review of my {plan.get_kind_display()}", plan.next_review_due))
    ehc = [p for p in plans if p.kind == "ehc_plan"]
    if ehc:
        deadline = next_phase_transfer(plan_facts(ehc[0], last=None, reviews_held=0), today=today)
        if deadline is not None:
            items.append(
                ComingUp("Plan ready for my move to a new school or college", deadline.due)
            )
    return sorted(items, key=lambda item: item.when)


def passport_get(child: Child, access: ChildAccess, *, today: dt.date | None = None) -> Passport:
    """Everything on one child's passport that this person may see."""
    today = today or timezone.localdate()
    plans = current_plans(child)
    about = None
    if access.can_see_all_about_me:
        about = AllAboutMe.objects.filter(child=child).first()
    aspirations = [
        a.text for plan in plans for a in plan.aspirations.all() if a.archived_at is None
    ]
    by_theme: dict[str, list[Outcome]] = defaultdict(list)
    by_service: dict[str, list[Provision]] = defaultdict(list)
    for plan in plans:
        for outcome in plan.live_outcomes:  # type: ignore[attr-defined]
            themes = [t.name for t in outcome.themes.all()] or [NO_THEME]
            by_theme[themes[0]].append(outcome)
        for provision in plan.live_provision:  # type: ignore[attr-defined]
            by_service[provision.get_domain_display()].append(provision)
    ordered = dict(sorted(by_theme.items(), key=lambda kv: (kv[0] == NO_THEME, kv[0])))
    return Passport(
        child=child,
        all_about_me=about,
        plans=plans,
        aspirations=aspirations,
        outcomes_by_theme=ordered,
        provision_by_service=dict(sorted(by_service.items())),
        coming_up=_coming_up(plans, today),
    )


def shares_current(child: Child, *, today: dt.date | None = None) -> QuerySet[ChildShare]:
    """Shares of this child that are live today or start later, with their consent."""
    today = today or timezone.localdate()
    return (
        ChildShare.objects.filter(child=child, revoked_at__isnull=True)
        .exclude(ends_on__lt=today)
        .select_related("shared_with_person", "shared_with_organisation", "consent")
        .order_by("starts_on", "pk")
    )


# Achievement status (FHIR Goal codes) in words a nine-year-old reads, with a GOV.UK tag colour.
PROGRESS_WORDS: dict[str, tuple[str, str]] = {
    "in-progress": ("Working on it", "govuk-tag--blue"),
    "improving": ("Getting better", "govuk-tag--green"),
    "worsening": ("Getting harder", "govuk-tag--orange"),
    "no-change": ("No change yet", "govuk-tag--grey"),
    "achieved": ("Done", "govuk-tag--green"),
    "sustaining": ("Keeping it up", "govuk-tag--turquoise"),
    "not-achieved": ("Not done", "govuk-tag--red"),
    "no-progress": ("Not moving yet", "govuk-tag--yellow"),
    "not-attainable": ("Not possible now", "govuk-tag--grey"),
}
NOT_CHECKED = ("Not checked yet", "govuk-tag--grey")


def progress_words(status: str) -> tuple[str, str]:
    return PROGRESS_WORDS.get(status, NOT_CHECKED)
