"""The consent behind each share of a child's passport.

``access.ChildShare`` says who may see the record and until when; ``PassportConsent`` says who
agreed to it, when, and what for, so the family can see the agreement they gave. Kept in this
app so the access app's migrations stay with their owners.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ConsentGivenBy(models.TextChoices):
    YOUNG_PERSON = "young_person", "The young person"
    PARENT = "parent", "A parent or carer"
    COORDINATOR_FOR_FAMILY = "coordinator", "The coordinator, who asked the family first"


class PassportConsent(models.Model):
    """The agreement to one share: who agreed, their name, when, and what the share is for."""

    share = models.OneToOneField(
        "access.ChildShare", on_delete=models.PROTECT, related_name="consent"
    )
    given_by = models.CharField(max_length=16, choices=ConsentGivenBy.choices)
    given_by_name = models.CharField("Name of the person who agreed", max_length=200)
    given_on = models.DateField()
    purpose = models.TextField("What it is for")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Consent for share {self.share_id}"


class PassportLink(models.Model):
    """A read-only link to a child's passport with a secret token, for a time and a number of
    views, agreed by the family. Only a hash of the token is kept: the link is shown once."""

    child = models.ForeignKey("plans.Child", on_delete=models.PROTECT, related_name="+")
    label = models.CharField("Who the link is for", max_length=200)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    expires_at = models.DateTimeField()
    max_views = models.PositiveIntegerField()
    views = models.PositiveIntegerField(default=0, editable=False)
    given_by = models.CharField(max_length=16, choices=ConsentGivenBy.choices)
    given_by_name = models.CharField("Name of the person who agreed", max_length=200)
    given_on = models.DateField()
    purpose = models.TextField("What it is for")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        indexes = [models.Index(fields=["child", "revoked_at"])]

    def __str__(self) -> str:
        return f"Passport link {self.pk} for child {self.child_id}"
