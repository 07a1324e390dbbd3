"""GAS T-score summaries by group, with disclosure control."""

from __future__ import annotations

from decimal import Decimal

from goldenthread.core.insights import CellStatus, DisclosurePolicy
from goldenthread.core.insights.gas_summary import gas_summarise, small_group_averages_withhold

POLICY = DisclosurePolicy(round_cells=False)  # the suppression rules on exact cells (ADR 0019)


def test_averages_either_side_of_six_children() -> None:
    five = small_group_averages_withhold(scores=[50, 52, 48, 60, 40], policy=POLICY)
    assert [average.text for average in five] == ["c", "c"]
    mean, median = small_group_averages_withhold(scores=[50, 52, 48, 60, 40, 41], policy=POLICY)
    assert mean.value == Decimal("48.5")
    assert median.value == Decimal("49.0")
    empty = small_group_averages_withhold(scores=[], policy=POLICY)
    assert [average.text for average in empty] == ["z", "z"]


def test_summary_protects_counts_and_the_overall_average() -> None:
    summary = gas_summarise(
        scores_by_group={
            "ASD": [50.0] * 10,
            "SEMH": [45.0, 55.0, 60.0],
            "SLCN": [40.0] * 12,
        },
        policy=POLICY,
    )
    by_group = {group.group: group for group in summary.groups}
    assert by_group["SEMH"].children.text == "c"
    assert by_group["ASD"].children.status is CellStatus.SECONDARY  # 25 - 10 - 12 = 3
    assert by_group["SLCN"].children.text == "12"
    assert by_group["ASD"].mean.text == "50.0"
    assert by_group["SEMH"].mean.text == "c"
    assert summary.overall.children.text == "25"
    assert summary.overall.mean.text == "c"


def test_overall_average_shown_when_no_group_is_small() -> None:
    summary = gas_summarise(scores_by_group={"ASD": [50.0] * 6, "SEMH": [60.0] * 6}, policy=POLICY)
    assert summary.overall.mean.text == "55.0"
    assert summary.overall.children.text == "10"  # 12 rounded to 10
