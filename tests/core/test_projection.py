"""Demand projection: a log-linear trend with an honest 80% interval."""

from __future__ import annotations

import math

import pytest

from goldenthread.core.insights import DisclosurePolicy
from goldenthread.core.insights.projection import (
    BAD_HORIZON,
    HAS_SMALL_YEAR,
    HAS_ZERO_YEAR,
    TOO_FEW_YEARS,
    demand_project,
    demand_project_by_need,
)


def test_exact_exponential_growth_projects_exactly_with_a_tiny_interval() -> None:
    counts = {2018 + k: round(100 * 1.1**k * 1000) for k in range(6)}  # big, so rounding is tiny
    projection = demand_project(counts_by_year=counts)
    assert projection.projected
    assert projection.annual_change == pytest.approx(0.1, abs=1e-5)
    assert [year.year for year in projection.years] == [2024, 2025, 2026]
    for step, year in enumerate(projection.years, start=6):
        assert year.central == pytest.approx(100_000 * 1.1**step, rel=1e-5)
        assert (year.upper - year.lower) / year.central < 1e-4


def test_noisy_series_has_a_wider_interval_that_widens_with_the_horizon() -> None:
    noisy = {2017: 100, 2018: 125, 2019: 118, 2020: 150, 2021: 139, 2022: 178, 2023: 170}
    projection = demand_project(counts_by_year=noisy)
    widths = [(year.upper - year.lower) / year.central for year in projection.years]
    assert widths[0] > 0.05
    assert widths == sorted(widths) and widths[0] < widths[2]
    for year in projection.years:
        assert year.lower < year.central < year.upper


def test_fewer_years_give_a_wider_interval() -> None:
    long = {2016 + k: c for k, c in enumerate([100, 112, 118, 131, 140, 155, 160, 178])}
    short = {year: long[year] for year in (2021, 2022, 2023)}
    wide = demand_project(counts_by_year=short, horizon=1).years[0]
    narrow = demand_project(counts_by_year=long, horizon=1).years[0]
    assert (wide.upper - wide.lower) > (narrow.upper - narrow.lower)


def test_flat_series_projects_flat() -> None:
    projection = demand_project(counts_by_year={2021: 40, 2022: 40, 2023: 40}, horizon=2)
    assert projection.annual_change == pytest.approx(0.0)
    assert all(math.isclose(year.central, 40) for year in projection.years)


@pytest.mark.parametrize(
    ("counts", "reason"),
    [
        ({}, TOO_FEW_YEARS),
        ({2022: 10, 2023: 12}, TOO_FEW_YEARS),
        ({2021: 0, 2022: 0, 2023: 0}, HAS_ZERO_YEAR),
        ({2021: 10, 2022: 0, 2023: 14}, HAS_ZERO_YEAR),
    ],
)
def test_series_that_cannot_be_projected_say_why(counts: dict[int, int], reason: str) -> None:
    projection = demand_project(counts_by_year=counts)
    assert not projection.projected
    assert projection.reason == reason
    assert projection.years == ()


def test_small_years_are_refused_under_a_disclosure_policy() -> None:
    counts = {2021: 4, 2022: 9, 2023: 15}
    assert demand_project(counts_by_year=counts).projected
    refused = demand_project(counts_by_year=counts, policy=DisclosurePolicy())
    assert refused.reason == HAS_SMALL_YEAR


def test_horizon_is_checked() -> None:
    with pytest.raises(ValueError, match=BAD_HORIZON):
        demand_project(counts_by_year={2021: 10, 2022: 11, 2023: 12}, horizon=4)


def test_by_need_projects_each_need() -> None:
    result = demand_project_by_need(
        counts_by_need={"ASD": {2021: 100, 2022: 120, 2023: 140}, "SEMH": {2023: 50}}
    )
    assert result["ASD"].projected
    assert result["SEMH"].reason == TOO_FEW_YEARS
