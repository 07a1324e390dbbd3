"""A child or young person, who knows them, and their "all about me" told once."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from goldenthread.core import calendar
from goldenthread.core.folding import fold
from goldenthread.core.identifiers import nhs_number_is_valid, normalise_nhs_number, upn_is_valid
from goldenthread.web.accounts.models import Organisation
from goldenthread.web.plans.models.base import TrackedModel
from goldenthread.web.plans.models.choices import NeedCode

NHS_NUMBER_INVALID = "Enter a real NHS number: 10 digits, the last one a check digit"
UPN_INVALID = "Enter a real unique pupil number: a check letter then 12 characters"


def validate_nhs_number(value: str) -> None:
    if not nhs_number_is_valid(value):
        raise ValidationError(NHS_NUMBER_INVALID)


def validate_upn(value: str) -> None:
    if not upn_is_valid(value):
        raise ValidationError(UPN_INVALID)


class Child(TrackedModel):
    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100)
    preferred_name = models.CharField(max_length=100, blank=True)
    date_of_birth = models.DateField()
    current_setting = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="pupils"
    )
    local_authority = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="children_in_area"
    )
    upn = models.CharField("UPN", max_length=13, blank=True, validators=[validate_upn])
    nhs_number = models.CharField(
        "NHS number", max_length=12, blank=True, validators=[validate_nhs_number]
    )
    primary_need = models.CharField(max_length=8, choices=NeedCode.choices)
    secondary_need = models.CharField(max_length=8, choices=NeedCode.choices, blank=True)
    communication = models.TextField(
        "How I communicate", blank=True, help_text="For example words, signs, symbols or a device."
    )
    is_synthetic = models.BooleanField(default=False, help_text="Made up for the demo area.")
    # The names without case or accents ("prys zoe"), kept by ``save`` for search and the
    # same-child check on SQLite and PostgreSQL alike (``core.folding``; ADR 0026).
    search_name = models.CharField(max_length=400, blank=True, default="", editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name_plural = "children"
        indexes = [
            models.Index(fields=["last_name", "first_name"]),
            models.Index(fields=["local_authority", "date_of_birth"], name="child_la_born"),
            models.Index(fields=["search_name"], name="child_search_name"),
        ]

    def __str__(self) -> str:
        return self.full_name

    def fill_search_name(self) -> None:
        """Fold the names into ``search_name`` (first, last, then preferred name)."""
        self.search_name = fold(f"{self.first_name} {self.last_name} {self.preferred_name}")[:400]

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.fill_search_name()
        fields = kwargs.get("update_fields")
        if fields is not None and {"first_name", "last_name", "preferred_name"} & set(fields):
            kwargs["update_fields"] = {*fields, "search_name"}
        super().save(*args, **kwargs)

    def clean(self) -> None:
        """Identifiers in one form, then each child once in the authority (``duplicates``)."""
        from goldenthread.web.plans.duplicates import clash_message, identifier_clash

        if self.nhs_number:
            self.nhs_number = normalise_nhs_number(self.nhs_number)
        if self.upn:
            self.upn = self.upn.strip().upper()
        errors = {}
        for field in ("nhs_number", "upn"):
            other = identifier_clash(
                field=field,
                value=getattr(self, field),
                local_authority_id=self.local_authority_id,
                exclude_pk=self.pk,
            )
            if other is not None:
                user = getattr(self, "_history_user", None)
                errors[field] = clash_message(other, field=field, user=user)
        if errors:
            raise ValidationError(errors)

    @property
    def known_as(self) -> str:
        return self.preferred_name or self.first_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def age_on(self, day: dt.date | None = None) -> int:
        return calendar.age_on(self.date_of_birth, day or timezone.localdate())

    def year_group(self, day: dt.date | None = None) -> int | None:
        return calendar.year_group(self.date_of_birth, day or timezone.localdate())

    def year_group_label(self, day: dt.date | None = None) -> str:
        return calendar.stage_label(self.date_of_birth, day or timezone.localdate())

    def key_stage(self, day: dt.date | None = None) -> str:
        group = self.year_group(day)
        stage = calendar.key_stage(group) if group is not None else None
        return str(stage) if stage else ""


class RelationshipKind(models.TextChoices):
    CASEWORKER = "caseworker", "On their caseload"
    PARENT = "parent", "Parent or carer"
    SELF = "self", "The young person themselves"


class ChildRelationship(models.Model):
    """Why a person may see a child: on their caseload, their parent, or themselves.

    Access follows these relationships (see ``goldenthread.web.plans.selectors``), and only
    while they last.
    """

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="relationships")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="child_relationships"
    )
    kind = models.CharField(max_length=16, choices=RelationshipKind.choices)
    started_on = models.DateField(default=timezone.localdate)
    ended_on = models.DateField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["person", "ended_on"])]

    def __str__(self) -> str:
        return f"{self.person} – {self.child} ({self.get_kind_display()})"


class AllAboutMe(TrackedModel):
    """Told once by the child and family, and reused by every plan."""

    child = models.OneToOneField(Child, on_delete=models.CASCADE, related_name="all_about_me")
    liked_about_me = models.TextField("What people like and admire about me", blank=True)
    important_to_me = models.TextField("What is important to me", blank=True)
    important_for_me = models.TextField("What is important for me", blank=True)
    how_to_support_me = models.TextField("How best to support me", blank=True)
    my_story = models.TextField("My story so far", blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "all about me"
        verbose_name_plural = "all about me"

    def __str__(self) -> str:
        return f"All about {self.child.known_as}"
