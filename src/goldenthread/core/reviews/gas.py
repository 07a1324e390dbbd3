"""Goal Attainment Scaling (GAS): rate each outcome from -2 to +2 and sum them into a T-score.

The T-score (Kiresuk and Sherman, 1968) is

    T = 50 + 10 * sum(w * x) / sqrt((1 - rho) * sum(w ** 2) + rho * (sum(w)) ** 2)

where x is each goal's level, w its weight (1 each when not weighted) and rho the assumed
correlation between goals, by convention 0.3. T is 50 when every goal is met exactly, with a
standard deviation of about 10. Turner-Stokes (2009) weights a goal by importance (0 to 3) times
difficulty (0 to 3).

GAS levels map to FHIR Goal.achievementStatus like this. The baseline is the level when the goal
was set; in the UK variant it is usually -1, which we assume when it is not given.

- 0, +1 or +2: "achieved" (FHIR has no code for "more than expected"; keep the level itself);
- below the baseline (for example -2 from a baseline of -1): "worsening";
- at the baseline: "no-change" at an interim review, "not-achieved" at the final one;
- above the baseline but still below 0 (-1 from a baseline of -2): "improving" at an interim
  review, "not-achieved" at the final one.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

LOWEST_LEVEL = -2
HIGHEST_LEVEL = 2
EXPECTED_LEVEL = 0
DEFAULT_BASELINE = -1
DEFAULT_RHO = 0.3
T_SCORE_MEAN = 50.0
T_SCORE_SPREAD = 10.0
MAX_TURNER_STOKES_RATING = 3

GAS_LEVELS: dict[int, str] = {
    -2: "Much less than expected",
    -1: "Less than expected",
    0: "Expected outcome",
    1: "Somewhat more than expected",
    2: "Much more than expected",
}

NO_SCORES = "Give at least one goal score to work out a T-score."
SCORE_NOT_LEVEL = "Each goal score must be a whole number from -2 to +2; got {score!r}."
WEIGHTS_LENGTH = "Give one weight per goal: {scores} scores but {weights} weights."
NEGATIVE_WEIGHT = "Goal weights cannot be negative; got {weight!r}."
ALL_WEIGHTS_ZERO = "At least one goal must have a weight above 0."
RHO_OUT_OF_RANGE = "rho must be from 0 to 1; got {rho!r}."
RATING_OUT_OF_RANGE = "{name} must be a whole number from 0 to 3; got {value!r}."
DUPLICATE_RATING = "Outcome {outcome!r} has two ratings on {day}."


class GasError(ValueError):
    """Scores, weights or ratings that GAS cannot use."""


def check_level(score: object) -> int:
    """The score as a GAS level, or ``GasError`` if it is not a whole number from -2 to +2."""
    if isinstance(score, bool) or not isinstance(score, int):
        raise GasError(SCORE_NOT_LEVEL.format(score=score))
    if not LOWEST_LEVEL <= score <= HIGHEST_LEVEL:
        raise GasError(SCORE_NOT_LEVEL.format(score=score))
    return score


def gas_t_score(
    scores: Sequence[int], weights: Sequence[float] | None = None, rho: float = DEFAULT_RHO
) -> float:
    """The Kiresuk-Sherman T-score for a set of goal levels (equal weights of 1 by default)."""
    if not scores:
        raise GasError(NO_SCORES)
    levels = [check_level(score) for score in scores]
    if weights is None:
        weights = [1.0] * len(levels)
    if len(weights) != len(levels):
        raise GasError(WEIGHTS_LENGTH.format(scores=len(levels), weights=len(weights)))
    for weight in weights:
        if weight < 0:
            raise GasError(NEGATIVE_WEIGHT.format(weight=weight))
    if not 0 <= rho <= 1:
        raise GasError(RHO_OUT_OF_RANGE.format(rho=rho))
    if not any(weights):
        raise GasError(ALL_WEIGHTS_ZERO)
    weighted = sum(w * x for w, x in zip(weights, levels, strict=True))
    spread = (1 - rho) * sum(w * w for w in weights) + rho * sum(weights) ** 2
    return T_SCORE_MEAN + T_SCORE_SPREAD * weighted / math.sqrt(spread)


def _check_rating(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise GasError(RATING_OUT_OF_RANGE.format(name=name, value=value))
    if not 0 <= value <= MAX_TURNER_STOKES_RATING:
        raise GasError(RATING_OUT_OF_RANGE.format(name=name, value=value))
    return value


def turner_stokes_weight(importance: int, difficulty: int) -> int:
    """A goal's weight: importance (0 to 3) times difficulty (0 to 3), so 0 to 9."""
    return _check_rating("Importance", importance) * _check_rating("Difficulty", difficulty)


def gas_achievement_status(level: int, *, baseline: int | None = None, final: bool = False) -> str:
    """The FHIR Goal.achievementStatus code for a GAS level (mapping in the module docstring)."""
    level = check_level(level)
    start = DEFAULT_BASELINE if baseline is None else check_level(baseline)
    if level >= EXPECTED_LEVEL:
        return "achieved"
    if level < start:
        return "worsening"
    if final:
        return "not-achieved"
    return "no-change" if level == start else "improving"


@dataclass(frozen=True, slots=True)
class GasRating:
    """One outcome's GAS level at one review (``weight`` defaults to 1)."""

    outcome: str
    rated_on: dt.date
    level: int
    weight: float = 1.0


LevelSeries = tuple[tuple[dt.date, int], ...]


def gas_change(levels: Sequence[tuple[dt.date, int]]) -> int:
    """How many levels an outcome has moved from its first rating to its latest (by date)."""
    if not levels:
        raise GasError(NO_SCORES)
    ordered = sorted(levels)
    return check_level(ordered[-1][1]) - check_level(ordered[0][1])


@dataclass(frozen=True, slots=True)
class OutcomeProgress:
    """An outcome's levels by review date, oldest first."""

    outcome: str
    levels: LevelSeries

    @property
    def baseline(self) -> int:
        return self.levels[0][1]

    @property
    def latest(self) -> int:
        return self.levels[-1][1]

    @property
    def change(self) -> int:
        return gas_change(self.levels)


def _by_outcome_and_date(ratings: Iterable[GasRating]) -> dict[str, dict[dt.date, GasRating]]:
    table: dict[str, dict[dt.date, GasRating]] = defaultdict(dict)
    for rating in ratings:
        check_level(rating.level)
        if rating.rated_on in table[rating.outcome]:
            raise GasError(DUPLICATE_RATING.format(outcome=rating.outcome, day=rating.rated_on))
        table[rating.outcome][rating.rated_on] = rating
    return table


def gas_outcome_progress(ratings: Iterable[GasRating]) -> dict[str, OutcomeProgress]:
    """Each outcome's series of levels by review date (one rating per outcome per date)."""
    table = _by_outcome_and_date(ratings)
    return {
        outcome: OutcomeProgress(
            outcome, tuple((day, by_date[day].level) for day in sorted(by_date))
        )
        for outcome, by_date in table.items()
    }


def gas_t_score_series(
    ratings: Iterable[GasRating], *, rho: float = DEFAULT_RHO
) -> tuple[tuple[dt.date, float], ...]:
    """A child's T-score at each review date, from the outcomes rated on that date."""
    by_date: dict[dt.date, list[GasRating]] = defaultdict(list)
    for by_outcome in _by_outcome_and_date(ratings).values():
        for day, rating in by_outcome.items():
            by_date[day].append(rating)
    return tuple(
        (
            day,
            gas_t_score([r.level for r in by_date[day]], [r.weight for r in by_date[day]], rho=rho),
        )
        for day in sorted(by_date)
    )
