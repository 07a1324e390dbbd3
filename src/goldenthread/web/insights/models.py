"""Nightly facts for the area dashboards (ADR 0013): one narrow row per live outcome, need and
piece of provision on a current plan, with everything the filters and groupings need already
worked out (the child's date of birth, setting and need, the coordinating service, themes as
bits, the SMART verdict and which checks fail, achievement, the latest GAS level).

They are written only by ``goldenthread insights refresh`` (``insights.refresh``) and read only
by the selectors. Links to children, organisations and people are plain ids with no database
constraint, so the facts never block a change to the records they describe; the next refresh
rebuilds them.
"""

from __future__ import annotations

from typing import Any

from django.db import models

from goldenthread.web.insights import steps
from goldenthread.web.insights.scans import Step


def _link(to: str, *, null: bool = False) -> Any:
    """A link kept as a plain id: no database constraint, no index, no reverse accessor."""
    return models.ForeignKey(
        to,
        null=null,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        related_name="+",
    )


class PlanKeys(models.Model):
    """The columns every filter but theme and domain uses: the child, and the plan the row is on."""

    plan_id = models.BigIntegerField()
    child = _link("plans.Child")
    authority_id = models.BigIntegerField()
    date_of_birth = models.DateField(null=True)
    setting = _link("accounts.Organisation", null=True)
    service = _link("accounts.Organisation", null=True)
    coordinator = _link("accounts.User", null=True)
    primary_need = models.CharField(max_length=8, blank=True)
    plan_start = models.DateField(null=True)
    plan_end = models.DateField(null=True)
    # The child has no other current plan, so the plan's rows are all of the child's: counting
    # can skip grouping them by child again (``scans``). False is always safe (rows written
    # before this column was added say False until the next refresh).
    only_plan = models.BooleanField(default=False)

    class Meta:
        abstract = True


class FactsBase(PlanKeys):
    """One thing's facts: the plan's keys, then the thing's domain and themes."""

    domain = models.CharField(max_length=16, blank=True)
    # Bit (1 << (n - 1)) for each of the four themes (an outcome can have more than one; a need
    # or provision has the themes of the outcomes linked to it).
    themes = models.SmallIntegerField(default=0)

    class Meta:
        abstract = True


RATED = models.Q(gas_level__isnull=False, gas_weight__gt=0)


def _when_rated(expression: Any) -> models.GeneratedField:
    """A column the database works out from the GAS level and weight: null when not rated.
    The T-score sums (``scans``) then add these up with no condition or multiplication."""
    return models.GeneratedField(
        expression=models.Case(models.When(RATED, then=expression), default=None),
        output_field=models.FloatField(),
        db_persist=True,
    )


class RatedFacts(models.Model):
    """An outcome's latest GAS level and weight, and the products the T-score adds up."""

    gas_level = models.SmallIntegerField(null=True)  # at the outcome's latest review
    gas_weight = models.FloatField(null=True)
    gas_wx = _when_rated(models.F("gas_weight") * models.F("gas_level"))
    gas_w = _when_rated(models.F("gas_weight"))
    gas_w2 = _when_rated(models.F("gas_weight") * models.F("gas_weight"))

    class Meta:
        abstract = True


class OutcomeFact(FactsBase, RatedFacts):
    outcome_id = models.BigIntegerField(primary_key=True)
    area = models.CharField(max_length=40, blank=True)
    smart = models.BooleanField(null=True)  # Outcome.quality_smart as stored
    # Bit i set when quality criterion CRITERIA[i] fails; null when the words were not checked.
    failed = models.IntegerField(null=True)
    achievement = models.CharField(max_length=16)  # achieved / working / not_achieved
    has_provision = models.BooleanField(default=False)
    # Bit for each Education/Health/Social Care domain of the provision supporting it.
    provision_domains = models.SmallIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["authority_id", "date_of_birth"], name="insights_of_area")]

    def __str__(self) -> str:
        return f"Facts for outcome {self.outcome_id}"


class OutcomeServiceFact(FactsBase, RatedFacts):
    """An outcome's facts again for each service that delivers provision supporting it (one row
    per outcome and provider), so attainment by provider needs no join."""

    outcome_id = models.BigIntegerField()
    delivered_by = models.CharField(max_length=200)
    achievement = models.CharField(max_length=16)

    class Meta:
        indexes = [models.Index(fields=["authority_id", "date_of_birth"], name="insights_osf_area")]

    def __str__(self) -> str:
        return f"Outcome {self.outcome_id}: {self.delivered_by}"


class NeedFact(FactsBase):
    need_id = models.BigIntegerField(primary_key=True)
    area = models.CharField(max_length=40, blank=True)
    gap = models.CharField(max_length=16)  # met / no_outcome / no_provision / neither

    class Meta:
        indexes = [models.Index(fields=["authority_id", "date_of_birth"], name="insights_nf_area")]

    def __str__(self) -> str:
        return f"Facts for need {self.need_id}"


class ProvisionFact(FactsBase):
    provision_id = models.BigIntegerField(primary_key=True)
    serves_outcome = models.BooleanField(default=False)

    class Meta:
        indexes = [models.Index(fields=["authority_id", "date_of_birth"], name="insights_pf_area")]

    def __str__(self) -> str:
        return f"Facts for provision {self.provision_id}"


class FactsRefresh(models.Model):
    """When the facts were last rebuilt, and how long it took (the pages say "as of")."""

    finished_at = models.DateTimeField()
    seconds = models.FloatField()
    outcomes = models.IntegerField()
    needs = models.IntegerField()
    provision = models.IntegerField()

    class Meta:
        ordering = ["-finished_at"]
        get_latest_by = "finished_at"

    def __str__(self) -> str:
        return f"Facts refreshed at {self.finished_at:%Y-%m-%d %H:%M}"


class WordingCheck(models.Model):
    """Which quality criteria one wording fails (bit i for CRITERIA[i]), keyed by a hash of the
    words: each distinct wording is checked once, not at every refresh."""

    key = models.CharField(max_length=32, primary_key=True)
    failed = models.IntegerField()
    # The engine version and day the wording was judged on; stale rows are judged again.
    engine = models.CharField(max_length=64, blank=True, default="")
    judged_on = models.DateField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Wording {self.key}: {self.failed:b}"


class FigureCache(models.Model):
    """A dashboard's published figures (already disclosure-controlled) for one filter, kept until
    the next refresh: the facts do not change in between, so neither do the figures. The
    refresh fills it for each area's unfiltered dashboards; other filters fill it on first use.
    """

    key = models.CharField(max_length=64, primary_key=True)
    refresh = models.ForeignKey(FactsRefresh, on_delete=models.CASCADE, related_name="+")
    figures = models.JSONField()

    def __str__(self) -> str:
        return f"Figures {self.key[:8]}"


class PlanStepBase(PlanKeys):
    """A dashboard's per-child step (``steps``) worked out per plan by the refresh
    (``insights.kept``): the dashboard sums a few rows per child instead of counting every
    outcome. Its other columns are the step's (``Step.columns``: m{group}_{measure}, and
    sx/sw/sw2_{group} for the GAS sums), made by ``_plan_step`` so they always match it."""

    class Meta:
        abstract = True


def _plan_step(
    name: str,
    step: Step,
    *,
    index: str,
    doc: str,
    keys: dict[str, models.Field[Any, Any]] | None = None,
) -> Any:
    """A kept step: one row per plan, or with ``keys`` one per plan and those keys."""
    fields: dict[str, Any] = {
        column: models.FloatField(null=True)
        if column.startswith("s")
        else models.IntegerField(default=0)
        for column in step.columns()
    }
    if keys:
        identity: dict[str, Any] = {"id": models.BigAutoField(primary_key=True), **keys}
    else:
        identity = {"plan_id": models.BigIntegerField(primary_key=True)}
    area = models.Index(fields=["authority_id", "date_of_birth"], name=index)
    meta = type("Meta", (), {"indexes": [area]})
    attrs = {"__module__": __name__, "__doc__": doc, "Meta": meta, **identity, **fields}
    attrs["__str__"] = lambda self: f"{name} of plan {self.plan_id}"
    return type(name, (PlanStepBase,), attrs)


QualityPlanStep = _plan_step(
    "QualityPlanStep",
    steps.QUALITY,
    index="insights_qps_area",
    doc="Each current plan's outcomes: SMART or not, failing and passing each check, by domain.",
)
AttainmentPlanStep = _plan_step(
    "AttainmentPlanStep",
    steps.ATTAINMENT,
    index="insights_aps_area",
    doc="Each current plan's outcomes: achievement and GAS sums, in all, by theme and provision.",
)
OutcomePlanStep = _plan_step(
    "OutcomePlanStep",
    steps.OUTCOMES,
    index="insights_ops_area",
    doc="Each current plan's outcomes: by area and domain, by theme, with or without provision.",
)
ProviderPlanStep = _plan_step(
    "ProviderPlanStep",
    steps.BY_PROVIDER,
    index="insights_pps_area",
    doc="Each current plan's outcomes by who delivers their provision: achievement and GAS sums.",
    keys={"delivered_by": models.CharField(max_length=200)},
)
