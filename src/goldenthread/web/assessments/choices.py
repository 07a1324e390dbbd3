"""The fixed lists an EHC needs assessment uses, with the DfE SEN2 codes they map to.

SEN2 (the DfE's person-level return) codes who asked for the assessment in five groups
(``RequestSource``, mandatory from the 2026 collection): 1 young person or parent, 2 school or
other education setting, 3 health care professionals, 4 social care professionals, 5 other.
We keep parent and young person apart (the letters differ) and map both to 1.
"""

from __future__ import annotations

from django.db import models


class RequestSource(models.TextChoices):
    """Who asked for the assessment (Children and Families Act 2014 s36(1); SEN2 RequestSource)."""

    PARENT = "parent", "Parent or carer"
    YOUNG_PERSON = "young_person", "Young person"
    SETTING = "setting", "School, college or other education setting"
    HEALTH = "health", "Health professional"
    SOCIAL_CARE = "social_care", "Social care"
    OTHER = "other", "Someone else"


SEN2_REQUEST_SOURCE: dict[str, str] = {
    RequestSource.PARENT: "1",
    RequestSource.YOUNG_PERSON: "1",
    RequestSource.SETTING: "2",
    RequestSource.HEALTH: "3",
    RequestSource.SOCIAL_CARE: "4",
    RequestSource.OTHER: "5",
}


class RequestOutcome(models.TextChoices):
    """What became of the request (SEN2 module 2: request outcome and its date)."""

    ASSESS = "assess", "Decided to assess"
    NOT_ASSESS = "not_assess", "Decided not to assess"
    WITHDRAWN = "withdrawn", "Request withdrawn"


class AssessmentOutcome(models.TextChoices):
    """What became of the assessment (SEN2 module 3: assessment outcome and its date)."""

    PLAN = "plan", "Decided to issue a plan"
    NO_PLAN = "no_plan", "Decided not to issue a plan"
    WITHDRAWN = "withdrawn", "Assessment stopped or withdrawn"


class AssessmentStage(models.TextChoices):
    """Where the assessment is now (derived from the dates, stored for fast lists)."""

    REQUESTED = "requested", "Deciding whether to assess"
    ASSESSING = "assessing", "Assessing: gathering advice"
    DECIDING = "deciding", "Deciding whether to issue a plan"
    DRAFT = "draft", "Draft plan with the family"
    ISSUED = "issued", "Plan issued"
    NOT_ASSESSED = "not_assessed", "Decided not to assess"
    NO_PLAN = "no_plan", "Decided not to issue a plan"
    CLOSED = "closed", "Withdrawn or stopped"


OPEN_STAGES = frozenset(
    {
        AssessmentStage.REQUESTED,
        AssessmentStage.ASSESSING,
        AssessmentStage.DECIDING,
        AssessmentStage.DRAFT,
    }
)


class AdviceService(models.TextChoices):
    """Who is asked for advice (SEND Regulations 2014 reg 6(1)(b) to (h))."""

    EDUCATION = "education", "Education (the school, college or setting)"
    HEALTH = "health", "Health"
    SOCIAL_CARE = "social_care", "Social care"
    EDUCATIONAL_PSYCHOLOGIST = "educational_psychologist", "Educational psychologist"
    OTHER = "other", "Other"


class AdviceStatus(models.TextChoices):
    """Where a request for advice stands; accept and return as for contributions (ADR 0011)."""

    REQUESTED = "requested", "Asked for"
    SUBMITTED = "submitted", "Sent in, waiting for the coordinator"
    ACCEPTED = "accepted", "Accepted"
    RETURNED = "returned", "Returned to the adviser"


class AdvicePartKind(models.TextChoices):
    NEED = "need", "Need"
    OUTCOME = "outcome", "Outcome"
    PROVISION = "provision", "Provision"


class ExceptionReason(models.TextChoices):
    """The reasons the SEND Regulations 2014 reg 10(4)(a) to (d) allow for missing a time limit."""

    SCHOOL_CLOSURE = "school_closure", "Advice asked of a school or college around a long closure"
    PERSONAL_CIRCUMSTANCES = "personal_circumstances", "Exceptional personal circumstances"
    ABSENT_FROM_AREA = "absent_from_area", "Away from the area for 4 weeks or more"
    MISSED_APPOINTMENT = "missed_appointment", "An appointment for an examination or test missed"


class DraftServedBy(models.TextChoices):
    """How the draft plan reached the family (for the day it counts as served)."""

    EMAIL = "email", "Email"
    HAND = "hand", "By hand"
    POST = "post", "First class post"
