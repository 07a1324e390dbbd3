"""The SEN2 person-level return: its records, its collection period and its XML.

The shape follows the DfE's SEN2 person level survey guide and technical specification:
a header, then for each person their requests; under a request its EHC needs assessment
(with the named plan and that plan's placements when a plan was issued) and, for a plan active
on the census date, the active plan with its placements, types of need and annual-review items
(collected from the 2026 survey on). Items are named as in the guide; see docs/returns.md.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element, SubElement, indent, tostring  # nosec B405 - writing only

from goldenthread.core.reviews.decision_timeliness import decided_within_4_weeks

COLLECTION = "SEN2"
SOURCE_LEVEL = "L"
SOFTWARE_CODE = "GoldenThread"
THURSDAY = 3
TWENTY_WEEKS = dt.timedelta(weeks=20)


@dataclass(frozen=True)
class Period:
    """A collection: the calendar year before it, and the census (reference) date in January."""

    year: int

    @property
    def start(self) -> dt.date:
        return dt.date(self.year - 1, 1, 1)

    @property
    def end(self) -> dt.date:
        return dt.date(self.year - 1, 12, 31)

    @property
    def reference_date(self) -> dt.date:
        """The third Thursday in January of the collection year (the SEN2 census date)."""
        first = dt.date(self.year, 1, 1)
        first_thursday = first + dt.timedelta(days=(THURSDAY - first.weekday()) % 7)
        return first_thursday + dt.timedelta(weeks=2)

    def holds(self, day: dt.date | None) -> bool:
        return day is not None and self.start <= day <= self.end


@dataclass(frozen=True)
class Placement:
    """A setting named in a plan (<PlanDetail>) or attended (<PlacementDetail>)."""

    urn: str = ""
    ukprn: str = ""
    sen_setting: str = ""
    sen_setting_other: str = ""
    rank: int = 1
    entry_date: dt.date | None = None
    leaving_date: dt.date | None = None
    sen_unit: bool = False
    resourced_provision: bool = False
    residential: bool = False  # <RES> on a <PlacementDetail> (guide v1.2 on)
    work_based: bool = False  # <WBP> on a <PlacementDetail> (guide v1.2 on)
    named_setting: bool = False  # at a setting Golden Thread knows (then sent by URN or UKPRN)


@dataclass(frozen=True)
class AnnualReview:
    """The latest annual review of an active plan: <ReviewMeeting>, <ReviewOutcome> and the
    date of that decision, <LastReview> ("annual review decision date", guide v1.2 on)."""

    meeting_date: dt.date
    outcome: str  # codes.REVIEW_OUTCOMES
    decision_date: dt.date | None

    @property
    def decided_within_four_weeks(self) -> bool:
        # One rule for the return and the leaders' page: la_decision_due (reg 20(10)).
        return decided_within_4_weeks(self.meeting_date, self.decision_date)


@dataclass(frozen=True)
class NamedPlan:
    """A plan issued after an assessment (<NamedPlan>), with the settings it names."""

    plan_ref: int
    start_date: dt.date | None
    cease_date: dt.date | None = None
    cease_reason: str = ""
    placements: tuple[Placement, ...] = ()


@dataclass(frozen=True)
class Assessment:
    """An EHC needs assessment (<Assessment>) and the decision whether to issue a plan."""

    outcome: str  # codes.ASSESSMENT_OUTCOMES
    outcome_date: dt.date | None
    week20_exception: bool = False
    named_plan: NamedPlan | None = None


@dataclass(frozen=True)
class ActivePlan:
    """A plan in force on the census date (<ActivePlans>), where the person is and their needs."""

    plan_ref: int
    transfer_la: str = ""
    placements: tuple[Placement, ...] = ()
    needs: tuple[str, ...] = ()  # codes.SEN_TYPES, rank 1 first
    review_expected: bool = False  # for the headline figures; not an item of the return
    last_review: AnnualReview | None = None


@dataclass(frozen=True)
class Request:
    """A request for an EHC needs assessment (<Requests>) and what followed from it."""

    received_date: dt.date | None
    outcome: str  # codes.REQUEST_OUTCOMES
    source: str = ""  # codes.REQUEST_SOURCES (from the 2026 collection)
    outcome_date: dt.date | None = None
    rya: bool = False
    assessment: Assessment | None = None
    active_plan: ActivePlan | None = None


@dataclass(frozen=True)
class Person:
    """One child or young person (<Person>); ``ref`` is their record number in Golden Thread."""

    ref: int
    surname: str
    forename: str
    birth_date: dt.date | None
    sex: str = ""  # codes.SEXES
    ethnicity: str = ""
    postcode: str = ""
    upn: str = ""
    uln: str = ""
    upn_unknown: str = ""
    requests: tuple[Request, ...] = ()


@dataclass(frozen=True)
class Header:
    period: Period
    lea: str
    made_at: dt.datetime
    release: str = "1"
    serial_no: int = 1


@dataclass(frozen=True)
class Sen2Return:
    header: Header
    people: tuple[Person, ...] = field(default_factory=tuple)


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def _flag(value: bool) -> str:
    return "1" if value else "0"


def _items(parent: Element, tag: str, pairs: list[tuple[str, str]]) -> Element:
    node = SubElement(parent, tag)
    for name, value in pairs:
        if value != "":
            SubElement(node, name).text = value
    return node


def _placement(parent: Element, tag: str, place: Placement, *, attended: bool) -> None:
    pairs = [
        ("URN", place.urn),
        ("UKPRN", place.ukprn),
        ("SENsetting", place.sen_setting),
        ("SENsettingOther", place.sen_setting_other),
        ("PlacementRank", str(place.rank)),
    ]
    if attended:
        pairs += [
            ("EntryDate", _date(place.entry_date)),
            ("LeavingDate", _date(place.leaving_date)),
        ]
    pairs += [
        ("SENunitIndicator", _flag(place.sen_unit)),
        ("ResourcedProvisionIndicator", _flag(place.resourced_provision)),
    ]
    if attended:
        pairs += [("RES", _flag(place.residential)), ("WBP", _flag(place.work_based))]
    _items(parent, tag, pairs)


def _request(parent: Element, request: Request) -> None:
    node = _items(
        parent,
        "Requests",
        [
            ("ReceivedDate", _date(request.received_date)),
            ("RequestSource", request.source),
            ("RYA", _flag(request.rya)),
            ("RequestOutcomeDate", _date(request.outcome_date)),
            ("RequestOutcome", request.outcome),
        ],
    )
    if (assessment := request.assessment) is not None:
        a_node = _items(
            node,
            "Assessment",
            [
                ("AssessmentOutcome", assessment.outcome),
                ("AssessmentOutcomeDate", _date(assessment.outcome_date)),
                ("Week20", _flag(assessment.week20_exception)),
            ],
        )
        if (plan := assessment.named_plan) is not None:
            p_node = _items(
                a_node,
                "NamedPlan",
                [
                    ("StartDate", _date(plan.start_date)),
                    ("CeaseDate", _date(plan.cease_date)),
                    ("CeaseReason", plan.cease_reason),
                ],
            )
            for place in plan.placements:
                _placement(p_node, "PlanDetail", place, attended=False)
    if (active := request.active_plan) is not None:
        review = active.last_review
        ap_node = _items(
            node,
            "ActivePlans",
            [
                ("TransferLA", active.transfer_la),
                ("ReviewMeeting", _date(review.meeting_date if review else None)),
                ("ReviewOutcome", review.outcome if review else ""),
                ("LastReview", _date(review.decision_date if review else None)),
            ],
        )
        for place in active.placements:
            _placement(ap_node, "PlacementDetail", place, attended=True)
        for rank, need in enumerate(active.needs, start=1):
            _items(ap_node, "SENneed", [("SENtype", need), ("SENtypeRank", str(rank))])


def sen2_xml(sen2: Sen2Return) -> bytes:
    """The return as UTF-8 XML: <Message> with <Header> then one <Person> per child."""
    header = sen2.header
    root = Element("Message")
    head = SubElement(root, "Header")
    _items(
        head,
        "CollectionDetails",
        [
            ("Collection", COLLECTION),
            ("Year", str(header.period.year)),
            ("ReferenceDate", _date(header.period.reference_date)),
        ],
    )
    _items(
        head,
        "Source",
        [
            ("SourceLevel", SOURCE_LEVEL),
            ("LEA", header.lea),
            ("SoftwareCode", SOFTWARE_CODE),
            ("Release", header.release),
            ("SerialNo", str(header.serial_no)),
            ("DateTime", header.made_at.replace(microsecond=0).isoformat()),
        ],
    )
    people = SubElement(root, "Persons")
    for person in sen2.people:
        node = _items(
            people,
            "Person",
            [
                ("Surname", person.surname),
                ("Forename", person.forename),
                ("PersonBirthDate", _date(person.birth_date)),
                ("Sex", person.sex),
                ("Ethnicity", person.ethnicity),
                ("PostCode", person.postcode),
                ("UPN", person.upn),
                ("UniqueLearnerNumber", person.uln),
                ("UPNunknown", person.upn_unknown),
            ],
        )
        for request in person.requests:
            _request(node, request)
    indent(root)
    body = tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")
