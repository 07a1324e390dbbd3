"""What the statutory returns need that the plan records do not hold, and who may make them.

SEN2 and Annex A ask for facts kept for the returns only (gender, ethnicity, postcode, ULN,
pupil premium...), for dates from before Golden Thread recorded assessments (when a plan's
request was received), and for why a plan ceased. They live here, beside the records, so the
plan models stay about the plan. Code sets: ``goldenthread.core.returns.codes``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from goldenthread.core.returns import codes
from goldenthread.web.accounts.models import Organisation
from goldenthread.web.plans.models import Child, Plan


def _choices(mapping: object) -> list[tuple[str, str]]:
    return [(k, f"{k}: {v}") for k, v in dict(mapping).items()]  # type: ignore[call-overload]


class AuthorityReturn(models.Model):
    """The authority's DfE local authority number, sent in every return's header."""

    local_authority = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="return_settings"
    )
    dfe_number = models.CharField("DfE local authority number", max_length=3)

    def __str__(self) -> str:
        return f"{self.local_authority} ({self.dfe_number})"


class ReturnsLead(models.Model):
    """A person the authority names to make and download its statutory returns."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="returns_lead"
    )
    local_authority = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    named_on = models.DateField(auto_now_add=True)

    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"{self.person} for {self.local_authority}"


class ChildReturnDetails(models.Model):
    """A child's facts asked for by SEN2 and Annex A and not held elsewhere."""

    child = models.OneToOneField(Child, on_delete=models.CASCADE, related_name="return_details")
    gender = models.CharField("Sex", max_length=1, choices=_choices(codes.SEXES), blank=True)
    ethnicity = models.CharField(max_length=4, choices=_choices(codes.ETHNICITIES), blank=True)
    postcode = models.CharField(max_length=8, blank=True)
    uln = models.CharField("ULN", max_length=10, blank=True)
    upn_unknown = models.CharField(
        "Why there is no UPN or ULN", max_length=3, choices=_choices(codes.UPN_UNKNOWN), blank=True
    )
    disability = models.BooleanField(null=True, blank=True)
    pupil_premium = models.BooleanField(null=True, blank=True)
    known_to_social_care = models.BooleanField(null=True, blank=True)
    social_care_team = models.CharField(max_length=120, blank=True)
    elective_home_education = models.BooleanField(default=False)
    suspensions = models.PositiveSmallIntegerField(null=True, blank=True)
    permanent_exclusions = models.PositiveSmallIntegerField(null=True, blank=True)
    absence_percent = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "child return details"

    def __str__(self) -> str:
        return f"Return details for child {self.child_id}"


class PlanReturnFacts(models.Model):
    """For an EHC plan: the request and decisions it came from, and why it ceased.

    For plans made before the assessment was recorded in Golden Thread (migrated records);
    an assessment recorded in Golden Thread is used in its place when there is one.
    """

    plan = models.OneToOneField(Plan, on_delete=models.CASCADE, related_name="return_facts")
    request_received_on = models.DateField(null=True, blank=True)
    request_in_rya = models.BooleanField("Request while in youth custody", default=False)
    assess_decided_on = models.DateField(null=True, blank=True)
    issue_decided_on = models.DateField(null=True, blank=True)
    week20_exception = models.BooleanField("A 20-week exception applied", default=False)
    transfer_la = models.CharField("Transferred in from (DfE number)", max_length=3, blank=True)
    cease_reason = models.CharField(max_length=1, choices=_choices(codes.CEASE_REASONS), blank=True)

    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"Return facts for plan {self.plan_id}"


class ChildPlacement(models.Model):
    """Where a child is placed over time: one SEN2 <PlacementDetail> for each.

    Opened by a signal when a child's setting changes (``goldenthread.web.returns.signals``)
    or by a caseworker on the "start a placement" page. A placement at a named setting is sent
    by its URN (or UKPRN); otherwise ``sen_setting`` says what kind of placement it is.
    """

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="placements")
    setting = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    ukprn = models.CharField("UKPRN", max_length=8, blank=True)
    sen_setting = models.CharField(
        "Kind of placement (no named setting)",
        max_length=4,
        choices=_choices(codes.SEN_SETTINGS),
        blank=True,
    )
    rank = models.PositiveSmallIntegerField("Placement rank", default=1)
    entry_date = models.DateField()
    leaving_date = models.DateField(null=True, blank=True)
    sen_unit = models.BooleanField("In an SEN unit", default=False)
    resourced_provision = models.BooleanField("In resourced provision", default=False)
    residential = models.BooleanField("Residential (RES)", default=False)
    work_based = models.BooleanField("Work-based placement (WBP)", default=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ("child_id", "entry_date", "pk")
        indexes = [models.Index(fields=("child", "leaving_date"))]

    def __str__(self) -> str:
        return f"Placement {self.pk} of child {self.child_id}"
