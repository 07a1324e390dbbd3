"""Gaps in a golden thread, found from the links alone (no database, no Django).

A plan's thread runs aspirations → needs → outcomes → provision. A gap is a broken link:
a need with no outcome, an outcome with no provision, provision that serves no outcome,
or an aspiration that nothing works towards.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from enum import StrEnum


class GapKind(StrEnum):
    NEED_WITHOUT_OUTCOME = "need_without_outcome"
    OUTCOME_WITHOUT_PROVISION = "outcome_without_provision"
    PROVISION_WITHOUT_OUTCOME = "provision_without_outcome"
    ASPIRATION_WITHOUT_OUTCOME = "aspiration_without_outcome"


GAP_MESSAGES: dict[GapKind, str] = {
    GapKind.NEED_WITHOUT_OUTCOME: "No outcome says what will change for this need.",
    GapKind.OUTCOME_WITHOUT_PROVISION: "No help (provision) is linked to this outcome.",
    GapKind.PROVISION_WITHOUT_OUTCOME: "This help is not linked to any outcome.",
    GapKind.ASPIRATION_WITHOUT_OUTCOME: "No outcome works towards this hope.",
}


@dataclass(frozen=True, slots=True)
class Gap:
    kind: GapKind
    part_id: int

    @property
    def message(self) -> str:
        return GAP_MESSAGES[self.kind]


def find_gaps(
    *,
    aspiration_ids: Collection[int],
    need_ids: Collection[int],
    outcome_ids: Collection[int],
    provision_ids: Collection[int],
    outcome_needs: Mapping[int, Collection[int]],
    outcome_aspirations: Mapping[int, Collection[int]],
    provision_outcomes: Mapping[int, Collection[int]],
) -> list[Gap]:
    """Every broken link in one plan, in thread order (aspirations, needs, outcomes, provision)."""
    needs_met = {n for o in outcome_ids for n in outcome_needs.get(o, ())}
    aspirations_served = {a for o in outcome_ids for a in outcome_aspirations.get(o, ())}
    outcomes_supported = {o for p in provision_ids for o in provision_outcomes.get(p, ())}
    gaps = [
        Gap(GapKind.ASPIRATION_WITHOUT_OUTCOME, a)
        for a in aspiration_ids
        if a not in aspirations_served
    ]
    gaps += [Gap(GapKind.NEED_WITHOUT_OUTCOME, n) for n in need_ids if n not in needs_met]
    gaps += [
        Gap(GapKind.OUTCOME_WITHOUT_PROVISION, o)
        for o in outcome_ids
        if o not in outcomes_supported
    ]
    gaps += [
        Gap(GapKind.PROVISION_WITHOUT_OUTCOME, p)
        for p in provision_ids
        if not set(provision_outcomes.get(p, ())) & set(outcome_ids)
    ]
    return gaps
