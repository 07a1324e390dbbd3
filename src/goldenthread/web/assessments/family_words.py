"""The family's words, given once and reused (issue 19, ADR 0049).

The child and family tell "all about me" once (``plans.AllAboutMe``, one per child) and give
their views on the draft once (``Assessment.family_views``). Professionals asked for advice see
those words on their advice page, so they do not ask the family again; and when the draft plan
is made (or the words change while it is a draft) the words are carried into its Section A as
``FamilyWordsCarried`` rows that name where they came from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from goldenthread.web.accounts.models import User
from goldenthread.web.assessments.models import Assessment, FamilyWordsCarried, FamilyWordsSource
from goldenthread.web.plans.models import AllAboutMe, Plan, PlanStatus

ABOUT_ME_FIELDS = (
    "liked_about_me",
    "important_to_me",
    "important_for_me",
    "how_to_support_me",
    "my_story",
)
VIEWS_FIELD = "family_views"


@dataclass(frozen=True)
class FamilyWords:
    """One piece of the family's words and where it came from."""

    source: str
    field: str
    label: str
    text: str
    given_on: dt.date | None

    @property
    def source_note(self) -> str:
        source = FamilyWordsSource(self.source).label.lower()
        given = f", given on {self.given_on:%-d %B %Y}" if self.given_on else ""
        return f"From {source}{given}"


def family_words(assessment: Assessment) -> list[FamilyWords]:
    """Everything the family has already told us for this child: all about me (each part with
    words in it) and, once recorded, their views on the draft."""
    words: list[FamilyWords] = []
    about = AllAboutMe.objects.filter(child_id=assessment.child_id).first()
    if about is not None:
        given_on = timezone.localdate(about.updated_at) if about.updated_at else None
        for name in ABOUT_ME_FIELDS:
            text = str(getattr(about, name)).strip()
            if text:
                label = str(AllAboutMe._meta.get_field(name).verbose_name)  # type: ignore[union-attr]
                words.append(
                    FamilyWords(FamilyWordsSource.ALL_ABOUT_ME, name, label, text, given_on)
                )
    if assessment.family_views.strip():
        words.append(
            FamilyWords(
                FamilyWordsSource.FAMILY_VIEWS,
                VIEWS_FIELD,
                "The family's views",
                assessment.family_views.strip(),
                assessment.views_received_on,
            )
        )
    return words


def about_me_given(assessment: Assessment) -> bool:
    """True when the family has already told us "all about me": do not ask them again."""
    return any(w.source == FamilyWordsSource.ALL_ABOUT_ME for w in family_words(assessment))


def family_words_carry(assessment: Assessment, *, plan: Plan, user: User | None) -> int:
    """Carry the family's words into the draft plan's Section A; returns how many rows changed.

    Once per word and plan: carrying again changes nothing unless the family's words changed
    while the plan is still a draft. An issued plan is fixed (ADR 0025) and is not touched."""
    if plan.status != PlanStatus.DRAFT:
        return 0
    changed = 0
    for words in family_words(assessment):
        row, made = FamilyWordsCarried.objects.get_or_create(
            plan=plan,
            source=words.source,
            field=words.field,
            defaults={
                "assessment": assessment,
                "label": words.label,
                "text": words.text,
                "given_on": words.given_on,
                "carried_by": user,
            },
        )
        if made:
            changed += 1
        elif row.text != words.text or row.given_on != words.given_on:
            row.text, row.given_on, row.carried_by = words.text, words.given_on, user
            row.save(update_fields=["text", "given_on", "carried_by"])
            changed += 1
    return changed


def carried_into(plan: Plan) -> list[FamilyWordsCarried]:
    return list(FamilyWordsCarried.objects.filter(plan=plan).order_by("source", "pk"))
