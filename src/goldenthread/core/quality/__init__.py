"""The outcome quality engine: is a statement an outcome, is it SMART, and why.

from goldenthread.core.quality import assess, CRITERIA
assessment = assess("By the end of Year 4, I will …", StatementContext(today=date.today()))
"""

from goldenthread.core.quality.builder import QUESTIONS, outcome_from_parts
from goldenthread.core.quality.engine import CRITERIA, MAX_TEXT_CHARS, assess
from goldenthread.core.quality.model import (
    Assessment,
    Finding,
    Kind,
    Span,
    StatementContext,
    Status,
)
from goldenthread.core.quality.record import assessment_to_record
from goldenthread.core.quality.registry import RULES

__all__ = [
    "CRITERIA",
    "MAX_TEXT_CHARS",
    "QUESTIONS",
    "RULES",
    "Assessment",
    "Finding",
    "Kind",
    "Span",
    "StatementContext",
    "Status",
    "assess",
    "assessment_to_record",
    "outcome_from_parts",
]
