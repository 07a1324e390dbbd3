"""A small preview of what the quality engine says about an outcome, shown on its form."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from goldenthread.core.quality import StatementContext, Status, assess
from goldenthread.core.quality.second_look import second_look_sentence
from goldenthread.web.plans.models import Plan

KIND_WORDS = {
    "outcome": "an outcome",
    "aspiration": "a hope for the future (aspiration), not an outcome",
    "need": "a need, not an outcome",
    "target": "a small step (target), not a whole outcome",
    "provision": "help that is given (provision), not an outcome",
}
MAX_PROBLEMS = 5


@dataclass(frozen=True)
class QualityPreview:
    kind: str
    smart: bool
    problems: list[str]
    second_look: str = ""  # "Worth a second look: …" where the learned judge is unsure


def quality_preview(text: str, *, plan: Plan) -> QualityPreview | None:
    """Kind, SMART or not, the messages of the checks it fails (at most five), and what the
    learned judge is unsure of (docs/adr/0062)."""
    if not text.strip():
        return None
    context = StatementContext(
        today=timezone.localdate(), date_of_birth=plan.child.date_of_birth, plan_end=plan.end_date
    )
    assessment = assess(text, context)
    problems = [
        finding.message
        for finding in assessment.criteria.values()
        if finding.status == Status.FAIL and finding.message
    ]
    return QualityPreview(
        kind=KIND_WORDS.get(str(assessment.kind), str(assessment.kind)),
        smart=assessment.smart,
        problems=list(dict.fromkeys(problems))[:MAX_PROBLEMS],
        second_look=second_look_sentence(assessment.unsure),
    )
