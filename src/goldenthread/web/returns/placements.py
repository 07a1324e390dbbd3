"""A child's placements as SEN2 <PlacementDetail> records, gathered set-wide (one query).

From ``ChildPlacement`` (entry and leaving dates, RES, WBP). A child with none recorded (a record
from before placements were kept, or made in bulk) is sent one placement worked out from their
current setting, with no dates: check SEN2-L11 lists it so a caseworker records when it began.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from django.db.models import F, Q

from goldenthread.core import calendar
from goldenthread.core.returns.sen2 import Period, Placement
from goldenthread.web.plans.models import Child
from goldenthread.web.returns.models import ChildPlacement, ChildReturnDetails

EARLY_YEARS_AGE = 5
POST_16_AGE = 16


def placements_by_child(child_ids: Iterable[int], period: Period) -> dict[int, list[Placement]]:
    """Placements open at some time from the start of the year to the census date (and any
    that left before they started, so the check names them)."""
    rows = (
        ChildPlacement.objects.filter(
            child_id__in=list(child_ids), entry_date__lte=period.reference_date
        )
        .filter(
            Q(leaving_date__isnull=True)
            | Q(leaving_date__gte=period.start)
            | Q(leaving_date__lt=F("entry_date"))  # wrong, so sent to be caught (SEN2-L05)
        )
        .order_by("child_id", "rank", "entry_date", "pk")
        .values_list(
            "child_id",
            "setting__urn",
            "ukprn",
            "sen_setting",
            "setting_id",
            "rank",
            "entry_date",
            "leaving_date",
            "sen_unit",
            "resourced_provision",
            "residential",
            "work_based",
        )
    )
    found: dict[int, list[Placement]] = defaultdict(list)
    for row in rows.iterator(chunk_size=5000):
        child_id, urn, ukprn, sen_setting, setting_id, rank, entry, leaving, unit, rp, res, wbp = (
            row
        )
        urn = urn or ""  # a setting's URN wins; a UKPRN is sent only for a setting without one
        ukprn = "" if urn else ukprn
        found[child_id].append(
            Placement(
                urn=urn,
                ukprn=ukprn,
                sen_setting="" if (urn or ukprn) else sen_setting,
                rank=rank,
                entry_date=entry,
                leaving_date=leaving,
                sen_unit=unit,
                resourced_provision=rp,
                residential=res,
                work_based=wbp,
                named_setting=setting_id is not None,
            )
        )
    return found


def placement_derived(child: Child, kept: ChildReturnDetails | None, ref: dt.date) -> Placement:
    """Where the child is, when no placement is recorded: the setting's URN, else the SEN2
    setting type that fits."""
    setting = child.current_setting
    if kept is not None and kept.elective_home_education:
        return Placement(sen_setting="EHE")
    if setting is not None and setting.urn:
        return Placement(urn=setting.urn)
    age = calendar.age_on(child.date_of_birth, ref)
    if setting is not None:
        return Placement(sen_setting="EYP" if age < EARLY_YEARS_AGE else "OTH")
    return Placement(sen_setting="NEET" if age >= POST_16_AGE else "NIEO")


def placements_named(placements: list[Placement], ref: dt.date) -> tuple[Placement, ...]:
    """The settings a plan names (<PlanDetail>): those open on the census date, else the latest."""
    open_now = [p for p in placements if p.leaving_date is None or p.leaving_date >= ref]
    return tuple(open_now or placements[-1:])
