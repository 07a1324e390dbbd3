"""The shared words of the field: need codes, broad areas, themes, domains, plan kinds, FHIR codes.

Every layer (quality engine, theme linking, web pages, exports) takes its vocabulary from here
so that a code means the same thing everywhere. Each list names its public source where it
is defined (SEND Code of Practice 2015; DfE school census and SEN2 code sets, also in
docs/returns.md; North Somerset's Joint Outcomes Framework themes; FHIR R4).
"""

from __future__ import annotations

from enum import StrEnum


class Area(StrEnum):
    """The four broad areas of need (SEND Code of Practice 5.32, 6.28–6.35)."""

    COMMUNICATION = "communication_and_interaction"
    COGNITION = "cognition_and_learning"
    SEMH = "social_emotional_mental_health"
    SENSORY_PHYSICAL = "sensory_and_physical"


AREA_LABELS: dict[Area, str] = {
    Area.COMMUNICATION: "Communication and interaction",
    Area.COGNITION: "Cognition and learning",
    Area.SEMH: "Social, emotional and mental health",
    Area.SENSORY_PHYSICAL: "Sensory and/or physical",
}

# Spring census SEN type codes (reused by SEN2), with the broad area each sits under.
NEED_CODES: dict[str, tuple[str, Area | None]] = {
    "ASD": ("Autistic spectrum disorder", Area.COMMUNICATION),
    "SLCN": ("Speech, language and communication needs", Area.COMMUNICATION),
    "SPLD": ("Specific learning difficulty", Area.COGNITION),
    "MLD": ("Moderate learning difficulty", Area.COGNITION),
    "SLD": ("Severe learning difficulty", Area.COGNITION),
    "PMLD": ("Profound and multiple learning difficulty", Area.COGNITION),
    "SEMH": ("Social, emotional and mental health", Area.SEMH),
    "HI": ("Hearing impairment", Area.SENSORY_PHYSICAL),
    "VI": ("Vision impairment", Area.SENSORY_PHYSICAL),
    "MSI": ("Multi-sensory impairment", Area.SENSORY_PHYSICAL),
    "PD": ("Physical disability", Area.SENSORY_PHYSICAL),
    "DS": ("Down syndrome", Area.COGNITION),
    "OTH": ("Other difficulty", None),
    "NSA": ("SEN support but no specialist assessment of type of need", None),
}

# Primary need across all EHC plans in England, January 2025 (n = 638,745). Used by the demo area.
NATIONAL_PRIMARY_NEED_SHARE: dict[str, float] = {
    "ASD": 31.5,
    "SLCN": 21.3,
    "SEMH": 20.7,
    "MLD": 10.6,
    "SLD": 3.9,
    "PD": 3.9,
    "SPLD": 2.4,
    "HI": 1.4,
    "PMLD": 1.3,
    "OTH": 1.2,
    "VI": 0.8,
    "MSI": 0.3,
}


class Domain(StrEnum):
    """Which service an outcome, need or provision belongs to (EHC plan sections B–D and F–H)."""

    EDUCATION = "education"
    HEALTH = "health"
    SOCIAL_CARE = "social_care"


DOMAIN_LABELS: dict[Domain, str] = {
    Domain.EDUCATION: "Education",
    Domain.HEALTH: "Health",
    Domain.SOCIAL_CARE: "Social care",
}

NEED_SECTION: dict[Domain, str] = {
    Domain.EDUCATION: "B",
    Domain.HEALTH: "C",
    Domain.SOCIAL_CARE: "D",
}
PROVISION_SECTION: dict[Domain, str] = {
    Domain.EDUCATION: "F",
    Domain.HEALTH: "G",
    Domain.SOCIAL_CARE: "H",
}


class Theme(int):
    """A North Somerset Joint Outcomes Framework theme number, 1 to 4."""


THEMES: dict[int, tuple[str, str, str]] = {
    # number: (name, what it means, Preparing for Adulthood outcome)
    1: ("Independent Lives", "Skills for living and independence", "Independent living"),
    2: (
        "Family, Friends and Community",
        "Connecting with people around me",
        "Friends, relationships and community",
    ),
    3: ("Good Health and Wellbeing", "Health and wellbeing", "Good health"),
    4: (
        "Learning, Employment and Positive Contribution",
        "Learning and achieving",
        "Employment and education",
    ),
}


class PlanKind(StrEnum):
    EHC_PLAN = "ehc_plan"
    SEN_SUPPORT = "sen_support"
    IEP = "iep"
    IBP = "ibp"
    TEAM_AROUND = "team_around"
    CHILD_IN_NEED = "child_in_need"
    CHILD_IN_CARE = "child_in_care"
    SHORT_BREAKS = "short_breaks"
    HEALTH_CARE = "health_care"


PLAN_KIND_LABELS: dict[PlanKind, str] = {
    PlanKind.EHC_PLAN: "Education, health and care plan",
    PlanKind.SEN_SUPPORT: "SEN support plan",
    PlanKind.IEP: "Individual education plan",
    PlanKind.IBP: "Individual behaviour plan",
    PlanKind.TEAM_AROUND: "Team around the child or family plan",
    PlanKind.CHILD_IN_NEED: "Child in need plan",
    PlanKind.CHILD_IN_CARE: "Child in care plan",
    PlanKind.SHORT_BREAKS: "Short breaks plan",
    PlanKind.HEALTH_CARE: "Health care plan",
}

# FHIR R4 Goal.lifecycleStatus and Goal.achievementStatus codes, so export is a mapping.
GOAL_LIFECYCLE = (
    "proposed",
    "planned",
    "accepted",
    "active",
    "on-hold",
    "completed",
    "cancelled",
    "entered-in-error",
    "rejected",
)
GOAL_ACHIEVEMENT = (
    "in-progress",
    "improving",
    "worsening",
    "no-change",
    "achieved",
    "sustaining",
    "not-achieved",
    "no-progress",
    "not-attainable",
)
