"""The letters a refusal needs (regs 5(3) and 10(2)): the decision, the reasons, the right to
appeal with its time limits, mediation (reg 32), disagreement resolution and where to get
independent advice. Generated from the record as text (a page) and as a PDF."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.http import Http404

from goldenthread.web.assessments.choices import AssessmentOutcome, RequestOutcome
from goldenthread.web.assessments.models import Assessment

APPEAL = (
    "You have the right to appeal against this decision to the First-tier Tribunal (Special "
    "Educational Needs and Disability). You must appeal within 2 months of the date of this "
    "letter, or within 1 month of the date on the mediation certificate if that is later."
)
MEDIATION = (
    "Before you appeal you must contact a mediation adviser about whether mediation could help "
    "(Children and Families Act 2014 s55; SEND Regulations 2014 reg 32). You can ask for a "
    "mediation certificate without taking part in mediation. We must arrange mediation within "
    "30 days if you ask for it."
)
DISAGREEMENT = (
    "You can also use our disagreement resolution service at any time; it is independent of the "
    "people who made this decision and free to use."
)
INFORMATION = (
    "Your local SEND information, advice and support service (SENDIASS) gives free, impartial "
    "advice to families and young people about this decision and what you can do next."
)


@dataclass(frozen=True)
class Letter:
    kind: str
    heading: str
    decided_on: dt.date
    decision: str
    reasons: str
    paragraphs: tuple[str, ...]
    regulation: str


def refusal_letter(assessment: Assessment, kind: str) -> Letter:
    """The letter for a decision not to assess (``not-assess``) or not to issue (``no-plan``)."""
    name = assessment.child.preferred_name or assessment.child.first_name
    if kind == "not-assess" and assessment.request_outcome == RequestOutcome.NOT_ASSESS:
        assert assessment.request_outcome_on is not None  # nosec B101 - set with the outcome
        return Letter(
            kind,
            "Our decision about an education, health and care needs assessment",
            assessment.request_outcome_on,
            f"We have decided not to carry out an education, health and care (EHC) needs "
            f"assessment for {name} at this time.",
            assessment.not_assess_reason,
            (APPEAL, MEDIATION, DISAGREEMENT, INFORMATION),
            "SEND Regulations 2014 reg 5(3)",
        )
    if kind == "no-plan" and assessment.assessment_outcome == AssessmentOutcome.NO_PLAN:
        assert assessment.assessment_outcome_on is not None  # nosec B101 - set with the outcome
        return Letter(
            kind,
            "Our decision after the education, health and care needs assessment",
            assessment.assessment_outcome_on,
            f"We have decided not to issue an education, health and care (EHC) plan for {name}. "
            "We will tell the school or setting what the assessment found, so it can help.",
            assessment.not_issue_reason,
            (APPEAL, MEDIATION, DISAGREEMENT, INFORMATION),
            "SEND Regulations 2014 reg 10(1) and (2)",
        )
    raise Http404
