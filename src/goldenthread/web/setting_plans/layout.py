"""The field set and document layout of a setting's plan, as configuration.

No national Individual Support Plan template has been published (Schools White Paper, February
2026), so each layout is a mapping here: the sections the setting writes (with who writes each:
the class teacher, the SENCO or the family) and the order of the document. When the national
template is published it becomes one more entry, and ``DEFAULT_LAYOUT`` names it
(docs/adr/0041-one-plan-model-across-tiers.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from goldenthread.web.accounts.models import Role

TEACHER = "teacher"
SENCO = "senco"
FAMILY = "family"
WRITERS = {TEACHER: "Class teacher", SENCO: "SENCO", FAMILY: "Parent or carer, with the child"}


@dataclass(frozen=True)
class Section:
    """One section the setting writes: its key in ``SettingPlan.sections``, its heading, a hint
    and who writes it."""

    key: str
    heading: str
    hint: str
    writer: str
    required: bool = True


# The golden thread's own parts, shown in the document where the layout names them.
THREAD_PARTS = ("about_me", "hopes", "needs", "outcomes", "provision", "reviews", "short_terms")


@dataclass(frozen=True)
class Layout:
    key: str
    title: str
    source: str
    sections: tuple[Section, ...]
    order: tuple[str, ...]  # section keys and THREAD_PARTS, in document order

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)


_CLASSROOM = Section(
    "classroom",
    "What happens in class every day",
    "The class teacher: adjustments, seating, resources and how work is set (quality first "
    "teaching).",
    TEACHER,
)
_ASSESS = Section(
    "assess",
    "What we found out (assess)",
    "The SENCO: assessments, advice from specialists, and what the child's progress shows.",
    SENCO,
)
_EXTRA = Section(
    "extra_help",
    "Extra help beyond the classroom",
    "The SENCO: interventions, who runs them and how often; outside services involved.",
    SENCO,
)
_FAMILY = Section(
    "family",
    "What the family and child say",
    "The parent or carer, with the child: what works at home, worries, and what they hope for.",
    FAMILY,
)
_HOME = Section(
    "home",
    "How we will help at home",
    "The parent or carer: what the family will try at home.",
    FAMILY,
    required=False,
)

LAYOUTS: dict[str, Layout] = {
    "isp-interim-2026": Layout(
        key="isp-interim-2026",
        title="Individual Support Plan",
        source=(
            "Interim layout pending the national ISP template proposed in the Schools White "
            "Paper 'Every Child Achieving and Thriving' (February 2026); sections follow the "
            "graduated approach, SEND Code of Practice 2015, 6.44-6.56"
        ),
        sections=(_FAMILY, _ASSESS, _CLASSROOM, _EXTRA, _HOME),
        order=(
            "about_me",
            "family",
            "hopes",
            "assess",
            "needs",
            "outcomes",
            "short_terms",
            "classroom",
            "extra_help",
            "provision",
            "home",
            "reviews",
        ),
    ),
    "sen-support-plan": Layout(
        key="sen-support-plan",
        title="SEN support plan",
        source="SEND Code of Practice 2015, 6.44-6.56 (assess, plan, do, review)",
        sections=(_FAMILY, _ASSESS, _CLASSROOM, _EXTRA),
        order=(
            "about_me",
            "family",
            "assess",
            "hopes",
            "needs",
            "outcomes",
            "short_terms",
            "classroom",
            "extra_help",
            "provision",
            "reviews",
        ),
    ),
}
DEFAULT_LAYOUT = "isp-interim-2026"

# Who may write each writer's sections (setting staff; the family's words are written with them).
WRITER_ROLES: dict[str, frozenset[str]] = {
    TEACHER: frozenset({Role.EDUCATION, Role.SENCO}),
    SENCO: frozenset({Role.SENCO}),
    FAMILY: frozenset({Role.EDUCATION, Role.SENCO, Role.PARENT}),
}


def layout_get(key: str) -> Layout:
    return LAYOUTS.get(key) or LAYOUTS[DEFAULT_LAYOUT]


def layout_problems() -> list[str]:
    """Every inconsistency in the configured layouts (checked by a test, and at start-up)."""
    problems = []
    for key, layout in LAYOUTS.items():
        own = {s.key for s in layout.sections}
        for name in layout.order:
            if name not in own and name not in THREAD_PARTS:
                problems.append(f"{key}: order names {name!r}, which is no section or part")
        for section in layout.sections:
            if section.key not in layout.order:
                problems.append(f"{key}: section {section.key!r} is not in the order")
            if section.writer not in WRITERS:
                problems.append(f"{key}: section {section.key!r} has no known writer")
    return problems
