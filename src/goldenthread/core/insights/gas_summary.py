"""Goal Attainment Scaling (GAS) T-scores summarised by group, for area dashboards.

Each child contributes one T-score (50 = outcomes met as expected; DOMAIN.md §6). Groups are
things like primary need or school phase, and each child is in exactly one group.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from goldenthread.core.insights.disclosure import series_protect
from goldenthread.core.insights.policy import (
    CellStatus,
    DisclosurePolicy,
    PublishedCount,
    count_withhold,
)

MIN_CHILDREN_FOR_AVERAGE = 6


@dataclass(frozen=True, slots=True)
class PublishedAverage:
    """A mean or median T-score as it may be published."""

    value: Decimal | None
    status: CellStatus
    symbol: str = ""

    @property
    def text(self) -> str:
        return self.symbol if self.value is None else str(self.value)


@dataclass(frozen=True, slots=True)
class GroupSummary:
    """One group's published count of children, mean and median T-score."""

    group: str
    children: PublishedCount
    mean: PublishedAverage
    median: PublishedAverage


@dataclass(frozen=True, slots=True)
class GasSummary:
    groups: tuple[GroupSummary, ...]
    overall: GroupSummary


def _average(value: float, policy: DisclosurePolicy) -> PublishedAverage:
    places = Decimal(1).scaleb(-policy.percentage_decimals)
    exact = Decimal(str(value)).quantize(places, rounding=ROUND_HALF_UP)
    return PublishedAverage(value=exact, status=CellStatus.SHOWN)


def _withheld(status: CellStatus, policy: DisclosurePolicy) -> PublishedAverage:
    return PublishedAverage(value=None, status=status, symbol=policy.symbol_for(status))


def small_group_averages_withhold(
    *, scores: Sequence[float], policy: DisclosurePolicy
) -> tuple[PublishedAverage, PublishedAverage]:
    """Mean and median, withheld for a group of fewer than 6 children (``z`` for none).

    Because the average of a handful of children says more about each child than about the
    service, and with one child it is that child's score.
    """
    if not scores:
        return _withheld(CellStatus.NOT_APPLICABLE, policy), _withheld(
            CellStatus.NOT_APPLICABLE, policy
        )
    if len(scores) < max(MIN_CHILDREN_FOR_AVERAGE, policy.threshold + 1):
        return _withheld(CellStatus.PRIMARY, policy), _withheld(CellStatus.PRIMARY, policy)
    return (
        _average(statistics.fmean(scores), policy),
        _average(statistics.median(scores), policy),
    )


def gas_summarise(
    *, scores_by_group: Mapping[str, Sequence[float]], policy: DisclosurePolicy
) -> GasSummary:
    """Counts (with secondary suppression and rounded total), means and medians by group.

    The overall mean and median are withheld whenever any group's are, because the overall
    figure, the other groups' figures and their counts would give the hidden group's back.
    """
    labels = list(scores_by_group)
    counts = [len(scores_by_group[label]) for label in labels]
    series = series_protect(labels=labels, counts=counts, policy=policy)
    groups = tuple(
        GroupSummary(label, count, *small_group_averages_withhold(scores=scores, policy=policy))
        for label, count, scores in zip(
            labels, series.counts, scores_by_group.values(), strict=True
        )
    )
    everyone = [score for scores in scores_by_group.values() for score in scores]
    mean, median = small_group_averages_withhold(scores=everyone, policy=policy)
    if any(group.mean.status is CellStatus.PRIMARY for group in groups):
        mean = median = _withheld(CellStatus.SECONDARY, policy)
    total = series.total or count_withhold(status=CellStatus.SECONDARY, policy=policy)
    return GasSummary(groups=groups, overall=GroupSummary("all", total, mean, median))
