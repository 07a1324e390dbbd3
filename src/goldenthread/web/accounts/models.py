"""Organisations and the people who sign in, each with one role."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models


class OrganisationKind(models.TextChoices):
    LOCAL_AUTHORITY = "local_authority", "Local authority"
    SETTING = "setting", "School, college or early years setting"
    HEALTH = "health", "Health provider"
    SOCIAL_CARE = "social_care", "Social care team"
    VOLUNTARY = "voluntary", "Voluntary organisation"


class Organisation(models.Model):
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=32, choices=OrganisationKind.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text="For example the local authority a school or team belongs to.",
    )
    urn = models.CharField(
        "URN", max_length=16, blank=True, help_text="Ofsted unique reference number"
    )
    is_synthetic = models.BooleanField(default=False, help_text="Made up for the demo area.")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    CHILD = "child", "Child or young person"
    PARENT = "parent", "Parent or carer"
    EDUCATION = "education", "Education professional"
    HEALTH = "health", "Health professional"
    SOCIAL_CARE = "social_care", "Social care professional"
    SENCO = "senco", "SENCO"
    COORDINATOR = "coordinator", "EHC coordinator"
    QUALITY_LEAD = "quality_lead", "Quality lead"
    STRATEGIC_LEADER = "strategic_leader", "Strategic leader"
    ADMINISTRATOR = "administrator", "Administrator"
    DPO = "dpo", "Data protection officer"


PROFESSIONAL_ROLES = frozenset(
    {Role.EDUCATION, Role.HEALTH, Role.SOCIAL_CARE, Role.SENCO, Role.COORDINATOR}
)


class User(AbstractUser):
    """A person who signs in. Access to children follows relationships, not just the role."""

    role = models.CharField(max_length=32, choices=Role.choices)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="people"
    )
    job_title = models.CharField(max_length=120, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    is_synthetic = models.BooleanField(default=False)

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_professional(self) -> bool:
        return self.role in PROFESSIONAL_ROLES
