"""Checks on the placements sent for an active plan (SEN2 module 5b, <PlacementDetail>).

Each is a named rule with its source, as in ``sen2_rules``; a failure names the child's record
number and the item. Placements come from ``returns.ChildPlacement`` (entry and leaving dates);
a child with none recorded is sent one placement worked out from their current setting, with no
dates, which the "no entry date" query lists.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from itertools import combinations

from goldenthread.core.returns import codes
from goldenthread.core.returns.findings import Finding, Rule
from goldenthread.core.returns.sen2 import Period, Placement

G = codes.SEN2_GUIDE
W = "MastodonC witan.sen2 (blade/csv.clj, module 5b placement-detail: EntryDate, LeavingDate)"
MODULE = "PlacementDetail"

L08 = Rule(
    "SEN2-L08",
    "Two placements of the same rank overlap: one must end before the other starts",
    f"{G}, items 5.9 EntryDate / 5.10 LeavingDate; {W}",
)
L09 = Rule(
    "SEN2-L09",
    "An active plan has no placement open on the census date",
    f"{G}, module 5 (a placement for every active plan); {W}",
)
L10 = Rule(
    "SEN2-L10",
    "A placement starts after the census date",
    f"{G}, item 5.9 EntryDate",
)
L11 = Rule(
    "SEN2-L11",
    "A placement has no entry date: record when the child started there",
    f"{G}, item 5.9 EntryDate; {W}",
    severity="query",
)
L12 = Rule(
    "SEN2-L12",
    "A placement at a named setting needs the setting's URN or UKPRN",
    f"{G}, items 5.7a URN / 5.7b UKPRN",
)
PLACEMENT_RULES = (L08, L09, L10, L11, L12)
FAR_FUTURE = dt.date.max


def _open_on(place: Placement, day: dt.date) -> bool:
    started = place.entry_date is None or place.entry_date <= day
    return started and (place.leaving_date is None or place.leaving_date >= day)


def _overlap(a: Placement, b: Placement) -> bool:
    """Leaving one setting on the day the next starts is not an overlap."""
    if a.rank != b.rank or a.entry_date is None or b.entry_date is None:
        return False
    a_end, b_end = a.leaving_date or FAR_FUTURE, b.leaving_date or FAR_FUTURE
    return a.entry_date < b_end and b.entry_date < a_end


def placement_findings(
    ref: int, placements: tuple[Placement, ...], period: Period
) -> Iterator[Finding]:
    """The checks on one active plan's placements (the child's record number is ``ref``)."""
    census = period.reference_date
    if not any(_open_on(p, census) for p in placements):
        yield Finding(L09, ref, f"{MODULE}: LeavingDate")
    for place in placements:
        if place.entry_date is None:
            yield Finding(L11, ref, f"{MODULE}: EntryDate")
        elif place.entry_date > census:
            yield Finding(L10, ref, f"{MODULE}: EntryDate", place.entry_date.isoformat())
        if place.named_setting and not (place.urn or place.ukprn):
            yield Finding(L12, ref, f"{MODULE}: URN / UKPRN")
    for a, b in combinations(placements, 2):
        if _overlap(a, b):
            later = max(a.entry_date or census, b.entry_date or census)
            yield Finding(L08, ref, f"{MODULE}: EntryDate", later.isoformat())
