"""The golden-thread record. One module per part of it; import from here."""

from goldenthread.web.plans.models.child import (
    AllAboutMe,
    Child,
    ChildRelationship,
    RelationshipKind,
)
from goldenthread.web.plans.models.choices import (
    AchievementStatus,
    AreaOfNeed,
    AspirationVoice,
    DomainChoice,
    LifecycleStatus,
    NeedCode,
    OutcomeTerm,
    PlanKindChoice,
    PlanStatus,
)
from goldenthread.web.plans.models.contribution import ContributionStatus
from goldenthread.web.plans.models.issued import DocumentFormat, IssuedDocument
from goldenthread.web.plans.models.plan import Plan, ThemeTag
from goldenthread.web.plans.models.thread import Aspiration, Need, Outcome, Provision, Step

__all__ = [
    "AchievementStatus",
    "AllAboutMe",
    "AreaOfNeed",
    "Aspiration",
    "AspirationVoice",
    "Child",
    "ChildRelationship",
    "ContributionStatus",
    "DocumentFormat",
    "DomainChoice",
    "IssuedDocument",
    "LifecycleStatus",
    "Need",
    "NeedCode",
    "Outcome",
    "OutcomeTerm",
    "Plan",
    "PlanKindChoice",
    "PlanStatus",
    "Provision",
    "RelationshipKind",
    "Step",
    "ThemeTag",
]
