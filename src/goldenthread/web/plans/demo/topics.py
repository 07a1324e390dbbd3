"""What a plan can be about: one topic per kind of need, with outcomes, steps and provision.

The words live in ``topics.toml`` (data, not code), written in our own words in the style of the
two seed guides (Waltham Forest's worked examples, North Somerset's poor-to-SMART pairs).
``{my}``, ``{me}``, ``{myself}`` and ``{I}`` become "my", "me", "myself" and "I" in the child's
own voice, or "his"/"her", "him"/"her" and the child's name in the third person.
Phases: ``early`` (0 to 4), ``school`` (5 to 15) and ``adult`` (16 to 25).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

COMMUNICATION = "communication_and_interaction"
COGNITION = "cognition_and_learning"
SEMH = "social_emotional_mental_health"
SENSORY = "sensory_and_physical"
EDUCATION, HEALTH, SOCIAL_CARE = "education", "health", "social_care"
PHASES = ("early", "school", "adult")


@dataclass(frozen=True)
class ProvisionIdea:
    description: str
    delivered_by: str
    frequency: str
    duration: str
    group_size: str
    location: str
    domain: str


@dataclass(frozen=True)
class Topic:
    key: str
    area: str
    themes: tuple[int, ...]
    # phase -> (outcome skill after "will", shorter step towards it)
    skills: dict[str, tuple[tuple[str, str], ...]]
    jargon: tuple[str, ...]
    as_provision: tuple[str, ...]
    provision: tuple[ProvisionIdea, ...]


def _provision_idea(row: list[str]) -> ProvisionIdea:
    domain, description, delivered_by, frequency, duration, group_size, location = row
    return ProvisionIdea(
        description, delivered_by, frequency, duration, group_size, location, domain
    )


def _topics_load() -> tuple[Topic, ...]:
    with Path(__file__).with_name("topics.toml").open("rb") as file:
        rows = tomllib.load(file)["topic"]
    return tuple(
        Topic(
            key=row["key"],
            area=row["area"],
            themes=tuple(row["themes"]),
            skills={phase: tuple((skill, step) for skill, step in row[phase]) for phase in PHASES},
            jargon=tuple(row["jargon"]),
            as_provision=tuple(row["as_provision"]),
            provision=tuple(_provision_idea(idea) for idea in row["provision"]),
        )
        for row in rows
    )


TOPICS = _topics_load()
TOPIC_BY_KEY = {topic.key: topic for topic in TOPICS}
