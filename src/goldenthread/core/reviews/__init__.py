"""Reviews: deadlines for every kind of plan, and Goal Attainment Scaling.

Plain Python with no framework; the web layer calls ``deadlines_for_plan`` and the GAS helpers.
"""

from goldenthread.core.reviews.deadlines import (
    amended_plan_due,
    annual_review_due,
    la_decision_due,
    meeting_notice_due,
    review_report_due,
    scheduled_review_due,
    setting_plan_review_due,
    under_five_review_due,
)
from goldenthread.core.reviews.facts import MeetingFacts, PhaseTransfer, PlanFacts
from goldenthread.core.reviews.gas import (
    GAS_LEVELS,
    GasError,
    GasRating,
    OutcomeProgress,
    gas_achievement_status,
    gas_change,
    gas_outcome_progress,
    gas_t_score,
    gas_t_score_series,
    turner_stokes_weight,
)
from goldenthread.core.reviews.intervals import REVIEW_INTERVALS, ReviewInterval
from goldenthread.core.reviews.model import (
    DEADLINE_RULES,
    Deadline,
    DeadlineKind,
    DeadlineState,
    DeadlineStatus,
    Period,
    PlanStatus,
    deadline_status,
)
from goldenthread.core.reviews.plan import deadlines_for_plan, next_review_due
from goldenthread.core.reviews.transfers import (
    covers_preparing_for_adulthood,
    next_phase_transfer,
    phase_transfer_due,
    post_16_transfer_due,
    preparing_for_adulthood_review_due,
)

__all__ = [
    "DEADLINE_RULES",
    "GAS_LEVELS",
    "REVIEW_INTERVALS",
    "Deadline",
    "DeadlineKind",
    "DeadlineState",
    "DeadlineStatus",
    "GasError",
    "GasRating",
    "MeetingFacts",
    "OutcomeProgress",
    "Period",
    "PhaseTransfer",
    "PlanFacts",
    "PlanStatus",
    "ReviewInterval",
    "amended_plan_due",
    "annual_review_due",
    "covers_preparing_for_adulthood",
    "deadline_status",
    "deadlines_for_plan",
    "gas_achievement_status",
    "gas_change",
    "gas_outcome_progress",
    "gas_t_score",
    "gas_t_score_series",
    "la_decision_due",
    "meeting_notice_due",
    "next_phase_transfer",
    "next_review_due",
    "phase_transfer_due",
    "post_16_transfer_due",
    "preparing_for_adulthood_review_due",
    "review_report_due",
    "scheduled_review_due",
    "setting_plan_review_due",
    "turner_stokes_weight",
    "under_five_review_due",
]
