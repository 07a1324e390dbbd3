"""The issued plan, section by section (A to K), built once for the Word document and the PDF.

Only the parts in the plan go in: the coordinator has accepted them (ADR 0011). Section A reuses
the child's "All about me", the same record the passport shows, so it is never typed twice.
Outcomes (Section E) are grouped by Education, Health and Social Care, each with its themes.
Sections the system does not hold yet say so, rather than being left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from goldenthread.web.formfields import date_uk
from goldenthread.web.plans.models import (
    AllAboutMe,
    Aspiration,
    AspirationVoice,
    Outcome,
    PlanStatus,
    Provision,
)
from goldenthread.web.plans.selectors import GoldenThread

DOMAINS = (("education", "Education"), ("health", "Health"), ("social_care", "Social care"))
NEED_SECTIONS = (
    ("B", "Special educational needs", "education"),
    ("C", "Health needs related to special educational needs", "health"),
    ("D", "Social care needs related to special educational needs or disability", "social_care"),
)
PROVISION_SECTIONS = (
    ("F", "Special educational provision", "education"),
    ("G", "Health provision", "health"),
    ("H", "Social care provision", "social_care"),
)
NOT_HELD = "Not recorded in Golden Thread yet."
NONE_RECORDED = "None recorded."
ABOUT_ME_HIDDEN = "Not shown here: the young person has chosen who sees it."
ABOUT_ME_FIELDS = (
    "liked_about_me",
    "important_to_me",
    "important_for_me",
    "how_to_support_me",
    "my_story",
)


@dataclass(frozen=True)
class Entry:
    """One item in a section, with short notes under it (whose words, which themes)."""

    text: str
    notes: tuple[str, ...] = ()
    label: str = ""


@dataclass(frozen=True)
class Group:
    heading: str
    entries: list[Entry]


@dataclass(frozen=True)
class Section:
    letter: str
    title: str
    groups: list[Group] = field(default_factory=list)
    empty: str = NONE_RECORDED

    @property
    def heading(self) -> str:
        return f"Section {self.letter}: {self.title}"

    @property
    def has_entries(self) -> bool:
        return any(group.entries for group in self.groups)


@dataclass(frozen=True)
class PlanDocument:
    title: str
    status_line: str
    sections: list[Section]
    filename: str


def _voice(aspiration: Aspiration, known_as: str) -> str:
    if aspiration.voice == AspirationVoice.CHILD:
        return f"In {known_as}'s own words"
    return "In the family's words"


def _outcome_entry(outcome: Outcome, known_as: str, number: str) -> Entry:
    notes = []
    themes = ", ".join(t.name for t in outcome.themes.all())
    if themes:
        notes.append(f"Themes: {themes}")
    if outcome.due_date:
        notes.append(f"By: {date_uk(outcome.due_date)}")
    if outcome.in_own_words:
        notes.append(f"In {known_as}'s or the family's own words")
    return Entry(outcome.text, tuple(notes), label=f"Outcome {number}")


def _provision_entry(item: Provision, outcome_numbers: dict[int, str]) -> Entry:
    how = [
        f"{label}: {value}"
        for label, value in (
            ("Who", item.delivered_by),
            ("How often", item.frequency),
            ("How long", item.duration),
            ("Group size", item.group_size),
            ("Where", item.location),
        )
        if value
    ]
    helps = [outcome_numbers[o.pk] for o in item.outcomes.all() if o.pk in outcome_numbers]
    if helps:
        how.append(f"Helps with outcome {', '.join(helps)}")
    return Entry(item.description, tuple(how))


class CarriedWords(Protocol):
    """The family's words carried from an assessment (``assessments.FamilyWordsCarried``)."""

    source: str
    field: str
    text: str

    @property
    def source_note(self) -> str: ...


def _section_a(
    thread: GoldenThread,
    about: AllAboutMe | None,
    about_visible: bool,
    carried: Sequence[CarriedWords] = (),
) -> Section:
    known_as = thread.plan.child.known_as
    # Where the family's words came from, when the assessment carried them into this plan.
    notes = {c.field: (c.source_note,) for c in carried if c.source == "all_about_me"}
    if not about_visible:
        about_entries = [Entry(ABOUT_ME_HIDDEN)]
    elif about is None:
        about_entries = [Entry("Not written yet.")]
    else:
        about_entries = [
            Entry(
                str(getattr(about, name)),
                notes.get(name, ()),
                label=str(AllAboutMe._meta.get_field(name).verbose_name),  # type: ignore[union-attr]
            )
            for name in ABOUT_ME_FIELDS
            if getattr(about, name)
        ] or [Entry("Not written yet.")]
    hopes = [Entry(a.text, (_voice(a, known_as),)) for a in thread.aspirations]
    groups = [Group("All about me", about_entries), Group("Hopes for the future", hopes)]
    views = [Entry(c.text, (c.source_note,)) for c in carried if c.source == "family_views"]
    if views and about_visible:
        groups.append(Group("The family's views", views))
    return Section("A", "Views, interests and aspirations", groups)


def plan_document(
    thread: GoldenThread,
    *,
    about: AllAboutMe | None,
    about_visible: bool = True,
    carried: Sequence[CarriedWords] = (),
) -> PlanDocument:
    """The plan as sections A to K, from a thread read with ``accepted_only=True``; ``carried``
    names where the family's words in Section A came from (an EHC needs assessment)."""
    plan = thread.plan
    child = plan.child
    sections = [_section_a(thread, about, about_visible, carried)]
    for letter, name, domain in NEED_SECTIONS:
        needs = [Entry(n.text) for n in thread.needs if n.domain == domain]
        sections.append(Section(letter, name, [Group("", needs)]))
    groups = []
    numbers: dict[int, str] = {}
    for domain, label in DOMAINS:
        outcomes = [o for o in thread.outcomes if o.domain == domain]
        for index, outcome in enumerate(outcomes, start=1):
            numbers[outcome.pk] = f"{label[0]}{index}"
        if outcomes:
            entries = [_outcome_entry(o, child.known_as, numbers[o.pk]) for o in outcomes]
            groups.append(Group(label, entries))
    sections.append(Section("E", "Outcomes", groups))
    for letter, name, domain in PROVISION_SECTIONS:
        items = [_provision_entry(p, numbers) for p in thread.provision if p.domain == domain]
        sections.append(Section(letter, name, [Group("", items)]))
    setting = getattr(child, "current_setting", None)
    sections += [
        Section("I", "Placement", [Group("", [Entry(str(setting))] if setting else [])], NOT_HELD),
        Section("J", "Personal budget", [], NOT_HELD),
        Section("K", "Advice and information", [], NOT_HELD),
    ]
    if plan.status == PlanStatus.FINAL and plan.issued_on:
        status_line = f"Issued on {date_uk(plan.issued_on)}"
    else:
        status_line = "Draft: this plan has not been issued yet"
    return PlanDocument(
        title=f"{plan.get_kind_display()} for {child.full_name}",
        status_line=status_line,
        sections=sections,
        filename=f"plan-{plan.pk}-version-{plan.version}",
    )
