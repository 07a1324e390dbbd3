"""Database choices, each built from the shared vocabulary in ``goldenthread.core.vocabulary``."""

from __future__ import annotations

from django.db import models

from goldenthread.core import vocabulary as v


def _choices(name: str, pairs: list[tuple[str, str]]) -> type[models.TextChoices]:
    """TextChoices from (stored value, label) pairs; member names are the values in capitals."""
    members = [(value.upper().replace("-", "_"), (value, label)) for value, label in pairs]
    choices: type[models.TextChoices] = models.TextChoices(name, members)  # type: ignore[call-overload]
    return choices


NeedCode = _choices(
    "NeedCode", [(code, f"{code}: {label}") for code, (label, _) in v.NEED_CODES.items()]
)
AreaOfNeed = _choices("AreaOfNeed", [(area.value, label) for area, label in v.AREA_LABELS.items()])
DomainChoice = _choices("DomainChoice", [(d.value, label) for d, label in v.DOMAIN_LABELS.items()])
PlanKindChoice = _choices(
    "PlanKindChoice", [(k.value, label) for k, label in v.PLAN_KIND_LABELS.items()]
)
LifecycleStatus = _choices(
    "LifecycleStatus", [(code, code.replace("-", " ").capitalize()) for code in v.GOAL_LIFECYCLE]
)
AchievementStatus = _choices(
    "AchievementStatus",
    [(code, code.replace("-", " ").capitalize()) for code in v.GOAL_ACHIEVEMENT],
)


class PlanStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    FINAL = "final", "Final"
    CEASED = "ceased", "Ceased"


class OutcomeTerm(models.TextChoices):
    SHORT = "short", "Short term"
    MEDIUM = "medium", "Medium term"
    LONG = "long", "Long term (end of a key stage or phase)"


class AspirationVoice(models.TextChoices):
    CHILD = "child", "The child or young person"
    PARENT = "parent", "Parent or carer"
