"""Goal Attainment Scaling against hand-worked values.

T = 50 + 10·Σ(wᵢxᵢ) / √((1−ρ)·Σwᵢ² + ρ·(Σwᵢ)²), ρ = 0.3 unless stated.
"""

import datetime as dt
import math

import pytest

from goldenthread.core.reviews import (
    GAS_LEVELS,
    GasError,
    GasRating,
    gas_achievement_status,
    gas_change,
    gas_outcome_progress,
    gas_t_score,
    gas_t_score_series,
    turner_stokes_weight,
)
from goldenthread.core.reviews.gas import (
    ALL_WEIGHTS_ZERO,
    NEGATIVE_WEIGHT,
    NO_SCORES,
    RHO_OUT_OF_RANGE,
    SCORE_NOT_LEVEL,
    WEIGHTS_LENGTH,
)
from goldenthread.core.vocabulary import GOAL_ACHIEVEMENT

D = dt.date


def test_levels_have_standard_wording():
    assert list(GAS_LEVELS) == [-2, -1, 0, 1, 2]
    assert GAS_LEVELS[0] == "Expected outcome"
    assert GAS_LEVELS[-2] == "Much less than expected"


def test_all_goals_expected_gives_50():
    """Σwx = 0, so T = 50 whatever the weights."""
    assert gas_t_score([0, 0, 0]) == 50
    assert gas_t_score([0, 0], [3, 9]) == 50


def test_one_goal_at_plus_one_gives_60():
    """n = 1, w = 1: denominator √(0.7·1 + 0.3·1) = 1, so T = 50 + 10·1/1 = 60."""
    assert gas_t_score([1]) == pytest.approx(60)


def test_minus_one_zero_plus_one_gives_50():
    """Σwx = −1 + 0 + 1 = 0."""
    assert gas_t_score([-1, 0, 1]) == pytest.approx(50)


def test_three_goals_at_minus_one():
    """Σwx = −3; Σw² = 3; (Σw)² = 9; √(0.7·3 + 0.3·9) = √(2.1 + 2.7) = √4.8 = 2.19089…
    T = 50 − 30/2.19089 = 50 − 13.6931 = 36.3069…"""
    assert gas_t_score([-1, -1, -1]) == pytest.approx(50 - 30 / math.sqrt(4.8))
    assert gas_t_score([-1, -1, -1]) == pytest.approx(36.3069, abs=1e-4)


def test_weighted_two_goals():
    """x = (+2, +1), w = (2, 1): Σwx = 4 + 1 = 5; Σw² = 4 + 1 = 5; (Σw)² = 9;
    √(0.7·5 + 0.3·9) = √(3.5 + 2.7) = √6.2 = 2.48998…; T = 50 + 50/2.48998 = 70.0805…"""
    assert gas_t_score([2, 1], [2, 1]) == pytest.approx(50 + 50 / math.sqrt(6.2))
    assert gas_t_score([2, 1], [2, 1]) == pytest.approx(70.0805, abs=1e-4)


def test_two_goals_at_plus_two_equal_weights():
    """Σwx = 4; √(0.7·2 + 0.3·4) = √2.6 = 1.61245; T = 50 + 40/1.61245 = 74.807…"""
    assert gas_t_score([2, 2]) == pytest.approx(74.8069, abs=1e-4)


def test_rho_zero_and_one():
    """ρ = 0: T = 50 + 10·Σx/√n; ρ = 1: T = 50 + 10·Σx/n (the mean level × 10)."""
    assert gas_t_score([1, 1, 1, 1], rho=0) == pytest.approx(50 + 40 / 2)
    assert gas_t_score([1, 1, 1, 1], rho=1) == pytest.approx(60)


def test_more_goals_all_at_minus_one_score_lower():
    """With n equal goals at −1, T = 50 − 10n/√(0.7n + 0.3n²) = 50 − 10/√(0.7/n + 0.3), which
    falls as n grows, towards 50 − 10/√0.3 = 31.74."""
    scores = [gas_t_score([-1] * n) for n in range(1, 11)]
    assert scores == sorted(scores, reverse=True)
    assert len(set(scores)) == len(scores)
    assert scores[0] == pytest.approx(40)
    assert gas_t_score([-1] * 1000) > 50 - 10 / math.sqrt(0.3)


def test_turner_stokes_weights():
    assert turner_stokes_weight(3, 3) == 9
    assert turner_stokes_weight(2, 1) == 2
    assert turner_stokes_weight(0, 3) == 0
    with pytest.raises(GasError, match="Importance"):
        turner_stokes_weight(4, 1)
    with pytest.raises(GasError, match="Difficulty"):
        turner_stokes_weight(1, -1)


@pytest.mark.parametrize(
    ("scores", "weights", "rho", "message"),
    [
        ([], None, 0.3, NO_SCORES),
        ([3], None, 0.3, SCORE_NOT_LEVEL.format(score=3)),
        ([-3], None, 0.3, SCORE_NOT_LEVEL.format(score=-3)),
        ([0.5], None, 0.3, SCORE_NOT_LEVEL.format(score=0.5)),
        ([True], None, 0.3, SCORE_NOT_LEVEL.format(score=True)),
        ([0, 1], [1], 0.3, WEIGHTS_LENGTH.format(scores=2, weights=1)),
        ([0, 1], [0, 0], 0.3, ALL_WEIGHTS_ZERO),
        ([0, 1], [1, -1], 0.3, NEGATIVE_WEIGHT.format(weight=-1)),
        ([0], None, 1.5, RHO_OUT_OF_RANGE.format(rho=1.5)),
    ],
)
def test_validation_messages(scores, weights, rho, message):
    with pytest.raises(GasError) as error:
        gas_t_score(scores, weights, rho=rho)
    assert str(error.value) == message


def test_zero_weight_goal_is_ignored():
    """w = (1, 0): Σwx = 1; √(0.7·1 + 0.3·1) = 1; T = 60."""
    assert gas_t_score([1, -2], [1, 0]) == pytest.approx(60)


def test_outcome_progress_and_change():
    ratings = [
        GasRating("talking", D(2025, 7, 1), 0),
        GasRating("talking", D(2024, 7, 1), -1),
        GasRating("dressing", D(2024, 7, 1), -1),
        GasRating("dressing", D(2025, 7, 1), -2),
        GasRating("talking", D(2026, 7, 1), 2),
    ]
    progress = gas_outcome_progress(ratings)
    talking = progress["talking"]
    assert talking.levels == ((D(2024, 7, 1), -1), (D(2025, 7, 1), 0), (D(2026, 7, 1), 2))
    assert (talking.baseline, talking.latest, talking.change) == (-1, 2, 3)
    assert progress["dressing"].change == -1
    assert gas_change([(D(2025, 1, 1), 1), (D(2024, 1, 1), -2)]) == 3


def test_duplicate_ratings_are_refused():
    ratings = [GasRating("talking", D(2025, 7, 1), 0), GasRating("talking", D(2025, 7, 1), 1)]
    with pytest.raises(GasError, match="two ratings"):
        gas_outcome_progress(ratings)


def test_t_score_series_by_review_date():
    """2024: (−1, −1) → 50 − 20/√(1.4 + 1.2) = 50 − 20/√2.6 = 37.596…;
    2025: (0, +1) with weights (1, 2) → Σwx = 2; √(0.7·5 + 0.3·9) = √6.2; 50 + 20/√6.2."""
    ratings = [
        GasRating("talking", D(2024, 7, 1), -1),
        GasRating("dressing", D(2024, 7, 1), -1, weight=2),
        GasRating("talking", D(2025, 7, 1), 0),
        GasRating("dressing", D(2025, 7, 1), 1, weight=2),
    ]
    series = gas_t_score_series(ratings)
    assert [day for day, _ in series] == [D(2024, 7, 1), D(2025, 7, 1)]
    # 2024 is weighted too: Σwx = −1 − 2 = −3; √(0.7·5 + 0.3·9) = √6.2
    assert series[0][1] == pytest.approx(50 - 30 / math.sqrt(6.2))
    assert series[1][1] == pytest.approx(50 + 20 / math.sqrt(6.2))


@pytest.mark.parametrize(
    ("level", "baseline", "final", "status"),
    [
        (2, None, False, "achieved"),
        (1, -1, True, "achieved"),
        (0, -1, True, "achieved"),
        (-1, None, False, "no-change"),
        (-1, -1, True, "not-achieved"),
        (-2, -1, False, "worsening"),
        (-2, None, True, "worsening"),
        (-2, -2, False, "no-change"),
        (-2, -2, True, "not-achieved"),
        (-1, -2, False, "improving"),
        (-1, -2, True, "not-achieved"),
    ],
)
def test_fhir_achievement_status(level, baseline, final, status):
    assert gas_achievement_status(level, baseline=baseline, final=final) == status
    assert status in GOAL_ACHIEVEMENT
