"""The label sets a statement is linked to: themes, Preparing for Adulthood, areas, domains.

Theme names follow the North Somerset Joint Outcomes Framework (2021); each theme is built on
one Preparing for Adulthood outcome (SEND Code of Practice, chapter 8). Areas of need are the
four broad areas of the Code of Practice (5.32, 6.28-6.35).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Theme:
    """One Joint Outcomes Framework theme and the PfA outcome it maps to."""

    number: int
    name: str
    plain_name: str
    pfa: str
    pfa_label: str

    @property
    def label(self) -> str:
        return f"{self.name} - {self.plain_name}"


THEMES: tuple[Theme, ...] = (
    Theme(
        1,
        "Independent Lives",
        "Skills for Living and Independence",
        "independent_living",
        "Independent living",
    ),
    Theme(
        2,
        "Family, Friends and Community",
        "Connecting with people around me",
        "community_inclusion",
        "Community inclusion: friends, relationships and community",
    ),
    Theme(3, "Good Health and Wellbeing", "Health and Wellbeing", "health", "Good health"),
    Theme(
        4,
        "Learning, Employment and Positive Contribution",
        "Learning and Achieving",
        "employment_education",
        "Employment and education",
    ),
)
THEME_BY_NUMBER: dict[int, Theme] = {theme.number: theme for theme in THEMES}

AREAS: tuple[str, ...] = (
    "communication_and_interaction",
    "cognition_and_learning",
    "social_emotional_mental_health",
    "sensory_and_physical",
)
AREA_LABELS: dict[str, str] = {
    "communication_and_interaction": "Communication and interaction",
    "cognition_and_learning": "Cognition and learning",
    "social_emotional_mental_health": "Social, emotional and mental health",
    "sensory_and_physical": "Sensory and/or physical",
}

DOMAINS: tuple[str, ...] = ("education", "health", "social_care")
DOMAIN_LABELS: dict[str, str] = {
    "education": "Education",
    "health": "Health",
    "social_care": "Social care",
}

# Label sets the classifier has one head for, in a fixed order.
LABEL_SETS: tuple[str, ...] = ("themes", "areas", "domain")
LABELS_BY_SET: dict[str, tuple[str, ...]] = {
    "themes": tuple(str(theme.number) for theme in THEMES),
    "areas": AREAS,
    "domain": DOMAINS,
}
