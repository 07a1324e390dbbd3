"""Return details for the synthetic demo area, made up deterministically from each record.

Only children marked ``is_synthetic`` are touched; nothing here is a real person's data.
"""

from __future__ import annotations

import datetime as dt
import random

from django.db.models import QuerySet
from django.utils import timezone

from goldenthread.core.returns import codes
from goldenthread.web.accounts.models import Organisation, OrganisationKind, User
from goldenthread.web.plans.models import Child, Plan, PlanStatus
from goldenthread.web.returns.models import (
    AuthorityReturn,
    ChildPlacement,
    ChildReturnDetails,
    PlanReturnFacts,
    ReturnsLead,
)

DEMO_DFE_NUMBER = "990"
DEMO_RETURNS_LEAD = "admin"
ETHNICITY_MIX = ("WBRI",) * 12 + ("WOTH", "MWBC", "AIND", "APKN", "BAFR", "BCRB", "CHNE", "MOTH")
POSTCODES = ("WS1 1AA", "WS2 4BT", "WS3 9QX", "WS4 7LP", "WS5 3DN")
REQUEST_WEEKS_BEFORE_ISSUE = (14, 17, 19, 22, 26)
PLACEMENT_DAYS_AGO = (95, 270, 460, 640, 830, 1190)


def demo_returns_prepare() -> int:
    """After seeding: the demo authority's return details, and its "admin" as returns lead."""
    authority = Organisation.objects.filter(
        kind=OrganisationKind.LOCAL_AUTHORITY, is_synthetic=True
    ).first()
    if authority is None:
        return 0
    admin = User.objects.filter(username=DEMO_RETURNS_LEAD, is_synthetic=True).first()
    if admin is not None:
        ReturnsLead.objects.get_or_create(person=admin, defaults={"local_authority": authority})
    return demo_return_details_fill(authority)


def demo_return_details_fill(local_authority: Organisation, *, seed: int = 19) -> int:
    """Fill the demo area's return details where missing; returns how many children gained them."""
    AuthorityReturn.objects.get_or_create(
        local_authority=local_authority, defaults={"dfe_number": DEMO_DFE_NUMBER}
    )
    have = set(ChildReturnDetails.objects.values_list("child_id", flat=True))
    made = []
    children = Child.objects.filter(local_authority=local_authority, is_synthetic=True).order_by(
        "pk"
    )
    for child in children.only("pk", "upn").iterator(chunk_size=2000):
        if child.pk in have:
            continue
        rng = random.Random(seed * 1_000_003 + child.pk)  # noqa: S311 - made-up data  # nosec B311
        made.append(
            ChildReturnDetails(
                child_id=child.pk,
                gender=rng.choice(("M", "M", "F")),
                ethnicity=rng.choice(ETHNICITY_MIX),
                postcode=rng.choice(POSTCODES),
                uln="" if child.upn else str(rng.randrange(10**9, 10**10)),
                disability=rng.random() < 0.6,
                pupil_premium=rng.random() < 0.35,
                known_to_social_care=rng.random() < 0.2,
                suspensions=rng.choice((0, 0, 0, 1, 2)),
                permanent_exclusions=0,
                absence_percent=round(rng.uniform(2, 15), 2),
            )
        )
    ChildReturnDetails.objects.bulk_create(made, batch_size=2000)
    demo_placements_fill(children, seed=seed)
    facts_have = set(PlanReturnFacts.objects.values_list("plan_id", flat=True))
    plans = Plan.objects.filter(
        child__local_authority=local_authority,
        child__is_synthetic=True,
        kind="ehc_plan",
        version=1,
        issued_on__isnull=False,
    ).values_list("pk", "issued_on", "status")
    facts = []
    for pk, issued_on, status in plans.iterator(chunk_size=5000):
        if pk in facts_have or issued_on is None:
            continue
        rng = random.Random(seed * 7_919 + pk)  # noqa: S311 - made-up data  # nosec B311
        received = issued_on - dt.timedelta(weeks=rng.choice(REQUEST_WEEKS_BEFORE_ISSUE))
        facts.append(
            PlanReturnFacts(
                plan_id=pk,
                request_received_on=received,
                assess_decided_on=received + dt.timedelta(weeks=6),
                issue_decided_on=received + dt.timedelta(weeks=12),
                cease_reason=rng.choice(tuple(codes.CEASE_REASONS))
                if status == PlanStatus.CEASED
                else "",
            )
        )
    PlanReturnFacts.objects.bulk_create(facts, batch_size=2000)
    return len(made)


def demo_placements_fill(children: QuerySet[Child], *, seed: int = 19) -> int:
    """An open main placement at each demo child's setting, for those with none recorded
    (children made in bulk send no signal). It began a made-up number of terms ago."""
    placed = set(ChildPlacement.objects.values_list("child_id", flat=True))
    today = timezone.localdate()
    made = []
    rows = children.filter(current_setting__isnull=False).values_list("pk", "current_setting_id")
    for pk, setting_id in rows.iterator(chunk_size=2000):
        if pk in placed:
            continue
        rng = random.Random(seed * 104_729 + pk)  # noqa: S311 - made-up data  # nosec B311
        began = today - dt.timedelta(days=rng.choice(PLACEMENT_DAYS_AGO))
        made.append(ChildPlacement(child_id=pk, setting_id=setting_id, entry_date=began))
    ChildPlacement.objects.bulk_create(made, batch_size=2000)
    return len(made)
