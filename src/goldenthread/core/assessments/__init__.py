"""The EHC needs assessment clock: named time limits from the SEND Regulations 2014, bank
holidays in England and Wales, and one assessment's timeline. Plain Python, no framework."""

from goldenthread.core.assessments.clock import (
    AdviceFacts,
    AssessmentFacts,
    Clock,
    ClockLine,
    ExceptionPeriod,
    Status,
    assessment_clock,
    assessment_stage,
)
from goldenthread.core.assessments.rules import (
    ASSESSMENT_RULES,
    advice_due,
    decision_to_assess_due,
    decision_to_issue_due,
    draft_served_on,
    family_views_due,
    final_plan_due,
)

__all__ = [
    "ASSESSMENT_RULES",
    "AdviceFacts",
    "AssessmentFacts",
    "Clock",
    "ClockLine",
    "ExceptionPeriod",
    "Status",
    "advice_due",
    "assessment_clock",
    "assessment_stage",
    "decision_to_assess_due",
    "decision_to_issue_due",
    "draft_served_on",
    "family_views_due",
    "final_plan_due",
]
