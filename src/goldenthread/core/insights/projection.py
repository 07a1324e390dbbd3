"""A simple projection of demand by need, with its uncertainty shown.

A straight line is fitted to the logarithm of each need's yearly count (steady percentage
growth or decline), and the next one to three years are projected with an 80% prediction
interval that widens with the horizon. It is a guide for planning, not a forecast model: it
assumes the recent trend carries on.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from goldenthread.core.insights.policy import DisclosurePolicy

MIN_YEARS = 3
MAX_HORIZON = 3
INTERVAL_LEVEL = 0.8

TOO_FEW_YEARS = f"at least {MIN_YEARS} years of counts are needed to see a trend"
HAS_ZERO_YEAR = "a year with no children cannot be put on a growth-rate trend"
HAS_SMALL_YEAR = "some years have too few children to show a trend safely"
BAD_HORIZON = f"horizon must be from 1 to {MAX_HORIZON} years"
NEGATIVE_YEAR_COUNT = "a yearly count cannot be negative"

# One-sided 90% points of Student's t (so a two-sided 80% interval), by degrees of freedom.
_T_90 = (
    3.078, 1.886, 1.638, 1.533, 1.476, 1.440, 1.415, 1.397, 1.383, 1.372,
    1.363, 1.356, 1.350, 1.345, 1.341, 1.337, 1.333, 1.330, 1.328, 1.325,
    1.323, 1.321, 1.319, 1.318, 1.316, 1.315, 1.314, 1.313, 1.311, 1.310,
)  # fmt: skip
_Z_90 = 1.2816


def _t_90(degrees_of_freedom: int) -> float:
    if degrees_of_freedom <= len(_T_90):
        return _T_90[degrees_of_freedom - 1]
    return _Z_90


@dataclass(frozen=True, slots=True)
class ProjectedYear:
    """One future year: the central projection and the 80% interval around it."""

    year: int
    central: float
    lower: float
    upper: float


@dataclass(frozen=True, slots=True)
class Projection:
    """A need's projection, or the reason there is none."""

    years: tuple[ProjectedYear, ...]
    annual_change: float | None  # e.g. 0.08 for 8% growth a year
    reason: str | None = None  # why there is no projection

    @property
    def projected(self) -> bool:
        return self.reason is None


def _no_projection(reason: str) -> Projection:
    return Projection(years=(), annual_change=None, reason=reason)


def demand_project(
    *,
    counts_by_year: Mapping[int, int],
    horizon: int = MAX_HORIZON,
    policy: DisclosurePolicy | None = None,
) -> Projection:
    """Project one need's yearly counts forward ``horizon`` years, with an 80% interval.

    Fits log(count) = a + b·year by least squares; the interval for a future year comes from
    the residual variance, the uncertainty in the line, and Student's t, so it widens with
    the horizon and with fewer or noisier years. The central value is the median on the
    count scale. With a ``policy``, a series with a year of 1 to the threshold is refused,
    because a close-fitting projection could give that year's count away.
    Because a single number for next year hides how little we know; the interval says it.
    """
    if not 1 <= horizon <= MAX_HORIZON:
        raise ValueError(BAD_HORIZON)
    if any(count < 0 for count in counts_by_year.values()):
        raise ValueError(NEGATIVE_YEAR_COUNT)
    if len(counts_by_year) < MIN_YEARS:
        return _no_projection(TOO_FEW_YEARS)
    if policy is not None and any(policy.is_small(count) for count in counts_by_year.values()):
        return _no_projection(HAS_SMALL_YEAR)
    if any(count == 0 for count in counts_by_year.values()):
        return _no_projection(HAS_ZERO_YEAR)
    years = sorted(counts_by_year)
    x = np.array(years, dtype=float) - years[-1]  # centre on the last year for stability
    y = np.log(np.array([counts_by_year[year] for year in years], dtype=float))
    design = np.column_stack([np.ones_like(x), x])
    (intercept, slope), *_ = np.linalg.lstsq(design, y, rcond=None)
    residuals = y - (intercept + slope * x)
    degrees_of_freedom = len(years) - 2
    variance = float(residuals @ residuals) / degrees_of_freedom
    x_mean = float(x.mean())
    spread = float(((x - x_mean) ** 2).sum())
    t = _t_90(degrees_of_freedom)
    projected: list[ProjectedYear] = []
    for step in range(1, horizon + 1):
        centre = float(intercept + slope * step)
        standard_error = math.sqrt(variance * (1 + 1 / len(years) + (step - x_mean) ** 2 / spread))
        projected.append(
            ProjectedYear(
                year=years[-1] + step,
                central=math.exp(centre),
                lower=math.exp(centre - t * standard_error),
                upper=math.exp(centre + t * standard_error),
            )
        )
    return Projection(years=tuple(projected), annual_change=math.expm1(float(slope)))


def demand_project_by_need(
    *,
    counts_by_need: Mapping[str, Mapping[int, int]],
    horizon: int = MAX_HORIZON,
    policy: DisclosurePolicy | None = None,
) -> dict[str, Projection]:
    """Project every need separately (needs are not summed, as a child can have several)."""
    return {
        need: demand_project(counts_by_year=counts, horizon=horizon, policy=policy)
        for need, counts in counts_by_need.items()
    }
