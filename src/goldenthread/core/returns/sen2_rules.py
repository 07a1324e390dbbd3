"""The checks run on a SEN2 return before it is written, each a named rule with its source.

The DfE publishes SEN2 validation as rules checked in COLLECT. Each check here enforces one
requirement stated in the SEN2 guide (the item number is in ``source``); ids are ours
(``SEN2-<module><n>``) because the published rule numbers were not available to copy
(docs/returns.md says which guide item each one reads). A failure names the child's record
number and the item (field). "error" failures stop the export; "query" ones are listed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterator

from goldenthread.core.identifiers import upn_is_valid
from goldenthread.core.returns import codes
from goldenthread.core.returns.findings import Finding, Rule
from goldenthread.core.returns.sen2 import (
    ActivePlan,
    NamedPlan,
    Period,
    Person,
    Placement,
    Request,
    Sen2Return,
)
from goldenthread.core.returns.sen2_placement_rules import PLACEMENT_RULES, placement_findings

G = codes.SEN2_GUIDE
URN_FORMAT = re.compile(r"^\d{6}$")
UKPRN_FORMAT = re.compile(r"^1\d{7}$")
ULN_FORMAT = re.compile(r"^\d{10}$")
LEA_FORMAT = re.compile(r"^\d{3}$")
POSTCODE_FORMAT = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$")
OLDEST = 25

PersonCheck = Callable[[Person, Period], Iterator[Finding]]
PERSON_CHECKS: list[PersonCheck] = []
RULES: dict[str, Rule] = {}


def rule(rule_id: str, message: str, source: str, severity: str = "error") -> Rule:
    made = Rule(rule_id, message, source, severity)
    RULES[rule_id] = made
    return made


def person_check(check: PersonCheck) -> PersonCheck:
    PERSON_CHECKS.append(check)
    return check


H01 = rule("SEN2-H01", "The authority's DfE number must be three digits", f"{G}, header: LEA")
P01 = rule("SEN2-P01", "Surname is missing", f"{G}, item 1.1 Surname")
P02 = rule("SEN2-P02", "Forename is missing", f"{G}, item 1.2 Forename")
P03 = rule("SEN2-P03", "Date of birth is missing", f"{G}, item 1.3 PersonBirthDate")
P04 = rule("SEN2-P04", "Date of birth is after the census date", f"{G}, item 1.3 PersonBirthDate")
P05 = rule(
    "SEN2-P05",
    "Person is older than 25 at the start of the year: plans end at 25",
    f"{G}, item 1.3; Children and Families Act 2014 s.46",
)
P06 = rule(
    "SEN2-P06",
    "Sex is missing or not M or F",
    f"{G}, item 1.4 Sex (replaces GenderCurrent from guide v1.2; witan.sen2 blade/csv.clj)",
)
P07 = rule("SEN2-P07", "Ethnicity is not a CBDS ethnicity code", f"{G}, item 1.5; {codes.CBDS}")
P08 = rule("SEN2-P08", "Postcode is not a UK postcode", f"{G}, item 1.6 PostCode")
P09 = rule("SEN2-P09", "UPN fails its check letter", f"{G}, item 1.7 UPN; {codes.CBDS} UPN")
P10 = rule("SEN2-P10", "ULN must be 10 digits", f"{G}, item 1.8 UniqueLearnerNumber")
P11 = rule(
    "SEN2-P11",
    "No UPN or ULN and no reason (UPNunknown) given",
    f"{G}, item 1.9 UPNunknown",
)
P12 = rule("SEN2-P12", "UPNunknown is not a listed reason", f"{G}, item 1.9 UPNunknown")
P13 = rule("SEN2-P13", "The same UPN is given for two people", f"{G}, item 1.7 UPN (unique)")
R01 = rule("SEN2-R01", "Date the request was received is missing", f"{G}, item 2.1 ReceivedDate")
R02 = rule("SEN2-R02", "Request received after the census date", f"{G}, item 2.1 ReceivedDate")
R03 = rule("SEN2-R03", "Request outcome is not a listed code", f"{G}, item 2.3 RequestOutcome")
R04 = rule(
    "SEN2-R04",
    "Request outcome date is before the request was received",
    f"{G}, item 2.2 RequestOutcomeDate",
)
R05 = rule(
    "SEN2-R05",
    "A decided request needs the date of the decision",
    f"{G}, item 2.2 RequestOutcomeDate",
)
R07 = rule("SEN2-R07", "Request source is not a listed code", f"{G} 2026, item 2.x RequestSource")
R06 = rule(
    "SEN2-R06",
    "An assessment is given but the request was not agreed (outcome A)",
    f"{G}, module 3 (assessments follow an agreed request)",
)
A01 = rule(
    "SEN2-A01", "Assessment outcome is not a listed code", f"{G}, item 3.1 AssessmentOutcome"
)
A02 = rule(
    "SEN2-A02",
    "Assessment outcome date is before the request was received",
    f"{G}, item 3.2 AssessmentOutcomeDate",
)
A03 = rule(
    "SEN2-A03",
    "Decided to issue a plan (H) but no named plan: check it is not yet issued",
    f"{G}, module 4 NamedPlan",
    severity="query",
)
N01 = rule("SEN2-N01", "Plan start (issue) date is missing", f"{G}, item 4.1 StartDate")
N02 = rule(
    "SEN2-N02", "Plan start date is before the request was received", f"{G}, item 4.1 StartDate"
)
N03 = rule("SEN2-N03", "A ceased plan needs the reason it ceased", f"{G}, item 4.6 CeaseReason")
N04 = rule("SEN2-N04", "Cease reason is not a listed code", f"{G}, item 4.6 CeaseReason")
N05 = rule("SEN2-N05", "Plan ceased before it started", f"{G}, item 4.5 CeaseDate")
L01 = rule(
    "SEN2-L01",
    "A placement needs exactly one of URN, UKPRN or SEN setting",
    f"{G}, items 4.7a-c / 5.7a-c",
)
L02 = rule("SEN2-L02", "URN must be six digits", f"{G}, items 4.7a / 5.7a URN")
L03 = rule("SEN2-L03", "UKPRN must be 8 digits starting 1", f"{G}, items 4.7b / 5.7b UKPRN")
L04 = rule("SEN2-L04", "SEN setting is not a listed code", f"{G}, items 4.7c / 5.7c SENsetting")
L05 = rule(
    "SEN2-L05", "Placement left before it started", f"{G}, items 5.9 EntryDate / 5.10 LeavingDate"
)
L06 = rule("SEN2-L06", "No placement ranked 1 (the main placement)", f"{G}, item 5.8 PlacementRank")
L07 = rule(
    "SEN2-L07",
    "An active plan has no placement",
    f"{G}, module 5 (every active plan has a placement)",
    severity="query",
)
S01 = rule("SEN2-S01", "An active plan needs a primary type of need", f"{G}, item 5.8a SENtype")
S02 = rule("SEN2-S02", "Type of need is not a listed code", f"{G}, item 5.8a SENtype")
V01 = rule(
    "SEN2-V01",
    "Annual review outcome is not M (maintain), A (amend) or C (cease)",
    f"{G}, module 5a ReviewOutcome (guide v1.2 on)",
)
V02 = rule(
    "SEN2-V02",
    "Annual review decision date (LastReview) is before the review meeting",
    f"{G}, module 5a LastReview / ReviewMeeting (guide v1.2 on)",
)
V03 = rule(
    "SEN2-V03",
    "Annual review meeting is after the census date",
    f"{G}, module 5a ReviewMeeting (guide v1.2 on)",
)
V04 = rule(
    "SEN2-V04",
    "A review was expected in the year but none is recorded",
    f"{G} 2026, annual review expected / completed",
    severity="query",
)


RULES.update({r.rule_id: r for r in PLACEMENT_RULES})


def header_findings(sen2: Sen2Return) -> Iterator[Finding]:
    if not LEA_FORMAT.match(sen2.header.lea):
        yield Finding(H01, 0, "LEA", sen2.header.lea)


@person_check
def person_identity(person: Person, period: Period) -> Iterator[Finding]:
    ref = person.ref
    if not person.surname.strip():
        yield Finding(P01, ref, "Surname")
    if not person.forename.strip():
        yield Finding(P02, ref, "Forename")
    born = person.birth_date
    if born is None:
        yield Finding(P03, ref, "PersonBirthDate")
    elif born > period.reference_date:
        yield Finding(P04, ref, "PersonBirthDate", born.isoformat())
    elif _age_on(born, period.start) > OLDEST:
        yield Finding(P05, ref, "PersonBirthDate", born.isoformat())
    if person.sex not in codes.SEXES:
        yield Finding(P06, ref, "Sex", person.sex)
    if person.ethnicity and person.ethnicity not in codes.ETHNICITIES:
        yield Finding(P07, ref, "Ethnicity", person.ethnicity)
    if person.postcode and not POSTCODE_FORMAT.match(person.postcode.upper()):
        yield Finding(P08, ref, "PostCode", person.postcode)


@person_check
def person_identifiers(person: Person, period: Period) -> Iterator[Finding]:
    ref = person.ref
    if person.upn and not upn_is_valid(person.upn):
        yield Finding(P09, ref, "UPN", person.upn)
    if person.uln and not ULN_FORMAT.match(person.uln):
        yield Finding(P10, ref, "UniqueLearnerNumber", person.uln)
    if not person.upn and not person.uln and not person.upn_unknown:
        yield Finding(P11, ref, "UPNunknown")
    if person.upn_unknown and person.upn_unknown not in codes.UPN_UNKNOWN:
        yield Finding(P12, ref, "UPNunknown", person.upn_unknown)


@person_check
def requests_and_assessments(person: Person, period: Period) -> Iterator[Finding]:
    for request in person.requests:
        yield from _request_findings(person.ref, request, period)


def _request_findings(ref: int, request: Request, period: Period) -> Iterator[Finding]:
    received = request.received_date
    if received is None:
        yield Finding(R01, ref, "ReceivedDate")
    elif received > period.reference_date:
        yield Finding(R02, ref, "ReceivedDate", received.isoformat())
    if request.source and request.source not in codes.REQUEST_SOURCES:
        yield Finding(R07, ref, "RequestSource", request.source)
    if request.outcome not in codes.REQUEST_OUTCOMES:
        yield Finding(R03, ref, "RequestOutcome", request.outcome)
    if request.outcome in {"A", "J"} and request.outcome_date is None:
        yield Finding(R05, ref, "RequestOutcomeDate")
    if received and request.outcome_date and request.outcome_date < received:
        yield Finding(R04, ref, "RequestOutcomeDate", request.outcome_date.isoformat())
    if request.assessment is not None:
        yield from _assessment_findings(ref, request)
    if request.active_plan is not None:
        yield from _active_plan_findings(ref, request.active_plan, period)


def _assessment_findings(ref: int, request: Request) -> Iterator[Finding]:
    received, assessment = request.received_date, request.assessment
    if assessment is not None:
        if request.outcome != "A":
            yield Finding(R06, ref, "RequestOutcome", request.outcome)
        if assessment.outcome not in codes.ASSESSMENT_OUTCOMES:
            yield Finding(A01, ref, "AssessmentOutcome", assessment.outcome)
        decided = assessment.outcome_date
        if received and decided and decided < received:
            yield Finding(A02, ref, "AssessmentOutcomeDate", decided.isoformat())
        if assessment.outcome == "H" and assessment.named_plan is None:
            yield Finding(A03, ref, "NamedPlan")
        if assessment.named_plan is not None:
            yield from _named_plan_findings(ref, assessment.named_plan, received)


def _named_plan_findings(ref: int, plan: NamedPlan, received: dt.date | None) -> Iterator[Finding]:
    if plan.start_date is None:
        yield Finding(N01, ref, "StartDate")
    elif received and plan.start_date < received:
        yield Finding(N02, ref, "StartDate", plan.start_date.isoformat())
    if plan.cease_date and not plan.cease_reason:
        yield Finding(N03, ref, "CeaseReason")
    if plan.cease_reason and plan.cease_reason not in codes.CEASE_REASONS:
        yield Finding(N04, ref, "CeaseReason", plan.cease_reason)
    if plan.cease_date and plan.start_date and plan.cease_date < plan.start_date:
        yield Finding(N05, ref, "CeaseDate", plan.cease_date.isoformat())
    yield from _placements_findings(ref, plan.placements, "PlanDetail")


def _active_plan_findings(ref: int, plan: ActivePlan, period: Period) -> Iterator[Finding]:
    if not plan.placements:
        yield Finding(L07, ref, "PlacementDetail")
    yield from _placements_findings(ref, plan.placements, "PlacementDetail")
    if plan.placements:
        yield from placement_findings(ref, plan.placements, period)
    if not plan.needs:
        yield Finding(S01, ref, "SENtype")
    for need in plan.needs:
        if need not in codes.SEN_TYPES:
            yield Finding(S02, ref, "SENtype", need)
    review = plan.last_review
    if review is not None:
        if review.outcome not in codes.REVIEW_OUTCOMES:
            yield Finding(V01, ref, "ReviewOutcome", review.outcome)
        if review.decision_date and review.decision_date < review.meeting_date:
            yield Finding(V02, ref, "LastReview", review.decision_date.isoformat())
        if review.meeting_date > period.reference_date:
            yield Finding(V03, ref, "ReviewMeeting", review.meeting_date.isoformat())
    if plan.review_expected and (review is None or not period.holds(review.meeting_date)):
        yield Finding(V04, ref, "ReviewMeeting")


def _placements_findings(
    ref: int, placements: tuple[Placement, ...], module: str
) -> Iterator[Finding]:
    for place in placements:
        given = [bool(place.urn), bool(place.ukprn), bool(place.sen_setting)]
        if sum(given) != 1 and not (place.named_setting and not any(given)):  # that is L12
            yield Finding(L01, ref, f"{module}: URN / UKPRN / SENsetting")
        if place.urn and not URN_FORMAT.match(place.urn):
            yield Finding(L02, ref, f"{module}: URN", place.urn)
        if place.ukprn and not UKPRN_FORMAT.match(place.ukprn):
            yield Finding(L03, ref, f"{module}: UKPRN", place.ukprn)
        if place.sen_setting and place.sen_setting not in codes.SEN_SETTINGS:
            yield Finding(L04, ref, f"{module}: SENsetting", place.sen_setting)
        if place.entry_date and place.leaving_date and place.leaving_date < place.entry_date:
            yield Finding(L05, ref, f"{module}: LeavingDate", place.leaving_date.isoformat())
    if placements and not any(p.rank == 1 for p in placements):
        yield Finding(L06, ref, f"{module}: PlacementRank")


def _age_on(born: dt.date, day: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def sen2_findings(sen2: Sen2Return) -> list[Finding]:
    """Every failed check on the return, in the order of the people in it."""
    found = list(header_findings(sen2))
    period = sen2.header.period
    for person in sen2.people:
        for check in PERSON_CHECKS:
            found.extend(check(person, period))
    upns = Counter(p.upn for p in sen2.people if p.upn)
    found.extend(
        Finding(P13, p.ref, "UPN", p.upn) for p in sen2.people if p.upn and upns[p.upn] > 1
    )
    return found
